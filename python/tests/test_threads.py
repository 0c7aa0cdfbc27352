"""Threads: one Aligner shared by several threads gives what it gives
alone, and segmentation and alignment release the GIL (another thread
keeps running Python meanwhile). Speed is bench/python_threads.py's."""
import threading
import time

import bead
from conftest import CORPUS, FIXTURE_DICTS, read_text

BG = read_text(CORPUS / "bg.aljazeera.txt")
DE = read_text(CORPUS / "de.aljazeera.txt")
EN = read_text(CORPUS / "en.reuters.txt")


def run_threads(n, work):
    errors = []

    def guarded(k):
        try:
            work(k)
        except BaseException as e:   # reported in the main thread
            errors.append(e)

    threads = [threading.Thread(target=guarded, args=(k,)) for k in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors, errors


def test_shared_aligner_gives_the_same_in_threads(monkeypatch):
    monkeypatch.setenv("BEAD_DICT_DIR", str(FIXTURE_DICTS / "news"))
    jobs = [(bead.Aligner("bg,de"), [BG, DE]), (bead.Aligner("en,de"), [EN, DE]),
            (bead.Aligner("bg,de,en"), [BG, DE, EN])]
    want = [aligner.align(texts).to_tsv() for aligner, texts in jobs]
    got = [None] * 12

    def work(k):
        aligner, texts = jobs[k % len(jobs)]
        got[k] = aligner.align(texts).to_tsv()

    run_threads(len(got), work)
    assert got == want * 4


def longest_stall(call):
    """Runs call() in a thread while this one keeps stamping the clock;
    returns (seconds the call took, the longest gap between stamps)."""
    done = threading.Event()
    took = []

    def worker():
        t0 = time.perf_counter()
        call()
        took.append(time.perf_counter() - t0)
        done.set()

    t = threading.Thread(target=worker)
    last = time.perf_counter()
    gap = 0.0
    t.start()
    while not done.is_set():
        now = time.perf_counter()
        gap = max(gap, now - last)
        last = now
    t.join()
    return took[0], gap


def test_the_gil_is_released():
    big = ["\n\n".join([BG] * 10), "\n\n".join([DE] * 10)]
    aligner = bead.Aligner("bg,de", dict="none")
    for name, call in [("align", lambda: aligner.align(big)),
                       ("segment", lambda: bead.segment("\n\n".join([BG] * 1000), "bg"))]:
        took, gap = longest_stall(call)
        # Holding the GIL, the call would stop this thread for all of its
        # time; released, this thread waits a switch interval at most
        # (a loaded machine stretches both alike).
        assert gap < 0.5 * took, f"{name}: took {took:.3f}s, this thread stalled {gap:.3f}s"
