"""Tag stage: entity mentions with canonical ids (``Doc -> Doc``).

Requires: segmented ``paragraphs`` (sentences with offsets) and ``published`` (ISO or empty).
Sets: ``mentions`` — each with offsets into its cleaned paragraph, the sentence it is in, a type,
a canonical entity and the ``method`` that found it (``gazetteer``, ``pattern``, ``acronym``,
``coref``, ``tenure``, ``fuzzy``).

The work is done by ``pipeline.extract``: matchers propose candidates, one precedence decides
between them, linkers run after (see that package). This module is the stage's thin wrapper.
"""

from __future__ import annotations

from ..extract import Tagger, TaggerRules, slug
from ..extract.text import _dash_spacings

__all__ = ["Tagger", "TaggerRules", "slug", "_dash_spacings"]
