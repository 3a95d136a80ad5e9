/**
 * The batch driver: loads each input and resolves its groups, inline or across a worker
 * pool, in input order. Every command that reads kernels (`kernel`, `diff`) goes through it.
 *
 * Table memory is recycled: the first touch of fresh memory costs more than parsing, so
 * once a kernel's groups and constants are read its table's memory holds the next kernel (a
 * TableArena per thread: this one inline, each worker's in the pool). A batch's page faults
 * then grow with the number of threads, not of kernels. A caller that needs the tables
 * themselves (`struct`, `diff --struct`) asks to keep them.
 *
 * `--jobs auto` picks the pool size from a cost model measured on the reference machine
 * ({@link planJobs}, docs/PERFORMANCE.md).
 * @module
 */
import { TableArena } from "../btf/arena.ts";
import { BtfError } from "../btf/errors.ts";
import type { BtfTypes } from "../btf/table.ts";
import { resolveKernelInput } from "../load/entries.ts";
import { HOST_BTF_PATH, isHostBtf } from "../load/memo.ts";
import { type CacheOptions, loadBtfCachedWith } from "../load/sidecar.ts";
import { implicitBase, loadKernelCached, needsDecompression } from "../load/image.ts";
import { pageAdvice } from "../load/map.ts";
import { type KernelReport, reportWith, type SourceInfo } from "../report/json.ts";
import { machineFacts, withMachineFacts } from "../btf/machine.ts";
import type { ResolvedConstants } from "../resolvers/constants.ts";
import type { GroupName, OffsetsReport } from "../resolvers/names.ts";
import type { PoolOptions, WorkerPool } from "../workers/pool.ts";
import type { batchedLoader, resolvePooled } from "../workers/fanout.ts";
import { type CliIo, complain, UsageError } from "./io.ts";

/** The default input: the running kernel's BTF (the path the cache memoizes). */
export const DEFAULT_BTF_PATH = HOST_BTF_PATH;

/** How kernels are loaded: the options every loading command shares. */
export interface LoadOptions {
  /** Base BTF path: every input is split BTF over it. */
  base?: string;
  /** Worker count: a number (0 = inline) or `auto`. */
  jobs: string;
  /** Sidecar cache settings (`--cache-dir`, `--no-cache`); default: the environment's root. */
  cache?: CacheOptions;
}

/** A loaded input: where it came from, its groups and constants, its table if kept. */
export interface LoadedKernel {
  /** The `source` object of its report. */
  source: SourceInfo;
  /** Its resolved groups. */
  resolved: OffsetsReport;
  /**
   * Its constants (read before its table was recycled); null for a load that asked for no
   * group (the query commands', which read the table itself).
   */
  constants: ResolvedConstants | null;
  /** Its table, when the batch was asked to keep tables. */
  types: BtfTypes | undefined;
}

/** One input's outcome: the loaded kernel, or the one-line error that stopped it. */
export type Outcome = LoadedKernel | { path: string; error: string };

/** The kernel report of a loaded outcome. */
export function reportOf(o: LoadedKernel): KernelReport {
  if (o.constants === null) throw new Error("reportOf: a kernel loaded without groups");
  return reportWith(o.source, o.resolved, o.constants);
}

/**
 * The cost model of `--jobs auto`, measured with the bundled CLI on the 2-core reference
 * machine (batches of 20 to 90 raw kernels of 4.5–5.5 MB, `--jobs 0` against `--jobs 1`,
 * interleaved; docs/PERFORMANCE.md): loading and resolving a kernel inline in recycled
 * memory costs `MS_PER_KERNEL` plus `MS_PER_MB` per MB of BTF; a worker blocks the main thread
 * `WORKER_BLOCK_MS` while it is constructed, and adds nothing for `WORKER_BOOT_MS` (loading
 * its module, the decoder and libc, then resolving cold: a new isolate's first kernels run
 * ~3 × slower until its JIT warms up). An ELF's BTF is taken to be `ELF_BTF_MB` (its size is
 * not known before its section headers are read). The pool is chosen only when its estimate
 * beats inline by `MARGIN`.
 */
export const COST = {
  MS_PER_MB: 1.2,
  MS_PER_KERNEL: 1.5,
  WORKER_BLOCK_MS: 25,
  WORKER_BOOT_MS: 150,
  ELF_BTF_MB: 6,
  MARGIN: 0.85,
} as const;

/** Estimated inline cost (ms) of loading and resolving `path`. */
function inputCost(path: string): number {
  let mb: number = COST.ELF_BTF_MB;
  try {
    const info = Deno.statSync(path);
    // sysfs reports the BTF's size; a regular file its own (an ELF's is much larger).
    if (info.isFile) mb = Math.min(info.size / 2 ** 20, COST.ELF_BTF_MB);
  } catch {
    // Unreadable: it fails fast, at no cost.
    return 0;
  }
  return COST.MS_PER_KERNEL + COST.MS_PER_MB * mb;
}

/**
 * The estimated wall time (ms) of `costs` shared by the main thread and `workers` workers
 * on `cores` cores: the main thread works alone while it starts the workers and they boot,
 * then every participant claims whole kernels.
 */
export function poolEstimate(costs: number[], workers: number, cores: number): number {
  const total = costs.reduce((a, b) => a + b, 0);
  if (workers === 0) return total;
  const alone = workers * COST.WORKER_BLOCK_MS, head = COST.WORKER_BOOT_MS;
  const lanes = Math.min(workers + 1, Math.max(1, cores));
  const rest = Math.max(0, total - head);
  return alone + Math.min(total, head) + Math.max(rest / lanes, Math.max(0, ...costs));
}

/** Cores not busy with other processes now (see {@link idleCoresOf}). */
function idleCores(): number {
  let loadavg: string | undefined, load = 0;
  try {
    loadavg = Deno.readTextFileSync("/proc/loadavg");
  } catch {
    try {
      load = Deno.loadavg()[0];
    } catch {
      // Neither: count every core.
    }
  }
  return idleCoresOf(navigator.hardwareConcurrency, loadavg, load);
}

/**
 * Cores not busy with other processes: `cores` less the tasks runnable right now but this
 * one (the fourth field of `/proc/loadavg`, `running/total`, counts this process), at least
 * 1; without that file, `cores` less the 1-minute `load`. The moment, not the 1-minute
 * average: a batch run right after another would otherwise count its predecessor as a
 * competitor and never use a worker.
 */
export function idleCoresOf(cores: number, loadavg: string | undefined, load: number): number {
  const running = Number(loadavg?.split(" ")[3]?.split("/")[0]);
  const busy = Number.isInteger(running) && running >= 1 ? running - 1 : Math.round(load);
  return Math.max(1, Math.min(cores, cores - busy));
}

/**
 * The pool size for `jobs`: the number itself, or for `auto` the size (0 = inline) with
 * the lowest {@link poolEstimate} for these inputs on `cores` idle cores (default: counted
 * now, and only for two inputs or more), when it beats inline by the margin.
 */
export function planJobs(
  jobs: string,
  inputs: string[],
  cores?: number,
): number {
  if (jobs !== "auto") {
    if (!/^\d+$/.test(jobs) || Number(jobs) > 256) {
      throw new UsageError(`--jobs takes a number from 0 to 256 or 'auto', not '${jobs}'`);
    }
    return Number(jobs);
  }
  if (inputs.length < 2) return 0;
  const lanes = cores ?? idleCores(), costs = inputs.map(inputCost);
  let best = 0, bestEstimate = COST.MARGIN * poolEstimate(costs, 0, lanes);
  for (let w = 1; w < Math.min(lanes, inputs.length); w++) {
    const estimate = poolEstimate(costs, w, lanes);
    if (estimate < bestEstimate) [best, bestEstimate] = [w, estimate];
  }
  return best;
}

/**
 * Test hooks: KTSTR_BTF_WORKER replaces the worker module (the failure tests inject a
 * faulty one) and KTSTR_BTF_WORKER_TIMEOUT_MS shortens the hang timeout.
 */
function poolOptions(): PoolOptions {
  const worker = Deno.env.get("KTSTR_BTF_WORKER");
  const timeout = Number(Deno.env.get("KTSTR_BTF_WORKER_TIMEOUT_MS"));
  return {
    workerUrl: worker ? new URL(worker) : undefined,
    timeoutMs: timeout > 0 ? timeout : undefined,
  };
}

/**
 * Loads each of `paths` (default the running kernel; cache keys, `--base`, sidecars, images,
 * the pool) and resolves `groups` of each, in input order. With `keep` every outcome holds
 * its table for the caller; otherwise tables are recycled once their groups and constants
 * are read, and outcomes hold no table.
 */
export async function loadKernels(
  paths: string[],
  opts: LoadOptions,
  groups: GroupName[],
  io: CliIo,
  keep = false,
): Promise<Outcome[]> {
  const cache: CacheOptions = {
    warn: (m) => complain(io, `warning: ${m}`),
    ...opts.cache,
  };
  // An argument that is not a path but a cache key names `<root>/<key>/vmlinux`.
  const inputs = paths.length > 0
    ? paths.map((p) => resolveKernelInput(p, cache))
    : [DEFAULT_BTF_PATH];
  const jobs = planJobs(opts.jobs, inputs);
  // Loaded only for a pool (an inline run is spared their page faults). Started before any
  // file is read: the workers boot on their own threads while this one reads and parses
  // (constructing each still blocks this thread, see docs/PERFORMANCE.md).
  const fanout = jobs > 0 ? await import("../workers/fanout.ts") : undefined;
  // Loaded only when a group is asked for: the query commands load tables only.
  const resolvers = groups.length > 0 ? await loadResolvers() : undefined;
  const pool = jobs > 0
    ? (await import("../workers/pool.ts")).WorkerPool.start(jobs, poolOptions())
    : undefined;
  try {
    // The base lives for the whole batch: never in the arena.
    const base = opts.base === undefined
      ? undefined
      : (await loadKernelCached(opts.base, cache)).types;
    const b: Batch = {
      groups,
      resolvers,
      base,
      pool,
      cache,
      keep,
      arena: keep ? undefined : new TableArena(pageAdvice() ?? undefined),
      // Several kernels: the loads made in this turn go to the pool as one shared job.
      load: pool && fanout && inputs.length > 1
        ? fanout.batchedLoader(pool, groups, base)
        : undefined,
      resolvePooled: fanout?.resolvePooled,
    };
    const pooled = inputs.map((path) => b.load && !onThisThread(path, b) ? viaPool(path, b) : null);
    // The rest one after another, so that each kernel's memory is free for the next.
    const outcomes: Outcome[] = [];
    for (const [i, path] of inputs.entries()) {
      outcomes.push(await (pooled[i] ?? inline(path, b)));
    }
    return outcomes;
  } catch (err) {
    // The base failed to load: every input fails with it.
    if (!(err instanceof BtfError)) throw err;
    return inputs.map((path) => ({ path, error: err.message }));
  } finally {
    pool?.close();
  }
}

/** The resolvers and the constants' reader (modules a batch without groups never loads). */
async function loadResolvers() {
  const [{ resolveOffsets }, { kernelConstants }] = await Promise.all([
    import("../resolvers/mod.ts"),
    import("../resolvers/constants.ts"),
  ]);
  return { resolveOffsets, kernelConstants };
}

/** What every input of one batch shares. */
interface Batch {
  groups: GroupName[];
  resolvers: Awaited<ReturnType<typeof loadResolvers>> | undefined;
  base: BtfTypes | undefined;
  pool: WorkerPool | undefined;
  load: ReturnType<typeof batchedLoader> | undefined;
  resolvePooled: typeof resolvePooled | undefined;
  cache: CacheOptions;
  keep: boolean;
  arena: TableArena | undefined;
}

/** Decompression, implicit bases and the memoized host BTF stay on this thread. */
function onThisThread(path: string, b: Batch): boolean {
  return (b.base === undefined && isHostBtf(path)) || needsDecompression(path) ||
    implicitBase(path) !== undefined;
}

/** The one-line outcome of a failed load. */
function failure(path: string, err: unknown): Outcome {
  if (err instanceof BtfError) return { path, error: err.message };
  return { path, error: `${path}: ${(err as Error).message}` };
}

/** Loads and resolves `path` in the pool: from its fresh sidecar when there is one. */
async function viaPool(path: string, b: Batch): Promise<Outcome> {
  try {
    const pooled = await loadBtfCachedWith(path, b.cache, (p, need) => b.load!(p, need || b.keep));
    const source: SourceInfo = {
      path,
      format: pooled.format,
      btf_bytes: pooled.btfBytes,
      type_count: pooled.typeCount,
      sidecar: pooled.sidecar,
      ...pooled.machine,
    };
    const { report: resolved, constants, types } = pooled;
    return { source, resolved, constants, types: b.keep ? types : undefined };
  } catch (err) {
    return failure(path, err);
  }
}

/**
 * Loads `path` here (its groups shared out when there is a pool) and resolves it; without
 * `keep` its memory then holds the next kernel (the memoized host table is not the
 * arena's and stays).
 */
async function inline(path: string, b: Batch): Promise<Outcome> {
  let loaded;
  try {
    loaded = await loadKernelCached(path, { ...b.cache, space: b.arena }, b.base);
  } catch (err) {
    return failure(path, err);
  }
  const { types, format, sidecar, arch } = loaded;
  try {
    const resolved = b.pool && b.resolvePooled
      ? await b.resolvePooled(b.pool, types, b.groups)
      : b.resolvers?.resolveOffsets(types, b.groups) ?? { offsets: {}, missing: {}, via: {} };
    const known = { path, format, btf_bytes: types.btfBytes, type_count: types.count, sidecar };
    // A kept table (a query's) is alive when its facts are printed, if they ever are.
    const source: SourceInfo = b.keep
      ? withMachineFacts(known, types, arch)
      : { ...known, ...machineFacts(types, arch) };
    return {
      source,
      resolved,
      constants: b.resolvers?.kernelConstants(types) ?? null,
      types: b.keep ? types : undefined,
    };
  } catch (err) {
    return failure(path, err);
  } finally {
    b.arena?.release(types);
  }
}
