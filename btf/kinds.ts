/**
 * BTF kind numbers and the size of each kind's extra data after the common 12-byte
 * `btf_type` header (docs/DESIGN.md). Pure data, no I/O.
 * @module
 */

/** The BTF kinds this library decodes, by their numeric value. */
export const Kind = {
  VOID: 0,
  INT: 1,
  PTR: 2,
  ARRAY: 3,
  STRUCT: 4,
  UNION: 5,
  ENUM: 6,
  FWD: 7,
  TYPEDEF: 8,
  VOLATILE: 9,
  CONST: 10,
  RESTRICT: 11,
  FUNC: 12,
  FUNC_PROTO: 13,
  VAR: 14,
  DATASEC: 15,
  FLOAT: 16,
  DECL_TAG: 17,
  TYPE_TAG: 18,
  ENUM64: 19,
} as const;

/** Upper-case kind names indexed by kind number (`KIND_NAMES[4] === "STRUCT"`). */
export const KIND_NAMES: readonly string[] = Object.keys(Kind);

/** Highest kind number this code knows; larger kinds need the BTF layout section. */
export const MAX_KNOWN_KIND = 19;

/**
 * Extra 32-bit words that follow the common header of a type of `kind` with `vlen`
 * elements, or -1 when the kind is unknown.
 */
export function extraWords(kind: number, vlen: number): number {
  switch (kind) {
    case Kind.INT:
    case Kind.VAR:
    case Kind.DECL_TAG:
      return 1;
    case Kind.ARRAY:
      return 3;
    case Kind.STRUCT:
    case Kind.UNION:
    case Kind.DATASEC:
    case Kind.ENUM64:
      return 3 * vlen;
    case Kind.ENUM:
    case Kind.FUNC_PROTO:
      return 2 * vlen;
    case Kind.VOID:
    case Kind.PTR:
    case Kind.FWD:
    case Kind.TYPEDEF:
    case Kind.VOLATILE:
    case Kind.CONST:
    case Kind.RESTRICT:
    case Kind.FUNC:
    case Kind.FLOAT:
    case Kind.TYPE_TAG:
      return 0;
    default:
      return -1;
  }
}

/** Human name of a kind number: `STRUCT`, or `kind 25` for one this code does not know. */
export function kindName(kind: number): string {
  return KIND_NAMES[kind] ?? `kind ${kind}`;
}

/**
 * Words per element of a kind with a vlen-long list: 3 for STRUCT, UNION, DATASEC and
 * ENUM64 elements, 2 for ENUM enumerators and FUNC_PROTO parameters.
 */
export function elemWords(kind: number): number {
  return extraWords(kind, 1) - extraWords(kind, 0);
}
