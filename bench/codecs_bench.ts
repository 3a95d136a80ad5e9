/**
 * deno bench: decompressing the sched_ext 7.3 vmlinux (64.3 MB) repacked with bzip2, lz4 and
 * lzo (tests/prepare.sh makes them) by the WebAssembly decoders: libbzip2 and the kernel's
 * lib/lz4 in codecs.wasm, the kernel's LZO1X in lzo.wasm; decompression alone, the output
 * handed to a sink that only counts it. bench/lzma_bench.ts has xz and lzma.
 * Run: deno bench -A bench/codecs_bench.ts
 */
import { memorySource } from "../btf/elf.ts";
import { bootPayload } from "../btf/image/bzimage.ts";
import { bunzip2 } from "../btf/image/codecs/bzip2.ts";
import { unlz4 } from "../btf/image/codecs/lz4.ts";
import { unlzo } from "../btf/image/codecs/lzo.ts";

/** The payload of a cached repacked image (its size trailer left off). */
function payload(name: string): Uint8Array {
  const file = Deno.readFileSync(new URL(`../testdata/.cache/${name}`, import.meta.url));
  const boot = bootPayload(file)!;
  return file.subarray(boot.offset, boot.offset + boot.length - 4);
}

let seen = 0;
const count = (chunk: Uint8Array) => (seen += chunk.length, true);

for (
  const [name, codec] of [["bzip2", bunzip2], ["lz4", unlz4], ["lzo", unlzo]] as const
) {
  const bytes = payload(`sched-ext-${name}.vmlinuz`);
  Deno.bench(`${name}: WebAssembly`, { group: name, n: 5, warmup: 1 }, async () => {
    await codec(memorySource(bytes), count);
  });
}
