// SPDX-License-Identifier: GPL-2.0
/*
 * ktstr_min: the smallest sched_ext scheduler that loads. One callback, .enqueue, puts every
 * runnable task on the local DSQ of the CPU it was enqueued on with the default slice: FIFO per
 * CPU, no priorities, no migration beyond what the kernel's default select_cpu does.
 *
 * Built by tests/vm/run.sh with the host clang (-target bpf -O2 -g) against a vmlinux.h dumped
 * from the guest kernel's BTF; needs no libbpf headers. KTSTR_DISPATCH_KFUNC picks the kfunc the
 * kernel has: scx_bpf_dsq_insert (6.13 on) or scx_bpf_dispatch (6.12).
 */
#include "vmlinux.h"

#define SEC(name) __attribute__((section(name), used))
#define __ksym __attribute__((section(".ksyms")))

#ifndef KTSTR_DISPATCH_KFUNC
#define KTSTR_DISPATCH_KFUNC scx_bpf_dsq_insert
#endif

/* 20 ms, the kernel's SCX_SLICE_DFL (a #define, so not in BTF). */
#define KTSTR_SLICE_NS 20000000ULL

extern void KTSTR_DISPATCH_KFUNC(struct task_struct *p, u64 dsq_id, u64 slice,
				 u64 enq_flags) __ksym;

char _license[] SEC("license") = "GPL";

/* struct_ops programs receive their arguments as an array of u64 (what BPF_PROG unpacks). */
SEC("struct_ops/ktstr_min_enqueue")
void ktstr_min_enqueue(unsigned long long *ctx)
{
	struct task_struct *p = (struct task_struct *)ctx[0];
	u64 enq_flags = ctx[1];

	KTSTR_DISPATCH_KFUNC(p, SCX_DSQ_LOCAL, KTSTR_SLICE_NS, enq_flags);
}

SEC(".struct_ops.link")
struct sched_ext_ops ktstr_min_ops = {
	.enqueue = (void *)ktstr_min_enqueue,
	.name = "ktstr_min",
};
