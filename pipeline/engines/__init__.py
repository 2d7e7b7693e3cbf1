"""How the per-document work of a run is executed: in this process, in local worker processes, or
on a Dask cluster. Every engine makes the same decisions in the same order and writes the same
bytes (tested); they differ only in where a step runs. The Dask engine goes through
:func:`run_documents` (documents travel to the cluster and back, the cache stays in the calling
process); the local engine (:mod:`pipeline.engines.local`) leaves everything but the decisions
to its workers, as two halves of the same steps (:mod:`pipeline.engines.work`).

Per document, in input order:

1. a cached result made with the same code, config and gazetteers is reused as it is; one made
   with other gazetteers only (the segmentation is still valid) is re-tagged, not re-segmented;
   a copy is cached as prepared only (step 2), and extracted by a run where it is no copy;
2. otherwise the document is *prepared* (cleaned, repeated paragraphs removed, fingerprinted);
3. the document deduper sees it, in input order: a copy of an earlier document is marked
   ``duplicate`` here, before any segmentation, tagging or event extraction is spent on it;
4. what remains is *extracted* (segmented, tagged, events) and handed back to be cached.

Steps 2 and 4 are submitted to an :class:`Executor`; step 3 always runs in the calling process,
so cross-document dedupe stays exact however the work is partitioned.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any, Protocol

from ..model import Document, document_from_dict
from ..stages.dedupe import DocumentDeduper, text_key

__all__ = ["Done", "Executor", "Finished", "Job", "Pending", "run_documents", "GAZETTEERS_FIELD"]

# The field of a cached payload that says which gazetteers tagged it.
GAZETTEERS_FIELD = "_gazetteers"


class Pending(Protocol):
    def ready(self) -> bool: ...
    def get(self) -> Any: ...


class Executor(Protocol):
    """Runs ``prepare``, ``extract`` and ``analyse`` (re-tag) of the run's pipeline somewhere."""

    workers: int

    def submit(self, step: str, doc: Document) -> Pending: ...

    def close(self) -> None: ...


@dataclass(slots=True)
class Job:
    key: str
    doc: Document | None  # the document as read; None when the cache had it
    cached: dict | None = None  # a cached payload, possibly tagged with other gazetteers


@dataclass(slots=True)
class Finished:
    key: str
    record: dict  # the finished document as Document.as_dict() gives it
    from_cache: bool
    fresh: dict | None  # the payload to cache (an extracted document), or None


class Done:
    """A Pending that is already done (work that ran in the calling process)."""

    __slots__ = ("value",)

    def __init__(self, value: Any):
        self.value = value

    def ready(self) -> bool:
        return True

    def get(self) -> Any:
        return self.value


@dataclass(slots=True)
class _Slot:
    job: Job
    pending: Pending | None = None  # prepare (before the deduper) or extract/analyse (after)
    text_key: tuple[str, int] = ("", 0)  # what the deduper compared, kept with the cached payload


def run_documents(jobs: Iterable[Job], executor: Executor, deduper: DocumentDeduper,
                  gazetteers: str, window: int) -> Iterator[Finished]:
    """Every job's finished document: deduped in input order, extracted where needed.

    ``jobs`` is consumed in the calling thread (cache reads stay in the thread that opened the
    cache); at most ``window`` documents are in flight before and after the deduper each, so
    memory stays flat with the dump. Finished documents come in no fixed order (outputs are
    sorted by id when written); the deduper sees them in input order. A cached document that
    stays what it was is passed on as the cached dict, never rebuilt.
    """
    run = _DocumentRun(executor, deduper, gazetteers)
    for job in jobs:
        slot = _Slot(job)
        if job.cached is None:
            slot.pending = executor.submit("prepare", job.doc)
        run.undecided.append(slot)
        yield from run.drain(window)
    yield from run.drain(0)


class _DocumentRun:
    """The two queues of ``run_documents`` and what moves a document from one to the next."""

    __slots__ = ("executor", "deduper", "gazetteers", "undecided", "extracting")

    def __init__(self, executor: Executor, deduper: DocumentDeduper, gazetteers: str) -> None:
        self.executor, self.deduper, self.gazetteers = executor, deduper, gazetteers
        self.undecided: deque[_Slot] = deque()  # input order, waiting for prepare and the deduper
        self.extracting: deque[_Slot] = deque()  # decided, waiting for extraction

    def decide(self, slot: _Slot) -> Finished | None:
        job, cached = slot.job, slot.job.cached
        if cached is None:
            doc = slot.pending.get()
            slot.pending = None
            if doc.status != "ok":  # empty or unreadable: settled before tagging, whatever the gazetteers
                record = doc.as_dict()
                return Finished(job.key, record, False, _payload(record, self.gazetteers, ("", 0)))
            slot.text_key = text_key(doc)
        elif cached["status"] != "ok":
            return Finished(job.key, _public(cached), True, None)
        else:
            slot.text_key = (cached[_TEXT_SHA256], cached[_WORDS])
            doc = None
        first = self.deduper.first_copy(doc.doc_id if doc else cached["doc_id"], *slot.text_key,
                                        doc.fingerprint if doc else cached["fingerprint"])
        if first:
            # A copy is never extracted. Whether it is one depends on the documents before it, so
            # what is cached is the prepared document, extracted by a later run where it is no copy.
            prepared = _payload(doc.as_dict(), "", slot.text_key) if doc else None
            if prepared is not None:
                prepared[_PREPARED] = True
            return Finished(job.key, self.deduper.mark(doc or document_from_dict(cached), first).as_dict(),
                            cached is not None, prepared)
        if cached is not None and cached.get(GAZETTEERS_FIELD) == self.gazetteers:
            return Finished(job.key, _public(cached), True, None)
        step = "analyse" if doc is None and not cached.get(_PREPARED) else "extract"
        slot.pending = self.executor.submit(step, doc or document_from_dict(cached))
        self.extracting.append(slot)
        return None

    def collect(self, slot: _Slot) -> Finished:
        record = slot.pending.get().as_dict()
        # An internal error while extracting is not kept: the next run tries again.
        fresh = _payload(record, self.gazetteers, slot.text_key) if record["status"] == "ok" else None
        return Finished(slot.job.key, record, slot.job.cached is not None, fresh)

    def drain(self, limit: int) -> Iterator[Finished]:
        """Take every head that is ready; block on a head while its queue is over ``limit``."""
        undecided, extracting = self.undecided, self.extracting
        while True:
            moved = False
            if undecided and (len(undecided) > limit or undecided[0].pending is None
                              or undecided[0].pending.ready()):
                done = self.decide(undecided.popleft())
                if done is not None:
                    yield done
                moved = True
            if extracting and (len(extracting) > limit or extracting[0].pending.ready()):
                yield self.collect(extracting.popleft())
                moved = True
            if not moved:
                return


# Private fields of a cached payload (a Document field never starts with "_").
_TEXT_SHA256, _WORDS = "_text_sha256", "_words"
_PREPARED = "_prepared"  # cleaned and deduped only: a copy when it was cached


def _public(payload: dict) -> dict:
    return {k: v for k, v in payload.items() if not k.startswith("_")}


def _payload(record: dict, gazetteers: str, key: tuple[str, int]) -> dict:
    return {**record, GAZETTEERS_FIELD: gazetteers, _TEXT_SHA256: key[0], _WORDS: key[1]}
