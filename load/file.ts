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
import type { TableSpace } from "../btf/arena.ts";
import { defaultSpace, mapInto } from "./map.ts";

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
    file.seekSync(offset, Deno.SeekMode.Start);
    for (let done = 0; done < dest.length;) {
      const n = file.readSync(dest.subarray(done));
      if (n === null || n === 0) {
        throw new BtfError(`read file: unexpected end of file at ${offset + done}`);
      }
      done += n;
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

/** Opens `path` and runs `use` on it; I/O errors become `read file: <os error>`. */
function withFile<T>(path: string, use: (src: ByteSource) => T): T {
  let file: Deno.FsFile;
  try {
    file = Deno.openSync(path, { read: true });
  } catch (err) {
    throw new BtfError(`read file: ${osMessage(err)}`);
  }
  try {
    const info = file.statSync();
    if (info.isDirectory) throw new BtfError("read file: Is a directory (os error 21)");
    return use(fileSource(file, info.size));
  } catch (err) {
    if (err instanceof BtfError) throw err;
    throw new BtfError(`read file: ${osMessage(err)}`);
  } finally {
    file.close();
  }
}

/** Reads the whole of `path`; I/O errors become `read file: <os error>`. */
export function readWholeFile(path: string): Uint8Array {
  return withFile(path, (src) => src.read(0, src.size));
}

/** Reads the BTF bytes of `path` (raw BTF as is, the `.BTF` section of an ELF). */
export function readBtfInput(path: string): { format: InputFormat; bytes: Uint8Array } {
  return withFile(path, (src) => extractBtf(src, path));
}

/**
 * Loads `path` (raw BTF or ELF vmlinux) into a type table, reading the blob straight into
 * the table's shared memory (sysfs BTF is mapped there instead, see load/map.ts). With `base`,
 * the file is split BTF over that base. `space` is where the table's memory comes from
 * (default: a new memory; a TableArena recycles). Errors: BtfError
 * `btf: open <path>: <what is wrong>`.
 */
export function loadBtf(path: string, base?: BtfTypes, space?: TableSpace): LoadedBtf {
  try {
    return withFile(path, (src) => {
      const at = locateBtf(src, path);
      const head = src.read(at.offset, Math.min(at.size, 64));
      const types = BtfTypes.buildFrom(
        at.size,
        head,
        (dest) => mapInto(path, at.offset, dest) || src.readInto(at.offset, dest),
        base,
        space ?? defaultSpace(),
      );
      return { path, format: at.format, types };
    });
  } catch (err) {
    if (err instanceof BtfError) throw new BtfError(`btf: open ${path}: ${err.message}`);
    throw err;
  }
}
