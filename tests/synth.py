"""A large output directory made from a small one, for scale tests of the review tools.

Each document of ``src`` is copied ``copies`` times under a new id (``<id>-0001``…), with its
removed lines, mentions, events and participants; entities and the manifest are copied as they
are. The text of every line is unchanged, so the copy is as realistic as its source."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

PER_DOC = ("documents.csv", "removed.csv", "mentions.csv", "events.csv", "event_participants.csv",
           "documents.jsonl", "events.jsonl")


def replicate(src: Path, dst: Path, copies: int) -> Path:
    dst.mkdir(parents=True, exist_ok=True)
    with (src / "documents.csv").open(encoding="utf-8", newline="") as fh:
        doc_ids = [r["doc_id"] for r in csv.DictReader(fh)]
    for name in ("entities.csv", "manifest.json", "datapackage.json"):
        shutil.copy(src / name, dst / name)
    for name in PER_DOC:
        lines = (src / name).read_text(encoding="utf-8").splitlines(keepends=True)
        header, body = (lines[:1], lines[1:]) if name.endswith(".csv") else ([], lines)
        with (dst / name).open("w", encoding="utf-8") as out:
            out.writelines(header)
            for k in range(copies):
                for line in body:
                    doc = next((d for d in doc_ids if d in line), None)
                    out.write(line.replace(doc, f"{doc}-{k:04d}") if doc else line)
    return dst
