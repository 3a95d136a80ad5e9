/**
 * Enumerators of ENUM and ENUM64 types (docs/FIELDS.md, `constants`).
 * An enumerator is looked up by name across every ENUM and ENUM64 type in type-id order
 * (the base's first for split BTF); the first match wins, anonymous enums included. The
 * type's kind_flag says whether its values are signed. Pure functions over a table.
 * @module
 */
import { BtfError } from "./errors.ts";
import { elemWords, Kind } from "./kinds.ts";
import type { BtfTypes } from "./table.ts";

/** An enumerator's value and where it was found. */
export interface EnumValue {
  /** The value: a number, or a bigint only when it is not a safe integer. */
  value: number | bigint;
  /** Whether the enum's values are signed (its kind_flag). */
  signed: boolean;
  /** Type id of the ENUM or ENUM64 that holds it. */
  typeId: number;
  /** Name of that enum (`""` when anonymous). */
  enumName: string;
}

/** One enumerator of an enum type, in declaration order. */
export interface Enumerator {
  /** The enumerator's name. */
  name: string;
  /** Its value (bigint only when it is not a safe integer). */
  value: number | bigint;
}

const TWO_32 = 0x1_0000_0000;
/** The value of enumerator `i` of ENUM or ENUM64 `id`. */
function valueOf(types: BtfTypes, id: number, i: number): number | bigint {
  const { words, at, kindFlag } = types.elements(id);
  if (types.kind(id) === Kind.ENUM) {
    const raw = words[at + 2 * i + 1];
    return kindFlag ? raw | 0 : raw;
  }
  const lo = words[at + 3 * i + 1], hi = words[at + 3 * i + 2];
  const high = kindFlag ? hi | 0 : hi;
  const value = high * TWO_32 + lo;
  if (Number.isSafeInteger(value)) return value;
  const big = (BigInt(hi) << 32n) | BigInt(lo);
  return kindFlag ? BigInt.asIntN(64, big) : big;
}

/**
 * The enumerator `name` of the first ENUM or ENUM64 (in type-id order, anonymous ones
 * included) that has one, or null when no enum has it.
 */
export function enumValue(types: BtfTypes, name: string): EnumValue | null {
  return enumValues(types, [name]).get(name) ?? null;
}

/**
 * {@link enumValue} for several names: a map holding each name that some enum defines
 * (looked up in the table's enumerator index).
 */
export function enumValues(types: BtfTypes, names: readonly string[]): Map<string, EnumValue> {
  const found = new Map<string, EnumValue>();
  for (const name of names) {
    const first = found.has(name) ? undefined : types.enumeratorsNamed(name)[0];
    if (first === undefined) continue;
    const [id, i] = first;
    found.set(name, {
      value: valueOf(types, id, i),
      signed: types.kindFlag(id),
      typeId: id,
      enumName: types.name(id),
    });
  }
  return found;
}

/** The enumerators of ENUM or ENUM64 `typeId`, in order; any other kind is an error. */
export function enumerators(types: BtfTypes, typeId: number): Enumerator[] {
  const kind = types.kind(typeId);
  if (kind !== Kind.ENUM && kind !== Kind.ENUM64) {
    throw new BtfError(`btf: type id ${typeId} is not an enum`);
  }
  const { words, at, count } = types.elements(typeId);
  const step = elemWords(kind);
  const list: Enumerator[] = [];
  for (let i = 0; i < count; i++) {
    list.push({ name: types.stringAt(words[at + step * i]), value: valueOf(types, typeId, i) });
  }
  return list;
}
