/**
 * The dotted paths of every group and sub-group (`kernel`, `kernel.event_offsets`,
 * `scx_walker.scx_rq`, ...), for `--require` and for reading a report by path.
 * @module
 */
import type { GroupValue } from "./dsl.ts";
import { FIELDS } from "./fields.ts";
import type { GroupName } from "./mod.ts";

/** Every group and sub-group path, parents before children, in report order. */
export const GROUP_PATHS: readonly string[] = FIELDS.filter((f) => f.type === "group")
  .map((f) => f.path);

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
