/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Scheduler-side structs for the era fixtures: struct rq, scx_rq, sched_ext_entity,
 * scx_dispatch_q, scx_sched (+ pcpu/pnode), scx_event_stats, sched_domain, sched_info,
 * task_struct, signal_struct, pid/upid.
 *
 * The era file defines KV before including this header:
 *   612 = v6.12, 614 = v6.14, 616 = v6.16, 618 = v6.18, 701 = v7.1, 703 = v7.3
 * Member order and types follow /work/shared/kernel-layouts.md; `KV >= x` marks where a
 * member appears in that document. Optional members the fixtures deliberately drop:
 *   ERA_NO_CORE_COOKIE           task_struct.core_cookie absent (no CONFIG_SCHED_CORE)
 *   ERA_SD_NO_TTWU_MOVE_BALANCE  sched_domain.ttwu_move_balance absent (stats incomplete)
 *   ERA_EV_OLD_SLICE_NAME        scx_event_stats uses the pre-6.16 SCX_EV_ENQ_SLICE_DFL
 */
#ifndef KTSTR_FIXTURE_SCHED_H
#define KTSTR_FIXTURE_SCHED_H

#ifndef KV
#error "define KV (612, 614, 616, 618, 701 or 703) before including kernel/sched.h"
#endif

#include "types.h"

#ifndef KTSTR_FIXTURE_ENUMS_H	/* before 7.3 the fixtures have no enums for these */
#define CPU_MAX_IDLE_TYPES 3
#define PIDTYPE_MAX 4
#endif

/* ---- rhashtable (include/linux/rhashtable-types.h) ---- */

struct rhash_head { struct rhash_head *next; };

struct rhashtable_params {
	u16 nelem_hint;
	u16 key_len;
	u16 key_offset;
	u16 head_offset;
	unsigned int max_size;
	u16 min_size;
	bool automatic_shrinking;
	u32 (*hashfn)(const void *data, u32 len, u32 seed);
	u32 (*obj_hashfn)(const void *data, u32 len, u32 seed);
	int (*obj_cmpfn)(void *arg, const void *obj);
};

struct bucket_table {
	unsigned int size;
	unsigned int nest;
	u32 hash_rnd;
	struct list_head walkers;
	struct rcu_head rcu;
	struct bucket_table *future_tbl;
	struct lockdep_map dep_map;
	struct rhash_lock_head *buckets[] ____cacheline_aligned;
};

struct rhashtable {
	struct bucket_table *tbl;
	unsigned int key_len;
	unsigned int max_elems;
	struct rhashtable_params p;
	bool rhlist;
	struct work_struct run_work;
#if KV >= 701
	struct irq_work run_irq_work;
#endif
	struct mutex mutex;
	spinlock_t lock;
	atomic_t nelems;
};

/* ---- sched_ext (include/linux/sched/ext.h, kernel/sched/ext_internal.h) ---- */

struct scx_dsq_list_node {
	struct list_head node;
	u32 flags;
	u32 priv;
};

struct scx_dispatch_q {
	raw_spinlock_t lock;
#if KV >= 619
	struct task_struct *first_task;
#endif
	struct list_head list;
	struct rb_root priq;
	u32 nr;
	u32 seq;
	u64 id;
	struct rhash_head hash_node;
	struct llist_node free_node;
#if KV >= 701
	struct scx_sched *sched;
	struct scx_dsq_pcpu *pcpu;
#endif
	struct rcu_head rcu;
};

struct balance_callback {
	struct balance_callback *next;
	void (*func)(struct rq *rq);
};

struct scx_rq {
	struct scx_dispatch_q local_dsq;
	struct list_head runnable_list;
	struct list_head ddsp_deferred_locals;
#if KV < 702
	unsigned long ops_qseq;	/* moved to sched_ext_entity in 7.2 (stable 6.12+) */
#endif
	u64 extra_enq_flags;
	u32 nr_running;
#if KV < 614
	u32 flags;
#endif
	u32 cpuperf_target;
#if KV >= 701
	bool in_select_cpu;
#endif
	bool cpu_released;
#if KV >= 614
	u32 flags;
#endif
#if KV >= 701
	u32 nr_immed;
#endif
#if KV >= 614
	u64 clock;
#endif
	cpumask_var_t cpus_to_kick;
	cpumask_var_t cpus_to_kick_if_idle;
	cpumask_var_t cpus_to_preempt;
	cpumask_var_t cpus_to_wait;
#if KV >= 700
	cpumask_var_t cpus_to_sync;
	bool kick_sync_pending;
#endif
#if KV >= 619
	unsigned long kick_sync;
#else
	unsigned long pnt_seq;
#endif
#if KV >= 701
	struct task_struct *sub_dispatch_prev;
	raw_spinlock_t deferred_reenq_lock;
	u64 deferred_reenq_locals_seq;
	struct list_head deferred_reenq_locals;
	struct list_head deferred_reenq_users;
#endif
	struct balance_callback deferred_bal_cb;
#if KV >= 700
	struct balance_callback kick_sync_bal_cb;
#endif
	struct irq_work deferred_irq_work;
	struct irq_work kick_cpus_irq_work;
};

struct sched_ext_entity {
#if KV >= 701
	struct scx_sched *sched;
	struct scx_dispatch_q *dsq;
	atomic_long_t ops_state;
	u64 ddsp_dsq_id;
	u64 ddsp_enq_flags;
	struct scx_dsq_list_node dsq_list;
	struct rb_node dsq_priq;
	u32 dsq_seq;
	u32 dsq_flags;
	u32 flags;
	u32 weight;
	s32 sticky_cpu;
	s32 holding_cpu;
	s32 selected_cpu;
	struct task_struct *kf_tasks[2];
	struct list_head runnable_node;
	unsigned long runnable_at;
	u64 core_sched_at;
	u64 slice;
	u64 dsq_vtime;
	bool disallow;
	struct cgroup *cgrp_moving_from;
	struct list_head tasks_node;
#if KV >= 702
	u32 ops_qseq;
#endif
#else
	struct scx_dispatch_q *dsq;
	struct scx_dsq_list_node dsq_list;
	struct rb_node dsq_priq;
	u32 dsq_seq;
	u32 dsq_flags;
	u32 flags;
	u32 weight;
	s32 sticky_cpu;
	s32 holding_cpu;
#if KV >= 614
	s32 selected_cpu;
#endif
	u32 kf_mask;
	struct task_struct *kf_tasks[2];
	atomic_long_t ops_state;
	struct list_head runnable_node;
	unsigned long runnable_at;
	u64 core_sched_at;
	u64 ddsp_dsq_id;
	u64 ddsp_enq_flags;
	u64 slice;
	u64 dsq_vtime;
	bool disallow;
	struct cgroup *cgrp_moving_from;
	struct list_head tasks_node;
#endif
};

#if KV >= 616
struct scx_event_stats {
	s64 SCX_EV_SELECT_CPU_FALLBACK;
	s64 SCX_EV_DISPATCH_LOCAL_DSQ_OFFLINE;
	s64 SCX_EV_DISPATCH_KEEP_LAST;
	s64 SCX_EV_ENQ_SKIP_EXITING;
	s64 SCX_EV_ENQ_SKIP_MIGRATION_DISABLED;
#if KV >= 703
	s64 SCX_EV_REENQ_IMMED;
	s64 SCX_EV_REENQ_REPEAT;	/* renamed in 7.3 */
#elif KV >= 701
	s64 SCX_EV_REENQ_IMMED;
	s64 SCX_EV_REENQ_LOCAL_REPEAT;
#endif
#ifdef ERA_EV_OLD_SLICE_NAME
	s64 SCX_EV_ENQ_SLICE_DFL;
#else
	s64 SCX_EV_REFILL_SLICE_DFL;
#endif
#if KV >= 703
	s64 SCX_EV_SLICE_CLAMPED;
	s64 SCX_EV_SLICE_DENIED;
#endif
	s64 SCX_EV_BYPASS_DURATION;
	s64 SCX_EV_BYPASS_DISPATCH;
	s64 SCX_EV_BYPASS_ACTIVATE;
#if KV >= 701
	s64 SCX_EV_INSERT_NOT_OWNED;
	s64 SCX_EV_SUB_BYPASS_DISPATCH;
#endif
#if KV >= 703
	s64 SCX_EV_SUB_FORCED_ADMIT;
	s64 SCX_EV_SUB_PREEMPT_DENIED;
	s64 SCX_EV_SUB_KICK_DENIED;
	s64 SCX_EV_SUB_REENQ_DENIED;
	s64 SCX_EV_SUB_CIDPERF_DENIED;
	s64 SCX_EV_SUB_RESCUE;
#endif
};

/* struct sched_ext_ops: callbacks plus the trailing scalar configuration. */
struct sched_ext_ops {
	void (*callbacks[36])(void);
	u32 dispatch_max_batch;
	u64 flags;
	u32 timeout_ms;
	u32 exit_dump_len;
	u64 hotplug_seq;
	char name[128];
};
#endif /* KV >= 616 */

#if KV >= 701
struct scx_sched_pnode {
	struct scx_dispatch_q global_dsq;
};

struct scx_deferred_reenq_local {
	struct list_head node;
	u64 flags;
	u64 seq;
	u32 cnt;
};

struct scx_dsp_buf_ent {
	struct task_struct *task;
	unsigned long qseq;
	u64 dsq_id;
	u64 enq_flags;
};

struct scx_dsp_ctx {
	struct rq *rq;
	u32 cursor;
	u32 nr_tasks;
	struct scx_dsp_buf_ent buf[];
};

struct scx_sched_pcpu {
	struct scx_sched *sch;
	u64 flags;
	struct scx_event_stats event_stats;
	struct scx_deferred_reenq_local deferred_reenq_local;
	struct scx_dispatch_q bypass_dsq;
	u32 bypass_host_seq;
	struct scx_dsp_ctx dsp_ctx;
};
#elif KV >= 618
struct scx_sched_pcpu {
	struct scx_event_stats event_stats;
};
#endif

#if KV >= 616
struct scx_sched {
	struct sched_ext_ops ops;
	unsigned long has_op[1];
	struct rhashtable dsq_hash;
#if KV >= 701
	struct scx_sched_pnode **pnode;
	struct scx_sched_pcpu *pcpu;
	u64 slice_dfl;
	u64 bypass_timestamp;
	s32 bypass_depth;
	unsigned long bypass_dsp_claim;
	atomic_t bypass_dsp_enable_depth;
	bool aborting;
	bool dump_disabled;
	u32 dsp_max_batch;
	s32 level;
	bool warned_zero_slice:1;
	bool warned_deprecated_rq:1;
	bool warned_unassoc_progs:1;
	struct list_head all;
	struct rhash_head hash_node;
	struct list_head children;
	struct list_head sibling;
	struct cgroup *cgrp;
	char *cgrp_path;
	struct kset *sub_kset;
	bool sub_attached;
	unsigned long watchdog_timeout;
#else
	struct scx_dispatch_q **global_dsqs;
#if KV >= 618
	struct scx_sched_pcpu *pcpu;
	bool warned_zero_slice:1;
	bool warned_deprecated_rq:1;
#else
	struct scx_event_stats *event_stats_cpu;
	bool warned_zero_slice;
#endif
#endif
	atomic_t exit_kind;
	struct scx_exit_info *exit_info;
	struct kobject kobj;
	struct kthread_worker *helper;
#if KV >= 701
	struct irq_work disable_irq_work;
#else
	struct irq_work error_irq_work;
#endif
	struct kthread_work disable_work;
#if KV >= 701
	struct timer_list bypass_lb_timer;
	cpumask_var_t bypass_lb_donee_cpumask;
	cpumask_var_t bypass_lb_resched_cpumask;
#endif
	struct rcu_work rcu_work;
#if KV >= 701
	struct scx_sched *ancestors[];
#endif
};
#endif /* KV >= 616 */

/* ---- fair/rt/dl placeholders: kernel names, sizes only roughly kernel-like ---- */

struct load_weight { unsigned long weight; u32 inv_weight; };

struct sched_avg {
	u64 last_update_time;
	u64 load_sum;
	u64 runnable_sum;
	u32 util_sum;
	u32 period_contrib;
	unsigned long load_avg;
	unsigned long runnable_avg;
	unsigned long util_avg;
	unsigned int util_est;
} ____cacheline_aligned;

struct sched_entity {
	struct load_weight load;
	struct rb_node run_node;
	u64 deadline;
	u64 min_vruntime;
	struct list_head group_node;
	unsigned char on_rq;
	unsigned char sched_delayed;
	unsigned char rel_deadline;
	unsigned char custom_slice;
	u64 exec_start;
	u64 sum_exec_runtime;
	u64 prev_sum_exec_runtime;
	u64 vruntime;
	s64 vlag;
	u64 slice;
	u64 nr_migrations;
	int depth;
	struct sched_entity *parent;
	struct cfs_rq *cfs_rq;
	struct cfs_rq *my_q;
	unsigned long runnable_weight;
	struct sched_avg avg;
};

struct sched_rt_entity {
	struct list_head run_list;
	unsigned long timeout;
	unsigned long watchdog_stamp;
	unsigned int time_slice;
	unsigned short on_rq;
	unsigned short on_list;
	struct sched_rt_entity *back;
};

struct sched_dl_entity {
	struct rb_node rb_node;
	u64 dl_runtime;
	u64 dl_deadline;
	u64 dl_period;
	u64 dl_bw;
	u64 dl_density;
	s64 runtime;
	u64 deadline;
	unsigned int flags;
	unsigned int dl_throttled:1;
	unsigned int dl_yielded:1;
	unsigned int dl_non_contending:1;
	unsigned int dl_overrun:1;
	unsigned int dl_server:1;
	struct hrtimer dl_timer;
	struct hrtimer inactive_timer;
	struct rq *rq;
	void *server_pick_task;
};

struct cfs_rq {
	struct load_weight load;
	unsigned int nr_running;
	unsigned int h_nr_running;
	unsigned int idle_nr_running;
	unsigned int idle_h_nr_running;
	s64 avg_vruntime;
	u64 avg_load;
	u64 min_vruntime;
	struct rb_root_cached tasks_timeline;
	struct sched_entity *curr;
	struct sched_entity *next;
	struct sched_avg avg;
	struct rq *rq;
	int on_list;
	struct list_head leaf_cfs_rq_list;
	struct task_group *tg;
};

struct rt_prio_array { unsigned long bitmap[2]; struct list_head queue[100]; };
struct rt_rq {
	struct rt_prio_array active;
	unsigned int rt_nr_running;
	unsigned int rr_nr_running;
	int curr_prio;
	int next_prio;
	bool overloaded;
	struct rb_root pushable_tasks;
	int rt_queued;
};

struct dl_rq {
	struct rb_root_cached root;
	unsigned int dl_nr_running;
	u64 curr_deadline;
	u64 next_deadline;
	bool overloaded;
	struct rb_root_cached pushable_dl_tasks_root;
	u64 running_bw;
	u64 this_bw;
	u64 extra_bw;
	u64 max_bw;
	u64 bw_ratio;
};

struct cpu_stop_work {
	struct list_head list;
	int (*fn)(void *arg);
	void *arg;
	struct cpu_stop_done *done;
	void *caller;
};

struct sched_info {
	unsigned long pcount;
	unsigned long long run_delay;
#if KV >= 616
	unsigned long long max_run_delay;
	unsigned long long min_run_delay;
#endif
	unsigned long long last_arrival;
	unsigned long long last_queued;
};

/* ---- struct sched_domain (include/linux/sched/topology.h) ---- */

struct sched_domain {
	struct sched_domain *parent;
	struct sched_domain *child;
	struct sched_group *groups;
	unsigned long min_interval;
	unsigned long max_interval;
	unsigned int busy_factor;
	unsigned int imbalance_pct;
	unsigned int cache_nice_tries;
	unsigned int imb_numa_nr;
	int nohz_idle;
	int flags;
	int level;
	unsigned long last_balance;
	unsigned int balance_interval;
	unsigned int nr_balance_failed;
	u64 max_newidle_lb_cost;
	unsigned long last_decay_max_lb_cost;
#if KV >= 701
	unsigned int newidle_call;
	unsigned int newidle_success;
	unsigned int newidle_ratio;
#endif
	/* CONFIG_SCHEDSTATS */
	unsigned int lb_count[CPU_MAX_IDLE_TYPES];
	unsigned int lb_failed[CPU_MAX_IDLE_TYPES];
	unsigned int lb_balanced[CPU_MAX_IDLE_TYPES];
	unsigned int lb_imbalance_load[CPU_MAX_IDLE_TYPES];
	unsigned int lb_imbalance_util[CPU_MAX_IDLE_TYPES];
	unsigned int lb_imbalance_task[CPU_MAX_IDLE_TYPES];
	unsigned int lb_imbalance_misfit[CPU_MAX_IDLE_TYPES];
	unsigned int lb_gained[CPU_MAX_IDLE_TYPES];
	unsigned int lb_hot_gained[CPU_MAX_IDLE_TYPES];
	unsigned int lb_nobusyg[CPU_MAX_IDLE_TYPES];
	unsigned int lb_nobusyq[CPU_MAX_IDLE_TYPES];
	unsigned int alb_count;
	unsigned int alb_failed;
	unsigned int alb_pushed;
	unsigned int sbe_count;
	unsigned int sbe_balanced;
	unsigned int sbe_pushed;
	unsigned int sbf_count;
	unsigned int sbf_balanced;
	unsigned int sbf_pushed;
	unsigned int ttwu_wake_remote;
	unsigned int ttwu_move_affine;
#ifndef ERA_SD_NO_TTWU_MOVE_BALANCE
	unsigned int ttwu_move_balance;
#endif
	char *name;
	union {
		void *private;
		struct rcu_head rcu;
	};
	struct sched_domain_shared *shared;
	unsigned int span_weight;
	unsigned long span[];
};

/* ---- struct task_struct (include/linux/sched.h), abridged ---- */

struct thread_info {
	unsigned long flags;
	unsigned long syscall_work;
	u32 status;
	u32 cpu;
};

struct task_struct {
	struct thread_info thread_info;
	unsigned int __state;
	unsigned int saved_state;
	void *stack;
	refcount_t usage;
	unsigned int flags;
	unsigned int ptrace;
	int on_cpu;
	struct __call_single_node wake_entry;
	unsigned int wakee_flips;
	unsigned long wakee_flip_decay_ts;
	struct task_struct *last_wakee;
	int recent_used_cpu;
	int wake_cpu;
	int on_rq;
	int prio;
	int static_prio;
	int normal_prio;
	unsigned int rt_priority;
	struct sched_entity se;
	struct sched_rt_entity rt;
	struct sched_dl_entity dl;
	struct sched_dl_entity *dl_server;
	struct sched_ext_entity scx;
	const struct sched_class *sched_class;
#ifndef ERA_NO_CORE_COOKIE
	struct rb_node core_node;
	unsigned long core_cookie;
	unsigned int core_occupation;
#endif
	struct task_group *sched_task_group;
	struct sched_info sched_info;
	struct list_head tasks;
	struct mm_struct *mm;
	struct mm_struct *active_mm;
	int exit_state;
	int exit_code;
	int exit_signal;
	int pdeath_signal;
	unsigned long jobctl;
	unsigned int personality;
	pid_t pid;
	pid_t tgid;
	unsigned long stack_canary;
	struct task_struct *real_parent;
	struct task_struct *parent;
	struct list_head children;
	struct list_head sibling;
	struct task_struct *group_leader;
	struct list_head ptraced;
	struct list_head ptrace_entry;
	struct pid *thread_pid;
	struct hlist_node pid_links[PIDTYPE_MAX];
	struct list_head thread_node;
	u64 utime;
	u64 stime;
	u64 gtime;
	unsigned long nvcsw;
	unsigned long nivcsw;
	u64 start_time;
	u64 start_boottime;
	unsigned long min_flt;
	unsigned long maj_flt;
	const struct cred *ptracer_cred;
	const struct cred *real_cred;
	const struct cred *cred;
	char comm[16];
	struct nameidata *nameidata;
	unsigned long last_switch_count;
	unsigned long last_switch_time;
	struct fs_struct *fs;
	struct files_struct *files;
	struct nsproxy *nsproxy;
	struct signal_struct *signal;
	struct sighand_struct *sighand;
	u64 blocked;
	spinlock_t alloc_lock;
	raw_spinlock_t pi_lock;
};

/* ---- struct signal_struct, struct pid, struct upid ---- */

struct sigpending {
	struct list_head list;
	unsigned long signal;
};

struct signal_struct {
	refcount_t sigcnt;
	atomic_t live;
	int nr_threads;
	int quick_threads;
	struct list_head thread_head;
	wait_queue_head_t wait_chldexit;
	struct task_struct *curr_target;
	struct sigpending shared_pending;
	struct hlist_head multiprocess;
	int group_exit_code;
	int notify_count;
	struct task_struct *group_exec_task;
	int group_stop_count;
	unsigned int flags;
	struct hrtimer real_timer;
	ktime_t it_real_incr;
	struct pid *pids[PIDTYPE_MAX];
	struct pid *tty_old_pgrp;
	int leader;
	struct tty_struct *tty;
	u64 utime;
	u64 stime;
	u64 cutime;
	u64 cstime;
	u64 gtime;
	u64 cgtime;
	unsigned long nvcsw;
	unsigned long nivcsw;
	unsigned long cnvcsw;
	unsigned long cnivcsw;
	unsigned long min_flt;
	unsigned long maj_flt;
};

struct upid {
	int nr;
	struct pid_namespace *ns;
};

struct pid {
	refcount_t count;
	unsigned int level;
	spinlock_t lock;
	struct dentry *stashed;
	u64 ino;
	struct hlist_head tasks[PIDTYPE_MAX];
	struct hlist_head inodes;
	wait_queue_head_t wait_pidfd;
	struct rcu_head rcu;
	struct upid numbers[];
};

/* ---- struct rq (kernel/sched/sched.h) ---- */

struct uclamp_bucket { unsigned long value:11; unsigned long tasks:53; };
struct uclamp_rq { unsigned int value; struct uclamp_bucket bucket[5]; };

struct rq {
#if KV >= 700
	/* v7.0 reorder (89951fc1f820): hot read-mostly fields first */
	unsigned int nr_running;
	unsigned int nr_numa_running;
	unsigned int nr_preferred_running;
	unsigned int ttwu_pending;
	unsigned long cpu_capacity;
	union {
		struct task_struct *donor;
		struct task_struct *curr;
	};
	struct task_struct *idle;

	u64 nr_switches ____cacheline_aligned;
	raw_spinlock_t __lock;
	unsigned long last_blocked_load_update_tick;
	unsigned int has_blocked_load;
	call_single_data_t nohz_csd;
	unsigned int nohz_tick_stopped;
	atomic_t nohz_flags;
	unsigned int uclamp_flags;
	struct uclamp_rq uclamp[2];

	struct cfs_rq cfs;
	struct rt_rq rt;
	struct dl_rq dl;
	struct scx_rq scx;
	struct sched_dl_entity ext_server;
	struct sched_dl_entity fair_server;
	struct list_head leaf_cfs_rq_list;
	struct list_head *tmp_alone_branch;
	unsigned int numa_migrate_on;
	unsigned long nr_uninterruptible;
	struct sched_dl_entity *dl_server;
	struct task_struct *stop;
	const struct sched_class *next_class;
	unsigned long next_balance;
	struct mm_struct *prev_mm;

	u64 clock_task ____cacheline_aligned;
	u64 clock_pelt;
	u64 clock;
	unsigned long lost_idle_time;
	unsigned int clock_update_flags;
	u64 clock_pelt_idle;
	u64 clock_idle;
#else
	raw_spinlock_t __lock;
	unsigned int nr_running;
	unsigned int nr_numa_running;
	unsigned int nr_preferred_running;
	unsigned int numa_migrate_on;
	unsigned long last_blocked_load_update_tick;
	unsigned int has_blocked_load;
	call_single_data_t nohz_csd;
	unsigned int nohz_tick_stopped;
	atomic_t nohz_flags;
	unsigned int ttwu_pending;
	u64 nr_switches;
	struct uclamp_rq uclamp[2] ____cacheline_aligned;
	unsigned int uclamp_flags;

	struct cfs_rq cfs;
	struct rt_rq rt;
	struct dl_rq dl;
	struct scx_rq scx;
	struct sched_dl_entity fair_server;
	struct list_head leaf_cfs_rq_list;
	struct list_head *tmp_alone_branch;
#if KV >= 616
	unsigned long nr_uninterruptible;
#else
	unsigned int nr_uninterruptible;
#endif
#if KV >= 613
	union {
		struct task_struct *donor;
		struct task_struct *curr;
	};
#else
	struct task_struct *curr;
#endif
	struct sched_dl_entity *dl_server;
	struct task_struct *idle;
	struct task_struct *stop;
	unsigned long next_balance;
	struct mm_struct *prev_mm;
	unsigned int clock_update_flags;
	u64 clock;
	u64 clock_task ____cacheline_aligned;
	u64 clock_pelt;
	unsigned long lost_idle_time;
	u64 clock_pelt_idle;
	u64 clock_idle;
	atomic_t nr_iowait;
#endif
	u64 last_seen_need_resched_ns;
	int ticks_without_resched;
	int membarrier_state;
	struct root_domain *rd;
	struct sched_domain *sd;
#if KV < 700
	unsigned long cpu_capacity;
#endif
	struct balance_callback *balance_callback;
	unsigned char nohz_idle_balance;
	unsigned char idle_balance;
	unsigned long misfit_task_load;
	int active_balance;
	int push_cpu;
	struct cpu_stop_work active_balance_work;
	int cpu;
	int online;
	struct list_head cfs_tasks;
	struct sched_avg avg_rt;
	struct sched_avg avg_dl;
	u64 idle_stamp;
	u64 avg_idle;
	u64 max_idle_balance_cost;
	u64 prev_steal_time;
	unsigned long calc_load_update;
	long calc_load_active;
	call_single_data_t hrtick_csd;
	struct hrtimer hrtick_timer;
	ktime_t hrtick_time;
	/* CONFIG_SCHEDSTATS */
	struct sched_info rq_sched_info;
	unsigned long long rq_cpu_time;
	unsigned int yld_count;
	unsigned int sched_count;
	unsigned int sched_goidle;
	unsigned int ttwu_count;
	unsigned int ttwu_local;
	struct cpuidle_state *idle_state;
	unsigned int nr_pinned;
	unsigned int push_busy;
	struct cpu_stop_work push_work;
	struct rq *core;
	struct task_struct *core_pick;
	unsigned int core_enabled;
	unsigned int core_sched_seq;
	struct rb_root core_tree;
	cpumask_var_t scratch_mask;
#if KV >= 700
	atomic_t nr_iowait;
#endif
	/* Kept last so that adding it moved no other member of the earlier eras' fixtures. */
	struct sched_avg avg_irq;
} __attribute__((aligned(64)));

#endif /* KTSTR_FIXTURE_SCHED_H */
