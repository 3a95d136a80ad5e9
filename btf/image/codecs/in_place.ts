/**
 * Runs the single-call decoders of wasm/codecs.wasm (xz-embedded, the LZMA SDK's LzmaDecode)
 * the way the kernel decompresses itself: the output buffer is the dictionary, and the input
 * sits at the output's end with a safety margin, so the decoder overwrites input it has
 * consumed. Memory is the decompressed size plus the margin and a small state; the input is
 * read from its source straight into the module's memory, and the output is handed to the
 * sink as views of that memory, never copied whole into JavaScript.
 * @module
 */
import type { ByteSource } from "../../elf.ts";
import { codecs, type CodecsExports } from "./codecs.ts";
import { reserve, u32, view } from "./instance.ts";
import { LZMA_HEADER } from "./sizes.ts";
import { feed, type Sink } from "./stream.ts";

/** Where a decode's input and output lie in a fresh instance's memory. */
interface Layout {
  exports: CodecsExports;
  input: number;
  output: number;
}

/**
 * The margin between the output's end and the input's end when the input sits at the
 * output's end: 1/64 of the output plus 1 MiB. It keeps the decoder's writes behind its reads
 * for any valid stream a compressor emits: more than the kernel's own margins (xz:
 * 1/4096 + 64 KiB, lib/decompress_unxz.c; the x86 boot code's 1/256 + 64 KiB for every
 * compressor) and more than LZMA1's expansion of random data (1.36 % measured with
 * `lzma -9`; LZMA2 stores such data uncompressed).
 */
function margin(outSize: number): number {
  return Math.floor(outSize / 64) + (1 << 20);
}

/**
 * A fresh instance (its memory is freed with it) holding a region for `outSize` bytes of
 * output with `input` read in: at the output's end when it is no larger (see
 * {@link margin}), else after the output.
 */
function layout(input: ByteSource, outSize: number): Layout {
  const exports = codecs();
  const inPlace = input.size <= outSize;
  const output = reserve(exports, outSize + (inPlace ? margin(outSize) : input.size));
  const at = inPlace ? output + outSize + margin(outSize) - input.size : output + outSize;
  input.readInto(0, view(exports, at, input.size));
  return { exports, input: at, output };
}

/** xz-embedded's xz_ret codes, as the errors they stand for. */
export const XZ_ERRORS: Record<number, string> = {
  2: "unsupported integrity check",
  3: "out of memory",
  4: "the dictionary is larger than 1 GiB",
  5: "not an xz stream",
  6: "unsupported options",
  7: "corrupt data",
  8: "the data ends early or decodes to more than the index says",
};

/**
 * Decodes the single-stream xz `input` (check none or CRC32) whose index says it holds
 * `size` bytes and hands the output to `sink`. Throws an Error naming xz-embedded's
 * verdict: nothing is output then (single-call mode keeps no partial output).
 */
export function unxzInPlace(input: ByteSource, size: number, sink: Sink): void {
  const { exports, input: at, output } = layout(input, size);
  const got = exports.unxz(at, input.size, output, size);
  if (got < 0) throw new Error(`xz-embedded: ${XZ_ERRORS[-got] ?? `error ${-got}`}`);
  feed(view(exports, output, got), sink);
}

/** The LZMA SDK's SRes codes, as the errors they stand for. */
export const LZMA_ERRORS: Record<number, string> = {
  1: "corrupt data",
  2: "out of memory, or a dictionary larger than 1 GiB",
  4: "unsupported properties",
  6: "the data ends early (truncated)",
};

/**
 * Decodes the `lzma_alone` stream `input` (its 13-byte header first), which must end after
 * `size` bytes of output, and hands the output to `sink`; then throws an Error when the
 * stream was corrupt, ended early, or goes on past `size` bytes. The output so far is
 * handed over first: lzma carries no checksum, so the caller decides whether it suffices.
 */
export function unlzmaInPlace(input: ByteSource, size: number, sink: Sink): void {
  const { exports, input: at, output } = layout(input, size);
  const res = exports.unlzma(at, at + LZMA_HEADER, input.size - LZMA_HEADER, output, size);
  feed(view(exports, output, u32(exports, exports.out_len)), sink);
  const errors: Record<number, string> = {
    ...LZMA_ERRORS,
    1: `corrupt data, or more than the ${size} bytes expected`,
  };
  if (res !== 0) throw new Error(`LzmaDecode: ${errors[res] ?? `error ${res}`}`);
}
