"""Words and clauses of a sentence: phrase matching on whole words, with offsets."""

from __future__ import annotations

import re
from dataclasses import dataclass

# A quotation: the dates in it are what was said, not when anything reported happened.
_QUOTED = re.compile(r"[\"“«][^\"“”«»]*[\"”»]")
# A quotation: at least a few words between quotation marks (not a quoted phrase such as
# “cấp dưới thân tín”), or a colon that opens reported speech.
_WORD = re.compile(r"\w+")
# A clause ends at a comma, semicolon or colon, but not at the decimal comma of "15,5"; and at a dash right
# after a closing quotation mark, which then does what the comma does ("“…” - bà nói.", "“…”, bà nói.": the
# speaker's clause opens after it; batches 15, 31; issue-14I29).
_CLAUSE_END = re.compile(r"[,;:](?!\d)|(?<=[\"”»])\s*[-–](?=\s)")
_STRONG_STOP = re.compile(r"[;:]")
# Quotes and brackets after which a capitalised verb still starts a sentence.
_OPENERS = "\"“‘'(«[—–-:"


def _opened(text: str, start: int, at: int, opening: str = "(", closing: str = ")") -> bool:
    """Is offset ``at`` inside a bracket (or quotation) opened after ``start`` and not yet closed?"""
    return text.rfind(opening, start, at) > text.rfind(closing, start, at)


def _phrase(text: str) -> tuple[str, ...]:
    return tuple(w.lower() for w in _WORD.findall(text))


def _phrases(values: list[str]) -> tuple[tuple[str, ...], ...]:
    return tuple(p for p in (_phrase(v) for v in values) if p)


def _word_regex(values: list[str], flags: int = re.IGNORECASE) -> re.Pattern[str]:
    """Alternation of regex fragments, longest first, as whole words."""
    body = "|".join(sorted(values, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{body})(?!\w)", flags)



def _literal_words(values: list[str]) -> re.Pattern[str]:
    """Any of ``values`` (plain words, not regexes) as a whole word, any case; never matches
    when there are none."""
    return _word_regex([re.escape(v) for v in values] or ["(?!)"])


def _ending_words(values: list[str]) -> re.Pattern[str]:
    """Any of ``values`` (plain words) then one space, ending the stretch searched: what stands
    right before a name ("khách Tây Ban Nha", "quận Hai Bà Trưng")."""
    body = "|".join(re.escape(v) for v in values) or "(?!)"
    return re.compile(rf"(?<!\w)(?:{body})\s$", re.IGNORECASE)


def _text_words(text: str) -> list[str]:
    return _WORD.findall(text)


@dataclass(slots=True)
class _Words:
    """The words of a stretch of text with their offsets, for phrase matching."""

    text: str
    spans: list[tuple[int, int]]
    lower: list[str]
    # The stretch's words as a set: a phrase whose first word is not in it stands nowhere (``anywhere``).
    present: frozenset[str] = frozenset()

    @classmethod
    def of(cls, text: str, start: int, end: int) -> "_Words":
        spans = [m.span() for m in _WORD.finditer(text, start, end)]
        # The stretch lower-cased once and cut, as each word lower-cased alone gives it, but where lower case
        # changes a length ("İ") or reads its context (a final "Σ"): there each word alone.
        low = text[start:end].lower()
        if len(low) != end - start or text.find("Σ", start, end) >= 0:
            lower = [text[s:e].lower() for s, e in spans]
        else:
            lower = [low[s - start:e - start] for s, e in spans]
        return cls(text, spans, lower, frozenset(lower))

    def anywhere(self, phrases: tuple[tuple[str, ...], ...]) -> bool:
        """Some phrase of ``phrases`` stands somewhere in the stretch: asked of the word set first, since
        a sense's words are rarely in a sentence (issue-14E34: the word-by-word scan of every phrase over
        every word was the events stage's hottest loop)."""
        present = self.present
        return any(p[0] in present and any(self.match(k, p) for k in range(len(self.spans))) for p in phrases)

    def gap_ok(self, k: int) -> bool:
        """Only whitespace between word k-1 and word k."""
        a, b = self.spans[k - 1][1], self.spans[k][0]
        return a < b and self.text[a:b].isspace()

    def match(self, i: int, phrase: tuple[str, ...]) -> bool:
        # Called for every word against every phrase its first word could open (the stage's
        # hottest loop): the first word decides most calls, so it is tested before anything else.
        n = len(phrase)
        if i < 0 or i + n > len(self.spans) or self.lower[i] != phrase[0]:
            return False
        for k in range(1, n):
            if self.lower[i + k] != phrase[k] or not self.gap_ok(i + k):
                return False
        return True

    def preceded_by(self, i: int, phrase: tuple[str, ...]) -> bool:
        """Words ``phrase`` end right before word ``i`` (only whitespace between)."""
        j = i - len(phrase)
        return j >= 0 and self.match(j, phrase) and self.gap_ok(i)

    def followed_by(self, j: int, phrase: tuple[str, ...]) -> bool:
        """Words ``phrase`` start right at word ``j``, after only whitespace."""
        return 0 < j < len(self.spans) and self.match(j, phrase) and self.gap_ok(j)

    def preceded_by_any(self, i: int, phrases: tuple[tuple[str, ...], ...]) -> bool:
        """``any(self.preceded_by(i, p) for p in phrases)``, a phrase tried only when its last word is word
        ``i - 1`` (the words before a trigger are asked of every list of cues: issue-14E34)."""
        if not 0 < i <= len(self.lower):
            return False
        last = self.lower[i - 1]
        return any(p[-1] == last and self.preceded_by(i, p) for p in phrases)

    def followed_by_any(self, j: int, phrases: tuple[tuple[str, ...], ...]) -> bool:
        """``any(self.followed_by(j, p) for p in phrases)``, a phrase tried only when its first word is word ``j``."""
        if not 0 < j < len(self.lower):
            return False
        first = self.lower[j]
        return any(p[0] == first and self.followed_by(j, p) for p in phrases)

    def after(self, offset: int) -> int:
        """Index of the first word starting at or after ``offset``."""
        return next((k for k, (s, _) in enumerate(self.spans) if s >= offset), len(self.spans))

    def opening(self, offset: int) -> int | None:
        """Index of the word that opens the text at ``offset`` (after whitespace); None when ``offset``
        falls inside a word: a mention may end where no word does ("bà Hươngnói", a name glued to the
        next word by a lost space), and the words after such a mention are no clean gap."""
        k = self.after(offset)
        if k == len(self.spans) or self.text[offset:self.spans[k][0]].strip() \
                or (k and self.spans[k - 1][1] > offset):
            return None
        return k

    def at(self, offset: int) -> int | None:
        """Index of the word starting at ``offset``."""
        for k, (s, _) in enumerate(self.spans):
            if s == offset:
                return k
            if s > offset:
                break
        return None


