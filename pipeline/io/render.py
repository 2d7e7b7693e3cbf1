"""A finished document as the text of its output rows, made where the document was finished.

The per-document part of every output file is rendered once, by the process that finished the
document (a worker), into a :class:`Rendered`: the rows it adds to each file and the little the
run needs across documents (its status and, per entity, what ``entities.csv`` counts). The
process that merges then only concatenates these texts in id order (:func:`pipeline.runner.write_outputs`),
so writing costs it almost nothing and no document travels between processes as objects.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass

from .schema import DOCUMENTS, EVENT_PARTICIPANTS, EVENTS, MENTIONS, REMOVED
from .writers import CsvRows

__all__ = ["PARTS", "Rendered", "Renderer", "jsonl_document"]

# The files a document adds rows to, in the order of Rendered.parts.
PARTS = ("documents.csv", "documents.jsonl", "removed.csv", "mentions.csv", "events.csv",
         "event_participants.csv", "events.jsonl")


@dataclass(slots=True)
class Rendered:
    doc_id: str
    status: str
    parts: tuple[str, ...]  # the document's rows of each file of PARTS
    # JSON list of [entity_id, type, canonical, acronym, mentions], in the order of the document's
    # first mention of each (entities.csv takes type, canonical and acronym from the first one).
    entities: str


def jsonl_document(d: dict) -> dict:
    """The documents.jsonl row of a finished document."""
    row = {c: d.get(c) for c in DOCUMENTS.columns}
    row["author"] = d.get("author", "")
    row["origin"] = d.get("origin", "")
    row["paragraphs"] = [
        {"index": p["index"], "kind": p["kind"], "line": p["line"], "text": p["text"],
         "sentences": [{"index": s["index"], "start": s["start"], "end": s["end"], "tokens": s["tokens"]}
                       for s in p["sentences"]]}
        for p in d.get("paragraphs", [])
    ]
    return row


class Renderer:
    """``Renderer(excel_safe)(record) -> Rendered`` for records as ``Document.as_dict()`` gives them."""

    def __init__(self, excel_safe: bool):
        self.documents = CsvRows(DOCUMENTS, excel_safe)
        self.removed = CsvRows(REMOVED, excel_safe)
        self.mentions = CsvRows(MENTIONS, excel_safe)
        self.events = CsvRows(EVENTS, excel_safe)
        self.participants = CsvRows(EVENT_PARTICIPANTS, excel_safe)

    def __call__(self, d: dict) -> Rendered:
        removed = []
        seq: Counter[int] = Counter()  # several rows of one input line (pieces of a long line)
        for r in d.get("removed", []):
            removed.append(self.removed.row({**r, "seq": seq[r["paragraph"]]}))
            seq[r["paragraph"]] += 1
        mentions = []
        entities: dict[str, list] = {}
        for m in sorted(d.get("mentions", []), key=lambda m: (m["paragraph"], m["start"], m["end"])):
            mentions.append(self.mentions.row(m))
            entities.setdefault(m["entity_id"], [m["entity_id"], m["type"], m["canonical"], m["acronym"], 0])[4] += 1
        events, participants, events_jsonl = [], [], []
        for ev in sorted(d.get("events", []), key=lambda e: (e["paragraph"], e["start"], e["event_id"])):
            row = dict(ev)
            # the actors: who met whom, who spoke (a speaker's affiliation is in event_participants.csv)
            row["participants"] = " | ".join(p["canonical"] for p in ev["participants"] if p["role"] != "affiliation")
            events.append(self.events.row(row))
            for p in ev["participants"]:
                participants.append(self.participants.row({"event_id": ev["event_id"], **p}))
            events_jsonl.append(json.dumps(ev, ensure_ascii=False) + "\n")
        parts = (self.documents.row(d), json.dumps(jsonl_document(d), ensure_ascii=False) + "\n",
                 "".join(removed), "".join(mentions), "".join(events), "".join(participants),
                 "".join(events_jsonl))
        return Rendered(d["doc_id"], d["status"], parts, json.dumps(list(entities.values()), ensure_ascii=False))
