/**
 * lz4 legacy frames (`lz4 -l`, what the kernel builds) through `lz4js`'s block decoder: the
 * frame is a magic number and a run of blocks, each a 32-bit little-endian compressed size
 * and an LZ4 block of at most 8 MiB of output.
 * @module
 */
import { BtfError } from "../../errors.ts";
import { type Codec, lazyImport, PACKAGES } from "./stream.ts";

/** The part of lz4js used here (it ships no types). */
interface Lz4js {
  decompressBlock(
    src: Uint8Array,
    dst: Uint8Array,
    sIndex: number,
    sLength: number,
    dIndex: number,
  ): number;
}

const LEGACY_MAGIC = 0x184c2102;
const BLOCK_OUTPUT = 8 << 20;
/** LZ4_compressBound(8 MiB): a larger "size" is the kernel's size trailer, not a block. */
const MAX_BLOCK = BLOCK_OUTPUT + BLOCK_OUTPUT / 255 + 16;

/** lz4 legacy format (kernel `lz4 -l -12`). */
export const unlz4: Codec = async (input, sink) => {
  const lz4 = await lazyImport<Lz4js>(PACKAGES.lz4);
  const out = new Uint8Array(BLOCK_OUTPUT);
  const word = (at: number) => new DataView(input.read(at, 4).slice().buffer).getUint32(0, true);
  for (let at = 0; at + 4 <= input.size;) {
    const size = word(at);
    at += 4;
    if (size === LEGACY_MAGIC) continue; // concatenated frames
    if (size > MAX_BLOCK) break;
    if (at + size > input.size) {
      throw new BtfError(`block of ${size} bytes at ${at - 4} runs past the payload's end`);
    }
    const end = lz4.decompressBlock(input.read(at, size), out, 0, size, 0);
    at += size;
    if (end < 0 || end > BLOCK_OUTPUT) throw new BtfError(`corrupt block at ${at - size - 4}`);
    if (!sink(out.subarray(0, end))) return;
  }
};
