"""Dedupe stage: repeated paragraphs inside a document, and copies of whole documents in a dump.

Two parts, because they need different scopes:

* :class:`ParagraphDeduper` (``Doc -> Doc``) requires cleaned ``paragraphs``; it keeps the first
  occurrence of each paragraph, removes exact repeats (after normalisation and case folding) and
  near-duplicates (rapidfuzz ratio for small edits, partial ratio for a truncated copy contained
  in an earlier paragraph), records each removal in ``removed`` with the kept paragraph and the
  similarity, renumbers the paragraphs and sets ``paragraphs_out``, ``duplicates_removed`` and
  ``fingerprint`` (the MinHash of the cleaned text).
* :class:`DocumentDeduper` (over the stream of documents, in input order) requires
  ``fingerprint``; it marks a document ``duplicate`` of the first document with the same cleaned
  text or an estimated Jaccard similarity above the threshold, found with MinHash LSH
  (datasketch), so it never compares all pairs.
"""

from __future__ import annotations

import hashlib

import numpy as np
from datasketch import MinHash, MinHashLSH
from rapidfuzz import fuzz, process

from ..config import DedupeConfig
from ..errors import ConfigError
from ..model import Document, Removal
from ..normalize import fold

__all__ = ["ParagraphDeduper", "DocumentDeduper", "fingerprint", "text_key"]

# Fixed so that cached fingerprints stay comparable across datasketch upgrades.
_SCHEME = "affine32"


def permutations(config: DedupeConfig) -> np.ndarray:
    """The MinHash permutation parameters, built once per stage and shared by every signature:
    datasketch draws them from a seeded generator for each new MinHash otherwise (5 % of a run)."""
    return MinHash(num_perm=config.num_perm, seed=1, scheme=_SCHEME).permutations


def fold_clean(text: str) -> str:
    """:func:`~pipeline.normalize.fold` of text the clean stage already normalised.

    normalize_text is idempotent except on entities it revealed ("&amp;amp;" -> "&amp;" -> "&"),
    so only text without "&" skips it; the result is the same key (tested on the bench).
    """
    if "&" in text:
        return fold(text)
    return " ".join(text.casefold().split())


def fingerprint(text: str, config: DedupeConfig, perms: np.ndarray | None = None) -> list[int]:
    """MinHash signature of the word shingles of ``text`` (already folded)."""
    words = text.split()
    k = config.shingle_words
    shingles = {" ".join(words[i:i + k]) for i in range(max(1, len(words) - k + 1))} if words else set()
    m = MinHash(num_perm=config.num_perm, seed=1, scheme=_SCHEME,
                permutations=perms if perms is not None else permutations(config))
    m.update_batch([s.encode("utf-8") for s in shingles])  # a minimum: the order is irrelevant
    return m.hashvalues.tolist()


class ParagraphDeduper:
    """``Doc -> Doc``: see the module docstring."""

    def __init__(self, config: DedupeConfig):
        self.config = config
        self.permutations = permutations(config)

    def __call__(self, doc: Document) -> Document:
        if doc.status == "error":
            return doc
        cfg = self.config
        fuzzy = len(doc.paragraphs) <= cfg.near_duplicate_max_paragraphs
        seen: dict[str, int] = {}  # folded text -> position in `kept`
        kept = []
        kept_keys: list[str] = []  # folded texts long enough for fuzzy comparison
        kept_at: list[int] = []    # their positions in `kept`
        kept_words: list[frozenset[str]] = []  # their words, lower case, punctuation stripped
        pending: list[tuple[Removal, int]] = []
        for para in doc.paragraphs:
            key = fold_clean(para.text)
            if key in seen:
                pending.append((Removal(doc.doc_id, para.line, para.text, "duplicate", similarity=100.0), seen[key]))
                continue
            if fuzzy and len(key) >= cfg.near_duplicate_min_chars and kept_keys:
                # Its last word may be where a truncated copy was cut ("… tại Hà Nộ").
                hit = self._near(key, kept_keys, facts(para.text.rsplit(None, 1)[0]), kept_words)
                if hit is not None:
                    pos, score = hit
                    pending.append((Removal(doc.doc_id, para.line, para.text, "near_duplicate",
                                            similarity=round(score, 1)), kept_at[pos]))
                    continue
            seen[key] = len(kept)
            if len(key) >= cfg.near_duplicate_min_chars:
                kept_keys.append(key)
                kept_at.append(len(kept))
                kept_words.append(words_of(para.text))
            kept.append(para)
        # Renumber: the headline stays 0, the body runs 1..n without gaps.
        first = 0 if kept and kept[0].kind == "title" else 1
        for offset, para in enumerate(kept):
            para.index = first + offset
        for removal, pos in pending:
            removal.kept_paragraph = kept[pos].index
        doc.paragraphs = kept
        doc.removed = sorted(doc.removed + [r for r, _ in pending], key=lambda r: r.paragraph)
        doc.duplicates_removed = len(pending)
        doc.paragraphs_out = len(kept)
        doc.fingerprint = fingerprint(fold_clean(doc.text()), cfg, self.permutations)
        return doc

    def _near(self, key: str, kept_keys: list[str], own: frozenset[str],
              kept_words: list[frozenset[str]]) -> tuple[int, float] | None:
        """The kept paragraph ``key`` copies with small edits or a cut, if any. A copy never brings
        a number or a name its original lacks: formulaic paragraphs (one case report a patient, one
        line a result) differ only there, and each is news of its own."""
        cfg = self.config
        # Only paragraphs holding every fact of `key` can be its original.
        candidates = [i for i, w in enumerate(kept_words) if own <= w]
        if not candidates:
            return None
        keys = [kept_keys[i] for i in candidates]
        best = process.extractOne(key, keys, scorer=fuzz.ratio, score_cutoff=cfg.near_duplicate_ratio)
        if best is not None:
            return candidates[best[2]], best[1]
        # A truncated copy: the whole of `key` appears (almost) verbatim inside a longer kept paragraph.
        # partial_ratio aligns `key` with a window w (|w| <= |key|) of the longer text and scores
        # 100 * (1 - d / (|key| + |w|)), d the characters inserted or deleted. A word of `key` that
        # is not a substring of the longer text needs at least one of those edits, so more such
        # words than 2 * |key| * (100 - cutoff) / 100 rule the paragraph out without computing the
        # score (what made this stage slow: most pairs share few words). One more word of slack
        # keeps rounding from ever ruling out a pair that would score at the cutoff.
        words = key.split()
        allowed = 2 * len(key) * (100 - cfg.contained_ratio) / 100 + 1
        longer = [i for i in candidates if len(kept_keys[i]) > len(key) and _few_missing(words, kept_keys[i], allowed)]
        if not longer:
            return None
        best = process.extractOne(key, [kept_keys[i] for i in longer], scorer=fuzz.partial_ratio,
                                  score_cutoff=cfg.contained_ratio)
        if best is not None:
            return longer[best[2]], best[1]
        return None


def facts(text: str) -> frozenset[str]:
    """The numbers and the capitalised words inside sentences of a paragraph, in lower case and
    without punctuation: what a copy keeps. A sentence's first word is no name by its capital."""
    out = set()
    opening = True
    for raw in text.split():
        word = raw.strip(_PUNCTUATION)
        # A word of letters only holds no digit (no character is both): the test per character
        # runs only for the few words that are not.
        if (word[:1].isupper() and not opening) or (not word.isalpha() and any(c.isdigit() for c in word)):
            out.add(word.lower())
        opening = raw[-1:] in _SENTENCE_ENDS
    return frozenset(out)


def words_of(text: str) -> frozenset[str]:
    """Every word of a paragraph, in lower case and without punctuation (what ``facts`` is checked against)."""
    return frozenset(raw.strip(_PUNCTUATION).lower() for raw in text.split())


_PUNCTUATION = "\"'“”‘’()[]{}.,;:!?…-–—/"
_SENTENCE_ENDS = ".!?…:\"”"


def _few_missing(words: list[str], text: str, allowed: float) -> bool:
    """Whether at most ``allowed`` of ``words`` are not substrings of ``text``."""
    missing = 0
    for word in words:
        if word not in text:
            missing += 1
            if missing > allowed:
                return False
    return True


def text_key(doc: Document) -> tuple[str, int]:
    """(sha256 of the folded cleaned text, its word count): what tells copies of a document."""
    text = fold_clean(doc.text())
    return hashlib.sha256(text.encode("utf-8")).hexdigest(), len(text.split())


class DocumentDeduper:
    """Marks copies of earlier documents in a stream. Stateful over one run; call in input order."""

    def __init__(self, config: DedupeConfig):
        self.config = config
        try:
            self.lsh = MinHashLSH(threshold=config.document_threshold, num_perm=config.num_perm)
        except ValueError as exc:  # too few permutations to band at this threshold
            raise ConfigError(f"dedupe.document_threshold = {config.document_threshold} cannot be reached with "
                              f"dedupe.num_perm = {config.num_perm} ({exc}); lower the threshold or raise num_perm") from None
        self.exact: dict[str, str] = {}
        self.order: dict[str, int] = {}
        self.signatures: dict[str, MinHash] = {}
        self.permutations = permutations(config)

    def __call__(self, doc: Document) -> Document:
        if doc.status != "ok":
            return doc
        first = self.first_copy(doc.doc_id, *text_key(doc), doc.fingerprint)
        return self.mark(doc, first) if first else doc

    def first_copy(self, doc_id: str, digest: str, words: int, fingerprint: list[int]) -> str:
        """The id of the earlier document this one copies, or "" (then it is remembered).

        Takes what :func:`text_key` gives, so that a cached document is checked without being
        rebuilt (pipeline.engines keeps its key in the cache)."""
        if digest in self.exact:
            return self.exact[digest]
        m = MinHash(num_perm=self.config.num_perm, seed=1, hashvalues=fingerprint, scheme=_SCHEME,
                    permutations=self.permutations)
        if words >= 2 * self.config.shingle_words:
            candidates = [c for c in self.lsh.query(m)
                          if m.jaccard(self.signatures[c]) >= self.config.document_threshold]
            if candidates:
                return min(candidates, key=self.order.__getitem__)
            self.lsh.insert(doc_id, m)
            self.signatures[doc_id] = m
        self.exact[digest] = doc_id
        self.order[doc_id] = len(self.order)
        return ""

    @staticmethod
    def mark(doc: Document, first: str) -> Document:
        doc.status = "duplicate"
        doc.duplicate_of = first
        # Not extracted twice: the first document carries the sentences, mentions and events. A
        # copy is found before extraction (pipeline.engines); one rebuilt from the cache, extracted
        # when it was no copy, loses them here, so that the cache never changes an output.
        for para in doc.paragraphs:
            para.sentences = []
        doc.sentences = 0
        doc.mentions = []
        doc.events = []
        return doc
