"""Check org.csv, treaty.csv, event.csv and term.csv (the hand-written ORG/TREATY/EVENT/TERM
gazetteers) against the conventions of gazetteers/README.md.

    python gazetteers/src/org_treaty_event_term_check.py      (from the repository root)

Errors (exit status 1):
- header, ``type`` per file, id form ``<type>:<slug>`` and uniqueness across the four files;
- every cell in normal form (``normalize_text(x) == x``), canonical and source filled;
- dates ``YYYY[-MM[-DD]]`` with valid_from <= valid_to, country ``[A-Z]{2}``, wikidata ``Q\\d+``;
- the acronym is the canonical or one of the aliases;
- no alias repeated in an entry or equal to its canonical;
- no alias shared by two entries whose validity windows overlap, no alias equal to another
  entry's canonical, no two entries with the same canonical (all compared with ``fold``);
- no alias that is a bare generic word ("Quỹ", "Ban", "Bộ Môi trường" …);
- a ``parent`` in these four files exists.
Warnings: ``parent`` ids of gpe/loc/person that the other files (when present) do not have,
and aliases that collide with a name in gpe.csv, loc.csv or person.csv.
"""

from __future__ import annotations

import csv
import re
import sys
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
GAZ = HERE.parent
ROOT = GAZ.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT))

from pipeline.normalize import fold, normalize_text  # noqa: E402

from org_common import COLUMNS, split_aliases  # noqa: E402

MINE = {"org.csv": "ORG", "treaty.csv": "TREATY", "event.csv": "EVENT", "term.csv": "TERM"}
OTHERS = ["gpe.csv", "loc.csv", "person.csv"]
ID_RE = re.compile(r"^(org|treaty|event|term|gpe|loc|person):[a-z0-9]+(?:-[a-z0-9]+)*$")
DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
# Bare words and titles that must never be an alias on their own: they match common text.
GENERIC = {fold(x) for x in [
    "Quỹ", "Ban", "Bộ", "Cục", "Vụ", "Viện", "Sở", "Tổng cục", "Ủy ban", "Hội đồng", "Hội nghị", "Diễn đàn",
    "Chính phủ", "Nhà nước", "Đảng", "Tổ chức", "Trung tâm", "Hiệp hội", "Liên minh", "Ngân hàng",
    "Công ước", "Hiệp định", "Thỏa thuận", "Nghị định thư", "Hiệp ước", "Tuyên bố", "Chương trình",
    "Bộ Môi trường", "Bộ Tài nguyên", "Bộ Năng lượng", "Bộ Thương mại Hoa Kỳ và", "Đại hội đồng",
    "Vụ Hợp tác quốc tế", "Văn phòng", "Thanh tra", "Báo", "Đài", "Hãng", "Công ty", "Tập đoàn",
    "khí nhà kính", "năng lượng tái tạo", "xe điện", "biến đổi khí hậu", "môi trường", "thiên tai",
]}


def _bounds(value: str, end: bool) -> date | None:
    if not value:
        return None
    m = DATE_RE.match(value)
    assert m
    y, mo, d = int(m.group(1)), m.group(2), m.group(3)
    if d:
        return date(y, int(mo), int(d))
    if mo:
        mo_i = int(mo)
        if not end:
            return date(y, mo_i, 1)
        nxt = date(y + (mo_i == 12), mo_i % 12 + 1, 1)
        return date.fromordinal(nxt.toordinal() - 1)
    return date(y, 12, 31) if end else date(y, 1, 1)


def _window(row: dict[str, str]) -> tuple[date, date]:
    lo = _bounds(row["valid_from"], False) or date.min
    hi = _bounds(row["valid_to"], True) or date.max
    return lo, hi


def _overlap(a: tuple[date, date], b: tuple[date, date]) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


def _valid_date(value: str) -> bool:
    m = DATE_RE.match(value)
    if not m:
        return False
    try:
        _bounds(value, False)
    except ValueError:
        return False
    return True


def load(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with open(path, encoding="utf-8", newline="") as fh:
        raw = fh.read()
    if raw.startswith("\ufeff"):
        raise SystemExit(f"{path.name}: starts with a BOM")
    if "\r" in raw:
        raise SystemExit(f"{path.name}: contains carriage returns")
    reader = csv.DictReader(raw.splitlines(keepends=True))
    return list(reader.fieldnames or []), list(reader)


def main(argv: list[str]) -> int:
    errors: list[str] = []
    warnings: list[str] = []
    rows: list[tuple[str, dict[str, str]]] = []
    for name, typ in MINE.items():
        path = GAZ / name
        if not path.exists():
            errors.append(f"{name}: missing")
            continue
        header, data = load(path)
        if header != COLUMNS:
            errors.append(f"{name}: header {header} != {COLUMNS}")
            continue
        ids = [r["id"] for r in data]
        if ids != sorted(ids):
            errors.append(f"{name}: rows not sorted by id")
        for r in data:
            rows.append((name, r))
            rid = r["id"]
            if r["type"] != typ:
                errors.append(f"{rid}: type {r['type']} in {name}")
            if not ID_RE.match(rid) or not rid.startswith(typ.lower() + ":"):
                errors.append(f"{rid}: bad id for {name}")
            for col in COLUMNS:
                v = r[col]
                if normalize_text(v) != v or "\n" in v:
                    errors.append(f"{rid}: {col} not in normal form: {v!r}")
            if not r["canonical"]:
                errors.append(f"{rid}: empty canonical")
            if not r["source"]:
                errors.append(f"{rid}: empty source")
            for col in ("valid_from", "valid_to"):
                if r[col] and not _valid_date(r[col]):
                    errors.append(f"{rid}: bad {col} {r[col]!r}")
            if r["valid_from"] and r["valid_to"] and _valid_date(r["valid_from"]) and _valid_date(r["valid_to"]):
                if _bounds(r["valid_from"], False) > _bounds(r["valid_to"], True):
                    errors.append(f"{rid}: valid_from after valid_to")
            if r["country"] and not re.fullmatch(r"[A-Z]{2}", r["country"]):
                errors.append(f"{rid}: bad country {r['country']!r}")
            if r["wikidata"] and not re.fullmatch(r"Q\d+", r["wikidata"]):
                errors.append(f"{rid}: bad wikidata {r['wikidata']!r}")
            aliases = split_aliases(r["aliases"])
            if r["aliases"] and " | ".join(aliases) != r["aliases"]:
                errors.append(f"{rid}: alias separator/whitespace")
            if r["acronym"] and fold(r["acronym"]) not in {fold(x) for x in [r["canonical"], *aliases]}:
                errors.append(f"{rid}: acronym {r['acronym']!r} not among the aliases")
            seen: set[str] = set()
            for a in aliases:
                k = fold(a)
                if k == fold(r["canonical"]):
                    errors.append(f"{rid}: alias repeats the canonical: {a!r}")
                if k in seen:
                    errors.append(f"{rid}: alias repeated: {a!r}")
                seen.add(k)
                if k in GENERIC:
                    errors.append(f"{rid}: generic alias {a!r}")

    # ids unique across the four files
    by_id: dict[str, dict[str, str]] = {}
    for name, r in rows:
        if r["id"] in by_id:
            errors.append(f"{r['id']}: duplicate id")
        by_id[r["id"]] = r

    # names: canonical vs canonical, alias vs canonical, alias vs alias (overlapping windows)
    canon: dict[str, str] = {}
    for _, r in rows:
        k = fold(r["canonical"])
        if k in canon:
            errors.append(f"{r['id']}: canonical {r['canonical']!r} also canonical of {canon[k]}")
        canon[k] = r["id"]
    alias_owners: dict[str, list[str]] = {}
    for _, r in rows:
        for a in split_aliases(r["aliases"]):
            k = fold(a)
            if k in canon and canon[k] != r["id"]:
                errors.append(f"{r['id']}: alias {a!r} is the canonical of {canon[k]}")
            alias_owners.setdefault(k, []).append(r["id"])
    for k, owners in alias_owners.items():
        for i, a in enumerate(owners):
            for b in owners[i + 1:]:
                if a != b and _overlap(_window(by_id[a]), _window(by_id[b])):
                    errors.append(f"alias {k!r} shared by {a} and {b} with overlapping validity")

    # parents
    other_ids: dict[str, set[str]] = {}
    other_names: dict[str, str] = {}
    for name in OTHERS:
        path = GAZ / name
        if not path.exists():
            continue
        _, data = load(path)
        prefix = name.split(".")[0]
        other_ids[prefix] = {r["id"] for r in data}
        for r in data:
            for n in [r.get("canonical", ""), *split_aliases(r.get("aliases", ""))]:
                if n:
                    other_names.setdefault(fold(n), r["id"])
    missing_parents: dict[str, list[str]] = {}
    for _, r in rows:
        p = r["parent"]
        if not p:
            continue
        prefix = p.split(":", 1)[0]
        if prefix in ("org", "treaty", "event", "term"):
            if p not in by_id:
                errors.append(f"{r['id']}: parent {p} does not exist")
        elif prefix in other_ids:
            if p not in other_ids[prefix]:
                missing_parents.setdefault(p, []).append(r["id"])
        elif prefix not in ("gpe", "loc", "person"):
            errors.append(f"{r['id']}: parent {p} of unknown type")
    offices = GAZ / "offices.csv"
    if offices.exists():
        _, data = load(offices)
        for r in data:
            o = r.get("org_id", "")
            if o and o not in by_id:
                warnings.append(f"offices.csv: org_id {o} ({r.get('person_id')}) not in org.csv")
    for p, who in sorted(missing_parents.items()):
        warnings.append(f"parent {p} not (yet) in {p.split(':')[0]}.csv: used by {', '.join(who)}")
    for _, r in rows:
        for n in [r["canonical"], *split_aliases(r["aliases"])]:
            o = other_names.get(fold(n))
            if o:
                warnings.append(f"{r['id']}: name {n!r} is also a name of {o}")

    for w in warnings:
        print("warning:", w)
    for e in errors:
        print("error:", e)
    counts = {}
    for name, _ in rows:
        counts[name] = counts.get(name, 0) + 1
    print("rows:", ", ".join(f"{k} {v}" for k, v in counts.items()),
          f"| {len(errors)} errors, {len(warnings)} warnings")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
