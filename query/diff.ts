/**
 * What changed between two kernels: every group leaf and missing group of their reports,
 * and the layouts of chosen structs. Each change is classed moved, added, removed or
 * resized, and carries the `struct.member` it was read from when that is known.
 * @module
 */
import type { GroupValue } from "../resolvers/dsl.ts";
import type { OffsetsReport } from "../resolvers/names.ts";
import { fieldAt, sourceAt } from "../resolvers/fields.ts";
import { GROUP_PATHS, topGroup, valueAt } from "../resolvers/paths.ts";
import type { Layout } from "./layout.ts";

/** How a value changed. */
export type ChangeClass = "moved" | "added" | "removed" | "resized";

/** One difference between two kernels. */
export interface Change {
  /** moved (offset differs), added, removed, or resized (a size differs). */
  class: ChangeClass;
  /**
   * What changed: a group leaf (`scx_walker.scx_rq.runnable_list`), a group or sub-group
   * that is missing on one side, a struct member (`scx_rq.runnable_list`) or a struct.
   */
  what: "field" | "group" | "member" | "struct";
  /** Its dotted path. */
  path: string;
  /** The value before (offset, or size for a size), `null` when absent. */
  from: number | null;
  /** The value after, `null` when absent. */
  to: number | null;
  /** For a member: its size before and after, when they differ. */
  size?: [number | null, number | null];
  /** The `struct.member` (or `sizeof struct`) the value was read from, when known. */
  via?: string;
  /** For a group missing on one side: why (its `missing` message). */
  reason?: string;
}

/** The part of a kernel report that diff reads. */
export interface ReportView {
  /** Group name → group value (`null` when missing). */
  offsets: OffsetsReport["offsets"];
  /** Missing path → message chain. */
  missing: OffsetsReport["missing"];
  /** Leaf path → `struct.member` it was read from, when the report records it. */
  via?: Record<string, string>;
}

/** What is known of a leaf's origin: the `struct.member` it reads and whether it is a size. */
export interface Provenance {
  /** `struct.member`, or `sizeof struct`. */
  via: string;
  /** True for a sizeof (a change is `resized`, not `moved`). */
  size: boolean;
}

/** Numeric leaves of a group value by dotted path (sub-groups are walked, lists skipped). */
function leaves(value: GroupValue, path: string, into: Map<string, number | null>): void {
  for (const [key, v] of Object.entries(value)) {
    const here = `${path}.${key}`;
    if (v === null || typeof v === "number") into.set(here, v);
    else if (!Array.isArray(v)) leaves(v, here, into);
  }
}

function present(report: ReportView, group: string): boolean {
  const v = valueAt(report.offsets, group);
  return v !== null && v !== undefined;
}

/**
 * The changes of the group reports from `a` to `b`: a group or sub-group present on one
 * side only is one `added` or `removed` change (with the reason it is missing) and its
 * fields are not listed; a field of a group present on both sides whose value differs is
 * `moved` (`resized` for a size), one that became `null` is `removed`, one that became a
 * value is `added` (so is a key of a name → offset map). `provenance` names each leaf's
 * `struct.member` from the report's `via` (the fallback actually used) and the group
 * declarations ({@link declaredProvenance}).
 *
 * ```ts
 * diffReports(resolveOffsets(era71), resolveOffsets(k73))
 * // [{ class: "moved", what: "field", path: "scx_walker.scx_rq.runnable_list", from: 104, to: 400, via: "scx_rq.runnable_list" }, ...]
 * ```
 */
export function diffReports(
  a: ReportView,
  b: ReportView,
  provenance: (
    path: string,
    via?: Readonly<Record<string, string>>,
  ) => Provenance | undefined = declaredProvenance,
): Change[] {
  const changes: Change[] = [];
  const groups = GROUP_PATHS.filter((g) => topGroup(g) in a.offsets || topGroup(g) in b.offsets);
  const skipped: string[] = [];
  for (const group of groups) {
    if (skipped.some((s) => group.startsWith(`${s}.`))) continue;
    const inA = present(a, group), inB = present(b, group);
    if (inA === inB) continue;
    skipped.push(group);
    changes.push({
      class: inA ? "removed" : "added",
      what: "group",
      path: group,
      from: null,
      to: null,
      reason: inA ? reasonOf(b, group) : reasonOf(a, group),
    });
  }
  const va = new Map<string, number | null>(), vb = new Map<string, number | null>();
  for (const [name, v] of Object.entries(a.offsets)) if (v) leaves(v, name, va);
  for (const [name, v] of Object.entries(b.offsets)) if (v) leaves(v, name, vb);
  const paths = [...va.keys(), ...[...vb.keys()].filter((k) => !va.has(k))];
  for (const path of paths) {
    // A leaf of a group missing on one side is covered by the group's change.
    if (skipped.some((s) => path.startsWith(`${s}.`))) continue;
    const from = va.get(path) ?? null, to = vb.get(path) ?? null;
    if (from === to) continue;
    const known = provenance(path, to === null ? a.via : b.via);
    const cls: ChangeClass = from === null
      ? "added"
      : to === null
      ? "removed"
      : known?.size
      ? "resized"
      : "moved";
    const via = known?.via;
    changes.push({ class: cls, what: "field", path, from, to, ...(via ? { via } : {}) });
  }
  return changes;
}

/**
 * Where a leaf is read, from the group declarations (`resolvers/fields.ts`): the report's
 * `via` entry when a fallback was used, else the declared `struct.member` or `sizeof struct`.
 *
 * ```ts
 * declaredProvenance("scx_walker.scx_rq.runnable_list"); // { via: "scx_rq.runnable_list", size: false }
 * declaredProvenance("numa_stats.zone_size"); // { via: "sizeof zone", size: true }
 * ```
 */
export function declaredProvenance(
  path: string,
  via: Readonly<Record<string, string>> = {},
): Provenance | undefined {
  const source = sourceAt(path, via);
  if (source === "") return undefined;
  return { via: source, size: fieldAt(path)?.type === "size" };
}

function reasonOf(report: ReportView, group: string): string {
  if (report.missing[group]) return report.missing[group];
  const parts = group.split(".");
  for (let i = parts.length - 1; i > 0; i--) {
    const parent = parts.slice(0, i).join(".");
    if (report.missing[parent]) return `${parent}: ${report.missing[parent]}`;
  }
  return "not resolved";
}

/** A layout's members by name, anonymous members flattened (first name wins, as member_offset finds it). */
function membersByName(layout: Layout, into = new Map<string, [number, number, string]>()) {
  for (const m of layout.members) {
    if (m.name === "" && m.expanded) membersByName(m.expanded, into);
    else if (m.name !== "" && !into.has(m.name)) {
      const offset = m.bitSize !== undefined ? m.offset * 8 + m.bitOffset! : m.offset;
      into.set(m.name, [offset, m.size, m.bitSize !== undefined ? "bits" : "bytes"]);
    }
  }
  return into;
}

/**
 * The changes of struct `name`'s layout from `a` to `b` (`null` when the kernel lacks the
 * struct): the struct itself added, removed or resized; each member (anonymous members
 * flattened, as member_offset sees them) added, removed, `moved` when its offset changed,
 * `resized` when its size changed (with both offsets and sizes). A bitfield's offsets are
 * in bits.
 *
 * ```ts
 * const layoutOf = (types: BtfTypes) => structLayout(types, findStruct(types, "scx_rq"));
 * diffLayouts("scx_rq", layoutOf(era71), layoutOf(k73));
 * // [..., { class: "moved", what: "member", path: "scx_rq.runnable_list", from: 104, to: 400 }, ...]
 * ```
 */
export function diffLayouts(name: string, a: Layout | null, b: Layout | null): Change[] {
  if (a === null || b === null) {
    if (a === b) return [];
    return [{
      class: a ? "removed" : "added",
      what: "struct",
      path: name,
      from: a?.size ?? null,
      to: b?.size ?? null,
    }];
  }
  const changes: Change[] = [];
  if (a.size !== b.size) {
    changes.push({ class: "resized", what: "struct", path: name, from: a.size, to: b.size });
  }
  const ma = membersByName(a), mb = membersByName(b);
  for (const member of [...ma.keys(), ...[...mb.keys()].filter((k) => !ma.has(k))]) {
    const x = ma.get(member), y = mb.get(member);
    const path = `${name}.${member}`;
    if (!x || !y) {
      const cls = x ? "removed" : "added";
      changes.push({ class: cls, what: "member", path, from: x?.[0] ?? null, to: y?.[0] ?? null });
    } else if (x[1] !== y[1]) {
      changes.push({
        class: "resized",
        what: "member",
        path,
        from: x[0],
        to: y[0],
        size: [x[1], y[1]],
      });
    } else if (x[0] !== y[0] || x[2] !== y[2]) {
      changes.push({ class: "moved", what: "member", path, from: x[0], to: y[0] });
    }
  }
  return changes;
}
