/**
 * kernel (KernelOffsets): run queue, scx_rq and local DSQ fields, with the optional event,
 * schedstat, sched_domain (+ stats) and watchdog sub-groups (docs/FIELDS.md).
 * @module
 */
import { orNull, withContext } from "../btf/errors.ts";
import { directMember, findStruct, memberOffset, resolveMemberStruct } from "../btf/queries.ts";
import type { BtfTypes } from "../btf/table.ts";
import {
  allOrNothing,
  custom,
  direct,
  embedded,
  type Field,
  group,
  member,
  memberMap,
  named,
  type Note,
  optional,
  perTable,
  type StructRef,
  sub,
  typeOf,
} from "./dsl.ts";

const rq = named("rq");
const scxRq = typeOf(rq, "scx", "scx_rq");
const localDsq = typeOf(scxRq, "local_dsq", "scx_dispatch_q");

/** Where the per-CPU event counters live in this kernel (eventStatsOff null: path B). */
interface EventPath {
  percpuPtrOff: number;
  eventStatsOff: number | null;
  statsStruct: number;
}

/**
 * Path A (6.18+, and 6.17.y backports): scx_sched.pcpu → scx_sched_pcpu.event_stats.
 * Path B (6.16–6.17.0): scx_sched.event_stats_cpu points at the stats directly (offset 0).
 * Chosen by member presence, never by version.
 */
function findEventPath(types: BtfTypes): EventPath {
  const sched = findStruct(types, "scx_sched");
  const pathA = orNull(() => {
    const pcpu = memberOffset(types, sched, "pcpu");
    const stats = directMember(types, findStruct(types, "scx_sched_pcpu"), "event_stats");
    return {
      percpuPtrOff: pcpu,
      eventStatsOff: stats.offset,
      statsStruct: resolveMemberStruct(types, stats),
    };
  });
  return pathA ?? (() => {
    const esc = withContext(
      "btf: neither scx_sched.pcpu nor scx_sched.event_stats_cpu found",
      () => directMember(types, sched, "event_stats_cpu"),
    );
    const statsStruct = withContext(
      "btf: resolve type of scx_sched.event_stats_cpu",
      () => resolveMemberStruct(types, esc),
    );
    return { percpuPtrOff: esc.offset, eventStatsOff: null, statsStruct };
  })();
}

/** The event path, worked out once per table (every event field needs it). */
const eventPath = perTable((types, _: "event") => findEventPath(types));

const eventStats: StructRef = {
  label: "scx_event_stats",
  found: "typeof(scx_sched_pcpu.event_stats), else typeof(scx_sched.event_stats_cpu)",
  resolve: (types) => eventPath(types, "event").statsStruct,
};

/** ev_foo_bar → member SCX_EV_FOO_BAR of the event stats struct (plus fallback names). */
function event(key: string, ...fallbacks: string[]): Field {
  return member(key, eventStats, `SCX_EV_${key.slice(3).toUpperCase()}`, ...fallbacks);
}

function percpuPtrOff(types: BtfTypes, note: Note): number {
  const path = eventPath(types, "event");
  if (path.eventStatsOff === null) note("scx_sched.event_stats_cpu");
  return path.percpuPtrOff;
}

function eventStatsOff(types: BtfTypes): number {
  return eventPath(types, "event").eventStatsOff ?? 0;
}

/** kernel.event_offsets (ScxEventOffsets). */
export const EVENT_OFFSETS = group(
  // Path A (6.18+): scx_sched.pcpu; path B (6.16-6.17.0): scx_sched.event_stats_cpu.
  custom("percpu_ptr_off", "scx_sched.pcpu", percpuPtrOff, ["scx_sched.event_stats_cpu"]),
  custom("event_stats_off", "scx_sched_pcpu.event_stats", eventStatsOff, ["0 (path B)"]),
  event("ev_select_cpu_fallback"),
  event("ev_dispatch_local_dsq_offline"),
  event("ev_dispatch_keep_last"),
  event("ev_enq_skip_exiting"),
  event("ev_enq_skip_migration_disabled"),
  optional(event("ev_reenq_immed")),
  // Renamed in 7.3.
  optional(event("ev_reenq_local_repeat", "SCX_EV_REENQ_REPEAT")),
  // Renamed in 6.16; older kernels call it SCX_EV_ENQ_SLICE_DFL.
  optional(event("ev_refill_slice_dfl", "SCX_EV_ENQ_SLICE_DFL")),
  optional(event("ev_bypass_duration")),
  optional(event("ev_bypass_dispatch")),
  optional(event("ev_bypass_activate")),
  optional(event("ev_insert_not_owned")),
  optional(event("ev_sub_bypass_dispatch")),
  optional(event("ev_slice_clamped")),
  optional(event("ev_slice_denied")),
  optional(event("ev_sub_forced_admit")),
  optional(event("ev_sub_preempt_denied")),
  optional(event("ev_sub_kick_denied")),
  optional(event("ev_sub_reenq_denied")),
  optional(event("ev_sub_cidperf_denied")),
  optional(event("ev_sub_rescue")),
  memberMap("counters", eventStats, "SCX_EV_"),
);

const schedInfo = typeOf(rq, "rq_sched_info", "sched_info");

/** kernel.schedstat_offsets (CONFIG_SCHEDSTATS fields of struct rq). */
export const SCHEDSTAT_OFFSETS = group(
  direct("rq_sched_info", rq, "rq_sched_info"),
  member("sched_info_run_delay", schedInfo, "run_delay"),
  member("sched_info_pcount", schedInfo, "pcount"),
  member("rq_yld_count", rq, "yld_count"),
  member("rq_sched_count", rq, "sched_count"),
  member("rq_sched_goidle", rq, "sched_goidle"),
  member("rq_ttwu_count", rq, "ttwu_count"),
  member("rq_ttwu_local", rq, "ttwu_local"),
);

const sd = named("sched_domain");

/** sd_foo → member foo of struct sched_domain. */
function sdField(key: string): Field {
  return member(key, sd, key.slice(3));
}

/** kernel.sched_domain_offsets.stats_offsets: load-balancing stats, all or nothing. */
export const SCHED_DOMAIN_STATS = group(
  ...[
    "sd_lb_count",
    "sd_lb_failed",
    "sd_lb_balanced",
    "sd_lb_imbalance_load",
    "sd_lb_imbalance_util",
    "sd_lb_imbalance_task",
    "sd_lb_imbalance_misfit",
    "sd_lb_gained",
    "sd_lb_hot_gained",
    "sd_lb_nobusyg",
    "sd_lb_nobusyq",
    "sd_alb_count",
    "sd_alb_failed",
    "sd_alb_pushed",
    "sd_sbe_count",
    "sd_sbe_balanced",
    "sd_sbe_pushed",
    "sd_sbf_count",
    "sd_sbf_balanced",
    "sd_sbf_pushed",
    "sd_ttwu_wake_remote",
    "sd_ttwu_move_affine",
    "sd_ttwu_move_balance",
  ].map(sdField),
);

/** kernel.sched_domain_offsets (sched domain tree walking). */
export const SCHED_DOMAIN_OFFSETS = group(
  member("rq_sd", rq, "sd"),
  ...[
    "sd_parent",
    "sd_level",
    "sd_name",
    "sd_flags",
    "sd_span_weight",
    "sd_balance_interval",
    "sd_nr_balance_failed",
    "sd_max_newidle_lb_cost",
  ].map(sdField),
  allOrNothing(
    sdField("sd_newidle_call"),
    sdField("sd_newidle_success"),
    sdField("sd_newidle_ratio"),
  ),
  sub("stats_offsets", SCHED_DOMAIN_STATS),
);

/** kernel.watchdog_offsets: scx_sched.watchdog_timeout (7.1+). */
export const WATCHDOG_OFFSETS = group(
  member("scx_sched_watchdog_timeout_off", "scx_sched", "watchdog_timeout"),
);

/** The kernel group (KernelOffsets). */
export const KERNEL = group(
  member("rq_nr_running", rq, "nr_running"),
  member("rq_clock", rq, "clock"),
  direct("rq_scx", rq, "scx"),
  member("scx_rq_nr_running", scxRq, "nr_running"),
  direct("scx_rq_local_dsq", scxRq, "local_dsq"),
  member("scx_rq_flags", scxRq, "flags"),
  member("dsq_nr", localDsq, "nr"),
  member("rq_cpu", rq, "cpu"),
  optional(embedded("rq_avg_irq_util_avg", rq, "avg_irq", "sched_avg", "util_avg")),
  sub("event_offsets", EVENT_OFFSETS),
  sub("schedstat_offsets", SCHEDSTAT_OFFSETS),
  sub("sched_domain_offsets", SCHED_DOMAIN_OFFSETS),
  sub("watchdog_offsets", WATCHDOG_OFFSETS),
);
