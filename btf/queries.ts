/**
 * The lookup primitives every offset group is built from (docs/DESIGN.md: Lookup rules), with their exact error
 * messages. Pure functions over a {@link BtfTypes} table.
 * @module
 */
import { BtfError, orNull } from "./errors.ts";
import { Kind } from "./kinds.ts";
import { type BtfTypes, isComposite, memberBits } from "./table.ts";

/** How many type-chain steps the resolvers follow before giving up (docs/DESIGN.md: Lookup rules). */
export const MAX_CHAIN_STEPS = 20;
/** Nesting depth of anonymous members searched before a branch is abandoned. */
const MAX_ANON_DEPTH = 32;
/** Members visited by one member_offset call before it gives up (guards corrupt BTF). */
const MAX_MEMBER_VISITS = 100_000;

const encoder = new TextEncoder();
const encoded = new Map<string, Uint8Array>();

/** UTF-8 bytes of a field name, encoded once per process. */
function utf8(name: string): Uint8Array {
  let bytes = encoded.get(name);
  if (!bytes) encoded.set(name, bytes = encoder.encode(name));
  return bytes;
}

/** A direct member of a struct: its byte offset and its type id. */
export interface DirectMember {
  /** Byte offset of the member in the struct. */
  offset: number;
  /** Type id of the member (for resolve_member_struct). */
  type: number;
}

/** Result of {@link findStructOrFwd}: a full struct, or only a struct-flavour forward declaration. */
export type StructOrFwd = { kind: "struct"; id: number } | { kind: "fwd" };

/**
 * The types named `name` but the FUNCs (a lookup of types then never builds the index of
 * function names); throws `btf: type '<name>' not found` when nothing has that name, not
 * even a FUNC.
 */
export function typesNamed(types: BtfTypes, name: string): number[] {
  const ids = types.byName(name, { functions: false });
  if (ids.length === 0 && types.byName(name).length === 0) {
    throw new BtfError(`btf: type '${name}' not found`);
  }
  return ids;
}

/** find_struct: the first STRUCT named `name`, in type-id order. */
export function findStruct(types: BtfTypes, name: string): number {
  const id = typesNamed(types, name).find((id) => types.kind(id) === Kind.STRUCT);
  if (id === undefined) throw new BtfError(`btf: '${name}' exists but is not a struct`);
  return id;
}

/** find_struct_or_fwd: a full struct if one exists, else "fwd" for a struct-flavour FWD. */
export function findStructOrFwd(types: BtfTypes, name: string): StructOrFwd {
  const ids = typesNamed(types, name);
  const full = ids.find((id) => types.kind(id) === Kind.STRUCT);
  if (full !== undefined) return { kind: "struct", id: full };
  // A FWD's kind_flag is 0 for struct flavour and 1 for union flavour.
  if (ids.some((id) => types.kind(id) === Kind.FWD && !types.kindFlag(id))) return { kind: "fwd" };
  throw new BtfError(`btf: '${name}' exists but is neither a struct nor a struct-flavour fwd`);
}

/** Kinds an anonymous member's type may pass through on the way to its struct or union. */
const QUALIFIERS = new Set<number>([
  Kind.CONST,
  Kind.VOLATILE,
  Kind.TYPEDEF,
  Kind.RESTRICT,
  Kind.TYPE_TAG,
]);
/** The same plus PTR: what resolve_to_struct follows. */
const QUALIFIERS_AND_PTR = new Set<number>([...QUALIFIERS, Kind.PTR]);

/** Follows kinds in `through` for at most 20 steps to a STRUCT or UNION; null otherwise. */
function followTo(types: BtfTypes, typeId: number, through: Set<number>): number | null {
  let id = typeId;
  for (let step = 0; step < MAX_CHAIN_STEPS; step++) {
    const kind = types.kind(id);
    if (isComposite(kind)) return id;
    if (!through.has(kind)) return null;
    id = types.refType(id);
  }
  return null;
}

function nonByteAligned(field: string, bits: number): BtfError {
  return new BtfError(`btf: field '${field}' has non-byte-aligned offset (${bits} bits)`);
}

function notFound(types: BtfTypes, structId: number, field: string): BtfError {
  return new BtfError(`btf: struct '${types.name(structId)}' has no member '${field}'`);
}

/** A member found by name the way member_offset searches (docs/DESIGN.md: Lookup rules). */
export interface FoundMember {
  /** Byte offset of the member in the searched struct (anonymous members' offsets added). */
  offset: number;
  /** Type id of the member. */
  type: number;
  /** Bitfield width from the kind_flag encoding (0 when not a bitfield). */
  bitSize: number;
  /** Type ids of the anonymous structs/unions passed through, outermost first. */
  anon: number[];
}

/**
 * member_offset's walk, returning what it found: `field` in struct/union `structId`,
 * searching anonymous struct/union members (through qualifiers and typedefs, never
 * pointers) on the way. `memberOffset` is its offset.
 *
 * ```ts
 * const curr = findMember(types, findStruct(types, "rq"), "curr");
 * // { offset: 2720, type: <struct task_struct *>, bitSize: 0, anon: [<the anonymous union>] }
 * ```
 */
export function findMember(types: BtfTypes, structId: number, field: string): FoundMember {
  const wanted = utf8(field);
  const path: number[] = [];
  let visits = 0;
  let found: FoundMember | null = null;
  /** True when found; only the outermost struct reports a misaligned field. */
  const walk = (id: number, base: number): boolean => {
    const { words, at, count, kindFlag } = types.elements(id);
    path.push(id);
    for (let i = 0, w = at; i < count; i++, w += 3) {
      if (++visits > MAX_MEMBER_VISITS) {
        throw new BtfError(
          `btf: field '${field}' search gave up after ${MAX_MEMBER_VISITS} members`,
        );
      }
      const nameOff = words[w];
      const isField = nameOff !== 0 && types.nameEquals(nameOff, wanted);
      const bits = memberBits(words[w + 2], kindFlag);
      if (bits % 8 !== 0) {
        if (isField && path.length === 1) throw nonByteAligned(field, bits);
        continue;
      }
      const offset = base + bits / 8;
      if (isField) {
        const bitSize = kindFlag ? words[w + 2] >>> 24 : 0;
        found = { offset, type: words[w + 1], bitSize, anon: path.slice(1) };
        return true;
      }
      if (nameOff !== 0 || path.length > MAX_ANON_DEPTH) continue;
      // A failure inside an anonymous member is ignored and the walk goes on; a member
      // whose type is already being searched (only corrupt BTF nests a struct in itself)
      // is not entered again.
      const inner = orNull(() => followTo(types, words[w + 1], QUALIFIERS));
      if (inner === null || path.includes(inner)) continue;
      if (orNull(() => walk(inner, offset))) return true;
      path.length = path.indexOf(id) + 1;
    }
    path.pop();
    return false;
  };
  if (!walk(structId, 0) || found === null) throw notFound(types, structId, field);
  return found;
}

/**
 * member_offset: byte offset of `field` in struct/union `structId`, searching anonymous
 * struct/union members (through qualifiers and typedefs, never pointers) on the way.
 */
export function memberOffset(types: BtfTypes, structId: number, field: string): number {
  return findMember(types, structId, field).offset;
}

/** direct_member: like member_offset over direct members only, also returning the member's type. */
export function directMember(types: BtfTypes, structId: number, field: string): DirectMember {
  const wanted = utf8(field);
  const { words, at, count, kindFlag } = types.elements(structId);
  for (let i = 0, w = at; i < count; i++, w += 3) {
    if (words[w] === 0 || !types.nameEquals(words[w], wanted)) continue;
    const bits = memberBits(words[w + 2], kindFlag);
    if (bits % 8 !== 0) throw nonByteAligned(field, bits);
    return { offset: bits / 8, type: words[w + 1] };
  }
  throw notFound(types, structId, field);
}

/**
 * resolve_to_struct: follows PTR, CONST, VOLATILE, TYPEDEF, TYPE_TAG and RESTRICT for at
 * most 20 steps to a STRUCT or UNION; null for anything else.
 */
export function resolveToStruct(types: BtfTypes, typeId: number): number | null {
  return followTo(types, typeId, QUALIFIERS_AND_PTR);
}

/** resolve_member_struct: the struct a member's type leads to, or its error. */
export function resolveMemberStruct(types: BtfTypes, member: DirectMember): number {
  const id = resolveToStruct(types, member.type);
  if (id === null) throw new BtfError("btf: could not resolve member to struct");
  return id;
}

/** sizeof: the BTF size of a struct or union. */
export function structSize(types: BtfTypes, structId: number): number {
  return types.size(structId);
}

/**
 * datasec_var_offset: offset of the first variable named `varName` in any DATASEC named
 * `section` (e.g. `.data..percpu`), or null when absent.
 */
export function datasecVarOffset(types: BtfTypes, section: string, varName: string): number | null {
  const wanted = utf8(varName);
  for (const id of types.byName(section, { functions: false })) {
    if (types.kind(id) !== Kind.DATASEC) continue;
    for (let i = 0; i < types.vlen(id); i++) {
      const varId = types.elemWord(id, i, 0);
      if (types.kind(varId) === Kind.VAR && types.nameEquals(types.nameOff(varId), wanted)) {
        return types.elemWord(id, i, 1);
      }
    }
  }
  return null;
}

/**
 * The type behind CONST, VOLATILE, TYPEDEF, RESTRICT and TYPE_TAG (at most 20 steps; the
 * last one reached when the chain is longer).
 *
 * ```ts
 * typeKind(types, stripQualifiers(types, findMember(types, rq, "__lock").type)); // "struct" (raw_spinlock_t)
 * ```
 */
export function stripQualifiers(types: BtfTypes, typeId: number): number {
  let id = typeId;
  for (let step = 0; step < MAX_CHAIN_STEPS && QUALIFIERS.has(types.kind(id)); step++) {
    id = types.refType(id);
  }
  return id;
}
