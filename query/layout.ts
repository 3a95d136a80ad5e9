/**
 * A struct's layout as pahole shows it: every member with offset, size and C type, bitfields,
 * anonymous structs and unions expanded in place, holes and trailing padding.
 * @module
 */
import { BtfError } from "../btf/errors.ts";
import { Kind } from "../btf/kinds.ts";
import { findMember, stripQualifiers, typesNamed } from "../btf/queries.ts";
import { type BtfTypes, isComposite } from "../btf/table.ts";
import { compositeOf, members } from "./members.ts";
import { sizeOf } from "./size.ts";
import { typeName } from "./type_name.ts";

/** A gap the compiler left between two members. */
export interface Hole {
  /** Index in {@link Layout.members} of the member it follows. */
  after: number;
  /** Byte offset where it starts (from the outermost struct). */
  offset: number;
  /** Its size in bits. */
  bits: number;
  /**
   * True for the part of a bitfield's storage unit left unused (pahole's "bits hole"); the
   * gap after the unit is a separate hole counted in bytes.
   */
  inUnit: boolean;
}

/** One member of a {@link Layout}. */
export interface LayoutMember {
  /** Its name (`""` for an anonymous struct or union). */
  name: string;
  /** Byte offset from the start of the outermost struct (a bitfield's storage unit). */
  offset: number;
  /** sizeof its type (a bitfield's storage unit). */
  size: number;
  /** For a bitfield: bit offset inside the storage unit. */
  bitOffset?: number;
  /** For a bitfield: its width in bits. */
  bitSize?: number;
  /** Type id of the member. */
  typeId: number;
  /** Its C type (`struct task_struct *`, `u64[10]`). */
  type: string;
  /** The member's struct or union laid out in place (anonymous ones, and `--expand`ed ones). */
  expanded?: Layout;
}

/** The layout of one struct or union. */
export interface Layout {
  /** Its name (`""` when anonymous). */
  name: string;
  /** Its type id. */
  typeId: number;
  /** `struct` or `union`. */
  kind: "struct" | "union";
  /** Byte offset of its start from the outermost struct (0 for the outermost). */
  offset: number;
  /** Its BTF size in bytes. */
  size: number;
  /** Its direct members, in order. */
  members: LayoutMember[];
  /** Gaps between members (none in a union). */
  holes: Hole[];
  /** Bytes after the last member's end up to the size. */
  padding: number;
}

/** Nesting depth of expansions (guards corrupt BTF that nests a struct in itself). */
const MAX_DEPTH = 32;

/**
 * The layout of struct or union `id`. `expand` lists member paths (dotted, relative to the
 * struct, found as member_offset finds them) whose struct or union types are laid out in
 * place as well; every prefix of a path is expanded with it.
 *
 * ```ts
 * const rq = structLayout(types, findStruct(types, "rq"), ["scx"]);
 * rq.members.find((m) => m.name === "scx")?.expanded?.members[0].name; // "local_dsq"
 * ```
 */
export function structLayout(types: BtfTypes, id: number, expand: readonly string[] = []): Layout {
  const struct = compositeOf(types, id);
  const wanted = new Set<string>();
  for (const path of expand) for (const key of expandKeys(types, struct, path)) wanted.add(key);
  return layoutAt(types, struct, 0, wanted, 0);
}

/** `offset:typeId` keys of the members an `--expand` path names (each step's struct). */
function expandKeys(types: BtfTypes, struct: number, path: string): string[] {
  const keys: string[] = [];
  let current = struct, base = 0;
  for (const name of path.split(".")) {
    const found = findMember(types, current, name);
    base += found.offset;
    const target = stripQualifiers(types, found.type);
    if (!isComposite(types.kind(target))) {
      throw new BtfError(
        `btf: cannot expand '${path}': '${name}' is ${
          typeName(types, found.type)
        }, not a struct or union`,
      );
    }
    keys.push(`${base}:${found.type}:${name}`);
    current = target;
  }
  return keys;
}

function layoutAt(
  types: BtfTypes,
  id: number,
  base: number,
  wanted: Set<string>,
  depth: number,
): Layout {
  const kind = types.kind(id) === Kind.UNION ? "union" : "struct";
  const size = types.size(id);
  const rows: LayoutMember[] = [];
  const holes: Hole[] = [];
  // pahole's walk (dwarves' class__find_holes), in bits from the struct's start: `seen` is
  // where the members so far end; in a run of bitfields the bits up to the next member, or
  // to the end of the run's storage unit, are a bit hole, and whole bytes skipped otherwise
  // a byte hole; both are charged to the member before. A union has none.
  let seen = 0, inRun = false, runBits = 0, runEnd = size * 8, end = 0;
  for (const m of members(types, id)) {
    const row: LayoutMember = {
      name: m.name,
      offset: base + m.offset,
      size: sizeOf(types, m.typeId),
      typeId: m.typeId,
      type: typeName(types, m.typeId),
    };
    if (m.bitSize > 0) {
      row.bitOffset = m.bitOffset - m.offset * 8;
      row.bitSize = m.bitSize;
    }
    const start = m.bitOffset, stop = start + (m.bitSize > 0 ? m.bitSize : row.size * 8);
    end = Math.max(end, stop);
    if (kind === "struct") {
      let bitHole = 0, byteHole = 0, byteFrom = 0;
      const bitFrom = seen;
      if (inRun) {
        const runStop = Math.min(start, runEnd);
        bitHole = runStop - seen;
        seen = runStop;
      }
      if (m.bitSize > 0) {
        const unit = m.offset * 8;
        if (seen < unit && unit <= start) {
          byteFrom = seen;
          byteHole = m.offset - Math.trunc(seen / 8);
          seen = unit;
        }
        bitHole += start - seen;
      } else {
        byteFrom = seen;
        byteHole = Math.trunc(start / 8) - Math.trunc(seen / 8);
      }
      seen = stop;
      if (m.bitSize > 0) {
        inRun = true;
        if (stop > runEnd || row.size * 8 > runBits) {
          runBits = row.size * 8;
          runEnd = m.offset * 8 + runBits;
          if (stop > runEnd) runEnd += runBits;
        }
      } else {
        inRun = false;
        runBits = 0;
        runEnd = stop;
      }
      const after = rows.length - 1;
      if (after >= 0 && bitHole !== 0) {
        holes.push({ after, offset: base + Math.floor(bitFrom / 8), bits: bitHole, inUnit: true });
      }
      if (after >= 0 && byteHole > 0) {
        const offset = base + Math.trunc(byteFrom / 8);
        holes.push({ after, offset, bits: byteHole * 8, inUnit: false });
      }
    }
    const target = stripQualifiers(types, m.typeId);
    const key = `${row.offset}:${m.typeId}:${m.name}`;
    // Anonymous members and members of an anonymous struct or union type are laid out in
    // place (as pahole does), others only when `expand` asks.
    const anonymous = m.name === "" ||
      (isComposite(types.kind(m.typeId)) && types.nameOff(m.typeId) === 0);
    if (isComposite(types.kind(target)) && (anonymous || wanted.has(key)) && depth < MAX_DEPTH) {
      row.expanded = layoutAt(types, target, row.offset, wanted, depth + 1);
    }
    rows.push(row);
  }
  // A struct's padding is pahole's: after the last member (the end of its bitfield run's
  // storage unit); a union's, after its widest member.
  if (kind === "struct" && inRun) seen = Math.min(size * 8, runEnd);
  const used = kind === "struct" ? Math.trunc(seen / 8) : Math.ceil(end / 8);
  return {
    name: types.name(id),
    typeId: id,
    kind,
    offset: base,
    size,
    members: rows,
    holes,
    padding: Math.max(0, size - used),
  };
}

/**
 * Every struct or union named `name`, in type-id order (a kernel may define a name twice);
 * when none, the structs and unions that typedefs of that name stand for. None at all:
 * `btf: type '<name>' not found`, or `btf: '<name>' exists but is not a struct or union`.
 *
 * ```ts
 * structsNamed(types, "rq"); // [12345]
 * ```
 */
export function structsNamed(types: BtfTypes, name: string): number[] {
  const ids = typesNamed(types, name);
  const direct = ids.filter((id) => isComposite(types.kind(id)));
  if (direct.length > 0) return direct;
  const viaTypedef = ids.filter((id) => types.kind(id) === Kind.TYPEDEF)
    .map((id) => stripQualifiers(types, id)).filter((id) => isComposite(types.kind(id)));
  if (viaTypedef.length > 0) return [...new Set(viaTypedef)];
  throw new BtfError(`btf: '${name}' exists but is not a struct or union`);
}
