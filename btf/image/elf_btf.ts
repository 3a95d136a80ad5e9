/**
 * Finds the `.BTF` section of an ELF file that arrives as a stream of decompressed chunks,
 * without keeping the whole ELF. An ELF's section headers come last, so the collector keeps
 * only: the ELF header, the last {@link TAIL_BYTES} before the section header table plus the
 * table itself (where the section names live), and every blob that starts with the BTF
 * header (magic `9f eb`, version 1) as it streams by. When the section header table has
 * arrived it asks for no more data; the section headers then say which kept blob is `.BTF`.
 * With `keepAll`, it keeps the whole ELF instead (for `cache add`, and as the fallback when
 * the kept pieces do not answer). Pure.
 * @module
 */
import { type ByteSource, ElfFormatError, findElfSection, hasElfMagic } from "../elf.ts";
import { BtfError, BUILT_WITHOUT_BTF, NoBtfError } from "../errors.ts";
import { acrossEdge, carryOver } from "./chunk_edge.ts";

/** Bytes kept before the section header table: the section name table lies there. */
export const TAIL_BYTES = 1 << 20;

const ELF_HEADER = 64;
const BTF_HEADER = 24;
const MAX_CANDIDATES = 8;

/** A byte range of the stream being copied out. */
interface Capture {
  start: number;
  bytes: Uint8Array;
  filled: number;
  /** A BTF header still waiting to learn its blob's length. */
  btfHeader: boolean;
}

/** Thrown when the kept pieces cannot answer a read (the caller retries with keepAll). */
class NotKept extends BtfError {}

/** Decompressed data that is not an ELF file (its first bytes are named). */
export class NotElfError extends BtfError {}

/** What the collector found. */
export interface CollectedElf {
  /** The `.BTF` section's bytes. */
  btf: Uint8Array;
  /** The whole ELF (through its section header table), only with `keepAll`. */
  elf?: Uint8Array;
}

/** Collects the `.BTF` section of a streamed ELF; see the module doc. */
export class ElfBtfCollector {
  readonly #keepAll: boolean;
  #pos = 0;
  #captures: Capture[] = [];
  #header: Capture;
  #elfEnd = Infinity;
  #carry = new Uint8Array(0);
  #candidates = 0;
  #failed: BtfError | undefined;

  /** A collector; with `keepAll` the whole ELF is kept. */
  constructor(keepAll = false) {
    this.#keepAll = keepAll;
    this.#header = this.#capture(0, ELF_HEADER);
  }

  /** Decompressed bytes received so far. */
  get received(): number {
    return this.#pos;
  }

  /** Whether nothing more is needed: the section header table is in, or the stream failed. */
  get complete(): boolean {
    return this.#pos >= this.#elfEnd || this.#failed !== undefined;
  }

  /**
   * Takes the next chunk (it is copied from, never kept). Returns false once no more data
   * is needed (or the data is not an ELF file: {@link finish} then says so).
   */
  push(chunk: Uint8Array): boolean {
    if (this.complete) return false;
    try {
      this.#take(chunk);
    } catch (err) {
      if (!(err instanceof BtfError)) throw err;
      this.#failed = err;
    }
    return !this.complete;
  }

  #take(chunk: Uint8Array): void {
    const start = this.#pos;
    if (!this.#keepAll) this.#scan(chunk, start);
    this.#pos += chunk.length;
    for (let i = 0; i < this.#captures.length; i++) this.#copy(this.#captures[i], chunk, start);
    if (this.#elfEnd === Infinity && this.#header.filled === ELF_HEADER) {
      this.#copy(this.#planTail(), chunk, start);
    }
  }

  /**
   * The `.BTF` section once the stream has ended or {@link push} returned false; null when
   * the kept pieces do not hold it (retry with keepAll). Throws BtfError when the ELF is
   * incomplete, malformed or has no `.BTF`.
   */
  finish(): CollectedElf | null {
    if (this.#failed) throw this.#failed;
    if (this.#header.filled < ELF_HEADER || !hasElfMagic(this.#header.bytes)) {
      throw new NotElfError(this.#notElf());
    }
    if (!this.complete) {
      throw new BtfError(
        `ends after ${this.#pos} decompressed bytes, before the ELF's section headers end at ${this.#elfEnd} (truncated?)`,
      );
    }
    let range;
    try {
      range = findElfSection(this.#source(), ".BTF");
    } catch (err) {
      if (err instanceof NotKept) return null;
      if (err instanceof ElfFormatError) throw new BtfError(`decompressed ELF: ${err.message}`);
      throw err;
    }
    if (range === null) {
      throw new NoBtfError(`decompressed ELF has no .BTF section: ${BUILT_WITHOUT_BTF}`);
    }
    const btf = this.#slice(range.offset, range.size);
    if (btf === null) return null;
    return this.#keepAll ? { btf, elf: this.#captures[1].bytes } : { btf };
  }

  #notElf(): string {
    const head = Array.from(this.#header.bytes.subarray(0, Math.min(4, this.#header.filled)))
      .map((b) => b.toString(16).padStart(2, "0")).join(" ");
    return this.#header.filled === 0
      ? "decompresses to nothing"
      : `does not decompress to an ELF file (starts ${head})`;
  }

  #capture(start: number, length: number): Capture {
    const c = { start, bytes: new Uint8Array(length), filled: 0, btfHeader: false };
    this.#captures.push(c);
    return c;
  }

  /** Once the ELF header is known: keep the tail and the section header table (or all). */
  #planTail(): Capture {
    const h = this.#header.bytes;
    if (!hasElfMagic(h)) throw new NotElfError(this.#notElf());
    const view = new DataView(h.buffer, h.byteOffset, h.byteLength);
    const is64 = h[4] === 2, le = h[5] !== 2; // EI_DATA: ELFDATA2MSB is big-endian
    const shoff = is64 ? Number(view.getBigUint64(0x28, le)) : view.getUint32(0x20, le);
    const entry = view.getUint16(is64 ? 0x3a : 0x2e, le);
    const count = view.getUint16(is64 ? 0x3c : 0x30, le);
    if (shoff === 0 || count === 0 || shoff > Number.MAX_SAFE_INTEGER / 2) {
      throw new BtfError("decompressed ELF has no usable section header table");
    }
    this.#elfEnd = shoff + entry * count;
    const from = this.#keepAll ? 0 : Math.max(0, shoff - TAIL_BYTES);
    const tail = this.#refill(from, this.#elfEnd - from);
    this.#captures.push(tail);
    return tail;
  }

  /** A capture of [start, start+length) seeded with what was already kept of it. */
  #refill(start: number, length: number): Capture {
    const c = { start, bytes: new Uint8Array(length), filled: 0, btfHeader: false };
    if (start < ELF_HEADER) {
      c.bytes.set(this.#header.bytes.subarray(start, Math.min(ELF_HEADER, start + length)));
      c.filled = Math.min(ELF_HEADER, start + length) - start;
    }
    return c;
  }

  /** Starts a capture at every BTF header magic in `chunk` (and across its left edge). */
  #scan(chunk: Uint8Array, start: number): void {
    const carry = this.#carry;
    const joined = acrossEdge(carry, chunk);
    for (let i = 0; i < carry.length; i++) {
      if (isBtfMagic(joined, i)) this.#startBtf(start - carry.length + i, joined.subarray(i));
    }
    for (let at = chunk.indexOf(0x9f); at >= 0; at = chunk.indexOf(0x9f, at + 1)) {
      if (isBtfMagic(chunk, at)) this.#startBtf(start + at, new Uint8Array(0));
    }
    this.#carry = carryOver(carry, chunk);
  }

  /** Starts capturing a BTF header at stream offset `at`; `seen` holds its bytes before `#pos`. */
  #startBtf(at: number, seen: Uint8Array): void {
    if (++this.#candidates > MAX_CANDIDATES) return;
    const c = this.#capture(at, BTF_HEADER);
    c.btfHeader = true;
    const before = Math.max(0, Math.min(this.#pos - at, BTF_HEADER));
    c.bytes.set(seen.subarray(0, before));
    c.filled = before;
  }

  #copy(c: Capture, chunk: Uint8Array, chunkStart: number): void {
    const want = c.start + c.filled;
    const end = chunkStart + chunk.length;
    if (c.filled >= c.bytes.length || want < chunkStart || want >= end) return;
    const n = Math.min(c.bytes.length - c.filled, end - want);
    c.bytes.set(chunk.subarray(want - chunkStart, want - chunkStart + n), c.filled);
    c.filled += n;
    if (c.btfHeader && c.filled === BTF_HEADER) {
      c.btfHeader = false;
      const length = btfBlobLength(c.bytes);
      if (length === null || c.start + length > this.#elfEnd) {
        c.bytes = new Uint8Array(0);
        c.filled = 0;
        return;
      }
      const grown = new Uint8Array(length);
      grown.set(c.bytes);
      c.bytes = grown;
      this.#copy(c, chunk, chunkStart);
    }
  }

  /** The kept bytes [offset, offset+length), or null when no capture holds all of them. */
  #slice(offset: number, length: number): Uint8Array | null {
    for (const c of this.#captures) {
      if (c.btfHeader || offset < c.start || offset + length > c.start + c.filled) continue;
      return c.bytes.subarray(offset - c.start, offset - c.start + length);
    }
    return null;
  }

  /** A ByteSource over the kept pieces; reading anything else throws NotKept. */
  #source(): ByteSource {
    const read = (offset: number, length: number): Uint8Array => {
      const got = this.#slice(offset, length);
      if (got === null) throw new NotKept(`bytes ${offset}+${length} were not kept`);
      return got;
    };
    return {
      size: this.#elfEnd,
      read,
      readInto: (offset, dest) => dest.set(read(offset, dest.length)),
    };
  }
}

/** A BTF header's first 4 bytes at `at`, in either byte order (magic, version 1, flags 0). */
function isBtfMagic(b: Uint8Array, at: number): boolean {
  if (at + 3 >= b.length || b[at + 2] !== 1 || b[at + 3] !== 0) return false;
  return (b[at] === 0x9f && b[at + 1] === 0xeb) || (b[at] === 0xeb && b[at + 1] === 0x9f);
}

/** The whole blob length a BTF header claims, or null when it is implausible. */
function btfBlobLength(h: Uint8Array): number | null {
  const v = new DataView(h.buffer, h.byteOffset, h.byteLength), le = h[0] === 0x9f;
  const hdrLen = v.getUint32(4, le);
  if (hdrLen < BTF_HEADER || hdrLen > 256) return null;
  const typeEnd = v.getUint32(8, le) + v.getUint32(12, le);
  const strEnd = v.getUint32(16, le) + v.getUint32(20, le);
  return hdrLen + Math.max(typeEnd, strEnd);
}
