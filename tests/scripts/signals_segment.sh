#!/usr/bin/env bash
# SIGINT and SIGTERM in the middle of `bead segment -o out.txt` (issue 8, CONTRACT.md):
# exit 130 / 143, and neither out.txt nor a temporary file remains. An older out.txt
# is left as it was.
# usage: signals_segment.sh BEAD_BIN SRC_ROOT
#
# The input comes through a FIFO that the test holds open after writing 2 MB, so
# bead is certainly mid-run (its temporary output exists, part-written) when the
# signal arrives: no race with a fast machine.
set -u
BEAD=$(realpath "$1")
[ -x "$BEAD" ] || { echo "no program at $1"; exit 1; }
W=$(mktemp -d)
trap 'exec 3>&- 2>/dev/null; rm -rf "$W"' EXIT
cd "$W" || exit 1
fails=0
fail() { echo "FAIL [$name]: $*"; fails=$((fails + 1)); }

python3 -c "
import sys
s = b'The quick brown fox jumps over the lazy dog. It was 3.5 m away! Why?\n'
sys.stdout.buffer.write(s * 30000)" >chunk.txt

# interrupt NAME SIGNAL EXPECTED_STATUS [keep]
interrupt() {
    name=$1; local sig=$2 want=$3 keep=${4:-}
    rm -rf out fifo; mkdir out; mkfifo fifo
    [ -n "$keep" ] && echo precious >out/out.txt
    "$BEAD" segment -l en -o out/out.txt fifo 2>stderr.txt &
    local pid=$!
    # Read-write open: never blocks, even if bead died before opening its end.
    exec 3<>fifo
    timeout 10 cat chunk.txt >&3 || echo "note [$name]: bead did not read its input"
    # Wait (at most 10 s) until the temporary output file is there.
    local i=0
    while [ -z "$(find out -name '*.tmp*' -print -quit)" ] && [ $i -lt 100 ]; do
        sleep 0.1; i=$((i + 1))
    done
    [ $i = 100 ] && echo "note [$name]: no temporary file seen in out/: $(ls -A out)"
    kill -s "$sig" $pid
    local got=0
    wait $pid || got=$?
    exec 3>&-
    [ "$got" = "$want" ] || fail "exit $got after SIG$sig, expected $want: $(head -c 300 stderr.txt)"
    if grep -q -e AddressSanitizer -e 'runtime error:' stderr.txt; then fail "sanitizer report"; head -20 stderr.txt; fi
    local left; left=$(ls -A out)
    if [ -n "$keep" ]; then
        [ "$left" = out.txt ] && [ "$(cat out/out.txt)" = precious ] ||
            fail "the older out.txt was not kept as it was (out/ holds: $left)"
    else
        [ -z "$left" ] || fail "left behind in out/: $left"
    fi
    echo "$name: exit $got"
}

interrupt sigint INT 130
interrupt sigterm TERM 143
interrupt sigint-keeps-old INT 130 keep
interrupt sigterm-keeps-old TERM 143 keep
[ $fails = 0 ]
