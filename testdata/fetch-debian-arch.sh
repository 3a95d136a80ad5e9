#!/usr/bin/env bash
# Fetches a real Debian kernel of another architecture for the flat-image tests, and the
# reference BTF the tests compare against, made without this project's code:
#
#   fetch-debian-arch.sh NAME ARCH SUITE PACKAGE-REGEX [OUTDIR]
#     apt-get download <newest package matching PACKAGE-REGEX in SUITE for ARCH>
#     OUTDIR/NAME.image    the kernel file as shipped (boot/vmlinuz-*, boot/vmlinux-*,
#                          usr/lib/modules/*/vmlinuz or vmlinuz.unsigned)
#     OUTDIR/NAME.btf      its raw BTF, found independently (below)
#     OUTDIR/NAME.ref      how: "how=<elf|flat|compressed|zboot|s390> offset=<N|-> endian=<little|big>
#                          compression=<name|none>" (offset: of the blob in the flat binary)
#     OUTDIR/NAME.package  the package fetched (e.g. linux-binary-7.2.13+deb14-s390x)
#
# The reference: an ELF's .BTF is dumped by llvm-objcopy. Anything else is a flat binary
# (an arm64/riscv64 Image, an s390 image's payload) searched by testdata/extract-btf.py (a
# short Python script: the BTF header, the type walk, the strings; the largest valid blob),
# after the system decompressor where the file is compressed: a file that starts with a
# compression's magic is decompressed whole; an EFI zboot image (MZ, "zimg") from the payload
# offset at 8; an s390 image (S390EP at 0x10008) from each compression magic at an 8-byte
# aligned offset past 0x10000 in turn, until one gives a valid BTF.
#
# Used by tests/prepare.sh for Debian's arm64, riscv64, s390x and ppc64el kernels. The newest
# match is taken (the archive drops superseded versions): tests compare what was fetched with
# these references and with bpftool, never with numbers written down. apt runs under a
# private configuration for SUITE and ARCH (apt-suite.sh): the machine's apt is untouched and
# nothing is installed. Only the kernel file is unpacked from the .deb. Idempotent (outputs
# present: exit at once); OUTDIR defaults to testdata/.cache.
set -euo pipefail
export LC_ALL=C
name=$1 arch=$2 suite=$3 regex=$4
here=$(cd "$(dirname "$0")" && pwd)
out=${5:-$here/.cache}
die() { echo "fetch-debian-arch: $name: $*" >&2; exit 1; }
mkdir -p "$out"
done_check() {
  for f in image btf ref package; do [ -s "$out/$name.$f" ] || return 1; done
}
done_check && exit 0
exec 9>"$out/.fetch-$name.lock"
flock 9
done_check && exit 0
# shellcheck source=apt-suite.sh
. "$here/apt-suite.sh"
# shellcheck source=lib.sh
. "$here/lib.sh"
apt_private "$suite" "$arch" || die "apt cannot reach $suite ($arch)"
pkg=$(apt_newest "$regex" || true)
[ -n "$pkg" ] || die "no package in $suite ($arch) matches $regex"
echo "fetch-debian-arch: $name: downloading $pkg ($arch, $suite)" >&2
apt_fetch_tmp "$pkg" || die "apt-get download $pkg failed"
mkdir "$tmp/root"
dpkg-deb --fsys-tarfile "$tmp"/*.deb | tar -x -C "$tmp/root" --wildcards --no-anchored \
  'boot/vmlinuz-*' 'boot/vmlinux-*' 'usr/lib/modules/*/vmlinuz*' 2>/dev/null || true
rm -f "$tmp"/*.deb
image=$(find "$tmp/root" -type f \( -name 'vmlinuz*' -o -name 'vmlinux*' \) | sort | head -n 1)
[ -n "$image" ] || die "$pkg holds no boot/vmlinu[xz]-* or usr/lib/modules/*/vmlinuz*"

# The system decompressor for the compression whose magic starts FILE at OFFSET.
decompressor() {
  case $(od -An -tx1 -j "$2" -N6 "$1" | tr -d ' \n') in
    28b52ffd*) echo zstd "zstd -dcq" ;;
    1f8b08*) echo gzip "gzip -dc" ;;
    fd377a585a00) echo xz "xz -dc" ;;
    5d000000*) echo lzma "xz -dc --format=lzma" ;;
    425a68*) echo bzip2 "bzip2 -dc" ;;
    02214c18*) echo lz4 "lz4 -dc" ;;
    894c5a4f*) echo lzo "lzop -dc" ;;
    *) return 1 ;;
  esac
}
# Decompresses FILE from OFFSET (to the end: trailing bytes make the tools complain, after
# they have written the whole stream) into $tmp/flat, and searches it: sets ref.
search_payload() {
  local file=$1 offset=$2 comp cmd found
  read -r comp cmd < <(decompressor "$file" "$offset") || return 1
  tail -c "+$((offset + 1))" "$file" | $cmd >"$tmp/flat" 2>/dev/null || true
  found=$(python3 "$here/extract-btf.py" "$tmp/flat" "$tmp/btf" 2>/dev/null) || return 1
  read -r boff _ endian <<<"$found"
  ref="offset=$boff endian=$endian compression=$comp"
}

head4=$(hexhead "$image" 4)
if [ "$head4" = 7f454c46 ]; then
  llvm-objcopy --dump-section ".BTF=$tmp/btf" "$image" "$tmp/discard" || die "no .BTF in the ELF"
  endian=little
  [ "$(hexhead "$tmp/btf" 2)" = eb9f ] && endian=big
  ref="how=elf offset=- endian=$endian compression=none"
elif [ "$(hexhead "$image" 2)" = 4d5a ] && [ "$(od -An -c -j4 -N4 "$image" | tr -d ' ')" = zimg ]; then
  search_payload "$image" "$(le "$image" 8 4)" || die "the EFI zboot payload gave no valid BTF"
  ref="how=zboot $ref"
elif decompressor "$image" 0 >/dev/null; then
  search_payload "$image" 0 || die "the compressed file gave no valid BTF"
  ref="how=compressed $ref"
elif [ "$(od -An -c -j $((0x10008)) -N6 "$image" | tr -d ' ')" = S390EP ]; then
  ref=
  while read -r _ offset; do
    [ "$offset" -ge $((0x10000)) ] || continue
    search_payload "$image" "$offset" && break
  done < <(python3 "$here/extract-btf.py" --magics "$image" 8 | sort -k2 -n)
  [ -n "$ref" ] || die "no payload of the s390 image gave a valid BTF"
  ref="how=s390 $ref"
else
  found=$(python3 "$here/extract-btf.py" "$image" "$tmp/btf") || die "no valid BTF in the flat image"
  read -r boff _ endian <<<"$found"
  ref="how=flat offset=$boff endian=$endian compression=none"
fi
for f in image:"$image" btf:"$tmp/btf"; do
  mv -f "${f#*:}" "$out/$name.${f%%:*}.tmp" && mv -f "$out/$name.${f%%:*}.tmp" "$out/$name.${f%%:*}"
done
echo "$ref" >"$out/$name.ref"
echo "$pkg" >"$out/$name.package"
echo "fetch-debian-arch: $name: $pkg, $(basename "$image"), $ref, $(stat -c %s "$out/$name.btf") BTF bytes" >&2
