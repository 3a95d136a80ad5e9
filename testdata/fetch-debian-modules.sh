#!/usr/bin/env bash
# Extracts a real module from the linux-modules package that matches the sched_ext kernel
# fetched by fetch-debian-image.sh (OUTDIR/sched-ext.package names it: linux-binary-<kver>,
# trixie-backports), for the split-BTF tests, and its references made with the system tools:
#
#   OUTDIR/mod-fat.ko.xz   as shipped       OUTDIR/mod-fat.ko      xz -d
#   OUTDIR/mod-fat.ko.zst  zstd of the .ko  OUTDIR/mod-fat.ko.gz   gzip of the .ko
#   OUTDIR/mod-fat.btf     raw .BTF (split BTF over OUTDIR/sched-ext.btf), llvm-objcopy
#   OUTDIR/mod-fat.package the package it came from
#
# apt runs under a private configuration (apt-suite.sh). Idempotent: outputs made from the
# current sched-ext.package exit at once; the .deb (~100 MB) is deleted once the module is out.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out=${1:-$here/.cache}
suite=trixie-backports m=fat
die() { echo "fetch-debian-modules: $*" >&2; exit 1; }
[ -s "$out/sched-ext.package" ] || die "$out/sched-ext.package is missing: run fetch-debian-image.sh first"
binary=$(cat "$out/sched-ext.package")
pkg=linux-modules-${binary#linux-binary-}
base=$out/mod-$m
done_check() {
  for f in ko.xz ko ko.zst ko.gz btf; do [ -s "$base.$f" ] || return 1; done
  [ "$(cat "$base.package" 2>/dev/null)" = "$pkg" ]
}
done_check && exit 0
exec 9>"$out/.fetch-modules.lock"
flock 9
done_check && exit 0
# shellcheck source=apt-suite.sh
. "$here/apt-suite.sh"
apt_private "$suite" amd64 || die "apt cannot reach $suite"
echo "fetch-debian-modules: downloading $pkg" >&2
apt_fetch_tmp "$pkg" || die "apt-get download $pkg failed"
dpkg-deb --fsys-tarfile "$tmp"/*.deb | tar -x -C "$tmp" --wildcards "*/fs/fat/$m.ko.xz"
ko=$(find "$tmp" -name "$m.ko.xz" | head -n 1)
[ -n "$ko" ] || die "$m.ko.xz not in $pkg"
cp "$ko" "$base.ko.xz.tmp"
xz -dc "$ko" >"$base.ko.tmp"
zstd -q -c "$base.ko.tmp" >"$base.ko.zst.tmp"
gzip -n -c "$base.ko.tmp" >"$base.ko.gz.tmp"
llvm-objcopy --dump-section ".BTF=$base.btf.tmp" "$base.ko.tmp" "$tmp/discard"
for f in ko.xz ko ko.zst ko.gz btf; do mv -f "$base.$f.tmp" "$base.$f"; done
echo "$pkg" >"$base.package"
