import {
  compositeOf,
  members,
  sizeOf,
  typeName
} from "./chunk-JKW7PNJV.js";
import {
  findMember,
  stripQualifiers
} from "./chunk-KPYUDFQV.js";
import {
  Kind,
  isComposite
} from "./chunk-QDGSS5JZ.js";
import {
  BtfError
} from "./chunk-PX3IRLHB.js";

// query/layout.ts
var MAX_DEPTH = 32;
function structLayout(types, id, expand = []) {
  const struct = compositeOf(types, id);
  const wanted = /* @__PURE__ */ new Set();
  for (const path of expand) for (const key of expandKeys(types, struct, path)) wanted.add(key);
  return layoutAt(types, struct, 0, wanted, 0);
}
function expandKeys(types, struct, path) {
  const keys = [];
  let current = struct, base = 0;
  for (const name of path.split(".")) {
    const found = findMember(types, current, name);
    base += found.offset;
    const target = stripQualifiers(types, found.type);
    if (!isComposite(types.kind(target))) {
      throw new BtfError(`btf: cannot expand '${path}': '${name}' is ${typeName(types, found.type)}, not a struct or union`);
    }
    keys.push(`${base}:${found.type}:${name}`);
    current = target;
  }
  return keys;
}
function layoutAt(types, id, base, wanted, depth) {
  const kind = types.kind(id) === Kind.UNION ? "union" : "struct";
  const size = types.size(id);
  const rows = [];
  const holes = [];
  let end = base * 8, unitEnd = end;
  for (const m of members(types, id)) {
    const at = base * 8 + m.bitOffset;
    if (kind === "struct" && at > end && rows.length > 0) {
      const after = rows.length - 1;
      if (unitEnd > end) {
        const bits = Math.min(at, unitEnd) - end;
        holes.push({
          after,
          offset: Math.floor(end / 8),
          bits,
          inUnit: true
        });
      }
      const from = Math.max(end, unitEnd);
      if (at > from) holes.push({
        after,
        offset: from / 8,
        bits: at - from,
        inUnit: false
      });
    }
    const row = {
      name: m.name,
      offset: base + m.offset,
      size: sizeOf(types, m.typeId),
      typeId: m.typeId,
      type: typeName(types, m.typeId)
    };
    if (m.bitSize > 0) {
      row.bitOffset = m.bitOffset - m.offset * 8;
      row.bitSize = m.bitSize;
    }
    const target = stripQualifiers(types, m.typeId);
    const key = `${row.offset}:${m.typeId}:${m.name}`;
    const anonymous = m.name === "" || isComposite(types.kind(m.typeId)) && types.nameOff(m.typeId) === 0;
    if (isComposite(types.kind(target)) && (anonymous || wanted.has(key)) && depth < MAX_DEPTH) {
      row.expanded = layoutAt(types, target, row.offset, wanted, depth + 1);
    }
    rows.push(row);
    const memberEnd = m.bitSize > 0 ? at + m.bitSize : at + row.size * 8;
    end = Math.max(end, memberEnd);
    unitEnd = m.bitSize > 0 ? (row.offset + row.size) * 8 : end;
  }
  const used = Math.ceil(end / 8) - base;
  return {
    name: types.name(id),
    typeId: id,
    kind,
    offset: base,
    size,
    members: rows,
    holes,
    padding: Math.max(0, size - used)
  };
}
function structsNamed(types, name) {
  const ids = types.byName(name);
  if (ids.length === 0) throw new BtfError(`btf: type '${name}' not found`);
  const direct = ids.filter((id) => isComposite(types.kind(id)));
  if (direct.length > 0) return direct;
  const viaTypedef = ids.filter((id) => types.kind(id) === Kind.TYPEDEF).map((id) => stripQualifiers(types, id)).filter((id) => isComposite(types.kind(id)));
  if (viaTypedef.length > 0) return [
    ...new Set(viaTypedef)
  ];
  throw new BtfError(`btf: '${name}' exists but is not a struct or union`);
}

// report/layout.ts
var TYPE_WIDTH = 26;
var DECL_WIDTH = 48;
function columns(m) {
  const name = m.name + (m.bitSize !== void 0 ? `:${m.bitSize}` : "");
  const array = /^(.*?)((?:\[\d*\])+)$/.exec(m.type);
  if (array) return [
    array[1],
    name + array[2]
  ];
  const fn = /^(.*?) \((\*+)\)(\(.*\))$/.exec(m.type);
  if (fn) return [
    fn[1],
    `(${fn[2]}${name})${fn[3]}`
  ];
  return [
    m.type,
    name
  ];
}
function position(m) {
  const at = m.bitOffset !== void 0 ? `${String(m.offset).padStart(5)}:${String(m.bitOffset).padStart(2)}${String(m.size).padStart(3)}` : `${String(m.offset).padStart(5)} ${String(m.size).padStart(5)}`;
  return `/* ${at} */`;
}
function plural(n, unit) {
  return `${n} ${unit}${n === 1 ? "" : "s"}`;
}
function holeLine(h, indent) {
  const size = h.inUnit ? plural(h.bits, "bit") : plural(h.bits / 8, "byte");
  return `${indent}/* XXX ${size} hole, try to pack */`;
}
function bodyLines(layout, indent) {
  const lines = [];
  const width = DECL_WIDTH - 8 * (indent.length - 1);
  const typeWidth = Math.max(0, TYPE_WIDTH - 8 * (indent.length - 1));
  layout.members.forEach((m, i) => {
    if (m.expanded) {
      const inner = m.expanded;
      const label = inner.name ? `${inner.kind} ${inner.name}` : inner.kind;
      lines.push(`${indent}${label} {`, ...bodyLines(inner, indent + "	"));
      const close = `}${m.name ? ` ${m.name}` : ""};`;
      lines.push(`${indent}${close.padEnd(width)} ${position(m)}`);
    } else {
      const [type, name] = columns(m);
      const decl = `${type.padEnd(typeWidth)} ${name};`;
      lines.push(`${indent}${decl.padEnd(width)} ${position(m)}`);
    }
    const holes = layout.holes.filter((h) => h.after === i);
    if (holes.length > 0) lines.push("", ...holes.map((h) => holeLine(h, indent)), "");
  });
  return lines;
}
function byteHoles(layout) {
  const bytes = layout.holes.filter((h) => !h.inUnit);
  return [
    bytes.length,
    bytes.reduce((sum, h) => sum + h.bits / 8, 0)
  ];
}
function renderLayout(layout) {
  const head = `${layout.kind} ${layout.name || "{...}"} {`;
  const summary = [
    `size: ${layout.size}`,
    `members: ${layout.members.length}`
  ];
  const [holes, sum] = byteHoles(layout);
  if (holes > 0) summary.push(`holes: ${holes}`, `sum holes: ${sum}`);
  const bitHoles = layout.holes.filter((h) => h.inUnit);
  if (bitHoles.length > 0) {
    summary.push(`bit holes: ${bitHoles.length}`);
    summary.push(`sum bit holes: ${bitHoles.reduce((n, h) => n + h.bits, 0)} bits`);
  }
  if (layout.padding > 0) summary.push(`padding: ${layout.padding}`);
  return [
    `/* type id ${layout.typeId} */`,
    head,
    ...bodyLines(layout, "	"),
    "",
    `	/* ${summary.join(", ")} */`,
    "};",
    ""
  ].join("\n");
}
function layoutJson(layout) {
  return {
    name: layout.name,
    type_id: layout.typeId,
    kind: layout.kind,
    offset: layout.offset,
    size: layout.size,
    members: layout.members.map((m) => ({
      name: m.name,
      offset: m.offset,
      size: m.size,
      ...m.bitSize !== void 0 ? {
        bit_offset: m.bitOffset,
        bit_size: m.bitSize
      } : {},
      type: m.type,
      type_id: m.typeId,
      ...m.expanded ? {
        expanded: layoutJson(m.expanded)
      } : {}
    })),
    holes: layout.holes.map((h) => ({
      after: layout.members[h.after].name,
      offset: h.offset,
      bits: h.bits,
      in_unit: h.inUnit
    })),
    padding: layout.padding
  };
}

export {
  structLayout,
  structsNamed,
  plural,
  renderLayout,
  layoutJson
};
