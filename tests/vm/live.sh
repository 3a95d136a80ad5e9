#!/usr/bin/env bash
# Starts the tests/vm guest (tests/vm/run.sh's kernel, initramfs and scheduler) and keeps it
# running with its RAM in a shared file, for a host that watches that memory while the
# guest's workload changes (tests/watch_test.ts):
#
#   tests/vm/live.sh --ram-file PATH [--kernel sched-ext|debian-6.1] [--cpus N] [--loops N]
#                    [--mem MB] [--kaslr|--nokaslr] [--boot-timeout S] [--max-seconds S]
#                    [--log-dir DIR]
#
# Defaults: sched-ext, 2 CPUs, 1 busy loop per CPU, 512 MB, nokaslr, boot timeout 180 s,
# lifetime 600 s, logs (console.log, qemu-stderr.log, guest-port.log) in a temporary directory
# removed on the way out. run.sh --prepare-only makes or finds the cached artifacts; then QEMU
# runs as in run.sh (q35, TCG, -cpu max, memory-backend-file share=on at PATH) under
# tests/vm/live.py, which speaks on stdin and stdout: "READY {...}" once booted, then one
# answer per command (spin-start CPU, spin-stop CPU, stop, cont, status, quit). QEMU dies with
# live.py, whatever ends it. PATH is left as the guest's memory when it ends.
set -euo pipefail
export LC_ALL=C
here=$(cd "$(dirname "$0")" && pwd)

usage() {
  sed -n '7,9p' "$0" | sed 's/^#  *//' >&2
  exit 2
}
ram_file='' kernel=sched-ext cpus=2 loops=1 mem=512 kaslr=0 boot_timeout=180 max_seconds=600
log_dir=''
while [ $# -gt 0 ]; do
  case $1 in
    --ram-file) ram_file=${2:?}; shift 2 ;;
    --kernel) kernel=${2:?}; shift 2 ;;
    --cpus) cpus=${2:?}; shift 2 ;;
    --loops) loops=${2:?}; shift 2 ;;
    --mem) mem=${2:?}; shift 2 ;;
    --kaslr) kaslr=1; shift ;;
    --nokaslr) kaslr=0; shift ;;
    --boot-timeout) boot_timeout=${2:?}; shift 2 ;;
    --max-seconds) max_seconds=${2:?}; shift 2 ;;
    --log-dir) log_dir=${2:?}; shift 2 ;;
    -h | --help) usage ;;
    *) echo "live.sh: unknown argument $1" >&2; usage ;;
  esac
done
[ -n "$ram_file" ] || usage
fail() {
  echo "FAILED $1: $2"
  exit 1
}
[[ $cpus =~ ^[1-9][0-9]*$ ]] || fail options "--cpus wants a number"
[[ $loops =~ ^[0-9]+$ ]] || fail options "--loops wants a number"
[[ $mem =~ ^[1-9][0-9]*$ ]] || fail options "--mem wants a number of MB"
[ ! -d "$ram_file" ] || fail options "--ram-file wants a file path, not a directory"

# The kernel, initramfs and scheduler as run.sh makes and caches them.
prepared=$(bash "$here/run.sh" --prepare-only --kernel "$kernel") ||
  fail prepare "tests/vm/run.sh --prepare-only failed"
vmlinuz='' initrd='' has_scx=0
while IFS='=' read -r key value; do
  case $key in
    vmlinuz) vmlinuz=$value ;;
    initrd) initrd=$value ;;
    has_scx) has_scx=$value ;;
  esac
done <<<"$prepared"
[ -s "$vmlinuz" ] && [ -s "$initrd" ] || fail prepare "run.sh named no kernel or initramfs"

mkdir -p "$(dirname "$ram_file")"
ram_file=$(cd "$(dirname "$ram_file")" && pwd)/$(basename "$ram_file")
[ ! -f "$ram_file" ] || rm -f "$ram_file"
socks=$(mktemp -d /tmp/ktstr-live.XXXXXX)
remove=$socks
if [ -z "$log_dir" ]; then
  log_dir=$socks/logs
else
  mkdir -p "$log_dir"
fi

append="console=ttyS0 panic=-1 ktstr.loops=$loops"
[ $kaslr = 1 ] || append="$append nokaslr"
qemu=(qemu-system-x86_64 -name ktstr-live -accel tcg -cpu max -smp "$cpus" -m "$mem"
  -object "memory-backend-file,id=ram,size=${mem}M,mem-path=$ram_file,share=on"
  -machine q35,memory-backend=ram -nographic -no-reboot -S
  -kernel "$vmlinuz" -initrd "$initrd" -append "$append"
  -serial mon:stdio
  -chardev "socket,id=ktstr,path=$socks/guest.sock,server=on,wait=off" -serial chardev:ktstr
  -qmp "unix:$socks/qmp.sock,server=on,wait=off")
args=(--qmp "$socks/qmp.sock" --cmd "$socks/guest.sock" --log-dir "$log_dir"
  --boot-timeout "$boot_timeout" --max-seconds "$max_seconds" --remove "$remove")
[ "$has_scx" = 0 ] || args+=(--sched-ext)
echo "live.sh: $kernel, $cpus CPUs, $loops loop(s) per CPU, $mem MB, RAM in $ram_file" >&2
cd "$here"
exec python3 -B "$here/live.py" "${args[@]}" -- "${qemu[@]}"
