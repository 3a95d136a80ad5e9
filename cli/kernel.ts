/**
 * The `kernel` command: load each path, resolve the selected groups, print the reports
 * (human or JSON) and pick the exit code (docs/JSON.md).
 * @module
 */
import { errorEntry, type KernelReport } from "../report/json.ts";
import { renderHuman } from "../report/human.ts";
import { GROUP_NAMES, type GroupName } from "../resolvers/mod.ts";
import { GROUP_PATHS, topGroup, valueAt } from "../resolvers/paths.ts";
import { type CliIo, complain, UsageError, writeJson } from "./io.ts";
import {
  command,
  ENVIRONMENT_HELP,
  LOAD_OPTIONS,
  LOAD_OPTIONS_HELP,
  loadOptions,
} from "./command.ts";
import { didYouMean } from "./suggest.ts";
import { DEFAULT_BTF_PATH, loadKernels, type LoadOptions, reportOf } from "./batch.ts";

/** Exit code when a group named by `--require` is missing. */
export const EXIT_REQUIRE = 3;

/** Options of the `kernel` command. */
export interface KernelOptions extends LoadOptions {
  /** Print JSON instead of the human report. */
  json: boolean;
  /** Top-level groups to resolve (default: all). */
  groups: string[];
  /** Group paths that must be present, else exit 3. */
  require: string[];
}

/** The `kernel` command's help: usage, options, group names, `--require` paths, exit codes. */
function kernelHelp(): string {
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

/** Comma-separated, wrapped to 84 columns, continuation lines indented by `indent`. */
function wrapList(items: readonly string[], indent: number): string {
  const lines: string[] = [];
  let line = "";
  for (const item of items) {
    const next = line ? `${line}, ${item}` : item;
    if (indent + next.length > 84 && line) {
      lines.push(line + ",");
      line = item;
    } else line = next;
  }
  return [...lines, line].join("\n" + " ".repeat(indent));
}

/** The `kernel` command. */
export const KERNEL_COMMAND = command({
  name: "kernel",
  get help() {
    return kernelHelp();
  },
  options: {
    ...LOAD_OPTIONS,
    group: { type: "string", multiple: true },
    require: { type: "string", multiple: true },
  },
  run: (paths, v, io) =>
    runKernel(paths, {
      ...loadOptions(v),
      json: v.json ?? false,
      groups: v.group ?? [],
      require: v.require ?? [],
    }, io),
});

function selectGroups(opts: KernelOptions): GroupName[] {
  for (const g of opts.groups) {
    if (!(GROUP_NAMES as readonly string[]).includes(g)) {
      throw new UsageError(`unknown group '${g}'${didYouMean(g, GROUP_NAMES)}`);
    }
  }
  for (const r of opts.require) {
    if (!GROUP_PATHS.includes(r)) {
      throw new UsageError(`unknown group path '${r}' for --require${didYouMean(r, GROUP_PATHS)}`);
    }
  }
  if (opts.groups.length === 0) return [...GROUP_NAMES];
  const wanted = new Set([...opts.groups, ...opts.require.map(topGroup)]);
  return GROUP_NAMES.filter((g) => wanted.has(g));
}

/** `--require` paths expanded: a path stands for itself and every sub-group below it. */
function requiredPaths(require: readonly string[]): string[] {
  return GROUP_PATHS.filter((p) => require.some((r) => p === r || p.startsWith(`${r}.`)));
}

/** Runs `kernel` over `paths`; returns the exit code. */
export async function runKernel(paths: string[], opts: KernelOptions, io: CliIo): Promise<number> {
  const outcomes = await loadKernels(paths, opts, selectGroups(opts), io);
  const entries = outcomes.map((o) => "error" in o ? errorEntry(o.path, o.error) : reportOf(o));
  const reports = entries.filter((e): e is KernelReport => !("error" in e));
  for (const o of outcomes) if ("error" in o) complain(io, o.error);
  if (opts.json) {
    writeJson(io, entries.length === 1 ? entries[0] : entries);
  } else if (reports.length > 0) {
    io.out(reports.map((r) => renderHuman(r, io.color)).join("\n"));
  }
  const required = requireMissing(reports, requiredPaths(opts.require), io);
  return reports.length < outcomes.length ? 1 : required ? EXIT_REQUIRE : 0;
}

/** Reports every `--require`d path that is missing; true when any is. */
function requireMissing(reports: KernelReport[], require: string[], io: CliIo): boolean {
  let missing = false;
  for (const report of reports) {
    const reported: string[] = [];
    for (const path of require) {
      // A missing parent already explains its sub-groups.
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

function firstMissingParent(report: KernelReport, path: string): string {
  const parts = path.split(".");
  for (let i = 1; i < parts.length; i++) {
    const parent = parts.slice(0, i).join(".");
    if (report.missing[parent]) return `${parent}: ${report.missing[parent]}`;
  }
  return "not resolved";
}
