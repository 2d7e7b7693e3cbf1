"""vnews: Vietnamese news articles to clean, normalised, reviewable records.

The library API is :func:`pipeline.runner.extract`; the ``vnews`` command is a thin layer over it.
"""

__version__ = "0.1.0"

__all__ = ["__version__", "load"]


def __getattr__(name: str):
    # ``pipeline.load(out_dir)`` without importing pandas for every ``import pipeline`` (workers, CLI).
    if name == "load":
        from .loader import load

        return load
    raise AttributeError(f"module 'pipeline' has no attribute {name!r}")
