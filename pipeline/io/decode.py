"""Bytes to text: the encodings real dumps arrive in.

UTF-8 (with or without BOM), UTF-16 with BOM and cp1258 (Windows Vietnamese) are decoded;
binary data is refused; UTF-8 that was once decoded as Windows-1252 ("Viá»‡t") is repaired with
ftfy. Text typed in the legacy Vietnamese font encodings (TCVN3/ABC, VNI) decodes without error
but is not Vietnamese: :func:`legacy_encoding` recognises it and the document is refused with a
reason, since no maintained library converts it reliably — never passed on as mojibake.
"""

from __future__ import annotations

import codecs
import re

import ftfy

from ..errors import DocumentError

__all__ = ["decode_bytes", "repair_text", "legacy_encoding", "html_to_lines"]

# Characters TCVN3 (ABC) text shows once read as a Windows code page; Unicode Vietnamese never has them.
_TCVN3 = re.compile(r"[µ¸¶·¹¨»¾¼½Æ©ÇÊÈÉË®ÌÐÎÏÑªÒÕÓÔÖ×ÝØÜÞß«¬¡¢£¤¥¦§]")
# VNI writes a tone or hat as a separate character after the vowel: "Vieät", "ñaây", "tröôøng".
_VNI = re.compile(r"[aeiouyAEIOUY][øùûõïöäåæëìíîòóô]|ñ[aeiou]|ö[ôôa]")
# Letters only Unicode Vietnamese has (ă, đ, ơ, ư and the precomposed tone letters).
_VIETNAMESE = re.compile(r"[ăâđêôơưĂÂĐÊÔƠƯ\u1ea0-\u1ef9]")
_BLOCK_TAGS = re.compile(r"(?i)<\s*(?:br|/p|p|/div|div|/li|li|/h[1-6]|h[1-6]|tr|/tr)\b[^<>]{0,500}>")
_TAGS = re.compile(r"<\s*/?\s*[a-zA-Z][a-zA-Z0-9]*\b[^<>]{0,500}>|<!--.*?-->", re.DOTALL)


def legacy_encoding(text: str) -> str | None:
    """"TCVN3" or "VNI" when ``text`` reads as a legacy font encoding, else None."""
    sample = text[:20000]
    # The Vietnamese letters are counted only when a legacy encoding has enough of its marks to
    # be weighed against them: listing every letter of every article was most of this check.
    vietnamese = None
    tcvn3 = len(_TCVN3.findall(sample))
    if tcvn3 >= 3:
        vietnamese = len(_VIETNAMESE.findall(sample))
        if tcvn3 > 2 * vietnamese:
            return "TCVN3"
    vni = len(_VNI.findall(sample))
    if vni >= 5:
        if vietnamese is None:
            vietnamese = len(_VIETNAMESE.findall(sample))
        if vni > 2 * vietnamese:
            return "VNI"
    return None


def html_to_lines(text: str) -> list[str]:
    """Paragraph lines of a text that may hold HTML: block tags break lines, other tags go."""
    return numbered_lines(text, 1)[0]


# Marks the start of each input line while HTML is taken apart, so every paragraph line keeps the
# number of the input line it came from (private-use characters: never in article text).
_MARK = "\ue000"
_MARK_END = "\ue001"


def numbered_lines(text: str, first: int) -> tuple[list[str], list[int]]:
    """``html_to_lines`` with each line's 1-based number in the input (``first`` = the number of
    the text's first line). Lines that a block tag splits off keep the number of their input line."""
    raw = text.split("\n")
    if not ("<" in text and ">" in text):
        kept = [(line, first + k) for k, line in enumerate(raw) if line.strip()]
        lines = [piece for line, _ in kept for piece in line.splitlines() if piece.strip()]
        if len(lines) == len(kept):
            return lines, [n for _, n in kept]
    marked = "\n".join(f"{_MARK}{first + k}{_MARK_END}{line}" for k, line in enumerate(raw))
    if "<" in text and ">" in text:
        marked = _TAGS.sub("", _BLOCK_TAGS.sub("\n", marked))
    lines: list[str] = []
    numbers: list[int] = []
    current = first
    for line in marked.splitlines():
        while line.startswith(_MARK) and _MARK_END in line:
            end = line.index(_MARK_END)
            current = int(line[1:end])
            line = line[end + 1:]
        line = line.replace(_MARK, "").replace(_MARK_END, "")
        if line.strip():
            lines.append(line)
            numbers.append(current)
    return lines, numbers

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def repair_text(text: str, origin: str) -> str:
    """Undo mojibake; refuse legacy-font text with a DocumentError that says what to do."""
    if ftfy.is_bad(text):
        text = ftfy.fix_encoding(text)
    legacy = legacy_encoding(text)
    if legacy is not None:
        raise DocumentError(
            f"{origin}: legacy encoding: {legacy} font text, not Unicode; convert it to Unicode "
            "(e.g. UniKey's converter) and run again")
    return text


def decode_bytes(data: bytes, origin: str) -> str:
    """Bytes to str by BOM, UTF-8, then cp1258; binary data is refused."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise DocumentError(f"{origin}: broken {encoding} text ({exc.reason}); re-export as UTF-8") from None
    if b"\x00" in data:
        raise DocumentError(f"{origin}: binary data, not text; remove it from the dump")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        # cp1258 keeps Vietnamese letters as base letter + combining tone; NFC later composes them.
        return data.decode("cp1258")
    except UnicodeDecodeError as exc:
        raise DocumentError(
            f"{origin}: neither UTF-8 nor cp1258 text (byte {data[exc.start]:#x} at {exc.start}); re-export as UTF-8"
        ) from None
