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
export { BtfTypes, type NameLookup } from "./btf/table.ts";
export {
  freshSpace,
  type MemoryAdvice,
  type Region,
  TableArena,
  type TableSpace,
} from "./btf/arena.ts";

// Lookup primitives (the rules every group follows).
export {
  datasecVarOffset,
  type DirectMember,
  directMember,
  findMember,
  findStruct,
  findStructOrFwd,
  type FoundMember,
  memberOffset,
  resolveMemberStruct,
  resolveToStruct,
  stripQualifiers,
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
  type KernelConstants,
  kernelConstants,
  NUMA_EVENT,
  NUMA_EVENT_NAMES,
  PID_TYPE,
  type ResolvedConstants,
  SOFTIRQ_NAMES,
} from "./resolvers/constants.ts";

// The report objects `--json` prints, typed per group (generated from the declarations).
export type * from "./report/offsets_types.ts";
export {
  errorEntry,
  type KernelError,
  type KernelReport,
  kernelReport,
  SIDECAR_STATUSES,
  type SidecarStatus,
  type SourceInfo,
} from "./report/json.ts";

// Queries: any question about a kernel's types (struct layouts, member paths, enums, what
// changed between two kernels). Pure, like the rest of the core.
export { type TypeKind, typeKind } from "./query/kind.ts";
export { compositeOf, type Member, members } from "./query/members.ts";
export { pointerSize, sizeOf } from "./query/size.ts";
export { declaration, typeName } from "./query/type_name.ts";
export {
  type Hole,
  type Layout,
  type LayoutMember,
  structLayout,
  structsNamed,
} from "./query/layout.ts";
export { type PathHop, type ResolvedPath, resolvePath } from "./query/path.ts";
export { type EnumAnswer, type EnumDefinition, lookupEnum } from "./query/enum.ts";
export {
  type Change,
  type ChangeClass,
  declaredProvenance,
  diffLayouts,
  diffReports,
  type Provenance,
  type ReportView,
} from "./query/diff.ts";
