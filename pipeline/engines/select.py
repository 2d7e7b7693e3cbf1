"""The executor a run's config asks for (``run.engine``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..config import Config
from ..errors import UsageError
from . import Executor

if TYPE_CHECKING:
    from ..runner import Pipeline

__all__ = ["make_executor"]


def make_executor(config: Config, pipeline: Pipeline) -> Executor:
    if config.run.engine == "local":
        from .local import LocalExecutor

        return LocalExecutor(pipeline, config.run.workers)
    if config.run.engine == "dask":
        from .dask import DaskExecutor

        return DaskExecutor(config, config.run.workers, config.run.scheduler)
    raise UsageError(f"unknown engine {config.run.engine!r}; use local or dask")
