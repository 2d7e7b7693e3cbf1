"""Triggers: the phrases of the frames found in a sentence, minus those whose sense, modality or
surroundings cancel them; named events as conference triggers; determiners, cues and ordinals."""

from __future__ import annotations

import re

from .frames import Sense, TypeSettings
from .lexicon import Lexicon, TriggerRule
from .records import _Hit, _key, _names, _Sent
from .quotes import in_quotation
from .words import _OPENERS, _QUOTED, _WORD, _Words

_SPACE = re.compile(r"\s*")
# A colon opening a quotation (single quotes too: "Bạn Hà Hoàng viết: 'Rõ ràng …"), and the lower-case words
# that may stand between a name and it.
_SPEECH_COLON = re.compile(r":\s*[\"“«'‘]")
_WORD_RUN = re.compile(r"[^\W\d_]+(?:\s+[^\W\d_]+)*")
# A quotation closed and a comma, or a dash after a double mark: what follows names who said it ("“…”,
# Tiffanie thốt lên.", "“…” - Gia Phúc rơm rớm nước mắt.": batch 31; issue-14I29).
_QUOTE_COMMA = re.compile(r"(?:[\"”»’']\s*,|[\"”»]\s*[-–])\s+")
# An apposition between dashes after a name ("Zhao Tong - một chuyên gia về Triều Tiên - đánh giá").
_DASHED = re.compile(r"\s+[-–]\s(?:(?!\s[-–]\s)[^\"”]){1,120}?\s[-–](?=\s)")
_OPENING = re.compile(r"[\"“«‘']")
_ANY_QUOTE = re.compile(r"[\"“”«»]")




def _inside_name(start: int, end: int, mentions) -> bool:
    """The trigger ``start:end`` overlaps a name other than an EVENT's and does not hold it whole."""
    return any(m.start < end and start < m.end and m.type != "EVENT" and not (start < m.start and m.end <= end)
               for m in mentions)

class TriggerMixin:
    lex: Lexicon
    _mention_verb_firsts: frozenset[str]

    def _hits(self, s: _Sent) -> list[_Hit]:
        w, text = s.words, s.para.text
        hits: list[_Hit] = []
        # Only a word that opens some trigger phrase can start one: the others are skipped at once.
        index = self.lex.index
        nxt = 0  # words before this one are inside the last trigger
        for i in [k for k, low in enumerate(w.lower) if low in index]:
            if i < nxt:
                continue
            found = self._phrase_at(s, i)
            if found is None:
                continue
            i0, j, start, end, rules = found
            prev = hits[-1] if hits else None
            if prev is not None and prev.rules[0].type == rules[0].type and text[prev.end:start].isspace() \
                    and prev.name is None:
                # "gặp gỡ, trao đổi với" without the comma, "viện trợ khẩn cấp gói viện trợ":
                # one trigger, not two.
                prev.end = end
                prev.rules = prev.rules + tuple(r for r in rules if r not in prev.rules)
                nxt = j
                continue
            name = next((m for m in s.mentions if m.type == "EVENT" and m.start <= start and end <= m.end), None)
            hits.append(self._describe(_Hit(s, start, end, rules, rules[0].form, name), i0))
            nxt = j
        for etype, rule in self.lex.quotation_rules.items():
            self._quotation_speech(s, hits, rule, self.lex.types[etype])
            self._speech_after_quotation(s, hits, rule, self.lex.types[etype])
        self._segment(s, hits)
        # Named events: a conference when the sentence has one of the verbs and no trigger claims them.
        # (Only a sentence with a named event needs the verb test: it is the costly part of this stage.)
        if any(m.type == "EVENT" for m in s.mentions) and self._has_verb(s):
            self._named_events(s, hits)
        return hits

    def _quotation_speech(self, s: _Sent, hits: list[_Hit], rule: TriggerRule, settings: TypeSettings) -> None:
        """A name of ``quotation_speakers``, at most ``quotation_speech_words`` lower-case words and a
        colon opening a quotation: those words introduce what the name says ("bạn đọc Trần Thảo Dân
        cảm thán: “…”", "Trấn Thành rưng rưng: “…”"), a trigger of ``rule`` when no trigger of the
        sentence stands there already and no word of ``quotation_speech_not`` is among them."""
        text, w = s.para.text, s.words
        for q in _SPEECH_COLON.finditer(text, s.start, s.end):
            colon = q.start()
            name = next((m for m in reversed(s.mentions) if m.end <= colon), None)
            at = self._pronoun_lead(s, colon, settings, name)
            if at is None and (name is None or name.type not in settings.quotation_speakers):
                continue
            lead_end = name.end if at is None else at  # the speaker's name or pronoun ends here
            gap = text[lead_end:colon]
            words = _WORD.findall(gap)
            if not 0 < len(words) <= settings.quotation_speech_words or not _WORD_RUN.fullmatch(gap.strip()) \
                    or not all(x[0].islower() for x in words) or any(h.start < colon and lead_end < h.end for h in hits):
                continue
            i = w.opening(lead_end)
            if i is None or w.preceded_by_any(i, self.lex.negation) \
                    or any(w.match(k, p) for p in settings.quotation_speech_not for k in range(i, i + len(words))):
                continue
            start = w.spans[i][0]
            end = start + len(gap.strip())
            hits.append(self._describe(_Hit(s, start, end, (rule,), "verb", None), i))
        hits.sort(key=lambda h: h.start)

    @staticmethod
    def _pronoun_lead(s: _Sent, colon: int, settings: TypeSettings, name) -> int | None:
        """Where the words after a personal pronoun of ``pronoun_speakers`` start, when that pronoun opens
        the sentence or the clause after its last comma and only those words stand between it and the
        colon of a quotation ("Anh bảo: “…”", "Anh khoe: “…”", "Hôm sau gặp tôi, anh cười: “…”"): the
        pronoun is the subject, and the arguments stage finds whom it means as for "Ông cho biết, …"
        (issue-14S21, batches 11 and 22). None when a name stands in that clause (the name rule's case)."""
        text = s.para.text
        c0 = max(s.start, text.rfind(",", s.start, colon) + 1)
        if name is not None and name.end > c0:
            return None
        segment = text[c0:colon]
        lead_start = c0 + len(segment) - len(segment.lstrip())
        lead = segment.strip().lower()
        return next((lead_start + len(p) for p in sorted(settings.pronoun_speakers, key=len, reverse=True)
                     if lead.startswith(p + " ")), None)

    def _speech_after_quotation(self, s: _Sent, hits: list[_Hit], rule: TriggerRule,
                                settings: TypeSettings) -> None:
        """A quotation closed, a comma, a name of ``quotation_speakers`` (at most two words of a title
        before it, an apposition between dashes after it) and at most ``quotation_after_words``
        lower-case words ending the sentence: those words say who said it ("“…”, Tiffanie thốt lên.",
        "“…”, Zhao Tong - một chuyên gia … - đánh giá."), a trigger of ``rule`` when no trigger stands
        there already and no word of ``quotation_speech_not`` is among them."""
        n = settings.quotation_after_words
        end = s.end
        while n and end > s.start and s.para.text[end - 1] in ".!?… \u00a0":
            end -= 1
        name = self._quotation_speaker(s, end, settings) if n else None
        if name is None:
            return
        text, w = s.para.text, s.words
        dashed = _DASHED.match(text, name.end, end)
        at = dashed.end() if dashed else name.end
        gap = text[at:end]
        words = _WORD.findall(gap)
        if not 0 < len(words) <= n or not _WORD_RUN.fullmatch(gap.strip()) \
                or not all(x[0].islower() for x in words) or any(m.start >= at for m in s.mentions) \
                or any(h.end > at for h in hits):
            return
        i = w.opening(at)
        if i is None or any(w.match(i, p) for p in self.lex.negation) \
                or any(w.match(k, p) for p in settings.quotation_speech_not for k in range(i, i + len(words))):
            return
        start = w.spans[i][0]
        hits.append(self._describe(_Hit(s, start, start + len(gap.strip()), (rule,), "verb", None), i))

    def _quotation_speaker(self, s: _Sent, end: int, settings: TypeSettings):
        """The first name after the sentence's last closed quotation and comma, before ``end``, with
        at most two words before it there; None when there is none, it is of no speaker type or the
        quotation is short enough to be a title ("Phim “Bố già”, Trấn Thành đạo diễn")."""
        text = s.para.text
        q = None
        for q in _QUOTE_COMMA.finditer(text, s.start, end):
            pass
        if q is None:
            return None
        name = next((m for m in s.mentions if q.end() <= m.start), None)
        opened = max((o.end() for o in _OPENING.finditer(text, s.start, q.start())), default=s.start)
        if name is None or len(_WORD.findall(text, opened, q.start())) <= self.lex.title_words \
                or name.type not in settings.quotation_speakers \
                or len(_WORD.findall(text, q.end(), name.start)) > 2 or "," in text[q.end():name.start]:
            return None
        return name

    def _phrase_at(self, s: _Sent, i: int):
        """The longest trigger phrase starting at word ``i`` that some rule allows there:
        ``(i, j, start, end, rules)``, else None."""
        lex, w = self.lex, s.words
        for phrase, rule_ix in lex.index.get(w.lower[i], ()):
            if not w.match(i, phrase):
                continue
            j = i + len(phrase)
            start, end = w.spans[i][0], w.spans[j - 1][1]
            rules = tuple(lex.rules[x] for x in rule_ix if self._allowed(lex.rules[x], s, i, j, start, end))
            if rules:
                return (i, j, start, end, rules)
        return None

    def _named_events(self, s: _Sent, hits: list[_Hit]) -> None:
        """Each EVENT mention no trigger claims becomes a conference trigger of its own."""
        lex = self.lex
        claimed = {id(h.name) for h in hits if h.name is not None}
        for m in s.mentions:
            if m.type != "EVENT" or id(m) in claimed \
                    or (m.text.lower() + " ").startswith(lex.mention_not_heads) \
                    or (m.canonical.lower() + " ").startswith(lex.mention_not_heads) \
                    or lex.mention_not_words.search(m.text) or lex.mention_not_words.search(m.canonical):
                continue
            if any(h.start < m.end and m.start < h.end for h in hits):
                continue
            if self._cued(s, m, lex.mention_rule):
                continue  # proposed, wished for or prepared: not held (the frame's [cues])
            if any("EVENT" in lex.types[h.rules[0].type].instrument and h.name is None
                   and h.seg_start <= m.start and m.end <= h.seg_end for h in hits):
                continue  # "COP 23 là hội nghị ...": the name of that trigger's conference
            hits.append(self._describe(_Hit(s, m.start, m.end, (lex.mention_rule,), "noun", m), s.words.at(m.start)))
        hits.sort(key=lambda h: h.start)
        self._segment(s, hits)

    def _cued(self, s: _Sent, m, rule: TriggerRule) -> bool:
        """A cue of the rule's frame stands before the named event in its clause."""
        i, j = s.words.at(m.start), s.words.after(m.end)
        if i is None:
            return False
        c0 = next((a for a, b in s.clauses if a <= m.start < b), s.start)
        return any(self._sense_holds(sense, s, i, j, c0) for sense in rule.senses)

    def _allowed(self, rule: TriggerRule, s: _Sent, i: int, j: int, start: int, end: int) -> bool:
        text = s.para.text
        if not self._words_allow(rule, s, i, j):
            return False
        c0 = next((a for a, b in s.clauses if a <= start < b), s.start)  # the trigger's clause
        if rule.not_in_clause_before is not None and rule.not_in_clause_before.search(text, c0, start):
            return False  # "các thỏa thuận mà các bang ... ký": a relative clause
        glued = rule.mid_clause or ((rule.speaker_after or rule.speaker_in_main) and text[start].isupper())
        if not self._opens(rule, s, start, c0, glued):
            return False
        if rule.not_nominal and self.lex.nominal.search(text, c0, start):
            return False  # "đánh giá cao việc ACB tiếp tục cam kết …": what was welcomed, not said
        # Inside a name ("Trung tâm Hội nghị Quốc gia", "Tuyên bố chung ASEAN"): not a trigger;
        # inside an EVENT name it is that event's own word. A trigger phrase that holds a whole
        # name is no such case: "viết trên Facebook" names the medium it was said on.
        if _inside_name(start, end, s.mentions):
            return False
        if rule.form == "verb" and text[start].isupper() and not glued:
            before = text[s.start:start].rstrip()
            if before and before[-1] not in _OPENERS:
                return False  # "Nguyễn Văn Ký": a capitalised verb mid-sentence is part of a name
        if self._in_title(s, start, end):
            return False  # the film “Gặp gỡ”: a title, not an event
        if not self.lex.types[rule.type].quoted and self._in_quotation(s, start, end):
            return False  # “Chúng tôi … đề xuất các dự án mới”: what was said, not a statement
        return not any(not sense.needs and self._sense_holds(sense, s, i, j, c0) for sense in rule.senses)

    @staticmethod
    def _opens(rule: TriggerRule, s: _Sent, start: int, c0: int, glued: bool) -> bool:
        """A trigger whose speaker follows it stands where it must: "Theo X, …" opens its clause
        (mid-clause "theo" follows or complies), and a leading clause of speech ("Phát biểu sau trận
        đấu, X …") opens its sentence; a capital "Theo" or "Phát biểu" opens one even glued to a
        heading the crawl ran into it ("… đô thị Theo Thứ trưởng X, …", "… của U15 Việt Nam Phát
        biểu sau trận hòa …, HLV Hồng Việt …")."""
        text = s.para.text
        if glued:
            return True
        if rule.speaker_after and _WORD.search(text, c0, start):
            return False
        return not (rule.speaker_in_main and _WORD.search(text, s.start, start))

    def _words_allow(self, rule: TriggerRule, s: _Sent, i: int, j: int) -> bool:
        """The words right before and after the trigger (words ``i``..``j``) do not cancel it:
        "đăng ký", "ký hiệu", a negated verb ("chưa lên tiếng", "không gặp")."""
        w = s.words
        if w.preceded_by_any(i, rule.not_before):
            return False
        if rule.form == "verb" and w.preceded_by_any(i, self.lex.negation):
            return False
        return not w.followed_by_any(j, rule.not_after)

    def _in_title(self, s: _Sent, start: int, end: int) -> bool:
        """Inside a short quotation (at most ``title_words`` words): a title."""
        for q in _QUOTED.finditer(s.para.text, s.start, s.end):
            if q.start() < start and end < q.end():
                return len(_WORD.findall(q.group())) <= self.lex.title_words
        return False

    @staticmethod
    def _in_quotation(s: _Sent, start: int, end: int) -> bool:
        """Inside a quotation of its sentence, or after an opening curly quote of its paragraph not yet
        closed (a quotation running over several sentences; a straight quote may close it). A quotation
        that opens with the verb quotes the speaker's own words of the report ('… tuyên bố chung ngày
        10.7 "khẳng định thất bại …"'): the verb stays a trigger."""
        text = s.para.text
        for q in _QUOTED.finditer(text, s.start, s.end):
            if q.start() < start and end < q.end():
                return bool(text[q.start() + 1:start].strip())
        opened = text.rfind("“", 0, start)
        if opened > max(text.rfind("”", 0, start), text.rfind('"', 0, start)):
            return bool(text[opened + 1:start].strip())
        # a straight quotation opened and not yet closed: 'Kim Cương cho biết: "Anh Phúc nói đúng mà, …'
        return in_quotation(text, start)

    @staticmethod
    def _sense_holds(sense: Sense, s: _Sent, i: int, j: int, c0: int) -> bool:
        """The sense's words stand where it says: before the trigger (words ``i``..``j``) within its
        window and clause (from ``c0``), after it within its window, or anywhere in the sentence; for an
        ``absent`` sense, none of them does; never with a word of its ``unless`` in the sentence."""
        if sense.unless and s.words.anywhere(sense.unless):
            return False
        return TriggerMixin._sense_words(sense, s, i, j, c0) != sense.absent

    @staticmethod
    def _sense_words(sense: Sense, s: _Sent, i: int, j: int, c0: int) -> bool:
        w = s.words
        present = w.present  # a phrase whose first word the sentence lacks stands nowhere (issue-14E34)
        for p in sense.before:
            if p[0] not in present:
                continue
            for k in range(max(0, i - sense.window - len(p) + 1), i - len(p) + 1):
                if w.spans[k][0] >= c0 and w.match(k, p):
                    return True
        for p in sense.after:
            if p[0] in present and any(w.match(k, p) for k in range(j, min(len(w.spans), j + sense.window))):
                return True
        # an opening inside what is quoted ("Khi đó, …", bà Mai cho hay) tells the speaker's own story
        if sense.opening and w.spans and not _ANY_QUOTE.search(s.para.text, s.start, w.spans[i][0]) \
                and any(w.match(0, p) for p in sense.opening):
            return True
        return w.anywhere(sense.in_sentence)

    def _sense_needs(self, rule: TriggerRule, hit: _Hit) -> tuple[frozenset[str], ...]:
        """What the trigger's senses that hold add to the rule's needs ("ký hợp đồng" needs a treaty)."""
        s = hit.s
        i, j = s.words.at(hit.start), s.words.after(hit.end)
        if i is None or not any(sense.needs for sense in rule.senses):
            return ()
        c0 = hit.clause[0]
        return tuple(n for sense in rule.senses if sense.needs and self._sense_holds(sense, s, i, j, c0)
                     for n in sense.needs)

    def _describe(self, hit: _Hit, i: int | None) -> _Hit:
        """Determiners, cues and ordinals around a trigger."""
        s = hit.s
        if i is not None:
            self._determiners_and_cues(hit, i)
        if hit.form == "noun" and hit.name is None:
            self._named_by_parties(hit)
        lex, text = self.lex, s.para.text
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

    def _determiners_and_cues(self, hit: _Hit, i: int) -> None:
        """"các cuộc họp", "một cuộc họp", "Tại cuộc họp", "sau hội đàm", "chủ trì hội nghị"; and
        whether the trigger opens its sentence."""
        lex, s = self.lex, hit.s
        w = s.words
        det = next((p for p in lex.generic if w.preceded_by(i, p)), None)
        if det is None and i > 0 and w.lower[i - 1].isdigit() and w.gap_ok(i):
            det = (w.lower[i - 1],)  # "2 cuộc họp"
        hit.generic = det is not None or self._generic_list(w, i)
        hit.indefinite = w.preceded_by_any(i, lex.indefinite)
        k = i - len(det) if det else i
        hit.temporal = w.preceded_by_any(k, lex.temporal_cues)
        hit.cue = hit.temporal or w.preceded_by_any(k, lex.anaphora_cues)
        hit.object_cue = w.preceded_by_any(k, lex.object_cues)
        if hit.form == "verb" and (hit.cue or hit.object_cue) and hit.rules[0].type != "STATEMENT":
            # "Phát biểu tại hội đàm", "Sau hội đàm", "chủ trì hội nghị": the verb names the event.
            hit.form = "noun"
        lead = s.para.text[s.start:w.spans[k][0]] if k < len(w.spans) else ""
        hit.initial = not _WORD.search(lead)

    def _generic_list(self, w: _Words, i: int) -> bool:
        """The second item of a list an event noun with a plural determiner opens: "Qua những cuộc tiếp
        xúc, hội thảo, …", "Nhiều hội thảo, hội nghị quốc tế … đã được tổ chức": the determiner governs
        the whole list."""
        lex = self.lex
        if i < 2 or w.text[w.spans[i - 1][1]:w.spans[i][0]].strip() != ",":
            return False
        for head in lex.generic_list_heads:
            j = i - len(head)
            while j >= i - len(head) - 2 and j >= 0:
                if w.match(j, head) and all(w.gap_ok(k) for k in range(j + 1, i)):
                    return w.preceded_by_any(j, lex.generic)
                j -= 1
        return False

    def _named_by_parties(self, hit: _Hit) -> None:
        """Parties written right after the noun name the event: "Đối thoại ASEAN - Hàn Quốc"."""
        lex, s = self.lex, hit.s
        text = s.para.text
        ids: list[str] = []
        texts: list[frozenset[str]] = []
        pos = hit.end
        for m in s.mentions:
            if m.start < pos:
                continue
            sep = _SPACE if not ids else lex.name_sep
            if m.type in lex.participant_types and sep.fullmatch(text[pos:m.start]) and text[pos:m.start] != "":
                ids.append(_key(m))
                texts.append(_names(m))
                pos = m.end
                continue
            break
        hit.name_ids = frozenset(ids)
        hit.name_texts = tuple(texts)

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
                    if w.followed_by_any(j, self.lex.mention_verbs_not_after):
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
