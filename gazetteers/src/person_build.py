"""Write ``gazetteers/person.csv`` and ``gazetteers/offices.csv`` from ``person_data_*.py``.

    python gazetteers/src/person_build.py          # from the project root

Rows are sorted (persons by id, tenures by person_id then valid_from then office), written with the
csv module: UTF-8 without BOM, "\\n" line ends, header first.  Run ``person_check.py`` afterwards.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from person_data_vn import PEOPLE_VN  # noqa: E402
from person_data_world import PEOPLE_WORLD  # noqa: E402

GAZ = HERE.parent
PERSON_COLUMNS = ["id", "type", "canonical", "aliases", "english", "acronym", "parent", "country",
                  "valid_from", "valid_to", "wikidata", "source"]
OFFICE_COLUMNS = ["person_id", "office", "org_id", "country", "valid_from", "valid_to", "source"]

PEOPLE = PEOPLE_VN + PEOPLE_WORLD


def person_rows() -> list[dict[str, str]]:
    rows = []
    for p in PEOPLE:
        rows.append({
            "id": p.id, "type": "PERSON", "canonical": p.canonical, "aliases": p.aliases,
            "english": p.english, "acronym": "", "parent": "", "country": p.country,
            "valid_from": "", "valid_to": "", "wikidata": p.wikidata, "source": p.source,
        })
    return sorted(rows, key=lambda r: r["id"])


def office_rows() -> list[dict[str, str]]:
    rows = []
    for p in PEOPLE:
        for o in p.offices:
            rows.append({
                "person_id": p.id, "office": o.office, "org_id": o.org_id, "country": o.country,
                "valid_from": o.valid_from, "valid_to": o.valid_to, "source": o.source or p.source,
            })
    return sorted(rows, key=lambda r: (r["person_id"], r["valid_from"], r["office"]))


def write(path: Path, columns: list[str], rows: list[dict[str, str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=columns, lineterminator="\n")
        w.writeheader()
        w.writerows(rows)


def main() -> None:
    persons, offices = person_rows(), office_rows()
    write(GAZ / "person.csv", PERSON_COLUMNS, persons)
    write(GAZ / "offices.csv", OFFICE_COLUMNS, offices)
    print(f"person.csv: {len(persons)} rows; offices.csv: {len(offices)} rows")


if __name__ == "__main__":
    main()
