/**
 * runnable_scan (RunnableScanOffsets): the runnable_at scanner's seven fields, each read
 * directly by member_offset, so the group depends only on what the scanner reads and fails
 * only with one of these fields' messages (docs/FIELDS.md).
 * @module
 */
import { group, member } from "./dsl.ts";

/** The runnable_scan group. */
export const RUNNABLE_SCAN = group(
  member("task_struct_scx", "task_struct", "scx"),
  member("sched_ext_entity_tasks_node", "sched_ext_entity", "tasks_node"),
  member("sched_ext_entity_flags", "sched_ext_entity", "flags"),
  member("sched_ext_entity_runnable_at", "sched_ext_entity", "runnable_at"),
  member("sched_ext_entity_runnable_node", "sched_ext_entity", "runnable_node"),
  member("rq_scx", "rq", "scx"),
  member("scx_rq_runnable_list", "scx_rq", "runnable_list"),
);
