/**
 * xz and lzma decoded in place by lzma.wasm (xz-embedded and the LZMA SDK's LzmaDecode, the
 * output buffer being the dictionary): where the decompressed size comes from (xz's index,
 * the lzma header, the bzImage's size trailer), the fallback to `@napi-rs/lzma` where it is
 * unknown, the errors of each decoder, and mutants. The Debian 7.3 images themselves are
 * compared with the raw `.BTF` in image_test.ts.
 * @module
 */
import assert from "node:assert/strict";
import { fromBase64 } from "../btf/base64.ts";
import { memorySource } from "../btf/elf.ts";
import { BtfError } from "../btf/errors.ts";
import { bootPayload } from "../btf/image/bzimage.ts";
import { lzmaHeaderSize, MAX_SINGLE_CALL, xzIndexSize } from "../btf/image/codecs/sizes.ts";
import { LZMA_WASM_BASE64 } from "../btf/image/codecs/wasm/lzma_wasm.ts";
import { btfFromImage } from "../btf/image/image.ts";
import { extractBtf } from "../btf/input.ts";
import { imageMutant, iterationRng, tinyBzImage } from "./fuzz.ts";
import { fixture, rejectsBtf, sha256 } from "./helpers.ts";
import { compressWith, IMAGE_ELF, withTrailer } from "./image_fuzz.ts";

const ELF = Deno.readFileSync(IMAGE_ELF);
const BTF = extractBtf(memorySource(ELF)).bytes;

/** A kernel xz payload (`scripts/xz_wrap.sh`: BCJ x86, LZMA2, CRC32). */
const kernelXz = () => compressWith(["xz", "--check=crc32", "--x86", "--lzma2=dict=1MiB", "-c"]);
/** A kernel lzma payload (`lzma -9`, size unknown in its header). */
const kernelLzma = () => compressWith(["lzma", "-9", "-c"]);

const btfOf = async (bytes: Uint8Array) => (await btfFromImage(memorySource(bytes)))?.btf;

Deno.test("lzma.wasm: built from today's inputs, embedded in lzma_wasm.ts, imports nothing", async () => {
  const dir = new URL("../btf/image/codecs/wasm/", import.meta.url);
  const generated = Deno.readTextFileSync(new URL("lzma_wasm.ts", dir));
  const named = [...generated.matchAll(/^\/\/ (\S+) sha256: ([0-9a-f]{64})$/gm)];
  assert.deepEqual(named.map((m) => m[1]), [
    "build.sh",
    "glue.c",
    "xz_config.h",
    "libc/string.h",
    "sources.sha256",
  ]);
  for (const [, file, hash] of named) {
    assert.equal(
      await sha256(Deno.readFileSync(new URL(file, dir))),
      hash,
      `${file} changed: run bash btf/image/codecs/wasm/build.sh`,
    );
  }
  const wasm = Deno.readFileSync(new URL("lzma.wasm", dir));
  assert.deepEqual(fromBase64(LZMA_WASM_BASE64), wasm);
  const module = new WebAssembly.Module(wasm);
  assert.deepEqual(WebAssembly.Module.imports(module), []);
  assert.deepEqual(WebAssembly.Module.exports(module).map((e) => e.name).sort(), [
    "__heap_base",
    "lzma_out_len",
    "memory",
    "unlzma",
    "unxz",
  ]);
});

Deno.test("sizes: xz's index and the lzma header give the decompressed size, or null", () => {
  const xz = kernelXz();
  assert.equal(xzIndexSize(memorySource(xz)), ELF.length);
  // CRC64 (xz's default) is not verified by xz-embedded; the stream goes elsewhere.
  assert.equal(xzIndexSize(memorySource(compressWith(["xz", "-c"]))), null);
  assert.equal(xzIndexSize(memorySource(xz.subarray(0, xz.length - 1))), null);
  const padded = new Uint8Array(xz.length + 4);
  padded.set(xz);
  assert.equal(xzIndexSize(memorySource(padded)), null, "stream padding");
  const lzma = kernelLzma();
  assert.equal(lzmaHeaderSize(memorySource(lzma)), null, "from a pipe: size unknown");
  const sized = lzma.slice();
  new DataView(sized.buffer).setUint32(5, ELF.length, true);
  new DataView(sized.buffer).setUint32(9, 0, true);
  assert.equal(lzmaHeaderSize(memorySource(sized)), ELF.length);
  new DataView(sized.buffer).setUint32(5, MAX_SINGLE_CALL + 1, true);
  assert.equal(lzmaHeaderSize(memorySource(sized)), null, "over the limit");
});

Deno.test("xz and lzma: in place or through @napi-rs/lzma, every form gives the ELF's .BTF", async () => {
  const lzma = kernelLzma();
  const sized = lzma.slice();
  new DataView(sized.buffer).setUint32(5, ELF.length, true);
  new DataView(sized.buffer).setUint32(9, 0, true);
  const forms: Record<string, Uint8Array> = {
    "bare xz, CRC32 + BCJ (in place)": kernelXz(),
    "bare xz, CRC64 (napi)": compressWith(["xz", "-c"]),
    "bare xz, check none (in place)": compressWith(["xz", "--check=none", "-c"]),
    "bare lzma, size in header (in place)": sized,
    "bare lzma, size unknown (napi)": lzma,
    "bzImage xz (in place)": tinyBzImage(withTrailer(kernelXz(), ELF.length)),
    "bzImage lzma, size from the trailer (in place)": tinyBzImage(withTrailer(lzma, ELF.length)),
    "bzImage lzma, trailer too large (in place, ends at its end mark)": tinyBzImage(
      withTrailer(lzma, ELF.length * 3),
    ),
    "bzImage lzma, trailer over the limit (napi)": tinyBzImage(withTrailer(lzma, 0xffffffff)),
  };
  for (const [name, bytes] of Object.entries(forms)) {
    assert.deepEqual(await btfOf(bytes), BTF, name);
  }
});

Deno.test("xz and lzma: each decoder's failures are one line naming the compression", async () => {
  const xz = kernelXz();
  const corrupt = xz.slice();
  corrupt.fill(0x55, 200, 260);
  assert.equal(
    await rejectsBtf(() => btfOf(corrupt)),
    "xz payload: corrupt or truncated after 0 decompressed bytes (xz-embedded: corrupt data)",
  );
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
});

Deno.test("fuzz: 300 mutated xz and lzma bzImages throw only BtfErrors", async () => {
  const payloads = [withTrailer(kernelXz(), ELF.length), withTrailer(kernelLzma(), ELF.length)];
  let loaded = 0, rejected = 0;
  for (let i = 0; i < 300; i++) {
    const image = imageMutant(payloads[i % 2], iterationRng(20261130, i));
    try {
      if (await btfOf(image) !== undefined) loaded++;
    } catch (err) {
      assert.ok(err instanceof BtfError, `mutant ${i}: ${String(err)}`);
      rejected++;
    }
  }
  // A flip almost anywhere in a checksummed or range-coded stream is fatal, so few load.
  assert.ok(loaded > 0 && rejected > 200, `${loaded} loaded, ${rejected} rejected`);
});

Deno.test("sizes: the Debian 7.3 xz payload's index agrees with its size trailer", () => {
  const bytes = Deno.readFileSync(fixture(".cache/debian-7.3-xz.vmlinuz"));
  const boot = bootPayload(bytes)!;
  const payload = bytes.subarray(boot.offset, boot.offset + boot.length - 4);
  const trailer = new DataView(bytes.buffer).getUint32(boot.offset + boot.length - 4, true);
  assert.equal(xzIndexSize(memorySource(payload)), trailer);
  assert.ok(trailer > 60_000_000, `${trailer}`);
});
