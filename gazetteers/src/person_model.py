"""Tiny record types for the hand-written PERSON data (``person_data_*.py``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import quote


@dataclass(frozen=True)
class O:
    """One tenure: ``office`` as news writes it (without the name), the body, its country."""

    office: str
    org_id: str
    country: str
    valid_from: str
    valid_to: str
    source: str


@dataclass(frozen=True)
class P:
    """One person; ``slug`` becomes ``person:<slug>``; ``aliases`` are " | "-separated."""

    slug: str
    canonical: str
    aliases: str = ""
    english: str = ""
    country: str = ""
    wikidata: str = ""
    source: str = ""
    offices: list[O] = field(default_factory=list)

    @property
    def id(self) -> str:
        return f"person:{self.slug}"


def vi(title: str) -> str:
    """A Vietnamese Wikipedia page (title with underscores, readable Unicode kept)."""
    return "https://vi.wikipedia.org/wiki/" + title


def en(title: str) -> str:
    """An English Wikipedia page; non-ASCII characters percent-encoded."""
    return "https://en.wikipedia.org/wiki/" + quote(title, safe="_()',-.")
