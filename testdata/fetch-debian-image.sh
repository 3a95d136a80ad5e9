#!/usr/bin/env bash
# Fetches a real Debian kernel image (bzImage) for tests, and the references the tests compare
# against, made with the system tools only (never this project's code):
#
#   fetch-debian-image.sh NAME PACKAGE-REGEX SUITE [OUTDIR]
#     apt-get download <newest package matching PACKAGE-REGEX in SUITE>
#     OUTDIR/NAME.vmlinuz   the bzImage as shipped (boot/vmlinuz-* or usr/lib/modules/*/vmlinuz)
#     OUTDIR/NAME.vmlinux   its payload, decompressed by the system decompressor
#     OUTDIR/NAME.btf       the raw .BTF section of that ELF (llvm-objcopy)
#     OUTDIR/NAME.compression  the payload's compression (gzip, xz, lzma, bzip2, lzo, lz4, zstd)
#     OUTDIR/NAME.package      the package fetched (e.g. linux-binary-7.3.4+deb13-amd64)
#
# Used by tests/prepare.sh for Debian's newest sched_ext kernel (linux-binary-7.*+deb13-amd64,
# zstd, trixie-backports) and its 6.1 cloud kernel (linux-image-6.1.*-cloud-amd64, lz4,
# bookworm). The newest match is taken, since the archive drops superseded versions: tests
# compare what was fetched with bpftool and pahole run on the same file, never with numbers
# written down. apt runs under a private configuration (apt-suite.sh): the machine's apt is
# untouched. Idempotent (outputs present: exit at once); OUTDIR defaults to testdata/.cache.
set -euo pipefail
export LC_ALL=C
name=$1 regex=$2 suite=$3
here=$(cd "$(dirname "$0")" && pwd)
out=${4:-$here/.cache}
die() { echo "fetch-debian-image: $name: $*" >&2; exit 1; }
mkdir -p "$out"
done_check() {
  for f in vmlinuz vmlinux btf compression package; do [ -s "$out/$name.$f" ] || return 1; done
}
done_check && exit 0
exec 9>"$out/.fetch-$name.lock"
flock 9
done_check && exit 0
# shellcheck source=apt-suite.sh
. "$here/apt-suite.sh"
# shellcheck source=lib.sh
. "$here/lib.sh"
apt_private "$suite" amd64 || die "apt cannot reach $suite"
pkg=$(apt_newest "$regex" || true)
[ -n "$pkg" ] || die "no package in $suite matches $regex"
echo "fetch-debian-image: $name: downloading $pkg" >&2
apt_fetch_tmp "$pkg" || die "apt-get download $pkg failed"
dpkg-deb -x "$tmp"/*.deb "$tmp/root"
image=$(find "$tmp/root" -name 'vmlinuz*' -type f | head -n 1)
[ -n "$image" ] || die "$pkg holds no vmlinuz"
[ "$(od -An -c -j 514 -N4 "$image" | tr -d ' ')" = HdrS ] || die "$image has no x86 boot header"
bzimage_payload "$image"
magic=$(od -An -tx1 -j "$poff" -N4 "$image" | tr -d ' \n')
case $magic in
  28b52ffd) comp=zstd cmd="zstd -dcq" ;;
  02214c18) comp=lz4 cmd="lz4 -dc" ;;
  1f8b08*) comp=gzip cmd="gzip -dc" ;;
  fd377a58) comp=xz cmd="xz -dc" ;;
  *) die "unexpected payload magic $magic" ;;
esac
# The payload ends with the kernel's 4-byte size trailer: decompress without it.
tail -c "+$((poff + 1))" "$image" | head -c "$((plen - 4))" | $cmd >"$tmp/vmlinux" 2>/dev/null || true
[ "$(hexhead "$tmp/vmlinux" 4)" = 7f454c46 ] || die "payload did not decompress to an ELF"
llvm-objcopy --dump-section ".BTF=$tmp/btf" "$tmp/vmlinux" "$tmp/discard" || die "no .BTF in the vmlinux"
for f in vmlinuz:"$image" vmlinux:"$tmp/vmlinux" btf:"$tmp/btf"; do
  mv -f "${f#*:}" "$out/$name.${f%%:*}.tmp" && mv -f "$out/$name.${f%%:*}.tmp" "$out/$name.${f%%:*}"
done
echo "$comp" >"$out/$name.compression"
echo "$pkg" >"$out/$name.package"
echo "fetch-debian-image: $name: $pkg, $comp payload, $(stat -c %s "$out/$name.vmlinux") bytes" >&2
