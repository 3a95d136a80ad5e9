/**
 * The PE header an EFI stub puts in front of a kernel (arm64, riscv64, loongarch64 `Image`,
 * EFI zboot `vmlinuz.efi`, x86 bzImage): `MZ` at 0, the PE header's offset at 0x3c, there
 * `PE\0\0` and the 2-byte Machine. Pure: reads only the bytes it is given.
 * @module
 */
import { peMachineArch } from "./arch.ts";

/** What a PE header says. */
export interface PeHeader {
  /** Offset of the `PE\0\0` signature in the file. */
  offset: number;
  /** The Machine field (0xaa64 arm64, 0x5064 riscv64, 0x8664 x86_64, ...). */
  machine: number;
  /** Its architecture (see btf/image/arch.ts), when Linux boots it by EFI. */
  arch?: string;
}

/** Whether `head` starts with the DOS header's `MZ`. */
export function hasMzMagic(head: Uint8Array): boolean {
  return head.length >= 0x40 && head[0] === 0x4d && head[1] === 0x5a;
}

/**
 * The PE header of a file whose first bytes are `head`, or null when there is none: no `MZ`,
 * or no `PE\0\0` where 0x3c points (within `head`: the kernel's stubs put it at 0x40 to 0x80).
 */
export function peHeader(head: Uint8Array): PeHeader | null {
  if (!hasMzMagic(head)) return null;
  const view = new DataView(head.buffer, head.byteOffset, head.byteLength);
  const offset = view.getUint32(0x3c, true);
  if (offset < 0x40 || offset + 6 > head.length) return null;
  if (view.getUint32(offset, true) !== 0x00004550) return null; // "PE\0\0"
  const machine = view.getUint16(offset + 4, true);
  const arch = peMachineArch(machine);
  return arch === undefined ? { offset, machine } : { offset, machine, arch };
}
