/**
 * scx_walker (ScxWalkerOffsets): ten independent per-struct sub-groups for the host-side
 * sched_ext walker. The group never fails; each sub-group is `null` when its struct or a
 * required member is missing, and `missing_groups` names the failed ones (docs/FIELDS.md).
 * @module
 */
import { derived, type Group, group, member, members, optional, structExists, sub } from "./dsl.ts";

/** scx_walker.rq: struct rq. */
export const RQ = group(...members("rq", "scx", "curr"));

/** scx_walker.scx_rq: struct scx_rq. */
export const SCX_RQ = group(
  ...members(
    "scx_rq",
    "local_dsq",
    "runnable_list",
    "nr_running",
    "flags",
    "cpu_released",
  ),
  // Moved to sched_ext_entity in 7.2 (and stable 6.12+).
  optional(member("ops_qseq", "scx_rq", "ops_qseq")),
  // Renamed from pnt_seq in 6.19.
  optional(member("kick_sync", "scx_rq", "kick_sync", "pnt_seq")),
  ...members("scx_rq", "nr_immed", "clock").map(optional),
);

/** scx_walker.task: the task_struct fields every walker needs. */
export const TASK = group(...members("task_struct", "comm", "pid", "scx"));

/** scx_walker.see: struct sched_ext_entity. */
export const SEE = group(
  ...members(
    "sched_ext_entity",
    "runnable_node",
    "runnable_at",
    "weight",
    "slice",
    "dsq_vtime",
    "dsq",
    "dsq_list",
    "flags",
    "dsq_flags",
    "sticky_cpu",
    "holding_cpu",
    "tasks_node",
  ),
  // 7.2+ (and stable 6.12+): the per-task qseq that replaced scx_rq.ops_qseq.
  optional(member("ops_qseq", "sched_ext_entity", "ops_qseq")),
);

/** scx_walker.dsq_lnode: struct scx_dsq_list_node. */
export const DSQ_LNODE = group(...members("scx_dsq_list_node", "node", "flags"));

/** scx_walker.dsq: struct scx_dispatch_q. */
export const DSQ = group(...members("scx_dispatch_q", "list", "nr", "seq", "id", "hash_node"));

/** scx_walker.sched: struct scx_sched. */
export const SCHED = group(
  member("dsq_hash", "scx_sched", "dsq_hash"),
  ...members("scx_sched", "pnode", "pcpu", "aborting", "bypass_depth").map(optional),
  member("exit_kind", "scx_sched", "exit_kind"),
);

/** scx_walker.sched_pnode: struct scx_sched_pnode. */
export const SCHED_PNODE = group(
  structExists("scx_sched_pnode"),
  optional(member("global_dsq", "scx_sched_pnode", "global_dsq")),
);

/** scx_walker.sched_pcpu: struct scx_sched_pcpu. */
export const SCHED_PCPU = group(
  structExists("scx_sched_pcpu"),
  optional(member("bypass_dsq", "scx_sched_pcpu", "bypass_dsq")),
);

/** scx_walker.rht: struct rhashtable, bucket_table and rhash_head. */
export const RHT = group(
  ...members("rhashtable", "tbl", "nelems"),
  member("bucket_table_size", "bucket_table", "size"),
  member("bucket_table_buckets", "bucket_table", "buckets"),
  member("rhash_head_next", "rhash_head", "next"),
);

/** Each sub-group: its key, its declaration and its name in `missing_groups`. */
const SUB_GROUPS: readonly [key: string, g: Group, reported: string][] = [
  ["rq", RQ, "rq"],
  ["scx_rq", SCX_RQ, "scx_rq"],
  ["task", TASK, "task_struct"],
  ["see", SEE, "sched_ext_entity"],
  ["dsq_lnode", DSQ_LNODE, "scx_dsq_list_node"],
  ["dsq", DSQ, "scx_dispatch_q"],
  ["sched", SCHED, "scx_sched"],
  ["sched_pnode", SCHED_PNODE, "scx_sched_pnode"],
  ["sched_pcpu", SCHED_PCPU, "scx_sched_pcpu"],
  ["rht", RHT, "rhashtable/bucket_table/rhash_head"],
];

/** The scx_walker group (ScxWalkerOffsets). */
export const SCX_WALKER = group(
  ...SUB_GROUPS.map(([key, g]) => sub(key, g)),
  derived(
    "missing_groups",
    "the failed sub-groups",
    (partial) => SUB_GROUPS.filter(([key]) => partial[key] === null).map(([, , name]) => name),
  ),
);
