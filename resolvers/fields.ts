/**
 * The group declarations as a flat list of leaves and sub-groups, with where each value is
 * read from: the data behind the human report's `struct.member` column, docs/FIELDS.md, the
 * per-group TypeScript interfaces and the JSON Schema (all generated from this list).
 * @module
 */
import type { Group } from "./dsl.ts";
import { GROUP_NAMES, GROUPS } from "./mod.ts";

/** One entry of a group, flattened. */
export interface FieldInfo {
  /** Dotted path (`kernel.event_offsets.ev_select_cpu_fallback`). */
  path: string;
  /** `offset`, `size`, `enum`, `computed`: a number; `map`: name → offset; `names`: a list; `group`: a sub-group. */
  type: "offset" | "size" | "enum" | "computed" | "map" | "names" | "group";
  /** Where the value is read (`rq.nr_running`, `sizeof zone`, `enum PSI_IRQ_FULL`, ...). */
  source: string;
  /** `struct.member`s tried when the source member is absent. */
  fallbacks: readonly string[];
  /** `required`, or what an absent value becomes (`null`, `0`); sub-groups are `null`. */
  absent: "required" | "null" | "zero";
  /** How the struct is found (`find_struct`, `typeof(rq.scx)`), when there is one. */
  found?: string;
  /** Direct member only (no search through anonymous members). */
  direct?: boolean;
  /** Optional fields that are all present or all null together. */
  allOrNothing?: boolean;
}

/** A required entry with no fallbacks (a map or a derived value). */
function plain(path: string, type: FieldInfo["type"], source: string): FieldInfo {
  return { path, type, source, fallbacks: [], absent: "required" };
}

/** A group or sub-group: `null` when it fails. */
function groupInfo(path: string): FieldInfo {
  return { path, type: "group", source: "", fallbacks: [], absent: "null" };
}

function flatten(g: Group, prefix: string, out: FieldInfo[]): FieldInfo[] {
  for (const e of g.entries) {
    switch (e.kind) {
      case "field":
      case "set":
        for (const f of e.kind === "set" ? e.fields : [e]) {
          out.push({
            path: `${prefix}.${f.key}`,
            type: f.mode === "sizeof"
              ? "size"
              : f.mode === "member" || f.mode === "direct"
              ? "offset"
              : f.mode,
            source: f.source,
            fallbacks: f.fallbacks,
            absent: e.kind === "set" ? "null" : f.absent,
            ...(f.found ? { found: f.found } : {}),
            ...(f.mode === "direct" ? { direct: true } : {}),
            ...(e.kind === "set" ? { allOrNothing: true } : {}),
          });
        }
        break;
      case "map":
        out.push(plain(`${prefix}.${e.key}`, "map", e.source));
        break;
      case "derived":
        out.push(
          plain(`${prefix}.${e.key}`, e.key === "missing_groups" ? "names" : "computed", e.source),
        );
        break;
      case "sub":
        out.push(groupInfo(`${prefix}.${e.key}`));
        flatten(e.group, `${prefix}.${e.key}`, out);
        break;
      case "check":
        break;
    }
  }
  return out;
}

let fields: readonly FieldInfo[] | undefined;
let byPath: Map<string, FieldInfo> | undefined;

/**
 * Every group, sub-group and field of every top-level group, in report order. Built on first
 * use (~1 ms in a cold process): the human report and the generators need it, a JSON report
 * does not.
 */
export function allFields(): readonly FieldInfo[] {
  return fields ??= GROUP_NAMES.flatMap((name) => [
    groupInfo(name),
    ...flatten(GROUPS[name], name, []),
  ]);
}

/** The entry at a dotted path (a group, sub-group or leaf), if the declarations have one. */
export function fieldAt(path: string): FieldInfo | undefined {
  byPath ??= new Map(allFields().map((f) => [f.path, f]));
  return byPath.get(path);
}

/**
 * Where the value at `path` was read: the `via` entry when a fallback was used, else the
 * declared source; a member of a name → offset map is `<struct>.<name>`.
 */
export function sourceAt(path: string, via: Readonly<Record<string, string>>): string {
  if (via[path] !== undefined) return via[path];
  const known = fieldAt(path);
  if (known) return known.source;
  const cut = path.lastIndexOf(".");
  const parent = fieldAt(path.slice(0, cut));
  if (parent?.type === "map") return `${parent.source.split(".")[0]}.${path.slice(cut + 1)}`;
  return "";
}
