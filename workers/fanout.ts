/**
 * The two ways the CLI and library use the pool: resolve the groups of one loaded kernel,
 * or load and resolve several kernels; either way the main thread takes part and results
 * merge in report order, identical to inline resolution.
 * @module
 */
import type { MachineFacts } from "../btf/machine.ts";
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
import { type Attached, runItem } from "./handler.ts";
import type { WorkerPool } from "./pool.ts";
import type { ResolvedConstants } from "../resolvers/constants.ts";
import type { GroupsTask, ItemResult, KernelItem, KernelsTask, SharedTable } from "./protocol.ts";

/** Whether the main thread claims items too (tests of worker failures turn it off). */
export interface FanoutOptions {
  /** Default true. */
  mainThread?: boolean;
}

// Weak: a table's number lives as long as the table, and nothing here keeps a table alive.
const shared = new WeakMap<BtfTypes, SharedTable>();
let nextTableId = 1;

/** `types` as a SharedTable (its buffer, its base's), numbered once per table. */
function shareTable(types: BtfTypes): SharedTable {
  let table = shared.get(types);
  if (!table) {
    table = {
      id: nextTableId++,
      buffer: types.buffer,
      base: types.base ? shareTable(types.base) : undefined,
    };
    shared.set(types, table);
  }
  return table;
}

/** The main thread's part of a job, using its own tables (never re-attaching them). */
function local(opts: FanoutOptions, task: GroupsTask | KernelsTask, own?: BtfTypes) {
  if (opts.mainThread === false) return undefined;
  const attached: Attached = new Map();
  for (let t = own; t; t = t.base) attached.set(shareTable(t).id, t);
  return (i: number) => runItem(task, i, attached);
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
  const results = await pool.share(task, local(opts, task, types));
  return mergeOutcomes(task.groups.map((g, i) => [g, outcome(g, results[i])]));
}

/** A kernel loaded and resolved by the pool, or the one-line reason it failed. */
export type PooledKernel =
  | { format: InputFormat; types: BtfTypes; report: OffsetsReport }
  | { error: string; btf: boolean };

/**
 * Loads and resolves each of `paths` across the pool (and the main thread, unless `opts`
 * says not), in input order; a worker's failure becomes that path's error item.
 */
async function shareKernels(
  pool: WorkerPool,
  paths: string[],
  groups: readonly GroupName[],
  base: BtfTypes | undefined,
  opts: FanoutOptions,
  recycle?: boolean[],
): Promise<KernelItem[]> {
  const task: KernelsTask = {
    kind: "kernels",
    paths,
    groups: inReportOrder(groups),
    base: base ? shareTable(base) : undefined,
    recycle,
  };
  const results = await pool.share(task, local(opts, task, base));
  return results.map((result, i) =>
    result instanceof Error
      ? { error: `${paths[i]}: ${result.message}`, btf: false }
      : result as KernelItem
  );
}

/** Loads and resolves each of `paths` across the pool and the main thread, in input order. */
export async function loadPooled(
  pool: WorkerPool,
  paths: string[],
  groups: readonly GroupName[],
  base?: BtfTypes,
  opts: FanoutOptions = {},
): Promise<PooledKernel[]> {
  const items = await shareKernels(pool, paths, groups, base, opts);
  return items.map((item) => {
    if ("error" in item) return item;
    const types = BtfTypes.attach(item.table!.buffer, base);
    return { format: item.format, types, report: mergeOutcomes(item.outcomes) };
  });
}

/** A kernel loaded and resolved by the pool. */
export interface PooledLoad {
  /** `raw` or `elf`. */
  format: InputFormat;
  /** Its table, attached here without copying; absent when it was recycled. */
  types?: BtfTypes;
  /** Size of its BTF blob in bytes. */
  btfBytes: number;
  /** Number of its types. */
  typeCount: number;
  /** Its architecture, byte order and pointer size. */
  machine: MachineFacts;
  /** Its groups, merged in report order. */
  report: OffsetsReport;
  /** Its constants, read by the thread that loaded it. */
  constants: ResolvedConstants;
}

/**
 * A per-path loader whose calls made in the same turn of the event loop go to the pool as
 * one shared job (so several kernels load in parallel). A table not asked for
 * (`needTable` false) is recycled by the thread that loaded it as soon as its groups are
 * resolved. A load failure rejects with the loader's BtfError; a worker failure with an
 * Error.
 */
export function batchedLoader(
  pool: WorkerPool,
  groups: readonly GroupName[],
  base?: BtfTypes,
): (path: string, needTable: boolean) => Promise<PooledLoad> {
  type Queued = {
    path: string;
    keep: boolean;
    resolve(k: PooledLoad): void;
    reject(e: Error): void;
  };
  let queue: Queued[] = [];
  const flush = async () => {
    const batch = queue;
    queue = [];
    const paths = batch.map((q) => q.path), recycle = batch.map((q) => !q.keep);
    const items = await shareKernels(pool, paths, groups, base, {}, recycle);
    items.forEach((item, i) => {
      if ("error" in item) {
        return batch[i].reject(item.btf ? new BtfError(item.error) : new Error(item.error));
      }
      batch[i].resolve({
        format: item.format,
        types: item.table && BtfTypes.attach(item.table.buffer, base),
        btfBytes: item.btfBytes,
        typeCount: item.typeCount,
        machine: item.machine,
        report: mergeOutcomes(item.outcomes),
        constants: item.constants,
      });
    });
  };
  return (path, needTable) =>
    new Promise((resolve, reject) => {
      if (queue.length === 0) queueMicrotask(() => void flush());
      queue.push({ path, keep: needTable, resolve, reject });
    });
}
