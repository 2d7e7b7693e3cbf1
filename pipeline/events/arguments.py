"""Arguments of a trigger: participants with roles, the speaker of a statement, the place, the
instrument and the money."""

from __future__ import annotations

import datetime as dt
import re

from ..model import Mention, Paragraph, Participant
from .lexicon import Lexicon, TriggerRule
from .records import _Args, _Hit, _names, _Part, _Sent
from .words import _STRONG_STOP


# Entities found by a rule rather than the gazetteer have ids of this shape ("org:new:man-city").
_NEW_ID = ":new:"


class ArgumentsMixin:
    lex: Lexicon

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

    def _speaker(self, hit: _Hit, before: list[Mention], attributed: list[Mention]) -> list[Mention]:
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
                if self.lex.joined.search(gap) and not re.search(r"[,;:]", gap):
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
                    if lex.place_gap.fullmatch(gap):
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
        if rule.target_types:
            # "Trần Hiểu Húc từ bỏ nghiệp diễn": only an organisation is left, never a person.
            args.participants = [p for p in args.participants
                                 if p.participant.role != "target" or p.participant.type in rule.target_types]
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


    @staticmethod
    def _satisfied(rule: TriggerRule, args: _Args, extra: tuple[frozenset[str], ...] = ()) -> bool:
        have = {"participant": bool(args.participants),
                "source": any(p.participant.role == "source" for p in args.participants),
                "target": any(p.participant.role == "target" for p in args.participants),
                "instrument": bool(args.instrument),
                "amount": bool(args.amount),
                "date": bool(args.date or args.date_text),
                # a state or a body the gazetteer knows (not a name a rule found: a club, a company)
                "body": any(p.participant.type in ("ORG", "GPE") and _NEW_ID not in p.participant.entity_id
                            for p in args.participants)}
        have["argument"] = have["participant"] or have["date"] or have["instrument"]
        return all(any(have[x] for x in need) for need in rule.needs + extra)

