#!/usr/bin/env bash
# SIGINT and SIGTERM in the middle of `bead align -o out.tmx` (issue 8, CONTRACT.md):
# exit 130 / 143, and neither out.tmx nor a temporary file remains; an older
# out.tmx is left as it was.
# usage: signals_align.sh BEAD_BIN SRC_ROOT
#
# Two ways to be mid-run:
#  1. while loading: the second input is a FIFO the test holds open, so bead waits
#     on it for certain (deterministic);
#  2. while aligning or writing: two generated documents of 20,000 sentences; the
#     signal goes as soon as the temporary output file appears. If the run ends
#     before one is seen, that case is reported as not reached (not a failure).
set -u
BEAD=$(realpath "$1")
[ -x "$BEAD" ] || { echo "no program at $1"; exit 1; }
if ! "$BEAD" align --help >/dev/null 2>&1; then
    echo "SKIP: this build has no bead align"
    exit 77
fi
# No FreeDict dictionaries: loading one takes seconds (more under ASan).
export BEAD_DICT_DIR=/nonexistent/bead-test-no-dictionaries
W=$(mktemp -d)
trap 'exec 3>&- 2>/dev/null; rm -rf "$W"' EXIT
cd "$W" || exit 1
fails=0
fail() { echo "FAIL [$name]: $*"; fails=$((fails + 1)); }

check_after() {   # check_after STATUS WANT KEEP
    local got=$1 want=$2 keep=$3
    [ "$got" = "$want" ] || fail "exit $got, expected $want: $(head -c 300 stderr.txt)"
    if grep -q -e AddressSanitizer -e 'runtime error:' stderr.txt; then fail "sanitizer report"; head -20 stderr.txt; fi
    local left; left=$(ls -A out)
    if [ -n "$keep" ]; then
        [ "$left" = out.tmx ] && [ "$(cat out/out.tmx)" = precious ] ||
            fail "the older out.tmx was not kept as it was (out/ holds: $left)"
    else
        [ -z "$left" ] || fail "left behind in out/: $left"
    fi
}

for i in $(seq 1 2000); do echo "Sentence number $i is here, and it has some words."; done >en.src.txt

# 1. Signal while bead waits for its second input.
while_loading() {
    name=$1; local sig=$2 want=$3 keep=${4:-}
    rm -rf out fifo; mkdir out; mkfifo fifo
    [ -n "$keep" ] && echo precious >out/out.tmx
    "$BEAD" align -L en,de -f tmx -o out/out.tmx en.src.txt fifo 2>stderr.txt &
    local pid=$!
    exec 3<>fifo
    echo "Satz eins ist hier." >&3
    sleep 0.5
    kill -s "$sig" $pid
    local got=0
    wait $pid || got=$?
    exec 3>&-
    check_after "$got" "$want" "$keep"
    echo "$name: exit $got"
}
while_loading loading-sigint INT 130
while_loading loading-sigterm TERM 143
while_loading loading-sigint-keeps-old INT 130 keep

# 2. Signal once the temporary output exists.
python3 - <<'EOF'
import random
random.seed(7)
words = "alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu".split()
for name in ("en.big.txt", "de.big.txt"):
    with open(name, "w") as f:
        for i in range(20000):
            f.write(" ".join(random.choice(words) for _ in range(random.randint(3, 20))) + " %d.\n" % i)
EOF
while_writing() {
    name=$1; local sig=$2 want=$3
    rm -rf out; mkdir out
    "$BEAD" align --presegmented -L en,de -f tmx -o out/out.tmx en.big.txt de.big.txt 2>stderr.txt &
    local pid=$!
    local i=0
    while [ -z "$(find out -name '*.tmp*' -print -quit)" ] && kill -0 $pid 2>/dev/null && [ $i -lt 600 ]; do
        sleep 0.05; i=$((i + 1))
    done
    if ! kill -s "$sig" $pid 2>/dev/null; then
        wait $pid
        echo "$name: not reached (the run ended before a temporary file was seen)"
        return
    fi
    local got=0
    wait $pid || got=$?
    if [ "$got" = 0 ]; then
        echo "$name: not reached (the run ended as the signal came)"
        return
    fi
    # The signal may land between the rename and the exit: then out.tmx is
    # complete, which is fine; a partial one is not.
    if [ -f out/out.tmx ] && [ "$(ls -A out)" = out.tmx ] && tail -c 200 out/out.tmx | grep -q '</tmx>'; then
        if ! command -v xmllint >/dev/null || xmllint --noout out/out.tmx 2>/dev/null; then
            echo "$name: exit $got, after the output was complete (renamed into place)"
            rm -f out/out.tmx
        fi
    fi
    check_after "$got" "$want" ""
    echo "$name: exit $got"
}
while_writing writing-sigint INT 130
while_writing writing-sigterm TERM 143
[ $fails = 0 ]
