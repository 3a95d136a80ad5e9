/**
 * Runs one fault-injection scenario of the worker pool and prints its report as JSON. The
 * pool tests run it as a child process, so the traces Deno prints for the faulty worker's
 * deliberate uncaught error go to a captured stream, not into the test run's output.
 *
 *     deno run -A tests/pool_faults_main.ts mixed|all-dead
 */
import { loadBtf } from "../load/file.ts";
import { GROUP_NAMES, type GroupName } from "../resolvers/mod.ts";
import { resolvePooled } from "../workers/fanout.ts";
import { WorkerPool } from "../workers/pool.ts";
import { PINNED_73_BTF } from "./helpers.ts";

const FAULTY = new URL("./faulty_worker.ts", import.meta.url);

/** Pool size and groups of each scenario (workers only, so the faulty ones get the items). */
const SCENARIOS: Record<string, [size: number, groups: readonly GroupName[]]> = {
  mixed: [3, GROUP_NAMES],
  "all-dead": [1, ["kernel", "idr", "scx_walker"]],
};

const [size, groups] = SCENARIOS[Deno.args[0]];
const { types } = loadBtf(PINNED_73_BTF);
const pool = WorkerPool.start(size, { workerUrl: FAULTY, timeoutMs: 4000 });
try {
  const report = await resolvePooled(pool, types, groups, { mainThread: false });
  // With the faulty workers dead, the main thread and any healthy worker still serve.
  const again = await resolvePooled(pool, types, ["bpf_prog"]);
  console.log(JSON.stringify({ report, again }));
} finally {
  pool.close();
}
