#!/usr/bin/env bash
# Fetches Debian's sched_ext kernel 7.3.4 (trixie-backports) for the schema-2 tests.
# Nothing large is committed: output goes to testdata/.cache/ (gitignored) or to the directory $1.
#
#   apt-get download linux-binary-7.3.4+deb13-amd64   (suite trixie-backports)
#     --dpkg-deb -x-->  usr/lib/modules/7.3.4+deb13-amd64/vmlinuz (bzImage)
#       -> <out>/vmlinuz-7.3.4+deb13-amd64   kept as it is (for a native bzImage decoder)
#     --zstd -d of the zstd frame inside it-->  <out>/vmlinux-7.3.4+deb13-amd64 (ELF with .BTF)
#     --llvm-objcopy --dump-section .BTF-->     <out>/vmlinux-7.3.4+deb13-amd64.btf (raw BTF)
#
# When apt has no candidate for the package, the suite is added first, pinned at priority 100
# so that nothing from it is ever installed or upgraded by accident:
#   /etc/apt/sources.list.d/ktstr-trixie-backports.sources and
#   /etc/apt/preferences.d/ktstr-trixie-backports (Pin-Priority: 100), then apt-get update.
# Only `apt-get download` is used on the suite, never install or upgrade.
#
# Idempotent: when the three outputs exist and look valid it exits 0 at once.
# Progress goes to stderr; the last (only) line on stdout is the ELF path.
# Needs: apt-get, dpkg-deb, zstd, llvm-objcopy, readelf, od, grep -P, flock (root to add the suite).
set -euo pipefail
export LC_ALL=C

die() { echo "fetch-debian-7.3: error: $*" >&2; exit 1; }
log() { echo "fetch-debian-7.3: $*" >&2; }

pkg=linux-binary-7.3.4+deb13-amd64
kver=7.3.4+deb13-amd64
suite=trixie-backports
here=$(cd "$(dirname "$0")" && pwd)
out=${1:-$here/.cache}
mkdir -p "$out" 2>/dev/null || die "cannot create output directory $out"
out=$(cd "$out" && pwd)
vmlinuz=$out/vmlinuz-$kver
vmlinux=$out/vmlinux-$kver
btf=$out/vmlinux-$kver.btf

# shellcheck source=lib.sh
. "$here/lib.sh"
outputs_valid() {
  [ -s "$vmlinuz" ] && [ -s "$vmlinux" ] && [ -s "$btf" ] || return 1
  [ "$(od -An -c -j 514 -N4 "$vmlinuz" | tr -d ' ')" = HdrS ] || return 1
  [ "$(hexhead "$vmlinux" 4)" = 7f454c46 ] || return 1
  [ "$(hexhead "$btf" 3)" = 9feb01 ] || return 1
}

if outputs_valid; then echo "$vmlinux"; exit 0; fi
exec 9>"$out/.fetch-debian-7.3.lock"
flock 9 || die "cannot lock $out/.fetch-debian-7.3.lock"
if outputs_valid; then echo "$vmlinux"; exit 0; fi

for tool in apt-get apt-cache dpkg-deb zstd llvm-objcopy readelf od grep; do
  command -v "$tool" >/dev/null || die "required tool '$tool' not found"
done

# ---- 1. make the package reachable (suite + Pin-Priority 100) and download it -------------
has_candidate() {
  local policy
  policy=$(apt-cache policy "$pkg" 2>/dev/null || true)
  [[ $policy == *"Candidate: "[0-9]* ]]
}
if ! has_candidate; then
  [ "$(id -u)" = 0 ] || die "$pkg is not in apt's lists; adding $suite needs root"
  # shellcheck source=apt-suite.sh
  . "$here/apt-suite.sh"
  ensure_suite "$suite" || die "cannot add $suite to apt's sources"
  has_candidate || die "no candidate for $pkg in $suite after apt-get update"
fi

tmp=$(mktemp -d)
chmod 711 "$tmp"
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/dl" && chmod 777 "$tmp/dl"
log "downloading $pkg"
(cd "$tmp/dl" && apt-get download -q "$pkg") >&2 || die "apt-get download $pkg failed"
deb=$(ls "$tmp"/dl/*.deb 2>/dev/null | head -n 1)
[ -n "$deb" ] || die "apt-get download produced no .deb"
dpkg-deb -x "$deb" "$tmp/root" || die "dpkg-deb -x failed on $deb"
image=$tmp/root/usr/lib/modules/$kver/vmlinuz
[ -s "$image" ] || die "no usr/lib/modules/$kver/vmlinuz inside $deb"

# ---- 2. the ELF inside: the zstd frame (magic 28 b5 2f fd) that decompresses to an ELF ----
candidate=$tmp/vmlinux
used=
for off in $(grep -obUaP '\x28\xb5\x2f\xfd' "$image" | cut -d: -f1); do
  tail -c "+$((off + 1))" "$image" | zstd -dcq >"$candidate" 2>/dev/null || true
  if [ "$(hexhead "$candidate" 4)" = 7f454c46 ] &&
    [[ $(readelf -S -W "$candidate" 2>/dev/null || true) == *" .BTF "* ]]; then
    used=$off
    break
  fi
done
[ -n "$used" ] || die "no zstd frame in $image decompresses to an ELF with .BTF"
log "zstd frame at byte $used holds the ELF vmlinux"
llvm-objcopy --dump-section ".BTF=$tmp/vmlinux.btf" "$candidate" "$tmp/discard.o" >&2 ||
  die "llvm-objcopy could not dump .BTF"

# ---- 3. install atomically --------------------------------------------------------------
for pair in "$image:$vmlinuz" "$candidate:$vmlinux" "$tmp/vmlinux.btf:$btf"; do
  mv -f "${pair%%:*}" "${pair#*:}.tmp.$$" && mv -f "${pair#*:}.tmp.$$" "${pair#*:}"
done
outputs_valid || die "outputs in $out failed validation after writing"
log "$pkg -> $vmlinux, $btf, $vmlinuz"
echo "$vmlinux"
