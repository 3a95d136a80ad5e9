/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The offset oracle shared by the era fixtures. Built only by testdata/build.sh's host gcc
 * pass (-DORACLE_MAIN); prints one flat JSON object mapping the dotted result paths of
 * docs/FIELDS.md ("<group>.<field>", "<group>.<subgroup>.<field>") to the compiler's
 * offsetof/sizeof values for this era's structs. A key is printed only when the group resolves
 * the field to a number in this era: optional fields that are absent and groups that cannot
 * resolve are left out (the test reads a missing key as "must be null").
 * "sizeof.<struct>" keys carry struct sizes for the BTF format layer.
 * Include last, after kernel/sched.h, kernel/bpf.h and kernel/stats.h.
 */
#ifndef KTSTR_FIXTURE_ORACLE_H
#define KTSTR_FIXTURE_ORACLE_H
#ifdef ORACLE_MAIN

#include <stdio.h>
#include <stddef.h>

static int oracle_first = 1;

static void oracle_put(const char *key, unsigned long value)
{
	printf("%s\n  \"%s\": %lu", oracle_first ? "{" : ",", key, value);
	oracle_first = 0;
}

#define P(key, value) oracle_put(key, (unsigned long)(value))
#define OFF(s, m) offsetof(struct s, m)

static void oracle_kernel(void)
{
	P("kernel.rq_nr_running", OFF(rq, nr_running));
	P("kernel.rq_cpu", OFF(rq, cpu));
	P("kernel.rq_clock", OFF(rq, clock));
	P("kernel.rq_scx", OFF(rq, scx));
	P("kernel.scx_rq_nr_running", OFF(scx_rq, nr_running));
	P("kernel.scx_rq_local_dsq", OFF(scx_rq, local_dsq));
	P("kernel.scx_rq_flags", OFF(scx_rq, flags));
	P("kernel.dsq_nr", OFF(scx_dispatch_q, nr));
	P("kernel.rq_avg_irq_util_avg", OFF(rq, avg_irq) + OFF(sched_avg, util_avg));

#if KV >= 616
	/* kernel.event_offsets: path A (scx_sched.pcpu) from 6.18, path B before */
#if KV >= 618
	P("kernel.event_offsets.percpu_ptr_off", OFF(scx_sched, pcpu));
	P("kernel.event_offsets.event_stats_off", OFF(scx_sched_pcpu, event_stats));
#else
	P("kernel.event_offsets.percpu_ptr_off", OFF(scx_sched, event_stats_cpu));
	P("kernel.event_offsets.event_stats_off", 0);
#endif
	P("kernel.event_offsets.ev_select_cpu_fallback", OFF(scx_event_stats, SCX_EV_SELECT_CPU_FALLBACK));
	P("kernel.event_offsets.ev_dispatch_local_dsq_offline", OFF(scx_event_stats, SCX_EV_DISPATCH_LOCAL_DSQ_OFFLINE));
	P("kernel.event_offsets.ev_dispatch_keep_last", OFF(scx_event_stats, SCX_EV_DISPATCH_KEEP_LAST));
	P("kernel.event_offsets.ev_enq_skip_exiting", OFF(scx_event_stats, SCX_EV_ENQ_SKIP_EXITING));
	P("kernel.event_offsets.ev_enq_skip_migration_disabled", OFF(scx_event_stats, SCX_EV_ENQ_SKIP_MIGRATION_DISABLED));
#if KV >= 703
	P("kernel.event_offsets.ev_reenq_immed", OFF(scx_event_stats, SCX_EV_REENQ_IMMED));
	P("kernel.event_offsets.ev_reenq_local_repeat", OFF(scx_event_stats, SCX_EV_REENQ_REPEAT));
#elif KV >= 701
	P("kernel.event_offsets.ev_reenq_immed", OFF(scx_event_stats, SCX_EV_REENQ_IMMED));
	P("kernel.event_offsets.ev_reenq_local_repeat", OFF(scx_event_stats, SCX_EV_REENQ_LOCAL_REPEAT));
#endif
#ifdef ERA_EV_OLD_SLICE_NAME
	P("kernel.event_offsets.ev_refill_slice_dfl", OFF(scx_event_stats, SCX_EV_ENQ_SLICE_DFL));
#else
	P("kernel.event_offsets.ev_refill_slice_dfl", OFF(scx_event_stats, SCX_EV_REFILL_SLICE_DFL));
#endif
	P("kernel.event_offsets.ev_bypass_duration", OFF(scx_event_stats, SCX_EV_BYPASS_DURATION));
	P("kernel.event_offsets.ev_bypass_dispatch", OFF(scx_event_stats, SCX_EV_BYPASS_DISPATCH));
	P("kernel.event_offsets.ev_bypass_activate", OFF(scx_event_stats, SCX_EV_BYPASS_ACTIVATE));
#if KV >= 701
	P("kernel.event_offsets.ev_insert_not_owned", OFF(scx_event_stats, SCX_EV_INSERT_NOT_OWNED));
	P("kernel.event_offsets.ev_sub_bypass_dispatch", OFF(scx_event_stats, SCX_EV_SUB_BYPASS_DISPATCH));
#endif
#if KV >= 703
#define EV(f, M) P("kernel.event_offsets.ev_" #f, OFF(scx_event_stats, M))
	EV(slice_clamped, SCX_EV_SLICE_CLAMPED);
	EV(slice_denied, SCX_EV_SLICE_DENIED);
	EV(sub_forced_admit, SCX_EV_SUB_FORCED_ADMIT);
	EV(sub_preempt_denied, SCX_EV_SUB_PREEMPT_DENIED);
	EV(sub_kick_denied, SCX_EV_SUB_KICK_DENIED);
	EV(sub_reenq_denied, SCX_EV_SUB_REENQ_DENIED);
	EV(sub_cidperf_denied, SCX_EV_SUB_CIDPERF_DENIED);
	EV(sub_rescue, SCX_EV_SUB_RESCUE);
#undef EV
#endif
	/* kernel.event_offsets.counters: every SCX_EV_ member, in member order */
#define CT(m) P("kernel.event_offsets.counters." #m, OFF(scx_event_stats, m))
	CT(SCX_EV_SELECT_CPU_FALLBACK);
	CT(SCX_EV_DISPATCH_LOCAL_DSQ_OFFLINE);
	CT(SCX_EV_DISPATCH_KEEP_LAST);
	CT(SCX_EV_ENQ_SKIP_EXITING);
	CT(SCX_EV_ENQ_SKIP_MIGRATION_DISABLED);
#if KV >= 703
	CT(SCX_EV_REENQ_IMMED);
	CT(SCX_EV_REENQ_REPEAT);
#elif KV >= 701
	CT(SCX_EV_REENQ_IMMED);
	CT(SCX_EV_REENQ_LOCAL_REPEAT);
#endif
#ifdef ERA_EV_OLD_SLICE_NAME
	CT(SCX_EV_ENQ_SLICE_DFL);
#else
	CT(SCX_EV_REFILL_SLICE_DFL);
#endif
#if KV >= 703
	CT(SCX_EV_SLICE_CLAMPED);
	CT(SCX_EV_SLICE_DENIED);
#endif
	CT(SCX_EV_BYPASS_DURATION);
	CT(SCX_EV_BYPASS_DISPATCH);
	CT(SCX_EV_BYPASS_ACTIVATE);
#if KV >= 701
	CT(SCX_EV_INSERT_NOT_OWNED);
	CT(SCX_EV_SUB_BYPASS_DISPATCH);
#endif
#if KV >= 703
	CT(SCX_EV_SUB_FORCED_ADMIT);
	CT(SCX_EV_SUB_PREEMPT_DENIED);
	CT(SCX_EV_SUB_KICK_DENIED);
	CT(SCX_EV_SUB_REENQ_DENIED);
	CT(SCX_EV_SUB_CIDPERF_DENIED);
	CT(SCX_EV_SUB_RESCUE);
#endif
#undef CT
#endif /* KV >= 616 */

	P("kernel.schedstat_offsets.rq_sched_info", OFF(rq, rq_sched_info));
	P("kernel.schedstat_offsets.sched_info_run_delay", OFF(sched_info, run_delay));
	P("kernel.schedstat_offsets.sched_info_pcount", OFF(sched_info, pcount));
	P("kernel.schedstat_offsets.rq_yld_count", OFF(rq, yld_count));
	P("kernel.schedstat_offsets.rq_sched_count", OFF(rq, sched_count));
	P("kernel.schedstat_offsets.rq_sched_goidle", OFF(rq, sched_goidle));
	P("kernel.schedstat_offsets.rq_ttwu_count", OFF(rq, ttwu_count));
	P("kernel.schedstat_offsets.rq_ttwu_local", OFF(rq, ttwu_local));

	P("kernel.sched_domain_offsets.rq_sd", OFF(rq, sd));
	P("kernel.sched_domain_offsets.sd_parent", OFF(sched_domain, parent));
	P("kernel.sched_domain_offsets.sd_level", OFF(sched_domain, level));
	P("kernel.sched_domain_offsets.sd_name", OFF(sched_domain, name));
	P("kernel.sched_domain_offsets.sd_flags", OFF(sched_domain, flags));
	P("kernel.sched_domain_offsets.sd_span_weight", OFF(sched_domain, span_weight));
	P("kernel.sched_domain_offsets.sd_balance_interval", OFF(sched_domain, balance_interval));
	P("kernel.sched_domain_offsets.sd_nr_balance_failed", OFF(sched_domain, nr_balance_failed));
	P("kernel.sched_domain_offsets.sd_max_newidle_lb_cost", OFF(sched_domain, max_newidle_lb_cost));
#if KV >= 701
	P("kernel.sched_domain_offsets.sd_newidle_call", OFF(sched_domain, newidle_call));
	P("kernel.sched_domain_offsets.sd_newidle_success", OFF(sched_domain, newidle_success));
	P("kernel.sched_domain_offsets.sd_newidle_ratio", OFF(sched_domain, newidle_ratio));
#endif
#ifndef ERA_SD_NO_TTWU_MOVE_BALANCE
#define SDS(f) P("kernel.sched_domain_offsets.stats_offsets.sd_" #f, OFF(sched_domain, f))
	SDS(lb_count);
	SDS(lb_failed);
	SDS(lb_balanced);
	SDS(lb_imbalance_load);
	SDS(lb_imbalance_util);
	SDS(lb_imbalance_task);
	SDS(lb_imbalance_misfit);
	SDS(lb_gained);
	SDS(lb_hot_gained);
	SDS(lb_nobusyg);
	SDS(lb_nobusyq);
	SDS(alb_count);
	SDS(alb_failed);
	SDS(alb_pushed);
	SDS(sbe_count);
	SDS(sbe_balanced);
	SDS(sbe_pushed);
	SDS(sbf_count);
	SDS(sbf_balanced);
	SDS(sbf_pushed);
	SDS(ttwu_wake_remote);
	SDS(ttwu_move_affine);
	SDS(ttwu_move_balance);
#undef SDS
#endif

#if KV >= 701
	P("kernel.watchdog_offsets.scx_sched_watchdog_timeout_off", OFF(scx_sched, watchdog_timeout));
#endif
}

static void oracle_idr_fields(const char *group)
{
	char key[128];

	snprintf(key, sizeof(key), "%s.xa_node_slots", group);
	P(key, OFF(xa_node, slots));
	snprintf(key, sizeof(key), "%s.xa_node_shift", group);
	P(key, OFF(xa_node, shift));
	snprintf(key, sizeof(key), "%s.idr_xa_head", group);
	P(key, OFF(idr, idr_rt) + OFF(xarray, xa_head));
	snprintf(key, sizeof(key), "%s.idr_next", group);
	P(key, OFF(idr, idr_next));
}

static void oracle_bpf_map(void)
{
	P("bpf_map.map_name", OFF(bpf_map, name));
	P("bpf_map.map_type", OFF(bpf_map, map_type));
	P("bpf_map.map_flags", OFF(bpf_map, map_flags));
	P("bpf_map.key_size", OFF(bpf_map, key_size));
	P("bpf_map.value_size", OFF(bpf_map, value_size));
	P("bpf_map.max_entries", OFF(bpf_map, max_entries));
	P("bpf_map.array_value", OFF(bpf_array, value));
	oracle_idr_fields("bpf_map");
	P("bpf_map.map_btf", OFF(bpf_map, btf));
	P("bpf_map.map_btf_value_type_id", OFF(bpf_map, btf_value_type_id));
	P("bpf_map.map_btf_vmlinux_value_type_id", OFF(bpf_map, btf_vmlinux_value_type_id));
	P("bpf_map.map_btf_key_type_id", OFF(bpf_map, btf_key_type_id));
	P("bpf_map.btf_data", OFF(btf, data));
	P("bpf_map.btf_data_size", OFF(btf, data_size));
	P("bpf_map.btf_base_btf", OFF(btf, base_btf));

	P("bpf_map.htab_offsets.htab_buckets", OFF(bpf_htab, buckets));
	P("bpf_map.htab_offsets.htab_n_buckets", OFF(bpf_htab, n_buckets));
	P("bpf_map.htab_offsets.bucket_size", sizeof(struct bucket));
	P("bpf_map.htab_offsets.bucket_head", OFF(bucket, head));
	P("bpf_map.htab_offsets.hlist_nulls_head_first", OFF(hlist_nulls_head, first));
	P("bpf_map.htab_offsets.hlist_nulls_node_next", OFF(hlist_nulls_node, next));
	P("bpf_map.htab_offsets.htab_elem_size_base", sizeof(struct htab_elem));

	P("bpf_map.task_storage_offsets.smap_buckets", OFF(bpf_local_storage_map, buckets));
	P("bpf_map.task_storage_offsets.smap_bucket_log", OFF(bpf_local_storage_map, bucket_log));
	P("bpf_map.task_storage_offsets.bucket_size", sizeof(struct bpf_local_storage_map_bucket));
	P("bpf_map.task_storage_offsets.bucket_list", OFF(bpf_local_storage_map_bucket, list));
	P("bpf_map.task_storage_offsets.hlist_head_first", OFF(hlist_head, first));
	P("bpf_map.task_storage_offsets.hlist_node_next", OFF(hlist_node, next));
	P("bpf_map.task_storage_offsets.elem_local_storage", OFF(bpf_local_storage_elem, local_storage));
	P("bpf_map.task_storage_offsets.elem_sdata", OFF(bpf_local_storage_elem, sdata));
	P("bpf_map.task_storage_offsets.sdata_data", OFF(bpf_local_storage_data, data));
	P("bpf_map.task_storage_offsets.ls_owner", OFF(bpf_local_storage, owner));

	P("bpf_map.struct_ops_offsets.kvalue", OFF(bpf_struct_ops_map, kvalue));
	P("bpf_map.struct_ops_offsets.value_data", OFF(bpf_struct_ops_value, data));

	P("bpf_map.ringbuf_offsets.rbm_rb", OFF(bpf_ringbuf_map, rb));
	P("bpf_map.ringbuf_offsets.rb_mask", OFF(bpf_ringbuf, mask));
	P("bpf_map.ringbuf_offsets.rb_consumer_pos", OFF(bpf_ringbuf, consumer_pos));
	P("bpf_map.ringbuf_offsets.rb_producer_pos", OFF(bpf_ringbuf, producer_pos));
	P("bpf_map.ringbuf_offsets.rb_pending_pos", OFF(bpf_ringbuf, pending_pos));

	P("bpf_map.stackmap_offsets.smap_n_buckets", OFF(bpf_stack_map, n_buckets));
	P("bpf_map.stackmap_offsets.smap_buckets", OFF(bpf_stack_map, buckets));
	P("bpf_map.stackmap_offsets.smb_nr", OFF(stack_map_bucket, nr));
	P("bpf_map.stackmap_offsets.smb_data", OFF(stack_map_bucket, data));
}

static void oracle_bpf_prog(void)
{
	P("bpf_prog.prog_type", OFF(bpf_prog, type));
	P("bpf_prog.prog_aux", OFF(bpf_prog, aux));
	P("bpf_prog.aux_verified_insns", OFF(bpf_prog_aux, verified_insns));
	P("bpf_prog.aux_name", OFF(bpf_prog_aux, name));
	P("bpf_prog.aux_used_maps", OFF(bpf_prog_aux, used_maps));
	P("bpf_prog.aux_used_map_cnt", OFF(bpf_prog_aux, used_map_cnt));
	oracle_idr_fields("bpf_prog");
	P("bpf_prog.prog_stats", OFF(bpf_prog, stats));
	P("bpf_prog.stats_cnt", OFF(bpf_prog_stats, cnt));
	P("bpf_prog.stats_nsecs", OFF(bpf_prog_stats, nsecs));
	P("bpf_prog.stats_misses", OFF(bpf_prog_stats, misses));
}

static void oracle_scx_walker(void)
{
	P("scx_walker.rq.scx", OFF(rq, scx));
	P("scx_walker.rq.curr", OFF(rq, curr));

	P("scx_walker.scx_rq.local_dsq", OFF(scx_rq, local_dsq));
	P("scx_walker.scx_rq.runnable_list", OFF(scx_rq, runnable_list));
	P("scx_walker.scx_rq.nr_running", OFF(scx_rq, nr_running));
	P("scx_walker.scx_rq.flags", OFF(scx_rq, flags));
	P("scx_walker.scx_rq.cpu_released", OFF(scx_rq, cpu_released));
#if KV < 702
	P("scx_walker.scx_rq.ops_qseq", OFF(scx_rq, ops_qseq));
#endif
#if KV >= 619
	P("scx_walker.scx_rq.kick_sync", OFF(scx_rq, kick_sync));
#else
	P("scx_walker.scx_rq.kick_sync", OFF(scx_rq, pnt_seq));
#endif
#if KV >= 701
	P("scx_walker.scx_rq.nr_immed", OFF(scx_rq, nr_immed));
#endif
#if KV >= 614
	P("scx_walker.scx_rq.clock", OFF(scx_rq, clock));
#endif

	P("scx_walker.task.comm", OFF(task_struct, comm));
	P("scx_walker.task.pid", OFF(task_struct, pid));
	P("scx_walker.task.scx", OFF(task_struct, scx));

	P("scx_walker.see.runnable_node", OFF(sched_ext_entity, runnable_node));
	P("scx_walker.see.runnable_at", OFF(sched_ext_entity, runnable_at));
	P("scx_walker.see.weight", OFF(sched_ext_entity, weight));
	P("scx_walker.see.slice", OFF(sched_ext_entity, slice));
	P("scx_walker.see.dsq_vtime", OFF(sched_ext_entity, dsq_vtime));
	P("scx_walker.see.dsq", OFF(sched_ext_entity, dsq));
	P("scx_walker.see.dsq_list", OFF(sched_ext_entity, dsq_list));
	P("scx_walker.see.flags", OFF(sched_ext_entity, flags));
	P("scx_walker.see.dsq_flags", OFF(sched_ext_entity, dsq_flags));
	P("scx_walker.see.sticky_cpu", OFF(sched_ext_entity, sticky_cpu));
	P("scx_walker.see.holding_cpu", OFF(sched_ext_entity, holding_cpu));
	P("scx_walker.see.tasks_node", OFF(sched_ext_entity, tasks_node));
#if KV >= 702
	P("scx_walker.see.ops_qseq", OFF(sched_ext_entity, ops_qseq));
#endif

	P("scx_walker.dsq_lnode.node", OFF(scx_dsq_list_node, node));
	P("scx_walker.dsq_lnode.flags", OFF(scx_dsq_list_node, flags));

	P("scx_walker.dsq.list", OFF(scx_dispatch_q, list));
	P("scx_walker.dsq.nr", OFF(scx_dispatch_q, nr));
	P("scx_walker.dsq.seq", OFF(scx_dispatch_q, seq));
	P("scx_walker.dsq.id", OFF(scx_dispatch_q, id));
	P("scx_walker.dsq.hash_node", OFF(scx_dispatch_q, hash_node));

#if KV >= 616
	P("scx_walker.sched.dsq_hash", OFF(scx_sched, dsq_hash));
	P("scx_walker.sched.exit_kind", OFF(scx_sched, exit_kind));
#if KV >= 701
	P("scx_walker.sched.pnode", OFF(scx_sched, pnode));
#endif
#if KV >= 618
	P("scx_walker.sched.pcpu", OFF(scx_sched, pcpu));
#endif
#if KV >= 701
	P("scx_walker.sched.aborting", OFF(scx_sched, aborting));
	P("scx_walker.sched.bypass_depth", OFF(scx_sched, bypass_depth));
	P("scx_walker.sched_pnode.global_dsq", OFF(scx_sched_pnode, global_dsq));
	P("scx_walker.sched_pcpu.bypass_dsq", OFF(scx_sched_pcpu, bypass_dsq));
#endif
#endif /* KV >= 616 */

	P("scx_walker.rht.tbl", OFF(rhashtable, tbl));
	P("scx_walker.rht.nelems", OFF(rhashtable, nelems));
	P("scx_walker.rht.bucket_table_size", OFF(bucket_table, size));
	P("scx_walker.rht.bucket_table_buckets", OFF(bucket_table, buckets));
	P("scx_walker.rht.rhash_head_next", OFF(rhash_head, next));
}

static void oracle_runnable_scan(void)
{
	P("runnable_scan.task_struct_scx", OFF(task_struct, scx));
	P("runnable_scan.sched_ext_entity_tasks_node", OFF(sched_ext_entity, tasks_node));
	P("runnable_scan.sched_ext_entity_flags", OFF(sched_ext_entity, flags));
	P("runnable_scan.sched_ext_entity_runnable_at", OFF(sched_ext_entity, runnable_at));
	P("runnable_scan.sched_ext_entity_runnable_node", OFF(sched_ext_entity, runnable_node));
	P("runnable_scan.rq_scx", OFF(rq, scx));
	P("runnable_scan.scx_rq_runnable_list", OFF(scx_rq, runnable_list));
}

static void oracle_task_enrichment(void)
{
	P("task_enrichment.task_struct_comm", OFF(task_struct, comm));
	P("task_enrichment.task_struct_pid", OFF(task_struct, pid));
	P("task_enrichment.task_struct_tgid", OFF(task_struct, tgid));
	P("task_enrichment.task_struct_prio", OFF(task_struct, prio));
	P("task_enrichment.task_struct_static_prio", OFF(task_struct, static_prio));
	P("task_enrichment.task_struct_normal_prio", OFF(task_struct, normal_prio));
	P("task_enrichment.task_struct_rt_priority", OFF(task_struct, rt_priority));
	P("task_enrichment.task_struct_sched_class", OFF(task_struct, sched_class));
	P("task_enrichment.task_struct_scx", OFF(task_struct, scx));
#ifndef ERA_NO_CORE_COOKIE
	P("task_enrichment.task_struct_core_cookie", OFF(task_struct, core_cookie));
#endif
	P("task_enrichment.task_struct_real_parent", OFF(task_struct, real_parent));
	P("task_enrichment.task_struct_group_leader", OFF(task_struct, group_leader));
	P("task_enrichment.task_struct_signal", OFF(task_struct, signal));
	P("task_enrichment.task_struct_stack", OFF(task_struct, stack));
	P("task_enrichment.see_weight", OFF(sched_ext_entity, weight));
	P("task_enrichment.signal_struct_nr_threads", OFF(signal_struct, nr_threads));
	P("task_enrichment.signal_struct_pids", OFF(signal_struct, pids));
	P("task_enrichment.signal_struct_nvcsw", OFF(signal_struct, nvcsw));
	P("task_enrichment.signal_struct_nivcsw", OFF(signal_struct, nivcsw));
	P("task_enrichment.task_struct_nvcsw", OFF(task_struct, nvcsw));
	P("task_enrichment.task_struct_nivcsw", OFF(task_struct, nivcsw));
	P("task_enrichment.task_struct_utime", OFF(task_struct, utime));
	P("task_enrichment.task_struct_stime", OFF(task_struct, stime));
	P("task_enrichment.signal_struct_utime", OFF(signal_struct, utime));
	P("task_enrichment.signal_struct_stime", OFF(signal_struct, stime));
	P("task_enrichment.pid_numbers", OFF(pid, numbers));
	P("task_enrichment.pid_size", OFF(pid, numbers));
	P("task_enrichment.upid_nr", OFF(upid, nr));
	P("task_enrichment.upid_size", sizeof(struct upid));
}

static void oracle_cpu_time_numa(void)
{
	P("cpu_time.kernel_cpustat_cpustat", OFF(kernel_cpustat, cpustat));
	P("cpu_time.kstat_irqs_sum", OFF(kernel_stat, irqs_sum));
	P("cpu_time.kstat_softirqs", OFF(kernel_stat, softirqs));
#ifndef ERA_NO_IOWAIT_SLEEPTIME
	P("cpu_time.tick_sched_iowait_sleeptime", OFF(tick_sched, iowait_sleeptime));
#endif
	P("numa_stats.pglist_data_node_zones", OFF(pglist_data, node_zones));
	P("numa_stats.zone_vm_numa_event", OFF(zone, vm_numa_event));
	P("numa_stats.zone_size", sizeof(struct zone));
}

static void oracle_psi_cgroup(void)
{
#if KV >= 703
	P("psi.psi_group_total", OFF(psi_group, total));
	P("psi.psi_group_avg", OFF(psi_group, avg));
	P("psi.psi_irq_full_idx", PSI_IRQ_FULL);
	P("cgroup_walk.cgroup_self", OFF(cgroup, self));
	P("cgroup_walk.cgroup_kn", OFF(cgroup, kn));
	P("cgroup_walk.cgroup_psi", OFF(cgroup, psi));
	P("cgroup_walk.css_sibling", OFF(cgroup_subsys_state, sibling));
	P("cgroup_walk.css_children", OFF(cgroup_subsys_state, children));
	P("cgroup_walk.css_serial_nr", OFF(cgroup_subsys_state, serial_nr));
	P("cgroup_walk.cgroup_root_cgrp", OFF(cgroup_root, cgrp));
	P("cgroup_walk.kernfs_node_name", OFF(kernfs_node, name));
#endif
}

static void oracle_sizes(void)
{
	P("sizeof.rq", sizeof(struct rq));
	P("sizeof.scx_rq", sizeof(struct scx_rq));
	P("sizeof.scx_dispatch_q", sizeof(struct scx_dispatch_q));
	P("sizeof.sched_ext_entity", sizeof(struct sched_ext_entity));
	P("sizeof.task_struct", sizeof(struct task_struct));
	P("sizeof.sched_domain", sizeof(struct sched_domain));
	P("sizeof.bpf_map", sizeof(struct bpf_map));
	P("sizeof.bpf_prog", sizeof(struct bpf_prog));
	P("sizeof.bpf_prog_aux", sizeof(struct bpf_prog_aux));
	P("sizeof.bpf_prog_stats", sizeof(struct bpf_prog_stats));
	P("sizeof.htab_elem", sizeof(struct htab_elem));
	P("sizeof.upid", sizeof(struct upid));
#if KV >= 616
	P("sizeof.scx_sched", sizeof(struct scx_sched));
	P("sizeof.scx_event_stats", sizeof(struct scx_event_stats));
#endif
#if KV >= 618
	P("sizeof.scx_sched_pcpu", sizeof(struct scx_sched_pcpu));
#endif
#if KV >= 701
	P("sizeof.scx_sched_pnode", sizeof(struct scx_sched_pnode));
#endif
}

int main(void)
{
	oracle_kernel();
	oracle_idr_fields("idr");
	oracle_bpf_map();
	oracle_bpf_prog();
	oracle_scx_walker();
	oracle_runnable_scan();
	oracle_task_enrichment();
	oracle_cpu_time_numa();
	oracle_psi_cgroup();
	oracle_sizes();
	printf("\n}\n");
	return 0;
}

#undef OFF
#undef P
#endif /* ORACLE_MAIN */
#endif /* KTSTR_FIXTURE_ORACLE_H */
