/**
 * The `diff` command: what changed between kernels, group leaves and struct layouts.
 * @module
 */
import { findStruct } from "../btf/queries.ts";
import { orNull } from "../btf/errors.ts";
import type { BtfTypes } from "../btf/table.ts";
import { diffLayouts, diffReports } from "../query/diff.ts";
import { type Layout, structLayout } from "../query/layout.ts";
import { diffJson, type KernelDiff, renderDiff } from "../report/diff.ts";
import { errorEntry } from "../report/json.ts";
import { GROUP_NAMES } from "../resolvers/names.ts";
import {
  command,
  ENVIRONMENT_HELP,
  LOAD_OPTIONS,
  LOAD_OPTIONS_HELP,
  loadOptions,
} from "./command.ts";
import { complain, UsageError, writeJson } from "./io.ts";
import { loadKernels } from "./batch.ts";

/** Exit code when the kernels differ (as diff(1)). */
export const EXIT_DIFFER = 1;
/** Exit code on any error, a kernel that fails to load included (as diff(1)). */
export const EXIT_TROUBLE = 2;

const HELP = `Usage: ktstr-btf diff A B [C...] [options]

Shows what changed from kernel A to kernel B (then B to C, ...): every offset group
leaf, the groups missing on one side, and with --struct the layouts of those structs.
Each change is moved, added, removed or resized, with the struct.member it reads.
A, B, ... are raw BTF, ELF vmlinux, vmlinuz, '-' for standard input, or cache keys.

Options:
  --struct NAME    also compare this struct's layout, member by member (repeatable)
${LOAD_OPTIONS_HELP}

Exit codes: 0 the kernels are identical, 1 they differ, 2 error (usage, or a kernel
failed to load).

${ENVIRONMENT_HELP}
`;

function layoutOf(types: BtfTypes, name: string): Layout | null {
  return orNull(() => structLayout(types, findStruct(types, name)));
}

/** The `diff` command. */
export const DIFF_COMMAND = command({
  name: "diff",
  help: HELP,
  options: { ...LOAD_OPTIONS, struct: { type: "string", multiple: true } },
  async run(paths, v, io) {
    if (paths.length < 2) throw new UsageError("diff needs two kernels, A and B");
    const structs = v.struct ?? [];
    // Layouts need the tables themselves; otherwise each kernel's memory is recycled.
    const keep = structs.length > 0;
    const outcomes = await loadKernels(paths, loadOptions(v), [...GROUP_NAMES], io, keep);
    const failed = outcomes.filter((o) => "error" in o);
    if (failed.length > 0) {
      for (const o of failed) if ("error" in o) complain(io, o.error);
      if (v.json) {
        const entries = outcomes.map((o) => "error" in o ? errorEntry(o.path, o.error) : o.source);
        writeJson(io, { kernels: entries });
      }
      return EXIT_TROUBLE;
    }
    const kernels = outcomes.flatMap((o) => "error" in o ? [] : [o]);
    const diffs: KernelDiff[] = [];
    for (let i = 1; i < kernels.length; i++) {
      const a = kernels[i - 1], b = kernels[i];
      const changes = diffReports(a.resolved, b.resolved);
      for (const name of structs) {
        changes.push(...diffLayouts(name, layoutOf(a.types!, name), layoutOf(b.types!, name)));
      }
      diffs.push({ from: a.source.path, to: b.source.path, changes });
    }
    if (v.json) {
      const kernelSources = kernels.map((k) => k.source);
      writeJson(io, { kernels: kernelSources, diffs: diffs.map(diffJson) });
    } else {
      io.out(diffs.map(renderDiff).join("\n"));
    }
    return diffs.some((d) => d.changes.length > 0) ? EXIT_DIFFER : 0;
  },
});
