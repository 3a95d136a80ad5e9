import {
  GROUPS,
  GROUP_NAMES
} from "./chunk-KPYUDFQV.js";

// resolvers/fields.ts
function plain(path, type, source) {
  return {
    path,
    type,
    source,
    fallbacks: [],
    absent: "required"
  };
}
function groupInfo(path) {
  return {
    path,
    type: "group",
    source: "",
    fallbacks: [],
    absent: "null"
  };
}
function flatten(g, prefix, out) {
  for (const e of g.entries) {
    switch (e.kind) {
      case "field":
      case "set":
        for (const f of e.kind === "set" ? e.fields : [
          e
        ]) {
          out.push({
            path: `${prefix}.${f.key}`,
            type: f.mode === "sizeof" ? "size" : f.mode === "member" || f.mode === "direct" ? "offset" : f.mode,
            source: f.source,
            fallbacks: f.fallbacks,
            absent: e.kind === "set" ? "null" : f.absent,
            ...f.found ? {
              found: f.found
            } : {},
            ...f.mode === "direct" ? {
              direct: true
            } : {},
            ...e.kind === "set" ? {
              allOrNothing: true
            } : {}
          });
        }
        break;
      case "map":
        out.push(plain(`${prefix}.${e.key}`, "map", e.source));
        break;
      case "derived":
        out.push(plain(`${prefix}.${e.key}`, e.key === "missing_groups" ? "names" : "computed", e.source));
        break;
      case "sub":
        out.push(groupInfo(`${prefix}.${e.key}`));
        flatten(e.group, `${prefix}.${e.key}`, out);
        break;
      case "check":
        break;
    }
  }
  return out;
}
var FIELDS = GROUP_NAMES.flatMap((name) => [
  groupInfo(name),
  ...flatten(GROUPS[name], name, [])
]);
var BY_PATH = new Map(FIELDS.map((f) => [
  f.path,
  f
]));
function fieldAt(path) {
  return BY_PATH.get(path);
}
function sourceAt(path, via) {
  if (via[path] !== void 0) return via[path];
  const known = fieldAt(path);
  if (known) return known.source;
  const cut = path.lastIndexOf(".");
  const parent = fieldAt(path.slice(0, cut));
  if (parent?.type === "map") return `${parent.source.split(".")[0]}.${path.slice(cut + 1)}`;
  return "";
}

// resolvers/paths.ts
var GROUP_PATHS = FIELDS.filter((f) => f.type === "group").map((f) => f.path);
function topGroup(path) {
  return path.split(".")[0];
}
function valueAt(offsets, path) {
  const [first, ...rest] = path.split(".");
  let value = offsets[first];
  for (const key of rest) {
    if (value === null || value === void 0) return value;
    value = value[key];
  }
  return value;
}

export {
  fieldAt,
  sourceAt,
  GROUP_PATHS,
  topGroup,
  valueAt
};
