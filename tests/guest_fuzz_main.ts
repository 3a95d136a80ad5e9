/**
 * The long guest-memory fuzz run: `deno run -A tests/guest_fuzz_main.ts [--iterations N]
 * [--seed S] [--start I] [--time-limit MS] [--hang-ms MS]`, mutants read in a worker with a
 * watchdog (tests/guest_fuzz.ts). Prints the counts and every failure with the seed and
 * iteration that replay it; `--only I` replays iteration I in this thread and prints its
 * mutations and outcome. Exits 1 when a failure was found.
 * @module
 */
import { parseArgs } from "node:util";
import { guestBases, makeGuestMutant, readGuest, runGuestFuzzIsolated } from "./guest_fuzz.ts";

const { values } = parseArgs({
  args: Deno.args,
  options: {
    iterations: { type: "string", default: "10000" },
    seed: { type: "string", default: "1" },
    start: { type: "string", default: "0" },
    only: { type: "string" },
    "time-limit": { type: "string", default: "2000" },
    "hang-ms": { type: "string", default: "10000" },
  },
});

function num(name: string, text: string): number {
  const n = Number(text);
  if (!Number.isSafeInteger(n) || n < 0) {
    console.error(`guest_fuzz_main: --${name} wants a non-negative integer, got '${text}'`);
    Deno.exit(2);
  }
  return n;
}

const seed = num("seed", values.seed);
if (values.only !== undefined) {
  const i = num("only", values.only);
  const m = makeGuestMutant(seed, i);
  console.log(`seed ${seed} iteration ${i} on ${m.base}:`);
  for (const d of m.mutations) console.log(`  ${d}`);
  const expected = guestBases().find((b) => b.name === m.base)!.build.expected;
  const result = readGuest(m.bytes, expected);
  m.undo();
  console.log(JSON.stringify(result, null, 2));
  Deno.exit(result.outcome === "exception" ? 1 : 0);
}

const t0 = performance.now();
const report = await runGuestFuzzIsolated({
  seed,
  start: num("start", values.start),
  iterations: num("iterations", values.iterations),
  timeLimitMs: num("time-limit", values["time-limit"]),
  hangMs: num("hang-ms", values["hang-ms"]),
  maxHangs: 20,
});
const { failures, ...counts } = report;
console.log(JSON.stringify(counts, null, 2));
console.log(`${((performance.now() - t0) / 1000).toFixed(1)} s`);
for (const f of failures) {
  console.log(`\n${f.kind} at seed ${f.seed} iteration ${f.iteration} (${f.base}):`);
  for (const d of f.mutations) console.log(`  ${d}`);
  console.log(`  ${f.detail.split("\n").slice(0, 6).join("\n  ")}`);
}
Deno.exit(failures.length > 0 ? 1 : 0);
