/**
 * Shared test helpers: fixture paths, the independent decoder (bpftool), and ways to run
 * the CLI in process or as a real subprocess.
 * @module
 */
import { fileURLToPath as fromFileUrl } from "node:url";
import assert from "node:assert/strict";
import { BtfError } from "../btf/errors.ts";
import { main } from "../cli.ts";
import type { CliIo } from "../cli/io.ts";

/** Absolute path of a file under testdata/. */
export function fixture(name: string): string {
  return fromFileUrl(new URL(`../testdata/${name}`, import.meta.url));
}

/** The CLI's entry point, `cli.ts`. */
export const CLI = fromFileUrl(new URL("../cli.ts", import.meta.url));

/** The compiler's offsetof oracle of fixture `name` (`testdata/<name>.offsets.json`). */
export function offsetsOracle(name: string): Record<string, number> {
  return JSON.parse(Deno.readTextFileSync(fixture(`${name}.offsets.json`)));
}

/**
 * The running kernel's BTF. Only tests that exist to read the real host use it, and they skip
 * with a printed reason where the host has none ({@link hostTest}).
 */
export const HOST_BTF = "/sys/kernel/btf/vmlinux";
/**
 * Debian's sched_ext kernel 7.3.4, pinned: its raw BTF is committed
 * (testdata/kernels/, xz) and unpacked by tests/prepare.sh. Tests assert exact offsets on it.
 */
export const PINNED_73_BTF = fixture(".cache/debian-7.3.4+deb13-amd64.btf");
/** The newest Debian 6.1 kernel (ELF vmlinux) fetched by tests/prepare.sh. */
export const DEBIAN_VMLINUX = fixture(".cache/debian-6.1.vmlinux");
/** The raw `.BTF` section of {@link DEBIAN_VMLINUX} (llvm-objcopy). */
export const DEBIAN_BTF = fixture(".cache/debian-6.1.btf");
/** Debian's newest sched_ext kernel (trixie-backports), its bzImage, fetched by tests/prepare.sh. */
export const SCHED_EXT_VMLINUZ = fixture(".cache/sched-ext.vmlinuz");
/** The ELF vmlinux inside {@link SCHED_EXT_VMLINUZ} (decompressed by the system's zstd). */
export const SCHED_EXT_VMLINUX = fixture(".cache/sched-ext.vmlinux");
/** The raw `.BTF` section of {@link SCHED_EXT_VMLINUX} (llvm-objcopy). */
export const SCHED_EXT_BTF = fixture(".cache/sched-ext.btf");
/** {@link SCHED_EXT_VMLINUX} repacked behind the same boot header with `compression`. */
export function schedExtImage(compression: string): string {
  return compression === "zstd"
    ? SCHED_EXT_VMLINUZ
    : fixture(`.cache/sched-ext-${compression}.vmlinuz`);
}
/** The release of {@link SCHED_EXT_VMLINUZ} (`7.3.4+deb13-amd64`), from its package's name. */
export function schedExtRelease(): string {
  return Deno.readTextFileSync(fixture(".cache/sched-ext.package")).trim().replace(
    /^linux-binary-/,
    "",
  );
}
/** A module of {@link SCHED_EXT_VMLINUX} (`fat`), as shipped (`.ko.xz`) and as `ext`. */
export function schedExtModule(ext: "ko.xz" | "ko" | "ko.zst" | "ko.gz" | "btf"): string {
  return fixture(`.cache/mod-fat.${ext}`);
}

/** Whether this host has a BTF to read (a container, or a kernel built without BTF, has none). */
export const HAS_HOST_BTF: boolean = (() => {
  try {
    return Deno.statSync(HOST_BTF).isFile;
  } catch {
    return false;
  }
})();

/**
 * Registers a test that exists to read the real host's BTF: where the host has none it is
 * ignored, and the reason is printed.
 */
export function hostTest(name: string, fn: () => void | Promise<void>): void {
  if (!HAS_HOST_BTF) console.log(`ignored: ${name}: this host has no ${HOST_BTF}`);
  Deno.test({ name, ignore: !HAS_HOST_BTF, fn });
}

/** Runs a command and returns its stdout; throws with its stderr when it fails. */
export function run(cmd: string, args: string[]): string {
  const out = new Deno.Command(cmd, { args, stdout: "piped", stderr: "piped" }).outputSync();
  if (!out.success) {
    throw new Error(`${cmd} ${args.join(" ")} failed: ${new TextDecoder().decode(out.stderr)}`);
  }
  return new TextDecoder().decode(out.stdout);
}

/** Per-kind type counts of a BTF file (raw or ELF) as bpftool decodes it. */
export function bpftoolKindCounts(path: string, base?: string): Record<string, number> {
  const args = [...(base ? ["-B", base] : []), "btf", "dump", "file", path];
  const counts: Record<string, number> = {};
  for (const line of run("bpftool", args).split("\n")) {
    const m = /^\[\d+\] ([A-Z_0-9]+) /.exec(line);
    if (m) counts[m[1]] = (counts[m[1]] ?? 0) + 1;
  }
  return counts;
}

/** What one CLI run produced. */
export interface CliResult {
  /** Exit code. */
  code: number;
  /** Standard output. */
  stdout: string;
  /** Standard error. */
  stderr: string;
}

/** Runs the CLI in this process with captured output. */
export async function runCli(args: string[]): Promise<CliResult> {
  let stdout = "", stderr = "";
  const io: CliIo = {
    out: (t) => void (stdout += t),
    err: (t) => void (stderr += t),
    color: false,
  };
  const code = await main(args, io);
  return { code, stdout, stderr };
}

/** Runs `cmd` to its end with `options` and returns its exit code and decoded output. */
export function spawn(cmd: string, options: Deno.CommandOptions): CliResult {
  const out = new Deno.Command(cmd, { ...options, stdout: "piped", stderr: "piped" }).outputSync();
  const dec = new TextDecoder();
  return { code: out.code, stdout: dec.decode(out.stdout), stderr: dec.decode(out.stderr) };
}

/** Runs `deno run -A cli.ts ...args` as a subprocess (real exit code, real streams). */
export function spawnCli(args: string[], env: Record<string, string> = {}): CliResult {
  return spawn(Deno.execPath(), { args: ["run", "-A", CLI, ...args], env });
}

/**
 * Runs the test program `tests/<main>` as `deno run ...flags main ...args`, asserts that it
 * exits 0 (showing its standard error when not) and returns its standard output as JSON.
 */
export function childJson<T>(flags: string[], main: string, args: string[]): T {
  const path = fromFileUrl(new URL(main, import.meta.url));
  const out = spawn(Deno.execPath(), { args: ["run", ...flags, path, ...args] });
  assert.equal(out.code, 0, out.stderr);
  return JSON.parse(out.stdout) as T;
}

/** A temporary directory removed when the returned disposable is disposed. */
export function tempDir(): { path: string } & Disposable {
  const path = Deno.makeTempDirSync({ prefix: "ktstr-btf-test-" });
  return { path, [Symbol.dispose]: () => Deno.removeSync(path, { recursive: true }) };
}

/**
 * Runs the CLI as an unprivileged user: as root (who ignores permission bits) the run drops
 * to nobody with setpriv, using `scratch` (world-writable) for Deno's cache.
 */
export function spawnCliUnprivileged(args: string[], scratch: string): CliResult {
  if (Deno.uid() !== 0) return spawnCli(args);
  const denoDir = `${scratch}/deno-dir`;
  Deno.mkdirSync(denoDir, { recursive: true });
  Deno.chmodSync(scratch, 0o777);
  Deno.chmodSync(denoDir, 0o777);
  return spawn("setpriv", {
    args: [
      "--reuid=65534",
      "--regid=65534",
      "--clear-groups",
      Deno.execPath(),
      "run",
      "-A",
      CLI,
      ...args,
    ],
    env: { DENO_DIR: denoDir },
  });
}

/** The BtfError message `fn`'s promise rejects with (fails when it resolves or rejects otherwise). */
export async function rejectsBtf(fn: () => Promise<unknown>): Promise<string> {
  try {
    await fn();
  } catch (err) {
    assert.ok(err instanceof BtfError, `expected a BtfError, got ${String(err)}`);
    return err.message;
  }
  throw new Error("no error");
}

/** The SHA-256 of `bytes`, as lowercase hex. */
export async function sha256(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
  return Array.from(digest, (b) => b.toString(16).padStart(2, "0")).join("");
}

/** Asserts that `fn` throws a BtfError whose message is exactly `message`. */
export function throwsBtf(fn: () => unknown, message: string): void {
  let thrown: unknown = undefined;
  try {
    fn();
  } catch (err) {
    thrown = err;
  }
  assert.ok(thrown !== undefined, `expected BtfError '${message}', nothing was thrown`);
  assert.ok(thrown instanceof BtfError, `expected a BtfError, got ${String(thrown)}`);
  assert.equal(thrown.message, message);
}

/** Member offsets and sizes of `structs` as pahole prints them (anonymous members flattened). */
export function paholeLayout(path: string, structs: string[]) {
  const layout = parsePahole(run("pahole", ["-F", "btf", "-C", structs.join(","), path]));
  // pahole stops at a struct the kernel lacks (s390x has no bpf_struct_ops_map): those it
  // did not print are asked one at a time.
  for (const name of structs.filter((s) => !layout.has(s))) {
    const one = spawn("pahole", { args: ["-F", "btf", "-C", name, path] });
    if (one.code === 0) { for (const [k, v] of parsePahole(one.stdout)) layout.set(k, v); }
  }
  return layout;
}

/** The struct layouts of pahole's output `out`: each struct's member offsets and size. */
function parsePahole(out: string) {
  const layout = new Map<string, { members: Map<string, number>; size: number }>();
  let current: { members: Map<string, number>; size: number } | undefined;
  let depth = 0;
  for (const line of out.split("\n")) {
    const open = /^struct (\w+) \{/.exec(line);
    if (open) {
      current = { members: new Map(), size: -1 };
      if (!layout.has(open[1])) layout.set(open[1], current);
      depth = 1;
      continue;
    }
    if (!current) continue;
    if (/\{\s*$/.test(line)) depth++;
    const m = /[\s*](\w+)(\[\d*\])*(:\d+)?( __attribute__\(\(.*\)\))?;\s+\/\*\s+(\d+)/.exec(line);
    // Members of named nested types are printed only by reference, so every line at any
    // depth inside the outer braces is a member of the outer struct or of an anonymous member.
    if (m && !m[3] && !current.members.has(m[1])) current.members.set(m[1], Number(m[5]));
    if (/^\s*\}/.test(line)) depth--;
    const size = /\/\* size: (\d+),/.exec(line);
    if (size && depth === 1) {
      current.size = Number(size[1]);
      current = undefined;
    }
  }
  return layout;
}
