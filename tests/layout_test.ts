/**
 * `struct` layouts against pahole: on the host BTF and on the real 7.3 kernel, every member
 * of every struct the offset groups read has pahole's offset and size, in pahole's order
 * (anonymous structs and unions expanded in place), the same holes, and each struct pahole's
 * total size; and every struct of the C fixtures likewise.
 */
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import type { BtfTypes } from "../btf/table.ts";
import { isComposite } from "../btf/table.ts";
import { loadBtf } from "../load/file.ts";
import { type Layout, structLayout, structsNamed } from "../query/layout.ts";
import { resolveOffsets } from "../resolvers/mod.ts";
import { plural } from "../report/layout.ts";
import { fixture, PINNED_73_BTF, run, runCli } from "./helpers.ts";
import { Kind } from "../btf/kinds.ts";

/**
 * One member line of pahole's output: name (`""` for a closing `};`), offset, bit, size; or a
 * hole (`hole 4 bytes`, `hole 3 bits`).
 */
type Row = [name: string, offset: number, bit: number | null, size: number];

/** pahole's rows and total size of each struct, by name (the first definition printed). */
function paholeRows(path: string, names: string[]): Map<string, { rows: Row[]; size: number }> {
  const out = run("pahole", ["-F", "btf", "-C", names.join(","), path]);
  const found = new Map<string, { rows: Row[]; size: number }>();
  let current: { rows: Row[]; size: number } | undefined;
  for (const line of out.split("\n")) {
    const open = /^(?:struct|union) (\w+) \{/.exec(line);
    if (open) {
      current = { rows: [], size: -1 };
      if (!found.has(open[1])) found.set(open[1], current);
      continue;
    }
    if (!current) continue;
    const hole = /\/\* XXX (\d+ (?:byte|bit)s?) hole/.exec(line);
    if (hole) current.rows.push([`hole ${hole[1]}`, -1, null, -1]);
    const at = /\/\*\s+(\d+)(?::\s*(\d+))?\s+(\d+) \*\/$/.exec(line);
    if (at) {
      const close = /^\s*\}\s*(\w*)(?: __attribute__\(\(.*\)\))?;/.exec(line);
      const named = /\(\*(\w+)\)\(/.exec(line) ??
        /(\w+)(?:\[\d*\])*(?::\d+)?(?: __attribute__\(\(.*\)\))?;/.exec(line);
      if (!close && !named) throw new Error(`unparsed pahole line: ${line}`);
      const name = close ? close[1] : named![1];
      current.rows.push([
        name,
        Number(at[1]),
        at[2] === undefined ? null : Number(at[2]),
        Number(at[3]),
      ]);
    }
    const size = /^\s*\/\* size: (\d+),/.exec(line);
    if (size && /^\t\/\*/.test(line)) current.size = Number(size[1]);
    if (line === "};") current = undefined;
  }
  return found;
}

/** The same rows from a layout: an expanded member's rows first, then its closing row. */
function layoutRows(layout: Layout): Row[] {
  return layout.members.flatMap((m, i): Row[] => {
    const self: Row = [m.name, m.offset, m.bitOffset ?? null, m.size];
    const holes = layout.holes.filter((h) => h.after === i).map((h): Row => {
      const size = h.inUnit ? plural(h.bits, "bit") : plural(h.bits / 8, "byte");
      return [`hole ${size}`, -1, null, -1];
    });
    return [...(m.expanded ? [...layoutRows(m.expanded), self] : [self]), ...holes];
  });
}

/** Names of the structs (and unions) every group reads: each one whose members are walked. */
function structsTheGroupsRead(types: BtfTypes): string[] {
  const seen = new Set<number>();
  const elements = types.elements.bind(types);
  Object.assign(types, {
    elements(id: number) {
      seen.add(id);
      return elements(id);
    },
  });
  try {
    resolveOffsets(types);
  } finally {
    delete (types as { elements?: unknown }).elements;
  }
  const names = [...seen].filter((id) => isComposite(types.kind(id))).map((id) => types.name(id));
  return [...new Set(names.filter((n) => n !== ""))].sort();
}

function compareWithPahole(path: string, minimum: number) {
  const { types } = loadBtf(path);
  const names = structsTheGroupsRead(types);
  assert.ok(names.length >= minimum, `only ${names.length} structs read: ${names}`);
  const pahole = paholeRows(path, names);
  let rows = 0;
  for (const name of names) {
    const expected = pahole.get(name);
    assert.ok(expected, `pahole printed no ${name}`);
    const layout = structLayout(types, structsNamed(types, name)[0]);
    assert.deepEqual(layoutRows(layout), expected.rows, name);
    assert.equal(layout.size, expected.size, `${name} size`);
    rows += expected.rows.length;
  }
  return { structs: names.length, rows };
}

Deno.test("struct: host BTF layouts of every struct the groups read equal pahole's", () => {
  const { structs, rows } = compareWithPahole(PINNED_73_BTF, 30);
  assert.ok(rows > 700, `${structs} structs, ${rows} rows`);
});

Deno.test("struct: 7.3 kernel layouts of every struct the groups read equal pahole's", () => {
  assert.ok(existsSync(PINNED_73_BTF), `${PINNED_73_BTF} missing: run tests/prepare.sh`);
  const { structs, rows } = compareWithPahole(PINNED_73_BTF, 50);
  assert.ok(rows > 1000, `${structs} structs, ${rows} rows`);
});

Deno.test("struct: every struct of the shapes and era fixtures equals pahole's layout", () => {
  for (const name of ["shapes.btf", "era_7_3.btf", "era_7_1.btf", "era_6_12.btf"]) {
    const path = fixture(name);
    const { types } = loadBtf(path);
    const structs: string[] = [];
    for (let id = 1; id <= types.lastId; id++) {
      // A name defined twice (shapes' `twin`) is checked by id in query_test.ts.
      if (types.kind(id) !== Kind.STRUCT || types.nameOff(id) === 0) continue;
      if (structsNamed(types, types.name(id)).length === 1) structs.push(types.name(id));
    }
    const pahole = paholeRows(path, structs);
    for (const struct of structs) {
      const layout = structLayout(types, structsNamed(types, struct)[0]);
      assert.deepEqual(layoutRows(layout), pahole.get(struct)?.rows, `${name} ${struct}`);
      assert.equal(layout.size, pahole.get(struct)?.size, `${name} ${struct} size`);
    }
    assert.ok(structs.length >= 8, `${name}: ${structs.length} structs`);
  }
});

Deno.test("struct: member lines read as pahole's, arrays and function pointers included", async () => {
  const names = ["callback_head", "kernel_cpustat", "file_operations", "rq"];
  // pahole writes `T * *` for `T **`, and the alignment it infers as an attribute.
  const memberLines = (text: string) =>
    text.split("\n").filter((l) => /;\s+\/\*[\s\d:]+\*\/$/.test(l)).map((l) =>
      l.replace(/\s+/g, " ").replaceAll("* *", "**").replace(/ __attribute__\(\(.*?\)\)\)/, "")
        .trim()
    );
  const ours = await runCli(["struct", ...names, "-k", PINNED_73_BTF]);
  assert.equal(ours.code, 0, ours.stderr);
  const theirs = run("pahole", ["-F", "btf", "-C", names.join(","), PINNED_73_BTF]);
  const want = memberLines(theirs);
  assert.ok(want.some((l) => l.includes("(*func)(struct callback_head *);")), want.join("\n"));
  assert.ok(want.includes("u64 cpustat[10]; /* 32 80 */"), want.join("\n"));
  assert.deepEqual(memberLines(ours.stdout), want);
});

Deno.test("struct: task_struct and rq on every architecture's kernel read as pahole's", async () => {
  // pahole writes `T * *` for `T **`, and the alignment it infers as an attribute.
  const memberLines = (text: string) =>
    text.split("\n").filter((l) => /;\s+\/\*[\s\d:]+\*\/$/.test(l)).map((l) =>
      l.replace(/\s+/g, " ").replaceAll("* *", "**").replace(/ __attribute__\(\(.*?\)\)\)/, "")
        .trim()
    );
  for (const kernel of ["arm64-7", "riscv64", "s390x", "ppc64el"]) {
    const path = fixture(`.cache/${kernel}.btf`);
    const ours = await runCli(["struct", "task_struct", "rq", "-k", path]);
    assert.equal(ours.code, 0, ours.stderr);
    const theirs = memberLines(run("pahole", ["-F", "btf", "-C", "task_struct,rq", path]));
    assert.ok(theirs.length > 150, `${kernel}: ${theirs.length} member lines`);
    assert.deepEqual(memberLines(ours.stdout), theirs, kernel);
  }
});

for (const arch of ["i686", "armv7", "ppc32"]) {
  Deno.test(`struct: every struct and union of the 32-bit ${arch} fixture equals pahole's layout`, () => {
    const path = fixture(`ptr32_${arch}.btf`);
    const { types } = loadBtf(path);
    const names: string[] = [];
    for (let id = 1; id <= types.lastId; id++) {
      const kind = types.kind(id);
      if ((kind !== Kind.STRUCT && kind !== Kind.UNION) || types.nameOff(id) === 0) continue;
      if (structsNamed(types, types.name(id)).length === 1) names.push(types.name(id));
    }
    const pahole = paholeRows(path, names);
    let pointers = 0;
    for (const name of names) {
      const layout = structLayout(types, structsNamed(types, name)[0]);
      assert.deepEqual(layoutRows(layout), pahole.get(name)?.rows, `${arch} ${name}`);
      // pahole prints no size for a union (its size is checked against the compiler's in
      // tests/ptr32_test.ts).
      if (layout.kind === "struct") {
        assert.equal(layout.size, pahole.get(name)?.size, `${arch} ${name} size`);
      }
      // Pointers and function pointers (`void (*)(int)`), every one 4 bytes.
      const isPointer = (t: string) => t.endsWith("*") || t.endsWith(")");
      pointers += layout.members.filter((m) => isPointer(m.type) && m.size === 4).length;
    }
    assert.ok(names.length >= 15, `${arch}: ${names.length} structs and unions`);
    assert.ok(pointers >= 40, `${arch}: ${pointers} pointer members of 4 bytes`);
  });
}
