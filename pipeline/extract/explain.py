"""``vnews explain DOC_ID --out DIR``: every candidate of one document and why it won or lost.

The document's cleaned text, sentences and tokens are read back from ``DIR/documents.jsonl``
(what the tagger saw), the tagger runs again on them with a trace, and every decision is printed:
the span, its label and entity, the rule that proposed it, and ``won`` (it is a mention), ``lost``
(to which rule's span) or ``removed`` (by which rule). A test checks that the winners are exactly
the document's rows of ``mentions.csv``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from ..config import Config, gazetteer_dir
from ..credits import Credits
from ..errors import UsageError
from ..gazetteer import Gazetteer
from ..model import Document, Mention, Paragraph, Sentence
from .resolve import Decision
from .tagger import Tagger

__all__ = ["Explanation", "explain", "read_document", "document_from_row"]


@dataclass(slots=True)
class Explanation:
    doc: Document
    decisions: list[Decision]

    def to_text(self) -> str:
        won = {(m.paragraph, m.start, m.end) for m in self.doc.mentions}
        texts = {p.index: p.text for p in self.doc.paragraphs}
        final = {(d.paragraph, d.start, d.end): d.rule for d in self.decisions if d.outcome == "won"}
        lines = [f"{self.doc.doc_id}: {len(self.doc.mentions)} mentions from "
                 f"{len(self.decisions) - len(final)} decisions"]
        by_para: dict[int, list[Decision]] = {}
        for d in self.decisions:
            if d.outcome != "won":  # the final rule of each mention: shown on its kept line
                by_para.setdefault(d.paragraph, []).append(d)
        for index in sorted(by_para):
            text = texts[index]
            lines.append(f"\nparagraph {index}: {text[:80]}{'…' if len(text) > 80 else ''}")
            for d in sorted(by_para[index], key=lambda d: (d.start, d.end, d.rule)):
                lines.append("  " + _line(d, text, won, final.get((d.paragraph, d.start, d.end), d.rule)))
        return "\n".join(lines) + "\n"


    def to_html(self) -> str:
        """The document's mentions drawn by spaCy's displacy, one block per paragraph (for review)."""
        from spacy import displacy

        blocks = [{"text": p.text, "title": f"paragraph {p.index}",
                   "ents": [{"start": m.start, "end": m.end, "label": m.type}
                            for m in sorted(self.doc.mentions, key=lambda m: m.start) if m.paragraph == p.index]}
                  for p in self.doc.paragraphs]
        return displacy.render(blocks, style="ent", manual=True, page=True, jupyter=False)


def _line(d: Decision, text: str, won: set[tuple[int, int, int]], final_rule: str) -> str:
    span = f"[{d.start}:{d.end}] {text[d.start:d.end]!r}"
    what = f"{d.label} {d.entity_id}".strip()
    if d.outcome == "kept":
        outcome = "kept, then replaced (see below)"
        if (d.paragraph, d.start, d.end) in won:
            outcome = "WON" if final_rule == d.rule else f"WON (corrected by {final_rule})"
    elif d.outcome == "lost":
        outcome = f"LOST to {d.by_rule} [{d.by_start}:{d.by_end}] {text[d.by_start:d.by_end]!r}: {d.reason}"
    else:
        outcome = f"REMOVED by {d.by_rule}: {d.reason}"
    return f"{span:<48} {what:<40} rule={d.rule:<26} {outcome}"


def read_document(doc_id: str, out_dir: Path) -> Document:
    """The document as the tagger saw it, from ``out_dir/documents.jsonl``."""
    path = Path(out_dir) / "documents.jsonl"
    if not path.exists():
        raise UsageError(f"{path}: not found; run `vnews extract ... --out {out_dir}` first")
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            if row["doc_id"] == doc_id:
                return document_from_row(row)
    raise UsageError(f"{path}: no document {doc_id!r}; see documents.csv for the ids")


def document_from_row(row: dict) -> Document:
    """A row of documents.jsonl back to the Document the tagger saw (sentence texts sliced back)."""
    paragraphs = []
    for p in row.get("paragraphs", []):
        sentences = [Sentence(s["index"], s["start"], s["end"], p["text"][s["start"]:s["end"]],
                              [tuple(t) for t in s["tokens"]]) for s in p["sentences"]]
        paragraphs.append(Paragraph(index=p["index"], kind=p["kind"], text=p["text"], line=p.get("line", 0),
                                    sentences=sentences))
    return Document(doc_id=row["doc_id"], published=row.get("published") or "", status=row.get("status", "ok"),
                    paragraphs=paragraphs)


def explain(doc_id: str, out_dir: Path, config: Config) -> Explanation:
    doc = read_document(doc_id, out_dir)
    tagger = Tagger(Gazetteer.load(gazetteer_dir(config)), config.tag, credits=Credits.load())
    doc.mentions = []
    tagged, decisions = tagger.explain(doc)
    return Explanation(tagged, decisions)


def mention_keys(mentions: list[Mention]) -> list[tuple]:
    return sorted((m.paragraph, m.start, m.end, m.type, m.entity_id, m.method) for m in mentions)
