import {
  GROUP_PATHS,
  sourceAt,
  topGroup,
  valueAt
} from "./chunk-23YUCTN2.js";
import {
  DEFAULT_BTF_PATH,
  errorEntry,
  loadKernels,
  reportOf
} from "./chunk-CUQYIH7F.js";
import {
  ENVIRONMENT_HELP,
  LOAD_OPTIONS,
  LOAD_OPTIONS_HELP,
  command,
  loadOptions
} from "./chunk-FV6Q3LDB.js";
import {
  didYouMean
} from "./chunk-37H3JIS3.js";
import {
  UsageError,
  complain
} from "./chunk-JYKSHZY5.js";
import {
  GROUP_NAMES
} from "./chunk-KPYUDFQV.js";
import "./chunk-QDGSS5JZ.js";
import {
  printable
} from "./chunk-PX3IRLHB.js";

// report/human.ts
var NAME_WIDTH = 44;
var NO_SCX = "btf: struct 'rq' has no member 'scx'";
function paint(color) {
  const wrap = (code) => (s) => color ? `\x1B[${code}m${s}\x1B[0m` : s;
  return {
    bold: wrap(1),
    dim: wrap(2),
    red: wrap(31)
  };
}
function offsetLine(name, value, indent, source, p) {
  const label = `${indent}${name}`.padEnd(NAME_WIDTH);
  const from = p.dim(source);
  if (value === null) return `${label}${p.dim("\u2014".padStart(8))}${" ".repeat(10)}${from}`;
  return `${label}${String(value).padStart(8)}  ${`0x${value.toString(16)}`.padEnd(8)}${from}`;
}
function groupLines(value, path, indent, missing, via, p) {
  const lines = [];
  for (const [key, v] of Object.entries(value)) {
    const here = `${path}.${key}`;
    if (Array.isArray(v)) {
      lines.push(...listLines(`${indent}${key}`, v));
    } else if (v === null && here in missing) {
      lines.push(`${indent}${key}  ${p.red("missing")}`);
    } else if (v === null || typeof v === "number") {
      lines.push(offsetLine(key, v, indent, sourceAt(here, via), p));
    } else {
      lines.push(`${indent}${p.bold(key)}`, ...groupLines(v, here, indent + "  ", missing, via, p));
    }
  }
  return lines;
}
function listLines(label, words) {
  if (words.length === 0) return [
    `${label.padEnd(NAME_WIDTH)}none`
  ];
  const lines = [];
  let line = label.padEnd(NAME_WIDTH);
  for (const [i, word] of words.entries()) {
    const piece = word + (i < words.length - 1 ? "," : "");
    if (line.trim().length > 0 && line.length + piece.length + 1 > 100 && line.length > NAME_WIDTH) {
      lines.push(line.trimEnd());
      line = " ".repeat(NAME_WIDTH);
    }
    line += (line.length > NAME_WIDTH ? " " : "") + piece;
  }
  lines.push(line);
  return lines;
}
var FORMAT_LABELS = {
  raw: "raw BTF",
  elf: "ELF",
  image: "compressed image"
};
function renderHuman(report, color) {
  const p = paint(color);
  const s = report.source;
  const lines = [
    p.bold(printable(s.path)),
    `  ${FORMAT_LABELS[s.format]} \xB7 ${s.btf_bytes} BTF bytes \xB7 ${s.type_count} types \xB7 sidecar ${s.sidecar}`,
    ""
  ];
  for (const [name, value] of Object.entries(report.offsets)) {
    if (value === null || value === void 0) {
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
    lines.push("", "note: struct rq has no member scx: kernel built without CONFIG_SCHED_CLASS_EXT");
  }
  return lines.join("\n") + "\n";
}

// cli/kernel.ts
var EXIT_REQUIRE = 3;
function kernelHelp() {
  return `Usage: ktstr-btf kernel [PATH ...] [options]

Loads each PATH and reports the offsets of every group (or of the --group ones).
PATH is raw BTF, an ELF vmlinux, '-' for standard input, or a cache key (a name
in the cache root); default ${DEFAULT_BTF_PATH}. Several PATHs are reported in
order; one that fails to load is reported as an error and the rest go on.

Options:
  --group NAME     resolve and print only this group (repeatable)
  --require PATH   exit 3 when this group, or any of its sub-groups, is missing; a
                   dotted path requires just that sub-group (repeatable)
${LOAD_OPTIONS_HELP}

Groups: ${wrapList(GROUP_NAMES, 8)}

--require paths: ${wrapList(GROUP_PATHS, 17)}

Field reference: docs/FIELDS.md

Exit codes: 0 every kernel loaded (missing groups are normal), 1 a kernel failed to
load or parse, 2 usage error, 3 a --require'd group is missing, 141 standard output
closed early.

${ENVIRONMENT_HELP}
`;
}
function wrapList(items, indent) {
  const lines = [];
  let line = "";
  for (const item of items) {
    const next = line ? `${line}, ${item}` : item;
    if (indent + next.length > 84 && line) {
      lines.push(line + ",");
      line = item;
    } else line = next;
  }
  return [
    ...lines,
    line
  ].join("\n" + " ".repeat(indent));
}
var KERNEL_COMMAND = command({
  name: "kernel",
  get help() {
    return kernelHelp();
  },
  options: {
    ...LOAD_OPTIONS,
    group: {
      type: "string",
      multiple: true
    },
    require: {
      type: "string",
      multiple: true
    }
  },
  run: (paths, v, io) => runKernel(paths, {
    ...loadOptions(v),
    json: v.json ?? false,
    groups: v.group ?? [],
    require: v.require ?? []
  }, io)
});
function selectGroups(opts) {
  for (const g of opts.groups) {
    if (!GROUP_NAMES.includes(g)) {
      throw new UsageError(`unknown group '${g}'${didYouMean(g, GROUP_NAMES)}`);
    }
  }
  for (const r of opts.require) {
    if (!GROUP_PATHS.includes(r)) {
      throw new UsageError(`unknown group path '${r}' for --require${didYouMean(r, GROUP_PATHS)}`);
    }
  }
  if (opts.groups.length === 0) return [
    ...GROUP_NAMES
  ];
  const wanted = /* @__PURE__ */ new Set([
    ...opts.groups,
    ...opts.require.map(topGroup)
  ]);
  return GROUP_NAMES.filter((g) => wanted.has(g));
}
function requiredPaths(require2) {
  return GROUP_PATHS.filter((p) => require2.some((r) => p === r || p.startsWith(`${r}.`)));
}
async function runKernel(paths, opts, io) {
  const outcomes = await loadKernels(paths, opts, selectGroups(opts), io);
  const entries = outcomes.map((o) => "error" in o ? errorEntry(o.path, o.error) : reportOf(o));
  const reports = entries.filter((e) => !("error" in e));
  for (const o of outcomes) if ("error" in o) complain(io, o.error);
  if (opts.json) {
    io.out(JSON.stringify(entries.length === 1 ? entries[0] : entries, null, 2) + "\n");
  } else if (reports.length > 0) {
    io.out(reports.map((r) => renderHuman(r, io.color)).join("\n"));
  }
  const required = requireMissing(reports, requiredPaths(opts.require), io);
  return reports.length < outcomes.length ? 1 : required ? EXIT_REQUIRE : 0;
}
function requireMissing(reports, require2, io) {
  let missing = false;
  for (const report of reports) {
    const reported = [];
    for (const path of require2) {
      if (reported.some((r) => path.startsWith(`${r}.`))) continue;
      if (valueAt(report.offsets, path) !== null) continue;
      reported.push(path);
      const reason = report.missing[path] ?? firstMissingParent(report, path);
      const line = `${report.source.path}: required group ${path} is missing: ${reason}`;
      complain(io, line);
      missing = true;
    }
  }
  return missing;
}
function firstMissingParent(report, path) {
  const parts = path.split(".");
  for (let i = 1; i < parts.length; i++) {
    const parent = parts.slice(0, i).join(".");
    if (report.missing[parent]) return `${parent}: ${report.missing[parent]}`;
  }
  return "not resolved";
}
export {
  EXIT_REQUIRE,
  KERNEL_COMMAND,
  runKernel
};
