/**
 * The shared claim counter every participant (main thread and workers) takes items from.
 * @module
 */
import type { Task } from "./protocol.ts";

/** Number of items in a task. */
export function itemCount(task: Task): number {
  return task.kind === "groups" ? task.groups.length : task.paths.length;
}

/** A fresh claims buffer for `count` items: [next item, claimant of each item]. */
export function newClaims(count: number): SharedArrayBuffer {
  return new SharedArrayBuffer(4 * (count + 1));
}

/** Claims the next unclaimed item for `claimant`, or returns -1 when none is left. */
export function claimNext(claims: Int32Array, count: number, claimant: number): number {
  const index = Atomics.add(claims, 0, 1);
  if (index >= count) return -1;
  Atomics.store(claims, 1 + index, claimant);
  return index;
}
