#!/usr/bin/env bash
# Installs what the test suite needs beyond Deno, when it is missing:
#   bpftool, pahole     the independent BTF decoders the tests compare against
#   llvm-objcopy        extracts raw .BTF from the Debian kernels
#   lz4, lzop, xz, bzip2, gzip, zstd: testdata/repack-bzimage.sh repacks a vmlinux with each
#   Node 22 from npm (testdata/.cache/node22) for tests/node_core_test.ts
# and lays out the kernels the tests read (testdata/.cache, never committed):
#   debian-7.3.4+deb13-amd64.btf  the pinned sched_ext kernel the tests assert exact offsets
#       on, unpacked from testdata/kernels/ (committed, checked against its SHA256SUMS)
#   debian-6.1.{vmlinuz,vmlinux,btf}, sched-ext.{vmlinuz,vmlinux,btf}, debian-6.1-cloud.*:
#       the newest Debian kernels of those lines (testdata/fetch-debian-image.sh), which the
#       tests compare with bpftool and pahole run on the same files
#   sched-ext-<c>.vmlinuz   the sched_ext vmlinux repacked with each compression
#   mod-fat.*               a module of the sched_ext kernel (testdata/fetch-debian-modules.sh)
# Needs apt (root) the first time; later runs find everything and return at once. The Debian
# fetches use a private apt configuration (testdata/apt-suite.sh), never the machine's.
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
td=$here/testdata
cache=$td/.cache
mkdir -p "$cache"
pinned=$cache/debian-7.3.4+deb13-amd64.btf
if ! (cd "$cache" && sha256sum --quiet -c "$td/kernels/SHA256SUMS" >/dev/null 2>&1); then
  xz -dc "$td/kernels/debian-7.3.4+deb13-amd64.btf.xz" >"$pinned.tmp"
  mv -f "$pinned.tmp" "$pinned"
  (cd "$cache" && sha256sum --quiet -c "$td/kernels/SHA256SUMS")
fi
bash "$td/fetch-debian-image.sh" debian-6.1 'linux-image-6\.1\.0-[0-9]+-amd64-unsigned' bookworm "$cache"
bash "$td/fetch-debian-image.sh" debian-6.1-cloud 'linux-image-6\.1\.0-[0-9]+-cloud-amd64-unsigned' bookworm "$cache"
bash "$td/fetch-debian-image.sh" sched-ext 'linux-binary-[0-9.]+\+deb13-amd64' trixie-backports "$cache"
bash "$td/repack-bzimage.sh" "$cache/sched-ext.vmlinuz" "$cache/sched-ext.vmlinux" "$cache/sched-ext"
bash "$td/fetch-debian-modules.sh" "$cache"
# Other architectures' Debian kernels, as shipped (testdata/fetch-debian-arch.sh): flat arm64
# Images (trixie's 6.12, ~93 MB package; the newest 7.x of trixie-backports), riscv64's flat
# Image with a PE header, s390x's image (zstd payload, big-endian BTF) and ppc64el's ELF.
bash "$td/fetch-debian-arch.sh" arm64-6.12 arm64 trixie 'linux-image-6\.12\.[0-9.]+\+deb13-arm64-unsigned' "$cache"
bash "$td/fetch-debian-arch.sh" arm64-7 arm64 trixie-backports 'linux-binary-unsigned-7\.[0-9.]+\+deb13-arm64' "$cache"
bash "$td/fetch-debian-arch.sh" riscv64 riscv64 sid 'linux-binary-[0-9.]+\+deb14-riscv64' "$cache"
bash "$td/fetch-debian-arch.sh" s390x s390x sid 'linux-binary-7\.[0-9.]+\+deb14-s390x' "$cache"
bash "$td/fetch-debian-arch.sh" ppc64el ppc64el sid 'linux-binary-[0-9.]+\+deb14-powerpc64le' "$cache"
# A module of two of them (split BTF over their base; s390x's big-endian), from the same
# versions as their kernels (testdata/fetch-debian-arch-module.sh).
esc() { printf '%s' "$1" | sed 's/[.+]/\\&/g'; }
bash "$td/fetch-debian-arch-module.sh" arm64-6.12-mod arm64 trixie \
  "$(esc "$(cat "$cache/arm64-6.12.package")")" fat "$cache"
bash "$td/fetch-debian-arch-module.sh" s390x-mod s390x sid \
  "$(esc "$(sed 's/^linux-binary-/linux-modules-/' "$cache/s390x.package")")" fat "$cache"
