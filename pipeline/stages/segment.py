"""Segment stage: sentences and words with underthesea, as character offsets.

Requires: cleaned, deduplicated ``paragraphs``. Sets: each paragraph's ``sentences``, each with
``start``/``end`` into the paragraph text and ``tokens`` as ``(start, end)`` pairs into the same
text, and the document's ``sentences`` count.

Words come from ``pipeline.wordseg.WordSegmenter``: underthesea's own word segmentation model,
driven so that each word keeps the offsets of the syllables it was built from (the words are
``word_tokenize``'s exactly). ``word_tokenize`` itself returns normalised strings — "Hoà Phát"
comes back as "Hòa Phát" — which could not always be found again in the text, and such words
used to be dropped from a sentence's tokens. Sentences still come from ``sent_tokenize`` as
strings, found again in the paragraph by ``align`` (walking both texts, skipping whitespace), so
every span slices back to what the text says.
"""

from __future__ import annotations

from collections.abc import Callable

from ..model import Document, Sentence
from ..wordseg import WordSegmenter

__all__ = ["Segmenter", "align"]


def align(text: str, pieces: list[str], start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Offsets of ``pieces`` in ``text[start:end]``, in order, ignoring whitespace differences.

    A piece that cannot be found (the tokenizer changed characters) is skipped; the cursor does
    not move, so later pieces still align.
    """
    end = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    cursor = start
    for piece in pieces:
        if piece and not piece[0].isspace() and not piece[-1].isspace():
            i = cursor
            while i < end and text[i].isspace():
                i += 1
            # The usual case, verbatim: what the walk below would find, without walking.
            if text.startswith(piece, i, end):
                spans.append((i, i + len(piece)))
                cursor = i + len(piece)
                continue
        chars = [c for c in piece if not c.isspace()]
        if not chars:
            continue
        i = cursor
        while i < end and text[i].isspace():
            i += 1
        j, k = i, 0
        while j < end and k < len(chars):
            if text[j] == chars[k]:
                k += 1
                j += 1
            elif text[j].isspace() and k > 0:
                j += 1
            else:
                break
        if k == len(chars):
            spans.append((i, j))
            cursor = j
            continue
        # Lost sync (characters changed): look ahead for the piece verbatim.
        found = text.find(piece, cursor, end)
        if found >= 0:
            spans.append((found, found + len(piece)))
            cursor = found + len(piece)
    return spans


class Segmenter:
    """``Doc -> Doc``: see the module docstring. Tokenizers are injected for tests: an injected
    ``word_tokenize`` returns strings, which are aligned like the sentences. ``dictionary``: the
    segmentation model's words (``pipeline.wordseg.dictionary_words``), read once by the pipeline
    for every stage that needs them."""

    def __init__(
        self,
        sent_tokenize: Callable[[str], list[str]] | None = None,
        word_tokenize: Callable[[str], list[str]] | None = None,
        dictionary: frozenset[str] | None = None,
    ):
        if sent_tokenize is None:
            from underthesea import sent_tokenize
        self.sent_tokenize = sent_tokenize
        self.word_tokenize = word_tokenize
        self.words = WordSegmenter(dictionary) if word_tokenize is None else None
        if word_tokenize is None:
            from underthesea import word_tokenize as wt

            # Only for a text not in NFC (WordSegmenter.spans says so); the cleaner prevents it.
            self.word_tokenize = wt

    def _tokens(self, text: str, s: int, e: int) -> list[tuple[int, int]]:
        if self.words is not None:
            spans = self.words.spans(text[s:e], s)
            if spans is not None:
                return spans
        return align(text, self.word_tokenize(text[s:e]), s, e)

    def __call__(self, doc: Document) -> Document:
        if doc.status not in ("ok", "duplicate"):
            return doc
        total = 0
        for para in doc.paragraphs:
            text = para.text
            sentences = []
            spans = align(text, self.sent_tokenize(text)) or [(0, len(text))]
            # Text the sentence splitter dropped must not vanish: extend spans over the gaps.
            fixed: list[tuple[int, int]] = []
            for n, (s, e) in enumerate(spans):
                s = 0 if n == 0 else fixed[-1][1]
                e = len(text) if n == len(spans) - 1 else e
                while s < e and text[s].isspace():
                    s += 1
                if s < e:
                    fixed.append((s, e))
            for s, e in fixed:
                sent_text = text[s:e].rstrip()
                e = s + len(sent_text)
                tokens = self._tokens(text, s, e)
                sentences.append(Sentence(len(sentences), s, e, sent_text, tokens))
            para.sentences = sentences
            total += len(sentences)
        doc.sentences = total
        return doc
