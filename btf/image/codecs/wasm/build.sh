#!/usr/bin/env bash
# Rebuilds the decompressors of btf/image/codecs/ as two WebAssembly modules, each also
# written as a TypeScript file holding it as base64 (so it loads without file access):
#   codecs.wasm, codecs_wasm.ts: glue.c, checks.c and these reference C sources, all under
#     permissive licenses:
#       xz-embedded: lib/xz and include/linux/xz.h of linux-source-7.3 (0BSD, Lasse Collin);
#       LZMA SDK 9.22: LzmaDec.c, LzmaDec.h and Types.h of lzma-dev (public domain, Igor Pavlov);
#       libbzip2 1.0.8: decompress.c, bzlib.c, huffman.c, crctable.c, randtable.c and headers
#         of Debian's bzip2 source package (the bzip2 license, BSD-style, Julian Seward);
#       LZ4: lib/lz4/lz4_decompress.c and lz4defs.h of linux-source-7.3 (BSD-2-Clause, Yann
#         Collet; the kernel marks the module "Dual BSD/GPL"), under our own linux/ headers.
#   lzo.wasm, lzo_wasm.ts: lzo_glue.c and lib/lzo/lzo1x_decompress_safe.c, lzodefs.h and
#     include/linux/lzo.h of linux-source-7.3 (GPL-2.0-only, Markus Oberhumer and the kernel's
#     authors). A module of its own so that the GPL applies to that file alone; see
#     docs/DEPENDENCIES.md.
# The packages and the extracted files are pinned by version and sha256 (sources.sha256).
# Needs apt-get, dpkg-deb, clang and lld (Debian: clang lld); apt runs on a private
# configuration (testdata/apt-suite.sh, under $WASM_SRC/apt), so the machine's apt is never
# touched and nothing is installed. The sources are kept in $WASM_SRC (default
# testdata/.cache/wasm-src; the kernel source package is 167 MB). The tests never run this;
# tests/lzma_test.ts checks that each TypeScript file embeds its module and names the hashes
# of today's build inputs (this script, the glue, our headers, and sources.sha256, which
# pins the rest).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../../../.." && pwd)
src=${WASM_SRC:-$repo/testdata/.cache/wasm-src}
mkdir -p "$src"
src=$(cd "$src" && pwd)

LINUX_SUITE=trixie-backports
LINUX_PKG=linux-source-7.3=7.3.4-1~bpo13+1
LZMA_PKG=lzma-dev=9.22-2.2
BZIP2_SRC=bzip2=1.0.8-5
LINUX_FILES=(
  'lib/xz/*' include/linux/xz.h LICENSES/deprecated/0BSD
  lib/lz4/lz4_decompress.c lib/lz4/lz4defs.h LICENSES/preferred/BSD-2-Clause
  lib/lzo/lzo1x_decompress_safe.c lib/lzo/lzodefs.h include/linux/lzo.h
  LICENSES/preferred/GPL-2.0
)
BZIP2_FILES=(bzlib.c bzlib.h bzlib_private.h decompress.c huffman.c crctable.c randtable.c LICENSE)

# shellcheck source=../../../../testdata/apt-suite.sh
source "$repo/testdata/apt-suite.sh"
export APT_PRIVATE_ROOT=$src/apt

# apt_private SUITE: as the fetch scripts call it (in a condition, which its lookups expect).
private_apt() {
  apt_private "$1" amd64 || { echo "build.sh: apt cannot reach $1" >&2; exit 1; }
}

fetch_linux() {
  [ -f "$src/linux-source-7.3/lib/lzo/lzo1x_decompress_safe.c" ] && return
  private_apt "$LINUX_SUITE"
  (cd "$src" && apt-get "${APT_OPTS[@]}" download -q "$LINUX_PKG")
  dpkg-deb --fsys-tarfile "$src"/linux-source-7.3_*.deb |
    tar -xO ./usr/src/linux-source-7.3.tar.xz |
    tar -xJ -C "$src" --wildcards "${LINUX_FILES[@]/#/linux-source-7.3/}"
  rm -f "$src"/linux-source-7.3_*.deb
}

fetch_lzma() {
  [ -f "$src/lzma-dev/usr/include/lzma/LzmaDec.c" ] && return
  private_apt bookworm
  (cd "$src" && apt-get "${APT_OPTS[@]}" download -q "$LZMA_PKG")
  dpkg-deb -x "$src"/lzma-dev_*.deb "$src/lzma-dev"
  rm -f "$src"/lzma-dev_*.deb
}

# Debian's source package (the upstream tarball bzip2_1.0.8.orig.tar.gz): apt_private's
# configuration plus a deb-src line, the archive's signed Sources index checking the files.
fetch_bzip2() {
  [ -f "$src/bzip2-1.0.8/decompress.c" ] && return
  private_apt bookworm
  local root=$APT_PRIVATE_ROOT/bookworm-amd64 uri
  uri=$(grep -oE 'https?://[^ ]+' "$root/etc/sources.list" | head -n 1)
  printf 'deb-src [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] %s bookworm main\n' \
    "$uri" >"$root/etc/sources.list.d/src.list"
  if [ -z "$(find "$root/lists" -maxdepth 1 -name '*_Sources*' 2>/dev/null)" ]; then
    apt-get "${APT_OPTS[@]}" update -qq
  fi
  (cd "$src" && apt-get "${APT_OPTS[@]}" source -q --download-only "$BZIP2_SRC")
  tar -xzf "$src/bzip2_1.0.8.orig.tar.gz" -C "$src" "${BZIP2_FILES[@]/#/bzip2-1.0.8/}"
  rm -f "$src"/bzip2_1.0.8*
}

fetch_linux
fetch_lzma
fetch_bzip2
(cd "$src" && sha256sum --quiet -c "$here/sources.sha256")

linux=$src/linux-source-7.3
lzma=$src/lzma-dev/usr/include/lzma
bz=$src/bzip2-1.0.8
# --stack-first: a stack overflow traps below address 0 instead of overwriting static data.
cc=(
  clang --target=wasm32 -O3 -nostdlib -ffreestanding -fno-builtin -mbulk-memory -Wall -Werror
  -fuse-ld="$(command -v wasm-ld-14 || command -v wasm-ld)" -Wl,--no-entry -Wl,--stack-first
  -Wl,-z,stack-size=262144 -Wl,--export=__heap_base -I "$here/libc" -I "$here/kernel"
)
exports() { printf -- '-Wl,--export=%s ' "$@"; }

# shellcheck disable=SC2046
"${cc[@]}" -I "$here" -I "$linux/include/linux" -I "$linux/lib/xz" -I "$lzma" -I "$bz" \
  -DBZ_NO_STDIO $(exports reserve unxz unlzma out_len in_used xz_init xz_reset xz_run \
    lzma_init lzma_run lzma_out_at lzma_status bz_init bz_run unlz4_block crc64 \
    sha256_init sha256_update sha256_final) \
  -o "$here/codecs.wasm" "$here/glue.c" "$here/checks.c" \
  "$linux/lib/xz/xz_crc32.c" "$linux/lib/xz/xz_dec_stream.c" "$linux/lib/xz/xz_dec_lzma2.c" \
  "$linux/lib/xz/xz_dec_bcj.c" "$lzma/LzmaDec.c" \
  "$bz/decompress.c" "$bz/bzlib.c" "$bz/huffman.c" "$bz/crctable.c" "$bz/randtable.c" \
  "$linux/lib/lz4/lz4_decompress.c"
# lzo.wasm is GPL-2.0-only: its corresponding source (the kernel files it is built from, and
# the license) is kept in lzo-src/ beside it, so whoever has the module has its source.
mkdir -p "$here/lzo-src"
cp "$linux/lib/lzo/lzo1x_decompress_safe.c" "$linux/lib/lzo/lzodefs.h" "$linux/include/linux/lzo.h" \
  "$linux/LICENSES/preferred/GPL-2.0" "$here/lzo-src/"
# shellcheck disable=SC2046
"${cc[@]}" -I "$linux/include" -DSTATIC $(exports reserve unlzo_block adler32 crc32) \
  -o "$here/lzo.wasm" "$here/lzo_glue.c" "$linux/lib/lzo/lzo1x_decompress_safe.c"

# name.wasm as name_wasm.ts: the hashes of its build inputs, then the module as base64.
embed() {
  local name=$1 const=$2 what=$3
  shift 3
  {
    echo "// Generated by btf/image/codecs/wasm/build.sh; do not edit."
    for f in "$@"; do
      echo "// $f sha256: $(sha256sum "$here/$f" | cut -d' ' -f1)"
    done
    echo "/** $name.wasm ($what), base64-encoded. */"
    printf 'export const %s =\n  "%s";\n' "$const" "$(base64 -w0 "$here/$name.wasm")"
  } >"$here/${name}_wasm.ts"
  echo "built $(stat -c %s "$here/$name.wasm")-byte $name.wasm"
}
# Our headers standing in for libc's and the kernel's (both modules include some of them).
mapfile -t shims < <(cd "$here" && ls libc/*.h kernel/linux/*.h)
embed codecs CODECS_WASM_BASE64 "xz-embedded, LzmaDec, libbzip2 and LZ4; see glue.c" \
  build.sh glue.c checks.c xz_config.h "${shims[@]}" sources.sha256
embed lzo LZO_WASM_BASE64 "the kernel's LZO1X decompressor, GPL-2.0-only; see lzo_glue.c" \
  build.sh lzo_glue.c "${shims[@]}" sources.sha256
