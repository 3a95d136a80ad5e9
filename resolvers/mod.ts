/**
 * Every offset group by name, and resolution of one group or all of them into the
 * `offsets` and `missing` objects of the JSON contract (SPEC §4, §6).
 * @module
 */
import type { BtfTypes } from "../btf/table.ts";
import { BPF_MAP } from "./bpf_map.ts";
import { BPF_PROG } from "./bpf_prog.ts";
import { CPU_TIME, NUMA_STATS } from "./cpu_time.ts";
import { type Group, type GroupValue, type MissingMap, resolveOptional } from "./dsl.ts";
import { IDR } from "./idr.ts";
import { KERNEL } from "./kernel.ts";
import { RUNNABLE_SCAN } from "./runnable_scan.ts";
import { SCX_WALKER } from "./scx_walker.ts";
import { TASK_ENRICHMENT } from "./task_enrichment.ts";

/** The top-level groups, in report order. */
export const GROUPS = {
  kernel: KERNEL,
  bpf_map: BPF_MAP,
  bpf_prog: BPF_PROG,
  idr: IDR,
  scx_walker: SCX_WALKER,
  runnable_scan: RUNNABLE_SCAN,
  task_enrichment: TASK_ENRICHMENT,
  cpu_time: CPU_TIME,
  numa_stats: NUMA_STATS,
} as const satisfies Record<string, Group>;

/** Name of a top-level group. */
export type GroupName = keyof typeof GROUPS;

/** Every top-level group name, in report order. */
export const GROUP_NAMES = Object.keys(GROUPS) as GroupName[];

/** One group's outcome: its value (`null` when it failed) and the missing paths it found. */
export interface GroupOutcome {
  /** The group's fields, or `null` when a required field failed. */
  value: GroupValue | null;
  /** Dotted paths of missing groups and sub-groups → message chain. */
  missing: MissingMap;
}

/** Resolves one top-level group. Pure: safe to run in any thread against a shared table. */
export function resolveNamedGroup(types: BtfTypes, name: GroupName): GroupOutcome {
  const missing: MissingMap = {};
  const value = resolveOptional(types, GROUPS[name], name, missing);
  return { value, missing };
}

/** The merged result of several groups: SPEC §6 `offsets` and `missing`. */
export interface OffsetsReport {
  /** Group name → group value (`null` when the group failed). */
  offsets: Partial<Record<GroupName, GroupValue | null>>;
  /** Dotted path → message chain, in group order. */
  missing: MissingMap;
}

/** Merges per-group outcomes (in the order given) into one report. */
export function mergeOutcomes(outcomes: [GroupName, GroupOutcome][]): OffsetsReport {
  const report: OffsetsReport = { offsets: {}, missing: {} };
  for (const [name, outcome] of outcomes) {
    report.offsets[name] = outcome.value;
    Object.assign(report.missing, outcome.missing);
  }
  return report;
}

/** Resolves `names` (default: every group) inline, in report order. */
export function resolveOffsets(
  types: BtfTypes,
  names: readonly GroupName[] = GROUP_NAMES,
): OffsetsReport {
  const ordered = GROUP_NAMES.filter((n) => names.includes(n));
  return mergeOutcomes(ordered.map((n) => [n, resolveNamedGroup(types, n)]));
}
