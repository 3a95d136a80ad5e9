/**
 * Schema 2 (docs/JSON.md) on the fixtures: the 7.3 era (testdata/src/era_7_3.c, offsets from the
 * compiler in era_7_3.offsets.json), the fallbacks of the older eras and their `via`
 * entries, the constants read from enumerators, the human report's `struct.member` column,
 * and a split module with its own `struct rq` (testdata/src/split_rq/mod.c).
 */
import assert from "node:assert/strict";
import { BtfTypes, kernelReport, loadBtf, resolveOffsets } from "../mod.ts";
import { CONSTANTS, kernelConstants } from "../resolvers/constants.ts";
import { renderHuman } from "../report/human.ts";
import { BtfBuilder } from "./btf_builder.ts";
import { Kind } from "../btf/kinds.ts";
import { fixture, offsetsOracle, runCli } from "./helpers.ts";

type Era = "6_12" | "6_16" | "6_18" | "7_1" | "7_3";
const oracle = (era: Era) => offsetsOracle(`era_${era}`);
const resolved = (era: Era) => resolveOffsets(loadBtf(fixture(`era_${era}.btf`)).types);
// deno-lint-ignore no-explicit-any
const offsets = (era: Era) => resolved(era).offsets as any;

Deno.test("7.3: scx_rq without ops_qseq resolves (ops_qseq null), see.ops_qseq is the per-task u32", () => {
  const o = offsets("7_3"), want = oracle("7_3");
  assert.equal(o.scx_walker.scx_rq.ops_qseq, null);
  assert.equal(o.scx_walker.scx_rq.runnable_list, want["scx_walker.scx_rq.runnable_list"]);
  assert.equal(o.scx_walker.see.ops_qseq, want["scx_walker.see.ops_qseq"]);
  assert.equal(typeof o.scx_walker.see.ops_qseq, "number");
  assert.deepEqual(o.scx_walker.missing_groups, []);
  // Before 7.2, ops_qseq is in scx_rq and not yet in sched_ext_entity.
  const old = offsets("7_1");
  assert.equal(old.scx_walker.scx_rq.ops_qseq, oracle("7_1")["scx_walker.scx_rq.ops_qseq"]);
  assert.equal(old.scx_walker.see.ops_qseq, null);
});

Deno.test("7.3: runnable_scan is resolved from its own seven fields", () => {
  const r = resolved("7_3"), want = oracle("7_3");
  assert.equal(r.missing.runnable_scan, undefined);
  const scan = r.offsets.runnable_scan as Record<string, number>;
  assert.deepEqual(Object.keys(scan), [
    "task_struct_scx",
    "sched_ext_entity_tasks_node",
    "sched_ext_entity_flags",
    "sched_ext_entity_runnable_at",
    "sched_ext_entity_runnable_node",
    "rq_scx",
    "scx_rq_runnable_list",
  ]);
  for (const [k, v] of Object.entries(scan)) assert.equal(v, want[`runnable_scan.${k}`], k);
});

Deno.test("runnable_scan fails only with one of its own fields' messages", () => {
  // A kernel whose task_struct has scx but whose scx_rq lacks runnable_list.
  const b = new BtfBuilder();
  const int = b.int("int", 4);
  b.struct("task_struct", 8, [["scx", int, 0]]);
  b.struct("sched_ext_entity", 16, [
    ["tasks_node", int, 0],
    ["flags", int, 32],
    ["runnable_at", int, 64],
    ["runnable_node", int, 96],
  ]);
  b.struct("rq", 8, [["scx", int, 32]]);
  b.struct("scx_rq", 8, [["ops_qseq", int, 0]]);
  const r = resolveOffsets(BtfTypes.build(b.build()), ["runnable_scan"]);
  assert.deepEqual(r.missing, {
    runnable_scan: "btf: struct 'scx_rq' has no member 'runnable_list'",
  });
});

Deno.test("7.3: event counters, the REENQ_REPEAT fallback and the counters map in member order", () => {
  const r = resolved("7_3"), want = oracle("7_3");
  // deno-lint-ignore no-explicit-any
  const ev = (r.offsets.kernel as any).event_offsets;
  assert.equal(ev.ev_reenq_local_repeat, want["kernel.event_offsets.ev_reenq_local_repeat"]);
  assert.equal(
    r.via["kernel.event_offsets.ev_reenq_local_repeat"],
    "scx_event_stats.SCX_EV_REENQ_REPEAT",
  );
  for (
    const f of [
      "ev_slice_clamped",
      "ev_slice_denied",
      "ev_sub_forced_admit",
      "ev_sub_preempt_denied",
      "ev_sub_kick_denied",
      "ev_sub_reenq_denied",
      "ev_sub_cidperf_denied",
      "ev_sub_rescue",
    ]
  ) {
    assert.equal(ev[f], want[`kernel.event_offsets.${f}`], f);
  }
  const prefix = "kernel.event_offsets.counters.";
  const expected = Object.entries(want).filter(([k]) => k.startsWith(prefix));
  assert.equal(expected.length, 21);
  assert.deepEqual(
    Object.entries(ev.counters),
    expected.map(([k, v]) => [k.slice(prefix.length), v]),
  );
  // 7.1 keeps the old name: no via entry, and its counters map has 13 members.
  const old = resolved("7_1");
  assert.equal(old.via["kernel.event_offsets.ev_reenq_local_repeat"], undefined);
  // deno-lint-ignore no-explicit-any
  assert.equal(Object.keys((old.offsets.kernel as any).event_offsets.counters).length, 13);
  // deno-lint-ignore no-explicit-any
  assert.equal((old.offsets.kernel as any).event_offsets.ev_sub_rescue, null);
});

Deno.test("via: every fallback names the member it read, and nothing else is listed", () => {
  assert.deepEqual(resolved("6_12").via, {
    "scx_walker.scx_rq.kick_sync": "scx_rq.pnt_seq",
  });
  assert.deepEqual(resolved("6_16").via, {
    "kernel.event_offsets.percpu_ptr_off": "scx_sched.event_stats_cpu",
    "scx_walker.scx_rq.kick_sync": "scx_rq.pnt_seq",
  });
  assert.deepEqual(resolved("6_18").via, {
    "kernel.event_offsets.ev_refill_slice_dfl": "scx_event_stats.SCX_EV_ENQ_SLICE_DFL",
    "scx_walker.scx_rq.kick_sync": "scx_rq.pnt_seq",
  });
  assert.deepEqual(resolved("7_1").via, {});
  assert.deepEqual(resolved("7_3").via, {
    "kernel.event_offsets.ev_reenq_local_repeat": "scx_event_stats.SCX_EV_REENQ_REPEAT",
  });
});

Deno.test("psi and cgroup_walk on 7.3 equal the compiler's offsets; PSI_IRQ_FULL from the enum", () => {
  const o = offsets("7_3"), want = oracle("7_3");
  for (const g of ["psi", "cgroup_walk"]) {
    for (const [k, v] of Object.entries(o[g])) assert.equal(v, want[`${g}.${k}`], `${g}.${k}`);
  }
  assert.equal(o.psi.psi_irq_full_idx, 6);
  assert.equal(Object.keys(o.cgroup_walk).length, 8);
});

Deno.test("constants: read from the kernel's enumerators; `builtin` only for what it lacks", () => {
  const t73 = loadBtf(fixture("era_7_3.btf")).types;
  const k73 = kernelConstants(t73);
  assert.deepEqual(k73.constants, JSON.parse(JSON.stringify(CONSTANTS)));
  assert.deepEqual(k73.via, { "constants.RHT_PTR_LOCK_BIT": "builtin" });
  // The 7.1 fixture has none of these enums: every constant is the built-in one.
  const k71 = kernelConstants(loadBtf(fixture("era_7_1.btf")).types);
  assert.deepEqual(k71.constants, JSON.parse(JSON.stringify(CONSTANTS)));
  assert.deepEqual(Object.keys(k71.via).length, 4 + 1 + 1 + 8 + 1 + 1 + 6 + 1 + 1);
  assert.equal(k71.via["constants.pid_type.SID"], "builtin");
  assert.equal(k71.via["constants.SOFTIRQ_NAMES"], "builtin");
});

Deno.test("constants: values and name orders come from the kernel, not the built-in table", () => {
  const b = new BtfBuilder();
  const e = (name: string, pairs: [string, number][]) =>
    b.raw(name, Kind.ENUM, pairs.length, 4, pairs.flatMap(([n, v]) => [b.str(n), v]));
  e("cpu_idle_type", [["CPU_MAX_IDLE_TYPES", 4]]);
  e("pid_type", [["PIDTYPE_PID", 0], ["PIDTYPE_TGID", 1], ["PIDTYPE_PGID", 3], ["PIDTYPE_SID", 2]]);
  // A kernel with a new vector before RCU, declared out of value order.
  e("", [
    ["HI_SOFTIRQ", 0],
    ["TIMER_SOFTIRQ", 1],
    ["NEW_SOFTIRQ", 3],
    ["NET_TX_SOFTIRQ", 2],
    ["RCU_SOFTIRQ", 4],
    ["NR_SOFTIRQS", 5],
  ]);
  const { constants, via } = kernelConstants(BtfTypes.build(b.build()));
  assert.equal(constants.CPU_MAX_IDLE_TYPES, 4);
  assert.deepEqual(constants.pid_type, { PID: 0, TGID: 1, PGID: 3, SID: 2 });
  assert.equal(constants.NR_SOFTIRQS, 5);
  assert.deepEqual(constants.SOFTIRQ_NAMES, ["HI", "TIMER", "NET_TX", "NEW", "RCU"]);
  assert.equal(via["constants.CPU_MAX_IDLE_TYPES"], undefined);
  assert.equal(via["constants.SOFTIRQ_NAMES"], undefined);
  assert.equal(via["constants.CPUTIME_USER"], "builtin");
});

Deno.test("human report: struct.member beside every offset, the fallback's member when one was used", () => {
  const types = loadBtf(fixture("era_6_12.btf")).types;
  const report = kernelReport(
    {
      path: "x",
      format: "raw",
      btf_bytes: 0,
      type_count: 0,
      sidecar: "not-applicable",
      arch: null,
      endianness: "little",
      pointer_size: 8,
    },
    resolveOffsets(types),
    types,
  );
  const text = renderHuman(report, false);
  const line = (name: string) => text.split("\n").find((l) => l.trimStart().startsWith(name + " "));
  assert.match(line("kick_sync")!, /^ {4}kick_sync +\d+ {2}0x[0-9a-f]+ +scx_rq\.pnt_seq$/);
  assert.match(line("rq_nr_running")!, / rq\.nr_running$/);
  assert.match(line("idr_xa_head")!, / idr\.idr_rt \+ xarray\.xa_head$/);
  assert.match(line("zone_size")!, / sizeof zone$/);
  assert.match(line("clock")!, /^ {4}clock +— +scx_rq\.clock$/);
  for (const l of text.split("\n")) {
    if (/ 0x[0-9a-f]+ /.test(l)) assert.match(l, /0x[0-9a-f]+ +\S+/, l);
  }
  assert.ok(!text.includes("CONFIG_SCHED_CLASS_EXT"), "the fixture has rq.scx");
});

Deno.test("split BTF: a module's own struct rq never hides the scheduler's rq of the base", () => {
  const base = loadBtf(fixture("split_rq_base.btf")).types;
  const mod = loadBtf(fixture("split_rq_mod.btf"), base).types;
  assert.ok(mod.byName("rq").length === 2 && mod.byName("cgroup").length === 2);
  const viaMod = resolveOffsets(mod), viaBase = resolveOffsets(base);
  assert.deepEqual(viaMod, viaBase);
  assert.deepEqual(viaMod.missing, {});
});

Deno.test("cli --json: schema 2 with via, for the 7.3 fixture", async () => {
  const r = await runCli(["kernel", fixture("era_7_3.btf"), "--json"]);
  assert.equal(r.code, 0, r.stderr);
  const report = JSON.parse(r.stdout);
  assert.equal(report.schema, 2);
  assert.deepEqual(report.via, {
    "kernel.event_offsets.ev_reenq_local_repeat": "scx_event_stats.SCX_EV_REENQ_REPEAT",
    "constants.RHT_PTR_LOCK_BIT": "builtin",
  });
  assert.deepEqual(Object.keys(report.offsets).slice(-3), ["numa_stats", "psi", "cgroup_walk"]);
});

/** A small kernel: rq with scx (scx_rq, its local scx_dispatch_q) and cpu; `extra` rq members. */
function tinyKernel(extraRq: (b: BtfBuilder, int: number) => [string, number, number][]) {
  const b = new BtfBuilder();
  const int = b.int("int", 4);
  const dsq = b.struct("scx_dispatch_q", 8, [["nr", int, 32]]);
  const scxRq = b.struct("scx_rq", 16, [["local_dsq", dsq, 0], ["nr_running", int, 64], [
    "flags",
    int,
    96,
  ]]);
  b.struct("rq", 64, [
    ["nr_running", int, 0],
    ["clock", int, 32],
    ["scx", scxRq, 64],
    ["cpu", int, 192],
    ...extraRq(b, int),
  ]);
  // The event path A with a counter no kernel has yet, and a member that is not a counter.
  const stats = b.struct("scx_event_stats", 64, [
    ...[
      "SCX_EV_SELECT_CPU_FALLBACK",
      "SCX_EV_DISPATCH_LOCAL_DSQ_OFFLINE",
      "SCX_EV_DISPATCH_KEEP_LAST",
      "SCX_EV_ENQ_SKIP_EXITING",
      "SCX_EV_ENQ_SKIP_MIGRATION_DISABLED",
      "SCX_EV_FROM_THE_FUTURE",
    ].map((n, i): [string, number, number] => [n, int, 64 * i]),
    ["nr_events", int, 448],
  ]);
  b.struct("scx_sched_pcpu", 72, [["event_stats", stats, 64]]);
  b.struct("scx_sched", 16, [["pcpu", b.ref(Kind.PTR, "", int), 64]]);
  return resolveOffsets(BtfTypes.build(b.build()), ["kernel"]);
}

Deno.test("kernel: rq_avg_irq_util_avg is null without rq.avg_irq or when it is not a struct", () => {
  // deno-lint-ignore no-explicit-any
  const without = tinyKernel(() => []).offsets.kernel as any;
  assert.equal(without.rq_cpu, 24);
  assert.equal(without.rq_avg_irq_util_avg, null);
  // deno-lint-ignore no-explicit-any
  const notStruct = tinyKernel((_, int) => [["avg_irq", int, 256]]).offsets.kernel as any;
  assert.equal(notStruct.rq_avg_irq_util_avg, null);
  const withAvg = tinyKernel((b, int) => {
    const avg = b.struct("sched_avg", 16, [["load_avg", int, 0], ["util_avg", int, 64]]);
    return [["avg_irq", avg, 256]];
  });
  // deno-lint-ignore no-explicit-any
  assert.equal((withAvg.offsets.kernel as any).rq_avg_irq_util_avg, 32 + 8);
  assert.equal(withAvg.missing.kernel, undefined);
});

Deno.test("counters: a counter no code knows is reported, members without the prefix are not", () => {
  // deno-lint-ignore no-explicit-any
  const ev = (tinyKernel(() => []).offsets.kernel as any).event_offsets;
  assert.deepEqual(ev.counters, {
    SCX_EV_SELECT_CPU_FALLBACK: 0,
    SCX_EV_DISPATCH_LOCAL_DSQ_OFFLINE: 8,
    SCX_EV_DISPATCH_KEEP_LAST: 16,
    SCX_EV_ENQ_SKIP_EXITING: 24,
    SCX_EV_ENQ_SKIP_MIGRATION_DISABLED: 32,
    SCX_EV_FROM_THE_FUTURE: 40,
  });
  assert.equal(ev.event_stats_off, 8);
  assert.equal(ev.ev_sub_rescue, null);
});
