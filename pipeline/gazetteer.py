"""Gazetteers: load the CSV files of ``gazetteers/`` into typed entries, and lint them.

The files are data (see ``gazetteers/README.md``); this module knows their columns, checks them
and answers two questions for the tagger: which entries a name can refer to, and who held an
office on a date. Matching itself lives in the tag stage.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import tomllib
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from .errors import GazetteerError
from .normalize import fold, fold_normalised, normalize_text

__all__ = ["Entry", "Office", "Gazetteer", "Conventions", "ENTITY_FILES", "ENTITY_COLUMNS", "OFFICE_COLUMNS",
           "ID_RULE", "is_acronym", "name_key", "date_bounds", "read_table", "write_table"]

# Imported world lists (pipeline/gazetteer_import.py): thousands of rows of which gpe.csv and org.csv
# take the few the news names (gazetteers/README.md), so the rest is one count, not a warning each; the
# pre-2025 communes likewise (read by link.place-cue only, before their district or province).
WORLD_LISTS = {"imported/world-cities.csv": "world cities", "imported/global-brands.csv": "worldwide brands",
               "imported/football-clubs.csv": "football clubs", "imported/vietnam-communes-2025.csv": "communes"}
ENTITY_FILES = {
    "org.csv": "ORG", "gpe.csv": "GPE", "loc.csv": "LOC", "treaty.csv": "TREATY",
    "event.csv": "EVENT", "term.csv": "TERM", "person.csv": "PERSON",
}
ENTITY_COLUMNS = ("id", "type", "canonical", "aliases", "english", "acronym", "parent", "country",
                  "valid_from", "valid_to", "wikidata", "source")
OFFICE_COLUMNS = ("person_id", "office", "org_id", "country", "valid_from", "valid_to", "source")
ALIAS_SEP = " | "
_DATE = re.compile(r"\d{4}(?:-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?)?")
# The one id rule: ``<type>:<slug>``, the type in lower case, the slug lower-case ASCII words
# joined by single hyphens ("org:monre", "gpe:vn-ha-noi", "person:tran-hong-ha").
ID_RULE = re.compile(r"(org|gpe|loc|treaty|event|term|person):[a-z0-9]+(?:-[a-z0-9]+)*")
_WIKIDATA = re.compile(r"Q[1-9]\d*")
# A one-letter alias ("V" for UNDP) matches initials and list labels everywhere.
MIN_ALIAS_CHARS = 2
SHORT_ALIASES = "short_aliases.csv"
_COUNTRY = re.compile(r"[A-Z]{2}")


@dataclass(frozen=True, slots=True)
class Conventions:
    """The data-kept conventions of ``pipeline/data/gazetteer_lint.toml`` (folded where compared)."""

    generic_aliases: frozenset[str]
    person_mononyms: frozenset[str]
    multi_seat_office_prefixes: tuple[str, ...]
    multi_seat_offices: frozenset[str]
    unit_designations: tuple[str, ...] = ()

    @classmethod
    def load(cls, path: Path | None = None) -> "Conventions":
        path = path or Path(str(resources.files("pipeline").joinpath("data", "gazetteer_lint.toml")))
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise GazetteerError(f"{path}: cannot read the gazetteer conventions ({exc}); reinstall vnews") from None
        return cls(
            generic_aliases=frozenset(fold(x) for x in data.get("generic_aliases", [])),
            person_mononyms=frozenset(fold(x) for x in data.get("person_mononyms", [])),
            multi_seat_office_prefixes=tuple(data.get("multi_seat_office_prefixes", [])),
            multi_seat_offices=frozenset(data.get("multi_seat_offices", [])),
            unit_designations=tuple(fold(x) for x in data.get("unit_designations", [])),
        )


def read_table(path: Path, columns: tuple[str, ...]) -> tuple[list[tuple[int, dict[str, str]]], list[str]]:
    """Rows of one gazetteer CSV with their line numbers, and the problems of the file as a file.

    The file must be UTF-8 (a BOM is skipped) with the exact header ``columns``. A file that cannot
    be read at all raises GazetteerError (nothing else can be checked).
    """
    try:
        raw = path.read_bytes().decode("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise GazetteerError(f"{path}: unreadable CSV ({exc}); save it as UTF-8 CSV") from None
    problems = []
    # A spreadsheet's BOM and \r\n line ends are read (and said by Gazetteer.warnings), not refused.
    if raw.startswith("\ufeff"):
        raw = raw[1:]
    try:
        reader = csv.DictReader(io.StringIO(raw, newline=""), strict=True)
        header = list(reader.fieldnames or [])
        missing = [c for c in columns if c not in header]
        if missing:
            raise GazetteerError(f"{path}:1: missing columns {', '.join(missing)}")
        if header != list(columns):
            problems.append(f"{path.name}:1: header is {','.join(header)}; expected {','.join(columns)}")
        rows = []
        for i, row in enumerate(reader, start=2):
            if None in row or any(v is None for v in row.values()):
                problems.append(f"{path.name}:{i}: wrong number of fields")
            rows.append((i, {k: v or "" for k, v in row.items() if k is not None}))
    except csv.Error as exc:
        raise GazetteerError(f"{path}: unreadable CSV ({exc}); save it as UTF-8 CSV") from None
    return rows, problems


def write_table(path: Path, columns: tuple[str, ...], rows: list[dict[str, str]]) -> None:
    """Write rows the way every gazetteer file is written (UTF-8, "\\n", RFC 4180 quoting)."""
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=list(columns), lineterminator="\n")
        w.writeheader()
        for r in rows:
            w.writerow({c: r.get(c, "") for c in columns})


def _entry(row: dict[str, str], origin: str) -> "Entry":
    values = {c: (row.get(c) or "").strip() for c in ENTITY_COLUMNS}
    aliases = tuple(a.strip() for a in values.pop("aliases").split("|") if a.strip())
    return Entry(aliases=aliases, origin=origin, **values)


def _bare(imported: "Entry", designations: tuple[str, ...]) -> str:
    """The folded name of an imported unit without its designation (``unit_designations`` of the
    conventions): "Huyện Thường Tín" -> "thường tín"."""
    key = fold(imported.canonical)
    return next((key[len(d) + 1:] for d in designations if key.startswith(d + " ")), key)


def _designated(imported: "Entry", entry: "Entry", designations: tuple[str, ...]) -> bool:
    """vietnam-provinces writes "Tỉnh X" / "Thành phố X"; the gazetteer's name for it contains X."""
    tail = _bare(imported, designations)
    return any(tail and tail in fold(n) for n in entry.names)


def _prefix(entity_id: str) -> str:
    return entity_id.split(":", 1)[0]


def _real_date(value: str) -> bool:
    """YYYY, YYYY-MM or YYYY-MM-DD naming a day that exists."""
    if not _DATE.fullmatch(value):
        return False
    try:
        dt.date.fromisoformat(value if len(value) == 10 else (value + "-01-01")[:10])
    except ValueError:
        return False
    return True


def _date_problems(origin: str, what: str, valid_from: str, valid_to: str) -> list[str]:
    problems = []
    for col, value in (("valid_from", valid_from), ("valid_to", valid_to)):
        if value and not _real_date(value):
            problems.append(f"{origin}: {what} {col} {value!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
    if valid_from and valid_to and date_bounds(valid_from, "")[0] > date_bounds("", valid_to)[1]:
        problems.append(f"{origin}: {what} valid_from {valid_from} is after valid_to {valid_to}")
    return problems


def _has_letters(text: str, count: int) -> bool:
    """At least ``count`` letters or digits (stops counting there: the lint asks it of every alias)."""
    seen = 0
    for c in text:
        if c.isalnum():
            seen += 1
            if seen >= count:
                return True
    return False


@dataclass(frozen=True, slots=True)
class _Forms:
    """The normal form, the ``fold`` and the ``name_key`` of every text of some entries: the lint
    reads each several times, and normalising is most of its cost."""

    normal: dict[str, str]
    folded: dict[str, str]
    keys: dict[str, str]

    @classmethod
    def of(cls, entries: Iterable["Entry"]) -> "_Forms":
        normal: dict[str, str] = {}
        for e in entries:
            for text in (e.canonical, *e.aliases, e.english, e.acronym, e.source):
                if text not in normal:
                    normal[text] = normalize_text(text)
        folded = {text: fold_normalised(n) for text, n in normal.items()}
        return cls(normal, folded, {text: text if is_acronym(text) else f for text, f in folded.items()})


def _entry_problems(e: "Entry", conv: Conventions, forms: _Forms) -> list[str]:
    """What is wrong with one entry on its own."""
    problems = []
    if not ID_RULE.fullmatch(e.id) or _prefix(e.id) != e.type.lower():
        problems.append(f"{e.origin}: id {e.id!r} is not '<type>:<slug>' ({e.type.lower()}:, lower-case ASCII "
                        "words joined by '-')")
    if not e.canonical:
        problems.append(f"{e.origin}: {e.id} has no canonical name")
    problems.extend(_date_problems(e.origin, e.id, e.valid_from, e.valid_to))
    if e.wikidata and not _WIKIDATA.fullmatch(e.wikidata):
        problems.append(f"{e.origin}: {e.id} wikidata {e.wikidata!r} is not a Q-id")
    if e.country and not _COUNTRY.fullmatch(e.country):
        problems.append(f"{e.origin}: {e.id} country {e.country!r} is not an ISO 3166-1 alpha-2 code")
    for text in (e.canonical, *e.aliases, e.english, e.acronym, e.source):
        if text and forms.normal[text] != text:
            problems.append(f"{e.origin}: {e.id} {text!r} is not in normal form "
                            f"(expected {forms.normal[text]!r})")
    if not e.source:
        problems.append(f"{e.origin}: {e.id} cites no source")
    problems.extend(_name_problems(e, conv, forms))
    return problems


def _name_problems(e: "Entry", conv: Conventions, forms: _Forms) -> list[str]:
    """Aliases given twice, generic words as aliases, an acronym that is no name, bare person names."""
    problems = []
    keys, folded = forms.keys, forms.folded
    seen = {keys[e.canonical]}
    written = {e.canonical}
    for alias in e.aliases:
        # A lower-case alias of a capitalised name is no repeat: it lets the name match in lower case
        # ("trên facebook"), which a capital initial alone does not (GazetteerMatcher).
        lower_form = alias.islower() and alias not in written
        written.add(alias)
        if keys[alias] in seen and not lower_form:
            problems.append(f"{e.origin}: {e.id} alias {alias!r} is given twice (or equals the canonical)")
        seen.add(keys[alias])
        if folded[alias] in conv.generic_aliases:
            problems.append(f"{e.origin}: {e.id} alias {alias!r} is a generic word that matches common text")
    if e.acronym and folded[e.acronym] not in {folded[n] for n in (e.canonical, *e.aliases)}:
        problems.append(f"{e.origin}: {e.id} acronym {e.acronym!r} is not among its names")
    if e.type == "PERSON":
        for name in (e.canonical, *e.aliases):
            key = folded[name]
            if len(key.split()) < 2 and not set(".-") & set(key) and key not in conv.person_mononyms:
                problems.append(f"{e.origin}: {e.id} name {name!r} is one word (a bare surname or given name?)")
    return problems


def _office_problems(o: "Office", entries: dict[str, "Entry"], known_orgs: set[str]) -> list[str]:
    problems = []
    if o.person_id not in entries:
        problems.append(f"{o.origin}: unknown person_id {o.person_id!r}")
    if not o.office:
        problems.append(f"{o.origin}: empty office")
    elif normalize_text(o.office) != o.office:
        problems.append(f"{o.origin}: office {o.office!r} is not in normal form")
    if o.org_id and not o.org_id.startswith("org:"):
        problems.append(f"{o.origin}: org_id {o.org_id!r} is not an org: id")
    if o.country and not _COUNTRY.fullmatch(o.country):
        problems.append(f"{o.origin}: country {o.country!r} is not an ISO 3166-1 alpha-2 code")
    if not o.source:
        problems.append(f"{o.origin}: tenure cites no source")
    problems.extend(_date_problems(o.origin, o.person_id, o.valid_from, o.valid_to))
    return problems


def _seat_overlaps(offices: list["Office"], conv: Conventions) -> list[str]:
    """Two holders of one single-seat office (title, country, body) at the same time."""
    by_seat: dict[tuple[str, str, str], list["Office"]] = defaultdict(list)
    for o in offices:
        if o.office in conv.multi_seat_offices or o.office.startswith(conv.multi_seat_office_prefixes):
            continue
        by_seat[(o.office, o.country, o.org_id)].append(o)
    problems = []
    for seat, held in by_seat.items():
        held.sort(key=lambda o: (o.valid_from or "0000", o.valid_to or "9999"))
        for a, b in zip(held, held[1:]):
            if a.person_id != b.person_id and (b.valid_from or "0000") < (a.valid_to or "9999"):
                problems.append(f"{b.origin}: {seat[0]!r}: {b.person_id} from {b.valid_from} overlaps "
                                f"{a.person_id} ({a.origin}, to {a.valid_to or 'now'})")
    return problems


def is_acronym(alias: str) -> bool:
    """An alias with no lower-case letter ("UNFCCC", "TN&MT", "COP26") matches case-sensitively."""
    return not any(c.islower() for c in alias)


def name_key(alias: str) -> str:
    """The key an alias is matched and compared by: exact for acronyms, folded otherwise."""
    return alias if is_acronym(alias) else fold(alias)


def date_bounds(value_from: str, value_to: str) -> tuple[str, str]:
    """Validity as comparable ISO strings; partial dates cover their whole month or year."""
    lo = value_from or "0000"
    hi = value_to or "9999"
    if len(hi) == 4:
        hi += "-12-31"
    elif len(hi) == 7:
        hi += "-31"
    return lo, hi


@dataclass(frozen=True, slots=True)
class Entry:
    id: str
    type: str
    canonical: str
    aliases: tuple[str, ...]
    english: str = ""
    acronym: str = ""
    parent: str = ""
    country: str = ""
    valid_from: str = ""
    valid_to: str = ""
    wikidata: str = ""
    source: str = ""
    origin: str = ""  # file:line, for messages

    @property
    def names(self) -> tuple[str, ...]:
        """Canonical first, then aliases; the english name too when it differs."""
        seen: list[str] = []
        for n in (self.canonical, *self.aliases, self.english):
            if n and n not in seen:
                seen.append(n)
        return tuple(seen)

    def valid_on(self, day: str) -> bool:
        """``day`` an ISO date (or prefix); an empty day is always valid."""
        if not day:
            return True
        lo, hi = date_bounds(self.valid_from, self.valid_to)
        return lo <= day <= hi


@dataclass(frozen=True, slots=True)
class Office:
    person_id: str
    office: str
    org_id: str
    country: str
    valid_from: str
    valid_to: str
    source: str
    origin: str = ""

    def held_on(self, day: str) -> bool:
        lo, hi = date_bounds(self.valid_from, self.valid_to)
        return bool(day) and lo <= day <= hi


@dataclass(slots=True)
class Gazetteer:
    entries: dict[str, Entry] = field(default_factory=dict)
    offices: list[Office] = field(default_factory=list)
    short_aliases: frozenset[str] = frozenset()  # short_aliases.csv: one-letter aliases that are real names
    problems: list[str] = field(default_factory=list)  # filled by load(); lint() adds more
    notes: list[str] = field(default_factory=list)  # file-level warnings filled by load()
    imported: list[Entry] = field(default_factory=list)  # imported/*.csv: compared with, never matched

    @classmethod
    def load(cls, directory: str | Path, strict: bool = True) -> "Gazetteer":
        """Read every gazetteer file. With ``strict``, any problem raises GazetteerError."""
        directory = Path(directory)
        if not directory.is_dir():
            raise GazetteerError(f"{directory}: gazetteer directory not found; pass --gazetteers DIR")
        gaz = cls()
        for name in [*ENTITY_FILES, "offices.csv", SHORT_ALIASES]:
            if (directory / name).exists() and not (directory / name).is_file():
                raise GazetteerError(f"{directory / name}: a folder (or device) where a gazetteer CSV file "
                                     "should be; replace it with the file or remove it")
        for name, etype in ENTITY_FILES.items():
            path = directory / name
            if path.exists():
                gaz._read_entities(path, etype)
        offices = directory / "offices.csv"
        if offices.exists():
            gaz._read_offices(offices)
        if (directory / SHORT_ALIASES).is_file():
            rows, _ = read_table(directory / SHORT_ALIASES, ("alias",))
            gaz.short_aliases = frozenset(r["alias"].strip() for _, r in rows)
        if not gaz.entries:
            raise GazetteerError(f"{directory}: no gazetteer entries (none of {', '.join(ENTITY_FILES)} "
                                 "has a row); pass the gazetteers/ folder with --gazetteers")
        for path in sorted((directory / "imported").glob("*.csv")):
            rows, problems = read_table(path, ENTITY_COLUMNS)
            gaz.problems.extend(problems)
            gaz.imported.extend(_entry(row, f"imported/{path.name}:{line}") for line, row in rows)
        if strict:
            problems = gaz.lint()
            if problems:
                more = f" (and {len(problems) - 5} more)" if len(problems) > 5 else ""
                raise GazetteerError("; ".join(problems[:5]) + more + "; run `vnews gazetteer lint` and fix them")
        return gaz

    def _file_notes(self, path: Path) -> None:
        raw = path.read_bytes()
        if raw.startswith(b"\xef\xbb\xbf"):
            self.notes.append(f"{path.name}:1: starts with a byte-order mark; save it as UTF-8 without BOM")
        if b"\r" in raw:
            self.notes.append(f"{path.name}: has \\r line ends; save it with \\n line ends")

    def _read_entities(self, path: Path, etype: str) -> None:
        rows, problems = read_table(path, ENTITY_COLUMNS)
        self._file_notes(path)
        self.problems.extend(problems)
        keys = [row["id"] for _, row in rows]
        if keys != sorted(keys):
            self.problems.append(f"{path.name}: rows are not sorted by id; keep them sorted so diffs stay small")
        for line, row in rows:
            origin = f"{path.name}:{line}"
            entry = _entry(row, origin)
            if row["aliases"] and row["aliases"] != ALIAS_SEP.join(entry.aliases):
                self.problems.append(f"{origin}: aliases must be separated by ' | ' with none empty: {row['aliases']!r}")
            if entry.type != etype:
                self.problems.append(f"{origin}: type {entry.type!r} in {path.name} (expected {etype})")
            if entry.id in self.entries:
                self.problems.append(f"{origin}: duplicate id {entry.id!r} (first at {self.entries[entry.id].origin})")
                continue
            self.entries[entry.id] = entry

    def _read_offices(self, path: Path) -> None:
        rows, problems = read_table(path, OFFICE_COLUMNS)
        self._file_notes(path)
        self.problems.extend(problems)
        keys = [(row["person_id"], row["valid_from"], row["office"]) for _, row in rows]
        if keys != sorted(keys):
            self.problems.append(f"{path.name}: rows are not sorted by person_id, valid_from, office")
        for line, row in rows:
            values = {c: (row.get(c) or "").strip() for c in OFFICE_COLUMNS}
            self.offices.append(Office(origin=f"{path.name}:{line}", **values))

    # -- lint: the one validator (the loader, `vnews gazetteer lint` and the builders use it) --------
    def lint(self, conventions: "Conventions | None" = None) -> list[str]:
        """Every problem that makes the gazetteers unsafe to match with, as 'file:line: message'."""
        conv = conventions or Conventions.load()
        problems = list(self.problems)
        forms = _Forms.of(self.entries.values())
        for e in self.entries.values():
            problems.extend(_entry_problems(e, conv, forms))
            for alias in e.aliases:
                if not _has_letters(alias, MIN_ALIAS_CHARS) and alias not in (e.acronym, *self.short_aliases):
                    problems.append(f"{e.origin}: {e.id} alias {alias!r} is shorter than {MIN_ALIAS_CHARS} letters "
                                    f"and would match stray letters; drop it, or list it in the acronym column or "
                                    f"{SHORT_ALIASES} if it really is a name")
        problems.extend(self._ambiguous_aliases(forms))
        problems.extend(self._parent_problems())
        known_orgs = {i for i, e in self.entries.items() if e.type == "ORG"}
        for o in self.offices:
            problems.extend(_office_problems(o, self.entries, known_orgs))
        problems.extend(_seat_overlaps(self.offices, conv))
        return problems

    def warnings(self, conventions: "Conventions | None" = None) -> list[str]:
        """What deserves a look but is not wrong: parents in another gazetteer that is not written
        yet, and what the imported CLDR / vietnam-provinces data knows that the hand-edited CSVs do not."""
        found = list(self.notes)
        found += [f"{e.origin}: parent {e.parent} of {e.id} is not in the gazetteers (yet)"
                 for e in self.entries.values()
                 if e.parent and e.parent not in self.entries and _prefix(e.parent) != _prefix(e.id)]
        designations = (conventions or Conventions.load()).unit_designations
        missing: dict[str, list[Entry]] = defaultdict(list)
        by_name = self._org_names()
        for imp in self.imported:
            entry = self.entries.get(imp.id) or self._same_unit(imp, designations) or (
                by_name.get(fold(imp.canonical)) if imp.type == "ORG" else None)
            if entry is None and (imp.type == "ORG" or self._below_first_level(imp)
                                  or imp.origin.split(":", 1)[0] in WORLD_LISTS):
                missing[imp.origin.split(":", 1)[0]].append(imp)
            elif entry is None:
                found.append(f"{imp.origin}: {imp.id} ({imp.canonical}) is not in {imp.type.lower()}.csv; "
                             "add a row if the news needs it")
            elif fold(imp.canonical) not in {fold(n) for n in entry.names} and not _designated(imp, entry, designations):
                found.append(f"{imp.origin}: {imp.id} is called {imp.canonical!r} by {imp.source}; "
                             f"{entry.origin} does not list it")
        # Districts and below, listed companies: hundreds of rows, many left out on purpose (their
        # names collide, see gazetteers/README.md), so one count per file rather than a line each.
        for origin, units in sorted(missing.items()):
            total = sum(1 for imp in self.imported if imp.origin.split(":", 1)[0] == origin)
            what = WORLD_LISTS.get(origin) or ("companies" if units[0].type == "ORG" else "units below the province level")
            found.append(f"{origin}: {len(units)} of {total} {what} are not in "
                         f"{units[0].type.lower()}.csv (left out where their names collide, see gazetteers/README.md)")
        return found

    def _org_names(self) -> dict[str, Entry]:
        """Every folded name of an org.csv row: a listed company is found under another id
        (``org:vinamilk`` is the import's ``org:vn-vnm``) when its row lists the legal name."""
        return {fold(n): e for e in sorted(self.entries.values(), key=lambda e: e.id) if e.type == "ORG"
                for n in e.names}

    def _below_first_level(self, imp: Entry) -> bool:
        """The unit's parent has a parent itself: a district of a province of a country."""
        parent = self.entries.get(imp.parent)
        return parent is not None and bool(parent.parent)

    def _same_unit(self, imp: Entry, designations: tuple[str, ...]) -> Entry | None:
        """The hand-edited entry under the same parent that lists the unit's bare name, whatever its id
        ("quận Tân Phú" of TP.HCM is ``gpe:vn-tan-phu`` in gpe.csv, ``gpe:vn-tan-phu-ho-chi-minh`` imported)."""
        if not imp.parent:
            return None
        bare = _bare(imp, designations)
        return next((e for e in self.entries.values()
                     if e.parent == imp.parent and e.type == imp.type and bare in {fold(n) for n in e.names}), None)

    def _parent_problems(self) -> list[str]:
        """A parent of the entry's own type must exist (a ministry's department, a province's country)."""
        problems = []
        for e in self.entries.values():
            if e.parent == e.id:
                problems.append(f"{e.origin}: {e.id} is its own parent")
            elif e.parent and e.parent not in self.entries and _prefix(e.parent) == _prefix(e.id):
                problems.append(f"{e.origin}: parent {e.parent} of {e.id} does not exist")
            elif e.parent and not ID_RULE.fullmatch(e.parent):
                problems.append(f"{e.origin}: parent {e.parent!r} of {e.id} is not an id")
        return problems

    def _ambiguous_aliases(self, forms: _Forms) -> list[str]:
        """Two entries answering to one name at the same time, with nothing to tell them apart.

        Entries whose validity windows do not overlap are told apart by the article's date.
        """
        by_key: dict[str, list[Entry]] = defaultdict(list)
        for e in self.entries.values():
            for n in {forms.keys[n] for n in e.names}:
                by_key[n].append(e)
        problems = []
        for key, entries in sorted(by_key.items()):
            for i, a in enumerate(entries):
                for b in entries[i + 1:]:
                    a_lo, a_hi = date_bounds(a.valid_from, a.valid_to)
                    b_lo, b_hi = date_bounds(b.valid_from, b.valid_to)
                    if a_lo <= b_hi and b_lo <= a_hi:
                        problems.append(f"{b.origin}: alias {key!r} of {b.id} is also a name of {a.id} "
                                        f"({a.origin}) in the same validity window")
        return problems

    # -- queries -------------------------------------------------------------------------------
    def name_index(self) -> dict[str, list[str]]:
        """Every matchable key to the ids of the entries it names (several only across validity windows)."""
        index: dict[str, list[str]] = defaultdict(list)
        for e in sorted(self.entries.values(), key=lambda e: e.id):
            for n in e.names:
                key = name_key(n)
                if key and e.id not in index[key]:
                    index[key].append(e.id)
        return dict(index)

    def holders(self, office: str, day: str) -> list[Office]:
        """Who held ``office`` (compared folded) on ``day``."""
        key = fold(office)
        return [o for o in self.offices if fold(o.office) == key and o.held_on(day)]
