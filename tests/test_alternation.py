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


def test_occurrences_finds_what_the_escaped_regex_finds():
    """``text.occurrences`` (str.find and a word-boundary test, for the linkers' per-document words) gives the
    spans ``re.finditer`` gives for the escaped word, with and without ``(?<!\\w)…(?!\\w)`` around it."""
    import random

    from pipeline.extract.text import occurrences

    rng = random.Random(26)
    alphabet = "ab_ 1éĐ.-a\u0300"
    for _ in range(20000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12)))
        word = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 3)))
        for whole in (False, True):
            pattern = rf"(?<!\w){re.escape(word)}(?!\w)" if whole else re.escape(word)
            assert list(occurrences(text, word, whole)) == [m.span() for m in re.finditer(pattern, text)], (text, word)


@pytest.fixture(scope="module")
def tagger(test_gazetteer, config):
    from pipeline.stages.tag import Tagger

    return Tagger(test_gazetteer, config.tag)


def test_gated_patterns_find_what_their_regex_finds(tagger):
    """Every ``GatedPattern`` of the tagger finds what its regex finds, in the corpus and in texts made to hold
    each of its words: the words are those every match holds (a pattern edited to match without one of them
    must bring its words along)."""
    from pipeline.extract.text import GatedPattern

    gated = {name: p for name, p in vars(tagger).items() if isinstance(p, GatedPattern)}
    assert len(gated) >= 17
    texts = _texts()
    for name, p in gated.items():
        words = [w.lstrip(".") for w in p._words.words]
        made = [t.format(w) for w in words for t in ("x. {}", "{} AB", "tại {} 12", "{} thứ 5", "{} số 26/2020/TT-BGDĐT",
                                                      "{}.Đức Hòa", "a ({} HLV Ngọc Sơn)", "“{} thể thao Hè 2021”",
                                                      "ông {} TTXVN tại Hà Nội", "trang abc.{}", "{} hoa")]
        for text in texts + made:
            assert [m.span() for m in p.finditer(text)] == [m.span() for m in p.regex.finditer(text)], (name, text)
            found, expected = p.search(text), p.regex.search(text)
            assert (found and found.span()) == (expected and expected.span()), (name, text)


def test_credit_marker_words_gate_exactly():
    """The credits' ``marker_words`` (furniture.toml) are words every match of ``marker`` holds: a whole text or a
    stretch of it (a sentence, as the events ask) gives the same credits with the automaton asked first as with
    the marker scanned everywhere, in the corpus and in texts made to hold each word."""
    import dataclasses

    from pipeline.credits import Credits

    gated = Credits.load()
    assert gated.marker_words is not None
    plain = dataclasses.replace(gated, marker_words=None)
    words = list(gated.marker_words.words)
    made = [t.format(w) for w in words for t in ("x. {}: AP", "({}: Reuters)", "a ({} AFP) b", "Đông.{} : X",
                                                  "EPA{} Theo", "tại EPA{} 12", "{} minh họa", "{} ảnh")]
    for text in _texts() + made:
        assert gated.spans(text) == plain.spans(text), text[:80]
        for start in range(0, len(text), max(1, len(text) // 7)):
            end = min(len(text), start + 200)
            assert gated.spans(text, start, end) == plain.spans(text, start, end), (text[start:end],)
