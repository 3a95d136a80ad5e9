/** The BTF cache (docs/CLI.md: The cache): root, keys, sidecars, the host memo and the `cache` command. */
import assert from "node:assert/strict";
import { sweepTmpDirs } from "../load/atomic.ts";
import { resolveKernelInput } from "../load/entries.ts";
import { BtfMemo, hostBtfMemo } from "../load/memo.ts";
import { loadBtfCached } from "../load/sidecar.ts";
import {
  bannerVersion,
  cacheKeyProblem,
  humanSize,
  isInsideRoot,
  provenanceStamp,
  resolveCacheRoot,
  sidecarFreshness,
  tempNameFor,
  tempOwner,
  tmpDirOwner,
} from "../load/cache_root.ts";
import { loadBtf, type LoadedBtf, readBtfInput } from "../load/file.ts";
import { BtfBuilder, buildElf, idrBtf, idrOffsets } from "./btf_builder.ts";
import {
  CLI,
  HOST_BTF,
  hostTest,
  PINNED_73_BTF,
  runCli,
  spawn,
  spawnCliUnprivileged,
  tempDir,
} from "./helpers.ts";

// ---------------------------------------------------------------------------------------
// Fixtures

/** An ELF vmlinux holding `btf` and a kernel banner. */
function vmlinuxElf(btf = idrBtf(), release = "6.99.0-test"): Uint8Array {
  const banner = new TextEncoder().encode(`Linux version ${release} (gcc) #1 SMP\n\0`);
  return buildElf({ ".rodata": banner, ".BTF": btf });
}

/** Writes `<root>/<key>/vmlinux` and returns its path. */
function makeEntry(root: string, key: string, elf = vmlinuxElf()): string {
  Deno.mkdirSync(`${root}/${key}`, { recursive: true });
  Deno.writeFileSync(`${root}/${key}/vmlinux`, elf);
  return `${root}/${key}/vmlinux`;
}

function ls(dir: string): string[] {
  return [...Deno.readDirSync(dir)].map((e) => e.name).sort();
}

interface KernelRun {
  code: number;
  stderr: string;
  sidecar: string;
  format: string;
  idr: Record<string, number> | null;
}

async function kernel(path: string, ...args: string[]): Promise<KernelRun> {
  const r = await runCli(["kernel", path, "--json", "--group", "idr", ...args]);
  if (r.code !== 0) return { code: r.code, stderr: r.stderr, sidecar: "", format: "", idr: null };
  const report = JSON.parse(r.stdout);
  return {
    code: r.code,
    stderr: r.stderr,
    sidecar: report.source.sidecar,
    format: report.source.format,
    idr: report.offsets.idr,
  };
}

function env(vars: Record<string, string>) {
  return { get: (k: string) => vars[k] };
}

const DENO_DIR = Deno.env.get("DENO_DIR") ?? `${Deno.env.get("HOME")}/.cache/deno`;

/** Runs the CLI with exactly `vars` as its environment (plus PATH and DENO_DIR). */
function cliWithEnv(args: string[], vars: Record<string, string>) {
  return spawn(Deno.execPath(), {
    args: ["run", "-A", CLI, ...args],
    clearEnv: true,
    env: { PATH: Deno.env.get("PATH") ?? "/usr/bin:/bin", DENO_DIR, NO_COLOR: "1", ...vars },
  });
}

// ---------------------------------------------------------------------------------------
// Pure rules

const HINT = "; set KTSTR_CACHE_DIR or XDG_CACHE_HOME, or pass --cache-dir";

Deno.test("cache root: KTSTR_CACHE_DIR as given, then XDG_CACHE_HOME, then HOME", () => {
  assert.equal(resolveCacheRoot(env({ KTSTR_CACHE_DIR: "/c", HOME: "/h" })), "/c");
  assert.equal(resolveCacheRoot(env({ KTSTR_CACHE_DIR: "/abs/dir" })), "/abs/dir");
  assert.equal(
    resolveCacheRoot(env({ KTSTR_CACHE_DIR: "", XDG_CACHE_HOME: "/x", HOME: "/h" })),
    "/x/ktstr/kernels",
  );
  assert.equal(resolveCacheRoot(env({ XDG_CACHE_HOME: "/x/" })), "/x/ktstr/kernels");
  assert.equal(
    resolveCacheRoot(env({ XDG_CACHE_HOME: "", HOME: "/home/u" })),
    "/home/u/.cache/ktstr/kernels",
  );
  // Resolved on every call: nothing is remembered between calls.
  assert.equal(resolveCacheRoot(env({ HOME: "/a" })), "/a/.cache/ktstr/kernels");
  assert.equal(resolveCacheRoot(env({ HOME: "/b" })), "/b/.cache/ktstr/kernels");
});

Deno.test("cache root: every bad HOME has its own message", () => {
  const cases: [Record<string, string>, string][] = [
    [{}, `cache root: HOME is not set${HINT}`],
    [{ HOME: "" }, `cache root: HOME is empty${HINT}`],
    [{ HOME: "/" }, `cache root: HOME is '/'${HINT}`],
    [{ HOME: "//" }, `cache root: HOME is '/'${HINT}`],
    [{ HOME: "rel/dir" }, `cache root: HOME 'rel/dir' is not an absolute path${HINT}`],
    [{ HOME: "~" }, `cache root: HOME '~' is not an absolute path${HINT}`],
  ];
  for (const [vars, message] of cases) {
    assert.throws(() => resolveCacheRoot(env(vars)), { name: "CacheError", message });
  }
});

Deno.test("cache root: the CLI reports a bad HOME on one line and exits 1", () => {
  const cases: [Record<string, string>, string][] = [
    [{}, `cache root: HOME is not set${HINT}`],
    [{ HOME: "" }, `cache root: HOME is empty${HINT}`],
    [{ HOME: "/" }, `cache root: HOME is '/'${HINT}`],
    [{ HOME: "rel" }, `cache root: HOME 'rel' is not an absolute path${HINT}`],
  ];
  for (const [vars, message] of cases) {
    const r = cliWithEnv(["cache", "list"], vars);
    assert.equal(r.code, 1, JSON.stringify(vars));
    assert.equal(r.stderr, `ktstr-btf: ${message}\n`);
    assert.equal(r.stdout, "");
  }
});

Deno.test("cache root: the environment is read per call and a read never creates the root", () => {
  using dir = tempDir();
  const viaXdg = cliWithEnv(["cache", "list", "--json"], { XDG_CACHE_HOME: dir.path });
  assert.equal(viaXdg.code, 0, viaXdg.stderr);
  assert.deepEqual(JSON.parse(viaXdg.stdout), {
    root: `${dir.path}/ktstr/kernels`,
    entries: [],
  });
  const viaDirect = cliWithEnv(["cache", "list", "--json"], {
    KTSTR_CACHE_DIR: `${dir.path}/direct`,
    XDG_CACHE_HOME: dir.path,
  });
  assert.equal(JSON.parse(viaDirect.stdout).root, `${dir.path}/direct`);
  const override = cliWithEnv(["cache", "list", "--json", "--cache-dir", `${dir.path}/o`], {
    KTSTR_CACHE_DIR: `${dir.path}/direct`,
  });
  assert.equal(JSON.parse(override.stdout).root, `${dir.path}/o`);
  // A kernel load under a missing root neither fails nor creates it.
  Deno.writeFileSync(`${dir.path}/vmlinux`, vmlinuxElf());
  const load = cliWithEnv(["kernel", `${dir.path}/vmlinux`, "--json", "--group", "idr"], {
    KTSTR_CACHE_DIR: `${dir.path}/direct`,
  });
  assert.equal(load.code, 0, load.stderr);
  assert.equal(JSON.parse(load.stdout).source.sidecar, "outside-cache");
  assert.deepEqual(ls(dir.path), ["vmlinux"]);
});

Deno.test("cache keys: each rejection has its message; ordinary keys pass", () => {
  const bad: [string, string][] = [
    ["", "cache key must not be empty"],
    ["  ", "cache key must not be empty"],
    ["a/b", `cache key "a/b" must not contain '/' or '\\'`],
    ["a\\b", `cache key "a\\\\b" must not contain '/' or '\\'`],
    [".", "cache key must not be '.'"],
    ["..", `cache key ".." must not contain '..'`],
    ["a..b", `cache key "a..b" must not contain '..'`],
    ["a\0b", "cache key must not contain a NUL byte"],
    [".tmp-x", `cache key ".tmp-x" must not start with '.tmp-' (reserved for temporary files)`],
    [".hidden", `cache key ".hidden" must not start with '.'`],
  ];
  for (const [key, message] of bad) assert.equal(cacheKeyProblem(key), message, key);
  for (const key of ["6.1.0-56-amd64", "v6.14.2-tarball-x86_64-kc1a2b", "a.b", "tmp-x", "x.tmp-"]) {
    assert.equal(cacheKeyProblem(key), undefined, key);
  }
});

Deno.test("cache: containment is component-wise", () => {
  assert.ok(isInsideRoot("/c/root", "/c/root"));
  assert.ok(isInsideRoot("/c/root", "/c/root/k"));
  assert.ok(isInsideRoot("/c/root/", "/c/root/k/deeper"));
  assert.ok(isInsideRoot("/", "/anything"));
  assert.ok(!isInsideRoot("/c/root", "/c/rootx/k"));
  assert.ok(!isInsideRoot("/c/root", "/c/roo"));
  assert.ok(!isInsideRoot("/c/root", "/c"));
  assert.ok(!isInsideRoot("/c/root", "/d/root"));
  assert.ok(!isInsideRoot("c/root", "c/root/k"));
});

Deno.test("cache: freshness, temp names and small helpers", () => {
  // Provenance: the sidecar's mtime is the ELF's stamp, its size the section's.
  const facts = (mtime: number | null, size = 100, regular = true, stamp: number | null = 10) =>
    sidecarFreshness({ stamp, btfSize: 100, sidecar: { regular, size, mtime } });
  assert.equal(sidecarFreshness({ stamp: 10, btfSize: 100, sidecar: null }), "missing");
  assert.equal(facts(10), "candidate");
  assert.equal(facts(9), "stale", "older than the ELF's last change");
  assert.equal(facts(11), "stale", "newer: not the stamp this tool wrote");
  assert.equal(facts(10, 99), "stale", "another size than the .BTF section");
  assert.equal(facts(10, 100, false), "stale", "a symlink (or other non-file)");
  assert.equal(facts(10, 100, true, null), "stale", "no ctime: never provable");
  // The stamp: the second after the ctime, plus a hash of the image's identity in ms.
  const id = { dev: 1, ino: 2, size: 3, mtimeMs: 1_000_500, ctimeMs: 1_000_000 };
  const stamp = provenanceStamp(id)!;
  assert.ok(stamp >= 1_001_000 && stamp < 1_002_000, String(stamp));
  assert.equal(provenanceStamp({ ...id }), stamp);
  assert.equal(provenanceStamp({ ...id, ctimeMs: null }), null);
  const others = [{ ino: 3 }, { size: 4 }, { mtimeMs: 1_000_501 }, { dev: 9 }, { ctimeMs: 2e6 }];
  for (const change of others) assert.notEqual(provenanceStamp({ ...id, ...change }), stamp);
  const tmp = tempNameFor("/r/k/vmlinux.btf", 4242, "abcd");
  assert.equal(tmp, "/r/k/.vmlinux.btf.tmp-abcd-4242");
  assert.equal(tempOwner(".vmlinux.btf.tmp-abcd-4242", "vmlinux.btf"), 4242);
  assert.equal(tempOwner("vmlinux.btf", "vmlinux.btf"), undefined);
  assert.equal(tempOwner(".vmlinux.btf.tmp-abcd", "vmlinux.btf"), undefined);
  assert.equal(tmpDirOwner(".tmp-6.1-ab12-77"), 77);
  assert.equal(tmpDirOwner(".tmp-nopid"), undefined);
  assert.equal(tmpDirOwner("6.1-77"), undefined);
  assert.equal(bannerVersion("xx Linux version 6.1.0-56-amd64 (gcc)"), "6.1.0-56-amd64");
  assert.equal(bannerVersion("no banner"), undefined);
  assert.equal(humanSize(999), "999 B");
  assert.equal(humanSize(65906612), "65.9 MB");
});

// ---------------------------------------------------------------------------------------
// Sidecars

Deno.test("sidecar: written on the first load, reused (not rewritten) on the next", async () => {
  using dir = tempDir();
  const root = `${dir.path}/root`;
  const vmlinux = makeEntry(root, "k");
  const first = await kernel(vmlinux, "--cache-dir", root);
  assert.equal(first.code, 0, first.stderr);
  assert.equal(first.sidecar, "written");
  assert.equal(first.format, "elf");
  assert.deepEqual(first.idr, idrOffsets());
  assert.equal(first.stderr, "");
  assert.deepEqual(ls(`${root}/k`), ["vmlinux", "vmlinux.btf"]);
  assert.deepEqual(Deno.readFileSync(`${vmlinux}.btf`), readBtfInput(vmlinux).bytes);
  const before = Deno.statSync(`${vmlinux}.btf`);
  const second = await kernel(vmlinux, "--cache-dir", root);
  assert.equal(second.sidecar, "hit");
  assert.equal(second.format, "elf");
  assert.deepEqual(second.idr, idrOffsets());
  const after = Deno.statSync(`${vmlinux}.btf`);
  assert.equal(after.ino, before.ino, "the sidecar was replaced");
  assert.equal(after.mtime!.getTime(), before.mtime!.getTime());
  assert.deepEqual(ls(`${root}/k`), ["vmlinux", "vmlinux.btf"]);
});

Deno.test("sidecar: a hit reads the sidecar (the ELF's section is not parsed)", async () => {
  using dir = tempDir();
  // Padded so that the two layouts differ only after the first 4 KiB a hit compares.
  const padded = (shift: number) => idrBtf(shift, 400);
  const vmlinux = makeEntry(dir.path, "k", vmlinuxElf(padded(0)));
  assert.equal((await kernel(vmlinux, "--cache-dir", dir.path)).sidecar, "written");
  // Rewritten in place (same inode), its stamp put back: only the sidecar says shift 4.
  const stamp = Deno.statSync(`${vmlinux}.btf`).mtime!;
  Deno.writeFileSync(`${vmlinux}.btf`, padded(4));
  Deno.utimeSync(`${vmlinux}.btf`, stamp, stamp);
  const r = await kernel(vmlinux, "--cache-dir", dir.path);
  assert.equal(r.sidecar, "hit");
  assert.deepEqual(r.idr, idrOffsets(4));
});

Deno.test("sidecar: stale and corrupt sidecars are rewritten and the result is right", async () => {
  const btf = idrBtf();
  const garbage: [string, Uint8Array, boolean][] = [
    ["stale (older than the ELF)", idrBtf(4), true],
    ["wrong magic", new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 1, 2, 3, 4]), false],
    ["empty", new Uint8Array(), false],
    ["truncated", btf.subarray(0, btf.length - 7), false],
    ["header only", btf.subarray(0, 24), false],
    // Right magic and header, but a type record of unknown kind 31.
    [
      "parses badly",
      (() => {
        const b = new BtfBuilder();
        b.raw("x", 31, 0, 0);
        return b.build();
      })(),
      false,
    ],
    // Right magic, version 2.
    ["bad version", idrBtf().map((v, i) => (i === 2 ? 2 : v)), false],
  ];
  for (const [what, bytes, stale] of garbage) {
    using dir = tempDir();
    const vmlinux = makeEntry(dir.path, "k");
    Deno.writeFileSync(`${vmlinux}.btf`, bytes);
    if (stale) {
      const t = Deno.statSync(vmlinux).mtime!.getTime() / 1000;
      Deno.utimeSync(`${vmlinux}.btf`, t - 60, t - 60);
    }
    const r = await kernel(vmlinux, "--cache-dir", dir.path);
    assert.equal(r.code, 0, `${what}: ${r.stderr}`);
    assert.equal(r.sidecar, "rewritten", what);
    assert.deepEqual(r.idr, idrOffsets(), what);
    assert.deepEqual(Deno.readFileSync(`${vmlinux}.btf`), btf, what);
    assert.ok(
      Deno.statSync(`${vmlinux}.btf`).mtime!.getTime() >= Deno.statSync(vmlinux).mtime!.getTime(),
    );
    assert.deepEqual(ls(`${dir.path}/k`), ["vmlinux", "vmlinux.btf"], what);
    const again = await kernel(vmlinux, "--cache-dir", dir.path);
    assert.equal(again.sidecar, "hit", what);
  }
});

Deno.test("sidecar: an ELF outside the root leaves its directory untouched", async () => {
  using dir = tempDir();
  const root = `${dir.path}/root`, outside = `${dir.path}/rootx`;
  Deno.mkdirSync(root);
  Deno.mkdirSync(outside);
  Deno.writeFileSync(`${outside}/vmlinux`, vmlinuxElf());
  const r = await kernel(`${outside}/vmlinux`, "--cache-dir", root);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.sidecar, "outside-cache");
  assert.deepEqual(r.idr, idrOffsets());
  assert.deepEqual(ls(outside), ["vmlinux"]);
  assert.deepEqual(ls(root), []);
});

Deno.test("sidecar: a link inside the cache to a file outside writes nothing", async () => {
  using dir = tempDir();
  const root = `${dir.path}/root`, outside = `${dir.path}/src`;
  Deno.mkdirSync(`${root}/k`, { recursive: true });
  Deno.mkdirSync(outside);
  Deno.writeFileSync(`${outside}/vmlinux`, vmlinuxElf());
  Deno.symlinkSync(`${outside}/vmlinux`, `${root}/k/vmlinux`);
  const r = await kernel(`${root}/k/vmlinux`, "--cache-dir", root);
  assert.equal(r.sidecar, "outside-cache");
  assert.deepEqual(r.idr, idrOffsets());
  assert.deepEqual(ls(`${root}/k`), ["vmlinux"]);
  assert.deepEqual(ls(outside), ["vmlinux"]);
  // A symlinked root is resolved too: the same entry through a link to the root is inside.
  Deno.symlinkSync(root, `${dir.path}/rootlink`);
  const viaLinkedRoot = await kernel(`${root}/k/vmlinux`, "--cache-dir", `${dir.path}/rootlink`);
  assert.equal(viaLinkedRoot.sidecar, "outside-cache");
});

Deno.test("sidecar: a link outside pointing into the cache uses the sidecar beside the real file", async () => {
  using dir = tempDir();
  const root = `${dir.path}/root`, elsewhere = `${dir.path}/work`;
  const real = makeEntry(root, "k");
  Deno.mkdirSync(elsewhere);
  Deno.symlinkSync(real, `${elsewhere}/vmlinux`);
  const r = await kernel(`${elsewhere}/vmlinux`, "--cache-dir", root);
  assert.equal(r.sidecar, "written");
  assert.deepEqual(ls(elsewhere), ["vmlinux"]);
  assert.deepEqual(ls(`${root}/k`), ["vmlinux", "vmlinux.btf"]);
  // The root itself given through a symlink still matches the canonical entry.
  Deno.symlinkSync(root, `${dir.path}/rootlink`);
  const again = await kernel(`${elsewhere}/vmlinux`, "--cache-dir", `${dir.path}/rootlink`);
  assert.equal(again.sidecar, "hit");
  assert.deepEqual(again.idr, idrOffsets());
});

Deno.test("sidecar: raw BTF never gets one; --no-cache neither reads nor writes", async () => {
  using dir = tempDir();
  Deno.mkdirSync(`${dir.path}/k`);
  Deno.writeFileSync(`${dir.path}/k/vmlinux`, idrBtf());
  const raw = await kernel(`${dir.path}/k/vmlinux`, "--cache-dir", dir.path);
  assert.equal(raw.sidecar, "not-applicable");
  assert.equal(raw.format, "raw");
  assert.deepEqual(ls(`${dir.path}/k`), ["vmlinux"]);

  const vmlinux = makeEntry(dir.path, "e");
  Deno.writeFileSync(`${vmlinux}.btf`, idrBtf(4)); // fresh: a read would report shift 4
  const off = await kernel(vmlinux, "--cache-dir", dir.path, "--no-cache");
  assert.equal(off.sidecar, "disabled");
  assert.deepEqual(off.idr, idrOffsets());
  assert.deepEqual(Deno.readFileSync(`${vmlinux}.btf`), idrBtf(4));
  Deno.removeSync(`${vmlinux}.btf`);
  const off2 = await kernel(vmlinux, "--cache-dir", dir.path, "--no-cache");
  assert.equal(off2.sidecar, "disabled");
  assert.deepEqual(ls(`${dir.path}/e`), ["vmlinux"]);
});

Deno.test("sidecar: a read-only entry directory still loads, with a warning", () => {
  using dir = tempDir();
  Deno.chmodSync(dir.path, 0o755);
  const root = `${dir.path}/root`;
  const vmlinux = makeEntry(root, "k");
  Deno.chmodSync(root, 0o755);
  Deno.chmodSync(`${root}/k`, 0o555);
  const args = ["kernel", vmlinux, "--json", "--group", "idr", "--cache-dir", root];
  const out = spawnCliUnprivileged(args, dir.path);
  const stderr = out.stderr;
  assert.equal(out.code, 0, stderr);
  const report = JSON.parse(out.stdout);
  assert.equal(report.source.sidecar, "write-failed");
  assert.deepEqual(report.offsets.idr, idrOffsets());
  assert.equal(
    stderr,
    `ktstr-btf: warning: sidecar ${vmlinux}.btf: write failed: Permission denied (os error 13)\n`,
  );
  Deno.chmodSync(`${root}/k`, 0o755);
  assert.deepEqual(ls(`${root}/k`), ["vmlinux"]);
});

Deno.test("sidecar: temp files left by dead processes are swept on the next write", async () => {
  using dir = tempDir();
  const vmlinux = makeEntry(dir.path, "k");
  const dead = `${dir.path}/k/.vmlinux.btf.tmp-dead-2147483647`;
  const live = `${dir.path}/k/.vmlinux.btf.tmp-live-${Deno.pid}`;
  Deno.writeFileSync(dead, new Uint8Array(3));
  Deno.writeFileSync(live, new Uint8Array(3));
  const r = await kernel(vmlinux, "--cache-dir", dir.path);
  assert.equal(r.sidecar, "written");
  assert.deepEqual(ls(`${dir.path}/k`), [
    ".vmlinux.btf.tmp-live-" + Deno.pid,
    "vmlinux",
    "vmlinux.btf",
  ]);
});

Deno.test("sidecar: several kernels through the worker pool write, then hit", async () => {
  using dir = tempDir();
  const a = makeEntry(dir.path, "a");
  const b = makeEntry(dir.path, "b", vmlinuxElf(idrBtf(2)));
  const run = async () => {
    const r = await runCli([
      "kernel",
      a,
      b,
      "--json",
      "--group",
      "idr",
      "-j",
      "2",
      "--cache-dir",
      dir.path,
    ]);
    assert.equal(r.code, 0, r.stderr);
    return JSON.parse(r.stdout) as {
      source: { sidecar: string; format: string };
      offsets: { idr: unknown };
    }[];
  };
  const first = await run();
  assert.deepEqual(first.map((k) => k.source.sidecar), ["written", "written"]);
  const second = await run();
  assert.deepEqual(second.map((k) => k.source.sidecar), ["hit", "hit"]);
  assert.deepEqual(second.map((k) => k.source.format), ["elf", "elf"]);
  assert.deepEqual(second.map((k) => k.offsets.idr), [idrOffsets(), idrOffsets(2)]);
  Deno.writeFileSync(`${b}.btf`, new Uint8Array([0x9f, 0xeb, 1, 0, 99]));
  const third = await run();
  assert.deepEqual(third.map((k) => k.source.sidecar), ["hit", "rewritten"]);
  assert.deepEqual(third.map((k) => k.offsets.idr), [idrOffsets(), idrOffsets(2)]);
  assert.deepEqual(Deno.readFileSync(`${b}.btf`), idrBtf(2));
});

// ---------------------------------------------------------------------------------------
// The host memo

Deno.test("memo: one load shared by every caller; a failure is not remembered", () => {
  const table = loadBtf(PINNED_73_BTF);
  let calls = 0, fail = true;
  const memo = new BtfMemo((): LoadedBtf => {
    calls++;
    if (fail) throw new Error("boom");
    return table;
  });
  assert.throws(() => memo.get(), { message: "boom" });
  assert.throws(() => memo.get(), { message: "boom" });
  assert.equal(calls, 2, "a failed load must be retried");
  fail = false;
  assert.equal(memo.get(), table);
  assert.equal(memo.get(), table);
  assert.equal(calls, 3, "a successful load must be shared");
  assert.equal(memo.loads, 3);
});

hostTest("memo: /sys/kernel/btf/vmlinux is parsed once per process", async () => {
  const before = hostBtfMemo.loads;
  const a = loadBtfCached(HOST_BTF);
  const b = loadBtfCached(HOST_BTF);
  assert.equal(a.types, b.types);
  assert.equal(a.sidecar, "not-applicable");
  const viaCli = await runCli(["kernel", HOST_BTF, "--json", "--group", "idr"]);
  assert.equal(viaCli.code, 0, viaCli.stderr);
  assert.equal(loadBtfCached(HOST_BTF).types, a.types);
  assert.ok(hostBtfMemo.loads - before <= 1, `loaded ${hostBtfMemo.loads - before} times`);
});

// ---------------------------------------------------------------------------------------
// Entries and the cache command

Deno.test("kernel <key>: a key names <root>/<key>/vmlinux; a path still wins", async () => {
  using dir = tempDir();
  const vmlinux = makeEntry(dir.path, "6.99-test");
  assert.equal(resolveKernelInput("6.99-test", { root: dir.path }), vmlinux);
  assert.equal(resolveKernelInput("nope", { root: dir.path }), "nope");
  assert.equal(resolveKernelInput("../x", { root: dir.path }), "../x");
  const r = await runCli([
    "kernel",
    "6.99-test",
    "--json",
    "--group",
    "idr",
    "--cache-dir",
    dir.path,
  ]);
  assert.equal(r.code, 0, r.stderr);
  const report = JSON.parse(r.stdout);
  assert.equal(report.source.path, vmlinux);
  assert.equal(report.source.sidecar, "written");
  assert.deepEqual(report.offsets.idr, idrOffsets());
  const missing = await runCli(["kernel", "nope", "--cache-dir", dir.path]);
  assert.equal(missing.code, 1);
  assert.equal(
    missing.stderr,
    "ktstr-btf: btf: open nope: read file: No such file or directory (os error 2)\n",
  );
});

Deno.test("cache add/list: copies in atomically with metadata.json and a fresh sidecar", async () => {
  using dir = tempDir();
  const root = `${dir.path}/root`;
  const src = `${dir.path}/vmlinux-6.99.0-test`;
  Deno.writeFileSync(src, vmlinuxElf());
  const empty = await runCli(["cache", "list", "--cache-dir", root]);
  assert.equal(empty.code, 0);
  assert.equal(empty.stdout, `no cached kernels in ${root}\n`);
  assert.throws(() => Deno.statSync(root), Deno.errors.NotFound);

  const add = await runCli(["cache", "add", src, "--cache-dir", root]);
  assert.equal(add.code, 0, add.stderr);
  assert.equal(add.stdout, `added 6.99.0-test (Linux 6.99.0-test): ${root}/6.99.0-test/vmlinux\n`);
  assert.deepEqual(ls(root), ["6.99.0-test"]);
  assert.deepEqual(ls(`${root}/6.99.0-test`), ["metadata.json", "vmlinux", "vmlinux.btf"]);
  assert.deepEqual(Deno.readFileSync(`${root}/6.99.0-test/vmlinux`), Deno.readFileSync(src));
  const meta = JSON.parse(Deno.readTextFileSync(`${root}/6.99.0-test/metadata.json`));
  assert.equal(meta.version, "6.99.0-test");
  assert.deepEqual(meta.source, { type: "local", source_tree_path: dir.path, git_hash: null });
  assert.equal(meta.arch, "x86_64");
  assert.equal(meta.image_name, "vmlinux");
  assert.equal(meta.has_vmlinux, true);
  assert.equal(meta.source_vmlinux_size, Deno.statSync(src).size);
  assert.ok(!Number.isNaN(Date.parse(meta.built_at)));

  const keyed = await runCli(["cache", "add", src, "--key", "mine", "--cache-dir", root]);
  assert.equal(keyed.code, 0, keyed.stderr);
  Deno.writeFileSync(`${root}/mine/vmlinux.btf`, new Uint8Array([1, 2, 3]));
  makeEntry(root, "bare", vmlinuxElf(idrBtf(), "x"));
  Deno.mkdirSync(`${root}/.tmp-junk-1`); // bookkeeping: never listed
  Deno.mkdirSync(`${root}/no-vmlinux`);

  const json = await runCli(["cache", "list", "--json", "--cache-dir", root]);
  assert.equal(json.code, 0, json.stderr);
  const listed = JSON.parse(json.stdout);
  assert.equal(listed.root, root);
  const byKey = Object.fromEntries(
    listed.entries.map((e: { key: string }) => [e.key, e]),
  );
  assert.deepEqual(Object.keys(byKey).sort(), ["6.99.0-test", "bare", "mine"]);
  assert.deepEqual(byKey["6.99.0-test"], {
    key: "6.99.0-test",
    path: `${root}/6.99.0-test/vmlinux`,
    version: "6.99.0-test",
    size: Deno.statSync(src).size,
    sidecar: "fresh",
    built_at: meta.built_at,
  });
  assert.equal(byKey.mine.sidecar, "stale", "a planted sidecar is not this image's");
  assert.equal(byKey.bare.sidecar, "missing");
  assert.equal(byKey.bare.version, null);

  const human = await runCli(["cache", "list", "--cache-dir", root]);
  const lines = human.stdout.trimEnd().split("\n");
  assert.equal(lines[0], `cache root: ${root}`);
  assert.match(lines[1], /^KEY +VERSION +SIZE +SIDECAR$/);
  assert.ok(
    lines.some((l) => /^6\.99\.0-test +6\.99\.0-test +\d+ B +fresh$/.test(l)),
    human.stdout,
  );
  assert.ok(lines.some((l) => /^bare +- +\d+ B +missing$/.test(l)), human.stdout);

  // The entry just added loads by key straight from its sidecar.
  const k = await kernel("6.99.0-test", "--cache-dir", root);
  assert.equal(k.sidecar, "hit");
  assert.deepEqual(k.idr, idrOffsets());
});

Deno.test("cache add: replacing an entry is atomic and leaves no temporary directory", async () => {
  using dir = tempDir();
  const root = `${dir.path}/root`;
  const oldSrc = `${dir.path}/old`, newSrc = `${dir.path}/new`;
  Deno.writeFileSync(oldSrc, vmlinuxElf(idrBtf(0), "6.1-old"));
  Deno.writeFileSync(newSrc, vmlinuxElf(idrBtf(4), "6.2-new"));
  assert.equal((await runCli(["cache", "add", oldSrc, "--key", "k", "--cache-dir", root])).code, 0);
  Deno.writeFileSync(`${root}/k/extra-file`, new Uint8Array(1));
  const oldIno = Deno.statSync(`${root}/k`).ino;
  const refused = await runCli(["cache", "add", newSrc, "--key", "k", "--cache-dir", root]);
  assert.equal(refused.code, 1);
  assert.equal(
    refused.stderr,
    "ktstr-btf: cache add: entry 'k' exists; pass --force to replace it\n",
  );
  assert.equal(Deno.statSync(`${root}/k`).ino, oldIno, "a refused add leaves the entry alone");
  const r = await runCli(["cache", "add", newSrc, "--key", "k", "--force", "--cache-dir", root]);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stdout, `replaced k (Linux 6.2-new): ${root}/k/vmlinux\n`);
  assert.deepEqual(ls(root), ["k"]);
  assert.notEqual(Deno.statSync(`${root}/k`).ino, oldIno);
  assert.deepEqual(ls(`${root}/k`), ["metadata.json", "vmlinux", "vmlinux.btf"]);
  assert.deepEqual(Deno.readFileSync(`${root}/k/vmlinux`), Deno.readFileSync(newSrc));
  assert.deepEqual(Deno.readFileSync(`${root}/k/vmlinux.btf`), idrBtf(4));
  assert.equal(JSON.parse(Deno.readTextFileSync(`${root}/k/metadata.json`)).version, "6.2-new");
  const k = await kernel("k", "--cache-dir", root);
  assert.equal(k.sidecar, "hit");
  assert.deepEqual(k.idr, idrOffsets(4));
});

Deno.test("cache add: key validation, bad inputs and usage errors", async () => {
  using dir = tempDir();
  const root = `${dir.path}/root`;
  const src = `${dir.path}/vmlinux`;
  Deno.writeFileSync(src, buildElf({ ".BTF": idrBtf() })); // no banner, generic name
  for (
    const [key, message] of [
      ["a/b", `cache key "a/b" must not contain '/' or '\\'`],
      ["a\\b", `cache key "a\\\\b" must not contain '/' or '\\'`],
      ["..", `cache key ".." must not contain '..'`],
      [".", "cache key must not be '.'"],
      ["x\0y", "cache key must not contain a NUL byte"],
      [".tmp-1", `cache key ".tmp-1" must not start with '.tmp-' (reserved for temporary files)`],
    ]
  ) {
    const r = await runCli(["cache", "add", src, "--key", key, "--cache-dir", root]);
    assert.equal(r.code, 1, key);
    assert.equal(r.stderr, `ktstr-btf: ${message}\n`);
  }
  const noKey = await runCli(["cache", "add", src, "--cache-dir", root]);
  assert.equal(noKey.code, 1);
  assert.equal(
    noKey.stderr,
    `ktstr-btf: cache add: cannot derive a key from '${src}'; pass --key\n`,
  );
  Deno.writeFileSync(`${dir.path}/raw.btf`, idrBtf());
  const raw = await runCli([
    "cache",
    "add",
    `${dir.path}/raw.btf`,
    "--key",
    "r",
    "--cache-dir",
    root,
  ]);
  assert.equal(raw.code, 1);
  assert.equal(
    raw.stderr,
    `ktstr-btf: cache add: ${dir.path}/raw.btf is raw BTF; a cache entry holds an ELF vmlinux\n`,
  );
  const gone = await runCli([
    "cache",
    "add",
    `${dir.path}/nope`,
    "--key",
    "r",
    "--cache-dir",
    root,
  ]);
  assert.equal(gone.code, 1);
  assert.equal(
    gone.stderr,
    `ktstr-btf: btf: open ${dir.path}/nope: read file: No such file or directory (os error 2)\n`,
  );
  assert.throws(() => Deno.statSync(root), Deno.errors.NotFound);
  for (
    const [args, first] of [
      [["cache"], "ktstr-btf: cache: missing subcommand (list, add or clean)"],
      [["cache", "frob"], "ktstr-btf: cache: unknown subcommand 'frob'"],
      [["cache", "lst"], "ktstr-btf: cache: unknown subcommand 'lst' (did you mean 'list'?)"],
      [["cache", "list", "--group", "idr"], "ktstr-btf: unknown option '--group'"],
      [["cache", "add"], "ktstr-btf: cache add takes one vmlinux path"],
      [["cache", "list", "x"], "ktstr-btf: cache list takes no arguments"],
      [["cache", "list", "--key", "k"], "ktstr-btf: --key does not apply to 'cache list'"],
      [
        ["cache", "clean", "--keep=-1"],
        "ktstr-btf: --keep takes a non-negative number, not '-1'",
      ],
      [
        ["cache", "clean", "--keep", "2x"],
        "ktstr-btf: --keep takes a non-negative number, not '2x'",
      ],
      [["kernel", "--force"], "ktstr-btf: unknown option '--force'"],
    ] as const
  ) {
    const r = await runCli([...args, "--cache-dir", root]);
    assert.equal(r.code, 2, args.join(" "));
    const see = `see 'ktstr-btf ${args[0]} --help'`;
    assert.ok(r.stderr.startsWith(first), r.stderr);
    assert.ok(r.stderr.endsWith(`; ${see}\n`), r.stderr);
    assert.equal(r.stderr.split("\n").length, 2, "one line");
  }
});

Deno.test("cache clean: dry run without --force; --keep N keeps the newest", async () => {
  using dir = tempDir();
  const root = `${dir.path}/root`;
  const keys = ["old", "mid", "new"];
  for (const [i, key] of keys.entries()) {
    makeEntry(root, key);
    Deno.writeTextFileSync(
      `${root}/${key}/metadata.json`,
      JSON.stringify({ version: key, built_at: new Date(Date.UTC(2025, 0, 1 + i)).toISOString() }),
    );
  }
  Deno.mkdirSync(`${root}/.tmp-crashed-x-2147483647`);
  Deno.mkdirSync(`${root}/.tmp-live-x-${Deno.pid}`);
  const dry = await runCli(["cache", "clean", "--keep", "1", "--cache-dir", root]);
  assert.equal(dry.code, 0, dry.stderr);
  assert.equal(
    dry.stdout,
    "would remove mid\nwould remove old\ndry run: pass --force to remove 2 (1 kept)\n",
  );
  assert.deepEqual(ls(root), [
    ".tmp-crashed-x-2147483647",
    `.tmp-live-x-${Deno.pid}`,
    ...keys.toSorted(),
  ]);
  const real = await runCli(["cache", "clean", "--keep", "1", "--force", "--cache-dir", root]);
  assert.equal(real.code, 0, real.stderr);
  assert.equal(
    real.stdout,
    "removed mid\nremoved old\nremoved leftover .tmp-crashed-x-2147483647\nremoved 2, kept 1\n",
  );
  assert.deepEqual(ls(root), [`.tmp-live-x-${Deno.pid}`, "new"]);
  const all = await runCli(["cache", "clean", "--force", "--cache-dir", root]);
  assert.equal(all.stdout, "removed new\nremoved 1, kept 0\n");
  assert.deepEqual(sweepTmpDirs(root), []);
  assert.deepEqual(ls(root), [`.tmp-live-x-${Deno.pid}`]);
  const nothing = await runCli(["cache", "clean", "--cache-dir", `${dir.path}/none`]);
  assert.equal(nothing.stdout, "nothing to remove (0 kept)\n");
  assert.throws(() => Deno.statSync(`${dir.path}/none`), Deno.errors.NotFound);
});
