/**
 * The irregular cases of the groups (docs/FIELDS.md) on synthetic BTF built type by type: event path A/B and
 * the "neither" message, bucket selection, invariants at offset 0, all-or-nothing fields,
 * optional struct-only sub-groups, and the 0 default of map_btf_vmlinux_value_type_id.
 */
import assert from "node:assert/strict";
import { BtfTypes, Kind } from "../mod.ts";
import { GROUP_NAMES, resolveNamedGroup } from "../resolvers/mod.ts";
import { group, member, optional, plus, resolveGroup, resolveOptional } from "../resolvers/dsl.ts";
import { EVENT_OFFSETS, SCHED_DOMAIN_OFFSETS } from "../resolvers/kernel.ts";
import { HTAB_OFFSETS, TASK_STORAGE_OFFSETS } from "../resolvers/bpf_map.ts";
import { SCHED_PNODE } from "../resolvers/scx_walker.ts";
import { BtfBuilder } from "./btf_builder.ts";
import { allFields } from "../resolvers/fields.ts";
import { GROUP_PATHS } from "../resolvers/paths.ts";

/** A struct of u64 members named `names`, 8 bytes apart starting at `first`. */
function u64s(u64: number, names: string[], first = 0): [string, number, number][] {
  return names.map((n, i) => [n, u64, (first + 8 * i) * 8]);
}

const EVENTS = [
  "SCX_EV_SELECT_CPU_FALLBACK",
  "SCX_EV_DISPATCH_LOCAL_DSQ_OFFLINE",
  "SCX_EV_DISPATCH_KEEP_LAST",
  "SCX_EV_ENQ_SKIP_EXITING",
  "SCX_EV_ENQ_SKIP_MIGRATION_DISABLED",
];

function eventBtf(layout: "a" | "b" | "neither" | "a-broken"): BtfTypes {
  const b = new BtfBuilder();
  const u64 = b.int("u64", 8);
  const stats = b.struct("scx_event_stats", 48, u64s(u64, [...EVENTS, "SCX_EV_ENQ_SLICE_DFL"]));
  const statsPtr = b.ref(Kind.PTR, "", stats);
  if (layout === "a" || layout === "a-broken") {
    const pcpu = layout === "a"
      ? b.struct("scx_sched_pcpu", 64, [["sch", u64, 0], ["event_stats", stats, 128]])
      : 0;
    const pcpuPtr = b.ref(Kind.PTR, "", pcpu);
    const members: [string, number, number][] = [["ops", u64, 0], ["pcpu", pcpuPtr, 64]];
    if (layout === "a-broken") members.push(["event_stats_cpu", statsPtr, 128]);
    b.struct("scx_sched", 24, members);
  } else if (layout === "b") {
    b.struct("scx_sched", 24, [["ops", u64, 0], ["event_stats_cpu", statsPtr, 192]]);
  } else {
    b.struct("scx_sched", 8, [["ops", u64, 0]]);
  }
  return BtfTypes.build(b.build());
}

Deno.test("event_offsets: path A via scx_sched.pcpu → scx_sched_pcpu.event_stats", () => {
  const v = resolveGroup(eventBtf("a"), EVENT_OFFSETS, "kernel.event_offsets", {});
  assert.equal(v.percpu_ptr_off, 8);
  assert.equal(v.event_stats_off, 16);
  assert.equal(v.ev_dispatch_keep_last, 16);
  assert.equal(v.ev_refill_slice_dfl, 40, "old name SCX_EV_ENQ_SLICE_DFL is the fallback");
  assert.equal(v.ev_reenq_immed, null);
});

Deno.test("event_offsets: path B via event_stats_cpu, also when path A is incomplete", () => {
  for (const layout of ["b", "a-broken"] as const) {
    const v = resolveGroup(eventBtf(layout), EVENT_OFFSETS, "kernel.event_offsets", {});
    assert.equal(v.percpu_ptr_off, layout === "b" ? 24 : 16, layout);
    assert.equal(v.event_stats_off, 0);
    assert.equal(v.ev_enq_skip_exiting, 24);
  }
});

Deno.test("event_offsets: neither path gives one message, chained with the cause", () => {
  const missing: Record<string, string> = {};
  assert.equal(
    resolveOptional(eventBtf("neither"), EVENT_OFFSETS, "kernel.event_offsets", missing),
    null,
  );
  assert.deepEqual(missing, {
    "kernel.event_offsets":
      "btf: neither scx_sched.pcpu nor scx_sched.event_stats_cpu found: btf: struct 'scx_sched' has no member 'event_stats_cpu'",
  });
});

function htabBtf(opts: { hashNodeAt: number; bucketHead: boolean }): BtfTypes {
  const b = new BtfBuilder();
  const u32 = b.int("u32", 4), ptr = b.ref(Kind.PTR, "", 0);
  b.struct("bucket", 8, [["other", ptr, 0]]); // a same-named struct without head comes first
  const nh = b.struct("hlist_nulls_head", 8, [["first", ptr, 0]]);
  b.struct("hlist_nulls_node", 16, [["next", ptr, 0], ["pprev", ptr, 64]]);
  if (opts.bucketHead) b.struct("bucket", 16, [["head", nh, 0], ["raw_lock", u32, 64]]);
  b.struct("bpf_htab", 32, [["map", ptr, 0], ["buckets", ptr, 64], ["n_buckets", u32, 128]]);
  b.struct("htab_elem", 48, [["pad", ptr, 0], ["hash_node", ptr, opts.hashNodeAt * 8], [
    "hash",
    u32,
    256,
  ]]);
  return BtfTypes.build(b.build());
}

Deno.test("htab_offsets: the first 'bucket' struct with a head member, sizes from BTF", () => {
  const v = resolveGroup(htabBtf({ hashNodeAt: 0, bucketHead: true }), HTAB_OFFSETS, "x", {});
  assert.deepEqual(v, {
    htab_buckets: 8,
    htab_n_buckets: 16,
    bucket_size: 16,
    bucket_head: 0,
    hlist_nulls_head_first: 0,
    hlist_nulls_node_next: 0,
    htab_elem_size_base: 48,
  });
});

Deno.test("htab_offsets: no bucket with head, and hash_node not at 0, fail with their messages", () => {
  const m1: Record<string, string> = {};
  resolveOptional(
    htabBtf({ hashNodeAt: 0, bucketHead: false }),
    HTAB_OFFSETS,
    "bpf_map.htab_offsets",
    m1,
  );
  assert.deepEqual(m1, {
    "bpf_map.htab_offsets": "btf: no 'bucket' struct with 'head' field found",
  });
  const m2: Record<string, string> = {};
  resolveOptional(
    htabBtf({ hashNodeAt: 8, bucketHead: true }),
    HTAB_OFFSETS,
    "bpf_map.htab_offsets",
    m2,
  );
  assert.deepEqual(m2, { "bpf_map.htab_offsets": "htab_elem.hash_node at offset 8 (expected 0)" });
});

Deno.test("task_storage_offsets: map_node must be at offset 0", () => {
  const b = new BtfBuilder();
  const u32 = b.int("u32", 4), ptr = b.ref(Kind.PTR, "", 0);
  const hh = b.struct("hlist_head", 8, [["first", ptr, 0]]);
  const hn = b.struct("hlist_node", 16, [["next", ptr, 0], ["pprev", ptr, 64]]);
  b.struct("bpf_local_storage_map", 24, [["map", ptr, 0], ["buckets", ptr, 64], [
    "bucket_log",
    u32,
    128,
  ]]);
  b.struct("bpf_local_storage_map_bucket", 16, [["list", hh, 0], ["lock", u32, 64]]);
  const sdata = b.struct("bpf_local_storage_data", 8, [["smap", ptr, 0], ["data", u32, 64]]);
  b.struct("bpf_local_storage_elem", 96, [["snode", hn, 0], ["map_node", hn, 128], [
    "local_storage",
    ptr,
    256,
  ], [
    "sdata",
    sdata,
    512,
  ]]);
  b.struct("bpf_local_storage", 64, [["cache", ptr, 0], ["owner", ptr, 128]]);
  const missing: Record<string, string> = {};
  resolveOptional(
    BtfTypes.build(b.build()),
    TASK_STORAGE_OFFSETS,
    "bpf_map.task_storage_offsets",
    missing,
  );
  assert.deepEqual(missing, {
    "bpf_map.task_storage_offsets": "bpf_local_storage_elem.map_node at offset 16 (expected 0)",
  });
});

Deno.test("sched_domain_offsets: newidle fields are all or nothing; stats recorded at depth", () => {
  const b = new BtfBuilder();
  const u32 = b.int("unsigned int", 4), ptr = b.ref(Kind.PTR, "", 0);
  const names = [
    "parent",
    "level",
    "name",
    "flags",
    "span_weight",
    "balance_interval",
    "nr_balance_failed",
    "max_newidle_lb_cost",
    "newidle_call",
    "newidle_success", // newidle_ratio missing
  ];
  b.struct("sched_domain", 4 * names.length, names.map((n, i) => [n, u32, 32 * i]));
  b.struct("rq", 16, [["nr_running", u32, 0], ["sd", ptr, 64]]);
  const missing: Record<string, string> = {};
  const v = resolveGroup(
    BtfTypes.build(b.build()),
    SCHED_DOMAIN_OFFSETS,
    "kernel.sched_domain_offsets",
    missing,
  );
  assert.equal(v.rq_sd, 8);
  assert.equal(v.sd_max_newidle_lb_cost, 28);
  assert.equal(v.sd_newidle_call, null);
  assert.equal(v.sd_newidle_success, null);
  assert.equal(v.sd_newidle_ratio, null);
  assert.equal(v.stats_offsets, null);
  assert.deepEqual(missing, {
    "kernel.sched_domain_offsets.stats_offsets":
      "btf: struct 'sched_domain' has no member 'lb_count'",
  });
});

Deno.test("scx_walker.sched_pnode: struct present without global_dsq is a group with a null field", () => {
  const b = new BtfBuilder();
  const u32 = b.int("u32", 4);
  b.struct("scx_sched_pnode", 4, [["other", u32, 0]]);
  assert.deepEqual(resolveGroup(BtfTypes.build(b.build()), SCHED_PNODE, "x", {}), {
    global_dsq: null,
  });
});

Deno.test("bpf_map: map_btf_vmlinux_value_type_id is 0 when absent; a missing group names its path", () => {
  const b = new BtfBuilder();
  const u32 = b.int("u32", 4), ptr = b.ref(Kind.PTR, "", 0);
  const map = [
    "map_type",
    "key_size",
    "value_size",
    "max_entries",
    "map_flags",
    "btf_key_type_id",
    "btf_value_type_id",
  ];
  b.struct("bpf_map", 96, [
    ...map.map((n, i) => [n, u32, 32 * i] as [string, number, number]),
    ["btf", ptr, 256],
    ["name", u32, 320],
  ]);
  b.struct("bpf_array", 64, [["map", ptr, 0], ["value", u32, 256]]);
  b.struct("xa_node", 64, [["shift", u32, 0], ["slots", ptr, 64]]);
  const xa = b.struct("xarray", 16, [["xa_lock", u32, 0], ["xa_head", ptr, 64]]);
  b.struct("idr", 24, [["idr_rt", xa, 0], ["idr_base", u32, 128], ["idr_next", u32, 160]]);
  b.struct("btf", 32, [["data", ptr, 0], ["data_size", u32, 64], ["base_btf", ptr, 128]]);
  const outcome = resolveNamedGroup(BtfTypes.build(b.build()), "bpf_map");
  assert.equal(outcome.value?.map_btf_vmlinux_value_type_id, 0);
  assert.equal(outcome.value?.idr_xa_head, 8);
  assert.equal(outcome.value?.map_name, 40);
  assert.equal(outcome.value?.htab_offsets, null);
  assert.equal(outcome.missing["bpf_map.htab_offsets"], "btf: type 'bpf_htab' not found");
  assert.equal(outcome.missing["bpf_map.stackmap_offsets"], "btf: type 'bpf_stack_map' not found");
});

Deno.test("kernel: a failing group records only itself, not the sub-groups it never reached", () => {
  const b = new BtfBuilder();
  const u32 = b.int("u32", 4);
  b.struct("rq", 8, [["nr_running", u32, 0], ["clock", u32, 32]]);
  const outcome = resolveNamedGroup(BtfTypes.build(b.build()), "kernel");
  assert.equal(outcome.value, null);
  assert.deepEqual(outcome.missing, { kernel: "btf: struct 'rq' has no member 'scx'" });
});

Deno.test("kernel: rq.scx that is not a struct gives the chained context message", () => {
  const b = new BtfBuilder();
  const u32 = b.int("u32", 4);
  b.struct("rq", 16, [["nr_running", u32, 0], ["clock", u32, 32], ["scx", u32, 64]]);
  const outcome = resolveNamedGroup(BtfTypes.build(b.build()), "kernel");
  assert.deepEqual(outcome.missing, {
    kernel: "btf: resolve type of rq.scx: btf: could not resolve member to struct",
  });
});

Deno.test("via: an optional field that fails after a fallback was read leaves no via entry", () => {
  const b = new BtfBuilder();
  const int = b.int("int", 4);
  b.struct("s", 8, [["a_old", int, 0], ["c", int, 32]]);
  const types = BtfTypes.build(b.build());
  // `x` reads s.a through its fallback a_old, then fails on s.b: it is null, and nothing
  // may claim it was read from s.a_old. `y` resolves through the same fallback and says so.
  const g = group(
    optional(plus("x", member("x", "s", "a", "a_old"), member("x", "s", "b"))),
    optional(plus("y", member("y", "s", "a", "a_old"), member("y", "s", "c"))),
  );
  const missing = {}, via = {};
  const value = resolveGroup(types, g, "g", missing, via);
  assert.deepEqual(value, { x: null, y: 4 });
  assert.deepEqual(via, { "g.y": "s.a_old" });
});

Deno.test("GROUP_PATHS is every group and sub-group of the field list, in its order", () => {
  const groups = allFields().filter((f) => f.type === "group").map((f) => f.path);
  assert.deepEqual(GROUP_PATHS, groups);
  assert.ok(GROUP_PATHS.includes("scx_walker.scx_rq") && GROUP_PATHS.length > GROUP_NAMES.length);
});
