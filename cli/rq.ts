/**
 * The `rq` command: every possible CPU's run queue, read from a guest's memory image.
 * @module
 */
import { readRunQueues, type RqRow } from "../guest/rq.ts";
import { renderRq } from "../report/rq.ts";
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

const HELP = `Usage: ktstr-btf rq MEMORY [options]
       ktstr-btf rq MEMORY --watch [--interval SECONDS] [--count N] [options]

Every possible CPU's run queue in a guest kernel's memory: nr_running, clock, the
current task (pid, comm, scheduling class); on a sched_ext kernel, rq->scx's
nr_running, flags, cpu_released, kick_sync and the local DSQ's depth; the schedstats
and the CPU time counters. A part the kernel lacks is shown as missing, with why.

${MEMORY_HELP}

Options:
  --cpu N            only CPU N (repeatable)
${WATCH_OPTIONS_HELP}
${GUEST_OPTIONS_HELP}

Exit codes: 0 read, 1 the memory image or the kernel in it could not be read,
2 usage error.
`;

/** The `rq` command. */
export const RQ_COMMAND = command({
  name: "rq",
  help: HELP,
  options: { ...GUEST_OPTIONS, ...WATCH_OPTIONS, cpu: { type: "string", multiple: true } },
  async run(args, v, io) {
    if (args.length !== 1) throw new UsageError("rq needs one MEMORY image");
    const watch = watchSettings(v, args[0]);
    const guest = await openGuest(args[0], v, io);
    if (!guest) return 1;
    try {
      const { kernel } = guest;
      const wanted = (v.cpu ?? []).map((c) => {
        const n = Number(c);
        if (!/^\d+$/.test(c) || !kernel.cpus.includes(n)) {
          throw new UsageError(
            `--cpu takes a possible CPU (0 to ${kernel.cpus.at(-1)}), not '${c}'`,
          );
        }
        return n;
      });
      const cpus = wanted.length > 0 ? wanted : kernel.cpus;
      if (watch) return await runWatch(guest, { kind: "rq", cpus }, watch, v.json ?? false, io);
      const snapshot = readGuest(guest, io, () => readRunQueues(kernel, cpus));
      if (snapshot === null) return 1;
      if (v.json) {
        writeJson(io, {
          source: guestSource(guest.path, kernel),
          cpus: snapshot.cpus satisfies RqRow[],
          missing: snapshot.missing,
        });
      } else io.out(renderRq(guest.path, kernel, snapshot));
      return 0;
    } finally {
      guest.close();
    }
  },
});
