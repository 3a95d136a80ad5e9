/**
 * Messages between the main thread and resolver workers. Type tables travel as their
 * SharedArrayBuffers (shared, never copied); results come back as plain objects. Work is
 * shared, not assigned: every participant (the main thread included) claims the next item
 * from a shared counter, so idle or still-booting workers never hold work up.
 * @module
 */
import type { MachineFacts } from "../btf/machine.ts";
import type { InputFormat } from "../btf/input.ts";
import type { GroupName, GroupOutcome } from "../resolvers/names.ts";
import type { ResolvedConstants } from "../resolvers/constants.ts";

/** A type table as a worker receives it: its buffer, and its base's for split BTF. */
export interface SharedTable {
  /** Identifies the table across messages so a worker attaches once. */
  id: number;
  /** The table's shared buffer. */
  buffer: SharedArrayBuffer;
  /** The base table of a split BTF. */
  base?: SharedTable;
}

/** Items are groups to resolve against one table. */
export interface GroupsTask {
  /** Discriminant. */
  kind: "groups";
  /** The table to resolve against. */
  table: SharedTable;
  /** Groups, in report order; item i is groups[i]. */
  groups: GroupName[];
}

/** Items are files to load (read, parse, index) and resolve. */
export interface KernelsTask {
  /** Discriminant. */
  kind: "kernels";
  /** Paths; item i is paths[i]. */
  paths: string[];
  /** Groups to resolve for each, in report order. */
  groups: GroupName[];
  /** Base table for split BTF. */
  base?: SharedTable;
  /**
   * Item i's table is recycled by the thread that loaded it once its groups are resolved
   * (only its numbers come back, see btf/arena.ts) when `recycle[i]`; otherwise it is
   * returned for the caller to keep.
   */
  recycle?: boolean[];
}

/** Something to share out. */
export type Task = GroupsTask | KernelsTask;

/** A loaded and resolved kernel (its table unless it was recycled), or why it failed. */
export type KernelItem =
  | {
    format: InputFormat;
    table?: SharedTable;
    btfBytes: number;
    typeCount: number;
    /** Its architecture, byte order and pointer size. */
    machine: MachineFacts;
    outcomes: [GroupName, GroupOutcome][];
    constants: ResolvedConstants;
  }
  | { error: string; btf: boolean };

/** The result of one item. */
export type ItemResult = GroupOutcome | KernelItem;

/**
 * Main → worker: claim items of `task` until none is left. `claims` is an Int32Array over
 * a shared buffer: [next item, claimant of item 0, claimant of item 1, ...] where a claimant
 * is `slot + 1` (the main thread writes -1).
 */
export interface ShareRequest {
  /** Discriminant. */
  kind: "share";
  /** Job id echoed in replies. */
  job: number;
  /** This worker's slot in the pool. */
  slot: number;
  /** The shared claim counter and claimant marks. */
  claims: SharedArrayBuffer;
  /** The work. */
  task: Task;
}

/** Worker → main: one item's result. */
export interface ItemReply {
  /** Discriminant. */
  kind: "item";
  /** The request's job id. */
  job: number;
  /** Which item. */
  index: number;
  /** Its result. */
  result: ItemResult;
}

/** Worker → main: this worker found no item left. */
export interface DoneReply {
  /** Discriminant. */
  kind: "done";
  /** The request's job id. */
  job: number;
}

/** Worker → main: the worker's module has loaded; from now on it answers within the hang timeout. */
export interface ReadyReply {
  /** Discriminant. */
  kind: "ready";
}

/** Any reply a worker sends. */
export type WorkerReply = ItemReply | DoneReply | ReadyReply;
