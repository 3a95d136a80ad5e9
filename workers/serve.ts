/**
 * The body of a resolver worker: for each share request, claims and runs items until none
 * is left, posting each result as soon as it is ready.
 * @module
 */
/// <reference lib="deno.worker" />
import { claimNext, itemCount } from "./claims.ts";
import { runItem } from "./handler.ts";
import type { ShareRequest, WorkerReply } from "./protocol.ts";

/** Installs the share handler and tells the pool that start-up is over. */
export function serveShares(): void {
  self.onmessage = (event: MessageEvent<ShareRequest>) => {
    const { job, slot, task } = event.data;
    const claims = new Int32Array(event.data.claims);
    const count = itemCount(task);
    const post = (reply: WorkerReply) => self.postMessage(reply);
    const attached = new Map();
    for (let i; (i = claimNext(claims, count, slot + 1)) >= 0;) {
      post({ kind: "item", job, index: i, result: runItem(task, i, attached) });
    }
    post({ kind: "done", job });
  };
  self.postMessage({ kind: "ready" } satisfies WorkerReply);
}
