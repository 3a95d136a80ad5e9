/**
 * The in-process memo of the running kernel's BTF (`/sys/kernel/btf/vmlinux`): parsed once
 * per process and shared by every load that names it, whatever path leads there (docs/CLI.md: The
 * cache).
 * @module
 */
import { loadBtf, type LoadedBtf, realPath } from "./file.ts";

/** The running kernel's BTF, memoized per process. */
export const HOST_BTF_PATH = "/sys/kernel/btf/vmlinux";

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
