"""Writers: CSV, JSONL and JSON files that load in one call and diff cleanly.

CSV: UTF-8 without BOM, a header, ``\\n`` line ends, RFC 4180 quoting, the column order of
:mod:`pipeline.io.schema`. Every file is written into a staging directory and moved into place
only when the whole run has succeeded (:class:`StagedOutput`), so an interrupted run leaves the
previous outputs as they were.
"""

from __future__ import annotations

import csv
import hashlib
import json
import os
import shutil
from collections.abc import Iterable
from pathlib import Path
from typing import IO

from .schema import TABLES, Table

__all__ = ["StagedOutput", "CsvTable", "format_cell", "dump_json", "datapackage", "sha256_file"]


def format_cell(value: object) -> str:
    """One cell: empty for None, fixed float formatting so reruns give the same bytes."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        if value != value:
            return ""
        # Always a decimal point, so pandas reads a float column even when every value is whole.
        text = f"{value:.3f}".rstrip("0")
        return text + "0" if text.endswith(".") else text
    return str(value)


def dump_json(obj: object) -> str:
    return json.dumps(obj, ensure_ascii=False, indent=2, sort_keys=False) + "\n"


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


class CsvTable:
    """A CSV file being written row by row, in the schema's column order."""

    def __init__(self, fh: IO[str], table: Table):
        self.table = table
        self.writer = csv.writer(fh, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
        self.writer.writerow(table.columns)

    def write(self, row: dict) -> None:
        self.writer.writerow([format_cell(row.get(c)) for c in self.table.columns])


class StagedOutput:
    """Files written under ``out/.tmp-run`` and moved into ``out`` by :meth:`commit`."""

    def __init__(self, out_dir: Path):
        self.out_dir = out_dir
        self.stage = out_dir / ".tmp-run"
        if self.stage.exists():
            shutil.rmtree(self.stage)
        self.stage.mkdir(parents=True)
        self._handles: dict[str, IO[str]] = {}

    def open(self, name: str) -> IO[str]:
        fh = (self.stage / name).open("w", encoding="utf-8", newline="")
        self._handles[name] = fh
        return fh

    def write_text(self, name: str, text: str) -> None:
        with (self.stage / name).open("w", encoding="utf-8", newline="") as fh:
            fh.write(text)

    def close(self) -> None:
        for fh in self._handles.values():
            if not fh.closed:
                fh.flush()
                os.fsync(fh.fileno())
                fh.close()

    def path(self, name: str) -> Path:
        return self.stage / name

    def commit(self) -> None:
        """Move every staged file into place; each move is atomic (rename on one filesystem)."""
        self.close()
        for path in sorted(self.stage.iterdir()):
            os.replace(path, self.out_dir / path.name)
        self.stage.rmdir()

    def abort(self) -> None:
        self.close()
        shutil.rmtree(self.stage, ignore_errors=True)


def datapackage(version: str, tables: Iterable[Table] = TABLES) -> dict:
    """A Frictionless Tabular Data Package describing the CSV outputs."""
    resources = []
    for t in tables:
        schema: dict = {
            "fields": [f.as_frictionless() for f in t.fields],
            "missingValues": [""],
            "primaryKey": list(t.primary_key) if len(t.primary_key) > 1 else t.primary_key[0],
        }
        if t.foreign_keys:
            schema["foreignKeys"] = [
                {"fields": list(f) if len(f) > 1 else f[0],
                 "reference": {"resource": ref, "fields": list(rf) if len(rf) > 1 else rf[0]}}
                for f, ref, rf in t.foreign_keys
            ]
        resources.append({
            "name": t.name,
            "path": t.path,
            "profile": "tabular-data-resource",
            "description": t.description,
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
            "dialect": {"delimiter": ",", "lineTerminator": "\n", "quoteChar": "\"", "doubleQuote": True, "header": True},
            "schema": schema,
        })
    return {
        "profile": "tabular-data-package",
        "name": "vnews-outputs",
        "title": "vnews extraction outputs",
        "version": version,
        "resources": resources,
    }
