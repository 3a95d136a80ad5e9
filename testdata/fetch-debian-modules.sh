#!/usr/bin/env bash
# Extracts a few real modules from Debian's linux-modules-7.3.4+deb13-amd64 (trixie-backports)
# for the split-BTF tests, and their references made with the system tools:
#
#   OUTDIR/mod-7.3-fat.ko.xz   as shipped       OUTDIR/mod-7.3-fat.ko      xz -d
#   OUTDIR/mod-7.3-fat.ko.zst  zstd of the .ko  OUTDIR/mod-7.3-fat.ko.gz   gzip of the .ko
#   OUTDIR/mod-7.3-fat.btf     raw .BTF (split BTF over the 7.3 vmlinux), llvm-objcopy
#
# Idempotent; the .deb (~100 MB) is deleted once the module is out.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out=${1:-$here/.cache}
pkg=linux-modules-7.3.4+deb13-amd64 suite=trixie-backports m=fat
mkdir -p "$out"
base=$out/mod-7.3-$m
done_check() { [ -s "$base.ko.xz" ] && [ -s "$base.ko" ] && [ -s "$base.ko.zst" ] && [ -s "$base.ko.gz" ] && [ -s "$base.btf" ]; }
done_check && exit 0
exec 9>"$out/.fetch-modules.lock"
flock 9
done_check && exit 0
# shellcheck source=apt-suite.sh
. "$here/apt-suite.sh"
ensure_suite "$suite"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
chmod 777 "$tmp"
echo "fetch-debian-modules: downloading $pkg" >&2
apt_download "$tmp" "$pkg" "$suite"
dpkg-deb --fsys-tarfile "$tmp"/*.deb | tar -x -C "$tmp" --wildcards "*/fs/fat/$m.ko.xz"
ko=$(find "$tmp" -name "$m.ko.xz" | head -n 1)
[ -n "$ko" ] || { echo "fetch-debian-modules: $m.ko.xz not in $pkg" >&2; exit 1; }
cp "$ko" "$base.ko.xz.tmp"
xz -dc "$ko" >"$base.ko.tmp"
zstd -q -c "$base.ko.tmp" >"$base.ko.zst.tmp"
gzip -n -c "$base.ko.tmp" >"$base.ko.gz.tmp"
llvm-objcopy --dump-section ".BTF=$base.btf.tmp" "$base.ko.tmp" "$tmp/discard"
for f in ko.xz ko ko.zst ko.gz btf; do mv -f "$base.$f.tmp" "$base.$f"; done
