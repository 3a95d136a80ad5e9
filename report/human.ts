/**
 * The human report: a header per kernel, each group with its fields (decimal and hex
 * offsets, `—` for an absent optional field, and the `struct.member` each was read from),
 * then the missing groups with their reasons.
 * Colour only when the caller allows it.
 * @module
 */
import type { GroupValue, ViaMap } from "../resolvers/dsl.ts";
import { sourceAt } from "../resolvers/fields.ts";
import type { KernelReport, SourceInfo } from "./json.ts";
import { printable } from "../btf/errors.ts";

const NAME_WIDTH = 44;
/** The reason every scx group gives on a kernel without sched_ext. */
const NO_SCX = "btf: struct 'rq' has no member 'scx'";

interface Paint {
  bold(s: string): string;
  dim(s: string): string;
  red(s: string): string;
}

function paint(color: boolean): Paint {
  const wrap = (code: number) => (s: string) => color ? `\x1b[${code}m${s}\x1b[0m` : s;
  return { bold: wrap(1), dim: wrap(2), red: wrap(31) };
}

function offsetLine(
  name: string,
  value: number | null,
  indent: string,
  source: string,
  p: Paint,
): string {
  const label = `${indent}${name}`.padEnd(NAME_WIDTH);
  const from = p.dim(source);
  if (value === null) return `${label}${p.dim("—".padStart(8))}${" ".repeat(10)}${from}`;
  return `${label}${String(value).padStart(8)}  ${`0x${value.toString(16)}`.padEnd(8)}${from}`;
}

function groupLines(
  value: GroupValue,
  path: string,
  indent: string,
  missing: Record<string, string>,
  via: ViaMap,
  p: Paint,
): string[] {
  const lines: string[] = [];
  for (const [key, v] of Object.entries(value)) {
    const here = `${path}.${key}`;
    if (Array.isArray(v)) {
      lines.push(...listLines(`${indent}${key}`, v));
    } else if (v === null && here in missing) {
      lines.push(`${indent}${key}  ${p.red("missing")}`);
    } else if (v === null || typeof v === "number") {
      lines.push(offsetLine(key, v, indent, sourceAt(here, via), p));
    } else {
      lines.push(
        `${indent}${p.bold(key)}`,
        ...groupLines(v, here, indent + "  ", missing, via, p),
      );
    }
  }
  return lines;
}

/** A name and a list of words, wrapped at 100 columns under the value column. */
function listLines(label: string, words: string[]): string[] {
  if (words.length === 0) return [`${label.padEnd(NAME_WIDTH)}none`];
  const lines: string[] = [];
  let line = label.padEnd(NAME_WIDTH);
  for (const [i, word] of words.entries()) {
    const piece = word + (i < words.length - 1 ? "," : "");
    if (
      line.trim().length > 0 && line.length + piece.length + 1 > 100 && line.length > NAME_WIDTH
    ) {
      lines.push(line.trimEnd());
      line = " ".repeat(NAME_WIDTH);
    }
    line += (line.length > NAME_WIDTH ? " " : "") + piece;
  }
  lines.push(line);
  return lines;
}

/** How each input format is named in the header line. */
const FORMAT_LABELS = {
  raw: "raw BTF",
  elf: "ELF",
  image: "compressed image",
  flat: "flat kernel image",
} as const;

/** `x86_64, little-endian, 8-byte pointers` (the architecture left out when unknown). */
export function machineLine(s: SourceInfo): string {
  const pointers = s.pointer_size === null
    ? "pointer size unknown"
    : `${s.pointer_size}-byte pointers`;
  return [s.arch, `${s.endianness}-endian`, pointers].filter((x) => x !== null).join(", ");
}

/** Renders one kernel's report as text. */
export function renderHuman(report: KernelReport, color: boolean): string {
  const p = paint(color);
  const s = report.source;
  const lines = [
    p.bold(printable(s.path)),
    `  ${FORMAT_LABELS[s.format]} · ${s.btf_bytes} BTF bytes · ` +
    `${s.type_count} types · ${machineLine(s)} · sidecar ${s.sidecar}`,
    "",
  ];
  for (const [name, value] of Object.entries(report.offsets)) {
    if (value === null || value === undefined) {
      lines.push(`${p.bold(name)}  ${p.red("missing")}`);
      continue;
    }
    lines.push(p.bold(name), ...groupLines(value, name, "  ", report.missing, report.via, p));
  }
  const missing = Object.entries(report.missing);
  if (missing.length > 0) {
    lines.push("", p.bold("missing"));
    for (const [path, reason] of missing) {
      lines.push(`  ${path}`, `    ${p.red(printable(reason))}`);
    }
  }
  if (missing.some(([, reason]) => reason.includes(NO_SCX))) {
    lines.push(
      "",
      "note: struct rq has no member scx: kernel built without CONFIG_SCHED_CLASS_EXT",
    );
  }
  return lines.join("\n") + "\n";
}
