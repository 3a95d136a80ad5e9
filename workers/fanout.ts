/**
 * The two ways the CLI and library use the pool: resolve the groups of one loaded kernel,
 * or load and resolve several kernels; either way the main thread takes part and results
 * merge in report order, identical to inline resolution.
 * @module
 */
import { BtfError } from "../btf/errors.ts";
import type { InputFormat } from "../btf/input.ts";
import { BtfTypes } from "../btf/table.ts";
import {
  type GroupName,
  type GroupOutcome,
  inReportOrder,
  mergeOutcomes,
  type OffsetsReport,
} from "../resolvers/names.ts";
import { remember, runItem } from "./handler.ts";
import type { WorkerPool } from "./pool.ts";
import type { GroupsTask, ItemResult, KernelItem, KernelsTask, SharedTable } from "./protocol.ts";

/** Whether the main thread claims items too (tests of worker failures turn it off). */
export interface FanoutOptions {
  /** Default true. */
  mainThread?: boolean;
}

const shared = new WeakMap<BtfTypes, SharedTable>();
let nextTableId = 1;

/** `types` as a SharedTable (its buffer, its base's), numbered once per table. */
export function shareTable(types: BtfTypes): SharedTable {
  let table = shared.get(types);
  if (!table) {
    table = {
      id: nextTableId++,
      buffer: types.buffer,
      base: types.base ? shareTable(types.base) : undefined,
    };
    shared.set(types, table);
    remember(table.id, types);
  }
  return table;
}

function local(opts: FanoutOptions, task: GroupsTask | KernelsTask) {
  return opts.mainThread === false ? undefined : (i: number) => runItem(task, i);
}

function outcome(group: GroupName, result: ItemResult | Error): GroupOutcome {
  if (result instanceof Error) {
    return { value: null, missing: { [group]: result.message }, via: {} };
  }
  return result as GroupOutcome;
}

/** Resolves `groups` of a loaded kernel across the pool and the main thread. */
export async function resolvePooled(
  pool: WorkerPool,
  types: BtfTypes,
  groups: readonly GroupName[],
  opts: FanoutOptions = {},
): Promise<OffsetsReport> {
  const task: GroupsTask = {
    kind: "groups",
    table: shareTable(types),
    groups: inReportOrder(groups),
  };
  const results = await pool.share(task, local(opts, task));
  return mergeOutcomes(task.groups.map((g, i) => [g, outcome(g, results[i])]));
}

/** A kernel loaded and resolved by the pool, or the one-line reason it failed. */
export type PooledKernel =
  | { format: InputFormat; types: BtfTypes; report: OffsetsReport }
  | { error: string; btf: boolean };

/** Loads and resolves each of `paths` across the pool and the main thread, in input order. */
export async function loadPooled(
  pool: WorkerPool,
  paths: string[],
  groups: readonly GroupName[],
  base?: BtfTypes,
  opts: FanoutOptions = {},
): Promise<PooledKernel[]> {
  const task: KernelsTask = {
    kind: "kernels",
    paths,
    groups: inReportOrder(groups),
    base: base ? shareTable(base) : undefined,
  };
  const results = await pool.share(task, local(opts, task));
  return results.map((result, i) => {
    if (result instanceof Error) return { error: `${paths[i]}: ${result.message}`, btf: false };
    const item = result as KernelItem;
    if ("error" in item) return item;
    const types = BtfTypes.attach(item.table.buffer, base);
    return { format: item.format, types, report: mergeOutcomes(item.outcomes) };
  });
}

/** A kernel loaded and resolved by the pool. */
export interface PooledLoad {
  /** `raw` or `elf`. */
  format: InputFormat;
  /** Its table, attached here without copying. */
  types: BtfTypes;
  /** Its groups, merged in report order. */
  report: OffsetsReport;
}

/**
 * A per-path loader whose calls made in the same turn of the event loop go to the pool as
 * one shared job (so several kernels load in parallel). A load failure rejects with the
 * loader's BtfError; a worker failure with an Error.
 */
export function batchedLoader(
  pool: WorkerPool,
  groups: readonly GroupName[],
  base?: BtfTypes,
): (path: string) => Promise<PooledLoad> {
  let queue: { path: string; resolve(k: PooledLoad): void; reject(e: Error): void }[] = [];
  const flush = async () => {
    const batch = queue;
    queue = [];
    const results = await loadPooled(pool, batch.map((q) => q.path), groups, base);
    results.forEach((k, i) => {
      if ("report" in k) batch[i].resolve(k);
      else batch[i].reject(k.btf ? new BtfError(k.error) : new Error(k.error));
    });
  };
  return (path) =>
    new Promise((resolve, reject) => {
      if (queue.length === 0) queueMicrotask(() => void flush());
      queue.push({ path, resolve, reject });
    });
}
