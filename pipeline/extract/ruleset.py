"""Every entity rule carries its examples: load them, run them, lint them, measure coverage.

``pipeline/data/rules/entities.toml`` holds one ``[[rule]]`` per rule name of the tagger (the
families of ``PASSES`` and the document linkers of ``LINKERS``), each with ``examples``, texts
and the span that rule must give there, and ``counter_examples``, texts and a span it must not
give. An example is tagged like an article (one paragraph per line, segmented by underthesea,
dated by ``published`` when given) and passes when a mention with exactly that text and label
is among the results and was proposed by that rule (the trace of ``vnews explain`` says so).

``vnews rules lint`` fails on a rule without examples or without counter-examples, an example that no longer gives its
output, a counter-example that does, or a rule name the tagger does not have. With
``--coverage OUT_DIR`` it also counts on how many documents of a finished run (the bench:
``vnews extract ../shared/bench --out OUT_DIR``) each rule gives a mention, and fails a rule that
fires on fewer than ``min_documents`` documents without examples from that many articles.
"""

from __future__ import annotations

import json
import tomllib
from collections import defaultdict
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Callable

from ..errors import ConfigError
from ..model import Document, Paragraph
from .explain import document_from_row
from .resolve import Decision
from .tagger import LINKERS, PASSES, Tagger

__all__ = ["Example", "RuleSpec", "load_rules", "run_example", "lint_rules", "coverage", "RULE_NAMES"]

RULE_NAMES = tuple(name for name, _ in PASSES) + ("link.acronym-reuse",) + LINKERS
# Rules that only take mentions away: their examples name a span that must not be a mention at all.
FILTERS = frozenset({"link.credit", "link.work-title", "link.initials"})


@dataclass(frozen=True, slots=True)
class Example:
    text: str  # one paragraph a line
    span: str  # the mention text the rule gives (or, for a counter-example, must not give)
    label: str = ""  # its type; empty: any
    published: str = ""  # the article's date, when the rule needs one (tenure)
    entity: str = ""  # the entity id it must resolve to; empty: any
    article: str = ""  # where the text comes from (a bench or corpus document id)


@dataclass(frozen=True, slots=True)
class RuleSpec:
    name: str
    description: str
    examples: tuple[Example, ...]
    counter_examples: tuple[Example, ...]


def default_rules_path() -> Path:
    return Path(str(resources.files("pipeline").joinpath("data", "rules", "entities.toml")))


def _example(raw: dict, where: str) -> Example:
    unknown = set(raw) - {"text", "span", "label", "published", "article", "entity"}
    if unknown or "text" not in raw or "span" not in raw:
        raise ConfigError(f"{where}: an example needs text and span (and may have label, published, article); "
                          f"got {sorted(raw)}")
    return Example(**raw)


def load_rules(path: Path | None = None) -> list[RuleSpec]:
    path = path or default_rules_path()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read the rule file ({exc}); fix the TOML") from None
    specs = []
    for n, raw in enumerate(data.get("rule", []), start=1):
        where = f"{path}: rule {n} ({raw.get('name', '?')})"
        specs.append(RuleSpec(
            name=raw.get("name", ""), description=raw.get("description", ""),
            examples=tuple(_example(x, where) for x in raw.get("examples", [])),
            counter_examples=tuple(_example(x, where) for x in raw.get("counter_examples", []))))
    return specs


def _document(example: Example) -> Document:
    paragraphs = [Paragraph(index=i, kind="body", text=line, line=i + 1)
                  for i, line in enumerate(example.text.split("\n"))]
    return Document(doc_id="example", published=example.published, paragraphs=paragraphs)


def _winners(doc: Document, trace: list[Decision]) -> dict[tuple[int, int, int], str]:
    """(paragraph, start, end) of every mention -> the rule that proposed it (or last corrected it)."""
    won = {(d.paragraph, d.start, d.end): d.rule for d in trace if d.outcome == "won"}
    return {(m.paragraph, m.start, m.end): won.get((m.paragraph, m.start, m.end), "") for m in doc.mentions}


def run_example(tagger: Tagger, segment: Callable[[Document], Document], rule: str, example: Example,
                counter: bool = False) -> str:
    """Empty when the example holds; else what went wrong."""
    doc, trace = tagger.explain(segment(_document(example)))
    rules = _winners(doc, trace)
    found = [(m.text, m.type, rules[(m.paragraph, m.start, m.end)]) for m in doc.mentions
             if not example.entity or m.entity_id == example.entity]
    hits = [f for f in found if f[0] == example.span and (not example.label or f[1] == example.label)]
    if rule in FILTERS:  # a filter's example: the span is no mention at all; its counter-example: it is one
        if bool(hits) == counter:
            return ""
        return f"{rule}: {example.span!r} should {'' if counter else 'not '}be a mention in {example.text!r}"
    if counter:
        if any(r == rule for _, _, r in hits):
            return f"{rule} gives {example.span!r} in {example.text!r}, which it must not"
        return ""
    if any(r == rule for _, _, r in hits):
        return ""
    got = ", ".join(f"{t!r} {lab} by {r}" for t, lab, r in found) or "no mention"
    return f"{rule} should give {example.span!r} {example.label} in {example.text!r}; got {got}"


def lint_rules(specs: list[RuleSpec], tagger: Tagger, segment: Callable[[Document], Document],
               fired: dict[str, set[str]] | None = None, min_documents: int = 3) -> list[str]:
    """Every problem of the rule file; ``fired``: rule -> documents it gave a mention in."""
    problems = []
    by_name = {s.name: s for s in specs}
    for name in RULE_NAMES:
        spec = by_name.get(name)
        if spec is None or not spec.examples:
            problems.append(f"{name}: no examples; add some to {default_rules_path().name}")
        if spec is None or not spec.counter_examples:
            problems.append(f"{name}: no counter-examples (a text where the rule must not give a span); "
                            f"add some to {default_rules_path().name}")
    for spec in specs:
        if spec.name not in RULE_NAMES:
            problems.append(f"{spec.name}: the tagger has no rule of that name")
            continue
        for ex in spec.examples:
            if message := run_example(tagger, segment, spec.name, ex):
                problems.append(f"{spec.name}: example fails: {message}")
        for ex in spec.counter_examples:
            if message := run_example(tagger, segment, spec.name, ex, counter=True):
                problems.append(f"{spec.name}: counter-example fails: {message}")
        articles = {ex.article or ex.text for ex in spec.examples}
        if fired is not None and len(fired.get(spec.name, ())) < min_documents and len(articles) < min_documents:
            problems.append(f"{spec.name}: fires on {len(fired.get(spec.name, ()))} documents; it needs examples "
                            f"from {min_documents} different articles (has {len(articles)}) or goes")
    return problems


def coverage(out_dir: Path, tagger: Tagger, limit: int = 0) -> tuple[dict[str, set[str]], int]:
    """On which documents of a finished run each rule gives a mention (re-tagged with a trace)."""
    fired: dict[str, set[str]] = defaultdict(set)
    seen = 0
    with (Path(out_dir) / "documents.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            if row.get("status") != "ok":
                continue
            doc, trace = tagger.explain(document_from_row(row))
            for rule in set(_winners(doc, trace).values()):
                fired[rule].add(doc.doc_id)
            seen += 1
            if seen == limit:
                break
    return dict(fired), seen
