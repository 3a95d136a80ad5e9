#!/usr/bin/env bash
# Rebuilds the committed BTF fixtures from the C sources in testdata/src.
#
#   testdata/src/<name>.c  --clang -g -O2 -target bpf-->  testdata/<name>.o   (ELF with .BTF)
#                          --llvm-objcopy --dump-section-->  testdata/<name>.btf (raw BTF)
#   if the source contains ORACLE_MAIN: gcc -DORACLE_MAIN builds the same source for the host
#   and runs it; its stdout (the compiler's offsetof/sizeof values) -> testdata/<name>.offsets.json
#
#   testdata/src/split/base.c + split/mod.c --gcc -g + pahole -J (--btf_base)-->
#       testdata/split_base.btf and testdata/split_mod.btf (split BTF over the base)
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

if [ -z "$only" ] || [ "$only" = split ]; then
  if [ -f "$here/src/split/base.c" ]; then
    gcc -g -O0 -c "$here/src/split/base.c" -o "$tmp/base.o"
    pahole -J "$tmp/base.o"
    llvm-objcopy --dump-section ".BTF=$here/split_base.btf" "$tmp/base.o" "$tmp/base.discard.o"
    gcc -g -O0 -c "$here/src/split/mod.c" -o "$tmp/mod.o"
    pahole -J --btf_base "$tmp/base.o" "$tmp/mod.o"
    llvm-objcopy --dump-section ".BTF=$here/split_mod.btf" "$tmp/mod.o" "$tmp/mod.discard.o"
    echo "built split"
  fi
fi
