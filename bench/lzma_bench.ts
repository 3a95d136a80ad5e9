/**
 * deno bench: decompressing the Debian 7.3 vmlinux (64.3 MB) repacked with xz and lzma
 * (tests/prepare.sh fetches them), in place by lzma.wasm against `@napi-rs/lzma`'s one-shot
 * decoder; decompression alone, the output handed to a sink that only counts it.
 * Run: deno bench -A bench/lzma_bench.ts
 */
import { memorySource } from "../btf/elf.ts";
import { bootPayload } from "../btf/image/bzimage.ts";
import { unlzmaInPlace, unxzInPlace } from "../btf/image/codecs/in_place.ts";
import { lazyImport, PACKAGES } from "../btf/image/codecs/stream.ts";

interface Lzma {
  xz: { decompressSync(input: Uint8Array): Uint8Array };
  lzma: { decompressSync(input: Uint8Array): Uint8Array };
}
const napi = await lazyImport<Lzma>(PACKAGES.lzma);

/** The payload of a cached repacked image, and the size its trailer gives. */
function payload(name: string): { bytes: Uint8Array; size: number } {
  const file = Deno.readFileSync(new URL(`../testdata/.cache/${name}`, import.meta.url));
  const boot = bootPayload(file)!;
  const end = boot.offset + boot.length - 4;
  return {
    bytes: file.subarray(boot.offset, end),
    size: new DataView(file.buffer).getUint32(end, true),
  };
}

const xz = payload("sched-ext-xz.vmlinuz");
const lzma = payload("sched-ext-lzma.vmlinuz");
let seen = 0;
const count = (chunk: Uint8Array) => (seen += chunk.length, true);

Deno.bench("xz: lzma.wasm in place (xz-embedded)", { group: "xz", n: 3, warmup: 1 }, () => {
  unxzInPlace(memorySource(xz.bytes), xz.size, count);
});
Deno.bench("xz: @napi-rs/lzma one-shot", { group: "xz", n: 3, warmup: 1 }, () => {
  count(napi.xz.decompressSync(xz.bytes));
});
Deno.bench("lzma: lzma.wasm in place (LzmaDec)", { group: "lzma", n: 3, warmup: 1 }, () => {
  unlzmaInPlace(memorySource(lzma.bytes), lzma.size, count);
});
Deno.bench("lzma: @napi-rs/lzma one-shot", { group: "lzma", n: 3, warmup: 1 }, () => {
  count(napi.lzma.decompressSync(lzma.bytes));
});
