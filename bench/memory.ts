/**
 * Memory of loading one kernel against the size of its BTF blob: the table's resident pages
 * (raw bytes + offsets + name and enumerator indexes, in one shared WebAssembly memory; a
 * mapped sysfs blob is the kernel's own memory and not counted, reserved pages never touched
 * cost nothing) plus the JS heap growth across read + parse + index + resolve, and the
 * process's resident-set growth (which also counts compiled code).
 * Run: deno run -A bench/memory.ts [PATH]
 */
import { loadBtf } from "../mod.ts";
import { resolveOffsets } from "../resolvers/mod.ts";

/** Resident bytes of `buffer`'s address range, from /proc/self/smaps (Linux). */
function residentBytes(buffer: SharedArrayBuffer): number {
  const base = Deno.UnsafePointer.value(Deno.UnsafePointer.of(new Uint8Array(buffer)));
  const end = base + BigInt(buffer.byteLength);
  let kib = 0;
  for (const vma of Deno.readTextFileSync("/proc/self/smaps").split(/\n(?=[0-9a-f]+-)/)) {
    const from = BigInt(`0x${vma.slice(0, vma.indexOf("-"))}`);
    if (from < base || from >= end) continue;
    kib += Number(/^Rss:\s+(\d+) kB/m.exec(vma)?.[1] ?? 0);
  }
  return kib * 1024;
}

const path = Deno.args[0] ?? "/sys/kernel/btf/vmlinux";
const before = Deno.memoryUsage();
const { types } = loadBtf(path);
const report = resolveOffsets(types);
const after = Deno.memoryUsage();
const mib = (n: number) => `${(n / 2 ** 20).toFixed(1)} MiB`;
const grown = after.rss - before.rss, table = residentBytes(types.buffer);
console.log(`${path}: BTF ${mib(types.btfBytes)}, table resident ${mib(table)}`);
console.log(`  resident set grew ${mib(grown)} = ${(grown / types.btfBytes).toFixed(2)}× the BTF`);
const heap = table + after.heapUsed - before.heapUsed;
console.log(`  JS heap used grew ${mib(after.heapUsed - before.heapUsed)}`);
console.log(
  `  heap for this kernel (table resident + JS heap growth): ${mib(heap)} = ` +
    `${(heap / types.btfBytes).toFixed(2)}× the BTF (target ≤ 2×)`,
);
console.log(`  groups resolved: ${Object.values(report.offsets).filter((v) => v !== null).length}`);
