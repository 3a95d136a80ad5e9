/**
 * Child process of tests/flat_test.ts: a long-lived process that loads one kernel after
 * another and prints, as JSON, its resident set after a warm-up and at the end.
 * - `arena N PATH`: N loads into one TableArena, each released once resolved (the batch
 *   driver's way);
 * - `pool N PATH`: N library loads (fresh memory each) resolved through a WorkerPool, the
 *   tables dropped; with --v8-flags=--expose-gc it also reports how many of the tables the
 *   garbage collector has reclaimed (nothing in the pool may keep them).
 * Run: deno run -A [--v8-flags=--expose-gc] tests/flat_main.ts MODE N PATH
 */
import { TableArena } from "../btf/arena.ts";
import { loadBtf } from "../load/file.ts";
import { pageAdvice } from "../load/map.ts";
import { GROUP_NAMES, resolveOffsets } from "../resolvers/mod.ts";
import { resolvePooled } from "../workers/fanout.ts";
import { WorkerPool } from "../workers/pool.ts";

const [mode, n, path] = [Deno.args[0], Number(Deno.args[1]), Deno.args[2]];
const WARM = 50;
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
const rss = () => Deno.memoryUsage().rss;
let collected = 0;
const registry = new FinalizationRegistry(() => collected++);
let warm = 0;

if (mode === "arena") {
  const arena = new TableArena(pageAdvice() ?? undefined);
  for (let i = 0; i < n; i++) {
    const { types } = loadBtf(path, undefined, arena);
    resolveOffsets(types);
    arena.release(types);
    if (i % 25 === 0) gc();
    if (i === WARM) warm = rss();
  }
} else {
  const pool = WorkerPool.start(1);
  try {
    for (let i = 0; i < n; i++) {
      const { types } = loadBtf(path);
      registry.register(types, i);
      await resolvePooled(pool, types, GROUP_NAMES);
      if (i % 25 === 0) gc();
      if (i === WARM) warm = rss();
    }
  } finally {
    pool.close();
  }
}
gc();
// Finalizers run in a later task.
await new Promise((resolve) => setTimeout(resolve, 50));
console.log(JSON.stringify({ warm, end: rss(), collected }));
