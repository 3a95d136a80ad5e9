/**
 * Every offset group on fixtures that mirror five kernel eras (testdata/src/era_*.c). The
 * expected numbers come from the compiler (testdata/era_*.offsets.json, printed by the same
 * source built with gcc and offsetof/sizeof), never from this code.
 */
import assert from "node:assert/strict";
import { findStruct, loadBtf } from "../mod.ts";
import { resolveOffsets } from "../resolvers/mod.ts";
import { fixture, offsetsOracle, runCli } from "./helpers.ts";

const ERAS = ["6_12", "6_14", "6_16", "6_18", "7_1", "7_3"] as const;
type Era = typeof ERAS[number];

/** Missing groups per era, with the exact message chains (docs/FIELDS.md). */
const EXPECTED_MISSING: Record<Era, Record<string, string>> = {
  "6_12": {
    "kernel.event_offsets": "btf: type 'scx_sched' not found",
    "kernel.watchdog_offsets": "btf: type 'scx_sched' not found",
    "scx_walker.sched": "btf: type 'scx_sched' not found",
    "scx_walker.sched_pnode": "btf: type 'scx_sched_pnode' not found",
    "scx_walker.sched_pcpu": "btf: type 'scx_sched_pcpu' not found",
  },
  "6_14": {
    "kernel.event_offsets": "btf: type 'scx_sched' not found",
    "kernel.sched_domain_offsets.stats_offsets":
      "btf: struct 'sched_domain' has no member 'ttwu_move_balance'",
    "kernel.watchdog_offsets": "btf: type 'scx_sched' not found",
    "scx_walker.sched": "btf: type 'scx_sched' not found",
    "scx_walker.sched_pnode": "btf: type 'scx_sched_pnode' not found",
    "scx_walker.sched_pcpu": "btf: type 'scx_sched_pcpu' not found",
  },
  "6_16": {
    "kernel.watchdog_offsets": "btf: struct 'scx_sched' has no member 'watchdog_timeout'",
    "scx_walker.sched_pnode": "btf: type 'scx_sched_pnode' not found",
    "scx_walker.sched_pcpu": "btf: type 'scx_sched_pcpu' not found",
  },
  "6_18": {
    "kernel.watchdog_offsets": "btf: struct 'scx_sched' has no member 'watchdog_timeout'",
    "scx_walker.sched_pnode": "btf: type 'scx_sched_pnode' not found",
  },
  "7_1": {},
  "7_3": {},
};

/** Before 7.3 the fixtures have no psi or cgroup structs. */
for (const era of ["6_12", "6_14", "6_16", "6_18", "7_1"] as const) {
  EXPECTED_MISSING[era].psi = "btf: type 'psi_group' not found";
  EXPECTED_MISSING[era].cgroup_walk = "btf: 'cgroup' exists but is not a struct"; // a FWD
}

function flatten(value: unknown, prefix = "", out: Record<string, unknown> = {}) {
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    if (v !== null && typeof v === "object" && !Array.isArray(v)) {
      flatten(v, `${prefix}${key}.`, out);
    } else out[`${prefix}${key}`] = v;
  }
  return out;
}

const oracle = (era: Era) => offsetsOracle(`era_${era}`);

for (const era of ERAS) {
  Deno.test(`era ${era}: every resolved offset equals the compiler's, every other field is null`, () => {
    const { types } = loadBtf(fixture(`era_${era}.btf`));
    const report = resolveOffsets(types);
    const expected = oracle(era);
    const ours = flatten(report.offsets);
    let compared = 0;
    for (const [path, value] of Object.entries(expected)) {
      if (path.startsWith("sizeof.")) continue;
      assert.equal(ours[path], value, `${era} ${path}`);
      compared++;
    }
    for (const [path, value] of Object.entries(ours)) {
      if (path.endsWith("missing_groups")) continue;
      if (!(path in expected)) {
        assert.equal(value, null, `${era} ${path} should be null (absent in this era)`);
      }
    }
    assert.ok(compared > 150, `${era}: ${compared} offsets compared`);
  });

  Deno.test(`era ${era}: missing groups and their messages`, () => {
    const { types } = loadBtf(fixture(`era_${era}.btf`));
    const report = resolveOffsets(types);
    assert.deepEqual(report.missing, EXPECTED_MISSING[era]);
    for (const path of Object.keys(EXPECTED_MISSING[era])) {
      const parent = flatten(report.offsets);
      assert.ok(
        !Object.keys(parent).some((k) => k.startsWith(path + ".")),
        `${path} has no fields`,
      );
    }
    const walker = report.offsets.scx_walker as { missing_groups: string[] };
    const reported: Record<string, string> = {
      "scx_walker.sched": "scx_sched",
      "scx_walker.sched_pnode": "scx_sched_pnode",
      "scx_walker.sched_pcpu": "scx_sched_pcpu",
    };
    assert.deepEqual(
      walker.missing_groups,
      Object.keys(EXPECTED_MISSING[era]).filter((p) => p in reported).map((p) => reported[p]),
    );
  });

  Deno.test(`era ${era}: struct sizes equal sizeof, and the ELF object gives the same report`, () => {
    const raw = loadBtf(fixture(`era_${era}.btf`));
    const elf = loadBtf(fixture(`era_${era}.o`));
    assert.equal(elf.format, "elf");
    for (const [key, size] of Object.entries(oracle(era))) {
      if (!key.startsWith("sizeof.")) continue;
      const struct = key.slice("sizeof.".length);
      assert.equal(raw.types.size(findStruct(raw.types, struct)), size, key);
    }
    assert.deepEqual(resolveOffsets(elf.types), resolveOffsets(raw.types));
  });
}

Deno.test("eras: version fallbacks are taken by member name", () => {
  const at = (era: Era, path: string) =>
    flatten(resolveOffsets(loadBtf(fixture(`era_${era}.btf`)).types).offsets)[path];
  // kick_sync falls back to pnt_seq before 6.19 and is itself in 7.1.
  assert.equal(
    at("6_12", "scx_walker.scx_rq.kick_sync"),
    oracle("6_12")["scx_walker.scx_rq.kick_sync"],
  );
  assert.equal(typeof at("7_1", "scx_walker.scx_rq.kick_sync"), "number");
  // rq->scx.clock: absent in 6.12, present from 6.14.
  assert.equal(at("6_12", "scx_walker.scx_rq.clock"), null);
  assert.equal(at("6_14", "scx_walker.scx_rq.clock"), oracle("6_14")["scx_walker.scx_rq.clock"]);
  // Event counters: path B (event_stats_cpu, stats at offset 0) in 6.16, path A (pcpu) in 6.18+.
  assert.equal(at("6_16", "kernel.event_offsets.event_stats_off"), 0);
  assert.equal(
    at("6_16", "kernel.event_offsets.percpu_ptr_off"),
    oracle("6_16")["kernel.event_offsets.percpu_ptr_off"],
  );
  assert.ok((at("7_1", "kernel.event_offsets.event_stats_off") as number) > 0);
  // SCX_EV_REFILL_SLICE_DFL falls back to SCX_EV_ENQ_SLICE_DFL (the 6.18 fixture uses the old name).
  assert.equal(
    at("6_18", "kernel.event_offsets.ev_refill_slice_dfl"),
    oracle("6_18")["kernel.event_offsets.ev_refill_slice_dfl"],
  );
  // 7.1-only members.
  assert.equal(at("6_18", "scx_walker.scx_rq.nr_immed"), null);
  assert.equal(typeof at("7_1", "scx_walker.scx_rq.nr_immed"), "number");
  assert.equal(
    typeof at("7_1", "kernel.watchdog_offsets.scx_sched_watchdog_timeout_off"),
    "number",
  );
  assert.equal(typeof at("7_1", "scx_walker.sched.aborting"), "number");
  assert.equal(at("6_18", "scx_walker.sched.aborting"), null);
  // Optional all-or-nothing newidle fields.
  assert.equal(at("6_18", "kernel.sched_domain_offsets.sd_newidle_call"), null);
  assert.equal(typeof at("7_1", "kernel.sched_domain_offsets.sd_newidle_ratio"), "number");
  // Config-dependent optional fields.
  assert.equal(at("6_12", "task_enrichment.task_struct_core_cookie"), null);
  assert.equal(at("6_12", "cpu_time.tick_sched_iowait_sleeptime"), null);
});

Deno.test("eras: the 7.1 reordered struct rq moves nr_running to the front", () => {
  const o71 = oracle("7_1"), o618 = oracle("6_18");
  assert.equal(o71["kernel.rq_nr_running"], 0);
  assert.notEqual(o618["kernel.rq_nr_running"], 0);
});

Deno.test("eras: the CLI's JSON for a fixture carries the same offsets and missing map", async () => {
  const r = await runCli(["kernel", fixture("era_6_16.btf"), "--json"]);
  assert.equal(r.code, 0, r.stderr);
  const report = JSON.parse(r.stdout);
  assert.deepEqual(report.missing, EXPECTED_MISSING["6_16"]);
  assert.equal(report.offsets.kernel.event_offsets.event_stats_off, 0);
  assert.equal(report.offsets.kernel.rq_clock, oracle("6_16")["kernel.rq_clock"]);
});
