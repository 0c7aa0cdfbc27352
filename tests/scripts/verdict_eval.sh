#!/usr/bin/env bash
# Verdicts on the alignment dev sets in ../shared/eval (skipped without
# them): every gold pair is parallel, and texts of different sets against
# each other are unrelated. Texts whose names recur everywhere (the Bible)
# have few rare anchors, so this guards the verdict against tuning to news.
set -u
source "$(dirname "$0")/lib/skip.sh"
BEAD=$1; SRC=$2
E=$SRC/../shared/eval/align
[ -d "$E" ] || { echo "SKIP: $E missing"; exit 77; }
command -v python3 >/dev/null || skip_missing "python3 missing"
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
fail=0
verdict() {   # verdict LANGS SRC TRG -> prints the verdict
    "$BEAD" report --presegmented --mode align -L "$1" -o "$T/r.json" "$2" "$3" 2>/dev/null || { echo error; return; }
    python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["verdicts"][0]["verdict"])' "$T/r.json"
}
expect() {    # expect WANT LANGS SRC TRG
    got=$(verdict "$2" "$3" "$4")
    if [ "$got" != "$1" ]; then
        echo "$(basename "$(dirname "$3")")/$(basename "$3") - $(basename "$(dirname "$4")")/$(basename "$4"): $got, expected $1"
        fail=1
    fi
}
for d in "$E"/*/; do
    [ -f "$d/meta.json" ] && [ -f "$d/src.txt" ] && [ -f "$d/trg.txt" ] || continue
    langs=$(python3 -c 'import json,sys; print(",".join(json.load(open(sys.argv[1]))["langs"]))' "$d/meta.json")
    expect parallel "$langs" "$d/src.txt" "$d/trg.txt"
done
B=$E/bible-john-en-de-noisy; X=$E/textberg-1957
if [ -d "$B" ] && [ -d "$X" ]; then
    expect unrelated en,de "$B/src.txt" "$X/src.txt"
    expect unrelated de,fr "$B/trg.txt" "$X/trg.txt"
fi
exit $fail
