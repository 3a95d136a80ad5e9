/**
 * The sched_ext state in guest memory: the root scheduler (its ops name, exit kind,
 * `aborting`, `bypass_depth`, `watchdog_timeout`, the event counters summed over CPUs), every
 * dispatch queue with its tasks (local per CPU, global per node, bypass per CPU, the user
 * DSQs of `dsq_hash`), and each CPU's `runnable_list`: what sched_ext's SysRq-D dump shows,
 * plus the DSQ contents it leaves out. Walks are bounded (guest/lists.ts). Pure.
 * @module
 */
import { BtfError } from "../btf/errors.ts";
import { kernelConstants } from "../resolvers/constants.ts";
import { resolveNamedGroup } from "../resolvers/mod.ts";
import { type GuestKernel, perCpuAddress } from "./kernel.ts";
import { type Walk, walkList, walkRhashtable } from "./lists.ts";
import { type Count, count, optional } from "./rq.ts";

/** A task on a DSQ or a runnable list. */
export interface ScxTask {
  /** Its pid. */
  pid: number;
  /** Its name. */
  comm: string;
  /** `scx.dsq_vtime`. */
  dsq_vtime: Count;
  /** `scx.slice`: what is left of its slice, ns. */
  slice: Count;
  /** `scx.weight`. */
  weight: number;
  /** `jiffies - runnable_at` in ms (null when HZ cannot be told). */
  runnable_age_ms: number | null;
}

/** A dispatch queue and its tasks. */
export interface Dsq {
  /** The DSQ id (`0x…`: SCX_DSQ_LOCAL, GLOBAL and BYPASS ids have the top bit set). */
  id: string;
  /** Which kind of DSQ. */
  kind: "local" | "global" | "bypass" | "user";
  /** The CPU of a local or bypass DSQ. */
  cpu?: number;
  /** The node of a global DSQ. */
  node?: number;
  /** Its depth (`scx_dispatch_q.nr`). */
  nr: number;
  /** Its tasks, in list order. */
  tasks: ScxTask[];
  /** Why the task walk stopped early. */
  note?: string;
}

/**
 * The root scheduler. `aborting`, `bypass_depth` and `watchdog_timeout` are kernel globals
 * before they moved into `scx_sched` (`scx_aborting` 6.19–7.0, `scx_bypass_depth` to 6.18,
 * `scx_watchdog_timeout` to 7.0) and are read there then; null where the kernel has neither
 * (no `aborting` before 6.19), with the reason in `missing["sched.<name>"]`.
 */
export interface ScxSched {
  /** The BPF scheduler's name (`ops.name`). */
  ops: string;
  /** `exit_kind` (0 none; SCX_EXIT_* otherwise). */
  exit_kind: number;
  /** Whether it is aborting. */
  aborting: boolean | null;
  /** How deep bypass mode is nested (0: not bypassing). */
  bypass_depth: number | null;
  /** The watchdog's timeout, jiffies. */
  watchdog_timeout: Count | null;
  /** Each event counter, summed over the possible CPUs. */
  events: Record<string, Count>;
}

/** A CPU's `rq->scx.runnable_list`. */
export interface RunnableList {
  /** The CPU. */
  cpu: number;
  /** Its runnable tasks. */
  tasks: ScxTask[];
  /** Why the walk stopped early. */
  note?: string;
}

/** What `scx` shows. */
export interface ScxSnapshot {
  /** The root scheduler, or null when none is loaded (or the kernel has no sched_ext). */
  sched: ScxSched | null;
  /** Every DSQ: local per CPU, global per node, bypass per CPU, then the user DSQs. */
  dsqs: Dsq[];
  /** Each CPU's `runnable_list`. */
  runnable: RunnableList[];
  /** Part → why it is missing. */
  missing: Record<string, string>;
}

const U64 = (1n << 64n) - 1n;

/** The tick rates a kernel is built with (CONFIG_HZ). */
const HZ_CHOICES = [100, 250, 300, 1000];

/**
 * The kernel's HZ, told by the scheduler's watchdog: `watchdog_timeout` (jiffies) is the ops'
 * `timeoutMs`, or 30 s (SCX_WATCHDOG_MAX_TIMEOUT) when it sets none. Null when that gives no
 * HZ a kernel is built with.
 */
export function hzFromWatchdog(watchdogTimeout: number, timeoutMs: number): number | null {
  const hz = timeoutMs > 0 ? (watchdogTimeout * 1000) / timeoutMs : watchdogTimeout / 30;
  return HZ_CHOICES.includes(hz) ? hz : null;
}

/** {@link hzFromWatchdog} of the scheduler at `root`, or null when its fields are not there. */
function schedulerHz(kernel: GuestKernel, root: bigint, watchdog: bigint | null): number | null {
  try {
    if (watchdog === null) return null;
    return hzFromWatchdog(
      Number(watchdog),
      Number(kernel.view.uint(root, "scx_sched.ops.timeout_ms")),
    );
  } catch (err) {
    if (err instanceof BtfError) return null;
    throw err;
  }
}

/** A value the root scheduler holds in `member`, or, before it did, the global `symbol`. */
interface SchedValue {
  member: string;
  symbol: string;
  /** The global's size and whether it is signed (it is not in the BTF). */
  size: 1 | 4 | 8;
  signed: boolean;
}

/** Where each scheduler value outside `ops`, `exit_kind` and the counters is. */
const SCHED_VALUES = {
  aborting: { member: "scx_sched.aborting", symbol: "scx_aborting", size: 1, signed: false },
  bypass_depth: {
    member: "scx_sched.bypass_depth",
    symbol: "scx_bypass_depth",
    size: 4,
    signed: true,
  },
  watchdog_timeout: {
    member: "scx_sched.watchdog_timeout",
    symbol: "scx_watchdog_timeout",
    size: 8,
    signed: false,
  },
} as const satisfies Record<string, SchedValue>;

/** A scheduler value's name. */
export type SchedValueName = keyof typeof SCHED_VALUES;

/** Where a scheduler value is on a kernel: a member of `scx_sched`, or a global. */
export type SchedValuePlace =
  | { member: string; signed: boolean }
  | { global: bigint; size: 1 | 4 | 8; signed: boolean };

/**
 * Where `kernel` keeps scheduler value `name`: its `scx_sched` member, else its global; null
 * where neither is, both places named in `missing["sched.<name>"]`.
 */
export function placeOfSchedValue(
  kernel: GuestKernel,
  name: SchedValueName,
  missing: Record<string, string>,
): SchedValuePlace | null {
  const { view, symbols } = kernel;
  const { member, symbol, size, signed } = SCHED_VALUES[name];
  if (view.has(member)) return { member, signed };
  const global = symbols.address(symbol);
  if (global !== undefined) return { global, size, signed };
  let lacks = "";
  try {
    view.field(member);
  } catch (err) {
    if (!(err instanceof BtfError)) throw err;
    lacks = err.message;
  }
  missing[`sched.${name}`] = `${lacks}, and no ${symbol} in ${symbols.origin}`;
  return null;
}

/** The value at `place` of the scheduler at `root`, or null where it has no place. */
function schedValue(kernel: GuestKernel, root: bigint, place: SchedValuePlace | null) {
  if (place === null) return null;
  const { view } = kernel;
  if ("member" in place) {
    return place.signed ? view.int(root, place.member) : view.uint(root, place.member);
  }
  const v = view.unsigned(place.global, place.size);
  return place.signed ? BigInt.asIntN(8 * place.size, v) : v;
}

/**
 * A pointer member of `scx_sched` and where, in what it points at, the thing is: `member` and
 * `within`.
 */
export interface SchedPointer {
  member: string;
  within: number;
}

/**
 * `newer` (a pointer member, the thing `within` bytes into what it points at, a member path)
 * where the kernel has it, else `older` (pointing at the thing itself). Throws BtfError
 * (`newer`'s) where neither is.
 */
function newerOrOlder(kernel: GuestKernel, newer: string, within: string, older: string) {
  const { view } = kernel;
  if (!view.has(newer) && view.has(older)) return { member: older, within: 0 };
  view.field(newer);
  return { member: newer, within: view.field(within).offset };
}

/**
 * Where a scheduler's per-CPU event counters (struct scx_event_stats) are: in what
 * `scx_sched.pcpu` points at (6.18, 6.17.7 on), else what `scx_sched.event_stats_cpu` does
 * (6.16 to 6.17.6), per CPU.
 */
export function eventStatsPlace(kernel: GuestKernel): SchedPointer {
  return newerOrOlder(
    kernel,
    "scx_sched.pcpu",
    "scx_sched_pcpu.event_stats",
    "scx_sched.event_stats_cpu",
  );
}

/**
 * Where node n's global DSQ is: in what `scx_sched.pnode[n]` points at (7.1 on), else what
 * `scx_sched.global_dsqs[n]` does.
 */
export function globalDsqsPlace(kernel: GuestKernel): SchedPointer {
  return newerOrOlder(
    kernel,
    "scx_sched.pnode",
    "scx_sched_pnode.global_dsq",
    "scx_sched.global_dsqs",
  );
}

/** Reads the sched_ext state of `kernel`. */
export function readScx(kernel: GuestKernel): ScxSnapshot {
  const { view, symbols } = kernel;
  const missing: Record<string, string> = {};
  const rootVa = symbols.address("scx_root");
  if (rootVa === undefined || !view.has("rq.scx")) {
    missing.sched = rootVa === undefined
      ? `no scx_root in ${symbols.origin} (no sched_ext, or sched_ext before 6.16)`
      : "btf: struct 'rq' has no member 'scx'";
    return { sched: null, dsqs: [], runnable: [], missing };
  }
  const jiffiesVa = symbols.address("jiffies_64") ?? symbols.address("jiffies");
  const jiffies = jiffiesVa === undefined ? undefined : view.unsigned(jiffiesVa, 8);
  const root = view.unsigned(rootVa, 8);
  const watchdog = root === 0n
    ? null
    : schedValue(kernel, root, placeOfSchedValue(kernel, "watchdog_timeout", missing));
  const hz = root === 0n ? null : schedulerHz(kernel, root, watchdog);
  const task = (t: bigint): ScxTask => ({
    pid: Number(view.int(t, "task_struct.pid")),
    comm: view.string(t, "task_struct.comm"),
    dsq_vtime: count(view.uint(t, "task_struct.scx.dsq_vtime")),
    slice: count(view.uint(t, "task_struct.scx.slice")),
    weight: Number(view.uint(t, "task_struct.scx.weight")),
    runnable_age_ms: hz === null || jiffies === undefined ? null : Math.round(
      Number(BigInt.asIntN(64, jiffies - view.uint(t, "task_struct.scx.runnable_at"))) * 1000 /
        hz,
    ),
  });
  const dsqNode = view.field("task_struct.scx.dsq_list.node").offset;
  // An iterator's cursor on a DSQ's list is no task (its node's flags say so).
  const cursorFlag = BigInt(
    kernelConstants(kernel.types).constants.SCX_DSQ_LNODE_ITER_CURSOR as number,
  );
  const isCursor = (node: bigint) =>
    (view.uint(node, "scx_dsq_list_node.flags") & cursorFlag) !== 0n;
  // The tasks of a walk; one that cannot be read ends the list there, with the note.
  const tasksOf = (walk: Walk): { tasks: ScxTask[]; note?: string } => {
    const tasks: ScxTask[] = [];
    for (const t of walk.entries) {
      try {
        tasks.push(task(t));
      } catch (err) {
        if (!(err instanceof BtfError)) throw err;
        return { tasks, note: err.message };
      }
    }
    return walk.note ? { tasks, note: walk.note } : { tasks };
  };
  const dsq = (at: bigint, kind: Dsq["kind"], where: { cpu?: number; node?: number }): Dsq => {
    const walk = walkList(view, view.addr(at, "scx_dispatch_q.list"), dsqNode, isCursor);
    return {
      id: `0x${view.uint(at, "scx_dispatch_q.id").toString(16)}`,
      kind,
      ...where,
      nr: Number(view.uint(at, "scx_dispatch_q.nr")),
      ...tasksOf(walk),
    };
  };
  const dsqs: Dsq[] = [];
  for (const cpu of kernel.cpus) {
    const rq = perCpuAddress(kernel, "runqueues", cpu);
    dsqs.push(dsq(view.addr(rq, "rq.scx.local_dsq"), "local", { cpu }));
  }
  const runnableNode = view.field("task_struct.scx.runnable_node").offset;
  const runnable = kernel.cpus.map((cpu) => {
    const rq = perCpuAddress(kernel, "runqueues", cpu);
    const walk = walkList(view, view.addr(rq, "rq.scx.runnable_list"), runnableNode);
    return { cpu, ...tasksOf(walk) };
  });
  if (root === 0n) {
    missing.sched = "no BPF scheduler is loaded (scx_root is NULL)";
    return { sched: null, dsqs, runnable, missing };
  }
  const kernelGroup = resolveNamedGroup(kernel.types, "kernel");
  const sched = optional(missing, "sched", (): ScxSched => {
    const stats = eventStatsPlace(kernel);
    const statsAt = (cpu: number) =>
      (view.pointer(root, stats.member) + kernel.perCpuOffset(cpu) + BigInt(stats.within)) & U64;
    const events: Record<string, Count> = {};
    const offsets = kernelGroup.value?.event_offsets as { counters?: Record<string, number> };
    if (offsets?.counters) {
      for (const [name, off] of Object.entries(offsets.counters)) {
        let sum = 0n;
        for (const cpu of kernel.cpus) {
          sum += BigInt.asIntN(64, view.unsigned(statsAt(cpu) + BigInt(off), 8));
        }
        events[name] = count(sum);
      }
    }
    const aborting = schedValue(kernel, root, placeOfSchedValue(kernel, "aborting", missing));
    const bypassDepth = schedValue(
      kernel,
      root,
      placeOfSchedValue(kernel, "bypass_depth", missing),
    );
    return {
      ops: view.string(root, "scx_sched.ops.name"),
      exit_kind: Number(view.uint(root, "scx_sched.exit_kind.counter")),
      aborting: aborting === null ? null : aborting !== 0n,
      bypass_depth: bypassDepth === null ? null : Number(bypassDepth),
      watchdog_timeout: watchdog === null ? null : count(watchdog),
      events,
    };
  });
  optional(missing, "dsqs.global", () => {
    const nodes = Number(view.u32(symbols.address("nr_node_ids") ?? 0n)) || 1;
    const place = globalDsqsPlace(kernel);
    const array = view.pointer(root, place.member);
    for (let node = 0; node < nodes; node++) {
      const p = view.unsigned(array + BigInt(8 * node), 8);
      dsqs.push(dsq((p + BigInt(place.within)) & U64, "global", { node }));
    }
  });
  optional(missing, "dsqs.bypass", () => {
    const pcpu = view.pointer(root, "scx_sched.pcpu");
    for (const cpu of kernel.cpus) {
      const at = (pcpu + kernel.perCpuOffset(cpu)) & U64;
      dsqs.push(dsq(view.addr(at, "scx_sched_pcpu.bypass_dsq"), "bypass", { cpu }));
    }
  });
  optional(missing, "dsqs.user", () => {
    const node = view.field("scx_dispatch_q.hash_node").offset;
    const walk = walkRhashtable(view, view.addr(root, "scx_sched.dsq_hash"), node);
    for (const at of walk.entries) dsqs.push(dsq(at, "user", {}));
    if (walk.note) missing["dsqs.user"] = walk.note;
  });
  return { sched, dsqs, runnable, missing };
}
