"""Speed benchmark on ../shared/bench, as ratios against a baseline measured in the same run.

The baseline is the floor every Vietnamese pipeline pays: underthesea's sentence and word
segmentation of the same raw text, in one process, with nothing else. vnews is timed on the same
documents with 1 and 2 worker processes (no cache). The bench texts are read where they are and
copied only to a temporary directory, never into the project.

    python scripts/bench.py ../shared/bench [--limit 500] [--json out.json]
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from pipeline.config import load_config  # noqa: E402
from pipeline.io.readers import DumpReader  # noqa: E402
from pipeline.runner import extract  # noqa: E402


def sample(bench: Path, limit: int, work: Path) -> list[str]:
    """The first ``limit`` articles of each corpus, as a dump in ``work``."""
    work.mkdir(parents=True, exist_ok=True)
    with (bench / "baomoi-2017.jsonl").open(encoding="utf-8") as src, (work / "baomoi.jsonl").open("w", encoding="utf-8") as dst:
        for i, line in enumerate(src):
            if i >= limit:
                break
            dst.write(line)
    dantri = work / "dantri"
    dantri.mkdir()
    for path in sorted((bench / "dantri-2020-2021").glob("*.txt"))[:limit]:
        shutil.copy(path, dantri / path.name)
    return [str(work / "baomoi.jsonl"), str(dantri)]


def baseline(inputs: list[str]) -> tuple[int, int, float]:
    from underthesea import sent_tokenize, word_tokenize

    docs = list(DumpReader(inputs))
    chars = sum(len(line) for d in docs for line in d.lines)
    start = time.perf_counter()
    for d in docs:
        for line in d.lines:
            for sentence in sent_tokenize(line):
                word_tokenize(sentence)
    return len(docs), chars, time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("bench", type=Path)
    parser.add_argument("--limit", type=int, default=500, help="articles per corpus")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="vnews-bench-") as tmp:
        inputs = sample(args.bench, args.limit, Path(tmp) / "dump")
        n, chars, base = baseline(inputs)
        rows = [{"run": "baseline: underthesea sent+word segmentation", "workers": 1, "seconds": round(base, 2)}]
        for workers in (1, 2):
            cfg = load_config(run={"workers": workers, "cache_dir": ""})
            start = time.perf_counter()
            summary = extract(inputs, Path(tmp) / f"out{workers}", cfg)
            rows.append({"run": f"vnews extract ({summary.line()})", "workers": workers,
                         "seconds": round(time.perf_counter() - start, 2)})
    print(f"{n} documents, {chars / 1e6:.1f} M characters")
    print(f"{'run':<62} {'workers':>7} {'seconds':>8} {'docs/s':>7} {'x baseline':>10}")
    for r in rows:
        r["docs_per_second"] = round(n / r["seconds"], 1)
        r["ratio_to_baseline"] = round(r["seconds"] / base, 2)
        print(f"{r['run']:<62} {r['workers']:>7} {r['seconds']:>8} {r['docs_per_second']:>7} {r['ratio_to_baseline']:>10}")
    if args.json:
        args.json.write_text(json.dumps({"documents": n, "characters": chars, "rows": rows}, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
