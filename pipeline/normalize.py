"""The one text normaliser of vnews.

Every string that is compared with another one goes through :func:`normalize_text`:
article text in the clean stage, gazetteer names when they are loaded and linted, gold
annotations in the evaluation, and the tests.  A second normaliser anywhere else would let
two spellings of one name drift apart.

Tone placement: vnews writes the *traditional* placement ("hòa", "thỏa", "thủy", "khỏe"),
with the tone mark on the first vowel of an open ``oa``/``oe``/``uy`` syllable.  It is what
Vietnamese news outlets (and so the corpora underthesea's models were trained on) use most,
so it changes the fewest characters of real articles; the "new" placement ("hoà", "thoả",
"thuỷ") is rewritten to it.  Closed syllables ("hoàn", "thuyết") are the same in both
conventions and are left alone, as is "qu" + vowel ("quý", "quả") where "u" is part of the
consonant.
"""

from __future__ import annotations

import html
import re
import unicodedata

__all__ = ["normalize_text", "fold", "has_tone", "strip_tones", "tone_count", "TONE_CONVENTION", "ETH_LOOKALIKES"]

TONE_CONVENTION = "traditional (hòa, thỏa, thủy)"

# Combining tone marks (after NFD): grave, acute, hook above, tilde, dot below.
_TONES = "\u0300\u0301\u0309\u0303\u0323"

# Invisible format characters (Unicode category Cf: zero-width spaces and joiners, the soft
# hyphen, bidi embeddings, overrides and isolates such as U+202E and U+2066, the BOM): they only
# ever break words apart, glue them together or reorder their display, so "Nguyễn\u202e Xuân
# Phúc" must compare equal to "Nguyễn Xuân Phúc". The list is in tests/golden/normalize_changes.tsv.
_INVISIBLE = dict.fromkeys(
    (c for c in range(0x110000) if unicodedata.category(chr(c)) == "Cf"), None)
# Every other kind of space (and the Unicode line/paragraph separators, which must not split a
# paragraph after ingest) becomes a plain space before runs are collapsed.
_SPACES = re.compile(r"[\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\t\x0b\x0c]")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_RUNS = re.compile(r" {2,}")
# "TN&;MT": a CMS that escaped "&" and lost the entity name on the way.
_MANGLED_ENTITY = re.compile(r"&;")
# The eth that legacy fonts and some CMSs use for "Đ" ("ÐBSCL", "Ðà Nẵng"). Only at the start of
# a word, where Vietnamese writes "đ": inside a word it is a real eth ("Sigurður").
_LOOKALIKE_ETH = re.compile(r"(?<![^\W\d_])[\u00d0\u00f0]")
ETH_LOOKALIKES = {"\u00d0": "\u0110", "\u00f0": "\u0111"}

# New placement: the tone on the second vowel of an open oa/oe/uy syllable ("hoà", "khoẻ",
# "thuỷ"). Matched on NFC text, where a toned vowel is one character: "ặ" (a with breve and dot
# below) is not a toned plain "a", so "hoặc" and "ngoặc" can never match. The second vowel must
# end the word; the letters before "o"/"u" must be a Vietnamese initial consonant (checked in
# _retone), which leaves "qu" + vowel ("quả", "quý") alone because there "u" is the consonant.
_NEW_PLACEMENT = re.compile(r"([oOuU])([àáảãạèéẻẽẹỳýỷỹỵÀÁẢÃẠÈÉẺẼẸỲÝỶỸỴ])(?![^\W\d_])")
_INITIALS = frozenset(
    "b c ch d đ g gh gi h k kh l m n ng ngh nh p ph r s t th tr v x".split()) | {""}
_LONGEST_INITIAL = 3


def _retone(nfc: str) -> str:
    def move(m: re.Match[str]) -> str:
        first, second = m.group(1), m.group(2)
        pair = (first + unicodedata.normalize("NFD", second)[0]).lower()
        if pair not in ("oa", "oe", "uy"):
            return m.group(0)
        begin = m.start(1)
        while begin > 0 and m.string[begin - 1].isalpha() and m.start(1) - begin <= _LONGEST_INITIAL:
            begin -= 1
        if m.string[begin:m.start(1)].lower() not in _INITIALS:
            return m.group(0)  # "quả", a longer word, or a letter run that is no Vietnamese syllable
        decomposed = unicodedata.normalize("NFD", second)
        base, tone = decomposed[0], decomposed[1:]
        return unicodedata.normalize("NFC", first + tone) + base

    return _NEW_PLACEMENT.sub(move, nfc)


def traditional_tone_placement(text: str) -> str:
    """``text`` (NFC) with the traditional tone placement ("thủy", "hòa") only: what normalize_text does to
    tones, without its other steps, for words that are already clean (a dictionary's)."""
    return _retone(unicodedata.normalize("NFC", text))


def normalize_text(text: str) -> str:
    """Return ``text`` in vnews normal form.

    HTML entities are decoded (also the mangled ``&;``), the text is NFC with the
    traditional tone placement, invisible characters are removed, every kind of space
    is a single ASCII space and the ends are stripped.  Idempotent.  Newlines are kept
    (a paragraph never contains one after ingest; gazetteer names never do).

    Entities are decoded to a fixed point: a pass can leave an entity behind ("&amp;amp;" is
    "&amp;" after one, a text escaped twice by its CMS; "&\x1f;" is "&;" once its control
    character is gone), and the next pass would decode it, so the result would not be normal
    form. Decoding until nothing changes makes every result a fixed point ("&amp;amp;" is "&",
    what the twice-escaped text meant); text with no such leftover takes one pass, as before.
    """
    normal = _normalize_once(text)
    # Only an "&" can make a pass's result change again (every other step of a pass is idempotent), and
    # a pass that changes it decodes an entity, which shortens the text: this ends.
    while "&" in normal:
        again = _normalize_once(normal)
        if again == normal:
            break
        normal = again
    return normal


def _normalize_once(text: str) -> str:
    """One pass of ``normalize_text``: each entity decoded once."""
    if not text:
        return ""
    if "&" in text:
        text = html.unescape(_MANGLED_ENTITY.sub("&", text))
    # ASCII text has no invisible format character, no look-alike letter, nothing to compose and
    # no tone mark to move: only its control characters and spaces need work (URLs, English names).
    ascii_only = text.isascii()
    if not ascii_only:
        # str.translate walks every character through the table; a printable text has none of
        # them (no format character is printable), and most lines of news are printable.
        if not text.isprintable():
            text = text.translate(_INVISIBLE)
        if "\u00d0" in text or "\u00f0" in text:
            text = _LOOKALIKE_ETH.sub(lambda m: ETH_LOOKALIKES[m.group()], text)
    text = _CONTROL.sub("", text)
    text = _SPACES.sub(" ", text)
    if not ascii_only:
        text = _retone(unicodedata.normalize("NFC", text))
    text = "\n".join(_RUNS.sub(" ", line).strip() for line in text.split("\n"))
    return text.strip()


def fold(text: str) -> str:
    """A comparison key: normal form, case folded, whitespace runs collapsed.

    Used where two forms count as the same name whatever their case or tone placement
    (evaluation, alias lookups).  Not for display.
    """
    return fold_normalised(normalize_text(text))


def fold_normalised(normal: str) -> str:
    """``fold`` of a text that is already ``normalize_text``'s result (its second half)."""
    return " ".join(normal.casefold().split())


# the one Vietnamese letter NFD leaves whole (d with stroke, both cases) -> its bare letter
_STROKED_D = {0x111: "d", 0x110: "D"}


def has_tone(text: str) -> bool:
    """Whether ``text`` carries a tone mark (grave, acute, hook above, tilde, dot below): "Á" does, an
    initial ("H", "Đ", "Ô") never does."""
    return any(ch in _TONES for ch in unicodedata.normalize("NFD", text))


def strip_tones(text: str) -> str:
    """``text`` without the five tone marks, vowel marks and "đ" kept, NFC ("Nguyễn" -> "Nguyên"): the
    spelling a syllable's shape is checked on, and the key that tells a retoned word from a changed one."""
    return unicodedata.normalize("NFC", "".join(ch for ch in unicodedata.normalize("NFD", text) if ch not in _TONES))


def tone_count(text: str) -> int:
    """How many tone marks ``text`` carries (a Vietnamese syllable has at most one)."""
    return sum(ch in _TONES for ch in unicodedata.normalize("NFD", text))


def unmarked(word: str) -> str:
    """``word`` without its tone and vowel marks and with a bare d ("Cường" -> "Cuong"): the letters a
    pattern of syllable shapes is written in. Not a comparison key (``fold`` is) nor for display."""
    return "".join(ch for ch in unicodedata.normalize("NFD", word) if not unicodedata.combining(ch)).translate(_STROKED_D)
