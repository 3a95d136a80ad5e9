/**
 * What a kernel is built for, for a report's `source`: its architecture (as its file's
 * header names it, else as its BTF tells: each architecture has a struct of its own), the
 * byte order of its BTF, and its pointer size (libbpf's rule). Pure; the format layer's, so
 * a kernel report reads them without loading the query modules.
 * @module
 */
import { Kind } from "./kinds.ts";
import type { BtfTypes } from "./table.ts";

/**
 * Every spelling of `long` and `unsigned long` a compiler writes as a base type's name (gcc
 * `long int`, `long unsigned int`; clang `long`, `unsigned long`), as libbpf lists them.
 */
export const LONG_NAMES: readonly string[] = [
  "long",
  "long int",
  "int long",
  "unsigned long",
  "long unsigned",
  "unsigned long int",
  "unsigned int long",
  "long unsigned int",
  "long int unsigned",
  "int unsigned long",
  "int long unsigned",
];

const pointerSizes = new WeakMap<BtfTypes, number | null>();

/**
 * The size of a pointer in this BTF, 4 or 8, or null when it cannot be told. BTF records
 * none, so this is libbpf's rule (determine_ptr_size): a split BTF's is its base's when the
 * base tells it; else the size of the first INT (in type-id order) of 4 or 8 bytes named
 * `long` or `unsigned long` in any spelling ({@link LONG_NAMES}). Every kernel's BTF has one.
 *
 * ```ts
 * pointerSize(loadBtf("/sys/kernel/btf/vmlinux").types); // 8 on x86-64, 4 on i686 or armv7
 * ```
 */
export function pointerSize(types: BtfTypes): number | null {
  let size = pointerSizes.get(types);
  if (size === undefined) {
    size = (types.base && pointerSize(types.base)) ?? null;
    if (size === null) size = firstLongSize(types);
    pointerSizes.set(types, size);
  }
  return size;
}

/**
 * The size of the first INT (in type-id order) of 4 or 8 bytes named in {@link LONG_NAMES}, or
 * null. Names sorted in the BTF (7.x) are found by binary search; otherwise one pass over
 * the types reads the INTs' names only, so no name index is built for it.
 */
function firstLongSize(types: BtfTypes): number | null {
  const fits = (id: number) => types.kind(id) === Kind.INT && [4, 8].includes(types.size(id));
  if (types.sortedByName) {
    const ids = LONG_NAMES.flatMap((n) => types.byName(n, { functions: false })).filter(fits);
    return ids.length === 0 ? null : types.size(Math.min(...ids));
  }
  const names = new Set(LONG_NAMES);
  for (let id = types.firstId; id < types.firstId + types.count; id++) {
    if (fits(id) && names.has(types.name(id))) return types.size(id);
  }
  return null;
}

/** The machine a kernel's BTF describes. */
export interface MachineFacts {
  /** `uname -m`-style name (`x86_64`, `arm64`, `s390x`, …); null when nothing tells. */
  arch: string | null;
  /** The BTF's byte order. */
  endianness: "little" | "big";
  /** sizeof a pointer, or null when the BTF cannot tell (no INT named `long`). */
  pointer_size: number | null;
}

/** A struct only one architecture's kernel defines, and that architecture by pointer size. */
const ARCH_STRUCTS: [string, (pointer: number | null, big: boolean) => string][] = [
  ["cpuinfo_x86", (p) => p === 4 ? "i386" : "x86_64"],
  ["cpuinfo_arm64", () => "arm64"],
  ["cpuinfo_arm", () => "arm"],
  ["riscv_cpuinfo", (p) => p === 4 ? "riscv32" : "riscv64"],
  ["lowcore", (p) => p === 4 ? "s390" : "s390x"],
  ["paca_struct", (_p, big) => big ? "ppc64" : "ppc64le"],
  ["loongarch_fpu", () => "loongarch64"],
];

/** The architecture `types` tells by the structs it defines, or null. */
export function archFromBtf(types: BtfTypes): string | null {
  const pointer = pointerSize(types);
  // The likeliest first: each lookup before the name index is built is a scan.
  const order = types.bigEndian ? [...ARCH_STRUCTS].reverse() : ARCH_STRUCTS;
  for (const [name, arch] of order) {
    const ids = types.byName(name, { functions: false });
    if (ids.some((id) => types.kind(id) === Kind.STRUCT)) return arch(pointer, types.bigEndian);
  }
  return null;
}

/** The {@link MachineFacts} of `types`, its architecture as `headerArch` names it if given. */
export function machineFacts(types: BtfTypes, headerArch?: string): MachineFacts {
  return {
    arch: headerArch ?? archFromBtf(types),
    endianness: types.bigEndian ? "big" : "little",
    pointer_size: pointerSize(types),
  };
}

/**
 * `target` with the {@link MachineFacts} of `types` as enumerable properties (after its own,
 * so JSON prints them last) that are worked out on first read: a load that never prints
 * them (a query's human output) never pays the name lookups. `types` must stay alive.
 */
export function withMachineFacts<T extends object>(
  target: T,
  types: BtfTypes,
  headerArch?: string,
): T & MachineFacts {
  let facts: MachineFacts | undefined;
  const get = () => facts ??= machineFacts(types, headerArch);
  const property = (key: keyof MachineFacts) => ({ get: () => get()[key], enumerable: true });
  return Object.defineProperties(target, {
    arch: property("arch"),
    endianness: property("endianness"),
    pointer_size: property("pointer_size"),
  }) as T & MachineFacts;
}
