#!/usr/bin/env bash
# bead align --dict: a missing dictionary, a corrupt .dict.dz (a warning that
# names the file, then the same alignment as without it), a hunalign file,
# and a hunalign file with a bad line (exit 1, file and line named).
# BEAD_DICT_DIR points --dict auto at a scratch folder instead of
# /usr/share/dictd. Skipped (77) while bead align does not use --dict yet.
set -u
BEAD=$1
SRC=$2
if "$BEAD" align --help 2>&1 | grep -q -- "--dict.*not used yet"; then
    echo "skipped: bead align does not use --dict yet" >&2
    exit 77
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
check() { if ! eval "$2"; then echo "FAIL: $1" >&2; fail=1; fi; }

printf 'Das Haus ist alt.\nDer Hund schläft im Haus.\nDas Wasser ist kalt.\n' >"$tmp/de.txt"
printf 'The house is old.\nThe dog sleeps in the house.\nThe water is cold.\n' >"$tmp/en.txt"
mkdir "$tmp/none" "$tmp/corrupt"

# No dictionary installed: exit 0, no warning.
BEAD_DICT_DIR=$tmp/none "$BEAD" align --presegmented -L de,en -f beads --dict auto \
    "$tmp/de.txt" "$tmp/en.txt" >"$tmp/none.out" 2>"$tmp/none.err"
check "no dictionary: exit 0" "[ $? -eq 0 ]"
check "no dictionary: all beads" "[ \$(wc -l <'$tmp/none.out') -ge 1 ]"
check "no dictionary: no warning" "! grep -qi 'dictionary skipped' '$tmp/none.err'"

# A truncated .dict.dz with a good index: warning naming the file, exit 0,
# and the alignment made without it.
cp "$SRC/tests/lexicon/freedict-deu-eng.index" "$tmp/corrupt/"
head -c 200 "$SRC/tests/lexicon/freedict-deu-eng.dict.dz" >"$tmp/corrupt/freedict-deu-eng.dict.dz"
BEAD_DICT_DIR=$tmp/corrupt "$BEAD" align --presegmented -L de,en -f beads --dict auto \
    "$tmp/de.txt" "$tmp/en.txt" >"$tmp/corrupt.out" 2>"$tmp/corrupt.err"
check "corrupt .dict.dz: exit 0" "[ $? -eq 0 ]"
check "corrupt .dict.dz: warning names the file" "grep -q 'freedict-deu-eng.dict.dz' '$tmp/corrupt.err'"
check "corrupt .dict.dz: same beads as without" "cmp -s '$tmp/none.out' '$tmp/corrupt.out'"

# A hunalign dictionary.
printf 'Haus @ house\nHund @ dog\nWasser @ water\n' >"$tmp/en-de.dic"
"$BEAD" align --presegmented -L en,de -f beads --dict "$tmp/en-de.dic" \
    "$tmp/en.txt" "$tmp/de.txt" >"$tmp/hun.out" 2>"$tmp/hun.err"
check "hunalign file: exit 0" "[ $? -eq 0 ]"

# A bad line: exit 1, the message names the file and the line.
printf 'Haus @ house\nno separator here\n' >"$tmp/bad.dic"
"$BEAD" align --presegmented -L en,de -f beads --dict "$tmp/bad.dic" \
    "$tmp/en.txt" "$tmp/de.txt" >"$tmp/bad.out" 2>"$tmp/bad.err"
status=$?
check "bad hunalign line: exit 1 (was $status)" "[ $status -eq 1 ]"
check "bad hunalign line: file and line named" "grep -q 'bad.dic:2' '$tmp/bad.err'"
# The installed dictionaries (dict-freedict-deu-eng), when there.
if [ -r /usr/share/dictd/freedict-deu-eng.index ]; then
    env -u BEAD_DICT_DIR "$BEAD" align --presegmented -L de,en -f beads --dict auto \
        "$tmp/de.txt" "$tmp/en.txt" >"$tmp/real.out" 2>"$tmp/real.err"
    check "installed deu-eng: exit 0" "[ $? -eq 0 ]"
    check "installed deu-eng: no warning" "! grep -qi 'skipped' '$tmp/real.err'"
fi
[ $fail -eq 0 ] || { echo "--- stderr of the failing runs:" >&2; cat "$tmp"/*.err >&2; }
exit $fail
