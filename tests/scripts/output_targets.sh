#!/usr/bin/env bash
# Where -o writes (issue 14, "Output files"): a symlink's target is replaced
# and the link stays; a link to the process's own standard output, a FIFO and
# a device are written in place; new files get 0666 less the umask, replaced
# ones keep their mode; a name of 250 bytes works (the temporary name fits
# NAME_MAX); a multi-file output (moses) on a full disk leaves no file; a
# reader that closes the pipe ends bead quietly with 141; bead align's
# alignment, --summary-json and --report are committed together; the terminating
# signals remove temporary files and exit 128+signal. Special files are made
# in a scratch folder (and a full disk in a private mount namespace), never
# on the machine's own /dev.
# usage: output_targets.sh BEAD_BIN SRC_ROOT
set -u
BEAD=$(realpath "$1")
ROOT=$(realpath "$2")
export BEAD_DICT_DIR=/nonexistent/bead-test-no-dictionaries
. "$(dirname "$(realpath "$0")")/lib/hostile.sh"
EN=$ROOT/corpora/news-dprk-cyber/en.reuters.txt
DE=$ROOT/corpora/news-dprk-cyber/de.aljazeera.txt
BG=$ROOT/corpora/news-dprk-cyber/bg.aljazeera.txt
"$BEAD" segment "$EN" >want.txt || fail "plain segment failed"
check() { name=$1; ncase=$((ncase + 1)); }

check "symlink to the process's stdout"
ln -s /proc/self/fd/1 stdout-link
"$BEAD" segment -o stdout-link "$EN" >got.txt
[ -L stdout-link ] || fail "the link was replaced by a file"
cmp -s want.txt got.txt || fail "output did not reach standard output"

check "/dev/stdout as -o (in a private /dev)"
# A bead that renames over /dev/stdout would replace the machine's own link:
# the case runs where /dev is a scratch tmpfs of a private mount namespace.
if unshare -m true 2>/dev/null; then
    unshare -m bash -c '
        mount -t tmpfs tmpfs /dev || exit 77
        ln -s /proc/self/fd/1 /dev/stdout
        "$1" segment -o /dev/stdout "$2" >"$3/got.txt"
        [ -L /dev/stdout ] && echo link >"$3/still"' _ "$BEAD" "$EN" "$W"
    [ -e still ] || fail "/dev/stdout is no longer a link"
    cmp -s want.txt got.txt || fail "output did not reach standard output"
elif [ "${CI:-}" = true ]; then
    fail "no private mount namespace (unshare -m) under CI"
fi

check "symlink to a regular file"
echo old >real.txt
ln -s real.txt file-link
"$BEAD" segment -o file-link "$EN" || fail "exit $?"
[ -L file-link ] || fail "the link was replaced"
cmp -s want.txt real.txt || fail "the link's target does not hold the output"

check "dangling symlink"
ln -s made-by-bead.txt dangling
"$BEAD" segment -o dangling "$EN" || fail "exit $?"
[ -L dangling ] && cmp -s want.txt made-by-bead.txt || fail "target not created through the link"

check "FIFO"
mkfifo fifo
cat fifo >from-fifo.txt &
reader=$!
"$BEAD" segment -o fifo "$EN" || fail "exit $?"
wait $reader
[ -p fifo ] || fail "the FIFO was replaced"
cmp -s want.txt from-fifo.txt || fail "the FIFO's reader did not get the output"

check "new file under umask 077 and 022"
(umask 077; "$BEAD" segment -o m077.txt "$EN")
(umask 022; "$BEAD" segment -o m022.txt "$EN")
[ "$(stat -c %a m077.txt)" = 600 ] || fail "umask 077 gave $(stat -c %a m077.txt)"
[ "$(stat -c %a m022.txt)" = 644 ] || fail "umask 022 gave $(stat -c %a m022.txt)"

check "an existing file keeps its mode"
echo old >keep.txt; chmod 640 keep.txt
(umask 022; "$BEAD" segment -o keep.txt "$EN")
[ "$(stat -c %a keep.txt)" = 640 ] || fail "mode became $(stat -c %a keep.txt)"

check "a 250-byte file name"
long=$(printf 'n%.0s' $(seq 246)).txt
"$BEAD" segment -o "$long" "$EN" || fail "exit $?"
cmp -s want.txt "$long" || fail "no output under the long name"

check "closed pipe"
yes 'A line here. Another one.' | head -n 200000 | "$BEAD" segment -l en - 2>pipe.err | head -n 1 >/dev/null
rc=${PIPESTATUS[2]}
[ "$rc" = 141 ] || fail "exit $rc, expected 141"
[ -s pipe.err ] && fail "a message on stderr: $(head -c 200 pipe.err)"

for sig in HUP QUIT USR1 USR2 ALRM INT TERM; do
    check "SIG$sig removes temporary files"
    num=$(kill -l "$sig")
    rm -rf sigdir; mkdir sigdir
    yes 'A line here. Another one.' | head -n 3000000 >big.txt
    "$BEAD" segment -l en -o sigdir/out.txt big.txt &
    pid=$!
    for _ in $(seq 400); do   # up to 20 s for the temporary file on a loaded machine
        [ -n "$(ls sigdir)" ] && break
        sleep 0.05
    done
    kill -s "$sig" $pid
    wait $pid; rc=$?
    [ "$rc" = $((128 + num)) ] || fail "exit $rc, expected $((128 + num))"
    [ -z "$(ls -A sigdir)" ] || fail "left behind: $(ls -A sigdir)"
done

check "moses on a full disk leaves no file"
if unshare -m true 2>/dev/null; then
    mkdir full
    unshare -m bash -c '
        mount -t tmpfs -o size=8k tmpfs "$1" || exit 77
        "$2" align -L bg,de -f moses -o "$1/m" "$3" "$4"
        echo "exit $?" >"$5/moses.rc"
        ls -A "$1" >"$5/moses.left"' _ "$W/full" "$BEAD" "$BG" "$DE" "$W"
    grep -q '^exit 1$' moses.rc || fail "moses on a full disk: $(cat moses.rc)"
    [ -s moses.left ] && fail "left behind: $(cat moses.left)"
elif [ "${CI:-}" = true ]; then
    fail "no private mount namespace (unshare -m) under CI"
else
    echo "note: no unshare -m here: the full-disk case is not checked"
fi

check "align: alignment, summary and report on a full disk leave no file"
# The summary and the report are small and fit; the alignment does not: all
# three are written before any is renamed, so none may be left.
if unshare -m true 2>/dev/null; then
    mkdir -p full3
    for i in $(seq 1 20); do cat "$EN"; done >en.long.txt
    for i in $(seq 1 20); do cat "$DE"; done >de.long.txt
    unshare -m bash -c '
        mount -t tmpfs -o size=64k tmpfs "$1" || exit 77
        "$2" align -L en,de -f tmx -o "$1/a.tmx" --summary-json "$1/s.json" --report "$1/r.json" "$3" "$4"
        echo "exit $?" >"$5/align.rc"
        ls -A "$1" >"$5/align.left"' _ "$W/full3" "$BEAD" en.long.txt de.long.txt "$W"
    grep -q '^exit 1$' align.rc || fail "align on a full disk: $(cat align.rc)"
    [ -s align.left ] && fail "left behind: $(cat align.left)"
elif [ "${CI:-}" = true ]; then
    fail "no private mount namespace (unshare -m) under CI"
fi

check "align: a failed report keeps the alignment and summary from being written"
rm -rf multi; mkdir multi
"$BEAD" align -L en,de -o multi/a.tsv --summary-json multi/s.json --report multi/no-such-dir/r.json "$EN" "$DE" 2>multi.err
rc=$?
[ "$rc" = 1 ] || fail "exit $rc, expected 1"
[ -z "$(ls -A multi)" ] || fail "left behind: $(ls -A multi)"

echo "$ncase cases, $fails failures"
[ $fails = 0 ]
