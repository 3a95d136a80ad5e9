/**
 * Loading any kernel input a user has: raw BTF, an ELF vmlinux or module, a compressed
 * kernel image (bzImage/vmlinuz, or a bare compressed vmlinux), a compressed module
 * (`.ko.xz`, `.ko.zst`, `.ko.gz`), `/sys/kernel/btf/<module>` (its base is
 * `/sys/kernel/btf/vmlinux`, as pahole does), and standard input (`-`). Decompression is
 * asynchronous (its codecs are imported on first use), so these loaders are too; raw BTF and
 * ELF take the synchronous path of load/file.ts.
 * @module
 */
import { hasElfMagic } from "../btf/elf.ts";
import { BtfError } from "../btf/errors.ts";
import { damagedBtfMagic, hasBigEndianBtfMagic, hasBtfMagic } from "../btf/header.ts";
import { NOT_RECOGNIZED } from "../btf/input.ts";
import { BOOT_HEADER_BYTES } from "../btf/image/bzimage.ts";
import type { ImageBtf } from "../btf/image/image.ts";
import { buildTypes } from "../btf/split.ts";
import type { BtfTypes } from "../btf/table.ts";
import { addEntry, type AddResult } from "./entries.ts";
import { HOST_BTF_PATH, hostBtfMemo } from "./memo.ts";
import { type CachedBtf, type CacheOptions, loadBtfCached, loadBtfCachedWith } from "./sidecar.ts";
import { loadBtf, type LoadedBtf, openError, openSource, withInput } from "./file.ts";
import { SYSFS_BTF } from "./map.ts";

/** The base a split input gets without `--base`: the host's vmlinux for a sysfs module. */
export function implicitBase(path: string): string | undefined {
  const name = path.startsWith(SYSFS_BTF) ? path.slice(SYSFS_BTF.length) : "";
  return name !== "" && name !== "vmlinux" && !name.includes("/") ? HOST_BTF_PATH : undefined;
}

/**
 * Whether `path` holds neither raw BTF nor ELF, so it is read as a compressed image. The
 * kernel's own BTF (`/sys/kernel/btf/*`) is raw: it is not opened to be told so.
 */
export function needsDecompression(path: string): boolean {
  if (path.startsWith(SYSFS_BTF)) return false;
  let head, size;
  try {
    [head, size] = withInput(
      path,
      ({ src }) => [src.read(0, Math.min(BOOT_HEADER_BYTES, src.size)).slice(), src.size] as const,
    );
  } catch {
    return false; // the synchronous loader reports the I/O error
  }
  // A damaged BTF is judged as BTF: the synchronous loader says what is wrong with it.
  return head.length > 0 && !hasBtfMagic(head) && !hasBigEndianBtfMagic(head) &&
    !hasElfMagic(head) && damagedBtfMagic(head, size) === null;
}

/**
 * The `.BTF` of the ELF compressed in `path` (and that whole ELF with `keepAll`). Errors:
 * BtfError without the `btf: open` prefix; a file with no compressed stream at all is the
 * "not recognized" error.
 */
export async function readImageBtf(path: string, keepAll = false): Promise<ImageBtf> {
  const opened = openSource(path);
  try {
    // Image decoding is loaded for images only: a raw BTF or ELF run never evaluates it.
    const { btfFromImage } = await import("../btf/image/image.ts");
    const found = await btfFromImage(opened.src, keepAll);
    if (found === null) {
      throw new BtfError(NOT_RECOGNIZED);
    }
    if (keepAll && found.elf === undefined) {
      // A flat kernel (arm64/riscv Image, s390 image) has no ELF vmlinux to store.
      throw new BtfError(
        `a flat kernel image (${found.container}) holds no ELF vmlinux for a cache entry`,
      );
    }
    return found;
  } finally {
    opened.close();
  }
}

/** Loads a compressed image or module (see {@link readImageBtf}) over `base`. */
export async function loadImage(path: string, base?: BtfTypes): Promise<LoadedBtf> {
  try {
    const { btf, format, arch } = await readImageBtf(path);
    const types = buildTypes(
      btf.length,
      btf,
      (dest) => dest.set(btf),
      (offset) => btf[offset],
      base,
    );
    return arch === undefined ? { path, format, types } : { path, format, types, arch };
  } catch (err) {
    throw openError(path, err);
  }
}

/**
 * Loads any kernel input through the cache (see {@link loadBtfCached}): a compressed image
 * inside the cache root gets a sidecar like an ELF, and a sysfs module its implicit base.
 */
export async function loadKernelCached(
  path: string,
  opts: CacheOptions = {},
  base?: BtfTypes,
): Promise<CachedBtf> {
  if (base === undefined && implicitBase(path) !== undefined) base = hostBtfMemo.get().types;
  if (!needsDecompression(path)) return loadBtfCached(path, opts, base);
  const loaded = await loadBtfCachedWith(
    path,
    opts,
    (p) => p === path ? loadImage(p, base) : Promise.resolve(loadBtf(p, base)),
  );
  return { ...loaded, path }; // a sidecar hit reports the image, not its sidecar
}

/**
 * `cache add` for any kernel input: a compressed image is decompressed and its ELF becomes
 * the entry's `vmlinux` (ktstr's layout and metadata.json unchanged); an ELF is copied as
 * {@link addEntry} does.
 */
export async function addKernelEntry(
  root: string,
  source: string,
  key?: string,
  replace = false,
): Promise<AddResult> {
  if (!needsDecompression(source)) return addEntry(root, source, key, replace);
  let image;
  try {
    image = await readImageBtf(source, true);
  } catch (err) {
    throw openError(source, err);
  }
  return addEntry(root, source, key, replace, { elf: image.elf!, btf: image.btf });
}
