/**
 * The long fuzz run: `deno task fuzz [--iterations N] [--seed S] [--start I] [--only I]
 * [--time-limit MS] [--workers W] [--full-kernel-weight X] [--images M]`. The iterations are
 * split into W contiguous slices run by W workers (default: one per core). Prints progress,
 * then the iterations done, the time, the failures (each with the seed and iteration that
 * replays it) and the longest time one mutant took. Then M mutated kernel images (default
 * 20,000; tests/image_fuzz.ts), one compression after the other. `--only I` replays
 * iteration I of seed S inline and prints its mutations. Exits 1 when a failure was found.
 * @module
 */
import { parseArgs } from "node:util";
import {
  describeFailure,
  type FuzzReport,
  type FuzzSlice,
  loadFuzzInputs,
  makeMutant,
  runFuzz,
} from "./fuzz.ts";
import { runImageFuzz } from "./image_fuzz.ts";

const { values } = parseArgs({
  args: Deno.args,
  options: {
    iterations: { type: "string", default: "1000000" },
    seed: { type: "string", default: "1" },
    start: { type: "string", default: "0" },
    only: { type: "string" },
    "time-limit": { type: "string", default: "1000" },
    workers: { type: "string", default: String(navigator.hardwareConcurrency) },
    images: { type: "string", default: "20000" },
    "full-kernel-weight": { type: "string", default: "0.05" },
  },
});

function num(name: string, text: string, integer = true): number {
  const n = Number(text);
  if (!(integer ? Number.isSafeInteger(n) : Number.isFinite(n)) || n < 0) {
    console.error(`fuzz_main: --${name} wants a non-negative number, got '${text}'`);
    Deno.exit(2);
  }
  return n;
}

const seed = num("seed", values.seed);
const timeLimitMs = num("time-limit", values["time-limit"]);
const fullKernelWeight = num("full-kernel-weight", values["full-kernel-weight"], false);
const start = num("start", values.start), iterations = num("iterations", values.iterations);
const workers = Math.max(1, num("workers", values.workers));
const imageIterations = values.only === undefined ? num("images", values.images) : 0;

/** A worker's progress: iterations done, failures found, longest mutant (ms) so far. */
interface Progress {
  done: number;
  failures: number;
  maxMs: number;
}

/** Runs one slice in a worker; `onProgress` gets how far it has come. */
function runSlice(slice: FuzzSlice, onProgress: (p: Progress) => void): Promise<FuzzReport> {
  const worker = new Worker(new URL("./fuzz_worker.ts", import.meta.url), { type: "module" });
  return new Promise((resolve, reject) => {
    worker.onmessage = (e) => {
      if (e.data.report) resolve(e.data.report);
      else onProgress(e.data.progress);
    };
    worker.onerror = (e) => {
      e.preventDefault();
      reject(new Error(`fuzz worker failed: ${e.message}`));
    };
    worker.postMessage(slice);
  });
}

/** The reports of consecutive slices as one (the digest chains the slices' digests). */
function merge(reports: FuzzReport[]): FuzzReport {
  const all = reports[0];
  for (const r of reports.slice(1)) {
    all.iterations += r.iterations;
    all.failures.push(...r.failures);
    if (r.maxMs > all.maxMs) [all.maxMs, all.maxAt] = [r.maxMs, r.maxAt];
    all.rejected += r.rejected;
    all.built += r.built;
    all.queries += r.queries;
    all.queryErrors += r.queryErrors;
    all.contended += r.contended;
    all.digest = Math.imul(all.digest ^ r.digest, 0x01000193) >>> 0;
  }
  return all;
}

const began = performance.now();
let report: FuzzReport;
if (values.only !== undefined) {
  const only = num("only", values.only), inputs = loadFuzzInputs(fullKernelWeight);
  const m = makeMutant(seed, only, inputs);
  console.log(`iteration ${only}: ${m.input.name}, ${m.bytes.length} bytes`);
  for (const what of m.mutations) console.log(`  ${what}`);
  report = runFuzz({ seed, start: only, iterations: 1, inputs, timeLimitMs });
} else {
  const per = Math.ceil(iterations / workers);
  const progress: Progress[] = Array.from({ length: workers }, () => ({
    done: 0,
    failures: 0,
    maxMs: 0,
  }));
  let shown = 0;
  const slices = Array.from({ length: workers }, (_, w) => ({
    seed,
    start: start + w * per,
    iterations: Math.max(0, Math.min(per, iterations - w * per)),
    timeLimitMs,
    fullKernelWeight,
  })).filter((s) => s.iterations > 0);
  console.log(`seed ${seed}: ${iterations} iterations from ${start} on ${slices.length} workers`);
  // No slice (--iterations 0, an image-only run): an empty report.
  report = slices.length === 0 ? runFuzz({ seed, start, iterations: 0, inputs: [] }) : merge(
    await Promise.all(slices.map((s, w) =>
      runSlice(s, (p) => {
        progress[w] = p;
        const total = progress.reduce((a, q) => a + q.done, 0);
        if (total - shown < 50000) return;
        shown = total;
        const secs = ((performance.now() - began) / 1000).toFixed(0);
        const failures = progress.reduce((a, q) => a + q.failures, 0);
        const maxMs = Math.max(...progress.map((q) => q.maxMs)).toFixed(1);
        console.log(`  ${total} iterations, ${failures} failures, max ${maxMs} ms, ${secs} s`);
      })
    )),
  );
}
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
console.log(
  `over the limit by the clock but not in CPU time (a busy machine): ${report.contended}`,
);
console.log(`digest: ${report.digest.toString(16)}`);
// Kernel images: every compression's payload behind a boot header, mutated.
const imagesBegan = performance.now();
const images = await runImageFuzz(seed, imageIterations, timeLimitMs);
const imageSeconds = ((performance.now() - imagesBegan) / 1000).toFixed(1);
console.log(`image mutants: ${images.iterations} in ${imageSeconds} s, ${images.loaded} loaded`);
console.log(`image failures: ${images.failures.length}`);
for (const f of images.failures.slice(0, 50)) console.log(`  ${f}`);
console.log(`image max time per input: ${images.maxMs.toFixed(1)} ms; rejected with:`);
for (const [kind, n] of Object.entries(images.rejected).sort((a, b) => b[1] - a[1])) {
  console.log(`  ${String(n).padStart(7)}  ${kind}`);
}
if (report.failures.length > 0 || images.failures.length > 0) Deno.exit(1);
