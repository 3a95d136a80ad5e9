/** The worker pool: identical to inline resolution, and failures never hang (SPEC §7). */
import assert from "node:assert/strict";
import { loadBtf } from "../mod.ts";
import { GROUP_NAMES, resolveOffsets } from "../resolvers/mod.ts";
import { WorkerPool } from "../workers/pool.ts";
import { fixture, HOST_BTF, spawnCli } from "./helpers.ts";

const FAULTY = new URL("./faulty_worker.ts", import.meta.url);

function fixtureBtfs(): string[] {
  return [...Deno.readDirSync(fixture(""))]
    .filter((e) => e.isFile && e.name.endsWith(".btf") && !e.name.startsWith("split_mod"))
    .map((e) => fixture(e.name))
    .sort();
}

Deno.test("pool: pooled results equal inline results, field for field and in order", async () => {
  const inputs = [HOST_BTF, ...fixtureBtfs()];
  assert.ok(inputs.length >= 2, "fixtures present");
  for (const size of [1, 2, 3]) {
    const pool = WorkerPool.start(size);
    try {
      for (const path of inputs) {
        const { types } = loadBtf(path);
        const pooled = await pool.resolve(types);
        assert.equal(
          JSON.stringify(pooled),
          JSON.stringify(resolveOffsets(types)),
          `${path} size ${size}`,
        );
      }
      const loaded = await pool.load(HOST_BTF, GROUP_NAMES);
      assert.equal(loaded.format, "raw");
      assert.equal(
        JSON.stringify(loaded.report),
        JSON.stringify(resolveOffsets(loadBtf(HOST_BTF).types)),
      );
    } finally {
      pool.close();
    }
  }
});

Deno.test("pool: a throwing group, a dying worker and a silent worker each fail only their groups", async () => {
  const { types } = loadBtf(HOST_BTF);
  const pool = WorkerPool.start(3, { workerUrl: FAULTY, timeoutMs: 1500 });
  const started = performance.now();
  try {
    const report = await pool.resolve(types);
    assert.ok(performance.now() - started < 10_000, "bounded by the timeout, not hung");
    const inline = resolveOffsets(types);
    // Round-robin chunks over 3 workers: [kernel, idr, task_enrichment] dies (idr),
    // [bpf_map, scx_walker, cpu_time] is never answered, [bpf_prog, runnable_scan, numa_stats]
    // answers with numa_stats's own failure recorded.
    for (const g of ["kernel", "idr", "task_enrichment"] as const) {
      assert.equal(report.offsets[g], null);
      assert.match(report.missing[g], /^worker died: .*injected crash/);
    }
    for (const g of ["bpf_map", "scx_walker", "cpu_time"] as const) {
      assert.equal(report.offsets[g], null);
      assert.equal(report.missing[g], "worker did not answer within 1500 ms");
    }
    assert.deepEqual(report.offsets.bpf_prog, inline.offsets.bpf_prog);
    assert.equal(report.offsets.numa_stats, null);
    assert.equal(report.missing.numa_stats, "internal error: injected numa_stats failure");
    assert.deepEqual(Object.keys(report.offsets), GROUP_NAMES);
    // Every worker is now dead or idle; a further request fails at once, without hanging.
    const again = await pool.resolve(types, ["idr"]);
    assert.match(again.missing.idr, /^(worker died|no live workers)/);
  } finally {
    pool.close();
  }
});

Deno.test("pool: a worker that fails to load a file rejects with the loader's message", async () => {
  const pool = WorkerPool.start(1);
  try {
    await assert.rejects(
      pool.load("/nonexistent/vmlinux", ["idr"]),
      {
        message:
          "btf: open /nonexistent/vmlinux: read file: No such file or directory (os error 2)",
      },
    );
  } finally {
    pool.close();
  }
});

Deno.test("cli: with faulty workers the CLI still exits promptly and reports the failed groups", () => {
  const started = performance.now();
  const r = spawnCli(["kernel", HOST_BTF, "--json", "-j", "3"], {
    KTSTR_BTF_WORKER: FAULTY.href,
    KTSTR_BTF_WORKER_TIMEOUT_MS: "1000",
  });
  const elapsed = performance.now() - started;
  assert.equal(r.code, 0, r.stderr);
  assert.ok(elapsed < 15_000, `exited after ${elapsed} ms`);
  const report = JSON.parse(r.stdout);
  assert.equal(report.missing.cpu_time, "worker did not answer within 1000 ms");
  assert.match(report.missing.idr, /^worker died: /);
  assert.equal(report.missing.numa_stats, "internal error: injected numa_stats failure");
});

Deno.test("cli: --jobs 0, 1 and 2 print identical JSON for one and for several kernels", () => {
  const inputs = [HOST_BTF, ...fixtureBtfs()];
  for (const args of [[HOST_BTF], inputs]) {
    const outputs = ["0", "1", "2"].map((j) => spawnCli(["kernel", ...args, "--json", "-j", j]));
    for (const o of outputs) assert.equal(o.code, 0, o.stderr);
    assert.equal(outputs[1].stdout, outputs[0].stdout);
    assert.equal(outputs[2].stdout, outputs[0].stdout);
  }
});
