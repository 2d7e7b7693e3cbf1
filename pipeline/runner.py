"""Compose the stages into a run: read, process (in worker processes), dedupe documents, write.

Library API: :func:`extract`. Nothing here prints or imports typer; progress goes to a callback.
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
import shutil
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from . import __version__
from .config import Config, gazetteer_dir
from .credits import Credits
from .errors import DocumentError, UsageError
from .io.readers import DumpReader
from .io.schema import DOCUMENTS, ENTITIES, EVENT_PARTICIPANTS, EVENTS, MENTIONS, REMOVED, STATUSES
from .io.store import Store
from .io.writers import CsvTable, StagedOutput, datapackage, dump_json, sha256_file
from .model import Document, document_from_dict
from .stages.clean import Cleaner, FurnitureRules
from .stages.dedupe import DocumentDeduper, ParagraphDeduper
from .stages.segment import Segmenter
from .stages.events import EventExtractor
from .stages.tag import Tagger
from .gazetteer import Gazetteer

__all__ = ["Pipeline", "RunSummary", "extract", "gazetteer_digest"]


def code_digest() -> str:
    """sha256 of the package's code and rules: a cached document is reused only by the same code."""
    h = hashlib.sha256()
    root = Path(__file__).resolve().parent
    for path in sorted(p for p in root.rglob("*") if p.suffix in (".py", ".toml") and "__pycache__" not in p.parts):
        h.update(path.relative_to(root).as_posix().encode())
        h.update(path.read_bytes())
    return h.hexdigest()


# The installed libraries whose behaviour shapes outputs: an upgrade must not mix old and new results.
OUTPUT_LIBRARIES = ("underthesea", "underthesea_core", "ftfy", "rapidfuzz", "datasketch", "pyahocorasick")


def library_versions() -> dict[str, str]:
    """Version of each output-shaping library (what the manifest and the cache key record)."""
    from importlib.metadata import PackageNotFoundError, version

    found = {}
    for name in OUTPUT_LIBRARIES:
        try:
            found[name] = version(name)
        except PackageNotFoundError:
            found[name] = ""
    return found


def gazetteer_digest(directory: Path) -> dict[str, str]:
    """sha256 of every gazetteer file, by name (what the manifest and the cache key record)."""
    if not directory.is_dir():
        return {}
    return {p.name: sha256_file(p) for p in sorted(directory.glob("*.csv"))}


class Pipeline:
    """The per-document stages, built once from config and applied in order."""

    def __init__(self, config: Config, gazetteer: Gazetteer, rules: FurnitureRules | None = None):
        self.config = config
        credits = Credits.load()  # one credit rule for the tagger and the events
        self.stages: list[Callable[[Document], Document]] = [
            Cleaner(rules or FurnitureRules.load(), config.clean),
            ParagraphDeduper(config.dedupe),
            Segmenter(),
            Tagger(gazetteer, config.tag, credits=credits),
            EventExtractor(config.events, event_dates={
                e.canonical: (e.valid_from, e.valid_to if e.valid_to != e.valid_from else "")
                for e in gazetteer.entries.values()
                if e.type == "EVENT" and len(e.valid_from) == 10},
                multilateral=frozenset(e.id for e in gazetteer.entries.values() if e.type == "ORG" and not e.country),
                credits=credits),
        ]

    def __call__(self, doc: Document) -> Document:
        for stage in self.stages:
            try:
                doc = stage(doc)
            except DocumentError as exc:
                doc.status, doc.error = "error", str(exc)
            except Exception as exc:  # a bug on one document must not kill a run of thousands
                doc.status = "error"
                doc.error = (f"{doc.origin}: internal error in {type(stage).__name__} "
                             f"({type(exc).__name__}: {exc}); please report with this document")
            if doc.status == "error":
                break
        return doc


# Worker processes get the pipeline once, at start, instead of with every document.
_worker_pipeline: Pipeline | None = None


def _init_worker(pipeline: Pipeline) -> None:
    global _worker_pipeline
    _worker_pipeline = pipeline


def _process(item: tuple[str, dict | None, Document | None]) -> tuple[str, dict, bool]:
    """(cache key, processed document, whether it came from the cache)."""
    key, cached, doc = item
    if cached is not None:
        return key, cached, True
    assert _worker_pipeline is not None and doc is not None
    return key, _worker_pipeline(doc).as_dict(), False


@dataclass(slots=True)
class RunSummary:
    counts: dict[str, int]
    documents: int
    out_dir: str
    seconds: float
    cached: int = 0
    timings: dict[str, float] = field(default_factory=dict)

    def line(self) -> str:
        c = self.counts
        return (f"{c.get('ok', 0)} ok, {c.get('duplicate', 0)} duplicate, {c.get('empty', 0)} empty, "
                f"{c.get('error', 0)} errors")


def _doc_key(doc: Document, salt: str) -> str:
    raw = json.dumps([doc.doc_id, doc.source, doc.title, doc.url, doc.published, doc.status,
                      doc.error, doc.origin, doc.lines, doc.line_numbers], ensure_ascii=False)
    return hashlib.sha256((salt + raw).encode("utf-8")).hexdigest()


def _unique_ids(docs: Iterable[Document]) -> Iterator[Document]:
    """Second and later documents with an id already seen become errors under a new id."""
    seen: dict[str, str] = {}
    for doc in docs:
        if doc.doc_id in seen:
            n = 2
            while f"{doc.doc_id}~{n}" in seen:
                n += 1
            first = seen[doc.doc_id]
            original = doc.doc_id
            doc.doc_id = f"{original}~{n}"
            doc.status = "error"
            doc.error = (f"duplicate id {original!r}: {doc.origin} and {first} both use it; "
                         "give one of them another id")
        seen[doc.doc_id] = doc.origin
        yield doc


def _check_out_dir(out_dir: Path) -> None:
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        probe = out_dir / ".vnews-write-test"
        probe.write_text("")
        probe.unlink()
    except OSError as exc:
        raise UsageError(f"{out_dir}: output directory is not writable ({exc.strerror})") from None


def extract(
    inputs: list[str],
    out_dir: str | Path,
    config: Config,
    progress: Callable[[int], None] | None = None,
) -> RunSummary:
    """Extract every document of ``inputs`` into ``out_dir``; returns the run's counts.

    Raises UsageError for arguments the run cannot start with; a bad document never raises.
    """
    started = time.perf_counter()
    out = Path(out_dir)
    reader = DumpReader(inputs)
    _check_out_dir(out)
    gaz_dir = gazetteer_dir(config)
    gazetteer = Gazetteer.load(gaz_dir)  # unusable gazetteers stop the run here, before any work
    gazetteers = gazetteer_digest(gaz_dir)
    pipeline = Pipeline(config, gazetteer)
    libraries = library_versions()
    salt = json.dumps([__version__, code_digest(), config.digest(), gazetteers, libraries], sort_keys=True)

    cache_dir = out / config.run.cache_dir if config.run.cache_dir else out / ".tmp-store"
    store = Store(cache_dir / "store.sqlite", cache=bool(config.run.cache_dir))
    deduper = DocumentDeduper(config.dedupe)
    counts: Counter[str] = Counter()
    cached = 0

    def jobs() -> Iterator[tuple[str, dict | None, Document | None]]:
        for doc in _unique_ids(reader):
            key = _doc_key(doc, salt)
            hit = store.cached(key)
            yield (key, hit, None) if hit is not None else (key, None, doc)

    try:
        if config.run.workers > 1:
            ctx = multiprocessing.get_context("fork")
            pool = ctx.Pool(config.run.workers, initializer=_init_worker, initargs=(pipeline,))
            results = pool.imap(_process, jobs(), chunksize=8)
        else:
            pool = None
            _init_worker(pipeline)
            results = map(_process, jobs())
        try:
            for n, (key, payload, from_cache) in enumerate(results, 1):
                if from_cache:
                    cached += 1
                else:
                    store.remember(key, payload)
                doc = deduper(document_from_dict(payload))
                counts[doc.status] += 1
                store.add(doc.doc_id, doc.as_dict())
                if progress:
                    progress(n)
        finally:
            if pool is not None:
                pool.close()
                pool.join()
        processed = time.perf_counter()
        write_outputs(store, out, reader, config, gazetteer, gazetteers, counts, libraries)
    finally:
        store.close()
        if not config.run.cache_dir:
            shutil.rmtree(cache_dir, ignore_errors=True)
    finished = time.perf_counter()
    summary = RunSummary(
        counts={s: counts.get(s, 0) for s in STATUSES}, documents=sum(counts.values()),
        out_dir=str(out), seconds=round(finished - started, 3), cached=cached,
        timings={"process": round(processed - started, 3), "write": round(finished - processed, 3)},
    )
    # Timings are not reproducible: they go beside the outputs, never into them.
    tmp = out / ".run.json.tmp"
    tmp.write_text(dump_json({
        "seconds": summary.seconds, "timings": summary.timings, "documents": summary.documents,
        "cached": cached, "workers": config.run.workers, "python": sys.version.split()[0], "pid": os.getpid(),
    }), encoding="utf-8")
    os.replace(tmp, out / "run.json")
    return summary


def _jsonl_document(d: dict) -> dict:
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


def write_outputs(store: Store, out: Path, reader: DumpReader, config: Config, gazetteer: Gazetteer,
                  gazetteers: dict[str, str], counts: Counter[str], libraries: dict[str, str]) -> None:
    """Write every output file from the store, in id order, then move them into place."""
    staged = StagedOutput(out)
    try:
        docs_csv = CsvTable(staged.open("documents.csv"), DOCUMENTS)
        docs_jsonl = staged.open("documents.jsonl")
        removed_csv = CsvTable(staged.open("removed.csv"), REMOVED)
        mentions_csv = CsvTable(staged.open("mentions.csv"), MENTIONS)
        events_csv = CsvTable(staged.open("events.csv"), EVENTS)
        participants_csv = CsvTable(staged.open("event_participants.csv"), EVENT_PARTICIPANTS)
        events_jsonl = staged.open("events.jsonl")
        entities: dict[str, dict] = {}
        for d in store.documents():
            docs_csv.write(d)
            docs_jsonl.write(json.dumps(_jsonl_document(d), ensure_ascii=False) + "\n")
            for r in d.get("removed", []):
                removed_csv.write(r)
            seen_here: set[str] = set()
            for m in sorted(d.get("mentions", []), key=lambda m: (m["paragraph"], m["start"], m["end"])):
                mentions_csv.write(m)
                entry = gazetteer.entries.get(m["entity_id"])
                e = entities.setdefault(m["entity_id"], {
                    "entity_id": m["entity_id"], "type": m["type"], "canonical": m["canonical"],
                    "english": entry.english if entry else "", "acronym": m["acronym"],
                    "wikidata": entry.wikidata if entry else "", "mentions": 0, "documents": 0})
                e["mentions"] += 1
                if m["entity_id"] not in seen_here:
                    seen_here.add(m["entity_id"])
                    e["documents"] += 1
            for ev in sorted(d.get("events", []), key=lambda e: (e["paragraph"], e["start"], e["event_id"])):
                row = dict(ev)
                row["participants"] = " | ".join(p["canonical"] for p in ev["participants"])
                events_csv.write(row)
                for p in ev["participants"]:
                    participants_csv.write({"event_id": ev["event_id"], **p})
                events_jsonl.write(json.dumps(ev, ensure_ascii=False) + "\n")
        ent_csv = CsvTable(staged.open("entities.csv"), ENTITIES)
        for eid in sorted(entities):
            ent_csv.write(entities[eid])
        staged.close()
        staged.write_text("datapackage.json", dump_json(datapackage(__version__)))
        outputs = {p.name: sha256_file(p) for p in sorted(staged.stage.iterdir())}
        manifest = {
            "vnews": __version__,
            "libraries": libraries,
            "config_sha256": config.digest(),
            "gazetteers": gazetteers,
            "inputs": [f.as_dict() for f in reader.files],
            "counts": {s: counts.get(s, 0) for s in STATUSES},
            "documents": sum(counts.values()),
            "outputs": outputs,
        }
        staged.write_text("manifest.json", dump_json(manifest))
        staged.commit()
    except BaseException:
        staged.abort()
        raise
