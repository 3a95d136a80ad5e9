// SPDX-License-Identifier: GPL-2.0
/*
 * BTF fixture: Linux v7.1 (x86-64) struct layouts for ktstr-btf's offset resolver.
 *
 * v7.1 layout: struct rq reordered (nr_running first, v7.0 89951fc1f820); scx_rq with
 * `in_select_cpu`, `nr_immed`, `clock`, `kick_sync` (no pnt_seq) and the deferred_reenq_*
 * members; sched_ext_entity in its 7.1 order (`sched` first); scx_dispatch_q with
 * `first_task`; scx_sched with pnode, pcpu, bypass_depth, aborting, watchdog_timeout,
 * exit_kind; scx_sched_pcpu 7.1 form (sch, flags, event_stats, deferred_reenq_local,
 * bypass_dsq, bypass_host_seq, dsp_ctx with a flexible buf); scx_sched_pnode
 * {global_dsq}; scx_event_stats with all 13 members; sched_domain with newidle_call,
 * newidle_success, newidle_ratio; rhashtable with run_irq_work; btf with named_start_id
 * and layout; bpf_map without objcg. Every optional field resolves.
 *
 * Struct definitions live in the kernel/ headers, selected by KV; see
 * /work/shared/kernel-layouts.md for the member lists they follow.
 * Deliberate absences in this era (the test expects these to come out null):
 *   none beyond what the kernel version itself lacks
 *
 * testdata/build.sh compiles this with clang -target bpf (BTF) and, because it
 * mentions ORACLE_MAIN, with host gcc -DORACLE_MAIN; running that prints the
 * compiler's offsets as JSON into testdata/era_7_1.offsets.json.
 */
#define KV 701

#include "kernel/types.h"
#include "kernel/sched.h"
#include "kernel/bpf.h"
#include "kernel/stats.h"
#include "kernel/anchors.h"

#ifdef ORACLE_MAIN
#include "kernel/oracle.h"
#endif
