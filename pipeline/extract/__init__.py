"""Entity extraction as candidates, one precedence, then linkers.

    candidates.py  Candidate, the gazetteer matcher
    patterns.py    pattern matchers (names by shape and context), rule words from tagger.toml
    resolve.py     the precedence (priority, length, score, start), the Ledger and its trace
    link.py        linkers: country context, acronym definitions, coreference, tenure by date
    tagger.py      the order of rule families (PASSES) and the Doc -> Doc tagger
    explain.py     `vnews explain`: every candidate of one document and why it won or lost
    rules.py, text.py  the word lists and character-level helpers they share
"""

from .candidates import Candidate
from .resolve import Decision, resolve
from .rules import TaggerRules
from .tagger import PASSES, Tagger
from .text import slug

__all__ = ["Candidate", "Decision", "PASSES", "Tagger", "TaggerRules", "resolve", "slug"]
