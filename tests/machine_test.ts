/**
 * A report's `source.arch`, `endianness` and `pointer_size` on every architecture's real
 * kernel (as shipped: flat Images, an s390 image, a ppc64el ELF, an x86 bzImage; and the raw
 * BTF each holds, where the architecture comes from the BTF alone) and on the fixtures
 * (32-bit, big-endian, and the era fixtures, which name no architecture).
 * @module
 */
import assert from "node:assert/strict";
import { loadBtf } from "../load/file.ts";
import { bpftoolKindCounts, fixture, runCli } from "./helpers.ts";

const CASES: [string, string | null, "little" | "big", number | null, string][] = [
  [".cache/arm64-6.12.image", "arm64", "little", 8, "flat"],
  [".cache/arm64-7.image", "arm64", "little", 8, "flat"],
  [".cache/riscv64.image", "riscv64", "little", 8, "flat"],
  [".cache/s390x.image", "s390x", "big", 8, "flat"],
  [".cache/ppc64el.image", "ppc64le", "little", 8, "elf"],
  [".cache/sched-ext.vmlinuz", "x86_64", "little", 8, "image"],
  [".cache/debian-6.1.vmlinux", "x86_64", "little", 8, "elf"],
  // Raw BTF: the architecture from the BTF itself.
  [".cache/arm64-7.btf", "arm64", "little", 8, "raw"],
  [".cache/riscv64.btf", "riscv64", "little", 8, "raw"],
  [".cache/s390x.btf", "s390x", "big", 8, "raw"],
  [".cache/ppc64el.btf", "ppc64le", "little", 8, "raw"],
  [".cache/debian-6.1.btf", "x86_64", "little", 8, "raw"],
  ["ptr32_i686.btf", null, "little", 4, "raw"],
  ["ptr32_armv7.btf", null, "little", 4, "raw"],
  ["ptr32_ppc32.btf", null, "big", 4, "raw"],
  ["era_7_3.btf", null, "little", 8, "raw"],
  ["era_7_3_be.o", null, "big", 8, "elf"],
];

Deno.test("source: arch, endianness and pointer size of every architecture's kernel", async () => {
  for (const [name, arch, endianness, pointer, format] of CASES) {
    const r = await runCli(["kernel", fixture(name), "--json", "--group", "idr", "--no-cache"]);
    assert.equal(r.code, 0, `${name}: ${r.stderr}`);
    const { source } = JSON.parse(r.stdout);
    assert.deepEqual(
      [source.arch, source.endianness, source.pointer_size, source.format],
      [arch, endianness, pointer, format],
      name,
    );
  }
  const human = await runCli(["kernel", fixture(".cache/s390x.image"), "--group", "idr"]);
  assert.match(
    human.stdout,
    /^ {2}flat kernel image · \d+ BTF bytes · \d+ types · s390x, big-endian, 8-byte pointers · /m,
  );
});

Deno.test("diff: x86_64 against arm64 shows the real layout differences, each side its own", async () => {
  const x86 = fixture(".cache/sched-ext.btf"), arm = fixture(".cache/arm64-7.btf");
  const r = await runCli(["diff", x86, arm, "--json"]);
  assert.equal(r.code, 1, r.stderr);
  const offset = async (k: string) =>
    JSON.parse((await runCli(["offset", "task_struct.pid", "-k", k, "--json"])).stdout).paths[0]
      .offset;
  const [a, b] = [await offset(x86), await offset(arm)];
  assert.notEqual(a, b, "task_struct.pid differs between the architectures");
  const { kernels, diffs } = JSON.parse(r.stdout);
  assert.deepEqual(kernels.map((k: { arch: string }) => k.arch), ["x86_64", "arm64"]);
  const pid = diffs[0].changes.find((c: { path: string }) =>
    c.path === "task_enrichment.task_struct_pid"
  );
  assert.deepEqual(pid, {
    class: "moved",
    what: "field",
    path: "task_enrichment.task_struct_pid",
    from: a,
    to: b,
    via: "task_struct.pid",
  });
});

Deno.test("modules: an arm64 and a big-endian s390x module over their base, as ELF and .ko.xz", async () => {
  for (const arch of ["arm64-6.12", "s390x"]) {
    const base = fixture(`.cache/${arch}.btf`), btf = fixture(`.cache/${arch}-mod.btf`);
    const expected = bpftoolKindCounts(btf, base);
    const types = loadBtf(btf, loadBtf(base).types).types;
    assert.deepEqual(
      Object.fromEntries(Object.entries(types.kindCounts()).sort()),
      Object.fromEntries(Object.entries(expected).sort()),
    );
    for (const ext of ["ko", "ko.xz"]) {
      const path = fixture(`.cache/${arch}-mod.${ext}`);
      const r = await runCli(["kernel", "--base", base, path, "--json", "--group", "idr"]);
      assert.equal(r.code, 0, r.stderr);
      const { source } = JSON.parse(r.stdout);
      assert.deepEqual(
        [source.btf_bytes, source.type_count, source.endianness],
        [Deno.statSync(btf).size, types.count, arch === "s390x" ? "big" : "little"],
        path,
      );
    }
  }
});
