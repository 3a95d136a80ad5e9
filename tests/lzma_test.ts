/**
 * The WebAssembly modules (codecs.wasm, lzo.wasm: built from today's inputs, embedded,
 * importing nothing) and xz and lzma in codecs.wasm: decoded in place (xz-embedded and the
 * LZMA SDK's LzmaDecode, the output buffer being the dictionary) where the decompressed size
 * is known (xz's index, the lzma header, the bzImage's size trailer), stepwise otherwise
 * (CRC64 and SHA-256 checks verified here, stream padding, concatenated streams, lzma of
 * unknown size); the errors of each decoder, and mutants. The sched_ext 7.3 images
 * themselves are compared with the raw `.BTF` in image_test.ts; bzip2, lz4 and lzo are in
 * codecs_test.ts.
 * @module
 */
import assert from "node:assert/strict";
import { fromBase64 } from "../btf/base64.ts";
import { memorySource } from "../btf/elf.ts";
import { BtfError } from "../btf/errors.ts";
import { bootPayload } from "../btf/image/bzimage.ts";
import { codecs } from "../btf/image/codecs/codecs.ts";
import { view } from "../btf/image/codecs/instance.ts";
import { unlzma, unxz } from "../btf/image/codecs/lzma.ts";
import { lzmaHeaderSize, MAX_SINGLE_CALL, XZ_CHECK, xzStreams } from "../btf/image/codecs/sizes.ts";
import { CODECS_WASM_BASE64 } from "../btf/image/codecs/wasm/codecs_wasm.ts";
import { LZO_WASM_BASE64 } from "../btf/image/codecs/wasm/lzo_wasm.ts";
import { btfFromImage } from "../btf/image/image.ts";
import { extractBtf } from "../btf/input.ts";
import { imageMutant, iterationRng, tinyBzImage } from "./fuzz.ts";
import { rejectsBtf, schedExtImage, sha256 } from "./helpers.ts";
import {
  codecError,
  compressBytes,
  compressWith,
  concat,
  decoded,
  IMAGE_ELF,
  noise,
  withTrailer,
} from "./image_fuzz.ts";

const ELF = Deno.readFileSync(IMAGE_ELF);
const BTF = extractBtf(memorySource(ELF)).bytes;

/** A kernel xz payload (`scripts/xz_wrap.sh`: BCJ x86, LZMA2, CRC32). */
const kernelXz = () => compressWith(["xz", "--check=crc32", "--x86", "--lzma2=dict=1MiB", "-c"]);
/** A kernel lzma payload (`lzma -9`, size unknown in its header). */
const kernelLzma = () => compressWith(["lzma", "-9", "-c"]);

const btfOf = async (bytes: Uint8Array) => (await btfFromImage(memorySource(bytes)))?.btf;

Deno.test("codecs.wasm and lzo.wasm: built from today's inputs, embedded, import nothing", async () => {
  const dir = new URL("../btf/image/codecs/wasm/", import.meta.url);
  const shims = [...Deno.readDirSync(new URL("kernel/linux/", dir))]
    .map((e) => `kernel/linux/${e.name}`).sort().concat("libc/stdlib.h", "libc/string.h");
  const modules = [
    {
      name: "codecs",
      base64: CODECS_WASM_BASE64,
      inputs: ["build.sh", "glue.c", "checks.c", "xz_config.h", ...shims, "sources.sha256"],
      exports: [
        "__heap_base",
        "bz_init",
        "bz_run",
        "crc64",
        "in_used",
        "lzma_init",
        "lzma_out_at",
        "lzma_run",
        "lzma_status",
        "memory",
        "out_len",
        "reserve",
        "sha256_final",
        "sha256_init",
        "sha256_update",
        "unlz4_block",
        "unlzma",
        "unxz",
        "xz_init",
        "xz_reset",
        "xz_run",
      ],
    },
    {
      name: "lzo",
      base64: LZO_WASM_BASE64,
      inputs: ["build.sh", "lzo_glue.c", ...shims, "sources.sha256"],
      exports: ["__heap_base", "adler32", "crc32", "memory", "reserve", "unlzo_block"],
    },
  ];
  for (const { name, base64, inputs, exports } of modules) {
    const generated = Deno.readTextFileSync(new URL(`${name}_wasm.ts`, dir));
    const named = [...generated.matchAll(/^\/\/ (\S+) sha256: ([0-9a-f]{64})$/gm)];
    assert.deepEqual(named.map((m) => m[1]), inputs, name);
    for (const [, file, hash] of named) {
      assert.equal(
        await sha256(Deno.readFileSync(new URL(file, dir))),
        hash,
        `${file} changed: run bash btf/image/codecs/wasm/build.sh`,
      );
    }
    const wasm = Deno.readFileSync(new URL(`${name}.wasm`, dir));
    assert.deepEqual(fromBase64(base64), wasm, name);
    const module = new WebAssembly.Module(wasm);
    assert.deepEqual(WebAssembly.Module.imports(module), [], name);
    assert.deepEqual(WebAssembly.Module.exports(module).map((e) => e.name).sort(), exports, name);
  }
  // Every source the build compiles is pinned.
  const pinned = Deno.readTextFileSync(new URL("sources.sha256", dir));
  for (
    const file of [
      "linux-source-7.3/lib/xz/xz_dec_stream.c",
      "lzma-dev/usr/include/lzma/LzmaDec.c",
      "bzip2-1.0.8/decompress.c",
      "bzip2-1.0.8/bzlib.c",
      "linux-source-7.3/lib/lz4/lz4_decompress.c",
      "linux-source-7.3/lib/lzo/lzo1x_decompress_safe.c",
    ]
  ) assert.match(pinned, new RegExp(`^[0-9a-f]{64}  ${file}$`, "m"), file);
  // lzo.wasm is GPL-2.0-only: lzo-src/ holds its corresponding source, the pinned files.
  for (
    const file of [
      "linux-source-7.3/lib/lzo/lzo1x_decompress_safe.c",
      "linux-source-7.3/lib/lzo/lzodefs.h",
      "linux-source-7.3/include/linux/lzo.h",
      "linux-source-7.3/LICENSES/preferred/GPL-2.0",
    ]
  ) {
    const copy = new URL(`lzo-src/${file.slice(file.lastIndexOf("/") + 1)}`, dir);
    const hash = await sha256(Deno.readFileSync(copy));
    assert.match(pinned, new RegExp(`^${hash}  ${file}$`, "m"), file);
  }
});

Deno.test("checks.c: CRC64 and SHA-256 give the standard test vectors", () => {
  const ex = codecs();
  const at = ex.reserve(1 << 16);
  const put = (bytes: Uint8Array) => (view(ex, at, bytes.length).set(bytes), bytes.length);
  const text = (s: string) => new TextEncoder().encode(s);
  // CRC-64/XZ check value.
  const crc64 = (at: number, size: number, crc: bigint) =>
    BigInt.asUintN(64, ex.crc64(at, size, crc));
  assert.equal(crc64(at, put(text("123456789")), 0n), 0x995dc9bbdf1939fan);
  // Pieces of any length continue one another (the slicing-by-4 loop and its tail).
  const data = noise(1000);
  put(data);
  assert.equal(crc64(at + 7, 993, crc64(at, 7, 0n)), crc64(at, 1000, 0n));
  const state = ex.reserve(256), digest = state + 112;
  const hex = () =>
    Array.from(view(ex, digest, 32), (b) => b.toString(16).padStart(2, "0")).join("");
  ex.sha256_init(state);
  ex.sha256_update(state, at, put(text("abc")));
  ex.sha256_final(state, digest);
  assert.equal(hex(), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  const long = text("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq");
  ex.sha256_init(state);
  put(long);
  ex.sha256_update(state, at, 5);
  ex.sha256_update(state, at + 5, long.length - 5);
  ex.sha256_final(state, digest);
  assert.equal(hex(), "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
});

Deno.test("sizes: xz streams read from the end, and the lzma header's size", () => {
  const xz = kernelXz();
  const [one] = xzStreams(memorySource(xz))!;
  assert.deepEqual(
    [one.offset, one.length, one.check, one.uncompressed],
    [0, xz.length, XZ_CHECK.crc32, ELF.length],
  );
  assert.equal(xzStreams(memorySource(xz.subarray(0, xz.length - 4))), null, "truncated");
  assert.equal(xzStreams(memorySource(concat(xz, new Uint8Array(3)))), null, "padding of 3");
  const crc64 = compressWith(["xz", "--check=crc64", "-c"]);
  const sha = compressWith(["xz", "--check=sha256", "--block-size=40KiB", "-c"]);
  const streams = xzStreams(
    memorySource(concat(crc64, new Uint8Array(8), sha, new Uint8Array(4))),
  )!;
  assert.deepEqual(streams.map((s) => [s.offset, s.check, s.checkSize, s.blocks.length]), [
    [0, XZ_CHECK.crc64, 8, 1],
    [crc64.length + 8, XZ_CHECK.sha256, 32, Math.ceil(ELF.length / 40960)],
  ]);
  assert.deepEqual(
    streams[1].blocks.map((b) => b.uncompressed),
    streams[1].blocks.map((_, i) => Math.min(40960, ELF.length - 40960 * i)),
  );
  // The last block's check field ends 4 bytes before the index.
  const last = streams[0].blocks[0];
  assert.deepEqual(crc64.subarray(last.checkAt, last.checkAt + 8), checkOf(crc64));
  const lzma = kernelLzma();
  assert.equal(lzmaHeaderSize(memorySource(lzma)), null, "from a pipe: size unknown");
  const sized = lzma.slice();
  new DataView(sized.buffer).setUint32(5, ELF.length, true);
  new DataView(sized.buffer).setUint32(9, 0, true);
  assert.equal(lzmaHeaderSize(memorySource(sized)), ELF.length);
  new DataView(sized.buffer).setUint32(5, MAX_SINGLE_CALL + 1, true);
  assert.equal(lzmaHeaderSize(memorySource(sized)), null, "over the limit");
});

/** The check field of a one-block xz stream: just before its index (`xz --list`'s layout). */
function checkOf(xz: Uint8Array): Uint8Array {
  const s = xzStreams(memorySource(xz))![0];
  return xz.subarray(s.blocks[0].checkAt, s.blocks[0].checkAt + s.checkSize);
}

Deno.test("xz: every check, padding and concatenated streams decode to the exact bytes", async () => {
  const big = concat(ELF, noise(1_500_000), ELF);
  const forms: Record<string, [Uint8Array, Uint8Array]> = {
    "kernel: CRC32 + BCJ x86 (in place)": [kernelXz(), ELF],
    "check none (in place)": [compressWith(["xz", "--check=none", "-c"]), ELF],
    "CRC64, xz's default (stepwise)": [compressWith(["xz", "-c"]), ELF],
    "SHA-256 (stepwise)": [compressWith(["xz", "--check=sha256", "-c"]), ELF],
    "CRC32 with stream padding (in place)": [concat(kernelXz(), new Uint8Array(12)), ELF],
    "CRC64, blocks of 300 KiB across 1 MiB output pieces (stepwise)": [
      compressBytes(big, ["xz", "--check=crc64", "--block-size=300KiB", "-c"]),
      big,
    ],
    "SHA-256, blocks of 300 KiB across 1 MiB output pieces (stepwise)": [
      compressBytes(big, ["xz", "--check=sha256", "--block-size=300KiB", "-c"]),
      big,
    ],
    "three streams (CRC32, SHA-256, none) with padding between and after (stepwise)": [
      concat(
        kernelXz(),
        compressWith(["xz", "--check=sha256", "-c"]),
        new Uint8Array(4),
        compressWith(["xz", "--check=none", "-c"]),
        new Uint8Array(8),
      ),
      concat(ELF, ELF, ELF),
    ],
  };
  for (const [name, [xz, expected]] of Object.entries(forms)) {
    assert.deepEqual(await decoded(unxz, xz), expected, name);
  }
});

Deno.test("xz: a corrupt check, padding or trailing data is an error of one line", async () => {
  // Stored (uncompressed) LZMA2 chunks: a flipped data byte still decodes, the check says so.
  const data = noise(3000);
  for (const [check, name] of [["crc64", "CRC64"], ["sha256", "SHA-256"]]) {
    const xz = compressBytes(data, ["xz", `--check=${check}`, "-c"]);
    const flipped = xz.slice();
    flipped[xz.length >> 1] ^= 1;
    assert.equal(
      await codecError(unxz, flipped),
      `xz: the ${name} of block 1 of stream 1 does not match (corrupt data)`,
    );
    const field = xz.slice();
    field[xzStreams(memorySource(xz))![0].blocks[0].checkAt] ^= 0x80;
    assert.equal(
      await codecError(unxz, concat(kernelXz(), field)),
      `xz: the ${name} of block 1 of stream 2 does not match (corrupt data)`,
    );
    assert.equal(
      await codecError(unxz, xz.subarray(0, xz.length - 20)),
      "xz-embedded: the data ends early or decodes to more than the index says",
    );
  }
  // A CRC32 stream is verified by xz-embedded itself, in place and stepwise.
  const crc32 = compressBytes(data, ["xz", "--check=crc32", "-c"]);
  const flipped = crc32.slice();
  flipped[crc32.length >> 1] ^= 1;
  assert.equal(await codecError(unxz, flipped), "xz-embedded: corrupt data");
  assert.equal(
    await codecError(unxz, concat(flipped, new Uint8Array(4), crc32)),
    "xz-embedded: corrupt data",
  );
  assert.equal(
    await codecError(unxz, concat(crc32, new Uint8Array(2))),
    "xz: 2 bytes of stream padding (not a multiple of 4)",
  );
  assert.equal(
    await codecError(unxz, concat(crc32, new TextEncoder().encode("junk"))),
    "xz: 4 bytes after the stream's end are not another stream",
  );
  // Through the image reader: one line naming the compression.
  const xz = compressWith(["xz", "-c"]);
  const corrupt = xz.slice();
  corrupt.fill(0x55, 200, 260);
  assert.equal(
    await rejectsBtf(() => btfOf(corrupt)),
    "xz payload: corrupt or truncated after 0 decompressed bytes (xz-embedded: corrupt data)",
  );
});

Deno.test("lzma: in place or stepwise, every form gives the exact bytes and the ELF's .BTF", async () => {
  const lzma = kernelLzma();
  const sized = lzma.slice();
  new DataView(sized.buffer).setUint32(5, ELF.length, true);
  new DataView(sized.buffer).setUint32(9, 0, true);
  assert.deepEqual(await decoded(unlzma, sized), ELF, "size in header (in place)");
  assert.deepEqual(await decoded(unlzma, lzma), ELF, "size unknown (stepwise, end mark)");
  assert.deepEqual(await decoded(unlzma, lzma, ELF.length), ELF, "size from a trailer");
  // A 4 KiB dictionary: the stepwise decoder's circular dictionary wraps 25 times.
  const small = compressWith(["xz", "--format=lzma", "--lzma1=preset=6,dict=4KiB", "-c"]);
  assert.deepEqual(await decoded(unlzma, small), ELF, "4 KiB dictionary");
  const forms: Record<string, Uint8Array> = {
    "bare lzma, size in header (in place)": sized,
    "bare lzma, size unknown (stepwise)": lzma,
    "bzImage xz (in place)": tinyBzImage(withTrailer(kernelXz(), ELF.length)),
    "bzImage lzma, size from the trailer (in place)": tinyBzImage(withTrailer(lzma, ELF.length)),
    "bzImage lzma, trailer too large (in place, ends at its end mark)": tinyBzImage(
      withTrailer(lzma, ELF.length * 3),
    ),
    "bzImage lzma, trailer over the limit (stepwise)": tinyBzImage(withTrailer(lzma, 0xffffffff)),
  };
  for (const [name, bytes] of Object.entries(forms)) {
    assert.deepEqual(await btfOf(bytes), BTF, name);
  }
});

Deno.test("lzma: each decoder's failures are one line naming the compression", async () => {
  const lzma = kernelLzma();
  assert.equal(
    await rejectsBtf(() => btfOf(tinyBzImage(withTrailer(lzma, 1000)))),
    "lzma payload: corrupt or truncated after 1000 decompressed bytes (LzmaDecode: corrupt data, or more than the 1000 bytes expected)",
  );
  const cut = lzma.subarray(0, lzma.length >> 1);
  const message = await rejectsBtf(() => btfOf(tinyBzImage(withTrailer(cut, ELF.length))));
  assert.match(
    message,
    /^lzma payload: corrupt or truncated after \d+ decompressed bytes \(LzmaDecode: the data ends early \(truncated\)\)$/,
  );
  // Stepwise (size unknown): truncated, corrupt, or a dictionary over the 1 GiB limit.
  assert.equal(await codecError(unlzma, cut), "LzmaDecode: the data ends early (truncated)");
  const flipped = lzma.slice();
  flipped[lzma.length >> 1] ^= 0x10;
  assert.equal(await codecError(unlzma, flipped), "LzmaDecode: corrupt data");
  const huge = lzma.slice();
  new DataView(huge.buffer).setUint32(1, 0xc0000000, true);
  assert.equal(
    await codecError(unlzma, huge),
    "LzmaDecode: out of memory, or a dictionary larger than 1 GiB",
  );
  const props = lzma.slice();
  props[0] = 225;
  assert.equal(await codecError(unlzma, props), "LzmaDecode: unsupported properties");
});

Deno.test("fuzz: 300 mutated xz and lzma bzImages and bare files throw only BtfErrors", async () => {
  const payloads = [
    withTrailer(kernelXz(), ELF.length),
    withTrailer(kernelLzma(), ELF.length),
    withTrailer(kernelLzma(), 0xffffffff),
  ];
  const bare = [compressWith(["xz", "-c"]), compressWith(["xz", "--check=sha256", "-c"])];
  let loaded = 0, rejected = 0;
  for (let i = 0; i < 300; i++) {
    const r = iterationRng(20261130, i);
    const image = i % 4 < 3
      ? imageMutant(payloads[i % 4], r)
      : imageMutant(bare[i % 8 >> 2], r).subarray(1024);
    try {
      if (await btfOf(image) !== undefined) loaded++;
    } catch (err) {
      assert.ok(err instanceof BtfError, `mutant ${i}: ${String(err)}`);
      assert.ok(!err.message.includes("\n"), err.message);
      rejected++;
    }
  }
  // A flip almost anywhere in a checksummed or range-coded stream is fatal, so few load.
  assert.ok(loaded > 0 && rejected > 200, `${loaded} loaded, ${rejected} rejected`);
});

Deno.test("sizes: the sched_ext 7.3 xz payload's index agrees with its size trailer", () => {
  const bytes = Deno.readFileSync(schedExtImage("xz"));
  const boot = bootPayload(bytes)!;
  const payload = bytes.subarray(boot.offset, boot.offset + boot.length - 4);
  const trailer = new DataView(bytes.buffer).getUint32(boot.offset + boot.length - 4, true);
  const streams = xzStreams(memorySource(payload))!;
  assert.equal(streams.length, 1);
  assert.equal(streams[0].uncompressed, trailer);
  assert.ok(trailer > 60_000_000, `${trailer}`);
});
