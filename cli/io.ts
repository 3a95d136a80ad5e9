/**
 * Output channels of the CLI, injectable so tests can run the CLI in process.
 * @module
 */
import { printable, UNPRINTABLE_BEYOND_C0 } from "../btf/errors.ts";

/** Where the CLI writes, and what it knows about its terminal. */
export interface CliIo {
  /** Writes text to standard output. */
  out(text: string): void;
  /** Writes text to standard error. */
  err(text: string): void;
  /** Whether colour may be used on standard output (a TTY without NO_COLOR). */
  color: boolean;
}

/** Writes `message` to standard error as one `ktstr-btf: ` line (control characters escaped). */
export function complain(io: CliIo, message: string): void {
  io.err(`ktstr-btf: ${printable(message)}\n`);
}

/**
 * `value` as JSON and a newline, indented by `indent` spaces (0: one line). JSON.stringify
 * escapes the C0 controls; the other characters a terminal may act on (DEL and the C1
 * controls, such as 0x9b, CSI; see UNPRINTABLE_BEYOND_C0) are written as `\uXXXX` escapes
 * too, which any JSON reader decodes to the same string.
 */
export function jsonText(value: unknown, indent = 0): string {
  return JSON.stringify(value, null, indent).replace(UNPRINTABLE_BEYOND_C0, jsonEscape) + "\n";
}

/** Writes `value` as indented JSON and a newline (see {@link jsonText}). */
export function writeJson(io: CliIo, value: unknown): void {
  io.out(jsonText(value, 2));
}

function jsonEscape(c: string): string {
  return `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`;
}

/** The real process streams. */
export function processIo(): CliIo {
  const enc = new TextEncoder();
  const write = (stream: { writeSync(p: Uint8Array): number }, text: string) => {
    const bytes = enc.encode(text);
    for (let done = 0; done < bytes.length;) done += stream.writeSync(bytes.subarray(done));
  };
  const noColor = (Deno.env.get("NO_COLOR") ?? "") !== "";
  return {
    out(text) {
      try {
        write(Deno.stdout, text);
      } catch (err) {
        if (err instanceof Deno.errors.BrokenPipe) throw new StdoutClosed();
        throw err;
      }
    },
    err(text) {
      try {
        write(Deno.stderr, text);
      } catch {
        // Nowhere left to report to.
      }
    },
    color: Deno.stdout.isTerminal() && !noColor,
  };
}

/** A usage error: the CLI prints the message and the usage, and exits 2. */
export class UsageError extends Error {
  /** Creates a usage error with a one-line message. */
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

/** Standard output was closed by its reader (`| head`): the run ends quietly. */
export class StdoutClosed extends Error {
  /** Creates the marker error. */
  constructor() {
    super("standard output closed");
    this.name = "StdoutClosed";
  }
}
