/**
 * Flat kernel images: the arm64 and riscv `Image` (Documentation/arch/arm64/booting.rst,
 * Documentation/arch/riscv/boot-image-header.rst), usually behind an EFI stub's PE header
 * (Debian's arm64 `vmlinuz`, riscv64 `vmlinux`), and any other EFI stub kernel (`MZ` + PE),
 * which hold the kernel's sections back to back with no section table. Their BTF is found
 * by the candidate scan of btf_scan.ts. An uncompressed one is read through its ByteSource
 * in pieces, never whole: first the 4 KiB boundaries (the fast path: 7.x kernels start
 * `.BTF` page-aligned, and a valid blob of at least 1 MiB there is taken at once), then,
 * when that finds nothing, every candidate of the file (the largest valid blob wins).
 * Pure: reads only through the ByteSource it is given.
 * @module
 */
import type { ByteSource } from "../elf.ts";
import {
  BtfScanner,
  claimedSize,
  type FoundBtf,
  isValidBtf,
  PAGE_ALIGNED_MIN,
} from "./btf_scan.ts";
import { peHeader } from "./pe.ts";

/** How many leading bytes {@link flatImageHeader} needs (a PE header at 0x40 to 0x80 included). */
export const FLAT_HEADER_BYTES = 0x100;

/** What the header of a flat image says. */
export interface FlatImageHeader {
  /** The header found: an arm64 or riscv `Image` header, or only an EFI stub's PE header. */
  kind: "arm64 Image" | "riscv Image" | "PE";
  /** The architecture: the PE Machine's when there is one, else the Image header's. */
  arch?: string;
}

function ascii(head: Uint8Array, at: number, text: string): boolean {
  if (head.length < at + text.length) return false;
  for (let i = 0; i < text.length; i++) if (head[at + i] !== text.charCodeAt(i)) return false;
  return true;
}

/**
 * The flat image header at the start of `head` (its first {@link FLAT_HEADER_BYTES}), or
 * null: the arm64 magic `ARM\x64` at 0x38, the riscv magic `RSC\x05` at 0x38 (or the older
 * `RISCV\0\0\0` at 0x30), or an EFI stub's `MZ` and PE header naming a machine Linux boots.
 */
export function flatImageHeader(head: Uint8Array): FlatImageHeader | null {
  const pe = peHeader(head);
  if (ascii(head, 0x38, "ARM\x64")) return { kind: "arm64 Image", arch: pe?.arch ?? "arm64" };
  if (ascii(head, 0x38, "RSC\x05") || ascii(head, 0x30, "RISCV\0\0\0")) {
    return { kind: "riscv Image", arch: pe?.arch ?? "riscv64" };
  }
  if (pe?.arch !== undefined) return { kind: "PE", arch: pe.arch };
  return null;
}

const CHUNK = 1 << 20;
const PAGE = 4096;

/** The valid blob at `at` in `src` by the candidate rules, or null. */
function blobAt(src: ByteSource, at: number): FoundBtf | null {
  if (at + 32 > src.size) return null;
  const size = claimedSize(src.read(at, 32));
  if (size === null || at + size > src.size) return null;
  const bytes = src.read(at, size);
  return isValidBtf(bytes) ? { offset: at, bytes, littleEndian: bytes[0] === 0x9f } : null;
}

/**
 * The BTF of the uncompressed flat binary in `src` (see the module doc), or null when no
 * candidate is valid. Holds one 1 MiB piece and the candidates being copied out.
 */
export function scanFlatSource(src: ByteSource): FoundBtf | null {
  const piece = new Uint8Array(Math.min(CHUNK, src.size));
  const pieceAt = (at: number) => {
    const bytes = piece.subarray(0, Math.min(CHUNK, src.size - at));
    src.readInto(at, bytes);
    return bytes;
  };
  // The fast path: headers on 4 KiB boundaries.
  for (let at = 0; at < src.size; at += CHUNK) {
    const bytes = pieceAt(at);
    for (let i = 0; i + 4 <= bytes.length; i += PAGE) {
      if (!isMagic(bytes, i)) continue;
      const found = blobAt(src, at + i);
      if (found !== null && found.bytes.length >= PAGE_ALIGNED_MIN) return found;
    }
  }
  const scanner = new BtfScanner();
  for (let at = 0; at < src.size; at += CHUNK) {
    if (!scanner.push(pieceAt(at))) break;
  }
  return scanner.finish();
}

function isMagic(b: Uint8Array, at: number): boolean {
  return b[at + 2] === 1 && b[at + 3] === 0 &&
    ((b[at] === 0x9f && b[at + 1] === 0xeb) || (b[at] === 0xeb && b[at + 1] === 0x9f));
}
