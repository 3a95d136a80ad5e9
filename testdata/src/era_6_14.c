// SPDX-License-Identifier: GPL-2.0
/*
 * BTF fixture: Linux v6.14 (x86-64) struct layouts for ktstr-btf's offset resolver.
 *
 * v6.14 layout: scx_rq moves `flags` after `cpu_released` and adds `clock`; still
 * `pnt_seq`; rq.curr sits in `union { donor; curr; }`; no struct scx_sched (it arrived in
 * 6.16; the 6.15 event counters were a bare per-CPU variable), so kernel.event_offsets and
 * scx_walker.sched/.sched_pnode/.sched_pcpu cannot resolve.
 *
 * Struct definitions live in the kernel/ headers, selected by KV; see
 * /work/shared/kernel-layouts.md for the member lists they follow.
 * Deliberate absences in this era (the test expects these to come out null):
 *   ERA_CPUMASK_OFFSTACK: cpumask_var_t is a pointer (CONFIG_CPUMASK_OFFSTACK=y, as in S615d)
 *   ERA_SD_NO_TTWU_MOVE_BALANCE: sched_domain lacks ttwu_move_balance: kernel.sched_domain_offsets.stats_offsets is null
 *
 * testdata/build.sh compiles this with clang -target bpf (BTF) and, because it
 * mentions ORACLE_MAIN, with host gcc -DORACLE_MAIN; running that prints the
 * compiler's offsets as JSON into testdata/era_6_14.offsets.json.
 */
#define KV 614
#define ERA_CPUMASK_OFFSTACK
#define ERA_SD_NO_TTWU_MOVE_BALANCE

#include "kernel/types.h"
#include "kernel/sched.h"
#include "kernel/bpf.h"
#include "kernel/stats.h"
#include "kernel/anchors.h"

#ifdef ORACLE_MAIN
#include "kernel/oracle.h"
#endif
