/**
 * kallsyms decoded from guest memory, as the kernel keeps it (scripts/kallsyms.c): names
 * token-compressed in `kallsyms_names` (a length, one byte or, for 128 tokens and more, two;
 * then token indexes into `kallsyms_token_table` through `kallsyms_token_index`; the first
 * decoded character is the symbol's type), addresses as 32-bit `kallsyms_offsets` read one
 * of three ways by kernel version (base-relative, absolute-per-CPU, place-relative). Which
 * one is told by decoding `_stext` and comparing it with VMCOREINFO's. Located through
 * VMCOREINFO's `SYMBOL(kallsyms_*)` (Linux 6.0 and later). No name is decoded up front: a
 * lookup is a binary search through `kallsyms_seqs_of_names` (names in sorted order, 6.2 on:
 * ~20 names expanded), or, without it, a probe of a hash every name was put in without being
 * expanded. Pure: reads through a function.
 * @module
 */
import { GuestError, hex } from "./errors.ts";
import type { VmcoreInfo } from "./vmcoreinfo.ts";

/** Reads `length` bytes of guest virtual memory at `va` (throws GuestError when unmapped). */
export type VirtualRead = (va: bigint, length: number) => Uint8Array;

/** A symbol table: name → address (the first symbol of a name), and each symbol's type. */
export interface SymbolTable {
  /** The address of `name`, or undefined. */
  address(name: string): bigint | undefined;
  /** The kallsyms type letter of `name` (`T`, `d`, `D`, …), or undefined. */
  type(name: string): string | undefined;
  /** How many symbols it holds. */
  readonly size: number;
  /** Where it came from (`kallsyms in guest memory`, a file's path). */
  readonly origin: string;
}

/** A table from parallel arrays (the first of a repeated name wins, as kallsyms lookups do). */
export function symbolTable(
  names: readonly string[],
  addresses: readonly bigint[],
  types: readonly string[],
  origin: string,
): SymbolTable {
  const index = new Map<string, number>();
  names.forEach((n, i) => {
    if (!index.has(n)) index.set(n, i);
  });
  return {
    address: (name) => {
      const i = index.get(name);
      return i === undefined ? undefined : addresses[i];
    },
    type: (name) => {
      const i = index.get(name);
      return i === undefined ? undefined : types[i];
    },
    size: names.length,
    origin,
  };
}

/** At most this many symbols (a vmlinux has ~200,000). */
const MAX_SYMS = 4_000_000;
const U64 = (1n << 64n) - 1n;

/** Up to `length` bytes at `va`: fewer when the memory after `va` ends sooner (a page at least). */
function readUpTo(read: VirtualRead, va: bigint, length: number): Uint8Array {
  for (let n = length; n >= 4096; n >>= 1) {
    try {
      return read(va, n);
    } catch (err) {
      if (!(err instanceof GuestError)) throw err;
    }
  }
  return read(va, 4096 - Number(va & 0xfffn));
}

/** `a` then `b`, in one new array. */
function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

/** The names stream, walked: where each symbol's tokens are. Nothing is decoded yet. */
interface Names {
  /** The stream from its start, as read. */
  stream: Uint8Array;
  /** `starts[i]`: where symbol i's tokens start in the stream (after its length). */
  starts: Uint32Array;
  /** `lengths[i]`: how many tokens symbol i has. */
  lengths: Uint16Array;
  /** The stream's length: where the table after it starts. */
  end: number;
}

/** Walks the names of `count` symbols in the stream at `namesAt` (a length, then tokens). */
function walkNames(read: VirtualRead, namesAt: bigint, count: number): Names {
  const starts = new Uint32Array(count), lengths = new Uint16Array(count);
  // The stream is read in pieces, kept whole, so that a whole name (at most 2 + 65535 bytes)
  // is always in it.
  const PIECE = 4 << 20;
  let stream = readUpTo(read, namesAt, PIECE), p = 0;
  let more = stream.length === PIECE;
  for (let i = 0; i < count; i++) {
    if (more && p + 0x10002 > stream.length) {
      const next = readUpTo(read, namesAt + BigInt(stream.length), PIECE);
      more = next.length === PIECE;
      stream = concat(stream, next);
    }
    let len = stream[p++];
    if (len & 0x80) len = (len & 0x7f) | (stream[p++] << 7);
    if (len === 0) throw new GuestError(`kallsyms: symbol ${i} has an empty name`);
    if (p + len > stream.length) {
      throw new GuestError(`kallsyms: symbol ${i}'s name runs past the names`);
    }
    starts[i] = p;
    lengths[i] = len;
    p += len;
  }
  return { stream, starts, lengths, end: p };
}

/**
 * The multiplier of the names' hash: a name's hash is `h = h * HASH_MUL + c` over its
 * characters (mod 2^32), so a token's part is computed once and applied in one step.
 */
const HASH_MUL = 0x01000193;

/** The 256 tokens of the token table, each with its part of a name's hash. */
interface Tokens {
  bytes: Uint8Array;
  start: Uint32Array;
  length: Uint32Array;
  /** Each token's hash, and HASH_MUL to the power of its length. */
  hash: Int32Array;
  power: Int32Array;
  /** The same without its first character (a name's first token carries the type). */
  tailHash: Int32Array;
  tailPower: Int32Array;
}

/** The 256 tokens of the token table. */
function decodeTokens(read: VirtualRead, tableVa: bigint, indexVa: bigint): Tokens {
  const index = new Uint16Array(read(indexVa, 512).slice().buffer);
  const bytes = read(tableVa, index[255] + 256).slice();
  const start = new Uint32Array(256), length = new Uint32Array(256);
  const hash = new Int32Array(256), power = new Int32Array(256);
  const tailHash = new Int32Array(256), tailPower = new Int32Array(256);
  for (let t = 0; t < 256; t++) {
    const end = bytes.indexOf(0, index[t]);
    if (end < 0) throw new GuestError(`kallsyms: token ${t} is not NUL-terminated`);
    start[t] = index[t];
    length[t] = end - index[t];
    let h = 0, pow = 1;
    for (let k = end - 1; k >= index[t]; k--) {
      if (k === index[t]) [tailHash[t], tailPower[t]] = [h, pow];
      h = (h + Math.imul(bytes[k], pow)) | 0;
      pow = Math.imul(pow, HASH_MUL);
    }
    [hash[t], power[t]] = [h, pow];
  }
  return { bytes, start, length, hash, power, tailHash, tailPower };
}

/**
 * Symbol `i`'s name (its type letter left out) against `q`, as strcmp orders them: < 0, 0
 * or > 0. With `q` empty: its type letter's code (it is always there).
 */
function compareName(names: Names, tokens: Tokens, i: number, q: Uint8Array): number {
  let j = -1; // -1: the type letter is still to come
  for (let p = names.starts[i], end = p + names.lengths[i]; p < end; p++) {
    const t = names.stream[p];
    for (let k = tokens.start[t], e = k + tokens.length[t]; k < e; k++, j++) {
      const c = tokens.bytes[k];
      if (j < 0) {
        if (q.length === 0) return c;
        continue;
      }
      if (j >= q.length) return 1;
      if (c !== q[j]) return c - q[j];
    }
  }
  return j < q.length ? -1 : 0;
}

/** Symbol `i`'s type letter. */
function typeOf(names: Names, tokens: Tokens, i: number): string {
  return String.fromCharCode(compareName(names, tokens, i, new Uint8Array(0)));
}

/** Finds the first symbol (the lowest index) called `q`: its index, or -1. */
type Lookup = (q: Uint8Array) => number;

/**
 * Lookups by binary search through `kallsyms_seqs_of_names` at `seqs` (3 bytes, big-endian,
 * per symbol: symbol indexes in name order, equal names by index), as the kernel's own
 * kallsyms_lookup_name does. An index past the symbols (not that table) finds nothing.
 */
function sortedLookup(names: Names, tokens: Tokens, seqs: Uint8Array): Lookup {
  const count = names.starts.length;
  const seq = (k: number) => (seqs[3 * k] << 16) | (seqs[3 * k + 1] << 8) | seqs[3 * k + 2];
  const order = (k: number, q: Uint8Array) => {
    const i = seq(k);
    return i < count ? compareName(names, tokens, i, q) : NaN;
  };
  return (q) => {
    let lo = 0, hi = count - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1, o = order(mid, q);
      if (o < 0) lo = mid + 1;
      else if (o > 0) hi = mid - 1;
      else if (o === 0) {
        let first = mid;
        while (first > 0 && order(first - 1, q) === 0) first--;
        return seq(first);
      } else return -1;
    }
    return -1;
  };
}

/**
 * Where `kallsyms_seqs_of_names` may be, which VMCOREINFO does not say, from how
 * scripts/kallsyms.c lays its tables out (each at a 4- or 8-byte boundary): after
 * `kallsyms_markers` (a u32 per 256 names, right after the names) and before the token table
 * (6.2 to 6.3, and the 6.1 stable kernels that took it), or after the offsets and
 * `kallsyms_relative_base` (6.4 on). None of them is it on 6.0 and 6.1 as released.
 */
function seqsPlaces(at: KallsymsAt, names: Names, count: number): Set<bigint> {
  const align = (va: bigint, a: bigint) => (va + a - 1n) & ~(a - 1n);
  const places = new Set<bigint>();
  const offsetsEnd = at.offsets + BigInt(4 * count);
  const afterOffsets = at.relativeBase !== undefined && at.relativeBase >= offsetsEnd
    ? at.relativeBase + 8n
    : offsetsEnd;
  for (const a of [4n, 8n]) {
    const markersEnd = align(at.names + BigInt(names.end), a) + BigInt(4 * Math.ceil(count / 256));
    const beforeTokens = align(markersEnd, a);
    if (align(beforeTokens + BigInt(3 * count), a) === at.tokenTable) places.add(beforeTokens);
    places.add(align(afterOffsets, a));
  }
  return places;
}

/**
 * A murmur3-mixed hash's slot bits: a polynomial hash's low bits depend on the characters'
 * low bits only, and probing on them clusters.
 */
function slotOf(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * Lookups through a hash table of every name, for kernels without `kallsyms_seqs_of_names`.
 * No name is decoded: each token adds its precomputed part to the name's hash in one step;
 * a name is expanded only when a lookup lands on it.
 */
function hashedLookup(names: Names, tokens: Tokens): Lookup {
  const count = names.starts.length, hashes = new Int32Array(count);
  const slots = new Int32Array(nextPow2(count * 2));
  const mask = slots.length - 1;
  const { stream, starts, lengths } = names;
  const { hash, power, tailHash, tailPower, length: tokenLength } = tokens;
  for (let i = 0; i < count; i++) {
    // The first decoded character is the type, left out of the hash.
    let h = 0, typed = false;
    for (let p = starts[i], end = p + lengths[i]; p < end; p++) {
      const t = stream[p];
      if (typed) h = (Math.imul(h, power[t]) + hash[t]) | 0;
      else if (tokenLength[t] > 0) {
        h = (Math.imul(h, tailPower[t]) + tailHash[t]) | 0;
        typed = true;
      }
    }
    if (!typed) throw new GuestError(`kallsyms: symbol ${i} has an empty name`);
    hashes[i] = h;
    let at = slotOf(h) & mask;
    while (slots[at] !== 0) at = (at + 1) & mask;
    slots[at] = i + 1;
  }
  return (q) => {
    let h = 0;
    for (const c of q) h = (Math.imul(h, HASH_MUL) + c) | 0;
    // Symbols were inserted in order, so the first match along the probe is the first symbol.
    for (let at = slotOf(h) & mask; slots[at] !== 0; at = (at + 1) & mask) {
      const i = slots[at] - 1;
      if (hashes[i] === h && compareName(names, tokens, i, q) === 0) return i;
    }
    return -1;
  };
}

/** The smallest power of two at least `n`. */
function nextPow2(n: number): number {
  let p = 1;
  while (p < n) p *= 2;
  return p;
}

/** The symbols of kallsyms in guest memory. */
export interface KallsymsTable extends SymbolTable {
  /** Whether lookups go through the kernel's sorted names (else a hash of every name). */
  readonly sorted: boolean;
}

/** Where VMCOREINFO says the kallsyms tables are. */
interface KallsymsAt {
  numSyms: bigint;
  names: bigint;
  tokenTable: bigint;
  tokenIndex: bigint;
  offsets: bigint;
  relativeBase?: bigint;
}

/** The kallsyms tables' addresses in `info`; throws GuestError naming one it lacks. */
function kallsymsAt(info: VmcoreInfo): KallsymsAt {
  const need = (name: string) => {
    const va = info.symbol(name);
    if (va === undefined) {
      throw new GuestError(
        `VMCOREINFO has no SYMBOL(${name}) (Linux 6.0 or later publishes it): pass --symbols FILE`,
      );
    }
    return va;
  };
  return {
    numSyms: need("kallsyms_num_syms"),
    names: need("kallsyms_names"),
    tokenTable: need("kallsyms_token_table"),
    tokenIndex: need("kallsyms_token_index"),
    offsets: need("kallsyms_offsets"),
    relativeBase: info.symbol("kallsyms_relative_base"),
  };
}

/**
 * The kernel's kallsyms, read from guest memory through `read`, located by `info`'s
 * `SYMBOL(kallsyms_*)`: looked up by binary search where the kernel keeps its names sorted
 * (6.2 on), else through a hash of every name. Throws GuestError naming what is missing or
 * does not decode.
 */
export function readKallsyms(read: VirtualRead, info: VmcoreInfo): KallsymsTable {
  const at = kallsymsAt(info);
  const tokens = decodeTokens(read, at.tokenTable, at.tokenIndex);
  const count = new DataView(read(at.numSyms, 4).slice().buffer).getUint32(0, true);
  if (count === 0 || count > MAX_SYMS) throw new GuestError(`kallsyms: ${count} symbols`);
  const names = walkNames(read, at.names, count);
  const stextName = new TextEncoder().encode("_stext");
  // A place is the sorted names when a binary search through it finds _stext (a table that is
  // not one finds nothing); else every name is hashed.
  let lookup: Lookup | undefined;
  for (const va of seqsPlaces(at, names, count)) {
    let seqs;
    try {
      seqs = read(va, 3 * count);
    } catch (err) {
      if (err instanceof GuestError) continue;
      throw err;
    }
    const sorted = sortedLookup(names, tokens, seqs);
    if (sorted(stextName) >= 0) {
      lookup = sorted;
      break;
    }
  }
  const sorted = lookup !== undefined;
  lookup ??= hashedLookup(names, tokens);
  const indexOf = (name: string) => lookup(new TextEncoder().encode(name));
  const stextIndex = lookup(stextName);
  const stext = info.symbol("_stext");
  if (stextIndex < 0 || stext === undefined) {
    throw new GuestError("kallsyms: _stext is missing, so the address encoding cannot be told");
  }
  const offsetsVa = at.offsets;
  const raw = (i: number) =>
    new DataView(read(offsetsVa + BigInt(4 * i), 4).slice().buffer).getInt32(0, true);
  const base = at.relativeBase === undefined
    ? undefined
    : new DataView(read(at.relativeBase, 8).slice().buffer).getBigUint64(0, true);
  const encodings: ((i: number) => bigint)[] = [
    // Place-relative (7.0 on): each offset from its own slot.
    (i) => (offsetsVa + BigInt(4 * i) + BigInt(raw(i))) & U64,
  ];
  if (base !== undefined) {
    // Base-relative, then absolute-per-CPU (x86_64 SMP before 6.15).
    encodings.push((i) => (base + BigInt(raw(i) >>> 0)) & U64);
    encodings.push((i) => {
      const v = raw(i); // one read
      return v >= 0 ? BigInt(v) : (base - 1n - BigInt(v)) & U64;
    });
  }
  const decode = encodings.find((f) => f(stextIndex) === stext);
  if (decode === undefined) {
    throw new GuestError(
      `kallsyms: no address encoding gives _stext at ${hex(stext)} (another kernel's memory?)`,
    );
  }
  return {
    address(name) {
      const i = indexOf(name);
      return i < 0 ? undefined : decode(i);
    },
    type(name) {
      const i = indexOf(name);
      return i < 0 ? undefined : typeOf(names, tokens, i);
    },
    size: count,
    origin: "kallsyms in guest memory",
    sorted,
  };
}
