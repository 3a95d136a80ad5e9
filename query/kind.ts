/**
 * The kind of a type as a typed union of names, for code that switches on kinds without
 * the numeric table.
 * @module
 */
import { KIND_NAMES } from "../btf/kinds.ts";
import type { BtfTypes } from "../btf/table.ts";

/** A BTF kind by name (`"struct"`, `"ptr"`, ...); `"unknown"` for a kind past ENUM64. */
export type TypeKind =
  | "void"
  | "int"
  | "ptr"
  | "array"
  | "struct"
  | "union"
  | "enum"
  | "fwd"
  | "typedef"
  | "volatile"
  | "const"
  | "restrict"
  | "func"
  | "func_proto"
  | "var"
  | "datasec"
  | "float"
  | "decl_tag"
  | "type_tag"
  | "enum64"
  | "unknown";

const NAMES = KIND_NAMES.map((k) => k.toLowerCase()) as TypeKind[];

/**
 * The kind of type `id` by name.
 *
 * ```ts
 * typeKind(types, findStruct(types, "rq")); // "struct"
 * typeKind(types, 0); // "void"
 * ```
 */
export function typeKind(types: BtfTypes, id: number): TypeKind {
  return NAMES[types.kind(id)] ?? "unknown";
}
