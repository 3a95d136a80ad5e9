/**
 * What every codec shares: the compressed input read in pieces, and the sink that takes the
 * decompressed output chunk by chunk and says when it has enough.
 * @module
 */
import type { ByteSource } from "../../elf.ts";

/** Takes one decompressed chunk (a view it must not keep); returns false to stop. */
export type Sink = (chunk: Uint8Array) => boolean;

/**
 * Decompresses all of `input` (or until `sink` returns false) into `sink`. `size` is the
 * decompressed size when something outside the stream records it (a bzImage's size
 * trailer); codecs that can use it do.
 */
export type Codec = (input: ByteSource, sink: Sink, size?: number) => Promise<void>;

/** Input pieces are read this large, so a payload is never held whole by the reader. */
export const INPUT_CHUNK = 1 << 20;

/** Output is handed to the sink in pieces this large by the codecs that gather it. */
export const OUTPUT_PIECE = 1 << 20;

/** Hands `out` to `sink` in {@link OUTPUT_PIECE}-byte views, until it returns false. */
export function feed(out: Uint8Array, sink: Sink): void {
  for (let at = 0; at < out.length; at += OUTPUT_PIECE) {
    if (!sink(out.subarray(at, Math.min(out.length, at + OUTPUT_PIECE)))) return;
  }
}

/** The input in {@link INPUT_CHUNK}-byte pieces, read only as they are consumed. */
export function* inputChunks(input: ByteSource): Generator<Uint8Array> {
  for (let at = 0; at < input.size; at += INPUT_CHUNK) {
    yield input.read(at, Math.min(INPUT_CHUNK, input.size - at));
  }
}

/**
 * Imports a module on first use (`node:zlib` for gzip and zstd). The specifier is a
 * parameter, not a literal, so Deno does not start its Node compatibility layer while it
 * loads the program: a raw-BTF run never touches a decompressor.
 */
export function lazyImport<T>(specifier: string): Promise<T> {
  return import(specifier);
}
