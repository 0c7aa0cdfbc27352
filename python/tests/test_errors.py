"""Bad arguments are TypeError or ValueError, bad data and failed writes
are bead.Error with the message, file, offset and line; nothing crashes."""
import os

import pytest

import bead
from conftest import FIXTURE_DICTS

EN, DE = "One sentence. Another one.", "Ein Satz. Noch einer."


@pytest.mark.parametrize("versions,langs,error", [
    ("not a list", "en,de", TypeError),
    ([EN, 42], "en,de", TypeError),
    ([EN, [b"bytes"]], "en,de", TypeError),
    ([EN, ["ok", None]], "en,de", TypeError),
    ([EN, {"a": 1}], "en,de", TypeError),
    ([EN, DE], 42, TypeError),
    ([EN, DE], ["en", 7], TypeError),
    ([EN, DE], "en,xx", ValueError),
    ([EN, DE], "en,DE", ValueError),
    ([EN, DE], "en,de,bg", ValueError),
    ([EN], "en", ValueError),
    ([], "", ValueError),
])
def test_bad_arguments(versions, langs, error):
    with pytest.raises(error):
        bead.align(versions, langs, dict="none")


@pytest.mark.parametrize("kwargs,error", [
    ({"mode": "best"}, ValueError),
    ({"mode": None}, ValueError),
    ({"beads": "1-1,9-9"}, ValueError),
    ({"beads": 11}, TypeError),
    ({"min_score": 1.5}, ValueError),
    ({"min_score": "0.5"}, TypeError),
    ({"pivot": 5}, ValueError),
    ({"pivot": "fr"}, ValueError),
    ({"pivot": 1.0}, TypeError),
    ({"iterations": 99}, ValueError),
    ({"iterations": "2"}, TypeError),
    ({"names": ["only one"]}, ValueError),
    ({"names": ["a", 2]}, TypeError),
    ({"dict": 3}, TypeError),
])
def test_bad_options(kwargs, error):
    with pytest.raises(error):
        bead.align([EN, DE], "en,de", **{"dict": "none", **kwargs})


def test_bad_text_names_the_version_and_the_character():
    with pytest.raises(bead.Error) as e:
        bead.align([EN, "Straße eins.\nZwei\x00drei."], "en,de", dict="none")
    assert e.value.file == "version 2"
    assert e.value.line == 2
    assert e.value.offset == 17      # characters: ß is one
    assert e.value.status == "NUL byte in text"
    assert "version 2" in str(e.value)


def test_nul_in_a_name_or_language_is_refused():
    with pytest.raises(ValueError, match="NUL"):
        bead.align([EN, DE], "en,de", dict="none", names=["a", "b\x00c"])
    with pytest.raises(ValueError):
        bead.align([EN, DE], ["en", "de\x00x"], dict="none")
    with pytest.raises(ValueError):
        bead.segment(EN, "en\x00")


def test_bad_sentence_of_a_list_names_the_sentence():
    with pytest.raises(bead.Error) as e:
        bead.align([["Fine.", "Grüße\x00."], ["Gut.", "Auch."]], "en,de", dict="none",
                   names=["en.txt", "de.txt"])
    assert (e.value.file, e.value.line, e.value.offset) == ("en.txt", 2, 5)


def test_dictionary_errors(tmp_path):
    missing_file = tmp_path / "no-such.dic"
    with pytest.raises(bead.Error) as e:
        bead.Aligner("en,de", dict=missing_file)
    assert e.value.file == str(missing_file)
    bad = FIXTURE_DICTS / "hunalign-bad.dic"
    with pytest.raises(bead.Error) as e:
        bead.Aligner("en,de", dict=bad)
    assert e.value.file == str(bad) and e.value.line


def test_write_errors_name_the_path(tmp_path):
    al = bead.align([EN, DE], "en,de", dict="none")
    target = tmp_path / "no" / "such" / "folder" / "out.tsv"
    with pytest.raises(bead.Error) as e:
        al.to_tsv(target)
    assert e.value.file == str(target) and e.value.status
    if os.path.exists("/dev/full"):
        with pytest.raises(bead.Error):
            al.to_tmx("/dev/full")
    with pytest.raises(TypeError):
        al.to_tsv(42)


def test_bad_source_date_epoch(monkeypatch):
    al = bead.align([EN, DE], "en,de", dict="none")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "yesterday")
    with pytest.raises(ValueError, match="SOURCE_DATE_EPOCH"):
        al.to_tmx()
    assert al.to_tsv()           # only TMX reads it, as in the program
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "0")
    assert 'creationdate="19700101T000000Z"' in al.to_tmx()


def test_error_made_by_hand():
    e = bead.Error("made here")
    assert str(e) == "made here" and e.file is None and e.offset is None
    assert issubclass(bead.Error, Exception)


def test_internal_types_refuse_nonsense():
    from bead import _bead
    with pytest.raises(TypeError):
        _bead.align([EN, DE], ["en", "de"], dicts="not dicts")
    with pytest.raises(ValueError):
        _bead.Dicts("auto", None, ["en"])
    with pytest.raises(TypeError):
        _bead.dict_dir(42)
    d = _bead.Dicts("none", None, ["en", "de"])
    with pytest.raises(RuntimeError):
        d.__init__("none", None, ["en", "de"])  # noqa: PLC2801 (re-init is refused)
