"""The README's Python example runs as it is (from a folder holding the
corpus, as from the top of the source tree), with pandas."""
import contextlib
import io
import os
import re

import pytest

from conftest import SRC, missing


def readme_example():
    text = (SRC / "README.md").read_text(encoding="utf-8")
    m = re.search(r"<!-- python/tests/test_readme.py runs this example -->\n```python\n(.*?)```",
                  text, re.S)
    assert m, "README.md has lost its tested Python example"
    return m.group(1)


def test_readme_example_runs(tmp_path, monkeypatch):
    code = readme_example()
    assert len(code.splitlines()) <= 20, "keep the README example short"
    try:
        import pandas  # noqa: F401
    except ImportError:
        missing("python3-pandas")
    (tmp_path / "corpora").symlink_to(SRC / "corpora")
    monkeypatch.chdir(tmp_path)
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(code, "README.md", "exec"), {})
    printed = out.getvalue().splitlines()
    assert printed[0].startswith("parallel ")
    assert "score" in printed[1] and "bg" in printed[1]
    assert os.path.getsize(tmp_path / "bg-de.tmx") > 1000
