"""Build a large .jsonl.gz dump from ../shared/bench for load tests (never inside the project).

The bench articles (baomoi, then dantri) are written in order and repeated until ``--docs``
documents are out; a repeated article gets a new id (``<id>#r<round>``), so every id is unique
and the copies are real duplicates (same text), which the run must find before extracting them.

    python scripts/big_dump.py ../shared/bench --docs 100000 --out /tmp/vnews-100k.jsonl.gz
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.io.readers import DumpReader  # noqa: E402


def build(bench: Path, docs: int, out: Path) -> int:
    inputs = [str(bench / "baomoi-2017.jsonl"), str(bench / "dantri-2020-2021")]
    # Read once (about 40 MB), written as often as needed.
    records = [{"id": doc.doc_id, "url": doc.url, "title": doc.title, "published": doc.published,
                "source": doc.source, "text": "\n".join(doc.lines)}
               for doc in DumpReader(inputs) if doc.status != "error"]
    with gzip.open(out, "wt", encoding="utf-8", compresslevel=6) as fh:
        for n in range(docs):
            round_, record = divmod(n, len(records))[0], records[n % len(records)]
            if round_:
                record = {**record, "id": f"{record['id']}#r{round_}"}
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")
    return docs


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("bench", type=Path)
    parser.add_argument("--docs", type=int, default=100_000)
    parser.add_argument("--out", type=Path, default=Path("/tmp/vnews-100k.jsonl.gz"))
    args = parser.parse_args()
    if args.out.resolve().is_relative_to(ROOT):
        parser.error(f"{args.out}: write it outside the project (bench text must not be committed)")
    started = time.perf_counter()
    n = build(args.bench, args.docs, args.out)
    print(f"{n} documents -> {args.out} ({args.out.stat().st_size / 1e6:.1f} MB, "
          f"{time.perf_counter() - started:.0f} s)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
