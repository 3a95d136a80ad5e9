/**
 * The decompressed size of an xz or lzma stream where the stream itself records it, so a
 * single-call decoder can be given an output buffer of exactly that size: xz's index (at
 * the stream's end) and the `lzma_alone` header's size field. Reads a few header and index
 * bytes, decodes nothing. Pure.
 * @module
 */
import type { ByteSource } from "../../elf.ts";

/** Larger claimed sizes are not trusted to size a buffer (a vmlinux is tens of MB). */
export const MAX_SINGLE_CALL = 1 << 30;

const XZ_HEADER = 12;
const XZ_FOOTER = 12;
const CHECK_NONE = 0;
const CHECK_CRC32 = 1;

/** Reads a multibyte integer (7 bits a byte, low first, at most 9 bytes) at `at`. */
function varint(b: Uint8Array, at: number): { value: number; next: number } | null {
  let value = 0;
  for (let i = 0; i < 9 && at + i < b.length; i++) {
    value += (b[at + i] & 0x7f) * 2 ** (7 * i);
    if ((b[at + i] & 0x80) === 0) return { value, next: at + i + 1 };
  }
  return null;
}

/**
 * The decompressed size an xz file's index records, when the file is one stream (no stream
 * padding or second stream) whose check is none or CRC32 (the kernel's and kmod's choice,
 * the ones xz-embedded verifies); null otherwise, or when the index is unreadable or the
 * size over {@link MAX_SINGLE_CALL}. The decoder checks the index against the data.
 */
export function xzIndexSize(input: ByteSource): number | null {
  if (input.size < XZ_HEADER + XZ_FOOTER) return null;
  const check = input.read(7, 1)[0];
  if (check !== CHECK_NONE && check !== CHECK_CRC32) return null;
  const footer = input.read(input.size - XZ_FOOTER, XZ_FOOTER);
  if (footer[10] !== 0x59 || footer[11] !== 0x5a) return null; // "YZ"
  const backward = new DataView(footer.buffer, footer.byteOffset, XZ_FOOTER).getUint32(4, true);
  const indexSize = (backward + 1) * 4;
  if (indexSize > input.size - XZ_HEADER - XZ_FOOTER) return null;
  const index = input.read(input.size - XZ_FOOTER - indexSize, indexSize);
  if (index[0] !== 0) return null;
  const count = varint(index, 1);
  if (count === null) return null;
  let total = 0;
  let at = count.next;
  for (let i = 0; i < count.value; i++) {
    const unpadded = varint(index, at);
    const size = unpadded && varint(index, unpadded.next);
    if (!size) return null;
    total += size.value;
    if (total > MAX_SINGLE_CALL) return null;
    at = size.next;
  }
  return total;
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
