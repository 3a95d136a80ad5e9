/**
 * The memory plan of a type table: which region of its WebAssembly memory goes where, and
 * how big each may be, in one place. Everything is in 32-bit words from the memory's start
 * unless named `…Byte`. In order:
 *
 * | region | size | when |
 * | --- | --- | --- |
 * | meta (table.ts M_*) | {@link META_WORDS} | header |
 * | record shapes, kind rules | 256 + 32 | header |
 * | the decoder's error words | 8 | header |
 * | the blob | `total` bytes (+ the space's slack) | header, placed by the space |
 * | record offsets, then the parse's three lists (named types, FUNCs, enums) | 4 × maxTypes | header |
 * | name hashes | count | parse |
 * | the type-name index, the FUNC-name index (unsorted names only) | buckets + 2 × names each | parse |
 * | the enumerator index, its build's scratch (a base BTF only) | buckets + 6 × enumerators | parse |
 *
 * The first part is sized from the header alone (before anything is allocated or read);
 * the indexes once the parse has counted the types, names and enumerators. Pure.
 * @module
 */

import { WASM_PAGE } from "./arena.ts";

/** Words of meta at the memory's start (table.ts's M_* word numbers). */
export const META_WORDS = 24;

/** WebAssembly pages (64 KiB) that hold `words` 32-bit words. */
export function pagesFor(words: number): number {
  return Math.max(1, Math.ceil((words * 4) / WASM_PAGE));
}

/** The smallest power of two at least `n`. */
export function nextPow2(n: number): number {
  let p = 1;
  while (p < n) p *= 2;
  return p;
}

/** The regions sized from the header. */
export interface HeaderPlan {
  /** Where the record shapes (256 words) and the kind rules (32 words) go. */
  shapesWord: number;
  /** Where the decoder writes its error and count words (8). */
  errWord: number;
  /** The byte after the fixed regions: the blob is placed at or after it. */
  metaEnd: number;
  /** At most this many types (the smallest record is 12 bytes). */
  maxTypes: number;
  /** Pages to commit at once: the fixed regions, the blob, the offsets and lists. */
  pages: number;
  /** Pages the memory may grow to: the indexes at their largest too. */
  maxPages: number;
}

/** The plan of a `total`-byte blob whose type section is `typeLen` bytes; `slack`, the bytes
 * the space may move the blob and the index by (btf/arena.ts). */
export function planFromHeader(total: number, typeLen: number, slack: number): HeaderPlan {
  const maxTypes = Math.floor(typeLen / 12);
  const shapesWord = META_WORDS, errWord = shapesWord + 256 + 32;
  const metaEnd = (errWord + 8) * 4;
  // The record offsets, then the parse's three lists of types (see decode.c).
  const indexWord = Math.ceil((metaEnd + 3 + total + slack) / 4) + 4 * maxTypes;
  // At most one enumerator per 2 words of type data.
  const maxEnumerators = Math.floor(typeLen / 8);
  const indexBound = 3 * maxTypes + 2 * (nextPow2(Math.max(1, maxTypes >> 1)) + 1) +
    6 * maxEnumerators + nextPow2(Math.max(1, maxEnumerators >> 1)) + 1;
  return {
    shapesWord,
    errWord,
    metaEnd,
    maxTypes,
    pages: pagesFor(indexWord),
    maxPages: pagesFor(indexWord + indexBound),
  };
}

/** A name index: its buckets, their mask, and its entries (two words per name). */
export interface NameIndexPlan {
  bucketsWord: number;
  mask: number;
  entriesWord: number;
  /** The word after it. */
  end: number;
}

function nameIndexAt(at: number, named: number): NameIndexPlan {
  const mask = nextPow2(Math.max(1, named >> 1)) - 1, entriesWord = at + mask + 2;
  return { bucketsWord: at, mask, entriesWord, end: entriesWord + 2 * named };
}

/** What the parse counted, and where the offsets are. */
export interface ParseCounts {
  /** The record offsets' first word. */
  offsetsWord: number;
  /** {@link HeaderPlan.maxTypes}. */
  maxTypes: number;
  /** Types parsed. */
  count: number;
  /** Named types but FUNCs, FUNCs, and enumerators. */
  named: number;
  funcs: number;
  enumerators: number;
  /** The names are sorted in the BTF: no name index is laid out. */
  sorted: boolean;
}

/** The regions sized after the parse. */
export interface IndexPlan {
  /** The parse's lists: named types but FUNCs, FUNCs, enums (each maxTypes words). */
  namedListWord: number;
  funcListWord: number;
  enumListWord: number;
  /** One hash per type. */
  hashesWord: number;
  typeNames: NameIndexPlan;
  funcNames: NameIndexPlan;
  /** The enumerator index: its buckets (at the end of the name indexes), mask, entries. */
  enumBucketsWord: number;
  enumMask: number;
  enumEntriesWord: number;
  /** The enumerator index build's scratch (3 words per enumerator). */
  scratchWord: number;
  /** The word after everything a base BTF's table uses (a split table ends at enumBucketsWord). */
  end: number;
}

/** Where the parse writes its three lists: after the record offsets. */
export function listsWordAfter(offsetsWord: number, maxTypes: number): number {
  return offsetsWord + maxTypes;
}

/** The index plan from what the parse counted. */
export function planIndexes(c: ParseCounts): IndexPlan {
  const namedListWord = listsWordAfter(c.offsetsWord, c.maxTypes);
  const hashesWord = namedListWord + 3 * c.maxTypes;
  const typeNames = nameIndexAt(hashesWord + c.count, c.named);
  const funcNames = nameIndexAt(typeNames.end, c.funcs);
  const enumBucketsWord = c.sorted ? hashesWord : funcNames.end;
  const enumMask = nextPow2(Math.max(1, c.enumerators >> 1)) - 1;
  const enumEntriesWord = enumBucketsWord + enumMask + 2;
  const scratchWord = enumEntriesWord + 3 * c.enumerators;
  return {
    namedListWord,
    funcListWord: namedListWord + c.maxTypes,
    enumListWord: namedListWord + 2 * c.maxTypes,
    hashesWord,
    typeNames,
    funcNames,
    enumBucketsWord,
    enumMask,
    enumEntriesWord,
    scratchWord,
    end: scratchWord + 3 * c.enumerators,
  };
}
