/**
 * Guest physical memory: the one interface every reader above goes through, and its three
 * makers: an ELF core's segments by physical address, a raw RAM file (QEMU's
 * `memory-backend-file`), and bytes in memory (tests). Reads are by guest physical address;
 * the bytes come from a ByteSource, so a file is read only where asked. Pure.
 * @module
 */
import type { ByteSource } from "../btf/elf.ts";
import type { ElfCore } from "./elf_core.ts";
import { GuestError, hex } from "./errors.ts";

/** A range of guest physical memory present in the image. */
export interface PhysRange {
  /** First guest physical address. */
  start: number;
  /** Bytes it covers. */
  size: number;
  /**
   * Of them, the bytes the image holds, from the start; the rest read as zeros (a vmcore's
   * filtered pages). Absent: all of them.
   */
  present?: number;
}

/** Guest physical memory, read by address. */
export interface PhysicalMemory {
  /** The ranges present, in address order. */
  readonly ranges: readonly PhysRange[];
  /**
   * `length` bytes at guest physical `addr` (a view the caller must not keep across reads);
   * throws GuestError when a byte of them is not in the image.
   */
  read(addr: number, length: number): Uint8Array;
  /** Fills `dest` with the bytes at guest physical `addr` (no new array); throws as {@link read}. */
  readInto(addr: number, dest: Uint8Array): void;
}

/** A range and where its bytes are: `fileOffset` for the first `fileSize`, zeros after. */
interface Backed extends PhysRange {
  fileOffset: number;
  fileSize: number;
}

/** Physical memory over `src`, laid out by `ranges` (sorted, not overlapping). */
function backedMemory(src: ByteSource, backed: Backed[]): PhysicalMemory {
  backed.sort((a, b) => a.start - b.start);
  const find = (addr: number) => {
    let lo = 0, hi = backed.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1, r = backed[mid];
      if (addr < r.start) hi = mid - 1;
      else if (addr >= r.start + r.size) lo = mid + 1;
      else return r;
    }
    return undefined;
  };
  return {
    ranges: backed.map(({ start, size, fileSize }) =>
      fileSize < size ? { start, size, present: fileSize } : { start, size }
    ),
    read(addr, length) {
      const r = find(addr);
      if (r === undefined || addr + length > r.start + r.size) {
        // A read across two adjacent ranges is put together from both.
        if (r !== undefined && length > 0) return spanning(this, r, addr, length);
        throw new GuestError(`guest physical address ${hex(addr)} is not in the memory image`);
      }
      const at = addr - r.start;
      if (at + length <= r.fileSize) return src.read(r.fileOffset + at, length);
      const out = new Uint8Array(length);
      if (at < r.fileSize) out.set(src.read(r.fileOffset + at, r.fileSize - at));
      return out;
    },
    readInto(addr, dest) {
      const r = find(addr), at = r === undefined ? 0 : addr - r.start;
      if (r !== undefined && at + dest.length <= r.fileSize) {
        src.readInto(r.fileOffset + at, dest);
      } else dest.set(this.read(addr, dest.length));
    },
  };
}

function spanning(mem: PhysicalMemory, first: PhysRange, addr: number, length: number) {
  const out = new Uint8Array(length), head = first.start + first.size - addr;
  out.set(mem.read(addr, head));
  out.set(mem.read(addr + head, length - head), head);
  return out;
}

/** The physical memory of an ELF core: its PT_LOAD segments that give a physical address. */
export function coreMemory(src: ByteSource, core: ElfCore): PhysicalMemory {
  const backed: Backed[] = [];
  for (const s of core.segments) {
    if (s.paddr === null || s.memsz === 0) continue;
    if (s.offset + s.filesz > src.size) {
      throw new GuestError(
        `segment at ${hex(s.paddr)} runs past the end of the ${src.size}-byte file (truncated)`,
      );
    }
    // Segments that repeat memory another one already covers (a kcore's text and direct-map
    // views of the same pages) are left out.
    if (backed.some((b) => s.paddr! < b.start + b.size && b.start < s.paddr! + s.memsz)) continue;
    backed.push({
      start: s.paddr,
      size: s.memsz,
      fileOffset: s.offset,
      fileSize: Math.min(s.filesz, s.memsz),
    });
  }
  if (backed.length === 0) throw new GuestError("ELF core gives no physical address");
  return backedMemory(src, backed);
}

/** x86 pc/q35: RAM above this (the 32-bit PCI hole below 4 GiB) is at 4 GiB. */
const FOUR_GIB = 2 ** 32;

/**
 * A raw guest RAM file (QEMU `memory-backend-file`): guest physical memory from 0. RAM
 * beyond `below4g` bytes (QEMU's `below_4g_mem_size`: all of it up to ~2.75 GiB) starts at
 * 4 GiB.
 */
export function rawMemory(src: ByteSource, below4g: number = src.size): PhysicalMemory {
  const low = Math.min(below4g, src.size);
  const backed: Backed[] = [{ start: 0, size: low, fileOffset: 0, fileSize: low }];
  if (src.size > low) {
    backed.push({
      start: FOUR_GIB,
      size: src.size - low,
      fileOffset: low,
      fileSize: src.size - low,
    });
  }
  return backedMemory(src, backed);
}
