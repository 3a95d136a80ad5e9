/**
 * BTF header decoding and validation (docs/TESTING.md: What is validated): magic, version, header
 * length, the type, string and optional kind-layout sections inside the blob, NUL-terminated
 * strings.
 * @module
 */
import { BtfError } from "./errors.ts";

/** Smallest valid BTF header: magic, version, flags, hdr_len, type and string sections. */
export const MIN_HEADER_LEN = 24;
/** Header length that also carries the kind-layout section (`layout_off`, `layout_len`). */
export const LAYOUT_HEADER_LEN = 32;

/** A validated BTF header; every offset is absolute within the blob. */
export interface BtfHeader {
  /** Format version (always 1). */
  version: number;
  /** Header flags byte. */
  flags: number;
  /** The blob's byte order is big-endian (magic `eb 9f`: an s390x or powerpc kernel's). */
  bigEndian: boolean;
  /** Header length in bytes (24, 32, or longer). */
  hdrLen: number;
  /** Absolute byte offset of the type section. */
  typeStart: number;
  /** Length of the type section in bytes. */
  typeLen: number;
  /** Absolute byte offset of the string section. */
  strStart: number;
  /** Length of the string section in bytes. */
  strLen: number;
  /** Absolute byte offset of the kind-layout section, or -1 when absent. */
  layoutStart: number;
  /** Length of the kind-layout section in bytes (0 when absent). */
  layoutLen: number;
}

/** True when `bytes` begins with the little-endian BTF magic `9f eb`. */
export function hasBtfMagic(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x9f && bytes[1] === 0xeb;
}

/** True when `bytes` begins with the big-endian BTF magic `eb 9f`. */
export function hasBigEndianBtfMagic(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0xeb && bytes[1] === 0x9f;
}

/**
 * Why `head` (a file's first 24 bytes or more; `size` the file's size) is a BTF header whose
 * magic alone is wrong, or null when it is not one: version 1, flags 0, a header length of 24
 * to 256 bytes (a multiple of 4), and type and string sections that fit the file. A damaged
 * BTF is judged as BTF, with this one line, never scanned for a compressed kernel inside.
 */
export function damagedBtfMagic(head: Uint8Array, size: number): string | null {
  if (head.length < 24 || head[2] !== 1 || head[3] !== 0) return null;
  const view = new DataView(head.buffer, head.byteOffset, 24);
  const word = (at: number) => view.getUint32(at, true);
  const hdrLen = word(4);
  if (hdrLen < 24 || hdrLen > 256 || hdrLen % 4 !== 0) return null;
  const ends = [word(8) + word(12), word(16) + word(20)];
  if (ends.some((end) => hdrLen + end > size) || word(12) === 0) return null;
  const magic = Array.from(head.subarray(0, 2), (b) => b.toString(16).padStart(2, "0"));
  return `damaged BTF: its magic is ${magic.join(" ")}, not 9f eb (0xEB9F little-endian), ` +
    `though the rest is a BTF header (version 1, ${hdrLen}-byte header, sections inside the ` +
    `${size}-byte file)`;
}

interface Section {
  name: string;
  off: number;
  len: number;
}

function section(
  name: string,
  hdrLen: number,
  off: number,
  len: number,
  total: number,
): number {
  const start = hdrLen + off;
  if (start + len > total) {
    throw new BtfError(
      `btf: ${name} section (offset ${off}, length ${len}) runs past the end of the ${total}-byte blob`,
    );
  }
  return start;
}

/**
 * The kernel's section layout rule (btf_check_sec_info): sections may not overlap, and the
 * bytes after the header are exactly the sections. One relaxation: up to 3 bytes of padding
 * before a 4-byte-aligned section. So data after the last section is rejected (not read) and
 * the blob's size is bounded by what the header describes, before any large allocation.
 */
function checkLayout(sections: Section[], hdrLen: number, total: number): void {
  const used = sections.filter((s) => s.len > 0).sort((a, b) => a.off - b.off);
  let end = 0, prev: Section | undefined;
  for (const s of used) {
    if (prev && s.off < end) {
      throw new BtfError(
        `btf: ${s.name} section [${s.off}, ${s.off + s.len}) overlaps the ${prev.name} section ` +
          `[${prev.off}, ${end})`,
      );
    }
    const gap = s.off - end;
    if (gap > 0 && !(gap < 4 && s.off % 4 === 0)) {
      throw new BtfError(
        `btf: ${gap} unused bytes before the ${s.name} section at offset ${s.off}`,
      );
    }
    end = s.off + s.len;
    prev = s;
  }
  const trailing = total - hdrLen - end;
  if (trailing > 0) {
    throw new BtfError(
      `btf: ${trailing} bytes of trailing data after the sections the header describes ` +
        `(they end at byte ${hdrLen + end})`,
    );
  }
}

/**
 * Decodes and validates the header of a raw BTF blob of `total` bytes whose first bytes
 * are `bytes` (all of it by default); throws BtfError naming the defect. Checked, as the
 * kernel does: magic (little-endian `9f eb`, or big-endian `eb 9f`, whose fields are read
 * in that order), version, flags 0, a longer header's unknown bytes all zero (those in
 * `bytes`), the type section 4-byte aligned, every section inside the blob, no overlap, no
 * data outside the sections. The string section's contents are checked by
 * {@link checkStrings} once the whole blob is at hand.
 */
export function parseHeader(bytes: Uint8Array, total: number = bytes.length): BtfHeader {
  const le = hasBtfMagic(bytes);
  if (!le && !hasBigEndianBtfMagic(bytes)) throw new BtfError("btf: missing 0x9FEB magic");
  if (total < MIN_HEADER_LEN || bytes.length < MIN_HEADER_LEN) {
    throw new BtfError(`btf: ${total}-byte blob is shorter than the 24-byte header`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = bytes[2];
  if (version !== 1) throw new BtfError(`btf: unsupported version ${version} (expected 1)`);
  const flags = bytes[3];
  if (flags !== 0) throw new BtfError(`btf: header flags 0x${flags.toString(16)} are not zero`);
  const hdrLen = view.getUint32(4, le);
  if (hdrLen < MIN_HEADER_LEN) {
    throw new BtfError(`btf: header length ${hdrLen} is shorter than ${MIN_HEADER_LEN}`);
  }
  if (hdrLen > total) {
    throw new BtfError(`btf: header length ${hdrLen} runs past the end of the ${total}-byte blob`);
  }
  for (let i = LAYOUT_HEADER_LEN; i < Math.min(hdrLen, bytes.length); i++) {
    if (bytes[i] !== 0) {
      throw new BtfError(
        `btf: header bytes ${LAYOUT_HEADER_LEN}..${hdrLen - 1} are not zero ` +
          `(a ${hdrLen}-byte header this reader does not know)`,
      );
    }
  }
  const typeOff = view.getUint32(8, le), typeLen = view.getUint32(12, le);
  const strOff = view.getUint32(16, le), strLen = view.getUint32(20, le);
  if (typeOff % 4 !== 0) {
    throw new BtfError(`btf: type section offset ${typeOff} is not a multiple of 4`);
  }
  const typeStart = section("type", hdrLen, typeOff, typeLen, total);
  const strStart = section("string", hdrLen, strOff, strLen, total);
  if (typeLen % 4 !== 0) {
    throw new BtfError(`btf: type section length ${typeLen} is not a multiple of 4`);
  }
  const sections = [{ name: "type", off: typeOff, len: typeLen }, {
    name: "string",
    off: strOff,
    len: strLen,
  }];
  let layoutStart = -1, layoutLen = 0;
  if (hdrLen >= LAYOUT_HEADER_LEN && bytes.length >= LAYOUT_HEADER_LEN) {
    const layoutOff = view.getUint32(24, le);
    layoutLen = view.getUint32(28, le);
    if (layoutLen > 0) {
      layoutStart = section("kind layout", hdrLen, layoutOff, layoutLen, total);
      sections.push({ name: "kind layout", off: layoutOff, len: layoutLen });
    }
  }
  checkLayout(sections, hdrLen, total);
  return {
    version,
    flags,
    bigEndian: !le,
    hdrLen,
    typeStart,
    typeLen,
    strStart,
    strLen,
    layoutStart,
    layoutLen,
  };
}

/**
 * Checks the string section of `blob` (decoded as `hdr`), as the kernel does: it ends in a
 * NUL and, for a base (not split) BTF, it is not empty and starts with the empty name.
 */
export function checkStrings(blob: Uint8Array, hdr: BtfHeader, split: boolean): void {
  if (!split && hdr.strLen === 0) {
    throw new BtfError("btf: string section is empty (offset 0 is the empty name)");
  }
  if (!split && blob[hdr.strStart] !== 0) {
    throw new BtfError(
      "btf: string section does not start with a NUL (offset 0 is the empty name)",
    );
  }
  if (hdr.strLen > 0 && blob[hdr.strStart + hdr.strLen - 1] !== 0) {
    throw new BtfError("btf: string section is not NUL-terminated");
  }
}
