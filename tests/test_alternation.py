"""``literal_alternation`` groups a word list by first character for speed and must match exactly
what the plain alternation of the same words in the same order matches."""

import re

import pytest

from pipeline.extract.rules import TaggerRules
from pipeline.extract.text import literal_alternation

from conftest import ROOT


def _plain(words) -> str:
    return "|".join(re.escape(w) for w in words)


def _texts() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "corpus").glob("*.txt"))]
    return texts + [t.upper() for t in texts] + [t.lower() for t in texts]


@pytest.mark.parametrize("lists", [("titles",), ("org_heads",), ("place_heads",), ("event_heads",),
                                   ("media_nouns", "org_nouns"), ("surnames", "stop_words")])
@pytest.mark.parametrize("flags", [0, re.IGNORECASE])
def test_the_grouped_alternation_finds_what_the_plain_one_finds(lists, flags):
    rules = TaggerRules.load()
    words = [w for name in lists for w in getattr(rules, name)]
    for order in (words, sorted(words, key=len, reverse=True)):
        grouped = literal_alternation(order, ignore_case=bool(flags))
        assert grouped != _plain(order)  # it did group
        for frame in (r"(?<![\w&])(?:{})(?=\s)", r"(?:{})", r"(?<![\w&])(?:{}) $"):
            a = re.compile(frame.format(_plain(order)), flags)
            b = re.compile(frame.format(grouped), flags)
            for text in _texts():
                assert [m.span() for m in a.finditer(text)] == [m.span() for m in b.finditer(text)]


def test_leftmost_first_order_is_kept_within_a_group():
    # "ab" before "abc": the plain alternation takes "ab" unless the rest of the pattern fails
    words = ["ab", "b", "abc", "ba"]
    for text in ("abc x", "ab x", "ba abc", "bab"):
        for rest in ("", r"(?=\s)", "c"):
            a = re.compile(f"(?:{_plain(words)}){rest}")
            b = re.compile(f"(?:{literal_alternation(words)}){rest}")
            assert [m.span() for m in a.finditer(text)] == [m.span() for m in b.finditer(text)]


def test_case_insensitive_groups_are_by_lower_case_and_doubtful_lists_stay_plain():
    assert literal_alternation(["Ab", "ac", "B"], ignore_case=True) == "A(?:b|c)|B"
    assert literal_alternation(["Ab", "ac", "B"]) == "Ab|ac|B"  # case-sensitive: "A" and "a" apart
    # "s" and the long s match each other case-insensitively: no grouping can keep the order
    assert literal_alternation(["sa", "\u017fb", "sc"], ignore_case=True) == _plain(["sa", "\u017fb", "sc"])
    assert literal_alternation(["", "a", "ab"]) == _plain(["", "a", "ab"])  # an empty word opens anywhere
