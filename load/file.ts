/**
 * The file-system edge of loading: reads an input file (only the parts it needs for an
 * ELF), recognises it, and builds the shared type table. Every error reaching the caller
 * is a BtfError prefixed `btf: open <path>: ` (SPEC §1).
 * @module
 */
import type { ByteSource } from "../btf/elf.ts";
import { BtfError } from "../btf/errors.ts";
import { extractBtf, type InputFormat } from "../btf/input.ts";
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
  return {
    size,
    read(offset: number, length: number): Uint8Array {
      const out = new Uint8Array(length);
      file.seekSync(offset, Deno.SeekMode.Start);
      let done = 0;
      while (done < length) {
        const n = file.readSync(out.subarray(done));
        if (n === null || n === 0) {
          throw new BtfError(`read file: unexpected end of file at ${offset + done}`);
        }
        done += n;
      }
      return out;
    },
  };
}

/** Reads the BTF bytes of `path` (raw BTF as is, the `.BTF` section of an ELF). */
export function readBtfInput(path: string): { format: InputFormat; bytes: Uint8Array } {
  let file: Deno.FsFile;
  try {
    file = Deno.openSync(path, { read: true });
  } catch (err) {
    throw new BtfError(`read file: ${osMessage(err)}`);
  }
  try {
    let size: number;
    try {
      const info = file.statSync();
      if (info.isDirectory) throw new BtfError("read file: Is a directory (os error 21)");
      size = info.size;
    } catch (err) {
      if (err instanceof BtfError) throw err;
      throw new BtfError(`read file: ${osMessage(err)}`);
    }
    try {
      return extractBtf(fileSource(file, size), path);
    } catch (err) {
      if (err instanceof BtfError) throw err;
      throw new BtfError(`read file: ${osMessage(err)}`);
    }
  } finally {
    file.close();
  }
}

/**
 * Loads `path` (raw BTF or ELF vmlinux) into a type table. With `base`, the file is split
 * BTF over that base. Errors: BtfError `btf: open <path>: <what is wrong>`.
 */
export function loadBtf(path: string, base?: BtfTypes): LoadedBtf {
  try {
    const input = readBtfInput(path);
    return { path, format: input.format, types: BtfTypes.build(input.bytes, base) };
  } catch (err) {
    if (err instanceof BtfError) throw new BtfError(`btf: open ${path}: ${err.message}`);
    throw err;
  }
}
