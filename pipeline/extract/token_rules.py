"""Token rules kept as spaCy Matcher patterns in ``pipeline/data/rules/patterns.toml``.

A rule names the word lists of ``tagger.toml`` whose words come *before* the name (matched on
``LOWER``, syllable by syllable) and the Matcher patterns of the name itself, tried in order. The
interpreter proposes one candidate span per name: the name's tokens must be single-spaced, right
after the words before it, and end before a letter, a digit or "&" (shorter runs are tried when
the longest does not). Overlapping proposals of one rule keep the first, as a left-to-right scan.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from spacy.matcher import Matcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

from ..errors import ConfigError
from .rules import TaggerRules

__all__ = ["TokenRule", "TokenRules"]


@dataclass(frozen=True, slots=True)
class TokenRule:
    rule: str
    label: str
    score: float
    before: tuple[tuple[str, ...], ...]  # the words before the name, as lower-cased syllables
    name: tuple[list[dict], ...]  # Matcher patterns of the name, in order of preference


def _ends_clean(doc: Doc, end: int) -> bool:
    """The name ends before a space, punctuation other than "&", or the end of the paragraph."""
    nxt = doc.text[doc[end - 1].idx + len(doc[end - 1]):][:1]
    return not nxt or not (nxt.isalnum() or nxt == "_" or nxt == "&")


def _single_spaced(doc: Doc, start: int, end: int) -> int:
    """The end of the single-spaced run of tokens from ``start`` (at most ``end``)."""
    for i in range(start, end - 1):
        if doc[i].whitespace_ != " " or doc[i + 1].is_space:
            return i + 1
    return end


class TokenRules:
    """The compiled token rules. Build once per vocabulary and reuse."""

    def __init__(self, vocab: Vocab, words: TaggerRules, path: Path | None = None):
        path = path or Path(str(resources.files("pipeline").joinpath("data", "rules", "patterns.toml")))
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise ConfigError(f"{path}: cannot read the token rules ({exc}); fix the TOML") from None
        self.rules: dict[str, TokenRule] = {}
        self._matcher = Matcher(vocab)
        for raw in data.get("pattern", []):
            lists = [getattr(words, name) for name in raw["before"]]
            before = tuple(sorted({tuple(w.lower().split()) for ws in lists for w in ws}))
            rule = TokenRule(raw["rule"], raw["label"], float(raw.get("score", 0.6)), before, tuple(raw["name"]))
            self.rules[rule.rule] = rule
            for alt, pattern in enumerate(rule.name):
                for n in sorted({len(b) for b in before}):
                    lead = [[{"LOWER": s} for s in b] for b in before if len(b) == n]
                    self._matcher.add(f"{rule.rule}|{alt}|{n}", [w + pattern for w in lead])

    def may_fire(self, text: str, rule: str) -> bool:
        """False when ``text`` has none of the words ``rule`` needs before a name (then no Doc is
        built for it: exact, since a match needs those words in the text, and it saves the Doc)."""
        low = text.lower()
        return any(" ".join(b) in low for b in self.rules[rule].before)

    def names(self, doc: Doc, rule: str) -> list[tuple[int, int]]:
        """Character spans of the names ``rule`` finds in ``doc``, left to right, none overlapping."""
        best: dict[int, tuple[int, int]] = {}  # name start token -> (alternative, name end token)
        for key, start, end in self._matcher(doc):
            name, alt, lead = doc.vocab.strings[key].rsplit("|", 2)
            if name != rule:
                continue
            first = start + int(lead)
            if start > 0 and not doc[start - 1].whitespace_ and (doc[start - 1].text[-1:].isalnum()
                                                              or doc[start - 1].text.endswith("_")):
                continue  # the words before start a word of the text, not its middle
            if _single_spaced(doc, start, first + 1) != first + 1:
                continue  # the words before and the name's first token, one space apart
            stop = _single_spaced(doc, first, end)
            while stop > first and not _ends_clean(doc, stop):
                stop -= 1
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
