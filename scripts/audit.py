"""`make audit`: what the normaliser changes on the bench (golden file) and a boilerplate audit.

    python scripts/audit.py [BENCH] [--write-golden]
"""

from __future__ import annotations

import sys
from pathlib import Path

from pipeline.audit import bench_articles, boilerplate_audit, format_changes, normalizer_changes, sample_articles

SAMPLE, SEED = 500, 11

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "golden" / "normalize_changes.tsv"


def main(argv: list[str]) -> int:
    args = [a for a in argv if not a.startswith("--")]
    bench = Path(args[0]) if args else ROOT.parent / "shared" / "bench"
    changed, broken = normalizer_changes(text for _, text in bench_articles(bench))
    print(f"normaliser: {len(changed)} distinct syllables retoned, {len(broken)} with letters changed")
    for syllable in broken:
        print(f"  LETTERS CHANGED: {syllable!r}")
    text = format_changes(changed)
    if "--write-golden" in argv:
        GOLDEN.write_text(text, encoding="utf-8")
        print(f"wrote {GOLDEN.relative_to(ROOT)}")
    elif GOLDEN.read_text(encoding="utf-8") != text:
        print(f"{GOLDEN.relative_to(ROOT)} differs: review, then rerun with --write-golden")
        return 1
    report = boilerplate_audit(sample_articles(bench, SAMPLE, SEED))
    print(f"boilerplate audit, {report['articles']} articles (seed {SEED}): "
          f"{len(report['surviving'])} surviving furniture sentences "
          f"({report['surviving_per_100']} per 100 articles; target <= 1), "
          f"{len(report['content_removed'])} removed lines that read like content (target 0)")
    for doc_id, line, text in report["surviving"]:
        print(f"  SURVIVING {doc_id}:{line}: {text}")
    for doc_id, line, rule, text in report["content_removed"]:
        print(f"  CONTENT? {doc_id}:{line} [{rule}]: {text}")
    return 1 if broken else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
