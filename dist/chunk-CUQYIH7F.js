import {
  HOST_BTF_PATH,
  implicitBase,
  isHostBtf,
  loadBtfCachedWith,
  loadKernelCached,
  needsDecompression,
  resolveKernelInput
} from "./chunk-FV6Q3LDB.js";
import {
  UsageError,
  complain
} from "./chunk-JYKSHZY5.js";
import {
  kernelConstants,
  resolveOffsets
} from "./chunk-KPYUDFQV.js";
import {
  TableArena,
  pageAdvice
} from "./chunk-QDGSS5JZ.js";
import {
  BtfError
} from "./chunk-PX3IRLHB.js";

// report/json.ts
var REPORT_SCHEMA = 2;
function reportWith(source, resolved, { constants, via }) {
  return {
    schema: REPORT_SCHEMA,
    source,
    // The generated interfaces describe exactly what the declarations resolve to
    // (tests/generated_test.ts keeps them in step; docs/report.schema.json checks real output).
    offsets: resolved.offsets,
    missing: resolved.missing,
    via: {
      ...resolved.via,
      ...via
    },
    constants
  };
}
function errorEntry(path, error) {
  return {
    schema: REPORT_SCHEMA,
    source: {
      path
    },
    error
  };
}

// cli/batch.ts
var DEFAULT_BTF_PATH = HOST_BTF_PATH;
function reportOf(o) {
  return reportWith(o.source, o.resolved, o.constants);
}
var COST = {
  MS_PER_MB: 3,
  MS_PER_KERNEL: 1.5,
  WORKER_BLOCK_MS: 15,
  WORKER_BOOT_MS: 60,
  ELF_BTF_MB: 6,
  MARGIN: 0.85
};
function inputCost(path) {
  let mb = COST.ELF_BTF_MB;
  try {
    const info = Deno.statSync(path);
    if (info.isFile) mb = Math.min(info.size / 2 ** 20, COST.ELF_BTF_MB);
  } catch {
    return 0;
  }
  return COST.MS_PER_KERNEL + COST.MS_PER_MB * mb;
}
function poolEstimate(costs, workers, cores) {
  const total = costs.reduce((a, b) => a + b, 0);
  if (workers === 0) return total;
  const alone = workers * COST.WORKER_BLOCK_MS, head = COST.WORKER_BOOT_MS;
  const lanes = Math.min(workers + 1, Math.max(1, cores));
  const rest = Math.max(0, total - head);
  return alone + Math.min(total, head) + Math.max(rest / lanes, Math.max(0, ...costs));
}
function idleCores() {
  const cores = navigator.hardwareConcurrency;
  let load = 0;
  try {
    load = Deno.loadavg()[0];
  } catch {
  }
  return Math.max(1, Math.min(cores, Math.round(cores - load)));
}
function planJobs(jobs, inputs, cores = idleCores()) {
  if (jobs !== "auto") {
    if (!/^\d+$/.test(jobs) || Number(jobs) > 256) {
      throw new UsageError(`--jobs takes a number from 0 to 256 or 'auto', not '${jobs}'`);
    }
    return Number(jobs);
  }
  if (inputs.length < 2) return 0;
  const costs = inputs.map(inputCost);
  let best = 0, bestEstimate = COST.MARGIN * poolEstimate(costs, 0, cores);
  for (let w = 1; w < Math.min(cores, inputs.length); w++) {
    const estimate = poolEstimate(costs, w, cores);
    if (estimate < bestEstimate) [best, bestEstimate] = [
      w,
      estimate
    ];
  }
  return best;
}
function poolOptions() {
  const worker = Deno.env.get("KTSTR_BTF_WORKER");
  const timeout = Number(Deno.env.get("KTSTR_BTF_WORKER_TIMEOUT_MS"));
  return {
    workerUrl: worker ? new URL(worker) : void 0,
    timeoutMs: timeout > 0 ? timeout : void 0
  };
}
async function loadKernels(paths, opts, groups, io, keep = false) {
  const cache = {
    warn: (m) => complain(io, `warning: ${m}`),
    ...opts.cache
  };
  const inputs = paths.length > 0 ? paths.map((p) => resolveKernelInput(p, cache)) : [
    DEFAULT_BTF_PATH
  ];
  const jobs = planJobs(opts.jobs, inputs);
  const fanout = jobs > 0 ? await import("./fanout-5TTSHT5F.js") : void 0;
  const pool = jobs > 0 ? (await import("./pool-GRP7YGXV.js")).WorkerPool.start(jobs, poolOptions()) : void 0;
  try {
    const base = opts.base === void 0 ? void 0 : (await loadKernelCached(opts.base, cache)).types;
    const b = {
      groups,
      base,
      pool,
      cache,
      keep,
      arena: keep ? void 0 : new TableArena(pageAdvice() ?? void 0),
      // Several kernels: the loads made in this turn go to the pool as one shared job.
      load: pool && fanout && inputs.length > 1 ? fanout.batchedLoader(pool, groups, base) : void 0,
      resolvePooled: fanout?.resolvePooled
    };
    const pooled = inputs.map((path) => b.load && !onThisThread(path, b) ? viaPool(path, b) : null);
    const outcomes = [];
    for (const [i, path] of inputs.entries()) {
      outcomes.push(await (pooled[i] ?? inline(path, b)));
    }
    return outcomes;
  } catch (err) {
    if (!(err instanceof BtfError)) throw err;
    return inputs.map((path) => ({
      path,
      error: err.message
    }));
  } finally {
    pool?.close();
  }
}
function onThisThread(path, b) {
  return b.base === void 0 && isHostBtf(path) || needsDecompression(path) || implicitBase(path) !== void 0;
}
function failure(path, err) {
  if (err instanceof BtfError) return {
    path,
    error: err.message
  };
  return {
    path,
    error: `${path}: ${err.message}`
  };
}
async function viaPool(path, b) {
  try {
    const pooled = await loadBtfCachedWith(path, b.cache, (p, need) => b.load(p, need || b.keep));
    const source = {
      path,
      format: pooled.format,
      btf_bytes: pooled.btfBytes,
      type_count: pooled.typeCount,
      sidecar: pooled.sidecar
    };
    const { report: resolved, constants, types } = pooled;
    return {
      source,
      resolved,
      constants,
      types: b.keep ? types : void 0
    };
  } catch (err) {
    return failure(path, err);
  }
}
async function inline(path, b) {
  let loaded;
  try {
    loaded = await loadKernelCached(path, {
      ...b.cache,
      space: b.arena
    }, b.base);
  } catch (err) {
    return failure(path, err);
  }
  const { types, format, sidecar } = loaded;
  try {
    const resolved = b.pool && b.resolvePooled ? await b.resolvePooled(b.pool, types, b.groups) : resolveOffsets(types, b.groups);
    const source = {
      path,
      format,
      btf_bytes: types.btfBytes,
      type_count: types.count,
      sidecar
    };
    return {
      source,
      resolved,
      constants: kernelConstants(types),
      types: b.keep ? types : void 0
    };
  } catch (err) {
    return failure(path, err);
  } finally {
    b.arena?.release(types);
  }
}

export {
  errorEntry,
  DEFAULT_BTF_PATH,
  reportOf,
  loadKernels
};
