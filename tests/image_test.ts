/**
 * Kernel images and modules: bzImage/vmlinuz with every kernel compression, real
 * Debian kernels and modules, corrupt and truncated payloads, split BTF bases, standard input
 * and the cache. The real data comes from tests/prepare.sh (testdata/.cache).
 * @module
 */
import assert from "node:assert/strict";
import { memorySource } from "../btf/elf.ts";
import { BtfError } from "../btf/errors.ts";
import { BOOT_HEADER_BYTES, bootPayload } from "../btf/image/bzimage.ts";
import { compressionAt, magicCandidates } from "../btf/image/compression.ts";
import { ElfBtfCollector } from "../btf/image/elf_btf.ts";
import { extractBtf } from "../btf/input.ts";
import { SPLIT_NEEDS_BASE } from "../btf/split.ts";
import type { BtfTypes } from "../btf/table.ts";
import { loadBtf } from "../load/file.ts";
import { addKernelEntry, implicitBase, loadImage, loadKernelCached } from "../load/image.ts";
import { resolveOffsets } from "../resolvers/mod.ts";
import { btfFromImage } from "../btf/image/image.ts";
import { imageMutant, iterationRng, tinyBzImage } from "./fuzz.ts";
import { imagePayloads, runImageFuzz } from "./image_fuzz.ts";
import {
  CLI,
  type CliResult,
  DEBIAN_BTF,
  fixture,
  rejectsBtf,
  SCHED_EXT_BTF,
  SCHED_EXT_VMLINUX,
  SCHED_EXT_VMLINUZ,
  schedExtImage,
  schedExtModule,
  schedExtRelease,
  spawn,
  tempDir,
} from "./helpers.ts";

const cache = (name: string) => {
  const path = fixture(`.cache/${name}`);
  try {
    Deno.statSync(path);
  } catch {
    throw new Error(`${path} is missing: run bash tests/prepare.sh`);
  }
  return path;
};

const REPACKED = ["gzip", "xz", "lzma", "bzip2", "lzo", "lz4"] as const;
const rawSchedExt = () => loadBtf(SCHED_EXT_BTF);

function sameTable(actual: BtfTypes, expected: BtfTypes): void {
  assert.deepEqual(actual.rawBytes(), expected.rawBytes());
  assert.deepEqual(resolveOffsets(actual), resolveOffsets(expected));
}

Deno.test("image: the x86 boot header names the payload (setup_sects 0 means 4)", () => {
  const head = new Uint8Array(BOOT_HEADER_BYTES);
  const v = new DataView(head.buffer);
  assert.equal(bootPayload(head), null);
  head.set([0x48, 0x64, 0x72, 0x53], 0x202); // "HdrS"
  v.setUint16(0x206, 0x207, true);
  assert.equal(bootPayload(head), null, "protocol 2.07 has no payload fields");
  v.setUint16(0x206, 0x20f, true);
  head[0x1f1] = 39;
  v.setUint32(0x248, 716, true);
  v.setUint32(0x24c, 14249734, true);
  assert.deepEqual(bootPayload(head), { offset: 21196, length: 14249734 });
  head[0x1f1] = 0;
  assert.deepEqual(bootPayload(head), { offset: 5 * 512 + 716, length: 14249734 });
  assert.equal(bootPayload(head.subarray(0, 0x24f)), null);
});

Deno.test("image: compression magics, found in extract-vmlinux's order", () => {
  assert.equal(compressionAt(new Uint8Array([0x28, 0xb5, 0x2f, 0xfd])), "zstd");
  assert.equal(compressionAt(new Uint8Array([0x5d, 0, 0, 0, 1])), "lzma");
  assert.equal(compressionAt(new Uint8Array([0x5d, 0, 0, 0x10])), null);
  const bytes = new Uint8Array([0, 0x28, 0xb5, 0x2f, 0xfd, 0x42, 0x5a, 0x68, 0x1f, 0x8b, 0x08]);
  assert.deepEqual(magicCandidates(bytes), [
    { compression: "gzip", offset: 8 },
    { compression: "bzip2", offset: 5 },
    { compression: "zstd", offset: 1 },
  ]);
});

Deno.test("image: the collector finds .BTF in any chunking, keeps the ELF on request", () => {
  const elf = Deno.readFileSync(fixture("era_7_1.o"));
  const expected = extractBtf(memorySource(elf)).bytes;
  for (const size of [1, 3, 7, 4096, elf.length]) {
    for (const keepAll of [false, true]) {
      const c = new ElfBtfCollector(keepAll);
      for (let at = 0; at < elf.length && c.push(elf.subarray(at, at + size)); at += size);
      const got = c.finish();
      assert.ok(got !== null, `chunk ${size}`);
      assert.deepEqual(got.btf, expected, `chunk ${size} keepAll ${keepAll}`);
      if (keepAll) assert.equal(got.elf!.length, c.received);
    }
  }
  const short = new ElfBtfCollector();
  short.push(elf.subarray(0, 200));
  assert.throws(() => short.finish(), /^BtfError: ends after 200 decompressed bytes, before/);
  const text = new ElfBtfCollector();
  assert.equal(text.push(new TextEncoder().encode("x".repeat(100))), false);
  assert.throws(
    () => text.finish(),
    (e) =>
      e instanceof BtfError &&
      e.message === "does not decompress to an ELF file (starts 78 78 78 78)",
  );
});

Deno.test("image: Debian's sched_ext vmlinuz (zstd) gives the raw .BTF's bytes and offsets", async () => {
  const loaded = await loadImage(SCHED_EXT_VMLINUZ);
  assert.equal(loaded.format, "image");
  sameTable(loaded.types, rawSchedExt().types);
});

Deno.test("image: Debian 6.1 cloud vmlinuz (lz4) gives the raw .BTF's bytes", async () => {
  const loaded = await loadImage(cache("debian-6.1-cloud.vmlinuz"));
  sameTable(loaded.types, loadBtf(cache("debian-6.1-cloud.btf")).types);
});

for (const c of REPACKED) {
  Deno.test(`image: the sched_ext vmlinux behind a real bzImage header, ${c}`, async () => {
    sameTable((await loadImage(schedExtImage(c))).types, rawSchedExt().types);
  });
}

Deno.test("image: the synchronous loader points to the asynchronous ones", () => {
  const path = schedExtModule("ko.zst");
  assert.throws(
    () => loadBtf(path),
    (e) =>
      e instanceof BtfError &&
      e.message ===
        `btf: open ${path}: a compressed kernel image or module: the asynchronous loaders read it (loadImage, loadKernelCached)`,
  );
});

Deno.test("image: corrupt and truncated payloads are one line naming the file and compression", async () => {
  using dir = tempDir();
  for (const c of [...REPACKED, "zstd"]) {
    const src = schedExtImage(c);
    const bytes = Deno.readFileSync(src);
    const boot = bootPayload(bytes)!;
    const corrupt = bytes.slice();
    // Early in the payload, so a corrupt run stays short.
    corrupt.fill(0x55, boot.offset + 4096, boot.offset + 4096 + 512);
    Deno.writeFileSync(`${dir.path}/${c}-corrupt`, corrupt);
    const message = await rejectsBtf(() => loadImage(`${dir.path}/${c}-corrupt`));
    assert.match(
      message,
      new RegExp(`^btf: open ${dir.path}/${c}-corrupt: ${c} payload: [^\\n]+$`),
    );
    Deno.writeFileSync(`${dir.path}/${c}-short`, bytes.subarray(0, boot.offset + 100000));
    assert.equal(
      await rejectsBtf(() => loadImage(`${dir.path}/${c}-short`)),
      `btf: open ${dir.path}/${c}-short: ${c} payload: ${boot.length} bytes at ${boot.offset} run past the end of the ${
        boot.offset + 100000
      }-byte file (truncated)`,
    );
  }
  // A bare compressed stream cut short: the decoder or the collector says so.
  for (const ext of ["ko.xz", "ko.zst", "ko.gz"] as const) {
    const bytes = Deno.readFileSync(schedExtModule(ext));
    const path = `${dir.path}/short.${ext}`;
    Deno.writeFileSync(path, bytes.subarray(0, bytes.length >> 1));
    const comp = { "ko.xz": "xz", "ko.zst": "zstd", "ko.gz": "gzip" }[ext];
    assert.match(
      await rejectsBtf(() => loadImage(path)),
      new RegExp(
        `^btf: open ${path}: ${comp} payload: (corrupt or truncated|ends) after \\d+ decompressed bytes[^\\n]*$`,
      ),
    );
  }
});

Deno.test("modules: .ko, .ko.xz, .ko.zst, .ko.gz read as split BTF over their kernel's base", async () => {
  const base = rawSchedExt().types;
  const expected = loadBtf(schedExtModule("btf"), base).types;
  assert.equal(expected.firstId, base.lastId + 1);
  for (const ext of ["ko", "ko.xz", "ko.zst", "ko.gz"] as const) {
    const loaded = await loadKernelCached(schedExtModule(ext), { enabled: false }, base);
    assert.equal(loaded.format, ext === "ko" ? "elf" : "image");
    assert.deepEqual(loaded.types.rawBytes(), expected.rawBytes(), ext);
    assert.deepEqual(
      loaded.types.byName("fat_mount_options"),
      expected.byName("fat_mount_options"),
    );
  }
});

Deno.test("modules: no base, the wrong base, a base for non-split BTF are errors", async () => {
  const ko = schedExtModule("ko.xz");
  assert.equal(await rejectsBtf(() => loadImage(ko)), `btf: open ${ko}: ${SPLIT_NEEDS_BASE}`);
  // Another kernel's base: which check catches it depends on how the two kernels' type
  // counts and string lengths compare, so only the verdict's first part is fixed.
  const other = loadBtf(DEBIAN_BTF).types;
  assert.match(
    await rejectsBtf(() => loadImage(ko, other)),
    new RegExp(`^btf: open ${ko}: split BTF does not match its base: btf: [^\\n]+$`),
  );
  // A base whose strings are far shorter than the module's offsets reach: they run past them.
  const era = loadBtf(fixture("era_6_12.btf")).types;
  assert.match(
    await rejectsBtf(() => loadImage(ko, era)),
    new RegExp(
      `^btf: open ${ko}: split BTF does not match its base: btf: type id \\d+ (\\(\\w+\\) element \\d+ )?has name offset \\d+ past the strings$`,
    ),
  );
  const notSplit = (p: string) =>
    `btf: open ${p}: not split BTF (its strings start with the empty string), but a base was given: --base is only for a module's split BTF`;
  const vmlinux = SCHED_EXT_BTF;
  assert.throws(
    () => loadBtf(vmlinux, rawSchedExt().types),
    (e) => (e as Error).message === notSplit(vmlinux),
  );
  const eraPath = fixture("era_7_1.btf");
  assert.throws(
    () => loadBtf(eraPath, rawSchedExt().types),
    (e) => (e as Error).message === notSplit(eraPath),
  );
  assert.equal(
    await rejectsBtf(() => loadImage(SCHED_EXT_VMLINUZ, rawSchedExt().types)),
    notSplit(SCHED_EXT_VMLINUZ),
  );
});

Deno.test("modules: /sys/kernel/btf/<module> gets /sys/kernel/btf/vmlinux as its base", () => {
  assert.equal(implicitBase("/sys/kernel/btf/kvm"), "/sys/kernel/btf/vmlinux");
  assert.equal(implicitBase("/sys/kernel/btf/vmlinux"), undefined);
  assert.equal(implicitBase("/sys/kernel/btf/a/b"), undefined);
  assert.equal(implicitBase("/tmp/kvm"), undefined);
});

function pipeCli(file: string, args: string[]): CliResult {
  return spawn("bash", {
    args: ["-c", 'cat "$1" | "$2" run -A "$3" "${@:4}"', "sh", file, Deno.execPath(), CLI, ...args],
  });
}

Deno.test("stdin: '-' and /dev/stdin from a pipe read raw BTF, ELF and vmlinuz", () => {
  const expected = JSON.stringify(resolveOffsets(rawSchedExt().types).offsets);
  for (
    const [file, name, format] of [
      [SCHED_EXT_BTF, "-", "raw"],
      [SCHED_EXT_VMLINUX, "/dev/stdin", "elf"],
      [SCHED_EXT_VMLINUZ, "-", "image"],
    ]
  ) {
    const r = pipeCli(file, ["kernel", name, "--json"]);
    assert.equal(r.stderr, "");
    assert.equal(r.code, 0);
    const report = JSON.parse(r.stdout);
    assert.equal(report.source.path, name);
    assert.equal(report.source.format, format);
    assert.equal(JSON.stringify(report.offsets), expected);
  }
});

Deno.test("cache: a vmlinuz inside the root gets a sidecar; cache add stores its ELF", async () => {
  using dir = tempDir();
  const root = `${dir.path}/root`;
  Deno.mkdirSync(`${root}/img`, { recursive: true });
  const image = `${root}/img/vmlinuz`;
  Deno.copyFileSync(SCHED_EXT_VMLINUZ, image);
  const opts = { root, warn: (m: string) => assert.fail(m) };
  const first = await loadKernelCached(image, opts);
  assert.deepEqual([first.sidecar, first.format, first.path], ["written", "image", image]);
  assert.deepEqual(
    Deno.readFileSync(`${image}.btf`),
    Deno.readFileSync(SCHED_EXT_BTF),
  );
  const second = await loadKernelCached(image, opts);
  assert.deepEqual([second.sidecar, second.format, second.path], ["hit", "image", image]);
  sameTable(second.types, rawSchedExt().types);

  const added = await addKernelEntry(root, SCHED_EXT_VMLINUZ);
  const release = schedExtRelease();
  assert.deepEqual(added, {
    key: release,
    path: `${root}/${release}/vmlinux`,
    version: release,
    replaced: false,
  });
  const elf = Deno.readFileSync(added.path);
  // The ELF proper: the payload up to its section header table (the relocs after it dropped).
  assert.deepEqual(
    elf,
    Deno.readFileSync(SCHED_EXT_VMLINUX).subarray(0, elf.length),
  );
  assert.deepEqual(
    extractBtf(memorySource(elf)).bytes,
    Deno.readFileSync(SCHED_EXT_BTF),
  );
  const meta = JSON.parse(Deno.readTextFileSync(`${root}/${release}/metadata.json`));
  assert.deepEqual([meta.version, meta.image_name, meta.has_vmlinux], [
    release,
    "vmlinux",
    true,
  ]);
  const hit = await loadKernelCached(added.path, opts);
  assert.equal(hit.sidecar, "hit");
});

Deno.test("fuzz: 300 mutated gzip and zstd bzImages throw only BtfErrors", async () => {
  const zlib = await import("node:zlib");
  const elf = Deno.readFileSync(fixture("era_7_1.o"));
  const payloads = [zlib.gzipSync(elf), zlib.zstdCompressSync(elf)];
  let loaded = 0, rejected = 0;
  for (let i = 0; i < 300; i++) {
    const r = iterationRng(20261129, i);
    const image = imageMutant(payloads[i % 2], r);
    try {
      if (await btfFromImage(memorySource(image)) !== null) loaded++;
    } catch (err) {
      assert.ok(err instanceof BtfError, `mutant ${i}: ${String(err)}`);
      rejected++;
    }
  }
  // Both outcomes occur: the run reaches past the header checks.
  assert.ok(loaded > 10 && rejected > 10, `${loaded} loaded, ${rejected} rejected`);
});

Deno.test("fuzz: 70 mutated images of every compression the kernel builds throw only BtfErrors", async () => {
  const report = await runImageFuzz(20261129, 70, 5000);
  assert.deepEqual(report.failures, []);
  assert.equal(report.iterations, 70);
  // Every compressor's payload loads unmutated, and mutants both load and fail.
  for (const { name, payload } of imagePayloads()) {
    const read = () => btfFromImage(memorySource(tinyBzImage(payload)));
    assert.ok(((await read())?.btf.length ?? 0) > 0, name);
  }
  const rejected = Object.values(report.rejected).reduce((a, b) => a + b, 0);
  assert.ok(report.loaded > 0 && rejected > 20, JSON.stringify(report));
});
