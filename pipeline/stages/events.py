"""Events stage: meetings, dialogues, conferences, visits, signings, statements, funding and
withdrawals, one record per happening, with participants, place, date and evidence.

Requires: segmented ``paragraphs`` (paragraph 0 is the headline when there is one), tagged
``mentions`` (PERSON/ORG/GPE/LOC/TREATY/EVENT/TERM with offsets into their paragraph) and
``published`` (ISO date or ""). Sets: ``events``, a list of :class:`~pipeline.model.Event` in text
order, each with its PLOVER category, status, date (never guessed: what the text and the article's
date cannot resolve stays empty), place, participants with roles, instrument, money, trigger,
evidence sentences and a confidence; events below ``EventsConfig.min_confidence`` are dropped.

How, in order:

1. Triggers. Every sentence is scanned for the phrases of the lexicon (``pipeline/data/events.toml``)
   as whole words, longest first, minus the phrases cancelled by the words around them ("đăng ký"
   is not a signing). A named event (an EVENT mention, "COP26") is a conference trigger itself when
   the sentence has a verb such as "diễn ra" or "tham dự" and no other trigger already takes it as
   its name.
2. Arguments, from the tagged mentions of the trigger's stretch of the sentence (from the previous
   trigger to the next one): participants before the trigger are the ``source``, after it the
   ``target`` (for nouns: all ``participant`` unless "với" introduces the target); a TREATY or an
   EVENT name is the ``instrument``; GPE/LOC after "tại"/"ở" the ``location``; money for FUNDING;
   the date from :func:`pipeline.dates.find_dates` on the sentence, else a scene-setting date of the
   paragraph, else the headline's date. A trigger whose sentence names nobody takes the participants
   of the neighbouring sentence of its paragraph, unless the lexicon says not to.
3. References. A bare noun ("cuộc họp", "Hội nghị", "tại cuộc đối thoại", also a verb used as one:
   "sau hội đàm") with nothing of its own that contradicts an earlier event of its type refers to
   it: to the one named earlier in the same sentence, else to the first of the article (news
   reports its main event first). Its sentence becomes another evidence of that event instead of a
   new one. A numbered session ("cuộc họp lần thứ hai") is a new event of the same series and takes
   the previous session's participants when it names none.
4. Merging. Two records of one type are one event when they share a participant, the instrument
   (or a series and its session: "AMME" / "AMME 17") or the sum of money, their dates agree at the
   coarser precision (or one is empty), and nothing tells them apart: two instruments, two names
   ("Đối thoại ASEAN - Hàn Quốc" / "Đối thoại ASEAN - EU"), two session numbers, one planned and one
   occurred, disjoint targets (A met B, then C), two speakers (statements), two PLOVER categories.
5. Inheritance. A statement, signing or funding without a date of its own takes the date of the
   meeting named or referred to in its sentence ("Kết thúc đối thoại, hai bộ trưởng đã ký ..."), or
   (statements, funding) of the dated meeting its source took part in, as the annotation guide says.
6. Status, confidence, ids: ``event_id`` is ``{doc_id}:E{paragraph}:{trigger start}`` of the first
   report; ``cluster_id`` a sha1 of type, date and the event's anchor for grouping across documents
   (the event id when it lacks either: an undated "meeting of X" could be any of X's meetings). The anchor is the lead participant: the
   first ``source`` (host, speaker, signer, donor), else the first participant named; without
   participants, the instrument's name, else the location. It is computed last, after a named
   conference took its dates from the gazetteer. Not the whole participant list: a second report
   that names one more guest is the same happening. Not the instrument or place first: one report
   names them and the next does not, while the actor is what every report of a happening names.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import tomllib
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from importlib import resources
from pathlib import Path

from ..config import EventsConfig
from ..credits import Credits
from ..dates import EstimatedDate, find_dates, parse_iso_date
from ..errors import ConfigError
from ..model import Document, Event, Evidence, Mention, Paragraph, Participant, Sentence

__all__ = ["EVENT_TYPES", "TriggerRule", "TypeSettings", "Lexicon", "Money", "EventExtractor"]

EVENT_TYPES = ("MEETING", "DIALOGUE", "CONFERENCE", "VISIT", "SIGNING", "STATEMENT", "FUNDING", "WITHDRAWAL")
_NEEDS = frozenset({"participant", "source", "target", "instrument", "amount", "date", "argument"})
_FORMS = ("verb", "noun")
_INHERIT = frozenset({"sentence", "participant"})
# A quotation: at least a few words between quotation marks (not a quoted phrase such as
# “cấp dưới thân tín”), or a colon that opens reported speech.
# "việc" before a verb makes its clause a noun phrase: what is welcomed or noted, not what is said.
_NOMINAL = re.compile(r"(?<!\w)việc\s")
# A quotation: the dates in it are what was said, not when anything reported happened.
_QUOTED = re.compile(r"[\"“«][^\"“”«»]*[\"”»]")
def _text_words(text: str) -> list[str]:
    return re.findall(r"\w+", text)


_QUOTE = re.compile(r"[\"“«][^\"“”«»]{25,}[\"”»]|:\s*[\"“]")
_TRIGGER_KEYS = frozenset({"requires_quote", "not_nominal", "not_in_clause_before", "type", "form", "phrases", "strength", "needs", "not_before", "not_after", "target_within",
                           "source_within", "targets", "neighbour", "plover"})
_TYPE_KEYS = frozenset({"instrument", "location_markers", "object_is_location", "inherit", "host", "neighbour",
                        "yields_to", "one_host", "said_after_words", "multilateral_type",
                        "multilateral_triggers"})
_WORD = re.compile(r"\w+")
# A clause ends at a comma, semicolon or colon, but not at the decimal comma of "15,5".
_CLAUSE_END = re.compile(r"[,;:](?!\d)")
_STRONG_STOP = re.compile(r"[;:]")
# Quotes and brackets after which a capitalised verb still starts a sentence.
_OPENERS = "\"“‘'(«[—–-:"


def _phrase(text: str) -> tuple[str, ...]:
    return tuple(w.lower() for w in _WORD.findall(text))


def _phrases(values: list[str]) -> tuple[tuple[str, ...], ...]:
    return tuple(p for p in (_phrase(v) for v in values) if p)


def _word_regex(values: list[str], flags: int = re.IGNORECASE) -> re.Pattern[str]:
    """Alternation of regex fragments, longest first, as whole words."""
    body = "|".join(sorted(values, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{body})(?!\w)", flags)


# -- the rules ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class TriggerRule:
    """One ``[[trigger]]`` group of the lexicon (see the comments in ``events.toml``)."""

    type: str
    form: str  # verb | noun
    strength: float
    needs: tuple[frozenset[str], ...]  # all must hold; each is a set of alternatives
    not_before: tuple[tuple[str, ...], ...]
    not_after: tuple[tuple[str, ...], ...]
    target_within: int
    source_within: int
    targets: bool
    neighbour: bool
    plover: str
    requires_quote: bool = False  # only in a sentence that quotes someone ("…", ông X nói)
    not_nominal: bool = False  # not in a clause made a noun by "việc" ("đánh giá cao việc X cam kết …")
    not_in_clause_before: re.Pattern[str] | None = None  # words that, anywhere before it in its clause, cancel it


@dataclass(frozen=True, slots=True)
class TypeSettings:
    instrument: tuple[str, ...]
    location_markers: tuple[tuple[str, ...], ...]
    object_is_location: bool
    inherit: tuple[str, ...]
    host: bool
    neighbour: bool
    yields_to: tuple[str, ...] = ()
    one_host: bool = False  # two different hosts with one guest are two events
    said_after_words: int = 0  # >0: a date more words than this after the trigger is in what was said
    multilateral_type: str = ""  # the type of this trigger when an international body takes part
    multilateral_triggers: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class Money:
    """Money expressions: "3 triệu USD", "15,5 triệu USD", "2 tỷ đồng", "USD 5 million"."""

    vietnamese: re.Pattern[str]  # number, scale, currency
    english: re.Pattern[str]  # currency, number, scale
    scales: dict[str, Decimal]
    currencies: dict[str, str]  # lower-cased surface form -> ISO code

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, str, str]]:
        """``(start, end, amount, currency)`` of each amount in ``text[start:end]``, left to right."""
        end = len(text) if end is None else end
        found: list[tuple[int, int, str, str]] = []
        for pattern, english in ((self.vietnamese, False), (self.english, True)):
            for m in pattern.finditer(text, start, end):
                if any(m.start() < e and s < m.end() for s, e, _, _ in found):
                    continue
                number = _number(m["num"], english)
                if number is None:
                    continue
                scale = self.scales.get(m["scale"].lower(), Decimal(1)) if m["scale"] else Decimal(1)
                currency = self.currencies.get(m["cur"].lower(), "")
                if currency:
                    found.append((m.start(), m.end(), _plain(number * scale), currency))
        return sorted(found)


def _number(raw: str, english: bool) -> Decimal | None:
    """The value of "1.500", "15,5", "1,500.25": Vietnamese writes "." for thousands and "," for
    decimals, English the other way round; a separator that is not followed by groups of three
    digits can only be the decimal mark."""
    thousands, decimal = (",", ".") if english else (".", ",")
    if "." in raw and "," in raw:
        # Both: the last one is the decimal mark whatever the language.
        last = max(raw.rfind("."), raw.rfind(","))
        decimal = raw[last]
        thousands = "," if decimal == "." else "."
        digits = raw[:last].replace(thousands, "") + "." + raw[last + 1:]
    else:
        sep = "." if "." in raw else "," if "," in raw else ""
        groups = raw.split(sep) if sep else [raw]
        if not sep:
            digits = raw
        elif all(len(g) == 3 for g in groups[1:]) and (sep == thousands or len(groups) > 2):
            digits = "".join(groups)
        elif len(groups) == 2:
            digits = groups[0] + "." + groups[1]
        else:
            return None
    try:
        return Decimal(digits)
    except InvalidOperation:
        return None


def _plain(value: Decimal) -> str:
    """"3000000", "1.5": no exponent, no trailing zeros."""
    if value == value.to_integral_value():
        return str(int(value))
    return format(value.normalize(), "f")


@dataclass(frozen=True, slots=True)
class Lexicon:
    """The events lexicon: ``pipeline/data/events.toml`` as typed rules."""

    rules: tuple[TriggerRule, ...]
    # first word of a phrase -> (phrase words, indices into ``rules``), longest phrase first
    index: dict[str, tuple[tuple[tuple[str, ...], tuple[int, ...]], ...]]
    plover: dict[str, str]
    types: dict[str, TypeSettings]
    negation: tuple[tuple[str, ...], ...]
    mention_rule: TriggerRule  # a named event (EVENT mention) with a verb
    mention_verbs: tuple[tuple[str, ...], ...]
    mention_verbs_not_after: tuple[tuple[str, ...], ...]
    mention_not_heads: tuple[str, ...]  # lower case: named events that are no conferences
    participant_types: frozenset[str]
    place_not_after: re.Pattern[str]  # "khách Tây Ban Nha": people or goods of a place, not the state
    attribution: re.Pattern[str]
    target_markers: tuple[tuple[str, ...], ...]
    location_markers: tuple[tuple[str, ...], ...]
    location_fillers: tuple[tuple[str, ...], ...]
    anaphora_cues: tuple[tuple[str, ...], ...]
    temporal_cues: tuple[tuple[str, ...], ...]
    object_cues: tuple[tuple[str, ...], ...]
    generic: tuple[tuple[str, ...], ...]
    indefinite: tuple[tuple[str, ...], ...]
    ordinal_window: re.Pattern[str]
    ordinal_immediate: re.Pattern[str]
    ordinal_words: dict[str, int]
    planned: re.Pattern[str]
    occurred: re.Pattern[str]
    date_not_after: tuple[tuple[str, ...], ...]
    period_after: tuple[tuple[str, ...], ...]
    goal_words: re.Pattern[str]
    since: re.Pattern[str]  # a date after these in its clause is a starting point
    same_day: re.Pattern[str]  # "cùng ngày": the day of the last date given before
    date_ignore_inside: frozenset[str]
    money: Money
    weights: dict[str, float]

    @classmethod
    def load(cls, path: str | Path | None = None) -> "Lexicon":
        """Load the lexicon (the packaged one by default); a bad file raises :class:`ConfigError`."""
        if path is None:
            text = resources.files("pipeline").joinpath("data/events.toml").read_text(encoding="utf-8")
            origin = "pipeline/data/events.toml"
        else:
            text, origin = Path(path).read_text(encoding="utf-8"), str(path)
        try:
            return cls._build(tomllib.loads(text), origin)
        except (tomllib.TOMLDecodeError, KeyError, TypeError, ValueError, re.error) as exc:
            raise ConfigError(
                f"{origin}: unusable events lexicon ({type(exc).__name__}: {exc}); fix the file") from None

    @classmethod
    def _build(cls, data: dict, origin: str) -> "Lexicon":
        def fail(msg: str) -> None:
            raise ConfigError(f"{origin}: {msg}")

        plover = {t: str(data["plover"][t]) for t in EVENT_TYPES}
        unknown_types = set(data.get("types", {})) - set(EVENT_TYPES)
        if unknown_types:
            fail(f"[types]: unknown type(s) {sorted(unknown_types)}; known: {', '.join(EVENT_TYPES)}")
        types: dict[str, TypeSettings] = {}
        for t in EVENT_TYPES:
            raw = data.get("types", {}).get(t, {})
            if set(raw) - _TYPE_KEYS:
                fail(f"[types.{t}]: unknown key(s) {sorted(set(raw) - _TYPE_KEYS)}; known: {sorted(_TYPE_KEYS)}")
            inherit = tuple(raw.get("inherit", []))
            if set(inherit) - _INHERIT:
                fail(f"[types.{t}] inherit: unknown {sorted(set(inherit) - _INHERIT)}; known: {sorted(_INHERIT)}")
            types[t] = TypeSettings(
                instrument=tuple(raw.get("instrument", ["TREATY"])),
                location_markers=_phrases(raw.get("location_markers", [])),
                object_is_location=bool(raw.get("object_is_location", False)),
                inherit=inherit,
                host=bool(raw.get("host", False)),
                neighbour=bool(raw.get("neighbour", True)),
                yields_to=tuple(raw.get("yields_to", [])),
                one_host=bool(raw.get("one_host", False)),
                said_after_words=int(raw.get("said_after_words", 0)),
                multilateral_type=str(raw.get("multilateral_type", "")),
                multilateral_triggers=frozenset(str(x).lower() for x in raw.get("multilateral_triggers", [])),
            )
        rules: list[TriggerRule] = []
        by_first: dict[str, dict[tuple[str, ...], list[int]]] = {}
        for n, raw in enumerate(data["trigger"]):
            where = f"[[trigger]] #{n + 1}"
            if set(raw) - _TRIGGER_KEYS:
                # A key meant for the top level written after a [[trigger]] lands in that trigger.
                fail(f"{where}: unknown key(s) {sorted(set(raw) - _TRIGGER_KEYS)}; known: {sorted(_TRIGGER_KEYS)}")
            etype, form = raw["type"], raw.get("form", "noun")
            if etype not in EVENT_TYPES:
                fail(f"{where}: type {etype!r} is not one of {', '.join(EVENT_TYPES)}")
            if form not in _FORMS:
                fail(f"{where}: form {form!r} is not one of {', '.join(_FORMS)}")
            needs = tuple(frozenset(n_.split("|")) for n_ in raw.get("needs", ["argument"]))
            unknown = set().union(*needs) - _NEEDS if needs else set()
            if unknown:
                fail(f"{where}: needs {sorted(unknown)} unknown; known: {', '.join(sorted(_NEEDS))}")
            strength = float(raw["strength"])
            if not 0 <= strength <= 1:
                fail(f"{where}: strength must be between 0 and 1, got {strength}")
            rule = TriggerRule(
                type=etype,
                form=form,
                strength=strength,
                needs=needs,
                not_before=_phrases(raw.get("not_before", [])),
                not_after=_phrases(raw.get("not_after", [])),
                target_within=int(raw.get("target_within", 0)),
                source_within=int(raw.get("source_within", 0)),
                targets=bool(raw.get("targets", True)),
                neighbour=bool(raw.get("neighbour", types[etype].neighbour)),
                plover=str(raw.get("plover", plover[etype])),
                requires_quote=bool(raw.get("requires_quote", False)),
                not_nominal=bool(raw.get("not_nominal", False)),
                not_in_clause_before=_word_regex([re.escape(w) for w in raw["not_in_clause_before"]])
                if raw.get("not_in_clause_before") else None,
            )
            rules.append(rule)
            for p in _phrases(raw["phrases"]):
                by_first.setdefault(p[0], {}).setdefault(p, []).append(len(rules) - 1)
        index = {
            first: tuple(sorted(((p, tuple(ix)) for p, ix in group.items()), key=lambda x: -len(x[0])))
            for first, group in by_first.items()
        }
        em = data["event_mention"]
        if em["type"] not in EVENT_TYPES:
            fail(f"[event_mention] type {em['type']!r} is not one of {', '.join(EVENT_TYPES)}")
        ana = data["anaphora"]
        status = data["status"]
        dates = data["dates"]
        money = data["money"]
        scales = {k.lower(): Decimal(repr(v)) if not float(v).is_integer() else Decimal(int(v))
                  for k, v in money["scales"].items()}
        en_scales = {k.lower(): Decimal(int(v)) for k, v in money["english_scales"].items()}
        currencies: dict[str, str] = {}
        for code, forms in money["currencies"].items():
            for f in forms:
                currencies[f.lower()] = code
        cur_all = [re.escape(f) for f in currencies]
        # English order takes codes and symbols only ("USD 5 million"), never a Vietnamese word.
        cur_codes = [re.escape(f) for code, forms in money["currencies"].items() for f in forms
                     if not any(c.islower() for c in f)]
        number = r"(?P<num>\d+(?:[.,]\d+)*)"
        vn_scale = "|".join(re.escape(s) for s in sorted(scales, key=len, reverse=True))
        any_scale = "|".join(re.escape(s) for s in sorted({**scales, **en_scales}, key=len, reverse=True))
        cur_any = "|".join(sorted(cur_all, key=len, reverse=True))
        vietnamese = re.compile(
            rf"(?<![\w.,]){number}\s*(?:(?P<scale>{vn_scale})\s*)?(?P<cur>{cur_any})(?!\w)", re.IGNORECASE)
        english = re.compile(
            rf"(?<!\w)(?P<cur>{'|'.join(sorted(cur_codes, key=len, reverse=True))})\s*{number}"
            rf"(?:\s*(?P<scale>{any_scale}))?(?!\w)",
            re.IGNORECASE,
        )
        conf = {k: float(v) for k, v in data["confidence"].items()}
        for key in ("participant", "two_participants", "date", "instrument", "location", "amount",
                    "evidence", "max_evidence"):
            conf.setdefault(key, 0.0)
        return cls(
            rules=tuple(rules),
            index=index,
            plover=plover,
            types=types,
            negation=_phrases(data.get("negation", {}).get("words", [])),
            mention_rule=TriggerRule(em["type"], "noun", float(em["strength"]), (frozenset({"argument"}),),
                                     (), (), 0, 0, True, types[em["type"]].neighbour, plover[em["type"]]),
            mention_verbs=_phrases(em["verbs"]),
            mention_verbs_not_after=_phrases(em.get("verbs_not_after", [])),
            mention_not_heads=tuple(h.lower() + " " for h in em.get("not_heads", [])),
            participant_types=frozenset(data["participants"]["types"]),
            place_not_after=re.compile(r"(?<!\w)(?:" + "|".join(
                re.escape(w) for w in data["participants"].get("place_not_after", []) or ["(?!)"]) + r")\s$",
                re.IGNORECASE),
            attribution=re.compile(data["participants"]["attribution"], re.IGNORECASE),
            target_markers=_phrases(data["participants"].get("target_markers", [])),
            location_markers=_phrases(data["location"]["markers"]),
            location_fillers=_phrases(data["location"].get("fillers", [])),
            anaphora_cues=_phrases(ana["cues"]),
            temporal_cues=_phrases(ana.get("temporal_cues", [])),
            object_cues=_phrases(ana.get("object_cues", [])),
            generic=_phrases(ana["generic"]),
            indefinite=_phrases(ana.get("indefinite", [])),
            ordinal_window=re.compile(ana["ordinal_window"], re.IGNORECASE),
            ordinal_immediate=re.compile(ana["ordinal_immediate"], re.IGNORECASE),
            ordinal_words={k.lower() if not k.isupper() else k: int(v) for k, v in ana["ordinal_words"].items()},
            planned=_word_regex(status["planned"]),
            occurred=_word_regex(status["occurred"]),
            date_not_after=_phrases(dates.get("not_after", [])),
            period_after=_phrases(dates.get("period_after", [])),
            goal_words=_word_regex([re.escape(w) for w in dates.get("goal_words", [])] or ["(?!)"]),
            since=_word_regex([re.escape(w) for w in dates.get("since", [])] or ["(?!)"]),
            same_day=_word_regex([re.escape(w) for w in dates.get("same_day", [])] or ["(?!)"]),
            date_ignore_inside=frozenset(dates.get("ignore_inside", [])),
            money=Money(vietnamese, english, {**scales, **en_scales}, currencies),
            weights=conf,
        )


# -- per-document working records ----------------------------------------------------------------


@dataclass(slots=True)
class _Words:
    """The words of a stretch of text with their offsets, for phrase matching."""

    text: str
    spans: list[tuple[int, int]]
    lower: list[str]

    @classmethod
    def of(cls, text: str, start: int, end: int) -> "_Words":
        spans = [(m.start(), m.end()) for m in _WORD.finditer(text, start, end)]
        return cls(text, spans, [text[s:e].lower() for s, e in spans])

    def gap_ok(self, k: int) -> bool:
        """Only whitespace between word k-1 and word k."""
        a, b = self.spans[k - 1][1], self.spans[k][0]
        return a < b and self.text[a:b].isspace()

    def match(self, i: int, phrase: tuple[str, ...]) -> bool:
        n = len(phrase)
        if i < 0 or i + n > len(self.spans):
            return False
        return all(self.lower[i + k] == phrase[k] for k in range(n)) and all(
            self.gap_ok(i + k) for k in range(1, n))

    def preceded_by(self, i: int, phrase: tuple[str, ...]) -> bool:
        """Words ``phrase`` end right before word ``i`` (only whitespace between)."""
        j = i - len(phrase)
        return j >= 0 and self.match(j, phrase) and self.gap_ok(i)

    def followed_by(self, j: int, phrase: tuple[str, ...]) -> bool:
        """Words ``phrase`` start right at word ``j``, after only whitespace."""
        return 0 < j < len(self.spans) and self.match(j, phrase) and self.gap_ok(j)

    def at(self, offset: int) -> int | None:
        """Index of the word starting at ``offset``."""
        for k, (s, _) in enumerate(self.spans):
            if s == offset:
                return k
            if s > offset:
                break
        return None


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
    forms: dict[str, Mention] = field(default_factory=dict)  # the document's participants, by surface

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


# -- the stage ------------------------------------------------------------------------------------


def _inside_name(start: int, end: int, mentions) -> bool:
    """The trigger ``start:end`` overlaps a name other than an EVENT's and does not hold it whole
    ("viết trên Facebook" holds the medium it names: still a trigger)."""
    return any(m.start < end and start < m.end and m.type != "EVENT" and not (start < m.start and m.end <= end)
               for m in mentions)


class EventExtractor:
    """``Doc -> Doc``: see the module docstring. Build once and reuse; holds no per-document state."""

    def __init__(self, config: EventsConfig, lexicon: Lexicon | None = None,
                 event_dates: dict[str, tuple[str, str]] | None = None,
                 multilateral: frozenset[str] = frozenset(), credits: Credits | None = None):
        self.config = config
        self.credits = credits or Credits.load()
        self.lex = lexicon or Lexicon.load()
        # Named events with known dates (COP23 -> 2017-11-06..2017-11-17), by canonical name.
        self.event_dates = event_dates or {}
        # International organisations and groupings (EU, ASEAN, G20): their meetings are conferences.
        self.multilateral = multilateral
        self._mention_verb_firsts = frozenset(v[0] for v in self.lex.mention_verbs)

    def __call__(self, doc: Document) -> Document:
        if doc.status not in ("ok", "duplicate"):
            return doc
        reference: dt.date | None = parse_iso_date(doc.published) if doc.published else None
        basis = "published"
        if reference is None and doc.year_estimate:
            # A day and month without a year then resolve inside the estimated year, and say so.
            reference, basis = EstimatedDate.of_year(int(doc.year_estimate)), "estimated"
        sents = self._sentences(doc)
        by_para: dict[int, list[_Sent]] = {}
        for s in sents:
            by_para.setdefault(s.para.index, []).append(s)
        headline = next((p for p in doc.paragraphs if p.index == 0 and p.kind == "title"), None)
        records: list[_Record] = []
        for s in sents:
            for hit in self._hits(s):
                self._place(hit, by_para, headline, reference, records)
        records = self._merge(records)
        records = self._yield(records)
        self._inherit(records, reference)
        # Without a publication date or a year the text states, day dates cannot be resolved: a
        # missing date is then no evidence against an event.
        dateless = reference is None
        events = [self._event(doc.doc_id, r, dateless, basis) for r in sorted(records, key=lambda r: r.order)]
        for e in events:
            # A named conference the text gives no date for happened when the gazetteer says it did.
            if not e.date and e.type == "CONFERENCE" and e.instrument in self.event_dates:
                e.date, e.date_end = self.event_dates[e.instrument]
                e.date_precision, e.date_basis = "day", "gazetteer"
                if reference is not None and not isinstance(reference, EstimatedDate) \
                        and e.date > reference.isoformat():
                    e.status = "planned"  # COP28 (2023-11-30) in an article of 2023-08-24 has not happened
        for e in events:
            e.cluster_id = _cluster_id(e)  # after the gazetteer's dates: COP23's reports share one
        doc.events = [e for e in events if e.confidence >= self.config.min_confidence]
        return doc

    # -- sentences ---------------------------------------------------------------------------
    def _sentences(self, doc: Document) -> list[_Sent]:
        by_para: dict[int, list[Mention]] = {}
        for m in doc.mentions:
            by_para.setdefault(m.paragraph, []).append(m)
        out: list[_Sent] = []
        for para in sorted(doc.paragraphs, key=lambda p: p.index):
            mentions = sorted(by_para.get(para.index, []), key=lambda m: (m.start, -m.end))
            # An unsegmented paragraph is read as one sentence rather than skipped.
            for sent in para.sentences or [Sentence(0, 0, len(para.text), para.text)]:
                for start, end in self._pieces(para.text, sent.start, sent.end):
                    self._add_sentence(out, para, sent, start, end, mentions)
        # Every surface form of a participant in the document, to find the parties written inside
        # an event's name ("Hội nghị Bộ trưởng Môi trường ASEAN+3" names ASEAN).
        forms: dict[str, Mention] = {}
        for m in sorted(doc.mentions, key=lambda m: (m.paragraph, m.start)):
            if m.type in self.lex.participant_types and len(m.text) > 1:
                forms.setdefault(m.text, m)
        for s in out:
            s.forms = forms
        return out

    def _pieces(self, text: str, start: int, end: int) -> list[tuple[int, int]]:
        """The sentence without its photo credits: a credit glued to the next sentence by a crawl
        that lost line breaks ("(Ảnh: Lâm Khánh/TTXVN) Sáng 12/9, …") is cut by its own span, and
        the text on both sides stays."""
        pieces: list[tuple[int, int]] = []
        for c0, c1 in self.credits.spans(text, start, end):
            pieces.append((start, c0))
            start = c1
        pieces.append((start, end))
        trimmed = []
        for a, b in pieces:
            while a < b and text[a].isspace():
                a += 1
            while b > a and text[b - 1].isspace():
                b -= 1
            if _WORD.search(text, a, b):  # not a credit and nothing else
                trimmed.append((a, b))
        return trimmed

    def _add_sentence(self, out: list[_Sent], para: Paragraph, sent: Sentence, start: int, end: int,
                      mentions: list[Mention]) -> None:
        attr = self.lex.attribution.match(para.text[start:end])
        attribution = (start, start + attr.end()) if attr else (start, start)
        bounds = [start] + [m.end() for m in _CLAUSE_END.finditer(para.text, start, end)] + [end]
        clauses = [(a, b) for a, b in zip(bounds, bounds[1:]) if b > a]
        out.append(_Sent(para, sent, start, end, _Words.of(para.text, start, end),
                         [m for m in mentions if start <= m.start and m.end <= end],
                         attribution, clauses))

    def _dates(self, s: _Sent, reference: dt.date | None) -> list[tuple[int, int, str, str, str, str]]:
        """Date expressions of the sentence that can be an event's date (paragraph offsets)."""
        if s.dates is None:
            lex = self.lex
            found = []
            quoted = [m.span() for m in _QUOTED.finditer(s.para.text, s.start, s.end)]
            for d in find_dates(s.para.text[s.start:s.end], reference):
                a, b = s.start + d.start, s.start + d.end
                if any(m.start <= a and b <= m.end and m.type in lex.date_ignore_inside for m in s.mentions):
                    continue  # part of a name: "Kế hoạch ... vào năm 2050"
                if any(q0 < a and b < q1 for q0, q1 in quoted):
                    continue  # what someone said: "“… vượt mức lũ lịch sử năm 2009 …”, Bộ Công Thương cho biết"
                s.timed = True
                k = s.words.at(a)
                if not d.date_end and k is not None and any(s.words.preceded_by(k, p) for p in lex.date_not_after):
                    continue  # "đến năm 2030": a deadline, not when it happens
                if (d.precision == "year" and d.date_end) or (
                        k is not None and any(s.words.preceded_by(k, p) for p in lex.period_after)):
                    continue  # "giai đoạn 2016 - 2020": a period
                clause = next(((c0, c1) for c0, c1 in s.clauses if c0 <= a < c1), (s.start, s.end))
                if lex.since.search(s.para.text, clause[0], a):
                    continue  # "kể từ khi quân đội lật đổ chính quyền hôm 1/2": a starting point
                if d.precision in ("year", "month") and any(
                        not any(m.start <= g.start() < m.end for m in s.mentions)
                        for g in lex.goal_words.finditer(s.para.text, clause[0], a)):
                    continue  # "mục tiêu trung hòa carbon vào năm 2050" (the words, not inside a name)
                found.append((a, b, d.text, d.date, d.date_end, d.precision, d.relative))
            s.dates = found
        return s.dates

    # -- triggers ----------------------------------------------------------------------------
    def _hits(self, s: _Sent) -> list[_Hit]:
        lex, w, text = self.lex, s.words, s.para.text
        hits: list[_Hit] = []
        i = 0
        while i < len(w.spans):
            found = None
            for phrase, rule_ix in lex.index.get(w.lower[i], ()):
                if not w.match(i, phrase):
                    continue
                j = i + len(phrase)
                start, end = w.spans[i][0], w.spans[j - 1][1]
                rules = tuple(lex.rules[x] for x in rule_ix if self._allowed(lex.rules[x], s, i, j, start, end))
                if rules:
                    found = (i, j, start, end, rules)
                    break
            if found is None:
                i += 1
                continue
            i0, j, start, end, rules = found
            prev = hits[-1] if hits else None
            if prev is not None and prev.rules[0].type == rules[0].type and text[prev.end:start].isspace() \
                    and prev.name is None:
                # "gặp gỡ, trao đổi với" without the comma, "viện trợ khẩn cấp gói viện trợ":
                # one trigger, not two.
                prev.end = end
                prev.rules = prev.rules + tuple(r for r in rules if r not in prev.rules)
                i = j
                continue
            name = next((m for m in s.mentions if m.type == "EVENT" and m.start <= start and end <= m.end), None)
            hits.append(self._describe(_Hit(s, start, end, rules, rules[0].form, name), i0))
            i = j
        # Named events: a conference when the sentence has one of the verbs and no trigger claims them.
        self._segment(s, hits)
        # (Only a sentence with a named event needs the verb test: it is the costly part of this stage.)
        verbs = any(m.type == "EVENT" for m in s.mentions) and self._has_verb(s)
        if verbs:
            claimed = {id(h.name) for h in hits if h.name is not None}
            for m in s.mentions:
                if m.type != "EVENT" or id(m) in claimed \
                        or (m.text.lower() + " ").startswith(lex.mention_not_heads) \
                        or (m.canonical.lower() + " ").startswith(lex.mention_not_heads):
                    continue
                if any(h.start < m.end and m.start < h.end for h in hits):
                    continue
                if any("EVENT" in lex.types[h.rules[0].type].instrument and h.name is None
                       and h.seg_start <= m.start and m.end <= h.seg_end for h in hits):
                    continue  # "COP 23 là hội nghị ...": the name of that trigger's conference
                k = w.at(m.start)
                hits.append(self._describe(_Hit(s, m.start, m.end, (lex.mention_rule,), "noun", m), k))
            hits.sort(key=lambda h: h.start)
            self._segment(s, hits)
        return hits

    def _allowed(self, rule: TriggerRule, s: _Sent, i: int, j: int, start: int, end: int) -> bool:
        w, text = s.words, s.para.text
        if rule.requires_quote and not _QUOTE.search(text[s.start:s.end]) \
                and not text[end:end + 2].lstrip().startswith(":"):
            return False  # neither a quotation nor direct speech after a colon ("cho biết: ...")
        if any(w.preceded_by(i, p) for p in rule.not_before):
            return False
        if rule.form == "verb" and any(w.preceded_by(i, p) for p in self.lex.negation):
            return False  # "chưa lên tiếng", "không gặp"
        if any(w.followed_by(j, p) for p in rule.not_after):
            return False
        c0 = next((a for a, b in s.clauses if a <= start < b), s.start)  # the trigger's clause
        if rule.not_in_clause_before is not None and rule.not_in_clause_before.search(text, c0, start):
            return False  # "các thỏa thuận mà các bang ... ký": a relative clause
        if rule.not_nominal and _NOMINAL.search(text, c0, start):
            return False  # "đánh giá cao việc ACB tiếp tục cam kết …": what was welcomed, not said
        # Inside a name ("Trung tâm Hội nghị Quốc gia", "Tuyên bố chung ASEAN"): not a trigger;
        # inside an EVENT name it is that event's own word. A name the trigger phrase itself ends
        # with is no such case: "viết trên Facebook" names the medium it was said on.
        if _inside_name(start, end, s.mentions):
            return False
        if rule.form == "verb" and text[start].isupper():
            before = text[s.start:start].rstrip()
            if before and before[-1] not in _OPENERS:
                return False  # "Nguyễn Văn Ký": a capitalised verb mid-sentence is part of a name
        return True

    def _describe(self, hit: _Hit, i: int | None) -> _Hit:
        """Determiners, cues and ordinals around a trigger."""
        lex, s = self.lex, hit.s
        w, text = s.words, s.para.text
        if i is not None:
            det = next((p for p in lex.generic if w.preceded_by(i, p)), None)
            if det is None and i > 0 and w.lower[i - 1].isdigit() and w.gap_ok(i):
                det = (w.lower[i - 1],)  # "2 cuộc họp"
            hit.generic = det is not None
            hit.indefinite = any(w.preceded_by(i, p) for p in lex.indefinite)
            k = i - len(det) if det else i
            hit.temporal = any(w.preceded_by(k, p) for p in lex.temporal_cues)
            hit.cue = hit.temporal or any(w.preceded_by(k, p) for p in lex.anaphora_cues)
            hit.object_cue = any(w.preceded_by(k, p) for p in lex.object_cues)
            if hit.form == "verb" and (hit.cue or hit.object_cue) and hit.rules[0].type != "STATEMENT":
                # "Phát biểu tại hội đàm", "Sau hội đàm", "chủ trì hội nghị": the verb names the event.
                hit.form = "noun"
            lead = text[s.start:w.spans[k][0]] if k < len(w.spans) else ""
            hit.initial = not _WORD.search(lead)
        if hit.form == "noun" and hit.name is None:
            # Parties written right after the noun name the event: "Đối thoại ASEAN - Hàn Quốc".
            ids: list[str] = []
            texts: list[frozenset[str]] = []
            pos = hit.end
            for m in s.mentions:
                if m.start < pos:
                    continue
                sep = r"\s*" if not ids else r"\s*(?:[-–—/&]|và)\s*"
                if m.type in lex.participant_types and re.fullmatch(sep, text[pos:m.start]) and text[pos:m.start] != "":
                    ids.append(m.entity_id or m.canonical or m.text)
                    texts.append(_names(m))
                    pos = m.end
                    continue
                break
            hit.name_ids = frozenset(ids)
            hit.name_texts = tuple(texts)
        if hit.name is not None:
            m = lex.ordinal_window.search(text, hit.name.start, hit.name.end)
        else:
            m = lex.ordinal_immediate.match(text, hit.end, s.end)
            if m is None:
                clause_end = next((c1 for c0, c1 in s.clauses if c0 <= hit.start < c1), s.end)
                m = lex.ordinal_window.search(text, hit.end, min(clause_end, hit.end + 60))
        if m is not None:
            hit.ordinal = self._ordinal(m)
        return hit

    def _ordinal(self, m: re.Match[str]) -> int | None:
        groups = {k: v for k, v in m.groupdict().items() if v}
        if "first" in groups:
            return 1
        raw = next(iter(groups.values()), "")
        raw = " ".join(raw.split())
        if raw.isdigit():
            return int(raw)
        return self.lex.ordinal_words.get(raw if raw.isupper() else raw.lower())

    def _has_verb(self, s: _Sent) -> bool:
        w = s.words
        firsts = self._mention_verb_firsts
        for i in range(len(w.spans)):
            if w.lower[i] not in firsts:
                continue
            for verb in self.lex.mention_verbs:
                if w.match(i, verb):
                    j = i + len(verb)
                    if any(w.followed_by(j, p) for p in self.lex.mention_verbs_not_after):
                        continue
                    a, b = w.spans[i][0], w.spans[j - 1][1]
                    if not any(m.start < b and a < m.end for m in s.mentions):
                        return True
        return False

    @staticmethod
    def _segment(s: _Sent, hits: list[_Hit]) -> None:
        """Each trigger's stretch of the sentence: from the previous trigger to the next one."""
        for k, h in enumerate(hits):
            h.seg_start = hits[k - 1].end if k > 0 else s.start
            h.seg_end = hits[k + 1].start if k + 1 < len(hits) else s.end

    # -- arguments ---------------------------------------------------------------------------
    def _participants(self, hit: _Hit, rule: TriggerRule, location_ids: set[int]) -> list[_Part]:
        lex, s, text = self.lex, hit.s, hit.s.para.text
        a0, a1 = s.attribution
        nested = [m for m in s.mentions if m.type in ("EVENT", "TREATY")]

        def usable(m: Mention) -> bool:
            if m.type not in lex.participant_types or id(m) in location_ids:
                return False
            if m.type == "GPE" and lex.place_not_after.search(text, max(0, m.start - 20), m.start):
                return False  # "58.000 khách Tây Ban Nha đến thăm": tourists, not Spain
            if any(n is not m and n.start <= m.start and m.end <= n.end for n in nested):
                return False  # "Liên hợp quốc" inside "Công ước khung của Liên hợp quốc ..."
            return True

        # Objects stay in the trigger's clause; a reference in a leading adverbial ("Tại cuộc đối
        # thoại, A và B đã thảo luận") reaches into the main clause that follows it.
        c0, c1 = hit.clause
        limit = c1
        if hit.cue and hit.form == "noun" and (c0, c1) == s.clauses[0] and len(s.clauses) > 1:
            limit = s.clauses[1][1]
        limit = min(limit, hit.seg_end)
        # The subject of the sentence's first trigger may stand clauses before it ("Bộ Ngoại giao
        # Hàn Quốc cho biết ..., cuộc họp ..."); a later trigger's is in its own clause, the text
        # before belongs to the trigger before ("Đối thoại A - B về ..., Đối thoại A - C ...").
        # (A speaker is found by _speaker, across the commas of his titles.)
        statement = rule.type == "STATEMENT"
        lo = hit.seg_start if hit.seg_start == s.start or statement else max(hit.seg_start, c0)
        before = [m for m in s.mentions if usable(m) and lo <= m.start and m.end <= hit.start]
        after = [m for m in s.mentions if usable(m) and m.start >= hit.end and m.end <= limit]
        if statement:
            before = self._speaker(hit, before, [m for m in s.mentions if usable(m) and a0 <= m.start and m.end <= a1])
            if rule.source_within and before and hit.start - before[-1].end > rule.source_within \
                    and not (a0 <= before[-1].start and before[-1].end <= a1 and before[-1].type == "PERSON"):
                before = []  # (the speaker a lead-in quotes may stand far: "X dẫn lời Y cho biết, …, Z kêu gọi")
        else:
            before = [m for m in before if not (a0 <= m.start and m.end <= a1)]
        if not rule.targets:
            after = []
        elif rule.target_within:
            after = [m for m in after if m.start - hit.end <= rule.target_within]
        if hit.form == "verb" or statement:
            # One named before and after the verb is its object unless it is the subject right before
            # it: "Nhận lời mời của Tây Ban Nha, A đã thăm Tây Ban Nha" (A visits Spain).
            nearest = (before[-1].entity_id or before[-1].text) if before else None
            objects = {m.entity_id or m.text for m in after}
            roles = [(m, "source") for m in before if (m.entity_id or m.text) not in objects
                     or (m.entity_id or m.text) == nearest] + [(m, "target") for m in after]
        else:
            marked = [m for m in after if any(
                re.search(rf"(?<!\w){re.escape(' '.join(p))}(?!\w)", text[hit.end:m.start].lower())
                for p in lex.target_markers)]
            if marked:
                first = marked[0].start
                roles = [(m, "source") for m in before] + [
                    (m, "target" if m.start >= first else "participant") for m in after]
            else:
                roles = [(m, "participant") for m in before + after]
        parts: list[_Part] = []
        seen: set[str] = set()
        for m, role in roles:
            key = m.entity_id or m.canonical or m.text
            if key not in seen:
                seen.add(key)
                parts.append(_Part(Participant(key, m.canonical or m.text, m.type, role), (s.para.index, m.start)))
        if hit.name is not None:
            name = hit.name
            for form, m in s.forms.items():
                key = m.entity_id or m.canonical or m.text
                if key in seen:
                    continue
                at = re.search(rf"(?<!\w){re.escape(form)}(?!\w)", text[name.start:name.end])
                if at is not None and (name.start + at.start(), name.start + at.end()) != (name.start, name.end):
                    seen.add(key)
                    parts.append(_Part(Participant(key, m.canonical or m.text, m.type, "participant"),
                                       (s.para.index, name.start + at.start())))
        return sorted(parts, key=lambda p: p.order)

    @staticmethod
    def _speaker(hit: _Hit, before: list[Mention], attributed: list[Mention]) -> list[Mention]:
        """Who makes a statement: a person named before the verb with the bodies after the name
        ("ông A, Thứ trưởng Bộ X, Trưởng đoàn Việt Nam nhấn mạnh"); without a person, the bodies of
        the verb's own clause ("Bộ Công Thương khẳng định"); with "Theo X, ..." also X."""
        text = hit.s.para.text
        stops = [m.end() for m in _STRONG_STOP.finditer(text, hit.seg_start, hit.start)]
        if stops:
            before = [m for m in before if m.start >= stops[-1]]
        people = [m for m in before if m.type == "PERSON"]
        if people:
            # The person nearest the verb, with those joined to it ("Bộ trưởng A và Bộ trưởng B
            # khẳng định"); a person named earlier in a title ("Đặc phái viên của Tổng thống Mỹ
            # ... B") is not the speaker.
            first = people[-1]
            for prev in reversed(people[:-1]):
                gap = text[prev.end:first.start]
                if re.search(r"(?<!\w)(?:và|cùng)(?!\w)", gap) and not re.search(r"[,;:]", gap):
                    first = prev
                else:
                    break
            before = [m for m in before if m.start >= first.start]
        else:
            c0 = hit.clause[0]
            before = [m for m in before if m.start >= c0]
        return sorted({id(m): m for m in attributed + before}.values(), key=lambda m: m.start)

    def _neighbours(self, hit: _Hit, by_para: dict[int, list[_Sent]]) -> list[_Part]:
        """Participants of the sentence before (else after) in the same paragraph."""
        lex = self.lex
        sents = by_para.get(hit.s.para.index, [])
        k = next((n for n, x in enumerate(sents) if x is hit.s), None)
        if k is None:
            return []
        for n in (k - 1, k + 1):
            if not 0 <= n < len(sents):
                continue
            other = sents[n]
            a0, a1 = other.attribution
            parts: list[_Part] = []
            seen: set[str] = set()
            locs = {id(m) for m in self._location_mentions(other, other.start, None)}
            for m in other.mentions:
                if m.type not in lex.participant_types or id(m) in locs or (a0 <= m.start and m.end <= a1):
                    continue
                if any(n_ is not m and n_.type in ("EVENT", "TREATY") and n_.start <= m.start and m.end <= n_.end
                       for n_ in other.mentions):
                    continue
                key = m.entity_id or m.canonical or m.text
                if key not in seen:
                    seen.add(key)
                    parts.append(_Part(Participant(key, m.canonical or m.text, m.type, "participant"),
                                       (other.para.index, m.start)))
            if parts:
                return parts
        return []

    def _location_mentions(self, s: _Sent, at: int, etype: str | None) -> list[Mention]:
        """The place of an event whose trigger starts at ``at``: GPE/LOC after "tại", "ở" (and the
        type's own markers), nearest after the trigger first, then before it."""
        lex, w, text = self.lex, s.words, s.para.text
        markers = lex.location_markers + (lex.types[etype].location_markers if etype else ())
        a0, a1 = s.attribution
        chains: list[list[Mention]] = []
        for k in range(len(w.spans)):
            marker = next((p for p in markers if w.match(k, p)), None)
            if marker is None or (a0 <= w.spans[k][0] < a1):
                continue
            nk = k + len(marker)
            pos = w.spans[nk - 1][1]
            # Skip generic words between the marker and the name ("tại thủ đô Tokyo").
            moved = True
            while moved and nk < len(w.spans):
                moved = False
                if any(m.start == w.spans[nk][0] for m in s.mentions):
                    break
                for f in lex.location_fillers:
                    if w.match(nk, f) and w.gap_ok(nk):
                        nk += len(f)
                        pos = w.spans[nk - 1][1]
                        moved = True
                        break
            first = next((m for m in s.mentions if m.start >= pos), None)
            if first is None or first.type not in ("GPE", "LOC") or text[pos:first.start].strip():
                continue
            chain = [first]
            for m in s.mentions:
                if m.start >= chain[-1].end and m.type in ("GPE", "LOC"):
                    gap = text[chain[-1].end:m.start]
                    if re.fullmatch(r"\s*(?:[,(\-–]|và)?\s*", gap):
                        chain.append(m)
                        continue
                if m.start >= chain[-1].end:
                    break
            chains.append(chain)
        if not chains:
            return []
        after = [c for c in chains if c[0].start >= at]
        before = [c for c in chains if c[0].start < at]
        if after:
            return min(after, key=lambda c: c[0].start)
        return max(before, key=lambda c: c[0].start)

    def _args(self, hit: _Hit, rule: TriggerRule, by_para: dict[int, list[_Sent]],
              headline: Paragraph | None, reference: dt.date | None) -> _Args:
        lex, s, text = self.lex, hit.s, hit.s.para.text
        settings = lex.types[rule.type]
        args = _Args()
        loc = self._location_mentions(s, hit.start, rule.type)
        keep_loc_as_target = settings.object_is_location
        if not loc and settings.object_is_location:
            # "chuyến thăm Việt Nam": the place visited is the object.
            first = next((m for m in s.mentions if m.start >= hit.end and m.end <= hit.seg_end), None)
            if first is not None and first.type in ("GPE", "LOC") and first.start - hit.end <= 3:
                loc = [first]
        args.location = ", ".join(m.canonical or m.text for m in loc)
        location_ids = set() if keep_loc_as_target else {id(m) for m in loc}
        args.participants = self._participants(hit, rule, location_ids)
        if not args.participants and rule.neighbour:
            args.participants = self._neighbours(hit, by_para)
            args.own = False
        # Instrument: the name of the event itself, else the nearest TREATY/EVENT after the trigger
        # in its clause, else before it in its stretch of the sentence.
        c1 = min(hit.clause[1], hit.seg_end)
        for mtype in settings.instrument:
            if mtype == "EVENT" and hit.name is not None:
                pick = hit.name
            else:
                inside = [m for m in s.mentions if m.type == mtype and not any(
                    n is not m and n.start <= m.start and m.end <= n.end for n in s.mentions)]
                after = [m for m in inside if m.start >= hit.end and m.end <= c1]
                before = [m for m in inside if m.start >= hit.seg_start and m.end <= hit.start]
                pick = after[0] if after else before[-1] if before else None
            if pick is not None:
                args.instrument = pick.canonical or pick.text
                args.instrument_id = pick.entity_id or args.instrument
                args.instrument_names = _names(pick)
                break
        if rule.type == "FUNDING" or any("amount" in n for n in rule.needs):
            amounts = lex.money.find(text, s.start, s.end)
            if amounts:
                near = [x for x in amounts if hit.seg_start <= x[0] and x[1] <= hit.seg_end] or amounts
                best = min(near, key=lambda x: (x[0] < hit.start, abs(x[0] - hit.end)))
                args.amount, args.currency = best[2], best[3]
        self._date(hit, args, by_para, headline, reference, settings.said_after_words)
        args.status = self._status(hit, args, reference, extend=hit.form == "noun" or hit.name is not None)
        return args

    def _date(self, hit: _Hit, args: _Args, by_para: dict[int, list[_Sent]],
              headline: Paragraph | None, reference: dt.date | None, said_after_words: int = 0) -> None:
        """The sentence's date for the trigger (its clause, a clause before it, or a clause right
        after that opens with a date), else a scene-setting date of the paragraph, else the headline's."""
        s = hit.s
        dates = self._dates(s, reference)
        named = hit.name is not None or bool(hit.name_ids)
        ci = next((n for n, (c0, c1) in enumerate(s.clauses) if c0 <= hit.start < c1), 0)
        ranked = []
        for d in dates:
            if said_after_words and d[0] >= hit.end and len(_text_words(s.para.text[hit.end:d[0]])) > said_after_words:
                continue  # "Nga khẳng định hoạt động ... nhằm chuẩn bị cuộc diễn tập [date]": what was said
            di = next((n for n, (c0, c1) in enumerate(s.clauses) if c0 <= d[0] < c1), 0)
            if di == ci:
                ranked.append((0, abs(d[0] - hit.start), d))
            elif di < ci:
                ranked.append((1, hit.start - d[0], d))
            elif di == ci + 1 and d[0] - s.clauses[di][0] <= 8:
                ranked.append((2, d[0] - hit.end, d))
            elif named and d[0] > hit.end and self._after_verb(s, d[0]):
                # "Đối thoại A - B, Đối thoại A - C ..., được tổ chức vào ngày 2-3/8 tại Bogor"
                ranked.append((3, d[0] - hit.end, d))
        if ranked:
            chosen = min(ranked, key=lambda r: r[:2])[2]
            # An unresolved date here ("ngày 20" with no article date) is the answer: empty, not
            # the date of some other sentence.
            if chosen[3]:
                _set_date(args, chosen)
            else:
                args.date_text = chosen[2]  # "ngày 2 đến ngày 4-6" in an undated article: a date, unknown
            return
        if self.lex.same_day.search(s.para.text, s.start, s.end):
            # "Chiều cùng ngày, ...": the day of the last date the article gave before.
            for para_index in sorted((i for i in by_para if i <= s.para.index), reverse=True):
                for other in reversed(by_para[para_index]):
                    if (other.para.index, other.start) >= (s.para.index, s.start):
                        continue
                    day = next((d for d in reversed(self._dates(other, reference)) if d[3] and d[5] == "day"), None)
                    if day is not None:
                        _set_date(args, day)
                        args.date_end = ""
                        return
        if s.timed:
            # The sentence has its own time words ("từ năm 2018 khi ...", "vào năm sau") that
            # are not this event's date: another sentence's date would be a guess.
            return
        # The paragraph's scene-setting date: in the opening clause of its first sentence ("Sáng
        # 5/6, A hội đàm với B. Hai bên đã ký ..."). A date further on in a paragraph belongs to
        # what that sentence tells (an anniversary, a cancelled visit), not to the paragraph.
        sents = by_para.get(s.para.index, [])
        if sents and sents[0] is not s:
            opening = sents[0]
            c0, c1 = opening.clauses[0] if opening.clauses else (opening.start, opening.end)
            for d in self._dates(opening, reference):
                if d[3] and c0 <= d[0] < c1:
                    _set_date(args, d)
                    args.borrowed_date = True
                    return
        if headline is not None and headline.index != s.para.index:
            for other in by_para.get(headline.index, []):
                for d in self._dates(other, reference):
                    if d[3]:
                        _set_date(args, d)
                        args.borrowed_date = True
                        return

    def _after_verb(self, s: _Sent, at: int) -> bool:
        """A date right after "tổ chức", "diễn ra" ... (and "vào"): when the events named before
        it take place."""
        w = s.words
        k = next((n for n, (a, _) in enumerate(w.spans) if a >= at), None)
        if k is None:
            return False
        if k > 0 and w.lower[k - 1] == "vào":
            k -= 1
        return any(w.preceded_by(k, v) for v in self.lex.mention_verbs)

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
        for pattern, status in ((self.lex.planned, "planned"), (self.lex.occurred, "occurred")):
            for m in pattern.finditer(text, lo, hi):
                if hit.start <= m.start() < hit.end:
                    continue
                if any(x.start < m.end() and m.start() < x.end for x in s.mentions):
                    continue  # "Kế hoạch hợp tác chung" is a name, not a plan
                dist = hit.start - m.end() if m.end() <= hit.start else m.start() - hit.end
                if best is None or dist < best[0]:
                    best = (dist, status)
        if best is not None:
            return best[1]
        return _status_by_date(args.date, args.precision, reference)

    @staticmethod
    def _satisfied(rule: TriggerRule, args: _Args) -> bool:
        have = {"participant": bool(args.participants),
                "source": any(p.participant.role == "source" for p in args.participants),
                "target": any(p.participant.role == "target" for p in args.participants),
                "instrument": bool(args.instrument),
                "amount": bool(args.amount),
                "date": bool(args.date or args.date_text)}
        have["argument"] = have["participant"] or have["date"] or have["instrument"]
        return all(any(have[x] for x in need) for need in rule.needs)

    # -- records -----------------------------------------------------------------------------
    def _place(self, hit: _Hit, by_para: dict[int, list[_Sent]], headline: Paragraph | None,
               reference: dt.date | None, records: list[_Record]) -> None:
        """Attach the trigger to the event it refers to, or make it a new record."""
        first = hit.rules[0]
        bare = (hit.form == "noun" and hit.name is None and hit.ordinal is None and not hit.indefinite
                and not hit.name_ids and not self._named_after(hit, first.type))
        if bare:
            args = self._args(hit, first, by_para, headline, reference)
            own = args.participants if args.own else []
            args.participants = own  # a reference adds the people of its own sentence only
            referring = hit.initial or hit.cue or hit.object_cue or not own
            if hit.generic and not (hit.initial or hit.cue or hit.object_cue):
                return  # "tổ chức các hội thảo": not one specific event
            antecedent = self._antecedent(hit, first.type, args, records, reference)
            if antecedent is not None and (referring or antecedent.ids() & {p.participant.entity_id for p in own}):
                # A subject at the start of the sentence ("Hội nghị đã thông qua ...") is followed
                # by what it did, not by who took part. After an adverbial ("Tại cuộc đối thoại, A
                # và B ...", "Trả lời phỏng vấn X sau cuộc họp, A cho biết") the participants follow.
                if hit.initial and not hit.cue:
                    args.participants = []
                elif hit.temporal and not hit.object_cue:
                    args.participants = [p for p in args.participants if p.order[1] >= hit.end]
                self._absorb(antecedent, hit, args)
                return
            if hit.generic:
                return  # "Các Hội nghị ..." with nothing to refer to
        for rule in hit.rules:
            args = self._args(hit, rule, by_para, headline, reference)
            if bare and hit.temporal and not hit.object_cue and args.own:
                # "X cho biết, ngay sau hội đàm, ...": who took part follows the adverbial
                args.participants = [p for p in args.participants if p.order[1] >= hit.end]
            if hit.ordinal is not None and not args.participants:
                # "cuộc họp lần thứ hai": the next session of the series reported before.
                previous = next((r for r in reversed(records) if r.type == rule.type and r.ordinal is not None
                                 and r.ordinal != hit.ordinal and _instruments(r.args, args) != "different"), None)
                if previous is not None:
                    args.participants = [
                        _Part(Participant(p.participant.entity_id, p.participant.canonical, p.participant.type,
                                          "participant"), p.order) for p in previous.args.participants]
            if not self._satisfied(rule, args):
                continue
            etype = rule.type
            settings = self.lex.types[etype]
            if settings.multilateral_type and hit.s.para.text[hit.start:hit.end].lower() in settings.multilateral_triggers \
                    and any(p.participant.entity_id in self.multilateral for p in args.participants):
                etype = settings.multilateral_type  # "cuộc họp của Hội đồng Đối ngoại EU": a meeting of a body
            record = _Record(etype, rule.plover, rule.strength, hit, args, hit.ordinal, hit.name_ids,
                             hit.name_texts)
            record.evidences[hit.s.key] = _evidence(hit.s)
            record.sites[hit.s.key] = hit.start
            records.append(record)
            return

    def _antecedent(self, hit: _Hit, etype: str, args: _Args, records: list[_Record],
                    reference: dt.date | None) -> _Record | None:
        """What a bare noun refers to: an event of its type named earlier in the same sentence,
        else the first one of the article it agrees with (the article's main event: news reports
        its main event first and mentions others in passing)."""
        same = [r for r in records if r.type == etype and hit.s.key in r.sites]
        pool = same[-1:] if same else [r for r in records if r.type == etype]
        return next((r for r in pool if self._refers(hit, args, r, reference)), None)

    def _named_after(self, hit: _Hit, etype: str) -> bool:
        """An EVENT name right after a bare noun names it ("hội nghị COP26")."""
        if "EVENT" not in self.lex.types[etype].instrument:
            return False
        s = hit.s
        m = next((m for m in s.mentions if m.start >= hit.end), None)
        return m is not None and m.type == "EVENT" and not s.para.text[hit.end:m.start].strip()

    def _refers(self, hit: _Hit, args: _Args, r: _Record, reference: dt.date | None) -> bool:
        """Nothing of the trigger's own contradicts the earlier event."""
        if not _dates_agree(args.date, r.args.date):
            return False
        if _instruments(args, r.args) == "different":
            return False
        # Only the trigger's own clause speaks for its status here ("Hội nghị ASEAN sắp tới ...").
        own = self._status(hit, _Args(date=args.date, precision=args.precision), reference, extend=False)
        return {own, r.args.status} != {"planned", "occurred"}

    def _absorb(self, r: _Record, hit: _Hit, args: _Args) -> None:
        r.evidences.setdefault(hit.s.key, _evidence(hit.s))
        r.sites[hit.s.key] = min(r.sites.get(hit.s.key, hit.start), hit.start)
        self._union(r, args.participants)
        self._fill(r.args, args)

    @staticmethod
    def _union(r: _Record, parts: list[_Part]) -> None:
        have = {p.participant.entity_id: p for p in r.args.participants}
        for p in parts:
            old = have.get(p.participant.entity_id)
            if old is None:
                new = _Part(Participant(p.participant.entity_id, p.participant.canonical, p.participant.type,
                                        p.participant.role), p.order)
                r.args.participants.append(new)
                have[p.participant.entity_id] = new
                continue
            if old.participant.role == "participant" and p.participant.role != "participant":
                old.participant.role = p.participant.role
            if p.order < old.order:
                old.order = p.order
        r.args.participants.sort(key=lambda p: p.order)

    @staticmethod
    def _fill(a: _Args, b: _Args) -> None:
        """Take from ``b`` what ``a`` lacks; a finer date of the same time and the name of a
        session rather than of its series win."""
        if b.date and (not a.date or (len(b.date) > len(a.date) and _dates_agree(a.date, b.date))):
            a.date, a.date_end, a.precision, a.date_text = b.date, b.date_end, b.precision, b.date_text
            a.date_relative = b.date_relative
        if not a.location:
            a.location = b.location
        if b.instrument and (not a.instrument or _more_specific(a, b)):
            a.instrument, a.instrument_id, a.instrument_names = b.instrument, b.instrument_id, b.instrument_names
        if not a.amount:
            a.amount, a.currency = b.amount, b.currency
        if a.status == "unspecified":
            a.status = b.status

    def _yield(self, records: list[_Record]) -> list[_Record]:
        """A statement whose words announce another event of its sentence is that event ("Merkel
        tuyên bố chính phủ của bà đang chuẩn bị hỗ trợ khẩn cấp cho Ấn Độ" is the funding)."""
        keep = []
        for r in records:
            yields = self.lex.types[r.type].yields_to
            if yields and len(r.sites) == 1:
                (key, at), = r.sites.items()
                if any(o is not r and o.type in yields and o.sites.get(key, -1) > at for o in records):
                    continue
            keep.append(r)
        return keep

    def _mergeable(self, a: _Record, b: _Record) -> bool:
        if not _same_kind(a, b):
            return False
        if a.ordinal is not None and b.ordinal is not None and a.ordinal != b.ordinal:
            return False
        instruments = _instruments(a.args, b.args)
        if instruments == "different":
            return False
        if a.name_ids and b.name_ids and a.name_ids != b.name_ids:
            return False  # "Đối thoại ASEAN - Hàn Quốc" and "Đối thoại ASEAN - EU"
        if not (self._name_fits(a, b) and self._name_fits(b, a)):
            return False  # "Hội thảo ASEAN - New Zealand" and "kỳ họp thứ 28 ... (COP28)": two names
        if not _dates_agree(a.args.date, b.args.date):
            return False
        if {a.args.status, b.args.status} == {"planned", "occurred"}:
            return False
        if a.args.amount and b.args.amount and (a.args.amount, a.args.currency) != (b.args.amount, b.args.currency):
            return False
        ta, tb = a.targets(), b.targets()
        if ta and tb and not ta & tb:
            return False  # A met B, then A met C: two meetings
        if self.lex.types[a.type].one_host:
            sa, sb = a.sources(), b.sources()
            if sa and sb and not sa & sb and not (sa & tb or sb & ta):
                return False  # A received C, then B received C: two meetings
        if a.type == "STATEMENT":
            # A statement is its speaker's: one shared listener does not make two statements one.
            sa, sb = a.sources(), b.sources()
            return bool(sa & sb) or instruments == "same" and not (sa and sb)
        sa, sb = a.sources(), b.sources()
        same_money = bool(a.args.amount) and (a.args.amount, a.args.currency) == (b.args.amount, b.args.currency) \
            and not (sa and sb and not sa & sb)  # one sum from two donors is two grants
        return bool(a.ids() & b.ids()) or instruments == "same" or same_money

    @staticmethod
    def _name_fits(a: _Record, b: _Record) -> bool:
        """An event named by its parties ("Đối thoại ASEAN - Nhật Bản") can be one named by an
        EVENT entry only when those parties are in that name ("Đối thoại Bộ trưởng ASEAN - Nhật Bản
        về hợp tác môi trường")."""
        if not a.name_texts or a.args.instrument_id or not b.args.instrument_id or b.name_ids:
            return True
        return all(any(x in y for x in forms for y in b.args.instrument_names) for forms in a.name_texts)

    def _merge(self, records: list[_Record]) -> list[_Record]:
        """Greedy in text order until stable: each record joins the first earlier one it can."""
        records = sorted(records, key=lambda r: r.order)
        changed = True
        while changed:
            changed = False
            out: list[_Record] = []
            for r in records:
                target = next((o for o in out if self._mergeable(o, r)), None)
                if target is None:
                    out.append(r)
                    continue
                changed = True
                for key, ev in r.evidences.items():
                    target.evidences.setdefault(key, ev)
                for key, at in r.sites.items():
                    target.sites[key] = min(target.sites.get(key, at), at)
                self._union(target, r.args.participants)
                self._fill(target.args, r.args)
                target.strength = max(target.strength, r.strength)
                if r.plover and not target.plover:
                    # "X cho biết, ... kêu gọi ...": the call names the statement, not the attribution
                    target.plover, target.hit = r.plover, r.hit
                target.ordinal = target.ordinal if target.ordinal is not None else r.ordinal
                if not target.name_ids:
                    target.name_ids, target.name_texts = r.name_ids, r.name_texts
            records = out
        return records

    def _inherit(self, records: list[_Record], reference: dt.date | None) -> None:
        """Statements, signings and funding without a date take the date of the meeting they
        happened at (see the module docstring). A planned meeting is nobody's venue yet."""
        hosts = [r for r in records if self.lex.types[r.type].host and r.args.date and r.args.status != "planned"]
        for r in records:
            how = self.lex.types[r.type].inherit
            if not how or r.args.date and not (r.args.borrowed_date and "sentence" in how):
                continue
            host = None
            if "sentence" in how:
                # The meeting named where the event is told; one named before its trigger ("Phát
                # biểu tại hội đàm, A khẳng định, đây là chuyến thăm ...") is where it happened.
                key, at = r.hit.s.key, r.hit.start
                named = [h for h in hosts if h is not r and any(k in h.sites for k in r.evidences)]
                ranked = sorted(named, key=lambda h: (h.sites.get(key, at + 1) > at, abs(h.sites.get(key, 10**9) - at)))
                host = ranked[0] if ranked else None
            if host is None and r.args.date:
                continue  # only a meeting named in its own sentence beats a borrowed date
            if host is None and "participant" in how:
                mine = {p.participant.entity_id for p in r.args.participants if p.participant.role != "target"}
                sharing = [h for h in hosts if h is not r and h.ids() & mine]
                earlier = [h for h in sharing if h.order < r.order]
                host = earlier[-1] if earlier else sharing[0] if sharing else None
            if host is None:
                continue
            a, h = r.args, host.args
            a.date, a.date_end, a.precision, a.date_text = h.date, h.date_end, h.precision, h.date_text
            a.date_relative = h.date_relative
            if not a.location:
                a.location = h.location
            if a.status == "unspecified":
                a.status = _status_by_date(a.date, a.precision, reference)

    # -- output ------------------------------------------------------------------------------
    def _confidence(self, r: _Record, dateless: bool = False) -> float:
        w, a = self.lex.weights, r.args
        score = r.strength
        if a.participants:
            score += w["participant"]
        if len(a.participants) > 1:
            score += w["two_participants"]
        if a.date or a.date_text or dateless:  # (a date the text gives but the article's lacks resolving counts)
            score += w["date"]
        if a.instrument:
            score += w["instrument"]
        if a.location:
            score += w["location"]
        if a.amount:
            score += w["amount"]
        score += min(w["max_evidence"], w["evidence"] * (len(r.evidences) - 1))
        return round(min(1.0, score), 3)

    def _event(self, doc_id: str, r: _Record, dateless: bool = False, basis: str = "published") -> Event:
        hit, a = r.hit, r.args
        event_id = f"{doc_id}:E{hit.s.para.index}:{hit.start}"
        evidences = [r.evidences[k] for k in sorted(r.evidences)]
        first = r.evidences[hit.s.key]
        return Event(
            event_id=event_id,
            doc_id=doc_id,
            cluster_id="",  # set from the finished record: _cluster_id
            type=r.type,
            plover=r.plover,
            status=a.status,
            date=a.date,
            date_end=a.date_end,
            date_precision=a.precision,
            date_basis=(basis if a.date_relative else "text") if a.date else "",
            date_text=a.date_text,
            location=a.location,
            participants=[Participant(p.participant.entity_id, p.participant.canonical, p.participant.type,
                                      p.participant.role) for p in a.participants],
            instrument=a.instrument,
            amount=a.amount,
            currency=a.currency,
            trigger=hit.text,
            evidence=first.text,
            paragraph=first.paragraph,
            sentence=first.sentence,
            start=first.start,
            end=first.end,
            confidence=self._confidence(r, dateless),
            evidences=[Evidence(e.paragraph, e.sentence, e.start, e.end, e.text) for e in evidences],
        )


