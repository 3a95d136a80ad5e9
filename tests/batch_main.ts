/**
 * Child process of tests/batch_test.ts: runs the batch driver inline over the given paths
 * and prints, as JSON, how much the resident set grew and how many kernels loaded.
 * Run: deno run -A tests/batch_main.ts PATH...
 */
import { loadKernels } from "../cli/batch.ts";
import { GROUP_NAMES } from "../resolvers/mod.ts";

const io = { out: () => {}, err: (t: string) => console.error(t), color: false };
const before = Deno.memoryUsage().rss;
const outcomes = await loadKernels(Deno.args, { jobs: "0" }, [...GROUP_NAMES], io);
console.log(JSON.stringify({
  grew: Deno.memoryUsage().rss - before,
  loaded: outcomes.filter((o) => !("error" in o)).length,
}));
