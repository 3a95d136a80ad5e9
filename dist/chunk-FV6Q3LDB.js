import {
  BOOT_HEADER_BYTES,
  BtfTypes,
  ElfFormatError,
  NOT_RECOGNIZED,
  SYSFS_BTF,
  bootPayload,
  buildTypes,
  compressionAt,
  findElfSection,
  hasBigEndianBtfMagic,
  hasBtfMagic,
  hasElfMagic,
  isKernelImage,
  isStandardInput,
  loadBtf,
  loadBtfFrom,
  locateBtf,
  magicCandidates,
  memorySource,
  openError,
  openSource,
  openedAs,
  osMessage,
  readHead,
  withInput
} from "./chunk-QDGSS5JZ.js";
import {
  BtfError
} from "./chunk-PX3IRLHB.js";

// cli/command.ts
function command(c) {
  return c;
}
var LOAD_OPTIONS = {
  json: {
    type: "boolean"
  },
  base: {
    type: "string"
  },
  jobs: {
    type: "string",
    short: "j"
  },
  "cache-dir": {
    type: "string"
  },
  "no-cache": {
    type: "boolean"
  }
};
function loadOptions(v) {
  return {
    base: v.base,
    jobs: v.jobs ?? "auto",
    cache: {
      root: v["cache-dir"],
      enabled: !v["no-cache"]
    }
  };
}
var LOAD_OPTIONS_HELP = `  --json           JSON instead of the human report
  --base PATH      read every PATH as split BTF (a module's) over this base BTF
  -j, --jobs N     worker threads that share loading and resolving with the main
                   thread: 0 = inline, auto (default) = chosen by measured cost
  --cache-dir DIR  cache root for this call
  --no-cache       neither read nor write .btf sidecars
  -h, --help       show this help`;
var ENVIRONMENT_HELP = `Environment:
  KTSTR_CACHE_DIR  the cache root, used as given (must be absolute)
  XDG_CACHE_HOME   else the root is $XDG_CACHE_HOME/ktstr/kernels
  HOME             else the root is $HOME/.cache/ktstr/kernels
  NO_COLOR         no colour even on a terminal`;

// load/cache_root.ts
var CacheError = class extends Error {
  /** Creates the error with a one-line message. */
  constructor(message) {
    super(message);
    this.name = "CacheError";
  }
};
var CACHE_DIR_ENV = "KTSTR_CACHE_DIR";
var TMP_PREFIX = ".tmp-";
var ENTRY_VMLINUX = "vmlinux";
var ENTRY_METADATA = "metadata.json";
var SIDECAR_SUFFIX = ".btf";
function resolveCacheRoot(env) {
  const absolute = (name, value) => {
    if (!value.startsWith("/")) {
      throw new CacheError(`cache root: ${name} '${value}' is not an absolute path`);
    }
    return value;
  };
  const direct = env.get(CACHE_DIR_ENV);
  if (direct !== void 0 && direct !== "") return absolute(CACHE_DIR_ENV, direct);
  const xdg = env.get("XDG_CACHE_HOME");
  if (xdg !== void 0 && xdg !== "") {
    return joinPath(absolute("XDG_CACHE_HOME", xdg), "ktstr/kernels");
  }
  const home = env.get("HOME");
  const hint = `; set ${CACHE_DIR_ENV} or XDG_CACHE_HOME, or pass --cache-dir`;
  if (home === void 0) throw new CacheError(`cache root: HOME is not set${hint}`);
  if (home === "") throw new CacheError(`cache root: HOME is empty${hint}`);
  if (/^\/+$/.test(home)) throw new CacheError(`cache root: HOME is '/'${hint}`);
  if (!home.startsWith("/")) {
    throw new CacheError(`cache root: HOME '${home}' is not an absolute path${hint}`);
  }
  return joinPath(home, ".cache/ktstr/kernels");
}
function joinPath(dir, name) {
  return dir.endsWith("/") ? dir + name : `${dir}/${name}`;
}
function dirName(path) {
  const at = path.lastIndexOf("/");
  return at <= 0 ? "/" : path.slice(0, at);
}
function baseName(path) {
  const trimmed = path.replace(/\/+$/, "");
  return trimmed.slice(trimmed.lastIndexOf("/") + 1);
}
function isInsideRoot(root, dir) {
  const r = root.split("/").filter((c) => c !== "");
  const d = dir.split("/").filter((c) => c !== "");
  if (!root.startsWith("/") || !dir.startsWith("/") || d.length < r.length) return false;
  return r.every((c, i) => d[i] === c);
}
function cacheKeyProblem(key) {
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
  return void 0;
}
function validateCacheKey(key) {
  const problem = cacheKeyProblem(key);
  if (problem !== void 0) throw new CacheError(problem);
  return key;
}
function provenanceStamp(id) {
  if (id.ctimeMs === null) return null;
  let h = 2166136261;
  for (const c of `${id.dev}:${id.ino}:${id.size}:${id.mtimeMs}`) {
    h = Math.imul(h ^ c.charCodeAt(0), 16777619) >>> 0;
  }
  return (Math.floor(id.ctimeMs / 1e3) + 1) * 1e3 + h % 1e3;
}
function sidecarFreshness(f) {
  const s = f.sidecar;
  if (s === null) return "missing";
  if (!s.regular || f.stamp === null) return "stale";
  const size = f.btfSize === null || s.size === f.btfSize;
  return s.mtime === f.stamp && size ? "candidate" : "stale";
}
function tempNameFor(target, pid, nonce2) {
  return joinPath(dirName(target), `.${baseName(target)}.tmp-${nonce2}-${pid}`);
}
function tempFileOwner(name) {
  const m = /^\..+\.tmp-[^-]*-(\d+)$/.exec(name);
  return m ? Number(m[1]) : void 0;
}
function tmpDirOwner(name) {
  if (!name.startsWith(TMP_PREFIX)) return void 0;
  const m = /-(\d+)$/.exec(name);
  return m ? Number(m[1]) : void 0;
}
function bannerVersion(text) {
  const m = /Linux version (\S+)/.exec(text);
  return m ? m[1] : void 0;
}
function humanSize(bytes) {
  const units = [
    "B",
    "kB",
    "MB",
    "GB",
    "TB"
  ];
  let v = bytes, u = 0;
  while (v >= 1e3 && u < units.length - 1) {
    v /= 1e3;
    u++;
  }
  return u === 0 ? `${v} B` : `${v.toFixed(1)} ${units[u]}`;
}

// load/cache.ts
var HOST_BTF_PATH = "/sys/kernel/btf/vmlinux";
function cacheRoot(opts = {}) {
  return opts.root ?? resolveCacheRoot(opts.env ?? Deno.env);
}
function warnOf(opts) {
  return opts.warn ?? ((m) => console.error(`warning: ${m}`));
}
function realPath(path) {
  try {
    return Deno.realPathSync(path);
  } catch {
    return void 0;
  }
}
function mtimeMs(info) {
  return info.mtime ? info.mtime.getTime() : null;
}
function stampOf(info) {
  return provenanceStamp({
    dev: info.dev,
    ino: info.ino,
    size: info.size,
    mtimeMs: mtimeMs(info),
    ctimeMs: info.ctime ? info.ctime.getTime() : null
  });
}
function planFor(input, path, opts) {
  if (isStandardInput(path) || input.info === null) {
    return {
      kind: "none",
      status: "not-applicable"
    };
  }
  const head = input.src.read(0, Math.min(BOOT_HEADER_BYTES, input.src.size));
  const format = hasElfMagic(head) ? "elf" : isKernelImage(head) ? "image" : void 0;
  if (format === void 0) return {
    kind: "none",
    status: "not-applicable"
  };
  if (opts.enabled === false) return {
    kind: "none",
    status: "disabled"
  };
  let root;
  try {
    root = realPath(cacheRoot(opts));
  } catch (err) {
    if (!(err instanceof CacheError)) throw err;
  }
  const elf = realPath(path);
  if (root === void 0 || elf === void 0 || !isInsideRoot(root, dirName(elf))) {
    return {
      kind: "none",
      status: "outside-cache"
    };
  }
  const sidecar = elf + SIDECAR_SUFFIX;
  sweepTempFiles(dirName(sidecar));
  const btf = format === "elf" ? locateBtf(input.src) : null;
  const stamp = stampOf(input.info);
  const facts = {
    stamp,
    btfSize: btf?.size ?? null,
    sidecar: sidecarFacts(sidecar)
  };
  return {
    kind: "cache",
    format,
    elf,
    sidecar,
    freshness: sidecarFreshness(facts),
    stamp,
    btf
  };
}
function sidecarFacts(sidecar) {
  try {
    const info = Deno.lstatSync(sidecar);
    return {
      regular: info.isFile,
      size: info.size,
      mtime: mtimeMs(info),
      id: fileId(info)
    };
  } catch {
    return null;
  }
}
function fileId(info) {
  return `${info.dev}:${info.ino}`;
}
function planSidecar(path, opts = {}) {
  return openedAs(path, () => withInput(path, (input) => planFor(input, path, opts)));
}
function readSidecar(plan, elf, base, space) {
  for (let attempt = 0; attempt < 3; attempt++) {
    const seen = sidecarFacts(plan.sidecar);
    const facts = {
      stamp: plan.stamp,
      btfSize: plan.btf?.size ?? null,
      sidecar: seen
    };
    if (!seen || sidecarFreshness(facts) !== "candidate") return void 0;
    try {
      const types = withInput(plan.sidecar, (input) => {
        if (input.info === null || fileId(input.info) !== seen.id) return null;
        const n = Math.min(HEAD_CHECK_BYTES, input.info.size);
        const mine = input.src.read(0, n);
        const theirs = plan.btf ? elf.src.read(plan.btf.offset, n) : mine;
        if (!hasBtfMagic(mine) || mine.some((b, k) => b !== theirs[k])) return void 0;
        const loaded = loadBtfFrom(input, plan.sidecar, base, space);
        return loaded.format === "raw" ? loaded.types : void 0;
      });
      if (types !== null) return types;
    } catch {
      return void 0;
    }
  }
  return void 0;
}
var HEAD_CHECK_BYTES = 4096;
function finishSidecar(plan, types, opts) {
  try {
    writeFileAtomic(plan.sidecar, types.rawBytes().slice(), plan.stamp ?? void 0);
    return plan.freshness === "missing" ? "written" : "rewritten";
  } catch (err) {
    warnOf(opts)(`sidecar ${plan.sidecar}: write failed: ${osMessage(err)}`);
    return "write-failed";
  }
}
function loadBtfCached(path, opts = {}, base) {
  if (base === void 0 && isHostBtf(path)) {
    return {
      ...hostBtfMemo.get(),
      path,
      sidecar: "not-applicable"
    };
  }
  return openedAs(path, () => withInput(path, (input) => {
    const plan = planFor(input, path, opts);
    if (plan.kind === "none") {
      return {
        ...loadBtfFrom(input, path, base, opts.space),
        sidecar: plan.status
      };
    }
    if (plan.freshness === "candidate") {
      const types = readSidecar(plan, input, base, opts.space);
      if (types) {
        return {
          path,
          format: plan.format,
          types,
          sidecar: "hit"
        };
      }
    }
    const loaded = loadBtfFrom(input, path, base, opts.space);
    return {
      ...loaded,
      sidecar: finishSidecar(plan, loaded.types, opts)
    };
  }));
}
async function loadBtfCachedWith(path, opts, load) {
  const plan = planSidecar(path, opts);
  if (plan.kind === "none") return {
    ...await load(path, false),
    sidecar: plan.status
  };
  if (plan.freshness === "candidate") {
    try {
      const fromSidecar = await load(plan.sidecar, false);
      const size = plan.btf?.size ?? fromSidecar.types?.btfBytes;
      if (fromSidecar.format === "raw" && (fromSidecar.types?.btfBytes ?? size) === size) {
        return {
          ...fromSidecar,
          format: plan.format,
          sidecar: "hit"
        };
      }
    } catch {
    }
  }
  const loaded = await load(path, true);
  return {
    ...loaded,
    sidecar: finishSidecar(plan, loaded.types, opts)
  };
}
var BtfMemo = class {
  #value;
  #loads = 0;
  #load;
  /** Memoizes `load`. */
  constructor(load) {
    this.#load = load;
  }
  /** The loaded value, loading it on the first call (or after a failure). */
  get() {
    if (this.#value) return this.#value;
    this.#loads++;
    const value = this.#load();
    this.#value = value;
    return value;
  }
  /** How many times the loader ran. */
  get loads() {
    return this.#loads;
  }
  /** Forgets the value. */
  clear() {
    this.#value = void 0;
  }
};
var hostBtfMemo = new BtfMemo(() => loadBtf(HOST_BTF_PATH));
function isHostBtf(path) {
  return path === HOST_BTF_PATH || realPath(path) === HOST_BTF_PATH;
}
function nonce() {
  return crypto.getRandomValues(new Uint32Array(1))[0].toString(16).padStart(8, "0");
}
function pidIsDead(pid) {
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
function sweepTempFiles(dir) {
  return sweepDead(dir, tempFileOwner, false);
}
function sweepDead(dir, owner, recursive) {
  const removed = [];
  let names;
  try {
    names = [
      ...Deno.readDirSync(dir)
    ].map((e) => e.name);
  } catch {
    return removed;
  }
  for (const name of names) {
    const pid = owner(name);
    if (pid === void 0 || !pidIsDead(pid)) continue;
    try {
      Deno.removeSync(joinPath(dir, name), {
        recursive
      });
      removed.push(name);
    } catch {
    }
  }
  return removed;
}
function writeAll(file, bytes) {
  for (let done = 0; done < bytes.length; ) done += file.writeSync(bytes.subarray(done));
}
function writeFileSynced(path, bytes, mtimeMs2) {
  using file = Deno.openSync(path, {
    write: true,
    createNew: true,
    mode: 420
  });
  writeAll(file, bytes);
  if (mtimeMs2 !== void 0) file.utimeSync(/* @__PURE__ */ new Date(), new Date(mtimeMs2));
  file.syncSync();
}
function syncDir(dir) {
  try {
    using d = Deno.openSync(dir, {
      read: true
    });
    d.syncSync();
  } catch {
  }
}
function writeFileAtomic(target, bytes, mtimeMs2) {
  sweepTempFiles(dirName(target));
  const tmp = tempNameFor(target, Deno.pid, nonce());
  try {
    writeFileSynced(tmp, bytes, mtimeMs2);
    Deno.renameSync(tmp, target);
  } catch (err) {
    try {
      Deno.removeSync(tmp);
    } catch {
    }
    throw err;
  }
  syncDir(dirName(target));
}
function entryVmlinuxPath(root, key) {
  return joinPath(joinPath(root, validateCacheKey(key)), ENTRY_VMLINUX);
}
function resolveKernelInput(arg, opts = {}) {
  try {
    Deno.statSync(arg);
    return arg;
  } catch {
  }
  if (cacheKeyProblem(arg) !== void 0) return arg;
  try {
    const vmlinux = entryVmlinuxPath(cacheRoot(opts), arg);
    if (Deno.statSync(vmlinux).isFile) return vmlinux;
  } catch {
  }
  return arg;
}
function sidecarState(vmlinux, root) {
  try {
    return withInput(vmlinux, (input) => {
      const plan = planFor(input, vmlinux, {
        root
      });
      if (plan.kind === "none") return "outside-cache";
      if (plan.freshness !== "candidate") return plan.freshness;
      return readSidecar(plan, input) ? "fresh" : "invalid";
    });
  } catch (err) {
    if (err instanceof BtfError) return "invalid";
    throw err;
  }
}
function readMetadata(dir) {
  try {
    const value = JSON.parse(Deno.readTextFileSync(joinPath(dir, ENTRY_METADATA)));
    return value !== null && typeof value === "object" ? value : {};
  } catch {
    return {};
  }
}
function listEntries(root) {
  let names;
  try {
    names = [
      ...Deno.readDirSync(root)
    ].filter((e) => e.isDirectory).map((e) => e.name);
  } catch (err) {
    if (err instanceof Deno.errors.NotFound) return [];
    throw new CacheError(`cache: read ${root}: ${osMessage(err)}`);
  }
  const entries = [];
  for (const key of names) {
    if (key.startsWith(".")) continue;
    const dir = joinPath(root, key), path = joinPath(dir, ENTRY_VMLINUX);
    let info;
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
      time: Number.isNaN(builtMs) ? mtimeMs(info) ?? 0 : builtMs
    });
  }
  entries.sort((a, b) => b.time - a.time || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return entries.map(({ time: _time, ...e }) => e);
}
function findBannerVersion(bytes, before = bytes.length) {
  const banner = new TextEncoder().encode("Linux version ");
  for (let at = bytes.indexOf(banner[0]); at >= 0 && at < before; at = bytes.indexOf(banner[0], at + 1)) {
    let i = 1;
    while (i < banner.length && bytes[at + i] === banner[i]) i++;
    if (i === banner.length) {
      return bannerVersion(new TextDecoder("latin1").decode(bytes.subarray(at, at + 256)));
    }
  }
  return void 0;
}
var ELF_ARCH = {
  3: "x86",
  62: "x86_64",
  183: "aarch64",
  243: "riscv64",
  21: "powerpc64",
  22: "s390x"
};
function elfArch(bytes) {
  const machine = bytes.length >= 20 ? bytes[18] | bytes[19] << 8 : -1;
  return ELF_ARCH[machine] ?? Deno.build.arch;
}
var renameat2;
function exchangeFn() {
  if (renameat2 !== void 0) return renameat2;
  renameat2 = null;
  if (Deno.build.os !== "linux") return null;
  try {
    const lib = Deno.dlopen("libc.so.6", {
      renameat2: {
        parameters: [
          "i32",
          "buffer",
          "i32",
          "buffer",
          "u32"
        ],
        result: "i32"
      }
    });
    const AT_FDCWD = -100;
    renameat2 = (from, to, flags) => lib.symbols.renameat2(AT_FDCWD, from, AT_FDCWD, to, flags);
  } catch {
    renameat2 = null;
  }
  return renameat2;
}
function cString(s) {
  return new TextEncoder().encode(s + "\0");
}
function publishDir(staged, target, scratch) {
  try {
    Deno.renameSync(staged, target);
    return "added";
  } catch (err) {
    if (!pathExists(target)) throw err;
  }
  const exchange = exchangeFn();
  if (exchange && exchange(
    cString(staged),
    cString(target),
    2
    /* RENAME_EXCHANGE */
  ) === 0) {
    Deno.removeSync(staged, {
      recursive: true
    });
    return "replaced";
  }
  Deno.renameSync(target, scratch);
  Deno.renameSync(staged, target);
  Deno.removeSync(scratch, {
    recursive: true
  });
  return "replaced";
}
function pathExists(path) {
  try {
    Deno.lstatSync(path);
    return true;
  } catch {
    return false;
  }
}
function sweepTmpDirs(root) {
  return sweepDead(root, tmpDirOwner, true);
}
function defaultKey(source, version) {
  if (version !== void 0 && cacheKeyProblem(version) === void 0) return version;
  const name = baseName(source).replace(/^vmlinux-/, "");
  if (name === "vmlinux" || cacheKeyProblem(name) !== void 0) {
    throw new CacheError(`cache add: cannot derive a key from '${source}'; pass --key`);
  }
  return name;
}
var COPY_CHUNK = 1 << 20;
var BANNER_OVERLAP = 512;
function copyImage(src, dest) {
  using out = Deno.openSync(dest, {
    write: true,
    createNew: true,
    mode: 420
  });
  const buf = new Uint8Array(BANNER_OVERLAP + COPY_CHUNK);
  let version, kept = 0, copied = 0;
  while (copied < src.size) {
    const n = Math.min(COPY_CHUNK, src.size - copied);
    src.readInto(copied, buf.subarray(kept, kept + n));
    writeAll(out, buf.subarray(kept, kept + n));
    copied += n;
    const end = kept + n, last = copied >= src.size;
    version ??= findBannerVersion(buf.subarray(0, end), last ? end : end - BANNER_OVERLAP / 2);
    kept = Math.min(end, BANNER_OVERLAP);
    buf.copyWithin(0, end - kept, end);
  }
  out.syncSync();
  return version;
}
function addEntry(root, source, key, replace = false, extracted) {
  if (key !== void 0) validateCacheKey(key);
  return openedAs(source, () => {
    if (extracted) {
      const src = memorySource(extracted.elf);
      return addFrom(root, source, src, Deno.statSync(source), extracted.btf, key, replace);
    }
    return withInput(source, (input) => addFrom(root, source, input.src, input.info, null, key, replace));
  });
}
function refuseExisting(root, key, replace) {
  if (!replace && pathExists(joinPath(root, key))) {
    throw new CacheError(`cache add: entry '${key}' exists; pass --force to replace it`);
  }
}
function addFrom(root, source, src, info, given, key, replace) {
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
  if (key !== void 0) refuseExisting(root, key, replace);
  const createdRoot = !pathExists(root);
  try {
    Deno.mkdirSync(root, {
      recursive: true
    });
  } catch (err) {
    throw new CacheError(`cache: create ${root}: ${osMessage(err)}`);
  }
  sweepTmpDirs(root);
  const tag = `${nonce()}-${Deno.pid}`;
  const staged = joinPath(root, `${TMP_PREFIX}add-${tag}`);
  const scratch = joinPath(root, `${TMP_PREFIX}old-${tag}`);
  let target = joinPath(root, key ?? "?");
  try {
    Deno.mkdirSync(staged, {
      mode: 493
    });
    const vmlinux = joinPath(staged, ENTRY_VMLINUX);
    const version = copyImage(src, vmlinux);
    const entryKey = key ?? defaultKey(source, version);
    refuseExisting(root, entryKey, replace);
    target = joinPath(root, entryKey);
    const stamp = stampOf(Deno.statSync(vmlinux)) ?? void 0;
    writeFileSynced(joinPath(staged, ENTRY_VMLINUX + SIDECAR_SUFFIX), btf, stamp);
    const real = realPath(source);
    const metadata = {
      version: version ?? null,
      source: {
        type: "local",
        source_tree_path: real ? dirName(real) : null,
        git_hash: null
      },
      arch,
      image_name: ENTRY_VMLINUX,
      config_hash: null,
      built_at: (/* @__PURE__ */ new Date()).toISOString(),
      ktstr_kconfig_hash: null,
      extra_kconfig_hash: null,
      has_vmlinux: true,
      vmlinux_stripped: false,
      source_vmlinux_size: info?.size ?? src.size,
      source_vmlinux_mtime_secs: info?.mtime ? Math.floor(info.mtime.getTime() / 1e3) : null
    };
    writeFileSynced(joinPath(staged, ENTRY_METADATA), new TextEncoder().encode(JSON.stringify(metadata, null, 2) + "\n"));
    syncDir(staged);
    const outcome = publishDir(staged, target, scratch);
    syncDir(root);
    return {
      key: entryKey,
      path: joinPath(target, ENTRY_VMLINUX),
      version: version ?? null,
      replaced: outcome === "replaced"
    };
  } catch (err) {
    for (const dir of createdRoot ? [
      staged,
      root
    ] : [
      staged
    ]) {
      try {
        Deno.removeSync(dir, {
          recursive: dir === staged
        });
      } catch {
      }
    }
    if (err instanceof CacheError || err instanceof BtfError) throw err;
    throw new CacheError(`cache add: ${target}: ${osMessage(err)}`);
  } finally {
    for (const dir of [
      staged,
      scratch
    ]) {
      try {
        Deno.removeSync(dir, {
          recursive: true
        });
      } catch {
      }
    }
  }
}
function cleanEntries(root, keep, force) {
  const entries = listEntries(root);
  const kept = entries.slice(0, keep).map((e) => e.key);
  const doomed = entries.slice(keep).map((e) => e.key);
  const leftovers = kept.flatMap((key) => sweepTempFiles(joinPath(root, key)).map((name) => `${key}/${name}`));
  if (!force) return {
    removed: doomed,
    kept,
    orphans: leftovers
  };
  for (const key of doomed) {
    const gone = joinPath(root, `${TMP_PREFIX}clean-${key}-${nonce()}-${Deno.pid}`);
    try {
      Deno.renameSync(joinPath(root, key), gone);
      Deno.removeSync(gone, {
        recursive: true
      });
    } catch (err) {
      throw new CacheError(`cache clean: ${joinPath(root, key)}: ${osMessage(err)}`);
    }
  }
  return {
    removed: doomed,
    kept,
    orphans: [
      ...leftovers,
      ...sweepTmpDirs(root)
    ]
  };
}

// btf/image/elf_btf.ts
var TAIL_BYTES = 1 << 20;
var ELF_HEADER = 64;
var BTF_HEADER = 24;
var MAX_CANDIDATES = 8;
var NotKept = class extends BtfError {
};
var ElfBtfCollector = class {
  #keepAll;
  #pos = 0;
  #captures = [];
  #header;
  #elfEnd = Infinity;
  #carry = new Uint8Array(0);
  #candidates = 0;
  #failed;
  /** A collector; with `keepAll` the whole ELF is kept. */
  constructor(keepAll = false) {
    this.#keepAll = keepAll;
    this.#header = this.#capture(0, ELF_HEADER);
  }
  /** Decompressed bytes received so far. */
  get received() {
    return this.#pos;
  }
  /** Whether nothing more is needed: the section header table is in, or the stream failed. */
  get complete() {
    return this.#pos >= this.#elfEnd || this.#failed !== void 0;
  }
  /**
   * Takes the next chunk (it is copied from, never kept). Returns false once no more data
   * is needed (or the data is not an ELF file: {@link finish} then says so).
   */
  push(chunk) {
    if (this.complete) return false;
    try {
      this.#take(chunk);
    } catch (err) {
      if (!(err instanceof BtfError)) throw err;
      this.#failed = err;
    }
    return !this.complete;
  }
  #take(chunk) {
    const start = this.#pos;
    if (!this.#keepAll) this.#scan(chunk, start);
    this.#pos += chunk.length;
    for (let i = 0; i < this.#captures.length; i++) this.#copy(this.#captures[i], chunk, start);
    if (this.#elfEnd === Infinity && this.#header.filled === ELF_HEADER) {
      this.#copy(this.#planTail(), chunk, start);
    }
  }
  /**
   * The `.BTF` section once the stream has ended or {@link push} returned false; null when
   * the kept pieces do not hold it (retry with keepAll). Throws BtfError when the ELF is
   * incomplete, malformed or has no `.BTF`.
   */
  finish() {
    if (this.#failed) throw this.#failed;
    if (this.#header.filled < ELF_HEADER || !hasElfMagic(this.#header.bytes)) {
      throw new BtfError(this.#notElf());
    }
    if (!this.complete) {
      throw new BtfError(`ends after ${this.#pos} decompressed bytes, before the ELF's section headers end at ${this.#elfEnd} (truncated?)`);
    }
    let range;
    try {
      range = findElfSection(this.#source(), ".BTF");
    } catch (err) {
      if (err instanceof NotKept) return null;
      if (err instanceof ElfFormatError) throw new BtfError(`decompressed ELF: ${err.message}`);
      throw err;
    }
    if (range === null) throw new BtfError("decompressed ELF has no .BTF section");
    const btf = this.#slice(range.offset, range.size);
    if (btf === null) return null;
    return this.#keepAll ? {
      btf,
      elf: this.#captures[1].bytes
    } : {
      btf
    };
  }
  #notElf() {
    const head = Array.from(this.#header.bytes.subarray(0, Math.min(4, this.#header.filled))).map((b) => b.toString(16).padStart(2, "0")).join(" ");
    return this.#header.filled === 0 ? "decompresses to nothing" : `does not decompress to an ELF file (starts ${head})`;
  }
  #capture(start, length) {
    const c = {
      start,
      bytes: new Uint8Array(length),
      filled: 0,
      btfHeader: false
    };
    this.#captures.push(c);
    return c;
  }
  /** Once the ELF header is known: keep the tail and the section header table (or all). */
  #planTail() {
    const h = this.#header.bytes;
    if (!hasElfMagic(h)) throw new BtfError(this.#notElf());
    const view = new DataView(h.buffer, h.byteOffset, h.byteLength);
    const is64 = h[4] === 2;
    const shoff = is64 ? Number(view.getBigUint64(40, true)) : view.getUint32(32, true);
    const entry = view.getUint16(is64 ? 58 : 46, true);
    const count = view.getUint16(is64 ? 60 : 48, true);
    if (shoff === 0 || count === 0 || shoff > Number.MAX_SAFE_INTEGER / 2) {
      throw new BtfError("decompressed ELF has no usable section header table");
    }
    this.#elfEnd = shoff + entry * count;
    const from = this.#keepAll ? 0 : Math.max(0, shoff - TAIL_BYTES);
    const tail = this.#refill(from, this.#elfEnd - from);
    this.#captures.push(tail);
    return tail;
  }
  /** A capture of [start, start+length) seeded with what was already kept of it. */
  #refill(start, length) {
    const c = {
      start,
      bytes: new Uint8Array(length),
      filled: 0,
      btfHeader: false
    };
    if (start < ELF_HEADER) {
      c.bytes.set(this.#header.bytes.subarray(start, Math.min(ELF_HEADER, start + length)));
      c.filled = Math.min(ELF_HEADER, start + length) - start;
    }
    return c;
  }
  /** Starts a capture at every BTF header magic in `chunk` (and across its left edge). */
  #scan(chunk, start) {
    const carry = this.#carry;
    const joined = new Uint8Array(carry.length + Math.min(chunk.length, 3));
    joined.set(carry);
    joined.set(chunk.subarray(0, joined.length - carry.length), carry.length);
    for (let i = 0; i < carry.length; i++) {
      if (isBtfMagic(joined, i)) this.#startBtf(start - carry.length + i, joined.subarray(i));
    }
    for (let at = chunk.indexOf(159); at >= 0; at = chunk.indexOf(159, at + 1)) {
      if (isBtfMagic(chunk, at)) this.#startBtf(start + at, new Uint8Array(0));
    }
    const keep = Math.min(3, carry.length + chunk.length);
    const next = new Uint8Array(keep);
    const fromChunk = Math.min(keep, chunk.length);
    next.set(carry.subarray(carry.length - (keep - fromChunk)));
    next.set(chunk.subarray(chunk.length - fromChunk), keep - fromChunk);
    this.#carry = next;
  }
  /** Starts capturing a BTF header at stream offset `at`; `seen` holds its bytes before `#pos`. */
  #startBtf(at, seen) {
    if (++this.#candidates > MAX_CANDIDATES) return;
    const c = this.#capture(at, BTF_HEADER);
    c.btfHeader = true;
    const before = Math.max(0, Math.min(this.#pos - at, BTF_HEADER));
    c.bytes.set(seen.subarray(0, before));
    c.filled = before;
  }
  #copy(c, chunk, chunkStart) {
    const want = c.start + c.filled;
    const end = chunkStart + chunk.length;
    if (c.filled >= c.bytes.length || want < chunkStart || want >= end) return;
    const n = Math.min(c.bytes.length - c.filled, end - want);
    c.bytes.set(chunk.subarray(want - chunkStart, want - chunkStart + n), c.filled);
    c.filled += n;
    if (c.btfHeader && c.filled === BTF_HEADER) {
      c.btfHeader = false;
      const length = btfBlobLength(c.bytes);
      if (length === null || c.start + length > this.#elfEnd) {
        c.bytes = new Uint8Array(0);
        c.filled = 0;
        return;
      }
      const grown = new Uint8Array(length);
      grown.set(c.bytes);
      c.bytes = grown;
      this.#copy(c, chunk, chunkStart);
    }
  }
  /** The kept bytes [offset, offset+length), or null when no capture holds all of them. */
  #slice(offset, length) {
    for (const c of this.#captures) {
      if (c.btfHeader || offset < c.start || offset + length > c.start + c.filled) continue;
      return c.bytes.subarray(offset - c.start, offset - c.start + length);
    }
    return null;
  }
  /** A ByteSource over the kept pieces; reading anything else throws NotKept. */
  #source() {
    const read = (offset, length) => {
      const got = this.#slice(offset, length);
      if (got === null) throw new NotKept(`bytes ${offset}+${length} were not kept`);
      return got;
    };
    return {
      size: this.#elfEnd,
      read,
      readInto: (offset, dest) => dest.set(read(offset, dest.length))
    };
  }
};
function isBtfMagic(b, at) {
  return at + 3 < b.length && b[at] === 159 && b[at + 1] === 235 && b[at + 2] === 1 && b[at + 3] === 0;
}
function btfBlobLength(h) {
  const v = new DataView(h.buffer, h.byteOffset, h.byteLength);
  const hdrLen = v.getUint32(4, true);
  if (hdrLen < BTF_HEADER || hdrLen > 256) return null;
  const typeEnd = v.getUint32(8, true) + v.getUint32(12, true);
  const strEnd = v.getUint32(16, true) + v.getUint32(20, true);
  return hdrLen + Math.max(typeEnd, strEnd);
}

// btf/image/decompress.ts
async function codecFor(compression) {
  switch (compression) {
    case "gzip":
      return (await import("./zlib-PZC2JXEO.js")).gunzip;
    case "zstd":
      return (await import("./zlib-PZC2JXEO.js")).unzstd;
    case "xz":
      return (await import("./lzma-TSKHH3P7.js")).unxz;
    case "lzma":
      return (await import("./lzma-TSKHH3P7.js")).unlzma;
    case "bzip2":
      return (await import("./bzip2-IE4G3MXK.js")).bunzip2;
    case "lz4":
      return (await import("./lz4-CNAH7PXI.js")).unlz4;
    case "lzo":
      throw new BtfError("lzo payload: not supported (no maintained lzo decompressor package runs here); decompress it with `lzop -d` first");
  }
}
function reason(err) {
  const message = err instanceof Error ? err.message : String(err);
  return message.split("\n")[0].replace(/^Error: /, "");
}
function sliceSource(src, offset, length) {
  return {
    size: length,
    read: (at, n) => src.read(offset + at, n),
    readInto: (at, dest) => src.readInto(offset + at, dest)
  };
}
var CHECKSUMMED = /* @__PURE__ */ new Set([
  "gzip",
  "xz",
  "zstd",
  "bzip2"
]);
async function btfFromPayload(payload, compression, exact, keepAll = false) {
  const codec = await codecFor(compression);
  const verify = exact && CHECKSUMMED.has(compression);
  const attempt = async (all) => {
    const collector = new ElfBtfCollector(all);
    let failure;
    try {
      await codec(payload, (chunk) => collector.push(chunk) || verify);
    } catch (err) {
      failure = err;
    }
    if (failure !== void 0 && (verify || !collector.complete)) {
      throw new BtfError(`corrupt or truncated after ${collector.received} decompressed bytes (${reason(failure)})`);
    }
    return collector.finish();
  };
  try {
    return await attempt(keepAll) ?? await attempt(true) ?? fail("the ELF's .BTF section was not found");
  } catch (err) {
    if (err instanceof BtfError) throw new BtfError(`${compression} payload: ${err.message}`);
    throw err;
  }
}
function fail(message) {
  throw new BtfError(message);
}

// btf/image/image.ts
var MAX_SCAN = 256 << 20;
function hex(bytes) {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join(" ");
}
async function btfFromImage(src, keepAll = false) {
  const head = src.read(0, Math.min(src.size, BOOT_HEADER_BYTES));
  const boot = bootPayload(head);
  if (boot !== null) {
    const magic = src.read(boot.offset, Math.max(0, Math.min(8, src.size - boot.offset)));
    const compression = compressionAt(magic);
    if (compression === null) {
      throw new BtfError(`bzImage payload at ${boot.offset} has an unknown compression (starts ${hex(magic)})`);
    }
    if (boot.offset + boot.length > src.size) {
      throw new BtfError(`${compression} payload: ${boot.length} bytes at ${boot.offset} run past the end of the ${src.size}-byte file (truncated)`);
    }
    const length = compression === "gzip" ? boot.length : Math.max(0, boot.length - 4);
    const payload = sliceSource(src, boot.offset, length);
    return {
      compression,
      ...await btfFromPayload(payload, compression, true, keepAll)
    };
  }
  const leading = compressionAt(head);
  if (leading !== null) {
    return {
      compression: leading,
      ...await btfFromPayload(src, leading, true, keepAll)
    };
  }
  if (src.size > MAX_SCAN) return null;
  const candidates = magicCandidates(src.read(0, src.size));
  for (const { compression, offset } of candidates) {
    try {
      const payload = sliceSource(src, offset, src.size - offset);
      return {
        compression,
        ...await btfFromPayload(payload, compression, false, keepAll)
      };
    } catch (err) {
      if (!(err instanceof BtfError)) throw err;
    }
  }
  return null;
}

// load/image.ts
function implicitBase(path) {
  const name = path.startsWith(SYSFS_BTF) ? path.slice(SYSFS_BTF.length) : "";
  return name !== "" && name !== "vmlinux" && !name.includes("/") ? HOST_BTF_PATH : void 0;
}
function needsDecompression(path) {
  let head;
  try {
    head = readHead(path, BOOT_HEADER_BYTES);
  } catch {
    return false;
  }
  return head.length > 0 && !hasBtfMagic(head) && !hasBigEndianBtfMagic(head) && !hasElfMagic(head);
}
async function readImageBtf(path, keepAll = false) {
  const opened = openSource(path);
  try {
    const found = await btfFromImage(opened.src, keepAll);
    if (found === null) {
      throw new BtfError(NOT_RECOGNIZED);
    }
    return found;
  } finally {
    opened.close();
  }
}
async function loadImage(path, base) {
  try {
    const { btf } = await readImageBtf(path);
    const types = buildTypes(btf.length, btf, (dest) => dest.set(btf), (offset) => btf[offset], base);
    return {
      path,
      format: "image",
      types
    };
  } catch (err) {
    throw openError(path, err);
  }
}
async function loadKernelCached(path, opts = {}, base) {
  if (base === void 0 && implicitBase(path) !== void 0) base = hostBtfMemo.get().types;
  if (!needsDecompression(path)) return loadBtfCached(path, opts, base);
  const loaded = await loadBtfCachedWith(path, opts, (p) => p === path ? loadImage(p, base) : Promise.resolve(loadBtf(p, base)));
  return {
    ...loaded,
    path
  };
}
async function addKernelEntry(root, source, key, replace = false) {
  if (!needsDecompression(source)) return addEntry(root, source, key, replace);
  let image;
  try {
    image = await readImageBtf(source, true);
  } catch (err) {
    throw openError(source, err);
  }
  return addEntry(root, source, key, replace, {
    elf: image.elf,
    btf: image.btf
  });
}

export {
  command,
  LOAD_OPTIONS,
  loadOptions,
  LOAD_OPTIONS_HELP,
  ENVIRONMENT_HELP,
  CacheError,
  humanSize,
  HOST_BTF_PATH,
  cacheRoot,
  loadBtfCachedWith,
  isHostBtf,
  resolveKernelInput,
  listEntries,
  cleanEntries,
  implicitBase,
  needsDecompression,
  loadKernelCached,
  addKernelEntry
};
