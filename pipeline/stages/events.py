"""Events stage: meetings, dialogues, conferences, visits, signings, statements, funding and
withdrawals, one record per happening (``Doc -> Doc``).

Requires: segmented ``paragraphs`` (paragraph 0 is the headline when there is one), tagged
``mentions`` and ``published`` (ISO date or ""). Sets: ``events``, a list of
:class:`~pipeline.model.Event` in text order.

The work is done by the package ``pipeline.events``: one interpreter of the event frames of
``pipeline/data/frames/`` (one per type) and the shared rules of ``pipeline/data/events.toml``.
This module is the stage's thin wrapper.
"""

from __future__ import annotations

from ..events import EVENT_TYPES, EventExtractor, Lexicon, Money, TriggerRule, TypeSettings

__all__ = ["EVENT_TYPES", "TriggerRule", "TypeSettings", "Lexicon", "Money", "EventExtractor"]
