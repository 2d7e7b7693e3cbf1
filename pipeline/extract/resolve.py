"""One precedence between overlapping candidates, and the trace of every decision.

**The precedence** (``precedence_key``), in the spirit of ``spacy.util.filter_spans``:

1. higher ``priority`` (the rule's rank: ``PASSES`` in ``tagger.py`` gives each rule family its
   priority, earlier = higher);
2. then the longer span;
3. then the higher score;
4. then the earlier start.

``resolve`` applies it to a batch of candidates (the gazetteer's). The rule families after the
gazetteer read what was kept before them (a title needs the portfolio the gazetteer found); they
offer their candidates to the ``Ledger``, which keeps a candidate only where nothing of higher
priority lies (``Ledger.free``). A few named rules grow or correct a kept span (an acronym's long
form over the names inside it, a tenure over the body inside a title, a ministry and the foreign
country after it); they go through ``Ledger.remove``/slice assignment, and every such removal is
recorded with the rule that made it. Nothing is dropped without a trace: ``vnews explain`` prints it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, SupportsIndex

from .candidates import Candidate

__all__ = ["Decision", "Ledger", "resolve", "precedence_key"]


@dataclass(frozen=True, slots=True)
class Decision:
    """What happened to one candidate: ``kept`` (proposed and accepted), ``lost`` (it overlapped
    a span kept earlier), ``removed`` (kept, then taken out by a later rule, ``by_rule``)."""

    paragraph: int
    start: int
    end: int
    label: str
    entity_id: str
    rule: str
    outcome: str
    by_rule: str = ""
    by_start: int = -1
    by_end: int = -1
    reason: str = ""


def precedence_key(c: Candidate) -> tuple[int, int, float, int]:
    """Sort key: the first candidate in this order wins an overlap."""
    return (-c.priority, -(c.end - c.start), -c.score, c.start)


def resolve(candidates: Iterable[Candidate], kept: list[Candidate] | None = None,
            trace: list[Decision] | None = None, paragraph: int = 0) -> list[Candidate]:
    """Keep the candidates that win by ``precedence_key`` and overlap nothing kept before them.

    ``kept`` are spans already decided (they beat every candidate here). With ``trace``, every
    loser is recorded with the candidate that beat it. The sort is stable: among equal keys the
    first proposed wins, so the outcome never depends on anything but the candidates.
    """
    winners: list[Candidate] = list(kept or [])
    chosen: list[Candidate] = []
    for c in sorted(candidates, key=precedence_key):
        blocker = next((w for w in winners if w.overlaps(c.start, c.end)), None)
        if blocker is None:
            winners.append(c)
            chosen.append(c)
        elif trace is not None:
            trace.append(_lost(paragraph, c, blocker, "overlaps a span that wins by precedence"))
    return chosen


def _lost(paragraph: int, c: Candidate, by: Candidate, reason: str) -> Decision:
    return Decision(paragraph, c.start, c.end, c.type, c.entity_id, c.rule, "lost", by.rule, by.start, by.end, reason)


class Ledger(list):
    """The spans kept so far in one paragraph, with the trace of how they got there.

    A list (the rules read it as one) whose changes are recorded: ``append`` keeps a candidate
    for the rule now running (``rule``), ``remove`` and slice assignment record what a rule took
    out, ``free`` answers whether a span overlaps nothing kept and records the candidate that
    lost when it does not. Without a trace it records nothing and costs little.
    """

    def __init__(self, items: Iterable[Candidate] = (), paragraph: int = 0, trace: list[Decision] | None = None):
        super().__init__(items)
        self.paragraph = paragraph
        self.trace = trace
        self.rule = ""
        self.priority = 0
        self.reason = "a later rule grew or corrected it"  # why the running rule removes spans

    def append(self, span: Candidate) -> None:  # type: ignore[override]
        self._stamp(span)
        super().append(span)

    def _stamp(self, span: Candidate) -> None:
        if not span.rule:
            span.rule, span.priority = self.rule, self.priority
        if self.trace is not None:
            self.trace.append(Decision(self.paragraph, span.start, span.end, span.type, span.entity_id, span.rule,
                                       "kept"))

    def remove(self, span: Candidate) -> None:  # type: ignore[override]
        self._removed([span])
        super().remove(span)

    def __setitem__(self, key: SupportsIndex | slice, value) -> None:  # type: ignore[override]
        if isinstance(key, slice):
            value = list(value)
            staying = {id(v) for v in value}
            self._removed([a for a in self[key] if id(a) not in staying])
            for v in value:
                if not any(v is a for a in self):
                    self._stamp(v)
        super().__setitem__(key, value)

    def free(self, start: int, end: int) -> bool:
        """No kept span overlaps ``start:end``; otherwise the rule running lost there."""
        blocker = next((a for a in self if a.start < end and start < a.end), None)
        if blocker is not None and self.trace is not None:
            self.trace.append(Decision(self.paragraph, start, end, "", "", self.rule, "lost", blocker.rule,
                                       blocker.start, blocker.end, "overlaps a span kept by an earlier rule"))
        return blocker is None

    def _removed(self, spans: list[Candidate], reason: str = "") -> None:
        if self.trace is None:
            return
        for s in spans:
            self.trace.append(Decision(self.paragraph, s.start, s.end, s.type, s.entity_id, s.rule, "removed",
                                       self.rule, reason=reason or self.reason))
