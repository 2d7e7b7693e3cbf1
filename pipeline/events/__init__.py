"""Event extraction: meetings, dialogues, conferences, visits, signings, statements, funding and
withdrawals, one record per happening, with participants, place, date and evidence.

Requires: segmented ``paragraphs`` (paragraph 0 is the headline when there is one), tagged
``mentions`` (PERSON/ORG/GPE/LOC/TREATY/EVENT/TERM with offsets into their paragraph) and
``published`` (ISO date or ""). Sets: ``events``, a list of :class:`~pipeline.model.Event` in text
order, each with its PLOVER category, status, date (never guessed: what the text and the article's
date cannot resolve stays empty), place, participants with roles, instrument, money, trigger,
evidence sentences and a confidence; events below ``EventsConfig.min_confidence`` are dropped.

How, in order:

The rules are data: one frame per event type in ``pipeline/data/frames/`` (trigger phrases,
sense constraints, modality and background cues, argument settings, examples; see its README) and
the shared rules of ``pipeline/data/events.toml``. The modules: ``frames`` and ``lexicon`` load
them, ``triggers`` finds and describes triggers, ``arguments`` reads participants, place,
instrument and money, ``dates`` and ``status`` date them, ``merge`` makes records, ``extractor``
runs the whole, ``examples`` runs the frames' examples.

1. Triggers. Every sentence is scanned for the phrases of the frames as whole words, longest
   first, minus the phrases cancelled by the words around them ("đăng ký" is not a signing), by
   their frame's sense constraints ("gặp" in a sentence about a match) and modality and background
   cues ("từ chối đối thoại", "kỷ niệm 50 năm ngày ký"). A named event (an EVENT mention, "COP26") is a conference trigger itself when
   the sentence has a verb such as "diễn ra" or "tham dự" and no other trigger already takes it as
   its name.
2. Arguments, from the tagged mentions of the trigger's stretch of the sentence (from the previous
   trigger to the next one): participants before the trigger are the ``source``, after it the
   ``target`` (for nouns: all ``participant`` unless "với" introduces the target); a TREATY or an
   EVENT name is the ``instrument``; GPE/LOC after "tại"/"ở" the ``location``; money for FUNDING;
   the date from :func:`pipeline.dates.find_dates` on the sentence, else a scene-setting date of the
   paragraph, else the headline's date. A trigger whose sentence names nobody takes the participants
   of the neighbouring sentence of its paragraph, unless the lexicon says not to.
3. References. A bare noun ("cuộc họp", "Hội nghị", "tại cuộc đối thoại", also a verb used as one:
   "sau hội đàm") with nothing of its own that contradicts an earlier event of its type refers to
   it: to the one named earlier in the same sentence, else to the first of the article (news
   reports its main event first). Its sentence becomes another evidence of that event instead of a
   new one. A numbered session ("cuộc họp lần thứ hai") is a new event of the same series and takes
   the previous session's participants when it names none.
4. Merging. Two records of one type are one event when they share a participant, the instrument
   (or a series and its session: "AMME" / "AMME 17") or the sum of money, their dates agree at the
   coarser precision (or one is empty), and nothing tells them apart: two instruments, two names
   ("Đối thoại ASEAN - Hàn Quốc" / "Đối thoại ASEAN - EU"), two session numbers, one planned and one
   occurred, disjoint targets (A met B, then C), two speakers (statements), two PLOVER categories.
5. Inheritance. A statement, signing or funding without a date of its own takes the date of the
   meeting named or referred to in its sentence ("Kết thúc đối thoại, hai bộ trưởng đã ký ..."), or
   (statements, funding) of the dated meeting its source took part in, as the annotation guide says.
6. Status, confidence, ids: ``event_id`` is ``{doc_id}:E{paragraph}:{trigger start}`` of the first
   report; ``cluster_id`` a sha1 of type, date and the event's anchor for grouping across documents
   (the event id when it lacks either: an undated "meeting of X" could be any of X's meetings). The anchor is the lead participant: the
   first ``source`` (host, speaker, signer, donor), else the first participant named; without
   participants, the instrument's name, else the location. It is computed last, after a named
   conference took its dates from the gazetteer. Not the whole participant list: a second report
   that names one more guest is the same happening. Not the instrument or place first: one report
   names them and the next does not, while the actor is what every report of a happening names.
"""

from .extractor import EventExtractor
from .lexicon import EVENT_TYPES, Lexicon, TriggerRule, TypeSettings
from .money import Money

__all__ = ["EVENT_TYPES", "TriggerRule", "TypeSettings", "Lexicon", "Money", "EventExtractor"]
