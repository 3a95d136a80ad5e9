import {
  ONE_KERNEL_HELP,
  ONE_KERNEL_OPTIONS,
  answerEach,
  loadOne
} from "./chunk-UTSOQNXA.js";
import {
  compositeOf,
  sizeOf,
  typeName
} from "./chunk-JKW7PNJV.js";
import "./chunk-CUQYIH7F.js";
import {
  ENVIRONMENT_HELP,
  command
} from "./chunk-FV6Q3LDB.js";
import {
  UsageError
} from "./chunk-JYKSHZY5.js";
import {
  findMember,
  findStruct,
  stripQualifiers
} from "./chunk-KPYUDFQV.js";
import {
  Kind
} from "./chunk-QDGSS5JZ.js";
import {
  BtfError,
  withContext
} from "./chunk-PX3IRLHB.js";

// query/path.ts
function tokenize(expr) {
  const m = /^([A-Za-z_]\w*)/.exec(expr);
  if (!m) throw new BtfError(`btf: bad path '${expr}': it must start with a struct name`);
  const tokens = [];
  const step = /\.([A-Za-z_]\w*)|->([A-Za-z_]\w*)|\[(\d+)\]/y;
  step.lastIndex = m[0].length;
  while (step.lastIndex < expr.length) {
    const at = step.lastIndex;
    const s = step.exec(expr);
    if (!s) throw new BtfError(`btf: bad path '${expr}' at '${expr.slice(at)}'`);
    if (s[1] !== void 0) tokens.push({
      op: ".",
      name: s[1]
    });
    else if (s[2] !== void 0) tokens.push({
      op: "->",
      name: s[2]
    });
    else tokens.push({
      op: "[]",
      index: Number(s[3])
    });
  }
  return {
    base: m[1],
    tokens
  };
}
function structLabel(types, id) {
  return types.name(id) || typeName(types, id);
}
function resolvePath(types, expr) {
  const { base, tokens } = tokenize(expr);
  const hops = [];
  let baseName = base, done = base;
  let typeId = withContext(`btf: resolve ${expr}`, () => findStruct(types, base));
  let offset = 0, bitSize = 0;
  let chain = [];
  const finish = () => hops.push({
    base: baseName,
    expr: done,
    offset,
    size: sizeOf(types, typeId),
    typeId,
    type: typeName(types, typeId),
    bitSize,
    chain
  });
  for (const t of tokens) {
    withContext(`btf: resolve ${expr}`, () => {
      if (t.op === "[]") {
        const array = stripQualifiers(types, typeId);
        if (types.kind(array) !== Kind.ARRAY) {
          throw new BtfError(`btf: '${done}' is ${typeName(types, typeId)}, not an array`);
        }
        const length = types.word(array, 5);
        if (length > 0 && t.index >= length) {
          throw new BtfError(`btf: index ${t.index} is past the end of '${done}' (${length} elements)`);
        }
        typeId = types.word(array, 3);
        offset += t.index * sizeOf(types, typeId);
        done += `[${t.index}]`;
        chain[chain.length - 1] += `[${t.index}]`;
        return;
      }
      if (t.op === "->") {
        const ptr = stripQualifiers(types, typeId);
        if (types.kind(ptr) !== Kind.PTR) {
          throw new BtfError(`btf: '${done}' is ${typeName(types, typeId)}, not a pointer`);
        }
        finish();
        typeId = compositeOf(types, types.refType(ptr));
        baseName = structLabel(types, typeId);
        done = baseName;
        offset = 0;
        chain = [];
      } else if (types.kind(stripQualifiers(types, typeId)) === Kind.PTR) {
        throw new BtfError(`btf: '${done}' is a pointer: follow it with '->${t.name}'`);
      }
      const struct = compositeOf(types, typeId);
      const found = findMember(types, struct, t.name);
      offset += found.offset;
      typeId = found.type;
      bitSize = found.bitSize;
      done += `.${t.name}`;
      chain.push(`${structLabel(types, struct)}.${t.name}`);
    });
  }
  finish();
  return {
    ...hops[hops.length - 1],
    hops
  };
}

// report/path.ts
function hopLines(h, indent) {
  const bits = h.bitSize > 0 ? `  bitfield :${h.bitSize}` : "";
  return [
    `${indent}offset ${h.offset} (0x${h.offset.toString(16)})  size ${h.size}  ${h.type}${bits}`,
    `${indent}via ${h.chain.length > 0 ? h.chain.join(" > ") : h.base}`
  ];
}
function renderPath(expr, path) {
  const body = path.hops.length === 1 ? hopLines(path, "  ") : path.hops.flatMap((h) => [
    `  ${h.expr}`,
    ...hopLines(h, "    ")
  ]);
  return [
    expr,
    ...body,
    ""
  ].join("\n");
}
function hopJson(h) {
  return {
    base: h.base,
    expr: h.expr,
    offset: h.offset,
    size: h.size,
    type: h.type,
    type_id: h.typeId,
    ...h.bitSize > 0 ? {
      bit_size: h.bitSize
    } : {},
    chain: h.chain
  };
}
function pathJson(expr, path) {
  return {
    path: expr,
    ...hopJson(path),
    hops: path.hops.map(hopJson)
  };
}

// cli/offset.ts
var HELP = `Usage: ktstr-btf offset EXPR... [options]

Resolves each member path EXPR and prints its offset, size, C type and the
struct.member chain it went through. EXPR is a struct name followed by .member,
[index] and ->member steps:
  rq.scx.local_dsq.nr         members, through anonymous structs and unions
  kernel_cpustat.cpustat[5]   an array element
  rq.curr->scx.dsq_vtime      '->' follows a pointer: the offset of curr in rq,
                              then the offset of scx.dsq_vtime in task_struct
Lookups follow the groups' rules (README: Lookup rules): the first struct of the name, members
found as member_offset finds them. Quote EXPRs with '->' or '[' in a shell.

Options:
${ONE_KERNEL_HELP}

Exit codes: 0 every EXPR resolved, 1 an EXPR did not resolve or the kernel failed
to load, 2 usage error.

${ENVIRONMENT_HELP}
`;
var OFFSET_COMMAND = command({
  name: "offset",
  help: HELP,
  options: ONE_KERNEL_OPTIONS,
  async run(exprs, v, io) {
    if (exprs.length === 0) throw new UsageError("offset needs an EXPR");
    const kernel = await loadOne(v, io);
    if (!kernel) return 1;
    return answerEach(kernel, exprs, v.json ?? false, "paths", {
      answer: (types, arg) => resolvePath(types, arg),
      json: (arg, answer) => pathJson(arg, answer),
      text: (arg, answer) => renderPath(arg, answer)
    }, io);
  }
});
export {
  OFFSET_COMMAND
};
