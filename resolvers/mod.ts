/**
 * Every offset group by name, and resolution of one group or all of them into the
 * `offsets` and `missing` objects of the JSON contract (docs/FIELDS.md, docs/JSON.md).
 * @module
 */
import type { BtfTypes } from "../btf/table.ts";
import { BPF_MAP } from "./bpf_map.ts";
import { BPF_PROG } from "./bpf_prog.ts";
import { CPU_TIME, NUMA_STATS } from "./cpu_time.ts";
import { CGROUP_WALK, PSI } from "./cgroup.ts";
import { type Group, type MissingMap, resolveOptional, type ViaMap } from "./dsl.ts";
import {
  GROUP_NAMES,
  type GroupName,
  type GroupOutcome,
  inReportOrder,
  mergeOutcomes,
  type OffsetsReport,
} from "./names.ts";
import { IDR } from "./idr.ts";
import { KERNEL } from "./kernel.ts";
import { RUNNABLE_SCAN } from "./runnable_scan.ts";
import { SCX_WALKER } from "./scx_walker.ts";
import { TASK_ENRICHMENT } from "./task_enrichment.ts";

/** The top-level groups, in report order. */
export const GROUPS: Record<GroupName, Group> = {
  kernel: KERNEL,
  bpf_map: BPF_MAP,
  bpf_prog: BPF_PROG,
  idr: IDR,
  scx_walker: SCX_WALKER,
  runnable_scan: RUNNABLE_SCAN,
  task_enrichment: TASK_ENRICHMENT,
  cpu_time: CPU_TIME,
  numa_stats: NUMA_STATS,
  psi: PSI,
  cgroup_walk: CGROUP_WALK,
};

export * from "./names.ts";

/**
 * Resolves one top-level group. Pure: safe to run in any thread against a shared table. The
 * groups look up hundreds of names: the table's indexes are built first (a table attached
 * from another thread has them already).
 */
export function resolveNamedGroup(types: BtfTypes, name: GroupName): GroupOutcome {
  types.buildIndexes();
  const missing: MissingMap = {};
  const via: ViaMap = {};
  const value = resolveOptional(types, GROUPS[name], name, missing, via);
  return { value, missing, via };
}

/** Resolves `names` (default: every group) inline, in report order. */
export function resolveOffsets(
  types: BtfTypes,
  names: readonly GroupName[] = GROUP_NAMES,
): OffsetsReport {
  return mergeOutcomes(inReportOrder(names).map((n) => [n, resolveNamedGroup(types, n)]));
}
