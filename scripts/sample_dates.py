"""Re-score the dates of the hand-checked ordinary-news samples on the code of this checkout (issue
#14, round 11: statements told at an occasion the text names and does not date).

    python scripts/sample_dates.py [--run RUN_DIR] [--bench DIR] [-v]

Without ``--run`` the documents of the six samples (``eval/ordinary-news-events50*.jsonl``) are
linked from the bench into a temporary folder and extracted with ``vnews extract``. Each sampled
event is matched to the run's event of the same document, type and evidence sentence sharing a
participant (else the same document, type and evidence); its date is right when it is one the
checker accepts: the sampled date when the verdict ``date_ok`` is true, else the date the reason
names ("should be ''", "should be 2021-04-20") or, where the reason gives none in those words, the
one read from it by hand (``READ``). The first four samples were checked when the guide still dated
an undated statement "" (before ``published_occasion``): there a "" judged right accepts the
publication day too. Prints, per sample, how many dates are right (of those the checker judged right
and of those it judged wrong), how many sampled events the run no longer finds, and how many have no
readable verdict.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ("ordinary-news-events50.jsonl", "ordinary-news-events50-2026-12-02.jsonl",
           "ordinary-news-events50-2026-12-02b.jsonl", "ordinary-news-events50-2026-12-02c.jsonl",
           "ordinary-news-events50-2026-12-03.jsonl", "ordinary-news-events50-2026-12-03b.jsonl")
OLD_GUIDE = SAMPLES[:4]
PUBLISHED = "published"  # stands for the article's publication day among the accepted dates
SHOULD_BE = re.compile(r"""should be (?:the article's day or )?(""|''|\d{4}-\d{2}(?:-\d{2})?)""")
# The dates the checker's reason accepts where it does not write "should be …" (read by hand).
READ = {
    "news_business_043:E11:117": {"2021-04"}, "news_education_078:E6:73": {"2021-04-29"},
    "news_sport_123:E26:116": {""}, "news_tech_094:E2:217": {"2021-04-27"}, "news_tech_094:E2:227": {"2021-04-27"},
    "news_business_198:E1:0": {"2021-04-26"}, "news_society_036:E5:9": {"2021-04-27"},
    "news_society_104:E9:100": {"2021-04-29"}, "news_society_251:E2:70": {"2021-04-29"},
    "news_sport_215:E3:15": {""}, "news_business_109:E9:44": {"2021-04", ""}, "news_business_227:E7:13": {"2021"},
    "news_science_242:E7:150": {"2021-04-25"}, "news_society_073:E5:305": {"2021-04-27"},
    "news_society_225:E3:116": {"2021-04-30"}, "news_tech_017:E1:6": {"", PUBLISHED},
    "news_travel_215:E25:10": {"2021-04-26"}, "news_health_242:E17:23": {"2021-04-28"},
    "news_society_154:E8:167": {"2021-04-30"}, "news_education_220:E1:123": {"2021-04-12"},
    "news_entertainment_056:E4:50": {""}, "news_health_016:E3:0": {"", PUBLISHED},
    "news_travel_223:E3:95": {"", PUBLISHED},
}


def _key(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def accepted(sample: str, row: dict) -> set[str] | None:
    """The dates the checker accepts for a sampled event; None when its reason names none."""
    if row["date_ok"]:
        return {"", PUBLISHED} if row["date"] == "" and sample in OLD_GUIDE else {row["date"]}
    if row["event_id"] in READ:
        return READ[row["event_id"]]
    m = SHOULD_BE.search(row["reason"])
    return {m.group(1).strip("\"'")} if m else None


def extract(doc_ids: set[str], bench: Path, out: Path) -> None:
    docs = out / "docs"
    docs.mkdir(parents=True)
    for d in doc_ids:
        (docs / f"{d}.txt").symlink_to(bench / f"{d}.txt")
    subprocess.run([str(Path(sys.executable).parent / "vnews"), "extract", str(docs), "--out", str(out / "run"),
                    "--no-cache"], check=True, stdout=subprocess.DEVNULL)


def score(run: Path, bench: Path, verbose: bool) -> Counter:
    by_doc: dict[str, list[dict]] = {}
    with (run / "events.csv").open(encoding="utf-8", newline="") as fh:
        for r in csv.DictReader(fh):
            by_doc.setdefault(r["doc_id"], []).append(r)
    total: Counter = Counter()
    for sample in SAMPLES:
        c: Counter = Counter()
        for s in map(json.loads, (ROOT / "eval" / sample).open(encoding="utf-8")):
            ok = accepted(sample, s)
            if ok is None:
                c["no verdict"] += 1
                continue
            parts = set(s["participants"].split(" | ")) - {""}
            same = [r for r in by_doc.get(s["doc_id"], []) if r["type"] == s["type"]
                    and _key(r["evidence"]) == _key(s["evidence"])]
            found = [r for r in same if parts & set(r["participants"].split(" | "))] or same
            if not found:
                c["not found"] += 1
                continue
            head = (bench / f"{s['doc_id']}.txt").read_text(encoding="utf-8")[:400]
            m = re.search(r"# date = (\d{4})(\d\d)(\d\d)", head)
            published = f"{m.group(1)}-{m.group(2)}-{m.group(3)}" if m else None
            date = found[0]["date"]
            right = date in ok or (PUBLISHED in ok and date == published)
            c[("right" if right else "wrong") + (" (judged right)" if s["date_ok"] else " (judged wrong)")] += 1
            if verbose and right != s["date_ok"]:
                print(f"  {sample}: {s['event_id']} {s['date']!r} -> {date!r}, accepted {sorted(ok)}")
        c["right"] = c["right (judged right)"] + c["right (judged wrong)"]
        total.update(c)
        print(f"{sample:45s} " + ", ".join(f"{k} {v}" for k, v in sorted(c.items())))
    print(f"{'all':45s} " + ", ".join(f"{k} {v}" for k, v in sorted(total.items())))
    return total


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--run", type=Path, help="a finished run over the samples' documents")
    ap.add_argument("--bench", type=Path, default=ROOT.parent / "shared" / "bench" / "dantri-2020-2021")
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args()
    if args.run is not None:
        score(args.run, args.bench, args.verbose)
        return
    ids = {json.loads(line)["doc_id"] for sample in SAMPLES for line in (ROOT / "eval" / sample).open(encoding="utf-8")}
    with tempfile.TemporaryDirectory() as tmp:
        extract(ids, args.bench, Path(tmp))
        score(Path(tmp) / "run", args.bench, args.verbose)


if __name__ == "__main__":
    main()
