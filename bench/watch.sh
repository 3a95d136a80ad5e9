#!/usr/bin/env bash
# The speed and cost of `rq --watch` / `scx --watch` (issue 21), printed as a table:
#   1. samples/s with --interval 0 --count 1000 over a 2-vCPU guest's RAM file: a still copy
#      (testdata/.cache/vm/runs/sched-ext-2cpu-ramfile/ram.bin, when tests/vm/run.sh made it)
#      and a running guest (tests/vm/live.sh: QEMU with its RAM shared in /dev/shm, one busy
#      loop per vCPU, so the watch races the guest and shares the host's cores with it);
#      target >= 200 samples/s of every CPU
#   2. samples/s over a synthetic 64-CPU memory image (tests/guest_builder.ts); target >= 50
#   3. CPU use at --interval 0.1 for 10 s (100 samples; and rq for 30 s) on the running guest,
#      user+sys from GNU time, over the whole run (the kernel's discovery included: ~0.3 s of
#      CPU, once) and in the steady state (the run less a 1-sample run, over the time between);
#      target < 5 % of one core
# samples/s is taken from the samples' own timestamps (first to last, discovery excluded);
# "wall" is the whole command, discovery included. NO_LIVE=1 skips the running guest.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x /usr/bin/time ] || { apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time >/dev/null; }
DENO=${DENO:-$(command -v deno || echo node_modules/.bin/deno)}
DENO=$(readlink -f "$DENO")
CLI=(run -A cli.ts)
tmp=$(mktemp -d)
live_pid=''
cleanup() {
  if [ -n "$live_pid" ] && kill -0 "$live_pid" 2>/dev/null; then
    echo quit >&"${LIVE[1]}" 2>/dev/null || true
    sleep 2
    kill "$live_pid" 2>/dev/null || true
  fi
  rm -rf "$tmp" /dev/shm/ktstr-bench-watch
}
trap cleanup EXIT

# rate FILE: samples, samples/s from the first to the last sample's "t", unstable rows.
rate() {
  python3 - "$1" <<'EOF'
import json, sys
ts, unstable, cpus = [], 0, 0
for line in open(sys.argv[1]):
    s = json.loads(line)
    ts.append(s["t"])
    cpus = len(s["cpus"])
    unstable += sum(1 for r in s["cpus"] if r.get("unstable"))
r = (len(ts) - 1) * 1000 / (ts[-1] - ts[0]) if len(ts) > 1 else 0
print(f"{len(ts)} {r:.0f} {unstable} {cpus}")
EOF
}

rows=()
# measure NAME COMMAND MEMORY [ARGS...]: a --interval 0 --count 1000 run.
measure() {
  local name=$1 cmd=$2 mem=$3
  shift 3
  /usr/bin/time -f '%e %U %S' -o "$tmp/time" "$DENO" "${CLI[@]}" "$cmd" "$mem" --watch --json \
    --interval 0 --count 1000 "$@" >"$tmp/out.jsonl"
  read -r n r u c < <(rate "$tmp/out.jsonl")
  read -r wall user sys <"$tmp/time"
  rows+=("$(printf '%-44s %5s %4s %9s %8s %6ss %8s' "$name" "$c" "$n" "$r" "$u" "$wall" \
    "$(python3 -c "print(f'{($user + $sys) / $wall * 100:.0f} %')")")")
}

# cpu_use NAME COMMAND MEMORY [COUNT]: --interval 0.1 for COUNT (100) samples, less a
# 1-sample run (the discovery's cost).
cpu_use() {
  local name=$1 cmd=$2 mem=$3 n=${4:-100}
  /usr/bin/time -f '%e %U %S' -o "$tmp/t1" "$DENO" "${CLI[@]}" "$cmd" "$mem" --watch --json \
    --interval 0.1 --count 1 >/dev/null
  /usr/bin/time -f '%e %U %S' -o "$tmp/t100" "$DENO" "${CLI[@]}" "$cmd" "$mem" --watch --json \
    --interval 0.1 --count "$n" >"$tmp/slow.jsonl"
  read -r w1 u1 s1 <"$tmp/t1"
  read -r w100 u100 s100 <"$tmp/t100"
  rows+=("$(python3 -c "
w1, u1, s1, w, u, s = $w1, $u1, $s1, $w100, $u100, $s100
print(f'{\"$name\":<44} whole run: {u + s:.2f} s CPU in {w:.1f} s = {(u + s) / w * 100:.1f} % · '
      f'steady: {(u + s - u1 - s1):.2f} s in {w - w1:.1f} s = {(u + s - u1 - s1) / (w - w1) * 100:.1f} %')")")
}

static=testdata/.cache/vm/runs/sched-ext-2cpu-ramfile/ram.bin
if [ -f "$static" ]; then
  measure "rq, 2-vCPU RAM file (still copy)" rq "$static"
  measure "scx, 2-vCPU RAM file (still copy)" scx "$static"
fi

"$DENO" eval "
import { buildGuest } from './tests/guest_builder.ts';
Deno.writeFileSync('$tmp/guest64.ram', buildGuest({ cpus: Array.from({ length: 64 }, (_, i) => i), ramMiB: 32 }).ram);
"
measure "rq, synthetic 64-CPU image" rq "$tmp/guest64.ram"
measure "scx, synthetic 64-CPU image" scx "$tmp/guest64.ram"

if [ "${NO_LIVE:-0}" != 1 ]; then
  mkdir -p /dev/shm/ktstr-bench-watch
  ram=/dev/shm/ktstr-bench-watch/guest.ram
  coproc LIVE { exec bash tests/vm/live.sh --ram-file "$ram" --cpus 2 --max-seconds 600 2>/dev/null; }
  live_pid=$LIVE_PID
  read -r -t 300 ready <&"${LIVE[0]}" || ready=''
  case $ready in
    READY*)
      sleep 2
      measure "rq, 2-vCPU running guest (shared RAM file)" rq "$ram"
      measure "scx, 2-vCPU running guest (shared RAM file)" scx "$ram"
      cpu_use "rq --interval 0.1, running guest" rq "$ram"
      cpu_use "scx --interval 0.1, running guest" scx "$ram"
      cpu_use "rq --interval 0.1 for 30 s, running guest" rq "$ram" 300
      echo quit >&"${LIVE[1]}"
      read -r -t 30 _ <&"${LIVE[0]}" || true
      wait "$live_pid" 2>/dev/null || true
      ;;
    *) rows+=("running guest: tests/vm/live.sh did not boot: ${ready:-no answer}") ;;
  esac
else
  cpu_use "rq --interval 0.1, synthetic 64-CPU image" rq "$tmp/guest64.ram"
fi

printf '%-44s %5s %4s %9s %8s %7s %8s\n' "watch --interval 0 --count 1000" cpus n "samples/s" unstable wall "cpu/wall"
for r in "${rows[@]}"; do echo "$r"; done
