/* SPDX-License-Identifier: GPL-2.0 */
/*
 * BPF-side structs for the era fixtures: bpf_map, bpf_array, btf, bpf_htab/bucket/htab_elem,
 * local storage, struct_ops, ringbuf, stack map, bpf_prog/bpf_prog_aux/bpf_prog_stats, and
 * idr/xarray/xa_node. The era file defines KV (see kernel/sched.h) before including this.
 * Member order and types follow /work/shared/kernel-layouts.md (CONFIG_SECURITY=y,
 * CONFIG_MEMCG=y before 7.x, no lock debugging).
 */
#ifndef KTSTR_FIXTURE_BPF_H
#define KTSTR_FIXTURE_BPF_H

#ifndef KV
#error "define KV (612, 614, 616, 618 or 701) before including kernel/bpf.h"
#endif

#include "types.h"

/* ---- idr / xarray (include/linux/idr.h, xarray.h) ---- */

#define XA_CHUNK_SIZE 64
#define XA_MAX_MARKS 3

struct xarray {
	spinlock_t xa_lock;
	gfp_t xa_flags;
	void *xa_head;
};

struct xa_node {
	unsigned char shift;
	unsigned char offset;
	unsigned char count;
	unsigned char nr_values;
	struct xa_node *parent;
	struct xarray *array;
	union {
		struct list_head private_list;
		struct rcu_head callback_head;
	};
	void *slots[XA_CHUNK_SIZE];
	union {
		unsigned long tags[XA_MAX_MARKS][1];
		unsigned long marks[XA_MAX_MARKS][1];
	};
};

struct idr {
	struct xarray idr_rt;
	unsigned int idr_base;
	unsigned int idr_next;
};

/* ---- struct bpf_map (include/linux/bpf.h) ---- */

enum bpf_map_type { BPF_MAP_TYPE_UNSPEC = 0, BPF_MAP_TYPE_HASH = 1, BPF_MAP_TYPE_ARRAY = 2 };
enum bpf_prog_type { BPF_PROG_TYPE_UNSPEC = 0, BPF_PROG_TYPE_STRUCT_OPS = 27 };
enum bpf_attach_type { BPF_CGROUP_INET_INGRESS = 0 };

#define BPF_OBJ_NAME_LEN 16

struct bpf_map_owner {
	enum bpf_prog_type type;
	bool jited;
	bool xdp_has_frags;
	u64 storage_cookie[2];
	const struct btf_type *attach_func_proto;
};

struct bpf_map {
#if KV >= 618
	u8 sha[32];
#endif
	const struct bpf_map_ops *ops;
	struct bpf_map *inner_map_meta;
	void *security;
	enum bpf_map_type map_type;
	u32 key_size;
	u32 value_size;
	u32 max_entries;
	u64 map_extra;
	u32 map_flags;
	u32 id;
	struct btf_record *record;
	int numa_node;
	u32 btf_key_type_id;
	u32 btf_value_type_id;
	u32 btf_vmlinux_value_type_id;
	struct btf *btf;
#if KV < 700
	struct obj_cgroup *objcg;
#endif
	char name[BPF_OBJ_NAME_LEN];
	struct mutex freeze_mutex;
	atomic64_t refcnt;
	atomic64_t usercnt;
	union {
		struct work_struct work;
		struct rcu_head rcu;
	};
	atomic64_t writecnt;
#if KV >= 618
	spinlock_t owner_lock;
	struct bpf_map_owner *owner;
#else
	struct {
		const struct btf_type *attach_func_proto;
		spinlock_t lock;
		enum bpf_prog_type type;
		bool jited;
		bool xdp_has_frags;
	} owner;
#endif
	bool bypass_spec_v1;
	bool frozen;
	bool free_after_mult_rcu_gp;
	bool free_after_rcu_gp;
	atomic64_t sleepable_refcnt;
	s64 *elem_count;
#if KV >= 618
	u64 cookie;
	char *excl_prog_sha;
#endif
};

struct bpf_array {
	struct bpf_map map;
	u32 elem_size;
	u32 index_mask;
	struct bpf_array_aux *aux;
	union {
		DECLARE_FLEX_ARRAY(char, value) __aligned(8);
		DECLARE_FLEX_ARRAY(void *, ptrs) __aligned(8);
		DECLARE_FLEX_ARRAY(void *, pptrs) __aligned(8);
	};
};

/* ---- struct btf (kernel/bpf/btf.c) ---- */

struct btf_header {
	u16 magic;
	u8 version;
	u8 flags;
	u32 hdr_len;
	u32 type_off;
	u32 type_len;
	u32 str_off;
	u32 str_len;
};

struct btf {
	void *data;
	struct btf_type **types;
	u32 *resolved_ids;
	u32 *resolved_sizes;
	const char *strings;
	void *nohdr_data;
	struct btf_header hdr;
	u32 nr_types;
#if KV >= 700
	u32 named_start_id;
#endif
	u32 types_size;
	u32 data_size;
	refcount_t refcnt;
	u32 id;
	struct rcu_head rcu;
	struct btf_kfunc_set_tab *kfunc_set_tab;
	struct btf_id_dtor_kfunc_tab *dtor_kfunc_tab;
	struct btf_struct_metas *struct_meta_tab;
	struct btf_struct_ops_tab *struct_ops_tab;
#if KV >= 701
	struct btf_layout *layout;
#endif
	struct btf *base_btf;
	u32 start_id;
	u32 start_str_off;
	char name[56];
	bool kernel_btf;
	u32 *base_id_map;
};

/* ---- hash map (kernel/bpf/hashtab.c) ---- */

struct pcpu_freelist_head {
	struct pcpu_freelist_node *first;
#if KV >= 615
	rqspinlock_t lock;
#else
	raw_spinlock_t lock;
#endif
};

struct pcpu_freelist {
	struct pcpu_freelist_head *freelist;
	struct pcpu_freelist_head extralist;
};

struct bpf_lru_node {
	struct list_head list;
	u16 cpu;
	u8 type;
	u8 ref;
};

struct bpf_lru_list {
	struct list_head lists[3];
	unsigned int counts[2];
	struct list_head *next_inactive_rotation;
	raw_spinlock_t lock ____cacheline_aligned;
};

struct bpf_common_lru {
	struct bpf_lru_list lru_list;
	struct bpf_lru_locallist *local_list;
};

struct bpf_lru {
	union {
		struct bpf_common_lru common_lru;
		struct bpf_lru_list *percpu_lru;
	};
	int (*del_from_htab)(void *arg, struct bpf_lru_node *node);
	void *del_arg;
	unsigned int hash_offset;
	unsigned int nr_scans;
	bool percpu;
};

struct bucket {
	struct hlist_nulls_head head;
#if KV >= 615
	rqspinlock_t raw_lock;
#else
	raw_spinlock_t raw_lock;
#endif
};

#define HASHTAB_MAP_LOCK_COUNT 8

struct bpf_htab {
	struct bpf_map map;
	struct bpf_mem_alloc ma;
	struct bpf_mem_alloc pcpu_ma;
	struct bucket *buckets;
	void *elems;
	union {
		struct pcpu_freelist freelist;
		struct bpf_lru lru;
	};
	struct htab_elem **extra_elems;
	struct percpu_counter pcount;
	atomic_t count;
	bool use_percpu_counter;
	u32 n_buckets;
	u32 elem_size;
	u32 hashrnd;
#if KV < 615
	struct lock_class_key lockdep_key;
	int *map_locked[HASHTAB_MAP_LOCK_COUNT];
#endif
};

struct htab_elem {
	union {
		struct hlist_nulls_node hash_node;
		struct {
			void *padding;
			union {
				struct pcpu_freelist_node fnode;
				struct htab_elem *batch_flink;
			};
		};
	};
	union {
		void *ptr_to_pptr;
		struct bpf_lru_node lru_node;
	};
	u32 hash;
	char key[] __aligned(8);
};

/* ---- local storage (include/linux/bpf_local_storage.h) ---- */

#define BPF_LOCAL_STORAGE_CACHE_SIZE 16

struct bpf_local_storage_map_bucket {
	struct hlist_head list;
#if KV >= 700
	rqspinlock_t lock;
#else
	raw_spinlock_t lock;
#endif
};

struct bpf_local_storage_map {
	struct bpf_map map;
	struct bpf_local_storage_map_bucket *buckets;
	u32 bucket_log;
	u16 elem_size;
	u16 cache_idx;
#if KV < 700
	struct bpf_mem_alloc selem_ma;
	struct bpf_mem_alloc storage_ma;
	bool bpf_ma;
#endif
};

struct bpf_local_storage_data {
	struct bpf_local_storage_map *smap;
	u8 data[] __aligned(8);
};

struct bpf_local_storage_elem {
	struct hlist_node map_node;
	struct hlist_node snode;
	struct bpf_local_storage *local_storage;
#if KV >= 613
	union {
		struct rcu_head rcu;
		struct hlist_node free_node;
	};
#else
	struct rcu_head rcu;
#endif
#if KV >= 700
	atomic_t state;
#endif
	struct bpf_local_storage_data sdata ____cacheline_aligned;
};

struct bpf_local_storage {
	struct bpf_local_storage_data *cache[BPF_LOCAL_STORAGE_CACHE_SIZE];
#if KV < 700
	struct bpf_local_storage_map *smap;
#endif
	struct hlist_head list;
	void *owner;
	struct rcu_head rcu;
#if KV >= 700
	rqspinlock_t lock;
	u64 mem_charge;
	refcount_t owner_refcnt;
#else
	raw_spinlock_t lock;
#endif
};

/* ---- struct_ops (kernel/bpf/bpf_struct_ops.c) ---- */

enum bpf_struct_ops_state { BPF_STRUCT_OPS_STATE_INIT = 0 };

struct bpf_struct_ops_common_value {
	refcount_t refcnt;
	enum bpf_struct_ops_state state;
};

struct bpf_struct_ops_value {
	struct bpf_struct_ops_common_value common;
	char data[] ____cacheline_aligned;
};

#define MAX_TRAMP_IMAGE_PAGES 8

struct bpf_struct_ops_map {
	struct bpf_map map;
#if KV < 613
	struct rcu_head rcu;
#endif
	const struct bpf_struct_ops_desc *st_ops_desc;
	struct mutex lock;
	struct bpf_link **links;
#if KV >= 613
	struct bpf_ksym **ksyms;
	u32 funcs_cnt;
#else
	u32 links_cnt;
#endif
	u32 image_pages_cnt;
	void *image_pages[MAX_TRAMP_IMAGE_PAGES];
	struct btf *btf;
	struct bpf_struct_ops_value *uvalue;
	struct bpf_struct_ops_value kvalue;
};

/* ---- ring buffer (kernel/bpf/ringbuf.c) ---- */

struct bpf_ringbuf {
	wait_queue_head_t waitq;
	struct irq_work work;
	u64 mask;
	struct page **pages;
	int nr_pages;
#if KV >= 700
	bool overwrite_mode;
#endif
#if KV >= 616
	rqspinlock_t spinlock ____cacheline_aligned;
#elif KV >= 613
	raw_spinlock_t spinlock ____cacheline_aligned;
#else
	spinlock_t spinlock ____cacheline_aligned;
#endif
	atomic_t busy ____cacheline_aligned;
	unsigned long consumer_pos __page_aligned;
	unsigned long producer_pos __page_aligned;
	unsigned long pending_pos;
#if KV >= 700
	unsigned long overwrite_pos;
#endif
	char data[] __page_aligned;
};

struct bpf_ringbuf_map {
	struct bpf_map map;
	struct bpf_ringbuf *rb;
};

/* ---- stack map (kernel/bpf/stackmap.c) ---- */

struct stack_map_bucket {
	struct pcpu_freelist_node fnode;
	u32 hash;
	u32 nr;
	u64 data[];
};

struct bpf_stack_map {
	struct bpf_map map;
	void *elems;
	struct pcpu_freelist freelist;
	u32 n_buckets;
	struct stack_map_bucket *buckets[];
};

/* ---- struct bpf_prog (include/linux/filter.h, bpf.h) ---- */

struct bpf_prog_stats {
	u64_stats_t cnt;
	u64_stats_t nsecs;
	u64_stats_t misses;
	struct u64_stats_sync syncp;
} __aligned(2 * sizeof(u64));

struct sock_filter { u16 code; u8 jt; u8 jf; u32 k; };
struct bpf_insn { u8 code; u8 dst_reg:4; u8 src_reg:4; s16 off; s32 imm; };

#define BPF_TAG_SIZE 8
#define SHA256_DIGEST_SIZE 32

struct bpf_prog {
	u16 pages;
	u16 jited:1,
	    jit_requested:1,
	    gpl_compatible:1,
	    cb_access:1,
	    dst_needed:1,
	    blinding_requested:1,
	    blinded:1,
	    is_func:1,
	    kprobe_override:1,
	    has_callchain_buf:1,
	    enforce_expected_attach_type:1,
	    call_get_stack:1,
	    call_get_func_ip:1,
#if KV >= 701
	    call_session_cookie:1,
#endif
	    tstamp_type_access:1,
	    sleepable:1;
	enum bpf_prog_type type;
	enum bpf_attach_type expected_attach_type;
	u32 len;
	u32 jited_len;
#if KV >= 618
	union {
		u8 digest[SHA256_DIGEST_SIZE];
		u8 tag[BPF_TAG_SIZE];
	};
#else
	u8 tag[BPF_TAG_SIZE];
#endif
	struct bpf_prog_stats *stats;
#if KV >= 700
	u8 *active;
#else
	int *active;
#endif
	unsigned int (*bpf_func)(const void *ctx, const struct bpf_insn *insn);
	struct bpf_prog_aux *aux;
	struct sock_fprog_kern *orig_prog;
	union {
		DECLARE_FLEX_ARRAY(struct sock_filter, insns);
		DECLARE_FLEX_ARRAY(struct bpf_insn, insnsi);
	};
};

struct latch_tree_node { struct rb_node node[2]; };

#define KSYM_NAME_LEN 512

struct bpf_ksym {
	unsigned long start;
	unsigned long end;
	char name[KSYM_NAME_LEN];
	struct list_head lnode;
	struct latch_tree_node tnode;
	bool prog;
#if KV >= 701
	u32 fp_start;
	u32 fp_end;
#endif
};

struct bpf_stream {
	atomic_t capacity;
	struct llist_head log;
	struct mutex lock;
	struct llist_node *backlog_head;
	struct llist_node *backlog_tail;
};

struct bpf_prog_aux {
	atomic64_t refcnt;
	u32 used_map_cnt;
	u32 used_btf_cnt;
	u32 max_ctx_offset;
	u32 max_pkt_offset;
	u32 max_tp_access;
	u32 stack_depth;
	u32 id;
	u32 func_cnt;
	u32 real_func_cnt;
	u32 func_idx;
	u32 attach_btf_id;
#if KV >= 616
	u32 attach_st_ops_member_off;
#endif
	u32 ctx_arg_info_size;
	u32 max_rdonly_access;
	u32 max_rdwr_access;
#if KV >= 701
	u32 subprog_start;
#endif
	struct btf *attach_btf;
	const struct bpf_ctx_arg_aux *ctx_arg_info;
#if KV >= 613
	void *priv_stack_ptr;
#endif
	struct mutex dst_mutex;
	struct bpf_prog *dst_prog;
	struct bpf_trampoline *dst_trampoline;
	enum bpf_prog_type saved_dst_prog_type;
	enum bpf_attach_type saved_dst_attach_type;
	bool verifier_zext;
	bool dev_bound;
	bool offload_requested;
	bool attach_btf_trace;
	bool attach_tracing_prog;
	bool func_proto_unreliable;
	bool tail_call_reachable;
	bool xdp_has_frags;
	bool exception_cb;
	bool exception_boundary;
	bool is_extended;
	bool jits_use_priv_stack;
#if KV >= 613
	bool priv_stack_requested;
#endif
#if KV >= 614
	bool changes_pkt_data;
#endif
#if KV >= 616
	bool might_sleep;
#endif
#if KV >= 618
	bool kprobe_write_ctx;
#endif
#if KV >= 613
	u64 prog_array_member_cnt;
	struct mutex ext_mutex;
#endif
	struct bpf_arena *arena;
#if KV >= 613
	void (*recursion_detected)(struct bpf_prog *prog);
#endif
	const struct btf_type *attach_func_proto;
	const char *attach_func_name;
	struct bpf_prog **func;
#if KV >= 618
	struct bpf_prog_aux *main_prog_aux;
#endif
	void *jit_data;
	struct bpf_jit_poke_descriptor *poke_tab;
	struct bpf_kfunc_desc_tab *kfunc_tab;
	struct bpf_kfunc_btf_tab *kfunc_btf_tab;
	u32 size_poke_tab;
	struct bpf_ksym ksym;
	const struct bpf_prog_ops *ops;
#if KV >= 616
	const struct bpf_struct_ops *st_ops;
#endif
	struct bpf_map **used_maps;
	struct mutex used_maps_mutex;
	struct btf_mod_pair *used_btfs;
	struct bpf_prog *prog;
	struct user_struct *user;
	u64 load_time;
	u32 verified_insns;
	int cgroup_atype;
	struct bpf_map *cgroup_storage[2];
	char name[BPF_OBJ_NAME_LEN];
	u64 (*bpf_exception_cb)(u64 cookie, u64 sp, u64 bp, u64, u64);
	void *security;
	struct bpf_token *token;
	struct bpf_prog_offload *offload;
	struct btf *btf;
	struct bpf_func_info *func_info;
	struct bpf_func_info_aux *func_info_aux;
	struct bpf_line_info *linfo;
	void **jited_linfo;
	u32 func_info_cnt;
	u32 nr_linfo;
	u32 linfo_idx;
	struct module *mod;
	u32 num_exentries;
	struct exception_table_entry *extable;
	union {
		struct work_struct work;
		struct rcu_head rcu;
	};
#if KV >= 618
	struct bpf_stream stream[2];
#endif
#if KV >= 701
	struct mutex st_ops_assoc_mutex;
	struct bpf_map *st_ops_assoc;
#endif
};

#endif /* KTSTR_FIXTURE_BPF_H */
