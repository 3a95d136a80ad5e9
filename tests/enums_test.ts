/**
 * Enumerator lookup (btf/enums.ts; docs/JSON.md). testdata/split_enums_base.btf and
 * split_enums_mod.btf are gcc + pahole BTF of testdata/src/split_enums/{base,mod}.c; the
 * expected values are the C source's literals, and the type ids come from
 *   bpftool btf dump file testdata/split_enums_base.btf
 *   bpftool -B testdata/split_enums_base.btf btf dump file testdata/split_enums_mod.btf
 */
import assert from "node:assert/strict";
import { fixture, PINNED_73_BTF, run, throwsBtf } from "./helpers.ts";
import { BtfBuilder } from "./btf_builder.ts";
import { BtfTypes, enumerators, enumValue, enumValues, Kind, loadBtf } from "../mod.ts";

const base = loadBtf(fixture("split_enums_base.btf")).types;
const mod = loadBtf(fixture("split_enums_mod.btf"), base).types;

Deno.test("enumValue: a signed ENUM's negative and positive values", () => {
  assert.deepEqual(enumValue(base, "ENUM_NEG"), {
    value: -5,
    signed: true,
    typeId: 1,
    enumName: "enum_signed",
  });
  assert.deepEqual(enumValue(base, "ENUM_POS"), {
    value: 7,
    signed: true,
    typeId: 1,
    enumName: "enum_signed",
  });
});

Deno.test("enumValue: an unsigned ENUM's 0xffffffff stays positive", () => {
  assert.deepEqual(enumValue(base, "ENUM_U32_MAX"), {
    value: 4294967295,
    signed: false,
    typeId: 5,
    enumName: "enum_u32",
  });
});

Deno.test("enumValue: an anonymous ENUM's enumerators are found, enumName empty", () => {
  assert.deepEqual(enumValue(base, "ENUM_ANON_B"), {
    value: 41,
    signed: false,
    typeId: 3,
    enumName: "",
  });
});

Deno.test("enumValue: ENUM64 values, a number when safe, else an exact bigint", () => {
  assert.deepEqual(enumValue(base, "ENUM_BIG_SMALL")?.value, 1);
  assert.deepEqual(enumValue(base, "ENUM_BIG_2_40"), {
    value: 1099511627776,
    signed: false,
    typeId: 6,
    enumName: "enum_big",
  });
  assert.deepEqual(enumValue(base, "ENUM_BIG_HUGE"), {
    value: 0xfedcba9876543210n,
    signed: false,
    typeId: 6,
    enumName: "enum_big",
  });
});

Deno.test("enumValue: a signed ENUM64's negative values (safe, and the 64-bit minimum)", () => {
  assert.deepEqual(enumValue(base, "ENUM_SBIG_NEG"), {
    value: -4886718345,
    signed: true,
    typeId: 8,
    enumName: "enum_sbig",
  });
  assert.deepEqual(enumValue(base, "ENUM_SBIG_MIN")?.value, -9223372036854775808n);
});

Deno.test("enumValue: absent name, empty name and a prefix of a name give null", () => {
  assert.equal(enumValue(base, "ENUM_NOPE"), null);
  assert.equal(enumValue(base, ""), null);
  assert.equal(enumValue(base, "ENUM_NE"), null);
  assert.equal(enumValue(base, "ENUM_NEG\0"), null);
});

Deno.test("enumValue: split BTF searches the base first, then the module", () => {
  // ENUM_SHARED is 11 in the base's enum_first [10] and 22 in the module's enum_mod [11].
  assert.deepEqual(enumValue(mod, "ENUM_SHARED"), {
    value: 11,
    signed: false,
    typeId: 10,
    enumName: "enum_first",
  });
  assert.deepEqual(enumValue(mod, "ENUM_MOD_ONLY"), {
    value: -23,
    signed: true,
    typeId: 11,
    enumName: "enum_mod",
  });
  assert.equal(enumValue(base, "ENUM_MOD_ONLY"), null);
});

Deno.test("enumValue: within one blob the first enum in type-id order wins", () => {
  const b = new BtfBuilder();
  // An anonymous ENUM [1] and a named ENUM64 [2] both define DUP; then a signed ENUM [3].
  b.raw("", Kind.ENUM, 2, 4, [b.str("DUP"), 3, b.str("OTHER"), 4]);
  b.raw("later", Kind.ENUM64, 1, 8, [b.str("DUP"), 9, 0]);
  b.raw("neg", Kind.ENUM, 1, 4, [b.str("NEG1"), 0xffffffff], true);
  const types = BtfTypes.build(b.build());
  assert.deepEqual(enumValue(types, "DUP"), { value: 3, signed: false, typeId: 1, enumName: "" });
  assert.deepEqual(enumValue(types, "NEG1")?.value, -1);
});

Deno.test("enumValues: several names in one pass, absent ones left out", () => {
  const found = enumValues(mod, ["ENUM_POS", "ENUM_MOD_ONLY", "ENUM_NOPE", "ENUM_POS"]);
  assert.deepEqual([...found.keys()].sort(), ["ENUM_MOD_ONLY", "ENUM_POS"]);
  assert.equal(found.get("ENUM_POS")?.value, 7);
  assert.equal(found.get("ENUM_MOD_ONLY")?.value, -23);
});

Deno.test("enumerators: every enumerator of an ENUM and an ENUM64, in order", () => {
  assert.deepEqual(enumerators(base, 1), [
    { name: "ENUM_NEG", value: -5 },
    { name: "ENUM_POS", value: 7 },
  ]);
  assert.deepEqual(enumerators(base, 6), [
    { name: "ENUM_BIG_SMALL", value: 1 },
    { name: "ENUM_BIG_2_40", value: 1099511627776 },
    { name: "ENUM_BIG_HUGE", value: 0xfedcba9876543210n },
  ]);
  assert.deepEqual(enumerators(mod, 11), [
    { name: "ENUM_SHARED", value: 22 },
    { name: "ENUM_MOD_ONLY", value: -23 },
  ]);
});

Deno.test("enumerators: a type that is not an enum is an error", () => {
  throwsBtf(() => enumerators(base, 2), "btf: type id 2 is not an enum");
});

Deno.test("enumerators: a name past the strings is rejected when the blob is parsed", () => {
  const b = new BtfBuilder();
  b.raw("bad", Kind.ENUM, 2, 4, [99999, 1, b.str("GOOD"), 2]);
  throwsBtf(
    () => BtfTypes.build(b.build()),
    "btf: type id 1 (ENUM) element 0 has name offset 99999 past the strings",
  );
});

Deno.test("enumValue: many enumerators sharing hash buckets are all found in id order", () => {
  const b = new BtfBuilder();
  for (let t = 0; t < 40; t++) {
    const pairs = Array.from({ length: 50 }, (_, i) => [b.str(`E_${(t * 50 + i) % 1500}`), t]);
    b.raw(`e${t}`, Kind.ENUM, 50, 4, pairs.flat());
  }
  const types = BtfTypes.build(b.build());
  // E_0 .. E_1499 first appear in types 0..29; types 30..39 repeat E_0 .. E_499.
  for (const i of [0, 1, 499, 500, 1499]) {
    assert.deepEqual(enumValue(types, `E_${i}`)?.typeId, Math.floor(i / 50) + 1, `E_${i}`);
  }
  assert.deepEqual(types.enumeratorsNamed("E_7").map(([id]) => id), [1, 31]);
});

Deno.test("enumValue on the host kernel: the first definition bpftool lists, for every enumerator", () => {
  const types = loadBtf(PINNED_73_BTF).types;
  const first = new Map<string, { value: bigint; typeId: number }>();
  let typeId = 0;
  for (const line of run("bpftool", ["btf", "dump", "file", PINNED_73_BTF]).split("\n")) {
    const head = /^\[(\d+)\] (\w+) /.exec(line);
    if (head) {
      typeId = head[2] === "ENUM" || head[2] === "ENUM64" ? Number(head[1]) : 0;
      continue;
    }
    const e = /^\t'(\w+)' val=(-?\d+)/.exec(line);
    if (typeId !== 0 && e && !first.has(e[1])) {
      first.set(e[1], { value: BigInt(e[2]), typeId });
    }
  }
  assert.ok(first.size > 10000, `${first.size} enumerators`);
  const found = enumValues(types, [...first.keys()]);
  assert.equal(found.size, first.size);
  for (const [name, want] of first) {
    const got = found.get(name)!;
    assert.equal(got.typeId, want.typeId, name);
    assert.equal(BigInt(got.value), want.value, name);
  }
});
