"""Titles of works: the Latin-script titles of films, songs, books and ships a paragraph names.

ANNOTATION.md has no type for a work: its title is no person, body or place, whatever the words
inside it ("Pirates of the Caribbean: The Curse of the Black Pearl", "Dances with Wolves"). A title
is found by what news writes around it (``tagger.toml``, the ``work_*`` lists):

* right after a work's noun ("bộ phim Hope", "tàu hàng Ever Given"), not one that names a maker
  or a venue ("hãng phim Warner Bros.", "liên hoan phim Cannes": ``work_nouns_not_after``);
* listed after a plural work noun ("ba phim Gigli, Pearl Harbor, Daredevil", "các phim A, B và C")
  or after a work noun and "như" ("nhiều bộ phim ăn khách như Aashiqui 2, Ek Villain, Baaghi"),
  each title possibly followed by its year or a gloss in brackets;
* followed by its year in brackets in a paragraph with a work noun ("vai chính trong Mary Reilly
  (1996)").

A title runs over capitalised Latin-script words and numbers, with English function words and a
colon between them ("Alice Through the Looking Glass", "Sweeney Todd: The Demon Barber of Fleet
Street"), and ends on a capitalised word or a number.
"""

from __future__ import annotations

import re

from .rules import TaggerRules

__all__ = ["WorkTitles"]

# One word of a title: a capitalised Latin-script word (no Vietnamese-only letter) or a number.
_WORD = r"(?:[A-Z][a-zA-Záéíóúàèìòùäëïöüñçčšžćłńśźżãõåøæß'’\-]*|\d+)(?!\w)"
# What may follow a listed title before the next one: its year ("(1997)", "(2003-2004)") or a short gloss.
_AFTER_TITLE = r"(?:\s\((?:19|20)\d\d(?:\s?[-–]\s?(?:19|20)?\d\d)?\)|\s\([^()\d]{1,40}\))?"
_YEAR_AFTER = re.compile(r"\s\((?:19|20)\d\d\)")


def _alternation(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


class WorkTitles:
    """The title spans of a paragraph (``titles_in``), built once from the tagger's word lists."""

    def __init__(self, rules: TaggerRules):
        self.rules = rules
        nouns = _alternation(rules.work_nouns)
        function = _alternation(rules.title_function_words)
        self._title = re.compile(rf"{_WORD}(?:(?::\s|\s)(?:(?:{function})\s)*{_WORD})*")
        self._noun = re.compile(rf"(?<![\w&])(?:{nouns}) [\"“‘']?(?=[^\W\d_])")
        self._any_noun = re.compile(rf"(?<![\w&])(?:{nouns})(?!\w)")
        self._not_after = re.compile(rf"(?<!\w)(?:{_alternation(rules.work_nouns_not_after)})\s$", re.IGNORECASE)
        self._plural = re.compile(rf"(?<!\w)(?:{_alternation(rules.work_list_before)}|\d+)\s(?:\w+\s)?$")
        # a work noun, a few lower-case words, then "như"/"gồm" opening a list of titles
        opener = _alternation(rules.work_list_openers)
        self._opener = re.compile(rf"(?<![\w&])(?:{nouns})((?:\s[^\W\d_]\w*){{0,4}}?)\s(?:{opener})\s(?=[A-Z0-9])")
        self._joint = re.compile(rf"(?:,|,?\s(?:{_alternation(rules.work_list_joints)}))\s")
        self._after = re.compile(_AFTER_TITLE)

    def titles_in(self, text: str) -> list[tuple[int, int]]:
        """The title spans of ``text``, in order, none twice."""
        spans: list[tuple[int, int]] = []
        for m in self._noun.finditer(text):
            if self._not_after.search(text, max(0, m.start() - 20), m.start()):
                continue  # "hãng phim Warner Bros.": the maker, no title
            listed = self._plural.search(text, max(0, m.start() - 20), m.start()) is not None
            spans += self._titles_from(text, m.end(), listed)
        for m in self._opener.finditer(text):
            # only lower-case words between the noun and "như" ("bộ phim ăn khách như …")
            if m.group(1) == m.group(1).lower() and not self._not_after.search(text, max(0, m.start() - 20), m.start()):
                spans += self._titles_from(text, m.end(), True)
        if self._any_noun.search(text):
            for m in self._title.finditer(text):
                if _YEAR_AFTER.match(text, m.end()) and self._usable(m.group()):
                    spans.append(m.span())
        return sorted(set(spans))

    def _titles_from(self, text: str, pos: int, listed: bool) -> list[tuple[int, int]]:
        """The title at ``pos`` and, when ``listed``, those listed after it."""
        found: list[tuple[int, int]] = []
        while (t := self._title.match(text, pos)) is not None and self._usable(t.group()):
            found.append(t.span())
            if not listed:
                break
            after = self._after.match(text, t.end())
            joint = self._joint.match(text, after.end())
            if joint is None:
                break
            pos = joint.end()
        return found

    def _usable(self, title: str) -> bool:
        """Not a Vietnamese function word opening a sentence ("Theo", "Tại")."""
        return title.split()[0].lower() not in self.rules.stop_words
