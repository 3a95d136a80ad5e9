/**
 * The architecture a kernel file names in its own header, where that is cheap to read: a PE
 * header's Machine (an EFI stub or EFI zboot image), an ELF header's `e_machine` (with its
 * class and byte order), an arm64 or riscv `Image` header, the s390 IPL header. Names are
 * those of `uname -m` where it is unambiguous, Debian's otherwise: `x86_64`, `i386`, `arm64`,
 * `arm`, `riscv64`, `riscv32`, `s390x`, `s390`, `ppc64le`, `ppc64`, `ppc`, `loongarch64`,
 * `mips64el`, `mips64`, `mipsel`, `mips`, `sparc64`. Pure.
 * @module
 */

/** PE/COFF Machine values (IMAGE_FILE_MACHINE_*) of the architectures Linux boots by EFI. */
const PE_MACHINES: Record<number, string> = {
  0x014c: "i386",
  0x8664: "x86_64",
  0xaa64: "arm64",
  0x01c0: "arm",
  0x01c2: "arm",
  0x01c4: "arm",
  0x5032: "riscv32",
  0x5064: "riscv64",
  0x6232: "loongarch32",
  0x6264: "loongarch64",
};

/** The architecture of a PE header's Machine field, or undefined when it is not one Linux uses. */
export function peMachineArch(machine: number): string | undefined {
  return PE_MACHINES[machine];
}

/**
 * The architecture an ELF header names (`head`: at least its first 20 bytes), or undefined
 * when `head` is no ELF header or names a machine not listed here.
 */
export function elfArch(head: Uint8Array): string | undefined {
  if (
    head.length < 20 || head[0] !== 0x7f || head[1] !== 0x45 || head[2] !== 0x4c ||
    head[3] !== 0x46
  ) return undefined;
  const is64 = head[4] === 2, little = head[5] === 1;
  const machine = little ? head[18] | (head[19] << 8) : (head[18] << 8) | head[19];
  switch (machine) {
    case 3:
      return "i386";
    case 62:
      return "x86_64";
    case 40:
      return "arm";
    case 183:
      return "arm64";
    case 243:
      return is64 ? "riscv64" : "riscv32";
    case 22:
      return is64 ? "s390x" : "s390";
    case 21:
      return little ? "ppc64le" : "ppc64";
    case 20:
      return "ppc";
    case 258:
      return "loongarch64";
    case 8:
      return (is64 ? "mips64" : "mips") + (little ? "el" : "");
    case 43:
      return "sparc64";
    default:
      return undefined;
  }
}
