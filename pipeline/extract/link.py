"""The linkers: they run after the one resolver, on the spans it kept, and record what they change.

In each paragraph, in this order (``Tagger._paragraph_linkers``):

* country context (``link.country-context``) — a body the gazetteer names followed by a foreign
  country is that country's ("Bộ Ngoại giao Hàn Quốc"), an embassy is the one at the place the text
  names, a bare body many countries have ("Quốc hội") is the one foreign country's its paragraph is
  about (read from every name the gazetteer finds in the paragraph, including the country inside a
  grown name such as "Hải quân Mỹ");
* acronym definitions (``link.acronym-definition``) — "Long form (ACR)" in the text beats the
  gazetteer's entry of the same letters: both forms become one entity, which later bare uses of
  ACR in the document resolve to. A definition displaces what the resolver kept there by the
  resolver's own precedence (``Ledger.correct``): it yields only to a gazetteer name or a
  country-context body it does not grow over, and to a name that grows over it;
* acronym realignment (``link.acronym-realign``) — an acronym after a name a pattern grew is that name's;
* tenure (``link.tenure``) — a title alone resolved to the office-holder on the sentence's own date
  (``_sentence_day``), else the article's.

Then over the whole document: credits (in ``tagger.py``), coreference (``link.coreference``,
``link.acronym-reuse``, ``link.title-coreference``) — short references to a person or body named
earlier in the document ("ông Hà", "T&T Group"), defined acronyms used bare, a title alone that the
article itself gives to one named person. Every span a linker adds is recorded as kept under its
rule, every span it takes out as removed by it, every correction it gives up as lost to the span
that beats it: ``vnews explain`` prints them after the resolver's decisions.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from dataclasses import replace

from ..dates import find_dates
from ..gazetteer_import import CLUB_ID_PREFIX
from ..model import Document, Paragraph
from ..normalize import fold
from .candidates import ANY_LABEL, Candidate
from .resolve import Ledger
from .text import (_ACRONYM_DEF, _FOREIGN_WORD, _SENTENCE_BREAK, _TITLE_BREAK, _UNKNOWN_ACRONYM, _WORD, _bounded,
                   _capitalised, _is_word_char, occurrences, overlaps, slug, vietnamese_syllable)

# Two capitalised Latin words: a given name, if the first is no Vietnamese syllable, and a family name (link.cited-medium)
_NAME_PAIR = re.compile(r"(?<![\w&])([A-Z][a-z]+) ([A-Z][A-Za-z]+)(?![\w&])")
# What a source's clause says at least: "Theo Mayny, Clip: VTV" closing a paragraph is a credit (link.cited-medium)
_CITED_CLAUSE_CHARS = 30
# A year in an event's edition read after its host place: that edition is held there
_YEAR = re.compile(r"(?:19|20)\d\d")


# The spans country context reads a body and its country from: the gazetteer's names, and its own
# corrections (an embassy the text places may be a ministry it placed first).
_BY_NAME = frozenset({"gazetteer", "link.country-context"})

# A line-up's items (rule link.person-list): the runs between its commas, semicolons and brackets, each without the
# spaces round it, a substitute's minute after it ("Cavani 46'", "Vydra 88'") and a full stop
_LINEUP_SEGMENT = re.compile(r"[^,;()]+")
_LINEUP_TRIM = re.compile(r"\s*(?P<item>.*?)[\s.]*(?:\d+(?:\+\d+)?['’]?[\s.]*)?")


def _ends_with_word(before: str, phrase: str) -> bool:
    """``before`` ends with ``phrase`` as whole words (no letter or digit glued before it)."""
    return before.endswith(phrase) and (len(before) == len(phrase) or not before[-len(phrase) - 1].isalnum())


def _lineup_items(text: str, pos: int) -> list[tuple[int, int]]:
    """The items of a line-up after ``pos`` as spans; a run with no name left (a lone minute: "Van de Beek,84")
    is none."""
    items = []
    for m in _LINEUP_SEGMENT.finditer(text, pos):
        t = _LINEUP_TRIM.fullmatch(m.group())
        if t.start("item") < t.end("item"):
            items.append((m.start() + t.start("item"), m.start() + t.end("item")))
    return items


class Linkers:
    """Mixed into ``Tagger``: the linkers read its gazetteer, rules and compiled patterns."""

    # -- country context -----------------------------------------------------------------------
    def _country_context(self, para: Paragraph, spans: Ledger, gazetteer: tuple[Candidate, ...]) -> None:
        """Linker ``link.country-context``, on the spans the resolver kept: a body followed by a
        foreign country is that country's, an embassy is the one at the place the text names, and a
        bare body many countries have is the one foreign country's its paragraph is about. Each
        replaces the kept span it corrects (recorded as removed by this rule).

        What a paragraph is about is read from every name the gazetteer finds in it
        (``gazetteer``), as corrected here, not only from the kept spans: "Hải quân Mỹ", a name
        grown over its country, still names the United States."""
        before = {id(a) for a in spans}
        self._foreign_bodies(para.text, spans)
        now = {id(a) for a in spans}
        evidence = [g for g in gazetteer if id(g) not in before or id(g) in now]
        evidence += [a for a in spans if id(a) not in before]
        self._shared_bodies(para, spans, evidence)

    def _foreign_bodies(self, text: str, accepted: list[Candidate]) -> None:
        """A body the gazetteer names, followed by a foreign country the gazetteer names ("Bộ Tư
        pháp Mỹ"), or an embassy it names followed by "tại" and a place. Only the gazetteer's own
        names: a name a pattern found already ends where its rule ends it ("Intech Energy Đà Nẵng"
        is a company's address line, not a body placed by its country)."""
        named = [a for a in accepted if a.rule in _BY_NAME]
        by_start = {a.start: a for a in named}
        for org in [a for a in named if a.type == "ORG"]:
            nxt = by_start.get(org.end + 1)
            if nxt is None or nxt.type != "GPE" or text[org.end] != " " or nxt.entity_id == "gpe:vn":
                continue
            if self.gaz.entries.get(org.entity_id) and self.gaz.entries[org.entity_id].country not in ("", "VN"):
                continue
            combined = text[org.start:nxt.end]
            ids = self.names.get(fold(combined))
            if ids:
                entry = self._pick(ids, "")
                new = self._span_for(entry, org.start, nxt.end)
            else:
                new = Candidate(org.start, nxt.end, "ORG", f"org:new:{slug(combined)}", combined, method="pattern", score=0.8)
            new.holds = ("GPE",)  # the country stays a mention of its own
            accepted.remove(org)
            accepted.append(new)
        self._embassies(text, accepted)

    def _embassies(self, text: str, accepted: list[Candidate]) -> None:
        """"Đại sứ quán Mỹ tại Ấn Độ": an embassy is the one at the place the text names, whatever
        the gazetteer's "Đại sứ quán Mỹ" (the one in Hà Nội) says."""
        by_start = {a.start: a for a in accepted if a.rule in _BY_NAME}
        for org in [a for a in accepted if a.type == "ORG" and a.rule in _BY_NAME]:
            at = f" {self.grammar['at']} "
            if not text.startswith(at, org.end) or not any(
                    text.startswith(h + " ", org.start) for h in self.rules.embassy_heads):
                continue
            place = by_start.get(org.end + len(at))
            if place is None or place.type != "GPE":
                continue
            combined = text[org.start:place.end]
            ids = self.names.get(fold(combined))
            accepted.remove(org)
            accepted.remove(place)
            accepted.append(self._span_for(self._pick(ids, ""), org.start, place.end) if ids else Candidate(
                org.start, place.end, "ORG", f"org:new:{slug(combined)}", combined, method="pattern", score=0.8))

    def _shared_bodies(self, para: Paragraph, accepted: list[Candidate], evidence: list[Candidate]) -> None:
        """A body many countries have, named bare ("Quốc hội", "Bộ Ngoại giao": the gazetteer's
        Vietnamese ones), is the body of the one foreign country its paragraph is about.

        The rule: the body's sentence or an earlier sentence of its paragraph names places of
        exactly one country other than Việt Nam, and nothing in the paragraph the gazetteer knows is
        Vietnamese (Việt Nam, a province, a Vietnamese body other than these shared names, a
        Vietnamese office-holder), nor a Vietnamese personal name. Then "Quốc hội" is that country's ("Quốc hội Mỹ", the gazetteer's
        United States Congress); otherwise it stays Việt Nam's. The country right after the body is
        ``_foreign_bodies``'s ("Bộ Ngoại giao Hàn Quốc"). The places and bodies named are those of
        ``evidence``; the bodies corrected, those of ``accepted`` (the kept spans)."""
        text = para.text
        shared = [a for a in accepted if a.type == "ORG" and text[a.start:a.end] in self.rules.shared_bodies
                  and self._country_of(a.entity_id) == "VN"]
        if not shared:
            return
        countries = {a.start: self._country_of(a.entity_id) for a in evidence if a.type in ("GPE", "LOC")}
        if any(self._country_of(a.entity_id) == "VN" for a in evidence if a not in shared) \
                or self._vietnamese_name_in(text):
            return  # a Vietnamese paragraph: its bodies are Việt Nam's
        for body in shared:
            sentence_end = next((s.end for s in para.sentences if s.start <= body.start < s.end), len(text))
            named = {c for start, c in countries.items() if start < sentence_end and c}
            if len(named) != 1:
                continue
            code = named.pop()
            country = next(a for a in evidence if a.start < sentence_end and countries.get(a.start) == code)
            self._foreign_body(text, body, country, accepted)

    def _vietnamese_name_in(self, text: str) -> bool:
        """A Vietnamese personal name: a family name and two capitalised words ("Đoàn Khắc Việt")."""
        return any(m.group() in self.rules.surnames and (run := self._name_run(text, m.start(), len(text), 4))
                   and len(text[run[0]:run[1]].split()) >= 3 for m in _WORD.finditer(text))

    def _country_of(self, entity_id: str) -> str:
        entry = self.gaz.entries.get(entity_id)
        return entry.country if entry is not None else ""

    def _foreign_body(self, text: str, body: Candidate, country: Candidate, accepted: list[Candidate]) -> None:
        """``body`` becomes the body of ``country``: the gazetteer's when it knows it, else a new one."""
        nation = self.gaz.entries[country.entity_id]
        for _ in range(3):  # a city or state: the body is its country's
            if not nation.parent or nation.parent not in self.gaz.entries:
                break
            nation = self.gaz.entries[nation.parent]
        name = text[body.start:body.end]
        for form in (f"{name} {text[country.start:country.end]}", f"{name} {nation.canonical}",
                     *(f"{name} {alias}" for alias in nation.aliases)):
            if ids := self.names.get(fold(form)):
                new = self._span_for(self._pick(ids, ""), body.start, body.end)
                break
        else:
            canonical = f"{name} {nation.canonical}"
            new = Candidate(body.start, body.end, "ORG", f"org:new:{slug(canonical)}", canonical, method="pattern",
                            score=0.7)
        accepted.remove(body)
        accepted.append(new)

    # -- acronyms ------------------------------------------------------------------------------
    def _long_form(self, text: str, end: int, want: str = "") -> tuple[int, str] | None:
        """The long form before "(" at ``end``, opened by a head word ("Kế hoạch …", "Hội nghị …").

        Looks back at most 30 words within the sentence. With ``want`` (the type of a known
        acronym) the nearest head of that type wins; otherwise the nearest capitalised head
        (names open with a capital), else the nearest lower-case one ("mục tiêu … (NDC)").
        """
        words = list(_WORD.finditer(text, 0, end))[-30:]
        heads: list[tuple[int, str, bool, str]] = []
        for i in range(len(words) - 1, -1, -1):
            start = words[i].start()
            if re.search(r"[.!?;]\s|[()\"“”]", text[start:end]):
                break  # a long form is not across a sentence, another bracket or a quotation
            if words[i].group().lower() in self.rules.clause_words or re.match(r"[,:] [^\W\d_]", text[words[i].end():]) \
                    and not text[words[i].end() + 2].isupper():
                break  # nor across a clause: "Tổng cục Hải quan, trong 15 ngày đầu tháng 1/2017, Việt Nam nhập khẩu (NK)"
            rest = text[start:end].rstrip()
            for head, etype in self.rules.acronym_heads:
                if rest.startswith(head + " ") and rest != head:
                    heads.append((start, etype, head[0].isupper(), head))
                    break
        if want:
            typed = [h for h in heads if h[1] == want]
            return (typed[0][0], want) if typed else None
        for capital in (True, False):
            for start, etype, cap, _ in heads:
                if cap == capital:
                    # A head right after another one is part of its name: "Hội nghị Bộ trưởng
                    # Quốc phòng các nước ASEAN mở rộng (ADMM+)" is a meeting, not a ministry.
                    while (outer := next((h for h in heads if h[0] < start
                                          and text[h[0]:start].rstrip() == h[3]), None)) is not None:
                        start, etype = outer[0], outer[1]
                    return start, etype
        return None

    @staticmethod
    def _replace_inside(accepted: list[Candidate], span: Candidate, nests: tuple[str, ...] = ANY_LABEL) -> bool:
        """Add ``span`` over mentions nested inside it; refuse if it would cut one in half. The
        span is a correction: it ``nests`` (beats in the resolver) the spans of those labels inside it."""
        if any(a.start < span.end and span.start < a.end and not (span.start <= a.start and a.end <= span.end)
               for a in accepted):
            return False
        span.nests = nests
        accepted[:] = [a for a in accepted if not (span.start <= a.start and a.end <= span.end and a.type not in span.holds)
                       ] + [span]
        return True

    def _acronym_definitions(self, text: str, spans: Ledger, gazetteer: tuple[Candidate, ...],
                             above: frozenset[str]) -> list[tuple[str, Candidate]]:
        """Linker ``link.acronym-definition``: "Long form (ACR)" in the text makes the acronym and
        its long form one entity, whatever the gazetteer's entry of the same letters says.

        What the paragraph defines is read against what the gazetteer names there (its candidates,
        ``gazetteer``: the name right before the bracket, the entry of the letters inside it), then
        each correction goes among the spans the resolver kept by its precedence
        (``Ledger.correct``): it displaces the gazetteer spans it corrects and the pattern spans it
        overlaps, and loses only to a gazetteer or country-context span it does not reach or to a
        name that grows over it. Returns the definitions (ACR, the span it was defined as), which
        the document's later bare uses of ACR resolve to."""
        view = Ledger(gazetteer, paragraph=spans.paragraph, trace=spans.trace, provisional=True)
        view.rule = spans.rule
        definitions = self._defined(text, view)
        given = {id(g) for g in gazetteer}
        replaced = [g for g in view.dropped if id(g) in given]
        left = {id(a) for a in view}
        for c in view.added:
            if id(c) in left:  # not replaced by a later definition of the same paragraph
                c.displaces += tuple((g.start, g.end) for g in replaced if g.overlaps(c.start, c.end))
                spans.correct(c, above)
        return definitions

    def _defined(self, text: str, accepted: Ledger) -> list[tuple[str, Candidate]]:
        """The definitions of one paragraph on ``accepted``, the gazetteer's view of it: what is
        added there is a correction, what is taken out there it displaces."""
        free, definitions = accepted.free, []
        for m in _ACRONYM_DEF.finditer(text):
            acr = m.group(1).rstrip(".-")
            if sum(c.isupper() for c in acr) < 2:
                continue
            a_start = m.start(1)
            a_end = a_start + len(acr)
            before = text[:m.start()].rstrip()
            prev = next((a for a in accepted if a.end == len(before)), None)
            inner = next((a for a in accepted if a.start == a_start and a.end == a_end), None)
            if prev is not None and inner is None and free(a_start, a_end):
                # "Cơ quan Hợp tác quốc tế Nhật Bản (JICA)" with only the long form known.
                span = Candidate(a_start, a_end, prev.type, prev.entity_id, prev.canonical, prev.acronym or acr,
                                 method="acronym", score=0.95)
                accepted.append(span)
                definitions.append((acr, span))
                continue
            if inner is not None and prev is not None and (span := self._defined_otherwise(acr, prev, inner, accepted)):
                definitions.append((acr, span))
                continue
            if inner is not None:
                definitions.append((acr, inner))
                if prev is None:
                    lf = self._long_form(text, len(before), want=inner.type)
                    if lf:
                        self._replace_inside(accepted, Candidate(
                            lf[0], len(before), inner.type, inner.entity_id, inner.canonical,
                            inner.acronym or acr, method="acronym", score=0.9))
                continue
            if not free(a_start, a_end):
                continue
            lf = self._named_long_form(acr, text, len(before))
            if lf is None:
                if self._term_defined(acr, before, prev):
                    span = Candidate(a_start, a_end, "TERM", f"term:new:{slug(acr)}", acr, acr,
                                     method="acronym", score=0.7)
                    accepted.append(span)
                    definitions.append((acr, span))
                continue  # "(TN&MT) - …": an acronym with nothing that defines it
            long_text = text[lf[0]:len(before)]
            etype = lf[1]
            span = Candidate(a_start, a_end, etype, f"{etype.lower()}:new:{slug(acr)}", long_text, acr,
                             method="acronym", score=0.8)
            if self._replace_inside(accepted, Candidate(lf[0], len(before), etype, span.entity_id, long_text, acr,
                                                        method="acronym", score=0.8)):
                accepted.append(span)
                definitions.append((acr, span))
        return definitions

    def _named_long_form(self, acr: str, text: str, end: int) -> tuple[int, str] | None:
        """``_long_form`` unless it is a body's and the letters spell the kind's words before them (``_kind_letters``;
        then no term either: ``_term_defined`` refuses a kind's initials). A plan's or a meeting's long form keeps its
        field's letters ("Chiến lược phát triển giao thông vận tải (GTVT)", "Hội nghị chuyển đổi số (CĐS)" on the bench)."""
        lf = self._long_form(text, end)
        return None if lf is not None and lf[1] == "ORG" and self._kind_letters(acr, text, lf[0], end) else lf

    @staticmethod
    def _kind_letters(acr: str, text: str, head: int, end: int) -> bool:
        """Letters that spell the lower-case words right before their bracket, after the long form's head: they
        abbreviate a kind of place or body, not the name the head opens ("Công ty TNHH Samsung Display, Intops, …
        thuộc khu công nghiệp (KCN) Yên Phong": KCN is "khu công nghiệp", no company; issue-14A34, batch 36, where
        the whole run was one false body and its five companies missed)."""
        words = text[head:end].replace("-", " ").split()[-len(acr):]
        return len(words) == len(acr) and sum(len(w) for w in words) + len(words) - 1 < end - head \
            and all(w[:1].islower() for w in words) and "".join(w[0] for w in words).upper() == acr.upper()

    def _term_defined(self, acr: str, before: str, prev: Candidate | None) -> bool:
        """An acronym defined by words no head types and no name ends ("sa sút trí tuệ trán - thái
        dương (FTD)", "internet kết nối vạn vật (IoT)", "Thẻ thông hành hàng không (ATP)") is a
        domain term: on dev and batches 4-13 the gold lists such acronyms as TERM. Not the initials
        of the Vietnamese words before it ("phòng khám đa khoa (PKĐK)", "đại hội đồng cổ đông
        (ĐHĐCĐ)", "cảnh sát giao thông (CSGT)": a kind of body or office, which gold does not list),
        not after a foreign name ("Global Innovation Policy Center's (GIPC)": the body's) or a number
        ("CA BỆNH 2866 (BN2866)"), nor a code, a title's or a body kind's letters, nor in a
        sentence that names a project, a programme or a league (``grammar_term_blockers``)."""
        if prev is not None or not before[-1:].isalpha() or acr in self.rules.generic_acronyms \
                or acr in self.rules.person_nouns or acr in self.rules.titles \
                or re.search(self.rules.grammar["term_code"], acr):
            return False
        words = before.replace("-", " ").replace("–", " ").split()
        if _FOREIGN_WORD.fullmatch(words[-1]) or "".join(w[0] for w in words[-len(acr):]).upper() == acr.upper():
            return False
        sentence = " " + re.split(r"[.!?;]\s", before)[-1].lower() + " "
        return not any(f" {w} " in sentence for w in self.rules.grammar["term_blockers"])

    @staticmethod
    def _defined_otherwise(acr: str, prev: Candidate, inner: Candidate, accepted: Ledger) -> Candidate | None:
        """"Ngân hàng Phát triển châu Á (ACB)" where the gazetteer knows the bank and another ACB:
        the article's definition, not the gazetteer's entry of the same letters. Not after a place
        ("… vào Việt Nam (FDI)") nor after a name of another type (a player's club: "Công Phượng (HAGL)")."""
        if not prev.entity_id or prev.entity_id == inner.entity_id or prev.type != inner.type \
                or prev.type in ("GPE", "LOC"):
            return None
        accepted.remove(inner)
        span = Candidate(inner.start, inner.end, prev.type, prev.entity_id, prev.canonical, prev.acronym or acr,
                         method="acronym", score=0.95)
        accepted.append(span)
        return span

    def _realign_acronyms(self, text: str, accepted: Ledger, acronyms: dict[str, Candidate]) -> None:
        """Linker ``link.acronym-realign``: an acronym defined after a name that a pattern grew
        ("Hãng thông tấn trung ương Triều Tiên (KCNA)" over "Triều Tiên") is the grown name's, not
        the inner place's. The acronym's span is replaced by one naming the grown name's entity."""
        ends = {a.end: a for a in accepted if a.method in ("pattern", "gazetteer")}
        for acr in [a for a in accepted if a.method == "acronym"]:
            m = re.search(r"\(\s*$", text[:acr.start])
            if m is None:
                continue
            end = len(text[:m.start()].rstrip())
            name = ends.get(end)
            if name is not None and name.type in ("GPE", "LOC") and acr.type in ("GPE", "LOC"):
                name = self._body_over_place(text, end, name, accepted, text[acr.start:acr.end]) or name
            if name is None or acr.type not in ("GPE", "LOC") or name.type in ("GPE", "LOC"):
                continue  # (an acronym in brackets never names the country a longer name ends with)
            new = replace(acr, type=name.type, entity_id=name.entity_id, canonical=name.canonical,
                          rule="link.acronym-realign")
            accepted.remove(acr)
            accepted.append(new)
            key = text[acr.start:acr.end]
            if key in acronyms:
                acronyms[key] = new

    def _body_over_place(self, text: str, end: int, place: Candidate, accepted: Ledger, acr: str) -> Candidate | None:
        """The place right before "(ACR)" ends the name of a body a capitalised head opens, which no pattern grew
        ("Công đoàn Đoàn kết Myanmar (STUM)", "Hội đồng hợp tác kinh tế Thái Bình Dương (PECC)", "Lực lượng cảnh sát
        Kenya (GSU)", "Cơ quan Nghiên cứu quân sự nước ngoài của quân đội Mỹ (FMSO)"): the long form is the body's name
        and the letters are its (issue-14X21; batches 14, 21, 22 and dev, where the gold lists the body by its long
        form and its letters). Not a head in lower case ("lực lượng phòng vệ Nhật Bản (SDF)": no name), nor a title
        ("Bộ trưởng Quốc phòng Nhật Bản"). The body, added over the names inside it; None when there is none."""
        lf = self._long_form(text, end)
        if lf is None or lf[1] != "ORG" or lf[0] >= place.start or not text[lf[0]].isupper() \
                or any(text.startswith(t + " ", lf[0]) for t in self.rules.titles):
            return None
        body = Candidate(lf[0], end, "ORG", f"org:new:{slug(acr)}", text[lf[0]:end], acr, method="pattern",
                         score=0.8, rule="link.acronym-realign")
        return body if self._replace_inside(accepted, body) else None

    # -- event editions -------------------------------------------------------------------------

    def _event_editions(self, text: str, spans: Ledger) -> None:
        """Linker ``link.event-edition``: a competition, contest or meeting the gazetteer (or any
        rule) names is followed by its year or edition, which belongs to its name ("Techfest 2020",
        "World Cup 2022", "Hoa hậu Hoàn vũ Việt Nam 2017", "Đại hội … lần thứ VII năm 2017"). The
        mention grows over it and keeps its entity."""
        for span in [a for a in spans if a.type == "EVENT"]:
            span = self._pageant_edition(text, span, spans)
            m = self._event_edition_re.match(text, span.end)
            if m is None or not m.group().strip() or overlaps(span.end, m.end(), spans):
                continue
            grown = replace(span, end=m.end(), rule="link.event-edition")
            spans.remove(span)
            spans.append(grown)

    def _pageant_edition(self, text: str, span: Candidate, spans: Ledger) -> Candidate:
        """An international pageant the gazetteer knows, right before a country or state the tagger kept, is that
        place's own pageant, one EVENT by the whole name ("Hoa hậu Thế giới Mỹ", "Hoa hậu Thế giới Indiana": batch
        30's gold; "Hoa hậu Hoàn vũ Việt Nam", batch 7's, is a row of its own); its year may follow. Any other event
        the gazetteer knows is named with its host place only where a year follows the place: that edition is held
        there ("Thế vận hội Olympic mùa Đông Bắc Kinh 2020": batch 17's gold, read as the Olympics)."""
        place = next((a for a in spans if a.start == span.end + 1 and a.type == "GPE"), None) \
            if span.method == "gazetteer" and text[span.end:span.end + 1] == " " else None
        if place is None or span.entity_id not in self.grammar["pageant_ids"] and not (
                (m := self._event_edition_re.match(text, place.end)) and _YEAR.search(m.group())):
            return span
        name = text[span.start:place.end]
        ids = self.names.get(fold(name))
        grown = self._span_for(self._pick(ids, ""), span.start, place.end) if ids else Candidate(
            span.start, place.end, "EVENT", f"event:new:{slug(name)}", name, method="pattern", score=0.7,
            rule="link.event-edition")
        spans.remove(span)
        spans.remove(place)
        spans.append(grown)
        return grown

    # -- a company's branch in the home country --------------------------------------------------
    def _country_branches(self, text: str, spans: Ledger) -> None:
        """Linker ``link.country-branch``: a foreign company the gazetteer knows (its country is
        another's), or a Latin-script body a rule found by its last word, written right before the
        home country's name is the company's branch there, one body ("Facebook Việt Nam", "Dai-ichi
        Life Việt Nam", "Toyota Việt Nam"; ANNOTATION.md: the fullest form the text gives). Not an
        international body ("UNDP Việt Nam" names its office as often as the body) nor a Vietnamese one."""
        home = str(self.grammar["home_country"])
        starts = {a.start: a for a in spans}
        for a in [a for a in spans if a.type == "ORG"]:
            country = starts.get(a.end + 1)
            if country is None or text[a.end:a.end + 1] != " " or country.entity_id != f"gpe:{home.lower()}":
                continue
            known = self._country_of(a.entity_id)
            latin = a.method == "pattern" and all(_FOREIGN_WORD.fullmatch(w) for w in text[a.start:a.end].split()) \
                and text[a.start:a.end].split()[-1] in self.rules.foreign_org_words
            if not (known and known != home or latin):
                continue
            name = text[a.start:country.end]
            spans.remove(a)
            spans.remove(country)
            ids = self.names.get(fold(name))
            spans.append(self._span_for(self._pick(ids, ""), a.start, country.end) if ids else Candidate(
                a.start, country.end, "ORG", f"org:new:{slug(name)}", name, method="pattern", score=0.6,
                rule="link.country-branch"))

    # -- a company's legal form -----------------------------------------------------------------
    def _legal_forms(self, text: str, spans: Ledger) -> None:
        """Linker ``link.legal-form``: a company any rule found, written with its legal form after its name, is
        named with it ("Bloomberg L.P.", "BMW M GmbH", "Imathia Construccion S.L", "Sofina Foods Inc."; ANNOTATION.md:
        the fullest form the text gives; the gold of dev and batches 5, 6 and 15): the mention grows over the form,
        one or two Latin-script words before it ("M" of "BMW M GmbH") and the full stop of an abbreviated form. What
        another mention covers stays (an acronym, a person), and so does a Vietnamese name."""
        for a in [a for a in spans if a.type == "ORG"]:
            name = text[a.start:a.end]
            if not all(_FOREIGN_WORD.fullmatch(w) or w.isupper() for w in name.split()):
                continue
            m = self._legal_form_re.match(text, a.end)
            end = m.end() if m is not None else a.end + 1 if (
                text[a.end:a.end + 1] == "." and name.rsplit(" ", 1)[-1] in self._legal_form_stop) else a.end
            if end == a.end or overlaps(a.end, end, spans):
                continue
            full = text[a.start:end]
            ids = self.names.get(fold(full))
            spans.remove(a)
            spans.append(self._span_for(self._pick(ids, ""), a.start, end) if ids else Candidate(
                a.start, end, "ORG", f"org:new:{slug(full)}", full, method="pattern", score=0.6, rule="link.legal-form"))

    # -- places by their cue ------------------------------------------------------------------
    def _cue_places(self, text: str, spans: Ledger) -> None:
        """Linker ``link.place-cue``: a run of one to three capitalised words that no rule named,
        after a word of place ("ở", "tại", "rời", "quê nhà" …) and before the place it lies in ("ở
        Gwadar, Pakistan", "tại Sicily, Italy") or a phrase that places it ("ở Manaus, thủ phủ bang
        Amazonas", "ở Shirdi thuộc bang Maharashtra"), is a city or a territory: the gazetteer cannot
        list every foreign city, and world lists of cities collide with people and clubs ("Hamilton",
        "Valencia"). Before a Vietnamese province it is one of the province's districts gpe.csv names
        only with its head word ("tại Hoàng Mai, Hà Nội" is quận Hoàng Mai, "ở Thanh Oai (Hà Nội)"),
        or nothing: a street as often as a ward ("tại Thái Hà, Hà Nội"). A city of the imported world list that gpe.csv leaves out needs only its word of
        place ("ở Surabaya", "quê nhà Toulon"; not "từ", which names a club a player comes from). Only
        where the text is free: what a rule found stays."""
        starts = {a.start: a for a in spans}
        for cue_re, alone in ((self._place_cue_re, False), (self._city_cue_re, True)):
            for m in cue_re.finditer(text):
                run = self._name_run(text, m.end(), len(text), 3)  # the pattern matchers' run of capitalised words
                if run is None or not spans.free(*run):
                    continue
                s, e = run
                name = text[s:e]
                city = self._world_cities.get(fold(name)) if alone else None
                if alone and city is None:
                    continue
                unit = None if alone else self._placed_in(text, e, starts)
                if not alone and unit is None:
                    continue
                ids = self._units_under.get((unit, fold(name)), ()) if unit else ()
                if unit and not ids and self.gaz.entries[unit].country == self.grammar["home_country"]:
                    continue  # "tại Thái Hà, Hà Nội": a street as often as a ward; only a district gpe.csv knows
                spans.append(replace(self._span_for(self.gaz.entries[ids[0]], s, e, "pattern", 0.6), rule="link.place-cue")
                             if ids else Candidate(
                    s, e, "GPE", f"gpe:new:{slug(name)}", name, method="pattern", score=0.6, rule="link.place-cue"))
                starts[s] = spans[-1]
        self._district_lists(text, spans)
        self._commune_places(text, spans)

    def _commune_places(self, text: str, spans: Ledger) -> None:
        """Also ``link.place-cue``: a whole run of capitalised words right before a Vietnamese province or district,
        after a comma or in brackets before it, that is the name of a commune, ward or township of that province
        in the pre-2025 import is that commune ("Tú Lệ (Yên Bái)", "Nga Tân, huyện Nga Sơn", "Tây Hiếu, Quỳ Hợp
        (Nghệ An)", "Hợp Thành, thành phố Lào Cai"): no list names every commune, and a run no rule named that
        the province's own communes name is the commune far more often than anything else; not after a word that
        names something in it ("bãi rác Nam Sơn (Hà Nội)", "khu tập thể Thành Công (Ba Đình)") or a house number
        ("92 Nguyễn Du, Hà Nội": ``grammar_commune_not_after``), nor before a centrally-run city alone, whose wards
        are named like its streets ("tại Thái Hà, Hà Nội"). A street-like head the place rule read ("Phố Ràng
        (Bảo Yên)", a township) gives way; a person or a body found stays."""
        home = self.grammar["home_country"]
        for a in [a for a in spans if a.type == "GPE"]:
            entry = self.gaz.entries.get(a.entity_id)
            if entry is None or entry.country != home or text[a.start - 2:a.start] not in (", ", " (") \
                    or text[a.start - 1] == "(" and text[a.end:a.end + 1] not in (")", ",") \
                    or entry.id in self._commune_street_cities:
                continue
            run = self._run_before(text, a.start - 2)
            if run is None or not self._communes.get(fold(text[run[0]:run[1]]), frozenset()) & {entry.id, entry.parent} \
                    or self._commune_not_after_re.search(text, max(0, run[0] - 40), run[0]) is not None:
                continue
            taken = [b for b in spans if b.start < run[1] and run[0] < b.end]
            name = text[run[0]:run[1]]
            # only the place rule's reading of a head inside the name gives way ("Phố Ràng"), not a street of a list
            if taken and (any((b.start, b.end, b.type, b.rule) != (*run, "LOC", "pattern.place") for b in taken)
                          or not name.lower().startswith(tuple(h.lower() + " " for h in self.rules.place_heads))):
                continue
            for b in taken:
                spans.remove(b)
            spans.append(Candidate(*run, "GPE", f"gpe:new:{slug(name)}", name, method="pattern", score=0.6,
                                   rule="link.place-cue"))

    def _district_lists(self, text: str, spans: Ledger) -> None:
        """Also ``link.place-cue``: a district gpe.csv names only with its head word (gazetteers/README.md, names that
        collide) is that district by its bare name where a district of the same province stands next to it in a list
        ("các huyện: Hà Trung, Nga Sơn, Hậu Lộc, Vĩnh Lộc", "Bình Lục 15, Thanh Liêm 2, Phủ Lý 5") or where its own
        province follows it in brackets ("Văn Giang (Hưng Yên)"). The whole capitalised run must be districts of that
        province ("Quảng Xương, Nông Cống Như Thanh, Như Xuân": two run together), so a person's name ending with
        one ("Nguyễn Văn Giang (Hưng Yên)") stays the person's."""
        home = self.grammar["home_country"]
        todo = [a for a in spans if a.type == "GPE"]
        while todo:
            a = todo.pop()
            entry = self.gaz.entries.get(a.entity_id)
            if entry is None or entry.country != home:
                continue
            found: list[Candidate] = []
            above = self.gaz.entries.get(entry.parent)
            if above is not None and above.parent:  # a district (its province has a parent): its neighbours in a list
                if (m := self._district_joint_re.match(text, a.end)) is not None:
                    run = self._name_run(text, m.end(), len(text), 4)
                    found += self._districts_in(text, run, entry.parent, spans) if run else []
                if (m := self._district_joint_before_re.search(text, max(0, a.start - 12), a.start)) is not None:
                    found += self._districts_in(text, self._run_before(text, m.start()), entry.parent, spans)
            elif text[a.start - 2:a.start] == " (" and text[a.end:a.end + 1] == ")":  # a province in brackets
                found += self._districts_in(text, self._run_before(text, a.start - 2), entry.id, spans)
            for span in found:
                spans.append(span)
            todo += found

    def _run_before(self, text: str, end: int) -> tuple[int, int] | None:
        """The whole run of one to four capitalised words ending at ``end`` (the word before it is none), or None."""
        base = max(0, end - 60)
        words = [w.group() for w in re.finditer(r"\S+", text[base:end])]
        if not words or not text[base:end].endswith(words[-1]):
            return None
        n = 0
        while n < len(words) and _capitalised(words[-1 - n]) and words[-1 - n] not in self.rules.stop_words \
                and (n == 0 or words[-1 - n][-1].isalnum()):  # "cầu Mai Lĩnh, Hà Đông (Hà Nội)": a comma ends the run
            n += 1
        if not 0 < n <= 4 or n == len(words) and base > 0:
            return None
        return end - len(" ".join(words[-n:])), end

    def _districts_in(self, text: str, run: tuple[int, int] | None, parent: str, spans: Ledger) -> list[Candidate]:
        """The districts of ``parent`` gpe.csv names only with its head word that make up the whole run, in
        order; nothing when some part of the run is no district of ``parent`` or some part is taken already."""
        if run is None or not spans.free(*run):
            return []
        words = list(re.finditer(r"\S+", text[run[0]:run[1]]))
        out: list[tuple[int, int, tuple[str, ...]]] = []
        i = 0
        while i < len(words):
            # the longest run of words from the i-th that names a district of ``parent``
            s = run[0] + words[i].start()
            hit = next(((j, ids) for j in range(len(words), i, -1)
                        if (ids := self._units_under.get((parent, fold(text[s:run[0] + words[j - 1].end()]))))), None)
            if hit is None:
                return []
            j, ids = hit
            out.append((s, run[0] + words[j - 1].end(), ids))
            i = j
        return [replace(self._span_for(self.gaz.entries[ids[0]], s, e, "pattern", 0.6), rule="link.place-cue")
                for s, e, ids in out
                if len(ids) == 1 and fold(text[s:e]) not in map(fold, self.gaz.entries[ids[0]].names)]

    def _placed_in(self, text: str, e: int, starts: dict[int, Candidate]) -> str | None:
        """What places the run ending at ``e``: the id of the place the gazetteer names right after it
        (", Pakistan", " (Hà Nội)", ", huyện Nga Sơn"), "" for a phrase ("thuộc bang"), None for neither."""
        if self._place_cue_after_re.match(text, e) is not None:
            return ""
        if not text.startswith((", ", " ("), e):
            return None
        place = starts.get(e + 2)
        entry = self.gaz.entries.get(place.entity_id) if place is not None and place.type == "GPE" else None
        if entry is None or not entry.country or (text[e + 1] == "(" and text[place.end:place.end + 1] not in (")", ",")):
            return None
        return entry.id

    # -- person lists --------------------------------------------------------------------------

    def _person_lists(self, text: str, spans: Ledger, one_word: bool = False) -> None:
        """Linker ``link.person-list``: a list of names ("A, B, C và D") one of which is a person the
        rules found is a list of people: each unmarked item of two to four capitalised words is a
        person too ("HLV Ngọc Sơn, Mr. Đàm, Quang Lê, Lệ Quyên"; "các diễn viên Bạch Cúc, Hồng
        Đăng, Việt Anh"). A list that also holds a place or a body ("ông A, Hoàng Mai, Hà Nội") is
        an address or a mixed list: nothing is added from it; nor is an item a title, a head word
        or a word that opens no name opens ("ông A, Giám đốc …", "bà B và Bộ Y tế")."""
        # a foreign name alone after a person's noun is a person too before coreference names it ("cặp tiền đạo
        # Muriel và Zapata"); not after a head's title, where it is the body ("Giám đốc Fossil")
        people = [a for a in spans if a.type == "PERSON" and (a.entity_id or self._titled_lone_name(text, a))]
        if not people:
            return
        starts = {a.start: a for a in spans}
        ends = {a.end: a for a in spans}
        seen: set[tuple[int, int]] = set()
        for person in sorted(people, key=lambda a: a.start):
            found: list[tuple[int, int]] = []
            mixed = self._list_after(text, person.end, starts, spans, found) \
                or self._list_before(text, person.start, ends, spans, found)
            if mixed:
                continue
            for s, e in found:
                # an item with a word no personal name holds is a title or a product listed with people ("Sandra
                # Bullock, All About Steve"; issue-14P17, batches 15 and 19)
                if (s, e) in seen or not spans.free(s, e) or self._no_bare_person(text[s:e].split()) \
                        or one_word and " " in text[s:e]:
                    continue
                seen.add((s, e))
                spans.append(self._listed_person(text, s, e))

    @staticmethod
    def _listed_person(text: str, s: int, e: int) -> Candidate:
        """A person no rule named, found by ``link.person-list`` at text[s:e]."""
        name = text[s:e]
        return Candidate(s, e, "PERSON", f"person:new:{slug(name)}", name, method="pattern", score=0.6,
                         rule="link.person-list")

    def _team_remarks(self, text: str, spans: Ledger) -> None:
        """Linker ``link.person-list``: a name of two to four capitalised words, then in brackets a team's word and
        a name ("Tú Hảo (team Lan Khuê)", "Phương Liên (đội HLV Ngọc Sơn)"; ``grammar_team_remark_words``), is a
        talent show's contestant and her coach: both are people where no rule found anything, when the coach's name
        ends the bracket and is a person or a list item's shape (not a place or a club a rule found: "(đội Hà Nội)").
        A capitalised word before a contestant of three words that is no family name opens the sentence ("Khác
        Phương Liên": unlike her); the people found seed the lists they stand in (issue-14V21, batches 13 and 21)."""
        for m in self._team_remark_re.finditer(text):
            coach = self._name_run(text, m.end(), len(text), 4)
            if coach is None or text[coach[1]:coach[1] + 1] != ")":
                continue
            known = next((a for a in spans if a.start == coach[0] and a.end == coach[1]), None)
            if known is not None and known.type != "PERSON" or known is None and not self._list_item(
                    text, coach[0], coach[1], spans):
                continue
            found = [] if known is not None else [coach]
            run = self._trim_lead(text, self._run_before(text, m.start()))
            if run is not None:
                words = text[run[0]:run[1]].split()
                if len(words) >= 3 and words[0] not in self.rules.surnames:
                    run = (run[0] + len(words[0]) + 1, run[1])
                if spans.free(run[0], run[1]) and self._list_item(text, run[0], run[1], spans):
                    found.append(run)
            for s, e in found:
                if self._no_bare_person(text[s:e].split()):
                    continue
                spans.append(self._listed_person(text, s, e))

    def _person_lists_again(self, doc: Document, per_para: dict[int, Ledger], sport: bool) -> None:
        """``_person_lists`` once more over each paragraph, with the people the names model added, for the
        one-word players only: a longer run there is as often a place or a phrase the names model left ("Monte
        Carlo", "Theo Trương Hằng", "Gò Quy": batches 13, 18, 19)."""
        for para in doc.paragraphs:
            self._person_lists(para.text, per_para[para.index], one_word=True)
        if sport:
            self._players_by_cue(doc, per_para)
            self._initialled_players(doc, per_para)
            self._lineup_players(doc, per_para)

    def _players_by_cue(self, doc: Document, per_para: dict[int, Ledger]) -> None:
        """In sport news (``club_sport_words``), one word of a foreign name's shape (``lone_name``) that nothing
        names, right after a match report's cue for a player (``player_cues``: "thay thế bằng Kulusevski", "Phút 24,
        Pessina", "giúp cho Ogashiwa san bằng", "công của Pulisic", "bổ sung Claudecir") and with no capitalised word
        after it, is a player named by his family name alone (issue-14F21, batches 4, 15, 20 and 21). Not a word the
        gazetteer names (a club, a town), nor in other news (the caller tells): there a signing or a substitute is as
        often a product."""
        for para in doc.paragraphs:
            spans, text = per_para[para.index], para.text
            for m in self._player_cue_re.finditer(text):
                s, e = m.span("name")
                name = m.group("name")
                if not self.rules.lone_name.fullmatch(name) or not spans.free(s, e) or self.names.get(fold(name)):
                    continue
                spans.append(self._listed_person(text, s, e))

    def _lineup_players(self, doc: Document, per_para: dict[int, Ledger]) -> None:
        """In sport news, a paragraph that is a match report's line-up (``lineup_heads``: "Man City: Steffen, Walker,
        Dias, …", "Dự bị: Ederson, Ake, Jesus, …", "Man Utd (4-2-3-1): Henderson; Wan-Bissaka, …") names its players:
        each item of one to four capitalised words that no rule named is one (issue-14A28, batches 4, 9, 11, 12, 16,
        20, 30: the line-up is often the only place a substitute is named), and so does a line of the match's facts
        under its head ("Bàn thắng: Correa 39, Carrasco 80", "Thẻ vàng: Torres, Capoue"). The team before the colon
        must be a club or a country a rule found whole or have its formation after it ("Paris Saint Germain(4-3-3)"),
        else the line opens with a line-up's own head; three names or more after a team (one after a head), and three
        in four of the capitalised items names, else it is an address or a sentence. An item a rule found keeps its
        kind (a club, a country), and an item the gazetteer names as something else stays out."""
        for para in doc.paragraphs:
            spans, text = per_para[para.index], para.text
            m = self._lineup_re.match(text)
            if m is None or m.group("team") is not None and not m.group("formation") and not any(
                    a.start == 0 and a.end == m.end("team") and a.type in ("ORG", "GPE") for a in spans):
                continue
            # a remark in lower case is no item ("Pepe 73 (pen)", "Marquinhos (c)"); a line of facts under a head
            # may name one player ("Bàn thắng: Pulisic 14"), a team's line-up names three or more
            items = [(s, e) for s, e in _lineup_items(text, m.end()) if text[s].isupper()]
            named = [(s, e) for s, e in items if self._lineup_name(text[s:e].split())]
            if len(named) < (3 if m.group("team") is not None else 1) or 4 * len(named) < 3 * len(items):
                continue
            for s, e in named:
                name = text[s:e]
                if spans.free(s, e) and not self.names.get(fold(name)) and not self._no_bare_person(name.split()):
                    spans.append(self._listed_person(text, s, e))

    def _lineup_name(self, words: list[str]) -> bool:
        """One to four capitalised words, no number nor acronym among them; one word alone of a foreign family
        name's shape (``lineup_one_word``: "Ake", "Son", "Ínsua")."""
        if len(words) == 1:
            return self._lineup_one_re.fullmatch(words[0]) is not None
        return 2 <= len(words) <= 4 and all(
            w[:1].isupper() and not any(c.isdigit() for c in w) and not (len(w) >= 2 and w.isupper()) for w in words)

    def _initialled_players(self, doc: Document, per_para: dict[int, Ledger]) -> None:
        """In sport news, a capital and its dot glued to one word of a foreign name's shape ("P.Alcacer", "A.Vidal",
        "C.Ronaldo"; ``player_initial``) is a player named by his initial and family name (issue-14K25, batches 21
        and 25): a person found by the family name alone grows over the initial and keeps its entity (the initial is
        how the article names him); where nothing was found, he is a person of his own. Not a word the gazetteer gives
        another kind ("V.League"), nor a middle initial after a person's given name ("George W.Bush")."""
        for para in doc.paragraphs:
            spans, text = per_para[para.index], para.text
            for m in self._player_initial_re.finditer(text):
                (s, e), name = m.span(), m.group("name")
                if not self.rules.lone_name.fullmatch(name) or any(a.type == "PERSON" and a.end == s - 1 for a in spans):
                    continue
                inside = [a for a in spans if a.start < e and s < a.end]
                if not inside:
                    if not self.names.get(fold(name)):
                        spans.append(self._listed_person(text, s, e))
                elif len(inside) == 1 and inside[0].type == "PERSON" and (inside[0].start, inside[0].end) == (m.start("name"), e):
                    spans.remove(inside[0])
                    spans.append(replace(inside[0], start=s, rule="link.person-list"))

    def _titled_lone_name(self, text: str, a: Candidate) -> bool:
        """A one-word foreign name after a title or a person's noun that is no head's title (``lone_name``,
        ``lone_name_not_after``): the person ``_resolve_one_word`` will name."""
        title = a.title.lower()
        return bool(title) and self.rules.lone_name.fullmatch(text[a.start:a.end]) is not None and not any(
            title == t.lower() or title.startswith(t.lower() + " ") for t in self.rules.lone_name_not_after)

    def _org_lists(self, text: str, spans: Ledger) -> None:
        """Linker ``link.org-list``: a list of three or more names ("A, B, C và D") two of which are
        bodies the rules found and none a place, a person or any other kind, is a list of bodies:
        each item that is a Latin-script name of one to four words becomes a body, over the places
        or people a rule saw in it ("Canon, Panasonic, Tokyo Gas, Idemitsu, Taiyo Nippon Sanso,
        Mitsubishi UFJ Leasing": "Tokyo" is no place there, "Fast Retail" no person)."""
        if not any(a.type == "ORG" for a in spans):
            return  # no item can be a body a rule found: the lists are not read (most paragraphs)
        for items in self._comma_lists(text):
            kinds = [self._item_kind(text, s, e, spans) for s, e in items]
            if len(items) < 3 or kinds.count("ORG") < 2 or "other" in kinds:
                continue
            for (s, e), kind in zip(items, kinds):
                if kind != "foreign":
                    continue
                for a in [a for a in spans if a.start < e and s < a.end]:
                    spans.remove(a)
                name = text[s:e]
                ids = self.names.get(fold(name))
                spans.append(self._span_for(self._pick(ids, ""), s, e) if ids else Candidate(
                    s, e, "ORG", f"org:new:{slug(name)}", name, method="pattern", score=0.5, rule="link.org-list"))

    def _comma_lists(self, text: str) -> list[list[tuple[int, int]]]:
        """The lists of a paragraph as the spans of their items: runs of capitalised words joined by
        ", " or " và ", each item between two joints a whole run (the first item is the run that
        ends at its joint, the last one the run that starts at its joint)."""
        lists: list[list[tuple[int, int]]] = []
        current: list[tuple[int, int]] = []
        for m in self._list_joint_re.finditer(text):
            # The run after the joint first: where none starts (most joints) the list ends here whatever stands
            # before it, and the run before is not read (it could only open a list of one item).
            after = self._name_run(text, m.end(), len(text), 4)
            before = self._trim_lead(text, self._run_before(text, m.start())) if after is not None else None
            if before is None or (current and current[-1] != before):
                lists.append(current)
                current = [] if before is None else [before]
            elif not current:
                current = [before]
            if before is None:
                lists.append(current)
                current = []
            else:
                current.append(after)
        lists.append(current)
        return [items for items in lists if len(items) >= 2]

    def _trim_lead(self, text: str, run: tuple[int, int] | None) -> tuple[int, int] | None:
        """A list's first item without the capitalised function words opening its sentence ("Theo
        Reuters", "Các CLB West Brom", "Ngoài Barcelona")."""
        if run is None:
            return None
        s, e = run
        plural = False
        for w in text[s:e].split()[:-1]:
            low = w.lower()
            # after a plural the club's noun is the list's, not its first club's ("Các CLB West Brom, Fulham")
            club = plural and w in self.grammar["plural_place_heads"]
            if low not in self.rules.stop_words and low not in self.rules.verbs and w not in self.rules.plural_determiners \
                    and not club:
                break
            plural = w in self.rules.plural_determiners
            s += len(w) + 1
        return s, e

    @staticmethod
    def _item_kind(text: str, s: int, e: int, spans: Ledger) -> str:
        """"ORG": a body a rule found is the whole item; "other": a mention of another kind is the whole
        item (a place, a person by title) or an item of Vietnamese words; "foreign": a Latin-script
        name of one to four words that no rule found whole but by a foreign name's form."""
        # a body found over the item and beyond it keeps its name: the list's joints cut "Dolce & Gabbana"
        # before "&" (batch 12), and the item is but a piece of it
        if any(a.type == "ORG" and a.start <= s and e <= a.end for a in spans):
            return "ORG"
        whole = next((a for a in spans if a.start == s and a.end == e), None)
        words = text[s:e].split()
        if any(w.endswith(".") for w in words[:-1]):
            return "other"  # a sentence ends inside: "European Super League. Atletico"
        latin = 1 <= len(words) <= 4 and all(_FOREIGN_WORD.fullmatch(w) or (w.isupper() and w.isalpha()) for w in words)
        if whole is not None and not (latin and whole.rule in ("pattern.foreign-name", "pattern.foreign-person")):
            return "other"
        return "foreign" if latin else "other"

    def _list_item(self, text: str, s: int, e: int, spans: Ledger) -> bool:
        """Two to four capitalised words (or one foreign name) no mention covers, that no title, head word
        or word that opens no name opens, and that end where a list item ends."""
        words = text[s:e].split()
        # one word only of a foreign name's shape (``lone_name``) in a paragraph about players (a word of the game,
        # ``club_sport_words``): a player named by his family name beside a team-mate ("cặp tiền đạo Dybala và
        # Morata"); elsewhere one word listed with people is as often a film, a band, a product or a genre ("Baaghi,
        # Saaho", "Coldplay", "Robot"; "HLV" and the words of club_town_sport_words are a talent show's too:
        # "Bolero"), and a Vietnamese given name alone stays a reference
        one = len(words) == 1 and self.rules.lone_name.fullmatch(words[0]) is not None \
            and self._club_sport_re.search(text) is not None
        # a syllable that opens bodies' names also opens a given name of two listed with people ("Hữu Quý, Văn Nam,
        # Xuân Nam": person_noun_name_starts), unless a body's head starts there or its second word opens one too
        # ("Liên Đoàn Xiếc"; issue-14V21)
        given = len(words) == 2 and words[1] not in self.rules.not_name_start and self._given_name(text, (s, e), True)
        if not (one or 2 <= len(words) <= 4) or self._title_re.match(text, s) or words[0] in self.rules.not_name_start \
                and not given:
            return False
        if any(any(c.isdigit() for c in w) or (len(w) >= 2 and w.isupper()) or (w.endswith(".") and len(w) > 2)
               for w in words):
            return False  # a number, an acronym, or a sentence's end inside ("… Dragon Lord. Song")
        # a player alone may end a list before its verb, no punctuation after him ("Marco Reus, Barnardo Silva và
        # Vitolo cũng được …"; issue-14A28); a Vietnamese syllable stays out (lone_name: "Văn Toàn và Nam ghi bàn")
        ends = self._list_item_end_re.match(text, e) is not None or one and text[e:e + 1] == " " \
            and text[e + 1:e + 2].islower()
        return ends and not overlaps(s, e, spans)

    def _list_after(self, text: str, pos: int, starts: dict, spans: Ledger, found: list) -> bool:
        """Items after a person, to the list's end; True when the list holds something else."""
        while (m := self._list_joint_re.match(text, pos)) is not None:
            q = m.end()
            hit = starts.get(q)
            if hit is not None:
                if hit.type != "PERSON":
                    return True
                pos = hit.end
                continue
            run = self._name_run(text, q, len(text), 4)
            if run is None or not self._list_item(text, run[0], run[1], spans):
                return False
            found.append(run)
            pos = run[1]
        return False

    def _list_before(self, text: str, pos: int, ends: dict, spans: Ledger, found: list) -> bool:
        """Items before a person, to the list's start; True when the list holds something else."""
        while (m := self._list_joint_before_re.search(text, 0, pos)) is not None:
            q = m.start()
            hit = ends.get(q)
            if hit is not None:
                if hit.type != "PERSON":
                    return True
                pos = hit.start
                continue
            # the list's first item without the sentence before it and the function words opening its own ("Cùng
            # Ngắm Mưa Sao Băng. Cùng Dương Tử, Quan Hiểu Đồng": Dương Tử; issue-14V21)
            run = self._trim_lead(text, self._sentence_tail(text, self._run_before(text, q)))
            if run is None or not self._list_item(text, run[0], run[1], spans):
                return False
            found.append(run)
            pos = run[0]
        return False

    @staticmethod
    def _sentence_tail(text: str, run: tuple[int, int] | None) -> tuple[int, int] | None:
        """The words of a capitalised run after the last full stop inside it (a title of a film ends a sentence,
        the next opens with a list); the run itself when none is."""
        if run is None:
            return None
        cut = text.rfind(". ", run[0], run[1])
        return run if cut < 0 else (cut + 2, run[1])

    @staticmethod
    def _run_before(text: str, end: int) -> tuple[int, int] | None:
        """The capitalised words ending at ``end``, after a lower-case word or punctuation."""
        words = list(_WORD.finditer(text, max(0, end - 80), end))
        start = None
        for w in reversed(words):
            if w.end() != (end if start is None else start - 1) or not w.group()[:1].isupper():
                break
            start = w.start()
        return None if start is None else (start, end)

    def _sentence_day(self, text: str, s: int, e: int, day: str) -> str:
        """The day a title is held on: the date of its own sentence when it gives one ("Tháng 3/2014,
        Thủ tướng Chính phủ đã ký …" is 2014's prime minister), else the article's. A range, a
        date after the article's or a bare year (a target, a period) does not date the title."""
        lo = max((m.end() for m in _SENTENCE_BREAK.finditer(text, 0, s)), default=0)
        hi = next((m.start() for m in _SENTENCE_BREAK.finditer(text, e)), len(text))
        for d in find_dates(text[lo:hi], dt.date.fromisoformat(day)):
            if d.precision in ("day", "month") and not d.date_end and d.date <= day:
                return d.date if d.precision == "day" else d.date + "-15"
        return day

    def _listed_office(self, text: str, s: int) -> bool:
        """A title listed with other offices or bodies after a word of ``tenure_not_after`` ("của Chính
        phủ và Thủ tướng Chính phủ", "bầu Chủ tịch nước, Phó Chủ tịch nước, Thủ tướng"): the office too."""
        for m in self._tenure_after_re.finditer(text, max(0, s - 160), s):
            items = text[m.end():s]
            if self._tenure_items_re.fullmatch(items) and all(
                    item[:1].isupper() for item in self._tenure_joint_re.split(items) if item):
                return True
        return False

    def _tenure(self, text: str, office: tuple[int, int, tuple[int, ...]], spans: Ledger, day: str) -> None:
        """Linker ``link.tenure``: a title without a name is the office-holder on its sentence's
        day; the person's span goes over the title, and a body named inside it gives way."""
        s, e, idx = office
        if any(a.type == "PERSON" and a.start < e and a.end > s for a in spans):
            return
        before = text[:s].split()
        if before and before[-1].lower() in self.rules.tenure_not_after or self._listed_office(text, s) \
                or any(text.startswith(o, s) and not text[s + len(o):s + len(o) + 1].isalnum() for o in self.rules.tenure_offices):
            return
        when = self._sentence_day(text, s, e, day)
        holders = {self.gaz.offices[i].person_id for i in idx if self.gaz.offices[i].held_on(when)}
        if len(holders) == 1:
            entry = self.gaz.entries[holders.pop()]
            span = self._span_for(entry, s, e, method="tenure", score=self.config.tenure_score)
            span.title, span.rule = text[s:e], "link.tenure"
            spans[:] = [a for a in spans if not (a.start >= s and a.end <= e and a.type == "ORG")] + [span]

    # -- streets named after people -------------------------------------------------------
    def _streets_by_name(self, doc: Document, per_para: dict[int, Ledger]) -> None:
        """A name the document gives to a street or square by its head word ("phố Tạ Hiện", "đường
        Trần Hưng Đạo") is that street where it stands bare too ("các phố như Tạ Hiện, Lương Ngọc
        Quyến"), not the person a rule found by its form (rule ``link.coreference``); a person the
        gazetteer knows, or one with a title, stays a person. So is a commune or town the document names by
        its unit ("xã Trà Leng", "thị trấn Long Giao"; issue-14T14: batches 11 and 17) where it stands bare
        ("vụ sạt lở làm xóa sổ một thôn của Trà Leng")."""
        streets: dict[str, Candidate] = {}
        for para in doc.paragraphs:
            for a in per_para[para.index]:
                if a.type not in ("LOC", "GPE"):
                    continue
                mention = para.text[a.start:a.end]
                head = next((h for h, t in self._place_heads_longest if t == a.type and mention.lower().startswith(h)), "")
                name = mention[len(head):]
                if head and name[:1].isupper():
                    streets.setdefault(name, a)
        if not streets:
            return
        for para in doc.paragraphs:
            spans = per_para[para.index]
            for a in [a for a in spans if a.type == "PERSON" and a.entity_id.startswith("person:new:") and not a.title]:
                street = streets.get(para.text[a.start:a.end])
                if street is not None:
                    spans[:] = [b for b in spans if b is not a] + [Candidate(
                        a.start, a.end, street.type, street.entity_id, street.canonical, method="coref", score=0.7)]

    def _address_streets(self, doc: Document, per_para: dict[int, Ledger]) -> None:
        """A name after a house number is the street of an address, not a person ("trú tại 314 Bùi
        Thị Xuân, TP Huế", "đến số 6 Phạm Văn Bạch, Yên Hòa") (rule ``link.address``): a person a
        rule found by the form of the name alone, without a title, before a comma or a bracket."""
        for para in doc.paragraphs:
            spans, text = per_para[para.index], para.text
            places = {a.start: a.end for a in spans if a.type == "GPE"}
            for a in [a for a in spans if a.type in ("PERSON", "GPE")]:
                if self._street_of_address(text, a, set(places)):
                    name = text[a.start:a.end]
                    spans[:] = [b for b in spans if b is not a] + [Candidate(
                        a.start, a.end, "LOC", f"loc:new:{slug(name)}", name, method="pattern", score=0.6)]
                elif self._item_of_address(text, a, places):
                    # a street bears a person's name ("Lý Thái Tổ"); a commune between units does not ("Ia Kreng")
                    name = text[a.start:a.end]
                    kind = "LOC" if name.split()[0] in self.rules.surnames else "GPE"
                    spans[:] = [b for b in spans if b is not a] + [Candidate(
                        a.start, a.end, kind, f"{kind.lower()}:new:{slug(name)}", name, method="pattern", score=0.6)]

    def _item_of_address(self, text: str, a: Candidate, places: dict[int, int]) -> bool:
        """A person found by the form of the name alone that is an item of an address: two places follow it
        as the next items ("59 Lý Thái Tổ - Hoàn Kiếm - Hà Nội", "Nguyễn Chí Thanh, Phường An Bình, Buôn Hồ",
        "xã Ia Mơ Nông, Ia Kreng, thị trấn Ialy, huyện Chư Păh"), or it opens a bracket that one place closes
        ("(Lương Ngọc Quyến, Hoàn Kiếm)"); ``places``: the places the rules found, start -> end (issue-14T14)."""
        if a.type != "PERSON" or not a.entity_id.startswith("person:new:") or a.title:
            return False
        if not self._opens_address_item(text, a.start, places):
            return False  # "động viên Mẹ Việt Nam Anh hùng Trần Thị Tư, thành phố Phan Thiết, Bình Thuận": a person
        first = self._address_item_re.match(text, a.end)
        end = places.get(first.end()) if first else None
        if end is None:
            return False
        if text.startswith(")", end) and text[:a.start].endswith("("):
            return True
        second = self._address_item_re.match(text, end)
        return second is not None and second.end() in places

    def _street_of_address(self, text: str, a: Candidate, places: set[int]) -> bool:
        """A person found by the form of the name alone after "tại 314 ", or a person or a place of the
        gazetteer after a bare house number when a ward or district follows ("183 Nguyễn Lương Bằng, quận
        Đống Đa", "475A Điện Biên Phủ, Phường 25"), and a person so found when a place the rules found follows
        as the address's next item or the one after ("198 Trần Quang Khải, Hà Nội", "Số 215 Phan Đăng Lưu,
        Khuê Trung, Cẩm Lệ"; ``places``: where they start): the street of an address."""
        person = a.type == "PERSON" and a.entity_id.startswith("person:new:") and not a.title
        if person and text.startswith((",", " ("), a.end) \
                and self._house_number_re.search(text, max(0, a.start - 30), a.start):
            return True
        if not (person or a.type == "GPE") or self._bare_house_number_re.search(text[max(0, a.start - 12):a.start]) is None:
            return False
        if self._ward_after_re.match(text, a.end) is not None:
            return True
        items = self._address_items_re.match(text, a.end) if person else None  # (a unit of a list stays one)
        return items is not None and any(i in places for i in (items.start(1), items.start(2)) if i >= 0)

    def _opens_address_item(self, text: str, start: int, places: dict[int, int]) -> bool:
        """What stands before ``start`` since the clause opened (a colon, a bracket, a line) is nothing, a house
        or lot number ("59 ", "Lô 5+6, Khu công nghiệp Lai Xá, "), or a place the rules found and a comma
        ("xã Ia Mơ Nông, "): ``start`` opens an item of an address."""
        clause = self._address_clause_re.search(text, max(0, start - 60), start)
        if clause is None:
            return False
        before = clause.group(1)
        return not before.strip() or any(c.isdigit() for c in before) or (
            before.endswith(", ") and any(e == start - 2 for e in places.values()))

    def _clubs_by_place(self, doc: Document, per_para: dict[int, Ledger], whole: str, sport: bool) -> None:
        """A club the document names after its place ("CLB Hà Nội", "Hà Nội FC") is what the bare
        place means in that document ("CLB Hà Nội thua Bình Định"), but after a word that makes it
        the place ("tại Hà Nội", "tỉnh Quảng Nam") (rule ``link.club-place``)."""
        self._clubs_by_sport(doc, per_para, whole, sport)
        if sport:
            self._sport_events(doc, per_para)
            self._youth_competitions(doc, per_para)
        clubs: dict[str, Candidate] = {}
        for para in doc.paragraphs:
            for a in per_para[para.index]:
                if a.type == "ORG" and a.entity_id:
                    place = self._club_place(para.text[a.start:a.end])
                    # a province or city of the gazetteer ("gpe:vn-ha-noi"), not a country ("6 CLB Anh")
                    if place and any(i.startswith("gpe:") and "-" in i for i in self.names.get(fold(place), ())):
                        clubs.setdefault(place, a)
        if sport:
            self._clubs_by_match(doc, per_para, clubs)
        if not clubs:
            return
        for para in doc.paragraphs:
            spans, text = per_para[para.index], para.text
            for a in [a for a in spans if a.type == "GPE" and text[a.start:a.end] in clubs]:
                if self._after_place_cue(text, a.start) or self._in_place_list(text, a.start) or any(
                        b.type == "ORG" and b.start <= a.start and a.end <= b.end for b in spans):
                    continue  # the place itself ("tại Hà Nội"), or the place inside a body's name
                club = clubs[text[a.start:a.end]]
                spans[:] = [b for b in spans if b is not a] + [Candidate(
                    a.start, a.end, "ORG", club.entity_id, club.canonical, club.acronym, method="coref", score=0.7)]

    def _youth_competitions(self, doc: Document, per_para: dict[int, Ledger]) -> None:
        """In sport news an age limit's head before an area, the world or "quốc tế", "quốc gia" ("VCK U16 châu Á 2016",
        "giải U20 Thế giới", "U19 quốc tế"; ``youth_competition_*``) names a competition, no team: EVENT, over the team
        or the run a rule made of it ("U16 châu Á 2016" ORG; issue-14D34, batches 25 and 35, EVENT in the gold). A
        country after the head stays the team ("U23 Việt Nam"); a span of another kind over it stays, and so does a
        competition found over it whole ("VCK U23 châu Á 2020", the gazetteer's)."""
        for para in doc.paragraphs:
            spans, text = per_para[para.index], para.text
            for m in self._youth_competition_re.finditer(text):
                s, e = m.span()
                over = [a for a in spans if a.start < e and s < a.end]
                if any(a.type not in ("ORG", "EVENT") or (a.type == "ORG" and a.method == "gazetteer")
                       or (a.type == "EVENT" and a.start <= s and e <= a.end) for a in over):
                    continue  # another kind's span, a known team, or the competition found whole already
                name = m.group()
                spans[:] = [a for a in spans if all(a is not b for b in over)] + [Candidate(
                    s, e, "EVENT", f"event:new:{slug(name)}", name, method="pattern", score=0.7)]

    def _sport_events(self, doc: Document, per_para: dict[int, Ledger]) -> None:
        """In sport news, a competition named by a word other news means otherwise ("Euro", the currency elsewhere;
        ``sport_event_names``), with its year, is that competition where nothing was found, but after an amount
        ("50 triệu Euro") (rule ``link.club-place``; issue-14K25, batches 17, 21, 23, 25)."""
        ids = self.grammar["sport_event_names"]
        for para in doc.paragraphs:
            spans, text = per_para[para.index], para.text
            for m in self._sport_event_re.finditer(text):
                entry = self.gaz.entries.get(ids[m.group("name")])
                if entry is None or self._amount_before_re.search(text, 0, m.start()) or not spans.free(*m.span()):
                    continue
                spans.append(self._span_for(entry, *m.span(), method="pattern", score=0.9))

    def _clubs_by_sport(self, doc: Document, per_para: dict[int, Ledger], whole: str, sport: bool) -> None:
        """The club linkers that first ask whether the document (``whole``, its words) is sport news: imported clubs
        named by their town dropped outside it, kept whole and by their town in it."""
        town_sport = self._club_town_sport_re.search(whole) is not None
        if not town_sport:
            self._drop_town_clubs(doc, per_para)
        # read once: the club linkers below change no person
        people = self._people_words(doc, per_para)
        if town_sport:
            self._imported_clubs_in_sport(doc, per_para, people)
        if sport:
            self._town_clubs_in_sport(doc, per_para, people)

    def _drop_town_clubs(self, doc: Document, per_para: dict[int, Ledger]) -> None:
        """Outside sport news (no word of the game in the document, ``club_town_sport_words``; the caller tells), an
        imported club named by one word,
        its town's name ("Nice", "Metz", "Newcastle"), is no club: the town, or a university or palace of
        it ("vụ tấn công ở Nice", "Đại học Newcastle" cut). Hand rows ("Valencia") keep their own say."""
        for para in doc.paragraphs:
            spans, text = per_para[para.index], para.text
            spans[:] = [a for a in spans if not (a.type == "ORG" and (a.entity_id or "").startswith(CLUB_ID_PREFIX)
                                                 and " " not in text[a.start:a.end].strip())]

    def _imported_clubs_in_sport(self, doc: Document, per_para: dict[int, Ledger], people: set[str]) -> None:
        """In sport news (``club_town_sport_words``), a club of the football import that org.csv does not hold, named
        whole ("Watford đánh bại Millwall", "Bournemouth, Barnsley cũng …", "đội hình Consadole Sapporo"; batches 21
        and 23), is that club: no capitalised word right before it but a club's noun ("Danny Rose", "Aston Villa"),
        none right after ("Athletic Club"), no other span over it but a place the club's name holds or is
        ("Sapporo", "tỉnh Dunfermline"). ``people``: the words of the document's persons."""
        if self._imported_club_re is None:
            return
        for para in doc.paragraphs:
            spans, text = per_para[para.index], para.text
            for m in self._imported_club_re.finditer(text):
                s, e = m.span()
                if m.group() in people:
                    continue  # "cho Rose lao vào": the fighter "Rose Namajunas" (an alias of "Bonnyrigg Rose")
                if not self._whole_run(text, s, e):
                    continue
                over = [a for a in spans if a.start < e and s < a.end]
                if any(a.type != "GPE" or a.start < s or a.end > e for a in over):
                    continue
                entry = self._imported_clubs[m.group()]
                spans[:] = [a for a in spans if all(a is not b for b in over)] + [
                    replace(self._span_for(entry, s, e, method="gazetteer", score=0.8), rule="link.club-place")]

    def _town_clubs_in_sport(self, doc: Document, per_para: dict[int, Ledger], people: set[str]) -> None:
        """In sport news a foreign town that names one club with a club's prefix or suffix ("RB Leipzig", "Genoa CFC",
        ``club_town_prefixes``), written bare in a sentence about a match with another body or a league ("trận đấu giữa PSG
        với Leipzig", "chiến thắng trước Genoa"), is that club, and so is the town bare in the rest of the document;
        not after a place's word ("tại Leipzig"), not a word of a person's name the document gives (``people``: "Lewis
        Hamilton"). The caller tells sport news (``club_sport_words``)."""
        if self._town_club_re is None:
            return
        found = [(para, m) for para in doc.paragraphs for m in self._town_club_re.finditer(para.text)
                 if self._bare_club_at(para.text, m.start(), m.end(), per_para[para.index])]
        towns = {m.group() for para, m in found if m.group() not in people and self._in_match_with_body(para, m, per_para)}
        for para, m in found:
            if m.group() in towns:
                spans = per_para[para.index]
                spans[:] = [a for a in spans if not (a.start < m.end() and m.start() < a.end)] + [replace(
                    self._span_for(self._town_clubs[m.group()], m.start(), m.end(), "coref", 0.7), rule="link.club-place")]

    @staticmethod
    def _people_words(doc: Document, per_para: dict[int, Ledger]) -> set[str]:
        """The words of the persons the document names: a club's name among them is that person's there."""
        return {w for para in doc.paragraphs for a in per_para[para.index] if a.type == "PERSON"
                for w in para.text[a.start:a.end].split()}

    def _whole_run(self, text: str, s: int, e: int) -> bool:
        """No capitalised word right before ``s`` but a club's noun ("Danny Rose", "Aston Villa" are no club), none
        or no number right after ``e`` ("Athletic Club")."""
        before, after = text[max(0, s - 30):s].split(), text[e:e + 2]
        return not (before and text[s - 1] == " " and before[-1][:1].isupper() and before[-1][-1].isalnum()
                    and before[-1] not in self.rules.club_heads
                    or after[:1] == " " and (after[1:].isupper() or after[1:].isdigit()))

    def _bare_club_at(self, text: str, s: int, e: int, spans: Ledger) -> bool:
        """A whole run, not after a place's word or "thành", with no span over it but a place that is it."""
        before = text[max(0, s - 30):s].split()
        if not self._whole_run(text, s, e) or before and before[-1] in self.grammar["club_town_not_after"]:
            return False
        return not self._after_place_cue(text, s) and all(
            a.type == "GPE" and a.start == s and a.end == e for a in spans if a.start < e and s < a.end)

    def _in_match_with_body(self, para: Paragraph, m: re.Match[str], per_para: dict[int, Ledger]) -> bool:
        """The sentence of ``m`` is about a match (``club_match_words``) and names another body or a league."""
        sentence = next((s for s in para.sentences if s.start <= m.start() < s.end), None)
        return sentence is not None and self._club_match_re.search(sentence.text) is not None and any(
            a.type in ("ORG", "EVENT") and sentence.start <= a.start < sentence.end and a.start != m.start()
            for a in per_para[para.index])

    def _clubs_by_match(self, doc: Document, per_para: dict[int, Ledger], clubs: dict[str, Candidate]) -> None:
        """In sport news (a word of the game anywhere in the document: "bàn thắng", "V-League"), a bare
        Vietnamese province or city in a sentence about a match ("Khánh Hòa đánh bại Phú Thọ", "mở tỷ số cho
        Hải Phòng") or on either side of a fixture's dash ("Quảng Nam - Đắk Lắk") is the club named after
        it, and so is the same bare name in the rest of the document (``clubs``; rule ``link.club-place``).
        It is the club the document names with a sponsor ("Becamex Bình Dương" for "Bình Dương"), else a
        club of its own, never the province's id: the gold types it ORG. The caller tells sport news."""
        sponsored = self._sponsored_clubs(doc, per_para)
        by_id: dict[str, Candidate] = {}
        for para in doc.paragraphs:
            spans, text = per_para[para.index], para.text
            for a in spans:
                place = text[a.start:a.end]
                if place in clubs or not self._home_place(a) or self._after_place_cue(text, a.start) \
                        or self._in_place_list(text, a.start) \
                        or self._club_origin_re.search(text, max(0, a.start - 12), a.start) or any(
                        b.type == "ORG" and b.start <= a.start and a.end <= b.end for b in spans):
                    continue
                sentence = next((s for s in para.sentences if s.start <= a.start < s.end), None)
                in_match = sentence is not None and self._club_match_re.search(sentence.text) is not None
                if in_match or self._in_fixture(text, a, spans):
                    clubs[place] = by_id[a.entity_id] = sponsored.get(place) or self._known_club(place, a) \
                        or Candidate(a.start, a.end, "ORG", f"org:new:club-{slug(place)}", place, method="pattern",
                                     score=0.6)
        # the same place written otherwise is the same club there ("TP Hồ Chí Minh", then "TP.HCM")
        for para in doc.paragraphs:
            for a in per_para[para.index]:
                if a.type == "GPE" and a.entity_id in by_id:
                    clubs.setdefault(para.text[a.start:a.end], by_id[a.entity_id])

    def _known_club(self, place: str, a: Candidate) -> Candidate | None:
        """The club the gazetteer names after ``place`` with a club's head or suffix ("CLB Hà Nội", "Hà Nội FC")."""
        forms = [f"{head} {place}" for head in self.rules.club_heads] + [f"{place} {s}" for s in self.rules.club_suffixes]
        ids = [i for form in forms for i in self.names.get(fold(form), ()) if self.gaz.entries[i].type == "ORG"]
        return self._span_for(self._pick(ids, ""), a.start, a.end, "coref", 0.7) if ids else None

    def _home_place(self, a: Candidate) -> bool:
        """A place of the home country below the country ("Khánh Hòa", "Cần Thơ"), as the gazetteer types it."""
        entry = self.gaz.entries.get(a.entity_id) if a.type == "GPE" else None
        return entry is not None and entry.country == self.grammar["home_country"] and bool(entry.parent)

    def _in_fixture(self, text: str, a: Candidate, spans: list[Candidate]) -> bool:
        """``a`` on one side of a fixture's dash, a club or a home place on the other ("Viettel - Hải Phòng")."""
        dashes = self.grammar["club_fixture_dashes"]
        return any((b.type == "ORG" or self._home_place(b)) and (
            (a.end <= b.start and text[a.end:b.start].strip() in dashes)
            or (b.end <= a.start and text[b.end:a.start].strip() in dashes)) for b in spans if b is not a)

    def _sponsored_clubs(self, doc: Document, per_para: dict[int, Ledger]) -> dict[str, Candidate]:
        """The gazetteer's clubs the document names whose name ends with a place ("SHB Đà Nẵng", "Becamex
        Bình Dương"), by that place: a club is an entry whose English name ends with a club's suffix ("FC")."""
        found: dict[str, Candidate] = {}
        for para in doc.paragraphs:
            for a in per_para[para.index]:
                entry = self.gaz.entries.get(a.entity_id) if a.type == "ORG" else None
                if entry is None or not entry.english.endswith(tuple(" " + s for s in self.rules.club_suffixes)):
                    continue
                for name in (para.text[a.start:a.end], entry.canonical):
                    words = name.split()
                    for k in range(1, len(words)):
                        tail = " ".join(words[k:])
                        if any(i.startswith("gpe:") and "-" in i for i in self.names.get(fold(tail), ())):
                            found.setdefault(tail, a)
        return found

    def _after_place_cue(self, text: str, start: int) -> bool:
        """A word before ``start`` that makes what follows a place ("tại", "tỉnh", "bóng đá"), but a phrase that
        ends with one and names a holder ("thuộc về Nam Định": ``club_place_cue_exceptions``; issue-14D34, batch 31)."""
        before = text[:start].rstrip()
        if any(_ends_with_word(before, x) for x in self.grammar["club_place_cue_exceptions"]):
            return False
        return any(_ends_with_word(before, cue) for cue in self.rules.club_place_cues)

    def _in_place_list(self, text: str, start: int) -> bool:
        """``start`` opens an item of a list of provinces after their plural noun, a few lower-case words and a joint
        ("các tỉnh, thành phố gồm Tiền Giang, Cần Thơ, Gia Lai (Pleiku) và Bình Thuận": ``club_place_list_openers``,
        ``club_place_list_joints``): the items are the places, no clubs, whatever match the sentence tells
        (issue-14D34, batch 36). Only capitalised words, commas, brackets and ``club_place_list_ands`` between the joint
        and ``start``."""
        openings = list(self._place_list_re.finditer(text, max(0, start - 250), start))
        if not openings:
            return False
        words = re.sub(r"[,()]", " ", text[openings[-1].end():start]).split()
        return all(w[:1].isupper() or w in self.grammar["club_place_list_ands"] for w in words)

    def _club_place(self, surface: str) -> str:
        """The place a club's name is made of ("CLB Hà Nội" -> "Hà Nội"), or ""."""
        for head in self.rules.club_heads:
            if surface.startswith(head + " "):
                return surface[len(head) + 1:]
        for suffix in self.rules.club_suffixes:
            if surface.endswith(" " + suffix):
                return surface[:-len(suffix) - 1]
        return ""

    # -- second pass: bare acronyms and coreference ---------------------------------------
    def _second_pass(self, doc: Document, per_para: dict[int, Ledger], acronyms: dict[str, Candidate],
                     credits: dict[int, list[tuple[int, int]]]) -> None:
        """Coreference across the document: short forms and defined acronyms found again, and
        one-word references ("ông Hà") resolved to the person the document names."""
        self._family_names_over_bodies(doc, per_para)
        self._initialled_names(doc, per_para)
        people = [s for spans in per_para.values() for s in spans if s.type == "PERSON" and s.entity_id]
        short = self._short_forms(doc, per_para)
        forms = [(form, target, target.acronym, "coref", 0.8) for form, target in short.items()]
        forms += [(acr, target, target.acronym or acr, "acronym", 0.9) for acr, target in acronyms.items()]
        for para in doc.paragraphs:
            spans = per_para[para.index]
            spans.rule, spans.reason = "link.acronym-reuse", "the article defines these letters otherwise"
            self._defined_letters(para.text, spans, acronyms)
            spans.rule = "link.coreference"
            self._find_forms(para.text, spans, forms, credits[para.index])
            resolved = [span for span in spans if self._resolve_one_word(span, people, para.text)]
            spans.reason = "a one-word reference to nobody the document names"
            spans[:] = resolved

    def _family_names_over_bodies(self, doc: Document, per_para: dict[int, Ledger]) -> None:
        """The family name of a foreign person the document names in full is that person where it stands
        bare, not the company or medium the gazetteer names by the same word ("Christopher Ford, trợ lý …"
        then "Ford cho biết"; "Michael Bloomberg" then "Bloomberg tốt nghiệp"), but after an organisation's
        noun ("hãng Ford") (rule ``link.coreference``; issue-14F12: typed ORG in batches 14 and 15)."""
        family: dict[str, Candidate] = {}
        for para in doc.paragraphs:
            for a in per_para[para.index]:
                words = para.text[a.start:a.end].split()
                if a.type == "PERSON" and a.method == "pattern" and len(words) >= 2 \
                        and all(_FOREIGN_WORD.fullmatch(w) for w in words):
                    family.setdefault(words[-1], a)
        if not family:
            return
        for para in doc.paragraphs:
            spans, text = per_para[para.index], para.text
            spans.rule = "link.coreference"
            for a in [a for a in spans if a.type == "ORG" and a.rule == "gazetteer" and text[a.start:a.end] in family]:
                if self._org_noun_before_re.search(text[max(0, a.start - 30):a.start]):
                    continue
                person = family[text[a.start:a.end]]
                spans[:] = [b for b in spans if b is not a] + [Candidate(
                    a.start, a.end, "PERSON", person.entity_id, person.canonical, method="coref", score=0.8)]

    @staticmethod
    def _initialled_names(doc: Document, per_para: dict[int, Ledger]) -> None:
        """A foreign person named by an initial and the family name ("D. Trump", "J. Smith") is the person the
        document names in full with that family name and a given name of that letter, not a person of its own
        (rule ``link.coreference``; issue-14F21)."""
        people = [a for spans in per_para.values() for a in spans if a.type == "PERSON" and a.entity_id]
        full = {}
        for a in people:
            words = a.canonical.split()
            if len(words) >= 2 and len(words[0]) > 2:
                full.setdefault((words[0][0], words[-1]), a)
        for a in people:
            words = a.canonical.split()
            target = full.get((words[0][0], words[-1])) if len(words) >= 2 and len(words[0]) == 2 \
                and words[0].endswith(".") else None
            if target is not None and target.entity_id != a.entity_id:
                a.entity_id, a.canonical = target.entity_id, target.canonical

    def _given_names(self, doc: Document, per_para: dict[int, Ledger]) -> None:
        """Linker ``link.given-name``: Vietnamese news names a person in full once ("anh Dương Quang Ngọc",
        "Hoa hậu Phạm Lan Anh") and then by the given name alone, often as the speaker ("“…”, Ngọc chia sẻ",
        "Lan Anh kể"). A PERSON the rules or the names model found as a name of its own whose words are the last
        one or two syllables of exactly one person the article names in full (three words or more, opened by a
        family name) is that person; two persons sharing the given name leave it alone (ambiguous)."""
        owners: dict[str, set[str]] = defaultdict(set)
        canonical: dict[str, str] = {}
        for para in doc.paragraphs:
            for a in per_para[para.index]:
                words = a.canonical.split()
                if a.type == "PERSON" and a.entity_id and a.method != "coref" and len(words) >= 3 \
                        and words[0] in self.rules.surnames:
                    canonical[a.entity_id] = a.canonical
                    for k in (1, 2):  # not an initial ("Nguyễn Ngọc T."): a letter is nobody's given name
                        if all(w.isalpha() and len(w) > 1 for w in words[-k:]):
                            owners[" ".join(words[-k:])].add(a.entity_id)
        if not owners:
            return
        for para in doc.paragraphs:
            spans, text = per_para[para.index], para.text
            for a in [a for a in spans if a.type == "PERSON" and a.entity_id.startswith("person:new:")
                      and a.entity_id not in canonical]:
                start = self._past_address(text[a.start:a.end], owners) + a.start
                ids = owners.get(text[start:a.end], set())
                if len(ids) != 1 or not text[start:start + 1].isupper():
                    continue
                person = next(iter(ids))
                spans[:] = [b for b in spans if b is not a] + [Candidate(
                    start, a.end, "PERSON", person, canonical[person], title=a.title, method="coref",
                    score=0.8)]  # as every coreference
            self._bare_given_names(text, spans, owners, canonical)

    def _short_names(self, doc: Document, per_para: dict[int, Ledger], credits: dict[int, list[tuple[int, int]]]) -> None:
        """Linker ``link.short-name``: news names a foreign person in full once ("Kristen Bell", "Aaron Carter",
        "Jeremy Corbyn") and then by the family name or the given name alone, often as the speaker ("Bell nói với
        tạp chí …", "Theo Carter, …", "thủ lĩnh Công đảng Corbyn khẳng định", "Amy nói với tờ …"; issue-14S17:
        missed statements of batches 5, 20 and 21). Where nothing was found, the bare word standing as a speaker
        (``_short_name_speaks``) that is the first or last word of exactly one foreign person the article names in
        full is that person; a word two persons share ("Kristen" of Kristen Stewart and Kristen Bell) is nobody's.
        A short form the names model found as a person of its own stays one: the gold lists it as an alias, and
        merged, the split person's match is lost and entity precision falls."""
        owners = self._foreign_name_words(doc, per_para)
        for para in doc.paragraphs:
            spans, text = per_para[para.index], para.text
            for word, ids in owners.items():
                if len(ids) != 1:
                    continue
                (person, name), = ids.items()
                for s, e in occurrences(text, word, whole=True):
                    if spans.free(s, e) and not overlaps(s, e, credits[para.index]) and self._short_name_speaks(text, s, e):
                        spans.append(Candidate(s, e, "PERSON", person, name, method="coref", score=0.8))

    def _cited_media(self, doc: Document, per_para: dict[int, Ledger], credits: dict[int, list[tuple[int, int]]]) -> None:
        """Linker ``link.cited-medium``: "Theo Boldsky, …", "Theo Futurism, …", "Theo USNI, …": one Latin-script
        word opening a sentence after a source's word (``grammar_cited_medium_before``) and before a comma, where
        nothing was found, is the medium the news is taken from, an ORG (ANNOTATION.md: a medium cited in the body;
        issue-14L30, batches 18, 23, 24, 31, 32). It runs after link.short-name: a word of a person the article
        names ("Theo Kuo, …" after "Ming-Chi Kuo"), a common given name, a Vietnamese syllable or family name is a
        person's ("Theo Louise, …", "Theo Khoa, …"), never a medium's."""
        opening = self._cited_medium_re
        cited = [(para, m) for para in doc.paragraphs for sent in para.sentences
                 if (m := opening.match(para.text, sent.start, sent.end)) is not None]
        people = self._people_words(doc, per_para) if cited else set()  # read only where a medium may be cited
        for para, m in cited:
            spans, text = per_para[para.index], para.text
            s, e = m.span("name")
            word = m.group("name")
            if word in people or word in self.rules.foreign_given_names or word in self.rules.surnames \
                    or word in self.rules.not_name_start or vietnamese_syllable(word) or self.names.get(fold(word)) \
                    or word in self.rules.generic_acronyms or not spans.free(s, e) \
                    or overlaps(s, e, credits[para.index]) or len(text) - m.end() < _CITED_CLAUSE_CHARS:
                continue
            spans.append(Candidate(s, e, "ORG", f"org:medium:{slug(word)}", word, method="pattern", score=0.6))
        for para in doc.paragraphs:
            self._bare_papers(para.text, per_para[para.index])

    @staticmethod
    def _people_words(doc: Document, per_para: dict[int, Ledger]) -> set[str]:
        """Every word of a person the document names (canonical and as written), and the family name after a foreign
        given name the rules left untagged ("Abel Basti công bố …"): words no cited medium is (``_cited_media``)."""
        people = {w for spans in per_para.values() for a in spans if a.type == "PERSON" for w in a.canonical.split()}
        people |= {w for para in doc.paragraphs for a in per_para[para.index] if a.type == "PERSON"
                   for w in para.text[a.start:a.end].split()}
        people |= {m.group(2) for para in doc.paragraphs for m in _NAME_PAIR.finditer(para.text)
                   if not vietnamese_syllable(m.group(1))}
        return people

    def _bare_papers(self, text: str, spans: Ledger) -> None:
        """Where nothing was found, a paper the gazetteer names with its noun only, bare after its reporter or
        whom one talks to ("PV Thanh Niên nhận thấy", "trao đổi với Đất Việt"; ``grammar_medium_bare_before``):
        that paper. Its name must end there: "Thanh Niên Xung Phong" goes on with a capitalised word."""
        for m in self._medium_bare_re.finditer(text):
            words = _WORD.findall(text, m.end(), m.end() + 40)
            for k in range(min(4, len(words)), 0, -1):
                found = self._bare_media.get(fold(" ".join(words[:k])))
                e = m.end() + len(" ".join(words[:k]))
                if found is None or text[m.end():e] != " ".join(words[:k]):
                    continue
                if (k >= len(words) or not words[k][:1].isupper()) and spans.free(m.end(), e):
                    spans.append(Candidate(m.end(), e, "ORG", found[0], found[1], method="pattern", score=0.6))
                break

    def _foreign_name_words(self, doc: Document, per_para: dict[int, Ledger]) -> dict[str, dict[str, str]]:
        """word -> {person id: canonical} for the first and last words of every foreign person named in full (two
        words or more, each a capitalised Latin word, no Vietnamese family name first) in the document."""
        owners: dict[str, dict[str, str]] = defaultdict(dict)
        for para in doc.paragraphs:
            for a in per_para[para.index]:
                if a.type != "PERSON" or not a.entity_id or a.method == "coref":
                    continue
                for name in {para.text[a.start:a.end], a.canonical}:
                    words = name.split()
                    if len(words) < 2 or words[0] in self.rules.surnames or not all(_FOREIGN_WORD.fullmatch(w) for w in words):
                        continue
                    for w in {words[0], words[-1]}:
                        if len(w) >= 3 and w.isalpha() and not w.isupper() and w not in self.rules.not_name_start:
                            owners[w][a.entity_id] = a.canonical
        return owners

    def _short_name_speaks(self, text: str, s: int, e: int) -> bool:
        """A bare short name where a speaker stands: before a speech verb ("Bell nói với …", given_name_after) or
        after a source's word and before a comma ("Theo Carter, …": ``short_name_before``), never inside a longer
        capitalised run ("Tom Bell", "Công ty Bell")."""
        before = text[:s].split()
        last = before[-1] if before else ""
        if text[e:e + 1] == " " and text[e + 1:e + 2].isupper() \
                or last[:1].isupper() and last not in self.rules.short_name_before and last[-1] not in ".!?:;,\"”":
            return False
        return bool(self.rules.given_name_after.match(text, e)) or (
            last in self.rules.short_name_before and text.startswith(",", e))

    def _past_address(self, name: str, owners: dict[str, set[str]]) -> int:
        """Where the given name starts in a found name opened by a capitalised address (issue-14B15): "Anh Phát
        kể" after "anh Đặng Thành Phát", "“Anh Phúc nói đúng”" of "Ưng Hoàng Phúc"'s wife; the names model and the
        rule of given-name honorifics take "Anh" inside a sentence for the name's first syllable. 0 when the whole
        name is a given name of the article's (a person "… Anh Phát"), or no address opens it."""
        first, _, rest = name.partition(" ")
        if name in owners or first not in self.rules.given_name_before or rest not in owners:
            return 0
        return len(first) + 1

    def _bare_given_names(self, text: str, spans: Ledger, owners: dict[str, set[str]], canonical: dict[str, str]) -> None:
        """Where nothing was found, a given name of one person named in full standing where a name stands:
        after an address ("anh Trung chia sẻ") or before a speech verb ("Đạt kể"); never inside a longer
        capitalised run (a place "Depot Long Bình", a name "Nam Huỳnh Đạo")."""
        for given, ids in owners.items():
            if len(ids) != 1:
                continue
            person = next(iter(ids))
            for s, e in occurrences(text, given, whole=True):
                before = text[max(0, s - 12):s].split() if text[s - 1:s] == " " else []
                address = bool(before) and before[-1] in self.rules.given_name_before
                # a longer capitalised run goes on after it, or began before it (outside an address)
                longer = text[e:e + 1] == " " and text[e + 1:e + 2].isupper() or (
                    bool(before) and not address and before[-1][:1].isupper())
                if not spans.free(s, e) or longer:
                    continue
                if address or self.rules.given_name_after.match(text, e):
                    spans.append(Candidate(s, e, "PERSON", person, canonical[person], method="coref", score=0.8))

    @staticmethod
    def _defined_letters(text: str, spans: Ledger, acronyms: dict[str, Candidate]) -> None:
        """The gazetteer's entry of letters the article defines as another entity of the same type
        gives way to the definition everywhere in the article (rule ``link.acronym-reuse``)."""
        for s in [a for a in spans if a.rule == "gazetteer" and text[a.start:a.end] in acronyms]:
            target = acronyms[text[s.start:s.end]]
            if target.entity_id != s.entity_id and target.type == s.type:
                spans[:] = [a for a in spans if a is not s] + [Candidate(
                    s.start, s.end, target.type, target.entity_id, target.canonical,
                    target.acronym or text[s.start:s.end], method="acronym", score=0.9)]

    def _short_forms(self, doc: Document, per_para: dict[int, Ledger]) -> dict[str, Candidate]:
        """The forms a name found once travels under in the rest of the article."""
        # A company named with its form ("Tập đoàn T&T Group", "Công ty Hòa Phát") is later named
        # without it ("T&T Group cam kết ..."); a short form like an acronym is matched as written.
        short: dict[str, Candidate] = {}
        for para in doc.paragraphs:
            for s in per_para[para.index]:
                if s.type != "ORG" or not s.entity_id:
                    continue
                m = self._company_head_re.match(para.text, s.start, s.end)
                rest = para.text[m.end():s.end] if m else ""
                if rest and rest[:1].isupper() and len(rest) >= 3 and rest.split()[0] not in self.rules.not_name_start:
                    short.setdefault(rest, s)
            # A person or body found once by context ("ông Bob McCooey", "Chủ tịch VNG") is the same
            # name everywhere in the article.
            for s in per_para[para.index]:
                surface = para.text[s.start:s.end]
                if s.entity_id and s.method == "pattern" and (
                        s.type == "PERSON" and " " in surface or s.type == "ORG" and _UNKNOWN_ACRONYM.fullmatch(surface)):
                    short.setdefault(surface, s)
        return short

    @staticmethod
    def _find_forms(text: str, spans: Ledger, forms: list, credits: list[tuple[int, int]]) -> None:
        for form, target, acronym, method, score in forms:
            for s, e in occurrences(text, form):
                if _bounded(text, s, e) and spans.free(s, e) and not overlaps(s, e, credits):
                    spans.append(Candidate(s, e, target.type, target.entity_id, target.canonical, acronym,
                                           method=method, score=score,
                                           rule="link.acronym-reuse" if method == "acronym" else spans.rule))

    def _resolve_one_word(self, span: Candidate, people: list[Candidate], text: str = "") -> bool:
        """Resolve a one-word reference to a named person; False when there is nobody to refer to."""
        if span.method != "coref" or span.entity_id:
            return True
        word = span.canonical
        match = next((p for p in people if word in p.canonical.split()
                      or any(word in n.split() for n in self._names_of(p.entity_id))), None)
        if match is None:
            # A foreign name after a person's title or noun ("HLV Kiatisuk", "Hoàng tử Harry") is
            # a person of its own, not a reference; a Vietnamese given name alone stays one, and
            # after a head's title ("Giám đốc Fossil") the word is the body.
            title = span.title.lower()
            if self._given_name_alone(word, span.title, text[span.end:span.end + 3]):
                # "Ông Lâm (người dân) cho biết", "Anh Huynh nhận xét": a person the article names by his
                # given name only, addressed by an honorific (ANNOTATION.md: a named person).
                span.entity_id, span.method, span.score = f"person:new:{slug(word)}", "pattern", 0.8
                return True
            if not self.rules.lone_name.fullmatch(word) or any(
                    title == t or title.startswith(t + " ") for t in self.rules.lone_name_not_after):
                return False
            span.entity_id, span.method = f"person:new:{slug(word)}", "pattern"
        else:
            span.entity_id, span.canonical = match.entity_id, match.canonical
        span.score = 0.8
        return True

    def _given_name_alone(self, word: str, title: str, after: str) -> bool:
        """A capitalised word after an honorific alone ("ông", "Anh": ``honorifics``) with nobody else
        in the document to refer to: a given name (not an acronym, not a word of a body's name), unless
        a capitalised word follows it (``after``): a longer name cut short ("chị Huỳnh Như Phụng")."""
        return title in self.rules.honorifics and word.isalpha() and word[:1].isupper() and not word.isupper() \
            and word not in self.rules.not_name_start and not (after[:1] == " " and after[1:2].isupper())

    def _person_titles(self, text: str, spans: list[Candidate]) -> list[tuple[str, str]]:
        """(folded title phrase, person id) for the titles written next to a named person: a chain
        before the name ("Phó Thủ tướng, Bộ trưởng Ngoại giao Phạm Bình Minh") and an appositive
        chain after it ("Phan Văn Giang, Ủy viên Bộ Chính trị, Bộ trưởng Bộ Quốc phòng")."""
        people = [s for s in spans if s.type == "PERSON" and s.entity_id and s.method not in ("tenure", "coref")]
        if not people:
            return []
        starts = {p.start: p for p in people}
        found, owner = self._title_chains(text, people, starts)
        self._owners_before_names(text, found, owner, starts)
        self._owners_after_names(text, found, owner, {p.end: p for p in people})
        return [(fold(text[s:e]), owner[k].entity_id) for k, (s, e) in enumerate(found)
                if k in owner and text[s:e].strip()]

    def _title_chains(self, text: str, people: list[Candidate], starts: dict[int, Candidate]):
        """Every capitalised title with its extent; those running straight into a name own it."""
        found: list[tuple[int, int]] = []
        owner: dict[int, Candidate] = {}  # index in `found` -> the person the title belongs to
        for m in self._title_chain_re.finditer(text):
            nxt = min((p for p in people if p.start >= m.end()), key=lambda p: p.start, default=None)
            if nxt is not None and nxt.start - m.end() < 80 and not _TITLE_BREAK.search(text, m.end(), nxt.start):
                owner[len(found)] = nxt  # "Bộ trưởng Ngoại giao Phạm Bình Minh"
                found.append((m.start(), nxt.start - 1))
                continue
            found.append((m.start(), self._title_end(text, m.end(), starts)))
        return found, owner

    @staticmethod
    def _owners_before_names(text: str, found, owner, starts) -> None:
        for k in range(len(found) - 1, -1, -1):  # before a name: the chain runs into it
            if k in owner:
                continue
            s, e = found[k]
            nxt = text[e:e + 4].lstrip(" ,-–")
            after = e + (len(text[e:e + 4]) - len(nxt))
            if after in starts or e + 1 in starts:
                owner[k] = starts.get(after) or starts[e + 1]
            elif k + 1 < len(found) and found[k + 1][0] == after and k + 1 in owner:
                owner[k] = owner[k + 1]

    @staticmethod
    def _owners_after_names(text: str, found, owner, ends) -> None:
        for k, (s, e) in enumerate(found):  # after a name: the appositive chain
            if k in owner:
                continue
            before = text[max(0, s - 4):s]
            if not before.rstrip().endswith((",", "-", "–")):
                continue
            gap = s - (len(before) - len(before.rstrip(" ,-–")))
            if gap in ends:
                owner[k] = ends[gap]
            elif k > 0 and found[k - 1][1] == gap and k - 1 in owner:
                owner[k] = owner[k - 1]

    def _title_end(self, text: str, pos: int, stops: dict[int, "Candidate"] | None = None) -> int:
        """Where a title that ends at ``pos`` stops, with the portfolio, body and place it names
        ("Bộ trưởng Ngoại giao Hàn Quốc", "Bộ trưởng Bộ Quốc phòng Việt Nam"): before the first verb,
        function word, punctuation or name, at most eight words on."""
        end = pos
        last_cap = -1
        prev = pos
        for k, w in enumerate(_WORD.finditer(text, pos)):
            word = w.group()
            bare = word.rstrip(".")
            head = self._org_head_re.match(text, last_cap) if last_cap >= 0 else None
            inside_head = head is not None and head.end() >= w.start() + len(bare)  # "Ủy ban": not the verb "ban"
            # nor a noun that holds a verb's syllable ("Ban Công tác đại biểu", "Trung tâm đáp ứng khẩn cấp")
            noun = self._noun_token_at(text, w.start()) or self._noun_token_at(text, prev, w.end())
            if k == 8 or text[end:w.start()].strip() or (stops and w.start() in stops) \
                    or bare.lower() in self.rules.stop_words or (bare in self.rules.verbs and not inside_head
                                                                 and not noun) \
                    or self._title_end_word_at(text, w.start()):
                break
            prev = w.start()
            if bare[:1].isupper():
                last_cap = w.start()
            end = w.start() + len(bare)
            if len(bare) < len(word):
                break
        return end

    def _title_end_word_at(self, text: str, pos: int) -> bool:
        """A verb of ``title_end_words`` in lower case starts at ``pos``: what the holder says or does, no
        word of the title ("Tổng cục trưởng Tổng Cục Du lịch | chia sẻ", "Thủ tướng | mong muốn"); a whole
        word only ("mong" is not "mong manh")."""
        return any(text.startswith(n, pos) and not _is_word_char(text[pos + len(n):pos + len(n) + 1] or " ")
                   for n in self.rules.title_end_words)

    def _title_coreference(self, doc: Document, per_para: dict[int, list[Candidate]],
                           bare_titles: dict[int, list[tuple[int, int]]],
                           credits: dict[int, list[tuple[int, int]]]) -> None:
        """A title without a name ("Phó Thủ tướng khẳng định", "Bộ trưởng Bộ Quốc phòng Việt Nam nhấn
        mạnh") is the one person the article names with that title ("Phó Thủ tướng, Bộ trưởng Ngoại giao
        Phạm Bình Minh", "Thượng tướng Phan Văn Giang, ..., Bộ trưởng Bộ Quốc phòng"). The article's own
        words beat the tenure tables; with two people of that title it stays unresolved."""
        titles: dict[str, set[str]] = defaultdict(set)
        canon: dict[str, str] = {}
        for para in doc.paragraphs:
            for phrase, pid in self._person_titles(para.text, per_para[para.index]):
                titles[phrase].add(pid)
            for p in per_para[para.index]:
                if p.type == "PERSON" and p.entity_id:
                    canon.setdefault(p.entity_id, p.canonical)
        if not titles:
            return
        for para in doc.paragraphs:
            spans, text = per_para[para.index], para.text
            for s, e in bare_titles.get(para.index, []):
                if overlaps(s, e, credits[para.index]) or self._person_noun_at(text, s):
                    continue
                key = fold(text[s:e])
                ids = titles.get(key) or set().union(
                    *(v for k, v in titles.items() if k.startswith(key + " ") or key.startswith(k + " ")))
                if len(ids) != 1:
                    continue
                pid = next(iter(ids))
                span = next((a for a in spans if a.type == "PERSON" and a.start == s), None)
                if span is not None:
                    span.entity_id, span.canonical, span.method = pid, canon[pid], "coref"
                    span.rule = spans.rule
                    continue
                if any(a.type == "PERSON" and a.start < e and s < a.end for a in spans):
                    continue
                entry = self.gaz.entries.get(pid)
                # The body named in the title stays a mention of its own ("Bộ Quốc phòng").
                spans.append(Candidate(s, e, "PERSON", pid, canon[pid], entry.acronym if entry else "",
                                   text[s:e], "coref", 0.8))

    def _person_noun_at(self, text: str, s: int) -> bool:
        """"Ca sĩ cho biết", "Cô bé": a person noun alone names no one holder of an office."""
        return any(text.startswith(n, s) and not text[s + len(n):s + len(n) + 1].isalnum()
                   for n in self.rules.person_nouns)

    def _names_of(self, entity_id: str) -> tuple[str, ...]:
        entry = self.gaz.entries.get(entity_id)
        return entry.names if entry else ()
