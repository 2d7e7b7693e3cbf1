"""Candidates and the gazetteer matcher.

A ``Candidate`` is what a matcher proposes: a span of one cleaned paragraph with a label (the
entity type), an entity id, the rule that proposed it, its priority and a score. The gazetteer
matcher below proposes every gazetteer name it finds and edits nothing; ``resolve.resolve``
decides between overlapping candidates.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Callable, Iterator

import ahocorasick

from ..gazetteer import Entry, Gazetteer, is_acronym
from ..model import Paragraph
from .text import _DASHES, _bounded, _dash_spacings, _lower

__all__ = ["Candidate", "Context", "GazetteerMatcher", "Proposals", "ANY_LABEL"]

# ``Candidate.nests`` of a correction that beats every span nested inside it.
ANY_LABEL = ("PERSON", "ORG", "GPE", "LOC", "TREATY", "EVENT", "TERM")
# The first character after a space or a hyphen: where a word other than the first opens.
_WORD_OPENING = re.compile(r"(?<=[ -]).")


@dataclass(slots=True)
class Candidate:
    """One proposed mention. ``type`` is the label (PERSON, ORG, …); ``method`` is what
    ``mentions.csv`` calls the way it was found; ``rule`` the finer name ``vnews explain`` shows."""

    start: int
    end: int
    type: str
    entity_id: str
    canonical: str
    acronym: str = ""
    title: str = ""
    method: str = "gazetteer"
    score: float = 1.0
    rule: str = ""
    priority: int = 0
    # A correction's reach (see ``resolve.resolve``): the labels of the spans nested inside it that
    # it beats whatever their priority (a grown name over the names inside it), and the spans of
    # its input it replaces by name (a place that is a syllable of a personal name).
    nests: tuple[str, ...] = ()
    displaces: tuple[tuple[int, int], ...] = ()
    # The labels of spans that stay nested inside it as mentions of their own (the country of
    # "Bộ Quốc phòng Hàn Quốc"): neither beats the other.
    holds: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        return self.type

    def overlaps(self, start: int, end: int) -> bool:
        return self.start < end and start < self.end


@dataclass(slots=True)
class Context:
    """What every rule family of one paragraph reads, and nothing else: the paragraph (its text,
    sentences and tokens), the article's day, and the gazetteer's candidates of the paragraph
    (already resolved among themselves). No family sees what another family kept; the few that
    read another's proposals say so (``READS`` in ``tagger.py``)."""

    para: Paragraph
    text: str  # the paragraph's text
    limit: int  # its length
    day: str
    reference: dt.date | None
    word_end: list[int]  # for each character, the end of the segmenter's word it is in
    gazetteer: tuple[Candidate, ...]
    # the text's matching form (``text._lower``: same offsets), made once for the gazetteer's, the offices' and the
    # fuzzy matchers
    low: str
    # Gazetteer names read as ordinary words here ("tiếng Tây Ban Nha": a language): no head word
    # inside them opens a name ("Ban" is a board's head elsewhere).
    words: tuple[tuple[int, int], ...] = ()
    # Each family's proposals once computed (a family that ``READS`` another's asks for them).
    proposed: dict[str, "Proposals"] = field(default_factory=dict)


@dataclass(slots=True)
class Proposals:
    """What one rule family returns: its candidates, and notes for the linkers that run after the
    resolver (titles with no name after them, offices a tenure may resolve)."""

    candidates: list[Candidate] = field(default_factory=list)
    bare_titles: list[tuple[int, int]] = field(default_factory=list)
    offices: list[tuple[int, int, tuple[int, ...]]] = field(default_factory=list)


# A code's part before a dash: capitals and digits, no lower case ("IT-", "SVF-"); after one, with a digit ("-3E": a
# model's number; "EU-MUTRAP" is a project of the European Union)
_CODE_BEFORE = re.compile(r"(?<![\w&])[A-Z0-9]+$")
_CODE_AFTER = re.compile(r"[A-Z]*[0-9][A-Z0-9]*(?![\w&])")


# A character that joins the parts of a web or mail address ("www.facebook.com/ProCuminVN", "abc@gmail.com")
_ADDRESS_JOINS = "./@"


def _in_address(text: str, s: int, e: int) -> bool:
    """A name written in lower case that a dot, slash or at sign joins to a word is part of an address,
    which names no body in the sentence ("Fanpage: http://www.facebook.com/…", batch 14)."""
    before = s >= 2 and text[s - 1] in _ADDRESS_JOINS and text[s - 2].isalnum()
    after = e + 1 < len(text) and text[e] in _ADDRESS_JOINS and text[e + 1].isalnum()
    return before or after


class GazetteerMatcher:
    """Every gazetteer name on the normalised character stream (word segmentation splits some
    names), word-bounded; acronyms (names without lower case) case-sensitively, other names in
    any case, except that a name with a capital initial needs a capital initial in the text.

    Aho-Corasick (pyahocorasick) over characters, not spaCy's PhraseMatcher over tokens: the
    segmenter splits and joins syllables differently from the gazetteer's names, so token matching
    misses names that character matching finds (README, "Where spaCy does not fit")."""

    def __init__(self, gazetteer: Gazetteer, stop_words: frozenset[str], code_part: int = 0):
        # An acronym of at most ``code_part`` letters joined by a dash to a code is part of the code (``_in_code``)
        self._code_part = code_part
        self._ci = ahocorasick.Automaton()
        self._cs = ahocorasick.Automaton()
        ci_keys: dict[str, list[str]] = defaultdict(list)
        cs_keys: dict[str, list[str]] = defaultdict(list)
        capital_initial: dict[str, bool] = {}
        capital_inner: dict[str, frozenset[int]] = {}  # offsets of the other capitalised words
        for e in sorted(gazetteer.entries.values(), key=lambda e: e.id):
            for n in e.names:
                if is_acronym(n):
                    if e.id not in cs_keys[n]:
                        cs_keys[n].append(e.id)
                    continue
                variants = _dash_spacings(n.translate(_DASHES))
                for key, variant in zip([_lower(v) for v in variants], variants):
                    # A name written with a capital initial ("Anh", "Đức", "Hòa Bình") only matches a
                    # capital initial in the text: otherwise "anh", "hòa bình" (peace) would be places.
                    # Its other capitalised words may stand in for the first: "thỏa thuận Paris".
                    capital_initial[key] = capital_initial.get(key, True) and n[:1].isupper()
                    words = key.split()
                    # "Lai Châu" is no "tương lai Châu Á": places, people and short names have none.
                    inner = frozenset() if e.type in ("GPE", "LOC", "PERSON") or len(words) < 3 \
                        or len(key) != len(variant) or words[0] in stop_words \
                        else frozenset(m.start() for m in _WORD_OPENING.finditer(variant) if m.group().isupper())
                    capital_inner[key] = capital_inner.get(key, inner) & inner
                    if e.id not in ci_keys[key]:
                        ci_keys[key].append(e.id)
        for key, ids in ci_keys.items():
            self._ci.add_word(key, (len(key), tuple(ids), capital_initial.get(key, False),
                                    tuple(sorted(capital_inner.get(key, ())))))
        for key, ids in cs_keys.items():
            self._cs.add_word(key, (len(key), tuple(ids)))
        if ci_keys:
            self._ci.make_automaton()
        if cs_keys:
            self._cs.make_automaton()
        self._has_ci, self._has_cs = bool(ci_keys), bool(cs_keys)
        self.keys = tuple(ci_keys)  # the folded names, for the fuzzy matcher's index

    def matches(self, text: str, limit: int, low: str | None = None) -> Iterator[tuple[int, int, tuple[str, ...]]]:
        """(start, end, entity ids) of every name in ``text[:limit]``; ``low``: ``_lower(text)`` if the caller has it."""
        if self._has_ci:
            for end, (length, ids, capital, inner) in self._ci.iter(_lower(text) if low is None else low):
                s, e = end - length + 1, end + 1
                if e <= limit and _bounded(text, s, e) and (
                        not capital or text[s].isupper() or (inner and all(text[s + i].isupper() for i in inner))) \
                        and not (text[s].islower() and _in_address(text, s, e)):
                    yield s, e, ids
        if self._has_cs:
            for end, (length, ids) in self._cs.iter(text):
                s, e = end - length + 1, end + 1
                if e <= limit and _bounded(text, s, e) and not self._in_code(text, s, e):
                    yield s, e, ids

    def _in_code(self, text: str, s: int, e: int) -> bool:
        """A short acronym joined by a dash to a code of capitals or digits is a part of the code, no body:
        "IT-EP" (a study programme), "EP-3E" (an aircraft), "SVF-AU" (a network's short name): the European
        Parliament and the African Union in the gold of batches 9 and 14 (issue-14N11). Not a name on the other
        side ("ASEAN-Nhật Bản", "Nga-LHQ"), a body's project after it ("EU-MUTRAP"), nor a longer acronym
        ("VNPAY-QR")."""
        if e - s > self._code_part:
            return False
        before = s > 1 and text[s - 1] in "-–" and _CODE_BEFORE.search(text, max(0, s - 12), s - 1) is not None
        after = text[e:e + 1] in ("-", "–") and _CODE_AFTER.match(text, e + 1) is not None
        return before or after

    def propose(self, text: str, limit: int, pick: Callable[[tuple[str, ...]], Entry],
                low: str | None = None) -> list[Candidate]:
        """One candidate per match; ``pick`` chooses among entries sharing a name (by date)."""
        out = []
        for s, e, ids in self.matches(text, limit, low):
            entry = pick(ids)
            out.append(Candidate(s, e, entry.type, entry.id, entry.canonical, entry.acronym, rule="gazetteer"))
        return out
