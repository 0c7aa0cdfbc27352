#!/usr/bin/env bash
# The installed library, as a user links it: cmake --install into a scratch
# prefix, then tests/install/demo.c compiled with pkg-config against it
# twice, on libbead.so.0 (pkg-config --libs bead) and on libbead.a
# (pkg-config --static --libs bead, with -lbead forced static); both must
# run and print tests/install/demo.expected, the first loading libbead.so.0
# from the prefix, the second no libbead at all.
set -u
BEAD=$1; SRC=$2
BUILD=$(cd "$(dirname "$BEAD")/.." && pwd)
CC=${CC:-cc}
for tool in pkg-config "$CC" ldd; do
    command -v "$tool" >/dev/null || { echo "SKIP: $tool missing"; exit 77; }
done
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
if ! cmake --install "$BUILD" --prefix "$T/prefix" >"$T/install.log" 2>&1; then
    echo "FAIL: cmake --install"; cat "$T/install.log"; exit 1
fi
# GNUInstallDirs puts the library in lib/ or lib/<multiarch>/: ask the tree.
pc=$(find "$T/prefix" -name bead.pc -path '*/pkgconfig/*' | head -1)
[ -n "$pc" ] || { echo "FAIL: no bead.pc installed"; exit 1; }
libdir=$(dirname "$(dirname "$pc")")
for f in libbead.so.0 libbead.a include/bead/align.h; do
    case $f in include/*) p=$T/prefix/$f ;; *) p=$libdir/$f ;; esac
    [ -e "$p" ] || { echo "FAIL: $p not installed"; exit 1; }
done
export PKG_CONFIG_PATH=$libdir/pkgconfig
# A sanitized build's library needs the same runtime in the program.
extra=()
if nm -D --undefined-only "$libdir/libbead.so.0" 2>/dev/null | grep -q '__asan_init'; then
    extra=(-fsanitize=address,undefined)
fi
fail=0
run() {   # run NAME CMD...: the program's output against demo.expected
    local name=$1; shift
    if ! "$@" >"$T/$name.out" 2>"$T/$name.err"; then
        echo "FAIL: $name: exit status"; cat "$T/$name.err"; fail=1
    elif ! diff -u "$SRC/tests/install/demo.expected" "$T/$name.out"; then
        echo "FAIL: $name: output differs"; fail=1
    else
        echo "ok: $name"
    fi
}

shared_flags=$(pkg-config --cflags --libs bead) || { echo "FAIL: pkg-config bead"; exit 1; }
echo "shared: $CC demo.c $shared_flags"
# shellcheck disable=SC2086
if "$CC" -std=c11 -Wall -Wextra -Werror "${extra[@]}" -o "$T/demo_shared" \
        "$SRC/tests/install/demo.c" $shared_flags; then
    where=$(LD_LIBRARY_PATH=$libdir ldd "$T/demo_shared" | awk '$1 == "libbead.so.0" {print $3}')
    if [ "$where" != "$libdir/libbead.so.0" ]; then
        echo "FAIL: demo_shared loads libbead.so.0 from '${where:-nowhere}', not $libdir"
        fail=1
    fi
    run shared env LD_LIBRARY_PATH="$libdir" "$T/demo_shared"
else
    echo "FAIL: linking against libbead.so with pkg-config --libs bead"; fail=1
fi

static_flags=$(pkg-config --static --cflags --libs bead) || { echo "FAIL: pkg-config --static bead"; exit 1; }
# Only libbead is taken static (the system has no static ICU to offer):
# what pkg-config --static adds must be all libbead.a needs.
static_flags=$(sed 's/\(^\| \)-lbead\( \|$\)/\1-Wl,-Bstatic -lbead -Wl,-Bdynamic\2/' <<<"$static_flags")
echo "static: $CC demo.c $static_flags"
# shellcheck disable=SC2086
if "$CC" -std=c11 -Wall -Wextra -Werror "${extra[@]}" -o "$T/demo_static" \
        "$SRC/tests/install/demo.c" $static_flags; then
    if ldd "$T/demo_static" | grep -q libbead; then
        echo "FAIL: demo_static still loads libbead:"; ldd "$T/demo_static"; fail=1
    fi
    run static "$T/demo_static"
else
    echo "FAIL: linking against libbead.a with pkg-config --static --libs bead"; fail=1
fi
exit $fail
