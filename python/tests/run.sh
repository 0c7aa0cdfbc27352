#!/usr/bin/env bash
# run.sh PYTHON MODULE_DIR BEAD TEST_FILE: one pytest file of the bead
# module, as ctest runs it (python/CMakeLists.txt): the module built in
# MODULE_DIR first on the path, the bead program for comparison, no
# bytecode or cache written into the source tree. Skips (77) when pytest
# is missing, but fails under CI=true, like every test that lacks a test
# package (tests/scripts/lib/skip.sh).
set -u
PYTHON=$1 MODULE_DIR=$2 BEAD=$3 FILE=$4
. "$(dirname "$0")/../../tests/scripts/lib/skip.sh"
"$PYTHON" -c 'import pytest' 2>/dev/null || skip_missing "python3-pytest (for $PYTHON)"
export PYTHONPATH=$MODULE_DIR${PYTHONPATH:+:$PYTHONPATH} BEAD_BIN=$BEAD PYTHONDONTWRITEBYTECODE=1
exec "$PYTHON" -m pytest -q -p no:cacheprovider -rs "$FILE"
