"""Audits over real text: what the normaliser changes, and what cleaning keeps or removes.

Used by ``make audit`` (``scripts/audit.py``) and by the tests that hold the committed golden
files to what the code does on the bench corpora. Nothing here runs during an extraction.
"""

from __future__ import annotations

import gzip
import json
import random
import re
import unicodedata
from collections.abc import Iterable, Iterator
from pathlib import Path

from .datafiles import load_toml
from .normalize import ETH_LOOKALIKES, normalize_text, strip_tones

__all__ = ["bench_articles", "strip_tones", "normalizer_changes", "format_changes", "sample_articles",
           "boilerplate_audit"]

_LETTER_RUN = re.compile(r"[^\W\d_]+")


def bench_articles(root: str | Path) -> Iterator[tuple[str, str]]:
    """(id, raw text) of every article of the bench corpora under ``root``, in a fixed order."""
    root = Path(root)
    for path in sorted(root.rglob("*")):
        if path.suffix == ".txt" and path.name != "README.md":
            yield path.stem, path.read_text(encoding="utf-8", errors="replace")
        elif path.name.endswith((".jsonl", ".jsonl.gz")):
            opener = gzip.open if path.name.endswith(".gz") else open
            with opener(path, "rt", encoding="utf-8", errors="replace") as fh:
                for line in fh:
                    if line.strip():
                        record = json.loads(line)
                        yield str(record.get("id", "")), f"{record.get('title', '')}\n{record.get('text', '')}"


def sample_articles(root: str | Path, n: int, seed: int) -> list[tuple[str, str]]:
    """A seeded random sample of ``n`` bench articles, half from each corpus file or folder."""
    groups: dict[str, list[tuple[str, str]]] = {}
    for doc_id, text in bench_articles(root):
        groups.setdefault("dantri" if doc_id.startswith("news_") else "other", []).append((doc_id, text))
    rng = random.Random(seed)
    picked: list[tuple[str, str]] = []
    names = sorted(groups)
    for k, name in enumerate(names):
        share = n // len(names) + (1 if k < n % len(names) else 0)
        picked += rng.sample(groups[name], min(share, len(groups[name])))
    return picked


def _same_letters(a: str, b: str) -> bool:
    """Equal once tones are stripped and the word-initial eth read as "đ" (the one lookalike the
    normaliser repairs, listed in the golden file)."""
    return strip_tones(a) == strip_tones(b) or strip_tones(a) == strip_tones(_eth(b))


def _eth(word: str) -> str:
    return ETH_LOOKALIKES.get(word[:1], word[:1]) + word[1:]


def normalizer_changes(texts: Iterable[str]) -> tuple[dict[str, str], list[str]]:
    """Every distinct syllable (letter run) the normaliser changes beyond NFC, and every syllable
    whose letters it would change (must be empty: the normaliser never changes a letter)."""
    syllables: set[str] = set()
    for text in texts:
        syllables.update(_LETTER_RUN.findall(unicodedata.normalize("NFC", text)))
    changed: dict[str, str] = {}
    broken: list[str] = []
    for syllable in syllables:
        out = normalize_text(syllable)
        if out == syllable:
            continue
        if not _same_letters(out, syllable):
            broken.append(syllable)
        else:
            changed[syllable] = out
    return dict(sorted(changed.items())), sorted(broken)


def format_changes(changed: dict[str, str]) -> str:
    """The golden file: the invisible characters removed, then every syllable retoned."""
    lines = ["# What vnews' normaliser changes beyond NFC (tests/test_normalize.py holds the code to it).",
             "# kind\tinput\toutput\tnote"]
    for code in range(0x110000):
        if unicodedata.category(chr(code)) == "Cf":
            lines.append(f"removed\tU+{code:04X}\t\t{unicodedata.name(chr(code), 'unnamed')}")
    lines += [f"{'lookalike' if a[:1] in 'Ðð' else 'retoned'}\t{a}\t{b}\t" for a, b in changed.items()]
    return "\n".join(lines) + "\n"


# -- the boilerplate audit --------------------------------------------------------------------------

_SENTENCES = re.compile(r"(?<=[.!?…])\s+")


def _load_audit_rules() -> tuple[list[re.Pattern[str]], int]:
    data = load_toml("furniture.toml", what="furniture rules")[0]
    audit = data["audit"]
    return [re.compile(p, re.IGNORECASE) for p in audit["probes"]], int(audit["content_min_words"])


def boilerplate_audit(articles: Iterable[tuple[str, str]]) -> dict:
    """Clean ``articles`` (id, raw text: `# key = value` headers or a headline line then the body)
    and list every surviving sentence that matches a furniture probe and every removed line that
    reads like content. Returns counts and the listings."""
    from .config import load_config
    from .io.readers import parse_txt
    from .model import Document
    from .stages.clean import Cleaner, FurnitureRules

    cleaner = Cleaner(FurnitureRules.load(), load_config().clean)
    probes, min_words = _load_audit_rules()
    surviving: list[tuple[str, int, str]] = []
    content: list[tuple[str, int, str, str]] = []
    n = 0
    for doc_id, raw in articles:
        n += 1
        doc = cleaner(parse_txt(raw, Document(doc_id=doc_id, origin=doc_id)))
        for p in doc.paragraphs:
            for sentence in _SENTENCES.split(p.text):
                if any(probe.search(sentence) for probe in probes):
                    surviving.append((doc_id, p.line, sentence[:200]))
        for r in doc.removed:
            words = r.text.split()
            if r.reason in ("boilerplate", "metadata") and len(words) >= min_words \
                    and re.search(r"[.!?…]\s*$|[.!?…]\s", r.text) and not any(pr.search(r.text) for pr in probes):
                content.append((doc_id, r.paragraph, r.rule, r.text[:200]))
    return {"articles": n, "surviving": surviving, "content_removed": content,
            "surviving_per_100": round(100 * len(surviving) / max(n, 1), 2)}
