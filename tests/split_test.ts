/**
 * Split BTF (docs/CLI.md): testdata/split_mod.btf is pahole's BTF of testdata/src/split/mod.c
 * encoded over testdata/split_base.btf (testdata/src/split/base.c). Type ids, names and
 * header values are hard-coded from
 *   bpftool btf dump file testdata/split_base.btf
 *   bpftool -B testdata/split_base.btf btf dump file testdata/split_mod.btf
 * (bpftool 7.1 takes the base as `-B`, not as a trailing `base` argument), and offsets from
 * gcc: a host program that #includes testdata/src/split/mod.c and prints offsetof/sizeof
 * (build.sh runs oracles only for top-level sources), cross-checked with
 * `pahole -F btf --btf_base testdata/split_base.btf -C <struct> testdata/split_mod.btf`.
 */
import assert from "node:assert/strict";
import { fixture, throwsBtf } from "./helpers.ts";
import {
  BtfError,
  BtfTypes,
  datasecVarOffset,
  directMember,
  findStruct,
  findStructOrFwd,
  kindName,
  loadBtf,
  memberOffset,
  resolveMemberStruct,
  resolveToStruct,
  structSize,
} from "../mod.ts";

const BASE_PATH = fixture("split_base.btf");
const MOD_PATH = fixture("split_mod.btf");
const base = loadBtf(BASE_PATH).types;
const mod = loadBtf(MOD_PATH, base).types;

/** Ids from the bpftool dumps above. */
const ID = {
  listNode: 1,
  listNodePtr: 2,
  baseObj: 3,
  long: 5,
  baseStats: 15,
  cookieTypedef: 16,
  baseLast: 22, // DATASEC '.data..percpu' of the base
  modInner: 23,
  modDev: 27,
  cookieStruct: 31,
  listNodeTypedef: 32,
  modHolder: 33,
  modLast: 37, // DATASEC '.data..percpu' of the module
};

/** String section length of split_base.btf (header word at byte 20: 304). */
const BASE_STR_LEN = 304;

/** Offsets printed by gcc for mod.c's structs (see the module comment). */
const GCC = {
  "mod_dev.obj": 24,
  "mod_dev.head": 72,
  "mod_dev.counter": 80,
  "mod_dev.inner": 88,
  "mod_dev.stats": 104,
  "mod_dev.mod_anon_a": 112,
  "mod_dev.mod_anon_pad": 112,
  "mod_dev.mod_anon_deep": 116,
  "mod_dev.mod_flags": 120,
  "sizeof.mod_dev": 128,
  "cookie.crumbs": 0,
  "cookie.value": 8,
  "sizeof.cookie": 16,
  "mod_holder.node": 0,
  "mod_holder.ck": 16,
  "sizeof.mod_holder": 32,
  "mod_inner.mi_y": 8,
  "base_obj.counter": 8,
  "base_obj.link": 16,
  "list_node.prev": 8,
  "sizeof.base_obj": 48,
};

Deno.test("split: ids continue after the base's last id", () => {
  assert.equal(base.firstId, 1);
  assert.equal(base.lastId, ID.baseLast);
  assert.equal(mod.base, base);
  assert.equal(mod.firstId, base.lastId + 1);
  assert.equal(mod.firstId, ID.modInner);
  assert.equal(mod.lastId, ID.modLast);
  assert.equal(mod.count, 15);
  assert.equal(kindName(mod.kind(ID.modLast)), "DATASEC");
  // The split table answers for base ids too.
  assert.equal(mod.name(ID.baseObj), "base_obj");
  assert.equal(kindName(mod.kind(ID.baseObj)), "STRUCT");
  // bpftool -B: module kinds only (ids 23..37).
  assert.deepEqual(mod.kindCounts(), {
    STRUCT: 5,
    INT: 2,
    UNION: 1,
    ARRAY: 2,
    PTR: 1,
    TYPEDEF: 1,
    VAR: 2,
    DATASEC: 1,
  });
  assert.deepEqual(base.kindCounts(), {
    STRUCT: 6,
    PTR: 1,
    INT: 4,
    ARRAY: 2,
    CONST: 1,
    UNION: 1,
    VOLATILE: 1,
    ENUM64: 1,
    TYPEDEF: 1,
    VAR: 3,
    DATASEC: 1,
  });
});

Deno.test("split: names resolve through both string tables", () => {
  const dev = findStruct(mod, "mod_dev");
  assert.equal(dev, ID.modDev);
  assert.equal(mod.name(dev), "mod_dev");
  // mod_dev's member 3 is `counter`, a name pahole took from the base's strings: its offset
  // word is below the base's string length, and equals base_obj.counter's (member 1).
  const counterName = mod.elemWord(dev, 3, 0);
  assert.ok(counterName < BASE_STR_LEN, `name offset ${counterName} is in the base strings`);
  assert.equal(counterName, base.elemWord(ID.baseObj, 1, 0));
  assert.equal(mod.stringAt(counterName), "counter");
  // `mod_flags` only exists in the module's strings.
  const flagsName = mod.elemWord(dev, 7, 0);
  assert.ok(flagsName >= BASE_STR_LEN, `name offset ${flagsName} is in the module strings`);
  assert.equal(mod.stringAt(flagsName), "mod_flags");
  assert.equal(memberOffset(mod, dev, "counter"), GCC["mod_dev.counter"]);
  assert.equal(memberOffset(mod, dev, "mod_flags"), GCC["mod_dev.mod_flags"]);
  // The base cannot see module names.
  assert.deepEqual(base.byName("mod_dev"), []);
});

Deno.test("split: byName returns base matches first; find_struct skips to the module", () => {
  // list_node: STRUCT in the base [1], TYPEDEF in the module [32].
  assert.deepEqual(mod.byName("list_node"), [ID.listNode, ID.listNodeTypedef]);
  assert.equal(findStruct(mod, "list_node"), ID.listNode);
  // cookie: TYPEDEF in the base [16], STRUCT in the module [31].
  assert.deepEqual(mod.byName("cookie"), [ID.cookieTypedef, ID.cookieStruct]);
  assert.equal(findStruct(mod, "cookie"), ID.cookieStruct);
  assert.deepEqual(findStructOrFwd(mod, "cookie"), { kind: "struct", id: ID.cookieStruct });
  throwsBtf(() => findStruct(base, "cookie"), "btf: 'cookie' exists but is not a struct");
  throwsBtf(() => findStruct(mod, "mod_nothing"), "btf: type 'mod_nothing' not found");
});

Deno.test("split: module struct offsets equal gcc's offsetof", () => {
  const dev = findStruct(mod, "mod_dev");
  for (
    const f of [
      "obj",
      "head",
      "counter",
      "inner",
      "stats",
      "mod_anon_a",
      "mod_anon_pad",
      "mod_anon_deep",
      "mod_flags",
    ] as const
  ) {
    assert.equal(memberOffset(mod, dev, f), GCC[`mod_dev.${f}`], `mod_dev.${f}`);
  }
  assert.equal(structSize(mod, dev), GCC["sizeof.mod_dev"]);
  const cookie = findStruct(mod, "cookie");
  assert.equal(memberOffset(mod, cookie, "value"), GCC["cookie.value"]);
  assert.equal(structSize(mod, cookie), GCC["sizeof.cookie"]);
  const holder = findStruct(mod, "mod_holder");
  assert.equal(holder, ID.modHolder);
  assert.equal(memberOffset(mod, holder, "ck"), GCC["mod_holder.ck"]);
  assert.equal(structSize(mod, holder), GCC["sizeof.mod_holder"]);
  throwsBtf(
    () => directMember(mod, dev, "mod_anon_deep"),
    "btf: struct 'mod_dev' has no member 'mod_anon_deep'",
  );
});

Deno.test("split: module members whose types are base structs", () => {
  const dev = ID.modDev;
  const obj = directMember(mod, dev, "obj");
  assert.deepEqual(obj, { offset: GCC["mod_dev.obj"], type: ID.baseObj });
  const objStruct = resolveMemberStruct(mod, obj);
  assert.equal(objStruct, ID.baseObj);
  assert.equal(memberOffset(mod, objStruct, "counter"), GCC["base_obj.counter"]);
  assert.equal(memberOffset(mod, objStruct, "link"), GCC["base_obj.link"]);
  assert.equal(structSize(mod, objStruct), GCC["sizeof.base_obj"]);
  // head: a pointer to a base struct (the PTR [2] is a base type too).
  const head = directMember(mod, dev, "head");
  assert.deepEqual(head, { offset: GCC["mod_dev.head"], type: ID.listNodePtr });
  assert.equal(resolveMemberStruct(mod, head), ID.listNode);
  assert.equal(memberOffset(mod, ID.listNode, "prev"), GCC["list_node.prev"]);
  // stats: a module PTR [29] to a base struct [15].
  const stats = directMember(mod, dev, "stats");
  assert.equal(stats.type, 29);
  assert.equal(resolveToStruct(mod, stats.type), ID.baseStats);
  // inner: the module's own struct.
  assert.equal(resolveMemberStruct(mod, directMember(mod, dev, "inner")), ID.modInner);
  assert.equal(memberOffset(mod, ID.modInner, "mi_y"), GCC["mod_inner.mi_y"]);
  // mod_holder.node: module TYPEDEF [32] -> base STRUCT [1].
  const node = directMember(mod, ID.modHolder, "node");
  assert.equal(node.type, ID.listNodeTypedef);
  assert.equal(resolveMemberStruct(mod, node), ID.listNode);
  // `counter` is a long: not a struct.
  throwsBtf(
    () => resolveMemberStruct(mod, directMember(mod, dev, "counter")),
    "btf: could not resolve member to struct",
  );
});

Deno.test("split: datasec_var_offset searches the base's and the module's DATASECs", () => {
  // nm of gcc's mod.o: mod_pcpu_counter 0x0, mod_pcpu_inner 0x10; base.o: base_pcpu_b 0x28.
  assert.equal(datasecVarOffset(mod, ".data..percpu", "mod_pcpu_inner"), 16);
  assert.equal(datasecVarOffset(mod, ".data..percpu", "mod_pcpu_counter"), 0);
  assert.equal(datasecVarOffset(mod, ".data..percpu", "base_pcpu_b"), 40);
  assert.equal(datasecVarOffset(base, ".data..percpu", "mod_pcpu_inner"), null);
  assert.equal(datasecVarOffset(mod, ".data..percpu", "mod_devices"), null);
});

Deno.test("split: attaching to the shared buffer gives the same answers", () => {
  const attached = BtfTypes.attach(mod.buffer, base);
  assert.equal(attached.firstId, ID.modInner);
  assert.equal(findStruct(attached, "mod_dev"), ID.modDev);
  assert.equal(memberOffset(attached, ID.modDev, "mod_anon_deep"), GCC["mod_dev.mod_anon_deep"]);
  assert.deepEqual(attached.byName("cookie"), [ID.cookieTypedef, ID.cookieStruct]);
});

Deno.test("split: the module's blob without its base fails with a BtfError", () => {
  // Its strings start with its first own name (mod_inner), not the empty string: split BTF.
  let err: unknown;
  try {
    loadBtf(MOD_PATH);
  } catch (e) {
    err = e;
  }
  assert.ok(err instanceof BtfError, `expected a BtfError, got ${String(err)}`);
  assert.equal(
    err.message,
    `btf: open ${MOD_PATH}: split BTF (a module's): pass --base VMLINUX`,
  );
  // loadBtf checks a base against the module: shapes.btf is not the module's base.
  throwsBtf(
    () => loadBtf(MOD_PATH, loadBtf(fixture("shapes.btf")).types),
    `btf: open ${MOD_PATH}: split BTF does not match its base: type id 140 has name offset 304, not the start of a string (built against another vmlinux?)`,
  );
  // Built over the wrong base (shapes.btf): ids shift past its 139 types and the module's
  // string offsets land in the wrong strings, so mod_dev is no longer found by name; touching
  // any type either works or throws a BtfError.
  const wrongBase = loadBtf(fixture("shapes.btf")).types;
  const rebuilt = BtfTypes.build(mod.rawBytes().slice(), wrongBase);
  assert.equal(rebuilt.firstId, 140);
  assert.notEqual(rebuilt.name(140), "mod_inner");
  throwsBtf(() => findStruct(rebuilt, "mod_dev"), "btf: type 'mod_dev' not found");
  for (let id = rebuilt.firstId; id <= rebuilt.lastId; id++) {
    for (const touch of [() => rebuilt.name(id), () => resolveToStruct(rebuilt, id)]) {
      try {
        touch();
      } catch (e) {
        assert.ok(e instanceof BtfError, `type ${id}: ${String(e)}`);
      }
    }
  }
});

Deno.test("split: a blob whose types point outside it is rejected when it is parsed", () => {
  // A base-less blob (names local) holding PTR -> type 40 and a STRUCT whose member is type
  // 41: ids 40 and 41 would be base types; without the base they do not exist, and the
  // parse says so (as the kernel's verifier does), naming the type with the highest one.
  const words = [
    [0, 0x02000000, 40], // [1] PTR -> 40
    [1, 0x04000001, 8, 3, 41, 0], // [2] STRUCT 's' { 'm': 41 @ 0 }
  ].flat();
  const strs = new TextEncoder().encode("\0s\0m\0");
  const bytes = new Uint8Array(24 + words.length * 4 + strs.length);
  const v = new DataView(bytes.buffer);
  v.setUint16(0, 0xeb9f, true);
  bytes[2] = 1;
  v.setUint32(4, 24, true);
  v.setUint32(12, words.length * 4, true);
  v.setUint32(16, words.length * 4, true);
  v.setUint32(20, strs.length, true);
  words.forEach((w, i) => v.setUint32(24 + 4 * i, w, true));
  bytes.set(strs, 24 + words.length * 4);
  throwsBtf(
    () => BtfTypes.build(bytes),
    "btf: type id 2 (STRUCT) refers to type id 41, past the last type id 2",
  );
  // A member name past the strings (as a base name would be) is also found by the parse.
  const badName = bytes.slice();
  new DataView(badName.buffer).setUint32(24 + 4 * 6, 500, true); // member 'm' name -> 500
  throwsBtf(
    () => BtfTypes.build(badName),
    "btf: type id 2 (STRUCT) element 0 has name offset 500 past the strings",
  );
});
