/**
 * The paired rounds of bench/compare.sh: for one pair of commands `a` and `b`, the ratio of
 * their medians in each round (a hyperfine --export-json file holding both), and the median
 * of those ratios, which is what the speed targets are judged by on a machine that drifts.
 * Run: deno run --allow-read bench/pairs.ts LABEL TARGET round1.json round2.json ...
 */
interface Result {
  command: string;
  median: number;
}

const [label, target, ...files] = Deno.args;
const ratios = files.map((f) => {
  const results: Result[] = JSON.parse(Deno.readTextFileSync(f)).results;
  const median = (name: string) => results.find((r) => r.command === name)!.median;
  return median("a") / median("b");
});
const sorted = [...ratios].sort((x, y) => x - y);
const mid = sorted.length >> 1;
const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
console.log(
  `  ${label.padEnd(44)} ${median.toFixed(2)}  ${target}  (rounds: ${
    ratios.map((r) => r.toFixed(2)).join(" ")
  })`,
);
