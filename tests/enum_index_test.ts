/**
 * The enumerator index a base table keeps (btf/table.ts, built by btf/wasm/decode.c): the
 * first enumerator of each name, in type-id then declaration order, equals what decoding
 * every enum's names finds; a split table keeps none (its enums are scanned).
 */
import assert from "node:assert/strict";
import { Kind } from "../btf/kinds.ts";
import type { BtfTypes } from "../btf/table.ts";
import { loadBtf } from "../load/file.ts";
import { DEBIAN_73_BTF, fixture, HOST_BTF } from "./helpers.ts";

const encoder = new TextEncoder();

/** Name → first [type id, index] by decoding every enumerator's name (the oracle). */
function decodedFirsts(types: BtfTypes): Map<string, [number, number]> {
  const firsts = new Map<string, [number, number]>();
  for (let id = 1; id <= types.lastId; id++) {
    const kind = types.kind(id);
    if (kind !== Kind.ENUM && kind !== Kind.ENUM64) continue;
    const stride = kind === Kind.ENUM ? 2 : 3;
    for (let i = 0; i < types.vlen(id); i++) {
      const name = types.stringAt(types.word(id, 3 + stride * i));
      if (name !== "" && !firsts.has(name)) firsts.set(name, [id, i]);
    }
  }
  return firsts;
}

for (const path of [HOST_BTF, DEBIAN_73_BTF, fixture("era_7_1.btf")]) {
  Deno.test(`enum index: every enumerator name of ${path} finds its first occurrence`, () => {
    const { types } = loadBtf(path);
    const firsts = decodedFirsts(types);
    assert.ok(firsts.size > 0);
    for (const [name, ref] of firsts) {
      assert.deepEqual(types.firstEnumerator(encoder.encode(name)), ref, name);
    }
    assert.equal(types.firstEnumerator(encoder.encode("NO_SUCH_ENUMERATOR_X")), undefined);
    assert.equal(types.firstEnumerator(new Uint8Array()), undefined);
  });
}

Deno.test("enum index: a split table keeps none", () => {
  const base = loadBtf(fixture("split_base.btf")).types;
  const mod = loadBtf(fixture("split_mod.btf"), base).types;
  assert.equal(mod.firstEnumerator(encoder.encode("anything")), null);
  assert.notEqual(base.firstEnumerator(encoder.encode("anything")), null);
});
