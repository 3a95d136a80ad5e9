/**
 * The `struct` command: the layout of each named struct or union, as pahole prints it.
 * @module
 */
import { BtfError, orNull } from "../btf/errors.ts";
import { findMember } from "../btf/queries.ts";
import type { BtfTypes } from "../btf/table.ts";
import { compositeOf } from "../query/members.ts";
import { type Layout, structLayout, structsNamed } from "../query/layout.ts";
import { layoutJson, renderLayout } from "../report/layout.ts";
import { command, ENVIRONMENT_HELP } from "./command.ts";
import { UsageError } from "./io.ts";
import {
  loadOne,
  noteFailure,
  ONE_KERNEL_HELP,
  ONE_KERNEL_OPTIONS,
  printAnswers,
} from "./one_kernel.ts";

const HELP = `Usage: ktstr-btf struct NAME... [options]

Prints the layout of each struct or union NAME the way 'pahole -C NAME' does: every
member with its offset, size and C type, bit offset and width of bitfields, anonymous
structs and unions expanded in place, holes, trailing padding and the total size. A name
defined more than once is printed once per definition, each with its type id.

Options:
  --expand PATH    also lay out this member's struct or union in place (a dotted
                   member path from NAME, e.g. scx.local_dsq; repeatable)
${ONE_KERNEL_HELP}

Exit codes: 0 every NAME printed, 1 a NAME is not a struct or union or the kernel
failed to load, 2 usage error.

${ENVIRONMENT_HELP}
`;

function hasMember(types: BtfTypes, id: number, name: string): boolean {
  return orNull(() => findMember(types, compositeOf(types, id), name)) !== null;
}

/** The `struct` command. */
export const STRUCT_COMMAND = command({
  name: "struct",
  help: HELP,
  options: { ...ONE_KERNEL_OPTIONS, expand: { type: "string", multiple: true } },
  async run(names, v, io) {
    if (names.length === 0) throw new UsageError("struct needs a NAME");
    const kernel = await loadOne(v, io);
    if (!kernel) return 1;
    const layouts: Layout[] = [];
    const missing: Record<string, string> = {};
    const expand = v.expand ?? [], used = new Set<string>();
    for (const name of names) {
      try {
        for (const id of structsNamed(kernel.types, name)) {
          // An --expand path applies to each NAME that has its first member.
          const mine = expand.filter((p) => hasMember(kernel.types, id, p.split(".")[0]));
          for (const p of mine) used.add(p);
          layouts.push(structLayout(kernel.types, id, mine));
        }
      } catch (err) {
        if (!(err instanceof BtfError)) throw err;
        noteFailure(kernel, missing, name, err.message, io);
      }
    }
    for (const p of expand.filter((p) => !used.has(p))) {
      const message = `btf: no NAME has a member '${p.split(".")[0]}'`;
      noteFailure(kernel, missing, `--expand ${p}`, message, io);
    }
    const answers = { values: layouts, json: layoutJson, text: renderLayout, missing };
    return printAnswers(kernel, v.json ?? false, "structs", answers, io);
  },
});
