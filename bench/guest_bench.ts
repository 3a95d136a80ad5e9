/**
 * deno bench: finding a guest kernel in its memory, by the steps `rq` and `scx` take (the
 * VMCOREINFO search, kallsyms by sorted names and by hash, the whole find with the BTF from
 * memory) and the readers, on the synthetic guest (tests/guest_builder.ts), and on the 512 MB
 * QEMU dump of `bench/compare.sh` where it has been made. Run: deno task bench
 */
import { memorySource } from "../btf/elf.ts";
import { openMemoryImage } from "../guest/image.ts";
import { readKallsyms } from "../guest/kallsyms.ts";
import { findKernel } from "../guest/kernel.ts";
import { readRunQueues } from "../guest/rq.ts";
import { readScx } from "../guest/scx.ts";
import { findVmcoreInfo } from "../guest/vmcoreinfo.ts";
import { imagePhys, X86Translator } from "../guest/x86_64.ts";
import { openMapped } from "../load/file.ts";
import type { MemoryImage } from "../guest/image.ts";
import { buildGuest } from "../tests/guest_builder.ts";

const DUMP = new URL("../testdata/.cache/vm/runs/bench-512mb/dump.elf", import.meta.url).pathname;

/** The images benched: the synthetic guests (sorted names, and hashed), the dump if made. */
const images: [string, MemoryImage][] = [
  ["synthetic 7.x", openMemoryImage(memorySource(buildGuest().ram))],
  [
    "synthetic 6.12 (no sorted names)",
    openMemoryImage(memorySource(buildGuest({ encoding: "absolute-percpu" }).ram)),
  ],
];
try {
  images.push(["512 MB QEMU dump", openMemoryImage(openMapped(DUMP).src)]);
} catch {
  console.error(`guest_bench: no ${DUMP} (bash bench/compare.sh makes it): synthetic guests only`);
}

for (const [name, image] of images) {
  const info = findVmcoreInfo(image.memory)!;
  const physBase = info.number("phys_base")!;
  const paging = {
    root: imagePhys(info.symbol("init_top_pgt")!, physBase)!,
    levels: info.number("pgtable_l5_enabled") === 1n ? 5 as const : 4 as const,
    physBase,
  };
  const kernel = findKernel(image);
  Deno.bench(`${name}: find VMCOREINFO in RAM`, { group: name }, () => {
    findVmcoreInfo(image.memory);
  });
  Deno.bench(
    `${name}: kallsyms (${kernel.symbols.size} symbols), 20 lookups`,
    { group: name },
    () => {
      const t = new X86Translator(image.memory, paging);
      const table = readKallsyms((va, n) => t.read(va, n), info);
      for (let i = 0; i < 20; i++) table.address(i % 2 ? "runqueues" : "__per_cpu_offset");
    },
  );
  Deno.bench(`${name}: find the kernel (BTF from memory)`, { group: name, baseline: true }, () => {
    findKernel(image);
  });
  Deno.bench(`${name}: rq + scx`, { group: name }, () => {
    readRunQueues(kernel);
    readScx(kernel);
  });
}
