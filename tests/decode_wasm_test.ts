/**
 * The committed WebAssembly decoder is what btf/wasm/build.sh makes of today's decode.c:
 * decode_wasm.ts names the hash of the source it was built from, and embeds decode.wasm.
 */
import assert from "node:assert/strict";
import { DECODE_WASM_BASE64 } from "../btf/wasm/decode_wasm.ts";
import { sha256 } from "./helpers.ts";

const dir = new URL("../btf/wasm/", import.meta.url);

Deno.test("decode wasm: built from today's decode.c, and decode_wasm.ts embeds decode.wasm", async () => {
  const generated = Deno.readTextFileSync(new URL("decode_wasm.ts", dir));
  const built = generated.match(/^\/\/ decode\.c sha256: ([0-9a-f]{64})$/m)?.[1];
  assert.ok(built, "decode_wasm.ts names its source's hash");
  const source = await sha256(Deno.readFileSync(new URL("decode.c", dir)));
  assert.equal(built, source, "decode.c changed: run bash btf/wasm/build.sh");
  const wasm = Deno.readFileSync(new URL("decode.wasm", dir));
  const embedded = Uint8Array.from(atob(DECODE_WASM_BASE64), (c) => c.charCodeAt(0));
  assert.deepEqual(embedded, wasm);
  assert.ok(
    WebAssembly.Module.exports(new WebAssembly.Module(wasm)).some((e) => e.name === "find_named"),
  );
});
