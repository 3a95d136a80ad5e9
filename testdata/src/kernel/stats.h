/* SPDX-License-Identifier: GPL-2.0 */
/*
 * CPU time and NUMA statistics structs for the era fixtures: kernel_cpustat, kernel_stat,
 * tick_sched, zone, pglist_data. Kernel-like layouts (abridged), stable across eras.
 *   ERA_NO_IOWAIT_SLEEPTIME   tick_sched.iowait_sleeptime absent (optional field)
 */
#ifndef KTSTR_FIXTURE_STATS_H
#define KTSTR_FIXTURE_STATS_H

#include "types.h"

#define NR_STATS 10             /* CPUTIME_USER .. CPUTIME_GUEST_NICE */
#define NR_SOFTIRQS 10
#define NR_VM_NUMA_EVENT_ITEMS 6
#define MAX_NR_ZONES 4
#define NR_PAGE_ORDERS 11
#define MIGRATE_TYPES 6
#define NR_VM_ZONE_STAT_ITEMS 11

struct kernel_cpustat {
	u64 cpustat[NR_STATS];
};

struct kernel_stat {
	unsigned long irqs_sum;
	unsigned int softirqs[NR_SOFTIRQS];
};

struct tick_sched {
	unsigned long flags;
	unsigned int stalled_jiffies;
	unsigned long last_tick_jiffies;
	struct hrtimer sched_timer;
	ktime_t last_tick;
	ktime_t next_tick;
	unsigned long idle_jiffies;
	ktime_t idle_waketime;
	unsigned int got_idle_tick;
	seqcount_t idle_sleeptime_seq;
	ktime_t idle_entrytime;
	unsigned long last_jiffies;
	u64 timer_expires_base;
	u64 timer_expires;
	u64 next_timer;
	ktime_t idle_expires;
	unsigned long idle_calls;
	unsigned long idle_sleeps;
	ktime_t idle_exittime;
	ktime_t idle_sleeptime;
#ifndef ERA_NO_IOWAIT_SLEEPTIME
	ktime_t iowait_sleeptime;
#endif
	atomic_t tick_dep_mask;
	unsigned long check_clocks;
};

struct free_area {
	struct list_head free_list[MIGRATE_TYPES];
	unsigned long nr_free;
};

struct zone_padding { char x[0]; } ____cacheline_aligned;

struct zone {
	unsigned long _watermark[4];
	unsigned long watermark_boost;
	unsigned long nr_reserved_highatomic;
	long lowmem_reserve[MAX_NR_ZONES];
	int node;
	struct pglist_data *zone_pgdat;
	struct per_cpu_pages *per_cpu_pageset;
	struct per_cpu_zonestat *per_cpu_zonestats;
	int pageset_high_min;
	int pageset_high_max;
	int pageset_batch;
	unsigned long zone_start_pfn;
	atomic_long_t managed_pages;
	unsigned long spanned_pages;
	unsigned long present_pages;
	unsigned long cma_pages;
	const char *name;
	unsigned long nr_isolate_pageblock;
	int initialized;
	struct zone_padding _pad1_;
	struct free_area free_area[NR_PAGE_ORDERS];
	unsigned long flags;
	spinlock_t lock;
	struct zone_padding _pad2_;
	unsigned long percpu_drift_mark;
	unsigned long compact_cached_free_pfn;
	unsigned long compact_cached_migrate_pfn[2];
	unsigned long compact_init_migrate_pfn;
	unsigned long compact_init_free_pfn;
	unsigned int compact_considered;
	unsigned int compact_defer_shift;
	int compact_order_failed;
	bool compact_blockskip_flush;
	bool contiguous;
	struct zone_padding _pad3_;
	atomic_long_t vm_stat[NR_VM_ZONE_STAT_ITEMS];
	atomic_long_t vm_numa_event[NR_VM_NUMA_EVENT_ITEMS];
} ____cacheline_aligned;

struct zoneref { struct zone *zone; int zone_idx; };
struct zonelist { struct zoneref _zonerefs[MAX_NR_ZONES * 4 + 1]; };

struct pglist_data {
	struct zone node_zones[MAX_NR_ZONES];
	struct zonelist node_zonelists[2];
	int nr_zones;
	spinlock_t node_size_lock;
	unsigned long node_start_pfn;
	unsigned long node_present_pages;
	unsigned long node_spanned_pages;
	int node_id;
	wait_queue_head_t kswapd_wait;
	wait_queue_head_t pfmemalloc_wait;
	struct task_struct *kswapd;
	int kswapd_order;
	int kswapd_highest_zoneidx;
	unsigned long totalreserve_pages;
	struct zone_padding _pad1_;
	atomic_long_t vm_stat[48];
};

#endif /* KTSTR_FIXTURE_STATS_H */
