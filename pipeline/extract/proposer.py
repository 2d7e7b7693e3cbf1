"""A statistical proposer: underthesea's bundled CRF NER, where no rule found anything.

Issue #14 asked what a statistical model adds to the rules on news nobody tuned them on. This
module runs underthesea's own CRF chain (POS tags, chunks, then NER tags) over the words the
segment stage already found, so the text is not segmented a second time, and offers each
span it tags as a candidate of the lowest priority (rule ``proposer.ner``, priority 0, without a
place in ``PASSES``): the resolver keeps it only where no rule's candidate lies.
PER is PERSON, ORG is ORG, LOC is GPE (the CRF does not tell countries from regions); which of
them are proposed is ``tag.ner_types``. A span that is a gazetteer name takes the gazetteer's entry.
What is kept: proper nouns (POS ``Np``) of two or more capitalised words, without digits, hyphens
or acronyms, after any leading title ("NSND Tự Long" gives "Tự Long"), and not a whole line (a byline).

It is a config switch, ``tag.ner_proposer``, off by default: it raises entity F1 on the blind
batches of ordinary news but lowers it on dev and held-out, and makes the tag stage thirty times
slower (README, Accuracy). The models ship inside underthesea; nothing is downloaded.
"""

from __future__ import annotations

from typing import Callable, Iterator

from ..model import Paragraph
from ..normalize import fold
from .candidates import Candidate
from .text import slug

__all__ = ["NerProposer", "NER_TYPES"]


# underthesea NER label -> vnews type (MISC and anything else is not proposed).
NER_TYPES = {"PER": "PERSON", "ORG": "ORG", "LOC": "GPE"}


class NerProposer:
    """Proposes underthesea NER spans of one paragraph. Build once: it loads the three CRF models."""

    def __init__(self, names: dict[str, list[str]], pick: Callable[[list[str]], object],
                 not_names: frozenset[str], score: float, types: frozenset[str]):
        from underthesea.pipeline.chunking.model_crf import CRFChunkingPredictor
        from underthesea.pipeline.ner.model_crf import CRFNERPredictor
        from underthesea.pipeline.pos_tag.model_crf import CRFPOSTagPredictor

        self._pos = CRFPOSTagPredictor.Instance()
        self._chunk = CRFChunkingPredictor.Instance()
        self._ner = CRFNERPredictor.Instance()
        self._names = names
        self._pick = pick
        self._not_names = not_names
        self.score = score
        self.types = types

    def spans(self, para: Paragraph) -> Iterator[tuple[list[tuple[int, int]], list[str], str]]:
        """(word offsets, POS tags, NER label) of every tagged span."""
        text = para.text
        for sent in para.sentences:
            if not sent.tokens:
                continue
            words = [text[a:b] for a, b in sent.tokens]
            tagged = self._ner.predict(self._chunk.predict(self._pos.predict(words)))
            current: list = []  # [label, offsets, pos tags]
            for span, t in zip(sent.tokens, tagged):
                prefix, _, label = t[3].partition("-")
                if prefix == "I" and current and current[0] == label:
                    current[1].append(span)
                    current[2].append(t[1])
                    continue
                if current:
                    yield current[1], current[2], current[0]
                current = [label, [span], [t[1]]] if prefix in ("B", "I") and label else []
            if current:
                yield current[1], current[2], current[0]

    def propose(self, para: Paragraph) -> list[Candidate]:
        out = []
        text = para.text
        for offsets, tags, label in self.spans(para):
            etype = NER_TYPES.get(label)
            if etype is None or etype not in self.types:
                continue
            # Titles and honorifics the CRF takes into the name ("NSND Tự Long", "GS. Duizer"): dropped.
            while offsets and (text[offsets[0][0]:offsets[0][1]].rstrip(".") in self._not_names
                               or text[offsets[0][0]:offsets[0][1]].isupper()):
                offsets, tags = offsets[1:], tags[1:]
            if not offsets or any(t != "Np" for t in tags):
                continue  # only proper nouns (Np): "Chuột", "Gừng" open sentences as common nouns
            s, e = offsets[0][0], offsets[-1][1]
            name = text[s:e]
            words = name.split()
            if len(name) < 2 or not all(w[:1].isupper() for w in words) or any(w.isupper() for w in words):
                continue
            if any(c.isdigit() for c in name):
                continue  # "Covid-19"
            if len(words) < 2 or any("-" in w for w in words):
                continue  # one capitalised word is as often a common noun or a place ("Lễ", "Quý", "Natuna")
            if name == text.strip():
                continue  # a line that is only a name: the author's byline ("Thành Đạt")
            ids = self._names.get(fold(name))
            if ids:
                entry = self._pick(ids)
                out.append(Candidate(s, e, entry.type, entry.id, entry.canonical, entry.acronym, method="ner",
                                     score=self.score))
                continue
            out.append(Candidate(s, e, etype, f"{etype.lower()}:new:{slug(name)}", name, method="ner",
                                 score=self.score))
        return out
