/**
 * Minimal ELF reader: finds one named section in a 32- or 64-bit ELF file of either byte
 * order.
 * It reads through a {@link ByteSource}, so a caller can hand it a whole file in memory or
 * a file handle that reads only the headers and the one section it needs.
 * @module
 */
import { BtfError } from "./errors.ts";

/** Random access to the bytes of a file of known size. */
export interface ByteSource {
  /** Size of the whole file in bytes. */
  readonly size: number;
  /** Returns `length` bytes starting at `offset` (the caller keeps both inside `size`). */
  read(offset: number, length: number): Uint8Array;
  /** Fills `dest` with the bytes starting at `offset` (no intermediate copy). */
  readInto(offset: number, dest: Uint8Array): void;
  /**
   * Fills `dest` from an exact 64-bit `offset` past 2^53, where a `number` cannot say it
   * (/proc/kcore's with 5-level paging); absent where the source holds no such offsets.
   */
  readFarInto?(offset: bigint, dest: Uint8Array): void;
}

/** A ByteSource over bytes already in memory (reads are zero-copy views). */
export function memorySource(bytes: Uint8Array): ByteSource {
  return {
    size: bytes.length,
    read: (offset, length) => bytes.subarray(offset, offset + length),
    readInto: (offset, dest) => dest.set(bytes.subarray(offset, offset + dest.length)),
  };
}

/** The file range of an ELF section. */
export interface SectionRange {
  /** Byte offset of the section data in the file. */
  offset: number;
  /** Size of the section data in bytes. */
  size: number;
}

/** Thrown when the bytes are not a well-formed ELF file. */
export class ElfFormatError extends BtfError {
  /** Creates the error with a description of the defect. */
  constructor(message: string) {
    super(message);
    this.name = "ElfFormatError";
  }
}

/** True when the bytes begin with the ELF magic `7f 45 4c 46`. */
export function hasElfMagic(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x7f && bytes[1] === 0x45 && bytes[2] === 0x4c &&
    bytes[3] === 0x46;
}

interface Layout {
  is64: boolean;
  /** Little-endian (ELFDATA2LSB); else big-endian (ELFDATA2MSB). */
  le: boolean;
  shoff: number;
  shentsize: number;
  shnum: number;
  shstrndx: number;
}

function readChecked(src: ByteSource, offset: number, length: number, what: string): DataView {
  if (offset < 0 || length < 0 || offset + length > src.size) {
    throw new ElfFormatError(`ELF ${what} lies outside the ${src.size}-byte file`);
  }
  const b = src.read(offset, length);
  return new DataView(b.buffer, b.byteOffset, b.byteLength);
}

/**
 * The 64-bit ELF field at `at` of `view` (little-endian unless `le` is false), as a number:
 * a value past 2^53 (no file offset or size can be) becomes Number.MAX_SAFE_INTEGER, so
 * range checks against a file's size still fail.
 */
export function u64(view: DataView, at: number, le = true): number {
  const value = view.getBigUint64(at, le);
  return value > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(value);
}

function readLayout(src: ByteSource): Layout {
  const ident = readChecked(src, 0, 16, "identification");
  if (ident.getUint32(0, false) !== 0x7f454c46) throw new ElfFormatError("not an ELF file");
  const cls = ident.getUint8(4), data = ident.getUint8(5);
  if (cls !== 1 && cls !== 2) throw new ElfFormatError(`unknown ELF class ${cls}`);
  if (data !== 1 && data !== 2) throw new ElfFormatError(`unknown ELF data encoding ${data}`);
  const is64 = cls === 2, le = data === 1;
  const h = readChecked(src, 0, is64 ? 64 : 52, "header");
  const layout = is64
    ? {
      is64,
      le,
      shoff: u64(h, 0x28, le),
      shentsize: h.getUint16(0x3a, le),
      shnum: h.getUint16(0x3c, le),
      shstrndx: h.getUint16(0x3e, le),
    }
    : {
      is64,
      le,
      shoff: h.getUint32(0x20, le),
      shentsize: h.getUint16(0x2e, le),
      shnum: h.getUint16(0x30, le),
      shstrndx: h.getUint16(0x32, le),
    };
  const minEntry = is64 ? 64 : 40;
  if (layout.shoff === 0) throw new ElfFormatError("ELF has no section header table");
  if (layout.shentsize < minEntry) {
    throw new ElfFormatError(`ELF section header size ${layout.shentsize} is too small`);
  }
  if (layout.shnum === 0 || layout.shstrndx === 0xffff) {
    // Extended numbering: the real values live in section header 0.
    const s0 = readChecked(src, layout.shoff, minEntry, "section header 0");
    if (layout.shnum === 0) layout.shnum = is64 ? u64(s0, 32, le) : s0.getUint32(20, le);
    if (layout.shstrndx === 0xffff) layout.shstrndx = s0.getUint32(is64 ? 40 : 24, le);
  }
  if (layout.shstrndx >= layout.shnum) {
    throw new ElfFormatError(`ELF section name table index ${layout.shstrndx} is out of range`);
  }
  return layout;
}

function sectionAt(src: ByteSource, l: Layout, index: number) {
  const view = readChecked(src, l.shoff + index * l.shentsize, l.is64 ? 64 : 40, "section header");
  const le = l.le;
  return l.is64
    ? { name: view.getUint32(0, le), offset: u64(view, 24, le), size: u64(view, 32, le) }
    : {
      name: view.getUint32(0, le),
      offset: view.getUint32(16, le),
      size: view.getUint32(20, le),
    };
}

/**
 * Finds the section called `name`. Returns `null` when the ELF has no such section and
 * throws {@link ElfFormatError} when the file is not a well-formed ELF. The
 * returned range is not checked against the file size: the caller decides how to report it.
 */
export function findElfSection(src: ByteSource, name: string): SectionRange | null {
  const layout = readLayout(src);
  readChecked(src, layout.shoff, layout.shnum * layout.shentsize, "section header table");
  const strtab = sectionAt(src, layout, layout.shstrndx);
  const names = readChecked(src, strtab.offset, strtab.size, "section name table");
  const wanted = new TextEncoder().encode(name);
  for (let i = 0; i < layout.shnum; i++) {
    const shdr = sectionAt(src, layout, i);
    if (shdr.name + wanted.length >= names.byteLength) continue;
    let match = names.getUint8(shdr.name + wanted.length) === 0;
    for (let j = 0; match && j < wanted.length; j++) {
      match = names.getUint8(shdr.name + j) === wanted[j];
    }
    if (match) return { offset: shdr.offset, size: shdr.size };
  }
  return null;
}
