/**
 * The `diff` command's output: per pair of kernels, each change on one line (class, path,
 * before → after, provenance), or JSON.
 * @module
 */
import { printable } from "../btf/errors.ts";
import type { Change } from "../query/diff.ts";
import { plural } from "./layout.ts";

/** The changes between two kernels, as `diff` reports them. */
export interface KernelDiff {
  /** The earlier kernel's path. */
  from: string;
  /** The later kernel's path. */
  to: string;
  /** Group changes, then each `--struct`'s layout changes. */
  changes: Change[];
}

function value(v: number | null): string {
  return v === null ? "—" : String(v);
}

function changeLine(c: Change, width: number): string {
  const head = `  ${c.class.padEnd(8)} ${c.path.padEnd(width)}`;
  if (c.what === "group") {
    return `${head} ${c.class === "added" ? "was" : "now"} missing: ${c.reason}`;
  }
  const sizes = c.size ? `  size ${value(c.size[0])} → ${value(c.size[1])}` : "";
  const label = c.what === "struct" ? "size " : "";
  const via = c.via ? `  (${c.via})` : "";
  return `${head} ${label}${value(c.from).padStart(6)} → ${value(c.to)}${sizes}${via}`;
}

/** The widest path column: longer paths (event counters) push their line out, not every line. */
const MAX_PATH_WIDTH = 44;

/**
 * One pair's changes: a `--- A` / `+++ B` header, one line per change, and a count. Control
 * characters in a path or a name are escaped.
 */
export function renderDiff(d: KernelDiff): string {
  const width = Math.min(MAX_PATH_WIDTH, Math.max(0, ...d.changes.map((c) => c.path.length)));
  const lines = [`--- ${d.from}`, `+++ ${d.to}`, ...d.changes.map((c) => changeLine(c, width))];
  const n = d.changes.length;
  lines.push(n === 0 ? "  identical" : `  ${plural(n, "change")}`);
  return lines.map(printable).join("\n") + "\n";
}

/** One pair's changes as JSON (`identical` when there are none). */
export function diffJson(d: KernelDiff): unknown {
  return { from: d.from, to: d.to, identical: d.changes.length === 0, changes: d.changes };
}
