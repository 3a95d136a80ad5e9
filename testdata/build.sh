#!/usr/bin/env bash
# Rebuilds the committed BTF fixtures from the C sources in testdata/src.
#
#   testdata/src/<name>.c  --clang -g -O2 -target bpf-->  testdata/<name>.o   (ELF with .BTF)
#                          --llvm-objcopy --dump-section-->  testdata/<name>.btf (raw BTF)
#   if the source contains ORACLE_MAIN: gcc -DORACLE_MAIN builds the same source for the host
#   and runs it; its stdout (the compiler's offsetof/sizeof values) -> testdata/<name>.offsets.json
#
#   testdata/src/split<x>/base.c + mod.c --gcc -g + pahole -J (--btf_base)-->
#       testdata/split<x>_base.btf and testdata/split<x>_mod.btf (split BTF over the base);
#   with split<x>/base.txt naming a fixture object instead of base.c, that object is the base
#
# Needs clang, llvm-objcopy, gcc and pahole (Debian: clang llvm gcc dwarves). Tests never run this.
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
