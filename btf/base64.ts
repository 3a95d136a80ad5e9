/**
 * Base64 decoding for the WebAssembly modules embedded as text. Pure.
 * @module
 */

/**
 * Decodes base64: natively where the runtime has `Uint8Array.fromBase64` (a per-character
 * decode in JavaScript cost ~150 page faults and 7 ms of a cold start), else with atob.
 */
export function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const native = (Uint8Array as { fromBase64?: (s: string) => Uint8Array<ArrayBuffer> })
    .fromBase64;
  if (native) return native(text);
  const bin = atob(text), bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return bytes;
}
