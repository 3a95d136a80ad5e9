/**
 * The batch driver (cli/batch.ts): table memory recycled between kernels, tables kept only
 * when asked for, the memoized host table never recycled, and `--jobs auto`.
 */
import assert from "node:assert/strict";
import { COST, idleCoresOf, loadKernels, planJobs, poolEstimate, reportOf } from "../cli/batch.ts";
import type { CliIo } from "../cli/io.ts";
import { loadHostBtf } from "../load/memo.ts";
import { loadBtf } from "../load/file.ts";
import { machineFacts } from "../btf/machine.ts";
import { kernelReport } from "../report/json.ts";
import { GROUP_NAMES, resolveOffsets } from "../resolvers/mod.ts";
import {
  childJson,
  DEBIAN_BTF,
  fixture,
  HOST_BTF,
  hostTest,
  PINNED_73_BTF,
  spawnCli,
  tempDir,
} from "./helpers.ts";

const io: CliIo = { out: () => {}, err: (t) => assert.fail(t), color: false };
const INPUTS = [fixture("era_6_12.btf"), DEBIAN_BTF, fixture("era_7_1.btf"), PINNED_73_BTF];

/** The report of `path` loaded alone, in fresh memory. */
function alone(path: string) {
  const { types, format, arch } = loadBtf(path);
  const source = {
    path,
    format,
    btf_bytes: types.btfBytes,
    type_count: types.count,
    sidecar: "not-applicable" as const,
    ...machineFacts(types, arch),
  };
  return kernelReport(source, resolveOffsets(types, [...GROUP_NAMES]), types);
}

for (const jobs of ["0", "2"]) {
  Deno.test(`batch --jobs ${jobs}: reports equal lone loads; tables only when kept`, async () => {
    const opts = { jobs, cache: { enabled: false } };
    const outcomes = await loadKernels(INPUTS, opts, [...GROUP_NAMES], io);
    outcomes.forEach((o, i) => {
      assert.ok(!("error" in o), JSON.stringify(o));
      assert.equal(o.types, undefined);
      assert.deepEqual(reportOf(o), alone(INPUTS[i]));
    });
    const kept = await loadKernels(INPUTS, opts, ["idr"], io, true);
    kept.forEach((o, i) => {
      assert.ok(!("error" in o) && o.types, JSON.stringify(o));
      assert.equal(o.types.name(o.types.byName("rq")[0]), "rq", INPUTS[i]);
    });
  });
}

Deno.test("batch: inline, each kernel's memory holds the next (memory grows by one table)", () => {
  using dir = tempDir();
  const copies = Array.from({ length: 8 }, (_, i) => `${dir.path}/k${i}.btf`);
  for (const c of copies) Deno.copyFileSync(DEBIAN_BTF, c);
  const child = (paths: string[]) =>
    childJson<{ grew: number; loaded: number }>(["-A"], "batch_main.ts", paths);
  const one = child(copies.slice(0, 1)), eight = child(copies);
  assert.deepEqual([one.loaded, eight.loaded], [1, 8]);
  // A table of this kernel is ~9 MiB: eight fresh tables would add over 60 MiB.
  const more = (eight.grew - one.grew) / 2 ** 20;
  assert.ok(more < 24, `eight kernels took ${more.toFixed(1)} MiB more than one`);
});

hostTest("batch: the memoized host table is never recycled", async () => {
  const host = loadHostBtf().types;
  const rq = host.byName("rq")[0];
  const outcomes = await loadKernels(
    [HOST_BTF, DEBIAN_BTF, HOST_BTF],
    { jobs: "0", cache: { enabled: false } },
    ["idr"],
    io,
  );
  assert.equal(outcomes.filter((o) => !("error" in o)).length, 3);
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
  // One idle core: a worker can only slow the batch down; two: sixty kernels pay for one
  // (measured 0.76 × the inline time), twenty do not (0.88, within the margin).
  assert.equal(planJobs("auto", Array(60).fill(DEBIAN_BTF), 1), 0);
  assert.equal(planJobs("auto", Array(60).fill(DEBIAN_BTF), 2), 1);
  assert.equal(planJobs("auto", Array(20).fill(DEBIAN_BTF), 2), 0);
  // Two kernels are not worth a worker's start-up.
  assert.equal(planJobs("auto", [DEBIAN_BTF, PINNED_73_BTF], 2), 0);
  // The estimate: the main thread works alone while workers start and boot, then the rest
  // is shared by (workers + 1) lanes, bounded by the cores.
  const costs = [100, 100, 100, 100];
  assert.equal(poolEstimate(costs, 0, 2), 400);
  const alone = COST.WORKER_BLOCK_MS + COST.WORKER_BOOT_MS;
  assert.equal(poolEstimate(costs, 1, 2), alone + (400 - COST.WORKER_BOOT_MS) / 2);
  assert.equal(
    poolEstimate(costs, 3, 2),
    3 * COST.WORKER_BLOCK_MS + COST.WORKER_BOOT_MS + (400 - COST.WORKER_BOOT_MS) / 2,
  );
  // Never below the largest single kernel.
  assert.equal(poolEstimate([10, 500], 1, 2), alone + 500);
});

Deno.test("jobs: idle cores are those with nothing runnable on them now", () => {
  // This process is the one running task: both cores are idle, whatever the 1-minute load.
  assert.equal(idleCoresOf(2, "1.97 1.20 0.80 1/345 12345\n", 0), 2);
  // Another task is running: one core is left.
  assert.equal(idleCoresOf(2, "0.10 0.20 0.30 2/345 12345\n", 0), 1);
  // Never fewer than one, never more than the cores.
  assert.equal(idleCoresOf(2, "9.00 9.00 9.00 9/345 12345\n", 0), 1);
  assert.equal(idleCoresOf(4, "0.00 0.00 0.00 1/345 12345\n", 0), 4);
  // Without /proc/loadavg (or a field it cannot read): the 1-minute load average.
  assert.equal(idleCoresOf(2, undefined, 1.2), 1);
  assert.equal(idleCoresOf(2, "garbage", 0.3), 2);
});

Deno.test("cli: --jobs auto prints what --jobs 0 prints, for one kernel and for several", () => {
  for (const args of [[PINNED_73_BTF], [PINNED_73_BTF, ...INPUTS, DEBIAN_BTF]]) {
    const [inline, auto] = ["0", "auto"].map((j) =>
      spawnCli(["kernel", ...args, "--json", "--no-cache", "-j", j])
    );
    assert.equal(inline.code, 0, inline.stderr);
    assert.equal(auto.stdout, inline.stdout);
  }
});
