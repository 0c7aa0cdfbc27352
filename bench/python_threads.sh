#!/bin/bash
# The Python module on threads: the same jobs on 1 and 2 threads (bead
# releases the GIL while it segments and aligns). Writes
# bench/reports/python.md through bench/lib/python_threads.py. Not a test.
#
# Usage: bench/python_threads.sh [ROUNDS]   (default 5)
# BEAD_BENCH_BUILD=DIR builds the module in DIR (default: build-bench, Release).
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
B=${BEAD_BENCH_BUILD:-$ROOT/build-bench}
if [ ! -f "$B/CMakeCache.txt" ]; then
    cmake -S "$ROOT" -B "$B" -DCMAKE_BUILD_TYPE=Release > /dev/null
fi
if ! grep -q '^BEAD_PYTHON:BOOL=ON' "$B/CMakeCache.txt"; then
    echo "python_threads: the Python module is not built in $B (python3-dev?), skipped"
    exit 0
fi
cmake --build "$B" --target bead_python -j2 > /dev/null
PYTHONPATH=$B/python /usr/bin/python3 "$ROOT/bench/lib/python_threads.py" \
    "$ROOT/bench/reports/python.md" "${1:-5}"
