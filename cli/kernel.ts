/**
 * The `kernel` command: load each path, resolve the selected groups, print the reports
 * (human or JSON) and pick the exit code (SPEC §6).
 * @module
 */
import { BtfError, printable } from "../btf/errors.ts";
import type { BtfTypes } from "../btf/table.ts";
import type { LoadedBtf } from "../load/file.ts";
import {
  type CacheOptions,
  isHostBtf,
  loadBtfCachedWith,
  resolveKernelInput,
} from "../load/cache.ts";
import { implicitBase, loadKernelCached, needsDecompression } from "../load/image.ts";
import { renderHuman } from "../report/human.ts";
import {
  errorEntry,
  type KernelReport,
  kernelReport,
  type SidecarStatus,
  type SourceInfo,
} from "../report/json.ts";
import {
  GROUP_NAMES,
  type GroupName,
  type OffsetsReport,
  resolveOffsets,
} from "../resolvers/mod.ts";
import { type PoolOptions, WorkerPool } from "../workers/pool.ts";
import { batchedLoader, type PooledLoad, resolvePooled } from "../workers/fanout.ts";
import { GROUP_PATHS, topGroup, valueAt } from "../resolvers/paths.ts";
import { type CliIo, UsageError } from "./io.ts";
import { command, ENVIRONMENT_HELP, LOAD_OPTIONS, LOAD_OPTIONS_HELP } from "./command.ts";
import { didYouMean } from "./suggest.ts";

/** The default input: the running kernel's BTF. */
export const DEFAULT_BTF_PATH = "/sys/kernel/btf/vmlinux";

/** Exit code when a group named by `--require` is missing. */
export const EXIT_REQUIRE = 3;

/** Options of the `kernel` command. */
export interface KernelOptions {
  /** Print JSON instead of the human report. */
  json: boolean;
  /** Base BTF path: every input is split BTF over it. */
  base?: string;
  /** Top-level groups to resolve (default: all). */
  groups: string[];
  /** Group paths that must be present, else exit 3. */
  require: string[];
  /** Worker count: a number (0 = resolve inline) or `auto`. */
  jobs: string;
  /** Sidecar cache settings (`--cache-dir`, `--no-cache`); default: the environment's root. */
  cache?: CacheOptions;
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
  summary: "report each kernel's offset groups (raw BTF, ELF vmlinux, '-', a cache key)",
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
      json: v.json ?? false,
      base: v.base,
      groups: v.group ?? [],
      require: v.require ?? [],
      jobs: v.jobs ?? "auto",
      cache: { root: v["cache-dir"], enabled: !v["no-cache"] },
    }, io),
});

/**
 * `--jobs auto` resolves inline. Chosen by measurement (bench/compare.sh, README "What is
 * measured"): constructing a Deno Worker blocks the calling thread ~15 ms and the worker
 * needs ~25 ms more to boot, while loading and resolving one kernel takes ~15 ms, so on
 * the 2-core reference machine inline was fastest for 1, 4 and 8 kernels.
 */
export const AUTO_JOBS = 0;

function parseJobs(jobs: string): number {
  if (jobs === "auto") return AUTO_JOBS;
  if (!/^\d+$/.test(jobs) || Number(jobs) > 256) {
    throw new UsageError(`--jobs takes a number from 0 to 256 or 'auto', not '${jobs}'`);
  }
  return Number(jobs);
}

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
export function requiredPaths(require: readonly string[]): string[] {
  return GROUP_PATHS.filter((p) => require.some((r) => p === r || p.startsWith(`${r}.`)));
}

/** The `source` object of a loaded input. */
export function sourceInfo(
  loaded: LoadedBtf,
  sidecar: SidecarStatus = "not-applicable",
): SourceInfo {
  return {
    path: loaded.path,
    format: loaded.format,
    btf_bytes: loaded.types.btfBytes,
    type_count: loaded.types.count,
    sidecar,
  };
}

/**
 * Test hooks: KTSTR_BTF_WORKER replaces the worker module (the failure tests inject a
 * faulty one) and KTSTR_BTF_WORKER_TIMEOUT_MS shortens the hang timeout.
 */
function poolOptions(): PoolOptions {
  const worker = Deno.env.get("KTSTR_BTF_WORKER");
  const timeout = Number(Deno.env.get("KTSTR_BTF_WORKER_TIMEOUT_MS"));
  return {
    workerUrl: worker ? new URL(worker) : undefined,
    timeoutMs: timeout > 0 ? timeout : undefined,
  };
}

/**
 * Loads each of `paths` (default the running kernel; cache keys, `--base`, sidecars, the
 * pool) and resolves `groups` of each, in input order: what `kernel` does before printing,
 * shared by every command that reads kernels.
 */
export async function loadKernels(
  paths: string[],
  opts: LoadOptions,
  groups: GroupName[],
  io: CliIo,
): Promise<Outcome[]> {
  const cache: CacheOptions = {
    warn: (m) => io.err(`ktstr-btf: warning: ${printable(m)}\n`),
    ...opts.cache,
  };
  // An argument that is not a path but a cache key names `<root>/<key>/vmlinux`.
  const inputs = paths.length > 0
    ? paths.map((p) => resolveKernelInput(p, cache))
    : [DEFAULT_BTF_PATH];
  const jobs = parseJobs(opts.jobs);
  // Started before any file is read: the workers boot on their own threads while this one
  // reads and parses (constructing each still blocks this thread ~15 ms, see README).
  const pool = jobs > 0 ? WorkerPool.start(jobs, poolOptions()) : undefined;
  let outcomes: Outcome[];
  try {
    const base = opts.base === undefined
      ? undefined
      : (await loadKernelCached(opts.base, cache)).types;
    // Several kernels: the loads made in this turn go to the pool as one shared job.
    const load = pool && inputs.length > 1 ? batchedLoader(pool, groups, base) : undefined;
    outcomes = await Promise.all(
      inputs.map((path) => loadAndResolve(path, groups, base, pool, load, cache)),
    );
  } catch (err) {
    // The base failed to load: every input fails with it.
    if (!(err instanceof BtfError)) throw err;
    outcomes = inputs.map((path) => ({ path, error: err.message }));
  } finally {
    pool?.close();
  }
  return outcomes;
}

/**
 * One input's outcome: its table, where it came from and its resolved groups (the report is
 * assembled by {@link reportOf} only where needed: it reads the constants too), or the
 * one-line error that stopped it.
 */
export type Outcome =
  | { types: BtfTypes; source: SourceInfo; resolved: OffsetsReport }
  | { path: string; error: string };

/** The kernel report of a loaded outcome. */
export function reportOf(o: { types: BtfTypes; source: SourceInfo; resolved: OffsetsReport }) {
  return kernelReport(o.source, o.resolved, o.types);
}

/** How {@link loadKernels} loads: the loading options of {@link KernelOptions}. */
export type LoadOptions = Pick<KernelOptions, "base" | "jobs" | "cache">;

/** Runs `kernel` over `paths`; returns the exit code. */
export async function runKernel(paths: string[], opts: KernelOptions, io: CliIo): Promise<number> {
  const outcomes = await loadKernels(paths, opts, selectGroups(opts), io);
  const entries = outcomes.map((o) => "error" in o ? errorEntry(o.path, o.error) : reportOf(o));
  const reports = entries.filter((e): e is KernelReport => !("error" in e));
  for (const o of outcomes) if ("error" in o) io.err(`ktstr-btf: ${printable(o.error)}\n`);
  if (opts.json) {
    io.out(JSON.stringify(entries.length === 1 ? entries[0] : entries, null, 2) + "\n");
  } else if (reports.length > 0) {
    io.out(reports.map((r) => renderHuman(r, io.color)).join("\n"));
  }
  const required = requireMissing(reports, requiredPaths(opts.require), io);
  return reports.length < outcomes.length ? 1 : required ? EXIT_REQUIRE : 0;
}

/**
 * Loads one input and resolves its groups: inline without a pool; with a pool, one kernel
 * is parsed here and its groups shared out, several kernels are shared out whole (the main
 * thread takes its part of either).
 */
async function loadAndResolve(
  path: string,
  groups: GroupName[],
  base: BtfTypes | undefined,
  pool: WorkerPool | undefined,
  load: ((path: string) => Promise<PooledLoad>) | undefined,
  cache: CacheOptions,
): Promise<Outcome> {
  try {
    let loaded: LoadedBtf, resolved: OffsetsReport, sidecar: SidecarStatus;
    // Decompression and implicit bases stay on this thread (the workers read files only).
    const inline = (base === undefined && isHostBtf(path)) || needsDecompression(path) ||
      implicitBase(path) !== undefined;
    if (load && !inline) {
      // Parsed by the pool: from the fresh sidecar when there is one, else from the file.
      const pooled = await loadBtfCachedWith(path, cache, load);
      loaded = { path, format: pooled.format, types: pooled.types };
      resolved = pooled.report;
      sidecar = pooled.sidecar;
    } else {
      ({ sidecar, ...loaded } = await loadKernelCached(path, cache, base));
      resolved = pool
        ? await resolvePooled(pool, loaded.types, groups)
        : resolveOffsets(loaded.types, groups);
    }
    return { types: loaded.types, source: sourceInfo(loaded, sidecar), resolved };
  } catch (err) {
    if (err instanceof BtfError) return { path, error: err.message };
    return { path, error: `${path}: ${(err as Error).message}` };
  }
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
      io.err(`ktstr-btf: ${printable(line)}\n`);
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
