/**
 * The human report of `scx`: the kernel header, the root scheduler with its event counters,
 * every DSQ (kind, where, depth) with its tasks, each CPU's runnable list, and what is missing.
 * @module
 */
import type { GuestKernel } from "../guest/kernel.ts";
import type { ScxSched, ScxSnapshot, ScxTask } from "../guest/scx.ts";
import { kernelHeader, missingSection, table } from "./rq.ts";

/** The names of `scx_sched.exit_kind`'s values (enum scx_exit_kind). */
export const EXIT_KINDS: Record<number, string> = {
  0: "none",
  1: "done",
  64: "unregistered",
  65: "unregistered (bpf)",
  66: "unregistered (kernel)",
  67: "sysrq",
  68: "parent",
  1024: "error",
  1025: "error (bpf)",
  1026: "stall",
};

function taskRows(tasks: ScxTask[]): string[] {
  if (tasks.length === 0) return [];
  return table(
    ["    pid", "comm", "dsq_vtime", "slice", "weight", "runnable"],
    tasks.map((t) => [
      `    ${t.pid}`,
      t.comm,
      String(t.dsq_vtime),
      String(t.slice),
      String(t.weight),
      t.runnable_age_ms === null ? "—" : `${t.runnable_age_ms} ms`,
    ]),
  );
}

/**
 * The scheduler's state in words: `exit_kind …`, then `aborting`, `bypass_depth` and
 * `watchdog_timeout` where the kernel has them (the `missing` section says why not).
 */
export function schedState(s: ScxSched): string {
  return [
    `exit_kind ${EXIT_KINDS[s.exit_kind] ?? s.exit_kind}`,
    ...(s.aborting === null ? [] : [`aborting ${s.aborting}`]),
    ...(s.bypass_depth === null ? [] : [`bypass_depth ${s.bypass_depth}`]),
    ...(s.watchdog_timeout === null ? [] : [`watchdog_timeout ${s.watchdog_timeout} jiffies`]),
  ].join(" · ");
}

/** The human report of `snapshot`. */
export function renderScx(path: string, kernel: GuestKernel, snapshot: ScxSnapshot): string {
  const out = [...kernelHeader(path, kernel), ""];
  const s = snapshot.sched;
  if (s) {
    out.push(
      `scheduler ${s.ops}`,
      `  ${schedState(s)}`,
    );
    const events = Object.entries(s.events).filter(([, v]) => v !== 0);
    if (events.length > 0) {
      out.push("  events (summed over CPUs, zero ones left out)");
      for (const [name, v] of events) out.push(`    ${name.padEnd(36)} ${v}`);
    }
    out.push("");
  }
  out.push("dsqs");
  for (const d of snapshot.dsqs) {
    const where = d.cpu !== undefined
      ? ` cpu ${d.cpu}`
      : d.node !== undefined
      ? ` node ${d.node}`
      : "";
    out.push(`  ${d.kind}${where} (id ${d.id}) nr ${d.nr}${d.note ? ` — ${d.note}` : ""}`);
    out.push(...taskRows(d.tasks));
  }
  if (snapshot.runnable.some((r) => r.tasks.length > 0 || r.note)) {
    out.push("", "runnable lists");
    for (const r of snapshot.runnable) {
      out.push(`  cpu ${r.cpu}: ${r.tasks.length} task(s)${r.note ? ` — ${r.note}` : ""}`);
      out.push(...taskRows(r.tasks));
    }
  }
  out.push(...missingSection(snapshot.missing));
  return out.join("\n") + "\n";
}
