/** The `kernel` command: output shapes, selection, exit codes and bad input (docs/JSON.md). */
import assert from "node:assert/strict";
import { fileURLToPath as fromFileUrl } from "node:url";
import { BtfBuilder, buildElf } from "./btf_builder.ts";
import {
  CLI,
  DEBIAN_BTF,
  fixture,
  PINNED_73_BTF,
  runCli,
  spawn,
  spawnCli,
  spawnCliUnprivileged,
  tempDir,
} from "./helpers.ts";
import { gzipSync } from "node:zlib";
import { BUILT_WITHOUT_BTF } from "../btf/errors.ts";
import { GROUP_NAMES } from "../resolvers/mod.ts";
import { tinyBzImage } from "./fuzz.ts";
import { CONSTANTS } from "../resolvers/constants.ts";

function tinyBtf(): Uint8Array {
  const b = new BtfBuilder();
  const int = b.int("int", 4);
  b.struct("pair", 8, [["a", int, 0], ["b", int, 32]]);
  return b.build();
}

Deno.test("cli: --help and --version exit 0; usage errors exit 2 with one line naming the nearest name", async () => {
  const help = await runCli(["--help"]);
  assert.equal(help.code, 0);
  assert.match(help.stdout, /^ktstr-btf \d+\.\d+\.\d+: kernel struct offsets from BTF\n\nUsage:/);
  assert.match(help.stdout, /\n {2}kernel +report each kernel's offset groups/);
  assert.match(help.stdout, /\n {2}cache +list, add or clean/);
  const version = await runCli(["-V"]);
  assert.equal(version.code, 0);
  assert.match(version.stdout, /^ktstr-btf \d+\.\d+\.\d+\n$/);
  for (
    const [args, line] of [
      [[], "missing command; see 'ktstr-btf --help'"],
      [["frobnicate"], "unknown command 'frobnicate'; see 'ktstr-btf --help'"],
      [["kernal"], "unknown command 'kernal' (did you mean 'kernel'?); see 'ktstr-btf --help'"],
      [
        ["kernel", "--jsn"],
        "unknown option '--jsn' (did you mean '--json'?); see 'ktstr-btf kernel --help'",
      ],
      [["kernel", "-x"], "unknown option '-x'; see 'ktstr-btf kernel --help'"],
      [["kernel", "--json=1"], "option '--json' takes no value; see 'ktstr-btf kernel --help'"],
      [["kernel", "--jobs"], "option '--jobs' needs a value; see 'ktstr-btf kernel --help'"],
      [
        ["kernel", "--group", "bpf_mapp"],
        "unknown group 'bpf_mapp' (did you mean 'bpf_map'?); see 'ktstr-btf kernel --help'",
      ],
      [
        ["kernel", "--require", "scx_walker.scx_r"],
        "unknown group path 'scx_walker.scx_r' for --require (did you mean 'scx_walker.scx_rq'?); " +
        "see 'ktstr-btf kernel --help'",
      ],
    ] as const
  ) {
    const r = await runCli([...args]);
    assert.equal(r.code, 2, `${args.join(" ")}`);
    assert.equal(r.stderr, `ktstr-btf: ${line}\n`);
    assert.equal(r.stdout, "");
  }
});

Deno.test("cli: each command has its own help with options, groups, paths, exit codes, environment", async () => {
  const kernel = await runCli(["kernel", "--help"]);
  assert.equal(kernel.code, 0);
  assert.ok(kernel.stdout.startsWith("Usage: ktstr-btf kernel [PATH ...] [options]\n"));
  for (const needle of ["--require PATH", "-j, --jobs N", "scx_walker.scx_rq", "numa_stats"]) {
    assert.ok(kernel.stdout.includes(needle), needle);
  }
  assert.match(kernel.stdout, /\nExit codes: 0 every kernel loaded/);
  assert.match(kernel.stdout, /\n {2}KTSTR_CACHE_DIR /);
  assert.equal((await runCli(["help", "kernel"])).stdout, kernel.stdout);
  assert.equal((await runCli(["kernel", "-h", "/nonexistent"])).stdout, kernel.stdout);
  const cache = await runCli(["cache", "--help"]);
  assert.ok(cache.stdout.startsWith("Usage: ktstr-btf cache list [--json]\n"));
  assert.match(cache.stdout, /--force +add: replace an existing entry/);
  for (const line of [...kernel.stdout.split("\n"), ...cache.stdout.split("\n")]) {
    assert.ok(line.length <= 88, line);
  }
});

Deno.test("cli: -j2, -j 2, --jobs=2 and --jobs 2 are one option", async () => {
  const runs = await Promise.all(
    [["-j0"], ["-j", "0"], ["--jobs=0"], ["--jobs", "0"]].map((jobs) =>
      runCli(["kernel", PINNED_73_BTF, "--json", "--group", "idr", ...jobs])
    ),
  );
  for (const r of runs) assert.equal(r.code, 0, r.stderr);
  assert.ok(runs.every((r) => r.stdout === runs[0].stdout));
  const bad = await runCli(["kernel", "-jx"]);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /--jobs takes a number from 0 to 256 or 'auto', not 'x'/);
});

Deno.test("cli: --json on a kernel without sched_ext follows the schema-2 contract", async () => {
  const r = await runCli(["kernel", DEBIAN_BTF, "--json"]);
  assert.equal(r.code, 0, r.stderr);
  const report = JSON.parse(r.stdout);
  assert.deepEqual(Object.keys(report), [
    "schema",
    "source",
    "offsets",
    "missing",
    "via",
    "constants",
  ]);
  assert.equal(report.schema, 2);
  assert.deepEqual(Object.keys(report.source), [
    "path",
    "format",
    "btf_bytes",
    "type_count",
    "sidecar",
    "arch",
    "endianness",
    "pointer_size",
  ]);
  assert.deepEqual(
    [report.source.arch, report.source.endianness, report.source.pointer_size],
    ["x86_64", "little", 8],
  );
  assert.equal(report.source.path, DEBIAN_BTF);
  assert.equal(report.source.format, "raw");
  assert.equal(report.source.btf_bytes, Deno.statSync(DEBIAN_BTF).size);
  assert.equal(report.source.sidecar, "not-applicable");
  assert.deepEqual(Object.keys(report.offsets), GROUP_NAMES);
  // Debian 6.1 defines every enumerator but SCX_DSQ_LNODE_ITER_CURSOR (no sched_ext);
  // RHT_PTR_LOCK_BIT is a #define, never in BTF.
  assert.deepEqual(report.constants, JSON.parse(JSON.stringify(CONSTANTS)));
  assert.deepEqual(report.via, {
    "constants.SCX_DSQ_LNODE_ITER_CURSOR": "builtin",
    "constants.RHT_PTR_LOCK_BIT": "builtin",
  });
  assert.equal(report.constants.NR_SOFTIRQS, 10);
  assert.equal(report.constants.SOFTIRQ_NAMES[9], "RCU");
  assert.equal(report.constants.NUMA_OTHER, 5);
  for (const [path, message] of Object.entries(report.missing)) {
    assert.match(path, /^[a-z_]+(\.[a-z_]+)*$/);
    assert.equal(typeof message, "string");
  }
});

Deno.test("cli: human output shows offsets in decimal and hex, absent optionals as —", async () => {
  const r = await runCli(["kernel", DEBIAN_BTF, "--group", "idr", "--group", "scx_walker"]);
  assert.equal(r.code, 0);
  const json = JSON.parse(
    (await runCli(["kernel", DEBIAN_BTF, "--json", "--group", "idr"])).stdout,
  );
  const slots = json.offsets.idr.xa_node_slots as number;
  assert.ok(
    r.stdout.includes(
      `  xa_node_slots${" ".repeat(29)}${String(slots).padStart(8)}  ${
        `0x${slots.toString(16)}`.padEnd(8)
      }xa_node.slots\n`,
    ),
    r.stdout,
  );
  assert.ok(r.stdout.startsWith(`${DEBIAN_BTF}\n  raw BTF · `));
  assert.ok(!r.stdout.includes("\x1b["), "no colour when not a TTY");
  for (const line of r.stdout.split("\n")) assert.ok(line.length <= 120, line);
  assert.ok(
    r.stdout.endsWith(
      "\nnote: struct rq has no member scx: kernel built without CONFIG_SCHED_CLASS_EXT\n",
    ),
  );
  assert.ok(!r.stdout.includes("\nkernel"), "--group limits the groups printed");
});

Deno.test("cli: --group limits resolution; --require exits 3 naming what is missing", async () => {
  const only = JSON.parse(
    (await runCli(["kernel", DEBIAN_BTF, "--json", "--group", "cpu_time"])).stdout,
  );
  assert.deepEqual(Object.keys(only.offsets), ["cpu_time"]);
  const ok = await runCli(["kernel", DEBIAN_BTF, "--group", "idr", "--require", "idr"]);
  assert.equal(ok.code, 0);
  const missing = await runCli([
    "kernel",
    DEBIAN_BTF,
    "--json",
    "--group",
    "idr",
    "--require",
    "scx_walker.sched",
  ]);
  const report = JSON.parse(missing.stdout);
  assert.deepEqual(
    Object.keys(report.offsets),
    ["scx_walker", "idr"].sort((a, b) =>
      GROUP_NAMES.indexOf(a as never) - GROUP_NAMES.indexOf(b as never)
    ),
  );
  assert.equal(report.offsets.scx_walker.sched, null);
  assert.equal(missing.code, 3);
  assert.equal(
    missing.stderr,
    `ktstr-btf: ${DEBIAN_BTF}: required group scx_walker.sched is missing: ${
      report.missing["scx_walker.sched"]
    }\n`,
  );
  const present = await runCli(["kernel", PINNED_73_BTF, "--require", "scx_walker.sched"]);
  assert.equal(present.code, 0, present.stderr);
});

Deno.test("cli: --require GROUP requires every sub-group; a dotted path just that one", async () => {
  const era = fixture("era_6_12.btf");
  const whole = await runCli(["kernel", era, "--group", "idr", "--require", "scx_walker"]);
  assert.equal(whole.code, 3);
  assert.equal(
    whole.stderr,
    [
      `ktstr-btf: ${era}: required group scx_walker.sched is missing: btf: type 'scx_sched' not found`,
      `ktstr-btf: ${era}: required group scx_walker.sched_pnode is missing: btf: type 'scx_sched_pnode' not found`,
      `ktstr-btf: ${era}: required group scx_walker.sched_pcpu is missing: btf: type 'scx_sched_pcpu' not found`,
      "",
    ].join("\n"),
  );
  const one = await runCli(["kernel", era, "--require", "scx_walker.scx_rq"]);
  assert.equal(one.code, 0, one.stderr);
  const all = await runCli(["kernel", fixture("era_7_1.btf"), "--require", "scx_walker"]);
  assert.equal(all.code, 0, all.stderr);
});

Deno.test("cli: a closed standard output ends the run quietly with 141", () => {
  // 20 reports (~200 KB) overflow the pipe after head has gone.
  const script = `"$0" run -A "$1" kernel --json ${Array(20).fill(PINNED_73_BTF).join(" ")} | ` +
    `head -c 1 >/dev/null; echo "\${PIPESTATUS[0]}"`;
  const out = spawn("bash", { args: ["-c", script, Deno.execPath(), CLI] });
  assert.equal(out.stdout, "141\n");
  assert.equal(out.stderr, "");
});

Deno.test("cli: several paths give an array in input order; a bad one fails the run with exit 1", async () => {
  using dir = tempDir();
  Deno.writeFileSync(`${dir.path}/a.btf`, tinyBtf());
  Deno.writeFileSync(`${dir.path}/b.o`, buildElf({ ".BTF": tinyBtf() }));
  const r = await runCli(["kernel", `${dir.path}/b.o`, `${dir.path}/a.btf`, "--json"]);
  assert.equal(r.code, 0, r.stderr);
  const reports = JSON.parse(r.stdout);
  assert.deepEqual(reports.map((x: { source: { path: string } }) => x.source.path), [
    `${dir.path}/b.o`,
    `${dir.path}/a.btf`,
  ]);
  assert.deepEqual(reports.map((x: { source: { format: string } }) => x.source.format), [
    "elf",
    "raw",
  ]);
  assert.equal(reports[0].missing.kernel, "btf: type 'rq' not found");
  const bad = await runCli(["kernel", `${dir.path}/a.btf`, `${dir.path}/nope`, "--json"]);
  assert.equal(bad.code, 1);
  const message = `btf: open ${dir.path}/nope: read file: No such file or directory (os error 2)`;
  assert.equal(bad.stderr, `ktstr-btf: ${message}\n`);
  const [good, failed] = JSON.parse(bad.stdout);
  assert.equal(good.source.path, `${dir.path}/a.btf`);
  assert.deepEqual(failed, {
    schema: good.schema,
    source: { path: `${dir.path}/nope` },
    error: message,
  });
  const one = await runCli(["kernel", `${dir.path}/nope`, "--json"]);
  assert.equal(one.code, 1);
  assert.deepEqual(JSON.parse(one.stdout), failed, "one kernel: the error object alone");
  const human = await runCli(["kernel", `${dir.path}/nope`, `${dir.path}/a.btf`]);
  assert.equal(human.code, 1);
  assert.ok(human.stdout.startsWith(`${dir.path}/a.btf\n`), "the good kernel is still reported");
  assert.equal(human.stderr, `ktstr-btf: ${message}\n`);
});

Deno.test("cli: bad input exits 1 with one line naming the file and the defect, no stack trace", () => {
  using dir = tempDir();
  const p = (name: string) => `${dir.path}/${name}`;
  const blob = tinyBtf();
  const lengthsPastEnd = blob.slice();
  new DataView(lengthsPastEnd.buffer).setUint32(20, 1 << 20, true);
  const noBtfElf = buildElf({ ".text": new Uint8Array(16) });
  const damaged = Deno.readFileSync(fixture("era_7_3.btf"));
  damaged.set([0, 0], 0);
  damaged.set([0x1f, 0x8b, 0x08, 0, 0x5d, 0, 0, 0, 0x28, 0xb5, 0x2f, 0xfd], damaged.length - 64);
  const files: [string, Uint8Array, string][] = [
    [
      "empty",
      new Uint8Array(),
      "empty file",
    ],
    [
      "random",
      new Uint8Array(4096).map((_, i) => (i * 2654435761) >>> 24),
      "not recognized as raw BTF (missing 0x9FEB magic), ELF vmlinux or compressed kernel image",
    ],
    [
      "truncated",
      blob.subarray(0, 40),
      "btf: type section (offset 0, length 52) runs past the end of the 40-byte blob",
    ],
    [
      "past-end",
      lengthsPastEnd,
      `btf: string section (offset 52, length 1048576) runs past the end of the ${blob.length}-byte blob`,
    ],
    ["no-btf.o", noBtfElf, `ELF file has no .BTF section: ${BUILT_WITHOUT_BTF}`],
    // A damaged BTF is judged as BTF, not scanned: the compression magics planted in its
    // strings are never decompressed.
    [
      "damaged.btf",
      damaged,
      "damaged BTF: its magic is 00 00, not 9f eb (0xEB9F little-endian), though the rest is " +
      `a BTF header (version 1, 24-byte header, sections inside the ${damaged.length}-byte file)`,
    ],
    // A kernel built without BTF: a bzImage (Debian's i386), a payload found by scanning
    // (Debian's armhf zImage).
    [
      "no-btf.bzImage",
      tinyBzImage(gzipSync(noBtfElf)),
      `gzip payload: decompressed ELF has no .BTF section: ${BUILT_WITHOUT_BTF}`,
    ],
    [
      "no-btf.zImage",
      new Uint8Array([...new Uint8Array(4096), ...gzipSync(noBtfElf)]),
      `gzip payload at 4096: decompressed ELF has no .BTF section: ${BUILT_WITHOUT_BTF}`,
    ],
  ];
  for (const [name, bytes] of files) Deno.writeFileSync(p(name), bytes);
  const cases: [string, string][] = [
    ...files.map(([name, , why]) => [p(name), why] as [string, string]),
    [dir.path, "read file: Is a directory (os error 21)"],
    [p("missing"), "read file: No such file or directory (os error 2)"],
  ];
  for (const [path, why] of cases) {
    const r = spawnCli(["kernel", path]);
    assert.equal(r.code, 1, path);
    assert.equal(r.stdout, "");
    assert.equal(r.stderr, `ktstr-btf: btf: open ${path}: ${why}\n`);
  }
});

Deno.test("cli: an unreadable file is a permission error, not a crash", () => {
  using dir = tempDir();
  const secret = `${dir.path}/secret.btf`;
  Deno.writeFileSync(secret, tinyBtf());
  Deno.chmodSync(secret, 0o000);
  Deno.chmodSync(dir.path, 0o777);
  const r = spawnCliUnprivileged(["kernel", secret], dir.path);
  assert.equal(r.code, 1);
  assert.equal(
    r.stderr,
    `ktstr-btf: btf: open ${secret}: read file: Permission denied (os error 13)\n`,
  );
});

Deno.test("cli: option parsing accepts --name=value, -x value, repeats and --; rejects the rest", async () => {
  const { parseOptions } = await import("../cli/args.ts");
  const specs = {
    json: { type: "boolean" },
    jobs: { type: "string", short: "j" },
    group: { type: "string", multiple: true },
  } as const;
  assert.deepEqual(
    parseOptions(["kernel", "--jobs=2", "--group", "a", "--group=b", "x", "--json"], specs),
    {
      values: { jobs: "2", group: ["a", "b"], json: true },
      positionals: ["kernel", "x"],
    },
  );
  assert.deepEqual(parseOptions(["-j", "0", "--", "--json"], specs), {
    values: { jobs: "0" },
    positionals: ["--json"],
  });
  for (
    const [args, message] of [
      [["--nope"], "unknown option '--nope'"],
      [["-x"], "unknown option '-x'"],
      [["--json=1"], "option '--json' takes no value"],
      [["--jobs"], "option '--jobs' needs a value"],
    ] as const
  ) {
    assert.throws(() => parseOptions([...args], specs), { message });
  }
});

Deno.test("bin/ktstr-btf: the launcher runs the CLI from PATH, through a symlink, and says what is missing", () => {
  using dir = tempDir();
  const launcher = fromFileUrl(new URL("../bin/ktstr-btf", import.meta.url));
  Deno.mkdirSync(`${dir.path}/bin`);
  Deno.symlinkSync(launcher, `${dir.path}/bin/ktstr-btf`);
  const denoDir = Deno.execPath().replace(/\/[^/]+$/, "");
  const run = (env: Record<string, string>, args: string[]) =>
    spawn("ktstr-btf", { args, env, clearEnv: true });
  const path = `${dir.path}/bin:${denoDir}:/usr/bin:/bin`;
  const version = run({ PATH: path, HOME: dir.path }, ["--version"]);
  assert.equal(version.code, 0, version.stderr);
  assert.match(version.stdout, /^ktstr-btf \d+\.\d+\.\d+\n$/);
  const idr = run({ PATH: path, HOME: dir.path }, ["kernel", PINNED_73_BTF, "--group", "idr"]);
  assert.equal(idr.code, 0, idr.stderr);
  assert.ok(idr.stdout.startsWith(`${PINNED_73_BTF}\n`));
  // A copy of the launcher outside any checkout, with no Deno anywhere: one clear line.
  Deno.mkdirSync(`${dir.path}/lone/bin`, { recursive: true });
  Deno.copyFileSync(launcher, `${dir.path}/lone/bin/ktstr-btf`);
  Deno.chmodSync(`${dir.path}/lone/bin/ktstr-btf`, 0o755);
  const none = run({ PATH: `${dir.path}/lone/bin:/usr/bin:/bin` }, ["--version"]);
  assert.equal(none.code, 1);
  assert.equal(
    none.stderr,
    `ktstr-btf: deno not found; run 'npm install --no-save deno@2.9.6' in ${dir.path}/lone\n`,
  );
});
