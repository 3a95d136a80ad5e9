import {
  GROUP_PATHS,
  fieldAt,
  sourceAt,
  topGroup,
  valueAt
} from "./chunk-23YUCTN2.js";
import {
  plural,
  structLayout
} from "./chunk-IHGETZDS.js";
import "./chunk-JKW7PNJV.js";
import {
  errorEntry,
  loadKernels
} from "./chunk-CUQYIH7F.js";
import {
  ENVIRONMENT_HELP,
  LOAD_OPTIONS,
  LOAD_OPTIONS_HELP,
  command,
  loadOptions
} from "./chunk-FV6Q3LDB.js";
import {
  UsageError,
  complain
} from "./chunk-JYKSHZY5.js";
import {
  GROUP_NAMES,
  findStruct
} from "./chunk-KPYUDFQV.js";
import "./chunk-QDGSS5JZ.js";
import {
  orNull
} from "./chunk-PX3IRLHB.js";

// query/diff.ts
function leaves(value2, path, into) {
  for (const [key, v] of Object.entries(value2)) {
    const here = `${path}.${key}`;
    if (v === null || typeof v === "number") into.set(here, v);
    else if (!Array.isArray(v)) leaves(v, here, into);
  }
}
function present(report, group) {
  const v = valueAt(report.offsets, group);
  return v !== null && v !== void 0;
}
function diffReports(a, b, provenance = declaredProvenance) {
  const changes = [];
  const groups = GROUP_PATHS.filter((g) => topGroup(g) in a.offsets || topGroup(g) in b.offsets);
  const skipped = [];
  for (const group of groups) {
    if (skipped.some((s) => group.startsWith(`${s}.`))) continue;
    const inA = present(a, group), inB = present(b, group);
    if (inA === inB) continue;
    skipped.push(group);
    changes.push({
      class: inA ? "removed" : "added",
      what: "group",
      path: group,
      from: null,
      to: null,
      reason: inA ? reasonOf(b, group) : reasonOf(a, group)
    });
  }
  const va = /* @__PURE__ */ new Map(), vb = /* @__PURE__ */ new Map();
  for (const [name, v] of Object.entries(a.offsets)) if (v) leaves(v, name, va);
  for (const [name, v] of Object.entries(b.offsets)) if (v) leaves(v, name, vb);
  const paths = [
    ...va.keys(),
    ...[
      ...vb.keys()
    ].filter((k) => !va.has(k))
  ];
  for (const path of paths) {
    if (skipped.some((s) => path.startsWith(`${s}.`))) continue;
    const from = va.get(path) ?? null, to = vb.get(path) ?? null;
    if (from === to) continue;
    const known = provenance(path, to === null ? a.via : b.via);
    const cls = from === null ? "added" : to === null ? "removed" : known?.size ? "resized" : "moved";
    const via = known?.via;
    changes.push({
      class: cls,
      what: "field",
      path,
      from,
      to,
      ...via ? {
        via
      } : {}
    });
  }
  return changes;
}
function declaredProvenance(path, via = {}) {
  const source = sourceAt(path, via);
  if (source === "") return void 0;
  return {
    via: source,
    size: fieldAt(path)?.type === "size"
  };
}
function reasonOf(report, group) {
  if (report.missing[group]) return report.missing[group];
  const parts = group.split(".");
  for (let i = parts.length - 1; i > 0; i--) {
    const parent = parts.slice(0, i).join(".");
    if (report.missing[parent]) return `${parent}: ${report.missing[parent]}`;
  }
  return "not resolved";
}
function membersByName(layout, into = /* @__PURE__ */ new Map()) {
  for (const m of layout.members) {
    if (m.name === "" && m.expanded) membersByName(m.expanded, into);
    else if (m.name !== "" && !into.has(m.name)) {
      const offset = m.bitSize !== void 0 ? m.offset * 8 + m.bitOffset : m.offset;
      into.set(m.name, [
        offset,
        m.size,
        m.bitSize !== void 0 ? "bits" : "bytes"
      ]);
    }
  }
  return into;
}
function diffLayouts(name, a, b) {
  if (a === null || b === null) {
    if (a === b) return [];
    return [
      {
        class: a ? "removed" : "added",
        what: "struct",
        path: name,
        from: a?.size ?? null,
        to: b?.size ?? null
      }
    ];
  }
  const changes = [];
  if (a.size !== b.size) {
    changes.push({
      class: "resized",
      what: "struct",
      path: name,
      from: a.size,
      to: b.size
    });
  }
  const ma = membersByName(a), mb = membersByName(b);
  for (const member of [
    ...ma.keys(),
    ...[
      ...mb.keys()
    ].filter((k) => !ma.has(k))
  ]) {
    const x = ma.get(member), y = mb.get(member);
    const path = `${name}.${member}`;
    if (!x || !y) {
      const cls = x ? "removed" : "added";
      changes.push({
        class: cls,
        what: "member",
        path,
        from: x?.[0] ?? null,
        to: y?.[0] ?? null
      });
    } else if (x[1] !== y[1]) {
      changes.push({
        class: "resized",
        what: "member",
        path,
        from: x[0],
        to: y[0],
        size: [
          x[1],
          y[1]
        ]
      });
    } else if (x[0] !== y[0] || x[2] !== y[2]) {
      changes.push({
        class: "moved",
        what: "member",
        path,
        from: x[0],
        to: y[0]
      });
    }
  }
  return changes;
}

// report/diff.ts
function value(v) {
  return v === null ? "\u2014" : String(v);
}
function changeLine(c, width) {
  const head = `  ${c.class.padEnd(8)} ${c.path.padEnd(width)}`;
  if (c.what === "group") {
    return `${head} ${c.class === "added" ? "was" : "now"} missing: ${c.reason}`;
  }
  const sizes = c.size ? `  size ${value(c.size[0])} \u2192 ${value(c.size[1])}` : "";
  const label = c.what === "struct" ? "size " : "";
  const via = c.via ? `  (${c.via})` : "";
  return `${head} ${label}${value(c.from).padStart(6)} \u2192 ${value(c.to)}${sizes}${via}`;
}
var MAX_PATH_WIDTH = 44;
function renderDiff(d) {
  const width = Math.min(MAX_PATH_WIDTH, Math.max(0, ...d.changes.map((c) => c.path.length)));
  const lines = [
    `--- ${d.from}`,
    `+++ ${d.to}`,
    ...d.changes.map((c) => changeLine(c, width))
  ];
  const n = d.changes.length;
  lines.push(n === 0 ? "  identical" : `  ${plural(n, "change")}`);
  return lines.join("\n") + "\n";
}
function diffJson(d) {
  return {
    from: d.from,
    to: d.to,
    identical: d.changes.length === 0,
    changes: d.changes
  };
}

// cli/diff.ts
var EXIT_DIFFER = 1;
var EXIT_TROUBLE = 2;
var HELP = `Usage: ktstr-btf diff A B [C...] [options]

Shows what changed from kernel A to kernel B (then B to C, ...): every offset group
leaf, the groups missing on one side, and with --struct the layouts of those structs.
Each change is moved, added, removed or resized, with the struct.member it reads.
A, B, ... are raw BTF, ELF vmlinux, vmlinuz, '-' for standard input, or cache keys.

Options:
  --struct NAME    also compare this struct's layout, member by member (repeatable)
${LOAD_OPTIONS_HELP}

Exit codes: 0 the kernels are identical, 1 they differ, 2 error (usage, or a kernel
failed to load).

${ENVIRONMENT_HELP}
`;
function layoutOf(types, name) {
  return orNull(() => structLayout(types, findStruct(types, name)));
}
var DIFF_COMMAND = command({
  name: "diff",
  help: HELP,
  options: {
    ...LOAD_OPTIONS,
    struct: {
      type: "string",
      multiple: true
    }
  },
  async run(paths, v, io) {
    if (paths.length < 2) throw new UsageError("diff needs two kernels, A and B");
    const structs = v.struct ?? [];
    const keep = structs.length > 0;
    const outcomes = await loadKernels(paths, loadOptions(v), [
      ...GROUP_NAMES
    ], io, keep);
    const failed = outcomes.filter((o) => "error" in o);
    if (failed.length > 0) {
      for (const o of failed) if ("error" in o) complain(io, o.error);
      if (v.json) {
        const entries = outcomes.map((o) => "error" in o ? errorEntry(o.path, o.error) : o.source);
        io.out(JSON.stringify({
          kernels: entries
        }, null, 2) + "\n");
      }
      return EXIT_TROUBLE;
    }
    const kernels = outcomes.flatMap((o) => "error" in o ? [] : [
      o
    ]);
    const diffs = [];
    for (let i = 1; i < kernels.length; i++) {
      const a = kernels[i - 1], b = kernels[i];
      const changes = diffReports(a.resolved, b.resolved);
      for (const name of structs) {
        changes.push(...diffLayouts(name, layoutOf(a.types, name), layoutOf(b.types, name)));
      }
      diffs.push({
        from: a.source.path,
        to: b.source.path,
        changes
      });
    }
    if (v.json) {
      const kernelSources = kernels.map((k) => k.source);
      io.out(JSON.stringify({
        kernels: kernelSources,
        diffs: diffs.map(diffJson)
      }, null, 2) + "\n");
    } else {
      io.out(diffs.map(renderDiff).join("\n"));
    }
    return diffs.some((d) => d.changes.length > 0) ? EXIT_DIFFER : 0;
  }
});
export {
  DIFF_COMMAND,
  EXIT_DIFFER,
  EXIT_TROUBLE
};
