"""On-disk store for one run: the per-document cache and the spill that sorts outputs.

SQLite, so memory does not grow with the dump and outputs can be read back in id order.
The cache (table ``cache``) survives between runs: a run that was killed, or a rerun with the
same inputs, config and gazetteers, reuses finished documents. The spill (table ``run``) holds
this run's final documents and is emptied when a run starts.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path

__all__ = ["Store"]

_COMMIT_EVERY = 200  # documents between commits: what a killed run can lose at most


class Store:
    def __init__(self, path: Path, cache: bool):
        path.parent.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(path)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.execute("CREATE TABLE IF NOT EXISTS cache (key TEXT PRIMARY KEY, payload TEXT NOT NULL)")
        self.db.execute("DROP TABLE IF EXISTS run")
        self.db.execute("CREATE TABLE run (doc_id TEXT PRIMARY KEY, payload TEXT NOT NULL)")
        self.db.commit()
        self.cache_enabled = cache
        self._pending = 0

    def cached(self, key: str) -> dict | None:
        if not self.cache_enabled:
            return None
        row = self.db.execute("SELECT payload FROM cache WHERE key = ?", (key,)).fetchone()
        return json.loads(row[0]) if row else None

    def remember(self, key: str, payload: dict) -> None:
        if self.cache_enabled:
            self.db.execute("INSERT OR REPLACE INTO cache VALUES (?, ?)",
                            (key, json.dumps(payload, ensure_ascii=False)))
            self._tick()

    def add(self, doc_id: str, payload: dict) -> None:
        self.db.execute("INSERT INTO run VALUES (?, ?)", (doc_id, json.dumps(payload, ensure_ascii=False)))
        self._tick()

    def _tick(self) -> None:
        self._pending += 1
        if self._pending >= _COMMIT_EVERY:
            self.db.commit()
            self._pending = 0

    def documents(self) -> Iterator[dict]:
        """This run's documents in doc_id order (byte order of UTF-8, same as Python's str order)."""
        self.db.commit()
        for (payload,) in self.db.execute("SELECT payload FROM run ORDER BY doc_id"):
            yield json.loads(payload)

    def close(self) -> None:
        self.db.commit()
        self.db.close()
