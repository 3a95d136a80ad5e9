/**
 * One worker of the long fuzz run (tests/fuzz_main.ts): runs the slice of iterations it is
 * sent and posts its progress, then its report.
 * @module
 */
/// <reference lib="deno.worker" />
import { type FuzzSlice, loadFuzzInputs, runFuzz } from "./fuzz.ts";

self.onmessage = (e: MessageEvent<FuzzSlice>) => {
  const s = e.data;
  const inputs = loadFuzzInputs(s.fullKernelWeight);
  const report = runFuzz({
    ...s,
    inputs,
    progressEvery: 5000,
    onProgress: (done, r) =>
      self.postMessage({ progress: { done, failures: r.failures.length, maxMs: r.maxMs } }),
  });
  self.postMessage({ report });
  self.close();
};
