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

const NEEDLE = new TextEncoder().encode("OSRELEASE=");
/** Guest RAM is scanned in pieces this large. */
const SCAN_CHUNK = 8 << 20;
/** The text is at most a page (VMCOREINFO_BYTES is PAGE_SIZE). */
const MAX_TEXT = 4096;

/** Memory from 4 GiB up: x86's ZONE_NORMAL when RAM reaches past the 32-bit hole. */
const FOUR_GIB = 2 ** 32;

/**
 * Finds the VMCOREINFO text in guest RAM: an `OSRELEASE=` line at the start of a line and
 * followed by `PAGESIZE=` (a format string `OSRELEASE=%s` is skipped). The kernel takes its
 * page from the page allocator at boot, which hands out the highest zone's lowest free pages
 * first: seen 68 MB above the image in a 512 MB guest (all ZONE_DMA32), and a few KiB above
 * 4 GiB in a 4 GB one. So the RAM from 4 GiB up is scanned first, then the rest, each range
 * from its lowest address up, in pieces; undefined when there is none.
 */
export function findVmcoreInfo(mem: PhysicalMemory): VmcoreInfo | undefined {
  const ranges = [
    ...mem.ranges.filter((r) => r.start >= FOUR_GIB),
    ...mem.ranges.filter((r) => r.start < FOUR_GIB),
  ];
  // One buffer for every piece: no 8 MiB array made and zeroed per piece.
  const buffer = new Uint8Array(SCAN_CHUNK + MAX_TEXT);
  for (const range of ranges) {
    // Pages a vmcore filtered out read as zeros: only the bytes the image holds are scanned.
    const size = range.present ?? range.size;
    for (let at = 0; at < size; at += SCAN_CHUNK) {
      // The piece runs on past its end by a page, so a text that starts in it is whole.
      const chunk = buffer.subarray(0, Math.min(size - at, SCAN_CHUNK + MAX_TEXT));
      mem.readInto(range.start + at, chunk);
      for (let i = indexOf(chunk, 0, SCAN_CHUNK); i >= 0; i = indexOf(chunk, i + 1, SCAN_CHUNK)) {
        if (i > 0 && chunk[i - 1] !== 0x0a && chunk[i - 1] !== 0) continue;
        const text = textAt(chunk.subarray(i, Math.min(chunk.length, i + MAX_TEXT)));
        if (!text.includes("\nPAGESIZE=")) continue;
        try {
          return parseVmcoreInfo(text);
        } catch {
          continue;
        }
      }
    }
  }
  return undefined;
}

/** The next offset of `OSRELEASE=` in `bytes` from `from`, starting before `limit`, or -1. */
function indexOf(bytes: Uint8Array, from: number, limit: number): number {
  // The search is for the needle's last byte, '=': rarer in kernel memory than its first, so
  // the native byte search skips further between checks (measured: 58 against 234 ms for
  // 86 MB).
  const last = NEEDLE.length - 1;
  for (
    let i = bytes.indexOf(NEEDLE[last], from + last);
    i >= 0 && i - last < limit;
    i = bytes.indexOf(NEEDLE[last], i + 1)
  ) {
    let j = last - 1;
    while (j >= 0 && bytes[i - last + j] === NEEDLE[j]) j--;
    if (j < 0) return i - last;
  }
  return -1;
}
