/**
 * bpf_map (BpfMapOffsets): map discovery and value access, with the optional hash table,
 * local storage, struct_ops, ring buffer and stack map sub-groups (docs/FIELDS.md).
 * @module
 */
import { BtfError } from "../btf/errors.ts";
import { directMember } from "../btf/queries.ts";
import { Kind } from "../btf/kinds.ts";
import {
  atOffsetZero,
  direct,
  group,
  member,
  named,
  orZero,
  sizeOf,
  type StructRef,
  sub,
  typeOf,
} from "./dsl.ts";
import { IDR_FIELDS } from "./idr.ts";

/** `bucket` is a common name; the hash table's is the first struct with a `head` member. */
const htabBucket: StructRef = {
  label: "bucket",
  found: "the first struct 'bucket' with a 'head' member",
  resolve(types) {
    for (const id of types.byName("bucket", { functions: false })) {
      if (types.kind(id) !== Kind.STRUCT) continue;
      try {
        directMember(types, id, "head");
        return id;
      } catch (err) {
        if (!(err instanceof BtfError)) throw err;
      }
    }
    throw new BtfError("btf: no 'bucket' struct with 'head' field found");
  },
};

/** bpf_map.htab_offsets (BPF_MAP_TYPE_HASH walking). */
export const HTAB_OFFSETS = group(
  member("htab_buckets", "bpf_htab", "buckets"),
  member("htab_n_buckets", "bpf_htab", "n_buckets"),
  sizeOf("bucket_size", htabBucket),
  member("bucket_head", htabBucket, "head"),
  member("hlist_nulls_head_first", "hlist_nulls_head", "first"),
  member("hlist_nulls_node_next", "hlist_nulls_node", "next"),
  sizeOf("htab_elem_size_base", "htab_elem"),
  // The walker casts a bucket's first node straight to its htab_elem.
  atOffsetZero("htab_elem", "hash_node"),
);

const storageBucket = named("bpf_local_storage_map_bucket");

/** bpf_map.task_storage_offsets (task/inode/sk/cgrp local storage walking). */
export const TASK_STORAGE_OFFSETS = group(
  member("smap_buckets", "bpf_local_storage_map", "buckets"),
  member("smap_bucket_log", "bpf_local_storage_map", "bucket_log"),
  sizeOf("bucket_size", storageBucket),
  direct("bucket_list", storageBucket, "list"),
  member("hlist_head_first", typeOf(storageBucket, "list", "hlist_head"), "first"),
  member("hlist_node_next", "hlist_node", "next"),
  direct("elem_local_storage", "bpf_local_storage_elem", "local_storage"),
  direct("elem_sdata", "bpf_local_storage_elem", "sdata"),
  member("sdata_data", "bpf_local_storage_data", "data"),
  member("ls_owner", "bpf_local_storage", "owner"),
  // The walker treats a list node pointer as the element pointer.
  atOffsetZero("hlist_node", "next"),
  atOffsetZero("bpf_local_storage_elem", "map_node"),
);

/** bpf_map.struct_ops_offsets (BPF_MAP_TYPE_STRUCT_OPS value bytes). */
export const STRUCT_OPS_OFFSETS = group(
  direct("kvalue", "bpf_struct_ops_map", "kvalue"),
  member("value_data", typeOf("bpf_struct_ops_map", "kvalue", "bpf_struct_ops_value"), "data"),
);

/** bpf_map.ringbuf_offsets (ring buffer positions). */
export const RINGBUF_OFFSETS = group(
  member("rbm_rb", "bpf_ringbuf_map", "rb"),
  member("rb_mask", "bpf_ringbuf", "mask"),
  member("rb_consumer_pos", "bpf_ringbuf", "consumer_pos"),
  member("rb_producer_pos", "bpf_ringbuf", "producer_pos"),
  member("rb_pending_pos", "bpf_ringbuf", "pending_pos"),
);

/** bpf_map.stackmap_offsets (BPF_MAP_TYPE_STACK_TRACE buckets). */
export const STACKMAP_OFFSETS = group(
  member("smap_n_buckets", "bpf_stack_map", "n_buckets"),
  member("smap_buckets", "bpf_stack_map", "buckets"),
  member("smb_nr", "stack_map_bucket", "nr"),
  member("smb_data", "stack_map_bucket", "data"),
);

const bpfMap = named("bpf_map");

/** The bpf_map group (BpfMapOffsets). */
export const BPF_MAP = group(
  member("map_name", bpfMap, "name"),
  member("map_type", bpfMap, "map_type"),
  member("map_flags", bpfMap, "map_flags"),
  member("key_size", bpfMap, "key_size"),
  member("value_size", bpfMap, "value_size"),
  member("max_entries", bpfMap, "max_entries"),
  member("array_value", "bpf_array", "value"),
  ...IDR_FIELDS,
  member("map_btf", bpfMap, "btf"),
  member("map_btf_value_type_id", bpfMap, "btf_value_type_id"),
  // Only kernels with struct_ops support have it; 0 tells the reader it is absent.
  orZero(member("map_btf_vmlinux_value_type_id", bpfMap, "btf_vmlinux_value_type_id")),
  member("map_btf_key_type_id", bpfMap, "btf_key_type_id"),
  member("btf_data", "btf", "data"),
  member("btf_data_size", "btf", "data_size"),
  member("btf_base_btf", "btf", "base_btf"),
  sub("htab_offsets", HTAB_OFFSETS),
  sub("task_storage_offsets", TASK_STORAGE_OFFSETS),
  sub("struct_ops_offsets", STRUCT_OPS_OFFSETS),
  sub("ringbuf_offsets", RINGBUF_OFFSETS),
  sub("stackmap_offsets", STACKMAP_OFFSETS),
);
