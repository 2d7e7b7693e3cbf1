"""Writers: CSV, JSONL and JSON files that load in one call and diff cleanly.

CSV: UTF-8 without BOM, a header, ``\\n`` line ends, RFC 4180 quoting (also of every other
line-end character), the column order of :mod:`pipeline.io.schema`. Where the files go and how
they are published as one set is :mod:`pipeline.io.publish`.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable
from pathlib import Path
from typing import IO

from .schema import TABLES, Table

__all__ = ["CsvRows", "CsvTable", "quote_cell", "FORMULA_START", "format_cell", "dump_json", "datapackage", "sha256_file"]


def format_cell(value: object) -> str:
    """One cell: empty for None, fixed float formatting so reruns give the same bytes."""
    if type(value) is str:  # most cells: checked first, as every mention row has a dozen
        return value
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


# Characters some reader takes as a line end (csv and pandas: \r and \n; str.splitlines and
# editors: the rest). A cell holding any of them, the delimiter or the quote is quoted, so every
# string round-trips; Python's csv module quotes only for the lineterminator's characters.
_NEEDS_QUOTES = re.compile('[,"\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]')
# A cell starting with one of these is a formula to Excel, LibreOffice and Google Sheets
# (OWASP "CSV injection"); tab and CR too, as some of them strip those first.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def quote_cell(text: str) -> str:
    if _NEEDS_QUOTES.search(text):
        return '"' + text.replace('"', '""') + '"'
    return text


class CsvRows:
    """The rows of one CSV table as text, in the schema's column order.

    With ``excel_safe``, a text cell that a spreadsheet would evaluate as a formula gets a
    leading apostrophe (shown by spreadsheets as text, kept by pandas as a character).
    """

    def __init__(self, table: Table, excel_safe: bool = False):
        self.table = table
        self.text_columns = frozenset(f.name for f in table.fields if f.type == "string") if excel_safe else frozenset()

    def header(self) -> str:
        return ",".join(quote_cell(c) for c in self.table.columns) + "\n"

    def cell(self, column: str, value: object) -> str:
        text = format_cell(value)
        if column in self.text_columns and text.startswith(FORMULA_START):
            text = "'" + text
        return quote_cell(text)

    def row(self, row: dict) -> str:
        if self.text_columns:
            return ",".join(self.cell(c, row.get(c)) for c in self.table.columns) + "\n"
        texts = [format_cell(row.get(c)) for c in self.table.columns]
        # One search over the whole row: most rows (mentions) have no cell that needs quotes.
        if _NEEDS_QUOTES.search("\x00".join(texts)) is None:
            return ",".join(texts) + "\n"
        return ",".join(map(quote_cell, texts)) + "\n"


class CsvTable(CsvRows):
    """A CSV file being written row by row: the header first, then :meth:`write` per row."""

    def __init__(self, fh: IO[str], table: Table, excel_safe: bool = False):
        super().__init__(table, excel_safe)
        self.fh = fh
        fh.write(self.header())

    def write(self, row: dict) -> None:
        self.fh.write(self.row(row))


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
