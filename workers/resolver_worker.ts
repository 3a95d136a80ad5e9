/**
 * Entry point of a resolver worker (a module Web Worker): answers each request with
 * {@link handleRequest}.
 * @module
 */
/// <reference lib="deno.worker" />
import { handleRequest } from "./handler.ts";
import type { WorkerRequest } from "./protocol.ts";

self.onmessage = (event: MessageEvent<WorkerRequest>) => {
  self.postMessage(handleRequest(event.data));
};
