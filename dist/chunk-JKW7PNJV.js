import {
  stripQualifiers
} from "./chunk-KPYUDFQV.js";
import {
  Kind,
  isComposite,
  kindName,
  memberBits
} from "./chunk-QDGSS5JZ.js";
import {
  BtfError
} from "./chunk-PX3IRLHB.js";

// query/size.ts
var MAX_DEPTH = 64;
var pointerSizes = /* @__PURE__ */ new WeakMap();
function pointerSize(types) {
  let size = pointerSizes.get(types);
  if (size === void 0) {
    const int = (n) => types.byName(n).find((id) => types.kind(id) === Kind.INT);
    const long = int("long int") ?? int("long unsigned int");
    size = long === void 0 ? 8 : types.size(long);
    pointerSizes.set(types, size);
  }
  return size;
}
function sizeOf(types, id) {
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
      case Kind.PTR:
        return factor * pointerSize(types);
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

// query/members.ts
function compositeOf(types, id) {
  const target = stripQualifiers(types, id);
  if (!isComposite(types.kind(target))) {
    throw new BtfError(`btf: type id ${id} (${kindName(types.kind(target))}) is not a struct or union`);
  }
  return target;
}
function intBitfield(types, typeId) {
  if (types.kind(typeId) !== Kind.INT) return [
    0,
    0
  ];
  const data = types.word(typeId, 3), bits = data & 255, shift = data >>> 16 & 255;
  return bits !== types.size(typeId) * 8 || shift !== 0 ? [
    bits,
    shift
  ] : [
    0,
    0
  ];
}
function members(types, id) {
  const struct = compositeOf(types, id);
  const { words, at, count, kindFlag } = types.elements(struct);
  const list = [];
  for (let i = 0, w = at; i < count; i++, w += 3) {
    const typeId = words[w + 1];
    let bitOffset = memberBits(words[w + 2], kindFlag), bitSize = kindFlag ? words[w + 2] >>> 24 : 0;
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
    list.push({
      name: types.stringAt(words[w]),
      offset,
      bitOffset,
      bitSize,
      typeId
    });
  }
  return list;
}

// query/type_name.ts
var MAX_DEPTH2 = 32;
function specifier(types, id) {
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
function params(types, id, depth) {
  const { words, at, count } = types.elements(id);
  const list = [];
  for (let i = 0; i < count; i++) {
    const type = words[at + 2 * i + 1];
    list.push(type === 0 && i === count - 1 ? "..." : declare(types, type, "", depth + 1));
  }
  return list.length === 0 ? "void" : list.join(", ");
}
function declare(types, id, decl, depth = 0) {
  if (depth > MAX_DEPTH2) return `... ${decl}`.trimEnd();
  const ref = types.refType(id);
  switch (types.kind(id)) {
    case Kind.PTR: {
      const inner = `*${decl}`;
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
      const q = types.kind(id) === Kind.CONST ? "const" : types.kind(id) === Kind.VOLATILE ? "volatile" : "restrict";
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
function typeName(types, id) {
  return declare(types, id, "");
}

export {
  sizeOf,
  compositeOf,
  members,
  typeName
};
