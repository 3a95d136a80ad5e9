/**
 * Bounded walks of the kernel's linked structures in guest memory: a `list_head` ring and an
 * rhashtable's buckets. Every walk keeps a visited set and stops at a cap, so a cyclic or
 * corrupt list ends with a note, never a hang. Pure.
 * @module
 */
import { BtfError } from "../btf/errors.ts";
import type { GuestView } from "./view.ts";

/** At most this many entries are walked in one list (upstream ktstr's monitor stops at 4,096). */
export const WALK_CAP = 4096;

/** A walk's entries, and why it stopped early (undefined when it went round). */
export interface Walk {
  entries: bigint[];
  note?: string;
}

/**
 * The entries of the list whose head is at `head`: each node's address minus `nodeOffset`
 * (the embedding struct's address), skipping nodes `skip` rejects.
 */
export function walkList(
  view: GuestView,
  head: bigint,
  nodeOffset: number,
  skip: (node: bigint) => boolean = () => false,
): Walk {
  const entries: bigint[] = [], seen = new Set<bigint>([head]);
  let node: bigint;
  try {
    node = view.pointer(head, "list_head.next");
  } catch (err) {
    if (err instanceof BtfError) return { entries, note: err.message };
    throw err;
  }
  while (node !== head) {
    if (seen.has(node)) return { entries, note: `the list loops at 0x${node.toString(16)}` };
    if (entries.length >= WALK_CAP) return { entries, note: `stopped after ${WALK_CAP} entries` };
    seen.add(node);
    // A node is taken once its own next pointer reads: a NULL or unmapped one ends the walk
    // with a note, never the command.
    let next: bigint;
    try {
      next = view.pointer(node, "list_head.next");
      if (!skip(node)) entries.push(node - BigInt(nodeOffset));
    } catch (err) {
      if (err instanceof BtfError) return { entries, note: err.message };
      throw err;
    }
    node = next;
  }
  return { entries };
}

/**
 * The objects in the rhashtable at `table` (`struct rhashtable`): each bucket chain of
 * `rhash_head`s up to its nulls marker (low bit set), each node's address minus `nodeOffset`.
 * The bucket pointers' lock bit (bit 0, RHT_PTR_LOCK_BIT) is masked off.
 */
export function walkRhashtable(view: GuestView, table: bigint, nodeOffset: number): Walk {
  const entries: bigint[] = [], seen = new Set<bigint>();
  try {
    const tbl = view.pointer(table, "rhashtable.tbl");
    const size = Number(view.uint(tbl, "bucket_table.size"));
    if (size > 1 << 24) return { entries, note: `bucket table of ${size} buckets` };
    const buckets = view.addr(tbl, "bucket_table.buckets");
    for (let b = 0; b < size; b++) {
      let node = view.unsigned(buckets + BigInt(8 * b), 8) & ~1n;
      while (node !== 0n && (node & 1n) === 0n) {
        if (seen.has(node)) return { entries, note: `bucket ${b} loops at 0x${node.toString(16)}` };
        if (entries.length >= WALK_CAP) {
          return { entries, note: `stopped after ${WALK_CAP} entries` };
        }
        seen.add(node);
        entries.push(node - BigInt(nodeOffset));
        node = view.pointer(node, "rhash_head.next");
      }
    }
  } catch (err) {
    if (err instanceof BtfError) return { entries, note: err.message };
    throw err;
  }
  return { entries };
}
