/**
 * The `cache` command: `list`, `add` and `clean` over the kernel cache (docs/CLI.md: The cache).
 * @module
 */
import { BtfError } from "../btf/errors.ts";
import { cleanEntries, listEntries } from "../load/entries.ts";
import { type CacheOptions, cacheRoot } from "../load/sidecar.ts";
import { CacheError, humanSize } from "../load/cache_root.ts";
import { addKernelEntry } from "../load/image.ts";
import { type CliIo, complain, UsageError, writeJson } from "./io.ts";
import { command, ENVIRONMENT_HELP } from "./command.ts";
import { didYouMean } from "./suggest.ts";

const CACHE_HELP = `Usage: ktstr-btf cache list [--json]
       ktstr-btf cache add VMLINUX [--key K] [--force]
       ktstr-btf cache clean [--keep N] [--force]

Manages the kernel cache (<root>/<key>/vmlinux, its .btf sidecar and metadata.json,
as ktstr lays them out).
  list    the cached kernels: key, version, size, sidecar freshness
  add     copy an ELF vmlinux in as an entry (key: --key, else the kernel release);
          an existing key is replaced only with --force
  clean   remove all but the --keep N newest entries; without --force, only says
          what it would remove

Options:
  --json           list: JSON output
  --key K          add: the entry's key
  --keep N         clean: keep the N newest entries (default 0)
  --force          add: replace an existing entry; clean: really remove
  --cache-dir DIR  cache root for this call
  -h, --help       show this help

Exit codes: 0 success, 1 failure, 2 usage error.

${ENVIRONMENT_HELP}
`;

/** Which options each subcommand takes. */
const SUBCOMMAND_OPTIONS: Record<string, readonly string[]> = {
  list: ["json", "cache-dir"],
  add: ["key", "force", "cache-dir"],
  clean: ["keep", "force", "cache-dir"],
};

/** The `cache` command. */
export const CACHE_COMMAND = command({
  name: "cache",
  help: CACHE_HELP,
  options: {
    json: { type: "boolean" },
    key: { type: "string" },
    keep: { type: "string" },
    force: { type: "boolean" },
    "cache-dir": { type: "string" },
  },
  run(args, values, io) {
    const [sub, ...rest] = args;
    if (sub === undefined) throw new UsageError("cache: missing subcommand (list, add or clean)");
    const allowed = SUBCOMMAND_OPTIONS[sub];
    if (!allowed) {
      const names = Object.keys(SUBCOMMAND_OPTIONS);
      throw new UsageError(`cache: unknown subcommand '${sub}'${didYouMean(sub, names)}`);
    }
    for (const [name, value] of Object.entries(values)) {
      if (value !== undefined && !allowed.includes(name)) {
        throw new UsageError(`--${name} does not apply to 'cache ${sub}'`);
      }
    }
    if (sub === "add" ? rest.length !== 1 : rest.length !== 0) {
      throw new UsageError(
        sub === "add" ? "cache add takes one vmlinux path" : `cache ${sub} takes no arguments`,
      );
    }
    if (values.keep !== undefined && !/^\d+$/.test(values.keep)) {
      throw new UsageError(`--keep takes a non-negative number, not '${values.keep}'`);
    }
    return runCache(sub, rest[0], {
      json: values.json ?? false,
      key: values.key,
      keep: Number(values.keep ?? 0),
      force: values.force ?? false,
      cache: { root: values["cache-dir"] },
    }, io);
  },
});

/** Options of the `cache` command, checked. */
interface CacheCommandOptions {
  json: boolean;
  key?: string;
  keep: number;
  force: boolean;
  cache: CacheOptions;
}

async function runCache(
  sub: string,
  path: string | undefined,
  opts: CacheCommandOptions,
  io: CliIo,
): Promise<number> {
  try {
    const root = cacheRoot(opts.cache);
    if (sub === "list") return list(root, opts.json, io);
    if (sub === "add") {
      const r = await addKernelEntry(root, path!, opts.key, opts.force);
      const version = r.version ? ` (Linux ${r.version})` : "";
      io.out(`${r.replaced ? "replaced" : "added"} ${r.key}${version}: ${r.path}\n`);
      return 0;
    }
    const r = cleanEntries(root, opts.keep, opts.force);
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
      complain(io, err.message);
      return 1;
    }
    throw err;
  }
}

function list(root: string, json: boolean, io: CliIo): number {
  const entries = listEntries(root);
  if (json) {
    writeJson(io, { root, entries });
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
