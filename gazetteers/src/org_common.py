"""Shared helpers for the hand-written ORG, TREATY, EVENT and TERM gazetteers.

The data lives in ``org_data.py``, ``treaty_data.py``, ``event_data.py`` and
``term_data.py``; ``org_treaty_event_term_build.py`` turns it into ``org.csv``,
``treaty.csv``, ``event.csv`` and ``term.csv`` and ``org_treaty_event_term_check.py``
checks the four CSV files.  The CSV files are the product; these sources only make
them reproducible.

``E(...)`` builds one row.  ``aliases`` is written as one string with `` | `` between
the forms.  The builder adds the spelling variants that Vietnamese news mixes freely
(see :func:`spelling_variants`) so that the data files list each form once.
"""

from __future__ import annotations

import re

COLUMNS = [
    "id",
    "type",
    "canonical",
    "aliases",
    "english",
    "acronym",
    "parent",
    "country",
    "valid_from",
    "valid_to",
    "wikidata",
    "source",
]

TYPES = {"org": "ORG", "treaty": "TREATY", "event": "EVENT", "term": "TERM"}


def E(
    id: str,
    canonical: str,
    aliases: str = "",
    en: str = "",
    acr: str = "",
    parent: str = "",
    country: str = "",
    vf: str = "",
    vt: str = "",
    wd: str = "",
    src: str = "",
) -> dict[str, str]:
    prefix = id.split(":", 1)[0]
    return {
        "id": id,
        "type": TYPES[prefix],
        "canonical": canonical,
        "aliases": aliases,
        "english": en,
        "acronym": acr,
        "parent": parent,
        "country": country,
        "valid_from": vf,
        "valid_to": vt,
        "wikidata": wd,
        "source": src,
    }


def split_aliases(text: str) -> list[str]:
    return [a.strip() for a in text.split(" | ") if a.strip()] if text else []


# Pairs of spellings that Vietnamese news uses for the same word.  Each form of a name
# that contains one side gets the other side as an extra alias.
_SWAPS: list[tuple[str, str]] = [
    ("Liên hợp quốc", "Liên hiệp quốc"),
    ("Liên hợp quốc", "LHQ"),
    ("carbon", "các-bon"),
    ("Mê Kông", "Mekong"),
    ("Mê Kông", "Mê Công"),
    ("Mekong", "Mê Kông"),
    ("Mekong", "Mê Công"),
]
# Country names inside a qualified name ("Bộ Ngoại giao Mỹ" / "Bộ Ngoại giao Hoa Kỳ").
_COUNTRY_SWAPS: list[tuple[str, str]] = [
    ("Mỹ", "Hoa Kỳ"),
    ("Hoa Kỳ", "Mỹ"),
    ("Australia", "Úc"),
    ("Úc", "Australia"),
    ("Italy", "Ý"),
    ("Ý", "Italy"),
]


def _word_re(word: str) -> re.Pattern[str]:
    # "châu Mỹ", "Nam Mỹ", "Mỹ Latinh", "châu Úc" are regions, not the country
    return re.compile(
        r"(?<!châu )(?<!Nam )(?<!Bắc )(?<!Trung )(?<!\w)" + re.escape(word) + r"(?!\w)(?! Latinh)",
        re.IGNORECASE,
    )


def spelling_variants(name: str) -> list[str]:
    """Other spellings of ``name``: dash styles, Liên hợp/hiệp quốc, carbon/các-bon, …"""
    out: list[str] = []
    forms = [name]
    # Dashes between two names: " - ", " – " and "-" are all in use.
    if " - " in name or " – " in name:
        base = name.replace(" – ", " - ")
        forms += [base, base.replace(" - ", " – "), base.replace(" - ", "-")]
    for form in list(forms):
        if form.isascii():  # an English or acronym form: Vietnamese spellings do not apply
            continue
        for a, b in _SWAPS + _COUNTRY_SWAPS:
            pat = _word_re(a)
            if pat.search(form):
                forms.append(pat.sub(b, form))
    for form in forms:
        if form != name and form not in out:
            out.append(form)
    return out
