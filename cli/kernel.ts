/**
 * The `kernel` command: load each path, resolve the selected groups, print the reports
 * (human or JSON) and pick the exit code (SPEC §6).
 * @module
 */
import { BtfError } from "../btf/errors.ts";
import type { BtfTypes } from "../btf/table.ts";
import { loadBtf, type LoadedBtf } from "../load/file.ts";
import { renderHuman } from "../report/human.ts";
import { type KernelReport, kernelReport, type SourceInfo } from "../report/json.ts";
import { GROUP_NAMES, type GroupName, resolveOffsets } from "../resolvers/mod.ts";
import { GROUP_PATHS, topGroup, valueAt } from "../resolvers/paths.ts";
import { type CliIo, UsageError } from "./io.ts";

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
}

function selectGroups(opts: KernelOptions): GroupName[] {
  for (const g of opts.groups) {
    if (!(GROUP_NAMES as string[]).includes(g)) {
      throw new UsageError(`unknown group '${g}' (groups: ${GROUP_NAMES.join(", ")})`);
    }
  }
  for (const r of opts.require) {
    if (!GROUP_PATHS.includes(r)) {
      throw new UsageError(`unknown group path '${r}' for --require (e.g. scx_walker.scx_rq)`);
    }
  }
  if (opts.groups.length === 0) return GROUP_NAMES;
  const wanted = new Set([...opts.groups, ...opts.require.map(topGroup)]);
  return GROUP_NAMES.filter((g) => wanted.has(g));
}

/** The `source` object of a loaded input. */
export function sourceInfo(loaded: LoadedBtf): SourceInfo {
  return {
    path: loaded.path,
    format: loaded.format,
    btf_bytes: loaded.types.btfBytes,
    type_count: loaded.types.count,
    sidecar: "not-applicable",
  };
}

/** Runs `kernel` over `paths`; returns the exit code. */
export function runKernel(paths: string[], opts: KernelOptions, io: CliIo): Promise<number> {
  const groups = selectGroups(opts);
  const inputs = paths.length > 0 ? paths : [DEFAULT_BTF_PATH];
  let base: BtfTypes | undefined;
  const reports: KernelReport[] = [];
  let failed = false;
  try {
    base = opts.base === undefined ? undefined : loadBtf(opts.base).types;
  } catch (err) {
    if (!(err instanceof BtfError)) throw err;
    io.err(`ktstr-btf: ${err.message}\n`);
    return Promise.resolve(1);
  }
  for (const path of inputs) {
    try {
      const loaded = loadBtf(path, base);
      reports.push(kernelReport(sourceInfo(loaded), resolveOffsets(loaded.types, groups)));
    } catch (err) {
      if (!(err instanceof BtfError)) throw err;
      io.err(`ktstr-btf: ${err.message}\n`);
      failed = true;
    }
  }
  if (failed) return Promise.resolve(1);
  if (opts.json) {
    io.out(JSON.stringify(reports.length === 1 ? reports[0] : reports, null, 2) + "\n");
  } else {
    io.out(reports.map((r) => renderHuman(r, io.color)).join("\n"));
  }
  return Promise.resolve(requireMissing(reports, opts.require, io) ? EXIT_REQUIRE : 0);
}

/** Reports every `--require`d path that is missing; true when any is. */
function requireMissing(reports: KernelReport[], require: string[], io: CliIo): boolean {
  let missing = false;
  for (const report of reports) {
    for (const path of require) {
      if (valueAt(report.offsets, path) !== null) continue;
      const reason = report.missing[path] ?? firstMissingParent(report, path);
      io.err(`ktstr-btf: ${report.source.path}: required group ${path} is missing: ${reason}\n`);
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
