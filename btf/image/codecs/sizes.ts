/**
 * What an xz or lzma stream records about itself before it is decoded: the layout of an xz
 * file read from its end (each stream's index: its blocks' sizes and where their check
 * fields lie, across stream padding and concatenated streams), and the `lzma_alone`
 * header's size field. The decoders use them to size a single-call output buffer and to
 * verify the checks xz-embedded skips. Reads a few header and index bytes, decodes nothing.
 * Pure.
 * @module
 */
import type { ByteSource } from "../../elf.ts";

/** Larger claimed sizes are not trusted to size a buffer (a vmlinux is tens of MB). */
export const MAX_SINGLE_CALL = 1 << 30;

const XZ_HEADER = 12;
const XZ_FOOTER = 12;
const XZ_MAGIC = [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00];

/** The check IDs of the xz format's integrity checks that occur in practice. */
export const XZ_CHECK = { none: 0, crc32: 1, crc64: 4, sha256: 10 } as const;

/** The size of each check ID's field (the format reserves IDs 2-3, 5-9 and 11-15). */
const CHECK_SIZES = [0, 4, 4, 4, 8, 8, 8, 16, 16, 16, 32, 32, 32, 64, 64, 64];

/** One block of an xz stream, as its index records it. */
export interface XzBlock {
  /** Its decompressed size. */
  uncompressed: number;
  /** The offset of its check field in the file. */
  checkAt: number;
}

/** One stream of an xz file. */
export interface XzStream {
  /** Its offset and length in the file (stream padding not included). */
  offset: number;
  length: number;
  /** Its check ID (see {@link XZ_CHECK}) and the size of each block's check field. */
  check: number;
  checkSize: number;
  /** Its blocks, in order. */
  blocks: XzBlock[];
  /** Its decompressed size. */
  uncompressed: number;
}

/** Reads a multibyte integer (7 bits a byte, low first, at most 9 bytes) at `at`. */
function varint(b: Uint8Array, at: number): { value: number; next: number } | null {
  let value = 0;
  for (let i = 0; i < 9 && at + i < b.length; i++) {
    value += (b[at + i] & 0x7f) * 2 ** (7 * i);
    if ((b[at + i] & 0x80) === 0) return { value, next: at + i + 1 };
  }
  return null;
}

const round4 = (n: number) => Math.ceil(n / 4) * 4;

/** The xz stream that ends (its footer's last byte) just before `end`, or null. */
function streamEndingAt(input: ByteSource, end: number): XzStream | null {
  if (end < XZ_HEADER + 8 + XZ_FOOTER) return null;
  const footer = input.read(end - XZ_FOOTER, XZ_FOOTER);
  if (footer[10] !== 0x59 || footer[11] !== 0x5a) return null; // "YZ"
  const [flags0, check] = [footer[8], footer[9]];
  if (flags0 !== 0 || check > 15) return null;
  const backward = new DataView(footer.buffer, footer.byteOffset, XZ_FOOTER).getUint32(4, true);
  const indexSize = (backward + 1) * 4;
  if (indexSize > end - XZ_HEADER - XZ_FOOTER) return null;
  const indexAt = end - XZ_FOOTER - indexSize;
  const index = input.read(indexAt, indexSize);
  if (index[0] !== 0) return null;
  const count = varint(index, 1);
  // Each record takes at least 2 bytes.
  if (count === null || count.value > indexSize / 2) return null;
  const checkSize = CHECK_SIZES[check];
  const records: { unpadded: number; uncompressed: number }[] = [];
  let at = count.next, blocksSize = 0, uncompressed = 0;
  for (let i = 0; i < count.value; i++) {
    const unpadded = varint(index, at);
    const size = unpadded && varint(index, unpadded.next);
    if (!size || unpadded.value < 5 + checkSize) return null;
    records.push({ unpadded: unpadded.value, uncompressed: size.value });
    blocksSize += round4(unpadded.value);
    uncompressed += size.value;
    at = size.next;
  }
  const offset = indexAt - blocksSize - XZ_HEADER;
  if (offset < 0) return null;
  const header = input.read(offset, XZ_HEADER);
  if (XZ_MAGIC.some((b, i) => header[i] !== b) || header[6] !== 0 || header[7] !== check) {
    return null;
  }
  let blockAt = offset + XZ_HEADER;
  const blocks = records.map((r) => {
    blockAt += round4(r.unpadded);
    return { uncompressed: r.uncompressed, checkAt: blockAt - checkSize };
  });
  return { offset, length: end - offset, check, checkSize, blocks, uncompressed };
}

/**
 * The streams of the xz file `input`, read from its end as `xz --list` does: each stream's
 * footer locates its index, the index its blocks and its header; zero bytes between and
 * after streams are stream padding (4 at a time). Null when that fails: the file is not one
 * or more whole xz streams (truncated, corrupt, or followed by other data, as when the
 * stream was found by scanning a file for its magic). The indexes are not checked against
 * the data here: the decoder does that.
 */
export function xzStreams(input: ByteSource): XzStream[] | null {
  const streams: XzStream[] = [];
  // Streams and stream padding are multiples of 4 bytes.
  if (input.size % 4 !== 0) return null;
  let end = input.size;
  while (end > 0) {
    const tail = input.read(end - Math.min(end, 1 << 16), Math.min(end, 1 << 16));
    let zeros = 0;
    while (zeros < tail.length && tail[tail.length - 1 - zeros] === 0) zeros++;
    if (zeros >= 4) {
      end -= zeros & ~3;
      continue;
    }
    const stream = streamEndingAt(input, end);
    if (stream === null) return null;
    streams.unshift(stream);
    end = stream.offset;
  }
  return streams.length > 0 ? streams : null;
}

/** The `lzma_alone` header: 5 property bytes, then the size (all ones when unknown). */
export const LZMA_HEADER = 13;

/**
 * The decompressed size an `lzma_alone` header records, or null when it says "unknown"
 * (as `lzma` writes when compressing a pipe, the kernel's case) or more than
 * {@link MAX_SINGLE_CALL}.
 */
export function lzmaHeaderSize(input: ByteSource): number | null {
  if (input.size < LZMA_HEADER) return null;
  const b = input.read(5, 8);
  const v = new DataView(b.buffer, b.byteOffset, 8);
  const high = v.getUint32(4, true);
  const low = v.getUint32(0, true);
  return high === 0 && low <= MAX_SINGLE_CALL ? low : null;
}
