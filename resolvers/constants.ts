/**
 * Kernel constants the monitor needs beside the offsets (SPEC §4 "constants"); exported and
 * included in the JSON report.
 * @module
 */

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
