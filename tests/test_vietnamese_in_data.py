"""Vietnamese words live in data files, not in the extraction code (issue #13).

Every string literal of the tagger's code (``pipeline/extract``, the tag stage, the credit rules'
reader and the gazetteer loader), of the event interpreter ``pipeline/events`` (and its stage
wrapper) and of the date grammar ``pipeline/dates.py``: ``CODE``, that is not a docstring, is split into words; a word
of two to ten letters, lower case after its first letter, with a letter outside ASCII is taken for
a Vietnamese word and must move to ``pipeline/data``. Character classes of regexes ("A-ZĐ", the
accented Latin letters of foreign names) are not words.
"""

import ast
import re
import tomllib

from conftest import ROOT

_WORDISH = re.compile(r"[^\W\d_]+")


def _vietnamese(word: str) -> bool:
    """A word of 2-10 letters, lower case after the first, with a letter outside ASCII."""
    return 2 <= len(word) <= 10 and word[1:].islower() and not word.isascii()


def _literals(tree):
    docstrings = set()
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if isinstance(body, list) and body and isinstance(body[0], ast.Expr) \
                and isinstance(body[0].value, ast.Constant) and isinstance(body[0].value.value, str):
            docstrings.add(id(body[0].value))
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
            yield node


# The tagger's and the event interpreter's code, and the date grammar (its words in pipeline/data/dates.toml).
CODE = sorted((ROOT / "pipeline" / "extract").glob("*.py")) + [
    ROOT / "pipeline" / "stages" / "tag.py", ROOT / "pipeline" / "credits.py", ROOT / "pipeline" / "gazetteer.py"] \
    + sorted((ROOT / "pipeline" / "events").glob("*.py")) + [ROOT / "pipeline" / "stages" / "events.py"] \
    + [ROOT / "pipeline" / "dates.py"]


def test_no_vietnamese_words_in_the_extraction_code():
    found = []
    assert all(p.is_file() for p in CODE)
    for path in CODE:
        for node in _literals(ast.parse(path.read_text(encoding="utf-8"))):
            words = [w for w in _WORDISH.findall(node.value) if _vietnamese(w)]
            if words:
                found.append(f"{path.relative_to(ROOT)}:{node.lineno}: {words}")
    assert found == []


def test_the_check_sees_words():
    assert _vietnamese("của") and _vietnamese("tại") and _vietnamese("Bộ") and _vietnamese("phía")
    assert not _vietnamese("ZĐ") and not _vietnamese("Đ") and not _vietnamese("Bernama")


def test_the_date_words_file_keeps_its_promises():
    """pipeline/data/dates.toml: table keys lower case (looked up after lowering), context entries
    shorter than the date grammar's look-back, no entry twice in one list."""
    from pipeline import dates

    data = tomllib.loads((ROOT / "pipeline" / "data" / "dates.toml").read_text(encoding="utf-8"))
    tables = [k for k, v in data.items() if k not in ("words", "lists", "context")]
    assert "weekdays" in tables and "year_offsets" in tables
    for name in tables:
        assert all(key == key.lower() for key in data[name]), name
    for section in ("lists", "context"):
        for name, words in data[section].items():
            assert len(words) == len(set(words)), name
    assert max(len(w) for words in data["context"].values() for w in words) < dates._LOOKBACK
    # The grammar is built from the file: its weekday table is the file's.
    assert dict(dates._WEEKDAYS) == data["weekdays"]
