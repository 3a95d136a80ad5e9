// SPDX-License-Identifier: GPL-2.0
/*
 * BTF fixture: Linux v6.18 (x86-64) struct layouts for ktstr-btf's offset resolver.
 *
 * v6.18 layout: scx_sched.pcpu -> struct scx_sched_pcpu { event_stats } (path A of
 * kernel.event_offsets), warned_zero_slice:1 / warned_deprecated_rq:1 bitfields; bpf_map
 * starts with `sha[32]`; bpf_prog has `union { digest[32]; tag[8]; }`; still `pnt_seq`;
 * sched_domain has no newidle_* members. scx_sched_pcpu has no bypass_dsq
 * (scx_walker.sched_pcpu.bypass_dsq null) and there is no scx_sched_pnode.
 *
 * Struct definitions live in the kernel/ headers, selected by KV; see
 * /work/shared/kernel-layouts.md for the member lists they follow.
 * Deliberate absences in this era (the test expects these to come out null):
 *   ERA_EV_OLD_SLICE_NAME: scx_event_stats carries the old member name SCX_EV_ENQ_SLICE_DFL, so ev_refill_slice_dfl resolves through the fallback name
 *
 * testdata/build.sh compiles this with clang -target bpf (BTF) and, because it
 * mentions ORACLE_MAIN, with host gcc -DORACLE_MAIN; running that prints the
 * compiler's offsets as JSON into testdata/era_6_18.offsets.json.
 */
#define KV 618
#define ERA_EV_OLD_SLICE_NAME

#include "kernel/types.h"
#include "kernel/sched.h"
#include "kernel/bpf.h"
#include "kernel/stats.h"
#include "kernel/anchors.h"

#ifdef ORACLE_MAIN
#include "kernel/oracle.h"
#endif
