"""One question asked of a text many times: does it hold any of these literal words?

A pattern that opens with a lookbehind gets no fast scan from the regex engine, which tries it at every
position of every paragraph; one pass of an Aho-Corasick automaton (in C) over the text answers whether
any of the pattern's own words is there at a fraction of that cost, and a text holding none of them holds
no match. Used by the credits' marker (``pipeline/credits.py``) and by the tagger's rare patterns
(``GatedPattern`` in ``pipeline/extract/text.py``)."""

from __future__ import annotations

from collections.abc import Iterable

import ahocorasick

__all__ = ["WordGate"]


class WordGate:
    """The literal ``words``, built once; ``holds`` asks a text (or a stretch of it) for any of them. Without
    words (or with an empty one, which every text holds) there is nothing to gate on: every text holds one."""

    __slots__ = ("words", "_automaton")

    def __init__(self, words: Iterable[str]):
        self.words = tuple(sorted(set(words)))  # sorted: the same automaton from the same words
        self._automaton = None if not self.words or "" in self.words else ahocorasick.Automaton()
        if self._automaton is not None:
            for w in self.words:
                self._automaton.add_word(w, len(w))
            self._automaton.make_automaton()

    def holds(self, text: str, start: int = 0, end: int | None = None) -> bool:
        if self._automaton is None:
            return True
        return next(self._automaton.iter(text, start, len(text) if end is None else end), None) is not None
