/**
 * A resolver worker with injected faults, for the pool's failure tests: claiming `idr`
 * crashes the worker (uncaught error), claiming `cpu_time` leaves it silent for good, and
 * the `numa_stats` group itself throws while resolving.
 */
/// <reference lib="deno.worker" />
import { custom, group } from "../resolvers/dsl.ts";
import { GROUPS } from "../resolvers/mod.ts";
import { claimNext, itemCount } from "../workers/claims.ts";
import { runItem } from "../workers/handler.ts";
import type { ShareRequest } from "../workers/protocol.ts";

GROUPS.numa_stats = group(custom("boom", "nothing", () => {
  throw new TypeError("injected numa_stats failure");
}));

self.onmessage = (event: MessageEvent<ShareRequest>) => {
  const { job, slot, task } = event.data;
  const claims = new Int32Array(event.data.claims);
  const attached = new Map();
  for (let i; (i = claimNext(claims, itemCount(task), slot + 1)) >= 0;) {
    const item = task.kind === "groups" ? task.groups[i] : task.paths[i];
    if (item === "idr") throw new Error("injected crash");
    if (item === "cpu_time") return;
    self.postMessage({ kind: "item", job, index: i, result: runItem(task, i, attached) });
  }
  self.postMessage({ kind: "done", job });
};

self.postMessage({ kind: "ready" });
