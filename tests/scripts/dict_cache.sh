#!/usr/bin/env bash
# The cache of compiled dictionaries (--dict auto): the first run compiles
# into $BEAD_CACHE_DIR and later runs map the file; outputs are the same
# bytes with the cache, without it (BEAD_CACHE_DIR=none) and through
# `bead dict compile -o F` + --dict F; a damaged cache file is reported
# once by name and replaced; a changed dictionary gets a new file; a cache
# folder that cannot be made is no error; 8 concurrent first runs give the
# same outputs and leave one valid file and no temporary ones.
set -u
BEAD=$1
SRC=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
check() { if ! eval "$2"; then echo "FAIL: $1" >&2; fail=1; fi; }

mkdir "$tmp/dicts"
cp "$SRC"/tests/lexicon/freedict-deu-eng.* "$tmp/dicts/"
export BEAD_DICT_DIR=$tmp/dicts
printf 'Das Haus ist alt.\nDer Hund schläft im Haus.\nDas Wasser ist kalt.\nEin Tag.\n' >"$tmp/de.txt"
printf 'The house is old.\nThe dog sleeps in the house.\nThe water is cold.\nA day.\n' >"$tmp/en.txt"
run() {   # run NAME [ENV...]: bead align with --dict auto, output in $tmp/NAME.out
    local name=$1
    shift
    env "$@" "$BEAD" align --presegmented -L de,en -f tsv --dict auto \
        "$tmp/de.txt" "$tmp/en.txt" >"$tmp/$name.out" 2>"$tmp/$name.err"
    echo $? >"$tmp/$name.rc"
}
cache=$tmp/cache

run nocache BEAD_CACHE_DIR=none
check "no cache: exit 0" "[ \$(cat $tmp/nocache.rc) = 0 ]"
check "no cache: nothing written" "[ ! -e '$cache' ]"

run first BEAD_CACHE_DIR="$cache"
files=$(ls "$cache"/*.beadlex 2>/dev/null | wc -l)
check "first run: one compiled file" "[ $files = 1 ]"
check "first run: same output" "cmp -s '$tmp/nocache.out' '$tmp/first.out'"
file=$(ls "$cache"/*.beadlex | head -1)
check "bead dict path names it" \
    "[ \"\$(BEAD_CACHE_DIR='$cache' '$BEAD' dict path de en)\" = '$file' ]"
ino=$(stat -c %i "$file")

run second BEAD_CACHE_DIR="$cache"
check "second run: same output" "cmp -s '$tmp/nocache.out' '$tmp/second.out'"
check "second run: file reused" "[ \$(stat -c %i '$file') = $ino ]"
check "second run: no message" "! grep -v verdict '$tmp/second.err' | grep -q ."

# XDG_CACHE_HOME and HOME, when BEAD_CACHE_DIR is unset.
run xdg -u BEAD_CACHE_DIR XDG_CACHE_HOME="$tmp/xdg"
check "XDG_CACHE_HOME/bead" "ls '$tmp'/xdg/bead/*.beadlex >/dev/null 2>&1"
run home -u BEAD_CACHE_DIR -u XDG_CACHE_HOME HOME="$tmp/home"
check "HOME/.cache/bead" "ls '$tmp'/home/.cache/bead/*.beadlex >/dev/null 2>&1"

# Damaged: truncated, then a flipped byte. Said once, by name; replaced.
for how in truncate flip; do
    if [ $how = truncate ]; then
        head -c 1000 "$file" >"$tmp/cut" && cat "$tmp/cut" >"$file"
    else
        printf '\x55' | dd of="$file" bs=1 seek=900 conv=notrunc status=none
    fi
    run damaged_$how BEAD_CACHE_DIR="$cache"
    check "$how: exit 0" "[ \$(cat $tmp/damaged_$how.rc) = 0 ]"
    check "$how: same output" "cmp -s '$tmp/nocache.out' '$tmp/damaged_$how.out'"
    check "$how: reported once by name" "[ \$(grep -c '$file.*damaged' '$tmp/damaged_$how.err') = 1 ]"
    run after_$how BEAD_CACHE_DIR="$cache"
    check "$how: replaced by a good one" "! grep -q damaged '$tmp/after_$how.err'"
done

# A changed dictionary (new mtime): a new file; the old one is never used.
touch -d '2001-02-03' "$tmp/dicts/freedict-deu-eng.index"
run changed BEAD_CACHE_DIR="$cache"
check "changed source: a second file" "[ \$(ls '$cache'/*.beadlex | wc -l) = 2 ]"
check "changed source: same output" "cmp -s '$tmp/nocache.out' '$tmp/changed.out'"

# A cache folder that cannot be made (under a file): no error, no message.
: >"$tmp/afile"
run unwritable BEAD_CACHE_DIR="$tmp/afile/cache"
check "unwritable cache: exit 0" "[ \$(cat $tmp/unwritable.rc) = 0 ]"
check "unwritable cache: same output" "cmp -s '$tmp/nocache.out' '$tmp/unwritable.out'"
check "unwritable cache: no message" "! grep -v verdict '$tmp/unwritable.err' | grep -q ."

# bead dict compile -o F, then --dict F.
"$BEAD" dict compile de en -o "$tmp/de-en.beadlex" >/dev/null 2>&1
check "dict compile: exit 0" "[ $? = 0 ]"
BEAD_CACHE_DIR=none "$BEAD" align --presegmented -L de,en -f tsv --dict "$tmp/de-en.beadlex" \
    "$tmp/de.txt" "$tmp/en.txt" >"$tmp/file.out" 2>/dev/null
check "--dict FILE.beadlex: same output" "cmp -s '$tmp/nocache.out' '$tmp/file.out'"
BEAD_CACHE_DIR=none "$BEAD" align --presegmented -L en,de -f tsv --dict "$tmp/de-en.beadlex" \
    "$tmp/en.txt" "$tmp/de.txt" >/dev/null 2>"$tmp/wrong.err"
check "--dict FILE.beadlex of another pair: usage error" "[ $? = 2 ] && grep -q 'de-en' '$tmp/wrong.err'"

# 8 concurrent first runs on an empty cache.
par=$tmp/par
for i in 1 2 3 4 5 6 7 8; do run par$i BEAD_CACHE_DIR="$par" & done
wait
for i in 1 2 3 4 5 6 7 8; do
    check "concurrent $i: exit 0" "[ \$(cat $tmp/par$i.rc) = 0 ]"
    check "concurrent $i: same output" "cmp -s '$tmp/nocache.out' '$tmp/par$i.out'"
    check "concurrent $i: no message" "! grep -v verdict '$tmp/par$i.err' | grep -q ."
done
check "concurrent: one file, no temporaries" "[ \$(ls '$par' | wc -l) = 1 ]"
run par_after BEAD_CACHE_DIR="$par"
check "concurrent: the file is valid" "! grep -q damaged '$tmp/par_after.err'"
check "concurrent: valid and reused" "cmp -s '$tmp/nocache.out' '$tmp/par_after.out'"

exit $fail
