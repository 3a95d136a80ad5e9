/**
 * kallsyms decoded from guest memory, as the kernel keeps it (scripts/kallsyms.c): names
 * token-compressed in `kallsyms_names` (a length, one byte or, for 128 tokens and more, two;
 * then token indexes into `kallsyms_token_table` through `kallsyms_token_index`; the first
 * decoded character is the symbol's type), addresses as 32-bit `kallsyms_offsets` read one
 * of three ways by kernel version (base-relative, absolute-per-CPU, place-relative). Which
 * one is told by decoding `_stext` and comparing it with VMCOREINFO's. Located through
 * VMCOREINFO's `SYMBOL(kallsyms_*)` (Linux 6.0 and later). Pure: reads through a function.
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

function u32s(bytes: Uint8Array): Uint32Array {
  return new Uint32Array(bytes.slice().buffer, 0, bytes.length >>> 2);
}

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

/** FNV-1a over `bytes[start, end)`. */
function hashBytes(bytes: Uint8Array, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ bytes[i], 0x01000193);
  return h >>> 0;
}

/** The decoded names: every name's bytes one after another, where each starts, its type. */
interface Names {
  bytes: Uint8Array;
  /** `starts[i]` to `starts[i + 1]`: symbol i's name (its type letter left out). */
  starts: Uint32Array;
  types: Uint8Array;
  /** Open-addressed hash table of symbol index + 1 by name hash (0: empty), a power of 2 long. */
  slots: Int32Array;
}

/**
 * The names of `count` symbols from the names stream at `namesVa`, decoded to bytes (no
 * string is made until a name is looked up), each hashed for lookups.
 */
function decodeNames(
  read: VirtualRead,
  namesAt: bigint,
  count: number,
  tokens: Tokens,
): Names {
  let bytes = new Uint8Array(count * 24);
  const starts = new Uint32Array(count + 1), types = new Uint8Array(count);
  const slots = new Int32Array(nextPow2(count * 2));
  const mask = slots.length - 1;
  // The stream is read in pieces, the buffer grown so that a whole name (at most 2 + 65535
  // bytes) is always in it; the loop reads plain locals (no closure: they stay in registers).
  const PIECE = 4 << 20;
  let bufVa = namesAt, buf = readUpTo(read, bufVa, PIECE), p = 0, out = 0;
  let more = buf.length === PIECE;
  for (let i = 0; i < count; i++) {
    if (more && p + 0x10002 > buf.length) {
      const next = readUpTo(read, bufVa + BigInt(buf.length), PIECE);
      more = next.length === PIECE;
      buf = concat(buf.subarray(p), next);
      bufVa += BigInt(p);
      p = 0;
    }
    let len = buf[p++];
    if (len & 0x80) len = (len & 0x7f) | (buf[p++] << 7);
    if (p + len > buf.length) {
      throw new GuestError(`kallsyms: symbol ${i}'s name runs past the names`);
    }
    if (out + len * 64 > bytes.length) {
      const grown = new Uint8Array(bytes.length * 2 + len * 64);
      grown.set(bytes);
      bytes = grown;
    }
    const start = out;
    let h = 0x811c9dc5, first = true;
    for (let j = 0; j < len; j++) {
      const t = buf[p++];
      for (let k = tokens.start[t], end = k + tokens.length[t]; k < end; k++) {
        const c = tokens.bytes[k];
        // The first decoded character is the type: kept apart, the name starts after it.
        if (first) {
          types[i] = c;
          first = false;
          continue;
        }
        bytes[out++] = c;
        h = Math.imul(h ^ c, 0x01000193);
      }
    }
    if (first) throw new GuestError(`kallsyms: symbol ${i} has an empty name`);
    starts[i] = start;
    let at = (h >>> 0) & mask;
    while (slots[at] !== 0) at = (at + 1) & mask;
    slots[at] = i + 1;
  }
  starts[count] = out;
  return { bytes, starts, types, slots };
}

/** The 256 tokens of the token table: their bytes, and each one's start and length. */
interface Tokens {
  bytes: Uint8Array;
  start: Uint32Array;
  length: Uint32Array;
}

/** The 256 tokens of the token table. */
function decodeTokens(read: VirtualRead, tableVa: bigint, indexVa: bigint): Tokens {
  const index = new Uint16Array(read(indexVa, 512).slice().buffer);
  const bytes = read(tableVa, index[255] + 256).slice();
  const start = new Uint32Array(256), length = new Uint32Array(256);
  for (let t = 0; t < 256; t++) {
    const end = bytes.indexOf(0, index[t]);
    if (end < 0) throw new GuestError(`kallsyms: token ${t} is not NUL-terminated`);
    start[t] = index[t];
    length[t] = end - index[t];
  }
  return { bytes, start, length };
}

/** The index of the first symbol called `name`, or -1. */
function indexOfName(names: Names, name: string): number {
  const q = new TextEncoder().encode(name), mask = names.slots.length - 1;
  // Symbols were inserted in order, so the first match along the probe is the first symbol.
  for (let at = hashBytes(q, 0, q.length) & mask; names.slots[at] !== 0; at = (at + 1) & mask) {
    const i = names.slots[at] - 1, start = names.starts[i], end = names.starts[i + 1];
    if (end - start !== q.length) continue;
    let j = 0;
    while (j < q.length && names.bytes[start + j] === q[j]) j++;
    if (j === q.length) return i;
  }
  return -1;
}

/** The smallest power of two at least `n`. */
function nextPow2(n: number): number {
  let p = 1;
  while (p < n) p *= 2;
  return p;
}

/**
 * The kernel's kallsyms, decoded from guest memory through `read`, located by `info`'s
 * `SYMBOL(kallsyms_*)`. Throws GuestError naming what is missing or does not decode.
 */
export function readKallsyms(read: VirtualRead, info: VmcoreInfo): SymbolTable {
  const need = (name: string) => {
    const va = info.symbol(name);
    if (va === undefined) {
      throw new GuestError(
        `VMCOREINFO has no SYMBOL(${name}) (Linux 6.0 or later publishes it): pass --symbols FILE`,
      );
    }
    return va;
  };
  const numVa = need("kallsyms_num_syms"), namesVa = need("kallsyms_names");
  const tokens = decodeTokens(read, need("kallsyms_token_table"), need("kallsyms_token_index"));
  const count = new DataView(read(numVa, 4).slice().buffer).getUint32(0, true);
  if (count === 0 || count > MAX_SYMS) throw new GuestError(`kallsyms: ${count} symbols`);
  const names = decodeNames(read, namesVa, count, tokens);
  const stextIndex = indexOfName(names, "_stext");
  const stext = info.symbol("_stext");
  if (stextIndex < 0 || stext === undefined) {
    throw new GuestError("kallsyms: _stext is missing, so the address encoding cannot be told");
  }
  const offsetsVa = need("kallsyms_offsets");
  const raw = u32s(read(offsetsVa, 4 * count));
  const baseVa = info.symbol("kallsyms_relative_base");
  const base = baseVa === undefined
    ? undefined
    : new DataView(read(baseVa, 8).slice().buffer).getBigUint64(0, true);
  const signed = (i: number) => BigInt(raw[i] | 0);
  const encodings: ((i: number) => bigint)[] = [
    // Place-relative (7.0 on): each offset from its own slot.
    (i) => (offsetsVa + BigInt(4 * i) + signed(i)) & U64,
  ];
  if (base !== undefined) {
    // Base-relative, then absolute-per-CPU (x86_64 SMP before 6.15).
    encodings.push((i) => (base + BigInt(raw[i])) & U64);
    encodings.push((i) => (raw[i] | 0) >= 0 ? BigInt(raw[i]) : (base - 1n - signed(i)) & U64);
  }
  const decode = encodings.find((f) => f(stextIndex) === stext);
  if (decode === undefined) {
    throw new GuestError(
      `kallsyms: no address encoding gives _stext at ${hex(stext)} (another kernel's memory?)`,
    );
  }
  return {
    address(name) {
      const i = indexOfName(names, name);
      return i < 0 ? undefined : decode(i);
    },
    type(name) {
      const i = indexOfName(names, name);
      return i < 0 ? undefined : String.fromCharCode(names.types[i]);
    },
    size: count,
    origin: "kallsyms in guest memory",
  };
}
