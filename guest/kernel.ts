/**
 * Finding the kernel in a guest memory image with nothing but the memory: VMCOREINFO (a
 * note, or the text in RAM), the paging (root table, 4 or 5 levels, phys_base), the symbols
 * (kallsyms decoded from memory, or a symbol file), the BTF (given, or the kernel's own
 * `.BTF` found in memory through `__start_BTF`), the possible CPUs and their per-CPU offsets;
 * then the check that they fit the memory (every run queue's `cpu`, the idle tasks' names).
 * Pure: the caller opens files.
 * @module
 */
import { BtfError } from "../btf/errors.ts";
import { BtfTypes } from "../btf/table.ts";
import { GuestError, hex } from "./errors.ts";
import type { MemoryImage } from "./image.ts";
import { readKallsyms, type SymbolTable } from "./kallsyms.ts";
import { findVmcoreInfo, type VmcoreInfo, vmcoreInfoFromNotes } from "./vmcoreinfo.ts";
import { GuestView } from "./view.ts";
import { imagePhys, type X86Paging, X86Translator } from "./x86_64.ts";

/** A guest kernel found in memory, ready to be read. */
export interface GuestKernel {
  /** Its VMCOREINFO. */
  vmcoreinfo: VmcoreInfo;
  /** Where the VMCOREINFO came from: `note` or `ram`. */
  vmcoreinfoFrom: "note" | "ram";
  /** Its symbols. */
  symbols: SymbolTable;
  /** Its BTF. */
  types: BtfTypes;
  /** Where the BTF came from (the `-k` input, or `guest memory`). */
  btfFrom: string;
  /** Typed reads of its memory by BTF path. */
  view: GuestView;
  /** Its possible CPUs, in order. */
  cpus: number[];
  /** Each possible CPU's per-CPU offset (`__per_cpu_offset[cpu]`). */
  perCpuOffset(cpu: number): bigint;
  /** How it maps its addresses: the root table, 4 or 5 levels (5 with LA57), phys_base. */
  paging: X86Paging;
  /** The KASLR slide (VMCOREINFO's KERNELOFFSET; 0 without KASLR). */
  kaslrOffset: bigint;
}

/** What the caller may supply instead of finding it in memory. */
export interface KernelInputs {
  /** The kernel's BTF (from `-k`). */
  types?: BtfTypes;
  /** What to call it in reports. */
  btfFrom?: string;
  /** Makes the symbol table (from `--symbols`) once the VMCOREINFO is known. */
  symbols?: (vmcoreinfo: VmcoreInfo) => SymbolTable;
}

/** At most this many CPUs are read from the possible mask. */
const MAX_CPUS = 8192;

/** The symbol `name`'s address; throws GuestError naming it. */
export function needSymbol(symbols: SymbolTable, name: string): bigint {
  const va = symbols.address(name);
  if (va === undefined) throw new GuestError(`symbol ${name} is not in ${symbols.origin}`);
  return va;
}

/** The kernel's own BTF, read from the image between `__start_BTF` and `__stop_BTF`. */
function btfInMemory(symbols: SymbolTable, read: (va: bigint, n: number) => Uint8Array): BtfTypes {
  const start = symbols.address("__start_BTF"), stop = symbols.address("__stop_BTF");
  if (start === undefined || stop === undefined || stop <= start || stop - start > 1n << 28n) {
    throw new GuestError(
      `the kernel's BTF is not in ${symbols.origin} (no __start_BTF/__stop_BTF): pass -k KERNEL`,
    );
  }
  const bytes = read(start, Number(stop - start));
  try {
    return BtfTypes.build(bytes);
  } catch (err) {
    if (err instanceof BtfError) {
      throw new GuestError(
        `the BTF at ${hex(start)} in guest memory does not parse: ${err.message}`,
      );
    }
    throw err;
  }
}

/** Finds the kernel in `image`; throws GuestError with one line naming what is missing. */
export function findKernel(image: MemoryImage, inputs: KernelInputs = {}): GuestKernel {
  const fromNote = vmcoreInfoFromNotes(image.notes);
  const vmcoreinfo = fromNote ?? findVmcoreInfo(image.memory);
  if (vmcoreinfo === undefined) {
    throw new GuestError("no VMCOREINFO in the image (not a Linux guest's memory?)");
  }
  const physBase = vmcoreinfo.number("phys_base");
  const topPgt = vmcoreinfo.symbol("init_top_pgt");
  if (physBase === undefined || topPgt === undefined) {
    throw new GuestError(
      "VMCOREINFO has no NUMBER(phys_base) or SYMBOL(init_top_pgt) (not x86_64?)",
    );
  }
  const levels = vmcoreinfo.number("pgtable_l5_enabled") === 1n ? 5 : 4;
  const root = imagePhys(topPgt, physBase);
  if (root === null) {
    throw new GuestError(
      `VMCOREINFO's SYMBOL(init_top_pgt) 0x${topPgt.toString(16)} is outside the kernel image`,
    );
  }
  const paging: X86Paging = { root, levels, physBase };
  const translator = new X86Translator(image.memory, paging);
  const read = (va: bigint, n: number) => translator.read(va, n);
  const symbols = inputs.symbols?.(vmcoreinfo) ?? readKallsyms(read, vmcoreinfo);
  const types = inputs.types ?? btfInMemory(symbols, read);
  const view = new GuestView(types, read);
  const cpuCount = Number(view.u32(needSymbol(symbols, "nr_cpu_ids")));
  if (cpuCount < 1 || cpuCount > MAX_CPUS) {
    throw new GuestError(`nr_cpu_ids is ${cpuCount}: symbols of another kernel?`);
  }
  const mask = read(needSymbol(symbols, "__cpu_possible_mask"), Math.ceil(cpuCount / 64) * 8);
  const cpus: number[] = [];
  for (let cpu = 0; cpu < cpuCount; cpu++) if (mask[cpu >> 3] & (1 << (cpu & 7))) cpus.push(cpu);
  const offsets = view.u64Array(needSymbol(symbols, "__per_cpu_offset"), cpuCount);
  const kernel: GuestKernel = {
    vmcoreinfo,
    vmcoreinfoFrom: fromNote ? "note" : "ram",
    symbols,
    types,
    btfFrom: inputs.types ? (inputs.btfFrom ?? "-k") : "guest memory",
    view,
    cpus,
    perCpuOffset: (cpu) => offsets[cpu],
    paging,
    kaslrOffset: vmcoreinfo.kernelOffset,
  };
  checkFit(kernel);
  return kernel;
}

/** The address of per-CPU variable `name` on `cpu`. */
export function perCpuAddress(kernel: GuestKernel, name: string, cpu: number): bigint {
  return (needSymbol(kernel.symbols, name) + kernel.perCpuOffset(cpu)) & ((1n << 64n) - 1n);
}

/** Where kernel addresses start: the canonical upper half with 5-level or 4-level paging. */
function kernelSpaceStart(levels: 4 | 5): bigint {
  return levels === 5 ? 0xff00000000000000n : 0xffff800000000000n;
}

/**
 * That the BTF and the symbols fit this memory: each possible CPU's run queue says it is that
 * CPU, its current and idle tasks are kernel addresses, and its idle task is `swapper/<cpu>`.
 * Throws GuestError with the first misfit.
 */
function checkFit(kernel: GuestKernel): void {
  const { view } = kernel;
  for (const cpu of kernel.cpus) {
    // A misfit found while checking (a member past the struct, an unmapped pointer) is said
    // as such; the checks' own verdicts are thrown as they are.
    let verdict: GuestError | undefined;
    const rq = perCpuAddress(kernel, "runqueues", cpu); // a missing symbol says so itself
    try {
      const said = view.int(rq, "rq.cpu");
      if (said !== BigInt(cpu)) {
        verdict = new GuestError(
          `the run queue of CPU ${cpu} says it is CPU ${said}: BTF or symbols of another kernel`,
        );
      }
      for (const [member, task] of [["rq.idle", "idle"], ["rq.curr", "current"]] as const) {
        const at = verdict ?? view.pointer(rq, member);
        if (typeof at === "bigint" && at < kernelSpaceStart(kernel.paging.levels)) {
          verdict = new GuestError(
            `CPU ${cpu}'s ${task} task is at 0x${at.toString(16)}, not a kernel address: BTF or ` +
              "symbols of another kernel",
          );
        }
      }
      const comm = verdict ?? view.string(view.pointer(rq, "rq.idle"), "task_struct.comm");
      if (typeof comm === "string" && comm !== `swapper/${cpu}`) {
        verdict = new GuestError(
          `CPU ${cpu}'s idle task is '${comm}', not 'swapper/${cpu}': BTF or symbols of another kernel`,
        );
      }
    } catch (err) {
      if (!(err instanceof BtfError)) throw err;
      throw new GuestError(`the BTF does not fit this memory: ${err.message}`);
    }
    if (verdict) throw verdict;
  }
}
