/**
 * A pool of module workers that resolve offset groups against shared type tables (SPEC §7).
 * Start it before parsing so worker start-up overlaps the parse; results are merged in
 * report order, so pooled output is identical to inline output. A worker that throws,
 * dies or never answers fails only the groups it held, with a clear message; `close()`
 * terminates every worker.
 * @module
 */
import { BtfError } from "../btf/errors.ts";
import type { InputFormat } from "../btf/input.ts";
import { BtfTypes } from "../btf/table.ts";
import {
  GROUP_NAMES,
  type GroupName,
  type GroupOutcome,
  mergeOutcomes,
  type OffsetsReport,
} from "../resolvers/mod.ts";
import type { SharedTable, WorkerReply, WorkerRequest } from "./protocol.ts";

/** Options of {@link WorkerPool.start}. */
export interface PoolOptions {
  /** Worker module to run (tests substitute a faulty one). */
  workerUrl?: URL;
  /** How long a request may take before its worker is declared hung (ms). */
  timeoutMs?: number;
}

/** A file loaded by a worker: its format, its shared table and its resolved groups. */
export interface PooledLoad {
  /** `raw` or `elf`. */
  format: InputFormat;
  /** The table the worker built, attached here without copying. */
  types: BtfTypes;
  /** The requested groups, merged in report order. */
  report: OffsetsReport;
}

interface Pending {
  resolve(reply: WorkerReply): void;
  reject(err: Error): void;
  timer: ReturnType<typeof setTimeout>;
}

interface Slot {
  worker: Worker;
  pending: Map<number, Pending>;
  dead: string | null;
}

const DEFAULT_TIMEOUT_MS = 20_000;

/** Request without its job id (the pool assigns one). */
type Unnumbered<T> = T extends WorkerRequest ? Omit<T, "job"> : never;

/** A fixed-size pool of resolver workers. */
export class WorkerPool {
  readonly #slots: Slot[];
  readonly #timeoutMs: number;
  #nextJob = 1;
  #nextTableId = 1;
  readonly #tableIds = new WeakMap<BtfTypes, number>();

  private constructor(size: number, opts: PoolOptions) {
    const url = opts.workerUrl ?? new URL("./resolver_worker.ts", import.meta.url);
    this.#timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.#slots = Array.from({ length: size }, () => this.#spawn(url));
  }

  /** Starts `size` workers now; their start-up runs while the caller goes on parsing. */
  static start(size: number, opts: PoolOptions = {}): WorkerPool {
    if (!Number.isInteger(size) || size < 1) throw new RangeError(`pool size ${size} must be ≥ 1`);
    return new WorkerPool(size, opts);
  }

  /** Number of workers started. */
  get size(): number {
    return this.#slots.length;
  }

  #spawn(url: URL): Slot {
    const slot: Slot = {
      worker: new Worker(url, { type: "module" }),
      pending: new Map(),
      dead: null,
    };
    slot.worker.onmessage = (event: MessageEvent<WorkerReply>) => {
      const p = slot.pending.get(event.data.job);
      if (!p) return;
      clearTimeout(p.timer);
      slot.pending.delete(event.data.job);
      p.resolve(event.data);
    };
    slot.worker.onerror = (event: ErrorEvent) => {
      event.preventDefault();
      this.#kill(slot, `worker died: ${event.message}`);
    };
    slot.worker.onmessageerror = () => this.#kill(slot, "worker sent an unreadable message");
    return slot;
  }

  #kill(slot: Slot, reason: string): void {
    if (slot.dead) return;
    slot.dead = reason;
    slot.worker.terminate();
    for (const p of slot.pending.values()) {
      clearTimeout(p.timer);
      p.reject(new Error(reason));
    }
    slot.pending.clear();
  }

  /** The live worker with the fewest requests in flight. */
  #pick(): Slot | undefined {
    return this.#slots.filter((s) => !s.dead)
      .sort((a, b) => a.pending.size - b.pending.size)[0];
  }

  #send(request: Unnumbered<WorkerRequest>): Promise<WorkerReply> {
    const slot = this.#pick();
    if (!slot) {
      const reasons = [...new Set(this.#slots.map((s) => s.dead))].join("; ");
      return Promise.reject(new Error(`no live workers (${reasons})`));
    }
    const job = this.#nextJob++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => this.#kill(slot, `worker did not answer within ${this.#timeoutMs} ms`),
        this.#timeoutMs,
      );
      slot.pending.set(job, { resolve, reject, timer });
      slot.worker.postMessage({ ...request, job } as WorkerRequest);
    });
  }

  #share(types: BtfTypes): SharedTable {
    let id = this.#tableIds.get(types);
    if (id === undefined) {
      id = this.#nextTableId++;
      this.#tableIds.set(types, id);
    }
    return { id, buffer: types.buffer, base: types.base ? this.#share(types.base) : undefined };
  }

  /** Resolves `groups` against `types`, spread over the workers, merged in report order. */
  async resolve(
    types: BtfTypes,
    groups: readonly GroupName[] = GROUP_NAMES,
  ): Promise<OffsetsReport> {
    const ordered = GROUP_NAMES.filter((g) => groups.includes(g));
    const parts = Math.min(this.#slots.length, ordered.length);
    const chunks = Array.from(
      { length: parts },
      (_, i) => ordered.filter((_, j) => j % parts === i),
    );
    const table = this.#share(types);
    const outcomes = new Map<GroupName, GroupOutcome>();
    await Promise.all(chunks.map(async (chunk) => {
      for (const [name, outcome] of await this.#resolveChunk(table, chunk)) {
        outcomes.set(name, outcome);
      }
    }));
    return mergeOutcomes(ordered.map((g) => [g, outcomes.get(g)!]));
  }

  async #resolveChunk(
    table: SharedTable,
    groups: GroupName[],
  ): Promise<[GroupName, GroupOutcome][]> {
    try {
      const reply = await this.#send({ kind: "resolve", table, groups });
      if (reply.kind === "resolved") return reply.outcomes;
      return failAll(groups, reply.message);
    } catch (err) {
      return failAll(groups, (err as Error).message);
    }
  }

  /**
   * Loads `path` in a worker (read, parse, index) and resolves `groups` there. A load
   * failure rejects with the loader's BtfError; a worker failure with an Error.
   */
  async load(path: string, groups: readonly GroupName[], base?: BtfTypes): Promise<PooledLoad> {
    const ordered = GROUP_NAMES.filter((g) => groups.includes(g));
    const reply = await this.#send({
      kind: "load",
      path,
      groups: ordered,
      base: base ? this.#share(base) : undefined,
    });
    if (reply.kind === "failed") {
      throw reply.btf ? new BtfError(reply.message) : new Error(reply.message);
    }
    const types = BtfTypes.attach(reply.loaded!.table.buffer, base);
    return { format: reply.loaded!.format, types, report: mergeOutcomes(reply.outcomes) };
  }

  /** Terminates every worker; pending requests fail. */
  close(): void {
    for (const slot of this.#slots) this.#kill(slot, "pool closed");
  }
}

function failAll(groups: GroupName[], message: string): [GroupName, GroupOutcome][] {
  return groups.map((g) => [g, { value: null, missing: { [g]: message } }]);
}
