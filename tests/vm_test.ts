/**
 * The proof against a real guest: Debian's sched_ext kernel booted under QEMU (TCG) with a
 * minimal sched_ext scheduler and a busy loop pinned per CPU (tests/vm/run.sh), its memory
 * dumped over QMP while the guest's own view is recorded just before and just after. `rq`
 * and `scx` read the dump with nothing but the memory, and every value is checked against
 * the guest's view: monotonic counters lie between the two views, the run queues hold the
 * workload, `scx.flags` and the scheduler's name are SysRq-D's. Booted without KASLR with 2
 * CPUs, with KASLR with 4, Debian's 6.18 and 6.16 (sched_ext before 7.1: `struct scx_sched`
 * without `aborting`, `bypass_depth`, `watchdog_timeout`; the reader takes the globals; 6.16's
 * event counters are `event_stats_cpu`'s) with 2, and Debian 6.1 (no sched_ext) for the
 * degradation. A run's outputs
 * are cached in testdata/.cache/vm/runs/<name> and reused while the kernel package and the
 * harness are unchanged (the first run of the suite pays ~35–75 s per boot).
 * @module
 */
import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import { findKernel } from "../guest/kernel.ts";
import { openMemoryImage } from "../guest/image.ts";
import { readRunQueues } from "../guest/rq.ts";
import { readScx } from "../guest/scx.ts";
import { openMapped } from "../load/file.ts";
import { fixture, sha256, spawn, spawnCli } from "./helpers.ts";
import { kcoreHeadBytes, kcoreLayout, kcoreSource } from "./kcore_head.ts";

const HARNESS = fileURLToPath(new URL("./vm/run.sh", import.meta.url));
const RUNS = fixture(".cache/vm/runs");

/** One boot: its name (the output directory), the harness options, the kernel it boots. */
interface Boot {
  name: string;
  kernel: "sched-ext" | "debian-6.18" | "debian-6.16" | "debian-6.1";
  args: string[];
}

const BOOTS: Boot[] = [
  {
    name: "sched-ext-2cpu-nokaslr",
    kernel: "sched-ext",
    args: ["--cpus", "2", "--loops", "2", "--nokaslr"],
  },
  {
    name: "sched-ext-4cpu-kaslr",
    kernel: "sched-ext",
    args: ["--cpus", "4", "--loops", "2", "--kaslr"],
  },
  {
    name: "debian-6.18-2cpu",
    kernel: "debian-6.18",
    args: ["--kernel", "debian-6.18", "--cpus", "2", "--loops", "2"],
  },
  {
    name: "debian-6.16-2cpu",
    kernel: "debian-6.16",
    args: ["--kernel", "debian-6.16", "--cpus", "2", "--loops", "2"],
  },
  {
    name: "debian-6.1-2cpu",
    kernel: "debian-6.1",
    args: ["--kernel", "debian-6.1", "--cpus", "2"],
  },
];

/**
 * What a boot's outputs were made from: the kernel package, the options, the harness's files;
 * null while the kernel is not fetched yet (tests/prepare.sh does not fetch debian-6.18 or 6.16: the
 * harness does, on its first boot).
 */
async function bootKey(boot: Boot): Promise<string | null> {
  const files = ["run.sh", "drive.py", "init.sh", "ktstr_min.bpf.c"].map((f) =>
    Deno.readFileSync(new URL(`./vm/${f}`, import.meta.url))
  );
  let pkg: string;
  try {
    pkg = Deno.readTextFileSync(fixture(`.cache/${boot.kernel}.package`)).trim();
  } catch (e) {
    if (e instanceof Deno.errors.NotFound) return null;
    throw e;
  }
  const hashes = await Promise.all(files.map((f) => sha256(f)));
  return JSON.stringify({ pkg, args: boot.args, hashes });
}

/** The boot's output directory, made by the harness unless a run from the same inputs is there. */
async function booted(boot: Boot): Promise<string> {
  const dir = `${RUNS}/${boot.name}`, key = await bootKey(boot);
  try {
    if (key !== null && Deno.readTextFileSync(`${dir}/key.json`) === key) return dir;
  } catch {
    // not booted yet
  }
  // A TCG boot that dies before the guest is ready (seen twice on a loaded host: QEMU gone,
  // status 0, before READY; once 'Oops: int3' while the kernel patched its text) is booted
  // once more; any other failure, or a second one, fails the test.
  let r = spawn("bash", { args: [HARNESS, dir, ...boot.args] });
  if (r.code !== 0 && r.stderr.includes("FAILED at boot")) {
    try {
      Deno.copyFileSync(`${dir}/console.log`, `${dir}/console-failed-boot.log`); // kept to look at
    } catch {
      // no console: QEMU never started
    }
    r = spawn("bash", { args: [HARNESS, dir, ...boot.args] });
  }
  assert.equal(r.code, 0, `${boot.name}: ${r.stderr.split("\n").slice(-5).join("\n")}`);
  const made = await bootKey(boot); // the package the harness booted, fetched by it if need be
  assert.ok(
    made !== null,
    `${boot.name}: the harness left no testdata/.cache/${boot.kernel}.package`,
  );
  Deno.writeTextFileSync(`${dir}/key.json`, made);
  return dir;
}

/** A view file of the guest, `before` or `after` the dump. */
function view(dir: string, when: "before" | "after", file: string): string {
  return Deno.readTextFileSync(`${dir}/${when}/${file}`);
}

/** `rq` or `scx` on the dump, as JSON. */
function read(command: "rq" | "scx", dir: string, extra: string[] = []) {
  const r = spawnCli([command, `${dir}/dump.elf`, "--json", ...extra]);
  assert.equal(r.stderr, "", `${command}: ${r.stderr}`);
  assert.equal(r.code, 0);
  return JSON.parse(r.stdout);
}

/** Per CPU, `.clock` of /sys/kernel/debug/sched/debug, in ns. */
function clocks(text: string): Map<number, bigint> {
  const out = new Map<number, bigint>();
  let cpu = -1;
  for (const line of text.split("\n")) {
    const c = /^cpu#(\d+),/.exec(line);
    if (c) cpu = Number(c[1]);
    const k = /^\s+\.clock\s+:\s+(\d+)\.(\d{6})$/.exec(line);
    if (k && cpu >= 0 && !out.has(cpu)) out.set(cpu, BigInt(k[1]) * 1_000_000n + BigInt(k[2]));
  }
  return out;
}

/** Per CPU, /proc/schedstat's run_delay and pcount (schedstat version 17). */
function schedstats(text: string): Map<number, { run_delay: bigint; pcount: bigint }> {
  const out = new Map();
  for (const line of text.split("\n")) {
    const f = /^cpu(\d+) (.*)$/.exec(line)?.[2].split(" ");
    if (f) {
      out.set(Number(/^cpu(\d+)/.exec(line)![1]), {
        run_delay: BigInt(f[7]),
        pcount: BigInt(f[8]),
      });
    }
  }
  return out;
}

/** Per CPU, /proc/stat's user, system and softirq (USER_HZ ticks, 1/100 s). */
function cpuTicks(text: string): Map<number, Record<string, bigint>> {
  const out = new Map();
  for (const line of text.split("\n")) {
    const m = /^cpu(\d+) (\d+) (\d+) (\d+) (\d+) (\d+) (\d+) (\d+)/.exec(line);
    if (m) {
      out.set(Number(m[1]), { user: BigInt(m[2]), system: BigInt(m[4]), softirq: BigInt(m[8]) });
    }
  }
  return out;
}

/**
 * SysRq-D's per-CPU line and event counters, and the root scheduler's name where it says it
 * (7.x's `ktstr_min: root`; 6.18 names no scheduler: `ops` is then ""). The per-CPU line is
 * 7.x's `CPU 0 : nr_run=2 flags=0x1 cpu_rel=0 ksync=846` or 6.18's
 * `CPU 0 : nr_run=4 flags=0x1 cpu_rel=0 ops_qseq=606 pnt_seq=1595` (the same counter, `ksync`
 * here, is scx_rq.pnt_seq on 6.18).
 */
function sysrqD(text: string) {
  const cpus = new Map<number, { flags: number; ksync: bigint }>();
  const events = new Map<string, bigint>();
  let ops = "";
  for (const line of text.split("\n")) {
    const c =
      /sched_ext_dump: CPU (\d+)\s*: nr_run=\d+ flags=(0x[0-9a-f]+) cpu_rel=\d+ (?:ops_qseq=\d+ )?(?:ksync|pnt_seq)=(\d+)/
        .exec(line);
    if (c) cpus.set(Number(c[1]), { flags: Number(c[2]), ksync: BigInt(c[3]) });
    const e = /sched_ext_dump:\s+(SCX_EV_\w+):\s+(-?\d+)$/.exec(line);
    if (e) events.set(e[1], BigInt(e[2]));
    const o = /sched_ext_dump: (\S+): root$/.exec(line);
    if (o) ops = o[1];
  }
  return { cpus, events, ops };
}

/** `/sys/kernel/sched_ext/root/ops` as the guest read it (sched-ext.txt: `== PATH` then the file). */
function sysfsOps(text: string): string {
  const m = /^== \/sys\/kernel\/sched_ext\/root\/ops\n(.*)$/m.exec(text);
  assert.ok(m, "sched-ext.txt has root/ops");
  return m[1];
}

/**
 * The guest's HZ, from sched/debug's `ktime` (s) and `jiffies`, which starts at
 * INITIAL_JIFFIES = 2^32 - 300 * HZ: jiffies = 2^32 + HZ * (ktime - 300).
 */
function hz(text: string): number {
  const ktime = Number(/^ktime\s+:\s+([\d.]+)$/m.exec(text)![1]) / 1000; // ms → s
  const jiffies = Number(/^jiffies\s+:\s+(\d+)$/m.exec(text)![1]);
  return Math.round((jiffies - 2 ** 32) / (ktime - 300));
}

/** The kernels whose sched_ext is from before 7.1 (the scheduler's values in globals). */
const BEFORE_7_1: Boot["kernel"][] = ["debian-6.18", "debian-6.16"];

/**
 * The rq->scx.flags bits of `kernel` (its enum scx_rq_flags, by name, from its BTF) that are
 * set and cleared inside one scheduling operation (SCX_RQ_CLK_VALID, SCX_RQ_IN_*) or kept from
 * one balance to the next (SCX_RQ_BAL_*: 6.18 kept BAL_KEEP, 0x8, from a balance that kept
 * the running task; a dump once read 0x9 where SysRq-D said 0x1, and 6.16's 0x21: CLK_VALID):
 * a dump and SysRq-D, taken at other moments, may differ in them, and only in them. The rest
 * (ONLINE, CAN_STOP_TICK, BYPASSING) must be equal. And BAL_KEEP's value, where it has one.
 */
function transientFlags(kernel: Boot["kernel"]): { mask: number; balKeep: number } {
  const r = spawnCli(["enum", "scx_rq_flags", "-k", fixture(`.cache/${kernel}.btf`), "--json"]);
  assert.equal(r.code, 0, r.stderr);
  const [e] = JSON.parse(r.stdout).results[0].enums;
  let mask = 0, balKeep = 0;
  for (const { name, value } of e.enumerators as { name: string; value: number }[]) {
    if (/^SCX_RQ_(CLK_VALID|BAL_\w+|IN_\w+)$/.test(name)) mask |= value;
    if (name === "SCX_RQ_BAL_KEEP") balKeep = value;
  }
  return { mask, balKeep };
}

/** The busy loops: pid → the CPU it is pinned to. */
function workload(dir: string): Map<number, number> {
  const out = new Map<number, number>();
  for (const line of view(dir, "before", "workload.txt").split("\n").slice(1)) {
    const [pid, , cpu] = line.trim().split(/\s+/);
    if (pid) out.set(Number(pid), Number(cpu));
  }
  return out;
}

/** `before <= value <= after`, with a message naming `what`. */
function between(before: bigint, value: bigint | number | string, after: bigint, what: string) {
  const v = BigInt(value);
  assert.ok(before <= v && v <= after, `${what}: ${before} <= ${v} <= ${after}`);
}

for (const boot of BOOTS.filter((b) => b.kernel !== "debian-6.1")) {
  Deno.test(`vm ${boot.name}: rq and scx agree with the guest's own view`, async () => {
    const dir = await booted(boot);
    const meta = JSON.parse(Deno.readTextFileSync(`${dir}/meta.json`));
    const rq = read("rq", dir), scx = read("scx", dir);
    assert.equal(rq.source.release, meta.guest_ready.release);
    assert.equal(rq.source.possible_cpus, meta.cpus);
    assert.equal(rq.source.btf, "guest memory");
    assert.equal(rq.source.symbols, "kallsyms in guest memory");
    assert.equal(rq.source.kaslr_offset !== "0x0", meta.kaslr, "KASLR seen as booted");
    const [clk0, clk1] = [
      clocks(view(dir, "before", "sched-debug.txt")),
      clocks(view(dir, "after", "sched-debug.txt")),
    ];
    const [ss0, ss1] = [
      schedstats(view(dir, "before", "schedstat.txt")),
      schedstats(view(dir, "after", "schedstat.txt")),
    ];
    const [st0, st1] = [
      cpuTicks(view(dir, "before", "stat.txt")),
      cpuTicks(view(dir, "after", "stat.txt")),
    ];
    const [d0, d1] = [
      sysrqD(view(dir, "before", "sysrq-d.txt")),
      sysrqD(view(dir, "after", "sysrq-d.txt")),
    ];
    assert.equal(d0.cpus.size, meta.cpus, "SysRq-D's per-CPU lines parsed");
    const transient = transientFlags(boot.kernel);
    assert.ok(d0.events.size > 0 && d1.events.size === d0.events.size, "SysRq-D's counters parsed");
    const loops = workload(dir);
    for (const row of rq.cpus) {
      const cpu = row.cpu;
      between(clk0.get(cpu)!, row.clock, clk1.get(cpu)!, `cpu ${cpu} clock`);
      between(
        ss0.get(cpu)!.run_delay,
        row.schedstat.run_delay,
        ss1.get(cpu)!.run_delay,
        `cpu ${cpu} run_delay`,
      );
      between(
        ss0.get(cpu)!.pcount,
        row.schedstat.pcount,
        ss1.get(cpu)!.pcount,
        `cpu ${cpu} pcount`,
      );
      for (const k of ["user", "system", "softirq"]) {
        between(
          st0.get(cpu)![k],
          BigInt(row.cpustat[k]) / 10_000_000n,
          st1.get(cpu)![k],
          `cpu ${cpu} ${k}`,
        );
      }
      between(
        d0.cpus.get(cpu)!.ksync,
        row.scx.kick_sync,
        d1.cpus.get(cpu)!.ksync,
        `cpu ${cpu} kick_sync`,
      );
      const [before, after] = [d0.cpus.get(cpu)!.flags, d1.cpus.get(cpu)!.flags];
      assert.ok(
        [before & ~transient.mask, after & ~transient.mask].includes(
          row.scx.flags & ~transient.mask,
        ),
        `cpu ${cpu} scx.flags 0x${row.scx.flags.toString(16)} is SysRq-D's (0x${
          before.toString(16)
        }, 0x${after.toString(16)}) but for the transient 0x${transient.mask.toString(16)}`,
      );
      if (row.scx.flags & transient.balKeep) {
        assert.equal(row.curr.class, "ext", `cpu ${cpu}: SCX_RQ_BAL_KEEP keeps an ext task`);
      }
      // The CPU's busy loops never sleep: each is running, or waiting on the CPU's local DSQ
      // (ktstr_min inserts every task there), so the DSQ holds the loops that are not running.
      const mine = [...loops].filter(([, c]) => c === cpu).map(([pid]) => pid);
      const local = scx.dsqs.find((d: { kind: string; cpu: number }) =>
        d.kind === "local" && d.cpu === cpu
      );
      const waiting = local.tasks.map((t: { pid: number }) => t.pid);
      for (const loop of mine) {
        assert.ok(
          row.curr.pid === loop || waiting.includes(loop),
          `cpu ${cpu}: loop ${loop} runs or waits`,
        );
      }
      assert.ok(
        mine.length === 2 && mine.some((pid) => waiting.includes(pid)),
        `cpu ${cpu}: a loop waits`,
      );
      if (mine.includes(row.curr.pid)) {
        assert.deepEqual([row.curr.comm, row.curr.class], ["ktstr-spin", "ext"]);
      }
      assert.equal(local.tasks.length, local.nr, `cpu ${cpu}: the local DSQ's list holds nr tasks`);
      assert.equal(row.scx.local_dsq.nr, local.nr);
    }
    assert.equal(scx.sched.ops, meta.scheduler.ops_name);
    assert.equal(scx.sched.ops, sysfsOps(view(dir, "before", "sched-ext.txt")));
    if (BEFORE_7_1.includes(boot.kernel)) {
      // Their SysRq-D names no scheduler; they have no aborting flag (neither in scx_sched nor
      // as the global scx_aborting) and no per-CPU bypass DSQ: each is null, with why.
      assert.equal(d0.ops, "");
      assert.equal(scx.sched.aborting, null);
      assert.match(
        scx.missing["sched.aborting"],
        /struct 'scx_sched' has no member 'aborting', and no scx_aborting in kallsyms/,
      );
      assert.deepEqual(Object.keys(scx.missing).sort(), ["dsqs.bypass", "sched.aborting"]);
    } else {
      assert.equal(scx.sched.ops, d0.ops);
      assert.equal(scx.sched.aborting, false);
    }
    assert.equal(scx.sched.exit_kind, 0);
    // Read from scx_sched on 7.1+, from the globals scx_bypass_depth and scx_watchdog_timeout
    // before: no bypass, and ktstr_min sets no timeout_ms, so SCX_WATCHDOG_MAX_TIMEOUT (30 s).
    assert.equal(scx.sched.bypass_depth, 0);
    assert.equal(typeof scx.sched.watchdog_timeout, "number");
    assert.ok(scx.sched.watchdog_timeout > 0);
    assert.equal(scx.sched.watchdog_timeout, 30 * hz(view(dir, "before", "sched-debug.txt")));
    const global = scx.dsqs.find((d: { kind: string; node: number }) =>
      d.kind === "global" && d.node === 0
    );
    assert.ok(global, "the global DSQ of node 0");
    assert.equal(global.id, "0x8000000000000001"); // SCX_DSQ_GLOBAL
    assert.equal(global.tasks.length, global.nr);
    for (const [name, before] of d0.events) {
      between(before, scx.sched.events[name], d1.events.get(name)!, name);
    }
    assert.deepEqual(
      scx.dsqs.filter((d: { kind: string }) => d.kind === "local").map((d: { cpu: number }) =>
        d.cpu
      ),
      rq.cpus.map((r: { cpu: number }) => r.cpu),
    );
  });
}

Deno.test("vm debian-6.1-2cpu: a kernel without sched_ext loses the scx parts, with why", async () => {
  const boot = BOOTS.find((b) => b.kernel === "debian-6.1")!;
  const dir = await booted(boot);
  const rq = read("rq", dir);
  assert.match(rq.source.release, /^6\.1\./);
  assert.ok(rq.cpus.every((r: { scx: unknown }) => r.scx === null));
  assert.equal(
    rq.missing.scx,
    "btf: resolve rq.scx.nr_running: btf: struct 'rq' has no member 'scx'",
  );
  const loops = workload(dir), clk0 = clocks(view(dir, "before", "sched-debug.txt"));
  const clk1 = clocks(view(dir, "after", "sched-debug.txt"));
  for (const row of rq.cpus) {
    between(clk0.get(row.cpu)!, row.clock, clk1.get(row.cpu)!, `cpu ${row.cpu} clock`);
    const loop = [...loops].find(([, c]) => c === row.cpu)![0];
    if (row.curr.pid === loop) assert.equal(row.curr.class, "fair");
  }
  const scx = read("scx", dir);
  assert.equal(scx.sched, null);
  assert.match(scx.missing.sched, /^no scx_root in kallsyms in guest memory/);
});

Deno.test("vm: -k with the kernel's own BTF reads the same; another kernel's BTF is one line", async () => {
  const dir = await booted(BOOTS[0]);
  const own = read("rq", dir, ["-k", fixture(".cache/sched-ext.btf")]);
  const found = read("rq", dir);
  assert.deepEqual(own.cpus, found.cpus);
  const other = spawnCli(["rq", `${dir}/dump.elf`, "-k", fixture(".cache/debian-6.1.btf")]);
  assert.equal(other.code, 1);
  assert.equal(other.stdout, "");
  assert.match(
    other.stderr,
    new RegExp(`^ktstr-btf: ${dir}/dump.elf: [^\\n]*(another kernel|does not fit)[^\\n]*\\n$`),
  );
});

/** The top-level `System RAM` ranges of /proc/iomem, as [start, end) by page (kcore's view). */
function systemRam(text: string): [bigint, bigint][] {
  const out: [bigint, bigint][] = [];
  for (const line of text.split("\n")) {
    const m = /^([0-9a-f]+)-([0-9a-f]+) : System RAM$/.exec(line);
    if (m) {
      const start = BigInt(`0x${m[1]}`), end = BigInt(`0x${m[2]}`) + 1n;
      out.push([(start + 0xfffn) & ~0xfffn, end & ~0xfffn]);
    }
  }
  return out;
}

/**
 * The guest's own /proc/kcore (its head as init.sh recorded it: ELF header, program headers,
 * notes) with the dump's memory behind its PT_LOADs that give a physical address: a real
 * kernel's kcore layout (the kernel text first, then vmalloc, modules, the direct map's RAM and
 * vmemmap; the text's pages again inside a RAM segment; file offsets past 2^53 with 5-level
 * paging) over real memory. The reader must find the kernel in it, with the VMCOREINFO of the
 * kcore's note, and read the same run queues and DSQs as from the dump.
 */
for (const boot of BOOTS.filter((b) => b.kernel === "sched-ext")) {
  Deno.test(`vm ${boot.name}: the guest's /proc/kcore layout over the dump reads as the dump`, async () => {
    const dir = await booted(boot);
    const meta = JSON.parse(Deno.readTextFileSync(`${dir}/meta.json`));
    const head = kcoreHeadBytes(view(dir, "before", "kcore-head.txt"));
    const { phdrs, notes } = kcoreLayout(head);
    const loads = phdrs.filter((p) => p.type === 1);
    // What the kernel lays out: notes, then the text, vmalloc, modules, RAM and vmemmap.
    assert.deepEqual(notes.map((n) => n.name), ["CORE", "CORE", "CORE", "VMCOREINFO"]);
    const info = new TextDecoder().decode(notes.find((n) => n.name === "VMCOREINFO")!.desc);
    assert.match(
      info,
      new RegExp(`^OSRELEASE=${meta.guest_ready.release.replaceAll("+", "\\+")}$`, "m"),
    );
    const textVa = BigInt(
      `0x${/^([0-9a-f]+) T _text$/m.exec(view(dir, "before", "kallsyms.txt"))![1]}`,
    );
    const text = loads.find((p) => p.vaddr === textVa);
    assert.ok(text && text.paddr !== null, "the kernel text's PT_LOAD, with its physical address");
    const ram = loads.filter((p) => p !== text && p.paddr !== null);
    assert.deepEqual(
      ram.map((p) => [p.paddr!, p.paddr! + p.memsz]),
      systemRam(view(dir, "before", "iomem.txt")),
      "one PT_LOAD per System RAM range",
    );
    assert.ok(
      ram.some((p) => p.paddr! <= text.paddr! && text.paddr! + text.memsz <= p.paddr! + p.memsz),
      "the text's pages are inside a RAM segment too",
    );
    assert.ok(loads.some((p) => p.paddr === null), "vmalloc, modules, vmemmap: no p_paddr");

    const dump = openMapped(`${dir}/dump.elf`);
    try {
      const fromDump = openMemoryImage(dump.src);
      const image = openMemoryImage(kcoreSource(head, fromDump.memory));
      assert.equal(image.kind, "elf-core");
      const kernel = findKernel(image), expected = findKernel(fromDump);
      assert.equal(kernel.vmcoreinfoFrom, "note");
      assert.equal(kernel.kaslrOffset, expected.kaslrOffset);
      assert.deepEqual(kernel.cpus, expected.cpus);
      assert.deepEqual(readRunQueues(kernel), readRunQueues(expected));
      assert.deepEqual(readScx(kernel), readScx(expected));
    } finally {
      dump.close();
    }
  });
}
