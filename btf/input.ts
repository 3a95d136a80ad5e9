/**
 * Recognises an input file (docs/CLI.md): raw BTF is used as is, an ELF vmlinux yields its
 * `.BTF` section, anything else is rejected with one message naming the path.
 * @module
 */
import { type ByteSource, ElfFormatError, findElfSection, hasElfMagic } from "./elf.ts";
import { BtfError, BUILT_WITHOUT_BTF, NoBtfError } from "./errors.ts";
import { BOOT_HEADER_BYTES, isKernelImage } from "./image/bzimage.ts";
import { damagedBtfMagic, hasBigEndianBtfMagic, hasBtfMagic } from "./header.ts";

/**
 * How the BTF was found: a raw blob, the `.BTF` section of an ELF file, that of the ELF
 * inside a compressed kernel image or module (`image`), or the blob found in a flat kernel
 * binary (`flat`: an arm64/riscv `Image`, an s390 image; see btf/image/).
 */
export type InputFormat = "raw" | "elf" | "image" | "flat";

/** The BTF bytes of an input and where they came from. */
export interface BtfInput {
  /** `raw` for a raw BTF file, `elf` for an ELF vmlinux. */
  format: InputFormat;
  /** The raw BTF blob. */
  bytes: Uint8Array;
}

/** Where the BTF blob of an input lies: its format and byte range in the file. */
export interface BtfLocation {
  /** `raw` for a raw BTF file, `elf` for an ELF vmlinux. */
  format: InputFormat;
  /** Byte offset of the blob in the file. */
  offset: number;
  /** Size of the blob in bytes. */
  size: number;
}

/** The error for an input that is no kernel input this library reads. */
export const NOT_RECOGNIZED =
  "not recognized as raw BTF (missing 0x9FEB magic), ELF vmlinux or compressed kernel image";

/** Finds the BTF blob in `src` (raw BTF or ELF); the caller names the file in errors. */
export function locateBtf(src: ByteSource): BtfLocation {
  if (src.size === 0) throw new BtfError("empty file");
  const head = src.read(0, Math.min(24, src.size));
  if (hasBtfMagic(head) || hasBigEndianBtfMagic(head)) {
    return { format: "raw", offset: 0, size: src.size };
  }
  const damaged = damagedBtfMagic(head, src.size);
  if (damaged !== null) throw new BtfError(damaged);
  if (!hasElfMagic(head)) {
    const boot = src.read(0, Math.min(BOOT_HEADER_BYTES, src.size));
    if (isKernelImage(boot)) {
      throw new BtfError(
        "a compressed kernel image or module: the asynchronous loaders read it " +
          "(loadImage, loadKernelCached)",
      );
    }
    throw new BtfError(NOT_RECOGNIZED);
  }
  let section;
  try {
    section = findElfSection(src, ".BTF");
  } catch (err) {
    if (err instanceof ElfFormatError) throw new BtfError(`${NOT_RECOGNIZED} (${err.message})`);
    throw err;
  }
  if (section === null) throw new NoBtfError(`ELF file has no .BTF section: ${BUILT_WITHOUT_BTF}`);
  if (section.offset + section.size > src.size) {
    throw new BtfError(".BTF section data out of bounds");
  }
  return { format: "elf", offset: section.offset, size: section.size };
}

/** Reads the BTF blob out of `src` (raw BTF or ELF); the caller names the file in errors. */
export function extractBtf(src: ByteSource): BtfInput {
  const at = locateBtf(src);
  return { format: at.format, bytes: src.read(at.offset, at.size) };
}
