/**
 * A tiny BTF encoder for tests: builds raw blobs type by type, so tests can make shapes
 * (and defects) that no compiler emits, and wraps blobs in minimal ELF files.
 * @module
 */
import { Kind } from "../btf/kinds.ts";

/** A member of a struct or union being built: name, type id, offset word. */
export type MemberSpec = [name: string, type: number, offset: number];

/** Options of {@link BtfBuilder.build}. */
export interface BuildOptions {
  /** Header length (24 normally, 32 with a kind-layout section). */
  hdrLen?: number;
  /** Version byte (1). */
  version?: number;
  /** Kind-layout entries `[kind, infoSize, elemSize]`; implies a 32-byte header. */
  layout?: [number, number, number][];
}

/** Builds a raw BTF blob. Type ids are handed out from `firstId` (1 unless split). */
export class BtfBuilder {
  #strings = [""];
  #stringOffsets = new Map<string, number>([["", 0]]);
  #stringBytes = 1;
  #words: number[] = [];
  #nextId: number;

  /** Starts a blob whose first type gets `firstId`; `strBase` offsets a split blob's strings. */
  constructor(firstId = 1, readonly strBase = 0) {
    this.#nextId = firstId;
  }

  /** Interns `s` and returns its string offset (as seen by a reader of the combined table). */
  str(s: string): number {
    const known = this.#stringOffsets.get(s);
    if (known !== undefined) return known + (s === "" ? 0 : this.strBase);
    const off = this.#stringBytes;
    this.#strings.push(s);
    this.#stringOffsets.set(s, off);
    this.#stringBytes += new TextEncoder().encode(s).length + 1;
    return off + this.strBase;
  }

  /** Appends one raw type record (name, info, size/type, extra words) and returns its id. */
  raw(
    name: string,
    kind: number,
    vlen: number,
    sizeOrType: number,
    extra: number[] = [],
    kindFlag = false,
  ): number {
    const info = ((kindFlag ? 1 : 0) << 31 | (kind << 24) | vlen) >>> 0;
    this.#words.push(name === "" ? 0 : this.str(name), info, sizeOrType, ...extra);
    return this.#nextId++;
  }

  /** An INT of `size` bytes. */
  int(name: string, size: number): number {
    return this.raw(name, Kind.INT, 0, size, [size * 8]);
  }

  /** A type that only references another (PTR, TYPEDEF, CONST, VOLATILE, RESTRICT, TYPE_TAG, FWD...). */
  ref(kind: number, name: string, type: number, kindFlag = false): number {
    return this.raw(name, kind, 0, type, [], kindFlag);
  }

  /** A STRUCT (or UNION with `kind`) with members `[name, type, offset word]`. */
  struct(
    name: string,
    size: number,
    members: MemberSpec[],
    kindFlag = false,
    kind: number = Kind.STRUCT,
  ): number {
    const extra = members.flatMap(([n, t, o]) => [n === "" ? 0 : this.str(n), t, o]);
    return this.raw(name, kind, members.length, size, extra, kindFlag);
  }

  /**
   * `n` types of `kind` stacked on `target` (TYPEDEFs named t0, t1, ..., TYPE_TAGs `tag`);
   * the outermost id.
   */
  chain(kind: number, n: number, target: number): number {
    let id = target;
    const name = (i: number) =>
      kind === Kind.TYPEDEF ? `t${i}` : kind === Kind.TYPE_TAG ? "tag" : "";
    for (let i = 0; i < n; i++) id = this.ref(kind, name(i), id);
    return id;
  }

  /** A VAR of `type` with global linkage. */
  variable(name: string, type: number): number {
    return this.raw(name, Kind.VAR, 0, type, [1]);
  }

  /** A DATASEC with variables `[var id, offset, size]`. */
  datasec(name: string, vars: [number, number, number][]): number {
    return this.raw(name, Kind.DATASEC, vars.length, 0, vars.flat());
  }

  /** The blob: header, type section, string section. */
  build(opts: BuildOptions = {}): Uint8Array {
    const hdrLen = opts.hdrLen ?? (opts.layout ? 32 : 24);
    const layoutBytes = opts.layout ? 4 * (Math.max(...opts.layout.map((l) => l[0])) + 1) : 0;
    const typeLen = this.#words.length * 4;
    const strings = new TextEncoder().encode(this.#strings.join("\0") + "\0");
    const out = new Uint8Array(hdrLen + layoutBytes + typeLen + strings.length);
    const view = new DataView(out.buffer);
    view.setUint16(0, 0xeb9f, true);
    out[2] = opts.version ?? 1;
    view.setUint32(4, hdrLen, true);
    view.setUint32(8, layoutBytes, true);
    view.setUint32(12, typeLen, true);
    view.setUint32(16, layoutBytes + typeLen, true);
    view.setUint32(20, strings.length, true);
    if (opts.layout && hdrLen >= 32) {
      view.setUint32(24, 0, true);
      view.setUint32(28, layoutBytes, true);
      for (const [kind, info, elem] of opts.layout) {
        out[hdrLen + 4 * kind] = info;
        out[hdrLen + 4 * kind + 1] = elem;
      }
    }
    this.#words.forEach((w, i) => view.setUint32(hdrLen + layoutBytes + 4 * i, w, true));
    out.set(strings, hdrLen + layoutBytes + typeLen);
    return out;
  }
}

/** Wraps `sections` in a minimal little-endian ELF file (32- or 64-bit). */
export function buildElf(sections: Record<string, Uint8Array>, is64 = true): Uint8Array {
  const names = ["", ...Object.keys(sections), ".shstrtab"];
  const enc = new TextEncoder();
  const nameOffsets: number[] = [];
  let strtab = "";
  for (const n of names) {
    nameOffsets.push(strtab.length);
    strtab += n + "\0";
  }
  const ehSize = is64 ? 64 : 52, shEntSize = is64 ? 64 : 40;
  const datas = [new Uint8Array(), ...Object.values(sections), enc.encode(strtab)];
  const offsets: number[] = [];
  let pos = ehSize;
  for (const d of datas) {
    offsets.push(pos);
    pos += d.length;
  }
  pos = (pos + 7) & ~7;
  const shoff = pos;
  const out = new Uint8Array(shoff + shEntSize * datas.length);
  const v = new DataView(out.buffer);
  out.set([0x7f, 0x45, 0x4c, 0x46, is64 ? 2 : 1, 1, 1]);
  datas.forEach((d, i) => out.set(d, offsets[i]));
  if (is64) {
    v.setBigUint64(0x28, BigInt(shoff), true);
    v.setUint16(0x3a, shEntSize, true);
    v.setUint16(0x3c, datas.length, true);
    v.setUint16(0x3e, datas.length - 1, true);
  } else {
    v.setUint32(0x20, shoff, true);
    v.setUint16(0x2e, shEntSize, true);
    v.setUint16(0x30, datas.length, true);
    v.setUint16(0x32, datas.length - 1, true);
  }
  datas.forEach((d, i) => {
    const at = shoff + i * shEntSize;
    v.setUint32(at, nameOffsets[i], true);
    v.setUint32(at + 4, i === 0 ? 0 : 1, true);
    if (is64) {
      v.setBigUint64(at + 24, BigInt(i === 0 ? 0 : offsets[i]), true);
      v.setBigUint64(at + 32, BigInt(d.length), true);
    } else {
      v.setUint32(at + 16, i === 0 ? 0 : offsets[i], true);
      v.setUint32(at + 20, d.length, true);
    }
  });
  return out;
}

/** The idr group's offsets in {@link idrBtf}`(shift)`. */
export function idrOffsets(shift = 0): Record<string, number> {
  return { xa_node_slots: 8, xa_node_shift: shift, idr_xa_head: 8, idr_next: 20 };
}

/**
 * A BTF whose idr group resolves: xa_node_shift = `shift`, the rest fixed; `padding` unused
 * INT types first (so two such BTFs can differ only after their first bytes).
 */
export function idrBtf(shift = 0, padding = 0): Uint8Array {
  const b = new BtfBuilder();
  for (let i = 0; i < padding; i++) b.int(`pad${i}`, 4);
  const int = b.int("int", 4);
  const ptr = b.ref(Kind.PTR, "", 0);
  b.struct("xa_node", 64, [["shift", int, shift * 8], ["slots", ptr, 64]]);
  const xa = b.struct("xarray", 16, [["xa_lock", int, 0], ["xa_head", ptr, 64]]);
  b.struct("idr", 24, [["idr_rt", xa, 0], ["idr_base", int, 128], ["idr_next", int, 160]]);
  return b.build();
}
