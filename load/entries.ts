/**
 * The kernel cache's entries (docs/CLI.md: The cache): `<root>/<key>/vmlinux` with its sidecar
 * and `metadata.json`, in ktstr's layout, as `cache list`, `cache add` and `cache clean`
 * manage them; and a `kernel` argument that names an entry by its key.
 * @module
 */
import { type ByteSource, memorySource } from "../btf/elf.ts";
import { locateBtf } from "../btf/input.ts";
import { BtfError } from "../btf/errors.ts";
import { BtfTypes } from "../btf/table.ts";
import {
  bannerVersion,
  baseName,
  CacheError,
  cacheKeyProblem,
  dirName,
  ENTRY_METADATA,
  ENTRY_VMLINUX,
  joinPath,
  SIDECAR_SUFFIX,
  TMP_PREFIX,
  validateCacheKey,
} from "./cache_root.ts";
import { mtimeMs, openedAs, osMessage, pathExists, realPath, withInput } from "./file.ts";
import {
  type CacheOptions,
  cacheRoot,
  type SidecarState,
  sidecarState,
  stampOf,
} from "./sidecar.ts";
import {
  nonce,
  publishDir,
  sweepTempFiles,
  sweepTmpDirs,
  syncDir,
  writeAll,
  writeFileSynced,
} from "./atomic.ts";

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
