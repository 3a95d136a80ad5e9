// SPDX-License-Identifier: GPL-2.0
/*
 * BTF fixture: Linux v6.16 (x86-64) struct layouts for ktstr-btf's offset resolver.
 *
 * v6.16 layout: struct scx_sched with `event_stats_cpu` (pointer to struct
 * scx_event_stats; path B of kernel.event_offsets, event_stats_off 0) and no `pcpu`;
 * scx_event_stats with the 9 members of 6.16 (s64, SCX_EV_REFILL_SLICE_DFL); no
 * scx_sched_pcpu / scx_sched_pnode; still `pnt_seq`; hash map buckets use rqspinlock_t.
 *
 * Struct definitions live in the kernel/ headers, selected by KV; see
 * /work/shared/kernel-layouts.md for the member lists they follow.
 * Deliberate absences in this era (the test expects these to come out null):
 *   none beyond what the kernel version itself lacks
 *
 * testdata/build.sh compiles this with clang -target bpf (BTF) and, because it
 * mentions ORACLE_MAIN, with host gcc -DORACLE_MAIN; running that prints the
 * compiler's offsets as JSON into testdata/era_6_16.offsets.json.
 */
#define KV 616

#include "kernel/types.h"
#include "kernel/sched.h"
#include "kernel/bpf.h"
#include "kernel/stats.h"
#include "kernel/anchors.h"

#ifdef ORACLE_MAIN
#include "kernel/oracle.h"
#endif
