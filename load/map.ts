/**
 * Page-level help for type tables through libc (Deno FFI), where it is allowed: on this
 * kind of machine the first touch of fresh memory (a page fault per 4 KiB) costs more than
 * parsing, so
 *
 * - {@link pageAdvice}: table memory takes transparent huge pages (`madvise(MADV_HUGEPAGE)`,
 *   one fault per 2 MiB), and the record offsets and index start on a 2 MiB boundary;
 * - {@link mapInto}: the kernel's own BTF (`/sys/kernel/btf/*`, mappable since Linux 6.16)
 *   is mapped into the table's memory instead of being copied: no read, no fault;
 * - {@link mapFile}: a guest memory image (hundreds of MB to GB, of which a reader touches a
 *   few MB) is mapped whole, so only the pages read are read, and a read is a view.
 *
 * Regular BTF files are read, not mapped: reading into huge pages costs ~1 ms more for a 5 MB
 * blob, and a mapped file that someone truncates turns the next access into SIGBUS, which
 * kills the process instead of failing one load. A memory image takes that risk (a dump is
 * not rewritten while read; a running guest's RAM file keeps its size): copying the pages a
 * scan reads costs more than the whole rest of a run. Everything here falls back silently (the
 * loader then reads into ordinary memory): no `--allow-ffi`, no libc, an architecture other
 * than x86-64 and arm64 (the system call numbers are per architecture), an older kernel, a
 * mapping refused; with transparent huge pages off the advice changes nothing.
 * @module
 */
import { freshSpace, type MemoryAdvice, type TableSpace } from "../btf/arena.ts";

const PAGE = 4096;
const HUGE_PAGE = 2 << 20;
/** Below this BTF size a table fits in a few 4 KiB pages and huge pages would only zero more. */
const HUGE_MIN_BTF = 1 << 20;
const PROT_READ = 1, MAP_SHARED = 1, MAP_PRIVATE = 2, MAP_FIXED = 0x10;
const MREMAP_MAYMOVE = 1, MREMAP_FIXED = 2;
const MADV_HUGEPAGE = 14;
const O_RDONLY_CLOEXEC = 0o2000000;
const AT_FDCWD = -100;
/** Where the kernel exposes BTF as files; vmlinux can be mapped since 6.16. */
export const SYSFS_BTF = "/sys/kernel/btf/";

/**
 * The Linux system call numbers used here, by `Deno.build.arch`. They go through libc's
 * `syscall()`, one FFI symbol: Deno prepares each symbol of a library it opens, ~0.2 ms apiece.
 */
const SYSCALL_NUMBERS: Record<string, Record<keyof Libc, number>> = {
  x86_64: { mmap: 9, munmap: 11, mremap: 25, madvise: 28, open: 257, close: 3 },
  aarch64: { mmap: 222, munmap: 215, mremap: 216, madvise: 233, open: 56, close: 57 },
};

/** The calls used here; addresses are numbers, and each returns -1 on failure. */
interface Libc {
  mmap(at: number, len: number, prot: number, flags: number, fd: number, offset: number): number;
  mremap(from: number, len: number, newLen: number, flags: number, to: number): number;
  munmap(at: number, len: number): number;
  madvise(at: number, len: number, advice: number): number;
  /** openat(AT_FDCWD, path, flags) of a NUL-terminated path. */
  open(path: Uint8Array, flags: number): number;
  close(fd: number): number;
}

let libc: Libc | null | undefined;

/** libc through FFI, opened on first use; null where FFI is not allowed or fails. */
function lib(): Libc | null {
  if (libc !== undefined) return libc;
  libc = null;
  const nr = SYSCALL_NUMBERS[Deno.build.arch];
  try {
    if (typeof Deno.dlopen !== "function" || !nr) return null;
    if (Deno.permissions.querySync({ name: "ffi" }).state !== "granted") return null;
    const { syscall } = Deno.dlopen("libc.so.6", {
      syscall: { parameters: ["i64", "i64", "i64", "i64", "i64", "i64", "i64"], result: "i64" },
    }).symbols;
    const call = (n: number, a = 0, b = 0, c = 0, d = 0, e = 0, f = 0) =>
      Number(syscall(BigInt(n), BigInt(a), BigInt(b), BigInt(c), BigInt(d), BigInt(e), BigInt(f)));
    libc = {
      mmap: (at, len, prot, flags, fd, offset) => call(nr.mmap, at, len, prot, flags, fd, offset),
      mremap: (from, len, newLen, flags, to) => call(nr.mremap, from, len, newLen, flags, to),
      munmap: (at, len) => call(nr.munmap, at, len),
      madvise: (at, len, advice) => call(nr.madvise, at, len, advice),
      open: (path, flags) => call(nr.open, AT_FDCWD, address(path), flags),
      close: (fd) => call(nr.close, fd),
    };
  } catch {
    // No glibc, or FFI refused: everything below falls back.
  }
  return libc;
}

/** The address of a view's first byte (below 2^47, so exact as a number). */
function address(bytes: Uint8Array): number {
  return Number(Deno.UnsafePointer.value(Deno.UnsafePointer.of(bytes)));
}

let advice: MemoryAdvice | null | undefined;

/** Huge-page advice for table memory, or null where it cannot be given. */
export function pageAdvice(): MemoryAdvice | null {
  if (advice !== undefined) return advice;
  const c = lib();
  // Where transparent huge pages are off the advice is accepted and changes nothing.
  advice = c
    ? {
      // A region starts on a 2 MiB boundary of the address space (V8 aligns a memory to
      // 64 KiB only), so each 2 MiB of it faults once.
      slack: (total) => total >= HUGE_MIN_BTF ? 2 * HUGE_PAGE : 0,
      place(memory, byte, total) {
        if (total < HUGE_MIN_BTF) return byte;
        const base = address(new Uint8Array(memory.buffer));
        return Math.ceil((base + byte) / HUGE_PAGE) * HUGE_PAGE - base;
      },
      fresh(memory, maxBytes) {
        // The whole reservation (pages committed later by growing inherit the advice) but
        // its first, partial 2 MiB: that holds only the table's meta, one 4 KiB page.
        const base = address(new Uint8Array(memory.buffer));
        const from = (Math.floor(base / HUGE_PAGE) + 1) * HUGE_PAGE, end = base + maxBytes;
        if (from < end) c.madvise(from, end - from, MADV_HUGEPAGE);
      },
    }
    : null;
  return advice;
}

/**
 * The space `loadBtf` uses by default for `path`: a new memory per table, with huge-page
 * advice where FFI is allowed, laid out for {@link mapInto} when `path` may be mapped.
 */
export function defaultSpace(path: string): TableSpace {
  const a = pageAdvice();
  return freshSpace(a ?? undefined, a !== null && mayMap(path));
}

/** Whether {@link mapInto} would try `path` (sysfs BTF; regular files are read). */
function mayMap(path: string): boolean {
  return path.startsWith(SYSFS_BTF);
}

/**
 * Maps `dest.length` bytes of `path` from `offset` over `dest` (a page-aligned view into a
 * table's memory, which must not have been written yet). Only sysfs BTF is mapped (see the
 * module documentation). Returns false, leaving `dest` as it was, when it cannot map.
 * The file is mapped first where the kernel chooses, then moved over `dest`: a refused
 * mapping therefore never leaves a hole in the table's memory.
 */
export function mapInto(path: string, offset: number, dest: Uint8Array): boolean {
  if (!mayMap(path) || offset % PAGE !== 0 || dest.length === 0) return false;
  const c = lib();
  const at = c ? address(dest) : 0;
  if (!c || at % PAGE !== 0) return false;
  const fd = c.open(new TextEncoder().encode(path + "\0"), O_RDONLY_CLOEXEC);
  if (fd < 0) return false;
  try {
    const len = dest.length;
    const probe = c.mmap(0, len, PROT_READ, MAP_PRIVATE, fd, offset);
    if (probe === -1) return false;
    const moved = c.mremap(probe, len, len, MREMAP_MAYMOVE | MREMAP_FIXED, at);
    if (moved === at) return true;
    // The move was refused: the file is mappable, so map it again in place.
    c.munmap(probe, len);
    return c.mmap(at, len, PROT_READ, MAP_PRIVATE | MAP_FIXED, fd, offset) === at;
  } finally {
    c.close(fd);
  }
}

/** A file mapped read-only: its bytes, valid until `unmap()`. */
export interface MappedFile {
  /** The file's bytes (reading past a later truncation kills the process: SIGBUS). */
  bytes: Uint8Array;
  /** Unmaps it; the bytes must not be read after. */
  unmap(): void;
}

/**
 * Maps the first `size` bytes of regular file `path` read-only and shared (a running guest's
 * writes show through), or returns null where it cannot: no FFI, an empty file, a refusal.
 */
export function mapFile(path: string, size: number): MappedFile | null {
  const c = lib();
  if (!c || size <= 0) return null;
  const fd = c.open(new TextEncoder().encode(path + "\0"), O_RDONLY_CLOEXEC);
  if (fd < 0) return null;
  try {
    const at = c.mmap(0, size, PROT_READ, MAP_SHARED, fd, 0);
    if (at === -1) return null;
    const buffer = Deno.UnsafePointerView.getArrayBuffer(
      Deno.UnsafePointer.create(BigInt(at))!,
      size,
    );
    return { bytes: new Uint8Array(buffer), unmap: () => void c.munmap(at, size) };
  } finally {
    c.close(fd);
  }
}
