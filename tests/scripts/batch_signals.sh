#!/usr/bin/env bash
# A batch killed by SIGTERM or SIGINT exits 143 or 130 and leaves no
# temporary or half-written output file; every output that exists is
# complete; the records written so far are whole lines. Rerun with
# --skip-existing, it finishes the rest, and the outputs equal those of an
# uninterrupted run.
source "$(dirname "$0")/../batch/lib.sh"
# No dictionary loading (1-2 s a run): this tests the batch machinery;
# batch_dict.sh tests --dict.
export BEAD_DICT_DIR=$T/no-dictionaries

make_jobs 300 --out-dir out
reference -j 2
[ "$ref_status" = 0 ] || fail "the reference run failed"

for sig in TERM INT; do
    rm -rf out && mkdir out
    # Jobs come through a FIFO held open, so the batch is still running when
    # the signal comes, whether or not it has finished the jobs it was given.
    rm -f fifo && mkfifo fifo
    "$BEAD" batch -j 2 < fifo > part.jsonl &
    pid=$!
    exec 3> fifo
    cat jobs.jsonl >&3 2>/dev/null &
    feeder=$!
    for _ in $(seq 1 100); do
        [ "$(ls out | wc -l)" -ge 20 ] && break
        sleep 0.05
    done
    kill -"$sig" "$pid"
    wait "$pid"
    status=$?
    exec 3>&-
    kill "$feeder" 2>/dev/null
    wait "$feeder" 2>/dev/null
    want=143; [ "$sig" = INT ] && want=130
    [ "$status" = "$want" ] || fail "SIG$sig: exit $status, expected $want"
    leftovers=$(ls out | grep -c '\.tmp\.')
    [ "$leftovers" = 0 ] || fail "SIG$sig left $leftovers temporary files"
    for f in out/*; do
        cmp -s "$f" "ref-out/${f#out/}" || fail "SIG$sig left an incomplete $f"
    done
    python3 -c 'import json,sys; [json.loads(l) for l in open("part.jsonl")]' ||
        fail "SIG$sig left a partial record"
    echo "SIG$sig: exit $status, $(ls out | wc -l) of 300 outputs done, $(wc -l < part.jsonl) records"
done

"$BEAD" batch -j 2 --skip-existing < jobs.jsonl > resumed.jsonl || fail "the resumed run failed"
skipped=$(grep -c '"skipped":true' resumed.jsonl)
[ "$skipped" -gt 0 ] || fail "--skip-existing skipped nothing"
diff -r ref-out out > /dev/null || fail "after resuming, the outputs differ from an uninterrupted run"
echo "ok: resumed with $skipped jobs skipped; outputs equal an uninterrupted run"
