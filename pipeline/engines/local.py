"""The local engine: this process (one worker) or forked worker processes that do all per-document work.

With several workers the calling process only reads bytes, decides and merges:

* it reads the dump as bytes (:meth:`DumpReader.raw`: file I/O, no decoding) and hands them out
  in small batches, each to the worker with the fewest bytes in hand;
* a worker parses, looks up the cache, prepares and answers with summaries
  (:class:`~pipeline.engines.work.Summary`); it keeps the prepared documents;
* the calling process decides every summary in input order (ids, copies) and sends the verdicts
  back to the worker that holds those documents;
* the worker finishes them (extracts, caches, renders) and sends back their output rows.

Workers are forked once the pipeline is built, so they share its gazetteers and models
copy-on-write instead of building or receiving them. A worker prepares before it finishes, so
that the verdicts the others wait for are never held up behind its extraction.
"""

from __future__ import annotations

import multiprocessing
import os
import queue
import signal
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from ..errors import WorkerError
from ..memory import kept_for_the_run
from .work import DocumentWork, Result, Summary, Verdict, portable

__all__ = ["LocalEngine"]

# Documents per batch: big enough that messages cost little per document, small enough that
# the last batches of a run end close together.
_BATCH = 8
# Batches in hand per worker: enough that its verdicts are decided long before it needs them.
_BATCHES_PER_WORKER = 3
_POLL_S = 1.0  # how often a waiting process checks that the other side is still alive


class LocalEngine:
    """``run(items, decide)``: every item's :class:`Result`, in no fixed order."""

    def __init__(self, make_work: Callable[[], DocumentWork], workers: int):
        self.make_work = make_work
        self.workers = workers
        self.rejected = self.skipped = 0  # cache entries the workers found corrupt / could not write
        self._procs: list[Any] = []
        self._inboxes: list[Any] = []
        self._finished = False  # every message sent was read: nothing is left to flush

    def run(self, items: Iterable, decide: Callable[[Summary], Verdict]) -> Iterator[Result]:
        if self.workers <= 1:
            work = self.make_work()
            try:
                for item in items:
                    held, summary = work.prepare(item)
                    yield work.finish(held, decide(summary))
            finally:
                self._add_stats(work.cache.rejected, work.cache.skipped)
                work.cache.close()
            return
        yield from self._run_forked(iter(items), decide)

    def _add_stats(self, rejected: int, skipped: int) -> None:
        self.rejected += rejected
        self.skipped += skipped

    def _start(self) -> tuple[list[Any], Any]:
        ctx = multiprocessing.get_context("fork")
        inboxes = [ctx.Queue() for _ in range(self.workers)]
        results = ctx.Queue()
        # The pipeline's objects stay shared: a collection in a worker would copy their pages.
        with kept_for_the_run():
            for i, inbox in enumerate(inboxes):
                proc = ctx.Process(target=_serve, args=(self.make_work, i, inbox, results, os.getpid()),
                                   name=f"vnews-worker-{i}", daemon=True)
                proc.start()
                self._procs.append(proc)
        return inboxes, results

    def _run_forked(self, items: Iterator, decide: Callable[[Summary], Verdict]) -> Iterator[Result]:
        inboxes, results = self._start()
        self._inboxes = inboxes
        with _Interrupts() as interrupts:
            yield from self._serve_workers(items, decide, inboxes, results, interrupts)
        self._finished = True
        self.close()

    def _serve_workers(self, items: Iterator, decide: Callable[[Summary], Verdict], inboxes: list[Any],
                       results: Any, interrupts: "_Interrupts") -> Iterator[Result]:
        owner: dict[int, int] = {}  # batch -> worker
        weight: dict[int, int] = {}  # batch -> its bytes
        load = [0] * self.workers  # bytes in hand per worker: what is left to do, more nearly than a count
        prepared: dict[int, list[Summary]] = {}
        next_batch = next_decision = 0
        exhausted = False
        while True:
            interrupts.check()
            while not exhausted and len(owner) < _BATCHES_PER_WORKER * self.workers:
                batch = [item for _, item in zip(range(_BATCH), items)]
                if not batch:
                    exhausted = True
                    break
                w = load.index(min(load))
                inboxes[w].put(("prepare", next_batch, batch))
                owner[next_batch] = w
                weight[next_batch] = sum(_size(item) for item in batch)
                load[w] += weight[next_batch]
                next_batch += 1
            if not owner:
                break
            kind, batch_id, payload = self._receive(results, interrupts)
            if kind == "prepared":
                prepared[batch_id] = payload
                while next_decision in prepared:
                    verdicts = [decide(s) for s in prepared.pop(next_decision)]
                    inboxes[owner[next_decision]].put(("finish", next_decision, verdicts))
                    next_decision += 1
            else:
                load[owner.pop(batch_id)] -= weight.pop(batch_id)
                yield from payload
        for inbox in inboxes:
            inbox.put(("stop", 0, None))
        for _ in inboxes:
            kind, _, payload = self._receive(results, interrupts)
            self._add_stats(*payload)

    def _receive(self, results: Any, interrupts: "_Interrupts") -> tuple[str, int, Any]:
        while True:
            interrupts.check()
            try:
                kind, batch_id, payload = results.get(timeout=_POLL_S)
            except queue.Empty:
                dead = [p for p in self._procs if p.exitcode is not None]
                if dead:
                    raise WorkerError(
                        f"worker process {dead[0].name} (pid {dead[0].pid}) stopped with exit code {dead[0].exitcode} "
                        "before its documents were finished (killed, or out of memory: see dmesg); the previous "
                        "outputs are untouched and finished documents stay in the cache: run the same command "
                        "again, with fewer --workers if memory is short") from None
                continue
            if kind == "failed":
                raise payload
            return kind, batch_id, payload

    def close(self) -> None:
        if not self._finished:
            # Stopped early (Ctrl-C, an error): what is still queued for the workers will never be
            # read, and waiting at exit to flush it into a pipe nobody reads would hang the process.
            for inbox in self._inboxes:
                inbox.cancel_join_thread()
        for proc in self._procs:
            if proc.is_alive():
                proc.terminate()
        for proc in self._procs:
            proc.join()
        self._procs = []


class _Interrupts:
    """Ctrl-C noted while the workers are served, and raised as KeyboardInterrupt at the next safe
    point (before a message is sent, while waiting for one; within ``_POLL_S``). Raised where it
    strikes, it could stop the process inside a queue's own bookkeeping (between starting a
    queue's feeder thread and registering how to stop it), which then hangs the process at exit.
    Only the main thread may set a signal handler; elsewhere it does nothing."""

    def __init__(self) -> None:
        self.seen = False
        self._previous: Any = None

    def __enter__(self) -> "_Interrupts":
        if threading.current_thread() is threading.main_thread():
            self._previous = signal.signal(signal.SIGINT, self._note)
        return self

    def _note(self, signum: int, frame: Any) -> None:
        self.seen = True

    def check(self) -> None:
        if self.seen:
            raise KeyboardInterrupt

    def __exit__(self, *exc: object) -> None:
        if self._previous is not None:
            signal.signal(signal.SIGINT, self._previous)


def _size(item: Any) -> int:
    """An item's share of the work: its bytes (a refused file, already a Document, counts one)."""
    return len(getattr(item, "data", b"")) + 1


def _serve(make_work: Callable[[], DocumentWork], index: int, inbox: Any, results: Any, parent: int) -> None:
    """A worker's loop: prepare batches first, then finish them, until told to stop."""
    try:
        work = make_work()
        prepares: deque = deque()
        finishes: deque = deque()
        held: dict[int, list] = {}
        while True:
            _take(inbox, prepares, finishes, block=not prepares and not finishes, parent=parent)
            if prepares:
                kind, batch_id, batch = prepares.popleft()
                if kind == "stop":
                    work.cache.close()
                    results.put(("stats", index, (work.cache.rejected, work.cache.skipped)))
                    return
                done = [work.prepare(item) for item in batch]
                held[batch_id] = [h for h, _ in done]
                results.put(("prepared", batch_id, [s for _, s in done]))
            elif finishes:
                _, batch_id, verdicts = finishes.popleft()
                results.put(("finished", batch_id, [work.finish(h, v) for h, v in zip(held.pop(batch_id), verdicts)]))
    except KeyboardInterrupt:
        # Ctrl-C reaches the whole process group, and the calling process reports it; or that
        # process is gone. Either way nobody may read what is still queued for it, and waiting to
        # flush it would leave this process hanging: leave at once (every cache entry is committed).
        results.cancel_join_thread()
        os._exit(0)
    except BaseException as exc:  # noqa: BLE001 -- the calling process raises it
        results.put(("failed", index, portable(exc)))


def _take(inbox: Any, prepares: deque, finishes: deque, block: bool, parent: int) -> None:
    """Move every waiting message to its queue (a stop goes last, behind the prepares)."""
    if os.getppid() != parent:  # the calling process was killed: nobody will read our results
        raise KeyboardInterrupt
    while True:
        try:
            message = inbox.get(timeout=_POLL_S) if block else inbox.get_nowait()
        except queue.Empty:
            if not block:
                return
            if os.getppid() != parent:  # the calling process was killed: nobody will read our results
                raise KeyboardInterrupt from None
            continue
        (finishes if message[0] == "finish" else prepares).append(message)
        block = False
