"""The events lexicon: the frames of ``pipeline/data/frames/`` and the shared rules of
``pipeline/data/events.toml``, loaded into typed rules."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from ..datafiles import load_toml
from ..errors import ConfigError
from .frames import EVENT_TYPES, FrameSpec, TriggerRule, TypeSettings, load_frames
from .money import Money
from .words import _ending_words, _literal_words, _phrases, _word_regex

# The tables of events.toml and their keys: a key written after the wrong table header is an error.
_SHARED_KEYS = {
    "grammar": frozenset(["address_words", "apposition_heads", "body_apposition_heads", "citing", "conjunctions", "coordinators", "coordinator_adverbs", "date_lead",
                          "description_marks", "description_words", "document_number", "head_titles", "reported",
                          "list_joiners", "nominaliser", "possessive"]),
    "quotation": frozenset(["title_words"]),
    "apposition": frozenset(["description_chars", "max_lead_words", "max_tail_chars", "min_description_words",
                             "owner_title_words", "body_verb_words", "joined_title_words", "title_reach_chars",
                             "closed_description_chars"]),
    "negation": frozenset(["words"]),
    "event_mention": frozenset(["not_heads", "not_words", "strength", "type", "verbs", "verbs_not_after"]),
    "participants": frozenset(["attribution", "ordered_after", "ordered_not", "ordered_window", "ordered_not_window", "place_not_after", "qualifier_after", "target_markers",
                                "types"]),
    "location": frozenset(["fillers", "markers"]),
    "anaphora": frozenset(["cues", "generic", "generic_list_heads", "indefinite", "object_cues", "ordinal_immediate", "ordinal_window", "ordinal_words", "temporal_cues"]),
    "status": frozenset(["occurred", "planned"]),
    "dates": frozenset(["birth_after", "edition_after", "edition_heads", "goal_words", "ignore_inside", "not_after", "period_after", "point_openers", "same_day", "since"]),
    "money": frozenset(["currencies", "english_scales", "scales"]),
    "confidence": frozenset(["amount", "date", "evidence", "instrument", "location", "max_evidence", "participant", "two_participants"]),
}


@dataclass(frozen=True, slots=True)
class Lexicon:
    """The events lexicon: ``pipeline/data/events.toml`` as typed rules."""

    rules: tuple[TriggerRule, ...]
    # first word of a phrase -> (phrase words, indices into ``rules``), longest phrase first
    index: dict[str, tuple[tuple[tuple[str, ...], tuple[int, ...]], ...]]
    plover: dict[str, str]
    types: dict[str, TypeSettings]
    negation: tuple[tuple[str, ...], ...]
    mention_rule: TriggerRule  # a named event (EVENT mention) with a verb
    # per type with quotation_speech_words: the rule of a name's words before a colon opening a quotation
    quotation_rules: dict[str, TriggerRule]
    mention_verbs: tuple[tuple[str, ...], ...]
    mention_verbs_not_after: tuple[tuple[str, ...], ...]
    mention_not_heads: tuple[str, ...]  # lower case: named events that are no conferences
    mention_not_words: re.Pattern[str]  # a word of a competition's name: no conference either
    participant_types: frozenset[str]
    place_not_after: re.Pattern[str]  # "khách Tây Ban Nha": people or goods of a place, not the state
    place_not_after_reach: int  # how far before a place those words can start (the longest, and a space)
    qualifier_after: re.Pattern[str]  # "…, Chủ tịch UBND phường X, thành phố Bắc Ninh": where, not who
    ordered_after: re.Pattern[str]  # "Giám đốc Sở giao VPĐKĐĐ thông báo": told to speak, nothing said yet
    ordered_not: re.Pattern[str]  # words ending with an order's word that give no order ("Bộ trưởng Ngoại giao")
    ordered_window: int  # characters before the speaker searched for ``ordered_after``
    ordered_not_window: int  # ... and for ``ordered_not``
    attribution: re.Pattern[str]
    target_markers: tuple[tuple[str, ...], ...]
    location_markers: tuple[tuple[str, ...], ...]
    location_fillers: tuple[tuple[str, ...], ...]
    anaphora_cues: tuple[tuple[str, ...], ...]
    temporal_cues: tuple[tuple[str, ...], ...]
    object_cues: tuple[tuple[str, ...], ...]
    generic: tuple[tuple[str, ...], ...]
    generic_list_heads: tuple[tuple[str, ...], ...]
    indefinite: tuple[tuple[str, ...], ...]
    ordinal_window: re.Pattern[str]
    ordinal_immediate: re.Pattern[str]
    ordinal_words: dict[str, int]
    planned: re.Pattern[str]
    occurred: re.Pattern[str]
    date_not_after: tuple[tuple[str, ...], ...]
    date_birth_after: tuple[tuple[str, ...], ...]  # a date after these is someone's birth ("sinh năm 1989")
    # "Đến ngày 30/11/2016, …" opening a sentence: the past day the story reaches, which dates what follows
    date_point_openers: tuple[tuple[str, ...], ...]
    period_after: tuple[tuple[str, ...], ...]
    # a year right after these names the edition of a yearly session when the sentence gives its day
    edition_after: tuple[tuple[str, ...], ...]
    goal_words: re.Pattern[str]
    # heads of named editions, as written (capitalised): a year after such a name names the edition
    edition_heads: re.Pattern[str]
    since: re.Pattern[str]  # a date after these in its clause is a starting point
    same_day: re.Pattern[str]  # "cùng ngày": the day of the last date given before
    date_ignore_inside: frozenset[str]
    money: Money
    weights: dict[str, float]
    nominal: re.Pattern[str]  # the nominaliser before a verb: its clause is a noun phrase
    joined: re.Pattern[str]  # a conjunction joining two speakers ("A và B khẳng định")
    # a conjunction joining a statement's verb to the verb before it, and the adverbs that may follow it
    # ("A triệu tập Đại sứ B và thông báo": A does both)
    coordinated: re.Pattern[str]
    reported: re.Pattern[str]  # what follows these in a sentence is what was said ("xác nhận rằng …")
    citing: re.Pattern[str]  # a verb of citing: who stands before it reports, who follows speaks
    # a comma after a person's name and a lower-case description opening with one of these heads, ending
    # in another person's name ("Prashant Kabrawala, một người … có tên là Ashwinikumar, thừa nhận")
    apposition: re.Pattern[str]
    # a body's own description set off after its name by commas or dashes, opening with one of these heads
    # ("Ủy ban Bầu cử - cơ quan chuyên giám sát …, cho biết"), up to its closing mark
    body_apposition: re.Pattern[str]
    # one of a person's descriptions after his name ("Betsy Bryan, giáo sư …, người không tham gia …, tuyên bố")
    person_apposition: re.Pattern[str]
    address: re.Pattern[str]  # a comma and forms of address alone: the next name is another person's
    # what opens the description after a person's name ("– Giám đốc …", "của Trường …"), and its marks alone
    described: re.Pattern[str]
    description_mark: re.Pattern[str]
    head_title: re.Pattern[str]  # a head's title at a body's start: the "body" is a title ("Bộ Trưởng Bộ KH&CN")
    head_title_before: re.Pattern[str]  # a head's title ending the text before a body: his title holds it
    description_chars: int  # the longest such description, up to the body it names
    place_gap: re.Pattern[str]  # what may stand between two places of one location
    owner_gap: re.Pattern[str]  # what stands between a name and the place that owns it ("The Sun của Anh")
    possessive_end: re.Pattern[str]  # the possessive right before a name, ending the stretch searched
    name_sep: re.Pattern[str]  # what may stand between two parties naming an event
    date_lead: frozenset[str]  # a preposition before a date ("diễn ra vào ngày ...")
    # a document's number and its comma, all that stands between a trigger and the date of the next clause
    # ("có văn bản số 2230/BGTVT-ĐTCT, ngày 16/04/2021"): that date is the document's
    numbered: re.Pattern[str]
    title_words: int  # a trigger inside a quotation of at most this many words is a title
    # a speaker's description ([apposition]): fewest words, most words before the speaker in his clause,
    # what may follow a name ending it up to the verb, most title words after its possessive
    apposed_words: int
    apposed_lead_words: int
    apposed_tail: re.Pattern[str]
    owner_title_words: int
    body_verb_words: int  # most lower-case words between a body's closed description and the verb
    joined_title_words: int  # most title words after the conjunction joining two people
    title_reach: int  # how far before a body a head's title is looked for, in characters

    @classmethod
    def load(cls, path: str | Path | None = None, frames: str | Path | None = None) -> "Lexicon":
        """Load the shared rules (``events.toml``) and the frames (one file per type in
        ``frames/``), the packaged ones by default; a bad file raises :class:`ConfigError`."""
        data, origin = load_toml("events.toml", path, "events lexicon")
        specs = load_frames(frames)
        try:
            return cls._build(data, specs, origin)
        except (KeyError, TypeError, ValueError, re.error) as exc:
            raise ConfigError(
                f"{origin}: unusable events lexicon ({type(exc).__name__}: {exc}); fix the file") from None

    @classmethod
    def _build(cls, data: dict, specs: list["FrameSpec"], origin: str) -> "Lexicon":
        unknown = set(data) - set(_SHARED_KEYS)
        if unknown:
            raise ConfigError(f"{origin}: unknown table(s) {sorted(unknown)}; known: {sorted(_SHARED_KEYS)}")
        for table, keys in _SHARED_KEYS.items():
            if set(data.get(table, {})) - keys:
                # A key meant for another table written after this table's header lands in it.
                raise ConfigError(f"{origin}: [{table}] has unknown key(s) {sorted(set(data[table]) - keys)}; "
                                  f"known: {sorted(keys)}")
        frames = {f.type: f for f in specs}
        plover = {t: frames[t].plover for t in EVENT_TYPES}
        types = {t: frames[t].settings for t in EVENT_TYPES}
        rules, index = _index(specs)
        em = data["event_mention"]
        if em["type"] not in EVENT_TYPES:
            raise ConfigError(f"{origin}: [event_mention] type {em['type']!r} is not one of {', '.join(EVENT_TYPES)}")
        ana = data["anaphora"]
        status = data["status"]
        dates = data["dates"]
        grammar = data["grammar"]
        conf = {k: float(v) for k, v in data["confidence"].items()}
        for key in ("participant", "two_participants", "date", "instrument", "location", "amount",
                    "evidence", "max_evidence"):
            conf.setdefault(key, 0.0)
        return cls(
            rules=tuple(rules),
            index=index,
            plover=plover,
            types=types,
            negation=_phrases(data.get("negation", {}).get("words", [])),
            # a named event is cued as its frame's triggers are: "bảo đảm tổ chức thành công Hội nghị Thượng
            # đỉnh … P4G năm 2025" is a goal, whether or not the name holds the frame's trigger word
            mention_rule=TriggerRule(em["type"], "noun", float(em["strength"]), (frozenset({"argument"}),),
                                     (), (), 0, 0, True, types[em["type"]].neighbour, plover[em["type"]],
                                     senses=frames[em["type"]].cues),
            quotation_rules={t: TriggerRule(t, "verb", types[t].quotation_speech_strength, (frozenset({"source"}),), (),
                                            (), 0, 0, False, False, plover[t])
                             for t in EVENT_TYPES if types[t].quotation_speech_words},
            mention_verbs=_phrases(em["verbs"]),
            mention_verbs_not_after=_phrases(em.get("verbs_not_after", [])),
            mention_not_heads=tuple(h.lower() + " " for h in em.get("not_heads", [])),
            mention_not_words=_literal_words(em.get("not_words", [])),
            participant_types=frozenset(data["participants"]["types"]),
            qualifier_after=_ending_words(data["participants"].get("qualifier_after", [])),
            ordered_after=_ending_words(data["participants"].get("ordered_after", [])),
            ordered_not=_ending_words(data["participants"].get("ordered_not", [])),
            ordered_window=int(data["participants"].get("ordered_window", 0)),
            ordered_not_window=int(data["participants"].get("ordered_not_window", 0)),
            place_not_after=_ending_words(data["participants"].get("place_not_after", [])),
            place_not_after_reach=1 + max((len(v) for v in data["participants"].get("place_not_after", [])), default=0),
            attribution=re.compile(data["participants"]["attribution"], re.IGNORECASE),
            target_markers=_phrases(data["participants"].get("target_markers", [])),
            location_markers=_phrases(data["location"]["markers"]),
            location_fillers=_phrases(data["location"].get("fillers", [])),
            anaphora_cues=_phrases(ana["cues"]),
            temporal_cues=_phrases(ana.get("temporal_cues", [])),
            object_cues=_phrases(ana.get("object_cues", [])),
            generic=_phrases(ana["generic"]),
            generic_list_heads=_phrases(ana.get("generic_list_heads", [])),
            indefinite=_phrases(ana.get("indefinite", [])),
            ordinal_window=re.compile(ana["ordinal_window"], re.IGNORECASE),
            ordinal_immediate=re.compile(ana["ordinal_immediate"], re.IGNORECASE),
            ordinal_words={k.lower() if not k.isupper() else k: int(v) for k, v in ana["ordinal_words"].items()},
            planned=_word_regex(status["planned"]),
            occurred=_word_regex(status["occurred"]),
            date_not_after=_phrases(dates.get("not_after", [])),
            date_birth_after=_phrases(dates.get("birth_after", [])),
            date_point_openers=_phrases(dates.get("point_openers", [])),
            period_after=_phrases(dates.get("period_after", [])),
            edition_after=_phrases(dates.get("edition_after", [])),
            goal_words=_literal_words(dates.get("goal_words", [])),
            edition_heads=_word_regex([re.escape(v) for v in dates.get("edition_heads", [])] or ["(?!)"], 0),
            since=_literal_words(dates.get("since", [])),
            same_day=_literal_words(dates.get("same_day", [])),
            date_ignore_inside=frozenset(dates.get("ignore_inside", [])),
            money=_money(data["money"]),
            weights=conf,
            **_grammar(grammar, int(data["apposition"]["description_chars"]),
                       int(data["apposition"]["closed_description_chars"])),
            title_words=int(data["quotation"]["title_words"]),
            apposed_words=int(data["apposition"]["min_description_words"]),
            apposed_lead_words=int(data["apposition"]["max_lead_words"]),
            apposed_tail=re.compile(rf'[^;:"“”]{{0,{int(data["apposition"]["max_tail_chars"])}}}'),
            owner_title_words=int(data["apposition"]["owner_title_words"]),
            body_verb_words=int(data["apposition"]["body_verb_words"]),
            joined_title_words=int(data["apposition"]["joined_title_words"]),
            title_reach=int(data["apposition"]["title_reach_chars"]),
            description_chars=int(data["apposition"]["description_chars"]),
        )


def _index(specs: list[FrameSpec]) -> tuple[list[TriggerRule], dict]:
    """Every trigger rule of the frames, and the phrase index: first word -> (phrase, indices of
    the rules with that phrase), longest phrase first."""
    rules: list[TriggerRule] = []
    by_first: dict[str, dict[tuple[str, ...], list[int]]] = {}
    for f in specs:
        for rule, phrases in f.triggers:
            rules.append(rule)
            for p in phrases:
                by_first.setdefault(p[0], {}).setdefault(p, []).append(len(rules) - 1)
    index = {
        first: tuple(sorted(((p, tuple(ix)) for p, ix in group.items()), key=lambda x: -len(x[0])))
        for first, group in by_first.items()
    }
    return rules, index


def _grammar(grammar: dict, apposition_chars: int, closed_chars: int) -> dict:
    """Function words the interpreter reads around triggers and arguments (``[grammar]``); a speaker's
    description is at most ``apposition_chars`` long, one closed by the comma before the verb ``closed_chars``."""
    def alt(key: str) -> str:
        return "|".join(re.escape(w) for w in sorted(grammar[key], key=len, reverse=True))

    return {
        "nominal": re.compile(rf"(?<!\w)(?:{alt('nominaliser')})\s", re.IGNORECASE),
        "joined": re.compile(rf"(?<!\w)(?:{alt('conjunctions')})(?!\w)", re.IGNORECASE),
        "coordinated": re.compile(rf"\s*,?\s*(?:{alt('coordinators')})(?:\s+(?:{alt('coordinator_adverbs')}))*\s*",
                                  re.IGNORECASE) if grammar.get("coordinators") else re.compile("(?!)"),
        "place_gap": re.compile(rf"\s*(?:[,(\-–]|{alt('list_joiners')})?\s*", re.IGNORECASE),
        "owner_gap": re.compile(rf"\s*(?:\(|{alt('possessive')})\s*", re.IGNORECASE),
        "possessive_end": re.compile(rf"(?<!\w)(?:{alt('possessive')})\s+$", re.IGNORECASE),
        "name_sep": re.compile(rf"\s*(?:[-–—/&]|{alt('list_joiners')})\s*", re.IGNORECASE),
        "date_lead": frozenset(w.lower() for w in grammar["date_lead"]),
        "numbered": re.compile(rf"\s*(?:{alt('document_number')})\s+[\w./\-–]*\d[\w./\-–]*\s*,\s*",
                               re.IGNORECASE) if grammar.get("document_number") else re.compile("(?!)"),
        "reported": re.compile(rf"(?<!\w)(?:{alt('reported')})(?!\w)", re.IGNORECASE) if grammar.get("reported")
        else re.compile("(?!)"),
        "citing": re.compile(rf"(?<!\w)(?:{alt('citing')})(?!\w)", re.IGNORECASE) if grammar.get("citing")
        else re.compile("(?!)"),
        # (case as written: a capitalised word after the comma opens a title or another name, not a description;
        # a spaced dash opens it as a comma does: "Chị Phạm Thị Thủy – hàng xóm với nhà bà Mỳ chia sẻ", issue-14C34)
        "apposition": re.compile(rf"\s*(?:,|\s[\-–])\s*(?:{alt('apposition_heads')})(?!\w)[^,;:()\"“”]{{0,{apposition_chars}}}")
        if grammar.get("apposition_heads") else re.compile("(?!)"),
        # (case as written, as above; a dash or a comma opens and closes it)
        "body_apposition": re.compile(rf"\s*[,\-–]\s*(?:{alt('body_apposition_heads')})(?!\w)"
                                      rf"[^,;:()\"“”\-–]{{0,{closed_chars}}}[,\-–]")
        if grammar.get("body_apposition_heads") else re.compile("(?!)"),
        # one of a person's descriptions set off after his name by a comma or a spaced dash (case as written)
        "person_apposition": re.compile(rf"\s*(?:,|\s[\-–])\s*(?:{alt('apposition_heads')})(?!\w)"
                                        rf"[^,;:()\"“”]{{0,{closed_chars}}}")
        if grammar.get("apposition_heads") else re.compile("(?!)"),
        "described": re.compile(rf"\s*(?:{alt('description_marks')})|\s+(?:{alt('possessive')}"
                                rf"{'|' + alt('description_words') if grammar.get('description_words') else ''})\s", re.IGNORECASE)
        if grammar.get("description_marks") else re.compile("(?!)"),
        # a head's title opening a body's name ("Bộ Trưởng Bộ KH&CN"), or ending right before it ("Giám đốc Sở Y tế")
        "head_title": re.compile(rf"(?:{alt('head_titles')})\s+", re.IGNORECASE) if grammar.get("head_titles")
        else re.compile("(?!)"),
        "head_title_before": re.compile(rf"(?<!\w)(?:{alt('head_titles')})\s+$", re.IGNORECASE) if grammar.get("head_titles")
        else re.compile("(?!)"),
        "description_mark": re.compile(alt("description_marks")) if grammar.get("description_marks")
        else re.compile("(?!)"),
        "address": re.compile(rf"\s*,\s*(?:(?:{alt('address_words')})\s+)+", re.IGNORECASE)
        if grammar.get("address_words") else re.compile("(?!)"),
    }


def _money(money: dict) -> Money:
    """Money patterns from ``[money]``: Vietnamese order (number, scale, currency) and English
    order (currency, number, scale)."""
    scales = {k.lower(): Decimal(repr(v)) if not float(v).is_integer() else Decimal(int(v))
              for k, v in money["scales"].items()}
    en_scales = {k.lower(): Decimal(int(v)) for k, v in money["english_scales"].items()}
    currencies: dict[str, str] = {}
    for code, forms in money["currencies"].items():
        for f in forms:
            currencies[f.lower()] = code
    cur_all = [re.escape(f) for f in currencies]
    # English order takes codes and symbols only ("USD 5 million"), never a Vietnamese word.
    cur_codes = [re.escape(f) for code, forms in money["currencies"].items() for f in forms
                 if not any(c.islower() for c in f)]
    number = r"(?P<num>\d+(?:[.,]\d+)*)"
    vn_scale = "|".join(re.escape(s) for s in sorted(scales, key=len, reverse=True))
    any_scale = "|".join(re.escape(s) for s in sorted({**scales, **en_scales}, key=len, reverse=True))
    cur_any = "|".join(sorted(cur_all, key=len, reverse=True))
    vietnamese = re.compile(
        rf"(?<![\w.,]){number}\s*(?:(?P<scale>{vn_scale})\s*)?(?P<cur>{cur_any})(?!\w)", re.IGNORECASE)
    english = re.compile(
        rf"(?<!\w)(?P<cur>{'|'.join(sorted(cur_codes, key=len, reverse=True))})\s*{number}"
        rf"(?:\s*(?P<scale>{any_scale}))?(?!\w)",
        re.IGNORECASE,
    )
    return Money(vietnamese, english, {**scales, **en_scales}, currencies)
