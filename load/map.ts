/**
 * Page-level help for type tables through libc (Deno FFI), where it is allowed: on this
 * kind of machine the first touch of fresh memory (a page fault per 4 KiB) costs more than
 * parsing, so
 *
 * - {@link pageAdvice}: table memory takes transparent huge pages (`madvise(MADV_HUGEPAGE)`,
 *   one fault per 2 MiB), and the record offsets and index start on a 2 MiB boundary;
 * - {@link mapInto}: the kernel's own BTF (`/sys/kernel/btf/*`, mappable since Linux 6.16)
 *   is mapped into the table's memory instead of being copied: no read, no fault.
 *
 * Regular files are read, not mapped: reading into huge pages costs ~1 ms more for a 5 MB
 * blob, and a mapped file that someone truncates turns the next access into SIGBUS, which
 * kills the process instead of failing one load. Everything here falls back silently (the
 * loader then reads into ordinary memory): no `--allow-ffi`, no libc, an older kernel, a
 * mapping refused; with transparent huge pages off the advice changes nothing.
 * @module
 */
import { freshSpace, type MemoryAdvice, type TableSpace } from "../btf/arena.ts";

const PAGE = 4096;
const HUGE_PAGE = 2 << 20;
/** Below this BTF size a table fits in a few 4 KiB pages and huge pages would only zero more. */
const HUGE_MIN_BTF = 1 << 20;
const PROT_READ = 1, MAP_PRIVATE = 2, MAP_FIXED = 0x10;
const MREMAP_MAYMOVE = 1, MREMAP_FIXED = 2;
const MADV_HUGEPAGE = 14;
const O_RDONLY_CLOEXEC = 0o2000000;
const MAP_FAILED = 0xffffffffffffffffn;
/** Where the kernel exposes BTF as files; vmlinux can be mapped since 6.16. */
export const SYSFS_BTF = "/sys/kernel/btf/";

const SYMBOLS = {
  mmap: { parameters: ["pointer", "usize", "i32", "i32", "i32", "i64"], result: "pointer" },
  mremap: { parameters: ["pointer", "usize", "usize", "i32", "pointer"], result: "pointer" },
  munmap: { parameters: ["pointer", "usize"], result: "i32" },
  madvise: { parameters: ["pointer", "usize", "i32"], result: "i32" },
  open: { parameters: ["buffer", "i32"], result: "i32" },
  close: { parameters: ["i32"], result: "i32" },
} as const;

type Libc = Deno.DynamicLibrary<typeof SYMBOLS>["symbols"];

let libc: Libc | null | undefined;

/** libc through FFI, opened on first use; null where FFI is not allowed or fails. */
function lib(): Libc | null {
  if (libc !== undefined) return libc;
  libc = null;
  try {
    if (typeof Deno.dlopen !== "function") return null;
    if (Deno.permissions.querySync({ name: "ffi" }).state !== "granted") return null;
    libc = Deno.dlopen("libc.so.6", SYMBOLS).symbols;
  } catch {
    // No glibc, or FFI refused: everything below falls back.
  }
  return libc;
}

function address(bytes: Uint8Array): bigint {
  return Deno.UnsafePointer.value(Deno.UnsafePointer.of(bytes));
}

function pointer(at: bigint): Deno.PointerValue {
  return Deno.UnsafePointer.create(at);
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
        const huge = BigInt(HUGE_PAGE);
        return Number((base + BigInt(byte) + huge - 1n) / huge * huge - base);
      },
      fresh(memory, maxBytes) {
        // The whole reservation (pages committed later by growing inherit the advice) but
        // its first, partial 2 MiB: that holds only the table's meta, one 4 KiB page.
        const base = address(new Uint8Array(memory.buffer)), huge = BigInt(HUGE_PAGE);
        const from = (base / huge + 1n) * huge, end = base + BigInt(maxBytes);
        if (from < end) c.madvise(pointer(from), end - from, MADV_HUGEPAGE);
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
  const at = c ? address(dest) : 0n;
  if (!c || at % BigInt(PAGE) !== 0n) return false;
  const fd = c.open(new TextEncoder().encode(path + "\0"), O_RDONLY_CLOEXEC);
  if (fd < 0) return false;
  try {
    const len = BigInt(dest.length);
    const probe = c.mmap(null, len, PROT_READ, MAP_PRIVATE, fd, BigInt(offset));
    if (Deno.UnsafePointer.value(probe) === MAP_FAILED) return false;
    const moved = c.mremap(probe, len, len, MREMAP_MAYMOVE | MREMAP_FIXED, pointer(at));
    if (Deno.UnsafePointer.value(moved) === at) return true;
    // The move was refused: the file is mappable, so map it again in place.
    c.munmap(probe, len);
    const fixed = c.mmap(pointer(at), len, PROT_READ, MAP_PRIVATE | MAP_FIXED, fd, BigInt(offset));
    return Deno.UnsafePointer.value(fixed) === at;
  } finally {
    c.close(fd);
  }
}
