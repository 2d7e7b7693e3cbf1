"""Records: a trigger becomes a new event or another report of one (references, anaphora);
records of one happening merge; a statement announcing another event yields to it."""

from __future__ import annotations

import datetime as dt

from ..model import Paragraph, Participant
from .lexicon import Lexicon
from .records import _Args, _evidence, _dates_agree, _Hit, _instruments, _more_specific, _Part, _Record, _Sent, _same_kind

# A role a report of the event gives wins over a weaker one another gives when the reports merge: an
# entity acting anywhere in the event (source or target) is an actor, though another report names it only
# in a speaker's description (affiliation).
_RANK = {"affiliation": 0, "participant": 1, "source": 2, "target": 2}


class MergeMixin:
    lex: Lexicon
    multilateral: frozenset[str]

    # -- records -----------------------------------------------------------------------------
    def _place(self, hit: _Hit, by_para: dict[int, list[_Sent]], headline: Paragraph | None,
               reference: dt.date | None, records: list[_Record]) -> None:
        """Attach the trigger to the event it refers to, or make it a new record."""
        first = hit.rules[0]
        bare = (hit.form == "noun" and hit.name is None and hit.ordinal is None and not hit.indefinite
                and not hit.name_ids and not self._named_after(hit, first.type))
        if bare and self._refer(hit, self._args(hit, first, by_para, headline, reference), records, reference):
            return
        for rule in hit.rules:
            args = self._args(hit, rule, by_para, headline, reference)
            if bare and hit.temporal and not hit.object_cue and args.own:
                # "X cho biết, ngay sau hội đàm, ...": who took part follows the adverbial
                args.participants = [p for p in args.participants if p.order[1] >= hit.end]
            if hit.ordinal is not None and not args.participants:
                args.participants = self._previous_session(hit, rule.type, args, records)
            if not self._satisfied(rule, args, self._sense_needs(rule, hit)):
                continue
            record = _Record(self._record_type(hit, rule.type, args), rule.plover, rule.strength, hit, args,
                             hit.ordinal, hit.name_ids, hit.name_texts)
            record.evidences[hit.s.key] = _evidence(hit.s)
            record.sites[hit.s.key] = hit.start
            records.append(record)
            return

    def _refer(self, hit: _Hit, args: _Args, records: list[_Record], reference: dt.date | None) -> bool:
        """A bare noun: another report of the event it refers to (True), or nothing at all for a
        generic one (True); False when it is a new event."""
        own = args.participants if args.own else []
        args.participants = own  # a reference adds the people of its own sentence only
        referring = hit.initial or hit.cue or hit.object_cue or not own
        if hit.generic and not (hit.initial or hit.cue or hit.object_cue):
            return True  # "tổ chức các hội thảo": not one specific event
        antecedent = self._antecedent(hit, hit.rules[0].type, args, records, reference)
        if antecedent is not None and (referring or antecedent.ids() & {p.participant.entity_id for p in own}):
            # A subject at the start of the sentence ("Hội nghị đã thông qua ...") is followed
            # by what it did, not by who took part. After an adverbial ("Tại cuộc đối thoại, A
            # và B ...", "Trả lời phỏng vấn X sau cuộc họp, A cho biết") the participants follow.
            if hit.initial and not hit.cue:
                args.participants = []
            elif hit.temporal and not hit.object_cue:
                args.participants = [p for p in args.participants if p.order[1] >= hit.end]
            self._absorb(antecedent, hit, args)
            return True
        return hit.generic  # "Các Hội nghị ..." with nothing to refer to

    @staticmethod
    def _previous_session(hit: _Hit, etype: str, args: _Args, records: list[_Record]) -> list[_Part]:
        """"cuộc họp lần thứ hai": the next session of the series reported before takes its parties."""
        previous = next((r for r in reversed(records) if r.type == etype and r.ordinal is not None
                         and r.ordinal != hit.ordinal and _instruments(r.args, args) != "different"), None)
        if previous is None:
            return args.participants
        return [_Part(Participant(p.participant.entity_id, p.participant.canonical, p.participant.type,
                                  "affiliation" if p.participant.role == "affiliation" else "participant"), p.order)
                for p in previous.args.participants]

    def _record_type(self, hit: _Hit, etype: str, args: _Args) -> str:
        """"cuộc họp của Hội đồng Đối ngoại EU": a meeting of an international body is a conference."""
        settings = self.lex.types[etype]
        if settings.multilateral_type and hit.text.lower() in settings.multilateral_triggers \
                and any(p.participant.entity_id in self.multilateral for p in args.participants):
            return settings.multilateral_type
        return etype

    def _antecedent(self, hit: _Hit, etype: str, args: _Args, records: list[_Record],
                    reference: dt.date | None) -> _Record | None:
        """What a bare noun refers to: an event of its type named earlier in the same sentence,
        else the first one of the article it agrees with (the article's main event: news reports
        its main event first and mentions others in passing)."""
        same = [r for r in records if r.type == etype and hit.s.key in r.sites]
        pool = same[-1:] if same else [r for r in records if r.type == etype]
        found = next((r for r in pool if self._refers(hit, args, r, reference)), None)
        settings = self.lex.types[etype]
        if found is not None or not settings.multilateral_type or hit.text.lower() not in settings.multilateral_triggers:
            return found
        # A word that names a body's session as well as a meeting ("cuộc họp", "phiên họp"), with no meeting
        # to refer to, refers to the session the article reported as a conference: "Cuộc họp … lùi lên 9h30"
        # after "Eximbank tổ chức họp ĐHĐCĐ" (issue #14: batch 7). Only a dated session: an undated one ("Phiên họp
        # lần thứ 3 … bất thành") would take the day of another meeting ("tại cuộc họp ngày 13/4/2021" of the board).
        other = [r for r in records if r.type == settings.multilateral_type and r.args.date]
        return next((r for r in other if self._refers(hit, args, r, reference)), None)

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
        # An international body named at a later report ("Kuleba nói trong cuộc họp trực tuyến ngày 20/4" with the
        # EU after "tham dự cuộc họp trực tuyến với Ngoại trưởng của các nước thành viên EU") makes it a conference.
        if r.type == hit.rules[0].type:
            r.type = self._record_type(r.hit, r.type, r.args)

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
            if _RANK[p.participant.role] > _RANK[old.participant.role]:
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
        instruments = _instruments(a.args, b.args)
        if instruments == "different" or self._told_apart(a, b) or self._different_parties(a, b):
            return False
        sa, sb = a.voices(), b.voices()
        if a.type == "STATEMENT":
            # A statement is its speaker's: one shared listener does not make two statements one.
            return bool(sa & sb) or instruments == "same" and not (sa and sb)
        same_money = bool(a.args.amount) and (a.args.amount, a.args.currency) == (b.args.amount, b.args.currency) \
            and not (sa and sb and not sa & sb)  # one sum from two donors is two grants
        return bool(a.ids() & b.ids()) or instruments == "same" or same_money

    def _told_apart(self, a: _Record, b: _Record) -> bool:
        """Something of their own tells the two records apart: session numbers, names, dates,
        status, sums."""
        if a.ordinal is not None and b.ordinal is not None and a.ordinal != b.ordinal:
            return True
        if a.name_ids and b.name_ids and a.name_ids != b.name_ids:
            return True  # "Đối thoại ASEAN - Hàn Quốc" and "Đối thoại ASEAN - EU"
        if not (self._name_fits(a, b) and self._name_fits(b, a)):
            return True  # "Hội thảo ASEAN - New Zealand" and "kỳ họp thứ 28 ... (COP28)": two names
        if not _dates_agree(a.args.date, b.args.date) or {a.args.status, b.args.status} == {"planned", "occurred"}:
            return True
        return bool(a.args.amount and b.args.amount
                    and (a.args.amount, a.args.currency) != (b.args.amount, b.args.currency))

    def _different_parties(self, a: _Record, b: _Record) -> bool:
        """A met B, then A met C; A received C, then B received C: two meetings."""
        ta, tb = a.targets(), b.targets()
        if ta and tb and not ta & tb:
            return True
        if self.lex.types[a.type].one_host:
            sa, sb = a.sources(), b.sources()
            return bool(sa and sb and not sa & sb and not (sa & tb or sb & ta))
        return False

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

