/**
 * The file-system half of the BTF cache (README: The cache): sidecar reads and atomic writes beside
 * cached ELF vmlinux files, the in-process memo of `/sys/kernel/btf/vmlinux`, and the cache
 * entries `<root>/<key>/vmlinux` (+ `metadata.json`) that `cache list/add/clean` manage.
 *
 * Nothing is ever written outside the canonical cache root, and a read never creates it.
 * @module
 */
import { type ByteSource, hasElfMagic, memorySource } from "../btf/elf.ts";
import { hasBtfMagic } from "../btf/header.ts";
import { type BtfLocation, locateBtf } from "../btf/input.ts";
import { BtfError } from "../btf/errors.ts";
import type { InputFormat } from "../btf/input.ts";
import { BtfTypes } from "../btf/table.ts";
import type { TableSpace } from "../btf/arena.ts";
import type { SidecarStatus } from "../report/json.ts";
import {
  bannerVersion,
  baseName,
  CacheError,
  cacheKeyProblem,
  dirName,
  ENTRY_METADATA,
  ENTRY_VMLINUX,
  type EnvLike,
  isInsideRoot,
  joinPath,
  provenanceStamp,
  resolveCacheRoot,
  SIDECAR_SUFFIX,
  type SidecarFacts,
  sidecarFreshness,
  tempFileOwner,
  tempNameFor,
  TMP_PREFIX,
  tmpDirOwner,
  validateCacheKey,
} from "./cache_root.ts";
import {
  isStandardInput,
  loadBtf,
  loadBtfFrom,
  type LoadedBtf,
  openedAs,
  type OpenSource,
  osMessage,
  withInput,
} from "./file.ts";
import { BOOT_HEADER_BYTES } from "../btf/image/bzimage.ts";
import { isKernelImage } from "../btf/image/bzimage.ts";

/** The running kernel's BTF, memoized per process. */
export const HOST_BTF_PATH = "/sys/kernel/btf/vmlinux";

/** How a load uses the cache. */
export interface CacheOptions {
  /** False for `--no-cache`: no sidecar is read or written (default true). */
  enabled?: boolean;
  /** `--cache-dir`: the root for this call instead of the environment's. */
  root?: string;
  /** Where the root is looked up (default `Deno.env`). */
  env?: EnvLike;
  /** Receives warnings such as a failed sidecar write (default: stderr). */
  warn?: (message: string) => void;
  /** Where the tables' memory comes from (default: a new memory; btf/arena.ts recycles). */
  space?: TableSpace;
}

/** A loaded BTF plus what happened with its sidecar. */
export interface CachedBtf extends LoadedBtf {
  /** The sidecar outcome reported as `source.sidecar`. */
  sidecar: SidecarStatus;
}

/** The cache root for `opts` (as given, not canonical); throws CacheError for a bad HOME. */
export function cacheRoot(opts: CacheOptions = {}): string {
  return opts.root ?? resolveCacheRoot(opts.env ?? Deno.env);
}

function warnOf(opts: CacheOptions): (message: string) => void {
  return opts.warn ?? ((m) => console.error(`warning: ${m}`));
}

function realPath(path: string): string | undefined {
  try {
    return Deno.realPathSync(path);
  } catch {
    return undefined;
  }
}

function mtimeMs(info: Deno.FileInfo): number | null {
  return info.mtime ? info.mtime.getTime() : null;
}

/** The provenance stamp of the image whose fstat is `info`. */
function stampOf(info: Deno.FileInfo): number | null {
  return provenanceStamp({
    dev: info.dev,
    ino: info.ino,
    size: info.size,
    mtimeMs: mtimeMs(info),
    ctimeMs: info.ctime ? info.ctime.getTime() : null,
  });
}

/** Where a load stands with the cache before any BTF is read. */
export type SidecarPlan =
  | { kind: "none"; status: SidecarStatus }
  | {
    kind: "cache";
    /** `elf`, or `image` for a compressed kernel image (its sidecar holds the inner ELF's BTF). */
    format: "elf" | "image";
    /** Canonical ELF path (inside the canonical root). */
    elf: string;
    /** `<elf>.btf`. */
    sidecar: string;
    /** What provenance says (see sidecarFreshness in cache_root.ts). */
    freshness: "missing" | "stale" | "candidate";
    /** The ELF's provenance stamp: a sidecar written now gets it as its mtime. */
    stamp: number | null;
    /** Where the `.BTF` section lies in an ELF (null for a compressed image). */
    btf: BtfLocation | null;
  };

/**
 * Decides, from the opened input and the file system, whether it gets a sidecar: only an
 * ELF or a compressed kernel image whose canonical directory lies inside the canonical
 * cache root (symlinks resolved first). A root that cannot be resolved or does not exist
 * means nothing is inside it; standard input never gets one. Every such access also sweeps
 * the temp files of dead writers beside the sidecar.
 */
function planFor(input: OpenSource, path: string, opts: CacheOptions): SidecarPlan {
  if (isStandardInput(path) || input.info === null) {
    return { kind: "none", status: "not-applicable" };
  }
  const head = input.src.read(0, Math.min(BOOT_HEADER_BYTES, input.src.size));
  const format = hasElfMagic(head) ? "elf" : isKernelImage(head) ? "image" : undefined;
  if (format === undefined) return { kind: "none", status: "not-applicable" };
  if (opts.enabled === false) return { kind: "none", status: "disabled" };
  let root: string | undefined;
  try {
    root = realPath(cacheRoot(opts));
  } catch (err) {
    if (!(err instanceof CacheError)) throw err;
  }
  const elf = realPath(path);
  if (root === undefined || elf === undefined || !isInsideRoot(root, dirName(elf))) {
    return { kind: "none", status: "outside-cache" };
  }
  const sidecar = elf + SIDECAR_SUFFIX;
  sweepTempFiles(dirName(sidecar));
  // An ELF's section is found from its headers; an image's only by decompressing it, so
  // its sidecar is proven by the stamp alone.
  const btf = format === "elf" ? locateBtf(input.src) : null;
  const stamp = stampOf(input.info);
  const facts = { stamp, btfSize: btf?.size ?? null, sidecar: sidecarFacts(sidecar) };
  return { kind: "cache", format, elf, sidecar, freshness: sidecarFreshness(facts), stamp, btf };
}

/** lstat of a sidecar as {@link SidecarFacts} want it (a symlink is not regular), or null. */
function sidecarFacts(sidecar: string): SidecarFacts["sidecar"] {
  try {
    const info = Deno.lstatSync(sidecar);
    return { regular: info.isFile, size: info.size, mtime: mtimeMs(info), id: fileId(info) };
  } catch {
    return null;
  }
}

function fileId(info: Deno.FileInfo): string {
  return `${info.dev}:${info.ino}`;
}

/** {@link planFor} for a path (opened once, here); load errors are `btf: open <path>: ...`. */
export function planSidecar(path: string, opts: CacheOptions = {}): SidecarPlan {
  return openedAs(path, () => withInput(path, (input) => planFor(input, path, opts)));
}

/**
 * Reads a candidate sidecar: its table when the file opened is the regular file lstat sees
 * at the path (never a symlink's target, so a read never leaves the root), it still
 * carries the plan's stamp and size, is raw BTF, starts with the same bytes as the ELF's
 * `.BTF` section and parses; otherwise undefined (the ELF is read and the sidecar
 * rewritten). A sidecar replaced between the lstat and the open (a concurrent writer's
 * rename) is looked at again, a few times.
 */
function readSidecar(
  plan: Extract<SidecarPlan, { kind: "cache" }>,
  elf: OpenSource,
  base?: BtfTypes,
  space?: TableSpace,
): BtfTypes | undefined {
  for (let attempt = 0; attempt < 3; attempt++) {
    const seen = sidecarFacts(plan.sidecar);
    const facts = { stamp: plan.stamp, btfSize: plan.btf?.size ?? null, sidecar: seen };
    if (!seen || sidecarFreshness(facts) !== "candidate") return undefined;
    try {
      const types = withInput(plan.sidecar, (input) => {
        if (input.info === null || fileId(input.info) !== seen.id) return null;
        const n = Math.min(HEAD_CHECK_BYTES, input.info.size);
        const mine = input.src.read(0, n);
        const theirs = plan.btf ? elf.src.read(plan.btf.offset, n) : mine;
        if (!hasBtfMagic(mine) || mine.some((b, k) => b !== theirs[k])) return undefined;
        const loaded = loadBtfFrom(input, plan.sidecar, base, space);
        return loaded.format === "raw" ? loaded.types : undefined;
      });
      if (types !== null) return types;
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/** Bytes at the start of a sidecar compared with the ELF's `.BTF` section on a hit. */
const HEAD_CHECK_BYTES = 4096;

/** Writes the sidecar of `plan` from `types`; a failure is a warning, never an error. */
function finishSidecar(
  plan: Extract<SidecarPlan, { kind: "cache" }>,
  types: BtfTypes,
  opts: CacheOptions,
): SidecarStatus {
  try {
    writeFileAtomic(plan.sidecar, types.rawBytes().slice(), plan.stamp ?? undefined);
    return plan.freshness === "missing" ? "written" : "rewritten";
  } catch (err) {
    warnOf(opts)(`sidecar ${plan.sidecar}: write failed: ${osMessage(err)}`);
    return "write-failed";
  }
}

/**
 * Loads `path` through the cache: the host BTF from the memo, an ELF inside the cache root
 * from its sidecar when that provably belongs to it (else from the ELF, then the sidecar is
 * (re)written), anything else as {@link loadBtf} does. The input is opened once. Load errors
 * are those of loadBtf (`btf: open <path>: ...`).
 */
export function loadBtfCached(
  path: string,
  opts: CacheOptions = {},
  base?: BtfTypes,
): CachedBtf {
  if (base === undefined && isHostBtf(path)) {
    return { ...hostBtfMemo.get(), path, sidecar: "not-applicable" };
  }
  return openedAs(path, () =>
    withInput(path, (input) => {
      const plan = planFor(input, path, opts);
      if (plan.kind === "none") {
        return { ...loadBtfFrom(input, path, base, opts.space), sidecar: plan.status };
      }
      if (plan.freshness === "candidate") {
        const types = readSidecar(plan, input, base, opts.space);
        if (types) {
          return { path, format: plan.format, types, sidecar: "hit" as const };
        }
      }
      const loaded = loadBtfFrom(input, path, base, opts.space);
      return { ...loaded, sidecar: finishSidecar(plan, loaded.types, opts) };
    }));
}

/**
 * The same as {@link loadBtfCached} with the parse done by `load` (e.g. a worker pool's
 * `load`), which is handed either the sidecar (raw BTF) or the original path, and whether
 * the table is needed afterwards (to write the sidecar from); only then must it return one.
 * The plan (provenance included) is made here; the pool reads the file it is handed.
 */
export async function loadBtfCachedWith<T extends { format: InputFormat; types?: BtfTypes }>(
  path: string,
  opts: CacheOptions,
  load: (path: string, needTable: boolean) => Promise<T>,
): Promise<T & { sidecar: SidecarStatus }> {
  const plan = planSidecar(path, opts);
  if (plan.kind === "none") return { ...await load(path, false), sidecar: plan.status };
  if (plan.freshness === "candidate") {
    try {
      const fromSidecar = await load(plan.sidecar, false);
      const size = plan.btf?.size ?? fromSidecar.types?.btfBytes;
      if (fromSidecar.format === "raw" && (fromSidecar.types?.btfBytes ?? size) === size) {
        return { ...fromSidecar, format: plan.format, sidecar: "hit" };
      }
    } catch {
      // Corrupt sidecar: fall back to the ELF and rewrite it.
    }
  }
  const loaded = await load(path, true);
  return { ...loaded, sidecar: finishSidecar(plan, loaded.types!, opts) };
}

/** A value loaded once and shared; a failed load is not remembered (the next call retries). */
export class BtfMemo {
  #value: LoadedBtf | undefined;
  #loads = 0;
  readonly #load: () => LoadedBtf;

  /** Memoizes `load`. */
  constructor(load: () => LoadedBtf) {
    this.#load = load;
  }

  /** The loaded value, loading it on the first call (or after a failure). */
  get(): LoadedBtf {
    if (this.#value) return this.#value;
    this.#loads++;
    const value = this.#load();
    this.#value = value;
    return value;
  }

  /** How many times the loader ran. */
  get loads(): number {
    return this.#loads;
  }

  /** Forgets the value. */
  clear(): void {
    this.#value = undefined;
  }
}

/** The process-wide memo of {@link HOST_BTF_PATH}. */
export const hostBtfMemo: BtfMemo = new BtfMemo(() => loadBtf(HOST_BTF_PATH));

/** Whether `path` names the running kernel's BTF (after resolving symlinks). */
export function isHostBtf(path: string): boolean {
  return path === HOST_BTF_PATH || realPath(path) === HOST_BTF_PATH;
}

/** The running kernel's BTF, parsed once per process. */
export function loadHostBtf(): LoadedBtf {
  return hostBtfMemo.get();
}

// ---------------------------------------------------------------------------------------
// Atomic writes

function nonce(): string {
  return crypto.getRandomValues(new Uint32Array(1))[0].toString(16).padStart(8, "0");
}

/** Whether process `pid` is known to be gone (false when unsure). */
function pidIsDead(pid: number): boolean {
  if (pid === Deno.pid) return false;
  try {
    Deno.statSync("/proc/self");
  } catch {
    return false;
  }
  try {
    Deno.statSync(`/proc/${pid}`);
    return false;
  } catch {
    return true;
  }
}

/**
 * Removes the temporary files (`.<name>.tmp-<nonce>-<pid>`) that writers which died left in
 * `dir`; returns their names. A file whose writer is alive (or may be: pid reuse) is kept,
 * and an entry that cannot be removed is skipped, never the end of the sweep.
 */
export function sweepTempFiles(dir: string): string[] {
  // An unreadable directory fails the write itself.
  return sweepDead(dir, tempFileOwner, false);
}

/**
 * Removes the entries of `dir` whose `owner` (the pid in their name) is known to be dead,
 * recursively when `recursive`; returns their names. An unreadable `dir` removes nothing,
 * and an entry that cannot be removed (or is gone already) is skipped, never the end of the
 * sweep: the next sweep tries again.
 */
function sweepDead(
  dir: string,
  owner: (name: string) => number | undefined,
  recursive: boolean,
): string[] {
  const removed: string[] = [];
  let names: string[];
  try {
    names = [...Deno.readDirSync(dir)].map((e) => e.name);
  } catch {
    return removed;
  }
  for (const name of names) {
    const pid = owner(name);
    if (pid === undefined || !pidIsDead(pid)) continue;
    try {
      Deno.removeSync(joinPath(dir, name), { recursive });
      removed.push(name);
    } catch {
      // Not removable now: the next sweep tries again; the others are still swept.
    }
  }
  return removed;
}

function writeAll(file: Deno.FsFile, bytes: Uint8Array): void {
  for (let done = 0; done < bytes.length;) done += file.writeSync(bytes.subarray(done));
}

/** Creates `path` (it must not exist) with `bytes` and, if given, mtime `mtimeMs`, fsynced. */
function writeFileSynced(path: string, bytes: Uint8Array, mtimeMs?: number): void {
  using file = Deno.openSync(path, { write: true, createNew: true, mode: 0o644 });
  writeAll(file, bytes);
  if (mtimeMs !== undefined) file.utimeSync(new Date(), new Date(mtimeMs));
  file.syncSync();
}

function syncDir(dir: string): void {
  try {
    using d = Deno.openSync(dir, { read: true });
    d.syncSync();
  } catch {
    // Not every file system lets a directory be fsynced.
  }
}

/**
 * Writes `bytes` to `target` atomically: a temporary file in the same directory (its mtime
 * set to `mtimeMs` when given), fsync, rename over `target`. Readers see the old file or the
 * new one, never a part; the temporary file never outlives this call (unless the process
 * dies: then the next access sweeps it).
 */
export function writeFileAtomic(target: string, bytes: Uint8Array, mtimeMs?: number): void {
  sweepTempFiles(dirName(target));
  const tmp = tempNameFor(target, Deno.pid, nonce());
  try {
    writeFileSynced(tmp, bytes, mtimeMs);
    Deno.renameSync(tmp, target);
  } catch (err) {
    try {
      Deno.removeSync(tmp);
    } catch {
      // It was never created.
    }
    throw err;
  }
  syncDir(dirName(target));
}

// ---------------------------------------------------------------------------------------
// Cache entries

/** Sidecar state shown by `cache list`. */
export type SidecarState = "fresh" | "stale" | "invalid" | "missing" | "outside-cache";

/** One cache entry as `cache list` shows it. */
export interface CacheEntryInfo {
  /** The key (directory name). */
  key: string;
  /** The entry's `vmlinux`. */
  path: string;
  /** Kernel version from metadata.json, or null. */
  version: string | null;
  /** Size of `vmlinux` in bytes. */
  size: number;
  /** Whether `vmlinux.btf` is fresh (would be a hit). */
  sidecar: SidecarState;
  /** metadata.json `built_at`, or null. */
  built_at: string | null;
}

/** ktstr's metadata.json (the fields this tool writes; ktstr's own names). */
export interface KtstrMetadata {
  /** Kernel release (from the image's `Linux version` banner), or null. */
  version: string | null;
  /** How the kernel was acquired: always `local` here, with the source directory. */
  source: { type: "local"; source_tree_path: string | null; git_hash: string | null };
  /** Architecture from the ELF header (`x86_64`, `aarch64`, ...). */
  arch: string;
  /** The entry's image file: `vmlinux` (no boot image is cached by this tool). */
  image_name: string;
  /** Always null: the kernel config is not known. */
  config_hash: string | null;
  /** When the entry was added (ISO 8601). */
  built_at: string;
  /** Always null. */
  ktstr_kconfig_hash: string | null;
  /** Always null. */
  extra_kconfig_hash: string | null;
  /** Always true. */
  has_vmlinux: boolean;
  /** Always false: the vmlinux is copied as is. */
  vmlinux_stripped: boolean;
  /** Size of the source vmlinux when it was added. */
  source_vmlinux_size: number | null;
  /** Modification time (seconds) of the source vmlinux when it was added. */
  source_vmlinux_mtime_secs: number | null;
}

/** `<root>/<key>/vmlinux` for a valid key (CacheError otherwise). */
export function entryVmlinuxPath(root: string, key: string): string {
  return joinPath(joinPath(root, validateCacheKey(key)), ENTRY_VMLINUX);
}

/**
 * The input a `kernel` argument names: the argument itself when it exists as a path, else
 * the `vmlinux` of the cache entry with that key when there is one, else the argument (whose
 * load then fails with the usual message).
 */
export function resolveKernelInput(arg: string, opts: CacheOptions = {}): string {
  try {
    Deno.statSync(arg);
    return arg;
  } catch {
    // Not a path: maybe a key.
  }
  if (cacheKeyProblem(arg) !== undefined) return arg;
  try {
    const vmlinux = entryVmlinuxPath(cacheRoot(opts), arg);
    if (Deno.statSync(vmlinux).isFile) return vmlinux;
  } catch {
    // No root, no entry.
  }
  return arg;
}

/** Whether the sidecar of `vmlinux` would be a hit now (without writing anything). */
export function sidecarState(vmlinux: string, root: string): SidecarState {
  try {
    return withInput(vmlinux, (input) => {
      const plan = planFor(input, vmlinux, { root });
      if (plan.kind === "none") return "outside-cache";
      if (plan.freshness !== "candidate") return plan.freshness;
      return readSidecar(plan, input) ? "fresh" : "invalid";
    });
  } catch (err) {
    if (err instanceof BtfError) return "invalid";
    throw err;
  }
}

function readMetadata(dir: string): Partial<KtstrMetadata> {
  try {
    const value = JSON.parse(Deno.readTextFileSync(joinPath(dir, ENTRY_METADATA)));
    return value !== null && typeof value === "object" ? value : {};
  } catch {
    return {};
  }
}

/** The entries under `root` (newest first); a missing root has none and is not created. */
export function listEntries(root: string): CacheEntryInfo[] {
  let names: string[];
  try {
    names = [...Deno.readDirSync(root)].filter((e) => e.isDirectory).map((e) => e.name);
  } catch (err) {
    if (err instanceof Deno.errors.NotFound) return [];
    throw new CacheError(`cache: read ${root}: ${osMessage(err)}`);
  }
  const entries: (CacheEntryInfo & { time: number })[] = [];
  for (const key of names) {
    if (key.startsWith(".")) continue;
    const dir = joinPath(root, key), path = joinPath(dir, ENTRY_VMLINUX);
    let info: Deno.FileInfo;
    try {
      info = Deno.statSync(path);
      if (!info.isFile) continue;
    } catch {
      continue;
    }
    const meta = readMetadata(dir);
    const built = typeof meta.built_at === "string" ? meta.built_at : null;
    const builtMs = built === null ? NaN : Date.parse(built);
    entries.push({
      key,
      path,
      version: typeof meta.version === "string" ? meta.version : null,
      size: info.size,
      sidecar: sidecarState(path, root),
      built_at: built,
      time: Number.isNaN(builtMs) ? (mtimeMs(info) ?? 0) : builtMs,
    });
  }
  entries.sort((a, b) => b.time - a.time || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return entries.map(({ time: _time, ...e }) => e);
}

/**
 * The kernel release in the `Linux version ...` banner of an image, if present; only a
 * banner starting before byte `before` counts.
 */
export function findBannerVersion(
  bytes: Uint8Array,
  before: number = bytes.length,
): string | undefined {
  const banner = new TextEncoder().encode("Linux version ");
  // Uint8Array.indexOf is a native byte search: jump between candidate first bytes.
  for (
    let at = bytes.indexOf(banner[0]);
    at >= 0 && at < before;
    at = bytes.indexOf(banner[0], at + 1)
  ) {
    let i = 1;
    while (i < banner.length && bytes[at + i] === banner[i]) i++;
    if (i === banner.length) {
      return bannerVersion(new TextDecoder("latin1").decode(bytes.subarray(at, at + 256)));
    }
  }
  return undefined;
}

const ELF_ARCH: Record<number, string> = {
  3: "x86",
  62: "x86_64",
  183: "aarch64",
  243: "riscv64",
  21: "powerpc64",
  22: "s390x",
};

function elfArch(bytes: Uint8Array): string {
  const machine = bytes.length >= 20 ? bytes[18] | (bytes[19] << 8) : -1;
  return ELF_ARCH[machine] ?? Deno.build.arch;
}

let renameat2:
  | ((from: Uint8Array, to: Uint8Array, flags: number) => number)
  | null
  | undefined;

/** renameat2(RENAME_EXCHANGE) through libc, or null where it cannot be reached. */
function exchangeFn(): ((from: Uint8Array, to: Uint8Array, flags: number) => number) | null {
  if (renameat2 !== undefined) return renameat2;
  renameat2 = null;
  if (Deno.build.os !== "linux") return null;
  try {
    const lib = Deno.dlopen("libc.so.6", {
      renameat2: { parameters: ["i32", "buffer", "i32", "buffer", "u32"], result: "i32" },
    });
    const AT_FDCWD = -100;
    renameat2 = (from, to, flags) =>
      lib.symbols.renameat2(
        AT_FDCWD,
        from as Uint8Array<ArrayBuffer>,
        AT_FDCWD,
        to as Uint8Array<ArrayBuffer>,
        flags,
      );
  } catch {
    renameat2 = null;
  }
  return renameat2;
}

function cString(s: string): Uint8Array {
  return new TextEncoder().encode(s + "\0");
}

/**
 * Puts directory `staged` at `target`, replacing an existing entry: an atomic exchange where
 * renameat2 is available (readers see the old entry or the new one), else two renames.
 * Afterwards `staged` no longer exists.
 */
function publishDir(staged: string, target: string, scratch: string): "added" | "replaced" {
  try {
    Deno.renameSync(staged, target);
    return "added";
  } catch (err) {
    if (!pathExists(target)) throw err;
  }
  const exchange = exchangeFn();
  if (exchange && exchange(cString(staged), cString(target), 2 /* RENAME_EXCHANGE */) === 0) {
    Deno.removeSync(staged, { recursive: true });
    return "replaced";
  }
  Deno.renameSync(target, scratch);
  Deno.renameSync(staged, target);
  Deno.removeSync(scratch, { recursive: true });
  return "replaced";
}

/** Whether anything (a dangling symlink included) is at `path`. */
export function pathExists(path: string): boolean {
  try {
    Deno.lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

/** Removes `.tmp-*-<pid>` directories of dead processes from `root`; returns their names. */
export function sweepTmpDirs(root: string): string[] {
  return sweepDead(root, tmpDirOwner, true); // No root yet: nothing to sweep.
}

/** What `cache add` did. */
export interface AddResult {
  /** The entry's key. */
  key: string;
  /** The entry's `vmlinux`. */
  path: string;
  /** Kernel release from the image's banner, or null. */
  version: string | null;
  /** Whether an existing entry was replaced. */
  replaced: boolean;
}

/** The key `cache add` uses without `--key`: the kernel release, else the file name. */
export function defaultKey(source: string, version: string | undefined): string {
  if (version !== undefined && cacheKeyProblem(version) === undefined) return version;
  const name = baseName(source).replace(/^vmlinux-/, "");
  if (name === "vmlinux" || cacheKeyProblem(name) !== undefined) {
    throw new CacheError(`cache add: cannot derive a key from '${source}'; pass --key`);
  }
  return name;
}

/** Bytes copied per read by `cache add` (its memory does not grow with the image). */
const COPY_CHUNK = 1 << 20;
/** Bytes kept from one chunk to the next, so a banner across the boundary is found. */
const BANNER_OVERLAP = 512;

/**
 * Copies `src` to the new file `dest` in fixed-size chunks (memory stays flat whatever the
 * image size), fsynced, finding the `Linux version` banner on the way. Read errors are
 * BtfErrors (`read file: ...`, named by the caller). Returns the banner's release, if any.
 */
function copyImage(src: ByteSource, dest: string): string | undefined {
  using out = Deno.openSync(dest, { write: true, createNew: true, mode: 0o644 });
  const buf = new Uint8Array(BANNER_OVERLAP + COPY_CHUNK);
  let version: string | undefined, kept = 0, copied = 0;
  while (copied < src.size) {
    const n = Math.min(COPY_CHUNK, src.size - copied);
    src.readInto(copied, buf.subarray(kept, kept + n));
    writeAll(out, buf.subarray(kept, kept + n));
    copied += n;
    const end = kept + n, last = copied >= src.size;
    // A match must leave room for the release after it, unless this is the last chunk.
    version ??= findBannerVersion(buf.subarray(0, end), last ? end : end - BANNER_OVERLAP / 2);
    kept = Math.min(end, BANNER_OVERLAP);
    buf.copyWithin(0, end - kept, end);
  }
  out.syncSync();
  return version;
}

/**
 * Copies an ELF vmlinux into `<root>/<key>/` with its sidecar and metadata.json, built in
 * a `.tmp-add-<nonce>-<pid>` directory and renamed into place (replacing an existing entry
 * atomically, only when `replace` is set). Creates the root when needed. The image is
 * opened once and streamed: memory holds its `.BTF` section (validated) and one copy
 * buffer, never the image. Every error names the file it is about (`btf: open <source>:
 * ...`, `cache add: <path>: ...`).
 */
export function addEntry(
  root: string,
  source: string,
  key?: string,
  replace = false,
  extracted?: ExtractedElf,
): AddResult {
  if (key !== undefined) validateCacheKey(key);
  return openedAs(source, () => {
    if (extracted) {
      const src = memorySource(extracted.elf);
      return addFrom(root, source, src, Deno.statSync(source), extracted.btf, key, replace);
    }
    return withInput(
      source,
      (input) => addFrom(root, source, input.src, input.info, null, key, replace),
    );
  });
}

/** An ELF vmlinux already extracted from a compressed image, and its `.BTF` section. */
export interface ExtractedElf {
  /** The whole ELF. */
  elf: Uint8Array;
  /** Its `.BTF` section. */
  btf: Uint8Array;
}

function refuseExisting(root: string, key: string, replace: boolean): void {
  if (!replace && pathExists(joinPath(root, key))) {
    throw new CacheError(`cache add: entry '${key}' exists; pass --force to replace it`);
  }
}

/**
 * `cache add` of the ELF in `src` (`info`: the source file's stat), whose `.BTF` section is
 * `given` when already known.
 */
function addFrom(
  root: string,
  source: string,
  src: ByteSource,
  info: Deno.FileInfo | null,
  given: Uint8Array | null,
  key: string | undefined,
  replace: boolean,
): AddResult {
  let btf = given;
  if (btf === null) {
    const at = locateBtf(src);
    if (at.format !== "elf") {
      throw new CacheError(`cache add: ${source} is raw BTF; a cache entry holds an ELF vmlinux`);
    }
    btf = src.read(at.offset, at.size);
  }
  BtfTypes.build(btf);
  const arch = elfArch(src.read(0, Math.min(20, src.size)));
  // A given key is checked before anything is copied; a derived one once it is known.
  if (key !== undefined) refuseExisting(root, key, replace);
  const createdRoot = !pathExists(root);
  try {
    Deno.mkdirSync(root, { recursive: true });
  } catch (err) {
    throw new CacheError(`cache: create ${root}: ${osMessage(err)}`);
  }
  sweepTmpDirs(root);
  const tag = `${nonce()}-${Deno.pid}`;
  const staged = joinPath(root, `${TMP_PREFIX}add-${tag}`);
  const scratch = joinPath(root, `${TMP_PREFIX}old-${tag}`);
  let target = joinPath(root, key ?? "?");
  try {
    Deno.mkdirSync(staged, { mode: 0o755 });
    const vmlinux = joinPath(staged, ENTRY_VMLINUX);
    const version = copyImage(src, vmlinux);
    const entryKey = key ?? defaultKey(source, version);
    refuseExisting(root, entryKey, replace);
    target = joinPath(root, entryKey);
    // The sidecar's provenance stamp, from the copy (the entry's rename keeps it valid).
    const stamp = stampOf(Deno.statSync(vmlinux)) ?? undefined;
    writeFileSynced(joinPath(staged, ENTRY_VMLINUX + SIDECAR_SUFFIX), btf, stamp);
    const real = realPath(source);
    const metadata: KtstrMetadata = {
      version: version ?? null,
      source: { type: "local", source_tree_path: real ? dirName(real) : null, git_hash: null },
      arch,
      image_name: ENTRY_VMLINUX,
      config_hash: null,
      built_at: new Date().toISOString(),
      ktstr_kconfig_hash: null,
      extra_kconfig_hash: null,
      has_vmlinux: true,
      vmlinux_stripped: false,
      source_vmlinux_size: info?.size ?? src.size,
      source_vmlinux_mtime_secs: info?.mtime ? Math.floor(info.mtime.getTime() / 1000) : null,
    };
    writeFileSynced(
      joinPath(staged, ENTRY_METADATA),
      new TextEncoder().encode(JSON.stringify(metadata, null, 2) + "\n"),
    );
    syncDir(staged);
    const outcome = publishDir(staged, target, scratch);
    syncDir(root);
    return {
      key: entryKey,
      path: joinPath(target, ENTRY_VMLINUX),
      version: version ?? null,
      replaced: outcome === "replaced",
    };
  } catch (err) {
    // A failed add leaves no root it created (e.g. no key could be derived).
    for (const dir of createdRoot ? [staged, root] : [staged]) {
      try {
        Deno.removeSync(dir, { recursive: dir === staged });
      } catch {
        // Not empty, or already gone.
      }
    }
    if (err instanceof CacheError || err instanceof BtfError) throw err;
    throw new CacheError(`cache add: ${target}: ${osMessage(err)}`);
  } finally {
    for (const dir of [staged, scratch]) {
      try {
        Deno.removeSync(dir, { recursive: true });
      } catch {
        // Already renamed away.
      }
    }
  }
}

/** What `cache clean` did (or would do). */
export interface CleanResult {
  /** Keys removed (or that would be). */
  removed: string[];
  /** Keys kept. */
  kept: string[];
  /**
   * Leftovers of dead writers removed: temporary directories in the root and temporary
   * sidecar files in the kept entries (`<key>/<name>`).
   */
  orphans: string[];
}

/**
 * Removes every entry but the `keep` newest. Without `force` nothing is touched and the
 * result says what would go. Each entry is first renamed to a `.tmp-` name, so a reader
 * never sees a half-removed entry.
 */
export function cleanEntries(root: string, keep: number, force: boolean): CleanResult {
  const entries = listEntries(root);
  const kept = entries.slice(0, keep).map((e) => e.key);
  const doomed = entries.slice(keep).map((e) => e.key);
  // Dead writers' temp files are never entries: swept with or without --force, like on
  // every other access.
  const leftovers = kept.flatMap((key) =>
    sweepTempFiles(joinPath(root, key)).map((name) => `${key}/${name}`)
  );
  if (!force) return { removed: doomed, kept, orphans: leftovers };
  for (const key of doomed) {
    const gone = joinPath(root, `${TMP_PREFIX}clean-${key}-${nonce()}-${Deno.pid}`);
    try {
      Deno.renameSync(joinPath(root, key), gone);
      Deno.removeSync(gone, { recursive: true });
    } catch (err) {
      throw new CacheError(`cache clean: ${joinPath(root, key)}: ${osMessage(err)}`);
    }
  }
  return { removed: doomed, kept, orphans: [...leftovers, ...sweepTmpDirs(root)] };
}
