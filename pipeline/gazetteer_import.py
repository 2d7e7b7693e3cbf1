"""Import CLDR (via Babel) and vietnam-provinces into the builders' own generated files.

The hand-edited CSVs of ``gazetteers/`` are the source of truth; nothing here writes them. Two
steps, kept apart so that a rebuild is reproducible whatever library versions are installed:

1. ``snapshot`` (``make gazetteers-snapshot``): read the installed Babel and vietnam-provinces and
   write what vnews uses of them to ``gazetteers/src/snapshots/*.json`` (committed; an upgrade
   shows up as a reviewed diff of those files).
2. ``build`` (``make gazetteers``): turn the committed snapshots into ``gazetteers/imported/*.csv``
   (committed, byte for byte reproducible: a test rebuilds them into a temporary folder).

The district level (quận, huyện, thị xã, thành phố thuộc tỉnh of the 63 provinces, abolished on
2025-07-01) is no longer in the current vietnam-provinces: ``snapshot_districts`` reads it from
the wheel of the last release that had it (0.6.0, data of 2025-01-04), which
``make gazetteers-snapshot-districts`` downloads with pip.

The companies listed on the Vietnamese exchanges (HOSE, HNX, UPCoM: ticker, exchange, legal
name, short name) come from vnstock's listing file, pinned at one commit of its repository
(``LISTED_COMPANIES_PIN``): ``snapshot_companies`` reads that CSV, which
``make gazetteers-snapshot-companies`` downloads.

The validator (``Gazetteer.lint``/``Gazetteer.warnings``) then compares ``gpe.csv`` and ``org.csv`` with the
imported files: a territory or province the import knows and ``gpe.csv`` lacks, or a name it
gives that ``gpe.csv`` does not list, is reported for a person to decide — never copied over.
"""

from __future__ import annotations

import csv
import io
import json
import re
import zipfile
from pathlib import Path

from .gazetteer import ENTITY_COLUMNS, write_table
from .normalize import normalize_text

__all__ = ["snapshot", "snapshot_districts", "snapshot_companies", "build", "SNAPSHOT_FILES", "IMPORTED_FILES",
           "LISTED_COMPANIES_PIN"]

SNAPSHOT_FILES = {"cldr": "cldr-territories.json", "provinces": "vietnam-provinces.json",
                  "districts": "vietnam-districts-2025.json", "companies": "vietnam-listed-companies.json"}
IMPORTED_FILES = {"cldr": "cldr-territories.csv", "provinces": "vietnam-provinces.csv",
                  "districts": "vietnam-districts-2025.csv", "companies": "vietnam-listed-companies.csv"}
# vnstock's static listing (symbol, exchange, type, short name, legal name), at the last commit
# that changed it; `make gazetteers-snapshot-companies` downloads exactly this file.
LISTED_COMPANIES_PIN = {"repository": "https://github.com/thinh-vu/vnstock",
                        "commit": "c4d2c3b4d81df0b54ad708b51ad2b3cb6f9b23af",
                        "path": "assets/data/symbols_by_exchange.csv"}
# The exchanges a listed company trades on, as vnstock writes them; DELISTED rows and the bonds,
# warrants, funds and futures on the same boards are no companies of the news.
LISTED_EXCHANGES = ("HSX", "HNX", "UPCOM")
# The district level ended with the 2025 reform (Luật Tổ chức chính quyền địa phương 2025).
DISTRICTS_VALID_TO = "2025-06-30"
# The head word of a district's official name -> its division type (vietnam-provinces' enum names).
# The library's own division_type field says HUYEN for every district of 0.6.0, so the name decides.
DIVISION_TYPES = {"quận": "QUAN", "huyện": "HUYEN", "thị xã": "THI_XA", "thành phố": "THANH_PHO"}
# The short form of the head word in an id, where the bare name is also a province's ("TP Hà Giang").
_ID_HEADS = {"QUAN": "quan", "HUYEN": "huyen", "THI_XA": "tx", "THANH_PHO": "tp"}
_HEAD = re.compile(r"(quận|huyện|thị xã|thành phố) (.+)", re.IGNORECASE)

# CLDR codes that are not GPEs of their own: pseudo / unknown / groupings (ZZ, QO, XA, XB, EZ);
# organisations, which live in org.csv (EU, UN); AQ Antarctica, no government: the LOC "Nam Cực".
SKIP_TERRITORIES = frozenset({"ZZ", "QO", "XA", "XB", "EZ", "EU", "UN", "AQ"})
# Codes ISO 3166-1 only "exceptionally reserves": their country is the sovereign state's.
RESERVED_TERRITORIES = {"AC": "SH", "CP": "FR", "DG": "IO", "EA": "ES", "IC": "ES", "TA": "SH"}


def _dump(path: Path, data: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")


def snapshot(snapshot_dir: Path) -> list[Path]:
    """Write what vnews uses of the installed Babel and vietnam-provinces into ``snapshot_dir``."""
    import babel
    import vietnam_provinces
    from vietnam_provinces import Province

    vi, en = babel.Locale("vi").territories, babel.Locale("en").territories
    codes = sorted(c for c in vi if re.fullmatch(r"[A-Z]{2}", c))
    cldr = {"library": f"Babel {babel.__version__}",
            "territories": {c: {"vi": vi[c], "en": en.get(c, "")} for c in codes}}
    provinces = {"library": f"vietnam-provinces {vietnam_provinces.__version__}",
                 "provinces": {p.codename: {"code": int(p.code), "name": p.name, "division_type": p.division_type.name}
                               for p in Province.iter_all()}}
    written = [snapshot_dir / SNAPSHOT_FILES["cldr"], snapshot_dir / SNAPSHOT_FILES["provinces"]]
    _dump(written[0], cldr)
    _dump(written[1], provinces)
    return written


def snapshot_districts(wheel: Path, snapshot_dir: Path) -> Path:
    """Write the district level of a vietnam-provinces wheel (0.6.0: the 63 provinces before the
    2025 reform) into ``snapshot_dir``: per province, each district's name, division type and codename."""
    with zipfile.ZipFile(wheel) as zf:
        data = json.loads(zf.read("vietnam_provinces/data/nested-divisions.json"))
        version = next((re.search(r"__version__ = '([^']+)'", zf.read(n).decode()) for n in zf.namelist()
                        if n == "vietnam_provinces/__init__.py"), None)
    provinces = {}
    for p in data:
        districts = []
        for d in p["districts"]:
            m = _HEAD.fullmatch(normalize_text(d["name"]))
            if m is None:
                raise ValueError(f"{wheel}: district {d['name']!r} of {p['name']} has no known head word "
                                 f"({', '.join(DIVISION_TYPES)}); extend DIVISION_TYPES")
            districts.append({"codename": d["short_codename"], "division_type": DIVISION_TYPES[m.group(1).lower()],
                              "name": m.group(2)})
        provinces[p["codename"]] = {"name": normalize_text(p["name"]),
                                    "districts": sorted(districts, key=lambda d: d["codename"])}
    path = snapshot_dir / SNAPSHOT_FILES["districts"]
    _dump(path, {"library": f"vietnam-provinces {version.group(1) if version else '?'}", "provinces": provinces})
    return path


def snapshot_companies(listing_csv: Path, snapshot_dir: Path) -> Path:
    """Write the companies of vnstock's listing file (``LISTED_COMPANIES_PIN``) into ``snapshot_dir``:
    per ticker, its exchange, legal name and short name, for the shares (type STOCK) still listed."""
    rows = csv.DictReader(io.StringIO(listing_csv.read_text(encoding="utf-8-sig")))
    missing = {"symbol", "exchange", "type", "organ_short_name", "organ_name"} - set(rows.fieldnames or ())
    if missing:
        raise ValueError(f"{listing_csv}: no column {', '.join(sorted(missing))}; is it vnstock's "
                         f"{LISTED_COMPANIES_PIN['path']}?")
    companies = {r["symbol"].strip(): {"exchange": r["exchange"].strip(), "name": normalize_text(r["organ_name"]),
                                       "short_name": normalize_text(r["organ_short_name"])}
                 for r in rows if r["type"].strip() == "STOCK" and r["exchange"].strip() in LISTED_EXCHANGES}
    path = snapshot_dir / SNAPSHOT_FILES["companies"]
    _dump(path, {"source": LISTED_COMPANIES_PIN, "companies": companies})
    return path


def _row(**fields: str) -> dict[str, str]:
    return {c: fields.get(c, "") for c in ENTITY_COLUMNS}


def cldr_rows(data: dict) -> list[dict[str, str]]:
    source = f"CLDR via {data['library']}"
    rows = []
    for code, names in sorted(data["territories"].items()):
        if code in SKIP_TERRITORIES:
            continue
        sovereign = RESERVED_TERRITORIES.get(code, code)
        rows.append(_row(id=f"gpe:{code.lower()}", type="GPE", canonical=normalize_text(names["vi"]),
                         english=normalize_text(names["en"]).replace(" & ", " and "),
                         parent="" if sovereign == code else f"gpe:{sovereign.lower()}",
                         country=sovereign, source=source))
    return rows


def province_rows(data: dict) -> list[dict[str, str]]:
    source = data["library"]
    rows = [_row(id="gpe:vn-" + codename.replace("_", "-"), type="GPE", canonical=normalize_text(p["name"]),
                 parent="gpe:vn", country="VN", source=source)
            for codename, p in data["provinces"].items()]
    return sorted(rows, key=lambda r: r["id"])


def _province_id(codename: str) -> str:
    return "gpe:vn-" + re.sub(r"^(tinh|thanh_pho)_", "", codename).replace("_", "-")


def _district_ids(data: dict) -> list[str]:
    """``gpe:vn-<name>``, in the order of ``data``; ``gpe:vn-<head>-<name>`` where the name is a
    number or also a province's (``gpe:vn-tp-ha-giang``, ``gpe:vn-huyen-dien-bien``, ``gpe:vn-quan-1``);
    then ``-<province>`` after a name several districts share (``gpe:vn-chau-thanh-tien-giang``)."""
    provinces = {_province_id(c) for c in data["provinces"]}
    bases = []
    for p in data["provinces"].values():
        for d in p["districts"]:
            name = d["codename"].replace("_", "-")
            typed = name.isdigit() or f"gpe:vn-{name}" in provinces
            bases.append(f"gpe:vn-{_ID_HEADS[d['division_type']]}-{name}" if typed else f"gpe:vn-{name}")
    owners = [_province_id(c) for c, p in data["provinces"].items() for _ in p["districts"]]
    return [b if bases.count(b) == 1 else b + "-" + o.removeprefix("gpe:vn-") for b, o in zip(bases, owners)]


def district_rows(data: dict) -> list[dict[str, str]]:
    """One row per district, named as the library writes it ("Huyện Thường Tín"), under its province."""
    heads = {v: k for k, v in DIVISION_TYPES.items()}
    districts = [(c, d) for c, p in data["provinces"].items() for d in p["districts"]]
    rows = [_row(id=i, type="GPE", canonical=f"{heads[d['division_type']].capitalize()} {d['name']}",
                 parent=_province_id(c), country="VN", valid_to=DISTRICTS_VALID_TO, source=data["library"])
            for i, (c, d) in zip(_district_ids(data), districts)]
    return sorted(rows, key=lambda r: r["id"])


def company_id(ticker: str) -> str:
    """``org:vn-<ticker>``: a ticker is unique on the three exchanges and never reused at once."""
    return "org:vn-" + re.sub(r"[^a-z0-9]+", "-", ticker.lower()).strip("-")


def company_rows(data: dict) -> list[dict[str, str]]:
    """One row per listed company: its legal name, the short name the exchange gives as an alias
    and its ticker as the acronym. (Imported rows are compared with org.csv, never matched.)"""
    pin = data["source"]
    source = f"vnstock {pin['path']} @ {pin['commit'][:12]}"
    rows = [_row(id=company_id(ticker), type="ORG", canonical=c["name"],
                 aliases=c["short_name"] if c["short_name"].casefold() != c["name"].casefold() else "",
                 acronym=ticker, country="VN", source=f"{source} ({c['exchange']})")
            for ticker, c in data["companies"].items()]
    return sorted(rows, key=lambda r: r["id"])


def build(snapshot_dir: Path, out_dir: Path) -> list[Path]:
    """Generate ``out_dir/*.csv`` from the committed snapshots; the same snapshots give the same bytes."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for key, make in (("cldr", cldr_rows), ("provinces", province_rows), ("districts", district_rows),
                      ("companies", company_rows)):
        data = json.loads((snapshot_dir / SNAPSHOT_FILES[key]).read_text(encoding="utf-8"))
        path = out_dir / IMPORTED_FILES[key]
        write_table(path, ENTITY_COLUMNS, make(data))
        written.append(path)
    return written
