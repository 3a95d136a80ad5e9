/**
 * Debian's sched_ext kernel 7.3.4 (trixie-backports), fetched by testdata/fetch-debian-7.3.sh
 * through tests/prepare.sh: the schema-2 groups resolve, with the numbers of the schema-2 closing
 * note, and every psi, cgroup_walk and walker field read by find_struct + member equals
 * pahole's offset of the same member.
 */
import assert from "node:assert/strict";
import { loadBtf, resolveOffsets } from "../mod.ts";
import { kernelConstants } from "../resolvers/constants.ts";
import { allFields } from "../resolvers/fields.ts";
import { valueAt } from "../resolvers/paths.ts";
import { paholeLayout, PINNED_73_BTF, SCHED_EXT_VMLINUX } from "./helpers.ts";

const types = loadBtf(PINNED_73_BTF).types;
const report = resolveOffsets(types);
// deno-lint-ignore no-explicit-any
const o = report.offsets as any;

Deno.test("7.3.4: scx_walker.scx_rq and runnable_scan resolve; see.ops_qseq is 140", () => {
  assert.notEqual(o.scx_walker.scx_rq, null);
  assert.equal(o.scx_walker.scx_rq.ops_qseq, null);
  assert.equal(o.scx_walker.scx_rq.kick_sync, 512);
  assert.notEqual(o.runnable_scan, null);
  assert.equal(o.runnable_scan.scx_rq_runnable_list, 400);
  assert.equal(o.scx_walker.see.ops_qseq, 140);
  assert.deepEqual(o.scx_walker.missing_groups, []);
});

Deno.test("7.3.4: ev_reenq_local_repeat is 48 via SCX_EV_REENQ_REPEAT; counters up to SCX_EV_SUB_RESCUE", () => {
  const ev = o.kernel.event_offsets;
  assert.equal(ev.ev_reenq_local_repeat, 48);
  assert.equal(
    report.via["kernel.event_offsets.ev_reenq_local_repeat"],
    "scx_event_stats.SCX_EV_REENQ_REPEAT",
  );
  assert.equal(ev.counters.SCX_EV_SUB_RESCUE, 160);
  assert.equal(ev.ev_sub_rescue, 160);
  assert.equal(Object.keys(ev.counters).length, 21);
  assert.deepEqual(report.via, {
    "kernel.event_offsets.ev_reenq_local_repeat": "scx_event_stats.SCX_EV_REENQ_REPEAT",
  });
});

Deno.test("7.3.4: psi, cgroup_walk and every find_struct member field equal pahole's offsets", () => {
  assert.notEqual(o.psi, null);
  assert.notEqual(o.cgroup_walk, null);
  // Debian's 7.3.4 has no CONFIG_IRQ_TIME_ACCOUNTING: psi_states has no PSI_IRQ_FULL.
  assert.equal(o.psi.psi_irq_full_idx, null);
  const plain = allFields().filter((f) =>
    f.type === "offset" && f.found === "find_struct" && f.fallbacks.length === 0 &&
    /^(psi|cgroup_walk|scx_walker|runnable_scan)\./.test(f.path)
  );
  const structs = [...new Set(plain.map((f) => f.source.split(".")[0]))];
  const layout = paholeLayout(PINNED_73_BTF, structs);
  let checked = 0;
  for (const f of plain) {
    const value = valueAt(report.offsets, f.path) as unknown as number | null;
    if (value === null && f.absent !== "required") continue;
    const [struct, member] = f.source.split(".");
    assert.equal(value, layout.get(struct)?.members.get(member), f.path);
    checked++;
  }
  assert.ok(checked >= 60, `${checked} fields checked`);
  for (const g of ["psi", "cgroup_walk"]) {
    assert.ok(plain.filter((f) => f.path.startsWith(g + ".")).length >= 2, g);
  }
});

Deno.test("7.3.4: the constants are read from its enumerators", () => {
  const { constants, via } = kernelConstants(types);
  assert.deepEqual(via, { "constants.RHT_PTR_LOCK_BIT": "builtin" });
  assert.equal(constants.SCX_DSQ_LNODE_ITER_CURSOR, 1);
  assert.equal(constants.NR_SOFTIRQS, 10);
});

Deno.test("7.3.4: the ELF vmlinux gives the same report as its raw .BTF", () => {
  assert.deepEqual(resolveOffsets(loadBtf(SCHED_EXT_VMLINUX).types), report);
});
