/**
 * A 4-byte magic looked for in a stream read in chunks can straddle two chunks: the last
 * bytes of one are carried to the next and searched joined with its first ones. Pure.
 * @module
 */

/** How many bytes are carried: a 4-byte magic's first three. */
const CARRIED = 3;

/** `carry` followed by the first bytes of `chunk`: where a magic across their edge starts. */
export function acrossEdge(carry: Uint8Array, chunk: Uint8Array): Uint8Array<ArrayBuffer> {
  const joined = new Uint8Array(carry.length + Math.min(CARRIED, chunk.length));
  joined.set(carry);
  joined.set(chunk.subarray(0, joined.length - carry.length), carry.length);
  return joined;
}

/** The bytes to carry to the next chunk: the last of `carry` followed by `chunk`. */
export function carryOver(carry: Uint8Array, chunk: Uint8Array): Uint8Array<ArrayBuffer> {
  const keep = Math.min(CARRIED, carry.length + chunk.length);
  const next = new Uint8Array(keep);
  const fromChunk = Math.min(keep, chunk.length);
  next.set(carry.subarray(carry.length - (keep - fromChunk)));
  next.set(chunk.subarray(chunk.length - fromChunk), keep - fromChunk);
  return next;
}
