/**
 * The `scx` command: the sched_ext state in a guest's memory image.
 * @module
 */
import { readScx } from "../guest/scx.ts";
import { renderScx } from "../report/scx.ts";
import { command } from "./command.ts";
import {
  GUEST_OPTIONS,
  GUEST_OPTIONS_HELP,
  guestSource,
  MEMORY_HELP,
  openGuest,
  readGuest,
} from "./guest_load.ts";
import { UsageError, writeJson } from "./io.ts";
import { runWatch, WATCH_OPTIONS, WATCH_OPTIONS_HELP, watchSettings } from "./watch.ts";

const HELP = `Usage: ktstr-btf scx MEMORY [options]
       ktstr-btf scx MEMORY --watch [--interval SECONDS] [--count N] [options]

The sched_ext state in a guest kernel's memory: the root scheduler (ops name, exit
kind, aborting, bypass_depth, watchdog_timeout, the event counters summed over CPUs),
every dispatch queue (local per CPU, global per node, bypass per CPU, the user DSQs)
with its depth and its tasks (pid, comm, dsq_vtime, slice, weight, how long runnable),
and each CPU's runnable list: what sched_ext's SysRq-D dump shows, plus the DSQ
contents it leaves out. Walks stop at 4096 entries or a loop, with a note.

${MEMORY_HELP}

Options:
${WATCH_OPTIONS_HELP}
${GUEST_OPTIONS_HELP}

Exit codes: 0 read, 1 the memory image or the kernel in it could not be read,
2 usage error.
`;

/** The `scx` command. */
export const SCX_COMMAND = command({
  name: "scx",
  help: HELP,
  options: { ...GUEST_OPTIONS, ...WATCH_OPTIONS },
  async run(args, v, io) {
    if (args.length !== 1) throw new UsageError("scx needs one MEMORY image");
    const watch = watchSettings(v, args[0]);
    const guest = await openGuest(args[0], v, io);
    if (!guest) return 1;
    try {
      if (watch) return await runWatch(guest, { kind: "scx" }, watch, v.json ?? false, io);
      const snapshot = readGuest(guest, io, () => readScx(guest.kernel));
      if (snapshot === null) return 1;
      if (v.json) writeJson(io, { source: guestSource(guest.path, guest.kernel), ...snapshot });
      else io.out(renderScx(guest.path, guest.kernel, snapshot));
      return 0;
    } finally {
      guest.close();
    }
  },
});
