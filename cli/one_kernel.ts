/**
 * What the single-kernel query commands (`struct`, `offset`, `enum`) share: the `--kernel`
 * option and loading it through {@link loadKernels}, as `kernel` loads its inputs.
 * @module
 */
import { BtfError } from "../btf/errors.ts";
import type { BtfTypes } from "../btf/table.ts";
import type { SourceInfo } from "../report/json.ts";
import type { OptionValues } from "./args.ts";
import { LOAD_OPTIONS, LOAD_OPTIONS_HELP, loadOptions } from "./command.ts";
import { type CliIo, complain, writeJson } from "./io.ts";
import { DEFAULT_BTF_PATH, loadKernels } from "./batch.ts";

/** The options of a single-kernel query command. */
export const ONE_KERNEL_OPTIONS = {
  ...LOAD_OPTIONS,
  kernel: { type: "string", short: "k" },
} as const;

/** Their help lines. */
export const ONE_KERNEL_HELP =
  `  -k, --kernel PATH  the kernel to read: raw BTF, ELF vmlinux, '-' for standard
                   input, or a cache key; default ${DEFAULT_BTF_PATH}
${LOAD_OPTIONS_HELP}`;

/** A loaded kernel: its table and where it came from. */
export interface OneKernel {
  /** The type table. */
  types: BtfTypes;
  /** The `source` object of the kernel report. */
  source: SourceInfo;
}

/**
 * Loads the `--kernel` input (no groups resolved); null after printing the one-line error
 * when it fails to load.
 */
export async function loadOne(
  v: OptionValues<typeof ONE_KERNEL_OPTIONS>,
  io: CliIo,
): Promise<OneKernel | null> {
  const paths = v.kernel ? [v.kernel] : [];
  const [outcome] = await loadKernels(paths, loadOptions(v), [], io, true);
  if ("error" in outcome) {
    complain(io, outcome.error);
    return null;
  }
  return { types: outcome.types!, source: outcome.source };
}

/** Records that `arg` failed with `message` and says so on standard error, naming the kernel. */
export function noteFailure(
  kernel: OneKernel,
  missing: Record<string, string>,
  arg: string,
  message: string,
  io: CliIo,
): void {
  missing[arg] = message;
  const where = arg.startsWith("--") ? `${arg}: ` : "";
  complain(io, `${kernel.source.path}: ${where}${message}`);
}

/** A query's answers, how to print one, and the arguments that failed (argument → error). */
export interface Answers<T> {
  /** The answers, in argument order. */
  values: T[];
  /** An answer's JSON form. */
  json(value: T): unknown;
  /** An answer's human form. */
  text(value: T): string;
  /** The arguments that failed, with their error. */
  missing: Record<string, string>;
}

/**
 * Prints a query's answers: JSON `{source, <key>: [json forms], missing}`, or the human forms
 * (only the form printed is built); returns the exit code (1 when any argument failed).
 */
export function printAnswers<T>(
  kernel: OneKernel,
  json: boolean,
  key: string,
  answers: Answers<T>,
  io: CliIo,
): number {
  const { values, missing } = answers;
  if (json) {
    writeJson(io, { source: kernel.source, [key]: values.map((v) => answers.json(v)), missing });
  } else io.out(values.map((v) => answers.text(v)).join("\n"));
  return Object.keys(missing).length > 0 ? 1 : 0;
}

/** How a query command answers one argument: the answer, and its JSON and text forms. */
export interface Answerer<T> {
  /** The answer for `arg`, or a BtfError. */
  answer(types: BtfTypes, arg: string): T;
  /** Its JSON form. */
  json(arg: string, answer: T): unknown;
  /** Its human form. */
  text(arg: string, answer: T): string;
}

/** Answers every argument (a BtfError fails that argument alone) and prints the answers under `key`. */
export function answerEach<T>(
  kernel: OneKernel,
  args: string[],
  json: boolean,
  key: string,
  a: Answerer<T>,
  io: CliIo,
): number {
  const answers: Answers<{ arg: string; answer: T }> = {
    values: [],
    json: ({ arg, answer }) => a.json(arg, answer),
    text: ({ arg, answer }) => a.text(arg, answer),
    missing: {},
  };
  for (const arg of args) {
    try {
      answers.values.push({ arg, answer: a.answer(kernel.types, arg) });
    } catch (err) {
      if (!(err instanceof BtfError)) throw err;
      noteFailure(kernel, answers.missing, arg, err.message, io);
    }
  }
  return printAnswers(kernel, json, key, answers, io);
}
