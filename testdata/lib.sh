#!/usr/bin/env bash
# Sourced by the testdata scripts: the byte readers they share.
#   hexhead FILE N         the first N bytes of FILE as lowercase hex, no separators
#   le FILE OFFSET WIDTH   the WIDTH-byte little-endian unsigned integer at OFFSET of FILE
#   bzimage_payload IMAGE  sets poff and plen: the file offset and length of the compressed
#                          payload of an x86 bzImage (setup_sects at 497, 0 meaning 4;
#                          payload_offset at 584, from the protected-mode code; payload_length
#                          at 588)
hexhead() { od -An -tx1 -N "$2" "$1" 2>/dev/null | tr -d ' \n'; }
le() { od -An -tu"$3" -j "$2" -N"$3" "$1" | tr -d ' '; }
bzimage_payload() {
  local setup
  setup=$(le "$1" 497 1)
  [ "$setup" -ne 0 ] || setup=4
  poff=$(((setup + 1) * 512 + $(le "$1" 584 4)))
  plen=$(le "$1" 588 4)
}
