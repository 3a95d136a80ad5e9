/**
 * The file-system edge of loading: reads an input file (only the parts it needs for an
 * ELF), recognises it, and builds the shared type table. Every error reaching the caller
 * is a BtfError prefixed `btf: open <path>: ` (SPEC §1).
 * @module
 */
import type { ByteSource } from "../btf/elf.ts";
import { BtfError } from "../btf/errors.ts";
import { extractBtf, type InputFormat, locateBtf } from "../btf/input.ts";
import { BtfTypes } from "../btf/table.ts";

/** A loaded BTF: where it came from and its type table. */
export interface LoadedBtf {
  /** The path as given by the caller. */
  path: string;
  /** `raw` or `elf`. */
  format: InputFormat;
  /** The parsed type table (shared buffer inside). */
  types: BtfTypes;
}

/** Turns a Deno I/O error into the OS message alone (`No such file or directory (os error 2)`). */
export function osMessage(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  return message.replace(/: [a-z_]+ '.*'$/s, "");
}

/** A ByteSource over an open file: each read seeks and reads exactly the bytes asked for. */
function fileSource(file: Deno.FsFile, size: number): ByteSource {
  const readInto = (offset: number, dest: Uint8Array) => {
    try {
      file.seekSync(offset, Deno.SeekMode.Start);
      for (let done = 0; done < dest.length;) {
        const n = file.readSync(dest.subarray(done));
        if (n === null || n === 0) {
          throw new BtfError(`read file: unexpected end of file at ${offset + done}`);
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
    read(offset: number, length: number): Uint8Array {
      const out = new Uint8Array(length);
      readInto(offset, out);
      return out;
    },
  };
}

/** An input opened once: the file, what fstat says of it, and random access to its bytes. */
export interface OpenInput extends Disposable {
  /** The open file. */
  file: Deno.FsFile;
  /** fstat of the open file (size, times, inode). */
  info: Deno.FileInfo;
  /** Reads of the open file. */
  src: ByteSource;
}

/**
 * Paths that name this process's standard input. They are not refused for being pipes:
 * reading standard input is the input layer's (load/file.ts) job and must not be blocked here.
 */
export function isStandardInput(path: string): boolean {
  return path === "-" || path === "/dev/stdin" || path === "/dev/fd/0" ||
    path === "/proc/self/fd/0";
}

/** What kind of non-regular file `info` describes, for the refusal message. */
function fileKind(info: Deno.FileInfo): string {
  if (info.isFifo) return "a FIFO";
  if (info.isSocket) return "a socket";
  if (info.isCharDevice) return "a character device";
  if (info.isBlockDevice) return "a block device";
  return "not a file";
}

/**
 * Opens `path` once and classifies it. A regular file (sysfs files such as
 * /sys/kernel/btf/vmlinux are regular) is opened for reading; a directory is
 * `Is a directory`; a FIFO, socket or device is refused from its stat, before any open, so
 * an input can never block waiting for a writer (opening a FIFO does). Standard input is
 * left to its own reader. The file is fstat'ed after the open too, so a path swapped for a
 * non-regular file between the two is refused as well. Errors: `read file: <reason>`.
 */
export function openInput(path: string): OpenInput {
  let info: Deno.FileInfo;
  try {
    info = Deno.statSync(path);
  } catch (err) {
    throw new BtfError(`read file: ${osMessage(err)}`);
  }
  const refuse = (i: Deno.FileInfo) => {
    if (i.isDirectory) throw new BtfError("read file: Is a directory (os error 21)");
    if (!i.isFile && !isStandardInput(path)) {
      throw new BtfError(
        `read file: not a regular file (${
          fileKind(i)
        }); only regular files and standard input are read`,
      );
    }
  };
  refuse(info);
  let file: Deno.FsFile;
  try {
    file = Deno.openSync(path, { read: true });
  } catch (err) {
    throw new BtfError(`read file: ${osMessage(err)}`);
  }
  try {
    info = file.statSync();
    refuse(info);
  } catch (err) {
    file.close();
    if (err instanceof BtfError) throw err;
    throw new BtfError(`read file: ${osMessage(err)}`);
  }
  return { file, info, src: fileSource(file, info.size), [Symbol.dispose]: () => file.close() };
}

/**
 * Runs `use` on `path`, opened once (see {@link openInput}) and closed afterwards. Reads
 * through `input.src` fail with BtfError `read file: <os error>`.
 */
export function withInput<T>(path: string, use: (input: OpenInput) => T): T {
  using input = openInput(path);
  return use(input);
}

/** Reads the BTF bytes of `path` (raw BTF as is, the `.BTF` section of an ELF). */
export function readBtfInput(path: string): { format: InputFormat; bytes: Uint8Array } {
  return withInput(path, (input) => extractBtf(input.src, path));
}

/**
 * Loads `path` (raw BTF or ELF vmlinux) into a type table, reading the blob straight into
 * the table's shared memory. With `base`, the file is split BTF over that base. Errors:
 * BtfError `btf: open <path>: <what is wrong>`.
 */
export function loadBtf(path: string, base?: BtfTypes): LoadedBtf {
  return openedAs(path, () => withInput(path, (input) => loadBtfFrom(input, path, base)));
}

/** Prefixes a BtfError raised by `fn` with `btf: open <path>: ` (SPEC §1). */
export function openedAs<T>(path: string, fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    if (err instanceof BtfError) throw new BtfError(`btf: open ${path}: ${err.message}`);
    throw err;
  }
}

/**
 * Loads an already opened input (raw BTF or ELF vmlinux); `path` names it. Errors are
 * BtfErrors without the `btf: open` prefix (see {@link openedAs}).
 */
export function loadBtfFrom(input: OpenInput, path: string, base?: BtfTypes): LoadedBtf {
  const src = input.src, at = locateBtf(src, path);
  const head = src.read(at.offset, Math.min(at.size, 64));
  const types = BtfTypes.buildFrom(at.size, head, (dest) => src.readInto(at.offset, dest), base);
  return { path, format: at.format, types };
}
