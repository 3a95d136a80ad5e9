/**
 * sizeof for any type: what a C compiler's `sizeof` gives for the type, from BTF.
 * @module
 */
import { BtfError } from "../btf/errors.ts";
import { Kind, kindName } from "../btf/kinds.ts";
import type { BtfTypes } from "../btf/table.ts";

/** Nesting of arrays and qualifiers followed before giving up (guards corrupt BTF). */
const MAX_DEPTH = 64;

/**
 * Every spelling of `long` and `unsigned long` a compiler writes as a base type's name (gcc
 * `long int`, `long unsigned int`; clang `long`, `unsigned long`), as libbpf lists them.
 */
export const LONG_NAMES: readonly string[] = [
  "long",
  "long int",
  "int long",
  "unsigned long",
  "long unsigned",
  "unsigned long int",
  "unsigned int long",
  "long unsigned int",
  "long int unsigned",
  "int unsigned long",
  "int long unsigned",
];

/** What {@link sizeOf} says of a pointer when {@link pointerSize} is null. */
export const POINTER_SIZE_UNKNOWN =
  "btf: the pointer size cannot be told (no INT of 4 or 8 bytes named long or unsigned long)";

const pointerSizes = new WeakMap<BtfTypes, number | null>();

/**
 * The size of a pointer in this BTF, 4 or 8, or null when it cannot be told. BTF records
 * none, so this is libbpf's rule (determine_ptr_size): a split BTF's is its base's when the
 * base tells it; else the size of the first INT (in type-id order) of 4 or 8 bytes named
 * `long` or `unsigned long` in any spelling ({@link LONG_NAMES}). Every kernel's BTF has one.
 *
 * ```ts
 * pointerSize(loadBtf("/sys/kernel/btf/vmlinux").types); // 8 on x86-64, 4 on i686 or armv7
 * ```
 */
export function pointerSize(types: BtfTypes): number | null {
  let size = pointerSizes.get(types);
  if (size === undefined) {
    size = (types.base && pointerSize(types.base)) ?? null;
    if (size === null) {
      let first = Infinity;
      for (const name of LONG_NAMES) {
        for (const id of types.byName(name, { functions: false })) {
          if (id >= first || types.kind(id) !== Kind.INT) continue;
          const bytes = types.size(id);
          if (bytes === 4 || bytes === 8) first = id;
        }
      }
      if (first !== Infinity) size = types.size(first);
    }
    pointerSizes.set(types, size);
  }
  return size;
}

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
