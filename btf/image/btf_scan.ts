/**
 * Finds a raw BTF blob inside a flat kernel binary (an arm64 or riscv64 `Image`, the flat
 * binary an s390 image decompresses to), where no section table says where it lies. Bytes
 * that look like a BTF header are common in code and data (Debian's riscv64 7.2 Image has
 * three, its ppc64el 7.2 vmlinux eleven, one of them valid; the arm64 7.3 Image a false
 * big-endian one), so a candidate counts only when the whole blob passes a structural check,
 * in its own byte order:
 *
 * - the header: magic `9f eb` (little-endian) or `eb 9f` (big-endian) then version 1 and
 *   flags 0, `hdr_len` 24 to 256, the type section 4-byte aligned and a multiple of 4 long,
 *   neither the type nor the string section empty, the blob at most {@link MAX_BTF_BYTES};
 * - the type walk: every record's size, from its kind and vlen (kinds 1-19, or a kind the
 *   kind-layout section describes), steps from the type section's start to exactly its end,
 *   and no record of a known kind sets the info bits no kind uses;
 * - the strings start and end with a NUL.
 *
 * The scan streams: {@link BtfScanner} takes the binary in chunks of any size (a header may
 * straddle two), copies out each candidate from its header on, walks its records as they
 * arrive (a false candidate dies within a few bytes) and keeps the largest valid blob, as
 * found (either byte order), and says when the fast path has its answer (a large blob on a
 * 4 KiB boundary, {@link PAGE_ALIGNED_MIN}). Nothing else is kept, so a decompressed kernel
 * is never held whole. Pure: no I/O, no dependence on the table's parser.
 * @module
 */
import { extraWords, MAX_KNOWN_KIND } from "../kinds.ts";
import { acrossEdge, carryOver } from "./chunk_edge.ts";

/** The largest blob a candidate may claim (a vmlinux's BTF is 4 to 10 MB). */
export const MAX_BTF_BYTES = 256 << 20;

/** Candidates copied out at once; more headers while this many are alive are ignored. */
export const MAX_LIVE = 16;

/**
 * The fast path: a valid blob that starts on a 4 KiB boundary (7.x kernels place `.BTF`
 * page-aligned) and is at least this long is the vmlinux's BTF (the BTF of a BPF program
 * built into a kernel is a few KB), so a scan may stop there.
 */
export const PAGE_ALIGNED_MIN = 1 << 20;

/** Bytes a candidate holds before its header is read (32: a header with the layout fields). */
const HEAD = 32;
const MIN_HDR = 24;
const MAX_HDR = 256;

/** A valid BTF blob found in a flat binary. */
export interface FoundBtf {
  /** Byte offset of the blob in the scanned binary (file or decompressed stream). */
  offset: number;
  /** The blob, exactly as found (either byte order). */
  bytes: Uint8Array;
  /** Its byte order: true for magic `9f eb`, false for `eb 9f`. */
  littleEndian: boolean;
}

/** Whether `b[at..at+4)` is a BTF magic with version 1 and flags 0, in either byte order. */
function isHeaderStart(b: Uint8Array, at: number): boolean {
  return b[at + 2] === 1 && b[at + 3] === 0 &&
    ((b[at] === 0x9f && b[at + 1] === 0xeb) || (b[at] === 0xeb && b[at + 1] === 0x9f));
}

/** One blob being copied out of the stream from its header on, its records walked as they come. */
class Candidate {
  readonly start: number;
  readonly littleEndian: boolean;
  bytes = new Uint8Array(HEAD);
  filled = 0;
  /** The blob's size once the header is read (0 before). */
  size = 0;
  dead = false;
  #typeStart = 0;
  #typeEnd = 0;
  #strStart = 0;
  #strEnd = 0;
  #layoutStart = -1;
  #layoutEnd = 0;
  #walk = 0;
  #fixed: Int32Array | null = null;
  #perElem: Int32Array | null = null;

  constructor(start: number, littleEndian: boolean) {
    this.start = start;
    this.littleEndian = littleEndian;
  }

  get complete(): boolean {
    return this.size > 0 && this.filled === this.size;
  }

  /** Takes what it needs of `chunk`, which starts at stream offset `chunkStart`. */
  take(chunk: Uint8Array, chunkStart: number): void {
    const end = chunkStart + chunk.length;
    while (!this.dead && !this.complete) {
      const want = this.start + this.filled;
      if (want < chunkStart || want >= end) return;
      const limit = this.size > 0 ? this.size : HEAD;
      const n = Math.min(limit - this.filled, end - want);
      if (this.filled + n > this.bytes.length) this.#grow(this.filled + n);
      this.bytes.set(chunk.subarray(want - chunkStart, want - chunkStart + n), this.filled);
      this.filled += n;
      if (this.size === 0) {
        if (this.filled < HEAD) return;
        this.#readHeader();
      } else this.#advance();
    }
  }

  /** Grows the copy geometrically, never past the blob's size. */
  #grow(need: number): void {
    if (this.size === 0) return;
    const next = new Uint8Array(Math.min(this.size, Math.max(need, this.bytes.length * 2)));
    next.set(this.bytes.subarray(0, this.filled));
    this.bytes = next;
  }

  #view(): DataView {
    return new DataView(this.bytes.buffer, this.bytes.byteOffset, this.bytes.byteLength);
  }

  #readHeader(): void {
    const v = this.#view(), le = this.littleEndian;
    const hdrLen = v.getUint32(4, le);
    const typeOff = v.getUint32(8, le), typeLen = v.getUint32(12, le);
    const strOff = v.getUint32(16, le), strLen = v.getUint32(20, le);
    if (
      hdrLen < MIN_HDR || hdrLen > MAX_HDR || typeOff % 4 !== 0 || typeLen % 4 !== 0 ||
      typeLen === 0 || strLen === 0
    ) return this.#die();
    let end = Math.max(typeOff + typeLen, strOff + strLen);
    if (hdrLen >= HEAD) {
      const layoutOff = v.getUint32(24, le), layoutLen = v.getUint32(28, le);
      if (layoutLen > 0) {
        this.#layoutStart = hdrLen + layoutOff;
        this.#layoutEnd = this.#layoutStart + layoutLen;
        end = Math.max(end, layoutOff + layoutLen);
      }
    }
    const size = hdrLen + end;
    if (size > MAX_BTF_BYTES) return this.#die();
    this.size = size;
    this.#typeStart = this.#walk = hdrLen + typeOff;
    this.#typeEnd = this.#typeStart + typeLen;
    this.#strStart = hdrLen + strOff;
    this.#strEnd = this.#strStart + strLen;
    if (this.filled > size) this.filled = size; // a tiny blob: the header read took too much
    this.#advance();
  }

  /** Extra words of a record of `kind` with `vlen` elements; -1 unknown, -2 not yet known. */
  #extra(kind: number, vlen: number): number {
    if (kind >= 1 && kind <= MAX_KNOWN_KIND) return extraWords(kind, vlen);
    if (kind === 0 || this.#layoutStart < 0) return -1;
    if (this.filled < this.#layoutEnd) return -2;
    if (this.#fixed === null) {
      this.#fixed = new Int32Array(32).fill(-1);
      this.#perElem = new Int32Array(32);
      const kinds = Math.min(32, Math.floor((this.#layoutEnd - this.#layoutStart) / 4));
      for (let k = MAX_KNOWN_KIND + 1; k < kinds; k++) {
        const info = this.bytes[this.#layoutStart + 4 * k];
        const elem = this.bytes[this.#layoutStart + 4 * k + 1];
        if (info % 4 === 0 && elem % 4 === 0) {
          this.#fixed[k] = info / 4;
          this.#perElem![k] = elem / 4;
        }
      }
    }
    const fixed = this.#fixed[kind];
    return fixed < 0 ? -1 : fixed + this.#perElem![kind] * vlen;
  }

  /** Walks every record that has fully arrived; dies at the first that cannot be one. */
  #advance(): void {
    const v = this.#view(), le = this.littleEndian;
    const end = Math.min(this.filled, this.#typeEnd);
    let at = this.#walk;
    while (at + 12 <= end) {
      const info = v.getUint32(at + 4, le);
      const kind = (info >>> 24) & 0x1f;
      // Bits 16-23 and 29-30 belong to no known kind (vlen is 16 bits, kind 5).
      if (kind <= MAX_KNOWN_KIND && (info & 0x60ff0000) !== 0) return this.#die();
      const extra = this.#extra(kind, info & 0xffff);
      if (extra === -2) break;
      if (extra < 0) return this.#die();
      const next = at + 12 + 4 * extra;
      if (next > this.#typeEnd) return this.#die();
      if (next > end) break;
      at = next;
    }
    this.#walk = at;
    if (this.complete) {
      if (at !== this.#typeEnd) return this.#die(); // a record the layout could not size
      if (this.bytes[this.#strStart] !== 0 || this.bytes[this.#strEnd - 1] !== 0) this.#die();
    }
  }

  #die(): void {
    this.dead = true;
    this.bytes = new Uint8Array(0);
  }
}

/**
 * Scans a flat binary that arrives in chunks for BTF blobs (see the module doc). `push`
 * every chunk in order, then `finish`.
 */
export class BtfScanner {
  #pos = 0;
  /** The last up to 3 bytes before `#pos`: a magic may start in them. */
  #tail = new Uint8Array(0);
  #live: Candidate[] = [];
  #best: Candidate | null = null;
  #valid = 0;

  /** Bytes scanned so far. */
  get received(): number {
    return this.#pos;
  }

  /** Valid blobs seen so far (the largest is kept). */
  get validCount(): number {
    return this.#valid;
  }

  /** Whether a valid blob has been found so far. */
  get found(): boolean {
    return this.#best !== null;
  }

  /**
   * Whether the fast path has found the vmlinux's BTF: a valid blob of at least
   * {@link PAGE_ALIGNED_MIN} bytes on a 4 KiB boundary. The rest of the binary may be
   * skipped (it is still scanned, and a larger blob wins, when pushed).
   */
  get settled(): boolean {
    const b = this.#best;
    return b !== null && b.start % 4096 === 0 && b.size >= PAGE_ALIGNED_MIN;
  }

  /** Takes the next chunk (it is copied from, never kept); false once {@link settled}. */
  push(chunk: Uint8Array): boolean {
    const start = this.#pos;
    for (const c of this.#live) c.take(chunk, start);
    this.#settle();
    // Magics that start in the last bytes of the previous chunk and end in this one.
    const tail = this.#tail;
    if (tail.length > 0) {
      const joined = acrossEdge(tail, chunk);
      for (let i = 0; i < tail.length && i + 4 <= joined.length; i++) {
        if (isHeaderStart(joined, i)) {
          this.#start(start - tail.length + i, joined.subarray(i), chunk);
        }
      }
    }
    // Both magics' first bytes, in order, each searched once.
    const none = new Uint8Array(0);
    let le = chunk.indexOf(0x9f), be = chunk.indexOf(0xeb);
    while (le >= 0 || be >= 0) {
      const at = be < 0 || (le >= 0 && le < be) ? le : be;
      if (at + 4 <= chunk.length && isHeaderStart(chunk, at)) this.#start(start + at, none, chunk);
      if (at === le) le = chunk.indexOf(0x9f, at + 1);
      else be = chunk.indexOf(0xeb, at + 1);
    }
    this.#pos += chunk.length;
    this.#tail = carryOver(tail, chunk);
    return !this.settled;
  }

  /**
   * A candidate at stream offset `at`: `seen` holds its bytes before the current chunk (a
   * magic that straddles the chunks), then it takes what it needs of `chunk`.
   */
  #start(at: number, seen: Uint8Array, chunk: Uint8Array): void {
    if (this.#live.length >= MAX_LIVE) return;
    const first = at < this.#pos ? seen[0] : chunk[at - this.#pos];
    const c = new Candidate(at, first === 0x9f);
    const before = Math.max(0, Math.min(this.#pos - at, HEAD));
    if (before > 0) {
      c.bytes.set(seen.subarray(0, before));
      c.filled = before;
    }
    c.take(chunk, this.#pos);
    this.#live.push(c);
    this.#settle();
  }

  /** Drops dead candidates and keeps the largest complete one. */
  #settle(): void {
    let kept = 0;
    for (const c of this.#live) {
      if (c.dead) continue;
      if (c.complete) {
        this.#valid++;
        if (this.#best === null || c.size > this.#best.size) this.#best = c;
        continue;
      }
      this.#live[kept++] = c;
    }
    this.#live.length = kept;
  }

  /** The largest valid blob of the stream (call once it has ended), or null. */
  finish(): FoundBtf | null {
    this.#live = [];
    const best = this.#best;
    if (best === null) return null;
    return {
      offset: best.start,
      bytes: best.bytes.subarray(0, best.size),
      littleEndian: best.littleEndian,
    };
  }
}

/**
 * The size of the blob a BTF header claims (`head`: its first 32 bytes or more), or null
 * when the header fails the candidate rules (see the module doc).
 */
export function claimedSize(head: Uint8Array): number | null {
  if (head.length < HEAD || !isHeaderStart(head, 0)) return null;
  const c = new Candidate(0, head[0] === 0x9f);
  c.take(head.subarray(0, HEAD), 0);
  return c.dead ? null : c.size;
}

/** Whether `bytes` is exactly one valid BTF blob by the candidate rules. */
export function isValidBtf(bytes: Uint8Array): boolean {
  const found = findBtf(bytes);
  return found !== null && found.offset === 0 && found.bytes.length === bytes.length;
}

/** The largest valid BTF blob in `bytes` (one whole binary in memory), or null. */
export function findBtf(bytes: Uint8Array): FoundBtf | null {
  const scanner = new BtfScanner();
  scanner.push(bytes);
  return scanner.finish();
}
