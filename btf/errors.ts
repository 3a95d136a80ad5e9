/**
 * The one error type of the format layer and resolvers, and the `: ` chaining rule of
 * the lookup rules (`outer: inner`).
 * @module
 */

/** An error raised while decoding BTF or resolving offsets; `message` is the full chain. */
export class BtfError extends Error {
  /** Creates an error whose message is exactly `message`. */
  constructor(message: string) {
    super(message);
    this.name = "BtfError";
  }
}

/** Prefixes a BtfError raised by `fn` with `context: `; other errors pass through untouched. */
export function withContext<T>(context: string, fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    if (err instanceof BtfError) throw new BtfError(`${context}: ${err.message}`);
    throw err;
  }
}

/** Runs `fn` and returns its value, or `null` when it throws a BtfError. */
export function orNull<T>(fn: () => T): T | null {
  try {
    return fn();
  } catch (err) {
    if (err instanceof BtfError) return null;
    throw err;
  }
}

/**
 * Makes `text` safe to print as one line of a message: C0 and C1 control characters, DEL,
 * the Unicode line/paragraph separators and the bidirectional overrides are shown as
 * escapes (`\n`, `\t`, `\r`, `\x1b`, `\u2028`), so a newline in a path cannot split a
 * message and a terminal escape in a name cannot reach the terminal. Every message the CLI
 * prints goes through it.
 */
export function printable(text: string): string {
  return text.replace(UNPRINTABLE, (c) => {
    const named = NAMED_ESCAPES[c];
    if (named) return named;
    const code = c.charCodeAt(0);
    return code <= 0xff
      ? `\\x${code.toString(16).padStart(2, "0")}`
      : `\\u${code.toString(16).padStart(4, "0")}`;
  });
}

// deno-lint-ignore no-control-regex
const UNPRINTABLE = /[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const NAMED_ESCAPES: Record<string, string> = { "\n": "\\n", "\t": "\\t", "\r": "\\r" };
