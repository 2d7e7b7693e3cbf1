"""Character-level helpers the matchers and linkers share: word shapes, bounds, slugs.

The regexes here describe the shape of text (capitalised words, brackets, Latin-script names),
not Vietnamese vocabulary, which lives in ``pipeline/data/tagger.toml``.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from collections.abc import Iterable, Iterator

from ..wordgate import WordGate

# A word; a curly apostrophe between two letters is inside it ("O’Brien", "D’Alessandro"), one after
# a word closes a quotation (‘Nhật Bản’).
_WORD = re.compile(r"[^\s,;:!?()\[\]{}\"“”‘’«»…/|]+(?:’(?=[^\W\d_])[^\s,;:!?()\[\]{}\"“”‘’«»…/|]+)*")
_ACRONYM_DEF = re.compile(r"\(\s*([A-ZĐ0-9][A-Za-zĐđ0-9&+\-.]{1,14})\s*\)")
# A word of a Latin-script foreign name: no Vietnamese-only letters (ă â đ ê ô ơ ư, tone marks on them).
_FOREIGN_WORD = re.compile(r"[A-Z][a-zA-Záéíóúàèìòùäëïöüñçčšžćłńśźżãõåøæß'’.\-]+")
# An agency credit opening or closing a paragraph: "(TN&MT) - …", "TTXVN - …", "… (Theo Reuters)".
_DATELINE = re.compile(r"^(?:\([^()\d]{2,25}\)|[A-ZĐ&]{2,10})\s*[-–—]\s")
_TITLE_BREAK = re.compile(r"[,.;:()\[\]\"“”]|\s[-–]\s")
# Latin-script names: capitalised words (initials, "al-" names), particles between them.
_LATIN_WORD = r"(?:[A-Z][a-zA-Záéíóúàèìòùäëïöüñçčšžćłńśźżãõåøæß'’\-]+|(?:al|el)-[A-Z][a-zA-Z'’\-]+|[A-Z]\.)"
_PARTICLES = r"(?:bin|bint|ibn|al|el|de|da|di|del|della|van|von|der|den|la|le|du|dos|das|y)"
# two particles may stand between two words of a name ("Boris van der Vorst", "Abby de la Rosa"; issue-14D34, batch 36)
_FOREIGN_RUN = re.compile(rf"(?<![\w&.]){_LATIN_WORD}(?:\s(?:{_PARTICLES}\s){{0,2}}{_LATIN_WORD}){{1,3}}(?![\w&])")
_PARTICLE_WORD = re.compile(rf"{_PARTICLES}|(?:al|el)-[A-Z][a-zA-Z'’\-]+|[A-Z]\.")
# An acronym the gazetteers do not know, after a title: 2-8 capitals, not a Roman numeral.
_UNKNOWN_ACRONYM = re.compile(r"(?![IVXLC]+\b)[A-ZĐ][A-ZĐ0-9&]{1,7}")
# A Vietnamese syllable, its tone and vowel marks removed: an onset, one to three vowels, a coda. A capitalised word
# that is none ("Carvajal", "Bram", "Symantec", "HKEPC") is foreign even without foreign letters; "Nam", "Anh",
# "Trung", "Hoa" written without marks are Vietnamese.
_VIETNAMESE_SYLLABLE = re.compile(r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?[aeiouy]{1,3}"
                                  r"(?:ng|nh|ch|[cmnpt])?")
_SENTENCE_BREAK = re.compile(r"[.!?…](?=\s)")
_END_CREDIT = re.compile(r"\((?:[Tt]heo\s+)?[^()\d]{2,40}\)\s*$")
# The author's name before a closing agency credit, after the last sentence: up to five
# capitalised words, "-" between two authors.
_END_AUTHOR = re.compile(r"(?:^|[.!?…\"”]\s+)(?P<author>(?:(?:[A-ZĐÂĂÊÔƠƯÁÀẢÃẠ][^\s.,;:!?()]*|-|–)\s+){1,6})$")


def _dash_spacings(key: str) -> list[str]:
    """The spellings of a name with a dash between words that texts use: "châu Á-Thái Bình
    Dương", "châu Á - Thái Bình Dương", "châu Á- Thái Bình Dương" (up to two dashes)."""
    if "-" not in key:
        return [key]
    parts = re.split(r"\s*-\s*", key)
    if len(parts) == 1 or len(parts) > 3:
        return [key]
    out = [parts[0]]
    for part in parts[1:]:
        out = [o + sep + part for o in out for sep in ("-", " - ", "- ", " -")]
    return sorted(set(out) | {key})


def _words_in(syllables: list[re.Match[str]], word_end: list[int]) -> int:
    """How many words (segmenter tokens) the syllables make: those that end a token."""
    if not word_end:
        return len(syllables)
    return sum(1 for w in syllables if w.start() >= len(word_end) or word_end[w.start()] <= w.end())


def literal_alternation(words: Iterable[str], ignore_case: bool = False) -> str:
    """The regex alternation of the literal ``words``, in their order, with the words that open on
    one character grouped under it ("ab|ac|b" -> "a(?:b|c)|b").

    Why: a pattern that opens with a lookbehind gets no fast scan from the regex engine, which then
    tries every alternative at every position; grouped, it rejects a whole group on its first
    character (the 446 titles: 40 groups, the title scan of a paragraph 4.5 times faster). The
    matches are the same: no two groups open on one character, and each keeps its words' order, so
    the leftmost-first alternative that lets the rest of the pattern match is the same word. With
    ``ignore_case`` (for a pattern compiled case-insensitively) the groups are by lower case, which is
    how the engine compares a character; where two lower cases still match each other ("s" and
    "ſ"), or a word is empty (it opens anywhere), the words are left ungrouped."""
    words = list(words)
    groups: dict[str, list[str]] = {}
    for w in words:
        groups.setdefault(w[:1].lower() if ignore_case else w[:1], []).append(w)
    plain = "|".join(re.escape(w) for w in words)
    if "" in groups or any(len(key) != 1 for key in groups):
        return plain
    if ignore_case and any(a != b and re.fullmatch(re.escape(a), b, re.IGNORECASE)
                           for a in groups for b in groups):
        return plain
    return "|".join(
        re.escape(members[0]) if len(members) == 1
        else re.escape(members[0][0]) + "(?:" + "|".join(re.escape(w[1:]) for w in members) + ")"
        for members in groups.values())


def overlaps(start: int, end: int, ranges) -> bool:
    """Does [start, end) overlap any of ``ranges`` ((start, end) pairs or spans)?"""
    return any(s < end and start < e for s, e in ((r.start, r.end) if hasattr(r, "start") else r for r in ranges))


def slug(text: str) -> str:
    """ASCII slug for ids of new entities: "Cục Biến đổi khí hậu" -> "cuc-bien-doi-khi-hau"."""
    text = text.replace("Đ", "D").replace("đ", "d")
    ascii_ = unicodedata.normalize("NFD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_.lower()).strip("-") or "x"


_DASHES = str.maketrans("–—‐‑−", "-----")
_ANY_DASH = re.compile("[–—‐‑−]")


def _lower(text: str) -> str:
    """Matching form that keeps every offset: lower case, every dash a hyphen.

    (str.lower can change lengths for a few characters; those are left as they are.)
    """
    out = text.lower()
    if len(out) != len(text):
        out = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    # str.translate walks every character through a dict; most paragraphs have no dash to map.
    return out.translate(_DASHES) if _ANY_DASH.search(out) else out


def _is_word_char(c: str) -> bool:
    return c.isalnum() or c in "&+"


def _bounded(text: str, start: int, end: int) -> bool:
    return (start == 0 or not _is_word_char(text[start - 1])) and (end == len(text) or not _is_word_char(text[end]))


def _word_char(c: str) -> bool:
    """Whether ``c`` is what the regex class ``\\w`` matches (``re`` asks the same Unicode table as ``str.isalnum``)."""
    return c.isalnum() or c == "_"


def occurrences(text: str, word: str, whole: bool = False) -> Iterator[tuple[int, int]]:
    """The spans of ``word`` in ``text`` left to right, none overlapping, as ``re.finditer(re.escape(word), text)``
    finds them; with ``whole``, only those with no word character either side, as ``(?<!\\w)word(?!\\w)`` finds them.
    Why not the regex: the linkers look a document's own words up (given names, short names, short forms) in each
    paragraph, and a pattern compiled per word costs more than the search and crowds ``re``'s cache out."""
    if not word:  # an empty word matches at every position: the regex's own answer
        pattern = r"(?<!\w)(?!\w)" if whole else ""
        yield from (m.span() for m in re.finditer(pattern, text))
        return
    n, pos = len(word), 0
    while (i := text.find(word, pos)) >= 0:
        if whole and (i > 0 and _word_char(text[i - 1]) or i + n < len(text) and _word_char(text[i + n])):
            pos = i + 1  # the regex tries the next position
            continue
        yield i, i + n
        pos = i + n


def _case_apart(chars: set[str]) -> re.Pattern[str]:
    """The characters a case-insensitive pattern matches to one of ``chars`` (lower-case letters of its words) that
    their lower case (as ``_lower`` makes it) is not: those CPython's ``re`` folds together with one of them beyond
    lower case ("ſ" with "s", "ı" with "i"; ``re._casefix``), "İ" (its lower case is two characters, ``_lower``
    keeps it) and "Σ" (``str.lower`` makes it "ς" at a word's end). A text holding one is scanned whatever a gate
    of lower-cased words says; without that table (another Python), every text is."""
    try:
        from re._casefix import _EXTRA_CASES
    except ImportError:
        return re.compile(r"[\s\S]")
    apart = {"\u0130", "\u03a3"}
    for key, others in _EXTRA_CASES.items():
        members = {chr(key), *map(chr, others)}
        for c in members & chars:
            for m in members - {c}:  # m, and the letters whose lower case m is
                apart |= {m} | {u for u in (m.upper(), m.title()) if len(u) == 1 and u.lower() == m}
    return re.compile("[" + "".join(re.escape(c) for c in sorted(apart)) + "]")


class GatedPattern:
    """A compiled ``pattern`` every match of which holds one of some literal ``words``, case for case (its
    alternation of them, as "(?<![\\w&])(?:Thông tư|Quyết định|…) …"), asked through an Aho-Corasick automaton of
    those words first: ``finditer`` over a text that holds none of them finds nothing without the regex scanning it.

    Why: a pattern that opens with a lookbehind gets no fast scan from the regex engine, which tries its
    alternation at every position of every paragraph; the rare ones (sessions, numbered documents and roads,
    contests, festivals, chambers) match in a few paragraphs of a hundred, and one pass of the automaton in C
    costs a fraction of that scan. Exact: a text that holds none of the words holds no match. Built once, from
    the rules' words, with the pattern (``regex``, for anything but ``finditer``, ``search`` and ``match``).

    With ``ignore_case`` (a pattern that compares the words case-insensitively, ``(?i:…)``), the automaton holds
    the words' matching form (``_lower``) and is asked over the text's (``low``, the paragraph's ``_lower`` when the
    caller has it); a text holding a character whose case ``re`` folds otherwise (``_case_apart``) is scanned."""

    __slots__ = ("regex", "_words", "_apart")

    def __init__(self, regex: re.Pattern[str], words: Iterable[str], ignore_case: bool = False):
        self.regex = regex
        words = {_lower(w) for w in words} if ignore_case else set(words)
        self._apart = _case_apart(set("".join(words))) if ignore_case else None
        self._words = WordGate(words)

    def holds_word(self, text: str, low: str | None = None) -> bool:
        """Whether ``text`` holds one of the words (always, without any to look for); ``low``: its ``_lower``."""
        if self._apart is not None:
            if self._apart.search(text) is not None:
                return True
            text = _lower(text) if low is None else low
        return self._words.holds(text)

    def finditer(self, text: str, pos: int = 0, endpos: int = sys.maxsize,
                 low: str | None = None) -> Iterator[re.Match[str]]:
        return self.regex.finditer(text, pos, endpos) if self.holds_word(text, low) else iter(())

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.regex.search(text, pos, endpos) if self.holds_word(text) else None

    def match(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.regex.match(text, pos, endpos)  # at one position: the automaton would cost more than it saves


def _capitalised(word: str) -> bool:
    return bool(word) and (word[0].isupper() or (word[0].isdigit() and any(c.isupper() for c in word)))


def vietnamese_syllable(word: str) -> bool:
    """Whether ``word`` (one syllable, any case) could be a Vietnamese syllable by its letters."""
    bare = "".join(c for c in unicodedata.normalize("NFD", word.lower().replace("\u0111", "d"))
                   if not unicodedata.combining(c))
    return _VIETNAMESE_SYLLABLE.fullmatch(bare) is not None
