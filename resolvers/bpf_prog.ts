/**
 * bpf_prog (BpfProgOffsets): program enumeration and run-time stats (docs/FIELDS.md).
 * @module
 */
import { group, member } from "./dsl.ts";
import { IDR_FIELDS } from "./idr.ts";

/** The bpf_prog group (BpfProgOffsets). */
export const BPF_PROG = group(
  member("prog_type", "bpf_prog", "type"),
  member("prog_aux", "bpf_prog", "aux"),
  member("aux_verified_insns", "bpf_prog_aux", "verified_insns"),
  member("aux_name", "bpf_prog_aux", "name"),
  member("aux_used_maps", "bpf_prog_aux", "used_maps"),
  member("aux_used_map_cnt", "bpf_prog_aux", "used_map_cnt"),
  ...IDR_FIELDS,
  member("prog_stats", "bpf_prog", "stats"),
  member("stats_cnt", "bpf_prog_stats", "cnt"),
  member("stats_nsecs", "bpf_prog_stats", "nsecs"),
  member("stats_misses", "bpf_prog_stats", "misses"),
);
