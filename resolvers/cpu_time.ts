/**
 * cpu_time (CpuTimeOffsets) and numa_stats (NumaStatsOffsets) (docs/FIELDS.md).
 * @module
 */
import { group, member, optional, sizeOf } from "./dsl.ts";

/** The cpu_time group. */
export const CPU_TIME = group(
  member("kernel_cpustat_cpustat", "kernel_cpustat", "cpustat"),
  member("kstat_irqs_sum", "kernel_stat", "irqs_sum"),
  member("kstat_softirqs", "kernel_stat", "softirqs"),
  // CONFIG_NO_HZ_COMMON only.
  optional(member("tick_sched_iowait_sleeptime", "tick_sched", "iowait_sleeptime")),
);

/** The numa_stats group. */
export const NUMA_STATS = group(
  member("pglist_data_node_zones", "pglist_data", "node_zones"),
  member("zone_vm_numa_event", "zone", "vm_numa_event"),
  sizeOf("zone_size", "zone"),
);
