/**
 * What the guest-memory commands (`rq`, `scx`) share: their options, and opening a memory
 * image with the kernel found in it (its BTF from `-k`, any input `kernel` takes, or from the
 * guest's memory; its symbols from `--symbols`, or kallsyms in the guest's memory).
 * @module
 */
import { BtfError } from "../btf/errors.ts";
import { GuestError } from "../guest/errors.ts";
import { openMemoryImage } from "../guest/image.ts";
import { findKernel, type GuestKernel } from "../guest/kernel.ts";
import { parseSymbolsFile } from "../guest/symbols_file.ts";
import type { VmcoreInfo } from "../guest/vmcoreinfo.ts";
import { openMapped } from "../load/file.ts";
import type { OptionValues } from "./args.ts";
import { loadKernels } from "./batch.ts";
import { type CliIo, complain } from "./io.ts";

/** The options of a guest-memory command. */
export const GUEST_OPTIONS = {
  json: { type: "boolean" },
  kernel: { type: "string", short: "k" },
  symbols: { type: "string" },
} as const;

/** Their help lines. */
export const GUEST_OPTIONS_HELP =
  `  -k, --kernel PATH  the guest kernel's BTF: raw BTF, ELF vmlinux, vmlinuz, a cache key;
                     default: the BTF the kernel keeps in its own memory
  --symbols FILE     /proc/kallsyms or System.map of the guest kernel; default:
                     kallsyms decoded from the guest's memory (Linux 6.0 and later)
  --json             JSON instead of the human report
  -h, --help         show this help`;

/** What a memory image may be. */
export const MEMORY_HELP =
  `MEMORY is a QEMU dump-guest-memory ELF core (paging on or off), a kdump vmcore,
/proc/kcore, or a raw guest RAM file (QEMU memory-backend-file, share=on), recognised by
content. Nothing but the memory is needed: VMCOREINFO, the page tables, kallsyms and the
kernel's BTF are all found in it.`;

/** A guest kernel opened from a memory image, and the image's path; null after its error. */
export interface OpenedGuest {
  kernel: GuestKernel;
  path: string;
  close(): void;
}

/**
 * Opens memory image `path` and finds the kernel in it; on failure prints one line
 * (`ktstr-btf: <path>: <defect>`) and returns null.
 */
export async function openGuest(
  path: string,
  v: OptionValues<typeof GUEST_OPTIONS>,
  io: CliIo,
): Promise<OpenedGuest | null> {
  let types, btfFrom;
  if (v.kernel !== undefined) {
    const [outcome] = await loadKernels([v.kernel], { jobs: "0", cache: {} }, [], io, true);
    if ("error" in outcome) {
      complain(io, outcome.error);
      return null;
    }
    types = outcome.types!;
    btfFrom = v.kernel;
  }
  let opened;
  try {
    opened = openMapped(path);
  } catch (err) {
    if (!(err instanceof BtfError)) throw err;
    complain(io, `${path}: ${err.message}`);
    return null;
  }
  try {
    const image = openMemoryImage(opened.src);
    const file = v.symbols;
    const text = file === undefined ? undefined : Deno.readTextFileSync(file);
    const symbols = file === undefined
      ? undefined
      : (info: VmcoreInfo) => parseSymbolsFile(text!, file, info);
    const kernel = findKernel(image, { types, btfFrom, symbols });
    return { kernel, path, close: () => opened.close() };
  } catch (err) {
    opened.close();
    if (err instanceof BtfError || err instanceof GuestError) {
      complain(io, `${path}: ${err.message}`);
      return null;
    }
    if (err instanceof Deno.errors.NotFound) {
      complain(io, `${v.symbols}: ${err.message}`);
      return null;
    }
    throw err;
  }
}

/**
 * `read()`'s snapshot of the opened guest, or null after printing one line
 * (`ktstr-btf: <path>: <defect>`) when the memory cannot be read where the kernel says.
 */
export function readGuest<T>(guest: OpenedGuest, io: CliIo, read: () => T): T | null {
  try {
    return read();
  } catch (err) {
    if (!(err instanceof BtfError)) throw err;
    complain(io, `${guest.path}: ${err.message}`);
    return null;
  }
}

/** The `source` object of a guest report: the image and how the kernel was found in it. */
export interface GuestSource {
  path: string;
  release: string;
  possible_cpus: number;
  paging_levels: 4 | 5;
  /** The KASLR slide, `0x…` (`0x0` without KASLR). */
  kaslr_offset: string;
  /** `note` or `ram`. */
  vmcoreinfo: string;
  /** `kallsyms in guest memory`, or the symbol file. */
  symbols: string;
  /** `guest memory`, or the `-k` input. */
  btf: string;
}

/** The {@link GuestSource} of `kernel` found in the image at `path`. */
export function guestSource(path: string, kernel: GuestKernel): GuestSource {
  return {
    path,
    release: kernel.vmcoreinfo.release,
    possible_cpus: kernel.cpus.length,
    paging_levels: kernel.paging.levels,
    kaslr_offset: `0x${kernel.kaslrOffset.toString(16)}`,
    vmcoreinfo: kernel.vmcoreinfoFrom,
    symbols: kernel.symbols.origin,
    btf: kernel.btfFrom,
  };
}
