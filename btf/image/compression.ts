/**
 * The compressions a Linux kernel image can use and their leading magic bytes, in the order
 * the kernel's `scripts/extract-vmlinux` tries them. Pure data and byte scans.
 * @module
 */

/** A compression a kernel image (or module) payload can use. */
export type Compression = "gzip" | "xz" | "bzip2" | "lzma" | "lzo" | "lz4" | "zstd";

/** Each compression's leading magic bytes, in extract-vmlinux's order. */
export const MAGICS: readonly { name: Compression; magic: readonly number[] }[] = [
  { name: "gzip", magic: [0x1f, 0x8b, 0x08] },
  { name: "xz", magic: [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00] },
  { name: "bzip2", magic: [0x42, 0x5a, 0x68] }, // "BZh"
  { name: "lzma", magic: [0x5d, 0x00, 0x00, 0x00] },
  { name: "lzo", magic: [0x89, 0x4c, 0x5a] }, // lzop's "\x89LZO"
  { name: "lz4", magic: [0x02, 0x21, 0x4c, 0x18] }, // lz4 legacy frame
  { name: "zstd", magic: [0x28, 0xb5, 0x2f, 0xfd] },
];

function matchesAt(bytes: Uint8Array, at: number, magic: readonly number[]): boolean {
  if (at < 0 || at + magic.length > bytes.length) return false;
  for (let i = 0; i < magic.length; i++) if (bytes[at + i] !== magic[i]) return false;
  return true;
}

/** The compression whose magic starts at `bytes[at]`, or null. */
export function compressionAt(bytes: Uint8Array, at = 0): Compression | null {
  for (const { name, magic } of MAGICS) if (matchesAt(bytes, at, magic)) return name;
  return null;
}

/** A place in a file where a compressed stream may start. */
export interface Candidate {
  /** The compression whose magic is there. */
  compression: Compression;
  /** Byte offset of the magic in the file. */
  offset: number;
}

/**
 * Every offset in `bytes` where a compression's magic occurs, grouped by compression in
 * extract-vmlinux's order (gzip first, zstd last), then by offset; at most `limit` per
 * compression.
 */
export function magicCandidates(bytes: Uint8Array, limit = 64): Candidate[] {
  const found: Candidate[] = [];
  for (const { name, magic } of MAGICS) {
    let count = 0;
    for (let at = bytes.indexOf(magic[0]); at >= 0 && count < limit;) {
      if (matchesAt(bytes, at, magic)) {
        found.push({ compression: name, offset: at });
        count++;
      }
      at = bytes.indexOf(magic[0], at + 1);
    }
  }
  return found;
}
