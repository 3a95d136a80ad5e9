/**
 * The `offset` command's output: each path's offset, size, type and member chain, per hop.
 * @module
 */
import { printable } from "../btf/errors.ts";
import type { PathHop, ResolvedPath } from "../query/path.ts";

function hopLines(h: PathHop, indent: string): string[] {
  const bits = h.bitSize > 0 ? `  bitfield :${h.bitSize}` : "";
  return [
    `${indent}offset ${h.offset} (0x${h.offset.toString(16)})  size ${h.size}  ${h.type}${bits}`,
    `${indent}via ${h.chain.length > 0 ? h.chain.join(" > ") : h.base}`,
  ];
}

/**
 * One resolved path: its expression, its offset in decimal and hex, size, C type, and the
 * `struct.member` chain it went through; with `->`, those of each hop (one per base struct)
 * under the part of the path it resolved. Control characters in a name (BTF names are not
 * checked to be identifiers) are escaped.
 */
export function renderPath(expr: string, path: ResolvedPath): string {
  const body = path.hops.length === 1
    ? hopLines(path, "  ")
    : path.hops.flatMap((h) => [`  ${h.expr}`, ...hopLines(h, "    ")]);
  return [expr, ...body].map(printable).join("\n") + "\n";
}

function hopJson(h: PathHop) {
  return {
    base: h.base,
    expr: h.expr,
    offset: h.offset,
    size: h.size,
    type: h.type,
    type_id: h.typeId,
    ...(h.bitSize > 0 ? { bit_size: h.bitSize } : {}),
    chain: h.chain,
  };
}

/** One resolved path as JSON: the last hop's values, and every hop. */
export function pathJson(expr: string, path: ResolvedPath): unknown {
  return { path: expr, ...hopJson(path), hops: path.hops.map(hopJson) };
}
