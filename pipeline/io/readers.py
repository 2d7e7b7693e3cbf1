"""Readers: turn dump files into raw :class:`~pipeline.model.Document` records, one at a time.

A dump is a file or a directory (walked recursively, in sorted order) of ``.txt`` articles
(one paragraph a line, optional ``# key = value`` header lines) and ``.jsonl`` / ``.jsonl.gz``
files (one article a line). Nothing is held beyond the current file's current line, so memory
does not grow with the dump. A file or line that cannot be read becomes a document with status
``error`` and a reason; it never stops the reader.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ..errors import DocumentError, UsageError
from ..model import Document
from .decode import decode_bytes, numbered_lines, repair_text

__all__ = ["InputFile", "DumpReader", "SUPPORTED_SUFFIXES"]

SUPPORTED_SUFFIXES = (".txt", ".jsonl", ".jsonl.gz")

# Header keys of .txt dumps and the Document field each fills.
_HEADER_KEYS = {
    "doc_id": "doc_id",
    "id": "doc_id",
    "url": "url",
    "title": "title",
    "published": "published",
    "date": "published",
    "source": "source",
}
_TEXT_KEYS = ("text", "content", "body")


@dataclass(slots=True)
class InputFile:
    """A file of the dump as the manifest records it."""

    path: str  # relative to the dump root given on the command line (see _display): never absolute
    sha256: str
    size: int
    documents: int = 0

    def as_dict(self) -> dict:
        return {"path": self.path, "sha256": self.sha256, "size": self.size, "documents": self.documents}


def _suffix(path: Path) -> str:
    name = path.name.lower()
    for suffix in (".jsonl.gz", ".jsonl", ".txt"):
        if name.endswith(suffix):
            return suffix
    return path.suffix.lower()


def _digest(path: Path) -> tuple[str, int]:
    h = hashlib.sha256()
    size = 0
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
            size += len(block)
    return h.hexdigest(), size


def _walk(root: Path) -> Iterator[Path]:
    """Files under root in sorted order; hidden files and directories are not part of a dump."""
    if root.is_file():
        yield root
        return
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if not name.startswith("."):
                yield Path(dirpath) / name


def _display(root: Path, path: Path, several: bool) -> str:
    """How outputs, messages and the cache key name a file: its path inside the dump root (the file
    name for a file dump), so that the same dump moved elsewhere, or named by a relative or an
    absolute path, gives the same bytes. With several dumps in one run, the dump's own name comes
    first ("corpus/000.txt") to tell their files apart."""
    rel = path.name if root.is_file() else path.relative_to(root).as_posix()
    if several and not root.is_file():
        return f"{root.resolve().name}/{rel}"
    return rel


def _default_id(root: Path, path: Path, suffix: str) -> str:
    rel = path.name if root.is_file() else path.relative_to(root).as_posix()
    return rel[: -len(suffix)] if suffix and rel.lower().endswith(suffix) else rel


def parse_txt(text: str, doc: Document) -> Document:
    """Fill ``doc`` from a .txt article: header lines, then one paragraph a line."""
    lines = text.splitlines()
    body_start = 0
    for i, line in enumerate(lines):
        stripped = line.strip()
        if not stripped:
            continue
        if stripped.startswith("#") and "=" in stripped:
            key, _, value = stripped[1:].partition("=")
            field_name = _HEADER_KEYS.get(key.strip().lower())
            if field_name:
                setattr(doc, field_name, value.strip())
            body_start = i + 1
            continue
        break
    body = repair_text("\n".join(lines[body_start:]), doc.origin)
    doc.lines, doc.line_numbers = numbered_lines(body, body_start + 1)
    return doc


def parse_json_record(record: object, doc: Document) -> Document:
    """Fill ``doc`` from one JSONL record; raises DocumentError when it is not an article."""
    if not isinstance(record, dict):
        raise DocumentError(f"{doc.origin}: not a JSON object; each line must be one article object")
    if record.get("id") not in (None, ""):
        doc.doc_id = str(record["id"])
    text = next((record[k] for k in _TEXT_KEYS if isinstance(record.get(k), str)), None)
    if text is None:
        raise DocumentError(f"{doc.origin}: no 'text' (or 'content'/'body') string; add the article text")
    for key in ("url", "title", "source"):
        if isinstance(record.get(key), str):
            setattr(doc, key, record[key])
    published = record.get("published", record.get("date"))
    if published not in (None, ""):
        doc.published = str(published)
    doc.lines, doc.line_numbers = numbered_lines(repair_text(text, doc.origin), 1)
    return doc


class DumpReader:
    """Iterate over the documents of one or more dumps, recording every input file.

    ``files`` fills as iteration proceeds (for the manifest).
    """

    def __init__(self, inputs: list[str]):
        if not inputs:
            raise UsageError("no input given; pass a dump file or directory (e.g. corpus/)")
        self.inputs = list(inputs)
        self.files: list[InputFile] = []
        for arg in self.inputs:
            if not Path(arg).exists():
                raise UsageError(f"{arg}: no such file or directory")
        if not any(True for arg in self.inputs for _ in _walk(Path(arg))):
            raise UsageError(f"{', '.join(self.inputs)}: empty dump, no files to read")

    def __iter__(self) -> Iterator[Document]:
        for arg in self.inputs:
            root = Path(arg)
            for path in _walk(root):
                yield from self._read_file(root, path)

    def _read_file(self, root: Path, path: Path) -> Iterator[Document]:
        display = _display(root, path, several=len(self.inputs) > 1)
        suffix = _suffix(path)
        try:
            sha, size = _digest(path)
        except OSError as exc:
            entry = InputFile(display, "", 0, 1)
            self.files.append(entry)
            yield Document(doc_id=_default_id(root, path, suffix), origin=display, status="error",
                           error=f"unreadable file: {exc.strerror}; check permissions")
            return
        entry = InputFile(display, sha, size)
        self.files.append(entry)
        default_id = _default_id(root, path, suffix)
        if suffix == ".txt":
            entry.documents = 1
            yield self._read_txt(path, display, default_id)
        elif suffix in (".jsonl", ".jsonl.gz"):
            for doc in self._read_jsonl(path, display, default_id, suffix == ".jsonl.gz"):
                entry.documents += 1
                yield doc
        else:
            entry.documents = 1
            yield Document(
                doc_id=default_id + (path.suffix or ""), origin=display, status="error",
                error=f"not an article file ({suffix or 'no extension'}); vnews reads "
                f"{', '.join(SUPPORTED_SUFFIXES)}: convert it or move it out of the dump",
            )

    @staticmethod
    def _read_txt(path: Path, display: str, default_id: str) -> Document:
        doc = Document(doc_id=default_id, origin=display)
        try:
            # The header is read before the body is checked, so a refused body keeps its id.
            return parse_txt(decode_bytes(path.read_bytes(), display), doc)
        except DocumentError as exc:
            doc.status, doc.error, doc.lines = "error", str(exc), []
            return doc

    @staticmethod
    def _read_jsonl(path: Path, display: str, default_id: str, gz: bool) -> Iterator[Document]:
        opener = gzip.open if gz else open
        lineno = 0
        try:
            with opener(path, "rb") as fh:
                for raw in fh:
                    lineno += 1
                    if not raw.strip():
                        continue
                    origin = f"{display}:{lineno}"
                    doc = Document(doc_id=f"{default_id}:{lineno}", origin=origin)
                    try:
                        # The line is JSON; its text is checked for legacy encodings once the id is known.
                        line = decode_bytes(raw, origin)
                        try:
                            record = json.loads(line)
                        except json.JSONDecodeError as exc:
                            raise DocumentError(
                                f"{origin}: not valid JSON ({exc.msg} at column {exc.colno}); fix or remove the line"
                            ) from None
                        parse_json_record(record, doc)
                    except DocumentError as exc:
                        doc.status, doc.error = "error", str(exc)
                    yield doc
        except (EOFError, gzip.BadGzipFile, zlib.error, OSError) as exc:
            origin = f"{display}:{lineno + 1}"
            yield Document(
                doc_id=f"{default_id}:{lineno + 1}", origin=origin, status="error",
                error=f"{display}: file ends or breaks after line {lineno} ({type(exc).__name__}: {exc}); "
                "the lines before were read, re-export the rest",
            )


