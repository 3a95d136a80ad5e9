/**
 * The long fuzz run: `deno run -A tests/fuzz_main.ts --iterations N --seed S [--start I]
 * [--only I] [--time-limit MS] [--no-full-vmlinux]`. Prints progress, then the iterations
 * done, the failures (each with the seed and iteration that replays it) and the longest time
 * one mutant took. `--only I` replays iteration I of seed S and prints its mutations.
 * Exits 1 when a failure was found.
 * @module
 */
import { parseArgs } from "node:util";
import { describeFailure, loadFuzzInputs, makeMutant, runFuzz } from "./fuzz.ts";

const { values } = parseArgs({
  args: Deno.args,
  options: {
    iterations: { type: "string", default: "200000" },
    seed: { type: "string", default: "1" },
    start: { type: "string", default: "0" },
    only: { type: "string" },
    "time-limit": { type: "string", default: "200" },
    "no-full-vmlinux": { type: "boolean", default: false },
  },
});

function int(name: string, text: string): number {
  const n = Number(text);
  if (!Number.isSafeInteger(n) || n < 0) {
    console.error(`fuzz_main: --${name} wants a non-negative integer, got '${text}'`);
    Deno.exit(2);
  }
  return n;
}

const seed = int("seed", values.seed);
const inputs = loadFuzzInputs(values["no-full-vmlinux"] ? 0 : 0.02);
const timeLimitMs = int("time-limit", values["time-limit"]);
let start = int("start", values.start), iterations = int("iterations", values.iterations);
if (values.only !== undefined) {
  start = int("only", values.only);
  iterations = 1;
  const m = makeMutant(seed, start, inputs);
  console.log(`iteration ${start}: ${m.input.name}, ${m.bytes.length} bytes`);
  for (const what of m.mutations) console.log(`  ${what}`);
}
console.log(`inputs: ${inputs.map((i) => `${i.name} (${i.bytes.length})`).join(", ")}`);
const began = performance.now();
const report = runFuzz({
  seed,
  start,
  iterations,
  inputs,
  timeLimitMs,
  progressEvery: 10000,
  onProgress: (done, r) => {
    const s = ((performance.now() - began) / 1000).toFixed(0);
    console.log(
      `  ${done} iterations, ${r.failures.length} failures, max ${r.maxMs.toFixed(1)} ms, ${s} s`,
    );
  },
});
const seconds = (performance.now() - began) / 1000;
console.log(`seed ${seed}, iterations ${start}..${start + report.iterations - 1}`);
console.log(`iterations done: ${report.iterations} in ${seconds.toFixed(1)} s`);
console.log(`failures: ${report.failures.length}`);
for (const f of report.failures.slice(0, 50)) console.log(`  ${describeFailure(f)}`);
console.log(
  `max time per input: ${report.maxMs.toFixed(1)} ms` +
    (report.maxAt ? ` (iteration ${report.maxAt.iteration}, ${report.maxAt.input})` : ""),
);
console.log(
  `rejected before a table: ${report.rejected}, tables built: ${report.built}, ` +
    `queries: ${report.queries} (${report.queryErrors} BtfErrors)`,
);
console.log(`digest: ${report.digest.toString(16)}`);
if (report.failures.length > 0) Deno.exit(1);
