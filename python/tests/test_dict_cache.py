"""The cache of compiled dictionaries from Python: the folder cache_dir()
finds (the bead program's rule, libbead's bead_cache_dir), and dict="auto"
compiling a pair into the folder BEAD_CACHE_DIR names, then mapping that
file instead of reading FreeDict again, with the same alignment."""
import os
from pathlib import Path

import pytest

import bead
from conftest import CORPUS, FIXTURE_DICTS, read_text

EN = read_text(CORPUS / "en.reuters.txt")
DE = read_text(CORPUS / "de.aljazeera.txt")
INSTALLED = Path("/usr/share/dictd")


@pytest.mark.parametrize("environ, want", [
    ({"BEAD_CACHE_DIR": "/srv/c", "XDG_CACHE_HOME": "/x", "HOME": "/h"}, "/srv/c"),
    ({"BEAD_CACHE_DIR": "none", "XDG_CACHE_HOME": "/x", "HOME": "/h"}, None),
    ({"BEAD_CACHE_DIR": "", "XDG_CACHE_HOME": "/x", "HOME": "/h"}, "/x/bead"),
    ({"XDG_CACHE_HOME": "rel", "HOME": "/h"}, "/h/.cache/bead"),
    ({"HOME": "/h"}, "/h/.cache/bead"),
    ({"HOME": ""}, None),
    ({}, None),
])
def test_cache_dir_rule(environ, want):
    assert bead.cache_dir(environ) == want


def test_cache_dir_reads_os_environ(monkeypatch, tmp_path):
    monkeypatch.setenv("BEAD_CACHE_DIR", str(tmp_path))
    assert bead.cache_dir() == str(tmp_path)
    monkeypatch.setenv("BEAD_CACHE_DIR", "none")
    assert bead.cache_dir() is None


def compiled(folder, pair):
    return sorted(folder.glob(f"{pair}-*.beadlex")) if folder.is_dir() else []


def aligned_twice(monkeypatch, cache, pair):
    """Aligns EN and DE with two Aligners (two loads) through cache; the
    compiled file must appear with the first and be reused by the second."""
    monkeypatch.setenv("BEAD_CACHE_DIR", str(cache))
    assert compiled(cache, pair) == []
    first = bead.Aligner("en,de", learn=False)
    (src, trg, entries), = first.dictionaries
    assert (src, trg) == ("en", "de") and entries > 0
    files = compiled(cache, pair)
    assert len(files) == 1, f"no compiled {pair} file in {cache}"
    made = files[0].stat()
    units = first.align([EN, DE]).units
    second = bead.Aligner("en,de", learn=False)
    assert second.dictionaries == first.dictionaries
    assert second.align([EN, DE]).units == units
    again = files[0].stat()
    assert (again.st_ino, again.st_mtime_ns) == (made.st_ino, made.st_mtime_ns), "rewritten"
    assert compiled(cache, pair) == files


def test_fixture_dictionary_compiled_and_reused(monkeypatch, tmp_path):
    monkeypatch.setenv("BEAD_DICT_DIR", str(FIXTURE_DICTS / "news"))
    aligned_twice(monkeypatch, tmp_path / "made" / "here", "en-de")


def test_installed_eng_deu_compiled_and_reused(monkeypatch, tmp_path):
    if not any((INSTALLED / f"freedict-{p}.index").exists() for p in ("eng-deu", "deu-eng")):
        pytest.skip("FreeDict eng-deu (dict-freedict-eng-deu) is not installed")
    monkeypatch.delenv("BEAD_DICT_DIR", raising=False)
    aligned_twice(monkeypatch, tmp_path / "cache", "en-de")


def test_no_cache_writes_nothing(monkeypatch, tmp_path):
    monkeypatch.setenv("BEAD_DICT_DIR", str(FIXTURE_DICTS / "news"))
    monkeypatch.setenv("BEAD_CACHE_DIR", "none")
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    (_, _, entries), = bead.Aligner("en,de").dictionaries
    assert entries > 0
    assert not any(os.scandir(tmp_path))
