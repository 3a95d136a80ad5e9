/**
 * The `cache` command: `list`, `add` and `clean` over the kernel cache (SPEC §5).
 * @module
 */
import { BtfError, printable } from "../btf/errors.ts";
import {
  addEntry,
  type CacheOptions,
  cacheRoot,
  cleanEntries,
  listEntries,
} from "../load/cache.ts";
import { CacheError, humanSize } from "../load/cache_root.ts";
import { type CliIo, UsageError } from "./io.ts";

/** Options of the `cache` command. */
export interface CacheCommandOptions {
  /** `list --json`. */
  json: boolean;
  /** `add --key K`. */
  key?: string;
  /** `clean --keep N`. */
  keep?: string;
  /** `clean --force`. */
  force: boolean;
  /** Where the root comes from (`--cache-dir`, the environment). */
  cache: CacheOptions;
}

/** Runs `cache <list|add|clean> ...`; returns the exit code. */
export function runCache(args: string[], opts: CacheCommandOptions, io: CliIo): number {
  const [sub, ...rest] = args;
  const only = (allowed: string[], given: Record<string, unknown>) => {
    for (const [name, value] of Object.entries(given)) {
      if (value !== undefined && value !== false && !allowed.includes(name)) {
        throw new UsageError(`--${name} does not apply to 'cache ${sub}'`);
      }
    }
  };
  const given = { json: opts.json, key: opts.key, keep: opts.keep, force: opts.force };
  if (sub === undefined) throw new UsageError("cache: missing subcommand (list, add or clean)");
  if (!["list", "add", "clean"].includes(sub)) {
    throw new UsageError(`cache: unknown subcommand '${sub}' (list, add or clean)`);
  }
  if (sub === "add" ? rest.length !== 1 : rest.length !== 0) {
    throw new UsageError(
      sub === "add" ? "cache add takes one vmlinux path" : `cache ${sub} takes no arguments`,
    );
  }
  let keep = 0;
  if (sub === "clean" && opts.keep !== undefined) {
    if (!/^\d+$/.test(opts.keep)) {
      throw new UsageError(`--keep takes a non-negative number, not '${opts.keep}'`);
    }
    keep = Number(opts.keep);
  }
  only(sub === "list" ? ["json"] : sub === "add" ? ["key"] : ["keep", "force"], given);
  try {
    const root = cacheRoot(opts.cache);
    if (sub === "list") return list(root, opts.json, io);
    if (sub === "add") {
      const r = addEntry(root, rest[0], opts.key);
      const version = r.version ? ` (Linux ${r.version})` : "";
      io.out(`${r.replaced ? "replaced" : "added"} ${r.key}${version}: ${r.path}\n`);
      return 0;
    }
    const r = cleanEntries(root, keep, opts.force);
    for (const key of r.removed) io.out(`${opts.force ? "removed" : "would remove"} ${key}\n`);
    for (const name of r.orphans) io.out(`removed leftover ${name}\n`);
    if (!opts.force) {
      io.out(
        r.removed.length === 0
          ? `nothing to remove (${r.kept.length} kept)\n`
          : `dry run: pass --force to remove ${r.removed.length} (${r.kept.length} kept)\n`,
      );
    } else {
      io.out(`removed ${r.removed.length}, kept ${r.kept.length}\n`);
    }
    return 0;
  } catch (err) {
    if (err instanceof CacheError || err instanceof BtfError) {
      io.err(`ktstr-btf: ${printable(err.message)}\n`);
      return 1;
    }
    throw err;
  }
}

function list(root: string, json: boolean, io: CliIo): number {
  const entries = listEntries(root);
  if (json) {
    io.out(JSON.stringify({ root, entries }, null, 2) + "\n");
    return 0;
  }
  if (entries.length === 0) {
    io.out(`no cached kernels in ${root}\n`);
    return 0;
  }
  const rows = [
    ["KEY", "VERSION", "SIZE", "SIDECAR"],
    ...entries.map((e) => [e.key, e.version ?? "-", humanSize(e.size), e.sidecar]),
  ];
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  io.out(`cache root: ${root}\n`);
  for (const r of rows) {
    io.out(r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]))).join("  ") + "\n");
  }
  return 0;
}
