/**
 * Typed reads of guest kernel memory by BTF path: `view.uint(rq, "rq.nr_running")` reads the
 * member where the kernel's BTF puts it, at its size. Paths are resolved once (query/path.ts,
 * the lookup rules of every group) and remembered, failures too, so a kernel without a member
 * costs one lookup. Pure: memory is read through a function.
 * @module
 */
import { BtfError } from "../btf/errors.ts";
import type { BtfTypes } from "../btf/table.ts";
import { resolvePath } from "../query/path.ts";

/** Where a member is: its offset from the struct's start and its size. */
export interface Field {
  /** Bytes from the struct's start. */
  offset: number;
  /** sizeof the member. */
  size: number;
}

const U64 = (1n << 64n) - 1n;
const latin1 = new TextDecoder("latin1");

/** Reads guest memory by BTF path. */
export class GuestView {
  readonly #types: BtfTypes;
  readonly #read: (va: bigint, length: number) => Uint8Array;
  readonly #fields = new Map<string, Field | BtfError>();

  /** A view of memory `read` returns, laid out by `types`. */
  constructor(types: BtfTypes, read: (va: bigint, length: number) => Uint8Array) {
    this.#types = types;
    this.#read = read;
  }

  /** The raw read this view goes through. */
  bytes(va: bigint, length: number): Uint8Array {
    return this.#read(va & U64, length);
  }

  /** Where `path` (`struct.member…`) is; throws the lookup's BtfError when it is not. */
  field(path: string): Field {
    let f = this.#fields.get(path);
    if (f === undefined) {
      try {
        const r = resolvePath(this.#types, path);
        f = { offset: r.offset, size: r.size };
      } catch (err) {
        if (!(err instanceof BtfError)) throw err;
        f = err;
      }
      this.#fields.set(path, f);
    }
    if (f instanceof BtfError) throw f;
    return f;
  }

  /** Whether `path` resolves in this kernel. */
  has(path: string): boolean {
    try {
      this.field(path);
      return true;
    } catch {
      return false;
    }
  }

  /** The address of `path`'s member in the struct at `base`. */
  addr(base: bigint, path: string): bigint {
    return (base + BigInt(this.field(path).offset)) & U64;
  }

  /** An unsigned integer of `size` bytes at `va`. */
  unsigned(va: bigint, size: number): bigint {
    const b = this.bytes(va, size);
    let v = 0n;
    for (let i = size - 1; i >= 0; i--) v = (v << 8n) | BigInt(b[i]);
    return v;
  }

  /** A 32-bit unsigned integer at `va`. */
  u32(va: bigint): bigint {
    return this.unsigned(va, 4);
  }

  /** `count` 64-bit unsigned integers from `va`. */
  u64Array(va: bigint, count: number): bigint[] {
    const b = this.bytes(va, 8 * count).slice();
    return Array.from(new BigUint64Array(b.buffer, 0, count));
  }

  /** `path`'s member of the struct at `base`, unsigned, at its size. */
  uint(base: bigint, path: string): bigint {
    const f = this.field(path);
    return this.unsigned((base + BigInt(f.offset)) & U64, Math.min(f.size, 8));
  }

  /** `path`'s member of the struct at `base`, signed (two's complement at its size). */
  int(base: bigint, path: string): bigint {
    const f = this.field(path), size = Math.min(f.size, 8);
    return BigInt.asIntN(size * 8, this.unsigned((base + BigInt(f.offset)) & U64, size));
  }

  /** `path`'s pointer member of the struct at `base`. */
  pointer(base: bigint, path: string): bigint {
    return this.uint(base, path);
  }

  /** `path`'s `char[]` member of the struct at `base`, up to its first NUL. */
  string(base: bigint, path: string): string {
    const f = this.field(path);
    const b = this.bytes((base + BigInt(f.offset)) & U64, f.size);
    const end = b.indexOf(0);
    return latin1.decode(end < 0 ? b : b.subarray(0, end));
  }
}
