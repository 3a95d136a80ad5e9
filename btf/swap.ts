/**
 * A BTF blob's byte order swapped in place, as libbpf swaps a foreign-endian blob on load:
 * the magic and the header's words, every 32-bit word of the type section (every field of
 * every record is one), and the 16-bit `flags` of each kind-layout entry; the strings are
 * bytes and stay as they are. Big-endian BTF (an s390x or big-endian powerpc kernel's, magic
 * `eb 9f`) becomes the little-endian blob the table is built from, and back again where the
 * original bytes are written out (a sidecar). Pure.
 * @module
 */
import type { BtfHeader } from "./header.ts";

/** Reverses the bytes of every 32-bit word of `bytes[start, start + length)`. */
function swapWords(bytes: Uint8Array, start: number, length: number): void {
  const at = bytes.byteOffset + start;
  if (at % 4 === 0) {
    // Aligned (the table lays the type section out so): a word at a time.
    const words = new Uint32Array(bytes.buffer, at, length >>> 2);
    for (let i = 0; i < words.length; i++) {
      const x = words[i];
      words[i] = (x << 24) | ((x & 0xff00) << 8) | ((x >>> 8) & 0xff00) | (x >>> 24);
    }
    return;
  }
  for (let i = start; i < start + length; i += 4) {
    const a = bytes[i], b = bytes[i + 1];
    bytes[i] = bytes[i + 3];
    bytes[i + 1] = bytes[i + 2];
    bytes[i + 2] = b;
    bytes[i + 3] = a;
  }
}

/**
 * Rewrites `blob` (its header decoded as `hdr`) in the other byte order, in place.
 * Afterwards the blob parses as the same header in that order; twice is the original.
 */
export function swapByteOrder(blob: Uint8Array, hdr: BtfHeader): void {
  [blob[0], blob[1]] = [blob[1], blob[0]];
  swapWords(blob, 4, Math.min(hdr.hdrLen, 32) - 4);
  swapWords(blob, hdr.typeStart, hdr.typeLen);
  // struct btf_layout { u8 info_sz; u8 elem_sz; u16 flags; }
  for (let at = hdr.layoutStart; at >= 0 && at + 4 <= hdr.layoutStart + hdr.layoutLen; at += 4) {
    const lo = blob[at + 2];
    blob[at + 2] = blob[at + 3];
    blob[at + 3] = lo;
  }
}
