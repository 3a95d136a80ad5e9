/**
 * Names of the top-level groups and the shape of their outcomes, with the merge into one
 * report: everything the main thread and the worker pool need without loading the group
 * declarations themselves.
 * @module
 */
import type { GroupValue, MissingMap, ViaMap } from "./dsl.ts";

/** Every top-level group name, in report order (the JSON contract's `offsets`, docs/JSON.md). */
export const GROUP_NAMES = [
  "kernel",
  "bpf_map",
  "bpf_prog",
  "idr",
  "scx_walker",
  "runnable_scan",
  "task_enrichment",
  "cpu_time",
  "numa_stats",
  "psi",
  "cgroup_walk",
] as const;

/** Name of a top-level group. */
export type GroupName = typeof GROUP_NAMES[number];

/** One group's outcome: its value (`null` when it failed) and the missing paths it found. */
export interface GroupOutcome {
  /** The group's fields, or `null` when a required field failed. */
  value: GroupValue | null;
  /** Dotted paths of missing groups and sub-groups → message chain. */
  missing: MissingMap;
  /** Dotted paths of leaves read through a fallback → the `<struct>.<member>` used. */
  via: ViaMap;
}

/** The merged result of several groups: the JSON contract's `offsets` and `missing` (docs/JSON.md). */
export interface OffsetsReport {
  /** Group name → group value (`null` when the group failed). */
  offsets: Partial<Record<GroupName, GroupValue | null>>;
  /** Dotted path → message chain, in group order. */
  missing: MissingMap;
  /** Dotted path → the `<struct>.<member>` a fallback read, in group order. */
  via: ViaMap;
}

/** Merges per-group outcomes (in the order given) into one report. */
export function mergeOutcomes(outcomes: [GroupName, GroupOutcome][]): OffsetsReport {
  const report: OffsetsReport = { offsets: {}, missing: {}, via: {} };
  for (const [name, outcome] of outcomes) {
    report.offsets[name] = outcome.value;
    Object.assign(report.missing, outcome.missing);
    Object.assign(report.via, outcome.via);
  }
  return report;
}

/** `names` in report order (unknown names dropped). */
export function inReportOrder(names: readonly string[]): GroupName[] {
  return GROUP_NAMES.filter((n) => names.includes(n));
}
