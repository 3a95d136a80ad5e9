/**
 * Output channels of the CLI, injectable so tests can run the CLI in process.
 * @module
 */
import { printable } from "../btf/errors.ts";

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
