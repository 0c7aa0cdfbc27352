#!/usr/bin/env bash
# The naming rule, checked on the built libraries: libbead.so.0 exports
# exactly the functions include/bead/*.h declare (a declared function
# missing is as wrong as an extra one) and has the SONAME libbead.so.0;
# every global symbol of libbead.a is bd_* (internal) or a declared bead_*
# function. Then proves it can fail, on a header with one declaration too
# many and one too few, a library without a SONAME and an archive with a
# stray global.
set -u
BEAD=$1; SRC=$2
BUILD=$(cd "$(dirname "$BEAD")/.." && pwd)
for tool in nm readelf perl; do
    command -v $tool >/dev/null || { echo "SKIP: $tool missing"; exit 77; }
done

# The functions a header directory declares: bead_name( outside comments.
declared() {
    perl -0777 -ne 's{/\*.*?\*/}{ }gs; s{//[^\n]*}{}g; print "$1\n" while /\b(bead_\w+)\s*\(/g' \
        "$1"/*.h | sort -u
}

# check HEADER_DIR SO ARCHIVE: prints one line per broken rule; 1 if any.
check() {
    local hdr=$1 so=$2 ar=$3 bad=0
    local want got soname
    want=$(declared "$hdr")
    [ -n "$want" ] || { echo "$hdr: no bead_ function declared (parse failed?)"; return 1; }
    # The version node (type A) is not a symbol of the API.
    got=$(nm -D --defined-only "$so" | awk '$2 != "A" {print $3}' | sed 's/@.*//' | sort -u)
    local s
    for s in $(comm -13 <(echo "$want") <(echo "$got")); do
        echo "$so exports $s, which no header of $hdr declares"; bad=1
    done
    for s in $(comm -23 <(echo "$want") <(echo "$got")); do
        echo "$so does not export $s, which $hdr declares"; bad=1
    done
    soname=$(readelf -d "$so" | sed -n 's/.*(SONAME).*\[\(.*\)\].*/\1/p')
    if [ "$soname" != libbead.so.0 ]; then
        echo "$so has SONAME '${soname:-none}', not libbead.so.0"; bad=1
    fi
    # libbead.a: object:symbol for every defined global. Names starting with
    # __ belong to the compiler (sanitizer instrumentation), not to bead.
    local obj name
    while read -r obj name; do
        case $name in
        __*) ;;
        bd_*) ;;
        bead_*)
            grep -qx -- "$name" <<<"$want" ||
                { echo "$ar: $obj defines $name: bead_ is the public prefix, and no header declares it (internal names are bd_)"; bad=1; } ;;
        *) echo "$ar: $obj defines the global $name: internal names are bd_, public ones bead_"; bad=1 ;;
        esac
    done < <(nm -A --defined-only -g "$ar" 2>/dev/null |
             awk '{n = split($1, p, ":"); print p[n - 1], $NF}')
    got=$(nm --defined-only -g "$ar" 2>/dev/null | awk 'NF == 3 {print $3}' | sort -u)
    for s in $(comm -23 <(echo "$want") <(echo "$got")); do
        echo "$ar does not define $s, which $hdr declares"; bad=1
    done
    return $bad
}

SO=$BUILD/libbead.so.0
AR=$BUILD/libbead.a
[ -f "$SO" ] && [ -f "$AR" ] || { echo "FAIL: $SO or $AR missing"; exit 1; }
fail=0
echo "== $SO, $AR against include/bead/"
if check "$SRC/include/bead" "$SO" "$AR"; then
    echo "ok: $(declared "$SRC/include/bead" | wc -l) functions, SONAME libbead.so.0"
else
    echo "FAIL: the exported names (doc/ARCHITECTURE.md, naming)"
    fail=1
fi

# Cases that must fail: NAME | WORDS THE COMPLAINT NAMES. Each case gets a
# fresh copy of the headers and libraries and breaks one thing.
echo "== cases that must fail"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
CC=${CC:-cc}
printf 'int helper_not_prefixed(void) { return 1; }\n' >"$T/stray.c"
printf 'int bead_not_declared(void) { return 2; }\n' >"$T/undeclared.c"
printf 'int bead_only(void) { return 0; }\n' >"$T/plain.c"
"$CC" -c -fPIC -o "$T/stray.o" "$T/stray.c" &&
    "$CC" -c -fPIC -o "$T/undeclared.o" "$T/undeclared.c" &&
    "$CC" -shared -fPIC -o "$T/nosoname.so" "$T/plain.c" ||
    { echo "FAIL: cannot build the broken inputs with $CC"; exit 1; }
one_case() {
    local name=$1 want=$2 out
    if out=$(check "$T/c/include" "$T/c/libbead.so.0" "$T/c/libbead.a"); then
        echo "FAIL: $name: not caught"; fail=1
    elif ! grep -qF -- "$want" <<<"$out"; then
        echo "FAIL: $name: caught, but not with '$want':"; sed 's/^/  /' <<<"$out"; fail=1
    else
        echo "caught: $(grep -F -m1 -- "$want" <<<"$out")"
    fi
}
fresh() {
    rm -rf "$T/c"; mkdir -p "$T/c"
    cp -r "$SRC/include/bead" "$T/c/include"
    cp "$SO" "$T/c/libbead.so.0"
    cp "$AR" "$T/c/libbead.a"
}
fresh; printf 'int bead_phantom(void);\n' >>"$T/c/include/bead.h"
one_case "declared, not exported" "does not export bead_phantom"
fresh; sed -i 's/\bbead_strerror[[:space:]]*(/bead_strerror_gone(/' "$T/c/include/bead.h"
one_case "exported, not declared" "exports bead_strerror, which no header"
fresh; printf 'int bead_phantom2 (void);\n' >>"$T/c/include/segment.h"
one_case "declared with a space" "does not export bead_phantom2"
# And one that must pass: a name in a comment declares nothing.
fresh; printf '/* bead_in_a_comment(void) */\n// bead_in_a_line_comment(void)\n' >>"$T/c/include/segment.h"
if out=$(check "$T/c/include" "$T/c/libbead.so.0" "$T/c/libbead.a"); then
    echo "passed: names in comments"
else
    echo "FAIL: names in comments taken for declarations:"; sed 's/^/  /' <<<"$out"; fail=1
fi
fresh; cp "$T/nosoname.so" "$T/c/libbead.so.0"
one_case "no SONAME" "has SONAME 'none'"
fresh; ar q "$T/c/libbead.a" "$T/stray.o" 2>/dev/null
one_case "unprefixed global" "defines the global helper_not_prefixed"
fresh; ar q "$T/c/libbead.a" "$T/undeclared.o" 2>/dev/null
one_case "bead_ global not declared" "defines bead_not_declared"
exit $fail
