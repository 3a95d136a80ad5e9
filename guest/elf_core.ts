/**
 * ELF64 core files as guest memory dumps come: QEMU's `dump-guest-memory` (PT_LOAD by guest
 * physical address; with paging, virtual addresses too; per-CPU `CORE` and `QEMU` notes), kdump
 * vmcores (a VMCOREINFO note; filtered pages have `p_filesz < p_memsz` and read as zeros) and
 * `/proc/kcore` (PT_LOAD by kernel virtual address, real `p_paddr` since 4.11, VMCOREINFO
 * note). Little-endian x86_64 cores. Pure: reads through a ByteSource.
 * @module
 */
import { type ByteSource, u64 } from "../btf/elf.ts";
import { GuestError } from "./errors.ts";

/** One PT_LOAD segment. */
export interface CoreSegment {
  /** Guest physical address, or null when the core gives none (`p_paddr` 0 or all ones). */
  paddr: number | null;
  /** Virtual address (0 in a QEMU dump without paging). */
  vaddr: bigint;
  /** File offset of the segment's bytes, exact (/proc/kcore's pass 2^53 with 5-level paging). */
  offset: bigint;
  /** Bytes present in the file. */
  filesz: number;
  /** Bytes of memory it covers (past `filesz`: zeros, pages a filter dropped). */
  memsz: number;
}

/** One ELF note. */
export interface CoreNote {
  /** Its owner name (`CORE`, `QEMU`, `VMCOREINFO`, …). */
  name: string;
  /** Its type (NT_PRSTATUS is 1). */
  type: number;
  /** Its descriptor bytes. */
  desc: Uint8Array;
}

/** A parsed core: its loadable segments and its notes. */
export interface ElfCore {
  /** Its PT_LOAD segments, in file order. */
  segments: CoreSegment[];
  /** The notes of its PT_NOTE segments. */
  notes: CoreNote[];
}

const PT_LOAD = 1, PT_NOTE = 4, ET_CORE = 4;
/** At most this many program headers (a core has one per memory range, and notes). */
const MAX_PHDRS = 65535;
/** A note segment larger than this is not read (QEMU's are a few KiB per CPU). */
const MAX_NOTES_BYTES = 64 << 20;

/** Whether `head` starts an ELF64 little-endian core file. */
export function isElfCore(head: Uint8Array): boolean {
  return head.length >= 18 && head[0] === 0x7f && head[1] === 0x45 && head[2] === 0x4c &&
    head[3] === 0x46 && head[4] === 2 && head[5] === 1 && head[16] === ET_CORE && head[17] === 0;
}

function notesOf(bytes: Uint8Array): CoreNote[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const notes: CoreNote[] = [];
  const align4 = (n: number) => (n + 3) & ~3;
  for (let at = 0; at + 12 <= bytes.length;) {
    const namesz = view.getUint32(at, true), descsz = view.getUint32(at + 4, true);
    const type = view.getUint32(at + 8, true);
    const nameAt = at + 12, descAt = nameAt + align4(namesz), end = descAt + align4(descsz);
    if (namesz > bytes.length || descsz > bytes.length || descAt + descsz > bytes.length) break;
    const raw = bytes.subarray(nameAt, nameAt + namesz);
    const name = new TextDecoder().decode(raw[raw.length - 1] === 0 ? raw.subarray(0, -1) : raw);
    notes.push({ name, type, desc: bytes.subarray(descAt, descAt + descsz) });
    at = end;
  }
  return notes;
}

/** Parses the core in `src`; throws GuestError naming the defect. */
export function parseElfCore(src: ByteSource): ElfCore {
  if (src.size < 64) throw new GuestError(`${src.size}-byte file is too short for an ELF core`);
  const head = src.read(0, 64);
  if (!isElfCore(head)) throw new GuestError("not an ELF64 little-endian core file");
  const h = new DataView(head.buffer, head.byteOffset, 64);
  const phoff = u64(h, 0x20), phentsize = h.getUint16(0x36, true);
  let phnum = h.getUint16(0x38, true);
  if (phnum === 0xffff) {
    // PN_XNUM: the count is in section header 0's sh_info.
    const shoff = u64(h, 0x28);
    if (shoff + 64 > src.size) throw new GuestError("ELF core's section header 0 is missing");
    phnum = new DataView(src.read(shoff, 64).slice().buffer).getUint32(44, true);
  }
  if (phentsize < 56 || phnum > MAX_PHDRS * 64) {
    throw new GuestError(`ELF core program headers are malformed (${phnum} of ${phentsize} bytes)`);
  }
  if (phoff + phnum * phentsize > src.size) {
    throw new GuestError(
      `ELF core program headers run past the end of the ${src.size}-byte file (truncated)`,
    );
  }
  const table = src.read(phoff, phnum * phentsize).slice();
  const view = new DataView(table.buffer);
  const segments: CoreSegment[] = [], notes: CoreNote[] = [];
  for (let i = 0; i < phnum; i++) {
    const at = i * phentsize, type = view.getUint32(at, true);
    const offset = view.getBigUint64(at + 8, true);
    const filesz = u64(view, at + 32), memsz = u64(view, at + 40);
    if (type === PT_NOTE) {
      if (filesz > MAX_NOTES_BYTES || offset + BigInt(filesz) > BigInt(src.size)) continue;
      notes.push(...notesOf(src.read(Number(offset), filesz).slice()));
    } else if (type === PT_LOAD) {
      const rawPaddr = view.getBigUint64(at + 24, true);
      const paddr = rawPaddr === 0xffffffffffffffffn || rawPaddr > BigInt(Number.MAX_SAFE_INTEGER)
        ? null
        : Number(rawPaddr);
      segments.push({ paddr, vaddr: view.getBigUint64(at + 16, true), offset, filesz, memsz });
    }
  }
  if (segments.length === 0) throw new GuestError("ELF core has no PT_LOAD segment");
  return { segments, notes };
}
