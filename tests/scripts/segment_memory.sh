#!/bin/bash
# Memory: a single 50 MB line, and a 50 MB paragraph of many lines, must each
# be segmented in under 256 MB of peak RSS (windows of 1 MiB), and without
# losing a character. The input is generated here, never committed.
# Usage: segment_memory.sh BEAD_BIN SRC_ROOT
set -u
source "$(dirname "$0")/lib/skip.sh"
BEAD=$1
command -v python3 >/dev/null || skip_missing "python3 missing"
# Sanitizers add shadow memory and a quarantine: the bound is for real builds.
if grep -qa -e AddressSanitizer -e __asan_init "$BEAD"; then echo "ASan build: skipped"; exit 77; fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
LIMIT_KB=$((256 * 1024))
SIZE=50000000

yes 'Dr. Smith paid 3.50 dollars, i.e. too much. Was it worth it? Yes!' | head -c $SIZE | tr '\n' ' ' > "$tmp/line.txt"
yes 'The quick brown fox jumps over the lazy dog and keeps on running' | head -c $SIZE > "$tmp/para.txt"

fail=0
for f in line para; do
    python3 - "$BEAD" "$tmp/$f.txt" "$LIMIT_KB" <<'PY' || fail=1
import resource, subprocess, sys
bead, path, limit = sys.argv[1], sys.argv[2], int(sys.argv[3])
p = subprocess.run([bead, 'segment', '-l', 'en', path], stdout=subprocess.PIPE)
if p.returncode != 0:
    print(f"FAIL: {path}: exit {p.returncode}"); sys.exit(1)
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
ws = b' \t\n\r'
src = open(path, 'rb').read().translate(None, ws)
out = p.stdout.translate(None, ws)
if src != out:
    print(f"FAIL: {path}: characters lost or duplicated ({len(src)} vs {len(out)})"); sys.exit(1)
print(f"{path.rsplit('/',1)[1]}: {p.stdout.count(10)} sentences, peak RSS {peak // 1024} MB")
if peak > limit:
    print(f"FAIL: peak RSS {peak} kB over {limit} kB"); sys.exit(1)
PY
done
exit $fail
