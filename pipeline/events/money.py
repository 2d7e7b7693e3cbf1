"""Money amounts for FUNDING: "3 triệu USD", "15,5 triệu USD", "USD 5 million"."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation


@dataclass(frozen=True, slots=True)
class Money:
    """Money expressions: "3 triệu USD", "15,5 triệu USD", "2 tỷ đồng", "USD 5 million"."""

    vietnamese: re.Pattern[str]  # number, scale, currency
    english: re.Pattern[str]  # currency, number, scale
    scales: dict[str, Decimal]
    currencies: dict[str, str]  # lower-cased surface form -> ISO code

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, str, str]]:
        """``(start, end, amount, currency)`` of each amount in ``text[start:end]``, left to right."""
        end = len(text) if end is None else end
        found: list[tuple[int, int, str, str]] = []
        for pattern, english in ((self.vietnamese, False), (self.english, True)):
            for m in pattern.finditer(text, start, end):
                if any(m.start() < e and s < m.end() for s, e, _, _ in found):
                    continue
                number = _number(m["num"], english)
                if number is None:
                    continue
                scale = self.scales.get(m["scale"].lower(), Decimal(1)) if m["scale"] else Decimal(1)
                currency = self.currencies.get(m["cur"].lower(), "")
                if currency:
                    found.append((m.start(), m.end(), _plain(number * scale), currency))
        return sorted(found)


def _number(raw: str, english: bool) -> Decimal | None:
    """The value of "1.500", "15,5", "1,500.25": Vietnamese writes "." for thousands and "," for
    decimals, English the other way round; a separator that is not followed by groups of three
    digits can only be the decimal mark."""
    thousands, decimal = (",", ".") if english else (".", ",")
    if "." in raw and "," in raw:
        # Both: the last one is the decimal mark whatever the language.
        last = max(raw.rfind("."), raw.rfind(","))
        decimal = raw[last]
        thousands = "," if decimal == "." else "."
        digits = raw[:last].replace(thousands, "") + "." + raw[last + 1:]
    else:
        sep = "." if "." in raw else "," if "," in raw else ""
        groups = raw.split(sep) if sep else [raw]
        if not sep:
            digits = raw
        elif all(len(g) == 3 for g in groups[1:]) and (sep == thousands or len(groups) > 2):
            digits = "".join(groups)
        elif len(groups) == 2:
            digits = groups[0] + "." + groups[1]
        else:
            return None
    try:
        return Decimal(digits)
    except InvalidOperation:
        return None


def _plain(value: Decimal) -> str:
    """"3000000", "1.5": no exponent, no trailing zeros."""
    if value == value.to_integral_value():
        return str(int(value))
    return format(value.normalize(), "f")

