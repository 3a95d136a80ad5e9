// SPDX-License-Identifier: GPL-2.0
/*
 * BTF fixture: Linux v7.3 (x86-64) struct layouts for ktstr-btf's offset resolver.
 *
 * v7.3 layout: the 7.1 structs with the 7.2 move of ops_qseq from scx_rq to a per-task
 * u32 sched_ext_entity.ops_qseq, the 7.3 rename SCX_EV_REENQ_LOCAL_REPEAT ->
 * SCX_EV_REENQ_REPEAT and its eight new counters (SCX_EV_SLICE_CLAMPED ...
 * SCX_EV_SUB_RESCUE), psi_group and the cgroup structs (kernel/cgroup.h), and the enums
 * the constants are read from (kernel/enums.h). Every optional field resolves.
 *
 * Struct definitions live in the kernel/ headers, selected by KV; see
 * /work/shared/kernel-layouts.md for the member lists they follow.
 * Deliberate absences in this era (the test expects these to come out null):
 *   none beyond what the kernel version itself lacks
 *
 * testdata/build.sh compiles this with clang -target bpf (BTF) and, because it
 * mentions ORACLE_MAIN, with host gcc -DORACLE_MAIN; running that prints the
 * compiler's offsets as JSON into testdata/era_7_3.offsets.json.
 */
#define KV 703

#include "kernel/types.h"
#include "kernel/enums.h"
#include "kernel/sched.h"
#include "kernel/cgroup.h"
#include "kernel/bpf.h"
#include "kernel/stats.h"
#include "kernel/anchors.h"

#ifdef ORACLE_MAIN
#include "kernel/oracle.h"
#endif
