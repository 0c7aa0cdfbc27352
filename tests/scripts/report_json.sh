#!/usr/bin/env bash
# bead report -o X.json: the contract's shape (checked with python3's json),
# the German lead sentence the Bulgarian aljazeera version lacks listed
# (added with bg first, omitted with de first), verdicts for every pair.
set -u
source "$(dirname "$0")/lib/skip.sh"
BEAD=$1; SRC=$2
command -v python3 >/dev/null || skip_missing "python3 missing"
C=$SRC/corpora/news-dprk-cyber
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
fail=0
"$BEAD" report -L bg,de -o "$T/bg-de.json" "$C/bg.aljazeera.txt" "$C/de.aljazeera.txt" 2>"$T/err1" || { echo "report bg de failed"; cat "$T/err1"; fail=1; }
"$BEAD" report -o "$T/de-bg.json" "$C/de.aljazeera.txt" "$C/bg.aljazeera.txt" 2>"$T/err2" || { echo "report de bg failed"; cat "$T/err2"; fail=1; }
"$BEAD" report -o "$T/three.json" "$C/en.reuters.txt" "$C/de.aljazeera.txt" "$C/bg.aljazeera.txt" 2>"$T/err3" || { echo "report en de bg failed"; cat "$T/err3"; fail=1; }
[ $fail = 0 ] || exit 1
python3 - "$T" <<'PY' || exit 1
import json, sys
t = sys.argv[1]
LEAD = "Die drei Verbündeten äußerten Bedenken"
KEYS = ["versions", "coverage", "omitted", "added", "number_mismatches",
        "name_mismatches", "length_outliers", "lowest", "verdicts"]
bad = []

def shape(d, n, name):
    for k in KEYS:
        if k not in d:
            bad.append(f"{name}: no {k}")
    if [v["position"] for v in d["versions"]] != list(range(n)):
        bad.append(f"{name}: versions {d['versions']}")
    if sorted(d["coverage"]) != [str(v) for v in range(n)]:
        bad.append(f"{name}: coverage keys {sorted(d['coverage'])}")
    for v, x in d["coverage"].items():
        if not 0 <= x <= 1:
            bad.append(f"{name}: coverage {v} = {x}")
    for k in ("omitted", "added"):
        for e in d[k]:
            if not (isinstance(e.get("version"), int) and isinstance(e.get("index"), int)
                    and isinstance(e.get("text"), str) and e["text"]):
                bad.append(f"{name}: {k} item {e}")
            if (k == "omitted") != (e["version"] == 0):
                bad.append(f"{name}: {k} item of version {e['version']}")
    for k in ("number_mismatches", "name_mismatches", "length_outliers", "lowest"):
        for e in d[k]:
            if not isinstance(e.get("unit"), int):
                bad.append(f"{name}: {k} item {e}")
    scores = [e["score"] for e in d["lowest"]]
    if scores != sorted(scores):
        bad.append(f"{name}: lowest not in order {scores}")
    pairs = [(p["a"], p["b"]) for p in d["verdicts"]]
    want = [(a, b) for a in range(n) for b in range(a + 1, n)]
    if pairs != want:
        bad.append(f"{name}: verdict pairs {pairs}")
    for p in d["verdicts"]:
        if p["verdict"] not in ("parallel", "comparable", "unrelated"):
            bad.append(f"{name}: verdict {p}")
    return d

bgde = shape(json.load(open(f"{t}/bg-de.json")), 2, "bg-de")
debg = shape(json.load(open(f"{t}/de-bg.json")), 2, "de-bg")
three = shape(json.load(open(f"{t}/three.json")), 3, "en-de-bg")
# Listed as such, not as a doubtful ("weak") unit.
if not any(e["version"] == 1 and LEAD in e["text"] and not e.get("weak") for e in bgde["added"]):
    bad.append("bg-de: the German lead sentence is not among the added sentences (or only as weak)")
if not any(e["version"] == 0 and LEAD in e["text"] and not e.get("weak") for e in debg["omitted"]):
    bad.append("de-bg: the German lead sentence is not among the omitted sentences (or only as weak)")
if bgde["verdicts"][0]["verdict"] != "parallel":
    bad.append(f"bg-de: verdict {bgde['verdicts'][0]}")
v3 = {(p["a"], p["b"]): p["verdict"] for p in three["verdicts"]}
if v3 != {(0, 1): "comparable", (0, 2): "comparable", (1, 2): "parallel"}:
    bad.append(f"en-de-bg verdicts {v3}")
for b in bad:
    print(b)
sys.exit(1 if bad else 0)
PY
