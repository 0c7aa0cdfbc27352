"""The rest of the Python API: units and their texts, min_score, the
writers to files, Moses, the report, three versions with a pivot, the
Aligner held across calls, and the type stubs matching the module."""
import ast
import gzip
import json
from pathlib import Path

import pytest

import bead
from conftest import CORPUS, FIXTURE_DICTS, read_text

BG = read_text(CORPUS / "bg.aljazeera.txt")
DE = read_text(CORPUS / "de.aljazeera.txt")
EN = read_text(CORPUS / "en.reuters.txt")


@pytest.fixture(scope="module")
def pair():
    return bead.align([BG, DE], "bg,de", dict="none")


def test_units_cover_every_sentence_in_order(pair):
    assert pair.verdict == "parallel"
    nexts = [0, 0]
    for u in pair.units:
        for v in range(2):
            assert u.indices[v] == tuple(range(nexts[v], nexts[v] + len(u.indices[v])))
            nexts[v] += len(u.indices[v])
            assert u.texts[v] == " ".join(pair.sentences[v][i] for i in u.indices[v])
        assert u.type == f"{len(u.indices[0])}-{len(u.indices[1])}"
        assert 0 <= u.score <= 1
    assert nexts == [len(s) for s in pair.sentences]
    assert list(pair) == pair.units and len(pair) == len(pair.units)
    assert pair.covering_units == pair.units
    assert sum(pair.beads.values()) == len(pair.units)
    assert "parallel" in repr(pair)


def test_min_score_filters_aligned_and_writers():
    al = bead.align([BG, DE], "bg,de", dict="none", min_score=0.99)
    assert al.aligned and all(u.score >= 0.99 for u in al.aligned)
    assert len(al.to_tsv().splitlines()) == len(al.aligned)
    everything = bead.align([BG, DE], "bg,de", dict="none")
    assert len(everything.aligned) > len(al.aligned)
    assert al.to_beads() == everything.to_beads()   # beads ignore min_score


def test_writers_to_files(pair, tmp_path):
    for name, write in [("a.tsv", pair.to_tsv), ("a.jsonl", pair.to_jsonl),
                        ("a.tmx", pair.to_tmx), ("a.beads", pair.to_beads)]:
        assert write(tmp_path / name) is None
        assert (tmp_path / name).read_text(encoding="utf-8") == write()
    pair.to_tsv(str(tmp_path / "a.tsv.gz"), header=True)
    with gzip.open(tmp_path / "a.tsv.gz", "rt", encoding="utf-8") as f:
        assert f.readline() == "bg\tde\tscore\n"
    first = json.loads(pair.to_jsonl().splitlines()[0])
    assert set(first) >= {"src", "trg", "type", "score", "src_text", "trg_text"}
    assert pair.to_tmx(date="20240101T000000Z", doctype=True).count("<!DOCTYPE") == 1
    pair.to_summary_json(tmp_path / "s.json")
    assert json.loads((tmp_path / "s.json").read_text())["beads"] == pair.beads
    with_unaligned = pair.to_tsv(include_unaligned=True).splitlines()
    assert len(with_unaligned) == len(pair.units)


def test_moses(tmp_path):
    al = bead.align([DE, DE, BG], "de,de,bg", dict="none")
    paths = al.to_moses(tmp_path / "out")
    assert [Path(p).name for p in paths] == ["out.1.de", "out.2.de", "out.bg"]
    lines = [Path(p).read_text(encoding="utf-8").splitlines() for p in paths]
    assert len({len(x) for x in lines}) == 1 and len(lines[0]) == len(al.aligned)


def test_report(pair, tmp_path):
    report = json.loads(pair.report())
    assert {"versions", "coverage", "omitted", "added", "verdicts"} <= set(report)
    pair.report(tmp_path / "r.html")
    assert (tmp_path / "r.html").read_text(encoding="utf-8").lstrip().startswith("<!DOCTYPE html")
    assert pair.report(html=True).lstrip().startswith("<!DOCTYPE html")


def test_three_versions_and_pivot():
    al = bead.align([BG, DE, EN], ["bg", "de", "en"], dict="none")
    assert al.verdict is None and al.model is None
    assert [(p["a"], p["b"]) for p in al.pairs] == [(0, 1), (0, 2), (1, 2)]
    assert all(u.type.count("-") == 2 for u in al.units)
    for v in range(3):
        assert sum(len(u.indices[v]) for u in al.units) == len(al.sentences[v])
    assert bead.align([BG, DE, EN], "bg,de,en", dict="none", pivot="de").units
    assert bead.align([BG, DE, EN], "bg,de,en", dict="none", pivot=2).units


def test_aligner_holds_its_dictionaries(monkeypatch):
    monkeypatch.setenv("BEAD_DICT_DIR", str(FIXTURE_DICTS / "news"))
    aligner = bead.Aligner(["en", "de"], learn=False, beads=["1-1", "1-0", "0-1", "2-1", "1-2"])
    (src, trg, entries), = aligner.dictionaries
    assert (src, trg) == ("en", "de") and entries > 0
    first = aligner.align([EN, DE])
    monkeypatch.setenv("BEAD_DICT_DIR", "/nonexistent")    # read once, when made
    assert aligner.align([EN, DE]).to_tsv() == first.to_tsv()
    assert "en-de" in repr(aligner)
    only = bead.align([BG, DE], "bg,de", dict="none", beads="1-1,1-0,0-1")
    assert {u.type for u in only.units} <= {"1-1", "1-0", "0-1"}
    assert bead.Aligner("en,de", dict="none").dictionaries == []


def test_no_dictionary_installed_for_the_pair(monkeypatch, tmp_path):
    monkeypatch.setenv("BEAD_DICT_DIR", str(tmp_path))
    aligner = bead.Aligner("bg,id")
    assert aligner.dictionaries == [("bg", "id", 0)]


def test_modes():
    mined = bead.align([EN, DE], "en,de", dict="none", mode="mine")
    assert all(u.type == "1-1" for u in mined.units)
    aligned = bead.align([EN, DE], "en,de", dict="none", mode="align")
    assert sum(len(u.indices[0]) for u in aligned.units) == len(aligned.sentences[0])


def test_stubs_name_what_the_module_has():
    stub = Path(bead.__file__).with_name("__init__.pyi")
    tree = ast.parse(stub.read_text())
    names = {n.name for n in tree.body if isinstance(n, (ast.FunctionDef, ast.ClassDef))}
    assert set(bead.__all__) <= names
    for cls in ("Alignment", "Aligner"):
        node = next(n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == cls)
        members = {n.name for n in node.body if isinstance(n, ast.FunctionDef)}
        public = {m for m in vars(getattr(bead, cls)) if not m.startswith("_")}
        assert public <= members | {"min_score"}, cls
    assert Path(bead.__file__).with_name("py.typed").exists()
    for name in bead.__all__:
        assert getattr(bead, name).__doc__, name
