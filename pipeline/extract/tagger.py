"""The tagger: candidates, one resolver, then linkers (see ``resolve.py`` for the precedence).

``Tagger`` is the tag stage's ``Doc -> Doc`` callable (``pipeline/stages/tag.py`` wraps it). For one
paragraph:

1. the gazetteer matcher proposes every name it finds; a one-word country that is an ordinary
   word goes; the gazetteer's candidates are resolved among themselves. They are the input of
   every rule family, with the paragraph's text and tokens (a ``Context``);
2. every rule family (``Tagger.families``; their priorities are ``PASSES``) is a function of that
   ``Context`` returning candidates (``Proposals``). None sees what another kept, so the order they
   run in does not matter (a test shuffles it). The few that read another family's *proposals*
   say so in ``READS``; those are computed once per paragraph, whoever asks first;
3. one ``resolve`` over all candidates decides every overlap by the written precedence and records
   the winner of every loser;
4. linkers (``LINKERS``, ``link.py``) on what was kept: in the paragraph country context, acronym
   definitions, acronym realignment and tenure, then over the whole document credits,
   coreference and title coreference. Each records what it adds, removes or gives up.

``Tagger.explain`` runs the same with a trace: every candidate, the rule that proposed it, and
whether it was kept, lost (to which rule) or removed (by which linker).
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from dataclasses import replace
from itertools import takewhile
from typing import Callable

import ahocorasick

from ..config import TagConfig, names_model_path
from ..credits import Credits
from ..gazetteer import WORLD_LISTS, Entry, Gazetteer
from ..model import Document, Mention, Paragraph
from ..normalize import fold, has_tone, unmarked
from ..wordseg import dictionary_words, in_both_placements
from .candidates import Candidate, Context, GazetteerMatcher, Proposals
from .doc import DocBuilder
from .link import Linkers
from .patterns import Patterns
from .namemodel import NameModel
from .proposer import NerProposer
from .resolve import Decision, Ledger, resolve
from .rules import TaggerRules
from .token_rules import TokenRules
from .text import (_DATELINE, _END_AUTHOR, _END_CREDIT, _LATIN_WORD, _PARTICLES, GatedPattern, _lower, literal_alternation,
                   overlaps, slug, vietnamese_syllable)

__all__ = ["Tagger", "PASSES"]


def _alternation_longest(words, ignore_case: bool = False) -> str:
    """An alternation of ``words``, longest first (what ``Tagger.__init__``'s ``alternation`` gives)."""
    return literal_alternation(sorted(words, key=len, reverse=True), ignore_case)

# The rule families of one paragraph, highest priority first: this order is the first key of the
# resolver's precedence, never an order of running. A correction (a name grown over the places
# inside it, a family name over the one-word places inside a Vietnamese name, "ông Đức") is a
# candidate that ``nests`` or ``displaces`` what it corrects (``resolve.py``), and the trace records
# what it beat. Corrections that need the resolved paragraph (a body's country, an acronym's
# definition) are linkers (``LINKERS``), not families.
PASSES = (
    ("gazetteer", "gazetteer names and aliases (Aho-Corasick), resolved longest first"),
    ("pattern.title+name", "a title then a name; a title alone is noted for the tenure and title-coreference linkers"),
    ("pattern.surname", "Vietnamese personal names of three or four words opened by a family name"),
    ("pattern.place", "places by their designator word (a province, a river …)"),
    ("pattern.org-head", "organisations by their head word"),
    ("pattern.treaty-head", "agreements by their head word"),
    ("pattern.event-head", "named meetings by their head word"),
    ("pattern.named-by-noun", "a medium or body named after a noun (a news agency Bernama)"),
    ("pattern.foreign-person", "a Latin-script name right after a body or country"),
    ("pattern.foreign-name", "a Latin-script name where news writes a person or a medium"),
    ("fuzzy", "variant spellings of gazetteer names (rapidfuzz)"),
)
# The families that read other families' proposals (never what the resolver kept): the name after
# an organisation's, agreement's or meeting's head word runs over the places and stops at the
# people other families find; a foreign name after a body needs the bodies found by their head or
# noun (a body the gazetteer names, with or without its country, is in every family's input).
READS = {
    "pattern.org-head": ("pattern.place", "pattern.title+name", "pattern.surname"),
    "pattern.treaty-head": ("pattern.org-head",),
    "pattern.event-head": ("pattern.org-head", "pattern.treaty-head"),
    "pattern.foreign-person": ("pattern.org-head", "pattern.named-by-noun"),
}
# The imported world cities (``Entry.origin`` is "file:line"): read by link.place-cue only, after a word of place.
WORLD_CITIES = next(f for f, what in WORLD_LISTS.items() if what == "world cities") + ":"
# The imported pre-2025 communes and districts: read by link.place-cue only, a commune before its district or province.
COMMUNES = next(f for f, what in WORLD_LISTS.items() if what == "communes") + ":"
DISTRICTS = "imported/vietnam-districts-2025.csv:"
# Quotation marks, dashes and brackets a sentence may open with before its first word.
_OPENING_MARKS = re.compile(r"[\s\"“‘'(\-–—]*")
# A quotation closed after a sentence's last mark ends that sentence, though the segmenter may not split there:
# '… các quận Tân Bình, Hóc Môn v.v…" Anh cho hay.' (he; issue-14O9, batch 7)
_QUOTE_END = re.compile(r"(?:…|[.!?])[\"”’]\s+")
# An ellipsis ends a sentence the segmenter runs on past: "… quyết định cho tương lai… Anh biết nó thật sự khó khăn"
# (I, the speaker; issue-14B34, batch 36: typed the country)
_ELLIPSIS_END = re.compile(r"(?:…|\.\.\.)\s+")
# A person's initials, as news writes one it will not name ("N.V.L,", "D.", "T.N.D", "Q.P."; issue-14B34: "Anh N.V.L"
# opening a paragraph of batch 36 typed the country; 23 such "Anh" on the bench)
_INITIALS = re.compile(r"(?:[A-Z\u0110]\.)+(?:[A-Z\u0110]\.?)?[,:;)]?|[A-Z\u0110]\.[A-Z\u0110][,:;)]?")
# An initial: one capital, or a consonant and at most two more of plain Latin script ("H", "Tr", "Ng"), with or
# without its dot; a syllable of a given name has a vowel, which may open it ("An", "Anh") (link.initials).
_INITIAL = re.compile(r"(?:[A-Z\u0110]|[B-DF-HJ-NP-TV-XZ\u0110][b-df-hj-np-tv-xz]{1,2})\.?")


def _is_initial(word: str) -> bool:
    return _INITIAL.fullmatch(word) is not None


def _longest_first(heads: dict[str, str]) -> list[tuple[str, str]]:
    """Heads in lower case with the space after them, and their types, longest first (so "thị trấn " before "thị ")."""
    return sorted(((h.lower() + " ", t) for h, t in heads.items()), key=lambda h: -len(h[0]))


_PRIORITY = {name: len(PASSES) - i for i, (name, _) in enumerate(PASSES)} | {"proposer.ner": 0}
# What an acronym's definition does not displace unless it reaches it (grows over it, names it):
# the gazetteer's own names and the bodies country context placed.
_ABOVE_DEFINITIONS = frozenset({"gazetteer", "link.country-context"})
# The linkers, after the resolver, in the order they run: in each paragraph, then over the whole document.
LINKERS = ("link.country-context", "link.country-branch", "link.legal-form", "link.acronym-definition", "link.acronym-realign",
           "link.person-list", "link.org-list", "link.place-cue", "link.event-edition", "link.tenure", "link.credit", "link.coreference", "link.address",
           "link.club-place", "link.title-coreference", "link.names-model", "link.given-name", "link.short-name", "link.cited-medium",
           "link.work-title", "link.school-list", "link.initials")


def _place_cue_indexes(gazetteer: Gazetteer, rules: TaggerRules, names: dict[str, list[str]]) \
        -> tuple[dict[str, Entry], dict[tuple[str, str], tuple[str, ...]]]:
    """What link.place-cue looks names up in: the imported world cities gpe.csv leaves out, by folded name ("ở
    Surabaya"), and the units gpe.csv names under a parent, by (parent id, name without its head word): "tại Hoàng Mai,
    Hà Nội" is the district gpe.csv names only as "quận Hoàng Mai"."""
    cities = {fold(n): e for e in gazetteer.imported if e.origin.startswith(WORLD_CITIES)
              for n in e.names if fold(n) not in names}
    heads = sorted((h.lower() + " " for h, t in rules.place_heads.items() if t == "GPE"), key=len, reverse=True)
    under: dict[tuple[str, str], tuple[str, ...]] = defaultdict(tuple)
    for e in (e for e in gazetteer.entries.values() if e.type == "GPE" and e.parent):
        for n in map(fold, e.names):
            head = next((h for h in heads if n.startswith(h)), "")
            if e.id not in under[(e.parent, n[len(head):])]:
                under[(e.parent, n[len(head):])] += (e.id,)
    return cities, under


def _bare_media(gazetteer: Gazetteer, nouns: tuple[str, ...]) -> dict[str, tuple[str, str]]:
    """The folded bare name of each ORG row named with a medium's noun ("Báo Đất Việt" -> "đất việt") that is no
    name of its own -> (id, canonical): a paper the text may name bare after its reporter (link.cited-medium)."""
    heads = tuple(f"{n} " for n in sorted(nouns, key=len, reverse=True))
    out: dict[str, tuple[str, str]] = {}
    for e in (e for e in gazetteer.entries.values() if e.type == "ORG"):
        for name in e.names:
            head = next((h for h in heads if name.startswith(h)), "")
            if head and len(name) > len(head):
                out.setdefault(fold(name[len(head):].strip()), (e.id, e.canonical))
    return out


def _commune_index(gazetteer: Gazetteer, rules: TaggerRules) -> dict[str, frozenset[str]]:
    """The folded name of each imported pre-2025 commune without its head word ("tú lệ") -> the ids of the
    provinces that have a commune of that name (link.place-cue: "Tú Lệ (Yên Bái)", "Nga Tân, huyện Nga Sơn")."""
    province = {e.id: e.parent for e in gazetteer.imported if e.origin.startswith(DISTRICTS)}
    heads = sorted((h.lower() + " " for h, t in rules.place_heads.items() if t == "GPE"), key=len, reverse=True)
    out: dict[str, set[str]] = defaultdict(set)
    for e in (e for e in gazetteer.imported if e.origin.startswith(COMMUNES) and e.parent in province):
        n = fold(e.canonical)
        out[n[len(next((h for h in heads if n.startswith(h)), "")):]].add(province[e.parent])
    return {n: frozenset(p) for n, p in out.items()}


def _commune_lookups(gazetteer: Gazetteer, rules: TaggerRules, names: dict[str, list[str]]) \
        -> tuple[dict[str, frozenset[str]], frozenset[str], re.Pattern[str]]:
    """What link.place-cue reads a commune by: the commune index, the centrally-run cities after which a name is a
    street as often as a ward, and what names something in a commune, not the commune, right before its name (a
    house number, ``grammar_commune_not_after``, a place head)."""
    g = rules.grammar
    cities = frozenset(i for n in g["commune_street_cities"] for i in names.get(fold(n), ()))
    words = sorted((*g["commune_not_after"], *rules.place_heads), key=len, reverse=True)
    not_after = re.compile(rf"(?:(?<![\w&])(?i:{literal_alternation(words, True)})|\d\w*) $")
    return _commune_index(gazetteer, rules), cities, not_after


def _bare_unit_names(gazetteer: Gazetteer, under: dict[tuple[str, str], tuple[str, ...]],
                     names: dict[str, list[str]]) -> dict[str, str]:
    """The bare name a unit gpe.csv names only with its head word goes out under ("quận Thanh Xuân" is "Thanh Xuân",
    as with the units the place rule finds: the gold writes either): the districts whose bare name is no name the
    gazetteer knows (not "TP Hà Giang", whose bare name is the province's) and no other unit's of the province."""
    out = {}
    for (parent, bare), ids in under.items():
        entry = gazetteer.entries[ids[0]]
        province = gazetteer.entries.get(parent)
        if province is not None and province.parent and len(ids) == 1 and bare and bare not in names and fold(entry.canonical) != bare \
                and fold(entry.canonical).endswith(" " + bare):
            out[entry.id] = entry.canonical[len(entry.canonical) - len(bare):]
    return out


def _club_name_re(clubs: dict[str, Entry]) -> re.Pattern[str] | None:
    """The regex of the club names ``clubs`` holds, longest first, a whole run of words (None without any)."""
    if not clubs:
        return None
    return re.compile(rf"(?<![\w&.-])(?:{literal_alternation(sorted(clubs, key=len, reverse=True))})(?![\w&-])")


def _imported_club_names(gazetteer: Gazetteer, names: dict[str, list[str]]) -> tuple[dict[str, Entry], re.Pattern[str] | None]:
    """Each name of an imported football club that org.csv does not hold (imported/football-clubs.csv: too few
    unscored bench articles name it to be chosen) and that the gazetteer gives to nothing else. The import kept
    no town's name but the clubs' own towns (gazetteer_import.toml club_cities): "Millwall", "Barnsley",
    "Consadole Sapporo", "Aberdeen" are clubs; "Reading", "Genoa" are left to the towns. With the regex of
    those names, longest first (None without any)."""
    clubs = {n: e for e in gazetteer.imported if e.origin.startswith("imported/football-clubs.csv:")
             and e.id not in gazetteer.entries for n in (e.canonical, *e.aliases) if fold(n) not in names}
    return clubs, _club_name_re(clubs)


def _club_town(name: str, prefixes, suffixes) -> str:
    """The town of a club's name with a club's prefix ("RB Leipzig") or suffix ("Genoa CFC"); "" for any other name."""
    first, _, rest = name.partition(" ")
    if first in prefixes:
        return rest
    head, _, last = name.rpartition(" ")
    return head if head and last in suffixes else ""


def _town_club_names(entries: list[Entry], names: dict[str, list[str]],
                     grammar: dict) -> tuple[dict[str, Entry], re.Pattern[str] | None]:
    """The foreign towns that name one club with a club's prefix or suffix ("RB Leipzig" -> "Leipzig", "Genoa CFC" ->
    "Genoa"; ``club_town_prefixes``, ``club_town_suffixes``), and no ORG of the gazetteer nor a home place by
    themselves ("Barcelona" is the club's own row; "Hà Nội FC" is rule link.club-place's own case). With their regex."""
    prefixes, suffixes = grammar["club_town_prefixes"], grammar["club_town_suffixes"]
    towns: dict[str, set[str]] = defaultdict(set)
    by_id = {}
    for e in entries:
        if e.type != "ORG" or e.country in ("", grammar["home_country"]):
            continue
        for n in (e.canonical, *e.aliases):
            town = _club_town(n, prefixes, suffixes)
            if town[:1].isupper() and not town.isupper() and all(i.split(":", 1)[0] == "gpe" and not i.startswith("gpe:vn")
                                          for i in names.get(fold(town), ())):
                towns[town].add(e.id)
                by_id[e.id] = e
    clubs = {t: by_id[next(iter(ids))] for t, ids in towns.items() if len(ids) == 1}
    return clubs, _club_name_re(clubs)


def _office_automaton(gazetteer: Gazetteer) -> tuple[ahocorasick.Automaton, bool]:
    """Title strings -> (length, indexes of the gazetteer's tenures), and whether there is any."""
    automaton = ahocorasick.Automaton()
    office_keys: dict[str, list[int]] = defaultdict(list)
    for i, o in enumerate(gazetteer.offices):
        office_keys[_lower(o.office)].append(i)
    for key, idx in office_keys.items():
        automaton.add_word(key, (len(key), tuple(idx)))
    if office_keys:
        automaton.make_automaton()
    return automaton, bool(office_keys)


class Tagger(Patterns, Linkers):
    """``Doc -> Doc``: see the module docstring. Build once (automata, indexes) and reuse.
    ``lexicon``: the segmentation model's words (``pipeline.wordseg.dictionary_words``), handed
    over by a pipeline that read them once for its stages; read here otherwise."""

    def __init__(self, gazetteer: Gazetteer, config: TagConfig, rules: TaggerRules | None = None,
                 credits: Credits | None = None, lexicon: frozenset[str] | None = None):
        self.gaz = gazetteer
        self.config = config
        self.rules = rules or TaggerRules.load()
        self.credits = credits or Credits.load()
        self.names = gazetteer.name_index()
        self.lexicon = dictionary_words() if lexicon is None else lexicon
        # what a word of the text is looked up in: the dictionary in the text's tone placement too
        self.known_words = in_both_placements(self.lexicon)
        self.matcher = GazetteerMatcher(gazetteer, self.rules.stop_words, int(self.rules.grammar["code_part_letters"]))
        # Offices: title strings -> tenures, for "Bộ trưởng Tài nguyên và Môi trường" without a name.
        self._offices, self._has_offices = _office_automaton(gazetteer)
        self._title_re = re.compile(rf"(?<![\w&])(?:{literal_alternation(self.rules.titles)})(?=\s)")
        # Capitalised titles in a chain: "Phó Thủ tướng, Bộ trưởng Ngoại giao …".
        self._title_chain_re = re.compile(r"(?<![\w&])(?:" + literal_alternation(
            t for t in self.rules.titles if t[:1].isupper() and t not in self.rules.honorifics) + r")(?=[\s,])")

        def alternation(words, ignore_case: bool = False) -> str:
            # longest first; ``ignore_case`` where the pattern compares case-insensitively
            return literal_alternation(sorted(words, key=len, reverse=True), ignore_case)

        def head_re(words, flags=0) -> re.Pattern[str]:
            return re.compile(rf"(?<![\w&])(?:{alternation(words, bool(flags & re.IGNORECASE))})(?=\s)", flags)

        self._org_head_re = head_re(self.rules.org_heads)
        # the rare patterns, each scanned only in a paragraph that holds one of its words (``GatedPattern``)
        self._eponym_school_re = GatedPattern(head_re(self.rules.grammar["eponym_school_nouns"]),
                                              self.rules.grammar["eponym_school_nouns"])
        self._bare_body_re = GatedPattern(re.compile(  # a chamber, or a local body of its unit unnamed ("Công an tỉnh")
            rf"(?<![\w&])(?:{alternation(self.rules.grammar['bare_bodies'])}|(?:{alternation(self.rules.grammar['bare_local_heads'])})"
            rf" (?:{alternation(self.rules.grammar['bare_local_units'])}))(?![\w&])"),
            (*self.rules.grammar["bare_bodies"], *self.rules.grammar["bare_local_heads"]))
        rules = self.rules
        # The noun tokens by first character (``_noun_token_at``), in their order within each.
        nouns_by_first: dict[str, list[str]] = defaultdict(list)
        for n in rules.noun_tokens:
            nouns_by_first[n[:1]].append(n)
        self._noun_tokens_by_first = None if "" in nouns_by_first else {k: tuple(v) for k, v in nouns_by_first.items()}
        # how much text a noun token and the character after it need (the longest noun's length, and one)
        self._noun_token_chars = max(map(len, rules.noun_tokens), default=0) + 1
        self._company_head_re = re.compile(rf"(?:{alternation(rules.company_heads)}) ")
        self._company_form_re = re.compile(rf"(?:{alternation(rules.company_forms)})\b")
        # after "và" in a lower-case lead: another body's head or a noun of people joins a second body (``_lower_body_after_and``)
        self._second_body_after_and = tuple(h.lower() + " " for h in (*rules.org_heads, *rules.grammar["and_lead_people"]))
        # "bộ phim Ma Rainey's Black Bottom", "tàu hàng Ever Given": a title after its noun, no person
        self._work_before_re = re.compile(rf"(?<!\w)(?:{alternation(rules.work_nouns)})\s[\"“‘']?$")
        # the noun may open a sentence ("Tính năng Party Strobe của LG XBOOM", batch 20; issue-14T16)
        self._work_title_re = GatedPattern(re.compile(
            rf"(?<![\w&])(?i:{alternation(rules.work_nouns, True)}) [\"“‘']?(?=[^\W\d_])"), rules.work_nouns, ignore_case=True)
        # "nhiều bộ phim ăn khách như Aashiqui 2, Ek Villain", "cuốn sách mang tên It's About Time": a title after a
        # joint word, a few words of description after the noun (``work_title_joints``)
        self._work_joint_re = GatedPattern(re.compile(
            rf"(?<![\w&])(?:{alternation(rules.work_nouns)})((?: [^\s,.;:()]+){{0,2}}) "
            rf"(?:{alternation(rules.work_title_joints)}) [\"“‘']?(?=[^\W\d_])"), rules.work_nouns)
        # "cho ba phim Gigli, Pearl Harbor, Daredevil": after a plural word the noun lists its titles
        self._work_plural_re = re.compile(rf"(?<!\w)(?i:{alternation(rules.work_list_before, True)}) $")
        # a title: up to five Latin-script words, particles between them ("Pearl Harbor", "It's About Time")
        title_words = rf"({_LATIN_WORD}(?:\s(?:{_PARTICLES}\s)?{_LATIN_WORD}){{0,4}})"
        title = rf"{title_words}(?![\w&])"
        self._work_first_re = re.compile(title)
        self._work_item_re = re.compile(rf"(?:\s\d+|\s\(\d{{4}}\))?(?:{alternation(rules.work_list_joints)}) " + title)
        self._title_patterns(title, title_words)
        # a website by its domain: "Batdongsan.com.vn", "nationalinterest.org" (not an e-mail, a path or a url)
        # (every match holds a dot right before its domain)
        self._website_re = GatedPattern(re.compile(rf"(?<![\w@./:\-])(?:[A-Za-z0-9][A-Za-z0-9\-]*\.)+"
                                                   rf"(?:{alternation(rules.website_domains)})(?![\w/@\-]|\.\w)"),
                                        map(".".__add__, rules.website_domains))
        self._media_before_re = re.compile(rf"(?:{alternation(rules.media_nouns, True)})\s$", re.IGNORECASE)
        self._org_noun_before_re = re.compile(rf"(?<!\w)(?:{alternation(rules.org_nouns)})\s$")
        # a list of bodies opened by its noun ("các thương hiệu … như:", "đối tác:"), for ``_shop_in_body_list``
        self._body_list_noun_re = re.compile(rf"(?<!\w)(?:{alternation(rules.grammar['body_list_nouns'], True)})(?!\w)",
                                             re.IGNORECASE)
        # the shop before or after it in the list ("Yolo Bar, Relax Bar"): a Latin-script run closed by a shop's word
        # (joined as a list of titles is: a comma or "và", ``work_list_joints``)
        shop, joint = rf"(?:{alternation(rules.grammar['shop_words'])})", rf"(?:{alternation(rules.work_list_joints)})"
        self._shop_before_re = re.compile(rf"(?<![\w&])[A-Z]\w*(?: [A-Z]\w*){{0,3}} {shop}{joint} $")
        self._shop_after_re = re.compile(rf"{joint} [A-Z]\w*(?: [A-Z]\w*){{0,3}} {shop}(?![\w&])")
        # Token rules as spaCy Matcher patterns over the paragraph's Doc (built only when a rule may fire).
        self.doc_builder = DocBuilder(rules)
        self.token_rules = TokenRules(self.doc_builder.vocab, rules)
        self._unit_after_re = re.compile(rf" (?:{alternation(rules.edition_units)})\b")
        self._amount_after_re = re.compile(rf" ?(?:{alternation(rules.grammar['amount_units'])})(?!\w)")
        # "Chiều 6/6", "Tối qua" after a name: a new sentence (the crawl lost its break)
        self._day_part_re = re.compile(rf"(?:{alternation(rules.grammar['day_parts'])}) "
                                       rf"(?:\d{{1,2}}/\d{{1,2}}|(?:{alternation(rules.grammar['day_part_then'])})\b)")
        self._event_head_end_re = re.compile(rf"(?<![\w&])(?:{alternation(rules.event_heads)}) $")
        self._org_head_end_re = re.compile(rf"(?<![\w&])(?:{alternation(rules.org_heads)}) $")
        # "(… gọi đội tuyển Việt Nam - PV)": the editor's note closing a bracket is no part of a name
        self._editor_mark_re = re.compile(rf"[-–]\s*(?:{alternation(rules.grammar['editor_marks'])})\s*\)")
        # "công an Đại tá …", "U15 Việt Nam Phát biểu …": a rank or a sentence opener ends a body's name
        self._name_ender_re = re.compile(rf"(?:{alternation(rules.grammar['name_enders'])})(?!\w)")
        # "ông Nguyễn Thành Phong | Chủ tịch UBND …": a capitalised title ends a person's run of names
        self._person_ender_re = re.compile(rf"(?:{alternation(rules.grammar['person_name_enders'])})(?!\w)")
        self._officer_noun_re = re.compile(rf"(?<!\w)(?:{alternation(rules.grammar['officer_nouns'])})(?=\s)")
        self._tail_ender_re = re.compile(rf"(?:{alternation(rules.grammar['tail_enders'])})(?!\w)")
        self._treaty_head_re = GatedPattern(re.compile(
            rf"(?<![\w&])(?:{alternation(rules.treaty_heads)})(?=\s)(?! {re.escape(str(rules.grammar['profession_suffix']))}\b)"),
            rules.treaty_heads)
        # "phiên họp thứ 55", "kỳ họp thứ nhất"; cuộc thi “Hiểu đúng về tiền” (the name inside the quotation marks)
        self._session_re = GatedPattern(re.compile(
            rf"(?<![\w&])(?:{alternation(rules.session_heads)}) {re.escape(str(rules.grammar['ordinal']))} "
            rf"(?:\d+|[IVXLC]+|{alternation(rules.ordinal_words)})(?![\w/])"), rules.session_heads)
        self._contest_re = GatedPattern(re.compile(
            rf"(?<![\w&])(?P<noun>{alternation(rules.contest_nouns)}) [“\"](?P<name>[A-ZĐÀ-Ỹ][^”\"]{{2,70}})[”\"]"),
            rules.contest_nouns)
        # "Thông tư 26/2020/TT-BGDĐT", "Nghị quyết số 59-NQ/TƯ", "Quyết định số 587": a number and a code, or "số" + number.
        number = re.escape(str(rules.grammar["number"]))
        self._numbered_document_re = GatedPattern(re.compile(
            rf"(?<![\w&])(?:{alternation(rules.numbered_documents)})(?: {number})? \d+(?:/(?:19|20)\d\d)?"
            # the code's dash may stand between spaces ("Nghị định số 116/2020/NĐ - CP", batch 27)
            rf"(?:/[A-ZĐ][A-ZĐ&]{{0,5}} - [A-ZĐ]{{2,6}}(?![\w&/-])|[/-][A-ZĐ][\w&Đ-]*(?:/[A-ZĐ][\w&Đ-]*)*)(?![\w/])"
            # "Nghị định 91/2020", "Nghị định số 131/2018": a number and its year without a code (issue-14E14, batch 16:
            # the bare number below, backtracking, gave "Nghị định 9", "Nghị định số 13")
            # and "Thông tư 08-2017" (batch 24), the year after a dash
            rf"|(?<![\w&])(?:{alternation(rules.numbered_documents)})(?: {number})? \d+[/-](?:19|20)\d\d(?![\w/-])"
            # a plenum's resolution by its number and term ("Nghị quyết Trung ương 4 (khóa XII)"; grammar_plenum_words)
            rf"|(?<![\w&])(?:{alternation(rules.numbered_documents)}) (?:{alternation(rules.grammar['plenum_words'])}) \d{{1,2}}(?![\w/])"
            rf"(?: \({re.escape(str(rules.grammar['term']))} [IVXLC]+\)| {re.escape(str(rules.grammar['term']))} [IVXLC]+(?!\w))?"
            # the whole number, never a part of it ("Nghị quyết số 41 ngày …" is not "Nghị quyết số 4")
            rf"|(?<![\w&])(?:{alternation(rules.numbered_documents)})(?: {number})? \d+(?!\d)(?![\w/,.]\w)"
            # "Nghị định 86", "Quyết định 587" without their code, but for a quantity ("… 2 năm")
            rf"(?! (?:{alternation(rules.grammar['quantity_words'])})(?!\w))"), rules.numbered_documents)
        # "tại 314 ", "đến số 6 ", "tại số 12A/3 ": a house number right before a name (rule link.address)
        self._house_number_re = re.compile(
            rf"(?<![\w&])(?:{alternation(rules.address_before)}) (?:{number} )?\d+[A-Za-z]?(?:/\d+[A-Za-z]?)* $")
        # "183 Nguyễn Lương Bằng, quận Đống Đa": a bare house number, then a ward or district after the name
        self._bare_house_number_re = re.compile(r"(?:^|(?<=[\s:,(]))\d+[A-Za-z]?(?:/\d+[A-Za-z]?)* $")
        self._ward_after_re = re.compile(
            rf", (?:{alternation(rules.grammar['address_units_after'])})(?:[. ]|(?=\d))")
        # words of the game: one anywhere makes a document sport news, one in a sentence makes it about a match
        # (rule link.club-place: a bare province there is its club)
        sport_words = (*rules.grammar['club_sport_words'], *rules.grammar['club_town_sport_words'])
        self._club_sport_re = GatedPattern(re.compile(rf"(?<!\w)(?:{alternation(rules.grammar['club_sport_words'])})(?!\w)"),
                                           rules.grammar['club_sport_words'])
        self._club_town_sport_re = GatedPattern(re.compile(rf"(?<!\w)(?:{alternation(sport_words)})(?!\w)"), sport_words)
        # a player's family name alone after a match report's cue (rule link.person-list; issue-14F21): one whole
        # word, no capitalised word after it ("Phút 87, Ruslan Malinovskiy" is no "Rusla")
        self._player_cue_re = re.compile(
            rf"(?<!\w)(?:{alternation(rules.grammar['player_cues'])}|{rules.grammar['player_minute_cue']}) "
            rf"(?P<name>[A-Z][^\s,.;:!?()\"“”]+)(?![^\s,.;:!?()\"“”])(?![^\S\n][A-ZĐ])")
        # a match report's line-up paragraph: a team or a line-up's head, a formation, a colon, then its items (rule
        # link.person-list; issue-14A28); the team must be a club or a country a rule found over the whole of it, or
        # have its formation after it
        self._lineup_re = re.compile(
            rf"(?:(?P<head>{alternation(rules.grammar['lineup_heads'])})(?!\w)[^:\n]{{0,40}}?|(?P<team>[^:\n]{{2,40}}?))"
            rf"(?P<formation> ?\(\d(?:-\d){{1,4}}\))? ?: ?(?=\S)")
        self._lineup_one_re = re.compile(rules.grammar['lineup_one_word'])
        # what may stand between a compound place name and the known place it lies in: "Big Sur, Mỹ", "West Glamorgan
        # (xứ Wales)", "Great Barrier ở Australia" (``_prefixed_place``)
        self._compound_place_cue_re = re.compile(rf", | \(| (?:{alternation(rules.grammar['place_cue_words'])}) ")
        # a ruler's foreign name and the regnal epithet or number written in words after it ("Theodosius Đại đế",
        # "Napoleon đệ tam"; rule pattern.foreign-name, issue-14T31)
        self._regnal_suffix_re = re.compile(
            rf"(?<![\w.])[A-Z][^\W\d_]{{2,}}(?: [A-Z][^\W\d_]{{2,}})? (?:{alternation(rules.grammar['regnal_suffixes'])})(?!\w)")
        # a competition sport news names by a word other news means otherwise ("Euro"; rule link.club-place)
        sport_events = alternation(tuple(rules.grammar['sport_event_names']))
        self._sport_event_re = re.compile(
            rf"(?<![\w./-])(?P<name>{sport_events})(?:(?: (?:19|20)\d\d)(?![\w/-])|(?![\w./-])(?! [A-Z\d]))")
        self._amount_before_re = re.compile(
            rf"(?:\d|(?<!\w)(?:{alternation(rules.grammar['amount_units'])})) $")
        # an initial and a family name transliterated with hyphens ("P.Pô-rô-sen-cô"; rule pattern.foreign-name)
        self._transliterated_person_re = re.compile(rules.grammar['transliterated_person'])
        # a player's initial glued to his family name ("P.Alcacer"; rule link.person-list, issue-14K25)
        self._player_initial_re = re.compile(
            rf"{rules.grammar['player_initial']}(?P<name>[^\s,.;:!?()\"“”…]+)(?![^\s,.;:!?()\"“”…])")
        self._club_match_re = re.compile(rf"(?<!\w)(?:{alternation(rules.grammar['club_match_words'])})(?!\w)")
        # the imported clubs org.csv does not hold, by each name the import kept (rule link.club-place: in sport news)
        self._imported_clubs, self._imported_club_re = _imported_club_names(gazetteer, self.names)
        self._town_clubs, self._town_club_re = _town_club_names(
            [*gazetteer.entries.values(), *self._imported_clubs.values()], self.names, self.rules.grammar)
        self._club_origin_re = re.compile(rf"(?<!\w)(?:{alternation(rules.grammar['club_origin_cues'])}) $")
        # "VCK U16 châu Á 2016", "giải U20 Thế giới": a youth competition, no team (link.club-place, issue-14D34)
        self._youth_competition_re = re.compile(
            rf"(?<!\w)(?:(?:{alternation(rules.grammar['youth_competition_openers'])}) )?"
            rf"(?:{rules.grammar['youth_competition_head']}) (?:{alternation(rules.grammar['youth_competition_areas'])})"
            rf"(?: (?:{alternation(rules.grammar['youth_competition_year_words'])} )?(?:19|20)\d\d)?(?!\w)")
        # "các tỉnh, thành phố gồm ", "các tỉnh lân cận như ": a list of places opens (link.club-place, issue-14D34)
        self._place_list_re = re.compile(
            rf"(?<!\w)(?:{alternation(rules.grammar['club_place_list_openers'])})(?: [^\W\d_]+){{0,4}}? "
            rf"(?:{alternation(rules.grammar['club_place_list_joints'])}):? ")
        # ", Hà Nội", ", Khuê Trung, Cẩm Lệ": the next item of an address, and the one after (a place of the rules there
        # makes the name before them a street; rule link.address)
        self._address_items_re = re.compile(r", ([^\W\d_][^,.;:()]{0,30})(?:, ([^\W\d_]))?")
        # ", " or " - " between the items of an address written on one line (rule link.address, issue-14T14)
        self._address_item_re = re.compile(r"(?:,| [-\u2013]) ")
        # the clause an address item stands in: since a colon, a bracket, a semicolon or the paragraph's start
        self._address_clause_re = re.compile(r"(?:^|[:;(\n])([^:;()\n.]*)$")
        units = [h for h, t in rules.place_heads.items() if t == "GPE"]
        self._unit_before_re = re.compile(rf"(?<![\w&])(?:{alternation(units, True)})\s$", re.IGNORECASE)
        # "(Minh Cường, Thường Tín, Hà Nội)": up to three names, then the last one
        self._address_re = re.compile(r"\(((?:[^\W\d_][^(),]{0,30}, ){1,3}[^\W\d_][^(),]{0,30})\)")
        self._unit_number_re = re.compile(r" \d{1,2}(?![\d,.]\d)\b")
        # "quốc lộ 14B", "QL7A": a national road by its number and letter, spaced or glued (``_numbered_roads``)
        self._numbered_road_re = GatedPattern(re.compile(
            rf"(?<![\w.&])(?:{alternation(rules.grammar['numbered_road_heads'])}) ?(\d{{1,3}}[A-Z]?)(?![\w,.]\w|\w)"),
            rules.grammar['numbered_road_heads'])
        # "H.Đức Hòa", "Q.7": a unit's abbreviation glued to its name or number (rule pattern.place)
        self._dotted_unit_re = GatedPattern(re.compile(
            rf"(?<![\w.&])(?:{alternation(rules.grammar['dotted_units'])})(?=[^\W\d_]|\d)"), rules.grammar['dotted_units'])
        self._glued_number_re = re.compile(r"\d{1,2}(?![\d,.]\d)\b")
        # the rest of a Latin-script name past a linking word ("Đại học Santiago | de Compostela", "Huntington Beach
        # Academy | for the Performing Art"; rule pattern.org-head and pattern.foreign-name)
        self._foreign_tail_re = re.compile(
            rf"(?: (?:{alternation(rules.grammar['foreign_name_links'])})(?: (?:{alternation(rules.grammar['foreign_articles'])}))?"
            r"(?: [A-Z][a-zA-Z]+)+)+(?![\w&])")
        self._event_head_re = GatedPattern(head_re(self.rules.event_heads), self.rules.event_heads)
        # “Lễ hội trình diễn siêu xe và âm nhạc Vân Đồn 2021”: a title in quotation marks opened by a meeting's head
        self._quoted_event_re = GatedPattern(re.compile(
            rf"[“\"](?P<name>(?:{alternation(rules.grammar['quoted_event_heads'])}) [^”\"]{{2,90}}?)[”\"]"),
            rules.grammar['quoted_event_heads'])
        # "Lễ hội hoa", "Lễ hội mùa hè": a festival's head before a lower-case word (rule pattern.event-head)
        self._festival_re = GatedPattern(re.compile(
            rf"(?<![\w&])(?:{alternation(rules.grammar['festival_heads'])})(?= [^\W\d_])"), rules.grammar['festival_heads'])
        # place heads with their type, longest first, each with its space ("thị trấn ", "xã "; rule link.coreference)
        self._place_heads_longest = _longest_first(rules.place_heads)
        # a head glued to its name ("quậnTân Bình") is let through here and checked by the rule
        self._place_head_re = re.compile(rf"(?<![\w&])(?:{alternation(self.rules.place_heads, True)})(?=\s|[^\W\d_])",
                                         re.IGNORECASE)
        # "tàu sân bay USS Nimitz", "tàu khu trục dẫn đường USS Shoup": the head ends a longer word (rule pattern.place)
        # — also glued to the word before it by the crawl, when it opens with a capital ("gồmQuả cầu Vàng": the award)
        self._head_compound_re = re.compile(
            rf"(?:(?<![\w&])|(?<=[^\W\d_])(?=[A-ZĐ]))(?i:{alternation(rules.grammar['place_head_compounds'], True)})$")
        # "xứ Chùa Vàng", "đất nước Chùa Vàng": a land's nickname, no feature (rule pattern.place)
        self._land_nickname_re = re.compile(rf"(?<![\w&])(?i:{alternation(rules.grammar['land_nicknames'], True)}) $")
        # A family name right after a place word opens a place named after a person ("đường Trần Hưng Đạo").
        self._place_head_end_re = re.compile(rf"(?<![\w&])(?:{alternation(rules.place_heads, True)}) $", re.IGNORECASE)
        g = self.grammar = rules.grammar
        and_ = re.escape(str(g["and"]))
        # "Bộ Kinh tế, Công nghiệp và Cạnh tranh Tây Ban Nha": a ministry's fields listed with commas.
        self._ministry_list_re = re.compile(rf"(?:[A-ZĐ]\w*(?: \w+)?, )*[A-ZĐ]\w*(?: \w+)? {and_} [A-ZĐ]")
        self._person_before_re = re.compile(
            rf"(?:^|[.!?:;,\"“”]\s*|\s(?:{alternation(rules.person_before, True)})\s)$", re.IGNORECASE)
        self._person_after_re = re.compile(
            rf"\s*(?:,|\(|$|\s[-–]\s|\s(?:{alternation(rules.person_after)})\b)")
        self._list_joint_re = re.compile(rf"(?:,| {and_}) ")
        # "Theo Boldsky, …" after a sentence's opening marks: a medium cited as the source (link.cited-medium)
        self._cited_medium_re = re.compile(
            rf"[\"“‘'(\-–—\s]*(?:{alternation(g['cited_medium_before'], True)}) (?P<name>[A-Z][A-Za-z]{{2,}}),")
        # a paper the gazetteer names with its noun only, bare after its reporter ("PV Thanh Niên": link.cited-medium)
        self._bare_media = _bare_media(gazetteer, g["medium_nouns_of_rows"])
        self._medium_bare_re = re.compile(rf"(?<![\w&])(?:{alternation(g['medium_bare_before'])}) (?=[A-ZĐ])")
        # districts listed with a count after each ("Bình Lục 15, Thanh Liêm 2": link.place-cue)
        self._district_joint_re = re.compile(rf"(?: \d+)?(?:,| {and_}|, {and_}) ")
        self._district_joint_before_re = re.compile(rf"(?: \d+)?(?:,| {and_}|, {and_}) $")
        # streets listed after a plural street word (rule pattern.place): "các tuyến phố Mễ Trì, Lê Trọng Tấn",
        # "các phố như Tạ Hiện, …", "ngã tư Khuất Duy Tiến - Lê Văn Lương"
        self._street_joint_re = re.compile(rf",? {and_} |, ")
        self._street_first_re = re.compile(rf",? {and_} |, | ")
        self._crossing_joint_re = re.compile(rf" [-–] | {and_} | ")
        self._street_cue_re = GatedPattern(re.compile(
            rf"(?<![\w&])(?i:{alternation(g['street_plurals'], True)}) (?:\w+ )?(?i:{alternation(g['street_heads'], True)})"
            # "các tuyến phố của Hà Nội như: Khuất Duy Tiến, …": the city may come between
            rf"(?: (?:{alternation(g['street_of'])}) [^\W\d_][^\W\d_ ]*(?: [^\W\d_][^\W\d_ ]*){{0,3}}?)?"
            rf" (?:{alternation(g['street_such_as'])}):? (?=[^\W\d_])"
            rf"|(?<![\w&])(?P<crossing>(?:{alternation(g['street_crossings'])})) (?=[^\W\d_])"),
            # every match holds a plural street word (any case) or a crossing's word
            (*g["street_plurals"], *g["street_crossings"]), ignore_case=True)
        self._list_joint_before_re = re.compile(rf"(?:,| {and_}) $")
        # "Tú Hảo (team Lan Khuê)": a contestant, then her team by its coach (link.person-list)
        self._team_remark_re = GatedPattern(re.compile(
            rf" \((?:{alternation(g['team_remark_words'])}) (?:(?:{alternation(g['team_remark_titles'])}) )?(?=[^\W\d_])"),
            g['team_remark_words'])
        # Where an item of a list of names ends: the next joint, a bracket, a dash or the sentence's end.
        self._list_item_end_re = re.compile(rf"(?:,\s| {and_}\s| \(| [-–] |\s*[.…;:!?)]|\s*$)")
        # "lần thứ 28-29": the joint edition of two meetings held together (issue-14R11, dev: "Hội nghị cấp cao ASEAN lần
        # thứ 28-29"); not "lần thứ 4-2017", an edition and its year
        self._edition_re = re.compile(rf"((?: \w+){{0,2}}?) (?:{re.escape(str(g['edition']))} [\dIVXLC]+(?:-[\dIVXLC]{{1,3}}\b)?|"
                                      rf"{re.escape(str(g['school_year']))} \d{{4}} ?[-–] ?\d{{4}}|"
                                      rf"{re.escape(str(g['year']))} \d{{4}})\b")
        # An event's edition or year after its name: " lần thứ VII", " 2020", " năm 2017", " - năm 2017",
        # " 2020/21"; a year is 19xx or 20xx, not any number ("World Cup 2 lần").
        # "SEA Games 30": a bare edition number, tried first; not a count ("AFF Cup 5 lần") nor a part of a date,
        # score or amount ("30/4", "30-0", "30.000")
        counts = alternation(g['quantity_words'] + g['edition_count_words'] + tuple(rules.edition_units))
        self._event_edition_re = re.compile(
            rf" \d{{1,2}}(?![\w/%-]|[.,:]\d)(?! (?:{counts})(?!\w))"
            rf"|(?: {re.escape(str(g['edition']))} [\dIVXLC]+(?:-[\dIVXLC]{{1,3}})?\b)?(?:(?: [-–])? (?:{re.escape(str(g['year']))} )?"
            rf"(?:19|20)\d\d(?:[/-](?:19|20)?\d\d)?(?![\w/-]))?")
        # A company's legal form after its name, up to two Latin-script words before it ("Bloomberg| L.P.", "BMW| M
        # GmbH"), or the full stop of an abbreviated form the name ends with ("Sofina Foods Inc|."): link.legal-form
        forms = "|".join(re.escape(f) for f in g["legal_forms"])
        self._legal_form_re = re.compile(rf"(?: [A-Z][A-Za-z0-9&-]*){{0,2}} (?:{forms})(?![\w.-])")
        self._legal_form_stop = frozenset(f[:-1] for f in g["legal_forms"] if f.endswith("."))
        self._law_year_re = re.compile(rf"(?: {re.escape(str(g['of']))} (?P<gpe>[^\W\d_][\w ]{{1,30}}?))? "
                                       rf"{re.escape(str(g['year']))} (?:19|20)\d\d\b")
        # "ở Gwadar, Pakistan", "ở Manaus, thủ phủ bang …": a city by its cue (rule link.place-cue)
        self._place_cue_re = re.compile(rf"(?<![\w&])(?:{alternation(g['place_cue_before'])}) (?=[^\W\d_])")
        # "ở Surabaya", "quê nhà Toulon": a city of the imported world list that gpe.csv leaves out, by its cue alone
        self._city_cue_re = re.compile(rf"(?<![\w&])(?:{alternation(g['world_city_cues'])}) (?=[^\W\d_])")
        self._world_cities, self._units_under = _place_cue_indexes(gazetteer, self.rules, self.names)
        self._bare_units = _bare_unit_names(gazetteer, self._units_under, self.names)
        self._communes, self._commune_street_cities, self._commune_not_after_re = _commune_lookups(
            gazetteer, self.rules, self.names)
        # "tiếng Nga, Anh và Tây Ban Nha", "ngôn ngữ: Việt, Anh, Pháp": the items after a language's noun
        joints = alternation(rules.language_list_joints)
        self._language_list_re = re.compile(
            rf"(?<!\w)(?:{alternation(rules.language_nouns)}):? (?P<items>(?:[^\W\d_]+(?: [^\W\d_]+){{0,2}}(?:{joints}))+)$")
        self._language_joint_re = re.compile(joints)
        # "của Chính phủ và Thủ tướng Chính phủ": a title listed after a word that makes it the office (link.tenure);
        # an item is a word and up to five more, then a joint (that each opens with a capital, link.py checks)
        item = r"[^\W\d_][\w.&-]*(?: [\w.&-]+){0,5}?"
        tjoints = "|".join(rf"{re.escape(j)} " if j == "," else rf" {re.escape(j)} " for j in rules.tenure_list_joints)
        self._tenure_joint_re = re.compile(tjoints)
        self._tenure_after_re = re.compile(rf"(?<!\w)(?i:{alternation(rules.tenure_not_after, True)}) ")
        self._tenure_items_re = re.compile(rf"(?:{item}(?:{tjoints}))+")
        self._place_cue_after_re = re.compile(rf"(?:{alternation(g['place_cue_after'])})(?!\w)")
        side, countries = g["about_side"], g["countries"]
        self._side_word, self._side_next = str(side[0]), str(side[1]) + " "
        self._countries_word = str(countries[0])
        self._countries_re = re.compile(rf" {re.escape(str(countries[1]))} [A-ZĐ]")
        # "Theo phóng viên TTXVN tại Nhật Bản": the agency's acronym, then where its correspondent is.
        self._correspondent_re = GatedPattern(re.compile(
            rf"(?<!\w)(?:{alternation(rules.correspondent_openers)}) [A-ZĐ][A-ZĐ&]+"
            rf"(?: (?:{alternation(rules.correspondent_at)}) [A-ZĐ]\w*(?: [A-ZĐ]\w*){{0,3}})?(?!\w)"), rules.correspondent_openers)
        outlets = alternation(rules.outlet_datelines)
        self._outlet_dateline_re = GatedPattern(
            re.compile(rf"^(?:{outlets})(?= [A-ZĐ])|(?<=[.!?…\"”] )(?:{outlets})\s*$"), rules.outlet_datelines)
        # Fuzzy candidates are compared only with names sharing their first word: fast and safer.
        by_first: dict[str, list[str]] = defaultdict(list)
        for key in self.matcher.keys:
            if len(key) >= config.fuzzy_min_chars and " " in key:
                by_first[key.split(" ", 1)[0]].append(key)
        self._fuzzy_index = dict(by_first)
        self.proposer = NerProposer(
            self.names, lambda ids: self._pick(ids, ""),
            frozenset(rules.titles) | rules.not_name_start | rules.honorifics | {w.capitalize() for w in rules.stop_words},
            config.ner_score, frozenset(config.ner_types)) if config.ner_proposer else None
        self.name_model = NameModel.load(names_model_path(config)) if config.names_proposer else None
        # What the names model never proposes: a title, a word no name opens, an honorific alone.
        self._not_model_names = frozenset(fold(w) for w in (
            *rules.titles, *rules.not_name_start, *rules.honorifics, *rules.stop_words))
        self.families = self._families()

    # -- entries -----------------------------------------------------------------------------
    def _pick(self, ids: tuple[str, ...] | list[str], day: str) -> Entry:
        entries = [self.gaz.entries[i] for i in ids]
        valid = [e for e in entries if e.valid_on(day)] if day else [e for e in entries if not e.valid_to]
        return (valid or entries)[0]

    def _span_for(self, entry: Entry, start: int, end: int, method: str = "gazetteer", score: float = 1.0) -> Candidate:
        return Candidate(start, end, entry.type, entry.id, entry.canonical, entry.acronym, "", method, score)

    # -- the stage ---------------------------------------------------------------------------
    def __call__(self, doc: Document) -> Document:
        return self._tag(doc, None)

    def explain(self, doc: Document) -> tuple[Document, list[Decision]]:
        """Tag ``doc`` and return every decision taken on the way (for ``vnews explain``)."""
        trace: list[Decision] = []
        return self._tag(doc, trace), trace

    def _tag(self, doc: Document, trace: list[Decision] | None) -> Document:
        if doc.status not in ("ok", "duplicate"):
            return doc
        day = doc.published[:10]
        reference = dt.date.fromisoformat(day) if len(day) == 10 else None
        per_para: dict[int, Ledger] = {}
        credits: dict[int, list[tuple[int, int]]] = {}  # photo credits and bylines: never mentions
        acronyms: dict[str, Candidate] = {}  # ACR -> the entity it was defined as
        bare_titles: dict[int, list[tuple[int, int]]] = {}  # titles with no name after them
        works: dict[int, list[tuple[int, int]]] = {}  # titles after a work's noun: never persons
        # the lists of branches and schools each paragraph's text holds, for the two linkers that read them
        branch_lists: dict[int, list[tuple[str, list[tuple[int, int]]]]] = {}
        pronouns = self._pronouns_of(doc)
        for para in doc.paragraphs:
            credits[para.index] = self._credits(para.text)
            low = _lower(para.text)  # the matching form, made once for every matcher of the paragraph
            works[para.index] = self._titles_in(para.text, low)
            branch_lists[para.index] = self._listed_branches(para.text, low)
            kept, notes, gazetteer = self._paragraph(para, low, day, reference, trace, pronouns)
            spans = Ledger(kept, paragraph=para.index, trace=trace)
            self._paragraph_linkers(para, spans, notes, gazetteer, day, acronyms)
            bare_titles[para.index] = notes.bare_titles
            spans.rule, spans.reason = "link.credit", "inside a photo credit, dateline or byline"
            spans[:] = [a for a in spans if not overlaps(a.start, a.end, credits[para.index])]
            per_para[para.index] = spans
        # The document's words, read once by the linkers that ask whether it is sport news (a word of the game)
        whole = " ".join(p.text for p in doc.paragraphs)
        sport = self._club_sport_re.search(whole) is not None
        # The document linkers in their order; each ledger records what a linker changes under its rule.
        document_linkers = [
            ("link.coreference", lambda: self._streets_by_name(doc, per_para)),
            ("link.address", lambda: self._address_streets(doc, per_para)),
            ("link.club-place", lambda: self._clubs_by_place(doc, per_para, whole, sport)),
            ("link.coreference", lambda: self._second_pass(doc, per_para, acronyms, credits)),
            ("link.title-coreference", lambda: self._title_coreference(doc, per_para, bare_titles, credits)),
            ("link.coreference", lambda: self._bare_local_bodies(doc, per_para, whole)),
            # A player a match report's cue or a team-mate marks comes before the names model's guess, and again
            # after it for the people only the model found ("thay thế Mæhle"; the model retrained on batches 4-30
            # took those first). Not so the speaker's short name (link.short-name): run before the model too it
            # lowered events F1 on six batches (9, 11, 19, 23, 24, 26, 27 by 0.0003-0.0049)
            ("link.person-list", lambda: self._person_lists_again(doc, per_para, sport)),
        ] + ([("link.names-model", lambda: self._model_names(doc, per_para, credits, works))]
             if self.name_model is not None else []) + [
            # the people the names model found make the lists they stand in lists of people too ("sau Hasselbaink
            # và Didier Drogba", "McKennie và Chiesa": issue-14L18)
            ("link.person-list", lambda: self._person_lists_again(doc, per_para, sport)),
            ("link.given-name", lambda: self._given_names(doc, per_para)),
            ("link.short-name", lambda: self._short_names(doc, per_para, credits)),
            # a medium cited by one word at a sentence's opening, once the people's short names are theirs
            ("link.cited-medium", lambda: self._cited_media(doc, per_para, credits)),
            ("link.work-title", lambda: self._work_titles(doc, per_para, works, branch_lists)),
            ("link.school-list", lambda: self._school_lists(doc, per_para, branch_lists)),
            ("link.initials", lambda: self._initials_only(doc, per_para)),
        ]
        for rule, link in document_linkers:
            for spans in per_para.values():
                spans.rule, spans.priority = rule, 0
            link()
        mentions: list[Mention] = []
        for para in doc.paragraphs:
            taken: set[tuple[int, int]] = set()
            for s in sorted(per_para[para.index], key=lambda s: (s.start, s.end)):
                # One span, one mention (its id is the primary key): the resolver's winner stays,
                # as the document linkers (coreference) only guess where nothing was found.
                if (s.start, s.end) in taken:
                    continue
                taken.add((s.start, s.end))
                sent = next((x.index for x in para.sentences if x.start <= s.start < x.end), 0)
                mentions.append(Mention(
                    f"{doc.doc_id}:{para.index}:{s.start}-{s.end}", doc.doc_id, para.index, sent, s.start, s.end,
                    para.text[s.start:s.end], s.type, s.entity_id, self._bare_units.get(s.entity_id, s.canonical),
                    s.acronym, s.title, s.method,
                    round(s.score, 3)))
                if trace is not None:  # the rule it is a mention by (a linker may have renamed it)
                    trace.append(Decision(para.index, s.start, s.end, s.type, s.entity_id, s.rule, "won"))
        doc.mentions = mentions
        return doc

    def _paragraph(self, para: Paragraph, low: str, day: str, reference: dt.date | None, trace: list[Decision] | None,
                   pronouns: frozenset[str] = frozenset()) -> tuple[list[Candidate], Proposals, tuple[Candidate, ...]]:
        """The candidates of every rule family, then one resolver. The families run in the order of
        ``self.families``, which does not matter: each is a function of the paragraph's ``Context``.
        Returns the kept spans, the families' notes for the linkers and the gazetteer's candidates
        (what the country-context and acronym-definition linkers read the paragraph against)."""
        text = para.text  # ``low``: its matching form (``_lower``)
        # a body matched inside a word of the language is no candidate, and no word that blocks the heads inside it
        # ("cán bộ Công an phường …": the ward's police, not the ministry)
        found = [c for c in self.matcher.propose(text, len(text), lambda ids: self._pick(ids, day), low)
                 if c.type != "ORG" or not self._closes_lower_word(text, c)]
        for c in found:
            c.priority = _PRIORITY["gazetteer"]
        # a sentence opens after its quotation mark or dash too: '" Anh cũng cho biết thêm …' (he)
        openings = {sent.start for sent in para.sentences} | {
            _OPENING_MARKS.match(text, sent.start).end() for sent in para.sentences} | {
            m.end() for m in _QUOTE_END.finditer(text)} | {m.end() for m in _ELLIPSIS_END.finditer(text)}
        kept = self._not_ordinary_words(text, found, para.index, trace, openings, pronouns)
        left = {id(c) for c in kept}
        words = tuple((c.start, c.end) for c in found if id(c) not in left)
        found = kept
        # The gazetteer's candidates resolved among themselves: the input every family reads.
        gazetteer = tuple(resolve(found, trace=trace, paragraph=para.index, final=False))
        word_end = [0] * len(text)
        for sent in para.sentences:
            for a, b in sent.tokens:
                word_end[a:b] = [b] * (b - a)
        ctx = Context(para, text, len(text), day, reference, word_end, gazetteer, low, words)
        notes = Proposals()
        candidates = list(gazetteer)
        for name in self.families:
            proposals = self._propose(name, self.families[name], ctx, trace)
            candidates += proposals.candidates
            notes.bare_titles += proposals.bare_titles
            notes.offices += proposals.offices
        return resolve(candidates, trace=trace, paragraph=para.index), notes, gazetteer

    def _families(self) -> dict[str, Callable[[Context, Ledger, Proposals], None]]:
        """Each rule family by name: ``family(ctx, view, out)``, where ``view`` starts as the
        gazetteer's candidates and holds only what this family adds to it."""
        return {
            "pattern.title+name": self._titled_people,
            "pattern.surname": self._surname_people,
            "pattern.place": self._pattern_places,
            "pattern.org-head": self._org_heads,
            "pattern.treaty-head": self._treaties,
            "pattern.event-head": self._events,
            "pattern.named-by-noun": self._named_by_noun,
            "pattern.foreign-person": self._foreign_people,
            "pattern.foreign-name": self._foreign_names,
            "fuzzy": self._fuzzy,
        } | ({"proposer.ner": self._ner_proposals} if self.proposer is not None else {})

    def _propose(self, name: str, family, ctx: Context, trace: list[Decision] | None) -> Proposals:
        """One family's proposals (computed once per paragraph, whoever asks first).

        The family works on its own view: the gazetteer's candidates, and the proposals of the
        families it ``READS`` as the resolver would order them. What it adds to the view is what it
        proposes; what it takes out of the view its candidates displace (the resolver decides)."""
        out = ctx.proposed.get(name)
        if out is not None:
            return out
        base: list[Candidate] | tuple[Candidate, ...] = ctx.gazetteer
        if name in READS:
            read = [c for other in READS[name] for c in self._propose(other, self.families[other], ctx, trace).candidates]
            if read:
                base = resolve([*base, *read])
        view = Ledger(base, paragraph=ctx.para.index, trace=trace, provisional=True)
        view.rule, view.priority = name, _PRIORITY[name]
        out = Proposals()
        family(ctx, view, out)
        if view.added:
            left = {id(a) for a in view}
            given = {id(g) for g in base}
            removed = [g for g in view.dropped if id(g) in given]
            for c in view.added:
                if id(c) not in left:
                    continue  # replaced by a later proposal of the same family
                if removed:
                    c.displaces += tuple((g.start, g.end) for g in removed if g.overlaps(c.start, c.end))
                out.candidates.append(c)
        ctx.proposed[name] = out
        return out

    def _ner_proposals(self, ctx: Context, view: Ledger, out: Proposals) -> None:
        """underthesea's CRF NER (``tag.ner_proposer``, off by default), below every rule: it wins
        only where no rule's candidate lies."""
        assert self.proposer is not None
        for c in self.proposer.propose(ctx.para):
            if view.free(c.start, c.end):
                view.append(c)

    def _model_names(self, doc: Document, per_para: dict[int, Ledger],
                     credits: dict[int, list[tuple[int, int]]], works: dict[int, list[tuple[int, int]]]) -> None:
        """The names model (``tag.names_proposer``), the last linker: a run it scores as a name
        is kept only where every rule and linker left the text free, outside credits and bylines."""
        assert self.name_model is not None
        config = self.config
        types = frozenset(config.names_types)
        for para in doc.paragraphs:
            spans = per_para[para.index]
            # Not scored at all: what a rule or linker kept, and credits and bylines. One byte per
            # character, so a run is looked up once instead of against every span.
            covered = bytearray(len(para.text))
            for start, end in [(a.start, a.end) for a in spans] + list(credits[para.index]) + works[para.index]:
                covered[start:end] = b"\x01" * (end - start)

            def taken(start: int, end: int, covered: bytearray = covered) -> bool:
                return covered.find(1, start, end) >= 0

            # Runs are disjoint, so what is proposed never overlaps another proposal either.
            for c in self.name_model.propose(para, types, config.names_threshold, config.names_score,
                                             self._not_model_names, taken, config.names_type_thresholds):
                words = para.text[c.start:c.end].split()
                # nor where a body's kind ends the run ("Johnson Books"; issue-14P17, batches 19 and 21)
                if c.type == "PERSON" and (self._no_bare_person(words) or self._body_word_ends(words)):
                    continue
                spans.append(c)  # the ledger stamps the rule and records it in the trace

    def _title_patterns(self, title: str, title_words: str) -> None:
        """The patterns of works' titles beyond those right after a work's noun (``_titles_in``, ``_cast_titles``);
        ``title``: a Latin-script run of up to five words, ``title_words`` the same without its end."""
        rules, grammar, alt = self.rules, self.rules.grammar, _alternation_longest
        # "bộ phim Minari", "cuốn sách Sasquatch", "tàu thăm dò Perseverance": a title of one foreign word after the
        # nouns of films, songs, books and probes only (``work_one_word_nouns``; a host after "chương trình" is none)
        self._work_one_word_re = GatedPattern(re.compile(
            rf"(?<![\w&])(?i:{alt(grammar['work_one_word_nouns'], True)}) [\"“‘']?({_LATIN_WORD})"
            rf"(?![\w&])(?! (?:{_LATIN_WORD}))"), grammar["work_one_word_nouns"], ignore_case=True)
        # "các thương hiệu khách sạn từ 5 sao đến mini Hotel như Vinpearl, VinOasis, Radison Blue": a list of works or
        # brands after "như", a few words of description after the noun (``_listed_after_like``)
        self._work_like_re = GatedPattern(re.compile(
            rf"(?<![\w&])(?i:{alt((*rules.work_nouns, *grammar['work_list_like_nouns']), True)})"
            rf"((?: [^\s,.;:()…]+){{0,8}}?) (?:{alt(grammar['work_list_like_joints'])}) "),
            (*rules.work_nouns, *grammar["work_list_like_nouns"]), ignore_case=True)
        # "tác phẩm nổi tiếng Citizen Kane (1941)", "vai chính trong Mary Reilly (1996)", "Wyatt Earp (1994)": a
        # Latin-script run with a year alone in brackets after it is a work's title; in the gold of batches 4-36 no
        # such run is a person (a person's years are a span, "(1879-1955)"; issue-14D34, batches 15, 19)
        self._work_year_re = re.compile(rf"(?<![\w&.]){title_words} \((?:{grammar['work_year']})\)")
        self._like_list_end_re = re.compile(r"[;:()…!?\"“”]|\.(?!\w)|\s[-–]\s")  # not the dots of "N.O.V.A 3"
        self._like_list_sep_re = re.compile(rf",\s*|\s(?:{alt(grammar['work_list_like_seps'])})\s")
        # "7 siêu thị của Saigon Co.op gồm Co.opmart Lý Thường Kiệt, Cống Quỳnh, …": a chain's branches or a city's
        # schools listed after their kind's noun (``_branch_items``)
        self._branch_list_re = GatedPattern(re.compile(
            rf"(?<![\w&])(?i:{alt(grammar['branch_list_nouns'], True)})((?: [^\s;:()…]*[^\s,.;:()…]){{0,10}}?)"
            rf"(?:,? (?:{alt(grammar['branch_list_joints'])}) |: )(?=[^\W\d_])"), grammar["branch_list_nouns"], ignore_case=True)
        # a list of branches goes on past ";" and a place's note in brackets ("Chu Văn An (quận Tây Hồ);Thanh Xuân")
        self._branch_list_end_re = re.compile(r"[:…!?\"“”]|\.(?!\w)|\s[-–]\s")
        self._branch_list_sep_re = re.compile(rf"[,;]\s*|\s(?:{alt(grammar['work_list_like_seps'])})\s")
        self._school_list_kinds = tuple(k.lower() + " " for k in grammar["school_list_kinds"])
        # "Glenn Close của Hillbilly Elegy": a person, a joint word, a film's title (``_cast_titles``)
        self._cast_title_re = re.compile(rf" (?:{alt(grammar['cast_title_joints'])}) {title}")
        # a Latin-script run alone in quotation marks ("Hope", “Gangnam Style”): a title (``_quoted_titles``)
        opening, closing = (alt(q) for q in zip(*grammar["title_quotes"]))
        self._quoted_title_re = GatedPattern(re.compile(
            rf"(?<![\w&])(?:{opening}){title_words}(?:{closing})(?![\w&])"), [q[0] for q in grammar["title_quotes"]])

    def _titles_in(self, text: str, low: str | None = None) -> list[tuple[int, int]]:
        """The Latin-script titles right after a work's or a vessel's noun ("bộ phim Ma Rainey's Black
        Bottom", "tàu hàng Ever Given"), or after a joint word ("cuốn sách mang tên It's About Time"), and
        after a plural word the titles listed with the first ("cho ba phim Gigli, Pearl Harbor, Daredevil";
        issue-14F12: typed PERSON in batches 8, 15 and 16)."""
        found = [m for m in self._work_title_re.finditer(text, low=low)]
        found += [m for m in self._work_joint_re.finditer(text) if m.group(1) == m.group(1).lower()]
        runs: list[tuple[int, int]] = []
        for m in found:
            run = self._foreign_run(text, m.end(), len(text))
            if run is not None and run[0] == m.end():
                runs.append(run)
            if self._work_plural_re.search(text, max(0, m.start() - 12), m.start()):
                runs += self._listed_titles(text, m.end())
        runs += [m.span(1) for m in self._work_one_word_re.finditer(text, low=low)
                 if self.rules.lone_name.fullmatch(m.group(1))]
        runs += [m.span(1) for m in self._work_year_re.finditer(text)]
        return runs + self._quoted_titles(text) + self._listed_after_like(text, low)

    def _listed_after_like(self, text: str, low: str | None = None) -> list[tuple[int, int]]:
        """The Latin-script items of a list after a work's or brand's noun and "như" ("game … như Asphalt 8, FIFA
        hay Crossfire Legends", "thương hiệu khách sạn … như Vinpearl, VinHoliday, Radison Blue"): titles and brands,
        not persons; only a list (two items or more), not where the words between name whose the works are
        ("của", ``work_list_like_owner_words``), nor an item a common given name opens."""
        runs: list[tuple[int, int]] = []
        owners = self.rules.grammar["work_list_like_owner_words"]
        # a note in brackets after an item is no end of the list, nor its separators' ("Ma trận (phần 2 và 3), The
        # Brothers Grimm, Don't Look Back"; issue-14D34, batch 32): blanked, so the offsets stay the text's
        blank = re.sub(r"\([^()]*\)", lambda b: " " * len(b.group()), text) if "(" in text else text
        for m in self._work_like_re.finditer(text, low=low):
            if any(w in owners for w in m.group(1).split()) or self._names_people(m.group(1)):
                continue
            end = (e.start() if (e := self._like_list_end_re.search(blank, m.end())) else len(text))
            items, pos = [], m.end()
            for sep in [*self._like_list_sep_re.finditer(blank, m.end(), end), None]:
                items.append((pos, sep.start() if sep else end))
                pos = sep.end() if sep else end
            if len(items) < 2:
                continue
            for s, e in items:
                e = s + len(blank[s:e].rstrip())
                if (t := self._work_first_re.fullmatch(text, s, e)) and " " in t.group(1) \
                        and t.group(1).split()[0] not in self.rules.foreign_given_names:
                    runs.append(t.span(1))
        return runs

    def _names_people(self, words: str) -> bool:
        """The words between a work's noun and "như" hold a noun of people ("Bộ phim đã đưa dàn diễn viên trẻ thời đó
        như Marzena Godecki (vai Neri) hay David Hoflin": ``person_nouns``): the list is the cast, no titles
        (issue-14D34, the bench's news_entertainment_044)."""
        padded = f" {words} "
        return any(f" {noun} " in padded for noun in self.rules.person_nouns)

    def _quoted_titles(self, text: str) -> list[tuple[int, int]]:
        """Latin-script runs alone in quotation marks ("\"Hope\" là bộ phim", "Psy của \"Gangnam Style\"";
        ``title_quotes``): a work's title, written as one, not a person's name. Not a nickname inside a name
        ('Bingham "Bing" Madsen': a capitalised word right before or after the marks), nor a Vietnamese one
        ("Zico Thái": a word with a tone mark; "Nam Anh": every word a Vietnamese syllable)."""
        runs = []
        for m in self._quoted_title_re.finditer(text):
            before, after = text[max(0, m.start() - 30):m.start()].split(), text[m.end():m.end() + 30].split()
            words = m.group(1).split()
            if any(w[:1].isupper() for w in before[-1:] + after[:1]) or any(has_tone(w) for w in words) \
                    or all(vietnamese_syllable(w) for w in words):
                continue
            runs.append(m.span(1))
        return runs

    def _listed_titles(self, text: str, pos: int) -> list[tuple[int, int]]:
        """The titles listed from ``pos``, one-word ones skipped over ("Aashiqui 2, Ek Villain, Baaghi")."""
        runs = []
        first = True
        while (m := (self._work_first_re if first else self._work_item_re).match(text, pos)) is not None:
            if " " in m.group(1):
                runs.append(m.span(1))
            pos, first = m.end(1), False
        return runs

    def _work_titles(self, doc: Document, per_para: dict[int, Ledger], works: dict[int, list[tuple[int, int]]],
                     listed: dict[int, list[tuple[str, list[tuple[int, int]]]]]) -> None:
        """Linker ``link.work-title``, the last: a name the document gives as a film's, a song's or a
        ship's title ("bộ phim Ma Rainey's Black Bottom", "tàu hàng Ever Given") is that title wherever
        it stands, not the person a rule, a coreference or the names model took it for ("… trong Ma
        Rainey's Black Bottom nói", "Ever Given, một tàu container …"). A titled person stays one."""
        titles = {para.text[s:e] for para in doc.paragraphs for s, e in works[para.index]}
        titles |= {title for para in doc.paragraphs for title in self._cast_titles(para.text, per_para[para.index])}
        vessels = {para.text[a.start:a.end] for para in doc.paragraphs for a in per_para[para.index]
                   if self._vessel_place(para.text, a)}
        for para in doc.paragraphs:
            spans = per_para[para.index]
            branches = self._branch_items(spans, listed[para.index])
            spans[:] = [a for a in spans if not (a.type == "PERSON" and not a.title and a.method != "gazetteer"
                                                 and (para.text[a.start:a.end] in titles
                                                      or any(s <= a.start and a.end <= e for s, e in branches)))
                        and not self._vietnamese_work(a, para.text[a.start:a.end])
                        and not (a.type == "GPE" and para.text[a.start:a.end] in vessels)]

    def _branch_items(self, spans: Ledger, listed: list[tuple[str, list[tuple[int, int]]]]) -> list[tuple[int, int]]:
        """The capitalised items of a list after the noun of a chain's shops or a city's schools and "gồm" ("7 siêu thị
        của Saigon Co.op gồm Co.opmart Lý Thường Kiệt, Cống Quỳnh, Đinh Tiên Hoàng, …", "tại trường THCS trên địa bàn
        thành phố Hà Nội, gồm Chu Văn An, Cầu Giấy, Ngô Sĩ Liên, …"; ``branch_list_nouns``): branches and schools named
        after their streets and historical persons, no persons."""
        return [item for _, items in self._branch_lists(spans, listed) for item in items]

    @staticmethod
    def _branch_lists(spans: Ledger, listed: list[tuple[str, list[tuple[int, int]]]]) -> list[tuple[str, list[tuple[int, int]]]]:
        """Each list of ``_branch_items`` as (its noun and the words after it, its items): of the lists the paragraph's
        text holds (``_listed_branches``), those with an item holding a place or body the tagger knows: a list of
        people has none."""
        return [(kind, [(s, e) for s, e in items if s < e]) for kind, items in listed
                if any(a.type in ("GPE", "ORG") and s <= a.start and a.end <= e for a in spans for s, e in items)]

    def _listed_branches(self, text: str, low: str | None = None) -> list[tuple[str, list[tuple[int, int]]]]:
        """The lists of ``_branch_lists`` as the text alone gives them: (the noun and the words after it, every item,
        an empty one too). Only a list of three items or more, each but the last wholly capitalised. Not after a word
        "trường" ends ("thị trường", ``eponym_school_not_after``). A place's note in brackets after an item is no item
        ("Chu Văn An (quận Tây Hồ);Thanh Xuân"): it is blanked before the items are read, so the offsets stay the
        text's. Read once per paragraph (``_tag``) for the two linkers that ask, link.work-title and
        link.school-list: between them the spans change, the text does not. ``low``: the text's ``_lower``."""
        lists: list[tuple[str, list[tuple[int, int]]]] = []
        found = list(self._branch_list_re.finditer(text, low=low))
        if not found:
            return lists  # most paragraphs: nothing to blank
        not_after = self.rules.grammar["eponym_school_not_after"]
        blank = re.sub(r"\([^()]*\)", lambda b: " " * len(b.group()), text)
        for m in found:
            before = text[max(0, m.start() - 8):m.start()].split()
            if before and before[-1] in not_after:
                continue  # "thị trường", "công trường": no school
            end = (e.start() if (e := self._branch_list_end_re.search(blank, m.end())) else len(text))
            seps = list(self._branch_list_sep_re.finditer(blank, m.end(), end))
            bounds = [x.start() for x in seps] + [end]  # where each item ends
            items = [self._capitalised_lead(blank, s, b) for s, b in zip([m.end()] + [x.end() for x in seps], bounds)]
            whole = [s < e and e == s + len(blank[s:t].rstrip()) for (s, e), t in zip(items, bounds)]
            if len(items) < 3 or not all(whole[:-1]):
                continue
            lists.append((text[m.start():m.end(1)], items))
        return lists

    def _local_body_key(self, name: str) -> tuple[str, str] | None:
        """A local body's head (its councils' full form) and unit ("TP" reads "thành phố") when ``name`` opens with
        one of ``bare_local_heads`` and a unit: ("Ủy ban nhân dân", "tỉnh") for "UBND tỉnh Hà Tĩnh" and "UBND tỉnh"."""
        for head in self.rules.grammar["bare_local_heads"]:
            if name.startswith(head + " "):
                rest = name[len(head) + 1:]
                unit = next((u for u in self.rules.grammar["bare_local_units"] if rest == u or rest.startswith(u + " ")), None)
                return None if unit is None else (self.rules.councils.get(head, head), self._unit_word(unit))
        return None

    def _unit_word(self, unit: str) -> str:
        """A unit's word, its abbreviation read out ("TP": ``bare_local_unit_words``)."""
        return self.rules.grammar["bare_local_unit_words"].get(unit, unit)

    def _lists_units(self, whole: str, unit: str) -> bool:
        """The document lists named units of ``unit`` ("Sở Tư pháp các tỉnh Hà Tĩnh, Thừa Thiên Huế, Quảng Bình …"):
        a body of that unit named bare there is each one's ("hướng dẫn báo cáo UBND tỉnh", a bench article)."""
        units = [u for u in self.rules.grammar["bare_local_units"] if self._unit_word(u) == unit]
        return any(whole[m.end():m.end() + 1].isupper() for m in re.finditer(
            rf"(?<!\w)(?:{_alternation_longest(self.rules.grammar['bare_local_list_determiners'])})"
            rf" (?:{_alternation_longest(units)}) ", whole))

    def _bare_local_bodies(self, doc: Document, per_para: dict[int, Ledger], whole: str) -> None:
        """Linker (``link.coreference``): a local body named by its unit alone ("UBND tỉnh", "Công an TP";
        pattern.org-head's bare bodies) is the one body of that head and unit the document names in full ("UBND tỉnh
        Hà Tĩnh" … "UBND tỉnh yêu cầu …"): it takes that body's entity. Where the document names two ("UBND tỉnh Lạng
        Sơn", "UBND tỉnh Sơn La"), the bare one is either or every province's ("giao cho UBND tỉnh sẽ vướng", batch
        6): no mention; so too where it names none but lists several provinces (``_lists_units``). Otherwise it
        stays a body of its own (issue-14M30)."""
        bare: list[tuple[Ledger, Candidate, tuple[str, str]]] = []
        full: dict[tuple[str, str], dict[str, Candidate]] = defaultdict(dict)
        for para in doc.paragraphs:
            for a in per_para[para.index]:
                text = para.text[a.start:a.end]
                if a.type != "ORG" or (key := self._local_body_key(text) or self._local_body_key(a.canonical)) is None:
                    continue
                if self._bare_body_re.regex.fullmatch(text) and a.entity_id == f"org:new:{slug(text)}":
                    bare.append((per_para[para.index], a, key))
                else:
                    full[key].setdefault(a.entity_id, a)
        for spans, a, key in bare:
            named = list(full.get(key, {}).values())
            if len(named) == 1:
                spans[:] = [replace(a, entity_id=named[0].entity_id, canonical=named[0].canonical) if b is a else b
                            for b in spans]
            elif named or self._lists_units(whole, key[1]):
                spans[:] = [b for b in spans if b is not a]

    def _school_lists(self, doc: Document, per_para: dict[int, Ledger],
                      listed: dict[int, list[tuple[str, list[tuple[int, int]]]]]) -> None:
        """Linker ``link.school-list``: the items of a list after a kind of school ("các trường trung học cơ sở: Chu Văn
        An (quận Tây Hồ);Thanh Xuân …", "trường THCS trên địa bàn thành phố Hà Nội, gồm Chu Văn An, Cầu Giấy, …";
        ``school_list_kinds``) are the schools, named bare after a person or their ward (ORG), not that person or
        place. An item a body's name already covers stays as it is ("… và Trường THPT chuyên Hà Nội - Amsterdam")."""
        for para in doc.paragraphs:
            spans = per_para[para.index]
            for kind, items in self._branch_lists(spans, listed[para.index]):
                if not kind.lower().startswith(self._school_list_kinds):
                    continue
                for s, e in items:
                    if any(a.type == "ORG" and a.overlaps(s, e) for a in spans):
                        continue
                    name = para.text[s:e]
                    spans[:] = [a for a in spans if not a.overlaps(s, e)]
                    spans.append(Candidate(s, e, "ORG", f"org:new:{slug(name)}", name, method="pattern", score=0.7))

    @staticmethod
    def _capitalised_lead(text: str, start: int, end: int) -> tuple[int, int]:
        """The capitalised words (or numbers) opening text[start:end], as a span (empty when none opens it)."""
        stop = start
        for w in re.finditer(r"\S+", text[start:end]):
            if not (w.group()[:1].isupper() or w.group()[:1].isdigit()):
                break
            stop = start + w.end()
        return start, stop

    def _vessel_place(self, text: str, a: Candidate) -> bool:
        """A foreign place below a country right after a vessel's noun ("tàu San Juan", "các tàu ngầm Ohio, Florida"):
        the vessel named after it (``vessel_place_nouns``); a country there is the flag ("tàu Philippines")."""
        entry = self.gaz.entries.get(a.entity_id) if a.type == "GPE" else None
        nouns = tuple(f" {n} " for n in self.rules.grammar["vessel_place_nouns"])
        return entry is not None and bool(entry.parent) and entry.country not in ("", "VN") \
            and f" {text[max(0, a.start - 20):a.start]}".endswith(nouns)

    def _vietnamese_work(self, a: Candidate, name: str) -> bool:
        """A person or body found by a rule whose name ends as a Vietnamese work's title does ("Tây Du Ký", "Sở
        Kiều Truyện": ``work_title_ends``): the film or novel, no person ("ngôi sao Tây Du Ký") nor body ("Sở")."""
        # the last word in lower case too ("các bộ phim như Hoa Thiên Cốt, Sở Kiều truyện", batch 36; issue-14D34)
        return a.type in ("PERSON", "ORG") and a.method != "gazetteer" and len(name.split()) > 2 \
            and any(name.lower().endswith(" " + end.lower()) for end in self.rules.grammar["work_title_ends"])

    def _cast_titles(self, text: str, spans: Ledger) -> list[str]:
        """The Latin-script run right after a person and "trong" or "của" (``cast_title_joints``): the film the
        person plays in ("Rudy Giuliani trong Borat Subsequent Moviefilm", "Glenn Close của Hillbilly Elegy"; a
        nominee list), not another person; one a common given name opens is a person ("con trai Brooklyn của
        David Beckham")."""
        titles = []
        for a in spans:
            if a.type == "PERSON" and (m := self._cast_title_re.match(text, a.end)) is not None \
                    and m.group(1).split()[0] not in self.rules.foreign_given_names:
                titles.append(m.group(1))
        return titles

    def _initials_only(self, doc: Document, per_para: dict[int, Ledger]) -> None:
        """Linker ``link.initials``, after every other: a person the text names by initials only ("ông S.",
        "ông Tr.", "bà Nguyễn T.X.", "chị Lý Thị L.H") is no mention. Every dev set's gold that lists such a
        person marks it optional (ANNOTATION.md is silent; gold of batches 4-18), and the system's form of it,
        cut at a dot, is rarely the gold's ("Tr" for "N.H.Tr"), so it only counts against. A name with a
        given name stays: "Jessica W.", "Thomas A. Bussiere", "Anna K", "M. Hà", "T.Thủy"."""
        for para in doc.paragraphs:
            spans = per_para[para.index]
            spans[:] = [a for a in spans if not (a.type == "PERSON" and a.method != "gazetteer"
                                                 and self._by_initials(para.text[a.start:a.end]))]

    def _by_initials(self, name: str) -> bool:
        """Only initials ("S.", "Tr", "H. T."), or a Vietnamese family name and middle names before an initial
        ("Nguyễn Đ", "Lý Thị L", "Nguyễn Văn Th"; not "Nguyễn Văn An"): see ``_INITIAL``. A family name, a given
        name and one initial closed by its dot ("em Nguyễn Văn N.", "em Nguyễn Duy Tr.") is the form the gold of
        batches 24 and 27 requires (4, 10, 11 and 25 mark it optional): a person (issue-14S26); cut at a dot before
        more initials ("Lý Thị L" of "L.H") it stays removed."""
        words = name.replace(".", ". ").split()
        initials = [_is_initial(w) for w in words]
        if not words or not initials[-1]:
            return False
        if len(words) >= 3 and words[0] in self.rules.surnames and name.endswith(".") and not any(initials[:-1]):
            return False
        return all(initials) or (words[0] in self.rules.surnames and not any(initials[:-1]))

    def _paragraph_linkers(self, para: Paragraph, spans: Ledger, notes: Proposals, gazetteer: tuple[Candidate, ...],
                           day: str, acronyms: dict[str, Candidate]) -> None:
        """After the resolver, in one paragraph: country context, acronym definitions (registered
        for the document), acronyms realigned with the grown names before them, titles resolved
        by tenure. Each changes the kept spans under its own rule name, and the trace says so."""
        text = para.text
        spans.rule, spans.reason = "link.country-context", "a body placed by its country or its paragraph's country"
        self._country_context(para, spans, gazetteer)
        spans.rule, spans.reason = "link.country-branch", "a foreign company's branch in the home country"
        self._country_branches(text, spans)
        spans.rule, spans.reason = "link.legal-form", "a company named with its legal form"
        self._legal_forms(text, spans)
        spans.rule, spans.reason = "link.acronym-definition", "'Long form (ACR)' in the text defines it otherwise"
        definitions = self._acronym_definitions(text, spans, gazetteer, _ABOVE_DEFINITIONS)
        # In text order again, as the resolver handed them over: the linkers below read the first
        # span of an end or a start.
        spans.sort(key=lambda a: (a.start, a.end))
        kept = {id(a) for a in spans}
        for acr, span in definitions:
            if id(span) in kept or span.rule == "gazetteer":
                acronyms.setdefault(acr, span)
        spans.rule, spans.reason = "link.acronym-realign", "a later rule grew or corrected it"
        self._realign_acronyms(text, spans, acronyms)
        spans.rule, spans.reason = "link.person-list", "a name listed with people"
        self._team_remarks(text, spans)
        self._person_lists(text, spans)
        spans.rule, spans.reason = "link.org-list", "a name listed with bodies"
        self._org_lists(text, spans)
        spans.rule, spans.reason = "link.place-cue", "a city by its cue: a word of place, then its country"
        self._cue_places(text, spans)
        spans.rule, spans.reason = "link.event-edition", "grown over its edition or year"
        self._event_editions(text, spans)
        spans.rule, spans.reason = "link.tenure", "an ORG inside a title resolved by tenure"
        for office in notes.offices:
            self._tenure(text, office, spans, day)

    def _not_ordinary_words(self, text: str, found: list[Candidate], paragraph: int, trace: list[Decision] | None,
                            openings: set[int], pronouns: frozenset[str] = frozenset()) -> list[Candidate]:
        """Drop a country's one-word name where it is a language ("tiếng Anh") or, for the names
        that are also ordinary words or given names (``common_word_countries``: "Anh", "Nhật"), a
        syllable of a personal name: after a capitalised word nothing else names ("Hải Anh", "Việt
        Anh", "Kim Anh") or before a family name ("Anh Nguyễn"). Not after a lower-case word ("Bộ
        Ngoại giao Anh", "Hoàng gia Anh"), a capitalised noun of countries ("Nước Nga", "Phía Đức")
        or a mention, nor before a foreign name ("Thủ tướng Anh Theresa May")."""
        starts = {c.start for c in found}
        ends = {c.end for c in found}
        by_start = {c.start: c for c in found}
        by_end = {c.end: c for c in found}
        keep = []
        for c in found:
            if c.type == "LOC" and self._word_of_latin_name(text, c, by_start, by_end):
                reason = "the English form of a place inside a longer name in Latin letters, not the place"
            elif c.type == "GPE" and (self._ordinary_word(text, c, starts, ends, found)
                                    or self._word_or_pronoun(text, c, openings, starts, pronouns)):
                reason = "a language or a syllable of a personal name, not the country"
            elif c.type == "LOC" and self._part_of_foreign_place(text, c, by_start):
                reason = "a part of the foreign place written after it, not Vietnam's region"
            elif c.type == "LOC" and self._compass_direction(text, c):
                reason = "a direction after a word of direction, not Vietnam's region"
            elif c.type == "EVENT" and self._team_or_olympiad(text, c):
                reason = "a team's or a school olympiad's word, not the Games"
            elif c.type == "ORG" and self._noun_before_own_name(text, c, by_end):
                reason = "a lower-case company noun before the company's own name, which is the mention"
            else:
                keep.append(c)
                continue
            if trace is not None:
                trace.append(Decision(paragraph, c.start, c.end, c.type, c.entity_id, c.rule, "removed", "gazetteer",
                                      reason=reason))
        return keep

    def _noun_before_own_name(self, text: str, c: Candidate, by_end: dict[int, Candidate]) -> bool:
        """A company's row matched with its noun in lower case ("tập đoàn Vingroup", ``grammar_lower_company_nouns``)
        where the gazetteer names the same company by the words after the noun: the noun is the sentence's, the name
        the bare one, as "hãng Huawei" is named (the gold of batch 36 names "Vingroup" alone; issue-14A34)."""
        words = text[c.start:c.end]
        noun = next((n for n in self.rules.grammar["lower_company_nouns"] if words.startswith(n + " ")), None)
        own = by_end.get(c.end) if noun is not None else None
        return own is not None and own is not c and own.entity_id == c.entity_id and own.start == c.start + len(noun) + 1

    def _closes_lower_word(self, text: str, c: Candidate) -> bool:
        """A body's name matched from a lower-case first syllable that closes a lower-case word of the language begun
        before it: "cán bộ Công an phường Phạm Ngũ Lão" (an officer of the ward's police, batch 30), "công tác cán bộ
        Công an nhân dân" (batch 29) hold the word "cán bộ", no ministry "bộ Công an" (issue-14G28)."""
        if c.start < 2 or not text[c.start].islower() or text[c.start - 1] != " ":
            return False
        before = text[max(0, c.start - 12):c.start - 1].rsplit(" ", 1)[-1]
        first = text[c.start:c.end].split(" ", 1)[0]
        return before.isalpha() and before.islower() and f"{before} {first}" in self.known_words

    def _team_or_olympiad(self, text: str, c: Candidate) -> bool:
        """"đội tuyển Olympic Toán", "đội tuyển thi Olympic khu vực": the Games' word after a team's noun or the
        verb of sitting a contest names the team or an olympiad, not the Games."""
        if text[c.start:c.end] not in self.grammar["games_names"]:
            return False
        before = text[max(0, c.start - 20):c.start]
        return any(before.endswith(f" {w} ") or before == f"{w} " for w in self.grammar["games_not_after"])

    def _part_of_foreign_place(self, text: str, c: Candidate, by_start: dict[int, Candidate]) -> bool:
        """Vietnam's regions by a compass word ("miền Nam": Nam Bộ) name a part of the place written
        after them when that place is not Vietnam's: "miền nam Utah (Mỹ)", "miền nam Trung Quốc", also after a
        noun of countries ("miền Bắc nước Nga", "Tây Bắc nước Anh": ``compass_region_country_nouns``)."""
        if _lower(text[c.start:c.end]) not in self.grammar["compass_regions"] or text[c.end:c.end + 1] != " ":
            return False
        at = c.end + 1
        noun = next((w for w in self.grammar["compass_region_country_nouns"] if text.startswith(w + " ", at)), None)
        if noun is not None:
            at += len(noun) + 1
        if not text[at:at + 1].isupper():
            return False
        nxt = by_start.get(at)
        entry = self.gaz.entries.get(nxt.entity_id) if nxt is not None else None
        return entry is None or entry.country != self.grammar["home_country"]

    def _word_of_latin_name(self, text: str, c: Candidate, by_start: dict[int, Candidate],
                            by_end: dict[int, Candidate]) -> bool:
        """A feature written in the English form of its row ("Asia", "Caribbean", "Ha Long Bay"; not the canonical name)
        after a Latin word nothing else names, or an English word that joins names in lower case (``latin_name_links``),
        or before a capitalised Latin word nothing else names, is a word of a longer foreign name: "Influence Asia 2017",
        "Tokyo Gas Asia" (after a body's name: its branch), "Pirates of the Caribbean", "Sun Premier Village Ha Long
        Bay", "Asia Pacific Defence Reporter". Not next to a person or another place; not the
        countries and cities, whose English forms open the names of their bodies and people ("Ukraine Volodymyr
        Zelenskiy", "Greater China")."""
        name = text[c.start:c.end]
        entry = self.gaz.entries.get(c.entity_id)
        if entry is None or name != entry.english or name == entry.canonical:
            return False
        before = re.search(r"([A-Za-z]+) $", text[max(0, c.start - 40):c.start])
        if before and getattr(by_end.get(c.start - 1), "type", "ORG") == "ORG" \
                and (before.group(1)[0].isupper() or before.group(1) in self.grammar["latin_name_links"]):
            return True
        after = re.match(r" ([A-Z][A-Za-z]*)\b", text[c.end:c.end + 40])
        return bool(after) and after.group(1).isascii() and getattr(by_start.get(c.end + 1), "type", "ORG") == "ORG"

    def _compass_direction(self, text: str, c: Candidate) -> bool:
        """A region named by a compass point ("Tây Bắc") after a word of direction, maybe past other compass words,
        is the direction: "theo hướng Tây Bắc", "hướng Tây Tây Bắc", "về phía Đông Bắc và Tây Bắc"."""
        if _lower(text[c.start:c.end]) not in self.grammar["compass_points"]:
            return False
        words = [_lower(w.rstrip(",")) for w in text[max(0, c.start - 40):c.start].split()[-5:]]
        while words and words[-1] in self.grammar["compass_words"]:
            words.pop()
        return bool(words) and words[-1] in self.grammar["compass_direction_words"]

    def _pronouns_of(self, doc: Document) -> frozenset[str]:
        """The names of ``pronoun_countries`` the article uses as the pronoun: one opens a sentence before a
        lower-case word other than a conjunction ("Anh luôn quan niệm …": he). In such an article "Anh là …",
        "Anh và vợ …" opening a sentence are that pronoun too (issue-14O9: batches 11 and 13)."""
        used = set()
        for para in doc.paragraphs:
            text = para.text
            for o in [_OPENING_MARKS.match(text, sent.start).end() for sent in para.sentences] + [
                    m.end() for m in _QUOTE_END.finditer(text)]:
                name, _, rest = text[o:o + 40].partition(" ")
                nxt = rest.split(maxsplit=1)[:1]
                if name in self.rules.pronoun_countries and nxt and nxt[0][:1].islower() \
                        and nxt[0].rstrip(",.") not in self.rules.country_then:
                    used.add(name)
        return frozenset(used)

    @staticmethod
    def _lower_after(text: str, c: Candidate) -> bool:
        """The word after the one that follows the name is lower-case: "Anh là thành viên", not "Anh và Pháp"."""
        words = text[c.end + 1:c.end + 60].split(maxsplit=2)
        return len(words) >= 2 and words[1][:1].islower()

    def _word_or_pronoun(self, text: str, c: Candidate, openings: set[int], starts: set[int],
                         pronouns: frozenset[str] = frozenset()) -> bool:
        """A one-word country that is the first syllable of a common word (``country_syllable_words``:
        "Mỹ thuật", "Ý tưởng", "Anh hùng", "Pháp luật"), or "Anh" opening a sentence before a lower-case word other
        than a conjunction ("Anh chia sẻ": he; not "Anh và các quốc gia"), or before one capitalised word
        nothing else names and a lower-case word ("Anh Huynh nhận xét": a reader addressed by his name)."""
        name = text[c.start:c.end]
        if name not in self.rules.common_word_countries or text[c.end:c.end + 1] != " ":
            return False
        nxt = text[c.end + 1:].split(maxsplit=2)[:2]
        if self._title_before_country_name(name, nxt):
            return True
        if nxt and name in self.rules.pronoun_countries and c.start in openings \
                and self._address_before_name(nxt, c.end + 1 in starts):
            return True
        if not nxt or not nxt[0][:1].islower():
            return False
        if any(text.startswith(w, c.start) and not text[c.start + len(w):c.start + len(w) + 1].isalpha()
               for w in self.rules.country_syllable_words):
            return True
        return name in self.rules.pronoun_countries and c.start in openings \
            and (nxt[0].rstrip(",.") not in self.rules.country_then or name in pronouns and self._lower_after(text, c))

    def _address_before_name(self, nxt: list[str], known_after: bool) -> bool:
        """"Anh" opening a sentence before what follows (``nxt``, its next two words) is the address: before one
        capitalised word nothing else names and a lower-case word ("Anh Huynh nhận xét": a reader addressed by his
        name), or before a man's initials ("Anh N.V.L, chủ … chia sẻ", "Anh D. (35 tuổi)": issue-14B34, batches 27,
        30, 31 and 36 typed the country)."""
        if _INITIALS.fullmatch(nxt[0]):
            return True
        return len(nxt) == 2 and nxt[0][:1].isupper() and not nxt[0].isupper() and nxt[0].isalpha() \
            and not known_after and nxt[1][:1].islower() and nxt[1] not in self.rules.country_then

    def _title_before_country_name(self, name: str, nxt: list[str]) -> bool:
        """"Anh Mỹ là người yêu", "Anh Nhật (khách hàng …)", "còn Anh Đức ngồi dự bị": a country that is also a
        title of no office (``given_name_titles``) right before a one-word country that is a given name, with no
        capitalised word after that, is the address or a name's first syllable (patterns.py reads the second as
        the person): two countries side by side are joined by a dash, a comma or a conjunction."""
        if name not in self.rules.pronoun_countries or name not in self.rules.given_name_titles or not nxt:
            return False
        return nxt[0] in self.rules.common_word_countries and not (len(nxt) == 2 and nxt[1][:1].isupper()
                                                                     and nxt[1][:1].isalpha())

    def _ordinary_word(self, text: str, c: Candidate, starts: set[int], ends: set[int],
                       found: list[Candidate]) -> bool:
        name = text[c.start:c.end]
        before = text[max(0, c.start - 12):c.start]
        prev = before.split()[-1] if before.endswith(" ") and before.split() else ""
        if prev in self.rules.language_nouns or self._in_language_list(text, c.start):
            return True
        if self._country_last_syllable(text, c) or self._capitals_syllable(text, c):
            return True
        if name not in self.rules.common_word_countries:
            return False
        after = text[c.end:c.end + 12]
        nxt = after.split()[0] if after.startswith(" ") and after.split() else ""
        name_before = prev[:1].isupper() and not prev.isupper() and prev.isalpha() \
            and (c.start - 1 not in ends or self._name_syllable_before(text, c, starts, ends, found)) \
            and prev.lower() not in self.rules.country_nouns
        # not "phía Nhật Bảm", nor the country's own longer name the gazetteer found ("Nhật Bản")
        given = self._one_syllable(nxt) and prev.lower() not in self.rules.country_nouns \
            and not any(o.start <= c.start and o.end > c.end for o in found)
        return name_before or (c.end + 1 not in starts and (nxt in self.rules.surnames or given))

    def _name_syllable_before(self, text: str, c: Candidate, starts: set[int], ends: set[int],
                              found: list[Candidate]) -> bool:
        """The one-word country right before ``c`` is itself a syllable of a personal name: "Hà Nhật Anh" (a pupil
        after her family name, batch 36), "Trần Nhật Anh", so the second is one too. issue-14B34: "Nhật" was a
        mention, so "Anh" after it read as a country after a mention; not "Nga Nhật" after a lower-case word."""
        prev = next((o for o in found if o.end == c.start - 1 and o.type == "GPE"), None)
        return prev is not None and text[prev.start:prev.end] in self.rules.common_word_countries \
            and self._ordinary_word(text, prev, starts, ends, found)

    def _capitals_syllable(self, text: str, c: Candidate) -> bool:
        """"Ảnh: LƯU ĐỨC - HOÀNG TUYÊN", "ĐỨC LƯỢNG", "CẬP NHẬT", "TIẾNG NGA": a country of
        ``common_word_countries`` written in capitals next to another word in capitals that is one Vietnamese
        syllable is a syllable of a name in a credit line or of a word, no country; a conjunction between two
        countries ("MỸ VÀ NGA") is no such syllable, and a headline in capitals (``capitals_name_words``) keeps them."""
        name = text[c.start:c.end]
        if not name.isupper() or name.capitalize() not in self.rules.common_word_countries:
            return False
        # a longer run of words in capitals is a headline ("MỸ VÀ NGA HỢP TÁC CHỐNG KHỦNG BỐ"), where the country stays
        left = text[max(0, c.start - 60):c.start].split()[::-1]
        right = text[c.end:c.end + 60].split()
        run = sum(len(list(takewhile(lambda w: w.isupper(), side))) for side in (left, right))
        if run >= self.rules.grammar["capitals_name_words"]:
            return False
        before = re.split(r"[\s.–-]+", text[max(0, c.start - 12):c.start].rstrip(" .–-"))[-1:]
        after = re.split(r"[\s.,–-]+", text[c.end:c.end + 12].lstrip(" –-"))[:1]
        return any(len(w) > 1 and w.isupper() and w.isalpha() and w.lower() not in self.rules.country_then
                   and self.rules.given_name_syllable.fullmatch(unmarked(w)) is not None for w in before + after)

    def _country_last_syllable(self, text: str, c: Candidate) -> bool:
        """"bảng Anh" (the pound), "quyền Anh" (boxing): a common word ends on the country's name."""
        def ends_word(phrase: str) -> bool:
            s = c.end - len(phrase)
            return s >= 0 and text.startswith(phrase, s) and (s == 0 or not text[s - 1].isalpha())
        return any(ends_word(w) for w in self.rules.grammar["country_last_syllable_words"]) \
            and not any(ends_word(w) for w in self.rules.grammar["country_last_syllable_kept"])

    def _one_syllable(self, word: str) -> bool:
        """A capitalised word that is one Vietnamese syllable ("Cường", "Tài", "Minh"), not a foreign
        name ("Theresa", "Lavrov"): after a one-word country it makes the pair a personal name."""
        word = word.rstrip(",.;:!?)")
        if not word[:1].isupper() or word.isupper() or not word.isalpha():
            return False
        return self.rules.given_name_syllable.fullmatch(unmarked(word)) is not None

    def _in_language_list(self, text: str, start: int) -> bool:
        """A name listed after a language's noun, every item before it capitalised: "tiếng Pháp, Hàn,
        Nhật, Anh", "8 ngôn ngữ: Việt, Anh, Pháp" (not "tiếng Anh, các nước …")."""
        m = self._language_list_re.search(text, max(0, start - 120), start)
        return m is not None and all(w[:1].isupper() for item in self._language_joint_re.split(m["items"])
                                     for w in item.split())

    def _credits(self, text: str) -> list[tuple[int, int]]:
        """Photo credits, datelines and closing bylines: they name the photographer, author and
        agency, not actors. A closing "(TTXVN)" takes the author's name before it with it
        ("… thời gian tới. Nguyễn Văn Trí (TTXVN)"), as one-line crawls keep it in the text."""
        credits = self.credits.spans(text, stop_at=lambda pos: self._title_re.match(text, pos) is not None)
        credits += [m.span() for m in (_DATELINE.match(text),) if m and len(m.group().split()) <= 5]
        credits += [m.span() for m in self._correspondent_re.finditer(text)]
        credits += [m.span() for m in self._outlet_dateline_re.finditer(text)]
        if (m := _END_CREDIT.search(text)) and len(m.group().split()) <= 5:
            start = m.start()
            # Only before an agency ("(TTXVN)", "(Theo Reuters)"), not a caption's "(giữa)".
            agency = m.group().strip("() ")
            if agency[:1].isupper() and (author := _END_AUTHOR.search(text, 0, start)) is not None:
                start = author.start("author")
            credits.append((start, m.end()))
        return credits
