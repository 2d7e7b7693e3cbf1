"""Dates: which date expressions of a sentence are an event's date, the paragraph's and the
headline's date as fallbacks, and the date an event takes from the meeting it happened at."""

from __future__ import annotations

import datetime as dt
import re

from ..dates import EstimatedDate, find_dates
from ..model import Paragraph
from .lexicon import Lexicon
from .records import VOICE_ROLES, _Args, _Hit, _Record, _Sent, _key, _set_date
from .status import _status_by_date
from .quotes import in_quotation, quoted_apart, quoted_spans
from .words import _QUOTED, _WORD, _opened, _text_words


# The words of an edition's name between its head and its year: "Kỳ thi Tốt nghiệp THPT năm 2021".
_EDITION_WORDS = 6
# What was said opens at a colon or a quotation mark after the verb of speech.
_SAID = re.compile(r"[:\"“”]")
# A clause break or an opening of what was said between a statement's verb and a date after it.
_BREAK = re.compile(r"[,;:\"“”]")
# A day opening a sentence after the first paragraph: at most this many words before it ("Sáng nay (1/10), …").
_OPENING_WORDS = 2


class DatesMixin:
    lex: Lexicon

    def _dates(self, s: _Sent, reference: dt.date | None) -> list[tuple[int, int, str, str, str, str]]:
        """Date expressions of the sentence that can be an event's date (paragraph offsets)."""
        if s.dates is None:
            lex = self.lex
            found = []
            quoted = [m.span() for m in _QUOTED.finditer(s.para.text, s.start, s.end)]
            # A quotation nobody closed counts from its own sentence only: it may run on past it (a quotation of
            # several paragraphs) or have lost its closing mark where a crawl glued a whole article into one
            # paragraph ('… chia sẻ thêm: “Tôi cũng không dám xem … Tại cuộc họp của UBND TP Hà Nội … sáng 6/2',
            # bench baomoi-21471905, tests/test_faithful.py); a date dropped on that guess loses the event's date.
            spans = quoted_spans(s.para.text, s.start)
            for d in find_dates(s.para.text[s.start:s.end], reference):
                a, b = s.start + d.start, s.start + d.end
                if any(m.start <= a and b <= m.end and m.type in lex.date_ignore_inside for m in s.mentions):
                    continue  # part of a name: "Kế hoạch ... vào năm 2050"
                k = s.words.at(a)
                if k is not None and s.words.preceded_by_any(k, lex.date_birth_after):
                    continue  # someone's birth: "Nam diễn viên sinh năm 1989 đã nói"
                if any(q0 < a and b < q1 for q0, q1 in quoted):
                    continue  # what someone said: "“… vượt mức lũ lịch sử năm 2009 …”, Bộ Công Thương cho biết"
                if in_quotation(s.para.text, a, spans):
                    # a quotation opened in this sentence or one before and closed after, or opened here and never
                    # closed: "X chia sẻ: “Tối nay tôi đã …", '"… phải hoàn thành trong quý 3 năm nay", Bộ trưởng …'
                    continue
                s.timed = True
                s.time_at.append((a, self._not_when(s, d, a)))
                if s.time_at[-1][1]:
                    if self._point_reached(s, d, a, b, reference):
                        s.points.append((a, b, d.text, d.date, d.date_end, d.precision, d.relative))
                    continue
                found.append((a, b, d.text, d.date, d.date_end, d.precision, d.relative))
            s.dates = found
        return s.dates


    def _not_when(self, s: _Sent, d, a: int) -> bool:
        """A date of the sentence that says something else than when an event happens: a deadline,
        a period, a starting point, a goal."""
        lex = self.lex
        k = s.words.at(a)
        if not d.date_end and k is not None and s.words.preceded_by_any(k, lex.date_not_after):
            return True  # "đến năm 2030": a deadline, not when it happens
        if (d.precision == "year" and d.date_end) or (
                k is not None and s.words.preceded_by_any(k, lex.period_after)):
            return True  # "giai đoạn 2016 - 2020": a period
        clause = next(((c0, c1) for c0, c1 in s.clauses if c0 <= a < c1), (s.start, s.end))
        if lex.since.search(s.para.text, clause[0], a):
            return True  # "kể từ khi quân đội lật đổ chính quyền hôm 1/2": a starting point
        # "mục tiêu trung hòa carbon vào năm 2050" (the words, not inside a name)
        return d.precision in ("year", "month") and any(
            not any(m.start <= g.start() < m.end for m in s.mentions)
            for g in lex.goal_words.finditer(s.para.text, clause[0], a))

    def _point_reached(self, s: _Sent, d, a: int, b: int, reference: dt.date | None) -> bool:
        """A past day after a word of ``[dates] point_openers`` that opens the sentence, a comma right after it
        ("Đến ngày 30/11/2016, Bộ trưởng … đã ký", "Tới ngày 23/2, Elon Musk lại đưa ra một đoạn tweet"): the
        point the story has reached, which dates the sentence's own events (issue-14C34: the gold of batches
        16, 18, 20, 34 and 36 dates each event so); to the scenes and the lead it stays a time that is no
        event's ("Đến ngày 20/4, nạn nhân Linh đã tử vong" sets no scene for the next paragraphs' statements).
        A day to come ("Đến ngày 30/6, …") stays a deadline."""
        k = s.words.at(a)
        if k is None or d.precision != "day" or d.date_end or reference is None or d.date > reference.isoformat():
            return False
        return s.para.text[b:b + 1] == "," and any(len(p) == k and s.words.preceded_by(k, p)
                                                    for p in self.lex.date_point_openers)

    def _date(self, hit: _Hit, args: _Args, by_para: dict[int, list[_Sent]],
              headline: Paragraph | None, reference: dt.date | None, said_after_words: int = 0,
              said_after_lead_words: int = 0) -> None:
        """The sentence's date for the trigger (its clause, a clause before it, or a clause right
        after that opens with a date), else a scene-setting date of the paragraph, else the headline's."""
        s = hit.s
        # the day the story reaches, opening the sentence, dates the sentence's own events (issue-14C34)
        ranked = self._ranked_dates(hit, self._dates(s, reference) + s.points, said_after_words, said_after_lead_words)
        if ranked:
            # For an event named by a noun, the most precise date of the nearest clause: "nội dung
            # kinh tế-xã hội tháng 5 trong chương trình Phiên họp thường kỳ Chính phủ ngày 3/6" met on 3/6.
            finer = {"day": 0, "month": 1} if hit.form == "noun" else {}
            chosen = min(ranked, key=lambda r: (r[0], finer.get(r[2][5], 2), r[1]))[2]
            if chosen[5] == "year" and self._yearly_edition(s, chosen[0]):
                # "Ngày 29/4, Nam A Bank tổ chức họp ĐHĐCĐ (…) thường niên năm 2021": the year names the
                # yearly session, the day of the sentence is when it met.
                days = [r for r in ranked if r[0] <= 1 and r[2][5] == "day"]
                if days:
                    chosen = min(days, key=lambda r: (r[0], r[1]))[2]
            # An unresolved date here ("ngày 20" with no article date) is the answer: empty, not
            # the date of some other sentence.
            if chosen[3]:
                _set_date(args, chosen)
            else:
                args.date_text = chosen[2]  # "ngày 2 đến ngày 4-6" in an undated article: a date, unknown
            return
        if self.lex.same_day.search(s.para.text, s.start, s.end):
            day = self._same_day(s, by_para, reference)
            if day is not None:
                _set_date(args, day)
                args.date_end = ""
                return
        if s.timed:
            # The sentence has its own time words ("từ năm 2018 khi ...", "vào năm sau") that
            # are not this event's date: another sentence's date would be a guess.
            return
        borrowed = self._speaker_scene(hit, args, by_para, reference)
        if borrowed is None:
            borrowed = self._scene_date(s, by_para, headline, reference)
        if borrowed is not None:
            _set_date(args, borrowed)
            args.borrowed_date = True

    def _ranked_dates(self, hit: _Hit, dates: list, said_after_words: int, said_after_lead_words: int = 0) -> list:
        """The sentence's dates ranked for the trigger: (rank, distance, date); rank 0 its clause,
        1 a clause before, 2 a clause right after that opens with the date, 3 after a verb such as
        "diễn ra" for a named event."""
        s = hit.s
        named = hit.name is not None or bool(hit.name_ids)
        ci = next((n for n, (c0, c1) in enumerate(s.clauses) if c0 <= hit.start < c1), 0)
        said_from = hit.clause[1] if any(r.speaker_after for r in hit.rules) else None
        ranked = []
        for d in dates:
            if said_from is not None and d[0] >= said_from:
                continue  # "Theo ông Thịnh, tháng 1/2021, …": what he said, after his clause
            if said_after_words and d[0] >= hit.end and self._said_after(s.para.text[hit.end:d[0]], said_after_words,
                                                                         said_after_lead_words):
                continue  # "Nga khẳng định hoạt động ... nhằm chuẩn bị cuộc diễn tập [date]": what was said
            if d[5] == "year" and self._edition(hit, d[0]):
                continue  # "chuẩn bị Kỳ thi Tốt nghiệp THPT năm 2021": the exam's edition
            di = next((n for n, (c0, c1) in enumerate(s.clauses) if c0 <= d[0] < c1), 0)
            if di == ci:
                ranked.append((0, abs(d[0] - hit.start), d))
            elif di < ci:
                ranked.append((1, hit.start - d[0], d))
            elif di == ci + 1 and d[0] - s.clauses[di][0] <= 8 and (
                    not said_after_words or self.lex.numbered.fullmatch(s.para.text, hit.end, s.clauses[di][0])):
                # (not for a statement: "X cho biết, năm 2021, trường có …" dates what X said; but "có văn bản
                # số 2230/BGTVT-ĐTCT, ngày 16/04/2021 …" dates the document, only its number between)
                ranked.append((2, d[0] - hit.end, d))
            elif named and d[0] > hit.end and self._after_verb(s, d[0]):
                # "Đối thoại A - B, Đối thoại A - C ..., được tổ chức vào ngày 2-3/8 tại Bogor"
                ranked.append((3, d[0] - hit.end, d))
        return ranked

    def _said_after(self, between: str, words: int, lead_words: int) -> bool:
        """A date this far after a statement's verb (``between`` the two) is in what was said: more than
        ``words`` words, or, for a date that a preposition of time ([grammar] date_lead, "vào") opens as the
        verb's own adverbial, one of its last two words, more than ``lead_words`` with no clause break, colon or
        quotation between ("Diêu An Na thông báo tham gia làng giải trí vào tháng 1/2021", "… cho biết đã tiến
        hành ngưng bắn vào giữa trưa ngày 17-6": the gold of batches 4 and 10 dates the statement so)."""
        found = _text_words(between)
        if len(found) <= words:
            return False
        opened = any(w.lower() in self.lex.date_lead for w in found[-2:])
        return not (opened and len(found) <= lead_words and _BREAK.search(between) is None)

    def _yearly_edition(self, s: _Sent, a: int) -> bool:
        """The year at ``a`` follows ``[dates] edition_after`` ("thường niên năm 2021", "thường niên 2021")."""
        k = s.words.at(a)  # the date's first word ("năm 2021" or "2021")
        return k is not None and s.words.preceded_by_any(k, self.lex.edition_after)

    def _edition(self, hit: _Hit, a: int) -> bool:
        """The date at ``a`` follows a name opened by an edition head (a capitalised word after it,
        at most ``_EDITION_WORDS`` words, no punctuation) that is not the trigger's own name."""
        s, text = hit.s, hit.s.para.text
        for m in self.lex.edition_heads.finditer(text, max(s.start, a - 120), a):
            if m.start() <= hit.start < m.end() or any(c in text[m.end():a] for c in ",;:()\"“”"):
                continue
            words = text[m.end():a].split()
            if not words or (words[0][0].isupper() and len(words) <= _EDITION_WORDS):
                return True
        return False

    def _same_day(self, s: _Sent, by_para: dict[int, list[_Sent]], reference: dt.date | None):
        """"Chiều cùng ngày, ...": the last day the article gave before the sentence."""
        for para_index in sorted((i for i in by_para if i <= s.para.index), reverse=True):
            for other in reversed(by_para[para_index]):
                if (other.para.index, other.start) >= (s.para.index, s.start):
                    continue
                day = next((d for d in reversed(self._dates(other, reference)) if d[3] and d[5] == "day"), None)
                if day is not None:
                    return day
        return None

    def _scene_date(self, s: _Sent, by_para: dict[int, list[_Sent]], headline: Paragraph | None,
                    reference: dt.date | None):
        """The paragraph's scene-setting date: in the opening clause of its first sentence ("Sáng
        5/6, A hội đàm với B. Hai bên đã ký ..."), else the headline's. A date further on in a
        paragraph belongs to what that sentence tells (an anniversary, a cancelled visit)."""
        sents = by_para.get(s.para.index, [])
        if sents and sents[0] is not s:
            opening = self._opening_date(sents[0], reference)
            if opening is not None:
                return opening
        if headline is not None and headline.index != s.para.index:
            for other in by_para.get(headline.index, []):
                for d in self._dates(other, reference):
                    if d[3]:
                        return d
        return None

    def _speaker_scene(self, hit: _Hit, args, by_para: dict[int, list[_Sent]], reference: dt.date | None):
        """With ``speaker_scene``: the resolved day or month of the sentence right before ``hit``'s in its
        paragraph, when the first name of that sentence is one of the record's speakers — the scene the
        speaker goes on in ("Trong chương trình The Manager phát sóng vào tháng 3 vừa rồi, Bi Rain đã giới
        thiệu căn bếp … Anh khoe: “…”", batch 22; "Về vấn đề này ngày 7/2, Bộ Công Thương đã có thông tin
        phản hồi chính thức đến báo chí. Theo Bộ Công Thương, …", batch 16; issue-14S21); else None."""
        if not any(self.lex.types[r.type].speaker_scene for r in hit.rules):
            return None
        sents = by_para.get(hit.s.para.index, [])
        k = next((n for n, x in enumerate(sents) if x is hit.s), 0)
        if k == 0:
            return None
        before = sents[k - 1]
        first = next((m for m in before.mentions if m.type in ("PERSON", "ORG")), None)
        # (a speaker's affiliation too: "ngày 7/2, Bộ Công Thương …" then "ông A, Thứ trưởng Bộ Công Thương, cho biết")
        speakers = {p.participant.entity_id for p in args.participants if p.participant.role in VOICE_ROLES}
        if first is None or _key(first) not in speakers:
            return None
        # the scene's date stands before its subject ("vào tháng 3 vừa rồi, Bi Rain …", "ngày 7/2, Bộ Công Thương …")
        return next((d for d in reversed(self._dates(before, reference))
                     if d[0] < first.start and d[3] and d[5] in ("day", "month")), None)

    def _opening_date(self, opening: _Sent, reference: dt.date | None):
        """The resolved date in the opening clause of ``opening``, or None."""
        c0, c1 = opening.clauses[0] if opening.clauses else (opening.start, opening.end)
        return next((d for d in self._dates(opening, reference) if d[3] and c0 <= d[0] < c1), None)

    def _earlier_scene(self, s: _Sent, by_para: dict[int, list[_Sent]], reference: dt.date | None,
                       back: int, opening_words: int):
        """The day opening (at most ``opening_words`` words in) one of the ``back`` body paragraphs before
        ``s``'s, when neither they (but for that opening) nor ``s``'s paragraph up to ``s`` give a time: the
        scene the sentence still tells ("Ở trên mặt đất, chiều 28/4, hàng rào tôn … được tháo dỡ." / … /
        "…", chị Oanh chia sẻ). A title or caption between ends the search: it is no part of the scene."""
        own = by_para.get(s.para.index, [])
        before = own[:next((n for n, x in enumerate(own) if x is s), 0)]
        if any(self._dates(x, reference) or x.timed for x in before + [s]):
            return None
        for index in range(s.para.index - 1, s.para.index - back - 1, -1):
            sents = by_para.get(index, [])
            if not sents:
                continue
            if sents[0].para.kind != "body":
                return None
            for x in sents:
                self._dates(x, reference)  # sets x.timed
            first = sents[0]
            day = next((d for d in self._dates(first, reference)
                        if len(_text_words(first.para.text[first.start:d[0]])) <= opening_words), None)
            if day is not None:
                return day if day[3] and day[5] == "day" and not any(x.timed for x in sents[1:]) else None
            if any(x.timed for x in sents):
                return None
        return None

    def _after_verb(self, s: _Sent, at: int) -> bool:
        """A date right after "tổ chức", "diễn ra" ... (and "vào"): when the events named before
        it take place."""
        w = s.words
        k = next((n for n, (a, _) in enumerate(w.spans) if a >= at), None)
        if k is None:
            return False
        if k > 0 and w.lower[k - 1] in self.lex.date_lead:
            k -= 1
        return w.preceded_by_any(k, self.lex.mention_verbs)


    def _inherit(self, records: list[_Record], reference: dt.date | None) -> None:
        """Statements, signings and funding without a date take the date of the meeting they
        happened at (see the module docstring). A planned meeting is nobody's venue yet."""
        hosts = [r for r in records if self.lex.types[r.type].host and r.args.date and r.args.status != "planned"]
        for r in records:
            how = self.lex.types[r.type].inherit
            if not how or r.args.date and not (r.args.borrowed_date and "sentence" in how):
                continue
            host = self._host_named_with(r, hosts) if "sentence" in how else None
            if host is None and r.args.date:
                continue  # only a meeting named in its own sentence beats a borrowed date
            if host is None and "participant" in how:
                host = self._host_of_source(r, hosts)
            if host is None:
                continue
            a, h = r.args, host.args
            a.date, a.date_end, a.precision, a.date_text = h.date, h.date_end, h.precision, h.date_text
            a.date_relative = h.date_relative
            if not a.location:
                a.location = h.location
            if a.status == "unspecified":
                a.status = _status_by_date(a.date, a.precision, reference)

    def _lend_speakers(self, records: list[_Record]) -> None:
        """A meeting that names nobody ("Tuần qua, tại cuộc họp về …, Phó Thủ tướng Vũ Đức Đam nhấn mạnh")
        had the speakers of the statements told at it, named in its sentence, at the table: they are its
        participants (ANNOTATION.md: the occasion's participants include who speaks there)."""
        hosts = [r for r in records if self.lex.types[r.type].speakers_attend and not r.args.participants]
        if not hosts:
            return
        for r in records:
            if r in hosts or "sentence" not in self.lex.types[r.type].inherit:
                continue
            host = self._host_named_with(r, hosts)
            if host is not None and host.hit.s is r.hit.s and not self._beside(host):
                host.args.participants.extend(
                    p for p in r.args.participants if p.participant.role in VOICE_ROLES)

    def _beside(self, host: _Record) -> bool:
        """A word of ``speakers_attend_not_after`` ends right before the host's noun: what its sentence tells
        was said beside it, before or after it ("Bên lề Hội nghị …", "sau phiên họp"), by no one at the table."""
        words = self.lex.types[host.type].speakers_attend_not_after
        if words is None:
            return False
        text, start = host.hit.s.para.text, host.hit.start
        return any(not text[m.end():start].strip() for m in words.finditer(text, max(0, start - 40), start))

    def _date_by_article(self, records: list[_Record], sents: list[_Sent], reference: dt.date | None) -> set[int]:
        """Records of a frame with ``occasion_speakers`` that name such a speaker and have no date
        after :meth:`_inherit`: when the article's lead opens with a day ("Chiều 29/4, nhiều người
        dân …"), that day is the occasion they were said at; else, for a frame with
        ``published_occasion``, the article itself is the occasion (ANNOTATION.md) and its publication
        day dates them; else, when no record and no sentence of the article gives a date (a day, for
        sentences), they had no dated occasion and ANNOTATION.md dates them "" itself. Returns the
        ids of the records of the last kind: their missing date is no evidence against them."""
        speakers = [r for r in records if self._at_occasion(r) and any(
            p.participant.type in self.lex.types[r.type].occasion_speakers for p in r.args.participants)]
        waiting = [r for r in speakers if not r.args.date]
        coarse = [r for r in speakers if r.args.date and r.args.precision in ("year", "month")
                  and self.lex.types[r.type].occasion_refines]
        if not (waiting or coarse):
            return set()
        lead = self._lead_date(sents, reference, max(self.lex.types[r.type].lead_date_words for r in speakers))
        self._date_at_occasions(waiting + coarse, lead, sents, reference)
        if lead is not None or any(r.args.date for r in records) \
                or any(d[5] == "day" for s in sents for d in self._dates(s, reference)):
            return set()
        return {id(r) for r in waiting}

    def _date_at_occasions(self, records: list[_Record], lead, sents: list[_Sent], reference: dt.date | None) -> None:
        """Give each record the day of its occasion (``_occasion_day``), where it may take one."""
        published = self._published_day(reference)
        news: dict[int, tuple | None] = {}
        recent = {t: self._recent_lead(sents, self.lex.types[t]) for t in {r.type for r in records}}
        by_para: dict[int, list[_Sent]] = {}
        for x in sents:
            by_para.setdefault(x.para.index, []).append(x)
        for r in records:
            day = self._occasion_day(r, (lead, self._news_day_of(r, sents, reference, news) or published, recent[r.type]),
                                     sents, by_para, reference)
            if day is None:
                continue
            _set_date(r.args, day)
            if r.args.status == "unspecified":
                r.args.status = _status_by_date(r.args.date, r.args.precision, reference)

    def _occasion_day(self, r: _Record, days: tuple, sents: list[_Sent], by_para: dict[int, list[_Sent]],
                      reference: dt.date | None):
        """The day of the occasion ``r`` was told at, if it may take it: the lead's, else (with
        ``published_occasion``) the publication's — unless the lead tells its news as just happened
        and names the speaker (``days``: the lead's day, the publication day, who such a lead names;
        ``_recent_lead``) and the statement was not told to the article's reporter (``elsewhere_not``).
        A sentence with time words of its own that did not date it ("hôm 26/4" of a call it reports) is
        not simply told at that occasion, nor one naming another occasion it does not date
        (``_told_elsewhere``); a year or month of what was said ("năm 2021, ngân hàng đặt mục tiêu …")
        is refined by a day inside it only."""
        settings = self.lex.types[r.type]
        lead, published, recent = days
        own = self._own_occasion(r.hit.s, settings, r.hit.start)
        lead_news = bool(recent & {p.participant.entity_id for p in r.args.participants})
        scene = None
        if settings.scene_paragraphs_back and not r.args.date:
            scene = self._earlier_scene(r.hit.s, by_para, reference, settings.scene_paragraphs_back,
                                        settings.scene_opening_words)
        day = scene or lead or (published if settings.published_occasion and (own or not lead_news) else None)
        if day is None or not settings.lead_date_words:
            return None
        if r.args.date:  # the occasion must fall inside the year or month the trigger's sentence gives
            return day if day[3].startswith(r.args.date) else None
        if not own and self._told_elsewhere(r, sents, reference):
            return None  # "Tại buổi họp báo mới đây, …": another occasion, which the text does not date
        return None if self._timed_apart(r) else day  # a sentence timed otherwise is not told at the occasion

    def _recent_lead(self, sents: list[_Sent], settings) -> frozenset[str]:
        """Who the article's lead (its first ``lead_date_words`` words of body) names, when it tells
        its news as just happened without a day ("Bộ GDĐT vừa tổ chức Hội nghị … Bộ trưởng Nguyễn Kim
        Sơn chủ trì Hội nghị.", "Qualcomm vừa bổ sung …"; ``recent_lead``): what they say in the
        article is told at that undated occasion, not at the article's own, and the publication day is
        not its date (ANNOTATION.md dates a statement at an undated occasion ""). Others quoted in the
        article (a passer-by, a reader) still speak to the article. Empty when the lead is not so."""
        if settings.recent_lead is None or not settings.lead_date_words:
            return frozenset()
        seen, recent, named = 0, False, set()
        for s in (s for s in sents if s.para.kind == "body"):
            if seen > settings.lead_date_words:
                break
            text = s.para.text
            quoted = [q.span() for q in _QUOTED.finditer(text, s.start, s.end)]
            room = [(m.start(), m.end()) for m in _WORD.finditer(text, s.start, s.end)][:settings.lead_date_words - seen]
            end = room[-1][1] if room else s.start
            named.update(m.entity_id for m in s.mentions if s.start <= m.start < end)
            recent = recent or any(
                not any(q0 <= m.start() < q1 for q0, q1 in quoted) and not _opened(text, s.start, m.start(), "“", "”")
                and not self._not_recent(text, m, s, settings) for m in settings.recent_lead.finditer(text, s.start, end))
            seen += len(room)
        return frozenset(named) if recent else frozenset()

    @staticmethod
    def _not_recent(text: str, m: re.Match, s: _Sent, settings) -> bool:
        """The word at ``m`` says no time: words of ``recent_not_after`` follow it ("tháng 2 vừa qua" is
        a date, "vừa phải" an adjective), or it stands twice in the sentence, besides such uses ("vừa
        mộng mơ lại vừa man mác chút buồn": both … and; "Sau khi ra mắt Mi 11 hồi tháng 1 vừa qua,
        Xiaomi vừa tiếp tục trình làng …" is one recent launch)."""
        after = settings.recent_not_after
        if after is not None and after.match(text, m.end()):
            return True
        # the one word of the frame's lists that ``m`` matched (a match of the lists' alternation is one of them)
        word = next(p for p in settings.recent_words if p.fullmatch(m.group()))
        return sum(after is None or not after.match(text, w.end()) for w in word.finditer(text, s.start, s.end)) > 1

    def _told_elsewhere(self, r: _Record, sents: list[_Sent], reference: dt.date | None) -> bool:
        """The record's sentence names another occasion than the article (``elsewhere_*`` of its
        frame): words before the trigger that place it earlier ("Tại buổi họp báo mới đây", "Trước
        đó", "cũng đã lên tiếng"), an occasion noun before it or just after it ("nói trong bài viết",
        "chia sẻ trên trang cá nhân"), a news medium in its clause, its "Theo …" lead-in or just after
        it ("CNN dẫn lời bà Lan", "khẳng định với New York Times"). With ``elsewhere_neighbours``, so
        does the sentence before it or after it (in its paragraph, or ending the one before, opening
        the one after) when that sentence names the speaker, a person, has no time words and does not
        make the article the occasion, by an occasion noun or a medium anywhere in it ("Tuy nhiên,
        Brian Dunning, người dẫn chương trình podcast Skeptoid, đã lật tẩy …" / "Ông nói: …"); not by
        the words that place a happening earlier ("… cũng đã bị nước lũ cuốn trôi" / "Bà X bàng hoàng
        nhớ lại: …": what happened to her, not where she spoke). Words inside a quotation, a bracket,
        a speaker's name or after the colon that opens what was said do not count. ANNOTATION.md: a statement
        takes its occasion's date, "" when the text gives none."""
        settings = self.lex.types[r.type]
        s, hit = r.hit.s, r.hit
        text = s.para.text
        said = _SAID.search(text, hit.end, s.end)  # what was said opens there
        after = [m.end() for m in _WORD.finditer(text, hit.end, said.start() if said else s.end)]
        near = after[:settings.elsewhere_after_words][-1] if after and settings.elsewhere_after_words else hit.end
        c0 = min(hit.clause[0], s.attribution[0] if s.attribution[1] > s.attribution[0] else hit.clause[0])
        speakers = {p.participant.entity_id for p in r.args.participants}
        if self._names_elsewhere(s, settings, speakers, hit.start, (hit.start, near, c0)):
            return True
        # A platform right after the verb is where it was said ("viết trên Facebook"); elsewhere in a
        # sentence it is mostly what was talked about ("phiếu tính tiền lan truyền trên mạng xã hội").
        if settings.elsewhere_after is not None and any(
                not _opened(text, hit.end, m.start()) for m in settings.elsewhere_after.finditer(text, hit.end, near)):
            return True
        return settings.elsewhere_neighbours and self._neighbour_elsewhere(r, sents, reference)

    def _neighbour_elsewhere(self, r: _Record, sents: list[_Sent], reference: dt.date | None) -> bool:
        """The sentence before the record's (in its paragraph or ending the one before) or after it
        (in its paragraph or opening the next) names a person speaking in the record, has no time
        words, does not make the article the occasion and names another occasion by an occasion noun
        or a medium (``elsewhere_neighbours``; see ``_told_elsewhere``)."""
        settings, s = self.lex.types[r.type], r.hit.s
        k = next((n for n, x in enumerate(sents) if x is s), None)
        if k is None:
            return False
        neighbours = [x for x in sents[max(0, k - 1):k] if x.para.index >= s.para.index - 1]
        neighbours += [x for x in sents[k + 1:k + 2] if x.para.index <= s.para.index + 1]
        speakers = {p.participant.entity_id for p in r.args.participants}
        people = {p.participant.entity_id for p in r.args.participants if p.participant.type == "PERSON"}
        return any(any(m.entity_id in people for m in x.mentions if x.start <= m.start < x.end)
                   and not (self._dates(x, reference) or x.timed)
                   and not self._own_occasion(x, settings, x.start)
                   and self._names_elsewhere(x, settings, speakers, x.start, (x.start, x.end, x.start))
                   for x in neighbours)

    @staticmethod
    def _own_occasion(s: _Sent, settings, anchor: int) -> bool:
        """``s`` says, outside what is quoted (not in a quotation ``anchor`` is outside of, nor outside
        one it is in: ``quoted_apart``), that the speaker spoke to the article's reporter
        (``elsewhere_not``: "trao đổi với PV Dân trí", "… nói với Dân trí")."""
        if settings.elsewhere_not is None:
            return False
        text = s.para.text
        spans = quoted_spans(text)
        return any(not quoted_apart(spans, m.start(), anchor)
                   for m in settings.elsewhere_not.finditer(text, s.start, s.end))

    def _names_elsewhere(self, s: _Sent, settings, speakers: set[str], anchor: int,
                         ends: tuple[int, int, int]) -> bool:
        """``s`` names another occasion (``_told_elsewhere``): a word of ``elsewhere_before`` before
        ``ends[0]``, an occasion noun before ``ends[1]``, a news medium from ``ends[2]`` to ``ends[1]``;
        none inside a quotation ``anchor`` is outside of (one opened in an earlier sentence too: '… tài
        khoản bốc hơi …" - anh Q. chia sẻ'; ``quoted_apart``), a bracket or the name of one of ``speakers``."""
        text = s.para.text
        before, near, media_from = ends
        spans = [(m.start, m.end) for m in s.mentions if m.entity_id in speakers]
        quotes = quoted_spans(text)

        def free(at: int) -> bool:
            return not quoted_apart(quotes, at, anchor) and not _opened(text, s.start, at) \
                and not any(m0 <= at < m1 for m0, m1 in spans)

        if settings.elsewhere_before is not None and any(
                free(m.start()) and not self._not_recent(text, m, s, settings)
                for m in settings.elsewhere_before.finditer(text, s.start, before)):
            return True
        if settings.elsewhere_near is not None and any(
                free(m.start()) for m in settings.elsewhere_near.finditer(text, s.start, near)):
            return True
        return settings.elsewhere_media and any(
            media_from <= m.start < near and free(m.start) and self._medium(m, settings) for m in s.mentions)

    @staticmethod
    def _medium(m, settings) -> bool:
        """A news medium by its gazetteer id or a word of its name ("Sky Sports", "Daily Mail")."""
        return m.entity_id in settings.not_speakers or m.entity_id.startswith(settings.not_speaker_kinds) or (
            settings.medium_names is not None and m.type == "ORG" and settings.medium_names.search(m.canonical or m.text) is not None)

    def _timed_apart(self, r: _Record) -> bool:
        """The record's sentence has time words of its own that are not in what it says. For a frame
        with ``said_after_words`` (a statement), time words after the trigger in a later clause ("X cho
        biết, năm 2021, ngân hàng …") or saying something else than when ("cho biết đến ngày 16/4/2021
        tín dụng …", "dự kiến đến năm 2025") are what was said: the statement was still told at the
        article's occasion (ANNOTATION.md; issue #14, batches 5, 12 and 13). Time words before the
        trigger or in its clause near enough to date it ("nói trong cuộc điện đàm hôm 26/4") still are its own."""
        s, hit = r.hit.s, r.hit
        settings = self.lex.types[r.type]
        if not settings.said_after_words:
            return s.timed
        # In the trigger's clause too, a date too far after the verb to date it (:meth:`_said_after`) is what was
        # said: "Eric Xu … đã chia sẻ về kết quả hoạt động kinh doanh của công ty trong năm 2020" was told at the
        # summit of the article's day (batch 13).
        return any(a < hit.end or (a < hit.clause[1] and not other and not self._said_after(
            s.para.text[hit.end:a], settings.said_after_words, settings.said_after_lead_words)) for a, other in s.time_at)

    def _news_day_of(self, r: _Record, sents: list[_Sent], reference: dt.date | None, cache: dict):
        """The news day (:meth:`_news_day`) for a record of a frame with ``news_day_within``, else None."""
        within = self.lex.types[r.type].news_day_within
        if not within:
            return None
        if within not in cache:
            cache[within] = self._news_day(sents, reference, within)
        return cache[within]

    def _news_day(self, sents: list[_Sent], reference: dt.date | None, within: int):
        """The day of the news an article reports when it never gives its publication day: the latest
        day its body gives at most ``within`` days before publication ("Tại tọa đàm … vừa diễn ra sáng
        ngày 30/10" in an article of 1/11, "… quy định từ UBND TP. Hà Nội đưa ra ngày hôm qua"). None when
        the body gives the publication day itself (the article's news is of that day) or no such day."""
        if reference is None or isinstance(reference, EstimatedDate):
            return None
        latest = None
        for s in sents:
            if s.para.kind != "body":
                continue
            for d in self._dates(s, reference):
                if d[5] != "day" or not d[3] or d[4]:
                    continue
                ago = (reference - dt.date.fromisoformat(d[3])).days
                if ago == 0:
                    return None
                if 0 < ago <= within and (latest is None or d[3] > latest[3]):
                    latest = d
        return latest

    @staticmethod
    def _published_day(reference: dt.date | None) -> tuple[int, int, str, str, str, str, bool] | None:
        """The article's publication day as a date expression of no sentence (relative: the date's
        basis is the publication); None for an undated article or a year the system estimated."""
        if reference is None or isinstance(reference, EstimatedDate):
            return None
        return (0, 0, "", reference.isoformat(), "", "day", True)

    def _at_occasion(self, r: _Record) -> bool:
        """The record's trigger follows one of its frame's ``occasion_after`` phrases, if it has any."""
        phrases = self.lex.types[r.type].occasion_after
        if not phrases:
            return True
        words = r.hit.s.words
        k = words.at(r.hit.start)
        return k is not None and words.preceded_by_any(k, phrases)

    def _lead_date(self, sents: list[_Sent], reference: dt.date | None, words: int):
        """The first day the article's body gives within its first ``words`` words: anywhere in its
        first paragraph ("Sáng 14/6, CATP Hà Nội …", "… vào ngày hôm nay, 27/4", a quotation "…, X nói
        trong cuộc họp trực tuyến ngày 20/4"), or opening a later sentence, after a summary that gives
        none ("PGS.TS X cho rằng, … Sáng nay (1/10), tại lễ phát động …"); a day further into a later
        paragraph's sentence tells that sentence's own news."""
        if not words:
            return None
        seen = 0
        body = [s for s in sents if s.para.kind == "body"]
        for s in body:
            for d in self._dates(s, reference):
                before = len(_text_words(s.para.text[s.start:d[0]]))
                if d[5] == "day" and d[3] and seen + before <= words \
                        and (s.para is body[0].para or before <= _OPENING_WORDS):
                    return d
            seen += len(_text_words(s.para.text[s.start:s.end]))
            if seen > words:
                return None
        return None

    @staticmethod
    def _host_named_with(r: _Record, hosts: list[_Record]) -> _Record | None:
        """The meeting named where the event is told; one named before its trigger ("Phát biểu
        tại hội đàm, A khẳng định, đây là chuyến thăm ...") is where it happened."""
        key, at = r.hit.s.key, r.hit.start
        named = [h for h in hosts if h is not r and any(k in h.sites for k in r.evidences)]
        ranked = sorted(named, key=lambda h: (h.sites.get(key, at + 1) > at, abs(h.sites.get(key, 10**9) - at)))
        return ranked[0] if ranked else None

    @staticmethod
    def _host_of_source(r: _Record, hosts: list[_Record]) -> _Record | None:
        """The dated meeting the event's source (or any non-target) took part in: the last one
        before it, else the first after."""
        mine = {p.participant.entity_id for p in r.args.participants if p.participant.role != "target"}
        sharing = [h for h in hosts if h is not r and h.ids() & mine]
        earlier = [h for h in sharing if h.order < r.order]
        return earlier[-1] if earlier else sharing[0] if sharing else None
