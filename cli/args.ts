/**
 * Command-line option parsing. node:util's parseArgs would do, but importing any node:
 * module starts Deno's Node compatibility layer, measured at ~8 ms of a ~50 ms run, so the
 * CLI parses its handful of options itself.
 * @module
 */
import { UsageError } from "./io.ts";
import { didYouMean } from "./suggest.ts";

/** How one option is written and what it holds. */
export interface OptionSpec {
  /** `boolean` flags take no value; `string` options take one. */
  type: "boolean" | "string";
  /** One-letter alias (`-j`). */
  short?: string;
  /** Whether the option may repeat (values collect into an array). */
  multiple?: boolean;
}

/** The parsed value type of each option of `S`. */
export type OptionValues<S extends Record<string, OptionSpec>> = {
  [K in keyof S]?: S[K]["type"] extends "boolean" ? boolean
    : S[K]["multiple"] extends true ? string[]
    : string;
};

/**
 * Splits `args` into options and positionals (everything else, `-` included, and everything
 * after `--`). Options are written `--name`, `--name=value`, `--name value`, `-x value` and
 * `-xvalue`. Unknown options (with the nearest known one), missing values and values given
 * to flags are usage errors.
 */
export function parseOptions<S extends Record<string, OptionSpec>>(
  args: string[],
  specs: S,
): { values: OptionValues<S>; positionals: string[] } {
  const values: Record<string, boolean | string | string[]> = {};
  const positionals: string[] = [];
  const byShort = new Map(
    Object.entries(specs).filter(([, s]) => s.short).map(([n, s]) => [s.short!, n]),
  );
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === "--") {
      positionals.push(...args.slice(i + 1));
      break;
    }
    if (!arg.startsWith("-") || arg === "-") {
      positionals.push(arg);
      continue;
    }
    const long = arg.startsWith("--");
    const eq = long ? arg.indexOf("=") : -1;
    const written = long ? (eq > 0 ? arg.slice(0, eq) : arg) : arg.slice(0, 2);
    const name = long ? written.slice(2) : byShort.get(written.slice(1));
    const spec = name === undefined ? undefined : Object.hasOwn(specs, name) && specs[name];
    if (!spec) {
      const known = Object.keys(specs).map((n) => `--${n}`);
      throw new UsageError(`unknown option '${written}'${didYouMean(written, known)}`);
    }
    // A short option's value may be attached (`-j2`); a long one's follows `=`.
    const attached = long ? (eq > 0 ? arg.slice(eq + 1) : undefined) : arg.slice(2) || undefined;
    if (spec.type === "boolean") {
      if (attached !== undefined) throw new UsageError(`option '${written}' takes no value`);
      values[name!] = true;
      continue;
    }
    const value = attached ?? args[++i];
    if (value === undefined) throw new UsageError(`option '${written}' needs a value`);
    values[name!] = spec.multiple ? [...(values[name!] as string[] ?? []), value] : value;
  }
  return { values: values as OptionValues<S>, positionals };
}
