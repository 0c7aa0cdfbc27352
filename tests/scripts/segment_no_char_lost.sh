#!/bin/bash
# "No character lost": for every corpus text and for inputs with combining
# characters, CRLF, lone CR, tabs, NBSP and a BOM, the sentences joined equal
# NFC(input) with all whitespace and the leading BOM removed.
# Usage: segment_no_char_lost.sh BEAD_BIN SRC_ROOT
set -u
source "$(dirname "$0")/lib/skip.sh"
BEAD=$1
SRC=$2
command -v python3 >/dev/null || skip_missing "python3 missing"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

printf '\xef\xbb\xbfCafe\xcc\x81 au lait.\r\nNoe\xcc\x88l\tcame.\rHe said\xc2\xa0"hi".\n\n\xe2\x80\x83Dr. X. left\xe2\x80\xa8now.   \n' > "$tmp/en.mixed.txt"
printf 'Line one of a paragraph\nline two.\n\n\n  \t \nSecond paragraph.' > "$tmp/en.lines.txt"

fail=0
check() {   # check FILE LANG
    if ! "$BEAD" segment -l "$2" "$1" > "$tmp/out" 2> "$tmp/err"; then
        echo "FAIL: bead segment $1: $(cat "$tmp/err")"
        fail=1
        return
    fi
    python3 - "$1" "$tmp/out" <<'PY' || fail=1
import sys, unicodedata, re
src = open(sys.argv[1], encoding='utf-8', newline='').read()
if src.startswith('\ufeff'):
    src = src[1:]
out = open(sys.argv[2], encoding='utf-8', newline='').read()
ws = re.compile(r'[\s\u001c-\u001f\ufeff]+')
a = ws.sub('', unicodedata.normalize('NFC', src))
b = ws.sub('', out)
if a != b:
    i = next((k for k in range(min(len(a), len(b))) if a[k] != b[k]), min(len(a), len(b)))
    print(f"FAIL: {sys.argv[1]}: text differs at character {i}: {a[i:i+30]!r} vs {b[i:i+30]!r}")
    sys.exit(1)
if unicodedata.normalize('NFC', out) != out:
    print(f"FAIL: {sys.argv[1]}: output is not NFC")
    sys.exit(1)
PY
}

n=0
for f in "$SRC"/corpora/news-dprk-cyber/*.txt "$tmp"/en.*.txt; do
    lang=$(basename "$f"); lang=${lang%%.*}
    check "$f" "$lang"
    n=$((n + 1))
done
[ "$n" -ge 5 ] || { echo "FAIL: only $n inputs found"; exit 1; }
[ "$fail" = 0 ] && echo "no character lost in $n inputs"
exit $fail
