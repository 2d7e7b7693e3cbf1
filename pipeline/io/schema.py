"""The output contract: every CSV's columns, types and keys, in one place.

The writer takes column order from here and ``datapackage.json`` is generated from here, so the
files and their description cannot drift apart.
"""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["Field", "Table", "TABLES", "STATUSES", "REMOVAL_REASONS"]

STATUSES = ("ok", "empty", "duplicate", "error")
REMOVAL_REASONS = ("duplicate", "near_duplicate", "boilerplate", "metadata")


@dataclass(frozen=True, slots=True)
class Field:
    name: str
    type: str  # Frictionless type: string | integer | number | date
    description: str
    required: bool = False
    enum: tuple[str, ...] = ()

    def as_frictionless(self) -> dict:
        out: dict = {"name": self.name, "type": self.type, "description": self.description}
        constraints: dict = {}
        if self.required:
            constraints["required"] = True
        if self.enum:
            constraints["enum"] = list(self.enum)
        if constraints:
            out["constraints"] = constraints
        return out


@dataclass(frozen=True, slots=True)
class Table:
    name: str
    path: str
    description: str
    fields: tuple[Field, ...]
    primary_key: tuple[str, ...]
    foreign_keys: tuple[tuple[tuple[str, ...], str, tuple[str, ...]], ...] = field(default=())

    @property
    def columns(self) -> list[str]:
        return [f.name for f in self.fields]


def _s(name: str, description: str, **kw) -> Field:
    return Field(name, "string", description, **kw)


def _i(name: str, description: str, **kw) -> Field:
    return Field(name, "integer", description, **kw)


def _n(name: str, description: str, **kw) -> Field:
    return Field(name, "number", description, **kw)


DOCUMENTS = Table(
    "documents", "documents.csv", "One row per input document, whatever became of it.",
    (
        _s("doc_id", "Document id: the input's id field or header, else its path in the dump without extension.", required=True),
        _s("source", "Outlet or agency (header/JSON field, 'Nguồn' line, URL host or byline agency)."),
        _s("title", "Headline (also paragraph 0 of the text)."),
        _s("url", "Article URL (metadata or a URL line at the end of the text)."),
        Field("published", "date", "Publication date (metadata, byline, or the date inside the URL)."),
        _i("year_estimate", "Without a publication date: the year the text shows it was written in (what "
           "day-and-month dates were resolved against, date_basis 'estimated' in events.csv); else empty."),
        _s("status", "ok | empty (nothing left after cleaning) | duplicate (copy of duplicate_of) | error (see error).", required=True, enum=("ok", "empty", "duplicate", "error")),
        _s("duplicate_of", "For a duplicate: the id of the first document with this text."),
        _i("paragraphs_in", "Non-blank input paragraphs (lines), counting a metadata headline.", required=True),
        _i("paragraphs_out", "Paragraphs in the cleaned text, headline included.", required=True),
        _i("duplicates_removed", "Paragraphs removed as exact or near duplicates.", required=True),
        _i("boilerplate_removed", "Lines removed as page furniture.", required=True),
        _i("sentences", "Sentences in the cleaned text.", required=True),
        _s("error", "For status error: what went wrong and what to do."),
        _s("warning", "A metadata value that was dropped (e.g. a published date that is no date), and why."),
    ),
    ("doc_id",),
)

REMOVED = Table(
    "removed", "removed.csv", "Every input line that is not in the cleaned text, and why.",
    (
        _s("doc_id", "Document.", required=True),
        _i("paragraph", "Input line number: the 1-based line of the input file (of the text field for JSONL); 0 = metadata headline.", required=True),
        _s("text", "The line, normalised."),
        _s("reason", "duplicate | near_duplicate | boilerplate | metadata", required=True, enum=("duplicate", "near_duplicate", "boilerplate", "metadata")),
        _i("kept_paragraph", "For duplicates: index of the cleaned paragraph kept in its place."),
        _n("similarity", "For duplicates: rapidfuzz similarity (0-100) to the kept paragraph."),
        _s("rule", "The furniture or metadata rule that fired (pipeline/data/furniture.toml)."),
        _i("seq", "Which row of this input line (0 = the first): a long line cut into pieces, or a line "
           "with furniture cut from inside it, can lose more than one piece.", required=True),
    ),
    ("doc_id", "paragraph", "seq"),
    ((("doc_id",), "documents", ("doc_id",)),),
)

MENTIONS = Table(
    "mentions", "mentions.csv", "Entity mentions with offsets into the cleaned paragraph (documents.jsonl).",
    (
        _s("mention_id", "Stable id: doc_id:paragraph:start-end.", required=True),
        _s("doc_id", "Document.", required=True),
        _i("paragraph", "Cleaned paragraph index (0 = headline).", required=True),
        _i("sentence", "Sentence index within the paragraph.", required=True),
        _i("start", "Start offset in the paragraph text.", required=True),
        _i("end", "End offset (exclusive).", required=True),
        _s("text", "The mention as written."),
        _s("type", "PERSON | ORG | GPE | LOC | TREATY | EVENT | TERM", required=True),
        _s("entity_id", "Canonical entity id (gazetteer id, or a document-local id for new entities).", required=True),
        _s("canonical", "Canonical name."),
        _s("acronym", "Preferred acronym."),
        _s("title", "For persons: the title written before the name."),
        _s("method", "gazetteer | pattern | acronym | coref | tenure | fuzzy"),
        _n("score", "Confidence 0-1."),
    ),
    ("mention_id",),
    ((("doc_id",), "documents", ("doc_id",)), (("entity_id",), "entities", ("entity_id",))),
)

ENTITIES = Table(
    "entities", "entities.csv", "One row per entity seen in the run.",
    (
        _s("entity_id", "Entity id.", required=True),
        _s("type", "Entity type.", required=True),
        _s("canonical", "Canonical name."),
        _s("english", "English name."),
        _s("acronym", "Preferred acronym."),
        _s("wikidata", "Wikidata Q-id when certain."),
        _i("mentions", "Mentions in the run.", required=True),
        _i("documents", "Documents mentioning it.", required=True),
    ),
    ("entity_id",),
)

EVENTS = Table(
    "events", "events.csv", "Event records with provenance.",
    (
        _s("event_id", "Stable id: doc_id:E<paragraph>:<trigger start>.", required=True),
        _s("doc_id", "Document.", required=True),
        _s("cluster_id", "Same happening across documents: type + date + anchor (the lead participant, else the instrument or place); the event id when undated."),
        _s("type", "MEETING | DIALOGUE | CONFERENCE | VISIT | SIGNING | STATEMENT | FUNDING | WITHDRAWAL", required=True),
        _s("plover", "PLOVER event type."),
        _s("status", "occurred | planned | unspecified"),
        _s("date", "ISO date at date_precision (YYYY-MM-DD, YYYY-MM or YYYY)."),
        _s("date_end", "End of a date range."),
        _s("date_precision", "day | month | year"),
        _s("date_basis", "Where the date's year comes from: text (the text gives it) | published (resolved against "
           "the article's date) | estimated (against documents.csv year_estimate: a guess, say so) | gazetteer "
           "(a named meeting's known dates); empty without a date.",
           enum=("text", "published", "estimated", "gazetteer")),
        _s("date_text", "The date words."),
        _s("location", "Where."),
        _s("participants", "The actors' canonical names joined with ' | ' (every role but affiliation)."),
        _s("instrument", "Treaty or plan signed or discussed."),
        _s("amount", "FUNDING: amount as written, normalised digits."),
        _s("currency", "FUNDING: ISO currency."),
        _s("trigger", "Trigger words."),
        _s("evidence", "The sentence the event comes from."),
        _i("paragraph", "Paragraph of the evidence.", required=True),
        _i("sentence", "Sentence of the evidence.", required=True),
        _i("start", "Start of the evidence sentence in the paragraph.", required=True),
        _i("end", "End of the evidence sentence.", required=True),
        _n("confidence", "0-1."),
    ),
    ("event_id",),
    ((("doc_id",), "documents", ("doc_id",)),),
)

EVENT_PARTICIPANTS = Table(
    "event_participants", "event_participants.csv", "Participants of each event.",
    (
        _s("event_id", "Event.", required=True),
        _s("entity_id", "Entity.", required=True),
        _s("canonical", "Canonical name."),
        _s("type", "Entity type."),
        _s("role", "source | target | participant: an actor; affiliation: a body, state or place named only in the "
           "description of a person taking part (whom he represents), not an actor"),
    ),
    ("event_id", "entity_id"),
    ((("event_id",), "events", ("event_id",)), (("entity_id",), "entities", ("entity_id",))),
)

TABLES = (DOCUMENTS, REMOVED, MENTIONS, ENTITIES, EVENTS, EVENT_PARTICIPANTS)
