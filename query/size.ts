/**
 * sizeof for any type: what a C compiler's `sizeof` gives for the type, from BTF.
 * @module
 */
import { BtfError } from "../btf/errors.ts";
import { Kind, kindName } from "../btf/kinds.ts";
import type { BtfTypes } from "../btf/table.ts";
import { pointerSize } from "../btf/machine.ts";

export { LONG_NAMES, pointerSize } from "../btf/machine.ts";

/** Nesting of arrays and qualifiers followed before giving up (guards corrupt BTF). */
const MAX_DEPTH = 64;

/** What {@link sizeOf} says of a pointer when pointerSize is null. */
export const POINTER_SIZE_UNKNOWN =
  "btf: the pointer size cannot be told (no INT of 4 or 8 bytes named long or unsigned long)";

/**
 * sizeof type `id` in bytes: INT, FLOAT, STRUCT, UNION, ENUM, ENUM64 and DATASEC by their
 * size, PTR by {@link pointerSize}, ARRAY as elements × element size, TYPEDEF, qualifiers
 * and VAR by the type they name. Void, FWD, FUNC, FUNC_PROTO and DECL_TAG have no size:
 * `btf: type id <id> (<KIND>) has no size`; a pointer's, when {@link pointerSize} cannot
 * tell it, is {@link POINTER_SIZE_UNKNOWN}.
 *
 * ```ts
 * sizeOf(types, findStruct(types, "rq")); // 3392 (the struct's BTF size)
 * sizeOf(types, resolvePath(types, "kernel_cpustat.cpustat").typeId); // 80: u64[10]
 * ```
 */
export function sizeOf(types: BtfTypes, id: number): number {
  let factor = 1;
  for (let depth = 0; depth < MAX_DEPTH; depth++) {
    switch (types.kind(id)) {
      case Kind.INT:
      case Kind.FLOAT:
      case Kind.STRUCT:
      case Kind.UNION:
      case Kind.ENUM:
      case Kind.ENUM64:
      case Kind.DATASEC:
        return factor * types.size(id);
      case Kind.PTR: {
        const size = pointerSize(types);
        if (size === null) throw new BtfError(POINTER_SIZE_UNKNOWN);
        return factor * size;
      }
      case Kind.ARRAY:
        factor *= types.word(id, 5);
        id = types.word(id, 3);
        continue;
      case Kind.TYPEDEF:
      case Kind.CONST:
      case Kind.VOLATILE:
      case Kind.RESTRICT:
      case Kind.TYPE_TAG:
      case Kind.VAR:
        id = types.refType(id);
        continue;
      default:
        throw new BtfError(`btf: type id ${id} (${kindName(types.kind(id))}) has no size`);
    }
  }
  throw new BtfError(`btf: type id ${id}: type chain longer than ${MAX_DEPTH} steps`);
}
