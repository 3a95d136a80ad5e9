/**
 * ktstr-btf: read a Linux kernel's BTF and resolve the byte offsets of the kernel struct
 * fields a host-side sched_ext monitor reads.
 *
 * ```ts
 * import { findStruct, loadBtf, memberOffset, resolveOffsets } from "./mod.ts";
 *
 * const { types } = loadBtf("/sys/kernel/btf/vmlinux");
 * console.log(memberOffset(types, findStruct(types, "rq"), "nr_running"));
 * const { offsets, missing } = resolveOffsets(types, ["bpf_map", "idr"]);
 * ```
 *
 * The API, in groups:
 * - the pure core (format layer, lookups, groups, report objects): everything of `./core.ts`,
 *   also importable alone (it runs in Node ≥ 22 too);
 * - loading files: {@link loadBtf}, {@link loadBtfCached}, {@link loadHostBtf}, and for every
 *   kernel input (compressed images and modules, standard input) {@link loadKernelCached} and
 *   {@link loadImage};
 * - the kernel cache: {@link cacheRoot}, {@link listEntries}, {@link addEntry},
 *   {@link addKernelEntry}, {@link cleanEntries};
 * - the worker pool: {@link WorkerPool}, {@link resolvePooled}, {@link loadPooled}.
 *
 * The group declaration DSL is a sub-path export (`@ktstr/btf/dsl`); the CLI is
 * `@ktstr/btf/cli`. Field reference: docs/FIELDS.md.
 * @module
 */
export * from "./core.ts";

// Loading files.
export { loadBtf, type LoadedBtf } from "./load/file.ts";
export { type CachedBtf, type CacheOptions, loadBtfCached } from "./load/sidecar.ts";
export { HOST_BTF_PATH, loadHostBtf } from "./load/memo.ts";
export { addKernelEntry, loadImage, loadKernelCached } from "./load/image.ts";

// The kernel cache (ktstr's layout: <root>/<key>/vmlinux, its .btf sidecar, metadata.json).
export {
  addEntry,
  type AddResult,
  type CacheEntryInfo,
  cleanEntries,
  type CleanResult,
  type ExtractedElf,
  type KtstrMetadata,
  listEntries,
} from "./load/entries.ts";
export { cacheRoot, type SidecarState } from "./load/sidecar.ts";
export { CacheError, type EnvLike } from "./load/cache_root.ts";

// The worker pool.
export { type PoolOptions, WorkerPool } from "./workers/pool.ts";
export type * from "./workers/protocol.ts";
export {
  type FanoutOptions,
  loadPooled,
  type PooledKernel,
  resolvePooled,
} from "./workers/fanout.ts";

// What a kernel is built for (a report's source.arch, endianness, pointer_size).
export { archFromBtf, type MachineFacts, machineFacts } from "./btf/machine.ts";

// Reading a guest kernel from its memory (a QEMU dump, a kdump vmcore, /proc/kcore, a raw
// RAM file): memory source → kernel → snapshot.
export { GuestError } from "./guest/errors.ts";
export { type MemoryImage, openMemoryImage } from "./guest/image.ts";
export type { CoreNote, CoreSegment, ElfCore } from "./guest/elf_core.ts";
export { type Field, GuestView } from "./guest/view.ts";
export { type TranslatorOptions, type X86Paging, X86Translator } from "./guest/x86_64.ts";
export type { PhysicalMemory, PhysRange } from "./guest/physical.ts";
export { findKernel, type GuestKernel, type KernelInputs } from "./guest/kernel.ts";
export {
  type KallsymsTable,
  readKallsyms,
  type SymbolTable,
  type VirtualRead,
} from "./guest/kallsyms.ts";
export { parseSymbolsFile } from "./guest/symbols_file.ts";
export { parseVmcoreInfo, type VmcoreInfo } from "./guest/vmcoreinfo.ts";
export {
  type Count,
  type CurrTask,
  readRunQueues,
  type RqRow,
  type RqSnapshot,
  type ScxRq,
} from "./guest/rq.ts";
export {
  type Dsq,
  readScx,
  type RunnableList,
  type ScxSched,
  type ScxSnapshot,
  type ScxTask,
} from "./guest/scx.ts";
