"""Working records of one document: sentences, trigger hits, arguments, events being built."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from ..model import Event, Evidence, Mention, Paragraph, Participant, Sentence
from .lexicon import TriggerRule
from .words import _Words

# The roles that speak in a record: its sources and the bodies they speak for (a speaker's affiliation). A date
# or a host's participants carry over by them.
VOICE_ROLES = frozenset({"source", "affiliation"})


@dataclass(slots=True)
class _Sent:
    """A sentence ready for matching: effective bounds (before a photo credit), words, mentions."""

    para: Paragraph
    sent: Sentence
    start: int
    end: int
    words: _Words
    mentions: list[Mention]
    attribution: tuple[int, int]  # (start, end) of a "Theo ..., " lead-in, or (start, start)
    clauses: list[tuple[int, int]]
    # start, end, text, date, end, precision, relative (resolved from the article's date)
    dates: list[tuple[int, int, str, str, str, str, bool]] | None = None
    timed: bool = False  # some date expression outside a name, usable or not
    # where those time words stand, and whether each says something else than when (_not_when)
    time_at: list[tuple[int, bool]] = field(default_factory=list)
    forms: dict[str, Mention] = field(default_factory=dict)  # the document's participants, by surface
    # "Đến ngày 30/11/2016, …": the past day the sentence opens with as the point the story reaches; it dates the
    # sentence's own events only (a deadline to every other reader of the sentence's dates: scenes, the lead)
    points: list[tuple[int, int, str, str, str, str, bool]] = field(default_factory=list)

    @property
    def key(self) -> tuple[int, int]:
        return (self.para.index, self.sent.index)


@dataclass(slots=True)
class _Hit:
    """A trigger occurrence."""

    s: _Sent
    start: int
    end: int
    rules: tuple[TriggerRule, ...]
    form: str
    name: Mention | None = None  # the EVENT mention naming it
    seg_start: int = 0
    seg_end: int = 0
    generic: bool = False
    indefinite: bool = False
    cue: bool = False  # an adverbial cue before it: "Tại cuộc họp, ...", "sau hội đàm"
    temporal: bool = False  # that cue places the sentence before or after it: "sau hội đàm"
    object_cue: bool = False  # a verb cue before it: "... chủ trì cuộc họp"
    initial: bool = False
    ordinal: int | None = None
    name_ids: frozenset[str] = frozenset()  # "Đối thoại ASEAN - Hàn Quốc": named by its parties
    name_texts: tuple[frozenset[str], ...] = ()  # the forms of each of those parties

    @property
    def text(self) -> str:
        return self.s.para.text[self.start:self.end]

    @property
    def clause(self) -> tuple[int, int]:
        return next(((a, b) for a, b in self.s.clauses if a <= self.start < b), (self.s.start, self.s.end))


@dataclass(slots=True)
class _Part:
    participant: Participant
    order: tuple[int, int]


@dataclass(slots=True)
class _Args:
    participants: list[_Part] = field(default_factory=list)
    instrument: str = ""
    instrument_id: str = ""
    instrument_names: frozenset[str] = frozenset()  # lower-cased canonical, acronym, text
    location: str = ""
    amount: str = ""
    currency: str = ""
    date: str = ""
    date_end: str = ""
    precision: str = ""
    date_text: str = ""
    date_relative: bool = False  # the year (or day) came from the article's date, not the text
    status: str = "unspecified"
    own: bool = True  # the participants are named in the trigger's own sentence
    borrowed_date: bool = False  # the date is the paragraph's or the headline's, not the sentence's


def _cluster_id(e: Event) -> str:
    """Type, date and anchor of a happening, hashed (module doc, 6); the event id when undated."""
    lead = next((p for p in e.participants if p.role == "source"), e.participants[0] if e.participants else None)
    anchor = lead.entity_id if lead else e.instrument.lower() or e.location
    if not (e.date and anchor):
        return e.event_id
    return hashlib.sha1("|".join([e.type, e.date, anchor]).encode("utf-8")).hexdigest()[:12]


@dataclass(slots=True)
class _Record:
    """An event being built: one or more reports of one happening."""

    type: str
    plover: str
    strength: float
    hit: _Hit  # the first report
    args: _Args
    ordinal: int | None
    name_ids: frozenset[str] = frozenset()
    name_texts: tuple[frozenset[str], ...] = ()
    evidences: dict[tuple[int, int], Evidence] = field(default_factory=dict)
    # sentences naming or referring to it -> where in the paragraph (the first trigger there)
    sites: dict[tuple[int, int], int] = field(default_factory=dict)

    @property
    def order(self) -> tuple[int, int]:
        return (self.hit.s.para.index, self.hit.start)

    def ids(self) -> set[str]:
        return {p.participant.entity_id for p in self.args.participants}

    def targets(self) -> set[str]:
        return {p.participant.entity_id for p in self.args.participants if p.participant.role == "target"}

    def sources(self) -> set[str]:
        return {p.participant.entity_id for p in self.args.participants if p.participant.role == "source"}

    def voices(self) -> set[str]:
        """The sources and whom they represent: "đặc phái viên Mỹ nhấn mạnh" is a report of the statement
        "Đặc phái viên của Tổng thống Mỹ … Marshall Billingslea nhấn mạnh" (gold set); a body a host
        represents is no host of its own (``sources``: "Đại tướng Ngô Xuân Lịch, nguyên Ủy viên Bộ Chính
        trị, … đã tiếp" is another meeting than "Thượng tướng Phan Văn Giang, Ủy viên Bộ Chính trị, … chủ
        trì Lễ đón")."""
        return {p.participant.entity_id for p in self.args.participants if p.participant.role in VOICE_ROLES}


def _same_kind(a: _Record, b: _Record) -> bool:
    """One type and one PLOVER category; a speaker's pledge and demand in one sentence are one
    statement ("X cho biết, ... kêu gọi ..."), in two sentences two."""
    if a.type != b.type:
        return False
    return a.plover == b.plover or a.type == "STATEMENT" and a.hit.s.key == b.hit.s.key


def _set_date(args: _Args, d: tuple[int, int, str, str, str, str, bool]) -> None:
    """The event's date from one of the sentence's date expressions (see ``_Sent.dates``)."""
    args.date, args.date_end, args.precision, args.date_text, args.date_relative = d[3], d[4], d[5], d[2], d[6]


def _evidence(s: _Sent) -> Evidence:
    return Evidence(s.para.index, s.sent.index, s.sent.start, s.sent.end, s.sent.text)


def _dates_agree(a: str, b: str) -> bool:
    """Equal at the coarser precision, or one unknown."""
    if not a or not b:
        return True
    n = min(len(a), len(b))
    return a[:n] == b[:n]


def _key(m: Mention) -> str:
    """The participant id of a mention: its entity, else its canonical name, else its text."""
    return m.entity_id or m.canonical or m.text


def _names(m: Mention) -> frozenset[str]:
    return frozenset(" ".join(x.lower().split()) for x in (m.canonical, m.acronym, m.text) if x)


def _instruments(a: _Args, b: _Args) -> str:
    """"": one has none; "same": one entity, or a series and its session ("AMME" / "AMME 17",
    "Hội nghị Bộ trưởng Môi trường ASEAN" / "... lần thứ 17"); "different" otherwise."""
    if not a.instrument_id or not b.instrument_id:
        return ""
    if a.instrument_id == b.instrument_id:
        return "same"
    for x in a.instrument_names:
        for y in b.instrument_names:
            if x == y or y.startswith(x + " ") or x.startswith(y + " "):
                return "same"
    return "different"


def _more_specific(a: _Args, b: _Args) -> bool:
    """``b`` names a session of the series ``a`` names."""
    return any(y.startswith(x + " ") for x in a.instrument_names for y in b.instrument_names)

