/**
 * bzip2 (libbzip2), lz4 legacy frames (the kernel's lib/lz4) and lzo as lzop writes it (the
 * kernel's LZO1X decoder) in the WebAssembly modules, on fixtures the system's compressors
 * make at test time from a small ELF with `.BTF`: the exact bytes decoded, several streams or
 * frames, the exact error for corrupt and truncated input, a trap turned into one line,
 * mutants, and every compression the kernel builds read by the CLI with the network cut
 * off and a DENO_DIR that held only what `deno cache cli.ts` put there.
 * @module
 */
import assert from "node:assert/strict";
import { memorySource } from "../btf/elf.ts";
import { BtfError } from "../btf/errors.ts";
import { bunzip2 } from "../btf/image/codecs/bzip2.ts";
import { codecs } from "../btf/image/codecs/codecs.ts";
import { guarded } from "../btf/image/codecs/instance.ts";
import { unlz4 } from "../btf/image/codecs/lz4.ts";
import { unlzo } from "../btf/image/codecs/lzo.ts";
import { btfFromImage } from "../btf/image/image.ts";
import { extractBtf } from "../btf/input.ts";
import { loadImage } from "../load/image.ts";
import { imageMutant, iterationRng, tinyBzImage } from "./fuzz.ts";
import { CLI, rejectsBtf, SCHED_EXT_BTF, schedExtModule, tempDir } from "./helpers.ts";
import {
  codecError,
  compressBytes as compress,
  compressWith,
  concat,
  decoded,
  IMAGE_ELF,
  imagePayloads,
  noise,
  withTrailer,
} from "./image_fuzz.ts";

const ELF = Deno.readFileSync(IMAGE_ELF);
const BTF = extractBtf(memorySource(ELF)).bytes;
const btfOf = async (bytes: Uint8Array) => (await btfFromImage(memorySource(bytes)))?.btf;

const flipped = (bytes: Uint8Array, at = bytes.length >> 1) => {
  const out = bytes.slice();
  out[at] ^= 0x10;
  return out;
};

Deno.test("bzip2: one or several streams decode to the exact bytes", async () => {
  const one = compressWith(["bzip2", "-9", "-c"]);
  assert.deepEqual(await decoded(bunzip2, one), ELF);
  // 2.2 MB in blocks of 100 kB: many blocks, 1 MiB output pieces.
  const big = concat(ELF, noise(1_000_000), ELF, new Uint8Array(1_000_000));
  assert.deepEqual(await decoded(bunzip2, compress(big, ["bzip2", "-1", "-c"])), big);
  // `cat a.bz2 b.bz2`: bzip2 -d decodes both.
  const two = concat(one, compress(noise(5000), ["bzip2", "-c"]));
  assert.deepEqual(await decoded(bunzip2, two), concat(ELF, noise(5000)));
  assert.deepEqual(await btfOf(tinyBzImage(withTrailer(one, ELF.length)).subarray(0)), BTF);
});

Deno.test("bzip2: corrupt, truncated or trailing data is an exact error", async () => {
  const bz = compressWith(["bzip2", "-9", "-c"]);
  const corrupt = "libbzip2: corrupt data (a CRC or the block structure)";
  assert.equal(await codecError(bunzip2, flipped(bz)), corrupt);
  // The stream's combined CRC (its last 4 bytes but a bit) catches a change no block shows.
  assert.equal(await codecError(bunzip2, flipped(bz, bz.length - 3)), corrupt);
  assert.equal(
    await codecError(bunzip2, bz.subarray(0, bz.length >> 1)),
    "libbzip2: the data ends early (truncated)",
  );
  assert.equal(
    await codecError(bunzip2, concat(bz, new Uint8Array(6))),
    "libbzip2: 6 bytes after the stream are not another stream",
  );
  assert.equal(
    await codecError(bunzip2, concat(bz, new TextEncoder().encode("BZhx"))),
    "libbzip2: not a bzip2 stream (bad magic)",
  );
  // Through the image reader: one line; the stream is verified to its end.
  assert.equal(
    await rejectsBtf(() => btfOf(flipped(bz, bz.length - 3))),
    `bzip2 payload: corrupt or truncated after ${ELF.length} decompressed bytes (${corrupt})`,
  );
});

Deno.test("lz4: legacy frames, several blocks and frames, the size trailer", async () => {
  const one = compressWith(["lz4", "-l", "-9", "-c"]);
  assert.deepEqual(await decoded(unlz4, one), ELF);
  // 17 MB: three blocks of at most 8 MiB; then a second frame.
  const big = concat(noise(9 << 20), new Uint8Array(8 << 20), ELF);
  const frames = concat(compress(big, ["lz4", "-l", "-1", "-c"]), one);
  assert.deepEqual(await decoded(unlz4, frames), concat(big, ELF));
  // The kernel's size trailer (over LZ4_compressBound(8 MiB)) ends the blocks.
  assert.deepEqual(await decoded(unlz4, withTrailer(one, 64 << 20)), ELF);
  assert.deepEqual(await btfOf(tinyBzImage(withTrailer(one, ELF.length))), BTF);
});

Deno.test("lz4: corrupt and truncated blocks are exact errors", async () => {
  const lz4 = compressWith(["lz4", "-l", "-9", "-c"]);
  assert.equal(await codecError(unlz4, flipped(lz4)), "lz4: corrupt block at 4");
  assert.equal(
    await codecError(unlz4, lz4.subarray(0, lz4.length >> 1)),
    `lz4: block of ${lz4.length - 8} bytes at 4 runs past the payload's end`,
  );
  assert.equal(
    await rejectsBtf(() => btfOf(tinyBzImage(withTrailer(flipped(lz4), ELF.length)))),
    "lz4 payload: corrupt or truncated after 0 decompressed bytes (lz4: corrupt block at 4)",
  );
});

/** lzop's Adler-32 (the header's and the blocks' checksums). */
function adler32(bytes: Uint8Array): number {
  let a = 1, b = 0;
  for (const x of bytes) {
    a = (a + x) % 65521;
    b = (b + a) % 65521;
  }
  return (b << 16 | a) >>> 0;
}

/**
 * `lzo` (from `lzop`, header version 0x1040, no name) rewritten with F_ADLER32_C: the
 * header's flag and checksum, and each compressed block's Adler-32 after its data's.
 */
function withCompressedChecksums(lzo: Uint8Array): Uint8Array {
  const v = new DataView(lzo.buffer, lzo.byteOffset, lzo.length);
  const flags = v.getUint32(17);
  assert.equal(flags & 0x1101, 0x1, "Adler-32 of the data only");
  const nameEnd = 34 + lzo[33];
  const header = lzo.slice(0, nameEnd + 4);
  const hv = new DataView(header.buffer);
  hv.setUint32(17, flags | 0x2);
  hv.setUint32(nameEnd, adler32(header.subarray(9, nameEnd)));
  const parts: Uint8Array[] = [header];
  for (let at = nameEnd + 4;;) {
    const dst = v.getUint32(at);
    if (dst === 0) {
      parts.push(lzo.subarray(at));
      break;
    }
    const src = v.getUint32(at + 4);
    parts.push(lzo.subarray(at, at + 12));
    const data = lzo.subarray(at + 12, at + 12 + src);
    if (src < dst) {
      const sum = new Uint8Array(4);
      new DataView(sum.buffer).setUint32(0, adler32(data));
      parts.push(sum);
    }
    parts.push(data);
    at += 12 + src;
  }
  return concat(...parts);
}

Deno.test("lzo: lzop's forms (levels, CRC-32, stored blocks, compressed checksums) decode exactly", async () => {
  const big = concat(ELF, noise(600_000), ELF); // 256 KiB blocks, stored where they would grow
  const forms: Record<string, [Uint8Array, Uint8Array]> = {
    "lzop -9 (the kernel's)": [compressWith(["lzop", "-9", "-c"]), ELF],
    "lzop -1": [compressWith(["lzop", "-1", "-c"]), ELF],
    "lzop --crc32 (CRC-32 of header and data)": [compressWith(["lzop", "--crc32", "-c"]), ELF],
    "lzop --no-checksum": [compressWith(["lzop", "--no-checksum", "-c"]), ELF],
    "lzop -9, stored and compressed blocks": [compress(big, ["lzop", "-9", "-c"]), big],
    "Adler-32 of the compressed blocks too": [
      withCompressedChecksums(compress(big, ["lzop", "-c"])),
      big,
    ],
  };
  for (const [name, [lzo, expected]] of Object.entries(forms)) {
    assert.deepEqual(await decoded(unlzo, lzo), expected, name);
  }
  const image = tinyBzImage(withTrailer(forms["lzop -9 (the kernel's)"][0], ELF.length));
  assert.deepEqual(await btfOf(image), BTF);
});

Deno.test("lzo: corrupt headers, blocks and checksums and truncation are exact errors", async () => {
  const lzo = compressWith(["lzop", "-9", "-c"]);
  assert.equal(
    await codecError(unlzo, flipped(lzo)),
    "lzop: the Adler-32 of the data does not match (corrupt data)",
  );
  assert.equal(
    await codecError(unlzo, flipped(compressWith(["lzop", "--crc32", "-c"]))),
    "lzop: the CRC-32 of the data does not match (corrupt data)",
  );
  assert.equal(
    await codecError(unlzo, flipped(withCompressedChecksums(lzo))),
    "lzop: the Adler-32 of the compressed block does not match (corrupt data)",
  );
  // Without checksums, LZO1X itself notices a broken match (a broken literal it cannot).
  const bare = compressWith(["lzop", "--no-checksum", "-c"]);
  assert.equal(
    await codecError(unlzo, flipped(bare, 100)),
    "lzo1x: block at 38 is corrupt (it refers to data before its start)",
  );
  assert.equal(
    await codecError(unlzo, flipped(bare, 40)),
    "lzo1x: block at 38 is corrupt (it decodes to more than its size)",
  );
  assert.equal(
    await codecError(unlzo, flipped(lzo, 20)),
    "lzop: the header's checksum does not match",
  );
  assert.equal(
    await codecError(unlzo, lzo.subarray(0, lzo.length >> 1)),
    "lzop: the data ends early (truncated)",
  );
  assert.equal(
    await codecError(unlzo, lzo.subarray(0, 20)),
    "lzop: the data ends early (truncated)",
  );
  const method = lzo.slice();
  method[15] = 0x2b; // NRV2B: lzop's, not LZO1X
  assert.equal(await codecError(unlzo, method), "lzop: method 43 is not LZO1X");
  // Through the image reader: one line naming the compression.
  assert.equal(
    await rejectsBtf(() => btfOf(tinyBzImage(withTrailer(flipped(lzo), ELF.length)))),
    "lzo payload: corrupt or truncated after 0 decompressed bytes (lzop: the Adler-32 of the data does not match (corrupt data))",
  );
});

Deno.test("a WebAssembly trap is an Error of one line, never a RuntimeError", () => {
  const ex = codecs();
  assert.throws(
    () => guarded("lz4", () => ex.unlz4_block(0xfffffff0, 64, 0, 64)),
    (e) =>
      e instanceof Error && !(e instanceof WebAssembly.RuntimeError) &&
      e.message === "lz4: WebAssembly trap (memory access out of bounds)",
  );
});

Deno.test("a compressed file with a corrupt stream is one line naming it", async () => {
  using dir = tempDir();
  const cases: Record<string, Uint8Array> = {
    bz2: flipped(compressWith(["bzip2", "-9", "-c"])),
    lzo: flipped(compressWith(["lzop", "-9", "-c"])),
    lz4: flipped(compressWith(["lz4", "-l", "-9", "-c"])),
    xz: flipped(compressWith(["xz", "--check=sha256", "-c"])),
  };
  for (const [ext, bytes] of Object.entries(cases)) {
    const path = `${dir.path}/era.o.${ext}`;
    Deno.writeFileSync(path, bytes);
    const message = await rejectsBtf(() => loadImage(path));
    assert.match(message, new RegExp(`^btf: open ${path}: \\w+ payload: [^\\n]+$`), ext);
  }
});

Deno.test("fuzz: 400 mutated bzip2, lz4 and lzo images and bare files throw only BtfErrors, quickly", async () => {
  const payloads = imagePayloads().filter((p) => ["bzip2", "lz4", "lzo"].includes(p.name));
  assert.equal(payloads.length, 3);
  let loaded = 0, rejected = 0, slowest = 0;
  for (let i = 0; i < 400; i++) {
    const { payload } = payloads[i % 3];
    const image = imageMutant(payload, iterationRng(20261207, i));
    const mutant = i % 2 === 0 ? image : image.subarray(1024); // behind a boot header, or bare
    const t0 = performance.now();
    try {
      if (await btfOf(mutant) !== undefined) loaded++;
    } catch (err) {
      assert.ok(err instanceof BtfError, `mutant ${i}: ${String(err)}`);
      assert.ok(!err.message.includes("\n"), err.message);
      rejected++;
    }
    slowest = Math.max(slowest, performance.now() - t0);
  }
  assert.ok(loaded > 10 && rejected > 100, `${loaded} loaded, ${rejected} rejected`);
  assert.ok(slowest < 2000, `slowest mutant: ${slowest} ms`);
});

/** Whether this process may cut a child off the network (`unshare -n`: root, or user namespaces). */
const UNSHARE = (() => {
  try {
    return new Deno.Command("unshare", { args: ["-n", "true"] }).outputSync().success;
  } catch {
    return false;
  }
})();

const OFFLINE_TEST =
  "offline: every compression the kernel builds, a module and standard input, with a fresh DENO_DIR and no network";
if (!UNSHARE) console.log(`ignored: ${OFFLINE_TEST}: unshare -n is not permitted here`);
Deno.test({ name: OFFLINE_TEST, ignore: !UNSHARE }, () => {
  using dir = tempDir();
  const denoDir = `${dir.path}/deno`;
  const cache = new Deno.Command(Deno.execPath(), {
    args: ["cache", CLI],
    env: { DENO_DIR: denoDir },
    stdout: "piped",
    stderr: "piped",
  }).outputSync();
  assert.ok(cache.success, new TextDecoder().decode(cache.stderr));
  const listing = (p: string): string[] =>
    [...Deno.readDirSync(p)].flatMap((e) =>
      e.isDirectory ? listing(`${p}/${e.name}`).map((n) => `${e.name}/${n}`) : [e.name]
    );
  const modules = () => listing(denoDir).filter((n) => /^(npm|remote|deps)\//.test(n)).sort();
  const cached = modules();
  const offline = (name: string, args: string[], stdin?: string) => {
    const argv = [Deno.execPath(), "run", "-A", CLI, "kernel", ...args, "--json", "--no-cache"];
    const out = new Deno.Command("bash", {
      args: ["-c", `unshare -n "$@" <${stdin ?? "/dev/null"}`, "offline", ...argv],
      env: { DENO_DIR: denoDir },
      stdout: "piped",
      stderr: "piped",
    }).outputSync();
    const stderr = new TextDecoder().decode(out.stderr);
    assert.equal(out.code, 0, `${name}: ${stderr}`);
    assert.equal(stderr, "", name);
    return JSON.parse(new TextDecoder().decode(out.stdout));
  };
  for (const { name, payload } of imagePayloads()) {
    const path = `${dir.path}/vmlinuz-${name}`;
    Deno.writeFileSync(path, tinyBzImage(payload));
    assert.equal(offline(name, [path]).source.format, "image", name);
    assert.equal(offline(`${name} on stdin`, ["-"], path).source.format, "image", name);
  }
  const module = offline("module", ["--base", SCHED_EXT_BTF, schedExtModule("ko.xz")]);
  assert.equal(module.source.format, "image");
  // Nothing was added to the modules the runs started from, and no npm package is among them.
  assert.deepEqual(modules(), cached);
  assert.ok(!cached.some((n) => n.startsWith("npm/")), cached.join(" "));
});
