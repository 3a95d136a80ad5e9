/**
 * C spelling of a BTF type (`struct scx_dispatch_q *`, `u64[10]`, `void (*)(struct rq *)`),
 * as a declaration with no name, and with a name for layouts.
 * @module
 */
import { Kind } from "../btf/kinds.ts";
import type { BtfTypes } from "../btf/table.ts";

/** Declarator nesting followed before the rest is spelled `...` (guards corrupt BTF). */
const MAX_DEPTH = 32;

function specifier(types: BtfTypes, id: number): string {
  const name = types.name(id);
  switch (types.kind(id)) {
    case Kind.VOID:
      return "void";
    case Kind.STRUCT:
      return name ? `struct ${name}` : "struct {...}";
    case Kind.UNION:
      return name ? `union ${name}` : "union {...}";
    case Kind.ENUM:
    case Kind.ENUM64:
      return name ? `enum ${name}` : "enum {...}";
    case Kind.FWD:
      return `${types.kindFlag(id) ? "union" : "struct"} ${name}`;
    default:
      return name;
  }
}

function params(types: BtfTypes, id: number, depth: number): string {
  const { words, at, count } = types.elements(id);
  const list: string[] = [];
  for (let i = 0; i < count; i++) {
    const type = words[at + 2 * i + 1];
    list.push(type === 0 && i === count - 1 ? "..." : declare(types, type, "", depth + 1));
  }
  return list.length === 0 ? "void" : list.join(", ");
}

/** `decl` (a declarator: a name, `*`, `[3]`...) declared with type `id`, in C syntax. */
function declare(types: BtfTypes, id: number, decl: string, depth = 0): string {
  if (depth > MAX_DEPTH) return `... ${decl}`.trimEnd();
  const ref = types.refType(id);
  switch (types.kind(id)) {
    case Kind.PTR: {
      // A function's pointer result is spelled as pahole does, `T * (*f)(...)`, so that the
      // type and the declarator read apart.
      const inner = decl.startsWith("(") ? `* ${decl}` : `*${decl}`;
      const target = types.kind(ref);
      const wrap = target === Kind.ARRAY || target === Kind.FUNC_PROTO;
      return declare(types, ref, wrap ? `(${inner})` : inner, depth + 1);
    }
    case Kind.ARRAY:
      return declare(types, types.word(id, 3), `${decl}[${types.word(id, 5) || ""}]`, depth + 1);
    case Kind.FUNC_PROTO:
      return declare(types, ref, `${decl}(${params(types, id, depth)})`, depth + 1);
    case Kind.CONST:
    case Kind.VOLATILE:
    case Kind.RESTRICT: {
      const q = types.kind(id) === Kind.CONST
        ? "const"
        : types.kind(id) === Kind.VOLATILE
        ? "volatile"
        : "restrict";
      // On a pointer the qualifier binds to the pointer: `int *const p`.
      if (types.kind(ref) === Kind.PTR) {
        return declare(types, ref, `${q} ${decl}`.trimEnd(), depth + 1);
      }
      return `${q} ${declare(types, ref, decl, depth + 1)}`;
    }
    case Kind.TYPE_TAG:
    case Kind.VAR:
    case Kind.FUNC:
      return declare(types, ref, decl, depth + 1);
    default: {
      const base = specifier(types, id);
      if (decl === "") return base;
      return decl.startsWith("[") ? `${base}${decl}` : `${base} ${decl}`;
    }
  }
}

/**
 * The C spelling of type `id` (BTF's own names for base types, so `long unsigned int` as
 * pahole prints it); anonymous structs, unions and enums are `struct {...}` and so on.
 *
 * ```ts
 * typeName(types, resolvePath(types, "scx_rq.local_dsq").typeId); // "struct scx_dispatch_q"
 * typeName(types, resolvePath(types, "rq.curr").typeId); // "struct task_struct *"
 * typeName(types, resolvePath(types, "kernel_cpustat.cpustat").typeId); // "u64[10]"
 * typeName(types, resolvePath(types, "sched_class.pick_task").typeId);
 * // "struct task_struct * (*)(struct rq *, struct rq_flags *)"
 * ```
 */
export function typeName(types: BtfTypes, id: number): string {
  return declare(types, id, "");
}

/**
 * A declaration of `name` with type `id`, as in a struct body (`u64 cpustat[10]`,
 * `void (*func)(struct callback_head *)`).
 *
 * ```ts
 * declaration(types, resolvePath(types, "kernel_cpustat.cpustat").typeId, "cpustat"); // "u64 cpustat[10]"
 * ```
 */
export function declaration(types: BtfTypes, id: number, name: string): string {
  return declare(types, id, name);
}
