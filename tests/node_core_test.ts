/** The pure core (core.ts) runs under Node 22 and gives the offsets Deno gives. */
import assert from "node:assert/strict";
import { fileURLToPath as fromFileUrl } from "node:url";
import { BtfTypes, resolveOffsets } from "../core.ts";
import { fixture, PINNED_73_BTF } from "./helpers.ts";

/** Node 22 from npm, installed by tests/prepare.sh. */
const NODE = fixture(".cache/node22/node_modules/.bin/node");

Deno.test("core: under Node 22 the pure core resolves every group exactly as Deno does", () => {
  const inputs = [PINNED_73_BTF, fixture("era_7_1.btf"), fixture("era_6_12.btf")];
  const main = fromFileUrl(new URL("./node_core_main.ts", import.meta.url));
  const out = new Deno.Command(NODE, { args: [main, ...inputs], stdout: "piped", stderr: "piped" })
    .outputSync();
  const stderr = new TextDecoder().decode(out.stderr);
  assert.equal(out.code, 0, stderr);
  const version = new TextDecoder().decode(
    new Deno.Command(NODE, { args: ["--version"], stdout: "piped" }).outputSync().stdout,
  );
  assert.match(version, /^v22\./);
  const fromNode = JSON.parse(new TextDecoder().decode(out.stdout));
  const fromDeno = inputs.map((p) => resolveOffsets(BtfTypes.build(Deno.readFileSync(p))));
  assert.deepEqual(fromNode, JSON.parse(JSON.stringify(fromDeno)));
  assert.equal(fromNode.length, 3);
  assert.equal(fromNode[1].offsets.kernel.rq_nr_running, fromDeno[1].offsets.kernel!.rq_nr_running);
});
