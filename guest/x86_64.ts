/**
 * x86_64 virtual-to-physical translation of a guest kernel's addresses: the kernel image by
 * its fixed formula (`pa = va - __START_KERNEL_map + phys_base`, which holds with KASLR), and
 * everything else (the direct map, vmalloc, per-CPU chunks, modules) by walking the page
 * tables from the kernel's root table, 4 or 5 levels, with 1 GiB and 2 MiB pages. Tables
 * and translations are cached per page. Pure.
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

/** Reads guest virtual memory through the kernel's page tables. */
export class X86Translator {
  readonly #mem: PhysicalMemory;
  readonly #paging: X86Paging;
  readonly #tables = new Map<number, BigUint64Array>();
  readonly #pages = new Map<bigint, number>();

  /** A translator over `mem` for a kernel that maps as `paging` says. */
  constructor(mem: PhysicalMemory, paging: X86Paging) {
    this.#mem = mem;
    this.#paging = paging;
  }

  /** The paging this translator walks. */
  get paging(): X86Paging {
    return this.#paging;
  }

  #table(pa: number): BigUint64Array {
    let t = this.#tables.get(pa);
    if (t === undefined) {
      t = new BigUint64Array(this.#mem.read(pa, PAGE).slice().buffer);
      this.#tables.set(pa, t);
    }
    return t;
  }

  /** The physical address of `va` by a page-table walk; throws GuestError when unmapped. */
  walk(va: bigint): number {
    const page = va >> 12n;
    const known = this.#pages.get(page);
    if (known !== undefined) return known + Number(va & 0xfffn);
    let table = this.#paging.root;
    for (let level = this.#paging.levels; level >= 1; level--) {
      const shift = 12n + 9n * BigInt(level - 1);
      const entry = this.#table(table)[Number((va >> shift) & 0x1ffn)];
      if ((entry & PRESENT) === 0n) {
        throw new GuestError(`guest virtual address ${hex(va)} is not mapped (level ${level})`);
      }
      if (level <= 3 && level >= 2 && (entry & HUGE) !== 0n) {
        const span = 1n << shift;
        const pa = Number((entry & ADDR_MASK & ~(span - 1n)) + (va & (span - 1n)));
        this.#pages.set(page, pa - Number(va & 0xfffn));
        return pa;
      }
      table = Number(entry & ADDR_MASK);
    }
    this.#pages.set(page, table);
    return table + Number(va & 0xfffn);
  }

  /** The physical address of `va`: the image formula for the kernel image, else a walk. */
  toPhys(va: bigint): number {
    return imagePhys(va, this.#paging.physBase) ?? this.walk(va);
  }

  /** `length` bytes of guest virtual memory at `va` (page by page); throws GuestError. */
  read(va: bigint, length: number): Uint8Array {
    const first = PAGE - Number(va & 0xfffn);
    if (length <= first) return this.#mem.read(this.toPhys(va), length);
    // The kernel image is physically contiguous: one read.
    const image = imagePhys(va, this.#paging.physBase);
    if (image !== null && imagePhys(va + BigInt(length - 1), this.#paging.physBase) !== null) {
      return this.#mem.read(image, length);
    }
    const out = new Uint8Array(length);
    for (let done = 0; done < length;) {
      const at = (va + BigInt(done)) & U64;
      const n = Math.min(length - done, PAGE - Number(at & 0xfffn));
      out.set(this.#mem.read(this.toPhys(at), n), done);
      done += n;
    }
    return out;
  }
}
