/**
 * Where the memory of a type table comes from. A table lives in one shared
 * WebAssembly.Memory (btf/table.ts); a {@link TableSpace} hands those memories out.
 *
 * - {@link freshSpace}: a new memory per table, freed by the garbage collector once nothing
 *   references the table (what {@link BtfTypes.build} and `loadBtf` use by default).
 * - {@link TableArena}: recycles. The first touch of fresh memory (a page fault per 4 KiB)
 *   costs more than parsing, so a batch that builds one table after another in the same,
 *   already touched memory pays those faults once. Recycling is explicit: only a table
 *   given back with {@link TableArena.release} is reused, and from then on every accessor of
 *   that table (in any thread) throws instead of reading the next table's data.
 *
 * Pure (no Deno.*): page advice such as transparent huge pages comes in through
 * {@link MemoryAdvice} (load/map.ts provides it where FFI is allowed).
 * @module
 */

/** Bytes per WebAssembly page. */
export const WASM_PAGE = 65536;
/** The largest 32-bit WebAssembly memory, in pages (4 GiB). */
export const MAX_WASM_PAGES = 65536;
/**
 * Meta word holding the memory's generation: a table remembers the value it was built
 * with, and releasing it bumps the value, so a stale table can tell it was released.
 */
export const GENERATION_WORD = 19;

/** Page advice for new table memory (e.g. transparent huge pages). */
export interface MemoryAdvice {
  /** Extra bytes a table of a `total`-byte BTF needs so its regions can start on boundaries. */
  slack(total: number): number;
  /** The byte at or after `byte` of `memory` where a region of a `total`-byte BTF's table starts. */
  place(memory: WebAssembly.Memory, byte: number, total: number): number;
  /** Called once per new memory (reserved up to `maxBytes`) before anything is written. */
  fresh(memory: WebAssembly.Memory, maxBytes: number): void;
}

/** A region of a table: the raw BTF blob, or the record offsets and name index after it. */
export type Region = "blob" | "index";

/** Where a table's memory comes from (see the module documentation). */
export interface TableSpace {
  /** Extra bytes a table of a `total`-byte BTF needs so its regions can start on boundaries. */
  slack(total: number): number;
  /** A shared memory of at least `pages` pages that can grow to at least `maxPages`. */
  acquire(pages: number, maxPages: number): WebAssembly.Memory;
  /** The byte at or after `byte` of `memory` where `region` of a `total`-byte BTF starts. */
  place(memory: WebAssembly.Memory, byte: number, region: Region, total: number): number;
}

/**
 * `pages` rounded up to whole 2 MiB (32 pages): a memory that ends mid-way through 2 MiB
 * when that part is first touched cannot take a huge page there (4 KiB faults instead).
 */
function wholeHugePages(pages: number): number {
  return Math.min(MAX_WASM_PAGES, Math.ceil(pages / 32) * 32);
}

function newMemory(pages: number, maxPages: number): WebAssembly.Memory {
  return new WebAssembly.Memory({
    initial: wholeHugePages(pages),
    maximum: wholeHugePages(maxPages),
    shared: true,
  });
}

/** Grows `memory` to at least `pages` pages (in whole 2 MiB steps). */
export function growTo(memory: WebAssembly.Memory, pages: number): void {
  const have = memory.buffer.byteLength / WASM_PAGE;
  if (have < pages) memory.grow(wholeHugePages(pages) - have);
}

/** Bytes of a page a file can be mapped onto. */
const MAP_PAGE = 4096;

/**
 * Placement shared by both spaces: the blob where the advice says (a page boundary at least
 * when it may be mapped). A copied blob is followed at once by the index, which so shares
 * the blob's last huge page; after a mapped blob (whole file pages, not memory) the index
 * starts where the advice says too.
 */
function placeIn(
  advice: MemoryAdvice | undefined,
  mappable: boolean,
): TableSpace["place"] {
  return (memory, byte, region, total) => {
    if (region === "index" && !mappable) return byte;
    const at = advice ? advice.place(memory, byte, total) : byte;
    return region === "blob" && mappable ? Math.ceil(at / MAP_PAGE) * MAP_PAGE : at;
  };
}

/**
 * A space that makes a new memory per table; `advice` is applied to each memory. A
 * `mappable` space puts the blob on a page boundary, so a loader can map a file's pages in
 * (load/map.ts), and commits the table's largest size up front: growing a memory later
 * re-protects all of it, which a read-only mapping inside refuses (V8 then aborts).
 */
export function freshSpace(advice?: MemoryAdvice, mappable = false): TableSpace {
  return {
    slack: (total) => (advice?.slack(total) ?? 0) + (mappable ? MAP_PAGE : 0),
    acquire(pages, maxPages) {
      const memory = newMemory(mappable ? maxPages : pages, maxPages);
      advice?.fresh(memory, maxPages * WASM_PAGE);
      return memory;
    },
    place: placeIn(advice, mappable),
  };
}

/** The default space: a plain new memory per table, no advice. */
export const FRESH_SPACE: TableSpace = freshSpace();

/**
 * A space that recycles table memory (see the module documentation). Not shared between
 * threads: each thread keeps its own arena (a worker's tables are released by that worker).
 */
export class TableArena implements TableSpace {
  readonly #advice: MemoryAdvice | undefined;
  readonly #place: TableSpace["place"];
  readonly #free: WebAssembly.Memory[] = [];
  readonly #lent: WebAssembly.Memory[] = [];
  #created = 0;

  /** An empty arena; `advice` is applied to each memory it creates. */
  constructor(advice?: MemoryAdvice) {
    this.#advice = advice;
    this.#place = placeIn(advice, false);
  }

  /** Room for the advice's boundaries (the blob is copied in, never mapped). */
  slack(total: number): number {
    return this.#advice?.slack(total) ?? 0;
  }

  /** Placement as the advice says. */
  place(memory: WebAssembly.Memory, byte: number, region: Region, total: number): number {
    return this.#place(memory, byte, region, total);
  }

  /** A released memory when there is one (grown as needed), else a new one. */
  acquire(pages: number, _maxPages: number): WebAssembly.Memory {
    this.#reclaimFailed();
    let memory = this.#free.pop();
    if (memory) growTo(memory, pages);
    else {
      // Any later table may be larger: the memory can grow to the 4 GiB limit.
      memory = newMemory(pages, MAX_WASM_PAGES);
      this.#advice?.fresh(memory, MAX_WASM_PAGES * WASM_PAGE);
      this.#created++;
    }
    // Word 0 (the table magic) stays 0 until a table is complete in this memory.
    new Uint32Array(memory.buffer, 0, 1)[0] = 0;
    this.#lent.push(memory);
    return memory;
  }

  /**
   * Gives the memory of `types` back for the next table. From now on `types`, and every
   * table attached to its buffer in any thread, throws on access. Returns false (and does
   * nothing) for a table this arena did not build.
   */
  release(types: { occupies(buffer: ArrayBufferLike): boolean }): boolean {
    const i = this.#lent.findIndex((m) => types.occupies(m.buffer));
    if (i < 0) return false;
    const [memory] = this.#lent.splice(i, 1);
    Atomics.add(new Uint32Array(memory.buffer, 0, GENERATION_WORD + 1), GENERATION_WORD, 1);
    this.#free.push(memory);
    return true;
  }

  /** Memories this arena has created (a batch's page faults grow with this, not its size). */
  get created(): number {
    return this.#created;
  }

  /** A lent memory whose table never completed (its build threw) is free again. */
  #reclaimFailed(): void {
    for (let i = this.#lent.length - 1; i >= 0; i--) {
      if (new Uint32Array(this.#lent[i].buffer, 0, 1)[0] !== 0) continue;
      this.#free.push(...this.#lent.splice(i, 1));
    }
  }
}
