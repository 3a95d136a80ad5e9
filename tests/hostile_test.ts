/**
 * Hostile inputs, stale caches and faults: each of the seven classes (the numbered sections
 * below), with the exact error each defect gets.
 */
import assert from "node:assert/strict";
import { BtfTypes } from "../btf/table.ts";
import { BtfError } from "../btf/errors.ts";
import { Kind } from "../btf/kinds.ts";
import { printable } from "../btf/errors.ts";
import { addEntry, cleanEntries } from "../load/entries.ts";
import { CacheError, resolveCacheRoot } from "../load/cache_root.ts";
import { loadBtf, pathExists as exists } from "../load/file.ts";
import { BtfBuilder, buildElf, idrBtf } from "./btf_builder.ts";
import {
  CLI,
  DEBIAN_BTF,
  DEBIAN_VMLINUX,
  PINNED_73_BTF,
  runCli,
  spawn,
  tempDir,
  throwsBtf,
} from "./helpers.ts";

/** A small valid BTF: struct s { int a; int b; } plus a pointer and a typedef. */
function smallBtf(): Uint8Array {
  const b = new BtfBuilder();
  const int = b.int("int", 4);
  b.struct("s", 8, [["a", int, 0], ["b", int, 32]]);
  return b.build();
}

function elfOf(btf: Uint8Array): Uint8Array {
  return buildElf({ ".BTF": btf });
}

function setU32(bytes: Uint8Array, at: number, v: number): Uint8Array {
  new DataView(bytes.buffer, bytes.byteOffset).setUint32(at, v >>> 0, true);
  return bytes;
}

async function shift(path: string, root: string): Promise<{ sidecar: string; shift: number }> {
  const r = await runCli(["kernel", path, "--json", "--group", "idr", "--cache-dir", root]);
  assert.equal(r.code, 0, r.stderr);
  const report = JSON.parse(r.stdout);
  return { sidecar: report.source.sidecar, shift: report.offsets.idr.xa_node_shift };
}

// ---------------------------------------------------------------------------------------
// 1. Sidecar provenance

Deno.test("sidecar: another kernel copied in with an older mtime is not served the old sidecar", async () => {
  using dir = tempDir();
  const vmlinux = `${dir.path}/k/vmlinux`;
  Deno.mkdirSync(`${dir.path}/k`);
  Deno.writeFileSync(vmlinux, elfOf(idrBtf(0)));
  assert.deepEqual(await shift(vmlinux, dir.path), { sidecar: "written", shift: 0 });
  assert.deepEqual(await shift(vmlinux, dir.path), { sidecar: "hit", shift: 0 });
  // `cp -p` of a prebuilt image: new content, an mtime older than the sidecar's.
  Deno.writeFileSync(vmlinux, elfOf(idrBtf(4)));
  Deno.utimeSync(vmlinux, 1_000_000, 1_000_000);
  assert.deepEqual(await shift(vmlinux, dir.path), { sidecar: "rewritten", shift: 4 });
  assert.deepEqual(await shift(vmlinux, dir.path), { sidecar: "hit", shift: 4 });
  // `mv` of a prebuilt image over the entry (a new inode, old mtime).
  Deno.writeFileSync(`${dir.path}/other`, elfOf(idrBtf(2)));
  Deno.utimeSync(`${dir.path}/other`, 1_000_000, 1_000_000);
  Deno.renameSync(`${dir.path}/other`, vmlinux);
  assert.deepEqual(await shift(vmlinux, dir.path), { sidecar: "rewritten", shift: 2 });
});

Deno.test("sidecar: a valid BTF of another kernel planted as the sidecar is replaced", async () => {
  using dir = tempDir();
  const vmlinux = `${dir.path}/k/vmlinux`;
  Deno.mkdirSync(`${dir.path}/k`);
  Deno.writeFileSync(vmlinux, elfOf(idrBtf(0)));
  assert.equal((await shift(vmlinux, dir.path)).sidecar, "written");
  Deno.writeFileSync(`${vmlinux}.btf`, idrBtf(4));
  const future = Date.now() / 1000 + 3600;
  Deno.utimeSync(`${vmlinux}.btf`, future, future);
  assert.deepEqual(await shift(vmlinux, dir.path), { sidecar: "rewritten", shift: 0 });
  assert.deepEqual(Deno.readFileSync(`${vmlinux}.btf`), idrBtf(0));
});

Deno.test("sidecar: a symlink sidecar pointing outside the root is never read", async () => {
  using dir = tempDir();
  using outside = tempDir();
  const vmlinux = `${dir.path}/k/vmlinux`;
  Deno.mkdirSync(`${dir.path}/k`);
  Deno.writeFileSync(vmlinux, elfOf(idrBtf(0)));
  Deno.writeFileSync(`${outside.path}/evil.btf`, idrBtf(4));
  Deno.symlinkSync(`${outside.path}/evil.btf`, `${vmlinux}.btf`);
  const future = Date.now() / 1000 + 3600;
  Deno.utimeSync(`${outside.path}/evil.btf`, future, future);
  assert.deepEqual(await shift(vmlinux, dir.path), { sidecar: "rewritten", shift: 0 });
  assert.ok(Deno.lstatSync(`${vmlinux}.btf`).isFile, "the symlink was replaced by a file");
  assert.deepEqual(Deno.readFileSync(`${outside.path}/evil.btf`), idrBtf(4));
});

// ---------------------------------------------------------------------------------------
// 2. Every input opened once; non-regular files refused; nothing blocks

function spawnWithTimeout(args: string[], ms: number) {
  const child = new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", CLI, ...args],
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  const timer = setTimeout(() => child.kill("SIGKILL"), ms);
  return child.output().then((out) => {
    clearTimeout(timer);
    return { code: out.code, signal: out.signal, stderr: new TextDecoder().decode(out.stderr) };
  });
}

Deno.test("input: a FIFO is refused at once, with or without a writer", async () => {
  using dir = tempDir();
  const fifo = `${dir.path}/pipe`;
  new Deno.Command("mkfifo", { args: [fifo] }).outputSync();
  const r = await spawnWithTimeout(["kernel", fifo, "--no-cache"], 20_000);
  assert.equal(r.signal, null, "the CLI hung on a FIFO");
  assert.equal(r.code, 1);
  assert.equal(
    r.stderr,
    `ktstr-btf: btf: open ${fifo}: read file: not a regular file (a FIFO); only regular files and standard input are read\n`,
  );
  throwsBtf(
    () => loadBtf("/dev/zero"),
    "btf: open /dev/zero: read file: not a regular file (a character device); only regular files and standard input are read",
  );
});

Deno.test("input: the cache path opens a FIFO inside the root no more than the plain path", async () => {
  using dir = tempDir();
  Deno.mkdirSync(`${dir.path}/k`);
  const fifo = `${dir.path}/k/vmlinux`;
  new Deno.Command("mkfifo", { args: [fifo] }).outputSync();
  const r = await spawnWithTimeout(["kernel", fifo, "--cache-dir", dir.path], 20_000);
  assert.equal(r.signal, null, "the CLI hung on a FIFO");
  assert.match(r.stderr, /not a regular file \(a FIFO\)/);
});

// ---------------------------------------------------------------------------------------
// 3. The 4 GiB WebAssembly memory limit; cache add streams

/** A sparse raw BTF of `total` bytes whose header describes exactly that much. */
function sparseBtf(path: string, typeLen: number, strLen: number): void {
  const head = new Uint8Array(24);
  head.set([0x9f, 0xeb, 1, 0]);
  setU32(head, 4, 24);
  setU32(head, 8, 0);
  setU32(head, 12, typeLen);
  setU32(head, 16, typeLen);
  setU32(head, 20, strLen);
  Deno.writeFileSync(path, head);
  Deno.truncateSync(path, 24 + typeLen + strLen);
}

Deno.test("limit: a BTF past the 4 GiB WebAssembly memory is a BtfError naming it", () => {
  using dir = tempDir();
  const path = `${dir.path}/huge.btf`;
  sparseBtf(path, 0xfffffff0, 0x40000000);
  let message = "";
  const started = performance.now();
  try {
    loadBtf(path);
  } catch (err) {
    assert.ok(err instanceof BtfError, String(err));
    message = err.message;
  }
  // The table's size (BTF, record offsets, the two indexes) is the table's business; the
  // message's form, the file, the size and the limit are this test's.
  const m = new RegExp(
    `^btf: open ${path}: btf: a 5368709128-byte BTF needs (\\d+) MiB of WebAssembly memory, ` +
      "over the 4096 MiB \\(4 GiB\\) limit$",
  ).exec(message);
  assert.ok(m, message);
  assert.ok(Number(m[1]) > 5368709128 / 2 ** 20, m[1]);
  assert.ok(performance.now() - started < 1000, "decided before reading 5 GiB");
});

Deno.test("cache add: memory stays flat while copying a large image, errors name the file", () => {
  using dir = tempDir();
  const image = `${dir.path}/vmlinux-big`;
  Deno.writeFileSync(image, elfOf(idrBtf(0)));
  // A sparse tail after the section headers: still a valid ELF, 256 MiB to copy.
  Deno.truncateSync(image, 256 * 1024 * 1024);
  const script = `
    import { addEntry } from ${JSON.stringify(new URL("../load/entries.ts", import.meta.url).href)};
    addEntry(${JSON.stringify(`${dir.path}/root`)}, ${JSON.stringify(image)}, "big");
    const hwm = /VmHWM:\\s+(\\d+) kB/.exec(Deno.readTextFileSync("/proc/self/status"))[1];
    console.log(hwm);
  `;
  const out = spawn(Deno.execPath(), { args: ["eval", script] });
  assert.equal(out.code, 0, out.stderr);
  const hwmKb = Number(out.stdout.trim());
  assert.ok(hwmKb < 128 * 1024, `peak RSS ${hwmKb} kB while adding a 256 MiB image`);
  assert.equal(Deno.statSync(`${dir.path}/root/big/vmlinux`).size, 256 * 1024 * 1024);
  // A bad image: the message names the file, and is not an internal error.
  Deno.writeFileSync(`${dir.path}/bad`, elfOf(setU32(smallBtf(), 8, 2)));
  assert.throws(
    () => addEntry(`${dir.path}/root`, `${dir.path}/bad`, "bad"),
    (err: Error) =>
      err.message ===
        `btf: open ${dir.path}/bad: btf: type section offset 2 is not a multiple of 4`,
  );
});

// ---------------------------------------------------------------------------------------
// 4. Trailing data is rejected before any large allocation

Deno.test("trailing data after the described sections is rejected, as the kernel does", () => {
  using dir = tempDir();
  const path = `${dir.path}/tail.btf`;
  const btf = smallBtf();
  Deno.writeFileSync(path, btf);
  Deno.truncateSync(path, btf.length + 2 * 1024 * 1024 * 1024);
  throwsBtf(
    () => loadBtf(path),
    `btf: open ${path}: btf: 2147483648 bytes of trailing data after the sections the header describes (they end at byte ${btf.length})`,
  );
  const one = new Uint8Array(btf.length + 1);
  one.set(btf);
  throwsBtf(
    () => BtfTypes.build(one),
    `btf: 1 bytes of trailing data after the sections the header describes (they end at byte ${btf.length})`,
  );
});

// ---------------------------------------------------------------------------------------
// 5. Temp files of dead writers are swept

Deno.test("sweep: a hit, and cache clean, remove dead writers' temp files, keep live ones", async () => {
  using dir = tempDir();
  const vmlinux = `${dir.path}/k/vmlinux`;
  Deno.mkdirSync(`${dir.path}/k`);
  Deno.writeFileSync(vmlinux, elfOf(idrBtf(0)));
  assert.equal((await shift(vmlinux, dir.path)).sidecar, "written");
  const child = new Deno.Command("true").spawn();
  await child.status;
  const dead = child.pid;
  const live = new Deno.Command("sleep", { args: ["60"] }).spawn();
  try {
    const deadTmp = `${dir.path}/k/.vmlinux.btf.tmp-0000dead-${dead}`;
    const liveTmp = `${dir.path}/k/.vmlinux.btf.tmp-0000live-${live.pid}`;
    // An entry the sweep cannot remove (a non-empty directory) must not stop it.
    const stuck = `${dir.path}/k/.vmlinux.btf.tmp-0000stuck-${dead}`;
    Deno.mkdirSync(stuck);
    Deno.writeFileSync(`${stuck}/x`, new Uint8Array(1));
    Deno.writeFileSync(deadTmp, new Uint8Array(100));
    Deno.writeFileSync(liveTmp, new Uint8Array(100));
    assert.equal((await shift(vmlinux, dir.path)).sidecar, "hit");
    assert.ok(!exists(deadTmp), "a hit sweeps a dead writer's temp file");
    assert.ok(exists(liveTmp), "a live writer's temp file is kept");
    const deadTmp2 = `${dir.path}/k/.vmlinux.btf.tmp-0001dead-${dead}`;
    Deno.writeFileSync(deadTmp2, new Uint8Array(100));
    const r = cleanEntries(dir.path, 1, true);
    assert.deepEqual(r.removed, []);
    assert.ok(!r.orphans.some((o) => o.includes("live")), String(r.orphans));
    assert.ok(!exists(deadTmp2), "cache clean sweeps temp files in entries");
    assert.ok(exists(liveTmp));
  } finally {
    live.kill("SIGKILL");
    await live.status;
  }
});

// ---------------------------------------------------------------------------------------
// 6. Control characters are escaped in every message

Deno.test("messages: a newline and terminal escapes in a path stay on one escaped line", async () => {
  using dir = tempDir();
  const path = `${dir.path}/a\nb\x1b[31mred`;
  Deno.writeFileSync(path, new TextEncoder().encode("not btf"));
  const r = await runCli(["kernel", path, "--no-cache"]);
  assert.equal(r.code, 1);
  const shown = `${dir.path}/a\\nb\\x1b[31mred`;
  assert.equal(
    r.stderr,
    `ktstr-btf: btf: open ${shown}: not recognized as raw BTF (missing 0x9FEB magic), ELF vmlinux or compressed kernel image\n`,
  );
  assert.equal(printable("a\tb\r\x7f\u009b\u2028\u202e"), "a\\tb\\r\\x7f\\x9b\\u2028\\u202e");
  assert.equal(printable("plain ünïcode ok"), "plain ünïcode ok");
});

// ---------------------------------------------------------------------------------------
// 7. What the kernel's verifier validates

/** Builds a table from `bytes`, expecting the BtfError `message`. */
function rejects(message: string, bytes: Uint8Array): void {
  throwsBtf(() => BtfTypes.build(bytes), message);
}

Deno.test("validate: header flags, a longer header's bytes, section layout", () => {
  rejects("btf: header flags 0x1 are not zero", smallBtf().map((v, i) => (i === 3 ? 1 : v)));
  // A 40-byte header: bytes past the 32 this reader knows must be zero.
  const b = smallBtf();
  const long = new Uint8Array(b.length + 16);
  long.set(b.subarray(0, 24));
  setU32(long, 4, 40);
  long.set(b.subarray(24), 40);
  assert.equal(BtfTypes.build(long).count, 2);
  long[36] = 7;
  rejects(
    "btf: header bytes 32..39 are not zero (a 40-byte header this reader does not know)",
    long,
  );
  // Overlapping type and string sections.
  const o = smallBtf();
  const typeLen = new DataView(o.buffer).getUint32(12, true);
  setU32(o, 16, typeLen - 4);
  setU32(o, 20, new DataView(o.buffer).getUint32(20, true) + 4);
  rejects(
    `btf: string section [${typeLen - 4}, ${
      o.length - 24
    }) overlaps the type section [0, ${typeLen})`,
    o,
  );
  // A gap that is not alignment padding.
  const g = new Uint8Array(smallBtf().length + 8);
  g.set(smallBtf());
  const strOff = typeLen, strLen = smallBtf().length - 24 - typeLen;
  g.copyWithin(24 + strOff + 8, 24 + strOff, 24 + strOff + strLen);
  setU32(g, 16, strOff + 8);
  rejects(`btf: 8 unused bytes before the string section at offset ${strOff + 8}`, g);
  rejects("btf: type section offset 2 is not a multiple of 4", setU32(smallBtf(), 8, 2));
  // String section: must start with the empty name.
  const s = smallBtf();
  s[24 + typeLen] = 0x41;
  rejects("btf: string section does not start with a NUL (offset 0 is the empty name)", s);
});

Deno.test("validate: string references are checked at parse time", () => {
  const b = new BtfBuilder();
  const int = b.int("int", 4);
  b.struct("s", 8, [["a", int, 0]]);
  const bytes = b.build();
  // The member's name word: header 24 + INT (16) + struct header 12.
  setU32(bytes, 24 + 16 + 12, 9999);
  rejects("btf: type id 2 (STRUCT) element 0 has name offset 9999 past the strings", bytes);
});

Deno.test("validate: member offsets lie within the struct; union members at 0", () => {
  const b = new BtfBuilder();
  const int = b.int("int", 4);
  b.struct("s", 8, [["a", int, 2097151]]);
  rejects(
    "btf: type id 2 (STRUCT) member 0 at bit offset 2097151 lies past its 8-byte size",
    b.build(),
  );
  const u = new BtfBuilder();
  const i2 = u.int("int", 4);
  u.struct("u", 4, [["a", i2, 0], ["b", i2, 8]], false, Kind.UNION);
  rejects("btf: type id 2 (UNION) member 1 at bit offset 8: union members start at 0", u.build());
  // kind_flag: the low 24 bits are the offset, the high 8 the bitfield size.
  const k = new BtfBuilder();
  const i3 = k.int("int", 4);
  k.struct("s", 8, [["a", i3, (3 << 24) | 63]], true);
  assert.equal(BtfTypes.build(k.build()).count, 2);
});

Deno.test("validate: each kind's vlen, kind_flag, size and name rules", () => {
  const one = (f: (b: BtfBuilder) => void) => {
    const b = new BtfBuilder();
    f(b);
    return b.build();
  };
  rejects(
    "btf: type id 1 (INT) has vlen 2; INT takes none",
    one((b) => b.raw("int", Kind.INT, 2, 4, [32])),
  );
  rejects(
    "btf: type id 1 (PTR) has kind_flag set; PTR takes none",
    one((b) => b.ref(Kind.PTR, "", 0, true)),
  );
  rejects(
    "btf: type id 1 (INT) has size 3; INT is 1, 2, 4, 8 or 16 bytes",
    one((b) => b.raw("i", Kind.INT, 0, 3, [24])),
  );
  rejects(
    "btf: type id 1 (ENUM) has size 3; ENUM is 1, 2, 4 or 8 bytes",
    one((b) => b.raw("e", Kind.ENUM, 0, 3)),
  );
  rejects(
    "btf: type id 1 (FLOAT) has size 6; FLOAT is 2, 4, 8, 12 or 16 bytes",
    one((b) => b.raw("f", Kind.FLOAT, 0, 6)),
  );
  rejects(
    "btf: type id 2 (ARRAY) has size 4; ARRAY takes 0",
    one((b) => {
      const i = b.int("int", 4);
      b.raw("", Kind.ARRAY, 0, 4, [i, i, 2]);
    }),
  );
  rejects(
    "btf: type id 1 (INT) has invalid int data 0x00000021 (offset 0 + 33 bits exceed its 4-byte size)",
    one((b) => b.raw("i", Kind.INT, 0, 4, [33])),
  );
  rejects(
    "btf: type id 1 (PTR) must be anonymous (name offset 1)",
    one((b) => b.ref(Kind.PTR, "p", 0)),
  );
  rejects("btf: type id 1 (TYPEDEF) must be named", one((b) => b.ref(Kind.TYPEDEF, "", 0)));
  rejects(
    "btf: type id 1 (VAR) has linkage 7 (0, 1 or 2)",
    one((b) => b.raw("v", Kind.VAR, 0, 0, [7])),
  );
  rejects(
    "btf: type id 1 (INT) has reserved info bits set (0x01010000)",
    one((b) => b.raw("i", Kind.INT, 0x10000, 4, [32])),
  );
  rejects(
    "btf: type id 2 (DATASEC) variable 0 (offset 8, size 8) runs past its 12-byte size",
    one((b) => {
      const v = b.raw("v", Kind.VAR, 0, 0, [1]);
      b.raw(".data", Kind.DATASEC, 1, 12, [v, 8, 8]);
    }),
  );
  rejects("btf: type id 1 has unknown kind 0", one((b) => b.raw("", 0, 0, 0)));
  rejects(
    "btf: type id 2 (PTR) refers to type id 9, past the last type id 2",
    one((b) => {
      b.int("int", 4);
      b.ref(Kind.PTR, "", 9);
    }),
  );
});

Deno.test("validate: real kernels and the fixtures still load", () => {
  for (const path of [PINNED_73_BTF, DEBIAN_VMLINUX, DEBIAN_BTF]) {
    const { types } = loadBtf(path);
    assert.ok(types.count > 50000, path);
  }
});

Deno.test("cache root: a relative KTSTR_CACHE_DIR or XDG_CACHE_HOME is an error", () => {
  const env = (vars: Record<string, string>) => ({ get: (k: string) => vars[k] });
  assert.throws(
    () => resolveCacheRoot(env({ KTSTR_CACHE_DIR: "rel/dir", HOME: "/h" })),
    (e: Error) =>
      e instanceof CacheError &&
      e.message === "cache root: KTSTR_CACHE_DIR 'rel/dir' is not an absolute path",
  );
  assert.throws(
    () => resolveCacheRoot(env({ XDG_CACHE_HOME: ".cache", HOME: "/h" })),
    (e: Error) =>
      e instanceof CacheError &&
      e.message === "cache root: XDG_CACHE_HOME '.cache' is not an absolute path",
  );
});
