/**
 * The `offset` command: resolves member paths such as `rq.scx.local_dsq.nr`.
 * @module
 */
import { resolvePath } from "../query/path.ts";
import { pathJson, renderPath } from "../report/path.ts";
import { command, ENVIRONMENT_HELP } from "./command.ts";
import { UsageError } from "./io.ts";
import { answerEach, loadOne, ONE_KERNEL_HELP, ONE_KERNEL_OPTIONS } from "./one_kernel.ts";

const HELP = `Usage: ktstr-btf offset EXPR... [options]

Resolves each member path EXPR and prints its offset, size, C type and the
struct.member chain it went through. EXPR is a struct name followed by .member,
[index] and ->member steps:
  rq.scx.local_dsq.nr         members, through anonymous structs and unions
  kernel_cpustat.cpustat[5]   an array element
  rq.curr->scx.dsq_vtime      '->' follows a pointer: the offset of curr in rq,
                              then the offset of scx.dsq_vtime in task_struct
Lookups follow the groups' rules (docs/DESIGN.md: Lookup rules): the first struct of the name, members
found as member_offset finds them. Quote EXPRs with '->' or '[' in a shell.

Options:
${ONE_KERNEL_HELP}

Exit codes: 0 every EXPR resolved, 1 an EXPR did not resolve or the kernel failed
to load, 2 usage error.

${ENVIRONMENT_HELP}
`;

/** The `offset` command. */
export const OFFSET_COMMAND = command({
  name: "offset",
  help: HELP,
  options: ONE_KERNEL_OPTIONS,
  async run(exprs, v, io) {
    if (exprs.length === 0) throw new UsageError("offset needs an EXPR");
    const kernel = await loadOne(v, io);
    if (!kernel) return 1;
    return answerEach(kernel, exprs, v.json ?? false, "paths", {
      answer: (types, arg) => resolvePath(types, arg),
      json: (arg, answer) => pathJson(arg, answer),
      text: (arg, answer) => renderPath(arg, answer),
    }, io);
  },
});
