"""Draw a blind annotation batch: a seeded random sample across the bench's categories.

    python scripts/sample_batch.py SEED [BENCH]   # prints one id a line

Batch 4 (eval/blind4/, seed 20261201): two articles from each of the ten dantri categories and
twenty baomoi articles of at least 800 characters, none already in the gold. Annotated from
../shared/ANNOTATION.md and the texts only, then scored once before anyone looked at the output.
"""

from __future__ import annotations

import glob
import json
import os
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main(seed: int, bench: str) -> list[str]:
    random.seed(seed)
    gold = {os.path.basename(p)[:-5] for p in glob.glob(str(ROOT / "eval" / "*" / "*.json"))}
    # The batch itself is in the gold now: leave it out so the draw is reproducible.
    gold -= {os.path.basename(p)[:-5] for p in glob.glob(str(ROOT / "eval" / "blind4" / "*.json"))}
    cats: dict[str, list[str]] = {}
    for p in sorted(glob.glob(bench + "/dantri-2020-2021/*.txt")):
        n = os.path.basename(p)[:-4]
        if n not in gold:
            cats.setdefault(n.rsplit("_", 1)[0], []).append(n)
    pick: list[str] = []
    for c in sorted(cats):
        pick += random.sample(cats[c], 2)
    baomoi = []
    with open(bench + "/baomoi-2017.jsonl", encoding="utf-8") as fh:
        for line in fh:
            d = json.loads(line)
            if d["id"] not in gold and len(d.get("text", "")) >= 800:
                baomoi.append(d["id"])
    return pick + random.sample(baomoi, 20)


if __name__ == "__main__":
    seed = int(sys.argv[1]) if len(sys.argv) > 1 else 20261201
    bench = sys.argv[2] if len(sys.argv) > 2 else str(ROOT.parent / "shared" / "bench")
    print("\n".join(main(seed, bench)))
