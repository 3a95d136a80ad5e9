/**
 * 32-bit kernels: the pointer size comes from the BTF itself (libbpf's determine_ptr_size),
 * and `struct` and `offset` use it for every pointer. The fixtures are
 * testdata/src/ptr32/ptr32.c built by clang for i686, armv7 and 32-bit powerpc (big-endian)
 * and converted to BTF by pahole -J (testdata/build.sh); testdata/ptr32_<arch>.offsets.json
 * holds the compiler's offsetof/sizeof for that target, read from clang's assembly at compile
 * time (these targets cannot run here). Layouts are compared with pahole run on the same file.
 */
import assert from "node:assert/strict";
import { Kind } from "../btf/kinds.ts";
import { BtfTypes } from "../btf/table.ts";
import { loadBtf } from "../load/file.ts";
import { type Layout, structLayout, structsNamed } from "../query/layout.ts";
import { resolvePath } from "../query/path.ts";
import { LONG_NAMES, POINTER_SIZE_UNKNOWN, pointerSize, sizeOf } from "../query/size.ts";
import { BtfBuilder } from "./btf_builder.ts";
import { fixture, offsetsOracle, run, runCli, tempDir, throwsBtf } from "./helpers.ts";

/** Fixture arch, its clang triple, and whether its BTF is big-endian. */
const ARCHES = [
  ["i686", "i686-linux-gnu", false],
  ["armv7", "armv7a-linux-gnueabihf", false],
  ["ppc32", "powerpc-linux-gnu", true],
] as const;

/**
 * Every named struct and union of a fixture, by name. pahole flattens a multi-dimensional
 * array into one ARRAY (`char *names[2][3]` is `char *[6]` in BTF), so `names[1][2]` is
 * resolved as `names[5]`.
 */
function resolveKey(types: BtfTypes, key: string): number {
  const flat = key.replace(/\[(\d+)\]\[(\d+)\]$/, (_, i, j) => `[${Number(i) * 3 + Number(j)}]`);
  const base = key.split(".")[0];
  const id = structsNamed(types, base)[0];
  if (types.kind(id) === Kind.UNION) return unionMemberOffset(structLayout(types, id), key);
  return resolvePath(types, flat).offset;
}

/** A union's member offset (`find_struct` finds only structs: the union is laid out). */
function unionMemberOffset(layout: Layout, key: string): number {
  const name = key.split(".")[1];
  const find = (l: Layout): number | undefined => {
    for (const m of l.members) {
      if (m.name === name) return m.offset;
      const inner = m.name === "" && m.expanded ? find(m.expanded) : undefined;
      if (inner !== undefined) return inner;
    }
  };
  const offset = find(layout);
  assert.ok(offset !== undefined, `no member ${key}`);
  return offset;
}

/** The first INT named `name`. */
function intNamed(types: BtfTypes, name: string): number {
  const id = types.byName(name).find((i) => types.kind(i) === Kind.INT);
  assert.ok(id !== undefined, `no INT '${name}'`);
  return id;
}

/**
 * pahole's and our member lines, normalized as tests/layout_test.ts does (whitespace,
 * `T * *` for `T **`, the alignment attribute pahole infers) and for pahole's spelling of a
 * qualified pointer (`char * const *` for `char *const *`).
 */
function memberLines(text: string): string[] {
  return text.split("\n").filter((l) => /;\s+\/\*[\s\d:]+\*\/$/.test(l)).map((l) =>
    l.replace(/\s+/g, " ").replaceAll("* *", "**").replaceAll("* const", "*const")
      .replace(/ __attribute__\(\(.*?\)\)\)/, "").trim()
  );
}

/** pahole writes an array of function pointers `void (*f)(int)[4]`; C (and we) `void (*f[4])(int)`. */
function cArrayOfFunctionPointers(line: string): string {
  return line.replace(/\(\*(\w+)\)\(([^()]*)\)((?:\[\d+\])+);/, "(*$1$3)($2);");
}

/** Named structs and unions defined once in the fixture. */
function compositeNames(types: BtfTypes): string[] {
  const names: string[] = [];
  for (let id = 1; id <= types.lastId; id++) {
    const kind = types.kind(id);
    if ((kind !== Kind.STRUCT && kind !== Kind.UNION) || types.nameOff(id) === 0) continue;
    if (structsNamed(types, types.name(id)).length === 1) names.push(types.name(id));
  }
  return names;
}

for (const [arch, triple, bigEndian] of ARCHES) {
  const path = fixture(`ptr32_${arch}.btf`);
  const oracle = () => offsetsOracle(`ptr32_${arch}`);
  const load = () => {
    const { types } = loadBtf(path);
    assert.equal(
      types.bigEndian,
      bigEndian,
      `${path} (clang -target ${triple}, pahole -J) is ${bigEndian ? "big" : "little"}-endian`,
    );
    return types;
  };

  Deno.test(`ptr32 ${arch}: the pointer size is 4, from the BTF's long, as the compiler's`, () => {
    const types = load(), want = oracle();
    assert.equal(want["sizeof.void *"], 4);
    assert.equal(pointerSize(types), want["sizeof.void *"]);
    // clang names the base types `long` and `unsigned long` (gcc: `long int`, ...).
    for (const name of ["long", "unsigned long", "long long"]) {
      assert.equal(sizeOf(types, intNamed(types, name)), want[`sizeof.${name}`], name);
    }
    const stack = resolvePath(types, "task_struct.stack");
    assert.deepEqual([stack.offset, stack.size, stack.type], [
      want["task_struct.stack"],
      4,
      "void *",
    ]);
  });

  Deno.test(`ptr32 ${arch}: every offsetof and sizeof equals the compiler's`, () => {
    const types = load(), want = oracle();
    let checked = 0;
    for (const [key, value] of Object.entries(want)) {
      if (key.startsWith("sizeof.")) {
        const name = key.slice("sizeof.".length);
        if (["void *", "long", "unsigned long", "long long"].includes(name)) continue;
        assert.equal(sizeOf(types, structsNamed(types, name)[0]), value, key);
      } else {
        assert.equal(resolveKey(types, key), value, key);
      }
      checked++;
    }
    assert.ok(checked > 150, `${checked} values checked`);
  });

  Deno.test(`ptr32 ${arch}: offset sizes every pointer and '->' hop with 4 bytes`, async () => {
    const want = oracle();
    const exprs = [
      "rq.curr->se.avg.util_avg",
      "task_struct.parent->scx.kf_tasks[1]",
      "task_struct.security_ptrs[2]",
      "task_struct.handlers[2]",
      "pointer_arrays.slots[5]",
    ];
    const { code, stdout, stderr } = await runCli(["offset", "-k", path, "--json", ...exprs]);
    assert.equal(stderr, "");
    assert.equal(code, 0);
    const paths = JSON.parse(stdout).paths;
    const hops = (i: number) =>
      paths[i].hops.map((h: { offset: number; size: number; type: string }) => [
        h.offset,
        h.size,
        h.type,
      ]);
    assert.deepEqual(hops(0), [
      [want["rq.curr"], 4, "struct task_struct *"],
      [want["task_struct.se.avg.util_avg"], 4, "unsigned long"],
    ]);
    assert.deepEqual(hops(1), [
      [want["task_struct.parent"], 4, "struct task_struct *"],
      [want["task_struct.scx.kf_tasks[1]"], 4, "struct task_struct *"],
    ]);
    assert.deepEqual(hops(2), [[want["task_struct.security_ptrs[2]"], 4, "void *"]]);
    assert.deepEqual(hops(3), [[want["task_struct.handlers[2]"], 4, "void (*)(int)"]]);
    assert.deepEqual(hops(4), [[want["pointer_arrays.slots[5]"], 4, "void *"]]);
    const human = await runCli(["offset", "-k", path, "rq.curr->se.avg.util_avg"]);
    assert.equal(
      human.stdout,
      [
        "rq.curr->se.avg.util_avg",
        "  rq.curr",
        `    offset ${want["rq.curr"]} (0x${
          want["rq.curr"].toString(16)
        })  size 4  struct task_struct *`,
        "    via rq.curr",
        "  task_struct.se.avg.util_avg",
        `    offset ${want["task_struct.se.avg.util_avg"]} (0x${
          want["task_struct.se.avg.util_avg"].toString(16)
        })  size 4  unsigned long`,
        "    via task_struct.se > sched_entity.avg > sched_avg.util_avg",
        "",
      ].join("\n"),
    );
  });

  Deno.test(`ptr32 ${arch}: struct prints pahole's member lines, 4 for every pointer`, async () => {
    const types = load(), names = compositeNames(types);
    assert.ok(names.length >= 15, `${names.length} structs and unions`);
    const ours = await runCli(["struct", "-k", path, ...names]);
    assert.equal(ours.stderr, "");
    assert.equal(ours.code, 0);
    const stack = `\tvoid *                     stack;                /* ${
      String(oracle()["task_struct.stack"]).padStart(5)
    }     4 */`;
    assert.ok(ours.stdout.split("\n").includes(stack), `no line '${stack}'`);
    const want = memberLines(run("pahole", ["-F", "btf", "-C", names.join(","), path]));
    const got = memberLines(ours.stdout);
    assert.ok(want.length > 200, `${want.length} member lines`);
    // Arrays of function pointers are compared in the next test.
    const plain = (l: string) => !/\(\*\w+\)\([^()]*\)\[\d+\];/.test(l);
    assert.deepEqual(got.filter((_, i) => plain(want[i] ?? "")), want.filter(plain));
    assert.ok(want.includes("struct task_struct * (*pick_task)(struct rq *); /* 24 4 */"));
  });

  Deno.test(`ptr32 ${arch}: struct spells an array of function pointers in C`, async () => {
    const ours = await runCli(["struct", "-k", path, "pointer_arrays", "task_struct"]);
    assert.equal(ours.code, 0, ours.stderr);
    const theirs = run("pahole", ["-F", "btf", "-C", "pointer_arrays,task_struct", path]);
    const want = memberLines(theirs).filter((l) => /\(\*handlers\)/.test(l))
      .map(cArrayOfFunctionPointers);
    assert.equal(want.length, 2, theirs);
    const got = memberLines(ours.stdout).filter((l) => l.includes("handlers"));
    assert.deepEqual(
      got,
      want,
      "report/layout.ts columns() does not split `void (*[3])(int)` into the type `void` " +
        "and the declarator `(*handlers[3])(int)`",
    );
  });
}

Deno.test("ptr32: layouts differ only where the ABI does (i686 aligns u64 to 4)", () => {
  const [i686, armv7, ppc32] = ARCHES.map(([arch]) => offsetsOracle(`ptr32_${arch}`));
  assert.deepEqual(armv7, ppc32);
  assert.equal(i686["sizeof.sched_entity"] < armv7["sizeof.sched_entity"], true);
  assert.equal(i686["task_struct.stack"], armv7["task_struct.stack"]);
});

Deno.test("pointerSize: libbpf's rule over every spelling of long", () => {
  const sized = (build: (b: BtfBuilder) => void) => {
    const b = new BtfBuilder();
    build(b);
    return pointerSize(BtfTypes.build(b.build()));
  };
  for (const name of LONG_NAMES) {
    assert.equal(sized((b) => b.int(name, 4)), 4, name);
    assert.equal(sized((b) => b.int(name, 8)), 8, name);
  }
  assert.equal(LONG_NAMES.length, 11);
  // Only INTs of 4 or 8 bytes count, and the first in type-id order wins.
  assert.equal(sized((b) => (b.int("long", 2), b.int("unsigned long", 4))), 4);
  assert.equal(sized((b) => (b.int("long unsigned int", 4), b.int("long", 8))), 4);
  assert.equal(
    sized((b) => (b.ref(Kind.TYPEDEF, "long", b.int("int", 4)), b.int("int long", 8))),
    8,
  );
  // Not a long: none of these tell it.
  assert.equal(sized((b) => (b.int("int", 4), b.int("long long", 8), b.int("unsigned", 4))), null);
});

Deno.test("pointerSize: a split BTF takes its base's; a base without long, its own", () => {
  const { types: base } = loadBtf(fixture("split_base.btf"));
  const { types: mod } = loadBtf(fixture("split_mod.btf"), base);
  assert.equal(pointerSize(base), 8);
  assert.equal(pointerSize(mod), 8);
  const b = new BtfBuilder();
  b.int("int", 4);
  const bare = BtfTypes.build(b.build());
  assert.equal(pointerSize(bare), null);
  const s = new BtfBuilder(bare.lastId + 1, 5);
  s.int("long", 4);
  const split = BtfTypes.build(s.build(), bare);
  assert.equal(pointerSize(split), 4);
});

Deno.test("pointer size unknown: sizeOf, struct and offset say so, in one line", async () => {
  const b = new BtfBuilder();
  const int = b.int("int", 4);
  const ptr = b.ref(Kind.PTR, "", int);
  const s = b.struct("holder", 16, [["count", int, 0], ["where", ptr, 64]]);
  b.struct("plain", 4, [["count", int, 0]]);
  const blob = b.build();
  const types = BtfTypes.build(blob);
  assert.equal(pointerSize(types), null);
  throwsBtf(() => sizeOf(types, ptr), POINTER_SIZE_UNKNOWN);
  assert.equal(sizeOf(types, s), 16);
  using dir = tempDir();
  const file = `${dir.path}/nolong.btf`;
  Deno.writeFileSync(file, blob);
  const struct = await runCli(["struct", "-k", file, "holder", "plain"]);
  assert.equal(struct.code, 1);
  assert.equal(struct.stderr, `ktstr-btf: ${file}: ${POINTER_SIZE_UNKNOWN}\n`);
  assert.match(struct.stdout, /^struct plain \{$/m);
  const offset = await runCli(["offset", "-k", file, "holder.count", "holder.where"]);
  assert.equal(offset.code, 1);
  assert.match(offset.stdout, /^holder\.count\n {2}offset 0 \(0x0\) {2}size 4 {2}int$/m);
  assert.equal(
    offset.stderr,
    `ktstr-btf: ${file}: btf: resolve holder.where: ${POINTER_SIZE_UNKNOWN}\n`,
  );
});
