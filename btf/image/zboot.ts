/**
 * The EFI zboot header (drivers/firmware/efi/libstub/zboot-header.S: arm64, riscv64 and
 * loongarch64 `vmlinuz.efi`): `MZ`, then `zimg` at 4, the compressed payload's offset and
 * size (little-endian) at 8 and 12, the compression's name (NUL-terminated) at 24, and a PE
 * header. The payload decompresses to the architecture's flat `Image`. Every compression but
 * gzip is followed by the kernel's 4-byte decompressed size, not counted in the size field.
 * Pure: reads only the bytes it is given.
 * @module
 */
import type { Compression } from "./compression.ts";

/** The payload an EFI zboot header names. */
export interface ZbootPayload {
  /** Byte offset of the compressed payload in the file. */
  offset: number;
  /** Its length (the size trailer that follows all but gzip excluded). */
  length: number;
  /** The compression's name as the header spells it (`gzip`, `zstd22`, `xzkern`, ...). */
  type: string;
  /** The compression, or null when the name is not one this reader decodes. */
  compression: Compression | null;
}

/** How many leading bytes {@link zbootPayload} needs. */
export const ZBOOT_HEADER_BYTES = 0x40;

/** The names the kernel's Makefile.zboot writes, and older spellings. */
const TYPES: Record<string, Compression> = {
  gzip: "gzip",
  lz4: "lz4",
  lzma: "lzma",
  lzo: "lzo",
  xzkern: "xz",
  xz: "xz",
  zstd22: "zstd",
  zstd: "zstd",
  bzip2: "bzip2",
};

/** Whether `head` starts an EFI zboot image (`MZ` then `zimg`). */
export function isZboot(head: Uint8Array): boolean {
  return head.length >= ZBOOT_HEADER_BYTES && head[0] === 0x4d && head[1] === 0x5a &&
    head[4] === 0x7a && head[5] === 0x69 && head[6] === 0x6d && head[7] === 0x67;
}

/** The payload named by the EFI zboot header in `head`, or null when `head` has none. */
export function zbootPayload(head: Uint8Array): ZbootPayload | null {
  if (!isZboot(head)) return null;
  const view = new DataView(head.buffer, head.byteOffset, head.byteLength);
  let end = 24;
  while (end < 0x38 && head[end] !== 0) end++;
  const type = Array.from(head.subarray(24, end), (b) => String.fromCharCode(b)).join("");
  return {
    offset: view.getUint32(8, true),
    length: view.getUint32(12, true),
    type,
    compression: Object.hasOwn(TYPES, type) ? TYPES[type] : null,
  };
}
