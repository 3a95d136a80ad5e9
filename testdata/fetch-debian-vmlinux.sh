#!/usr/bin/env bash
# Fetches a real x86-64 vmlinux (ELF with a .BTF section) from a Debian kernel package, for tests.
# Nothing large is committed: output goes to testdata/.cache/ (gitignored) or to the directory $1.
#
#   apt-get download linux-image-6.1.0-<N>-amd64-unsigned   (newest N available)
#     --dpkg-deb -x-->  boot/vmlinuz-<kver>   (bzImage)
#     --decompress payload (like the kernel's scripts/extract-vmlinux)-->  <out>/vmlinux-<kver>
#     <out>/vmlinux-debian      -> symlink to vmlinux-<kver>
#     <out>/vmlinux-debian.btf  raw .BTF section (starts with 9f eb 01)
#
# Idempotent: if the outputs already exist and look valid it exits 0 at once.
# Override the package with DEBIAN_KERNEL_PKG=linux-image-... (e.g. a 6.12 one).
# Progress goes to stderr; the last (only) line on stdout is the vmlinux path.
# Needs: apt-get, dpkg-deb, readelf, llvm-objcopy (or objcopy), flock, and the decompressor for the
# payload (installed via apt-get only if missing). Tests never run this.
set -euo pipefail
export LC_ALL=C

die() { echo "fetch-debian-vmlinux: error: $*" >&2; exit 1; }
log() { echo "fetch-debian-vmlinux: $*" >&2; }

here=$(cd "$(dirname "$0")" && pwd)
out=${1:-$here/.cache}
mkdir -p "$out" 2>/dev/null || die "cannot create output directory $out"
out=$(cd "$out" && pwd)
vmlinux_link=$out/vmlinux-debian
btf_out=$out/vmlinux-debian.btf

# shellcheck source=lib.sh
. "$here/lib.sh"

outputs_valid() {
  [ -s "$vmlinux_link" ] && [ -s "$btf_out" ] || return 1
  [ "$(hexhead "$vmlinux_link" 4)" = 7f454c46 ] || return 1
  [ "$(hexhead "$btf_out" 3)" = 9feb01 ] || return 1
}

if outputs_valid; then
  echo "$vmlinux_link"
  exit 0
fi

# Serialize concurrent runs into the same directory; re-check after getting the lock.
exec 9>"$out/.fetch-debian-vmlinux.lock"
flock 9 || die "cannot lock $out/.fetch-debian-vmlinux.lock"
if outputs_valid; then
  echo "$vmlinux_link"
  exit 0
fi

for tool in apt-get apt-cache dpkg-deb readelf od; do
  command -v "$tool" >/dev/null || die "required tool '$tool' not found"
done

tmp=$(mktemp -d)
chmod 711 "$tmp"   # so apt's _apt sandbox user can reach $tmp/dl
trap 'rm -rf "$tmp"' EXIT

# ---- 1. pick and download the package ---------------------------------------------------------
find_pkg() {
  apt-cache pkgnames linux-image-6.1.0- 2>/dev/null |
    grep -E '^linux-image-6\.1\.0-[0-9]+-amd64-unsigned$' | sort -V | tail -n 1 || true
}
note_612() {
  local p
  p=$(apt-cache pkgnames linux-image-6.12 2>/dev/null |
    grep -E '^linux-image-6\.12[^ ]*-amd64-unsigned$' | grep -Ev -- '-(cloud|rt)-' | sort -V | tail -n 1 || true)
  [ -z "$p" ] || log "note: a 6.12 kernel is also available ($p); set DEBIAN_KERNEL_PKG=$p to use it"
}

pkg=${DEBIAN_KERNEL_PKG:-}
updated=0
if [ -z "$pkg" ]; then
  pkg=$(find_pkg)
  if [ -z "$pkg" ]; then
    log "no linux-image-6.1.0-*-amd64-unsigned in apt lists; running apt-get update"
    apt-get update -qq >&2 || die "apt-get update failed"
    updated=1
    pkg=$(find_pkg)
  fi
  [ -n "$pkg" ] || die "no linux-image-6.1.0-*-amd64-unsigned package found in apt repositories"
  note_612
fi

dl=$tmp/dl
mkdir -p "$dl"
chmod 777 "$dl"   # let apt's _apt sandbox user write here (avoids the unsandboxed-download warning)
download() { (cd "$dl" && apt-get download -q "$pkg") >&2; }
log "downloading $pkg"
if ! download; then
  # Stale lists can point at a removed .deb: refresh once and retry (re-resolving the newest name).
  [ "$updated" = 1 ] && die "apt-get download $pkg failed"
  log "download failed; running apt-get update and retrying"
  apt-get update -qq >&2 || die "apt-get update failed"
  if [ -z "${DEBIAN_KERNEL_PKG:-}" ]; then
    pkg=$(find_pkg)
    [ -n "$pkg" ] || die "no linux-image-6.1.0-*-amd64-unsigned package found after apt-get update"
  fi
  download || die "apt-get download $pkg failed"
fi
deb=$(ls "$dl"/*.deb 2>/dev/null | head -n 1)
[ -n "$deb" ] || die "apt-get download produced no .deb for $pkg"
pkgver=$(dpkg-deb -f "$deb" Version)
log "got $(basename "$deb") ($pkgver)"

# ---- 2. extract vmlinuz -------------------------------------------------------------------------
dpkg-deb -x "$deb" "$tmp/root" || die "dpkg-deb -x failed on $deb"
vmlinuz=$(ls "$tmp"/root/boot/vmlinuz-* 2>/dev/null | head -n 1)
[ -n "$vmlinuz" ] || die "no boot/vmlinuz-* inside $deb"
kver=${vmlinuz##*/vmlinuz-}
rm -f "$deb"

# ---- 3. decompress the payload (scripts/extract-vmlinux style) ---------------------------------
# format | magic (hex) | decompressor command | command name | Debian package providing it
formats=(
  "gzip|1f8b08|gzip -dc|gzip|gzip"
  "xz|fd377a585a00|xz -dc|xz|xz-utils"
  "bzip2|425a68|bzip2 -dc|bzip2|bzip2"
  "lzma|5d000000|xz -dc --format=lzma|xz|xz-utils"
  "lzo|894c5a|lzop -dc|lzop|lzop"
  "lz4|02214c18|lz4 -dc|lz4|lz4"
  "zstd|28b52ffd|zstd -dcq|zstd|zstd"
)

candidate=$tmp/vmlinux
is_good_elf() {
  [ -s "$1" ] && [ "$(hexhead "$1" 4)" = 7f454c46 ] &&
    readelf -h "$1" >/dev/null 2>&1 && readelf -S -W "$1" 2>/dev/null | grep -q ' \.BTF '
}

# try_at <format-entry> <offset> [length]: decompress from offset; succeed if result is a good ELF
try_at() {
  local name magic cmd bin pkgname
  IFS='|' read -r name magic cmd bin pkgname <<<"$1"
  command -v "$bin" >/dev/null || return 1
  if [ -n "${3:-}" ]; then
    tail -c "+$(($2 + 1))" "$vmlinuz" | head -c "$3" | $cmd >"$candidate" 2>/dev/null || true
  else
    tail -c "+$(($2 + 1))" "$vmlinuz" | $cmd >"$candidate" 2>/dev/null || true
  fi
  if is_good_elf "$candidate"; then
    used="$name ($cmd, offset $2)"
    return 0
  fi
  return 1
}

used=
missing_pkgs=()

# Fast path: the boot protocol header (>= 2.08) says exactly where the payload is.
le32() { od -An -tu4 -j "$2" -N4 "$1" | tr -d ' '; }
le16() { od -An -tu2 -j "$2" -N2 "$1" | tr -d ' '; }
if [ "$(od -An -c -j 514 -N4 "$vmlinuz" | tr -d ' ')" = HdrS ] && [ "$(le16 "$vmlinuz" 518)" -ge 520 ]; then
  setup_sects=$(od -An -tu1 -j 497 -N1 "$vmlinuz" | tr -d ' ')
  [ "$setup_sects" -ne 0 ] || setup_sects=4
  poff=$(( (setup_sects + 1) * 512 + $(le32 "$vmlinuz" 584) ))
  plen=$(le32 "$vmlinuz" 588)
  head_hex=$(od -An -tx1 -j "$poff" -N6 "$vmlinuz" | tr -d ' \n')
  for f in "${formats[@]}"; do
    IFS='|' read -r name magic cmd bin pkgname <<<"$f"
    if [ "${head_hex#"$magic"}" != "$head_hex" ]; then
      if ! command -v "$bin" >/dev/null; then
        log "installing missing decompressor: apt-get install $pkgname"
        apt-get install -y -qq "$pkgname" >&2 || die "apt-get install $pkgname failed"
      fi
      try_at "$f" "$poff" "$plen" && break
    fi
  done
fi

# Fallback: scan for every compression magic and try each decompressor from each offset.
scan() {
  local f name magic cmd bin pkgname pat off
  for f in "${formats[@]}"; do
    IFS='|' read -r name magic cmd bin pkgname <<<"$f"
    pat=$(sed 's/../\\x&/g' <<<"$magic")
    for off in $(grep -obUaP "$pat" "$vmlinuz" 2>/dev/null | cut -d: -f1); do
      if ! command -v "$bin" >/dev/null; then
        missing_pkgs+=("$pkgname")
        break
      fi
      try_at "$f" "$off" && return 0
    done
  done
  return 1
}
if [ -z "$used" ] && ! scan; then
  if [ "${#missing_pkgs[@]}" -gt 0 ]; then
    log "installing missing decompressor(s): apt-get install ${missing_pkgs[*]}"
    apt-get install -y -qq "${missing_pkgs[@]}" >&2 || die "apt-get install ${missing_pkgs[*]} failed"
    missing_pkgs=()
    scan || true
  fi
fi
[ -n "$used" ] || die "could not decompress an ELF vmlinux with a .BTF section from $vmlinuz"
log "decompressed with $used"

# ---- 4. dump .BTF and install outputs atomically -----------------------------------------------
btf_tmp=$tmp/vmlinux.btf
if command -v llvm-objcopy >/dev/null; then
  llvm-objcopy --dump-section ".BTF=$btf_tmp" "$candidate" "$tmp/discard.o" >&2 ||
    die "llvm-objcopy could not dump .BTF"
else
  objcopy -O binary --only-section=.BTF "$candidate" "$btf_tmp" >&2 || die "objcopy could not dump .BTF"
fi
[ "$(hexhead "$btf_tmp" 3)" = 9feb01 ] || die ".BTF section does not start with 9f eb 01"

target=$out/vmlinux-$kver
mv -f "$candidate" "$target.tmp.$$" && mv -f "$target.tmp.$$" "$target"
mv -f "$btf_tmp" "$btf_out.tmp.$$" && mv -f "$btf_out.tmp.$$" "$btf_out"
ln -sfn "vmlinux-$kver" "$vmlinux_link.tmp.$$" && mv -fT "$vmlinux_link.tmp.$$" "$vmlinux_link"
outputs_valid || die "outputs in $out failed validation after writing"
log "$pkg $pkgver -> $target ($(stat -c %s "$target") bytes), .BTF $(stat -c %s "$btf_out") bytes"
echo "$vmlinux_link"
