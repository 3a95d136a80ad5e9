/**
 * The human report of `rq`: a header naming the kernel and how it was found, then one row per
 * CPU (nr_running, clock, the current task, and the sched_ext columns on a sched_ext
 * kernel), then the schedstats and CPU time per CPU, then what is missing and why.
 * @module
 */
import type { GuestKernel } from "../guest/kernel.ts";
import type { RqSnapshot } from "../guest/rq.ts";

/** A table's lines: `rows` under `header`, each column as wide as its widest cell. */
export function table(header: string[], rows: string[][]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => i === cells.length - 1 ? c : c.padEnd(widths[i])).join("  ").trimEnd();
  return [line(header), ...rows.map(line)];
}

/** The lines that say which kernel this is and where its parts came from. */
export function kernelHeader(path: string, kernel: GuestKernel): string[] {
  const kaslr = kernel.kaslrOffset === 0n ? "none" : `0x${kernel.kaslrOffset.toString(16)}`;
  return [
    path,
    `  Linux ${kernel.vmcoreinfo.release} · ${kernel.cpus.length} possible CPUs · ` +
    `${kernel.paging.levels}-level paging · KASLR offset ${kaslr}`,
    `  VMCOREINFO from ${kernel.vmcoreinfoFrom === "note" ? "its ELF note" : "guest RAM"} · ` +
    `symbols: ${kernel.symbols.origin} (${kernel.symbols.size}) · BTF: ${kernel.btfFrom} ` +
    `(${kernel.types.count} types)`,
  ];
}

/** The closing `missing` section of a guest report: each part, then why; none when empty. */
export function missingSection(missing: Record<string, string>): string[] {
  const parts = Object.entries(missing);
  if (parts.length === 0) return [];
  return ["", "missing", ...parts.flatMap(([part, why]) => [`  ${part}`, `    ${why}`])];
}

/** The human report of `snapshot`. */
export function renderRq(path: string, kernel: GuestKernel, snapshot: RqSnapshot): string {
  const hasScx = snapshot.cpus.some((r) => r.scx !== null);
  const header = ["cpu", "nr_running", "clock", "curr"];
  if (hasScx) header.push("scx.nr", "scx.flags", "released", "kick_sync", "local_dsq.nr");
  const rows = snapshot.cpus.map((r) => {
    const row = [
      String(r.cpu),
      String(r.nr_running),
      String(r.clock),
      `${r.curr.pid} ${r.curr.comm} (${r.curr.class})`,
    ];
    if (hasScx) {
      const s = r.scx;
      row.push(
        s ? String(s.nr_running) : "—",
        s ? `0x${s.flags.toString(16)}` : "—",
        s ? (s.cpu_released ? "yes" : "no") : "—",
        s ? String(s.kick_sync) : "—",
        s ? String(s.local_dsq.nr) : "—",
      );
    }
    return row;
  });
  const out = [...kernelHeader(path, kernel), "", ...table(header, rows)];
  const counters = (key: "schedstat" | "cpustat", title: string) => {
    const first = snapshot.cpus.find((r) => r[key] !== null)?.[key];
    if (!first) return;
    const names = Object.keys(first);
    out.push("", title);
    out.push(
      ...table(
        ["cpu", ...names],
        snapshot.cpus.map((r) => [String(r.cpu), ...names.map((n) => String(r[key]?.[n] ?? "—"))]),
      ),
    );
  };
  counters("schedstat", "schedstat");
  counters("cpustat", "cpustat (ns)");
  out.push(...missingSection(snapshot.missing));
  return out.join("\n") + "\n";
}
