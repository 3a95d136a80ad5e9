/**
 * The terminal view of `rq --watch` and `scx --watch`: a screen redrawn in place, like `top`.
 * A sample becomes styled lines (a header, one row per CPU with how far its clock moved since
 * the last sample, the DSQs, the alerts); {@link frame} cuts them to the terminal's size and
 * draws them (home, each line cleared to its end, the rest of the screen cleared). A stalled
 * CPU and a DSQ past the depth bound are red, an unstable row yellow, in colour only where the
 * caller allows it (a terminal without NO_COLOR); without colour they are marked in words.
 * @module
 */
import { printable } from "../btf/errors.ts";
import type { GuestKernel } from "../guest/kernel.ts";
import type { Count } from "../guest/rq.ts";
import type { Alert, RqWatchSample, ScxWatchSample, WatchDsq } from "../guest/watch.ts";
import { kernelHeader, table } from "./rq.ts";
import { schedState } from "./scx.ts";

/** Hides the cursor and clears the screen: sent once, before the first frame. */
export const SCREEN_ENTER = "\x1b[?25l\x1b[2J";
/** Shows the cursor again, below the last frame: sent once, on the way out. */
export const SCREEN_LEAVE = "\x1b[?25h\n";

/** How a line is drawn. */
export type LineStyle = "plain" | "title" | "stall" | "unstable" | "dim";

/** A line of the screen and its style. */
export interface ScreenLine {
  text: string;
  style: LineStyle;
}

/** What the screen says besides the sample. */
export interface WatchContext {
  /** The memory image watched. */
  path: string;
  kernel: GuestKernel;
  /** `rq` or `scx`. */
  command: "rq" | "scx";
  /** Seconds between samples (0: as fast as possible). */
  interval: number;
  /** The sample's index. */
  index: number;
  /** Its time, ms since the epoch. */
  t: number;
  /** Samples per second lately. */
  rate: number;
  /** The stall rule's sample count. */
  stallSamples: number;
}

const STYLES: Record<LineStyle, string> = {
  plain: "",
  title: "\x1b[1m",
  stall: "\x1b[1;31m",
  unstable: "\x1b[33m",
  dim: "\x1b[2m",
};

/**
 * One frame: home, each line cut to `columns` and cleared to its end, at most `rows - 1`
 * lines (the last says how many more there were), then the rest of the screen cleared.
 */
export function frame(
  lines: readonly ScreenLine[],
  size: { columns: number; rows: number },
  color: boolean,
): string {
  const room = Math.max(1, size.rows - 1);
  let shown = lines;
  if (lines.length > room) {
    shown = [
      ...lines.slice(0, room - 1),
      {
        text: `… ${lines.length - room + 1} more lines (a taller terminal shows them)`,
        style: "dim",
      },
    ];
  }
  const cols = Math.max(10, size.columns);
  const out = ["\x1b[H"];
  for (const line of shown) {
    const text = [...line.text].length > cols ? [...line.text].slice(0, cols).join("") : line.text;
    const style = color ? STYLES[line.style] : "";
    out.push(style ? `${style}${text}\x1b[0m\x1b[K\n` : `${text}\x1b[K\n`);
  }
  out.push("\x1b[J");
  return out.join("");
}

const plain = (text: string): ScreenLine => ({ text, style: "plain" });

function header(ctx: WatchContext): ScreenLine[] {
  const every = ctx.interval === 0 ? "as fast as possible" : `every ${ctx.interval} s`;
  const time = new Date(ctx.t).toISOString().slice(11, 23);
  return [
    {
      text: `ktstr-btf ${ctx.command} --watch · sample ${ctx.index} · ${every} · ` +
        `${ctx.rate.toFixed(ctx.rate < 10 ? 1 : 0)} samples/s · ${time} UTC · Ctrl-C quits`,
      style: "title",
    },
    ...kernelHeader(ctx.path, ctx.kernel).map(plain),
  ];
}

/** How far a CPU's clock moved since the previous sample, ms (blank when unknown). */
function clockDelta(now: Count | null, before: Count | null | undefined): string {
  if (now === null || before === null || before === undefined) return "";
  return (Number(BigInt(now) - BigInt(before)) / 1e6).toFixed(1);
}

function stallWords(ctx: WatchContext): string {
  return `stalled: runnable tasks and a clock unmoved for ${ctx.stallSamples} samples (and ` +
    `100 ms) · unstable: two reads never agreed`;
}

function alertLines(alerts: readonly Alert[]): ScreenLine[] {
  if (alerts.length === 0) return [];
  return [
    plain(""),
    ...alerts.map((a): ScreenLine => ({
      text: a.kind === "stall"
        ? `STALL  cpu ${a.cpu}: nr_running ${a.nr_running}, clock ${a.clock} unmoved for ` +
          `${a.samples} samples (${a.ms} ms)`
        : `DSQ DEPTH  ${a.dsq_kind}${a.cpu !== undefined ? ` cpu ${a.cpu}` : ""}` +
          `${a.node !== undefined ? ` node ${a.node}` : ""} (id ${a.dsq ?? "?"}): nr ${a.nr}`,
      style: "stall",
    })),
  ];
}

function missingLines(missing: Record<string, string>): ScreenLine[] {
  const parts = Object.entries(missing);
  if (parts.length === 0) return [];
  return [
    plain(""),
    { text: "missing", style: "dim" },
    ...parts.map(([part, why]) => ({
      text: `  ${part}: ${printable(why)}`,
      style: "dim" as const,
    })),
  ];
}

/** The screen of an `rq --watch` sample (`prev`: the one before, for the clocks' progress). */
export function rqWatchLines(
  ctx: WatchContext,
  sample: RqWatchSample,
  prev: RqWatchSample | null,
): ScreenLine[] {
  const hasScx = sample.cpus.some((r) => r.scx !== null);
  const head = ["cpu", "nr_running", "clock", "Δclock ms", "curr"];
  if (hasScx) head.push("scx.nr", "scx.flags", "local_dsq.nr");
  head.push("state");
  const styles: LineStyle[] = [];
  const rows = sample.cpus.map((r) => {
    const before = prev?.cpus.find((p) => p.cpu === r.cpu)?.clock;
    if (r.unstable) {
      styles.push("unstable");
      const row = [String(r.cpu), "?", "?", "", "?"];
      if (hasScx) row.push("", "", "");
      row.push(`UNSTABLE: ${printable(r.reason)}`);
      return row;
    }
    styles.push(r.stalled || r.dsq_over_bound ? "stall" : "plain");
    const row = [
      String(r.cpu),
      String(r.nr_running),
      String(r.clock),
      clockDelta(r.clock, before),
      `${r.curr.pid} ${r.curr.comm} (${r.curr.class})`,
    ];
    if (hasScx) {
      const s = r.scx;
      row.push(
        s ? String(s.nr_running) : "—",
        s ? `0x${s.flags.toString(16)}${s.cpu_released ? " released" : ""}` : "—",
        s ? String(s.local_dsq.nr) : "—",
      );
    }
    const state = [r.stalled ? "STALLED" : "", r.dsq_over_bound ? "DSQ>BOUND" : ""]
      .filter((x) => x).join(" ");
    row.push(state || "ok");
    return row;
  });
  const [top, ...body] = table(head, rows);
  return [
    ...header(ctx),
    { text: `  ${stallWords(ctx)}`, style: "dim" },
    plain(""),
    { text: top, style: "title" },
    ...body.map((text, i) => ({ text, style: styles[i] })),
    ...alertLines(sample.alerts),
    ...missingLines(sample.missing),
  ];
}

function dsqWhere(d: WatchDsq): string {
  return d.cpu !== undefined ? `cpu ${d.cpu}` : d.node !== undefined ? `node ${d.node}` : "";
}

/** The screen of an `scx --watch` sample. */
export function scxWatchLines(
  ctx: WatchContext,
  sample: ScxWatchSample,
  prev: ScxWatchSample | null,
): ScreenLine[] {
  const out: ScreenLine[] = [
    ...header(ctx),
    { text: `  ${stallWords(ctx)}`, style: "dim" },
    plain(""),
  ];
  const s = sample.sched;
  if (s === null) out.push({ text: "no scheduler (see missing)", style: "dim" });
  else if (s.unstable) {
    out.push({ text: `scheduler UNSTABLE: ${printable(s.reason)}`, style: "unstable" });
  } else {
    out.push({
      text: `scheduler ${printable(s.ops)} · ${schedState(s)}`,
      style: s.exit_kind !== 0 || s.aborting ? "stall" : "title",
    });
    const events = Object.entries(s.events).filter(([, v]) => v !== 0)
      .map(([k, v]) => `${k.replace(/^SCX_EV_/, "")} ${v}`);
    for (let i = 0; i < events.length; i += 4) {
      out.push(plain(`  ${i === 0 ? "events:" : "       "} ${events.slice(i, i + 4).join(" · ")}`));
    }
  }
  out.push(plain(""));
  const cpuStyles: LineStyle[] = [];
  const cpuRows = sample.cpus.map((c) => {
    const before = prev?.cpus.find((p) => p.cpu === c.cpu)?.clock;
    const local = sample.dsqs.find((d) => d.kind === "local" && d.cpu === c.cpu);
    const list = sample.runnable.find((r) => r.cpu === c.cpu);
    cpuStyles.push(c.unstable ? "unstable" : c.stalled ? "stall" : "plain");
    return [
      String(c.cpu),
      c.nr_running === null ? "?" : String(c.nr_running),
      c.clock === null ? "?" : String(c.clock),
      clockDelta(c.clock, before),
      local?.nr === null || local === undefined ? "?" : String(local.nr),
      list === undefined ? "" : list.unstable ? "?" : String(list.tasks.length),
      c.unstable ? `UNSTABLE: ${printable(c.reason ?? "")}` : c.stalled ? "STALLED" : "ok",
    ];
  });
  const [cpuTop, ...cpuBody] = table(
    ["cpu", "nr_running", "clock", "Δclock ms", "local_dsq.nr", "runnable", "state"],
    cpuRows,
  );
  out.push(
    { text: cpuTop, style: "title" },
    ...cpuBody.map((text, i) => ({ text, style: cpuStyles[i] })),
  );
  if (sample.dsqs.length > 0) {
    out.push(plain(""));
    const dsqStyles: LineStyle[] = [];
    const dsqRows = sample.dsqs.map((d) => {
      dsqStyles.push(d.unstable ? "unstable" : d.over_bound ? "stall" : "plain");
      const tasks = d.tasks.slice(0, 4).map((t) => `${t.pid} ${t.comm}`).join(", ") +
        (d.tasks.length > 4 ? `, … ${d.tasks.length - 4} more` : "");
      const state = d.unstable
        ? `UNSTABLE: ${printable(d.note ?? "")}`
        : [d.over_bound ? "DEPTH>BOUND" : "", d.note ? printable(d.note) : ""]
          .filter((x) => x).join(" ");
      return [
        d.kind,
        dsqWhere(d),
        d.id ?? "?",
        d.nr === null ? "?" : String(d.nr),
        tasks,
        state,
      ];
    });
    const [top, ...body] = table(["dsq", "where", "id", "nr", "tasks", "note"], dsqRows);
    out.push(
      { text: top, style: "title" },
      ...body.map((text, i) => ({ text, style: dsqStyles[i] })),
    );
  }
  out.push(...alertLines(sample.alerts), ...missingLines(sample.missing));
  return out;
}
