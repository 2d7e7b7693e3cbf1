"""Put back the space a crawl lost between a name and the next word ("Kiênngày" -> "Kiên ngày").

A name glued to a lower-case word ("Triệu Lập Kiênngày 13/4", "bà Hươngnói", "Sở GD-ĐTchỉ thu hồi") makes the
tagger's name run on into the word, and a name cut inside the word leaves a mention whose end is no word's end.
The clean stage splits such a word once, so every later stage reads two words. What counts as glued is data
(``[glued]`` in ``pipeline/data/furniture.toml``): a capitalised Vietnamese syllable, or an upper-case acronym,
followed by a lower-case Vietnamese syllable that is a word of its own there — one of the closed class of
``words``, or the first syllable of a dictionary word with the next word, or a dictionary word with the first
syllable. Only letters are ever added between (one space); no letter changes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .normalize import unmarked

__all__ = ["Unglue"]

_WORD = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True, slots=True)
class Unglue:
    syllable: re.Pattern[str]
    words: frozenset[str]
    dictionary: frozenset[str]
    min_tail: int

    @classmethod
    def from_data(cls, data: dict, dictionary: frozenset[str]) -> "Unglue":
        return cls(re.compile(data["syllable"]), frozenset(data["words"]), dictionary, int(data["min_tail"]))

    def __call__(self, text: str) -> str:
        out, pos = [], 0
        for m in _WORD.finditer(text):
            cut = self._cut(m.group(), text, m.end())
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

    def _cut(self, word: str, text: str, end: int) -> int:
        """Where ``word`` (ending at ``end`` in ``text``) splits into a name and a glued word; 0 for none."""
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
        following = _WORD.match(text, end + 1) if end < len(text) and text[end] == " " else None
        for i in cuts:
            head, tail = word[:i], word[i:]
            if len(tail) < self.min_tail or not self._is_syllable(tail) or not (head.isupper() or self._is_syllable(head)):
                continue
            if tail in self.words or (head.lower() + " " + tail) in self.dictionary \
                    or (following is not None and (tail + " " + following.group().lower()) in self.dictionary):
                return i
        return 0
