"""Draw a blind annotation batch: a seeded random sample across the bench's categories.

    python scripts/sample_batch.py BATCH [BENCH]   # prints one id a line

Batch 4 (eval/blind4/, seed 20261201): two articles from each of the ten dantri categories and
twenty baomoi articles of at least 800 characters.
Batch 5 (eval/blind5/, seed 20261202): three articles from each dantri category (27 of 40 outside
world news) and ten baomoi articles of at least 800 characters.
Batch 6 (eval/blind6/, seed 20261203): drawn the same way as batch 5, excluding batches 4 and 5.
Batch 7 (eval/blind7/, seed 20261204): drawn the same way, excluding batches 4, 5 and 6.
A batch never repeats an article of the dev or held-out gold or of an earlier batch; later batches
are left out of the exclusion, so every draw is reproducible whatever has been added since.
From batch 30 on, a draw also leaves out the bench articles the rules, gazetteers and tests quote (a rule's
example names its article; eight of batch 29's forty were quoted, text a rule was written from). The list
is frozen when the batch is drawn (`python scripts/sample_batch.py N --freeze` writes
eval/blindN.quoted.txt), so the draw stays reproducible as rules quote more articles later.
Annotated from ../shared/ANNOTATION.md and the texts only, then scored once before anyone looked
at the output.
"""

from __future__ import annotations

import glob
import json
import os
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# batch -> (seed, articles per dantri category, baomoi articles)
BATCHES = {4: (20261201, 2, 20), 5: (20261202, 3, 10), 6: (20261203, 3, 10), 7: (20261204, 3, 10), 8: (20261205, 3, 10), 9: (20261206, 3, 10), 10: (20261207, 3, 10), 11: (20261208, 3, 10), 12: (20261209, 3, 10), 13: (20261210, 3, 10), 14: (20261211, 3, 10), 15: (20261212, 3, 10), 16: (20261213, 3, 10), 17: (20261214, 3, 10), 18: (20261215, 3, 10), 19: (20261216, 3, 10), 20: (20261217, 3, 10), 21: (20261218, 3, 10), 22: (20261219, 3, 10), 23: (20261220, 3, 10), 24: (20261221, 3, 10), 25: (20261222, 3, 10), 26: (20261223, 3, 10), 27: (20261224, 3, 10), 28: (20261225, 3, 10), 29: (20261226, 3, 10), 30: (20261227, 3, 10), 31: (20261228, 3, 10), 32: (20261229, 3, 10), 33: (20261230, 3, 10), 34: (20261231, 3, 10), 35: (20270101, 3, 10), 36: (20270102, 3, 10), 37: (20270103, 3, 10), 38: (20270104, 3, 10)}
MIN_BAOMOI_CHARS = 800
EVAL = ROOT / "eval"
# the first batch drawn without the articles the project quotes
QUOTES_FROM = 30
_QUOTED_ID = re.compile(r"\b(?:news_[a-z]+_\d{3}|baomoi-\d+)\b")
_QUOTING = ("pipeline", "gazetteers", "tests", "scripts")


def quoted_articles(root: Path = ROOT) -> set[str]:
    """The bench articles the project's code, data and tests name (rule examples, gazetteer sources, test texts)."""
    ids: set[str] = set()
    for folder in _QUOTING:
        for path in sorted((root / folder).rglob("*")):
            if path.is_file() and path.suffix in (".toml", ".csv", ".py", ".md", ".json", ".jsonl", ".txt"):
                ids |= set(_QUOTED_ID.findall(path.read_text(encoding="utf-8", errors="replace")))
    return ids


def _quoted(batch: int) -> set[str]:
    if batch < QUOTES_FROM:
        return set()
    frozen = EVAL / f"blind{batch}.quoted.txt"
    if not frozen.exists():
        raise SystemExit(f"{frozen} is missing: draw batch {batch} with --freeze, which writes the articles quoted now")
    return set(frozen.read_text(encoding="utf-8").split())


def _excluded(batch: int) -> set[str]:
    folders = ["gold", "heldout"] + [f"blind{k}" for k in BATCHES if k < batch]
    gold = {os.path.basename(p)[:-5] for f in folders for p in glob.glob(str(EVAL / f / "*.json"))}
    return gold | _quoted(batch)


def main(batch: int, bench: str) -> list[str]:
    seed, per_category, n_baomoi = BATCHES[batch]
    random.seed(seed)
    gold = _excluded(batch)
    cats: dict[str, list[str]] = {}
    for p in sorted(glob.glob(bench + "/dantri-2020-2021/*.txt")):
        n = os.path.basename(p)[:-4]
        if n not in gold:
            cats.setdefault(n.rsplit("_", 1)[0], []).append(n)
    pick: list[str] = []
    for c in sorted(cats):
        pick += random.sample(cats[c], per_category)
    baomoi = []
    with open(bench + "/baomoi-2017.jsonl", encoding="utf-8") as fh:
        for line in fh:
            d = json.loads(line)
            if d["id"] not in gold and len(d.get("text", "")) >= MIN_BAOMOI_CHARS:
                baomoi.append(d["id"])
    return pick + random.sample(baomoi, n_baomoi)


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if a != "--freeze"]
    batch = int(args[0]) if args else max(BATCHES)
    bench = args[1] if len(args) > 1 else str(ROOT.parent / "shared" / "bench")
    if "--freeze" in sys.argv[1:] and batch >= QUOTES_FROM:
        (EVAL / f"blind{batch}.quoted.txt").write_text("\n".join(sorted(quoted_articles())) + "\n", encoding="utf-8")
    print("\n".join(main(batch, bench)))
