import {
  printable
} from "./chunk-PX3IRLHB.js";

// cli/io.ts
function complain(io, message) {
  io.err(`ktstr-btf: ${printable(message)}
`);
}
function processIo() {
  const enc = new TextEncoder();
  const write = (stream, text) => {
    const bytes = enc.encode(text);
    for (let done = 0; done < bytes.length; ) done += stream.writeSync(bytes.subarray(done));
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
      }
    },
    color: Deno.stdout.isTerminal() && !noColor
  };
}
var UsageError = class extends Error {
  /** Creates a usage error with a one-line message. */
  constructor(message) {
    super(message);
    this.name = "UsageError";
  }
};
var StdoutClosed = class extends Error {
  /** Creates the marker error. */
  constructor() {
    super("standard output closed");
    this.name = "StdoutClosed";
  }
};

export {
  complain,
  processIo,
  UsageError,
  StdoutClosed
};
