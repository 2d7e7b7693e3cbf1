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
import stat
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from ..errors import DocumentError, UsageError
from ..model import Document
from .decode import decode_bytes, numbered_lines, repair_text

__all__ = ["InputFile", "DumpReader", "RawDocument", "SUPPORTED_SUFFIXES", "parse_raw"]

_MB = 1_000_000

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


@dataclass(slots=True)
class RawDocument:
    """One article's bytes as read from the dump, not yet decoded or parsed.

    What the reading process hands to a worker: reading is file I/O, while decoding, repairing
    and JSON parsing are CPU work that belongs with the stages (:func:`parse_raw`).
    """

    kind: str  # "txt" (a whole .txt file) or "jsonl" (one line)
    origin: str
    doc_id: str  # the default id: the record or header may give another
    data: bytes


def parse_raw(raw: RawDocument | Document) -> Document:
    """The document ``raw`` holds (a Document is already one: a refused file or line)."""
    if isinstance(raw, Document):
        return raw
    doc = Document(doc_id=raw.doc_id, origin=raw.origin)
    try:
        if raw.kind == "txt":
            # The header is read before the body is checked, so a refused body keeps its id.
            return parse_txt(decode_bytes(raw.data, raw.origin), doc)
        # The line is JSON; its text is checked for legacy encodings once the id is known.
        return parse_json_record(_load_json(decode_bytes(raw.data, raw.origin), raw.origin), doc)
    except DocumentError as exc:
        doc.status, doc.error = "error", str(exc)
        if raw.kind == "txt":
            doc.lines = []
        return doc


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


def _walk(root: Path, exclude: frozenset[Path] = frozenset()) -> Iterator[Path]:
    """Files under root in sorted order; hidden files and directories are not part of a dump.

    Symlinked folders are followed once: a folder reached again (a loop, or a second link to it)
    is skipped. Folders in ``exclude`` (the run's own output directory) are skipped. Anything
    that is not a folder is yielded, so devices and FIFOs become rows that say why they are refused.
    """
    if not root.is_dir():
        yield root
        return
    seen: set[tuple[int, int]] = set()
    for dirpath, dirnames, filenames in os.walk(root, followlinks=True):
        st = os.stat(dirpath)
        if (st.st_dev, st.st_ino) in seen or Path(dirpath).resolve() in exclude:
            dirnames[:] = []
            continue
        seen.add((st.st_dev, st.st_ino))
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if not name.startswith("."):
                yield Path(dirpath) / name


def _refusal(path: Path) -> str | None:
    """Why ``path`` is not read at all (reading a FIFO or /dev/zero would never end), or None."""
    try:
        mode = path.stat().st_mode
    except OSError as exc:
        return f"unreadable file: {exc.strerror}; check permissions and links"
    if stat.S_ISREG(mode):
        return None
    kind = ("a FIFO" if stat.S_ISFIFO(mode) else "a device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode)
            else "a socket" if stat.S_ISSOCK(mode) else "not a regular file")
    return f"not a regular file ({kind}); only files are read: remove it from the dump"


def _display(root: Path, path: Path, several: bool) -> str:
    """How outputs, messages and the cache key name a file: its path inside the dump root (the file
    name for a file dump), so that the same dump moved elsewhere, or named by a relative or an
    absolute path, gives the same bytes. With several dumps in one run, the dump's own name comes
    first ("corpus/000.txt") to tell their files apart."""
    rel = path.name if not root.is_dir() else path.relative_to(root).as_posix()
    if several and root.is_dir():
        return f"{root.resolve().name}/{rel}"
    return rel


def _default_id(root: Path, path: Path, suffix: str) -> str:
    rel = path.name if not root.is_dir() else path.relative_to(root).as_posix()
    return rel[: -len(suffix)] if suffix and rel.lower().endswith(suffix) else rel


def _too_long(origin: str, what: str, limit: int) -> str:
    return (f"{origin}: {what} longer than {limit / _MB:g} MB (ingest.max_document_bytes); not read — split it, "
            "or raise the limit in a --config file")


def _load_json(line: str, origin: str) -> object:
    try:
        return json.loads(line)
    except json.JSONDecodeError as exc:
        raise DocumentError(f"{origin}: not valid JSON ({exc.msg} at column {exc.colno}); fix or remove the line") from None
    except RecursionError:
        raise DocumentError(f"{origin}: JSON nested too deeply to be an article; fix or remove the line") from None
    except ValueError as exc:  # an integer of more than 4300 digits
        raise DocumentError(f"{origin}: JSON value not readable ({exc}); fix or remove the line") from None


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
            if field_name and value.strip():  # "# doc_id = " keeps the default id, never ""
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
    raw_id = record.get("id")
    if isinstance(raw_id, (str, int)) and not isinstance(raw_id, bool) and _encodable(str(raw_id)) and str(raw_id).strip():
        doc.doc_id = str(raw_id).strip()
    _check_strings(record, doc.origin)  # after the id: an error row keeps a good id
    text = next((record[k] for k in _TEXT_KEYS if isinstance(record.get(k), str)), None)
    if text is None:
        raise DocumentError(f"{doc.origin}: no 'text' (or 'content'/'body') string; add the article text")
    for key in ("url", "title", "source"):
        if isinstance(record.get(key), str):
            setattr(doc, key, record[key])
    published = record.get("published", record.get("date"))
    if isinstance(published, str) or (isinstance(published, int) and not isinstance(published, bool)):
        doc.published = str(published)  # checked as a date by the clean stage
    elif published is not None:
        doc.warning = f"published {json.dumps(published)[:40]} is not a date; left empty"
    doc.lines, doc.line_numbers = numbered_lines(repair_text(text, doc.origin), 1)
    return doc


def _encodable(text: str) -> bool:
    """False for a string holding a lone surrogate ("\\ud800"): valid JSON, but no text, and it
    cannot be written as UTF-8."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _check_strings(record: dict, origin: str) -> None:
    for key, value in record.items():
        if isinstance(value, str) and not _encodable(value):
            raise DocumentError(f"{origin}: field {key!r} holds a lone UTF-16 surrogate (an escape such as "
                                "\\ud800 without its pair); fix the export")


def _bounded_lines(fh: IO[bytes], limit: int | None) -> Iterator[bytes | None]:
    """The lines of a binary file, each at most ``limit`` bytes; None for a longer one, which is
    skipped in 1 MB reads so memory stays bounded. Bare CR ends a line too (old Mac exports):
    JSON never holds a raw CR inside a string, so splitting there cannot cut a record."""
    while True:
        raw = fh.readline(limit + 1) if limit else fh.readline()
        if not raw:
            return
        if limit and len(raw) > limit and not (len(raw) == limit + 1 and raw.endswith(b"\n")):
            while raw and not raw.endswith(b"\n"):
                raw = fh.readline(1 << 20)
            yield None
            continue
        raw = raw.removesuffix(b"\n").removesuffix(b"\r")
        yield from raw.split(b"\r") if b"\r" in raw else (raw,)


class DumpReader:
    """Iterate over the documents of one or more dumps, recording every input file.

    ``files`` fills as iteration proceeds (for the manifest). Iterating gives parsed documents;
    :meth:`raw` gives what :func:`parse_raw` turns into the same documents, for a reader that
    leaves the parsing to worker processes.
    """

    def __init__(self, inputs: list[str], exclude: list[Path] = (), max_bytes: int | None = None):
        """``exclude``: folders never read (the run's output directory); ``max_bytes``: longest
        article or JSONL line read (config ``ingest.max_document_bytes``), None for no bound."""
        self.exclude = frozenset(Path(p).resolve() for p in exclude)
        self.max_bytes = max_bytes
        self.warnings: list[str] = []
        if not inputs:
            raise UsageError("no input given; pass a dump file or directory (e.g. corpus/)")
        self.inputs = list(inputs)
        self.files: list[InputFile] = []
        for arg in self.inputs:
            if not Path(arg).exists():
                raise UsageError(f"{arg}: no such file or directory")
        for arg in self.inputs:
            inside = next((p for p in self.exclude if p.is_relative_to(Path(arg).resolve())), None)
            if inside is not None:
                self.warnings.append(f"{inside}: the output directory is inside the input {arg}; "
                                     "it is not read as input")
        if not any(True for arg in self.inputs for _ in _walk(Path(arg), self.exclude)):
            raise UsageError(f"{', '.join(self.inputs)}: empty dump, no files to read")

    def __iter__(self) -> Iterator[Document]:
        for raw in self.raw():
            yield parse_raw(raw)

    def raw(self) -> Iterator[RawDocument | Document]:
        """Every article of the dump as bytes, in input order; a Document for a refused one."""
        for arg in self.inputs:
            root = Path(arg)
            for path in _walk(root, self.exclude):
                yield from self._read_file(root, path)

    def _read_file(self, root: Path, path: Path) -> Iterator[RawDocument | Document]:
        display = _display(root, path, several=len(self.inputs) > 1)
        suffix = _suffix(path)
        refusal = _refusal(path)
        try:
            sha, size = _digest(path) if refusal is None else ("", 0)
        except OSError as exc:
            refusal = f"unreadable file: {exc.strerror}; check permissions"
        if refusal is not None:
            entry = InputFile(display, "", 0, 1)
            self.files.append(entry)
            yield Document(doc_id=_default_id(root, path, suffix), origin=display, status="error",
                           error=f"{display}: {refusal}")
            return
        entry = InputFile(display, sha, size)
        self.files.append(entry)
        default_id = _default_id(root, path, suffix)
        if suffix == ".txt":
            entry.documents = 1
            yield self._read_txt(path, display, default_id, self.max_bytes)
        elif suffix in (".jsonl", ".jsonl.gz"):
            for doc in self._read_jsonl(path, display, default_id, suffix == ".jsonl.gz", self.max_bytes):
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
    def _read_txt(path: Path, display: str, default_id: str, limit: int | None) -> RawDocument | Document:
        with path.open("rb") as fh:
            data = fh.read(limit + 1) if limit else fh.read()
        if limit and len(data) > limit:
            return Document(doc_id=default_id, origin=display, status="error",
                            error=_too_long(display, "article", limit))
        return RawDocument("txt", display, default_id, data)

    @staticmethod
    def _read_jsonl(path: Path, display: str, default_id: str, gz: bool,
                    limit: int | None) -> Iterator[RawDocument | Document]:
        opener = gzip.open if gz else open
        lineno = 0
        try:
            with opener(path, "rb") as fh:
                for raw in _bounded_lines(fh, limit):
                    lineno += 1
                    if raw is not None and not raw.strip():
                        continue
                    origin = f"{display}:{lineno}"
                    if raw is None:
                        yield Document(doc_id=f"{default_id}:{lineno}", origin=origin, status="error",
                                       error=_too_long(origin, "line", limit or 0))
                    else:
                        yield RawDocument("jsonl", origin, f"{default_id}:{lineno}", raw)
        except (EOFError, gzip.BadGzipFile, zlib.error, OSError) as exc:
            origin = f"{display}:{lineno + 1}"
            yield Document(
                doc_id=f"{default_id}:{lineno + 1}", origin=origin, status="error",
                error=f"{display}: file ends or breaks after line {lineno} ({type(exc).__name__}: {exc}); "
                "the lines before were read, re-export the rest",
            )


