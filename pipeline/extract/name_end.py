"""Where a name after a head word ends ("Cục Biến đổi khí hậu", "Đối thoại ASEAN-Nhật Bản về …").

The scan walks the syllables after the head word one at a time. Each syllable goes through four
steps in order, and the first that decides ends the step: ``_skip`` (inside a mention or a word
the name already covers), ``_function_word`` (the words of the name's grammar: a topic after
"về", "tại" + a place, "các nước"), ``_stops`` (a stop word, a verb by word class, a person, an
acronym in apposition: the name ends before it) and ``_extend`` (a capitalised word or known
mention grows the name; a lower-case one waits in ``pending`` until a capitalised one follows).
``_finish`` then grows the end to the segmenter's word and keeps a lower-case tail. The word
classes are data (``pipeline/data/tagger.toml``); the shape of the name a head allows is a
``NameShape``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..gazetteer import Entry
from .candidates import Candidate
from .rules import NameShape
from .text import _WORD, _capitalised, _words_in

__all__ = ["NameEnd"]

# What a step tells the scan: go to the next syllable, end the name here, or let the next step decide.
_NEXT, _STOP = "next", "stop"
# A full stop and a space inside a segmenter's word: a sentence ends there ("B. Thông tin").
_SENTENCE_END = re.compile(r"[.!?…]\s")
# A full stop glued to the next word ("Sở GDCK.Như vậy": _sentence_after_dot cut the name there; not "T.B.A..").
_GLUED_SENTENCE = re.compile(r"\.[^\W\d_]")
# Punctuation between a title and a body's head closes the title's clause ("Giám đốc, Công ty …").
_CLAUSE_MARK = re.compile(r"[,.;:()]")


@dataclass(slots=True)
class _Scan:
    """One scan: its inputs and what it has seen so far."""

    text: str
    limit: int
    starts: dict[int, Candidate]
    head_re: re.Pattern[str]
    word_end: list[int]
    shape: NameShape
    company: bool  # a company's legal form: its trades follow in lower case, then its name
    prev_end: int
    end: int | None = None
    pending: list[re.Match[str]] = field(default_factory=list)  # lower-case words after ``end``
    topic: bool = False  # "về"/"giữa" seen: a lower-case topic may finish the name
    verb_at: int | None = None  # index in ``pending`` of the first verb of a topic
    prev_word: re.Match[str] | None = None
    prev2_word: re.Match[str] | None = None  # the syllable before ``prev_word``
    in_place: bool = False  # the name so far ends with a place the tagger knows ("Sở GD&ĐT Hà Nội")
    led_lower: bool = False  # lower-case words came before the name's first capitalised word ("Ban Chỉ đạo phòng, …")
    kind_led: bool = False  # a kind in lower case led to a proper name of the body's own ("Công ty luật Minh Bạch")

    def word_end_at(self, pos: int) -> int:
        """End of the segmenter's word holding the character at ``pos`` (``pos + 1`` without one)."""
        return self.word_end[pos] if self.word_end and pos < len(self.word_end) else pos + 1


class NameEnd:
    """Mixed into ``Patterns``: reads the tagger's rules, grammar words and compiled patterns."""

    def _named_end(self, text: str, pos: int, limit: int, starts: dict[int, Candidate], head_re: re.Pattern[str],
                   word_end: list[int], shape: NameShape) -> int | None:
        """End of a name that starts at ``pos`` (after its head word), or None.

        The name runs over capitalised words and over the places and bodies inside it, over up to
        four lower-case words between or after them ("Cục Biến đổi khí hậu"), and as ``shape``
        allows (see :class:`NameShape`). It stops at a stop word or verb, at a person, at "và"
        before another head, and at a family name opening a person's name.
        """
        scan = _Scan(text, limit, starts, head_re, word_end, shape,
                     company=bool(self._company_form_re.match(text, pos)), prev_end=pos - 1)
        for w in _WORD.finditer(text, pos, limit):
            step = self._skip(scan, w)
            if step is None:
                step = self._function_word(scan, w)
            if step is None:
                step = _STOP if self._stops(scan, w) or self._extend(scan, w) else None
            if step == _STOP:
                break
            if step == _NEXT:
                continue
            scan.prev_end, scan.prev2_word, scan.prev_word = w.end(), scan.prev_word, w
            if len(w.group().rstrip(".")) < len(w.group()) and not self._unit_before_place(scan, w):
                break  # a full stop ends the name, but an administrative unit's abbreviation before its place
        if scan.end is None and shape.whole and any(x.group().lower() not in self.grammar["joiners"] for x in scan.pending):
            # "Phòng An ninh chính trị nội bộ": a department's field in lower case, up to the predicate
            scan.end = pos - 1
        if scan.end is None:
            return None
        if scan.led_lower and shape.place_last and not scan.in_place:
            # the epidemic closes a task's name, what follows is the predicate; else only a place closes it
            return scan.end if self._task_last(scan) else None
        end = self._finish(scan)
        if text[pos:end].endswith("'") or text[pos - 1:end].endswith(tuple(" " + u for u in self.grammar["unit_abbreviations"])):
            end -= 1  # a closing quotation mark: "dựa trên 'Thỏa thuận … Việt Nam' ký năm 2019"; a unit's full stop at
            # the end of its sentence: "văn bản từ UBND TP. Trả lời phóng viên" names "UBND TP"
        return None if end < pos else end

    def _unit_before_place(self, scan: _Scan, w: re.Match[str]) -> bool:
        """An administrative unit abbreviated with a full stop, right before a place the tagger knows, is inside the name
        ("Trung tâm Y tế TP. Phú Quốc", "Đội bóng chuyền bãi biển nữ TP. Cần Thơ": ``grammar_unit_abbreviations``;
        issue-14M26), not the end of its sentence ("… bằng văn bản từ UBND TP. Trả lời phóng viên, …")."""
        if w.group() not in self.grammar["unit_abbreviations"] or scan.text[w.end():w.end() + 1] != " ":
            return False
        place = scan.starts.get(w.end() + 1)
        return place is not None and place.type in ("GPE", "LOC")

    def _task_last(self, scan: _Scan) -> bool:
        """A steering committee named by its task alone, the task ending with the epidemic it fights, is a name
        ("Ban Chỉ đạo phòng, chống dịch Covid-19 | phối hợp", "Ban Chỉ đạo an toàn tiêm chủng vắc xin phòng COVID-19,":
        ``grammar_place_last_task_ends``; issue-14N20, batches 18 and 21), unless "của" or a plural follows: the
        committees of several bodies ("Ban Chỉ đạo phòng, chống dịch Covid-19 | của các đơn vị")."""
        g, end = self.grammar, scan.end
        if end is None or not any(scan.text.endswith(" " + t, 0, end) for t in g["place_last_task_ends"]):
            return False
        after = scan.text[end:scan.limit].split(None, 1)
        return not after or after[0].lower() not in g["place_last_task_not_before"]

    def _skip(self, scan: _Scan, w: re.Match[str]) -> str | None:
        """Punctuation ends the name; a syllable it already covers is passed over."""
        text, end = scan.text, scan.end
        gap = text[scan.prev_end:w.start()].strip()
        if gap and not (scan.shape.commas and gap == "," and end is not None and not scan.pending
                        and self._ministry_list_re.match(text, w.start())) and not self._comma_phrase(text, scan.prev_end, gap):
            return _STOP  # punctuation between words ends the name, but for a ministry of several fields
        word = w.group()
        bare = word.rstrip(".")
        if end is not None and w.end() <= end:
            scan.prev_end = w.end()  # inside a mention the name already runs over ("Châu Á - Thái Bình Dương")
            return _NEXT
        hit = scan.starts.get(w.start())
        if hit is not None and self._ends_before(scan, hit):
            return _STOP
        if self._dash_glued_before_body(scan, w, word) or self._sentence_after_dot(scan, w, word):
            return _STOP
        # "và" is no syllable of a name's word even where the segmenter glued it to one ("Thanh và" of
        # "Đồn Biên phòng Thanh và Công an xã Lìa", batch 7): it goes to the rules of "và" (_stops)
        if bare != self.grammar["and"] and self._rest_of_word(scan, w, bare) and not self._glued_verb(scan, w.start()):
            # The rest of a word whose first syllable is capitalised ("Ủy ban", "Đô thị hóa"),
            # even when the syllable alone is a stop word or a verb ("ban", "hóa").
            scan.end = max(end, w.start() + len(bare))
            # "Quỹ Thiện Tâm": a word of capitalised syllables is a proper name; "Ủy ban" goes on
            scan.in_place = scan.in_place and scan.end == end or self._ends_proper(scan, w, bare, None, True)
            scan.prev_end = w.end()
            return _STOP if len(bare) < len(word) else _NEXT
        return None

    def _ends_before(self, scan: _Scan, hit: Candidate) -> bool:
        """A mention other than a place or body ends the name before it. But a school or hospital may be named after a
        person, right after its head ("Bệnh viện Nguyễn Tri Phương"; not "Bệnh viện Bạch Mai Nguyễn Văn A"); a person
        whose name is a city's goes on as the city or the eponym (``grammar_city_person_names``: "Trung tâm Kiểm soát
        bệnh tật Hồ Chí Minh", issue-14B34); and the Games' name is a body's field (``_games_field``)."""
        if hit.type in ("GPE", "LOC", "ORG") or self._games_field(scan, hit):
            return False
        if hit.type != "PERSON":
            return True
        if scan.text[hit.start:hit.end] in self.grammar["city_person_names"]:
            return False
        return not (hit.method == "pattern" and (scan.shape.eponym and scan.end is None or self._legal_form_only(scan)))

    def _games_field(self, scan: _Scan, hit: Candidate) -> bool:
        """The Games' name right after a body's head is the body's field, no event that ends its name: "Ủy ban Olympic
        của Jordan" (batch 36), "Ủy ban Olympic Malaysia" (bench), "Hội đồng Olympic châu Á" (``grammar_games_names``;
        issue-14B34). Not further in ("Đội tuyển Việt Nam | Olympic"), nor after a meeting's head."""
        return hit.type == "EVENT" and scan.shape.body and scan.end is None and not scan.pending \
            and scan.text[hit.start:hit.end] in self.grammar["games_names"]

    def _dash_glued_before_body(self, scan: _Scan, w: re.Match[str], word: str) -> bool:
        """A dash glued to the name's last syllable before another body's head ends the name there ("Viện Xây dựng
        Đảng- Học viện Chính trị …", "Trường ĐH Giáo dục- ĐH Quốc gia Hà Nội": batches 10 and 13), as a dash
        between spaces does (``_stops``)."""
        if len(word) < 2 or word[-1] not in self.grammar["dashes"] or not self._org_head_re.match(scan.text, w.end() + 1):
            return False
        bare = word[:-1]
        if not (_capitalised(bare) and scan.end is not None or self._rest_of_word(scan, w, bare)):
            return False
        scan.end = w.start() + len(bare)
        scan.pending = []
        return True

    def _is_word(self, phrase: str) -> bool:
        """``phrase`` (lower case) is a word of the segmenter's dictionary (in either tone placement:
        ``known_words`` holds both, ``in_both_placements``)."""
        return phrase in self.known_words

    def _sentence_after_dot(self, scan: _Scan, w: re.Match[str], word: str) -> bool:
        """A full stop that lost its space before the next sentence's first word, a word of the language with the
        syllable after it ("UBCKNN/Sở GDCK.Như vậy, trường hợp …", batch 22; issue-14R20): the name ends at the stop.
        Not a place or an initial after a dot ("TP.HCM", "TP.Hồ Chí Minh", "H.Long": no word of the language)."""
        dot = word.rfind(".", 1, len(word) - 1)
        after = word[dot + 1:]
        if dot < 2 or not word[0].isupper() or not _capitalised(after) or after.isupper() or "." in after:
            return False  # "Công ty T.B.A. …": initials
        nxt = _WORD.match(scan.text, w.end() + 1)
        if nxt is None or scan.text[w.end()] != " " or not nxt.group().islower():
            return False
        opener = f"{word[dot + 1:]} {nxt.group()}".lower()
        if not self._is_word(opener):
            return False
        scan.end, scan.pending = w.start() + dot, []
        return True

    def _new_sentence_after_place(self, scan: _Scan, w: re.Match[str], bare: str) -> bool:
        """After an organisation's name that ends with its national designator, a capitalised word of the language in two
        syllables or more, its later ones in lower case, opens the next sentence whose break the crawl lost ("Viện Huyết
        học và Truyền máu Trung ương | Kết quả Kiểm toán Nhà nước công bố …", batch 12; issue-14R20), unless it opens
        another body or is a name the tagger knows. A designator right after the head is none of the name's end
        ("Bệnh viện Trung ương Quân đội 108"). Not after any place or proper name: "Công ty Luật TNHH Thắng Phạm và Cộng
        sự" (batch 19), "Đối thoại ASEAN-Nhật Bản về Hợp tác Môi trường" (dev) go on."""
        if not scan.shape.body or scan.end is None or not _capitalised(bare) or bare.isupper() \
                or scan.starts.get(w.start()) is not None or self._national_at(scan, w.start()):
            return False
        if not any(scan.text.endswith(" " + d, 0, scan.end) and scan.end - len(d) - 1 > scan.shape.head[1]
                   for d in self.grammar["national_designators"]):
            return False  # "Bệnh viện Trung ương Quân đội 108": the designator right after the head is no end
        word = scan.text[w.start():scan.word_end_at(w.start())]
        rest = word.split()[1:]
        if not rest or not all(x.islower() for x in rest) or self._org_head_re.match(scan.text, w.start()):
            return False
        return self._is_word(word.lower())

    def _comma_phrase(self, text: str, pos: int, gap: str) -> bool:
        """The comma after ``pos`` is inside a pair of fields a body's name holds ("Ban Chỉ đạo phòng, chống dịch
        Covid-19 tỉnh Bắc Giang", "Phòng Cảnh sát PCCC và Cứu nạn, cứu hộ")."""
        if gap != ",":
            return False
        comma = text.find(",", pos)
        low = text.lower()
        return any(low.startswith(p, comma - p.index(",")) for p in self.grammar["comma_phrases"])

    def _opens_topic(self, scan: _Scan, w: re.Match[str], lowered: str) -> bool:
        """"về"/"giữa" opens the topic of a name whose head allows one, or of a body named by its topic."""
        return lowered in self.grammar["about"] and (scan.shape.about or self._topic_body(scan, w))

    def _and_pair(self, scan: _Scan, w: re.Match[str]) -> bool:
        """"và" inside a pair of fields of the name ("Sở Giáo dục và đào tạo", "Ban Chỉ huy Phòng chống thiên tai và
        tìm kiếm cứu nạn"): the name runs over the pair; False for any other "và"."""
        if w.group() != self.grammar["and"] or not (pair_end := self._and_pair_end(scan, w)):
            return False
        scan.end, scan.prev_end, scan.pending, scan.in_place = pair_end, pair_end, [], False
        return True

    def _topic_body(self, scan: _Scan, w: re.Match[str]) -> bool:
        """A body named by the topic it advises or steers on: "Ủy ban Tư vấn về Thực hành Chủng ngừa Hoa Kỳ", "Ủy ban
        chuyên trách Quốc gia về phòng chống Covid-19" (``grammar_topic_body_words`` right before "về"; issue-14U12,
        batches 9 and 12, cut at "về"). Not any body: "Sở Y tế về việc …" is the predicate's object."""
        if scan.end is None or scan.pending:
            return False
        before = scan.text[:w.start()].rstrip()
        if not any(before.endswith(" " + t) for t in self.grammar["topic_body_words"]):
            return False
        # the topic names something within a few words ("… về phòng chống Covid-19"); "Ban Chỉ đạo Quốc gia về việc
        # này" has none: the object of the sentence's verb
        prev_end = w.end()
        for i, nxt in enumerate(_WORD.finditer(scan.text, w.end(), scan.limit)):
            if i == self.grammar["topic_body_reach"] or scan.text[prev_end:nxt.start()].strip(" "):
                return False
            if _capitalised(nxt.group()):
                return True
            prev_end = nxt.end()
        return False

    def _and_pair_end(self, scan: _Scan, w: re.Match[str]) -> int | None:
        """End of a pair of fields joined by "và" inside a body's name, written in lower case after the name's
        capitalised word (``grammar_and_pairs``: "Sở Giáo dục và đào tạo", "Viện Nghiên cứu biển và hải đảo";
        issue-14U12, dev and batches 12 and 14), where the lower-case words after "và" would end the name; None if no
        pair holds this "và". A pair listed with nothing before "và" ("và tạo hình") follows any field."""
        if scan.end is None:
            return None
        low, head_end = scan.text.lower(), scan.shape.head[1]
        for pair in self.grammar["and_pairs"]:
            start = w.start() - pair.index(self.grammar["and"])
            end = start + len(pair)
            if start >= head_end and low.startswith(pair, start) and not low[end:end + 1].isalpha():
                return end
        return None

    def _glued_verb(self, scan: _Scan, pos: int) -> bool:
        """The lower-case syllable at ``pos`` is a verb the segmenter glued to the end of the name's last word, a joint
        that is no word of the language: "Hãng tin The Hindu dẫn | các nguồn tin" (batch 19), "cương lĩnh của đảng Bảo
        thủ vấp | phải nhiều chỉ trích" (batch 20; issue-14R20). Only the word's last syllable, and only where it makes
        no word with the syllable before it: "Ủy ban", "Quốc hội" ("ban", "hội" are verbs of ``verbs`` too), "Dân chủ"
        of the segmenter's "đảng Dân chủ bang" keep theirs."""
        if self._verb_after_acronym(scan, pos):
            return True
        syllable = _WORD.match(scan.text, pos)
        if syllable is None or not syllable.group().islower() or scan.word_end_at(pos) != syllable.end():
            return False
        if syllable.group() not in self.rules.verbs and syllable.group() not in self.rules.verb_words:
            return False
        before = scan.text[:pos - 1].rsplit(" ", 1)[-1]
        if pos < 2 or scan.text[pos - 1] != " " or scan.word_end_at(pos - 2) != syllable.end() or not before.isalpha():
            return False
        pair = f"{before} {syllable.group()}".lower()
        return not self._is_word(pair)

    def _verb_after_acronym(self, scan: _Scan, pos: int) -> bool:
        """A verb of ``verb_words`` the segmenter glued, whole, after the acronym a company's name ends with: the
        predicate, even in a company's name, where verbs are trades ("Công ty TNHH TCPVN sở hữu | thương hiệu Red Bull":
        one false body, batch 36; issue-14A34)."""
        rest = scan.text[pos:scan.word_end_at(pos)]
        before = scan.text[:max(0, pos - 1)].rsplit(" ", 1)[-1]
        return " " in rest and rest.islower() and rest in self.rules.verb_words and len(before) >= 2 \
            and before.isupper() and before.isalpha()

    @staticmethod
    def _rest_of_word(scan: _Scan, w: re.Match[str], bare: str) -> bool:
        """The syllable ends the segmenter's word the name stopped in ("Ủy ban"), unless a proper name
        ended the name and the syllable is lower case ("Quỹ Thiện Tâm góp": the segmenter joined the verb)."""
        end = scan.end
        return end is not None and not (scan.in_place and bare.islower()) and bool(scan.word_end) \
            and end - 1 < len(scan.word_end) and scan.word_end[end - 1] >= w.start() + len(bare) \
            and not (len(bare) >= 2 and bare.isupper())

    def _function_word(self, scan: _Scan, w: re.Match[str]) -> str | None:
        """The words of a name's grammar: "về phía" ends it, "tại" + a place ends it after the
        place, "về"/"giữa" opens a topic, "với" and a plural go on inside one, "các nước" + a name."""
        text, shape, g = scan.text, scan.shape, self.grammar
        word = w.group()
        lowered = word.lower()
        if shape.about and lowered == self._side_word and text.startswith(self._side_next, w.end() + 1):
            return _STOP  # "Diễn đàn về phía Việt Nam": "on the side of", not a topic
        if lowered in g["embassy_at"] and scan.end is not None \
                and (nxt := scan.starts.get(w.end() + 1)) and nxt.type == "GPE" \
                and (shape.after_tai or self._home_body_abroad(scan, nxt)):
            scan.end, scan.prev_end, scan.pending = nxt.end, nxt.end, []
            return _STOP
        if lowered == g["of"] and self._owner_after_of(scan, w):
            return _STOP
        if self._and_pair(scan, w):
            return _NEXT
        if self._opens_topic(scan, w, lowered):
            scan.topic = True
        elif self._plural_lead(scan, w, lowered) or self._plural_field(scan, w, lowered):
            scan.topic = True
        elif not (scan.topic and word == g["with"] and scan.end is not None
                  # "… về Thích ứng với biến đổi khí hậu": part of the topic
                  or lowered == self._countries_word and scan.end is not None and self._countries_re.match(text, w.end())
                  # "Hội nghị Bộ trưởng Quốc phòng các nước ASEAN"; a topic's plural ("Kế hoạch hành
                  # động ASEAN về quản lý các loài ngoại lai xâm hại").
                  or scan.topic and scan.end is not None and word in g["plural"]):
            return None
        scan.pending.append(w)
        scan.prev_end = w.end()
        return _NEXT

    def _plural_lead(self, scan: _Scan, w: re.Match[str], lowered: str) -> bool:
        """A plural and a noun of people right after a meeting's head open its name ("Hội nghị các nhà Lãnh đạo
        ASEAN", batch 12): the plural is no stop word there (issue-14R11). The name still needs a capitalised
        word or a known name: "Hội nghị thượng đỉnh các nhà phân tích toàn cầu của Huawei lần đầu tiên diễn ra
        vào năm 2004" (batch 13) leads the event frames to a conference of 2004, the meeting's history."""
        if not (scan.shape.numbered and scan.shape.about) or scan.end is not None or scan.pending \
                or lowered not in self.grammar["plural"]:
            return False
        nxt = _WORD.match(scan.text, w.end() + 1)
        return nxt is not None and nxt.group() in self.grammar["plural_lead_nouns"]

    def _plural_field(self, scan: _Scan, w: re.Match[str], lowered: str) -> bool:
        """"các" after a body's capitalised field opens what the body manages, which runs to the place it serves or its
        national designator ("Ban Quản lý các Khu công nghiệp và Chế xuất Hà Nội", batch 12; "Ban QLDA ĐTXD các công
        trình giao thông Hà Nội", batch 11; "Đảng ủy Khối các cơ quan Trung ương", batch 18; issue-14B15), within
        ``plural_field_words`` syllables and over no stop word, verb or punctuation; never a plural of units, countries
        or people (``plural_field_not_before``: "Sở Y tế các tỉnh phía Bắc", "Bộ Y tế các nước ASEAN")."""
        g, text = self.grammar, scan.text
        if lowered != g["plural_field"] or scan.end is None or scan.pending or scan.topic or scan.shape.about:
            return False
        prev = w.end()
        for i, x in enumerate(_WORD.finditer(text, w.end() + 1, scan.limit)):
            word = x.group()
            if i >= g["plural_field_words"] or text[prev:x.start()].strip() or word in self.rules.stop_words \
                    or text[x.start():scan.word_end_at(x.start())] in self.rules.verb_words \
                    or i == 0 and word.lower() in g["plural_field_not_before"]:
                return False
            hit = scan.starts.get(x.start())
            if i and (hit is not None and hit.type == "GPE" or self._national_at(scan, x.start())):
                return True
            prev = x.end()
        return False

    def _home_body_abroad(self, scan: _Scan, nxt: Candidate) -> bool:
        """A body of the home country's people abroad takes the foreign country after "tại"/"ở" ("Hội người Việt Nam ở
        Nhật Bản", dev; "Mạng lưới Thúc đẩy Khởi nghiệp Việt Nam tại Úc", batch 14), as an embassy does. Not a place at
        home ("Bộ Ngoại giao Việt Nam tại Hà Nội": where the ministry acts), a national team abroad, nor a name ending in a
        foreign country."""
        if scan.text[scan.shape.head[0]:scan.shape.head[1]] in self.grammar["team_heads"]:
            return False  # "đội tuyển Việt Nam | ở UAE": where the team plays
        home = self._country_entry(next((a for a in scan.starts.values() if a.end == scan.end and a.type == "GPE"), None))
        there = self._country_entry(nxt)
        return home is not None and there is not None and home.country == self.grammar["home_country"] \
            and there.country != home.country

    def _country_entry(self, mention: Candidate | None) -> Entry | None:
        """The gazetteer's country (an entry without a parent) a mention names, else None."""
        entry = self.gaz.entries.get(mention.entity_id) if mention is not None and mention.entity_id else None
        return entry if entry is not None and not entry.parent else None

    @staticmethod
    def _country_after_of(scan: _Scan, w: re.Match[str]) -> bool:
        """"Viện Huyết thanh của Ấn Độ", "Hãng Thông tấn của Qatar": a body named by what it does (no
        place, acronym or known name of its own) takes its country after "của", and ends with it (issue-14O7: the
        gold of dev and batches 4, 8, 10, 11 names them so)."""
        nxt, prev = scan.starts.get(w.end() + 1), scan.prev_word
        if scan.shape.about or scan.end is None or scan.in_place or scan.pending or nxt is None or nxt.type != "GPE":
            return False
        if prev is None or prev.group().isupper() or any(a.end == scan.end and a.type != "EVENT"
                                                         for a in scan.starts.values()):
            return False  # "CLB PSG | của Pháp", "Hãng tin CNN | của Mỹ": a name of its own; not the Games' field
        scan.end, scan.prev_end, scan.in_place = nxt.end, nxt.end, True
        return True

    def _stops(self, scan: _Scan, w: re.Match[str]) -> bool:
        """The name ends before this syllable: a stop word, a verb (by word class), "và" before
        another head, a family name opening a person, an acronym in apposition to a country."""
        text, end = scan.text, scan.end
        word = w.group()
        bare = word.rstrip(".")
        if self._stop_word(scan, w, bare):
            return True
        if self._predicate_after_proper(scan, w, bare) or self._new_sentence_after_place(scan, w, bare):
            return True
        if bare[:1].isupper() and bare.lower() in self.rules.stop_words and end is not None:
            return True  # "… Tây Ban Nha Tại Diễn đàn": a sentence whose line break the crawl lost
        if end is not None and bare.isdigit() and self._amount_after_re.match(text, w.end()):
            return True  # an amount after the name: "Ngân hàng Đầu tư Hạ tầng Châu Á 50 tỉ USD"
        if self._is_verb(scan, w, bare):
            if not (scan.company or scan.topic or self._and_lead(scan)):
                return True
            # In a topic a verb may be a noun ("về thương mại và đầu tư Việt Nam – Tây Ban Nha"):
            # it ends the name only if no capitalised word follows.
            if scan.verb_at is None:
                scan.verb_at = len(scan.pending)
        if self._before_next_body(scan, w, word) or self._lower_body_after_and(scan, w, word):
            return True
        if word == self.grammar["and"] and not (scan.shape.about or scan.company) and end is not None \
                and self._clause_after_and(text, w.end() + 1, scan.limit):
            return True
        return end is not None and (self._person_after(scan, w, bare)
                                    or self._apposition(scan, w, bare)
                                    or self._officer_after(scan, w, bare))

    def _person_after(self, scan: _Scan, w: re.Match[str], bare: str) -> bool:
        """A person, or a title before a person, opens at this syllable: the body's name ends before."""
        return self._person_starts(scan, w, bare) and not self._legal_form_only(scan) \
            or self._title_before_person(scan, w)

    def _title_at(self, text: str, pos: int) -> bool:
        """A capitalised title starts at ``pos``: after a dash it names the body's officer, no more of the body's name
        ("Tập đoàn Aquaone - Chủ tịch là bà …", batch 21; issue-14R20)."""
        m = self._title_re.match(text, pos)
        return m is not None and text[pos:pos + 1].isupper()

    def _title_before_person(self, scan: _Scan, w: re.Match[str]) -> bool:
        """A title right before a person the tagger found opens that person, after the body's name: "Phó giám đốc Học
        viện Tài chính | TS Nguyễn Đào Tùng" (batch 22; issue-14R20). The name must hold a word already: "Văn phòng Luật
        sư Trần Hồng Phong" is named after the lawyer."""
        m = self._title_re.match(scan.text, w.start())
        if m is None or scan.text[w.start():w.start() + 1].islower():
            return False
        hit = scan.starts.get(m.end() + 1)
        return hit is not None and hit.type == "PERSON"

    def _legal_form_only(self, scan: _Scan) -> bool:
        """The name so far is a company's legal form and nothing else ("Công ty TNHH", "Công ty TNHH MTV"): a person's
        name after it is the company's own ("Công ty TNHH Nguyễn Hưng", batch 17; "Công ty TNHH Hoàng Trường", "Công ty
        TNHH Trần Liên Hưng" on the bench; issue-14O13), not its director's."""
        if not scan.company or scan.end is None:
            return False
        form = self._company_form_re.match(scan.text, scan.shape.head[1] + 1)
        return form is not None and all(x in self.rules.generic_acronyms for x in scan.text[form.end():scan.end].split())

    def _before_next_body(self, scan: _Scan, w: re.Match[str], word: str) -> bool:
        """"và" before another head (or in a name that never holds it: "CLB Hải Phòng và SL Nghệ An"), a dash
        before a body's head ("Cục Quản lý Khám chữa bệnh - Bộ Y tế": a part, then the body it belongs to)."""
        text, nxt = scan.text, w.end() + 1
        if word in self.grammar["dashes"]:
            return self._org_head_re.match(text, nxt) is not None or self._foreign_event_at(text, nxt, scan.limit) \
                or self._title_at(text, nxt)
        return word == self.grammar["and"] and bool(scan.shape.no_and or scan.head_re.match(text, nxt)
                                                    or self._org_head_re.match(text, nxt)
                                                    # "Luật Giáo dục 2019 | và Nghị định 116" (batch 27): a
                                                    # numbered document after it is a second one
                                                    or self._numbered_document_re.match(text, nxt)
                                                    or scan.end is not None and (self._repeats_name(scan, w)
                                                                                 or self._unit_before_and(scan, w)))

    def _unit_before_and(self, scan: _Scan, w: re.Match[str]) -> bool:
        """"và" after the name reached its place's unit opens a second body or unit: "Ủy ban nhân dân xã Nhơn Đức | và
        huyện Nhà Bè" (batch 30), "Viện KSND tỉnh | và HĐXX xét thấy" (batch 29; issue-14G28). A local body's fields
        joined by "và" come before its place ("Sở Tài nguyên và Môi trường tỉnh Lâm Đồng"), never after it. The unit
        is a whole word of the segmenter before a capitalised one or before "và" ("xã hội và …", "Hợp tác xã và …" hold
        no commune)."""
        text, held = scan.text, scan.text[scan.shape.head[1]:w.start()]
        for m in _WORD.finditer(held):
            pos = scan.shape.head[1] + m.start()
            if not self._admin_word_at(text, pos) \
                    or scan.word_end_at(pos - 2) == scan.word_end_at(pos):
                continue  # "Đại hội Hợp tác xã và Đội sản xuất": the later syllable of a word, no commune
            admin = next(a for a in self.rules.org_admin_words if text.startswith(a, pos))
            if pos + len(admin) + 1 == w.start() or self._capitalised_after_admin(text, pos):
                return True
        return False

    @staticmethod
    def _repeats_name(scan: _Scan, w: re.Match[str]) -> bool:
        """"và" before a word the name already holds opens a second body of the same kind: a lower-case
        designator ("Chi cục Thú y vùng VI | và vùng VII", "Công an quận 2 | và quận 9") or a later word of the
        head ("trường THCS Dương Đông 1 | và THCS …", "trường Trung học cơ sở xã Nghĩa Thuận | và Trung học cơ sở
        …"). Not a capitalised word of the name ("Viện Công nghệ sinh học và Công nghệ thực phẩm": one body)."""
        nxt = _WORD.match(scan.text, w.end() + 1)
        if nxt is None:
            return False
        word = nxt.group()
        head_start, head_end = scan.shape.head
        head = scan.text[head_start:head_end].split()
        held = scan.text[head_end:w.start()].split()
        return word in head[1:] or word.islower() and word in held

    def _foreign_event_at(self, text: str, pos: int, limit: int) -> bool:
        """A Latin-script event's name starts at ``pos`` ("Cuộc thi phát triển ứng dụng APEC - APEC App Challenge": the
        English name after a dash is the same event's, no more of its Vietnamese name; issue-14R11)."""
        run = self._foreign_run(text, pos, limit)
        return run is not None and run[0] == pos and text[run[0]:run[1]].split()[-1] in self.rules.foreign_event_words

    def _clause_after_and(self, text: str, pos: int, limit: int) -> bool:
        """After "và" in a body's name: a verb, or lower-case words and then another body's head,
        open the next clause ("Quỹ Con đường Tơ lụa và thành lập Ngân hàng …"), not a field of
        the name ("Viện Nghiên cứu và phát triển TP.HCM")."""
        for i, nxt in enumerate(_WORD.finditer(text, pos, limit)):
            if i == 3 or not nxt.group().islower():
                return bool(i) and self._org_head_re.match(text, nxt.start()) is not None
            if i == 0 and nxt.group() in self.rules.verbs and not self._noun_token_at(text, nxt.start()):
                return True
        return False

    def _stop_word(self, scan: _Scan, w: re.Match[str], bare: str) -> bool:
        """A stop word, the dash of an editor's note closing a bracket ("… Việt Nam - PV)"), a rank or a sentence
        opener (``name_enders``: "công an Đại tá", "U15 Việt Nam Phát biểu"), or a part of
        the day and a date after the name ("Hội nghị xúc tiến đầu tư Việt Nam Chiều 5/6": a sentence whose
        break the crawl lost)."""
        if self._inside_stop_word(scan, w):
            return False
        return w.group() in self.rules.stop_words or bare in self.rules.stop_words \
            or bool(self._editor_mark_re.match(scan.text, w.start())) \
            or bool(self._name_ender_re.match(scan.text, w.start())) \
            or scan.end is not None and bool(self._day_part_re.match(scan.text, w.start())) \
            or self._tail_ender(scan, w)

    def _tail_ender(self, scan: _Scan, w: re.Match[str]) -> bool:
        """A word of ``tail_enders`` opening a segmenter's word after a body's name: its term, a price or how often it
        acts, no lower-case field of its name ("Trường ĐH Tôn Đức Thắng | nhiệm kỳ 2021-2026", "Bệnh viện Thống nhất |
        mức giá lại chỉ …", "Hội Nhà báo | hàng năm được giao …": batches 12, 18 and 21; issue-14R20). Not inside a word
        ("định mức") nor in a meeting's name ("Đại hội Đảng bộ tỉnh nhiệm kỳ 2015 – 2020")."""
        pos = w.start()
        return scan.shape.body and scan.end is not None and bool(self._tail_ender_re.match(scan.text, pos)) \
            and (pos < 2 or scan.word_end_at(pos - 2) != scan.word_end_at(pos))

    def _inside_stop_word(self, scan: _Scan, w: re.Match[str]) -> bool:
        """The syllable ends a word of ``stop_inside_words`` with the syllable before it ("hàng không", "tự do"), or
        opens one of ``stop_opening_words`` ("không gian"): a noun or adjective of the name, not the stop word it also is ("Hiệp định tự do thương mại Mỹ - Singapore")."""
        prev = scan.prev_word
        if w.group().islower() and self._opens_stop_word(scan.text, w.start()):
            return True
        return prev is not None and prev.end() + 1 == w.start() \
            and scan.text[prev.start():w.end()].lower() in self.grammar["stop_inside_words"]

    def _opens_stop_word(self, text: str, pos: int) -> bool:
        """A word of ``stop_opening_words`` starts at ``pos`` ("không gian", "không quân"): its first syllable is a stop
        word only when it stands alone ("Bộ Y tế | không cho phép")."""
        low = text[pos:pos + 20].lower()
        return any(low.startswith(n) and not (low[len(n):len(n) + 1] or " ").isalnum()
                   for n in self.grammar["stop_opening_words"])

    def _is_verb(self, scan: _Scan, w: re.Match[str], bare: str) -> bool:
        """A verb's syllable that is not the start of a noun ("dự án") nor inside one opened by
        one of the two syllables before it ("đầu tư công", "đầu tư xây dựng"). ``verbs`` holds the
        first syllables of verbs: a later syllable of a lower-case word of the segmenter is none
        ("viễn thông", "xã hội", "xuất nhập cảnh": the word decides by its first syllable)."""
        if self._continues_lower_word(scan, w) or self._continues_dash_word(scan, w, bare):
            return False
        if bare.islower() and scan.text[w.start():scan.word_end_at(w.start())] in self.rules.verb_words \
                and (scan.end is not None or not self._noun_token_at(scan.text, w.start())) \
                and not self._inside_noun_token(scan, w):
            # a whole word of a predicate: "Cục Du lịch | chia sẻ", "Sở … | hoàn thiện hồ sơ"; one that is a noun too
            # ends only a name already begun ("Sở Nội vụ | thành lập đoàn", not "Thỏa thuận thành lập Ủy ban …")
            return True
        if not scan.pending and self._admin_word_at(scan.text, w.start()) \
                and self._capitalised_after_admin(scan.text, w.start()):
            return False  # "thành phố Cần Thơ": a place that ends the body's name, no verb "thành"
        return bare in self.rules.verbs and not self._noun_token_at(scan.text, w.start()) \
            and not self._inside_noun_token(scan, w)

    def _inside_noun_token(self, scan: _Scan, w: re.Match[str]) -> bool:
        """The syllable closes a noun of ``noun_tokens`` opened by one of the two syllables before it ("đầu tư công",
        "Giáo dục thường xuyên"): no verb of the predicate."""
        return any(p is not None and self._noun_token_at(scan.text, p.start(), w.end())
                   for p in (scan.prev_word, scan.prev2_word))

    @staticmethod
    def _continues_lower_word(scan: _Scan, w: re.Match[str]) -> bool:
        """The syllable is not the first of its segmenter's word, and the word opened in lower case."""
        prev = scan.prev_word
        return prev is not None and prev.group().islower() and bool(scan.word_end) \
            and prev.end() + 1 == w.start() and scan.word_end_at(prev.start()) == scan.word_end_at(w.start())

    def _person_starts(self, scan: _Scan, w: re.Match[str], bare: str) -> bool:
        """"Bộ Ngoại giao Bùi Thanh Sơn": a family name opening a name of two words or more."""
        if bare not in self.rules.surnames:
            return False
        run = self._name_run(scan.text, w.start(), scan.limit, 4)
        return bool(run) and len(scan.text[run[0]:run[1]].split()) >= 2 and run[0] not in scan.starts

    def _officer_after(self, scan: _Scan, w: re.Match[str], bare: str) -> bool:
        """The body's officer opens at this syllable: a foreign name after a state's name or after a titled body."""
        return self._foreign_person_after_country(scan, w, bare) or self._officer_after_body(scan, w, bare)

    def _foreign_person_after_country(self, scan: _Scan, w: re.Match[str], bare: str) -> bool:
        """"Người phát ngôn của Hải quân Indonesia Julius Widjojono cho biết": a body's name that ends with a
        state's name (a gazetteer GPE without a parent) ends there when two capitalised words follow, the first a foreign
        name (``lone_name``): they are the body's spokesman or head, not more of its name (issue-14E10: batches 11
        and 13). Not after a city: "Đại học Shanghai Jiao Tong" (batch 10). A country's body of the gazetteer written
        with the country's name ends it too ("Chủ tịch Ủy ban Tình báo Hạ viện Mỹ | Adam Schiff", batch 20; issue-14R20)."""
        if not self.rules.lone_name.fullmatch(bare) \
                or not any(a.end == scan.end and self._ends_with_state(scan.text, a) for a in scan.starts.values()):
            return False
        nxt = _WORD.match(scan.text, w.end() + 1)
        return nxt is not None and _capitalised(nxt.group()) and not nxt.group().isupper()

    def _officer_after_body(self, scan: _Scan, w: re.Match[str], bare: str) -> bool:
        """"chủ tịch CLB Tottenham | Daniel Levy cho biết", "thành viên Ủy ban điều hành UEFA | Jesper Moller đã tuyên
        bố" (batch 33): a title, its body, then the officer's foreign name of two words with no comma (issue-14R31). The
        body's name ends before them (``_officer_name_at``) when a title stands right before the body's head; a body
        named after a person has no title before it ("Đại học George Washington") or its name holds no other word ("CLB
        Manchester United")."""
        hit = scan.starts.get(w.start())
        return (hit is None or hit.type == "PERSON") and self._officer_name_at(scan.text, w, scan.limit) \
            and self._title_before(scan.text, scan.shape.head[0])

    def _officer_name_at(self, text: str, w: re.Match[str], limit: int) -> bool:
        """Two capitalised words of a foreign name's shape, then lower case: the given name ``lone_name``'s shape, a
        common one, or short and ending with a letter no Vietnamese syllable ends with ("Al Green"); the family name
        ``lone_name``'s shape and no word of a body ("… Council")."""
        bare = w.group()
        if not (self.rules.lone_name.fullmatch(bare) or bare in self.rules.foreign_given_names
                or bare.isascii() and bare.istitle() and bare[-1] in self.grammar["foreign_final_letters"]):
            return False
        family = _WORD.match(text, w.end() + 1, limit) if text[w.end():w.end() + 1] == " " else None
        return family is not None and bool(self.rules.lone_name.fullmatch(family.group())) \
            and family.group() not in self.rules.foreign_org_words \
            and text[family.end():family.end() + 2].strip(" ")[:1].islower()

    def _title_before(self, text: str, head: int, span: int = 30) -> bool:
        """A title or an officer's noun (``officer_nouns``: "thành viên") in the ``span`` characters before a body's
        head, with no punctuation between ("Giám đốc công nghệ của công ty …")."""
        window = text[max(0, head - span):head]
        # the title nearest the head, and the first officer's noun ("thành viên Hội đồng quản trị của …")
        ends = [m.end() for m in self._title_re.finditer(window)][-1:]
        officer = self._officer_noun_re.search(window)
        if officer is not None:
            ends.append(officer.end())
        return bool(ends) and _CLAUSE_MARK.search(window, max(ends)) is None

    def _ends_with_state(self, text: str, mention: Candidate) -> bool:
        """The mention is a country, or a body of the gazetteer whose name, as written, ends with its country's ("Hạ
        viện Mỹ")."""
        entry = self.gaz.entries.get(mention.entity_id) if mention.entity_id else None
        if entry is None or mention.type not in ("GPE", "ORG"):
            return False
        if mention.type == "GPE":
            return not entry.parent
        written = text[mention.start:mention.end]
        country = self.gaz.entries.get(f"gpe:{entry.country.lower()}") if entry.country else None
        return country is not None and any(written.endswith(" " + n) for n in country.names)

    @staticmethod
    def _apposition(scan: _Scan, w: re.Match[str], bare: str) -> bool:
        """"Hãng thông tấn trung ương Triều Tiên KCNA": an acronym after a country is in apposition."""
        if len(bare) < 3 or not bare.isupper() or scan.starts.get(w.start()) is not None:
            return False
        last = scan.starts.get(scan.prev_word.start() if scan.prev_word else -1) or next(
            (a for a in scan.starts.values() if a.end == scan.end), None)
        return last is not None and last.type == "GPE"

    def _extend(self, scan: _Scan, w: re.Match[str]) -> bool:
        """A capitalised word, a number or a known mention grows the name; a lower-case word waits
        in ``pending``. True: the name ends here."""
        text, shape, end = scan.text, scan.shape, scan.end
        bare = w.group().rstrip(".")
        hit = scan.starts.get(w.start())
        if self._world_designator(scan, w):
            return False
        if self._capitalised_word(scan, w, bare) or self._number_in_name(scan, w, bare) or hit is not None:
            scan.led_lower = scan.led_lower or end is None and bool(scan.pending)
            if end is None and scan.pending and self._lead_to_nothing(scan, w, bare, hit):
                return True  # lower-case words after an organisation's head lead only to a known or proper name
            games = hit is not None and self._games_field(scan, hit)  # a field, no proper name: "Ủy ban Olympic"
            scan.end = w.start() + len(bare) if hit is None else max(hit.end, w.start() + len(bare))
            contiguous = not scan.pending
            scan.pending, scan.verb_at = [], None
            scan.in_place = not games and self._ends_proper(scan, w, bare, hit, contiguous)
            return False
        scan.pending.append(w)
        if end is None and not shape.about and not scan.company and not shape.whole and not shape.place_last:
            # "Hãng thông tấn trung ương Triều Tiên", "Hội đồng chấp hành UNESCO": a few lower-case
            # words, then a body or country the tagger knows; two words, and an administrative word
            # before the place ("Bệnh viện đa khoa thị xã Phước Long", "Cơ quan an toàn hàng hải
            # tỉnh Sơn Đông").
            reach = self.grammar["and_lead_words"] if self._and_lead(scan) else self.grammar["lead_words"]
            return not shape.lead_lower or _words_in(self._before_admin(scan), scan.word_end) > reach
        if end is None:
            return self._lead_too_long(scan)
        # A topic after "về" runs longer ("về Thích ứng với biến đổi khí hậu và Quản lý nước"),
        # counted in words, not syllables ("về việc thiết lập quan hệ đối tác chiến lược").
        limit = self.grammar["lower_topic_words"] if scan.topic or scan.company else self.grammar["lower_words"]
        return _words_in(scan.pending, scan.word_end) > limit

    def _owner_after_of(self, scan: _Scan, w: re.Match[str]) -> bool:
        """The country or body after "của" closes the name (``_country_after_of``, ``_parent_after_field``)."""
        return self._country_after_of(scan, w) or self._parent_after_field(scan, w)

    def _field_lead(self, scan: _Scan, heads: str = "world_designator_heads") -> bool:
        """Lower-case words only so far, a few, after the head of an association, council or federation
        (``grammar_world_designator_heads``, ``grammar_parent_field_heads``): a field that an international designator
        or the parent body closes."""
        shape = scan.shape
        return scan.end is None and bool(scan.pending) and shape.body and shape.lead_lower \
            and not (shape.about or scan.company or shape.whole or shape.place_last) \
            and _words_in(scan.pending, scan.word_end) <= self.grammar["lead_words"] \
            and scan.text[shape.head[0]:shape.head[1]] in self.grammar[heads]

    def _parent_after_field(self, scan: _Scan, w: re.Match[str]) -> bool:
        """"Ủy ban kỷ luật của La Liga" (batch 8), "Hiệp hội cổ động viên của Tottenham" (batch 7): a committee or
        association named by its field in lower case takes the body, league or country it belongs to after "của",
        and ends with it, as the gold writes them (issue-14B34; "Viện Huyết thanh của Ấn Độ" is ``_country_after_of``)."""
        nxt = scan.starts.get(w.end() + 1)
        if nxt is None or nxt.type not in ("GPE", "ORG", "EVENT") or not self._field_lead(scan, "parent_field_heads"):
            return False
        scan.end = scan.prev_end = nxt.end
        scan.pending, scan.verb_at, scan.led_lower, scan.in_place = [], None, True, True
        return True

    def _world_designator(self, scan: _Scan, w: re.Match[str]) -> bool:
        """A body's field in lower case closed by "quốc tế" or "thế giới" (``grammar_world_designators``) is its name,
        as a national designator closes one ("Hiệp hội quyền anh quốc tế | đã gửi lời chia buồn", batch 36; "Liên đoàn
        bóng bàn thế giới", batch 7; "Tòa trọng tài quốc tế", batch 35; issue-14B34): within ``lead_words`` words of
        the segmenter, right after the head; what follows is the predicate."""
        text = scan.text
        if not self._field_lead(scan):
            return False  # not a company by its trade ("một công ty vận tải quốc tế")
        found = next((d for d in self.grammar["world_designators"] if text.startswith(d, w.start())
                      and not text[w.start() + len(d):w.start() + len(d) + 1].isalpha()), None)
        if found is None:
            return False
        scan.end = scan.prev_end = w.start() + len(found)
        scan.pending, scan.verb_at, scan.led_lower, scan.in_place = [], None, True, True
        return True

    def _lead_to_nothing(self, scan: _Scan, w: re.Match[str], bare: str, hit: Candidate | None) -> bool:
        """The lower-case words after the head lead to no name at this capitalised word: it is no body or place the
        tagger knows, no national designator and no proper name after a kind (which sets ``kind_led``)."""
        shape = scan.shape
        if self._people_lead(scan):
            return True
        if self._and_lead(scan):
            return hit is None or hit.type != "GPE"  # a pair of fields leads to the body's place only
        if shape.about or scan.company or shape.whole or shape.place_last \
                or hit is not None and hit.type in ("ORG", "GPE") or self._national_at(scan, w.start()):
            return False
        if self._proper_after_kind(scan, w, bare, hit):
            scan.kind_led = True
            return False
        return True

    def _people_lead(self, scan: _Scan) -> bool:
        """A group's head, then a noun of people in lower case: a group of people by their origin or kind ("Nhóm
        người Trung Quốc nhập cảnh trái phép", "Nhóm cử tri gốc Cuba"; ``group_heads``, ``group_people``), no body
        (issue-14P22, batches 17 and 24). Not a group of bodies or countries ("Nhóm các nước công nghiệp phát triển")."""
        first = scan.pending[0]
        before = scan.text[max(0, first.start() - 8):first.start()]
        if not any(before.endswith(h + " ") for h in self.grammar["group_heads"]):
            return False
        lead = scan.text[first.start():scan.limit].lower()
        return any(lead.startswith(n + " ") for n in self.grammar["group_people"])

    def _and_lead(self, scan: _Scan) -> bool:
        """The lower-case words after the head hold "và": a body's pair of fields, which goes on to the place the body
        serves ("Trung tâm quản lý và hỗ trợ khách du lịch TP Vũng Tàu", "Trung tâm công nghệ và truyền thông TPHCM":
        batches 5, 6 and 13; issue-14K13). Such a lead runs longer and over verbs ("hỗ trợ"), but leads only to a place
        the tagger knows (``_lead_to_nothing``): a clause after the head ends elsewhere."""
        shape = scan.shape
        return shape.lead_lower and scan.end is None and not (shape.about or scan.company or shape.whole
                                                              or shape.place_last) \
            and any(x.group() == self.grammar["and"] for x in scan.pending)

    def _lower_body_after_and(self, scan: _Scan, w: re.Match[str], word: str) -> bool:
        """"và" in a lower-case lead before another body's head or a noun of people in lower case joins two bodies or
        groups: "Ban chấp hành và đoàn đại biểu tỉnh Bạc Liêu", "Ban thường vụ và cán bộ chủ chốt tỉnh Bắc Kạn" are no
        one body (``and_lead_people``; issue-14K13)."""
        if word != self.grammar["and"] or scan.end is not None or not scan.pending:
            return False
        return scan.text[w.end() + 1:scan.limit].lower().startswith(self._second_body_after_and)

    def _proper_after_kind(self, scan: _Scan, w: re.Match[str], bare: str, hit: Candidate | None) -> bool:
        """A body's kind in a word or two of lower case, then a proper name of its own in two capitalised syllables or
        more ("Công ty giải trí Thiên Hạo Thịnh Thế", "Hội khoa học Gặp gỡ Việt Nam", "Công ty luật Minh Bạch", "Hợp tác
        xã may đo Dân Chủ": issue-14O13, dev and batches 4, 11 and 17, where a known name was required after the kind).
        Not one foreign word: "CLB xứ Catalan", "Nhóm cử tri gốc Latin", "Bộ đôi Galaxy S21" (batches 7, 11, 12, 17)
        are a club by its land, voters by their origin, a pair of phones.
        The capitalised syllable's word may go on in lower case first ("Gặp gỡ Việt Nam"). One capitalised word alone is
        a descriptive word ("Hội đồng xét xử Phúc thẩm"), an acronym a department's letters; a person found by the
        tagger ends the name before (``_skip``)."""
        if hit is not None or not scan.shape.lead_lower or bare.isupper() \
                or _words_in(scan.pending, scan.word_end) > self.grammar["kind_words"]:
            return False
        if bare in self.rules.not_in_name or self._org_head_re.match(scan.text, w.start()) or self._not_a_kind(scan):
            return False
        # the capitalised syllable's word may run on in lower case before the next capitalised one ("Gặp gỡ Việt Nam",
        # "Thanh niên Việt Nam")
        word_end, prev_end = scan.word_end_at(w.start()), w.end()
        for nxt in _WORD.finditer(scan.text, w.end(), scan.limit):
            if scan.text[prev_end:nxt.start()] != " ":
                return False
            if _capitalised(nxt.group()):
                return not nxt.group().isupper() and nxt.group() not in self.rules.not_in_name
            if nxt.start() >= word_end:
                return False
            prev_end = nxt.end()
        return False

    def _not_a_kind(self, scan: _Scan) -> bool:
        """The lower-case words after the head are no kind of body: a joiner ("Đảng và thi hành Điều lệ Đảng", batch 9),
        a place's kind (``national_not_kinds``: "Đài tưởng niệm Quốc gia Grand Staircase-Escalante", batch 4), or with
        the head's last syllable a work's noun ("Bộ phim Absolute Proof", batch 17: ``work_nouns``)."""
        if any(x.group().lower() in self.grammar["joiners"] for x in scan.pending):
            return True
        kind = scan.text[scan.pending[0].start():scan.pending[-1].end()].lower()
        if kind in self.grammar["national_not_kinds"]:
            return True
        head_start, head_end = scan.shape.head
        phrase = f"{scan.text[head_start:head_end].split()[-1]} {kind} ".lower()
        return any(phrase.startswith(n + " ") for n in self.rules.work_nouns)

    def _capitalised_word(self, scan: _Scan, w: re.Match[str], bare: str) -> bool:
        """A capitalised word, or one capitalised after a glued dash ("tế-Xã"), grows the name."""
        return _capitalised(bare) or self._capitalised_after_dash(scan.text, w.start(), w.start() + len(bare))

    def _capitalised_after_dash(self, text: str, start: int, end: int) -> bool:
        """The word at ``start``..``end`` has a capitalised part after a glued dash: it joins two capitalised fields of
        the name ("Hội đồng Kinh tế-Xã hội", dev; "Đảng Lao động-Nông dân-Dân chủ Minnesota", batch 17) and grows it as a
        capitalised word would, not as a lower-case one the name waits on ("… Kinh | tế-Xã hội" was cut at "Kinh").
        Not a second body's head after the dash ("Cục Quản lý Dược-Bộ Y tế": the body the department belongs to)."""
        dashes = [i for i in range(start, end) if text[i] in self.grammar["dashes"]]
        if not dashes or dashes[0] == start or dashes[-1] == end - 1:
            return False
        return any(_capitalised(text[i + 1:i + 2]) for i in dashes) \
            and not any(self._org_head_re.match(text, i + 1) for i in dashes)

    def _continues_dash_word(self, scan: _Scan, w: re.Match[str], bare: str) -> bool:
        """The syllable ends a word of the language opened by the capitalised part after a dash ("Nông dân-Dân | chủ",
        "Kinh tế-Xã | hội", "Kỹ thuật-Hậu | cần"): the word's later syllable, no verb of the predicate."""
        text = scan.text
        if w.start() < 2 or text[w.start() - 1] != " ":
            return False
        start = text.rfind(" ", 0, w.start() - 1) + 1
        if not self._capitalised_after_dash(text, start, w.start() - 1):
            return False
        last = max(i for i in range(start, w.start() - 1) if text[i] in self.grammar["dashes"]) + 1
        return f"{text[last:w.start() - 1]} {bare}".lower() in self.known_words

    def _lead_too_long(self, scan: _Scan) -> bool:
        """Too many lower-case words before the name's first capitalised one: "Đối thoại cấp cao ASEAN-EU",
        "Hội nghị quan chức cấp cao ASEAN+3 …" have a few. An agreement's are counted in words ("Hiệp định tự
        do thương mại Mỹ - Singapore"), more of them in a topic opened by "về" or "giữa" ("Thỏa thuận cơ bản về
        hợp tác biến đổi khí hậu giữa Chính phủ Hàn Quốc …"; issue-14R11). Not a meeting's: "Hội nghị hoan
        nghênh việc tiến hành Tuần lễ …" is the meeting's predicate (dev), and a meeting named by its topic in
        lower case leads the event frames to a conference they cannot date ("Bên lề Hội nghị phòng chống thiên
        tai khu vực miền núi phía Bắc năm 2021, …": the year, not the day; batch 7)."""
        g = self.grammar
        if scan.shape.lead_words:
            return _words_in(scan.pending, scan.word_end) > (g["lower_topic_words"] if scan.topic else g["lower_words"])
        return len(scan.pending) > (g["lower_company_syllables"] if scan.company else g["lower_words"])

    def _ends_proper(self, scan: _Scan, w: re.Match[str], bare: str, hit: Candidate | None, contiguous: bool) -> bool:
        """The name so far ends with a proper name: a place the tagger knows ("Sở GD&ĐT Hà Nội",
        "Công an huyện Phú Xuyên"), two capitalised syllables in a row ("Quỹ Thiện Tâm", "… Cửa
        khẩu quốc tế Cầu Treo") or a foreign word ("ĐH Toulon"). Vietnamese capitalises only the
        first syllable of a descriptive word inside a name ("Trung tâm Kiểm soát bệnh tật"), so after
        a proper name the lower-case words are the sentence's predicate ("… góp", "… cấp bằng")."""
        if hit is not None and hit.type == "GPE" and scan.end == hit.end or self._national_end(scan):
            return True
        if any(a.end == scan.end and a.type == "GPE" and a.start < w.start() for a in scan.starts.values()):
            return True
        if bare.isupper():
            return self._field_acronym(scan, bare)
        if not bare[:1].isupper():
            return False  # a number
        if self.rules.lone_name.fullmatch(bare):
            return True
        prev = scan.prev_word
        if not contiguous or prev is None or prev.end() + 1 != w.start():
            return False
        before = prev.group().rstrip(".")
        if not before[:1].isupper() or before.isupper() or before in self.rules.not_in_name:
            return False
        # "Bệnh viện Nhi Trung ương": a word of the language whose first syllable only is capitalised
        # is descriptive; a segmenter's word that is none ("Tâm góp") joined the name to the verb
        word_end = scan.word_end_at(w.start())
        return word_end <= w.end() or scan.text[w.start():word_end].lower() not in self.known_words

    def _national_at(self, scan: _Scan, pos: int) -> bool:
        """A national body's designator ends its field in lower case as a known name would ("Viện dinh dưỡng Quốc
        gia", "Trung tâm kỹ thuật thủy văn Trung ương": issue-14O12, batches 6 and 12); not after a word of level
        ("Bệnh viện tuyến Trung ương", "các bệnh viện trực thuộc Trung ương": a kind of body, no name)."""
        text = scan.text
        if scan.pending and scan.pending[-1].group().lower() in self.grammar["level_words"]:
            return False
        kind = text[scan.pending[0].start():scan.pending[-1].end()].lower() if scan.pending else ""
        if kind in self.grammar["national_not_kinds"]:
            return False
        return any(text.startswith(d, pos) and not text[pos + len(d):pos + len(d) + 1].isalpha()
                   for d in self.grammar["national_designators"])

    def _national_end(self, scan: _Scan) -> bool:
        """The name led by lower-case words ends with a national designator: what follows is the predicate
        ("Viện vệ sinh dịch tễ Trung ương | cho biết")."""
        return scan.led_lower and scan.end is not None \
            and any(scan.text.endswith(" " + d, 0, scan.end) for d in self.grammar["national_designators"])

    def _field_acronym(self, scan: _Scan, bare: str) -> bool:
        """A department or ministry named by its fields' acronym ("Sở GD-ĐT", "Bộ GD-ĐT", "Sở TN-MT", "Phòng GD&ĐT")
        is complete: the lower-case words after it are the predicate ("Sở GD-ĐT | kiến nghị UBND TP", "Sở TN-MT |
        giao VPĐKĐĐ", "Bộ GD-ĐT | vụ việc này": batches 12, 14, 15), but for a place ("Sở GD&ĐT tỉnh …"). Not any
        acronym: "Cục CSGT đường bộ" goes on in lower case."""
        if not any(mark in bare for mark in self.grammar["field_acronym_marks"]):
            return False
        head_start, head_end = scan.shape.head
        return scan.text[head_start:head_end] in self.grammar["field_acronym_heads"]

    def _number_in_name(self, scan: _Scan, w: re.Match[str], bare: str) -> bool:
        """A number after a name is part of it: "Ban QLDA Điện 2", "Cienco 6". Only right after the
        name's capitalised words, not after lower-case ones ("Công ty vàng bạc đá quý Sài Gòn cao
        hơn thế giới khoảng 3,24 …"), but for a company's trades ("Công ty cổ phần Tư vấn xây dựng
        điện 3"), a meeting's term or a law's number ("Đại hội Đảng bộ tỉnh nhiệm kỳ 2015 – 2020");
        right after a meeting's head, an edition that is no count ("Đại hội 19", not "Hội nghị 2
        ngày"). An amount ends the name before it (``_stops``)."""
        if not bare.isdigit():
            return False
        shape = scan.shape
        if scan.end is not None:
            return not scan.pending or scan.company or shape.numbered or shape.tail
        # an organisation's number comes right after its head ("Bệnh viện 103"); after lower-case words it
        # leads nowhere of its own ("Bệnh viện số 2 Quảng Ninh" goes on to the place)
        return shape.numbered and not (scan.pending and not shape.about) \
            and not self._unit_after_re.match(scan.text, w.end())

    def _predicate_after_proper(self, scan: _Scan, w: re.Match[str], bare: str) -> bool:
        """After a proper name a body's name ends: a lower-case word opens the predicate ("Quỹ Thiện
        Tâm góp"), but for a joiner ("Bộ Văn hóa Thể Thao và Du lịch") or an administrative word; after an
        acronym a whole verb the segmenter glued to it does (``_verb_after_acronym``)."""
        return scan.in_place and not (scan.shape.about or scan.topic) and bare.islower() \
            and bare not in self.grammar["joiners"] and not self._admin_word_at(scan.text, w.start()) \
            or self._verb_after_acronym(scan, w.start())

    def _admin_word_at(self, text: str, pos: int) -> bool:
        """An administrative word opens a place that may still be the body's ("Trường Mầm non Hoa Sen quận 3")."""
        return any(text.startswith(a, pos) and not text[pos + len(a):pos + len(a) + 1].isalpha()
                   for a in self.rules.org_admin_words)

    def _capitalised_after_admin(self, text: str, pos: int) -> bool:
        """The administrative word at ``pos`` is followed by a capitalised word: a place's name ("… thành phố
        Cần Thơ"), not a clause ("… thành phố cho biết")."""
        admin = next((a for a in self.rules.org_admin_words if text.startswith(a + " ", pos)), None)
        return admin is not None and _capitalised(text[pos + len(admin) + 1:pos + len(admin) + 2])

    def _before_admin(self, scan: _Scan) -> list[re.Match[str]]:
        """The pending lower-case words without an administrative word ending them ("… tỉnh")."""
        pending = scan.pending
        tail = scan.text[pending[0].start():pending[-1].end()] if pending else ""
        admin = next((a for a in self.rules.org_admin_words if tail == a or tail.endswith(" " + a)), None)
        return pending[:len(pending) - len(admin.split())] if admin else pending

    def _finish(self, scan: _Scan) -> int:
        """The name's end: grown to the end of the segmenter's word it stops in, then over a
        lower-case tail that is no function word."""
        text, end, pending = scan.text, scan.end, scan.pending
        assert end is not None
        if scan.verb_at is not None:
            pending = pending[:scan.verb_at]
        # Vietnamese capitalises only the first syllable of a word inside a name ("Đô thị hóa",
        # "Ủy ban"): the name runs to the end of the word (underthesea's token) it stops in.
        grown = end if scan.in_place and not scan.topic or self._glued_verb(scan, end + 1) else scan.word_end_at(end - 1)
        if grown > end and not _GLUED_SENTENCE.match(text, end) and not any(len(x) >= 2 and x.isupper() or x == self.grammar["and"]
                                                                     for x in text[end:grown].split()) \
                and not _SENTENCE_END.search(text, end - 1, grown):  # "… Bình Thắng B. Thông tin": a new sentence
            pending = [w for w in pending if w.start() >= grown]
            end = grown
        # Lower-case words after the last capitalised one finish a name ("… khí hậu") unless they
        # are function words ("… và", "… về"). Named agreements and events keep a lower-case tail
        # only as the topic after "về" ("… về rác thải nhựa trên biển"), not a verb phrase
        # ("… ASEAN đặt trụ sở"); a law's name goes on in lower case: "Luật Bảo vệ môi trường".
        if scan.shape.about and not (scan.topic or scan.shape.tail):
            return end
        # A body's name ends with its place ("Sở GD&ĐT Hà Nội", "Bộ An ninh Nội địa Mỹ"): the
        # lower-case words after it are the sentence's predicate ("… báo cáo vụ việc", "… tuyên bố").
        if scan.in_place and not scan.topic or scan.kind_led:
            return end  # after a proper name led by a kind too: "Cảng hàng không quốc tế Tân Sơn Nhất | đông nghẹt"
        if pending and pending[0].group().lower() in self.grammar["about"]:
            pending = pending[1:]
        trailing = []
        for w in pending:
            if w.group().lower() in self.grammar["joiners"]:
                break
            trailing.append(w)
        trailing = self._whole_words(scan, trailing)
        if trailing:
            end = trailing[-1].start() + len(trailing[-1].group().rstrip("."))
        return end

    @staticmethod
    def _whole_words(scan: _Scan, trailing: list[re.Match[str]]) -> list[re.Match[str]]:
        """A name never ends inside a word of the segmenter: "Sở Giao dịch chứng khoán | đối với",
        "Đài Á châu | tự do" (its later syllable was a stop word or a verb): the cut word goes."""
        while trailing and (cut := scan.word_end_at(trailing[-1].start())) > trailing[-1].end():
            trailing = [w for w in trailing if scan.word_end_at(w.start()) != cut]
        return trailing
