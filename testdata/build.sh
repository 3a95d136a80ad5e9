#!/usr/bin/env bash
# Rebuilds the committed BTF fixtures from the C sources in testdata/src.
#
#   testdata/src/<name>.c  --clang -g -O2 -target bpf-->  testdata/<name>.o   (ELF with .BTF)
#                          --llvm-objcopy --dump-section-->  testdata/<name>.btf (raw BTF)
#   era_7_3.c also --clang -target bpfeb--> testdata/era_7_3_be.{o,btf} (big-endian BTF)
#   if the source contains ORACLE_MAIN: gcc -DORACLE_MAIN builds the same source for the host
#   and runs it; its stdout (the compiler's offsetof/sizeof values) -> testdata/<name>.offsets.json
#
#   testdata/src/split<x>/base.c + mod.c --gcc -g + pahole -J (--btf_base)-->
#       testdata/split<x>_base.btf and testdata/split<x>_mod.btf (split BTF over the base);
#   with split<x>/base.txt naming a fixture object instead of base.c, that object is the base
#
#   testdata/src/ptr32/ptr32.c --clang -g -O2 -target <triple> + pahole -J-->
#       testdata/ptr32_<arch>.o and testdata/ptr32_<arch>.btf, for i686 (i686-linux-gnu),
#       armv7 (armv7a-linux-gnueabihf) and ppc32 (powerpc-linux-gnu, big-endian BTF: pahole
#       writes the object's byte order); these cannot run here, so the oracle is read at compile
#       time: clang -S -DORACLE_CONSTS defines each value as a constant whose assembler symbol is
#       `oracle:<key>`, and the `.long` after each such label -> testdata/ptr32_<arch>.offsets.json
#
# Needs clang (with the x86, ARM and PowerPC targets), llvm-objcopy, gcc and pahole (Debian: clang llvm gcc dwarves). Tests never run this.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
only=${1:-}

for src in "$here"/src/*.c; do
  name=$(basename "$src" .c)
  if [ -n "$only" ] && [ "$only" != "$name" ]; then continue; fi
  clang -g -O2 -target bpf -Wall -Werror -c "$src" -o "$here/$name.o"
  llvm-objcopy --dump-section ".BTF=$here/$name.btf" "$here/$name.o" "$tmp/$name.discard.o"
  if [ "$name" = era_7_3 ]; then
    # The same source for big-endian BPF: the compiler writes big-endian BTF (tests/endian_test.ts).
    clang -g -O2 -target bpfeb -Wall -Werror -c "$src" -o "$here/${name}_be.o"
    llvm-objcopy --dump-section ".BTF=$here/${name}_be.btf" "$here/${name}_be.o" "$tmp/$name.be.o"
  fi
  if grep -q ORACLE_MAIN "$src"; then
    gcc -g -O0 -Wall -Werror -DORACLE_MAIN "$src" -o "$tmp/$name.oracle"
    "$tmp/$name.oracle" >"$here/$name.offsets.json"
  fi
  echo "built $name"
done

for dir in "$here"/src/split*/; do
  name=$(basename "$dir")
  if [ -n "$only" ] && [ "$only" != "$name" ]; then continue; fi
  # The base is gcc + pahole -J, or, when the directory has a base.txt naming a committed
  # fixture object (e.g. era_7_3.o), that clang-built object.
  if [ -f "$dir/base.txt" ]; then
    base_o="$here/$(cat "$dir/base.txt")"
    llvm-objcopy --dump-section ".BTF=$here/${name}_base.btf" "$base_o" "$tmp/$name.base.discard.o"
  else
    base_o="$tmp/$name.base.o"
    gcc -g -O0 -c "$dir/base.c" -o "$base_o"
    pahole -J "$base_o"
    llvm-objcopy --dump-section ".BTF=$here/${name}_base.btf" "$base_o" "$tmp/$name.base.discard.o"
  fi
  gcc -g -O0 -c "$dir/mod.c" -o "$tmp/$name.mod.o"
  pahole -J --btf_base "$base_o" "$tmp/$name.mod.o"
  llvm-objcopy --dump-section ".BTF=$here/${name}_mod.btf" "$tmp/$name.mod.o" "$tmp/$name.mod.discard.o"
  echo "built $name"
done

# The compiler's values from clang -S: each `"oracle:<key>":` label, then `.long <value>`.
oracle_from_asm() {
  awk '
    /^"oracle:.*":$/ { key = substr($0, 9, length($0) - 10); next }
    key != "" {
      if ($1 != ".long" || $2 !~ /^[0-9]+$/) { print "no .long after oracle:" key > "/dev/stderr"; exit 1 }
      printf "%s\n  \"%s\": %s", (n++ ? "," : "{"), key, $2
      key = ""
    }
    END { if (n == 0) exit 1; print "\n}" }
  ' "$1"
}

if [ -z "$only" ] || [ "$only" = ptr32 ]; then
  src="$here/src/ptr32/ptr32.c"
  for target in i686:i686-linux-gnu armv7:armv7a-linux-gnueabihf ppc32:powerpc-linux-gnu; do
    arch=${target%%:*} triple=${target#*:}
    out="$here/ptr32_$arch"
    clang -g -O2 -target "$triple" -Wall -Werror -c "$src" -o "$out.o"
    pahole -J "$out.o"
    llvm-objcopy --dump-section ".BTF=$out.btf" "$out.o" "$tmp/ptr32_$arch.discard.o"
    clang -O2 -target "$triple" -Wall -Werror -DORACLE_CONSTS -S "$src" -o "$tmp/ptr32_$arch.s"
    oracle_from_asm "$tmp/ptr32_$arch.s" >"$out.offsets.json"
    echo "built ptr32_$arch"
  done
fi
