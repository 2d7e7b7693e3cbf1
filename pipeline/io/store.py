"""On-disk stores of a run: the per-document cache and the spill that sorts outputs.

SQLite, so memory does not grow with the dump and outputs can be read back in id order.

* :class:`Cache` (``OUT/.cache/store.sqlite``) survives between runs: a run that was killed, or a
  rerun with the same inputs, config and gazetteers, reuses finished documents. Entries are
  content-addressed (the key hashes the document, code, config and gazetteers) and carry the
  sha256 of their payload, so a shared or tampered cache can never put a wrong document into
  outputs: a mismatching entry is ignored and recomputed. A cache SQLite cannot read (cut,
  overwritten, a file where the folder should be) is moved aside with a warning.
* :class:`Spill` holds this run's final documents, in a file of the run's own staging folder,
  so two runs never share it.

Both are used from the main thread only (SQLite connections are per thread).
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from .publish import is_no_space
from .render import PARTS, Rendered

__all__ = ["Cache", "Spill"]

_COMMIT_EVERY = 200  # spill rows between commits (the spill of a killed run is thrown away anyway)
_BUSY_MS = 60_000  # another run sharing an absolute cache_dir may hold the write lock this long


def _digest(payload: str) -> str:
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


class Cache:
    """Finished documents by cache key; disabled when ``path`` is None."""

    def __init__(self, path: Path | None, run_id: str):
        self.warnings: list[str] = []
        self.rejected = 0
        self.skipped = 0
        self.db: sqlite3.Connection | None = None
        if path is None:
            return
        try:
            self.db = self._open(path)
        except (sqlite3.DatabaseError, OSError) as exc:
            if is_no_space(exc):  # a full disk is not a broken cache: keep it for the next run
                raise
            # A cache is only ever a shortcut: set the unreadable one aside (for a post-mortem)
            # and go on from scratch.
            aside = self._set_aside(path, run_id)
            self.warnings.append(f"{path}: unreadable cache ({type(exc).__name__}: {exc}); moved to {aside}, "
                                 "this run starts from scratch")
            self.db = self._open(path)

    @classmethod
    def attach(cls, path: Path | None) -> Cache:
        """Another connection to a cache this run has opened (and checked): a worker's own."""
        cache = cls(None, "")
        if path is not None:
            cache.db = sqlite3.connect(path, timeout=_BUSY_MS / 1000)
            cache.db.execute("PRAGMA synchronous=NORMAL")
        return cache

    @staticmethod
    def _open(path: Path) -> sqlite3.Connection:
        path.parent.mkdir(parents=True, exist_ok=True)
        db = sqlite3.connect(path, timeout=_BUSY_MS / 1000)
        try:
            check = db.execute("PRAGMA quick_check").fetchone()
            if not check or check[0] != "ok":
                raise sqlite3.DatabaseError(f"integrity check: {check[0] if check else 'no answer'}")
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")
            db.execute("CREATE TABLE IF NOT EXISTS entries (key TEXT PRIMARY KEY, sha256 TEXT NOT NULL, "
                       "payload TEXT NOT NULL)")
            db.execute("DROP TABLE IF EXISTS run")  # vnews < 0.2 kept one shared spill table here
            db.execute("DROP TABLE IF EXISTS cache")  # ... and entries without a checksum
            db.commit()
        except BaseException:
            db.close()
            raise
        return db

    @staticmethod
    def _set_aside(path: Path, run_id: str) -> Path:
        folder = path.parent
        if folder.exists() and not folder.is_dir():
            target = folder.with_name(f"{folder.name}.corrupt-{run_id}")
            os.replace(folder, target)
            return target
        target = path.with_name(f"{path.name}.corrupt-{run_id}")
        for suffix in ("-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        if path.exists():
            os.replace(path, target)
        return target

    def get(self, key: str) -> dict | None:
        if self.db is None:
            return None
        row = self.db.execute("SELECT sha256, payload FROM entries WHERE key = ?", (key,)).fetchone()
        if row is None:
            return None
        if _digest(row[1]) != row[0]:
            self.rejected += 1
            return None
        try:
            return json.loads(row[1])
        except ValueError:
            self.rejected += 1
            return None

    def put(self, key: str, payload: dict) -> bool:
        """Keep ``payload``; False when the cache is off or another run held it too long."""
        if self.db is None:
            return False
        text = json.dumps(payload, ensure_ascii=False)
        # One entry, one transaction: in WAL mode with synchronous=NORMAL a commit does not fsync,
        # and another run sharing this cache then never waits on us for more than one insert.
        try:
            with self.db:
                self.db.execute("INSERT OR REPLACE INTO entries VALUES (?, ?, ?)", (key, _digest(text), text))
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) and "busy" not in str(exc):
                raise
            self.skipped += 1  # a cache is a shortcut: a run never fails for want of one entry
            return False
        return True

    def close(self) -> None:
        if self.db is not None:
            try:
                self.db.commit()
            finally:
                self.db.close()
                self.db = None
        if self.rejected:
            self.warnings.append(f"{self.rejected} cache entries did not match their checksum and were recomputed")
        if self.skipped:
            self.warnings.append(f"{self.skipped} documents not cached: another run held the cache for over a minute")


class Spill:
    """This run's documents as rendered rows (:mod:`pipeline.io.render`), read back in doc_id order."""

    def __init__(self, path: Path):
        self.db = sqlite3.connect(path)
        self.db.execute("PRAGMA journal_mode=OFF")  # a killed run's spill is thrown away anyway
        self.db.execute("PRAGMA synchronous=OFF")
        columns = ", ".join(f"p{i} TEXT NOT NULL" for i in range(len(PARTS)))
        self.db.execute(f"CREATE TABLE run (doc_id TEXT PRIMARY KEY, status TEXT NOT NULL, {columns}, "
                        "entities TEXT NOT NULL)")
        self._insert = f"INSERT INTO run VALUES (?, ?, {', '.join('?' * len(PARTS))}, ?)"
        self._pending = 0

    def add(self, doc: Rendered) -> None:
        self.db.execute(self._insert, (doc.doc_id, doc.status, *doc.parts, doc.entities))
        self._pending += 1
        if self._pending >= _COMMIT_EVERY:
            self.db.commit()
            self._pending = 0

    def documents(self) -> Iterator[Rendered]:
        """This run's documents in doc_id order (byte order of UTF-8, same as Python's str order)."""
        self.db.commit()
        for row in self.db.execute("SELECT * FROM run ORDER BY doc_id"):
            yield Rendered(row[0], row[1], tuple(row[2:-1]), row[-1])

    def close(self) -> None:
        self.db.close()
