"""Date expressions in Vietnamese news text, resolved against the article's date.

:func:`find_dates` reports every date expression of a (normalised) text with its
character span and an ISO value; :func:`parse_iso_date` reads the dates found in
article metadata.

Resolution rules, in short:

* A full date ("24/11/2021", "ngày 24 tháng 11 năm 2021") needs no reference.
* A day and month without a year takes the year that puts it closest to the
  reference date (an article of 2022-01-05 saying "ngày 24/12" means 2021-12-24),
  unless a following word says which way to look ("tới", "vừa qua", "năm ngoái").
* A bare day ("ngày 20") is the latest such day on or before the reference:
  news mostly reports what already happened.
* Words relative to the article ("hôm qua", "tuần tới", "năm ngoái", "thứ Hai")
  are counted from the reference; weeks start on Monday.
* Without a reference, everything that needs one comes back with ``date == ""``
  and ``precision == ""``; the span is still reported.  The current date is never
  used: re-running the pipeline next year must give the same answers.

Conservative by design: a number pair is only a date when something says so (a
"ngày/sáng/hôm..." cue, a four-digit year, a temporal preposition such as "từ" or
"đến", or brackets), because news text is full of fractions ("1/3"), legal
references ("Nghị định 06/2022", "Điều 6.2") and round-the-clock "24/7".
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from types import MappingProxyType
from typing import Callable, Mapping

from .datafiles import load_toml

__all__ = ["DateMention", "EstimatedDate", "find_dates", "parse_iso_date"]


class EstimatedDate(datetime.date):
    """A reference date that only knows its year: the year estimated for an article without a
    publication date (``Document.year_estimate``). Against it, a day and month, or a month, resolve
    inside that year; what needs the day itself ("hôm qua", "thứ Hai", "ngày 20", "tuần tới") stays
    unresolved rather than counted from a made-up day."""

    __slots__ = ()

    @classmethod
    def of_year(cls, year: int) -> "EstimatedDate":
        return cls(year, 7, 1)  # mid-year: "6/2" and "28/12" both fall in the year itself



# ---------------------------------------------------------------------------
# The words of the grammar, read once from pipeline/data/dates.toml.
# ---------------------------------------------------------------------------


def _frozen(value):
    """A parsed TOML value made read-only: tables become mapping proxies, lists tuples."""
    if isinstance(value, dict):
        return MappingProxyType({key: _frozen(item) for key, item in value.items()})
    if isinstance(value, list):
        return tuple(_frozen(item) for item in value)
    return value


def _load_words() -> Mapping:
    """The words of pipeline/data/dates.toml, read once at import, read-only."""
    return _frozen(load_toml("dates.toml", what="date words")[0])


_DATA = _load_words()


def _alt(words) -> str:
    """A regex alternation of words in the given order; a space matches one space, and
    everything else literally."""
    return "|".join(re.escape(word).replace("\\ ", "[ ]") for word in words)


def _word(key: str) -> str:
    """One word of the ``[words]`` table as a regex."""
    return _alt([_DATA["words"][key]])


def _list(key: str) -> str:
    """A list of the ``[lists]`` table as a regex alternation."""
    return _alt(_DATA["lists"][key])


def _context(key: str) -> str:
    """A list of the ``[context]`` table as a regex alternation."""
    return _alt(_DATA["context"][key])


def _table(key: str) -> Mapping[str, int | str]:
    """A lookup table of the data file (read-only), in the file's order."""
    return _DATA[key]


_DAY = _word("day")
_PAST_DAY = _word("past_day")
_MONTH = _word("month")
_YEAR = _word("year")
_WEEK = _word("week")
_QUARTER = _word("quarter")
_THIS = _word("this")
_COMING = _word("coming")
_PASSED = _word("passed")
_PARTS = _list("parts")
# "ngày" as the lowered text of a cue, which alone does not make "thứ hai" a weekday.
_DAY_WORD = _DATA["words"]["day"]

# With an estimated year, an expression resolves only when it writes its month out.
_MONTH_GIVEN = re.compile(rf"\d{{1,2}}[ ]?[/.\-][ ]?\d{{1,2}}|{_MONTH}[ ]\d{{1,2}}", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class DateMention:
    """One date expression of a text.

    ``text[start:end] == mention.text``.  ``date`` is ISO at the given
    ``precision`` ("2023-08-23" for "day", "2023-08" for "month", "2023" for
    "year"); ``date_end`` is the end of a range ("ngày 23 đến 24 tháng 8", "tuần
    tới", "quý 1/2024") at the same precision, else "".  Both are "" and
    ``precision`` is "" when the expression cannot be resolved (no reference
    date, a lunar date, 29/2 without a leap year nearby).  ``relative`` is True
    when the value depends on the reference date (a missing year, "hôm qua",
    "tuần tới", a weekday), also when no reference was given and it is
    therefore unresolved.
    """

    start: int
    end: int
    text: str
    date: str
    date_end: str
    precision: str
    relative: bool


@dataclass(frozen=True, slots=True)
class _Found:
    """A candidate span with its resolution, before overlaps are settled."""

    start: int
    end: int
    date: str = ""
    date_end: str = ""
    precision: str = ""
    relative: bool = False


_FLAGS = re.IGNORECASE
_MIN_YEAR = 1000
_MAX_YEAR = 2999
# How far back the context checks look; the longest cue ("Quyết định số ") is shorter, and so
# must be every [context] entry of pipeline/data/dates.toml (tests/test_vietnamese_in_data.py).
_LOOKBACK = 40

# ---------------------------------------------------------------------------
# Building blocks.  Text is normalised (single ASCII spaces), so "[ ]" and not
# "\s+": a date never runs across a line break.
# ---------------------------------------------------------------------------

_TOD = f"(?:{_list('times_of_day')})"
# Words that announce a day of the month: "ngày 24/11", "sáng 11/1", "hôm 28/4",
# "chiều ngày 23/5", "ngày mùng 2/9".
_DAY_CUE = (
    rf"(?:(?:{_TOD}(?:[ ](?:{_DAY}|{_PAST_DAY}))?|{_DAY}|{_PAST_DAY})"
    rf"(?:[ ](?:{_list('day_ordinals')}))?|{_list('day_ordinals')})"
)
_WEEKDAYS = _table("weekdays")
_WEEKDAY_WORD = f"(?:{_alt(_WEEKDAYS)})"
# "ngày 24/11 (thứ Tư)": the bracketed weekday belongs to the date's span.
_WEEKDAY_PAREN = (
    rf"(?:[ ]?\([ ]?(?:{_word('weekday')}[ ](?:{_WEEKDAY_WORD}|[2-7])|{_word('sunday')})[ ]?\))?"
)
# A lunar date must not be read as a solar one.
_LUNAR = rf"(?P<lunar>[ ]\([ ]?(?:{_list('lunar')})[ ]?\)|[ ](?:{_list('lunar')})(?!\w))?"
# Connectors of a range; "và" only between two days of one month ("ngày 20 và 21/11").
_CONN = rf"(?:[ ]?[-–—][ ]?|[ ](?:{_list('range_connectors')})[ ])"
_CONN_DAYS = rf"(?:[ ]?[-–—][ ]?|[ ](?:{_list('day_range_connectors')})[ ])"
# A date ends here: no more digits, no "/QĐ-TTg", no "24/11/21".
_NUM_END = r"(?![\d/]|[.\-,]\d)"


def _day_month(tag: str, seps: str = r"/.\-", closed: bool = True) -> str:
    """Regex for a day and month with an optional year, its groups prefixed by ``tag``.

    Numeric ("24/11", "24.11", "24-11-2021", "24/11 năm 2021") or spelled
    ("24 tháng 11", "24 tháng 11 năm 2021", "24 tháng 11/2021").  ``closed``
    adds the end guard; the first half of a range leaves it off because "-"
    followed by a digit is its connector.
    """
    return (
        rf"(?:(?P<{tag}d>\d{{1,2}})(?P<{tag}s>[{seps}])(?P<{tag}m>\d{{1,2}})"
        rf"(?:(?P={tag}s)(?P<{tag}y>\d{{4}})|[ ]{_YEAR}[ ](?P<{tag}ny>\d{{4}}))?"
        rf"|(?P<{tag}vd>\d{{1,2}})[ ]{_MONTH}[ ](?P<{tag}vm>\d{{1,2}})"
        rf"(?:,?[ ]{_YEAR}[ ](?P<{tag}vy>\d{{4}})|[ ]?/[ ]?(?P<{tag}sy>\d{{4}}))?)"
        + (_NUM_END if closed else r"(?![\d/])")
    )


def _qualifier(tag: str) -> str:
    """Regex for the optional word after a yearless date that says which year it is."""
    return (
        rf"(?:[ ](?P<{tag}>{_list('qualifier_phrases')}"
        rf"|{_YEAR}[ ](?:{_list('qualifier_years')})(?![ ]?\d)"
        rf"|{_THIS}|{_COMING}(?![ ](?:{_list('coming_not_before')}|{_TOD}|\d)))"
        rf"(?!\w))?"
    )


# Which way a qualifier points.
_QUALIFIER_KIND = _table("qualifier_kinds")

_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4}

# ---------------------------------------------------------------------------
# Context checks: each pattern ends in "$" and is searched in the text just
# before a candidate (or matched just after it).
# ---------------------------------------------------------------------------

# Prepositions that make a bare "24/11" or "23 - 24/8" a date.
_TEMPORAL_BEFORE = re.compile(rf"(?<!\w)(?:{_context('temporal_before')})[ ]$", _FLAGS)
# Prepositions that make a bare "2030" or "6/2024" a year or month.
_YEAR_BEFORE = re.compile(rf"(?<!\w)(?:{_context('year_before')})[ ]$", _FLAGS)
# Nouns that make a bare "2021-2030" a span of years.
_PERIOD_BEFORE = re.compile(rf"(?<!\w)(?:{_context('period_before')})[ ]$", _FLAGS)
# Numbers of legal documents and articles look like dates: "Nghị định 06/2022",
# "Quyết định số 13/2020/QĐ-TTg", "Điều 6.2".
_LEGAL_BEFORE = re.compile(rf"(?<!\w)(?:{_context('legal_before')})[ ]?$", _FLAGS)
# "lần thứ hai", "Thế chiến thứ Hai": ordinals, not weekdays.
_ORDINAL_BEFORE = re.compile(rf"(?<!\w)(?:{_context('ordinal_before')})[ ]$", _FLAGS)
# Prepositions that make a lowercase "thứ hai" a weekday ("vào thứ hai").
_WEEKDAY_BEFORE = re.compile(rf"(?<!\w)(?:{_context('weekday_before')})[ ]$", _FLAGS)
# "2 năm trước", "những tháng tới", "một tuần sau": durations, not calendar periods.
_QUANTITY_BEFORE = re.compile(
    rf"(?<!\w)(?:\d+(?:[.,]\d+)?|{_context('quantity_before')})[ ]$", _FLAGS
)
# "3 ngày 2 đêm", "mỗi ngày 2 lần", "mỗi tháng 2 lần".
_EVERY_BEFORE = re.compile(rf"(?<!\w)(?:\d+|{_context('every_before')})[ ]$", _FLAGS)
# A count follows a day or month number: "ngày 2 lần", "mỗi tháng 2 buổi", "3 ngày 2 đêm".
_COUNT_AFTER = re.compile(rf"[ ]?(?:%|{_context('count_after')})(?!\w)", _FLAGS)
# A quantity follows a four-digit number: "đến 2030 tỷ đồng", "từ 1950 lên 2000".
_AMOUNT_AFTER = re.compile(rf"[ ]?(?:%|{_context('amount_after')})(?!\w)", _FLAGS)


def _preceded_by(pattern: re.Pattern[str], text: str, pos: int) -> bool:
    """True when the text just before ``pos`` ends with ``pattern`` (which ends in "$")."""
    return pattern.search(text, max(0, pos - _LOOKBACK), pos) is not None


def _bracketed(text: str, start: int, end: int) -> bool:
    """True when ``text[start:end]`` is the whole content of a pair of brackets."""
    return start > 0 and text[start - 1] == "(" and text.startswith(")", end)


# ---------------------------------------------------------------------------
# Calendar arithmetic.
# ---------------------------------------------------------------------------


def _make(year: int, month: int, day: int) -> datetime.date | None:
    """The date, or None when it does not exist (31/2, 29/2/2021)."""
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None


def _possible(month: int, day: int) -> bool:
    """True when day/month exists in some year; 2000 is a leap year, so 29/2 passes."""
    return _make(2000, month, day) is not None


def _shift_month(year: int, month: int, by: int) -> tuple[int, int]:
    """(year, month) moved by ``by`` months."""
    index = year * 12 + (month - 1) + by
    return index // 12, index % 12 + 1


def _year_for_day(
    ref: datetime.date, month: int, day: int, kind: str | None
) -> datetime.date | None:
    """The date of a yearless day/month seen from ``ref``; None when none fits.

    ``kind`` comes from the qualifier: "future" (on or after ref), "past" (on
    or before), "this"/"prev"/"next" (that year); None means the closest
    one, ties going to the reference's year.
    """
    if kind in ("this", "prev", "next"):
        return _make(ref.year + {"this": 0, "prev": -1, "next": 1}[kind], month, day)
    if kind == "future":
        # Five years so that 29/2 always finds a leap year.
        for year in range(ref.year, ref.year + 5):
            found = _make(year, month, day)
            if found is not None and found >= ref:
                return found
        return None
    if kind == "past":
        for year in range(ref.year, ref.year - 5, -1):
            found = _make(year, month, day)
            if found is not None and found <= ref:
                return found
        return None
    options = [
        found
        for year in (ref.year - 1, ref.year, ref.year + 1)
        if (found := _make(year, month, day)) is not None
    ]
    if not options:
        return None
    return min(options, key=lambda d: (abs((d - ref).days), d.year != ref.year))


def _year_for_month(ref: datetime.date, month: int, kind: str | None) -> int:
    """The year of a yearless month seen from ``ref`` (see :func:`_year_for_day`)."""
    if kind in ("this", "prev", "next"):
        return ref.year + {"this": 0, "prev": -1, "next": 1}[kind]
    if kind == "future":
        return ref.year if month >= ref.month else ref.year + 1
    if kind == "past":
        return ref.year if month <= ref.month else ref.year - 1
    here = ref.year * 12 + ref.month
    return min(
        (ref.year - 1, ref.year, ref.year + 1),
        key=lambda y: (abs(y * 12 + month - here), y != ref.year),
    )


def _day_near(ref: datetime.date, day: int, kind: str | None) -> datetime.date | None:
    """The date of a bare day of the month ("ngày 20") seen from ``ref``.

    The latest such day on or before ref; with "tới" the first on or after;
    with "này" the one in ref's month.  None when the day does not exist
    (within a year of searching, or in ref's month for "này").
    """
    if kind == "this":
        return _make(ref.year, ref.month, day)
    step = 1 if kind == "future" else -1
    for k in range(13):
        year, month = _shift_month(ref.year, ref.month, step * k)
        found = _make(year, month, day)
        if found is not None and (found >= ref if step > 0 else found <= ref):
            return found
    return None


def _monday(ref: datetime.date, weeks: int = 0) -> datetime.date:
    """Monday of ref's week moved by ``weeks``."""
    return ref - datetime.timedelta(days=ref.weekday()) + datetime.timedelta(weeks=weeks)


def _month_iso(year: int, month: int) -> str:
    """ISO year-month, "2021-11"."""
    return f"{year:04d}-{month:02d}"


def _year_iso(year: int) -> str:
    """ISO year, "2021"."""
    return f"{year:04d}"


# ---------------------------------------------------------------------------
# Match helpers.
# ---------------------------------------------------------------------------


def _parts(m: re.Match[str], tag: str) -> tuple[int, int, int | None] | None:
    """(day, month, year or None) of a :func:`_day_month` group set, None if it did not match."""
    if m.group(tag + "d") is not None:
        year = m.group(tag + "y") or m.group(tag + "ny")
        return int(m.group(tag + "d")), int(m.group(tag + "m")), int(year) if year else None
    if m.group(tag + "vd") is not None:
        year = m.group(tag + "vy") or m.group(tag + "sy")
        return int(m.group(tag + "vd")), int(m.group(tag + "vm")), int(year) if year else None
    return None


def _kind(word: str | None) -> str | None:
    """The direction a qualifier word points to (see ``_QUALIFIER_KIND``)."""
    if not word:
        return None
    return _QUALIFIER_KIND.get(" ".join(word.lower().split()))


def _year_ok(year: int) -> bool:
    """True for a year a news article can plausibly mean as written."""
    return _MIN_YEAR <= year <= _MAX_YEAR


def _unresolved(start: int, end: int) -> _Found:
    """A span whose value needs the reference date that was not given."""
    return _Found(start, end, relative=True)


def _day_found(
    start: int, end: int, day: datetime.date | None, relative: bool,
    last: datetime.date | None = None,
) -> _Found:
    """A day-precision result; unresolved when ``day`` is None."""
    if day is None:
        return _Found(start, end, relative=relative)
    return _Found(
        start, end, day.isoformat(), last.isoformat() if last else "", "day", relative
    )


def _explicit_or_yearless(
    start: int, end: int, parts: tuple[int, int, int | None], kind: str | None,
    ref: datetime.date | None,
) -> _Found | None:
    """Resolve a day/month with or without a year; None when it is not a date."""
    day, month, year = parts
    if not _possible(month, day):
        return None
    if year is not None:
        if not _year_ok(year):
            return None
        found = _make(year, month, day)
        return None if found is None else _day_found(start, end, found, False)
    if ref is None:
        return _unresolved(start, end)
    return _day_found(start, end, _year_for_day(ref, month, day, kind), True)


# ---------------------------------------------------------------------------
# Recognisers: a compiled pattern and a handler that checks the context and
# resolves the match, or returns None when it is not a date after all.
# ---------------------------------------------------------------------------

_Handler = Callable[[re.Match[str], str, "datetime.date | None"], "_Found | None"]

# "ngày 24/11", "24/11/2021", "24.11.2021", "sáng 11/1", "ngày 24 tháng 11 năm 2021",
# "ngày 24/11 tới", "ngày 24/11 (thứ Tư)".
_DATE_RE = re.compile(
    rf"(?<![\w/.\-])(?:(?P<cue>{_DAY_CUE})[ ])?(?P<dm>{_day_month('a')})(?![ ]{_MONTH}[ ]\d)"
    rf"{_qualifier('q')}{_LUNAR}{_WEEKDAY_PAREN}",
    _FLAGS,
)


def _on_date(m: re.Match[str], text: str, ref: datetime.date | None) -> _Found | None:
    """A single day; None for a bare number pair nothing marks as a date."""
    parts = _parts(m, "a")
    assert parts is not None
    start, end = m.start(), m.end()
    year = parts[2]
    if not m.group("cue"):
        if year is None:
            dm_start, dm_end = m.span("dm")
            # Without a cue only "/" or "tháng" dates qualify, and only where a
            # preposition or brackets say so: "đến 30/6", "(24/11)", not "1/3", "24/7".
            if m.group("as") not in (None, "/"):
                return None
            if _bracketed(text, dm_start, dm_end):
                end = dm_end
            elif not _preceded_by(_TEMPORAL_BEFORE, text, start):
                return None
        elif _preceded_by(_LEGAL_BEFORE, text, start):
            return None
    if m.group("lunar"):
        return _Found(start, end) if _possible(parts[1], parts[0]) else None
    kind = _kind(m.group("q"))
    if year is not None and m.group("q"):
        # An explicit year wins; the word after it belongs to the sentence ("24/11/2021 tới nay").
        end = m.start("q") - 1
    return _explicit_or_yearless(start, end, parts, kind, ref)


# "ngày 23 đến 24 tháng 8 năm 2023", "ngày 2-3 tháng 8 năm 2023", "từ 23 - 24/8", "ngày 23-25/5".
_DAY_RANGE_RE = re.compile(
    rf"(?<![\w/.\-])(?:(?P<cue>{_DAY_CUE})[ ])?(?P<d1>\d{{1,2}}){_CONN_DAYS}(?:(?:{_DAY}|{_PAST_DAY})[ ])?"
    rf"(?P<dm>{_day_month('b', r'/.')})(?![ ]{_MONTH}[ ]\d){_qualifier('q')}",
    _FLAGS,
)


def _on_day_range(m: re.Match[str], text: str, ref: datetime.date | None) -> _Found | None:
    """Days of one month; None unless the first day comes before the last."""
    parts = _parts(m, "b")
    assert parts is not None
    first = int(m.group("d1"))
    last, month, year = parts
    start, end = m.start(), m.end()
    if not m.group("cue"):
        if year is None and not (
            _preceded_by(_TEMPORAL_BEFORE, text, start) or _bracketed(text, start, m.end("dm"))
        ):
            return None
        if year is not None and _preceded_by(_LEGAL_BEFORE, text, start):
            return None
    if not (1 <= first < last) or not _possible(month, last):
        return None
    if year is not None:
        if m.group("q"):
            end = m.start("q") - 1
        if not _year_ok(year):
            return None
        begin, finish = _make(year, month, first), _make(year, month, last)
        if begin is None or finish is None:
            return None
        return _day_found(start, end, begin, False, finish)
    if ref is None:
        return _unresolved(start, end)
    begin = _year_for_day(ref, month, first, _kind(m.group("q")))
    finish = _make(begin.year, month, last) if begin else None
    if begin is None or finish is None:
        return _unresolved(start, end)
    return _day_found(start, end, begin, True, finish)


# "từ 28/8 đến 3/9/2023", "ngày 28 tháng 8 đến ngày 3 tháng 9 năm 2023".
_DATE_RANGE_RE = re.compile(
    rf"(?<![\w/.\-])(?:(?P<cue>{_DAY_CUE})[ ])?{_day_month('a', r'/.', closed=False)}{_CONN}"
    rf"(?:{_DAY_CUE}[ ])?(?P<dm>{_day_month('b', r'/.')})",
    _FLAGS,
)


def _uncued_range_is_date(text: str, start: int, end: int, yearless: bool) -> bool:
    """A range without a cue word ("từ", "ngày") is a date range only where dates are read: a
    yearless one after a temporal word or in brackets, one with a year not after the words that
    introduce a legal document's number (``_LEGAL_BEFORE``)."""
    if yearless:
        return _preceded_by(_TEMPORAL_BEFORE, text, start) or _bracketed(text, start, end)
    return not _preceded_by(_LEGAL_BEFORE, text, start)


def _on_date_range(m: re.Match[str], text: str, ref: datetime.date | None) -> _Found | None:
    """Two full day/months; a missing year is taken from the other end."""
    first, second = _parts(m, "a"), _parts(m, "b")
    assert first is not None and second is not None
    (d1, m1, y1), (d2, m2, y2) = first, second
    start, end = m.start(), m.end()
    if not m.group("cue") and not _uncued_range_is_date(text, start, end, y1 is None and y2 is None):
        return None
    if not (_possible(m1, d1) and _possible(m2, d2)):
        return None
    if any(y is not None and not _year_ok(y) for y in (y1, y2)):
        return None
    relative = y1 is None and y2 is None
    if y1 is None and y2 is not None:
        # "28/12 - 3/1/2024": the first date is in the year before when its month is later.
        y1 = y2 if (m1, d1) <= (m2, d2) else y2 - 1
    if y1 is None:
        if ref is None:
            return _unresolved(start, end)
        begin = _year_for_day(ref, m1, d1, None)
    else:
        begin = _make(y1, m1, d1)
    if begin is None:
        return _unresolved(start, end) if relative else None
    if y2 is None:
        y2 = begin.year if (m2, d2) >= (m1, d1) else begin.year + 1
    finish = _make(y2, m2, d2)
    if finish is None or finish <= begin:
        return None
    return _day_found(start, end, begin, relative, finish)


# "tuần/tháng/quý" + word: how many periods from the reference's one.
_PERIOD_OFFSETS = _table("period_offsets")
_PERIOD_WORDS = _alt(_PERIOD_OFFSETS)

# "thứ Hai tuần tới", "thứ Sáu vừa qua", "sáng thứ Ba", "Chủ nhật", "thứ Ba (23/11)",
# "thứ Năm, ngày 25/11/2021".
_WEEKDAY_RE = re.compile(
    rf"(?<!\w)(?:(?P<pre>{_TOD}(?:[ ](?:{_DAY}|{_PAST_DAY}))?|{_PAST_DAY}|{_DAY})[ ])?"
    rf"(?:{_word('weekday')}[ ](?P<wd>{_WEEKDAY_WORD}|[2-7])|(?P<sun>{_word('sunday')}))(?!\w)"
    rf"(?:[ ](?P<q>{_WEEK}[ ](?:{_PERIOD_WORDS})|{_PASSED}|{_THIS}"
    rf"|{_COMING}(?![ ](?:{_list('weekday_coming_not_before')}|\d)))(?!\w))?"
    rf"(?:[ ]?\([ ]?(?:{_DAY}[ ])?{_day_month('a')}[ ]?\)"
    rf"|,?[ ](?:{_DAY}[ ])?{_day_month('b', r'/.')})?",
    _FLAGS,
)


def _on_weekday(m: re.Match[str], text: str, ref: datetime.date | None) -> _Found | None:
    """A weekday, or the date written next to it; None for an ordinal ("lần thứ hai")."""
    start, end = m.start(), m.end()
    explicit = _parts(m, "a") or _parts(m, "b")
    wd = m.group("wd")
    if wd is not None:
        if _preceded_by(_ORDINAL_BEFORE, text, start):
            return None
        pre = (m.group("pre") or "").lower()
        # News capitalises weekdays ("thứ Hai"); a lowercase "thứ hai" is usually
        # "second", so it needs something that makes it a day.
        capitalised = wd[0].isalpha() and wd[0].isupper()
        cued = (
            bool(m.group("q"))
            or explicit is not None
            or (pre != "" and pre != _DAY_WORD)
            or _bracketed(text, start, end)
            or _preceded_by(_WEEKDAY_BEFORE, text, start)
        )
        if not (cued or capitalised):
            return None
        weekday = int(wd) - 2 if wd.isdigit() else _WEEKDAYS[wd.lower()]
    else:
        weekday = 6
    if explicit is not None:
        return _explicit_or_yearless(start, end, explicit, None, ref)
    if ref is None:
        return _unresolved(start, end)
    q = " ".join((m.group("q") or "").lower().split())
    week, _, word = q.partition(" ")
    kind = _QUALIFIER_KIND.get(q)
    if word and week == _DATA["words"]["week"]:
        # "thứ Hai tuần tới": that weekday of the week counted from the reference's.
        day = _monday(ref, _PERIOD_OFFSETS[word]) + datetime.timedelta(days=weekday)
    elif kind == "this":
        day = _monday(ref) + datetime.timedelta(days=weekday)
    elif kind == "past":
        # Strictly before: on a Friday, "thứ Sáu vừa qua" is a week ago.
        day = ref - datetime.timedelta(days=(ref.weekday() - weekday) % 7 or 7)
    elif kind == "future":
        day = ref + datetime.timedelta(days=(weekday - ref.weekday()) % 7 or 7)
    else:
        # A bare weekday in a report: the latest one on or before the article's date.
        day = ref - datetime.timedelta(days=(ref.weekday() - weekday) % 7)
    return _day_found(start, end, day, True)


# Days counted from the reference after "hôm", after "ngày" and after a part of the day.
_AFTER_PAST_DAY = _table("days_after_past_day")
_AFTER_DAY = _table("days_after_day")
_AFTER_TOD = _table("days_after_time_of_day")

# "hôm nay", "hôm qua", "ngày mai", "tối qua", "trưa nay", "sáng hôm nay (12/5)", "hôm nay (1-6)",
# "sáng nay 30/4", "hôm nay (thứ Ba)".
_RELATIVE_DAY_RE = re.compile(
    rf"(?<!\w)(?P<core>(?:{_TOD}[ ])?(?:{_DAY}[ ])?{_PAST_DAY}[ ](?P<w1>{_alt(_AFTER_PAST_DAY)})"
    rf"|(?:{_TOD}[ ])?{_DAY}[ ](?P<w2>{_alt(_AFTER_DAY)})"
    rf"|{_TOD}[ ](?P<w3>{_alt(_AFTER_TOD)}))(?!\w)"
    rf"(?:[ ]?\([ ]?(?:{_DAY}[ ])?{_day_month('a')}[ ]?\)|,?[ ](?:{_DAY}[ ])?{_day_month('b', r'/.')}"
    rf"|{_WEEKDAY_PAREN})",
    _FLAGS,
)


def _on_relative_day(m: re.Match[str], text: str, ref: datetime.date | None) -> _Found | None:
    """A day counted from the reference, or the date in brackets after it."""
    start = m.start()
    end = m.end()
    explicit = _parts(m, "a") or _parts(m, "b")
    if explicit is not None:
        found = _explicit_or_yearless(start, end, explicit, None, ref)
        if found is not None:
            return found
        # "hôm nay (31/2)": not a date after all, so the words alone.
        end = m.end("core")
    if ref is None:
        return _unresolved(start, end)
    if m.group("w1"):
        offset = _AFTER_PAST_DAY[m.group("w1").lower()]
    elif m.group("w2"):
        offset = _AFTER_DAY[m.group("w2").lower()]
    else:
        offset = _AFTER_TOD[m.group("w3").lower()]
    return _day_found(start, end, ref + datetime.timedelta(days=offset), True)


_ROLLING_WEEK = frozenset(_DATA["lists"]["rolling_week"])

# "tuần tới", "tuần sau", "tuần trước", "tuần này", "cuối tuần này"; "tuần qua" (the seven days before).
_RELATIVE_WEEK_RE = re.compile(
    rf"(?<!\w)(?:(?P<part>{_word('end')})[ ])?{_WEEK}[ ](?P<w>{_PERIOD_WORDS}|{_list('rolling_week')})(?!\w)"
    rf"(?![ ](?:{_list('not_after_period')}))",
    _FLAGS,
)


def _on_relative_week(m: re.Match[str], text: str, ref: datetime.date | None) -> _Found | None:
    """Monday to Sunday of a week counted from the reference (Saturday on for "cuối")."""
    start, end = m.start(), m.end()
    if _preceded_by(_QUANTITY_BEFORE, text, start):
        return None
    if ref is None:
        return _unresolved(start, end)
    word = " ".join(m.group("w").lower().split())
    if not m.group("part") and word in _ROLLING_WEEK:
        return _day_found(start, end, ref - datetime.timedelta(days=7), True, ref - datetime.timedelta(days=1))
    monday = _monday(ref, _PERIOD_OFFSETS.get(word, _PERIOD_OFFSETS[_DATA["words"]["passed"]]))
    sunday = monday + datetime.timedelta(days=6)
    first = sunday - datetime.timedelta(days=1) if m.group("part") else monday
    return _day_found(start, end, first, True, sunday)


# "tháng tới", "tháng sau", "tháng trước", "cuối tháng này", and a bare "cuối tháng".
_RELATIVE_MONTH_RE = re.compile(
    rf"(?<!\w)(?:(?:(?:{_PARTS})[ ])?{_MONTH}[ ](?P<w>{_PERIOD_WORDS})(?!\w)"
    rf"(?![ ](?:{_list('not_after_period')}))"
    rf"|(?:{_PARTS})[ ]{_MONTH}(?![ ]?\d|\w|[ ](?:{_list('not_after_bare_month')})))",
    _FLAGS,
)


def _on_relative_month(m: re.Match[str], text: str, ref: datetime.date | None) -> _Found | None:
    """A month counted from the reference; None for a duration ("3 tháng tới")."""
    start, end = m.start(), m.end()
    if _preceded_by(_QUANTITY_BEFORE, text, start):
        return None
    if ref is None:
        return _unresolved(start, end)
    word = " ".join(m.group("w").lower().split()) if m.group("w") else None
    year, month = _shift_month(ref.year, ref.month, _PERIOD_OFFSETS[word] if word else 0)
    return _Found(start, end, _month_iso(year, month), "", "month", True)


_YEAR_OFFSETS = _table("year_offsets")

# "năm nay", "năm sau", "năm tới", "năm ngoái", "năm trước", "cuối năm nay", "sang năm",
# and a bare "cuối năm" / "đầu năm".
_RELATIVE_YEAR_RE = re.compile(
    rf"(?<!\w)(?:(?:(?P<part>{_PARTS})[ ])?{_YEAR}[ ](?P<w>{_alt(_YEAR_OFFSETS)})(?!\w)"
    rf"(?![ ](?:{_list('not_after_year')}))"
    rf"|(?P<next>{_word('next_year')})(?![ ]?\d|\w)"
    rf"|(?P<bare>{_PARTS})[ ]{_YEAR}(?![ ]?\d|\w|[ ](?:{_list('not_after_bare_year')})))",
    _FLAGS,
)


def _on_relative_year(m: re.Match[str], text: str, ref: datetime.date | None) -> _Found | None:
    """A year counted from the reference; None for a duration ("2 năm trước")."""
    start, end = m.start(), m.end()
    if _preceded_by(_QUANTITY_BEFORE, text, start):
        return None
    if ref is None:
        return _unresolved(start, end)
    if m.group("next"):
        offset = 1
    elif m.group("bare"):
        offset = 0
    else:
        offset = _YEAR_OFFSETS[m.group("w").lower()]
    return _Found(start, end, _year_iso(ref.year + offset), "", "year", True)


_MONTH_PART = f"(?:{_PARTS}|{_list('month_thirds')})"

# "tháng 11", "tháng 11/2021", "tháng 11 năm 2021", "cuối tháng 12", "tháng 11 tới đây".
_MONTH_RE = re.compile(
    rf"(?<![\w/.\-])(?:{_MONTH_PART}[ ])?{_MONTH}[ ](?P<m>\d{{1,2}})"
    rf"(?:[ ]?[/.\-][ ]?(?P<y>\d{{4}})|,?[ ]{_YEAR}[ ](?P<ny>\d{{4}}))?{_NUM_END}{_qualifier('q')}",
    _FLAGS,
)


def _on_month(m: re.Match[str], text: str, ref: datetime.date | None) -> _Found | None:
    """A month with or without its year; None for a count ("mỗi tháng 2 lần")."""
    start, end = m.start(), m.end()
    month = int(m.group("m"))
    if not 1 <= month <= 12:
        return None
    year_text = m.group("y") or m.group("ny")
    if _preceded_by(_EVERY_BEFORE, text, start) or (
        not year_text and not m.group("q") and _COUNT_AFTER.match(text, m.end("m"))
    ):
        return None
    if year_text:
        year = int(year_text)
        if not _year_ok(year):
            return None
        if m.group("q"):
            end = m.start("q") - 1
        return _Found(start, end, _month_iso(year, month), "", "month", False)
    if ref is None:
        return _unresolved(start, end)
    year = _year_for_month(ref, month, _kind(m.group("q")))
    return _Found(start, end, _month_iso(year, month), "", "month", True)


# "tháng 11-12/2021", "tháng 3 đến tháng 5 năm 2024", "tháng 11/2021 - tháng 2/2022".
_MONTH_RANGE_RE = re.compile(
    rf"(?<![\w/.\-]){_MONTH}[ ](?P<m1>\d{{1,2}})"
    rf"(?:[ ]?[/.\-][ ]?(?P<y1>\d{{4}})|,?[ ]{_YEAR}[ ](?P<ny1>\d{{4}}))?"
    rf"{_CONN}(?:{_MONTH}[ ])?(?P<m2>\d{{1,2}})"
    rf"(?:[ ]?[/.\-][ ]?(?P<y2>\d{{4}})|,?[ ]{_YEAR}[ ](?P<ny2>\d{{4}}))?{_NUM_END}",
    _FLAGS,
)


def _on_month_range(m: re.Match[str], text: str, ref: datetime.date | None) -> _Found | None:
    """First and last month of a span; None unless the end comes after the start."""
    start, end = m.start(), m.end()
    m1, m2 = int(m.group("m1")), int(m.group("m2"))
    if not (1 <= m1 <= 12 and 1 <= m2 <= 12):
        return None
    y1 = int(m.group("y1") or m.group("ny1") or 0) or None
    y2 = int(m.group("y2") or m.group("ny2") or 0) or None
    if any(y is not None and not _year_ok(y) for y in (y1, y2)):
        return None
    relative = y1 is None and y2 is None
    if y1 is None and y2 is not None:
        y1 = y2 if m1 <= m2 else y2 - 1
    if y1 is None:
        if ref is None:
            return _unresolved(start, end)
        y1 = _year_for_month(ref, m1, None)
    if y2 is None:
        y2 = y1 if m2 > m1 else y1 + 1
    if (y2, m2) <= (y1, m1):
        return None
    return _Found(start, end, _month_iso(y1, m1), _month_iso(y2, m2), "month", relative)


# "quý 1/2024", "quý I năm 2024", "quý IV", "quý tới".
_QUARTER_RE = re.compile(
    rf"(?<!\w)(?:(?:{_PARTS})[ ])?{_QUARTER}[ ](?:(?P<q>[1-4]|IV|I{{1,3}})(?!\w)"
    rf"(?:[ ]?[/\-][ ]?(?P<y>\d{{4}}){_NUM_END}|,?[ ]{_YEAR}[ ](?P<ny>\d{{4}}){_NUM_END}"
    rf"|[ ]{_YEAR}[ ](?P<rel>{_list('quarter_years')})(?!\w))?"
    rf"|(?P<w>{_PERIOD_WORDS})(?!\w)(?![ ](?:{_list('not_after_period')})))",
    _FLAGS,
)


def _on_quarter(m: re.Match[str], text: str, ref: datetime.date | None) -> _Found | None:
    """First and last month of a quarter."""
    start, end = m.start(), m.end()
    if m.group("w"):
        if _preceded_by(_QUANTITY_BEFORE, text, start):
            return None
        if ref is None:
            return _unresolved(start, end)
        index = ref.year * 4 + (ref.month - 1) // 3 + _PERIOD_OFFSETS[
            " ".join(m.group("w").lower().split())
        ]
        year, quarter = index // 4, index % 4 + 1
        relative = True
    else:
        token = m.group("q")
        if token.isdigit():
            quarter = int(token)
        elif token.isupper():
            quarter = _ROMAN[token]
        else:
            return None  # "quý ii": not how quarters are written
        year_text = m.group("y") or m.group("ny")
        if year_text:
            year = int(year_text)
            if not _year_ok(year):
                return None
            relative = False
        elif ref is None:
            return _unresolved(start, end)
        elif m.group("rel"):
            year = ref.year + _YEAR_OFFSETS[m.group("rel").lower()]
            relative = True
        else:
            here = ref.year * 4 + (ref.month - 1) // 3
            year = min(
                (ref.year - 1, ref.year, ref.year + 1),
                key=lambda y: (abs(y * 4 + quarter - 1 - here), y != ref.year),
            )
            relative = True
    first = (quarter - 1) * 3 + 1
    return _Found(
        start, end, _month_iso(year, first), _month_iso(year, first + 2), "month", relative
    )


# "năm 2023", "cuối năm 2023", "năm 2020-2021".
_YEAR_RE = re.compile(
    rf"(?<!\w)(?:(?:{_PARTS})[ ])?{_YEAR}[ ](?P<y>\d{{4}})"
    rf"(?:{_CONN}(?:{_YEAR}[ ])?(?P<y2>\d{{4}}))?{_NUM_END}(?!\w)",
    _FLAGS,
)


def _on_year(m: re.Match[str], text: str, ref: datetime.date | None) -> _Found | None:
    """A year or span of years after "năm"; None before an amount ("năm 2000 tỷ")."""
    start, end = m.start(), m.end()
    year = int(m.group("y"))
    if not _year_ok(year) or _AMOUNT_AFTER.match(text, end):
        return None
    if m.group("y2"):
        last = int(m.group("y2"))
        if not (_year_ok(last) and last > year):
            return None
        return _Found(start, end, _year_iso(year), _year_iso(last), "year", False)
    return _Found(start, end, _year_iso(year), "", "year", False)


# A year without "năm": "trong 2021", "đến 2030", "cuối 2024", "giai đoạn 2021-2030",
# "từ 6/2024".  Only after a preposition or period noun, never before a unit.
_BARE_YEAR_RE = re.compile(
    rf"(?<![\w/.\-,])(?:(?P<part>{_PARTS})[ ])?(?:(?P<m>\d{{1,2}})[/.\-])?"
    r"(?P<y>(?:19|20)\d{2})(?:[ ]?[-–][ ]?(?P<y2>(?:19|20)\d{2}))?(?![\d/]|[.,\-]\d)(?!\w)",
    _FLAGS,
)


def _on_bare_year(m: re.Match[str], text: str, ref: datetime.date | None) -> _Found | None:
    """A year (or month/year) without "năm", accepted only after a preposition."""
    start, end = m.start(), m.end()
    year = int(m.group("y"))
    last = int(m.group("y2")) if m.group("y2") else None
    if _AMOUNT_AFTER.match(text, end):
        return None
    if not (
        m.group("part")
        or _preceded_by(_YEAR_BEFORE, text, start)
        or (last is not None and _preceded_by(_PERIOD_BEFORE, text, start))
    ):
        return None
    if m.group("m"):
        month = int(m.group("m"))
        if last is not None or not 1 <= month <= 12:
            return None
        return _Found(start, end, _month_iso(year, month), "", "month", False)
    if last is not None:
        if last <= year:
            return None
        return _Found(start, end, _year_iso(year), _year_iso(last), "year", False)
    return _Found(start, end, _year_iso(year), "", "year", False)


# "ngày 20", "ngày 20 tới": a day of the month without the month.
_DAY_ONLY_RE = re.compile(
    rf"(?<!\w)(?P<cue>{_DAY_CUE})[ ](?P<d>\d{{1,2}})"
    rf"(?!\w|[/.\-,:]\d|[ ]?(?:[-–—]|{_list('day_range_connectors')})[ ]?\d|[ ]{_MONTH}[ ]\d)"
    rf"{_qualifier('q')}{_WEEKDAY_PAREN}",
    _FLAGS,
)


def _on_day_only(m: re.Match[str], text: str, ref: datetime.date | None) -> _Found | None:
    """A day of the month without its month: the latest such day up to the reference."""
    start, end = m.start(), m.end()
    day = int(m.group("d"))
    if not 1 <= day <= 31:
        return None
    if _preceded_by(_EVERY_BEFORE, text, start) or (
        not m.group("q") and _COUNT_AFTER.match(text, m.end("d"))
    ):
        return None
    kind = _kind(m.group("q"))
    if kind in ("prev", "next"):
        # "ngày 20 năm ngoái" says nothing about the month.
        return None
    if ref is None:
        return _unresolved(start, end)
    return _day_found(start, end, _day_near(ref, day, kind), True)


# Each recogniser, whether every match of it holds a digit (then a text without one skips it:
# most sentences of news have none, and the searches are the cost of ``find_dates``), and a
# pattern every match of it holds (its period word, or the words after "hôm"/"ngày"): a text
# where that simple pattern finds nothing skips the recogniser too, as it could match nowhere.
# Searching a few literal words costs a fraction of trying the whole pattern at every position.
def _required(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, _FLAGS)


# What a day and month (``_day_month``) holds, numeric or spelled: "24/11", "24.11", "24-11", "24 tháng 11"
# (the ranges of days and dates hold one too); asked once per text for the three recognisers that need it.
_DAY_MONTH_HELD = _required(rf"\d[/.\-]\d|\d[ ]{_MONTH}[ ]\d")
# a month by its number, "tháng 5" (alone or in a range of months)
_MONTH_NUMBER_HELD = _required(rf"{_MONTH}[ ]\d")

_RECOGNISERS: tuple[tuple[re.Pattern[str], _Handler, bool, re.Pattern[str] | None], ...] = (
    (_DATE_RANGE_RE, _on_date_range, True, _DAY_MONTH_HELD),
    (_DAY_RANGE_RE, _on_day_range, True, _DAY_MONTH_HELD),
    (_DATE_RE, _on_date, True, _DAY_MONTH_HELD),
    (_WEEKDAY_RE, _on_weekday, False, _required(f"{_word('weekday')}|{_word('sunday')}")),
    (_RELATIVE_DAY_RE, _on_relative_day, False,
     _required(_alt(sorted({*_AFTER_PAST_DAY, *_AFTER_DAY, *_AFTER_TOD})))),
    (_RELATIVE_WEEK_RE, _on_relative_week, False, _required(_WEEK)),
    (_MONTH_RANGE_RE, _on_month_range, True, _MONTH_NUMBER_HELD),
    (_MONTH_RE, _on_month, True, _MONTH_NUMBER_HELD),
    (_RELATIVE_MONTH_RE, _on_relative_month, False, _required(_MONTH)),
    (_QUARTER_RE, _on_quarter, False, _required(_QUARTER)),
    (_YEAR_RE, _on_year, True, _required(rf"{_YEAR}[ ]\d")),
    (_RELATIVE_YEAR_RE, _on_relative_year, False, _required(f"{_YEAR}|{_word('next_year')}")),
    (_BARE_YEAR_RE, _on_bare_year, True, None),
    (_DAY_ONLY_RE, _on_day_only, True, None),
)
_ANY_DIGIT = re.compile(r"\d")  # the same digits as the recognisers' \d


def _candidates(text: str, ref: datetime.date | None) -> list[_Found]:
    """Every accepted match of every recogniser, overlapping ones included."""
    found: list[_Found] = []
    has_digit = _ANY_DIGIT.search(text) is not None
    held: dict[re.Pattern[str], bool] = {}  # each required pattern asked once (some are shared)
    for pattern, handler, needs_digit, required in _RECOGNISERS:
        if needs_digit and not has_digit:
            continue
        if required is not None and required not in held:
            held[required] = required.search(text) is not None
        if required is not None and not held[required]:
            continue
        pos = 0
        # Restart one character after each match start rather than after its
        # end, so that a rejected long match does not hide a shorter one inside it.
        while (m := pattern.search(text, pos)) is not None:
            pos = m.start() + 1
            result = handler(m, text, ref)
            if result is not None and result.end > result.start:
                found.append(result)
    return found


def find_dates(text: str, reference: datetime.date | None) -> list[DateMention]:
    """Every date expression in text, left to right, non-overlapping (longest wins).

    Requires normalised text (:func:`pipeline.normalize.normalize_text`: NFC,
    single spaces) and the article's publication date, or None when unknown.
    Returns :class:`DateMention` objects sorted by ``start``; where candidates
    overlap the longest is kept (the earlier one on a tie).  Yearless and
    relative expressions are resolved from ``reference`` only, never from
    today's date; with ``reference=None`` they are reported unresolved.
    Raises ValueError for a reference outside the years 1000-2999 (what
    :func:`parse_iso_date` accepts), where "năm sau" would leave the calendar.
    """
    if isinstance(reference, datetime.datetime):
        # A datetime is a date, but mixing the two in arithmetic raises.
        reference = reference.date()
    if reference is not None and not _year_ok(reference.year):
        raise ValueError(f"reference date out of range: {reference.isoformat()}")
    if not text:
        return []
    chosen: list[_Found] = []
    for cand in sorted(_candidates(text, reference), key=lambda f: (f.start - f.end, f.start)):
        if all(cand.end <= c.start or cand.start >= c.end for c in chosen):
            chosen.append(cand)
    chosen.sort(key=lambda f: f.start)
    if isinstance(reference, EstimatedDate):
        chosen = [c if not (c.relative and c.date) or _MONTH_GIVEN.search(text, c.start, c.end)
                  else _Found(c.start, c.end, relative=True) for c in chosen]
    return [
        DateMention(
            c.start, c.end, text[c.start:c.end], c.date, c.date_end, c.precision, c.relative
        )
        for c in chosen
    ]


_ISO_RE = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})"
    r"(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,6})?)?(?:Z|[+-]\d{2}:?\d{2})?)?"
)
_COMPACT_RE = re.compile(r"(\d{4})(\d{2})(\d{2})")
_DMY_RE = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")


def last_day(iso: str) -> datetime.date | None:
    """The last day of an ISO day, month or year ("2020-06" -> 2020-06-30), None when it is none
    (an event's partial date read as late as it can be, so that "2020-06" is no older than June 30)."""
    parts = iso.split("-")
    try:
        year = int(parts[0])
        if len(parts) >= 3:
            return datetime.date(year, int(parts[1]), int(parts[2][:2]))
        if len(parts) == 2:
            month = int(parts[1])
            return datetime.date(year + month // 12, month % 12 + 1, 1) - datetime.timedelta(days=1)
        return datetime.date(year, 12, 31)
    except ValueError:
        return None


def parse_iso_date(value: str) -> datetime.date | None:
    """The date of an article-metadata timestamp, or None when it is not one.

    Accepts "2021-11-24", "2021-11-24T15:52", "2021-11-24 15:52:00" (seconds,
    fractions and a zone allowed; the date is taken as written, not converted),
    "20211124" and "24/11/2021", with surrounding spaces.  Returns None for
    anything else, including impossible dates and times ("2021-02-30",
    "2021-11-24T25:00").
    """
    if not isinstance(value, str):
        return None
    value = value.strip()
    if m := _ISO_RE.fullmatch(value):
        hour, minute, second = (int(g) if g else 0 for g in m.group(4, 5, 6))
        if hour > 23 or minute > 59 or second > 59:
            return None
        year, month, day = int(m.group(1)), int(m.group(2)), int(m.group(3))
    elif m := _COMPACT_RE.fullmatch(value):
        year, month, day = int(m.group(1)), int(m.group(2)), int(m.group(3))
    elif m := _DMY_RE.fullmatch(value):
        day, month, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
    else:
        return None
    if not _year_ok(year):
        return None
    return _make(year, month, day)
