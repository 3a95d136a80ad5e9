/**
 * lzo as `lzop` writes it (the kernel builds `vmlinux.bin.lzo` with `lzop -9`): a header
 * (magic, versions, method, flags, mode, mtime, name, the header's checksum), then blocks of
 * at most 256 KiB of output, each its decompressed and compressed sizes, the checksums the
 * header's flags ask for, and the LZO1X data (stored as is when it would not shrink), up to
 * a zero size. The container is read here, after lzop's own reader; each block is decoded by
 * the kernel's `lzo1x_decompress_safe` in wasm/lzo.wasm, a module of its own because that
 * code is GPL-2.0-only (see docs/DEPENDENCIES.md), and every checksum present (Adler-32 or
 * CRC-32, of the data and of the compressed block) is verified, which the kernel's own
 * lib/decompress_unlzo.c skips. Memory is one block in and one out.
 * @module
 */
import type { ByteSource } from "../../elf.ts";
import { decoding, instantiate, reserve, view, type WasmExports } from "./instance.ts";
import type { Codec } from "./stream.ts";
import { LZO_WASM_BASE64 } from "./wasm/lzo_wasm.ts";

/** lzo.wasm's exports (see wasm/lzo_glue.c). */
interface LzoExports extends WasmExports {
  unlzo_block(input: number, inSize: number, output: number, outSize: number): number;
  adler32(adler: number, input: number, size: number): number;
  crc32(crc: number, input: number, size: number): number;
}

const MAGIC = [0x89, 0x4c, 0x5a, 0x4f, 0x00, 0x0d, 0x0a, 0x1a, 0x0a];
const F_ADLER32_D = 0x1, F_ADLER32_C = 0x2, F_H_EXTRA_FIELD = 0x40, F_CRC32_D = 0x100;
const F_CRC32_C = 0x200, F_H_FILTER = 0x800, F_H_CRC32 = 0x1000;
/** lzop's methods that are LZO1X (LZO1X-1, LZO1X-1(15), LZO1X-999). */
const LZO1X_METHODS = new Set([1, 2, 3]);
/** The largest block lzop reads (it writes 256 KiB blocks). */
const MAX_BLOCK = 64 << 20;

const LZO_ERRORS: Record<number, string> = {
  [-4]: "it ends early",
  [-5]: "it decodes to more than its size",
  [-6]: "it refers to data before its start",
  [-8]: "it ends before its last byte",
};

/** A reader of big-endian fields at increasing offsets of `input`. */
class Fields {
  at = 0;
  readonly #input: ByteSource;

  constructor(input: ByteSource) {
    this.#input = input;
  }

  bytes(n: number): Uint8Array {
    if (this.at + n > this.#input.size) throw new Error("lzop: the data ends early (truncated)");
    const b = this.#input.read(this.at, n);
    this.at += n;
    return b;
  }

  skip(n: number): void {
    if (this.at + n > this.#input.size) throw new Error("lzop: the data ends early (truncated)");
    this.at += n;
  }

  u8(): number {
    return this.bytes(1)[0];
  }

  u16(): number {
    const b = this.bytes(2);
    return b[0] << 8 | b[1];
  }

  u32(): number {
    const b = this.bytes(4);
    return (b[0] << 24 | b[1] << 16 | b[2] << 8 | b[3]) >>> 0;
  }
}

/** The regions of an instance's memory for one block in and one out, grown as needed. */
class Buffers {
  input = 0;
  output = 0;
  #capacity = 0;
  readonly #ex: LzoExports;

  constructor(ex: LzoExports) {
    this.#ex = ex;
  }

  fit(size: number): void {
    if (size <= this.#capacity) return;
    this.#capacity = Math.max(size, 256 << 10);
    this.input = reserve(this.#ex, this.#capacity);
    this.output = reserve(this.#ex, this.#capacity);
  }
}

/** lzo (kernel `lzop -9`; `.lzo` files). */
export const unlzo: Codec = (input, sink) =>
  decoding("lzo", () => {
    const ex = instantiate<LzoExports>("lzo", () => LZO_WASM_BASE64);
    const f = new Fields(input);
    const magic = f.bytes(MAGIC.length);
    if (MAGIC.some((b, i) => magic[i] !== b)) throw new Error("lzop: not an lzop file (bad magic)");
    const headerStart = f.at;
    const version = f.u16();
    f.u16(); // the library's version
    if (version >= 0x0940) f.u16(); // the version needed to extract
    const method = f.u8();
    if (version >= 0x0940) f.u8(); // the level
    const flags = f.u32();
    if (flags & F_H_FILTER) throw new Error("lzop: filtered data is not supported");
    if (!LZO1X_METHODS.has(method)) throw new Error(`lzop: method ${method} is not LZO1X`);
    f.u32(); // mode
    f.u32(); // mtime
    if (version >= 0x0940) f.u32(); // mtime's high half
    f.skip(f.u8()); // the file's name
    const headerEnd = f.at;
    const stored = f.u32();
    const buffers = new Buffers(ex);
    buffers.fit(headerEnd - headerStart);
    input.readInto(headerStart, view(ex, buffers.input, headerEnd - headerStart));
    const header = flags & F_H_CRC32
      ? ex.crc32(0, buffers.input, headerEnd - headerStart)
      : ex.adler32(1, buffers.input, headerEnd - headerStart);
    if (header >>> 0 !== stored) throw new Error("lzop: the header's checksum does not match");
    if (flags & F_H_EXTRA_FIELD) {
      f.skip(f.u32());
      f.u32(); // the extra field's checksum
    }
    const verify = (what: string, at: number, len: number, sums: [number, number]) => {
      if (sums[0] >= 0 && ex.adler32(1, at, len) >>> 0 !== sums[0]) {
        throw new Error(`lzop: the Adler-32 of the ${what} does not match (corrupt data)`);
      }
      if (sums[1] >= 0 && ex.crc32(0, at, len) >>> 0 !== sums[1]) {
        throw new Error(`lzop: the CRC-32 of the ${what} does not match (corrupt data)`);
      }
    };
    for (;;) {
      const blockAt = f.at;
      const dstLen = f.u32();
      if (dstLen === 0) return;
      if (dstLen > MAX_BLOCK) {
        throw new Error(`lzop: block at ${blockAt} claims ${dstLen} bytes (over lzop's 64 MiB)`);
      }
      const srcLen = f.u32();
      if (srcLen === 0 || srcLen > dstLen) {
        throw new Error(`lzop: block at ${blockAt} is ${srcLen} bytes for ${dstLen} (corrupt)`);
      }
      const packed = srcLen < dstLen;
      const dSums: [number, number] = [
        flags & F_ADLER32_D ? f.u32() : -1,
        flags & F_CRC32_D ? f.u32() : -1,
      ];
      const cSums: [number, number] = [
        packed && flags & F_ADLER32_C ? f.u32() : -1,
        packed && flags & F_CRC32_C ? f.u32() : -1,
      ];
      if (f.at + srcLen > input.size) throw new Error("lzop: the data ends early (truncated)");
      buffers.fit(dstLen);
      const data = packed ? buffers.input : buffers.output;
      input.readInto(f.at, view(ex, data, srcLen));
      f.at += srcLen;
      if (packed) {
        verify("compressed block", data, srcLen, cSums);
        const got = ex.unlzo_block(data, srcLen, buffers.output, dstLen);
        if (got < 0) {
          throw new Error(`lzo1x: block at ${blockAt} is corrupt (${LZO_ERRORS[got] ?? got})`);
        }
        if (got !== dstLen) {
          throw new Error(`lzo1x: block at ${blockAt} decodes to ${got} bytes, not ${dstLen}`);
        }
      }
      verify("data", buffers.output, dstLen, dSums);
      if (!sink(view(ex, buffers.output, dstLen))) return;
    }
  });
