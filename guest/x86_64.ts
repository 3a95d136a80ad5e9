/**
 * x86_64 virtual-to-physical translation of a guest kernel's addresses: the kernel image by
 * its fixed formula (`pa = va - __START_KERNEL_map + phys_base`, which holds with KASLR), and
 * everything else (the direct map, vmalloc, per-CPU chunks, modules) by walking the page
 * tables from the kernel's root table, 4 or 5 levels, with 1 GiB and 2 MiB pages; the direct
 * map by formula once its base is checked. A still image's tables and translations are
 * cached; a live guest's root table only, its translations for one sample. Pure.
 * @module
 */
import { GuestError, hex } from "./errors.ts";
import type { PhysicalMemory } from "./physical.ts";

/** `__START_KERNEL_map`: where the kernel image is mapped. */
export const START_KERNEL_MAP = 0xffffffff80000000n;
/** The image mapping's size (KERNEL_IMAGE_SIZE with KASLR: 1 GiB). */
const KERNEL_IMAGE_SIZE = 1n << 30n;
const PAGE = 4096;
const ADDR_MASK = 0x000ffffffffff000n;
const PRESENT = 1n, HUGE = 1n << 7n;
const U64 = (1n << 64n) - 1n;

/** How a guest kernel maps its addresses. */
export interface X86Paging {
  /** Physical address of the root page table (`init_top_pgt`). */
  root: number;
  /** Paging levels: 5 with LA57 (`NUMBER(pgtable_l5_enabled)=1`), else 4. */
  levels: 4 | 5;
  /** `phys_base` (VMCOREINFO `NUMBER(phys_base)`; signed). */
  physBase: bigint;
}

/** The physical address of the kernel image's virtual address `va`, by formula. */
export function imagePhys(va: bigint, physBase: bigint): number | null {
  if (va < START_KERNEL_MAP || va >= START_KERNEL_MAP + KERNEL_IMAGE_SIZE) return null;
  return Number((va - START_KERNEL_MAP + physBase) & U64);
}

/** How a translator treats the page tables. */
export interface TranslatorOptions {
  /**
   * A running guest (a shared RAM file), whose lower page tables change: only the root table
   * is kept (read again once when a walk fails), a walk reads one entry per level, and
   * translations last until {@link X86Translator.forget}. Default: a still image, whose
   * tables are read whole and kept.
   */
  live?: boolean;
}

/** Reads guest virtual memory through the kernel's page tables. */
export class X86Translator {
  readonly #mem: PhysicalMemory;
  readonly #paging: X86Paging;
  readonly #live: boolean;
  readonly #tables = new Map<number, BigUint64Array>();
  readonly #pages = new Map<bigint, number>();
  /** The root table, kept for a live guest. */
  #root: BigUint64Array | undefined;
  #directMap: { base: bigint; size: number } | null = null;
  /** Times the root table was read again after a failed walk (a live guest). */
  rootReloads = 0;

  /** A translator over `mem` for a kernel that maps as `paging` says. */
  constructor(mem: PhysicalMemory, paging: X86Paging, options: TranslatorOptions = {}) {
    this.#mem = mem;
    this.#paging = paging;
    this.#live = options.live ?? false;
    if (this.#live) this.#root = this.#readTable(paging.root);
  }

  /** The paging this translator walks. */
  get paging(): X86Paging {
    return this.#paging;
  }

  /** The direct map's base, when {@link setDirectMap} gave one. */
  get directMap(): bigint | null {
    return this.#directMap?.base ?? null;
  }

  /**
   * Translates the direct map (`base` up to `size` bytes of physical memory) by formula from
   * now on: a fast path the caller has checked against the page tables.
   */
  setDirectMap(base: bigint, size: number): void {
    this.#directMap = { base, size };
  }

  /** Forgets the translations made so far (a live guest's next sample). */
  forget(): void {
    this.#pages.clear();
  }

  #readTable(pa: number): BigUint64Array {
    return new BigUint64Array(this.#mem.read(pa, PAGE).slice().buffer);
  }

  /** Entry `index` of the table at `table`, the level-`level` one. */
  #entry(table: number, index: number, level: number): bigint {
    if (!this.#live) {
      let t = this.#tables.get(table);
      if (t === undefined) {
        t = this.#readTable(table);
        this.#tables.set(table, t);
      }
      return t[index];
    }
    if (level === this.#paging.levels) return this.#root![index];
    const b = this.#mem.read(table + 8 * index, 8);
    return new DataView(b.buffer, b.byteOffset, 8).getBigUint64(0, true);
  }

  #walkTables(va: bigint): number {
    let table = this.#paging.root;
    for (let level: number = this.#paging.levels; level >= 1; level--) {
      const shift = 12n + 9n * BigInt(level - 1);
      const entry = this.#entry(table, Number((va >> shift) & 0x1ffn), level);
      if ((entry & PRESENT) === 0n) {
        throw new GuestError(`guest virtual address ${hex(va)} is not mapped (level ${level})`);
      }
      if (level <= 3 && level >= 2 && (entry & HUGE) !== 0n) {
        const span = 1n << shift;
        return Number((entry & ADDR_MASK & ~(span - 1n)) + (va & (span - 1n)));
      }
      table = Number(entry & ADDR_MASK);
    }
    return table + Number(va & 0xfffn);
  }

  /** The physical address of `va` by a page-table walk; throws GuestError when unmapped. */
  walk(va: bigint): number {
    const page = va >> 12n;
    const known = this.#pages.get(page);
    if (known !== undefined) return known + Number(va & 0xfffn);
    let pa: number;
    try {
      pa = this.#walkTables(va);
    } catch (err) {
      if (!this.#live || !(err instanceof GuestError)) throw err;
      // A live guest's root may have changed since it was read: once more, if it did.
      const fresh = this.#readTable(this.#paging.root);
      this.rootReloads++;
      if (fresh.every((e, i) => e === this.#root![i])) throw err;
      this.#root = fresh;
      pa = this.#walkTables(va);
    }
    this.#pages.set(page, pa - Number(va & 0xfffn));
    return pa;
  }

  #direct(va: bigint): number | null {
    if (this.#directMap === null) return null;
    const off = va - this.#directMap.base;
    return off >= 0n && off < BigInt(this.#directMap.size) ? Number(off) : null;
  }

  /**
   * The physical address of `va`: the image formula for the kernel image, the direct map's
   * once set, else a walk.
   */
  toPhys(va: bigint): number {
    return imagePhys(va, this.#paging.physBase) ?? this.#direct(va) ?? this.walk(va);
  }

  /** Where `length` bytes at `va` start when they are physically contiguous by formula. */
  #contiguous(va: bigint, length: number): number | null {
    const last = (va + BigInt(length - 1)) & U64;
    const image = imagePhys(va, this.#paging.physBase);
    if (image !== null && imagePhys(last, this.#paging.physBase) !== null) return image;
    const direct = this.#direct(va);
    return direct !== null && this.#direct(last) !== null ? direct : null;
  }

  /**
   * `length` bytes of guest virtual memory at `va`: one read where they are physically
   * contiguous (a page, the kernel image, the direct map), else page by page; throws
   * GuestError.
   */
  read(va: bigint, length: number): Uint8Array {
    va &= U64;
    if (length <= PAGE - Number(va & 0xfffn)) return this.#mem.read(this.toPhys(va), length);
    const at = this.#contiguous(va, length);
    if (at !== null) return this.#mem.read(at, length);
    const out = new Uint8Array(length);
    for (let done = 0; done < length;) {
      const from = (va + BigInt(done)) & U64;
      const n = Math.min(length - done, PAGE - Number(from & 0xfffn));
      out.set(this.#mem.read(this.toPhys(from), n), done);
      done += n;
    }
    return out;
  }

  /** Fills `dest` from guest virtual memory at `va`, as {@link read} reads it. */
  readInto(va: bigint, dest: Uint8Array): void {
    va &= U64;
    const length = dest.length;
    if (length <= PAGE - Number(va & 0xfffn)) return this.#mem.readInto(this.toPhys(va), dest);
    const at = this.#contiguous(va, length);
    if (at !== null) return this.#mem.readInto(at, dest);
    dest.set(this.read(va, length));
  }
}
