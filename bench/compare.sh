#!/usr/bin/env bash
# Times the CLI side by side with pahole and bpftool in one run, and prints the ratios:
#   1. kernel /sys/kernel/btf/vmlinux --json  vs  pahole -F btf -C <the structs the groups read>
#                                             vs  bpftool btf dump file /sys/kernel/btf/vmlinux
#   2. one kernel inline (--jobs 0) vs with a pool (--jobs 1, --jobs 2)
#   3. a batch of kernels inline (--jobs 0) vs with a pool (--jobs 2)
#   4. struct rq (cold, host BTF) vs pahole -F btf -C rq
#   5. diff of two raw kernels vs one kernel run over both
#   6. Debian 7.3's vmlinuz (zstd) vs `zstd -dc` of its payload plus the report from its raw
#      .BTF, and the same vmlinuz inside the cache root once its sidecar exists
# Needs hyperfine, pahole (dwarves) and bpftool; installs them from Debian when missing.
set -euo pipefail
cd "$(dirname "$0")/.."
need=()
command -v hyperfine >/dev/null || need+=(hyperfine)
command -v pahole >/dev/null || need+=(dwarves)
command -v bpftool >/dev/null || [ -x /usr/sbin/bpftool ] || need+=(bpftool)
if [ ${#need[@]} -gt 0 ]; then
  apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi
DENO=${DENO:-$(command -v deno || echo node_modules/.bin/deno)}
DENO=$(readlink -f "$DENO")
HOST=/sys/kernel/btf/vmlinux
STRUCTS=rq,scx_rq,scx_dispatch_q,sched_ext_entity,scx_dsq_list_node,scx_sched,scx_sched_pcpu
STRUCTS+=,scx_sched_pnode,scx_event_stats,sched_info,sched_domain,task_struct,signal_struct,pid
STRUCTS+=,upid,bpf_map,bpf_array,xa_node,idr,xarray,btf,bpf_htab,bucket,htab_elem
STRUCTS+=,hlist_nulls_head,hlist_nulls_node,bpf_local_storage_map,bpf_local_storage_map_bucket
STRUCTS+=,hlist_head,hlist_node,bpf_local_storage_elem,bpf_local_storage_data,bpf_local_storage
STRUCTS+=,bpf_struct_ops_map,bpf_struct_ops_value,bpf_ringbuf_map,bpf_ringbuf,bpf_stack_map
STRUCTS+=,stack_map_bucket,bpf_prog,bpf_prog_aux,bpf_prog_stats,rhashtable,bucket_table
STRUCTS+=,rhash_head,kernel_cpustat,kernel_stat,tick_sched,pglist_data,zone
bash testdata/fetch-debian-vmlinux.sh testdata/.cache >/dev/null
bash testdata/fetch-debian-7.3.sh testdata/.cache >/dev/null
IMAGE=testdata/.cache/vmlinuz-7.3.4+deb13-amd64
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp "$HOST" "$tmp/host.btf"
# The zstd payload as the kernel's boot header names it, without its 4-byte size trailer.
le() { od -An -tu"$3" -j "$2" -N"$3" "$1" | tr -d ' '; }
poff=$((($(le "$IMAGE" 497 1) + 1) * 512 + $(le "$IMAGE" 584 4)))
dd if="$IMAGE" of="$tmp/payload.zst" iflag=skip_bytes,count_bytes skip="$poff" \
  count="$(($(le "$IMAGE" 588 4) - 4))" bs=1M status=none
mkdir -p "$tmp/root/img" && cp "$IMAGE" "$tmp/root/img/vmlinuz"
BATCH="$HOST testdata/.cache/vmlinux-debian.btf testdata/.cache/vmlinux-debian $tmp/host.btf"
CLI="$DENO run -A cli.ts kernel"
CLI_BASE="$DENO run -A cli.ts"
PAIR="$HOST testdata/.cache/vmlinux-debian.btf"
# Warm Deno's module cache so every run below is a cold process with a warm disk cache.
$CLI "$HOST" --json >/dev/null
KTSTR_CACHE_DIR=$tmp/root $CLI "$tmp/root/img/vmlinuz" --json >/dev/null # writes the sidecar
# -i: diff exits 1 when the kernels differ (as diff(1) does).
hyperfine -N -i --warmup 3 --runs "${RUNS:-30}" --export-json "$tmp/runs.json" \
  -n cli "$CLI $HOST --json" \
  -n pahole "pahole -F btf -C $STRUCTS $HOST" \
  -n bpftool "bpftool btf dump file $HOST" \
  -n cli-jobs0 "$CLI $HOST --json --jobs 0" \
  -n cli-jobs1 "$CLI $HOST --json --jobs 1" \
  -n cli-jobs2 "$CLI $HOST --json --jobs 2" \
  -n batch-jobs0 "$CLI $BATCH --json --jobs 0" \
  -n batch-jobs2 "$CLI $BATCH --json --jobs 2" \
  -n struct-rq "$CLI_BASE struct rq -k $HOST" \
  -n pahole-rq "pahole -F btf -C rq $HOST" \
  -n diff-pair "$CLI_BASE diff $PAIR" \
  -n kernel-pair "$CLI $PAIR" \
  -n vmlinuz "$CLI $IMAGE --json --no-cache" \
  -n zstd-dc "zstd -dcq -o /dev/null $tmp/payload.zst" \
  -n raw-7.3 "$CLI testdata/.cache/vmlinux-7.3.4+deb13-amd64.btf --json" \
  -n vmlinuz-sidecar "env KTSTR_CACHE_DIR=$tmp/root $CLI $tmp/root/img/vmlinuz --json" >/dev/null
"$DENO" run --allow-read bench/ratios.ts "$tmp/runs.json"
