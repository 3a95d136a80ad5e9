/**
 * The file-system edge of loading: reads an input file (only the parts it needs for an
 * ELF), recognises it, and builds the shared type table. Every error reaching the caller
 * is a BtfError prefixed `btf: open <path>: ` (docs/CLI.md). The file questions the cache
 * modules share (a canonical path, whether anything is there, a modification time) are
 * answered here too.
 * @module
 */
import { type ByteSource, memorySource } from "../btf/elf.ts";
import { BtfError } from "../btf/errors.ts";
import { extractBtf, type InputFormat, locateBtf } from "../btf/input.ts";
import { elfArch } from "../btf/image/arch.ts";
import { buildTypes } from "../btf/split.ts";
import type { BtfTypes } from "../btf/table.ts";
import type { TableSpace } from "../btf/arena.ts";
import { defaultSpace, mapFile, mapInto } from "./map.ts";

/** A loaded BTF: where it came from and its type table. */
export interface LoadedBtf {
  /** The path as given by the caller. */
  path: string;
  /** `raw`, `elf`, `image` (a compressed kernel or module) or `flat` (a flat kernel binary). */
  format: InputFormat;
  /** The parsed type table (shared buffer inside). */
  types: BtfTypes;
  /** The architecture the file's own header names (an ELF's e_machine, an image's), if any. */
  arch?: string;
}

/** Turns a Deno I/O error into the OS message alone (`No such file or directory (os error 2)`). */
export function osMessage(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  return message.replace(/: [a-z_]+ '.*'$/s, "");
}

/** The canonical path of `path` (symlinks resolved), or undefined when it has none. */
export function realPath(path: string): string | undefined {
  try {
    return Deno.realPathSync(path);
  } catch {
    return undefined;
  }
}

/** The modification time of `info` in ms, or null where the platform has none. */
export function mtimeMs(info: Deno.FileInfo): number | null {
  return info.mtime ? info.mtime.getTime() : null;
}

/** Whether anything (a dangling symlink included) is at `path`. */
export function pathExists(path: string): boolean {
  try {
    Deno.lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

/** A ByteSource over an open file: each read seeks and reads exactly the bytes asked for. */
function fileSource(file: Deno.FsFile, size: number): ByteSource {
  const readInto = (offset: number | bigint, dest: Uint8Array) => {
    try {
      file.seekSync(offset, Deno.SeekMode.Start);
      for (let done = 0; done < dest.length;) {
        const n = file.readSync(dest.subarray(done));
        if (n === null || n === 0) {
          throw new BtfError(
            `read file: unexpected end of file at ${BigInt(offset) + BigInt(done)}`,
          );
        }
        done += n;
      }
    } catch (err) {
      if (err instanceof BtfError) throw err;
      throw new BtfError(`read file: ${osMessage(err)}`);
    }
  };
  return {
    size,
    readInto,
    readFarInto: readInto,
    read(offset: number, length: number): Uint8Array {
      const out = new Uint8Array(length);
      readInto(offset, out);
      return out;
    },
  };
}

/** Whether `path` names this process's standard input (`-`, or its /dev and /proc names). */
export function isStandardInput(path: string): boolean {
  return path === "-" || path === "/dev/stdin" || path === "/dev/fd/0" ||
    path === "/proc/self/fd/0";
}

let stdinBytes: Uint8Array | undefined;

/**
 * All of standard input, read once per process and kept: a pipe cannot seek, and it can be
 * read only once, while an input is looked at more than once (its head, then its BTF).
 */
export function standardInputBytes(): Uint8Array {
  if (stdinBytes) return stdinBytes;
  const parts: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const buf = new Uint8Array(1 << 20);
    const n = Deno.stdin.readSync(buf);
    if (n === null) break;
    parts.push(buf.subarray(0, n));
    total += n;
  }
  stdinBytes = new Uint8Array(total);
  let at = 0;
  for (const part of parts) stdinBytes.set(part, (at += part.length) - part.length);
  return stdinBytes;
}

/** An opened input: random access to its bytes, what fstat says of it, and how to close it. */
export interface OpenSource {
  /** Reads of the input. */
  src: ByteSource;
  /** fstat of the open file (size, times, inode); null for standard input. */
  info: Deno.FileInfo | null;
  /** The open file (null for standard input). */
  file: Deno.FsFile | null;
  /** Closes the file (nothing for standard input). */
  close(): void;
}

/** What kind of non-regular file `info` describes, for the refusal message. */
function fileKind(info: Deno.FileInfo): string {
  if (info.isFifo) return "a FIFO";
  if (info.isSocket) return "a socket";
  if (info.isCharDevice) return "a character device";
  if (info.isBlockDevice) return "a block device";
  return "not a file";
}

/** Refuses what is not a regular file: a directory as the OS says it, the rest by kind. */
function refuseNonRegular(info: Deno.FileInfo): void {
  if (info.isDirectory) throw new BtfError("read file: Is a directory (os error 21)");
  if (!info.isFile) {
    throw new BtfError(
      `read file: not a regular file (${fileKind(info)}); only regular files and standard ` +
        "input are read",
    );
  }
}

/**
 * Opens `path` once and classifies it; I/O errors become `read file: <os error>`. Standard
 * input is read whole (see {@link standardInputBytes}). A regular file (sysfs files such as
 * /sys/kernel/btf/vmlinux are regular) is opened; a directory, FIFO, socket or device is
 * refused from its stat, before any open, so an input can never block waiting for a writer
 * (opening a FIFO does). The open file is fstat'ed too, so a path swapped for something
 * else between the two is refused as well.
 */
export function openSource(path: string): OpenSource {
  if (isStandardInput(path)) {
    try {
      return { src: memorySource(standardInputBytes()), info: null, file: null, close: () => {} };
    } catch (err) {
      throw new BtfError(`read file: ${osMessage(err)}`);
    }
  }
  let file: Deno.FsFile;
  try {
    refuseNonRegular(Deno.statSync(path));
    file = Deno.openSync(path, { read: true });
  } catch (err) {
    if (err instanceof BtfError) throw err;
    throw new BtfError(`read file: ${osMessage(err)}`);
  }
  try {
    const info = file.statSync();
    refuseNonRegular(info);
    return { src: fileSource(file, info.size), info, file, close: () => file.close() };
  } catch (err) {
    file.close();
    if (err instanceof BtfError) throw err;
    throw new BtfError(`read file: ${osMessage(err)}`);
  }
}

/**
 * Opens `path` as {@link openSource} does, with a regular file's bytes mapped where they can
 * be (load/map.ts {@link mapFile}; not under /proc): for a large input read sparsely, a guest
 * memory image, each read is then a view, and only the pages read are read.
 */
export function openMapped(path: string): OpenSource {
  const opened = openSource(path);
  // /proc/kcore's size is the kernel's whole address space, most of it holes: read, not mapped.
  const proc = realPath(path)?.startsWith("/proc/") ?? true;
  const mapped = opened.info && !proc ? mapFile(path, opened.info.size) : null;
  if (!mapped) return opened;
  return {
    ...opened,
    src: memorySource(mapped.bytes),
    close() {
      mapped.unmap();
      opened.close();
    },
  };
}

/** Runs `use` on `path`, opened once (see {@link openSource}) and closed afterwards. */
export function withInput<T>(path: string, use: (input: OpenSource) => T): T {
  const opened = openSource(path);
  try {
    return use(opened);
  } finally {
    opened.close();
  }
}

/** Opens `path` and runs `use` on its bytes. */
function withFile<T>(path: string, use: (src: ByteSource) => T): T {
  return withInput(path, (input) => use(input.src));
}

/** Reads the BTF bytes of `path` (raw BTF as is, the `.BTF` section of an ELF). */
export function readBtfInput(path: string): { format: InputFormat; bytes: Uint8Array } {
  return withFile(path, (src) => extractBtf(src));
}

/**
 * Loads `path` (raw BTF or ELF vmlinux) into a type table, reading the blob straight into
 * the table's shared memory. With `base`, the file is split BTF over that base. Errors:
 * BtfError `btf: open <path>: <what is wrong>`.
 */
export function loadBtf(path: string, base?: BtfTypes, space?: TableSpace): LoadedBtf {
  return openedAs(path, () => withInput(path, (input) => loadBtfFrom(input, path, base, space)));
}

/**
 * Loads an already opened input (raw BTF or ELF vmlinux); `path` names it. Errors are
 * BtfErrors without the `btf: open` prefix (see {@link openedAs}).
 */
export function loadBtfFrom(
  input: OpenSource,
  path: string,
  base?: BtfTypes,
  space?: TableSpace,
): LoadedBtf {
  const src = input.src, at = locateBtf(src);
  const types = buildTypes(
    at.size,
    src.read(at.offset, Math.min(at.size, 64)),
    (dest) => mapInto(path, at.offset, dest) || src.readInto(at.offset, dest),
    (offset) => src.read(at.offset + offset, 1)[0],
    base,
    space ?? defaultSpace(path),
  );
  const arch = at.format === "elf" ? elfArch(src.read(0, Math.min(20, src.size))) : undefined;
  return arch === undefined
    ? { path, format: at.format, types }
    : { path, format: at.format, types, arch };
}

/** Runs `fn`, prefixing a BtfError it raises with `btf: open <path>: ` (docs/CLI.md). */
export function openedAs<T>(path: string, fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    throw openError(path, err);
  }
}

/**
 * `err` prefixed with `btf: open <path>: ` when it is a BtfError, else `err` itself: what
 * {@link openedAs} throws, for the asynchronous loaders' own catch.
 */
export function openError(path: string, err: unknown): unknown {
  return err instanceof BtfError ? new BtfError(`btf: open ${path}: ${err.message}`) : err;
}
