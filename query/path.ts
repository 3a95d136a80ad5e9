/**
 * Dotted member paths (`rq.scx.local_dsq.nr`, `kernel_cpustat.cpustat[5]`,
 * `rq.curr->scx.dsq_vtime`) resolved to offsets with the lookup rules of the groups
 * (docs/DESIGN.md: Lookup rules): find_struct for the first name, member_offset's walk for every member.
 * @module
 */
import { BtfError, withContext } from "../btf/errors.ts";
import { Kind } from "../btf/kinds.ts";
import { findMember, findStruct, stripQualifiers } from "../btf/queries.ts";
import type { BtfTypes } from "../btf/table.ts";
import { compositeOf } from "./members.ts";
import { sizeOf } from "./size.ts";
import { typeName } from "./type_name.ts";

/** Where one part of a path (up to a `->` or the end) lands, relative to its base struct. */
export interface PathHop {
  /** The base struct's name (`rq`, then `task_struct` after `rq.curr->`). */
  base: string;
  /** The part of the path resolved in it (`rq.curr`, `task_struct.scx.dsq_vtime`). */
  expr: string;
  /** Byte offset from the start of the base struct. */
  offset: number;
  /** sizeof the type reached. */
  size: number;
  /** Type id reached. */
  typeId: number;
  /** Its C type. */
  type: string;
  /** The bitfield width when the last member is a bitfield, else 0. */
  bitSize: number;
  /** Each member step as `struct.member` (with `[i]` for an index), e.g. `rq.scx`. */
  chain: string[];
}

/** A resolved path: the last hop's values at the top, every hop in `hops`. */
export interface ResolvedPath extends PathHop {
  /** One hop per base: the first struct, then one after each `->`. */
  hops: PathHop[];
}

type Token = { op: "." | "->"; name: string } | { op: "[]"; index: number };

function tokenize(expr: string): { base: string; tokens: Token[] } {
  const m = /^([A-Za-z_]\w*)/.exec(expr);
  if (!m) throw new BtfError(`btf: bad path '${expr}': it must start with a struct name`);
  const tokens: Token[] = [];
  const step = /\.([A-Za-z_]\w*)|->([A-Za-z_]\w*)|\[(\d+)\]/y;
  step.lastIndex = m[0].length;
  while (step.lastIndex < expr.length) {
    const at = step.lastIndex;
    const s = step.exec(expr);
    if (!s) throw new BtfError(`btf: bad path '${expr}' at '${expr.slice(at)}'`);
    if (s[1] !== undefined) tokens.push({ op: ".", name: s[1] });
    else if (s[2] !== undefined) tokens.push({ op: "->", name: s[2] });
    else tokens.push({ op: "[]", index: Number(s[3]) });
  }
  return { base: m[1], tokens };
}

function structLabel(types: BtfTypes, id: number): string {
  return types.name(id) || typeName(types, id);
}

/**
 * Resolves `expr`: a struct name, then `.member`, `[index]` and `->member` steps. Members
 * are found as member_offset finds them (through anonymous structs and unions); `[i]`
 * indexes an array (i below its length unless it is a flexible array); `->` follows a
 * pointer to its struct and starts a new base, so the result's offset is relative to the
 * struct pointed to and `hops` holds each base's part. Errors are BtfErrors naming the path.
 *
 * ```ts
 * resolvePath(types, "rq.scx.nr_running");
 * // { offset: 2424, size: 4, type: "u32", chain: ["rq.scx", "scx_rq.nr_running"], ... }
 * resolvePath(types, "kernel_cpustat.cpustat[5]").offset; // 40
 * resolvePath(types, "rq.curr->scx.dsq_vtime").hops.map((h) => h.offset); // [offset of curr in rq, offset in task_struct]
 * ```
 */
export function resolvePath(types: BtfTypes, expr: string): ResolvedPath {
  const { base, tokens } = tokenize(expr);
  const hops: PathHop[] = [];
  let baseName = base, done = base;
  let typeId = withContext(`btf: resolve ${expr}`, () => findStruct(types, base));
  let offset = 0, bitSize = 0;
  let chain: string[] = [];
  const finish = () =>
    hops.push({
      base: baseName,
      expr: done,
      offset,
      size: sizeOf(types, typeId),
      typeId,
      type: typeName(types, typeId),
      bitSize,
      chain,
    });
  for (const t of tokens) {
    withContext(`btf: resolve ${expr}`, () => {
      if (t.op === "[]") {
        const array = stripQualifiers(types, typeId);
        if (types.kind(array) !== Kind.ARRAY) {
          throw new BtfError(`btf: '${done}' is ${typeName(types, typeId)}, not an array`);
        }
        const length = types.word(array, 5);
        if (length > 0 && t.index >= length) {
          throw new BtfError(
            `btf: index ${t.index} is past the end of '${done}' (${length} elements)`,
          );
        }
        typeId = types.word(array, 3);
        offset += t.index * sizeOf(types, typeId);
        done += `[${t.index}]`;
        chain[chain.length - 1] += `[${t.index}]`;
        return;
      }
      if (t.op === "->") {
        const ptr = stripQualifiers(types, typeId);
        if (types.kind(ptr) !== Kind.PTR) {
          throw new BtfError(`btf: '${done}' is ${typeName(types, typeId)}, not a pointer`);
        }
        finish();
        typeId = compositeOf(types, types.refType(ptr));
        baseName = structLabel(types, typeId);
        done = baseName;
        offset = 0;
        chain = [];
      } else if (types.kind(stripQualifiers(types, typeId)) === Kind.PTR) {
        throw new BtfError(`btf: '${done}' is a pointer: follow it with '->${t.name}'`);
      }
      const struct = compositeOf(types, typeId);
      const found = findMember(types, struct, t.name);
      offset += found.offset;
      typeId = found.type;
      bitSize = found.bitSize;
      done += `.${t.name}`;
      chain.push(`${structLabel(types, struct)}.${t.name}`);
    });
  }
  withContext(`btf: resolve ${expr}`, finish);
  return { ...hops[hops.length - 1], hops };
}
