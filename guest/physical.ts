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

/**
 * A range and where its bytes are: `fileOffset` for the first `fileSize`, zeros after; or,
 * where that offset passes 2^53 (/proc/kcore with 5-level paging), `farOffset` instead.
 */
interface Backed extends PhysRange {
  fileOffset: number;
  farOffset?: bigint;
  fileSize: number;
}

/** Fills `dest` from the file at `far` + `at` (an offset past 2^53); throws where `src` cannot. */
function readFar(src: ByteSource, far: bigint, at: number, dest: Uint8Array): void {
  const offset = far + BigInt(at);
  if (!src.readFarInto) {
    throw new GuestError(
      `file offset 0x${offset.toString(16)} is past 2^53: this source cannot read it`,
    );
  }
  src.readFarInto(offset, dest);
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
      if (r.farOffset === undefined && at + length <= r.fileSize) {
        return src.read(r.fileOffset + at, length);
      }
      const out = new Uint8Array(length);
      if (at < r.fileSize) this.readInto(addr, out.subarray(0, Math.min(length, r.fileSize - at)));
      return out;
    },
    readInto(addr, dest) {
      const r = find(addr), at = r === undefined ? 0 : addr - r.start;
      if (r !== undefined && at + dest.length <= r.fileSize) {
        if (r.farOffset === undefined) src.readInto(r.fileOffset + at, dest);
        else readFar(src, r.farOffset, at, dest);
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

/**
 * The physical memory of an ELF core: its PT_LOAD segments that give a physical address. A
 * segment that repeats memory a larger one covers (a kcore's kernel text, whose pages its
 * direct-map RAM segment holds too, and lists first) is left out.
 */
export function coreMemory(src: ByteSource, core: ElfCore): PhysicalMemory {
  const backed: Backed[] = [];
  const physical = core.segments.filter((s) => s.paddr !== null && s.memsz > 0);
  for (const s of physical.sort((a, b) => b.memsz - a.memsz)) {
    const start = s.paddr!;
    // A size past 2^53 (/proc/kcore with 5-level paging) is not exact: no end to check against.
    if (src.size <= Number.MAX_SAFE_INTEGER && s.offset + BigInt(s.filesz) > BigInt(src.size)) {
      throw new GuestError(
        `segment at ${hex(start)} runs past the end of the ${src.size}-byte file (truncated)`,
      );
    }
    if (backed.some((b) => start < b.start + b.size && b.start < start + s.memsz)) continue;
    const exact = s.offset + BigInt(s.filesz) <= BigInt(Number.MAX_SAFE_INTEGER);
    backed.push({
      start,
      size: s.memsz,
      fileOffset: exact ? Number(s.offset) : 0,
      ...(exact ? {} : { farOffset: s.offset }),
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
