"""Word segmentation with underthesea's bundled CRF model, returning character offsets.

``underthesea.word_tokenize`` returns strings, spends about a quarter of its time in Python
around the model (a ``groupdict()`` per regex match to find which alternative matched, a
per-token normalisation call) and loses where each word came from, so the segment stage had to
find every word again in the text. ``WordSegmenter`` drives the same pieces — underthesea's own
token regex, its token normalisation table, its CRF featurizer and tagger, loaded from the model
files inside the installed package — and keeps each regex match's offsets, so a word's span is
read off the matches instead of searched for.

The words are those of ``word_tokenize`` exactly: the model sees the same tokens, normalised the
same way (``tests/test_wordseg.py`` compares both over bench and corpus text). When a text is not
in NFC (the cleaner normalises every paragraph, so only direct callers can hit this), offsets
into the normalised text would not be offsets into the caller's, and ``spans`` returns ``None``:
the caller falls back to aligning ``word_tokenize``'s strings.
"""

from __future__ import annotations

import unicodedata
from os.path import dirname, join
from pathlib import Path

from .crfmodel import CrfSegmenterModel

__all__ = ["WordSegmenter"]

_INSIDE = "I-W"  # the model's tag for a syllable that continues the word before it
_OPENS = "B-W"


class WordSegmenter:
    """Built once (the model loads in about a tenth of a second); call ``spans`` per sentence."""

    __slots__ = ("_pattern", "_token_map", "_char_map", "_featurizer", "_tagger", "_long", "_model")

    def __init__(self) -> None:
        # Imported here: loading underthesea's model costs start-up only where words are needed.
        import re

        import joblib
        import underthesea.pipeline.word_tokenize as wt
        from underthesea.pipeline.text_normalize.text_normalizer import character_map, token_map
        from underthesea.pipeline.word_tokenize import regex_tokenize
        from underthesea_core import CRFFeaturizer, CRFTagger

        # The module's combined pattern string, compiled here: underthesea rebinds its module-level
        # compiled pattern when anyone calls it with ``fixed_words``; this one never changes.
        self._pattern = re.compile(regex_tokenize.regex_patterns_combine, re.VERBOSE | re.UNICODE)
        self._token_map = dict(token_map)
        self._char_map = tuple(character_map.items())
        # token_normalize leaves tokens longer than this untouched (underthesea's own rule).
        self._long = 6
        model = join(dirname(wt.__file__), "models", "ws_crf_vlsp2013_20230727")
        dictionary = joblib.load(join(model, "dictionary.bin"))
        self._model: CrfSegmenterModel | None
        self._featurizer = self._tagger = None
        try:
            # The same model scored from its weights, three times faster (pipeline/crfmodel.py).
            self._model = CrfSegmenterModel.load(Path(model), dictionary)
        except ValueError:
            # A model file of another layout: underthesea's own featurizer and tagger.
            self._model = None
            self._tagger = CRFTagger()
            self._tagger.load(str(Path(model) / "models.bin"))
            self._featurizer = CRFFeaturizer(joblib.load(join(model, "features.bin")), dictionary)

    def _normalise(self, text: str) -> str:
        text = unicodedata.normalize("NFC", text)
        for bad, good in self._char_map:
            if bad in text:
                text = text.replace(bad, good)
        return text

    def _tag(self, text: str) -> tuple[list[tuple[int, int, str]], list[str]]:
        """underthesea's tokens of ``text`` (offsets and normalised form) and the model's tags."""
        matches = []
        for m in self._pattern.finditer(self._normalise(text)):
            tok = m.group()
            if len(tok) <= self._long:
                tok = self._normalise(tok)
                tok = self._token_map.get(tok, tok)
            matches.append((m.start(), m.end(), tok))
        if not matches:
            return [], []
        if self._model is not None:
            inside = self._model.inside
            return matches, [_INSIDE if x == inside else _OPENS for x in self._model.tags([t for _, _, t in matches])]
        return matches, self._tagger.tag(self._featurizer.process([[[t] for _, _, t in matches]])[0])

    def spans(self, text: str, start: int = 0) -> list[tuple[int, int]] | None:
        """The words of ``text`` as ``(start, end)`` offsets (shifted by ``start``), or ``None``
        when ``text`` is not in NFC (see the module docstring)."""
        if not unicodedata.is_normalized("NFC", text):
            return None
        # The character map is one-for-one (ð -> đ), so offsets survive it.
        matches, tags = self._tag(text)
        out: list[tuple[int, int]] = []
        for n, (tag, (s, e, _)) in enumerate(zip(tags, matches)):
            if tag == _INSIDE and n > 0:
                out[-1] = (out[-1][0], start + e)
            else:
                out.append((start + s, start + e))
        return out

    def words(self, text: str) -> list[str]:
        """What ``underthesea.word_tokenize(text)`` returns (the equivalence the tests check)."""
        matches, tags = self._tag(text)
        out: list[str] = []
        for n, (tag, (_, _, tok)) in enumerate(zip(tags, matches)):
            if tag == _INSIDE and n > 0:
                out[-1] = out[-1] + " " + tok
            else:
                out.append(tok)
        return out
