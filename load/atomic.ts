/**
 * Atomic writes in the cache (docs/CLI.md: The cache): a file is written to a temporary file
 * beside it and renamed over it, an entry directory is staged and then exchanged with the
 * old one, so a reader sees the old version or the new one, never a part. The temporary
 * files and directories that dead writers left behind are swept on every access.
 * @module
 */
import { dirName, joinPath, tempFileOwner, tempNameFor, tmpDirOwner } from "./cache_root.ts";
import { pathExists } from "./file.ts";

/** A random tag (8 hex digits) that keeps one process's temporary names apart. */
export function nonce(): string {
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

/** Removes `.tmp-*-<pid>` directories of dead processes from `root`; returns their names. */
export function sweepTmpDirs(root: string): string[] {
  return sweepDead(root, tmpDirOwner, true); // No root yet: nothing to sweep.
}

/** Writes all of `bytes` to `file` (one writeSync may write fewer). */
export function writeAll(file: Deno.FsFile, bytes: Uint8Array): void {
  for (let done = 0; done < bytes.length;) done += file.writeSync(bytes.subarray(done));
}

/** Creates `path` (it must not exist) with `bytes` and, if given, mtime `mtimeMs`, fsynced. */
export function writeFileSynced(path: string, bytes: Uint8Array, mtimeMs?: number): void {
  using file = Deno.openSync(path, { write: true, createNew: true, mode: 0o644 });
  writeAll(file, bytes);
  if (mtimeMs !== undefined) file.utimeSync(new Date(), new Date(mtimeMs));
  file.syncSync();
}

/** fsyncs directory `dir`, so a rename in it is durable, where the file system allows it. */
export function syncDir(dir: string): void {
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
export function publishDir(staged: string, target: string, scratch: string): "added" | "replaced" {
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
