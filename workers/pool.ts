/**
 * A pool of module workers that share work with the main thread over shared type tables
 * (docs/DESIGN.md). Start it before reading and parsing so worker start-up overlaps that work:
 * every participant claims the next item from a shared counter, so the main thread never
 * waits for a worker that is still booting. Results are stored by item index, so the
 * merged output is identical to inline output. A worker that throws, dies or never
 * answers fails only the items it had claimed, with a clear message; `close()` terminates
 * every worker. This module stays light (no resolvers, no loader) so the CLI can start the
 * pool before loading the rest.
 * @module
 */
import { claimNext, itemCount, newClaims } from "./claims.ts";
import type { ItemResult, ShareRequest, Task, WorkerReply } from "./protocol.ts";

/** Options of {@link WorkerPool.start}. */
export interface PoolOptions {
  /** Worker module to run (tests substitute a faulty one). */
  workerUrl?: URL;
  /** How long a started worker may go without answering before it is declared hung (ms). */
  timeoutMs?: number;
  /**
   * How long a worker may take to load its module (ms). Kept apart from `timeoutMs`: a cold
   * start (a first type-check, a busy machine) is slow but not a fault.
   */
  bootTimeoutMs?: number;
}

interface Slot {
  index: number;
  worker: Worker;
  dead: string | null;
  /** Whether the worker has said it is ready; hang timers run only from then on. */
  ready: boolean;
  /** Cancels the boot timer. */
  cancelBoot?: Cancel;
}

interface Job {
  claims: Int32Array;
  results: (ItemResult | Error | undefined)[];
  open: number;
  /** The running hang timers' cancels, by slot index. */
  timers: Map<number, Cancel>;
  finish(): void;
}

/** Cancels a timer started by {@link after}. */
type Cancel = () => void;

/**
 * Calls `fn` once after `ms` milliseconds unless cancelled; like `setTimeout`, the timer keeps
 * the process running. It is built on `AbortSignal.timeout` because Deno 2.9's global
 * `setTimeout` loads the Node-compatible timers on its first call: ~7 ms and ~400 page faults
 * of a cold start, which every run with a pool paid.
 */
function after(ms: number, fn: () => void): Cancel {
  const signal = AbortSignal.timeout(ms);
  signal.addEventListener("abort", fn, { once: true });
  return () => signal.removeEventListener("abort", fn);
}

/**
 * The resolver worker's module: beside this file in the sources, `dist/workers/` when this
 * code runs from the bundled CLI (`dist/cli.js`, gen/bundle.ts).
 */
const WORKER_URL = new URL(
  import.meta.url.endsWith(".ts") ? "./resolver_worker.ts" : "./workers/resolver_worker.js",
  import.meta.url,
);

const DEFAULT_TIMEOUT_MS = 20_000;
const DEFAULT_BOOT_TIMEOUT_MS = 120_000;

/** A fixed-size pool of resolver workers. */
export class WorkerPool {
  readonly #slots: Slot[];
  readonly #timeoutMs: number;
  readonly #bootTimeoutMs: number;
  readonly #jobs = new Map<number, Job>();
  #nextJob = 1;

  private constructor(size: number, opts: PoolOptions) {
    const url = opts.workerUrl ?? WORKER_URL;
    this.#timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.#bootTimeoutMs = opts.bootTimeoutMs ?? DEFAULT_BOOT_TIMEOUT_MS;
    this.#slots = Array.from({ length: size }, (_, i) => this.#spawn(url, i));
  }

  /**
   * Starts `size` workers now (default: the hardware concurrency); their start-up
   * runs on their own threads while the caller goes on.
   */
  static start(size: number = navigator.hardwareConcurrency, opts: PoolOptions = {}): WorkerPool {
    if (!Number.isInteger(size) || size < 1) throw new RangeError(`pool size ${size} must be ≥ 1`);
    return new WorkerPool(size, opts);
  }

  /** Number of workers started. */
  get size(): number {
    return this.#slots.length;
  }

  #spawn(url: URL, index: number): Slot {
    const slot: Slot = {
      index,
      worker: new Worker(url, { type: "module" }),
      dead: null,
      ready: false,
    };
    slot.cancelBoot = after(
      this.#bootTimeoutMs,
      () => this.#kill(slot, `worker did not start within ${this.#bootTimeoutMs} ms`),
    );
    slot.worker.onmessage = (event: MessageEvent<WorkerReply>) => this.#onReply(slot, event.data);
    slot.worker.onerror = (event: ErrorEvent) => {
      event.preventDefault();
      // Results the worker posted before it died may still be queued: take them first.
      after(10, () => this.#kill(slot, `worker died: ${event.message}`));
    };
    slot.worker.onmessageerror = () => this.#kill(slot, "worker sent an unreadable message");
    return slot;
  }

  #onReply(slot: Slot, reply: WorkerReply): void {
    if (reply.kind === "ready") {
      slot.cancelBoot?.();
      slot.ready = true;
      // Work posted while it booted is queued in the worker: time it from now.
      for (const job of this.#jobs.values()) this.#arm(job, slot);
      return;
    }
    const job = this.#jobs.get(reply.job);
    if (!job) return;
    if (reply.kind === "item") {
      this.#record(job, reply.index, reply.result);
      this.#arm(job, slot);
    } else {
      job.timers.get(slot.index)?.();
      job.timers.delete(slot.index);
    }
    this.#settle(job);
  }

  /** (Re)starts the hang timer of `slot` for `job` (once the worker has started). */
  #arm(job: Job, slot: Slot): void {
    if (!slot.ready) return;
    job.timers.get(slot.index)?.();
    job.timers.set(
      slot.index,
      after(
        this.#timeoutMs,
        () => this.#kill(slot, `worker did not answer within ${this.#timeoutMs} ms`),
      ),
    );
  }

  #record(job: Job, index: number, result: ItemResult | Error): void {
    if (job.results[index] !== undefined) return;
    job.results[index] = result;
    job.open--;
  }

  /** Finishes `job` when every item has a result, or can never get one. */
  #settle(job: Job): void {
    const count = job.results.length;
    const unclaimed = Atomics.load(job.claims, 0) < count;
    if (unclaimed && !this.#slots.some((s) => !s.dead)) {
      const reasons = [...new Set(this.#slots.map((s) => s.dead))].join("; ");
      for (let i = 0; i < count; i++) {
        this.#record(job, i, new Error(`no live workers (${reasons})`));
      }
    }
    if (job.open > 0) return;
    for (const cancel of job.timers.values()) cancel();
    job.finish();
  }

  #kill(slot: Slot, reason: string): void {
    if (slot.dead) return;
    slot.dead = reason;
    slot.cancelBoot?.();
    slot.worker.terminate();
    for (const job of this.#jobs.values()) {
      job.timers.get(slot.index)?.();
      job.timers.delete(slot.index);
      const claimed = Math.min(Atomics.load(job.claims, 0), job.results.length);
      for (let i = 0; i < claimed; i++) {
        const claimant = Atomics.load(job.claims, 1 + i);
        // 0: claimed but not yet marked: only a participant caught mid-claim, i.e. this one.
        if (claimant === slot.index + 1 || claimant === 0) this.#record(job, i, new Error(reason));
      }
      this.#settle(job);
    }
  }

  /**
   * Shares the items of `task` between the live workers and, when `runLocal` is given, the
   * main thread; resolves with each item's result (an Error for an item a worker failed).
   */
  async share(
    task: Task,
    runLocal?: (index: number) => ItemResult,
  ): Promise<(ItemResult | Error)[]> {
    const count = itemCount(task);
    const claimsBuffer = newClaims(count);
    const id = this.#nextJob++;
    let finish!: () => void;
    const finished = new Promise<void>((resolve) => (finish = resolve));
    const job: Job = {
      claims: new Int32Array(claimsBuffer),
      results: new Array(count).fill(undefined),
      open: count,
      timers: new Map(),
      finish,
    };
    this.#jobs.set(id, job);
    try {
      for (const slot of this.#slots.filter((s) => !s.dead)) {
        const request: ShareRequest = {
          kind: "share",
          job: id,
          slot: slot.index,
          claims: claimsBuffer,
          task,
        };
        slot.worker.postMessage(request);
        this.#arm(job, slot);
      }
      if (runLocal) {
        for (let i; (i = claimNext(job.claims, count, -1)) >= 0;) this.#record(job, i, runLocal(i));
      }
      this.#settle(job);
      await finished;
      return job.results as (ItemResult | Error)[];
    } finally {
      for (const cancel of job.timers.values()) cancel();
      this.#jobs.delete(id);
    }
  }

  /** Terminates every worker. */
  close(): void {
    for (const slot of this.#slots) this.#kill(slot, "pool closed");
  }
}
