/**
 * What a participant does with shared work: claim the next item from the shared counter,
 * run it (resolve one group, or load and resolve one kernel), repeat. The same code runs in
 * workers and on the main thread. Any exception of a group becomes that group's recorded
 * error; a load failure becomes that kernel's error.
 *
 * Tables are attached per job (an {@link Attached} map lives as long as one share request),
 * so no thread keeps a table after the job that needed it. Kernels marked for recycling are
 * loaded into this thread's {@link TableArena} and released once resolved, so a batch
 * touches fresh memory once per thread, not once per kernel.
 * @module
 */
import { machineFacts } from "../btf/machine.ts";
import { TableArena } from "../btf/arena.ts";
import { BtfError } from "../btf/errors.ts";
import { BtfTypes } from "../btf/table.ts";
import { loadBtf } from "../load/file.ts";
import { pageAdvice } from "../load/map.ts";
import { resolveNamedGroup } from "../resolvers/mod.ts";
import { kernelConstants } from "../resolvers/constants.ts";
import type { GroupName, GroupOutcome } from "../resolvers/names.ts";
import type { ItemResult, KernelItem, SharedTable, Task } from "./protocol.ts";

/** The tables one job has attached, by SharedTable id (seed it with tables this thread owns). */
export type Attached = Map<number, BtfTypes>;

/** The table for `shared`, attached once per job (no copy). */
export function attach(shared: SharedTable, attached: Attached): BtfTypes {
  let types = attached.get(shared.id);
  if (!types) {
    const base = shared.base ? attach(shared.base, attached) : undefined;
    types = BtfTypes.attach(shared.buffer, base);
    attached.set(shared.id, types);
  }
  return types;
}

/** Resolves one group; a non-BTF exception becomes the group's recorded error. */
function safeResolve(types: BtfTypes, name: GroupName): GroupOutcome {
  try {
    return resolveNamedGroup(types, name);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    return { value: null, missing: { [name]: `internal error: ${message}` }, via: {} };
  }
}

let threadArena: TableArena | undefined;

/** This thread's arena for recycled kernel tables. */
function arena(): TableArena {
  return threadArena ??= new TableArena(pageAdvice() ?? undefined);
}

function loadKernel(
  path: string,
  groups: GroupName[],
  recycle: boolean,
  attached: Attached,
  base?: SharedTable,
): KernelItem {
  try {
    const space = recycle ? arena() : undefined;
    const { types, format, arch } = loadBtf(
      path,
      base ? attach(base, attached) : undefined,
      space,
    );
    const outcomes = groups.map((g): [GroupName, GroupOutcome] => [g, safeResolve(types, g)]);
    const constants = kernelConstants(types);
    const machine = machineFacts(types, arch);
    const item = {
      format,
      btfBytes: types.btfBytes,
      typeCount: types.count,
      machine,
      outcomes,
      constants,
    };
    if (recycle) {
      arena().release(types);
      return item;
    }
    // id 0: a table made here is attached by whoever receives it, never looked up by id.
    return { ...item, table: { id: 0, buffer: types.buffer, base } };
  } catch (err) {
    return {
      error: err instanceof Error ? err.message : String(err),
      btf: err instanceof BtfError,
    };
  }
}

/** Runs item `index` of `task`, attaching tables through `attached` (one map per job). */
export function runItem(task: Task, index: number, attached: Attached): ItemResult {
  if (task.kind === "groups") {
    return safeResolve(attach(task.table, attached), task.groups[index]);
  }
  const recycle = task.recycle?.[index] ?? false;
  return loadKernel(task.paths[index], task.groups, recycle, attached, task.base);
}
