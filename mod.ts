/**
 * ktstr-btf: read a Linux kernel's BTF and resolve the byte offsets of the kernel struct
 * fields a host-side sched_ext monitor reads.
 *
 * ```ts
 * import { loadBtf, findStruct, memberOffset } from "./mod.ts";
 * const { types } = loadBtf("/sys/kernel/btf/vmlinux");
 * const rq = findStruct(types, "rq");
 * console.log(memberOffset(types, rq, "nr_running"));
 * ```
 * @module
 */
export { BtfError } from "./btf/errors.ts";
export { Kind, KIND_NAMES, kindName } from "./btf/kinds.ts";
export { type BtfHeader, parseHeader } from "./btf/header.ts";
export { type ByteSource, findElfSection, memorySource, type SectionRange } from "./btf/elf.ts";
export { type BtfInput, extractBtf, type InputFormat } from "./btf/input.ts";
export { BtfTypes } from "./btf/table.ts";
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
export { loadBtf, type LoadedBtf } from "./load/file.ts";
