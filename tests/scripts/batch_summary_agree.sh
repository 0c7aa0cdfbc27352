#!/usr/bin/env bash
# A batch record and `bead align --summary-json` describe the same alignment
# the same way: equal "beads" (counts per type, in the same key order),
# "mean_score" and "verdict" for the same pair. The pair is parallel with a
# sentence that has no counterpart on either side, so that there are 1-0
# and 0-1 beads: a mean over all beads (what batch records once gave) differs
# from the mean over paired beads (the summary's), and this test fails.
source "$(dirname "$0")/../batch/lib.sh"

mkdir dicts   # no dictionary, whatever is installed: both runs alike
export BEAD_DICT_DIR=$T/dicts
cat > en.txt <<'TXT'
The council met on 12 March 2022 in Sofia.
It approved a budget of 4.5 million euros for the new tram line.
The weather in the capital had been unusually cold all week.
Mayor Ivanova said the plan would start in May.
The first trams will run between the station and the university.
Nobody voted against it.
Two members of the council were absent.
The next meeting will be held on 9 April.
TXT
cat > de.txt <<'TXT'
Der Rat trat am 12. März 2022 in Sofia zusammen.
Er billigte einen Haushalt von 4,5 Millionen Euro für die neue Straßenbahnlinie.
Bürgermeisterin Ivanova sagte, der Plan beginne im Mai.
Die ersten Straßenbahnen werden zwischen dem Bahnhof und der Universität fahren.
Niemand stimmte dagegen.
Zwei Mitglieder des Rates fehlten.
Die Opposition hatte zuvor eine Anhörung der Anwohner verlangt.
Die nächste Sitzung findet am 9. April statt.
TXT
printf '{"id":"file","src":"en.txt","trg":"de.txt","langs":"en,de"}\n' > jobs.jsonl
python3 - > jobs_inline.jsonl <<'PY' || fail "writing the inline job"
import json
print(json.dumps({"id": "inline", "src_text": open("en.txt").read(),
                  "trg_text": open("de.txt").read(), "langs": ["en", "de"]}))
PY
cat jobs_inline.jsonl >> jobs.jsonl

"$BEAD" align -L en,de --summary-json summary.json en.txt de.txt > aligned.tsv 2> align.err ||
    { cat align.err; fail "bead align exited $?"; }
"$BEAD" batch -j 1 < jobs.jsonl > records.jsonl 2> batch.err ||
    { cat batch.err; fail "bead batch exited $?"; }

python3 - <<'PY' || fail "batch records and the summary JSON disagree"
import json, sys
with open("summary.json") as f:
    summary = json.load(f)
if summary["verdict"] != "parallel":
    sys.exit("the fixture pair is %s, not parallel: the test needs a parallel pair"
             % summary["verdict"])
if not summary["beads"]["1-0"] or not summary["beads"]["0-1"]:
    sys.exit("the fixture pair has no 1-0 or 0-1 bead: %s" % summary["beads"])
bad = 0
with open("records.jsonl") as f:
    for line in f:
        rec = json.loads(line)
        for key in ("beads", "mean_score", "verdict"):
            # Key order matters too: the contract lists the eight types first.
            a = json.dumps(rec.get(key))
            b = json.dumps(summary[key])
            if a != b:
                print("job %s: %s is %s in the batch record, %s in the summary JSON"
                      % (rec["id"], key, a, b))
                bad += 1
sys.exit(1 if bad else 0)
PY
exit 0
