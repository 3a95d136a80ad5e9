/**
 * The `struct` command's output: a layout in pahole's format (human), or as JSON.
 * @module
 */
import { printable } from "../btf/errors.ts";
import type { Hole, Layout, LayoutMember } from "../query/layout.ts";

/** pahole's columns at the outermost level: type, a space, name; each tab takes 8 from them. */
const TYPE_WIDTH = 26;
const DECL_WIDTH = 48;

/** Splits a declaration into pahole's type and name columns. */
/** Where the trailing `[N]...` of an array type begins (`t.length` when there is none). */
function arraySuffix(t: string): number {
  let start = t.length;
  while (t.endsWith("]", start)) {
    const open = t.lastIndexOf("[", start - 1);
    if (open < 0) break;
    for (let i = open + 1; i < start - 1; i++) if (t[i] < "0" || t[i] > "9") return start;
    start = open;
  }
  return start;
}

function columns(m: LayoutMember): [string, string] {
  const name = printable(m.name) + (m.bitSize !== undefined ? `:${m.bitSize}` : "");
  // Arrays and function pointers: the declarator wraps the name (`u64 cpustat[10]`,
  // `void (*func)(struct callback_head *)`). String scans: a regular expression's first
  // compilation costs more than a whole struct's layout.
  const t = printable(m.type), array = arraySuffix(t);
  if (array < t.length) return [t.slice(0, array), name + t.slice(array)];
  const fn = t.indexOf(" (*");
  if (fn >= 0 && t.endsWith(")")) {
    let stars = fn + 2;
    while (t[stars] === "*") stars++;
    if (t.startsWith(")(", stars)) {
      return [t.slice(0, fn), `(${t.slice(fn + 2, stars)}${name})${t.slice(stars + 1)}`];
    }
    // An array of function pointers, `void (*[4])(int)`: the name goes before the `[`.
    if (t[stars] === "[") {
      return [t.slice(0, fn), `${t.slice(fn + 1, stars)}${name}${t.slice(stars)}`];
    }
  }
  return [t, name];
}

function position(m: LayoutMember): string {
  const at = m.bitOffset !== undefined
    ? `${String(m.offset).padStart(5)}:${String(m.bitOffset).padStart(2)}${
      String(m.size).padStart(3)
    }`
    : `${String(m.offset).padStart(5)} ${String(m.size).padStart(5)}`;
  return `/* ${at} */`;
}

/** `1 byte`, `4 bytes` (pahole's wording). */
export function plural(n: number, unit: string): string {
  return `${n} ${unit}${n === 1 ? "" : "s"}`;
}

function holeLine(h: Hole, indent: string): string {
  const size = h.inUnit ? plural(h.bits, "bit") : plural(h.bits / 8, "byte");
  return `${indent}/* XXX ${size} hole, try to pack */`;
}

function bodyLines(layout: Layout, indent: string): string[] {
  const lines: string[] = [];
  const width = DECL_WIDTH - 8 * (indent.length - 1);
  const typeWidth = Math.max(0, TYPE_WIDTH - 8 * (indent.length - 1));
  layout.members.forEach((m, i) => {
    if (m.expanded) {
      const inner = m.expanded;
      const label = inner.name ? `${inner.kind} ${printable(inner.name)}` : inner.kind;
      lines.push(`${indent}${label} {`, ...bodyLines(inner, indent + "\t"));
      const close = `}${m.name ? ` ${printable(m.name)}` : ""};`;
      lines.push(`${indent}${close.padEnd(width)} ${position(m)}`);
    } else {
      const [type, name] = columns(m);
      const decl = `${type.padEnd(typeWidth)} ${name};`;
      lines.push(`${indent}${decl.padEnd(width)} ${position(m)}`);
    }
    const holes = layout.holes.filter((h) => h.after === i);
    if (holes.length > 0) lines.push("", ...holes.map((h) => holeLine(h, indent)), "");
  });
  return lines;
}

/** The byte holes (pahole counts bit holes apart) and the sum of their sizes. */
function byteHoles(layout: Layout): [number, number] {
  const bytes = layout.holes.filter((h) => !h.inUnit);
  return [bytes.length, bytes.reduce((sum, h) => sum + h.bits / 8, 0)];
}

/**
 * One layout as pahole prints it (`pahole -F btf -C NAME`), preceded by a line naming the
 * type id, and closed by a summary: size, members, holes, padding. Control characters in a
 * name (BTF names are not checked to be identifiers) are escaped.
 */
export function renderLayout(layout: Layout): string {
  const head = `${layout.kind} ${printable(layout.name) || "{...}"} {`;
  const summary = [`size: ${layout.size}`, `members: ${layout.members.length}`];
  const [holes, sum] = byteHoles(layout);
  if (holes > 0) summary.push(`holes: ${holes}`, `sum holes: ${sum}`);
  const bitHoles = layout.holes.filter((h) => h.inUnit);
  if (bitHoles.length > 0) {
    summary.push(`bit holes: ${bitHoles.length}`);
    summary.push(`sum bit holes: ${bitHoles.reduce((n, h) => n + h.bits, 0)} bits`);
  }
  if (layout.padding > 0) summary.push(`padding: ${layout.padding}`);
  return [
    `/* type id ${layout.typeId} */`,
    head,
    ...bodyLines(layout, "\t"),
    "",
    `\t/* ${summary.join(", ")} */`,
    "};",
    "",
  ].join("\n");
}

/** A layout as a JSON value (snake_case keys; bitfield keys only on bitfields). */
export function layoutJson(layout: Layout): unknown {
  return {
    name: layout.name,
    type_id: layout.typeId,
    kind: layout.kind,
    offset: layout.offset,
    size: layout.size,
    members: layout.members.map((m) => ({
      name: m.name,
      offset: m.offset,
      size: m.size,
      ...(m.bitSize !== undefined ? { bit_offset: m.bitOffset, bit_size: m.bitSize } : {}),
      type: m.type,
      type_id: m.typeId,
      ...(m.expanded ? { expanded: layoutJson(m.expanded) } : {}),
    })),
    holes: layout.holes.map((h) => ({
      after: layout.members[h.after].name,
      offset: h.offset,
      bits: h.bits,
      in_unit: h.inUnit,
    })),
    padding: layout.padding,
  };
}
