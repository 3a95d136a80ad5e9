/**
 * `--watch` for the guest-memory commands (`rq`, `scx`): the options, and the loop that
 * samples a running guest's memory (a shared guest-RAM file, `/proc/kcore`) and writes each
 * sample, as one JSON object per line (with `--json`, or when standard output is not a
 * terminal) or as a screen redrawn in place. The kernel is found once (openGuest); each sample
 * is read by guest/watch.ts. Ctrl-C (SIGINT) and SIGTERM end the loop cleanly: exit 0, the
 * terminal restored.
 * @module
 */
import { BtfError } from "../btf/errors.ts";
import { openMemoryImage } from "../guest/image.ts";
import { RqWatch, type RqWatchSample, ScxWatch, type ScxWatchSample } from "../guest/watch.ts";
import { isStandardInput, openSource } from "../load/file.ts";
import {
  frame,
  rqWatchLines,
  SCREEN_ENTER,
  SCREEN_LEAVE,
  type ScreenLine,
  scxWatchLines,
  type WatchContext,
} from "../report/watch.ts";
import type { OptionValues } from "./args.ts";
import { guestSource, type OpenedGuest } from "./guest_load.ts";
import { type CliIo, complain, jsonText, UsageError } from "./io.ts";

/** The `--watch` options. */
export const WATCH_OPTIONS = {
  watch: { type: "boolean" },
  interval: { type: "string" },
  count: { type: "string" },
  "stall-samples": { type: "string" },
} as const;

/** Their help lines. */
export const WATCH_OPTIONS_HELP =
  `  --watch            sample again and again while the guest runs (a shared guest-RAM
                     file, /proc/kcore): one JSON object per sample per line with --json
                     or when stdout is not a terminal, else a screen redrawn in place;
                     Ctrl-C ends it
  --interval SECONDS time between samples (default 1; 0: as fast as possible)
  --count N          stop after N samples (default: until Ctrl-C)
  --stall-samples N  flag a CPU with runnable tasks whose clock has not moved for N
                     samples in a row and at least 100 ms (default 3)`;

/** How a watch runs. */
export interface WatchSettings {
  /** Seconds between samples; 0 for as fast as possible. */
  interval: number;
  /** Samples to take, or null for until interrupted. */
  count: number | null;
  /** The stall rule's sample count. */
  stallSamples: number;
}

/** The CLI's output channels, and what a test may say about the terminal. */
export interface WatchIo extends CliIo {
  /** Whether standard output is a terminal (default: asked of Deno.stdout). */
  terminal?: boolean;
  /** The terminal's size (default: Deno.consoleSize()). */
  size?: () => { columns: number; rows: number };
}

/**
 * The watch the options ask for over memory image `path`, or null without `--watch`; misuse
 * is a UsageError.
 */
export function watchSettings(
  v: OptionValues<typeof WATCH_OPTIONS>,
  path: string,
): WatchSettings | null {
  if (!v.watch) {
    for (const name of ["interval", "count", "stall-samples"] as const) {
      if (v[name] !== undefined) throw new UsageError(`--${name} needs --watch`);
    }
    return null;
  }
  if (isStandardInput(path)) {
    throw new UsageError(
      "--watch reads memory the guest is still writing (a shared RAM file, /proc/kcore), " +
        "not standard input",
    );
  }
  const interval = v.interval === undefined ? 1 : Number(v.interval);
  if (!/^\d*\.?\d+$/.test(v.interval ?? "1") || !Number.isFinite(interval) || interval > 86400) {
    throw new UsageError(`--interval takes seconds (0 to 86400), not '${v.interval}'`);
  }
  const whole = (name: "count" | "stall-samples", fallback: number | null) => {
    const text = v[name];
    if (text === undefined) return fallback;
    if (!/^\d+$/.test(text) || Number(text) < 1 || !Number.isSafeInteger(Number(text))) {
      throw new UsageError(`--${name} takes a whole number of at least 1, not '${text}'`);
    }
    return Number(text);
  };
  return {
    interval,
    count: whole("count", null),
    stallSamples: whole("stall-samples", 3)!,
  };
}

/** What to watch: the run queues (of some CPUs) or the sched_ext state. */
export type WatchTarget = { kind: "rq"; cpus: readonly number[] } | { kind: "scx" };

function consoleSize(): { columns: number; rows: number } {
  try {
    return Deno.consoleSize();
  } catch {
    return { columns: 120, rows: 40 };
  }
}

/** The signals that end a watch cleanly. */
const STOP_SIGNALS: Deno.Signal[] = ["SIGINT", "SIGTERM", "SIGHUP"];

/**
 * Watches the opened guest until `--count` samples are taken or a signal arrives; returns the
 * exit code (0, or 1 with one line when the image cannot be read again).
 */
export async function runWatch(
  guest: OpenedGuest,
  target: WatchTarget,
  settings: WatchSettings,
  json: boolean,
  io: WatchIo,
): Promise<number> {
  const terminal = !json && (io.terminal ?? Deno.stdout.isTerminal());
  const { kernel } = guest;
  // A second handle on the image: the live reads go to physical memory directly.
  let opened;
  try {
    opened = openSource(guest.path);
  } catch (err) {
    if (!(err instanceof BtfError)) throw err;
    complain(io, `${guest.path}: ${err.message}`);
    return 1;
  }
  let watch: RqWatch | ScxWatch;
  try {
    const { memory } = openMemoryImage(opened.src);
    const options = { stallSamples: settings.stallSamples };
    watch = target.kind === "rq"
      ? new RqWatch(kernel, memory, { ...options, cpus: target.cpus, counters: !terminal })
      : new ScxWatch(kernel, memory, options);
  } catch (err) {
    opened.close();
    if (!(err instanceof BtfError)) throw err;
    complain(io, `${guest.path}: ${err.message}`);
    return 1;
  }

  let stop = false, wake: (() => void) | null = null;
  const onSignal = () => {
    stop = true;
    wake?.();
  };
  const listening: Deno.Signal[] = [];
  for (const signal of STOP_SIGNALS) {
    try {
      Deno.addSignalListener(signal, onSignal);
      listening.push(signal);
    } catch {
      // Not a signal this platform has.
    }
  }
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const id = setTimeout(() => {
        wake = null;
        resolve();
      }, ms);
      wake = () => {
        clearTimeout(id);
        wake = null;
        resolve();
      };
    });

  let shown = terminal;
  const restore = () => {
    if (!shown) return;
    shown = false;
    try {
      io.out(SCREEN_LEAVE);
    } catch {
      // Standard output is gone: nothing to restore.
    }
  };
  const source = guestSource(guest.path, kernel);
  const size = io.size ?? consoleSize;
  const times: number[] = [];
  let prev: RqWatchSample | ScxWatchSample | null = null;
  if (terminal) io.out(SCREEN_ENTER);
  try {
    const intervalMs = settings.interval * 1000;
    let due = performance.now(), yielded = due;
    for (let index = 0; !stop && (settings.count === null || index < settings.count); index++) {
      const t = Math.round((performance.timeOrigin + performance.now()) * 1000) / 1000;
      const sample = watch.sample(t);
      if (terminal) {
        times.push(t);
        while (times.length > 1 && t - times[0] > 2000) times.shift();
        const rate = times.length > 1 ? (times.length - 1) * 1000 / (t - times[0]) : 0;
        const ctx: WatchContext = {
          path: guest.path,
          kernel,
          command: target.kind,
          interval: settings.interval,
          index,
          t,
          rate,
          stallSamples: settings.stallSamples,
        };
        const lines: ScreenLine[] = target.kind === "rq"
          ? rqWatchLines(ctx, sample as RqWatchSample, prev as RqWatchSample | null)
          : scxWatchLines(ctx, sample as ScxWatchSample, prev as ScxWatchSample | null);
        io.out(frame(lines, size(), io.color));
      } else {
        io.out(jsonText({ t, sample: index, source, ...sample }));
      }
      prev = sample;
      if (settings.count !== null && index + 1 >= settings.count) break;
      const now = performance.now();
      if (intervalMs > 0) {
        due += intervalMs;
        if (due < now) due = now; // behind: the next sample now, no burst to catch up
        await sleep(due - now);
      } else if (now - yielded >= 20) {
        // As fast as possible, but the event loop turns now and then so a signal gets in.
        await sleep(0);
        yielded = performance.now();
      }
    }
    return 0;
  } catch (err) {
    if (!(err instanceof BtfError)) throw err;
    restore();
    complain(io, `${guest.path}: ${err.message}`);
    return 1;
  } finally {
    restore();
    for (const signal of listening) Deno.removeSignalListener(signal, onSignal);
    opened.close();
  }
}
