#!/usr/bin/env bash
# CPU time and peak memory of `bead align` in two builds, for a change that
# must not make bead slower or bigger (a refactor, a speed-up). Runs, with
# default options and --presegmented:
#   - the three Bible dev sets (../shared/eval/align/bible-john-*-noisy);
#   - unless --quick, a pair of 100,000 sentences a side made by
#     bench/lib/scaled_pair.py from the bg-de Bible set (as align_identical.sh
#     makes it).
# Each case runs --runs N times per build (default 5), REF and NEW taking
# turns, under /usr/bin/time -f '%U %S %M' (Debian package "time"). It prints
# a markdown table: the best (lowest) user+sys CPU time and the highest peak
# RSS of each build, NEW/REF ratios, and "WORSE" where NEW is more than 3%
# above REF in either. CPU time is noisy on a loaded machine; rerun a flagged
# case with more runs before believing it. A tool for developers, not a
# benchmark (bench/run does not run bench/lib).
#
# Usage: bench/lib/perf_compare.sh REF_BEAD NEW_BEAD [--runs N] [--quick]
# Exit status: 0 the table was written (flagged or not), 2 usage error or a
# run failed.
set -u
usage() { sed -n '/^# Usage:/,/^# run failed/s/^# \{0,1\}//p' "$0" >&2; exit 2; }
REF='' NEW='' RUNS=5 QUICK=0
while [ $# -gt 0 ]; do
    case $1 in
        --quick) QUICK=1 ;;
        --runs) [ $# -ge 2 ] || usage; RUNS=$2; shift ;;
        --runs=*) RUNS=${1#--runs=} ;;
        -h|--help) usage ;;
        -*) echo "perf_compare.sh: unknown option $1" >&2; usage ;;
        *) if [ -z "$REF" ]; then REF=$1; elif [ -z "$NEW" ]; then NEW=$1; else usage; fi ;;
    esac
    shift
done
[ -n "$REF" ] && [ -n "$NEW" ] || usage
case $RUNS in ''|*[!0-9]*|0) echo "perf_compare.sh: --runs needs a positive count" >&2; exit 2 ;; esac
for b in "$REF" "$NEW"; do
    [ -x "$b" ] && [ -f "$b" ] || { echo "perf_compare.sh: $b is not an executable" >&2; exit 2; }
done
[ -x /usr/bin/time ] || { echo "perf_compare.sh: needs /usr/bin/time (apt-get install time)" >&2; exit 2; }
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
EVAL=$ROOT/../shared/eval/align
TMP=$(mktemp -d); trap 'rm -rf "$TMP"' EXIT

# best NAME ARGS...: sets BEST_R BEST_N (seconds) and RSS_R RSS_N (KB).
measure() {
    local name=$1; shift
    BEST_R='' BEST_N='' RSS_R=0 RSS_N=0
    local k side bin t u s m
    for k in $(seq "$RUNS"); do
        for side in R N; do
            if [ $side = R ]; then bin=$REF; else bin=$NEW; fi
            if ! /usr/bin/time -f '%U %S %M' -o "$TMP/time" "$bin" align "$@" >/dev/null 2>"$TMP/err"; then
                echo "perf_compare.sh: $name: $bin failed:" >&2; cat "$TMP/err" >&2; exit 2
            fi
            read -r u s m <"$TMP/time"
            t=$(awk -v u="$u" -v s="$s" 'BEGIN { printf "%.2f", u + s }')
            if [ $side = R ]; then
                [ -z "$BEST_R" ] || awk -v a="$t" -v b="$BEST_R" 'BEGIN { exit !(a < b) }' && BEST_R=$t
                [ "$m" -gt "$RSS_R" ] && RSS_R=$m
            else
                [ -z "$BEST_N" ] || awk -v a="$t" -v b="$BEST_N" 'BEGIN { exit !(a < b) }' && BEST_N=$t
                [ "$m" -gt "$RSS_N" ] && RSS_N=$m
            fi
        done
    done
}

ROWS=() flagged=0
row() {   # NAME ARGS...
    local name=$1; shift
    echo "perf_compare.sh: $name ($RUNS runs each)" >&2
    measure "$name" "$@"
    local line
    line=$(awk -v n="$name" -v tr="$BEST_R" -v tn="$BEST_N" -v mr="$RSS_R" -v mn="$RSS_N" 'BEGIN {
        ct = tr > 0 ? tn / tr : (tn > 0 ? 99 : 1); cm = mr > 0 ? mn / mr : 1;
        flag = "";
        if (ct > 1.03) flag = flag "WORSE cpu ";
        if (cm > 1.03) flag = flag "WORSE rss ";
        printf "| %s | %.2f | %.2f | %.3f | %.1f | %.1f | %.3f | %s |", n, tr, tn, ct, mr / 1024, mn / 1024, cm, flag
    }')
    case $line in *WORSE*) flagged=$((flagged + 1)) ;; esac
    ROWS+=("$line")
}

for p in bg-de bg-en en-de; do
    d=$EVAL/bible-john-$p-noisy
    [ -d "$d" ] || { echo "perf_compare.sh: no $d, skipped" >&2; continue; }
    row "bible $p" --presegmented -L ${p/-/,} "$d/src.txt" "$d/trg.txt"
done
if [ $QUICK = 0 ]; then
    d=$EVAL/bible-john-bg-de-noisy
    if [ -d "$d" ]; then
        python3 "$ROOT/bench/lib/scaled_pair.py" "$d" 100000 "$TMP/s.txt" "$TMP/t.txt" "$TMP/g.txt"
        row "scaled 100k bg-de" --presegmented -L bg,de "$TMP/s.txt" "$TMP/t.txt"
    fi
fi

echo "REF: $REF"
echo "NEW: $NEW"
echo "best of $RUNS user+sys CPU seconds, highest peak RSS (MB); ratio NEW/REF; WORSE: more than 3% above REF"
echo
echo "| case | REF cpu s | NEW cpu s | cpu ratio | REF rss MB | NEW rss MB | rss ratio | flag |"
echo "|---|---|---|---|---|---|---|---|"
printf '%s\n' "${ROWS[@]}"
echo
[ $flagged = 0 ] && echo "no case more than 3% worse" || echo "$flagged case(s) more than 3% worse"
exit 0
