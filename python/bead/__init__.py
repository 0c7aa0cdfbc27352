"""bead: sentence segmentation and alignment of parallel texts.

The Python face of libbead: the same segmenter and the same aligner as the
``bead`` program, with the same decisions (``mode="auto"``: a parallel pair
is aligned, a comparable one gives its mined pairs, an unrelated one none)
and the same dictionaries (``dict="auto"``: the installed FreeDict ones, in
``$BEAD_DICT_DIR`` or ``/usr/share/dictd``).

>>> import bead
>>> bead.segment("The meeting starts at 9 a.m. in Berlin. Mr. Smith speaks.", "en")
['The meeting starts at 9 a.m. in Berlin.', 'Mr. Smith speaks.']
>>> al = bead.align(["One. Two.", "Eins. Zwei."], ["en", "de"], dict="none")
>>> [(u.texts, u.type) for u in al.aligned]   # doctest: +SKIP
[(('One.', 'Eins.'), '1-1'), (('Two.', 'Zwei.'), '1-1')]

Segmentation and alignment release the GIL: threads run them in parallel.
Errors in the data or on disk raise :class:`bead.Error`; bad arguments
raise ``TypeError`` or ``ValueError``.
"""

import json
import os
import re
import time
import warnings
from typing import NamedTuple

from . import _bead
from ._bead import Error

__version__ = _bead.version
__all__ = [
    "Aligner",
    "Alignment",
    "DictionaryWarning",
    "Error",
    "Span",
    "Unit",
    "align",
    "cache_dir",
    "dict_dir",
    "segment",
    "segment_spans",
]

_MODES = ("auto", "align", "mine")


class DictionaryWarning(UserWarning):
    """A dictionary was damaged and skipped; alignment went on without it."""


class Span(NamedTuple):
    """A sentence and where it stands in the text: ``text[start:end]`` holds
    it (offsets in characters of the str). ``text`` is the sentence as bead
    hands it out: NFC, its inner whitespace folded to single spaces."""

    start: int
    end: int
    text: str


class Unit(NamedTuple):
    """One unit (bead) of an alignment: for each version, the indices of
    its sentences in the unit (maybe none) and their text joined by
    spaces; the type ("1-1", "2-1", "1-0-1" for three versions), the score
    in [0, 1] and the anchors that tied it ("num:2022", "name:sullivan")."""

    indices: tuple
    texts: tuple
    type: str
    score: float
    anchors: tuple


# ------------------------------------------------------------ arguments


def _langs(langs):
    """["bg", "de"] or "bg,de" as a list of codes (spaces after commas are
    ignored, as in ``-L``); TypeError or ValueError for anything else."""
    if isinstance(langs, str):
        langs = [part.strip() for part in langs.split(",")]
    elif isinstance(langs, (list, tuple)):
        langs = list(langs)
    else:
        raise TypeError(
            f"langs must be a list of language codes or a str such as 'bg,de', "
            f"not {type(langs).__name__}"
        )
    for lang in langs:
        if not isinstance(lang, str):
            raise TypeError(f"a language is a str such as 'en', not {type(lang).__name__}")
        if not _bead.language_known(lang):
            raise ValueError(
                f"unknown language {lang!r}: use an ISO 639 code that ICU knows, "
                f"such as bg, de, en or id"
            )
    return langs


def _beads(beads):
    if beads is None:
        return None
    if not isinstance(beads, str):
        if not isinstance(beads, (list, tuple, set, frozenset)) or not all(
            isinstance(b, str) for b in beads
        ):
            raise TypeError("beads must be a str such as '1-1,1-0,0-1' or a list of such types")
        beads = ",".join(beads)
    if not _bead.types_parse(beads):
        raise ValueError(
            f"beads must list bead types such as '1-1,1-0,0-1,2-1,1-2' "
            f"(types: 1-1 1-0 0-1 2-1 1-2 2-2 1-3 3-1 2-3 3-2 1-4 4-1), not {beads!r}"
        )
    return beads


def _score(min_score):
    if min_score is None:
        return 0.0
    if isinstance(min_score, bool) or not isinstance(min_score, (int, float)):
        raise TypeError(f"min_score must be a number from 0 to 1, not {type(min_score).__name__}")
    if not 0 <= min_score <= 1:
        raise ValueError(f"min_score must be a number from 0 to 1, not {min_score!r}")
    return float(min_score)


def _source_date():
    """The TMX creationdate SOURCE_DATE_EPOCH asks for, as the bead program
    reads it (cli/source_date.c); None when unset or empty."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    if not epoch:
        return None
    if re.fullmatch(r"\s*\+?[0-9]+", epoch):
        t = time.gmtime(int(epoch))
        if t.tm_year <= 9999:
            return time.strftime("%Y%m%dT%H%M%SZ", t)
    raise ValueError(
        f"SOURCE_DATE_EPOCH='{epoch}' is not a count of seconds since 1970; fix or unset it"
    )


# --------------------------------------------------------- segmentation


def _grouped(spans, paras, paragraphs):
    if not paragraphs:
        return spans
    groups = []
    last = None
    for item, para in zip(spans, paras):
        if para != last:
            groups.append([])
            last = para
        groups[-1].append(item)
    return groups


def segment_spans(text, lang, *, paragraphs=False):
    """The sentences of ``text`` (a str) in language ``lang`` (an ISO 639
    code such as "en"), as :class:`Span` (start, end, text) tuples with
    offsets in characters of ``text``. Blank lines separate paragraphs;
    with ``paragraphs=True`` the result is a list of paragraphs, each a
    list of spans."""
    found = _bead.segment(text, lang)
    spans = [Span(start, end, sentence) for start, end, sentence, _ in found]
    return _grouped(spans, [f[3] for f in found], paragraphs)


def segment(text, lang, *, paragraphs=False):
    """The sentences of ``text`` (a str) in language ``lang`` (an ISO 639
    code such as "en"), as a list of str: NFC, inner whitespace folded to
    single spaces, nothing else changed. With ``paragraphs=True``, a list
    of paragraphs (blank-line blocks), each a list of sentences. Same
    sentences as ``bead segment``. The GIL is released while it runs."""
    found = _bead.segment(text, lang)
    return _grouped([f[2] for f in found], [f[3] for f in found], paragraphs)


def dict_dir(environ=None):
    """The folder ``dict="auto"`` reads FreeDict dictionaries from:
    ``$BEAD_DICT_DIR`` when set and not empty, else ``/usr/share/dictd``;
    the bead program's rule (libbead decides it; the environment is read
    here, from ``environ`` or ``os.environ``)."""
    return _bead.dict_dir(os.environ if environ is None else environ)


def cache_dir(environ=None):
    """The folder of compiled dictionaries ``dict="auto"`` reads and
    writes, or None for no cache: ``$BEAD_CACHE_DIR`` when set and not
    empty (``none``: no cache), else ``$XDG_CACHE_HOME/bead`` when
    XDG_CACHE_HOME is an absolute path, else ``$HOME/.cache/bead``; the
    bead program's rule and its folder, so a pair compiled by either is
    mapped by both (libbead decides it; the environment is read here, from
    ``environ`` or ``os.environ``). The folder is made when first written.
    """
    return _bead.cache_dir(os.environ if environ is None else environ)


# ------------------------------------------------------------- alignment


class Alignment:
    """The alignment of N versions that :func:`align` returns: what ``bead
    align`` prints, its summary, and the writers.

    - ``units``: every unit, as ``bead align -f jsonl --include-unaligned``
      lists them: for a parallel pair they cover every sentence in order;
      for a comparable pair (``mode="auto"``) they are the mined pairs; for
      an unrelated one, every sentence alone.
    - ``aligned``: the units with text in at least two versions (every
      version of a pair) and a score of at least ``min_score``: the rows of
      ``to_tsv()``.
    - ``covering_units``: the alignment that covers every sentence (for a
      pair, the monotone one even when mined pairs are printed); what
      ``to_beads()`` writes.
    - ``verdict``, ``coverage``, ``model``, ``beads``, ``mean_score``,
      ``unaligned``, ``pairs``, ``seconds``: as in the summary JSON
      (``summary``), which ``bead align --summary-json`` writes.
    """

    def __init__(self, result, min_score=0.0):
        self._result = result
        self.min_score = min_score
        self._sentences = None
        self._units = None
        self._covering = None
        self._summary = None

    # -- what it holds

    @property
    def langs(self):
        """The versions' languages, in order."""
        return self._result.langs

    @property
    def sentences(self):
        """Every version's sentences, a list of str each, as aligned."""
        if self._sentences is None:
            self._sentences = self._result.sentences()
        return self._sentences

    def _make_units(self, raw):
        sentences = self.sentences
        units = []
        for ranges, score, anchors in raw:
            indices = tuple(tuple(range(b, b + c)) for b, c in ranges)
            texts = tuple(" ".join(s[b : b + c]) for s, (b, c) in zip(sentences, ranges))
            kind = "-".join(str(c) for _, c in ranges)
            units.append(Unit(indices, texts, kind, score, anchors))
        return units

    @property
    def units(self):
        """Every unit of the alignment ``bead align`` prints."""
        if self._units is None:
            self._units = self._make_units(self._result.units())
        return self._units

    @property
    def covering_units(self):
        """The units of the alignment covering every sentence in order."""
        if self._covering is None:
            self._covering = self._make_units(self._result.units(covering=True))
        return self._covering

    @property
    def aligned(self):
        """The units with text in at least two versions scored at least
        ``min_score``: what ``to_tsv()`` writes, one row each (as the
        writers, which write a unit two versions share)."""
        return [u for u in self.units
                if u.score >= self.min_score and sum(1 for t in u.texts if t) >= 2]

    def __len__(self):
        return len(self.units)

    def __iter__(self):
        return iter(self.units)

    def __repr__(self):
        verdict = f" {self.verdict}" if self.verdict else ""
        return (
            f"<bead.Alignment {'-'.join(self.langs)}{verdict}: {len(self.units)} units, "
            f"{len(self.aligned)} aligned>"
        )

    # -- the summary JSON

    @property
    def summary(self):
        """The summary JSON of ``bead align --summary-json``, as a dict."""
        if self._summary is None:
            self._summary = json.loads(self._result.summary())
        return self._summary

    @property
    def verdict(self):
        """"parallel", "comparable" or "unrelated" (a pair); None for N > 2
        (see ``pairs``)."""
        return self.summary.get("verdict")

    @property
    def coverage(self):
        """The share of sentences in confident units with both sides (a
        pair), as in the summary; None for N > 2."""
        return self.summary.get("coverage")

    @property
    def model(self):
        """The length model the aligner settled on (a pair): ``{"c": ...,
        "s2": ..., "priors": {"1-1": ..., ...}}``; None for N > 2."""
        return self.summary.get("model")

    @property
    def beads(self):
        """How many units of each type, as in the summary."""
        return self.summary["beads"]

    @property
    def mean_score(self):
        """The mean score of the units that pair sentences."""
        return self.summary["mean_score"]

    @property
    def unaligned(self):
        """The sentences that share no unit with another version's, by
        version ("src"/"trg" for a pair, "0", "1", ... for more)."""
        return self.summary["unaligned"]

    @property
    def pairs(self):
        """Each pair of versions (a, b) with its verdict, coverage, mean
        score and model: the summary's "pairs" (N > 2); for a pair, the one."""
        if "pairs" in self.summary:
            return self.summary["pairs"]
        s = self.summary
        return [
            {"a": 0, "b": 1, "verdict": s["verdict"], "coverage": s["coverage"],
             "mean_score": s["mean_score"], "model": s.get("model")}
        ]

    @property
    def seconds(self):
        """Seconds the alignment took, segmentation included."""
        return self._result.seconds

    # -- writers: the text when path is None, else the file (atomically;
    # a name ending in .gz is compressed)

    def to_tsv(self, path=None, *, header=False, include_unaligned=False):
        """TSV as ``bead align -f tsv``: one column a version, then the score."""
        return self._result.write("tsv", _path(path), min_score=self.min_score,
                                  header=header, include_unaligned=include_unaligned)

    def to_jsonl(self, path=None, *, include_unaligned=False):
        """JSON Lines as ``bead align -f jsonl``: one object a unit."""
        return self._result.write("jsonl", _path(path), min_score=self.min_score,
                                  include_unaligned=include_unaligned)

    def to_tmx(self, path=None, *, date=None, doctype=False):
        """TMX 1.4b as ``bead align -f tmx``; ``date`` (YYYYMMDDThhmmssZ) is
        the creationdate, else SOURCE_DATE_EPOCH's, else none."""
        if date is None:
            date = _source_date()
        return self._result.write("tmx", _path(path), min_score=self.min_score, date=date,
                                  doctype=doctype)

    def to_beads(self, path=None):
        """The beads format (``[0,1]:[0]:0.8731``) of ``covering_units``."""
        return self._result.write("beads", _path(path))

    def to_moses(self, prefix):
        """Moses files as ``bead align -f moses -o PREFIX``: PREFIX.<lang> a
        version (PREFIX.<n>.<lang> when two share a language); the paths."""
        langs = self.langs
        paths = [
            f"{os.fspath(prefix)}.{v + 1}.{lang}" if langs.count(lang) > 1
            else f"{os.fspath(prefix)}.{lang}"
            for v, lang in enumerate(langs)
        ]
        self._result.write_moses(paths, min_score=self.min_score)
        return paths

    def to_summary_json(self, path=None):
        """The summary JSON, as ``bead align --summary-json`` writes it."""
        text = self._result.summary()
        if path is None:
            return text
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        return None

    def report(self, path=None, *, html=None):
        """The fidelity report of ``bead align --report``: JSON, or one HTML
        page when ``html`` is true (by default: when path ends in .html or
        .htm)."""
        if html is None:
            html = path is not None and re.search(r"\.html?(\.gz)?$", os.fspath(path)) is not None
        return self._result.report(_path(path), html=bool(html))


def _path(path):
    if path is None:
        return None
    if not isinstance(path, (str, bytes, os.PathLike)):
        raise TypeError(f"path must be a str or os.PathLike, not {type(path).__name__}")
    return path


class Aligner:
    """Aligns versions in fixed languages with the same options, again and
    again, holding the dictionaries it loaded. Safe to share between
    threads: each call aligns on its own, and the dictionaries are only
    read.

    ``dict``: "auto" (the installed FreeDict dictionaries of every pair of
    languages, from :func:`dict_dir`), "none", or the path of a dictionary
    file for the first two languages: hunalign ("target @ source" lines)
    or compiled (``bead dict compile -o``). With "auto", a pair's
    dictionary is read from FreeDict once (1-2 s for eng-deu) and compiled
    into the cache folder :func:`cache_dir` names (``$BEAD_CACHE_DIR``,
    else ``$XDG_CACHE_HOME/bead``, else ``~/.cache/bead``; the bead
    program's too); later loads, in any process, map that file in
    milliseconds. ``BEAD_CACHE_DIR=none`` turns the cache off.
    ``mode``: "auto" (align; mine a comparable pair; no pairs for an
    unrelated one), "align" (monotone only) or "mine". ``learn``: learn a
    lexicon from the first pass and align again. ``beads``: the bead types
    allowed ("1-1,1-0,0-1,2-1,1-2"; None: all but 2-3 and 3-2). ``anchors``: numbers,
    names, cognates and punctuation as evidence. ``iterations``: rounds
    of the length model.
    """

    def __init__(self, langs, *, dict="auto", mode="auto", learn=True, beads=None,
                 anchors=True, iterations=2):
        self.langs = tuple(_langs(langs))
        if len(self.langs) < 2:
            raise ValueError(f"aligning needs two or more languages, not {len(self.langs)}")
        if mode not in _MODES:
            raise ValueError(f"mode must be 'auto', 'align' or 'mine', not {mode!r}")
        if not isinstance(iterations, int) or isinstance(iterations, bool):
            raise TypeError(f"iterations must be an int, not {type(iterations).__name__}")
        self.mode = mode
        self.learn = bool(learn)
        self.anchors = bool(anchors)
        self.beads = _beads(beads)
        self.iterations = iterations
        if dict is None:
            dict = "none"
        if not isinstance(dict, (str, bytes, os.PathLike)):
            raise TypeError(f"dict must be 'auto', 'none' or a path, not {type(dict).__name__}")
        self.dict = dict
        self._dicts = None
        if dict != "none":
            self._dicts = _bead.Dicts(dict, dict_dir(), list(self.langs), cache=cache_dir())
            for message in self._dicts.warnings:
                warnings.warn(message, DictionaryWarning, stacklevel=2)

    @property
    def dictionaries(self):
        """(src_lang, trg_lang, entries) of every lexicon loaded, the first
        pair's first (empty when none is installed for it)."""
        return self._dicts.lexicons if self._dicts is not None else []

    def align(self, versions, *, presegmented=False, min_score=None, pivot=None, names=None):
        """Aligns ``versions``, one per language of the aligner: each a str
        (segmented, or one sentence a line when ``presegmented``) or a list
        of sentences. ``min_score`` leaves weaker units out of ``aligned``
        and the writers. ``pivot`` (N > 2): the version the others are
        aligned to, a position or a language; default: the one that aligns
        best. ``names``: the versions' names in errors and TMX (default
        "version 1", ...). Returns an :class:`Alignment`."""
        if not isinstance(versions, (list, tuple)):
            raise TypeError(
                f"versions must be a list of texts (str or lists of sentences), "
                f"not {type(versions).__name__}"
            )
        if len(versions) != len(self.langs):
            raise ValueError(
                f"{len(versions)} versions for {len(self.langs)} languages: "
                f"give one version per language"
            )
        score = _score(min_score)
        result = _bead.align(
            list(versions), list(self.langs), presegmented=bool(presegmented), mode=self.mode,
            dicts=self._dicts, learn=self.learn, anchors=self.anchors, beads=self.beads,
            iterations=self.iterations, pivot=self._pivot(pivot), names=names,
        )
        return Alignment(result, score)

    def _pivot(self, pivot):
        if pivot is None:
            return -1
        if isinstance(pivot, str):
            if pivot in self.langs:
                return self.langs.index(pivot)
        elif isinstance(pivot, int) and not isinstance(pivot, bool):
            if 0 <= pivot < len(self.langs):
                return pivot
        else:
            raise TypeError(f"pivot must be a position or a language, not {type(pivot).__name__}")
        raise ValueError(
            f"pivot {pivot!r} is neither a language of the versions nor a position "
            f"0-{len(self.langs) - 1}"
        )

    def __repr__(self):
        return f"<bead.Aligner {'-'.join(self.langs)} mode={self.mode} dict={self.dict!r}>"


def align(versions, langs, *, presegmented=False, mode="auto", dict="auto", learn=True,
          beads=None, min_score=None, anchors=True, iterations=2, pivot=None, names=None):
    """Aligns two or more versions of a text as ``bead align`` does and
    returns an :class:`Alignment`.

    ``versions``: each a str, or a list of its sentences; ``langs``: their
    languages ("bg,de" or ["bg", "de"]). ``presegmented``: the strs hold one
    sentence a line. ``mode``: "auto" (the default: a parallel pair is
    aligned, a comparable one gives its mined pairs, an unrelated one none),
    "align" or "mine". ``dict``: "auto" (FreeDict from $BEAD_DICT_DIR or
    /usr/share/dictd, through the cache of compiled dictionaries,
    :func:`cache_dir`), "none", or a hunalign or compiled dictionary file. ``learn``, ``beads``,
    ``anchors``, ``iterations``: as for :class:`Aligner`. ``min_score``:
    weaker units are left out of ``aligned`` and the writers. ``pivot``,
    ``names``: as for :meth:`Aligner.align`.

    Loads the dictionaries each time: for many calls, make one
    :class:`Aligner` and call its ``align``.
    """
    aligner = Aligner(langs, dict=dict, mode=mode, learn=learn, beads=beads, anchors=anchors,
                      iterations=iterations)
    return aligner.align(versions, presegmented=presegmented, min_score=min_score,
                         pivot=pivot, names=names)
