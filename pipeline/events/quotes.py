"""Quotations of a paragraph: the one reading of where what someone said stands.

Every rule that asks "is this offset inside a quotation?" across sentences asks ``quoted_spans``
(through ``in_quotation`` or ``quoted_apart``): who is named there is quoted, not speaking; a date
there is what was said, not when anything reported happened; words of an occasion there place
nothing. Three readings of their own (the parity of the marks between two offsets, the last
straight mark before an offset, straight marks paired by their sides) had drifted apart.
"""

from __future__ import annotations

import re

# Every quotation mark: curly double and single, guillemets and the straight double mark. (The
# straight single mark is left out: it is an apostrophe far more often, "O'Brien", 5'.)
_MARKS = re.compile("[\"\u201c\u201d\u00ab\u00bb\u2018\u2019]")
_STRAIGHT = '"'
# The closing mark of each opening one: an opening curly mark or guillemet opens whatever stands around it.
_CLOSING = {"\u201c": "\u201d", "\u00ab": "\u00bb", "\u2018": "\u2019", _STRAIGHT: _STRAIGHT}
# Marks that close a quotation of the other kind when none of their own is open: a crawl may close
# with a curly mark what it opened with a straight one ('"Xin khẳng định, …” - ông Dục trình bày') and
# the other way round.
_CLOSES_TOO = {"\u201d": _STRAIGHT, _STRAIGHT: "\u201c"}
_SHAPED_CLOSERS = "\u201d\u00bb"
# What stands before a straight (or single curly) mark that opens a quotation besides a space or the
# paragraph's start, and after one that closes it besides a space or the paragraph's end.
_QUOTE_OPENERS = "(:[—–-"
_QUOTE_CLOSERS = ",.;:!?)]…"


def _role(text: str, k: int) -> str:
    """"open", "close" or "" (no quotation mark here) for the mark at ``k``: a curly double mark and a
    guillemet by their shape; a straight mark by the sides it stands on (one typed inside a word, '5"x',
    is no opening one, and closes a straight quotation left open); a single curly mark by its shape, where
    its side allows it (an opening one after a space, a closing one not before a letter)."""
    mark = text[k]
    if mark in "\u201c\u00ab":
        return "open"
    if mark in "\u201d\u00bb":
        return "close"
    left = text[k - 1] if k else " "
    right = text[k + 1] if k + 1 < len(text) else " "
    free_left = left.isspace() or left in _QUOTE_OPENERS
    free_right = right.isspace() or right in _QUOTE_CLOSERS
    if mark == "\u2018":
        return "open" if free_left else ""
    if mark == "\u2019":  # before a letter it is an apostrophe: "O’Brien", "Tim’s"
        return "close" if free_right else ""
    if free_left and not free_right:
        return "open"
    # a straight mark typed inside a word is a slip of the crawl: it closes what a straight mark opened
    return "close"


def _opens_speech(text: str, k: int) -> bool:
    """A mark at ``k`` opens reported speech: it stands first in its paragraph or after a colon."""
    head = text[:k].rstrip()
    return not head or head.endswith(":")


def quoted_spans(text: str, held_from: int = 0) -> list[tuple[int, int]]:
    """The quoted stretches of a paragraph, each from its opening mark to just after its closing one.

    A quotation inside another is a span inside its span. A straight closing mark pairs with the innermost
    open straight mark; a curly or angled one closes every open mark of its kind, as the old readings did
    (the last “ before an offset against the last ”): a writer closes a quotation quoted inside a quotation
    once. A straight mark or a closing curly one pairs with a mark of the other kind when none of its own
    is open; a closing mark with nothing open pairs with nothing (the end of a quotation opened in the
    paragraph before, a typing slip), and so do the marks left open inside a quotation that closes. A straight mark opening while a straight quotation is open nests in it ('"… trả
    một phần "món nợ" mà …", ông Dũng nói'). A mark never closed runs to the paragraph's end only where it
    opens reported speech (first in its paragraph, or after a colon), as a quotation of several paragraphs
    does; elsewhere it is a stray mark (a slip: 'A "lỡ tay B nói "x y" rồi') and quotes nothing. Such a
    quotation counts only when it opens at or after ``held_from`` (a caller that will not let a quotation
    nobody closed reach past the sentence it opens in gives that sentence's start)."""
    spans: list[tuple[int, int]] = []
    opened: list[tuple[str, int]] = []  # (the mark that closes it, offset), innermost last
    for m in _MARKS.finditer(text):
        k, mark = m.start(), m.group()
        role = _role(text, k)
        if role == "open":
            opened.append((_CLOSING[mark], k))
            continue
        if role != "close":
            continue
        own = [j for j, (closing, _) in enumerate(opened) if closing == mark]
        if not own and mark in _CLOSES_TOO:
            own = [j for j, (closing, _) in enumerate(opened) if closing == _CLOSING[_CLOSES_TOO[mark]]]
        if not own:
            continue
        # a curly or angled closing mark closes every quotation of its kind still open (a writer closes
        # '“… nói rõ: “Ngày 8/1 … nhà giáo”. Cô Tân chia sẻ thêm: …' once), a straight one the innermost
        j = own[0] if mark in _SHAPED_CLOSERS else own[-1]
        spans += [(opened[i][1], k + 1) for i in own if i >= j]
        del opened[j:]
    spans += [(k, len(text)) for _, k in opened if k >= held_from and _opens_speech(text, k)]
    return sorted(spans)


def in_quotation(text: str, at: int, spans: list[tuple[int, int]] | None = None) -> bool:
    """Is offset ``at`` of paragraph ``text`` inside a quotation (``quoted_spans``, or ``spans`` when the
    caller has them)?"""
    return any(a < at < b for a, b in (quoted_spans(text) if spans is None else spans))


def quoted_apart(spans: list[tuple[int, int]], at: int, anchor: int) -> bool:
    """Is ``at`` inside a quotation that ``anchor`` is outside of, or the other way round? A word of the
    sentence read against its trigger: both inside one quotation, or both outside, they belong together."""
    return any((a < at < b) != (a < anchor < b) for a, b in spans)
