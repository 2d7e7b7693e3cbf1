"""Compose the stages into a run: read, process (in worker processes), dedupe documents, write.

Library API: :func:`extract`. Nothing here prints or imports typer; progress goes to a callback.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from . import __version__
from .config import Config, gazetteer_dir, names_model_path
from .credits import Credits
from .engines import Job, run_documents
from .engines.local import LocalEngine
from .engines.select import make_executor
from .engines.work import Decider, DocumentWork, Result, doc_key
from .errors import DocumentError, RunInterrupted, UsageError
from .io.readers import DumpReader
from .io.render import PARTS, Renderer
from .io.schema import ENTITIES, STATUSES, TABLES
from .io.publish import JOURNAL, OutputLock, Stage, is_no_space, new_run_id, no_space, recover
from .io.store import Cache, Spill
from .io.writers import CsvRows, CsvTable, datapackage, dump_json, sha256_file
from .memory import building, kept_for_the_run
from .model import Document
from .stages.clean import Cleaner, FurnitureRules
from .stages.dedupe import DocumentDeduper, ParagraphDeduper
from .stages.segment import Segmenter
from .stages.events import EventExtractor
from .stages.tag import Tagger
from .gazetteer import Gazetteer
from .wordseg import dictionary_words

__all__ = ["Pipeline", "RunSummary", "extract", "gazetteer_digest"]

SPILL = "spill.sqlite"  # this run's documents, inside its stage; never published


def _files_digest(root: Path, suffixes: tuple[str, ...]) -> str:
    """sha256 over the names and bytes of the files under ``root`` with these suffixes, in order
    (symlinked folders, such as data/gazetteers, are not walked: their data is hashed on its own)."""
    h = hashlib.sha256()
    for path in sorted(p for p in root.rglob("*") if p.suffix in suffixes and "__pycache__" not in p.parts):
        h.update(path.relative_to(root).as_posix().encode())
        h.update(path.read_bytes())
    return h.hexdigest()


def code_digest() -> str:
    """sha256 of the package's code and rules: a cached document is reused only by the same code."""
    return _files_digest(Path(__file__).resolve().parent, (".py", ".toml", ".json"))


def rules_digest() -> str:
    """sha256 of the rule files (pipeline/data/**/*.toml, and the names model's weights): the
    manifest records it so that `vnews diff` can say "the rules changed" when a run's code version
    is the same."""
    return _files_digest(Path(__file__).resolve().parent / "data", (".toml", ".json"))


# The installed libraries whose behaviour shapes outputs: an upgrade must not mix old and new results.
OUTPUT_LIBRARIES = ("underthesea", "underthesea_core", "ftfy", "rapidfuzz", "datasketch", "pyahocorasick")


def library_versions() -> dict[str, str]:
    """Version of each output-shaping library (what the manifest and the cache key record)."""
    from importlib.metadata import PackageNotFoundError, version

    found = {}
    for name in OUTPUT_LIBRARIES:
        try:
            found[name] = version(name)
        except PackageNotFoundError:
            found[name] = ""
    return found


def gazetteer_digest(directory: Path) -> dict[str, str]:
    """sha256 of every gazetteer file, by name (what the manifest and the cache key record)."""
    if not directory.is_dir():
        return {}
    return {p.name: sha256_file(p) for p in sorted(directory.glob("*.csv"))}


class Pipeline:
    """The per-document stages, built once from config and applied in order.

    Three steps, so that a copy of an earlier document is found before it is extracted
    (:mod:`pipeline.engines`): ``prepare`` (clean, paragraph dedupe), ``extract`` (segment, then
    ``analyse``) and ``analyse`` (tag, events: what a gazetteer change redoes).
    """

    def __init__(self, config: Config, gazetteer: Gazetteer, rules: FurnitureRules | None = None):
        self.config = config
        credits = Credits.load()  # one credit rule for the tagger and the events
        # The segmentation model's 72 547 words, read once for the three stages that ask about them
        # (clean's unglue, the segmenter's model, the tagger); forked workers share this set.
        words = dictionary_words()
        tagger = Tagger(gazetteer, config.tag, credits=credits, lexicon=words)
        self.prepare_stages: list[Callable[[Document], Document]] = [
            # unglue looks the text's words up in both tone placements, as the tagger does: the same set
            Cleaner(rules or FurnitureRules.load(dictionary=tagger.known_words), config.clean),
            ParagraphDeduper(config.dedupe),
        ]
        self.segment_stages: list[Callable[[Document], Document]] = [Segmenter(dictionary=words)]
        self.analyse_stages: list[Callable[[Document], Document]] = [
            tagger,
            EventExtractor.for_gazetteer(config.events, gazetteer, credits=credits),
        ]

    @property
    def stages(self) -> list[Callable[[Document], Document]]:
        return self.prepare_stages + self.segment_stages + self.analyse_stages

    def __call__(self, doc: Document) -> Document:
        return self._run(self.stages, doc)

    def prepare(self, doc: Document) -> Document:
        return self._run(self.prepare_stages, doc)

    def extract(self, doc: Document) -> Document:
        return self._run(self.segment_stages + self.analyse_stages, doc)

    def analyse(self, doc: Document) -> Document:
        return self._run(self.analyse_stages, doc)

    @staticmethod
    def _run(stages: list[Callable[[Document], Document]], doc: Document) -> Document:
        for stage in stages:
            try:
                doc = stage(doc)
            except DocumentError as exc:
                doc.status, doc.error = "error", str(exc)
            except Exception as exc:  # a bug on one document must not kill a run of thousands
                doc.status = "error"
                doc.error = (f"{doc.origin}: internal error in {type(stage).__name__} "
                             f"({type(exc).__name__}: {exc}); please report with this document")
            if doc.status == "error":
                break
        return doc


# Documents in flight per Dask worker: enough to keep every worker busy, few enough to bound memory.
_WINDOW_PER_WORKER = 16
_TABLES = {t.path: t for t in TABLES}


@dataclass(slots=True)
class RunSummary:
    counts: dict[str, int]
    documents: int
    out_dir: str
    seconds: float
    cached: int = 0
    timings: dict[str, float] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)  # said on stderr; never change the outputs

    def line(self) -> str:
        c = self.counts
        return (f"{c.get('ok', 0)} ok, {c.get('duplicate', 0)} duplicate, {c.get('empty', 0)} empty, "
                f"{c.get('error', 0)} errors")


def _unique_ids(docs: Iterable[Document], decider: Decider) -> Iterator[Document]:
    """Second and later documents with an id already seen become errors under a new id."""
    for doc in docs:
        renamed = decider.rename(doc.doc_id, doc.origin)
        if renamed:
            doc.doc_id, doc.error = renamed
            doc.status = "error"
        yield doc


def _check_out_dir(out_dir: Path, run_id: str) -> None:
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        probe = out_dir / f".vnews-write-test-{run_id}"
        probe.write_text("")
        probe.unlink()
    except OSError as exc:
        if is_no_space(exc):
            raise no_space(out_dir) from None
        raise UsageError(f"{out_dir}: output directory is not writable ({exc.strerror})") from None


@dataclass(slots=True)
class _Run:
    """What one run needs besides its documents: built before the lock is taken."""

    reader: DumpReader
    pipeline: Pipeline
    deduper: DocumentDeduper
    gazetteer: Gazetteer
    gazetteers: dict[str, str]
    libraries: dict[str, str]
    salt: str
    config: Config
    out: Path
    run_id: str


def extract(
    inputs: list[str],
    out_dir: str | Path,
    config: Config,
    progress: Callable[[int], None] | None = None,
) -> RunSummary:
    """Extract every document of ``inputs`` into ``out_dir``; returns the run's counts.

    Raises UsageError (LockedError, OutputError) for arguments the run cannot start with or
    outputs it cannot write; a bad document never raises. The outputs are published as one set
    (:mod:`pipeline.io.publish`) or not at all.
    """
    started = time.perf_counter()
    out = Path(out_dir)
    run_id = new_run_id()
    reader = DumpReader(inputs, exclude=[out], max_bytes=config.ingest.max_document_bytes)
    _check_out_dir(out, run_id)
    gaz_dir = gazetteer_dir(config)
    with building():
        gazetteer = Gazetteer.load(gaz_dir)  # unusable gazetteers stop the run here, before any work
        gazetteers = gazetteer_digest(gaz_dir)
        libraries = library_versions()
        # The cache key leaves the gazetteers out: an entry tagged with other gazetteers keeps its
        # segmentation and is only re-tagged (pipeline.engines).
        # A names model given by path is data outside the package: its bytes are part of the key.
        model = sha256_file(names_model_path(config.tag)) if config.tag.names_proposer and config.tag.names_model else ""
        salt = json.dumps([__version__, code_digest(), config.digest(), libraries, model], sort_keys=True)
        # Built before the lock is taken: a config the stages cannot honour stops the run here (exit 2).
        run = _Run(reader, Pipeline(config, gazetteer), DocumentDeduper(config.dedupe), gazetteer, gazetteers,
                   libraries, salt, config, out, run_id)
    try:
        with kept_for_the_run(), OutputLock(out):
            recover(out, locked=True)
            summary = _locked_run(run, progress, started)
    except (OSError, sqlite3.OperationalError) as exc:  # SQLite says "database or disk is full"
        if is_no_space(exc):
            raise no_space(out) from None
        raise
    _write_run_json(out, summary, config)
    return summary


def _cache_path(run: _Run) -> Path | None:
    if not run.config.run.cache_dir:
        return None
    return run.out / run.config.run.cache_dir / "store.sqlite"


def _locked_run(run: _Run, progress: Callable[[int], None] | None, started: float) -> RunSummary:
    stage = Stage(run.out, run.run_id)
    cache_path = _cache_path(run)
    cache = Cache(cache_path, run.run_id)  # checked (or set aside) here, before any worker opens it
    spill = Spill(stage.file(SPILL))
    counts: Counter[str] = Counter()
    cached = kept = 0
    n = 0
    try:
        engine, results = _results(run, cache, cache_path)
        try:
            for n, done in enumerate(results, 1):
                cached += done.from_cache
                kept += done.kept
                counts[done.rendered.status] += 1
                spill.add(done.rendered)
                if progress:
                    progress(n)
        except KeyboardInterrupt:
            raise RunInterrupted(n, kept, cache_path.parent if cache_path is not None else None) from None
        finally:
            engine.close()
        if isinstance(engine, LocalEngine):
            cache.rejected += engine.rejected
            cache.skipped += engine.skipped
        processed = time.perf_counter()
        names = write_outputs(spill, stage, run.reader, run.config, run.gazetteer, run.gazetteers, counts,
                              run.libraries)
        spill.close()
        cache.close()
        stage.publish(names)
    except BaseException:
        spill.close()
        cache.close()
        if not (run.out / JOURNAL).exists():  # once the journal is written, the stage is the new outputs
            stage.remove()
        raise
    finished = time.perf_counter()
    return RunSummary(
        counts={s: counts.get(s, 0) for s in STATUSES}, documents=sum(counts.values()),
        out_dir=str(run.out), seconds=round(finished - started, 3), cached=cached,
        timings={"process": round(processed - started, 3), "write": round(finished - processed, 3)},
        warnings=cache.warnings + run.reader.warnings,
    )


def _results(run: _Run, cache: Cache, cache_path: Path | None) -> tuple[object, Iterator[Result]]:
    """The engine the config asks for and its finished documents, rendered."""
    tagged_with = json.dumps(run.gazetteers, sort_keys=True)
    renderer = Renderer(run.config.output.excel_safe)
    decider = Decider(run.deduper)
    if run.config.run.engine == "local":
        engine = LocalEngine(lambda: DocumentWork(run.pipeline, Cache.attach(cache_path), run.salt, tagged_with,
                                                  renderer), run.config.run.workers)
        return engine, engine.run(run.reader.raw(), decider)
    executor = make_executor(run.config, run.pipeline)

    def jobs() -> Iterator[Job]:
        for doc in _unique_ids(run.reader, decider):
            key = doc_key(doc, run.salt)
            hit = cache.get(key)
            yield Job(key, doc) if hit is None else Job(key, None, hit)

    def results() -> Iterator[Result]:
        for done in run_documents(jobs(), executor, run.deduper, tagged_with,
                                  window=_WINDOW_PER_WORKER * run.config.run.workers):
            kept = cache.put(done.key, done.fresh) if done.fresh is not None else False
            yield Result(renderer(done.record), done.from_cache, kept)

    return executor, results()


def _write_run_json(out: Path, summary: RunSummary, config: Config) -> None:
    """Timings beside the outputs (not reproducible, so never in them). Best effort: the outputs
    are published by now, and failing to note how long they took must not fail the run."""
    tmp = out / f".run.json.{os.getpid()}.tmp"
    try:
        tmp.write_text(dump_json({
            "seconds": summary.seconds, "timings": summary.timings, "documents": summary.documents,
            "cached": summary.cached, "workers": config.run.workers, "python": sys.version.split()[0],
            "pid": os.getpid(),
        }), encoding="utf-8")
        os.replace(tmp, out / "run.json")
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        summary.warnings.append(f"{out / 'run.json'}: not written ({exc.strerror}); the outputs are complete")


def write_outputs(spill: Spill, stage: Stage, reader: DumpReader, config: Config, gazetteer: Gazetteer,
                  gazetteers: dict[str, str], counts: Counter[str], libraries: dict[str, str]) -> list[str]:
    """Write every output file into the stage from the spill's rendered rows, in id order; returns
    their names."""
    handles: dict[str, IO[str]] = {}

    def open_(name: str) -> IO[str]:
        handles[name] = stage.file(name).open("w", encoding="utf-8", newline="")
        return handles[name]

    safe = config.output.excel_safe
    try:
        files = [open_(name) for name in PARTS]
        for name, fh in zip(PARTS, files):
            if name.endswith(".csv"):
                fh.write(CsvRows(_TABLES[name], safe).header())
        entities: dict[str, dict] = {}
        for d in spill.documents():
            for fh, part in zip(files, d.parts):
                if part:
                    fh.write(part)
            for eid, type_, canonical, acronym, mentions in json.loads(d.entities):
                entry = gazetteer.entries.get(eid)
                e = entities.setdefault(eid, {
                    "entity_id": eid, "type": type_, "canonical": canonical,
                    "english": entry.english if entry else "", "acronym": acronym,
                    "wikidata": entry.wikidata if entry else "", "mentions": 0, "documents": 0})
                e["mentions"] += mentions
                e["documents"] += 1
        ent_csv = CsvTable(open_("entities.csv"), ENTITIES, safe)
        for eid in sorted(entities):
            ent_csv.write(entities[eid])
    finally:
        for fh in handles.values():
            fh.close()
    stage.file("datapackage.json").write_text(dump_json(datapackage(__version__)), encoding="utf-8")
    names = sorted([*handles, "datapackage.json"])
    manifest = {
        "vnews": __version__,
        "libraries": libraries,
        "rules_sha256": rules_digest(),
        "config_sha256": config.digest(),
        "gazetteers": gazetteers,
        "inputs": [f.as_dict() for f in reader.files],
        "counts": {s: counts.get(s, 0) for s in STATUSES},
        "documents": sum(counts.values()),
        "outputs": {name: sha256_file(stage.file(name)) for name in names},
    }
    stage.file("manifest.json").write_text(dump_json(manifest), encoding="utf-8")
    return [*names, "manifest.json"]
