// SPDX-License-Identifier: GPL-2.0
/*
 * BTF fixture: Linux v6.12 (x86-64) struct layouts for ktstr-btf's offset resolver.
 *
 * v6.12 layout: scx_rq has `pnt_seq`, no `clock`, and `flags` before `cpuperf_target`;
 * rq.curr is a plain member; there is no struct scx_sched / scx_sched_pcpu /
 * scx_sched_pnode / scx_event_stats, so kernel.event_offsets and scx_walker.sched,
 * .sched_pnode, .sched_pcpu cannot resolve. bpf_struct_ops_map has `rcu` and `links_cnt`;
 * bpf_local_storage_elem has a plain `rcu`. cpumask_var_t is inline (as in S612).
 *
 * Struct definitions live in the kernel/ headers, selected by KV; see
 * /work/shared/kernel-layouts.md for the member lists they follow.
 * Deliberate absences in this era (the test expects these to come out null):
 *   ERA_NO_CORE_COOKIE: task_struct.core_cookie absent (no CONFIG_SCHED_CORE): task_enrichment.task_struct_core_cookie is null
 *   ERA_NO_IOWAIT_SLEEPTIME: tick_sched.iowait_sleeptime absent: cpu_time.tick_sched_iowait_sleeptime is null
 *
 * testdata/build.sh compiles this with clang -target bpf (BTF) and, because it
 * mentions ORACLE_MAIN, with host gcc -DORACLE_MAIN; running that prints the
 * compiler's offsets as JSON into testdata/era_6_12.offsets.json.
 */
#define KV 612
#define ERA_NO_CORE_COOKIE
#define ERA_NO_IOWAIT_SLEEPTIME

#include "kernel/types.h"
#include "kernel/sched.h"
#include "kernel/bpf.h"
#include "kernel/stats.h"
#include "kernel/anchors.h"

#ifdef ORACLE_MAIN
#include "kernel/oracle.h"
#endif
