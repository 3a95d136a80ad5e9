/**
 * The `offset` command's output: each path's offset, size, type and member chain, per hop.
 * @module
 */
import type { PathHop, ResolvedPath } from "../query/path.ts";

function hopLines(h: PathHop): string[] {
  const bits = h.bitSize > 0 ? `  bitfield :${h.bitSize}` : "";
  return [
    `  ${h.expr}`,
    `    offset ${h.offset} (0x${h.offset.toString(16)})  size ${h.size}  ${h.type}${bits}`,
    `    via ${h.chain.length > 0 ? h.chain.join(" > ") : h.base}`,
  ];
}

/**
 * One resolved path: its expression, then for each hop (one per base struct, `->` starts
 * the next) the offset in decimal and hex, the size, the C type, and the `struct.member`
 * chain it went through.
 */
export function renderPath(expr: string, path: ResolvedPath): string {
  return [expr, ...path.hops.flatMap(hopLines), ""].join("\n");
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
