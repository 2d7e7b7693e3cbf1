"""The two halves of a document's work in the local engine, and the decision between them.

A worker *prepares* a document (parses its bytes, looks it up in the cache, cleans it, removes
repeated paragraphs, fingerprints it) and sends the deciding process a small :class:`Summary`.
The deciding process sees every summary in input order and answers with a :class:`Verdict`
(:class:`Decider`: the id is taken, or the document copies an earlier one). The same worker then
*finishes* the document (extracts it unless it is a copy, caches it, renders its output rows) and
sends back only the rendered rows (:class:`Result`). So cross-document decisions stay exact and
in input order, copies are never extracted, and what crosses between processes is bytes in,
a few numbers across and text out — never documents with their sentences and tokens.

The decisions are those of :func:`pipeline.engines.run_documents` (the Dask engine's path), step
for step; both engines write the same bytes (tested).
"""

from __future__ import annotations

import hashlib
import json
import pickle
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..io.readers import RawDocument, parse_raw
from ..io.render import Rendered, Renderer
from ..io.store import Cache
from ..model import Document, document_from_dict
from ..stages.dedupe import DocumentDeduper, text_key
from . import _PREPARED, _TEXT_SHA256, _WORDS, GAZETTEERS_FIELD, _payload, _public

if TYPE_CHECKING:
    from ..runner import Pipeline

__all__ = ["Decider", "DocumentWork", "Result", "Summary", "Verdict", "doc_key", "portable"]


def doc_key(doc: Document, salt: str) -> str:
    """A document's cache key: its content as read, under the run's code, config and libraries."""
    raw = json.dumps([doc.doc_id, doc.source, doc.title, doc.url, doc.published, doc.status,
                      doc.error, doc.origin, doc.lines, doc.line_numbers], ensure_ascii=False)
    return hashlib.sha256((salt + raw).encode("utf-8")).hexdigest()


def portable(exc: BaseException) -> BaseException:
    """``exc`` if it survives pickling (to be raised by the calling process), else a RuntimeError
    with its text."""
    try:
        pickle.loads(pickle.dumps(exc))
        return exc
    except Exception:  # noqa: BLE001 -- any failure to round-trip means: send the text instead
        return RuntimeError(f"{type(exc).__name__}: {exc}")


@dataclass(slots=True)
class Summary:
    """What the deciding process needs of a prepared document."""

    doc_id: str
    origin: str
    status: str  # after preparing (or as cached): only "ok" documents are compared
    text_sha256: str = ""
    words: int = 0
    fingerprint: list[int] | None = None


@dataclass(slots=True)
class Verdict:
    duplicate_of: str = ""  # the earlier document this one copies
    renamed: str = ""  # the id it gets because an earlier document has its id ...
    error: str = ""  # ... and the message saying so


@dataclass(slots=True)
class Result:
    rendered: Rendered
    from_cache: bool
    kept: bool  # newly put into the cache


class Decider:
    """``Decider(deduper)(summary) -> Verdict``, called in input order (stateful over one run)."""

    def __init__(self, deduper: DocumentDeduper):
        self.deduper = deduper
        self.seen: dict[str, str] = {}  # doc_id -> origin

    def rename(self, doc_id: str, origin: str) -> tuple[str, str] | None:
        """(new id, error) for the second and later documents with an id already seen, else None."""
        renamed = None
        if doc_id in self.seen:
            n = 2
            while f"{doc_id}~{n}" in self.seen:
                n += 1
            renamed = (f"{doc_id}~{n}", f"duplicate id {doc_id!r}: {origin} and {self.seen[doc_id]} both use it; "
                                        "give one of them another id")
        self.seen[renamed[0] if renamed else doc_id] = origin
        return renamed

    def __call__(self, s: Summary) -> Verdict:
        renamed = self.rename(s.doc_id, s.origin)
        if renamed:
            return Verdict(renamed=renamed[0], error=renamed[1])
        if s.status != "ok":  # empty or unreadable: settled before tagging, whatever the gazetteers
            return Verdict()
        return Verdict(duplicate_of=self.deduper.first_copy(s.doc_id, s.text_sha256, s.words, s.fingerprint))


@dataclass(slots=True)
class _Held:
    """A prepared document waiting for its verdict, in the worker that prepared it."""

    raw: RawDocument | Document
    key: str
    doc: Document | None  # prepared; None when the cache had it
    cached: dict | None
    text_key: tuple[str, int] = ("", 0)


class DocumentWork:
    """One worker's side: ``prepare(raw) -> (held, Summary)``, ``finish(held, Verdict) -> Result``."""

    def __init__(self, pipeline: Pipeline, cache: Cache, salt: str, gazetteers: str, renderer: Renderer):
        self.pipeline = pipeline
        self.cache = cache
        self.salt = salt
        self.gazetteers = gazetteers
        self.render = renderer

    def prepare(self, raw: RawDocument | Document) -> tuple[_Held, Summary]:
        doc = parse_raw(raw)
        key = doc_key(doc, self.salt)
        cached = self.cache.get(key)
        if cached is not None:
            held = _Held(raw, key, None, cached)
            if cached["status"] == "ok":
                held.text_key = (cached[_TEXT_SHA256], cached[_WORDS])
            return held, Summary(cached["doc_id"], doc.origin, cached["status"], *held.text_key,
                                 cached["fingerprint"])
        doc = self.pipeline.prepare(doc)
        held = _Held(raw, key, doc, None)
        if doc.status == "ok":
            held.text_key = text_key(doc)
        return held, Summary(doc.doc_id, doc.origin, doc.status, *held.text_key, doc.fingerprint)

    def finish(self, held: _Held, verdict: Verdict) -> Result:
        if verdict.renamed:
            # Never cached: it is the document as read under another id, which costs nothing to redo.
            doc = parse_raw(held.raw)
            doc.doc_id, doc.status, doc.error = verdict.renamed, "error", verdict.error
            doc.lines = []  # as the clean stage leaves an unreadable document
            return Result(self.render(doc.as_dict()), False, False)
        if held.cached is None:
            record, fresh = self._fresh(held, verdict)
        else:
            record, fresh = self._cached(held, verdict)
        kept = self.cache.put(held.key, fresh) if fresh is not None else False
        return Result(self.render(record), held.cached is not None, kept)

    def _fresh(self, held: _Held, verdict: Verdict) -> tuple[dict, dict | None]:
        doc = held.doc
        if doc.status != "ok":
            record = doc.as_dict()
            return record, _payload(record, self.gazetteers, ("", 0))
        if verdict.duplicate_of:
            # A copy is never extracted. Whether it is one depends on the documents before it, so
            # what is cached is the prepared document, extracted by a later run where it is no copy.
            prepared = _payload(doc.as_dict(), "", held.text_key)
            prepared[_PREPARED] = True
            return DocumentDeduper.mark(doc, verdict.duplicate_of).as_dict(), prepared
        record = self.pipeline.extract(doc).as_dict()
        # An internal error while extracting is not kept: the next run tries again.
        return record, _payload(record, self.gazetteers, held.text_key) if record["status"] == "ok" else None

    def _cached(self, held: _Held, verdict: Verdict) -> tuple[dict, dict | None]:
        cached = held.cached
        if cached["status"] != "ok":
            return _public(cached), None
        if verdict.duplicate_of:
            return DocumentDeduper.mark(document_from_dict(cached), verdict.duplicate_of).as_dict(), None
        if cached.get(GAZETTEERS_FIELD) == self.gazetteers:
            return _public(cached), None
        # Tagged with other gazetteers: re-tag (the segmentation is still valid) unless it was
        # cached as a copy, never segmented.
        step = self.pipeline.extract if cached.get(_PREPARED) else self.pipeline.analyse
        record = step(document_from_dict(cached)).as_dict()
        return record, _payload(record, self.gazetteers, held.text_key) if record["status"] == "ok" else None
