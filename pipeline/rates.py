"""Events per 100 articles by news category: watching precision on ordinary news.

A rule fitted to diplomatic articles that fires on sport or health news shows here at once (a
burst of MEETINGs in sport). Categories come from the bench's ids: dantri's ``news_<category>_NNN``;
baomoi articles carry none and count as one mixed group.
"""

from __future__ import annotations

import csv
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from .errors import UsageError
from .io.publish import recover

__all__ = ["category_of", "event_rates", "RatesReport"]

EVENT_TYPES = ("MEETING", "DIALOGUE", "CONFERENCE", "VISIT", "SIGNING", "STATEMENT", "FUNDING", "WITHDRAWAL")
_MIXED = "baomoi (all topics)"


def category_of(doc_id: str) -> str:
    parts = doc_id.split("_")
    if len(parts) >= 3 and parts[0] == "news":
        return "_".join(parts[1:-1])
    return _MIXED if doc_id.startswith("baomoi") else "other"


@dataclass(slots=True)
class RatesReport:
    articles: Counter[str] = field(default_factory=Counter)
    events: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))

    def per_100(self, category: str, etype: str | None = None) -> float:
        n = self.articles[category]
        found = self.events[category][etype] if etype else sum(self.events[category].values())
        return round(100 * found / n, 1) if n else 0.0

    def as_dict(self) -> dict:
        return {c: {"articles": self.articles[c], "events_per_100": self.per_100(c),
                    **{t: self.per_100(c, t) for t in EVENT_TYPES}} for c in sorted(self.articles)}

    def to_text(self) -> str:
        head = f"{'category':22} {'articles':>8} {'all':>6} " + " ".join(f"{t[:5]:>6}" for t in EVENT_TYPES)
        lines = ["Events per 100 articles (status ok), by category", head]
        for c in sorted(self.articles):
            lines.append(f"{c:22} {self.articles[c]:>8} {self.per_100(c):>6} "
                         + " ".join(f"{self.per_100(c, t):>6}" for t in EVENT_TYPES))
        return "\n".join(lines)


def event_rates(out_dir: str | Path) -> RatesReport:
    """Count the ok articles and their events per category in an output directory."""
    out = Path(out_dir)
    recover(out)  # a publish a kill interrupted is completed before anything is read
    if not (out / "documents.csv").is_file() or not (out / "events.csv").is_file():
        raise UsageError(f"{out}: no documents.csv/events.csv; extract the bench into it first "
                         "(`vnews extract ../shared/bench --out DIR`)")
    report = RatesReport()
    ok: set[str] = set()
    with (out / "documents.csv").open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            if row["status"] == "ok":
                ok.add(row["doc_id"])
                report.articles[category_of(row["doc_id"])] += 1
    with (out / "events.csv").open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            if row["doc_id"] in ok:
                report.events[category_of(row["doc_id"])][row["type"]] += 1
    return report
