/**
 * A resolver worker with injected faults, for the pool's failure tests:
 * a request holding `idr` crashes the worker (uncaught error), one holding `cpu_time` is
 * never answered, and the `numa_stats` group itself throws while resolving.
 */
/// <reference lib="deno.worker" />
import { custom, group } from "../resolvers/dsl.ts";
import { GROUPS } from "../resolvers/mod.ts";
import { handleRequest } from "../workers/handler.ts";
import type { WorkerRequest } from "../workers/protocol.ts";

(GROUPS as Record<string, unknown>).numa_stats = group(custom("boom", () => {
  throw new TypeError("injected numa_stats failure");
}));

self.onmessage = (event: MessageEvent<WorkerRequest>) => {
  const req = event.data;
  if (req.groups.includes("idr")) throw new Error("injected crash");
  if (req.groups.includes("cpu_time")) return;
  self.postMessage(handleRequest(req));
};
