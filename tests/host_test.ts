/**
 * Real kernels: the pinned Debian 7.3.4, the newest Debian 6.1 (ELF and raw) and the host's
 * /sys/kernel/btf/vmlinux where it has one, checked against independent decoders (bpftool for
 * per-kind counts, pahole for member offsets).
 */
import assert from "node:assert/strict";
import { findStruct, loadBtf } from "../mod.ts";
import { resolveOffsets } from "../resolvers/mod.ts";
import {
  bpftoolKindCounts,
  DEBIAN_BTF,
  DEBIAN_VMLINUX,
  fixture,
  HOST_BTF,
  hostTest,
  paholeLayout,
  PINNED_73_BTF,
  SCHED_EXT_BTF,
} from "./helpers.ts";

/** Host groups that resolve without sched_ext: field path → [struct, member] or sizeof. */
const HOST_FIELDS: Record<string, [string, string]> = {
  "bpf_map.map_name": ["bpf_map", "name"],
  "bpf_map.map_type": ["bpf_map", "map_type"],
  "bpf_map.map_flags": ["bpf_map", "map_flags"],
  "bpf_map.key_size": ["bpf_map", "key_size"],
  "bpf_map.value_size": ["bpf_map", "value_size"],
  "bpf_map.max_entries": ["bpf_map", "max_entries"],
  "bpf_map.array_value": ["bpf_array", "value"],
  "bpf_map.map_btf": ["bpf_map", "btf"],
  "bpf_map.map_btf_value_type_id": ["bpf_map", "btf_value_type_id"],
  "bpf_map.map_btf_vmlinux_value_type_id": ["bpf_map", "btf_vmlinux_value_type_id"],
  "bpf_map.map_btf_key_type_id": ["bpf_map", "btf_key_type_id"],
  "bpf_map.btf_data": ["btf", "data"],
  "bpf_map.btf_data_size": ["btf", "data_size"],
  "bpf_map.btf_base_btf": ["btf", "base_btf"],
  "bpf_map.htab_offsets.htab_buckets": ["bpf_htab", "buckets"],
  "bpf_map.htab_offsets.htab_n_buckets": ["bpf_htab", "n_buckets"],
  "bpf_map.htab_offsets.hlist_nulls_head_first": ["hlist_nulls_head", "first"],
  "bpf_map.htab_offsets.hlist_nulls_node_next": ["hlist_nulls_node", "next"],
  "bpf_map.task_storage_offsets.smap_buckets": ["bpf_local_storage_map", "buckets"],
  "bpf_map.task_storage_offsets.smap_bucket_log": ["bpf_local_storage_map", "bucket_log"],
  "bpf_map.task_storage_offsets.bucket_list": ["bpf_local_storage_map_bucket", "list"],
  "bpf_map.task_storage_offsets.hlist_head_first": ["hlist_head", "first"],
  "bpf_map.task_storage_offsets.hlist_node_next": ["hlist_node", "next"],
  "bpf_map.task_storage_offsets.elem_local_storage": ["bpf_local_storage_elem", "local_storage"],
  "bpf_map.task_storage_offsets.elem_sdata": ["bpf_local_storage_elem", "sdata"],
  "bpf_map.task_storage_offsets.sdata_data": ["bpf_local_storage_data", "data"],
  "bpf_map.task_storage_offsets.ls_owner": ["bpf_local_storage", "owner"],
  "bpf_map.struct_ops_offsets.kvalue": ["bpf_struct_ops_map", "kvalue"],
  "bpf_map.struct_ops_offsets.value_data": ["bpf_struct_ops_value", "data"],
  "bpf_map.ringbuf_offsets.rbm_rb": ["bpf_ringbuf_map", "rb"],
  "bpf_map.ringbuf_offsets.rb_mask": ["bpf_ringbuf", "mask"],
  "bpf_map.ringbuf_offsets.rb_consumer_pos": ["bpf_ringbuf", "consumer_pos"],
  "bpf_map.ringbuf_offsets.rb_producer_pos": ["bpf_ringbuf", "producer_pos"],
  "bpf_map.ringbuf_offsets.rb_pending_pos": ["bpf_ringbuf", "pending_pos"],
  "bpf_map.stackmap_offsets.smap_n_buckets": ["bpf_stack_map", "n_buckets"],
  "bpf_map.stackmap_offsets.smap_buckets": ["bpf_stack_map", "buckets"],
  "bpf_map.stackmap_offsets.smb_nr": ["stack_map_bucket", "nr"],
  "bpf_map.stackmap_offsets.smb_data": ["stack_map_bucket", "data"],
  "bpf_prog.prog_type": ["bpf_prog", "type"],
  "bpf_prog.prog_aux": ["bpf_prog", "aux"],
  "bpf_prog.aux_verified_insns": ["bpf_prog_aux", "verified_insns"],
  "bpf_prog.aux_name": ["bpf_prog_aux", "name"],
  "bpf_prog.prog_stats": ["bpf_prog", "stats"],
  "bpf_prog.stats_cnt": ["bpf_prog_stats", "cnt"],
  "bpf_prog.stats_nsecs": ["bpf_prog_stats", "nsecs"],
  "bpf_prog.stats_misses": ["bpf_prog_stats", "misses"],
  "idr.xa_node_slots": ["xa_node", "slots"],
  "idr.xa_node_shift": ["xa_node", "shift"],
  "idr.idr_next": ["idr", "idr_next"],
  "scx_walker.rht.tbl": ["rhashtable", "tbl"],
  "scx_walker.rht.nelems": ["rhashtable", "nelems"],
  "scx_walker.rht.bucket_table_size": ["bucket_table", "size"],
  "scx_walker.rht.bucket_table_buckets": ["bucket_table", "buckets"],
  "scx_walker.rht.rhash_head_next": ["rhash_head", "next"],
  "cpu_time.kernel_cpustat_cpustat": ["kernel_cpustat", "cpustat"],
  "cpu_time.kstat_irqs_sum": ["kernel_stat", "irqs_sum"],
  "cpu_time.kstat_softirqs": ["kernel_stat", "softirqs"],
  "cpu_time.tick_sched_iowait_sleeptime": ["tick_sched", "iowait_sleeptime"],
  "numa_stats.pglist_data_node_zones": ["pglist_data", "node_zones"],
  "numa_stats.zone_vm_numa_event": ["zone", "vm_numa_event"],
};

const HOST_SIZES: Record<string, string> = {
  "bpf_map.task_storage_offsets.bucket_size": "bpf_local_storage_map_bucket",
  "bpf_map.htab_offsets.htab_elem_size_base": "htab_elem",
  "numa_stats.zone_size": "zone",
};

function at(obj: unknown, path: string): unknown {
  return path.split(".").reduce((o, k) => (o as Record<string, unknown>)?.[k], obj);
}

/** The real kernels every test below reads: what it asserts holds on each of them. */
const KERNELS = {
  "Debian 7.3.4 (pinned)": PINNED_73_BTF,
  "Debian 6.1 (newest)": DEBIAN_BTF,
  "Debian sched_ext (newest)": SCHED_EXT_BTF,
  // Every architecture Debian builds with BTF (tests/prepare.sh, the newest of each).
  "Debian arm64 6.12": fixture(".cache/arm64-6.12.btf"),
  "Debian arm64 7.x": fixture(".cache/arm64-7.btf"),
  "Debian riscv64": fixture(".cache/riscv64.btf"),
  "Debian s390x (big-endian)": fixture(".cache/s390x.btf"),
  "Debian ppc64el": fixture(".cache/ppc64el.btf"),
};

/** Registers `check` for each real kernel, and for the host's where it has one. */
function eachKernel(what: string, check: (path: string) => void): void {
  for (const [name, path] of Object.entries(KERNELS)) {
    Deno.test(`${name}: ${what}`, () => check(path));
  }
  hostTest(`host BTF: ${what}`, () => check(HOST_BTF));
}

eachKernel("per-kind type counts equal bpftool's", (path) => {
  const { types } = loadBtf(path);
  assert.deepEqual(sorted(types.kindCounts()), sorted(bpftoolKindCounts(path)));
});

function sorted(o: Record<string, number>) {
  return Object.fromEntries(Object.entries(o).sort(([a], [b]) => a.localeCompare(b)));
}

eachKernel("every non-sched_ext offset equals pahole's member offset", (path) => {
  const { types } = loadBtf(path);
  const report = resolveOffsets(types);
  const structs = [
    ...new Set([
      ...Object.values(HOST_FIELDS).map(([s]) => s),
      ...Object.values(HOST_SIZES),
      "idr",
      "xarray",
    ]),
  ];
  const layout = paholeLayout(path, structs);
  let checked = 0;
  for (const [field, [struct, member]] of Object.entries(HOST_FIELDS)) {
    // A member this kernel lacks (tick_sched.iowait_sleeptime left in 7.x) is null here too.
    const expected = layout.get(struct)?.members.get(member) ?? null;
    // A field whose group is missing (no such struct in this kernel) reads as null too.
    assert.equal(at(report.offsets, field) ?? null, expected, field);
    checked++;
  }
  for (const [field, struct] of Object.entries(HOST_SIZES)) {
    assert.equal(at(report.offsets, field), layout.get(struct)!.size, field);
    checked++;
  }
  const idrXaHead = layout.get("idr")!.members.get("idr_rt")! +
    layout.get("xarray")!.members.get("xa_head")!;
  assert.equal(at(report.offsets, "idr.idr_xa_head"), idrXaHead);
  assert.equal(at(report.offsets, "bpf_map.idr_xa_head"), idrXaHead);
  assert.equal(at(report.offsets, "bpf_prog.idr_xa_head"), idrXaHead);
  assert.ok(checked >= 60);
});

Deno.test("Debian 7.3.4 (pinned): with sched_ext, the scx groups resolve", () => {
  const report = resolveOffsets(loadBtf(PINNED_73_BTF).types);
  assert.deepEqual(report.missing, {});
  assert.notEqual(report.offsets.kernel, null);
  assert.notEqual(report.offsets.runnable_scan, null);
});

Deno.test("Debian 6.1: without sched_ext, the scx groups are missing with one message each", () => {
  const { types } = loadBtf(DEBIAN_BTF);
  const report = resolveOffsets(types);
  assert.equal(findStruct(types, "rq") > 0, true);
  assert.deepEqual(report.missing, {
    kernel: "btf: struct 'rq' has no member 'scx'",
    "scx_walker.rq": "btf: struct 'rq' has no member 'scx'",
    "scx_walker.scx_rq": "btf: type 'scx_rq' not found",
    "scx_walker.task": "btf: struct 'task_struct' has no member 'scx'",
    "scx_walker.see": "btf: type 'sched_ext_entity' not found",
    "scx_walker.dsq_lnode": "btf: type 'scx_dsq_list_node' not found",
    "scx_walker.dsq": "btf: type 'scx_dispatch_q' not found",
    "scx_walker.sched": "btf: type 'scx_sched' not found",
    "scx_walker.sched_pnode": "btf: type 'scx_sched_pnode' not found",
    "scx_walker.sched_pcpu": "btf: type 'scx_sched_pcpu' not found",
    runnable_scan: "btf: struct 'task_struct' has no member 'scx'",
    task_enrichment: "btf: struct 'task_struct' has no member 'scx'",
  });
  assert.equal(report.offsets.kernel, null);
  assert.deepEqual((report.offsets.scx_walker as { missing_groups: string[] }).missing_groups, [
    "rq",
    "scx_rq",
    "task_struct",
    "sched_ext_entity",
    "scx_dsq_list_node",
    "scx_dispatch_q",
    "scx_sched",
    "scx_sched_pnode",
    "scx_sched_pcpu",
  ]);
  for (const g of ["bpf_map", "bpf_prog", "idr", "cpu_time", "numa_stats"] as const) {
    assert.notEqual(report.offsets[g], null, g);
  }
});

Deno.test("Debian ELF vmlinux: counts equal bpftool's; offsets equal those of its raw .BTF", () => {
  const elf = loadBtf(DEBIAN_VMLINUX);
  const raw = loadBtf(DEBIAN_BTF);
  assert.equal(elf.format, "elf");
  assert.equal(raw.format, "raw");
  assert.deepEqual(sorted(elf.types.kindCounts()), sorted(bpftoolKindCounts(DEBIAN_VMLINUX)));
  assert.equal(elf.types.btfBytes, Deno.statSync(DEBIAN_BTF).size);
  const fromElf = resolveOffsets(elf.types);
  assert.deepEqual(fromElf, resolveOffsets(raw.types));
  assert.equal(typeof at(fromElf.offsets, "bpf_map.map_name"), "number");
});
