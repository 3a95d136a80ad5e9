/**
 * task_enrichment (TaskEnrichmentOffsets): per-task fields for the failure dump, with the
 * signal_struct / pid / upid chain to pgid and sid (docs/FIELDS.md).
 * @module
 */
import { derived, group, member, optional, sizeOf } from "./dsl.ts";

/** task_struct_foo → member foo of task_struct. */
const task = (field: string) => member(`task_struct_${field}`, "task_struct", field);
/** signal_struct_foo → member foo of signal_struct. */
const signal = (field: string) => member(`signal_struct_${field}`, "signal_struct", field);

/** The task_enrichment group. */
export const TASK_ENRICHMENT = group(
  ...[
    "comm",
    "pid",
    "tgid",
    "prio",
    "static_prio",
    "normal_prio",
    "rt_priority",
    "sched_class",
    "scx",
  ]
    .map(task),
  // CONFIG_SCHED_CORE only.
  optional(task("core_cookie")),
  ...["real_parent", "group_leader", "signal", "stack"].map(task),
  member("see_weight", "sched_ext_entity", "weight"),
  ...["nr_threads", "pids", "nvcsw", "nivcsw"].map(signal),
  task("nvcsw"),
  task("nivcsw"),
  task("utime"),
  task("stime"),
  signal("utime"),
  signal("stime"),
  member("pid_numbers", "pid", "numbers"),
  // struct pid ends in the numbers[] flexible array: its fixed prefix ends where it starts.
  derived("pid_size", "pid.numbers", (partial) => partial.pid_numbers as number),
  member("upid_nr", "upid", "nr"),
  sizeOf("upid_size", "upid"),
);
