/**
 * The parsed type table of one BTF blob, built once into a SharedArrayBuffer so that worker
 * threads can attach to it without copying (docs/DESIGN.md).
 *
 * The buffer is the memory of a shared WebAssembly.Memory: the hot loops (walking the
 * records, the sortedness check, building the index) run as WebAssembly (btf/wasm/decode.c)
 * so the parse runs near memory speed even in a cold process. Layout (32-bit words):
 *   meta[20] | record shapes per kind [256] | rules per kind [32] | error details [5] | pad |
 *   raw BTF bytes (placed so the type section is 4-byte aligned) | record word index per
 *   type | name hash per type | buckets[n+1] | (hash, id) pairs | enumerator buckets |
 *   (hash, id, element) triples
 *
 * The name index is a hash table in compressed-row form: named types are counted per bucket,
 * prefix-summed and filled in id order, so a lookup returns matches in type-id order and no
 * string is ever allocated. A blob whose named types are already sorted by name (newer
 * kernels sort vmlinux BTF) skips the index and is binary-searched instead. Enumerators (of
 * every ENUM and ENUM64) have an index of their own, in the same form, in a table without a
 * base (a split table's few enums are searched directly).
 * @module
 */
import { BtfError } from "./errors.ts";
import { type BtfHeader, checkStrings, parseHeader } from "./header.ts";
import { swapByteOrder } from "./swap.ts";
import {
  listsWordAfter,
  META_WORDS,
  type NameIndexPlan,
  pagesFor,
  planFromHeader,
  planIndexes,
} from "./table_plan.ts";
import { DECODE_WASM_BASE64 } from "./wasm/decode_wasm.ts";
import { fromBase64 } from "./base64.ts";
import { FRESH_SPACE, GENERATION_WORD, growTo, MAX_WASM_PAGES, type TableSpace } from "./arena.ts";
import { elemWords, extraWords, Kind, kindName, MAX_KNOWN_KIND } from "./kinds.ts";

const TABLE_MAGIC = 0x4b425446;
const M_MAGIC = 0,
  M_FIRST_ID = 1,
  M_COUNT = 2,
  M_BTF_BYTE = 3,
  M_BTF_LEN = 4,
  M_STR_BYTE = 5,
  M_STR_LEN = 6,
  M_OFFSETS_WORD = 7,
  M_SORTED = 8,
  M_BUCKETS_WORD = 9,
  M_BUCKET_MASK = 10,
  M_ENTRIES_WORD = 11,
  M_FIRST_NAMED = 12,
  M_STR_BASE = 13,
  M_ENUM_BUCKETS_WORD = 14,
  M_ENUM_MASK = 15,
  M_ENUM_ENTRIES_WORD = 16,
  M_PENDING = 17,
  M_FUNC_BUCKETS_WORD = 20,
  M_FUNC_MASK = 21,
  M_FUNC_ENTRIES_WORD = 22,
  M_BIG_ENDIAN = 23;
/** Bits of meta word M_PENDING: an index laid out but not built yet (see {@link IndexBuilds}). */
const PENDING_NAMES = 1, PENDING_ENUMS = 2, PENDING_FUNCS = 4;
/**
 * Name lookups answered by a scan of every type before the name index is built: `struct rq`
 * asks for two names (`rq`, and `long int` for the size of a pointer), a kernel report for
 * hundreds. A cold scan of a vmlinux costs ~1 ms, building the index of its types ~2–3 ms.
 */
const SCANS_BEFORE_INDEX = 2;

const encoder = new TextEncoder();
const textDecoder = new TextDecoder();

/** `n` rounded up to a multiple of `align`. */
function alignUp(n: number, align: number): number {
  return Math.ceil(n / align) * align;
}

/**
 * A name's hash covers its first 12 bytes (zero-padded after the NUL), read as three
 * little-endian words: a fixed handful of operations per name, whatever its length, so the
 * index builds at memory speed even before the JIT warms up. Names sharing a 12-byte
 * prefix only share a bucket; lookups compare full names.
 */
function mixWords(a: number, b: number, c: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b);
  h = Math.imul((h ^ (h >>> 15)) ^ b, 0xc2b2ae35);
  h = Math.imul((h ^ (h >>> 13)) ^ c, 0x27d4eb2f);
  return (h ^ (h >>> 16)) >>> 0;
}

/** High bit of each zero byte of `w` (the lowest one exact; higher ones may be spurious). */
function zeroBytes(w: number): number {
  return (w - 0x01010101) & ~w & 0x80808080;
}

/** Keeps the bytes of `w` before its first zero byte (`w` read little-endian). */
function beforeNul(w: number, zero: number): number {
  const bits = 31 - Math.clz32(zero & -zero) - 7;
  return bits === 0 ? 0 : (w & (0xffffffff >>> (32 - bits))) >>> 0;
}

/**
 * Hash of the NUL-terminated name at byte `at` of `u32`'s buffer. Words past the NUL are
 * never used, so reading up to 15 bytes ahead is harmless (undefined reads as 0).
 */
function hashNameAt(u32: Uint32Array, at: number): number {
  const w = at >>> 2, sh = (at & 3) * 8;
  let a = u32[w], b = u32[w + 1], c = u32[w + 2];
  if (sh !== 0) {
    const d = u32[w + 3];
    a = (a >>> sh) | (b << (32 - sh));
    b = (b >>> sh) | (c << (32 - sh));
    c = (c >>> sh) | (d << (32 - sh));
  }
  let z = zeroBytes(a);
  if (z !== 0) return mixWords(beforeNul(a, z), 0, 0);
  z = zeroBytes(b);
  if (z !== 0) return mixWords(a, beforeNul(b, z), 0);
  z = zeroBytes(c);
  return mixWords(a, b, z !== 0 ? beforeNul(c, z) : c);
}

/** Hash of a query name given as UTF-8 bytes (same value as {@link hashNameAt}). */
function hashBytes(bytes: Uint8Array): number {
  const padded = new Uint8Array(16);
  padded.set(bytes.subarray(0, 12));
  return hashNameAt(new Uint32Array(padded.buffer), 0);
}

/** Per-kind record sizes: fixed extra words and extra words per vlen element (-1 = unknown). */
function recordShapes(bytes: Uint8Array, layoutStart: number, layoutLen: number) {
  const fixed = new Int32Array(128).fill(-1), perElem = new Int32Array(128);
  // Kind 0 (void) is never a record: like any unknown kind, it is an error.
  for (let k = 1; k <= MAX_KNOWN_KIND; k++) {
    fixed[k] = extraWords(k, 0);
    perElem[k] = extraWords(k, 1) - fixed[k];
  }
  if (layoutStart >= 0) {
    const kinds = Math.min(128, Math.floor(layoutLen / 4));
    for (let k = MAX_KNOWN_KIND + 1; k < kinds; k++) {
      const info = bytes[layoutStart + 4 * k], elem = bytes[layoutStart + 4 * k + 1];
      if (info % 4 !== 0 || elem % 4 !== 0) {
        throw new BtfError(`btf: kind layout of kind ${k} is not a whole number of words`);
      }
      fixed[k] = info / 4;
      perElem[k] = elem / 4;
    }
  }
  return { fixed, perElem };
}

/** Rule bits of the decoder's fast path (R_* in btf/wasm/decode.c). */
const R = {
  SLOW: 1,
  KF0: 2,
  NAME_REQ: 4,
  NAME_FORB: 8,
  REF2: 16,
  ELEMS: 64,
  ELEM_REF: 128,
  STRUCT: 256,
  UNION: 512,
  VLEN0: 1024,
  VLEN2: 2048,
};

/** A size rule: the allowed sizes as mask bits 12..28 (sizes 0..16). */
function sizes(...allowed: number[]): number {
  return allowed.reduce((m, s) => m | (1 << (12 + s)), 32) >>> 0;
}

/**
 * The kernel verifier's rules per kind 0..31, as the decoder's fast path reads them (the
 * rare kinds, with rules of their own, always take the exact path: R.SLOW).
 */
const KIND_RULES: Uint32Array = (() => {
  const rules = new Uint32Array(32);
  const modifier = R.VLEN0 | R.KF0 | R.NAME_FORB | R.REF2;
  const set: [number, number][] = [
    [Kind.INT, R.SLOW],
    [Kind.PTR, modifier],
    [Kind.ARRAY, R.SLOW],
    [Kind.STRUCT, R.ELEMS | R.ELEM_REF | R.STRUCT],
    [Kind.UNION, R.ELEMS | R.ELEM_REF | R.UNION],
    [Kind.ENUM, R.ELEMS | sizes(1, 2, 4, 8)],
    [Kind.FWD, R.VLEN0 | R.NAME_REQ | sizes(0)],
    [Kind.TYPEDEF, R.VLEN0 | R.KF0 | R.NAME_REQ | R.REF2],
    [Kind.VOLATILE, modifier],
    [Kind.CONST, modifier],
    [Kind.RESTRICT, modifier],
    [Kind.FUNC, R.VLEN2 | R.KF0 | R.NAME_REQ | R.REF2],
    [Kind.FUNC_PROTO, R.KF0 | R.NAME_FORB | R.REF2 | R.ELEMS | R.ELEM_REF],
    [Kind.VAR, R.SLOW],
    [Kind.DATASEC, R.SLOW],
    [Kind.FLOAT, R.VLEN0 | R.KF0 | sizes(2, 4, 8, 12, 16)],
    [Kind.DECL_TAG, R.SLOW],
    [Kind.TYPE_TAG, R.VLEN0 | R.NAME_REQ | R.REF2],
    [Kind.ENUM64, R.ELEMS | sizes(1, 2, 4, 8)],
  ];
  for (const [kind, rule] of set) rules[kind] = rule;
  return rules;
})();

/** The exports of btf/wasm/decode.c. */
interface Decoder {
  parse(
    typeWord: number,
    endWord: number,
    offsetsWord: number,
    nameLimit: number,
    shapesWord: number,
    errWord: number,
    listsWord: number,
    cap: number,
  ): number;
  sorted_from(offsetsWord: number, count: number, strByte: number, strBase: number): number;
  build_index(
    listWord: number,
    len: number,
    offsetsWord: number,
    strByte: number,
    strBase: number,
    bucketsWord: number,
    mask: number,
    entriesWord: number,
    hashesWord: number,
    firstId: number,
  ): void;
  find_named(
    listWord: number,
    len: number,
    offsetsWord: number,
    strByte: number,
    queryByte: number,
    outWord: number,
    max: number,
  ): number;
  build_enum_index(
    listWord: number,
    len: number,
    offsetsWord: number,
    strByte: number,
    nameLimit: number,
    bucketsWord: number,
    mask: number,
    entriesWord: number,
    scratchWord: number,
    firstId: number,
  ): void;
}

let decodeModule: WebAssembly.Module | undefined;

/**
 * The indexes of a table its builder has laid out but not built: each is built by the
 * builder's thread on the first lookup that needs it (the name index after
 * {@link SCANS_BEFORE_INDEX} scans), or before the table is shared (`BtfTypes.buffer`), so a
 * table attached in another thread never builds one.
 */
interface IndexBuilds {
  /** PENDING_* bits of the indexes still to build. */
  pending: number;
  /** Builds the name index of the types (every named kind but FUNC) or of the FUNCs. */
  names(which: "types" | "functions"): void;
  /** Builds the enumerator index. */
  enums(): void;
  /**
   * The ids of the types named `query` (every named kind but FUNC), by a scan; null when the
   * scan cannot answer.
   */
  find(query: Uint8Array): number[] | null;
}

/** What {@link BtfTypes.byName} looks up. */
export interface NameLookup {
  /** Include FUNCs (default true). */
  readonly functions?: boolean;
}

/** Where a name index over at most `named` names goes, from word `at`. */
/** The decoder bound to one table's memory (the module is compiled once per process). */
function decoder(memory: WebAssembly.Memory): Decoder {
  if (!decodeModule) decodeModule = new WebAssembly.Module(fromBase64(DECODE_WASM_BASE64));
  return new WebAssembly.Instance(decodeModule, { env: { memory } }).exports as unknown as Decoder;
}

/** Size rules of the kinds with fixed sizes, as the error states them. */
const SIZE_RULES: Record<number, string> = {
  [Kind.INT]: "is 1, 2, 4, 8 or 16 bytes",
  [Kind.ENUM]: "is 1, 2, 4 or 8 bytes",
  [Kind.ENUM64]: "is 1, 2, 4 or 8 bytes",
  [Kind.FLOAT]: "is 2, 4, 8, 12 or 16 bytes",
  [Kind.ARRAY]: "takes 0",
  [Kind.FWD]: "takes 0 (no referenced type)",
};

function hex(v: number): string {
  return `0x${(v >>> 0).toString(16).padStart(8, "0")}`;
}

/**
 * The BtfError for a negative result of the decoder's parse: `rec` are the words of the
 * failing record (from its header), `elem` the element index or detail the decoder gave.
 */
function parseError(code: number, id: number, elem: number, rec: Uint32Array): BtfError {
  const [name, info, size] = rec, kind = (info >>> 24) & 0x7f, vlen = info & 0xffff;
  const t = `btf: type id ${id} (${kindName(kind)})`;
  switch (code) {
    case -1:
      return new BtfError(`btf: type id ${id} runs past the end of the type section`);
    case -2:
      return new BtfError(`btf: type id ${id} has unknown kind ${elem}`);
    case -3:
      return new BtfError(`btf: type id ${id} has name offset ${elem} past the strings`);
    case -5:
      return new BtfError(`${t} has reserved info bits set (${hex(info)})`);
    case -6:
      return new BtfError(`${t} has vlen ${vlen}; ${kindName(kind)} takes none`);
    case -7:
      return new BtfError(`${t} has kind_flag set; ${kindName(kind)} takes none`);
    case -8:
      return new BtfError(`${t} has size ${size}; ${kindName(kind)} ${SIZE_RULES[kind]}`);
    case -9:
      return new BtfError(`${t} must be named`);
    case -10:
      return new BtfError(`${t} must be anonymous (name offset ${name})`);
    case -11:
      return new BtfError(
        `${t} element ${elem} has name offset ${rec[3 + elemWords(kind) * elem]} past the strings`,
      );
    case -12: {
      const bits = memberBits(rec[3 + 3 * elem + 2], (info >>> 31) === 1);
      return new BtfError(
        kind === Kind.UNION
          ? `${t} member ${elem} at bit offset ${bits}: union members start at 0`
          : `${t} member ${elem} at bit offset ${bits} lies past its ${size}-byte size`,
      );
    }
    case -13: {
      const d = rec[3], bits = d & 0xff, off = (d >>> 16) & 0xff;
      const why = (d & 0xf000ff00) !== 0
        ? "reserved bits set"
        : bits > 128
        ? "more than 128 bits"
        : off + bits > size * 8
        ? `offset ${off} + ${bits} bits exceed its ${size}-byte size`
        : `encoding ${(d >>> 24) & 0xf}`;
      return new BtfError(`${t} has invalid int data ${hex(d)} (${why})`);
    }
    case -14:
      return new BtfError(
        `${t} has linkage ${kind === Kind.FUNC ? vlen : rec[3]} (0, 1 or 2)`,
      );
    case -15:
      return new BtfError(
        `${t} variable ${elem} (offset ${rec[3 + 3 * elem + 1]}, size ${
          rec[3 + 3 * elem + 2]
        }) runs past its ${size}-byte size`,
      );
    case -16:
      return new BtfError(`${t} has component index ${rec[3] | 0}`);
    default:
      return new BtfError(`${t} runs past the end of the type section`);
  }
}

/** Throws the limit's BtfError when a table of `pages` cannot exist. */
function checkMemoryLimit(total: number, pages: number): void {
  if (pages > MAX_WASM_PAGES) {
    throw new BtfError(
      `btf: a ${total}-byte BTF needs ${Math.ceil(pages / 16)} MiB of WebAssembly memory, ` +
        `over the ${MAX_WASM_PAGES / 16} MiB (4 GiB) limit`,
    );
  }
}

/** Whether two decodings of a header agree (the file did not change while it was read). */
function sameHeader(a: BtfHeader, b: BtfHeader): boolean {
  return a.hdrLen === b.hdrLen && a.typeStart === b.typeStart && a.typeLen === b.typeLen &&
    a.strStart === b.strStart && a.strLen === b.strLen && a.layoutStart === b.layoutStart &&
    a.layoutLen === b.layoutLen;
}

/**
 * Runs an allocation of the table of a `total`-byte BTF; a failure (the system is out of
 * memory) becomes a BtfError.
 */
function allocate<T>(total: number, fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    if (!(err instanceof RangeError)) throw err;
    throw new BtfError(`btf: cannot allocate the table of a ${total}-byte BTF: ${err.message}`);
  }
}

/** Where a name lives: the table whose string section holds it and the absolute byte. */
interface NameRef {
  table: BtfTypes;
  at: number;
}

/**
 * The type table of a BTF blob (or of a split blob over its base). Ids of a split table
 * continue after its base's last id; every accessor takes a global id and answers for
 * whichever table holds it.
 */
export class BtfTypes {
  readonly #buffer: SharedArrayBuffer;
  /** The base table of a split BTF, or undefined for a base BTF. */
  readonly base: BtfTypes | undefined;
  /** First type id held by this table (1 for a base BTF). */
  readonly firstId: number;
  /** Number of types held by this table (type 0, void, is not counted). */
  readonly count: number;
  /** Size of the raw BTF blob in bytes. */
  readonly btfBytes: number;
  /**
   * The blob was big-endian (an s390x or big-endian powerpc kernel's): it was swapped to
   * little-endian when the table was built, so {@link rawBytes} are little-endian.
   */
  readonly bigEndian: boolean;
  readonly #u8: Uint8Array;
  readonly #u32: Uint32Array;
  readonly #offsets: number;
  readonly #strByte: number;
  readonly #strLen: number;
  readonly #strBase: number;
  readonly #generation: number;
  /** Indexes this thread built the layout of and will build on demand (see IndexBuilds). */
  #index: IndexBuilds | undefined;
  #scans = 0;

  private constructor(buffer: SharedArrayBuffer, base: BtfTypes | undefined) {
    const meta = new Uint32Array(buffer, 0, META_WORDS);
    if (meta[M_MAGIC] !== TABLE_MAGIC) throw new BtfError("btf: buffer is not a type table");
    this.#buffer = buffer;
    this.base = base;
    this.#u8 = new Uint8Array(buffer);
    this.#u32 = new Uint32Array(buffer);
    this.firstId = meta[M_FIRST_ID];
    this.count = meta[M_COUNT];
    this.btfBytes = meta[M_BTF_LEN];
    this.bigEndian = meta[M_BIG_ENDIAN] === 1;
    this.#offsets = meta[M_OFFSETS_WORD];
    this.#strByte = meta[M_STR_BYTE];
    this.#strLen = meta[M_STR_LEN];
    this.#strBase = meta[M_STR_BASE];
    this.#generation = this.#u32[GENERATION_WORD];
    if (base && this.firstId !== base.lastId + 1) {
      throw new BtfError("btf: split table does not continue its base");
    }
  }

  /**
   * Parses a raw BTF blob into a new shared table. With `base`, the blob is split BTF: its
   * ids continue after the base's, and a string offset at or past the base's string length
   * points into the blob's own strings.
   */
  static build(btf: Uint8Array, base?: BtfTypes, space?: TableSpace): BtfTypes {
    return BtfTypes.buildFrom(btf.length, btf, (dest) => dest.set(btf), base, space);
  }

  /**
   * Parses a `total`-byte blob that `fill` writes straight into the table's memory (so a
   * file is read once, with no intermediate copy). `head` holds at least the blob's first
   * 32 bytes (fewer only when the blob is shorter). `space` says where the memory comes
   * from (default: a new memory; see btf/arena.ts for recycling).
   */
  static buildFrom(
    total: number,
    head: Uint8Array,
    fill: (dest: Uint8Array) => void,
    base?: BtfTypes,
    space: TableSpace = FRESH_SPACE,
  ): BtfTypes {
    const hdr = parseHeader(head, total);
    const { shapesWord, errWord, metaEnd, maxTypes, pages, maxPages } = planFromHeader(
      total,
      hdr.typeLen,
      space.slack(total),
    );
    // Decided from the header, before anything is allocated or read.
    checkMemoryLimit(total, maxPages);
    const memory = allocate(total, () => space.acquire(pages, maxPages));
    const start = space.place(memory, metaEnd, "blob", total);
    const btfByte = start + ((4 - ((start + hdr.typeStart) % 4)) % 4);
    const offsetsWord = alignUp(space.place(memory, btfByte + total, "index", total), 4) / 4;
    let u32 = new Uint32Array(memory.buffer);
    const blob = new Uint8Array(memory.buffer, btfByte, total);
    fill(blob);
    // The whole header again, from the bytes actually read: a longer header's tail is
    // checked, and a file that changed between the two reads is caught here.
    const read = parseHeader(blob);
    if (!sameHeader(read, hdr) || read.bigEndian !== hdr.bigEndian) {
      throw new BtfError("btf: the header changed while the file was read");
    }
    checkStrings(blob, hdr, base !== undefined);
    const firstId = base ? base.lastId + 1 : 1;
    const strBase = base ? base.#strBase + base.#strLen : 0;
    if (base && base.bigEndian !== hdr.bigEndian) {
      throw new BtfError(
        `btf: split BTF is ${hdr.bigEndian ? "big" : "little"}-endian, its base is not`,
      );
    }
    // A big-endian blob is swapped once, here; everything after reads little-endian.
    if (hdr.bigEndian) swapByteOrder(blob, hdr);
    const strByte = btfByte + hdr.strStart;
    const { fixed, perElem } = recordShapes(blob, hdr.layoutStart, hdr.layoutLen);
    new Int32Array(memory.buffer, shapesWord * 4, 256).set([...fixed, ...perElem]);
    new Uint32Array(memory.buffer, (shapesWord + 256) * 4, 32).set(KIND_RULES);
    const wasm = decoder(memory);
    const typeWord = (btfByte + hdr.typeStart) / 4;
    const listsWord = listsWordAfter(offsetsWord, maxTypes);
    const count = wasm.parse(
      typeWord,
      typeWord + hdr.typeLen / 4,
      offsetsWord,
      strBase + hdr.strLen,
      shapesWord,
      errWord,
      listsWord,
      maxTypes,
    );
    if (count < 0) {
      const at = u32[offsetsWord + u32[errWord]];
      const rec = count === -1 || count === -2 || count === -3
        ? new Uint32Array(3)
        : u32.subarray(at, Math.min(at + 3 + 3 * (u32[errWord + 1] + 1), u32.length));
      throw parseError(count, firstId + u32[errWord], u32[errWord + 1], rec);
    }
    const lastId = firstId + count - 1, maxRef = u32[errWord + 2];
    if (maxRef > lastId) {
      const id = firstId + u32[errWord + 3];
      const kind = (u32[u32[offsetsWord + u32[errWord + 3]] + 1] >>> 24) & 0x7f;
      throw new BtfError(
        `btf: type id ${id} (${kindName(kind)}) refers to type id ${maxRef}, ` +
          `past the last type id ${lastId}`,
      );
    }
    const firstNamed = wasm.sorted_from(offsetsWord, count, strByte, strBase);
    const plan = planIndexes({
      offsetsWord,
      maxTypes,
      count,
      named: u32[errWord + 5],
      funcs: u32[errWord + 6],
      enumerators: u32[errWord + 4],
      sorted: firstNamed >= 0,
    });
    const { hashesWord, typeNames, funcNames, enumMask, enumEntriesWord, scratchWord } = plan;
    const indexEnd = plan.enumBucketsWord;
    // The parse's lists: the named types but FUNCs, the FUNCs, the enums (word, length).
    const namedList = [plan.namedListWord, u32[errWord + 5]];
    const funcList = [plan.funcListWord, u32[errWord + 6]];
    const enumList = [plan.enumListWord, u32[errWord + 7]];
    // Committed now, touched only when built: a later build never grows the memory (and so
    // never outgrows the views of this table).
    allocate(total, () => growTo(memory, pagesFor(base ? indexEnd : plan.end)));
    u32 = new Uint32Array(memory.buffer);
    const index: IndexBuilds = {
      pending: 0,
      names(which) {
        const [listWord, len] = which === "types" ? namedList : funcList;
        const { bucketsWord, mask, entriesWord } = which === "types" ? typeNames : funcNames;
        wasm.build_index(
          listWord,
          len,
          offsetsWord,
          strByte,
          strBase,
          bucketsWord,
          mask,
          entriesWord,
          hashesWord,
          firstId,
        );
      },
      enums() {
        wasm.build_enum_index(
          enumList[0],
          enumList[1],
          offsetsWord,
          strByte,
          hdr.strLen,
          indexEnd,
          enumMask,
          enumEntriesWord,
          scratchWord,
          firstId,
        );
      },
      find(query) {
        // A name never holds a NUL (the decoder reads the query up to its first one).
        if (query.includes(0)) return [];
        // The query and the answer go between the record offsets and the lists: memory the
        // offsets' writes have already faulted in (the hashes' would be a fresh page).
        const queryWords = (query.length >> 2) + 1, queryWord = offsetsWord + count;
        const room = Math.min(listsWord - queryWord - queryWords, 64);
        if (room < 1) return null;
        new Uint8Array(memory.buffer, queryWord * 4, queryWords * 4).fill(0).set(query);
        const outWord = queryWord + queryWords;
        const n = wasm.find_named(
          namedList[0],
          namedList[1],
          offsetsWord,
          strByte,
          queryWord * 4,
          outWord,
          room,
        );
        if (n > room) return null;
        return Array.from(new Uint32Array(memory.buffer, outWord * 4, n), (i) => firstId + i);
      },
    };
    if (base) {
      // Names of a split BTF that live in the base's strings are hashed here, over the
      // base's memory, which the decoder cannot see; so its indexes are built now. A split
      // table has no enumerator index (see enumeratorsNamed).
      if (firstNamed < 0) {
        for (let i = 0; i < count; i++) {
          const off = u32[u32[offsetsWord + i]];
          if (off === 0 || off >= strBase) continue;
          const ref = base.#nameRef(off);
          u32[hashesWord + i] = hashNameAt(ref.table.#u32, ref.at);
        }
        index.names("types");
        index.names("functions");
      }
    } else {
      index.pending = (firstNamed < 0 ? PENDING_NAMES | PENDING_FUNCS : 0) | PENDING_ENUMS;
    }
    u32.set([TABLE_MAGIC, firstId, count, btfByte, total, strByte, hdr.strLen, offsetsWord]);
    u32[M_SORTED] = firstNamed >= 0 ? 1 : 0;
    u32[M_FIRST_NAMED] = Math.max(firstNamed, 0);
    if (firstNamed < 0) {
      const words = (i: NameIndexPlan) => [i.bucketsWord, i.mask, i.entriesWord];
      [u32[M_BUCKETS_WORD], u32[M_BUCKET_MASK], u32[M_ENTRIES_WORD]] = words(typeNames);
      [u32[M_FUNC_BUCKETS_WORD], u32[M_FUNC_MASK], u32[M_FUNC_ENTRIES_WORD]] = words(funcNames);
    }
    u32[M_STR_BASE] = strBase;
    u32[M_BIG_ENDIAN] = hdr.bigEndian ? 1 : 0;
    [u32[M_ENUM_BUCKETS_WORD], u32[M_ENUM_MASK], u32[M_ENUM_ENTRIES_WORD]] = base
      ? [0, 0, 0]
      : [indexEnd, enumMask, enumEntriesWord];
    u32[M_PENDING] = index.pending;
    const types = new BtfTypes(memory.buffer as unknown as SharedArrayBuffer, base);
    types.#index = index.pending !== 0 ? index : undefined;
    return types;
  }

  /** Attaches to a table another thread built (no copy); `base` must be the same base. */
  static attach(buffer: SharedArrayBuffer, base?: BtfTypes): BtfTypes {
    return new BtfTypes(buffer, base);
  }

  /**
   * The shared buffer holding meta, raw bytes and indexes; send it to a worker to attach.
   * Reading it first builds any index not built yet, so an attached table never has to.
   */
  get buffer(): SharedArrayBuffer {
    this.buildIndexes();
    this.#buildPending(PENDING_FUNCS);
    return this.#buffer;
  }

  /**
   * Builds the indexes a caller about to make many lookups of types and enumerators wants
   * (see {@link pendingIndexes}), so that none is answered by a scan; the index of function
   * names is left to the first lookup of a function.
   */
  buildIndexes(): void {
    this.#buildPending(PENDING_NAMES);
    this.#buildPending(PENDING_ENUMS);
  }

  /**
   * The indexes not built yet. The name index of types (`names`: every named kind but FUNC;
   * none for names sorted in the BTF) is built on the first lookup after a few answered by
   * scanning, that of the FUNCs (`functions`) on the first lookup that includes functions,
   * the enumerator index on the first enumerator lookup; all of them when {@link buffer} is
   * read. A split table builds its name indexes at once and has no enumerator index.
   */
  get pendingIndexes(): ("names" | "functions" | "enumerators")[] {
    const pending = this.#index?.pending ?? 0;
    return [
      ...(pending & PENDING_NAMES ? ["names" as const] : []),
      ...(pending & PENDING_FUNCS ? ["functions" as const] : []),
      ...(pending & PENDING_ENUMS ? ["enumerators" as const] : []),
    ];
  }

  /** Whether this table lives in `buffer` (a memory's buffer; no index is built). */
  occupies(buffer: ArrayBufferLike): boolean {
    return buffer === this.#buffer;
  }

  /** Builds one index (a PENDING_* bit) if it is still pending. */
  #buildPending(which: number): void {
    const index = this.#index;
    if (!index || !(index.pending & which)) return;
    this.#live();
    if (which === PENDING_ENUMS) index.enums();
    else index.names(which === PENDING_NAMES ? "types" : "functions");
    index.pending &= ~which;
    this.#u32[M_PENDING] = index.pending;
    if (index.pending === 0) this.#index = undefined;
  }

  /**
   * The types named `query` (but FUNCs) from a scan while the index of type names is
   * pending, else null.
   */
  #scanNamed(query: Uint8Array): number[] | null {
    if (!this.#index || !(this.#index.pending & PENDING_NAMES)) return null;
    this.#live();
    const found = ++this.#scans <= SCANS_BEFORE_INDEX ? this.#index.find(query) : null;
    if (found === null) this.#buildPending(PENDING_NAMES);
    return found;
  }

  /** The ids a name index (its meta words) holds for `query`, in id order. */
  #probe(query: Uint8Array, bucketsMeta: number, maskMeta: number, entriesMeta: number): number[] {
    const u32 = this.#u32, h = hashBytes(query), bucket = h & u32[maskMeta];
    const bucketsWord = u32[bucketsMeta], entriesWord = u32[entriesMeta], ids: number[] = [];
    for (let e = u32[bucketsWord + bucket]; e < u32[bucketsWord + bucket + 1]; e++) {
      const slot = entriesWord + 2 * e;
      if (u32[slot] !== h) continue;
      const id = u32[slot + 1];
      if (this.nameEquals(this.nameOff(id), query)) ids.push(id);
    }
    return ids;
  }

  /** Whether the named types were found sorted by name (binary search instead of hashing). */
  get sortedByName(): boolean {
    return this.#u32[M_SORTED] === 1;
  }

  /** Last type id of this table (for a base BTF, the number of types). */
  get lastId(): number {
    return this.firstId + this.count - 1;
  }

  /** The raw BTF blob this table was built from (a view into the shared buffer). */
  rawBytes(): Uint8Array {
    this.#live();
    const meta = this.#u32;
    return this.#u8.subarray(meta[M_BTF_BYTE], meta[M_BTF_BYTE] + meta[M_BTF_LEN]);
  }

  /** Throws when this table's memory was released for another table (btf/arena.ts). */
  #live(): void {
    if (this.#u32[GENERATION_WORD] !== this.#generation) {
      throw new BtfError("btf: this table was released; its memory now holds another table");
    }
  }

  /** Resolves a string offset to the table and absolute byte holding it. */
  #nameRef(off: number): NameRef {
    this.#live();
    if (off < this.#strBase) {
      if (!this.base) throw new BtfError(`btf: name offset ${off} out of range`);
      return this.base.#nameRef(off);
    }
    const local = off - this.#strBase;
    if (local >= this.#strLen) throw new BtfError(`btf: name offset ${off} out of range`);
    return { table: this, at: this.#strByte + local };
  }

  /** Compares the name at string offset `off` with `query` bytes (strcmp order). */
  #compareToQuery(off: number, query: Uint8Array): number {
    let bytes = this.#u8, at = this.#strByte + off - this.#strBase;
    if (off < this.#strBase || off - this.#strBase >= this.#strLen) {
      const ref = this.#nameRef(off);
      bytes = ref.table.#u8;
      at = ref.at;
    }
    for (let i = 0; i < query.length; i++) {
      const c = bytes[at + i];
      // The name ended first; a query byte 0 never matches (names cannot contain NUL).
      if (c === 0) return -1;
      if (c !== query[i]) return c - query[i];
    }
    return bytes[at + query.length] === 0 ? 0 : 1;
  }

  /** True when the string at offset `off` equals `query` (UTF-8 bytes). */
  nameEquals(off: number, query: Uint8Array): boolean {
    return this.#compareToQuery(off, query) === 0;
  }

  /** Decodes the string at offset `off` of the (combined) string table. */
  stringAt(off: number): string {
    const ref = this.#nameRef(off), bytes = ref.table.#u8;
    let end = ref.at, high = 0;
    while (bytes[end] !== 0) high |= bytes[end++];
    // Names are short and ASCII: spelled out here they cost no copy out of the shared
    // memory and no call into the runtime's decoder.
    if (high < 0x80 && end - ref.at <= 256) {
      return String.fromCharCode.apply(null, bytes.subarray(ref.at, end) as unknown as number[]);
    }
    return textDecoder.decode(bytes.slice(ref.at, end));
  }

  /**
   * The table holding type `id` (this one or a base); throws for an unknown id. With
   * {@link #recordWord} it locates a record without allocating (these run for every field
   * a query reads, mostly before the JIT has compiled them).
   */
  #holder(id: number): BtfTypes {
    this.#live();
    const i = id - this.firstId;
    if ((i >>> 0) === i && i < this.count) return this;
    if (id < this.firstId && this.base) return this.base.#holder(id);
    throw new BtfError(`btf: type id ${id} out of range (last is ${this.lastId})`);
  }

  /** The word index of the record of type `id`, which this table holds. */
  #recordWord(id: number): number {
    return this.#u32[this.#offsets + id - this.firstId];
  }

  /** Word `k` of the record of type `id` (0 name, 1 info, 2 size/type, 3... extra data). */
  word(id: number, k: number): number {
    if (id === 0) return 0;
    const t = this.#holder(id);
    return t.#u32[t.#recordWord(id) + k];
  }

  /** Kind number of type `id` (0 for void). */
  kind(id: number): number {
    return (this.word(id, 1) >>> 24) & 0x7f;
  }

  /** The kind_flag bit of type `id`. */
  kindFlag(id: number): boolean {
    return (this.word(id, 1) >>> 31) === 1;
  }

  /** Number of elements (members, enumerators, parameters, variables) of type `id`. */
  vlen(id: number): number {
    return this.word(id, 1) & 0xffffff;
  }

  /** String offset of the name of type `id` (0 when anonymous). */
  nameOff(id: number): number {
    return this.word(id, 0);
  }

  /** Name of type `id` ("" when anonymous). */
  name(id: number): string {
    return this.stringAt(this.nameOff(id));
  }

  /** The size word of type `id` (bytes for INT, STRUCT, UNION, ENUM, DATASEC, FLOAT, ENUM64). */
  size(id: number): number {
    return this.word(id, 2);
  }

  /** The referenced type id of a PTR, TYPEDEF, qualifier, FUNC, VAR, DECL_TAG or TYPE_TAG. */
  refType(id: number): number {
    return this.word(id, 2);
  }

  /** Word `k` (0..2) of element `i` of a STRUCT, UNION or DATASEC (3 words per element). */
  elemWord(id: number, i: number, k: number): number {
    if (i < 0 || i >= this.vlen(id)) throw new BtfError(`btf: type id ${id} has no element ${i}`);
    return this.word(id, 3 + 3 * i + k);
  }

  /**
   * The elements of a STRUCT, UNION or DATASEC as raw words: element `i` is
   * `words[at + 3 * i + 0..2]` (name offset, type, offset word). For hot loops.
   */
  elements(id: number): { words: Uint32Array; at: number; count: number; kindFlag: boolean } {
    const t = this.#holder(id), r = t.#recordWord(id);
    const info = t.#u32[r + 1];
    return { words: t.#u32, at: r + 3, count: info & 0xffffff, kindFlag: (info >>> 31) === 1 };
  }

  /** Bit offset of member `i` of struct/union `id`, honouring the kind_flag bitfield encoding. */
  memberBitOffset(id: number, i: number): number {
    return memberBits(this.elemWord(id, i, 2), this.kindFlag(id));
  }

  /**
   * Every type id with exactly this name, in type-id order (the base's first for split BTF);
   * with `{ functions: false }` every one but the FUNCs, which a vmlinux has four times as
   * many of as named types and whose index is then never built.
   */
  byName(name: string, options: NameLookup = {}): number[] {
    this.#live();
    const functions = options.functions ?? true;
    const query = encoder.encode(name);
    const found = this.base ? this.base.byName(name, options) : [];
    if (query.length === 0) return found;
    if (this.sortedByName) {
      const ids = this.#searchSorted(query);
      return found.concat(functions ? ids : ids.filter((id) => this.kind(id) !== Kind.FUNC));
    }
    const types = this.#scanNamed(query) ??
      this.#probe(query, M_BUCKETS_WORD, M_BUCKET_MASK, M_ENTRIES_WORD);
    if (!functions) return found.concat(types);
    this.#buildPending(PENDING_FUNCS);
    const funcs = this.#probe(query, M_FUNC_BUCKETS_WORD, M_FUNC_MASK, M_FUNC_ENTRIES_WORD);
    return found.concat(types, funcs).sort((a, b) => a - b);
  }

  #searchSorted(query: Uint8Array): number[] {
    let lo = this.#u32[M_FIRST_NAMED], hi = this.count;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.#compareToQuery(this.nameOff(this.firstId + mid), query) < 0) lo = mid + 1;
      else hi = mid;
    }
    const ids: number[] = [];
    for (let i = lo; i < this.count; i++) {
      const id = this.firstId + i;
      if (this.#compareToQuery(this.nameOff(id), query) !== 0) break;
      ids.push(id);
    }
    return ids;
  }

  /**
   * Every enumerator named `name` as `[type id, element index]`, in type-id then element
   * order, the base's first (from the enumerator index; a split table, which has none, searches
   * its own enums directly).
   */
  enumeratorsNamed(name: string): [number, number][] {
    const query = encoder.encode(name);
    const found = this.base ? this.base.enumeratorsNamed(name) : [];
    if (query.length === 0) return found;
    const u32 = this.#u32;
    if (this.base) {
      // Split tables are small: search their enums directly (names may be in either table).
      for (let id = this.firstId; id <= this.lastId; id++) {
        const kind = this.kind(id);
        if (kind !== Kind.ENUM && kind !== Kind.ENUM64) continue;
        const { words, at, count } = this.elements(id);
        const step = elemWords(kind);
        for (let e = 0; e < count; e++) {
          const off = words[at + step * e];
          if (off !== 0 && this.nameEquals(off, query)) found.push([id, e]);
        }
      }
      return found;
    }
    this.#buildPending(PENDING_ENUMS);
    const h = hashBytes(query), bucketsWord = u32[M_ENUM_BUCKETS_WORD];
    const bucket = h & u32[M_ENUM_MASK], entriesWord = u32[M_ENUM_ENTRIES_WORD];
    for (let e = u32[bucketsWord + bucket]; e < u32[bucketsWord + bucket + 1]; e++) {
      const slot = entriesWord + 3 * e;
      if (u32[slot] !== h) continue;
      const id = u32[slot + 1], elem = u32[slot + 2];
      const { words, at } = this.elements(id);
      const step = elemWords(this.kind(id));
      if (this.nameEquals(words[at + step * elem], query)) found.push([id, elem]);
    }
    return found;
  }

  /** Number of types of each kind held by this table, keyed by kind name (`STRUCT`, ...). */
  kindCounts(): Record<string, number> {
    const counts: Record<string, number> = {};
    for (let id = this.firstId; id <= this.lastId; id++) {
      const k = kindName(this.kind(id));
      counts[k] = (counts[k] ?? 0) + 1;
    }
    return counts;
  }
}

/**
 * A member's bit offset from its offset word: with the struct's kind_flag set the low 24
 * bits (the high 8 are the bitfield size), otherwise the whole word.
 */
export function memberBits(offsetWord: number, kindFlag: boolean): number {
  return kindFlag ? offsetWord & 0xffffff : offsetWord;
}

/** True when `kind` is STRUCT or UNION (one representation: members plus size). */
export function isComposite(kind: number): boolean {
  return kind === Kind.STRUCT || kind === Kind.UNION;
}
