"""Status: planned, occurred or unspecified, from the cue words of the trigger's clause, else
from the event's date against the article's."""

from __future__ import annotations

import datetime as dt

from ..dates import EstimatedDate
from .lexicon import Lexicon
from .records import _Args, _Hit
from .words import _QUOTED, _opened


def _status_by_date(date: str, precision: str, reference: dt.date | None) -> str:
    """planned after the article's date, occurred before or on it (same day); else unspecified."""
    if not date or reference is None:
        return "unspecified"
    if isinstance(reference, EstimatedDate):
        # Only the year is known: an event in the same year may be before or after the article.
        year, known = date[:4], f"{reference.year:04d}"
        return "planned" if year > known else "occurred" if year < known else "unspecified"
    ref = reference.isoformat()[:len(date)]
    if date > ref:
        return "planned"
    if date < ref or precision == "day":
        return "occurred"
    return "unspecified"



class StatusMixin:
    lex: Lexicon

    def _status(self, hit: _Hit, args: _Args, reference: dt.date | None, extend: bool) -> str:
        """Nearest status cue in the trigger's clause (for a noun, also the rest of its stretch),
        ignoring cue words inside names; else the date against the article's date."""
        s, text = hit.s, hit.s.para.text
        c0, c1 = hit.clause
        lo = max(c0, hit.seg_start)
        if extend:
            hi = hit.seg_end
        elif hit.rules[0].type == "STATEMENT":
            hi = hit.start  # what follows a statement verb is what was said
        else:
            hi = min(c1, hit.seg_end)
        best: tuple[int, str] | None = None
        quoted = [q.span() for q in _QUOTED.finditer(text, s.start, s.end)]
        for pattern, status in ((self.lex.planned, "planned"), (self.lex.occurred, "occurred")):
            for m in pattern.finditer(text, lo, hi):
                if hit.start <= m.start() < hit.end:
                    continue
                if any(q0 < m.start() < q1 for q0, q1 in quoted) or _opened(text, s.start, m.start(), "“", "”"):
                    continue  # "… điện đàm hôm 26/4 rằng: “chúng tôi sẽ làm điều đó”": what was said
                if any(x.start < m.end() and m.start() < x.end for x in s.mentions):
                    continue  # "Kế hoạch hợp tác chung" is a name, not a plan
                dist = hit.start - m.end() if m.end() <= hit.start else m.start() - hit.end
                if best is None or dist < best[0]:
                    best = (dist, status)
        if best is not None:
            return best[1]
        return _status_by_date(args.date, args.precision, reference)

