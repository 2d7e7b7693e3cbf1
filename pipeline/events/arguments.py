"""Arguments of a trigger: participants with roles, the speaker of a statement, the place, the
instrument and the money."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from ..model import Mention, Paragraph, Participant
from .frames import TypeSettings
from .lexicon import Lexicon, TriggerRule
from .records import _Args, _Hit, _key, _names, _Part, _Sent
from .quotes import in_quotation
from .words import _QUOTED, _STRONG_STOP, _WORD, _opened, _phrase


# Entities found by a rule rather than the gazetteer have ids of this shape ("org:new:man-city").
_NEW_ID = ":new:"


# the word right before a mention, one space between; the word right after it
_NAME_WORD_BEFORE = re.compile(r"(?<![\w.])(\w[\w&]*) $")
_NAME_WORD_AFTER = re.compile(r" (\w[\w&]*)")


def _quoted_before(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The quoted stretches of ``text[start:end]``: whole quotations, and the tail of one opened
    in an earlier sentence (a closing mark with no opening before it). Who is named there is
    quoted, not speaking: '"… Thủ tướng Chính phủ đồng ý …", ông Dũng nói'."""
    spans = [(m.start(), m.end()) for m in _QUOTED.finditer(text, start, end)]
    first_open = min((i for i in (text.find("“", start, end), text.find("«", start, end)) if i >= 0), default=end)
    close = text.find("”", start, first_open)
    if close < 0 and text.count('"', start, end) % 2 == 1:
        close = text.find('"', start, end)
        if close + 1 < len(text) and text[close + 1].isalnum() and (close == 0 or text[close - 1].isspace()):
            close = -1  # '… tuyên bố chung "khẳng định …': it opens the quotation the trigger is in
    if close >= 0 and not any(a <= close < b for a, b in spans):
        spans.append((start, close + 1))
    return spans


# Between a person and a second person set off as his apposition: a comma and a few words of kinship
# or title ("ông Prahlad Modi, em trai Thủ tướng Modi, thông báo"); after it, the closing comma.
_APPOSED = re.compile(r"\s*,[^,;:()\"“”]{1,40}")
_APPOSITION_END = re.compile(r"\s*,")
# A comma and a description opening with a lower-case word, with no other stop, up to a second name
# (``_described_owner``), and the stops that would end the apposition before the verb.
_DESCRIBED = re.compile(r"\s*,\s*(\w[^,;:()\"“”]*)")
_STOPS = re.compile(r"[,;:()]")
# What ends the description after a person's name before a body it would name (``_in_description``).
_DESCRIPTION_STOPS = re.compile(r"[;:\"“”]")
# Between an affiliation and the body or place it belongs to: "Vụ Giáo dục Đại học, Bộ GD&ĐT", "Trường đại
# học Surrey, Anh", "Trường đại học Surrey (Vương quốc Anh)".
_AFFILIATION_CHAIN = re.compile(r"\s*[,(]\s*")


# How far before a place the possessive joining it to a medium may start ("của " and spaces), and how
# far before that the medium word and its name (five words) may start.
_OWNER_GAP_CHARS = 8
_OWNER_NAME_CHARS = 80

# Between a body and the name in apposition after it: a comma alone.
_COMMA_GAP = re.compile(r"\s*,\s*")
# An ellipsis that closes a list before a clause's own subject ("… nặng nề nhất là Nga, Đài Loan, Ukraine, Ấn Độ…
# Các nhà nghiên cứu cho rằng": the list is what the subject talks about; the segmenter keeps one sentence)
_OPENING_END = re.compile(r"…")


def _head_end(text: str, c0: int, end: int, heads: tuple[tuple[str, ...], ...]) -> int | None:
    """Where the longest of ``heads`` opening ``text[c0:end]`` ends; None when none opens it. A name inside the head
    ("chủ nhân Điện Kremlin": the seat of the office whose holder is described) is part of the description, and
    does not speak (issue-14C34)."""
    spans = [m.span() for m in _WORD.finditer(text, c0, end)]
    words = tuple(text[a:b].lower() for a, b in spans)
    found = [len(h) for h in heads if words[:len(h)] == h]
    return spans[max(found) - 1][1] if found else None


def _no_media(parts: list[_Part], ids: frozenset[str], names: re.Pattern[str] | None,
              kinds: tuple[str, ...] = ()) -> list[_Part]:
    """"Reuters cho biết, …", "Theo US Blasting News, …": a news medium (by id or its id's kind, or an ORG by a
    word of its name) reports what others said; it says nothing itself."""
    return [p for p in parts if p.participant.entity_id not in ids and not p.participant.entity_id.startswith(kinds)
            and not (names is not None and p.participant.type == "ORG" and names.search(p.participant.canonical))]


class ArgumentsMixin:
    lex: Lexicon

    def _participants(self, hit: _Hit, rule: TriggerRule, location_ids: set[int]) -> list[_Part]:
        s = hit.s
        a0, a1 = s.attribution
        usable = self._usable_mentions(s, location_ids, rule.type,
                                       hit.clause[0] if self._medium_speaks(hit, rule.type) else None)
        # The subject of the sentence's first trigger may stand clauses before it ("Bộ Ngoại giao
        # Hàn Quốc cho biết ..., cuộc họp ..."); a later trigger's is in its own clause, the text
        # before belongs to the trigger before ("Đối thoại A - B về ..., Đối thoại A - C ...").
        # (A speaker is found by _speaker, across the commas of his titles.)
        statement = rule.type == "STATEMENT"
        lo = hit.seg_start if hit.seg_start == s.start or statement else max(hit.seg_start, hit.clause[0])
        if not statement and self._announced(hit, rule):
            lo = max(s.start, hit.clause[0])  # "Man Utd tuyên bố rút khỏi": the announcer leaves
        limit = self._object_limit(hit)
        before = [m for m in usable if lo <= m.start and m.end <= hit.start]
        after = [m for m in usable if m.start >= hit.end and m.end <= limit]
        if rule.speaker_after:
            return self._speaker_after(hit, rule, usable)
        if rule.speaker_in_main:
            return self._speaker_in_main(hit, rule, usable)
        if statement:
            before = self._statement_speakers(hit, rule, before, usable)
        else:
            before = [m for m in before if not (a0 <= m.start and m.end <= a1)]
        if not rule.targets:
            after = []
        elif rule.target_within:
            after = [m for m in after if m.start - hit.end <= rule.target_within]
        if hit.form == "verb" or statement:
            roles = self._verb_roles(before, after)
        else:
            roles = self._noun_roles(hit, before, after)
        seen: set[str] = set()
        parts = self._as_parts(s.para.index, roles, seen)
        if hit.name is not None:
            parts += self._name_parties(hit, seen)
        return sorted(parts, key=lambda p: p.order)

    def _announced(self, hit: _Hit, rule: TriggerRule) -> bool:
        """Does the trigger follow another (a saying verb) with only its rule's ``announced_gap`` words
        between them ("xác nhận họ sẽ rời bỏ ESL")? Then the saying verb's subject is its own."""
        gap, s = rule.announced_gap, hit.s
        return gap is not None and hit.form == "verb" and s.start < hit.seg_start <= hit.start \
            and gap.fullmatch(s.para.text, hit.seg_start, hit.start) is not None

    def _statement_speakers(self, hit: _Hit, rule: TriggerRule, before: list[Mention],
                            usable: list[Mention]) -> list[Mention]:
        """Who speaks: the subject of the verb this one is coordinated with, else the speaker before
        the verb (with the source a lead-in attributes), else the subject before a semicolon."""
        a0, a1 = hit.s.attribution
        if self._unnamed_subject(hit, rule):
            return []
        subject = self._coordinated_subject(hit, usable)
        speakers = self._statement_sources(hit, rule, before if subject is None else subject,
                                           [m for m in usable if a0 <= m.start and m.end <= a1], subject is None)
        # (an unnamed subject, [], speaks for nobody: no subject of an earlier clause either)
        return speakers or ([] if subject == [] else self._elided_subject(hit, rule, usable))

    def _unnamed_subject(self, hit: _Hit, rule: TriggerRule) -> bool:
        """The trigger's clause opens with an unnamed subject ("một nhà nghiên cứu tin rằng", "Nhiều thành
        viên của lưỡng đảng Mỹ đều hoan nghênh", "Bạn bè và đồng nghiệp của Wai Moe Naing cho biết"): the
        names inside it or in the clauses before say whom it belongs to or what it is about, and nobody
        named speaks (ANNOTATION.md: unnamed speakers are not annotated), unless it lists its members
        ("Một số nước như Singapore, Australia …")."""
        settings = self.lex.types[rule.type]
        if settings.unnamed_subject is None:
            return False
        text, c0 = hit.s.para.text, hit.clause[0]
        # the subject after an ellipsis closing a list too
        c1 = max([c0] + [m.end() for m in _OPENING_END.finditer(text, c0, hit.start)])
        at = c1 + len(text[c1:hit.start]) - len(text[c1:hit.start].lstrip())
        opening = settings.unnamed_subject.match(text, at, hit.start)
        if opening is None or settings.unnamed_subject_not is not None \
                and settings.unnamed_subject_not.search(text, opening.end(), hit.start):
            return False
        # "David Keith, một thành viên của nhóm nghiên cứu cho biết": after a name and its comma the
        # description is that named speaker's apposition; and a name that opens there holds the head
        # ("Công an tỉnh Nghệ An cho biết": the body is named, and speaks); a place and its comma end a clause
        # before, no one described ("… đang thành công tại Việt Nam, truyền thông Thái Lan … hy vọng"); nor is a
        # name after the possessive, which owns something ("dựa vào phản ứng mới đây của Trương Hằng, nhiều người
        # tin rằng": whom the many talk about)
        return not any(m.end <= at and m.type in ("PERSON", "ORG") and _COMMA_GAP.fullmatch(text, m.end, at)
                       and self.lex.possessive_end.search(text, max(hit.s.start, m.start - _OWNER_GAP_CHARS),
                                                          m.start) is None
                       or m.start == at for m in hit.s.mentions)

    def _media_out(self, s: _Sent, mentions: list[Mention], medium: re.Pattern[str],
                   owner: re.Pattern[str] | None = None) -> list[Mention]:
        """Without the names a medium word stands before ("Tờ Athletic", "tờ The Sun") and the place
        that owns such a medium ("tờ The Sun của Anh", "kênh TNT Sports (Argentina)"): media report,
        they do not speak."""
        text = s.para.text
        out: list[Mention] = []
        medium_end = -1
        for m in sorted(mentions, key=lambda m: m.start):
            if medium.search(text, max(0, m.start - 30), m.start):
                medium_end = m.end
                continue
            if m.type == "GPE" and medium_end >= 0 and self.lex.owner_gap.fullmatch(text, medium_end, m.start):
                continue
            if m.type == "GPE" and owner is not None and self._owns_medium(s, m, owner):
                continue  # "kênh truyền hình TNT Sports của Argentina": the name the tagger missed is the medium
            out.append(m)
        return out

    def _owns_medium(self, s: _Sent, m: Mention, owner: re.Pattern[str]) -> bool:
        """A possessive ("của", a bracket) right before the place, and before it a medium word and a name."""
        text = s.para.text
        for k in range(max(s.start, m.start - _OWNER_GAP_CHARS), m.start):
            if self.lex.owner_gap.fullmatch(text, k, m.start):
                return owner.search(text, max(s.start, k - _OWNER_NAME_CHARS), k) is not None
        return False

    @staticmethod
    def _elided_subject(hit: _Hit, rule: TriggerRule, usable: list[Mention]) -> list[Mention]:
        """"Đại tướng X chào mừng …; nhấn mạnh, …": a verb opening the clause after a semicolon has
        the sentence's subject, the person its first words name (within ``source_within``)."""
        s, text = hit.s, hit.s.para.text
        stop = text.rfind(";", s.start, hit.start)
        if stop < 0 or text[stop + 1:hit.start].strip(" ,"):
            return []
        first = next((m for m in usable if m.start < stop and m.type == "PERSON"), None)
        if first is None or first.start - s.start > (rule.source_within or len(text)):
            return []
        return [first]

    def _speaker_after(self, hit: _Hit, rule: TriggerRule, usable: list[Mention]) -> list[_Part]:
        """"Theo X, …": the names of the trigger's clause after it speak, when the first stands within
        ``source_within`` of it (further on, "Theo kết quả khảo sát của X" cites a document)."""
        c1 = hit.clause[1]
        after = [m for m in usable if m.start >= hit.end and m.end <= c1]
        if not after or (rule.source_within and after[0].start - hit.end > rule.source_within):
            return []
        owned = self._owners(hit.s, after, rule.type)
        if not any(m.type == "PERSON" and id(m) not in owned for m in after):
            after = self._members_out(hit.s, [m for m in after if id(m) not in owned], rule.type)
        speakers = self._qualifiers_out(hit.s, after)
        return sorted(self._as_parts(hit.s.para.index, [(m, "source") for m in speakers], set()),
                      key=lambda p: p.order)

    def _speaker_in_main(self, hit: _Hit, rule: TriggerRule, usable: list[Mention]) -> list[_Part]:
        """"Phát biểu sau trận đấu, Azpilicueta cũng không đề cập …": a sentence opened by a clause of
        speech speaks for the person who opens its main clause (the first clause after the trigger's),
        within ``source_within`` of its start and with nothing before him but capitalised titles and
        personal pronouns ("HLV Hồng Việt", "ông X"); the names of the leading clause ("sau trận hòa với
        U15 Indonesia") say when or to whom, and a main clause opened by a verb ("chúc mừng đồng chí X, …")
        names whom it is about, not who speaks."""
        s, text = hit.s, hit.s.para.text
        main = next(((a, b) for a, b in s.clauses if a >= hit.clause[1]), None)
        if main is None:
            return []
        inside = [m for m in usable if main[0] <= m.start and m.end <= main[1]]
        if not inside:
            return []
        first = min(inside, key=lambda m: m.start)
        gap = _WORD.findall(text, main[0], first.start)
        pronouns = self.lex.types[rule.type].pronoun_speakers
        if first.type != "PERSON" or (rule.source_within and first.start - main[0] > rule.source_within) \
                or any(not w[:1].isupper() and w.lower() not in pronouns for w in gap):
            return []
        return self._as_parts(s.para.index, [(first, "source")], set())

    @staticmethod
    def _as_parts(para: int, roles: list[tuple[Mention, str]], seen: set[str]) -> list[_Part]:
        """One participant per entity, with the role it first has."""
        parts: list[_Part] = []
        for m, role in roles:
            key = _key(m)
            if key not in seen:
                seen.add(key)
                parts.append(_Part(Participant(key, m.canonical or m.text, m.type, role), (para, m.start)))
        return parts

    def _no_media_but_speaking(self, hit: _Hit, etype: str, parts: list[_Part]) -> list[_Part]:
        """Without the news media (``_no_media``) but one that speaks in its own name as the subject of
        the trigger's clause (``medium_speaks``)."""
        settings = self.lex.types[etype]
        kept = _no_media(parts, settings.not_speakers, settings.medium_names, settings.not_speaker_kinds)
        if not self._medium_speaks(hit, etype):
            return kept
        start = (hit.s.para.index, hit.clause[0])
        return [p for p in parts if p in kept or p.order >= start]

    def _medium_speaks(self, hit: _Hit, etype: str) -> bool:
        """The trigger is one with which a news medium speaks in its own name ("tờ Marca còn cho rằng",
        "CNN vừa tiết lộ", "tạp chí Forbes công bố danh sách"): the gold counts those statements,
        while a medium that only reports ("Reuters đưa tin", "theo Bloomberg") says nothing."""
        return hit.text.lower() in self.lex.types[etype].medium_speaks

    def _usable_mentions(self, s: _Sent, location_ids: set[int], etype: str,
                         speaks_from: int | None = None) -> list[Mention]:
        nested = [m for m in s.mentions if m.type in ("EVENT", "TREATY")]
        usable = [m for m in s.mentions if self._usable(m, s.para.text, location_ids, nested)]
        settings = self.lex.types[etype]
        text = s.para.text
        if settings.unnamed_after is not None:
            # "Quan chức Nhà Trắng cũng cảnh báo": unnamed officials speak, not the White House.
            # ("người dùng Rick Thomas bình luận": a user the text names speaks, a PERSON after named_after)
            source, named = settings.source_after, settings.named_after
            usable = self._listed_out(text, usable, lambda m: settings.unnamed_after.search(
                text, max(0, m.start - 40), m.start) is not None and not (
                    source is not None and source.search(text, max(0, m.start - 40), m.start)) and not (
                    named is not None and m.type == "PERSON" and named.search(text, max(0, m.start - 40), m.start)))
        if settings.name_part_types:
            usable = [m for m in usable if not self._name_part(s, m, settings)]
        medium = settings.medium_after
        if medium is None:
            return usable
        kept = self._media_out(s, usable, medium, settings.medium_owner)
        if speaks_from is None:
            return kept
        # A medium (an ORG) speaking in its own name is the subject of the trigger's own clause ("tờ Marca còn
        # cho rằng"), never one that reported in a clause before ("Hãng tin CNN đưa tin, các quan chức … cho rằng");
        # so is a journalist named after a medium's word ("Nhà báo Pedrerol … tiết lộ"), never a place ("Nhiều tờ
        # báo Anh … tiết lộ": the country whose papers they are).
        speaking = usable if settings.medium_after_speaking is None else \
            self._media_out(s, usable, settings.medium_after_speaking, settings.medium_owner)
        ids, free = {id(m) for m in kept}, {id(m) for m in speaking}
        return [m for m in usable if id(m) in ids or id(m) in free and m.type in ("ORG", "PERSON")
                and m.start >= speaks_from]

    @staticmethod
    def _name_part(s: _Sent, m: Mention, settings: TypeSettings) -> bool:
        """"Trong hướng dẫn của BYT Anh đã nói rõ", "theo Washington Free": a place with a capitalised word
        right before or after it that no mention holds (nor a sentence's first word) ends or starts a name the
        tagger did not read, a body or a medium; the place itself says nothing."""
        if m.type not in settings.name_part_types:
            return False
        text = s.para.text
        before = _NAME_WORD_BEFORE.search(text, max(s.start, m.start - 40), m.start)
        after = _NAME_WORD_AFTER.match(text, m.end)
        then = _NAME_WORD_AFTER.match(text, after.end(1)) if after is not None else None
        if then is not None and then.group(1)[:1].isupper():
            after = None  # "Trung Quốc Lạc Ngọc Thành tuyên bố": a person's name the tagger missed runs on
        spans = [(b.start(1), b.end(1)) for b in (before, after) if b is not None and b.start(1) > s.start]
        return any(text[a:b][:1].isupper() and text[a:b] not in settings.name_part_not
                   and not any(n.start <= a < n.end for n in s.mentions) for a, b in spans)

    def _members_out(self, s: _Sent, mentions: list[Mention], etype: str) -> list[Mention]:
        """Without a person speaking: no body or place an unnamed member of it stands before ("Một lãnh
        đạo huyện ủy Hương Khê cho hay"); with one, the body after his title stays his ("ông A, Tổng giám
        đốc Masan")."""
        member = self.lex.types[etype].member_after
        if member is None or any(m.type == "PERSON" for m in mentions):
            return mentions
        text = s.para.text
        kept: list[Mention] = []
        dropped: Mention | None = None
        for m in sorted(mentions, key=lambda m: m.start):
            # a place set off by a comma right after such a body is its address ("Lãnh đạo công an quận Hà Đông, Hà
            # Nội xác nhận", batch 36): it says where the unnamed member works, and does not speak either
            # (issue-14C34); a place joined by "và" may be a state whose leader the text names ("nhà lãnh đạo Pháp
            # và Đức đều kêu gọi", held-out), and stays
            address = dropped is not None and m.type in ("GPE", "LOC") and _COMMA_GAP.fullmatch(text, dropped.end, m.start)
            dropped = m if address or member.search(text, max(0, m.start - 40), m.start) else None
            if dropped is None:
                kept.append(m)
        return kept

    def _listed_out(self, text: str, mentions: list[Mention], out: Callable[[Mention], bool]) -> list[Mention]:
        """Without the mentions ``out`` rejects and those listed right after one of them ("các nhà nghiên
        cứu từ Úc, Canada, Đan Mạch và Greenland": all four say where the researchers come from)."""
        kept: list[Mention] = []
        previous: Mention | None = None
        dropped = False
        for m in sorted(mentions, key=lambda m: m.start):
            listed = dropped and previous is not None and self.lex.place_gap.fullmatch(text, previous.end, m.start) is not None
            dropped = listed or out(m)
            if not dropped:
                kept.append(m)
            previous = m
        return kept

    def _owners(self, s: _Sent, mentions: list[Mention], etype: str) -> set[int]:
        """The ids of the mentions that own a lower-case head before them (``_owned``)."""
        speaks = self.lex.types[etype].owner_speaks
        if speaks is None:
            return set()
        return {id(m) for m in mentions if self._owned(s, m, speaks)}

    def _owned(self, s: _Sent, m: Mention, speaks: tuple[tuple[str, ...], ...]) -> bool:
        """"phần đông khán giả khi xem tiết mục của Chu Hoàng Tuấn đã bày tỏ", "người cũ của Juventus
        đã kêu gọi": a name after the possessive of a lower-case head (from its clause's start or the
        name before) owns what the head names; the head, not the name, is the subject. A head that
        capitalises a word after its first is a title ("Bộ trưởng Ngoại giao của Mỹ"); one holding
        ``speaks`` ("thông báo của Bộ Y tế") lets its owner speak."""
        text = s.para.text
        gap = self.lex.possessive_end.search(text, max(s.start, m.start - 12), m.start)
        if gap is None:
            return False
        c0 = next((a for a, b in s.clauses if a <= m.start < b), s.start)
        prior = [n.end for n in s.mentions if c0 <= n.end <= gap.start() and n is not m]
        h0 = max([c0] + prior)
        words = _WORD.findall(text, h0, gap.start())
        if not words:
            return False
        first = 1 if h0 == c0 else 0  # a clause's first word is capitalised whatever it is
        if any(w[:1].isupper() for w in words[first:]):
            return False
        head = tuple(w.lower() for w in words)
        return not any(head[k:k + len(p)] == p for p in speaks for k in range(len(head) - len(p) + 1))

    def _usable(self, m: Mention, text: str, location_ids: set[int], nested: list[Mention]) -> bool:
        """A mention that can take part: a participant type, not the event's place, not a place
        standing for its people or goods, not inside a treaty's or an event's name."""
        if m.type not in self.lex.participant_types or id(m) in location_ids:
            return False
        if m.type == "GPE" and self.lex.place_not_after.search(text, max(0, m.start - self.lex.place_not_after_reach),
                                                               m.start):
            return False  # "58.000 khách Tây Ban Nha đến thăm": tourists, not Spain
        # "Liên hợp quốc" inside "Công ước khung của Liên hợp quốc ..."
        return not any(n is not m and n.start <= m.start and m.end <= n.end for n in nested)

    @staticmethod
    def _object_limit(hit: _Hit) -> int:
        """Objects stay in the trigger's clause; a reference in a leading adverbial ("Tại cuộc đối
        thoại, A và B đã thảo luận") reaches into the main clause that follows it."""
        s = hit.s
        c0, c1 = hit.clause
        limit = c1
        if hit.cue and hit.form == "noun" and (c0, c1) in s.clauses \
                and not any(m.start < c0 for m in s.mentions):
            # the adverbial may follow a connective ("Theo đó, tại kỳ họp thứ 5, Ủy ban Kiểm tra … đã
            # quyết định") and be followed by its time ("Trong phiên họp thứ 55, sáng 27/4, UB Thường vụ
            # Quốc hội đã xem xét"): the main clause is the first one after it that names someone
            for a, b in s.clauses[s.clauses.index((c0, c1)) + 1:]:
                limit = b
                if any(a <= m.start < b for m in s.mentions):
                    break
        return min(limit, hit.seg_end)

    def _statement_sources(self, hit: _Hit, rule: TriggerRule, before: list[Mention],
                           attributed: list[Mention], near: bool = True) -> list[Mention]:
        """The speaker, within ``source_within`` of the verb unless ``near`` is False (the subject of
        the verb it is coordinated with: "A chúc mừng B, và bày tỏ …")."""
        a0, a1 = hit.s.attribution
        before = self._speaker(hit, before, attributed)
        if before and self._ordered(hit.s, before[-1]):
            return []
        end = before[-1].end if before else 0
        # the places that end a speaker's title (the event's place among them) keep the speaker near:
        # "ông A, đại diện một cửa hàng tại đường X, Quận 10, TP.HCM chia sẻ"
        for m in hit.s.mentions:
            if m.type in ("GPE", "LOC") and end <= m.start and m.end <= hit.start:
                end = m.end
        # so does a name ending his description: "Prashant Kabrawala, một người … có tên là Ashwinikumar, thừa nhận"
        speaker = next((m for m in reversed(before) if m.type == "PERSON"), None)
        end = max([end] + [m.end for m in hit.s.mentions if speaker is not None and m.type == "PERSON"
                           and speaker.end <= m.start and m.end <= hit.start
                           and self._apposed(hit.s, speaker, m, hit.start)])
        end = self._body_described_end(hit, before, end)
        end = self._person_described_end(hit, speaker, end)
        if near and rule.source_within and before and hit.start - end > rule.source_within \
                and not (a0 <= before[-1].start and before[-1].end <= a1 and before[-1].type == "PERSON"):
            return []  # (the speaker a lead-in quotes may stand far: "X dẫn lời Y cho biết, …, Z kêu gọi")
        # (after the distance test: a qualifier at the end of a long title keeps its speaker near)
        return self._qualifiers_out(hit.s, before)

    def _body_described_end(self, hit: _Hit, before: list[Mention], end: int) -> int:
        """Where a body speaking ends with its own description set off after it ("Ủy ban Bầu cử - cơ quan chuyên
        giám sát vấn đề tài chính bầu cử và chính trị, cho biết"): the verb after its closing mark is the body's
        however long the description; ``end`` when there is none."""
        if not before or before[-1].type != "ORG" or end != before[-1].end:
            return end
        described = self.lex.body_apposition.match(hit.s.para.text, end, hit.start)
        return described.end() if described else end

    def _person_described_end(self, hit: _Hit, speaker: Mention | None, end: int) -> int:
        """Where a person speaking ends with his descriptions set off after his name, each opening with an
        apposition head, the last closed by the comma that opens the verb's clause with at most
        ``lex.body_verb_words`` lower-case words between ("Betsy Bryan, giáo sư Ai Cập học tại Đại học John
        Hopkins ở Mỹ, người không tham gia vào cuộc khai quật …, tuyên bố"): the verb is his however long they
        are, when he opens his clause (``lex.apposed_lead_words``); ``end`` otherwise."""
        if speaker is None:
            return end
        text, c0 = hit.s.para.text, hit.clause[0]
        gap = _WORD.findall(text, c0, hit.start)
        lead = re.split(r"[,;:]", text[hit.s.start:speaker.start])[-1]
        if len(gap) > self.lex.body_verb_words or any(not w[:1].islower() for w in gap) \
                or len(_WORD.findall(lead)) > self.lex.apposed_lead_words:
            return end
        pos = speaker.end
        while (described := self.lex.person_apposition.match(text, pos, c0)) is not None and described.end() > pos:
            pos = described.end()
        return max(end, c0) if pos > speaker.end and _COMMA_GAP.fullmatch(text, pos, c0) else end

    def _ordered(self, s: _Sent, speaker: Mention) -> bool:
        """The speaker is the object of an order to speak ("Giám đốc Sở TN-MT giao VPĐKĐĐ thông báo …"): nothing
        is said yet. The order's word stands outside every mention ("Bộ Ngoại giao | Nga" holds its "giao") and ends no
        other word (``ordered_not``: "Bộ trưởng Ngoại giao Phạm Bình Minh khẳng định")."""
        text = s.para.text
        order = self.lex.ordered_after.search(text, max(0, speaker.start - self.lex.ordered_window), speaker.start)
        return order is not None and not any(m.start <= order.start() < m.end for m in s.mentions) \
            and self.lex.ordered_not.search(text, max(0, speaker.start - self.lex.ordered_not_window), speaker.start) is None

    def _qualifiers_out(self, s: _Sent, speakers: list[Mention]) -> list[Mention]:
        """Without the places that only say where a person or body speaking is (``qualifier_after``,
        or in brackets): "bà X, Phó Trưởng phòng Giáo dục quận Hai Bà Trưng cho biết"."""
        text = s.para.text
        # A place in brackets only says where the speaker is, even when the tagger missed the speaker
        # ("Đồn Biên phòng Ba Tầng (Bộ đội Biên phòng Quảng Trị) xác nhận").
        speakers = [m for m in speakers if m.type not in ("GPE", "LOC") or not _opened(text, s.start, m.start)]
        if not any(m.type in ("PERSON", "ORG") for m in speakers):
            return speakers

        def qualifier(m: Mention) -> bool:
            if m.type not in ("GPE", "LOC"):
                return False
            # the designator before the name, or the mention's own first words ("…, huyện Long Hồ, tỉnh
            # Vĩnh Long cho biết": the tagger keeps a district's or commune's designator in its mention)
            ends = [m.start] + [i + 1 for i in range(m.start, m.end) if text[i] == " "][:2]
            return any(self.lex.qualifier_after.search(text, max(0, m.start - 15) if e == m.start else m.start, e)
                       is not None for e in ends)

        return [m for m in speakers if not qualifier(m)]

    @staticmethod
    def _verb_roles(before: list[Mention], after: list[Mention]) -> list[tuple[Mention, str]]:
        """One named before and after the verb is its object unless it is the subject right before
        it: "Nhận lời mời của Tây Ban Nha, A đã thăm Tây Ban Nha" (A visits Spain)."""
        nearest = (before[-1].entity_id or before[-1].text) if before else None
        objects = {m.entity_id or m.text for m in after}
        return [(m, "source") for m in before if (m.entity_id or m.text) not in objects
                or (m.entity_id or m.text) == nearest] + [(m, "target") for m in after]

    def _noun_roles(self, hit: _Hit, before: list[Mention], after: list[Mention]) -> list[tuple[Mention, str]]:
        """All take part, unless "với" introduces the target: "A có cuộc hội đàm với B"."""
        text = hit.s.para.text
        marked = [m for m in after if any(
            re.search(rf"(?<!\w){re.escape(' '.join(p))}(?!\w)", text[hit.end:m.start].lower())
            for p in self.lex.target_markers)]
        if not marked:
            return [(m, "participant") for m in before + after]
        first = marked[0].start
        return [(m, "source") for m in before] + [
            (m, "target" if m.start >= first else "participant") for m in after]

    @staticmethod
    def _name_parties(hit: _Hit, seen: set[str]) -> list[_Part]:
        """The parties written inside the event's name ("Hội nghị Bộ trưởng Môi trường ASEAN+3"
        names ASEAN), from the document's participants by surface form."""
        s, name = hit.s, hit.name
        text = s.para.text
        parts = []
        for form, m in s.forms.items():
            key = _key(m)
            if key in seen:
                continue
            at = re.search(rf"(?<!\w){re.escape(form)}(?!\w)", text[name.start:name.end])
            if at is not None and (name.start + at.start(), name.start + at.end()) != (name.start, name.end):
                seen.add(key)
                parts.append(_Part(Participant(key, m.canonical or m.text, m.type, "participant"),
                                   (s.para.index, name.start + at.start())))
        return parts

    def _speaker(self, hit: _Hit, before: list[Mention], attributed: list[Mention]) -> list[Mention]:
        """Who makes a statement: a person named before the verb with the bodies after the name
        ("ông A, Thứ trưởng Bộ X, Trưởng đoàn Việt Nam nhấn mạnh"); without a person, the bodies of
        the verb's own clause ("Bộ Công Thương khẳng định"); with "Theo X, ..." also X."""
        text = hit.s.para.text
        quoted = _quoted_before(text, hit.s.start, hit.start)
        before = [m for m in before if not any(a <= m.start and m.end <= b for a, b in quoted)]
        # (a colon inside brackets stops nothing: "bà A, Bộ trưởng Bộ Smart Nation Initiative (tạm dịch: Bộ
        # sáng kiến Quốc gia) cho biết" is hers)
        stops = [m.end() for m in _STRONG_STOP.finditer(text, hit.seg_start, hit.start)
                 if not _opened(text, hit.s.start, m.start())]
        if stops:
            before = [m for m in before if m.start >= stops[-1]]
        # "US Blasting News dẫn ý kiến nhiều nhà phân tích cho rằng": who cites only reports.
        # A name holding the verb of citing is the medium run on into it ("Báo Bưu điện Hoa Nam Buổi sáng
        # dẫn lời một quan chức", a span the tagger did not end): it reports too.
        before = [m for m in before if not self.lex.citing.search(text, m.end, hit.start)
                  and not self.lex.citing.search(text, m.start, m.end)]
        attributed = [m for m in attributed if not self.lex.citing.search(text, m.start, m.end)]
        # a lead-in naming an unnamed member ("Một lãnh đạo huyện ủy Hương Khê cho hay, …") is no body speaking
        attributed = self._members_out(hit.s, attributed, hit.rules[0].type)
        before = self._who_speaks(hit, before)
        return sorted({id(m): m for m in attributed + before}.values(), key=lambda m: m.start)

    def _who_speaks(self, hit: _Hit, before: list[Mention]) -> list[Mention]:
        """A person (not one in brackets describing the one before: "Bà X (em dâu bà Kim Anh) …, bà
        nói") with the bodies after him, else the bodies. An owner is no speaker ("tiết mục của Chu
        Hoàng Tuấn"); a body owning a speaking person's title stays his ("Alan Garten, luật sư của
        Trump Organization")."""
        text = hit.s.para.text
        aside = {id(m) for m in before if m.type == "PERSON" and _opened(text, hit.s.start, m.start)}
        owned = self._owners(hit.s, before, hit.rules[0].type)
        aside |= {k for k in owned if any(id(m) == k and m.type == "PERSON" for m in before)}
        people = [m for m in before if m.type == "PERSON" and id(m) not in aside]
        if people:
            return self._person_speaking(hit, [m for m in before if id(m) not in aside], people)
        return self._body_speaking(hit, self._members_out(
            hit.s, [m for m in before if id(m) not in owned], hit.rules[0].type))

    def _coordinated_subject(self, hit: _Hit, before: list[Mention]) -> list[Mention] | None:
        """"Bộ Ngoại giao Nga ngày 20/4 đã triệu tập Đại sứ Bulgaria Atanas Krystin và thông báo": a
        verb joined to the verb before it (``[grammar] coordinators``) has that verb's subject; the
        names between the two verbs are its object. The subject is the names opening the clause up to
        the first lower-case word other than a conjunction; [] when a verb before the one name makes it
        the object (the subject is unnamed); None when the clause is not built so."""
        text, c0 = hit.s.para.text, hit.clause[0]
        if self.lex.coordinated.fullmatch(text, c0, hit.start):
            # ", và bày tỏ …", ", đồng thời tuyên bố …": the clause before has the verb it continues
            c0 = next((a for a, b in reversed(hit.s.clauses) if b <= c0), c0)
        own = [m for m in before if m.start >= c0 and m.end <= hit.start]
        if not own:
            return None
        if not self.lex.coordinated.fullmatch(text, own[-1].end, hit.start):
            # the object named goes on before the joined verb ("… đã ra lệnh cấm Hamou dự giải Pháp mở
            # rộng và đánh giá", "Sơn đã gọi điện thoại cho chị Đỗ Thị Điệp là điều dưỡng viên … và nói
            # rằng"): with two names or more, the subject before a verb still speaks; one name alone
            # may be the subject with its own object after it ("ông A kiểm tra hiện trường và cho biết")
            joined = len(own) > 1 and any(self.lex.coordinated.fullmatch(text, own[-1].end + k.start(), hit.start)
                                          for k in re.finditer(r"\s", text[own[-1].end:hit.start]))
            return self._subject_before_verb(text, own, joins=True) if joined else None
        if len(own) == 1:
            # "3 HLV còn lại lựa chọn Hellen Thủy và nói …", "Cũng có cổ đông đặt câu hỏi về … Ban điều
            # hành Hòa Phát và cho rằng …": the one name, right before the joined verb, is the object
            # of the verb before it; the subject is unnamed, and nobody named speaks.
            return [] if self._has_verb_word(text[c0:own[0].start]) else None
        return self._subject_before_verb(text, own)

    def _subject_before_verb(self, text: str, own: list[Mention], joins: bool = False) -> list[Mention] | None:
        """The names opening the clause up to the first lower-case word other than a conjunction, when
        a name follows that word (the verb's object); else None. With ``joins`` a conjunction keeps the
        subject going past lower-case words: "Ngoại trưởng Nga Sergey Lavrov và người đồng cấp Trung Quốc
        Vương Nghị đã thảo luận … và nhất trí" (a title, not a verb, before the second)."""
        subject = own[:1]
        for m in own[1:]:
            gap = text[subject[-1].end:m.start]
            if self._has_verb_word(gap) and not (joins and self.lex.joined.search(gap)):
                return subject
            subject.append(m)
        return None

    def _has_verb_word(self, gap: str) -> bool:
        """A lower-case word other than a conjunction ("đã triệu tập", not "và")."""
        return any(w[:1].islower() and not self.lex.joined.fullmatch(w) for w in _WORD.findall(gap))

    def _person_speaking(self, hit: _Hit, before: list[Mention], people: list[Mention]) -> list[Mention]:
        """The person nearest the verb, with those joined to it ("Bộ trưởng A và Bộ trưởng B khẳng
        định"), and the bodies after; a person named earlier in a title ("Đặc phái viên của Tổng
        thống Mỹ ... B") is not the speaker."""
        text = hit.s.para.text
        first = people[-1]
        if len(people) > 1 and self._describes(hit, people[-2], first):
            before = [m for m in before if m is not first]
            first = people[-2]
        run = [first]
        for prev in reversed(people[:people.index(first)]):
            gap = text[prev.end:run[-1].start]
            # "A và B", and a list of names set off by commas alone ("Go Bo Gyeol, Han Ji Min, Gong Hye Jin
            # đều gửi lời chúc mừng"): every one of them speaks
            if self.lex.joined.search(gap) and not re.search(r"[,;:]", gap) or _COMMA_GAP.fullmatch(gap):
                run.append(prev)
            else:
                break
        gaps = [text[b.end:a.start] for a, b in zip(run, run[1:])]
        if any(_COMMA_GAP.fullmatch(g) for g in gaps) and (len(run) < 3 or not all(
                _COMMA_GAP.fullmatch(g) or self.lex.joined.fullmatch(g.strip()) for g in gaps)):
            # a comma list is three names or more with nothing but commas and conjunctions between; two names
            # and a comma, the first ends a clause before ("… đi xa hơn Khánh Linh, Minh Tú đã phản đối")
            run = run[:next(k for k, g in enumerate(gaps, start=1) if _COMMA_GAP.fullmatch(g))]
        return [m for m in before if m.start >= run[-1].start]

    def _describes(self, hit: _Hit, named: Mention, inner: Mention) -> bool:
        """Is ``inner``, the person nearest the verb, named in what describes ``named`` before him? Then
        ``named`` speaks:
        - "ông Prahlad Modi, em trai Thủ tướng Modi, thông báo": set off by commas after a name, not after a
          form of address alone ("… của anh Lượng, cô Hòa, mẹ anh Lượng cho biết": Hòa is another person);
        - "Harbeer Singh, quan chức phụ trách lễ hội tôn giáo Kumbh Mela cho biết": the name ends the
          description of the one before (``[grammar] apposition_heads``);
        - "Ryan Williams, người phát ngôn chiến dịch năm 2012 của ông Mitt Romney nhận định": the description
          says whose man the one named first is; he speaks, not whom he works for."""
        text = hit.s.para.text
        if _APPOSED.fullmatch(text, named.end, inner.start) \
                and not self.lex.address.fullmatch(text, named.end, inner.start) \
                and _APPOSITION_END.match(text, inner.end, hit.start):
            return True
        return self._apposed(hit.s, named, inner, hit.start) or self._described_owner(text, named, inner, hit.start)

    def _apposed(self, s: _Sent, named: Mention, inner: Mention, end: int) -> bool:
        """A comma after ``named``, a lower-case description of at least ``lex.apposed_words`` words opening
        with an apposition head and ending at ``inner``, then up to the verb at ``end`` no clause of its
        own (no stop but a comma or brackets, ``lex.apposed_tail``): ``inner`` is named in
        ``named``'s description. ``named`` opens his clause (at most ``lex.apposed_lead_words`` words before
        him, or a verb of citing): "Với phiên tòa của bị cáo Duy, bạn Bảo Ân đề xuất" names the accused
        in an adverbial and Bảo Ân by a form of address; she speaks."""
        text = s.para.text
        gap = self.lex.apposition.fullmatch(text, named.end, inner.start)
        if gap is None or len(_WORD.findall(gap.group(0))) < self.lex.apposed_words \
                or self.lex.apposed_tail.fullmatch(text, inner.end, end) is None:
            return False
        lead = re.split(r"[,;:]", text[s.start:named.start])[-1]
        return len(_WORD.findall(lead)) <= self.lex.apposed_lead_words or self.lex.citing.search(lead) is not None

    def _described_owner(self, text: str, named: Mention, owner: Mention, end: int) -> bool:
        """A comma after ``named``, a lower-case description ending in a possessive and at most
        ``lex.owner_title_words`` words of title ("của ông", "của Tổng thống"), then ``owner`` and, up to
        the verb at ``end``, no comma: the description is ``named``'s apposition and ``owner`` is whom
        he works for ("Michael Wear, người phụ trách … trong chiến dịch năm 2012 của Tổng thống Barack
        Obama cho hay")."""
        gap = _DESCRIBED.fullmatch(text, named.end, owner.start)
        if gap is None or not gap.group(1)[:1].islower() or _STOPS.search(text, owner.end, end):
            return False
        cuts = [owner.start] + [named.end + k.start() for k in re.finditer(r"(?<=\s)\S", gap.group(0))][-self.lex.owner_title_words:]
        return any(self.lex.possessive_end.search(text, gap.start(1), c) is not None for c in cuts)

    def _body_speaking(self, hit: _Hit, before: list[Mention]) -> list[Mention]:
        """Without a person: the names of the verb's own clause, and the body named right before its
        comma when that clause's subject is a capitalised name with no body tagged in it ("Công an
        thành phố Vinh, Nghệ An cho biết", "ông chủ của Liverpool, John W Henry cũng lên tiếng")."""
        text, c0 = hit.s.para.text, hit.clause[0]
        own = [m for m in before if m.start >= c0]
        if not own and (described := self._described_body(hit, before)) is not None:
            return [described]
        body = next((m for m in reversed(before) if m.end <= c0), None)
        if body is None or body.type != "ORG" or any(m.type == "ORG" for m in own) \
                or not _COMMA_GAP.fullmatch(text, body.end, c0):
            return own
        at = c0 + len(text[c0:hit.start]) - len(text[c0:hit.start].lstrip())  # where the subject starts
        subject = text[at:hit.start].rstrip()
        for filler in self.lex.location_fillers:  # "Công an huyện Kế Sách, tỉnh Sóc Trăng cho biết"
            head = " ".join(filler) + " "
            if subject.lower().startswith(head):
                subject, at = subject[len(head):], at + len(head)
                break
        first = subject.split()[0] if subject.split() else ""
        named = any(m.start == at for m in own)  # "…, TP.HCM cho biết": a place the tagger names
        # A capitalised name, not a person by what he does written in capitals ("Sau trận đấu với
        # Granada, HLV người Hà Lan đã lên tiếng"): a coach speaks, not the club he played.
        return [body] + own if named or first[:1].isupper() and not (len(first) > 1 and first.isupper()) else own

    def _described_body(self, hit: _Hit, before: list[Mention]) -> Mention | None:
        """The body whose own description, set off after it ("Ủy ban Bầu cử - cơ quan chuyên giám sát …,",
        "Bộ Ngoại giao Algeria, nước có một công dân …,": ``[grammar] body_apposition_heads``), closes with
        the comma that opens the verb's clause, with at most ``lex.body_verb_words`` lower-case words between
        that comma and the verb ("cũng", "đã"): the description says who the body is, and the body speaks."""
        text, c0 = hit.s.para.text, hit.clause[0]
        gap = _WORD.findall(text, c0, hit.start)
        if len(gap) > self.lex.body_verb_words or any(not w[:1].islower() for w in gap):
            return None
        for m in reversed(before):
            if m.end > c0:
                continue
            if m.type == "ORG":
                described = self.lex.body_apposition.match(text, m.end, c0)
                return m if described is not None and described.end() == c0 else None
        return None

    def _described(self, hit: _Hit, heads: tuple[tuple[str, ...], ...], most: int) -> bool:
        """The trigger's clause opens with a description of one person ("Người đẹp tóc vàng xúc động
        nói", "HLV người Hà Lan đã lên tiếng giải thích"): one of ``heads``, at most ``most`` words before
        the trigger in all, no conjunction (two speakers) and no name there but places (a nationality)."""
        if not heads:
            return False
        s, c0 = hit.s, max(hit.seg_start, hit.clause[0])
        words = _phrase(s.para.text[c0:hit.start])
        head_end = _head_end(s.para.text, c0, hit.start, heads)
        return 0 < len(words) <= most and head_end is not None \
            and not self.lex.joined.search(s.para.text, c0, hit.start) \
            and not any(c0 <= m.start < hit.start and m.type not in ("GPE", "LOC") and m.end > head_end
                        and not self._described_club(s.para.text, c0, m, heads) for m in s.mentions)

    def _described_club(self, text: str, c0: int, m: Mention, heads: tuple[tuple[str, ...], ...]) -> bool:
        """``m`` is a body right after a description's head and "của" ("HLV trưởng của Man Utd cho biết", "Siêu
        sao của Juventus chia sẻ"): whose man the described person is; the body does not speak. Never a body
        right after the head ("Người đẹp Zara McDermott": a name the tagger read as the brand)."""
        owner = self.lex.possessive_end.search(text, c0, m.start) if m.type == "ORG" else None
        return owner is not None and (_phrase(text[c0:owner.start()]) in heads or _phrase(text[c0:m.start]) in heads)

    def _referred_speakers(self, hit: _Hit, by_para: dict[int, list[_Sent]], settings: TypeSettings,
                           parts: list[_Part]) -> list[_Part]:
        """The participants, or, where a pronoun or a description of a person opens the clause and
        nobody else is named, the person it refers to (``_pronoun_speaker``)."""
        described = self._described(hit, settings.description_speakers, settings.description_words)
        if described:
            # the places of a description say where the person comes from, a body after its head and the
            # possessive whose man he is ("HLV trưởng của Man Utd"); they do not speak
            c0 = max(hit.seg_start, hit.clause[0])
            head_end = _head_end(hit.s.para.text, c0, hit.start, settings.description_speakers) or c0
            owners = {_key(m) for m in hit.s.mentions if c0 <= m.start < hit.start
                      and (m.end <= head_end
                           or self._described_club(hit.s.para.text, c0, m, settings.description_speakers))}
            parts = [p for p in parts
                     if p.participant.type not in ("GPE", "LOC") and p.participant.entity_id not in owners]
        if not parts and (settings.pronoun_speakers or described):
            # a description says what the person is and may reach further back than a bare pronoun
            return self._pronoun_speaker(hit, by_para, settings.pronoun_speakers, described,
                                         settings.description_paragraphs if described else settings.pronoun_paragraphs)
        return parts

    def _pronoun_speaker(self, hit: _Hit, by_para: dict[int, list[_Sent]], pronouns: frozenset[str],
                         described: bool, reach: int) -> list[_Part]:
        """"Ông cho biết, …": a clause whose subject is a personal pronoun (or, ``described``, a
        description of a person: ``_described``) speaks for the subject of the last sentence before it
        that names a person outside what is reported, in its paragraph or up to ``reach`` - 1 before it
        (never further: a pronoun does not reach across the article), else for the last one named in
        what is reported."""
        s = hit.s
        subject = s.para.text[hit.seg_start:hit.start].strip(" ,").lower()
        # A leading adverbial clause may stand before the pronoun ("Chia sẻ về quyết tâm …, cô cho
        # biết: …"): the subject is then the trigger's own clause.
        clause_subject = s.para.text[max(hit.seg_start, hit.clause[0]):hit.start].strip(" ,").lower()
        if not described and subject not in pronouns and clause_subject not in pronouns:
            return []
        here, text = s.para.index, s.para.text
        # Its own sentence first, before the pronoun's clause ("Dù đã ngoài 60 tuổi, … bà Đào Kim Anh
        # vẫn đứng bán hàng …, bà chia sẻ: …"), leaving out a person in brackets, who only describes
        # the subject ("Bà X (em dâu bà Kim Anh) …, bà nói").
        own = [m for m in s.mentions if m.type == "PERSON" and m.end <= hit.clause[0]
               and not _opened(text, s.start, m.start)]
        reported: list[Mention] = []
        for para in range(here, here - max(reach, 1), -1):
            earlier = [x for x in by_para.get(para, []) if para < here or x.start < s.start]
            # One named in what an earlier sentence reports ("Koeman cũng xác nhận rằng Barcelona sắp đón
            # tân binh Sergio Dest. Ông nói thêm: …"), or in a quotation of several sentences ('"… Anh Hưng
            # rất tâm lý. …", cô nói': whom the speaker talks of), is not whom the pronoun means when
            # another is named, here or in the paragraph before (issue #14, batches 4 and 13); with
            # nobody else named, the last one reported is still the only candidate.
            named = [[m for m in x.mentions if m.type == "PERSON" and not self._reported(x, m)] for x in earlier]
            named = [people for people in named + [own if para == here else []] if people]
            reported = reported or [m for x in earlier for m in x.mentions if m.type == "PERSON"]
            if named:
                # The subject of the last sentence naming someone, not its object: "HLV Solskjaer đã bày tỏ
                # nguyện vọng muốn Cavani … Ông chia sẻ: …", "Trương Thế Vinh đến chúc mừng nhạc sĩ Nguyễn
                # Văn Chung. Anh thừa nhận …" (issue #14, batches 9, 10, 12 and 13) — unless two people are
                # that subject ("Harry Maguire và Luke Shaw …. Anh chia sẻ"): the pronoun does not guess.
                return self._subject_part(by_para[para][0].para.text, named[-1], here, hit.start)
        return [self._speaker_part(reported[-1], here, hit.start)] if reported else []

    def _subject_part(self, text: str, people: list[Mention], para: int, at: int) -> list[_Part]:
        """The first of ``people`` (one sentence's persons) as the source, unless the second follows it
        with only a comma, or a conjunction and at most ``lex.joined_title_words`` words of the second's title
        ("và Bộ trưởng", "và ông"), between:
        two people are the subject, and a pronoun does not guess which of them it means."""
        first = people[0]
        if len(people) > 1 and first.end <= people[1].start:
            gap = text[first.end:people[1].start].strip(" ,")
            # more words (a verb, "cùng các học trò tiếp đón") make the second an object
            if not gap or (self.lex.joined.match(gap) is not None
                           and len(gap.split()) <= 1 + self.lex.joined_title_words):
                return []
        return [self._speaker_part(first, para, at)]

    @staticmethod
    def _speaker_part(m: Mention, para: int, at: int) -> _Part:
        key = _key(m)
        return _Part(Participant(key, m.canonical or m.text, m.type, "source"), (para, at))

    def _reported(self, s: _Sent, m: Mention) -> bool:
        """``m`` stands in what its sentence reports: in a quotation, or after ``[grammar] reported``."""
        text = s.para.text
        # in a quotation of several sentences too, opened earlier in its paragraph: who is named there is
        # quoted, not whom a later pronoun means ('"Trước đây, … Anh Hưng rất tâm lý. … Tôi cảm thấy may
        # mắn …", cô nói': issue #14, batches 4 and 13)
        return any(q0 < m.start < q1 for q0, q1 in (q.span() for q in _QUOTED.finditer(text, s.start, s.end))) \
            or in_quotation(text, m.start) or self.lex.reported.search(text, s.start, m.start) is not None

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
                key = _key(m)
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
        firsts = {p[0] for p in markers}  # most words open no marker: skip them at once
        for k in range(len(w.spans)):
            if w.lower[k] not in firsts:
                continue
            marker = next((p for p in markers if w.match(k, p)), None)
            if marker is None or (a0 <= w.spans[k][0] < a1):
                continue
            pos = self._after_fillers(s, k + len(marker))
            first = next((m for m in s.mentions if m.start >= pos), None)
            if first is None or first.type not in ("GPE", "LOC") or text[pos:first.start].strip():
                continue
            chains.append(self._place_chain(s, first))
        if not chains:
            return []
        after = [c for c in chains if c[0].start >= at]
        before = [c for c in chains if c[0].start < at]
        if after:
            return min(after, key=lambda c: c[0].start)
        return max(before, key=lambda c: c[0].start)

    def _after_fillers(self, s: _Sent, nk: int) -> int:
        """The offset after the marker ending before word ``nk`` and the generic words that may
        follow it before the name ("tại thủ đô Tokyo")."""
        w = s.words
        pos = w.spans[nk - 1][1]
        moved = True
        while moved and nk < len(w.spans):
            moved = False
            if any(m.start == w.spans[nk][0] for m in s.mentions):
                break
            for f in self.lex.location_fillers:
                if w.match(nk, f) and w.gap_ok(nk):
                    nk += len(f)
                    pos = w.spans[nk - 1][1]
                    moved = True
                    break
        return pos

    def _place_chain(self, s: _Sent, first: Mention) -> list[Mention]:
        """Several places in a row make one location ("Viên Chăn, CHDCND Lào")."""
        text = s.para.text
        chain = [first]
        for m in s.mentions:
            if m.start >= chain[-1].end and m.type in ("GPE", "LOC") \
                    and self.lex.place_gap.fullmatch(text[chain[-1].end:m.start]):
                chain.append(m)
                continue
            if m.start >= chain[-1].end:
                break
        return chain

    def _args(self, hit: _Hit, rule: TriggerRule, by_para: dict[int, list[_Sent]],
              headline: Paragraph | None, reference: dt.date | None) -> _Args:
        settings = self.lex.types[rule.type]
        args = _Args()
        loc = self._event_place(hit, rule.type, settings.object_is_location)
        args.location = ", ".join(m.canonical or m.text for m in loc)
        location_ids = set() if settings.object_is_location else {id(m) for m in loc}
        args.participants = self._participants(hit, rule, location_ids)
        if rule.target_types:
            # "Trần Hiểu Húc từ bỏ nghiệp diễn": only an organisation is left, never a person.
            args.participants = [p for p in args.participants
                                 if p.participant.role != "target" or p.participant.type in rule.target_types]
        if rule.source_types:
            # "10 đội bóng gồm Arsenal, … rút lui" leave a league; a player who withdraws from a tournament
            # leaves no organisation.
            args.participants = [p for p in args.participants
                                 if p.participant.role != "source" or p.participant.type in rule.source_types]
        if settings.not_speakers or settings.medium_names is not None:
            args.participants = self._no_media_but_speaking(hit, rule.type, args.participants)
        # (after the frame's filters: an affiliation is filtered as the source or target it was)
        self._affiliations(hit, args.participants)
        args.participants = self._referred_speakers(hit, by_para, settings, args.participants)
        if not args.participants and rule.neighbour:
            args.participants = self._neighbours(hit, by_para)
            args.own = False
        pick = self._instrument(hit, settings.instrument)
        if pick is not None:
            args.instrument = pick.canonical or pick.text
            args.instrument_id = pick.entity_id or args.instrument
            args.instrument_names = _names(pick)
        if rule.type == "FUNDING" or any("amount" in n for n in rule.needs):
            self._amount(hit, args)
        self._date(hit, args, by_para, headline, reference, settings.said_after_words, settings.said_after_lead_words)
        args.status = self._status(hit, args, reference, extend=hit.form == "noun" or hit.name is not None)
        return args

    def _affiliations(self, hit: _Hit, parts: list[_Part]) -> None:
        """A body, state or place named in the description of a person taking part is whom he represents,
        not a second actor (ANNOTATION.md: participants are the named actors): its role becomes
        ``affiliation``. After his name in his apposition (``_in_description``: "Bác sĩ Nguyễn Văn Hai – Giám
        đốc Sở Y tế Quảng Nam cho hay"), or inside the title set off after his name that the tagger made a
        mention of him (``_apposed_title``), and the body or place that owns it. (Not inside a title alone
        that refers to him: "Tổng thống và Thủ tướng Pháp đã công bố" names France as acting, batch 17's
        gold; "Tổng thư ký Quốc hội đề nghị …, kỳ họp thứ 2" is the assembly's session, batch 8's.)"""
        s = hit.s
        at = {(_key(m), m.start): m for m in reversed(s.mentions)}
        mine = [(p, at.get((p.participant.entity_id, p.order[1]))) for p in parts if p.order[0] == s.para.index]
        people = [m for p, m in mine if m is not None and m.type == "PERSON"]
        last: Mention | None = None  # the affiliation named last: a body or place right after it is its own
        for p, m in sorted(((p, m) for p, m in mine if m is not None), key=lambda x: x[1].start):
            if m.type in ("ORG", "GPE", "LOC") and self._affiliated(hit, m, people, last):
                p.participant.role = "affiliation"
                last = m

    def _affiliated(self, hit: _Hit, body: Mention, people: list[Mention], last: Mention | None) -> bool:
        """Inside a person's title set off after his name, in his description, or owning the affiliation
        named right before it (a comma or a bracket between, on the same side of the trigger)."""
        if any(h.start <= body.start and body.end <= h.end and self._apposed_title(hit.s, h) for h in people):
            return True
        if last is not None and _AFFILIATION_CHAIN.fullmatch(hit.s.para.text, last.end, body.start) \
                and not last.end <= hit.start < body.start:
            return True
        return self._in_description(hit, body, people) or self._titled_before(hit, body, people)

    def _titled_before(self, hit: _Hit, body: Mention, people: list[Mention]) -> bool:
        """A body between a head's title and his name is his title's ("Giám đốc Sở Y tế TPHCM Nguyễn Tấn Bỉnh
        cho biết", ``[grammar] head_titles``), on the same side of the trigger; a body alone before the name
        ("Bộ Y tế, ông A cho biết") is not."""
        text = hit.s.para.text
        if body.start < hit.end and hit.start < body.end or self.lex.head_title_before.search(
                text, max(0, body.start - self.lex.title_reach), body.start) is None:
            return False
        # or inside the title alone that names him, a body's head ("Giám đốc Sở Y tế TPHCM cho rằng": the
        # tagger's coreference made the title a mention of Nguyễn Tấn Bỉnh)
        return any(text[body.end:h.start].isspace() or body.type == "ORG" and h.start <= body.start
                   and body.end <= h.end for h in people)

    def _apposed_title(self, s: _Sent, title: Mention) -> bool:
        """Is ``title`` a mention of a person right after another mention of him, set off by a description's
        mark ("ông Huỳnh Quang Hưng - Chủ tịch UBND TP Phú Quốc")?"""
        text = s.para.text
        for n in s.mentions:
            if n.entity_id == title.entity_id and n.end <= title.start:
                mark = self.lex.described.match(text, n.end, title.start)
                if mark is not None and not text[mark.end():title.start].strip():
                    return True
        return False

    def _in_description(self, hit: _Hit, body: Mention, people: list[Mention]) -> bool:
        """Is ``body`` named in the description after the nearest person before it, on the same side of the
        trigger? The description opens with a mark or the possessive (``[grammar] description_marks``), holds
        no conjunction ("ông A và Bộ X cùng khẳng định": both speak) and no stop, is at most
        ``description_chars`` long, and has a word after its last mark ("ông A, Bộ X cho biết" is a list),
        unless that mark is an opening bracket ("… Trường đại học Surrey (Vương quốc Anh)")."""
        s, text = hit.s, hit.s.para.text
        person = max((h for h in people if h.end <= body.start), key=lambda h: h.end, default=None)
        if person is None or person.end <= hit.start and hit.end <= body.start \
                or body.start - person.end > self.lex.description_chars:
            return False
        gap = list(text[person.end:body.start])
        for m in s.mentions:  # the names the description holds are words of it ("Chủ tịch UBND TP Phú Quốc (")
            if person.end <= m.start and m.end <= body.start:
                gap[m.start - person.end:m.end - person.end] = "X" * (m.end - m.start)
        described = "".join(gap)
        if self.lex.described.match(described) is None or self.lex.joined.search(described) \
                or _DESCRIPTION_STOPS.search(described):
            return False
        tail = self.lex.description_mark.split(described)[-1]
        # (a "body" opening with a head's title is his title read as a name: "ông A, Bộ Trưởng Bộ KH&CN đánh giá")
        return described.rstrip().endswith("(") or _WORD.search(tail) is not None \
            or self.lex.head_title.match(text, body.start) is not None

    def _event_place(self, hit: _Hit, etype: str, object_is_location: bool) -> list[Mention]:
        s = hit.s
        loc = self._location_mentions(s, hit.start, etype)
        if not loc and object_is_location:
            # "chuyến thăm Việt Nam": the place visited is the object.
            first = next((m for m in s.mentions if m.start >= hit.end and m.end <= hit.seg_end), None)
            if first is not None and first.type in ("GPE", "LOC") and first.start - hit.end <= 3:
                loc = [first]
        return loc

    @staticmethod
    def _instrument(hit: _Hit, types: tuple[str, ...]) -> Mention | None:
        """The name of the event itself, else the nearest TREATY/EVENT after the trigger in its
        clause, else before it in its stretch of the sentence (types in order of preference)."""
        s = hit.s
        c1 = min(hit.clause[1], hit.seg_end)
        for mtype in types:
            if mtype == "EVENT" and hit.name is not None:
                return hit.name
            inside = [m for m in s.mentions if m.type == mtype and not any(
                n is not m and n.start <= m.start and m.end <= n.end for n in s.mentions)]
            after = [m for m in inside if m.start >= hit.end and m.end <= c1]
            before = [m for m in inside if m.start >= hit.seg_start and m.end <= hit.start]
            pick = after[0] if after else before[-1] if before else None
            if pick is not None:
                return pick
        return None

    def _amount(self, hit: _Hit, args: _Args) -> None:
        """The sum nearest the trigger in its stretch of the sentence (else in the sentence)."""
        s = hit.s
        amounts = self.lex.money.find(s.para.text, s.start, s.end)
        if amounts:
            near = [x for x in amounts if hit.seg_start <= x[0] and x[1] <= hit.seg_end] or amounts
            best = min(near, key=lambda x: (x[0] < hit.start, abs(x[0] - hit.end)))
            args.amount, args.currency = best[2], best[3]

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

