/**
 * runnable_scan (RunnableScanOffsets): the runnable_at scanner's fields, taken from the
 * scx_walker task, see, rq and scx_rq sub-groups; it fails with the first of them that
 * fails, in that order (SPEC §4).
 * @module
 */
import { custom, type Field, type Group, group, perTable, resolveGroup } from "./dsl.ts";
import { RQ, SCX_RQ, SEE, TASK } from "./scx_walker.ts";

/** Each walker sub-group resolved once per table (several fields come from one). */
const subGroup = perTable((types, source: Group) => resolveGroup(types, source, "", {}));

/** A field copied from a whole (required) walker sub-group. */
function from(source: Group, key: string, field: string): Field {
  return custom(key, (types) => subGroup(types, source)[field] as number);
}

/** The runnable_scan group. */
export const RUNNABLE_SCAN = group(
  from(TASK, "task_struct_scx", "scx"),
  from(SEE, "sched_ext_entity_tasks_node", "tasks_node"),
  from(SEE, "sched_ext_entity_flags", "flags"),
  from(SEE, "sched_ext_entity_runnable_at", "runnable_at"),
  from(SEE, "sched_ext_entity_runnable_node", "runnable_node"),
  from(RQ, "rq_scx", "scx"),
  from(SCX_RQ, "scx_rq_runnable_list", "runnable_list"),
);
