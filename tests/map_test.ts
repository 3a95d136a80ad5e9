/**
 * Mapping the kernel's BTF into the table and huge-page advice (load/map.ts), and every
 * fallback: a regular file is read, FFI not allowed, a mapping refused.
 */
import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import { freshSpace } from "../btf/arena.ts";
import { BtfTypes } from "../btf/table.ts";
import { openMapped, openSource } from "../load/file.ts";
import { mapInto, pageAdvice } from "../load/map.ts";
import { resolveOffsets } from "../resolvers/mod.ts";
import { childJson, HOST_BTF, hostTest, PINNED_73_BTF, spawn, tempDir } from "./helpers.ts";

const CHILD = fileURLToPath(new URL("./map_main.ts", import.meta.url));

interface ChildReport {
  count: number;
  same: boolean;
  advice: boolean;
  mapped: boolean;
  secondLoadFaults: number;
}

function child(permissions: string[], path: string): ChildReport {
  return childJson<ChildReport>(permissions, "map_main.ts", [path]);
}

/** Whether the running kernel maps sysfs BTF (Linux 6.16 and later). */
function kernelMapsBtf(): boolean {
  const [major, minor] = Deno.osRelease().split(".").map((n) => parseInt(n, 10));
  return major > 6 || (major === 6 && minor >= 16);
}

/** The type count of the pinned kernel. */
const pinnedCount = () => BtfTypes.build(Deno.readFileSync(PINNED_73_BTF)).count;

hostTest("map: the host BTF is mapped into its table where the kernel allows it", () => {
  const r = child(["-A"], HOST_BTF);
  assert.equal(r.count, BtfTypes.build(Deno.readFileSync(HOST_BTF)).count);
  assert.equal(r.same, true);
  assert.equal(r.advice, true);
  assert.equal(r.mapped, kernelMapsBtf(), `kernel ${Deno.osRelease()}`);
  // Mapped, a second load does not fault the blob in page by page: reading it into 4 KiB
  // pages takes one fault per 4 KiB of BTF, over 1,000. Mapped it takes 20 to 160 here (the
  // sysfs file maps whole, a regular file bind-mounted over it faults in 64 KiB at a time).
  // The bound is the read's count, not those: where the host has no free huge page the index
  // alone faults in 4 KiB pages (343 seen in CI under load), and that is not what this tests.
  const limit = Math.ceil(Deno.statSync(HOST_BTF).size / 4096);
  assert.ok(r.secondLoadFaults < limit, `second load: ${r.secondLoadFaults} faults`);
});

Deno.test("map: a regular file is read, never mapped", () => {
  using dir = tempDir();
  const copy = `${dir.path}/pinned.btf`;
  Deno.copyFileSync(PINNED_73_BTF, copy);
  const r = child(["-A"], copy);
  assert.deepEqual([r.count, r.mapped, r.advice], [pinnedCount(), false, true]);
});

Deno.test("map: without --allow-ffi the load reads into ordinary memory", () => {
  using dir = tempDir();
  const copy = `${dir.path}/pinned.btf`;
  Deno.copyFileSync(PINNED_73_BTF, copy);
  const r = child(["--allow-read"], copy);
  assert.deepEqual([r.count, r.same, r.mapped, r.advice], [pinnedCount(), true, false, false]);
});

Deno.test("map: a refused mapping leaves the memory as it was, writable", () => {
  const memory = new WebAssembly.Memory({ initial: 200, maximum: 200, shared: true });
  const bytes = new Uint8Array(memory.buffer);
  // Not page-aligned, an unaligned file offset, a regular file, a file that does not exist.
  assert.equal(mapInto(HOST_BTF, 0, bytes.subarray(100, 4196)), false);
  assert.equal(mapInto(HOST_BTF, 100, bytes.subarray(4096, 8192)), false);
  assert.equal(mapInto(CHILD, 0, bytes.subarray(4096, 8192)), false);
  assert.equal(mapInto("/sys/kernel/btf/no-such-module", 0, bytes.subarray(4096, 8192)), false);
  bytes.fill(7, 0, 8192);
  assert.equal(bytes[4096], 7);
});

hostTest("map: a mappable space lays the blob on a page and commits the table up front", () => {
  const space = freshSpace(pageAdvice() ?? undefined, true);
  const bytes = Deno.readFileSync(HOST_BTF);
  const types = BtfTypes.buildFrom(
    bytes.length,
    bytes,
    (dest) => {
      assert.equal(dest.byteOffset % 4096, 0);
      assert.equal(mapInto(HOST_BTF, 0, dest), kernelMapsBtf());
      if (!kernelMapsBtf()) dest.set(bytes);
    },
    undefined,
    space,
  );
  assert.deepEqual(types.rawBytes(), bytes);
  assert.deepEqual(resolveOffsets(types), resolveOffsets(BtfTypes.build(bytes)));
});

hostTest("map: a run opens the host BTF twice (its header, its mapping), never to sniff it", () => {
  const cli = fileURLToPath(new URL("../cli.ts", import.meta.url));
  const traced = spawn("strace", {
    args: ["-f", "-e", "trace=openat", Deno.execPath(), "run", "-A", cli, "struct", "rq"],
  });
  assert.equal(traced.code, 0, traced.stderr);
  const opens = traced.stderr.split("\n").filter((l) => l.includes(`"${HOST_BTF}"`));
  assert.equal(opens.length, 2, opens.join("\n"));
});

Deno.test("map: a memory image is mapped whole: every read a view of one mapping, closed once", () => {
  using dir = tempDir();
  const path = `${dir.path}/guest.ram`;
  const bytes = Uint8Array.from({ length: 3 * 4096 }, (_, i) => (i * 7) & 0xff);
  Deno.writeFileSync(path, bytes);
  const opened = openMapped(path);
  const a = opened.src.read(0, 16), b = opened.src.read(2 * 4096 + 5, 16);
  assert.equal(a.buffer, b.buffer); // one mapping, no copies
  assert.deepEqual([a, b], [bytes.subarray(0, 16), bytes.subarray(2 * 4096 + 5, 2 * 4096 + 21)]);
  assert.equal(opened.src.size, bytes.length);
  opened.close();
  // openSource, which every other input goes through, reads with pread: copies.
  const plain = openSource(path);
  assert.notEqual(plain.src.read(0, 16).buffer, plain.src.read(16, 16).buffer);
  plain.close();
});

Deno.test("file source: readFarInto seeks to a bigint offset (how /proc/kcore is read past 2^53)", () => {
  using dir = tempDir();
  const path = `${dir.path}/sparse`;
  const far = 1n << 43n; // 8 TiB: a hole up to it, as a kcore's is
  using f = Deno.openSync(path, { write: true, create: true });
  f.seekSync(far, Deno.SeekMode.Start);
  f.writeSync(new Uint8Array([1, 2, 3, 4]));
  const opened = openSource(path);
  const dest = new Uint8Array(6);
  opened.src.readFarInto!(far - 2n, dest);
  assert.deepEqual(dest, new Uint8Array([0, 0, 1, 2, 3, 4]));
  opened.close();
});
