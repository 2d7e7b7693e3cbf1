"""Typed records passed between stages.

Field order is output column order. Each record has one ``as_dict()``; :func:`document_from_dict`
rebuilds a document from it (the cache stores documents that way).

``as_dict()`` does not call ``dataclasses.asdict``: asdict deep-copies every value through a
recursive generic walk, which cost 8 % of a whole run (two calls per document over thousands of
token pairs). It walks the field names once per record instead (a sentence's few fields are
written out); a test checks that the result is asdict's on real documents.
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
        return _as_dict(self)


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
        return _as_dict(self)


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
        return _as_dict(self)


@dataclass(slots=True)
class Participant:
    entity_id: str
    canonical: str
    type: str
    # source | target | participant: the actors; affiliation: a body, state or place named only in the
    # description of a person taking part ("Bác sĩ A – Giám đốc Sở Y tế Quảng Nam cho hay"), whom he represents
    role: str

    def as_dict(self) -> dict:
        return _as_dict(self)


@dataclass(slots=True)
class Evidence:
    paragraph: int
    sentence: int
    start: int
    end: int
    text: str

    def as_dict(self) -> dict:
        return _as_dict(self)


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
        return _as_dict(self)


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
    warning: str = ""  # a value that was dropped (e.g. a published date that is no date) and why
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
        return _as_dict(self)

    def text(self) -> str:
        """The cleaned text, paragraphs joined by newlines."""
        return "\n".join(p.text for p in self.paragraphs)


# Field names of each record, in order: read once here instead of through fields() per call.
_FIELDS = {cls: tuple(f.name for f in fields(cls))
           for cls in (Sentence, Paragraph, Removal, Mention, Participant, Evidence, Event, Document)}


def _as_dict(record) -> dict:
    """``dataclasses.asdict(record)`` for these records: lists copied, nested records as dicts."""
    out = {}
    for name in _FIELDS[type(record)]:
        value = getattr(record, name)
        if type(value) is list:
            value = [x.as_dict() for x in value] if value and hasattr(value[0], "as_dict") else list(value)
        out[name] = value
    return out


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
