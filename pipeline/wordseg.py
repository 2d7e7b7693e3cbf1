"""Word segmentation with underthesea's bundled CRF model, returning character offsets.

``underthesea.word_tokenize`` returns strings, spends most of its time turning every syllable into
43 feature strings for its Rust tagger, and loses where each word came from, so the segment stage
had to find every word again in the text. ``WordSegmenter`` drives the same pieces — underthesea's
own token regex and token normalisation table, and its CRF model, loaded from the model files
inside the installed package and scored by ``pipeline.crfmodel`` from the model's own weights
(five times faster than the featurizer and tagger, the same labels) — and keeps each regex
match's offsets, so a word's span is read off the matches instead of searched for. A model file
of a layout ``pipeline.crfmodel`` does not know is run by underthesea's featurizer and tagger.

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
from .normalize import traditional_tone_placement

__all__ = ["WordSegmenter", "dictionary_words", "in_both_placements"]

_INSIDE = "I-W"  # the model's tag for a syllable that continues the word before it
_OPENS = "B-W"
_MODEL = "ws_crf_vlsp2013_20230727"  # the segmentation model's folder inside underthesea


def _load_pickled(path: str):
    """A joblib file of plain Python objects, read by the C unpickler (joblib's own reader is pure
    Python: 0.10 s against 0.02 s for the 72 547 words of the dictionary); joblib if that fails."""
    import pickle

    try:
        with open(path, "rb") as fh:
            return pickle.load(fh)
    except (pickle.UnpicklingError, EOFError, AttributeError, ImportError, ValueError):
        import joblib

        return joblib.load(path)


def dictionary_words() -> frozenset[str]:
    """The words (lower case, syllables one space apart) of the segmentation model's dictionary,
    read from the installed package without importing it: the segmenter's model flags them, the
    clean stage's ``Unglue`` splits a glued name off a word of it, and the tagger asks whether a
    segmenter's word is a word of the language ("trung ương") or two words it joined ("Tâm góp").
    ``pipeline.runner.Pipeline`` reads it once and hands the same set to those three stages."""
    import importlib.util

    spec = importlib.util.find_spec("underthesea")
    if spec is None or not spec.submodule_search_locations:
        return frozenset()
    path = join(spec.submodule_search_locations[0], "pipeline", "word_tokenize", "models", _MODEL, "dictionary.bin")
    return frozenset(_load_pickled(path))


def in_both_placements(words: frozenset[str]) -> frozenset[str]:
    """``words`` (the dictionary's, new tone placement: "uỷ ban") with each also in the traditional placement
    of normalised text ("ủy ban"), for lookups of the text's words. Not for the segmentation model: it was
    trained with the dictionary as it is, and fed this one it no longer gives ``word_tokenize``'s words."""
    return words | {traditional_tone_placement(w) for w in words}


class WordSegmenter:
    """Built once (the model loads and folds in about a third of a second); call ``spans`` per sentence.
    ``dictionary``: the model's words as ``dictionary_words`` reads them, when the caller has them
    already (a pipeline reads them once for its stages); read from the model's folder otherwise."""

    __slots__ = ("_pattern", "_token_map", "_char_map", "_featurizer", "_tagger", "_long", "_model")

    def __init__(self, dictionary: frozenset[str] | None = None) -> None:
        # Imported here: loading underthesea's model costs start-up only where words are needed.
        import re

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
        model = join(dirname(wt.__file__), "models", _MODEL)
        if dictionary is None:
            dictionary = frozenset(_load_pickled(join(model, "dictionary.bin")))
        self._model: CrfSegmenterModel | None
        self._featurizer = self._tagger = None
        try:
            # The same model scored from its weights, 5.9 times faster (pipeline/crfmodel.py).
            self._model = CrfSegmenterModel.load(Path(model), dictionary, _load_pickled(join(model, "features.bin")))
        except ValueError:
            # A model file of another layout: underthesea's own featurizer and tagger.
            self._model = None
            self._tagger = CRFTagger()
            self._tagger.load(str(Path(model) / "models.bin"))
            # underthesea's featurizer is given a set, as underthesea itself gives it.
            self._featurizer = CRFFeaturizer(_load_pickled(join(model, "features.bin")), set(dictionary))

    def _normalise(self, text: str) -> str:
        text = unicodedata.normalize("NFC", text)
        for bad, good in self._char_map:
            if bad in text:
                text = text.replace(bad, good)
        return text

    def _tag(self, text: str) -> tuple[list[tuple[int, int]], list[str], list[str]]:
        """underthesea's tokens of ``text``: their offsets, their normalised form, the model's tags."""
        text = self._normalise(text)
        spans = [m.span() for m in self._pattern.finditer(text)]
        if not spans:
            return [], [], []
        # The whole text is already in NFC with the character map applied (one character for one,
        # so offsets hold); what underthesea's per-token normalisation adds is the token table.
        token_map, long = self._token_map, self._long
        tokens = [text[s:e] for s, e in spans]
        tokens = [token_map.get(t, t) if len(t) <= long else t for t in tokens]
        if self._model is not None:
            inside = self._model.inside
            return spans, tokens, [_INSIDE if x == inside else _OPENS for x in self._model.tags(tokens)]
        return spans, tokens, self._tagger.tag(self._featurizer.process([[[t] for t in tokens]])[0])

    def spans(self, text: str, start: int = 0) -> list[tuple[int, int]] | None:
        """The words of ``text`` as ``(start, end)`` offsets (shifted by ``start``), or ``None``
        when ``text`` is not in NFC (see the module docstring)."""
        if not unicodedata.is_normalized("NFC", text):
            return None
        spans, _, tags = self._tag(text)
        out: list[tuple[int, int]] = []
        for n, (tag, (s, e)) in enumerate(zip(tags, spans)):
            if tag == _INSIDE and n > 0:
                out[-1] = (out[-1][0], start + e)
            else:
                out.append((start + s, start + e))
        return out

    def words(self, text: str) -> list[str]:
        """What ``underthesea.word_tokenize(text)`` returns (the equivalence the tests check)."""
        _, tokens, tags = self._tag(text)
        out: list[str] = []
        for n, (tag, tok) in enumerate(zip(tags, tokens)):
            if tag == _INSIDE and n > 0:
                out[-1] = out[-1] + " " + tok
            else:
                out.append(tok)
        return out
