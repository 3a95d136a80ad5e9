import {
  ONE_KERNEL_HELP,
  ONE_KERNEL_OPTIONS,
  answerEach,
  loadOne
} from "./chunk-UTSOQNXA.js";
import "./chunk-CUQYIH7F.js";
import {
  ENVIRONMENT_HELP,
  command
} from "./chunk-FV6Q3LDB.js";
import {
  UsageError
} from "./chunk-JYKSHZY5.js";
import {
  enumValue,
  enumerators
} from "./chunk-KPYUDFQV.js";
import {
  Kind
} from "./chunk-QDGSS5JZ.js";
import {
  BtfError
} from "./chunk-PX3IRLHB.js";

// query/enum.ts
function lookupEnum(types, name) {
  const ids = types.byName(name).filter((id) => {
    const k = types.kind(id);
    return k === Kind.ENUM || k === Kind.ENUM64;
  });
  if (ids.length > 0) {
    return {
      enums: ids.map((typeId) => ({
        typeId,
        name,
        kind: types.kind(typeId) === Kind.ENUM ? "ENUM" : "ENUM64",
        size: types.size(typeId),
        signed: types.kindFlag(typeId),
        enumerators: enumerators(types, typeId)
      }))
    };
  }
  const found = enumValue(types, name);
  if (found === null) throw new BtfError(`btf: no enum or enumerator named '${name}'`);
  return {
    enumerator: name,
    found,
    size: types.size(found.typeId)
  };
}

// report/enum.ts
function hex(value, size) {
  let v = BigInt(value);
  if (v < 0n) v += 1n << BigInt(8 * size);
  return `0x${v.toString(16)}`;
}
function header(e) {
  const sign = e.signed ? "signed" : "unsigned";
  return `enum ${e.name} (type id ${e.typeId}, ${e.kind}, ${e.size} bytes, ${sign})`;
}
function renderEnum(answer) {
  if ("found" in answer) {
    const f = answer.found, sign = f.signed ? "signed" : "unsigned";
    const where = f.enumName ? `enum ${f.enumName}` : "an anonymous enum";
    const value = `${f.value} (${hex(f.value, answer.size)})`;
    return `${answer.enumerator} = ${value} in ${where} (type id ${f.typeId}, ${sign})
`;
  }
  return answer.enums.map((e) => {
    const width = Math.max(0, ...e.enumerators.map((x) => x.name.length));
    const values = e.enumerators.map((x) => String(x.value));
    const vwidth = Math.max(0, ...values.map((v) => v.length));
    const lines = e.enumerators.map((x, i) => `  ${x.name.padEnd(width)}  ${values[i].padStart(vwidth)}  ${hex(x.value, e.size)}`);
    return [
      header(e),
      ...lines,
      ""
    ].join("\n");
  }).join("\n");
}
function exact(value) {
  return typeof value === "bigint" ? JSON.rawJSON(value.toString()) : value;
}
function enumJson(answer) {
  if ("found" in answer) {
    const f = answer.found;
    return {
      enumerator: answer.enumerator,
      value: exact(f.value),
      signed: f.signed,
      enum: f.enumName,
      type_id: f.typeId
    };
  }
  return {
    enums: answer.enums.map((e) => ({
      name: e.name,
      type_id: e.typeId,
      kind: e.kind,
      size: e.size,
      signed: e.signed,
      enumerators: e.enumerators.map((x) => ({
        name: x.name,
        value: exact(x.value)
      }))
    }))
  };
}

// cli/enum.ts
var HELP = `Usage: ktstr-btf enum NAME|ENUMERATOR... [options]

For an enum type NAME, prints every enumerator with its value (decimal and hex), and
the enum's type id, kind (ENUM or ENUM64), size and signedness; a name defined more
than once is printed once per definition. For an ENUMERATOR, prints its value and the
enum that holds it (the first in type-id order, as the groups read it). JSON values
are exact integers, also past 2^53.

Options:
${ONE_KERNEL_HELP}

Exit codes: 0 every argument found, 1 one was not an enum or enumerator or the kernel
failed to load, 2 usage error.

${ENVIRONMENT_HELP}
`;
var ENUM_COMMAND = command({
  name: "enum",
  help: HELP,
  options: ONE_KERNEL_OPTIONS,
  async run(names, v, io) {
    if (names.length === 0) throw new UsageError("enum needs a NAME or ENUMERATOR");
    const kernel = await loadOne(v, io);
    if (!kernel) return 1;
    return answerEach(kernel, names, v.json ?? false, "results", {
      answer: (types, arg) => lookupEnum(types, arg),
      json: (_arg, answer) => enumJson(answer),
      text: (_arg, answer) => renderEnum(answer)
    }, io);
  }
});
export {
  ENUM_COMMAND
};
