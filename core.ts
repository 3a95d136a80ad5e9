/**
 * The pure core of ktstr-btf: the BTF format layer, the lookup primitives and the offset
 * groups, over bytes you already have. Nothing here touches the file system or Deno's APIs,
 * so it runs unchanged in Deno, in Node ≥ 22 (built-in type stripping) and in workers.
 *
 * ```ts
 * import { readFileSync } from "node:fs";
 * import { BtfTypes, findStruct, memberOffset, resolveOffsets } from "./core.ts";
 *
 * const types = BtfTypes.build(new Uint8Array(readFileSync("/sys/kernel/btf/vmlinux")));
 * console.log(memberOffset(types, findStruct(types, "rq"), "nr_running"));
 * console.log(resolveOffsets(types, ["idr"]).offsets.idr);
 * ```
 * @module
 */

// The format layer: recognise an input, parse the header, build the shared type table.
export { BtfError } from "./btf/errors.ts";
export { Kind, KIND_NAMES, kindName } from "./btf/kinds.ts";
export { type BtfHeader, parseHeader } from "./btf/header.ts";
export { type ByteSource, memorySource } from "./btf/elf.ts";
export { type BtfInput, extractBtf, type InputFormat } from "./btf/input.ts";
export { BtfTypes } from "./btf/table.ts";

// Lookup primitives (the rules every group follows).
export {
  datasecVarOffset,
  type DirectMember,
  directMember,
  findStruct,
  findStructOrFwd,
  memberOffset,
  resolveMemberStruct,
  resolveToStruct,
  type StructOrFwd,
  structSize,
} from "./btf/queries.ts";
export {
  type Enumerator,
  enumerators,
  type EnumValue,
  enumValue,
  enumValues,
} from "./btf/enums.ts";

// The offset groups (field reference: docs/FIELDS.md).
export {
  GROUP_NAMES,
  type GroupName,
  type GroupOutcome,
  type OffsetsReport,
  resolveNamedGroup,
  resolveOffsets,
} from "./resolvers/mod.ts";
export { GROUP_PATHS, valueAt } from "./resolvers/paths.ts";
export {
  CONSTANTS,
  CPUTIME,
  NUMA_EVENT,
  NUMA_EVENT_NAMES,
  PID_TYPE,
  SOFTIRQ_NAMES,
} from "./resolvers/constants.ts";

// The report objects `--json` prints.
export {
  errorEntry,
  type KernelError,
  type KernelReport,
  kernelReport,
  type SidecarStatus,
  type SourceInfo,
} from "./report/json.ts";
