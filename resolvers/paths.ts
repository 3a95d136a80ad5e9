/**
 * The dotted paths of every group and sub-group (`kernel`, `kernel.event_offsets`,
 * `scx_walker.scx_rq`, ...), for `--require` and for reading a report by path.
 * @module
 */
import type { Group, GroupValue } from "./dsl.ts";
import { GROUP_NAMES, type GroupName, GROUPS } from "./mod.ts";

/** `path` and the paths of the sub-groups under it, parents first, in declaration order. */
function groupPaths(group: Group, path: string): string[] {
  return [
    path,
    ...group.entries.flatMap((e) =>
      e.kind === "sub" ? groupPaths(e.group, `${path}.${e.key}`) : []
    ),
  ];
}

/** Every group and sub-group path, parents before children, in report order. */
export const GROUP_PATHS: readonly string[] = GROUP_NAMES.flatMap((name) =>
  groupPaths(GROUPS[name], name)
);

/** The top-level group a dotted path belongs to. */
export function topGroup(path: string): GroupName {
  return path.split(".")[0] as GroupName;
}

/** The value at a dotted path of `offsets` (`null` when it or a parent is missing). */
export function valueAt(offsets: object, path: string): GroupValue | null | undefined {
  const [first, ...rest] = path.split(".");
  let value = (offsets as Partial<Record<string, GroupValue | null>>)[first];
  for (const key of rest) {
    if (value === null || value === undefined) return value;
    value = value[key] as GroupValue | null | undefined;
  }
  return value;
}
