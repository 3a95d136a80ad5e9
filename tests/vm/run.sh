#!/usr/bin/env bash
# Boots a guest kernel under QEMU (TCG) with a minimal sched_ext scheduler and a busy loop per
# CPU, and captures what a memory reader needs to be checked against: a memory dump taken by
# QEMU with the workload running, and the guest's own view just before and just after it.
#
#   tests/vm/run.sh OUTDIR [--kernel sched-ext|debian-6.18|debian-6.16|debian-6.1] [--cpus N]
#                          [--loops N] [--mem MB] [--kaslr|--nokaslr] [--paging] [--ram-file PATH]
#                          [--settle S] [--vmcoreinfo] [--boot-timeout S] [--prepare-only]
#
# Defaults: sched-ext, 2 CPUs, 512 MB, nokaslr, paging off, settle 3 s. See tests/vm/README.md
# for the outputs. Steps (each bounded; a failure prints "run.sh: FAILED at <step>: <why>" and
# exits 1, and QEMU is always killed):
#   host tools    qemu-system-x86, clang, llvm, bpftool, cpio... installed with the machine's own
#                 apt (its own Debian release) when missing
#   kernel        testdata/.cache/<kernel>.{vmlinuz,btf,package} (tests/prepare.sh lays them;
#                 fetched here with testdata/fetch-debian-image.sh when missing)
#   guest userland  sid's bpftool (new enough for .struct_ops.link) with its libraries and
#                 loader, and sid's busybox-static: downloaded with the private apt config
#                 (testdata/apt-suite.sh), never installed, extracted under
#                 testdata/.cache/vm/sid/root; the libraries checked with sid's own loader
#   scheduler     tests/vm/ktstr_min.bpf.c built by the host clang against a vmlinux.h that the
#                 host bpftool dumps from the kernel's BTF (only where the BTF has sched_ext_ops)
#   qemu_fw_cfg   only with --vmcoreinfo: the kernel's qemu_fw_cfg module, taken out of its
#                 Debian modules package (private apt; ~100 MB downloaded once, then deleted)
#   initramfs     busybox + bpftool + libs + loader + scheduler + tests/vm/init.sh as /init
#                 (+ qemu_fw_cfg.ko, which /init loads: with QEMU's -device vmcoreinfo the guest
#                 then tells QEMU where its VMCOREINFO is, and dump.elf carries that note)
#   cycle         tests/vm/drive.py: boot, view "before", stop, dump-guest-memory, [copy the RAM
#                 file], cont, view "after", quit
# Everything fetched or built is cached under testdata/.cache/vm/ and rebuilt only when its
# inputs change: a second run uses no network. KTSTR_VM_CACHE=DIR puts that cache elsewhere.
set -euo pipefail
export LC_ALL=C
started=$(date +%s.%N)
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
td=$repo/testdata
cache=$td/.cache
vm=${KTSTR_VM_CACHE:-$cache/vm} # what run.sh fetches and builds (override: a fresh cache)

die() {
  echo "run.sh: FAILED at $1: $2" >&2
  exit 1
}
usage() {
  sed -n '6,8p' "$0" | sed 's/^#  *//' >&2
  exit 2
}

out='' kernel=sched-ext cpus=2 mem=512 kaslr=0 paging=0 ram_file='' settle=3 boot_timeout=180 loops=1 vmcoreinfo=0
prepare_only=0 # --prepare-only: no OUTDIR, no cycle; prints what was prepared (tests/vm/live.sh)
while [ $# -gt 0 ]; do
  case $1 in
    --kernel) kernel=${2:?}; shift 2 ;;
    --cpus) cpus=${2:?}; shift 2 ;;
    --loops) loops=${2:?}; shift 2 ;;
    --mem) mem=${2:?}; shift 2 ;;
    --kaslr) kaslr=1; shift ;;
    --nokaslr) kaslr=0; shift ;;
    --paging) paging=1; shift ;;
    --ram-file) ram_file=${2:?}; shift 2 ;;
    --settle) settle=${2:?}; shift 2 ;;
    --boot-timeout) boot_timeout=${2:?}; shift 2 ;;
    --vmcoreinfo) vmcoreinfo=1; shift ;;
    --prepare-only) prepare_only=1; shift ;;
    -h | --help) usage ;;
    -*) echo "run.sh: unknown option $1" >&2; usage ;;
    *) [ -z "$out" ] || usage; out=$1; shift ;;
  esac
done
[ -n "$out" ] || [ $prepare_only = 1 ] || usage
case $kernel in
  sched-ext) kregex='linux-binary-[0-9.]+\+deb13-amd64' ksuite=trixie-backports ;;
  # sched_ext before 7.1 (struct scx_sched without bypass_depth, watchdog_timeout, aborting):
  # trixie-backports has no -unsigned 6.18 image, only the signed one (its modules inside).
  debian-6.18) kregex='linux-image-6\.18\.[0-9]+\+deb13-amd64' ksuite=trixie-backports ;;
  # 6.16 keeps the event counters in scx_sched.event_stats_cpu (6.18: scx_sched.pcpu).
  debian-6.16) kregex='linux-image-6\.16\.[0-9]+\+deb13-amd64' ksuite=trixie-backports ;;
  debian-6.1) kregex='linux-image-6\.1\.0-[0-9]+-amd64-unsigned' ksuite=bookworm ;;
  *) die options "unknown kernel $kernel (sched-ext, debian-6.18, debian-6.16 or debian-6.1)" ;;
esac
[[ $cpus =~ ^[1-9][0-9]*$ ]] || die options "--cpus wants a number"
[[ $mem =~ ^[1-9][0-9]*$ ]] || die options "--mem wants a number of MB"
mkdir -p "$vm"
if [ $prepare_only = 0 ]; then
  mkdir -p "$out"
  out=$(cd "$out" && pwd)
  # Two runs into one OUTDIR take turns (the other waits, up to 15 minutes).
  exec 8>"$out/.run.lock"
  flock -w 900 8 || die options "another run held $out/.run.lock for 15 minutes"
fi
if [ -n "$ram_file" ]; then
  [ ! -d "$ram_file" ] || die options "--ram-file wants a file path, not a directory"
  mkdir -p "$(dirname "$ram_file")"
  ram_file=$(cd "$(dirname "$ram_file")" && pwd)/$(basename "$ram_file")
fi

# --- host tools, from the machine's own release only -------------------------------------
bpftool=$(command -v bpftool || echo /usr/sbin/bpftool)
missing=()
command -v qemu-system-x86_64 >/dev/null 2>&1 || missing+=(qemu-system-x86)
command -v clang >/dev/null 2>&1 || missing+=(clang)
command -v llvm-strip >/dev/null 2>&1 || missing+=(llvm)
[ -x "$bpftool" ] || missing+=(bpftool)
command -v cpio >/dev/null 2>&1 || missing+=(cpio)
command -v gzip >/dev/null 2>&1 || missing+=(gzip)
command -v dpkg-deb >/dev/null 2>&1 || missing+=(dpkg)
command -v readelf >/dev/null 2>&1 || missing+=(binutils)
command -v flock >/dev/null 2>&1 || missing+=(util-linux)
command -v xz >/dev/null 2>&1 || missing+=(xz-utils)
command -v zstd >/dev/null 2>&1 || missing+=(zstd)
command -v python3 >/dev/null 2>&1 || missing+=(python3)
if [ ${#missing[@]} -gt 0 ]; then
  [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1 ||
    die "host tools" "missing ${missing[*]}; install them from your Debian release"
  release=$(. /etc/os-release && echo "${VERSION_CODENAME:-?}")
  echo "run.sh: installing ${missing[*]} from the machine's own release ($release)" >&2
  apt-get update -qq >/dev/null 2>&1 || die "host tools" "apt-get update failed"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    "${missing[@]}" >/dev/null 2>&1 || die "host tools" "apt-get install ${missing[*]} failed"
  bpftool=$(command -v bpftool || echo /usr/sbin/bpftool)
fi

# Preparation is serialised between concurrent runs; the cycle itself is not.
exec 9>"$vm/.prepare.lock"
flock -w 900 9 || die prepare "another run held $vm/.prepare.lock for 15 minutes"

# --- kernel ---------------------------------------------------------------------------------
vmlinuz=$cache/$kernel.vmlinuz btf=$cache/$kernel.btf
if [ ! -s "$vmlinuz" ] || [ ! -s "$btf" ] || [ ! -s "$cache/$kernel.package" ]; then
  bash "$td/fetch-debian-image.sh" "$kernel" "$kregex" "$ksuite" "$cache" ||
    die kernel "could not fetch $kernel (testdata/fetch-debian-image.sh)"
fi
package=$(cat "$cache/$kernel.package")

# --- guest userland from sid: bpftool + its libraries and loader, busybox-static ------------
sid=$vm/sid
loader=$sid/root/usr/lib64/ld-linux-x86-64.so.2
libdir=$sid/root/usr/lib/x86_64-linux-gnu
if [ ! -e "$sid/ok" ]; then
  rm -rf "$sid"
  mkdir -p "$sid/debs" "$sid/root"
  chmod 777 "$sid/debs" # apt-get download may drop to the _apt user
  # shellcheck source=../../testdata/apt-suite.sh
  . "$td/apt-suite.sh"
  apt_private sid amd64 || die "guest userland" "apt cannot reach sid"
  # bpftool's whole dependency closure (Depends and Pre-Depends), plus busybox-static.
  mapfile -t pkgs < <(apt-cache "${APT_OPTS[@]}" depends --recurse --no-recommends \
    --no-suggests --no-conflicts --no-breaks --no-replaces --no-enhances bpftool 2>/dev/null |
    grep -E '^[a-z0-9]' | sort -u)
  [ ${#pkgs[@]} -gt 1 ] || die "guest userland" "apt-cache found no dependency closure for sid's bpftool"
  pkgs+=(busybox-static)
  echo "run.sh: fetching from sid: ${pkgs[*]}" >&2
  for p in "${pkgs[@]}"; do
    apt_fetch "$sid/debs" "$p" 2>/dev/null || die "guest userland" "apt-get download $p (sid) failed"
  done
  for d in "$sid"/debs/*.deb; do
    dpkg-deb -x "$d" "$sid/root" || die "guest userland" "dpkg-deb -x $d failed"
    echo "$(dpkg-deb -f "$d" Package) $(dpkg-deb -f "$d" Version)"
  done >"$sid/packages"
  [ -x "$sid/root/usr/sbin/bpftool" ] && [ -x "$sid/root/usr/bin/busybox" ] && [ -x "$loader" ] ||
    die "guest userland" "sid packages lack bpftool, busybox or the loader"
  # ldd inside the extracted root, with sid's own loader.
  "$loader" --library-path "$libdir" --list "$sid/root/usr/sbin/bpftool" >"$sid/bpftool.ldd" 2>&1 ||
    die "guest userland" "sid's loader cannot resolve bpftool: $(grep -m1 'not found' "$sid/bpftool.ldd")"
  ! grep -q 'not found' "$sid/bpftool.ldd" ||
    die "guest userland" "missing library for bpftool: $(grep -m1 'not found' "$sid/bpftool.ldd")"
  "$loader" --library-path "$libdir" "$sid/root/usr/sbin/bpftool" version >"$sid/bpftool.version" 2>&1 ||
    die "guest userland" "sid's bpftool does not run: $(head -n1 "$sid/bpftool.version")"
  date -u +%FT%TZ >"$sid/ok"
fi
bpftool_guest_version=$(head -n1 "$sid/bpftool.version")

# --- the scheduler object --------------------------------------------------------------------
src=$here/ktstr_min.bpf.c
bpfdir=$vm/bpf/$kernel
obj=$bpfdir/ktstr_min.bpf.o
key=$(cat "$src" "$btf" <(clang --version) <("$bpftool" version) | sha256sum | cut -c1-64)
if [ "$(cat "$bpfdir/key" 2>/dev/null)" != "$key" ]; then
  rm -rf "$bpfdir"
  mkdir -p "$bpfdir"
  "$bpftool" btf dump file "$btf" >"$bpfdir/btf.txt" 2>/dev/null || die scheduler "bpftool cannot read $btf"
  if grep -q "^\[[0-9]*\] STRUCT 'sched_ext_ops'" "$bpfdir/btf.txt"; then
    if grep -q "^\[[0-9]*\] FUNC 'scx_bpf_dsq_insert' " "$bpfdir/btf.txt"; then
      kfunc=scx_bpf_dsq_insert
    elif grep -q "^\[[0-9]*\] FUNC 'scx_bpf_dispatch' " "$bpfdir/btf.txt"; then
      kfunc=scx_bpf_dispatch
    else
      die scheduler "$kernel's BTF has sched_ext_ops but neither scx_bpf_dsq_insert nor scx_bpf_dispatch"
    fi
    "$bpftool" btf dump file "$btf" format c >"$bpfdir/vmlinux.h" || die scheduler "bpftool format c failed"
    # -Wno-missing-declarations: bookworm's bpftool writes 7.x's -fms-extensions anonymous
    # members as bare 'struct x;' lines (harmless here: only sched_ext_ops is laid out).
    clang -target bpf -O2 -g -Wno-missing-declarations -DKTSTR_DISPATCH_KFUNC=$kfunc \
      -I"$bpfdir" -c "$src" -o "$obj.tmp" 2>"$bpfdir/clang.log" ||
      die scheduler "clang failed: $(grep -m1 error "$bpfdir/clang.log")"
    llvm-strip -g "$obj.tmp" # drop DWARF, keep .BTF and .BTF.ext
    mv -f "$obj.tmp" "$obj"
    echo "$kfunc" >"$bpfdir/kfunc"
  else
    echo none >"$bpfdir/kfunc"
  fi
  rm -f "$bpfdir/btf.txt"
  echo "$key" >"$bpfdir/key"
fi
kfunc=$(cat "$bpfdir/kfunc")
has_scx=0
[ "$kfunc" = none ] || has_scx=1

# --- qemu_fw_cfg.ko (--vmcoreinfo) -----------------------------------------------------------
fwcfg=''
if [ $vmcoreinfo = 1 ]; then
  case $kernel in
    sched-ext) modpkg=linux-modules-${package#linux-binary-} ;;
    *) modpkg=$package ;; # bookworm's linux-image-*-unsigned, 6.16's and 6.18's linux-image-* hold their modules
  esac
  moddir=$vm/modules/$kernel
  fwcfg=$moddir/qemu_fw_cfg.ko
  if [ "$(cat "$moddir/package" 2>/dev/null)" != "$modpkg" ] || [ ! -s "$fwcfg" ]; then
    rm -rf "$moddir"
    mkdir -p "$moddir/tmp"
    chmod 777 "$moddir/tmp"
    # shellcheck source=../../testdata/apt-suite.sh
    . "$td/apt-suite.sh"
    apt_private "$ksuite" amd64 || die qemu_fw_cfg "apt cannot reach $ksuite"
    echo "run.sh: downloading $modpkg ($ksuite) for qemu_fw_cfg.ko" >&2
    apt_fetch "$moddir/tmp" "$modpkg" 2>/dev/null || die qemu_fw_cfg "apt-get download $modpkg failed"
    dpkg-deb --fsys-tarfile "$moddir"/tmp/*.deb | tar -x -C "$moddir/tmp" --wildcards '*/qemu_fw_cfg.ko*' ||
      die qemu_fw_cfg "$modpkg has no qemu_fw_cfg.ko"
    ko=$(find "$moddir/tmp" -name 'qemu_fw_cfg.ko*' -type f | head -n 1)
    case $ko in
      *.ko) cp "$ko" "$fwcfg.tmp" ;;
      *.ko.xz) xz -dc "$ko" >"$fwcfg.tmp" ;;
      *.ko.zst) zstd -dcq "$ko" >"$fwcfg.tmp" ;;
      *.ko.gz) gzip -dc "$ko" >"$fwcfg.tmp" ;;
      *) die qemu_fw_cfg "no qemu_fw_cfg.ko in $modpkg" ;;
    esac || die qemu_fw_cfg "cannot decompress $ko"
    mv -f "$fwcfg.tmp" "$fwcfg"
    rm -rf "$moddir/tmp"
    echo "$modpkg" >"$moddir/package"
  fi
fi

# --- initramfs -----------------------------------------------------------------------------
initrd=$vm/initramfs-$kernel$([ $vmcoreinfo = 0 ] || echo -vmcoreinfo).cpio.gz
ikey=$(cat "$here/init.sh" "$sid/packages" "$sid/ok" <(echo "$has_scx") \
  <([ $has_scx = 0 ] || cat "$obj") <([ -z "$fwcfg" ] || cat "$fwcfg") | sha256sum | cut -c1-64)
if [ "$(cat "$initrd.key" 2>/dev/null)" != "$ikey" ]; then
  [ "$(id -u)" = 0 ] || die initramfs "needs root (mknod /dev/console)"
  d=$(mktemp -d "$vm/.initramfs.XXXXXX")
  trap 'rm -rf "$d"' EXIT
  mkdir -p "$d"/{bin,sbin,usr/bin,usr/sbin,usr/lib/x86_64-linux-gnu,lib,lib64,proc,sys,dev,tmp,root,etc,ktstr}
  ln -s ../usr/lib/x86_64-linux-gnu "$d/lib/x86_64-linux-gnu"
  cp "$sid/root/usr/bin/busybox" "$d/bin/busybox"
  for a in $("$d/bin/busybox" --list-full); do
    [ -e "$d/$a" ] || [ -L "$d/$a" ] || ln -s /bin/busybox "$d/$a"
  done
  cp "$sid/root/usr/sbin/bpftool" "$d/usr/sbin/bpftool"
  # Every library the loader resolved, under its soname, and the loader at its PT_INTERP path.
  awk '$1 !~ /^\// && $2 == "=>" && $3 ~ /^\// { print $1, $3 }' "$sid/bpftool.ldd" |
    while read -r soname path; do
      cp -L "$path" "$d/usr/lib/x86_64-linux-gnu/$soname" || exit 1
    done || die initramfs "copying bpftool's libraries failed"
  cp -L "$loader" "$d/lib64/ld-linux-x86-64.so.2"
  printf '#!/bin/sh\n# one busy loop; /init pins one per CPU with taskset\nwhile :; do :; done\n' \
    >"$d/bin/ktstr-spin"
  chmod 755 "$d/bin/ktstr-spin"
  [ $has_scx = 0 ] || cp "$obj" "$d/ktstr/ktstr_min.bpf.o"
  [ -z "$fwcfg" ] || cp "$fwcfg" "$d/ktstr/qemu_fw_cfg.ko"
  install -m 755 "$here/init.sh" "$d/init"
  mknod -m 600 "$d/dev/console" c 5 1
  (cd "$d" && find . -mindepth 1 | sort | cpio -o -H newc -R 0:0 --quiet) | gzip -6 >"$initrd.tmp" ||
    die initramfs "cpio failed"
  mv -f "$initrd.tmp" "$initrd"
  echo "$ikey" >"$initrd.key"
  rm -rf "$d"
  trap - EXIT
fi
exec 9>&- # preparation done
if [ $prepare_only = 1 ]; then
  printf 'vmlinuz=%s\ninitrd=%s\nhas_scx=%s\nkfunc=%s\npackage=%s\n' \
    "$vmlinuz" "$initrd" "$has_scx" "$kfunc" "$package"
  exit 0
fi

# --- the cycle ---------------------------------------------------------------------------------
rm -rf "$out/before" "$out/after"
rm -f "$out"/{dump.elf,ram.bin,meta.json,console.log,qemu-stderr.log,guest-port.log}
socks=$(mktemp -d /tmp/ktstr-vm.XXXXXX)
pidfile=$socks/qemu.pid
cleanup() {
  if [ -s "$pidfile" ]; then
    pid=$(cat "$pidfile")
    if [ -d "/proc/$pid" ] && grep -q qemu "/proc/$pid/comm" 2>/dev/null; then
      kill -9 "$pid" 2>/dev/null || true
    fi
  fi
  rm -rf "$socks"
}
trap cleanup EXIT INT TERM

append="console=ttyS0 panic=-1 ktstr.loops=$loops"
[ $kaslr = 1 ] || append="$append nokaslr"
machine=q35
qemu=(qemu-system-x86_64 -name ktstr-vm -accel tcg -cpu max -smp "$cpus" -m "$mem")
if [ -n "$ram_file" ]; then
  [ ! -f "$ram_file" ] || rm -f "$ram_file"
  qemu+=(-object "memory-backend-file,id=ram,size=${mem}M,mem-path=$ram_file,share=on")
  machine="$machine,memory-backend=ram"
fi
qemu+=(-machine "$machine" -nographic -no-reboot -S
  -kernel "$vmlinuz" -initrd "$initrd" -append "$append"
  -serial mon:stdio
  -chardev "socket,id=ktstr,path=$socks/guest.sock,server=on,wait=off" -serial chardev:ktstr
  -qmp "unix:$socks/qmp.sock,server=on,wait=off")
[ $vmcoreinfo = 0 ] || qemu+=(-device vmcoreinfo)

python3 - "$socks/meta-in.json" <<EOF
import json, sys
json.dump({
  "kernel": "$kernel", "package": "$package", "vmlinuz": "$vmlinuz",
  "cpus": $cpus, "mem_mb": $mem, "kaslr": bool($kaslr), "paging": bool($paging),
  "ram_file": "$ram_file" or None, "vmcoreinfo_device": bool($vmcoreinfo), "append": "$append", "accel": "tcg",
  "scheduler": {"built": bool($has_scx), "kfunc": "$kfunc", "ops_name": "ktstr_min" if $has_scx else None},
  "guest_bpftool": "$bpftool_guest_version",
  "guest_packages": open("$sid/packages").read().split("\n")[:-1],
  "host": "$(uname -srm)", "started": "$(date -u +%FT%TZ)", "started_epoch": $started,
  "times_s": {"prepare": round($(date +%s.%N) - $started, 3)},
}, open(sys.argv[1], "w"))
EOF

echo "run.sh: $kernel ($package), $cpus CPUs, $mem MB, kaslr $([ $kaslr = 1 ] && echo on || echo off)," \
  "paging $([ $paging = 1 ] && echo on || echo off)${ram_file:+, RAM in $ram_file}$([ $vmcoreinfo = 0 ] || echo ', -device vmcoreinfo') -> $out" >&2
args=(--out "$out" --qmp "$socks/qmp.sock" --cmd "$socks/guest.sock" --pidfile "$pidfile"
  --meta-in "$socks/meta-in.json" --settle "$settle" --boot-timeout "$boot_timeout")
[ $paging = 0 ] || args+=(--paging)
[ $has_scx = 0 ] || args+=(--sched-ext)
[ -z "$ram_file" ] || args+=(--ram-file "$ram_file")
rc=0
timeout -k 10 900 python3 "$here/drive.py" "${args[@]}" -- "${qemu[@]}" || rc=$?
case $rc in
  0 | 1) ;; # drive.py printed its own line
  124) echo "run.sh: FAILED at cycle: over 900 s" >&2 ;;
  *) echo "run.sh: FAILED at cycle: tests/vm/drive.py exited with status $rc" >&2 ;;
esac
[ $rc = 0 ] || exit 1

python3 - "$out/meta.json" <<'EOF'
import json, sys
m = json.load(open(sys.argv[1]))
t = m["times_s"]
print(f"run.sh: done: boot {t.get('boot')} s, dump {t.get('dump')} s "
      f"({m.get('dump_bytes', 0) / 2**20:.0f} MiB), cycle {t.get('cycle')} s, total {t.get('total')} s; "
      f"guest: {m.get('guest_ready')}", file=sys.stderr)
EOF
