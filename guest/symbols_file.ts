/**
 * A symbol file: `/proc/kallsyms` or `System.map` (`<hex address> <type> <name>[ [module]]`
 * per line). A System.map from a package is linked at the unrandomized address: when its
 * `_stext` differs from the running kernel's by VMCOREINFO's `KERNELOFFSET`, every address in
 * the kernel image is slid by it (per-CPU offsets, below the image, are not). Pure.
 * @module
 */
import { GuestError } from "./errors.ts";
import { type SymbolTable, symbolTable } from "./kallsyms.ts";
import type { VmcoreInfo } from "./vmcoreinfo.ts";

const LINE = /^([0-9a-fA-F]{1,16})\s+(\S)\s+(\S+)(?:\s+\[\S+\])?\s*$/;
/** Where the kernel image is mapped (`__START_KERNEL_map`). */
const IMAGE_START = 0xffffffff80000000n;

/** Parses symbol file `text` (named `path` in errors); `info` slides a System.map. */
export function parseSymbolsFile(text: string, path: string, info?: VmcoreInfo): SymbolTable {
  const names: string[] = [], addresses: bigint[] = [], types: string[] = [];
  const lines = text.split("\n");
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n];
    if (line.trim() === "") continue;
    const m = LINE.exec(line);
    if (!m) throw new GuestError(`${path}:${n + 1}: not a symbol line (address type name)`);
    if (line.includes("[")) continue; // a module's symbol
    addresses.push(BigInt(`0x${m[1]}`));
    types.push(m[2]);
    names.push(m[3]);
  }
  if (names.length === 0) throw new GuestError(`${path}: no symbols`);
  const table = symbolTable(names, addresses, types, path);
  const stext = table.address("_stext"), running = info?.symbol("_stext");
  if (stext === undefined || running === undefined || stext === running) return table;
  if (stext + info!.kernelOffset !== running) {
    throw new GuestError(
      `${path}: _stext is 0x${stext.toString(16)}, the guest's is 0x${running.toString(16)}: ` +
        "symbols of another kernel",
    );
  }
  const slid = addresses.map((a) => a >= IMAGE_START ? a + info!.kernelOffset : a);
  return symbolTable(names, slid, types, `${path} (slid by KERNELOFFSET)`);
}
