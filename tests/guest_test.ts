/**
 * `ktstr-btf rq` and `scx` end to end on synthetic guests (tests/guest_builder.ts): every
 * value the builder wrote comes back exactly, in JSON and in the human report, for 4 and 5
 * paging levels, KASLR on and off, raw RAM and ELF cores (with and without a VMCOREINFO note),
 * a possible-CPU mask with a hole, `--cpu`, `-k`, `--symbols` (/proc/kallsyms, and a
 * System.map slid by KERNELOFFSET); sched_ext's DSQs, runnable lists and summed events, a
 * cyclic list and one past the walk cap; kernels without a loaded scheduler or without
 * sched_ext; hostile inputs (one line, exit 1, nothing on stdout); and a deterministic slice
 * of the guest fuzzer (tests/guest_fuzz.ts). Tests named `was a bug` reproduce defects the
 * builder and the fuzzer found (fixed since).
 * @module
 */
import assert from "node:assert/strict";
import { memorySource } from "../btf/elf.ts";
import { openMemoryImage } from "../guest/image.ts";
import { findKernel } from "../guest/kernel.ts";
import { symbolTable } from "../guest/kallsyms.ts";
import { readScx } from "../guest/scx.ts";
import { resolvePath } from "../query/path.ts";
import { Rng } from "./fuzz.ts";
import {
  buildGuest,
  elfCore,
  type GuestBuild,
  type GuestOptions,
  noSchedExtBtf,
  procKallsyms,
  systemMap,
} from "./guest_builder.ts";
import { readGuestIsolated, runGuestFuzzIsolated } from "./guest_fuzz.ts";
import { type CliResult, fixture, runCli, spawnCli, tempDir } from "./helpers.ts";

// ---- helpers ------------------------------------------------------------------------------

type Wrap = "raw" | "note" | "core";

/** Writes `b` as `wrap` into `dir`; returns its path. */
function writeGuest(dir: string, b: GuestBuild, wrap: Wrap = "raw", name = "guest"): string {
  const path = `${dir}/${name}.${wrap === "raw" ? "ram" : "core"}`;
  const bytes = wrap === "raw"
    ? b.ram
    : elfCore(b.ram, wrap === "note" ? { note: b.vmcoreinfo, filtered: true } : {});
  Deno.writeFileSync(path, bytes);
  return path;
}

/** How the kernel was found, as the report's `source` and header say it. */
interface Found {
  vmcoreinfo?: "note" | "ram";
  symbols?: string;
  btf?: string;
}

function source(b: GuestBuild, path: string, found: Found = {}) {
  return {
    path,
    release: b.expected.release,
    possible_cpus: b.expected.cpus.length,
    paging_levels: b.expected.levels,
    kaslr_offset: b.expected.kaslrOffset,
    vmcoreinfo: found.vmcoreinfo ?? "ram",
    symbols: found.symbols ?? "kallsyms in guest memory",
    btf: found.btf ?? "guest memory",
  };
}

/** Asserts a successful run: exit 0, nothing on stderr; returns stdout. */
function ok(r: CliResult): string {
  assert.equal(r.stderr, "");
  assert.equal(r.code, 0);
  return r.stdout;
}

/** Asserts a refused run: exit 1, nothing on stdout, exactly `line` on stderr. */
function refused(r: CliResult, line: string): void {
  assert.equal(r.stdout, "");
  assert.equal(r.stderr, `${line}\n`);
  assert.equal(r.code, 1);
}

/** A line of a report: the exact text, or (an array) its cells, split at two spaces or more. */
type Spec = string | string[];

/** Asserts `text`'s lines against `specs`, one by one, and that it has no more. */
function assertLines(text: string, specs: Spec[]): void {
  const lines = text.split("\n");
  assert.equal(lines.pop(), "", "the report ends with a newline");
  specs.forEach((spec, i) => {
    if (typeof spec === "string") assert.equal(lines[i], spec, `line ${i + 1}`);
    else assert.deepEqual(lines[i]?.trim().split(/\s{2,}/), spec, `line ${i + 1}: ${lines[i]}`);
  });
  assert.equal(lines.length, specs.length, "line count");
}

/** The header lines of both reports. */
function header(b: GuestBuild, path: string, found: Found = {}): string[] {
  const kaslr = b.kernelOffset === 0n ? "none" : b.expected.kaslrOffset;
  return [
    path,
    `  Linux ${b.expected.release} · ${b.expected.cpus.length} possible CPUs · ` +
    `${b.expected.levels}-level paging · KASLR offset ${kaslr}`,
    `  VMCOREINFO from ${found.vmcoreinfo === "note" ? "its ELF note" : "guest RAM"} · ` +
    `symbols: ${found.symbols ?? "kallsyms in guest memory"} (${b.symbols.length}) · ` +
    `BTF: ${found.btf ?? "guest memory"} (${b.types.count} types)`,
  ];
}

function missingLines(missing: Record<string, string>): Spec[] {
  const parts = Object.entries(missing);
  return parts.length === 0
    ? []
    : ["", "missing", ...parts.flatMap(([part, why]) => [`  ${part}`, `    ${why}`])];
}

/** The human `rq` report of `b` (only `cpus`, when given). */
function rqReport(b: GuestBuild, path: string, found: Found = {}, cpus?: number[]): Spec[] {
  const rows = b.expected.rq.cpus.filter((r) => cpus === undefined || cpus.includes(r.cpu));
  const scx = rows.some((r) => r.scx !== null);
  const out: Spec[] = [...header(b, path, found), ""];
  out.push([
    "cpu",
    "nr_running",
    "clock",
    "curr",
    ...(scx ? ["scx.nr", "scx.flags", "released", "kick_sync", "local_dsq.nr"] : []),
  ]);
  for (const r of rows) {
    out.push([
      String(r.cpu),
      String(r.nr_running),
      String(r.clock),
      `${r.curr.pid} ${r.curr.comm} (${r.curr.class})`,
      ...(r.scx
        ? [
          String(r.scx.nr_running),
          `0x${r.scx.flags.toString(16)}`,
          r.scx.cpu_released ? "yes" : "no",
          String(r.scx.kick_sync),
          String(r.scx.local_dsq.nr),
        ]
        : []),
    ]);
  }
  for (const [key, title] of [["schedstat", "schedstat"], ["cpustat", "cpustat (ns)"]] as const) {
    const first = rows.find((r) => r[key] !== null)?.[key];
    if (!first) continue;
    out.push("", title, ["cpu", ...Object.keys(first)]);
    for (const r of rows) out.push([String(r.cpu), ...Object.values(r[key]!).map(String)]);
  }
  return [...out, ...missingLines(b.expected.rq.missing)];
}

/** scx_exit_kind names the report uses for the kinds the builder writes. */
const EXIT_KIND: Record<number, string> = { 0: "none", 1026: "stall" };

/** The human `scx` report of `b`. */
function scxReport(b: GuestBuild, path: string, found: Found = {}): Spec[] {
  const { sched, dsqs, runnable, missing } = b.expected.scx;
  const out: Spec[] = [...header(b, path, found), ""];
  const tasks = (list: typeof dsqs[number]["tasks"]): Spec[] =>
    list.length === 0 ? [] : [
      ["pid", "comm", "dsq_vtime", "slice", "weight", "runnable"],
      ...list.map((t) => [
        String(t.pid),
        t.comm,
        String(t.dsq_vtime),
        String(t.slice),
        String(t.weight),
        t.runnable_age_ms === null ? "—" : `${t.runnable_age_ms} ms`,
      ]),
    ];
  if (sched) {
    out.push(
      `scheduler ${sched.ops}`,
      // A value the kernel does not have is left out (the missing section says why).
      `  exit_kind ${EXIT_KIND[sched.exit_kind]}` +
        (sched.aborting === null ? "" : ` · aborting ${sched.aborting}`) +
        ` · bypass_depth ${sched.bypass_depth} · watchdog_timeout ${sched.watchdog_timeout} jiffies`,
    );
    const events = Object.entries(sched.events).filter(([, v]) => v !== 0);
    if (events.length > 0) {
      out.push("  events (summed over CPUs, zero ones left out)");
      for (const [name, v] of events) out.push([name, String(v)]);
    }
    out.push("");
  }
  out.push("dsqs");
  for (const d of dsqs) {
    const where = d.cpu !== undefined
      ? ` cpu ${d.cpu}`
      : d.node !== undefined
      ? ` node ${d.node}`
      : "";
    out.push(`  ${d.kind}${where} (id ${d.id}) nr ${d.nr}${d.note ? ` — ${d.note}` : ""}`);
    out.push(...tasks(d.tasks));
  }
  if (runnable.some((r) => r.tasks.length > 0 || r.note)) {
    out.push("", "runnable lists");
    for (const r of runnable) {
      out.push(`  cpu ${r.cpu}: ${r.tasks.length} task(s)${r.note ? ` — ${r.note}` : ""}`);
      out.push(...tasks(r.tasks));
    }
  }
  return [...out, ...missingLines(missing)];
}

/** Runs `rq` and `scx`, JSON and human, on `path` and checks every value against `b`. */
async function checkAll(b: GuestBuild, path: string, found: Found = {}, extra: string[] = []) {
  const rqJson = JSON.parse(ok(await runCli(["rq", path, "--json", ...extra])));
  assert.deepEqual(rqJson, {
    source: source(b, path, found),
    cpus: b.expected.rq.cpus,
    missing: b.expected.rq.missing,
  });
  assertLines(ok(await runCli(["rq", path, ...extra])), rqReport(b, path, found));
  const scxJson = JSON.parse(ok(await runCli(["scx", path, "--json", ...extra])));
  assert.deepEqual(scxJson, { source: source(b, path, found), ...b.expected.scx });
  assertLines(ok(await runCli(["scx", path, ...extra])), scxReport(b, path, found));
}

// ---- every value, each way the kernel can be found ------------------------------------------

const MATRIX: [string, GuestOptions, Wrap][] = [
  ["4 levels, raw RAM, 2 MiB pages", { levels: 4 }, "raw"],
  ["5 levels, raw RAM, 4 KiB pages, KASLR", { levels: 5, kaslr: true, pages: "4k" }, "raw"],
  [
    "4 levels, ELF core with a VMCOREINFO note and filtered pages, 1 GiB pages, KASLR",
    { kaslr: true, pages: "1g" },
    "note",
  ],
  ["5 levels, ELF core without a note, 2 MiB pages", { levels: 5 }, "core"],
  ["4 levels, ELF core without a note, 4 KiB pages, KASLR", { kaslr: true, pages: "4k" }, "core"],
  [
    "5 levels, ELF core with a note, 1 GiB pages, KASLR",
    { levels: 5, kaslr: true, pages: "1g" },
    "note",
  ],
];

for (const [name, options, wrap] of MATRIX) {
  Deno.test(`guest: rq and scx read every value back: ${name}`, async () => {
    using dir = tempDir();
    const b = buildGuest(options);
    const path = writeGuest(dir.path, b, wrap);
    await checkAll(b, path, { vmcoreinfo: wrap === "note" ? "note" : "ram" });
  });
}

Deno.test("guest: the builder lays memory out by the BTF: CPUs 0, 1, 3 (a hole), the values it reports", () => {
  const b = buildGuest();
  assert.deepEqual(b.expected.cpus, [0, 1, 3]);
  assert.deepEqual(b.expected.rq.missing, {});
  assert.deepEqual(b.expected.scx.missing, {});
  assert.equal(b.ram.length, 20 << 20);
  assert.equal(b.expected.scx.sched?.ops, "ktstr_synth");
  // Every kind of DSQ, a user DSQ with a task, a runnable list with tasks.
  assert.deepEqual(
    b.expected.scx.dsqs.map((d) => `${d.kind}:${d.nr}`),
    [
      "local:2",
      "local:0",
      "local:1",
      "global:1",
      "bypass:1",
      "bypass:0",
      "bypass:0",
      "user:1",
      "user:0",
    ],
  );
  assert.deepEqual(b.expected.scx.runnable.map((r) => r.tasks.length), [3, 0, 1]);
  // Events summed over the CPUs: a value past 2^53 is a decimal string, a negative sum stays.
  const events = b.expected.scx.sched!.events;
  assert.equal(events.SCX_EV_BYPASS_DURATION, String(3n * (1n << 52n) + 3n));
  assert.equal(events.SCX_EV_ENQ_SKIP_MIGRATION_DISABLED, -6);
});

Deno.test("guest: 8 CPUs and 1 CPU, JSON", async () => {
  using dir = tempDir();
  for (const cpus of [[0, 1, 2, 3, 4, 5, 6, 7], [0]]) {
    const b = buildGuest({ cpus });
    const path = writeGuest(dir.path, b, "raw", `cpus${cpus.length}`);
    const rq = JSON.parse(ok(await runCli(["rq", path, "--json"])));
    assert.deepEqual(rq, { source: source(b, path), ...b.expected.rq });
    const scx = JSON.parse(ok(await runCli(["scx", path, "--json"])));
    assert.deepEqual(scx, { source: source(b, path), ...b.expected.scx });
  }
});

Deno.test("guest: --cpu picks possible CPUs; the hole and a non-number are usage errors", async () => {
  using dir = tempDir();
  const b = buildGuest();
  const path = writeGuest(dir.path, b);
  for (const cpus of [[3], [1, 3], [0]]) {
    const args = cpus.flatMap((c) => ["--cpu", String(c)]);
    const json = JSON.parse(ok(await runCli(["rq", path, "--json", ...args])));
    assert.deepEqual(json.cpus, b.expected.rq.cpus.filter((r) => cpus.includes(r.cpu)));
    assertLines(ok(await runCli(["rq", path, ...args])), rqReport(b, path, {}, cpus));
  }
  for (const bad of ["2", "4", "x", "-1"]) {
    const r = await runCli(["rq", path, "--cpu", bad]);
    assert.equal(r.stdout, "");
    assert.equal(
      r.stderr,
      `ktstr-btf: --cpu takes a possible CPU (0 to 3), not '${bad}'; see 'ktstr-btf rq --help'\n`,
    );
    assert.equal(r.code, 2);
  }
});

Deno.test("guest: -k testdata/era_7_3.btf instead of the BTF in memory", async () => {
  using dir = tempDir();
  const b = buildGuest({ levels: 5, kaslr: true });
  const path = writeGuest(dir.path, b);
  const k = fixture("era_7_3.btf");
  await checkAll(b, path, { btf: k }, ["-k", k]);
});

Deno.test("guest: --symbols /proc/kallsyms, and a System.map slid by KERNELOFFSET", async () => {
  using dir = tempDir();
  const b = buildGuest({ kaslr: true, pages: "4k" });
  const path = writeGuest(dir.path, b);
  const kallsyms = `${dir.path}/kallsyms`, map = `${dir.path}/System.map`;
  Deno.writeTextFileSync(kallsyms, procKallsyms(b));
  Deno.writeTextFileSync(map, systemMap(b));
  assert.ok(systemMap(b).includes("ffffffff81000000 T _stext\n"), "the map is unslid");
  assert.ok(procKallsyms(b).includes("ffffffffae400000 T _stext\n"));
  await checkAll(b, path, { symbols: kallsyms }, ["--symbols", kallsyms]);
  await checkAll(b, path, { symbols: `${map} (slid by KERNELOFFSET)` }, ["--symbols", map]);
  // Without KASLR a System.map is the running addresses: nothing to slide.
  const plain = buildGuest();
  const plainPath = writeGuest(dir.path, plain, "raw", "plain");
  Deno.writeTextFileSync(map, systemMap(plain));
  await checkAll(plain, plainPath, { symbols: map }, ["--symbols", map]);
});

// ---- sched_ext -----------------------------------------------------------------------------

Deno.test("guest: scx: a cyclic DSQ ends with a note and no hang", async () => {
  using dir = tempDir();
  const b = buildGuest({ cyclic: true });
  const local0 = b.expected.scx.dsqs[0];
  assert.match(local0.note!, /^the list loops at 0xffff888[0-9a-f]+$/);
  assert.equal(local0.tasks.length, 2);
  await checkAll(b, writeGuest(dir.path, b));
});

Deno.test("guest: scx: a list longer than 4096 stops after 4096 entries", async () => {
  using dir = tempDir();
  const b = buildGuest({ longList: 5000 });
  const global = b.expected.scx.dsqs.find((d) => d.kind === "global")!;
  assert.equal(global.nr, 5001);
  assert.equal(global.tasks.length, 4096);
  assert.equal(global.note, "stopped after 4096 entries");
  const path = writeGuest(dir.path, b);
  const json = JSON.parse(ok(await runCli(["scx", path, "--json"])));
  assert.deepEqual(json, { source: source(b, path), ...b.expected.scx });
  const human = ok(await runCli(["scx", path]));
  assert.ok(
    human.includes(
      "\n  global node 0 (id 0x8000000000000001) nr 5001 — stopped after 4096 entries\n",
    ),
  );
});

Deno.test("guest: scx: no BPF scheduler loaded (scx_root NULL) is missing.sched", async () => {
  using dir = tempDir();
  const b = buildGuest({ scx: "unloaded", levels: 5 });
  assert.deepEqual(b.expected.scx.missing, {
    sched: "no BPF scheduler is loaded (scx_root is NULL)",
  });
  assert.equal(b.expected.scx.sched, null);
  await checkAll(b, writeGuest(dir.path, b));
});

Deno.test("guest: a kernel without sched_ext: rq has no scx columns, scx says why", async () => {
  using dir = tempDir();
  const b = buildGuest({ btf: noSchedExtBtf() });
  assert.deepEqual(b.expected.rq.missing, {
    scx: "btf: resolve rq.scx.nr_running: btf: struct 'rq' has no member 'scx'",
  });
  assert.deepEqual(b.expected.scx, {
    sched: null,
    dsqs: [],
    runnable: [],
    missing: {
      sched: "no scx_root in kallsyms in guest memory (no sched_ext, or sched_ext before 6.16)",
    },
  });
  await checkAll(b, writeGuest(dir.path, b));
});

Deno.test("guest: 6.12 (absolute-per-CPU kallsyms, zero-based per-CPU, pnt_seq, no scx_root)", async () => {
  using dir = tempDir();
  const b = buildGuest({ btf: "era_6_12.btf", encoding: "absolute-percpu", pages: "4k" });
  assert.ok(b.symbols.find((s) => s.name === "runqueues")!.address < 0x10000n);
  assert.equal(b.expected.scx.missing.sched.startsWith("no scx_root"), true);
  await checkAll(b, writeGuest(dir.path, b));
});

Deno.test("guest: 6.16 and 6.18 (scheduler fields still globals): read where the kernel keeps them", async () => {
  // Before 7.1 scx_sched has no bypass_depth or watchdog_timeout (the globals
  // scx_bypass_depth, scx_watchdog_timeout hold them), no pnode (global_dsqs[node] is the
  // node's DSQ), and 6.16 no pcpu (event_stats_cpu is the counters); nothing says
  // "aborting" before 6.19.
  using dir = tempDir();
  for (const era of ["era_6_16.btf", "era_6_18.btf"]) {
    const b = buildGuest({ btf: era });
    const { sched, dsqs, missing } = b.expected.scx;
    assert.deepEqual(
      [sched?.ops, sched?.aborting, sched?.bypass_depth, sched?.watchdog_timeout],
      ["ktstr_synth", null, 2, 1250],
      era,
    );
    assert.ok(Object.values(sched!.events).some((v) => v !== 0), era);
    assert.deepEqual(dsqs.filter((d) => d.kind === "global").map((d) => d.tasks.length), [1]);
    assert.equal(
      missing["sched.aborting"],
      "btf: resolve scx_sched.aborting: btf: struct 'scx_sched' has no member 'aborting', " +
        "and no scx_aborting in kallsyms in guest memory",
    );
    await checkAll(b, writeGuest(dir.path, b, "raw", era));
  }
});

Deno.test("guest: 7.1 (its own layout) reads back too", async () => {
  using dir = tempDir();
  const b = buildGuest({ btf: "era_7_1.btf", levels: 5 });
  await checkAll(b, writeGuest(dir.path, b, "note"), { vmcoreinfo: "note" });
});

// ---- hostile inputs ------------------------------------------------------------------------

Deno.test("guest: hostile images are one line on stderr, exit 1, nothing on stdout", async () => {
  using dir = tempDir();
  const b = buildGuest({ kaslr: true });
  const core = elfCore(b.ram, {});
  const put = (name: string, bytes: Uint8Array) => {
    const p = `${dir.path}/${name}`;
    Deno.writeFileSync(p, bytes);
    return p;
  };
  // A truncated ELF core: its segments, then its program headers.
  let p = put("cut.core", core.subarray(0, 5 << 20));
  refused(
    await runCli(["rq", p]),
    `ktstr-btf: ${p}: segment at 0x100000 runs past the end of the ${
      5 << 20
    }-byte file (truncated)`,
  );
  p = put("head.core", core.subarray(0, 100));
  refused(
    await runCli(["scx", p]),
    `ktstr-btf: ${p}: ELF core program headers run past the end of the 100-byte file (truncated)`,
  );
  // Random bytes: not whole MiB, then whole MiB.
  const rng = new Rng(42);
  const random = (n: number) => Uint8Array.from({ length: n }, () => rng.below(256));
  p = put("random.bin", random(1_000_000));
  refused(
    await runCli(["rq", p]),
    `ktstr-btf: ${p}: not an ELF core, and 1000000 bytes is not a guest RAM size (whole MiB, at least 1 MiB)`,
  );
  p = put("random.ram", random(2 << 20));
  refused(
    await runCli(["scx", p]),
    `ktstr-btf: ${p}: no VMCOREINFO in the image (not a Linux guest's memory?)`,
  );
  // RAM files of the wrong size: a page more than whole MiB; only the first 8 MiB (the image,
  // at 18 MiB, is not in it: its first read, kallsyms_token_index, fails).
  const more = new Uint8Array(b.ram.length + 4096);
  more.set(b.ram);
  p = put("more.ram", more);
  refused(
    await runCli(["rq", p]),
    `ktstr-btf: ${p}: not an ELF core, and ${more.length} bytes is not a guest RAM size (whole MiB, at least 1 MiB)`,
  );
  p = put("short.ram", b.ram.subarray(0, 8 << 20));
  refused(
    await runCli(["rq", p]),
    `ktstr-btf: ${p}: guest physical address 0x${
      b.layout.kallsyms.tokenIndex[0].toString(16)
    } is not in the memory image`,
  );
  // A real subprocess: the exit code, the streams, no stack trace.
  p = put("cut2.core", core.subarray(0, core.length - 1));
  const sub = spawnCli(["scx", p, "--json"]);
  assert.equal(sub.stdout, "");
  assert.equal(
    sub.stderr,
    `ktstr-btf: ${p}: segment at 0x100000 runs past the end of the ${
      core.length - 1
    }-byte file (truncated)\n`,
  );
  assert.equal(sub.code, 1);
});

Deno.test("guest: another kernel's BTF or symbols are refused by the fit check", async () => {
  using dir = tempDir();
  const b = buildGuest({ kaslr: true });
  const path = writeGuest(dir.path, b);
  // 7.1's task_struct.comm is 8 bytes before 7.3's: the idle task's name reads empty.
  refused(
    await runCli(["rq", path, "-k", fixture("era_7_1.btf")]),
    `ktstr-btf: ${path}: CPU 0's idle task is '', not 'swapper/0': BTF or symbols of another kernel`,
  );
  // A split BTF needs its base.
  const split = fixture("split_mod.btf");
  refused(
    await runCli(["scx", path, "-k", split]),
    `ktstr-btf: btf: open ${split}: split BTF (a module's): pass --base VMLINUX`,
  );
  // A System.map of another build: _stext is not where KERNELOFFSET says.
  const other = `${dir.path}/other.map`;
  Deno.writeTextFileSync(other, systemMap(b, 0x200000n));
  refused(
    await runCli(["rq", path, "--symbols", other]),
    `ktstr-btf: ${path}: ${other}: _stext is 0xffffffff81200000, the guest's is ` +
      "0xffffffffae400000: symbols of another kernel",
  );
  // Symbols where runqueues is 4 bytes off: rq.cpu reads rq.online (1).
  const shifted = `${dir.path}/shifted.kallsyms`;
  Deno.writeTextFileSync(
    shifted,
    procKallsyms({
      ...b,
      symbols: b.symbols.map((s) => s.name === "runqueues" ? { ...s, address: s.address + 4n } : s),
    }),
  );
  refused(
    await runCli(["rq", path, "--symbols", shifted]),
    `ktstr-btf: ${path}: the run queue of CPU 0 says it is CPU 1: BTF or symbols of another kernel`,
  );
  // Symbols without runqueues.
  const partial = `${dir.path}/partial.kallsyms`;
  Deno.writeTextFileSync(
    partial,
    procKallsyms({ ...b, symbols: b.symbols.filter((s) => s.name !== "runqueues") }),
  );
  refused(
    await runCli(["scx", path, "--symbols", partial]),
    `ktstr-btf: ${path}: symbol runqueues is not in ${partial}`,
  );
});

// ---- defects found by the builder and the fuzzer (fixed in 063b0f8): their reproducers ---------

Deno.test("guest (was a bug): -k of an older kernel's BTF reads a NULL idle task: the fit check says so", async () => {
  // With 6.12's layout rq.cpu reads 0 and rq.idle NULL; the check passed on a read's
  // "guest virtual address 0x500 is not mapped" instead of naming the misfit.
  using dir = tempDir();
  const b = buildGuest();
  const path = writeGuest(dir.path, b);
  refused(
    await runCli(["rq", path, "-k", fixture("era_6_12.btf")]),
    `ktstr-btf: ${path}: CPU 0's idle task is at 0x0, not a kernel address: BTF or symbols of ` +
      "another kernel",
  );
});

Deno.test("guest (was a bug): scx skips a DSQ iterator's cursor (SCX_DSQ_LNODE_ITER_CURSOR is 1 << 0)", async () => {
  // guest/scx.ts tested bit 31 of scx_dsq_list_node.flags; the kernel's cursor flag is bit 0
  // (enum scx_dsq_lnode_flags), so a cursor showed up as a task of pid 0 and no name.
  using dir = tempDir();
  const b = buildGuest({ cursor: true });
  await checkAll(b, writeGuest(dir.path, b));
});

/** `scx` of `b` with every task's age unknown. */
function withoutAges(scx: GuestBuild["expected"]["scx"]): GuestBuild["expected"]["scx"] {
  const strip = <T extends { tasks: { runnable_age_ms: number | null }[] }>(x: T): T => ({
    ...x,
    tasks: x.tasks.map((t) => ({ ...t, runnable_age_ms: null })),
  });
  return { ...scx, dsqs: scx.dsqs.map(strip), runnable: scx.runnable.map(strip) };
}

Deno.test("guest (was a bug): symbols without jiffies_64 (nor jiffies) leave the ages unknown", async () => {
  // guest/scx.ts read `symbols.address("jiffies_64") ?? symbols.address("jiffies")!`: a
  // TypeError when neither is there (a symbol file without them, kallsyms with a damaged name).
  using dir = tempDir();
  const b = buildGuest();
  const syms = b.symbols.filter((s) => !s.name.startsWith("jiffies"));
  const image = openMemoryImage(memorySource(b.ram));
  const kernel = findKernel(image, {
    symbols: () =>
      symbolTable(
        syms.map((s) => s.name),
        syms.map((s) => s.address),
        syms.map((s) => s.type),
        "x",
      ),
  });
  assert.deepEqual(readScx(kernel), withoutAges(b.expected.scx));
  // The same through the CLI, with a /proc/kallsyms without them.
  const path = writeGuest(dir.path, b), file = `${dir.path}/kallsyms`;
  Deno.writeTextFileSync(file, procKallsyms({ ...b, symbols: syms }));
  const json = JSON.parse(ok(await runCli(["scx", path, "--json", "--symbols", file])));
  assert.deepEqual(json, {
    source: source(b, path, { symbols: file }),
    ...withoutAges(b.expected.scx),
  });
});

Deno.test("guest (was a bug): a read that fails after the kernel was found is one line naming the image, or a list's note", async () => {
  // cli/rq.ts and cli/scx.ts did not catch the GuestError of readRunQueues / readScx: main()
  // printed "internal error: …".
  using dir = tempDir();
  const b = buildGuest();
  const view = (bytes: Uint8Array) => new DataView(bytes.buffer);
  // CPU 1's rq->curr points 4 GiB into the direct map, past RAM (still a kernel address).
  const curr = b.ram.slice();
  view(curr).setBigUint64(
    b.layout.runqueues[1] + resolveOffset(b, "rq.curr"),
    b.layout.directMap + (1n << 32n),
    true,
  );
  const p1 = `${dir.path}/curr.ram`;
  Deno.writeFileSync(p1, curr);
  const pid = BigInt(resolveOffset(b, "task_struct.pid"));
  refused(
    await runCli(["rq", p1]),
    `ktstr-btf: ${p1}: guest virtual address 0x${
      (b.layout.directMap + (1n << 32n) + pid).toString(16)
    } is not mapped (level 3)`,
  );
  // CPU 0's runnable list's first node is the last 16 bytes of RAM: its task runs past the end.
  const last = b.ram.slice();
  const node = b.layout.directMap + BigInt(b.ram.length - 16);
  view(last).setBigUint64(
    b.layout.runqueues[0] + resolveOffset(b, "rq.scx.runnable_list"),
    node,
    true,
  );
  const p2 = `${dir.path}/last.ram`;
  Deno.writeFileSync(p2, last);
  // A list's task that cannot be read ends that list with a note; the rest of scx is read.
  const task = node - BigInt(resolveOffset(b, "task_struct.scx.runnable_node"));
  const scx = await runCli(["scx", p2, "--json"]);
  assert.equal(scx.code, 0, scx.stderr);
  const cpu0 = JSON.parse(scx.stdout).runnable[0];
  assert.deepEqual(cpu0, {
    cpu: 0,
    tasks: [],
    note: `guest virtual address 0x${(task + pid).toString(16)} is not mapped (level 2)`,
  });
});

Deno.test("guest (was a bug): an ELF core segment with a huge p_memsz (filtered pages) is not scanned", async () => {
  // guest/vmcoreinfo.ts scanned every range to its p_memsz, zeros past p_filesz included,
  // 8 MiB at a time: 1 TiB never ended (4 GiB took ~5 s).
  const b = buildGuest();
  const core = elfCore(b.ram, {});
  new DataView(core.buffer).setBigUint64(64 + 40, 1n << 40n, true); // ph0.p_memsz
  const result = await readGuestIsolated(core, 3000);
  assert.equal(result.outcome, "rejected");
  assert.ok(result.ms < 2000, `${result.ms} ms`);
  // The second segment overlaps the first's 1 TiB and is left out: no text in the 640 KiB.
  assert.equal(
    (result as { error?: string }).error,
    "no VMCOREINFO in the image (not a Linux guest's memory?)",
  );
});

Deno.test("guest (was a bug): a DSQ whose next pointer is NULL ends with a note; the rest of scx is read", async () => {
  // guest/lists.ts walkList pushes a node before it reads the node's next pointer (and the
  // DSQ's skip() reads its flags outside the walk's try), so a NULL or unmapped next pointer
  // becomes an entry whose task cannot be read, and scx fails as a whole.
  using dir = tempDir();
  const b = buildGuest();
  const bytes = b.ram.slice();
  // CPU 0's local DSQ: its first task's dsq_list.node.next is NULL.
  const t0 = b.layout.runqueues[0]; // the rq; its local DSQ's head's next is the first node
  const dv = new DataView(bytes.buffer);
  const head = t0 + resolveOffset(b, "rq.scx.local_dsq.list");
  const firstNode = dv.getBigUint64(head + resolveOffset(b, "list_head.next"), true);
  const firstNodePhys = Number(firstNode - b.layout.directMap);
  dv.setBigUint64(firstNodePhys + resolveOffset(b, "list_head.next"), 0n, true);
  const path = `${dir.path}/null.ram`;
  Deno.writeFileSync(path, bytes);
  const r = await runCli(["scx", path, "--json"]);
  assert.equal(r.stderr, "");
  assert.equal(r.code, 0);
  const json = JSON.parse(r.stdout);
  const [local0, ...rest] = json.dsqs;
  const want = b.expected.scx.dsqs[0];
  assert.deepEqual(local0.tasks, want.tasks.slice(0, 1));
  assert.match(local0.note, /^guest virtual address 0x[0-9a-f]+ is not mapped \(level 4\)$/);
  assert.deepEqual(rest, b.expected.scx.dsqs.slice(1));
  assert.deepEqual(json.runnable, b.expected.scx.runnable);
});

// ---- the fuzzer ------------------------------------------------------------------------------

Deno.test("guest fuzz: 300 seeded mutants; anything thrown is a BtfError, each under 2 s", async () => {
  const report = await runGuestFuzzIsolated({
    seed: 1,
    iterations: 300,
    timeLimitMs: 2000,
    hangMs: 5000,
    maxHangs: 1,
  });
  const { failures, ...counts } = report;
  console.log(`guest fuzz: ${JSON.stringify(counts)}`);
  assert.equal(report.iterations, 300);
  assert.ok(report.loaded > 50 && report.rejected > 50, JSON.stringify(counts));
  assert.deepEqual(
    failures.map((f) => `${f.kind} at ${f.iteration} (${f.mutations.join("; ")}): ${f.detail}`),
    [],
  );
});

/** The offset of `path` in `b`'s BTF. */
function resolveOffset(b: GuestBuild, path: string): number {
  return resolvePath(b.types, path).offset;
}
