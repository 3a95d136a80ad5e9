/* SPDX-License-Identifier: GPL-2.0 */
/*
 * v7.3 enums whose enumerators the constants are read from (schema 2), with the
 * values of Debian's 7.3.4 kernel, except that PSI_IRQ_FULL is present here
 * (CONFIG_IRQ_TIME_ACCOUNTING=y; Debian's 7.3.4 lacks it). Include before kernel/sched.h,
 * which then takes CPU_MAX_IDLE_TYPES and PIDTYPE_MAX from here.
 */
#ifndef KTSTR_FIXTURE_ENUMS_H
#define KTSTR_FIXTURE_ENUMS_H

enum pid_type { PIDTYPE_PID, PIDTYPE_TGID, PIDTYPE_PGID, PIDTYPE_SID, PIDTYPE_MAX };
enum cpu_usage_stat {
	CPUTIME_USER, CPUTIME_NICE, CPUTIME_SYSTEM, CPUTIME_SOFTIRQ, CPUTIME_IRQ, CPUTIME_IDLE,
	CPUTIME_IOWAIT, CPUTIME_STEAL, CPUTIME_GUEST, CPUTIME_GUEST_NICE, NR_STATS,
};
/* anonymous in the kernel (include/linux/interrupt.h); the typedef only makes clang emit it */
typedef enum {
	HI_SOFTIRQ, TIMER_SOFTIRQ, NET_TX_SOFTIRQ, NET_RX_SOFTIRQ, BLOCK_SOFTIRQ, IRQ_POLL_SOFTIRQ,
	TASKLET_SOFTIRQ, SCHED_SOFTIRQ, HRTIMER_SOFTIRQ, RCU_SOFTIRQ, NR_SOFTIRQS,
} softirq_vec_t;
enum numa_stat_item {
	NUMA_HIT, NUMA_MISS, NUMA_FOREIGN, NUMA_INTERLEAVE_HIT, NUMA_LOCAL, NUMA_OTHER,
	NR_VM_NUMA_EVENT_ITEMS,
};
enum cpu_idle_type { __CPU_NOT_IDLE, CPU_IDLE, CPU_NEWLY_IDLE, CPU_MAX_IDLE_TYPES };
enum scx_dsq_lnode_flags { SCX_DSQ_LNODE_ITER_CURSOR = 1, __SCX_DSQ_LNODE_PRIV_SHIFT = 16 };
enum psi_states {
	PSI_IO_SOME, PSI_IO_FULL, PSI_MEM_SOME, PSI_MEM_FULL, PSI_CPU_SOME, PSI_CPU_FULL,
	PSI_IRQ_FULL, PSI_NONIDLE, NR_PSI_STATES,
};

#endif /* KTSTR_FIXTURE_ENUMS_H */
