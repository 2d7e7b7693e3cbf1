"""A learned acceptance of event candidates, trained on the project's own gold.

The extractor writes an event when its hand-weighted confidence (``_confidence``: the trigger's
strength plus weights for participants, a date, more evidence) reaches ``events.min_confidence``.
Those weights were set article by article; this model reads the same candidate as a few dozen
sparse features (its frame and trigger, its participants' types, where its date came from, its
status, where it stands in the article, whether it sits inside a quotation, the words around the
trigger, the hand confidence itself) and gives the probability that a gold event matches it.

* **Candidates** are the events the extractor builds before the cut (every confidence): the same
  at training and at run time, read from the finished :class:`~pipeline.model.Event` and the kind
  of its paragraph only, so the features can be rebuilt from a run's ``events.jsonl``.
* **Labels** (``scripts/train_events.py``): a candidate is ``YES`` when it matches a gold event,
  required or optional, by the matching of :mod:`pipeline.eval`; ``NO`` otherwise.
* **Training** reuses the names model's full-batch logistic regression
  (:func:`pipeline.extract.namemodel.train`): the same gold gives the same file, byte for byte.
* **Use**: none at run time. Measured leaving one batch out by ``scripts/lobo_events.py``, it did not
  beat the hand confidence clearly enough to ship (README, Accuracy); kept to repeat the measurement.

Prediction is a sum of a few dozen weights in pure Python: no numpy at run time.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence

from ..extract.namemodel import LogisticModel
from ..model import Event

__all__ = ["EventModel", "features", "model_json", "LABELS", "YES", "NO"]

NO, YES = "NO", "YES"
LABELS = (NO, YES)
# Opening and closing quotation marks: a trigger after an odd number of them is inside a quotation.
_QUOTES = re.compile(r"[\"“”«»]")
_WORDS = re.compile(r"\w+")
# How many words either side of the trigger are read, as a bag per side (``words_around``).
_WINDOW = 3
# Upper bounds of the buckets of a sentence's length in words, and of a paragraph's index.
_LENGTHS = (8, 15, 25, 40)
_PARAGRAPHS = (0, 1, 2, 4, 8)
# The hand confidence is read as "at least x" for each of these: the model can then weigh the
# hand rules' verdict without one weight per rounded value.
_CONFIDENCES = (0.5, 0.6, 0.7, 0.75, 0.8, 0.9, 1.0)


def _bucket(value: float, bounds: Sequence[float]) -> str:
    for b in bounds:
        if value <= b:
            return f"<={b:g}"
    return f">{bounds[-1]:g}"


def _trigger_at(sentence: str, trigger: str) -> int:
    """Where the trigger stands in its evidence sentence (its first occurrence; 0 if absent)."""
    at = sentence.lower().find(trigger.lower()) if trigger else -1
    return max(at, 0)


def features(event: Event, paragraph_kind: str = "body", words_around: bool = False) -> list[str]:
    """The sparse features of one candidate, read from the event and the kind of its paragraph.

    ``words_around`` adds the words next to the trigger (the nearest either side in order, three
    either side as a bag): off, because they lowered the mean events F1 of the left-out batches
    (``scripts/lobo_events.py``: model at 0.5, 0.853 with them, 0.857 without).
    """
    etype, trigger = event.type, event.trigger.lower()
    out = ["bias", f"type={etype}", f"trig={trigger}", f"type+trig={etype} {trigger}",
           f"status={event.status}", f"type+status={etype} {event.status}"]
    parts = event.participants
    out.append(f"participants={min(len(parts), 3)}")
    out.append(f"type+participants={etype} {min(len(parts), 2)}")
    for p in parts:
        out += [f"ptype={p.type}", f"prole={p.role}", f"type+ptype={etype} {p.type}"]
    basis = event.date_basis or ("text" if event.date_text else "none")
    out += [f"date={basis}", f"type+date={etype} {basis}", f"precision={event.date_precision or 'none'}"]
    for name, value in (("location", event.location), ("instrument", event.instrument), ("amount", event.amount)):
        if value:
            out.append(name)
    out.append(f"evidences={min(len(event.evidences), 3)}")
    where = "headline" if paragraph_kind == "title" else _bucket(event.paragraph, _PARAGRAPHS)
    out += [f"paragraph={where}", f"kind={paragraph_kind}", f"sentence={min(event.sentence, 3)}"]
    sentence = event.evidence
    words = _WORDS.findall(sentence.lower())
    out.append(f"length={_bucket(len(words), _LENGTHS)}")
    at = _trigger_at(sentence, trigger)
    if len(_QUOTES.findall(sentence, 0, at)) % 2:
        out.append("quoted")
    if not _WORDS.search(sentence, 0, at):
        out.append("sentence-start")
    if not _WORDS.search(sentence, at + len(trigger)):
        out.append("sentence-end")
    if words_around:
        before = _WORDS.findall(sentence[:at].lower())
        after = _WORDS.findall(sentence[at + len(trigger):].lower())
        out += [f"p1={before[-1]}"] if before else []
        out += [f"n1={after[0]}"] if after else []
        out += [f"l={w}" for w in before[-_WINDOW:]] + [f"r={w}" for w in after[:_WINDOW]]
    out += [f"confidence>={c:g}" for c in _CONFIDENCES if event.confidence >= c]
    return out


class EventModel(LogisticModel):
    """Weights read from an events model file (written by ``scripts/train_events.py``). Build once."""

    __slots__ = ()

    def probability(self, feats: Iterable[str]) -> float:
        """The probability that a gold event matches the candidate with these features."""
        return self.probabilities(feats)[YES]


def model_json(weights: dict[str, list[float]], trained_on: Sequence[str]) -> str:
    """The model file: one feature a line, sorted, so a retrained model is a readable diff."""
    head = json.dumps({"about": "pipeline/events/acceptance.py; retrain with scripts/train_events.py",
                       "trained_on": list(trained_on), "labels": list(LABELS)}, ensure_ascii=False)
    lines = [f"{json.dumps(f, ensure_ascii=False)}: {json.dumps(w)}" for f, w in sorted(weights.items())]
    return head[:-1] + ', "weights": {\n' + ",\n".join(lines) + "\n}}\n"
