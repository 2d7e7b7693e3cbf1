"""The cyclic garbage collector around what lives for a whole run.

A run builds a few large, long-lived structures once (gazetteer entries, the Aho-Corasick
automata, the word-segmentation model's folded weights: about a million objects) and then makes
and drops small ones per document. Left alone, the collector runs full collections while the big
tables are being built, each traversing everything built so far (about a third of start-up), and
later full collections during the run traverse them again; in a forked worker, a traversal also
touches, and so copies, the pages the worker shares with its parent.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["building", "kept_for_the_run"]


@contextmanager
def building() -> Iterator[None]:
    """No cyclic collection while long-lived structures are built (reference counting still frees
    what is dropped); the collector's previous state is restored afterwards."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


@contextmanager
def kept_for_the_run() -> Iterator[None]:
    """Every object that exists on entry is out of the collector's view until exit (``gc.freeze``):
    built once and used for the whole run, they can never become garbage meanwhile. Nested uses
    leave the objects frozen until the outermost one exits."""
    outermost = gc.get_freeze_count() == 0
    gc.freeze()
    try:
        yield
    finally:
        if outermost:
            gc.unfreeze()
