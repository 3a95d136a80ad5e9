/**
 * BTF header decoding and validation (SPEC §1): magic, version, header length, the type,
 * string and optional kind-layout sections inside the blob, NUL-terminated strings.
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
 * Decodes and validates the header of a raw BTF blob of `total` bytes whose first bytes
 * are `bytes` (all of it by default); throws BtfError naming the defect. The string
 * section's NUL terminator is checked by {@link checkStringsTerminated} once the whole
 * blob is at hand.
 */
export function parseHeader(bytes: Uint8Array, total: number = bytes.length): BtfHeader {
  if (hasBigEndianBtfMagic(bytes)) {
    throw new BtfError(
      "btf: big-endian BTF is not supported (magic eb 9f); only little-endian BTF is read",
    );
  }
  if (!hasBtfMagic(bytes)) throw new BtfError("btf: missing 0x9FEB magic");
  if (total < MIN_HEADER_LEN || bytes.length < MIN_HEADER_LEN) {
    throw new BtfError(`btf: ${total}-byte blob is shorter than the 24-byte header`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = bytes[2];
  if (version !== 1) throw new BtfError(`btf: unsupported version ${version} (expected 1)`);
  const hdrLen = view.getUint32(4, true);
  if (hdrLen < MIN_HEADER_LEN) {
    throw new BtfError(`btf: header length ${hdrLen} is shorter than ${MIN_HEADER_LEN}`);
  }
  if (hdrLen > total) {
    throw new BtfError(`btf: header length ${hdrLen} runs past the end of the ${total}-byte blob`);
  }
  const typeOff = view.getUint32(8, true), typeLen = view.getUint32(12, true);
  const strOff = view.getUint32(16, true), strLen = view.getUint32(20, true);
  const typeStart = section("type", hdrLen, typeOff, typeLen, total);
  const strStart = section("string", hdrLen, strOff, strLen, total);
  if (typeLen % 4 !== 0) {
    throw new BtfError(`btf: type section length ${typeLen} is not a multiple of 4`);
  }
  let layoutStart = -1, layoutLen = 0;
  if (hdrLen >= LAYOUT_HEADER_LEN && bytes.length >= LAYOUT_HEADER_LEN) {
    const layoutOff = view.getUint32(24, true);
    layoutLen = view.getUint32(28, true);
    if (layoutLen > 0) {
      layoutStart = section("kind layout", hdrLen, layoutOff, layoutLen, total);
    }
  }
  return {
    version,
    flags: bytes[3],
    hdrLen,
    typeStart,
    typeLen,
    strStart,
    strLen,
    layoutStart,
    layoutLen,
  };
}

/** Checks that the string section of `blob` (decoded as `hdr`) ends in a NUL. */
export function checkStringsTerminated(blob: Uint8Array, hdr: BtfHeader): void {
  if (hdr.strLen > 0 && blob[hdr.strStart + hdr.strLen - 1] !== 0) {
    throw new BtfError("btf: string section is not NUL-terminated");
  }
}
