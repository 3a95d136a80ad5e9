/**
 * `enum NAME|ENUMERATOR`: an enum type's enumerators, or one enumerator's value, from BTF
 * (ENUM and ENUM64, with their signedness).
 * @module
 */
import { type Enumerator, enumerators, type EnumValue, enumValue } from "../btf/enums.ts";
import { BtfError } from "../btf/errors.ts";
import { Kind } from "../btf/kinds.ts";
import type { BtfTypes } from "../btf/table.ts";

/** One enum type with its enumerators. */
export interface EnumDefinition {
  /** Its type id. */
  typeId: number;
  /** Its name. */
  name: string;
  /** `ENUM` (32-bit values) or `ENUM64`. */
  kind: "ENUM" | "ENUM64";
  /** Its size in bytes. */
  size: number;
  /** Whether its values are signed (the kind_flag). */
  signed: boolean;
  /** Its enumerators in declaration order. */
  enumerators: Enumerator[];
}

/** What an `enum` argument names: enum types (every definition), or one enumerator. */
export type EnumAnswer =
  | { enums: EnumDefinition[] }
  | { enumerator: string; found: EnumValue; size: number };

/**
 * Every ENUM and ENUM64 named `name` (in type-id order); when none, the enumerator `name`
 * (the first in type-id order, as the groups read it); neither:
 * `btf: no enum or enumerator named '<name>'`.
 *
 * ```ts
 * lookupEnum(types, "pid_type"); // { enums: [{ name: "pid_type", enumerators: [{ name: "PIDTYPE_PID", value: 0 }, ...] }] }
 * lookupEnum(types, "PIDTYPE_TGID"); // { enumerator: "PIDTYPE_TGID", found: { value: 1, signed: false, ... } }
 * ```
 */
export function lookupEnum(types: BtfTypes, name: string): EnumAnswer {
  const ids = types.byName(name, { functions: false }).filter((id) => {
    const k = types.kind(id);
    return k === Kind.ENUM || k === Kind.ENUM64;
  });
  if (ids.length > 0) {
    return {
      enums: ids.map((typeId) => ({
        typeId,
        name,
        kind: types.kind(typeId) === Kind.ENUM ? "ENUM" : "ENUM64",
        size: types.size(typeId),
        signed: types.kindFlag(typeId),
        enumerators: enumerators(types, typeId),
      })),
    };
  }
  const found = enumValue(types, name);
  if (found === null) throw new BtfError(`btf: no enum or enumerator named '${name}'`);
  return { enumerator: name, found, size: types.size(found.typeId) };
}
