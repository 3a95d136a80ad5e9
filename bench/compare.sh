#!/usr/bin/env bash
# Times the CLI side by side with pahole and bpftool in one run, and prints the ratios:
#   1. kernel /sys/kernel/btf/vmlinux --json (the pinned 7.3.4 BTF where the host has none)  vs  pahole -F btf -C <the structs the groups read>
#                                             vs  bpftool btf dump file /sys/kernel/btf/vmlinux
#   2. one kernel inline (--jobs 0) vs with a pool (--jobs 1, --jobs 2)
#   3. a batch of kernels inline (--jobs 0) vs with a pool (--jobs 2)
#   4. struct rq (cold, host BTF) vs pahole -F btf -C rq
#   5. diff of two raw kernels vs one kernel run over both
#   6. Debian's sched_ext vmlinuz (zstd) vs `zstd -dc` of its payload plus the report from its raw
#      .BTF, and the same vmlinuz inside the cache root once its sidecar exists
#   7. the CLI (bundled, as bin/ktstr-btf runs it; and from the sources) vs an empty
#      `deno run`; 10 raw kernels (the host's, Debian 6.1's and the pinned 7.3.4, from
#      tests/prepare.sh, and copies) as a batch and as a diff series, --jobs 0 vs auto; with
#      BASELINE="<git ref> ...", each revision's CLI on the host and on the 10-kernel batch
#   8. paired rounds of the pairs the speed targets are about (see the end)
#   9. rq and scx on QEMU dumps of a 512 MB and a 4 GB guest (tests/vm/run.sh), against
#      kernel on the same kernel's BTF; rq --watch and scx --watch samples/s and CPU use
#      (bench/watch.sh)
# Every command's minor page faults are counted too (/usr/bin/time, median of FAULT_RUNS).
# Needs hyperfine, pahole (dwarves), bpftool and GNU time; installs them from Debian when
# missing.
set -euo pipefail
cd "$(dirname "$0")/.."
need=()
command -v hyperfine >/dev/null || need+=(hyperfine)
command -v pahole >/dev/null || need+=(dwarves)
command -v bpftool >/dev/null || [ -x /usr/sbin/bpftool ] || need+=(bpftool)
[ -x /usr/bin/time ] || need+=(time)
if [ ${#need[@]} -gt 0 ]; then
  apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi
DENO=${DENO:-$(command -v deno || echo node_modules/.bin/deno)}
DENO=$(readlink -f "$DENO")
# The running kernel's BTF, or the pinned Debian 7.3.4 one where the host has none.
HOST=/sys/kernel/btf/vmlinux
[ -f "$HOST" ] || HOST=testdata/.cache/debian-7.3.4+deb13-amd64.btf
STRUCTS=rq,scx_rq,scx_dispatch_q,sched_ext_entity,scx_dsq_list_node,scx_sched,scx_sched_pcpu
STRUCTS+=,scx_sched_pnode,scx_event_stats,sched_info,sched_domain,task_struct,signal_struct,pid
STRUCTS+=,upid,bpf_map,bpf_array,xa_node,idr,xarray,btf,bpf_htab,bucket,htab_elem
STRUCTS+=,hlist_nulls_head,hlist_nulls_node,bpf_local_storage_map,bpf_local_storage_map_bucket
STRUCTS+=,hlist_head,hlist_node,bpf_local_storage_elem,bpf_local_storage_data,bpf_local_storage
STRUCTS+=,bpf_struct_ops_map,bpf_struct_ops_value,bpf_ringbuf_map,bpf_ringbuf,bpf_stack_map
STRUCTS+=,stack_map_bucket,bpf_prog,bpf_prog_aux,bpf_prog_stats,rhashtable,bucket_table
STRUCTS+=,rhash_head,kernel_cpustat,kernel_stat,tick_sched,pglist_data,zone
bash tests/prepare.sh >/dev/null
IMAGE=testdata/.cache/sched-ext.vmlinuz
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp "$HOST" "$tmp/host.btf"
# The zstd payload as the kernel's boot header names it, without its 4-byte size trailer.
# shellcheck source=../testdata/lib.sh
. testdata/lib.sh
bzimage_payload "$IMAGE"
dd if="$IMAGE" of="$tmp/payload.zst" iflag=skip_bytes,count_bytes skip="$poff" \
  count="$((plen - 4))" bs=1M status=none
mkdir -p "$tmp/root/img" && cp "$IMAGE" "$tmp/root/img/vmlinuz"
BATCH="$HOST testdata/.cache/debian-6.1.btf testdata/.cache/debian-6.1.vmlinux $tmp/host.btf"
: >"$tmp/empty.ts"
# Ten distinct raw kernels: the host's, Debian 6.1's and 7.3's, and copies of them.
SERIES=$HOST
for i in 1 2 3; do
  cp "$HOST" "$tmp/host$i.btf"
  cp testdata/.cache/debian-6.1.btf "$tmp/debian61-$i.btf"
  cp testdata/.cache/debian-7.3.4+deb13-amd64.btf "$tmp/debian73-$i.btf"
  SERIES+=" $tmp/host$i.btf $tmp/debian61-$i.btf $tmp/debian73-$i.btf"
done
# The bundled CLI, as bin/ktstr-btf runs it (dist/, `deno task gen`); `cli-source` is the same
# run from the sources (`deno run -A cli.ts`).
CLI="$DENO run -A dist/cli.js kernel"
CLI_BASE="$DENO run -A dist/cli.js"
PAIR="$HOST testdata/.cache/debian-6.1.btf"
# Warm Deno's module cache so every run below is a cold process with a warm disk cache.
$CLI "$HOST" --json >/dev/null
$DENO run -A cli.ts kernel "$HOST" --json >/dev/null
KTSTR_CACHE_DIR=$tmp/root $CLI "$tmp/root/img/vmlinuz" --json >/dev/null # writes the sidecar
# name, command: timed by hyperfine, then their page faults counted one by one.
RUNS_LIST=(
  empty "$DENO run $tmp/empty.ts"
  cli "$CLI $HOST --json"
  cli-source "$DENO run -A cli.ts kernel $HOST --json"
  pahole "pahole -F btf -C $STRUCTS $HOST"
  bpftool "bpftool btf dump file $HOST"
  cli-jobs0 "$CLI $HOST --json --jobs 0"
  cli-jobs1 "$CLI $HOST --json --jobs 1"
  cli-jobs2 "$CLI $HOST --json --jobs 2"
  batch-jobs0 "$CLI $BATCH --json --jobs 0"
  batch-jobs2 "$CLI $BATCH --json --jobs 2"
  batch10-jobs0 "$CLI $SERIES --json --jobs 0"
  batch10-auto "$CLI $SERIES --json"
  diff10-jobs0 "$CLI_BASE diff $SERIES --jobs 0"
  diff10-auto "$CLI_BASE diff $SERIES"
  struct-rq "$CLI_BASE struct rq -k $HOST"
  pahole-rq "pahole -F btf -C rq $HOST"
  diff-pair "$CLI_BASE diff $PAIR"
  kernel-pair "$CLI $PAIR"
  vmlinuz "$CLI $IMAGE --json --no-cache"
  zstd-dc "zstd -dcq -o /dev/null $tmp/payload.zst"
  raw-7.3 "$CLI testdata/.cache/debian-7.3.4+deb13-amd64.btf --json"
  vmlinuz-sidecar "env KTSTR_CACHE_DIR=$tmp/root $CLI $tmp/root/img/vmlinuz --json"
)
# Guest memory (issue [3/4]): Debian's sched_ext kernel under QEMU with 512 MB and 4 GB of RAM
# (tests/vm/run.sh, cached in testdata/.cache/vm/runs), read by rq with its BTF given (-k) and
# with everything found in the dump; `kernel` on the same BTF is the yardstick.
SCHED_BTF=testdata/.cache/sched-ext.btf
for mb in 512 4096; do
  bash tests/vm/run.sh "testdata/.cache/vm/runs/bench-${mb}mb" --cpus 2 --loops 2 --mem "$mb" \
    >/dev/null
  DUMP="testdata/.cache/vm/runs/bench-${mb}mb/dump.elf"
  RUNS_LIST+=(
    "rq-${mb}mb-k" "$CLI_BASE rq $DUMP -k $SCHED_BTF --json"
    "rq-${mb}mb" "$CLI_BASE rq $DUMP --json"
    "scx-${mb}mb" "$CLI_BASE scx $DUMP --json"
  )
done
RUNS_LIST+=(kernel-sched-ext "$CLI $SCHED_BTF --json")
# Watching a live guest (issue [4/4]): samples/s and CPU use, by bench/watch.sh (NO_LIVE=1 skips
# booting a guest for the live figures).
bash bench/watch.sh
for ref in ${BASELINE:-}; do
  mkdir "$tmp/base-$ref" && git archive "$ref" | tar -x -C "$tmp/base-$ref"
  ln -s "$PWD/testdata/.cache" "$tmp/base-$ref/testdata/.cache"
  $DENO run -A "$tmp/base-$ref/cli.ts" kernel "$HOST" --json >/dev/null
  RUNS_LIST+=(
    "base-$ref-cli" "$DENO run -A $tmp/base-$ref/cli.ts kernel $HOST --json"
    "base-$ref-batch10-jobs0" "$DENO run -A $tmp/base-$ref/cli.ts kernel $SERIES --json --jobs 0"
  )
done
hf=()
for ((i = 0; i < ${#RUNS_LIST[@]}; i += 2)); do hf+=(-n "${RUNS_LIST[i]}" "${RUNS_LIST[i + 1]}"); done
# -i: diff exits 1 when the kernels differ (as diff(1) does).
hyperfine -N -i --warmup 3 --runs "${RUNS:-30}" --export-json "$tmp/runs.json" "${hf[@]}" >/dev/null
# Minor page faults: the median of FAULT_RUNS runs of each command.
{
  echo "{"
  for ((i = 0; i < ${#RUNS_LIST[@]}; i += 2)); do
    counts=$(for _ in $(seq "${FAULT_RUNS:-5}"); do
      # shellcheck disable=SC2086 # the command is a word list
      # diff exits 1 when the kernels differ: the count is still the last line.
      { /usr/bin/time -f %R ${RUNS_LIST[i + 1]} 2>&1 >/dev/null || true; } | tail -1
    done | sort -n)
    median=$(echo "$counts" | sed -n "$(((${FAULT_RUNS:-5} + 1) / 2))p")
    echo "  \"${RUNS_LIST[i]}\": $median$([ $((i + 2)) -lt ${#RUNS_LIST[@]} ] && echo ,)"
  done
  echo "}"
} >"$tmp/faults.json"
"$DENO" run --allow-read bench/ratios.ts "$tmp/runs.json" "$tmp/faults.json"
# Paired rounds: a speed target compares two commands, and this kind of machine drifts by
# ±15 % within minutes, more than timing one command's runs after the other's can hide. Each
# pair is timed again in PAIR_ROUNDS short hyperfine runs of both commands (PAIR_RUNS each),
# the order alternating; the median of the rounds' ratios is what the target is judged by.
PAIRS=(
  "struct rq / pahole -C rq" "target ≤ 0.7" "$CLI_BASE struct rq -k $HOST"
  "pahole -F btf -C rq $HOST"
  "cli / pahole -C <the structs>" "target ≤ 0.5" "$CLI $HOST --json"
  "pahole -F btf -C $STRUCTS $HOST"
  "cli / empty deno run" "target ≤ 1.4" "$CLI $HOST --json" "$DENO run $tmp/empty.ts"
  "diff of two kernels / kernel over both" "target ≤ 1.3" "$CLI_BASE diff $PAIR" "$CLI $PAIR"
  "rq 512 MB dump -k BTF / kernel BTF" "target ≤ 1.5"
  "$CLI_BASE rq testdata/.cache/vm/runs/bench-512mb/dump.elf -k $SCHED_BTF --json"
  "$CLI $SCHED_BTF --json"
  "rq 512 MB dump / kernel BTF" "target ≤ 3" "$CLI_BASE rq testdata/.cache/vm/runs/bench-512mb/dump.elf --json"
  "$CLI $SCHED_BTF --json"
  "rq 4 GB dump / kernel BTF" "target ≤ 3" "$CLI_BASE rq testdata/.cache/vm/runs/bench-4096mb/dump.elf --json"
  "$CLI $SCHED_BTF --json"
)
echo "paired rounds (median of the rounds' ratios of medians):"
for ((i = 0; i < ${#PAIRS[@]}; i += 4)); do
  rounds=()
  for r in $(seq "${PAIR_ROUNDS:-9}"); do
    if ((r % 2)); then order=(-n a "${PAIRS[i + 2]}" -n b "${PAIRS[i + 3]}"); else
      order=(-n b "${PAIRS[i + 3]}" -n a "${PAIRS[i + 2]}"); fi
    hyperfine -N -i --warmup 2 --runs "${PAIR_RUNS:-6}" --export-json "$tmp/pair-$i-$r.json" \
      "${order[@]}" >/dev/null 2>&1
    rounds+=("$tmp/pair-$i-$r.json")
  done
  "$DENO" run --allow-read bench/pairs.ts "${PAIRS[i]}" "${PAIRS[i + 1]}" "${rounds[@]}"
done

