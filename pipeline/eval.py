"""Evaluation against hand-annotated gold documents (``eval/gold/*.json``, see ANNOTATION.md).

Library API (the ``vnews eval`` command is a thin layer over it; nothing here prints or imports typer):

* :func:`load_gold` reads and validates the gold files;
* :func:`materialise_inputs` gives the paths the pipeline reads the gold documents' texts from;
* :func:`read_predictions` reads a vnews output directory;
* :func:`baseline_predictions` tags the same texts with underthesea's bundled NER;
* :func:`score` compares predictions with the gold and returns a :class:`Report`;
* :func:`run_eval` does all of it: reads an output directory, or runs the extraction first.

How predictions are compared (every string comparison goes through :func:`pipeline.normalize.fold`,
so tone placement, case and whitespace never decide a match):

Entities, per document and per type.
  A predicted entity is one ``(doc_id, type, entity_id)`` of ``mentions.csv``; its *forms* are the
  texts of its mentions and its canonical name. It *matches* a gold entity of the same type in the
  same document when one of its forms is the gold ``name`` or one of its ``aliases``.
  A required gold entity matched by some predicted entity is *found* (recall counts it once, however
  many predicted entities match it); a required gold entity not matched is a *miss*.
  A predicted entity matching a required gold entity is a true positive (two predicted ids that both
  match one gold entity are both true positives: the metric compares names, not linking; the number
  of gold entities matched more than once is reported as ``split``). A predicted entity matching
  only optional gold entities counts neither way; one matching nothing is a false positive.
  Optional gold entities that are missed count neither way.
  A predicted entity with no match of its own type whose forms match a gold entity of another type
  in the document is counted in the type confusion table as ``gold type -> predicted type``
  (it is also a false positive, and the gold entity a miss).

Events, per document and per type.
  A predicted event matches a gold event when the type is the same, the date agrees to the gold's
  precision (the predicted date cut to the gold's length equals it: gold ``2021-11`` accepts
  ``2021-11-24`` but not ``2021``; gold ``""`` accepts any date, also none) and at least one
  participant is common: a gold participant's name and aliases against the predicted participant's
  canonical name and the texts of that entity's mentions in the document (the predicted actors only: a
  participant of role ``affiliation``, whom a speaker represents, is not one). A gold event without
  participants (allowed when it has a date) needs no participant. Found/miss/TP/FP/optional as for
  entities.

Precision, recall and F1 with an empty denominator are 0.0: a system that predicts nothing for a
type gets precision 0.0 (not 1.0), so predicting nothing is never rewarded; a type with neither
gold nor predictions shows "-" in the text report (and 0.0 with zero counts in JSON).
Micro scores sum the counts over types.
"""

from __future__ import annotations

import csv
import gzip
import json
import re
import tempfile
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date as _date
from pathlib import Path

from .errors import UsageError
from .io.publish import recover
from .normalize import fold, normalize_text

__all__ = [
    "ENTITY_TYPES",
    "EVENT_TYPES",
    "EVENT_STATUSES",
    "BASELINE_TYPES",
    "GoldError",
    "GoldEntity",
    "GoldEvent",
    "GoldDoc",
    "PredEntity",
    "PredParticipant",
    "PredEvent",
    "Predictions",
    "Counts",
    "Item",
    "SystemResult",
    "Report",
    "load_gold",
    "materialise_inputs",
    "default_bench_root",
    "read_predictions",
    "baseline_predictions",
    "score",
    "run_eval",
    "date_agrees",
]

ENTITY_TYPES = ("PERSON", "ORG", "GPE", "LOC", "TREATY", "EVENT", "TERM")
EVENT_TYPES = ("MEETING", "DIALOGUE", "CONFERENCE", "VISIT", "SIGNING", "STATEMENT", "FUNDING", "WITHDRAWAL")
EVENT_STATUSES = ("occurred", "planned", "unspecified")
# underthesea NER tag -> vnews entity type (MISC and anything else is dropped).
BASELINE_TYPES = {"PER": "PERSON", "ORG": "ORG", "LOC": "GPE"}

_ISO_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_ENTITY_KEYS = {"type", "name", "aliases", "optional"}
_EVENT_KEYS = {"type", "date", "participants", "location", "trigger", "status", "evidence", "optional"}
_DOC_KEYS = {"id", "source", "published", "entities", "events"}


class GoldError(UsageError):
    """A gold file that cannot be used; the message names the file and what is wrong."""


# --------------------------------------------------------------------------------------------
# Gold


@dataclass(frozen=True, slots=True)
class GoldEntity:
    type: str
    name: str
    aliases: tuple[str, ...] = ()
    optional: bool = False

    def forms(self) -> frozenset[str]:
        """Folded name and aliases: what a predicted form must equal."""
        return frozenset(k for k in (fold(s) for s in (self.name, *self.aliases)) if k)


@dataclass(frozen=True, slots=True)
class GoldEvent:
    type: str
    date: str = ""
    participants: tuple[str, ...] = ()
    location: str = ""
    trigger: str = ""
    status: str = ""
    evidence: str = ""
    optional: bool = False


@dataclass(frozen=True, slots=True)
class GoldDoc:
    id: str
    source: str
    published: str = ""
    entities: tuple[GoldEntity, ...] = ()
    events: tuple[GoldEvent, ...] = ()
    path: str = ""  # the gold file, for messages


def _valid_iso(value: str) -> bool:
    if not _ISO_DATE.match(value):
        return False
    parts = [int(p) for p in value.split("-")]
    try:
        _date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except ValueError:
        return False
    return True


def _str_field(obj: dict, key: str, where: str, fail: Callable[[str], None], default: str = "") -> str:
    value = obj.get(key, default)
    if not isinstance(value, str):
        fail(f"{where}: {key!r} must be a string, got {value!r}")
    return value


def _bool_field(obj: dict, key: str, where: str, fail: Callable[[str], None]) -> bool:
    value = obj.get(key, False)
    if not isinstance(value, bool):
        fail(f"{where}: {key!r} must be true or false, got {value!r}")
    return value


def _check_object(raw: object, allowed: set[str], where: str, fail: Callable[[str], None]) -> None:
    """A gold entity or event is a JSON object with only the keys the format knows."""
    if not isinstance(raw, dict):
        fail(f"{where} must be an object")
    unknown = set(raw) - allowed
    if unknown:
        fail(f"{where}: unknown key(s) {', '.join(sorted(unknown))}; allowed: {', '.join(sorted(allowed))}")


def _gold_entity(raw: object, i: int, fail: Callable[[str], None]) -> GoldEntity:
    where = f"entities[{i}]"
    _check_object(raw, _ENTITY_KEYS, where, fail)
    name = _str_field(raw, "name", where, fail)
    if not fold(name):
        fail(f"{where}: 'name' is empty")
    where = f"entities[{i}] ({name!r})"
    etype = _str_field(raw, "type", where, fail)
    if etype not in ENTITY_TYPES:
        fail(f"{where}: type {etype!r} is not one of {', '.join(ENTITY_TYPES)}")
    aliases = raw.get("aliases", [])
    if not isinstance(aliases, list) or not all(isinstance(a, str) and fold(a) for a in aliases):
        fail(f"{where}: 'aliases' must be a list of non-empty strings, got {aliases!r}")
    return GoldEntity(etype, name, tuple(aliases), _bool_field(raw, "optional", where, fail))


def _gold_event(raw: object, i: int, names: set[str], by_form: dict[str, list[str]],
                fail: Callable[[str], None]) -> GoldEvent:
    where = f"events[{i}]"
    _check_object(raw, _EVENT_KEYS, where, fail)
    etype = _str_field(raw, "type", where, fail)
    where = f"events[{i}] ({etype} {raw.get('trigger', '')!r})"
    if etype not in EVENT_TYPES:
        fail(f"{where}: type {etype!r} is not one of {', '.join(EVENT_TYPES)}")
    date = _str_field(raw, "date", where, fail)
    if date and not _valid_iso(date):
        fail(f"{where}: date {date!r} is not YYYY-MM-DD, YYYY-MM, YYYY or \"\"")
    status = _str_field(raw, "status", where, fail)
    if status and status not in EVENT_STATUSES:
        fail(f"{where}: status {status!r} is not one of {', '.join(EVENT_STATUSES)}")
    participants = raw.get("participants", [])
    if not isinstance(participants, list) or not all(isinstance(p, str) for p in participants):
        fail(f"{where}: 'participants' must be a list of entity names, got {participants!r}")
    for p in participants:
        if p not in names:
            owners = sorted(set(by_form.get(fold(p), [])))
            hint = f"; did you mean {' or '.join(repr(o) for o in owners)}?" if owners else ""
            fail(f"{where}: participant {p!r} is not the name of an entity of this file "
                 f"(participants are exact entity names){hint}")
    return GoldEvent(
        type=etype, date=date, participants=tuple(participants),
        location=_str_field(raw, "location", where, fail),
        trigger=_str_field(raw, "trigger", where, fail),
        status=status,
        evidence=_str_field(raw, "evidence", where, fail),
        optional=_bool_field(raw, "optional", where, fail),
    )


def _parse_gold(path: Path) -> GoldDoc:
    def fail(message: str) -> None:
        raise GoldError(f"{path}: {message}")

    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        raise GoldError(f"{path}: not UTF-8; save the gold file as UTF-8") from None
    except json.JSONDecodeError as exc:
        raise GoldError(f"{path}: not valid JSON ({exc.msg} at line {exc.lineno}, column {exc.colno})") from None
    if not isinstance(data, dict):
        fail("must be one JSON object with id, source, published, entities, events")
    unknown = set(data) - _DOC_KEYS
    if unknown:
        fail(f"unknown key(s) {', '.join(sorted(unknown))}; allowed: {', '.join(sorted(_DOC_KEYS))}")
    for key in ("id", "source", "entities", "events"):
        if key not in data:
            fail(f"missing {key!r}")
    doc_id = _str_field(data, "id", "document", fail)
    if not doc_id:
        fail("'id' is empty")
    if doc_id != path.stem:
        fail(f"id {doc_id!r} does not match the file name; name the file {doc_id}.json")
    source = _str_field(data, "source", "document", fail)
    if not source:
        fail("'source' is empty; give corpus/<file>.txt or bench:<path>")
    rel = source[len("bench:"):] if source.startswith("bench:") else source
    if not rel or Path(rel).is_absolute() or ".." in Path(rel).parts:
        fail(f"source {source!r} must be a path relative to the repository (corpus/<file>.txt) "
             "or bench:<path relative to the bench directory>")
    published = _str_field(data, "published", "document", fail)
    if published and not (_valid_iso(published) and len(published) == 10):
        fail(f"published {published!r} is not a date (YYYY-MM-DD) or empty")
    if not isinstance(data["entities"], list):
        fail("'entities' must be a list")
    if not isinstance(data["events"], list):
        fail("'events' must be a list")

    entities = [_gold_entity(raw, i, fail) for i, raw in enumerate(data["entities"])]
    names = {e.name for e in entities}
    by_form: dict[str, list[str]] = defaultdict(list)
    for e in entities:
        for form in e.forms():
            by_form[form].append(e.name)
    events = [_gold_event(raw, i, names, by_form, fail) for i, raw in enumerate(data["events"])]
    return GoldDoc(doc_id, source, published, tuple(entities), tuple(events), str(path))


def load_gold(gold_dir: str | Path) -> list[GoldDoc]:
    """Read and validate every ``*.json`` of ``gold_dir`` (sorted by file name).

    Raises :class:`GoldError` naming the file for anything that does not follow ANNOTATION.md:
    bad JSON, unknown keys, an entity or event type outside the allowed sets, a malformed date,
    a participant that is not the ``name`` of an entity of the same file, an id that is not the
    file name.
    """
    root = Path(gold_dir)
    if not root.is_dir():
        raise GoldError(f"{root}: gold directory not found")
    paths = sorted(root.glob("*.json"))
    if not paths:
        raise GoldError(f"{root}: no gold files (*.json) in it")
    # Ids are unique: each must equal its file's name.
    return [_parse_gold(path) for path in paths]


# --------------------------------------------------------------------------------------------
# Inputs


def default_bench_root(repo_root: str | Path) -> Path:
    """Where the bench corpora live: ``../shared/bench`` relative to the repository root."""
    return Path(repo_root).resolve().parent / "shared" / "bench"


def _inside(path: Path, root: Path) -> bool:
    try:
        path.resolve().relative_to(root.resolve())
    except ValueError:
        return False
    return True


def _gold_text_path(g: GoldDoc, repo: Path, bench: Path) -> Path | None:
    """The file a gold document's text is in; None for a record of a bench JSON-lines dump."""
    if g.source.startswith("bench:"):
        rel = g.source[len("bench:"):]
        path = bench / rel
        if rel.endswith((".jsonl", ".jsonl.gz")):
            return None
    else:
        path = repo / g.source
    if not path.is_file():
        where = "the bench" if g.source.startswith("bench:") else "the repository"
        raise UsageError(f"{g.path or g.id}: source {g.source!r} not found: looked for {path} "
                         f"(in {where}: {bench if where == 'the bench' else repo}); "
                         + ("pass the bench directory (bench_root / --bench)" if where == "the bench"
                            else "check the source path"))
    return path


def _write_bench_records(bench: Path, rel: str, docs: list[GoldDoc], work: Path) -> Path:
    """The records of ``docs`` from the bench dump ``rel``, written to ``work`` in gold order."""
    path = bench / rel
    if not path.is_file():
        raise UsageError(f"{docs[0].path or docs[0].id}: source 'bench:{rel}' not found: looked for {path}; "
                         "pass the bench directory (bench_root / --bench)")
    ids = {g.id for g in docs}
    records: dict[str, dict] = {}
    opener = gzip.open if rel.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            # Cheap test before parsing: most of the dump is other articles.
            if not line.strip() or not any(i in line for i in ids):
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError:
                continue
            rid = str(record.get("id", "")) if isinstance(record, dict) else ""
            if rid in ids and rid not in records:
                records[rid] = record
    missing = sorted(ids - set(records))
    if missing:
        raise UsageError(f"{path}: no record with id {', '.join(missing)} "
                         f"(wanted by {', '.join(g.path or g.id for g in docs if g.id in missing)})")
    name = Path(rel).name
    out = work / (name[: -len(".gz")] if name.endswith(".gz") else name)
    with out.open("w", encoding="utf-8") as fh:
        for g in docs:
            if g.id in records:
                fh.write(json.dumps(records.pop(g.id), ensure_ascii=False) + "\n")
    return out


def materialise_inputs(
    golds: Sequence[GoldDoc],
    repo_root: str | Path,
    bench_root: str | Path,
    work_dir: str | Path,
) -> list[str]:
    """The input paths (for :func:`pipeline.runner.extract`) that hold exactly the gold documents.

    ``corpus/...`` sources are the repository's files, used in place; ``bench:<path>.txt`` sources
    are the bench files, used in place; the records of ``bench:<file>.jsonl`` sources are looked up
    by id and written to ``work_dir/<file>.jsonl`` (nothing is copied into the project: ``work_dir``
    must lie outside ``repo_root``). Raises :class:`UsageError` naming the path looked at when a
    text is missing.
    """
    repo = Path(repo_root)
    bench = Path(bench_root)
    work = Path(work_dir)
    if _inside(work, repo):
        raise UsageError(f"{work}: the work directory for gold texts must be outside the project ({repo}); "
                         "bench texts are never copied into it")
    inputs: list[str] = []
    wanted: dict[str, list[GoldDoc]] = defaultdict(list)  # bench jsonl -> golds
    for g in golds:
        path = _gold_text_path(g, repo, bench)
        if path is None:
            wanted[g.source[len("bench:"):]].append(g)
        elif str(path) not in inputs:
            inputs.append(str(path))
    if wanted:
        work.mkdir(parents=True, exist_ok=True)
    for rel, docs in wanted.items():
        inputs.append(str(_write_bench_records(bench, rel, docs, work)))
    return inputs


# --------------------------------------------------------------------------------------------
# Predictions


@dataclass(slots=True)
class PredEntity:
    """One predicted entity of one document: all mentions of one ``(doc_id, type, entity_id)``."""

    doc_id: str
    type: str
    entity_id: str
    canonical: str = ""
    texts: tuple[str, ...] = ()
    where: str = ""  # first mention, "p<paragraph>.s<sentence>"

    def forms(self) -> frozenset[str]:
        return frozenset(k for k in (fold(s) for s in (self.canonical, *self.texts)) if k)


@dataclass(slots=True)
class PredParticipant:
    entity_id: str
    canonical: str = ""


@dataclass(slots=True)
class PredEvent:
    doc_id: str
    event_id: str
    type: str
    date: str = ""
    participants: tuple[PredParticipant, ...] = ()
    trigger: str = ""
    evidence: str = ""


@dataclass(slots=True)
class Predictions:
    """What a system said about the documents (vnews outputs or the baseline)."""

    label: str
    entities: list[PredEntity] = field(default_factory=list)
    events: list[PredEvent] = field(default_factory=list)
    # doc_id -> status (ok | empty | duplicate | error) when known; None: every gold doc counts as present.
    documents: dict[str, str] | None = None
    has_events: bool = True


def _read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def read_predictions(out_dir: str | Path, label: str = "vnews") -> Predictions:
    """Read ``mentions.csv``, ``events.csv``, ``event_participants.csv`` and ``documents.csv``.

    ``mentions.csv`` and ``documents.csv`` are required (a missing one raises :class:`UsageError`);
    the event files may be absent (no events then).
    """
    out = Path(out_dir)
    recover(out)  # a publish a kill interrupted is completed before anything is read
    for name in ("documents.csv", "mentions.csv"):
        if not (out / name).is_file():
            raise UsageError(f"{out}: no {name}; not a vnews output directory (run `vnews extract` "
                             "into it first, or evaluate with --run)")
    documents = {r["doc_id"]: r.get("status", "ok") or "ok" for r in _read_csv(out / "documents.csv")}

    grouped: dict[tuple[str, str, str], dict] = {}
    for r in _read_csv(out / "mentions.csv"):
        key = (r["doc_id"], r["type"], r["entity_id"])
        g = grouped.get(key)
        if g is None:
            g = grouped[key] = {"canonical": "", "texts": [], "where": f"p{r.get('paragraph', '')}.s{r.get('sentence', '')}"}
        if not g["canonical"] and r.get("canonical"):
            g["canonical"] = r["canonical"]
        text = r.get("text", "")
        if text and text not in g["texts"]:
            g["texts"].append(text)
    entities = [PredEntity(d, t, e, g["canonical"], tuple(g["texts"]), g["where"])
                for (d, t, e), g in grouped.items()]

    events: list[PredEvent] = []
    has_events = (out / "events.csv").is_file()
    if has_events:
        parts: dict[str, list[PredParticipant]] = defaultdict(list)
        have_parts = (out / "event_participants.csv").is_file()
        if have_parts:
            for r in _read_csv(out / "event_participants.csv"):
                # the actors only: a speaker's affiliation is no participant the gold could name as acting
                if r.get("role") != "affiliation":
                    parts[r["event_id"]].append(PredParticipant(r.get("entity_id", ""), r.get("canonical", "")))
        for r in _read_csv(out / "events.csv"):
            if have_parts:
                ps = tuple(parts.get(r["event_id"], ()))
            else:  # older outputs: canonical names only
                ps = tuple(PredParticipant("", n.strip()) for n in (r.get("participants") or "").split(" | ") if n.strip())
            events.append(PredEvent(r["doc_id"], r["event_id"], r.get("type", ""), (r.get("date") or "").strip(),
                                    ps, r.get("trigger", ""), r.get("evidence", "")))
    return Predictions(label, entities, events, documents, has_events)


def _bio_entities(sentence: str, tagged: Sequence[Sequence[str]]) -> list[tuple[str, str]]:
    """(type, text) spans of underthesea ``ner`` output ``[(word, pos, chunk, tag), ...]``.

    ``B-X`` starts an entity, ``I-X`` continues one of type X (an ``I-X`` after ``O`` or after
    another type starts a new one). Texts are sliced from ``sentence`` (underthesea may respace
    words); a word that cannot be found again falls back to the words joined by spaces.
    Tags outside :data:`BASELINE_TYPES` (MISC) are dropped.
    """
    from .stages.segment import align

    words = [t[0] for t in tagged]
    spans = align(sentence, words)
    offsets: list[tuple[int, int] | None] = []
    # align skips words it cannot find; re-associate by matching texts in order.
    it = iter(spans)
    pending = next(it, None)
    for w in words:
        if pending is not None and "".join(sentence[pending[0]:pending[1]].split()) == "".join(w.split()):
            offsets.append(pending)
            pending = next(it, None)
        else:
            offsets.append(None)

    out: list[tuple[str, str]] = []
    current: tuple[str, list[int]] | None = None

    def close() -> None:
        if current is None:
            return
        label, idx = current
        etype = BASELINE_TYPES.get(label)
        if etype is None:
            return
        first, last = offsets[idx[0]], offsets[idx[-1]]
        if first is not None and last is not None and all(offsets[i] is not None for i in idx):
            text = sentence[first[0]:last[1]]
        else:
            text = " ".join(words[i] for i in idx)
        text = " ".join(text.split())
        if fold(text):
            out.append((etype, text))

    for i, t in enumerate(tagged):
        tag = t[3] if len(t) > 3 else "O"
        prefix, _, label = tag.partition("-")
        if prefix == "I" and current is not None and current[0] == label:
            current[1].append(i)
        elif prefix in ("B", "I") and label:
            close()
            current = (label, [i])
        else:
            close()
            current = None
    close()
    return out


def baseline_predictions(
    golds: Sequence[GoldDoc],
    inputs: list[str],
    tagger: Callable[[str], list] | None = None,
    splitter: Callable[[str], list[str]] | None = None,
) -> Predictions:
    """underthesea's bundled NER on the gold documents' texts, as :class:`Predictions` (no events).

    The texts are read from ``inputs`` (as :func:`materialise_inputs` gives them) with the
    pipeline's reader: headline (metadata title, when it is not already the first line) and every
    line, each normalised and split with ``underthesea.sent_tokenize``. Each distinct
    ``(type, folded text)`` of a document is one predicted entity; PER -> PERSON, ORG -> ORG,
    LOC -> GPE, other tags are dropped. ``tagger``/``splitter`` replace underthesea in tests.
    """
    from .io.readers import DumpReader

    if tagger is None or splitter is None:
        from underthesea import ner, sent_tokenize

        tagger = tagger or ner
        splitter = splitter or sent_tokenize
    wanted = {g.id for g in golds}
    grouped: dict[tuple[str, str, str], dict] = {}
    documents: dict[str, str] = {}
    for doc in DumpReader(inputs):
        if doc.doc_id not in wanted or doc.doc_id in documents:
            continue
        documents[doc.doc_id] = doc.status
        if doc.status == "error":
            continue
        lines = [normalize_text(line) for line in doc.lines]
        title = normalize_text(doc.title)
        if title and not (lines and fold(lines[0]) == fold(title)):
            lines.insert(0, title)
        for p, line in enumerate(lines):
            if not line:
                continue
            for s, sentence in enumerate(splitter(line)):
                if not sentence.strip():
                    continue
                for etype, text in _bio_entities(sentence, tagger(sentence)):
                    key = (doc.doc_id, etype, fold(text))
                    g = grouped.setdefault(key, {"texts": [], "where": f"p{p}.s{s}"})
                    if text not in g["texts"]:
                        g["texts"].append(text)
    entities = [
        PredEntity(d, t, f"{d}:{t}:{k}", g["texts"][0], tuple(g["texts"]), g["where"])
        for (d, t, k), g in grouped.items()
    ]
    return Predictions("baseline (underthesea ner)", entities, [], documents, has_events=False)


# --------------------------------------------------------------------------------------------
# Scoring


@dataclass(slots=True)
class Counts:
    """Counts of one type (or of all types: micro). See the module docstring for the rules."""

    tp: int = 0  # predicted items matching a required gold item
    fp: int = 0  # predicted items matching no gold item
    found: int = 0  # required gold items matched by some prediction
    gold: int = 0  # required gold items
    ignored: int = 0  # predicted items matching only optional gold items
    optional_found: int = 0  # optional gold items matched (for information)

    @property
    def missed(self) -> int:
        return self.gold - self.found

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def empty(self) -> bool:
        """Nothing to score: no required gold and no scored prediction."""
        return not (self.gold or self.tp or self.fp)

    def add(self, other: Counts) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.found += other.found
        self.gold += other.gold
        self.ignored += other.ignored
        self.optional_found += other.optional_found

    def as_dict(self) -> dict:
        return {"gold": self.gold, "found": self.found, "missed": self.missed, "tp": self.tp, "fp": self.fp,
                "ignored": self.ignored, "optional_found": self.optional_found,
                "precision": round(self.precision, 4), "recall": round(self.recall, 4), "f1": round(self.f1, 4)}


@dataclass(frozen=True, slots=True)
class Item:
    """One miss or false positive, for review."""

    doc_id: str
    type: str
    name: str  # entity name / predicted canonical, or event trigger
    evidence: str = ""  # event evidence sentence; for entities the other forms
    note: str = ""  # date and participants, or why it did not match

    def as_dict(self) -> dict:
        return {"doc_id": self.doc_id, "type": self.type, "name": self.name, "evidence": self.evidence,
                "note": self.note}


@dataclass(slots=True)
class SystemResult:
    """The scores of one system (vnews or the baseline)."""

    label: str
    entities: dict[str, Counts]
    events: dict[str, Counts]
    confusion: Counter  # (gold type, predicted type) -> count
    entity_misses: list[Item] = field(default_factory=list)
    entity_false_positives: list[Item] = field(default_factory=list)
    event_misses: list[Item] = field(default_factory=list)
    event_false_positives: list[Item] = field(default_factory=list)
    split: int = 0  # required gold entities matched by more than one predicted entity
    has_events: bool = True
    warnings: list[str] = field(default_factory=list)

    @property
    def entity_micro(self) -> Counts:
        total = Counts()
        for c in self.entities.values():
            total.add(c)
        return total

    @property
    def event_micro(self) -> Counts:
        total = Counts()
        for c in self.events.values():
            total.add(c)
        return total

    def as_dict(self) -> dict:
        return {
            "label": self.label,
            "entities": {t: c.as_dict() for t, c in self.entities.items()},
            "entities_micro": self.entity_micro.as_dict(),
            "split_entities": self.split,
            "events": {t: c.as_dict() for t, c in self.events.items()} if self.has_events else None,
            "events_micro": self.event_micro.as_dict() if self.has_events else None,
            "confusion": [{"gold": g, "predicted": p, "count": n}
                          for (g, p), n in sorted(self.confusion.items())],
            "entity_misses": [i.as_dict() for i in self.entity_misses],
            "entity_false_positives": [i.as_dict() for i in self.entity_false_positives],
            "event_misses": [i.as_dict() for i in self.event_misses],
            "event_false_positives": [i.as_dict() for i in self.event_false_positives],
            "warnings": list(self.warnings),
        }


def date_agrees(gold: str, predicted: str) -> bool:
    """The predicted date agrees with the gold date to the gold's precision ("" accepts any)."""
    gold = gold.strip()
    if not gold:
        return True
    return (predicted or "").strip()[: len(gold)] == gold


def _types(base: Iterable[str], *extra: Iterable[str]) -> list[str]:
    out = list(base)
    for seq in extra:
        for t in seq:
            if t not in out:
                out.append(t)
    return out


def _document_warnings(golds: Sequence[GoldDoc], documents: dict[str, str]) -> list[str]:
    """Gold documents the output lacks or did not extract (everything in them counts as missed)."""
    warnings = []
    absent = [g.id for g in golds if g.id not in documents]
    if absent:
        warnings.append(
            f"{len(absent)} of {len(golds)} gold documents are not in the output (everything in them "
            f"counts as missed): {', '.join(absent[:10])}{' …' if len(absent) > 10 else ''}")
    for g in golds:
        status = documents.get(g.id)
        if status not in (None, "ok"):
            warnings.append(f"gold document {g.id} has status {status!r} in the output")
    return warnings


def _score_entities(g: GoldDoc, pred_ents: list[PredEntity], result: SystemResult) -> None:
    """One document's entities: TP / ignored / FP over predictions, found / missed over the gold."""
    forms = [e.forms() for e in g.entities]
    pred_forms = [p.forms() for p in pred_ents]
    matched_by: dict[int, int] = Counter()  # gold entity index -> predicted entities matching it
    for p, pf in zip(pred_ents, pred_forms):
        c = result.entities[p.type]
        same = [i for i, e in enumerate(g.entities) if e.type == p.type and forms[i] & pf]
        for i in same:
            matched_by[i] += 1
        if any(not g.entities[i].optional for i in same):
            c.tp += 1
        elif same:
            c.ignored += 1
        else:
            c.fp += 1
            others = [e for i, e in enumerate(g.entities) if e.type != p.type and forms[i] & pf]
            for t in sorted({e.type for e in others}):
                result.confusion[(t, p.type)] += 1
            note = "; ".join(f"gold has it as {e.type} {e.name!r}" for e in others)
            name = p.canonical or (p.texts[0] if p.texts else p.entity_id)
            result.entity_false_positives.append(Item(
                g.id, p.type, name, " | ".join(t for t in p.texts if t != name),
                "; ".join(x for x in (note, p.where and f"first at {p.where}") if x)))
    _score_gold_entities(g, pred_ents, forms, pred_forms, matched_by, result)


def _score_gold_entities(g: GoldDoc, pred_ents: list[PredEntity], forms: list[frozenset[str]],
                         pred_forms: list[frozenset[str]], matched_by: dict[int, int], result: SystemResult) -> None:
    """Found / missed over the gold entities of one document."""
    for i, e in enumerate(g.entities):
        c = result.entities[e.type]
        if e.optional:
            if matched_by.get(i):
                c.optional_found += 1
            continue
        c.gold += 1
        if matched_by.get(i):
            c.found += 1
            if matched_by[i] > 1:
                result.split += 1
            continue
        tagged_as = sorted({p.type for p, pf in zip(pred_ents, pred_forms) if p.type != e.type and forms[i] & pf})
        result.entity_misses.append(Item(
            g.id, e.type, e.name, " | ".join(e.aliases),
            f"tagged as {', '.join(tagged_as)}" if tagged_as else ""))


def _predicted_forms(pred_ents: list[PredEntity], pred_events: list[PredEvent]) -> list[set[str]]:
    """Each predicted event's participants by every form their entity has in this document."""
    entity_forms: dict[str, set[str]] = defaultdict(set)  # entity_id -> forms in this doc (any type)
    for p in pred_ents:
        entity_forms[p.entity_id] |= p.forms()
    out: list[set[str]] = []
    for ev in pred_events:
        forms: set[str] = set()
        for part in ev.participants:
            if fold(part.canonical):
                forms.add(fold(part.canonical))
            if part.entity_id:
                forms |= entity_forms.get(part.entity_id, set())
        out.append(forms)
    return out


def _score_events(g: GoldDoc, pred_ents: list[PredEntity], pred_events: list[PredEvent],
                  result: SystemResult) -> None:
    """One document's events: a predicted event matches a gold one of its type, date and a
    common participant (by any form of the participant's entity in this document)."""
    name_forms: dict[str, set[str]] = defaultdict(set)
    for e in g.entities:
        name_forms[e.name] |= e.forms()
    pev_forms = _predicted_forms(pred_ents, pred_events)

    def shares(ge: GoldEvent, pf: set[str]) -> bool:
        return not ge.participants or any(name_forms[n] & pf for n in ge.participants)

    event_found = [False] * len(g.events)
    for ev, pf in zip(pred_events, pev_forms):
        c = result.events[ev.type]
        hits = [i for i, ge in enumerate(g.events)
                if ev.type == ge.type and date_agrees(ge.date, ev.date) and shares(ge, pf)]
        for i in hits:
            event_found[i] = True
        if any(not g.events[i].optional for i in hits):
            c.tp += 1
        elif hits:
            c.ignored += 1
        else:
            c.fp += 1
            names = " | ".join(p.canonical for p in ev.participants)
            result.event_false_positives.append(Item(
                g.id, ev.type, ev.trigger, ev.evidence, f"date {ev.date or '-'}; participants {names or '-'}"))
    for ge, found in zip(g.events, event_found):
        c = result.events[ge.type]
        if ge.optional:
            c.optional_found += int(found)
            continue
        c.gold += 1
        if found:
            c.found += 1
            continue
        why = _event_miss_reason(ge, pred_events, pev_forms, shares)
        result.event_misses.append(Item(
            g.id, ge.type, ge.trigger, ge.evidence,
            "; ".join(x for x in (f"date {ge.date or '-'}",
                                  f"participants {' | '.join(ge.participants) or '-'}", why) if x)))


def _score_system(golds: Sequence[GoldDoc], preds: Predictions) -> SystemResult:
    gold_ids = {g.id for g in golds}
    ents_by_doc: dict[str, list[PredEntity]] = defaultdict(list)
    for e in preds.entities:
        if e.doc_id in gold_ids:
            ents_by_doc[e.doc_id].append(e)
    events_by_doc: dict[str, list[PredEvent]] = defaultdict(list)
    for ev in preds.events:
        if ev.doc_id in gold_ids:
            events_by_doc[ev.doc_id].append(ev)

    entity_types = _types(ENTITY_TYPES, sorted({e.type for d in ents_by_doc.values() for e in d}))
    event_types = _types(EVENT_TYPES, sorted({e.type for d in events_by_doc.values() for e in d}))
    result = SystemResult(preds.label, {t: Counts() for t in entity_types}, {t: Counts() for t in event_types},
                          Counter(), has_events=preds.has_events)

    if preds.documents is not None:
        result.warnings.extend(_document_warnings(golds, preds.documents))

    for g in golds:
        pred_ents = ents_by_doc.get(g.id, [])
        _score_entities(g, pred_ents, result)
        if preds.has_events:
            _score_events(g, pred_ents, events_by_doc.get(g.id, []), result)
    return result


def _event_miss_reason(ge: GoldEvent, pred_events: list[PredEvent], pev_forms: list[set[str]],
                       shares: Callable[[GoldEvent, set[str]], bool]) -> str:
    same = [(ev, pf) for ev, pf in zip(pred_events, pev_forms) if ev.type == ge.type]
    other = [ev.type for ev, pf in zip(pred_events, pev_forms)
             if ev.type != ge.type and date_agrees(ge.date, ev.date) and shares(ge, pf)]
    if other:
        return f"predicted as {', '.join(sorted(set(other)))}"
    if not same:
        return ""
    dated = [ev for ev, pf in same if date_agrees(ge.date, ev.date)]
    sharing = [ev for ev, pf in same if shares(ge, pf)]
    if dated:
        return f"a predicted {ge.type} has the date but no common participant"
    if sharing:
        dates = sorted({ev.date or "-" for ev in sharing})
        return f"a predicted {ge.type} shares a participant but is dated {', '.join(dates)}"
    return f"{len(same)} predicted {ge.type}, none with the date or a participant"


def _confusion_lines(r: SystemResult) -> list[str]:
    """The type-confusion table of one system (rows: gold type, columns: predicted type)."""
    out = [f"Type confusion, {r.label} (rows: gold type, columns: predicted type)"]
    if not r.confusion:
        return out + ["  none", ""]
    golds_t = [t for t in _types(ENTITY_TYPES, sorted({g for g, _ in r.confusion})) if
               any(g == t for g, _ in r.confusion)]
    preds_t = [t for t in _types(ENTITY_TYPES, sorted({p for _, p in r.confusion})) if
               any(p == t for _, p in r.confusion)]
    corner = "gold\\pred"
    w = max(len(corner), *(len(t) for t in golds_t))
    cw = max(6, *(len(t) for t in preds_t))
    out.append(f"{corner:<{w}} " + " ".join(f"{t:>{cw}}" for t in preds_t))
    for gt in golds_t:
        out.append(f"{gt:<{w}} " + " ".join(f"{r.confusion.get((gt, pt), 0) or '.':>{cw}}" for pt in preds_t))
    return out + [""]


@dataclass(slots=True)
class Report:
    """Scores of the system (and the baseline) against the gold; ``to_text`` / ``to_json``."""

    documents: int
    gold_entities: int
    optional_entities: int
    gold_events: int
    optional_events: int
    system: SystemResult
    baseline: SystemResult | None = None
    meta: dict = field(default_factory=dict)

    def to_json(self) -> dict:
        return {
            "documents": self.documents,
            "gold": {"entities": self.gold_entities, "optional_entities": self.optional_entities,
                     "events": self.gold_events, "optional_events": self.optional_events},
            "rules": "document-level name match with fold(); empty denominators score 0.0; see pipeline/eval.py",
            **({"meta": self.meta} if self.meta else {}),
            "system": self.system.as_dict(),
            "baseline": self.baseline.as_dict() if self.baseline else None,
        }

    def to_text(self, limit: int = 50) -> str:
        out: list[str] = []
        sys_r, base = self.system, self.baseline
        out.append(f"Gold: {self.documents} documents, {self.gold_entities} required entities "
                   f"(+{self.optional_entities} optional), {self.gold_events} required events "
                   f"(+{self.optional_events} optional).")
        where = f" (outputs: {self.meta['out_dir']})" if self.meta.get("out_dir") else ""
        out.append(f"System: {sys_r.label}{where}" + (f"    Baseline: {base.label}" if base else ""))
        out.extend(f"warning: {w}" for w in sys_r.warnings)
        if base:
            out.extend(f"warning (baseline): {w}" for w in base.warnings)
        out.append("")
        out.extend(_table_lines("Entities (document level; P over predicted entities, R over required gold entities)",
                                sys_r.entities, sys_r.entity_micro, base.entities if base else None,
                                base.entity_micro if base else None))
        if sys_r.split:
            out += [f"{sys_r.split} required gold entities matched by more than one predicted entity id.", ""]
        if sys_r.has_events:
            out.extend(_table_lines("Events", sys_r.events, sys_r.event_micro, None, None))
        else:
            out += ["Events: the output has no events.csv.", ""]
        for r in (sys_r, base):
            if r is not None:
                out.extend(_confusion_lines(r))
        out.extend(_listing_lines("Missed entities", sys_r.entity_misses, limit))
        out.extend(_listing_lines("False-positive entities", sys_r.entity_false_positives, limit))
        if sys_r.has_events:
            out.extend(_listing_lines("Missed events", sys_r.event_misses, limit))
            out.extend(_listing_lines("False-positive events", sys_r.event_false_positives, limit))
        return "\n".join(out).rstrip() + "\n"


def _prf(c: Counts | None) -> str:
    if c is None or c.empty:
        return f"{'-':>6} {'-':>6} {'-':>6}"
    return f"{c.precision:6.3f} {c.recall:6.3f} {c.f1:6.3f}"


def _table_lines(title: str, rows: dict[str, Counts], micro: Counts,
                 base_rows: dict[str, Counts] | None, base_micro: Counts | None) -> list[str]:
    width = max([len("micro")] + [len(t) for t in rows])
    head = f"{'type':<{width}} {'gold':>5} {'found':>5} {'tp':>5} {'fp':>5} | {'P':>6} {'R':>6} {'F1':>6}"
    if base_rows is not None:
        head += f" | {'base P':>6} {'base R':>6} {'base F1':>6}"
    out = [title, head, "-" * len(head)]
    for t, c in list(rows.items()) + [("micro", micro)]:
        if t == "micro":
            out.append("-" * len(head))
        line = f"{t:<{width}} {c.gold:>5} {c.found:>5} {c.tp:>5} {c.fp:>5} | {_prf(c)}"
        if base_rows is not None:
            line += " | " + _prf(base_micro if t == "micro" else base_rows.get(t))
        out.append(line)
    return out + [""]


def _listing_lines(title: str, items: list[Item], limit: int) -> list[str]:
    shown = items[:limit]
    more = f", first {len(shown)}" if len(items) > len(shown) else ""
    out = [f"{title} ({len(items)}{more}):"]
    for it in shown:
        line = f"  {it.doc_id}  {it.type:<10} {it.name}"
        if it.note:
            line += f"  [{it.note}]"
        out.append(line)
        if it.evidence:
            ev = it.evidence if len(it.evidence) <= 160 else it.evidence[:157] + "..."
            out.append(f"      {ev}")
    return out + [""]


def score(golds: Sequence[GoldDoc], predictions: Predictions, baseline: Predictions | None = None) -> Report:
    """Score ``predictions`` (and ``baseline``, by the same code) against ``golds``.

    Predictions for documents that are not in the gold are ignored.
    """
    req_ent = sum(1 for g in golds for e in g.entities if not e.optional)
    req_ev = sum(1 for g in golds for e in g.events if not e.optional)
    return Report(
        documents=len(golds),
        gold_entities=req_ent,
        optional_entities=sum(len(g.entities) for g in golds) - req_ent,
        gold_events=req_ev,
        optional_events=sum(len(g.events) for g in golds) - req_ev,
        system=_score_system(golds, predictions),
        baseline=_score_system(golds, baseline) if baseline is not None else None,
    )


# --------------------------------------------------------------------------------------------
# The whole evaluation


def _find_repo_root(gold_dir: Path) -> Path:
    for d in [gold_dir.resolve(), *gold_dir.resolve().parents]:
        if (d / "pyproject.toml").is_file():
            return d
    return Path.cwd()


def run_eval(
    gold_dir: str | Path,
    out_dir: str | Path | None = None,
    run: bool = False,
    bench_root: str | Path | None = None,
    config=None,
    *,
    repo_root: str | Path | None = None,
    baseline: bool = True,
    progress: Callable[[int], None] | None = None,
) -> Report:
    """Evaluate against the gold files of ``gold_dir``.

    ``run=False``: score the existing output directory ``out_dir``.
    ``run=True``: extract the gold documents first (into ``out_dir`` when given, where the outputs
    stay, else into a temporary directory), with ``config`` (default :func:`load_config`).
    ``baseline=True`` also scores underthesea's NER on the same texts. ``repo_root`` (default: the
    nearest directory above ``gold_dir`` with a ``pyproject.toml``) resolves ``corpus/...`` sources;
    ``bench_root`` (default ``<repo_root>/../shared/bench``) resolves ``bench:...`` ones. The gold
    texts that need copying (JSONL records) go to a temporary directory outside the project.
    """
    gold_path = Path(gold_dir)
    golds = load_gold(gold_path)
    repo = Path(repo_root) if repo_root is not None else _find_repo_root(gold_path)
    bench = Path(bench_root) if bench_root is not None else default_bench_root(repo)
    if not run and out_dir is None:
        raise UsageError("nothing to evaluate: give an output directory, or run the extraction (--run)")

    with tempfile.TemporaryDirectory(prefix="vnews-eval-") as tmp:
        tmp_path = Path(tmp)
        inputs: list[str] | None = None
        if run or baseline:
            inputs = materialise_inputs(golds, repo, bench, tmp_path / "inputs")
        meta: dict = {"gold_dir": str(gold_path), "bench_root": str(bench), "ran": run}
        if run:
            from .config import load_config
            from .runner import extract

            cfg = config if config is not None else load_config()
            target = Path(out_dir) if out_dir is not None else tmp_path / "outputs"
            assert inputs is not None
            extract(inputs, target, cfg, progress=progress)
            meta["out_dir"] = str(out_dir) if out_dir is not None else "(temporary)"
        else:
            target = Path(out_dir)  # type: ignore[arg-type]
            meta["out_dir"] = str(target)
        preds = read_predictions(target)
        if preds.documents is not None and not any(g.id in preds.documents for g in golds):
            raise UsageError(f"{target}: none of the {len(golds)} gold documents is in this output; "
                             "extract the gold documents (or evaluate with --run)")
        base = baseline_predictions(golds, inputs) if baseline and inputs is not None else None
        report = score(golds, preds, base)
    report.meta = meta
    return report

