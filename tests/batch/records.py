#!/usr/bin/env python3
"""Canonical form of `bead batch` result records, for tests.

Reads records (JSON Lines) on stdin and prints each with sorted keys and
without what legitimately varies between runs: "seconds" always, and with
--no-scores also "mean_score" and the score column of inline TSV (so that
golden files test batch, not the aligner's numbers). --sort orders records
by id, for runs whose completion order differs."""
import json
import sys

no_scores = "--no-scores" in sys.argv
records = []
for line in sys.stdin:
    rec = json.loads(line)
    rec.pop("seconds", None)
    if no_scores:
        rec.pop("mean_score", None)
        if "tsv" in rec:
            rec["tsv"] = "".join(
                row.rsplit("\t", 1)[0] + "\n" for row in rec["tsv"].splitlines(True))
    records.append(rec)
if "--sort" in sys.argv:
    records.sort(key=lambda r: json.dumps(r.get("id"), ensure_ascii=False))
for rec in records:
    print(json.dumps(rec, sort_keys=True, ensure_ascii=False))
