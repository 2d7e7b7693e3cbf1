"""One precedence between overlapping candidates, and the trace of every decision.

**The precedence** (``precedence_key``), in the spirit of ``spacy.util.filter_spans``:

1. higher ``priority`` (the rule's rank: ``PASSES`` in ``tagger.py`` gives each rule family its
   priority, earlier = higher);
2. then the longer span;
3. then the higher score;
4. then the earlier start.

``resolve`` applies it once to all the candidates of a paragraph (and first to the gazetteer's
alone, which the families read). One written exception, for corrections: a candidate beats the
spans nested inside it after its first word whose label it ``nests`` (an organisation's name grown
over the place inside it; a one-word reference not yet resolved is no obstacle either), and the
spans it ``displaces`` by name (the places inside a Vietnamese personal name); a span whose label
it ``holds`` stays beside it (the country inside "Bộ Quốc phòng Hàn Quốc"). Every loser is recorded
with the rule that beat it.

The ``Ledger`` is a list of spans whose changes are recorded. A rule family works on a
provisional one (its own view of its input: what it adds is what it proposes); the linkers work on
the resolver's winners, and every span they remove is recorded with their rule. A linker's
correction that may meet other kept spans (an acronym's definition) goes in by the same precedence
(``Ledger.correct``). Nothing is dropped without a trace: ``vnews explain`` prints it.
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


def resolve(candidates: Iterable[Candidate], trace: list[Decision] | None = None,
            paragraph: int = 0, final: bool = True) -> list[Candidate]:
    """Keep the candidates that win by ``precedence_key``; every loser is recorded with its winner.

    Candidates are taken in precedence order; one that overlaps nothing kept so far is kept. One
    that overlaps kept spans loses to the first of them, unless it is a correction that reaches
    all of them: each is nested inside it with a label in its ``nests`` (an organisation's name
    grown over the place inside it), or is a span it ``displaces`` by name. Then it replaces them
    and they are recorded as lost to it. The sort is stable and the key total over what matters,
    so the outcome depends only on the set of candidates, never on the order they come in.
    Only a ``final`` resolution records its winners as ``kept`` (the gazetteer's own, which its
    candidates go through first, records only its losers).
    """
    winners: list[Candidate] = []
    for c in sorted(candidates, key=precedence_key):
        blockers = [w for w in winners if w.overlaps(c.start, c.end) and not _beside(c, w)]
        if not blockers:
            winners.append(c)
            continue
        blocker = next((b for b in blockers if not _reaches(c, b)), None)
        if blocker is not None:
            if trace is not None:
                trace.append(_lost(paragraph, c, blocker, "overlaps a span that wins by precedence"))
            continue
        for b in blockers:
            winners.remove(b)
            if trace is not None:
                trace.append(_lost(paragraph, b, c, "nested in a correction that grows over it"
                                   if (b.start, b.end) not in c.displaces else "replaced by a correction"))
        winners.append(c)
    if trace is not None and final:
        trace.extend(Decision(paragraph, c.start, c.end, c.type, c.entity_id, c.rule, "kept") for c in winners)
    return sorted(winners, key=lambda c: (c.start, c.end))


def _beside(c: Candidate, w: Candidate) -> bool:
    """One of the two is nested in the other, which ``holds`` its label: both stay."""
    return (w.type in c.holds and c.start <= w.start and w.end <= c.end) or (
        c.type in w.holds and w.start <= c.start and c.end <= w.end)


def _reaches(c: Candidate, b: Candidate) -> bool:
    """``c`` is a correction that beats ``b`` whatever their priorities: ``b`` is one of the
    spans it displaces, or lies inside it after its first word (a span that starts where ``c``
    does already holds the word that proposed ``c``: a head word, a title) with a label ``c``
    nests or no entity yet (a one-word reference that coreference may still resolve)."""
    return (b.start, b.end) in c.displaces or (
        bool(c.nests) and (b.type in c.nests or not b.entity_id) and c.start < b.start and b.end <= c.end)


def _lost(paragraph: int, c: Candidate, by: Candidate, reason: str) -> Decision:
    return Decision(paragraph, c.start, c.end, c.type, c.entity_id, c.rule, "lost", by.rule, by.start, by.end, reason)


class Ledger(list):
    """The spans kept so far in one paragraph, with the trace of how they got there.

    A list (the rules read it as one) whose changes are recorded: ``append`` keeps a candidate
    for the rule now running (``rule``), ``remove`` and slice assignment record what a rule took
    out, ``free`` answers whether a span overlaps nothing kept and records the candidate that
    lost when it does not. Without a trace it records nothing and costs little.

    A rule family's view is ``provisional``: it notes what the family ``added`` and ``dropped``
    (its proposals and what they displace) and traces only the candidates the family did not
    propose because its input already held the place.
    """

    __slots__ = ("paragraph", "trace", "provisional", "added", "dropped", "rule", "priority", "reason")

    def __init__(self, items: Iterable[Candidate] = (), paragraph: int = 0, trace: list[Decision] | None = None,
                 provisional: bool = False):
        super().__init__(items)
        self.paragraph = paragraph
        self.trace = trace
        # A rule family's own view (its input and what it proposes): nothing in it is kept or
        # removed for good, so only the candidates it does not propose (``free``) are recorded.
        self.provisional = provisional
        self.added: list[Candidate] = []  # in a view: what the family proposed, in order
        self.dropped: list[Candidate] = []  # in a view: what it took out
        self.rule = ""
        self.priority = 0
        self.reason = "a later rule grew or corrected it"  # why the running rule removes spans

    def append(self, span: Candidate) -> None:  # type: ignore[override]
        self._stamp(span)
        super().append(span)

    def _stamp(self, span: Candidate) -> None:
        if not span.rule:
            span.rule, span.priority = self.rule, self.priority
        if self.provisional:
            self.added.append(span)
        elif self.trace is not None:
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
            # what is new to the ledger is stamped: looked up among the spans held by identity, once (the
            # linkers rewrite a paragraph's spans as ``spans[:] = …``, and a scan of them per span was quadratic)
            held = {id(a) for a in self}
            for v in value:
                if id(v) not in held:
                    self._stamp(v)
        super().__setitem__(key, value)

    def correct(self, span: Candidate, above: frozenset[str]) -> bool:
        """A linker's correction put among the kept spans by the resolver's own precedence, as if it
        had been a candidate ranked below the rules ``above`` and above every other: a kept span of
        a rule ``above`` beats it unless it reaches that span (grows over or displaces it), any
        other kept span beats it only by reaching it. Either it replaces every span it overlaps
        (recorded as removed by the running rule) or it is recorded as lost to the one that beats it."""
        span.rule = span.rule or self.rule
        blockers = [k for k in self if k.overlaps(span.start, span.end) and not _beside(span, k)]
        winner = next((b for b in blockers if (_reaches(b, span) if b.rule not in above else not _reaches(span, b))),
                      None)
        if winner is not None:
            if self.trace is not None:
                self.trace.append(_lost(self.paragraph, span, winner, "overlaps a span that wins by precedence"))
            return False
        self[:] = [k for k in self if all(k is not b for b in blockers)] + [span]
        return True

    def free(self, start: int, end: int) -> bool:
        """No kept span overlaps ``start:end``; otherwise the rule running lost there."""
        blocker = next((a for a in self if a.start < end and start < a.end), None)
        if blocker is not None and self.trace is not None:
            self.trace.append(Decision(self.paragraph, start, end, "", "", self.rule, "lost", blocker.rule,
                                       blocker.start, blocker.end, "overlaps a span of higher priority"))
        return blocker is None

    def _removed(self, spans: list[Candidate], reason: str = "") -> None:
        if self.provisional:
            self.dropped.extend(spans)
            return
        if self.trace is None:
            return
        for s in spans:
            self.trace.append(Decision(self.paragraph, s.start, s.end, s.type, s.entity_id, s.rule, "removed",
                                       self.rule, reason=reason or self.reason))
