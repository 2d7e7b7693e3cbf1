"""Entity extraction as candidates, one precedence, then linkers.

    candidates.py  Candidate, Context (what a rule family reads), Proposals, the gazetteer matcher
    patterns.py    pattern rule families (names by shape and context), rule words from tagger.toml
    resolve.py     the one resolver: precedence (priority, length, score, start), corrections, trace
    link.py        the linkers after the resolver: country context, acronym definitions, tenure, coreference
    tagger.py      the rule families and their priorities (PASSES), READS, the Doc -> Doc tagger
    explain.py     `vnews explain`: every candidate of one document and why it won or lost
    rules.py, text.py  the word lists and character-level helpers they share
"""

from .candidates import Candidate
from .resolve import Decision, resolve
from .rules import TaggerRules
from .tagger import PASSES, Tagger
from .text import slug

__all__ = ["Candidate", "Decision", "PASSES", "Tagger", "TaggerRules", "resolve", "slug"]
