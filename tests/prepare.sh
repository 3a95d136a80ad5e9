#!/usr/bin/env bash
# Installs what the test suite needs beyond Deno, when it is missing:
#   bpftool, pahole     the independent BTF decoders the tests compare against
#   llvm-objcopy        extracts raw .BTF from the Debian vmlinux
#   a Debian ELF vmlinux (testdata/.cache/vmlinux-debian), fetched by testdata/fetch-debian-vmlinux.sh
#   Debian's sched_ext 7.3.4 (testdata/.cache/vmlinux-7.3.4+deb13-amd64{,.btf} and its bzImage),
#     fetched by testdata/fetch-debian-7.3.sh (needs zstd)
#   lz4, lzop, xz, bzip2, gzip: testdata/repack-bzimage.sh repacks that vmlinux with each
#   Node 22 from npm (testdata/.cache/node22) for tests/node_core_test.ts
# Needs apt (root) the first time; later runs find everything and return at once.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
missing=()
command -v bpftool >/dev/null 2>&1 || [ -x /usr/sbin/bpftool ] || missing+=(bpftool)
command -v llvm-objcopy >/dev/null 2>&1 || missing+=(llvm)
command -v pahole >/dev/null 2>&1 || missing+=(dwarves)
command -v zstd >/dev/null 2>&1 || missing+=(zstd)
# The system compressors that repack the 7.3 vmlinux behind a bzImage header (image tests).
command -v lz4 >/dev/null 2>&1 || missing+=(lz4)
command -v lzop >/dev/null 2>&1 || missing+=(lzop)
command -v xz >/dev/null 2>&1 || missing+=(xz-utils)
command -v bzip2 >/dev/null 2>&1 || missing+=(bzip2)
command -v gzip >/dev/null 2>&1 || missing+=(gzip)
command -v strace >/dev/null 2>&1 || missing+=(strace)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    echo "tests/prepare.sh: missing ${missing[*]}; install them (Debian: apt-get install ${missing[*]})" >&2
    exit 1
  fi
  echo "tests/prepare.sh: installing ${missing[*]}" >&2
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi
# Node 22 (from npm) runs the pure core in tests/node_core_test.ts.
node22=$here/testdata/.cache/node22
if [ ! -x "$node22/node_modules/.bin/node" ]; then
  mkdir -p "$node22"
  npm install --prefix "$node22" --no-save --no-package-lock --no-audit --no-fund \
    --loglevel=error node@22 >/dev/null
fi
bash "$here/testdata/fetch-debian-vmlinux.sh" "$here/testdata/.cache" >/dev/null
bash "$here/testdata/fetch-debian-7.3.sh" "$here/testdata/.cache" >/dev/null
# Kernel images and modules for tests/image_test.ts (testdata/.cache; see each script).
td="$here/testdata"
bash "$td/fetch-debian-image.sh" debian-6.1-cloud 'linux-image-6\.1\.0-[0-9]+-cloud-amd64-unsigned' bookworm "$td/.cache"
bash "$td/repack-bzimage.sh" "$td/.cache/vmlinuz-7.3.4+deb13-amd64" \
  "$td/.cache/vmlinux-7.3.4+deb13-amd64" "$td/.cache/debian-7.3"
bash "$td/fetch-debian-modules.sh" "$td/.cache"
