/**
 * The sidecar policy (docs/CLI.md: The cache): which loads get a `<vmlinux>.btf` sidecar (an ELF
 * or a compressed kernel image inside the canonical cache root), when a sidecar provably
 * belongs to its image and is read instead of it, and when it is (re)written; and the
 * loaders that follow it.
 *
 * Nothing is ever written outside the canonical cache root, and a read never creates it.
 * @module
 */
import { hasElfMagic } from "../btf/elf.ts";
import { hasBigEndianBtfMagic, hasBtfMagic, parseHeader } from "../btf/header.ts";
import { swapByteOrder } from "../btf/swap.ts";
import { type BtfLocation, locateBtf } from "../btf/input.ts";
import { BtfError } from "../btf/errors.ts";
import type { InputFormat } from "../btf/input.ts";
import type { BtfTypes } from "../btf/table.ts";
import type { TableSpace } from "../btf/arena.ts";
import type { SidecarStatus } from "../report/json.ts";
import {
  CacheError,
  dirName,
  type EnvLike,
  isInsideRoot,
  provenanceStamp,
  resolveCacheRoot,
  SIDECAR_SUFFIX,
  type SidecarFacts,
  sidecarFreshness,
} from "./cache_root.ts";
import {
  isStandardInput,
  loadBtfFrom,
  type LoadedBtf,
  mtimeMs,
  openedAs,
  type OpenSource,
  osMessage,
  realPath,
  withInput,
} from "./file.ts";
import { hostBtfMemo, isHostBtf } from "./memo.ts";
import { sweepTempFiles, writeFileAtomic } from "./atomic.ts";
import { BOOT_HEADER_BYTES } from "../btf/image/bzimage.ts";
import { isKernelImage } from "../btf/image/bzimage.ts";

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

/** The provenance stamp of the image whose fstat is `info`. */
export function stampOf(info: Deno.FileInfo): number | null {
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
        if (
          !(hasBtfMagic(mine) || hasBigEndianBtfMagic(mine)) || mine.some((b, k) => b !== theirs[k])
        ) return undefined;
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
    // The section's own bytes: a big-endian blob, swapped for the table, is swapped back.
    const bytes = types.rawBytes().slice();
    if (types.bigEndian) swapByteOrder(bytes, parseHeader(bytes));
    writeFileAtomic(plan.sidecar, bytes, plan.stamp ?? undefined);
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

/** Sidecar state shown by `cache list`. */
export type SidecarState = "fresh" | "stale" | "invalid" | "missing" | "outside-cache";

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
