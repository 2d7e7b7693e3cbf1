"""The local engine: this process (one worker) or a pool of forked worker processes."""

from __future__ import annotations

import multiprocessing
from typing import TYPE_CHECKING

from ..model import Document
from . import Done, Pending

if TYPE_CHECKING:
    from ..runner import Pipeline

__all__ = ["LocalExecutor"]

# Worker processes get the pipeline once, when forked, instead of with every document.
_worker_pipeline: Pipeline | None = None


def _init_worker(pipeline: Pipeline) -> None:
    global _worker_pipeline
    _worker_pipeline = pipeline


def _step(step: str, doc: Document) -> Document:
    assert _worker_pipeline is not None
    return getattr(_worker_pipeline, step)(doc)


class LocalExecutor:
    """``submit(step, doc)``: the pipeline's step, here (one worker) or in a forked worker."""

    def __init__(self, pipeline: Pipeline, workers: int):
        self.pipeline = pipeline
        self.workers = workers
        self.pool = None
        if workers > 1:
            ctx = multiprocessing.get_context("fork")
            self.pool = ctx.Pool(workers, initializer=_init_worker, initargs=(pipeline,))

    def submit(self, step: str, doc: Document) -> Pending:
        if self.pool is None:
            return Done(getattr(self.pipeline, step)(doc))
        return self.pool.apply_async(_step, (step, doc))

    def close(self) -> None:
        if self.pool is not None:
            self.pool.terminate()
            self.pool.join()
            self.pool = None
