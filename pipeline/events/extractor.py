"""The event extractor: one interpreter of the frames (see the package docstring)."""

from __future__ import annotations

import datetime as dt
import re

from ..config import EventsConfig
from ..credits import Credits
from ..dates import EstimatedDate, last_day, parse_iso_date
from ..gazetteer import Gazetteer
from ..model import Document, Event, Evidence, Mention, Paragraph, Participant, Sentence
from .arguments import ArgumentsMixin
from .dates import DatesMixin
from .lexicon import Lexicon
from .merge import MergeMixin
from .records import _cluster_id, _Record, _Sent
from .status import StatusMixin
from .triggers import TriggerMixin
from .words import _CLAUSE_END, _WORD, _opened, _Words


# -- the stage ------------------------------------------------------------------------------------


class EventExtractor(TriggerMixin, ArgumentsMixin, DatesMixin, StatusMixin, MergeMixin):
    """``Doc -> Doc``: see the module docstring. Build once and reuse; holds no per-document state."""

    def __init__(self, config: EventsConfig, lexicon: Lexicon | None = None,
                 event_dates: dict[str, tuple[str, str]] | None = None,
                 multilateral: frozenset[str] = frozenset(), credits: Credits | None = None,
                 states: frozenset[str] = frozenset()):
        self.config = config
        self.credits = credits or Credits.load()
        self.lex = lexicon or Lexicon.load()
        # Named events with known dates (COP23 -> 2017-11-06..2017-11-17), by canonical name.
        self.event_dates = event_dates or {}
        # International organisations and groupings (EU, ASEAN, G20): their meetings are conferences.
        self.multilateral = multilateral
        # States (gazetteer places without a parent: Nga, Ba Lan, not Moscow or Hà Nội): the places
        # that speak for themselves as a clause's subject (TypeSettings.state_subject_gap).
        self.states = states
        self._mention_verb_firsts = frozenset(v[0] for v in self.lex.mention_verbs)

    @classmethod
    def for_gazetteer(cls, config: EventsConfig, gazetteer: Gazetteer,
                      credits: Credits | None = None) -> EventExtractor:
        """The extractor with what it takes from the gazetteer: the dates of named events, the
        international bodies (ORG without a country) and the states (GPE without a parent)."""
        entries = gazetteer.entries.values()
        return cls(config, event_dates={e.canonical: (e.valid_from, e.valid_to if e.valid_to != e.valid_from else "")
                                        for e in entries if e.type == "EVENT" and len(e.valid_from) == 10},
                   multilateral=frozenset(e.id for e in entries if e.type == "ORG" and not e.country),
                   # a province the gazetteer gives no parent still names its country ("gpe:us-utah", US)
                   states=frozenset(e.id for e in entries if e.type == "GPE" and not e.parent
                                    and (not e.country or e.id == f"gpe:{e.country.lower()}")),
                   credits=credits)

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
        self._lend_speakers(records)
        undated = self._date_by_article(records, sents, reference)
        # Without a publication date or a year the text states, day dates cannot be resolved: a
        # missing date is then no evidence against an event.
        dateless = reference is None
        records = [r for r in records if self._complete(r, reference)]
        events = [self._event(doc.doc_id, r, dateless or id(r) in undated, basis)
                  for r in sorted(records, key=lambda r: r.order)]
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

    def _complete(self, r: _Record, reference: dt.date | None) -> bool:
        """A type the guide only annotates dated (``dated``: a signing the text gives no date for, even
        one an undated article cannot resolve, named agreement or not, is history the article recalls) or
        with someone taking part (``attended``: "Phát biểu khai mạc Hội nghị, …" with nobody named, not
        itself a name ("COP26 được tổ chức …"), is a conference reported elsewhere, or none) has what it needs;
        one dated long before the article (``history_days``) is history."""
        settings = self.lex.types[r.type]
        if (settings.dated and not (r.args.date or r.args.date_text)) or self._history(r, reference):
            return False
        return bool(r.args.participants) or r.hit.name is not None or not settings.attended

    def _history(self, r: _Record, reference: dt.date | None) -> bool:
        """A record dated (to its last day: "2015" ends on 31/12) more than ``history_days`` before the
        publication day is history the article recalls ("thỏa thuận tiền hôn nhân đã ký" of 1991, "kết
        luận … tại cuộc họp ngày 26/6/2020" in an article of 2021): ANNOTATION.md makes a past event
        optional at most. An estimated year may be a year off (or the past event's own): there only a record
        ending before the year before it is history ("dự kiến sẽ ký hợp đồng" of 2015 in an article estimated
        of 2017)."""
        days = self.lex.types[r.type].history_days
        if not days or reference is None or not r.args.date:
            return False
        last = last_day(r.args.date_end or r.args.date)
        if last is None:
            return False
        if isinstance(reference, EstimatedDate):
            return last.year < reference.year - 1
        return (reference - last).days > days

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
        text = para.text
        inside = [m for m in mentions if start <= m.start and m.end <= end]
        attr = self.lex.attribution.match(text[start:end])
        attribution = (start, start + attr.end()) if attr else (start, start)
        if attr:
            # "Theo Bộ Văn hóa, Thể thao và Du lịch, …": the lead-in ends after the name its comma is in
            attribution = (start, self._past_names(text, attribution[1], end, inside))
        # A comma or colon inside brackets ends no clause: "Họp đại hội cổ đông của Hòa Phát (mã: HPG) diễn
        # ra sáng 22/4" is one clause, whose day is the meeting's. Nor does one inside a name: "Ban Chỉ đạo
        # phòng, chống dịch Covid-19 tỉnh Ninh Bình cho hay", "Bộ Văn hóa, Thể thao và Du lịch cho biết"
        # (the body is the subject of the verb's clause).
        bounds = [start] + [m.end() for m in _CLAUSE_END.finditer(text, start, end)
                            if not _opened(text, start, m.start())
                            and not any(n.start < m.start() < n.end for n in inside)] + [end]
        clauses = [(a, b) for a, b in zip(bounds, bounds[1:]) if b > a]
        out.append(_Sent(para, sent, start, end, _Words.of(text, start, end), inside, attribution, clauses))

    @staticmethod
    def _past_names(text: str, at: int, end: int, mentions: list[Mention]) -> int:
        """``at`` (just after a comma or colon), or, when that mark is inside a name, just after the
        first comma or colon that follows the name; ``at`` when none does before ``end``."""
        name = next((m for m in mentions if m.start < at - 1 < m.end), None)
        if name is None:
            return at
        mark = _CLAUSE_END.search(text, name.end, end)
        return at if mark is None else mark.end()

    # -- output ------------------------------------------------------------------------------
    def _confidence(self, r: _Record, dateless: bool = False) -> float:
        w, a = self.lex.weights, r.args
        score = r.strength
        if a.participants:
            score += w["participant"]
        if len(a.participants) > 1:
            score += w["two_participants"]
        undated = self.lex.types[r.type].undated_speakers
        if a.date or a.date_text or dateless \
                or (undated and any(p.participant.type in undated for p in a.participants)) \
                or self._state_subject(r):
            # a date the text gives but the article's lacks resolving counts; so does a record the
            # guide writes without a date (a named person's statement with no dated occasion)
            score += w["date"]
        if a.instrument:
            score += w["instrument"]
        if a.location:
            score += w["location"]
        if a.amount:
            score += w["amount"]
        score += min(w["max_evidence"], w["evidence"] * (len(r.evidences) - 1))
        return round(min(1.0, score), 3)

    def _state_subject(self, r: _Record) -> bool:
        """A state is the subject of the first report's clause: only other names and conjunctions
        before it there ("Chính phủ Pháp và Đức"), only the frame's gap words between it and the
        trigger ("Ba Lan cũng thông báo"); not a place that a word before it makes its media, people
        or army ("Dư luận Hàn Quốc", "hải quân Indonesia"), nor a pronoun ("Anh cho hay")."""
        settings = self.lex.types[r.type]
        if settings.state_subject_gap is None or r.hit.s.para.kind == "title":
            # a headline sums up a report the body tells with its date ("Syria tuyên bố ngừng bắn")
            return False
        hit, ids = r.hit, r.ids()
        text, c0 = hit.s.para.text, hit.clause[0]
        for m in hit.s.mentions:
            if m.entity_id in self.states and m.entity_id in ids and c0 <= m.start and m.end <= hit.start \
                    and m.text.lower() not in settings.pronoun_speakers \
                    and settings.state_subject_gap.fullmatch(text, m.end, hit.start) \
                    and self._names_only(hit.s, c0, m.start, settings.state_subject_heads):
                return True
        return False

    def _names_only(self, s: _Sent, start: int, end: int, heads: re.Pattern[str] | None) -> bool:
        """Nothing between ``start`` and ``end`` but names, the conjunctions joining them and
        ``heads`` (a state's government: "Chính phủ Pháp và Đức")."""
        rest, at = [], start
        for m in s.mentions:
            if start <= m.start and m.end <= end and m.start >= at:
                rest.append(s.para.text[at:m.start])
                at = m.end
        rest.append(s.para.text[at:end])
        left = self.lex.joined.sub(" ", " ".join(rest))
        return not (heads.sub(" ", left) if heads else left).strip()

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
            # decided last, so that merging still sees an uncued record as unspecified
            status=(a.status if a.status != "unspecified" else self.lex.types[r.type].uncued_status or a.status),
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


