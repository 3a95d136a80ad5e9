/**
 * The error of the guest-memory layer: one line naming what could not be read or what does
 * not fit (the CLI prints it after the dump's path, as it prints a BtfError).
 * @module
 */
import { BtfError } from "../btf/errors.ts";

/** A guest memory image that cannot be read as asked, or a kernel that does not fit it. */
export class GuestError extends BtfError {}

/** `n` as `0x…` (a guest address or value). */
export function hex(n: bigint | number): string {
  return `0x${n.toString(16)}`;
}
