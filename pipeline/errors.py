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
