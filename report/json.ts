/**
 * The per-kernel JSON object of `kernel --json` (schema 2; docs/JSON.md, docs/report.schema.json).
 * @module
 */
import type { InputFormat } from "../btf/input.ts";
import type { BtfTypes } from "../btf/table.ts";
import {
  type KernelConstants,
  kernelConstants,
  type ResolvedConstants,
} from "../resolvers/constants.ts";
import type { MissingMap, ViaMap } from "../resolvers/dsl.ts";
import type { Offsets } from "./offsets_types.ts";
import type { OffsetsReport } from "../resolvers/mod.ts";

/** Every {@link SidecarStatus}, in the order the JSON Schema lists them. */
export const SIDECAR_STATUSES = [
  "hit",
  "written",
  "rewritten",
  "write-failed",
  "outside-cache",
  "disabled",
  "not-applicable",
] as const;

/** What happened with the BTF sidecar cache for this input (docs/CLI.md: The cache). */
export type SidecarStatus = typeof SIDECAR_STATUSES[number];

/** The `source` object: where the BTF came from. */
export interface SourceInfo {
  /** The path as given. */
  path: string;
  /** `raw`, `elf`, `image` (a compressed kernel image or module) or `flat` (a flat kernel binary). */
  format: InputFormat;
  /** Size of the BTF blob in bytes. */
  btf_bytes: number;
  /** Number of types (ids 1..N; void not counted). */
  type_count: number;
  /** The sidecar cache outcome. */
  sidecar: SidecarStatus;
  /** The architecture, as the file's header names it, else as the BTF tells; null when neither. */
  arch: string | null;
  /** The BTF's byte order. */
  endianness: "little" | "big";
  /** sizeof a pointer (libbpf's rule), or null when the BTF cannot tell. */
  pointer_size: number | null;
}

/** The version of the report's shape, its `schema` member. */
export const REPORT_SCHEMA = 2;

/** One kernel's report, exactly as `--json` prints it. */
export interface KernelReport {
  /** Always 2. */
  schema: 2;
  /** Where the BTF came from. */
  source: SourceInfo;
  /** Group name → group object (`null` when missing), typed per group (docs/FIELDS.md). */
  offsets: Offsets;
  /** Dotted path → message chain. */
  missing: MissingMap;
  /**
   * Dotted path of each leaf not read from the member its name implies → the
   * `<struct>.<member>` it was read from, or `builtin` for a constant the kernel lacks.
   */
  via: ViaMap;
  /** Kernel constants, read from the kernel's enumerators (docs/FIELDS.md). */
  constants: KernelConstants;
}

/** Assembles the report of one kernel; its constants are read from `types`. */
export function kernelReport(
  source: SourceInfo,
  resolved: OffsetsReport,
  types: BtfTypes,
): KernelReport {
  return reportWith(source, resolved, kernelConstants(types));
}

/** Assembles the report of one kernel from constants already read (e.g. by a worker). */
export function reportWith(
  source: SourceInfo,
  resolved: OffsetsReport,
  { constants, via }: ResolvedConstants,
): KernelReport {
  return {
    schema: REPORT_SCHEMA,
    source,
    // The generated interfaces describe exactly what the declarations resolve to
    // (tests/generated_test.ts keeps them in step; docs/report.schema.json checks real output).
    offsets: resolved.offsets as Offsets,
    missing: resolved.missing,
    via: { ...resolved.via, ...via },
    constants,
  };
}

/** The entry of a kernel that failed to load: its path and the one-line error. */
export interface KernelError {
  /** The report schema version. */
  schema: KernelReport["schema"];
  /** Where the input was. */
  source: { path: string };
  /** The one-line message (the same one standard error gets). */
  error: string;
}

/** The JSON entry of a kernel that failed to load. */
export function errorEntry(path: string, error: string): KernelError {
  return { schema: REPORT_SCHEMA, source: { path }, error };
}
