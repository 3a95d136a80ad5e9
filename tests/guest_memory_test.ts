/**
 * The guest-memory layer's lower half on synthetic memory: ELF cores (segments, filtered
 * pages, notes, truncation), raw RAM files (the 4 GiB hole), VMCOREINFO (parsed, found in
 * RAM past a format string), and x86_64 page-table walks (4 and 5 levels, 4 KiB, 2 MiB and
 * 1 GiB pages, the image formula, an unmapped address).
 * @module
 */
import assert from "node:assert/strict";
import { memorySource } from "../btf/elf.ts";
import { GuestError } from "../guest/errors.ts";
import { parseElfCore } from "../guest/elf_core.ts";
import { coreMemory, rawMemory } from "../guest/physical.ts";
import { findVmcoreInfo, parseVmcoreInfo, vmcoreInfoFromNotes } from "../guest/vmcoreinfo.ts";
import { imagePhys, X86Translator } from "../guest/x86_64.ts";
import { buildCore } from "./guest_builder.ts";

const bytes = (n: number, fill: (i: number) => number) => new Uint8Array(n).map((_, i) => fill(i));

Deno.test("guest: an ELF core's segments by physical address; filtered pages read as zeros", () => {
  const info = new TextEncoder().encode("OSRELEASE=7.3.4\nPAGESIZE=4096\nKERNELOFFSET=32e00000\n");
  const core = buildCore([
    { paddr: 0x1000n, bytes: bytes(0x2000, (i) => i & 0xff) },
    { paddr: 0x10000n, bytes: bytes(0x1000, () => 7), memsz: 0x3000 },
    { paddr: 0x3000n, bytes: bytes(0x1000, () => 9) }, // adjacent to the first
  ], [{ name: "VMCOREINFO", type: 0, desc: info }, {
    name: "CORE",
    type: 1,
    desc: bytes(8, () => 1),
  }]);
  const parsed = parseElfCore(memorySource(core));
  assert.deepEqual(parsed.notes.map((n) => [n.name, n.type]), [["VMCOREINFO", 0], ["CORE", 1]]);
  const mem = coreMemory(memorySource(core), parsed);
  assert.deepEqual(mem.ranges, [
    { start: 0x1000, size: 0x2000 },
    { start: 0x3000, size: 0x1000 },
    { start: 0x10000, size: 0x3000, present: 0x1000 },
  ]);
  assert.deepEqual(mem.read(0x1001, 3), new Uint8Array([1, 2, 3]));
  assert.deepEqual(mem.read(0x2ffe, 4), new Uint8Array([0xfe, 0xff, 9, 9]), "across two ranges");
  assert.deepEqual(mem.read(0x10ffe, 4), new Uint8Array([7, 7, 0, 0]), "filtered: zeros");
  assert.throws(() => mem.read(0x8000, 1), {
    name: "BtfError",
    message: "guest physical address 0x8000 is not in the memory image",
  });
  const vmcoreinfo = vmcoreInfoFromNotes(parsed.notes)!;
  assert.equal(vmcoreinfo.release, "7.3.4");
  assert.equal(vmcoreinfo.kernelOffset, 0x32e00000n);
  // Truncated: the last segment runs past the end.
  const cut = memorySource(core.subarray(0, core.length - 100));
  assert.throws(() => coreMemory(cut, parseElfCore(cut)), (e) =>
    e instanceof GuestError &&
    e.message ===
      `segment at 0x3000 runs past the end of the ${core.length - 100}-byte file (truncated)`);
  assert.throws(() => parseElfCore(memorySource(core.subarray(0, 100))), {
    message: "ELF core program headers run past the end of the 100-byte file (truncated)",
  });
  assert.throws(() => parseElfCore(memorySource(new Uint8Array(200))), {
    message: "not an ELF64 little-endian core file",
  });
});

Deno.test("guest: a /proc/kcore layout: its text left out for the RAM that holds it, offsets past 2^53 read exactly", () => {
  // As a real kcore lists them (tests/vm_test.ts checks a guest's own): the kernel text first,
  // its pages again inside the larger RAM segment after it; with 5-level paging a RAM
  // segment's file offset passes 2^53. The text's bytes differ here to tell which is read.
  const ram = bytes(0x4000, (i) => (i * 3) & 0xff);
  const core = buildCore([
    { paddr: 0x2000n, vaddr: 0xffffffff81000000n, bytes: bytes(0x1000, () => 0xee) },
    { paddr: 0x1000n, vaddr: 0xff11000000001000n, bytes: ram },
  ]);
  const phdr = (i: number) => 64 + 56 * i, v = new DataView(core.buffer);
  const ramAt = Number(v.getBigUint64(phdr(1) + 8, true));
  const far = (1n << 55n) + 0x5000n; // a direct-map offset past 2^53, exact
  v.setBigUint64(phdr(1) + 8, far, true);
  const reads: bigint[] = [];
  const kcore = {
    ...memorySource(core),
    size: 2 ** 56, // a stat's size past 2^53: not exact, no end to check against
    readFarInto(offset: bigint, dest: Uint8Array) {
      reads.push(offset);
      dest.set(
        core.subarray(ramAt + Number(offset - far), ramAt + Number(offset - far) + dest.length),
      );
    },
  };
  const parsed = parseElfCore(kcore);
  assert.deepEqual(parsed.segments.map((sg) => sg.offset), [BigInt(64 + 56 * 2), far]);
  const mem = coreMemory(kcore, parsed);
  assert.deepEqual(mem.ranges, [{ start: 0x1000, size: 0x4000 }]);
  assert.deepEqual(mem.read(0x2000, 4), ram.subarray(0x1000, 0x1004), "the RAM's copy of the text");
  const dest = new Uint8Array(3);
  mem.readInto(0x4ffd, dest);
  assert.deepEqual(dest, ram.subarray(0x3ffd));
  assert.deepEqual(reads, [far + 0x1000n, far + 0x3ffdn]);
  // A source that cannot seek past 2^53 (bytes in memory) says so when such a read comes.
  const inMemory = { ...memorySource(core), size: 2 ** 56 };
  assert.throws(() => coreMemory(inMemory, parseElfCore(inMemory)).read(0x1000, 1), {
    name: "BtfError",
    message: "file offset 0x80000000005000 is past 2^53: this source cannot read it",
  });
});

Deno.test("guest: a raw RAM file is physical memory from 0, with RAM past the hole at 4 GiB", () => {
  const ram = bytes(0x3000, (i) => i >> 12);
  const flat = rawMemory(memorySource(ram));
  assert.deepEqual(flat.ranges, [{ start: 0, size: 0x3000 }]);
  assert.equal(flat.read(0x2000, 1)[0], 2);
  const split = rawMemory(memorySource(ram), 0x2000);
  assert.deepEqual(split.ranges, [{ start: 0, size: 0x2000 }, { start: 2 ** 32, size: 0x1000 }]);
  assert.equal(split.read(2 ** 32, 1)[0], 2);
});

Deno.test("guest: VMCOREINFO parses its kinds of lines and is found where the kernel puts it in its pages, past a format string", () => {
  const text = "OSRELEASE=7.3.4+deb13-amd64\nBUILD-ID=abc\nPAGESIZE=4096\n" +
    "SYMBOL(init_top_pgt)=ffffffffb4e1e000\nNUMBER(phys_base)=-746586112\n" +
    "NUMBER(pgtable_l5_enabled)=1\nOFFSET(list_head.next)=0\nKERNELOFFSET=32e00000\n";
  const info = parseVmcoreInfo(text);
  assert.equal(info.symbol("init_top_pgt"), 0xffffffffb4e1e000n);
  assert.equal(info.number("phys_base"), -746586112n);
  assert.equal(info.number("pgtable_l5_enabled"), 1n);
  assert.equal(info.symbol("runqueues"), undefined);
  assert.equal(info.entries.get("OFFSET(list_head.next)"), "0");
  assert.throws(() => parseVmcoreInfo("PAGESIZE=4096\n"), {
    message: "VMCOREINFO has no OSRELEASE line",
  });
  const enc = new TextEncoder();
  // The kernel's texts start a page (its copy) or 24 bytes into one (its note's); a text
  // anywhere else is not looked for, and a format string at a page's start is passed over.
  const ram = new Uint8Array(3 << 20);
  ram.set(enc.encode("OSRELEASE=%s\nPAGESIZE=%ld\n"), 0x1000);
  ram.set(enc.encode(`\0${text.replace("7.3.4", "6.1.0")}\0`), 0x5000 + 77);
  ram.set(enc.encode(text), (2 << 20) + 0x3000 + 24);
  const found = findVmcoreInfo(rawMemory(memorySource(ram)))!;
  assert.equal(found.release, "7.3.4+deb13-amd64");
  assert.equal(found.kernelOffset, 0x32e00000n);
  ram.set(enc.encode(text.replace("7.3.4", "7.2.0")), 0x9000);
  assert.equal(findVmcoreInfo(rawMemory(memorySource(ram)))!.release, "7.2.0+deb13-amd64");
  ram.fill(0, 0x9000, 0xa000);
  ram.fill(0, 0x203000, 0x204000);
  assert.equal(findVmcoreInfo(rawMemory(memorySource(ram))), undefined);
});

/** Page tables in a RAM buffer: `map` writes an entry into a table. */
function tables(size: number) {
  const ram = new Uint8Array(size), v = new DataView(ram.buffer);
  const set = (table: number, index: number, value: bigint) =>
    v.setBigUint64(table + 8 * index, value, true);
  return { ram, set };
}

Deno.test("guest: x86_64 page walks, 4 and 5 levels, 4 KiB / 2 MiB / 1 GiB pages, cached", () => {
  const { ram, set } = tables(8 << 20);
  // 5 levels: root 0x1000 -> 0x2000 (P4D) -> 0x3000 (PUD) -> 0x4000 (PMD) -> 0x5000 (PTE).
  const va = 0xff11000000000000n + 0x40201000n;
  const idx = (shift: bigint) => Number((va >> shift) & 0x1ffn);
  set(0x1000, idx(48n), 0x2000n | 3n);
  set(0x2000, idx(39n), 0x3000n | 3n);
  set(0x3000, idx(30n), 0x4000n | 3n);
  set(0x4000, idx(21n), 0x5000n | 3n);
  set(0x5000, idx(12n), 0x600000n | 3n);
  ram.set([1, 2, 3, 4], 0x600000 + 0x10);
  // A 2 MiB page in the PMD one entry on, a 1 GiB page in the PUD one entry on.
  set(0x4000, idx(21n) + 1, 0x400000n | 0x83n);
  set(0x3000, idx(30n) + 1, 0x0n | 0x83n);
  const t = new X86Translator(rawMemory(memorySource(ram)), {
    root: 0x1000,
    levels: 5,
    physBase: 0n,
  });
  assert.equal(t.walk(va + 0x10n), 0x600010);
  assert.deepEqual(t.read(va + 0x10n, 4), new Uint8Array([1, 2, 3, 4]));
  assert.equal(t.walk(va + (1n << 21n) + 0x1234n - 0x1000n), 0x400000 + 0x1234);
  assert.equal(t.walk(0xff11000000000000n + 0x80005678n), 0x5678);
  ram.fill(0, 0x1000, 0x6000); // the tables are cached: the walk does not reread them
  assert.equal(t.walk(va + 0x20n), 0x600020);
  assert.throws(() => t.walk(0xff11000000000000n + (5n << 39n)), {
    message: "guest virtual address 0xff11028000000000 is not mapped (level 4)",
  });
  // The image formula, with a negative phys_base (KASLR), and outside the image.
  assert.equal(imagePhys(0xffffffffb4e1e000n, -746586112n), 0xb4e1e000 - 0x80000000 - 746586112);
  assert.equal(imagePhys(0xff11000000000000n, 0n), null);
  // 4 levels: the same tables one level down.
  const four = new X86Translator(rawMemory(memorySource(ram)), {
    root: 0x3000,
    levels: 4,
    physBase: 0n,
  });
  assert.throws(() => four.walk(0x1000n), (e) => e instanceof GuestError);
});
