/**
 * Prints the medians of a hyperfine --export-json file, the minor page faults of each
 * command (a `{name: count}` JSON file), and the ratios bench/compare.sh is about.
 * Run: deno run --allow-read bench/ratios.ts runs.json [faults.json]
 */
interface Run {
  command: string;
  median: number;
  mean: number;
  stddev: number;
}

const runs: Run[] = JSON.parse(Deno.readTextFileSync(Deno.args[0])).results;
const faults: Record<string, number> = Deno.args[1]
  ? JSON.parse(Deno.readTextFileSync(Deno.args[1]))
  : {};
const has = (name: string) => runs.some((r) => r.command === name);
const ms = (name: string) => 1000 * runs.find((r) => r.command === name)!.median;
console.log("median wall time per run (cold process), minor page faults (median):");
for (const r of runs) {
  const f = faults[r.command] === undefined ? "" : String(faults[r.command]).padStart(8);
  console.log(`  ${r.command.padEnd(22)} ${(1000 * r.median).toFixed(1).padStart(7)} ms ${f}`);
}
const ratio = (a: string, b: string, note: string) => {
  if (!has(a) || !has(b)) return;
  console.log(`  ${`${a} / ${b}`.padEnd(40)} ${(ms(a) / ms(b)).toFixed(2)}  ${note}`);
};
console.log("ratios of medians (< 1.00 means the first is faster):");
ratio("cli", "empty", "the CLI over an empty deno run, target ≤ 1.4");
ratio("cli-source", "cli", "the CLI from its sources over the bundle");
ratio("cli", "pahole", "target ≤ 0.5");
ratio("cli", "bpftool", "");
ratio("cli", "cli-jobs0", "--jobs auto for one kernel, target ≤ 1.0");
ratio("cli-jobs1", "cli-jobs0", "pool for one kernel, target ≤ 1.2");
ratio("cli-jobs2", "cli-jobs0", "pool for one kernel, target ≤ 1.2");
ratio("batch-jobs2", "batch-jobs0", "4 kernels");
ratio("batch10-auto", "batch10-jobs0", "10 raw kernels, --jobs auto, target ≤ 1.0");
ratio("diff10-auto", "diff10-jobs0", "diff over 10 raw kernels, --jobs auto, target ≤ 1.0");
const bases = runs.map((r) => r.command).filter((c) => /^base-.*-cli$/.test(c))
  .map((c) => c.slice(0, -"-cli".length));
for (const b of bases) {
  ratio(`${b}-batch10-jobs0`, "batch10-auto", "speed-up over that revision, target ≥ 1.6");
  ratio(`${b}-cli`, "cli", "speed-up over that revision, one kernel");
}
ratio("struct-rq", "pahole-rq", "struct rq cold, target ≤ 0.7");
ratio("diff-pair", "kernel-pair", "diff of two raw kernels, target ≤ 1.3");
const over = (a: string, b: string[], note: string) =>
  console.log(
    `  ${`${a} / (${b.join(" + ")})`.padEnd(40)} ${
      (ms(a) / b.reduce((t, n) => t + ms(n), 0)).toFixed(2)
    }  ${note}`,
  );
over("vmlinuz", ["zstd-dc", "raw-7.3"], "Debian 7.3 vmlinuz, target ≤ 2.0");
ratio("vmlinuz-sidecar", "raw-7.3", "vmlinuz in the cache, sidecar hit, target ≈ 1.0");
if (faults.cli !== undefined && faults.empty !== undefined) {
  console.log("page faults:");
  const more = (a: string, note: string) => {
    if (faults[a] === undefined) return;
    console.log(`  ${`${a} - empty`.padEnd(40)} ${faults[a] - faults.empty}  ${note}`);
  };
  more("cli", "the CLI's own, target ≤ 800");
  more("batch10-jobs0", "10 kernels inline");
  more("batch10-auto", "10 kernels, --jobs auto");
  for (const b of bases) {
    more(`${b}-cli`, "that revision's");
    more(`${b}-batch10-jobs0`, "that revision's 10 kernels inline");
  }
}
