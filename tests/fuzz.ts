/**
 * A deterministic mutation fuzzer for the format layer and the lookup primitives: real inputs
 * (testdata/*.btf, testdata/*.o, split_mod.btf over its base, /sys/kernel/btf/vmlinux) are
 * mutated (bit flips, header fields, type-section words, ELF section headers, truncation,
 * splices, duplicated ranges) and each mutant goes through extractBtf, BtfTypes.build and the
 * lookup primitives. Every error must be a BtfError; anything else (TypeError, RangeError,
 * a stack overflow) is a failure, and so is a mutant that takes longer than the time limit.
 * Iteration `i` of seed `s` depends only on (s, i) and the inputs, so a failure replays with
 * `deno run -A tests/fuzz_main.ts --seed s --only i`. No Math.random anywhere.
 * @module
 */
import {
  DEBIAN_BTF,
  DEBIAN_VMLINUX,
  fixture,
  PINNED_73_BTF,
  SCHED_EXT_BTF,
  schedExtModule,
} from "./helpers.ts";
import { extraWords } from "../btf/kinds.ts";
import { locateBtf } from "../btf/input.ts";
import {
  BtfError,
  BtfTypes,
  datasecVarOffset,
  directMember,
  extractBtf,
  findStruct,
  findStructOrFwd,
  Kind,
  memberOffset,
  memorySource,
  resolveMemberStruct,
  resolveToStruct,
  structSize,
} from "../mod.ts";

/** One real input to mutate. */
export interface FuzzInput {
  /** Short name for reports (`shapes.o`, `vmlinux[0..256K]`). */
  name: string;
  /** The unmutated bytes. */
  bytes: Uint8Array;
  /** For a split BTF: the (unmutated) base it is built over. */
  base?: BtfTypes;
  /** Relative chance of being picked (default 1). */
  weight?: number;
}

/** A mutant that threw something other than a BtfError, or took too long. */
export interface FuzzFailure {
  seed: number;
  iteration: number;
  input: string;
  mutations: string[];
  /** `exception` (not a BtfError) or `slow` (over the time limit). */
  kind: "exception" | "slow";
  /** The error (with its stack) or the time taken. */
  detail: string;
}

/** Totals of one run. */
export interface FuzzReport {
  seed: number;
  iterations: number;
  failures: FuzzFailure[];
  /**
   * Longest time one mutant took through extract + build + queries (ms): by the clock, or
   * for a mutant over the limit by the clock, the CPU time of its replay.
   */
  maxMs: number;
  /** Mutants over the limit by the clock whose replay was within it in CPU time. */
  contended: number;
  /** Which mutant that was. */
  maxAt: { iteration: number; input: string } | null;
  /** Mutants rejected with a BtfError before a table was built. */
  rejected: number;
  /** Mutants whose table was built (the queries then ran on them). */
  built: number;
  /** Primitive calls made on built tables, and how many ended in a BtfError. */
  queries: number;
  queryErrors: number;
  /** FNV-1a over every mutant's description: equal seeds give equal digests. */
  digest: number;
}

/** A slice of a long run, as tests/fuzz_main.ts hands it to a worker. */
export interface FuzzSlice {
  seed: number;
  start: number;
  iterations: number;
  timeLimitMs: number;
  /** Weight of the whole kernels in the corpus (see loadFuzzInputs). */
  fullKernelWeight: number;
}

/** Options of {@link runFuzz}. */
export interface FuzzOptions {
  seed: number;
  iterations: number;
  /** First iteration number (to split a long run or replay one iteration). */
  start?: number;
  inputs: FuzzInput[];
  /** Time limit per mutant in ms (default 200). */
  timeLimitMs?: number;
  /** Called every `progressEvery` iterations. */
  onProgress?: (done: number, report: FuzzReport) => void;
  progressEvery?: number;
}

// ---- PRNG ---------------------------------------------------------------------------------

/** A small seeded PRNG (splitmix32 state, mulberry32 output). */
export class Rng {
  #s: number;
  constructor(seed: number) {
    this.#s = seed >>> 0;
  }
  /** Uniform 32-bit unsigned integer. */
  u32(): number {
    let t = (this.#s = (this.#s + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  }
  /** Uniform integer in [0, n) (n >= 1). */
  below(n: number): number {
    if (n <= 1) return 0;
    if (n <= 0x100000000) return Math.floor((this.u32() / 0x100000000) * n);
    return Math.floor(((this.u32() * 0x100000000 + this.u32()) / 2 ** 64) * n);
  }
  /** True with probability 1/n. */
  oneIn(n: number): boolean {
    return this.below(n) === 0;
  }
  pick<T>(items: readonly T[]): T {
    return items[this.below(items.length)];
  }
}

/** The PRNG of iteration `iteration` of run `seed` (independent of every other iteration). */
export function iterationRng(seed: number, iteration: number): Rng {
  let h = 0x811c9dc5;
  for (const v of [seed >>> 0, Math.floor(seed / 0x100000000) >>> 0, iteration >>> 0]) {
    for (let k = 0; k < 4; k++) h = Math.imul(h ^ ((v >>> (8 * k)) & 0xff), 0x01000193);
  }
  const r = new Rng(h);
  r.u32();
  return r;
}

function fnv(h: number, s: string): number {
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

// ---- inputs -------------------------------------------------------------------------------

/**
 * Real kernels (the pinned 7.3.4 raw BTF, Debian 6.1's raw `.BTF` and ELF from
 * tests/prepare.sh), and a real module's split BTF over the sched_ext kernel it was built for.
 */
const KERNELS = {
  raw73: PINNED_73_BTF,
  raw61: DEBIAN_BTF,
  elf61: DEBIAN_VMLINUX,
  schedExt: SCHED_EXT_BTF,
  module: schedExtModule("btf"),
};

/** How a mutant's bytes become a BTF blob: the CLI's own recognition (raw BTF or ELF). */
function extractForFuzz(bytes: Uint8Array): Uint8Array {
  return extractBtf(memorySource(bytes)).bytes;
}

function readOptional(path: string): Uint8Array | undefined {
  try {
    return Deno.readFileSync(path);
  } catch {
    return undefined;
  }
}

/** Type ids a record refers to (0 for none), by kind. */
function refsOf(types: BtfTypes, id: number): number[] {
  const kind = types.kind(id), n = types.vlen(id);
  switch (kind) {
    case Kind.PTR:
    case Kind.TYPEDEF:
    case Kind.VOLATILE:
    case Kind.CONST:
    case Kind.RESTRICT:
    case Kind.FUNC:
    case Kind.VAR:
    case Kind.DECL_TAG:
    case Kind.TYPE_TAG:
      return [types.word(id, 2)];
    case Kind.ARRAY:
      return [types.word(id, 3), types.word(id, 4)];
    case Kind.STRUCT:
    case Kind.UNION:
      return Array.from({ length: n }, (_, i) => types.word(id, 3 + 3 * i + 1));
    case Kind.FUNC_PROTO:
      return [types.word(id, 2), ...Array.from({ length: n }, (_, i) => types.word(id, 4 + 2 * i))];
    case Kind.DATASEC:
      return Array.from({ length: n }, (_, i) => types.word(id, 3 + 3 * i));
    default:
      return [];
  }
}

/**
 * A real kernel cut down to the types reachable from `roots` (breadth first, at most
 * `limit` types), re-encoded with the kernel's own records, ids renumbered and names
 * interned; a reference to a type past the cut becomes void. Small enough to mutate a
 * million times, real enough that the mutations land on real records.
 */
export function kernelClosure(types: BtfTypes, roots: string[], limit: number): Uint8Array {
  const seen = new Set<number>(), queue = roots.flatMap((n) => types.byName(n).slice(0, 1));
  for (let q = 0; q < queue.length && seen.size < limit; q++) {
    const id = queue[q];
    if (id === 0 || seen.has(id)) continue;
    seen.add(id);
    queue.push(...refsOf(types, id));
  }
  const order = [...seen].sort((a, b) => a - b);
  const newId = new Map(order.map((id, i) => [id, i + 1]));
  const e = new Encoder();
  for (const id of order) {
    const kind = types.kind(id), vlen = types.vlen(id);
    const words = Array.from({ length: 3 + extraWords(kind, vlen) }, (_, k) => types.word(id, k));
    const refs = new Set<number>();
    const names = new Set<number>([0]);
    switch (kind) {
      case Kind.ARRAY:
        refs.add(3).add(4);
        break;
      case Kind.STRUCT:
      case Kind.UNION:
      case Kind.ENUM64:
      case Kind.ENUM:
      case Kind.FUNC_PROTO: {
        const step = kind === Kind.ENUM || kind === Kind.FUNC_PROTO ? 2 : 3;
        for (let i = 0; i < vlen; i++) {
          names.add(3 + step * i);
          if (kind !== Kind.ENUM && kind !== Kind.ENUM64) refs.add(3 + step * i + 1);
        }
        if (kind === Kind.FUNC_PROTO) refs.add(2);
        break;
      }
      case Kind.DATASEC:
        for (let i = 0; i < vlen; i++) refs.add(3 + 3 * i);
        break;
      case Kind.INT:
      case Kind.FLOAT:
      case Kind.FWD:
        break;
      default:
        refs.add(2);
    }
    for (const k of names) words[k] = e.str(types.stringAt(words[k]));
    for (const k of refs) words[k] = newId.get(words[k]) ?? 0;
    e.words.push(...words);
  }
  return e.blob();
}

/**
 * The fuzz corpus. Real kernels: the 7.3 and 6.1 Debian kernels' `.BTF` whole (raw) and
 * cut down to the closures of the structs the groups read, the 6.1 ELF's headers around
 * its real `.BTF`, a real module's split BTF over its kernel; then the fixtures
 * (testdata/*.btf and *.o, each split_*mod.btf over its base), three synthetic blobs
 * (name-sorted, with a kind-layout section, in a 32-bit ELF) and the host's BTF. Whole
 * kernels take ~10 ms a mutant, so they get `fullKernelWeight` (0 leaves them out).
 */
export function loadFuzzInputs(fullKernelWeight = 0.02): FuzzInput[] {
  const inputs: FuzzInput[] = [];
  const raw73 = readOptional(KERNELS.raw73), raw61 = readOptional(KERNELS.raw61);
  const base73 = raw73 && BtfTypes.build(raw73);
  const base61 = raw61 && BtfTypes.build(raw61);
  const closures: [string, BtfTypes | undefined, string[], number][] = [
    ["7.3[rq,scx_sched]", base73, ["rq", "scx_sched", "scx_dispatch_q"], 3000],
    ["7.3[bpf_map,bpf_prog]", base73, ["bpf_array", "bpf_htab", "bpf_prog_aux"], 3000],
    ["7.3[.data..percpu]", base73, [".data..percpu"], 1500],
    ["6.1[rq,task_struct]", base61, ["rq", "task_struct", "sched_domain"], 3000],
  ];
  for (const [name, types, roots, limit] of closures) {
    if (types) inputs.push({ name, bytes: kernelClosure(types, roots, limit), weight: 3 });
  }
  const module = readOptional(KERNELS.module), schedExt = readOptional(KERNELS.schedExt);
  if (module && schedExt) {
    const base = BtfTypes.build(schedExt);
    inputs.push({ name: "mod-fat.btf (split)", bytes: module, base, weight: 3 });
  }
  const elf61 = raw61 && compactElf(KERNELS.elf61);
  if (elf61) inputs.push({ name: "vmlinux-6.1 (ELF)", bytes: elf61, weight: fullKernelWeight });
  if (fullKernelWeight > 0) {
    if (raw73) inputs.push({ name: "vmlinux-7.3.btf", bytes: raw73, weight: fullKernelWeight });
    if (raw61) inputs.push({ name: "vmlinux-6.1.btf", bytes: raw61, weight: fullKernelWeight });
  }
  const names = [...Deno.readDirSync(fixture("."))]
    .filter((e) => e.isFile && /\.(btf|o)$/.test(e.name))
    .map((e) => e.name)
    .sort();
  for (const name of names) {
    const bytes = Deno.readFileSync(fixture(name));
    // split<_x>_mod.btf is built over split<_x>_base.btf.
    const baseName = /^split(_\w+)?_mod\.btf$/.test(name) && name.replace("_mod.", "_base.");
    const base = baseName ? BtfTypes.build(Deno.readFileSync(fixture(baseName))) : undefined;
    inputs.push({ name, bytes, base });
  }
  inputs.push({ name: "synthetic-sorted.btf", bytes: sortedBtf() });
  inputs.push({ name: "synthetic-layout.btf", bytes: layoutBtf() });
  inputs.push({ name: "synthetic-elf32.o", bytes: elf32(sortedBtf()) });
  const vmlinux = readOptional(PINNED_73_BTF);
  if (vmlinux) inputs.push({ name: "vmlinux[0..256K]", bytes: vmlinux.slice(0, 256 * 1024) });
  if (inputs.length === 0) throw new Error("no fuzz inputs found under testdata/");
  return inputs;
}

/**
 * A real ELF vmlinux reduced to what the loader reads: its ELF header, its section header
 * table and section name table as they are, and its real `.BTF`; the other sections' bytes
 * are dropped (their headers point past the new end, as a truncated image's would).
 */
function compactElf(path: string): Uint8Array | undefined {
  const file = readOptional(path);
  if (!file) return undefined;
  const src = memorySource(file);
  const at = locateBtf(src);
  const v = new DataView(file.buffer, file.byteOffset);
  const shoff = Number(v.getBigUint64(0x28, true)), shentsize = v.getUint16(0x3a, true);
  const shnum = v.getUint16(0x3c, true), shstrndx = v.getUint16(0x3e, true);
  const strtab = shoff + shstrndx * shentsize;
  const namesOff = Number(v.getBigUint64(strtab + 24, true));
  const namesLen = Number(v.getBigUint64(strtab + 32, true));
  // Layout: ELF header | names | .BTF | section headers; offsets rewritten to match.
  const btfAt = (64 + namesLen + 7) & ~7, shAt = (btfAt + at.size + 7) & ~7;
  const out = new Uint8Array(shAt + shnum * shentsize);
  out.set(file.subarray(0, 64));
  out.set(file.subarray(namesOff, namesOff + namesLen), 64);
  out.set(file.subarray(at.offset, at.offset + at.size), btfAt);
  out.set(file.subarray(shoff, shoff + shnum * shentsize), shAt);
  const o = new DataView(out.buffer);
  o.setBigUint64(0x28, BigInt(shAt), true);
  for (let i = 0; i < shnum; i++) {
    const h = shAt + i * shentsize, off = Number(o.getBigUint64(h + 24, true));
    const moved = i === shstrndx ? 64 : off === at.offset ? btfAt : out.length + off;
    o.setBigUint64(h + 24, BigInt(moved), true);
  }
  return out;
}

// ---- synthetic inputs: shapes the real files lack ----------------------------------------

/** A minimal BTF encoder for the synthetic inputs. */
class Encoder {
  words: number[] = [];
  #strs: number[] = [0];
  #offs = new Map<string, number>([["", 0]]);

  str(name: string): number {
    let off = this.#offs.get(name);
    if (off === undefined) {
      off = this.#strs.length;
      this.#strs.push(...new TextEncoder().encode(name), 0);
      this.#offs.set(name, off);
    }
    return off;
  }

  /** Appends a record: name, info (kind, vlen, kind_flag), size/type, extra words. */
  type(name: string, kind: number, vlen: number, sizeType: number, extra: number[] = [], flag = 0) {
    this.words.push(this.str(name), ((flag << 31) | (kind << 24) | vlen) >>> 0, sizeType, ...extra);
  }

  /** Members or DATASEC entries as flat words ([name, type, offset] per member). */
  members(list: [string, number, number][]): number[] {
    return list.flatMap(([n, t, o]) => [this.str(n), t, o >>> 0]);
  }

  /** The blob; with `layout`, a 32-byte header and a kind-layout section of [info, elem] bytes. */
  blob(layout?: [number, number][]): Uint8Array {
    const hdrLen = layout ? 32 : 24, typeLen = 4 * this.words.length;
    const strLen = this.#strs.length, layoutLen = layout ? 4 * layout.length : 0;
    const out = new Uint8Array(hdrLen + typeLen + strLen + 3 + layoutLen);
    const layoutOff = (typeLen + strLen + 3) & ~3;
    const header = [hdrLen, 0, typeLen, typeLen, strLen, ...(layout ? [layoutOff, layoutLen] : [])];
    out.set([0x9f, 0xeb, 1, 0]);
    header.forEach((w, i) => setU32(out, 4 + 4 * i, w));
    this.words.forEach((w, i) => setU32(out, hdrLen + 4 * i, w));
    out.set(this.#strs, hdrLen + typeLen);
    layout?.forEach(([info, elem], k) => out.set([info, elem, 0, 0], hdrLen + layoutOff + 4 * k));
    return out.subarray(0, layout ? hdrLen + layoutOff + layoutLen : hdrLen + typeLen + strLen);
  }
}

/** Types shared by the synthetic blobs; with `sorted`, named types come sorted by name. */
function syntheticTypes(e: Encoder): void {
  e.type("", Kind.PTR, 0, 10); // [1] -> rq
  e.type("", Kind.PTR, 0, 12); // [2] -> task_struct
  e.type("", Kind.STRUCT, 2, 8, e.members([["inner_x", 6, 0], ["inner_y", 6, 32]])); // [3]
  e.type("", Kind.UNION, 2, 8, e.members([["", 3, 0], ["u_alt", 6, 0]])); // [4]
  e.type(".data..percpu", Kind.DATASEC, 2, 72, [11, 0, 64, 13, 64, 4]); // [5]
  e.type("a_int", Kind.INT, 0, 4, [32]); // [6]
  e.type("dup", Kind.STRUCT, 1, 4, e.members([["d", 6, 0]])); // [7]
  e.type("dup", Kind.TYPEDEF, 0, 7); // [8]
  const nest: [string, number, number][] = [["bf", 6, (3 << 24) | 1], ["", 4, 32], [
    "tail",
    6,
    96,
  ]];
  e.type("nest", Kind.STRUCT, 3, 16, e.members(nest), 1); // [9] kind_flag
  e.type(
    "rq",
    Kind.STRUCT,
    3,
    64,
    e.members([["nr_running", 6, 32], ["curr", 2, 64], [
      "scx",
      9,
      128,
    ]]),
  ); // [10]
  e.type("runqueues", Kind.VAR, 0, 10, [1]); // [11]
  e.type("task_struct", Kind.STRUCT, 2, 16, e.members([["pid", 6, 0], ["rq_back", 1, 64]])); // [12]
  e.type("v_pcpu", Kind.VAR, 0, 6, [1]); // [13]
}

/** A BTF blob whose named types are sorted by name (the table binary-searches it). */
export function sortedBtf(): Uint8Array {
  const e = new Encoder();
  syntheticTypes(e);
  return e.blob();
}

/** A blob with a 32-byte header and a kind-layout section describing an unknown kind 20. */
export function layoutBtf(): Uint8Array {
  const e = new Encoder();
  syntheticTypes(e);
  // [14] kind 20, vlen 2: 1 fixed extra word + 2 words per element (from the layout).
  e.type("future", 20, 2, 0, [7, 1, 2, 3, 4]);
  const layout: [number, number][] = Array.from({ length: 20 }, () => [0, 0]);
  layout.push([4, 8]);
  return e.blob(layout);
}

/** A minimal 32-bit little-endian ELF whose `.BTF` section holds `btf`. */
export function elf32(btf: Uint8Array): Uint8Array {
  const names = new TextEncoder().encode("\0.shstrtab\0.BTF\0");
  const btfOff = (52 + names.length + 3) & ~3;
  const shoff = (btfOff + btf.length + 3) & ~3;
  const out = new Uint8Array(shoff + 3 * 40);
  out.set([0x7f, 0x45, 0x4c, 0x46, 1, 1, 1]);
  const v = new DataView(out.buffer);
  v.setUint16(16, 1, true); // ET_REL
  v.setUint16(18, 0xf7, true); // EM_BPF
  v.setUint32(20, 1, true);
  v.setUint32(32, shoff, true);
  v.setUint16(40, 52, true);
  v.setUint16(46, 40, true);
  v.setUint16(48, 3, true);
  v.setUint16(50, 1, true);
  out.set(names, 52);
  out.set(btf, btfOff);
  const sections = [[0, 0, 0, 0], [1, 3, 52, names.length], [11, 1, btfOff, btf.length]];
  sections.forEach(([name, type, off, size], i) => {
    const at = shoff + 40 * i;
    v.setUint32(at, name, true);
    v.setUint32(at + 4, type, true);
    v.setUint32(at + 16, off, true);
    v.setUint32(at + 20, size, true);
    v.setUint32(at + 32, 1, true);
  });
  return out;
}

// ---- mutations ----------------------------------------------------------------------------

const EDGE_U32 = [0, 1, 2, 3, 4, 8, 12, 24, 32, 0x7f, 0xff, 0xffff, 0x7fffffff, 0x80000000];
const EDGE_BYTES = [0, 1, 0x7f, 0x80, 0xff, 0x9f, 0xeb];

/** Where the BTF blob starts: 0 for raw BTF, the first `9f eb 01` in an ELF, or -1. */
function btfStart(b: Uint8Array): number {
  if (b.length >= 2 && b[0] === 0x9f && b[1] === 0xeb) return 0;
  for (let i = 0; i + 3 < b.length; i += 4) {
    if (b[i] === 0x9f && b[i + 1] === 0xeb && b[i + 2] === 1 && b[i + 3] === 0) return i;
  }
  return -1;
}

function u32At(b: Uint8Array, at: number): number {
  if (at < 0 || at + 4 > b.length) return 0;
  return (b[at] | (b[at + 1] << 8) | (b[at + 2] << 16) | (b[at + 3] << 24)) >>> 0;
}

function setU32(b: Uint8Array, at: number, v: number): void {
  if (at < 0 || at + 4 > b.length) return;
  for (let k = 0; k < 4; k++) b[at + k] = (v >>> (8 * k)) & 0xff;
}

function setU16(b: Uint8Array, at: number, v: number): void {
  if (at < 0 || at + 2 > b.length) return;
  b[at] = v & 0xff;
  b[at + 1] = (v >>> 8) & 0xff;
}

/** A value for a length/offset field whose old value is `old` in a blob of `len` bytes. */
function edgeValue(r: Rng, old: number, len: number): number {
  switch (r.below(6)) {
    case 0:
      return r.pick(EDGE_U32);
    case 1:
      return r.pick([len, len - 1, len + 1, len + 4, 2 * len]) >>> 0;
    case 2:
      return (old + r.pick([-12, -4, -1, 1, 4, 12, 24])) >>> 0;
    case 3:
      return r.below(len + 64);
    case 4:
      return 0xffffffff - r.below(16);
    default:
      return r.u32();
  }
}

/** The type section of the BTF at `h` in `b`, clipped to the bytes: [start, end). */
function typeSection(b: Uint8Array, h: number): [number, number] {
  const hdrLen = u32At(b, h + 4);
  const start = h + hdrLen + u32At(b, h + 8);
  const end = Math.min(b.length, start + u32At(b, h + 12));
  return start < end && hdrLen >= 24 && hdrLen < 256 ? [start, end] : [-1, -1];
}

type Mutator = (r: Rng, b: Uint8Array, other: Uint8Array) => [Uint8Array, string];

const MUTATORS: [string, number, Mutator][] = [
  ["flip", 3, (r, b) => {
    const n = 1 + r.below(16);
    for (let i = 0; i < n && b.length > 0; i++) b[r.below(b.length)] ^= 1 << r.below(8);
    return [b, `flip ${n} bits`];
  }],
  ["bytes", 2, (r, b) => {
    const n = 1 + r.below(8);
    for (let i = 0; i < n && b.length > 0; i++) {
      b[r.below(b.length)] = r.oneIn(2) ? r.pick(EDGE_BYTES) : r.below(256);
    }
    return [b, `set ${n} bytes`];
  }],
  ["header", 4, (r, b) => {
    const h = btfStart(b);
    if (h < 0) return [b, "header: no BTF"];
    const field = r.pick([2, 3, 4, 8, 12, 16, 20, 24, 28]);
    if (field < 4) {
      b[h + field] = r.pick(EDGE_BYTES);
      return [b, `header byte ${field} = ${b[h + field]}`];
    }
    const v = edgeValue(r, u32At(b, h + field), b.length - h);
    setU32(b, h + field, v);
    return [b, `header +${field} = ${v}`];
  }],
  ["fit", 1, (r, b) => {
    // Re-point the type and string sections somewhere inside the blob, so the header
    // validates and the damage is met deeper.
    const h = btfStart(b);
    if (h < 0) return [b, "fit: no BTF"];
    const room = Math.max(0, b.length - h - 24);
    const typeLen = 4 * r.below(Math.floor(room / 4) + 1);
    const strOff = typeLen + r.below(Math.max(1, room - typeLen));
    const strLen = r.below(Math.max(1, room - strOff) + 1);
    setU32(b, h + 4, 24);
    setU32(b, h + 8, 0);
    setU32(b, h + 12, typeLen);
    setU32(b, h + 16, strOff);
    setU32(b, h + 20, strLen);
    if (strLen > 0 && r.oneIn(2)) b[h + 24 + strOff + strLen - 1] = 0;
    return [b, `fit types ${typeLen} strings ${strOff}+${strLen}`];
  }],
  ["typeword", 6, (r, b) => {
    const h = btfStart(b);
    if (h < 0) return [b, "typeword: no BTF"];
    const [start, end] = typeSection(b, h);
    if (start < 0 || end - start < 4) return [b, "typeword: no types"];
    const n = 1 + r.below(4);
    const parts: string[] = [];
    for (let i = 0; i < n; i++) {
      const at = start + 4 * r.below(Math.floor((end - start) / 4));
      const maxId = Math.floor((end - start) / 12) + 2;
      let v: number;
      switch (r.below(6)) {
        case 0: // a small type id: likely in range, makes cycles
          v = r.below(Math.min(maxId, 64));
          break;
        case 1: // any in-range id
          v = r.below(maxId);
          break;
        case 2: // an info word: random kind, small vlen, random kind_flag
          v = ((r.below(2) << 31) | (r.below(32) << 24) | r.below(r.oneIn(4) ? 0x10000 : 8)) >>> 0;
          break;
        case 3: // a bit offset, aligned or not
          v = r.oneIn(2) ? 8 * r.below(512) : r.below(4096);
          break;
        default:
          v = edgeValue(r, u32At(b, at), end - start);
      }
      setU32(b, at, v);
      parts.push(`${at - start}=${v}`);
    }
    return [b, `type words ${parts.join(",")}`];
  }],
  ["truncate", 2, (r, b) => {
    const n = r.below(b.length + 1);
    return [b.slice(0, n), `truncate at ${n}`];
  }],
  ["splice", 2, (r, b, other) => {
    if (other.length === 0 || b.length === 0) return [b, "splice: empty"];
    const len = 1 + r.below(Math.min(other.length, 4096));
    const from = r.below(other.length - len + 1);
    const at = r.below(b.length);
    if (r.oneIn(2)) {
      b.set(other.subarray(from, from + Math.min(len, b.length - at)), at);
      return [b, `splice over ${at} <- other[${from}..+${len}]`];
    }
    const out = new Uint8Array(b.length + len);
    out.set(b.subarray(0, at));
    out.set(other.subarray(from, from + len), at);
    out.set(b.subarray(at), at + len);
    return [out, `splice insert ${at} <- other[${from}..+${len}]`];
  }],
  ["duplicate", 1, (r, b) => {
    if (b.length === 0) return [b, "duplicate: empty"];
    const from = r.below(b.length);
    const len = 1 + r.below(Math.min(b.length - from, 1024));
    const at = r.below(b.length + 1);
    const out = new Uint8Array(b.length + len);
    out.set(b.subarray(0, at));
    out.set(b.subarray(from, from + len), at);
    out.set(b.subarray(at), at + len);
    return [out, `duplicate ${from}..+${len} at ${at}`];
  }],
  ["elf", 2, (r, b) => {
    if (b.length < 64 || b[0] !== 0x7f || b[1] !== 0x45) return [b, "elf: not ELF"];
    const shoff = Number(u32At(b, 0x28));
    const shnum = b[0x3c] | (b[0x3d] << 8);
    switch (r.below(5)) {
      case 0: {
        const v = edgeValue(r, shoff, b.length);
        setU32(b, 0x28, v);
        if (r.oneIn(2)) setU32(b, 0x2c, r.oneIn(2) ? 0xffffffff : 0);
        return [b, `e_shoff = ${v}`];
      }
      case 1: {
        const v = r.pick([0, 1, shnum - 1, shnum + 1, 0xffff, r.below(0x10000)]) & 0xffff;
        setU16(b, 0x3c, v);
        return [b, `e_shnum = ${v}`];
      }
      case 2: {
        const v = r.pick([0, 1, shnum - 1, shnum, 0xffff, r.below(0x10000)]) & 0xffff;
        setU16(b, 0x3e, v);
        return [b, `e_shstrndx = ${v}`];
      }
      case 3: {
        const v = r.pick([0, 1, 40, 63, 64, 65, 0xffff]);
        setU16(b, 0x3a, v);
        return [b, `e_shentsize = ${v}`];
      }
      default: {
        // A section header field: sh_name (0), sh_offset (24), sh_size (32); 64-bit ELF.
        const idx = r.below(Math.max(1, shnum));
        const field = r.pick([0, 24, 32, 28, 36]);
        const at = shoff + 64 * idx + field;
        const v = edgeValue(r, u32At(b, at), b.length);
        setU32(b, at, v);
        return [b, `shdr[${idx}]+${field} = ${v}`];
      }
    }
  }],
];

const MUTATOR_TOTAL = MUTATORS.reduce((s, m) => s + m[1], 0);

function pickMutator(r: Rng): Mutator {
  let x = r.below(MUTATOR_TOTAL);
  for (const [, w, m] of MUTATORS) {
    if (x < w) return m;
    x -= w;
  }
  return MUTATORS[0][2];
}

function pickInput(r: Rng, inputs: FuzzInput[]): FuzzInput {
  const total = inputs.reduce((s, i) => s + (i.weight ?? 1), 0);
  let x = (r.u32() / 0x100000000) * total;
  for (const input of inputs) {
    x -= input.weight ?? 1;
    if (x < 0) return input;
  }
  return inputs[inputs.length - 1];
}

/** The mutant of iteration `iteration`: which input, the bytes, and what was done. */
export function makeMutant(
  seed: number,
  iteration: number,
  inputs: FuzzInput[],
): { input: FuzzInput; bytes: Uint8Array; mutations: string[]; rng: Rng } {
  const r = iterationRng(seed, iteration);
  const input = pickInput(r, inputs);
  let bytes: Uint8Array = input.bytes.slice();
  const mutations: string[] = [];
  const n = 1 + r.below(4);
  for (let i = 0; i < n; i++) {
    const other = pickInput(r, inputs).bytes;
    const [out, what] = pickMutator(r)(r, bytes, other);
    bytes = out;
    mutations.push(what);
  }
  return { input, bytes, mutations, rng: r };
}

// ---- the target ---------------------------------------------------------------------------

/** Struct names tried on every built table (kernel names and names of the fixtures). */
const STRUCT_NAMES = [
  "rq",
  "task_struct",
  "scx_rq",
  "bpf_array",
  "nest",
  "chains",
  "bits",
  "array_like",
  "twin",
  "target",
  "mod_dev",
  "base_obj",
  "cookie",
  "list_node",
  "never_defined",
  "only_union",
];

/** Field names tried on every struct found. */
const FIELD_NAMES = [
  "nr_running",
  "scx",
  "curr",
  "value",
  "deep_field",
  "odd_bits",
  "ptr",
  "qual_ptr",
  "arr",
  "obj",
  "head",
  "counter",
  "mod_anon_deep",
  "tw",
  "",
];

/** Counts of one mutant's queries. */
interface QueryStats {
  calls: number;
  errors: number;
}

/** Runs `fn`; a BtfError is counted, anything else propagates. */
function attempt<T>(stats: QueryStats, fn: () => T): T | undefined {
  stats.calls++;
  try {
    return fn();
  } catch (err) {
    if (err instanceof BtfError) {
      stats.errors++;
      return undefined;
    }
    throw err;
  }
}

function queryStruct(types: BtfTypes, id: number, stats: QueryStats, r: Rng): void {
  attempt(stats, () => structSize(types, id));
  const fields = [...FIELD_NAMES.slice(0, 4), r.pick(FIELD_NAMES)];
  const n = attempt(stats, () => types.vlen(id)) ?? 0;
  // A couple of the struct's own member names, so that the walk finds things.
  for (let k = 0; k < 2 && n > 0; k++) {
    const name = attempt(stats, () => types.stringAt(types.elemWord(id, r.below(n), 0)));
    if (name !== undefined) fields.push(name);
  }
  for (const f of fields) {
    attempt(stats, () => memberOffset(types, id, f));
    const m = attempt(stats, () => directMember(types, id, f));
    if (m) {
      attempt(stats, () => resolveToStruct(types, m.type));
      attempt(stats, () => resolveMemberStruct(types, m));
    }
  }
}

/**
 * Extracts, builds and queries one mutant; returns whether a table was built and the query
 * counts. Throws whatever non-BtfError a primitive throws.
 */
export function exercise(
  bytes: Uint8Array,
  base: BtfTypes | undefined,
  r: Rng,
): { built: boolean; stats: QueryStats } {
  const stats: QueryStats = { calls: 0, errors: 0 };
  let types: BtfTypes;
  try {
    types = BtfTypes.build(extractForFuzz(bytes), base);
  } catch (err) {
    if (err instanceof BtfError) return { built: false, stats };
    throw err;
  }
  attempt(stats, () => types.kindCounts());
  attempt(stats, () => types.sortedByName);
  for (const name of STRUCT_NAMES) {
    attempt(stats, () => findStructOrFwd(types, name));
    const id = attempt(stats, () => findStruct(types, name));
    if (id !== undefined) queryStruct(types, id, stats, r);
    attempt(stats, () => datasecVarOffset(types, ".data..percpu", name));
  }
  for (const v of ["runqueues", "pcpu_second", "base_pcpu_b", "mod_pcpu_inner", "twin"]) {
    attempt(stats, () => datasecVarOffset(types, r.pick([".data..percpu", ".bss", ".data"]), v));
  }
  // Random ids: any id may be given to resolve_to_struct; composites get member queries.
  const first = base ? base.firstId : types.firstId;
  const span = types.lastId - first + 3;
  for (let k = 0; k < 24; k++) {
    const id = first + r.below(span) - (r.oneIn(8) ? 1 : 0);
    attempt(stats, () => resolveToStruct(types, id));
    const name = attempt(stats, () => types.name(id));
    if (name) attempt(stats, () => types.byName(name));
    const kind = attempt(stats, () => types.kind(id));
    if (kind === Kind.STRUCT || kind === Kind.UNION) queryStruct(types, id, stats, r);
  }
  return { built: true, stats };
}

/** CPU time this thread has used (ms, 10 ms resolution), NaN where /proc is not there. */
export function threadCpuMs(): number {
  try {
    const fields = Deno.readTextFileSync("/proc/thread-self/stat").split(") ")[1].split(" ");
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return NaN;
  }
}

/** Runs iterations `start .. start+iterations-1` of `seed` and reports. */
export function runFuzz(opts: FuzzOptions): FuzzReport {
  const limit = opts.timeLimitMs ?? 200;
  const start = opts.start ?? 0;
  const report: FuzzReport = {
    seed: opts.seed,
    iterations: 0,
    failures: [],
    maxMs: 0,
    maxAt: null,
    rejected: 0,
    built: 0,
    queries: 0,
    queryErrors: 0,
    contended: 0,
    digest: 0x811c9dc5,
  };
  for (let i = start; i < start + opts.iterations; i++) {
    const { input, bytes, mutations, rng } = makeMutant(opts.seed, i, opts.inputs);
    report.digest = fnv(report.digest, `${input.name}|${bytes.length}|${mutations.join(";")}`);
    const t0 = performance.now();
    try {
      const { built, stats } = exercise(bytes, input.base, rng);
      if (built) report.built++;
      else report.rejected++;
      report.queries += stats.calls;
      report.queryErrors += stats.errors;
    } catch (err) {
      const detail = err instanceof Error ? `${err.name}: ${err.message}\n${err.stack}` : `${err}`;
      report.failures.push({
        seed: opts.seed,
        iteration: i,
        input: input.name,
        mutations,
        kind: "exception",
        detail,
      });
    }
    let ms = performance.now() - t0;
    if (ms > limit) {
      // Over the limit by the clock: replay it and count this thread's CPU time, so a
      // mutant that only waited for a core on a busy machine is not called slow.
      const again = makeMutant(opts.seed, i, opts.inputs);
      const cpu0 = threadCpuMs();
      try {
        exercise(again.bytes, input.base, again.rng);
      } catch {
        // Reported above.
      }
      const cpu = threadCpuMs() - cpu0;
      if (!Number.isNaN(cpu) && cpu <= limit) {
        report.contended++;
        ms = cpu;
      }
    }
    if (ms > report.maxMs) {
      report.maxMs = ms;
      report.maxAt = { iteration: i, input: input.name };
    }
    if (ms > limit) {
      report.failures.push({
        seed: opts.seed,
        iteration: i,
        input: input.name,
        mutations,
        kind: "slow",
        detail: `${ms.toFixed(1)} ms (limit ${limit} ms)`,
      });
    }
    report.iterations++;
    if (opts.onProgress && report.iterations % (opts.progressEvery ?? 10000) === 0) {
      opts.onProgress(report.iterations, report);
    }
  }
  return report;
}

/** One line per failure: how to replay it and what happened. */
export function describeFailure(f: FuzzFailure): string {
  return `seed ${f.seed} iteration ${f.iteration} (${f.input}; ${f.mutations.join("; ")}): ` +
    `${f.kind}: ${f.detail.split("\n").slice(0, 4).join(" | ")}`;
}

/** A tiny bzImage: a real x86 setup header in front of `payload` (which starts at 1024). */
export function tinyBzImage(payload: Uint8Array): Uint8Array {
  const image = new Uint8Array(1024 + payload.length);
  const v = new DataView(image.buffer);
  image[0x1f1] = 1; // one setup sector: the payload starts at 2 * 512
  image.set([0x48, 0x64, 0x72, 0x53], 0x202); // "HdrS"
  v.setUint16(0x206, 0x20f, true);
  v.setUint32(0x24c, payload.length, true);
  image.set(payload, 1024);
  return image;
}

/**
 * Image mutants: a {@link tinyBzImage} of `payload` with random byte flips, edge values in
 * the header's payload fields, or a cut. Returns the mutant; feed it to btfFromImage, which
 * must throw only BtfErrors.
 */
export function imageMutant(payload: Uint8Array, r: Rng): Uint8Array {
  const image = tinyBzImage(payload);
  const v = new DataView(image.buffer);
  for (let n = 1 + r.below(4); n > 0; n--) {
    const which = r.below(4);
    if (which === 0) image[r.below(image.length)] ^= 1 << r.below(8);
    else if (which === 1) image[1024 + r.below(Math.min(64, payload.length))] = r.pick(EDGE_BYTES);
    else if (which === 2) v.setUint32(r.pick([0x248, 0x24c]), r.pick(EDGE_U32), true);
    else return image.subarray(0, r.below(image.length));
  }
  return image;
}
