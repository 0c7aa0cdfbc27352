#!/bin/bash
# Line handling on the real corpus: the headline, the photo credit and the
# date line of the Bulgarian and English texts are sentences of their own,
# and a hard-wrapped copy of the English text segments like the original.
# Usage: segment_line_handling.sh BEAD_BIN SRC_ROOT
set -u
BEAD=$1
SRC=$2
C=$SRC/corpora/news-dprk-cyber
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
expect_line() {   # expect_line FILE N TEXT
    got=$("$BEAD" segment "$1" | sed -n "$2p")
    if [ "$got" != "$3" ]; then
        echo "FAIL: $1 sentence $2: expected '$3', got '$got'"
        fail=1
    fi
}
expect_line "$C/bg.aljazeera.txt" 1 "Световни новини без цензура!"
expect_line "$C/bg.aljazeera.txt" 3 "Снимка: aljazeera.com"
expect_line "$C/bg.aljazeera.txt" 4 "Aljazeera News | 2023-12-09 | 12:33:34"
expect_line "$C/en.reuters.txt" 1 "US, South Korea and Japan to Step up Actions on North Korean Cyberthreats"
expect_line "$C/en.reuters.txt" 2 "14:24 JST, December 9, 2023"

# Wrap every long paragraph line of the English text at 70 columns: the
# sentences must not change.
awk 'length($0) > 80 { print > "/dev/stderr" }' "$C/en.reuters.txt" 2> "$tmp/prose" > /dev/null
sed 's/$/\n/' "$tmp/prose" > "$tmp/en.paras.txt"
fold -s -w 70 "$tmp/en.paras.txt" > "$tmp/en.wrapped.txt"
if [ "$(wc -l < "$tmp/en.wrapped.txt")" -le "$(wc -l < "$tmp/en.paras.txt")" ]; then
    echo "FAIL: the wrapped copy is not wrapped"; fail=1
fi
"$BEAD" segment -l en "$tmp/en.paras.txt" > "$tmp/a"
"$BEAD" segment -l en "$tmp/en.wrapped.txt" > "$tmp/b"
if ! diff -u "$tmp/a" "$tmp/b" > "$tmp/diff"; then
    echo "FAIL: hard-wrapped text segments differently:"; head -20 "$tmp/diff"; fail=1
fi
[ "$fail" = 0 ] && echo "line handling ok ($(wc -l < "$tmp/a") sentences, wrapped and not)"
exit $fail
