import {
  runItem
} from "./chunk-O2NM6XNB.js";
import {
  inReportOrder,
  mergeOutcomes
} from "./chunk-KPYUDFQV.js";
import {
  BtfTypes
} from "./chunk-QDGSS5JZ.js";
import {
  BtfError
} from "./chunk-PX3IRLHB.js";

// workers/fanout.ts
var shared = /* @__PURE__ */ new WeakMap();
var nextTableId = 1;
function shareTable(types) {
  let table = shared.get(types);
  if (!table) {
    table = {
      id: nextTableId++,
      buffer: types.buffer,
      base: types.base ? shareTable(types.base) : void 0
    };
    shared.set(types, table);
  }
  return table;
}
function local(opts, task, own) {
  if (opts.mainThread === false) return void 0;
  const attached = /* @__PURE__ */ new Map();
  for (let t = own; t; t = t.base) attached.set(shareTable(t).id, t);
  return (i) => runItem(task, i, attached);
}
function outcome(group, result) {
  if (result instanceof Error) {
    return {
      value: null,
      missing: {
        [group]: result.message
      },
      via: {}
    };
  }
  return result;
}
async function resolvePooled(pool, types, groups, opts = {}) {
  const task = {
    kind: "groups",
    table: shareTable(types),
    groups: inReportOrder(groups)
  };
  const results = await pool.share(task, local(opts, task, types));
  return mergeOutcomes(task.groups.map((g, i) => [
    g,
    outcome(g, results[i])
  ]));
}
async function shareKernels(pool, paths, groups, base, opts, recycle) {
  const task = {
    kind: "kernels",
    paths,
    groups: inReportOrder(groups),
    base: base ? shareTable(base) : void 0,
    recycle
  };
  const results = await pool.share(task, local(opts, task, base));
  return results.map((result, i) => result instanceof Error ? {
    error: `${paths[i]}: ${result.message}`,
    btf: false
  } : result);
}
async function loadPooled(pool, paths, groups, base, opts = {}) {
  const items = await shareKernels(pool, paths, groups, base, opts);
  return items.map((item) => {
    if ("error" in item) return item;
    const types = BtfTypes.attach(item.table.buffer, base);
    return {
      format: item.format,
      types,
      report: mergeOutcomes(item.outcomes)
    };
  });
}
function batchedLoader(pool, groups, base) {
  let queue = [];
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
        report: mergeOutcomes(item.outcomes),
        constants: item.constants
      });
    });
  };
  return (path, needTable) => new Promise((resolve, reject) => {
    if (queue.length === 0) queueMicrotask(() => void flush());
    queue.push({
      path,
      keep: needTable,
      resolve,
      reject
    });
  });
}
export {
  batchedLoader,
  loadPooled,
  resolvePooled
};
