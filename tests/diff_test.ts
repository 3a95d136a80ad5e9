/**
 * `diff`: group leaves between the era fixtures against their compiler offsetof oracles,
 * struct layouts, the 7.1 fixture against the real 7.3 kernel, the CLI's output and exit
 * codes.
 */
import assert from "node:assert/strict";
import { findStruct } from "../btf/queries.ts";
import { loadBtf } from "../load/file.ts";
import { type Change, diffLayouts, diffReports } from "../query/diff.ts";
import { structLayout } from "../query/layout.ts";
import { resolveOffsets } from "../resolvers/mod.ts";
import { fixture, KERNEL_7_3_BTF, runCli } from "./helpers.ts";

function oracle(era: string): Record<string, number> {
  return JSON.parse(Deno.readTextFileSync(fixture(`${era}.offsets.json`)));
}

function report(path: string) {
  return resolveOffsets(loadBtf(path).types);
}

Deno.test("diffReports: every changed leaf between two eras, with the compiler's values", () => {
  for (
    const [from, to] of [["era_6_12", "era_6_14"], ["era_6_18", "era_7_1"], ["era_6_12", "era_7_1"]]
  ) {
    const a = oracle(from), b = oracle(to);
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
      reason: "btf: field 'watchdog_timeout' not found in struct",
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

Deno.test("diffReports: provenance names the struct.member; sizes are resized; via wins", () => {
  const a = { offsets: { idr: { idr_next: 20, xa_node_shift: 0 } }, missing: {} };
  const b = {
    offsets: { idr: { idr_next: 24, xa_node_shift: 8 } },
    missing: {},
    via: { "idr.idr_next": "idr.idr_next_v2" },
  };
  const provenance = (path: string) =>
    path === "idr.xa_node_shift"
      ? { via: "sizeof xa_node", size: true }
      : { via: "idr.idr_next", size: false };
  assert.deepEqual(diffReports(a, b, provenance), [
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
      path: "idr.xa_node_shift",
      from: 0,
      to: 8,
      via: "sizeof xa_node",
    },
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
    KERNEL_7_3_BTF,
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
  assert.deepEqual(byPath.get("kernel.rq_scx"), {
    class: "moved",
    what: "field",
    path: "kernel.rq_scx",
    from: 2272,
    to: 2552,
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
  assert.ok(lines.includes("  116 changes"), differ.stdout.slice(-200));
  assert.ok(lines.includes("  identical"));
  assert.match(differ.stdout, /^ {2}moved {4}kernel\.rq_clock +3088 → 3536$/m);
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
