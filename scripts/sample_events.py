"""Draw a seeded sample of events from ordinary news for hand-checking (issue #14, item 3).

    python scripts/sample_events.py RUN_DIR [--seed N] [--size 50]   # JSON lines on stdout

RUN_DIR is a finished run over the dantri bench corpus (`vnews extract ../shared/bench/dantri-2020-2021
--out RUN_DIR`). The sample is drawn from the events of the categories outside world news (business,
education, entertainment, health, science, society, sport, tech, travel), in event-id order before
the seeded draw, so the same run and seed give the same sample; documents of the gold sets
(eval/gold, eval/heldout, eval/blind*) are left out, so the checker never reads the system's output
on an unseen batch. Each line is the event's row of events.csv; the checker adds "correct",
"date_ok" and "reason".
"""

from __future__ import annotations

import argparse
import csv
import json
import random
from pathlib import Path

ORDINARY = ("business", "education", "entertainment", "health", "science", "society", "sport", "tech", "travel")
FIELDS = ("event_id", "doc_id", "type", "status", "date", "date_basis", "date_text", "location", "participants",
          "instrument", "amount", "currency", "trigger", "evidence")


ROOT = Path(__file__).resolve().parent.parent


def gold_ids(eval_dir: Path = ROOT / "eval") -> set[str]:
    """The documents of every annotated set: each folder of ``eval_dir`` (gold, heldout, blind4 …
    and the newest blind batch too) holds one ``DOC_ID.json`` a document (``vnews eval`` refuses a
    file whose id is not its name)."""
    return {p.stem for p in eval_dir.glob("*/*.json")}


def sample(run_dir: Path, seed: int, size: int, eval_dir: Path = ROOT / "eval") -> list[dict]:
    gold = gold_ids(eval_dir)
    with (run_dir / "events.csv").open(encoding="utf-8", newline="") as fh:
        rows = [r for r in csv.DictReader(fh) if r["doc_id"] not in gold
                and r["doc_id"].startswith("news_") and r["doc_id"].rsplit("_", 1)[0][5:] in ORDINARY]
    rows.sort(key=lambda r: r["event_id"])
    rng = random.Random(seed)
    return [{k: r[k] for k in FIELDS} for r in sorted(rng.sample(rows, min(size, len(rows))),
                                                      key=lambda r: r["event_id"])]


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("run_dir", type=Path)
    ap.add_argument("--seed", type=int, default=20261202)
    ap.add_argument("--size", type=int, default=50)
    args = ap.parse_args()
    for row in sample(args.run_dir, args.seed, args.size):
        print(json.dumps(row, ensure_ascii=False))
