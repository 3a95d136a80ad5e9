/**
 * The batch driver (cli/batch.ts): table memory recycled between kernels, tables handed to
 * `extract` before that, the memoized host table never recycled, and `--jobs auto`.
 */
import assert from "node:assert/strict";
import type { BtfTypes } from "../btf/table.ts";
import { COST, loadKernels, planJobs, poolEstimate } from "../cli/batch.ts";
import type { CliIo } from "../cli/io.ts";
import { loadHostBtf } from "../load/cache.ts";
import { loadBtf } from "../load/file.ts";
import { kernelReport } from "../report/json.ts";
import { GROUP_NAMES, resolveOffsets } from "../resolvers/mod.ts";
import { DEBIAN_73_BTF, DEBIAN_BTF, fixture, HOST_BTF, spawnCli, throwsBtf } from "./helpers.ts";

const RELEASED = "btf: this table was released; its memory now holds another table";
const io: CliIo = { out: () => {}, err: (t) => assert.fail(t), color: false };
const INPUTS = [fixture("era_6_12.btf"), DEBIAN_BTF, fixture("era_7_1.btf"), DEBIAN_73_BTF];

/** The report of `path` loaded alone, in fresh memory. */
function alone(path: string) {
  const { types, format } = loadBtf(path);
  const source = {
    path,
    format,
    btf_bytes: types.btfBytes,
    type_count: types.count,
    sidecar: "not-applicable" as const,
  };
  return kernelReport(source, resolveOffsets(types, [...GROUP_NAMES]), types);
}

for (const jobs of ["0", "2"]) {
  Deno.test(`batch --jobs ${jobs}: reports equal lone loads; extract sees every table`, async () => {
    const seen: string[] = [];
    const outcomes = await loadKernels(
      INPUTS,
      { jobs, cache: { enabled: false } },
      [...GROUP_NAMES],
      io,
      (types: BtfTypes) => {
        seen.push(types.name(types.byName("rq")[0]));
        return types;
      },
    );
    assert.equal(seen.length, INPUTS.length);
    outcomes.forEach((o, i) => {
      assert.ok("report" in o, JSON.stringify(o));
      assert.deepEqual({ ...o.report, source: { ...o.report.source, sidecar: "x" } }, {
        ...alone(INPUTS[i]),
        source: { ...alone(INPUTS[i]).source, sidecar: "x" },
      });
    });
    const tables = outcomes.map((o) => "report" in o ? o.extra : undefined);
    if (jobs === "0") {
      // Inline, each kernel's memory held the next one: the earlier tables are released.
      throwsBtf(() => tables[0]!.byName("rq"), RELEASED);
    } else {
      // Tables a pool loaded for `extract` are kept, not recycled.
      assert.equal(tables[0]!.byName("rq").length, 1);
    }
  });
}

Deno.test("batch: the memoized host table is never recycled", async () => {
  const host = loadHostBtf().types;
  const rq = host.byName("rq")[0];
  const outcomes = await loadKernels(
    [HOST_BTF, DEBIAN_BTF, HOST_BTF],
    { jobs: "0", cache: { enabled: false } },
    ["idr"],
    io,
  );
  assert.equal(outcomes.filter((o) => "report" in o).length, 3);
  assert.equal(host.name(rq), "rq");
  assert.equal(loadHostBtf().types, host);
});

Deno.test("jobs: numbers as given, 'auto' by the cost model, anything else a usage error", () => {
  assert.equal(planJobs("0", INPUTS), 0);
  assert.equal(planJobs("3", INPUTS), 3);
  assert.equal(planJobs("auto", [DEBIAN_BTF]), 0);
  assert.throws(() => planJobs("-1", INPUTS), {
    name: "UsageError",
    message: "--jobs takes a number from 0 to 256 or 'auto', not '-1'",
  });
  // One core: a worker can only slow the batch down.
  assert.equal(planJobs("auto", Array(20).fill(DEBIAN_BTF), 1), 0);
  // The estimate: the main thread works alone while workers start and boot, then the rest
  // is shared by (workers + 1) lanes, bounded by the cores.
  const costs = [100, 100, 100, 100];
  assert.equal(poolEstimate(costs, 0, 2), 400);
  const alone = COST.WORKER_BLOCK_MS + COST.WORKER_BOOT_MS;
  assert.equal(poolEstimate(costs, 1, 2), alone + (400 - COST.WORKER_BOOT_MS) / 2);
  assert.equal(poolEstimate(costs, 3, 2), 3 * COST.WORKER_BLOCK_MS + COST.WORKER_BOOT_MS + 182.5);
  // Never below the largest single kernel.
  assert.equal(poolEstimate([10, 500], 1, 2), alone + 500);
});

Deno.test("cli: --jobs auto prints what --jobs 0 prints, for one kernel and for several", () => {
  for (const args of [[HOST_BTF], [HOST_BTF, ...INPUTS, DEBIAN_BTF]]) {
    const [inline, auto] = ["0", "auto"].map((j) =>
      spawnCli(["kernel", ...args, "--json", "--no-cache", "-j", j])
    );
    assert.equal(inline.code, 0, inline.stderr);
    assert.equal(auto.stdout, inline.stdout);
  }
});
