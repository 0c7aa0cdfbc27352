#!/usr/bin/env bash
# Issue 15: TSV fields are not quoted (quotes are text), and the README's
# pandas call reads them back as written: "Stop," he said. keeps its quotes,
# where read_csv's default quoting would eat them. Skips without pandas.
set -u
BEAD=$1; SRC=$2
PY=/usr/bin/python3
[ -x "$PY" ] || PY=python3
"$PY" -c 'import pandas' 2>/dev/null || { echo "pandas missing: skipped"; exit 77; }
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
printf '"Stop," he said.\nThen he left the room.\n' > "$T/en.a.txt"
printf '"Halt", sagte er.\nDann verließ er den Raum.\n' > "$T/de.b.txt"
"$BEAD" align --presegmented --dict none -L en,de -o "$T/pairs.tsv" "$T/en.a.txt" "$T/de.b.txt" || exit 1
"$PY" - "$T/pairs.tsv" <<'PY'
import csv, sys
import pandas as pd
df = pd.read_csv(sys.argv[1], sep="\t", header=None, quoting=csv.QUOTE_NONE,
                 keep_default_na=False, names=["en", "de", "score"])
want = '"Stop," he said.'
if df["en"][0] != want:
    sys.exit(f"FAIL: read back {df['en'][0]!r}, wanted {want!r}")
default = pd.read_csv(sys.argv[1], sep="\t", header=None)
print("ok: quotes kept with QUOTE_NONE (the default reads %r)" % default[0][0])
PY
