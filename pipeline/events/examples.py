"""Every event frame runs its examples: run them, lint them, measure each trigger group's coverage.

An example is a text (one paragraph a line) with the article's date; it is segmented, tagged and
extracted like an article, and passes when a record of the frame's type is among the events with
the example's ``date``, ``status`` and one ``participant`` (canonical name or entity id; each
checked only when given). A counter-example passes when no record of the frame's type is found.
``vnews rules lint`` fails a frame without examples or counter-examples, a frame whose examples do
not come from ``min_articles`` different articles, and any example that no longer holds.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from pathlib import Path
from typing import Callable

from ..model import Document, Event, Paragraph
from .frames import FrameExample, FrameSpec
from .words import _phrase

__all__ = ["run_frame_example", "lint_frames", "lint_trigger_groups", "frame_coverage"]

Pipeline = Callable[[Document], Document]  # segment, tag and extract events


def _document(example: FrameExample) -> Document:
    paragraphs = [Paragraph(index=i, kind="body", text=line, line=i + 1)
                  for i, line in enumerate(example.text.split("\n"))]
    return Document(doc_id="example", published=example.published, paragraphs=paragraphs)


def _fits(e: Event, example: FrameExample) -> bool:
    return ((not example.date or e.date == ("" if example.date == "-" else example.date))
            and (not example.status or e.status == example.status)
            and (not example.participant
                 or any(example.participant in (p.canonical, p.entity_id) for p in e.participants)))


def _describe(events: list[Event]) -> str:
    return "; ".join(f"{e.type} {e.date or '-'} {e.status} [{', '.join(p.canonical for p in e.participants)}]"
                     for e in events) or "no event"


def run_frame_example(pipeline: Pipeline, frame: str, example: FrameExample, counter: bool = False) -> str:
    """Empty when the example holds; else what went wrong."""
    events = pipeline(_document(example)).events
    mine = [e for e in events if e.type == frame]
    if counter:
        return f"{frame} found in {example.text!r}, which it must not: {_describe(mine)}" if mine else ""
    if any(_fits(e, example) for e in mine):
        return ""
    want = f"{frame} {example.date or '-'} {example.status or '-'} with {example.participant or 'anyone'}"
    return f"should give {want} in {example.text!r}; got {_describe(events)}"


def _uses(text: str, phrases: tuple[tuple[str, ...], ...]) -> bool:
    """Does ``text`` hold one of ``phrases`` as whole words?"""
    words = _phrase(text)
    return any(words[i:i + len(p)] == p for p in phrases for i in range(len(words) - len(p) + 1))


def lint_trigger_groups(frames: list[FrameSpec], fired: dict[tuple[str, int], set[str]],
                        min_documents: int = 3) -> list[str]:
    """A trigger group that gave events on fewer than ``min_documents`` documents of the run needs
    examples from that many different articles that use one of its phrases, or goes."""
    problems = []
    for f in frames:
        for n, (_, phrases) in enumerate(f.triggers, start=1):
            docs = len(fired.get((f.type, n), ()))
            if docs >= min_documents:
                continue
            articles = {ex.article or ex.text for ex in f.examples if _uses(ex.text, phrases)}
            if len(articles) < min_documents:
                problems.append(f"frame {f.type}: trigger group #{n} ({' '.join(phrases[0])!r}) fires on {docs} "
                                f"documents; it needs examples from {min_documents} different articles that use "
                                f"it (has {len(articles)}) or goes ({f.origin})")
    return problems


def lint_frames(frames: list[FrameSpec], pipeline: Pipeline, min_articles: int = 3) -> list[str]:
    """Every problem of the frames: missing or failing examples, too few articles."""
    problems = []
    for f in frames:
        if not f.examples or not f.counter_examples:
            problems.append(f"frame {f.type}: needs examples and counter_examples ({f.origin})")
        articles = {ex.article or ex.text for ex in f.examples}
        if len(articles) < min_articles:
            problems.append(f"frame {f.type}: examples from {len(articles)} articles; it needs {min_articles}")
        for ex in f.examples:
            if message := run_frame_example(pipeline, f.type, ex):
                problems.append(f"frame {f.type}: example fails: {message}")
        for ex in f.counter_examples:
            if message := run_frame_example(pipeline, f.type, ex, counter=True):
                problems.append(f"frame {f.type}: counter-example fails: {message}")
    return problems


def frame_coverage(out_dir: Path, frames: list[FrameSpec]) -> tuple[dict[tuple[str, int], set[str]], int]:
    """On which documents of a finished run each trigger group of each frame gave an event
    (``(type, group number) -> doc ids``; group 0: a named event, no phrase), and how many
    documents the run has."""
    fired: dict[tuple[str, int], set[str]] = defaultdict(set)
    by_type = {f.type: f for f in frames}
    with (Path(out_dir) / "events.csv").open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            frame = by_type.get(row["type"])
            if frame is None:
                continue
            group = frame.phrases.get(_phrase(row["trigger"]), 0)
            fired[(row["type"], group)].add(row["doc_id"])
    with (Path(out_dir) / "documents.csv").open(encoding="utf-8", newline="") as fh:
        seen = sum(1 for row in csv.DictReader(fh) if row["status"] == "ok")
    return dict(fired), seen
