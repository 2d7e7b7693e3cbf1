"""Token rules kept as spaCy Matcher patterns in ``pipeline/data/rules/patterns.toml``.

A rule names the word lists of ``tagger.toml`` whose words come *before* the name (matched on
``LOWER``, syllable by syllable) and the Matcher patterns of the name itself, tried in order. The
interpreter proposes one candidate span per name: the name's tokens must be single-spaced, right
after the words before it, and end before a letter, a digit or "&" (shorter runs are tried when
the longest does not). Overlapping proposals of one rule keep the first, as a left-to-right scan.
"""

from __future__ import annotations

import re
import tomllib
from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from spacy.matcher import Matcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

from ..errors import ConfigError
from .rules import TaggerRules
from .text import vietnamese_syllable

__all__ = ["TokenRule", "TokenRules"]


@dataclass(frozen=True, slots=True)
class TokenRule:
    rule: str
    label: str
    score: float
    before: tuple[tuple[str, ...], ...]  # the words before the name, as lower-cased syllables
    name: tuple[list[dict], ...]  # Matcher patterns of the name, in order of preference
    may_fire: re.Pattern[str]  # a word before, one space, a character the name can start with
    leads: tuple[str, ...]  # the words before, lower-cased, each with its one space after
    name_start: re.Pattern[str]  # name_starts
    gap: int = 0  # lower-case syllables that may stand between the words before and the name
    no_gap_after: frozenset[tuple[str, ...]] = frozenset()  # words before that take no gap
    # The TEXT REGEX of every name alternative's first token (what the Matcher asks of it); empty when some
    # first token is optional (``OP``), which then says nothing of the token at the name's start.
    first_tokens: tuple[re.Pattern[str], ...] = ()


# A word and its one space after; in lower case ("phần mềm "): a syllable of a rule's gap.
_WORD = re.compile(r"[^\W\d_]+ ")
# A piece of the Doc's text, as ``doc.DocBuilder`` cuts it before the segmenter's word bounds cut it further.
_PIECE = re.compile(r"\w+|[^\w\s]")


def _word_list(words: TaggerRules, name: str) -> tuple[str, ...] | frozenset[str]:
    """A list of tagger.toml by its name there: a field of ``words``, or a ``grammar_*`` list."""
    if name.startswith("grammar_"):
        return tuple(words.grammar[name.removeprefix("grammar_")])
    return getattr(words, name)


def _gap_holds(doc: Doc, start: int, first: int, end: int) -> bool:
    """Lower-case syllables after the words before (``doc[start:first]``) are a kind of business only when
    those words are whole words of the segmenter ("báo cáo", "quỹ đạo", "viện trợ", "bệnh viện" are other
    words) and the name after them is foreign-shaped: its first word no Vietnamese syllable ("Symantec",
    "HKEPC"; not "Trung", "Hoa", "Ban" written without marks)."""
    bounds = doc.user_data.get("word_bounds", frozenset())
    if doc[start].idx not in bounds or doc[first].idx not in bounds:
        return False
    name = next((t for t in doc[first:end] if not t.is_lower), None)
    return name is not None and not vietnamese_syllable(name.text)


def _ends_clean(doc: Doc, end: int) -> bool:
    """The name ends before a space, punctuation other than "&", or the end of the paragraph."""
    # The next character, read from the tokens: ``doc.text`` would rebuild the whole text.
    if end >= len(doc) or doc[end - 1].whitespace_:
        return True
    nxt = doc[end].text[:1]
    return not (nxt.isalnum() or nxt == "_" or nxt == "&")


def _cut_word(doc: Doc, first: int, end: int) -> bool:
    """The name is one capitalised Vietnamese syllable that the segmenter reads as the start of a longer
    word with the lower-case syllable after it ("báo Thanh niên", "tạp chí Khoa học Miễn dịch học"):
    that word, not a Latin-script name. (Without the segmenter's words, as for a bare Doc, never.)"""
    bounds = doc.user_data.get("word_bounds")
    if not bounds or end != first + 1 or end >= len(doc) or not doc[end].is_lower:
        return False
    return vietnamese_syllable(doc[first].text) and doc[first].idx + len(doc[first]) not in bounds


def _single_spaced(doc: Doc, start: int, end: int, glued: bool = False) -> int:
    """The end of the single-spaced run of tokens from ``start`` (at most ``end``); with ``glued``,
    tokens written together also go on: a name's own marks ("B.Braun", "Sport.Trueid"), which
    its Matcher pattern allows only without a space (``SPACY``)."""
    for i in range(start, end - 1):
        if doc[i].whitespace_ != " " and not (glued and doc[i].whitespace_ == "") or doc[i + 1].is_space:
            return i + 1
    return end


def _first_tokens(raw: dict) -> tuple[re.Pattern[str], ...]:
    """The TEXT REGEX of each name alternative's first token (``_prefilter`` has checked there is one); none
    when a first token has an ``OP`` (it may be skipped)."""
    if any("OP" in alt[0] for alt in raw["name"]):
        return ()
    return tuple(re.compile(alt[0]["TEXT"]["REGEX"]) for alt in raw["name"])


def _first_token_end(text: str, pos: int, bounds: Sequence[int]) -> int:
    """Where the Doc's token that starts at ``pos`` ends: the end of its piece (``_PIECE``) or the
    segmenter's next word bound (``bounds``, sorted) before it."""
    end = _PIECE.match(text, pos).end()
    k = bisect_right(bounds, pos)
    return min(end, bounds[k]) if k < len(bounds) else end


def _prefilter(path: Path, raw: dict, before: tuple[tuple[str, ...], ...]) -> re.Pattern[str]:
    """The rule's ``may_fire`` pattern: a word before (any case, as the Matcher's ``LOWER``), one
    space, then ``name_starts``, which every alternative's first token must begin with."""
    starts = raw.get("name_starts", "")
    for alt in raw["name"]:
        first = alt[0].get("TEXT", {}).get("REGEX", "") if isinstance(alt[0].get("TEXT"), dict) else ""
        if not starts or not first.startswith("^" + starts):
            raise ConfigError(f"{path}: rule {raw['rule']}: every name alternative's first token must be "
                              f'TEXT REGEX "^{starts or "<name_starts>"}…" (name_starts); fix the TOML')
    words = "|".join(re.escape(" ".join(b)) for b in sorted(before, key=lambda b: -len(" ".join(b))))
    return re.compile(rf"(?i:{words}) (?={starts})")


class TokenRules:
    """The compiled token rules. Build once per vocabulary and reuse."""

    def __init__(self, vocab: Vocab, words: TaggerRules, path: Path | None = None):
        path = path or Path(str(resources.files("pipeline").joinpath("data", "rules", "patterns.toml")))
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise ConfigError(f"{path}: cannot read the token rules ({exc}); fix the TOML") from None
        self.rules: dict[str, TokenRule] = {}
        self._before: dict[str, frozenset[tuple[str, ...]]] = {}  # rule -> its words before, as syllables
        self._matcher = Matcher(vocab)
        for raw in data.get("pattern", []):
            lists = [getattr(words, name) for name in raw["before"]]
            before = tuple(sorted({tuple(w.lower().split()) for ws in lists for w in ws}))
            gap = raw.get("gap", {})
            rule = TokenRule(raw["rule"], raw["label"], float(raw.get("score", 0.6)), before, tuple(raw["name"]),
                             _prefilter(path, raw, before), tuple(" ".join(b) + " " for b in before),
                             re.compile(raw["name_starts"]), int(gap.get("max", 0)),
                             frozenset(tuple(w.lower().split()) for w in gap.get("not_after", [])),
                             _first_tokens(raw))
            # The syllables of the gap: lower case, none a word of the lists ``gap.not_in`` names (a function
            # word or an honorific opens a phrase of its own: "công ty có trụ sở tại Singapore").
            excluded = sorted({syl.lower() for name in gap.get("not_in", []) for w in _word_list(words, name)
                               for syl in w.split()})
            between = [{"IS_LOWER": True, "LOWER": {"NOT_IN": excluded}, "OP": f"{{0,{rule.gap}}}"}] if rule.gap else []
            self.rules[rule.rule] = rule
            self._before[rule.rule] = frozenset(before)
            # One pattern per name alternative and number of words before, each of those words any
            # syllable at its place among the words of that length: 25 patterns instead of one per
            # word before (145), which the Matcher tries at every token, three times faster. What
            # they match is a superset; ``names`` keeps a match only when its words before are one
            # of the rule's words, so the matches kept are exactly those of one pattern per word.
            for alt, pattern in enumerate(rule.name):
                for n in sorted({len(b) for b in before}):
                    leads = [b for b in before if len(b) == n]
                    lead = [{"LOWER": {"IN": sorted({b[i] for b in leads})}} for i in range(n)]
                    self._matcher.add(f"{rule.rule}|{alt}|{n}", [lead + between + pattern])

    def may_fire(self, text: str, rule: str, bounds: Callable[[], Sequence[int]] | None = None) -> bool:
        """False when ``text`` has none of the words ``rule`` needs before a name followed by one
        space and a character a name can start with (then no Doc is built for it: exact, since a
        match needs exactly that, and it saves the Doc). With ``bounds`` (the segmenter's word bounds of
        ``text``, sorted, asked for only when needed), also false when the token there is none that
        a name alternative's first token can be ("báo Hà Nội": "Hà" is no Latin-script token; issue-14E34:
        a third of the paragraphs it let through, each a Doc built and matched for nothing)."""
        spec = self.rules[rule]
        low = text.lower()
        if len(low) != len(text):  # a letter whose lower case is longer: offsets differ, ask the regex
            return spec.may_fire.search(text) is not None
        cuts: list[Sequence[int]] = []  # ``bounds()``, once asked

        def first_fits(pos: int) -> bool:
            if bounds is None or not spec.first_tokens:
                return True
            if not cuts:
                cuts.append(bounds())
            token = text[pos:_first_token_end(text, pos, cuts[0])]
            return any(p.search(token) for p in spec.first_tokens)

        # Substring scans of the lower-cased text (much cheaper than the regex's alternation).
        for lead in spec.leads:
            i = low.find(lead)
            while i >= 0:
                pos = i + len(lead)
                for _ in range(spec.gap + 1):  # the name, or up to ``gap`` lower-case syllables before it
                    if spec.name_start.match(text, pos) and first_fits(pos):
                        return True
                    if not (m := _WORD.match(text, pos)) or not m.group().islower():
                        break
                    pos = m.end()
                i = low.find(lead, i + 1)
        return False

    def _name_start(self, doc: Doc, spec: TokenRule, start: int, first: int, end: int) -> int | None:
        """The token the name of a match starts at, after the words before (``doc[start:first]``) and the
        gap's lower-case syllables; None when the match is none of the rule's."""
        lead = tuple(t.lower_ for t in doc[start:first])
        if lead not in self._before[spec.rule]:
            return None  # syllables of two different words before (the patterns allow any mix)
        if spec.gap and doc[first].is_lower:
            if lead in spec.no_gap_after or not _gap_holds(doc, start, first, end):
                return None
            while first < end and doc[first].is_lower:
                first += 1  # the gap's syllables: the name starts with a capital
        return first

    def names(self, doc: Doc, rule: str) -> list[tuple[int, int]]:
        """Character spans of the names ``rule`` finds in ``doc``, left to right, none overlapping."""
        best: dict[int, tuple[int, int]] = {}  # name start token -> (alternative, name end token)
        spec = self.rules[rule]
        for key, start, end in self._matcher(doc):
            name, alt, lead = doc.vocab.strings[key].rsplit("|", 2)
            if name != rule:
                continue
            first = self._name_start(doc, spec, start, start + int(lead), end)
            if first is None:
                continue
            if start > 0 and not doc[start - 1].whitespace_ and (doc[start - 1].text[-1:].isalnum()
                                                              or doc[start - 1].text.endswith("_")):
                continue  # the words before start a word of the text, not its middle
            if _single_spaced(doc, start, first + 1) != first + 1:
                continue  # the words before and the name's first token, one space apart
            if doc[start].text[:1].islower() and doc[first - 1].text[:1].isupper():
                continue  # "của Trang Nhung": a capitalised last word after a lower-case one is a given name, no noun
            stop = _single_spaced(doc, first, end, glued=True)
            while stop > first and not _ends_clean(doc, stop):
                stop -= 1
            if stop > first and _cut_word(doc, first, stop):
                continue  # "báo Thanh niên", "tạp chí Khoa học …": a Vietnamese word cut after its first syllable
            if stop > first and (first not in best or int(alt) < best[first][0]
                                 or int(alt) == best[first][0] and stop > best[first][1]):
                best[first] = (int(alt), stop)
        spans, last = [], -1
        for first in sorted(best):
            if first < last:
                continue
            stop = best[first][1]
            spans.append((doc[first].idx, doc[stop - 1].idx + len(doc[stop - 1])))
            last = stop
        return spans
