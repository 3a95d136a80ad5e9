/**
 * `rq --watch` and `scx --watch` (guest/watch.ts, cli/watch.ts, report/watch.ts).
 *
 * On synthetic guests (tests/guest_builder.ts): a watch's sample reads what the one-shot
 * readers read; torn reads (a value that changes between reads, a wild `curr`, an unprintable
 * comm, a DSQ list rewritten under the walk) give unstable rows or notes, never exceptions;
 * stalls and DSQ depths are flagged; the CLI writes one JSON object per sample per line, or a
 * screen redrawn in place on a terminal (a pty from script(1)), and ends cleanly on SIGINT;
 * 64 CPUs are read at well over 50 samples/s.
 *
 * The proof on a real guest: tests/vm/live.sh boots Debian's sched_ext kernel under QEMU with
 * its RAM in a shared file and keeps it running; `rq --watch --json` and `scx --watch --json`
 * watch the file while the guest's command port stops and starts busy loops on CPU 1, and the
 * samples follow: nr_running, scx.nr_running, curr and the local DSQ per CPU, clocks moving on
 * busy CPUs. Then QMP `stop` freezes the guest, and the busy CPU is flagged stalled after the
 * stall rule's samples while the idle one is not; `cont` clears it. The transcripts are kept
 * in testdata/.cache/vm/runs/watch-live/.
 * @module
 */
import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import { memorySource } from "../btf/elf.ts";
import { main } from "../cli.ts";
import type { WatchIo } from "../cli/watch.ts";
import { openMemoryImage } from "../guest/image.ts";
import { findKernel, type GuestKernel } from "../guest/kernel.ts";
import type { PhysicalMemory } from "../guest/physical.ts";
import { readRunQueues } from "../guest/rq.ts";
import { readScx } from "../guest/scx.ts";
import {
  type LiveRqRow,
  RqWatch,
  type RqWatchSample,
  ScxWatch,
  type ScxWatchSample,
  StallTracker,
  type UnstableRqRow,
} from "../guest/watch.ts";
import { openSource } from "../load/file.ts";
import { buildGuest, elfCore, type GuestBuild, type GuestOptions } from "./guest_builder.ts";
import { CLI, fixture, tempDir } from "./helpers.ts";

/** A synthetic guest and the kernel found in it. */
function guest(opts: GuestOptions = {}): { build: GuestBuild; kernel: GuestKernel } {
  const build = buildGuest(opts);
  const kernel = findKernel(openMemoryImage(memorySource(build.ram)));
  return { build, kernel };
}

/** Physical memory over `ram` whose reads `tamper` may change (a guest writing meanwhile). */
function racing(
  ram: Uint8Array,
  tamper: (addr: number, bytes: Uint8Array) => void,
): PhysicalMemory & { reads: number } {
  const base = openMemoryImage(memorySource(ram)).memory;
  const mem = {
    reads: 0,
    ranges: base.ranges,
    read(addr: number, length: number): Uint8Array {
      mem.reads++;
      const bytes = base.read(addr, length).slice();
      tamper(addr, bytes);
      return bytes;
    },
    readInto(addr: number, dest: Uint8Array): void {
      dest.set(mem.read(addr, dest.length));
    },
  };
  return mem;
}

/** Writes `value` (8 bytes, little-endian) over guest physical `at` if the read covers it. */
function over(addr: number, bytes: Uint8Array, at: number, value: bigint): void {
  if (at < addr || at + 8 > addr + bytes.length) return;
  new DataView(bytes.buffer, bytes.byteOffset).setBigUint64(at - addr, value, true);
}

const FLAGS = ["unstable", "stalled", "dsq_over_bound", "over_bound"];

/** `o` without the watch's own flags. */
function bare<T extends object>(o: T): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).filter(([k]) => !FLAGS.includes(k)));
}

const VARIANTS: GuestOptions[] = [
  {},
  { levels: 5 },
  { kaslr: true },
  { kaslr: true, levels: 5, pages: "4k" },
  { pages: "1g" },
  { encoding: "absolute-percpu" },
  { scx: "unloaded" },
  { scx: "absent" },
  { cursor: true },
  { cyclic: true },
  { longList: 100 },
  { btf: "era_6_16.btf" },
  { btf: "era_6_18.btf" },
];

Deno.test("watch: a sample of a still image reads what rq and scx read", () => {
  for (const opts of VARIANTS) {
    const { build, kernel } = guest(opts);
    const memory = openMemoryImage(memorySource(build.ram)).memory;
    const what = JSON.stringify(opts);
    const rq = new RqWatch(kernel, memory).sample(0), once = readRunQueues(kernel);
    assert.deepEqual(rq.cpus.map(bare), once.cpus, `${what}: rows`);
    assert.deepEqual(rq.missing, once.missing, `${what}: missing`);
    assert.ok(rq.cpus.every((r) => !r.unstable && !r.stalled), what);
    const scx = new ScxWatch(kernel, memory).sample(0), scxOnce = readScx(kernel);
    assert.deepEqual(scx.dsqs.map(bare), scxOnce.dsqs, `${what}: dsqs`);
    assert.deepEqual(scx.runnable.map(bare), scxOnce.runnable, `${what}: runnable lists`);
    assert.deepEqual(scx.sched && bare(scx.sched), scxOnce.sched, `${what}: sched`);
    assert.deepEqual(scx.missing, scxOnce.missing, `${what}: missing`);
    assert.deepEqual(scx.cpus.map((c) => c.nr_running), once.cpus.map((r) => r.nr_running));
  }
});

Deno.test("watch: an ELF core (a vmcore's or /proc/kcore's shape, its VMCOREINFO in a note)", () => {
  for (const opts of [{}, { kaslr: true, levels: 5 as const }]) {
    const build = buildGuest(opts);
    const image = openMemoryImage(memorySource(elfCore(build.ram, { note: build.vmcoreinfo })));
    assert.equal(image.kind, "elf-core");
    const kernel = findKernel(image);
    assert.equal(kernel.vmcoreinfoFrom, "note");
    assert.deepEqual(
      new RqWatch(kernel, image.memory).sample(0).cpus.map(bare),
      readRunQueues(kernel).cpus,
    );
    assert.deepEqual(
      new ScxWatch(kernel, image.memory).sample(0).dsqs.map(bare),
      readScx(kernel).dsqs,
    );
  }
});

Deno.test("watch: a sample reads each CPU's row twice, a few preads each, no discovery", () => {
  const { build, kernel } = guest();
  const w = new RqWatch(kernel, openMemoryImage(memorySource(build.ram)).memory);
  w.sample(0);
  const before = w.live.physicalReads;
  w.sample(1);
  const perCpu = (w.live.physicalReads - before) / kernel.cpus.length;
  // rq (nr_running; curr, clock, cpu, scx; the schedstats), curr (one span), cpustat: twice.
  assert.ok(perCpu <= 12, `${perCpu} reads per CPU`);
  assert.equal(w.live.directMap, build.layout.directMap, "the direct map's base, found");
});

Deno.test("watch: a real guest's still images, where the suite's runs are cached", async (t) => {
  const runs = fixture(".cache/vm/runs");
  let dirs: string[] = [];
  try {
    dirs = [...Deno.readDirSync(runs)].filter((e) => e.isDirectory).map((e) => e.name).sort();
  } catch {
    // not booted yet (tests/vm_test.ts makes them)
  }
  for (const dir of dirs) {
    const file = ["ram.bin", "dump.elf"].map((f) => `${runs}/${dir}/${f}`)
      .find((f) => {
        try {
          return Deno.statSync(f).isFile;
        } catch {
          return false;
        }
      });
    if (!file || !/^(sched-ext|debian)-/.test(dir)) continue;
    await t.step(dir, () => {
      const opened = openSource(file);
      try {
        const image = openMemoryImage(opened.src);
        const kernel = findKernel(image);
        const rq = new RqWatch(kernel, image.memory).sample(0);
        assert.deepEqual(rq.cpus.map(bare), readRunQueues(kernel).cpus);
        const scx = new ScxWatch(kernel, image.memory).sample(0), once = readScx(kernel);
        assert.deepEqual(scx.dsqs.map(bare), once.dsqs);
        assert.deepEqual(scx.runnable.map(bare), once.runnable);
      } finally {
        opened.close();
      }
    });
  }
});

Deno.test("watch: a row that changes between every read is unstable, never shown as real", () => {
  const { build, kernel } = guest();
  const clockAt = build.layout.runqueues[0] + kernel.view.field("rq.clock").offset;
  let tick = 0n;
  const mem = racing(build.ram, (addr, bytes) => over(addr, bytes, clockAt, 1000n + tick++));
  const s = new RqWatch(kernel, mem).sample(0);
  const row = s.cpus[0] as UnstableRqRow;
  assert.equal(row.unstable, true);
  assert.equal(row.reason, "its values changed between 4 reads");
  assert.deepEqual([row.nr_running, row.clock, row.curr, row.scx], [null, null, null, null]);
  assert.ok(s.cpus.slice(1).every((r) => !r.unstable), "the other CPUs read well");
});

Deno.test("watch: a row torn once is read again until two reads agree", () => {
  const { build, kernel } = guest();
  const clockAt = build.layout.runqueues[0] + kernel.view.field("rq.clock").offset;
  let torn = 2;
  const mem = racing(build.ram, (addr, bytes) => {
    if (clockAt >= addr && clockAt + 8 <= addr + bytes.length && torn-- > 0) {
      over(addr, bytes, clockAt, 0xdeadn + BigInt(torn));
    }
  });
  const row = new RqWatch(kernel, mem).sample(0).cpus[0] as LiveRqRow;
  assert.equal(row.unstable, false);
  assert.equal(row.clock, build.expected.rq.cpus[0].clock);
});

Deno.test("watch: a wild curr pointer and an unprintable comm make the row unstable", () => {
  const { build, kernel } = guest();
  const currAt = build.layout.runqueues[1] + kernel.view.field("rq.curr").offset;
  const wild = racing(build.ram, (addr, bytes) => over(addr, bytes, currAt, 0x4141414141414141n));
  const row = new RqWatch(kernel, wild).sample(0).cpus[1] as UnstableRqRow;
  assert.equal(row.unstable, true);
  assert.equal(
    row.reason,
    "curr 0x4141414141414141 is neither in the direct map nor in the kernel image",
  );
  // The current task of CPU 0, its comm with a control character in it.
  const ram = build.ram.slice();
  const curr = new DataView(ram.buffer).getBigUint64(
    build.layout.runqueues[0] +
      kernel.view.field("rq.curr").offset,
    true,
  );
  ram[Number(curr - build.layout.directMap) + kernel.view.field("task_struct.comm").offset + 1] =
    0x1b;
  const tk = findKernel(openMemoryImage(memorySource(ram)));
  const r = new RqWatch(tk, openMemoryImage(memorySource(ram)).memory).sample(0).cpus[0];
  assert.deepEqual([r.unstable, (r as UnstableRqRow).reason], [
    true,
    "curr's comm is not printable",
  ]);
});

Deno.test("watch: a DSQ list rewritten under the walk ends unstable or with a note, never throws", () => {
  const { build, kernel } = guest();
  const { view } = kernel;
  const rq0 = build.layout.runqueues[0];
  const head = rq0 + view.field("rq.scx.local_dsq").offset +
    view.field("scx_dispatch_q.list").offset;
  const first = new DataView(build.ram.buffer).getBigUint64(head, true);
  const firstNext = Number(first - build.layout.directMap);
  // Every other read of the first node's next pointer sees it unlinked (list_del's poison).
  let flip = 0;
  const mem = racing(build.ram, (addr, bytes) => {
    if (addr === firstNext && flip++ % 2 === 0) {
      over(addr, bytes, firstNext, 0xdead000000000100n);
    }
  });
  const s = new ScxWatch(kernel, mem).sample(0);
  const local0 = s.dsqs.find((d) => d.kind === "local" && d.cpu === 0)!;
  assert.equal(local0.unstable, true);
  assert.equal(local0.nr, null);
  assert.deepEqual(local0.tasks, []);
  assert.match(local0.note!, /changed between|out of the kernel's ranges/);
  // Poisoned for good: two walks agree on where it broke, and say so.
  const broken = racing(
    build.ram,
    (addr, bytes) => over(addr, bytes, firstNext, 0xdead000000000100n),
  );
  const b = new ScxWatch(kernel, broken).sample(0).dsqs.find((d) =>
    d.kind === "local" && d.cpu === 0
  )!;
  assert.equal(b.unstable, false);
  assert.equal(b.tasks.length, 1);
  assert.equal(b.note, "a list pointer 0xdead000000000100 is out of the kernel's ranges");
  // A list that loops (a corrupt one) ends with the loop's note, as scx says it.
  const { build: cyc, kernel: ck } = guest({ cyclic: true });
  const c = new ScxWatch(ck, openMemoryImage(memorySource(cyc.ram)).memory).sample(0);
  assert.match(c.dsqs[0].note!, /^the list loops at 0x/);
});

Deno.test("watch: the stall rule: runnable tasks, an unmoved clock for N samples and 100 ms", () => {
  const s = new StallTracker(3, 100);
  const seen = [0, 50, 100, 150, 200].map((t) => s.update(0, t, 1, 42).stalled);
  assert.deepEqual(seen, [false, false, false, true, true]);
  assert.equal(s.update(0, 250, 1, 43).stalled, false, "the clock moved");
  const idle = new StallTracker(3, 100);
  assert.ok([0, 100, 200, 300, 400].every((t) => !idle.update(1, t, 0, 7).stalled), "idle");
  // Sampled fast: three unmoved samples within a tick are not a stall.
  const fast = new StallTracker(3, 100);
  assert.ok([0, 1, 2, 3, 4, 5].every((t) => !fast.update(2, t, 2, 9).stalled));
  assert.equal(fast.update(2, 120, 2, 9).stalled, true);
});

Deno.test("watch: a still image's busy CPUs stall after N samples; deep DSQs are flagged", () => {
  const { build, kernel } = guest({ longList: 30 });
  const memory = openMemoryImage(memorySource(build.ram)).memory;
  const w = new RqWatch(kernel, memory, { stallSamples: 2 });
  const samples = [0, 100, 200].map((t) => w.sample(t));
  const busy = build.expected.rq.cpus.filter((r) => r.nr_running > 0).map((r) => r.cpu);
  const stalled = (s: RqWatchSample) => s.cpus.filter((r) => r.stalled).map((r) => r.cpu);
  assert.deepEqual([stalled(samples[0]), stalled(samples[1])], [[], []]);
  assert.deepEqual(stalled(samples[2]), busy);
  assert.deepEqual(samples[2].alerts.map((a) => a.kind === "stall" && a.cpu), busy);
  const x = new ScxWatch(kernel, memory, { dsqBound: 20 }).sample(0);
  const deep = x.dsqs.filter((d) => d.over_bound);
  assert.deepEqual(deep.map((d) => d.kind), ["global"]);
  assert.ok(x.alerts.some((a) => a.kind === "dsq_depth" && a.dsq_kind === "global"));
});

/** The CLI in this process, with a terminal or not. */
async function cli(args: string[], io: Partial<WatchIo> = {}) {
  let stdout = "", stderr = "";
  const code = await main(args, {
    out: (t) => void (stdout += t),
    err: (t) => void (stderr += t),
    color: false,
    terminal: false,
    ...io,
  } as WatchIo);
  return { code, stdout, stderr };
}

Deno.test("watch CLI: one JSON object per sample per line; usage errors", async () => {
  using dir = tempDir();
  const file = `${dir.path}/guest.ram`;
  Deno.writeFileSync(file, buildGuest().ram);
  const rq = await cli(["rq", file, "--watch", "--interval", "0", "--count", "5"]);
  assert.equal(rq.stderr, "");
  assert.equal(rq.code, 0);
  const lines = rq.stdout.trimEnd().split("\n").map((l) => JSON.parse(l));
  assert.deepEqual(lines.map((l) => l.sample), [0, 1, 2, 3, 4]);
  for (const l of lines) {
    assert.equal(typeof l.t, "number");
    assert.ok(Math.abs(l.t - Date.now()) < 60_000);
    assert.equal(l.source.path, file);
    assert.deepEqual(Object.keys(l.cpus[0]).slice(0, 7), [
      "cpu",
      "nr_running",
      "clock",
      "curr",
      "scx",
      "schedstat",
      "cpustat",
    ]);
  }
  const one = await cli(["rq", file, "--watch", "--count", "1", "--json", "--cpu", "1"]);
  assert.deepEqual(JSON.parse(one.stdout).cpus.map((r: { cpu: number }) => r.cpu), [1]);
  const scx = await cli(["scx", file, "--watch", "--count", "2", "--interval", "0.01"]);
  const s = scx.stdout.trimEnd().split("\n").map((l) => JSON.parse(l));
  assert.equal(s.length, 2);
  assert.equal(s[1].sched.ops, "ktstr_synth");
  assert.ok(s[1].dsqs.length > 0 && s[1].cpus.length === 3);
  for (
    const [args, message] of [
      [["--interval", "1"], "--interval needs --watch"],
      [["--watch", "--count", "0"], "--count takes a whole number of at least 1, not '0'"],
      [["--watch", "--interval", "-1"], "--interval takes seconds (0 to 86400), not '-1'"],
      [["--watch", "--stall-samples", "x"], "--stall-samples takes a whole number"],
    ] as const
  ) {
    const r = await cli(["rq", file, ...args]);
    assert.equal(r.code, 2, args.join(" "));
    assert.ok(r.stderr.includes(message), r.stderr);
  }
  const stdin = await cli(["rq", "-", "--watch"]);
  assert.equal(stdin.code, 2);
  assert.match(stdin.stderr, /--watch reads memory the guest is still writing/);
});

Deno.test("watch CLI: on a terminal, a screen redrawn in place, stalls in red", async () => {
  using dir = tempDir();
  const file = `${dir.path}/guest.ram`;
  Deno.writeFileSync(file, buildGuest().ram);
  const r = await cli(
    ["rq", file, "--watch", "--interval", "0.05", "--count", "5", "--stall-samples", "2"],
    { terminal: true, color: true, size: () => ({ columns: 150, rows: 40 }) },
  );
  assert.equal(r.code, 0, r.stderr);
  assert.ok(r.stdout.startsWith("\x1b[?25l\x1b[2J"), "cursor hidden, screen cleared");
  assert.ok(r.stdout.endsWith("\x1b[?25h\n"), "cursor shown again");
  const frames = r.stdout.split("\x1b[H").slice(1);
  assert.equal(frames.length, 5);
  assert.ok(frames.every((f) => f.includes("\x1b[J")), "each frame clears the rest");
  assert.doesNotMatch(frames[0], /STALL/);
  const RED = "\x1b[1;31m";
  const row0 = frames[4].split("\n").find((l) => l.startsWith(`${RED}0 `));
  assert.match(row0 ?? "", /^.{7}0 +3 +5000000000123 +0\.0 +2000 worker-0 \(ext\).*STALLED/);
  assert.ok(frames[4].includes(`${RED}STALL  cpu 0: nr_running 3`));
  // NO_COLOR (color false): the same words, no colour.
  const plain = await cli(["rq", file, "--watch", "--count", "1", "--interval", "0"], {
    terminal: true,
    size: () => ({ columns: 80, rows: 8 }),
  });
  assert.ok(!plain.stdout.includes(RED));
  assert.match(plain.stdout, /… \d+ more lines/);
});

/** Lines of a child's output stream, as they come. */
async function* linesOf(stream: ReadableStream<Uint8Array>): AsyncGenerator<string> {
  const decoder = new TextDecoder();
  let buf = "";
  for await (const chunk of stream) {
    buf += decoder.decode(chunk, { stream: true });
    let nl;
    while ((nl = buf.indexOf("\n")) >= 0) {
      yield buf.slice(0, nl);
      buf = buf.slice(nl + 1);
    }
  }
  if (buf) yield buf;
}

/** A promise that rejects after `ms` with `what`, and its cancel. */
function deadline(ms: number, what: string): { promise: Promise<never>; cancel(): void } {
  let id: ReturnType<typeof setTimeout> | undefined;
  const promise = new Promise<never>((_, reject) => {
    id = setTimeout(() => reject(new Error(`timed out after ${ms} ms: ${what}`)), ms);
  });
  return { promise, cancel: () => clearTimeout(id) };
}

Deno.test("watch CLI: SIGINT ends a watch cleanly (exit 0), on a pipe and on a terminal", async () => {
  using dir = tempDir();
  const file = `${dir.path}/guest.ram`;
  Deno.writeFileSync(file, buildGuest().ram);
  const child = new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", CLI, "rq", file, "--watch", "--interval", "0.02"],
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  const lines: string[] = [];
  const reader = (async () => {
    for await (const line of linesOf(child.stdout)) lines.push(line);
  })();
  const limit = deadline(30_000, "the watch's first samples");
  try {
    await Promise.race([
      (async () => {
        while (lines.length < 5) await new Promise((r) => setTimeout(r, 20));
      })(),
      limit.promise,
    ]);
  } finally {
    limit.cancel();
  }
  child.kill("SIGINT");
  const status = await child.status;
  await reader;
  const stderr = await new Response(child.stderr).text();
  assert.equal(status.code, 0, stderr);
  assert.equal(stderr, "");
  assert.ok(lines.every((l) => JSON.parse(l).cpus.length === 3), "every line whole");
  // A terminal: script(1) gives the watch a pty; ^C on it is SIGINT to the watch.
  const script = new Deno.Command("script", {
    args: [
      "-qfec",
      `stty cols 120 rows 30; exec ${Deno.execPath()} run -A ${CLI} rq ${file} --watch --interval 0.05`,
      "/dev/null",
    ],
    stdin: "piped",
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  let screen = "";
  const screenDone = (async () => {
    for await (const chunk of script.stdout) screen += new TextDecoder().decode(chunk);
  })();
  const writer = script.stdin.getWriter();
  const limit2 = deadline(30_000, "the watch's screen");
  try {
    await Promise.race([
      (async () => {
        while (screen.split("\x1b[H").length < 4) {
          await new Promise((r) => setTimeout(r, 20));
        }
      })(),
      limit2.promise,
    ]);
  } finally {
    limit2.cancel();
  }
  await writer.write(new Uint8Array([3])); // ^C
  await writer.close();
  const st = await script.status;
  await screenDone;
  await script.stderr.cancel();
  assert.equal(st.code, 0, screen.slice(-500));
  assert.ok(screen.includes("\x1b[?25l"), "the cursor was hidden");
  assert.ok(screen.trimEnd().endsWith("\x1b[?25h"), "and shown again at the end");
  assert.match(screen, /ktstr-btf rq --watch · sample \d+ · every 0\.05 s/);
});

Deno.test("watch: 64 CPUs through a file at well over 50 samples/s", async () => {
  using dir = tempDir();
  const file = `${dir.path}/guest64.ram`;
  Deno.writeFileSync(
    file,
    buildGuest({ cpus: Array.from({ length: 64 }, (_, i) => i), ramMiB: 32 }).ram,
  );
  const out = await new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", CLI, "rq", file, "--watch", "--interval", "0", "--count", "200"],
    stdout: "piped",
    stderr: "piped",
  }).output();
  assert.equal(out.code, 0, new TextDecoder().decode(out.stderr));
  const ts = new TextDecoder().decode(out.stdout).trimEnd().split("\n").map((l) => {
    const s = JSON.parse(l);
    assert.equal(s.cpus.length, 64);
    assert.ok(s.cpus.every((r: { unstable: boolean }) => !r.unstable));
    return s.t as number;
  });
  const rate = (ts.length - 1) * 1000 / (ts.at(-1)! - ts[0]);
  console.log(`64 CPUs: ${rate.toFixed(0)} samples/s (rq --watch --json --interval 0)`);
  assert.ok(rate >= 50, `${rate} samples/s`);
});

// ---- the proof on a running guest ---------------------------------------------------------

const LIVE = fileURLToPath(new URL("./vm/live.sh", import.meta.url));
const KEEP = fixture(".cache/vm/runs/watch-live");

/** A watch's samples as they arrive, and its process. */
interface Watcher<T> {
  samples: T[];
  child: Deno.ChildProcess;
  done: Promise<void>;
  stderr: Promise<string>;
}

function startWatch<T>(command: "rq" | "scx", ram: string, interval: string): Watcher<T> {
  const child = new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", CLI, command, ram, "--watch", "--json", "--interval", interval],
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  const samples: T[] = [];
  const done = (async () => {
    for await (const line of linesOf(child.stdout)) samples.push(JSON.parse(line));
  })();
  return { samples, child, done, stderr: new Response(child.stderr).text() };
}

/** The guest under tests/vm/live.sh: its answers to commands, line by line. */
class LiveGuest {
  readonly child: Deno.ChildProcess;
  readonly #lines: AsyncGenerator<string>;
  readonly #writer: WritableStreamDefaultWriter<Uint8Array>;
  readonly log: string[] = [];
  qemuPid = 0;

  constructor(ram: string, logs: string) {
    this.child = new Deno.Command("bash", {
      args: [LIVE, "--ram-file", ram, "--cpus", "2", "--log-dir", logs, "--max-seconds", "300"],
      stdin: "piped",
      stdout: "piped",
      stderr: "inherit",
    }).spawn();
    this.#lines = linesOf(this.child.stdout);
    this.#writer = this.child.stdin.getWriter();
  }

  async line(ms: number, what: string): Promise<string> {
    const limit = deadline(ms, what);
    try {
      const next = await Promise.race([this.#lines.next(), limit.promise]);
      if (next.done) throw new Error(`live.sh ended while waiting for ${what}`);
      this.log.push(`${new Date().toISOString()} < ${next.value}`);
      return next.value;
    } finally {
      limit.cancel();
    }
  }

  async ready(): Promise<Record<string, unknown>> {
    const line = await this.line(240_000, "the guest's READY");
    assert.match(line, /^READY /, line);
    const ready = JSON.parse(line.slice("READY ".length));
    this.qemuPid = ready.qemu_pid;
    return ready;
  }

  /** Sends `cmd`; returns when its answer came (its time, ms since the epoch). */
  async send(cmd: string): Promise<number> {
    this.log.push(`${new Date().toISOString()} > ${cmd}`);
    await this.#writer.write(new TextEncoder().encode(cmd + "\n"));
    const answer = await this.line(60_000, cmd);
    assert.match(answer, new RegExp(`^OK ${cmd.split(" ")[0]}`), answer);
    return Date.now();
  }

  async quit(): Promise<void> {
    try {
      await this.send("quit");
      await this.#writer.close();
    } catch {
      // already gone
    }
    const limit = deadline(30_000, "live.sh to end");
    try {
      await Promise.race([this.child.status, limit.promise]);
    } catch {
      this.child.kill("SIGKILL");
    } finally {
      limit.cancel();
    }
    // QEMU dies with live.py; make sure of it.
    if (this.qemuPid > 0) {
      try {
        const comm = Deno.readTextFileSync(`/proc/${this.qemuPid}/comm`);
        if (comm.startsWith("qemu")) Deno.kill(this.qemuPid, "SIGKILL");
      } catch {
        // gone
      }
    }
  }
}

type RqLine = RqWatchSample & { t: number; sample: number };
type ScxLine = ScxWatchSample & { t: number; sample: number };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The stable rows of `cpu` in samples between `from` and `to`. */
function rowsOf(samples: RqLine[], cpu: number, from: number, to: number): LiveRqRow[] {
  return samples.filter((s) => s.t >= from && s.t <= to)
    .map((s) => s.cpus.find((r) => r.cpu === cpu)!)
    .filter((r): r is LiveRqRow => !r.unstable);
}

/** The share of `rows` for which `ok` holds. */
function share<T>(rows: T[], ok: (r: T) => boolean): number {
  return rows.length === 0 ? 0 : rows.filter(ok).length / rows.length;
}

/**
 * A live guest, booted and ready. A TCG boot of this kernel once died on an int3 while the
 * kernel patched its own text (`Oops: int3` in sched_clock_cpu, on a host busy with a second
 * CI run): a boot that fails so is tried once more; any other failure is the test's.
 */
async function bootLive(
  ram: string,
  logs: string,
): Promise<{ live: LiveGuest; ready: Record<string, unknown> }> {
  for (let attempt = 1;; attempt++) {
    const live = new LiveGuest(ram, logs);
    try {
      return { live, ready: await live.ready() };
    } catch (err) {
      await live.quit();
      const bootFailed = err instanceof Error && err.message.includes("FAILED boot");
      if (!bootFailed || attempt === 2) throw err;
    }
  }
}

Deno.test({
  name: "watch a running guest: the samples follow its workload; a frozen guest stalls",
  sanitizeOps: false,
  sanitizeResources: false,
  async fn() {
    const started = Date.now();
    const shm = Deno.makeTempDirSync({ dir: "/dev/shm", prefix: "ktstr-watch-" });
    const ram = `${shm}/guest.ram`;
    Deno.mkdirSync(KEEP, { recursive: true });
    const logs = `${KEEP}/logs`;
    const { live, ready } = await bootLive(ram, logs);
    let rq: Watcher<RqLine> | null = null, scx: Watcher<ScxLine> | null = null;
    const phases: Record<string, [number, number]> = {};
    try {
      assert.equal(ready.sched_ext, "enabled");
      rq = startWatch<RqLine>("rq", ram, "0.1");
      scx = startWatch<ScxLine>("scx", ram, "0.25");
      const first = deadline(60_000, "the watches' first samples");
      try {
        await Promise.race([
          (async () => {
            while (rq!.samples.length < 1 || scx!.samples.length < 1) await sleep(50);
          })(),
          first.promise,
        ]);
      } finally {
        first.cancel();
      }
      const phase = async (name: string, ms: number) => {
        const from = Date.now() + 600; // the change settles
        await sleep(ms);
        phases[name] = [from, Date.now()];
      };
      // A: one busy loop per CPU (as booted).
      await phase("both busy", 2500);
      await live.send("spin-stop 1");
      await phase("cpu 1 idle", 2500);
      await live.send("spin-start 1");
      await live.send("spin-start 1");
      await phase("cpu 1 two loops", 2500);
      await live.send("spin-stop 1");
      await phase("cpu 1 idle again", 2500);
      const stopped = await live.send("stop");
      await sleep(2000);
      phases["frozen"] = [stopped, Date.now()];
      const resumed = await live.send("cont");
      await sleep(2000);
      phases["resumed"] = [resumed + 700, Date.now()];
      for (const w of [rq, scx]) w.child.kill("SIGINT");
      const [rqStatus, scxStatus] = await Promise.all([rq.child.status, scx.child.status]);
      await Promise.all([rq.done, scx.done]);
      const errs = await Promise.all([rq.stderr, scx.stderr]);
      assert.deepEqual([rqStatus.code, scxStatus.code, ...errs], [0, 0, "", ""], "SIGINT: exit 0");
    } finally {
      for (const w of [rq, scx]) {
        try {
          w?.child.kill("SIGKILL");
        } catch {
          // ended
        }
      }
      await live.quit();
      Deno.removeSync(shm, { recursive: true });
    }
    const R = rq!.samples, X = scx!.samples;
    Deno.writeTextFileSync(`${KEEP}/rq.jsonl`, R.map((s) => JSON.stringify(s)).join("\n") + "\n");
    Deno.writeTextFileSync(`${KEEP}/scx.jsonl`, X.map((s) => JSON.stringify(s)).join("\n") + "\n");
    Deno.writeTextFileSync(
      `${KEEP}/phases.json`,
      JSON.stringify({ phases, log: live.log }, null, 2),
    );

    const report: string[] = [];
    const busy = (r: LiveRqRow) =>
      r.nr_running >= 1 && r.scx !== null && r.scx.nr_running >= 1 &&
      r.curr.comm === "ktstr-spin";
    // Idle of the workload: no busy loop runs or waits there. The guest's own kernel threads
    // (kworkers, RCU) still wake now and then on a freshly booted guest, one at a time.
    const idle = (r: LiveRqRow) => r.curr.comm !== "ktstr-spin" && r.nr_running <= 1;
    const check = (name: string, cpu: number, what: string, ok: (r: LiveRqRow) => boolean) => {
      const rows = rowsOf(R, cpu, ...phases[name]);
      const part = share(rows, ok);
      report.push(`${name}: cpu ${cpu} ${what}: ${(part * 100).toFixed(0)}% of ${rows.length}`);
      assert.ok(rows.length >= 8, `${name}: ${rows.length} samples of cpu ${cpu}`);
      assert.ok(part >= 0.8, `${name}: cpu ${cpu} ${what} in ${(part * 100).toFixed(0)}%`);
      return rows;
    };
    for (const cpu of [0, 1]) check("both busy", cpu, "runs its loop", busy);
    check("cpu 1 idle", 0, "runs its loop", busy);
    check("cpu 1 idle", 1, "is idle", idle);
    check("cpu 1 two loops", 0, "runs its loop", busy);
    check(
      "cpu 1 two loops",
      1,
      "has both loops runnable",
      (r) => r.nr_running >= 2 && r.scx!.nr_running >= 2 && r.scx!.local_dsq.nr >= 1,
    );
    check("cpu 1 idle again", 1, "is idle", idle);
    // The busy CPUs' clocks move: every two samples 300 ms apart, the later clock is later.
    for (const [name, cpus] of [["both busy", [0, 1]], ["cpu 1 two loops", [0, 1]]] as const) {
      for (const cpu of cpus) {
        const rows = R.filter((s) => s.t >= phases[name][0] && s.t <= phases[name][1]);
        let pairs = 0;
        for (let i = 0; i < rows.length; i++) {
          const j = rows.findIndex((s) => s.t >= rows[i].t + 300);
          if (j < 0) break;
          const [a, b] = [rows[i], rows[j]].map((s) => s.cpus.find((r) => r.cpu === cpu)!);
          if (a.unstable || b.unstable) continue;
          assert.ok(BigInt(b.clock) > BigInt(a.clock), `${name}: cpu ${cpu} clock moves`);
          pairs++;
        }
        assert.ok(pairs >= 5, `${name}: ${pairs} clock pairs`);
        assert.ok(
          rowsOf(R, cpu, ...phases[name]).every((r) => !r.stalled),
          `${name}: cpu ${cpu} never stalled`,
        );
      }
    }
    // scx --watch: CPU 1's local DSQ holds the loop that waits while the other runs.
    const waits = X.filter((s) =>
      s.t >= phases["cpu 1 two loops"][0] && s.t <= phases["cpu 1 two loops"][1]
    ).map((s) => s.dsqs.find((d) => d.kind === "local" && d.cpu === 1)!).filter((d) => !d.unstable);
    const waiting = share(waits, (d) => d.tasks.some((t) => t.comm === "ktstr-spin"));
    report.push(
      `cpu 1 two loops: a ktstr-spin on cpu 1's local DSQ in ${
        (waiting * 100).toFixed(0)
      }% of ${waits.length} scx samples`,
    );
    assert.ok(waits.length >= 4 && waiting >= 0.7, report.at(-1));

    // Frozen: the clocks stop; the busy CPU is stalled after the rule's 3 samples, the idle
    // one never; in rq's and scx's samples alike.
    const frozen = R.filter((s) => s.t >= phases.frozen[0] && s.t <= phases.frozen[1]);
    const c0 = frozen.map((s) => s.cpus[0]).filter((r): r is LiveRqRow => !r.unstable);
    assert.ok(c0.length >= 10, `${c0.length} frozen samples`);
    assert.equal(new Set(c0.map((r) => String(r.clock))).size, 1, "cpu 0's clock stopped");
    const firstStall = c0.findIndex((r) => r.stalled);
    assert.ok(firstStall >= 1 && firstStall <= 4, `cpu 0 stalled from frozen sample ${firstStall}`);
    assert.ok(c0.slice(firstStall).every((r) => r.stalled), "and stays stalled");
    assert.ok(c0.every((r) => r.nr_running >= 1));
    assert.ok(frozen.every((s) => !s.cpus[1].stalled), "the idle cpu 1 is never stalled");
    const stallAlerts = frozen.flatMap((s) => s.alerts).filter((a) => a.kind === "stall");
    assert.ok(
      stallAlerts.length > 0 && stallAlerts.every((a) => a.kind === "stall" && a.cpu === 0),
    );
    const scxFrozen = X.filter((s) => s.t >= phases.frozen[0] + 1200 && s.t <= phases.frozen[1]);
    assert.ok(
      scxFrozen.length >= 2 && scxFrozen.every((s) => s.cpus[0].stalled && !s.cpus[1].stalled),
    );
    report.push(
      `frozen: cpu 0 (nr_running ${c0[0].nr_running}, clock ${c0[0].clock}) stalled from sample ` +
        `${firstStall} of ${c0.length} (${
          Math.round(frozen[firstStall].t - phases.frozen[0])
        } ms ` +
        `after stop); cpu 1 never`,
    );
    const after = rowsOf(R, 0, ...phases.resumed);
    assert.ok(
      after.length >= 8 && share(after, (r) => !r.stalled) >= 0.9,
      "cont: the stall clears",
    );
    const unstable = R.flatMap((s) => s.cpus).filter((r) => r.unstable).length;
    report.push(
      `${R.length} rq samples (${unstable} unstable rows), ${X.length} scx samples, ` +
        `${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
    Deno.writeTextFileSync(`${KEEP}/result.txt`, report.join("\n") + "\n");
    console.log(report.join("\n"));
    assert.ok(unstable <= R.length * 2 * 0.2, `${unstable} unstable rows`);
  },
});
