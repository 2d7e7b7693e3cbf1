"""The executor a run's config asks for (``run.engine``) when it is not the local engine."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..config import Config
from ..errors import UsageError
from . import Executor

if TYPE_CHECKING:
    from ..runner import Pipeline

__all__ = ["make_executor"]


def make_executor(config: Config, pipeline: Pipeline) -> Executor:
    """The executor of an engine that goes through :func:`pipeline.engines.run_documents` (Dask);
    the local engine is :class:`pipeline.engines.local.LocalEngine`."""
    if config.run.engine == "dask":
        from .dask import DaskExecutor

        return DaskExecutor(config, config.run.workers, config.run.scheduler)
    raise UsageError(f"unknown engine {config.run.engine!r}; use local or dask")
