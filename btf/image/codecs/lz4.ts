/**
 * lz4 legacy frames (`lz4 -l`, what the kernel builds) through the kernel's own block decoder
 * (lib/lz4, `LZ4_decompress_safe`, in wasm/codecs.wasm): a frame is a magic number and a run
 * of blocks, each a 32-bit little-endian compressed size and an LZ4 block of at most 8 MiB of
 * output; frames may follow one another. Like the kernel's lib/decompress_unlz4.c, a "size"
 * larger than any block's is the end (the kernel's 4-byte size trailer, when it is still
 * there). Each block is read into the module's memory and decoded into one 8 MiB buffer
 * there, handed on as a view: memory is one block in and one out.
 * @module
 */
import { codecs } from "./codecs.ts";
import { decoding, reserve, view } from "./instance.ts";
import type { Codec } from "./stream.ts";

const LEGACY_MAGIC = 0x184c2102;
const BLOCK_OUTPUT = 8 << 20;
/** LZ4_compressBound(8 MiB): a larger "size" is the kernel's size trailer, not a block. */
const MAX_BLOCK = BLOCK_OUTPUT + BLOCK_OUTPUT / 255 + 16;

/** lz4 legacy format (kernel `lz4 -l -12`). */
export const unlz4: Codec = (input, sink) =>
  decoding("lz4", () => {
    const ex = codecs();
    const out = reserve(ex, BLOCK_OUTPUT);
    const block = reserve(ex, MAX_BLOCK);
    const word = (at: number) => {
      const b = input.read(at, 4);
      return (b[0] | b[1] << 8 | b[2] << 16 | b[3] << 24) >>> 0;
    };
    for (let at = 0; at + 4 <= input.size;) {
      const size = word(at);
      at += 4;
      if (size === LEGACY_MAGIC) continue; // a frame's start
      if (size > MAX_BLOCK) break;
      if (at + size > input.size) {
        throw new Error(`lz4: block of ${size} bytes at ${at - 4} runs past the payload's end`);
      }
      input.readInto(at, view(ex, block, size));
      const got = ex.unlz4_block(block, size, out, BLOCK_OUTPUT);
      if (got < 0) throw new Error(`lz4: corrupt block at ${at - 4}`);
      at += size;
      if (!sink(view(ex, out, got))) return;
    }
  });
