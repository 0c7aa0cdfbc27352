"""What the tests of the bead module share: where the source tree, the bead
program and the dev sets are, and running the program for comparison.

ctest runs them with PYTHONPATH at the built module and BEAD_BIN at the
built program (python/CMakeLists.txt); run by hand:
    PYTHONPATH=BUILD/python BEAD_BIN=BUILD/cli/bead /usr/bin/python3 -m pytest python/tests
"""
import os
import subprocess
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[2]
CORPUS = SRC / "corpora" / "news-dprk-cyber"
FIXTURE_DICTS = SRC / "tests" / "lexicon"
SHARED_EVAL = SRC.parent / "shared" / "eval"


def missing(what):
    """Skips for a missing test input, but fails under CI=true, where
    everything the tests need is there (tests/scripts/lib/skip.sh's rule)."""
    if os.environ.get("CI") == "true":
        pytest.fail(f"{what} is missing, and CI=true says it must be there")
    pytest.skip(f"{what} is missing")


@pytest.fixture(scope="session")
def bead_bin():
    path = os.environ.get("BEAD_BIN")
    if not path or not os.access(path, os.X_OK):
        missing("the bead program (set BEAD_BIN)")
    return path


@pytest.fixture
def run_bead(bead_bin):
    """run_bead(args..., env=None) -> (stdout, stderr) of the program,
    which must succeed."""

    def run(*args, env=None):
        proc = subprocess.run([bead_bin, *map(str, args)], capture_output=True, env=env)
        assert proc.returncode == 0, proc.stderr.decode()
        return proc.stdout.decode(), proc.stderr.decode()

    return run


def read_text(path):
    """A file as the program reads it: UTF-8, line ends untouched."""
    with open(path, encoding="utf-8", newline="") as f:
        return f.read()
