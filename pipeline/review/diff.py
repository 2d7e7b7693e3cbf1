"""``vnews diff OLD NEW``: what changed between two output directories, record by record, and why.

Records are matched on keys that survive unrelated edits, so that a mention whose offset moved
because a paragraph above it changed is *changed*, not removed and added:

* documents by ``doc_id``; entities by ``entity_id``; removed lines by document and input line;
* mentions, within a document: the same ``mention_id``; else the same text, type and entity in
  order of occurrence (a shifted offset or paragraph); else an overlapping span in the same
  paragraph (re-resolved to another entity, or a longer or shorter name);
* events, within a document: the same ``event_id``; else the same type and trigger in the same
  evidence sentence text; else the same type and evidence sentence; else the same type and trigger
  in order of occurrence. Participants are compared as a set of ``entity_id (role)``.

Every change names what is behind it: the mention's ``method`` and the gazetteer row (file and
id) of its entity, the event's trigger and date words, the removal's rule, and any ``rule`` or
``trace`` column a run writes. The reasons come first, from the two manifests: the code version,
the config, a gazetteer file, an input.
"""

from __future__ import annotations

import csv
import json
from collections import Counter, defaultdict
from dataclasses import asdict, dataclass, field
from pathlib import Path

from ..errors import UsageError
from ..io.publish import recover

__all__ = ["Change", "Diff", "diff_outputs", "read_rows"]

TABLE_ORDER = ("documents", "removed", "mentions", "entities", "events")
# Columns derived from others (offsets are in the fields), not worth a line of their own.
DERIVED = {"mentions": {"mention_id"}, "events": {"participants"}}
# Columns that say why a record is what it is: shown with every change, never diffed alone.
WHY_COLUMNS = ("rule", "trace", "method", "score")
# Manifest fields that are results, not causes.
RESULT_FIELDS = {"outputs", "counts", "documents"}


@dataclass(slots=True)
class Change:
    table: str
    kind: str  # added | removed | changed
    doc_id: str
    type: str  # entity or event type, document status, removal reason
    label: str  # what a reader recognises: the mention text, the event trigger, the line
    old_id: str = ""
    new_id: str = ""
    fields: dict[str, list[str]] = field(default_factory=dict)  # name -> [old, new]
    why: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        return asdict(self)


@dataclass(slots=True)
class Diff:
    old: str
    new: str
    reasons: list[str]
    changes: list[Change]

    @property
    def equal(self) -> bool:
        return not self.changes

    def summary(self) -> list[dict]:
        counts: Counter[tuple[str, str, str]] = Counter((c.table, c.type, c.kind) for c in self.changes)
        keys = sorted({(t, ty) for t, ty, _ in counts}, key=lambda k: (TABLE_ORDER.index(k[0]), k[1]))
        return [{"table": t, "type": ty, **{k: counts[(t, ty, k)] for k in ("added", "removed", "changed")}}
                for t, ty in keys]

    def to_json(self) -> dict:
        return {"old": self.old, "new": self.new, "equal": self.equal, "reasons": self.reasons,
                "summary": self.summary(), "changes": [c.as_dict() for c in self.changes]}

    def to_text(self) -> str:
        lines = [f"vnews diff {self.old} {self.new}", "", "Why (from the manifests):"]
        lines += [f"  {r}" for r in self.reasons]
        lines += ["", "Summary:"]
        if self.equal:
            lines.append("  no record changed")
        for s in self.summary():
            lines.append(f"  {s['table']:<10} {s['type'] or '-':<12} +{s['added']} -{s['removed']} ~{s['changed']}")
        for table in TABLE_ORDER:
            mine = [c for c in self.changes if c.table == table]
            if mine:
                lines += ["", f"{table}:"]
                lines += [_text_line(c) for c in mine]
        return "\n".join(lines) + "\n"

    def to_markdown(self) -> str:
        lines = [f"# vnews diff `{self.old}` → `{self.new}`", "", "## Why", ""]
        lines += [f"* {r}" for r in self.reasons]
        lines += ["", "## Summary", ""]
        if self.equal:
            lines.append("No record changed.")
        else:
            lines += ["| file | type | added | removed | changed |", "|---|---|---|---|---|"]
            lines += [f"| {s['table']} | {s['type'] or '-'} | {s['added']} | {s['removed']} | {s['changed']} |"
                      for s in self.summary()]
        for table in TABLE_ORDER:
            mine = [c for c in self.changes if c.table == table]
            if mine:
                lines += ["", f"## {table}", ""]
                lines += [_markdown_line(c) for c in mine]
        return "\n".join(lines) + "\n"


def _sign(kind: str) -> str:
    return {"added": "+", "removed": "-", "changed": "~"}[kind]


def _text_line(c: Change) -> str:
    head = f"  {_sign(c.kind)} {c.doc_id} {c.type} «{c.label}»" if c.doc_id else f"  {_sign(c.kind)} {c.type} «{c.label}»"
    parts = [f"{k}: {_show(o)} → {_show(n)}" for k, (o, n) in c.fields.items()]
    out = head + (": " + "; ".join(parts) if parts else "")
    return out + (f"  [{'; '.join(c.why)}]" if c.why else "")


def _markdown_line(c: Change) -> str:
    where = f"`{c.doc_id}` " if c.doc_id else ""
    parts = [f"`{k}`: {_show(o)} → {_show(n)}" for k, (o, n) in c.fields.items()]
    out = f"* **{c.kind}** {where}{c.type} «{c.label}»" + (": " + "; ".join(parts) if parts else "")
    return out + (f" — _{'; '.join(c.why)}_" if c.why else "")


def _show(value: str) -> str:
    return f"«{value}»" if value else "∅"


# -- reading --------------------------------------------------------------------------------------


def read_rows(path: Path) -> list[dict[str, str]]:
    """A CSV's rows as dicts of strings, by column name (a missing file has no rows)."""
    if not path.exists():
        return []
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def read_jsonl(path: Path):
    """A JSONL output's records, one dict a non-blank line (a missing file has none); the loader and the
    review page both read documents.jsonl and events.jsonl through it."""
    if not path.exists():
        return
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)


def _check_dir(path: Path) -> None:
    if not path.is_dir():
        raise UsageError(f"{path}: not a directory; give two output directories of `vnews extract`")
    recover(path)  # a publish a kill interrupted is completed before anything is read
    if not (path / "documents.csv").exists():
        raise UsageError(f"{path}: no documents.csv; is it an output directory of `vnews extract`?")


def _manifest(path: Path) -> dict:
    p = path / "manifest.json"
    if not p.exists():
        return {}
    try:
        return json.loads(p.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise UsageError(f"{p}: not valid JSON ({exc}); rerun `vnews extract` to rewrite it") from exc


# -- reasons --------------------------------------------------------------------------------------


def _short(h: object) -> str:
    return str(h)[:12] if h else "∅"


def _dict_changes(what: str, old: dict, new: dict) -> list[str]:
    out = []
    for key in sorted(set(old) | set(new)):
        if key not in old:
            out.append(f"{what} {key} added")
        elif key not in new:
            out.append(f"{what} {key} removed")
        elif old[key] != new[key]:
            out.append(f"{what} {key} changed ({_short(old[key])} → {_short(new[key])})")
    return out


def manifest_reasons(old: dict, new: dict) -> list[str]:
    """Why two runs differ, as far as their manifests say."""
    if not old or not new:
        return ["a manifest is missing: the reason cannot be told"]
    reasons = []
    if old.get("vnews") != new.get("vnews"):
        reasons.append(f"code version changed ({old.get('vnews')} → {new.get('vnews')})")
    if old.get("config_sha256") != new.get("config_sha256"):
        reasons.append(f"config changed ({_short(old.get('config_sha256'))} → {_short(new.get('config_sha256'))})")
    reasons += _dict_changes("gazetteer", old.get("gazetteers", {}), new.get("gazetteers", {}))
    inputs_old = {i.get("path"): i.get("sha256") for i in old.get("inputs", [])}
    inputs_new = {i.get("path"): i.get("sha256") for i in new.get("inputs", [])}
    reasons += _dict_changes("input", inputs_old, inputs_new)
    known = {"vnews", "config_sha256", "gazetteers", "inputs"} | RESULT_FIELDS
    for key in sorted((set(old) | set(new)) - known):
        if isinstance(old.get(key), dict) and isinstance(new.get(key), dict):
            reasons += _dict_changes(f"{key}:", old[key], new[key])  # libraries: {"spacy": "3.8.2", …}
        elif old.get(key) != new.get(key):
            reasons.append(f"manifest field {key} changed ({_short(json.dumps(old.get(key)))} → "
                           f"{_short(json.dumps(new.get(key)))})")
    if not reasons and old.get("outputs") == new.get("outputs"):
        reasons.append("nothing differs: the two manifests agree, outputs included")
    elif not reasons:
        reasons.append("none recorded: same code version, config, gazetteers and inputs "
                       "(code changed without a version change, or the outputs were edited)")
    return reasons


# -- matching -------------------------------------------------------------------------------------


def _field_changes(old: dict, new: dict, skip: set[str]) -> dict[str, list[str]]:
    out = {}
    for key in [*old, *(k for k in new if k not in old)]:
        if key in skip or key in WHY_COLUMNS:
            continue
        a, b = old.get(key, ""), new.get(key, "")
        if a != b:
            out[key] = [a, b]
    return out


def _pair(old: list[dict], new: list[dict], keys) -> list[tuple[dict | None, dict | None]]:
    """Pair old and new records by successive key functions; each pass pairs in order of occurrence."""
    left, right = list(old), list(new)
    pairs: list[tuple[dict | None, dict | None]] = []
    for key in keys:
        waiting: dict[object, list[dict]] = defaultdict(list)
        for r in right:
            waiting[key(r)].append(r)
        rest = []
        for r in left:
            bucket = waiting.get(key(r))
            if bucket:
                pairs.append((r, bucket.pop(0)))
            else:
                rest.append(r)
        taken = {id(b) for _, b in pairs}
        left, right = rest, [r for r in right if id(r) not in taken]
    pairs += [(r, None) for r in left] + [(None, r) for r in right]
    return pairs


def _overlap_pairs(pairs, same_group) -> list[tuple[dict | None, dict | None]]:
    """Pair a leftover old record with a leftover new one whose span overlaps it."""
    olds = [a for a, b in pairs if b is None]
    news = [b for a, b in pairs if a is None]
    done = [(a, b) for a, b in pairs if a is not None and b is not None]
    for a in olds:
        match = next((b for b in news if same_group(a, b)
                      and int(a["start"]) < int(b["end"]) and int(b["start"]) < int(a["end"])), None)
        if match is not None:
            news.remove(match)
            done.append((a, match))
        else:
            done.append((a, None))
    return done + [(None, b) for b in news]


def _by_doc(rows: list[dict]) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = defaultdict(list)
    for r in rows:
        out[r.get("doc_id", "")].append(r)
    return out


def _header(path: Path) -> list[str]:
    if not path.exists():
        return []
    with path.open(encoding="utf-8", newline="") as fh:
        return next(csv.reader(fh), [])


@dataclass(slots=True)
class _Side:
    """One output directory, read as strings."""

    path: Path
    manifest: dict
    tables: dict[str, list[dict]]
    columns: dict[str, list[str]] = field(default_factory=dict)

    @classmethod
    def read(cls, path: Path) -> _Side:
        _check_dir(path)
        names = ("documents", "removed", "mentions", "entities", "events", "event_participants")
        tables = {n: read_rows(path / f"{n}.csv") for n in names}
        columns = {n: _header(path / f"{n}.csv") for n in names}
        roles: dict[str, list[str]] = defaultdict(list)
        for p in tables["event_participants"]:
            roles[p["event_id"]].append(f"{p.get('entity_id', '')} ({p.get('role', '')})")
        for e in tables["events"]:
            # Participants as a set of ids with roles: a reordering is not a change.
            e["participant_ids"] = " | ".join(sorted(roles.get(e["event_id"], [])))
        return cls(path, _manifest(path), tables, columns)


def _gazetteer_row(entity_id: str, manifest: dict) -> str:
    prefix = entity_id.split(":", 1)[0]
    name = f"{prefix}.csv"
    if entity_id.count(":") == 1 and name in manifest.get("gazetteers", {}):
        return f"gazetteer {name} row {entity_id}"
    return f"no gazetteer row ({entity_id} found by a rule)"


def _mention_why(m: dict, manifest: dict, changed_files: set[str]) -> list[str]:
    why = [f"method {m.get('method') or '∅'} (score {m.get('score') or '∅'})"]
    why += [f"{c} {m[c]}" for c in ("rule", "trace") if m.get(c)]
    row = _gazetteer_row(m.get("entity_id", ""), manifest)
    if row.split(" ")[1:2] and row.split(" ")[1] in changed_files:
        row += " (file changed)"
    return why + [row]


def _event_why(e: dict) -> list[str]:
    why = [f"trigger «{e.get('trigger', '')}»"]
    if e.get("date_text"):
        why.append(f"date from «{e['date_text']}»")
    if e.get("date_basis"):
        why.append(f"date basis {e['date_basis']}")
    why += [f"{c} {e[c]}" for c in ("rule", "trace") if e.get(c)]
    return why + [f"confidence {e.get('confidence', '')}"]


def _change(table: str, a: dict | None, b: dict | None, *, type_col: str, label_col: str, id_col: str,
            why: list[str]) -> Change | None:
    r = b if b is not None else a
    assert r is not None
    if a is not None and b is not None:
        fields = _field_changes(a, b, DERIVED.get(table, set()))
        if not fields:
            return None
        kind = "changed"
    else:
        fields, kind = {}, "added" if a is None else "removed"
    return Change(table=table, kind=kind, doc_id=r.get("doc_id", "") if table != "entities" else "",
                  type=r.get(type_col, ""), label=r.get(label_col, "")[:80],
                  old_id=(a or {}).get(id_col, ""), new_id=(b or {}).get(id_col, ""), fields=fields, why=why)


def _diff_documents(old: _Side, new: _Side) -> list[Change]:
    pairs = _pair(old.tables["documents"], new.tables["documents"], [lambda r: r["doc_id"]])
    out = []
    for a, b in pairs:
        r = b or a
        why = [f"{c}: {r[c]}" for c in ("error", "duplicate_of") if r.get(c)]
        c = _change("documents", a, b, type_col="status", label_col="title", id_col="doc_id", why=why)
        if c:
            c.label = c.label or r["doc_id"]
            out.append(c)
    return out


def _diff_removed(old: _Side, new: _Side) -> list[Change]:
    # Input line numbers do not move; ``seq`` tells apart the pieces one line lost (older runs: none).
    key = lambda r: (r["doc_id"], r["paragraph"], r.get("seq") or "0")  # noqa: E731
    out = []
    for a, b in _pair(old.tables["removed"], new.tables["removed"], [key]):
        r = b or a
        why = [f"rule {r['rule']}" if r.get("rule") else f"reason {r.get('reason', '')}"]
        c = _change("removed", a, b, type_col="reason", label_col="text", id_col="paragraph", why=why)
        if c:
            out.append(c)
    return out


def _diff_mentions(old: _Side, new: _Side, changed_files: set[str]) -> list[Change]:
    olds, news = _by_doc(old.tables["mentions"]), _by_doc(new.tables["mentions"])
    out = []
    for doc in sorted(set(olds) | set(news)):
        pairs = _pair(olds.get(doc, []), news.get(doc, []),
                      [lambda r: r["mention_id"], lambda r: (r["text"], r["type"], r["entity_id"])])
        pairs = _overlap_pairs(pairs, lambda a, b: a["paragraph"] == b["paragraph"])
        for a, b in sorted(pairs, key=lambda p: _mention_order(p)):
            r = b or a
            c = _change("mentions", a, b, type_col="type", label_col="text", id_col="mention_id",
                        why=_mention_why(r, (new if b else old).manifest, changed_files))
            if c:
                out.append(c)
    return out


def _mention_order(pair) -> tuple[int, int]:
    r = pair[1] or pair[0]
    return int(r["paragraph"]), int(r["start"])


def _diff_entities(old: _Side, new: _Side, changed_files: set[str]) -> list[Change]:
    out = []
    for a, b in _pair(old.tables["entities"], new.tables["entities"], [lambda r: r["entity_id"]]):
        r = b or a
        row = _gazetteer_row(r["entity_id"], (new if b else old).manifest)
        if row.split(" ")[1] in changed_files:
            row += " (file changed)"
        c = _change("entities", a, b, type_col="type", label_col="canonical", id_col="entity_id", why=[row])
        if c:
            out.append(c)
    return out


def _diff_events(old: _Side, new: _Side) -> list[Change]:
    olds, news = _by_doc(old.tables["events"]), _by_doc(new.tables["events"])
    keys = [lambda r: r["event_id"],
            lambda r: (r["type"], r["trigger"], r["evidence"]),
            lambda r: (r["type"], r["evidence"]),
            lambda r: (r["type"], r["trigger"])]
    out = []
    for doc in sorted(set(olds) | set(news)):
        pairs = _pair(olds.get(doc, []), news.get(doc, []), keys)
        for a, b in sorted(pairs, key=lambda p: _mention_order(p)):
            c = _change("events", a, b, type_col="type", label_col="trigger", id_col="event_id",
                        why=_event_why(b or a))
            if c:
                out.append(c)
    return out


def _column_changes(old: _Side, new: _Side) -> tuple[list[str], dict[str, frozenset[str]]]:
    """A column only one run has is said once, in the reasons, not on every record."""
    reasons, one_sided = [], {}
    for name in old.columns:
        a, b = old.columns[name], new.columns.get(name, [])
        gained, lost = [c for c in b if c not in a], [c for c in a if c not in b]
        reasons += [f"{name}.csv gained column {c}" for c in gained] + [f"{name}.csv lost column {c}" for c in lost]
        one_sided[name] = frozenset(gained + lost)
    return reasons, one_sided


def diff_outputs(old_dir: str | Path, new_dir: str | Path) -> Diff:
    """Compare two output directories (see the module doc)."""
    old, new = _Side.read(Path(old_dir)), _Side.read(Path(new_dir))
    column_reasons, one_sided = _column_changes(old, new)
    for side in (old, new):
        for name, cols in one_sided.items():
            for r in side.tables[name]:
                for c in cols - set(WHY_COLUMNS):  # a new rule or trace column still explains
                    r.pop(c, None)
    changed_files = {k for k, v in new.manifest.get("gazetteers", {}).items()
                     if old.manifest.get("gazetteers", {}).get(k) != v}
    changes = (_diff_documents(old, new) + _diff_removed(old, new) + _diff_mentions(old, new, changed_files)
               + _diff_entities(old, new, changed_files) + _diff_events(old, new))
    reasons = manifest_reasons(old.manifest, new.manifest)
    if column_reasons and reasons[0].startswith(("none recorded", "nothing differs")):
        reasons = []
    return Diff(str(old_dir), str(new_dir), reasons + column_reasons, changes)
