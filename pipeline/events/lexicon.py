"""The events lexicon: the frames of ``pipeline/data/frames/`` and the shared rules of
``pipeline/data/events.toml``, loaded into typed rules."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from decimal import Decimal
from importlib import resources
from pathlib import Path

from ..errors import ConfigError
from .money import Money
from .words import _phrases, _word_regex

EVENT_TYPES = ("MEETING", "DIALOGUE", "CONFERENCE", "VISIT", "SIGNING", "STATEMENT", "FUNDING", "WITHDRAWAL")
_NEEDS = frozenset({"participant", "source", "target", "instrument", "amount", "date", "argument"})
_FORMS = ("verb", "noun")
_INHERIT = frozenset({"sentence", "participant"})
_TRIGGER_KEYS = frozenset({"requires_quote", "not_nominal", "not_in_clause_before", "type", "form", "phrases", "strength", "needs", "not_before", "not_after", "target_within",
                           "source_within", "targets", "neighbour", "plover"})
_TYPE_KEYS = frozenset({"instrument", "location_markers", "object_is_location", "inherit", "host", "neighbour",
                        "yields_to", "one_host", "said_after_words", "multilateral_type",
                        "multilateral_triggers"})



@dataclass(frozen=True, slots=True)
class TriggerRule:
    """One ``[[trigger]]`` group of the lexicon (see the comments in ``events.toml``)."""

    type: str
    form: str  # verb | noun
    strength: float
    needs: tuple[frozenset[str], ...]  # all must hold; each is a set of alternatives
    not_before: tuple[tuple[str, ...], ...]
    not_after: tuple[tuple[str, ...], ...]
    target_within: int
    source_within: int
    targets: bool
    neighbour: bool
    plover: str
    requires_quote: bool = False  # only in a sentence that quotes someone ("…", ông X nói)
    not_nominal: bool = False  # not in a clause made a noun by "việc" ("đánh giá cao việc X cam kết …")
    not_in_clause_before: re.Pattern[str] | None = None  # words that, anywhere before it in its clause, cancel it


@dataclass(frozen=True, slots=True)
class TypeSettings:
    instrument: tuple[str, ...]
    location_markers: tuple[tuple[str, ...], ...]
    object_is_location: bool
    inherit: tuple[str, ...]
    host: bool
    neighbour: bool
    yields_to: tuple[str, ...] = ()
    one_host: bool = False  # two different hosts with one guest are two events
    said_after_words: int = 0  # >0: a date more words than this after the trigger is in what was said
    multilateral_type: str = ""  # the type of this trigger when an international body takes part
    multilateral_triggers: frozenset[str] = frozenset()




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
    mention_verbs: tuple[tuple[str, ...], ...]
    mention_verbs_not_after: tuple[tuple[str, ...], ...]
    mention_not_heads: tuple[str, ...]  # lower case: named events that are no conferences
    participant_types: frozenset[str]
    place_not_after: re.Pattern[str]  # "khách Tây Ban Nha": people or goods of a place, not the state
    attribution: re.Pattern[str]
    target_markers: tuple[tuple[str, ...], ...]
    location_markers: tuple[tuple[str, ...], ...]
    location_fillers: tuple[tuple[str, ...], ...]
    anaphora_cues: tuple[tuple[str, ...], ...]
    temporal_cues: tuple[tuple[str, ...], ...]
    object_cues: tuple[tuple[str, ...], ...]
    generic: tuple[tuple[str, ...], ...]
    indefinite: tuple[tuple[str, ...], ...]
    ordinal_window: re.Pattern[str]
    ordinal_immediate: re.Pattern[str]
    ordinal_words: dict[str, int]
    planned: re.Pattern[str]
    occurred: re.Pattern[str]
    date_not_after: tuple[tuple[str, ...], ...]
    period_after: tuple[tuple[str, ...], ...]
    goal_words: re.Pattern[str]
    since: re.Pattern[str]  # a date after these in its clause is a starting point
    same_day: re.Pattern[str]  # "cùng ngày": the day of the last date given before
    date_ignore_inside: frozenset[str]
    money: Money
    weights: dict[str, float]

    @classmethod
    def load(cls, path: str | Path | None = None) -> "Lexicon":
        """Load the lexicon (the packaged one by default); a bad file raises :class:`ConfigError`."""
        if path is None:
            text = resources.files("pipeline").joinpath("data/events.toml").read_text(encoding="utf-8")
            origin = "pipeline/data/events.toml"
        else:
            text, origin = Path(path).read_text(encoding="utf-8"), str(path)
        try:
            return cls._build(tomllib.loads(text), origin)
        except (tomllib.TOMLDecodeError, KeyError, TypeError, ValueError, re.error) as exc:
            raise ConfigError(
                f"{origin}: unusable events lexicon ({type(exc).__name__}: {exc}); fix the file") from None

    @classmethod
    def _build(cls, data: dict, origin: str) -> "Lexicon":
        def fail(msg: str) -> None:
            raise ConfigError(f"{origin}: {msg}")

        plover = {t: str(data["plover"][t]) for t in EVENT_TYPES}
        unknown_types = set(data.get("types", {})) - set(EVENT_TYPES)
        if unknown_types:
            fail(f"[types]: unknown type(s) {sorted(unknown_types)}; known: {', '.join(EVENT_TYPES)}")
        types: dict[str, TypeSettings] = {}
        for t in EVENT_TYPES:
            raw = data.get("types", {}).get(t, {})
            if set(raw) - _TYPE_KEYS:
                fail(f"[types.{t}]: unknown key(s) {sorted(set(raw) - _TYPE_KEYS)}; known: {sorted(_TYPE_KEYS)}")
            inherit = tuple(raw.get("inherit", []))
            if set(inherit) - _INHERIT:
                fail(f"[types.{t}] inherit: unknown {sorted(set(inherit) - _INHERIT)}; known: {sorted(_INHERIT)}")
            types[t] = TypeSettings(
                instrument=tuple(raw.get("instrument", ["TREATY"])),
                location_markers=_phrases(raw.get("location_markers", [])),
                object_is_location=bool(raw.get("object_is_location", False)),
                inherit=inherit,
                host=bool(raw.get("host", False)),
                neighbour=bool(raw.get("neighbour", True)),
                yields_to=tuple(raw.get("yields_to", [])),
                one_host=bool(raw.get("one_host", False)),
                said_after_words=int(raw.get("said_after_words", 0)),
                multilateral_type=str(raw.get("multilateral_type", "")),
                multilateral_triggers=frozenset(str(x).lower() for x in raw.get("multilateral_triggers", [])),
            )
        rules: list[TriggerRule] = []
        by_first: dict[str, dict[tuple[str, ...], list[int]]] = {}
        for n, raw in enumerate(data["trigger"]):
            where = f"[[trigger]] #{n + 1}"
            if set(raw) - _TRIGGER_KEYS:
                # A key meant for the top level written after a [[trigger]] lands in that trigger.
                fail(f"{where}: unknown key(s) {sorted(set(raw) - _TRIGGER_KEYS)}; known: {sorted(_TRIGGER_KEYS)}")
            etype, form = raw["type"], raw.get("form", "noun")
            if etype not in EVENT_TYPES:
                fail(f"{where}: type {etype!r} is not one of {', '.join(EVENT_TYPES)}")
            if form not in _FORMS:
                fail(f"{where}: form {form!r} is not one of {', '.join(_FORMS)}")
            needs = tuple(frozenset(n_.split("|")) for n_ in raw.get("needs", ["argument"]))
            unknown = set().union(*needs) - _NEEDS if needs else set()
            if unknown:
                fail(f"{where}: needs {sorted(unknown)} unknown; known: {', '.join(sorted(_NEEDS))}")
            strength = float(raw["strength"])
            if not 0 <= strength <= 1:
                fail(f"{where}: strength must be between 0 and 1, got {strength}")
            rule = TriggerRule(
                type=etype,
                form=form,
                strength=strength,
                needs=needs,
                not_before=_phrases(raw.get("not_before", [])),
                not_after=_phrases(raw.get("not_after", [])),
                target_within=int(raw.get("target_within", 0)),
                source_within=int(raw.get("source_within", 0)),
                targets=bool(raw.get("targets", True)),
                neighbour=bool(raw.get("neighbour", types[etype].neighbour)),
                plover=str(raw.get("plover", plover[etype])),
                requires_quote=bool(raw.get("requires_quote", False)),
                not_nominal=bool(raw.get("not_nominal", False)),
                not_in_clause_before=_word_regex([re.escape(w) for w in raw["not_in_clause_before"]])
                if raw.get("not_in_clause_before") else None,
            )
            rules.append(rule)
            for p in _phrases(raw["phrases"]):
                by_first.setdefault(p[0], {}).setdefault(p, []).append(len(rules) - 1)
        index = {
            first: tuple(sorted(((p, tuple(ix)) for p, ix in group.items()), key=lambda x: -len(x[0])))
            for first, group in by_first.items()
        }
        em = data["event_mention"]
        if em["type"] not in EVENT_TYPES:
            fail(f"[event_mention] type {em['type']!r} is not one of {', '.join(EVENT_TYPES)}")
        ana = data["anaphora"]
        status = data["status"]
        dates = data["dates"]
        money = data["money"]
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
            mention_rule=TriggerRule(em["type"], "noun", float(em["strength"]), (frozenset({"argument"}),),
                                     (), (), 0, 0, True, types[em["type"]].neighbour, plover[em["type"]]),
            mention_verbs=_phrases(em["verbs"]),
            mention_verbs_not_after=_phrases(em.get("verbs_not_after", [])),
            mention_not_heads=tuple(h.lower() + " " for h in em.get("not_heads", [])),
            participant_types=frozenset(data["participants"]["types"]),
            place_not_after=re.compile(r"(?<!\w)(?:" + "|".join(
                re.escape(w) for w in data["participants"].get("place_not_after", []) or ["(?!)"]) + r")\s$",
                re.IGNORECASE),
            attribution=re.compile(data["participants"]["attribution"], re.IGNORECASE),
            target_markers=_phrases(data["participants"].get("target_markers", [])),
            location_markers=_phrases(data["location"]["markers"]),
            location_fillers=_phrases(data["location"].get("fillers", [])),
            anaphora_cues=_phrases(ana["cues"]),
            temporal_cues=_phrases(ana.get("temporal_cues", [])),
            object_cues=_phrases(ana.get("object_cues", [])),
            generic=_phrases(ana["generic"]),
            indefinite=_phrases(ana.get("indefinite", [])),
            ordinal_window=re.compile(ana["ordinal_window"], re.IGNORECASE),
            ordinal_immediate=re.compile(ana["ordinal_immediate"], re.IGNORECASE),
            ordinal_words={k.lower() if not k.isupper() else k: int(v) for k, v in ana["ordinal_words"].items()},
            planned=_word_regex(status["planned"]),
            occurred=_word_regex(status["occurred"]),
            date_not_after=_phrases(dates.get("not_after", [])),
            period_after=_phrases(dates.get("period_after", [])),
            goal_words=_word_regex([re.escape(w) for w in dates.get("goal_words", [])] or ["(?!)"]),
            since=_word_regex([re.escape(w) for w in dates.get("since", [])] or ["(?!)"]),
            same_day=_word_regex([re.escape(w) for w in dates.get("same_day", [])] or ["(?!)"]),
            date_ignore_inside=frozenset(dates.get("ignore_inside", [])),
            money=Money(vietnamese, english, {**scales, **en_scales}, currencies),
            weights=conf,
        )

