#!/usr/bin/env python3
"""Finds the raw BTF blob inside a flat kernel binary (an arm64/riscv64 Image, the flat binary
an s390 image decompresses to), independently of this project's TypeScript: the reference
testdata/fetch-debian-arch.sh compares the loader with.

  extract-btf.py FILE [OUT]    writes the largest valid BTF blob in FILE to OUT (or reports
                               only), and prints one line per candidate header to stderr:
                               offset, endianness, size, and why it was rejected
  extract-btf.py --magics FILE [ALIGN]
                               prints "<compression> <offset>" for every compression magic in
                               FILE at an offset that is a multiple of ALIGN (default 1)

A candidate is a BTF header (magic 9f eb little-endian or eb 9f big-endian, version 1, flags 0,
hdr_len 24 to 256, the type section 4-byte aligned and a multiple of 4 long, neither section
empty) whose sections fit the file, whose type section is walked record by record (each
record's size from its kind and vlen, in the blob's byte order; kinds 1-19, or any kind a
kind-layout section describes; no known kind with info bits 16-23 or 29-30 set) to end exactly
at the type section's end, and whose string section starts and ends with a NUL (the rules of
docs/CLI.md, "The BTF candidate rule"). Exit status 1 when no candidate is valid.
"""
import struct
import sys

MAGICS = [
    ("gzip", b"\x1f\x8b\x08"),
    ("xz", b"\xfd7zXZ\x00"),
    ("bzip2", b"BZh"),
    ("lzma", b"\x5d\x00\x00\x00"),
    ("lzo", b"\x89LZO"),
    ("lz4", b"\x02\x21\x4c\x18"),
    ("zstd", b"\x28\xb5\x2f\xfd"),
]

# Extra 32-bit words after the 12-byte record header: (fixed, per vlen element).
SHAPES = {
    1: (1, 0), 2: (0, 0), 3: (3, 0), 4: (0, 3), 5: (0, 3), 6: (0, 2), 7: (0, 0), 8: (0, 0),
    9: (0, 0), 10: (0, 0), 11: (0, 0), 12: (0, 0), 13: (0, 2), 14: (1, 0), 15: (0, 3),
    16: (0, 0), 17: (1, 0), 18: (0, 0), 19: (0, 3),
}


def check(data, at):
    """(size, None) for a valid blob at `at`, else (None, reason)."""
    order = "<" if data[at:at + 2] == b"\x9f\xeb" else ">"
    if len(data) - at < 24:
        return None, "short"
    version, flags = data[at + 2], data[at + 3]
    hdr_len, type_off, type_len, str_off, str_len = struct.unpack_from(order + "5I", data, at + 4)
    if version != 1 or flags != 0 or hdr_len < 24 or hdr_len > 256 or type_off % 4 or type_len % 4:
        return None, "header"
    shapes = dict(SHAPES)
    ends = [type_off + type_len, str_off + str_len]
    if hdr_len >= 32:
        layout_off, layout_len = struct.unpack_from(order + "2I", data, at + 24)
        if layout_len:
            ends.append(layout_off + layout_len)
            base = at + hdr_len + layout_off
            for kind in range(20, min(32, layout_len // 4)):
                info, elem = data[base + 4 * kind], data[base + 4 * kind + 1]
                shapes[kind] = (info // 4, elem // 4)
    size = hdr_len + max(ends)
    if at + size > len(data) or type_len == 0 or str_len == 0:
        return None, "sections do not fit"
    pos, end = at + hdr_len + type_off, at + hdr_len + type_off + type_len
    while pos < end:
        if pos + 12 > end:
            return None, "record runs past the type section"
        (info,) = struct.unpack_from(order + "I", data, pos + 4)
        kind, vlen = (info >> 24) & 0x1F, info & 0xFFFF
        if kind in SHAPES and info & 0x60FF0000:
            return None, f"reserved info bits at type offset {pos - (end - type_len)}"
        if kind not in shapes:
            return None, f"kind {kind} at type offset {pos - (end - type_len)}"
        fixed, per = shapes[kind]
        pos += 12 + 4 * (fixed + per * vlen)
    if pos != end:
        return None, "the type walk does not end at the type section's end"
    strings = at + hdr_len + str_off
    if data[strings] != 0 or data[strings + str_len - 1] != 0:
        return None, "strings do not start and end with a NUL"
    return size, None


def candidates(data):
    for magic in (b"\x9f\xeb\x01\x00", b"\xeb\x9f\x01\x00"):
        at = data.find(magic)
        while at >= 0:
            yield at
            at = data.find(magic, at + 1)


def main(argv):
    if argv[1:2] == ["--magics"]:
        data = open(argv[2], "rb").read()
        align = int(argv[3]) if len(argv) > 3 else 1
        for name, magic in MAGICS:
            at = data.find(magic)
            while at >= 0:
                if at % align == 0:
                    print(name, at)
                at = data.find(magic, at + 1)
        return 0
    data = open(argv[1], "rb").read()
    best = None
    for at in sorted(candidates(data)):
        size, why = check(data, at)
        endian = "little" if data[at] == 0x9F else "big"
        print(f"extract-btf: {at:#x} {endian}-endian: " + (f"valid, {size} bytes" if why is None else why),
              file=sys.stderr)
        if size is not None and (best is None or size > best[1]):
            best = (at, size)
    if best is None:
        return 1
    if len(argv) > 2:
        with open(argv[2], "wb") as out:
            out.write(data[best[0]:best[0] + best[1]])
    print(f"{best[0]} {best[1]} {'little' if data[best[0]] == 0x9F else 'big'}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
