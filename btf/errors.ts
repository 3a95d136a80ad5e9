/**
 * The one error type of the format layer and resolvers (and its one refinement, an ELF
 * without BTF), and the `: ` chaining rule of the lookup rules (`outer: inner`).
 * @module
 */

/** An error raised while decoding BTF or resolving offsets; `message` is the full chain. */
export class BtfError extends Error {
  /** Creates an error whose message is exactly `message`. */
  constructor(message: string) {
    super(message);
    this.name = "BtfError";
  }

  /** This error, of the same class, with `context: ` before its message. */
  prefixed(context: string): BtfError {
    const Class = this.constructor as new (message: string) => BtfError;
    return new Class(`${context}: ${this.message}`);
  }
}

/** Why an ELF vmlinux or module has no `.BTF` section. */
export const BUILT_WITHOUT_BTF =
  "the kernel was built without BTF (CONFIG_DEBUG_INFO_BTF; a module: CONFIG_DEBUG_INFO_BTF_MODULES)";

/**
 * An ELF (read as it is, or decompressed from an image) that has no `.BTF` section: the
 * kernel input is sound, its kernel was built without BTF. A scan that finds only such an ELF
 * reports it (not "not recognized").
 */
export class NoBtfError extends BtfError {}

/** Prefixes a BtfError raised by `fn` with `context: `; other errors pass through untouched. */
export function withContext<T>(context: string, fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    if (err instanceof BtfError) throw err.prefixed(context);
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

/** DEL, the C1 controls, the line and paragraph separators, the bidirectional-text controls. */
const BEYOND_C0 = "\\x7f-\\x9f\\u2028\\u2029\\u202a-\\u202e\\u2066-\\u2069";

/**
 * The characters beyond the C0 controls that a terminal may act on (0x9b is CSI) or that
 * break or reorder a line: what must be escaped even where the C0 controls already are.
 */
export const UNPRINTABLE_BEYOND_C0: RegExp = new RegExp(`[${BEYOND_C0}]`, "g");

/** Those and the C0 controls: what {@link printable} escapes. */
const UNPRINTABLE = new RegExp(`[\\x00-\\x1f${BEYOND_C0}]`, "g");
const NAMED_ESCAPES: Record<string, string> = { "\n": "\\n", "\t": "\\t", "\r": "\\r" };
