#!/usr/bin/env bash
# Sourced by the fetch scripts: ensure_suite SUITE makes apt know Debian's SUITE (e.g.
# trixie-backports) at Pin-Priority 100, so `apt-get download` can fetch from it while nothing
# is ever installed or upgraded from it. Reuses the mirror of the machine's own Debian source.
# apt_download DIR PKG SUITE downloads PKG's .deb into DIR: from SUITE, else from any suite.
ensure_suite() {
  local suite=$1
  if apt-cache policy 2>/dev/null | grep -q " $suite/"; then return 0; fi
  local uri
  uri=$(grep -rhoE '^(URIs:|deb) +[^ ]+/debian/?( |$)' /etc/apt/sources.list /etc/apt/sources.list.d/ 2>/dev/null |
    awk '{print $2}' | head -n 1)
  [ -n "$uri" ] || { echo "apt-suite: no Debian mirror in the apt sources" >&2; return 1; }
  printf 'Types: deb\nURIs: %s\nSuites: %s\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n' \
    "$uri" "$suite" >"/etc/apt/sources.list.d/ktstr-$suite.sources"
  printf 'Package: *\nPin: release n=%s\nPin-Priority: 100\n' "$suite" >"/etc/apt/preferences.d/ktstr-$suite"
  apt-get update -qq >&2
}
apt_download() {
  (cd "$1" && apt-get download -q "$2/$3" >&2) || (cd "$1" && apt-get download -q "$2" >&2)
}
