"""Event frames: one data file per event type in ``pipeline/data/frames/`` (keys described in
``pipeline/data/frames/README.md``), read into typed rules.

A frame holds its trigger groups (phrases, form, what each needs, the words around it that cancel
it), its sense constraints (``[[trigger.sense]]``: words before, after or around a trigger that
give it another sense, or that make it need more), its modality and background cues (``[cues]``:
a refusal, wish, proposal, possibility, anniversary or opposition before the trigger in its
clause means it is not this event), its argument settings (``[settings]``) and its examples and
counter-examples, which ``vnews rules lint`` and ``tests/test_frame_examples.py`` run.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from ..errors import ConfigError
from .words import _ending_words, _literal_words, _phrases, _word_regex

__all__ = ["EVENT_TYPES", "TriggerRule", "TypeSettings", "Sense", "FrameExample", "FrameSpec", "load_frames",
           "default_frames_dir"]

EVENT_TYPES = ("MEETING", "DIALOGUE", "CONFERENCE", "VISIT", "SIGNING", "STATEMENT", "FUNDING", "WITHDRAWAL")
_NEEDS = frozenset({"participant", "source", "target", "instrument", "amount", "date", "argument", "body"})
_FORMS = ("verb", "noun")
_INHERIT = frozenset({"sentence", "participant"})
_TRIGGER_KEYS = frozenset({"not_nominal", "not_in_clause_before", "form", "phrases", "strength",
                           "needs", "not_before", "not_after", "target_within", "source_within", "targets",
                           "neighbour", "plover", "sense", "target_types", "source_types", "speaker_after",
                           "mid_clause", "speaker_in_main", "announced_gap"})
_SENSE_KEYS = frozenset({"before", "after", "in_sentence", "opening", "window", "needs", "why", "absent", "unless"})
_TYPE_KEYS = frozenset({"instrument", "location_markers", "object_is_location", "inherit", "host", "neighbour",
                        "yields_to", "one_host", "said_after_words", "said_after_lead_words", "multilateral_type", "uncued_status",
                        "multilateral_triggers", "pronoun_speakers", "description_speakers", "description_words",
                        "description_paragraphs", "pronoun_paragraphs", "undated_speakers",
                        "occasion_speakers", "lead_date_words", "occasion_after", "not_speakers", "medium_after", "medium_names",
                        "medium_speaks", "medium_speaks_after", "medium_speaks_not_after",
                        "unnamed_after", "quotation_speech_words", "quotation_speech_strength", "quotation_after_words",
                        "quotation_speakers", "quotation_speech_not", "member_after", "owner_speaks", "source_after", "named_after",
                        "quoted", "dated", "history_days", "attended", "speakers_attend", "speakers_attend_not_after", "state_subject_gap",
                        "state_subject_heads", "published_occasion", "occasion_refines", "news_day_within",
                        "scene_paragraphs_back", "scene_opening_words",
                        "unnamed_subject_quantifiers", "unnamed_subject_heads", "unnamed_subject_groups",
                        "unnamed_subject_not", "elsewhere_before",
                        "elsewhere_near", "elsewhere_after", "elsewhere_after_words", "elsewhere_media", "elsewhere_not", "elsewhere_neighbours",
                        "recent_lead", "recent_not_after", "name_part_types", "name_part_not", "speaker_scene"})
_FRAME_KEYS = frozenset({"type", "plover", "description", "settings", "cues", "trigger", "example", "counter_example"})
_CUE_KINDS = frozenset({"refusal", "wish", "proposal", "possibility", "background", "opposition", "window"})
_EXAMPLE_KEYS = frozenset({"text", "published", "article", "date", "status", "participant", "why"})


@dataclass(frozen=True, slots=True)
class Sense:
    """Words that give a trigger another sense. ``before``: ending at most ``window`` words before
    it, inside its clause; ``after``: starting at most ``window`` words after it; ``in_sentence``:
    anywhere in its sentence; ``opening``: opening its sentence. Without ``needs`` the trigger is then no event of its frame; with
    ``needs`` it is one only when those hold too ("ký hợp đồng" needs a treaty)."""

    before: tuple[tuple[str, ...], ...] = ()
    after: tuple[tuple[str, ...], ...] = ()
    in_sentence: tuple[tuple[str, ...], ...] = ()
    # Words that open the trigger's sentence, outside a quotation ("Khi đó, X cho biết …": a time the text
    # told before, so what follows is recalled, not the news). A comma ends a clause, so ``before`` cannot see them.
    opening: tuple[tuple[str, ...], ...] = ()
    window: int = 3
    needs: tuple[frozenset[str], ...] = ()
    why: str = ""
    # True: the sense holds when none of its words stand there ("gửi" is aid only with aid goods in
    # its sentence: a trigger too common to list the senses it does not have).
    absent: bool = False
    # Words anywhere in the sentence that lift the sense: the trigger keeps its own sense there ("chia sẻ hình
    # ảnh … kèm chú thích: …": a picture posted with words said is a statement).
    unless: tuple[tuple[str, ...], ...] = ()


@dataclass(frozen=True, slots=True)
class TriggerRule:
    """One ``[[trigger]]`` group of a frame (see ``pipeline/data/frames/README.md``)."""

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
    not_nominal: bool = False  # not in a clause made a noun phrase by the nominaliser ([grammar])
    not_in_clause_before: re.Pattern[str] | None = None  # words that, anywhere before it in its clause, cancel it
    senses: tuple[Sense, ...] = ()  # its own sense constraints, then its frame's cues
    target_types: frozenset[str] = frozenset()  # mention types a target may have (empty: any participant)
    source_types: frozenset[str] = frozenset()  # mention types a source may have (empty: any participant)
    # a verb right after another trigger (a saying verb: "Man Utd tuyên bố rút khỏi giải đấu", "… xác nhận họ
    # sẽ rời bỏ ESL") with only these words between them has that verb's subject: who announces leaving
    # leaves; None: the trigger's clause starts after the saying verb, as for any later trigger
    announced_gap: re.Pattern[str] | None = None
    # The trigger opens its clause and the speaker follows it there, within source_within: "Theo X, …"
    speaker_after: bool = False
    # a speaker_after trigger that need not open its clause ("Tờ X dẫn lời Y: …")
    mid_clause: bool = False
    # The trigger opens its sentence as a leading clause and the person opening the main clause after it
    # speaks, whatever the main verb ("Phát biểu sau trận đấu, Azpilicueta cũng không đề cập …")
    speaker_in_main: bool = False


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
    # a date opened by "vào" right after the trigger's own words stays its date up to this many words after it
    said_after_lead_words: int = 0
    multilateral_type: str = ""  # the type of this trigger when an international body takes part
    # the status of a record whose clause has no status cue and whose date does not decide it; "":
    # unspecified (a meeting named by its noun alone may be past or to come)
    uncued_status: str = ""
    multilateral_triggers: frozenset[str] = frozenset()
    # a clause opened by one of these ("Ông cho biết") speaks for the person named last before it
    pronoun_speakers: frozenset[str] = frozenset()
    # a clause whose subject is one of these descriptions and at most ``description_words`` words in all,
    # naming nobody but places ("Người đẹp tóc vàng xúc động nói", "HLV người Hà Lan đã lên tiếng"),
    # speaks as a pronoun does: for the person named last before it
    description_speakers: tuple[tuple[str, ...], ...] = ()
    description_words: int = 0
    # how many paragraphs, its own first, a description (not a bare pronoun, which looks two back) looks
    # back through for the person it means; the first one naming someone decides
    description_paragraphs: int = 2
    # how many paragraphs, its own first, a bare pronoun looks back through
    pronoun_paragraphs: int = 2
    # a record with a participant of these types is complete without a date (the date weight of
    # the confidence is given): "X cho biết, …" with no occasion dated is a STATEMENT dated ""
    undated_speakers: frozenset[str] = frozenset()
    # a state (a gazetteer place without a parent) that is the subject of the trigger's clause, with
    # only these words between it and the trigger ("Nga khẳng định", "Ba Lan cũng thông báo"), is an
    # undated speaker too; None: never
    state_subject_gap: re.Pattern[str] | None = None
    # words that may stand before such a state in its clause, naming its government ("Chính phủ Pháp")
    state_subject_heads: re.Pattern[str] | None = None
    # a record without a date of its own that names one of these types takes the day the article's
    # first sentence gives; in an article that gives no day it needs none
    occasion_speakers: frozenset[str] = frozenset()
    lead_date_words: int = 0  # the lead's day counts within this many words of its first sentence
    # when set, only a record whose trigger comes right after one of these phrases is dated by the
    # article ("Tại cuộc họp, Thủ tướng …": the meeting the article reports, named by its noun alone)
    occasion_after: tuple[tuple[str, ...], ...] = ()
    not_speakers: frozenset[str] = frozenset()  # entity ids that are never participants (news media)
    # the kinds of entity id never a participant either ("org:medium:": a medium the tagger found cited, link.cited-medium)
    not_speaker_kinds: tuple[str, ...] = ()
    # words right before a name that make it a news medium, never a participant ("tờ The Sun")
    medium_after: re.Pattern[str] | None = None
    # a medium word and a capitalised name the tagger may have missed, ending where the possessive
    # before a place begins: the place owns that medium ("kênh truyền hình TNT Sports của Argentina")
    medium_owner: re.Pattern[str] | None = None
    # words inside a name that make it a news medium whatever its id ("US Blasting News", "Daily Mail")
    medium_names: re.Pattern[str] | None = None
    # trigger phrases with which a news medium speaks in its own name ("tờ Marca cho rằng", "CNN vừa tiết
    # lộ"): with them neither ``not_speakers`` nor ``medium_names`` bars it, and of ``medium_after`` only
    # what is left without ``medium_speaks_after`` (whom one talks to, unnamed sources) still does
    medium_speaks: frozenset[str] = frozenset()
    medium_after_speaking: re.Pattern[str] | None = None
    # words right before a name that make it whose unnamed people speak ("quan chức Nhà Trắng", "giới
    # chức Moskva", "đa số bạn đọc Người Lao Động Online"): the name is no participant
    unnamed_after: re.Pattern[str] | None = None
    # words right before a name that keep it a speaker where unnamed_after would not ("công bố từ VNG")
    source_after: re.Pattern[str] | None = None
    # words of unnamed_after after which a person's name is the one speaking, named ("người dùng Rick Thomas")
    named_after: re.Pattern[str] | None = None
    # a name, at most this many lower-case words and a colon opening a quotation: the name speaks
    # ("bạn đọc Trần Thảo Dân cảm thán: “…”", "Trấn Thành rưng rưng: “…”"); 0: never
    quotation_speech_words: int = 0
    quotation_speech_strength: float = 0.0
    # a quotation closed, a comma, such a name and at most this many lower-case words ending the
    # sentence ("“…”, Tiffanie thốt lên."): those words are a trigger too; 0: never
    quotation_after_words: int = 0
    # the mention types such a name may have, and words between it and the colon that make it no speech
    # ("Facebook cá nhân: “…”", "với chủ đề: “…”", "Ajax và nói: “…”")
    quotation_speakers: frozenset[str] = frozenset()
    quotation_speech_not: tuple[tuple[str, ...], ...] = ()
    # words right before a body or a place (never a person) that make it whose unnamed member speaks
    # ("một lãnh đạo huyện ủy Hương Khê", "cựu HLV CLB Thể Công"): the name is no participant
    member_after: re.Pattern[str] | None = None
    # a name after the possessive ("của") of a lower-case head is whose thing or people the head is
    # ("tiết mục của Chu Hoàng Tuấn", "người cũ của Juventus"), no participant, unless the head is one
    # of these, whose owner speaks through it ("thông báo của Bộ Y tế"); None: the rule is off
    owner_speaks: tuple[tuple[str, ...], ...] | None = None
    # mention types that are no participant when a capitalised word no mention holds stands right before or
    # after them: the end or the start of a name the tagger did not read ("BYT Anh", "Washington Free"); the
    # words of ``name_part_not`` (abbreviated designators, "TP Hà Nội") do not count
    name_part_types: frozenset[str] = frozenset()
    name_part_not: frozenset[str] = frozenset()
    # False: a trigger inside a quotation is part of what was said, not an event of its own
    quoted: bool = True
    # True: a record with no date after inheritance (and in an article that has one) is dropped
    dated: bool = False
    # a record whose date ends more than this many days before the article's publication day is history the
    # article recalls, at most optional in the guide: dropped (0: never)
    history_days: int = 0
    # True: a record with no participant once its reports are merged is dropped
    attended: bool = False
    # true: a record of this type naming nobody takes the speakers of the statements told at it in its
    # own sentence ("tại cuộc họp …, Phó Thủ tướng X nhấn mạnh")
    speakers_attend: bool = False
    # a record whose sentence gives no time takes the day or month of the sentence right before it in its
    # paragraph when that sentence opens with (names first) one of the record's speakers: the same scene
    speaker_scene: bool = False
    # words right before the record's noun that tell the statements of its sentence were made beside it, before
    # or after it ("Bên lề Hội nghị …, trao đổi với PV …", "khi trả lời báo chí sau phiên họp"): no speaker attends
    speakers_attend_not_after: re.Pattern[str] | None = None
    # true: a record waiting for its occasion's date in an article whose lead gives no day takes the
    # publication day (the article itself is the occasion)
    published_occasion: bool = False
    # true: a record dated only to a year or month takes the occasion's day when the day lies inside it
    occasion_refines: bool = False
    # >0: with published_occasion, an article that gives no day of its publication but one at most this
    # many days before it reports that day's news: its latest such day dates the record instead
    news_day_within: int = 0
    # >0: a record waiting for its occasion's date (occasion_speakers) that its own sentence and paragraph do
    # not date takes the day that opens one of this many body paragraphs before its own ("Ngày 3/12/2010,
    # Thứ trưởng … đã ký văn bản …" / "Theo Bộ Nội vụ, …"), when no paragraph between gives a time
    scene_paragraphs_back: int = 0
    # at most this many words before the day that opens such a paragraph ("Ở trên mặt đất, chiều 28/4, …")
    scene_opening_words: int = 0
    # a clause whose subject opens with an unnamed quantified head ("một nhà nghiên cứu", "Nhiều thành viên
    # của …", "Bạn bè và đồng nghiệp của …"): nobody named before the trigger speaks; None: never
    unnamed_subject: re.Pattern[str] | None = None
    # words that, between such an opening and the trigger, name the members ("Một số nước như Singapore")
    unnamed_subject_not: re.Pattern[str] | None = None
    # A record whose sentence names another occasion than the article and does not date it ("Tại buổi họp
    # báo mới đây, …", "… viết trên trang cá nhân", "CNN dẫn lời …") takes neither the lead's nor the
    # publication day: words before the trigger in its sentence, occasion nouns before it or at most
    # elsewhere_after_words words after it, a news medium there (elsewhere_media); words of the sentence
    # that make the article the occasion after all ("trao đổi với PV Dân trí") cancel them.
    elsewhere_before: re.Pattern[str] | None = None
    elsewhere_near: re.Pattern[str] | None = None
    elsewhere_after: re.Pattern[str] | None = None  # occasion words that count only just after the trigger
    elsewhere_after_words: int = 0
    elsewhere_media: bool = False
    elsewhere_not: re.Pattern[str] | None = None
    # true: the sentence before the record's (or after it in its paragraph) naming its speaker counts too
    elsewhere_neighbours: bool = False
    # words of the lead (its first lead_date_words words) that tell the article's news as just happened
    # ("vừa tổ chức", "mới đây"), and what, right after one, makes it no such word ("vừa qua", "vừa
    # phải"): the lead's occasion is undated and the publication day dates nothing
    recent_lead: re.Pattern[str] | None = None
    recent_not_after: re.Pattern[str] | None = None
    # each word of recent_lead and elsewhere_before on its own (whole word, any case): how often the word
    # a match found stands in its sentence (``DatesMixin._not_recent``), compiled once here, not per match
    recent_words: tuple[re.Pattern[str], ...] = ()


@dataclass(frozen=True, slots=True)
class FrameExample:
    """A text (one paragraph a line) with the article's date, and the record the frame must give
    there (``date``, ``status``, one ``participant`` by canonical name or entity id) — or, for a
    counter-example, must not give (no record of the frame's type)."""

    text: str
    published: str = ""
    article: str = ""  # the bench document it comes from
    date: str = ""  # "-": the record has no date (a statement told at an undated occasion)
    status: str = ""
    participant: str = ""
    why: str = ""


@dataclass(frozen=True, slots=True)
class FrameSpec:
    type: str
    plover: str
    description: str
    settings: TypeSettings
    triggers: tuple[tuple[TriggerRule, tuple[tuple[str, ...], ...]], ...]  # (rule, its phrases)
    examples: tuple[FrameExample, ...] = ()
    counter_examples: tuple[FrameExample, ...] = ()
    origin: str = ""
    phrases: dict[tuple[str, ...], int] = field(default_factory=dict)  # phrase -> trigger group number
    cues: tuple[Sense, ...] = ()  # the frame's modality and background cues (also for named events)


def default_frames_dir() -> Path:
    return Path(str(resources.files("pipeline").joinpath("data", "frames")))


def load_frames(folder: str | Path | None = None) -> list[FrameSpec]:
    """Every frame of ``folder`` (the packaged ``pipeline/data/frames`` by default), in the order of
    ``EVENT_TYPES``; exactly one per type, else :class:`ConfigError`."""
    folder = Path(folder) if folder is not None else default_frames_dir()
    found: dict[str, FrameSpec] = {}
    for path in sorted(folder.glob("*.toml")):
        try:
            raw = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise ConfigError(f"{path}: unreadable frame ({exc}); fix the TOML") from None
        try:
            spec = _frame(raw, str(path))
        except (KeyError, TypeError, ValueError, re.error) as exc:
            raise ConfigError(f"{path}: unusable frame ({type(exc).__name__}: {exc}); fix the file") from None
        if spec.type in found:
            raise ConfigError(f"{path}: a second frame of type {spec.type} (the first is {found[spec.type].origin})")
        found[spec.type] = spec
    missing = [t for t in EVENT_TYPES if t not in found]
    if missing:
        raise ConfigError(f"{folder}: no frame for {', '.join(missing)}; add one file per event type")
    return [found[t] for t in EVENT_TYPES]


def _fail(where: str, msg: str) -> None:
    raise ConfigError(f"{where}: {msg}")


def _check_keys(raw: dict, known: frozenset[str], where: str) -> None:
    if set(raw) - known:
        # A key meant for the top level written after a table header lands in that table.
        _fail(where, f"unknown key(s) {sorted(set(raw) - known)}; known: {sorted(known)}")


def _needs(values: list[str], where: str) -> tuple[frozenset[str], ...]:
    needs = tuple(frozenset(n.split("|")) for n in values)
    unknown = set().union(*needs) - _NEEDS if needs else set()
    if unknown:
        _fail(where, f"needs {sorted(unknown)} unknown; known: {', '.join(sorted(_NEEDS))}")
    return needs


def _frame(raw: dict, origin: str) -> FrameSpec:
    _check_keys(raw, _FRAME_KEYS, origin)
    etype = raw["type"]
    if etype not in EVENT_TYPES:
        _fail(origin, f"type {etype!r} is not one of {', '.join(EVENT_TYPES)}")
    settings = _settings(raw.get("settings", {}), f"{origin} [settings]")
    cues = _cues(raw.get("cues", {}), f"{origin} [cues]")
    plover = str(raw.get("plover", ""))
    triggers = tuple(_trigger(t, etype, plover, settings, cues, f"{origin} [[trigger]] #{n}")
                     for n, t in enumerate(raw.get("trigger", []), start=1))
    phrases = {p: n for n, (_, ps) in enumerate(triggers, start=1) for p in ps}
    return FrameSpec(etype, plover, str(raw.get("description", "")), settings, triggers,
                     tuple(_example(x, f"{origin} [[example]]") for x in raw.get("example", [])),
                     tuple(_example(x, f"{origin} [[counter_example]]") for x in raw.get("counter_example", [])),
                     origin, phrases, cues)


def _words_or_none(raw: dict, key: str) -> re.Pattern[str] | None:
    """The literal words of ``key`` as one pattern; None when the frame does not give them."""
    return _literal_words(raw[key]) if raw.get(key) else None


def _strings(raw: dict, key: str) -> frozenset[str]:
    """The strings a setting lists (none when it is absent)."""
    return frozenset(str(x) for x in raw.get(key, []))


def _not_speakers(raw: dict, kinds: bool) -> list[str]:
    """The ids of ``not_speakers``, or (``kinds``) its entries ending in ':', kinds of id ("org:medium:")."""
    return [str(x) for x in raw.get("not_speakers", []) if str(x).endswith(":") == kinds]


def _settings(raw: dict, where: str) -> TypeSettings:
    _check_keys(raw, _TYPE_KEYS, where)
    inherit = tuple(raw.get("inherit", []))
    if set(inherit) - _INHERIT:
        _fail(where, f"inherit: unknown {sorted(set(inherit) - _INHERIT)}; known: {sorted(_INHERIT)}")
    return TypeSettings(
        instrument=tuple(raw.get("instrument", ["TREATY"])),
        location_markers=_phrases(raw.get("location_markers", [])),
        object_is_location=bool(raw.get("object_is_location", False)),
        inherit=inherit,
        host=bool(raw.get("host", False)),
        neighbour=bool(raw.get("neighbour", True)),
        yields_to=tuple(raw.get("yields_to", [])),
        one_host=bool(raw.get("one_host", False)),
        said_after_words=int(raw.get("said_after_words", 0)),
        said_after_lead_words=int(raw.get("said_after_lead_words", 0)),
        multilateral_type=str(raw.get("multilateral_type", "")),
        uncued_status=_uncued_status(raw, where),
        multilateral_triggers=frozenset(str(x).lower() for x in raw.get("multilateral_triggers", [])),
        pronoun_speakers=frozenset(str(x).lower() for x in raw.get("pronoun_speakers", [])),
        description_speakers=_phrases(raw.get("description_speakers", [])),
        description_words=int(raw.get("description_words", 0)),
        description_paragraphs=int(raw.get("description_paragraphs", 2)),
        pronoun_paragraphs=int(raw.get("pronoun_paragraphs", 2)),
        undated_speakers=frozenset(str(x) for x in raw.get("undated_speakers", [])),
        state_subject_gap=_gap_words(raw["state_subject_gap"]) if "state_subject_gap" in raw else None,
        state_subject_heads=_literal_words(raw.get("state_subject_heads", [])),
        occasion_speakers=frozenset(str(x) for x in raw.get("occasion_speakers", [])),
        lead_date_words=int(raw.get("lead_date_words", 0)),
        occasion_after=tuple(tuple(str(x).lower().split()) for x in raw.get("occasion_after", [])),
        not_speakers=frozenset(_not_speakers(raw, False)),
        not_speaker_kinds=tuple(_not_speakers(raw, True)),
        medium_after=_ending_words(raw["medium_after"]) if raw.get("medium_after") else None,
        medium_owner=_owner_words(raw["medium_after"]) if raw.get("medium_after") else None,
        medium_speaks=frozenset(str(x).lower() for x in raw.get("medium_speaks", [])),
        medium_after_speaking=_speaking_bar(raw) if raw.get("medium_after") and raw.get("medium_speaks") else None,
        medium_names=re.compile(rf"(?<!\w)(?:{'|'.join(re.escape(w) for w in raw['medium_names'])})(?!\w)")
        if raw.get("medium_names") else None,
        unnamed_after=_ending_words(raw["unnamed_after"]) if raw.get("unnamed_after") else None,
        source_after=_ending_words(raw["source_after"]) if raw.get("source_after") else None,
        named_after=_ending_words(raw["named_after"]) if raw.get("named_after") else None,
        quotation_speech_words=int(raw.get("quotation_speech_words", 0)),
        quotation_speech_strength=float(raw.get("quotation_speech_strength", 0.0)),
        quotation_after_words=int(raw.get("quotation_after_words", 0)),
        quotation_speakers=frozenset(str(x) for x in raw.get("quotation_speakers", [])),
        quotation_speech_not=_phrases(raw.get("quotation_speech_not", [])),
        member_after=_ending_words(raw["member_after"]) if raw.get("member_after") else None,
        owner_speaks=_phrases(raw["owner_speaks"]) if "owner_speaks" in raw else None,
        name_part_types=_strings(raw, "name_part_types"),
        name_part_not=_strings(raw, "name_part_not"),
        quoted=bool(raw.get("quoted", True)),
        dated=bool(raw.get("dated", False)),
        history_days=int(raw.get("history_days", 0)),
        attended=bool(raw.get("attended", False)),
        speakers_attend=bool(raw.get("speakers_attend", False)),
        speaker_scene=bool(raw.get("speaker_scene", False)),
        speakers_attend_not_after=_words_or_none(raw, "speakers_attend_not_after"),
        published_occasion=bool(raw.get("published_occasion", False)),
        occasion_refines=bool(raw.get("occasion_refines", False)),
        news_day_within=int(raw.get("news_day_within", 0)),
        scene_paragraphs_back=int(raw.get("scene_paragraphs_back", 0)),
        scene_opening_words=int(raw.get("scene_opening_words", 0)),
        unnamed_subject=_unnamed_subject(raw.get("unnamed_subject_quantifiers", []),
                                         raw.get("unnamed_subject_heads", []), raw.get("unnamed_subject_groups", [])),
        unnamed_subject_not=_literal_words(raw.get("unnamed_subject_not", [])),
        elsewhere_before=_words_or_none(raw, "elsewhere_before"),
        elsewhere_near=_words_or_none(raw, "elsewhere_near"),
        elsewhere_after=_words_or_none(raw, "elsewhere_after"),
        elsewhere_after_words=int(raw.get("elsewhere_after_words", 0)),
        elsewhere_media=bool(raw.get("elsewhere_media", False)),
        elsewhere_not=_words_or_none(raw, "elsewhere_not"),
        elsewhere_neighbours=bool(raw.get("elsewhere_neighbours", False)),
        recent_lead=_words_or_none(raw, "recent_lead"),
        recent_not_after=re.compile(rf"\s+(?:{'|'.join(re.escape(w) for w in raw['recent_not_after'])})(?!\w)", re.IGNORECASE)
        if raw.get("recent_not_after") else None,
        recent_words=tuple(_literal_words([w]) for w in (*raw.get("recent_lead", []), *raw.get("elsewhere_before", []))),
    )


def _uncued_status(raw: dict, where: str) -> str:
    status = str(raw.get("uncued_status", ""))
    if status not in ("", "occurred", "planned"):
        _fail(where, f"uncued_status: {status!r} is not one of occurred, planned (or absent: unspecified)")
    return status


def _unnamed_subject(quantifiers: list[str], heads: list[str], groups: list[str]) -> re.Pattern[str] | None:
    """A head of ``heads`` after one of ``quantifiers`` ("một nhà nghiên cứu"), or one of ``groups``
    ("bạn bè"), opening the text matched (plain words, any case); None without either."""
    def alt(values: list[str]) -> str:
        return "|".join(re.escape(v) for v in sorted(values, key=len, reverse=True)) or "(?!)"
    if not (quantifiers and heads) and not groups:
        return None
    return re.compile(rf"(?:(?:{alt(quantifiers)})\s+(?:{alt(heads)})|(?:{alt(groups)}))(?!\w)", re.IGNORECASE)


def _gap_words(values: list[str]) -> re.Pattern[str]:
    """Any number of ``values`` (plain words, any case), each after white space, then white space: the
    whole stretch between a subject and its verb (see ``TypeSettings.state_subject_gap``)."""
    body = "|".join(re.escape(v) for v in sorted(values, key=len, reverse=True)) or "(?!)"
    return re.compile(rf"(?:\s+(?:{body}))*\s+", re.IGNORECASE)


def _speaking_bar(raw: dict) -> re.Pattern[str]:
    """What still bars a medium with a ``medium_speaks`` trigger, ending the stretch searched: a word of
    ``medium_after`` outside ``medium_speaks_after`` ("trao đổi với"), or a word of
    ``medium_speaks_not_after``, with or without a medium's noun after it ("của tờ", "trên tạp chí", "của")."""
    nouns = set(raw.get("medium_speaks_after", []))
    rest = "|".join(re.escape(v) for v in raw["medium_after"] if v not in nouns) or "(?!)"
    preps = "|".join(re.escape(v) for v in raw.get("medium_speaks_not_after", [])) or "(?!)"
    noun = "|".join(re.escape(v) for v in sorted(nouns, key=len, reverse=True)) or "(?!)"
    return re.compile(rf"(?<!\w)(?:{rest}|(?:{preps})(?:\s+(?:{noun}))?)\s$", re.IGNORECASE)


def _owner_words(values: list[str]) -> re.Pattern[str]:
    """A medium word, then a name of at most five capitalised words, ending the stretch searched (see
    ``TypeSettings.medium_owner``; what joins the place to it is ``[grammar] possessive``)."""
    body = "|".join(re.escape(v) for v in values)
    name = r"[A-ZĐ][^\s,;:()]*(?:\s+[A-ZĐ0-9][^\s,;:()]*){0,4}"
    return re.compile(rf"(?<!\w)(?i:{body})\s+{name}$")


def _cues(raw: dict, where: str) -> tuple[Sense, ...]:
    """Modality and background cues: each kind is a list of words that, before the trigger in its
    clause, make it no event of the frame (one :class:`Sense` per kind)."""
    _check_keys(raw, _CUE_KINDS, where)
    window = int(raw.get("window", 4))
    return tuple(Sense(before=_phrases(raw[kind]), window=window, why=kind)
                 for kind in sorted(_CUE_KINDS - {"window"}) if raw.get(kind))


def _sense(raw: dict, where: str) -> Sense:
    _check_keys(raw, _SENSE_KEYS, where)
    sense = Sense(before=_phrases(raw.get("before", [])), after=_phrases(raw.get("after", [])),
                  in_sentence=_phrases(raw.get("in_sentence", [])), opening=_phrases(raw.get("opening", [])),
                  window=int(raw.get("window", 3)),
                  needs=_needs(raw.get("needs", []), where), why=str(raw.get("why", "")),
                  absent=bool(raw.get("absent", False)), unless=_phrases(raw.get("unless", [])))
    if not (sense.before or sense.after or sense.in_sentence or sense.opening):
        _fail(where, "a sense needs words: before, after, in_sentence or opening")
    return sense


def _trigger(raw: dict, etype: str, plover: str, settings: TypeSettings, cues: tuple[Sense, ...],
             where: str) -> tuple[TriggerRule, tuple[tuple[str, ...], ...]]:
    _check_keys(raw, _TRIGGER_KEYS, where)
    form = raw.get("form", "noun")
    if form not in _FORMS:
        _fail(where, f"form {form!r} is not one of {', '.join(_FORMS)}")
    strength = float(raw["strength"])
    if not 0 <= strength <= 1:
        _fail(where, f"strength must be between 0 and 1, got {strength}")
    senses = tuple(_sense(s, f"{where} [[trigger.sense]]") for s in raw.get("sense", []))
    clause_words = raw.get("not_in_clause_before")
    rule = TriggerRule(
        type=etype,
        form=form,
        strength=strength,
        needs=_needs(raw.get("needs", ["argument"]), where),
        not_before=_phrases(raw.get("not_before", [])),
        not_after=_phrases(raw.get("not_after", [])),
        target_within=int(raw.get("target_within", 0)),
        source_within=int(raw.get("source_within", 0)),
        targets=bool(raw.get("targets", True)),
        neighbour=bool(raw.get("neighbour", settings.neighbour)),
        plover=str(raw.get("plover", plover)),
        not_nominal=bool(raw.get("not_nominal", False)),
        not_in_clause_before=_word_regex([re.escape(w) for w in clause_words]) if clause_words else None,
        senses=senses + cues,
        target_types=frozenset(raw.get("target_types", [])),
        source_types=frozenset(raw.get("source_types", [])),
        announced_gap=_gap_words(raw["announced_gap"]) if "announced_gap" in raw else None,
        speaker_after=bool(raw.get("speaker_after", False)),
        mid_clause=bool(raw.get("mid_clause", False)),
        speaker_in_main=bool(raw.get("speaker_in_main", False)),
    )
    return rule, _phrases(raw["phrases"])


def _example(raw: dict, where: str) -> FrameExample:
    _check_keys(raw, _EXAMPLE_KEYS, where)
    if not raw.get("text"):
        _fail(where, "an example needs a text")
    return FrameExample(**{k: str(v) for k, v in raw.items()})
