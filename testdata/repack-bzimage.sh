#!/usr/bin/env bash
# Repacks a real bzImage's vmlinux behind the same real x86 boot header with other
# compressors, the way the kernel's build does (payload, then its 4-byte little-endian size
# for all but gzip), and patches payload_length in the setup header:
#
#   repack-bzimage.sh VMLINUZ VMLINUX PREFIX   (VMLINUX: VMLINUZ's payload, decompressed)
#     PREFIX-<c>.vmlinuz  for c in gzip xz lzma bzip2 lzo lz4
#
# System tools only (gzip, xz, bzip2, lzop, lz4). Fast presets: the decoder, not the ratio,
# is under test. Idempotent; outputs stay in testdata/.cache (never committed).
set -euo pipefail
image=$1 vmlinux=$2 prefix=$3
[ -s "$image" ] && [ -s "$vmlinux" ] || { echo "repack-bzimage: $image or $vmlinux is missing" >&2; exit 1; }
exec 9>"$prefix.repack.lock"
flock 9
le32() { printf "\\x$(printf %02x $(($1 & 255)))\\x$(printf %02x $(($1 >> 8 & 255)))\\x$(printf %02x $(($1 >> 16 & 255)))\\x$(printf %02x $(($1 >> 24 & 255)))"; }
# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"
bzimage_payload "$image"
size=$(stat -c %s "$vmlinux")
for c in gzip xz lzma bzip2 lzo lz4; do
  dest=$prefix-$c.vmlinuz
  [ -s "$dest" ] && continue
  case $c in
    gzip) cmd="gzip -1 -n -c" ;;
    xz) cmd="xz --check=crc32 --x86 --lzma2=preset=1 -c" ;;
    lzma) cmd="xz --format=lzma --lzma1=preset=0,dict=16MiB -c" ;; # 5d 00 00 00 01: the magic extract-vmlinux knows
    bzip2) cmd="bzip2 -1 -c" ;;
    lzo) cmd="lzop -1 -c" ;;
    lz4) cmd="lz4 -l -1 -c" ;;
  esac
  $cmd <"$vmlinux" >"$dest.payload"
  [ "$c" = gzip ] || le32 "$size" >>"$dest.payload"
  len=$(stat -c %s "$dest.payload")
  { head -c "$poff" "$image"; cat "$dest.payload"; tail -c "+$((poff + plen + 1))" "$image"; } >"$dest.tmp"
  le32 "$len" | dd of="$dest.tmp" bs=1 seek=588 conv=notrunc status=none
  rm -f "$dest.payload"
  mv -f "$dest.tmp" "$dest"
done
