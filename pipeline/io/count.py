"""How many documents a dump holds, for a progress bar's total, without parsing them.

A ``.txt`` file is one document; a ``.jsonl`` (or ``.jsonl.gz``) file one per non-blank line;
any other file one (an error row). A file that cannot be read counts as one (its error row).
Files are streamed line by line, so counting a large dump costs a read, not memory.
"""

from __future__ import annotations

import gzip
import zlib
from pathlib import Path

from .readers import _suffix, _walk

__all__ = ["count_documents"]



def _lines(path: Path, gz: bool) -> int:
    n = 0
    opener = gzip.open if gz else open
    try:
        with opener(path, "rb") as fh:
            for line in fh:
                if line.strip():
                    n += 1
    except (OSError, EOFError, zlib.error):
        n += 1  # a truncated file: the reader reports the break as one more row
    return n


def count_documents(inputs: list[str]) -> int:
    total = 0
    for arg in inputs:
        root = Path(arg)
        if not root.exists():
            continue
        for path in _walk(root):
            suffix = _suffix(path)
            total += _lines(path, suffix == ".jsonl.gz") if suffix in (".jsonl", ".jsonl.gz") else 1
    return total
