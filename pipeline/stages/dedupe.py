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

from datasketch import MinHash, MinHashLSH
from rapidfuzz import fuzz, process

from ..config import DedupeConfig
from ..errors import ConfigError
from ..model import Document, Removal
from ..normalize import fold

__all__ = ["ParagraphDeduper", "DocumentDeduper", "fingerprint"]

# Fixed so that cached fingerprints stay comparable across datasketch upgrades.
_SCHEME = "affine32"


def fingerprint(text: str, config: DedupeConfig) -> list[int]:
    """MinHash signature of the word shingles of ``text`` (already folded)."""
    words = text.split()
    k = config.shingle_words
    shingles = {" ".join(words[i:i + k]) for i in range(max(1, len(words) - k + 1))} if words else set()
    m = MinHash(num_perm=config.num_perm, seed=1, scheme=_SCHEME)
    m.update_batch([s.encode("utf-8") for s in sorted(shingles)])
    return [int(v) for v in m.hashvalues]


class ParagraphDeduper:
    """``Doc -> Doc``: see the module docstring."""

    def __init__(self, config: DedupeConfig):
        self.config = config

    def __call__(self, doc: Document) -> Document:
        if doc.status == "error":
            return doc
        cfg = self.config
        fuzzy = len(doc.paragraphs) <= cfg.near_duplicate_max_paragraphs
        seen: dict[str, int] = {}  # folded text -> position in `kept`
        kept = []
        kept_keys: list[str] = []  # folded texts long enough for fuzzy comparison
        kept_at: list[int] = []    # their positions in `kept`
        pending: list[tuple[Removal, int]] = []
        for para in doc.paragraphs:
            key = fold(para.text)
            if key in seen:
                pending.append((Removal(doc.doc_id, para.line, para.text, "duplicate", similarity=100.0), seen[key]))
                continue
            if fuzzy and len(key) >= cfg.near_duplicate_min_chars and kept_keys:
                hit = self._near(key, kept_keys)
                if hit is not None:
                    pos, score = hit
                    pending.append((Removal(doc.doc_id, para.line, para.text, "near_duplicate",
                                            similarity=round(score, 1)), kept_at[pos]))
                    continue
            seen[key] = len(kept)
            if len(key) >= cfg.near_duplicate_min_chars:
                kept_keys.append(key)
                kept_at.append(len(kept))
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
        doc.fingerprint = fingerprint(fold(doc.text()), cfg)
        return doc

    def _near(self, key: str, kept_keys: list[str]) -> tuple[int, float] | None:
        cfg = self.config
        best = process.extractOne(key, kept_keys, scorer=fuzz.ratio, score_cutoff=cfg.near_duplicate_ratio)
        if best is not None:
            return best[2], best[1]
        # A truncated copy: the whole of `key` appears (almost) verbatim inside a longer kept paragraph.
        longer = [i for i, k in enumerate(kept_keys) if len(k) > len(key)]
        if not longer:
            return None
        best = process.extractOne(key, [kept_keys[i] for i in longer], scorer=fuzz.partial_ratio,
                                  score_cutoff=cfg.contained_ratio)
        if best is not None:
            return longer[best[2]], best[1]
        return None


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

    def __call__(self, doc: Document) -> Document:
        if doc.status != "ok":
            return doc
        text = fold(doc.text())
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
        if digest in self.exact:
            return self._mark(doc, self.exact[digest])
        m = MinHash(num_perm=self.config.num_perm, seed=1, hashvalues=doc.fingerprint, scheme=_SCHEME)
        if len(text.split()) >= 2 * self.config.shingle_words:
            candidates = [c for c in self.lsh.query(m)
                          if m.jaccard(self.signatures[c]) >= self.config.document_threshold]
            if candidates:
                return self._mark(doc, min(candidates, key=self.order.__getitem__))
            self.lsh.insert(doc.doc_id, m)
            self.signatures[doc.doc_id] = m
        self.exact[digest] = doc.doc_id
        self.order[doc.doc_id] = len(self.order)
        return doc

    @staticmethod
    def _mark(doc: Document, first: str) -> Document:
        doc.status = "duplicate"
        doc.duplicate_of = first
        # Not extracted twice: the first document carries the mentions and events.
        doc.mentions = []
        doc.events = []
        return doc
