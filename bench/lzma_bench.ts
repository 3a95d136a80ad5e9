/**
 * deno bench: decompressing the sched_ext 7.3 vmlinux (64.3 MB) repacked with xz and lzma
 * (tests/prepare.sh makes them) by codecs.wasm, in place (single call, the output being the
 * dictionary: the kernel's payloads) against stepwise (a dictionary of its own: xz files of
 * other checks or several streams, lzma of unknown size); decompression alone, the output
 * handed to a sink that only counts it. bench/codecs_bench.ts has bzip2, lz4 and lzo.
 * Run: deno bench -A bench/lzma_bench.ts
 */
import { memorySource } from "../btf/elf.ts";
import { bootPayload } from "../btf/image/bzimage.ts";
import { unlzmaInPlace, unxzInPlace } from "../btf/image/codecs/in_place.ts";
import { unlzmaSteps, unxzSteps } from "../btf/image/codecs/lzma.ts";
import { xzStreams } from "../btf/image/codecs/sizes.ts";

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

Deno.bench("xz: in place (xz-embedded, single call)", { group: "xz", n: 3, warmup: 1 }, () => {
  unxzInPlace(memorySource(xz.bytes), xz.size, count);
});
Deno.bench("xz: stepwise (xz-embedded, multi-call)", { group: "xz", n: 3, warmup: 1 }, () => {
  unxzSteps(memorySource(xz.bytes), count, xzStreams(memorySource(xz.bytes)));
});
Deno.bench("lzma: in place (LzmaDec)", { group: "lzma", n: 3, warmup: 1 }, () => {
  unlzmaInPlace(memorySource(lzma.bytes), lzma.size, count);
});
Deno.bench(
  "lzma: stepwise (LzmaDec, circular dictionary)",
  { group: "lzma", n: 3, warmup: 1 },
  () => {
    unlzmaSteps(memorySource(lzma.bytes), count);
  },
);
