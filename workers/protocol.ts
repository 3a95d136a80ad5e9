/**
 * Messages between the main thread and resolver workers. Type tables travel as their
 * SharedArrayBuffers (shared, never copied); results come back as plain objects.
 * @module
 */
import type { InputFormat } from "../btf/input.ts";
import type { GroupName, GroupOutcome } from "../resolvers/mod.ts";

/** A type table as a worker receives it: its buffer, and its base's for split BTF. */
export interface SharedTable {
  /** Identifies the table across messages so a worker attaches once. */
  id: number;
  /** The table's shared buffer. */
  buffer: SharedArrayBuffer;
  /** The base table of a split BTF. */
  base?: SharedTable;
}

/** Main → worker: resolve `groups` against a table. */
export interface ResolveRequest {
  /** Discriminant. */
  kind: "resolve";
  /** Job id echoed in the reply. */
  job: number;
  /** The table to resolve against. */
  table: SharedTable;
  /** Groups to resolve, in report order. */
  groups: GroupName[];
}

/** Main → worker: load a file (raw BTF or ELF), build its table, and resolve `groups`. */
export interface LoadRequest {
  /** Discriminant. */
  kind: "load";
  /** Job id echoed in the reply. */
  job: number;
  /** Path of the input. */
  path: string;
  /** Base table for split BTF. */
  base?: SharedTable;
  /** Groups to resolve, in report order. */
  groups: GroupName[];
}

/** Any request a worker accepts. */
export type WorkerRequest = ResolveRequest | LoadRequest;

/** Worker → main: the outcome of each requested group, in request order. */
export interface ResolveReply {
  /** Discriminant. */
  kind: "resolved";
  /** The request's job id. */
  job: number;
  /** Per-group outcome. */
  outcomes: [GroupName, GroupOutcome][];
  /** For a load request: what was loaded (its table is shared back to the main thread). */
  loaded?: { format: InputFormat; table: SharedTable };
}

/** Worker → main: the request failed as a whole (e.g. the file did not load). */
export interface FailReply {
  /** Discriminant. */
  kind: "failed";
  /** The request's job id. */
  job: number;
  /** One-line message (a BtfError's message for load failures). */
  message: string;
  /** Whether the failure is a BtfError (a load failure) rather than a bug. */
  btf: boolean;
}

/** Any reply a worker sends. */
export type WorkerReply = ResolveReply | FailReply;
