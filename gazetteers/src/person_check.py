"""Check ``gazetteers/person.csv`` and ``gazetteers/offices.csv``.

    python gazetteers/src/person_check.py          # from the project root (needs ``pipeline``)

Checks: exact header; unique ids of the form ``person:<slug>``; type PERSON; every string in
normal form (``pipeline.normalize.normalize_text``); ISO dates (YYYY, YYYY-MM, YYYY-MM-DD) with
valid_from <= valid_to; no alias shared by two people (nor equal to another person's canonical);
no alias equal to its own canonical; no blank alias; Q-ids well formed; rows sorted; every
``person_id`` of offices.csv present in person.csv; no duplicate tenure; org ids look like
``org:...``; ISO country codes; file encoding (UTF-8 without BOM, "\\n").  Exits 1 on any error.
"""

from __future__ import annotations

import csv
import re
import sys
from collections import defaultdict
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from pipeline.normalize import fold, normalize_text  # noqa: E402

GAZ = ROOT / "gazetteers"
PERSON_COLUMNS = ["id", "type", "canonical", "aliases", "english", "acronym", "parent", "country",
                  "valid_from", "valid_to", "wikidata", "source"]
OFFICE_COLUMNS = ["person_id", "office", "org_id", "country", "valid_from", "valid_to", "source"]
DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
ID = re.compile(r"^person:[a-z0-9]+(?:-[a-z0-9]+)*$")
QID = re.compile(r"^Q[1-9]\d*$")
ISO2 = re.compile(r"^[A-Z]{2}$")
# Names that are legitimately one word (the person's whole name, or a nickname used alone).
MONONYMS = {"sugiono", "jokowi"}

errors: list[str] = []


def err(msg: str) -> None:
    errors.append(msg)


def bounds(value: str) -> tuple[date, date] | None:
    """Earliest and latest day a (possibly partial) ISO date can mean; None if malformed."""
    m = DATE.match(value)
    if not m:
        return None
    y, mo, d = int(m.group(1)), m.group(2), m.group(3)
    try:
        if d:
            day = date(y, int(mo), int(d))
            return day, day
        if mo:
            first = date(y, int(mo), 1)
            nxt = date(y + (int(mo) == 12), int(mo) % 12 + 1, 1)
            return first, date.fromordinal(nxt.toordinal() - 1)
        return date(y, 1, 1), date(y, 12, 31)
    except ValueError:
        return None


def read(path: Path, columns: list[str]) -> list[dict[str, str]]:
    raw = path.read_bytes()
    if raw.startswith(b"\xef\xbb\xbf"):
        err(f"{path.name}: has a BOM")
    if b"\r" in raw:
        err(f"{path.name}: contains \\r")
    text = raw.decode("utf-8")
    rows = list(csv.DictReader(text.splitlines()))
    header = text.splitlines()[0].split(",")
    if header != columns:
        err(f"{path.name}: header {header} != {columns}")
    for i, r in enumerate(rows, 2):
        for k, v in r.items():
            if v is None or k is None:
                err(f"{path.name}:{i}: wrong number of fields")
                continue
            if normalize_text(v) != v:
                err(f"{path.name}:{i}: {k}={v!r} not in normal form ({normalize_text(v)!r})")
    return rows


def check_dates(where: str, start: str, end: str) -> None:
    b0 = bounds(start) if start else None
    b1 = bounds(end) if end else None
    if start and b0 is None:
        err(f"{where}: bad valid_from {start!r}")
    if end and b1 is None:
        err(f"{where}: bad valid_to {end!r}")
    if b0 and b1 and b0[0] > b1[1]:
        err(f"{where}: valid_from {start} after valid_to {end}")
    for value, b in ((start, b0), (end, b1)):
        if b and b[0] > date(2026, 12, 31):
            err(f"{where}: date in the future {value}")


def main() -> int:
    persons = read(GAZ / "person.csv", PERSON_COLUMNS)
    offices = read(GAZ / "offices.csv", OFFICE_COLUMNS)

    ids = [r["id"] for r in persons]
    if ids != sorted(ids):
        err("person.csv: rows not sorted by id")
    seen: set[str] = set()
    owner: dict[str, str] = {}   # folded name -> person id
    for i, r in enumerate(persons, 2):
        where = f"person.csv:{i} {r['id']}"
        if not ID.match(r["id"]):
            err(f"{where}: bad id")
        if r["id"] in seen:
            err(f"{where}: duplicate id")
        seen.add(r["id"])
        if r["type"] != "PERSON":
            err(f"{where}: type {r['type']!r}")
        if not r["canonical"]:
            err(f"{where}: empty canonical")
        if not r["source"]:
            err(f"{where}: empty source")
        if r["wikidata"] and not QID.match(r["wikidata"]):
            err(f"{where}: bad wikidata {r['wikidata']!r}")
        if r["country"] and not ISO2.match(r["country"]):
            err(f"{where}: bad country {r['country']!r}")
        check_dates(where, r["valid_from"], r["valid_to"])
        names = [r["canonical"]]
        if r["aliases"]:
            parts = r["aliases"].split(" | ")
            for a in parts:
                if not a or a != a.strip() or "|" in a:
                    err(f"{where}: malformed alias list {r['aliases']!r}")
                if fold(a) == fold(r["canonical"]):
                    err(f"{where}: alias {a!r} repeats the canonical name")
            if len({fold(a) for a in parts}) != len(parts):
                err(f"{where}: duplicate alias")
            names += parts
        for n in names:
            key = fold(n)
            if len(key.split()) < 2 and "." not in key and "-" not in key and key not in MONONYMS:
                err(f"{where}: single-word name {n!r} (bare surname or given name?)")
            if key in owner and owner[key] != r["id"]:
                err(f"{where}: name {n!r} also belongs to {owner[key]}")
            owner[key] = r["id"]

    known = set(ids)
    keys = [(r["person_id"], r["valid_from"], r["office"]) for r in offices]
    if keys != sorted(keys):
        err("offices.csv: rows not sorted by person_id, valid_from")
    tenures: set[tuple[str, ...]] = set()
    per_person: dict[str, int] = defaultdict(int)
    for i, r in enumerate(offices, 2):
        where = f"offices.csv:{i} {r['person_id']} {r['office']}"
        if r["person_id"] not in known:
            err(f"{where}: unknown person_id")
        per_person[r["person_id"]] += 1
        if not r["office"]:
            err(f"{where}: empty office")
        if r["org_id"] and not r["org_id"].startswith("org:"):
            err(f"{where}: bad org_id {r['org_id']!r}")
        if r["country"] and not ISO2.match(r["country"]):
            err(f"{where}: bad country {r['country']!r}")
        if not r["source"]:
            err(f"{where}: empty source")
        check_dates(where, r["valid_from"], r["valid_to"])
        t = tuple(r.values())
        if t in tenures:
            err(f"{where}: duplicate tenure")
        tenures.add(t)

    # single-seat offices: two holders of the same title in the same country must not overlap
    by_office: dict[tuple[str, str, str], list[tuple[str, str, str]]] = defaultdict(list)
    for r in offices:
        if r["office"].startswith("Thứ trưởng") or r["office"] == "Phó Thủ tướng" or r["office"].startswith("Đặc phái viên"):
            continue
        by_office[(r["office"], r["country"], r["org_id"])].append(
            (r["valid_from"] or "0000", r["valid_to"] or "9999", r["person_id"]))
    for (office, _, _), spans in by_office.items():
        spans.sort()
        for (f0, t0, p0), (f1, t1, p1) in zip(spans, spans[1:]):
            if f1 < t0 and p0 != p1:
                err(f"offices.csv: {office!r}: {p0} ({f0}..{t0}) overlaps {p1} ({f1}..{t1})")

    open_now = sum(1 for r in offices if not r["valid_to"])
    print(f"person.csv: {len(persons)} PERSON rows, {sum(1 for p in ids if per_person[p])} with tenures; "
          f"offices.csv: {len(offices)} tenures ({open_now} open)")
    for e in errors:
        print("ERROR", e)
    print("OK" if not errors else f"{len(errors)} error(s)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
