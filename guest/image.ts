/**
 * A guest memory image recognised by its content: an ELF64 core (QEMU `dump-guest-memory`
 * with or without paging, a kdump vmcore, `/proc/kcore`), else a raw RAM file (QEMU
 * `memory-backend-file`, q35 layout), whose size must be whole MiB as QEMU's RAM sizes are.
 * Pure.
 * @module
 */
import type { ByteSource } from "../btf/elf.ts";
import { type CoreNote, isElfCore, parseElfCore } from "./elf_core.ts";
import { GuestError } from "./errors.ts";
import { coreMemory, type PhysicalMemory, rawMemory } from "./physical.ts";

/** What the image is and what it holds. */
export interface MemoryImage {
  /** `elf-core` or `raw`. */
  kind: "elf-core" | "raw";
  /** Its guest physical memory. */
  memory: PhysicalMemory;
  /** Its ELF notes (none for a raw file). */
  notes: CoreNote[];
}

const MIB = 1 << 20;
/** From this much RAM, QEMU's q35 machine puts 2 GiB below 4 GiB and the rest above. */
const Q35_LOWMEM_THRESHOLD = 0xb0000000;

/** Opens the memory image in `src`; throws GuestError naming what it is not. */
export function openMemoryImage(src: ByteSource): MemoryImage {
  const head = src.read(0, Math.min(64, src.size));
  if (isElfCore(head)) {
    const core = parseElfCore(src);
    return { kind: "elf-core", memory: coreMemory(src, core), notes: core.notes };
  }
  if (head.length >= 4 && head[0] === 0x7f && head[1] === 0x45 && head[2] === 0x4c) {
    throw new GuestError(
      "an ELF file, but not a 64-bit little-endian core (a vmlinux? pass it as -k)",
    );
  }
  if (src.size < MIB || src.size % MIB !== 0) {
    throw new GuestError(
      `not an ELF core, and ${src.size} bytes is not a guest RAM size (whole MiB, at least 1 MiB)`,
    );
  }
  // QEMU q35 keeps 2 GiB below the 4 GiB hole once RAM reaches 2.75 GiB (pc: 3.5 GiB).
  const below4g = src.size >= Q35_LOWMEM_THRESHOLD ? 2 ** 31 : src.size;
  return { kind: "raw", memory: rawMemory(src, below4g), notes: [] };
}
