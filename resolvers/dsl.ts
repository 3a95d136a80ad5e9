/**
 * The one helper every offset group is built from: groups are declared as data (field name
 * → struct, member, lookup mode, optional, fallback names) and resolved by
 * {@link resolveGroup} with these semantics (docs/FIELDS.md): a group resolves every required field
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
import { type BtfTypes, memberBits } from "../btf/table.ts";
import { enumValue } from "../btf/enums.ts";

/** A resolved group: field name → offset, `null`, nested group, or a list of names. */
export interface GroupValue {
  /** A field's offset (`null` when absent), a nested group, or `missing_groups`. */
  [field: string]: number | null | GroupValue | string[];
}

/** Dotted path of a missing group → its message chain (the JSON contract's `missing`). */
export type MissingMap = Record<string, string>;

/** A way to reach a struct: by name, or as the type of another struct's member. */
export interface StructRef {
  /** How messages name this struct (`rq`, `scx_rq`). */
  readonly label: string;
  /** How the struct is found, for the field reference (`find_struct`, `typeof(rq.scx)`). */
  readonly found: string;
  /** Resolves to the struct's type id, or throws the lookup's error. */
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
  return { label: name, found: "find_struct", resolve: (types) => structId(types, name) };
}

/**
 * typeof(parent.member): the struct reached by resolve_member_struct on the direct member,
 * with the context `btf: resolve type of <parent>.<member>`; `label` names the result.
 */
export function typeOf(parent: StructRef | string, member: string, label: string): StructRef {
  const p = ref(parent);
  return {
    label,
    found: `typeof(${p.label}.${member})`,
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
export type Entry = Field | FieldSet | SubGroup | Derived | Check | MemberMap;

/** Records that a leaf was read from `<struct>.<member>` other than its name implies. */
export type Note = (via: string) => void;

/** Dotted path of a leaf → the `<struct>.<member>` it was really read from (the report's `via`). */
export type ViaMap = Record<string, string>;

/** How a field's value is obtained (for the field reference). */
export type FieldMode = "member" | "direct" | "sizeof" | "enum" | "computed";

/** A field resolved from BTF. */
export interface Field {
  /** Discriminant. */
  readonly kind: "field";
  /** Field name in the result. */
  readonly key: string;
  /** What an absent value becomes: `required` fails the group, else `null` or `0`. */
  readonly absent: "required" | "null" | "zero";
  /** How the value is obtained. */
  readonly mode: FieldMode;
  /** Where it is read: `struct.member`, `sizeof struct`, `enum NAME`, or a formula. */
  readonly source: string;
  /** `struct.member`s tried, in order, when {@link Field.source} is absent. */
  readonly fallbacks: readonly string[];
  /** How the struct is found (`find_struct`, `typeof(rq.scx)`), when there is one. */
  readonly found?: string;
  /** Resolves the value or throws a BtfError; `note` hears of a fallback that was used. */
  resolve(types: BtfTypes, note: Note): number;
}

/** Every member of a struct whose name starts with a prefix → its offset (in member order). */
export interface MemberMap {
  /** Discriminant. */
  readonly kind: "map";
  /** Field name of the map in the result. */
  readonly key: string;
  /** The struct, e.g. `scx_event_stats.SCX_EV_*`. */
  readonly source: string;
  /** Member name → offset. */
  resolve(types: BtfTypes): Record<string, number>;
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
  /** What it is computed from, for the field reference. */
  readonly source: string;
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
  const [first, ...rest] = members.length > 0 ? members : [key];
  return {
    kind: "field",
    key,
    absent: "required",
    mode: "member",
    source: `${s.label}.${first}`,
    fallbacks: rest.map((m) => `${s.label}.${m}`),
    found: s.found,
    resolve(types, note) {
      const id = s.resolve(types);
      try {
        return memberOffset(types, id, first);
      } catch (err) {
        if (!(err instanceof BtfError)) throw err;
        for (const name of rest) {
          const offset = orNull(() => memberOffset(types, id, name));
          if (offset === null) continue;
          note(`${types.name(id)}.${name}`);
          return offset;
        }
        throw err;
      }
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
  return {
    ...custom(
      key,
      `${s.label}.${memberName}`,
      (t) => directMember(t, s.resolve(t), memberName).offset,
    ),
    mode: "direct",
    found: s.found,
  };
}

/** sizeof the struct, from BTF. */
export function sizeOf(key: string, struct: StructRef | string): Field {
  const s = ref(struct);
  return {
    ...custom(key, `sizeof ${s.label}`, (types) => structSize(types, s.resolve(types))),
    mode: "sizeof",
    found: s.found,
  };
}

/** The value of enumerator `name` (any ENUM or ENUM64, first in type-id order). */
export function enumerator(key: string, name: string): Field {
  return {
    ...custom(key, `enum ${name}`, (types) => {
      const found = enumValue(types, name);
      if (found === null) throw new BtfError(`btf: enumerator '${name}' not found`);
      return Number(found.value);
    }),
    mode: "enum",
  };
}

/**
 * A field computed by `fn` (for the irregular cases; comment why at the call site); `source`
 * says what it is read from, `fallbacks` what it reads when that is absent.
 */
export function custom(
  key: string,
  source: string,
  fn: (types: BtfTypes, note: Note) => number,
  fallbacks: readonly string[] = [],
): Field {
  return {
    kind: "field",
    key,
    absent: "required",
    mode: "computed",
    source,
    fallbacks,
    resolve: fn,
  };
}

/** The sum of two fields (e.g. a member of an embedded struct, relative to the outer one). */
export function plus(key: string, a: Field, b: Field): Field {
  return custom(
    key,
    `${a.source} + ${b.source}`,
    (types, note) => a.resolve(types, note) + b.resolve(types, note),
  );
}

/**
 * The offset of `inner` inside the struct embedded as direct member `memberName` of
 * `struct`, relative to `struct`: `struct.memberName` + member_offset of `inner` in
 * typeof(struct.memberName) (named `label` in messages).
 */
export function embedded(
  key: string,
  struct: StructRef | string,
  memberName: string,
  label: string,
  inner: string,
): Field {
  const outer = direct(memberName, struct, memberName);
  return plus(key, outer, member(inner, typeOf(struct, memberName, label), inner));
}

/**
 * `key`: every member of `struct` whose name starts with `prefix` → its offset, in member
 * order (direct members; a future kernel's new member appears without a code change).
 */
export function memberMap(key: string, struct: StructRef, prefix: string): MemberMap {
  return {
    kind: "map",
    key,
    source: `${struct.label}.${prefix}*`,
    resolve(types) {
      const id = struct.resolve(types);
      const map: Record<string, number> = {};
      const { words, at, count, kindFlag } = types.elements(id);
      for (let i = 0, w = at; i < count; i++, w += 3) {
        const bits = memberBits(words[w + 2], kindFlag);
        if (words[w] === 0 || bits % 8 !== 0) continue;
        const name = types.stringAt(words[w]);
        if (name.startsWith(prefix)) map[name] = bits / 8;
      }
      return map;
    },
  };
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

/** A value derived from fields resolved before it; `source` says from what. */
export function derived(
  key: string,
  source: string,
  compute: (partial: GroupValue) => number | string[],
): Derived {
  return { kind: "derived", key, source, compute };
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
 * required failure). Sub-group failures (and fallbacks, into `via`) are recorded only when
 * the group itself resolves, so a failed group never reports what it did not deliver.
 */
export function resolveGroup(
  types: BtfTypes,
  g: Group,
  path: string,
  missing: MissingMap,
  via: ViaMap = {},
): GroupValue {
  const value: GroupValue = {};
  const local: MissingMap = {};
  const localVia: ViaMap = {};
  const noteFor = (key: string, into = localVia): Note => (v) => (into[`${path}.${key}`] = v);
  for (const entry of g.entries) {
    switch (entry.kind) {
      case "field":
        value[entry.key] = resolveField(types, entry, noteFor(entry.key));
        break;
      case "set": {
        const notes: ViaMap = {};
        const all = entry.fields.map((f) => orNull(() => f.resolve(types, noteFor(f.key, notes))));
        const complete = all.every((v) => v !== null);
        entry.fields.forEach((f, i) => (value[f.key] = complete ? all[i] : null));
        if (complete) Object.assign(localVia, notes);
        break;
      }
      case "sub":
        value[entry.key] = resolveOptional(
          types,
          entry.group,
          `${path}.${entry.key}`,
          local,
          localVia,
        );
        break;
      case "map":
        value[entry.key] = entry.resolve(types);
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
  Object.assign(via, localVia);
  return value;
}

/** Resolves an optional group: its value, or `null` with its message recorded at `path`. */
export function resolveOptional(
  types: BtfTypes,
  g: Group,
  path: string,
  missing: MissingMap,
  via: ViaMap = {},
): GroupValue | null {
  try {
    return resolveGroup(types, g, path, missing, via);
  } catch (err) {
    if (!(err instanceof BtfError)) throw err;
    missing[path] = err.message;
    return null;
  }
}

/**
 * Resolves one field. What it notes (a fallback it read) is passed on only when it resolves,
 * so a field that ends up `null` or `0` never claims a member in `via`.
 */
function resolveField(types: BtfTypes, field: Field, note: Note): number | null {
  const notes: string[] = [];
  const collect: Note = (n) => void notes.push(n);
  const v = field.absent === "required"
    ? field.resolve(types, collect)
    : orNull(() => field.resolve(types, collect));
  if (v === null) return field.absent === "zero" ? 0 : null;
  for (const n of notes) note(n);
  return v;
}
