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
export {
  type Enumerator,
  enumerators,
  type EnumValue,
  enumValue,
  enumValues,
} from "./btf/enums.ts";
export { loadBtf, type LoadedBtf } from "./load/file.ts";
export {
  addEntry,
  type AddResult,
  BtfMemo,
  type CachedBtf,
  type CacheEntryInfo,
  type CacheOptions,
  cacheRoot,
  cleanEntries,
  type CleanResult,
  entryVmlinuxPath,
  HOST_BTF_PATH,
  hostBtfMemo,
  isHostBtf,
  type KtstrMetadata,
  listEntries,
  loadBtfCached,
  loadBtfCachedWith,
  loadHostBtf,
  planSidecar,
  resolveKernelInput,
  type SidecarPlan,
  type SidecarState,
  sidecarState,
  writeFileAtomic,
} from "./load/cache.ts";
export {
  CACHE_DIR_ENV,
  CacheError,
  cacheKeyProblem,
  type EnvLike,
  isInsideRoot,
  resolveCacheRoot,
  validateCacheKey,
} from "./load/cache_root.ts";
export {
  GROUP_NAMES,
  type GroupName,
  type GroupOutcome,
  GROUPS,
  mergeOutcomes,
  type OffsetsReport,
  resolveNamedGroup,
  resolveOffsets,
} from "./resolvers/mod.ts";
export * from "./resolvers/dsl.ts";
export type * from "./workers/protocol.ts";
export { GROUP_PATHS, valueAt } from "./resolvers/paths.ts";
export {
  CONSTANTS,
  CPUTIME,
  NUMA_EVENT,
  NUMA_EVENT_NAMES,
  PID_TYPE,
  SOFTIRQ_NAMES,
} from "./resolvers/constants.ts";
export {
  type KernelReport,
  kernelReport,
  type SidecarStatus,
  type SourceInfo,
} from "./report/json.ts";
export { type PoolOptions, WorkerPool } from "./workers/pool.ts";
export {
  batchedLoader,
  type FanoutOptions,
  loadPooled,
  type PooledKernel,
  type PooledLoad,
  resolvePooled,
  shareTable,
} from "./workers/fanout.ts";
