/**
 * What the single-kernel query commands (`struct`, `offset`, `enum`) share: the `--kernel`
 * option and loading it through {@link loadKernels}, as `kernel` loads its inputs.
 * @module
 */
import { printable } from "../btf/errors.ts";
import type { BtfTypes } from "../btf/table.ts";
import type { SourceInfo } from "../report/json.ts";
import type { OptionValues } from "./args.ts";
import { LOAD_OPTIONS, LOAD_OPTIONS_HELP } from "./command.ts";
import type { CliIo } from "./io.ts";
import { DEFAULT_BTF_PATH, loadKernels } from "./kernel.ts";

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
  const opts = {
    base: v.base,
    jobs: v.jobs ?? "auto",
    cache: { root: v["cache-dir"], enabled: !v["no-cache"] },
  };
  const [outcome] = await loadKernels(v.kernel ? [v.kernel] : [], opts, [], io, true);
  if ("error" in outcome) {
    io.err(`ktstr-btf: ${printable(outcome.error)}\n`);
    return null;
  }
  return { types: outcome.types!, source: outcome.source };
}
