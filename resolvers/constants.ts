/**
 * Kernel constants the monitor needs beside the offsets (docs/FIELDS.md, `constants`); exported and
 * included in the JSON report.
 * @module
 */
import { enumerators, type EnumValue, enumValues } from "../btf/enums.ts";
import type { BtfTypes } from "../btf/table.ts";

/** Indices into signal_struct.pids[] (enum pid_type). */
export const PID_TYPE = { PID: 0, TGID: 1, PGID: 2, SID: 3 } as const;

/** Indices into kernel_cpustat.cpustat[] (enum cpu_usage_stat). */
export const CPUTIME = {
  CPUTIME_USER: 0,
  CPUTIME_NICE: 1,
  CPUTIME_SYSTEM: 2,
  CPUTIME_SOFTIRQ: 3,
  CPUTIME_IRQ: 4,
  CPUTIME_IDLE: 5,
  CPUTIME_IOWAIT: 6,
  CPUTIME_STEAL: 7,
} as const;

/** Softirq vector names in vector order (kernel_stat.softirqs[]). */
export const SOFTIRQ_NAMES = [
  "HI",
  "TIMER",
  "NET_TX",
  "NET_RX",
  "BLOCK",
  "IRQ_POLL",
  "TASKLET",
  "SCHED",
  "HRTIMER",
  "RCU",
] as const;

/** Indices into zone.vm_numa_event[] (enum numa_stat_item). */
export const NUMA_EVENT = {
  NUMA_HIT: 0,
  NUMA_MISS: 1,
  NUMA_FOREIGN: 2,
  NUMA_INTERLEAVE_HIT: 3,
  NUMA_LOCAL: 4,
  NUMA_OTHER: 5,
} as const;

/** NUMA event names in index order. */
export const NUMA_EVENT_NAMES = Object.keys(NUMA_EVENT) as (keyof typeof NUMA_EVENT)[];

/** Every constant, as the JSON report's `constants` object carries them. */
export const CONSTANTS = {
  pid_type: PID_TYPE,
  SCX_DSQ_LNODE_ITER_CURSOR: 1,
  RHT_PTR_LOCK_BIT: 1,
  CPU_MAX_IDLE_TYPES: 3,
  ...CPUTIME,
  NR_SOFTIRQS: SOFTIRQ_NAMES.length,
  SOFTIRQ_NAMES,
  ...NUMA_EVENT,
  NR_VM_NUMA_EVENT_ITEMS: NUMA_EVENT_NAMES.length,
  NUMA_EVENT_NAMES,
} as const;

/** The constants as one kernel defines them (same shape as {@link CONSTANTS}). */
export interface KernelConstants {
  /** Indices into signal_struct.pids[]. */
  pid_type: { PID: number; TGID: number; PGID: number; SID: number };
  /** Any other constant: a number or a list of names. */
  [name: string]: number | readonly string[] | { [k: string]: number };
}

/** The constants of one kernel and, for those it does not define, `constants.<name>` → `builtin`. */
export interface ResolvedConstants {
  /** The constants, read from the kernel's enumerators where it has them. */
  constants: KernelConstants;
  /** `constants.<name>` (or `constants.pid_type.<k>`) → `"builtin"`. */
  via: Record<string, string>;
}

const PID_ENUMERATORS = {
  PID: "PIDTYPE_PID",
  TGID: "PIDTYPE_TGID",
  PGID: "PIDTYPE_PGID",
  SID: "PIDTYPE_SID",
};
/** Constants read from the enumerator of the same name. */
const SAME_NAME = [
  "SCX_DSQ_LNODE_ITER_CURSOR",
  "CPU_MAX_IDLE_TYPES",
  ...Object.keys(CPUTIME),
  "NR_SOFTIRQS",
  ...NUMA_EVENT_NAMES,
  "NR_VM_NUMA_EVENT_ITEMS",
];

/**
 * The constants read from the kernel's enumerators (docs/FIELDS.md): pid_type from PIDTYPE_*,
 * SOFTIRQ_NAMES from the enum holding HI_SOFTIRQ (its `*_SOFTIRQ` names below NR_SOFTIRQS, in
 * value order), NUMA_EVENT_NAMES in value order, the rest from the enumerator of the same
 * name; a constant the kernel does not define keeps its built-in value.
 */
export function kernelConstants(types: BtfTypes): ResolvedConstants {
  const found = enumValues(types, [...Object.values(PID_ENUMERATORS), ...SAME_NAME, "HI_SOFTIRQ"]);
  const via: Record<string, string> = {};
  const read = (name: string, path: string, builtin: number): number => {
    const v = found.get(name);
    if (v !== undefined && typeof v.value === "number") return v.value;
    via[`constants.${path}`] = "builtin";
    return builtin;
  };
  const pidType = Object.fromEntries(
    Object.entries(PID_ENUMERATORS).map((
      [k, e],
    ) => [k, read(e, `pid_type.${k}`, PID_TYPE[k as keyof typeof PID_TYPE])]),
  ) as KernelConstants["pid_type"];
  const same = Object.fromEntries(
    SAME_NAME.map((n) => [n, read(n, n, (CONSTANTS as unknown as Record<string, number>)[n])]),
  );
  via["constants.RHT_PTR_LOCK_BIT"] = "builtin";
  return {
    constants: {
      pid_type: pidType,
      SCX_DSQ_LNODE_ITER_CURSOR: same.SCX_DSQ_LNODE_ITER_CURSOR,
      RHT_PTR_LOCK_BIT: CONSTANTS.RHT_PTR_LOCK_BIT,
      CPU_MAX_IDLE_TYPES: same.CPU_MAX_IDLE_TYPES,
      ...Object.fromEntries(Object.keys(CPUTIME).map((n) => [n, same[n]])),
      NR_SOFTIRQS: same.NR_SOFTIRQS,
      SOFTIRQ_NAMES: softirqNames(types, found.get("HI_SOFTIRQ"), same.NR_SOFTIRQS, via),
      ...Object.fromEntries(NUMA_EVENT_NAMES.map((n) => [n, same[n]])),
      NR_VM_NUMA_EVENT_ITEMS: same.NR_VM_NUMA_EVENT_ITEMS,
      NUMA_EVENT_NAMES: byValue(NUMA_EVENT_NAMES.map((n) => [n, same[n]])),
    },
    via,
  };
}

/** Names ordered by their values. */
function byValue(entries: [string, number][]): string[] {
  return [...entries].sort((a, b) => a[1] - b[1]).map(([n]) => n);
}

/** The softirq names of the enum holding HI_SOFTIRQ, else the built-in list. */
function softirqNames(
  types: BtfTypes,
  hi: EnumValue | undefined,
  count: number,
  via: Record<string, string>,
): readonly string[] {
  if (hi === undefined) {
    via["constants.SOFTIRQ_NAMES"] = "builtin";
    return SOFTIRQ_NAMES;
  }
  const vectors = enumerators(types, hi.typeId).filter((e) =>
    e.name.endsWith("_SOFTIRQ") && typeof e.value === "number" && e.value < count
  ) as { name: string; value: number }[];
  return byValue(vectors.map((e) => [e.name.slice(0, -"_SOFTIRQ".length), e.value]));
}
