/**
 * Split BTF (a kernel module's, over the vmlinux BTF it was built against): recognising it,
 * and checking that a base really is the one it was built against. Pure.
 *
 * The base check: a split BTF refers to its base in two ways, by string offset (names below
 * the base's string length are the base's strings) and by type id (ids up to the base's
 * last id are the base's types). Against the wrong base both go astray, so every name
 * offset of every type and element must land on the start of a string of the combined string
 * table (offset 0, or just after a NUL), and every reference into the base must reach a type
 * of a kind that can stand there (a FUNC's prototype is a FUNC_PROTO; a member, variable,
 * pointer, array element or parameter is a data type, never a FUNC, VAR or DATASEC).
 * @module
 */
import { BtfError } from "./errors.ts";
import { parseHeader } from "./header.ts";
import { elemWords, Kind, kindName } from "./kinds.ts";
import { BtfTypes } from "./table.ts";
import type { TableSpace } from "./arena.ts";

/** The error for split BTF loaded without a base. */
export const SPLIT_NEEDS_BASE = "split BTF (a module's): pass --base VMLINUX";

/**
 * Whether a blob is split BTF, from the first byte of its string section: a standalone BTF's
 * strings start with the empty string (a NUL), a split BTF's with its first own name
 * (libbpf's rule). An empty string section is not split.
 */
export function isSplitStrings(strLen: number, firstStringByte: number): boolean {
  return strLen > 0 && firstStringByte !== 0;
}

/**
 * Builds the type table of a `total`-byte blob in `space` (see {@link BtfTypes.buildFrom};
 * `byteAt` reads one byte of the blob), checking its role first: split BTF needs `base`, a base is
 * only for split BTF, and a split BTF must fit its base ({@link checkSplitBase}).
 */
export function buildTypes(
  total: number,
  head: Uint8Array,
  fill: (dest: Uint8Array) => void,
  byteAt: (offset: number) => number,
  base?: BtfTypes,
  space?: TableSpace,
): BtfTypes {
  const hdr = parseHeader(head, total);
  const split = isSplitStrings(hdr.strLen, hdr.strLen > 0 ? byteAt(hdr.strStart) : 0);
  if (split && !base) throw new BtfError(SPLIT_NEEDS_BASE);
  if (!split && base) {
    throw new BtfError(
      "not split BTF (its strings start with the empty string), but a base was given: " +
        "--base is only for a module's split BTF",
    );
  }
  if (!base) return BtfTypes.buildFrom(total, head, fill, undefined, space);
  let types;
  try {
    types = BtfTypes.buildFrom(total, head, fill, base, space);
  } catch (err) {
    if (err instanceof BtfError) throw new BtfError(`${MISMATCH}: ${err.message}`);
    throw err;
  }
  checkSplitBase(types);
  return types;
}

const MISMATCH = "split BTF does not match its base";

const NOT_DATA = new Set<number>([Kind.FUNC, Kind.VAR, Kind.DATASEC, Kind.DECL_TAG]);

/** Throws BtfError when `types` (split BTF over its base) does not fit that base. */
export function checkSplitBase(types: BtfTypes): void {
  const base = types.base;
  if (!base) return;
  const onStringStart = (off: number): boolean => {
    if (off === 0) return true;
    try {
      return types.stringAt(off - 1) === "";
    } catch {
      return false;
    }
  };
  const refKind = (ref: number): number | null => ref <= base.lastId ? base.kind(ref) : null;
  const fail = (id: number, what: string): never => {
    throw new BtfError(
      `${MISMATCH}: type id ${id} ${what} (built against another vmlinux?)`,
    );
  };
  const checkData = (id: number, ref: number, what: string) => {
    const kind = refKind(ref);
    if (kind !== null && ref !== 0 && NOT_DATA.has(kind)) {
      fail(id, `${what}refers to base type ${ref}, a ${kindName(kind)}`);
    }
  };
  for (let id = types.firstId; id <= types.lastId; id++) {
    const kind = types.kind(id);
    if (!onStringStart(types.nameOff(id))) {
      fail(id, `has name offset ${types.nameOff(id)}, not the start of a string`);
    }
    switch (kind) {
      case Kind.FUNC: {
        const proto = refKind(types.refType(id));
        if (proto !== null && proto !== Kind.FUNC_PROTO) {
          fail(id, `(a FUNC) refers to base type ${types.refType(id)}, a ${kindName(proto)}`);
        }
        break;
      }
      case Kind.PTR:
      case Kind.TYPEDEF:
      case Kind.VOLATILE:
      case Kind.CONST:
      case Kind.RESTRICT:
      case Kind.TYPE_TAG:
      case Kind.VAR:
        checkData(id, types.refType(id), "");
        break;
      case Kind.ARRAY:
        checkData(id, types.word(id, 3), "element ");
        break;
      case Kind.STRUCT:
      case Kind.UNION:
        for (let i = 0; i < types.vlen(id); i++) {
          if (!onStringStart(types.elemWord(id, i, 0))) {
            fail(
              id,
              `member ${i} has name offset ${types.elemWord(id, i, 0)}, not the start of a string`,
            );
          }
          checkData(id, types.elemWord(id, i, 1), `member ${i} `);
        }
        break;
      case Kind.FUNC_PROTO:
        checkData(id, types.refType(id), "return type ");
        for (let i = 0; i < types.vlen(id); i++) {
          if (!onStringStart(types.word(id, 3 + 2 * i))) {
            fail(id, `parameter ${i} has a name offset that is not the start of a string`);
          }
          checkData(id, types.word(id, 4 + 2 * i), `parameter ${i} `);
        }
        break;
      case Kind.ENUM:
      case Kind.ENUM64: {
        const step = elemWords(kind);
        for (let i = 0; i < types.vlen(id); i++) {
          if (!onStringStart(types.word(id, 3 + step * i))) {
            fail(id, `enumerator ${i} has a name offset that is not the start of a string`);
          }
        }
        break;
      }
    }
  }
}
