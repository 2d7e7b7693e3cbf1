"""The word lists the entity rules read (``pipeline/data/tagger.toml``), loaded once."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..datafiles import load_toml, read_data

__all__ = ["TaggerRules", "NameShape"]

@dataclass(frozen=True, slots=True)
class TaggerRules:
    titles: tuple[str, ...]
    surnames: frozenset[str]
    org_heads: tuple[str, ...]
    org_admin_words: tuple[str, ...]
    stop_words: frozenset[str]
    acronym_heads: tuple[tuple[str, str], ...]  # (head words, type), longest head first
    not_name_start: frozenset[str]
    not_in_name: frozenset[str]
    place_name_starts: frozenset[str]  # not_name_start words a place's name may open with
    honorifics: frozenset[str]
    given_name_before: frozenset[str]  # link.given-name: an address before a bare given name ("thầy", "anh")
    given_name_after: re.Pattern[str]  # link.given-name: a speech verb after a bare given name ("cho biết", "kể")
    short_name_before: frozenset[str]  # link.short-name: a source's word before a bare family name and a comma ("Theo")
    plural_determiners: frozenset[str]
    foreign_org_words: frozenset[str]
    not_person_words: frozenset[str]  # "Pro", "Note", "Store": a Latin-script run with one is no person
    treaty_heads: tuple[str, ...]
    event_heads: tuple[str, ...]
    place_heads: dict[str, str]  # lower-case head -> GPE | LOC
    embassy_heads: frozenset[str]
    verbs: frozenset[str]
    noun_tokens: tuple[str, ...]
    law_heads: frozenset[str]
    law_stages: tuple[str, ...]  # "Dự thảo", "dự án": a bill's stage before a law's head, no name of its own
    company_heads: tuple[str, ...]
    company_forms: tuple[str, ...]
    media_nouns: tuple[str, ...]
    org_nouns: tuple[str, ...]
    edition_units: tuple[str, ...]
    grammar: dict[str, object]  # grammar_* words, without the prefix
    person_before: tuple[str, ...]
    person_after: tuple[str, ...]
    councils: dict[str, str]
    common_word_countries: frozenset[str]
    given_name_titles: frozenset[str]  # titles of no portfolio: a one-word country after them is a given name
    given_name_honorifics: frozenset[str]  # "Anh": inside a sentence before a syllable, a name's first syllable
    given_name_syllable: re.Pattern[str]  # one Vietnamese syllable without its marks: a given name's, after a country
    language_nouns: frozenset[str]
    language_list_joints: tuple[str, ...]  # ", ", " và ": the items of a list of languages
    country_nouns: frozenset[str]
    pronoun_countries: frozenset[str]
    country_then: frozenset[str]
    country_syllable_words: tuple[str, ...]
    shared_bodies: frozenset[str]
    clause_words: frozenset[str]
    correspondent_openers: tuple[str, ...]
    correspondent_at: tuple[str, ...]
    outlet_datelines: tuple[str, ...]  # outlets whose bare name opens or closes a paragraph as a credit
    generic_acronyms: frozenset[str]  # acronyms of a kind of body (and capitalised heads and titles)
    lone_name: re.Pattern[str]  # a one-word foreign name that may stand alone after a title
    eponym_heads: frozenset[str]  # heads of bodies named after a person ("Bệnh viện Nguyễn Tri Phương")
    person_nouns: tuple[str, ...]  # titles of no office ("ca sĩ", "HLV"), both cases, longest first
    person_noun_name_starts: frozenset[str]  # not_name_start words a name may open with after them
    lone_name_not_after: tuple[str, ...]  # lower case: a one-word foreign name after them is a body
    tenure_not_after: frozenset[str]  # lower case: a bare title right after them is the office, no holder
    tenure_list_joints: tuple[str, ...]  # a title listed after such a word ("của Chính phủ và Thủ tướng") too
    tenure_offices: frozenset[str]  # titles written as the office's formal name: no holder ("Thủ tướng Chính phủ")
    branch_heads: frozenset[str]  # heads of a part of a body: the name after them holds that body
    numbered_documents: tuple[str, ...]  # legal documents named by number and code ("Thông tư 26/2020/TT-BGDĐT")
    session_heads: tuple[str, ...]  # meetings named by number in lower case ("phiên họp thứ 55")
    ordinal_words: tuple[str, ...]
    contest_nouns: tuple[str, ...]  # a contest named in quotation marks after them ("cuộc thi “…”")
    foreign_event_words: frozenset[str]  # last words that make a Latin-script run an event ("… Awards")
    foreign_title_starts: frozenset[str]  # an article opening a Latin-script run: a work's title, no person
    work_nouns: tuple[str, ...]  # "bộ phim", "tàu hàng": the capitalised run after them is a title
    work_title_joints: tuple[str, ...]  # "như", "mang tên": between a work's noun and its title
    work_list_before: tuple[str, ...]  # "các", "ba": before a work's noun, the titles after it are a list
    work_list_joints: tuple[str, ...]  # ",", "và": between listed titles
    website_domains: tuple[str, ...]  # last labels of a website's domain ("com", "vn"): the domain is a medium
    foreign_given_names: frozenset[str]  # common foreign given names: a run of two or three words they open is a person
    no_and_heads: frozenset[str]  # heads of names that never hold "và" (clubs)
    club_heads: tuple[str, ...]  # "CLB …": a club named after its place is the bare place afterwards
    address_before: tuple[str, ...]  # "tại", "đến": a house number after them opens an address
    club_suffixes: tuple[str, ...]  # "… FC"
    club_place_cues: tuple[str, ...]  # words before a bare place that keep it the place
    verb_words: frozenset[str]  # whole lower-case words of the segmenter that open a predicate ("chia sẻ")
    title_end_words: tuple[str, ...]  # lower-case verbs that end a title written without a name ("… chia sẻ")
    person_after_types: frozenset[str]  # types of a mention a Latin-script person's name may follow ("Hollywood …")
    person_after_given_types: frozenset[str]  # of those, the types after which the name must look like a person's
    english_words: frozenset[str]  # common English words no given name is (english_words.txt): "speed", "knock"

    @classmethod
    def load(cls) -> "TaggerRules":
        data = load_toml("tagger.toml", what="tagger rules")[0]
        heads = sorted(((h, t) for t, hs in data["acronym_heads"].items() for h in hs), key=lambda x: -len(x[0]))
        titles = set(data["titles"]) | set(data["person_nouns"])
        titles |= {t[0].lower() + t[1:] for t in titles} | {t[0].upper() + t[1:] for t in titles}
        person_nouns = {t[0].lower() + t[1:] for t in data["person_nouns"]} | {
            t[0].upper() + t[1:] for t in data["person_nouns"]}
        return cls(
            titles=tuple(sorted(titles, key=len, reverse=True)),
            surnames=frozenset(data["surnames"]),
            org_heads=tuple(sorted(data["org_heads"], key=len, reverse=True)),
            org_admin_words=tuple(sorted(data["org_admin_words"], key=len, reverse=True)),
            stop_words=frozenset(data["stop_words"]),
            acronym_heads=tuple(heads),
            not_name_start=frozenset(data["not_name_start"]) | frozenset(data["org_heads"]),
            not_in_name=frozenset(data["not_in_name"]),
            place_name_starts=frozenset(data["place_name_starts"]),
            honorifics=frozenset(data["honorifics"]),
            given_name_before=frozenset(data["given_name_before"]),
            short_name_before=frozenset(data["short_name_before"]),
            given_name_after=re.compile(r" (?:" + "|".join(map(re.escape, sorted(data["given_name_after"], key=len,
                                                                               reverse=True))) + r")(?!\w)"),
            plural_determiners=frozenset(data["plural_determiners"]),
            foreign_org_words=frozenset(data["foreign_org_words"]),
            not_person_words=frozenset(data["not_person_words"]),
            english_words=frozenset(w for w in read_data("english_words.txt")[0].split("\n")
                                    if w and not w.startswith("#")),
            treaty_heads=tuple(data["treaty_heads"]),
            event_heads=tuple(data["event_heads"]),
            place_heads={h.lower(): t for t, hs in data["place_heads"].items() for h in hs},
            embassy_heads=frozenset(data["embassy_heads"]),
            verbs=frozenset(data["verbs"]),
            noun_tokens=tuple(data["noun_tokens"]),
            law_heads=frozenset(data["law_heads"]),
            law_stages=tuple(data["law_stages"]),
            company_heads=tuple(data["company_heads"]),
            company_forms=tuple(data["company_forms"]),
            media_nouns=tuple(data["media_nouns"]),
            org_nouns=tuple(data["org_nouns"]),
            edition_units=tuple(data["edition_units"]),
            grammar={k.removeprefix("grammar_"): (tuple(v) if isinstance(v, list) else v)
                     for k, v in data.items() if k.startswith("grammar_")},
            person_before=tuple(data["person_before"]),
            person_after=tuple(data["person_after"]),
            councils=dict(data["councils"]),
            common_word_countries=frozenset(data["common_word_countries"]),
            given_name_honorifics=frozenset(data["given_name_honorifics"]),
            given_name_titles=frozenset(t[0].lower() + t[1:] for t in data["given_name_titles"]) | frozenset(
                t[0].upper() + t[1:] for t in data["given_name_titles"]),
            given_name_syllable=re.compile(data["given_name_syllable"]),
            language_nouns=frozenset(data["language_nouns"]),
            language_list_joints=tuple(data["language_list_joints"]),
            country_nouns=frozenset(data["country_nouns"]),
            pronoun_countries=frozenset(data["pronoun_countries"]),
            country_then=frozenset(data["country_then"]),
            country_syllable_words=tuple(data["country_syllable_words"]),
            shared_bodies=frozenset(data["shared_bodies"]),
            clause_words=frozenset(data["clause_words"]),
            correspondent_openers=tuple(data["correspondent_openers"]),
            correspondent_at=tuple(data["correspondent_at"]),
            outlet_datelines=tuple(data["outlet_datelines"]),
            generic_acronyms=frozenset(data["generic_acronyms"]) | frozenset(
                w for w in (*data["org_heads"], *data["titles"]) if w.isupper()),
            lone_name=re.compile(data["lone_name"]),
            eponym_heads=frozenset(data["eponym_heads"]),
            person_nouns=tuple(sorted(person_nouns, key=len, reverse=True)),
            person_noun_name_starts=frozenset(data["person_noun_name_starts"]),
            lone_name_not_after=tuple(t.lower() for t in data["lone_name_not_after"]),
            tenure_not_after=frozenset(w.lower() for w in data["tenure_not_after"]),
            tenure_list_joints=tuple(data["tenure_list_joints"]),
            tenure_offices=frozenset(data["tenure_offices"]),
            branch_heads=frozenset(data["branch_heads"]),
            numbered_documents=tuple(sorted(data["numbered_documents"], key=len, reverse=True)),
            session_heads=tuple(sorted(data["session_heads"], key=len, reverse=True)),
            ordinal_words=tuple(data["ordinal_words"]),
            contest_nouns=tuple(sorted(data["contest_nouns"], key=len, reverse=True)),
            foreign_event_words=frozenset(data["foreign_event_words"]),
            foreign_title_starts=frozenset(data["foreign_title_starts"]),
            work_nouns=tuple(data["work_nouns"]),
            work_title_joints=tuple(data["work_title_joints"]),
            work_list_before=tuple(data["work_list_before"]),
            work_list_joints=tuple(data["work_list_joints"]),
            website_domains=tuple(data["website_domains"]),
            foreign_given_names=frozenset(data["foreign_given_names"]),
            no_and_heads=frozenset(data["no_and_heads"]),
            address_before=tuple(data["address_before"]),
            club_heads=tuple(sorted(data["club_heads"], key=len, reverse=True)),
            club_suffixes=tuple(data["club_suffixes"]),
            club_place_cues=tuple(sorted(data["club_place_cues"], key=len, reverse=True)),
            verb_words=frozenset(data["verb_words"]),
            title_end_words=tuple(sorted(data["title_end_words"], key=len, reverse=True)),
            person_after_types=frozenset(data["person_after_types"]),
            person_after_given_types=frozenset(data["person_after_given_types"]),
        )


@dataclass(frozen=True, slots=True)
class NameShape:
    """What a name after a head word may run over."""

    about: bool = False  # a topic after "về"/"giữa": "Đối thoại ASEAN-Nhật Bản về Hợp tác Môi trường"
    after_tai: bool = False  # "tại" + place: "Đại sứ quán Việt Nam tại Tây Ban Nha"
    commas: bool = False  # a comma list of fields: "Bộ Kinh tế, Công nghiệp và Cạnh tranh Tây Ban Nha"
    tail: bool = False  # lower-case words at the end: "Luật Bảo vệ môi trường"
    lead_lower: bool = False  # lower-case words before a known name: "Hội đồng chấp hành UNESCO"
    numbered: bool = False  # a number right after the head: "Đại hội 19"
    lead_words: bool = False  # the lower-case words before the first capitalised one counted in words, not syllables:
    # "Hiệp định tự do thương mại Mỹ - Singapore"
    eponym: bool = False  # a person's name found by its form may be the body's: "Trường THPT Chu Văn An"
    no_and: bool = False  # the name never holds "và": "CLB Hải Phòng và SL Nghệ An" are two clubs
    whole: bool = False  # the head names a body of its own, its field may follow in lower case: "Phòng Cảnh sát
    # truy nã tội phạm"
    place_last: bool = False  # lower-case words, then a name that ends with its place: "Ban Chỉ đạo phòng, chống dịch
    # Covid-19 tỉnh Bắc Giang"
    body: bool = False  # an organisation's name (not a meeting's, a law's or a treaty's): ``grammar_tail_enders`` end it
    head: tuple[int, int] = (0, 0)  # where the head word stands: "và" before its words again opens a second body

