// SPDX-License-Identifier: GPL-2.0
/*
 * BTF fixture: kernel shapes on 32-bit targets, where a pointer, `long` and `unsigned long`
 * are 4 bytes and `long long`/u64 is 8 (aligned to 4 inside structs on i686, to 8 on armv7
 * and powerpc). tests/ptr32_test.ts reads testdata/ptr32_<arch>.btf and compares against
 * testdata/ptr32_<arch>.offsets.json, the compiler's offsetof/sizeof for that target.
 *
 * testdata/build.sh compiles this with clang -g -target <triple> (i686-linux-gnu,
 * armv7a-linux-gnueabihf, powerpc-linux-gnu: big-endian), converts the DWARF to BTF with
 * pahole -J and dumps the raw .BTF. These targets cannot run here, so the oracle is read at
 * compile time: with -DORACLE_CONSTS the same source defines one `const unsigned int` per
 * value, its assembler symbol named `oracle:<key>`, and build.sh reads the values from
 * clang -S's assembly (`"oracle:task_struct.stack":` then `.long 12`).
 *
 * No system header is included (there is no 32-bit sysroot); clang's builtins only.
 */

typedef unsigned char u8;
typedef unsigned short u16;
typedef unsigned int u32;
typedef unsigned long long u64;
typedef signed int s32;
typedef signed long long s64;
typedef int pid_t;
typedef _Bool bool;

typedef struct {
	int counter;
} atomic_t;

typedef struct {
	long counter;
} atomic_long_t;

typedef struct {
	atomic_t refs;
} refcount_t;

typedef struct {
	volatile unsigned int lock;
} raw_spinlock_t;

struct list_head {
	struct list_head *next, *prev;
};

struct hlist_node {
	struct hlist_node *next, **pprev;
};

struct callback_head {
	struct callback_head *next;
	void (*func)(struct callback_head *head);
};
#define rcu_head callback_head

typedef void (*rcu_callback_t)(struct rcu_head *head);

struct rb_node {
	unsigned long __rb_parent_color;
	struct rb_node *rb_right;
	struct rb_node *rb_left;
} __attribute__((aligned(sizeof(long))));

struct rb_root {
	struct rb_node *rb_node;
};

struct cpumask {
	unsigned long bits[1];
};
typedef struct cpumask cpumask_t;

/* ---- the scheduler's shapes ----------------------------------------------------------- */

struct load_weight {
	unsigned long weight;
	u32 inv_weight;
};

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
} __attribute__((aligned(64)));

struct cfs_rq;

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

struct rq;
struct task_struct;

struct sched_class {
	void (*enqueue_task)(struct rq *rq, struct task_struct *p, int flags);
	bool (*dequeue_task)(struct rq *rq, struct task_struct *p, int flags);
	void (*yield_task)(struct rq *rq);
	bool (*yield_to_task)(struct rq *rq, struct task_struct *p);
	void (*wakeup_preempt)(struct rq *rq, struct task_struct *p, int flags);
	int (*balance)(struct rq *rq, struct task_struct *prev, void *rf);
	struct task_struct *(*pick_task)(struct rq *rq);
	void (*put_prev_task)(struct rq *rq, struct task_struct *p, struct task_struct *next);
	int (*select_task_rq)(struct task_struct *p, int task_cpu, int flags);
	void (*task_tick)(struct rq *rq, struct task_struct *p, int queued);
	unsigned int (*get_rr_interval)(struct rq *rq, struct task_struct *task);
	void (*update_curr)(struct rq *rq);
};

struct sched_ext_entity {
	struct list_head dsq_list;
	struct rb_node dsq_priq;
	u32 dsq_seq;
	u32 dsq_flags;
	u32 flags;
	u32 weight;
	s32 sticky_cpu;
	s32 holding_cpu;
	s32 selected_cpu;
	u32 kf_mask;
	struct task_struct *kf_tasks[2];
	atomic_long_t ops_state;
	struct list_head runnable_node;
	unsigned long runnable_at;
	u64 ddsp_dsq_id;
	u64 ddsp_enq_flags;
	u64 slice;
	u64 dsq_vtime;
	bool disallow;
	struct list_head tasks_node;
};

struct thread_info {
	unsigned long flags;
	unsigned long syscall_work;
	u32 status;
	u32 cpu;
};

struct mm_struct;
struct files_struct;
struct cred;

struct task_struct {
	struct thread_info thread_info;
	unsigned int __state;
	unsigned int saved_state;
	void *stack;
	refcount_t usage;
	unsigned int flags;
	unsigned int ptrace;
	int on_cpu;
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
	struct sched_ext_entity scx;
	const struct sched_class *sched_class;
	unsigned int policy;
	int nr_cpus_allowed;
	const cpumask_t *cpus_ptr;
	cpumask_t cpus_mask;
	struct list_head tasks;
	struct mm_struct *mm;
	struct mm_struct *active_mm;
	int exit_state;
	int exit_code;
	int exit_signal;
	unsigned sched_reset_on_fork:1;
	unsigned sched_contributes_to_load:1;
	unsigned sched_migrated:1;
	unsigned long atomic_flags;
	pid_t pid;
	pid_t tgid;
	struct task_struct *real_parent;
	struct task_struct *parent;
	struct list_head children;
	struct list_head sibling;
	struct task_struct *group_leader;
	struct hlist_node pid_links[4];
	u64 utime;
	u64 stime;
	unsigned long nvcsw;
	unsigned long nivcsw;
	u64 start_time;
	const struct cred *cred;
	char comm[16];
	struct files_struct *files;
	void *security_ptrs[4];
	union {
		refcount_t rcu_users;
		struct rcu_head rcu;
	};
	long long total_numa_faults;
	unsigned long *numa_faults;
	rcu_callback_t on_free;
	void (*handlers[3])(int sig);
	long saved_errno;
};

struct rq {
	raw_spinlock_t __lock;
	unsigned int nr_running;
	unsigned long last_blocked_load_update_tick;
	unsigned int has_blocked_load;
	unsigned long nohz_flags;
	unsigned int ttwu_pending;
	u64 nr_switches;
	struct task_struct *curr;
	struct task_struct *idle;
	struct task_struct *stop;
	unsigned long next_balance;
	struct mm_struct *prev_mm;
	unsigned int clock_update_flags;
	u64 clock;
	u64 clock_task;
	atomic_t nr_iowait;
	int cpu;
	int online;
	struct list_head cfs_tasks;
	struct callback_head *balance_callback;
	struct rb_root scx_tree;
	unsigned long cpu_capacity;
};

/* ---- mm and other shapes --------------------------------------------------------------- */

struct page {
	unsigned long flags;
	union {
		struct {
			struct list_head lru;
			void *mapping;
			unsigned long index;
			unsigned long private;
		};
		struct {
			unsigned long pp_magic;
			void *pp;
			unsigned long _pp_mapping_pad;
			unsigned long dma_addr;
			atomic_long_t pp_ref_count;
		};
		struct rcu_head rcu_head;
	};
	union {
		unsigned int page_type;
		atomic_t _mapcount;
	};
	atomic_t _refcount;
	unsigned long memcg_data;
};

/* Bitfields in long, unsigned long and long long units, straddling a 4-byte unit. */
struct long_bits {
	unsigned long a:3;
	unsigned long b:20;
	unsigned long c:12;
	long d:5;
	long long e:40;
	unsigned char f;
	unsigned long long g:1;
	u64 h;
	unsigned long tail:31;
};

/* Arrays of pointers and function pointers, and a 2-D array. */
struct pointer_arrays {
	void *slots[8];
	struct list_head *heads[3];
	void (*handlers[4])(int);
	char *names[2][3];
	unsigned long bitmap[2];
	const char *const *argv;
	struct task_struct **tasks;
	u8 end;
};

union ktime_like {
	s64 tv64;
	struct {
		s32 sec;
		s32 nsec;
	};
	void *ptr;
	unsigned long word;
};

struct file_operations {
	struct module *owner;
	unsigned int fop_flags;
	long long (*llseek)(struct file_operations *file, long long offset, int whence);
	long (*read)(struct file_operations *file, char *buf, unsigned long len, long long *pos);
	long (*write)(struct file_operations *file, const char *buf, unsigned long len,
		      long long *pos);
	long (*unlocked_ioctl)(struct file_operations *file, unsigned int cmd, unsigned long arg);
	int (*mmap)(struct file_operations *file, void *vma);
	int (*open)(void *inode, struct file_operations *file);
	int (*release)(void *inode, struct file_operations *file);
};

/* Every struct is reached from a global so that its DWARF (and so its BTF) is emitted. */
struct task_struct task_struct_anchor;
struct rq rq_anchor;
struct sched_class sched_class_anchor;
struct page page_anchor;
struct long_bits long_bits_anchor;
struct pointer_arrays pointer_arrays_anchor;
union ktime_like ktime_like_anchor;
struct file_operations file_operations_anchor;
long long_anchor;
unsigned long ulong_anchor;
long long llong_anchor;

#ifdef ORACLE_CONSTS
/* One `const unsigned int` per value, its assembler symbol `oracle:<key>` (see the top). */
#define ORACLE_AT(key, line, value) const unsigned int oracle_##line __asm__("oracle:" key) = (value)
#define ORACLE(key, line, value) ORACLE_AT(key, line, value)
#define OFF(s, m) ORACLE(#s "." #m, __LINE__, __builtin_offsetof(struct s, m))
#define SIZE(s) ORACLE("sizeof." #s, __LINE__, sizeof(struct s))

ORACLE("sizeof.void *", __LINE__, sizeof(void *));
ORACLE("sizeof.long", __LINE__, sizeof(long));
ORACLE("sizeof.unsigned long", __LINE__, sizeof(unsigned long));
ORACLE("sizeof.long long", __LINE__, sizeof(long long));

OFF(task_struct, thread_info);
OFF(task_struct, __state);
OFF(task_struct, saved_state);
OFF(task_struct, stack);
OFF(task_struct, usage);
OFF(task_struct, wakee_flip_decay_ts);
OFF(task_struct, last_wakee);
OFF(task_struct, rt_priority);
OFF(task_struct, se);
OFF(task_struct, se.load.inv_weight);
OFF(task_struct, se.run_node);
OFF(task_struct, se.deadline);
OFF(task_struct, se.exec_start);
OFF(task_struct, se.parent);
OFF(task_struct, se.runnable_weight);
OFF(task_struct, se.avg);
OFF(task_struct, se.avg.util_avg);
OFF(task_struct, se.avg.util_est);
OFF(task_struct, scx);
OFF(task_struct, scx.kf_tasks[1]);
OFF(task_struct, scx.ops_state);
OFF(task_struct, scx.runnable_at);
OFF(task_struct, scx.ddsp_dsq_id);
OFF(task_struct, scx.dsq_vtime);
OFF(task_struct, scx.disallow);
OFF(task_struct, scx.tasks_node);
OFF(task_struct, sched_class);
OFF(task_struct, cpus_ptr);
OFF(task_struct, cpus_mask);
OFF(task_struct, tasks);
OFF(task_struct, mm);
OFF(task_struct, active_mm);
OFF(task_struct, exit_signal);
OFF(task_struct, atomic_flags);
OFF(task_struct, pid);
OFF(task_struct, tgid);
OFF(task_struct, real_parent);
OFF(task_struct, parent);
OFF(task_struct, children);
OFF(task_struct, group_leader);
OFF(task_struct, pid_links);
OFF(task_struct, pid_links[3]);
OFF(task_struct, utime);
OFF(task_struct, nvcsw);
OFF(task_struct, start_time);
OFF(task_struct, cred);
OFF(task_struct, comm);
OFF(task_struct, files);
OFF(task_struct, security_ptrs);
OFF(task_struct, security_ptrs[2]);
OFF(task_struct, rcu_users);
OFF(task_struct, rcu);
OFF(task_struct, rcu.func);
OFF(task_struct, total_numa_faults);
OFF(task_struct, numa_faults);
OFF(task_struct, on_free);
OFF(task_struct, handlers);
OFF(task_struct, handlers[2]);
OFF(task_struct, saved_errno);
SIZE(task_struct);

OFF(sched_entity, load);
OFF(sched_entity, run_node);
OFF(sched_entity, deadline);
OFF(sched_entity, group_node);
OFF(sched_entity, on_rq);
OFF(sched_entity, exec_start);
OFF(sched_entity, vlag);
OFF(sched_entity, depth);
OFF(sched_entity, parent);
OFF(sched_entity, cfs_rq);
OFF(sched_entity, my_q);
OFF(sched_entity, runnable_weight);
OFF(sched_entity, avg);
SIZE(sched_entity);

OFF(sched_avg, last_update_time);
OFF(sched_avg, util_sum);
OFF(sched_avg, load_avg);
OFF(sched_avg, util_avg);
OFF(sched_avg, util_est);
SIZE(sched_avg);

OFF(sched_ext_entity, dsq_priq);
OFF(sched_ext_entity, dsq_seq);
OFF(sched_ext_entity, kf_tasks);
OFF(sched_ext_entity, ops_state);
OFF(sched_ext_entity, runnable_node);
OFF(sched_ext_entity, runnable_at);
OFF(sched_ext_entity, ddsp_dsq_id);
OFF(sched_ext_entity, slice);
OFF(sched_ext_entity, disallow);
OFF(sched_ext_entity, tasks_node);
SIZE(sched_ext_entity);

OFF(sched_class, enqueue_task);
OFF(sched_class, dequeue_task);
OFF(sched_class, pick_task);
OFF(sched_class, select_task_rq);
OFF(sched_class, update_curr);
SIZE(sched_class);

OFF(rq, nr_running);
OFF(rq, last_blocked_load_update_tick);
OFF(rq, nr_switches);
OFF(rq, curr);
OFF(rq, idle);
OFF(rq, stop);
OFF(rq, next_balance);
OFF(rq, clock);
OFF(rq, clock_task);
OFF(rq, nr_iowait);
OFF(rq, cfs_tasks);
OFF(rq, balance_callback);
OFF(rq, scx_tree);
OFF(rq, cpu_capacity);
SIZE(rq);

OFF(thread_info, flags);
OFF(thread_info, cpu);
SIZE(thread_info);
SIZE(list_head);
SIZE(hlist_node);
SIZE(callback_head);
OFF(callback_head, func);
SIZE(rb_node);
OFF(rb_node, rb_left);
SIZE(load_weight);
SIZE(cpumask);

OFF(page, lru);
OFF(page, mapping);
OFF(page, index);
OFF(page, private);
OFF(page, pp_magic);
OFF(page, pp);
OFF(page, dma_addr);
OFF(page, pp_ref_count);
OFF(page, callback_head); /* `struct rcu_head rcu_head`: rcu_head is a macro for callback_head */
OFF(page, page_type);
OFF(page, _mapcount);
OFF(page, _refcount);
OFF(page, memcg_data);
SIZE(page);

OFF(long_bits, f);
OFF(long_bits, h);
SIZE(long_bits);

OFF(pointer_arrays, slots);
OFF(pointer_arrays, slots[5]);
OFF(pointer_arrays, heads);
OFF(pointer_arrays, heads[2]);
OFF(pointer_arrays, handlers);
OFF(pointer_arrays, handlers[3]);
OFF(pointer_arrays, names);
OFF(pointer_arrays, names[1][2]);
OFF(pointer_arrays, bitmap);
OFF(pointer_arrays, bitmap[1]);
OFF(pointer_arrays, argv);
OFF(pointer_arrays, tasks);
OFF(pointer_arrays, end);
SIZE(pointer_arrays);

ORACLE("ktime_like.tv64", __LINE__, __builtin_offsetof(union ktime_like, tv64));
ORACLE("ktime_like.nsec", __LINE__, __builtin_offsetof(union ktime_like, nsec));
ORACLE("ktime_like.ptr", __LINE__, __builtin_offsetof(union ktime_like, ptr));
ORACLE("sizeof.ktime_like", __LINE__, sizeof(union ktime_like));

OFF(file_operations, fop_flags);
OFF(file_operations, llseek);
OFF(file_operations, read);
OFF(file_operations, write);
OFF(file_operations, unlocked_ioctl);
OFF(file_operations, release);
SIZE(file_operations);
#endif
