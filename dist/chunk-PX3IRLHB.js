// btf/errors.ts
var BtfError = class extends Error {
  /** Creates an error whose message is exactly `message`. */
  constructor(message) {
    super(message);
    this.name = "BtfError";
  }
};
function withContext(context, fn) {
  try {
    return fn();
  } catch (err) {
    if (err instanceof BtfError) throw new BtfError(`${context}: ${err.message}`);
    throw err;
  }
}
function orNull(fn) {
  try {
    return fn();
  } catch (err) {
    if (err instanceof BtfError) return null;
    throw err;
  }
}
function printable(text) {
  return text.replace(UNPRINTABLE, (c) => {
    const named = NAMED_ESCAPES[c];
    if (named) return named;
    const code = c.charCodeAt(0);
    return code <= 255 ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${code.toString(16).padStart(4, "0")}`;
  });
}
var UNPRINTABLE = /[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
var NAMED_ESCAPES = {
  "\n": "\\n",
  "	": "\\t",
  "\r": "\\r"
};

export {
  BtfError,
  withContext,
  orNull,
  printable
};
