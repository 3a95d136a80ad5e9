/**
 * A resolver worker whose start-up takes 1 s (as a cold type-check on a busy machine can),
 * for the pool's boot-budget test. It then serves like the real worker.
 */
import { serveShares } from "../workers/serve.ts";

const until = performance.now() + 1000;
while (performance.now() < until) {
  // Busy, as a worker still loading is: requests wait in its queue.
}
serveShares();
