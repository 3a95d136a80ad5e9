/**
 * Every possible CPU's run queue, read from guest memory: `nr_running`, `clock`, the current
 * task (pid, comm, scheduling class), the sched_ext part of the run queue, the schedstats and
 * the CPU time counters. A part this kernel lacks (no sched_ext, no schedstats) is null, with
 * the reason in `missing`, as a `kernel` report is. Pure.
 * @module
 */
import { BtfError } from "../btf/errors.ts";
import { CPUTIME, kernelConstants } from "../resolvers/constants.ts";
import { type GuestKernel, perCpuAddress } from "./kernel.ts";

/** A 64-bit value as JSON can hold it: a number when exact, else its decimal string. */
export type Count = number | string;

/** The current task of a run queue. */
export interface CurrTask {
  /** Its pid (`task_struct.pid`). */
  pid: number;
  /** Its name (`task_struct.comm`). */
  comm: string;
  /** `fair`, `rt`, `dl`, `idle`, `stop`, `ext`, or the class's address when it is none. */
  class: string;
}

/** The sched_ext part of a run queue (`rq->scx`). */
export interface ScxRq {
  /** Tasks on sched_ext on this CPU (`scx_rq.nr_running`). */
  nr_running: number;
  /** `scx_rq.flags` (SCX_RQ_ONLINE is 0x1, …). */
  flags: number;
  /** Whether the BPF scheduler released the CPU to a higher class. */
  cpu_released: boolean;
  /** `kick_sync` (6.19 on), else `pnt_seq`. */
  kick_sync: Count;
  /** The local DSQ's depth. */
  local_dsq: { nr: number };
}

/** One CPU's run queue. */
export interface RqRow {
  /** The CPU. */
  cpu: number;
  /** Tasks on the run queue (`rq.nr_running`). */
  nr_running: number;
  /** `rq.clock`, ns. */
  clock: Count;
  /** The task running. */
  curr: CurrTask;
  /** `rq->scx`, null on a kernel without sched_ext. */
  scx: ScxRq | null;
  /** run_delay, pcount, yld_count, sched_count, sched_goidle, ttwu_count, ttwu_local. */
  schedstat: Record<string, Count> | null;
  /** `kernel_cpustat.cpustat[]` by name (user, nice, system, softirq, irq, idle, …), ns. */
  cpustat: Record<string, Count> | null;
}

/** Every possible CPU's run queue, and why a part is missing. */
export interface RqSnapshot {
  /** One row per CPU read. */
  cpus: RqRow[];
  /** Part → the reason it is null (`scx` → `btf: struct 'rq' has no member 'scx'`). */
  missing: Record<string, string>;
}

/** `v` as a number when exact, else as a decimal string. */
export function count(v: bigint): Count {
  return v <= BigInt(Number.MAX_SAFE_INTEGER) && v >= -BigInt(Number.MAX_SAFE_INTEGER)
    ? Number(v)
    : v.toString();
}

/** The scheduling classes, by the `<name>_sched_class` symbols that define them. */
export const CLASSES = ["stop", "dl", "rt", "fair", "ext", "idle"] as const;

/** The name of the scheduling class at `va`, by the kernel's `<name>_sched_class` symbols. */
function className(kernel: GuestKernel, va: bigint): string {
  for (const c of CLASSES) if (kernel.symbols.address(`${c}_sched_class`) === va) return c;
  return `0x${va.toString(16)}`;
}

/**
 * Reads `part`; a member this kernel lacks (a BtfError), or memory that cannot be read there
 * (a GuestError), makes it null, with the first reason in `missing`.
 */
export function optional<T>(
  missing: Record<string, string>,
  part: string,
  read: () => T,
): T | null {
  try {
    return read();
  } catch (err) {
    if (!(err instanceof BtfError)) throw err;
    missing[part] ??= err.message;
    return null;
  }
}

/** Each schedstat a row shows, and the `rq` member it is read from. */
export const SCHEDSTAT = {
  run_delay: "rq.rq_sched_info.run_delay",
  pcount: "rq.rq_sched_info.pcount",
  yld_count: "rq.yld_count",
  sched_count: "rq.sched_count",
  sched_goidle: "rq.sched_goidle",
  ttwu_count: "rq.ttwu_count",
  ttwu_local: "rq.ttwu_local",
} as const;

/** Reads the run queues of `cpus` (default: every possible CPU). */
export function readRunQueues(
  kernel: GuestKernel,
  cpus: readonly number[] = kernel.cpus,
): RqSnapshot {
  const { view } = kernel;
  const missing: Record<string, string> = {};
  const cputime = kernelConstants(kernel.types).constants as unknown as Record<string, number>;
  const kickPath = view.has("scx_rq.kick_sync") ? "rq.scx.kick_sync" : "rq.scx.pnt_seq";
  const rows = cpus.map((cpu): RqRow => {
    const rq = perCpuAddress(kernel, "runqueues", cpu);
    const curr = view.pointer(rq, "rq.curr");
    return {
      cpu,
      nr_running: Number(view.uint(rq, "rq.nr_running")),
      clock: count(view.uint(rq, "rq.clock")),
      curr: {
        pid: Number(view.int(curr, "task_struct.pid")),
        comm: view.string(curr, "task_struct.comm"),
        class: className(kernel, view.pointer(curr, "task_struct.sched_class")),
      },
      scx: optional(missing, "scx", () => ({
        nr_running: Number(view.uint(rq, "rq.scx.nr_running")),
        flags: Number(view.uint(rq, "rq.scx.flags")),
        cpu_released: view.uint(rq, "rq.scx.cpu_released") !== 0n,
        kick_sync: count(view.uint(rq, kickPath)),
        local_dsq: { nr: Number(view.uint(rq, "rq.scx.local_dsq.nr")) },
      })),
      schedstat: optional(missing, "schedstat", () =>
        Object.fromEntries(
          Object.entries(SCHEDSTAT).map(([k, path]) => [k, count(view.uint(rq, path))]),
        )),
      cpustat: optional(missing, "cpustat", () => {
        const at = view.addr(
          perCpuAddress(kernel, "kernel_cpustat", cpu),
          "kernel_cpustat.cpustat",
        );
        return Object.fromEntries(
          Object.keys(CPUTIME).map((name) => [
            name.slice("CPUTIME_".length).toLowerCase(),
            count(view.unsigned(at + BigInt(8 * cputime[name]), 8)),
          ]),
        );
      }),
    };
  });
  return { cpus: rows, missing };
}
