"""Pattern matchers: names found by their shape and the words around them.

Title + name and Vietnamese personal names by family name, foreign names after a body or country,
organisations, agreements and events by their head word, places by their designator, media and
bodies named by a noun, variant spellings (fuzzy). Each is a rule family: a function of the
paragraph's ``Context`` (its text and tokens, the gazetteer's candidates) that returns candidates
under its rule name (``PASSES`` in ``tagger.py``). It works on its own view of the gazetteer's
candidates (a ``Ledger`` that starts as them): what it adds there is what it proposes, what it
takes out there is what its candidates displace, and the resolver decides. No family reads
another's candidates. The word lists are data (``pipeline/data/tagger.toml``).
"""

from __future__ import annotations

import re
from dataclasses import replace

from rapidfuzz import fuzz, process

from ..normalize import fold, has_tone
from .candidates import Candidate, Context, Proposals
from .doc import word_bounds
from .resolve import Ledger
from .name_end import NameEnd
from .rules import NameShape
from .text import (_FOREIGN_RUN, _FOREIGN_WORD, _PARTICLE_WORD, _TITLE_BREAK, _UNKNOWN_ACRONYM, _WORD,
                   _bounded, _capitalised, _is_word_char, overlaps, slug, vietnamese_syllable)


def _initial(word: str) -> bool:
    """A capital and its dot: a person's initial ("F.", "K.")."""
    return len(word) == 2 and word[0].isupper() and word[1] == "."


def _foreign_end(words: list[str]) -> bool:
    """A run that ends on no initial and has a word past its first of no Vietnamese syllable: an initial in it is a
    person's, no acronym's ("Heather F. Smith", "C. Alex Young"; "bà T. Lan" stays a Vietnamese name's initials)."""
    return not _initial(words[-1]) and any(not _initial(w) and not vietnamese_syllable(w) for w in words[1:])


# An English name going on past its last capitalised word ("Moscow Institute of Physics and Technology").
_NAME_GOES_ON = re.compile(r" (?:of|for|and|on) [A-Z]")
# An army unit's number right after its head ("Sư đoàn 304", "Quân đoàn 2"; ``_numbered_unit_end``).
# A capitalised word and the word after it: does a sentence open there ("Trả lời" after "UBND TP.")?
_TWO_WORDS = re.compile(r"(\w+) (\w+)")
_UNIT_CODE = re.compile(r" \d{1,3}(?![\d,.]\d)\b")
# A run of characters between spaces (``_ruler_name``'s words)
_NON_SPACE = re.compile(r"\S+")
# A spaced dash between two streets' names ("góc phố Hàng Trống - Lê Thái Tổ"; ``_street_dash_name``)
_SPACED_DASH = re.compile(r" [-–] ")
# A Latin-script word a body's name may end on before its tail of linking words (``_foreign_tail``).
_LATIN_LAST_WORD = re.compile(r"[A-Z][a-zA-Z]+")
# What a name found by its head or designator word grows over (``Candidate.nests``): the places
# and bodies the scan of ``name_end.py`` runs over; it stops at any other kind of mention (but for
# the person a school or hospital is named after, ``eponym_heads``).
_GROWS_OVER = ("GPE", "LOC", "ORG")
_PUNCT_AFTER = ",.;:!?)”\"…"  # what may close a word of a festival's name


def _ends_inside_word(end: int, word_end: list[int]) -> bool:
    """A span ending at ``end`` cuts a word of the segmenter in two (its last syllable is not the word's)."""
    return bool(word_end) and 0 < end < len(word_end) and word_end[end - 1] > end


def _word_before(text: str, pos: int) -> str:
    """The word ending at the last non-space before ``pos``, without copying the text before it."""
    end = pos
    while end and text[end - 1].isspace():
        end -= 1
    return text[text.rfind(" ", 0, end) + 1:end]


_DASHES = "-–"


def _glued(text: str) -> bool:
    """A lower-case letter right before a capital: words whose space was lost ("vàquậnTân"), where
    the segmenter's words say nothing of the names."""
    return any(a.islower() and b.isupper() for a, b in zip(text, text[1:]))


# What may stand before a sentence's first word: space, quotation marks, a bracket or a dash.
_OPENING_CHARS = " \"“‘'(-–—"


# Marks that end a body's name before the next word (a list's item, a clause, a bracket).
_CLAUSE_MARKS = ",;:()."


# A Vietnamese given name's initial of two or three letters ("Tr", "Th", "Ngh"), no vowel.
_CLUSTER_INITIAL = re.compile(r"[B-DF-HJ-NP-TV-XZ\u0110][b-df-hj-np-tv-xz]{1,2}")


def _initial_with_dot(word: str, token: str, count: int) -> bool:
    """The name's next ``word`` (``token`` as written) is an initial that keeps its dot: "Thomas A. Bussiere",
    "Nguyễn Thị H."; after a family name and a given name (``count`` words before it) a consonant cluster too ("em
    Nguyễn Duy Tr.,": issue-14S26). A letter with a tone mark is a word ending a sentence ("vùng biển Đông Nam Á.",
    "đến Ý."): initials carry none."""
    shaped = len(word) == 1 or count >= 2 and _CLUSTER_INITIAL.fullmatch(word) is not None
    return shaped and token == word + "." and not has_tone(word)


def _first_copy(text: str, s: int, e: int, same: int = 1) -> tuple[int, int]:
    """The run up to where its first ``same`` words come again after a second word: a heading the crawl wrote twice
    ("5. Steve Bruce Steve Bruce từng là …", batch 33), a caption before the sentence naming the same person ("Saki
    Kozai Saki cho biết", batch 17) — two mentions, not one name (issue-14R31). A Vietnamese name may repeat its family
    name as its given name ("Hà Thị Hà"): there two words must come again (``same=2``: "Ông Hideto Kijima Hideto
    Kijima")."""
    words = text[s:e].split(" ")
    again = next((i for i in range(2, len(words)) if words[i:i + same] == words[:same]), None)
    return (s, s + len(" ".join(words[:again]))) if again else (s, e)


class Patterns(NameEnd):
    """Mixed into ``Tagger``: the pattern matchers read its gazetteer, rules and compiled patterns."""

    # -- 4 -----------------------------------------------------------------------------------
    def _name_run(self, text: str, pos: int, limit: int, max_words: int = 5) -> tuple[int, int] | None:
        """A run of capitalised words starting at ``pos`` (one space apart)."""
        end = pos
        count = 0
        initial = False
        for m in _WORD.finditer(text, pos, limit):
            if m.start() != (pos if count == 0 else end + 1) or text[end:m.start()].strip():
                break
            word = m.group().rstrip(".")
            if word[-1:] in _DASHES and len(word) > 1:
                # "Ông Dương Tấn Hiển- Phó chủ tịch": a dash glued to the name opens the title after it
                # (issue-14F12, batches 14 and 15); the name ends before the dash
                word = word.rstrip(_DASHES)
                if _capitalised(word) and word not in self.rules.stop_words:
                    end = m.start() + len(word)
                    count += 1
                break
            if "." in word:  # "Biển Đông.Tháng": a lost space after a sentence
                word = word.split(".", 1)[0]
                if _capitalised(word) and word not in self.rules.stop_words:
                    end = m.start() + len(word)
                    count += 1
                break
            if not _capitalised(word) or word in self.rules.stop_words or (count and word.lower() in self.rules.stop_words):
                break
            if count and self._next_name_at(text, m, word, initial, count):
                break
            initial = _initial_with_dot(word, m.group(), count)
            end = m.start() + len(m.group() if initial else word)
            count += 1
            if count == max_words or (len(word) < len(m.group()) and not initial):
                break
        return _first_copy(text, pos, end, 2) if count else None

    def _next_name_at(self, text: str, m: re.Match[str], word: str, after_initial: bool, count: int) -> bool:
        """The run's next ``word`` (``m`` as written) opens a new sentence (``_opens_sentence``; a second initial opens
        none: "George H. W. Bush", batch 33), or a capitalised title after a name of two words or more, with no comma
        between ("ông Nguyễn Thành Phong | Chủ tịch UBND thành phố nhấn mạnh", batch 33; ``person_name_enders``;
        issue-14R31)."""
        if self._opens_sentence(text, m.start(), word, after_initial and not _initial_with_dot(word, m.group(), 0)):
            return True
        return count >= 2 and self._person_ender_re.match(text, m.start()) is not None

    def _opens_sentence(self, text: str, start: int, word: str, after_initial: bool) -> bool:
        """The name's next ``word`` opens a new sentence: a day part whose break the crawl lost ("đường Võ Chí
        Công Chiều 6/6"), or a Vietnamese word after an initial's dot ("ông Đ. Và hai bên …", "bà H. Hiện, cơ
        quan …"; issue-14T14), where a foreign name goes on ("Thomas A. Bussiere", "K. Mori")."""
        return self._day_part_re.match(text, start) is not None or (after_initial and word.lower() in self.known_words)

    def _titled_people(self, ctx: Context, accepted: Ledger, out: Proposals) -> None:
        """A title, its portfolio, then a name: "Bộ trưởng Ngoại giao Phạm Bình Minh"; a title with
        no name after it is noted for the linkers, which resolve it by tenure or by the article's
        own words."""
        text, limit, day, free, bare_titles = ctx.text, ctx.limit, ctx.day, accepted.free, out.bare_titles
        office_hits = self._office_hits(text, limit, ctx.low)
        for m in self._title_re.finditer(text, 0, limit):
            title_start = m.start()
            office = next((h for h in office_hits if h[0] == title_start), None)
            if m.group() in self.rules.given_name_honorifics and (self._honorific_in_name(ctx, m, accepted)
                                                                  or self._honorific_as_name(ctx, m, accepted)):
                continue
            given = self._country_given_name(text, m, accepted)
            pos = m.end() + 1 if given else self._past_portfolio(self._past_modifier(text, m), office, accepted)
            if pos >= limit:
                continue
            title_text = text[title_start:pos].strip()
            honorific = m.group() in self.rules.honorifics or given
            if self._titles_existing(text, pos, honorific, title_text, accepted):
                continue
            run = self._name_after_title(text, pos, limit, honorific, accepted, free,
                                         m.group() in self.rules.person_nouns)
            if run is not None and m.group().lower() in self.grammar["ruler_nouns"] \
                    and (run := self._ruler_name(text, m, run)) is None:
                continue
            if run is None:
                before = text[:title_start].split()[-1:]
                generic = bool(before) and before[0] in self.rules.plural_determiners
                if office and ctx.reference is not None and text[title_start].isupper() and not generic:
                    out.offices.append(office)
                if text[title_start].isupper() and not generic and not honorific:
                    bare_titles.append((title_start, self._title_end(text, m.end())))
                continue
            self._titled_person(text, run, m, title_text, honorific, day, accepted, free, bare_titles)

    def _ruler_name(self, text: str, m: re.Match[str], run: tuple[int, int]) -> tuple[int, int] | None:
        """The ruler's name after a ruler's noun ``m`` (``ruler_nouns``: "vua", "pharaoh", "hoàng đế"): from its first
        foreign word ("Vua Sverre", "hoàng đế La Mã Nero": the empire before the name is no part of it), or the whole
        run when it ends with a regnal number ("vua Amenhotep III"). None for Vietnamese syllables alone, a nickname's
        ("Vua Thái Cực Quyền"), a dynasty ("Vua Nguyễn"), an empire ("hoàng đế La Mã"); after a plural ("nhiều vị
        vua Macedonia": the kings of a land), an opening quote ("“Vua Kungfu”": a nickname) or a word the noun ends
        ("cờ vua": chess); before a second ruler's noun ("vua Pharaoh Ameny Qemau": that one opens the name)
        (issue-14T31)."""
        before = text[max(0, m.start() - 16):m.start()]
        if before[-1:] and before[-1:] in "\"“‘'" or any(w in self.rules.plural_determiners for w in before.split()[-2:]) \
                or before.split()[-1:] and before.split()[-1].lower() in self.grammar["ruler_noun_not_after"]:
            return None
        words = [w.span() for w in _NON_SPACE.finditer(text, run[0], run[1])]
        if text[words[0][0]:words[0][1]].lower() in self.grammar["ruler_nouns"]:
            return None
        if text[words[-1][0]:words[-1][1]] in self.grammar["regnal_numbers"]:
            return run
        first = next((s for s, e in words if not vietnamese_syllable(text[s:e].strip("'’\"”"))), None)
        return None if first is None else (first, run[1])

    def _past_modifier(self, text: str, m: re.Match[str]) -> int:
        """Where the name may start after the title ``m``: after a person noun, one word that describes the person
        (``person_noun_modifiers``: "nam diễn viên trẻ Park Bo Gum", "thủ môn dự bị Knobloch") stands before it
        (issue-14S26)."""
        pos = m.end() + 1
        if m.group() not in self.rules.person_nouns:
            return pos
        # the longest that opens there ("trẻ tuổi" before "trẻ")
        word = max((w for w in self.grammar["person_noun_modifiers"] if text.startswith(w + " ", pos)), key=len, default=None)
        return pos if word is None else pos + len(word) + 1

    def _honorific_in_name(self, ctx: Context, m: re.Match[str], accepted) -> bool:
        """"trợ lý Hoàng Anh Tuấn", "ca sĩ Hà Anh Tuấn": a given-name honorific right after a family name is the
        name's middle syllable, no address. True when it is: after a family name of ``surnames`` the run is
        pattern.surname's; after one of ``honorific_family_names`` (family names that open places too) the three
        words are proposed here as the person (issue-14S26)."""
        text, start = ctx.text, m.start()
        before = text[max(0, start - 12):start]
        word = before.split()[-1] if before.endswith(" ") and before.strip() else ""
        if word in self.rules.surnames:
            return True
        if word not in self.grammar["honorific_family_names"]:
            return False
        s = start - 1 - len(word)
        run = self._name_run(text, s, ctx.limit, max_words=4)
        if run is None or len(text[run[0]:run[1]].split()) != 3 or not accepted.free(run[0], run[1]) \
                or not all(self._one_syllable(w) for w in text[run[0]:run[1]].split()):
            return False
        name = text[run[0]:run[1]]
        accepted.append(Candidate(run[0], run[1], "PERSON", f"person:new:{slug(name)}", name, method="pattern",
                                  score=0.85))
        return True

    def _honorific_as_name(self, ctx: Context, m: re.Match[str], accepted) -> bool:
        """"của Anh Quang", "Thanh Long, Anh Tài, Trung Tín": a capitalised honorific that is a given name too
        (``given_name_honorifics``), inside a sentence before one Vietnamese syllable, opens the person's name.
        True when it did (the pair is proposed as a person); False leaves it an address, as before."""
        text, start = ctx.text, m.start()
        if any(not text[sent.start:start].strip(_OPENING_CHARS) for sent in ctx.para.sentences if sent.start <= start):
            return False  # opening a sentence: "Anh Quang cho biết" is the address
        heads = list(self._org_head_re.finditer(text, max(0, start - 80), start))
        if heads and not any(c in _CLAUSE_MARKS for c in text[heads[-1].end():start]):
            return False  # inside a body's name: "Công ty CP sản xuất thực phẩm Anh Kim"
        words = text[m.end() + 1:m.end() + 40].split(maxsplit=1)[:1]
        word = words[0].rstrip(",.;:!?)") if words else ""
        if not (word[:1].isupper() and not word.isupper() and word.isalpha() and self._one_syllable(word)):
            return False
        e = m.end() + 1 + len(word)
        nxt = text[e:e + 2]
        if nxt[:1] == " " and nxt[1:].isupper():
            return False  # a longer run ("Anh Nguyễn Văn A"): as before
        # "Quang Trung, Anh Đức, Ali Hoàng Dương", "còn Anh Đức ngồi dự bị": the honorific and the given name are
        # both one-word countries (common_word_countries) the gazetteer read; side by side, with no dash, comma or
        # conjunction between, they are no two countries but the person's name (issue-14T31: batches 29 and 33)
        countries = [a for a in accepted if a.start < e and start < a.end]
        if countries and all(a.type == "GPE" and text[a.start:a.end] in self.rules.common_word_countries
                             for a in countries):
            for a in countries:
                accepted.remove(a)
        elif not accepted.free(start, e):
            return False  # a mention already there: as before
        name = text[start:e]
        accepted.append(Candidate(start, e, "PERSON", f"person:new:{slug(name)}", name, method="pattern", score=0.85))
        return True

    def _country_given_name(self, text: str, m: re.Match[str], accepted) -> bool:
        """A title of no office ("bầu", "TS", "anh": ``given_name_titles``) before a one-word country
        that also is a given name ("Đức", "Nga", "Mỹ") and no capitalised word after it: the person
        so addressed ("bầu Đức đã", "TS Nga cho biết"), not a portfolio like "Bộ trưởng Nga"."""
        if m.group() not in self.rules.given_name_titles:
            return self._place_given_name(text, m, accepted)
        nxt = next((a for a in accepted if a.start == m.end() + 1 and a.type == "GPE"), None)
        if nxt is None or text[nxt.start:nxt.end] not in self.rules.common_word_countries:
            return False
        after = text[nxt.end:nxt.end + 2]
        return not (after[:1] == " " and after[1:].isupper())

    def _place_given_name(self, text: str, m: re.Match[str], accepted) -> bool:
        """A person's noun ("đội trưởng", "tiền đạo") before a foreign place that is a given name too
        (``grammar_place_given_names``: "Jordan", "Washington") and one foreign family name, no capitalised word
        after it: the place opens the person's name ("đội trưởng Jordan Henderson"), no portfolio (issue-14F21)."""
        nxt = next((a for a in accepted if a.start == m.end() + 1 and a.type == "GPE"), None)
        if m.group() not in self.rules.person_nouns or nxt is None \
                or text[nxt.start:nxt.end] not in self.grammar["place_given_names"] or text[nxt.end:nxt.end + 1] != " ":
            return False
        word = _WORD.match(text, nxt.end + 1)
        if word is None or not self.rules.lone_name.fullmatch(word.group().rstrip(".")) \
                or any(a.start == word.start() for a in accepted):
            return False  # "người mẫu Paris Hilton": the hotel's name, left as it was
        after = text[word.end():word.end() + 2]
        return not (after[:1] == " " and after[1:2].isupper())

    def _office_hits(self, text: str, limit: int, low: str) -> list[tuple[int, int, tuple[int, ...]]]:
        """Every office title of offices.csv in the text (``low``: its ``_lower``), longest first at each start."""
        office_hits: list[tuple[int, int, tuple[int, ...]]] = []
        if self._has_offices:
            for end, (length, idx) in self._offices.iter(low):
                s, e = end - length + 1, end + 1
                if e <= limit and _bounded(text, s, e):
                    office_hits.append((s, e, idx))
        office_hits.sort(key=lambda x: (x[0], -(x[1] - x[0])))
        return office_hits

    @staticmethod
    def _past_portfolio(pos: int, office, accepted) -> int:
        """Skip the portfolio: an office title, ORG or GPE mentions between title and name."""
        if office and office[1] > pos:
            pos = office[1] + 1
        for _ in range(3):
            nxt = next((a for a in accepted if a.start == pos and a.type in ("ORG", "GPE")), None)
            if nxt is None:
                break
            pos = nxt.end + 1
        return pos

    @staticmethod
    def _titles_existing(text: str, pos: int, honorific: bool, title_text: str, accepted) -> bool:
        """A mention already starts where the name would: it gets the title (True: nothing more to do)."""
        existing = next((a for a in accepted if a.start == pos), None)
        if existing is not None and honorific and existing.type in ("GPE", "LOC") \
                and " " not in text[existing.start:existing.end]:
            accepted.remove(existing)  # "ông Đức", "bà Lào"? a given name, not a country
            existing = None
        if existing is not None:
            if existing.type == "PERSON" and not existing.title:  # the person, proposed again with its title
                accepted.remove(existing)
                accepted.append(replace(existing, title=title_text, rule="", displaces=()))
            return True
        return False

    def _name_after_title(self, text, pos, limit, honorific, accepted, free, person_noun=False) -> tuple[int, int] | None:
        """The name's run of capitalised words after the title and portfolio, if it is a name."""
        run = self._past_leading_acronym(text, self._name_run(text, pos, limit), accepted, free,
                                         honorific or person_noun)
        if run is not None and (whole := _FOREIGN_RUN.match(text, run[0], limit)) is not None \
                and whole.end() > run[1] and not text[run[1]:run[1] + 2].strip()[:1].isupper():
            run = (run[0], whole.end())  # "ông Mohammed al-Momani", "ông Khaled bin Mohammed": a particle goes on
        if run is not None and len(text[run[0]:run[1]].split()) == 1 and not honorific:
            run = self._foreign_after_portfolio(text, run, limit, accepted, free)
        if honorific and run is not None and (t := self._title_re.match(text, run[0])) is not None and t.end() < run[1]:
            return None  # "ông Tướng Michael Flynn" (issue-14B15, batch 17): the title after the address names him
        words = text[run[0]:run[1]].split() if run is not None else []
        if len(words) == 2 and words[0] in self.rules.surnames:
            run = self._stop_word_last_syllable(text, run, limit)
            words = text[run[0]:run[1]].split()
        if self._body_word_ends(words):
            return None  # "Tổng giám đốc Công ty TNHH Gia Phát Investment": the body, not a person
        if run is not None and (words[0] in self.rules.not_name_start and not self._given_name(text, run, person_noun)
                                or all(w.isupper() for w in words) or self._board_before_body(words)):
            if not (honorific or person_noun):  # "Chủ tịch VNG", "Tổng giám đốc NASDAQ": the body the title is
                # held in; a person noun is held in no body ("ngư dân VN", "thí sinh THPT")
                self._acronym_body(run[0], text[run[0]:run[1]].split()[0], accepted, free)
            run = None
        return run

    def _board_before_body(self, words: list[str]) -> bool:
        """A body's kind in capitals, then a word that opens a body's name ("Phó Chủ tịch HĐQT Tập đoàn,", "Chủ tịch
        HĐQT Công ty CP …" where the company was not found whole): the board of a body, no person's name
        (issue-14V21: "HĐQT Tập", "HĐQT Công" typed PERSON in batches 22 and 23)."""
        return len(words) >= 2 and words[0] in self.rules.generic_acronyms and words[1] in self.rules.not_name_start

    def _stop_word_last_syllable(self, text: str, run: tuple[int, int], limit: int) -> tuple[int, int]:
        """A family name and one syllable after a title, then a capitalised syllable that is also a stop word
        (``grammar_name_stop_syllables``: "Ông Nguyễn Văn Năm (người …)", "anh Nguyễn Danh Được ở xóm 7"): the
        syllable ends the name, which a Vietnamese name of two words rarely is; not before a number or another
        capitalised word, where it opens the next sentence the crawl glued on ("… Năm 2020, …")."""
        m = _WORD.match(text, run[1] + 1, limit) if text[run[1]:run[1] + 1] == " " else None
        if m is None or m.group() not in self.grammar["name_stop_syllables"]:
            return run
        after = text[m.end():m.end() + 2].strip()[:1]
        if after.isdigit() or after.isupper():
            return run
        return run[0], m.end()

    def _foreign_after_portfolio(self, text, run, limit, accepted, free) -> tuple[int, int]:
        """A one-word run after a title may be its portfolio, the foreign name following it:
        "Bộ trưởng Tư pháp Merrick Garland": the portfolio, then the name;
        "Bộ trưởng Quốc phòng Qatar Khaled bin Mohammed al-Attiyah": the whole name;
        "Phó chủ tịch tập đoàn NASDAQ Bob McCooey": the body's acronym, then the name. After a
        body's head, only past the body's country ("Giám đốc Cơ quan Tình báo quốc gia Mỹ Vincent
        Stewart"): "Chủ tịch Công ty Bangsue Chiameng", "Người phát ngôn Tòa thị chính tỉnh Preah
        Sihanouk" name the body (batch 10)."""
        fr = self._foreign_run(text, run[0], min(limit, run[1] + 60), accepted)
        if fr is None or _TITLE_BREAK.search(text, run[0], fr[0]) or any(
                w in self.rules.verbs or w in self.rules.stop_words for w in text[run[0]:fr[0]].split()):
            return run
        if self._org_head_re.match(text, run[0]) and not any(
                a.type == "GPE" and run[0] < a.start and a.end < fr[0] for a in accepted):
            return run
        first = text[fr[0]:fr[1]].split()[0]
        if len(first) >= 2 and first.isupper():
            self._acronym_body(fr[0], first, accepted, free)
            if len(text[fr[0]:fr[1]].split()) <= 2:
                return run
            fr = (fr[0] + len(first) + 1, fr[1])
        return run if any(len(w) >= 2 and w.isupper() for w in text[fr[0]:fr[1]].split()) else fr

    def _past_leading_acronym(self, text, run, accepted, free, person_noun) -> tuple[int, int] | None:
        """"Giám đốc FBI James Comey", "Chủ tịch HĐQT Nguyễn Văn Hùng": an acronym opening a run, then
        a name of two to four words opened by a family name or a common foreign given name, is the
        body the title is held in (or, after a person noun, a body's kind), and the name follows it.
        Not a name the gazetteers give a place or body ("TP Hồ Chí Minh")."""
        if run is None:
            return run
        words = text[run[0]:run[1]].split()
        rest = run[0] + len(words[0]) + 1
        if not (3 <= len(words) <= 5 and len(words[0]) >= 2 and words[0].isupper()) \
                or words[0] in self.rules.org_admin_words and self._place_after_admin(words) \
                or any(w.isupper() for w in words[1:]) \
                or not (words[1] in self.rules.surnames or words[1] in self.rules.foreign_given_names) \
                or not free(rest, run[1]):
            return run
        if not (person_noun or words[0] in self.rules.org_admin_words):  # "TP" alone names no body
            self._acronym_body(run[0], words[0], accepted, free)
        return rest, run[1]

    def _place_after_admin(self, words: list[str]) -> bool:
        """An administrative unit's acronym opening the run ("TP") names the place the gazetteer knows after it ("Chủ
        tịch UBND TP Hồ Chí Minh", "UBND TP Hà Nội Nguyễn Đức Chung"); before a family name of no known place it closes
        the body the title is held in, and the person follows ("Chủ tịch UBND TP | Nguyễn Thành Phong", batches 25
        and 32; issue-14R31)."""
        return any(self.names.get(fold(" ".join(words[1:k]))) for k in range(2, len(words) + 1))

    def _body_word_ends(self, words: list[str]) -> bool:
        """A run of two words or more whose last makes it a body's name ("… Investment", "… Group"), or one such word
        before the body's country ("Tổng giám đốc Hanwha Energy Việt Nam": the company's branch the title is held in,
        no person; issue-14A34, batch 36)."""
        return len(words) >= 2 and (words[-1] in self.rules.foreign_org_words or any(
            w in self.rules.foreign_org_words and all(_FOREIGN_WORD.fullmatch(x) for x in words[:i])
            and self.names.get(fold(" ".join(words[i + 1:]))) for i, w in enumerate(words[1:-1], start=1)))

    def _given_name(self, text: str, run: tuple[int, int], person_noun: bool) -> bool:
        """After a person noun a name may open with a word that otherwise cannot, if it is no
        body's head: "cầu thủ Công Phượng", "nghệ sĩ Trung Dân" (not "cầu thủ Công an Hà Nội")."""
        words = text[run[0]:run[1]].split()
        return person_noun and len(words) >= 2 and words[0] in self.rules.person_noun_name_starts \
            and not self._org_head_re.match(text, run[0])

    def _titled_person(self, text, run, m, title_text, honorific, day, accepted, free, bare_titles) -> None:
        """The person a title names: known (gazetteer), new, or one word for coreference to resolve."""
        title_start = m.start()
        s, e = run
        self._drop_places_in_vietnamese_name(text, s, e, accepted)
        e, fuller = self._titled_run_end(text, s, e, accepted)
        if e <= s:
            return
        name = text[s:e]
        if not free(s, e):
            return
        words = name.split()
        lower_title = title_text.split()[0].lower() if title_text else ""
        if len(words) == 1 and self._vessel_before(text, title_start):
            return  # "tàu khu trục nhỏ Đô đốc Essen": the ship, named after an admiral
        if len(words) == 1:
            # "ông Hà", "Bộ trưởng Yamaguchi": resolved by coreference in the second pass; unless
            # that fails, "Bộ trưởng Ngoại giao Hàn Quốc" is a title without a name.
            if text[title_start].isupper() and not honorific:
                bare_titles.append((title_start, self._title_end(text, m.end())))
            accepted.append(Candidate(s, e, "PERSON", "", name, title=title_text, method="coref", score=0.0))
            return
        if lower_title in self.grammar["address"] and len(words) > 4:
            return
        ids = self.names.get(fold(name))
        if ids:
            span = self._span_for(self._pick(ids, day), s, e)
            span.title = title_text
            if span.type != "PERSON":
                return
        elif (honorific or m.group() in self.rules.person_nouns) and self._no_person(words):
            # an honorific or a person's noun before a genre or a resort names no person there ("ngôi sao Teen
            # Pop", "Khu Du lịch Bà Nà Hills"; issue-14P17, batches 4 and 5). Not after an office: "Giám đốc
            # Khách sạn Mia Luxury Saigon" is read for the statement's speaker, a body left untyped would lose it.
            return
        else:
            span = Candidate(s, e, "PERSON", f"person:new:{slug(name)}", name, title=title_text, method="pattern",
                             score=0.85)
        span.displaces += tuple((a.start, a.end) for a in fuller)
        accepted.append(span)

    def _vessel_before(self, text: str, title_start: int) -> bool:
        """A vessel's noun and at most three lower-case words of its kind right before the title ("tàu khu trục nhỏ
        | Đô đốc Essen", "Tàu | Đô đốc Kuznetsov"): the title and the name after it are the vessel's name."""
        words = text[max(0, title_start - 40):title_start].split()
        nouns = self.grammar["vessel_nouns"]
        for i in range(len(words) - 1, max(-1, len(words) - 5), -1):
            if any(" ".join(words[j:i + 1]) in nouns for j in range(max(0, i - 3), i + 1)):
                return True
            if not words[i].islower() or not words[i].isalpha() or words[i] in self.grammar["vessel_kind_stops"]:
                return False
        return False

    def _titled_run_end(self, text: str, s: int, e: int, accepted) -> tuple[int, list[Candidate]]:
        """Where the name after a title ends, and the mentions its name displaces. The run stops at the
        first mention inside it (a GPE after a foreign name, etc.), but for a known person's short name
        ending a fuller Vietnamese name ("ông Lê Văn Quyết" is not "Văn Quyết", Nguyễn Văn Quyết) and a
        foreign first name before a person's family name ("ông Jorge Messi": a new person, Messi's
        father, not a lone given name): the fuller name displaces it."""
        fuller = [a for a in accepted if a.type == "PERSON" and s < a.start and a.end == e
                  and text[s:e].split()[0] in self.rules.surnames and len(text[s:e].split()) >= 3]
        inner = [a for a in accepted if s <= a.start < e and a not in fuller]
        if self._first_name_of_known(text, s, e, inner):
            fuller, inner = fuller + inner, []
        if fuller:
            accepted[:] = [a for a in accepted if a not in fuller]
        return (min(a.start for a in inner) - 1 if inner else e), fuller

    def _first_name_of_known(self, text: str, s: int, e: int, inner: list[Candidate]) -> bool:
        """``text[s:e]`` is one foreign first name (``lone_name``: not a Vietnamese syllable), then a
        person the rules found by a one-word name, a family name ("Juergen | Klopp", "Jorge | Messi");
        not before a fuller name ("Tổng thống Indoenesia | Joko Widodo": a misspelt country)."""
        words = text[s:e].split()
        return len(words) == 2 and bool(inner) and all(a.type == "PERSON" and a.start == s + len(words[0]) + 1
                                                      and a.end == e for a in inner) \
            and self.rules.lone_name.fullmatch(words[0]) is not None

    def _acronym_body(self, start: int, acr: str, accepted: list[Candidate], free) -> None:
        """An acronym the gazetteers do not know, after a title, names the body the title is held in."""
        if _UNKNOWN_ACRONYM.fullmatch(acr) and acr not in self.rules.generic_acronyms and free(start, start + len(acr)) \
                and not self.names.get(fold(acr)):
            accepted.append(Candidate(start, start + len(acr), "ORG", f"org:new:{slug(acr)}", acr, method="pattern",
                                  score=0.6))

    # -- 5 -----------------------------------------------------------------------------------
    def _surname_people(self, ctx: Context, accepted: Ledger, out: Proposals) -> None:
        """A Vietnamese personal name of three or four words opened by a family name."""
        text, limit, free = ctx.text, ctx.limit, accepted.free
        for m in _WORD.finditer(text, 0, limit):
            if m.group() not in self.rules.surnames or not free(m.start(), m.end()):
                continue
            if m.start() > 0 and text[m.start() - 1] not in " (\"“'‘":
                continue
            shaped = self._surname_run(text, m.start(), limit)
            if shaped is None or self._names_a_place(text, shaped[0], shaped[1]):
                continue
            s, e, words = shaped
            self._drop_places_in_vietnamese_name(text, s, e, accepted)
            inner = [a for a in accepted if s < a.end and a.start < e]
            # "đại gia Trịnh Văn Quyết": a known person's given names ("Văn Quyết", Nguyễn Văn Quyết)
            # ending a fuller name opened by another family name are that name's, not the person ("Ông Tập
            # Cận Bình" opening a sentence: the honorific, which is a family name too, then the person)
            shorter = [a for a in inner if a.type == "PERSON" and s < a.start and a.end == e]
            if inner != shorter or (shorter and words[0].lower() in self.rules.honorifics):
                continue
            accepted[:] = [a for a in accepted if a not in shorter]
            self._shaped_person(text, s, e, accepted, tuple((a.start, a.end) for a in shorter))

    def _surname_run(self, text: str, start: int, limit: int) -> tuple[int, int, list[str]] | None:
        """The run of three or four capitalised words a family name opens, if it may be a name."""
        run = self._name_run(text, start, limit, max_words=4)
        if run is None:
            return None
        s, e = run
        words = text[s:e].split()
        # "Ông Đoàn Gia Cường" opening a sentence: "Ông" is the honorific (and a family name);
        # the name starts at the family name after it, the next word of the caller's loop
        if len(words) > 1 and words[0].lower() in self.rules.honorifics and words[1] in self.rules.surnames:
            return None
        # "ông Nguyễn Bá Diệp Phó Chủ tịch …": a title after the name without a comma
        if len(words) == 4 and self._title_re.match(text, e - len(words[-1])):
            e -= len(words[-1]) + 1
            words = words[:-1]
        # Two-word runs ("Mai Hà", "Vũ Dũng") are as often places, bylines or parts of names:
        # without a title only full three- or four-word names count.
        if not 3 <= len(words) <= 4 or any("-" in w or w.isupper() for w in words):
            return None
        if any(w in self.rules.not_in_name for w in words[1:]):
            return None
        return s, e, words

    def _drop_places_in_vietnamese_name(self, text: str, s: int, e: int, accepted: list[Candidate]) -> None:
        """"Đỗ Đức Quân", "Nguyễn Thái Bình": one-syllable-word places inside a name opened by a
        family name are syllables of the name, not places; so is a place of two syllables that ends a name of
        three or four ("Nguyễn Thái Bình", "đại biểu Lưu Bình Nhưỡng": batches 4 and 5), unless the family name
        is a place's head word too ("Hồ Hoàn Kiếm": a lake), a place opens the run ("Thái Bình Dương") or the place is
        a state ("Đoàn Việt Nam": a delegation)."""
        words = text[s:e].split()
        if words[0] not in self.rules.surnames:
            return
        given = 3 <= len(words) <= 4 and words[0].lower() not in self.rules.place_heads \
            and not any(a.start <= s < a.end for a in accepted)
        accepted[:] = [a for a in accepted if not (s < a.start and a.end <= e and a.type in ("GPE", "LOC") and (
            " " not in text[a.start:a.end] or given and a.end == e and len(text[a.start:a.end].split()) == 2
            and not self._state(a)))]

    def _state(self, place: Candidate) -> bool:
        """A gazetteer's state (a GPE without a parent): "Đoàn Việt Nam" is a delegation, no person."""
        return self._state_id(place.entity_id)

    def _state_id(self, entity_id: str) -> bool:
        entry = self.gaz.entries.get(entity_id)
        return entry is not None and entry.type == "GPE" and not entry.parent

    def _foreign_people(self, ctx: Context, accepted: Ledger, out: Proposals) -> None:
        """A Latin-script name right after a body or country: "… Ấn Độ Ajit Doval",
        "Cơ quan Bảo vệ môi trường Mỹ Scott Pruitt", a place or an award ("Người đẹp Hollywood Blake Lively",
        "giành giải Oscar Jennifer Lawrence": ``person_after_types``)."""
        text, limit, free = ctx.text, ctx.limit, accepted.free
        for a in sorted(accepted, key=lambda a: a.start):
            if a.type not in self.rules.person_after_types or a.end >= limit or text[a.end:a.end + 1] != " ":
                continue
            run = self._name_run(text, a.end + 1, limit, max_words=4)
            if run is None:
                continue
            s, e = run
            words = text[s:e].split()
            if len(words) < 2 or not all(_FOREIGN_WORD.fullmatch(w) for w in words) or not free(s, e):
                continue
            # nor a model after its maker, by its code ("Toyota Land Cruiser VX", "LG XBOOM RN"; issue-14P17,
            # batches 18 and 20), as ``_foreign_name_label`` reads a run with an acronym (not an initial: "F.")
            if words[0] in self.rules.not_name_start or words[-1] in self.rules.foreign_org_words \
                    or self._no_bare_person(words) or any(len(w) >= 2 and w.isupper() and w.isalpha() for w in words) \
                    or (a.type in self.rules.person_after_given_types and not self._person_shaped(words)):
                continue
            self._shaped_person(text, s, e, accepted)

    def _person_shaped(self, words: list[str]) -> bool:
        """A run opened by a common foreign given name or holding an initial ("Chester W. Nimitz"): after a place
        or an award, a run of any other shape names a medium, a show or a resort as often ("Asia | Pacific Defence
        Reporter", "châu Á | Vinpearl Safari", "Hollywood | Awards Gala Ceremony" on the dantri bench)."""
        return words[0] in self.rules.foreign_given_names or any(len(w) == 2 and w[0].isupper() and w[1] == "."
                                                                 for w in words[1:-1])

    def _shaped_person(self, text: str, s: int, e: int, accepted: Ledger,
                       displaces: tuple[tuple[int, int], ...] = ()) -> None:
        """A person's name found by its shape alone (``_surname_people``, ``_foreign_people``): the
        gazetteer's entry when it knows the name (none when it knows it as something else than a person),
        else a new person, weakly scored, that ``displaces`` the shorter names inside it."""
        name = text[s:e]
        ids = self.names.get(fold(name))
        if ids:
            entry = self._pick(ids, "")
            if entry.type == "PERSON":
                accepted.append(self._span_for(entry, s, e))
            return
        accepted.append(Candidate(s, e, "PERSON", f"person:new:{slug(name)}", name, method="pattern", score=0.6,
                                  displaces=displaces))

    def _foreign_run(self, text: str, start: int, end: int, known: list["Candidate"] | None = None) -> tuple[int, int] | None:
        """The first Latin-script name of two to four words in text[start:end] ("Kurt Campbell",
        "Khaled bin Mohammed al-Attiyah"), not a Vietnamese one; it starts after a ``known``
        mention it would begin with ("Qatar Khaled …")."""
        lead = {a.start: a.end for a in known or ()}
        while (m0 := _FOREIGN_RUN.search(text, start, end)) is not None and m0.start() in lead:
            start = lead[m0.start()] + 1
        for m in _FOREIGN_RUN.finditer(text, start, end):
            first = m.group().split()[0]
            if first.lower() in self.rules.stop_words:
                # "Theo Phone Arena", "Tại Annie": a Vietnamese function word opening the sentence
                # is no first name; the name, if any, starts after it.
                return self._foreign_run(text, m.start() + len(first) + 1, end, known)
            words = [w for w in m.group().split() if w[0].isupper()]
            if any(w in self.rules.surnames or w in self.rules.not_name_start for w in words):
                continue
            if all(_FOREIGN_WORD.fullmatch(w) or _PARTICLE_WORD.fullmatch(w) for w in m.group().split()):
                return m.span()
        return None

    def _named_by_noun(self, ctx: Context, accepted: Ledger, out: Proposals) -> None:
        """A one-word medium or organisation: "Hãng tin Bernama", "tờ Nikkei", "tổ chức Germanwatch",
        "tập đoàn NASDAQ" (before the foreign names that may follow it). A spaCy Matcher rule of
        ``pipeline/data/rules/patterns.toml`` over the paragraph's Doc."""
        rule, para, free = "pattern.named-by-noun", ctx.para, accepted.free
        if not self.token_rules.may_fire(para.text, rule, lambda: word_bounds(para)):
            return
        spec = self.token_rules.rules[rule]
        for s, e in self.token_rules.names(self.doc_builder(para), rule):
            name = para.text[s:e]
            if name.split()[0].lower() in self.rules.stop_words:
                continue  # a function word opening the next sentence: "… trên mạng xã hội Khi biết …"
            syllable = " " not in name and not name.isupper() and not self.rules.lone_name.fullmatch(name)
            if self._syllable_noun_before(para.text, s, syllable):
                continue
            if syllable and (run := self._name_run(para.text, e + 1, len(para.text), max_words=3)) is not None:
                # "báo Lao Động", "báo Tin Tức", "báo Thanh Niên": a Vietnamese title's first syllable has the Latin
                # shape the rule reads; the title goes on over the capitalised words after it (issue-14O14)
                e = run[1]
                name = para.text[s:e]
            e = self._before_officer(para.text, s, e)
            name = para.text[s:e]
            # the acronym of a kind of body names none ("công ty TNHH MTV …", "thông báo UBND tỉnh …": issue-14E9,
            # batches 5, 6 and 10)
            if free(s, e) and not self.names.get(fold(name)) and name not in self.rules.generic_acronyms:
                accepted.append(Candidate(s, e, spec.label, f"{spec.label.lower()}:new:{slug(name)}", name,
                                          method="pattern", score=spec.score))

    def _before_officer(self, text: str, s: int, e: int) -> int:
        """The end of a body's name of three words or more that ends with its officer's foreign name, a title before the
        body ("Giám đốc công nghệ của công ty an ninh mạng Hudson Rock | Alon Galm khuyến nghị", batch 30; issue-14R31;
        ``_officer_name_at``), else ``e``."""
        words = list(_WORD.finditer(text, s, e))
        if len(words) < 3 or not self._officer_name_at(text, words[-2], len(text)):
            return e
        return words[-3].end() if self._title_before(text, s, 60) else e  # the noun and its kind stand between

    def _syllable_noun_before(self, text: str, s: int, syllable: bool) -> bool:
        """A medium's noun before ``text[s:]`` that is a syllable of another word or a given name
        (``grammar_syllable_media_nouns``), not the noun: in lower case after any word but the prepositions of
        ``media_nouns`` ("thời trang Victoria Beckham", "vũ trang Houthi": batch 15; not "theo trang Tripzilla"),
        or before one Vietnamese syllable (``syllable``: "Trang Nhung", a person). Issue-14O14."""
        before = f" {text[max(0, s - 20):s]}"
        for noun in self.grammar["syllable_media_nouns"]:
            if not before.lower().endswith(f" {noun} "):
                continue
            prev = before[:-len(noun) - 2].rsplit(" ", 1)[-1].lower()
            if syllable or before.endswith(f" {noun} ") and f"{prev} {noun}" not in self.rules.media_nouns:
                return True
        return False

    def _foreign_names(self, ctx: Context, accepted: Ledger, out: Proposals) -> None:
        """A Latin-script name where news writes a person ("Kurt Campbell, Tổng thống Mỹ ...",
        "Jeremy Konyndyk, cố vấn ...", "... , Fikri Isik tại") or a medium ("nhật báo Rodong Sinmun",
        "phỏng vấn với Fox News", a website by its domain: "Theo trang nationalinterest.org")."""
        text, limit, free = ctx.text, ctx.limit, accepted.free
        self._websites(text, limit, accepted)
        self._regnal_names(text, limit, accepted)
        self._transliterated_people(text, limit, accepted)
        pos = 0
        while (run := self._foreign_run(text, pos, limit)) is not None:
            s, e = run
            pos = e
            if self._medium_named_after_place(text, s, e, accepted):
                continue
            if self.names.get(fold(text[s:e])):
                continue
            if place := self._prefixed_place(text, s, e, accepted):
                self._replace_inside(accepted, Candidate(s, e, place, f"{place.lower()}:new:{slug(text[s:e])}",
                                                         text[s:e], method="pattern", score=0.6), ("GPE", "LOC"))
                continue
            if not free(s, e):
                if not self._person_over_body(text, s, e, accepted):
                    self._event_over_names(text, s, e, accepted)
                continue
            if all(w in self.rules.generic_acronyms for w in text[s:e].split()):
                continue  # "công ty TNHH MTV …": a legal form, no name (issue-14E9, batch 6)
            label = self._foreign_name_label(text, s, e)
            if label == "PERSON":
                e = pos = _first_copy(text, s, e)[1]
            if label == "ORG" and (tail := self._foreign_tail(text, e, limit) or e) > e:
                if not free(s, tail):
                    # "The Times of India": the name grows over the place it ends with
                    pos = tail if self._replace_inside(accepted, Candidate(
                        s, tail, label, f"org:new:{slug(text[s:tail])}", text[s:tail], method="pattern", score=0.6),
                        ("GPE", "LOC")) else pos
                    continue
                e = pos = tail
            if label:
                accepted.append(Candidate(s, e, label, f"{label.lower()}:new:{slug(text[s:e])}", text[s:e],
                                          method="pattern", score=0.6))

    def _regnal_names(self, text: str, limit: int, accepted: Ledger) -> None:
        """A foreign name before a regnal epithet or number in words (``grammar_regnal_suffixes``: "Theodosius Đại
        đế, hoàng đế La Mã …", batch 27; "Napoleon đệ tam bị bắt", batch 19; "Piotr Đại đế" on the bench) is a ruler,
        the epithet part of the name. Not a name the gazetteer knows ("Messi đệ nhị": a player likened to him), nor
        Vietnamese syllables alone (issue-14T31)."""
        for m in self._regnal_suffix_re.finditer(text, 0, limit):
            name = m.group().rsplit(" ", 2)[0]
            if all(vietnamese_syllable(w) for w in name.split()) or self.names.get(fold(name)) \
                    or not accepted.free(m.start(), m.end()):
                continue
            accepted.append(Candidate(m.start(), m.end(), "PERSON", f"person:new:{slug(m.group())}", m.group(),
                                      method="pattern", score=0.6))

    def _transliterated_people(self, text: str, limit: int, accepted: Ledger) -> None:
        """A foreign person as Vietnamese state media write one: a capital initial, a dot and the family name in
        hyphenated syllables, a capital opening the first only ("P.Pô-rô-sen-cô", "N.Ha-lây", batch 35; "V.Pu-tin",
        "Ê.Ma-crông", gold; ``grammar_transliterated_person``). The gazetteer's person when it knows the name."""
        for m in self._transliterated_person_re.finditer(text, 0, limit):
            parts = m.group("name").split("-")
            if not (m.group("initial").isupper() and parts[0][0].isupper() and parts[0][1:].islower()
                    and all(p.islower() for p in parts[1:])) or not accepted.free(m.start(), m.end()):
                continue
            self._shaped_person(text, m.start(), m.end(), accepted)

    def _prefixed_place(self, text: str, s: int, e: int, accepted: Ledger) -> str:
        """The type of a place a Latin-script run opened by a compound place name's first word names
        (``grammar_place_name_starts``: "New South Wales", "Little Diomede", "Big Sur", "Great Ocean"), or "": where it
        ends on a known GPE, a GPE that grows over it ("New South Wales", "New Guinea": not "Wales",
        "Guinea"); where a known place follows it after a comma, a bracket, "ở" or "tại", a LOC ("Big Sur, Mỹ",
        "Great Barrier ở Australia"; a GPE before a bracket). Not a body's nor an event's name by its last word."""
        words = text[s:e].split()
        if len(words) < 2 or words[0] not in self.grammar["place_name_starts"] \
                or words[-1] in self.rules.foreign_org_words or words[-1] in self.rules.foreign_event_words:
            return ""
        inside = [a for a in accepted if a.overlaps(s, e)]
        if inside:
            # a GPE only: a district named after a sight ("West Hollywood": "Hollywood" is a LOC row) is left to the
            # world cities of link.place-cue
            ends = all(a.type == "GPE" and a.method == "gazetteer" and s < a.start and a.end == e for a in inside)
            return "GPE" if ends else ""
        cue = self._compound_place_cue_re.match(text, e)  # ", ", " (", " ở ", " tại " (``grammar_place_cue_words``)
        if not cue or not any(a.start == cue.end() and a.type in ("GPE", "LOC") for a in accepted):
            return ""
        # the known place in brackets names a unit's land ("North Lanarkshire (Scotland)", "West Glamorgan (xứ
        # Wales)": a GPE, as in the gold of batch 28), so does a world city ("West Hollywood, Los Angeles"); after a
        # comma or "ở", a sight on a list ("Big Sur, Mỹ")
        return "GPE" if cue.group() == " (" or self._world_cities.get(fold(text[s:e])) else "LOC"

    def _websites(self, text: str, limit: int, accepted: Ledger) -> None:
        """A website named by its domain in the body ("Theo báo cáo của Batdongsan.com.vn", "Theo trang
        nationalinterest.org"): a medium, an ORG (ANNOTATION.md: a medium cited as a source in the body).
        Not after a colon, where a page lists its own address or credits ("Website: intechsolar.vn",
        "Nguồn: structure.mil.ru")."""
        for m in self._website_re.finditer(text, 0, limit):
            s, e = m.span()
            if text[:s].rstrip().endswith(":") or not accepted.free(s, e) or self.names.get(fold(text[s:e])):
                continue
            accepted.append(Candidate(s, e, "ORG", f"org:new:{slug(text[s:e])}", text[s:e], method="pattern",
                                      score=0.6))
    def _person_over_body(self, text: str, s: int, e: int, accepted: Ledger) -> bool:
        """A common foreign given name before a body the gazetteer names by one word is a person of that
        family name ("Christopher Ford", "Michael Bloomberg"): the name displaces the company, which
        news names after its founder as often (issue-14F12: typed ORG in batches 14 and 15). A brand the
        gazetteer names in full ("Louis Vuitton") never gets here."""
        words = text[s:e].split()
        inside = [a for a in accepted if a.overlaps(s, e)]
        if len(words) != 2 or words[0] not in self.rules.foreign_given_names or not inside \
                or any(a.type != "ORG" or a.start != e - len(words[1]) or a.end != e for a in inside) \
                or self._foreign_name_label(text, s, e) != "PERSON":
            return False
        return self._replace_inside(accepted, Candidate(s, e, "PERSON", f"person:new:{slug(text[s:e])}", text[s:e],
                                                        method="pattern", score=0.6), ("ORG",))

    def _event_over_names(self, text: str, s: int, e: int, accepted: Ledger) -> None:
        """A Latin-script event by its last word grows over the places and bodies the gazetteer names inside it
        ("Barcelona Open": the club; "Influence Asia 2017" no, "Asia" is no event's word; issue-14R11, batch 13)."""
        # and over the Games the gazetteer names by the last word: "Maslin Beach Nude Olympics" (issue-14B34, batch 36);
        # not over a longer event's name ("VCK AFF Cup 2020": the final round of the AFF Cup)
        grows = _GROWS_OVER + ("EVENT",)
        if text[s:e].split()[-1] not in self.rules.foreign_event_words \
                or any(a.overlaps(s, e) and (a.type not in grows or a.type == "EVENT" and (a.end != e or " " in text[a.start:a.end]))
                       for a in accepted):
            return
        self._replace_inside(accepted, Candidate(s, e, "EVENT", f"event:new:{slug(text[s:e])}", text[s:e],
                                                 method="pattern", score=0.6), grows)

    def _shop_in_body_list(self, text: str, s: int, e: int, words: list[str]) -> bool:
        """A shop, brand or sponsor by its kind word ("Yolo Bar", "Diamond Fitness") in a list of bodies: one a noun of
        bodies opens within a sentence back ("các thương hiệu … như: …", "các đối tác: …"), or one whose next or
        previous member is a shop by its kind word too ("JC Fun Pub, …, Yolo Bar, Relax Bar"): a body, not a person
        (issue-14Y33, batches 34 and 35); a list of people after "ca sĩ" holds no such word."""
        if len(words) < 2 or words[-1] not in self.grammar["shop_words"]:
            return False
        back = text[max(0, s - 300):s]
        back = back[max(back.rfind(". "), back.rfind("\n")) + 1:]
        return self._body_list_noun_re.search(back) is not None or self._shop_before_re.search(back) is not None \
            or self._shop_after_re.match(text, e, e + 80) is not None

    def _foreign_name_label(self, text: str, s: int, e: int) -> str:
        """What the Latin-script run ``text[s:e]`` names by its last word and the words around it:
        an event ("Nickelodeon Kids' Choice Awards"), an organisation ("nhật báo Rodong Sinmun",
        "tổ chức Climate Central", "RWR Advisory Group"), a person, or nothing ("")."""
        words = text[s:e].split()
        before, after = text[max(0, s - 25):s], text[e:e + 25]
        medium = self._media_before_re.search(before) and not self._syllable_noun_before(text, s, False)
        if place := self._foreign_place_label(words, before, bool(medium)):
            return place
        # the kind of body may stand before the one word of the place it serves ("Suzuki Motor Gujarat";
        # issue-14P17, batch 20), never first ("Land Cruiser", "Times Square") nor further in ("… Daily Wrinkle
        # Defense", a cream)
        if medium or self._org_noun_before_re.search(before) or words[-1] in self.rules.foreign_org_words \
                or (len(words) >= 3 and words[-2] in self.rules.foreign_org_words) \
                or self._shop_in_body_list(text, s, e, words):
            return "ORG"
        # a run opened by an article or a vessel's noun is a title or a vessel ("The Face Reader", "Tàu Nanggala");
        # a capital and its dot before a family name of no Vietnamese syllable is a person's initial, no acronym
        # ("Heather F. Smith": issue-14F21; "bà T. Lan" stays the optional initials of a Vietnamese name); a word past
        # the initial of no Vietnamese syllable is enough ("C. Alex Young": "Young" has a Vietnamese syllable's letters)
        foreign_end = _foreign_end(words)
        if any(len(w) >= 2 and w.isupper() and not (foreign_end and _initial(w)) for w in words) \
                or words[0] in self.rules.foreign_title_starts \
                or words[0] in self.grammar["vessel_nouns"] \
                or self._work_before_re.search(before) or self._no_bare_person(words):
            return ""
        if self._person_before_re.search(before) and self._person_after_re.match(after):
            return "PERSON"
        # "Edward Jenner", "Albert Sabin": a common given name opens a person's name wherever it stands; so does an
        # initial before a family name of no Vietnamese syllable ("chuyên gia quân sự J. Ditz", "nhà vật lý C. Alex
        # Young": issue-14C28, batches 18 and 29), which no acronym nor Vietnamese name has
        opens = words[0] in self.rules.foreign_given_names or self._initial_opens(words, before)
        return "PERSON" if opens and len(words) <= 3 else ""

    def _foreign_place_label(self, words: list[str], before: str, medium: bool) -> str:
        """EVENT, LOC or "" for a Latin-script run by its place words (issue-14B34, batch 36): games named by their
        place are held there ("Maslin Beach Nude Games"; not "Epic Games", ``grammar_place_games_words``); a last word
        of beaches, bays, parks and streets or a first word of beaches, capes and lakes makes a place ("Black's Beach",
        "Lady Bay", "Spiaggia di Guvano"), but after a medium's or a work's noun ("phim Battleship Island") or with a
        brand's letters ("FLC Samson Beach & Golf Resort", batch 13)."""
        g = self.grammar
        if words[-1] in self.rules.foreign_event_words or words[-1] in g["place_games_words"] \
                and any(w in g["foreign_place_words"] for w in words[:-1]):
            return "EVENT"
        if not (words[-1] in g["foreign_place_words"] or self._place_start(words)) or medium \
                or self._work_before_re.search(before) or any(len(w) >= 2 and w.isupper() for w in words):
            return ""
        return "LOC"

    def _initial_opens(self, words: list[str], before: str) -> bool:
        """An initial opening a run that goes on with a foreign word, not after a noun of grades, groups and units,
        whose capital is that letter ending its sentence ("9 độ C. Sarah Smith …", "viêm gan B. Do đó":
        ``grammar_letter_nouns``)."""
        if not _initial(words[0]) or not _foreign_end(words):
            return False
        low = f" {before.lower()}"
        return not any(low.endswith(f" {noun} ") for noun in self.grammar["letter_nouns"])

    def _no_person(self, words: list[str]) -> bool:
        """A word of a product, a feature, a shop or a street ("Aris Pro", "App Store", "Dynamic Bokeh"):
        the run names no person (``not_person_words``); nor does a park's or a street's ("Finsbury Park",
        not "Park Hang Seo": ``foreign_place_words``, the last word)."""
        return any(w in self.rules.not_person_words for w in words) or words[-1] in self.grammar["foreign_place_words"] \
            or self._place_start(words)

    def _place_start(self, words: list[str]) -> bool:
        """A place's first word before its name ("Spiaggia di Guvano", "Cape Burkhan"; ``grammar_foreign_place_starts``),
        never alone: "Mount" is Mason Mount's name in sport news (issue-14B34)."""
        return len(words) >= 2 and words[0] in self.grammar["foreign_place_starts"]

    def _no_bare_person(self, words: list[str]) -> bool:
        """What ``_no_person`` says for a run no title or honorific stands before, and also: a run of two words
        or more, each a common English word that no given name is ("Speed Racer", "Real Clear Politics", "Send
        Gift", "Power Point": a film, a pollster, a button, software; ``english_words``, built from pinned word and
        name lists). A person so named has a given name in it ("Will Smith", "Kristen Bell") or a title before.
        Nor a run a clause's opening word leads ("Lúc Thúy đang học", "Ngoài Grande, …": ``opening_not_name``)."""
        return self._no_person(words) or (len(words) >= 2 and all(
            w[:1].isupper() and w[1:].islower() and w.lower() in self.rules.english_words for w in words)) \
            or (len(words) >= 2 and (words[0] in self.grammar["opening_not_name"]
                                     or words[0] in self.grammar["place_name_starts"]))

    def _medium_named_after_place(self, text: str, s: int, e: int, accepted: Ledger) -> bool:
        """"Taiwan News", "New York Post": a medium or company named after a foreign country or city
        displaces the place its name opens with (not "Hòa Bình Centre", a building, nor "Moscow
        Institute of …", a longer name). True when the run is taken."""
        last = text[s:e].split()[-1]
        if last not in self.rules.foreign_org_words or _NAME_GOES_ON.match(text, e):
            return False
        # so does a company named after a town the gazetteer knows as its club's name ("Granada Ventures", which sold
        # Arsenal's shares: issue-14A34, batch 36, where the club was kept and the company missed); not the club's own
        # suffix ("Granada CF")
        places = [a for a in accepted if a.start == s and a.end < e and (
            a.type == "GPE" and self._country_of(a.entity_id) != "VN"
            or a.type == "ORG" and self._town_club(a.entity_id) and last not in self.grammar["club_town_suffixes"])]
        if not places or any(a.overlaps(s, e) and a not in places for a in accepted):
            return False
        for a in places:
            accepted.remove(a)
        if not self.names.get(fold(text[s:e])):
            accepted.append(Candidate(s, e, "ORG", f"org:new:{slug(text[s:e])}", text[s:e], method="pattern",
                                      score=0.6, displaces=tuple((a.start, a.end) for a in places)))
        return True

    def _town_club(self, entity_id: str) -> bool:
        """A club the gazetteer names by its town alone, its English name the town and a club's suffix ("Granada",
        Granada CF; ``grammar_club_town_suffixes``)."""
        entry = self.gaz.entries.get(entity_id)
        words = entry.english.split() if entry is not None else []
        return len(words) == 2 and words[-1] in self.grammar["club_town_suffixes"] and words[0] == entry.canonical

    def _noun_token_at(self, text: str, pos: int, covering: int = 0) -> bool:
        """A noun at ``pos`` whose syllable is also a verb's: "dự án", "lương thực", "công nghệ"
        (reaching at least to ``covering``)."""
        low = text[pos:pos + self._noun_token_chars].lower()
        # only the nouns that open on the text's first character can start it (asked at every word
        # after a head, so not all of them each time); all of them if an empty one is listed
        by_first = self._noun_tokens_by_first
        nouns = self.rules.noun_tokens if by_first is None else by_first.get(low[:1], ())
        return any(low.startswith(n) and not _is_word_char(low[len(n):len(n) + 1] or " ")
                   and pos + len(n) >= covering for n in nouns)

    def _pattern_named(self, ctx: Context, accepted: Ledger, head_re: re.Pattern[str], etype: str,
                       about: bool) -> None:
        """Head word + name: organisations ("Cục …", "UBND tỉnh …"), and named agreements and
        events whose head is written with a capital ("Thỏa thuận về …", "Đối thoại ASEAN-… về …")."""
        text, limit, word_end = ctx.text, ctx.limit, ctx.word_end
        starts = {a.start: a for a in accepted if a.entity_id or a.method != "coref"}
        for m in head_re.finditer(text, 0, limit):
            m = self._body_in_title(text, m, head_re) or m
            if not self._head_opens_name(ctx, m, etype, accepted, starts):
                continue
            pos = self._past_admin(text, m.end() + 1, etype)
            end = self._numbered_unit_end(text, m, pos, etype) or self._named_end(
                text, pos, limit, self._place_from_admin(starts, m.end() + 1, pos), head_re, word_end,
                self._name_shape(text, m, etype, about, word_end))
            if end is not None and etype == "ORG":
                end = self._foreign_tail(text, self._council_end(text, m, pos, end), limit)
            if end is None or self._generic_scope(text, m.end(), end, etype):
                continue
            span = self._named_span(text, m, pos, self._edition_and_year(text, m, end, limit, etype, accepted),
                                    etype, accepted)
            # A school or hospital named after a person grows over the person's name too.
            # So does a company named after one after its legal form ("Công ty TNHH Nguyễn Hưng").
            nests = _GROWS_OVER + ("PERSON",) if m.group() in self.rules.eponym_heads \
                or self._company_form_re.match(text, m.end() + 1) else _GROWS_OVER
            if span is not None and self._holds_place(text, m, end):
                span.holds = ("GPE",)
            if span is not None and self._replace_inside(accepted, span, nests):
                starts = {a.start: a for a in accepted if a.entity_id or a.method != "coref"}

    def _org_heads(self, ctx: Context, accepted: Ledger, out: Proposals) -> None:
        """Family ``pattern.org-head``: bodies by their head word, then schools named after a person."""
        self._pattern_named(ctx, accepted, self._org_head_re, "ORG", False)
        self._eponym_schools(ctx, accepted)
        self._bare_bodies(ctx, accepted)
        self._federal_bodies(ctx, accepted)

    def _federal_bodies(self, ctx: Context, accepted: Ledger) -> None:
        """"Bộ Y tế liên bang Đức", "Ủy ban Thị trường mở Liên bang Mỹ": a body's name, at most one lower-case word of
        its own, then "liên bang" and a country is that country's federal body, named whole (``federal_words``;
        batches 28 and 32 cut it before the word and took "Bộ Y tế" for Việt Nam's; issue-14M30). The lower-case
        word is none of a verb's or a stop word's ("Bộ Y tế | cho biết liên bang Đức …")."""
        text = ctx.text
        for word in self.grammar["federal_words"]:
            pos = text.find(" " + word + " ")
            while pos >= 0:
                self._federal_body(text, pos + 1, pos + len(word) + 2, accepted)
                pos = text.find(" " + word + " ", pos + 1)

    def _federal_body(self, text: str, start: int, after: int, accepted: Ledger) -> None:
        """The federal body whose "liên bang" runs from ``start`` to the country at ``after`` (``_federal_bodies``)."""
        country = next((a for a in accepted if a.start == after and a.type == "GPE"), None)
        entry = self.gaz.entries.get(country.entity_id) if country is not None else None
        if entry is None or entry.parent:
            return
        gap = _word_before(text, start)
        ends = (start - 1,) if not (gap.isalpha() and gap.islower()) or gap in self.rules.verbs \
            or gap in self.rules.stop_words else (start - 1, start - len(gap) - 2)
        body = next((a for a in accepted if a.end in ends and a.type == "ORG"), None)
        if body is None:
            return
        name = text[body.start:country.end]
        accepted[:] = [a for a in accepted if a is not body and a is not country]
        accepted.append(Candidate(body.start, country.end, "ORG", f"org:new:{slug(name)}", name, method="pattern",
                                  score=0.7))

    def _bare_bodies(self, ctx: Context, accepted: Ledger) -> None:
        """"Hai dự luật của Hạ viện …", "bị mắc kẹt tại Thượng viện": a chamber named bare, no name after it, is that
        chamber (grammar_bare_bodies; issue-14C24, batches 16 and 25), a body of its own, whose country the text
        does not repeat. After a capitalised word it is the end of a longer name or a title ("Ủy ban Tình báo Hạ
        viện", "Chủ tịch Hạ viện"); before one it opens a name ("Hạ viện Mỹ": the head's, above)."""
        text, limit = ctx.text, ctx.limit
        for m in self._bare_body_re.finditer(text, 0, limit):
            before = _word_before(text, m.start())
            if before[:1].isupper() and before[-1:].isalnum() or text[m.end():m.end() + 2][1:].isupper() \
                    or not accepted.free(m.start(), m.end()) or self._bare_body_generic(text, m, before):
                continue
            accepted.append(Candidate(m.start(), m.end(), "ORG", f"org:new:{slug(m.group())}", m.group(),
                                      method="pattern", score=0.7))

    def _bare_body_generic(self, text: str, m: re.Match[str], before: str) -> bool:
        """A bare body that is no one body: every province's ("các UBND tỉnh", "UBND tỉnh/thành", "UBND tỉnh, thành phố
        trực thuộc trung ương", "UBND thành phố và tỉnh"), a council's part of a title ("Chủ tịch UBND tỉnh": the
        title's person, linked by title; issue-14M30), or a unit glued to its name by a stop ("UBND TP.HCM")."""
        after = text[m.end():m.end() + 16]
        return before in self.rules.plural_determiners or after.startswith(tuple(self.grammar["bare_local_generic_after"])) \
            or after[:1] == "." and after[1:2].isalpha() \
            or any(t.start() < m.start() < t.end() for t in self._title_re.finditer(text, max(0, m.start() - 30), m.end()))

    def _eponym_schools(self, ctx: Context, accepted: Ledger) -> None:
        """"Phó Hiệu trưởng Trường Lương Thế Vinh", "một nam sinh trường Lê Quý Đôn": the school noun right before a
        person's full name is a school named after that person; the person is inside the school's name, no mention
        of its own (grammar_eponym_school_nouns; issue-14U20, batches 22 and 23)."""
        text, limit = ctx.text, ctx.limit
        for m in self._eponym_school_re.finditer(text, 0, limit):
            before = _word_before(text, m.start())
            if before.lower() in self.grammar["eponym_school_not_after"] or (before[:1].isupper() and before[-1:].isalpha()) \
                    or any(s < m.start() < e for s, e in ctx.words) or not accepted.free(m.start(), m.end()):
                continue  # "công trường", "Hội đồng trường": a word "trường" ends; "Nguyễn Trường Tộ": a name's syllable
            run = self._surname_run(text, m.end() + 1, limit)
            if run is None or text[m.end() + 1:].split(" ", 1)[0] not in self.rules.surnames:
                continue
            span = self._named_span(text, m, m.end() + 1, run[1], "ORG", accepted)
            if span is not None:
                self._replace_inside(accepted, span, _GROWS_OVER + ("PERSON",))

    def _generic_scope(self, text: str, start: int, end: int, etype: str) -> bool:
        """"các bệnh viện trên khắp Ấn Độ", "nhiều bệnh viện và Sở Y tế trên toàn quốc": the head's words run into a
        scope over a whole country, so they name a kind of body everywhere, no body (issue-14B17; dev, batch 12)."""
        return etype == "ORG" and any(f" {w}" in text[start:end] or text.startswith(f" {w}", end)
                                      for w in self.grammar["generic_scopes"])

    def _holds_place(self, text: str, m: re.Match[str], end: int) -> bool:
        """The place named inside the body stays a place of its own: "Đại sứ quán Nga ở Bratislava" (the city),
        "Ban chấp hành Đảng bộ xã Hàm Rồng" (the commune; issue-14B17, grammar_place_holding_heads)."""
        if m.group() in self.grammar["place_holding_heads"]:
            return True
        return m.group() in self.rules.embassy_heads and any(f" {w} " in text[m.end():end]
                                                              for w in self.grammar["embassy_at"])

    def _body_in_title(self, text: str, m: re.Match[str], head_re: re.Pattern[str]) -> re.Match[str] | None:
        """"Chánh Thanh tra Bộ NN&PTNT", "Chánh Thanh tra Sở Khoa học và Công nghệ": after the inspector's title the
        inspectorate's head is the title's, and the body's own head ("Bộ", "Sở") opens the name (issue-14O13)."""
        if m.group() not in self.grammar["inspectorate_heads"] \
                or not text[:m.start()].endswith(tuple(t + " " for t in self.grammar["inspectorate_titles"])):
            return None
        return head_re.match(text, m.start() + len(m.group().rsplit(" ", 1)[0]) + 1)

    def _head_opens_name(self, ctx: Context, m: re.Match[str], etype: str, accepted: Ledger,
                         starts: dict[int, Candidate]) -> bool:
        """The head word may open a name here: it is free, no syllable inside a word or a title, and
        in lower case only a law's or meeting's head before a capitalised word."""
        text, word_end = ctx.text, ctx.word_end
        if self._head_taken(text, m.start(), etype, accepted, word_end) \
                or any(s < m.start() < e for s, e in ctx.words):
            return False
        if etype == "ORG" and self._inside_word(text, m.start(), m.end(), word_end):
            return False  # "Thư Viện Về Buôn": the head's word is the second syllable of another word
        if (title := self._title_re.match(text, m.start())) and title.end() > m.end():
            return False  # "Vụ Trưởng Vụ Truyền thông": a title opened by a head's word, not a body
        if m.group() in self.grammar["capital_first_heads"] and not _capitalised(text[m.end() + 1:].split(" ", 1)[0]):
            return False  # "Chiến dịch tiêm chủng …" opening a sentence: a campaign's head names one only before a capital
        if m.group() in self.grammar["level_heads"] \
                and text.startswith(tuple(self.grammar["level_heads_not_before"]), m.end() + 1):
            return False  # "kì thi tốt nghiệp THPT Quốc gia": the exam, no school
        if text.startswith(tuple(self.grammar["head_not_before"].get(m.group(), ())), m.end() + 1):
            return False  # "Ngày giải phóng miền Nam": an anniversary's day, no event held (issue-14P26)
        if text[:m.start()].endswith(tuple(w + " " for w in self.grammar["head_not_after"].get(m.group(), ()))):
            return False  # "Dự bị đại học A - Levels": a programme before the kind of school, no school (issue-14U27)
        if etype == "EVENT" and any(a.type == "EVENT" and m.start() < a.start <= m.end() + 1 for a in accepted):
            return False  # "lễ trao giải Quả cầu Vàng 2012", "… Kids' Choice Awards": a known award keeps its own name
        if m.group() in self.grammar["not_after_plural_heads"] and self._plural_word_before(text, m.start()):
            return False  # "các trường trung cấp chuyên nghiệp Hà Nội": a kind of school, no school
        return not (m.group()[0].islower() and etype != "ORG"
                    and not self._law_in_lower_case(text, m, word_end, starts, etype))

    def _treaties(self, ctx: Context, accepted: Ledger, out: Proposals) -> None:
        """Agreements and laws by their head word, and legal documents by their number and code
        ("Thông tư 26/2020/TT-BGDĐT", "Quyết định số 2830/QĐ-UBND")."""
        self._pattern_named(ctx, accepted, self._treaty_head_re, "TREATY", True)
        text, free = ctx.text, accepted.free
        for m in self._numbered_document_re.finditer(text, 0, ctx.limit):
            s, e = m.span()
            if free(s, e):
                ids = self.names.get(fold(m.group()))
                accepted.append(self._span_for(self._pick(ids, ""), s, e) if ids else Candidate(
                    s, e, "TREATY", f"treaty:new:{slug(m.group())}", m.group(), method="pattern", score=0.7))

    def _events(self, ctx: Context, accepted: Ledger, out: Proposals) -> None:
        """Meetings by their head word; sessions by their number in lower case ("phiên họp thứ
        55"); contests by the name in quotation marks after their noun (cuộc thi “Hiểu đúng về tiền”)."""
        text = ctx.text
        # a meeting's or festival's whole title in quotation marks, taken before its head's run of words ("Lễ hội trình
        # diễn siêu xe và âm nhạc Vân Đồn 2021", the head's run stops at "và"; issue-14E14, batches 13 and 17)
        self._add_events(text, [(m.span("name"), m.group("name").strip())
                                for m in self._quoted_event_re.finditer(text, 0, ctx.limit)], accepted)
        self._pattern_named(ctx, accepted, self._event_head_re, "EVENT", True)
        # (span, canonical): a contest's canonical name keeps its noun ("cuộc thi Hiểu đúng về tiền"),
        # which tells the event frames it is no conference
        spans = [(m.span(), m.group()) for m in self._session_re.finditer(text, 0, ctx.limit)]
        spans += [(m.span("name"), f"{m.group('noun')} {m.group('name').strip()}")
                  for m in self._contest_re.finditer(text, 0, ctx.limit)]
        spans += self._lower_case_festivals(text, ctx.limit, ctx.word_end)
        self._add_events(text, spans, accepted)

    def _add_events(self, text: str, spans: list[tuple[tuple[int, int], str]], accepted: Ledger) -> None:
        """Each (span, canonical) an EVENT where it is free or holds only places and bodies."""
        free = accepted.free
        for (s, e), canonical in spans:
            name = text[s:e].strip()
            e = s + len(name)
            ids = self.names.get(fold(name))
            span = self._span_for(self._pick(ids, ""), s, e) if ids else Candidate(
                s, e, "EVENT", f"event:new:{slug(name)}", canonical, method="pattern", score=0.7)
            if free(s, e):
                accepted.append(span)
            elif not ids and not any(a.overlaps(s, e) and a.type not in _GROWS_OVER for a in accepted):
                # a place or body named inside it: Cuộc thi "Người đẹp du lịch Sầm Sơn" (issue-14R11, batch 13)
                self._replace_inside(accepted, span, _GROWS_OVER)

    def _lower_case_festivals(self, text: str, limit: int, word_end: list[int]) -> list[tuple[tuple[int, int], str]]:
        """"tại Lễ hội hoa và …", "gắn với Lễ hội mùa hè tại Sa Pa": a festival's head written with a capital
        inside a sentence names the festival by the lower-case words after it, up to a function word, a verb,
        "và" or punctuation (the gold of batches 8 and 13). Not at a sentence's opening, where every noun is
        capitalised, nor after a count ("một Lễ hội đặc sắc"). The name never ends inside a word of the
        segmenter: the syllable before the stop word goes with it ("Lễ hội xiếc quốc tế | hàng năm", "Lễ hội |
        thống nhất"; issue-14H28, batches 27 and 30 cut them at "hàng", "thống")."""
        out = []
        g = self.grammar
        for m in self._festival_re.finditer(text, 0, limit):
            before = text[:m.start()].rstrip().rsplit(" ", 1)[-1]
            if not before.isalpha() or not before.islower() or before in g["festival_not_after"]:
                continue
            words = []
            run = text[m.end():min(limit, m.end() + 80)].split(" ")[1:int(g["festival_reach"]) + 2] + [""]
            for w, nxt in zip(run[:int(g["festival_reach"])], run[1:]):
                bare = w.rstrip(_PUNCT_AFTER)
                if not bare.isalpha() or not bare.islower() or bare in self.rules.stop_words \
                        or bare in self.rules.verbs or bare == g["and"] \
                        or f"{bare} {nxt.rstrip(_PUNCT_AFTER)}" in g["festival_after"]:
                    break
                words.append(bare)
                if bare != w:
                    break  # punctuation right after the word ends the name
            while words and _ends_inside_word(m.end() + 1 + len(" ".join(words)), word_end):
                words.pop()
            if words:
                name = f"{m.group()} {' '.join(words)}"
                out.append(((m.start(), m.start() + len(name)), name))
        return out

    @staticmethod
    def _law_in_lower_case(text: str, m: re.Match[str], word_end: list[int], starts: dict[int, Candidate],
                           etype: str) -> bool:
        """A head in lower case ("luật Đất đai", "hội nghị G20") names a law or meeting only when it
        is a word of its own (not "luật pháp", "định luật") and a capitalised word follows that is no
        place the tagger knows; a law's, no body or acronym either ("luật Việt Nam", "luật VFF")."""
        nxt = text[m.end() + 1:m.end() + 40].split(" ", 1)[0]
        whole = not word_end or (word_end[m.start()] <= m.end() and (m.start() < 2 or word_end[m.start() - 2] < m.start()))
        known = starts.get(m.end() + 1)
        if known is not None and (etype == "TREATY" or known.type in ("GPE", "LOC")):
            return False
        return whole and nxt[:1].isupper() and (etype != "TREATY" or not nxt.isupper())

    def _inside_word(self, text: str, s: int, e: int, word_end: list[int]) -> bool:
        """The head ``text[s:e]`` ends a capitalised word of the segmenter that starts before it ("Thư
        Viện", "Tổng Cục"; not "cán bộ Đội", which the segmenter joined to the lower-case word before, nor
        "Hiện Đại sứ quán", which is no word of the language)."""
        if not (word_end and 0 < s < len(word_end) and text[s - 1] == " " and word_end[s - 1] == word_end[s] == e):
            return False
        before = text[max(0, s - 12):s - 1].rsplit(" ", 1)[-1].lstrip("\"“‘'([")
        return _capitalised(before) and f"{before} {text[s:e]}".lower() in self.known_words

    def _head_taken(self, text: str, s: int, etype: str, accepted: list[Candidate], word_end: list[int]) -> bool:
        """The head word is inside a kept span, or (an agreement's head) a word of a dialogue's or body's name."""
        if any(a.start <= s < a.end for a in accepted):
            return True
        before = text[max(0, s - 30):s]
        if etype != "TREATY" or not before.endswith(" "):
            return False
        # "Đối thoại Chiến lược quốc phòng": a word of the dialogue's name, not a strategy; "viện Chính
        # sách Chiến lược Australia": a capitalised word before it, whole or the segmenter's word's first
        # syllable, makes it a word of another name (not "Theo Hiệp định …")
        if before.rstrip().endswith(self.rules.law_stages):
            return False  # "về Dự thảo Luật …": a bill, not a word of another name
        words = before.rstrip().split(" ")
        prev = words[-1]
        prev_end = s - (len(before) - len(before.rstrip()))
        at = prev_end - len(prev)  # where ``prev`` starts
        if len(words) >= 2 and not _capitalised(prev) and word_end:
            at2 = at - 1 - len(words[-2])  # where the word before ``prev`` starts
            if 0 <= at2 < len(word_end) and word_end[at2] >= prev_end:
                prev, at = words[-2], at2  # "Chính sách": one word, its first syllable capitalised
        # A capitalised word opening the sentence is no name's ("Dự thảo Luật Chứng khoán").
        opens = not text[:at].strip() or text[:at].rstrip()[-1] in ".!?:;\"“”'(-–…"
        return (_capitalised(prev) and not opens and prev.lower() not in self.rules.stop_words
                and prev[-1:].isalpha()) or any(
            r.search(before.rstrip() + " ") for r in (self._event_head_end_re, self._org_head_end_re))

    def _past_admin(self, text: str, pos: int, etype: str) -> int:
        """An organisation's administrative word ("UBND tỉnh …") is part of the name, not its start."""
        if etype == "ORG":
            for admin in self.rules.org_admin_words:
                if text.startswith(admin + " ", pos):
                    return pos if self._sentence_after_unit(text, admin, pos + len(admin) + 1) else pos + len(admin) + 1
        return pos

    def _sentence_after_unit(self, text: str, admin: str, pos: int) -> bool:
        """The full stop of an abbreviated unit ends the sentence when a word of the language, capitalised and then in
        lower case, follows ("chờ chỉ đạo … từ UBND TP. Trả lời phóng viên, bà …": the body is "UBND TP", batch 25;
        issue-14M26), unlike a place ("UBND TP. Phú Quốc", "TP. Hồ Chí Minh")."""
        nxt = _TWO_WORDS.match(text, pos)
        return admin.endswith(".") and nxt is not None and nxt.group(1)[0].isupper() and nxt.group(2).islower() \
            and self._is_word(f"{nxt.group(1)} {nxt.group(2)}".lower())

    @staticmethod
    def _place_from_admin(starts: dict[int, Candidate], admin: int, pos: int) -> dict[int, Candidate]:
        """The name after an administrative word starts at the place the gazetteer knows with that word ("quận Bắc Từ
        Liêm"): the scan sees the whole place at the name's first syllable, so a syllable of the place that is a stop
        word elsewhere ("Từ", "Năm") does not cut it ("UBND quận Bắc Từ Liêm" was lost whole; issue-14M26)."""
        place = starts.get(admin)
        if pos == admin or place is None or place.type not in ("GPE", "LOC") or place.end <= pos or pos in starts:
            return starts
        return {**starts, pos: place}

    def _foreign_tail(self, text: str, end: int | None, limit: int) -> int | None:
        """A body's name that ends on a Latin-script word goes on over a linking word of its language and the
        capitalised words after it ("Đại học Santiago de Compostela", "Huntington Beach Academy for the Performing
        Art": cut short in batches 13 and 17; issue-14O14); a Vietnamese word ends it as before."""
        if end is None or not _LATIN_LAST_WORD.fullmatch(text[max(0, end - 40):end].rsplit(" ", 1)[-1]):
            return end
        tail = self._foreign_tail_re.match(text, end, limit)
        return end if tail is None else tail.end()

    def _numbered_unit_end(self, text: str, head: re.Match[str], pos: int, etype: str) -> int | None:
        """Where the body of an urban unit known by its number ends: after the number ("UBND phường 2", "TAND quận
        10", "Công an quận 5"; issue-14O14, batches 5 and 12), where a capitalised name would stand; None elsewhere,
        or when a measure follows the number ("Công an quận 5 năm …" counts years). An army's unit is closed by its
        number right after its head too ("Sư đoàn 304 | đảm nhiệm", issue-14U19): what follows is the clause."""
        admin = text[head.end():pos].strip()
        closed = not admin and head.group() in self.grammar["numbered_closed_heads"]
        if etype != "ORG" or not closed and admin.lower() not in self.grammar["numbered_org_units"]:
            return None
        number = (_UNIT_CODE if closed else self._unit_number_re).match(text, pos - 1)
        if number is None:
            return None
        after = text[number.end():number.end() + 12].split(maxsplit=1)
        if after and after[0].rstrip(",.;:)") in self.grammar["quantity_words"]:
            return None
        return number.end()

    def _name_shape(self, text: str, m: re.Match[str], etype: str, about: bool, word_end: list[int]) -> NameShape:
        """What the name after this head may run over (see :class:`NameShape`)."""
        head = m.group()
        return NameShape(
            about=about,
            after_tai=head in self.rules.embassy_heads,
            commas=head == self.grammar["ministry_head"] or etype == "TREATY",
            tail=head in self.rules.law_heads or head in self.grammar["contest_heads"],
            # not "Bộ trưởng Bộ Quốc phòng", "Hội nghị ASEAN": the head is a word's start
            lead_lower=etype == "ORG" and not self._title_re.match(text, m.start())
            and not (word_end and word_end[m.start()] > m.end()),
            # "Đại hội 19", "Hội nghị Cấp cao 25"; military hospitals by their number ("Bệnh viện 103")
            numbered=etype == "EVENT" or head in self.grammar["numbered_org_heads"],
            # and a steering committee's task, which its place or epidemic closes ("Ban Chỉ đạo an toàn tiêm chủng
            # vắc xin phòng COVID-19": issue-14N20)
            lead_words=etype == "TREATY" and head not in self.rules.law_heads
            or head in self.grammar["place_last_heads"],
            eponym=head in self.rules.eponym_heads,
            no_and=head in self.rules.no_and_heads,
            whole=head in self.grammar["whole_heads"],
            place_last=head in self.grammar["place_last_heads"],
            body=etype == "ORG",
            head=m.span())

    def _edition_and_year(self, text: str, m: re.Match[str], end: int, limit: int, etype: str,
                          accepted: list[Candidate]) -> int:
        """The name's end grown over a meeting's edition or a law's country and year."""
        # "lần thứ 17", "năm 2018": the number or year of a recurring meeting belongs to its name.
        # So are a few lower-case words before that number ("… ASEAN mở rộng lần thứ 7").
        if etype == "EVENT" and (num := self._edition_re.match(text[end:limit])) \
                and all(w.islower() and w not in self.rules.verbs and w not in self.rules.stop_words
                        for w in num.group(1).split()):
            end += num.end()
        elif etype == "EVENT" and (suffix := next((x for x in self.grammar["event_suffixes"]
                                                   if text.startswith(f" {x}", end) and not _is_word_char(
                                                       text[end + len(x) + 1:end + len(x) + 2] or " ")), None)):
            end += len(suffix) + 1  # "Giải bóng đá Fans Club mở rộng" (issue-14R11, batch 9)
        # A law's country and year: "Đạo luật Quan hệ Đối ngoại của Australia năm 2020".
        if m.group() in self.rules.law_heads and (law := self._law_year_re.match(text[end:limit])):
            place = law.group("gpe")
            at = end + len(f" {self.grammar['of']} ")
            if place is None or any(a.start == at and a.type == "GPE" and a.end == at + len(place) for a in accepted):
                end += law.end()
        return end

    def _named_span(self, text: str, m: re.Match[str], pos: int, end: int, etype: str,
                    accepted: list[Candidate]) -> Candidate | None:
        """The candidate for head + name, when it is a name and nests the kept spans inside it."""
        s = m.start()
        name = text[s:end]
        if len(name.split()) < 2:
            return None
        inside = [a for a in accepted if a.start < end and s < a.end]
        if any(a.start < s or a.end > end for a in inside):
            return None
        if not self._names_something(text, m, pos, name, etype, inside):
            return None
        ids = self.names.get(fold(name))
        span = (self._span_for(self._pick(ids, ""), s, end) if ids else
                Candidate(s, end, etype, f"{etype.lower()}:new:{slug(name)}", name, method="pattern", score=0.7))
        if not ids and etype == "ORG":
            span = self._school_by_its_name(name, span)
        if not ids and m.group().islower() and m.group() in self.rules.contest_nouns:
            # "cuộc thi Sao Mai 2015": a contest's name is what follows its noun in lower case; the canonical
            # name keeps the noun, as for a name in quotation marks (issue-14R11, batches 13 and 14). Not an
            # exam's: "kỳ thi THPT Quốc gia" (batch 12) is the exam's name.
            span.start = pos
        places = [a for a in inside if a.type == "GPE"]
        if not ids and m.group() in self.rules.councils and len(places) == 1:
            # One entity per province's council, however the text abbreviates it.
            body = self.rules.councils[m.group()]
            span.entity_id = f"org:{slug(body)}:{places[0].entity_id.split(':', 1)[1]}"
            admin = text[m.end() + 1:pos].strip()
            # After its unit's word the place keeps the text's name: "UBND tỉnh Thừa Thiên Huế" was the
            # province's council, though the gazetteer names the unit by its present name (Huế, a city)
            place = text[places[0].start:places[0].end] if admin else places[0].canonical
            if place.lower().startswith(f"{admin.lower()} "):
                admin = ""  # "UBND quận 3": the numbered unit's place holds its word ("quận 3")
            span.canonical = " ".join(x for x in (body, admin, place) if x)
        return self._company_named(text, m, self._trade_named(text, m, pos, span, inside))

    def _company_named(self, text: str, m: re.Match[str], span: Candidate | None) -> Candidate | None:
        """A company by its head ("Tập đoàn", "Công ty", ``company_heads``), its legal form and trade in lower case or
        letters (``company_forms``, ``generic_acronyms``), then a name all in Latin script, is named by that name: the
        gazetteer's company of that name ("Công ty TNHH Samsung Display" -> Samsung Display), or a new one ("Tập đoàn
        bán lẻ Suning Holdings Group" -> "Suning Holdings Group", the entity of "tập đoàn Suning Holdings Group" and
        of the bare name). The mention keeps the text. The gold names such companies by the bare name, the head's
        form as an alias (67 of 70 on the gold sets; issue-14A34, batch 36: two entities for one and both missed)."""
        if span is None or not span.entity_id.startswith("org:new:") or m.group() not in self.rules.company_heads:
            return span
        words = text[m.end():span.end].split()
        while words and (words[0][:1].islower() or words[0] in self.rules.generic_acronyms
                         or words[0] in self.rules.company_forms):
            words.pop(0)
        if not words or not all(_FOREIGN_WORD.fullmatch(w) or (w.isupper() and w.isalnum()) for w in words) \
                or all(w.isupper() for w in words) and len(words) == 1 and len(words[0]) < 3 \
                or words[0] in self.rules.foreign_given_names:
            return span  # a person after a verb the name ran on into ("Công ty thuê Jeremy Snyder") names no company
        own = " ".join(words)
        if ids := self.names.get(fold(own)):
            # a place after the head is the company's country or town, no company's name ("Hãng hàng không Qatar")
            orgs = [i for i in ids if (entry := self.gaz.entries.get(i)) is not None and entry.type == "ORG"]
            return self._span_for(self._pick(orgs, ""), span.start, span.end) if orgs else span
        span.canonical, span.entity_id = own, f"org:new:{slug(own)}"
        return span

    def _trade_named(self, text: str, m: re.Match[str], pos: int, span: Candidate, inside: list[Candidate]) -> Candidate | None:
        """A company by "Hãng" and its trade is named by what follows the trade: the company the gazetteer knows by
        that name ("Hãng xe điện Nio" -> NIO), or a new one of that name ("Hãng xe Interbus Lines" -> "Interbus
        Lines"); a country there is no company ("Hãng xe Nhật công bố giá bán mới"). Any other span as it is."""
        own = self._after_trade(text, m, pos)
        if own is None or not span.entity_id.startswith("org:new:"):
            return span
        if any(a.type == "GPE" and a.start == own and a.end == span.end for a in inside):
            return None
        if ids := self.names.get(fold(text[own:span.end])):
            return self._span_for(self._pick(ids, ""), span.start, span.end)
        span.canonical = text[own:span.end]
        span.entity_id = f"org:new:{slug(span.canonical)}"
        return span

    def _after_trade(self, text: str, m: re.Match[str], pos: int) -> int | None:
        """Where a company's own name starts after "Hãng" and its trade in lower case ("Hãng xe Interbus Lines", "Hãng
        xe điện Nio": the gold names "Interbus Lines", "Nio"; batches 26 and 28; ``grammar_trade_words``,
        issue-14M26); None after another head or without a trade."""
        if m.group() not in self.grammar["trade_heads"]:
            return None
        trade = next((t for t in self.grammar["trade_words"] if text.startswith(t + " ", pos)), None)
        return None if trade is None else pos + len(trade) + 1

    def _school_by_its_name(self, name: str, span: Candidate) -> Candidate:
        """"trường Đại học San Francisco", "trường ĐH Việt Nhật": the lower-case noun "trường" (school) before a school's
        capitalised head is the sentence's, not the name's; the gold names the school without it, the noun at most as
        an alias ("Đại học San Francisco", "Đại học Công nghệ Thông tin": batches 10 and 11; issue-14O13), and the
        gazetteer's rows have no such form. The mention keeps the text; its canonical name and entity drop the noun."""
        lead = self.grammar["school_noun"] + " "
        if not name.startswith(lead) or not _capitalised(name[len(lead):]):
            return span
        bare = name[len(lead):]
        if ids := self.names.get(fold(bare)):
            return self._span_for(self._pick(ids, ""), span.start, span.end)
        span.canonical, span.entity_id = bare, f"org:new:{slug(bare)}"
        return span

    def _place_kind(self, text: str, m: re.Match[str], pos: int, name: str, inside: list[Candidate]) -> bool:
        """Head + place is a kind of thing of that place, no name: "Báo Nhật Bản đánh giá" (a country's newspapers;
        "Báo Đồng Nai" is one), "6 CLB Anh", "các CLB châu Âu" (the clubs of a place)."""
        if m.group() in self.grammar["state_not_only_heads"] and any(
                self._state_id(i) for i in self.names.get(fold(text[pos:m.start() + len(name)]), ())):
            return True
        return m.group() in self.grammar["plural_place_heads"] and self._plural_before(text, m.start()) and any(
            a.type in ("GPE", "LOC") and a.start == pos and a.end == m.start() + len(name) for a in inside)

    def _names_something(self, text: str, m: re.Match[str], pos: int, name: str, etype: str,
                         inside: list[Candidate]) -> bool:
        """Head + name is a name: not a body opening with another body the head is a word of, a
        branch of nothing but a place ("Chi nhánh Hà Nội"), nor a common noun phrase after an
        agreement's or meeting's head ("Thỏa thuận hợp tác chung")."""
        if etype == "ORG" and any(a.type == "ORG" and a.start == m.start() for a in inside):
            return False
        if etype == "ORG" and m.group() in self.rules.club_heads and self._foreign_body_is(pos, m.start() + len(name), inside):
            return False  # "CLB Sheffield United": the club the gazetteer knows, after the club's noun
        if etype == "ORG" and any((fold(name) + " ").startswith(o + " ") for o in self.grammar["organs"]):
            return False  # "Ban Giám đốc", "Hội đồng quản trị Công ty": an organ by its function, no body's name
        if not self._place_as_head_wants(m.group(), pos, inside):
            return False
        if self._place_kind(text, m, pos, name, inside):
            return False
        if m.group() in self.rules.branch_heads and not any(a.type == "ORG" for a in inside) \
                and not self._org_head_re.match(text, pos):
            return False
        return etype == "ORG" or bool(inside) or any(_capitalised(w) or w.isdigit()
                                                     for w in name.split()[len(m.group().split()):])

    def _foreign_body_is(self, start: int, end: int, inside: list[Candidate]) -> bool:
        """The name after a club's noun is all one foreign body of the gazetteer ("CLB Sheffield United", "Các CLB
        West Brom, Fulham": the gold names the club bare, the noun and all an alias; issue-14C20, batches 7 and 23).
        A home body keeps the noun: "CLB Viettel" is the club, "Viettel" the telecom group."""
        entries = [self.gaz.entries.get(a.entity_id) for a in inside
                   if a.type == "ORG" and a.start == start and a.end == end]
        return any(e is not None and e.country not in ("", self.grammar["home_country"]) for e in entries)

    def _place_as_head_wants(self, head: str, pos: int, inside: list[Candidate]) -> bool:
        """The place inside the name stands where the head wants it: a team's has one, police's and a navy's
        open with it, a party's in lower case never does."""
        if head in self.grammar["team_heads"] and not any(a.type == "GPE" for a in inside):
            return False  # "đội tuyển Việt Nam", not "đội tuyển ĐH FPT" (a school's team)
        place_first = any(a.type == "GPE" and a.start == pos for a in inside)
        if head in self.grammar["place_first_heads"] and not place_first:
            return False  # "Cảnh sát Séc", not "Cảnh sát Hình sự Công an TP Hà Nội"
        # "đảng Dân chủ", not "lưỡng đảng Mỹ" (the country's parties; issue-14O12)
        return not (head in self.grammar["place_not_first_heads"] and place_first)

    def _place_list(self, text: str, pos: int, limit: int, accepted: list[Candidate]) -> None:
        """After a plural unit, the list goes on: "các huyện Hồng Ngự, Tam Nông, Thanh Bình và …"."""
        while (m := self._list_joint_re.match(text[pos:limit])) is not None:
            run = self._name_run(text, pos + m.end(), limit, max_words=3)
            if run is None or any(a.start < run[1] and run[0] < a.end for a in accepted):
                return
            s, e = run
            ids = self.names.get(fold(text[s:e]))
            accepted.append(self._span_for(self._pick(ids, ""), s, e) if ids else
                            Candidate(s, e, "GPE", f"gpe:new:{slug(text[s:e])}", text[s:e], method="pattern", score=0.6))
            pos = e

    def _list_after_known(self, text: str, head: re.Match[str], pos: int, end: int, limit: int,
                          accepted: list[Candidate]) -> bool:
        """"các huyện Cờ Đỏ, Vĩnh Thạnh": after a plural unit the gazetteer names (with or without its
        head word), the list goes on. True when the unit is known."""
        if not self._plural_before(text, head.start()):
            return False
        known = next((a for a in accepted if a.type == "GPE" and a.start in (head.start(), pos) and a.end >= end), None)
        if known is None:
            return False
        self._place_list(text, known.end, limit, accepted)
        return True

    def _plural_word_before(self, text: str, pos: int) -> bool:
        """A plural determiner or a number right before ``pos``: "các trường cao đẳng", "399 trường cao đẳng"."""
        before = text[max(0, pos - 16):pos].split()
        return bool(before) and (before[-1] in self.rules.plural_determiners or before[-1].replace(".", "").isdigit())

    def _plural_before(self, text: str, pos: int) -> bool:
        """A plural or a count before a unit's head word: "các huyện", "hai tỉnh", "2 xã Nam Nghĩa và Nam Thái"
        (not the number of what comes before it: "tổ 17 phường Trần Phú", "tỉnh lộ 15 huyện Củ Chi")."""
        if text[max(0, pos - 4):pos].strip().lower() in self.grammar["country_counters"]:
            return True
        before = text[max(0, pos - 16):pos].split()
        return bool(before) and before[-1].isdigit() and 1 < int(before[-1]) < 100 \
            and (len(before) < 2 or before[-2].lower() not in self.grammar["unit_number_owners"])

    def _numbered_unit(self, text: str, head: re.Match[str], accepted: list[Candidate]) -> None:
        """Urban units known by a number: "quận 1", "Quận 10", "phường 5" (the head is the name's part)."""
        if head.group().lower() not in self.grammar["numbered_units"]:
            return
        number = self._unit_number_re.match(text, head.end())
        if number is None:
            return
        s, e = head.start(), number.end()
        # "ở quận 5 năm 2000": a number followed by a measure counts something else
        after = text[e:e + 12].split(maxsplit=1)
        if after and after[0].rstrip(",.;:)") in self.grammar["quantity_words"]:
            return
        name = text[s:e]
        self._replace_inside(accepted, Candidate(s, e, "GPE", f"gpe:new:{slug(name)}", name[:1].lower() + name[1:],
                                                 method="pattern", score=0.6), _GROWS_OVER)

    def _numbered_roads(self, text: str, limit: int, accepted: list[Candidate]) -> None:
        """National roads known by their number: "quốc lộ 14B", "Quốc lộ 1", "QL7A" (LOC; ``numbered_road_heads``).
        The canonical name is "quốc lộ" and the number, however the text abbreviates it; not inside a longer name."""
        for m in self._numbered_road_re.finditer(text, 0, limit):
            name = f"{self.grammar['numbered_road_name']} {m.group(1)}"
            self._replace_inside(accepted, Candidate(m.start(), m.end(), "LOC", f"loc:new:{slug(name)}", name,
                                                     method="pattern", score=0.6), _GROWS_OVER)

    def _dotted_places(self, text: str, limit: int, accepted: list[Candidate], word_end: list[int]) -> None:
        """A unit's abbreviation glued to its name ("H.Đức Hòa", "TT.Hậu Nghĩa") or number ("Q.7"): the unit
        whose word it abbreviates (grammar_dotted_units); the mention keeps the abbreviation, as "huyện X"
        keeps its word, and the canonical name is the bare one ("quận 7" for a numbered unit)."""
        units = self.grammar["dotted_units"]
        for m in self._dotted_unit_re.finditer(text, 0, limit):
            unit = units[m.group()]
            number = self._glued_number_re.match(text, m.end())
            if number is not None:
                after = text[number.end():number.end() + 12].split(maxsplit=1)
                if unit not in self.grammar["numbered_units"] or \
                        (after and after[0].rstrip(",.;:)") in self.grammar["quantity_words"]):
                    continue
                s, e, name = m.start(), number.end(), f"{unit} {number.group()}"
            else:
                run = self._name_run(text, m.end(), limit, max_words=4)
                if run is None or len(text[run[0]:run[1]].split()) < self.grammar["dotted_unit_min_words"] \
                        or text[run[0]:run[1]].split()[0] in self.rules.not_name_start \
                        or self._runs_into_word(text, run[1], word_end):
                    continue
                s, e, name = m.start(), run[1], text[run[0]:run[1]]
            ids = self.names.get(fold(name)) or self.names.get(fold(f"{unit} {name}"))
            span = self._span_for(self._pick(ids, ""), s, e) if ids else \
                Candidate(s, e, "GPE", f"gpe:new:{slug(name)}", name, method="pattern", score=0.6)
            self._replace_inside(accepted, span, _GROWS_OVER)

    def _address_places(self, text: str, limit: int, accepted: list[Candidate]) -> None:
        """An address in brackets that ends with a province: the names before it are its smaller
        units, "(Minh Cường, Thường Tín, Hà Nội)"; a name another rule found stays what it is."""
        for m in self._address_re.finditer(text, 0, limit):
            parts = m.group(1).split(", ")
            last = parts[-1]  # "Hà Nội", or with its head word: "tỉnh Quảng Trị"
            ids = self.names.get(fold(last)) or self.names.get(fold(last.split(" ", 1)[-1]))
            if not ids or not any(self.gaz.entries[i].parent == self.grammar["province_parent"] for i in ids):
                continue
            pos = m.start(1)
            for part in parts[:-1]:
                s, e = pos, pos + len(part)
                pos = e + 2
                run = self._name_run(text, s, e, max_words=3)
                words = part.split()
                if (run != (s, e) or words[0] in self.rules.not_name_start and words[0] not in self.rules.place_name_starts
                        or (len(words) == 3 and words[0] in self.rules.surnames)
                        or overlaps(s, e, accepted)):
                    continue
                accepted.append(Candidate(s, e, "GPE", f"gpe:new:{slug(part)}", part, method="pattern", score=0.5))

    def _name_after_head(self, text: str, head: re.Match[str], etype: str) -> int | None:
        """Where the name after a place's head word starts, or None when the word heads no name here."""
        glued = not text[head.end()].isspace()
        # "vàquậnTân Bình": a space lost before the name; the head is lower case and the name
        # capitalised ("TPHCM" is no head glued to a name)
        if glued and not (text[head.end() - 1].islower() and text[head.end()].isupper()):
            return None
        if etype == "LOC" and text[head.start()].isupper() and (
                self._unit_before_re.search(text, 0, head.start())
                or head.group().lower() in self.grammar["lower_case_place_heads"]):
            # "tỉnh Hồ Bắc", "thành phố Hồ Chí Minh": a feature word opening a unit's name; "Cầu Giấy", "Cầu Treo": a
            # district's, a border gate's name the gazetteer has whole
            return None
        if etype == "LOC" and self._land_nickname_re.search(text, max(0, head.start() - 12), head.start()):
            return None  # "xứ Chùa Vàng", "đất Chùa Vàng": a country's nickname, no place of its own
        if self._head_compound_re.search(text, max(0, head.start() - 12), head.end()):
            return None  # "tàu sân bay USS Nimitz": a warship, no airport; "ông xã Hari Won": a husband, no commune
        return head.end() + (0 if glued else 1)

    def _runs_into_word(self, text: str, e: int, word_end: list[int]) -> bool:
        """"Đại lễ đường Nhân dân", "tuyến đường Metro số 5": the segmenter's word goes on in lower case
        after the capitalised run, which is then no name; but not into a new sentence the crawl glued on
        ("đường Võ Chí Công Chiều 6/6")."""
        return bool(word_end) and word_end[e - 1] > e and not _glued(text[e:word_end[e - 1]]) \
            and not self._day_part_re.match(text, e + 1)

    def _pattern_places(self, ctx: Context, accepted: Ledger, out: Proposals) -> None:
        """An administrative unit or a geographic feature word + a capitalised name:
        "huyện Hồng Ngự", "bang Victoria" (GPE); "sông Vu Gia", "quần đảo Natuna" (LOC)."""
        text, limit = ctx.text, ctx.limit
        starts = {a.start: a for a in accepted}
        word_end = ctx.word_end
        for m in self._place_head_re.finditer(text, 0, limit):
            etype = self.rules.place_heads[m.group().lower()]
            pos = self._name_after_head(text, m, etype)
            if pos is None:
                continue
            existing = starts.get(pos)
            run = self._name_run(text, pos, limit, max_words=4)
            if run is None and etype == "GPE":
                self._numbered_unit(text, m, accepted)
                continue
            if run is not None and m.group().lower() in self.grammar["units_no_person"]:
                run = self._unit_before_person(text, m.group(), run)
            if run is None:
                continue
            if etype == "GPE" and self._list_after_known(text, m, pos, run[1], limit, accepted):
                continue
            if existing is not None and existing.end >= run[1] and m.group().lower() not in self.grammar["parks"] \
                    and not self._island_over_unit(m, existing, text, word_end) \
                    and not self._street_over_unit(text, m, existing):
                continue
            s, e = run
            if not self._may_name_place(m.group().lower(), text[s:e], text[e:e + 3]) \
                    or self._elided_compass(text, m.start(), s, e):
                continue
            if self._runs_into_word(text, e, word_end):
                continue
            span = self._place_span(text, m, etype, pos, (s, e), accepted)
            if span is None:
                continue
            if self._replace_inside(accepted, span, _GROWS_OVER):
                starts = {a.start: a for a in accepted}
                self._places_after(text, m, etype, e, limit, accepted)
        self._dotted_places(text, limit, accepted, word_end)
        self._numbered_roads(text, limit, accepted)
        self._address_places(text, limit, accepted)
        self._street_lists_after_cue(text, limit, accepted, ctx.low)

    def _places_after(self, text: str, head: re.Match[str], etype: str, e: int, limit: int,
                      accepted: list[Candidate]) -> None:
        """The places a place named at ``e`` opens: the units of a list after a plural ("các tỉnh Nghệ An, Hà Tĩnh"),
        the streets of a list after a plural street word, or a street's other name after a dash."""
        if etype == "GPE" and self._plural_before(text, head.start()):
            self._place_list(text, e, limit, accepted)
        elif self._street_plural_before(text, head):
            self._street_list(text, e, limit, accepted)
        elif head.group().lower() in self.grammar["street_heads"]:
            self._street_dash_name(text, e, limit, accepted)

    def _may_name_place(self, head: str, name: str, after: str) -> bool:
        """The run after a place's head word may be its name: not one opened by a word no name starts with, and
        after a stadium's word only a city the gazetteer knows ("sân Tam Kỳ"; "sân Anfield", "trên sân Aston Villa"
        are a ground's own name and a club's, left to the other rules; issue-14C14). After a tower's or a palace's
        word (``vietnamese_name_heads``) only a Vietnamese name, no people's ("tháp Chăm"), no number after it and
        not its head again (a caption run on: "Tháp Bình Lâm Tháp tại …"): "tháp Beckham" is a flat block named
        after a player, "hải sản Tháp Bà 86" a restaurant (issue-14N26)."""
        first = name.split()[0]
        if len(name) == 1 or first in self.rules.not_name_start and first not in self.rules.place_name_starts:
            return False  # (a letter: "sân khấu bãi B", a sector of the beach; issue-14L20, batch 13)
        if head in self.grammar["vietnamese_name_heads"] and (
                first in self.grammar["people_names"] or after.strip()[:1].isdigit()
                or not all(vietnamese_syllable(w) and w.lower() != head for w in name.split())):
            return False
        return head not in self.grammar["known_place_heads"] or any(
            self.gaz.entries[i].type == "GPE" for i in self.names.get(fold(name), ()))

    def _elided_compass(self, text: str, head: int, s: int, e: int) -> bool:
        """A compass word alone after a place's head word and before "và" opens two regions that share the rest of
        their name ("các tỉnh Bắc và Nam Trung bộ", "vùng núi Bắc và Trung Trung Bộ"): it names no place of its own
        (``elided_compass_names``), but for a place the gazetteer knows with its head ("biển Đông và …")."""
        return text[s:e] in self.grammar["elided_compass_names"] \
            and text[e:e + 8].split(maxsplit=1)[:1] == [self.grammar["elided_compass_joint"]] \
            and not self.names.get(fold(text[head:e]))

    def _names_a_place(self, text: str, s: int, e: int) -> bool:
        """The name after a place's head word is the place's: "đường Trần Hưng Đạo", "phường Phạm Ngũ
        Lão" are named after a person (pattern.place); no province or city is but those the gazetteer
        knows ("Chủ tịch UBND tỉnh Phan Ngọc Thọ": the unit left unnamed, then the person)."""
        head = self._place_head_end_re.search(text, max(0, s - 20), s)
        if head is None or self._head_compound_re.search(text, max(0, head.start() - 12), head.end() - 1):
            return False  # (but "ông xã Phan Mạnh Quỳnh": a husband, named after the compound)
        unit = head.group().strip()
        return unit.lower() not in self.grammar["units_no_person"] or self._known_unit(text, unit, s, e)

    def _council_end(self, text: str, head: re.Match[str], pos: int, end: int) -> int | None:
        """Where a province's or city's council ("UBND tỉnh …") ends: at its unit's name, not over
        the person named after it; None when a person's name stands where the unit's should
        ("Chủ tịch UBND tỉnh Phan Ngọc Thọ": the article's own province, unnamed here)."""
        admin = text[head.end():pos].strip()
        if head.group() not in self.rules.councils or admin.lower() not in self.grammar["units_no_person"]:
            return end
        run = self._unit_before_person(text, admin, (pos, end))
        return None if run is None else run[1]

    def _unit_before_person(self, text: str, unit: str, run: tuple[int, int]) -> tuple[int, int] | None:
        """No province or city is named after a person (those that are, "Thành phố Hồ Chí Minh", the
        gazetteer knows): after such a unit's word, a name of three words or more the gazetteer does
        not know that a family name opens is the person a title before it names ("Chủ tịch UBND tỉnh Phan Ngọc Thọ"), no
        place; a known unit followed by such a name ends where the name begins ("Phó Chủ tịch UBND
        tỉnh Bình Định Trần Châu")."""
        s, e = run
        if self._known_unit(text, unit, s, e):
            return run
        words = list(_WORD.finditer(text, s, e))
        for k in range(len(words) - 1, 0, -1):
            if words[k].group() in self.rules.surnames and self._known_unit(text, unit, s, words[k - 1].end()):
                return s, words[k - 1].end()
        # a bare unknown name is a person's only in a person's shape: three words or more ("tỉnh Hồ Bắc" is Hubei)
        return None if len(words) >= 3 and words[0].group() in self.rules.surnames else run

    def _known_unit(self, text: str, unit: str, s: int, e: int) -> bool:
        """The gazetteer knows the unit named ``text[s:e]``, bare or with its unit's word ("thành phố Hồ
        Chí Minh", whose bare name is the person's)."""
        return bool(self.names.get(fold(text[s:e])) or self.names.get(fold(f"{unit} {text[s:e]}")))

    def _place_span(self, text: str, head: re.Match[str], etype: str, pos: int, run: tuple[int, int],
                    accepted: list[Candidate]) -> Candidate | None:
        """The mention of the place named by ``run`` after its head word. "sông X" is the river's name;
        "xã X" is written with its head as often as without: the mention keeps it, the canonical name is
        the bare one (both forms then name it); "tỉnh X" is bare. None when the gazetteer already
        names the unit with its head word ("huyện Hóc Môn")."""
        s, e = run
        if etype == "LOC" and head.group().lower() not in self.grammar["street_heads"]:
            e = self._plant_number_end(text, e)
        name_only = text[s:e]
        with_head = etype == "GPE" and pos > head.end() and head.group().lower() in self.grammar["units_with_head"]
        if with_head and any(a.start == head.start() and a.end >= e for a in accepted):
            return None
        span_start = head.start() if etype == "LOC" or with_head else s
        name = text[span_start:e] if etype == "LOC" else name_only
        ids = self.names.get(fold(name)) or self._feature_named_after(head.group().lower(), name_only) \
            or (self.names.get(fold(f"{head.group()} {name_only}")) if etype == "GPE" else None)
        if ids:
            return self._span_for(self._pick(ids, ""), span_start, e)
        return Candidate(span_start, e, etype, f"{etype.lower()}:new:{slug(name)}", name, method="pattern", score=0.6)

    def _plant_number_end(self, text: str, e: int) -> int:
        """"sông Tranh 2", "hồ Đak Mi 4": a number after a river's or lake's name names the dam or plant built
        on it, the gold's (optional) facility, not the river; its end. Not a quantity ("sông Hồng 2 lần")."""
        number = self._unit_number_re.match(text, e)
        if number is None:
            return e
        after = text[number.end():number.end() + 12].split(maxsplit=1)
        return e if after and after[0].rstrip(",.;:)") in self.grammar["quantity_words"] else number.end()

    def _feature_named_after(self, head: str, name: str) -> tuple[str, ...] | None:
        """The gazetteer's entries for the name after a feature's head word ("sông Mê Kông" is the
        Mê Kông), but for a park, and an island or peninsula named as a unit is ("đảo Bali", "đảo
        Hokkaido", "bán đảo Crimea": the island, LOC, not the province; issue-14E8, batches 5, 10, 11)."""
        if head in self.grammar["parks"]:
            return None
        ids = self.names.get(fold(name))
        if ids and (head in self.grammar["island_heads"] or head in self.grammar["street_heads"]) \
                and all(self.gaz.entries[i].type == "GPE" for i in ids):  # and a street: "phố Hai Bà Trưng" (issue-14L20)
            return None
        return ids

    def _island_over_unit(self, head: re.Match[str], existing: Candidate, text: str, word_end: list[int]) -> bool:
        """"đảo Bali": an island's head word of its own before a unit the gazetteer names (not the
        verb "áp đảo Nhật", a word of the language whose second syllable the head is; but "thăm đảo Cô Tô",
        which the segmenter joins into a word the dictionary lacks: issue-14L11, batch 13)."""
        s = head.start()
        if existing.type != "GPE" or head.group().lower() not in self.grammar["island_heads"]:
            return False
        if not (word_end and s >= 2 and word_end[s - 2] > s):
            return True
        start = text.rfind(" ", 0, s - 1) + 1
        return text[start:word_end[s - 2]].lower() not in self.known_words

    def _street_over_unit(self, text: str, head: re.Match[str], existing: Candidate) -> bool:
        """"phố Hai Bà Trưng", "đường Cầu Giấy": a street named after a district the gazetteer names is the street
        (LOC in the gold of batch 23, where the district was a false GPE); not after a province or a country ("trên
        phố Hà Nội", "các tuyến đường TP HCM": the city's streets), nor after a plural or a quarter's word ("khu phố
        Long Khánh 3": the quarter)."""
        if head.group().lower() not in self.grammar["street_heads"] or existing.type != "GPE" \
                or existing.start != head.end() + 1 or not existing.entity_id.startswith(self.grammar["street_unit_ids"]):
            return False
        before = text[max(0, head.start() - 12):head.start()].split()
        if before and before[-1].lower() in self.grammar["street_unit_not_after"]:
            return False
        return self._district(text[existing.start:existing.end])

    def _district(self, name: str) -> bool:
        """The gazetteer names ``name`` as a Vietnamese district only (its parent a province), a street's name."""
        ids = self.names.get(fold(name), ())
        return bool(ids) and all(self.gaz.entries[i].parent.startswith(self.grammar["street_unit_ids"]) for i in ids)

    def _street_plural_before(self, text: str, head: re.Match[str]) -> bool:
        """A street's head word after a plural ("các tuyến phố", "những con đường"): a list may follow."""
        if head.group().lower() not in self.grammar["street_heads"]:
            return False
        before = text[max(0, head.start() - 12):head.start()].split()
        return bool(before) and before[-1].lower() in self.grammar["street_plurals"]

    def _street_list(self, text: str, pos: int, limit: int, accepted: list[Candidate], joint=None) -> None:
        """After a street of a list, the next names are streets too ("các tuyến phố Mễ Trì, Lê Trọng
        Tấn, Bạch Mai", "ngã tư Khuất Duy Tiến - Lê Văn Lương"), also where their form makes them a
        person's name; a place or body another rule found ends the list."""
        joint = joint or self._street_joint_re
        while (m := joint.match(text, pos, limit)) is not None:
            run = self._street_run(text, m.end(), limit)
            if run is None:
                return
            s, e = run
            inside = [a for a in accepted if a.start < e and s < a.end]
            if not all(self._street_over_person(text, a, s, e) for a in inside):
                return
            accepted[:] = [a for a in accepted if a not in inside]
            # the same words as a person's name by their form (pattern.surname) give way to the street
            accepted.append(self._listed_street(text, s, e))
            pos = e

    def _listed_street(self, text: str, s: int, e: int) -> Candidate:
        return Candidate(s, e, "LOC", f"loc:new:{slug(text[s:e])}", text[s:e], method="pattern",
                         score=0.6, displaces=((s, e), self._after_street_title(text, s, e)))

    def _street_dash_name(self, text: str, pos: int, limit: int, accepted: list[Candidate]) -> None:
        """A street's name, a spaced dash, then a name a family name opens, which a rule reads as a person by its
        form alone: a corner of two streets or a road named after both ("góc phố Hàng Trống - Lê Thái Tổ", batch 22;
        "đại lộ Võ Văn Kiệt - Mai Chí Thọ", batch 32; issue-14N30): the name is a street's too. Not a name the
        gazetteer knows, nor one no family name opens: after the dash an address's district or city ("đường Hoàng
        Quốc Việt - Cầu Giấy - Hà Nội") or a road's other end ("đại lộ Vinh - Cửa Lò") stays the place; a person
        found later by its form gives way to the street (``displaces``)."""
        if (m := _SPACED_DASH.match(text, pos, limit)) is None or (run := self._street_run(text, m.end(), limit)) is None:
            return
        s, e = run
        inside = [a for a in accepted if a.start < e and s < a.end]
        if text[s:e].split(" ", 1)[0] not in self.rules.surnames or self.names.get(fold(text[s:e])) or not all(
                a.type == "PERSON" and self._street_over_person(text, a, s, e) for a in inside):
            return
        accepted[:] = [a for a in accepted if a not in inside]
        accepted.append(self._listed_street(text, s, e))

    def _street_over_person(self, text: str, person: Candidate, s: int, e: int) -> bool:
        """The person's name ``person`` found by its form over a listed street's ``text[s:e]`` gives way: the same
        words, or the name after a form of address that is part of the street's name ("ngã tư Bà Triệu - Hai Bà
        Trưng": the street named after Lady Triệu, no person Triệu; issue-14L20, batch 23); so does a Vietnamese
        unit the street is named after ("Hai Bà Trưng", the district's name)."""
        if person.type == "GPE" and (person.start, person.end) == (s, e):
            return self._district(text[s:e])  # "- Hai Bà Trưng": as after "phố"
        if person.type != "PERSON" or person.end != e:
            return False
        if person.start == s:
            return not person.title
        return text[s:person.start].strip() in self.grammar["street_name_titles"]

    def _after_street_title(self, text: str, s: int, e: int) -> tuple[int, int]:
        """The span of the name after the form of address that opens the street's name ("Triệu" of "Bà Triệu"),
        which the title's rule reads as a person: the street displaces it; else the street's own span."""
        title, _, rest = text[s:e].partition(" ")
        return (e - len(rest), e) if rest and title in self.grammar["street_name_titles"] else (s, e)

    def _street_run(self, text: str, pos: int, limit: int) -> tuple[int, int] | None:
        """One to four capitalised words from ``pos``, a street's name: "Đào Duy Từ" ("Từ" goes on, as
        in a person's name), up to a joint, a bracket or the sentence's end."""
        end = pos
        for m in _WORD.finditer(text, pos, min(limit, pos + 60)):
            if m.start() != (pos if end == pos else end + 1) or not _capitalised(m.group()):
                break
            # "Hàng Buồm...", "Phạm Hùng.": the sentence ends; "Bứa-Quốc lộ 22": a crossing written with a dash
            word = re.split(r"[.-]", m.group(), maxsplit=1)[0]
            end = m.start() + len(word)
            if word != m.group():
                break
        words = text[pos:end].split()
        if not 0 < len(words) <= 4 or (words[0] in self.rules.not_name_start and words[0] not in self.rules.place_name_starts
                                       and not (len(words) > 1 and words[0] in self.grammar["street_name_titles"])):
            return None
        return pos, end

    def _street_lists_after_cue(self, text: str, limit: int, accepted: list[Candidate], low: str | None = None) -> None:
        """Streets listed after a plural street word and "như" ("các phố như Tạ Hiện, Lương Ngọc Quyến"),
        and the streets of a crossing ("ngã tư Khuất Duy Tiến - Lê Văn Lương")."""
        for m in self._street_cue_re.finditer(text, 0, limit, low):
            crossing = m.group("crossing") is not None
            self._street_list(text, m.end() - 1, limit, accepted,
                              self._crossing_joint_re if crossing else self._street_first_re)

    # -- 6 -----------------------------------------------------------------------------------
    def _fuzzy(self, ctx: Context, accepted: Ledger, out: Proposals) -> None:
        """Variant spellings of gazetteer names (rapidfuzz), compared with the names sharing their first word."""
        text, limit, day = ctx.text, ctx.limit, ctx.day
        index = self._fuzzy_index
        low = ctx.low  # same offsets as text
        # Only a word that opens some gazetteer name can open a probe (the run's first word is the
        # token, or the token cut at a dot): asked first, of each word in one pass, since it rules
        # out nearly every word (a set of the paragraph's openers first was a second pass over its words,
        # and nearly every paragraph holds one).
        for m in _WORD.finditer(low, 0, limit):
            # A probe is capitalised: asked first, of the text's first letter (no slice, no call for most words,
            # which are lower case; issue-14E34), then whether the word opens some name.
            first = text[m.start()]
            if not (first.isupper() or (first.isdigit() and _capitalised(text[m.start():m.end()]))):
                continue
            # the word read once: this loop visits every word of every paragraph
            if (word := m.group()) not in index and ("." not in word or (
                    word.rstrip(".") not in index and word.split(".", 1)[0] not in index)):
                continue
            # A word or run under a kept span is no probe (and no candidate: it names nothing yet).
            if overlaps(m.start(), m.end(), accepted) or overlaps(m.start(), m.end(), ctx.words):
                continue  # (a name read as a word, "tiếng Tây Ban Nha", is no variant of itself)
            if m.start() > 0 and _capitalised(text[max(0, m.start() - 2):m.start()].strip()[-1:] or "x"):
                continue  # not the start of a run
            run = self._name_run(text, m.start(), limit, max_words=6)
            if run is None:
                continue
            s, e = run
            if e - s < self.config.fuzzy_min_chars or " " not in text[s:e] or overlaps(s, e, accepted):
                continue
            key = low[s:e]
            pool = index.get(key.split(" ", 1)[0])
            if not pool:
                continue
            best = process.extractOne(key, pool, scorer=fuzz.ratio, score_cutoff=self.config.fuzzy_ratio)
            if best is None or best[0].startswith(key + " "):
                continue  # (the name's first words are no variant of it: "gió mùa Đông Bắc" is no "Đông Bắc Á")
            ids = self.names.get(fold(best[0]))
            if not ids:
                continue
            accepted.append(self._span_for(self._pick(ids, day), s, e, method="fuzzy", score=best[1] / 100))
