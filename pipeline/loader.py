"""Load an output directory into pandas DataFrames with proper dtypes.

``pipeline.load(out_dir)`` is what a data team calls instead of thirty lines of ``read_csv``:

* every CSV is read by column name (unknown extra columns are kept, as strings), ids stay
  strings (``string`` dtype, never numbers), types, statuses and reasons are categoricals,
  counts are nullable integers, scores and similarities floats, empty cells ``<NA>``;
* event dates, written at their precision (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``), get
  ``date_start``/``date_stop`` (the first and last day they cover), ``month`` (a monthly period,
  ``NaT`` for a year-only date) and ``year`` beside ``date_precision``;
* documents carry ``year_estimate`` (from ``documents.csv`` when the column is there, else from
  ``documents.jsonl``) and ``date_basis`` (``published`` or ``estimated``: what the document's
  relative dates were resolved against); events carry ``date_basis`` (the column when the run
  wrote it: text | published | estimated | gazetteer; for older outputs derived as ``text`` or
  ``context``) and their document's ``year_estimate``;
* entities are joined with their gazetteer row (``parent``, ``country``, ``valid_from``,
  ``valid_to`` as the first and last day of the validity) from the gazetteer files the manifest
  lists;
* the JSONL files add ``paragraphs``, ``sentences`` (cleaned text and offsets) and ``evidences``.
"""

from __future__ import annotations

import json
import warnings
from dataclasses import dataclass, field, fields
from pathlib import Path

import pandas as pd

from .errors import UsageError
from .io.publish import recover
from .io.schema import TABLES, Table
from .review.diff import read_jsonl

__all__ = ["Dump", "load", "period_bounds"]

# Columns that hold a closed set of values: categoricals (the schema's enums give the order).
CATEGORICAL = {
    "documents": ("status", "date_basis"),
    "removed": ("reason", "rule"),
    "mentions": ("type", "method"),
    "entities": ("type",),
    "events": ("type", "plover", "status", "date_precision", "currency", "date_basis"),
    "event_participants": ("type", "role"),
}
PRECISIONS = ("day", "month", "year")
# Category order for closed sets the schema describes in words rather than as an enum.
ORDERS = {("events", "date_basis"): ("text", "published", "estimated", "gazetteer"),
          ("events", "date_precision"): PRECISIONS}
GAZETTEER_FIELDS = ("parent", "country", "valid_from", "valid_to")


@dataclass(slots=True)
class Dump:
    """Every output of one run as DataFrames, plus its manifest."""

    documents: pd.DataFrame
    removed: pd.DataFrame
    mentions: pd.DataFrame
    entities: pd.DataFrame
    events: pd.DataFrame
    event_participants: pd.DataFrame
    paragraphs: pd.DataFrame
    sentences: pd.DataFrame
    evidences: pd.DataFrame
    manifest: dict = field(default_factory=dict)

    def frames(self) -> dict[str, pd.DataFrame]:
        return {f.name: getattr(self, f.name) for f in fields(self) if f.name != "manifest"}


def period_bounds(value: str) -> tuple[pd.Timestamp | None, pd.Timestamp | None]:
    """First and last day of an ISO date at any precision ('2021', '2021-11', '2021-11-24')."""
    value = (value or "").strip()
    freq = {4: "Y", 7: "M", 10: "D"}.get(len(value))
    if not freq:
        return None, None
    try:
        p = pd.Period(value, freq=freq)
    except ValueError:
        return None, None
    return p.start_time.normalize(), p.end_time.normalize()


def _read_csv(path: Path, table: Table | None) -> pd.DataFrame:
    if not path.exists():
        if table is None:
            return pd.DataFrame()
        raise UsageError(f"{path}: missing; is {path.parent} the output directory of `vnews extract`?")
    df = pd.read_csv(path, dtype=str, keep_default_na=False, na_values=[])
    if table is None:
        return df
    kinds = {f.name: f.type for f in table.fields}
    cats = CATEGORICAL.get(table.name, ())
    enums = {f.name: f.enum for f in table.fields if f.enum}
    enums.update({col: order for (name, col), order in ORDERS.items() if name == table.name})
    for col in df.columns:
        kind = kinds.get(col, "string")
        if col in cats:
            df[col] = _categorical(df[col], enums.get(col, ()))
        elif kind == "integer":
            df[col] = pd.to_numeric(df[col].replace("", None)).astype("Int64")
        elif kind == "number":
            df[col] = pd.to_numeric(df[col].replace("", None)).astype("Float64")
        elif kind == "date":
            df[col] = pd.to_datetime(df[col].replace("", None), format="ISO8601")
        else:
            df[col] = _string(df[col])
    return df


def _string(s: pd.Series) -> pd.Series:
    return s.astype("string").replace("", pd.NA)


def _categorical(s: pd.Series, order: tuple[str, ...]) -> pd.Series:
    values = s.replace("", None)
    seen = sorted(v for v in values.dropna().unique() if v not in order)
    return pd.Categorical(values, categories=[*order, *seen])


def _text_frames(out: Path) -> tuple[pd.DataFrame, pd.DataFrame, dict[str, str]]:
    paragraphs, sentences, years = [], [], {}
    for d in read_jsonl(out / "documents.jsonl"):
        doc_id = str(d["doc_id"])
        years[doc_id] = str(d.get("year_estimate") or "")
        for p in d.get("paragraphs", []):
            paragraphs.append({"doc_id": doc_id, "paragraph": p["index"], "kind": p.get("kind", ""),
                               "line": p.get("line"), "text": p.get("text", "")})
            for s in p.get("sentences", []):
                sentences.append({"doc_id": doc_id, "paragraph": p["index"], "sentence": s["index"],
                                  "start": s["start"], "end": s["end"]})
    para = pd.DataFrame(paragraphs, columns=["doc_id", "paragraph", "kind", "line", "text"])
    sent = pd.DataFrame(sentences, columns=["doc_id", "paragraph", "sentence", "start", "end"])
    para = para.astype({"doc_id": "string", "paragraph": "Int64", "line": "Int64", "text": "string"})
    para["kind"] = pd.Categorical(para["kind"].replace("", None), categories=["title", "body", "caption"])
    sent = sent.astype({"doc_id": "string", "paragraph": "Int64", "sentence": "Int64", "start": "Int64", "end": "Int64"})
    return para, sent, years


def _evidences(out: Path) -> pd.DataFrame:
    rows = [{"event_id": str(e["event_id"]), "paragraph": v["paragraph"], "sentence": v["sentence"],
             "start": v["start"], "end": v["end"], "text": v.get("text", "")}
            for e in read_jsonl(out / "events.jsonl") for v in e.get("evidences", [])]
    df = pd.DataFrame(rows, columns=["event_id", "paragraph", "sentence", "start", "end", "text"])
    return df.astype({"event_id": "string", "paragraph": "Int64", "sentence": "Int64", "start": "Int64",
                      "end": "Int64", "text": "string"})


def _documents(df: pd.DataFrame, years: dict[str, str]) -> pd.DataFrame:
    if "year_estimate" in df.columns:
        est = df["year_estimate"]
    else:
        est = df["doc_id"].map(lambda d: years.get(d, ""))
    df["year_estimate"] = pd.to_numeric(pd.Series(est, index=df.index).replace({"": None, pd.NA: None})).astype("Int64")
    if "date_basis" not in df.columns:
        # Which date the document's relative dates ("ngày 12/6") were resolved against.
        basis = pd.Series(pd.NA, index=df.index, dtype="object")
        basis[df["year_estimate"].notna()] = "estimated"
        basis[df["published"].notna()] = "published"
        df["date_basis"] = pd.Categorical(basis, categories=["published", "estimated"])
    df["year"] = df["published"].dt.year.astype("Int64").fillna(df["year_estimate"])
    return df


def _events(df: pd.DataFrame, documents: pd.DataFrame) -> pd.DataFrame:
    bounds = [period_bounds(v) for v in df["date"].fillna("")]
    ends = [period_bounds(v)[1] for v in df["date_end"].fillna("")]
    df["date_start"] = pd.to_datetime(pd.Series([b[0] for b in bounds], index=df.index, dtype="object"))
    stop = [e if e is not None else b[1] for b, e in zip(bounds, ends)]
    df["date_stop"] = pd.to_datetime(pd.Series(stop, index=df.index, dtype="object"))
    # A year-only date has no month: NaT there, never a made-up January.
    precise = df["date_precision"].isin(["day", "month"])
    df["month"] = df["date_start"].dt.to_period("M").where(precise)
    df["year"] = df["date_start"].dt.year.astype("Int64")
    if "date_basis" not in df.columns:
        # The run did not record it: "text" when the article gave date words, "context" when the date
        # came from elsewhere (the gazetteer's dates of a named conference, a host meeting's date).
        basis = pd.Series(pd.NA, index=df.index, dtype="object")
        dated = df["date"].notna()
        basis[dated] = "context"
        basis[dated & df["date_text"].notna()] = "text"
        df["date_basis"] = pd.Categorical(basis, categories=["text", "context"])
    years = documents.set_index("doc_id")["year_estimate"]
    if "year_estimate" not in df.columns:
        df["year_estimate"] = df["doc_id"].map(years).astype("Int64")
    return df


def _gazetteer(directory: Path, names: list[str]) -> pd.DataFrame:
    frames = []
    for name in names:
        path = directory / name
        if not path.exists():
            continue
        g = pd.read_csv(path, dtype=str, keep_default_na=False)
        if "id" not in g.columns:
            continue  # offices.csv: tenures, not entities
        frames.append(g[["id", *[c for c in GAZETTEER_FIELDS if c in g.columns]]])
    gaz = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=["id", *GAZETTEER_FIELDS])
    for col in GAZETTEER_FIELDS:
        if col not in gaz.columns:
            gaz[col] = ""
    gaz = gaz.rename(columns={"id": "entity_id"}).drop_duplicates("entity_id")
    gaz["valid_from"] = pd.to_datetime(pd.Series([period_bounds(v)[0] for v in gaz["valid_from"]], index=gaz.index, dtype="object"))
    gaz["valid_to"] = pd.to_datetime(pd.Series([period_bounds(v)[1] for v in gaz["valid_to"]], index=gaz.index, dtype="object"))
    for col in ("entity_id", "parent", "country"):
        gaz[col] = _string(gaz[col])
    return gaz


def _entities(df: pd.DataFrame, manifest: dict, gazetteers: Path | None, out: Path) -> pd.DataFrame:
    names = sorted(manifest.get("gazetteers", {}))
    directory = gazetteers
    if directory is None:
        # The manifest names the files, not where they were: try next to the outputs, then here.
        candidates = [out.parent / "gazetteers", Path("gazetteers")]
        directory = next((c for c in candidates if names and all((c / n).exists() for n in names)), None)
    if directory is None:
        warnings.warn(f"{out}: gazetteer files {names} not found next to the outputs or in ./gazetteers; "
                      "pass gazetteers=DIR to load() for parent, country and validity", stacklevel=3)
        gaz = _gazetteer(Path("/nonexistent"), [])
    else:
        _check_digests(directory, manifest.get("gazetteers", {}))
        gaz = _gazetteer(directory, names or sorted(p.name for p in directory.glob("*.csv")))
    extra = [c for c in gaz.columns if c != "entity_id" and c not in df.columns]
    return df.merge(gaz[["entity_id", *extra]], on="entity_id", how="left")


def _check_digests(directory: Path, digests: dict[str, str]) -> None:
    import hashlib

    changed = [n for n, h in sorted(digests.items())
               if (directory / n).exists() and hashlib.sha256((directory / n).read_bytes()).hexdigest() != h]
    if changed:
        warnings.warn(f"{directory}: {', '.join(changed)} changed since the run; parent, country and "
                      "validity come from the current files", stacklevel=4)


def load(out_dir: str | Path, gazetteers: str | Path | None = None) -> Dump:
    """Every output of ``vnews extract`` in ``out_dir`` as typed DataFrames (see the module doc).

    ``gazetteers`` is the directory of the gazetteer files the manifest lists; by default
    ``gazetteers/`` beside the output directory, else in the working directory.
    """
    out = Path(out_dir)
    if not out.is_dir():
        raise UsageError(f"{out}: not a directory; give the output directory of `vnews extract`")
    recover(out)  # a publish a kill interrupted is completed before anything is read
    manifest_path = out / "manifest.json"
    manifest = json.loads(manifest_path.read_text(encoding="utf-8")) if manifest_path.exists() else {}
    tables = {t.name: _read_csv(out / t.path, t) for t in TABLES}
    paragraphs, sentences, years = _text_frames(out)
    documents = _documents(tables["documents"], years)
    return Dump(
        documents=documents,
        removed=tables["removed"],
        mentions=tables["mentions"],
        entities=_entities(tables["entities"], manifest, Path(gazetteers) if gazetteers else None, out),
        events=_events(tables["events"], documents),
        event_participants=tables["event_participants"],
        paragraphs=paragraphs,
        sentences=sentences,
        evidences=_evidences(out),
        manifest=manifest,
    )
