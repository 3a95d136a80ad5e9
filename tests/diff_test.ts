/**
 * `diff`: group leaves between the era fixtures against their compiler offsetof oracles,
 * struct layouts, the 7.1 fixture against the real 7.3 kernel, the CLI's output and exit
 * codes.
 */
import assert from "node:assert/strict";
import { findStruct } from "../btf/queries.ts";
import { loadBtf } from "../load/file.ts";
import { type Change, declaredProvenance, diffLayouts, diffReports } from "../query/diff.ts";
import { structLayout } from "../query/layout.ts";
import { resolveOffsets } from "../resolvers/mod.ts";
import { fixture, offsetsOracle, PINNED_73_BTF, runCli } from "./helpers.ts";

function report(path: string) {
  return resolveOffsets(loadBtf(path).types);
}

Deno.test("diffReports: every changed leaf between two eras, with the compiler's values", () => {
  for (
    const [from, to] of [["era_6_12", "era_6_14"], ["era_6_18", "era_7_1"], ["era_6_12", "era_7_1"]]
  ) {
    const a = offsetsOracle(from), b = offsetsOracle(to);
    const changes = diffReports(report(fixture(`${from}.btf`)), report(fixture(`${to}.btf`)));
    const groups = changes.filter((c) => c.what === "group").map((c) => c.path);
    const underGroup = (p: string) => groups.some((g) => p.startsWith(`${g}.`));
    const expected = new Map<string, [number | null, number | null]>();
    for (const path of new Set([...Object.keys(a), ...Object.keys(b)])) {
      // `sizeof.S` entries are the oracle's struct sizes, not report leaves.
      if (path.startsWith("sizeof.")) continue;
      const x = a[path] ?? null, y = b[path] ?? null;
      if (x !== y && !underGroup(path)) expected.set(path, [x, y]);
    }
    const fields = changes.filter((c) => c.what === "field");
    assert.deepEqual(
      new Map(fields.map((c) => [c.path, [c.from, c.to]])),
      expected,
      `${from} → ${to}`,
    );
    for (const c of fields) {
      const cls = c.from === null ? "added" : c.to === null ? "removed" : "moved";
      assert.equal(c.class, cls, c.path);
    }
    assert.ok(fields.length >= 30, `${from} → ${to}: ${fields.length}`);
  }
});

Deno.test("diffReports: a group missing on one side is one change with its reason", () => {
  const changes = diffReports(
    report(fixture("era_6_18.btf")),
    report(fixture("era_7_1.btf")),
  ).filter((c) => c.what === "group");
  assert.deepEqual(changes, [
    {
      class: "added",
      what: "group",
      path: "kernel.watchdog_offsets",
      from: null,
      to: null,
      reason: "btf: struct 'scx_sched' has no member 'watchdog_timeout'",
    },
    {
      class: "added",
      what: "group",
      path: "scx_walker.sched_pnode",
      from: null,
      to: null,
      reason: "btf: type 'scx_sched_pnode' not found",
    },
  ]);
  const same = report(fixture("era_7_1.btf"));
  assert.deepEqual(diffReports(same, report(fixture("era_7_1.btf"))), []);
});

Deno.test("diffReports: provenance from the declarations; sizes are resized; via wins", () => {
  const a = {
    offsets: { idr: { idr_next: 20 }, numa_stats: { zone_size: 1664 } },
    missing: {},
  };
  const b = {
    offsets: { idr: { idr_next: 24 }, numa_stats: { zone_size: 1856 } },
    missing: {},
    via: { "idr.idr_next": "idr.idr_next_v2" },
  };
  assert.deepEqual(diffReports(a, b), [
    {
      class: "moved",
      what: "field",
      path: "idr.idr_next",
      from: 20,
      to: 24,
      via: "idr.idr_next_v2",
    },
    {
      class: "resized",
      what: "field",
      path: "numa_stats.zone_size",
      from: 1664,
      to: 1856,
      via: "sizeof zone",
    },
  ]);
  assert.deepEqual(declaredProvenance("scx_walker.scx_rq.runnable_list"), {
    via: "scx_rq.runnable_list",
    size: false,
  });
  assert.deepEqual(
    declaredProvenance("kernel.event_offsets.counters.SCX_EV_SUB_RESCUE"),
    { via: "scx_event_stats.SCX_EV_SUB_RESCUE", size: false },
  );
  assert.equal(declaredProvenance("no.such.path"), undefined);
  // A key of a name → offset map present on one side only is added or removed.
  const c = {
    offsets: { kernel: { event_offsets: { counters: { SCX_EV_A: 0, SCX_EV_B: 8 } } } },
    missing: {},
  };
  const d = { offsets: { kernel: { event_offsets: { counters: { SCX_EV_A: 0 } } } }, missing: {} };
  assert.deepEqual(diffReports(c, d).map((x) => [x.class, x.path, x.from, x.to]), [
    ["removed", "kernel.event_offsets.counters.SCX_EV_B", 8, null],
  ]);
});

Deno.test("diffLayouts: members moved, added, removed, resized; the struct itself", () => {
  const shapes = loadBtf(fixture("shapes.btf")).types;
  const target = structLayout(shapes, findStruct(shapes, "target"));
  const other = structLayout(shapes, findStruct(shapes, "other_target"));
  assert.deepEqual(diffLayouts("s", target, other), [
    { class: "resized", what: "struct", path: "s", from: 16, to: 24 },
    { class: "removed", what: "member", path: "s.t0", from: 0, to: null },
    { class: "removed", what: "member", path: "s.t1", from: 8, to: null },
    { class: "added", what: "member", path: "s.o0", from: null, to: 0 },
    { class: "added", what: "member", path: "s.inner", from: null, to: 8 },
  ]);
  assert.deepEqual(diffLayouts("s", null, target), [
    { class: "added", what: "struct", path: "s", from: null, to: 16 },
  ]);
  assert.deepEqual(diffLayouts("s", null, null), []);
  assert.deepEqual(diffLayouts("s", target, target), []);
});

Deno.test("diff: the 7.1 fixture against the real 7.3 kernel (scx_rq.runnable_list moves, ops_qseq leaves)", async () => {
  const { code, stdout } = await runCli([
    "diff",
    fixture("era_7_1.btf"),
    PINNED_73_BTF,
    "--struct",
    "scx_rq",
    "--json",
  ]);
  assert.equal(code, 1);
  const [d] = JSON.parse(stdout).diffs;
  const byPath = new Map<string, Change>(d.changes.map((c: Change) => [c.path, c]));
  assert.deepEqual(byPath.get("scx_rq.runnable_list"), {
    class: "moved",
    what: "member",
    path: "scx_rq.runnable_list",
    from: 104,
    to: 400,
  });
  assert.deepEqual(byPath.get("scx_rq.ops_qseq"), {
    class: "removed",
    what: "member",
    path: "scx_rq.ops_qseq",
    from: 136,
    to: null,
  });
  // The group leaves carry the struct.member they read.
  assert.deepEqual(byPath.get("scx_walker.scx_rq.runnable_list"), {
    class: "moved",
    what: "field",
    path: "scx_walker.scx_rq.runnable_list",
    from: 104,
    to: 400,
    via: "scx_rq.runnable_list",
  });
  assert.deepEqual(byPath.get("scx_walker.scx_rq.ops_qseq"), {
    class: "removed",
    what: "field",
    path: "scx_walker.scx_rq.ops_qseq",
    from: 136,
    to: null,
    via: "scx_rq.ops_qseq",
  });
  assert.deepEqual(byPath.get("numa_stats.zone_size"), {
    class: "resized",
    what: "field",
    path: "numa_stats.zone_size",
    from: 1664,
    to: 1856,
    via: "sizeof zone",
  });
});

Deno.test("diff CLI: exit 0 identical, 1 differ, 2 error; human lines", async () => {
  const same = await runCli(["diff", fixture("era_7_1.btf"), fixture("era_7_1.btf")]);
  assert.deepEqual(same, {
    code: 0,
    stdout: `--- ${fixture("era_7_1.btf")}\n+++ ${fixture("era_7_1.btf")}\n  identical\n`,
    stderr: "",
  });
  const differ = await runCli([
    "diff",
    fixture("era_6_18.btf"),
    fixture("era_7_1.btf"),
    fixture("era_7_1.btf"),
  ]);
  assert.equal(differ.code, 1);
  const lines = differ.stdout.split("\n");
  assert.ok(lines.includes("  130 changes"), differ.stdout.slice(-200));
  assert.ok(lines.includes("  identical"));
  assert.match(differ.stdout, /^ {2}moved {4}kernel\.rq_clock +3088 → 3536 {2}\(rq\.clock\)$/m);
  assert.match(
    differ.stdout,
    /^ {2}added {4}scx_walker\.sched_pnode +was missing: btf: type 'scx_sched_pnode' not found$/m,
  );
  const broken = await runCli(["diff", fixture("era_7_1.btf"), "/nonexistent/vmlinux"]);
  assert.equal(broken.code, 2);
  assert.equal(broken.stdout, "");
  assert.match(broken.stderr, /^ktstr-btf: btf: open \/nonexistent\/vmlinux: .*\n$/);
  const usage = await runCli(["diff", fixture("era_7_1.btf")]);
  assert.equal(usage.code, 2);
  assert.equal(
    usage.stderr,
    "ktstr-btf: diff needs two kernels, A and B; see 'ktstr-btf diff --help'\n",
  );
});

Deno.test("diff: the pool (--jobs 2) gives the same answer as inline loading", async () => {
  const args = ["diff", fixture("era_6_12.btf"), fixture("era_7_1.btf"), fixture("era_7_3.btf")];
  const inline = await runCli([...args, "--jobs", "0", "--json", "--struct", "rq"]);
  const pooled = await runCli([...args, "--jobs", "2", "--json", "--struct", "rq"]);
  assert.equal(inline.code, 1);
  assert.deepEqual(pooled, inline);
  assert.equal(JSON.parse(inline.stdout).diffs.length, 2);
});
