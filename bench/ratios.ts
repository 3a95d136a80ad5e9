/**
 * Prints the medians of a hyperfine --export-json file and the ratios bench/compare.sh is
 * about. Run: deno run --allow-read bench/ratios.ts runs.json
 */
interface Run {
  command: string;
  median: number;
  mean: number;
  stddev: number;
}

const runs: Run[] = JSON.parse(Deno.readTextFileSync(Deno.args[0])).results;
const ms = (name: string) => 1000 * runs.find((r) => r.command === name)!.median;
console.log("median wall time per run (cold process):");
for (const r of runs) {
  console.log(`  ${r.command.padEnd(15)} ${(1000 * r.median).toFixed(1).padStart(7)} ms`);
}
const ratio = (a: string, b: string, note: string) =>
  console.log(`  ${`${a} / ${b}`.padEnd(26)} ${(ms(a) / ms(b)).toFixed(2)}  ${note}`);
console.log("ratios (< 1.00 means the first is faster):");
ratio("cli", "pahole", "target < 1.0, aim 0.5");
ratio("cli", "bpftool", "");
ratio("cli-jobs1", "cli-jobs0", "pool for one kernel, target ≤ 1.2");
ratio("cli-jobs2", "cli-jobs0", "pool for one kernel, target ≤ 1.2");
ratio("batch-jobs2", "batch-jobs0", "4 kernels, target ≤ 0.77 (1.3× faster)");
ratio("struct-rq", "pahole-rq", "struct rq cold, target ≤ 0.7");
ratio("diff-pair", "kernel-pair", "diff of two raw kernels, target ≤ 1.3");
const over = (a: string, b: string[], note: string) =>
  console.log(
    `  ${`${a} / (${b.join(" + ")})`.padEnd(26)} ${
      (ms(a) / b.reduce((t, n) => t + ms(n), 0)).toFixed(2)
    }  ${note}`,
  );
over("vmlinuz", ["zstd-dc", "raw-7.3"], "Debian 7.3 vmlinuz, target ≤ 2.0");
ratio("vmlinuz-sidecar", "raw-7.3", "vmlinuz in the cache, sidecar hit, target ≈ 1.0");
