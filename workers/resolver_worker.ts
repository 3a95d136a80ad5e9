/**
 * Entry point of a resolver worker (a module Web Worker): for each share request, claims
 * and runs items until none is left, posting each result as soon as it is ready.
 * @module
 */
/// <reference lib="deno.worker" />
import { claimNext, itemCount } from "./claims.ts";
import { runItem } from "./handler.ts";
import type { ShareRequest, WorkerReply } from "./protocol.ts";

self.onmessage = (event: MessageEvent<ShareRequest>) => {
  const { job, slot, task } = event.data;
  const claims = new Int32Array(event.data.claims);
  const count = itemCount(task);
  const post = (reply: WorkerReply) => self.postMessage(reply);
  for (let i; (i = claimNext(claims, count, slot + 1)) >= 0;) {
    post({ kind: "item", job, index: i, result: runItem(task, i) });
  }
  post({ kind: "done", job });
};
