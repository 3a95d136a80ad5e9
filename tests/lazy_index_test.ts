/**
 * A table's indexes are built when they pay: the first two name lookups scan every type, the
 * third builds the index of type names, the first lookup that includes functions the index
 * of FUNC names, the first enumerator lookup the enumerator index, and reading `buffer`
 * (sharing) all of them. Every answer equals the index's.
 */
import assert from "node:assert/strict";
import { Kind } from "../btf/kinds.ts";
import { findStruct } from "../btf/queries.ts";
import { BtfTypes } from "../btf/table.ts";
import { loadKernels } from "../cli/batch.ts";
import { loadBtf } from "../load/file.ts";
import { resolveOffsets } from "../resolvers/mod.ts";
import { DEBIAN_BTF, fixture, PINNED_73_BTF } from "./helpers.ts";

/** A kernel whose types are in the compiler's order (Debian 6.1; 7.x sorts named types). */
const UNSORTED_BTF = DEBIAN_BTF;

/** Names with one type, several types (duplicates), none, and a prefix of a real name. */
const NAMES = ["rq", "task_struct", "long int", "u32", "callback_head", "no_such_type", "rq_"];

/** Every name of `NAMES` looked up in a table built with its name index from the start. */
function indexed(path: string): number[][] {
  const { types } = loadBtf(path);
  void types.buffer; // builds every index
  assert.deepEqual(types.pendingIndexes, []);
  return NAMES.map((n) => types.byName(n));
}

Deno.test("lazy index: the first two lookups scan, the third builds; the answers never change", () => {
  const want = indexed(UNSORTED_BTF);
  const { types } = loadBtf(UNSORTED_BTF);
  assert.deepEqual(types.pendingIndexes, ["names", "functions", "enumerators"]);
  const got = NAMES.map((n, i) => {
    const ids = types.byName(n, { functions: false });
    assert.deepEqual(
      types.pendingIndexes,
      i < 2 ? ["names", "functions", "enumerators"] : ["functions", "enumerators"],
    );
    return ids;
  });
  assert.deepEqual(got, want);
  assert.ok(want[1].length >= 1 && want[5].length === 0, String(want));
  assert.deepEqual(types.byName("rq"), want[0]);
});

Deno.test("lazy index: the enumerator index is built by the first enumerator lookup", () => {
  const { types } = loadBtf(UNSORTED_BTF);
  const scx = types.enumeratorsNamed("TASK_COMM_LEN");
  assert.deepEqual(types.pendingIndexes, ["names", "functions"]);
  assert.equal(scx.length, 1);
  assert.equal(types.word(scx[0][0], 3 + 2 * scx[0][1] + 1), 16);
});

Deno.test("lazy index: resolving groups builds the type and enumerator indexes first", () => {
  const { types } = loadBtf(UNSORTED_BTF);
  resolveOffsets(types, ["idr"]);
  assert.deepEqual(types.pendingIndexes, ["functions"]);
});

Deno.test("lazy index: sharing builds every index; an attached table answers the same", () => {
  const { types } = loadBtf(PINNED_73_BTF);
  const attached = BtfTypes.attach(types.buffer);
  assert.deepEqual(types.pendingIndexes, []);
  assert.deepEqual(attached.pendingIndexes, []);
  assert.deepEqual(NAMES.map((n) => attached.byName(n)), indexed(PINNED_73_BTF));
  assert.deepEqual(
    attached.enumeratorsNamed("TASK_COMM_LEN"),
    types.enumeratorsNamed("TASK_COMM_LEN"),
  );
});

Deno.test("lazy index: names sorted in the BTF need no name index; a split table builds its own", () => {
  const sorted = loadBtf(PINNED_73_BTF).types;
  assert.equal(sorted.sortedByName, true);
  assert.deepEqual(sorted.pendingIndexes, ["enumerators"]);
  assert.equal(sorted.kind(sorted.byName("schedule")[0]), Kind.FUNC);
  assert.deepEqual(sorted.byName("schedule", { functions: false }), []);
  const base = loadBtf(fixture("split_base.btf")).types;
  const split = loadBtf(fixture("split_mod.btf"), base).types;
  assert.deepEqual(split.pendingIndexes, []);
  assert.deepEqual(base.pendingIndexes, ["names", "functions", "enumerators"]);
});

Deno.test("lazy index: a query too long for a tiny table's scan space is answered by the index", () => {
  const { types } = loadBtf(fixture("split_base.btf"));
  const long = "x".repeat(types.btfBytes + 8); // longer than any scratch space the table has
  assert.deepEqual(types.byName(long, { functions: false }), []);
  assert.deepEqual(types.pendingIndexes, ["functions", "enumerators"]);
  assert.deepEqual(types.byName("list_node").length, 1);
});

Deno.test("lazy index: the query commands' load builds no index and reads no constant", async () => {
  const io = { out: () => {}, err: () => {}, color: false };
  const [loaded] = await loadKernels([UNSORTED_BTF], { jobs: "0" }, [], io, true);
  assert.ok(!("error" in loaded));
  assert.deepEqual(loaded.types!.pendingIndexes, ["names", "functions", "enumerators"]);
  assert.equal(loaded.constants, null);
  const [reported] = await loadKernels([UNSORTED_BTF], { jobs: "0" }, ["idr"], io, true);
  assert.ok(!("error" in reported) && reported.constants !== null);
  assert.deepEqual(reported.types!.pendingIndexes, ["functions"]);
});

Deno.test("lazy index: FUNCs have an index of their own, built by the first lookup that wants them", () => {
  const { types } = loadBtf(PINNED_73_BTF);
  types.buildIndexes();
  const all = (n: string) => indexedAll.get(n)!;
  for (const n of [...NAMES, "schedule", "do_exit"]) {
    const withFuncs = types.byName(n);
    assert.deepEqual(withFuncs, all(n), n);
    assert.deepEqual(
      types.byName(n, { functions: false }),
      withFuncs.filter((id) => types.kind(id) !== Kind.FUNC),
    );
  }
  assert.deepEqual(types.pendingIndexes, []);
  assert.equal(types.kind(types.byName("schedule")[0]), Kind.FUNC);
  // A name only a FUNC has: the type lookups say what it is not, not that it is missing.
  assert.throws(() => findStruct(types, "schedule"), /btf: 'schedule' exists but is not a struct/);
  assert.throws(() => findStruct(types, "no_such_name"), /btf: type 'no_such_name' not found/);
});

/** Every kind's ids for each name, read off every type (no index involved). */
const indexedAll = (() => {
  const { types } = loadBtf(PINNED_73_BTF);
  const wanted = new Set([...NAMES, "schedule", "do_exit"]), out = new Map<string, number[]>();
  for (const n of wanted) out.set(n, []);
  for (let id = 1; id <= types.lastId; id++) {
    const n = types.name(id);
    if (wanted.has(n)) out.get(n)!.push(id);
  }
  return out;
})();
