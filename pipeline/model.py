"""Typed records passed between stages.

Field order is output column order. Each record has one ``as_dict()``; :func:`document_from_dict`
rebuilds a document from it (the cache stores documents that way).

``as_dict()`` is written out field by field instead of calling ``dataclasses.asdict``: asdict
deep-copies every value through a recursive generic walk, which cost 8 % of a whole run (two
calls per document over thousands of token pairs). The result is the same dict (a test compares
the two on real documents); a new field must be added to its ``as_dict`` too (the test fails
otherwise).
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields

__all__ = [
    "Sentence",
    "Paragraph",
    "Removal",
    "Mention",
    "Participant",
    "Evidence",
    "Event",
    "Document",
    "document_from_dict",
]


@dataclass(slots=True)
class Sentence:
    """A sentence of a cleaned paragraph: ``paragraph.text[start:end] == text``.

    ``tokens`` are underthesea's words as ``(start, end)`` offsets into the same paragraph text.
    """

    index: int
    start: int
    end: int
    text: str
    tokens: list[tuple[int, int]] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {"index": self.index, "start": self.start, "end": self.end, "text": self.text,
                "tokens": list(self.tokens)}


@dataclass(slots=True)
class Paragraph:
    """A cleaned paragraph. ``index`` 0 is the headline; ``line`` is its position in the input (1-based)."""

    index: int
    kind: str  # title | body | caption
    text: str
    line: int
    sentences: list[Sentence] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {"index": self.index, "kind": self.kind, "text": self.text, "line": self.line,
                "sentences": [s.as_dict() for s in self.sentences]}


@dataclass(slots=True)
class Removal:
    """An input line that is not in the cleaned text, and why."""

    doc_id: str
    paragraph: int  # input line number (1-based line of the file; of the JSONL text field)
    text: str
    reason: str  # duplicate | near_duplicate | boilerplate | metadata
    kept_paragraph: int | None = None  # index of the paragraph kept in its place
    similarity: float | None = None
    rule: str = ""  # the boilerplate/metadata rule that fired

    def as_dict(self) -> dict:
        return {"doc_id": self.doc_id, "paragraph": self.paragraph, "text": self.text, "reason": self.reason,
                "kept_paragraph": self.kept_paragraph, "similarity": self.similarity, "rule": self.rule}


@dataclass(slots=True)
class Mention:
    """An entity mention: ``paragraphs[paragraph].text[start:end] == text``."""

    mention_id: str
    doc_id: str
    paragraph: int
    sentence: int
    start: int
    end: int
    text: str
    type: str
    entity_id: str
    canonical: str
    acronym: str = ""
    title: str = ""
    method: str = ""
    score: float = 1.0

    def as_dict(self) -> dict:
        return {"mention_id": self.mention_id, "doc_id": self.doc_id, "paragraph": self.paragraph,
                "sentence": self.sentence, "start": self.start, "end": self.end, "text": self.text,
                "type": self.type, "entity_id": self.entity_id, "canonical": self.canonical,
                "acronym": self.acronym, "title": self.title, "method": self.method, "score": self.score}


@dataclass(slots=True)
class Participant:
    entity_id: str
    canonical: str
    type: str
    role: str  # source | target | participant

    def as_dict(self) -> dict:
        return {"entity_id": self.entity_id, "canonical": self.canonical, "type": self.type, "role": self.role}


@dataclass(slots=True)
class Evidence:
    paragraph: int
    sentence: int
    start: int
    end: int
    text: str

    def as_dict(self) -> dict:
        return {"paragraph": self.paragraph, "sentence": self.sentence, "start": self.start, "end": self.end,
                "text": self.text}


@dataclass(slots=True)
class Event:
    event_id: str
    doc_id: str
    cluster_id: str
    type: str
    plover: str
    status: str
    date: str
    date_end: str
    date_precision: str
    date_basis: str  # text | published | estimated | gazetteer: where the year came from; "" without a date
    date_text: str
    location: str
    participants: list[Participant]
    instrument: str
    amount: str
    currency: str
    trigger: str
    evidence: str
    paragraph: int
    sentence: int
    start: int
    end: int
    confidence: float
    evidences: list[Evidence] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {"event_id": self.event_id, "doc_id": self.doc_id, "cluster_id": self.cluster_id,
                "type": self.type, "plover": self.plover, "status": self.status, "date": self.date,
                "date_end": self.date_end, "date_precision": self.date_precision, "date_basis": self.date_basis,
                "date_text": self.date_text,
                "location": self.location, "participants": [p.as_dict() for p in self.participants],
                "instrument": self.instrument, "amount": self.amount, "currency": self.currency,
                "trigger": self.trigger, "evidence": self.evidence, "paragraph": self.paragraph,
                "sentence": self.sentence, "start": self.start, "end": self.end,
                "confidence": self.confidence, "evidences": [e.as_dict() for e in self.evidences]}


@dataclass(slots=True)
class Document:
    """One input article and everything the stages learn about it.

    The first fields are the columns of ``documents.csv``; the rest travel in ``documents.jsonl``.
    """

    doc_id: str
    source: str = ""
    title: str = ""
    url: str = ""
    published: str = ""
    year_estimate: str = ""  # without a publication date: the year the text says it is written in
    status: str = "ok"  # ok | empty | duplicate | error
    duplicate_of: str = ""
    paragraphs_in: int = 0
    paragraphs_out: int = 0
    duplicates_removed: int = 0
    boilerplate_removed: int = 0
    sentences: int = 0
    error: str = ""
    author: str = ""
    origin: str = ""  # input file (and line for JSONL) the document came from
    lines: list[str] = field(default_factory=list)  # raw input paragraphs; emptied by clean
    # 1-based line number in the input file of each of ``lines`` (in the JSONL ``text`` for JSONL);
    # empty when the document was built in code: then the position in ``lines`` counts.
    line_numbers: list[int] = field(default_factory=list)
    paragraphs: list[Paragraph] = field(default_factory=list)
    removed: list[Removal] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    fingerprint: list[int] = field(default_factory=list)  # MinHash of the cleaned text

    def as_dict(self) -> dict:
        return {
            "doc_id": self.doc_id, "source": self.source, "title": self.title, "url": self.url,
            "published": self.published, "year_estimate": self.year_estimate, "status": self.status, "duplicate_of": self.duplicate_of,
            "paragraphs_in": self.paragraphs_in, "paragraphs_out": self.paragraphs_out,
            "duplicates_removed": self.duplicates_removed, "boilerplate_removed": self.boilerplate_removed,
            "sentences": self.sentences, "error": self.error, "author": self.author, "origin": self.origin,
            "lines": list(self.lines), "line_numbers": list(self.line_numbers),
            "paragraphs": [p.as_dict() for p in self.paragraphs],
            "removed": [r.as_dict() for r in self.removed],
            "mentions": [m.as_dict() for m in self.mentions],
            "events": [e.as_dict() for e in self.events],
            "fingerprint": list(self.fingerprint),
        }

    def text(self) -> str:
        """The cleaned text, paragraphs joined by newlines."""
        return "\n".join(p.text for p in self.paragraphs)


def _build(cls, data: dict):
    return cls(**{f.name: data[f.name] for f in fields(cls) if f.name in data})


def document_from_dict(data: dict) -> Document:
    """Inverse of ``Document.as_dict()``."""
    doc = _build(Document, data)
    doc.paragraphs = []
    for p in data.get("paragraphs", []):
        para = _build(Paragraph, p)
        para.sentences = [
            Sentence(s["index"], s["start"], s["end"], s["text"], [tuple(t) for t in s["tokens"]])
            for s in p.get("sentences", [])
        ]
        doc.paragraphs.append(para)
    doc.removed = [_build(Removal, r) for r in data.get("removed", [])]
    doc.mentions = [_build(Mention, m) for m in data.get("mentions", [])]
    events = []
    for e in data.get("events", []):
        ev = _build(Event, e)
        ev.participants = [_build(Participant, p) for p in e.get("participants", [])]
        ev.evidences = [_build(Evidence, x) for x in e.get("evidences", [])]
        events.append(ev)
    doc.events = events
    return doc
