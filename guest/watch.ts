/**
 * Watching a running guest: every CPU's run queue and the sched_ext state, sampled again and
 * again from memory the guest is still writing (a shared guest-RAM file, `/proc/kcore`).
 *
 * Done once, when a watch starts: everything {@link findKernel} finds (VMCOREINFO, symbols,
 * BTF, the per-CPU offsets), then every member offset a sample reads (resolved through the
 * BTF into {@link Layout}s: the spans of a struct read in one go), the sched class addresses,
 * the page-table root, the direct map's base (`page_offset_base`, else worked out from a
 * walk; checked against walks either way) and the physical pages of each CPU's run queue and
 * `kernel_cpustat` (static per-CPU variables: the first per-CPU chunk, mapped at boot for the
 * kernel's whole life).
 *
 * Done per sample: only the bytes shown are read, with a pread each (no data page is kept
 * between samples). Address translation ({@link LiveMemory}): the kernel image and the direct
 * map by their formulas (a linear map cannot go stale), anything else (vmalloc, per-CPU chunks
 * past the first, modules) by a page-table walk that keeps only the root table (the kernel
 * half of it is fixed at boot on x86_64) and reads the lower levels afresh, remembering a
 * translation only until the sample ends; a walk that fails re-reads the root once and tries
 * again.
 *
 * The guest writes while we read, so each CPU's row is read twice, and again up to
 * {@link READ_TRIES} times, until two reads agree on every member shown; each read must also
 * make sense: `rq->cpu` is the CPU, `curr` lies in the direct map or the kernel image, its
 * comm is printable, its pid possible, its class in the image. A row that never agrees is
 * marked `unstable` and carries no values. DSQs and runnable lists are walked the same way:
 * bounded ({@link WALK_CAP}, a visited set, pointers checked against the kernel's ranges),
 * read until two walks agree; a walk that loops or breaks ends with a note, never an exception.
 *
 * Stalls, as ktstr's monitor sees them: a CPU with runnable tasks whose `rq->clock` has not
 * moved for {@link STALL_SAMPLES} samples in a row, and for at least {@link STALL_MIN_MS} ms
 * (ktstr's sampling period: sampled faster, a busy CPU's clock would seem stuck between two
 * ticks); a DSQ deeper than {@link DSQ_DEPTH_BOUND}. Pure: memory is read through a
 * PhysicalMemory, time is given by the caller.
 * @module
 */
import { BtfError } from "../btf/errors.ts";
import { CPUTIME, kernelConstants } from "../resolvers/constants.ts";
import { resolveNamedGroup } from "../resolvers/mod.ts";
import { hex } from "./errors.ts";
import { type GuestKernel, needSymbol, perCpuAddress } from "./kernel.ts";
import { WALK_CAP } from "./lists.ts";
import type { PhysicalMemory } from "./physical.ts";
import { CLASSES, type Count, count, optional, type RqRow, SCHEDSTAT } from "./rq.ts";
import {
  type Dsq,
  eventStatsPlace,
  globalDsqsPlace,
  hzFromWatchdog,
  placeOfSchedValue,
  type SchedValueName,
  type ScxSched,
  type ScxTask,
} from "./scx.ts";
import type { Field } from "./view.ts";
import { imagePhys, START_KERNEL_MAP, X86Translator } from "./x86_64.ts";

/** Reads of one row before it is given up as unstable (two must agree). */
export const READ_TRIES = 4;
/** Samples in a row with an unmoved clock that make a busy CPU stalled (`--stall-samples`). */
export const STALL_SAMPLES = 3;
/** ...and for at least this long (ms): ktstr's monitor samples every 100 ms. */
export const STALL_MIN_MS = 100;
/** A DSQ deeper than this is flagged (ktstr's monitor treats it as not initialised). */
export const DSQ_DEPTH_BOUND = 10_000;

const U64 = (1n << 64n) - 1n;
const PAGE = 4096;
const GIB = 1n << 30n;
/** The kernel image's mapping: 1 GiB from `__START_KERNEL_map`. */
const IMAGE_END = START_KERNEL_MAP + GIB;
/** Kernel addresses start here with 5-level paging (and well before it with 4). */
const KERNEL_HALF = 0xff00000000000000n;
const DEFAULT_DIRECT_MAP = { 4: 0xffff888000000000n, 5: 0xff11000000000000n } as const;
const DEFAULT_VMALLOC = { 4: 0xffffc90000000000n, 5: 0xffa0000000000000n } as const;
/** VMALLOC_SIZE_TB: 32 TiB with 4 levels, 12800 TiB with 5. */
const VMALLOC_SIZE = { 4: 32n << 40n, 5: 12800n << 40n } as const;
/** Two members closer than this are read in one span. */
const SPAN_GAP = 512;
/** PID_MAX_LIMIT on 64-bit. */
const PID_MAX = 4_194_304;
/** A bucket table larger than this is not read (walkRhashtable's bound). */
const MAX_BUCKETS = 1 << 24;

/** The error a read of a live guest may meet: a member missing, memory not there. */
function isGuestReadError(err: unknown): err is BtfError {
  return err instanceof BtfError;
}

/**
 * Reads of a live guest's kernel addresses, through an {@link X86Translator} in its live
 * mode (the root table kept, read again once when a walk fails; translations until
 * {@link newSample}), with the direct map by formula once its base is checked. Counts its
 * physical reads, and tells which addresses a pointer may plausibly hold.
 */
export class LiveMemory {
  /** The guest's physical memory. */
  readonly memory: PhysicalMemory;
  /** Paging levels. */
  readonly levels: 4 | 5;
  /** `phys_base`. */
  readonly physBase: bigint;
  /** The root table's physical address. */
  readonly root: number;
  /** The end of the highest physical range. */
  readonly physEnd: number;
  /** The direct map's base, checked against the page tables; null when it could not be told. */
  readonly directMap: bigint | null;
  /** The vmalloc area (`vmalloc_base`, else the default of the paging mode). */
  readonly vmalloc: { start: bigint; end: bigint };
  /** Physical reads made (each is one pread of a file). */
  physicalReads = 0;
  readonly #counted: PhysicalMemory;
  readonly #translator: X86Translator;

  /** Reads `memory` as `kernel` maps it. */
  constructor(kernel: GuestKernel, memory: PhysicalMemory) {
    this.memory = memory;
    ({ levels: this.levels, physBase: this.physBase, root: this.root } = kernel.paging);
    this.physEnd = Math.max(...memory.ranges.map((r) => r.start + r.size));
    this.#counted = {
      ranges: memory.ranges,
      read: (pa, length) => (this.physicalReads++, memory.read(pa, length)),
      readInto: (pa, dest) => (this.physicalReads++, memory.readInto(pa, dest)),
    };
    this.#translator = new X86Translator(this.#counted, kernel.paging, { live: true });
    this.directMap = this.#findDirectMap(kernel);
    if (this.directMap !== null) this.#translator.setDirectMap(this.directMap, this.physEnd);
    const vmalloc = this.#symbolU64(kernel, "vmalloc_base") ?? DEFAULT_VMALLOC[this.levels];
    this.vmalloc = { start: vmalloc, end: vmalloc + VMALLOC_SIZE[this.levels] };
    this.#translator.forget();
  }

  /** Times the root table was read again after a failed walk. */
  get rootReloads(): number {
    return this.#translator.rootReloads;
  }

  #symbolU64(kernel: GuestKernel, name: string): bigint | undefined {
    const va = kernel.symbols.address(name);
    const pa = va === undefined ? null : imagePhys(va, this.physBase);
    if (pa === null) return undefined;
    try {
      return new DataView(this.readPhys(pa, 8).slice().buffer).getBigUint64(0, true);
    } catch (err) {
      if (isGuestReadError(err)) return undefined;
      throw err;
    }
  }

  /**
   * The direct map's base: `page_offset_base`, else what a walk of CPU 0's run queue implies,
   * else the default; the first that maps the root table's page and the kernel image's first
   * page where the formula says.
   */
  #findDirectMap(kernel: GuestKernel): bigint | null {
    const candidates: bigint[] = [];
    const pob = this.#symbolU64(kernel, "page_offset_base");
    if (pob !== undefined) candidates.push(pob);
    try {
      const rq = perCpuAddress(kernel, "runqueues", kernel.cpus[0]);
      if (!this.inImage(rq)) candidates.push((rq - BigInt(this.walk(rq))) & U64);
    } catch (err) {
      if (!isGuestReadError(err)) throw err;
    }
    candidates.push(DEFAULT_DIRECT_MAP[this.levels]);
    const stext = kernel.symbols.address("_stext");
    const probes = [this.root];
    const imagePa = stext === undefined ? null : imagePhys(stext, this.physBase);
    if (imagePa !== null) probes.push(imagePa & ~(PAGE - 1));
    for (const base of candidates) {
      if ((base & (GIB - 1n)) !== 0n || base < KERNEL_HALF) continue;
      const fits = probes.every((pa) => {
        try {
          return this.walk(base + BigInt(pa)) === pa;
        } catch (err) {
          if (isGuestReadError(err)) return false;
          throw err;
        }
      });
      if (fits) return base;
    }
    return null;
  }

  /** Forgets this sample's translations (outside the image and the direct map). */
  newSample(): void {
    this.#translator.forget();
  }

  /** Whether `va` is in the kernel image's mapping. */
  inImage(va: bigint): boolean {
    return va >= START_KERNEL_MAP && va < IMAGE_END;
  }

  /** Whether `va` is in the direct map (any kernel-half address when its base is unknown). */
  inDirectMap(va: bigint): boolean {
    if (this.directMap === null) return va >= KERNEL_HALF;
    return va >= this.directMap && va < this.directMap + BigInt(this.physEnd);
  }

  /** Whether `va` may be a kernel pointer: the direct map, the image or vmalloc. */
  plausible(va: bigint): boolean {
    return this.inDirectMap(va) || this.inImage(va) ||
      (va >= this.vmalloc.start && va < this.vmalloc.end);
  }

  /** Whether `va` may point at a task_struct (slab, in the direct map; init_task in the image). */
  taskPointer(va: bigint): boolean {
    return (va & 7n) === 0n && (this.inDirectMap(va) || this.inImage(va));
  }

  /** The physical address of `va`; throws GuestError when it is not mapped. */
  phys(va: bigint): number {
    return this.#translator.toPhys(va);
  }

  /** The physical address of `va` by a page-table walk; the root is re-read once on failure. */
  walk(va: bigint): number {
    return this.#translator.walk(va);
  }

  /** `length` bytes at guest physical `pa` (one read). */
  readPhys(pa: number, length: number): Uint8Array {
    return this.#counted.read(pa, length);
  }

  /** Fills `dest` from guest physical `pa` (one read, no new array). */
  readPhysInto(pa: number, dest: Uint8Array): void {
    this.#counted.readInto(pa, dest);
  }

  /** Fills `dest` from kernel address `va`: one read where it is physically contiguous. */
  readInto(va: bigint, dest: Uint8Array): void {
    this.#translator.readInto(va, dest);
  }

  /** `length` bytes at kernel address `va`: one read where it is physically contiguous. */
  read(va: bigint, length: number): Uint8Array {
    return this.#translator.read(va, length);
  }

  /** The 8-byte word at `va`. */
  u64(va: bigint): bigint {
    const b = this.read(va, 8);
    return new DataView(b.buffer, b.byteOffset, 8).getBigUint64(0, true);
  }
}

/** One member of a struct as a sample reads it. */
interface Slot {
  offset: number;
  size: number;
}

/** The members of a struct a sample reads, and the spans read to get them. */
class Layout {
  readonly slots: Slot[] = [];
  spans: { start: number; end: number }[] = [];
  size = 0;

  slot(field: Field): Slot {
    const s = { offset: field.offset, size: field.size };
    this.slots.push(s);
    return s;
  }

  /** Merges the members into spans (members closer than SPAN_GAP share one). */
  finish(): this {
    const sorted = [...this.slots].sort((a, b) => a.offset - b.offset);
    this.spans = [];
    for (const s of sorted) {
      const end = s.offset + Math.max(s.size, 1), last = this.spans.at(-1);
      if (last && s.offset <= last.end + SPAN_GAP) last.end = Math.max(last.end, end);
      else this.spans.push({ start: s.offset, end });
    }
    this.size = Math.max(0, ...this.spans.map((s) => s.end));
    return this;
  }

  buffer(): Buf {
    const bytes = new Uint8Array(this.size);
    return { bytes, view: new DataView(bytes.buffer) };
  }

  /** Reads the struct at `va` into `buf`. */
  fill(live: LiveMemory, va: bigint, buf: Buf): void {
    for (const s of this.spans) {
      live.readInto((va + BigInt(s.start)) & U64, buf.bytes.subarray(s.start, s.end));
    }
  }
}

/** A struct's bytes as read, and a DataView over them. */
interface Buf {
  bytes: Uint8Array;
  view: DataView;
}

function uint(b: Buf, s: Slot): bigint {
  const dv = b.view;
  switch (s.size) {
    case 1:
      return BigInt(dv.getUint8(s.offset));
    case 2:
      return BigInt(dv.getUint16(s.offset, true));
    case 4:
      return BigInt(dv.getUint32(s.offset, true));
    default: {
      if (s.size >= 8) return dv.getBigUint64(s.offset, true);
      let v = 0n;
      for (let i = s.size - 1; i >= 0; i--) v = (v << 8n) | BigInt(dv.getUint8(s.offset + i));
      return v;
    }
  }
}

function num(b: Buf, s: Slot): number {
  if (s.size === 4) return b.view.getUint32(s.offset, true);
  if (s.size === 1) return b.view.getUint8(s.offset);
  return Number(uint(b, s));
}

function sint(b: Buf, s: Slot): bigint {
  if (s.size === 4) return BigInt(b.view.getInt32(s.offset, true));
  return BigInt.asIntN(Math.min(s.size, 8) * 8, uint(b, s));
}

/** An unsigned member as `count` gives it, without BigInt while it fits a double exactly. */
function cnt(b: Buf, s: Slot): Count {
  if (s.size >= 8) {
    const hi = b.view.getUint32(s.offset + 4, true);
    if (hi < 0x200000) return hi * 0x100000000 + b.view.getUint32(s.offset, true);
    return count(b.view.getBigUint64(s.offset, true));
  }
  return num(b, s);
}

/** A 4-byte signed member as a number, else through BigInt. */
function int(b: Buf, s: Slot): number {
  return s.size === 4 ? b.view.getInt32(s.offset, true) : Number(sint(b, s));
}

/** Whether two reads agree on every member in `slots`. */
function sameSlots(a: Buf, b: Buf, slots: readonly Slot[]): boolean {
  for (const s of slots) {
    for (let i = s.offset, end = s.offset + s.size; i < end; i++) {
      if (a.bytes[i] !== b.bytes[i]) return false;
    }
  }
  return true;
}

/** Whether every byte of two reads agrees (a whole-array read). */
function sameBytes(a: Buf, b: Buf): boolean {
  const x = a.bytes, y = b.bytes;
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
  return true;
}

const latin1 = new TextDecoder("latin1");

/**
 * The `char[]` at `s`, up to its NUL, or null when it is not a name: empty, not ended within
 * the array, or holding a control character (what a torn or wild read gives).
 */
function printableString(b: Buf, s: Slot): string | null {
  const bytes = b.bytes.subarray(s.offset, s.offset + s.size);
  const end = bytes.indexOf(0);
  if (end <= 0) return null;
  for (let i = 0; i < end; i++) {
    const c = bytes[i];
    if (c < 0x20 || (c >= 0x7f && c < 0xa0)) return null;
  }
  return latin1.decode(bytes.subarray(0, end));
}

/** A place in a struct read through cached physical addresses. */
interface Chunk {
  pa: number;
  length: number;
  at: number;
}

/** The physical pieces of `spans` of the struct at `va` (translated now, kept). */
function chunksOf(live: LiveMemory, va: bigint, spans: Layout["spans"]): Chunk[] {
  const chunks: Chunk[] = [];
  for (const span of spans) {
    for (let off = span.start; off < span.end;) {
      const at = (va + BigInt(off)) & U64;
      const n = Math.min(span.end - off, PAGE - Number(at & 0xfffn));
      const pa = live.phys(at), last = chunks.at(-1);
      if (last && last.pa + last.length === pa && last.at + last.length === off) last.length += n;
      else chunks.push({ pa, length: n, at: off });
      off += n;
    }
  }
  return chunks;
}

function fillChunks(live: LiveMemory, chunks: readonly Chunk[], buf: Buf): void {
  for (const c of chunks) live.readPhysInto(c.pa, buf.bytes.subarray(c.at, c.at + c.length));
}

/** What a row of the run queue watcher reads: the current task, rq->scx, the counters. */
export interface RqParts {
  /** `curr`'s pid, comm and class. */
  curr: boolean;
  /** `rq->scx` (where the kernel has it). */
  scx: boolean;
  /** The schedstats and `kernel_cpustat`. */
  counters: boolean;
}

/** A run-queue row read twice alike; `curr` is null when not asked for. */
export type ReadRow = Omit<RqRow, "curr"> & { curr: RqRow["curr"] | null };

/** One CPU's reading: a row, or why it could not be validated. */
export type RowRead = { cpu: number; row: ReadRow } | { cpu: number; unstable: string };

interface CpuPlan {
  cpu: number;
  rq: Chunk[];
  cpustat: Chunk[] | null;
}

interface RowBufs {
  rq: Buf;
  task: Buf;
  cpustat: Buf;
}

/**
 * Every asked CPU's run queue, read from a live guest: offsets and the run queues' physical
 * pages worked out once, each sample a few preads per CPU, each row read until two reads agree.
 */
export class RqWatcher {
  /** Part → why this kernel lacks it (as `readRunQueues` says it). */
  readonly missing: Record<string, string> = {};
  readonly #live: LiveMemory;
  readonly #tries: number;
  readonly #plans: CpuPlan[];
  readonly #rq = new Layout();
  readonly #task = new Layout();
  readonly #s: {
    nr: Slot;
    clock: Slot;
    cpu: Slot | null;
    curr: Slot | null;
    pid?: Slot;
    comm?: Slot;
    cls?: Slot;
    scx: Slot[] | null;
    stat: [string, Slot][] | null;
  };
  readonly #cpustat: [string, number][] | null = null;
  readonly #classes = new Map<bigint, string>();
  readonly #bufs: [RowBufs, RowBufs];
  readonly #rqSlots: Slot[];

  /** A watcher of `cpus`' run queues reading `parts`. */
  constructor(
    kernel: GuestKernel,
    live: LiveMemory,
    cpus: readonly number[],
    parts: RqParts,
    tries = READ_TRIES,
  ) {
    const { view } = kernel;
    this.#live = live;
    this.#tries = Math.max(2, tries);
    const rq = this.#rq;
    const opt = <T>(part: string, fn: () => T): T | null => optional(this.missing, part, fn);
    const core = {
      nr: rq.slot(view.field("rq.nr_running")),
      clock: rq.slot(view.field("rq.clock")),
      cpu: view.has("rq.cpu") ? rq.slot(view.field("rq.cpu")) : null,
      curr: parts.curr ? rq.slot(view.field("rq.curr")) : null,
    };
    let scx: Slot[] | null = null;
    if (parts.scx) {
      const kick = view.has("scx_rq.kick_sync") ? "rq.scx.kick_sync" : "rq.scx.pnt_seq";
      const paths = [
        "rq.scx.nr_running",
        "rq.scx.flags",
        "rq.scx.cpu_released",
        kick,
        "rq.scx.local_dsq.nr",
      ];
      const fields = opt("scx", () => paths.map((p) => view.field(p)));
      scx = fields && fields.map((f) => rq.slot(f));
    }
    let stat: [string, Slot][] | null = null;
    let cpustatAt: { symbol: bigint; field: Field } | null = null;
    if (parts.counters) {
      const fields = opt(
        "schedstat",
        () => Object.entries(SCHEDSTAT).map(([k, p]) => [k, view.field(p)] as const),
      );
      stat = fields && fields.map(([k, f]) => [k, rq.slot(f)]);
      cpustatAt = opt("cpustat", () => ({
        symbol: needSymbol(kernel.symbols, "kernel_cpustat"),
        field: view.field("kernel_cpustat.cpustat"),
      }));
      if (cpustatAt) {
        const indexes = kernelConstants(kernel.types).constants as unknown as Record<
          string,
          number
        >;
        this.#cpustat = Object.keys(CPUTIME)
          .filter((n) => 8 * (indexes[n] + 1) <= cpustatAt!.field.size)
          .map((n) => [n.slice("CPUTIME_".length).toLowerCase(), 8 * indexes[n]]);
      }
    }
    rq.finish();
    this.#rqSlots = [...rq.slots];
    this.#s = { ...core, scx, stat };
    if (parts.curr) {
      this.#s.pid = this.#task.slot(view.field("task_struct.pid"));
      this.#s.comm = this.#task.slot(view.field("task_struct.comm"));
      this.#s.cls = this.#task.slot(view.field("task_struct.sched_class"));
    }
    this.#task.finish();
    for (const c of CLASSES) {
      const va = kernel.symbols.address(`${c}_sched_class`);
      if (va !== undefined) this.#classes.set(va, c);
    }
    const cpustatSize = cpustatAt ? cpustatAt.field.size : 0;
    this.#plans = cpus.map((cpu) => {
      const rqVa = perCpuAddress(kernel, "runqueues", cpu);
      let cpustat: Chunk[] | null = null;
      if (cpustatAt) {
        const va = (cpustatAt.symbol + kernel.perCpuOffset(cpu) + BigInt(cpustatAt.field.offset)) &
          U64;
        cpustat = chunksOf(live, va, [{ start: 0, end: cpustatSize }]);
      }
      return { cpu, rq: chunksOf(live, rqVa, rq.spans), cpustat };
    });
    const bufs = (): RowBufs => {
      const bytes = new Uint8Array(cpustatSize);
      return {
        rq: rq.buffer(),
        task: this.#task.buffer(),
        cpustat: { bytes, view: new DataView(bytes.buffer) },
      };
    };
    this.#bufs = [bufs(), bufs()];
  }

  /** The CPUs watched, in order. */
  get cpus(): number[] {
    return this.#plans.map((p) => p.cpu);
  }

  /** Reads every watched CPU's row (validated, or why not). */
  sample(): RowRead[] {
    return this.#plans.map((p) => this.#readCpu(p));
  }

  #readCpu(p: CpuPlan): RowRead {
    let prev: RowBufs | null = null, why = "";
    for (let i = 0; i < this.#tries; i++) {
      const cur = this.#bufs[i & 1];
      const bad = this.#readOnce(p, cur);
      if (bad !== null) {
        why = bad;
        prev = null;
        continue;
      }
      if (prev !== null && this.#same(prev, cur)) return { cpu: p.cpu, row: this.#decode(p, cur) };
      prev = cur;
      why = `its values changed between ${i + 1} reads`;
    }
    return { cpu: p.cpu, unstable: why };
  }

  /** One read of a CPU's row; null when it makes sense, else why not. */
  #readOnce(p: CpuPlan, b: RowBufs): string | null {
    const s = this.#s, live = this.#live;
    try {
      fillChunks(live, p.rq, b.rq);
      if (s.cpu !== null) {
        const said = int(b.rq, s.cpu);
        if (said !== p.cpu) return `rq->cpu reads ${said}`;
      }
      if (s.curr !== null) {
        const curr = uint(b.rq, s.curr);
        if (!live.taskPointer(curr)) {
          return `curr ${hex(curr)} is neither in the direct map nor in the kernel image`;
        }
        this.#task.fill(live, curr, b.task);
        const pid = int(b.task, s.pid!);
        if (pid < 0 || pid > PID_MAX) return `curr's pid reads ${pid}`;
        if (printableString(b.task, s.comm!) === null) return "curr's comm is not printable";
        if (!live.inImage(uint(b.task, s.cls!))) return "curr's sched_class is not in the image";
      }
      if (p.cpustat !== null) fillChunks(live, p.cpustat, b.cpustat);
      return null;
    } catch (err) {
      if (isGuestReadError(err)) return err.message;
      throw err;
    }
  }

  #same(a: RowBufs, b: RowBufs): boolean {
    if (!sameSlots(a.rq, b.rq, this.#rqSlots)) return false;
    if (this.#s.curr !== null && !sameSlots(a.task, b.task, this.#task.slots)) return false;
    return this.#cpustat === null || sameBytes(a.cpustat, b.cpustat);
  }

  #decode(p: CpuPlan, b: RowBufs): ReadRow {
    const s = this.#s;
    let curr: ReadRow["curr"] = null;
    if (s.curr !== null) {
      const cls = uint(b.task, s.cls!);
      curr = {
        pid: int(b.task, s.pid!),
        comm: printableString(b.task, s.comm!)!,
        class: this.#classes.get(cls) ?? hex(cls),
      };
    }
    const x = s.scx;
    return {
      cpu: p.cpu,
      nr_running: num(b.rq, s.nr),
      clock: cnt(b.rq, s.clock),
      curr,
      scx: x === null ? null : {
        nr_running: num(b.rq, x[0]),
        flags: num(b.rq, x[1]),
        cpu_released: uint(b.rq, x[2]) !== 0n,
        kick_sync: cnt(b.rq, x[3]),
        local_dsq: { nr: num(b.rq, x[4]) },
      },
      schedstat: s.stat === null
        ? null
        : Object.fromEntries(s.stat.map(([k, slot]) => [k, cnt(b.rq, slot)])),
      cpustat: this.#cpustat === null ? null : Object.fromEntries(
        this.#cpustat.map(([k, off]) => [k, cnt(b.cpustat, { offset: off, size: 8 })]),
      ),
    };
  }
}

/** Whether a CPU is stalled, and for how long its clock has not moved. */
export interface StallState {
  /** Runnable tasks, and the clock unmoved for the samples and time asked. */
  stalled: boolean;
  /** Samples in a row with this clock, after the first. */
  samples: number;
  /** Time since the first sample with this clock, ms. */
  ms: number;
}

/**
 * ktstr's stall rule over a series of samples: a CPU with runnable tasks whose `rq->clock` has
 * not moved for `samples` samples in a row and at least `minMs` ms. Only validated readings
 * are given to it (an unstable one neither resets nor extends a run).
 */
export class StallTracker {
  readonly #samples: number;
  readonly #minMs: number;
  readonly #state = new Map<number, { clock: Count; same: number; since: number }>();

  /** A tracker flagging after `samples` unmoved samples spanning at least `minMs` ms. */
  constructor(samples = STALL_SAMPLES, minMs = STALL_MIN_MS) {
    this.#samples = samples;
    this.#minMs = minMs;
  }

  /** Takes CPU `cpu`'s reading at time `t` (ms). */
  update(cpu: number, t: number, nrRunning: number, clock: Count): StallState {
    const s = this.#state.get(cpu);
    if (s === undefined || s.clock !== clock) {
      this.#state.set(cpu, { clock, same: 0, since: t });
      return { stalled: false, samples: 0, ms: 0 };
    }
    s.same++;
    const ms = t - s.since;
    return {
      stalled: nrRunning > 0 && s.same >= this.#samples && ms >= this.#minMs,
      samples: s.same,
      ms,
    };
  }
}

/** Something a watch flags. */
export type Alert =
  | {
    /** A CPU with runnable tasks whose clock has stopped. */
    kind: "stall";
    cpu: number;
    nr_running: number;
    clock: Count;
    /** Samples in a row with this clock. */
    samples: number;
    /** How long the clock has been seen unmoved, ms. */
    ms: number;
  }
  | {
    /** A DSQ deeper than the sanity bound. */
    kind: "dsq_depth";
    dsq: string | null;
    dsq_kind: Dsq["kind"];
    cpu?: number;
    node?: number;
    nr: number;
  };

/** What a watch may be told. */
export interface WatchOptions {
  /** The CPUs to read (default: every possible CPU). */
  cpus?: readonly number[];
  /** Read the schedstats and cpustat too (rq; default true). */
  counters?: boolean;
  /** Reads of a row before it is unstable (default {@link READ_TRIES}). */
  tries?: number;
  /** Samples of an unmoved clock that make a stall (default {@link STALL_SAMPLES}). */
  stallSamples?: number;
  /** ...spanning at least this many ms (default {@link STALL_MIN_MS}). */
  stallMinMs?: number;
  /** The DSQ depth flagged (default {@link DSQ_DEPTH_BOUND}). */
  dsqBound?: number;
}

/** A validated row of `rq --watch`: `rq --json`'s row, flagged. */
export type LiveRqRow = RqRow & {
  unstable: false;
  /** Runnable tasks and a clock that has stopped. */
  stalled: boolean;
  /** The local DSQ deeper than the bound. */
  dsq_over_bound: boolean;
};

/** A row that could not be validated: no values, and why. */
export interface UnstableRqRow {
  cpu: number;
  unstable: true;
  /** Why the last read did not count. */
  reason: string;
  stalled: false;
  dsq_over_bound: false;
  nr_running: null;
  clock: null;
  curr: null;
  scx: null;
  schedstat: null;
  cpustat: null;
}

/** A row of `rq --watch`. */
export type WatchRqRow = LiveRqRow | UnstableRqRow;

/** One sample of `rq --watch`. */
export interface RqWatchSample {
  /** One row per CPU watched. */
  cpus: WatchRqRow[];
  /** Part → why this kernel lacks it. */
  missing: Record<string, string>;
  /** Stalls and DSQ depths past the bound. */
  alerts: Alert[];
}

function unstableRow(cpu: number, reason: string): UnstableRqRow {
  return {
    cpu,
    unstable: true,
    reason,
    stalled: false,
    dsq_over_bound: false,
    nr_running: null,
    clock: null,
    curr: null,
    scx: null,
    schedstat: null,
    cpustat: null,
  };
}

function stallAlert(row: { cpu: number; nr_running: number; clock: Count }, s: StallState): Alert {
  return {
    kind: "stall",
    cpu: row.cpu,
    nr_running: row.nr_running,
    clock: row.clock,
    samples: s.samples,
    ms: Math.round(s.ms),
  };
}

/** `rq --watch`: every watched CPU's run queue per sample, validated and flagged. */
export class RqWatch {
  /** The live reads. */
  readonly live: LiveMemory;
  readonly #rows: RqWatcher;
  readonly #stalls: StallTracker;
  readonly #bound: number;

  /** Prepares a watch of `kernel` in `memory` (the discovery is done here, once). */
  constructor(kernel: GuestKernel, memory: PhysicalMemory | LiveMemory, opts: WatchOptions = {}) {
    this.live = memory instanceof LiveMemory ? memory : new LiveMemory(kernel, memory);
    this.#rows = new RqWatcher(
      kernel,
      this.live,
      opts.cpus ?? kernel.cpus,
      { curr: true, scx: true, counters: opts.counters ?? true },
      opts.tries,
    );
    this.#stalls = new StallTracker(opts.stallSamples, opts.stallMinMs);
    this.#bound = opts.dsqBound ?? DSQ_DEPTH_BOUND;
  }

  /** Takes a sample at time `t` (ms). */
  sample(t: number): RqWatchSample {
    this.live.newSample();
    const alerts: Alert[] = [];
    const cpus = this.#rows.sample().map((r): WatchRqRow => {
      if (!("row" in r)) return unstableRow(r.cpu, r.unstable);
      const row = r.row as RqRow;
      const stall = this.#stalls.update(row.cpu, t, row.nr_running, row.clock);
      if (stall.stalled) alerts.push(stallAlert(row, stall));
      const over = row.scx !== null && row.scx.local_dsq.nr > this.#bound;
      if (over) {
        alerts.push({
          kind: "dsq_depth",
          dsq: "0x8000000000000002",
          dsq_kind: "local",
          cpu: row.cpu,
          nr: row.scx!.local_dsq.nr,
        });
      }
      return { ...row, unstable: false, stalled: stall.stalled, dsq_over_bound: over };
    });
    return { cpus, missing: { ...this.#rows.missing }, alerts };
  }
}

/** A CPU as `scx --watch` shows it: enough to tell a stall. */
export interface ScxCpu {
  cpu: number;
  /** Null when unstable. */
  nr_running: number | null;
  clock: Count | null;
  stalled: boolean;
  unstable: boolean;
  reason?: string;
}

/** A DSQ of `scx --watch`: `scx --json`'s, flagged; `nr` null and no tasks when unstable. */
export type WatchDsq = Omit<Dsq, "nr" | "id"> & {
  id: string | null;
  nr: number | null;
  unstable: boolean;
  /** Deeper than the bound. */
  over_bound: boolean;
};

/** A runnable list of `scx --watch`. */
export interface WatchRunnable {
  cpu: number;
  tasks: ScxTask[];
  note?: string;
  unstable: boolean;
}

/** The root scheduler as `scx --watch` read it: validated, or why not. */
export type WatchSched = (ScxSched & { unstable: false }) | { unstable: true; reason: string };

/** One sample of `scx --watch`. */
export interface ScxWatchSample {
  /** Each CPU's nr_running, clock and stall flag. */
  cpus: ScxCpu[];
  /** The root scheduler, or null when none is loaded or the kernel has no sched_ext. */
  sched: WatchSched | null;
  dsqs: WatchDsq[];
  runnable: WatchRunnable[];
  missing: Record<string, string>;
  alerts: Alert[];
}

/** A walk of a live list: the entries, and why it stopped early. */
interface LiveWalk {
  entries: bigint[];
  note?: string;
}

/** A task as one read saw it, and the key two reads compare. */
interface TaskRead {
  task: ScxTask;
  runnableAt: bigint;
  key: string;
}

/** The offsets `scx --watch` reads, resolved once. */
interface ScxPlan {
  rootVa: bigint;
  jiffiesVa: bigint | undefined;
  cursorFlag: bigint;
  rqs: { cpu: number; rq: bigint }[];
  localDsq: number;
  runnableList: number;
  dsq: Layout;
  dsqId: Slot;
  dsqNr: Slot;
  dsqFirst: Slot;
  dsqList: number;
  nextOff: number;
  dsqNode: number;
  cursorFlags: number;
  runnableNode: number;
  task: Layout;
  t: { pid: Slot; comm: Slot; vtime: Slot; slice: Slot; weight: Slot; runnableAt: Slot };
  root: Layout;
  r: {
    pcpu: Slot | null;
    /** The per-CPU pointer to the event counters (`pcpu`, or 6.16's `event_stats_cpu`). */
    stats: Slot | null;
    /** The global DSQs' array (`pnode`, or `global_dsqs` before 7.1). */
    globals: Slot | null;
    name: Slot | null;
    exitKind: Slot | null;
    timeoutMs: Slot | null;
    tbl: Slot | null;
  };
  /** Where each of aborting, bypass_depth, watchdog_timeout is read (null: nowhere). */
  values: Record<SchedValueName, ValueSlot | null>;
  events: { names: string[]; offsets: number[]; at: number; size: number } | null;
  global: { nodes: number; globalDsq: number } | null;
  bypass: { bypassDsq: number } | null;
  user: { hashNode: number; size: number; buckets: number; next: number } | null;
}

/** A scheduler value: a slot of the root scheduler's struct, or a global read apart. */
type ValueSlot = { slot: Slot; signed: boolean } | {
  global: bigint;
  size: number;
  signed: boolean;
};

/** `scx --watch`: the sched_ext state per sample, each DSQ and list read until two walks agree. */
export class ScxWatch {
  /** The live reads. */
  readonly live: LiveMemory;
  readonly #kernel: GuestKernel;
  readonly #rows: RqWatcher;
  readonly #stalls: StallTracker;
  readonly #tries: number;
  readonly #bound: number;
  readonly #missing: Record<string, string> = {};
  readonly #plan: ScxPlan | null;
  readonly #dsqBuf: Buf;
  readonly #taskBuf: Buf;
  readonly #rootBufs: [Buf, Buf];

  /** Prepares a watch of `kernel` in `memory` (the discovery is done here, once). */
  constructor(kernel: GuestKernel, memory: PhysicalMemory | LiveMemory, opts: WatchOptions = {}) {
    this.#kernel = kernel;
    this.live = memory instanceof LiveMemory ? memory : new LiveMemory(kernel, memory);
    this.#rows = new RqWatcher(kernel, this.live, opts.cpus ?? kernel.cpus, {
      curr: false,
      scx: false,
      counters: false,
    }, opts.tries);
    this.#stalls = new StallTracker(opts.stallSamples, opts.stallMinMs);
    this.#tries = Math.max(2, opts.tries ?? READ_TRIES);
    this.#bound = opts.dsqBound ?? DSQ_DEPTH_BOUND;
    this.#plan = this.#makePlan();
    this.#dsqBuf = this.#plan ? this.#plan.dsq.buffer() : new Layout().buffer();
    this.#taskBuf = this.#plan ? this.#plan.task.buffer() : new Layout().buffer();
    const root = this.#plan ? this.#plan.root : new Layout();
    this.#rootBufs = [root.buffer(), root.buffer()];
  }

  #makePlan(): ScxPlan | null {
    const kernel = this.#kernel, { view, symbols } = kernel, missing = this.#missing;
    const rootVa = symbols.address("scx_root");
    if (rootVa === undefined || !view.has("rq.scx")) {
      missing.sched = rootVa === undefined
        ? `no scx_root in ${symbols.origin} (no sched_ext, or sched_ext before 6.16)`
        : "btf: struct 'rq' has no member 'scx'";
      return null;
    }
    const opt = <T>(part: string, fn: () => T): T | null => optional(missing, part, fn);
    return opt("dsqs", () => {
      const f = (p: string) => view.field(p);
      const dsq = new Layout(), task = new Layout(), root = new Layout();
      const listOff = f("scx_dispatch_q.list").offset, nextOff = f("list_head.next").offset;
      const dsqId = dsq.slot(f("scx_dispatch_q.id")), dsqNr = dsq.slot(f("scx_dispatch_q.nr"));
      const dsqFirst = dsq.slot({ offset: listOff + nextOff, size: 8 });
      const t = {
        pid: task.slot(f("task_struct.pid")),
        comm: task.slot(f("task_struct.comm")),
        vtime: task.slot(f("task_struct.scx.dsq_vtime")),
        slice: task.slot(f("task_struct.scx.slice")),
        weight: task.slot(f("task_struct.scx.weight")),
        runnableAt: task.slot(f("task_struct.scx.runnable_at")),
      };
      const slot = (p: string) => view.has(p) ? root.slot(f(p)) : null;
      const r = {
        pcpu: slot("scx_sched.pcpu"),
        stats: null as Slot | null,
        globals: null as Slot | null,
        name: slot("scx_sched.ops.name"),
        exitKind: slot("scx_sched.exit_kind.counter"),
        timeoutMs: slot("scx_sched.ops.timeout_ms"),
        tbl: null as Slot | null,
      };
      const groupCounters = (resolveNamedGroup(kernel.types, "kernel").value?.event_offsets as {
        counters?: Record<string, number>;
      })?.counters;
      // Where readScx reads each value, in its order (its first miss is why).
      const valueSlot = (name: SchedValueName): ValueSlot | null => {
        const place = placeOfSchedValue(kernel, name, missing);
        if (place === null) return null;
        return "member" in place
          ? { slot: root.slot(f(place.member)), signed: place.signed }
          : place;
      };
      const values = { watchdog_timeout: valueSlot("watchdog_timeout") } as ScxPlan["values"];
      const stats = opt("sched", () => {
        const place = eventStatsPlace(kernel);
        f("scx_sched.ops.name");
        f("scx_sched.exit_kind.counter");
        return place;
      });
      if (stats) {
        r.stats = root.slot(f(stats.member));
        values.aborting = valueSlot("aborting");
        values.bypass_depth = valueSlot("bypass_depth");
      }
      let events: ScxPlan["events"] = null;
      if (groupCounters && stats) {
        const names = Object.keys(groupCounters), offsets = names.map((n) => groupCounters[n]);
        const size = Math.max(0, ...offsets) + 8;
        events = { names, offsets, at: stats.within, size };
      }
      const global = opt("dsqs.global", () => {
        const place = globalDsqsPlace(kernel);
        r.globals = root.slot(f(place.member));
        const nodesVa = symbols.address("nr_node_ids");
        const nodes = nodesVa === undefined ? 1 : Number(view.u32(nodesVa)) || 1;
        return { nodes: Math.min(nodes, 1024), globalDsq: place.within };
      });
      const bypass = opt("dsqs.bypass", () => {
        f("scx_sched.pcpu");
        return { bypassDsq: f("scx_sched_pcpu.bypass_dsq").offset };
      });
      const user = opt("dsqs.user", () => {
        const hashNode = f("scx_dispatch_q.hash_node").offset;
        const table = f("scx_sched.dsq_hash").offset + f("rhashtable.tbl").offset;
        r.tbl = root.slot({ offset: table, size: 8 });
        return {
          hashNode,
          size: f("bucket_table.size").offset,
          buckets: f("bucket_table.buckets").offset,
          next: f("rhash_head.next").offset,
        };
      });
      return {
        rootVa,
        jiffiesVa: symbols.address("jiffies_64") ?? symbols.address("jiffies"),
        cursorFlag: BigInt(
          kernelConstants(kernel.types).constants.SCX_DSQ_LNODE_ITER_CURSOR as number,
        ),
        rqs: this.#rows.cpus.map((cpu) => ({ cpu, rq: perCpuAddress(kernel, "runqueues", cpu) })),
        localDsq: f("rq.scx.local_dsq").offset,
        runnableList: f("rq.scx.runnable_list").offset,
        dsq: dsq.finish(),
        dsqId,
        dsqNr,
        dsqFirst,
        dsqList: listOff,
        nextOff,
        dsqNode: f("task_struct.scx.dsq_list.node").offset,
        cursorFlags: f("scx_dsq_list_node.flags").offset,
        runnableNode: f("task_struct.scx.runnable_node").offset,
        task: task.finish(),
        t,
        root: root.finish(),
        r,
        values,
        events,
        global,
        bypass,
        user,
      };
    });
  }

  /** Takes a sample at time `t` (ms). */
  sample(t: number): ScxWatchSample {
    this.live.newSample();
    const missing = { ...this.#missing }, alerts: Alert[] = [];
    const cpus = this.#rows.sample().map((r): ScxCpu => {
      if (!("row" in r)) {
        return {
          cpu: r.cpu,
          nr_running: null,
          clock: null,
          stalled: false,
          unstable: true,
          reason: r.unstable,
        };
      }
      const { cpu, nr_running, clock } = r.row;
      const stall = this.#stalls.update(cpu, t, nr_running, clock);
      if (stall.stalled) alerts.push(stallAlert(r.row, stall));
      return { cpu, nr_running, clock, stalled: stall.stalled, unstable: false };
    });
    const plan = this.#plan;
    if (plan === null) return { cpus, sched: null, dsqs: [], runnable: [], missing, alerts };
    const live = this.live;
    let jiffies: bigint | null = null, root = 0n;
    try {
      if (plan.jiffiesVa !== undefined) jiffies = live.u64(plan.jiffiesVa);
      root = live.u64(plan.rootVa);
    } catch (err) {
      if (!isGuestReadError(err)) throw err;
      missing.sched = err.message;
      return { cpus, sched: null, dsqs: [], runnable: [], missing, alerts };
    }
    const rootRead = root === 0n ? null : this.#readRoot(root);
    const values = rootRead && "buf" in rootRead ? this.#values(rootRead.buf, missing) : null;
    const hz = rootRead && "buf" in rootRead && values
      ? this.#hz(rootRead.buf, values.watchdog_timeout)
      : null;
    const dsqs: WatchDsq[] = [];
    for (const { cpu, rq } of plan.rqs) {
      dsqs.push(this.#dsq((rq + BigInt(plan.localDsq)) & U64, "local", { cpu }, jiffies, hz));
    }
    const runnable = plan.rqs.map(({ cpu, rq }) =>
      this.#runnable(cpu, (rq + BigInt(plan.runnableList)) & U64, jiffies, hz)
    );
    const done = (sched: WatchSched | null): ScxWatchSample => {
      for (const d of dsqs) {
        if (d.over_bound) {
          alerts.push({
            kind: "dsq_depth",
            dsq: d.id,
            dsq_kind: d.kind,
            ...(d.cpu !== undefined ? { cpu: d.cpu } : {}),
            ...(d.node !== undefined ? { node: d.node } : {}),
            nr: d.nr!,
          });
        }
      }
      return { cpus, sched, dsqs, runnable, missing, alerts };
    };
    if (rootRead === null) {
      missing.sched = "no BPF scheduler is loaded (scx_root is NULL)";
      return done(null);
    }
    if (!("buf" in rootRead)) return done({ unstable: true, reason: rootRead.unstable });
    const b = rootRead.buf, r = plan.r;
    let sched: WatchSched | null = null;
    if (!this.#missing.sched) {
      const { aborting, bypass_depth, watchdog_timeout } = values!;
      sched = {
        ops: printableString(b, r.name!) ?? "",
        exit_kind: num(b, r.exitKind!),
        aborting: aborting === null ? null : aborting !== 0n,
        bypass_depth: bypass_depth === null ? null : Number(bypass_depth),
        watchdog_timeout: watchdog_timeout === null ? null : count(watchdog_timeout),
        events: this.#events(r.stats ? uint(b, r.stats) : 0n),
        unstable: false,
      };
    }
    if (plan.global) {
      const pnode = uint(b, r.globals!);
      try {
        const ptrs = live.read(pnode, 8 * plan.global.nodes);
        const dv = new DataView(ptrs.buffer, ptrs.byteOffset, ptrs.byteLength);
        for (let node = 0; node < plan.global.nodes; node++) {
          const p = dv.getBigUint64(8 * node, true);
          const at = (p + BigInt(plan.global.globalDsq)) & U64;
          dsqs.push(this.#dsq(at, "global", { node }, jiffies, hz));
        }
      } catch (err) {
        if (!isGuestReadError(err)) throw err;
        missing["dsqs.global"] = err.message;
      }
    }
    if (plan.bypass) {
      const pcpu = uint(b, r.pcpu!);
      for (const { cpu } of plan.rqs) {
        const at = (pcpu + this.#kernel.perCpuOffset(cpu) + BigInt(plan.bypass.bypassDsq)) & U64;
        dsqs.push(this.#dsq(at, "bypass", { cpu }, jiffies, hz));
      }
    }
    if (plan.user) {
      const walk = this.#walkHash(uint(b, r.tbl!));
      for (const at of walk.entries) dsqs.push(this.#dsq(at, "user", {}, jiffies, hz));
      if (walk.note) missing["dsqs.user"] = walk.note;
    }
    return done(sched);
  }

  /** The root scheduler's struct, read until two reads agree. */
  #readRoot(root: bigint): { buf: Buf } | { unstable: string } {
    const plan = this.#plan!, r = plan.r, live = this.live;
    if (!live.plausible(root)) {
      return { unstable: `scx_root ${hex(root)} is out of the kernel's ranges` };
    }
    let prev: Buf | null = null, why = "";
    for (let i = 0; i < this.#tries; i++) {
      const cur = this.#rootBufs[i & 1];
      try {
        plan.root.fill(live, root, cur);
      } catch (err) {
        if (!isGuestReadError(err)) throw err;
        why = err.message;
        prev = null;
        continue;
      }
      if (r.name && printableString(cur, r.name) === null) {
        why = "its ops name is not printable";
        prev = null;
        continue;
      }
      if (prev !== null && sameSlots(prev, cur, plan.root.slots)) return { buf: cur };
      prev = cur;
      why = `its values changed between ${i + 1} reads`;
    }
    return { unstable: why };
  }

  /** HZ told by the watchdog (as readScx tells it), or null. */
  #hz(b: Buf, watchdog: bigint | null): number | null {
    const r = this.#plan!.r;
    if (watchdog === null || r.timeoutMs === null) return null;
    return hzFromWatchdog(Number(watchdog), Number(uint(b, r.timeoutMs)));
  }

  /**
   * The scheduler's aborting, bypass_depth and watchdog_timeout: from its struct's bytes `b`,
   * or a global's own read (null, the read's error in `missing`, when that fails).
   */
  #values(b: Buf, missing: Record<string, string>): Record<SchedValueName, bigint | null> {
    const out = {} as Record<SchedValueName, bigint | null>;
    for (const [name, v] of Object.entries(this.#plan!.values) as [SchedValueName, ValueSlot][]) {
      out[name] = null;
      if (v === null) continue;
      if ("slot" in v) {
        out[name] = v.signed ? sint(b, v.slot) : uint(b, v.slot);
        continue;
      }
      try {
        const bytes = this.live.read(v.global, v.size);
        let x = 0n;
        for (let i = v.size - 1; i >= 0; i--) x = (x << 8n) | BigInt(bytes[i]);
        out[name] = v.signed ? BigInt.asIntN(8 * v.size, x) : x;
      } catch (err) {
        if (!isGuestReadError(err)) throw err;
        missing[`sched.${name}`] = err.message;
      }
    }
    return out;
  }

  /** The event counters summed over the possible CPUs (monotonic words: one read each). */
  #events(pcpu: bigint): Record<string, Count> {
    const ev = this.#plan!.events, events: Record<string, Count> = {};
    if (ev === null) return events;
    const sums = ev.names.map(() => 0n);
    for (const cpu of this.#kernel.cpus) {
      try {
        const bytes = this.live.read(
          (pcpu + this.#kernel.perCpuOffset(cpu) + BigInt(ev.at)) & U64,
          ev.size,
        );
        const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
        ev.offsets.forEach((off, i) => sums[i] += dv.getBigInt64(off, true));
      } catch (err) {
        if (!isGuestReadError(err)) throw err;
      }
    }
    ev.names.forEach((n, i) => events[n] = count(sums[i]));
    return events;
  }

  /** The task at `va` as one read sees it; null when it is not a task (torn, or freed). */
  #task(va: bigint, jiffies: bigint | null, hz: number | null): TaskRead | null {
    const plan = this.#plan!, t = plan.t, b = this.#taskBuf;
    if (!this.live.taskPointer(va)) return null;
    plan.task.fill(this.live, va, b);
    const pid = int(b, t.pid), comm = printableString(b, t.comm);
    if (pid < 0 || pid > PID_MAX || comm === null) return null;
    const runnableAt = uint(b, t.runnableAt);
    const task: ScxTask = {
      pid,
      comm,
      dsq_vtime: cnt(b, t.vtime),
      slice: cnt(b, t.slice),
      weight: num(b, t.weight),
      runnable_age_ms: hz === null || jiffies === null
        ? null
        : Math.round(Number(BigInt.asIntN(64, jiffies - runnableAt)) * 1000 / hz),
    };
    const key = `${va}:${pid}:${comm}:${task.dsq_vtime}:${task.slice}:${task.weight}:${runnableAt}`;
    return { task, runnableAt, key };
  }

  /**
   * The list from `head` (whose `next` is `first`): each node's container, `nodeOffset` below
   * it, skipping iterator cursors when `cursors`. Bounded; a loop, a pointer out of the
   * kernel's ranges or memory not there ends it with a note.
   */
  #walk(head: bigint, first: bigint, nodeOffset: number, cursors: boolean): LiveWalk {
    const plan = this.#plan!, live = this.live;
    const entries: bigint[] = [], seen = new Set<bigint>([head]);
    const cursorFlag = plan.cursorFlag;
    const span = cursors ? Math.max(plan.nextOff, plan.cursorFlags) + 8 : plan.nextOff + 8;
    let node = first;
    while (node !== head) {
      if (seen.has(node)) return { entries, note: `the list loops at ${hex(node)}` };
      if (entries.length >= WALK_CAP) return { entries, note: `stopped after ${WALK_CAP} entries` };
      if (!live.plausible(node)) {
        return { entries, note: `a list pointer ${hex(node)} is out of the kernel's ranges` };
      }
      seen.add(node);
      let next: bigint, flags = 0n;
      try {
        const bytes = live.read(node, span);
        const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
        next = dv.getBigUint64(plan.nextOff, true);
        if (cursors) flags = BigInt(dv.getUint32(plan.cursorFlags, true));
      } catch (err) {
        if (!isGuestReadError(err)) throw err;
        return { entries, note: err.message };
      }
      if ((flags & cursorFlag) === 0n) entries.push((node - BigInt(nodeOffset)) & U64);
      node = next;
    }
    return { entries };
  }

  /** The tasks of a walk, and the key two reads compare; null when one is not a task. */
  #tasks(
    walk: LiveWalk,
    jiffies: bigint | null,
    hz: number | null,
  ): { tasks: ScxTask[]; key: string } | {
    bad: string;
  } {
    const tasks: ScxTask[] = [], keys: string[] = [];
    for (const va of walk.entries) {
      let t: TaskRead | null;
      try {
        t = this.#task(va, jiffies, hz);
      } catch (err) {
        if (!isGuestReadError(err)) throw err;
        return { bad: err.message };
      }
      if (t === null) return { bad: `the entry at ${hex(va)} is not a task` };
      tasks.push(t.task);
      keys.push(t.key);
    }
    return { tasks, key: `${keys.join(",")}|${walk.note ?? ""}` };
  }

  /** A DSQ, read until two reads agree. */
  #dsq(
    at: bigint,
    kind: Dsq["kind"],
    where: { cpu?: number; node?: number },
    jiffies: bigint | null,
    hz: number | null,
  ): WatchDsq {
    const plan = this.#plan!, b = this.#dsqBuf;
    let prev: string | null = null, why = "";
    for (let i = 0; i < this.#tries; i++) {
      let id: bigint, nr: number, walk: LiveWalk;
      try {
        plan.dsq.fill(this.live, at, b);
        id = uint(b, plan.dsqId);
        nr = num(b, plan.dsqNr);
        walk = this.#walk(
          (at + BigInt(plan.dsqList)) & U64,
          uint(b, plan.dsqFirst),
          plan.dsqNode,
          true,
        );
      } catch (err) {
        if (!isGuestReadError(err)) throw err;
        why = err.message;
        prev = null;
        continue;
      }
      const read = this.#tasks(walk, jiffies, hz);
      if ("bad" in read) {
        why = read.bad;
        prev = null;
        continue;
      }
      const key = `${id}|${nr}|${read.key}`;
      if (prev === key) {
        return {
          id: hex(id),
          kind,
          ...where,
          nr,
          tasks: read.tasks,
          ...(walk.note ? { note: walk.note } : {}),
          unstable: false,
          over_bound: nr > this.#bound,
        };
      }
      prev = key;
      why = `its list changed between ${i + 1} reads`;
    }
    return {
      id: null,
      kind,
      ...where,
      nr: null,
      tasks: [],
      note: why,
      unstable: true,
      over_bound: false,
    };
  }

  /** A CPU's runnable list, read until two walks agree. */
  #runnable(cpu: number, head: bigint, jiffies: bigint | null, hz: number | null): WatchRunnable {
    const plan = this.#plan!;
    let prev: string | null = null, why = "";
    for (let i = 0; i < this.#tries; i++) {
      let walk: LiveWalk;
      try {
        walk = this.#walk(head, this.live.u64((head + BigInt(plan.nextOff)) & U64), 0, false);
      } catch (err) {
        if (!isGuestReadError(err)) throw err;
        why = err.message;
        prev = null;
        continue;
      }
      walk.entries = walk.entries.map((n) => (n - BigInt(plan.runnableNode)) & U64);
      const read = this.#tasks(walk, jiffies, hz);
      if ("bad" in read) {
        why = read.bad;
        prev = null;
        continue;
      }
      if (prev === read.key) {
        return {
          cpu,
          tasks: read.tasks,
          ...(walk.note ? { note: walk.note } : {}),
          unstable: false,
        };
      }
      prev = read.key;
      why = `the list changed between ${i + 1} reads`;
    }
    return { cpu, tasks: [], note: why, unstable: true };
  }

  /** The user DSQs of the rhashtable whose bucket table is `tbl` (bounded, tolerant). */
  #walkHash(tbl: bigint): LiveWalk {
    const user = this.#plan!.user!, live = this.live;
    const entries: bigint[] = [], seen = new Set<bigint>();
    try {
      if (!live.plausible(tbl)) return { entries, note: `bucket table ${hex(tbl)} out of range` };
      const size = Number(new DataView(live.read(tbl + BigInt(user.size), 4).slice().buffer)
        .getUint32(0, true));
      if (size > MAX_BUCKETS) return { entries, note: `bucket table of ${size} buckets` };
      const buckets = size === 0
        ? new Uint8Array(0)
        : live.read(tbl + BigInt(user.buckets), 8 * size);
      const dv = new DataView(buckets.buffer, buckets.byteOffset, buckets.byteLength);
      for (let b = 0; b < size; b++) {
        let node = dv.getBigUint64(8 * b, true) & ~1n;
        while (node !== 0n && (node & 1n) === 0n) {
          if (seen.has(node)) return { entries, note: `bucket ${b} loops at ${hex(node)}` };
          if (entries.length >= WALK_CAP) {
            return { entries, note: `stopped after ${WALK_CAP} entries` };
          }
          if (!live.plausible(node)) {
            return { entries, note: `a bucket pointer ${hex(node)} is out of the kernel's ranges` };
          }
          seen.add(node);
          entries.push((node - BigInt(user.hashNode)) & U64);
          node = live.u64((node + BigInt(user.next)) & U64);
        }
      }
    } catch (err) {
      if (!isGuestReadError(err)) throw err;
      return { entries, note: err.message };
    }
    return { entries };
  }
}
