/**
 * xz and lzma (LZMA1, "lzma_alone") through `@napi-rs/lzma` (native, lzma-rust2). Its
 * one-shot decoder is used: its incremental one decodes on a worker thread and was measured
 * 4x slower and heavier (the output queues up natively). The output is handed to the sink in
 * 1 MiB views, so the collector sees a stream like every other codec's.
 * @module
 */
import { type Codec, lazyImport, OUTPUT_PIECE, PACKAGES, type Sink } from "./stream.ts";

/** The part of `@napi-rs/lzma` used here. */
interface Lzma {
  xz: { decompressSync(input: Uint8Array): Uint8Array };
  lzma: { decompressSync(input: Uint8Array): Uint8Array };
}

function feed(out: Uint8Array, sink: Sink): void {
  for (let at = 0; at < out.length; at += OUTPUT_PIECE) {
    if (!sink(out.subarray(at, Math.min(out.length, at + OUTPUT_PIECE)))) return;
  }
}

/** xz (kernel `xzkern`: BCJ x86 + LZMA2, CRC32; `.ko.xz`). */
export const unxz: Codec = async (input, sink) => {
  const { xz } = await lazyImport<Lzma>(PACKAGES.lzma);
  feed(xz.decompressSync(input.read(0, input.size)), sink);
};

/** lzma (kernel `lzma -9`). */
export const unlzma: Codec = async (input, sink) => {
  const { lzma } = await lazyImport<Lzma>(PACKAGES.lzma);
  feed(lzma.decompressSync(input.read(0, input.size)), sink);
};
