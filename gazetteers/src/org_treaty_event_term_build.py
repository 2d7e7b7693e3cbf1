"""Write org.csv, treaty.csv, event.csv and term.csv from the *_data.py sources.

    python gazetteers/src/org_treaty_event_term_build.py      (from the repository root)

Every string goes through ``pipeline.normalize.normalize_text``; aliases get the spelling
variants of ``org_common.spelling_variants``, are de-duplicated case- and tone-insensitively
(keeping a form with lower-case letters, which matches any case, over an all-capitals one)
and never repeat the canonical.  The acronym is added to the aliases.  Rows are sorted by id.
Then the checker runs on the written files.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
GAZ = HERE.parent
ROOT = GAZ.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT))

from pipeline.normalize import fold, normalize_text  # noqa: E402

import event_data  # noqa: E402
import org_data  # noqa: E402
import term_data  # noqa: E402
import treaty_data  # noqa: E402
from org_common import COLUMNS, spelling_variants, split_aliases  # noqa: E402

FILES = {
    "org.csv": org_data.ROWS,
    "treaty.csv": treaty_data.ROWS,
    "event.csv": event_data.ROWS,
    "term.csv": term_data.ROWS,
}


def _has_lower(s: str) -> bool:
    return any(c.islower() for c in s)


def finish_row(row: dict[str, str]) -> dict[str, str]:
    out = {k: normalize_text(v or "") for k, v in row.items()}
    canonical = out["canonical"]
    forms: list[str] = []
    for name in [canonical, *split_aliases(out["aliases"])]:
        forms.append(name)
        forms.extend(spelling_variants(name))
    if out["acronym"]:
        forms.append(out["acronym"])
    forms = [normalize_text(f) for f in forms[1:]]  # the canonical itself is not an alias
    # de-duplicate by fold; a form with lower-case letters (matches any case) wins
    chosen: dict[str, str] = {}
    order: list[str] = []
    for f in forms:
        key = fold(f)
        if not f or key == fold(canonical):
            continue
        if key not in chosen:
            chosen[key] = f
            order.append(key)
        elif _has_lower(f) and not _has_lower(chosen[key]):
            chosen[key] = f
    out["aliases"] = " | ".join(chosen[k] for k in order)
    return out


def build() -> dict[str, list[dict[str, str]]]:
    written: dict[str, list[dict[str, str]]] = {}
    for name, rows in FILES.items():
        done = sorted((finish_row(r) for r in rows), key=lambda r: r["id"])
        with open(GAZ / name, "w", encoding="utf-8", newline="") as fh:
            w = csv.DictWriter(fh, fieldnames=COLUMNS, lineterminator="\n")
            w.writeheader()
            for r in done:
                w.writerow({c: r[c] for c in COLUMNS})
        written[name] = done
    return written


if __name__ == "__main__":
    out = build()
    for name, rows in out.items():
        print(f"{name}: {len(rows)} rows")
    import org_treaty_event_term_check as check  # noqa: E402

    sys.exit(check.main([]))
