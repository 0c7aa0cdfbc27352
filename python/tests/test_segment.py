"""bead.segment and bead.segment_spans give the sentences, paragraphs and
offsets of `bead segment` (offsets in characters of the str where the
program counts bytes)."""
import json
import threading

import pytest

import bead
from conftest import CORPUS, read_text

FILES = sorted(CORPUS.glob("*.txt"))


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_same_sentences_and_offsets_as_the_program(path, run_bead):
    lang = path.name.split(".")[0]
    text = read_text(path)
    out, _ = run_bead("segment", "-l", lang, "-f", "jsonl", path)
    want = [json.loads(line) for line in out.splitlines()]
    raw = path.read_bytes()

    def chars(byte):
        return len(raw[:byte].decode("utf-8"))

    spans = bead.segment_spans(text, lang)
    assert [s.text for s in spans] == [w["text"] for w in want]
    assert [(s.start, s.end) for s in spans] == [(chars(w["start"]), chars(w["end"])) for w in want]
    assert bead.segment(text, lang) == [w["text"] for w in want]
    paragraphs = bead.segment(text, lang, paragraphs=True)
    assert sum(paragraphs, []) == [w["text"] for w in want]
    assert len(paragraphs) == len({w["para"] for w in want})


def test_offsets_are_characters_of_the_str():
    text = "\ufeffCafé crème. Ünïcödé 😀 zwei.\n\nNeuer Absatz."
    spans = bead.segment_spans(text, "de")
    assert [s.text for s in spans] == ["Café crème.", "Ünïcödé 😀 zwei.", "Neuer Absatz."]
    for s in spans:
        assert text[s.start : s.end] == s.text
    grouped = bead.segment_spans(text, "de", paragraphs=True)
    assert [[s.text for s in p] for p in grouped] == [
        ["Café crème.", "Ünïcödé 😀 zwei."],
        ["Neuer Absatz."],
    ]


def test_text_is_folded_and_nfc():
    spans = bead.segment_spans("Cafe\u0301   au\tlait.  Next one.", "fr")
    assert spans[0].text == "Café au lait."
    assert spans[1].text == "Next one."


def test_empty_and_blank_texts_have_no_sentences():
    assert bead.segment("", "en") == []
    assert bead.segment(" \n\n \t\n", "en") == []
    assert bead.segment("", "en", paragraphs=True) == []
    assert bead.segment_spans("", "en") == []


def test_bad_arguments():
    with pytest.raises(TypeError):
        bead.segment(b"bytes are not text", "en")
    with pytest.raises(TypeError):
        bead.segment(None, "en")
    with pytest.raises(TypeError):
        bead.segment("Text.", 42)
    with pytest.raises(ValueError, match="unknown language 'xx'"):
        bead.segment("Text.", "xx")
    with pytest.raises(ValueError):
        bead.segment("Text.", "EN")
    with pytest.raises(ValueError):   # UnicodeEncodeError: a lone surrogate
        bead.segment("bad \ud800 surrogate", "en")


def test_nul_is_a_bead_error_with_its_offset():
    with pytest.raises(bead.Error) as e:
        bead.segment("Fine.\nÜber\x00all.", "de")
    assert e.value.offset == 10   # characters, not bytes (Ü is two)
    assert e.value.line == 2
    assert e.value.status == "NUL byte in text"
    assert e.value.file is None
    assert "NUL" in e.value.message and str(e.value) == e.value.message


def test_threads_segment_the_same():
    texts = [(read_text(p), p.name.split(".")[0]) for p in FILES]
    want = [bead.segment(t, lang) for t, lang in texts]
    got = [None] * (4 * len(texts))

    def work(k):
        t, lang = texts[k % len(texts)]
        got[k] = bead.segment(t, lang)

    threads = [threading.Thread(target=work, args=(k,)) for k in range(len(got))]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert got == want * 4
