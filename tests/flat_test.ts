/**
 * A long-lived process that loads 1,000 kernels one after another has flat memory: through
 * a recycling TableArena, and through the worker pool, whose table registry keeps nothing
 * (tests/flat_main.ts runs each in a child process).
 */
import assert from "node:assert/strict";
import { childJson, DEBIAN_BTF } from "./helpers.ts";

const MIB = 2 ** 20;
const KERNELS = 1000;

function child(mode: string, v8: string[] = []) {
  return childJson<{ warm: number; end: number; collected: number }>(
    ["-A", ...v8],
    "flat_main.ts",
    [mode, String(KERNELS), DEBIAN_BTF],
  );
}

Deno.test("memory: 1,000 kernels through one arena: the resident set stays flat", () => {
  const r = child("arena");
  // One table of a 4.3 MB kernel is ~9 MiB, so a table leaked per 100 loads shows; V8 sizes
  // its own heap up to ~35 MiB meanwhile (heap in use stays ~3 MiB).
  assert.ok(r.end - r.warm < 48 * MIB, `grew ${((r.end - r.warm) / MIB).toFixed(1)} MiB`);
});

Deno.test("memory: 1,000 kernels resolved by the pool: every table is collected, memory flat", () => {
  const r = child("pool", ["--v8-flags=--expose-gc"]);
  assert.ok(r.collected >= KERNELS - 2, `only ${r.collected} of ${KERNELS} tables collected`);
  assert.ok(r.end - r.warm < 96 * MIB, `grew ${((r.end - r.warm) / MIB).toFixed(1)} MiB`);
});
