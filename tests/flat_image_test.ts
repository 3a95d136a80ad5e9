/**
 * Flat kernel images (arm64/riscv64 `Image`, EFI zboot, s390) and the BTF candidate scan:
 * synthetic images made here (tests/image_fuzz.ts builds them), and Debian's kernels of every
 * architecture as shipped, fetched by tests/prepare.sh (testdata/fetch-debian-arch.sh) with
 * references extracted without this project's code (testdata/extract-btf.py, llvm-objcopy).
 * @module
 */
import assert from "node:assert/strict";
import { memorySource } from "../btf/elf.ts";
import { BtfError, BUILT_WITHOUT_BTF, NoBtfError } from "../btf/errors.ts";
import { elfArch, peMachineArch } from "../btf/image/arch.ts";
import {
  BtfScanner,
  claimedSize,
  findBtf,
  isValidBtf,
  PAGE_ALIGNED_MIN,
} from "../btf/image/btf_scan.ts";
import { BOOT_HEADER_BYTES, isKernelImage } from "../btf/image/bzimage.ts";
import { flatImageHeader, scanFlatSource } from "../btf/image/flat.ts";
import { btfFromImage } from "../btf/image/image.ts";
import { peHeader } from "../btf/image/pe.ts";
import { isS390Head, isS390Image, s390PayloadCandidates } from "../btf/image/s390.ts";
import { zbootPayload } from "../btf/image/zboot.ts";
import { extraWords } from "../btf/kinds.ts";
import { loadBtf } from "../load/file.ts";
import { addKernelEntry, loadImage, loadKernelCached, readImageBtf } from "../load/image.ts";
import { layoutBtf } from "./fuzz.ts";
import {
  concat,
  FLAT_BTF,
  FLAT_BTF_BE,
  flatFuzzImages,
  gzipImage,
  noise,
  S390_PAYLOAD_AT,
  syntheticImage,
  syntheticS390,
  syntheticZboot,
} from "./image_fuzz.ts";
import {
  bpftoolKindCounts,
  fixture,
  PINNED_73_BTF,
  rejectsBtf,
  SCHED_EXT_VMLINUX,
  SCHED_EXT_VMLINUZ,
  spawnCli,
  tempDir,
} from "./helpers.ts";

const LE = () => Deno.readFileSync(FLAT_BTF);
const BE = () => Deno.readFileSync(FLAT_BTF_BE);
const read = (image: Uint8Array) => btfFromImage(memorySource(image));

function scanInChunks(bytes: Uint8Array, size: number) {
  const s = new BtfScanner();
  for (let at = 0; at < bytes.length; at += size) s.push(bytes.subarray(at, at + size));
  return { found: s.finish(), valid: s.validCount };
}

// ---- The candidate check ----------------------------------------------------------------

Deno.test("flat: the candidate check accepts real BTF in both byte orders, with a kind layout", () => {
  for (const [bytes, le] of [[LE(), true], [BE(), false]] as const) {
    assert.ok(isValidBtf(bytes));
    const found = findBtf(bytes)!;
    assert.deepEqual([found.offset, found.bytes.length, found.littleEndian], [0, bytes.length, le]);
    assert.equal(claimedSize(bytes.subarray(0, 32)), bytes.length);
  }
  // Kind 20, sized by the layout section (a newer kernel's kind).
  assert.ok(isValidBtf(layoutBtf()));
});

/** The offset of the info word of the first STRUCT record of a little-endian blob. */
function firstStruct(b: Uint8Array): number {
  const v = new DataView(b.buffer, b.byteOffset);
  let at = 24 + v.getUint32(8, true);
  for (;;) {
    const info = v.getUint32(at + 4, true), kind = (info >>> 24) & 0x1f;
    if (kind === 4) return at + 4;
    at += 12 + 4 * extraWords(kind, info & 0xffff);
  }
}

Deno.test("flat: the candidate check rejects every broken part of a blob", () => {
  const good = LE();
  const v = (b: Uint8Array) => new DataView(b.buffer, b.byteOffset);
  const broken: [string, (b: Uint8Array) => void][] = [
    ["version 2", (b) => void (b[2] = 2)],
    ["flags 1", (b) => void (b[3] = 1)],
    ["hdr_len 20", (b) => v(b).setUint32(4, 20, true)],
    ["type_len 4 shorter", (b) => v(b).setUint32(12, v(b).getUint32(12, true) - 4, true)],
    ["a struct's vlen + 1", (b) => {
      const info = firstStruct(b);
      v(b).setUint16(info, v(b).getUint16(info, true) + 1, true);
    }],
    ["a kind no layout sizes", (b) => void (b[24 + 7] = 25)],
    ["reserved info bits", (b) => void (b[24 + 6] = 1)],
    ["strings not NUL-terminated", (b) => void (b[b.length - 1] = 0x41)],
    ["strings not starting with NUL", (b) => {
      const strStart = 24 + v(b).getUint32(16, true);
      b[strStart] = 0x41;
    }],
  ];
  for (const [what, edit] of broken) {
    const b = good.slice();
    edit(b);
    assert.equal(isValidBtf(b), false, what);
  }
  // The blob cut short: no candidate completes.
  assert.equal(findBtf(good.subarray(0, good.length - 1)), null);
});

Deno.test("flat: the scanner finds the blob in any chunking, false candidates dropped", () => {
  const image = syntheticImage({ btfAt: 0x8001 });
  const expected = LE();
  for (const size of [1, 3, 7, 4096, 65521, image.length]) {
    const { found, valid } = scanInChunks(image, size);
    assert.ok(found !== null, `chunk ${size}`);
    assert.equal(found.offset, 0x8001);
    assert.deepEqual(found.bytes, expected, `chunk ${size}`);
    assert.equal(valid, 1, `chunk ${size}: the false candidates are not valid`);
  }
  // A magic straddling two chunks, in both byte orders.
  const be = syntheticImage({ arch: "none", btf: BE(), btfAt: 4094 });
  const { found } = scanInChunks(be, 4096);
  assert.deepEqual([found?.offset, found?.littleEndian], [4094, false]);
  assert.deepEqual(found?.bytes, BE());
});

Deno.test("flat: of several valid blobs the largest wins; a large page-aligned one settles the scan", () => {
  const small = Deno.readFileSync(fixture("shapes.btf"));
  assert.ok(isValidBtf(small));
  // The small one first, on a page boundary: below the fast path's size, so the scan goes on.
  const image = syntheticImage({ btfAt: 0x9001, extra: [[0x6000, small]] });
  const { found, valid } = scanInChunks(image, 4096);
  assert.equal(valid, 2);
  assert.deepEqual([found?.offset, found?.bytes.length], [0x9001, LE().length]);
  const src = memorySource(image);
  assert.equal(scanFlatSource(src)?.offset, 0x9001);
  // A vmlinux-sized BTF on a page boundary: taken by the fast path, the scanner says settled.
  const big = Deno.readFileSync(PINNED_73_BTF);
  assert.ok(big.length >= PAGE_ALIGNED_MIN);
  const withBig = concat(syntheticImage({ btf: big, btfAt: 0x10000 }), noise(1 << 20));
  const s = new BtfScanner();
  let stoppedAt = -1;
  for (let at = 0; at < withBig.length; at += 65536) {
    if (!s.push(withBig.subarray(at, at + 65536))) {
      stoppedAt = at;
      break;
    }
  }
  assert.ok(s.settled && stoppedAt > 0 && stoppedAt < withBig.length - (1 << 20), `${stoppedAt}`);
  assert.equal(s.finish()?.bytes.length, big.length);
  const fast = scanFlatSource(memorySource(withBig));
  assert.deepEqual([fast?.offset, fast?.bytes.length], [0x10000, big.length]);
});

// ---- Headers ------------------------------------------------------------------------------

Deno.test("flat: headers name the architecture (PE Machine, Image magic, ELF e_machine)", () => {
  const arm = syntheticImage(), riscv = syntheticImage({ arch: "riscv64" });
  assert.deepEqual(flatImageHeader(arm), { kind: "arm64 Image", arch: "arm64" });
  assert.deepEqual(flatImageHeader(riscv), { kind: "riscv Image", arch: "riscv64" });
  assert.deepEqual(peHeader(arm), { offset: 0x40, machine: 0xaa64, arch: "arm64" });
  assert.equal(flatImageHeader(syntheticImage({ arch: "none" })), null);
  // An arm64 Image without an EFI stub: the Image magic alone.
  const bare = arm.slice(0, 0x100);
  bare.fill(0, 0, 2);
  assert.deepEqual(flatImageHeader(bare), { kind: "arm64 Image", arch: "arm64" });
  assert.equal(peMachineArch(0x8664), "x86_64");
  assert.equal(peMachineArch(0x5064), "riscv64");
  assert.equal(peMachineArch(0x1234), undefined);
  assert.equal(elfArch(Deno.readFileSync(SCHED_EXT_VMLINUX).subarray(0, 64)), "x86_64");
  const elf = new Uint8Array(64);
  elf.set([0x7f, 0x45, 0x4c, 0x46, 2, 2]);
  elf.set([0, 22], 18);
  assert.equal(elfArch(elf), "s390x");
  elf.set([2, 1], 4);
  elf.set([21, 0], 18);
  assert.equal(elfArch(elf), "ppc64le");
  assert.equal(elfArch(elf.subarray(0, 10)), undefined);
});

Deno.test("flat: zboot and s390 headers, and every flat image is a kernel image to the sync loader", () => {
  const zboot = syntheticZboot(syntheticImage(), "zstd");
  const z = zbootPayload(zboot)!;
  assert.deepEqual([z.offset, z.type, z.compression], [0x1000, "zstd22", "zstd"]);
  assert.equal(zbootPayload(syntheticImage()), null);
  const s390 = syntheticS390();
  assert.ok(isS390Head(s390) && isS390Image(memorySource(s390)));
  assert.ok(!isS390Image(memorySource(s390.subarray(0, 0x10008))));
  // The false aligned magics come first, the payload after them; the unaligned one never.
  assert.deepEqual(
    Array.from(s390PayloadCandidates(memorySource(s390)), (c) => [c.compression, c.offset])
      .slice(0, 3),
    [["zstd", 0x13000], ["gzip", 0x13800], ["zstd", S390_PAYLOAD_AT]],
  );
  using dir = tempDir();
  for (
    const [name, bytes] of [
      ["Image", syntheticImage()],
      ["riscv", syntheticImage({ arch: "riscv64" })],
      ["zboot", zboot],
      ["s390", s390],
    ] as const
  ) {
    assert.ok(isKernelImage(bytes.subarray(0, BOOT_HEADER_BYTES)), name);
    const path = `${dir.path}/${name}`;
    Deno.writeFileSync(path, bytes);
    assert.throws(
      () => loadBtf(path),
      (e) => e instanceof BtfError && /the asynchronous loaders read it/.test(e.message),
    );
  }
});

// ---- Synthetic images end to end ------------------------------------------------------------

Deno.test("flat: an uncompressed arm64 and riscv64 Image give their BTF", async () => {
  for (const [arch, at] of [["arm64", 0x8000], ["riscv64", 0x8768]] as const) {
    const got = (await read(syntheticImage({ arch, btfAt: at })))!;
    assert.deepEqual(
      [got.format, got.container, got.compression, got.arch, got.offset],
      ["flat", "Image", null, arch, at],
    );
    assert.deepEqual(got.btf, LE());
  }
});

Deno.test("flat: Image.gz, EFI zboot of every compression, and their arch", async () => {
  const flat = syntheticImage({ btfAt: 0x8010 });
  const gz = (await read(gzipImage(flat)))!;
  assert.deepEqual(
    [gz.format, gz.container, gz.compression, gz.arch, gz.offset],
    ["flat", "compressed", "gzip", "arm64", 0x8010],
  );
  assert.deepEqual(gz.btf, LE());
  for (const c of ["gzip", "zstd", "xz", "lzma", "lz4", "lzo", "bzip2"] as const) {
    const got = (await read(syntheticZboot(flat, c)))!;
    assert.deepEqual(
      [got.format, got.container, got.compression, got.arch, got.offset],
      ["flat", "zboot", c, "arm64", 0x8010],
      c,
    );
    assert.deepEqual(got.btf, LE(), c);
  }
});

Deno.test("flat: an s390 image's zstd payload, and an uncompressed one, give the big-endian BTF", async () => {
  const got = (await read(syntheticS390()))!;
  assert.deepEqual(
    [got.format, got.container, got.compression, got.arch, got.offset],
    ["flat", "s390", "zstd", "s390x", 0x8000],
  );
  assert.deepEqual(got.btf, BE());
  const raw = (await read(syntheticS390(false)))!;
  assert.deepEqual(
    [raw.format, raw.container, raw.compression, raw.arch, raw.offset],
    ["flat", "s390", null, "s390x", S390_PAYLOAD_AT + 0x8000],
  );
  assert.deepEqual(raw.btf, BE());
  // Through the loader: the big-endian blob builds the table the little-endian one does.
  using dir = tempDir();
  Deno.writeFileSync(`${dir.path}/s390`, syntheticS390());
  const loaded = await loadImage(`${dir.path}/s390`);
  assert.equal(loaded.types.bigEndian, true);
  assert.deepEqual(loaded.types.rawBytes(), loadBtf(FLAT_BTF).types.rawBytes());
});

Deno.test("flat: images without BTF, and broken wrappers, are one-line errors", async () => {
  const noBtf = syntheticImage({ btf: new Uint8Array(16) });
  assert.equal(
    await rejectsBtf(() => read(noBtf)),
    `arm64 Image holds no valid BTF: ${BUILT_WITHOUT_BTF}`,
  );
  assert.equal(
    await rejectsBtf(() => read(gzipImage(noBtf))),
    `gzip payload: decompressed arm64 Image holds no valid BTF: ${BUILT_WITHOUT_BTF}`,
  );
  try {
    await read(syntheticZboot(noBtf, "zstd"));
    assert.fail("no error");
  } catch (err) {
    assert.ok(err instanceof NoBtfError);
  }
  assert.equal(
    await rejectsBtf(() => read(syntheticZboot(syntheticImage(), "gzip", "snappy"))),
    'EFI zboot payload compressed as "snappy", which this reader does not decode',
  );
  const zboot = syntheticZboot(syntheticImage(), "zstd");
  const short = zboot.subarray(0, 0x1000 + 100);
  assert.match(
    await rejectsBtf(() => read(short)),
    /^zstd payload: \d+ bytes at 4096 run past the end of the 4196-byte file \(truncated\)$/,
  );
  const corrupt = zboot.slice();
  corrupt.fill(0x55, 0x1000 + 16, 0x1000 + 400);
  assert.match(await rejectsBtf(() => read(corrupt)), /^zstd payload: [^\n]+$/);
  const wrongMagic = zboot.slice();
  wrongMagic[0x1000] = 0;
  const starts = Array.from(
    wrongMagic.subarray(0x1000, 0x1008),
    (b) => b.toString(16).padStart(2, "0"),
  );
  assert.equal(
    await rejectsBtf(() => read(wrongMagic)),
    `EFI zboot payload at 4096 is not zstd data (starts ${starts.join(" ")})`,
  );
  // An s390 image whose payload is gone: its false magics fail, the file holds no BTF.
  const s390 = syntheticS390();
  s390.fill(0, S390_PAYLOAD_AT, S390_PAYLOAD_AT + 8);
  assert.match(await rejectsBtf(() => read(s390)), /^s390 image: [^\n]+$/);
});

Deno.test("flat: cache add refuses a flat image (no ELF to store); the CLI reads one", async () => {
  using dir = tempDir();
  const path = `${dir.path}/Image`;
  Deno.writeFileSync(path, syntheticImage());
  assert.equal(
    await rejectsBtf(() => addKernelEntry(`${dir.path}/root`, path)),
    `btf: open ${path}: a flat kernel image (Image) holds no ELF vmlinux for a cache entry`,
  );
  const r = spawnCli(["kernel", path, "--json"]);
  assert.equal(r.stderr, "");
  assert.equal(r.code, 0);
  assert.equal(JSON.parse(r.stdout).source.btf_bytes, LE().length);
});

Deno.test("flat: the synthetic images' mutants load or fail with a BtfError", async () => {
  // The whole fuzz runs in tests/image_test.ts (runImageFuzz); each image unmutated loads here.
  for (const { name, image } of flatFuzzImages()) {
    const got = await read(image);
    assert.ok(got !== null && got.btf.length > 0, name);
  }
});

Deno.test("flat: an x86 bzImage's ELF payload names x86_64; its BTF is an ELF's (format image)", async () => {
  const got = await readImageBtf(SCHED_EXT_VMLINUZ);
  assert.deepEqual(
    [got.format, got.container, got.compression, got.arch, got.offset],
    ["image", "bzImage", "zstd", "x86_64", undefined],
  );
});

// ---- Debian's kernels of every architecture -------------------------------------------------

/** A kernel fetched by testdata/fetch-debian-arch.sh: its files in testdata/.cache. */
function fetched(name: string) {
  const path = (ext: string) => fixture(`.cache/${name}.${ext}`);
  try {
    Deno.statSync(path("ref"));
  } catch {
    throw new Error(`${path("ref")} is missing: run bash tests/prepare.sh`);
  }
  const ref = Object.fromEntries(
    Deno.readTextFileSync(path("ref")).trim().split(" ").map((kv) => kv.split("=")),
  );
  return { image: path("image"), btf: path("btf"), ref };
}

function sorted(o: Record<string, number>) {
  return Object.fromEntries(Object.entries(o).sort(([a], [b]) => a.localeCompare(b)));
}

const FLAT_KERNELS = [
  ["arm64-6.12", "arm64"],
  ["arm64-7", "arm64"],
  ["riscv64", "riscv64"],
  ["s390x", "s390x"],
] as const;

for (const [name, arch] of FLAT_KERNELS) {
  Deno.test(`debian ${name}: the image gives the reference BTF's bytes, offset, arch, and bpftool's counts`, async () => {
    const { image, btf, ref } = fetched(name);
    const expected = Deno.readFileSync(btf);
    const got = await readImageBtf(image);
    assert.deepEqual(got.btf, expected);
    assert.equal(got.format, "flat");
    assert.equal(got.arch, arch);
    assert.equal(got.offset, Number(ref.offset));
    assert.equal(got.compression ?? "none", ref.compression);
    assert.equal(got.btf[0] === 0x9f ? "little" : "big", ref.endian);
    const loaded = await loadKernelCached(image, { enabled: false });
    assert.equal(loaded.types.bigEndian, ref.endian === "big");
    assert.deepEqual(sorted(loaded.types.kindCounts()), sorted(bpftoolKindCounts(btf)));
  });
}

Deno.test("debian ppc64el: the ELF vmlinuz still reads as ELF, its header names ppc64le", async () => {
  const { image, btf } = fetched("ppc64el");
  const loaded = await loadKernelCached(image, { enabled: false });
  assert.equal(loaded.format, "elf");
  assert.deepEqual(loaded.types.btfBytes, Deno.statSync(btf).size);
  assert.deepEqual(sorted(loaded.types.kindCounts()), sorted(bpftoolKindCounts(btf)));
  const file = await Deno.open(image);
  const head = new Uint8Array(64);
  await file.read(head);
  file.close();
  assert.equal(elfArch(head), "ppc64le");
});

Deno.test("debian: the CLI reports every architecture's kernel", () => {
  for (const [name] of FLAT_KERNELS) {
    const { image, btf } = fetched(name);
    const r = spawnCli(["kernel", image, "--json"]);
    assert.equal(r.stderr, "", name);
    assert.equal(r.code, 0, name);
    assert.equal(JSON.parse(r.stdout).source.btf_bytes, Deno.statSync(btf).size, name);
  }
});
