#!/usr/bin/env bash
# Sourced by the fetch scripts: apt on another Debian suite or architecture through a private
# configuration, so the machine's own apt is never touched and nothing is ever installed.
#
#   apt_private SUITE [ARCH]   sets APT_OPTS: a configuration of its own under
#                              $APT_PRIVATE_ROOT/SUITE-ARCH (default testdata/.cache/apt): its
#                              own sources (the machine's Debian mirror, SUITE, main), lists,
#                              cache, an empty status file and APT::Architecture=ARCH (default
#                              amd64); runs `apt-get update` on it when its lists are missing or
#                              older than a day
#   apt_newest REGEX           the newest package (sort -V) whose whole name matches REGEX
#   apt_fetch DIR PKG          downloads PKG's .deb into DIR
#   apt_fetch_tmp PKG          downloads PKG's .deb into a fresh directory, $tmp, removed when
#                              the script exits
#
# The archive drops a package once a newer one supersedes it (sid's within weeks), so the
# scripts take the newest match and check what they fetched, never a version written down.
here_apt=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

apt_private() {
  local suite=$1 arch=${2:-amd64}
  local root=${APT_PRIVATE_ROOT:-$here_apt/.cache/apt}/$suite-$arch
  mkdir -p "$root/etc/sources.list.d" "$root/etc/preferences.d" "$root/lists/partial" \
    "$root/cache/archives/partial"
  [ -e "$root/status" ] || : >"$root/status"
  local uri
  uri=$(grep -rhoE '^(URIs:|deb) +[^ ]+/debian/?( |$)' /etc/apt/sources.list \
    /etc/apt/sources.list.d/ 2>/dev/null | awk '{print $2}' | head -n 1 || true)
  uri=${uri:-http://deb.debian.org/debian}
  printf 'deb [arch=%s signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] %s %s main\n' \
    "$arch" "$uri" "$suite" >"$root/etc/sources.list"
  APT_OPTS=(
    -o "Dir::Etc::SourceList=$root/etc/sources.list"
    -o "Dir::Etc::SourceParts=$root/etc/sources.list.d"
    -o "Dir::Etc::Preferences=$root/etc/preferences"
    -o "Dir::Etc::PreferencesParts=$root/etc/preferences.d"
    -o "Dir::State::Lists=$root/lists"
    -o "Dir::State::status=$root/status"
    -o "Dir::Cache=$root/cache"
    -o "APT::Architecture=$arch"
    -o "APT::Architectures::=$arch"
    -o "APT::Sandbox::User=root"
    -o "Debug::NoLocking=1"
  )
  if [ -z "$(find "$root/lists" -maxdepth 1 -name '*_Packages*' -mmin -1440 2>/dev/null)" ]; then
    echo "apt-suite: apt-get update ($suite, $arch, private lists in $root)" >&2
    apt-get "${APT_OPTS[@]}" update -qq >&2 || {
      echo "apt-suite: apt-get update of $suite ($arch) failed" >&2
      return 1
    }
  fi
}

apt_newest() {
  apt-cache "${APT_OPTS[@]}" pkgnames 2>/dev/null | grep -E "^($1)\$" | sort -V | tail -n 1
}

apt_fetch() {
  (cd "$1" && apt-get "${APT_OPTS[@]}" download -q "$2" >&2)
}

apt_fetch_tmp() {
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  chmod 777 "$tmp" # apt-get download may drop to the _apt user
  apt_fetch "$tmp" "$1"
}
