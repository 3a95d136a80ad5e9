/**
 * The one error type of the format layer and resolvers, and the `: ` chaining rule of
 * SPEC §3 (`outer: inner`).
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
