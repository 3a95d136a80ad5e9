import {
  Kind,
  elemWords,
  isComposite,
  memberBits
} from "./chunk-QDGSS5JZ.js";
import {
  BtfError,
  orNull,
  withContext
} from "./chunk-PX3IRLHB.js";

// btf/queries.ts
var MAX_CHAIN_STEPS = 20;
var MAX_ANON_DEPTH = 32;
var MAX_MEMBER_VISITS = 1e5;
var encoder = new TextEncoder();
var encoded = /* @__PURE__ */ new Map();
function utf8(name) {
  let bytes = encoded.get(name);
  if (!bytes) encoded.set(name, bytes = encoder.encode(name));
  return bytes;
}
function namedTypes(types, name) {
  const ids = types.byName(name);
  if (ids.length === 0) throw new BtfError(`btf: type '${name}' not found`);
  return ids;
}
function findStruct(types, name) {
  const id = namedTypes(types, name).find((id2) => types.kind(id2) === Kind.STRUCT);
  if (id === void 0) throw new BtfError(`btf: '${name}' exists but is not a struct`);
  return id;
}
var QUALIFIERS = /* @__PURE__ */ new Set([
  Kind.CONST,
  Kind.VOLATILE,
  Kind.TYPEDEF,
  Kind.RESTRICT,
  Kind.TYPE_TAG
]);
var QUALIFIERS_AND_PTR = /* @__PURE__ */ new Set([
  ...QUALIFIERS,
  Kind.PTR
]);
function followTo(types, typeId, through) {
  let id = typeId;
  for (let step = 0; step < MAX_CHAIN_STEPS; step++) {
    const kind = types.kind(id);
    if (isComposite(kind)) return id;
    if (!through.has(kind)) return null;
    id = types.refType(id);
  }
  return null;
}
function nonByteAligned(field, bits) {
  return new BtfError(`btf: field '${field}' has non-byte-aligned offset (${bits} bits)`);
}
function notFound(types, structId2, field) {
  return new BtfError(`btf: struct '${types.name(structId2)}' has no member '${field}'`);
}
function findMember(types, structId2, field) {
  const wanted = utf8(field);
  const path = [];
  let visits = 0;
  let found = null;
  const walk = (id, base) => {
    const { words, at, count, kindFlag } = types.elements(id);
    path.push(id);
    for (let i = 0, w = at; i < count; i++, w += 3) {
      if (++visits > MAX_MEMBER_VISITS) {
        throw new BtfError(`btf: field '${field}' search gave up after ${MAX_MEMBER_VISITS} members`);
      }
      const nameOff = words[w];
      const isField = nameOff !== 0 && types.nameEquals(nameOff, wanted);
      const bits = memberBits(words[w + 2], kindFlag);
      if (bits % 8 !== 0) {
        if (isField && path.length === 1) throw nonByteAligned(field, bits);
        continue;
      }
      const offset = base + bits / 8;
      if (isField) {
        const bitSize = kindFlag ? words[w + 2] >>> 24 : 0;
        found = {
          offset,
          type: words[w + 1],
          bitSize,
          anon: path.slice(1)
        };
        return true;
      }
      if (nameOff !== 0 || path.length > MAX_ANON_DEPTH) continue;
      const inner = orNull(() => followTo(types, words[w + 1], QUALIFIERS));
      if (inner === null || path.includes(inner)) continue;
      if (orNull(() => walk(inner, offset))) return true;
      path.length = path.indexOf(id) + 1;
    }
    path.pop();
    return false;
  };
  if (!walk(structId2, 0) || found === null) throw notFound(types, structId2, field);
  return found;
}
function memberOffset(types, structId2, field) {
  return findMember(types, structId2, field).offset;
}
function directMember(types, structId2, field) {
  const wanted = utf8(field);
  const { words, at, count, kindFlag } = types.elements(structId2);
  for (let i = 0, w = at; i < count; i++, w += 3) {
    if (words[w] === 0 || !types.nameEquals(words[w], wanted)) continue;
    const bits = memberBits(words[w + 2], kindFlag);
    if (bits % 8 !== 0) throw nonByteAligned(field, bits);
    return {
      offset: bits / 8,
      type: words[w + 1]
    };
  }
  throw notFound(types, structId2, field);
}
function resolveToStruct(types, typeId) {
  return followTo(types, typeId, QUALIFIERS_AND_PTR);
}
function resolveMemberStruct(types, member2) {
  const id = resolveToStruct(types, member2.type);
  if (id === null) throw new BtfError("btf: could not resolve member to struct");
  return id;
}
function structSize(types, structId2) {
  return types.size(structId2);
}
function stripQualifiers(types, typeId) {
  let id = typeId;
  for (let step = 0; step < MAX_CHAIN_STEPS && QUALIFIERS.has(types.kind(id)); step++) {
    id = types.refType(id);
  }
  return id;
}

// resolvers/names.ts
var GROUP_NAMES = [
  "kernel",
  "bpf_map",
  "bpf_prog",
  "idr",
  "scx_walker",
  "runnable_scan",
  "task_enrichment",
  "cpu_time",
  "numa_stats",
  "psi",
  "cgroup_walk"
];
function mergeOutcomes(outcomes) {
  const report = {
    offsets: {},
    missing: {},
    via: {}
  };
  for (const [name, outcome] of outcomes) {
    report.offsets[name] = outcome.value;
    Object.assign(report.missing, outcome.missing);
    Object.assign(report.via, outcome.via);
  }
  return report;
}
function inReportOrder(names) {
  return GROUP_NAMES.filter((n) => names.includes(n));
}

// btf/enums.ts
var TWO_32 = 4294967296;
function valueOf(types, id, i) {
  const { words, at, kindFlag } = types.elements(id);
  if (types.kind(id) === Kind.ENUM) {
    const raw = words[at + 2 * i + 1];
    return kindFlag ? raw | 0 : raw;
  }
  const lo = words[at + 3 * i + 1], hi = words[at + 3 * i + 2];
  const high = kindFlag ? hi | 0 : hi;
  const value = high * TWO_32 + lo;
  if (Number.isSafeInteger(value)) return value;
  const big = BigInt(hi) << 32n | BigInt(lo);
  return kindFlag ? BigInt.asIntN(64, big) : big;
}
function enumValue(types, name) {
  return enumValues(types, [
    name
  ]).get(name) ?? null;
}
function enumValues(types, names) {
  const found = /* @__PURE__ */ new Map();
  for (const name of names) {
    const first = found.has(name) ? void 0 : types.enumeratorsNamed(name)[0];
    if (first === void 0) continue;
    const [id, i] = first;
    found.set(name, {
      value: valueOf(types, id, i),
      signed: types.kindFlag(id),
      typeId: id,
      enumName: types.name(id)
    });
  }
  return found;
}
function enumerators(types, typeId) {
  const kind = types.kind(typeId);
  if (kind !== Kind.ENUM && kind !== Kind.ENUM64) {
    throw new BtfError(`btf: type id ${typeId} is not an enum`);
  }
  const { words, at, count } = types.elements(typeId);
  const step = elemWords(kind);
  const list = [];
  for (let i = 0; i < count; i++) {
    list.push({
      name: types.stringAt(words[at + step * i]),
      value: valueOf(types, typeId, i)
    });
  }
  return list;
}

// resolvers/dsl.ts
function perTable(compute) {
  const memo = /* @__PURE__ */ new WeakMap();
  return (types, key) => {
    let known = memo.get(types);
    if (!known) memo.set(types, known = /* @__PURE__ */ new Map());
    let entry = known.get(key);
    if (entry === void 0) {
      try {
        entry = {
          value: compute(types, key)
        };
      } catch (err) {
        if (!(err instanceof BtfError)) throw err;
        entry = {
          error: err
        };
      }
      known.set(key, entry);
    }
    if ("error" in entry) throw entry.error;
    return entry.value;
  };
}
var structId = perTable(findStruct);
function named(name) {
  return {
    label: name,
    found: "find_struct",
    resolve: (types) => structId(types, name)
  };
}
function typeOf(parent, member2, label) {
  const p = ref(parent);
  return {
    label,
    found: `typeof(${p.label}.${member2})`,
    resolve(types) {
      const m = directMember(types, p.resolve(types), member2);
      return withContext(`btf: resolve type of ${p.label}.${member2}`, () => resolveMemberStruct(types, m));
    }
  };
}
function ref(s) {
  return typeof s === "string" ? named(s) : s;
}
function group(...entries) {
  return {
    entries
  };
}
function member(key, struct, ...members2) {
  const s = ref(struct);
  const [first, ...rest] = members2.length > 0 ? members2 : [
    key
  ];
  return {
    kind: "field",
    key,
    absent: "required",
    mode: "member",
    source: `${s.label}.${first}`,
    fallbacks: rest.map((m) => `${s.label}.${m}`),
    found: s.found,
    resolve(types, note) {
      const id = s.resolve(types);
      try {
        return memberOffset(types, id, first);
      } catch (err) {
        if (!(err instanceof BtfError)) throw err;
        for (const name of rest) {
          const offset = orNull(() => memberOffset(types, id, name));
          if (offset === null) continue;
          note(`${types.name(id)}.${name}`);
          return offset;
        }
        throw err;
      }
    }
  };
}
function members(struct, ...names) {
  return names.map((name) => member(name, struct, name));
}
function direct(key, struct, memberName) {
  const s = ref(struct);
  return {
    ...custom(key, `${s.label}.${memberName}`, (t) => directMember(t, s.resolve(t), memberName).offset),
    mode: "direct",
    found: s.found
  };
}
function sizeOf(key, struct) {
  const s = ref(struct);
  return {
    ...custom(key, `sizeof ${s.label}`, (types) => structSize(types, s.resolve(types))),
    mode: "sizeof",
    found: s.found
  };
}
function enumerator(key, name) {
  return {
    ...custom(key, `enum ${name}`, (types) => {
      const found = enumValue(types, name);
      if (found === null) throw new BtfError(`btf: enumerator '${name}' not found`);
      return Number(found.value);
    }),
    mode: "enum"
  };
}
function custom(key, source, fn, fallbacks = []) {
  return {
    kind: "field",
    key,
    absent: "required",
    mode: "computed",
    source,
    fallbacks,
    resolve: fn
  };
}
function plus(key, a, b) {
  return custom(key, `${a.source} + ${b.source}`, (types, note) => a.resolve(types, note) + b.resolve(types, note));
}
function embedded(key, struct, memberName, label, inner) {
  const outer = direct(memberName, struct, memberName);
  return plus(key, outer, member(inner, typeOf(struct, memberName, label), inner));
}
function memberMap(key, struct, prefix) {
  return {
    kind: "map",
    key,
    source: `${struct.label}.${prefix}*`,
    resolve(types) {
      const id = struct.resolve(types);
      const map = {};
      const { words, at, count, kindFlag } = types.elements(id);
      for (let i = 0, w = at; i < count; i++, w += 3) {
        const bits = memberBits(words[w + 2], kindFlag);
        if (words[w] === 0 || bits % 8 !== 0) continue;
        const name = types.stringAt(words[w]);
        if (name.startsWith(prefix)) map[name] = bits / 8;
      }
      return map;
    }
  };
}
function optional(field) {
  return {
    ...field,
    absent: "null"
  };
}
function orZero(field) {
  return {
    ...field,
    absent: "zero"
  };
}
function allOrNothing(...fields) {
  return {
    kind: "set",
    fields
  };
}
function sub(key, g) {
  return {
    kind: "sub",
    key,
    group: g
  };
}
function derived(key, source, compute) {
  return {
    kind: "derived",
    key,
    source,
    compute
  };
}
function structExists(name) {
  return {
    kind: "check",
    verify: (types) => void findStruct(types, name)
  };
}
function atOffsetZero(struct, memberName) {
  return {
    kind: "check",
    verify(types) {
      const offset = memberOffset(types, findStruct(types, struct), memberName);
      if (offset !== 0) {
        throw new BtfError(`${struct}.${memberName} at offset ${offset} (expected 0)`);
      }
    }
  };
}
function resolveGroup(types, g, path, missing, via = {}) {
  const value = {};
  const local = {};
  const localVia = {};
  const noteFor = (key, into = localVia) => (v) => into[`${path}.${key}`] = v;
  for (const entry of g.entries) {
    switch (entry.kind) {
      case "field":
        value[entry.key] = resolveField(types, entry, noteFor(entry.key));
        break;
      case "set": {
        const notes = {};
        const all = entry.fields.map((f) => orNull(() => f.resolve(types, noteFor(f.key, notes))));
        const complete = all.every((v) => v !== null);
        entry.fields.forEach((f, i) => value[f.key] = complete ? all[i] : null);
        if (complete) Object.assign(localVia, notes);
        break;
      }
      case "sub":
        value[entry.key] = resolveOptional(types, entry.group, `${path}.${entry.key}`, local, localVia);
        break;
      case "map":
        value[entry.key] = entry.resolve(types);
        break;
      case "derived":
        value[entry.key] = entry.compute(value);
        break;
      case "check":
        entry.verify(types);
        break;
    }
  }
  Object.assign(missing, local);
  Object.assign(via, localVia);
  return value;
}
function resolveOptional(types, g, path, missing, via = {}) {
  try {
    return resolveGroup(types, g, path, missing, via);
  } catch (err) {
    if (!(err instanceof BtfError)) throw err;
    missing[path] = err.message;
    return null;
  }
}
function resolveField(types, field, note) {
  const notes = [];
  const collect = (n) => void notes.push(n);
  const v = field.absent === "required" ? field.resolve(types, collect) : orNull(() => field.resolve(types, collect));
  if (v === null) return field.absent === "zero" ? 0 : null;
  for (const n of notes) note(n);
  return v;
}

// resolvers/idr.ts
var IDR_FIELDS = [
  member("xa_node_slots", "xa_node", "slots"),
  member("xa_node_shift", "xa_node", "shift"),
  // idr.idr_rt is an embedded struct xarray: its xa_head relative to the idr.
  embedded("idr_xa_head", "idr", "idr_rt", "xarray", "xa_head"),
  ...members("idr", "idr_next")
];
var IDR = group(...IDR_FIELDS);

// resolvers/bpf_map.ts
var htabBucket = {
  label: "bucket",
  found: "the first struct 'bucket' with a 'head' member",
  resolve(types) {
    for (const id of types.byName("bucket")) {
      if (types.kind(id) !== Kind.STRUCT) continue;
      try {
        directMember(types, id, "head");
        return id;
      } catch (err) {
        if (!(err instanceof BtfError)) throw err;
      }
    }
    throw new BtfError("btf: no 'bucket' struct with 'head' field found");
  }
};
var HTAB_OFFSETS = group(member("htab_buckets", "bpf_htab", "buckets"), member("htab_n_buckets", "bpf_htab", "n_buckets"), sizeOf("bucket_size", htabBucket), member("bucket_head", htabBucket, "head"), member("hlist_nulls_head_first", "hlist_nulls_head", "first"), member("hlist_nulls_node_next", "hlist_nulls_node", "next"), sizeOf("htab_elem_size_base", "htab_elem"), atOffsetZero("htab_elem", "hash_node"));
var storageBucket = named("bpf_local_storage_map_bucket");
var TASK_STORAGE_OFFSETS = group(member("smap_buckets", "bpf_local_storage_map", "buckets"), member("smap_bucket_log", "bpf_local_storage_map", "bucket_log"), sizeOf("bucket_size", storageBucket), direct("bucket_list", storageBucket, "list"), member("hlist_head_first", typeOf(storageBucket, "list", "hlist_head"), "first"), member("hlist_node_next", "hlist_node", "next"), direct("elem_local_storage", "bpf_local_storage_elem", "local_storage"), direct("elem_sdata", "bpf_local_storage_elem", "sdata"), member("sdata_data", "bpf_local_storage_data", "data"), member("ls_owner", "bpf_local_storage", "owner"), atOffsetZero("hlist_node", "next"), atOffsetZero("bpf_local_storage_elem", "map_node"));
var STRUCT_OPS_OFFSETS = group(direct("kvalue", "bpf_struct_ops_map", "kvalue"), member("value_data", typeOf("bpf_struct_ops_map", "kvalue", "bpf_struct_ops_value"), "data"));
var RINGBUF_OFFSETS = group(member("rbm_rb", "bpf_ringbuf_map", "rb"), member("rb_mask", "bpf_ringbuf", "mask"), member("rb_consumer_pos", "bpf_ringbuf", "consumer_pos"), member("rb_producer_pos", "bpf_ringbuf", "producer_pos"), member("rb_pending_pos", "bpf_ringbuf", "pending_pos"));
var STACKMAP_OFFSETS = group(member("smap_n_buckets", "bpf_stack_map", "n_buckets"), member("smap_buckets", "bpf_stack_map", "buckets"), member("smb_nr", "stack_map_bucket", "nr"), member("smb_data", "stack_map_bucket", "data"));
var bpfMap = named("bpf_map");
var BPF_MAP = group(member("map_name", bpfMap, "name"), member("map_type", bpfMap, "map_type"), member("map_flags", bpfMap, "map_flags"), member("key_size", bpfMap, "key_size"), member("value_size", bpfMap, "value_size"), member("max_entries", bpfMap, "max_entries"), member("array_value", "bpf_array", "value"), ...IDR_FIELDS, member("map_btf", bpfMap, "btf"), member("map_btf_value_type_id", bpfMap, "btf_value_type_id"), orZero(member("map_btf_vmlinux_value_type_id", bpfMap, "btf_vmlinux_value_type_id")), member("map_btf_key_type_id", bpfMap, "btf_key_type_id"), member("btf_data", "btf", "data"), member("btf_data_size", "btf", "data_size"), member("btf_base_btf", "btf", "base_btf"), sub("htab_offsets", HTAB_OFFSETS), sub("task_storage_offsets", TASK_STORAGE_OFFSETS), sub("struct_ops_offsets", STRUCT_OPS_OFFSETS), sub("ringbuf_offsets", RINGBUF_OFFSETS), sub("stackmap_offsets", STACKMAP_OFFSETS));

// resolvers/bpf_prog.ts
var BPF_PROG = group(member("prog_type", "bpf_prog", "type"), member("prog_aux", "bpf_prog", "aux"), member("aux_verified_insns", "bpf_prog_aux", "verified_insns"), member("aux_name", "bpf_prog_aux", "name"), member("aux_used_maps", "bpf_prog_aux", "used_maps"), member("aux_used_map_cnt", "bpf_prog_aux", "used_map_cnt"), ...IDR_FIELDS, member("prog_stats", "bpf_prog", "stats"), member("stats_cnt", "bpf_prog_stats", "cnt"), member("stats_nsecs", "bpf_prog_stats", "nsecs"), member("stats_misses", "bpf_prog_stats", "misses"));

// resolvers/cpu_time.ts
var CPU_TIME = group(member("kernel_cpustat_cpustat", "kernel_cpustat", "cpustat"), member("kstat_irqs_sum", "kernel_stat", "irqs_sum"), member("kstat_softirqs", "kernel_stat", "softirqs"), optional(member("tick_sched_iowait_sleeptime", "tick_sched", "iowait_sleeptime")));
var NUMA_STATS = group(member("pglist_data_node_zones", "pglist_data", "node_zones"), member("zone_vm_numa_event", "zone", "vm_numa_event"), sizeOf("zone_size", "zone"));

// resolvers/cgroup.ts
var PSI = group(member("psi_group_total", "psi_group", "total"), member("psi_group_avg", "psi_group", "avg"), optional(enumerator("psi_irq_full_idx", "PSI_IRQ_FULL")));
var CGROUP_WALK = group(member("cgroup_self", "cgroup", "self"), member("cgroup_kn", "cgroup", "kn"), member("cgroup_psi", "cgroup", "psi"), member("css_sibling", "cgroup_subsys_state", "sibling"), member("css_children", "cgroup_subsys_state", "children"), member("css_serial_nr", "cgroup_subsys_state", "serial_nr"), member("cgroup_root_cgrp", "cgroup_root", "cgrp"), member("kernfs_node_name", "kernfs_node", "name"));

// resolvers/kernel.ts
var rq = named("rq");
var scxRq = typeOf(rq, "scx", "scx_rq");
var localDsq = typeOf(scxRq, "local_dsq", "scx_dispatch_q");
function findEventPath(types) {
  const sched = findStruct(types, "scx_sched");
  const pathA = orNull(() => {
    const pcpu = memberOffset(types, sched, "pcpu");
    const stats = directMember(types, findStruct(types, "scx_sched_pcpu"), "event_stats");
    return {
      percpuPtrOff: pcpu,
      eventStatsOff: stats.offset,
      statsStruct: resolveMemberStruct(types, stats)
    };
  });
  return pathA ?? (() => {
    const esc = withContext("btf: neither scx_sched.pcpu nor scx_sched.event_stats_cpu found", () => directMember(types, sched, "event_stats_cpu"));
    const statsStruct = withContext("btf: resolve type of scx_sched.event_stats_cpu", () => resolveMemberStruct(types, esc));
    return {
      percpuPtrOff: esc.offset,
      eventStatsOff: null,
      statsStruct
    };
  })();
}
var eventPath = perTable((types, _) => findEventPath(types));
var eventStats = {
  label: "scx_event_stats",
  found: "typeof(scx_sched_pcpu.event_stats), else typeof(scx_sched.event_stats_cpu)",
  resolve: (types) => eventPath(types, "event").statsStruct
};
function event(key, ...fallbacks) {
  return member(key, eventStats, `SCX_EV_${key.slice(3).toUpperCase()}`, ...fallbacks);
}
function percpuPtrOff(types, note) {
  const path = eventPath(types, "event");
  if (path.eventStatsOff === null) note("scx_sched.event_stats_cpu");
  return path.percpuPtrOff;
}
function eventStatsOff(types) {
  return eventPath(types, "event").eventStatsOff ?? 0;
}
var EVENT_OFFSETS = group(custom("percpu_ptr_off", "scx_sched.pcpu", percpuPtrOff, [
  "scx_sched.event_stats_cpu"
]), custom("event_stats_off", "scx_sched_pcpu.event_stats", eventStatsOff, [
  "0 (path B)"
]), event("ev_select_cpu_fallback"), event("ev_dispatch_local_dsq_offline"), event("ev_dispatch_keep_last"), event("ev_enq_skip_exiting"), event("ev_enq_skip_migration_disabled"), optional(event("ev_reenq_immed")), optional(event("ev_reenq_local_repeat", "SCX_EV_REENQ_REPEAT")), optional(event("ev_refill_slice_dfl", "SCX_EV_ENQ_SLICE_DFL")), optional(event("ev_bypass_duration")), optional(event("ev_bypass_dispatch")), optional(event("ev_bypass_activate")), optional(event("ev_insert_not_owned")), optional(event("ev_sub_bypass_dispatch")), optional(event("ev_slice_clamped")), optional(event("ev_slice_denied")), optional(event("ev_sub_forced_admit")), optional(event("ev_sub_preempt_denied")), optional(event("ev_sub_kick_denied")), optional(event("ev_sub_reenq_denied")), optional(event("ev_sub_cidperf_denied")), optional(event("ev_sub_rescue")), memberMap("counters", eventStats, "SCX_EV_"));
var schedInfo = typeOf(rq, "rq_sched_info", "sched_info");
var SCHEDSTAT_OFFSETS = group(direct("rq_sched_info", rq, "rq_sched_info"), member("sched_info_run_delay", schedInfo, "run_delay"), member("sched_info_pcount", schedInfo, "pcount"), member("rq_yld_count", rq, "yld_count"), member("rq_sched_count", rq, "sched_count"), member("rq_sched_goidle", rq, "sched_goidle"), member("rq_ttwu_count", rq, "ttwu_count"), member("rq_ttwu_local", rq, "ttwu_local"));
var sd = named("sched_domain");
function sdField(key) {
  return member(key, sd, key.slice(3));
}
var SCHED_DOMAIN_STATS = group(...[
  "sd_lb_count",
  "sd_lb_failed",
  "sd_lb_balanced",
  "sd_lb_imbalance_load",
  "sd_lb_imbalance_util",
  "sd_lb_imbalance_task",
  "sd_lb_imbalance_misfit",
  "sd_lb_gained",
  "sd_lb_hot_gained",
  "sd_lb_nobusyg",
  "sd_lb_nobusyq",
  "sd_alb_count",
  "sd_alb_failed",
  "sd_alb_pushed",
  "sd_sbe_count",
  "sd_sbe_balanced",
  "sd_sbe_pushed",
  "sd_sbf_count",
  "sd_sbf_balanced",
  "sd_sbf_pushed",
  "sd_ttwu_wake_remote",
  "sd_ttwu_move_affine",
  "sd_ttwu_move_balance"
].map(sdField));
var SCHED_DOMAIN_OFFSETS = group(member("rq_sd", rq, "sd"), ...[
  "sd_parent",
  "sd_level",
  "sd_name",
  "sd_flags",
  "sd_span_weight",
  "sd_balance_interval",
  "sd_nr_balance_failed",
  "sd_max_newidle_lb_cost"
].map(sdField), allOrNothing(sdField("sd_newidle_call"), sdField("sd_newidle_success"), sdField("sd_newidle_ratio")), sub("stats_offsets", SCHED_DOMAIN_STATS));
var WATCHDOG_OFFSETS = group(member("scx_sched_watchdog_timeout_off", "scx_sched", "watchdog_timeout"));
var KERNEL = group(member("rq_nr_running", rq, "nr_running"), member("rq_clock", rq, "clock"), direct("rq_scx", rq, "scx"), member("scx_rq_nr_running", scxRq, "nr_running"), direct("scx_rq_local_dsq", scxRq, "local_dsq"), member("scx_rq_flags", scxRq, "flags"), member("dsq_nr", localDsq, "nr"), member("rq_cpu", rq, "cpu"), optional(embedded("rq_avg_irq_util_avg", rq, "avg_irq", "sched_avg", "util_avg")), sub("event_offsets", EVENT_OFFSETS), sub("schedstat_offsets", SCHEDSTAT_OFFSETS), sub("sched_domain_offsets", SCHED_DOMAIN_OFFSETS), sub("watchdog_offsets", WATCHDOG_OFFSETS));

// resolvers/runnable_scan.ts
var RUNNABLE_SCAN = group(member("task_struct_scx", "task_struct", "scx"), member("sched_ext_entity_tasks_node", "sched_ext_entity", "tasks_node"), member("sched_ext_entity_flags", "sched_ext_entity", "flags"), member("sched_ext_entity_runnable_at", "sched_ext_entity", "runnable_at"), member("sched_ext_entity_runnable_node", "sched_ext_entity", "runnable_node"), member("rq_scx", "rq", "scx"), member("scx_rq_runnable_list", "scx_rq", "runnable_list"));

// resolvers/scx_walker.ts
var RQ = group(...members("rq", "scx", "curr"));
var SCX_RQ = group(...members("scx_rq", "local_dsq", "runnable_list", "nr_running", "flags", "cpu_released"), optional(member("ops_qseq", "scx_rq", "ops_qseq")), optional(member("kick_sync", "scx_rq", "kick_sync", "pnt_seq")), ...members("scx_rq", "nr_immed", "clock").map(optional));
var TASK = group(...members("task_struct", "comm", "pid", "scx"));
var SEE = group(...members("sched_ext_entity", "runnable_node", "runnable_at", "weight", "slice", "dsq_vtime", "dsq", "dsq_list", "flags", "dsq_flags", "sticky_cpu", "holding_cpu", "tasks_node"), optional(member("ops_qseq", "sched_ext_entity", "ops_qseq")));
var DSQ_LNODE = group(...members("scx_dsq_list_node", "node", "flags"));
var DSQ = group(...members("scx_dispatch_q", "list", "nr", "seq", "id", "hash_node"));
var SCHED = group(member("dsq_hash", "scx_sched", "dsq_hash"), ...members("scx_sched", "pnode", "pcpu", "aborting", "bypass_depth").map(optional), member("exit_kind", "scx_sched", "exit_kind"));
var SCHED_PNODE = group(structExists("scx_sched_pnode"), optional(member("global_dsq", "scx_sched_pnode", "global_dsq")));
var SCHED_PCPU = group(structExists("scx_sched_pcpu"), optional(member("bypass_dsq", "scx_sched_pcpu", "bypass_dsq")));
var RHT = group(...members("rhashtable", "tbl", "nelems"), member("bucket_table_size", "bucket_table", "size"), member("bucket_table_buckets", "bucket_table", "buckets"), member("rhash_head_next", "rhash_head", "next"));
var SUB_GROUPS = [
  [
    "rq",
    RQ,
    "rq"
  ],
  [
    "scx_rq",
    SCX_RQ,
    "scx_rq"
  ],
  [
    "task",
    TASK,
    "task_struct"
  ],
  [
    "see",
    SEE,
    "sched_ext_entity"
  ],
  [
    "dsq_lnode",
    DSQ_LNODE,
    "scx_dsq_list_node"
  ],
  [
    "dsq",
    DSQ,
    "scx_dispatch_q"
  ],
  [
    "sched",
    SCHED,
    "scx_sched"
  ],
  [
    "sched_pnode",
    SCHED_PNODE,
    "scx_sched_pnode"
  ],
  [
    "sched_pcpu",
    SCHED_PCPU,
    "scx_sched_pcpu"
  ],
  [
    "rht",
    RHT,
    "rhashtable/bucket_table/rhash_head"
  ]
];
var SCX_WALKER = group(...SUB_GROUPS.map(([key, g]) => sub(key, g)), derived("missing_groups", "the failed sub-groups", (partial) => SUB_GROUPS.filter(([key]) => partial[key] === null).map(([, , name]) => name)));

// resolvers/task_enrichment.ts
var task = (field) => member(`task_struct_${field}`, "task_struct", field);
var signal = (field) => member(`signal_struct_${field}`, "signal_struct", field);
var TASK_ENRICHMENT = group(...[
  "comm",
  "pid",
  "tgid",
  "prio",
  "static_prio",
  "normal_prio",
  "rt_priority",
  "sched_class",
  "scx"
].map(task), optional(task("core_cookie")), ...[
  "real_parent",
  "group_leader",
  "signal",
  "stack"
].map(task), member("see_weight", "sched_ext_entity", "weight"), ...[
  "nr_threads",
  "pids",
  "nvcsw",
  "nivcsw"
].map(signal), task("nvcsw"), task("nivcsw"), task("utime"), task("stime"), signal("utime"), signal("stime"), member("pid_numbers", "pid", "numbers"), derived("pid_size", "pid.numbers", (partial) => partial.pid_numbers), member("upid_nr", "upid", "nr"), sizeOf("upid_size", "upid"));

// resolvers/mod.ts
var GROUPS = {
  kernel: KERNEL,
  bpf_map: BPF_MAP,
  bpf_prog: BPF_PROG,
  idr: IDR,
  scx_walker: SCX_WALKER,
  runnable_scan: RUNNABLE_SCAN,
  task_enrichment: TASK_ENRICHMENT,
  cpu_time: CPU_TIME,
  numa_stats: NUMA_STATS,
  psi: PSI,
  cgroup_walk: CGROUP_WALK
};
function resolveNamedGroup(types, name) {
  const missing = {};
  const via = {};
  const value = resolveOptional(types, GROUPS[name], name, missing, via);
  return {
    value,
    missing,
    via
  };
}
function resolveOffsets(types, names = GROUP_NAMES) {
  return mergeOutcomes(inReportOrder(names).map((n) => [
    n,
    resolveNamedGroup(types, n)
  ]));
}

// resolvers/constants.ts
var PID_TYPE = {
  PID: 0,
  TGID: 1,
  PGID: 2,
  SID: 3
};
var CPUTIME = {
  CPUTIME_USER: 0,
  CPUTIME_NICE: 1,
  CPUTIME_SYSTEM: 2,
  CPUTIME_SOFTIRQ: 3,
  CPUTIME_IRQ: 4,
  CPUTIME_IDLE: 5,
  CPUTIME_IOWAIT: 6,
  CPUTIME_STEAL: 7
};
var SOFTIRQ_NAMES = [
  "HI",
  "TIMER",
  "NET_TX",
  "NET_RX",
  "BLOCK",
  "IRQ_POLL",
  "TASKLET",
  "SCHED",
  "HRTIMER",
  "RCU"
];
var NUMA_EVENT = {
  NUMA_HIT: 0,
  NUMA_MISS: 1,
  NUMA_FOREIGN: 2,
  NUMA_INTERLEAVE_HIT: 3,
  NUMA_LOCAL: 4,
  NUMA_OTHER: 5
};
var NUMA_EVENT_NAMES = Object.keys(NUMA_EVENT);
var CONSTANTS = {
  pid_type: PID_TYPE,
  SCX_DSQ_LNODE_ITER_CURSOR: 1,
  RHT_PTR_LOCK_BIT: 1,
  CPU_MAX_IDLE_TYPES: 3,
  ...CPUTIME,
  NR_SOFTIRQS: SOFTIRQ_NAMES.length,
  SOFTIRQ_NAMES,
  ...NUMA_EVENT,
  NR_VM_NUMA_EVENT_ITEMS: NUMA_EVENT_NAMES.length,
  NUMA_EVENT_NAMES
};
var PID_ENUMERATORS = {
  PID: "PIDTYPE_PID",
  TGID: "PIDTYPE_TGID",
  PGID: "PIDTYPE_PGID",
  SID: "PIDTYPE_SID"
};
var SAME_NAME = [
  "SCX_DSQ_LNODE_ITER_CURSOR",
  "CPU_MAX_IDLE_TYPES",
  ...Object.keys(CPUTIME),
  "NR_SOFTIRQS",
  ...NUMA_EVENT_NAMES,
  "NR_VM_NUMA_EVENT_ITEMS"
];
function kernelConstants(types) {
  const found = enumValues(types, [
    ...Object.values(PID_ENUMERATORS),
    ...SAME_NAME,
    "HI_SOFTIRQ"
  ]);
  const via = {};
  const read = (name, path, builtin) => {
    const v = found.get(name);
    if (v !== void 0 && typeof v.value === "number") return v.value;
    via[`constants.${path}`] = "builtin";
    return builtin;
  };
  const pidType = Object.fromEntries(Object.entries(PID_ENUMERATORS).map(([k, e]) => [
    k,
    read(e, `pid_type.${k}`, PID_TYPE[k])
  ]));
  const same = Object.fromEntries(SAME_NAME.map((n) => [
    n,
    read(n, n, CONSTANTS[n])
  ]));
  via["constants.RHT_PTR_LOCK_BIT"] = "builtin";
  return {
    constants: {
      pid_type: pidType,
      SCX_DSQ_LNODE_ITER_CURSOR: same.SCX_DSQ_LNODE_ITER_CURSOR,
      RHT_PTR_LOCK_BIT: CONSTANTS.RHT_PTR_LOCK_BIT,
      CPU_MAX_IDLE_TYPES: same.CPU_MAX_IDLE_TYPES,
      ...Object.fromEntries(Object.keys(CPUTIME).map((n) => [
        n,
        same[n]
      ])),
      NR_SOFTIRQS: same.NR_SOFTIRQS,
      SOFTIRQ_NAMES: softirqNames(types, found.get("HI_SOFTIRQ"), same.NR_SOFTIRQS, via),
      ...Object.fromEntries(NUMA_EVENT_NAMES.map((n) => [
        n,
        same[n]
      ])),
      NR_VM_NUMA_EVENT_ITEMS: same.NR_VM_NUMA_EVENT_ITEMS,
      NUMA_EVENT_NAMES: byValue(NUMA_EVENT_NAMES.map((n) => [
        n,
        same[n]
      ]))
    },
    via
  };
}
function byValue(entries) {
  return [
    ...entries
  ].sort((a, b) => a[1] - b[1]).map(([n]) => n);
}
function softirqNames(types, hi, count, via) {
  if (hi === void 0) {
    via["constants.SOFTIRQ_NAMES"] = "builtin";
    return SOFTIRQ_NAMES;
  }
  const vectors = enumerators(types, hi.typeId).filter((e) => e.name.endsWith("_SOFTIRQ") && typeof e.value === "number" && e.value < count);
  return byValue(vectors.map((e) => [
    e.name.slice(0, -"_SOFTIRQ".length),
    e.value
  ]));
}

export {
  enumValue,
  enumerators,
  kernelConstants,
  findStruct,
  findMember,
  stripQualifiers,
  GROUP_NAMES,
  mergeOutcomes,
  inReportOrder,
  GROUPS,
  resolveNamedGroup,
  resolveOffsets
};
