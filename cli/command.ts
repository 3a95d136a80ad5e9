/**
 * What every CLI command declares: its name, its own help text, its options, and how it runs.
 * One file in `cli/` per command; `cli.ts` lists them with their one-line summaries and loads a
 * command's module only when it runs.
 * @module
 */
import type { OptionSpec, OptionValues } from "./args.ts";
import type { LoadOptions } from "./batch.ts";
import type { CliIo } from "./io.ts";

/** A subcommand of `ktstr-btf`. */
export interface Command<S extends Record<string, OptionSpec> = Record<string, OptionSpec>> {
  /** The word that selects it (`kernel`). */
  readonly name: string;
  /** The text `ktstr-btf <name> --help` prints: usage, options, exit codes, environment. */
  readonly help: string;
  /** Its options (`-h/--help` is added for every command). */
  readonly options: S;
  /** Runs it; returns the exit code. Usage errors are thrown as UsageError. */
  run(positionals: string[], values: OptionValues<S>, io: CliIo): number | Promise<number>;
}

/** Declares a command (keeps its option types for `run`). */
export function command<S extends Record<string, OptionSpec>>(c: Command<S>): Command<S> {
  return c;
}

/** Options shared by commands that load kernels. */
export const LOAD_OPTIONS = {
  json: { type: "boolean" },
  base: { type: "string" },
  jobs: { type: "string", short: "j" },
  "cache-dir": { type: "string" },
  "no-cache": { type: "boolean" },
} as const satisfies Record<string, OptionSpec>;

/** The {@link LoadOptions} that the parsed {@link LOAD_OPTIONS} ask for. */
export function loadOptions(v: OptionValues<typeof LOAD_OPTIONS>): LoadOptions {
  return {
    base: v.base,
    jobs: v.jobs ?? "auto",
    cache: { root: v["cache-dir"], enabled: !v["no-cache"] },
  };
}

/** The help lines of {@link LOAD_OPTIONS}. */
export const LOAD_OPTIONS_HELP = `  --json           JSON instead of the human report
  --base PATH      read every PATH as split BTF (a module's) over this base BTF
  -j, --jobs N     worker threads that share loading and resolving with the main
                   thread: 0 = inline, auto (default) = chosen by measured cost
  --cache-dir DIR  cache root for this call
  --no-cache       neither read nor write .btf sidecars
  -h, --help       show this help`;

/** The environment variables every loading command reads. */
export const ENVIRONMENT_HELP = `Environment:
  KTSTR_CACHE_DIR  the cache root, used as given (must be absolute)
  XDG_CACHE_HOME   else the root is $XDG_CACHE_HOME/ktstr/kernels
  HOME             else the root is $HOME/.cache/ktstr/kernels
  NO_COLOR         no colour even on a terminal`;
