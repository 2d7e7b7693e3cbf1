"""The Dask engine: the per-document steps run on a Dask cluster (``pip install 'vnews[dask]'``).

``run.scheduler`` empty: a ``LocalCluster`` of ``run.workers`` single-threaded worker processes,
closed at the end of the run. Otherwise the address of a running scheduler
(``dask scheduler`` / ``dask worker ADDRESS``); every worker must be able to import this version
of vnews and read the gazetteer directory at the same path.

Each worker builds the pipeline once, when it joins (a worker plugin), from the run's config.
Only the per-document steps go to the cluster; the cross-document deduper stays in the calling
process and sees documents in input order (:mod:`pipeline.engines`), so the outputs are the
same bytes as the local engine's, however the cluster partitions the work.
"""

from __future__ import annotations

import dataclasses
import logging
from pathlib import Path
from typing import Any

from ..config import Config, gazetteer_dir
from ..errors import UsageError
from ..model import Document

__all__ = ["DaskExecutor"]

_PLUGIN = "vnews-pipeline"


def _plugin_class():
    from distributed.diagnostics.plugin import WorkerPlugin

    class PipelinePlugin(WorkerPlugin):
        """Builds the run's pipeline on every worker that joins."""

        name = _PLUGIN

        def __init__(self, config: Config):
            self.config = config
            self.pipeline = None

        def setup(self, worker) -> None:
            from ..gazetteer import Gazetteer
            from ..runner import Pipeline

            self.pipeline = Pipeline(self.config, Gazetteer.load(gazetteer_dir(self.config)))

    return PipelinePlugin


def _step(step: str, doc: Document) -> Document:
    from distributed import get_worker

    return getattr(get_worker().plugins[_PLUGIN].pipeline, step)(doc)


class _Future:
    __slots__ = ("future",)

    def __init__(self, future: Any):
        self.future = future

    def ready(self) -> bool:
        return self.future.done()

    def get(self) -> Document:
        return self.future.result()


class DaskExecutor:
    def __init__(self, config: Config, workers: int, scheduler: str = ""):
        try:
            from distributed import Client, LocalCluster
        except ImportError:
            raise UsageError("--engine dask needs Dask: pip install 'vnews[dask]' (dask, distributed)") from None
        # Workers may start elsewhere: they get the gazetteers by absolute path.
        tag = dataclasses.replace(config.tag, gazetteers=str(gazetteer_dir(config).resolve()))
        config = dataclasses.replace(config, tag=tag)
        self.workers = workers
        self.cluster = None
        # Dask logs every worker start and stop at INFO; a run prints its own summary.
        for name in ("distributed", "distributed.scheduler", "distributed.core"):
            logging.getLogger(name).setLevel(logging.ERROR)
        try:
            if scheduler:
                self.client = Client(scheduler, timeout=30)
            else:
                self.cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                            dashboard_address=None, silence_logs=logging.ERROR)
                self.client = Client(self.cluster)
        except OSError as exc:
            raise UsageError(f"dask scheduler {scheduler or '(local cluster)'}: cannot connect ({exc}); "
                             "check the address, or drop --scheduler for a local cluster") from None
        self.client.register_plugin(_plugin_class()(config), name=_PLUGIN)

    def submit(self, step: str, doc: Document) -> _Future:
        return _Future(self.client.submit(_step, step, doc, pure=False))

    def close(self) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()
