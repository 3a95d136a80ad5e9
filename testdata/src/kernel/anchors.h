/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Global variables that make clang -target bpf emit BTF for every fixture struct
 * (BTF only holds types reachable from variables and functions), plus kernel-style
 * per-CPU variables so that a DATASEC ".data..percpu" exists.
 * Include after kernel/sched.h, kernel/bpf.h and kernel/stats.h.
 */
#ifndef KTSTR_FIXTURE_ANCHORS_H
#define KTSTR_FIXTURE_ANCHORS_H

#define __percpu_var __attribute__((section(".data..percpu")))

/* per-CPU variables, named as in the kernel */
struct rq runqueues __percpu_var;
struct kernel_cpustat kernel_cpustat __percpu_var;
struct kernel_stat kstat __percpu_var;
struct tick_sched tick_cpu_sched __percpu_var;

/* scheduler */
struct rq __anchor_rq;
struct scx_rq __anchor_scx_rq;
struct scx_dispatch_q __anchor_scx_dispatch_q;
struct sched_ext_entity __anchor_sched_ext_entity;
struct scx_dsq_list_node __anchor_scx_dsq_list_node;
struct task_struct __anchor_task_struct;
#if KV >= 616
struct scx_sched __anchor_scx_sched;
struct scx_event_stats __anchor_scx_event_stats;
#endif
#if KV >= 618
struct scx_sched_pcpu __anchor_scx_sched_pcpu;
#endif
#if KV >= 701
struct scx_sched_pnode __anchor_scx_sched_pnode;
#endif
#if KV >= 703
struct psi_group __anchor_psi_group;
struct cgroup_root __anchor_cgroup_root;
struct cgroup __anchor_cgroup;
struct cgroup_subsys_state __anchor_cgroup_subsys_state;
struct kernfs_node __anchor_kernfs_node;
enum pid_type __anchor_pid_type;
enum cpu_usage_stat __anchor_cpu_usage_stat;
softirq_vec_t __anchor_softirq;
enum numa_stat_item __anchor_numa_stat_item;
enum cpu_idle_type __anchor_cpu_idle_type;
enum scx_dsq_lnode_flags __anchor_scx_dsq_lnode_flags;
enum psi_states __anchor_psi_states;
#endif
struct sched_domain __anchor_sched_domain;
struct sched_info __anchor_sched_info;
struct rhashtable __anchor_rhashtable;
struct bucket_table __anchor_bucket_table;
struct rhash_head __anchor_rhash_head;
struct signal_struct __anchor_signal_struct;
struct pid __anchor_pid;
struct upid __anchor_upid;

/* idr */
struct xa_node __anchor_xa_node;
struct xarray __anchor_xarray;
struct idr __anchor_idr;

/* bpf */
struct bpf_map __anchor_bpf_map;
struct bpf_array __anchor_bpf_array;
struct btf __anchor_btf;
struct bpf_htab __anchor_bpf_htab;
struct bucket __anchor_bucket;
struct htab_elem __anchor_htab_elem;
struct hlist_nulls_head __anchor_hlist_nulls_head;
struct hlist_nulls_node __anchor_hlist_nulls_node;
struct bpf_local_storage_map __anchor_bpf_local_storage_map;
struct bpf_local_storage_map_bucket __anchor_bpf_local_storage_map_bucket;
struct hlist_head __anchor_hlist_head;
struct hlist_node __anchor_hlist_node;
struct bpf_local_storage_elem __anchor_bpf_local_storage_elem;
struct bpf_local_storage_data __anchor_bpf_local_storage_data;
struct bpf_local_storage __anchor_bpf_local_storage;
struct bpf_struct_ops_map __anchor_bpf_struct_ops_map;
struct bpf_struct_ops_value __anchor_bpf_struct_ops_value;
struct bpf_ringbuf_map __anchor_bpf_ringbuf_map;
struct bpf_ringbuf __anchor_bpf_ringbuf;
struct bpf_stack_map __anchor_bpf_stack_map;
struct stack_map_bucket __anchor_stack_map_bucket;
struct bpf_prog __anchor_bpf_prog;
struct bpf_prog_aux __anchor_bpf_prog_aux;
struct bpf_prog_stats __anchor_bpf_prog_stats;

/* cpu time / numa */
struct kernel_cpustat __anchor_kernel_cpustat;
struct kernel_stat __anchor_kernel_stat;
struct tick_sched __anchor_tick_sched;
struct pglist_data __anchor_pglist_data;
struct zone __anchor_zone;

#endif /* KTSTR_FIXTURE_ANCHORS_H */
