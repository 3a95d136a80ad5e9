/**
 * kallsyms decoded from memory (guest/kallsyms.ts) on synthetic tables laid out as the
 * kernel's scripts/kallsyms.c lays them out: token-compressed names (one- and two-byte
 * lengths), each of the three address encodings told apart by `_stext`, and the errors;
 * and symbol files (guest/symbols_file.ts), a System.map slid by KERNELOFFSET.
 * @module
 */
import assert from "node:assert/strict";
import { GuestError } from "../guest/errors.ts";
import { readKallsyms } from "../guest/kallsyms.ts";
import { parseSymbolsFile } from "../guest/symbols_file.ts";
import { parseVmcoreInfo } from "../guest/vmcoreinfo.ts";

const BASE = 0xffffffff82000000n;
type Encoding = "place-relative" | "base-relative" | "absolute-percpu";
/**
 * How scripts/kallsyms.c orders its tables: without `kallsyms_seqs_of_names` (6.0, 6.1 as
 * released), with it before the token table (6.2 to 6.3), after the offsets (6.4 on).
 */
type Layout = "no-seqs" | "seqs-before-tokens" | "seqs-after-offsets";

/**
 * Memory holding kallsyms for `symbols` (name with its type letter first, address), laid out
 * as `layout` says, each table at an `align`-byte boundary, and the VMCOREINFO that points at
 * it. Tokens: token 0 is "ab_", token 1 "sched_", the rest single characters (token c for
 * character c).
 */
function kallsymsMemory(
  symbols: [string, bigint][],
  encoding: Encoding,
  layout: Layout = "no-seqs",
  align = 4,
) {
  const mem = new Uint8Array(1 << 20), view = new DataView(mem.buffer);
  const tokens = Array.from(
    { length: 256 },
    (_, t) => t === 0 ? "ab_" : t === 1 ? "sched_" : String.fromCharCode(t),
  );
  const names = symbols.map(([name]) => {
    const codes: number[] = [];
    for (let k = 0; k < name.length;) {
      if (name.startsWith("sched_", k)) codes.push(1), k += 6;
      else if (name.startsWith("ab_", k)) codes.push(0), k += 3;
      else codes.push(name.charCodeAt(k++));
    }
    return codes.length >= 128 ? [0x80 | (codes.length & 0x7f), codes.length >> 7, ...codes] : [
      codes.length,
      ...codes,
    ];
  });
  const count = symbols.length;
  const sizes: Record<string, number> = {
    offsets: 4 * count,
    base: encoding === "place-relative" ? 0 : 8,
    num: 4,
    names: names.reduce((n, c) => n + c.length, 0),
    markers: 4 * Math.ceil(count / 256),
    seqs: layout === "no-seqs" ? 0 : 3 * count,
    tokenTable: tokens.reduce((n, t) => n + t.length + 1, 0),
    tokenIndex: 512,
  };
  const order = layout === "seqs-after-offsets"
    ? ["num", "names", "markers", "tokenTable", "tokenIndex", "offsets", "base", "seqs"]
    : ["offsets", "base", "num", "names", "markers", "seqs", "tokenTable", "tokenIndex"];
  const at: Record<string, number> = {};
  let next = 0x1000;
  for (const table of order) {
    if (sizes[table] === 0) continue;
    at[table] = Math.ceil(next / align) * align;
    next = at[table] + sizes[table];
  }
  let p = 0;
  tokens.forEach((tok, t) => {
    view.setUint16(at.tokenIndex + 2 * t, p, true);
    for (const ch of tok) mem[at.tokenTable + p++] = ch.charCodeAt(0);
    mem[at.tokenTable + p++] = 0;
  });
  view.setUint32(at.num, count, true);
  const relBase = 0xffffffff81000000n; // the lowest address, as the kernel chooses it
  if (at.base !== undefined) view.setBigUint64(at.base, relBase, true);
  let n = at.names;
  symbols.forEach(([, addr], i) => {
    if (i % 256 === 0) view.setUint32(at.markers + 4 * (i >> 8), n - at.names, true);
    mem.set(names[i], n);
    n += names[i].length;
    const slot = BASE + BigInt(at.offsets + 4 * i);
    const value = encoding === "place-relative"
      ? addr - slot
      : encoding === "base-relative"
      ? addr - relBase
      : addr < 0x100000n
      ? addr
      : -(addr - relBase + 1n);
    view.setInt32(at.offsets + 4 * i, Number(BigInt.asIntN(32, value)), true);
  });
  if (at.seqs !== undefined) {
    // Symbol indexes in name order (its type letter left out), equal names by index.
    const sorted = symbols.map(([name], i) => [name.slice(1), i] as const)
      .sort(([a, i], [b, j]) => a < b ? -1 : a > b ? 1 : i - j);
    sorted.forEach(([, seq], k) =>
      mem.set([seq >> 16, (seq >> 8) & 0xff, seq & 0xff], at.seqs + 3 * k)
    );
  }
  const sym = (name: string, off: number) =>
    `SYMBOL(${name})=${(BASE + BigInt(off)).toString(16)}\n`;
  const stext = symbols.find(([n]) => n.slice(1) === "_stext")?.[1];
  const info = parseVmcoreInfo(
    "OSRELEASE=7.3.4\nPAGESIZE=4096\n" + sym("kallsyms_names", at.names) +
      sym("kallsyms_num_syms", at.num) + sym("kallsyms_token_table", at.tokenTable) +
      sym("kallsyms_token_index", at.tokenIndex) + sym("kallsyms_offsets", at.offsets) +
      (at.base === undefined ? "" : sym("kallsyms_relative_base", at.base)) +
      (stext === undefined ? "" : `SYMBOL(_stext)=${stext.toString(16)}\n`),
  );
  const read = (va: bigint, length: number) => {
    const off = Number(va - BASE);
    if (off < 0 || off + length > mem.length) throw new GuestError(`unmapped ${va.toString(16)}`);
    return mem.subarray(off, off + length);
  };
  return { read, info, mem, seqsAt: at.seqs };
}

const SYMBOLS: [string, bigint][] = [
  ["T_stext", 0xffffffff81000000n],
  ["Tsched_tick", 0xffffffff81234560n],
  ["Druntqueues_ab_x", 0x2c000n], // a per-CPU offset (absolute in the per-CPU encoding)
  ["Bscx_root", 0xffffffff83fd1aa0n],
  [`t${"long_".repeat(30)}name`, 0xffffffff81300000n], // 151 tokens: a two-byte length
  ["tsched_tick", 0xffffffff81999999n], // a repeated name: the first one wins
  ["Tsched_tick_x", 0xffffffff81234570n], // sorts after sched_tick, a prefix of it
  ["da", 0xffffffff82100000n], // the shortest name
];

const LAYOUTS: [Layout, number][] = [
  ["no-seqs", 8],
  ["seqs-before-tokens", 8],
  ["seqs-after-offsets", 4],
  ["seqs-after-offsets", 8],
];
for (const encoding of ["place-relative", "base-relative", "absolute-percpu"] as const) {
  for (const [layout, align] of LAYOUTS) {
    Deno.test(`kallsyms: names and addresses, ${encoding}, ${layout} (${align}-byte aligned)`, () => {
      const symbols = SYMBOLS.map(([n, a]): [string, bigint] =>
        encoding !== "absolute-percpu" && a < 0x100000n ? [n, BASE + a] : [n, a]
      );
      const { read, info } = kallsymsMemory(symbols, encoding, layout, align);
      const table = readKallsyms(read, info);
      assert.equal(table.size, symbols.length);
      assert.equal(table.sorted, layout !== "no-seqs");
      const firsts = symbols.filter(([n], i) =>
        symbols.findIndex(([m]) => m.slice(1) === n.slice(1)) === i
      );
      assert.equal(firsts.length, symbols.length - 1);
      for (const [name, addr] of firsts) {
        assert.equal(table.address(name.slice(1)), addr, name);
        assert.equal(table.type(name.slice(1)), name[0]);
      }
      assert.equal(table.address("sched_tick"), 0xffffffff81234560n);
      assert.equal(table.type("sched_tick"), "T");
      for (const missing of ["no_such_symbol", "sched_tic", "sched_tick_", "", "zzz"]) {
        assert.equal(table.address(missing), undefined, missing);
      }
    });
  }
}

Deno.test("kallsyms: a place where a binary search does not find _stext is not the sorted names", () => {
  const symbols = SYMBOLS.map(([n, a]): [string, bigint] => [n, a < 0x100000n ? BASE + a : a]);
  const { read, info, mem, seqsAt } = kallsymsMemory(
    symbols,
    "place-relative",
    "seqs-after-offsets",
  );
  const count = symbols.length;
  const check = (what: string) => {
    const table = readKallsyms(read, info);
    // Every name hashed instead, with the same answers.
    assert.equal(table.sorted, false, what);
    assert.equal(table.address("sched_tick"), 0xffffffff81234560n, what);
    assert.equal(table.address("scx_root"), 0xffffffff83fd1aa0n, what);
    assert.equal(table.type("_stext"), "T", what);
  };
  assert.equal(readKallsyms(read, info).sorted, true);
  // Indexes past the symbols (another table's bytes), then the right ones in reverse order.
  mem.fill(0xff, seqsAt!, seqsAt! + 3 * count);
  check("indexes past the symbols");
  for (let k = 0; k < count; k++) mem.set([0, 0, count - 1 - k], seqsAt! + 3 * k);
  check("the names in reverse order");
});

Deno.test("kallsyms: another kernel's tables or a missing key are one line", () => {
  const { read, info } = kallsymsMemory(SYMBOLS, "place-relative");
  const wrong = parseVmcoreInfo(
    [...info.entries].map(([k, v]) => `${k}=${k === "SYMBOL(_stext)" ? "ffffffff81200000" : v}`)
      .join("\n"),
  );
  assert.throws(() => readKallsyms(read, wrong), {
    message:
      "kallsyms: no address encoding gives _stext at 0xffffffff81200000 (another kernel's memory?)",
  });
  const none = parseVmcoreInfo("OSRELEASE=5.15\nPAGESIZE=4096\n");
  assert.throws(() => readKallsyms(read, none), {
    message:
      "VMCOREINFO has no SYMBOL(kallsyms_num_syms) (Linux 6.0 or later publishes it): pass --symbols FILE",
  });
});

Deno.test("symbols file: /proc/kallsyms as is; a System.map slid by KERNELOFFSET; another kernel's refused", () => {
  const text = "ffffffff81000000 T _stext\n000000000002c000 D runqueues\n" +
    "ffffffff83fd1aa0 B scx_root\nffffffffc0000000 t mod_fn\t[kvm]\n";
  const info = parseVmcoreInfo(
    "OSRELEASE=7.3.4\nPAGESIZE=4096\nSYMBOL(_stext)=ffffffffa1000000\nKERNELOFFSET=20000000\n",
  );
  const slid = parseSymbolsFile(text, "System.map", info);
  assert.equal(slid.address("_stext"), 0xffffffffa1000000n);
  assert.equal(slid.address("scx_root"), 0xffffffffa3fd1aa0n);
  assert.equal(slid.address("runqueues"), 0x2c000n, "a per-CPU offset is not slid");
  assert.equal(slid.address("mod_fn"), undefined, "module symbols are left out");
  assert.equal(slid.origin, "System.map (slid by KERNELOFFSET)");
  const same = parseSymbolsFile(
    text,
    "kallsyms",
    parseVmcoreInfo("OSRELEASE=x\nPAGESIZE=4096\nSYMBOL(_stext)=ffffffff81000000\n"),
  );
  assert.equal(same.address("scx_root"), 0xffffffff83fd1aa0n);
  assert.throws(
    () =>
      parseSymbolsFile(
        text,
        "other.map",
        parseVmcoreInfo("OSRELEASE=x\nPAGESIZE=4096\nSYMBOL(_stext)=ffffffff81200000\n"),
      ),
    {
      message:
        "other.map: _stext is 0xffffffff81000000, the guest's is 0xffffffff81200000: symbols of another kernel",
    },
  );
  assert.throws(() => parseSymbolsFile("hello world\n", "x.map"), {
    message: "x.map:1: not a symbol line (address type name)",
  });
});
