#!/usr/bin/env bash
# Fetches one module of another architecture's Debian kernel, for the split-BTF tests of
# that architecture, with its reference made by the system tools only:
#
#   fetch-debian-arch-module.sh NAME ARCH SUITE PACKAGE-REGEX MODULE [OUTDIR]
#     apt-get download <newest package matching PACKAGE-REGEX in SUITE for ARCH>
#     OUTDIR/NAME.ko.xz     the module recompressed by xz (CRC32), as Debian ships modules
#     OUTDIR/NAME.ko        it decompressed (xz/zstd)
#     OUTDIR/NAME.btf       its split .BTF section (llvm-objcopy)
#     OUTDIR/NAME.package   the package fetched
#
# The package must match the kernel whose BTF is the base (tests pair them by version).
# Private apt configuration (apt-suite.sh): nothing is installed. Idempotent.
set -euo pipefail
export LC_ALL=C
name=$1 arch=$2 suite=$3 regex=$4 module=$5
here=$(cd "$(dirname "$0")" && pwd)
out=${6:-$here/.cache}
die() { echo "fetch-debian-arch-module: $name: $*" >&2; exit 1; }
mkdir -p "$out"
for f in ko.xz ko btf package; do [ -s "$out/$name.$f" ] || missing=1; done
[ -z "${missing:-}" ] && exit 0
exec 9>"$out/.fetch-$name.lock"
flock 9
# shellcheck source=apt-suite.sh
. "$here/apt-suite.sh"
apt_private "$suite" "$arch" || die "apt cannot reach $suite ($arch)"
pkg=$(apt_newest "$regex" || true)
[ -n "$pkg" ] || die "no package in $suite ($arch) matches $regex"
echo "fetch-debian-arch-module: $name: downloading $pkg" >&2
apt_fetch_tmp "$pkg" || die "apt-get download $pkg failed"
dpkg-deb --fsys-tarfile "$tmp"/*.deb | tar -x -C "$tmp" --wildcards "*/$module.ko*" 2>/dev/null ||
  die "$pkg holds no $module.ko"
ko=$(find "$tmp" -name "$module.ko*" -type f | head -n 1)
[ -n "$ko" ] || die "$pkg holds no $module.ko"
case $ko in
  *.xz) xz -dc "$ko" >"$tmp/m.ko" ;;
  *.zst) zstd -dcq "$ko" >"$tmp/m.ko" ;;
  *) cp "$ko" "$tmp/m.ko" ;;
esac
xz -c --check=crc32 "$tmp/m.ko" >"$tmp/m.ko.xz"
llvm-objcopy --dump-section ".BTF=$tmp/m.btf" "$tmp/m.ko" "$tmp/discard.o" ||
  die "$module.ko has no .BTF"
mv -f "$tmp/m.ko.xz" "$out/$name.ko.xz"
mv -f "$tmp/m.ko" "$out/$name.ko"
mv -f "$tmp/m.btf" "$out/$name.btf"
echo "$pkg" >"$out/$name.package"
