/**
 * What a resolver worker does with a request: attach to (or build) the type table and
 * resolve each requested group, turning any exception of a group into that group's
 * recorded error. Kept apart from the worker entry point so tests can wrap it.
 * @module
 */
import { BtfError } from "../btf/errors.ts";
import { BtfTypes } from "../btf/table.ts";
import { loadBtf } from "../load/file.ts";
import { type GroupName, type GroupOutcome, resolveNamedGroup } from "../resolvers/mod.ts";
import type { SharedTable, WorkerReply, WorkerRequest } from "./protocol.ts";

const attached = new Map<number, BtfTypes>();
let nextLocalId = -1;

/** The table for `shared`, attached once per worker (no copy). */
export function attach(shared: SharedTable): BtfTypes {
  let types = attached.get(shared.id);
  if (!types) {
    types = BtfTypes.attach(shared.buffer, shared.base ? attach(shared.base) : undefined);
    attached.set(shared.id, types);
  }
  return types;
}

/** Resolves one group; a non-BTF exception becomes the group's recorded error. */
export function safeResolve(types: BtfTypes, name: GroupName): GroupOutcome {
  try {
    return resolveNamedGroup(types, name);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    return { value: null, missing: { [name]: `internal error: ${message}` } };
  }
}

/** Handles one request and returns the reply to post. */
export function handleRequest(req: WorkerRequest): WorkerReply {
  try {
    if (req.kind === "resolve") {
      const types = attach(req.table);
      return {
        kind: "resolved",
        job: req.job,
        outcomes: req.groups.map((g) => [g, safeResolve(types, g)]),
      };
    }
    const loaded = loadBtf(req.path, req.base ? attach(req.base) : undefined);
    const table: SharedTable = { id: nextLocalId--, buffer: loaded.types.buffer, base: req.base };
    return {
      kind: "resolved",
      job: req.job,
      outcomes: req.groups.map((g) => [g, safeResolve(loaded.types, g)]),
      loaded: { format: loaded.format, table },
    };
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    return { kind: "failed", job: req.job, message, btf: err instanceof BtfError };
  }
}
