/**
 * What a participant does with shared work: claim the next item from the shared counter,
 * run it (resolve one group, or load and resolve one kernel), repeat. The same code runs in
 * workers and on the main thread. Any exception of a group becomes that group's recorded
 * error; a load failure becomes that kernel's error.
 * @module
 */
import { BtfError } from "../btf/errors.ts";
import { BtfTypes } from "../btf/table.ts";
import { loadBtf } from "../load/file.ts";
import { resolveNamedGroup } from "../resolvers/mod.ts";
import type { GroupName, GroupOutcome } from "../resolvers/names.ts";
import type { ItemResult, KernelItem, SharedTable, Task } from "./protocol.ts";

const attached = new Map<number, BtfTypes>();

/** The table for `shared`, attached once per thread (no copy). */
export function attach(shared: SharedTable): BtfTypes {
  let types = attached.get(shared.id);
  if (!types) {
    types = BtfTypes.attach(shared.buffer, shared.base ? attach(shared.base) : undefined);
    attached.set(shared.id, types);
  }
  return types;
}

/** Makes `types` known under `id` (the main thread's own tables, so it never re-attaches). */
export function remember(id: number, types: BtfTypes): void {
  attached.set(id, types);
}

/** Resolves one group; a non-BTF exception becomes the group's recorded error. */
export function safeResolve(types: BtfTypes, name: GroupName): GroupOutcome {
  try {
    return resolveNamedGroup(types, name);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    return { value: null, missing: { [name]: `internal error: ${message}` }, via: {} };
  }
}

function loadKernel(path: string, groups: GroupName[], base?: SharedTable): KernelItem {
  try {
    const loaded = loadBtf(path, base ? attach(base) : undefined);
    // id 0: a table made here is attached by whoever receives it, never looked up by id.
    const table: SharedTable = { id: 0, buffer: loaded.types.buffer, base };
    return {
      format: loaded.format,
      table,
      outcomes: groups.map((g) => [g, safeResolve(loaded.types, g)]),
    };
  } catch (err) {
    return {
      error: err instanceof Error ? err.message : String(err),
      btf: err instanceof BtfError,
    };
  }
}

/** Runs item `index` of `task`. */
export function runItem(task: Task, index: number): ItemResult {
  if (task.kind === "groups") return safeResolve(attach(task.table), task.groups[index]);
  return loadKernel(task.paths[index], task.groups, task.base);
}
