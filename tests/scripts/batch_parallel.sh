#!/usr/bin/env bash
# bead batch under GNU parallel (`parallel --pipe`) gives the same records and
# output files as one bead batch run; and inside one run, any number of
# threads gives the same records, --keep-order in input order.
source "$(dirname "$0")/../batch/lib.sh"
# No dictionary loading (1-2 s a run): this tests the batch machinery;
# batch_dict.sh tests --dict.
export BEAD_DICT_DIR=$T/no-dictionaries
command -v parallel >/dev/null 2>&1 || skip_missing "GNU parallel is not installed (Debian package parallel)"

make_jobs 60 --broken 13 --out-dir out
reference -j 2
[ "$ref_status" = 1 ] || fail "jobs naming missing files must make bead batch exit 1, not $ref_status"
grep -q '"status":"error","error":"docs/en.missing-00012.txt: cannot open' ref.jsonl ||
    fail "no error record for the missing file"

parallel --will-cite --pipe -N 7 -j 2 "$BEAD" batch -j 1 < jobs.jsonl > parallel.jsonl
status=$?
[ "$status" -ne 0 ] || fail "parallel must pass on bead batch's exit 1 for failed jobs"
same_as_reference parallel.jsonl out

# Threads: completion order with 4 threads, input order with --keep-order.
python3 "$SRC/tests/batch/gen_pairs.py" docs 60 --tsv --broken 17 > jobs.tsv
"$BEAD" batch -j 1 --keep-order < jobs.tsv > one.jsonl
"$BEAD" batch -j 4 < jobs.tsv > four.jsonl
python3 "$SRC/tests/batch/compare.py" one.jsonl four.jsonl || fail "-j 4 differs from -j 1"
"$BEAD" batch -j 3 --keep-order < jobs.tsv > ordered.jsonl
python3 - ordered.jsonl <<'PY' || fail "--keep-order did not keep the input order"
import json, sys
ids = [json.loads(l)["id"] for l in open(sys.argv[1])]
sys.exit(0 if ids == ["job%05d" % k for k in range(60)] else 1)
PY
echo "ok: parallel --pipe, -j 1/3/4 and --keep-order agree"
