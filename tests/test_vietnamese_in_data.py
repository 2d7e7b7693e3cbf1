"""Vietnamese words live in data files, not in the extraction code (issue #13).

Every string literal of ``pipeline/extract`` and of the event interpreter ``pipeline/events`` (and
its stage wrapper) that is not a docstring is split into words; a word
of two to ten letters, lower case after its first letter, with a letter outside ASCII is taken for
a Vietnamese word and must move to ``pipeline/data``. Character classes of regexes ("A-ZĐ", the
accented Latin letters of foreign names) are not words.
"""

import ast
import re

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


def test_no_vietnamese_words_in_the_extraction_code():
    found = []
    paths = sorted((ROOT / "pipeline" / "extract").glob("*.py")) + sorted((ROOT / "pipeline" / "events").glob("*.py")) \
        + [ROOT / "pipeline" / "stages" / "events.py"]
    for path in paths:
        for node in _literals(ast.parse(path.read_text(encoding="utf-8"))):
            words = [w for w in _WORDISH.findall(node.value) if _vietnamese(w)]
            if words:
                found.append(f"{path.relative_to(ROOT)}:{node.lineno}: {words}")
    assert found == []


def test_the_check_sees_words():
    assert _vietnamese("của") and _vietnamese("tại") and _vietnamese("Bộ") and _vietnamese("phía")
    assert not _vietnamese("ZĐ") and not _vietnamese("Đ") and not _vietnamese("Bernama")
