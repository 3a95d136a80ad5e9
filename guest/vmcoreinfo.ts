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

/**
 * Finds the VMCOREINFO text in guest RAM: an `OSRELEASE=` line at the start of a line and
 * followed by `PAGESIZE=` (a format string `OSRELEASE=%s` is skipped). The kernel allocates
 * its page at boot, after its image (seen 68 MB above a 16 MB image's start), so RAM is
 * scanned from its lowest address up, in pieces; undefined when there is none.
 */
export function findVmcoreInfo(mem: PhysicalMemory): VmcoreInfo | undefined {
  for (const range of mem.ranges) {
    for (let at = 0; at < range.size; at += SCAN_CHUNK) {
      // The piece runs on past its end by a page, so a text that starts in it is whole.
      const chunk = mem.read(range.start + at, Math.min(range.size - at, SCAN_CHUNK + MAX_TEXT));
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
  for (
    let i = bytes.indexOf(NEEDLE[0], from);
    i >= 0 && i < limit;
    i = bytes.indexOf(NEEDLE[0], i + 1)
  ) {
    let j = 1;
    while (j < NEEDLE.length && bytes[i + j] === NEEDLE[j]) j++;
    if (j === NEEDLE.length) return i;
  }
  return -1;
}
