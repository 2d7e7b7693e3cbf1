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

__all__ = ["normalize_text", "fold", "TONE_CONVENTION"]

TONE_CONVENTION = "traditional (hòa, thỏa, thủy)"

# Combining tone marks (after NFD): grave, acute, hook above, tilde, dot below.
_TONES = "\u0300\u0301\u0309\u0303\u0323"

# Invisible characters that only ever break words apart or glue them together.
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e"), None)
# Every other kind of space becomes a plain space before runs are collapsed.
_SPACES = re.compile(r"[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\t\x0b\x0c]")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_RUNS = re.compile(r" {2,}")
# "TN&;MT": a CMS that escaped "&" and lost the entity name on the way.
_MANGLED_ENTITY = re.compile(r"&;")
# The eth that legacy fonts use for "Đ".
_LOOKALIKES = str.maketrans({"\u00d0": "\u0110", "\u00f0": "\u0111"})

# New placement: tone on the second vowel of an open oa/oe/uy syllable -> move it to the first.
# Works on NFD text: vowel, vowel, tone, then no letter (end of syllable).
_OPEN_SYLLABLE = re.compile(
    r"(?<![qQ])([oOuU])([aAeEyY])([" + _TONES + r"])(?![^\W\d_])"
)


def _retone(nfd: str) -> str:
    def move(m: re.Match[str]) -> str:
        first, second, tone = m.group(1), m.group(2), m.group(3)
        # "uy" is only a rising diphthong when "u" is a vowel: "uya" etc. never end a syllable here.
        if first in "uU" and second not in "yY":
            return m.group(0)
        if first in "oO" and second in "yY":
            return m.group(0)
        return first + tone + second

    return _OPEN_SYLLABLE.sub(move, nfd)


def normalize_text(text: str) -> str:
    """Return ``text`` in vnews normal form.

    HTML entities are decoded (also the mangled ``&;``), the text is NFC with the
    traditional tone placement, invisible characters are removed, every kind of space
    is a single ASCII space and the ends are stripped.  Idempotent.  Newlines are kept
    (a paragraph never contains one after ingest; gazetteer names never do).
    """
    if not text:
        return ""
    if "&" in text:
        text = html.unescape(_MANGLED_ENTITY.sub("&", text))
    text = text.translate(_INVISIBLE).translate(_LOOKALIKES)
    text = _CONTROL.sub("", text)
    text = _SPACES.sub(" ", text)
    text = unicodedata.normalize("NFD", text)
    text = _retone(text)
    text = unicodedata.normalize("NFC", text)
    text = "\n".join(_RUNS.sub(" ", line).strip() for line in text.split("\n"))
    return text.strip()


def fold(text: str) -> str:
    """A comparison key: normal form, case folded, whitespace runs collapsed.

    Used where two forms count as the same name whatever their case or tone placement
    (evaluation, alias lookups).  Not for display.
    """
    return " ".join(normalize_text(text).casefold().split())
