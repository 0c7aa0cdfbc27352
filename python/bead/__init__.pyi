# Type stubs of the bead package (bead/__init__.py over the extension
# bead._bead). See the docstrings for what each does.
import os
from typing import Any, Iterator, Literal, Mapping, NamedTuple, Optional, Sequence, Union, overload

__version__: str

_Path = Union[str, bytes, os.PathLike[str], os.PathLike[bytes]]
_Langs = Union[str, Sequence[str]]
_Version = Union[str, Sequence[str]]
_Mode = Literal["auto", "align", "mine"]

class Error(Exception):
    """A failure in the data or on disk."""
    message: Optional[str]
    file: Optional[str]
    offset: Optional[int]
    line: Optional[int]
    status: Optional[str]

class DictionaryWarning(UserWarning): ...

class Span(NamedTuple):
    start: int
    end: int
    text: str

class Unit(NamedTuple):
    indices: tuple[tuple[int, ...], ...]
    texts: tuple[str, ...]
    type: str
    score: float
    anchors: tuple[str, ...]

@overload
def segment(text: str, lang: str, *, paragraphs: Literal[False] = ...) -> list[str]: ...
@overload
def segment(text: str, lang: str, *, paragraphs: Literal[True]) -> list[list[str]]: ...
@overload
def segment_spans(text: str, lang: str, *, paragraphs: Literal[False] = ...) -> list[Span]: ...
@overload
def segment_spans(text: str, lang: str, *, paragraphs: Literal[True]) -> list[list[Span]]: ...
def dict_dir(environ: Optional[Mapping[str, str]] = ...) -> str: ...
def cache_dir(environ: Optional[Mapping[str, str]] = ...) -> Optional[str]: ...

class Alignment:
    min_score: float
    @property
    def langs(self) -> tuple[str, ...]: ...
    @property
    def sentences(self) -> tuple[list[str], ...]: ...
    @property
    def units(self) -> list[Unit]: ...
    @property
    def covering_units(self) -> list[Unit]: ...
    @property
    def aligned(self) -> list[Unit]: ...
    def __len__(self) -> int: ...
    def __iter__(self) -> Iterator[Unit]: ...
    @property
    def summary(self) -> dict[str, Any]: ...
    @property
    def verdict(self) -> Optional[Literal["parallel", "comparable", "unrelated"]]: ...
    @property
    def coverage(self) -> Optional[float]: ...
    @property
    def model(self) -> Optional[dict[str, Any]]: ...
    @property
    def beads(self) -> dict[str, int]: ...
    @property
    def mean_score(self) -> float: ...
    @property
    def unaligned(self) -> dict[str, list[int]]: ...
    @property
    def pairs(self) -> list[dict[str, Any]]: ...
    @property
    def seconds(self) -> float: ...
    @overload
    def to_tsv(self, path: None = ..., *, header: bool = ..., include_unaligned: bool = ...) -> str: ...
    @overload
    def to_tsv(self, path: _Path, *, header: bool = ..., include_unaligned: bool = ...) -> None: ...
    @overload
    def to_jsonl(self, path: None = ..., *, include_unaligned: bool = ...) -> str: ...
    @overload
    def to_jsonl(self, path: _Path, *, include_unaligned: bool = ...) -> None: ...
    @overload
    def to_tmx(self, path: None = ..., *, date: Optional[str] = ..., doctype: bool = ...) -> str: ...
    @overload
    def to_tmx(self, path: _Path, *, date: Optional[str] = ..., doctype: bool = ...) -> None: ...
    @overload
    def to_beads(self, path: None = ...) -> str: ...
    @overload
    def to_beads(self, path: _Path) -> None: ...
    def to_moses(self, prefix: Union[str, os.PathLike[str]]) -> list[str]: ...
    @overload
    def to_summary_json(self, path: None = ...) -> str: ...
    @overload
    def to_summary_json(self, path: _Path) -> None: ...
    @overload
    def report(self, path: None = ..., *, html: Optional[bool] = ...) -> str: ...
    @overload
    def report(self, path: _Path, *, html: Optional[bool] = ...) -> None: ...

class Aligner:
    langs: tuple[str, ...]
    mode: _Mode
    learn: bool
    anchors: bool
    beads: Optional[str]
    iterations: int
    dict: Union[str, bytes, os.PathLike[str]]
    def __init__(
        self,
        langs: _Langs,
        *,
        dict: Optional[_Path] = ...,
        mode: _Mode = ...,
        learn: bool = ...,
        beads: Union[None, str, Sequence[str]] = ...,
        anchors: bool = ...,
        iterations: int = ...,
    ) -> None: ...
    @property
    def dictionaries(self) -> list[tuple[str, str, int]]: ...
    def align(
        self,
        versions: Sequence[_Version],
        *,
        presegmented: bool = ...,
        min_score: Optional[float] = ...,
        pivot: Union[None, int, str] = ...,
        names: Optional[Sequence[str]] = ...,
    ) -> Alignment: ...

def align(
    versions: Sequence[_Version],
    langs: _Langs,
    *,
    presegmented: bool = ...,
    mode: _Mode = ...,
    dict: Optional[_Path] = ...,
    learn: bool = ...,
    beads: Union[None, str, Sequence[str]] = ...,
    min_score: Optional[float] = ...,
    anchors: bool = ...,
    iterations: int = ...,
    pivot: Union[None, int, str] = ...,
    names: Optional[Sequence[str]] = ...,
) -> Alignment: ...
