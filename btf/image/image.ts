/**
 * Finds the BTF inside a kernel image file, asking the headers first:
 *
 * - an x86 bzImage's setup header names its compressed payload exactly (bzimage.ts);
 * - an EFI zboot header (arm64/riscv64/loongarch64 `vmlinuz.efi`) names its payload and its
 *   compression (zboot.ts); it decompresses to a flat `Image`;
 * - a file that starts with a compression's magic is a bare compressed vmlinux, module or
 *   flat `Image` (`Image.gz`);
 * - an s390 image (IPL header, `S390EP`) is searched for its payload at 8-byte aligned
 *   compression magics past its decompressor (s390.ts); it decompresses to a flat binary;
 * - an uncompressed flat `Image` (arm64, riscv, any EFI stub kernel) is scanned in place
 *   (flat.ts);
 * - anything else is scanned the way the kernel's `scripts/extract-vmlinux` does: every
 *   compression magic is tried until one decompresses to an ELF with `.BTF` (or to a flat
 *   binary with a valid BTF).
 *
 * A decompressed payload that is an ELF yields its `.BTF` section (elf_btf.ts); one that is
 * not is scanned for BTF candidates, each checked whole (btf_scan.ts).
 * @module
 */
import type { ByteSource } from "../elf.ts";
import { BtfError, BUILT_WITHOUT_BTF, NoBtfError } from "../errors.ts";
import { BOOT_HEADER_BYTES, bootPayload } from "./bzimage.ts";
import { type Compression, compressionAt, magicCandidates } from "./compression.ts";
import { btfFromPayload, type PayloadBtf, sliceSource } from "./decompress.ts";
import { type CollectedElf, NotElfError } from "./elf_btf.ts";
import { type FlatImageHeader, flatImageHeader, scanFlatSource } from "./flat.ts";
import { peHeader } from "./pe.ts";
import { isS390Image, S390_STARTUP, s390PayloadCandidates } from "./s390.ts";
import { zbootPayload } from "./zboot.ts";

/** What wrapped the BTF: see {@link ImageBtf.container}. */
export type ImageContainer = "bzImage" | "zboot" | "s390" | "compressed" | "Image" | "scanned";

/** The BTF found in a kernel image, and how it was packed. */
export interface ImageBtf extends CollectedElf {
  /** The payload's compression; null for an uncompressed flat `Image` or s390 kernel. */
  compression: Compression | null;
  /**
   * How the BTF was found, the value a report's `source.format` takes for it: `image`, the
   * `.BTF` section of the ELF a compressed image holds; `flat`, the blob the candidate scan
   * found in a flat kernel binary (an arm64/riscv `Image`, compressed or not, in an EFI zboot
   * wrapper or not; an s390 image's payload), as found, in either byte order (s390x's is
   * big-endian).
   */
  format: "image" | "flat";
  /**
   * What held it: `bzImage` (the x86 setup header), `zboot` (an EFI zboot header), `s390`
   * (an s390 image), `compressed` (a file that is one compressed stream), `Image` (an
   * uncompressed flat image), `scanned` (a compression magic found by scanning).
   */
  container: ImageContainer;
  /**
   * With `format` `flat`: where the blob starts in the flat binary (the decompressed stream,
   * or the file itself when it is not compressed).
   */
  offset?: number;
  /**
   * The architecture the image's own headers name, where that is cheap (see
   * btf/image/arch.ts): the PE header's Machine, the ELF's e_machine, the arm64/riscv Image
   * header, the s390 IPL header. Absent when none says.
   */
  arch?: string;
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

/** An {@link ImageBtf} from a payload's BTF; `arch` (the wrapper's) wins over the payload's. */
function result(
  found: PayloadBtf,
  compression: Compression | null,
  container: ImageContainer,
  arch?: string,
): ImageBtf {
  const out: ImageBtf = {
    btf: found.btf,
    compression,
    format: found.flatOffset === undefined ? "image" : "flat",
    container,
  };
  if (found.elf !== undefined) out.elf = found.elf;
  if (found.flatOffset !== undefined) out.offset = found.flatOffset;
  const named = arch ?? found.arch;
  if (named !== undefined) out.arch = named;
  return out;
}

/**
 * The BTF of the kernel image in `src` (with the whole ELF when `keepAll` and the payload is
 * an ELF), or null when `src` is no kernel image at all. Throws BtfError naming the
 * compression when the payload is corrupt, truncated, or holds no BTF; NoBtfError when the
 * kernel inside was built without BTF.
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
    const found = await btfFromPayload(payload, compression, true, keepAll, size);
    return result(found, compression, "bzImage");
  }
  const zboot = zbootPayload(head);
  if (zboot !== null) return await zbootBtf(src, head, zboot, keepAll);
  const leading = compressionAt(head);
  if (leading !== null) {
    return result(await btfFromPayload(src, leading, true, keepAll), leading, "compressed");
  }
  if (isS390Image(src)) return await s390Btf(src);
  const flat = flatImageHeader(head);
  if (flat !== null) {
    const found = scanFlatSource(src);
    if (found !== null) {
      return result({ btf: found.bytes, flatOffset: found.offset }, null, "Image", flat.arch);
    }
  }
  return await scanned(src, keepAll, flat);
}

/** The BTF of the flat `Image` an EFI zboot image compresses. */
async function zbootBtf(
  src: ByteSource,
  head: Uint8Array,
  zboot: NonNullable<ReturnType<typeof zbootPayload>>,
  keepAll: boolean,
): Promise<ImageBtf> {
  const { offset, length, compression } = zboot;
  if (compression === null) {
    throw new BtfError(
      `EFI zboot payload compressed as "${zboot.type}", which this reader does not decode`,
    );
  }
  if (offset + length > src.size) {
    throw new BtfError(
      `${compression} payload: ${length} bytes at ${offset} run past the end of the ${src.size}-byte file (truncated)`,
    );
  }
  const magic = src.read(offset, Math.min(8, length));
  if (compressionAt(magic) !== compression) {
    throw new BtfError(
      `EFI zboot payload at ${offset} is not ${compression} data (starts ${hex(magic)})`,
    );
  }
  // All but gzip are followed by the decompressed size (lzma's decoder needs it).
  const size = compression !== "gzip" && offset + length + 4 <= src.size
    ? trailer(src.read(offset + length, 4))
    : undefined;
  const found = await btfFromPayload(
    sliceSource(src, offset, length),
    compression,
    true,
    keepAll,
    size,
  );
  return result(found, compression, "zboot", peHeader(head)?.arch);
}

/**
 * The BTF of an s390 image: the first 8-byte aligned compression magic past the
 * decompressor that decodes to a kernel with a valid BTF (s390.ts), else the file itself
 * (an uncompressed kernel).
 */
async function s390Btf(src: ByteSource): Promise<ImageBtf> {
  const candidates = s390PayloadCandidates(src);
  // What the hits said, when none gave BTF: one decoded whole but held none, or all failed.
  let noBtf: { compression: Compression; offset: number } | undefined;
  let failed: BtfError | undefined;
  for (const { compression, offset } of candidates) {
    try {
      const payload = sliceSource(src, offset, src.size - offset);
      const found = await btfFromPayload(payload, compression, false, false, undefined, offset);
      return result(found, compression, "s390", "s390x");
    } catch (err) {
      if (!(err instanceof BtfError)) throw err;
      if (err instanceof NoBtfError || err instanceof NotElfError) {
        noBtf ??= { compression, offset };
      } else failed ??= err;
    }
  }
  // CONFIG_KERNEL_UNCOMPRESSED: the kernel itself follows the decompressor.
  const found = scanFlatSource(src);
  if (found !== null) {
    return result({ btf: found.bytes, flatOffset: found.offset }, null, "s390", "s390x");
  }
  if (noBtf !== undefined) {
    throw new NoBtfError(
      `s390 image: its ${noBtf.compression} payload at ${noBtf.offset} holds no valid BTF: ${BUILT_WITHOUT_BTF}`,
    );
  }
  if (failed !== undefined) throw failed.prefixed("s390 image");
  throw new BtfError(
    `s390 image: no compression magic at an 8-byte aligned offset past ${S390_STARTUP} (its payload) and no BTF in the file`,
  );
}

/**
 * Like extract-vmlinux: every compression magic in the file is tried until one decompresses
 * to an ELF with `.BTF` or a flat binary with BTF. `flat` is the flat image header the file
 * has, if any (whose in-place scan found no BTF).
 */
async function scanned(
  src: ByteSource,
  keepAll: boolean,
  flat: FlatImageHeader | null,
): Promise<ImageBtf | null> {
  const candidates = src.size > MAX_SCAN ? [] : magicCandidates(src.read(0, src.size));
  // What the hits that decoded said, when none gave BTF: an ELF without .BTF, or data that is
  // neither an ELF nor a flat kernel with BTF. A damaged stream says nothing: it was not the
  // payload.
  let noBtf: NoBtfError | undefined, notElf: NotElfError | undefined;
  for (const { compression, offset } of candidates) {
    try {
      const payload = sliceSource(src, offset, src.size - offset);
      const found = await btfFromPayload(payload, compression, false, keepAll, undefined, offset);
      return result(found, compression, "scanned", flat?.arch);
    } catch (err) {
      // Like extract-vmlinux: a hit that does not decompress to a vmlinux is not the payload.
      if (!(err instanceof BtfError)) throw err;
      if (err instanceof NoBtfError) noBtf ??= err;
      if (err instanceof NotElfError) notElf ??= err;
    }
  }
  if (noBtf !== undefined) throw noBtf;
  if (flat !== null) {
    const what = flat.kind === "PE" ? `EFI stub kernel (${flat.arch})` : flat.kind;
    throw new NoBtfError(`${what} holds no valid BTF: ${BUILT_WITHOUT_BTF}`);
  }
  if (notElf !== undefined) {
    throw new BtfError(
      `${notElf.message}, and nothing else in the file does: no BTF to read (a kernel ` +
        "built without BTF, CONFIG_DEBUG_INFO_BTF)",
    );
  }
  return null;
}
