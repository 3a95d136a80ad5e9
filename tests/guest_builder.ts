/**
 * A synthetic guest memory image the guest layer reads end to end: a few MiB of raw x86_64
 * RAM laid out by a kernel's BTF (by default the fixture `testdata/era_7_3.btf`, a compiled
 * mirror of Linux 7.3's structs), every offset taken from `resolvePath`, none hard-coded.
 *
 * Physical layout (raw RAM, whole MiB):
 * - 0x200000 up: a bump heap reached through the direct map (page tables below the root,
 *   the VMCOREINFO page, per-CPU areas, tasks, the scx_sched and its DSQs, bucket table);
 * - 16 MiB (18 MiB with KASLR): the kernel image, mapped at 0xffffffff81000000 plus the
 *   KASLR slide: `_stext`, a decoy `OSRELEASE=%s` format string, the sched classes,
 *   `init_top_pgt`, `jiffies_64`, `nr_cpu_ids`, `nr_node_ids`, `scx_root`,
 *   `__cpu_possible_mask`, `__per_cpu_offset`, `init_task` (swapper/0), the `.data..percpu`
 *   template (`runqueues`, `kernel_cpustat`), kallsyms tables and the BTF blob at
 *   `__start_BTF`.
 *
 * The direct map (0xffff888000000000 with 4 levels, 0xff11000000000000 with 5, a randomised
 * base with KASLR) maps all RAM with 4 KiB, 2 MiB or 1 GiB pages from `init_top_pgt`.
 * Returns the RAM, the VMCOREINFO text, the symbols (running and link-time addresses), the
 * physical addresses of what a fuzzer may mutate, and the values the readers must report.
 * @module
 */
import { BtfError } from "../btf/errors.ts";
import { extraWords, Kind } from "../btf/kinds.ts";
import { BtfTypes } from "../btf/table.ts";
import type { Count, RqRow, RqSnapshot } from "../guest/rq.ts";
import type { Dsq, RunnableList, ScxSched, ScxSnapshot, ScxTask } from "../guest/scx.ts";
import { resolvePath } from "../query/path.ts";
import { fixture } from "./helpers.ts";

const MIB = 1 << 20;
const PAGE = 4096;
const U64 = (1n << 64n) - 1n;
/** `__START_KERNEL_map`. */
const START_KERNEL_MAP = 0xffffffff80000000n;
/** Where the image is linked (`_stext` without KASLR). */
export const IMAGE_LINK = 0xffffffff81000000n;
/** The KASLR variant's slide (KERNELOFFSET), 2 MiB aligned. */
export const KASLR_SLIDE = 0x2d400000n;
/** NR_CPUS of the synthetic kernel (the size of `__per_cpu_offset`). */
const NR_CPUS = 64;
/** SCX_DSQ_GLOBAL, SCX_DSQ_LOCAL, SCX_DSQ_BYPASS. */
const DSQ_GLOBAL = 0x8000000000000001n, DSQ_LOCAL = 0x8000000000000002n;
const DSQ_BYPASS = 0x8000000000000003n;
/** The synthetic kernel's HZ, told by the scheduler's watchdog. */
export const HZ = 250;
const TIMEOUT_MS = 5000;
/** jiffies_64 at the dump. */
export const JIFFIES = 0x100000000n + 7_654_321n;

/** What the builder makes. */
export interface GuestOptions {
  /** The possible CPUs (nr_cpu_ids is the highest plus one); default [0, 1, 3]. */
  cpus?: readonly number[];
  /** Paging levels; default 4. */
  levels?: 4 | 5;
  /** KASLR: the image slid by {@link KASLR_SLIDE}, loaded at 18 MiB, a random direct map. */
  kaslr?: boolean;
  /** Page size of the direct map; default 2m. */
  pages?: "4k" | "2m" | "1g";
  /** The kernel's BTF: bytes, or a fixture name; default `era_7_3.btf`. */
  btf?: Uint8Array | string;
  /**
   * sched_ext: `loaded` (scx_root points at a scheduler), `unloaded` (scx_root NULL),
   * `absent` (no scx_root or ext_sched_class symbol). Default: loaded when the BTF has
   * `scx_sched`, else absent.
   */
  scx?: "loaded" | "unloaded" | "absent";
  /**
   * How kallsyms encodes addresses (absolute-percpu: zero-based per-CPU, before 6.15). With
   * place-relative (7.x) the names are also sorted in `kallsyms_seqs_of_names`, right after
   * the offsets; the other has none (as 6.0 and 6.1 as released).
   */
  encoding?: "place-relative" | "absolute-percpu";
  /** RAM size in MiB; default 20. */
  ramMiB?: number;
  /** OSRELEASE; default 7.3.4-ktstr-synthetic. */
  release?: string;
  /** This many more tasks on node 0's global DSQ. */
  longList?: number;
  /** The first CPU's local DSQ: its last node points back at its first (not at the head). */
  cyclic?: boolean;
  /** A BPF DSQ iterator's cursor between the first CPU's local DSQ's tasks. */
  cursor?: boolean;
}

/** A symbol as kallsyms and symbol files give it. */
export interface GuestSymbol {
  name: string;
  type: string;
  /** The running address (slid by KASLR). */
  address: bigint;
}

/** The values the readers must report: what the builder wrote. */
export interface GuestExpected {
  release: string;
  cpus: number[];
  levels: 4 | 5;
  kaslrOffset: string;
  /** What readRunQueues returns for every possible CPU. */
  rq: RqSnapshot;
  /** What readScx returns. */
  scx: ScxSnapshot;
}

/** Physical addresses of what a fuzzer may mutate. */
export interface GuestLayout {
  /** The direct map's base. */
  directMap: bigint;
  /** The image: its physical start and size. */
  imagePhys: number;
  imageSize: number;
  /** Every page-table entry written (physical address of the 8-byte entry). */
  pageTableEntries: number[];
  /** The root table (init_top_pgt), physical. */
  root: number;
  /** The VMCOREINFO text: physical address and length. */
  vmcoreinfo: { at: number; length: number };
  /** kallsyms tables: physical address and length of each. */
  kallsyms: Record<
    "tokenTable" | "tokenIndex" | "numSyms" | "offsets" | "names" | "seqsOfNames",
    [number, number]
  >;
  /** `__per_cpu_offset`, physical, and `nr_cpu_ids`, `__cpu_possible_mask`, `nr_node_ids`. */
  perCpuOffset: number;
  nrCpuIds: number;
  possibleMask: number;
  nrNodeIds: number;
  /** Every list_head next and prev pointer written (physical addresses of the 8 bytes). */
  listPointers: number[];
  /** The rhashtable: its `tbl` pointer, the bucket table's `size`, its buckets, chain nexts. */
  hash: { tbl: number; size: number; buckets: number[]; nexts: number[] } | null;
  /** Pointers of the scheduler (scx_root, pcpu, pnode, pnode[0]) and each rq's curr/idle. */
  pointers: number[];
  /** Each possible CPU's run queue, physical. */
  runqueues: number[];
}

/** A built guest. */
export interface GuestBuild {
  /** The raw RAM (whole MiB). */
  ram: Uint8Array;
  /** The VMCOREINFO text. */
  vmcoreinfo: string;
  /** The BTF the memory is laid out by (also at `__start_BTF`). */
  btf: Uint8Array;
  types: BtfTypes;
  /** Every kallsyms symbol, sorted by address. */
  symbols: GuestSymbol[];
  /** The KASLR slide. */
  kernelOffset: bigint;
  /** phys_base (signed). */
  physBase: bigint;
  layout: GuestLayout;
  expected: GuestExpected;
}

/** `v` as the readers count it: a number when exact, else its decimal string. */
function count(v: bigint): Count {
  return v <= BigInt(Number.MAX_SAFE_INTEGER) && v >= -BigInt(Number.MAX_SAFE_INTEGER)
    ? Number(v)
    : v.toString();
}

const alignUp = (n: number, a: number) => Math.ceil(n / a) * a;

/** The BTF of fixture `name`, or the bytes given. */
function btfBytes(btf: Uint8Array | string | undefined): Uint8Array {
  if (btf instanceof Uint8Array) return btf;
  return Deno.readFileSync(fixture(btf ?? "era_7_3.btf"));
}

/**
 * `btf` with members renamed: `renames` maps `struct.member` to the new name (appended to the
 * string section), so a kernel built without a feature can be mirrored (`rq.scx` →
 * `rq.scx_disabled`: no sched_ext) with every other offset unchanged.
 */
export function renameMembers(btf: Uint8Array, renames: Record<string, string>): Uint8Array {
  const v = new DataView(btf.buffer, btf.byteOffset, btf.byteLength);
  const hdrLen = v.getUint32(4, true);
  const typeOff = v.getUint32(8, true), typeLen = v.getUint32(12, true);
  const strOff = v.getUint32(16, true), strLen = v.getUint32(20, true);
  const strAt = hdrLen + strOff;
  if (strAt + strLen !== btf.length) throw new Error("renameMembers: strings are not last");
  const dec = new TextDecoder();
  const str = (off: number) => {
    const end = btf.indexOf(0, strAt + off);
    return dec.decode(btf.subarray(strAt + off, end));
  };
  const added = Object.values(renames).map((n) => new TextEncoder().encode(`${n}\0`));
  const out = new Uint8Array(btf.length + added.reduce((n, a) => n + a.length, 0));
  out.set(btf);
  const o = new DataView(out.buffer);
  const newOff = new Map<string, number>();
  let end = strLen;
  Object.values(renames).forEach((n, i) => {
    out.set(added[i], strAt + end);
    newOff.set(n, end);
    end += added[i].length;
  });
  o.setUint32(20, end, true);
  let done = 0;
  for (let at = hdrLen + typeOff; at < hdrLen + typeOff + typeLen;) {
    const name = str(v.getUint32(at, true)), info = v.getUint32(at + 4, true);
    const kind = (info >>> 24) & 0x1f, vlen = info & 0xffff;
    if (kind === Kind.STRUCT || kind === Kind.UNION) {
      for (let i = 0; i < vlen; i++) {
        const m = at + 12 + 12 * i, key = `${name}.${str(v.getUint32(m, true))}`;
        if (key in renames) o.setUint32(m, newOff.get(renames[key])!, true), done++;
      }
    }
    at += 12 + 4 * extraWords(kind, vlen);
  }
  if (done !== Object.keys(renames).length) throw new Error("renameMembers: a member is missing");
  return out;
}

/** The era_7_3 mirror with `rq.scx` and `task_struct.scx` renamed: a kernel without sched_ext. */
export function noSchedExtBtf(): Uint8Array {
  return renameMembers(btfBytes(undefined), {
    "rq.scx": "scx_disabled",
    "task_struct.scx": "scx_disabled",
  });
}

/** Token table of the synthetic kallsyms: multi-character tokens first, then characters. */
const MULTI_TOKENS = [
  "sched_",
  "_class",
  "kallsyms_",
  "per_cpu",
  "_offset",
  "Bscx_",
  "T_s",
  "ktstr_fn_",
  "Dnr_",
  "__",
];

/** Encodes `typed` (type letter first) as token indexes, longest token first. */
function tokenize(typed: string): number[] {
  const sorted = MULTI_TOKENS.map((t, i) => [t, i] as const).sort((a, b) =>
    b[0].length - a[0].length
  );
  const codes: number[] = [];
  for (let k = 0; k < typed.length;) {
    const hit = sorted.find(([t]) => typed.startsWith(t, k));
    if (hit) codes.push(hit[1]), k += hit[0].length;
    else codes.push(typed.charCodeAt(k++));
  }
  return codes;
}

/** Reads member paths of one BTF. */
class Layout {
  constructor(readonly types: BtfTypes) {}
  #cache = new Map<string, { offset: number; size: number } | BtfError>();
  /** Where `path` is, or the BtfError of its lookup. */
  at(path: string): { offset: number; size: number } | BtfError {
    let r = this.#cache.get(path);
    if (r === undefined) {
      try {
        const p = resolvePath(this.types, path);
        r = { offset: p.offset, size: p.size };
      } catch (err) {
        if (!(err instanceof BtfError)) throw err;
        r = err;
      }
      this.#cache.set(path, r);
    }
    return r;
  }
  has(path: string): boolean {
    return !(this.at(path) instanceof BtfError);
  }
  off(path: string): number {
    const r = this.at(path);
    if (r instanceof BtfError) throw r;
    return r.offset;
  }
  size(path: string): number {
    const r = this.at(path);
    if (r instanceof BtfError) throw r;
    return r.size;
  }
  /** The message reading `path` would fail with, or undefined. */
  error(path: string): string | undefined {
    const r = this.at(path);
    return r instanceof BtfError ? r.message : undefined;
  }
}

/** Builds a synthetic guest. */
export function buildGuest(opts: GuestOptions = {}): GuestBuild {
  const btf = btfBytes(opts.btf);
  const types = BtfTypes.build(btf);
  const L = new Layout(types);
  const cpus = [...(opts.cpus ?? [0, 1, 3])];
  const levels = opts.levels ?? 4;
  const kaslr = opts.kaslr ?? false;
  const pages = opts.pages ?? "2m";
  const encoding = opts.encoding ?? "place-relative";
  const ramSize = (opts.ramMiB ?? 20) * MIB;
  const release = opts.release ?? "7.3.4-ktstr-synthetic";
  const hasScxBtf = L.has("rq.scx") && L.has("scx_sched.ops");
  const scxMode = opts.scx ?? (hasScxBtf ? "loaded" : "absent");
  const withScxRoot = scxMode !== "absent" && L.has("scx_sched.ops");
  const loaded = scxMode === "loaded" && withScxRoot;
  const rqScx = L.has("rq.scx");
  const nrCpuIds = Math.max(...cpus) + 1;

  const ram = new Uint8Array(ramSize);
  const slide = kaslr ? KASLR_SLIDE : 0n;
  const imageVa = IMAGE_LINK + slide;
  const imagePhys = kaslr ? 18 * MIB : 16 * MIB;
  const physBase = BigInt(imagePhys) - (imageVa - START_KERNEL_MAP);
  const directMap = levels === 5
    ? (kaslr ? 0xff4b3c0000000000n : 0xff11000000000000n)
    : (kaslr ? 0xffff9b2c40000000n : 0xffff888000000000n);

  // ---- allocators -------------------------------------------------------------------------
  let heap = 0x200000;
  const heapAlloc = (size: number, align = 64) => {
    heap = alignUp(heap, align);
    const at = heap;
    heap += Math.max(size, 1);
    if (heap > imagePhys) throw new Error("guest builder: the heap runs into the image");
    return at;
  };
  let imageEnd = 0x1000;
  const imageAlloc = (size: number, align = 64) => {
    imageEnd = alignUp(imageEnd, align);
    const off = imageEnd;
    imageEnd += Math.max(size, 1);
    return imageVa + BigInt(off);
  };
  const dm = (phys: number) => directMap + BigInt(phys);
  let imageLimit = Infinity;
  const phys = (va: bigint): number => {
    va &= U64;
    if (va >= imageVa && va < imageVa + BigInt(Math.min(imageLimit, 64 * MIB))) {
      return imagePhys + Number(va - imageVa);
    }
    if (va >= directMap && va < directMap + BigInt(ramSize)) return Number(va - directMap);
    throw new Error(`guest builder: 0x${va.toString(16)} is neither image nor direct map`);
  };
  const putAt = (pa: number, size: number, value: bigint) => {
    let v = BigInt.asUintN(64, value);
    for (let i = 0; i < size; i++, v >>= 8n) ram[pa + i] = Number(v & 0xffn);
  };
  const u64At = (va: bigint, value: bigint) => putAt(phys(va), 8, value);
  /** Writes `value` at member `path` of the struct at `base` (at its size, up to 8 bytes). */
  const put = (base: bigint, path: string, value: bigint | number) =>
    putAt(phys(base + BigInt(L.off(path))), Math.min(L.size(path), 8), BigInt(value));
  const putStr = (base: bigint, path: string, s: string) => {
    const b = new TextEncoder().encode(s);
    ram.set(b.subarray(0, L.size(path) - 1), phys(base + BigInt(L.off(path))));
  };
  const sizeOf = (struct: string) => L.size(struct);

  const layout: GuestLayout = {
    directMap,
    imagePhys,
    imageSize: 0,
    pageTableEntries: [],
    root: 0,
    vmcoreinfo: { at: 0, length: 0 },
    kallsyms: {
      tokenTable: [0, 0],
      tokenIndex: [0, 0],
      numSyms: [0, 0],
      offsets: [0, 0],
      names: [0, 0],
      seqsOfNames: [0, 0],
    },
    perCpuOffset: 0,
    nrCpuIds: 0,
    possibleMask: 0,
    nrNodeIds: 0,
    listPointers: [],
    hash: null,
    pointers: [],
    runqueues: [],
  };

  // ---- the image's data ---------------------------------------------------------------------
  const syms: { name: string; type: string; address: bigint }[] = [];
  const sym = (name: string, type: string, address: bigint) => {
    syms.push({ name, type, address });
    return address;
  };
  sym("_stext", "T", imageVa);
  for (let i = 0; i < 300; i++) sym(`ktstr_fn_${i}`, i % 3 ? "t" : "T", imageVa + BigInt(16 * i));
  sym("ktstr_static", "t", imageVa + 0x1200n);
  sym("ktstr_static", "t", imageVa + 0x1300n); // a repeated static name
  const decoy = imageAlloc(32);
  ram.set(new TextEncoder().encode("OSRELEASE=%s\n\0"), phys(decoy));
  const classes: Record<string, bigint> = {};
  for (const c of ["stop", "dl", "rt", "fair", "ext", "idle"]) {
    if (c === "ext" && !withScxRoot) continue;
    classes[c] = sym(`${c}_sched_class`, "D", imageAlloc(0xd0));
  }
  const topPgt = sym("init_top_pgt", "D", imageAlloc(PAGE, PAGE));
  const jiffies = sym("jiffies_64", "D", imageAlloc(8));
  const nrCpuIdsVa = sym("nr_cpu_ids", "D", imageAlloc(4));
  const nrNodeIdsVa = sym("nr_node_ids", "D", imageAlloc(4));
  const scxRoot = withScxRoot ? sym("scx_root", "B", imageAlloc(8)) : 0n;
  const possibleMask = sym("__cpu_possible_mask", "D", imageAlloc(NR_CPUS / 8));
  const perCpuOffsetVa = sym("__per_cpu_offset", "D", imageAlloc(8 * NR_CPUS));
  const initTask = sym("init_task", "D", imageAlloc(sizeOf("task_struct"), 64));
  // .data..percpu: linked in the image (6.15 on), or at 0 (zero-based, before).
  const rqOff = 0x40;
  const cpustatOff = alignUp(rqOff + sizeOf("rq"), 64);
  const dynOff = alignUp(cpustatOff + sizeOf("kernel_cpustat"), 64);
  const pcpuSize = L.has("scx_sched_pcpu") ? sizeOf("scx_sched_pcpu") : 0;
  const unitSize = alignUp(dynOff + pcpuSize + 0x100, PAGE);
  const sectionVa = encoding === "absolute-percpu" ? 0n : imageAlloc(unitSize, PAGE);
  if (encoding !== "absolute-percpu") sym("__per_cpu_start", "D", sectionVa);
  const runqueues = sym("runqueues", "D", sectionVa + BigInt(rqOff));
  const kernelCpustat = sym("kernel_cpustat", "D", sectionVa + BigInt(cpustatOff));

  // ---- page tables: the direct map ------------------------------------------------------------
  const rootPhys = phys(topPgt);
  layout.root = rootPhys;
  const entry = (table: number, index: number, value: bigint) => {
    putAt(table + 8 * index, 8, value);
    layout.pageTableEntries.push(table + 8 * index);
  };
  const TABLE = 0x63n; // present, rw, accessed, dirty
  const LEAF = 0x163n | (1n << 63n); // + global, NX
  const HUGE = 0x80n;
  const index = (va: bigint, level: number) =>
    Number((va >> BigInt(12 + 9 * (level - 1))) & 0x1ffn);
  let table = rootPhys;
  for (let level = levels; level > 3; level--) {
    const next = heapAlloc(PAGE, PAGE);
    entry(table, index(directMap, level), BigInt(next) | TABLE);
    table = next;
  }
  const pud = table;
  if (pages === "1g") {
    entry(pud, index(directMap, 3), 0n | LEAF | HUGE);
  } else {
    const pmd = heapAlloc(PAGE, PAGE);
    entry(pud, index(directMap, 3), BigInt(pmd) | TABLE);
    for (let i = 0; i < ramSize / (2 * MIB); i++) {
      if (pages === "2m") {
        entry(pmd, i, BigInt(i * 2 * MIB) | LEAF | HUGE);
        continue;
      }
      const pte = heapAlloc(PAGE, PAGE);
      entry(pmd, i, BigInt(pte) | TABLE);
      for (let j = 0; j < 512; j++) entry(pte, j, BigInt((i * 512 + j) * PAGE) | LEAF);
    }
  }

  // ---- lists -------------------------------------------------------------------------------
  const nextOff = L.off("list_head.next"), prevOff = L.off("list_head.prev");
  const link = (at: bigint, next: bigint, prev: bigint) => {
    u64At(at + BigInt(nextOff), next);
    u64At(at + BigInt(prevOff), prev);
    layout.listPointers.push(phys(at + BigInt(nextOff)), phys(at + BigInt(prevOff)));
  };
  /** Links `nodes` after `head`; with `loopTo`, the last node's next is that node. */
  const linkList = (head: bigint, nodes: bigint[], loopTo?: bigint) => {
    const ring = [head, ...nodes];
    ring.forEach((n, i) => {
      const next = ring[(i + 1) % ring.length], prev = ring[(i - 1 + ring.length) % ring.length];
      link(n, i === ring.length - 1 && loopTo !== undefined ? loopTo : next, prev);
    });
  };

  // ---- tasks -------------------------------------------------------------------------------
  // The watchdog's timeout is scx_sched's (7.1 on) or the global scx_watchdog_timeout.
  const hz = loaded && L.has("scx_sched.ops.timeout_ms") ? HZ : null;
  const taskSize = sizeOf("task_struct");
  const hasTaskScx = L.has("task_struct.scx.dsq_list.node");
  const dsqNode = hasTaskScx ? L.off("task_struct.scx.dsq_list.node") : 0;
  const runnableNode = hasTaskScx ? L.off("task_struct.scx.runnable_node") : 0;
  interface Task {
    va: bigint;
    pid: number;
    comm: string;
    scx: ScxTask;
  }
  const writeTask = (va: bigint, pid: number, comm: string, cls: string): Task => {
    put(va, "task_struct.pid", pid);
    if (L.has("task_struct.tgid")) put(va, "task_struct.tgid", pid);
    putStr(va, "task_struct.comm", comm);
    put(va, "task_struct.sched_class", classes[cls] ?? 0n);
    const vtime = pid === 1000 ? (1n << 60n) + 1000n : BigInt(pid) * 1_000_003n;
    const slice = BigInt(20_000_000 - pid * 1000);
    const weight = 100 + (pid % 7);
    const ageJiffies = BigInt((pid % 50) * 25);
    if (hasTaskScx) {
      put(va, "task_struct.scx.dsq_vtime", vtime);
      put(va, "task_struct.scx.slice", slice);
      put(va, "task_struct.scx.weight", weight);
      put(va, "task_struct.scx.runnable_at", JIFFIES - ageJiffies);
      // Off every list: both nodes point at themselves.
      for (const off of [dsqNode, runnableNode]) {
        u64At(va + BigInt(off + nextOff), va + BigInt(off));
        u64At(va + BigInt(off + prevOff), va + BigInt(off));
      }
    }
    return {
      va,
      pid,
      comm,
      scx: {
        pid,
        comm,
        dsq_vtime: count(vtime),
        slice: count(slice),
        weight,
        runnable_age_ms: hz === null ? null : Math.round(Number(ageJiffies) * 1000 / hz),
      },
    };
  };
  const newTask = (pid: number, comm: string, cls: string) =>
    writeTask(dm(heapAlloc(taskSize, 64)), pid, comm, cls);

  // ---- per-CPU areas -----------------------------------------------------------------------
  const perCpuOffsets = new Map<number, bigint>();
  for (let cpu = 0; cpu < NR_CPUS; cpu++) {
    // Impossible CPUs keep a poison offset: reading them is a bug.
    u64At(perCpuOffsetVa + BigInt(8 * cpu), 0xdead4ead00000000n + BigInt(cpu));
  }
  for (const cpu of cpus) {
    const area = dm(heapAlloc(unitSize, PAGE));
    const off = (area - sectionVa) & U64;
    perCpuOffsets.set(cpu, off);
    u64At(perCpuOffsetVa + BigInt(8 * cpu), off);
  }
  const perCpu = (va: bigint, cpu: number) => (va + perCpuOffsets.get(cpu)!) & U64;
  layout.perCpuOffset = phys(perCpuOffsetVa);
  putAt(phys(nrCpuIdsVa), 4, BigInt(nrCpuIds));
  layout.nrCpuIds = phys(nrCpuIdsVa);
  for (const cpu of cpus) ram[phys(possibleMask) + (cpu >> 3)] |= 1 << (cpu & 7);
  layout.possibleMask = phys(possibleMask);
  putAt(phys(nrNodeIdsVa), 4, 1n);
  layout.nrNodeIds = phys(nrNodeIdsVa);
  u64At(jiffies, JIFFIES);

  // ---- run queues --------------------------------------------------------------------------
  const kickPath = L.has("scx_rq.kick_sync") ? "rq.scx.kick_sync" : "rq.scx.pnt_seq";
  const rqMissing: Record<string, string> = {};
  const schedstatPaths = {
    run_delay: "rq.rq_sched_info.run_delay",
    pcount: "rq.rq_sched_info.pcount",
    yld_count: "rq.yld_count",
    sched_count: "rq.sched_count",
    sched_goidle: "rq.sched_goidle",
    ttwu_count: "rq.ttwu_count",
    ttwu_local: "rq.ttwu_local",
  };
  const cputimeNames = ["user", "nice", "system", "softirq", "irq", "idle", "iowait", "steal"];
  const rows: RqRow[] = [];
  const localTasks = new Map<number, Task[]>();
  const runnableTasks = new Map<number, Task[]>();
  const ext = loaded;
  cpus.forEach((cpu, idx) => {
    const rq = perCpu(runqueues, cpu);
    layout.runqueues.push(phys(rq));
    const idle = cpu === 0
      ? writeTask(initTask, 0, "swapper/0", "idle")
      : newTask(0, `swapper/${cpu}`, "idle");
    const role = idx % 3;
    const curr = role === 0
      ? newTask(2000 + cpu, `worker-${cpu}`, ext ? "ext" : "fair")
      : role === 1
      ? idle
      : newTask(3000 + cpu, `kworker/${cpu}:1`, "fair");
    const currClass = role === 0 ? (ext ? "ext" : "fair") : role === 1 ? "idle" : "fair";
    const local = ext
      ? Array.from(
        { length: [2, 0, 1][role] },
        (_, k) => newTask(1000 + cpu * 10 + k, `stress-${cpu}-${k}`, "ext"),
      )
      : [];
    const runnable = [...(role === 0 && ext ? [curr] : []), ...local];
    localTasks.set(cpu, local);
    runnableTasks.set(cpu, runnable);
    const nrRunning = runnable.length + (currClass === "fair" ? 1 : 0);
    const clock = idx === cpus.length - 1 && idx > 0
      ? (1n << 55n) + BigInt(cpu)
      : 5_000_000_000_000n + BigInt(cpu) * 1_000_000n + 123n;
    put(rq, "rq.cpu", cpu);
    if (L.has("rq.online")) put(rq, "rq.online", 1);
    put(rq, "rq.nr_running", nrRunning);
    put(rq, "rq.clock", clock);
    put(rq, "rq.curr", curr.va);
    put(rq, "rq.idle", idle.va);
    layout.pointers.push(phys(rq + BigInt(L.off("rq.curr"))), phys(rq + BigInt(L.off("rq.idle"))));
    let scx: RqRow["scx"] = null;
    if (rqScx) {
      const flags = idx === 1 ? 0x3 : 0x1;
      const released = idx % 2 === 1;
      const kick = BigInt(40 + cpu * 3);
      put(rq, "rq.scx.nr_running", runnable.length);
      put(rq, "rq.scx.flags", flags);
      put(rq, "rq.scx.cpu_released", released ? 1 : 0);
      put(rq, kickPath, kick);
      put(rq, "rq.scx.local_dsq.nr", local.length);
      put(rq, "rq.scx.local_dsq.id", DSQ_LOCAL);
      scx = {
        nr_running: runnable.length,
        flags,
        cpu_released: released,
        kick_sync: count(kick),
        local_dsq: { nr: local.length },
      };
    } else rqMissing.scx ??= L.error("rq.scx.nr_running")!;
    const schedstat: Record<string, Count> = {};
    let hasSchedstat = true;
    Object.entries(schedstatPaths).forEach(([k, path], i) => {
      if (!L.has(path)) {
        rqMissing.schedstat ??= L.error(path)!;
        hasSchedstat = false;
        return;
      }
      const v = BigInt((cpu + 1) * 1000 + i * 17);
      put(rq, path, v);
      schedstat[k] = count(v);
    });
    const cpustat: Record<string, Count> = {};
    const statAt = perCpu(kernelCpustat, cpu) + BigInt(L.off("kernel_cpustat.cpustat"));
    for (let k = 0; k < 10; k++) {
      const v = k === 0 && idx === cpus.length - 1
        ? (1n << 60n) + BigInt(cpu)
        : BigInt(cpu + 1) * 1_000_000_000n + BigInt(k) * 1_000_000n;
      u64At(statAt + BigInt(8 * k), v);
      if (k < cputimeNames.length) cpustat[cputimeNames[k]] = count(v);
    }
    rows.push({
      cpu,
      nr_running: nrRunning,
      clock: count(clock),
      curr: { pid: curr.pid, comm: curr.comm, class: currClass },
      scx,
      schedstat: hasSchedstat ? schedstat : null,
      cpustat,
    });
  });

  // ---- DSQs and runnable lists ---------------------------------------------------------------
  const dsqs: Dsq[] = [];
  const scxMissing: Record<string, string> = {};
  const taskList = (tasks: Task[]) => tasks.map((t) => t.scx);
  /** Writes a DSQ at `at` holding `tasks` (nr: their count) and its expected value. */
  const writeDsq = (
    at: bigint,
    id: bigint,
    tasks: Task[],
    kind: Dsq["kind"],
    where: { cpu?: number; node?: number },
    extra: { loop?: boolean; cursor?: boolean } = {},
  ): Dsq => {
    put(at, "scx_dispatch_q.id", id);
    put(at, "scx_dispatch_q.nr", tasks.length);
    const nodes = tasks.map((t) => t.va + BigInt(dsqNode));
    if (extra.cursor && nodes.length > 0) {
      const cursor = dm(heapAlloc(sizeOf("scx_dsq_list_node"), 64));
      // SCX_DSQ_LNODE_ITER_CURSOR | SCX_DSQ_ITER_REV, as bpf_iter_scx_dsq_new() sets it.
      put(cursor, "scx_dsq_list_node.flags", 1 | (1 << 16));
      nodes.splice(1, 0, cursor + BigInt(L.off("scx_dsq_list_node.node")));
    }
    const head = at + BigInt(L.off("scx_dispatch_q.list"));
    linkList(head, nodes, extra.loop && nodes.length > 0 ? nodes[0] : undefined);
    if (tasks.length > 0 && L.has("scx_dispatch_q.first_task")) {
      put(at, "scx_dispatch_q.first_task", tasks[0].va);
    }
    const shown = tasks.slice(0, 4096);
    const note = extra.loop && nodes.length > 0
      ? `the list loops at 0x${nodes[0].toString(16)}`
      : tasks.length > 4096
      ? "stopped after 4096 entries"
      : undefined;
    return {
      id: `0x${id.toString(16)}`,
      kind,
      ...where,
      nr: tasks.length,
      tasks: taskList(shown),
      ...(note ? { note } : {}),
    };
  };
  const runnable: RunnableList[] = [];
  if (withScxRoot && rqScx) {
    cpus.forEach((cpu, idx) => {
      const rq = perCpu(runqueues, cpu);
      dsqs.push(writeDsq(
        rq + BigInt(L.off("rq.scx.local_dsq")),
        DSQ_LOCAL,
        localTasks.get(cpu)!,
        "local",
        { cpu },
        { loop: opts.cyclic && idx === 0, cursor: opts.cursor && idx === 0 },
      ));
      const tasks = runnableTasks.get(cpu)!;
      linkList(
        rq + BigInt(L.off("rq.scx.runnable_list")),
        tasks.map((t) => t.va + BigInt(runnableNode)),
      );
      runnable.push({ cpu, tasks: taskList(tasks) });
    });
  } else if (rqScx) {
    // Empty lists all the same.
    for (const cpu of cpus) {
      const rq = perCpu(runqueues, cpu);
      linkList(rq + BigInt(L.off("rq.scx.local_dsq.list")), []);
      linkList(rq + BigInt(L.off("rq.scx.runnable_list")), []);
    }
  }

  // ---- the root scheduler ---------------------------------------------------------------------
  let sched: ScxSched | null = null;
  if (withScxRoot) layout.pointers.push(phys(scxRoot));
  if (!withScxRoot) {
    scxMissing.sched = "no scx_root in kallsyms in guest memory " +
      "(no sched_ext, or sched_ext before 6.16)";
  } else if (!loaded) {
    u64At(scxRoot, 0n);
    scxMissing.sched = "no BPF scheduler is loaded (scx_root is NULL)";
  } else {
    const root = dm(heapAlloc(sizeOf("scx_sched") + 8 * 4, 64));
    u64At(scxRoot, root);
    /** Writes `path` of the scheduler when this kernel has it. */
    const maybe = (path: string, value: bigint | number) => {
      if (L.has(path)) put(root, path, value);
    };
    putStr(root, "scx_sched.ops.name", "ktstr_synth");
    maybe("scx_sched.ops.timeout_ms", TIMEOUT_MS);
    const watchdog = BigInt(TIMEOUT_MS * HZ / 1000);
    maybe("scx_sched.watchdog_timeout", watchdog);
    maybe("scx_sched.exit_kind.counter", 1026);
    maybe("scx_sched.aborting", 1);
    maybe("scx_sched.bypass_depth", 2);
    // Before scx_sched held them: the globals scx_bypass_depth (to 6.18) and
    // scx_watchdog_timeout (to 7.0); 6.16 to 6.18 have no aborting at all.
    const schedMissing: Record<string, string> = {};
    if (!L.has("scx_sched.bypass_depth")) {
      putAt(phys(sym("scx_bypass_depth", "b", imageAlloc(4, 4))), 4, 2n);
    }
    if (!L.has("scx_sched.watchdog_timeout")) {
      u64At(sym("scx_watchdog_timeout", "b", imageAlloc(8, 8)), watchdog);
    }
    if (!L.has("scx_sched.aborting")) {
      schedMissing["sched.aborting"] = `${L.error("scx_sched.aborting")}, and no scx_aborting ` +
        "in kallsyms in guest memory";
    }
    // Per-CPU part: a dynamic per-CPU allocation at dynOff in every unit (6.18 on; 6.16's
    // event_stats_cpu points at the counters alone).
    const pcpu = sectionVa + BigInt(dynOff);
    const pcpuPath = L.has("scx_sched.pcpu") ? "scx_sched.pcpu" : "scx_sched.event_stats_cpu";
    const statsBase = pcpuPath === "scx_sched.pcpu" ? L.off("scx_sched_pcpu.event_stats") : 0;
    put(root, pcpuPath, pcpu);
    layout.pointers.push(phys(root + BigInt(L.off(pcpuPath))));
    const statsStruct = resolvePath(types, "scx_event_stats").typeId;
    const { words, at: w0, count: members } = types.elements(statsStruct);
    const events: Record<string, Count> = {};
    for (let m = 0; m < members; m++) {
      const name = types.stringAt(words[w0 + 3 * m]), off = words[w0 + 3 * m + 2] / 8;
      let sum = 0n;
      cpus.forEach((cpu, idx) => {
        const v = name === "SCX_EV_BYPASS_DURATION"
          ? (1n << 52n) + BigInt(idx)
          : m % 3 === 0
          ? BigInt((m + 1) * (idx + 1))
          : m === 4
          ? -BigInt(idx + 1)
          : 0n;
        u64At(perCpu(pcpu, cpu) + BigInt(statsBase + off), v);
        sum += v;
      });
      events[name] = count(sum);
    }
    // The reader's paths in its order: the first this kernel lacks makes `sched` null.
    const schedLacks = [
      L.has("scx_sched.pcpu") ? "scx_sched_pcpu.event_stats" : "scx_sched.event_stats_cpu",
      "scx_sched.ops.name",
      "scx_sched.exit_kind.counter",
    ].find((path) => !L.has(path));
    if (schedLacks === undefined) {
      sched = {
        ops: "ktstr_synth",
        exit_kind: 1026,
        aborting: L.has("scx_sched.aborting") ? true : null,
        bypass_depth: 2,
        watchdog_timeout: count(watchdog),
        events,
      };
      Object.assign(scxMissing, schedMissing);
    } else scxMissing.sched = L.error(schedLacks)!;
    // Node 0's global DSQ: scx_sched.pnode[0]->global_dsq (7.1 on), else global_dsqs[0].
    const pnodeArray = dm(heapAlloc(8, 64));
    const globalTasks = [newTask(4000, "global-0", "ext")];
    for (let i = 0; i < (opts.longList ?? 0); i++) {
      globalTasks.push(newTask(10000 + i, `long-${i}`, "ext"));
    }
    const pnodePath = L.has("scx_sched.pnode") ? "scx_sched.pnode" : "scx_sched.global_dsqs";
    put(root, pnodePath, pnodeArray);
    layout.pointers.push(phys(root + BigInt(L.off(pnodePath))), phys(pnodeArray));
    const globalAt = pnodePath === "scx_sched.pnode"
      ? dm(heapAlloc(sizeOf("scx_sched_pnode"), 64))
      : dm(heapAlloc(sizeOf("scx_dispatch_q"), 64));
    u64At(pnodeArray, globalAt);
    const globalDsq = writeDsq(
      globalAt + BigInt(pnodePath === "scx_sched.pnode" ? L.off("scx_sched_pnode.global_dsq") : 0),
      DSQ_GLOBAL,
      globalTasks,
      "global",
      { node: 0 },
    );
    dsqs.push(globalDsq);
    // Each CPU's bypass DSQ: the first CPU's holds one task.
    if (L.has("scx_sched_pcpu.bypass_dsq") && pcpuPath === "scx_sched.pcpu") {
      cpus.forEach((cpu, idx) => {
        const at = perCpu(pcpu, cpu) + BigInt(L.off("scx_sched_pcpu.bypass_dsq"));
        const tasks = idx === 0 ? [newTask(4100 + cpu, `bypassed-${cpu}`, "ext")] : [];
        dsqs.push(writeDsq(at, DSQ_BYPASS, tasks, "bypass", { cpu }));
      });
    } else {
      scxMissing["dsqs.bypass"] = L.error("scx_sched.pcpu") ??
        L.error("scx_sched_pcpu.bypass_dsq")!;
    }
    // dsq_hash: a bucket table of 4; bucket 2 chains two user DSQs (its lock bit set).
    const buckets = 4;
    const tbl = dm(heapAlloc(sizeOf("bucket_table") + 8 * buckets, 64));
    const tblPtr = root + BigInt(L.off("scx_sched.dsq_hash") + L.off("rhashtable.tbl"));
    u64At(tblPtr, tbl);
    put(tbl, "bucket_table.size", buckets);
    const bucketAt = (b: number) => tbl + BigInt(L.off("bucket_table.buckets") + 8 * b);
    const users: { id: bigint; tasks: Task[] }[] = [
      { id: 0x10n, tasks: [newTask(5000, "user-dsq-task", "ext")] },
      { id: 0x2an, tasks: [] },
    ];
    const hashNode = L.off("scx_dispatch_q.hash_node");
    const userAt = users.map(() => dm(heapAlloc(sizeOf("scx_dispatch_q"), 64)));
    const nexts: number[] = [];
    for (let b = 0; b < buckets; b++) u64At(bucketAt(b), 0n);
    u64At(bucketAt(2), (userAt[0] + BigInt(hashNode)) | 1n);
    users.forEach((u, i) => {
      const node = userAt[i] + BigInt(hashNode);
      const next = i + 1 < users.length ? userAt[i + 1] + BigInt(hashNode) : (bucketAt(2) | 1n); // RHT_NULLS_MARKER(&buckets[2])
      u64At(node + BigInt(L.off("rhash_head.next")), next);
      nexts.push(phys(node + BigInt(L.off("rhash_head.next"))));
      dsqs.push(writeDsq(userAt[i], u.id, u.tasks, "user", {}));
    });
    layout.hash = {
      tbl: phys(tblPtr),
      size: phys(tbl + BigInt(L.off("bucket_table.size"))),
      buckets: Array.from({ length: buckets }, (_, b) => phys(bucketAt(b))),
      nexts,
    };
  }

  // ---- VMCOREINFO, kallsyms, BTF -----------------------------------------------------------
  // The names are known now, so the tables can be sized before their addresses are.
  const kallsymsNames = [
    "kallsyms_token_table",
    "kallsyms_token_index",
    "kallsyms_num_syms",
    ...(encoding === "absolute-percpu" ? ["kallsyms_relative_base"] : []),
    "kallsyms_offsets",
    "kallsyms_names",
  ];
  const allNames = [
    ...syms.map((s) => s.type + s.name),
    ...kallsymsNames.map((n) => "R" + n),
    "R__start_BTF",
    "R__stop_BTF",
    "R_end",
  ];
  const symbolCount = allNames.length;
  const encoded = allNames.map(tokenize);
  const namesLen = encoded.reduce((n, c) => n + 1 + c.length, 0);
  const tokenStrings = Array.from(
    { length: 256 },
    (_, t) => t < MULTI_TOKENS.length ? MULTI_TOKENS[t] : String.fromCharCode(t),
  );
  const tokenTableLen = tokenStrings.reduce((n, t) => n + t.length + 1, 0);
  const kAddr: Record<string, bigint> = {
    kallsyms_token_table: imageAlloc(tokenTableLen, 8),
    kallsyms_token_index: imageAlloc(512, 8),
    kallsyms_num_syms: imageAlloc(4, 8),
    ...(encoding === "absolute-percpu" ? { kallsyms_relative_base: imageAlloc(8, 8) } : {}),
    kallsyms_offsets: imageAlloc(4 * symbolCount, 8),
    // Not in VMCOREINFO: the reader finds it after the offsets, as scripts/kallsyms.c puts it.
    kallsyms_seqs_of_names: imageAlloc(encoding === "place-relative" ? 3 * symbolCount : 0, 8),
    kallsyms_names: imageAlloc(namesLen, 8),
  };
  for (const n of kallsymsNames) sym(n, "R", kAddr[n]);
  const startBtf = sym("__start_BTF", "R", imageAlloc(btf.length, PAGE));
  sym("__stop_BTF", "R", startBtf + BigInt(btf.length));
  sym("_end", "R", imageVa + BigInt(alignUp(imageEnd, PAGE)));
  imageLimit = alignUp(imageEnd, PAGE);
  layout.imageSize = imageLimit;
  if (imagePhys + imageLimit > ramSize) throw new Error("guest builder: RAM too small");
  ram.set(btf, phys(startBtf));
  // Token table and index.
  let p = 0;
  tokenStrings.forEach((tok, t) => {
    putAt(phys(kAddr.kallsyms_token_index) + 2 * t, 2, BigInt(p));
    for (const ch of tok) ram[phys(kAddr.kallsyms_token_table) + p++] = ch.charCodeAt(0);
    ram[phys(kAddr.kallsyms_token_table) + p++] = 0;
  });
  putAt(phys(kAddr.kallsyms_num_syms), 4, BigInt(symbolCount));
  // Names and offsets, in the order the names were listed (`syms` order is that order).
  const relBase = imageVa;
  if (encoding === "absolute-percpu") u64At(kAddr.kallsyms_relative_base!, relBase);
  let n = phys(kAddr.kallsyms_names);
  encoded.forEach((codes, i) => {
    ram[n++] = codes.length;
    for (const c of codes) ram[n++] = c;
    const addr = syms[i].address;
    const slot = kAddr.kallsyms_offsets + BigInt(4 * i);
    const value = encoding === "place-relative"
      ? addr - slot
      : addr < 0x100000000n
      ? addr
      : -(addr - relBase + 1n);
    putAt(phys(slot), 4, BigInt.asUintN(32, value));
  });
  if (encoding === "place-relative") {
    // Symbol indexes in name order (the type letter left out), equal names by index.
    const byName = allNames.map((name, i) => [name.slice(1), i] as const)
      .sort(([a, i], [b, j]) => a < b ? -1 : a > b ? 1 : i - j);
    const at = phys(kAddr.kallsyms_seqs_of_names);
    byName.forEach(([, seq], k) => ram.set([seq >> 16, (seq >> 8) & 0xff, seq & 0xff], at + 3 * k));
  }
  const region = (name: string, len: number): [number, number] => [phys(kAddr[name]), len];
  layout.kallsyms = {
    tokenTable: region("kallsyms_token_table", tokenTableLen),
    tokenIndex: region("kallsyms_token_index", 512),
    numSyms: region("kallsyms_num_syms", 4),
    offsets: region("kallsyms_offsets", 4 * symbolCount),
    names: region("kallsyms_names", namesLen),
    seqsOfNames: region(
      "kallsyms_seqs_of_names",
      encoding === "place-relative" ? 3 * symbolCount : 0,
    ),
  };
  const hex = (v: bigint) => v.toString(16);
  const info = [
    `OSRELEASE=${release}`,
    "BUILD-ID=5a17e3b0c0ffee00d15ea5e0123456789abcdef0",
    "PAGESIZE=4096",
    `SYMBOL(init_uts_ns)=${hex(imageVa + 0x800n)}`,
    "OFFSET(uts_namespace.name)=0",
    `SYMBOL(node_online_map)=${hex(imageVa + 0x900n)}`,
    `SYMBOL(swapper_pg_dir)=${hex(topPgt)}`,
    `SYMBOL(_stext)=${hex(imageVa)}`,
    `SYMBOL(init_top_pgt)=${hex(topPgt)}`,
    `NUMBER(pgtable_l5_enabled)=${levels === 5 ? 1 : 0}`,
    ...kallsymsNames.map((k) => `SYMBOL(${k})=${hex(kAddr[k])}`),
    "OFFSET(list_head.next)=" + nextOff,
    "OFFSET(list_head.prev)=" + prevOff,
    `SIZE(list_head)=${sizeOf("list_head")}`,
    `NUMBER(phys_base)=${physBase}`,
    `KERNELOFFSET=${hex(slide)}`,
    "NUMBER(KERNEL_IMAGE_SIZE)=1073741824",
    "",
  ].join("\n");
  const infoBytes = new TextEncoder().encode(info);
  const infoAt = heapAlloc(PAGE, PAGE);
  ram.set(infoBytes, infoAt);
  layout.vmcoreinfo = { at: infoAt, length: infoBytes.length };

  const sorted = [...syms].sort((a, b) =>
    a.address < b.address ? -1 : a.address > b.address ? 1 : 0
  );
  return {
    ram,
    vmcoreinfo: info,
    btf,
    types,
    symbols: sorted,
    kernelOffset: slide,
    physBase,
    layout,
    expected: {
      release,
      cpus,
      levels,
      kaslrOffset: `0x${slide.toString(16)}`,
      rq: { cpus: rows, missing: rqMissing },
      scx: { sched, dsqs, runnable, missing: scxMissing },
    },
  };
}

/** `/proc/kallsyms` of `build` (running addresses; a module's symbol, which is left out). */
export function procKallsyms(build: GuestBuild): string {
  return build.symbols.map((s) =>
    `${s.address.toString(16).padStart(16, "0")} ${s.type} ${s.name}\n`
  )
    .join("") + "ffffffffc0a01000 t ktstr_mod_fn\t[ktstr_mod]\n";
}

/** `System.map` of `build`: link-time addresses (the image's unslid by KERNELOFFSET). */
export function systemMap(build: GuestBuild, extraSlide = 0n): string {
  return build.symbols.map((s) => {
    const a = s.address >= START_KERNEL_MAP
      ? s.address - build.kernelOffset + extraSlide
      : s.address;
    return `${a.toString(16).padStart(16, "0")} ${s.type} ${s.name}\n`;
  }).join("");
}

/** How {@link elfCore} wraps the RAM. */
export interface CoreOptions {
  /** A VMCOREINFO note (kdump, QEMU with vmcoreinfo device): the text given. */
  note?: string;
  /** Trailing zero pages of the last segment left out of the file (p_filesz < p_memsz). */
  filtered?: boolean;
}

/** A PT_LOAD of {@link buildCore}: its physical (and virtual) address and bytes. */
export interface CoreLoad {
  paddr: bigint | number;
  vaddr?: bigint;
  bytes: Uint8Array;
  /** Memory it covers (past its bytes: zeros, filtered pages); default its bytes' length. */
  memsz?: number;
}

/** A note of {@link buildCore}. */
export interface CoreNoteSpec {
  name: string;
  type: number;
  desc: Uint8Array;
}

/**
 * An x86_64 ELF64 core: the program headers, the `notes` in one PT_NOTE, then each load's
 * bytes, the first at a multiple of `dataAlign` (QEMU aligns them to a page).
 */
export function buildCore(
  loads: readonly CoreLoad[],
  notes: readonly CoreNoteSpec[] = [],
  dataAlign = 1,
): Uint8Array {
  const enc = new TextEncoder(), pad4 = (n: number) => (n + 3) & ~3;
  const noteBytes = notes.map(({ name, type, desc }) => {
    const nm = enc.encode(`${name}\0`);
    const b = new Uint8Array(12 + pad4(nm.length) + pad4(desc.length));
    const v = new DataView(b.buffer);
    v.setUint32(0, nm.length, true);
    v.setUint32(4, desc.length, true);
    v.setUint32(8, type, true);
    b.set(nm, 12);
    b.set(desc, 12 + pad4(nm.length));
    return b;
  });
  const noteLen = noteBytes.reduce((n, b) => n + b.length, 0);
  const phnum = loads.length + (notes.length ? 1 : 0);
  const noteAt = 64 + 56 * phnum;
  const dataAt = alignUp(noteAt + noteLen, dataAlign);
  const out = new Uint8Array(dataAt + loads.reduce((n, l) => n + l.bytes.length, 0));
  const v = new DataView(out.buffer);
  out.set([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1]);
  v.setUint16(16, 4, true); // ET_CORE
  v.setUint16(18, 62, true); // EM_X86_64
  v.setUint32(20, 1, true);
  v.setBigUint64(0x20, 64n, true);
  v.setUint16(0x34, 64, true);
  v.setUint16(0x36, 56, true);
  v.setUint16(0x38, phnum, true);
  let ph = 64, at = noteAt;
  if (notes.length) {
    v.setUint32(ph, 4, true);
    v.setBigUint64(ph + 8, BigInt(noteAt), true);
    v.setBigUint64(ph + 32, BigInt(noteLen), true);
    v.setBigUint64(ph + 40, BigInt(noteLen), true);
    for (const b of noteBytes) out.set(b, at), at += b.length;
    ph += 56;
  }
  at = dataAt;
  for (const l of loads) {
    v.setUint32(ph, 1, true);
    v.setUint32(ph + 4, 7, true);
    v.setBigUint64(ph + 8, BigInt(at), true);
    v.setBigUint64(ph + 16, l.vaddr ?? 0n, true);
    v.setBigUint64(ph + 24, BigInt(l.paddr), true);
    v.setBigUint64(ph + 32, BigInt(l.bytes.length), true);
    v.setBigUint64(ph + 40, BigInt(l.memsz ?? l.bytes.length), true);
    out.set(l.bytes, at);
    at += l.bytes.length;
    ph += 56;
  }
  return out;
}

/**
 * `ram` as an ELF64 core: PT_LOADs by physical address for [0, 640 KiB) and [1 MiB, end) (the
 * legacy hole left out, as QEMU's memory map has it), and optionally a VMCOREINFO note.
 */
export function elfCore(ram: Uint8Array, options: CoreOptions = {}): Uint8Array {
  const second = ram.subarray(0x100000);
  let filesz = second.length;
  if (options.filtered) {
    while (filesz > 0 && second.subarray(filesz - PAGE, filesz).every((b) => b === 0)) {
      filesz -= PAGE;
    }
  }
  const loads = [
    { paddr: 0, bytes: ram.subarray(0, 0xa0000) },
    { paddr: 0x100000, bytes: second.subarray(0, filesz), memsz: second.length },
  ];
  const notes = options.note === undefined
    ? []
    : [{ name: "VMCOREINFO", type: 0, desc: new TextEncoder().encode(options.note) }];
  return buildCore(loads, notes, PAGE);
}
