/**
 * The `ktstr-btf` command line: `kernel [PATH ...]` reports each kernel's BTF.
 *
 *     deno run -A cli.ts kernel /sys/kernel/btf/vmlinux --json
 *
 * Exit codes: 0 loaded, 1 load or parse failure, 2 usage error, 3 a required group is
 * missing (SPEC §6).
 * @module
 */
import denoJson from "./deno.json" with { type: "json" };
import { parseOptions } from "./cli/args.ts";
import { type CliIo, processIo, UsageError } from "./cli/io.ts";
import { runKernel } from "./cli/kernel.ts";
import { runCache } from "./cli/cache.ts";
import { printable } from "./btf/errors.ts";

/** The usage text printed by `--help` and after a usage error. */
export const USAGE = `ktstr-btf ${denoJson.version}: kernel struct offsets from BTF

Usage:
  ktstr-btf kernel [PATH ...] [--json] [--group NAME]... [--require PATH]...
                   [--jobs N|auto] [--base PATH] [--cache-dir DIR] [--no-cache]
  ktstr-btf cache list [--json] | add VMLINUX [--key K] | clean [--keep N] [--force]
  ktstr-btf --help | --version

Commands:
  kernel    load each PATH (raw BTF or ELF vmlinux; default /sys/kernel/btf/vmlinux)
            and report it; a PATH that does not exist but is a cache key names
            <cache root>/KEY/vmlinux
  cache     list the cached kernels (key, version, size, sidecar freshness), add an
            ELF vmlinux as an entry, or clean (remove all but the --keep N newest;
            nothing is removed without --force)

Options:
  --json           one JSON object per kernel (an array for several)
  --group NAME     resolve and print only this group (repeatable): kernel, bpf_map,
                   bpf_prog, idr, scx_walker, runnable_scan, task_enrichment,
                   cpu_time, numa_stats
  --require PATH   exit 3 when this group or sub-group is missing (repeatable),
                   e.g. --require scx_walker.scx_rq
  -j, --jobs N     worker threads that share loading and resolving with the main
                   thread; 0 = inline; auto (default) = inline, measured fastest
  --base PATH      treat every PATH as split BTF over this base BTF
  --cache-dir DIR  cache root for this call (default: $KTSTR_CACHE_DIR, else
                   $XDG_CACHE_HOME/ktstr/kernels, else $HOME/.cache/ktstr/kernels)
  --no-cache       neither read nor write .btf sidecars
  --key K          cache add: the entry's key (default: the kernel release)
  --keep N         cache clean: keep the N newest entries (default 0)
  --force          cache clean: really remove
  -h, --help       show this help
  -V, --version    show the version

Exit codes: 0 loaded (missing groups are normal), 1 load or parse failure,
2 usage error, 3 a --require'd group is missing.
`;

/** Runs the CLI with `args` and returns the exit code; never throws. */
export async function main(args: string[], io: CliIo = processIo()): Promise<number> {
  try {
    const { values, positionals } = parseOptions(args, {
      json: { type: "boolean" },
      base: { type: "string" },
      group: { type: "string", multiple: true },
      require: { type: "string", multiple: true },
      jobs: { type: "string", short: "j" },
      "cache-dir": { type: "string" },
      "no-cache": { type: "boolean" },
      key: { type: "string" },
      keep: { type: "string" },
      force: { type: "boolean" },
      help: { type: "boolean", short: "h" },
      version: { type: "boolean", short: "V" },
    });
    if (values.help) {
      io.out(USAGE);
      return 0;
    }
    if (values.version) {
      io.out(`ktstr-btf ${denoJson.version}\n`);
      return 0;
    }
    const [command, ...rest] = positionals;
    if (command === undefined) throw new UsageError("missing command");
    const cache = { root: values["cache-dir"], enabled: !values["no-cache"] };
    if (command === "cache") {
      return runCache(rest, {
        json: values.json ?? false,
        key: values.key,
        keep: values.keep,
        force: values.force ?? false,
        cache,
      }, io);
    }
    if (command !== "kernel") throw new UsageError(`unknown command '${command}'`);
    for (const name of ["key", "keep", "force"] as const) {
      if (values[name] !== undefined) throw new UsageError(`--${name} is for the cache command`);
    }
    return await runKernel(rest, {
      json: values.json ?? false,
      base: values.base,
      groups: values.group ?? [],
      require: values.require ?? [],
      jobs: values.jobs ?? "auto",
      cache,
    }, io);
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(`ktstr-btf: ${printable((err as Error).message)}\n\n${USAGE}`);
      return 2;
    }
    const message = err instanceof Error ? err.message : String(err);
    io.err(`ktstr-btf: internal error: ${printable(message)}\n`);
    return 1;
  }
}

if (import.meta.main) {
  Deno.exitCode = await main(Deno.args);
}
