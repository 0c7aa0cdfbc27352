"""Memory: aligning 1,000 times in a loop (with the writers, the summary,
segmentation and a failing call each time) leaves the resident set where
it was after the first 100: nothing leaks per call, in C or in Python."""
import gc

import pytest

import bead
from conftest import CORPUS, FIXTURE_DICTS, read_text


def rss_kib():
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    pytest.skip("no VmRSS in /proc/self/status")


def test_rss_is_flat_over_1000_alignments(monkeypatch):
    monkeypatch.setenv("BEAD_DICT_DIR", str(FIXTURE_DICTS / "news"))
    bg = read_text(CORPUS / "bg.aljazeera.txt")
    de = read_text(CORPUS / "de.aljazeera.txt")
    en_lines = read_text(CORPUS / "en.reuters.txt").splitlines()[:6]
    de_lines = de.splitlines()[:6]
    aligner = bead.Aligner("bg,de")
    rss = {}
    for i in range(1, 1001):
        al = aligner.align([bg, de])
        al.to_tsv()
        al.to_tmx()
        assert al.summary["verdict"] == "parallel"
        assert al.aligned
        bead.segment(de, "de")
        bead.align([en_lines, de_lines], "en,de", dict="none").to_jsonl()
        try:
            bead.align(["Fine.", "Kaputt\x00."], "en,de", dict="none")
        except bead.Error:
            pass
        if i in (100, 1000):
            gc.collect()
            rss[i] = rss_kib()
    grown = rss[1000] - rss[100]
    # A leak of one document a call would be megabytes by now.
    assert grown < 2048, f"RSS grew by {grown} KiB from call 100 to call 1000"
