/**
 * The one helper every offset group is built from: groups are declared as data (field name
 * → struct, member, lookup mode, optional, fallback names) and resolved by
 * {@link resolveGroup} with the semantics of SPEC §4: a group resolves every required field
 * or fails with the first error; an optional field is `null` when absent; a failing
 * sub-group is `null` in its parent and its message is recorded under its dotted path.
 * @module
 */
import { BtfError, orNull, withContext } from "../btf/errors.ts";
import {
  directMember,
  findStruct,
  memberOffset,
  resolveMemberStruct,
  structSize,
} from "../btf/queries.ts";
import type { BtfTypes } from "../btf/table.ts";

/** A resolved group: field name → offset, `null`, nested group, or a list of names. */
export interface GroupValue {
  /** A field's offset (`null` when absent), a nested group, or `missing_groups`. */
  [field: string]: number | null | GroupValue | string[];
}

/** Dotted path of a missing group → its message chain (SPEC §6 `missing`). */
export type MissingMap = Record<string, string>;

/** A way to reach a struct: by name, or as the type of another struct's member. */
export interface StructRef {
  /** How messages name this struct (`rq`, `scx_rq`). */
  readonly label: string;
  /** Resolves to the struct's type id, or throws the SPEC's error. */
  resolve(types: BtfTypes): number;
}

/**
 * Memoizes `compute` per table and key: each (table, key) is computed once, and a BtfError
 * it throws is remembered and thrown again.
 */
export function perTable<K, V>(
  compute: (types: BtfTypes, key: K) => V,
): (types: BtfTypes, key: K) => V {
  const memo = new WeakMap<BtfTypes, Map<K, { value: V } | { error: BtfError }>>();
  return (types, key) => {
    let known = memo.get(types);
    if (!known) memo.set(types, known = new Map());
    let entry = known.get(key);
    if (entry === undefined) {
      try {
        entry = { value: compute(types, key) };
      } catch (err) {
        if (!(err instanceof BtfError)) throw err;
        entry = { error: err };
      }
      known.set(key, entry);
    }
    if ("error" in entry) throw entry.error;
    return entry.value;
  };
}

/** find_struct, once per table and name. */
const structId = perTable(findStruct);

/** find_struct by name (memoized per table, errors included). */
export function named(name: string): StructRef {
  return { label: name, resolve: (types) => structId(types, name) };
}

/**
 * typeof(parent.member): the struct reached by resolve_member_struct on the direct member,
 * with the context `btf: resolve type of <parent>.<member>`; `label` names the result.
 */
export function typeOf(parent: StructRef | string, member: string, label: string): StructRef {
  const p = ref(parent);
  return {
    label,
    resolve(types) {
      const m = directMember(types, p.resolve(types), member);
      return withContext(
        `btf: resolve type of ${p.label}.${member}`,
        () => resolveMemberStruct(types, m),
      );
    },
  };
}

function ref(s: StructRef | string): StructRef {
  return typeof s === "string" ? named(s) : s;
}

/** One entry of a group declaration. */
export type Entry = Field | FieldSet | SubGroup | Derived | Check;

/** A field resolved from BTF. */
export interface Field {
  /** Discriminant. */
  readonly kind: "field";
  /** Field name in the result. */
  readonly key: string;
  /** What an absent value becomes: `required` fails the group, else `null` or `0`. */
  readonly absent: "required" | "null" | "zero";
  /** Resolves the value or throws a BtfError. */
  resolve(types: BtfTypes): number;
}

/** Fields that resolve together or are all `null` (all-or-nothing optional fields). */
export interface FieldSet {
  /** Discriminant. */
  readonly kind: "set";
  /** The fields; any failure makes every one of them `null`. */
  readonly fields: readonly Field[];
}

/** An optional nested group. */
export interface SubGroup {
  /** Discriminant. */
  readonly kind: "sub";
  /** Field name of the nested group in its parent. */
  readonly key: string;
  /** The nested group's declaration. */
  readonly group: Group;
}

/** A value computed from the fields resolved before it. */
export interface Derived {
  /** Discriminant. */
  readonly kind: "derived";
  /** Field name in the result. */
  readonly key: string;
  /** Computes the value from the partial result. */
  compute(partial: GroupValue): number | string[];
}

/** An invariant the group needs (not a field); throws to fail the group. */
export interface Check {
  /** Discriminant. */
  readonly kind: "check";
  /** Throws a BtfError when the invariant does not hold. */
  verify(types: BtfTypes): void;
}

/** A group declaration: its entries in result order. */
export interface Group {
  /** Entries resolved in order; sub-groups should come after the required fields. */
  readonly entries: readonly Entry[];
}

/** Declares a group. */
export function group(...entries: Entry[]): Group {
  return { entries };
}

/** member_offset of the first of `members` found in `struct` (later names are fallbacks). */
export function member(key: string, struct: StructRef | string, ...members: string[]): Field {
  const s = ref(struct);
  const names = members.length > 0 ? members : [key];
  return {
    kind: "field",
    key,
    absent: "required",
    resolve(types) {
      const id = s.resolve(types);
      let last: unknown;
      for (const name of names) {
        try {
          return memberOffset(types, id, name);
        } catch (err) {
          if (!(err instanceof BtfError)) throw err;
          last = err;
        }
      }
      throw last;
    },
  };
}

/** Several member_offset fields on one struct, each named like its member. */
export function members(struct: StructRef | string, ...names: string[]): Field[] {
  return names.map((name) => member(name, struct, name));
}

/** direct_member offset (no anonymous descent). */
export function direct(key: string, struct: StructRef | string, memberName: string): Field {
  const s = ref(struct);
  return custom(key, (types) => directMember(types, s.resolve(types), memberName).offset);
}

/** sizeof the struct, from BTF. */
export function sizeOf(key: string, struct: StructRef | string): Field {
  const s = ref(struct);
  return custom(key, (types) => structSize(types, s.resolve(types)));
}

/** A field computed by `fn` (for the irregular cases; comment why at the call site). */
export function custom(key: string, fn: (types: BtfTypes) => number): Field {
  return { kind: "field", key, absent: "required", resolve: fn };
}

/** The sum of two fields (e.g. a member of an embedded struct, relative to the outer one). */
export function plus(key: string, a: Field, b: Field): Field {
  return custom(key, (types) => a.resolve(types) + b.resolve(types));
}

/** Makes a field optional: `null` when it cannot be resolved. */
export function optional(field: Field): Field {
  return { ...field, absent: "null" };
}

/** Makes a field default to 0 when it cannot be resolved (not an error). */
export function orZero(field: Field): Field {
  return { ...field, absent: "zero" };
}

/** Optional fields that are all present or all `null`. */
export function allOrNothing(...fields: Field[]): FieldSet {
  return { kind: "set", fields };
}

/** A nested optional group under `key`. */
export function sub(key: string, g: Group): SubGroup {
  return { kind: "sub", key, group: g };
}

/** A value derived from fields resolved before it. */
export function derived(key: string, compute: (partial: GroupValue) => number | string[]): Derived {
  return { kind: "derived", key, compute };
}

/** Requires struct `name` to exist (for groups whose fields are all optional). */
export function structExists(name: string): Check {
  return { kind: "check", verify: (types) => void findStruct(types, name) };
}

/** Invariant: member_offset of `struct.memberName` is 0 (`<struct>.<member> at offset <n> (expected 0)`). */
export function atOffsetZero(struct: string, memberName: string): Check {
  return {
    kind: "check",
    verify(types) {
      const offset = memberOffset(types, findStruct(types, struct), memberName);
      if (offset !== 0) {
        throw new BtfError(`${struct}.${memberName} at offset ${offset} (expected 0)`);
      }
    },
  };
}

/**
 * Resolves `g` at dotted `path`: the group's value, or a thrown BtfError (the first
 * required failure). Sub-group failures are added to `missing` only when the group
 * itself resolves, so a failed group never reports sub-groups it did not reach.
 */
export function resolveGroup(
  types: BtfTypes,
  g: Group,
  path: string,
  missing: MissingMap,
): GroupValue {
  const value: GroupValue = {};
  const local: MissingMap = {};
  for (const entry of g.entries) {
    switch (entry.kind) {
      case "field":
        value[entry.key] = resolveField(types, entry);
        break;
      case "set": {
        const all = entry.fields.map((f) => orNull(() => f.resolve(types)));
        const complete = all.every((v) => v !== null);
        entry.fields.forEach((f, i) => (value[f.key] = complete ? all[i] : null));
        break;
      }
      case "sub":
        value[entry.key] = resolveOptional(types, entry.group, `${path}.${entry.key}`, local);
        break;
      case "derived":
        value[entry.key] = entry.compute(value);
        break;
      case "check":
        entry.verify(types);
        break;
    }
  }
  Object.assign(missing, local);
  return value;
}

/** Resolves an optional group: its value, or `null` with its message recorded at `path`. */
export function resolveOptional(
  types: BtfTypes,
  g: Group,
  path: string,
  missing: MissingMap,
): GroupValue | null {
  try {
    return resolveGroup(types, g, path, missing);
  } catch (err) {
    if (!(err instanceof BtfError)) throw err;
    missing[path] = err.message;
    return null;
  }
}

function resolveField(types: BtfTypes, field: Field): number | null {
  if (field.absent === "required") return field.resolve(types);
  const v = orNull(() => field.resolve(types));
  return v ?? (field.absent === "zero" ? 0 : null);
}
