/**
 * Big-endian BTF (s390x, big-endian powerpc), read as libbpf reads it: swapped once when the
 * table is built. testdata/era_7_3_be.{o,btf} is the 7.3 era source compiled by clang for
 * `bpfeb` (testdata/build.sh), so the compiler, not this project, wrote its byte order;
 * bpftool (libbpf) dumps it exactly as it dumps the little-endian era_7_3.
 * @module
 */
import assert from "node:assert/strict";
import { BtfTypes } from "../btf/table.ts";
import { loadBtf } from "../load/file.ts";
import { loadBtfCached } from "../load/sidecar.ts";
import { resolveOffsets } from "../resolvers/mod.ts";
import { fixture, run, runCli, tempDir, throwsBtf } from "./helpers.ts";

const LE_BTF = fixture("era_7_3.btf"), BE_BTF = fixture("era_7_3_be.btf");
const BE_ELF = fixture("era_7_3_be.o");

Deno.test("endian: bpftool dumps the big-endian fixture as it dumps the little-endian one", () => {
  const dump = (path: string) => run("bpftool", ["btf", "dump", "file", path]);
  assert.equal(dump(BE_BTF), dump(LE_BTF));
  assert.deepEqual(Deno.readFileSync(BE_BTF).subarray(0, 2), new Uint8Array([0xeb, 0x9f]));
});

Deno.test("endian: big-endian raw BTF and ELF build the little-endian table, flagged", () => {
  const le = loadBtf(LE_BTF).types;
  for (const path of [BE_BTF, BE_ELF]) {
    const be = loadBtf(path).types;
    assert.equal(be.bigEndian, true, path);
    assert.deepEqual(be.rawBytes(), le.rawBytes(), path);
    assert.deepEqual(resolveOffsets(be), resolveOffsets(le), path);
  }
  assert.equal(le.bigEndian, false);
  // A worker attaches to the same memory and sees the flag.
  assert.equal(BtfTypes.attach(loadBtf(BE_BTF).types.buffer).bigEndian, true);
});

Deno.test("endian: every query command answers the same on both byte orders", async () => {
  for (
    const args of [
      ["kernel", "--json"],
      ["struct", "rq", "scx_dispatch_q", "-k"],
      ["offset", "rq.scx.local_dsq.nr", "rq.curr->scx.dsq", "-k"],
      ["enum", "cpu_usage_stat", "PIDTYPE_TGID", "-k"],
    ]
  ) {
    const le = await runCli([...args, LE_BTF]), be = await runCli([...args, BE_BTF]);
    assert.equal(be.code, 0, be.stderr);
    const bigSaid = '"endianness": "big"';
    if (args[0] === "kernel") assert.ok(be.stdout.includes(bigSaid), "the report says big-endian");
    assert.equal(
      be.stdout.replaceAll(BE_BTF, LE_BTF).replace(bigSaid, '"endianness": "little"'),
      le.stdout,
      args.join(" "),
    );
  }
  const diff = await runCli(["diff", LE_BTF, BE_BTF]);
  assert.equal(diff.code, 0, diff.stdout);
});

Deno.test("endian: split BTF of the other byte order than its base is one error", () => {
  const le = loadBtf(LE_BTF).types;
  const module = Deno.readFileSync(fixture("split_rq_mod.btf"));
  throwsBtf(
    () => BtfTypes.build(module, loadBtf(BE_BTF).types),
    "btf: split BTF is little-endian, its base is not",
  );
  assert.ok(BtfTypes.build(module, le).count > 0);
});

Deno.test("endian: a big-endian ELF's sidecar holds the section's own bytes and hits", () => {
  using dir = tempDir();
  const elf = `${dir.path}/vmlinux`;
  Deno.copyFileSync(BE_ELF, elf);
  const first = loadBtfCached(elf, { root: dir.path });
  assert.equal(first.sidecar, "written");
  assert.deepEqual(Deno.readFileSync(`${elf}.btf`), Deno.readFileSync(BE_BTF));
  const second = loadBtfCached(elf, { root: dir.path });
  assert.equal(second.sidecar, "hit");
  assert.equal(second.types.bigEndian, true);
  assert.deepEqual(second.types.rawBytes(), first.types.rawBytes());
});
