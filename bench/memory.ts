/**
 * Memory of loading one kernel against the size of its BTF blob: the table buffer (raw
 * bytes + offsets + name index, in one shared WebAssembly memory) plus the JS heap growth
 * across read + parse + index + resolve, and the process's resident-set growth (which also
 * counts compiled code). Run: deno run -A bench/memory.ts [PATH]
 */
import { loadBtf } from "../mod.ts";
import { resolveOffsets } from "../resolvers/mod.ts";

const path = Deno.args[0] ?? "/sys/kernel/btf/vmlinux";
const before = Deno.memoryUsage();
const { types } = loadBtf(path);
const report = resolveOffsets(types);
const after = Deno.memoryUsage();
const mib = (n: number) => `${(n / 2 ** 20).toFixed(1)} MiB`;
const grown = after.rss - before.rss;
console.log(`${path}: BTF ${mib(types.btfBytes)}, table buffer ${mib(types.buffer.byteLength)}`);
console.log(`  resident set grew ${mib(grown)} = ${(grown / types.btfBytes).toFixed(2)}× the BTF`);
const heap = types.buffer.byteLength + after.heapUsed - before.heapUsed;
console.log(`  JS heap used grew ${mib(after.heapUsed - before.heapUsed)}`);
console.log(
  `  heap for this kernel (table buffer + JS heap growth): ${mib(heap)} = ` +
    `${(heap / types.btfBytes).toFixed(2)}× the BTF (target ≤ 2×)`,
);
console.log(`  groups resolved: ${Object.values(report.offsets).filter((v) => v !== null).length}`);
