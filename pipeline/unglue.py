"""Put back the space a crawl lost between two words ("Kiênngày" -> "Kiên ngày", "địnhbà" -> "định bà").

A name glued to a lower-case word ("Triệu Lập Kiênngày 13/4", "bà Hươngnói", "Sở GD-ĐTchỉ thu hồi") makes the
tagger's name run on into the word, and a name cut inside the word leaves a mention whose end is no word's end.
Two lower-case words glued together ("khẳng địnhbà con", "cho rằngviệc") hide a speech verb from the event
frames, and a foreign name glued to the next word ("Bhavanaviết", "Floridavà") runs on the same way.
The clean stage splits such a word, so every later stage reads two words. What counts as glued is data
(``[glued]`` in ``pipeline/data/furniture.toml``):

* a capitalised Vietnamese syllable, or an upper-case acronym, followed by a lower-case Vietnamese syllable that
  is a word of its own there — one of the closed class of ``words``, or the first syllable of a dictionary word
  with the next word, or a dictionary word with the first syllable;
* a lower-case word that is no Vietnamese syllable (by the spelling rules of ``[glued.spelling]``: initial,
  vowel cluster, final, one tone mark) and no dictionary word, which splits into two such syllables in exactly one
  way that the context confirms: either half is one of ``words``, or the first half closes a dictionary word with
  the word before, or the second opens one with the word after, or the halves are one dictionary word. A word with
  no tone mark ("nitơ", "đôla", "magiê": loans written as one word) is split only before or after one of ``words``;
  a word joined to another by a hyphen, a dot, "@", "/" or a digit (a transliteration "Ma-crông", an address, a
  code) is never touched;
* a lower-case Vietnamese word glued to the capitalised name after it ("Tổng thốngJoe Biden", "tạiNhật Bản"), when
  the word is one of ``words`` or closes a dictionary word with the word before ("macOS", "iPhone" stay);
* a capitalised Latin-script word of at least ``foreign_head`` letters followed by a Vietnamese syllable with a
  Vietnamese mark ("Floridavà", "Eximbankđề nghị") that is one of ``words`` or opens a dictionary word with the next
  word; the letters before it must be plain ASCII, so a foreign name's own accents ("Fernández", "Ragnarök") stay,
  and the syllable is the longest the word ends with ("Seachở" is never "Seach ở").

A comma or a full stop that lost its space between two words gets it back (``punctuation``: after a comma between
letters, "Hữu nghị,Láng giềng"; after a full stop that ends a Vietnamese syllable in lower case before a capitalised
word, "Biển Đông.Tháng 9"; never in a URL, an e-mail, "TP.HCM", "Sport.Trueid" or an initial "H.Long").

Only spaces are ever added (one per split); no letter changes. A word is split again while a part is still glued,
so the repair is idempotent.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .normalize import strip_tones, tone_count, unmarked

__all__ = ["Unglue"]

_WORD = re.compile(r"[^\W\d_]+")
# Characters that join a letter run to something that is no running text: a transliteration's hyphen, a domain's
# dot, an address, a path, a code.
_JOINERS = frozenset("-.@/_\\:&'’")


def _untoned(word: str) -> tuple[str, int]:
    """``word`` lower-cased without its tone marks (vowel marks kept), and how many tone marks it had."""
    lower = word.lower()
    return strip_tones(lower), tone_count(lower)


def _alternation(items: list[str]) -> str:
    return "|".join(re.escape(i) for i in sorted(items, key=len, reverse=True))


@dataclass(frozen=True, slots=True)
class Unglue:
    syllable: re.Pattern[str]
    words: frozenset[str]
    dictionary: frozenset[str]
    min_tail: int
    # a Vietnamese syllable by its spelling: initial, open or closing vowel cluster (and final), on untoned text
    spelled: re.Pattern[str]
    foreign_head: int
    # a comma or full stop that lost its space between two words ("Hữu nghị,Láng giềng", "Biển Đông.Tháng 9")
    punctuation: re.Pattern[str]
    # loans written as one word that the dictionary spells as two ("êkíp" / "ê kíp"): the article's spelling stays
    loans: frozenset[str]

    @classmethod
    def from_data(cls, data: dict, dictionary: frozenset[str]) -> "Unglue":
        sp = data["spelling"]
        spelled = re.compile(
            rf"(?:{_alternation(sp['initials'])})?"
            rf"(?:(?:{_alternation(sp['open'])})|(?:{_alternation(sp['closing'])})(?:{_alternation(sp['finals'])}))")
        return cls(re.compile(data["syllable"]), frozenset(data["words"]), dictionary, int(data["min_tail"]),
                   spelled, int(data["foreign_head"]), re.compile(data["punctuation"]),
                   frozenset(data["loans"]))

    def __call__(self, text: str, known: frozenset[str] = frozenset()) -> str:
        """``text`` with its glued words split; ``known``: the words the same document writes on their own
        (``words_of``), which confirm a foreign name's end ("Biden" there: "Bidenở" is "Biden ở")."""
        text = self.punctuation.sub(self._spaced, text)
        # A split can leave a part that is itself glued ("tuyếnhoặctrực"): again until nothing changes. Each pass
        # that changes the text adds a space inside a letter run, so this ends.
        while (again := self._pass(text, known)) != text:
            text = again
        return text

    def _spaced(self, m: re.Match[str]) -> str:
        """The comma or full stop of ``m`` with the space it lost, or as it is (see ``[glued]`` punctuation)."""
        text, dot = m.string, m.start()
        run = text.rfind(" ", 0, dot) + 1
        before = re.search(r"[^\W\d_]+$", text[run:dot])
        if before is None or any(c in "/@" for c in text[run:dot]) or \
                any(c == "." or c.isdigit() for c in text[run:dot - len(before.group())]):
            return m.group()
        if m.group() == ",":
            return ", "
        word = before.group()
        nxt = text[dot + 1:dot + 3]
        if not (len(nxt) == 2 and nxt[0].isupper() and nxt[1].islower() and word[-1].islower()
                and self._is_syllable(word)):
            return m.group()
        return ". "

    @staticmethod
    def words_of(texts: list[str]) -> frozenset[str]:
        """The letter runs of ``texts``: the words a document writes on their own."""
        return frozenset(w for t in texts for w in _WORD.findall(t))

    def _pass(self, text: str, known: frozenset[str]) -> str:
        out, pos = [], 0
        for m in _WORD.finditer(text):
            cut = self._cut(m.group(), text, m.start(), m.end(), known)
            if cut:
                out.append(text[pos:m.start() + cut])
                out.append(" ")
                pos = m.start() + cut
        if not out:
            return text
        out.append(text[pos:])
        return "".join(out)

    def _is_syllable(self, word: str) -> bool:
        return self.syllable.fullmatch(unmarked(word)) is not None

    def _spelled(self, word: str) -> bool:
        """``word`` is spelled as one Vietnamese syllable: the spelling rules, at most one tone mark."""
        untoned, tones = _untoned(word)
        return tones <= 1 and self.spelled.fullmatch(untoned) is not None

    def _cut(self, word: str, text: str, start: int, end: int, known: frozenset[str] = frozenset()) -> int:
        """Where ``word`` (``text[start:end]``) splits into two words; 0 for none."""
        if word.islower():
            return self._lower_cut(word, text, start, end)
        if word[0].islower():
            return self._camel_cut(word, text, start)
        if len(word) < 2 + self.min_tail or not word[0].isupper():
            return 0
        caps = next((k for k, c in enumerate(word) if not c.isupper()), len(word))
        if caps >= 2 and word[caps:].islower():  # an acronym, then lower-case letters: "ĐTchỉ", "HCMra"
            cuts = [caps]
        elif word[1:].islower() and not word.isascii() and not self._is_syllable(word) \
                and word.lower() not in self.dictionary:
            cuts = range(len(word) - self.min_tail, 1, -1)
        else:
            return 0
        following = self._following(text, end)
        for i in cuts:
            head, tail = word[:i], word[i:]
            if len(tail) < self.min_tail or not (head.isupper() or self._is_syllable(head)):
                continue
            if not self._is_syllable(tail):
                # "ĐTsẽtổng": an acronym glued to two words glued together; the next pass splits the pair
                if head.isupper() and self._lower_cut(tail, text, start + i, end):
                    return i
                continue
            if tail in self.words or (head.lower() + " " + tail) in self.dictionary \
                    or (following is not None and (tail + " " + following) in self.dictionary):
                return i
        return self._foreign_cut(word, following, known) if caps == 1 else 0

    @staticmethod
    def _following(text: str, end: int) -> str | None:
        """The word after a single space at ``end``, lower-cased; None when there is none."""
        nxt = _WORD.match(text, end + 1) if end < len(text) and text[end] == " " else None
        return nxt.group().lower() if nxt is not None else None

    @staticmethod
    def _preceding(text: str, start: int) -> str | None:
        """The word before a single space at ``start``, lower-cased; None when there is none."""
        if start < 2 or text[start - 1] != " ":
            return None
        k = start - 1
        while k > 0 and text[k - 1].isalpha():
            k -= 1
        return text[k:start - 1].lower() if k < start - 1 else None

    def _foreign_cut(self, word: str, following: str | None, known: frozenset[str]) -> int:
        """"Floridavà", "Bhavanaviết": a Latin-script name (plain ASCII) glued to a marked Vietnamese word."""
        first = next((k for k, c in enumerate(word) if not c.isascii()), len(word))
        if first == len(word):
            return 0
        # The document writes the name alone elsewhere ("Biden", "Sea"): the one cut after it, whatever the word.
        named = [i for i in range(self.foreign_head, first + 1) if word[:i] in known and self._spelled(word[i:])
                 and (len(word) - i >= self.min_tail or word[i:] in self.words)]
        if len(named) == 1:
            return named[0]
        # The longest Vietnamese syllable at the end is the glued word: "Seachở" is "Sea chở" or nothing, never
        # "Seach ở"; "Bidenở" ("Biden ở" or "Bide nở") is left alone.
        i = next((i for i in range(max(self.foreign_head, first - 3), first + 1) if self._spelled(word[i:])), 0)
        tail = word[i:]
        if not i or (len(tail) < self.min_tail and tail not in self.words):
            return 0
        return i if tail in self.words or (following is not None and (tail + " " + following) in self.dictionary) else 0

    def _camel_cut(self, word: str, text: str, start: int) -> int:
        """"Tổng thốngJoe", "tạiNhật Bản", "Tàu ngầmKRI": a lower-case Vietnamese word glued to the capitalised
        name after it, which the context confirms is a word there (one of ``words``, or the end of a dictionary
        word with the word before); never a brand's or a system's own capitals ("iPhone", "macOS", "mmWave")."""
        i = next(k for k, c in enumerate(word) if not c.islower())
        head, tail = word[:i], word[i:]
        if len(head) < self.min_tail or len(tail) < self.min_tail or not word[i].isupper() \
                or not self._spelled(head) or (start and text[start - 1] in _JOINERS):
            return 0
        before = self._preceding(text, start)
        return i if head in self.words or (before is not None and f"{before} {head}" in self.dictionary) else 0

    def _lower_cut(self, word: str, text: str, start: int, end: int) -> int:
        """"địnhbà", "bộcủa", "emcó": two lower-case syllables glued into no word; the one split the context
        confirms (module docstring)."""
        if word.isascii() or len(word) < 2 + self.min_tail or self._spelled(word) or word in self.dictionary \
                or word.lower() in self.loans:
            return 0
        if (start and (text[start - 1] in _JOINERS or text[start - 1].isdigit())) \
                or (end < len(text) and (text[end] in _JOINERS or text[end].isdigit())):
            return 0
        toned = _untoned(word)[1] > 0
        before, after = self._preceding(text, start), self._following(text, end)
        found = []
        for i in range(1, len(word)):
            head, tail = word[:i], word[i:]
            if not (self._spelled(head) and self._spelled(tail)):
                continue
            closed = head in self.words or tail in self.words
            if closed or toned and ((before is not None and f"{before} {head}" in self.dictionary)
                                    or (after is not None and f"{tail} {after}" in self.dictionary)
                                    or f"{head} {tail}" in self.dictionary):
                found.append(i)
        return found[0] if len(found) == 1 else 0
