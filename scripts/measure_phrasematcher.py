#!/usr/bin/env python3
"""Gazetteer matching: spaCy's PhraseMatcher against the Aho-Corasick automaton, same input.

    python scripts/measure_phrasematcher.py OUT_DIR [N]

OUT_DIR is a finished run (e.g. ``vnews extract ../shared/bench --out OUT_DIR``); its first N
documents (default 1000) are read from ``documents.jsonl`` with the segmenter's tokens. Each
paragraph becomes a spaCy ``Doc`` over the vocab of ``spacy.blank("xx")`` (``spacy.blank("vi")`` needs pyvi; a bare ``Vocab()`` has no LOWER) whose
tokens are the segmenter's words split into syllables, with exact character offsets
(``doc.text == paragraph text`` is checked). Gazetteer names are turned into patterns with the same
splitting; names without lower case match on ``ORTH``, the others on ``LOWER``. Printed: the
seconds each matcher takes (the Doc building counted for spaCy), and how many word-bounded matches
each finds that the other does not — the automaton's ``GazetteerMatcher.matches`` is the reference
(the capital-initial rule is applied to both).
"""

from __future__ import annotations

import json
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from spacy.matcher import PhraseMatcher  # noqa: E402
from spacy.tokens import Doc  # noqa: E402
import spacy  # noqa: E402
from spacy.vocab import Vocab  # noqa: E402

from pipeline.config import gazetteer_dir, load_config  # noqa: E402
from pipeline.extract.candidates import GazetteerMatcher  # noqa: E402
from pipeline.extract.rules import TaggerRules  # noqa: E402
from pipeline.gazetteer import Gazetteer, is_acronym  # noqa: E402

_PIECE = re.compile(r"\S+")


def syllable_doc(vocab: Vocab, text: str, tokens: list[tuple[int, int]]) -> Doc:
    """Words: the segmenter's tokens split at spaces, plus any text no token covers."""
    cuts = sorted({0, len(text)} | {i for a, b in tokens for i in (a, b)})
    words, spaces = [], []
    for a, b in zip(cuts, cuts[1:]):
        for m in _PIECE.finditer(text, a, b):
            words.append(m.group())
            spaces.append(m.end() < len(text) and text[m.end()] == " ")
    # Pieces cut mid-word (a token boundary without a space) stay apart; spaces only where text has them.
    doc = Doc(vocab, words=words, spaces=spaces)
    return doc


def main() -> int:
    out_dir = Path(sys.argv[1])
    limit = int(sys.argv[2]) if len(sys.argv) > 2 else 1000
    cfg = load_config()
    gaz = Gazetteer.load(gazetteer_dir(cfg))
    rules = TaggerRules.load()
    paragraphs = []
    with (out_dir / "documents.jsonl").open(encoding="utf-8") as fh:
        for n, line in enumerate(fh):
            if n == limit:
                break
            row = json.loads(line)
            for p in row.get("paragraphs", []):
                paragraphs.append((p["text"], [tuple(t) for s in p["sentences"] for t in s["tokens"]]))

    t0 = time.perf_counter()
    automaton = GazetteerMatcher(gaz, rules.stop_words)
    t1 = time.perf_counter()
    reference = [{(s, e) for s, e, _ in automaton.matches(text, len(text))} for text, _ in paragraphs]
    t2 = time.perf_counter()

    vocab = spacy.blank("xx").vocab  # a bare Vocab() computes no LOWER: every token would match
    lower, orth = PhraseMatcher(vocab, attr="LOWER"), PhraseMatcher(vocab, attr="ORTH")
    names = {n for e in gaz.entries.values() for n in e.names}
    for n in sorted(names):
        words = _PIECE.findall(n)
        (orth if is_acronym(n) else lower).add(n, [Doc(vocab, words=words)])
    t3 = time.perf_counter()
    found = []
    for text, tokens in paragraphs:
        doc = syllable_doc(vocab, text, tokens)
        assert doc.text == text or doc.text.strip() == text.strip(), "offsets must be exact"
        spans = {(doc[s].idx, doc[e - 1].idx + len(doc[e - 1])) for _, s, e in lower(doc)}
        spans |= {(doc[s].idx, doc[e - 1].idx + len(doc[e - 1])) for _, s, e in orth(doc)}
        found.append(spans)
    t4 = time.perf_counter()

    only_ac = sum(len(r - f) for r, f in zip(reference, found))
    only_pm = sum(len(f - r) for r, f in zip(reference, found))
    total = sum(len(r) for r in reference)
    print(f"{len(paragraphs)} paragraphs of {limit} documents, {len(names)} names")
    print(f"aho-corasick: build {t1 - t0:.2f}s, match {t2 - t1:.2f}s, {total} matches")
    print(f"PhraseMatcher: build {t3 - t2:.2f}s, Doc + match {t4 - t3:.2f}s, "
          f"{sum(len(f) for f in found)} matches")
    print(f"found only by aho-corasick: {only_ac}; only by PhraseMatcher: {only_pm} "
          "(PhraseMatcher ignores the capital-initial rule, so some of these are 'anh', 'hòa bình')")
    return 0


if __name__ == "__main__":
    sys.exit(main())
