/**
 * The members of a struct or union as typed objects.
 * @module
 */
import { BtfError } from "../btf/errors.ts";
import { Kind, kindName } from "../btf/kinds.ts";
import { stripQualifiers } from "../btf/queries.ts";
import { type BtfTypes, isComposite, memberBits } from "../btf/table.ts";
import { sizeOf } from "./size.ts";

/** One direct member of a struct or union. */
export interface Member {
  /** Its name (`""` for an anonymous struct or union member). */
  name: string;
  /**
   * Byte offset in the struct. For a bitfield, the offset of its storage unit (the bit
   * offset rounded down to the size of its type), as pahole prints it.
   */
  offset: number;
  /** Offset in bits from the start of the struct. */
  bitOffset: number;
  /** Bitfield width in bits; 0 when the member is not a bitfield. */
  bitSize: number;
  /** Type id of the member. */
  typeId: number;
}

/**
 * The struct or union that `id` names, through typedefs and qualifiers; else
 * `btf: type id <id> (<KIND>) is not a struct or union`.
 *
 * ```ts
 * types.name(compositeOf(types, types.byName("raw_spinlock_t")[0])); // "raw_spinlock"
 * ```
 */
export function compositeOf(types: BtfTypes, id: number): number {
  const target = stripQualifiers(types, id);
  if (!isComposite(types.kind(target))) {
    throw new BtfError(
      `btf: type id ${id} (${kindName(types.kind(target))}) is not a struct or union`,
    );
  }
  return target;
}

/** Width and extra bit offset of a bitfield in the old encoding (in its INT type). */
function intBitfield(types: BtfTypes, typeId: number): [number, number] {
  if (types.kind(typeId) !== Kind.INT) return [0, 0];
  const data = types.word(typeId, 3), bits = data & 0xff, shift = (data >>> 16) & 0xff;
  return bits !== types.size(typeId) * 8 || shift !== 0 ? [bits, shift] : [0, 0];
}

/**
 * The direct members of struct or union `id` (typedefs and qualifiers followed), in order.
 * Both bitfield encodings are read: the kind_flag one and the older one in the member's
 * INT type.
 *
 * ```ts
 * members(types, findStruct(types, "scx_dispatch_q"))[1];
 * // { name: "first_task", offset: 8, bitOffset: 64, bitSize: 0, typeId: 1234 }
 * ```
 */
export function members(types: BtfTypes, id: number): Member[] {
  const struct = compositeOf(types, id);
  const { words, at, count, kindFlag } = types.elements(struct);
  const list: Member[] = [];
  for (let i = 0, w = at; i < count; i++, w += 3) {
    const typeId = words[w + 1];
    let bitOffset = memberBits(words[w + 2], kindFlag),
      bitSize = kindFlag ? words[w + 2] >>> 24 : 0;
    if (!kindFlag) {
      const [bits, shift] = intBitfield(types, typeId);
      bitSize = bits;
      bitOffset += shift;
    }
    let offset = Math.floor(bitOffset / 8);
    if (bitSize > 0) {
      const unit = sizeOf(types, typeId) * 8;
      offset = Math.floor(bitOffset / unit) * (unit / 8);
    }
    list.push({ name: types.stringAt(words[w]), offset, bitOffset, bitSize, typeId });
  }
  return list;
}
