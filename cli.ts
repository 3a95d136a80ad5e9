/**
 * The `ktstr-btf` command line. Each command lives in its own file in `cli/` and is listed in
 * {@link COMMANDS}; this file parses the command word, the options of that command, and maps
 * every failure to one line and an exit code.
 *
 *     ktstr-btf kernel /sys/kernel/btf/vmlinux --json
 *
 * Exit codes: 0 success, 1 load or parse failure, 2 usage error, 3 a required group is
 * missing; 141 (128 + SIGPIPE) when standard output is closed early, silently.
 * @module
 */
import denoJson from "./deno.json" with { type: "json" };
import { parseOptions } from "./cli/args.ts";
import type { Command } from "./cli/command.ts";
import { type CliIo, complain, processIo, StdoutClosed, UsageError } from "./cli/io.ts";
import { didYouMean } from "./cli/suggest.ts";
/** A command as the dispatcher knows it: its module is loaded only when it is used. */
export interface CommandEntry {
  /** The word that selects it. */
  readonly name: string;
  /** One line for `ktstr-btf --help`. */
  readonly summary: string;
  /** Loads the command's module (a run of `kernel` never loads the query commands' code). */
  load(): Promise<Command>;
}

/** Every command, in help order. */
export const COMMANDS: readonly CommandEntry[] = [
  {
    name: "kernel",
    summary: "report each kernel's offset groups (raw BTF, ELF vmlinux, '-', a cache key)",
    load: () => import("./cli/kernel.ts").then((m) => m.KERNEL_COMMAND as Command),
  },
  {
    name: "struct",
    summary: "print struct layouts like pahole (offsets, sizes, types, holes)",
    load: () => import("./cli/struct.ts").then((m) => m.STRUCT_COMMAND as Command),
  },
  {
    name: "offset",
    summary: "resolve member paths (rq.scx.nr_running, rq.curr->scx.dsq_vtime)",
    load: () => import("./cli/offset.ts").then((m) => m.OFFSET_COMMAND as Command),
  },
  {
    name: "enum",
    summary: "enum values from BTF (ENUM and ENUM64, signedness)",
    load: () => import("./cli/enum.ts").then((m) => m.ENUM_COMMAND as Command),
  },
  {
    name: "diff",
    summary: "what changed between kernels (groups, struct layouts)",
    load: () => import("./cli/diff.ts").then((m) => m.DIFF_COMMAND as Command),
  },
  {
    name: "rq",
    summary: "every CPU's run queue in a guest's memory dump (BTF only, no debuginfo)",
    load: () => import("./cli/rq.ts").then((m) => m.RQ_COMMAND as Command),
  },
  {
    name: "scx",
    summary: "the sched_ext scheduler, its DSQs and their tasks in a guest's memory dump",
    load: () => import("./cli/scx.ts").then((m) => m.SCX_COMMAND as Command),
  },
  {
    name: "cache",
    summary: "list, add or clean the cached kernels (ktstr's cache layout)",
    load: () => import("./cli/cache.ts").then((m) => m.CACHE_COMMAND as Command),
  },
];

/** Exit code when standard output was closed before the output was written (as a shell shows a SIGPIPE death). */
export const EXIT_STDOUT_CLOSED = 141;

/** The global help text (`ktstr-btf --help`). */
export function usage(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length)) + 2;
  return `ktstr-btf ${denoJson.version}: kernel struct offsets from BTF

Usage: ktstr-btf <command> [options] [args]
       ktstr-btf <command> --help
       ktstr-btf --help | --version

Commands:
${COMMANDS.map((c) => `  ${c.name.padEnd(width)}${c.summary}`).join("\n")}

Exit codes: 0 success, 1 load or parse failure, 2 usage error, 3 a --require'd group
is missing, 141 standard output closed early (nothing more is printed).
`;
}

/** Runs the CLI with `args` and returns the exit code; never throws. */
export async function main(args: string[], io: CliIo = processIo()): Promise<number> {
  let seeHelp = "ktstr-btf --help";
  try {
    const [first, ...rest] = args;
    if (first === undefined) throw new UsageError("missing command");
    if (first === "-h" || first === "--help" || first === "help") {
      const named = first === "help" ? rest[0] : undefined;
      const entry = COMMANDS.find((c) => c.name === named);
      io.out(entry ? (await entry.load()).help : usage());
      return 0;
    }
    if (first === "-V" || first === "--version") {
      io.out(`ktstr-btf ${denoJson.version}\n`);
      return 0;
    }
    const entry = COMMANDS.find((c) => c.name === first);
    if (!entry) {
      if (first.startsWith("-")) {
        throw new UsageError(`unknown option '${first}' before the command`);
      }
      const names = COMMANDS.map((c) => c.name);
      throw new UsageError(`unknown command '${first}'${didYouMean(first, names)}`);
    }
    seeHelp = `ktstr-btf ${entry.name} --help`;
    const cmd = await entry.load();
    const specs = { ...cmd.options, help: { type: "boolean", short: "h" } } as const;
    const { values, positionals } = parseOptions(rest, specs);
    if (values.help) {
      io.out(cmd.help);
      return 0;
    }
    return await cmd.run(positionals, values, io);
  } catch (err) {
    if (err instanceof StdoutClosed) return EXIT_STDOUT_CLOSED;
    if (err instanceof UsageError) {
      complain(io, `${err.message}; see '${seeHelp}'`);
      return 2;
    }
    const message = err instanceof Error ? err.message : String(err);
    complain(io, `internal error: ${message}`);
    return 1;
  }
}

if (import.meta.main) {
  const code = await main(Deno.args);
  // Deno writes the code cache of a module it has just compiled when its event loop next
  // turns, which a run that only awaits promises never lets it do: one empty write does, so
  // the next run loads this file's compiled code instead of compiling it again (~9 ms).
  await Deno.stdout.write(new Uint8Array(0)).catch(() => 0);
  // Everything is written (synchronously) and the pool closed by now: exiting at once skips
  // tearing down the heap and the tables' memory, which only costs time.
  Deno.exit(code);
}
