/**
 * The `enum` command's output: an enum's enumerators (decimal and hex), or one value.
 * @module
 */
import { printable } from "../btf/errors.ts";
import type { EnumAnswer, EnumDefinition } from "../query/enum.ts";

/** Hex of a value as the C source would write it (two's complement for negatives). */
function hex(value: number | bigint, size: number): string {
  let v = BigInt(value);
  if (v < 0n) v += 1n << BigInt(8 * size);
  return `0x${v.toString(16)}`;
}

function header(e: EnumDefinition): string {
  const sign = e.signed ? "signed" : "unsigned";
  return `enum ${e.name} (type id ${e.typeId}, ${e.kind}, ${e.size} bytes, ${sign})`;
}

/**
 * Human output: each definition with its enumerators, or the enumerator's value. Control
 * characters in a name (BTF names are not checked to be identifiers) are escaped.
 */
export function renderEnum(answer: EnumAnswer): string {
  if ("found" in answer) {
    const f = answer.found, sign = f.signed ? "signed" : "unsigned";
    const where = f.enumName ? `enum ${f.enumName}` : "an anonymous enum";
    const value = `${f.value} (${hex(f.value, answer.size)})`;
    return printable(`${answer.enumerator} = ${value} in ${where} (type id ${f.typeId}, ${sign})`) +
      "\n";
  }
  return answer.enums.map((e) => {
    const width = Math.max(0, ...e.enumerators.map((x) => x.name.length));
    const values = e.enumerators.map((x) => String(x.value));
    const vwidth = Math.max(0, ...values.map((v) => v.length));
    const lines = e.enumerators.map((x, i) =>
      `  ${x.name.padEnd(width)}  ${values[i].padStart(vwidth)}  ${hex(x.value, e.size)}`
    );
    return [header(e), ...lines].map(printable).join("\n") + "\n";
  }).join("\n");
}

/** A value as exact JSON: a number, or a raw integer literal when it is a bigint. */
function exact(value: number | bigint): unknown {
  return typeof value === "bigint"
    ? (JSON as unknown as { rawJSON(text: string): unknown }).rawJSON(value.toString())
    : value;
}

/** JSON output: exact integers even past 2^53 (printed as integer literals). */
export function enumJson(answer: EnumAnswer): unknown {
  if ("found" in answer) {
    const f = answer.found;
    return {
      enumerator: answer.enumerator,
      value: exact(f.value),
      signed: f.signed,
      enum: f.enumName,
      type_id: f.typeId,
    };
  }
  return {
    enums: answer.enums.map((e) => ({
      name: e.name,
      type_id: e.typeId,
      kind: e.kind,
      size: e.size,
      signed: e.signed,
      enumerators: e.enumerators.map((x) => ({ name: x.name, value: exact(x.value) })),
    })),
  };
}
