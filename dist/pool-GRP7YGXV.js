import {
  claimNext,
  itemCount,
  newClaims
} from "./chunk-PGFLT266.js";

// workers/pool.ts
var WORKER_URL = new URL(import.meta.url.endsWith(".ts") ? "./resolver_worker.ts" : "./workers/resolver_worker.js", import.meta.url);
var DEFAULT_TIMEOUT_MS = 2e4;
var DEFAULT_BOOT_TIMEOUT_MS = 12e4;
var WorkerPool = class _WorkerPool {
  #slots;
  #timeoutMs;
  #bootTimeoutMs;
  #jobs = /* @__PURE__ */ new Map();
  #nextJob = 1;
  constructor(size, opts) {
    const url = opts.workerUrl ?? WORKER_URL;
    this.#timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.#bootTimeoutMs = opts.bootTimeoutMs ?? DEFAULT_BOOT_TIMEOUT_MS;
    this.#slots = Array.from({
      length: size
    }, (_, i) => this.#spawn(url, i));
  }
  /**
   * Starts `size` workers now (default: the hardware concurrency); their start-up
   * runs on their own threads while the caller goes on.
   */
  static start(size = navigator.hardwareConcurrency, opts = {}) {
    if (!Number.isInteger(size) || size < 1) throw new RangeError(`pool size ${size} must be \u2265 1`);
    return new _WorkerPool(size, opts);
  }
  /** Number of workers started. */
  get size() {
    return this.#slots.length;
  }
  #spawn(url, index) {
    const slot = {
      index,
      worker: new Worker(url, {
        type: "module"
      }),
      dead: null,
      ready: false
    };
    slot.bootTimer = setTimeout(() => this.#kill(slot, `worker did not start within ${this.#bootTimeoutMs} ms`), this.#bootTimeoutMs);
    slot.worker.onmessage = (event) => this.#onReply(slot, event.data);
    slot.worker.onerror = (event) => {
      event.preventDefault();
      setTimeout(() => this.#kill(slot, `worker died: ${event.message}`), 10);
    };
    slot.worker.onmessageerror = () => this.#kill(slot, "worker sent an unreadable message");
    return slot;
  }
  #onReply(slot, reply) {
    if (reply.kind === "ready") {
      clearTimeout(slot.bootTimer);
      slot.ready = true;
      for (const job2 of this.#jobs.values()) this.#arm(job2, slot);
      return;
    }
    const job = this.#jobs.get(reply.job);
    if (!job) return;
    if (reply.kind === "item") {
      this.#record(job, reply.index, reply.result);
      this.#arm(job, slot);
    } else {
      clearTimeout(job.timers.get(slot.index));
      job.timers.delete(slot.index);
    }
    this.#settle(job);
  }
  /** (Re)starts the hang timer of `slot` for `job` (once the worker has started). */
  #arm(job, slot) {
    if (!slot.ready) return;
    clearTimeout(job.timers.get(slot.index));
    job.timers.set(slot.index, setTimeout(() => this.#kill(slot, `worker did not answer within ${this.#timeoutMs} ms`), this.#timeoutMs));
  }
  #record(job, index, result) {
    if (job.results[index] !== void 0) return;
    job.results[index] = result;
    job.open--;
  }
  /** Finishes `job` when every item has a result, or can never get one. */
  #settle(job) {
    const count = job.results.length;
    const unclaimed = Atomics.load(job.claims, 0) < count;
    if (unclaimed && !this.#slots.some((s) => !s.dead)) {
      const reasons = [
        ...new Set(this.#slots.map((s) => s.dead))
      ].join("; ");
      for (let i = 0; i < count; i++) {
        this.#record(job, i, new Error(`no live workers (${reasons})`));
      }
    }
    if (job.open > 0) return;
    for (const timer of job.timers.values()) clearTimeout(timer);
    job.finish();
  }
  #kill(slot, reason) {
    if (slot.dead) return;
    slot.dead = reason;
    clearTimeout(slot.bootTimer);
    slot.worker.terminate();
    for (const job of this.#jobs.values()) {
      clearTimeout(job.timers.get(slot.index));
      job.timers.delete(slot.index);
      const claimed = Math.min(Atomics.load(job.claims, 0), job.results.length);
      for (let i = 0; i < claimed; i++) {
        const claimant = Atomics.load(job.claims, 1 + i);
        if (claimant === slot.index + 1 || claimant === 0) this.#record(job, i, new Error(reason));
      }
      this.#settle(job);
    }
  }
  /**
   * Shares the items of `task` between the live workers and, when `runLocal` is given, the
   * main thread; resolves with each item's result (an Error for an item a worker failed).
   */
  async share(task, runLocal) {
    const count = itemCount(task);
    const claimsBuffer = newClaims(count);
    const id = this.#nextJob++;
    let finish;
    const finished = new Promise((resolve) => finish = resolve);
    const job = {
      claims: new Int32Array(claimsBuffer),
      results: new Array(count).fill(void 0),
      open: count,
      timers: /* @__PURE__ */ new Map(),
      finish
    };
    this.#jobs.set(id, job);
    try {
      for (const slot of this.#slots.filter((s) => !s.dead)) {
        const request = {
          kind: "share",
          job: id,
          slot: slot.index,
          claims: claimsBuffer,
          task
        };
        slot.worker.postMessage(request);
        this.#arm(job, slot);
      }
      if (runLocal) {
        for (let i; (i = claimNext(job.claims, count, -1)) >= 0; ) this.#record(job, i, runLocal(i));
      }
      this.#settle(job);
      await finished;
      return job.results;
    } finally {
      for (const timer of job.timers.values()) clearTimeout(timer);
      this.#jobs.delete(id);
    }
  }
  /** Terminates every worker. */
  close() {
    for (const slot of this.#slots) this.#kill(slot, "pool closed");
  }
};
export {
  WorkerPool
};
