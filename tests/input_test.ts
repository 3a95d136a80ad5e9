/** Loading (docs/CLI.md) and decoding (docs/DESIGN.md): every input shape and every defect message. */
import assert from "node:assert/strict";
import {
  BtfError,
  BtfTypes,
  extractBtf,
  Kind,
  loadBtf,
  memorySource,
  parseHeader,
} from "../mod.ts";
import { BUILT_WITHOUT_BTF } from "../btf/errors.ts";
import { BtfBuilder, buildElf } from "./btf_builder.ts";
import { tempDir, throwsBtf } from "./helpers.ts";

function smallBtf(): Uint8Array {
  const b = new BtfBuilder();
  const int = b.int("int", 4);
  b.struct("pair", 8, [["a", int, 0], ["b", int, 32]]);
  return b.build();
}

function buildError(bytes: Uint8Array): string {
  try {
    BtfTypes.build(bytes);
  } catch (err) {
    assert.ok(err instanceof BtfError, `expected BtfError, got ${err}`);
    return err.message;
  }
  throw new Error("build did not fail");
}

function patched(bytes: Uint8Array, at: number, value: number): Uint8Array {
  const copy = bytes.slice();
  new DataView(copy.buffer).setUint32(at, value, true);
  return copy;
}

Deno.test("header: a valid 24-byte header decodes with absolute section offsets", () => {
  const blob = smallBtf();
  const h = parseHeader(blob);
  assert.equal(h.version, 1);
  assert.equal(h.hdrLen, 24);
  assert.equal(h.typeStart, 24);
  assert.equal(h.typeLen, 16 + 12 + 24);
  assert.equal(h.strStart, 24 + h.typeLen);
  assert.equal(h.layoutStart, -1);
});

Deno.test("header: each defect gets its own message", () => {
  const blob = smallBtf();
  assert.equal(
    buildError(blob.subarray(0, 10)),
    "btf: 10-byte blob is shorter than the 24-byte header",
  );
  const v2 = blob.slice();
  v2[2] = 2;
  assert.equal(buildError(v2), "btf: unsupported version 2 (expected 1)");
  assert.equal(buildError(patched(blob, 4, 16)), "btf: header length 16 is shorter than 24");
  assert.equal(
    buildError(patched(blob, 4, 100000)),
    `btf: header length 100000 runs past the end of the ${blob.length}-byte blob`,
  );
  assert.equal(
    buildError(patched(blob, 12, 4000)),
    `btf: type section (offset 0, length 4000) runs past the end of the ${blob.length}-byte blob`,
  );
  assert.equal(
    buildError(patched(blob, 16, 0xffffff00)),
    `btf: string section (offset 4294967040, length 14) runs past the end of the ${blob.length}-byte blob`,
  );
  assert.equal(
    buildError(patched(blob, 12, 50)),
    "btf: type section length 50 is not a multiple of 4",
  );
  const unterminated = blob.slice();
  unterminated[unterminated.length - 1] = 0x41;
  assert.equal(buildError(unterminated), "btf: string section is not NUL-terminated");
  // The big-endian magic: the header's words are read big-endian (24 is 0x18000000 so).
  const bigEndian = blob.slice();
  bigEndian[0] = 0xeb;
  bigEndian[1] = 0x9f;
  assert.equal(
    buildError(bigEndian),
    `btf: header length 402653184 runs past the end of the ${blob.length}-byte blob`,
  );
});

Deno.test("header: a longer header is honoured", () => {
  const b = new BtfBuilder();
  b.int("long", 8);
  const blob = b.build({ hdrLen: 40 });
  const types = BtfTypes.build(blob);
  assert.equal(types.count, 1);
  assert.equal(types.name(1), "long");
});

Deno.test("decode: an unknown kind names the type id and kind; a truncated record too", () => {
  const b = new BtfBuilder();
  b.int("int", 4);
  b.raw("odd", 25, 0, 0);
  assert.equal(buildError(b.build()), "btf: type id 2 has unknown kind 25");
  const s = new BtfBuilder();
  const int = s.int("int", 4);
  s.struct("s", 8, [["a", int, 0], ["b", int, 32]]);
  const blob = s.build();
  // Claim 3 members: the third runs past the type section.
  const info = (Kind.STRUCT << 24) | 3;
  assert.equal(
    buildError(patched(blob, 24 + 16 + 4, info)),
    "btf: type id 2 (STRUCT) runs past the end of the type section",
  );
});

Deno.test("decode: the kind-layout section steps over kinds this code does not know", () => {
  const b = new BtfBuilder();
  const int = b.int("int", 4);
  b.raw("future", 25, 2, 0, [7, 8, 9, 10, 11], false); // info 1 word + 2 elements of 2 words
  b.struct("after", 4, [["x", int, 0]]);
  const types = BtfTypes.build(b.build({ layout: [[25, 4, 8]] }));
  assert.equal(types.count, 3);
  assert.equal(types.kind(2), 25);
  assert.equal(types.kind(3), Kind.STRUCT);
  assert.equal(types.name(3), "after");
  assert.deepEqual(types.kindCounts(), { INT: 1, "kind 25": 1, STRUCT: 1 });
});

Deno.test("decode: every kind 0-19 decodes with its record size", () => {
  const b = new BtfBuilder();
  const int = b.int("int", 4); // 1 INT
  const ptr = b.ref(Kind.PTR, "", int); // 2
  b.raw("", Kind.ARRAY, 0, 0, [int, int, 4]); // 3
  const st = b.struct("st", 4, [["m", int, 0]]); // 4
  b.struct("un", 4, [["m", int, 0]], false, Kind.UNION); // 5
  b.raw("en", Kind.ENUM, 2, 4, [b.str("A"), 0, b.str("B"), 1]); // 6
  b.ref(Kind.FWD, "fw", 0, true); // 7
  b.ref(Kind.TYPEDEF, "td", st); // 8
  b.ref(Kind.VOLATILE, "", int); // 9
  b.ref(Kind.CONST, "", int); // 10
  b.ref(Kind.RESTRICT, "", ptr); // 11
  const proto = b.raw("", Kind.FUNC_PROTO, 1, int, [b.str("x"), int]); // 12
  b.ref(Kind.FUNC, "fn", proto); // 13
  const v = b.raw("var", Kind.VAR, 0, int, [1]); // 14
  b.raw(".data", Kind.DATASEC, 1, 4, [v, 0, 4]); // 15
  b.raw("float", Kind.FLOAT, 0, 4); // 16
  b.raw("tag", Kind.DECL_TAG, 0, st, [0xffffffff]); // 17
  b.ref(Kind.TYPE_TAG, "user", int); // 18
  b.raw("e64", Kind.ENUM64, 1, 8, [b.str("BIG"), 1, 2]); // 19
  const types = BtfTypes.build(b.build());
  assert.equal(types.count, 19);
  const kinds = Array.from({ length: 19 }, (_, i) => types.kind(i + 1));
  assert.deepEqual(kinds, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 12, 14, 15, 16, 17, 18, 19]);
  assert.equal(types.name(19), "e64");
  // Kind 0 is type id 0 (void) only: a record of kind 0 is rejected, as the kernel does.
  assert.equal(types.kind(0), Kind.VOID);
  b.raw("", Kind.VOID, 0, 0);
  throwsBtf(() => BtfTypes.build(b.build()), "btf: type id 20 has unknown kind 0");
});

Deno.test("decode: kind_flag members split bit offset and bitfield size", () => {
  const b = new BtfBuilder();
  const int = b.int("int", 4);
  b.struct("bits", 8, [["a", int, (3 << 24) | 0], ["b", int, (5 << 24) | 3], ["c", int, 32]], true);
  const types = BtfTypes.build(b.build());
  assert.equal(types.memberBitOffset(2, 1), 3);
  assert.equal(types.memberBitOffset(2, 2), 32);
  const plain = new BtfBuilder();
  const i2 = plain.int("int", 4);
  plain.struct("wide", 0x200008, [["a", i2, 0x01000020]]);
  assert.equal(BtfTypes.build(plain.build()).memberBitOffset(2, 0), 0x01000020);
});

Deno.test("input: raw BTF is taken as is; an ELF yields its .BTF section (64- and 32-bit)", () => {
  const blob = smallBtf();
  assert.deepEqual(extractBtf(memorySource(blob)), { format: "raw", bytes: blob });
  for (const is64 of [true, false]) {
    const elf = buildElf({ ".text": new Uint8Array(5), ".BTF": blob }, is64);
    const input = extractBtf(memorySource(elf));
    assert.equal(input.format, "elf");
    assert.deepEqual(input.bytes, blob);
  }
});

Deno.test("input: ELF defects and foreign files get one messages", () => {
  const err = (bytes: Uint8Array) => {
    try {
      extractBtf(memorySource(bytes));
    } catch (e) {
      assert.ok(e instanceof BtfError);
      return e.message;
    }
    throw new Error("no error");
  };
  const notRecognized =
    "not recognized as raw BTF (missing 0x9FEB magic), ELF vmlinux or compressed kernel image";
  assert.equal(err(new TextEncoder().encode("hello world")), notRecognized);
  assert.equal(err(new Uint8Array()), "empty file");
  assert.equal(
    err(buildElf({ ".text": new Uint8Array(8) })),
    `ELF file has no .BTF section: ${BUILT_WITHOUT_BTF}`,
  );
  const elf = buildElf({ ".BTF": smallBtf() });
  const grown = elf.slice();
  // Section header 1 (.BTF) size field: make it run past the end of the file.
  new DataView(grown.buffer).setBigUint64(elf.length - 3 * 64 + 64 + 32, 1_000_000n, true);
  assert.equal(err(grown), ".BTF section data out of bounds");
  assert.equal(
    err(elf.subarray(0, 100)),
    `${notRecognized} (ELF section header table lies outside the 100-byte file)`,
  );
  // A little-endian ELF marked big-endian: its header's fields are read big-endian.
  const be = elf.slice();
  be[5] = 2;
  assert.equal(
    err(be),
    `${notRecognized} (ELF section header table lies outside the ${be.length}-byte file)`,
  );
  be[5] = 3;
  assert.equal(err(be), `${notRecognized} (unknown ELF data encoding 3)`);
});

Deno.test("load: file errors are prefixed 'btf: open <path>: '", () => {
  using dir = tempDir();
  const expectLoadError = (path: string, message: string) =>
    assert.throws(() => loadBtf(path), (e) => e instanceof BtfError && e.message === message);
  expectLoadError(
    `${dir.path}/missing`,
    `btf: open ${dir.path}/missing: read file: No such file or directory (os error 2)`,
  );
  expectLoadError(dir.path, `btf: open ${dir.path}: read file: Is a directory (os error 21)`);
  Deno.writeFileSync(`${dir.path}/empty`, new Uint8Array());
  expectLoadError(
    `${dir.path}/empty`,
    `btf: open ${dir.path}/empty: empty file`,
  );
  Deno.writeFileSync(`${dir.path}/trunc`, smallBtf().subarray(0, 30));
  expectLoadError(
    `${dir.path}/trunc`,
    `btf: open ${dir.path}/trunc: btf: type section (offset 0, length 52) runs past the end of the 30-byte blob`,
  );
  Deno.writeFileSync(`${dir.path}/ok.o`, buildElf({ ".BTF": smallBtf() }));
  const loaded = loadBtf(`${dir.path}/ok.o`);
  assert.equal(loaded.format, "elf");
  assert.equal(loaded.types.count, 2);
});
