import {
  kernelConstants,
  resolveNamedGroup
} from "./chunk-KPYUDFQV.js";
import {
  BtfTypes,
  TableArena,
  loadBtf,
  pageAdvice
} from "./chunk-QDGSS5JZ.js";
import {
  BtfError
} from "./chunk-PX3IRLHB.js";

// workers/handler.ts
function attach(shared, attached) {
  let types = attached.get(shared.id);
  if (!types) {
    const base = shared.base ? attach(shared.base, attached) : void 0;
    types = BtfTypes.attach(shared.buffer, base);
    attached.set(shared.id, types);
  }
  return types;
}
function safeResolve(types, name) {
  try {
    return resolveNamedGroup(types, name);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    return {
      value: null,
      missing: {
        [name]: `internal error: ${message}`
      },
      via: {}
    };
  }
}
var threadArena;
function arena() {
  return threadArena ??= new TableArena(pageAdvice() ?? void 0);
}
function loadKernel(path, groups, recycle, attached, base) {
  try {
    const space = recycle ? arena() : void 0;
    const { types, format } = loadBtf(path, base ? attach(base, attached) : void 0, space);
    const outcomes = groups.map((g) => [
      g,
      safeResolve(types, g)
    ]);
    const constants = kernelConstants(types);
    const item = {
      format,
      btfBytes: types.btfBytes,
      typeCount: types.count,
      outcomes,
      constants
    };
    if (recycle) {
      arena().release(types);
      return item;
    }
    return {
      ...item,
      table: {
        id: 0,
        buffer: types.buffer,
        base
      }
    };
  } catch (err) {
    return {
      error: err instanceof Error ? err.message : String(err),
      btf: err instanceof BtfError
    };
  }
}
function runItem(task, index, attached) {
  if (task.kind === "groups") {
    return safeResolve(attach(task.table, attached), task.groups[index]);
  }
  const recycle = task.recycle?.[index] ?? false;
  return loadKernel(task.paths[index], task.groups, recycle, attached, task.base);
}

export {
  runItem
};
