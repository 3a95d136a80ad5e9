#!/bin/sh
# /init of the ktstr test guest: tests/vm/run.sh builds it into a busybox initramfs together
# with sid's bpftool (and its libraries and loader) and the ktstr_min scheduler object.
#
# It mounts proc, sysfs, devtmpfs, debugfs, tracefs and bpffs; when the kernel has sched_ext,
# registers /ktstr/ktstr_min.bpf.o with `bpftool struct_ops register` (the link pinned under
# /sys/fs/bpf/ktstr so it stays after bpftool exits) and enables the sched_ext_dump tracepoint;
# starts ktstr.loops=N busy loops (/bin/ktstr-spin, default 1) pinned with taskset on each CPU; raises its own
# priority; then serves the host on /dev/ttyS1 (the second serial port, a unix socket on the
# host), one command per line:
#   ready        prints the READY line again
#   view TAG     records the guest's view: each part as
#                  ==KTSTR-BEGIN TAG/NAME BYTES==\n<BYTES bytes>==KTSTR-END TAG/NAME rc=RC==\n
#                then ==KTSTR-VIEW-DONE TAG==
#   poweroff     powers the guest off
#   spin-start CPU   starts one more busy loop pinned to CPU (nice 0, as the first ones);
#                    answers ==KTSTR-OK spin-start CPU pid=PID==
#   spin-stop CPU    kills every busy loop pinned to CPU and reaps it;
#                    answers ==KTSTR-OK spin-stop CPU killed=N==
# Everything else it says goes to the console (ttyS0).
export PATH=/usr/sbin:/usr/bin:/sbin:/bin
log() { echo "ktstr-init: $*"; }

mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev 2>/dev/null
mkdir -p /tmp && mount -t tmpfs tmpfs /tmp
mount -t debugfs debugfs /sys/kernel/debug
mount -t tracefs tracefs /sys/kernel/tracing 2>/dev/null
mount -t bpf bpf /sys/fs/bpf
tracing=/sys/kernel/tracing
[ -e $tracing/trace ] || tracing=/sys/kernel/debug/tracing

# Only in the --vmcoreinfo initramfs: with QEMU's -device vmcoreinfo, this driver tells QEMU
# where the kernel's VMCOREINFO note is, and dump-guest-memory then includes it.
if [ -e /ktstr/qemu_fw_cfg.ko ]; then
  if insmod /ktstr/qemu_fw_cfg.ko; then
    log "qemu_fw_cfg loaded; $(ls /sys/firmware/qemu_fw_cfg/by_name/etc 2>/dev/null | tr '\n' ' ')"
  else
    log "insmod qemu_fw_cfg failed"
  fi
fi

ncpu=$(nproc)
release=$(uname -r)
log "kernel $release, $ncpu CPUs, cmdline: $(cat /proc/cmdline)"

# The scheduler: only where the kernel has sched_ext and the initramfs has the object.
state=absent
ops=none
if [ -d /sys/kernel/sched_ext ] && [ -e /ktstr/ktstr_min.bpf.o ]; then
  mkdir -p /sys/fs/bpf/ktstr
  if bpftool struct_ops register /ktstr/ktstr_min.bpf.o /sys/fs/bpf/ktstr >/tmp/bpftool.log 2>&1; then
    log "bpftool struct_ops register: ok"
  else
    log "bpftool struct_ops register: FAILED (exit $?)"
  fi
  sed 's/^/ktstr-init: bpftool: /' /tmp/bpftool.log | tail -n 40
  i=0
  while [ "$(cat /sys/kernel/sched_ext/state)" != enabled ] && [ $i -lt 100 ]; do
    sleep 0.1
    i=$((i + 1))
  done
  state=$(cat /sys/kernel/sched_ext/state)
  ops=$(cat /sys/kernel/sched_ext/root/ops 2>/dev/null || echo none)
  log "/sys/kernel/sched_ext/state: $state"
  log "/sys/kernel/sched_ext/root/ops: $ops"
  log "pinned: $(ls /sys/fs/bpf/ktstr 2>/dev/null | tr '\n' ' ')"
  if [ -e $tracing/events/sched_ext/sched_ext_dump/enable ]; then
    echo 1 >$tracing/events/sched_ext/sched_ext_dump/enable && log "sched_ext_dump tracepoint on"
  else
    log "no sched_ext_dump tracepoint"
  fi
elif [ -d /sys/kernel/sched_ext ]; then
  state=$(cat /sys/kernel/sched_ext/state)
  log "sched_ext present ($state) but no scheduler object in the initramfs"
else
  log "no sched_ext in this kernel: no scheduler, no SysRq-D"
fi

# Some symbols' addresses, for checking a reader (fixed for the boot, so read once, before
# the busy loops start: a hash lookup in awk, since a grep -E alternation over /proc/kallsyms
# takes over 10 s under TCG with every CPU busy).
awk 'BEGIN { n = split("_text _stext _etext _end init_task runqueues __per_cpu_offset " \
    "__per_cpu_start __per_cpu_end nr_cpu_ids __cpu_possible_mask __cpu_online_mask " \
    "page_offset_base vmemmap_base vmalloc_base phys_base init_top_pgt scx_root scx_tasks " \
    "jiffies_64 jiffies vmcoreinfo_data vmcoreinfo_note kallsyms_names kallsyms_num_syms " \
    "kallsyms_offsets kallsyms_relative_base kallsyms_token_table kallsyms_token_index", w, " ")
    for (i = 1; i <= n; i++) want[w[i]] = 1 }
  NF == 3 && ($3 in want)' /proc/kallsyms >/tmp/kallsyms.txt

# ktstr.loops=N busy loops per CPU (default 1), pinned. Each is /bin/ktstr-spin (a script, so
# its comm is ktstr-spin). With two, one runs and the other waits on the CPU's local DSQ.
loops=$(sed -n 's/.*ktstr\.loops=\([0-9][0-9]*\).*/\1/p' /proc/cmdline)
loops=${loops:-1}
: >/tmp/spin.list
cpu=0
while [ $cpu -lt "$ncpu" ]; do
  i=0
  while [ $i -lt "$loops" ]; do
    taskset -c $cpu /bin/ktstr-spin &
    echo "$! $cpu" >>/tmp/spin.list
    i=$((i + 1))
  done
  cpu=$((cpu + 1))
done
log "busy loops (pid cpu): $(tr '\n' ',' </tmp/spin.list)"
# Started after the loops so that they keep nice 0: the server (this shell and what it runs)
# must not be starved by them under the fair class (debian-6.1).
renice -n -20 -p $$ >/dev/null && log "server at nice -20"

workload() {
  echo "pid comm cpu"
  while read -r pid want; do
    if [ -r /proc/$pid/stat ]; then
      # comm is between the first '(' and the last ')'; the CPU last run on is field 39.
      awk -v pid="$pid" '{ s = $0; c = s; sub(/^[^(]*\(/, "", c); sub(/\).*$/, "", c);
        sub(/^.*\) /, "", s); split(s, f, " "); print pid, c, f[37] }' /proc/$pid/stat
    else
      echo "$pid gone $want"
    fi
  done </tmp/spin.list
}
pid_stat() {
  while read -r pid want; do
    echo "# pid $pid pinned to cpu $want"
    cat /proc/$pid/stat
  done </tmp/spin.list
}
sysrq_d() {
  echo >$tracing/trace
  echo D >/proc/sysrq-trigger
  i=0
  while ! grep -q sched_ext_dump $tracing/trace && [ $i -lt 50 ]; do
    sleep 0.1
    i=$((i + 1))
  done
  sleep 0.2
  cat $tracing/trace
}
scx_sysfs() {
  for f in $(find /sys/kernel/sched_ext -type f | sort); do
    echo "== $f"
    cat "$f"
  done
}
# The head of /proc/kcore: its ELF header, program headers and notes (up to the end of the
# program header table or of the PT_NOTE segment, whichever is further), base64 after one
# '#' line; checked on the host against the dump (tests/vm_test.ts). Fails (rc 1) with one
# line when the kernel has no /proc/kcore (CONFIG_PROC_KCORE off).
kcore_head() {
  k=/proc/kcore
  [ -e $k ] || { echo "no /proc/kcore"; return 1; }
  head -c 4096 $k >/tmp/kcore.elf || return 1
  u() { od -An -tu"$2" -j "$1" -N "$2" /tmp/kcore.elf | tr -d ' '; }
  phoff=$(u 32 8) phentsize=$(u 54 2) phnum=$(u 56 2)
  end=$((phoff + phnum * phentsize))
  [ $end -le 4096 ] || head -c $end $k >/tmp/kcore.elf || return 1
  notes=0 loads=0 i=0
  while [ $i -lt "$phnum" ]; do
    at=$((phoff + i * phentsize))
    case $(u $at 4) in
      1) loads=$((loads + 1)) ;;
      4)
        notes=$((notes + 1))
        e=$(($(u $((at + 8)) 8) + $(u $((at + 32)) 8)))
        [ $e -le $end ] || end=$e
        ;;
    esac
    i=$((i + 1))
  done
  echo "# /proc/kcore head: $end bytes (e_phoff $phoff, $phnum program headers of $phentsize:" \
    "$loads PT_LOAD, $notes PT_NOTE), base64"
  head -c $end $k | base64
}
uname_all() {
  uname -a
  cat /proc/cmdline
}

out=/dev/ttyS1
part() {
  name=$1
  shift
  "$@" >/tmp/part 2>&1
  rc=$?
  n=$(stat -c %s /tmp/part)
  echo "==KTSTR-BEGIN $tag/$name $n==" >&3
  cat /tmp/part >&3
  echo "==KTSTR-END $tag/$name rc=$rc==" >&3
}
view() {
  tag=$1
  part workload workload
  part pid-stat pid_stat
  part loadavg cat /proc/loadavg
  part stat cat /proc/stat
  part schedstat cat /proc/schedstat
  part sched-debug cat /sys/kernel/debug/sched/debug
  if [ -d /sys/kernel/sched_ext ]; then
    part sched-ext scx_sysfs
    [ "$state" = absent ] || part sysrq-d sysrq_d
  fi
  part uname uname_all
  part kallsyms cat /tmp/kallsyms.txt
  part vmcoreinfo cat /sys/kernel/vmcoreinfo
  [ "$tag" != before ] || part kcore-head kcore_head
  part iomem cat /proc/iomem
  part meminfo cat /proc/meminfo
  part ps ps -o pid,ppid,nice,comm,args
  part dmesg dmesg
  echo "==KTSTR-VIEW-DONE $tag==" >&3
}
ready() {
  echo "==KTSTR-READY cpus=$ncpu sched_ext=$state ops=$ops release=$release==" >&3
}
# spin-start/spin-stop: the host changes the workload while it watches the guest's memory.
is_cpu() {
  case $1 in '' | *[!0-9]*) return 1 ;; esac
  [ "$1" -lt "$ncpu" ]
}
spin_start() {
  is_cpu "$1" || { echo "==KTSTR-ERR spin-start: no CPU '$1'==" >&3; return; }
  taskset -c "$1" /bin/ktstr-spin &
  pid=$!
  renice 0 -p $pid >/dev/null 2>&1 # not the server's -20: as the loops started at boot
  echo "$pid $1" >>/tmp/spin.list
  log "spin-start $1: pid $pid"
  echo "==KTSTR-OK spin-start $1 pid=$pid==" >&3
}
spin_stop() {
  is_cpu "$1" || { echo "==KTSTR-ERR spin-stop: no CPU '$1'==" >&3; return; }
  killed=0
  : >/tmp/spin.keep
  while read -r pid want; do
    if [ "$want" = "$1" ]; then
      kill -9 "$pid" 2>/dev/null && killed=$((killed + 1))
      wait "$pid" 2>/dev/null
    else
      echo "$pid $want" >>/tmp/spin.keep
    fi
  done </tmp/spin.list
  mv /tmp/spin.keep /tmp/spin.list
  log "spin-stop $1: killed $killed"
  echo "==KTSTR-OK spin-stop $1 killed=$killed==" >&3
}

stty -F $out raw -echo 2>/dev/null || log "stty on $out failed"
exec 3>$out 4<$out
ready
log "==KTSTR-READY cpus=$ncpu sched_ext=$state ops=$ops release=$release== (serving on $out)"
while read -r cmd arg <&4; do
  case $cmd in
    ready) ready ;;
    view) log "view ${arg:-now}"; view "${arg:-now}" ;;
    poweroff) log "poweroff"; poweroff -f ;;
    spin-start) spin_start "$arg" ;;
    spin-stop) spin_stop "$arg" ;;
    '') ;;
    *) echo "==KTSTR-ERR unknown command: $cmd==" >&3 ;;
  esac
done
log "command channel closed"
while :; do sleep 3600; done
