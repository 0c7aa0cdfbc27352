# Shared by the hostile-input scripts: a scratch folder as the working
# directory, and expect(), which runs one case and checks its exit status,
# stderr, output and leftovers. Source it after setting BEAD.
W=$(mktemp -d)
trap 'chmod -R u+rwx "$W" 2>/dev/null; rm -rf "$W"' EXIT
cd "$W" || exit 1
mkdir out
fails=0
ncase=0

fail() { echo "FAIL [$name]: $*"; fails=$((fails + 1)); }

# expect NAME STATUS OUTPUT "STDERR WORDS|..." -- COMMAND...
#   OUTPUT: absent (out/out.txt must not exist), empty, nonempty, or "-" (not checked)
#   STDERR WORDS: fixed strings separated by |, each must appear in stderr ("" for none)
# Commands run in $W with stdin from /dev/null; out/ is emptied before each case.
expect() {
    name=$1; local want=$2 output=$3 words=$4; shift 5
    ncase=$((ncase + 1))
    rm -rf out; mkdir out
    local got=0
    "$@" >stdout.txt 2>stderr.txt </dev/null || got=$?
    if [ "$got" != "$want" ]; then fail "exit $got, expected $want"; sed 's/^/  stderr: /' stderr.txt | head -5; fi
    if [ "$got" -ge 128 ] && [ "$got" -lt 130 ] || [ "$got" -gt 143 ]; then fail "killed by a signal ($got)"; fi
    if grep -q -e 'AddressSanitizer' -e 'runtime error:' -e 'LeakSanitizer' stderr.txt; then
        fail "sanitizer report:"; head -20 stderr.txt
    fi
    local IFS='|' word
    for word in $words; do
        [ -z "$word" ] && continue
        grep -qF -- "$word" stderr.txt || fail "stderr lacks '$word': $(head -c 300 stderr.txt)"
    done
    case $output in
    absent) [ -e out/out.txt ] && fail "out/out.txt left behind after a failure" ;;
    empty) if [ -s out/out.txt ] || [ -s stdout.txt ]; then fail "output not empty"; fi ;;
    nonempty) [ -s out/out.txt ] || [ -s stdout.txt ] || fail "no output" ;;
    esac
    local leftover
    leftover=$(find . -name '*.tmp.*' -o -name '.*.tmp*' | head -3)
    [ -n "$leftover" ] && fail "temporary file left behind: $leftover"
    if [ "$got" = "$want" ] && [ "$want" != 0 ] && [ ! -s stderr.txt ]; then fail "no message on stderr"; fi
    return 0
}

