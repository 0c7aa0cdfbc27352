#!/usr/bin/env python3
"""Compares two sets of `bead batch` results by id, ignoring "seconds" (the
contract's rule for comparing runs). Each argument is a results file (JSON
Lines). Exit 0 when they hold the same ids with equal records; otherwise the
differences are printed and the exit is 1."""
import json
import sys


def load(path):
    records = {}
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            rec = json.loads(line)
            rec.pop("seconds", None)
            key = json.dumps(rec.get("id"))
            if key in records:
                sys.exit("%s:%d: id %s appears twice" % (path, n, key))
            records[key] = rec
    return records


a, b = load(sys.argv[1]), load(sys.argv[2])
problems = []
for key in sorted(set(a) | set(b)):
    if key not in a:
        problems.append("only in %s: %s" % (sys.argv[2], key))
    elif key not in b:
        problems.append("only in %s: %s" % (sys.argv[1], key))
    elif a[key] != b[key]:
        problems.append("differs: %s\n  %s\n  %s" % (key, json.dumps(a[key])[:300], json.dumps(b[key])[:300]))
if not a:
    problems.append("no records at all")
for p in problems[:20]:
    print(p)
if problems:
    print("%d difference(s) between %s and %s" % (len(problems), sys.argv[1], sys.argv[2]))
    sys.exit(1)
print("same %d records" % len(a))
