"""One exception type per kind of failure; every message names the file, the document and what to do."""

from __future__ import annotations


class VnewsError(Exception):
    """Base of every error vnews raises on purpose."""


class UsageError(VnewsError):
    """Arguments the run cannot start with: a missing path, an empty dump, an unwritable output dir."""


class ConfigError(VnewsError):
    """A config file that cannot be used (bad TOML, unknown key, wrong type). Stops the run before it starts."""


class GazetteerError(VnewsError):
    """A gazetteer that cannot be used (bad CSV, duplicate ids, ambiguous aliases, bad dates)."""


class DocumentError(VnewsError):
    """One document that cannot be processed. It is recorded with status ``error`` and the run goes on."""


class DuplicateIdError(DocumentError):
    """Two input documents share one id; the second is recorded as an error naming both sources."""


class LockedError(UsageError):
    """Another run holds the output directory's lock; the message names its pid."""


class OutputError(UsageError):
    """The outputs cannot be written (no space left, unwritable directory); the previous ones stay intact."""


class WorkerError(VnewsError):
    """A worker process of the local engine stopped (killed, out of memory) before its documents
    were finished: the run stops, the previous outputs stay, finished documents stay in the cache."""


class RunInterrupted(VnewsError):
    """The run was stopped (Ctrl-C). Says what was kept: finished documents stay in the cache,
    the previous outputs are untouched."""

    def __init__(self, processed: int, kept: int, cache_dir: object | None):
        self.processed, self.kept = processed, kept
        if cache_dir is None:
            where = "the cache is off, so nothing was kept"
        else:
            where = (f"{kept} newly finished documents were kept in {cache_dir} (cached ones stay there "
                     "too); run the same command again to resume")
        super().__init__(f"interrupted after {processed} documents: {where}; the previous outputs are untouched")
