"""vnews: Vietnamese news articles to clean, normalised, reviewable records.

The library API is :func:`pipeline.runner.extract`; the ``vnews`` command is a thin layer over it.
"""

__version__ = "0.1.0"
