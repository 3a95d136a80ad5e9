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
 * Memory holding kallsyms for `symbols` (name with its type letter first, address), and the
 * VMCOREINFO that points at it. Tokens: token 0 is "ab_", token 1 "sched_", the rest single
 * characters (token c for character c).
 */
function kallsymsMemory(symbols: [string, bigint][], encoding: Encoding) {
  const mem = new Uint8Array(1 << 20), view = new DataView(mem.buffer);
  const at = {
    tokenTable: 0x1000,
    tokenIndex: 0x3000,
    num: 0x3400,
    base: 0x3408,
    offsets: 0x4000,
    names: 0x20000,
  };
  const tokens = Array.from(
    { length: 256 },
    (_, t) => t === 0 ? "ab_" : t === 1 ? "sched_" : String.fromCharCode(t),
  );
  let p = 0;
  tokens.forEach((tok, t) => {
    view.setUint16(at.tokenIndex + 2 * t, p, true);
    for (const ch of tok) mem[at.tokenTable + p++] = ch.charCodeAt(0);
    mem[at.tokenTable + p++] = 0;
  });
  view.setUint32(at.num, symbols.length, true);
  const relBase = 0xffffffff81000000n; // the lowest address, as the kernel chooses it
  view.setBigUint64(at.base, relBase, true);
  let n = at.names;
  symbols.forEach(([name, addr], i) => {
    const codes: number[] = [];
    for (let k = 0; k < name.length;) {
      if (name.startsWith("sched_", k)) codes.push(1), k += 6;
      else if (name.startsWith("ab_", k)) codes.push(0), k += 3;
      else codes.push(name.charCodeAt(k++));
    }
    if (codes.length >= 128) mem[n++] = 0x80 | (codes.length & 0x7f), mem[n++] = codes.length >> 7;
    else mem[n++] = codes.length;
    for (const c of codes) mem[n++] = c;
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
  const sym = (name: string, off: number) =>
    `SYMBOL(${name})=${(BASE + BigInt(off)).toString(16)}\n`;
  const stext = symbols.find(([n]) => n.slice(1) === "_stext")?.[1];
  const info = parseVmcoreInfo(
    "OSRELEASE=7.3.4\nPAGESIZE=4096\n" + sym("kallsyms_names", at.names) +
      sym("kallsyms_num_syms", at.num) + sym("kallsyms_token_table", at.tokenTable) +
      sym("kallsyms_token_index", at.tokenIndex) + sym("kallsyms_offsets", at.offsets) +
      (encoding === "place-relative" ? "" : sym("kallsyms_relative_base", at.base)) +
      (stext === undefined ? "" : `SYMBOL(_stext)=${stext.toString(16)}\n`),
  );
  const read = (va: bigint, length: number) => {
    const off = Number(va - BASE);
    if (off < 0 || off + length > mem.length) throw new GuestError(`unmapped ${va.toString(16)}`);
    return mem.subarray(off, off + length);
  };
  return { read, info };
}

const SYMBOLS: [string, bigint][] = [
  ["T_stext", 0xffffffff81000000n],
  ["Tsched_tick", 0xffffffff81234560n],
  ["Druntqueues_ab_x", 0x2c000n], // a per-CPU offset (absolute in the per-CPU encoding)
  ["Bscx_root", 0xffffffff83fd1aa0n],
  [`t${"long_".repeat(30)}name`, 0xffffffff81300000n], // 151 tokens: a two-byte length
  ["tsched_tick", 0xffffffff81999999n], // a repeated name: the first one wins
];

for (const encoding of ["place-relative", "base-relative", "absolute-percpu"] as const) {
  Deno.test(`kallsyms: names and addresses, ${encoding}`, () => {
    const symbols = SYMBOLS.map(([n, a]): [string, bigint] =>
      encoding !== "absolute-percpu" && a < 0x100000n ? [n, BASE + a] : [n, a]
    );
    const { read, info } = kallsymsMemory(symbols, encoding);
    const table = readKallsyms(read, info);
    assert.equal(table.size, symbols.length);
    for (const [name, addr] of symbols.slice(0, 5)) {
      assert.equal(table.address(name.slice(1)), addr, name);
      assert.equal(table.type(name.slice(1)), name[0]);
    }
    assert.equal(table.address("sched_tick"), 0xffffffff81234560n);
    assert.equal(table.address("no_such_symbol"), undefined);
  });
}

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
