/**
 * Finds the compressed kernel inside an image file the way the kernel's
 * `scripts/extract-vmlinux` does, after first asking the x86 boot header: a bzImage's setup
 * header names its payload exactly; a file that starts with a compression's magic is a bare
 * compressed vmlinux (or module); anything else is scanned for every compression's magic and
 * each hit is tried until one decompresses to an ELF with `.BTF`.
 * @module
 */
import type { ByteSource } from "../elf.ts";
import { BtfError, NoBtfError } from "../errors.ts";
import { BOOT_HEADER_BYTES, bootPayload } from "./bzimage.ts";
import { type Compression, compressionAt, magicCandidates } from "./compression.ts";
import { btfFromPayload, sliceSource } from "./decompress.ts";
import { type CollectedElf, NotElfError } from "./elf_btf.ts";

/** The `.BTF` section found in a compressed image, and how it was compressed. */
export interface ImageBtf extends CollectedElf {
  /** The payload's compression. */
  compression: Compression;
}

/** Images larger than this are not scanned for magic (a bzImage is a few tens of MB). */
const MAX_SCAN = 256 << 20;

function hex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join(" ");
}

/** The decompressed size in a payload's 4-byte little-endian trailer. */
function trailer(bytes: Uint8Array): number {
  return new DataView(bytes.buffer, bytes.byteOffset, 4).getUint32(0, true);
}

/**
 * The `.BTF` of the ELF compressed inside `src` (with the whole ELF when `keepAll`), or null
 * when `src` holds no compressed stream at all. Throws BtfError naming the compression
 * when the payload is corrupt, truncated, or holds no ELF with `.BTF`; NoBtfError when the
 * payload (or, scanning, the only one that decompresses to an ELF) is an ELF without `.BTF`.
 */
export async function btfFromImage(src: ByteSource, keepAll = false): Promise<ImageBtf | null> {
  const head = src.read(0, Math.min(src.size, BOOT_HEADER_BYTES));
  const boot = bootPayload(head);
  if (boot !== null) {
    const magic = src.read(boot.offset, Math.max(0, Math.min(8, src.size - boot.offset)));
    const compression = compressionAt(magic);
    if (compression === null) {
      throw new BtfError(
        `bzImage payload at ${boot.offset} has an unknown compression (starts ${hex(magic)})`,
      );
    }
    if (boot.offset + boot.length > src.size) {
      throw new BtfError(
        `${compression} payload: ${boot.length} bytes at ${boot.offset} run past the end of the ${src.size}-byte file (truncated)`,
      );
    }
    // x86 appends the decompressed size (4 bytes) to every payload but gzip's; some decoders
    // (xz, lzma) refuse data after their stream's end, and lzma's need the size.
    const length = compression === "gzip" ? boot.length : Math.max(0, boot.length - 4);
    const payload = sliceSource(src, boot.offset, length);
    const size = length < boot.length ? trailer(src.read(boot.offset + length, 4)) : undefined;
    return { compression, ...await btfFromPayload(payload, compression, true, keepAll, size) };
  }
  const leading = compressionAt(head);
  if (leading !== null) {
    return { compression: leading, ...await btfFromPayload(src, leading, true, keepAll) };
  }
  if (src.size > MAX_SCAN) return null;
  const candidates = magicCandidates(src.read(0, src.size));
  // What the hits that decoded said, when none gave BTF: an ELF without .BTF, or data that is
  // no ELF (a flat Image's). A damaged stream says nothing: it was not the payload.
  let noBtf: NoBtfError | undefined, notElf: NotElfError | undefined;
  for (const { compression, offset } of candidates) {
    try {
      const payload = sliceSource(src, offset, src.size - offset);
      const found = await btfFromPayload(payload, compression, false, keepAll, undefined, offset);
      return { compression, ...found };
    } catch (err) {
      // Like extract-vmlinux: a hit that does not decompress to a vmlinux is not the payload.
      if (!(err instanceof BtfError)) throw err;
      if (err instanceof NoBtfError) noBtf ??= err;
      if (err instanceof NotElfError) notElf ??= err;
    }
  }
  if (noBtf !== undefined) throw noBtf;
  if (notElf !== undefined) {
    throw new BtfError(
      `${notElf.message}, and nothing else in the file does: no .BTF section to read (a ` +
        "kernel built without BTF, CONFIG_DEBUG_INFO_BTF, or a flat Image)",
    );
  }
  return null;
}
