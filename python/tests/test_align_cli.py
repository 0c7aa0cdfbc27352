"""bead.align gives what `bead align` gives: the same units, texts and
scores (TSV, JSON Lines, beads and TMX byte for byte), and the verdict,
coverage and model of its summary JSON, on the seed corpus and on a
presegmented dev set; with the dictionaries --dict auto, none and FILE
load, from the same folder ($BEAD_DICT_DIR). Most cases read the small
fixture dictionary (tests/lexicon/news) through BEAD_DICT_DIR, so that
they run in seconds; test_installed_dictionaries uses what is installed."""
import json
import os
import re

import pytest

import bead
from conftest import CORPUS, FIXTURE_DICTS, SHARED_EVAL, missing, read_text

# (files, mode, what the pair is)
CASES = [
    (("bg.aljazeera.txt", "de.aljazeera.txt"), "auto"),      # parallel
    (("en.reuters.txt", "de.aljazeera.txt"), "auto"),        # comparable: mined pairs
    (("en.reuters.txt", "de.aljazeera.txt"), "align"),
    (("de.cryptopolitan.txt", "en.reuters.txt"), "auto"),    # another story
    (("bg.aljazeera.txt", "de.aljazeera.txt", "en.reuters.txt"), "auto"),
]


def score_text(score):
    """A score as the writers print it (%.4f of the rounded ten-thousandths)."""
    k = 0 if not score > 0 else 10000 if score >= 1 else int(score * 10000 + 0.5)
    return f"{k // 10000}.{k % 10000:04d}"


def without_seconds(summary):
    # "dictionaries" is the program's own note of what it loaded (the
    # library's summary does not know where a lexicon came from).
    return {k: v for k, v in summary.items() if k not in ("seconds", "dictionaries")}


def cli_align(run_bead, tmp_path, paths, langs, *extra, fmt="tsv", env=None):
    summary = tmp_path / f"summary-{fmt}.json"
    out, _ = run_bead("align", "-L", ",".join(langs), "-f", fmt, "--summary-json", summary,
                      *extra, *paths, env=env)
    return out, json.loads(summary.read_text())


@pytest.mark.parametrize("files,mode", CASES, ids=["-".join(f[:3]) + "-" + m for f, m in CASES])
def test_same_as_the_program(files, mode, run_bead, tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    monkeypatch.setenv("BEAD_DICT_DIR", str(FIXTURE_DICTS / "news"))
    paths = [str(CORPUS / f) for f in files]
    langs = [f.split(".")[0] for f in files]
    texts = [read_text(p) for p in paths]
    al = bead.align(texts, langs, mode=mode, names=paths)

    tsv, summary = cli_align(run_bead, tmp_path, paths, langs, "--mode", mode,
                             env=dict(os.environ))
    assert al.to_tsv() == tsv
    rows = [line.split("\t") for line in tsv.splitlines()]
    assert [[*u.texts, score_text(u.score)] for u in al.aligned] == rows

    assert without_seconds(al.summary) == without_seconds(summary)
    assert al.verdict == summary["verdict"]
    assert al.coverage == summary["coverage"]
    assert al.model == summary.get("model")
    assert al.beads == summary["beads"] and al.unaligned == summary["unaligned"]
    if len(files) > 2:
        assert al.pairs == summary["pairs"]
    else:
        assert al.pairs[0]["verdict"] == summary["verdict"]

    for fmt, ours in (("jsonl", al.to_jsonl()), ("beads", al.to_beads()), ("tmx", al.to_tmx())):
        theirs, _ = cli_align(run_bead, tmp_path, paths, langs, "--mode", mode, fmt=fmt,
                              env=dict(os.environ))
        assert ours == theirs, fmt


@pytest.mark.parametrize("files", [("bg.aljazeera.txt", "de.aljazeera.txt"),
                                   ("en.reuters.txt", "de.aljazeera.txt")])
def test_installed_dictionaries(files, run_bead, tmp_path):
    """dict="auto" with the dictionaries installed (FreeDict in
    /usr/share/dictd, or wherever BEAD_DICT_DIR says), as the program."""
    paths = [str(CORPUS / f) for f in files]
    langs = [f[:2] for f in files]
    al = bead.align([read_text(p) for p in paths], langs)
    tsv, summary = cli_align(run_bead, tmp_path, paths, langs)
    assert al.to_tsv() == tsv
    assert without_seconds(al.summary) == without_seconds(summary)


def test_verdicts_of_the_corpus():
    """The cases above cover each verdict (else they would prove less)."""
    def verdict(a, b):
        return bead.align([read_text(CORPUS / a), read_text(CORPUS / b)],
                          [a[:2], b[:2]], dict="none").verdict

    assert verdict("bg.aljazeera.txt", "de.aljazeera.txt") == "parallel"
    assert verdict("en.reuters.txt", "de.aljazeera.txt") == "comparable"
    assert verdict("de.cryptopolitan.txt", "en.reuters.txt") == "unrelated"


def test_mined_pairs_of_a_comparable_pair():
    en, de = read_text(CORPUS / "en.reuters.txt"), read_text(CORPUS / "de.aljazeera.txt")
    al = bead.align([en, de], ["en", "de"], dict=FIXTURE_DICTS / "hunalign-en-de.dic")
    assert al.verdict == "comparable"
    assert al.aligned and all(u.type == "1-1" for u in al.aligned)
    # what is printed are the mined pairs; the monotone alignment covers all
    covered = sum(len(u.indices[0]) for u in al.covering_units)
    assert covered == len(al.sentences[0])
    assert len(al.units) < len(al.covering_units)


@pytest.mark.parametrize("how", ["none", "file", "dict-dir"])
def test_dictionaries_as_the_program_loads_them(how, run_bead, tmp_path, monkeypatch):
    paths = [str(CORPUS / "en.reuters.txt"), str(CORPUS / "de.aljazeera.txt")]
    texts = [read_text(p) for p in paths]
    if how == "none":
        spec, extra = "none", ["--dict", "none"]
    elif how == "file":
        spec = str(FIXTURE_DICTS / "hunalign-en-de.dic")
        extra = ["--dict", spec]
    else:   # BEAD_DICT_DIR, read by the module as by the program
        monkeypatch.setenv("BEAD_DICT_DIR", str(FIXTURE_DICTS / "news"))
        assert bead.dict_dir() == str(FIXTURE_DICTS / "news")
        spec, extra = "auto", []
    aligner = bead.Aligner(["en", "de"], dict=spec)
    al = aligner.align(texts)
    tsv, summary = cli_align(run_bead, tmp_path, paths, ["en", "de"], *extra,
                             env=dict(os.environ))
    assert al.to_tsv() == tsv
    assert without_seconds(al.summary) == without_seconds(summary)
    if how == "dict-dir":
        assert aligner.dictionaries == [("en", "de", aligner.dictionaries[0][2])]
        assert aligner.dictionaries[0][2] > 0


def test_dict_dir_follows_the_environment(monkeypatch):
    monkeypatch.delenv("BEAD_DICT_DIR", raising=False)
    assert bead.dict_dir() == "/usr/share/dictd"
    monkeypatch.setenv("BEAD_DICT_DIR", "")
    assert bead.dict_dir() == "/usr/share/dictd"
    assert bead.dict_dir({"BEAD_DICT_DIR": "/x"}) == "/x"


def lines_of(path):
    """A presegmented file's lines as the program reads them (\\n, \\r\\n and
    \\r end a line; other breaks do not)."""
    lines = re.split(r"\r\n|\r|\n", read_text(path))
    return lines[:-1] if lines and lines[-1] == "" else lines


def test_presegmented_dev_set(run_bead, tmp_path, monkeypatch):
    dev = SHARED_EVAL / "align" / "bible-john-en-de-noisy"
    if not dev.is_dir():
        missing(str(dev))
    monkeypatch.setenv("BEAD_DICT_DIR", str(FIXTURE_DICTS / "news"))
    src, trg = dev / "src.txt", dev / "trg.txt"
    beads, summary = cli_align(run_bead, tmp_path, [src, trg], ["en", "de"], "--presegmented",
                               fmt="beads", env=dict(os.environ))
    aligner = bead.Aligner("en,de")
    as_lists = aligner.align([lines_of(src), lines_of(trg)])
    as_text = aligner.align([read_text(src), read_text(trg)], presegmented=True)
    assert as_lists.to_beads() == beads
    assert as_text.to_beads() == beads
    assert without_seconds(as_lists.summary) == without_seconds(summary)
    assert len(as_lists.sentences[0]) == len(lines_of(src))
    # the gold alignment is 815 beads; bead's is close and scores high
    assert as_lists.verdict == "parallel"
    assert abs(len(as_lists.covering_units) - 815) < 60
