"""Gazetteers: load the CSV files of ``gazetteers/`` into typed entries, and lint them.

The files are data (see ``gazetteers/README.md``); this module knows their columns, checks them
and answers two questions for the tagger: which entries a name can refer to, and who held an
office on a date. Matching itself lives in the tag stage.
"""

from __future__ import annotations

import csv
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from .errors import GazetteerError
from .normalize import fold, normalize_text

__all__ = ["Entry", "Office", "Gazetteer", "ENTITY_FILES", "is_acronym", "name_key", "date_bounds"]

ENTITY_FILES = {
    "org.csv": "ORG", "gpe.csv": "GPE", "loc.csv": "LOC", "treaty.csv": "TREATY",
    "event.csv": "EVENT", "term.csv": "TERM", "person.csv": "PERSON",
}
ENTITY_COLUMNS = ("id", "type", "canonical", "aliases", "english", "acronym", "parent", "country",
                  "valid_from", "valid_to", "wikidata", "source")
OFFICE_COLUMNS = ("person_id", "office", "org_id", "country", "valid_from", "valid_to", "source")
_DATE = re.compile(r"\d{4}(?:-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?)?")
_ID = re.compile(r"[a-z]+:[a-z0-9][a-z0-9:._\-]*")
_WIKIDATA = re.compile(r"Q[1-9]\d*")
# A one-letter alias ("V" for UNDP) matches initials and list labels everywhere.
MIN_ALIAS_CHARS = 2
SHORT_ALIASES = "short_aliases.csv"


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
            gaz.short_aliases = frozenset(r["alias"].strip() for _, r in gaz._rows(directory / SHORT_ALIASES, ("alias",)))
        if not gaz.entries:
            raise GazetteerError(f"{directory}: no gazetteer entries (none of {', '.join(ENTITY_FILES)} "
                                 "has a row); pass the gazetteers/ folder with --gazetteers")
        if strict:
            problems = gaz.lint()
            if problems:
                more = f" (and {len(problems) - 5} more)" if len(problems) > 5 else ""
                raise GazetteerError("; ".join(problems[:5]) + more + "; run `vnews gazetteer lint` and fix them")
        return gaz

    @staticmethod
    def _rows(path: Path, columns: tuple[str, ...]) -> list[tuple[int, dict]]:
        try:
            # utf-8-sig: a spreadsheet's BOM would otherwise glue itself to the first column's name.
            with path.open(encoding="utf-8-sig", newline="") as fh:
                reader = csv.DictReader(fh)
                missing = [c for c in columns if c not in (reader.fieldnames or [])]
                if missing:
                    raise GazetteerError(f"{path}:1: missing columns {', '.join(missing)}")
                return [(i, row) for i, row in enumerate(reader, start=2)]
        except (UnicodeDecodeError, csv.Error) as exc:
            raise GazetteerError(f"{path}: unreadable CSV ({exc}); save it as UTF-8 CSV") from None

    def _read_entities(self, path: Path, etype: str) -> None:
        for line, row in self._rows(path, ENTITY_COLUMNS):
            origin = f"{path.name}:{line}"
            values = {c: (row.get(c) or "").strip() for c in ENTITY_COLUMNS}
            aliases = tuple(a.strip() for a in values.pop("aliases").split("|") if a.strip())
            entry = Entry(aliases=aliases, origin=origin, **values)
            if entry.type != etype:
                self.problems.append(f"{origin}: type {entry.type!r} in {path.name} (expected {etype})")
            if entry.id in self.entries:
                self.problems.append(f"{origin}: duplicate id {entry.id!r} (first at {self.entries[entry.id].origin})")
                continue
            self.entries[entry.id] = entry

    def _read_offices(self, path: Path) -> None:
        for line, row in self._rows(path, OFFICE_COLUMNS):
            values = {c: (row.get(c) or "").strip() for c in OFFICE_COLUMNS}
            self.offices.append(Office(origin=f"{path.name}:{line}", **values))

    # -- lint ----------------------------------------------------------------------------------
    def lint(self) -> list[str]:
        """Every problem that makes the gazetteers unsafe to match with, as 'file:line: message'."""
        problems = list(self.problems)
        for e in self.entries.values():
            if not _ID.fullmatch(e.id):
                problems.append(f"{e.origin}: id {e.id!r} is not '<type>:<slug>' in lower-case ASCII")
            if not e.canonical:
                problems.append(f"{e.origin}: {e.id} has no canonical name")
            for col in ("valid_from", "valid_to"):
                value = getattr(e, col)
                if value and not _DATE.fullmatch(value):
                    problems.append(f"{e.origin}: {e.id} {col} {value!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
            if e.valid_from and e.valid_to and e.valid_from > e.valid_to:
                problems.append(f"{e.origin}: {e.id} valid_from {e.valid_from} is after valid_to {e.valid_to}")
            if e.wikidata and not _WIKIDATA.fullmatch(e.wikidata):
                problems.append(f"{e.origin}: {e.id} wikidata {e.wikidata!r} is not a Q-id")
            for text in (e.canonical, *e.aliases, e.english, e.acronym):
                if text and normalize_text(text) != text:
                    problems.append(f"{e.origin}: {e.id} {text!r} is not in normal form "
                                    f"(expected {normalize_text(text)!r})")
            if not e.source:
                problems.append(f"{e.origin}: {e.id} cites no source")
            for alias in e.aliases:
                if sum(c.isalnum() for c in alias) < MIN_ALIAS_CHARS and alias not in (e.acronym, *self.short_aliases):
                    problems.append(f"{e.origin}: {e.id} alias {alias!r} is shorter than {MIN_ALIAS_CHARS} letters "
                                    f"and would match stray letters; drop it, or list it in the acronym column or {SHORT_ALIASES} "
                                    "if it really is a name")
        problems.extend(self._ambiguous_aliases())
        for o in self.offices:
            if o.person_id not in self.entries:
                problems.append(f"{o.origin}: unknown person_id {o.person_id!r}")
            for col in ("valid_from", "valid_to"):
                value = getattr(o, col)
                if value and not _DATE.fullmatch(value):
                    problems.append(f"{o.origin}: {col} {value!r} is not an ISO date")
            if o.valid_from and o.valid_to and o.valid_from > o.valid_to:
                problems.append(f"{o.origin}: valid_from {o.valid_from} is after valid_to {o.valid_to}")
            if normalize_text(o.office) != o.office:
                problems.append(f"{o.origin}: office {o.office!r} is not in normal form")
        return problems

    def _ambiguous_aliases(self) -> list[str]:
        """Two entries answering to one name at the same time, with nothing to tell them apart.

        Entries whose validity windows do not overlap are told apart by the article's date.
        """
        by_key: dict[str, list[Entry]] = defaultdict(list)
        for e in self.entries.values():
            for n in {name_key(n) for n in e.names}:
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
