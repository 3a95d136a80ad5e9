/** The worker pool: identical to inline resolution, and failures never hang (docs/DESIGN.md). */
import assert from "node:assert/strict";
import { loadBtf } from "../mod.ts";
import { GROUP_NAMES, type OffsetsReport, resolveOffsets } from "../resolvers/mod.ts";
import { fileURLToPath as fromFileUrl } from "node:url";
import { WorkerPool } from "../workers/pool.ts";
import { loadPooled, resolvePooled } from "../workers/fanout.ts";
import { fixture, PINNED_73_BTF, spawn, spawnCli } from "./helpers.ts";

const FAULTY = new URL("./faulty_worker.ts", import.meta.url);

function fixtureBtfs(): string[] {
  return [...Deno.readDirSync(fixture(""))]
    .filter((e) => e.isFile && e.name.endsWith(".btf") && !/^split.*_mod\.btf$/.test(e.name))
    .map((e) => fixture(e.name))
    .sort();
}

Deno.test("pool: pooled results equal inline results, field for field and in order", async () => {
  const inputs = [PINNED_73_BTF, ...fixtureBtfs()];
  assert.ok(inputs.length >= 6, "fixtures present");
  const inline = inputs.map((p) => JSON.stringify(resolveOffsets(loadBtf(p).types)));
  for (const size of [1, 2, 3]) {
    const pool = WorkerPool.start(size);
    try {
      for (const [i, path] of inputs.entries()) {
        const { types } = loadBtf(path);
        for (const mainThread of [true, false]) {
          const pooled = await resolvePooled(pool, types, GROUP_NAMES, { mainThread });
          assert.equal(
            JSON.stringify(pooled),
            inline[i],
            `${path} size ${size} main ${mainThread}`,
          );
        }
      }
      for (const mainThread of [true, false]) {
        const loaded = await loadPooled(pool, inputs, GROUP_NAMES, undefined, { mainThread });
        assert.equal(loaded.length, inputs.length);
        loaded.forEach((k, i) => {
          assert.ok("report" in k, inputs[i]);
          assert.equal(JSON.stringify(k.report), inline[i], `${inputs[i]} loaded by the pool`);
          assert.equal(k.types.count, loadBtf(inputs[i]).types.count);
        });
      }
    } finally {
      pool.close();
    }
  }
});

/** Runs a fault scenario of tests/pool_faults_main.ts in a child process. */
function faultScenario(name: string) {
  const main = fromFileUrl(new URL("./pool_faults_main.ts", import.meta.url));
  const out = spawn(Deno.execPath(), { args: ["run", "-A", main, name] });
  assert.equal(out.code, 0, out.stderr);
  // The faulty worker's deliberate crash is reported by Deno, in the child's stderr only.
  assert.match(out.stderr, /Uncaught \(in worker ""\) Error: injected crash/);
  return JSON.parse(out.stdout) as {
    report: OffsetsReport;
    again: OffsetsReport;
  };
}

Deno.test("pool: a throwing group, a dying worker and a silent worker each fail only their items", () => {
  const inline = resolveOffsets(loadBtf(PINNED_73_BTF).types);
  const started = performance.now();
  const { report, again } = faultScenario("mixed");
  assert.ok(performance.now() - started < 30_000, "bounded by the timeout, not hung");
  assert.equal(report.offsets.idr, null);
  assert.match(report.missing.idr, /^worker died: .*injected crash/);
  assert.equal(report.offsets.cpu_time, null);
  assert.equal(report.missing.cpu_time, "worker did not answer within 4000 ms");
  assert.equal(report.offsets.numa_stats, null);
  assert.equal(report.missing.numa_stats, "internal error: injected numa_stats failure");
  // The remaining worker answered everything else, exactly as inline resolution does.
  for (const g of GROUP_NAMES.filter((g) => !["idr", "cpu_time", "numa_stats"].includes(g))) {
    assert.deepEqual(report.offsets[g], inline.offsets[g], g);
  }
  assert.deepEqual(Object.keys(report.offsets), GROUP_NAMES);
  // With two workers dead, the main thread and the healthy worker still serve.
  assert.deepEqual(again.offsets.bpf_prog, inline.offsets.bpf_prog);
});

Deno.test("pool: when every worker is dead, workers-only work fails fast instead of hanging", () => {
  const { types } = loadBtf(PINNED_73_BTF);
  // The one worker answers `kernel`, then dies claiming `idr`; `scx_walker` is left unclaimed.
  const { report, again } = faultScenario("all-dead");
  assert.match(report.missing.idr, /^worker died: .*injected crash/);
  assert.deepEqual(report.offsets.kernel, resolveOffsets(types, ["kernel"]).offsets.kernel);
  assert.match(report.missing.scx_walker, /^no live workers \(worker died: .*injected crash\)$/);
  // The main thread still resolves what it is given.
  assert.deepEqual(again.offsets.bpf_prog, resolveOffsets(types, ["bpf_prog"]).offsets.bpf_prog);
});

Deno.test("pool: a worker's slow start is not a hang: the boot budget is apart from the hang timeout", async () => {
  const { types } = loadBtf(PINNED_73_BTF);
  const slow = new URL("./slow_boot_worker.ts", import.meta.url);
  const pool = WorkerPool.start(1, { workerUrl: slow, timeoutMs: 200 });
  try {
    const report = await resolvePooled(pool, types, ["idr"], { mainThread: false });
    assert.deepEqual(report.offsets.idr, resolveOffsets(types, ["idr"]).offsets.idr);
  } finally {
    pool.close();
  }
  const never = WorkerPool.start(1, { workerUrl: slow, timeoutMs: 200, bootTimeoutMs: 300 });
  try {
    const report = await resolvePooled(never, types, ["idr"], { mainThread: false });
    assert.equal(report.missing.idr, "no live workers (worker did not start within 300 ms)");
  } finally {
    never.close();
  }
});

Deno.test("pool: a kernel a worker fails to load carries the loader's message", async () => {
  const pool = WorkerPool.start(1);
  try {
    const [missing, host] = await loadPooled(
      pool,
      ["/nonexistent/vmlinux", PINNED_73_BTF],
      ["idr"],
      undefined,
      {
        mainThread: false,
      },
    );
    assert.deepEqual(missing, {
      error: "btf: open /nonexistent/vmlinux: read file: No such file or directory (os error 2)",
      btf: true,
    });
    assert.ok("report" in host && host.report.offsets.idr !== null);
  } finally {
    pool.close();
  }
});

Deno.test("cli: with faulty workers the CLI still exits promptly with correct output", () => {
  const args = ["kernel", PINNED_73_BTF, fixture("era_7_1.btf"), "--json"];
  const started = performance.now();
  const r = spawnCli([...args, "-j", "3"], {
    KTSTR_BTF_WORKER: FAULTY.href,
    KTSTR_BTF_WORKER_TIMEOUT_MS: "4000",
  });
  const elapsed = performance.now() - started;
  assert.ok(elapsed < 30_000, `exited after ${elapsed} ms`);
  assert.equal(r.code, 0, r.stderr);
  // Which groups the faulty workers claim depends on timing; every group is either the
  // inline result or failed with a worker's message, never missing or hung.
  const pooled = JSON.parse(r.stdout);
  const inline = JSON.parse(spawnCli([...args, "-j", "0"]).stdout);
  for (const [k, kernel] of pooled.entries()) {
    for (const g of GROUP_NAMES) {
      const failure = kernel.missing[g];
      if (failure !== undefined && failure !== inline[k].missing[g]) {
        assert.match(
          failure,
          /^(worker died: |worker did not answer within 4000 ms|internal error: )/,
        );
        assert.equal(kernel.offsets[g], null);
      } else {
        assert.deepEqual(kernel.offsets[g], inline[k].offsets[g], `${k} ${g}`);
      }
    }
  }
});

Deno.test("cli: --jobs 0, 1 and 2 print identical JSON for one and for several kernels", () => {
  const inputs = [PINNED_73_BTF, ...fixtureBtfs()];
  for (const args of [[PINNED_73_BTF], inputs]) {
    const outputs = ["0", "1", "2"].map((j) => spawnCli(["kernel", ...args, "--json", "-j", j]));
    for (const o of outputs) assert.equal(o.code, 0, o.stderr);
    assert.equal(outputs[1].stdout, outputs[0].stdout);
    assert.equal(outputs[2].stdout, outputs[0].stdout);
  }
});

Deno.test("pool: the default size is the hardware concurrency", () => {
  const pool = WorkerPool.start();
  try {
    assert.equal(pool.size, navigator.hardwareConcurrency);
  } finally {
    pool.close();
  }
});

Deno.test("pool: its timers never call setTimeout (which loads Deno's Node timers, ~7 ms cold)", async () => {
  const { types } = loadBtf(PINNED_73_BTF);
  const inline = JSON.stringify(resolveOffsets(types));
  const saved = { setTimeout: globalThis.setTimeout, clearTimeout: globalThis.clearTimeout };
  const refuse = () => {
    throw new Error("the pool called a global timer function");
  };
  Object.assign(globalThis, { setTimeout: refuse, clearTimeout: refuse });
  const pool = WorkerPool.start(1);
  try {
    const pooled = await resolvePooled(pool, types, GROUP_NAMES, { mainThread: false });
    assert.equal(JSON.stringify(pooled), inline);
  } finally {
    pool.close();
    Object.assign(globalThis, saved);
  }
});
