/**
 * xz and lzma (LZMA1, "lzma_alone"), all in wasm/codecs.wasm. When the decompressed size is
 * known (xz: the index of a file that is one stream with check none or CRC32, the kernel's
 * and kmod's choice; lzma: its header, or the bzImage's size trailer), the single-call
 * decoders of {@link unxzInPlace} and {@link unlzmaInPlace} decode in place, the output
 * being the dictionary: memory is the output plus a margin. Otherwise the stepwise decoders
 * run, memory being their dictionary plus 1 MiB pieces of input and output:
 * - xz (`xz` by default: CRC64; SHA-256; stream padding; concatenated streams; a stream found
 *   by scanning, followed by other data): xz-embedded in multi-call mode, stream after
 *   stream. It verifies CRC32 itself and skips other checks; CRC64 and SHA-256 are verified
 *   here (wasm/checks.c) against the check fields the file's indexes locate (read from its
 *   end, {@link xzStreams}). Only where the indexes cannot be read (a stream found by
 *   scanning, followed by other data) do they go unverified.
 * - lzma of unknown size (`lzma` from a pipe writes none; the stream must end with its end
 *   mark): LzmaDec into a circular dictionary of the size the header names.
 * @module
 */
import type { ByteSource } from "../../elf.ts";
import { codecs, type CodecsExports } from "./codecs.ts";
import { LZMA_ERRORS, unlzmaInPlace, unxzInPlace, XZ_ERRORS } from "./in_place.ts";
import { decoding, InputWindow, Output, reserve, u32, view } from "./instance.ts";
import {
  LZMA_HEADER,
  lzmaHeaderSize,
  MAX_SINGLE_CALL,
  XZ_CHECK,
  type XzStream,
  xzStreams,
} from "./sizes.ts";
import { type Codec, OUTPUT_PIECE, type Sink } from "./stream.ts";

/** `length` bytes of `src` from `offset`. */
function slice(src: ByteSource, offset: number, length: number): ByteSource {
  return {
    size: length,
    read: (at, n) => src.read(offset + at, n),
    readInto: (at, dest) => src.readInto(offset + at, dest),
  };
}

const XZ_OK = 0, XZ_STREAM_END = 1, XZ_UNSUPPORTED_CHECK = 2;
const XZ_MAGIC = [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00];

/**
 * Verifies the CRC64 and SHA-256 checks of the blocks the indexes list as their output
 * streams by, in order across the file's streams.
 */
class XzChecks {
  readonly #ex: CodecsExports;
  readonly #input: ByteSource;
  readonly #blocks: { stream: number; check: number; size: number; at: number; index: number }[];
  /** The current block, the bytes of it still to come, and its CRC64 so far. */
  #block = 0;
  #left = 0;
  #crc = 0n;
  /** A SHA-256 state and digest in the instance's memory. */
  readonly #sha: number;

  constructor(ex: CodecsExports, input: ByteSource, streams: XzStream[]) {
    this.#ex = ex;
    this.#input = input;
    this.#blocks = streams.flatMap((s, stream) =>
      s.blocks.map((b, index) => ({
        stream,
        check: s.check,
        size: b.uncompressed,
        at: b.checkAt,
        index,
      }))
    );
    this.#sha = reserve(ex, 112 + 32);
    this.#start();
  }

  #start(): void {
    const block = this.#blocks[this.#block];
    if (block === undefined) return;
    this.#left = block.size;
    this.#crc = 0n;
    if (block.check === XZ_CHECK.sha256) this.#ex.sha256_init(this.#sha);
    if (this.#left === 0) this.#finish();
  }

  /** Takes `size` decoded bytes at `at` in the instance's memory. */
  update(at: number, size: number): void {
    while (size > 0) {
      const block = this.#blocks[this.#block];
      if (block === undefined) throw new Error("xz: more data than the indexes list");
      const take = Math.min(size, this.#left);
      if (block.check === XZ_CHECK.crc64) this.#crc = this.#ex.crc64(at, take, this.#crc);
      else if (block.check === XZ_CHECK.sha256) this.#ex.sha256_update(this.#sha, at, take);
      at += take;
      size -= take;
      this.#left -= take;
      if (this.#left === 0) this.#finish();
    }
  }

  #finish(): void {
    const block = this.#blocks[this.#block];
    let actual: Uint8Array | undefined;
    if (block.check === XZ_CHECK.crc64) {
      actual = new Uint8Array(8);
      new DataView(actual.buffer).setBigUint64(0, BigInt.asUintN(64, this.#crc), true);
    } else if (block.check === XZ_CHECK.sha256) {
      this.#ex.sha256_final(this.#sha, this.#sha + 112);
      actual = view(this.#ex, this.#sha + 112, 32).slice();
    }
    if (actual !== undefined) {
      const stored = this.#input.read(block.at, actual.length);
      if (actual.some((b, i) => b !== stored[i])) {
        const name = block.check === XZ_CHECK.crc64 ? "CRC64" : "SHA-256";
        throw new Error(
          `xz: the ${name} of block ${block.index + 1} of stream ${
            block.stream + 1
          } does not match (corrupt data)`,
        );
      }
    }
    this.#block++;
    this.#start();
  }

  /** Throws unless every block listed has been output. */
  end(): void {
    if (this.#block < this.#blocks.length) throw new Error("xz: less data than the indexes list");
  }
}

/**
 * The offset of the next xz stream after a stream ending at `at`, past its stream padding
 * (zero bytes, 4 at a time), or `input.size` when only padding follows. Throws when other
 * data follows.
 */
function nextXzStream(input: ByteSource, at: number): number {
  let zeros = 0;
  for (;;) {
    const n = Math.min(1 << 16, input.size - at - zeros);
    if (n === 0) break;
    const piece = input.read(at + zeros, n);
    const nonzero = piece.findIndex((b) => b !== 0);
    if (nonzero < 0) zeros += n;
    else {
      zeros += nonzero;
      break;
    }
  }
  if (zeros % 4 !== 0) {
    throw new Error(`xz: ${zeros} bytes of stream padding (not a multiple of 4)`);
  }
  const next = at + zeros;
  if (next === input.size) return next;
  const magic = input.read(next, Math.min(6, input.size - next));
  if (magic.length < 6 || XZ_MAGIC.some((b, i) => magic[i] !== b)) {
    throw new Error(`xz: ${input.size - at} bytes after the stream's end are not another stream`);
  }
  return next;
}

/**
 * xz-embedded in multi-call mode over the streams of `input` (`streams`: as
 * {@link xzStreams} reads them, or null); see the module doc. Exported for the bench.
 */
export function unxzSteps(input: ByteSource, sink: Sink, streams: XzStream[] | null): void {
  const ex = codecs();
  const init = ex.xz_init();
  if (init !== 0) throw new Error(`xz-embedded: ${XZ_ERRORS[-init]}`);
  const window = new InputWindow(ex, input);
  const out = reserve(ex, OUTPUT_PIECE);
  const checks = streams === null ? null : new XzChecks(ex, input, streams);
  const output = new Output(sink, "xz-embedded");
  for (let stream = 0;;) {
    window.fill();
    const ret = ex.xz_run(window.pointer, window.length, out, OUTPUT_PIECE);
    window.consume(u32(ex, ex.in_used));
    const produced = u32(ex, ex.out_len);
    checks?.update(out, produced);
    if (!output.push(view(ex, out, produced))) return;
    if (ret === XZ_STREAM_END) {
      stream++;
      const next = nextXzStream(input, window.offset);
      if (next === input.size) return checks?.end();
      if (streams !== null && streams[stream]?.offset !== next) {
        throw new Error("xz: the streams do not match their indexes (corrupt data)");
      }
      window.seek(next);
      ex.xz_reset();
    } else if (ret !== XZ_OK && ret !== XZ_UNSUPPORTED_CHECK) {
      throw new Error(`xz-embedded: ${XZ_ERRORS[ret] ?? `error ${ret}`}`);
    }
  }
}

/** xz (kernel `xzkern`: BCJ x86 + LZMA2, CRC32; `.ko.xz`; `xz` files of any check). */
export const unxz: Codec = (input, sink) =>
  decoding("xz-embedded", () => {
    const streams = xzStreams(input);
    const one = streams?.length === 1 ? streams[0] : undefined;
    if (one && one.check <= XZ_CHECK.crc32 && one.uncompressed <= MAX_SINGLE_CALL) {
      unxzInPlace(slice(input, one.offset, one.length), one.uncompressed, sink);
    } else unxzSteps(input, sink, streams);
  });

const LZMA_FINISHED_WITH_MARK = 1, LZMA_NEEDS_MORE_INPUT = 3;

/**
 * LzmaDec into a circular dictionary, for a stream of unknown size; see the module doc.
 * Exported for the bench.
 */
export function unlzmaSteps(input: ByteSource, sink: Sink): void {
  if (input.size < LZMA_HEADER) throw new Error("LzmaDecode: the data ends early (truncated)");
  const ex = codecs();
  const props = reserve(ex, 5);
  input.readInto(0, view(ex, props, 5));
  const init = ex.lzma_init(props);
  if (init !== 0) throw new Error(`LzmaDecode: ${LZMA_ERRORS[init] ?? `error ${init}`}`);
  const window = new InputWindow(ex, input, LZMA_HEADER);
  const output = new Output(sink, "LzmaDecode");
  for (;;) {
    window.fill();
    const res = ex.lzma_run(window.pointer, window.length);
    window.consume(u32(ex, ex.in_used));
    const at = u32(ex, ex.lzma_out_at), produced = u32(ex, ex.out_len);
    if (!output.push(view(ex, at, produced))) return;
    if (res !== 0) throw new Error(`LzmaDecode: ${LZMA_ERRORS[res] ?? `error ${res}`}`);
    const status = u32(ex, ex.lzma_status);
    if (status === LZMA_FINISHED_WITH_MARK) return;
    if (status === LZMA_NEEDS_MORE_INPUT && window.exhausted) {
      throw new Error(`LzmaDecode: ${LZMA_ERRORS[6]}`);
    }
  }
}

/** lzma (kernel `lzma -9`, whose header leaves the size unknown: the trailer gives it). */
export const unlzma: Codec = (input, sink, trailer) =>
  decoding("LzmaDecode", () => {
    const size = lzmaHeaderSize(input) ??
      (trailer !== undefined && trailer <= MAX_SINGLE_CALL ? trailer : null);
    if (size !== null) unlzmaInPlace(input, size, sink);
    else unlzmaSteps(input, sink);
  });
