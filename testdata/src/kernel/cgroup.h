/* SPDX-License-Identifier: GPL-2.0 */
/*
 * v7.3 (x86-64) pressure stall and cgroup structs for the psi and cgroup_walk groups
 * (schema 2). Member order follows Debian's 7.3.4 kernel (pahole), shortened after
 * the last member a group reads. Include after kernel/enums.h (NR_PSI_STATES).
 */
#ifndef KTSTR_FIXTURE_CGROUP_H
#define KTSTR_FIXTURE_CGROUP_H

#include "types.h"

struct psi_group {
	struct psi_group *parent;
	bool enabled;
	struct mutex avgs_lock;
	void *pcpu;
	u64 avg_total[NR_PSI_STATES - 1];
	u64 avg_last_update;
	u64 avg_next_update;
	struct work_struct avgs_work;
	struct timer_list avgs_timer;
	struct list_head avg_triggers;
	u32 avg_nr_triggers[NR_PSI_STATES - 1];
	u64 total[2][NR_PSI_STATES - 1];
	unsigned long avg[NR_PSI_STATES - 1][3];
	struct task_struct *rtpoll_task;
	struct timer_list rtpoll_timer;
};

struct cgroup_subsys_state {
	struct cgroup *cgroup;
	void *ss;
	struct { atomic_long_t count; void *data; } refcnt;
	void *rstat_cpu;
	struct list_head sibling;
	struct list_head children;
	int id;
	unsigned int flags;
	u64 serial_nr;
	atomic_t online_cnt;
	struct work_struct destroy_work;
	struct cgroup_subsys_state *parent;
	int nr_descendants;
};

struct kernfs_node {
	atomic_t count;
	atomic_t active;
	struct kernfs_node *__parent;
	const char *name;
	struct rb_node rb;
	const void *ns;
	unsigned int hash;
	unsigned short flags;
	unsigned short mode;
};

struct cgroup {
	struct cgroup_subsys_state self;
	unsigned long flags;
	int level;
	int max_depth;
	int nr_descendants;
	int nr_dying_descendants;
	int max_descendants;
	int nr_populated_domain_children;
	int nr_populated_threaded_children;
	int nr_threaded_children;
	unsigned int kill_seq;
	struct kernfs_node *kn;
	struct list_head cset_links;
	struct cgroup_root *root;
	struct psi_group *psi;
	struct scx_sched *scx_sched;
} __attribute__((aligned(64)));

struct cgroup_root {
	void *kf_root;
	unsigned int subsys_mask;
	int hierarchy_id;
	struct list_head root_list;
	atomic_t nr_cgrps;
	unsigned int flags;
	char release_agent_path[4096];
	char name[64];
	struct cgroup cgrp;
};

#endif /* KTSTR_FIXTURE_CGROUP_H */
