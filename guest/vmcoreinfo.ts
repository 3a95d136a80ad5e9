/**
 * VMCOREINFO: the `KEY=value` text the kernel builds at boot for dump readers
 * (`OSRELEASE=`, `PAGESIZE=`, `SYMBOL(name)=hex`, `NUMBER(name)=dec`, `OFFSET(s.m)=dec`,
 * `SIZE(name)=dec`, `KERNELOFFSET=hex` on x86_64). It comes from a core's `VMCOREINFO` note,
 * or, since QEMU's dumps usually carry none, from the text itself found in guest RAM. Pure.
 * @module
 */
import { GuestError } from "./errors.ts";
import type { PhysicalMemory } from "./physical.ts";

/** The parsed VMCOREINFO. */
export interface VmcoreInfo {
  /** Every `KEY=value` line, as text. */
  readonly entries: ReadonlyMap<string, string>;
  /** `OSRELEASE`: the kernel release. */
  readonly release: string;
  /** `SYMBOL(name)` as an address, or undefined. */
  symbol(name: string): bigint | undefined;
  /** `NUMBER(name)` (signed decimal), or undefined. */
  number(name: string): bigint | undefined;
  /** `KERNELOFFSET` (the KASLR slide, hex without `0x`), or 0. */
  readonly kernelOffset: bigint;
}

const LINE = /^([A-Z][A-Z0-9_]*(?:\([^)=\n]*\))?)=([^\n]*)$/;

/** Parses VMCOREINFO text; throws GuestError when it has no `OSRELEASE=` line. */
export function parseVmcoreInfo(text: string): VmcoreInfo {
  const entries = new Map<string, string>();
  for (const line of text.split("\n")) {
    const m = LINE.exec(line);
    if (m && !entries.has(m[1])) entries.set(m[1], m[2]);
  }
  const release = entries.get("OSRELEASE");
  if (release === undefined || release === "" || release.includes("%")) {
    throw new GuestError("VMCOREINFO has no OSRELEASE line");
  }
  const hexOf = (v: string | undefined) =>
    v !== undefined && /^(0x)?[0-9a-f]+$/i.test(v)
      ? BigInt(v.startsWith("0x") ? v : `0x${v}`)
      : undefined;
  return {
    entries,
    release,
    symbol: (name) => hexOf(entries.get(`SYMBOL(${name})`)),
    number(name) {
      const v = entries.get(`NUMBER(${name})`);
      return v !== undefined && /^-?\d+$/.test(v) ? BigInt(v) : undefined;
    },
    kernelOffset: hexOf(entries.get("KERNELOFFSET")) ?? 0n,
  };
}

/** The VMCOREINFO text at the start of `bytes` (up to the first NUL). */
function textAt(bytes: Uint8Array): string {
  const end = bytes.indexOf(0);
  return new TextDecoder().decode(end < 0 ? bytes : bytes.subarray(0, end));
}

/** The `VMCOREINFO` note's text among `notes`, parsed, or undefined. */
export function vmcoreInfoFromNotes(
  notes: readonly { name: string; desc: Uint8Array }[],
): VmcoreInfo | undefined {
  const note = notes.find((n) => n.name === "VMCOREINFO");
  return note ? parseVmcoreInfo(textAt(note.desc)) : undefined;
}

/** The text is at most a page (VMCOREINFO_BYTES is PAGE_SIZE). */
const MAX_TEXT = 4096;
const PAGE = 4096;
/**
 * Where in its page the text starts: the kernel's copy (`vmcoreinfo_data`, a page of its own
 * from get_zeroed_page) at 0; the note it builds for kexec (`vmcoreinfo_note`, pages of their
 * own) after the 12-byte note header and the name `VMCOREINFO\0` padded to 12, at 24.
 */
const TEXT_OFFSETS = [0, 24];
/** `OSRELEASE=`, the text's first line, and its first byte. */
const FIRST_LINE = new TextEncoder().encode("OSRELEASE=");
const O = FIRST_LINE[0];
/** Guest RAM is looked at in pieces this large (a view each where the image is mapped). */
const SCAN_CHUNK = 8 << 20;

/** Memory from 4 GiB up: x86's ZONE_NORMAL when RAM reaches past the 32-bit hole. */
const FOUR_GIB = 2 ** 32;

/** Whether `bytes` holds `OSRELEASE=` at `at`. */
function firstLineAt(bytes: Uint8Array, at: number): boolean {
  if (at + FIRST_LINE.length > bytes.length) return false;
  for (let i = 0; i < FIRST_LINE.length; i++) if (bytes[at + i] !== FIRST_LINE[i]) return false;
  return true;
}

/**
 * Finds the VMCOREINFO text in guest RAM. The kernel builds it at boot in pages of its own
 * (kernel/vmcore_info.c, crash_core.c before 6.9: the same since 4.13), so only the start of
 * each page is looked at (see {@link TEXT_OFFSETS}): an `OSRELEASE=` line followed by
 * `PAGESIZE=` (a format string `OSRELEASE=%s` is skipped). Its pages come from the page
 * allocator at boot, which hands out the highest zone's lowest free pages first: seen 68 MB
 * above the image in a 512 MB guest (all ZONE_DMA32), and a few KiB above 4 GiB in a 4 GB
 * one. So the RAM from 4 GiB up is looked at first, then the rest, each range from its lowest
 * address up; undefined when there is none.
 */
export function findVmcoreInfo(mem: PhysicalMemory): VmcoreInfo | undefined {
  const ranges = [
    ...mem.ranges.filter((r) => r.start >= FOUR_GIB),
    ...mem.ranges.filter((r) => r.start < FOUR_GIB),
  ];
  for (const range of ranges) {
    // Pages a vmcore filtered out read as zeros: only the bytes the image holds are looked at.
    const size = range.present ?? range.size;
    for (let at = 0; at < size; at += SCAN_CHUNK) {
      const base = range.start + at;
      const chunk = mem.read(base, Math.min(size - at, SCAN_CHUNK));
      for (let page = (PAGE - base % PAGE) % PAGE; page < chunk.length; page += PAGE) {
        // The first byte alone, inline, before a call: ~20,000 pages per 80 MB.
        if (chunk[page] !== O && chunk[page + TEXT_OFFSETS[1]] !== O) continue;
        for (const offset of TEXT_OFFSETS) {
          if (!firstLineAt(chunk, page + offset)) continue;
          const addr = base + page + offset;
          const text = textAt(mem.read(addr, Math.min(MAX_TEXT, range.start + size - addr)));
          if (!text.includes("\nPAGESIZE=")) continue;
          try {
            return parseVmcoreInfo(text);
          } catch {
            continue;
          }
        }
      }
    }
  }
  return undefined;
}
