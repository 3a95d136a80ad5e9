/**
 * The `offset` command: resolves member paths such as `rq.scx.local_dsq.nr`.
 * @module
 */
import { BtfError, printable } from "../btf/errors.ts";
import { resolvePath } from "../query/path.ts";
import { pathJson, renderPath } from "../report/path.ts";
import { command, ENVIRONMENT_HELP } from "./command.ts";
import { UsageError } from "./io.ts";
import { loadOne, ONE_KERNEL_HELP, ONE_KERNEL_OPTIONS } from "./one_kernel.ts";

const HELP = `Usage: ktstr-btf offset EXPR... [options]

Resolves each member path EXPR and prints its offset, size, C type and the
struct.member chain it went through. EXPR is a struct name followed by .member,
[index] and ->member steps:
  rq.scx.local_dsq.nr         members, through anonymous structs and unions
  kernel_cpustat.cpustat[5]   an array element
  rq.curr->scx.dsq_vtime      '->' follows a pointer: the offset of curr in rq,
                              then the offset of scx.dsq_vtime in task_struct
Lookups follow the groups' rules (README: Lookup rules): the first struct of the name, members
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
  summary: "resolve member paths (rq.scx.nr_running, rq.curr->scx.dsq_vtime)",
  help: HELP,
  options: ONE_KERNEL_OPTIONS,
  async run(exprs, v, io) {
    if (exprs.length === 0) throw new UsageError("offset needs an EXPR");
    const kernel = await loadOne(v, io);
    if (!kernel) return 1;
    const paths: unknown[] = [], text: string[] = [];
    const missing: Record<string, string> = {};
    for (const expr of exprs) {
      try {
        const path = resolvePath(kernel.types, expr);
        paths.push(pathJson(expr, path));
        text.push(renderPath(expr, path));
      } catch (err) {
        if (!(err instanceof BtfError)) throw err;
        missing[expr] = err.message;
        io.err(`ktstr-btf: ${printable(`${kernel.source.path}: ${err.message}`)}\n`);
      }
    }
    if (v.json) io.out(JSON.stringify({ source: kernel.source, paths, missing }, null, 2) + "\n");
    else io.out(text.join("\n"));
    return Object.keys(missing).length > 0 ? 1 : 0;
  },
});
