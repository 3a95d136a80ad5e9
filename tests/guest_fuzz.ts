/**
 * A deterministic mutation fuzzer for the guest-memory layer: synthetic guests
 * (tests/guest_builder.ts: raw RAM and ELF cores, 4 and 5 levels, KASLR, 6.12's
 * absolute-per-CPU kallsyms) mutated where the readers look (page-table entries, list and
 * rhashtable pointers, kallsyms tables, the VMCOREINFO text, per-CPU offsets and the CPU
 * mask, run queue bytes, ELF headers, cuts), each mutant read by the library path
 * (openMemoryImage → findKernel → readRunQueues → readScx) in process. Anything thrown must
 * be a BtfError (GuestError extends it); a mutant over the time limit is a failure, and one
 * that does not end is stopped by the watchdog of {@link runGuestFuzzIsolated} (a worker)
 * and counted as a hang. Iteration `i` of seed `s` depends only on (s, i), so a failure
 * replays with `deno run -A tests/guest_fuzz_main.ts --seed s --only i`. No Math.random.
 * @module
 */
import { isDeepStrictEqual } from "node:util";
import { BtfError } from "../btf/errors.ts";
import { memorySource } from "../btf/elf.ts";
import { openMemoryImage } from "../guest/image.ts";
import { findKernel } from "../guest/kernel.ts";
import { readRunQueues } from "../guest/rq.ts";
import { readScx } from "../guest/scx.ts";
import { resolvePath } from "../query/path.ts";
import { iterationRng, type Rng } from "./fuzz.ts";
import { buildGuest, elfCore, type GuestBuild } from "./guest_builder.ts";

/** One unmutated guest to mutate. */
export interface GuestBase {
  name: string;
  bytes: Uint8Array;
  build: GuestBuild;
  /** Whether the bytes are an ELF core (else raw RAM). */
  core: boolean;
  /** The file offset of guest physical address `pa`, or null when the file does not hold it. */
  fileOf(pa: number): number | null;
  /** File offsets of the VMCOREINFO texts (in RAM, and a note's). */
  infoAt: number[];
}

/** The file offsets of a core's PT_LOADs by physical address. */
function coreMap(bytes: Uint8Array): (pa: number) => number | null {
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const phnum = v.getUint16(0x38, true), phoff = Number(v.getBigUint64(0x20, true));
  const loads: { paddr: number; offset: number; filesz: number }[] = [];
  for (let i = 0; i < phnum; i++) {
    const h = phoff + 56 * i;
    if (v.getUint32(h, true) !== 1) continue;
    loads.push({
      offset: Number(v.getBigUint64(h + 8, true)),
      paddr: Number(v.getBigUint64(h + 24, true)),
      filesz: Number(v.getBigUint64(h + 32, true)),
    });
  }
  return (pa) => {
    const l = loads.find((l) => pa >= l.paddr && pa < l.paddr + l.filesz);
    return l ? l.offset + pa - l.paddr : null;
  };
}

let cachedBases: GuestBase[] | undefined;

/**
 * The guests mutated: raw 4-level 2 MiB pages; raw 5-level 4 KiB pages with KASLR; an ELF
 * core with a VMCOREINFO note and filtered pages (4 levels, 1 GiB pages, KASLR); an ELF core
 * without a note (5 levels); raw 6.12 (absolute-per-CPU kallsyms, zero-based per-CPU, no
 * scx_root). Built once per thread.
 */
export function guestBases(): GuestBase[] {
  if (cachedBases) return cachedBases;
  const raw = (name: string, build: GuestBuild): GuestBase => ({
    name,
    bytes: build.ram,
    build,
    core: false,
    fileOf: (pa) => pa < build.ram.length ? pa : null,
    infoAt: [build.layout.vmcoreinfo.at],
  });
  const core = (name: string, build: GuestBuild, note: boolean): GuestBase => {
    const bytes = elfCore(build.ram, { note: note ? build.vmcoreinfo : undefined, filtered: note });
    const fileOf = coreMap(bytes);
    const infoAt = [fileOf(build.layout.vmcoreinfo.at)!];
    if (note) infoAt.push(indexOfText(bytes, "OSRELEASE=", 0, 1 << 16));
    return { name, bytes, build, core: true, fileOf, infoAt };
  };
  cachedBases = [
    raw("raw 4-level 2M", buildGuest({ cpus: [0, 1, 3] })),
    raw("raw 5-level 4K KASLR", buildGuest({ levels: 5, kaslr: true, pages: "4k", cpus: [0, 2] })),
    core("core+note 4-level 1G KASLR", buildGuest({ kaslr: true, pages: "1g" }), true),
    core("core 5-level 2M", buildGuest({ levels: 5, cpus: [0, 1, 2, 3] }), false),
    raw(
      "raw 6.12 absolute-percpu",
      buildGuest({ btf: "era_6_12.btf", encoding: "absolute-percpu", pages: "4k" }),
    ),
  ];
  return cachedBases;
}

function indexOfText(bytes: Uint8Array, text: string, from: number, to: number): number {
  const needle = new TextEncoder().encode(text);
  for (
    let i = bytes.indexOf(needle[0], from);
    i >= 0 && i < to;
    i = bytes.indexOf(needle[0], i + 1)
  ) {
    if (needle.every((b, k) => bytes[i + k] === b)) return i;
  }
  throw new Error(`guest_fuzz: '${text}' not found`);
}

/** A mutant: its bytes (the base's, patched in place), what was done, and how to undo it. */
export interface GuestMutant {
  base: string;
  bytes: Uint8Array;
  mutations: string[];
  undo(): void;
}

const hex = (v: bigint | number) => `0x${v.toString(16)}`;

/** Patches `bytes` in place, remembering what it overwrote. */
class Patcher {
  readonly #saved: [number, Uint8Array][] = [];
  constructor(readonly bytes: Uint8Array) {}
  set(at: number, data: Uint8Array): void {
    if (at < 0 || at >= this.bytes.length) return;
    const n = Math.min(data.length, this.bytes.length - at);
    this.#saved.push([at, this.bytes.slice(at, at + n)]);
    this.bytes.set(data.subarray(0, n), at);
  }
  u64(at: number, v: bigint): void {
    const b = new Uint8Array(8);
    new DataView(b.buffer).setBigUint64(0, BigInt.asUintN(64, v), true);
    this.set(at, b);
  }
  u32(at: number, v: number): void {
    const b = new Uint8Array(4);
    new DataView(b.buffer).setUint32(0, v >>> 0, true);
    this.set(at, b);
  }
  getU64(at: number): bigint {
    return new DataView(this.bytes.buffer, this.bytes.byteOffset).getBigUint64(at, true);
  }
  undo(): void {
    for (let i = this.#saved.length - 1; i >= 0; i--) {
      const [at, old] = this.#saved[i];
      this.bytes.set(old, at);
    }
    this.#saved.length = 0;
  }
}

function rand64(rng: Rng): bigint {
  return (BigInt(rng.u32()) << 32n) | BigInt(rng.u32());
}

/** The guest virtual address of physical `pa` (the image's, else the direct map's). */
function vaOf(base: GuestBase, pa: number): bigint {
  const { layout, symbols } = base.build;
  const image = symbols.find((s) => s.name === "_stext")!.address;
  return pa >= layout.imagePhys && pa < layout.imagePhys + layout.imageSize
    ? image + BigInt(pa - layout.imagePhys)
    : layout.directMap + BigInt(pa);
}

/** A new value for the pointer at physical `pa` (currently `cur`). */
function pointerValue(rng: Rng, base: GuestBase, pa: number, cur: bigint): [bigint, string] {
  const { layout, ram } = base.build;
  switch (rng.below(9)) {
    case 0:
      return [0n, "NULL"];
    case 1: {
      const bit = rng.below(64);
      return [cur ^ (1n << BigInt(bit)), `bit ${bit} flipped`];
    }
    case 2: {
      const d = rng.pick([-4096, -16, -8, 8, 16, 24, 4096]);
      return [cur + BigInt(d), `${d > 0 ? "+" : ""}${d}`];
    }
    case 3: {
      // Another pointer's value: a node of another list, a loop.
      const others = [...layout.listPointers, ...layout.pointers];
      const o = rng.pick(others);
      return [new DataView(ram.buffer).getBigUint64(o, true), `value at ${hex(o)}`];
    }
    case 4:
      return [vaOf(base, pa), "itself"];
    case 5: {
      const at = rng.below(ram.length >> 3) << 3;
      return [layout.directMap + BigInt(at), `direct map +${hex(at)}`];
    }
    case 6:
      return [cur | 1n, "odd"];
    case 7:
      return [layout.directMap + BigInt(ram.length) + BigInt(rng.below(1 << 20)), "past RAM"];
    default:
      return [rand64(rng), "random"];
  }
}

type Mutator = (rng: Rng, base: GuestBase, p: Patcher) => string;

/** Writes a u64 at physical `pa` when the file holds it. */
function atPhys(base: GuestBase, pa: number): number | null {
  return base.fileOf(pa);
}

const MUTATORS: [string, number, Mutator][] = [
  ["pte", 3, (rng, base, p) => {
    const pa = rng.pick(base.build.layout.pageTableEntries), at = atPhys(base, pa);
    if (at === null) return `pte ${hex(pa)}: not in the file`;
    const cur = p.getU64(at);
    const ops: [string, () => bigint][] = [
      ["flip bit", () => cur ^ (1n << BigInt(rng.below(64)))],
      ["not present", () => cur & ~1n],
      ["huge", () => cur | 0x80n],
      ["not huge", () => cur & ~0x80n],
      ["-> root", () => BigInt(base.build.layout.root) | 0x63n],
      ["-> itself", () => BigInt(pa & ~0xfff) | 0x63n],
      ["-> past RAM", () => (BigInt(base.build.ram.length) + BigInt(rng.below(1 << 30))) | 0x63n],
      ["random", () => rand64(rng)],
    ];
    const [name, f] = rng.pick(ops);
    const v = f();
    p.u64(at, v);
    return `pte ${hex(pa)} ${name} = ${hex(BigInt.asUintN(64, v))}`;
  }],
  ["list", 3, (rng, base, p) => {
    const pa = rng.pick(base.build.layout.listPointers), at = atPhys(base, pa);
    if (at === null) return `list ${hex(pa)}: not in the file`;
    const [v, how] = pointerValue(rng, base, pa, p.getU64(at));
    p.u64(at, v);
    return `list pointer ${hex(pa)} = ${how}`;
  }],
  ["hash", 1, (rng, base, p) => {
    const h = base.build.layout.hash;
    if (!h) return "hash: none";
    const which = rng.below(4);
    if (which === 1) {
      const at = atPhys(base, h.size);
      const v = rng.pick([0, 1, 3, 5, 1 << 20, 1 << 24, (1 << 24) + 1, 0xffffffff, rng.u32()]);
      if (at !== null) p.u32(at, v);
      return `bucket_table.size = ${v}`;
    }
    const pa = which === 0 ? h.tbl : which === 2 ? rng.pick(h.buckets) : rng.pick(h.nexts);
    const at = atPhys(base, pa);
    if (at === null) return `hash ${hex(pa)}: not in the file`;
    const [v, how] = pointerValue(rng, base, pa, p.getU64(at));
    p.u64(at, v);
    return `hash ${["tbl", "", "bucket", "chain next"][which]} ${hex(pa)} = ${how}`;
  }],
  ["pointer", 2, (rng, base, p) => {
    const pa = rng.pick(base.build.layout.pointers), at = atPhys(base, pa);
    if (at === null) return `pointer ${hex(pa)}: not in the file`;
    const [v, how] = pointerValue(rng, base, pa, p.getU64(at));
    p.u64(at, v);
    return `pointer ${hex(pa)} = ${how}`;
  }],
  ["kallsyms", 2, (rng, base, p) => {
    const k = base.build.layout.kallsyms;
    // Every table the kernel has (6.x without sorted names has no kallsyms_seqs_of_names).
    const name = rng.pick(
      Object.keys(k).filter((t) => k[t as keyof typeof k][1] > 0),
    ) as keyof typeof k;
    const [pa, len] = k[name];
    if (name === "numSyms" || rng.oneIn(6)) {
      const n = new DataView(base.build.ram.buffer).getUint32(k.numSyms[0], true);
      const v = rng.pick([0, 1, n - 1, n + 1, n * 2, 4_000_000, 4_000_001, 0xffffffff, rng.u32()]);
      p.u32(atPhys(base, k.numSyms[0])!, v);
      return `kallsyms_num_syms = ${v}`;
    }
    const count = 1 + rng.below(4), done: string[] = [];
    for (let i = 0; i < count; i++) {
      const off = rng.below(len), v = rng.below(256);
      p.set(atPhys(base, pa + off)!, new Uint8Array([v]));
      done.push(`${off}=${v}`);
    }
    return `kallsyms ${name} bytes ${done.join(",")}`;
  }],
  ["vmcoreinfo", 2, (rng, base, p) => {
    const at = rng.pick(base.infoAt);
    const len = base.build.layout.vmcoreinfo.length;
    const text = new TextDecoder().decode(p.bytes.subarray(at, at + len));
    const lines = text.split("\n");
    const li = rng.below(lines.length - 1);
    let out = text, how = "";
    switch (rng.below(6)) {
      case 0: {
        const i = rng.below(text.length);
        const c = rng.pick(["\0", "\n", "=", "(", "x", "9", "%", " "]);
        out = text.slice(0, i) + c + text.slice(i + 1);
        how = `char ${i} = ${JSON.stringify(c)}`;
        break;
      }
      case 1:
        lines.splice(li, 1);
        out = lines.join("\n");
        how = `line ${li} removed`;
        break;
      case 2: {
        const m = /^(\w+(?:\([^)]*\))?)=(.*)$/.exec(lines[li]);
        const v = rng.pick([
          "",
          "0",
          "1",
          "-1",
          "ffffffffffffffff",
          "zz",
          "0x10",
          "99999999999999999999",
        ]);
        if (m) lines[li] = `${m[1]}=${v}`;
        out = lines.join("\n");
        how = `line ${li} value = '${v}'`;
        break;
      }
      case 3: {
        const i = rng.below(text.length);
        out = text.slice(0, i);
        how = `cut at ${i}`;
        break;
      }
      case 4: {
        // A hex digit of a SYMBOL value.
        const sym = lines.map((l, i) => [l, i] as const).filter(([l]) => l.startsWith("SYMBOL("));
        if (sym.length === 0) {
          how = "no SYMBOL line left";
          break;
        }
        const [l, i] = rng.pick(sym);
        const eq = l.indexOf("=") + 1 + rng.below(l.length - l.indexOf("=") - 1);
        lines[i] = l.slice(0, eq) + "0123456789abcdef"[rng.below(16)] + l.slice(eq + 1);
        out = lines.join("\n");
        how = `${l.slice(0, l.indexOf("="))} digit ${eq}`;
        break;
      }
      default: {
        const v = rng.pick(["0", "1", "2", "-4096", "4096", "-746586112"]);
        const key = rng.pick(["NUMBER(phys_base)", "NUMBER(pgtable_l5_enabled)", "KERNELOFFSET"]);
        out = lines.map((l) => l.startsWith(`${key}=`) ? `${key}=${v}` : l).join("\n");
        how = `${key}=${v}`;
      }
    }
    const bytes = new Uint8Array(len);
    bytes.set(new TextEncoder().encode(out).subarray(0, len));
    p.set(at, bytes);
    return `vmcoreinfo at ${hex(at)}: ${how}`;
  }],
  ["percpu", 2, (rng, base, p) => {
    const l = base.build.layout, cpus = base.build.expected.cpus;
    switch (rng.below(4)) {
      case 0: {
        const cpu = rng.pick(cpus), pa = l.perCpuOffset + 8 * cpu;
        const [v, how] = pointerValue(rng, base, pa, p.getU64(atPhys(base, pa)!));
        p.u64(atPhys(base, pa)!, v);
        return `__per_cpu_offset[${cpu}] = ${how}`;
      }
      case 1: {
        const v = rng.pick([
          0,
          1,
          Math.max(...cpus) + 2,
          64,
          65,
          8192,
          8193,
          0xffffffff,
          rng.u32(),
        ]);
        p.u32(atPhys(base, l.nrCpuIds)!, v);
        return `nr_cpu_ids = ${v}`;
      }
      case 2: {
        const i = rng.below(8), v = rng.below(256);
        p.set(atPhys(base, l.possibleMask + i)!, new Uint8Array([v]));
        return `__cpu_possible_mask[${i}] = ${hex(v)}`;
      }
      default: {
        const v = rng.pick([0, 2, 4, 1024, 0xffffffff, rng.u32()]);
        p.u32(atPhys(base, l.nrNodeIds)!, v);
        return `nr_node_ids = ${v}`;
      }
    }
  }],
  ["struct", 2, (rng, base, p) => {
    const l = base.build.layout;
    const rq = rng.pick(l.runqueues), size = resolvePath(base.build.types, "rq").size;
    const off = rng.below(size) & ~7, at = atPhys(base, rq + off);
    if (at === null) return `rq ${hex(rq)}+${off}: not in the file`;
    const v = rng.oneIn(2) ? rand64(rng) : BigInt(rng.below(256));
    p.u64(at, v);
    return `rq ${hex(rq)}+${off} = ${hex(v)}`;
  }],
  ["random", 1, (rng, base, p) => {
    const l = base.build.layout;
    const n = 1 + rng.below(16), done: string[] = [];
    for (let i = 0; i < n; i++) {
      const pa = rng.oneIn(2)
        ? l.imagePhys + rng.below(l.imageSize)
        : 0x200000 + rng.below(l.imagePhys - 0x200000);
      const at = atPhys(base, pa);
      if (at === null) continue;
      p.set(at, new Uint8Array([rng.below(256)]));
      done.push(hex(pa));
    }
    return `random bytes at ${done.join(",")}`;
  }],
  ["elf", 1, (rng, base, p) => {
    if (!base.core) return "elf: a raw base";
    const phnum = new DataView(base.bytes.buffer).getUint16(0x38, true);
    const fields: [string, number, number][] = [
      ["e_phoff", 0x20, 8],
      ["e_phentsize", 0x36, 2],
      ["e_phnum", 0x38, 2],
    ];
    for (let i = 0; i < phnum; i++) {
      const h = 64 + 56 * i;
      fields.push(
        [`ph${i}.p_type`, h, 4],
        [`ph${i}.p_offset`, h + 8, 8],
        [`ph${i}.p_paddr`, h + 24, 8],
        [`ph${i}.p_filesz`, h + 32, 8],
        [`ph${i}.p_memsz`, h + 40, 8],
      );
    }
    const [name, at, size] = rng.pick(fields);
    let cur = 0n;
    for (let k = size - 1; k >= 0; k--) cur = (cur << 8n) | BigInt(p.bytes[at + k]);
    const v = rng.pick([
      0n,
      1n,
      0xffffn,
      cur + 4096n,
      cur - 4096n,
      cur * 2n,
      1n << 32n,
      // Past 2^53, where a kcore's offsets are (read exactly, or refused by a source in memory).
      (1n << 53n) - 1n,
      1n << 53n,
      (1n << 55n) + cur,
      (1n << 64n) - 1n,
      rand64(rng),
    ]);
    const b = new Uint8Array(size);
    for (let k = 0, x = BigInt.asUintN(64, v); k < size; k++, x >>= 8n) b[k] = Number(x & 0xffn);
    p.set(at, b);
    return `${name} = ${hex(BigInt.asUintN(size * 8, v))}`;
  }],
];

const TOTAL_WEIGHT = MUTATORS.reduce((n, [, w]) => n + w, 0);

/** The mutant of iteration `iteration` of run `seed` (undo it before the next). */
export function makeGuestMutant(seed: number, iteration: number): GuestMutant {
  const rng = iterationRng(seed, iteration);
  const bases = guestBases();
  const base = bases[rng.below(bases.length)];
  const p = new Patcher(base.bytes);
  const mutations: string[] = [];
  const n = 1 + rng.below(3);
  for (let i = 0; i < n; i++) {
    let r = rng.below(TOTAL_WEIGHT);
    const m = MUTATORS.find(([, w]) => (r -= w) < 0)!;
    mutations.push(m[2](rng, base, p));
  }
  let bytes = base.bytes;
  if (rng.oneIn(12)) {
    // A cut: anywhere in a core; a raw file at a whole MiB or anywhere.
    const len = base.core || rng.oneIn(2)
      ? rng.below(bytes.length)
      : (1 + rng.below(bytes.length / (1 << 20) - 1)) << 20;
    bytes = bytes.subarray(0, len);
    mutations.push(`cut to ${len} bytes`);
  }
  return { base: base.name, bytes, mutations, undo: () => p.undo() };
}

/** What one mutant did. */
export interface GuestOutcome {
  /** `loaded`: every reader returned; `rejected`: a BtfError; `exception`: anything else. */
  outcome: "loaded" | "rejected" | "exception";
  /** Where it stopped: open, kernel, rq, scx (loaded: done). */
  stage: string;
  /** For a loaded mutant: whether rq and scx equal the unmutated guest's. */
  identical?: boolean;
  /** The error's message (an exception's with its stack). */
  error?: string;
  ms: number;
}

/** Reads `bytes` by the library path; `expected` is the unmutated guest's values. */
export function readGuest(bytes: Uint8Array, expected?: GuestBuild["expected"]): GuestOutcome {
  const t0 = performance.now();
  let stage = "open";
  try {
    const image = openMemoryImage(memorySource(bytes));
    stage = "kernel";
    const kernel = findKernel(image);
    stage = "rq";
    const rq = readRunQueues(kernel);
    stage = "scx";
    const scx = readScx(kernel);
    const identical = expected === undefined
      ? undefined
      : isDeepStrictEqual(rq, expected.rq) && isDeepStrictEqual(scx, expected.scx);
    return { outcome: "loaded", stage: "done", identical, ms: performance.now() - t0 };
  } catch (err) {
    const ms = performance.now() - t0;
    if (err instanceof BtfError) return { outcome: "rejected", stage, error: err.message, ms };
    const error = err instanceof Error ? `${err.name}: ${err.message}\n${err.stack}` : String(err);
    return { outcome: "exception", stage, error, ms };
  }
}

/** A mutant that threw something other than a BtfError, took too long, or never ended. */
export interface GuestFuzzFailure {
  seed: number;
  iteration: number;
  base: string;
  mutations: string[];
  kind: "exception" | "slow" | "hang";
  detail: string;
}

/** Totals of one run. */
export interface GuestFuzzReport {
  seed: number;
  start: number;
  iterations: number;
  /** Mutants every reader read; of them, those whose values equal the unmutated guest's. */
  loaded: number;
  identical: number;
  /** Mutants refused with a BtfError, by the stage that refused them. */
  rejected: number;
  rejectedAt: Record<string, number>;
  failures: GuestFuzzFailure[];
  /** The longest a mutant took (ms), and which. */
  maxMs: number;
  maxAt: number;
  /** FNV-1a over every mutant's description: equal seeds give equal digests. */
  digest: number;
}

/** Options of a run. */
export interface GuestFuzzOptions {
  seed: number;
  iterations: number;
  start?: number;
  /** A mutant slower than this (ms) is a failure (default 2000). */
  timeLimitMs?: number;
}

function fnv(h: number, s: string): number {
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** An empty report. */
function newReport(seed: number, start: number): GuestFuzzReport {
  return {
    seed,
    start,
    iterations: 0,
    loaded: 0,
    identical: 0,
    rejected: 0,
    rejectedAt: {},
    failures: [],
    maxMs: 0,
    maxAt: -1,
    digest: 0x811c9dc5,
  };
}

/** One iteration's record, as a worker posts it. */
interface IterationRecord {
  iteration: number;
  base: string;
  mutations: string[];
  result: GuestOutcome;
}

function runIteration(seed: number, iteration: number): IterationRecord {
  const m = makeGuestMutant(seed, iteration);
  try {
    const expected = guestBases().find((b) => b.name === m.base)!.build.expected;
    return {
      iteration,
      base: m.base,
      mutations: m.mutations,
      result: readGuest(m.bytes, expected),
    };
  } finally {
    m.undo();
  }
}

function addRecord(report: GuestFuzzReport, rec: IterationRecord, timeLimitMs: number): void {
  const { result } = rec;
  report.iterations++;
  report.digest = fnv(report.digest, `${rec.iteration}|${rec.base}|${rec.mutations.join(";")}`);
  if (result.ms > report.maxMs) report.maxMs = result.ms, report.maxAt = rec.iteration;
  const fail = (kind: GuestFuzzFailure["kind"], detail: string) =>
    report.failures.push({
      seed: report.seed,
      iteration: rec.iteration,
      base: rec.base,
      mutations: rec.mutations,
      kind,
      detail,
    });
  if (result.outcome === "exception") fail("exception", `at ${result.stage}: ${result.error}`);
  else if (result.outcome === "loaded") {
    report.loaded++;
    if (result.identical) report.identical++;
  } else {
    report.rejected++;
    report.rejectedAt[result.stage] = (report.rejectedAt[result.stage] ?? 0) + 1;
  }
  if (result.ms > timeLimitMs) fail("slow", `${result.ms.toFixed(0)} ms (limit ${timeLimitMs})`);
}

/** Runs the mutants in this thread (a hang hangs the caller: see {@link runGuestFuzzIsolated}). */
export function runGuestFuzz(opts: GuestFuzzOptions): GuestFuzzReport {
  const start = opts.start ?? 0, limit = opts.timeLimitMs ?? 2000;
  const report = newReport(opts.seed, start);
  for (let i = start; i < start + opts.iterations; i++) {
    addRecord(report, runIteration(opts.seed, i), limit);
  }
  return report;
}

/** Messages between {@link runGuestFuzzIsolated} and its worker. */
type ToWorker =
  | { type: "run"; seed: number; start: number; end: number }
  | { type: "bytes"; bytes: Uint8Array };
type FromWorker =
  | { type: "ready" }
  | { type: "started"; iteration: number }
  | { type: "record"; record: IterationRecord }
  | { type: "done" };

const WORKER_NAME = "ktstr-guest-fuzz";

/** A worker could not start in this long (its module is loaded, and type-checked under test). */
const STARTUP_MS = 120_000;

/** A new worker, once it says it is ready (the watchdogs time the work, not the start). */
async function newWorker(): Promise<Worker> {
  const worker = new Worker(new URL("./guest_fuzz.ts", import.meta.url), {
    type: "module",
    name: WORKER_NAME,
  });
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error("the fuzz worker did not start")),
        STARTUP_MS,
      );
      worker.onmessage = (e: MessageEvent<FromWorker>) => {
        if (e.data.type !== "ready") return;
        clearTimeout(timer);
        resolve();
      };
      worker.onerror = (e) => {
        e.preventDefault();
        clearTimeout(timer);
        reject(new Error(`the fuzz worker did not start: ${e.message}`));
      };
    });
  } catch (err) {
    worker.terminate();
    throw err;
  }
  return worker;
}

/**
 * Runs the mutants in a worker with a watchdog: a mutant that has not ended after `hangMs`
 * (default 10 s) is a hang; the worker is stopped and a new one goes on after it. After
 * `maxHangs` hangs (default 3) the run stops.
 */
export async function runGuestFuzzIsolated(
  opts: GuestFuzzOptions & { hangMs?: number; maxHangs?: number },
): Promise<GuestFuzzReport> {
  const start = opts.start ?? 0, end = start + opts.iterations;
  const limit = opts.timeLimitMs ?? 2000, hangMs = opts.hangMs ?? 10_000;
  const report = newReport(opts.seed, start);
  let next = start, hangs = 0;
  while (next < end && hangs < (opts.maxHangs ?? 3)) {
    const worker = await newWorker();
    const hung = await new Promise<number | null>((resolve) => {
      let current = -1;
      let timer: ReturnType<typeof setTimeout> | undefined;
      const arm = () => {
        clearTimeout(timer);
        timer = setTimeout(() => resolve(current), hangMs);
      };
      worker.onmessage = (e: MessageEvent<FromWorker>) => {
        const m = e.data;
        if (m.type === "started") current = m.iteration, arm();
        else if (m.type === "record") {
          addRecord(report, m.record, limit), next = m.record.iteration + 1;
        } else clearTimeout(timer), resolve(null);
      };
      worker.onerror = (e) => {
        e.preventDefault();
        clearTimeout(timer);
        report.failures.push({
          seed: opts.seed,
          iteration: current,
          base: "?",
          mutations: [],
          kind: "exception",
          detail: `the worker died: ${e.message}`,
        });
        report.iterations++;
        next = current + 1;
        resolve(null);
      };
      arm();
      worker.postMessage({ type: "run", seed: opts.seed, start: next, end } satisfies ToWorker);
    });
    worker.terminate();
    if (hung !== null) {
      hangs++;
      const m = makeGuestMutant(opts.seed, hung);
      m.undo();
      report.iterations++;
      report.failures.push({
        seed: opts.seed,
        iteration: hung,
        base: m.base,
        mutations: m.mutations,
        kind: "hang",
        detail: `no end after ${hangMs} ms`,
      });
      next = hung + 1;
    }
  }
  return report;
}

/** Reads `bytes` by the library path in a worker: its outcome, or `hang` after `hangMs`. */
export async function readGuestIsolated(
  bytes: Uint8Array,
  hangMs = 10_000,
): Promise<GuestOutcome | { outcome: "hang"; ms: number }> {
  const worker = await newWorker();
  try {
    return await new Promise((resolve) => {
      const timer = setTimeout(() => resolve({ outcome: "hang", ms: hangMs }), hangMs);
      worker.onmessage = (e: MessageEvent<GuestOutcome>) => {
        clearTimeout(timer);
        resolve(e.data);
      };
      worker.postMessage({ type: "bytes", bytes } satisfies ToWorker);
    });
  } finally {
    worker.terminate();
  }
}

// ---- the worker side ---------------------------------------------------------------------

const self_ = globalThis as unknown as {
  name?: string;
  onmessage: ((e: MessageEvent<ToWorker>) => void) | null;
  postMessage(m: FromWorker | GuestOutcome): void;
};
if (self_.name === WORKER_NAME) {
  self_.onmessage = (e) => {
    const m = e.data;
    if (m.type === "bytes") {
      self_.postMessage(readGuest(m.bytes));
      return;
    }
    guestBases();
    for (let i = m.start; i < m.end; i++) {
      self_.postMessage({ type: "started", iteration: i });
      self_.postMessage({ type: "record", record: runIteration(m.seed, i) });
    }
    self_.postMessage({ type: "done" });
  };
  self_.postMessage({ type: "ready" });
}
