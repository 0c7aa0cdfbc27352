#!/usr/bin/env bash
# Runs one CLI golden case: tests/cli/NAME/ holds
#   cmd     a bash snippet; $BEAD is the program, $SRC the source tree,
#           $TMP an empty scratch folder (the working directory), $CASE the case folder
#   exit    the expected exit status (default 0)
#   stdout  the expected standard output, exactly (optional)
#   stderr  lines that must each appear somewhere in standard error (optional)
# A snippet may print "SKIP: reason" and exit 77 when a tool it needs is missing.
set -u
BEAD=$(realpath "$1"); CASE=$(realpath "$2")
SRC=$(realpath "$CASE/../../..")
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
export BEAD SRC TMP CASE
cd "$TMP"
bash "$CASE/cmd" >"$TMP/.stdout" 2>"$TMP/.stderr" </dev/null
got=$?
if [ "$got" = 77 ]; then cat "$TMP/.stdout"; exit 77; fi
want=0; [ -f "$CASE/exit" ] && want=$(tr -d '[:space:]' <"$CASE/exit")
fail=0
if [ "$got" != "$want" ]; then echo "exit status $got, expected $want"; fail=1; fi
if [ -f "$CASE/stdout" ] && ! cmp -s "$CASE/stdout" "$TMP/.stdout"; then
    echo "stdout differs:"; diff -u "$CASE/stdout" "$TMP/.stdout" | head -40; fail=1
fi
if [ -f "$CASE/stderr" ]; then
    while IFS= read -r want_line || [ -n "$want_line" ]; do
        [ -z "$want_line" ] && continue
        if ! grep -qF -- "$want_line" "$TMP/.stderr"; then
            echo "stderr lacks: $want_line"; fail=1
        fi
    done <"$CASE/stderr"
fi
if [ $fail = 1 ]; then echo "--- stderr:"; head -20 "$TMP/.stderr"; exit 1; fi
exit 0
