"""A spaCy ``Doc`` of one paragraph, built from the segmenter's output with exact character offsets.

Tokens are the segmenter's words cut into syllables and punctuation marks (``\\w+`` runs and single
other characters): Vietnamese names and phrases are written syllable by syllable, and the
gazetteer and rule words are too, so syllables are what patterns match (a measured choice: the
segmenter's multi-syllable words split names differently from the word lists; README, "spaCy").
``doc.text`` is the paragraph text exactly; ``token.idx`` is the character offset.

Word classes from ``pipeline/data/tagger.toml`` are extension attributes: ``token._.word_class``
is the set of classes (``title``, ``org_head``, ``surname``, ``stop``, ``verb``, ``honorific``)
whose word *starts* at that token, read lazily from the Doc's ``user_data`` (spaCy's extension
registry is process-wide; the classes themselves travel with each Doc).

``spacy.blank("vi")`` needs pyvi (a second Vietnamese segmenter); the vocabulary of
``spacy.blank("xx")`` is used instead (a bare ``Vocab()`` computes no ``LOWER``).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from spacy.lang.xx import MultiLanguage
from spacy.tokens import Doc, Token
from spacy.vocab import create_vocab

from ..model import Paragraph
from .rules import TaggerRules

__all__ = ["DocBuilder", "word_bounds"]

_PIECE = re.compile(r"\w+|[^\w\s]")


def _word_classes(token: Token) -> frozenset[str]:
    data = token.doc.user_data
    if "word_classes" not in data:  # computed on first use: most rules never ask
        data["word_classes"] = _starts(token.doc, data["word_class_lists"])
    return data["word_classes"].get(token.i, frozenset())


def _starts(doc: Doc, classes: dict[str, set[tuple[str, ...]]]) -> dict[int, frozenset[str]]:
    lowered = [t.lower_ for t in doc]
    longest = max((len(k) for ws in classes.values() for k in ws), default=1)
    found: dict[int, set[str]] = {}
    for i in range(len(doc)):
        for n in range(1, min(longest, len(doc) - i) + 1):
            key = tuple(lowered[i:i + n])
            for name, words in classes.items():
                if key in words:
                    found.setdefault(i, set()).add(name)
    return {i: frozenset(v) for i, v in found.items()}


def word_bounds(para: Paragraph) -> list[int]:
    """Where the segmenter's words of ``para`` start and end, sorted: where a Doc's tokens are cut inside a piece."""
    return sorted({a for s in para.sentences for t in s.tokens for a in t})


class DocBuilder:
    """Paragraph -> spaCy Doc. Build once (the vocabulary and the word-class lists) and reuse."""

    def __init__(self, rules: TaggerRules):
        # The vocabulary spacy.blank("xx") would make, without building a Language and its tokenizer.
        self.vocab = create_vocab("xx", MultiLanguage.Defaults)
        if not Token.has_extension("word_class"):
            Token.set_extension("word_class", getter=_word_classes)
        classes = {"title": rules.titles, "org_head": rules.org_heads, "surname": tuple(rules.surnames),
                   "stop": tuple(rules.stop_words), "verb": tuple(rules.verbs), "honorific": tuple(rules.honorifics)}
        # class -> the words of that class as tuples of lower-cased syllables
        self._classes = {name: {tuple(w.lower().split()) for w in words} for name, words in classes.items()}
        self._longest = max((len(k) for ws in self._classes.values() for k in ws), default=1)

    def __call__(self, para: Paragraph) -> Doc:
        text = para.text
        cuts = word_bounds(para)
        words: list[str] = []
        spaces: list[bool] = []
        pos = 0
        for m in _PIECE.finditer(text):
            gap = text[pos:m.start()]
            if gap == " " and words:
                spaces[-1] = True
            elif gap:  # other whitespace is a token of its own, so that offsets stay exact
                words.append(gap)
                spaces.append(False)
            inner = cuts[bisect_right(cuts, m.start()):bisect_left(cuts, m.end())]
            bounds = [m.start(), *inner, m.end()]
            for a, b in zip(bounds, bounds[1:]):
                words.append(text[a:b])
                spaces.append(False)
            pos = m.end()
        if pos < len(text):
            words.append(text[pos:])
            spaces.append(False)
        doc = Doc(self.vocab, words=words, spaces=spaces)
        doc.user_data["word_class_lists"] = self._classes
        doc.user_data["word_bounds"] = frozenset(cuts)  # where the segmenter's words start and end
        return doc
