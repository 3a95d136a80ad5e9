/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Shared primitive types for the era fixtures (testdata/src/era_*.c).
 *
 * Mirrors the x86-64 kernel's basic types with lock debugging off:
 * raw_spinlock_t, spinlock_t and rqspinlock_t are 4 bytes.
 *
 * Before including this header an era file may define:
 *   ERA_CPUMASK_OFFSTACK   cpumask_var_t is a pointer (CONFIG_CPUMASK_OFFSTACK=y),
 *                          otherwise an inline struct cpumask[1] of NR_CPUS bits.
 */
#ifndef KTSTR_FIXTURE_TYPES_H
#define KTSTR_FIXTURE_TYPES_H

#define ____cacheline_aligned __attribute__((aligned(64)))
#define __page_aligned __attribute__((aligned(4096)))
#define __aligned(x) __attribute__((aligned(x)))

/* Same expansion as the kernel's DECLARE_FLEX_ARRAY (include/uapi/linux/stddef.h). */
#define DECLARE_FLEX_ARRAY(TYPE, NAME) \
	struct { \
		struct { } __empty_ ## NAME; \
		TYPE NAME[]; \
	}

typedef unsigned char u8;
typedef unsigned short u16;
typedef unsigned int u32;
typedef unsigned long long u64;
typedef signed char s8;
typedef short s16;
typedef int s32;
typedef long long s64;
#if !defined(__STDC_VERSION__) || __STDC_VERSION__ < 202311L
typedef _Bool bool;
#endif
typedef int pid_t;
typedef unsigned int gfp_t;
typedef s64 ktime_t;

typedef struct { int counter; } atomic_t;
typedef struct { s64 counter; } atomic64_t;
typedef atomic64_t atomic_long_t;
typedef struct { atomic_long_t a; } local_t;
typedef struct { local_t a; } local64_t;
typedef struct refcount_struct { atomic_t refs; } refcount_t;

typedef struct qspinlock { atomic_t val; } arch_spinlock_t;
typedef struct raw_spinlock { arch_spinlock_t raw_lock; } raw_spinlock_t;
typedef struct spinlock { struct raw_spinlock rlock; } spinlock_t;
typedef struct qspinlock rqspinlock_t;
typedef struct seqcount { unsigned int sequence; } seqcount_t;

struct list_head { struct list_head *next, *prev; };
struct hlist_head { struct hlist_node *first; };
struct hlist_node { struct hlist_node *next, **pprev; };
struct hlist_nulls_head { struct hlist_nulls_node *first; };
struct hlist_nulls_node { struct hlist_nulls_node *next, **pprev; };
struct llist_head { struct llist_node *first; };
struct llist_node { struct llist_node *next; };

struct rb_node {
	unsigned long __rb_parent_color;
	struct rb_node *rb_right;
	struct rb_node *rb_left;
} __aligned(sizeof(long));
struct rb_root { struct rb_node *rb_node; };
struct rb_root_cached { struct rb_root rb_root; struct rb_node *rb_leftmost; };

struct callback_head {
	struct callback_head *next;
	void (*func)(struct callback_head *head);
} __aligned(sizeof(void *));
#define rcu_head callback_head

struct lockdep_map { };          /* empty without CONFIG_LOCKDEP */
struct lock_class_key { };
struct u64_stats_sync { };       /* empty on 64-bit */
typedef struct { local64_t v; } u64_stats_t;

struct optimistic_spin_queue { atomic_t tail; };
struct mutex {
	atomic_long_t owner;
	raw_spinlock_t wait_lock;
	struct optimistic_spin_queue osq;
	struct list_head wait_list;
};

struct __call_single_node {
	struct llist_node llist;
	union {
		unsigned int u_flags;
		atomic_t a_flags;
	};
	u16 src, dst;
};
typedef struct __call_single_data {
	struct __call_single_node node;
	void (*func)(void *info);
	void *info;
} call_single_data_t;

struct task_struct;
struct rq;
struct bpf_prog;
struct rcuwait { struct task_struct *task; };
struct irq_work {
	struct __call_single_node node;
	void (*func)(struct irq_work *);
	struct rcuwait irqwait;
};

struct work_struct {
	atomic_long_t data;
	struct list_head entry;
	void (*func)(struct work_struct *work);
};
struct rcu_work {
	struct work_struct work;
	struct rcu_head rcu;
	struct workqueue_struct *wq;
};
struct kthread_work {
	struct list_head node;
	void (*func)(struct kthread_work *work);
	struct kthread_worker *worker;
	int canceling;
};

struct timer_list {
	struct hlist_node entry;
	unsigned long expires;
	void (*function)(struct timer_list *);
	u32 flags;
};

struct timerqueue_node { struct rb_node node; ktime_t expires; };
struct hrtimer {
	struct timerqueue_node node;
	ktime_t _softexpires;
	int (*function)(struct hrtimer *);
	struct hrtimer_clock_base *base;
	u8 state;
	u8 is_rel;
	u8 is_soft;
	u8 is_hard;
};

struct wait_queue_head { spinlock_t lock; struct list_head head; };
typedef struct wait_queue_head wait_queue_head_t;

struct kref { refcount_t refcount; };
struct kobject {
	const char *name;
	struct list_head entry;
	struct kobject *parent;
	struct kset *kset;
	const struct kobj_type *ktype;
	struct kernfs_node *sd;
	struct kref kref;
	unsigned int state_initialized:1;
	unsigned int state_in_sysfs:1;
	unsigned int state_add_uevent_sent:1;
	unsigned int state_remove_uevent_sent:1;
	unsigned int uevent_suppress:1;
};

#define NR_CPUS 512
struct cpumask { unsigned long bits[NR_CPUS / 64]; };
#ifdef ERA_CPUMASK_OFFSTACK
typedef struct cpumask *cpumask_var_t;
#else
typedef struct cpumask cpumask_var_t[1];
#endif

struct percpu_counter {
	raw_spinlock_t lock;
	s64 count;
	struct list_head list;
	s32 *counters;
};

struct bpf_mem_alloc {
	struct bpf_mem_caches *caches;
	struct bpf_mem_cache *cache;
	struct obj_cgroup *objcg;
	bool percpu;
	struct work_struct work;
};

struct pcpu_freelist_node { struct pcpu_freelist_node *next; };

#endif /* KTSTR_FIXTURE_TYPES_H */
