"""Where a photo or source credit sits inside a line: one rule for every stage.

Rules: the ``[credit]`` section of ``pipeline/data/furniture.toml``. Built once (``Credits.load()``)
and passed to the stages that need it; holds no state.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from .datafiles import load_toml
from .wordgate import WordGate

__all__ = ["Credits"]

_WORD = re.compile(r"\S+")
_END_PUNCT = ".;)!?"
# How far from a paragraph's end a closing "Theo …" credit may start (its sources and a slash before them).
_TAIL_CHARS = 160


@dataclass(frozen=True, slots=True)
class Credits:
    marker: re.Pattern[str]
    openers: frozenset[str]
    continues: frozenset[str]
    max_words: int
    source_line: re.Pattern[str]  # a closing line naming only the sources: "Theo Reuters, NYT, CNA"
    # ``marker_words``, which every match of ``marker`` holds (None: ask the marker everywhere). The marker
    # opens with lookbehinds, so the regex engine tries its alternation at every position of every paragraph
    # (the tagger) and sentence (the events); a line holding none of the words holds no credit.
    marker_words: WordGate | None = None
    # The same closing credit ending a paragraph after its last sentence ("… GMC Yukon. Theo Trí thức trẻ"):
    # one-paragraph crawls keep it there. Searched in the paragraph's last characters only.
    source_tail: re.Pattern[str] | None = None

    @classmethod
    def load(cls) -> "Credits":
        data = load_toml("furniture.toml", what="furniture rules")[0]["credit"]
        return cls(re.compile(data["marker"]), frozenset(data["openers"]), frozenset(data["continues"]),
                   int(data["max_words"]), re.compile(data["source_line"]), WordGate(data.get("marker_words", [])),
                   re.compile(data["source_tail"]) if "source_tail" in data else None)

    def may_hold_marker(self, text: str, start: int = 0, end: int | None = None) -> bool:
        """Whether ``text[start:end]`` holds one of ``marker_words`` (always, without them): where it holds
        none, ``marker`` finds nothing there (a match and what its lookahead reads lie inside the stretch)."""
        return self.marker_words is None or self.marker_words.holds(text, start, end)

    def spans(self, text: str, start: int = 0, end: int | None = None,
              stop_at: Callable[[int], bool] | None = None) -> list[tuple[int, int]]:
        """(start, end) of every credit in ``text[start:end]``; ``stop_at(pos)`` may end a credit
        before a word (the tagger stops at a title: "Ảnh: AP/TTXVN Đại tướng …")."""
        end = len(text) if end is None else end
        found: list[tuple[int, int]] = []
        pos, holds = start, self.may_hold_marker(text, start, end)
        while holds and (m := self.marker.search(text, pos, end)) is not None:
            span = (m.start(), self._credit_end(text, m, end, stop_at))
            found.append(span)
            pos = max(span[1], m.end())
        if start == 0 and end == len(text) and (line := self.source_line.match(text)) is not None:
            found.append(line.span("credit"))
        elif start == 0 and end == len(text) and self.source_tail is not None \
                and (tail := self.source_tail.search(text, max(0, end - _TAIL_CHARS))) is not None:
            found.append(tail.span("credit"))
        return found

    def _credit_end(self, text: str, m: re.Match[str], end: int,
                    stop_at: Callable[[int], bool] | None) -> int:
        if m.group().startswith("("):
            close = text.find(")", m.end(), min(end, m.end() + 120))
            if close != -1:
                return close + 1
        stop = m.end()
        previous = ""
        for n, w in enumerate(_WORD.finditer(text, m.end(), end)):
            word = w.group()
            bare = word.strip("\"“”'‘’(,")
            if n >= self.max_words or (n > 0 and self._opens_sentence(bare, previous)) \
                    or (n > 0 and stop_at is not None and stop_at(w.start())):
                break
            stop = w.end()
            if word[-1] in _END_PUNCT or word.endswith(","):
                stop = w.end() - (1 if word.endswith(",") else 0)
                break
            previous = bare
        return stop

    def _opens_sentence(self, word: str, previous: str) -> bool:
        if not word or not word[0].isupper():
            # A lower-case word ends the credit's names, unless credits use it ("Phóng viên … tại").
            return bool(word) and word[0].isalpha() and word.rstrip(".,;)") not in self.continues
        if word in self.openers:
            return True
        # After an agency or a "Name/AGENCY" credit, a capitalised word starts the next sentence.
        return "/" in previous or (len(previous) >= 2 and previous.isupper())
