/**
 * The lookup primitives (docs/DESIGN.md: Lookup rules) against testdata/shapes.btf (clang 14 BTF of
 * testdata/src/shapes.c), with the expected offsets and sizes read from
 * testdata/shapes.offsets.json (host gcc's offsetof/sizeof). Values the compiler cannot give
 * (bitfield bit offsets, type ids, section offsets) are hard-coded from
 * `bpftool btf dump file testdata/shapes.btf` and `nm testdata/shapes.o`, as noted at each use.
 * Shapes clang 14 does not emit (ENUM64, qualified anonymous members, a typedef'd anonymous
 * member, chains at the 20-step limit) come from split_base.btf (gcc + pahole) or from a
 * tiny BTF encoder below.
 */
import assert from "node:assert/strict";
import { BtfBuilder } from "./btf_builder.ts";
import { fixture, throwsBtf } from "./helpers.ts";
import {
  BtfError,
  BtfTypes,
  datasecVarOffset,
  directMember,
  extractBtf,
  findStruct,
  findStructOrFwd,
  Kind,
  kindName,
  loadBtf,
  memberOffset,
  memorySource,
  resolveMemberStruct,
  resolveToStruct,
  structSize,
} from "../mod.ts";

const SHAPES_BTF = fixture("shapes.btf");
const SHAPES_O = fixture("shapes.o");
const types = loadBtf(SHAPES_BTF).types;
const oracle: Record<string, number> = JSON.parse(
  Deno.readTextFileSync(fixture("shapes.offsets.json")),
);

/** The compiler's value for `key`; a key missing from the oracle is a test bug, not a skip. */
function cc(key: string): number {
  const v = oracle[key];
  if (typeof v !== "number") throw new Error(`shapes.offsets.json has no key '${key}'`);
  return v;
}

/** Type ids in shapes.btf, from `bpftool btf dump file testdata/shapes.btf`. */
const ID = {
  int: 1,
  funcTarget: 3, // FUNC 'target'
  target: 9,
  chains: 23,
  anonOnlyTypedef: 39, // STRUCT '(anon)' behind TYPEDEF 'only_typedef'
  nest: 78,
  bits: 92,
  varTwin: 98,
  unionTwin: 99,
  typedefTwin: 101,
  structTwin: 104, // file scope: file_scope_twin, tw
  blockStructTwin: 106, // block scope: block_scope_twin, other
  arrayLike: 114,
  otherTarget: 129,
  onlyUnion: 132,
};

/** Kind names along the refType chain from `id` until a non-modifier kind (inclusive). */
function chainKinds(t: BtfTypes, id: number): string[] {
  const out: string[] = [];
  const follow = new Set<number>([
    Kind.PTR,
    Kind.CONST,
    Kind.VOLATILE,
    Kind.TYPEDEF,
    Kind.TYPE_TAG,
    Kind.RESTRICT,
  ]);
  for (let i = 0; i < 40; i++) {
    const k = t.kind(id);
    out.push(kindName(k));
    if (id === 0 || !follow.has(k)) break;
    id = t.refType(id);
  }
  return out;
}

// ---- the fixture has the shapes it claims ------------------------------------------------

Deno.test("shapes.btf: per-kind counts match bpftool's dump", () => {
  // From `bpftool btf dump file testdata/shapes.btf` (grep -c per kind).
  assert.deepEqual(types.kindCounts(), {
    INT: 9,
    PTR: 16,
    ARRAY: 3,
    STRUCT: 21,
    UNION: 7,
    ENUM: 1,
    FWD: 2,
    TYPEDEF: 31,
    VOLATILE: 2,
    CONST: 2,
    RESTRICT: 1,
    FUNC: 8,
    FUNC_PROTO: 9,
    VAR: 21,
    DATASEC: 3,
    FLOAT: 2,
    TYPE_TAG: 1,
  });
  assert.equal(types.lastId, 139);
  assert.equal(types.kindFlag(ID.bits), true, "bitfield struct has kind_flag");
  assert.equal(types.kindFlag(ID.nest), true, "nest has bitfields too");
  assert.equal(types.kindFlag(ID.target), false);
  const fwds = [...types.byName("never_defined"), ...types.byName("never_defined_u")];
  assert.deepEqual(fwds.map((id) => [kindName(types.kind(id)), types.kindFlag(id)]), [
    ["FWD", false],
    ["FWD", true],
  ]);
});

Deno.test("ELF input: shapes.o gives format elf and the same table as shapes.btf", () => {
  const elf = loadBtf(SHAPES_O);
  const raw = loadBtf(SHAPES_BTF);
  assert.equal(elf.format, "elf");
  assert.equal(raw.format, "raw");
  assert.deepEqual(elf.types.kindCounts(), raw.types.kindCounts());
  assert.equal(elf.types.count, 139);
  assert.deepEqual(elf.types.rawBytes(), Deno.readFileSync(SHAPES_BTF));
  // The same input through the in-memory path.
  const mem = extractBtf(memorySource(Deno.readFileSync(SHAPES_O)));
  assert.equal(mem.format, "elf");
  assert.deepEqual(mem.bytes, Deno.readFileSync(SHAPES_BTF));
  assert.equal(memberOffset(elf.types, findStruct(elf.types, "nest"), "deep_field"), 24);
});

// ---- find_struct ------------------------------------------------------------------------

Deno.test("find_struct: the first STRUCT wins among same-named types", () => {
  // bpftool: [98] VAR 'twin', [99] UNION 'twin', [101] TYPEDEF 'twin',
  // [104] STRUCT 'twin' (file scope), [106] STRUCT 'twin' (block scope).
  assert.deepEqual(types.byName("twin"), [
    ID.varTwin,
    ID.unionTwin,
    ID.typedefTwin,
    ID.structTwin,
    ID.blockStructTwin,
  ]);
  const twin = findStruct(types, "twin");
  assert.equal(twin, ID.structTwin);
  assert.equal(memberOffset(types, twin, "tw"), cc("twin.tw"));
  assert.equal(memberOffset(types, twin, "file_scope_twin"), cc("twin.file_scope_twin"));
  throwsBtf(
    () => memberOffset(types, twin, "block_scope_twin"),
    "btf: struct 'twin' has no member 'block_scope_twin'",
  );
  assert.equal(structSize(types, twin), cc("sizeof.twin"));
  // FUNC 'target' [3] comes before STRUCT 'target' [9].
  assert.deepEqual(types.byName("target"), [ID.funcTarget, ID.target]);
  assert.equal(findStruct(types, "target"), ID.target);
});

Deno.test("find_struct: not found and exists-but-not-a-struct messages", () => {
  throwsBtf(() => findStruct(types, "no_such_type"), "btf: type 'no_such_type' not found");
  throwsBtf(() => findStruct(types, "Nest"), "btf: type 'Nest' not found");
  throwsBtf(() => findStruct(types, ""), "btf: type '' not found");
  for (const name of ["only_union", "only_typedef", "lonely", "pcpu_first", "never_defined"]) {
    throwsBtf(() => findStruct(types, name), `btf: '${name}' exists but is not a struct`);
  }
  throwsBtf(() => findStruct(types, ".bss"), "btf: '.bss' exists but is not a struct");
  throwsBtf(() => findStruct(types, "int"), "btf: 'int' exists but is not a struct");
});

// ---- find_struct_or_fwd -----------------------------------------------------------------

Deno.test("find_struct_or_fwd: full struct, struct-flavour fwd, and the error", () => {
  assert.deepEqual(findStructOrFwd(types, "target"), { kind: "struct", id: ID.target });
  assert.deepEqual(findStructOrFwd(types, "twin"), { kind: "struct", id: ID.structTwin });
  assert.deepEqual(findStructOrFwd(types, "never_defined"), { kind: "fwd" });
  const neither = (n: string) =>
    `btf: '${n}' exists but is neither a struct nor a struct-flavour fwd`;
  throwsBtf(() => findStructOrFwd(types, "never_defined_u"), neither("never_defined_u"));
  throwsBtf(() => findStructOrFwd(types, "only_union"), neither("only_union"));
  throwsBtf(() => findStructOrFwd(types, "only_typedef"), neither("only_typedef"));
  throwsBtf(() => findStructOrFwd(types, "absent_name"), "btf: type 'absent_name' not found");
});

// ---- member_offset ----------------------------------------------------------------------

Deno.test("member_offset: anonymous members, two and four levels deep", () => {
  const nest = findStruct(types, "nest");
  assert.equal(nest, ID.nest);
  for (
    const f of [
      "head",
      "u_first",
      "pre",
      "deep_field",
      "c0",
      "later",
      "wide_alias",
      "s0",
      "deepest",
      "tail",
      "dup_field",
      "dup_field_direct",
    ]
  ) {
    assert.equal(memberOffset(types, nest, f), cc(`nest.${f}`), `nest.${f}`);
  }
  assert.equal(structSize(types, nest), cc("sizeof.nest"));
});

Deno.test("member_offset: the bpf_array.value shape (flex arrays in an anonymous union)", () => {
  const arr = findStruct(types, "array_like");
  assert.equal(arr, ID.arrayLike);
  for (const f of ["map", "elem_size", "aux", "index_mask", "value", "ptrs", "__empty_value"]) {
    assert.equal(memberOffset(types, arr, f), cc(`array_like.${f}`), `array_like.${f}`);
  }
  assert.equal(memberOffset(types, arr, "value"), 40);
  assert.equal(structSize(types, arr), cc("sizeof.array_like"));
  assert.equal(structSize(types, findStruct(types, "map_like")), cc("sizeof.map_like"));
  // `value` is not a direct member.
  throwsBtf(
    () => directMember(types, arr, "value"),
    "btf: struct 'array_like' has no member 'value'",
  );
});

Deno.test("member_offset: bitfields, non-byte-aligned error with the real bit count", () => {
  const bits = findStruct(types, "bits");
  // Bit offsets from bpftool: flag_b 1, odd_bits 4, mid 9, late_odd 141; nest.misaligned_b 67.
  throwsBtf(
    () => memberOffset(types, bits, "odd_bits"),
    "btf: field 'odd_bits' has non-byte-aligned offset (4 bits)",
  );
  throwsBtf(
    () => memberOffset(types, bits, "flag_b"),
    "btf: field 'flag_b' has non-byte-aligned offset (1 bits)",
  );
  throwsBtf(
    () => memberOffset(types, bits, "mid"),
    "btf: field 'mid' has non-byte-aligned offset (9 bits)",
  );
  throwsBtf(
    () => memberOffset(types, bits, "late_odd"),
    "btf: field 'late_odd' has non-byte-aligned offset (141 bits)",
  );
  throwsBtf(
    () => memberOffset(types, ID.nest, "misaligned_b"),
    "btf: field 'misaligned_b' has non-byte-aligned offset (67 bits)",
  );
  throwsBtf(
    () => directMember(types, bits, "odd_bits"),
    "btf: field 'odd_bits' has non-byte-aligned offset (4 bits)",
  );
  // Byte-aligned bitfields give their byte (bpftool: flag_a bit 0, byte_bits bit 16,
  // late_bits bit 128; nest.misaligned_a bit 64).
  assert.equal(memberOffset(types, bits, "flag_a"), 0);
  assert.equal(memberOffset(types, bits, "byte_bits"), 2);
  assert.equal(memberOffset(types, bits, "late_bits"), 16);
  assert.equal(memberOffset(types, ID.nest, "misaligned_a"), 8);
  // Members after misaligned ones are found (the misaligned ones are skipped).
  for (const f of ["after", "wide", "end"]) {
    assert.equal(memberOffset(types, bits, f), cc(`bits.${f}`), `bits.${f}`);
  }
  assert.equal(structSize(types, bits), cc("sizeof.bits"));
});

Deno.test("member_offset: not found, and never through a pointer", () => {
  throwsBtf(
    () => memberOffset(types, ID.nest, "nonexistent"),
    "btf: struct 'nest' has no member 'nonexistent'",
  );
  // chains.ptr points to struct target: its t0 is not a member of chains.
  throwsBtf(() => memberOffset(types, ID.chains, "t0"), "btf: struct 'chains' has no member 't0'");
  // An empty name never matches an anonymous member.
  throwsBtf(() => memberOffset(types, ID.nest, ""), "btf: struct 'nest' has no member ''");
  // A field name that is only a prefix of a member's name.
  throwsBtf(() => memberOffset(types, ID.nest, "deep"), "btf: struct 'nest' has no member 'deep'");
  throwsBtf(
    () => memberOffset(types, ID.nest, "deep_field_"),
    "btf: struct 'nest' has no member 'deep_field_'",
  );
});

Deno.test("member_offset: unions and other structs; sizes against sizeof", () => {
  assert.deepEqual(types.byName("only_union"), [ID.onlyUnion]);
  assert.equal(memberOffset(types, ID.onlyUnion, "ou_b"), cc("only_union.ou_b"));
  assert.equal(structSize(types, ID.onlyUnion), cc("sizeof.only_union"));
  assert.equal(memberOffset(types, ID.anonOnlyTypedef, "ot_b"), cc("only_typedef.ot_b"));
  assert.equal(structSize(types, ID.anonOnlyTypedef), cc("sizeof.only_typedef"));
  const other = findStruct(types, "other_target");
  assert.equal(memberOffset(types, other, "inner"), cc("other_target.inner"));
  assert.equal(structSize(types, other), cc("sizeof.other_target"));
  assert.equal(structSize(types, ID.target), cc("sizeof.target"));
  assert.equal(memberOffset(types, ID.target, "t1"), cc("target.t1"));
  const chains = findStruct(types, "chains");
  assert.equal(structSize(types, chains), cc("sizeof.chains"));
  for (const f of ["real", "single", "big_enum", "callback", "chained_25_ptr", "arr"]) {
    assert.equal(memberOffset(types, chains, f), cc(`chains.${f}`), `chains.${f}`);
  }
});

// ---- direct_member, resolve_to_struct, resolve_member_struct ----------------------------

Deno.test("direct_member: does not descend into anonymous members; returns the type", () => {
  throwsBtf(
    () => directMember(types, ID.nest, "deep_field"),
    "btf: struct 'nest' has no member 'deep_field'",
  );
  throwsBtf(
    () => directMember(types, ID.nest, "later"),
    "btf: struct 'nest' has no member 'later'",
  );
  const tail = directMember(types, ID.nest, "tail");
  assert.equal(tail.offset, cc("nest.tail"));
  assert.equal(tail.type, ID.int); // bpftool: 'tail' type_id=1
  assert.equal(types.name(tail.type), "int");
  const direct = directMember(types, ID.chains, "direct");
  assert.deepEqual(direct, { offset: cc("chains.direct"), type: ID.target });
  const arr = directMember(types, ID.chains, "arr");
  assert.equal(arr.offset, cc("chains.arr"));
  assert.equal(kindName(types.kind(arr.type)), "ARRAY");
});

/** Expected resolve_to_struct result and (from bpftool) the kind chain of each chains member. */
const RESOLVES: [string, number | null, string[]][] = [
  ["ptr", ID.target, ["PTR", "STRUCT"]],
  ["ptr_ptr", ID.target, ["PTR", "PTR", "STRUCT"]],
  ["qual_ptr", ID.target, ["PTR", "TYPEDEF", "VOLATILE", "TYPEDEF", "CONST", "TYPEDEF", "STRUCT"]],
  ["restrict_ptr", ID.target, ["RESTRICT", "PTR", "STRUCT"]],
  ["cv_ptr", ID.otherTarget, ["PTR", "CONST", "VOLATILE", "STRUCT"]],
  ["tagged", ID.target, ["TYPEDEF", "PTR", "TYPE_TAG", "STRUCT"]],
  ["union_ptr", ID.onlyUnion, ["PTR", "UNION"]],
  ["anon_typedef_ptr", ID.anonOnlyTypedef, ["PTR", "TYPEDEF", "STRUCT"]],
  ["direct", ID.target, ["STRUCT"]],
  ["chained_19", ID.target, [...Array(19).fill("TYPEDEF"), "STRUCT"]],
  ["chained_20", null, [...Array(20).fill("TYPEDEF"), "STRUCT"]],
  ["chained_25_ptr", null, ["PTR", ...Array(25).fill("TYPEDEF"), "STRUCT"]],
  ["fwd_struct", null, ["PTR", "FWD"]],
  ["fwd_union", null, ["PTR", "FWD"]],
  ["arr", null, ["ARRAY"]],
  ["plain_int", null, ["INT"]],
  ["void_ptr", null, ["PTR", "VOID"]],
  ["real", null, ["FLOAT"]],
  ["single", null, ["FLOAT"]],
  ["big_enum", null, ["ENUM"]],
  ["callback", null, ["PTR", "FUNC_PROTO"]],
];

Deno.test("resolve_to_struct: through PTR/CONST/VOLATILE/TYPEDEF/TYPE_TAG/RESTRICT, 20 steps", () => {
  for (const [field, expected, chain] of RESOLVES) {
    const m = directMember(types, ID.chains, field);
    assert.equal(m.offset, cc(`chains.${field}`), `chains.${field} offset`);
    assert.deepEqual(chainKinds(types, m.type), chain, `chains.${field} chain`);
    assert.equal(resolveToStruct(types, m.type), expected, `resolve chains.${field}`);
  }
  assert.equal(resolveToStruct(types, 0), null, "void");
  assert.equal(resolveToStruct(types, ID.int), null, "INT");
  assert.equal(resolveToStruct(types, ID.funcTarget), null, "FUNC");
  assert.equal(resolveToStruct(types, ID.onlyUnion), ID.onlyUnion, "a UNION is its own answer");
  // A global tagged pointer: bpftool [135] VAR 'g_user_ptr' -> [8] PTR -> [7] TYPE_TAG -> [9].
  const gUserPtr = types.byName("g_user_ptr");
  assert.equal(gUserPtr.length, 1);
  assert.equal(resolveToStruct(types, types.refType(gUserPtr[0])), ID.target);
});

Deno.test("resolve_member_struct: the struct, or its error", () => {
  for (const [field, expected] of RESOLVES) {
    const m = directMember(types, ID.chains, field);
    if (expected === null) {
      throwsBtf(() => resolveMemberStruct(types, m), "btf: could not resolve member to struct");
    } else {
      assert.equal(resolveMemberStruct(types, m), expected, field);
    }
  }
  // The resolved struct is usable: chains.cv_ptr -> other_target.inner.
  const other = resolveMemberStruct(types, directMember(types, ID.chains, "cv_ptr"));
  assert.equal(memberOffset(types, other, "inner"), cc("other_target.inner"));
});

// ---- datasec_var_offset -----------------------------------------------------------------

Deno.test("datasec_var_offset: per-cpu variables found, absent ones null", () => {
  // Offsets from `nm testdata/shapes.o` (static symbols, so clang writes them into BTF):
  // pcpu_first 0x0, pcpu_second 0x8, pcpu_third 0x10, pcpu_fourth 0x20.
  assert.equal(datasecVarOffset(types, ".data..percpu", "pcpu_first"), 0);
  assert.equal(datasecVarOffset(types, ".data..percpu", "pcpu_second"), 8);
  assert.equal(datasecVarOffset(types, ".data..percpu", "pcpu_third"), 16);
  assert.equal(datasecVarOffset(types, ".data..percpu", "pcpu_fourth"), 32);
  // bpftool: '.bss' holds twin_struct_holder.held_struct at offset 12.
  assert.equal(datasecVarOffset(types, ".bss", "twin_struct_holder.held_struct"), 12);
  assert.equal(datasecVarOffset(types, ".data", "twin"), 0);
  assert.equal(datasecVarOffset(types, ".data..percpu", "g_nest"), null, "in .bss, not percpu");
  assert.equal(datasecVarOffset(types, ".data..percpu", "pcpu"), null, "prefix only");
  assert.equal(datasecVarOffset(types, ".data..percpu", "no_such_var"), null);
  assert.equal(datasecVarOffset(types, ".percpu", "pcpu_second"), null, "no such section");
  assert.equal(datasecVarOffset(types, "pcpu_second", "pcpu_second"), null, "a VAR, not a DATASEC");
});

Deno.test("datasec_var_offset: real section offsets from pahole (split_base.btf)", () => {
  const base = loadBtf(fixture("split_base.btf")).types;
  // `nm` of gcc's base.o: base_pcpu_a 0x0, base_pcpu_stats 0x10, base_pcpu_b 0x28.
  assert.equal(datasecVarOffset(base, ".data..percpu", "base_pcpu_a"), 0);
  assert.equal(datasecVarOffset(base, ".data..percpu", "base_pcpu_stats"), 16);
  assert.equal(datasecVarOffset(base, ".data..percpu", "base_pcpu_b"), 40);
  assert.equal(datasecVarOffset(base, ".data..percpu", "base_objs"), null);
});

Deno.test("gcc + pahole shapes: ENUM64 decodes, CONST/VOLATILE anonymous members are searched", () => {
  const base = loadBtf(fixture("split_base.btf")).types;
  // bpftool: [14] ENUM64 'base_big' size=8 vlen=2.
  assert.equal(base.kindCounts().ENUM64, 1);
  const [big] = base.byName("base_big");
  assert.equal(kindName(base.kind(big)), "ENUM64");
  assert.equal(base.vlen(big), 2);
  const q = findStruct(base, "qual_anon");
  // bpftool: qual_anon's anonymous members are CONST -> STRUCT and VOLATILE -> UNION.
  assert.deepEqual(chainKinds(base, directMember(base, q, "qa_first").type), ["INT"]);
  assert.deepEqual(chainKinds(base, base.elemWord(q, 1, 1)), ["CONST", "STRUCT"]);
  assert.deepEqual(chainKinds(base, base.elemWord(q, 2, 1)), ["VOLATILE", "UNION"]);
  // Offsets from gcc's offsetof (tests/split_test.ts has the oracle program's output).
  assert.equal(memberOffset(base, q, "qa_const_inner"), 8);
  assert.equal(memberOffset(base, q, "qa_const_wide"), 16);
  assert.equal(memberOffset(base, q, "qa_vol_int"), 24);
  assert.equal(memberOffset(base, q, "qa_vol_long"), 24);
  assert.equal(memberOffset(base, q, "qa_last"), 32);
  assert.equal(structSize(base, q), 40);
});

// ---- synthetic BTF: shapes no compiler here emits ---------------------------------------

Deno.test("synthetic: resolve_to_struct gives up after 20 steps (19 modifiers resolve)", () => {
  const b = new BtfBuilder();
  const int = b.int("int", 4);
  const s = b.struct("s", 4, [["x", int, 0]]);
  const kinds = [Kind.TYPEDEF, Kind.CONST, Kind.VOLATILE, Kind.RESTRICT, Kind.TYPE_TAG, Kind.PTR];
  const heads = kinds.map((k) => [k, b.chain(k, 19, s), b.chain(k, 20, s), b.chain(k, 25, s)]);
  const voidPtr = b.ref(Kind.PTR, "", 0);
  const t = BtfTypes.build(b.build());
  for (const [k, h19, h20, h25] of heads) {
    assert.equal(resolveToStruct(t, h19), s, `19 x ${kindName(k)}`);
    assert.equal(resolveToStruct(t, h20), null, `20 x ${kindName(k)}`);
    assert.equal(resolveToStruct(t, h25), null, `25 x ${kindName(k)}`);
  }
  assert.equal(resolveToStruct(t, voidPtr), null, "PTR to void");
  throwsBtf(
    () => resolveMemberStruct(t, { offset: 0, type: heads[0][2] }),
    "btf: could not resolve member to struct",
  );
});

Deno.test("synthetic: a PTR cycle and an anonymous-member cycle end in null / a BtfError", () => {
  const b = new BtfBuilder();
  const int = b.int("int", 4);
  // id 2 = PTR -> 3, id 3 = PTR -> 2
  b.ref(Kind.PTR, "", 3);
  b.ref(Kind.PTR, "", 2);
  // id 4: a struct whose anonymous member is itself (through a TYPEDEF, id 5).
  const self = b.struct("selfish", 8, [["", 5, 0], ["", 5, 0], ["real", int, 32]]);
  b.ref(Kind.TYPEDEF, "selfish_t", self);
  const t = BtfTypes.build(b.build());
  assert.equal(resolveToStruct(t, 2), null);
  // A type already being searched is not entered again: the search ends at once.
  const started = performance.now();
  let err: unknown;
  try {
    memberOffset(t, self, "missing");
  } catch (e) {
    err = e;
  }
  assert.ok(err instanceof BtfError, `expected a BtfError, got ${String(err)}`);
  assert.equal(err.message, "btf: struct 'selfish' has no member 'missing'");
  assert.ok(performance.now() - started < 200, "it ends within the fuzz bound");
  // The named member after the cyclic ones is still found from the top.
  assert.equal(memberOffset(t, self, "real"), 4);
});

Deno.test("synthetic: anonymous members through TYPEDEF/RESTRICT/TYPE_TAG, never PTR, 20 steps", () => {
  const b = new BtfBuilder();
  const int = b.int("int", 4);
  const inner = (field: string) => b.struct("", 8, [["pad", int, 0], [field, int, 32]]);
  const viaTypedef = b.ref(Kind.TYPEDEF, "anon_t", inner("via_typedef"));
  const viaRestrict = b.ref(Kind.RESTRICT, "", inner("via_restrict"));
  const viaTag = b.ref(Kind.TYPE_TAG, "user", b.ref(Kind.CONST, "", inner("via_tag")));
  const viaPtr = b.ref(Kind.PTR, "", inner("via_ptr"));
  const via19 = b.chain(Kind.TYPEDEF, 19, inner("via_19"));
  const via20 = b.chain(Kind.VOLATILE, 20, inner("via_20"));
  const misaligned = inner("via_misaligned");
  const outer = b.struct("outer", 96, [
    ["", int, 0],
    ["", viaTypedef, 64],
    ["", viaRestrict, 128],
    ["", viaTag, 192],
    ["", viaPtr, 256],
    ["", via19, 320],
    ["", via20, 384],
    ["", misaligned, 452], // bit 452: not a multiple of 8, skipped although anonymous
    ["after", int, 512],
  ]);
  const t = BtfTypes.build(b.build());
  assert.equal(findStruct(t, "outer"), outer);
  assert.equal(memberOffset(t, outer, "via_typedef"), 8 + 4);
  assert.equal(memberOffset(t, outer, "via_restrict"), 16 + 4);
  assert.equal(memberOffset(t, outer, "via_tag"), 24 + 4);
  assert.equal(memberOffset(t, outer, "via_19"), 40 + 4);
  assert.equal(memberOffset(t, outer, "after"), 64);
  assert.equal(memberOffset(t, outer, "pad"), 8, "first anonymous member with `pad` wins");
  for (const f of ["via_ptr", "via_20", "via_misaligned"]) {
    throwsBtf(() => memberOffset(t, outer, f), `btf: struct 'outer' has no member '${f}'`);
  }
});

Deno.test("synthetic: datasec_var_offset searches every DATASEC of the name; first var wins", () => {
  const b = new BtfBuilder();
  const int = b.int("int", 4);
  const a = b.variable("a", int);
  const a2 = b.variable("a", int);
  const c = b.variable("c", int);
  b.datasec(".data..percpu", [[a, 24, 4]]);
  b.datasec(".bss", [[c, 4, 4]]);
  b.datasec(".data..percpu", [[c, 72, 4], [a2, 80, 4]]);
  b.struct(".data..percpu", 0, []); // a non-DATASEC type of the same name is ignored
  const t = BtfTypes.build(b.build());
  assert.equal(datasecVarOffset(t, ".data..percpu", "a"), 24);
  assert.equal(datasecVarOffset(t, ".data..percpu", "c"), 72);
  assert.equal(datasecVarOffset(t, ".bss", "c"), 4);
  assert.equal(datasecVarOffset(t, ".bss", "a"), null);
  assert.equal(datasecVarOffset(t, ".data", "a"), null);
});

Deno.test("synthetic: the encoder's blob is read back exactly (guards the helpers above)", () => {
  const b = new BtfBuilder();
  const int = b.int("int", 4);
  const s = b.struct("pair", 8, [["lo", int, 0], ["hi", int, 32]]);
  const u = b.struct("either", 4, [["lo", int, 0]], false, Kind.UNION);
  const t = BtfTypes.build(b.build());
  assert.deepEqual(t.kindCounts(), { INT: 1, STRUCT: 1, UNION: 1 });
  assert.deepEqual([t.name(s), t.name(u), t.size(s), t.vlen(s)], ["pair", "either", 8, 2]);
  assert.equal(memberOffset(t, s, "hi"), 4);
  throwsBtf(() => findStruct(t, "either"), "btf: 'either' exists but is not a struct");
});

Deno.test("names: a query containing NUL never matches (names cannot contain NUL)", () => {
  const { types } = loadBtf(fixture("split_base.btf"));
  assert.deepEqual(types.byName("list_node\0next"), []);
  throwsBtf(() => findStruct(types, "list_node\0next"), "btf: type 'list_node\0next' not found");
  const list = findStruct(types, "list_node");
  throwsBtf(
    () => memberOffset(types, list, "next\0"),
    "btf: struct 'list_node' has no member 'next\0'",
  );
});
