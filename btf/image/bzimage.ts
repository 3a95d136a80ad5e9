/**
 * The x86 boot header of a bzImage (Documentation/arch/x86/boot.rst): where the compressed
 * kernel (the payload) lies in the file, and whether a file's head starts a kernel image at
 * all. Pure: reads only the bytes it is given.
 * @module
 */
import { compressionAt } from "./compression.ts";
import { flatImageHeader } from "./flat.ts";
import { isS390Head } from "./s390.ts";
import { isZboot } from "./zboot.ts";

/** The byte range of a compressed payload inside an image file. */
export interface PayloadRange {
  /** Byte offset of the payload in the file. */
  offset: number;
  /** Length of the payload in bytes (it may end with the kernel's 4-byte size trailer). */
  length: number;
}

/** How many leading bytes {@link bootPayload} needs. */
export const BOOT_HEADER_BYTES = 0x250;

const HDRS = 0x53726448; // "HdrS" read little-endian
const MIN_PROTOCOL = 0x208; // payload_offset/payload_length exist from boot protocol 2.08

/**
 * The payload range named by the x86 setup header in `head` (the file's first
 * {@link BOOT_HEADER_BYTES} bytes), or null when `head` has no such header: no `HdrS`
 * signature at 0x202, or a boot protocol older than 2.08.
 */
export function bootPayload(head: Uint8Array): PayloadRange | null {
  if (head.length < BOOT_HEADER_BYTES) return null;
  const view = new DataView(head.buffer, head.byteOffset, head.byteLength);
  if (view.getUint32(0x202, true) !== HDRS || view.getUint16(0x206, true) < MIN_PROTOCOL) {
    return null;
  }
  // setup_sects counts 512-byte sectors after the boot sector; 0 means the historic 4.
  const setupSects = head[0x1f1] === 0 ? 4 : head[0x1f1];
  return {
    offset: (setupSects + 1) * 512 + view.getUint32(0x248, true),
    length: view.getUint32(0x24c, true),
  };
}

/**
 * Whether `head` (the file's first {@link BOOT_HEADER_BYTES}) starts a kernel image: it has
 * an x86 boot header, an EFI zboot header, a flat arm64/riscv `Image` or EFI stub header, or
 * the s390 IPL header, or it starts with a compression's magic.
 */
export function isKernelImage(head: Uint8Array): boolean {
  return bootPayload(head) !== null || compressionAt(head) !== null || isZboot(head) ||
    flatImageHeader(head) !== null || isS390Head(head);
}
