/**
 * Table memory: a TableArena recycles a released table's memory for the next table, a
 * released table throws instead of reading another table's data, and a table nobody
 * released stays valid however many tables are loaded after it (btf/arena.ts).
 */
import assert from "node:assert/strict";
import { TableArena } from "../btf/arena.ts";
import { findStruct, memberOffset } from "../btf/queries.ts";
import { BtfTypes } from "../btf/table.ts";
import { loadBtf } from "../load/file.ts";
import { pageAdvice } from "../load/map.ts";
import { resolveOffsets } from "../resolvers/mod.ts";
import { DEBIAN_BTF, fixture, PINNED_73_BTF, throwsBtf } from "./helpers.ts";

const RELEASED = "btf: this table was released; its memory now holds another table";
const era = (v: string) => Deno.readFileSync(fixture(`era_${v}.btf`));
/** The compiler's offsetof of rq.scx in an era fixture (testdata/*.offsets.json). */
const rqScx = (v: string): number =>
  JSON.parse(Deno.readTextFileSync(fixture(`era_${v}.offsets.json`)))["kernel.rq_scx"];

Deno.test("arena: a released table's memory holds the next table, which reads correctly", () => {
  const arena = new TableArena();
  const first = BtfTypes.build(era("6_12"), undefined, arena);
  assert.equal(memberOffset(first, findStruct(first, "rq"), "scx"), rqScx("6_12"));
  assert.equal(arena.release(first), true);
  const second = BtfTypes.build(era("7_1"), undefined, arena);
  assert.equal(arena.created, 1);
  // The same report as a table in fresh memory.
  const fresh = BtfTypes.build(era("7_1"));
  assert.deepEqual(resolveOffsets(second), resolveOffsets(fresh));
  assert.equal(memberOffset(second, findStruct(second, "rq"), "scx"), rqScx("7_1"));
});

Deno.test("arena: every accessor of a released table throws, attached views included", () => {
  const arena = new TableArena();
  const types = BtfTypes.build(era("6_18"), undefined, arena);
  const attached = BtfTypes.attach(types.buffer);
  const rq = findStruct(types, "rq");
  arena.release(types);
  BtfTypes.build(era("6_14"), undefined, arena);
  for (const t of [types, attached]) {
    throwsBtf(() => t.kind(rq), RELEASED);
    throwsBtf(() => t.byName("rq"), RELEASED);
    throwsBtf(() => t.rawBytes(), RELEASED);
    throwsBtf(() => findStruct(t, "rq"), RELEASED);
  }
});

Deno.test("arena: a table it did not build is neither released nor touched", () => {
  const arena = new TableArena();
  const own = BtfTypes.build(era("6_16"));
  assert.equal(arena.release(own), false);
  assert.equal(arena.release(own), false);
  BtfTypes.build(era("7_1"), undefined, arena);
  assert.equal(memberOffset(own, findStruct(own, "rq"), "scx"), rqScx("6_16"));
  assert.equal(own.count, BtfTypes.build(era("6_16")).count);
});

Deno.test("arena: a failed build gives its memory back; a larger kernel grows the memory", () => {
  const arena = new TableArena();
  const broken = era("6_12").slice();
  broken[24 + 7] = 0x7f; // first record: kind 127
  throwsBtf(() => BtfTypes.build(broken, undefined, arena), "btf: type id 1 has unknown kind 127");
  const small = BtfTypes.build(era("6_12"), undefined, arena);
  assert.equal(arena.created, 1);
  arena.release(small);
  const big = BtfTypes.build(Deno.readFileSync(DEBIAN_BTF), undefined, arena);
  assert.equal(arena.created, 1);
  assert.ok(big.buffer.byteLength > big.btfBytes);
  assert.deepEqual(resolveOffsets(big), resolveOffsets(loadBtf(DEBIAN_BTF).types));
});

Deno.test("arena: huge-page advice puts the blob on a 2 MiB boundary, the index right after", () => {
  const advice = pageAdvice();
  assert.ok(advice, "FFI is allowed here (-A)");
  const arena = new TableArena(advice);
  const bytes = Deno.readFileSync(DEBIAN_BTF);
  const types = BtfTypes.build(bytes, undefined, arena);
  const base = Deno.UnsafePointer.value(Deno.UnsafePointer.of(new Uint8Array(types.buffer)));
  const [btfByte, btfLen, , , offsetsWord] = new Uint32Array(types.buffer, 12, 5);
  assert.equal(btfLen, bytes.length);
  assert.equal((base + BigInt(btfByte)) % (2n << 20n), 0n);
  assert.equal(offsetsWord * 4, Math.ceil((btfByte + btfLen) / 4) * 4);
  assert.deepEqual(resolveOffsets(types), resolveOffsets(BtfTypes.build(bytes)));
});

Deno.test("library: a table nobody released stays valid while many more are loaded", () => {
  const kept = loadBtf(PINNED_73_BTF).types;
  const before = resolveOffsets(kept);
  const arena = new TableArena();
  for (let i = 0; i < 5; i++) {
    arena.release(loadBtf(DEBIAN_BTF, undefined, arena).types);
    loadBtf(fixture("era_7_1.btf"));
  }
  assert.deepEqual(resolveOffsets(kept), before);
  assert.equal(kept.count, loadBtf(PINNED_73_BTF).types.count);
});
