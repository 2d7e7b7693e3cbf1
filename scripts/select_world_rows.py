#!/usr/bin/env python3
"""Copy into gpe.csv / org.csv the rows of the imported world lists that the news uses.

    python scripts/select_world_rows.py ../shared/bench            # print the rows it would add
    python scripts/select_world_rows.py ../shared/bench --write    # add them (then review the diff)

A name of imported/world-cities.csv or imported/global-brands.csv is used by the news when the
bench writes it exactly as imported in ``MIN_ARTICLES`` articles or more, followed and preceded
by a capitalised word in fewer than ``1 / MAX_SHARE`` of its mentions (it is not the start or end
of longer names) and in lower case less than ``1 / MAX_SHARE`` as often (it is no common word).
Rows already in the hand-edited files are left alone (gazetteers/README.md: World cities).
A football club's names (imported/football-clubs.csv) are counted in sport articles only (a word of
the game of ``grammar_club_sport_words`` in pipeline/data/tagger.toml): many clubs bear a town's
name ("FC Versailles", "Hannover 96"), and a palace or a university of that town is no use of the club.
The articles of the scored sets (every ``eval/*/`` folder: dev, held-out, blind batches) are not
counted: the bench is where blind batches are drawn from, and a name chosen because a scored
article uses it would flatter the score of text no rule was written from.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.gazetteer import ENTITY_COLUMNS, Gazetteer, read_table, write_table  # noqa: E402
from pipeline.extract.rules import TaggerRules  # noqa: E402
from pipeline.normalize import normalize_text  # noqa: E402

GAZ = ROOT / "gazetteers"
WORLD = {"world-cities.csv": "gpe.csv", "global-brands.csv": "org.csv", "football-clubs.csv": "org.csv"}
SPORT_ONLY = {"football-clubs.csv"}
MIN_ARTICLES = 2
MAX_SHARE = 5
TOKEN = re.compile(r"[^\W_][\w'&.+-]*[\w&+]|[^\W_]")


def scored_ids() -> set[str]:
    """The ids of every article some eval set scores (gold file names are article ids)."""
    return {p.stem for p in (ROOT / "eval").glob("*/*.json")}


def bench_texts(bench: Path):
    skip = scored_ids()
    for path in sorted(bench.rglob("*.jsonl")):
        for line in path.open(encoding="utf-8"):
            doc = json.loads(line)
            if doc.get("id") not in skip:
                yield normalize_text(doc.get("title", "") + "\n" + doc.get("text", ""))
    for path in sorted(bench.rglob("*.txt")):
        if path.stem not in skip:
            yield normalize_text(path.read_text(encoding="utf-8"))


def sport_only(texts):
    """The texts with a word of the game (rule link.club-place's ``grammar_club_sport_words``)."""
    words = TaggerRules.load().grammar["club_sport_words"]
    sport = re.compile("(?<!\\w)(?:" + "|".join(re.escape(w) for w in words) + ")(?!\\w)")
    return (t for t in texts if sport.search(t))


def count(names: list[str], bench: Path, sport: bool = False) -> dict[str, Counter]:
    """Per name: articles and mentions written as imported, capitalised neighbours, lower-case mentions."""
    keys = {tuple(t.casefold() for t in TOKEN.findall(n)): n for n in names}
    longest = max(len(k) for k in keys)
    stats: dict[str, Counter] = defaultdict(Counter)
    for text in (sport_only(bench_texts(bench)) if sport else bench_texts(bench)):
        found = set()
        tokens = list(TOKEN.finditer(text))
        folded = [t.group(0).casefold() for t in tokens]
        for i in range(len(tokens)):
            for k in range(min(longest, len(tokens) - i), 0, -1):
                name = keys.get(tuple(folded[i:i + k]))
                if name is None:
                    continue
                surface = text[tokens[i].start():tokens[i + k - 1].end()]
                if surface == name:
                    found.add(name)
                    stats[name]["mentions"] += 1
                    stats[name]["after"] += _capital_next(text, tokens, i + k - 1, i + k)
                    stats[name]["before"] += i > 0 and _capital_next(text, tokens, i - 1, i, before=True)
                elif surface.islower():
                    stats[name]["lower"] += 1
                break
        for name in found:
            stats[name]["articles"] += 1
    return stats


def _capital_next(text: str, tokens: list, left: int, right: int, before: bool = False) -> bool:
    if right >= len(tokens):
        return False
    word = tokens[left if before else right].group(0)
    return text[tokens[left].end():tokens[right].start()] == " " and word[:1].isupper()


def used(s: Counter) -> bool:
    m = s["mentions"]
    return (s["articles"] >= MIN_ARTICLES and s["after"] * MAX_SHARE < m and s["before"] * MAX_SHARE < m
            and s["lower"] * MAX_SHARE < m)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("bench", type=Path)
    ap.add_argument("--write", action="store_true", help="add the rows to gpe.csv / org.csv")
    args = ap.parse_args(argv)
    known = Gazetteer.load(GAZ, strict=False).entries
    for world, target in WORLD.items():
        rows = [r for r in csv.DictReader((GAZ / "imported" / world).open(encoding="utf-8")) if r["id"] not in known]
        stats = count([n for r in rows for n in [r["canonical"], *filter(None, r["aliases"].split(" | "))]], args.bench,
                      sport=world in SPORT_ONLY)
        added = []
        for r in rows:
            names = [n for n in [r["canonical"], *filter(None, r["aliases"].split(" | "))] if used(stats[n])]
            if names:
                added.append({**r, "aliases": " | ".join(a for a in r["aliases"].split(" | ") if a in names)})
        print(f"{world}: {len(added)} rows for {target}: {', '.join(r['canonical'] for r in added)}")
        if args.write and added:
            table = [row for _, row in read_table(GAZ / target, ENTITY_COLUMNS)[0]] + added
            write_table(GAZ / target, ENTITY_COLUMNS, sorted(table, key=lambda r: r["id"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
