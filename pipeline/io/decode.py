"""Bytes to text: the encodings real dumps arrive in.

UTF-8 (with or without BOM), UTF-16 with BOM and cp1258 (Windows Vietnamese) are decoded;
binary data is refused. Legacy Vietnamese font encodings are checked after decoding by
:func:`pipeline.io.decode.legacy_encoding` (see the clean stage).
"""

from __future__ import annotations

import codecs

from ..errors import DocumentError

__all__ = ["decode_bytes"]

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode_bytes(data: bytes, origin: str) -> str:
    """Decode ``data`` or raise DocumentError naming ``origin`` and what to do."""
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
