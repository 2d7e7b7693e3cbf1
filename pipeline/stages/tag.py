"""Tag stage: entity mentions with canonical ids.

Requires: segmented ``paragraphs`` (sentences with offsets) and ``published`` (ISO or empty).
Sets: ``mentions`` — each with offsets into its cleaned paragraph, the sentence it is in, a type,
a canonical entity and the ``method`` that found it:

* ``gazetteer`` — a name or alias of a gazetteer entry, found with an Aho-Corasick automaton on
  the normalised character stream (word segmentation splits some names), word-bounded, longest
  match first; acronyms (aliases without lower case) case-sensitively, names in any case except
  that a name with a capital initial needs a capital initial in the text;
* ``pattern`` — title + name ("Bộ trưởng … Trần Hồng Hà", "bà Ogawa Masako"), Vietnamese
  personal names by family name, organisations by their head word ("Cục …", "Hiệp hội …"),
  a ministry followed by a foreign country ("Bộ Ngoại giao Hàn Quốc");
* ``acronym`` — "Long form (ACR)" definitions: both forms become one entity and later bare uses
  of ACR resolve to it; unknown acronyms become new entities;
* ``coref`` — short references to a person named in the same document ("ông Hà", "Bộ trưởng Yamaguchi");
* ``tenure`` — a title alone resolved to the office-holder on the sentence's or article's date;
* ``fuzzy`` — a capitalised span close to a gazetteer name (rapidfuzz, threshold from config).

Nothing here is specific to an article: every list is data (``gazetteers/``, ``pipeline/data/tagger.toml``).
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from importlib import resources

import ahocorasick
from rapidfuzz import fuzz, process

from ..config import TagConfig
from ..credits import Credits
from ..dates import find_dates
from ..gazetteer import Entry, Gazetteer, is_acronym
from ..model import Document, Mention, Paragraph
from ..normalize import fold

__all__ = ["TaggerRules", "Tagger", "slug"]

_WORD = re.compile(r"[^\s,;:!?()\[\]{}\"“”‘’«»…/|]+")
_ACRONYM_DEF = re.compile(r"\(\s*([A-ZĐ0-9][A-Za-zĐđ0-9&+\-.]{1,14})\s*\)")
# A word of a Latin-script foreign name: no Vietnamese-only letters (ă â đ ê ô ơ ư, tone marks on them).
_FOREIGN_WORD = re.compile(r"[A-Z][a-zA-Záéíóúàèìòùäëïöüñçčšžćłńśźżãõåøæß'’.\-]+")
# People's councils and committees by the forms news writes them in.
_COUNCILS = {"UBND": "Ủy ban nhân dân", "Ủy ban nhân dân": "Ủy ban nhân dân",
             "HĐND": "Hội đồng nhân dân", "Hội đồng nhân dân": "Hội đồng nhân dân"}
# An agency credit opening or closing a paragraph: "(TN&MT) - …", "TTXVN - …", "… (Theo Reuters)".
_DATELINE = re.compile(r"^(?:\([^()\d]{2,25}\)|[A-ZĐ&]{2,10})\s*[-–—]\s")
# "Bộ Kinh tế, Công nghiệp và Cạnh tranh Tây Ban Nha": the fields of a ministry listed with commas,
# the last after "và".
_MINISTRY_LIST = re.compile(r"(?:[A-ZĐ]\w*(?: \w+)?, )*[A-ZĐ]\w*(?: \w+)? và [A-ZĐ]")
_TITLE_BREAK = re.compile(r"[,.;:()\[\]\"“”]|\s[-–]\s")
# Latin-script names: capitalised words (initials, "al-" names), particles between them.
_LATIN_WORD = r"(?:[A-Z][a-zA-Záéíóúàèìòùäëïöüñçčšžćłńśźżãõåøæß'’\-]+|(?:al|el)-[A-Z][a-zA-Z'’\-]+|[A-Z]\.)"
_PARTICLES = r"(?:bin|bint|ibn|al|el|de|da|di|del|della|van|von|der|den|la|le|du|dos|das|y)"
_FOREIGN_RUN = re.compile(rf"(?<![\w&.]){_LATIN_WORD}(?:\s(?:{_PARTICLES}\s)?{_LATIN_WORD}){{1,3}}(?![\w&])")
_PARTICLE_WORD = re.compile(rf"{_PARTICLES}|(?:al|el)-[A-Z][a-zA-Z'’\-]+|[A-Z]\.")
# Where a bare foreign name is a person: after a sentence start, a comma, "và", an honorific; and
# followed by a comma, a verb of saying or "tại"/"và".
_PERSON_CONTEXT_BEFORE = re.compile(r"(?:^|[.!?:;,\"“”]\s*|\s(?:và|ông|bà|ngài|với|cùng|của)\s)$", re.IGNORECASE)
_PERSON_CONTEXT_AFTER = re.compile(r"\s*(?:,|\(|$|\s[-–]\s|\s(?:cho biết|cho hay|nói|khẳng định|nhấn mạnh|tuyên bố|"
                                   r"cảnh báo|viết|và|tại|đã|sẽ|cũng|từng)\b)")
# An acronym the gazetteers do not know, after a title: 2-8 capitals, not a Roman numeral.
_UNKNOWN_ACRONYM = re.compile(r"(?![IVXLC]+\b)[A-ZĐ][A-ZĐ0-9&]{1,7}")
_SENTENCE_BREAK = re.compile(r"[.!?…](?=\s)")
_END_CREDIT = re.compile(r"\((?:[Tt]heo\s+)?[^()\d]{2,40}\)\s*$")
# The author's name before a closing agency credit, after the last sentence: up to five
# capitalised words, "-" between two authors.
_END_AUTHOR = re.compile(r"(?:^|[.!?…\"”]\s+)(?P<author>(?:(?:[A-ZĐÂĂÊÔƠƯÁÀẢÃẠ][^\s.,;:!?()]*|-|–)\s+){1,6})$")


def _dash_spacings(key: str) -> list[str]:
    """The spellings of a name with a dash between words that texts use: "châu Á-Thái Bình
    Dương", "châu Á - Thái Bình Dương", "châu Á- Thái Bình Dương" (up to two dashes)."""
    parts = re.split(r"\s*-\s*", key)
    if len(parts) == 1 or len(parts) > 3:
        return [key]
    out = [parts[0]]
    for part in parts[1:]:
        out = [o + sep + part for o in out for sep in ("-", " - ", "- ", " -")]
    return sorted(set(out) | {key})


def _words_in(syllables: list[re.Match[str]], word_end: list[int]) -> int:
    """How many words (segmenter tokens) the syllables make: those that end a token."""
    if not word_end:
        return len(syllables)
    return sum(1 for w in syllables if w.start() >= len(word_end) or word_end[w.start()] <= w.end())


def _overlaps(start: int, end: int, ranges) -> bool:
    """Does [start, end) overlap any of ``ranges`` ((start, end) pairs or spans)?"""
    return any(s < end and start < e for s, e in ((r.start, r.end) if isinstance(r, _Span) else r for r in ranges))


def slug(text: str) -> str:
    """ASCII slug for ids of new entities: "Cục Biến đổi khí hậu" -> "cuc-bien-doi-khi-hau"."""
    text = text.replace("Đ", "D").replace("đ", "d")
    ascii_ = unicodedata.normalize("NFD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_.lower()).strip("-") or "x"


_DASHES = str.maketrans("–—‐‑−", "-----")


def _lower(text: str) -> str:
    """Matching form that keeps every offset: lower case, every dash a hyphen.

    (str.lower can change lengths for a few characters; those are left as they are.)
    """
    out = text.lower()
    if len(out) != len(text):
        out = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    return out.translate(_DASHES)


def _is_word_char(c: str) -> bool:
    return c.isalnum() or c in "&+"


def _bounded(text: str, start: int, end: int) -> bool:
    return (start == 0 or not _is_word_char(text[start - 1])) and (end == len(text) or not _is_word_char(text[end]))


def _capitalised(word: str) -> bool:
    return bool(word) and (word[0].isupper() or (word[0].isdigit() and any(c.isupper() for c in word)))


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
    honorifics: frozenset[str]
    plural_determiners: frozenset[str]
    foreign_org_words: frozenset[str]
    treaty_heads: tuple[str, ...]
    event_heads: tuple[str, ...]
    place_heads: dict[str, str]  # lower-case head -> GPE | LOC
    embassy_heads: frozenset[str]
    verbs: frozenset[str]
    noun_tokens: tuple[str, ...]
    law_heads: frozenset[str]
    company_heads: tuple[str, ...]
    company_forms: tuple[str, ...]
    media_nouns: tuple[str, ...]
    org_nouns: tuple[str, ...]
    edition_units: tuple[str, ...]

    @classmethod
    def load(cls) -> "TaggerRules":
        data = tomllib.loads(resources.files("pipeline").joinpath("data/tagger.toml").read_text(encoding="utf-8"))
        heads = sorted(((h, t) for t, hs in data["acronym_heads"].items() for h in hs), key=lambda x: -len(x[0]))
        titles = set(data["titles"])
        titles |= {t[0].lower() + t[1:] for t in data["titles"]}
        return cls(
            titles=tuple(sorted(titles, key=len, reverse=True)),
            surnames=frozenset(data["surnames"]),
            org_heads=tuple(sorted(data["org_heads"], key=len, reverse=True)),
            org_admin_words=tuple(sorted(data["org_admin_words"], key=len, reverse=True)),
            stop_words=frozenset(data["stop_words"]),
            acronym_heads=tuple(heads),
            not_name_start=frozenset(data["not_name_start"]) | frozenset(data["org_heads"]),
            not_in_name=frozenset(data["not_in_name"]),
            honorifics=frozenset(data["honorifics"]),
            plural_determiners=frozenset(data["plural_determiners"]),
            foreign_org_words=frozenset(data["foreign_org_words"]),
            treaty_heads=tuple(data["treaty_heads"]),
            event_heads=tuple(data["event_heads"]),
            place_heads={h.lower(): t for t, hs in data["place_heads"].items() for h in hs},
            embassy_heads=frozenset(data["embassy_heads"]),
            verbs=frozenset(data["verbs"]),
            noun_tokens=tuple(data["noun_tokens"]),
            law_heads=frozenset(data["law_heads"]),
            company_heads=tuple(data["company_heads"]),
            company_forms=tuple(data["company_forms"]),
            media_nouns=tuple(data["media_nouns"]),
            org_nouns=tuple(data["org_nouns"]),
            edition_units=tuple(data["edition_units"]),
        )


@dataclass(frozen=True, slots=True)
class _NameShape:
    """What a name after a head word may run over."""

    about: bool = False  # a topic after "về"/"giữa": "Đối thoại ASEAN-Nhật Bản về Hợp tác Môi trường"
    after_tai: bool = False  # "tại" + place: "Đại sứ quán Việt Nam tại Tây Ban Nha"
    commas: bool = False  # a comma list of fields: "Bộ Kinh tế, Công nghiệp và Cạnh tranh Tây Ban Nha"
    tail: bool = False  # lower-case words at the end: "Luật Bảo vệ môi trường"
    lead_lower: bool = False  # lower-case words before a known name: "Hội đồng chấp hành UNESCO"
    numbered: bool = False  # a number right after the head: "Đại hội 19"


@dataclass(slots=True)
class _Span:
    start: int
    end: int
    type: str
    entity_id: str
    canonical: str
    acronym: str = ""
    title: str = ""
    method: str = "gazetteer"
    score: float = 1.0


class Tagger:
    """``Doc -> Doc``: see the module docstring. Build once (automata, indexes) and reuse."""

    def __init__(self, gazetteer: Gazetteer, config: TagConfig, rules: TaggerRules | None = None,
                 credits: Credits | None = None):
        self.gaz = gazetteer
        self.config = config
        self.rules = rules or TaggerRules.load()
        self.credits = credits or Credits.load()
        self.names = gazetteer.name_index()
        self._ci = ahocorasick.Automaton()
        self._cs = ahocorasick.Automaton()
        ci_keys: dict[str, list[str]] = defaultdict(list)
        cs_keys: dict[str, list[str]] = defaultdict(list)
        capital_initial: dict[str, bool] = {}
        capital_inner: dict[str, frozenset[int]] = {}  # offsets of the other capitalised words
        for e in sorted(gazetteer.entries.values(), key=lambda e: e.id):
            for n in e.names:
                if is_acronym(n):
                    keys = [n]
                    targets = [cs_keys[n]]
                else:
                    variants = _dash_spacings(n.translate(_DASHES))
                    keys = [_lower(v) for v in variants]
                    targets = [ci_keys[k] for k in keys]
                    # A name written with a capital initial ("Anh", "Đức", "Hòa Bình") only matches a
                    # capital initial in the text: otherwise "anh", "hòa bình" (peace) would be places.
                    # Its other capitalised words may stand in for the first: "thỏa thuận Paris".
                    for key, variant in zip(keys, variants):
                        capital_initial[key] = capital_initial.get(key, True) and n[:1].isupper()
                        inner = frozenset(i for i in range(1, len(variant)) if variant[i].isupper()
                                          and variant[i - 1] in " -" and len(key) == len(variant)
                                          and key.split()[0] not in self.rules.stop_words)
                        if e.type in ("GPE", "LOC", "PERSON") or len(key.split()) < 3:
                            inner = frozenset()  # "Lai Châu" is no "tương lai Châu Á"
                        capital_inner[key] = capital_inner.get(key, inner) & inner
                for target in targets:
                    if e.id not in target:
                        target.append(e.id)
        for key, ids in ci_keys.items():
            self._ci.add_word(key, (len(key), tuple(ids), capital_initial.get(key, False),
                                    tuple(sorted(capital_inner.get(key, ())))))
        for key, ids in cs_keys.items():
            self._cs.add_word(key, (len(key), tuple(ids)))
        self._ci.make_automaton() if ci_keys else None
        self._cs.make_automaton() if cs_keys else None
        self._has_ci, self._has_cs = bool(ci_keys), bool(cs_keys)
        # Offices: title strings -> tenures, for "Bộ trưởng Tài nguyên và Môi trường" without a name.
        self._offices = ahocorasick.Automaton()
        office_keys: dict[str, list[int]] = defaultdict(list)
        for i, o in enumerate(gazetteer.offices):
            office_keys[_lower(o.office)].append(i)
        for key, idx in office_keys.items():
            self._offices.add_word(key, (len(key), tuple(idx)))
        self._has_offices = bool(office_keys)
        if office_keys:
            self._offices.make_automaton()
        titles = "|".join(re.escape(t) for t in self.rules.titles)
        self._title_re = re.compile(rf"(?<![\w&])(?:{titles})(?=\s)")
        # Capitalised titles in a chain: "Phó Thủ tướng, Bộ trưởng Ngoại giao …".
        self._title_chain_re = re.compile(r"(?<![\w&])(?:" + "|".join(
            re.escape(t) for t in self.rules.titles if t[:1].isupper() and t not in self.rules.honorifics)
            + r")(?=[\s,])")
        def alternation(words) -> str:
            return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))

        def head_re(words, flags=0) -> re.Pattern[str]:
            return re.compile(rf"(?<![\w&])(?:{alternation(words)})(?=\s)", flags)

        self._org_head_re = head_re(self.rules.org_heads)
        rules = self.rules
        self._company_head_re = re.compile(rf"(?:{alternation(rules.company_heads)}) ")
        self._company_form_re = re.compile(rf"(?:{alternation(rules.company_forms)})\b")
        self._media_before_re = re.compile(rf"(?:{alternation(rules.media_nouns)})\s$", re.IGNORECASE)
        self._org_noun_before_re = re.compile(rf"(?<!\w)(?:{alternation(rules.org_nouns)})\s$")
        # The noun, whatever its case; the name after it capitalised: "Hãng tin Bernama", "tờ Nikkei".
        self._named_by_noun_re = re.compile(
            rf"(?<!\w)(?i:{alternation(rules.media_nouns + rules.org_nouns)}) "
            r"(?P<name>[A-Z]{2,}|[A-Z][a-zA-Z]{2,}(?: [A-Z][a-zA-Z]+)*)(?![\w&])")
        self._unit_after_re = re.compile(rf" (?:{alternation(rules.edition_units)})\b")
        self._event_head_end_re = re.compile(rf"(?<![\w&])(?:{alternation(rules.event_heads)}) $")
        self._org_head_end_re = re.compile(rf"(?<![\w&])(?:{alternation(rules.org_heads)}) $")
        self._treaty_head_re = head_re(self.rules.treaty_heads)
        self._event_head_re = head_re(self.rules.event_heads)
        self._place_head_re = head_re(self.rules.place_heads, re.IGNORECASE)
        # Fuzzy candidates are compared only with names sharing their first word: fast and safer.
        by_first: dict[str, list[str]] = defaultdict(list)
        for key in ci_keys:
            if len(key) >= config.fuzzy_min_chars and " " in key:
                by_first[key.split(" ", 1)[0]].append(key)
        self._fuzzy_index = dict(by_first)

    # -- entries -----------------------------------------------------------------------------
    def _pick(self, ids: tuple[str, ...] | list[str], day: str) -> Entry:
        entries = [self.gaz.entries[i] for i in ids]
        valid = [e for e in entries if e.valid_on(day)] if day else [e for e in entries if not e.valid_to]
        return (valid or entries)[0]

    def _span_for(self, entry: Entry, start: int, end: int, method: str = "gazetteer", score: float = 1.0) -> _Span:
        return _Span(start, end, entry.type, entry.id, entry.canonical, entry.acronym, "", method, score)

    # -- the stage ---------------------------------------------------------------------------
    def __call__(self, doc: Document) -> Document:
        if doc.status not in ("ok", "duplicate"):
            return doc
        day = doc.published[:10]
        reference = dt.date.fromisoformat(day) if len(day) == 10 else None
        per_para: dict[int, list[_Span]] = {}
        credits: dict[int, list[tuple[int, int]]] = {}  # photo credits and bylines: never mentions
        acronyms: dict[str, _Span] = {}  # ACR -> the entity it was defined as
        bare_titles: dict[int, list[tuple[int, int]]] = {}  # titles with no name after them
        for para in doc.paragraphs:
            credits[para.index] = self._credits(para.text)
            spans = self._paragraph(para, day, reference, acronyms, bare_titles.setdefault(para.index, []))
            per_para[para.index] = [a for a in spans if not _overlaps(a.start, a.end, credits[para.index])]
        self._second_pass(doc, per_para, acronyms, credits)
        self._title_coreference(doc, per_para, bare_titles, credits)
        mentions: list[Mention] = []
        for para in doc.paragraphs:
            taken: set[tuple[int, int]] = set()
            for s in sorted(per_para[para.index], key=lambda s: (s.start, s.end)):
                # One span, one mention (its id is the primary key): the earlier pass wins, as
                # later passes (coreference) only guess where the earlier ones found nothing.
                if (s.start, s.end) in taken:
                    continue
                taken.add((s.start, s.end))
                sent = next((x.index for x in para.sentences if x.start <= s.start < x.end), 0)
                mentions.append(Mention(
                    f"{doc.doc_id}:{para.index}:{s.start}-{s.end}", doc.doc_id, para.index, sent, s.start, s.end,
                    para.text[s.start:s.end], s.type, s.entity_id, s.canonical, s.acronym, s.title, s.method,
                    round(s.score, 3)))
        doc.mentions = mentions
        return doc

    def _paragraph(self, para: Paragraph, day: str, reference: dt.date | None,
                   acronyms: dict[str, _Span], bare_titles: list[tuple[int, int]]) -> list[_Span]:
        text = para.text
        limit = len(text)
        accepted: list[_Span] = []

        def free(s: int, e: int) -> bool:
            return not _overlaps(s, e, accepted)

        # 1. Gazetteer, longest first.
        found = sorted(self._gazetteer_matches(text, limit), key=lambda x: (-(x[1] - x[0]), x[0]))
        for s, e, ids in found:
            if free(s, e):
                accepted.append(self._span_for(self._pick(ids, day), s, e))
        # 2. A ministry followed by a foreign country is that country's ministry.
        self._foreign_bodies(text, accepted)
        # 3. Acronym definitions.
        self._acronym_definitions(text, accepted, acronyms, limit, free)
        # 4. Title + name, and titles alone (tenure).
        self._titled_people(text, accepted, day, reference, limit, free, bare_titles)
        # 5. Vietnamese names by family name; organisations by head word.
        self._surname_people(text, accepted, limit, free)
        self._pattern_places(text, accepted, limit)
        word_end = [0] * len(text)  # for each character, the end of the word (token) it is in
        for sent in para.sentences:
            for a, b in sent.tokens:
                word_end[a:b] = [b] * (b - a)
        self._pattern_named(text, accepted, limit, self._org_head_re, "ORG", False, word_end)
        self._pattern_named(text, accepted, limit, self._treaty_head_re, "TREATY", True, word_end)
        self._pattern_named(text, accepted, limit, self._event_head_re, "EVENT", True, word_end)
        self._named_by_noun(text, accepted, limit, free)
        self._foreign_people(text, accepted, limit, free)
        self._foreign_names(text, accepted, limit, free)
        self._realign_acronyms(text, accepted, acronyms)
        # 6. Variant spellings.
        self._fuzzy(text, accepted, day, limit, free)
        return accepted

    def _credits(self, text: str) -> list[tuple[int, int]]:
        """Photo credits, datelines and closing bylines: they name the photographer, author and
        agency, not actors. A closing "(TTXVN)" takes the author's name before it with it
        ("… thời gian tới. Nguyễn Văn Trí (TTXVN)"), as one-line crawls keep it in the text."""
        credits = self.credits.spans(text, stop_at=lambda pos: self._title_re.match(text, pos) is not None)
        credits += [m.span() for m in (_DATELINE.match(text),) if m and len(m.group().split()) <= 5]
        if (m := _END_CREDIT.search(text)) and len(m.group().split()) <= 5:
            start = m.start()
            # Only before an agency ("(TTXVN)", "(Theo Reuters)"), not a caption's "(giữa)".
            agency = m.group().strip("() ")
            if agency[:1].isupper() and (author := _END_AUTHOR.search(text, 0, start)) is not None:
                start = author.start("author")
            credits.append((start, m.end()))
        return credits

    # -- 1 -----------------------------------------------------------------------------------
    def _gazetteer_matches(self, text: str, limit: int):
        if self._has_ci:
            for end, (length, ids, capital, inner) in self._ci.iter(_lower(text)):
                s, e = end - length + 1, end + 1
                if e <= limit and _bounded(text, s, e) and (
                        not capital or text[s].isupper() or (inner and all(text[s + i].isupper() for i in inner))):
                    yield s, e, ids
        if self._has_cs:
            for end, (length, ids) in self._cs.iter(text):
                s, e = end - length + 1, end + 1
                if e <= limit and _bounded(text, s, e):
                    yield s, e, ids

    # -- 2 -----------------------------------------------------------------------------------
    def _foreign_bodies(self, text: str, accepted: list[_Span]) -> None:
        by_start = {a.start: a for a in accepted}
        for org in [a for a in accepted if a.type == "ORG"]:
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
                new = _Span(org.start, nxt.end, "ORG", f"org:new:{slug(combined)}", combined, method="pattern", score=0.8)
            accepted.remove(org)
            accepted.append(new)
        # "Đại sứ quán Mỹ tại Ấn Độ": an embassy is the one at the place the text names, whatever
        # the gazetteer's "Đại sứ quán Mỹ" (the one in Hà Nội) says.
        by_start = {a.start: a for a in accepted}
        for org in [a for a in accepted if a.type == "ORG"]:
            if not text.startswith(" tại ", org.end) or not any(
                    text.startswith(h + " ", org.start) for h in self.rules.embassy_heads):
                continue
            place = by_start.get(org.end + len(" tại "))
            if place is None or place.type != "GPE":
                continue
            combined = text[org.start:place.end]
            ids = self.names.get(fold(combined))
            accepted.remove(org)
            accepted.remove(place)
            accepted.append(self._span_for(self._pick(ids, ""), org.start, place.end) if ids else _Span(
                org.start, place.end, "ORG", f"org:new:{slug(combined)}", combined, method="pattern", score=0.8))

    # -- 3 -----------------------------------------------------------------------------------
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
    def _replace_inside(accepted: list[_Span], span: _Span) -> bool:
        """Add ``span`` over mentions nested inside it; refuse if it would cut one in half."""
        if any(a.start < span.end and span.start < a.end and not (span.start <= a.start and a.end <= span.end)
               for a in accepted):
            return False
        accepted[:] = [a for a in accepted if not (span.start <= a.start and a.end <= span.end)] + [span]
        return True

    def _acronym_definitions(self, text, accepted, acronyms, limit, free) -> None:
        for m in _ACRONYM_DEF.finditer(text, 0, limit):
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
                span = _Span(a_start, a_end, prev.type, prev.entity_id, prev.canonical, prev.acronym or acr,
                             method="acronym", score=0.95)
                accepted.append(span)
                acronyms.setdefault(acr, span)
                continue
            if inner is not None:
                acronyms.setdefault(acr, inner)
                if prev is None:
                    lf = self._long_form(text, len(before), want=inner.type)
                    if lf:
                        self._replace_inside(accepted, _Span(
                            lf[0], len(before), inner.type, inner.entity_id, inner.canonical,
                            inner.acronym or acr, method="acronym", score=0.9))
                continue
            if not free(a_start, a_end):
                continue
            lf = self._long_form(text, len(before))
            if lf is None:
                continue  # "(TN&MT) - …": an acronym with nothing that defines it
            long_text = text[lf[0]:len(before)]
            etype = lf[1]
            span = _Span(a_start, a_end, etype, f"{etype.lower()}:new:{slug(acr)}", long_text, acr,
                         method="acronym", score=0.8)
            if self._replace_inside(accepted, _Span(lf[0], len(before), etype, span.entity_id, long_text, acr,
                                                    method="acronym", score=0.8)):
                accepted.append(span)
                acronyms.setdefault(acr, span)

    # -- 4 -----------------------------------------------------------------------------------
    def _name_run(self, text: str, pos: int, limit: int, max_words: int = 5) -> tuple[int, int] | None:
        """A run of capitalised words starting at ``pos`` (one space apart)."""
        end = pos
        count = 0
        for m in _WORD.finditer(text, pos, limit):
            if m.start() != (pos if count == 0 else end + 1) or text[end:m.start()].strip():
                break
            word = m.group().rstrip(".")
            if "." in word:  # "Biển Đông.Tháng": a lost space after a sentence
                word = word.split(".", 1)[0]
                if _capitalised(word) and word not in self.rules.stop_words:
                    end = m.start() + len(word)
                    count += 1
                break
            if not _capitalised(word) or word in self.rules.stop_words or (count and word.lower() in self.rules.stop_words):
                break
            initial = len(word) == 1 and m.group() == word + "."  # "Thomas A. Bussiere"
            end = m.start() + len(m.group() if initial else word)
            count += 1
            if count == max_words or (len(word) < len(m.group()) and not initial):
                break
        return (pos, end) if count else None

    def _titled_people(self, text, accepted, day, reference, limit, free, bare_titles) -> None:
        office_hits: list[tuple[int, int, tuple[int, ...]]] = []
        if self._has_offices:
            for end, (length, idx) in self._offices.iter(_lower(text)):
                s, e = end - length + 1, end + 1
                if e <= limit and _bounded(text, s, e):
                    office_hits.append((s, e, idx))
        office_hits.sort(key=lambda x: (x[0], -(x[1] - x[0])))
        for m in self._title_re.finditer(text, 0, limit):
            title_start, pos = m.start(), m.end() + 1
            # Skip the portfolio: an office title, ORG or GPE mentions between title and name.
            office = next((h for h in office_hits if h[0] == title_start), None)
            if office and office[1] > pos:
                pos = office[1] + 1
            for _ in range(3):
                nxt = next((a for a in accepted if a.start == pos and a.type in ("ORG", "GPE")), None)
                if nxt is None:
                    break
                pos = nxt.end + 1
            if pos >= limit:
                continue
            title_text = text[title_start:pos].strip()
            existing = next((a for a in accepted if a.start == pos), None)
            honorific = m.group() in self.rules.honorifics
            if existing is not None and honorific and existing.type in ("GPE", "LOC") \
                    and " " not in text[existing.start:existing.end]:
                accepted.remove(existing)  # "ông Đức", "bà Lào"? a given name, not a country
                existing = None
            if existing is not None:
                if existing.type == "PERSON" and not existing.title:
                    existing.title = title_text
                continue
            run = self._name_run(text, pos, limit)
            if run is not None and len(text[run[0]:run[1]].split()) == 1 and not honorific \
                    and (fr := self._foreign_run(text, run[0], min(limit, run[1] + 60), accepted)) is not None \
                    and not _TITLE_BREAK.search(text, run[0], fr[0]) and not any(
                        w in self.rules.verbs or w in self.rules.stop_words for w in text[run[0]:fr[0]].split()):
                # "Bộ trưởng Tư pháp Merrick Garland": the portfolio, then the name;
                # "Bộ trưởng Quốc phòng Qatar Khaled bin Mohammed al-Attiyah": the whole name;
                # "Phó chủ tịch tập đoàn NASDAQ Bob McCooey": the body's acronym, then the name.
                first = text[fr[0]:fr[1]].split()[0]
                if len(first) >= 2 and first.isupper():
                    self._acronym_body(fr[0], first, accepted, free)
                    fr = (fr[0] + len(first) + 1, fr[1]) if len(text[fr[0]:fr[1]].split()) > 2 else None
                if fr is not None and not any(len(w) >= 2 and w.isupper() for w in text[fr[0]:fr[1]].split()):
                    run = fr
            if run is not None and (text[run[0]:run[1]].split()[0] in self.rules.not_name_start
                                    or all(w.isupper() for w in text[run[0]:run[1]].split())):
                if not honorific:  # "Chủ tịch VNG", "Tổng giám đốc NASDAQ": the body the title is held in
                    self._acronym_body(run[0], text[run[0]:run[1]].split()[0], accepted, free)
                run = None
            if run is None:
                before = text[:title_start].split()[-1:]
                generic = bool(before) and before[0] in self.rules.plural_determiners
                if office and reference is not None and text[title_start].isupper() and not generic:
                    self._tenure(text, office, accepted, day, free)
                if text[title_start].isupper() and not generic and not honorific:
                    bare_titles.append((title_start, self._title_end(text, m.end())))
                continue
            s, e = run
            self._drop_places_in_vietnamese_name(text, s, e, accepted)
            # Stop the run at the first mention inside it (a GPE after a foreign name, etc.).
            inner = [a for a in accepted if s <= a.start < e]
            if inner:
                e = min(a.start for a in inner) - 1
                if e <= s:
                    continue
            name = text[s:e]
            if not free(s, e):
                continue
            words = name.split()
            lower_title = title_text.split()[0].lower() if title_text else ""
            if len(words) == 1:
                # "ông Hà", "Bộ trưởng Yamaguchi": resolved by coreference in the second pass; unless
                # that fails, "Bộ trưởng Ngoại giao Hàn Quốc" is a title without a name.
                if text[title_start].isupper() and not honorific:
                    bare_titles.append((title_start, self._title_end(text, m.end())))
                accepted.append(_Span(s, e, "PERSON", "", name, title=title_text, method="coref", score=0.0))
                continue
            if lower_title in ("ông", "bà", "anh", "chị", "ngài") and len(words) > 4:
                continue
            ids = self.names.get(fold(name))
            if ids:
                span = self._span_for(self._pick(ids, day), s, e)
                span.title = title_text
                if span.type != "PERSON":
                    continue
            else:
                span = _Span(s, e, "PERSON", f"person:new:{slug(name)}", name, title=title_text, method="pattern",
                             score=0.85)
            accepted.append(span)

    def _acronym_body(self, start: int, acr: str, accepted: list[_Span], free) -> None:
        """An acronym the gazetteers do not know, after a title, names the body the title is held in."""
        if _UNKNOWN_ACRONYM.fullmatch(acr) and free(start, start + len(acr)) and not self.names.get(fold(acr)):
            accepted.append(_Span(start, start + len(acr), "ORG", f"org:new:{slug(acr)}", acr, method="pattern",
                                  score=0.6))

    def _sentence_day(self, text: str, s: int, e: int, day: str) -> str:
        """The day a title is held on: the date of its own sentence when it gives one ("Tháng 3/2014,
        … Quyết định 281 của Thủ tướng" is 2014's prime minister), else the article's. A range, a
        date after the article's or a bare year (a target, a period) does not date the title."""
        lo = max((m.end() for m in _SENTENCE_BREAK.finditer(text, 0, s)), default=0)
        hi = next((m.start() for m in _SENTENCE_BREAK.finditer(text, e)), len(text))
        for d in find_dates(text[lo:hi], dt.date.fromisoformat(day)):
            if d.precision in ("day", "month") and not d.date_end and d.date <= day:
                return d.date if d.precision == "day" else d.date + "-15"
        return day

    def _tenure(self, text, office, accepted, day, free) -> None:
        s, e, idx = office
        if not free(s, e):
            # "Bộ trưởng Bộ Tài nguyên và Môi trường": the ORG inside the title stays; the person is added over it.
            if any(a.type == "PERSON" and a.start < e and a.end > s for a in accepted):
                return
        when = self._sentence_day(text, s, e, day)
        holders = {self.gaz.offices[i].person_id for i in idx if self.gaz.offices[i].held_on(when)}
        if len(holders) == 1:
            entry = self.gaz.entries[holders.pop()]
            span = self._span_for(entry, s, e, method="tenure", score=self.config.tenure_score)
            span.title = text[s:e]
            accepted[:] = [a for a in accepted if not (a.start >= s and a.end <= e and a.type == "ORG")] + [span]

    # -- 5 -----------------------------------------------------------------------------------
    def _surname_people(self, text, accepted, limit, free) -> None:
        for m in _WORD.finditer(text, 0, limit):
            if m.group() not in self.rules.surnames or not free(m.start(), m.end()):
                continue
            if m.start() > 0 and text[m.start() - 1] not in " (\"“'‘":
                continue
            run = self._name_run(text, m.start(), limit, max_words=4)
            if run is None:
                continue
            s, e = run
            words = text[s:e].split()
            # Two-word runs ("Mai Hà", "Vũ Dũng") are as often places, bylines or parts of names:
            # without a title only full three- or four-word names count.
            if not 3 <= len(words) <= 4 or any("-" in w or w.isupper() for w in words):
                continue
            if any(w in self.rules.not_in_name for w in words[1:]):
                continue
            self._drop_places_in_vietnamese_name(text, s, e, accepted)
            inner = [a for a in accepted if s < a.end and a.start < e]
            if inner:
                continue
            name = text[s:e]
            ids = self.names.get(fold(name))
            if ids:
                entry = self._pick(ids, "")
                if entry.type == "PERSON":
                    accepted.append(self._span_for(entry, s, e))
                continue
            accepted.append(_Span(s, e, "PERSON", f"person:new:{slug(name)}", name, method="pattern", score=0.6))

    def _drop_places_in_vietnamese_name(self, text: str, s: int, e: int, accepted: list[_Span]) -> None:
        """"Đỗ Đức Quân", "Nguyễn Thái Bình": one-syllable-word places inside a name opened by a
        family name are syllables of the name, not places."""
        if text[s:e].split()[0] not in self.rules.surnames:
            return
        accepted[:] = [a for a in accepted if not (s < a.start and a.end <= e and a.type in ("GPE", "LOC")
                                                   and " " not in text[a.start:a.end])]

    def _foreign_people(self, text, accepted, limit, free) -> None:
        """A Latin-script name right after a body or country: "… Ấn Độ Ajit Doval",
        "Cơ quan Bảo vệ môi trường Mỹ Scott Pruitt"."""
        for a in sorted(accepted, key=lambda a: a.start):
            if a.type not in ("GPE", "ORG") or a.end >= limit or text[a.end:a.end + 1] != " ":
                continue
            run = self._name_run(text, a.end + 1, limit, max_words=4)
            if run is None:
                continue
            s, e = run
            words = text[s:e].split()
            if len(words) < 2 or not all(_FOREIGN_WORD.fullmatch(w) for w in words) or not free(s, e):
                continue
            if words[0] in self.rules.not_name_start or words[-1] in self.rules.foreign_org_words:
                continue
            ids = self.names.get(fold(text[s:e]))
            if ids:
                entry = self._pick(ids, "")
                if entry.type == "PERSON":
                    accepted.append(self._span_for(entry, s, e))
                continue
            accepted.append(_Span(s, e, "PERSON", f"person:new:{slug(text[s:e])}", text[s:e], method="pattern",
                                  score=0.6))

    def _foreign_run(self, text: str, start: int, end: int, known: list["_Span"] | None = None) -> tuple[int, int] | None:
        """The first Latin-script name of two to four words in text[start:end] ("Kurt Campbell",
        "Khaled bin Mohammed al-Attiyah"), not a Vietnamese one; it starts after a ``known``
        mention it would begin with ("Qatar Khaled …")."""
        lead = {a.start: a.end for a in known or ()}
        while (m0 := _FOREIGN_RUN.search(text, start, end)) is not None and m0.start() in lead:
            start = lead[m0.start()] + 1
        for m in _FOREIGN_RUN.finditer(text, start, end):
            words = [w for w in m.group().split() if w[0].isupper()]
            if any(w in self.rules.surnames or w in self.rules.not_name_start for w in words):
                continue
            if all(_FOREIGN_WORD.fullmatch(w) or _PARTICLE_WORD.fullmatch(w) for w in m.group().split()):
                return m.span()
        return None

    def _named_by_noun(self, text, accepted, limit, free) -> None:
        """A one-word medium or organisation: "Hãng tin Bernama", "tờ Nikkei", "tổ chức Germanwatch",
        "tập đoàn NASDAQ" (before the foreign names that may follow it)."""
        for m in self._named_by_noun_re.finditer(text, 0, limit):
            s, e = m.span("name")
            if free(s, e) and not self.names.get(fold(m.group("name"))):
                accepted.append(_Span(s, e, "ORG", f"org:new:{slug(m.group('name'))}", m.group("name"),
                                      method="pattern", score=0.6))

    def _foreign_names(self, text, accepted, limit, free) -> None:
        """A Latin-script name where news writes a person ("Kurt Campbell, Tổng thống Mỹ ...",
        "Jeremy Konyndyk, cố vấn ...", "... , Fikri Isik tại") or a medium ("nhật báo Rodong Sinmun",
        "phỏng vấn với Fox News")."""
        pos = 0
        while (run := self._foreign_run(text, pos, limit)) is not None:
            s, e = run
            pos = e
            if not free(s, e) or self.names.get(fold(text[s:e])):
                continue
            before = text[max(0, s - 25):s]
            after = text[e:e + 25]
            if self._media_before_re.search(before) or self._org_noun_before_re.search(before) \
                    or text[s:e].split()[-1] in self.rules.foreign_org_words:
                # "nhật báo Rodong Sinmun", "tổ chức Climate Central", "RWR Advisory Group"
                accepted.append(_Span(s, e, "ORG", f"org:new:{slug(text[s:e])}", text[s:e], method="pattern",
                                      score=0.6))
            elif _PERSON_CONTEXT_BEFORE.search(before) and _PERSON_CONTEXT_AFTER.match(after) \
                    and not any(len(w) >= 2 and w.isupper() for w in text[s:e].split()):
                accepted.append(_Span(s, e, "PERSON", f"person:new:{slug(text[s:e])}", text[s:e], method="pattern",
                                      score=0.6))

    @staticmethod
    def _realign_acronyms(text: str, accepted: list[_Span], acronyms: dict[str, _Span]) -> None:
        """An acronym defined after a name that a later step grew ("Hãng thông tấn trung ương Triều
        Tiên (KCNA)" over "Triều Tiên") is the grown name's, not the inner place's."""
        ends = {a.end: a for a in accepted if a.method in ("pattern", "gazetteer")}
        for acr in [a for a in accepted if a.method == "acronym"]:
            m = re.search(r"\(\s*$", text[:acr.start])
            if m is None:
                continue
            name = ends.get(len(text[:m.start()].rstrip()))
            if name is None or acr.type != "GPE" or name.type == "GPE":
                continue  # (an acronym in brackets never names the country a longer name ends with)
            acr.type, acr.entity_id, acr.canonical = name.type, name.entity_id, name.canonical
            key = text[acr.start:acr.end]
            if key in acronyms:
                acronyms[key] = acr

    def _noun_token_at(self, text: str, pos: int, covering: int = 0) -> bool:
        """A noun at ``pos`` whose syllable is also a verb's: "dự án", "lương thực", "công nghệ"
        (reaching at least to ``covering``)."""
        low = text[pos:pos + 20].lower()
        return any(low.startswith(n) and not _is_word_char(low[len(n):len(n) + 1] or " ")
                   and pos + len(n) >= covering for n in self.rules.noun_tokens)

    def _named_end(self, text: str, pos: int, limit: int, starts: dict[int, _Span], head_re: re.Pattern[str],
                   word_end: list[int], shape: "_NameShape") -> int | None:
        """End of a name that starts at ``pos`` (after its head word), or None.

        The name runs over capitalised words and over the places and bodies inside it, over up to
        four lower-case words between or after them ("Cục Biến đổi khí hậu"), and as ``shape``
        allows (see :class:`_NameShape`). It stops at a stop word or verb, at a person, at "và"
        before another head, and at a family name opening a person's name.
        """
        about, after_tai, commas = shape.about, shape.after_tai, shape.commas
        tail, lead_lower, numbered = shape.tail, shape.lead_lower, shape.numbered
        end = None
        pending: list[re.Match[str]] = []
        topic = False  # "về"/"giữa" seen: a lower-case topic may finish the name
        verb_at: int | None = None  # index in `pending` of the first verb of a topic
        # "Công ty TNHH thương mại và xây dựng Thuận Việt": a company's legal form, then its trades
        # in lower case, then its name.
        company = bool(self._company_form_re.match(text, pos))
        prev_word: re.Match[str] | None = None
        prev_end = pos - 1
        for w in _WORD.finditer(text, pos, limit):
            gap = text[prev_end:w.start()].strip()
            if gap and not (commas and gap == "," and end is not None and not pending
                            and _MINISTRY_LIST.match(text, w.start())):
                break  # punctuation between words ends the name, but for a ministry of several fields
            word = w.group()
            bare = word.rstrip(".")
            if end is not None and w.end() <= end:
                prev_end = w.end()  # inside a mention the name already runs over ("Châu Á - Thái Bình Dương")
                continue
            hit = starts.get(w.start())
            if hit is not None and hit.type not in ("GPE", "LOC", "ORG"):
                break
            if end is not None and word_end and end - 1 < len(word_end) and word_end[end - 1] >= w.start() + len(bare) \
                    and not (len(bare) >= 2 and bare.isupper()):
                # The rest of a word whose first syllable is capitalised ("Ủy ban", "Đô thị hóa"),
                # even when the syllable alone is a stop word or a verb ("ban", "hóa").
                end = max(end, w.start() + len(bare))
                prev_end = w.end()
                if len(bare) < len(word):
                    break
                continue
            lowered = word.lower()
            if about and lowered == "về" and text.startswith("phía ", w.end() + 1):
                break  # "Diễn đàn về phía Việt Nam": "on the side of", not a topic
            if after_tai and lowered == "tại" and end is not None and (nxt := starts.get(w.end() + 1)) \
                    and nxt.type == "GPE":
                end, prev_end, pending = nxt.end, nxt.end, []
                break
            if about and lowered in ("về", "giữa"):
                pending.append(w)
                topic = True
                prev_end = w.end()
                continue
            if topic and word == "với" and end is not None:
                pending.append(w)  # "… về Thích ứng với biến đổi khí hậu": part of the topic
                prev_end = w.end()
                continue
            if lowered == "các" and end is not None and re.match(r" nước [A-ZĐ]", text[w.end():w.end() + 8]) \
                    or topic and end is not None and word in ("các", "những"):
                # "Hội nghị Bộ trưởng Quốc phòng các nước ASEAN"; a topic's plural ("Kế hoạch hành
                # động ASEAN về quản lý các loài ngoại lai xâm hại").
                pending.append(w)
                prev_end = w.end()
                continue
            if word in self.rules.stop_words or bare in self.rules.stop_words:
                break
            if bare[:1].isupper() and bare.lower() in self.rules.stop_words and end is not None:
                break  # "… Tây Ban Nha Tại Diễn đàn": a sentence whose line break the crawl lost
            if bare in self.rules.verbs and not self._noun_token_at(text, w.start()) \
                    and not (prev_word is not None and self._noun_token_at(text, prev_word.start(), w.end())):
                if not (company or topic):
                    break
                # In a topic a verb may be a noun ("về thương mại và đầu tư Việt Nam – Tây Ban Nha"):
                # it ends the name only if no capitalised word follows.
                if verb_at is None:
                    verb_at = len(pending)
            if word == "và" and (head_re.match(text, w.end() + 1) or self._org_head_re.match(text, w.end() + 1)):
                break
            if bare in self.rules.surnames and end is not None:
                run = self._name_run(text, w.start(), limit, 4)
                if run and len(text[run[0]:run[1]].split()) >= 2 and run[0] not in starts:
                    break  # "Bộ Ngoại giao Bùi Thanh Sơn": the person starts here
            if end is not None and len(bare) >= 3 and bare.isupper() and hit is None \
                    and (last := starts.get(prev_word.start() if prev_word else -1) or next(
                        (a for a in starts.values() if a.end == end), None)) is not None and last.type == "GPE":
                break  # "Hãng thông tấn trung ương Triều Tiên KCNA": the acronym in apposition
            if _capitalised(bare) or (bare.isdigit() and (end is not None or numbered and not self._unit_after_re.match(
                    text, w.end()))) or hit is not None:
                if end is None and pending and not about and not company and (hit is None or hit.type not in ("ORG", "GPE")):
                    break  # lower-case words after an organisation's head lead only to a known name
                # A number after a name is part of it: "Ban QLDA Điện 2", "Cienco 6".
                end = w.start() + len(bare) if hit is None else max(hit.end, w.start() + len(bare))
                pending, verb_at = [], None
            elif end is None and not about and not company:
                # "Hãng thông tấn trung ương Triều Tiên", "Hội đồng chấp hành UNESCO": a few lower-case
                # words, then a body or country the tagger knows.
                pending.append(w)
                if len(pending) > 2 or not lead_lower:
                    break
            elif end is None:
                # "Đối thoại cấp cao ASEAN-EU", "Hội nghị quan chức cấp cao ASEAN+3 …": a few
                # lower-case words may come before the name's first capitalised word.
                pending.append(w)
                if len(pending) > (12 if company else 4):
                    break
            else:
                pending.append(w)
                # A topic after "về" runs longer ("về Thích ứng với biến đổi khí hậu và Quản lý nước"),
                # counted in words, not syllables ("về việc thiết lập quan hệ đối tác chiến lược").
                if _words_in(pending, word_end) > (8 if topic or company else 4):
                    break
            prev_end = w.end()
            prev_word = w
            if len(bare) < len(word):
                break
        if end is None:
            return None
        if verb_at is not None:
            pending = pending[:verb_at]
        # Vietnamese capitalises only the first syllable of a word inside a name ("Đô thị hóa",
        # "Ủy ban"): the name runs to the end of the word (underthesea's token) it stops in.
        if word_end and end - 1 < len(word_end) and word_end[end - 1] > end \
                and not any(len(x) >= 2 and x.isupper() for x in text[end:word_end[end - 1]].split()):
            grown = word_end[end - 1]
            pending = [w for w in pending if w.start() >= grown]
            end = grown
        # Lower-case words after the last capitalised one finish a name ("… khí hậu") unless they
        # are function words ("… và", "… về").
        trailing = []
        # Named agreements and events keep a lower-case tail only as the topic after "về"
        # ("… về rác thải nhựa trên biển"), not a verb phrase ("… ASEAN đặt trụ sở").
        keep = not about or topic or tail  # a law's name goes on in lower case: "Luật Bảo vệ môi trường"
        for w in (pending[1:] if pending and pending[0].group().lower() in ("về", "giữa") else pending) if keep else []:
            if w.group().lower() in ("và", "về", "giữa", "với", "hoặc", "-", "–"):
                break
            trailing.append(w)
        if trailing:
            end = trailing[-1].start() + len(trailing[-1].group().rstrip("."))
        return end

    def _pattern_named(self, text, accepted, limit, head_re: re.Pattern[str], etype: str, about: bool,
                       word_end: list[int]) -> None:
        """Head word + name: organisations ("Cục …", "UBND tỉnh …"), and named agreements and
        events whose head is written with a capital ("Thỏa thuận về …", "Đối thoại ASEAN-… về …")."""
        starts = {a.start: a for a in accepted if a.entity_id or a.method != "coref"}
        for m in head_re.finditer(text, 0, limit):
            s = m.start()
            if any(a.start <= s < a.end for a in accepted):
                continue
            before = text[max(0, s - 30):s]
            if etype == "TREATY" and before.endswith(" ") and any(
                    r.search(before.rstrip() + " ") for r in (self._event_head_end_re, self._org_head_end_re)):
                continue  # "Đối thoại Chiến lược quốc phòng": a word of the dialogue's name, not a strategy
            pos = m.end() + 1
            if etype == "ORG":
                for admin in self.rules.org_admin_words:
                    if text.startswith(admin + " ", pos):
                        pos += len(admin) + 1
                        break
            end = self._named_end(text, pos, limit, starts, head_re, word_end, _NameShape(
                                  about=about,
                                  after_tai=m.group() in self.rules.embassy_heads,
                                  commas=m.group() == "Bộ" or etype == "TREATY", tail=m.group() in self.rules.law_heads,
                                  # not "Bộ trưởng Bộ Quốc phòng", "Hội nghị ASEAN": the head is a word's start
                                  lead_lower=etype == "ORG" and not self._title_re.match(text, s)
                                  and not (word_end and word_end[s] > m.end()),
                                  numbered=etype == "EVENT"))  # "Đại hội 19", "Hội nghị Cấp cao 25"
            if end is None:
                continue
            # "lần thứ 17", "năm 2018": the number or year of a recurring meeting belongs to its name.
            # So are a few lower-case words before that number ("… ASEAN mở rộng lần thứ 7").
            if etype == "EVENT" and (num := re.match(r"((?: \w+){0,2}?) (?:lần thứ [\dIVXLC]+|năm \d{4})\b",
                                                     text[end:limit])) \
                    and all(w.islower() and w not in self.rules.verbs and w not in self.rules.stop_words
                            for w in num.group(1).split()):
                end += num.end()
            # A law's country and year: "Đạo luật Quan hệ Đối ngoại của Australia năm 2020".
            if m.group() in self.rules.law_heads and (law := re.match(r"(?: của (?P<gpe>[^\W\d_][\w ]{1,30}?))? năm (?:19|20)\d\d\b",
                                                      text[end:limit])):
                place = law.group("gpe")
                at = end + len(" của ")
                if place is None or any(a.start == at and a.type == "GPE" and a.end == at + len(place) for a in accepted):
                    end += law.end()
            name = text[s:end]
            if len(name.split()) < 2:
                continue
            inside = [a for a in accepted if a.start < end and s < a.end]
            if any(a.start < s or a.end > end for a in inside):
                continue
            if etype == "ORG" and any(a.type == "ORG" and a.start == s for a in inside):
                continue
            if etype != "ORG" and not inside and not any(_capitalised(w) or w.isdigit()
                                                         for w in name.split()[len(m.group().split()):]):
                continue  # "Thỏa thuận hợp tác chung": a common noun phrase, not a name
            ids = self.names.get(fold(name))
            span = (self._span_for(self._pick(ids, ""), s, end) if ids else
                    _Span(s, end, etype, f"{etype.lower()}:new:{slug(name)}", name, method="pattern", score=0.7))
            places = [a for a in inside if a.type == "GPE"]
            if not ids and m.group() in _COUNCILS and len(places) == 1:
                # One entity per province's council, however the text abbreviates it.
                body = _COUNCILS[m.group()]
                span.entity_id = f"org:{slug(body)}:{places[0].entity_id.split(':', 1)[1]}"
                admin = text[m.end() + 1:pos].strip()
                span.canonical = " ".join(x for x in (body, admin, places[0].canonical) if x)
            if self._replace_inside(accepted, span):
                starts = {a.start: a for a in accepted if a.entity_id or a.method != "coref"}

    def _place_list(self, text: str, pos: int, limit: int, accepted: list[_Span]) -> None:
        """After a plural unit, the list goes on: "các huyện Hồng Ngự, Tam Nông, Thanh Bình và …"."""
        while (m := re.match(r"(?:,| và) ", text[pos:limit])) is not None:
            run = self._name_run(text, pos + m.end(), limit, max_words=3)
            if run is None or any(a.start < run[1] and run[0] < a.end for a in accepted):
                return
            s, e = run
            ids = self.names.get(fold(text[s:e]))
            accepted.append(self._span_for(self._pick(ids, ""), s, e) if ids else
                            _Span(s, e, "GPE", f"gpe:new:{slug(text[s:e])}", text[s:e], method="pattern", score=0.6))
            pos = e

    def _pattern_places(self, text, accepted, limit) -> None:
        """An administrative unit or a geographic feature word + a capitalised name:
        "huyện Hồng Ngự", "bang Victoria" (GPE); "sông Vu Gia", "quần đảo Natuna" (LOC)."""
        starts = {a.start: a for a in accepted}
        for m in self._place_head_re.finditer(text, 0, limit):
            etype = self.rules.place_heads[m.group().lower()]
            pos = m.end() + 1
            existing = starts.get(pos)
            run = self._name_run(text, pos, limit, max_words=4)
            if run is None or (existing is not None and existing.end >= run[1]):
                continue
            s, e = run
            if text[s:e].split()[0] in self.rules.not_name_start:
                continue
            name_only = text[s:e]
            span_start = m.start() if etype == "LOC" else s  # "sông X" is the river's name; "huyện" is not
            span = _Span(span_start, e, etype, f"{etype.lower()}:new:{slug(text[span_start:e])}", text[span_start:e],
                         method="pattern", score=0.6)
            ids = self.names.get(fold(text[span_start:e])) or self.names.get(fold(name_only))
            if ids:
                entry = self._pick(ids, "")
                span = self._span_for(entry, span_start, e)
            if self._replace_inside(accepted, span):
                starts = {a.start: a for a in accepted}
                if etype == "GPE" and text[max(0, m.start() - 4):m.start()].strip().lower() in ("các", "hai", "ba"):
                    self._place_list(text, e, limit, accepted)

    # -- 6 -----------------------------------------------------------------------------------
    def _fuzzy(self, text, accepted, day, limit, free) -> None:
        for m in _WORD.finditer(text, 0, limit):
            if not _capitalised(m.group()) or not free(m.start(), m.end()):
                continue
            if m.start() > 0 and _capitalised(text[max(0, m.start() - 2):m.start()].strip()[-1:] or "x"):
                continue  # not the start of a run
            run = self._name_run(text, m.start(), limit, max_words=6)
            if run is None:
                continue
            s, e = run
            if e - s < self.config.fuzzy_min_chars or " " not in text[s:e] or not free(s, e):
                continue
            key = _lower(text[s:e])
            pool = self._fuzzy_index.get(key.split(" ", 1)[0])
            if not pool:
                continue
            best = process.extractOne(key, pool, scorer=fuzz.ratio, score_cutoff=self.config.fuzzy_ratio)
            if best is None:
                continue
            ids = self.names.get(fold(best[0]))
            if not ids:
                continue
            accepted.append(self._span_for(self._pick(ids, day), s, e, method="fuzzy", score=best[1] / 100))

    # -- second pass: bare acronyms and coreference ---------------------------------------
    def _second_pass(self, doc: Document, per_para: dict[int, list[_Span]], acronyms: dict[str, _Span],
                     credits: dict[int, list[tuple[int, int]]]) -> None:
        people = [s for spans in per_para.values() for s in spans if s.type == "PERSON" and s.entity_id]
        # A company named with its form ("Tập đoàn T&T Group", "Công ty Hòa Phát") is later named
        # without it ("T&T Group cam kết ..."); a short form like an acronym is matched as written.
        short: dict[str, _Span] = {}
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
        for para in doc.paragraphs:
            spans = per_para[para.index]
            text = para.text
            forms = [(form, target, target.acronym, "coref", 0.8) for form, target in short.items()]
            forms += [(acr, target, target.acronym or acr, "acronym", 0.9) for acr, target in acronyms.items()]
            for form, target, acronym, method, score in forms:
                for m in re.finditer(re.escape(form), text):
                    s, e = m.start(), m.end()
                    if _bounded(text, s, e) and not _overlaps(s, e, spans) and not _overlaps(s, e, credits[para.index]):
                        spans.append(_Span(s, e, target.type, target.entity_id, target.canonical, acronym,
                                           method=method, score=score))
            resolved = []
            for span in spans:
                if span.method == "coref" and not span.entity_id:
                    word = span.canonical
                    match = next((p for p in people if word in p.canonical.split()
                                  or any(word in n.split() for n in self._names_of(p.entity_id))), None)
                    if match is None:
                        continue
                    span.entity_id, span.canonical = match.entity_id, match.canonical
                    span.score = 0.8
                resolved.append(span)
            per_para[para.index] = resolved

    def _person_titles(self, text: str, spans: list[_Span]) -> list[tuple[str, str]]:
        """(folded title phrase, person id) for the titles written next to a named person: a chain
        before the name ("Phó Thủ tướng, Bộ trưởng Ngoại giao Phạm Bình Minh") and an appositive
        chain after it ("Phan Văn Giang, Ủy viên Bộ Chính trị, Bộ trưởng Bộ Quốc phòng")."""
        people = [s for s in spans if s.type == "PERSON" and s.entity_id and s.method not in ("tenure", "coref")]
        if not people:
            return []
        starts = {p.start: p for p in people}
        ends = {p.end: p for p in people}
        found = []
        direct: dict[int, _Span] = {}  # index in `found` -> the name its title runs into
        for m in self._title_chain_re.finditer(text):
            nxt = min((p for p in people if p.start >= m.end()), key=lambda p: p.start, default=None)
            if nxt is not None and nxt.start - m.end() < 80 and not _TITLE_BREAK.search(text, m.end(), nxt.start):
                direct[len(found)] = nxt  # "Bộ trưởng Ngoại giao Phạm Bình Minh"
                found.append((m.start(), nxt.start - 1))
                continue
            found.append((m.start(), self._title_end(text, m.end(), starts)))
        owner: dict[int, _Span] = dict(direct)
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
        return [(fold(text[s:e]), owner[k].entity_id) for k, (s, e) in enumerate(found)
                if k in owner and text[s:e].strip()]

    def _title_end(self, text: str, pos: int, stops: dict[int, "_Span"] | None = None) -> int:
        """Where a title that ends at ``pos`` stops, with the portfolio, body and place it names
        ("Bộ trưởng Ngoại giao Hàn Quốc", "Bộ trưởng Bộ Quốc phòng Việt Nam"): before the first verb,
        function word, punctuation or name, at most eight words on."""
        end = pos
        last_cap = -1
        for k, w in enumerate(_WORD.finditer(text, pos)):
            word = w.group()
            bare = word.rstrip(".")
            head = self._org_head_re.match(text, last_cap) if last_cap >= 0 else None
            inside_head = head is not None and head.end() >= w.start() + len(bare)  # "Ủy ban": not the verb "ban"
            if k == 8 or text[end:w.start()].strip() or (stops and w.start() in stops) \
                    or bare.lower() in self.rules.stop_words or (bare in self.rules.verbs and not inside_head):
                break
            if bare[:1].isupper():
                last_cap = w.start()
            end = w.start() + len(bare)
            if len(bare) < len(word):
                break
        return end

    def _title_coreference(self, doc: Document, per_para: dict[int, list[_Span]],
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
                if _overlaps(s, e, credits[para.index]):
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
                    continue
                if any(a.type == "PERSON" and a.start < e and s < a.end for a in spans):
                    continue
                entry = self.gaz.entries.get(pid)
                # The body named in the title stays a mention of its own ("Bộ Quốc phòng").
                spans.append(_Span(s, e, "PERSON", pid, canon[pid], entry.acronym if entry else "",
                                   text[s:e], "coref", 0.8))

    def _names_of(self, entity_id: str) -> tuple[str, ...]:
        entry = self.gaz.entries.get(entity_id)
        return entry.names if entry else ()
