/**
 * The pure half of the BTF cache (docs/CLI.md: The cache): where the cache root is, which cache keys are
 * valid, whether a path lies inside the root, and whether a sidecar is fresh. Nothing here
 * touches the file system, so every rule is testable from plain values.
 * @module
 */

/** Read access to environment variables (`Deno.env` fits; tests pass a Map). */
export interface EnvLike {
  /** The variable's value, or undefined when it is not set. */
  get(key: string): string | undefined;
}

/** A cache problem the user must fix (bad HOME, bad key, ...): one line, no stack. */
export class CacheError extends Error {
  /** Creates the error with a one-line message. */
  constructor(message: string) {
    super(message);
    this.name = "CacheError";
  }
}

/** The variable that names the cache root directly (used as given). */
export const CACHE_DIR_ENV = "KTSTR_CACHE_DIR";
/** Prefix of ktstr's temporary directories in the cache root; keys may not start with it. */
export const TMP_PREFIX = ".tmp-";
/** The ELF file of a cache entry. */
export const ENTRY_VMLINUX = "vmlinux";
/** The metadata file of a cache entry. */
export const ENTRY_METADATA = "metadata.json";
/** Suffix of a sidecar: `<canonical vmlinux path>.btf`. */
export const SIDECAR_SUFFIX = ".btf";

/**
 * The cache root: `KTSTR_CACHE_DIR` when set and non-empty (as given), else
 * `$XDG_CACHE_HOME/ktstr/kernels` when set and non-empty, else `$HOME/.cache/ktstr/kernels`.
 * A relative KTSTR_CACHE_DIR or XDG_CACHE_HOME (which would put the cache under the current
 * directory), or a HOME that is unset, empty, `/` or relative, is a CacheError naming the case.
 */
export function resolveCacheRoot(env: EnvLike): string {
  const absolute = (name: string, value: string) => {
    if (!value.startsWith("/")) {
      throw new CacheError(`cache root: ${name} '${value}' is not an absolute path`);
    }
    return value;
  };
  const direct = env.get(CACHE_DIR_ENV);
  if (direct !== undefined && direct !== "") return absolute(CACHE_DIR_ENV, direct);
  const xdg = env.get("XDG_CACHE_HOME");
  if (xdg !== undefined && xdg !== "") {
    return joinPath(absolute("XDG_CACHE_HOME", xdg), "ktstr/kernels");
  }
  const home = env.get("HOME");
  const hint = `; set ${CACHE_DIR_ENV} or XDG_CACHE_HOME, or pass --cache-dir`;
  if (home === undefined) throw new CacheError(`cache root: HOME is not set${hint}`);
  if (home === "") throw new CacheError(`cache root: HOME is empty${hint}`);
  if (/^\/+$/.test(home)) throw new CacheError(`cache root: HOME is '/'${hint}`);
  if (!home.startsWith("/")) {
    throw new CacheError(`cache root: HOME '${home}' is not an absolute path${hint}`);
  }
  return joinPath(home, ".cache/ktstr/kernels");
}

/** `a/b` without doubling the slash when `a` ends with one. */
export function joinPath(dir: string, name: string): string {
  return dir.endsWith("/") ? dir + name : `${dir}/${name}`;
}

/** The directory part of an absolute path (`/a/b` → `/a`, `/a` → `/`). */
export function dirName(path: string): string {
  const at = path.lastIndexOf("/");
  return at <= 0 ? "/" : path.slice(0, at);
}

/** The last component of a path. */
export function baseName(path: string): string {
  const trimmed = path.replace(/\/+$/, "");
  return trimmed.slice(trimmed.lastIndexOf("/") + 1);
}

/**
 * Whether canonical `dir` is `root` or lies below it, compared component by component:
 * `/cache/ab` is not inside `/cache/a`. Both must be absolute canonical paths.
 */
export function isInsideRoot(root: string, dir: string): boolean {
  const r = root.split("/").filter((c) => c !== "");
  const d = dir.split("/").filter((c) => c !== "");
  if (!root.startsWith("/") || !dir.startsWith("/") || d.length < r.length) return false;
  return r.every((c, i) => d[i] === c);
}

/**
 * Checks a cache key (a directory name under the root). Returns undefined when valid, else
 * the one-line reason. Rejected: empty or blank, `/` or `\`, `.`, `..` anywhere, NUL, the
 * reserved `.tmp-` prefix, and any other leading `.` (ktstr's bookkeeping names).
 */
export function cacheKeyProblem(key: string): string | undefined {
  const shown = JSON.stringify(key);
  if (key.trim() === "") return "cache key must not be empty";
  if (key.includes("\0")) return "cache key must not contain a NUL byte";
  if (key.includes("/") || key.includes("\\")) {
    return `cache key ${shown} must not contain '/' or '\\'`;
  }
  if (key === ".") return "cache key must not be '.'";
  if (key.includes("..")) return `cache key ${shown} must not contain '..'`;
  if (key.startsWith(TMP_PREFIX)) {
    return `cache key ${shown} must not start with '${TMP_PREFIX}' (reserved for temporary files)`;
  }
  if (key.startsWith(".")) return `cache key ${shown} must not start with '.'`;
  return undefined;
}

/** Throws a CacheError when `key` is not a valid cache key (see {@link cacheKeyProblem}). */
export function validateCacheKey(key: string): string {
  const problem = cacheKeyProblem(key);
  if (problem !== undefined) throw new CacheError(problem);
  return key;
}

/** What the file system says of an ELF's current contents (from fstat of the open file). */
export interface ImageIdentity {
  /** Device and inode. */
  dev: number;
  ino: number | null;
  /** Size in bytes. */
  size: number;
  /** Modification time (ms). */
  mtimeMs: number | null;
  /** Status-change time (ms; Deno reports whole seconds), or null where there is none. */
  ctimeMs: number | null;
}

/**
 * The provenance stamp a sidecar of the image `id` carries as its mtime (ms), or null when
 * the platform has no ctime. The second after the image's ctime (so the stamp is never older
 * than the image, as ktstr's own mtime rule wants) plus, as milliseconds, a hash of the
 * image's device, inode, size and mtime. The ctime is set by the kernel on every change to
 * the image (write, `cp -p`, `touch`, `tar x`, `mv`, chmod) and cannot be set back, and
 * the hash separates images that changed within one second of each other.
 */
export function provenanceStamp(id: ImageIdentity): number | null {
  if (id.ctimeMs === null) return null;
  let h = 0x811c9dc5;
  for (const c of `${id.dev}:${id.ino}:${id.size}:${id.mtimeMs}`) {
    h = Math.imul(h ^ c.charCodeAt(0), 0x01000193) >>> 0;
  }
  return (Math.floor(id.ctimeMs / 1000) + 1) * 1000 + (h % 1000);
}

/** What is known about a sidecar before it is read. */
export interface SidecarFacts {
  /** The image's {@link provenanceStamp}. */
  stamp: number | null;
  /** Size of the ELF's `.BTF` section (from its section header); null when unknown. */
  btfSize: number | null;
  /** lstat of the sidecar (`id`: device and inode), or null when there is none. */
  sidecar: { regular: boolean; size: number; mtime: number | null; id?: string } | null;
}

/**
 * The decision before reading: `missing` (write one), `stale` (rewrite it) or `candidate`
 * (read it; it is used only if it also matches the section's first bytes and parses).
 *
 * Provenance: a sidecar is written with its mtime set to the ELF's {@link provenanceStamp}.
 * So it belongs to the ELF only when it is a regular file (a symlink is never followed),
 * its mtime equals the ELF's current stamp and its size equals the ELF's `.BTF` section's.
 * Replacing the ELF (any way), or the sidecar by another file, breaks that.
 */
export function sidecarFreshness(f: SidecarFacts): "missing" | "stale" | "candidate" {
  const s = f.sidecar;
  if (s === null) return "missing";
  if (!s.regular || f.stamp === null) return "stale";
  const size = f.btfSize === null || s.size === f.btfSize;
  return s.mtime === f.stamp && size ? "candidate" : "stale";
}

/** Name of a temporary file for `target` owned by process `pid` (same directory). */
export function tempNameFor(target: string, pid: number, nonce: string): string {
  return joinPath(dirName(target), `.${baseName(target)}.tmp-${nonce}-${pid}`);
}

/**
 * If `name` is a temporary file made by {@link tempNameFor} for a file named `base`, the pid
 * that made it; else undefined.
 */
export function tempOwner(name: string, base: string): number | undefined {
  return name.startsWith(`.${base}.tmp-`) ? tempFileOwner(name) : undefined;
}

/** The pid of a temporary file made by {@link tempNameFor} for any target, if `name` is one. */
export function tempFileOwner(name: string): number | undefined {
  const m = /^\..+\.tmp-[^-]*-(\d+)$/.exec(name);
  return m ? Number(m[1]) : undefined;
}

/** The pid at the end of a `.tmp-<...>-<pid>` directory name in the root, if any. */
export function tmpDirOwner(name: string): number | undefined {
  if (!name.startsWith(TMP_PREFIX)) return undefined;
  const m = /-(\d+)$/.exec(name);
  return m ? Number(m[1]) : undefined;
}

/** The kernel release in a `Linux version <release> ...` banner inside `text`, if any. */
export function bannerVersion(text: string): string | undefined {
  const m = /Linux version (\S+)/.exec(text);
  return m ? m[1] : undefined;
}

/** `1234567` → `1.2 MB` (powers of 1000, one decimal). */
export function humanSize(bytes: number): string {
  const units = ["B", "kB", "MB", "GB", "TB"];
  let v = bytes, u = 0;
  while (v >= 1000 && u < units.length - 1) {
    v /= 1000;
    u++;
  }
  return u === 0 ? `${v} B` : `${v.toFixed(1)} ${units[u]}`;
}
