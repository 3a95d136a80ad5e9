/**
 * The generated per-group interfaces (report/offsets_types.ts) type a report's offsets:
 * `deno task check` compiles this file, so a misspelled field is a type error here (the
 * `@ts-expect-error` lines fail the check if they ever stop being errors).
 */
import assert from "node:assert/strict";
import { type KernelReport, kernelReport, loadBtf, resolveOffsets } from "../mod.ts";
import { machineFacts } from "../btf/machine.ts";
import { fixture } from "./helpers.ts";

function report73(): KernelReport {
  const { types } = loadBtf(fixture("era_7_3.btf"));
  const source = {
    path: "era_7_3.btf",
    format: "raw" as const,
    btf_bytes: types.btfBytes,
    type_count: types.count,
    sidecar: "not-applicable" as const,
    ...machineFacts(types),
  };
  return kernelReport(source, resolveOffsets(types), types);
}

Deno.test("types: typed access to the offsets of a real report", () => {
  const r = report73();
  const oracle = JSON.parse(Deno.readTextFileSync(fixture("era_7_3.offsets.json")));
  const curr: number | undefined = r.offsets.scx_walker?.rq?.curr;
  assert.equal(curr, oracle["scx_walker.rq.curr"]);
  const opsQseq: number | null | undefined = r.offsets.scx_walker?.see?.ops_qseq;
  assert.equal(opsQseq, oracle["scx_walker.see.ops_qseq"]);
  const rescue: number | undefined = r.offsets.kernel?.event_offsets?.counters.SCX_EV_SUB_RESCUE;
  assert.equal(rescue, oracle["kernel.event_offsets.counters.SCX_EV_SUB_RESCUE"]);
  const missing: string[] | undefined = r.offsets.scx_walker?.missing_groups;
  assert.deepEqual(missing, []);
  // @ts-expect-error a misspelled field does not type-check
  assert.equal(r.offsets.scx_walker?.rq?.cur, undefined);
  // @ts-expect-error nor does a misspelled group
  assert.equal(r.offsets.scx_walkr, undefined);
  // @ts-expect-error an optional offset may be null, so it is not a plain number
  const notNull: number = r.offsets.scx_walker!.scx_rq!.ops_qseq;
  assert.equal(notNull, null);
});
