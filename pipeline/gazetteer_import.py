"""Import CLDR (via Babel) and vietnam-provinces into the builders' own generated files.

The hand-edited CSVs of ``gazetteers/`` are the source of truth; nothing here writes them. Two
steps, kept apart so that a rebuild is reproducible whatever library versions are installed:

1. ``snapshot`` (``make gazetteers-snapshot``): read the installed Babel and vietnam-provinces and
   write what vnews uses of them to ``gazetteers/src/snapshots/*.json`` (committed; an upgrade
   shows up as a reviewed diff of those files).
2. ``build`` (``make gazetteers``): turn the committed snapshots into ``gazetteers/imported/*.csv``
   (committed, byte for byte reproducible: a test rebuilds them into a temporary folder).

The validator (``Gazetteer.lint``/``Gazetteer.warnings``) then compares ``gpe.csv`` with the
imported files: a territory or province the import knows and ``gpe.csv`` lacks, or a name it
gives that ``gpe.csv`` does not list, is reported for a person to decide — never copied over.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from .gazetteer import ENTITY_COLUMNS, write_table
from .normalize import normalize_text

__all__ = ["snapshot", "build", "SNAPSHOT_FILES", "IMPORTED_FILES"]

SNAPSHOT_FILES = {"cldr": "cldr-territories.json", "provinces": "vietnam-provinces.json"}
IMPORTED_FILES = {"cldr": "cldr-territories.csv", "provinces": "vietnam-provinces.csv"}

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


def build(snapshot_dir: Path, out_dir: Path) -> list[Path]:
    """Generate ``out_dir/*.csv`` from the committed snapshots; the same snapshots give the same bytes."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for key, make in (("cldr", cldr_rows), ("provinces", province_rows)):
        data = json.loads((snapshot_dir / SNAPSHOT_FILES[key]).read_text(encoding="utf-8"))
        path = out_dir / IMPORTED_FILES[key]
        write_table(path, ENTITY_COLUMNS, make(data))
        written.append(path)
    return written
