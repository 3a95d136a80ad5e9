/**
 * A guest's real /proc/kcore, put back together on the host: the head the guest recorded
 * (tests/vm/init.sh's `kcore-head` part: ELF header, program headers, notes) and, behind it,
 * the memory of a dump of the same guest. Serves the head's bytes inside the head; a PT_LOAD
 * with a physical address serves the dump's physical memory at `p_paddr + (offset - p_offset)`;
 * everything else (vmalloc, modules, vmemmap: no `p_paddr`; the holes between) reads as zeros.
 * Offsets are those of the real file, exact: past 2^53 they come through `readFarInto`, as a
 * file's do.
 * @module
 */
import type { ByteSource } from "../btf/elf.ts";
import type { PhysicalMemory } from "../guest/physical.ts";

/** One program header of the kcore head, with its 64-bit fields exact. */
export interface KcorePhdr {
  /** PT_LOAD (1), PT_NOTE (4), … */
  type: number;
  offset: bigint;
  vaddr: bigint;
  /** `p_paddr`, or null when all ones (no physical address). */
  paddr: bigint | null;
  filesz: bigint;
  memsz: bigint;
}

/** One ELF note of the head. */
export interface KcoreNote {
  name: string;
  type: number;
  desc: Uint8Array;
}

/** The head's bytes from init.sh's part: `#` lines, then base64. */
export function kcoreHeadBytes(text: string): Uint8Array {
  const b64 = text.split("\n").filter((l) => !l.startsWith("#")).join("").replace(/\s+/g, "");
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** The program headers and notes of a kcore head. */
export function kcoreLayout(head: Uint8Array): { phdrs: KcorePhdr[]; notes: KcoreNote[] } {
  const v = new DataView(head.buffer, head.byteOffset, head.byteLength);
  const phoff = Number(v.getBigUint64(0x20, true));
  const phentsize = v.getUint16(0x36, true), phnum = v.getUint16(0x38, true);
  const phdrs: KcorePhdr[] = [], notes: KcoreNote[] = [];
  for (let i = 0; i < phnum; i++) {
    const at = phoff + i * phentsize, paddr = v.getBigUint64(at + 24, true);
    phdrs.push({
      type: v.getUint32(at, true),
      offset: v.getBigUint64(at + 8, true),
      vaddr: v.getBigUint64(at + 16, true),
      paddr: paddr === (1n << 64n) - 1n ? null : paddr,
      filesz: v.getBigUint64(at + 32, true),
      memsz: v.getBigUint64(at + 40, true),
    });
  }
  const align4 = (n: number) => (n + 3) & ~3;
  for (const p of phdrs.filter((p) => p.type === 4)) {
    const end = Number(p.offset + p.filesz);
    for (let at = Number(p.offset); at + 12 <= end;) {
      const namesz = v.getUint32(at, true), descsz = v.getUint32(at + 4, true);
      const name = new TextDecoder().decode(head.subarray(at + 12, at + 12 + namesz))
        .replace(/\0+$/, "");
      const desc = at + 12 + align4(namesz);
      notes.push({
        name,
        type: v.getUint32(at + 8, true),
        desc: head.subarray(desc, desc + descsz),
      });
      at = desc + align4(descsz);
    }
  }
  return { phdrs, notes };
}

/**
 * The kcore as a ByteSource: `head` in front, the PT_LOADs with a physical address backed by
 * `phys`, zeros elsewhere; its size is the largest `p_offset + p_filesz` (as the kernel sizes
 * /proc/kcore), as a number (inexact past 2^53, as a file's stat says it).
 */
export function kcoreSource(head: Uint8Array, phys: PhysicalMemory): ByteSource {
  const loads = kcoreLayout(head).phdrs.filter((p) => p.type === 1);
  const backed = loads.filter((p) => p.paddr !== null);
  const end = loads.reduce((m, p) => (p.offset + p.filesz > m ? p.offset + p.filesz : m), 0n);
  const headEnd = BigInt(head.length);
  const readFarInto = (from: bigint, dest: Uint8Array) => {
    dest.fill(0);
    const to = from + BigInt(dest.length);
    if (from < headEnd) {
      const offset = Number(from);
      dest.set(head.subarray(offset, Math.min(head.length, offset + dest.length)));
    }
    for (const p of backed) {
      const lo = p.offset > from ? p.offset : from;
      const hi = p.offset + p.filesz < to ? p.offset + p.filesz : to;
      if (lo >= hi) continue;
      const bytes = phys.read(Number(p.paddr! + (lo - p.offset)), Number(hi - lo));
      dest.set(bytes, Number(lo - from));
    }
  };
  const readInto = (offset: number, dest: Uint8Array) => readFarInto(BigInt(offset), dest);
  return {
    size: Number(end),
    readInto,
    readFarInto,
    read(offset, length) {
      const out = new Uint8Array(length);
      readInto(offset, out);
      return out;
    },
  };
}
