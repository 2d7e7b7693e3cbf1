#!/usr/bin/env python3
"""Build ``gazetteers/gpe.csv`` and check ``gpe.csv`` + ``loc.csv``.

Run from the repository root::

    python scripts/build_gazetteers.py          # rebuild gpe.csv, then check gpe.csv and loc.csv
    python scripts/build_gazetteers.py --check  # only check the files as they are

``gpe.csv`` is generated, deterministically and without network, from

1. CLDR territory names in Vietnamese and English, as shipped by Babel
   (every territory with an ISO 3166-1 alpha-2 code, minus the codes in ``SKIP_TERRITORIES``);
2. the current (2025-07-01) provinces and centrally-run cities of Viet Nam from the
   ``vietnam-provinces`` package, joined with the hand-written list of the pre-2025 units in
   ``gazetteers/src/gpe_vn_provinces.csv`` (the package only has the current 34 units);
3. ``gazetteers/src/gpe_manual.csv``: Vietnamese variants of country names (rows whose id is a
   CLDR id are merged into that row) and capitals / major cities / sub-national regions.

``loc.csv`` is hand-written; this script only checks it.

The check fails (exit status 1) on: a wrong header, bad or duplicate ids, rows not sorted by
id, text not in normal form, bad dates or valid_from > valid_to, a parent that does not exist,
and any name (canonical or alias, compared with ``fold``) used by two entries whose validity
overlaps, across gpe.csv and loc.csv.  Collisions with the other gazetteer files, when they
exist, are printed as warnings.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import re
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.normalize import fold, normalize_text  # noqa: E402

GAZ = ROOT / "gazetteers"
SRC = GAZ / "src"
GPE_CSV = GAZ / "gpe.csv"
LOC_CSV = GAZ / "loc.csv"
MANUAL_CSV = SRC / "gpe_manual.csv"
VN_PROVINCES_CSV = SRC / "gpe_vn_provinces.csv"

COLUMNS = [
    "id", "type", "canonical", "aliases", "english", "acronym",
    "parent", "country", "valid_from", "valid_to", "wikidata", "source",
]
SEP = " | "

# CLDR codes that are not GPEs of their own:
#   pseudo / unknown / groupings: ZZ, QO, XA, XB, EZ; organisations (they live in org.csv): EU, UN;
#   AQ Antarctica: no government, it is the LOC loc:nam-cuc ("Nam Cực").
SKIP_TERRITORIES = {"ZZ", "QO", "XA", "XB", "EZ", "EU", "UN", "AQ"}

# CLDR codes that ISO 3166-1 only "exceptionally reserves": kept (news names them), but their
# country is the sovereign state's code and their parent that state.
RESERVED_TERRITORIES = {"AC": "SH", "CP": "FR", "DG": "IO", "EA": "ES", "IC": "ES", "TA": "SH"}

# The date on which the merged provinces of Nghị quyết 202/2025/QH15 began to operate.
MERGER_FROM = "2025-07-01"
MERGER_TO = "2025-06-30"
PRE_MERGER_UNITS = 63
POST_MERGER_UNITS = 34

ID_RE = re.compile(r"^(gpe|loc|org|treaty|event|term|person):[a-z0-9][a-z0-9.-]*$")
DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
QID_RE = re.compile(r"^Q[1-9]\d*$")
COUNTRY_RE = re.compile(r"^[A-Z]{2}$")


class GazetteerError(Exception):
    pass


# --------------------------------------------------------------------------- helpers

def split_aliases(value: str) -> list[str]:
    return [a.strip() for a in value.split("|") if a.strip()] if value else []


def join_aliases(aliases: list[str]) -> str:
    return SEP.join(aliases)


def ascii_slug(text: str) -> str:
    text = text.replace("đ", "d").replace("Đ", "D")
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = re.sub(r"[^A-Za-z0-9]+", "-", text).strip("-").lower()
    return text


def ascii_name(text: str) -> str:
    text = text.replace("đ", "d").replace("Đ", "D")
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c))


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        raw = f.read()
    if raw.startswith("\ufeff"):
        raise GazetteerError(f"{path}: starts with a BOM")
    if "\r" in raw:
        raise GazetteerError(f"{path}: has \\r line endings")
    reader = csv.DictReader(raw.splitlines(), strict=True)
    if reader.fieldnames != COLUMNS:
        raise GazetteerError(f"{path}: header is {reader.fieldnames}, expected {COLUMNS}")
    rows = []
    for n, row in enumerate(reader, start=2):
        if None in row or any(v is None for v in row.values()):
            raise GazetteerError(f"{path}:{n}: wrong number of fields")
        rows.append(dict(row))
    return rows


def write_csv(path: Path, rows: list[dict[str, str]]) -> None:
    rows = sorted(rows, key=lambda r: r["id"])
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=COLUMNS, lineterminator="\n")
        w.writeheader()
        for r in rows:
            w.writerow({c: r.get(c, "") for c in COLUMNS})


def new_row(**fields: str) -> dict[str, str]:
    row = {c: "" for c in COLUMNS}
    row.update(fields)
    return row


def case_sensitive(name: str) -> bool:
    """README: a name without any lower-case letter matches case-sensitively."""
    return not any(c.islower() for c in name)


def match_key(name: str) -> tuple[bool, str]:
    """Two names of one entry are the same alias when they match the same texts."""
    return (True, normalize_text(name)) if case_sensitive(name) else (False, fold(name))


def add_aliases(row: dict[str, str], extra: list[str]) -> None:
    """Append aliases not yet present, never the canonical itself.

    "TP.HCM" (case-sensitive) and "Tp.HCM" (any case) are both kept: they match differently.
    """
    have = {match_key(row["canonical"])} | {match_key(a) for a in split_aliases(row["aliases"])}
    aliases = split_aliases(row["aliases"])
    for a in extra:
        if match_key(a) not in have:
            aliases.append(a)
            have.add(match_key(a))
    row["aliases"] = join_aliases(aliases)


def merge_into(base: dict[str, str], extra: dict[str, str], where: str) -> None:
    """Merge a hand-written row into a generated one with the same id.

    A non-empty canonical replaces the generated one (which becomes an alias); aliases are
    added; other non-empty fields replace the generated ones, except type and country, which
    must agree; sources are joined.
    """
    for key in ("type", "country"):
        if extra[key] and base[key] and extra[key] != base[key]:
            raise GazetteerError(f"{where}: {extra['id']}: {key} {extra[key]!r} != {base[key]!r}")
    if extra["canonical"] and extra["canonical"] != base["canonical"]:
        old = base["canonical"]
        aliases = split_aliases(base["aliases"])
        base["canonical"] = extra["canonical"]
        base["aliases"] = ""
        add_aliases(base, [old] + aliases)
    add_aliases(base, split_aliases(extra["aliases"]))
    for key in ("type", "english", "acronym", "parent", "country", "valid_from", "valid_to", "wikidata"):
        if extra[key]:
            base[key] = extra[key]
    if extra["source"] and extra["source"] not in base["source"]:
        base["source"] = f"{base['source']}; {extra['source']}" if base["source"] else extra["source"]


def check_source_rows(path: Path, rows: list[dict[str, str]]) -> None:
    """Hand-written files must already be in normal form and sorted, each row with a source."""
    errors = []
    ids = [r["id"] for r in rows]
    if ids != sorted(ids):
        errors.append(f"{path}: rows are not sorted by id")
    if len(set(ids)) != len(ids):
        errors.append(f"{path}: duplicate ids")
    for r in rows:
        for k, v in r.items():
            if normalize_text(v) != v:
                errors.append(f"{path}: {r['id']}: {k} not in normal form: {v!r}")
        if not r["source"]:
            errors.append(f"{path}: {r['id']}: no source")
    if errors:
        raise GazetteerError("\n".join(errors))


# --------------------------------------------------------------------------- sources

def cldr_rows() -> dict[str, dict[str, str]]:
    import babel

    vi = babel.Locale("vi").territories
    en = babel.Locale("en").territories
    source = f"CLDR via Babel {babel.__version__}"
    rows = {}
    for code in sorted(vi):
        if not re.fullmatch(r"[A-Z]{2}", code) or code in SKIP_TERRITORIES:
            continue
        english = en.get(code, "").replace(" & ", " and ")
        row = new_row(
            id=f"gpe:{code.lower()}",
            type="GPE",
            canonical=normalize_text(vi[code]),
            english=normalize_text(english),
            country=code,
            source=source,
        )
        if code in RESERVED_TERRITORIES:
            sovereign = RESERVED_TERRITORIES[code]
            row["country"] = sovereign
            row["parent"] = f"gpe:{sovereign.lower()}"
        rows[row["id"]] = row
    return rows


def province_rows() -> dict[str, dict[str, str]]:
    """The 34 current units from vietnam-provinces + the pre-2025 units written by hand."""
    import vietnam_provinces
    from vietnam_provinces import Province, VietNamDivisionType

    pkg_source = f"vietnam-provinces {vietnam_provinces.__version__}"
    hand = read_csv(VN_PROVINCES_CSV)
    check_source_rows(VN_PROVINCES_CSV, hand)
    hand_by_id = {r["id"]: r for r in hand}

    rows: dict[str, dict[str, str]] = {}
    city_ids: set[str] = set()
    for p in sorted(Province.iter_all(), key=lambda p: int(p.code)):
        name = normalize_text(p.name)
        is_city = p.division_type == VietNamDivisionType.THANH_PHO_TRUNG_UONG
        short = name.removeprefix("Thành phố ").removeprefix("Tỉnh ")
        pid = "gpe:vn-" + p.codename.replace("_", "-")
        if pid not in hand_by_id:
            raise GazetteerError(f"{VN_PROVINCES_CSV}: no row for {pid} ({name}) of {pkg_source}")
        h = hand_by_id[pid]
        if h["valid_to"]:
            raise GazetteerError(f"{VN_PROVINCES_CSV}: {pid} continues after the merger, valid_to must be empty")
        if fold(short) not in fold(h["canonical"]):
            raise GazetteerError(f"{VN_PROVINCES_CSV}: {pid}: canonical {h['canonical']!r} is not {short!r}")
        if is_city:
            city_ids.add(pid)
        # The hand-written canonical wins without turning the package's short name into an
        # alias: "Thành phố Hồ Chí Minh" must not bring a bare "Hồ Chí Minh" (the person) along.
        rows[pid] = new_row(
            id=pid, type="GPE", canonical=h["canonical"], parent="gpe:vn", country="VN", source=pkg_source,
        )
    if len(rows) != POST_MERGER_UNITS:
        raise GazetteerError(f"{pkg_source} has {len(rows)} provinces, expected {POST_MERGER_UNITS}")

    ceased = [r for r in hand if r["id"] not in rows]
    if len([r for r in ceased if r["valid_to"] == MERGER_TO]) + len(rows) != PRE_MERGER_UNITS:
        raise GazetteerError(
            f"{VN_PROVINCES_CSV}: {len(rows)} continuing units + "
            f"{len([r for r in ceased if r['valid_to'] == MERGER_TO])} ending {MERGER_TO} != {PRE_MERGER_UNITS}"
        )
    for r in ceased:
        if not r["valid_to"]:
            raise GazetteerError(f"{VN_PROVINCES_CSV}: {r['id']} is not in {pkg_source}: it needs a valid_to")
        rows[r["id"]] = new_row(id=r["id"], type="GPE", canonical=r["canonical"], parent="gpe:vn", country="VN")

    for pid, row in rows.items():
        h = hand_by_id[pid]
        merge_into(row, h, str(VN_PROVINCES_CSV))
        # Designator forms: "Tỉnh X" for provinces, "Thành phố X" / "TP X" / "TP. X" / "TP.X" for cities.
        short = row["canonical"].removeprefix("Thành phố ")
        if pid in city_ids:
            designated = [f"Thành phố {short}", f"TP {short}", f"TP. {short}", f"TP.{short}"]
        else:
            designated = [f"Tỉnh {short}"]
        add_aliases(row, designated)
        if not row["english"]:
            row["english"] = ascii_name(short) + ("" if pid in city_ids else " Province")
    return rows


def build_gpe() -> list[dict[str, str]]:
    rows = cldr_rows()
    for pid, row in province_rows().items():
        if pid in rows:
            raise GazetteerError(f"{pid}: province id clashes with a CLDR id")
        rows[pid] = row

    manual = read_csv(MANUAL_CSV)
    check_source_rows(MANUAL_CSV, manual)
    for m in manual:
        if m["id"] in rows:
            merge_into(rows[m["id"]], m, str(MANUAL_CSV))
        else:
            missing = [k for k in ("type", "canonical", "english") if not m[k]]
            if missing:
                raise GazetteerError(f"{MANUAL_CSV}: new row {m['id']} lacks {missing}")
            row = new_row(**{k: m[k] for k in COLUMNS})
            row["aliases"] = ""
            add_aliases(row, split_aliases(m["aliases"]))
            rows[m["id"]] = row
    return sorted(rows.values(), key=lambda r: r["id"])


# --------------------------------------------------------------------------- checks

def _bounds(valid_from: str, valid_to: str) -> tuple[dt.date, dt.date]:
    def lo(d: str) -> dt.date:
        if not d:
            return dt.date.min
        parts = [int(x) for x in d.split("-")] + [1, 1]
        return dt.date(parts[0], parts[1], parts[2])

    def hi(d: str) -> dt.date:
        if not d:
            return dt.date.max
        parts = [int(x) for x in d.split("-")]
        if len(parts) == 1:
            return dt.date(parts[0], 12, 31)
        if len(parts) == 2:
            nxt = dt.date(parts[0] + (parts[1] == 12), parts[1] % 12 + 1, 1)
            return nxt - dt.timedelta(days=1)
        return dt.date(*parts)

    return lo(valid_from), hi(valid_to)


def check(files: dict[str, list[dict[str, str]]], others: dict[str, list[dict[str, str]]]) -> list[str]:
    """Return the list of errors (empty when all is well); print warnings."""
    errors: list[str] = []
    all_ids: dict[str, str] = {}
    names: dict[str, list[tuple[str, str, dt.date, dt.date, str]]] = {}

    for fname, rows in files.items():
        ids = [r["id"] for r in rows]
        if ids != sorted(ids):
            errors.append(f"{fname}: rows are not sorted by id")
        want_type = {"gpe.csv": "GPE", "loc.csv": "LOC"}[fname]
        for r in rows:
            rid = r["id"]
            where = f"{fname}: {rid}"
            if not ID_RE.match(rid):
                errors.append(f"{where}: bad id")
            if rid in all_ids:
                errors.append(f"{where}: id also in {all_ids[rid]}")
            all_ids[rid] = fname
            if r["type"] != want_type or not rid.startswith(want_type.lower() + ":"):
                errors.append(f"{where}: type {r['type']!r} does not fit {fname}")
            for k, v in r.items():
                if normalize_text(v) != v:
                    errors.append(f"{where}: {k} not in normal form: {v!r}")
                if "\n" in v:
                    errors.append(f"{where}: {k} has a newline")
            if not r["canonical"]:
                errors.append(f"{where}: empty canonical")
            if not r["english"]:
                errors.append(f"{where}: empty english")
            if not r["source"]:
                errors.append(f"{where}: empty source")
            if r["country"] and not COUNTRY_RE.match(r["country"]):
                errors.append(f"{where}: bad country {r['country']!r}")
            if r["wikidata"] and not QID_RE.match(r["wikidata"]):
                errors.append(f"{where}: bad wikidata {r['wikidata']!r}")
            for k in ("valid_from", "valid_to"):
                if r[k] and not DATE_RE.match(r[k]):
                    errors.append(f"{where}: bad {k} {r[k]!r}")
            try:
                lo, hi = _bounds(r["valid_from"], r["valid_to"])
                if lo > hi:
                    errors.append(f"{where}: valid_from {r['valid_from']} > valid_to {r['valid_to']}")
            except ValueError as e:
                errors.append(f"{where}: bad date ({e})")
                lo, hi = dt.date.min, dt.date.max
            raw_aliases = r["aliases"].split("|") if r["aliases"] else []
            aliases = [a.strip() for a in raw_aliases]
            if r["aliases"] and (any(not a for a in aliases) or r["aliases"] != SEP.join(aliases)):
                errors.append(f"{where}: aliases not separated by ' | ' or one is empty: {r['aliases']!r}")
            if r["acronym"] and fold(r["acronym"]) not in {fold(a) for a in aliases + [r["canonical"]]}:
                errors.append(f"{where}: acronym {r['acronym']!r} not among the aliases")
            seen: set[tuple[bool, str]] = set()
            for kind, name in [("canonical", r["canonical"])] + [("alias", a) for a in aliases if a]:
                if match_key(name) in seen:
                    errors.append(f"{where}: {name!r} given twice (or alias equals canonical)")
                    continue
                seen.add(match_key(name))
                # Across entries, compare case-folded: "US" (case-sensitive) and "Us" (any case)
                # would both match the text "US".
                names.setdefault(fold(name), []).append((rid, kind, lo, hi, name))

    parents_known = set(all_ids) | {r["id"] for rows in others.values() for r in rows}
    for fname, rows in files.items():
        for r in rows:
            if r["parent"] and r["parent"] not in parents_known:
                errors.append(f"{fname}: {r['id']}: parent {r['parent']} does not exist")
            if r["parent"] == r["id"]:
                errors.append(f"{fname}: {r['id']}: is its own parent")

    for key, uses in sorted(names.items()):
        for i, (id1, kind1, lo1, hi1, n1) in enumerate(uses):
            for id2, kind2, lo2, hi2, n2 in uses[i + 1:]:
                if id1 != id2 and lo1 <= hi2 and lo2 <= hi1:
                    errors.append(f"name {n1!r} ({kind1} of {id1}) = {n2!r} ({kind2} of {id2}), validity overlaps")

    # Other gazetteer files (written by others): collisions are warnings here, errors for the lint.
    for fname, rows in others.items():
        for r in rows:
            lo, hi = _bounds(*(x if DATE_RE.match(x or "") else "" for x in (r.get("valid_from", ""), r.get("valid_to", ""))))
            for name in [r.get("canonical", "")] + split_aliases(r.get("aliases", "")):
                for id1, kind1, lo1, hi1, n1 in names.get(fold(name), []):
                    if lo1 <= hi and lo <= hi1:
                        print(f"warning: {n1!r} ({kind1} of {id1}) also names {r.get('id')} in {fname}", file=sys.stderr)
    return errors


def run_check() -> int:
    files = {"gpe.csv": read_csv(GPE_CSV), "loc.csv": read_csv(LOC_CSV)}
    others = {}
    for path in sorted(GAZ.glob("*.csv")):
        if path.name in files or path.name == "offices.csv":
            continue
        try:
            others[path.name] = read_csv(path)
        except (GazetteerError, csv.Error) as e:
            print(f"warning: cannot read {path.name} for cross-checks: {e}", file=sys.stderr)
    errors = check(files, others)
    for e in errors:
        print(f"error: {e}", file=sys.stderr)
    counts = ", ".join(f"{k}: {len(v)} rows" for k, v in files.items())
    if errors:
        print(f"FAILED: {len(errors)} problems ({counts})", file=sys.stderr)
        return 1
    print(f"ok ({counts})")
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--check", action="store_true", help="only check gpe.csv and loc.csv, write nothing")
    args = ap.parse_args(argv)
    try:
        if not args.check:
            rows = build_gpe()
            write_csv(GPE_CSV, rows)
            print(f"wrote {GPE_CSV.relative_to(ROOT)}: {len(rows)} rows")
        return run_check()
    except ImportError as e:
        print(f"error: {e}: the build needs `pip install babel vietnam-provinces`", file=sys.stderr)
        return 1
    except (GazetteerError, csv.Error) as e:
        print(f"error: {e}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
