/**
 * The query library on the C fixtures (compiler offsetof oracles in *.offsets.json) and on
 * built BTF: members, sizeOf, typeName, typeKind, struct layouts, paths.
 */
import assert from "node:assert/strict";
import { BtfTypes } from "../btf/table.ts";
import { Kind } from "../btf/kinds.ts";
import { findMember, findStruct, memberOffset } from "../btf/queries.ts";
import { loadBtf } from "../load/file.ts";
import { members } from "../query/members.ts";
import { typeKind } from "../query/kind.ts";
import { structLayout, structsNamed } from "../query/layout.ts";
import { resolvePath } from "../query/path.ts";
import { pointerSize, sizeOf } from "../query/size.ts";
import { declaration, typeName } from "../query/type_name.ts";
import { BtfBuilder } from "./btf_builder.ts";
import { fixture, throwsBtf } from "./helpers.ts";

const shapes = loadBtf(fixture("shapes.btf")).types;
const oracle: Record<string, number> = JSON.parse(
  Deno.readTextFileSync(fixture("shapes.offsets.json")),
);

/** A member of `struct` by name (a direct member). */
function memberType(struct: string, name: string): number {
  return members(shapes, findStruct(shapes, struct)).find((m) => m.name === name)!.typeId;
}

Deno.test("resolvePath and sizeOf equal the compiler's offsetof and sizeof (shapes)", () => {
  let checked = 0;
  for (const [key, expected] of Object.entries(oracle)) {
    const [struct, member] = key.split(".");
    const notStruct = (name: string) => name === "only_union" || name === "only_typedef";
    if (struct === "sizeof") {
      const id = notStruct(member) ? structsNamed(shapes, member)[0] : findStruct(shapes, member);
      assert.equal(sizeOf(shapes, id), expected, key);
    } else if (notStruct(struct)) {
      // Not structs: find_struct refuses them (docs/DESIGN.md: Lookup rules), members() reads them.
      const found = members(shapes, structsNamed(shapes, struct)[0]).find((m) => m.name === member);
      assert.equal(found?.offset, expected, key);
    } else {
      assert.equal(resolvePath(shapes, key).offset, expected, key);
    }
    checked++;
  }
  assert.equal(checked, Object.keys(oracle).length);
  assert.ok(checked > 60);
});

Deno.test("typeName spells every shape of chains in C; sizeOf and typeKind agree", () => {
  const expected: Record<string, [string, number, string]> = {
    ptr: ["struct target *", 8, "ptr"],
    ptr_ptr: ["struct target **", 8, "ptr"],
    qual_ptr: ["vctarget_t *", 8, "ptr"],
    restrict_ptr: ["struct target *restrict", 8, "restrict"],
    cv_ptr: ["const volatile struct other_target *", 8, "ptr"],
    tagged: ["user_target_ptr", 8, "typedef"],
    union_ptr: ["union only_union *", 8, "ptr"],
    anon_typedef_ptr: ["only_typedef *", 8, "ptr"],
    fwd_struct: ["struct never_defined *", 8, "ptr"],
    fwd_union: ["union never_defined_u *", 8, "ptr"],
    arr: ["struct target[3]", 48, "array"],
    plain_int: ["int", 4, "int"],
    void_ptr: ["void *", 8, "ptr"],
    direct: ["struct target", 16, "struct"],
    chained_19: ["chain_19", 16, "typedef"],
    chained_20: ["chain_20", 16, "typedef"],
    chained_25_ptr: ["chain_25 *", 8, "ptr"],
    real: ["double", 8, "float"],
    single: ["float", 4, "float"],
    big_enum: ["enum shape_enum64", 8, "enum"],
    callback: ["void (*)(struct target *)", 8, "ptr"],
  };
  const got = Object.fromEntries(
    members(shapes, findStruct(shapes, "chains")).map((m) => [
      m.name,
      [typeName(shapes, m.typeId), sizeOf(shapes, m.typeId), typeKind(shapes, m.typeId)],
    ]),
  );
  assert.deepEqual(got, expected);
  assert.equal(declaration(shapes, memberType("chains", "arr"), "arr"), "struct target arr[3]");
  assert.equal(
    declaration(shapes, memberType("chains", "callback"), "callback"),
    "void (*callback)(struct target *)",
  );
  assert.equal(typeName(shapes, 0), "void");
  assert.equal(typeKind(shapes, 0), "void");
  assert.equal(pointerSize(shapes), 8);
  assert.equal(typeName(shapes, structsNamed(shapes, "only_typedef")[0]), "struct {...}");
  assert.equal(
    typeName(shapes, resolvePath(shapes, "array_like.__empty_value").typeId),
    "struct {...}",
  );
});

Deno.test("members reads kind_flag bitfields: offsets of the storage unit, bit offsets, widths", () => {
  const got = members(shapes, findStruct(shapes, "bits")).map((m) => [
    m.name,
    m.offset,
    m.bitOffset,
    m.bitSize,
  ]);
  assert.deepEqual(got, [
    ["flag_a", 0, 0, 1],
    ["flag_b", 0, 1, 3],
    ["odd_bits", 0, 4, 5],
    ["mid", 0, 9, 7],
    ["byte_bits", 0, 16, 8],
    ["after", 3, 24, 0],
    ["wide", 8, 64, 0],
    ["late_bits", 16, 128, 13],
    ["late_odd", 16, 141, 11],
    ["end", 20, 160, 0],
  ]);
  assert.equal(oracle["bits.after"], 3);
  assert.equal(oracle["bits.end"], 20);
});

Deno.test("members reads the old bitfield encoding (width and shift in the INT type)", () => {
  const b = new BtfBuilder();
  const u32 = b.int("unsigned int", 4);
  // INT encoding word: bits 0-7 width, bits 16-23 offset.
  const three = b.raw("unsigned int", Kind.INT, 0, 4, [3]);
  const shifted = b.raw("unsigned int", Kind.INT, 0, 4, [(2 << 16) | 5]);
  const s = b.struct("old", 8, [["a", three, 0], ["b", shifted, 3], ["c", u32, 32]]);
  const types = BtfTypes.build(b.build());
  assert.deepEqual(members(types, s).map((m) => [m.name, m.offset, m.bitOffset, m.bitSize]), [
    ["a", 0, 0, 3],
    ["b", 0, 5, 5],
    ["c", 4, 32, 0],
  ]);
});

Deno.test("members and sizeOf errors name the type id and kind", () => {
  throwsBtf(
    () => members(shapes, memberType("chains", "plain_int")),
    `btf: type id ${memberType("chains", "plain_int")} (INT) is not a struct or union`,
  );
  const fwd = shapes.byName("never_defined")[0];
  throwsBtf(() => sizeOf(shapes, fwd), `btf: type id ${fwd} (FWD) has no size`);
  throwsBtf(() => sizeOf(shapes, 0), "btf: type id 0 (VOID) has no size");
});

Deno.test("members follows typedefs to the struct; sizeOf of a 2-D array", () => {
  const only = shapes.byName("only_typedef").find((id) => shapes.kind(id) === Kind.TYPEDEF)!;
  assert.deepEqual(members(shapes, only).map((m) => [m.name, m.offset]), [
    ["ot_a", 0],
    ["ot_b", oracle["only_typedef.ot_b"]],
  ]);
  const b = new BtfBuilder();
  const u16 = b.int("u16", 2);
  const idx = b.int("int", 4);
  const row = b.raw("", Kind.ARRAY, 0, 0, [u16, idx, 5]);
  const grid = b.raw("", Kind.ARRAY, 0, 0, [row, idx, 3]);
  const types = BtfTypes.build(b.build());
  assert.equal(sizeOf(types, grid), 30);
  assert.equal(typeName(types, grid), "u16[3][5]");
  // No `long` in this BTF: the pointer size cannot be told (libbpf's rule), and is not guessed.
  assert.equal(pointerSize(types), null);
});

Deno.test("resolvePath: chain, arrays, '->' hops, and member_offset's anonymous descent", () => {
  const deep = resolvePath(shapes, "nest.deep_field");
  assert.deepEqual(
    [deep.offset, deep.size, deep.type, deep.chain],
    [24, 8, "long", ["nest.deep_field"]],
  );
  const elem = resolvePath(shapes, "chains.arr[2].t1");
  assert.deepEqual([elem.offset, elem.size, elem.type, elem.chain], [
    oracle["chains.arr"] + 2 * 16 + oracle["target.t1"],
    8,
    "long",
    ["chains.arr[2]", "target.t1"],
  ]);
  const hop = resolvePath(shapes, "chains.ptr->t1");
  assert.deepEqual(
    hop.hops.map((h) => [h.base, h.expr, h.offset, h.size, h.type, h.chain]),
    [
      ["chains", "chains.ptr", 0, 8, "struct target *", ["chains.ptr"]],
      ["target", "target.t1", 8, 8, "long", ["target.t1"]],
    ],
  );
  assert.equal(hop.offset, 8);
  // Through a typedef'd, tagged pointer, and into a union.
  assert.equal(resolvePath(shapes, "chains.tagged->t1").offset, 8);
  assert.equal(resolvePath(shapes, "chains.union_ptr->ou_b").offset, oracle["only_union.ou_b"]);
  // The array through a typedef: a bitfield reports its width.
  const bit = resolvePath(shapes, "bits.byte_bits");
  assert.deepEqual([bit.offset, bit.bitSize, bit.size], [2, 8, 4]);
  // Same walk as member_offset.
  for (const f of ["deepest", "dup_field", "later", "wide_alias"]) {
    assert.equal(
      resolvePath(shapes, `nest.${f}`).offset,
      memberOffset(shapes, findStruct(shapes, "nest"), f),
    );
  }
});

Deno.test("resolvePath errors: one line naming the path and the defect", () => {
  const cases: [string, string][] = [
    ["nosuch.x", "btf: resolve nosuch.x: btf: type 'nosuch' not found"],
    [
      "only_union.ou_a",
      "btf: resolve only_union.ou_a: btf: 'only_union' exists but is not a struct",
    ],
    ["nest.nope", "btf: resolve nest.nope: btf: struct 'nest' has no member 'nope'"],
    [
      "nest.misaligned_b",
      "btf: resolve nest.misaligned_b: btf: field 'misaligned_b' has non-byte-aligned offset (67 bits)",
    ],
    [
      "chains.ptr.t0",
      "btf: resolve chains.ptr.t0: btf: 'chains.ptr' is a pointer: follow it with '->t0'",
    ],
    [
      "chains.plain_int->x",
      "btf: resolve chains.plain_int->x: btf: 'chains.plain_int' is int, not a pointer",
    ],
    [
      "chains.plain_int[0]",
      "btf: resolve chains.plain_int[0]: btf: 'chains.plain_int' is int, not an array",
    ],
    [
      "chains.arr[3]",
      "btf: resolve chains.arr[3]: btf: index 3 is past the end of 'chains.arr' (3 elements)",
    ],
    [
      "chains.fwd_struct->x",
      "btf: resolve chains.fwd_struct->x: btf: type id " + shapes.byName("never_defined")[0] +
      " (FWD) is not a struct or union",
    ],
    [
      "chains.void_ptr->x",
      "btf: resolve chains.void_ptr->x: btf: type id 0 (VOID) is not a struct or union",
    ],
    ["1nest", "btf: bad path '1nest': it must start with a struct name"],
    ["nest..head", "btf: bad path 'nest..head' at '..head'"],
    ["nest.head[", "btf: bad path 'nest.head[' at '['"],
  ];
  for (const [expr, message] of cases) throwsBtf(() => resolvePath(shapes, expr), message);
});

Deno.test("structsNamed: every definition of a name, typedef fallback, exact errors", () => {
  const twins = structsNamed(shapes, "twin");
  assert.deepEqual(twins.map((id) => shapes.kind(id)), [Kind.UNION, Kind.STRUCT, Kind.STRUCT]);
  assert.deepEqual(twins.map((id) => members(shapes, id)[0].name), [
    "u",
    "file_scope_twin",
    "block_scope_twin",
  ]);
  assert.ok(twins[0] < twins[1] && twins[1] < twins[2]);
  assert.equal(shapes.kind(structsNamed(shapes, "only_typedef")[0]), Kind.STRUCT);
  throwsBtf(() => structsNamed(shapes, "nosuch"), "btf: type 'nosuch' not found");
  throwsBtf(
    () => structsNamed(shapes, "lonely"),
    "btf: 'lonely' exists but is not a struct or union",
  );
});

Deno.test("structLayout: holes, bit holes, padding, anonymous members in place, --expand", () => {
  const bits = structLayout(shapes, findStruct(shapes, "bits"));
  assert.deepEqual(bits.holes, [
    { after: 5, offset: 4, bits: 32, inUnit: false },
    { after: 8, offset: 19, bits: 8, inUnit: true },
  ]);
  assert.equal(bits.padding, 0);
  const nest = structLayout(shapes, findStruct(shapes, "nest"));
  assert.equal(nest.padding, 4);
  assert.deepEqual(nest.holes, [
    { after: 2, offset: 9, bits: 24, inUnit: true },
    { after: 2, offset: 12, bits: 32, inUnit: false },
  ]);
  const union = nest.members[3].expanded!;
  assert.deepEqual([union.kind, union.offset, union.size], ["union", 16, 16]);
  const inner = union.members[1].expanded!;
  assert.deepEqual(inner.members.map((m) => [m.name, m.offset]), [["pre", 16], ["deep_field", 24]]);
  assert.deepEqual(inner.holes, [{ after: 0, offset: 20, bits: 32, inUnit: false }]);

  const chains = structLayout(shapes, findStruct(shapes, "chains"), ["direct"]);
  const direct = chains.members.find((m) => m.name === "direct")!;
  assert.deepEqual(direct.expanded!.members.map((m) => [m.name, m.offset, m.size]), [
    ["t0", oracle["chains.direct"] + oracle["target.t0"], 4],
    ["t1", oracle["chains.direct"] + oracle["target.t1"], 8],
  ]);
  assert.equal(chains.members.find((m) => m.name === "arr")!.expanded, undefined);
  const outer = structLayout(shapes, findStruct(shapes, "other_target"), ["inner"]);
  assert.equal(outer.members[1].expanded!.members[1].offset, oracle["other_target.inner"] + 8);
  throwsBtf(
    () => structLayout(shapes, findStruct(shapes, "chains"), ["ptr"]),
    "btf: cannot expand 'ptr': 'ptr' is struct target *, not a struct or union",
  );
  throwsBtf(
    () => structLayout(shapes, findStruct(shapes, "chains"), ["nope"]),
    "btf: struct 'chains' has no member 'nope'",
  );
});

Deno.test("findMember: member_offset's walk also returns the type and the anonymous path", () => {
  const nest = findStruct(shapes, "nest");
  const found = findMember(shapes, nest, "deepest");
  assert.equal(found.offset, oracle["nest.deepest"]);
  assert.equal(typeName(shapes, found.type), "int");
  assert.deepEqual(found.anon.map((id) => shapes.kind(id)), [
    Kind.UNION,
    Kind.STRUCT,
    Kind.UNION,
    Kind.STRUCT,
  ]);
  assert.deepEqual(findMember(shapes, nest, "head").anon, []);
  assert.equal(findMember(shapes, findStruct(shapes, "bits"), "byte_bits").bitSize, 8);
});
