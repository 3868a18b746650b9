"""Amounts of money and dates in French news text: "500 millions de dollars", "300 à 500 millions de dollars",
"12 M€", "en février 2009". Multipliers, currencies and month names come from ``ontology/cues/amounts.toml``."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import cache

from kg.extract.cues import amount_cues, fold

NUMBER = r"\d+(?:[  .]\d{3})*(?:,\d+)?"


@dataclass(frozen=True)
class Amount:
    value: Decimal
    max_value: Decimal | None
    currency: str
    start: int
    end: int


@cache
def _amount_regex() -> re.Pattern[str]:
    table = amount_cues()
    mult = "|".join(sorted((re.escape(k) for k in table["multipliers"]), key=len, reverse=True))
    curr = "|".join(sorted((re.escape(k) for k in table["currencies"]), key=len, reverse=True))
    return re.compile(
        rf"(?P<low>{NUMBER})\s*(?:(?:à|-|–)\s*(?P<high>{NUMBER})\s*)?(?P<mult>(?:{mult})\b)?\s*"
        rf"(?:de\s+|d['’]\s*)?(?P<cur>(?:{curr})(?![\w]))",
        re.I,
    )


def _number(text: str) -> Decimal:
    return Decimal(re.sub(r"[  .]", "", text).replace(",", "."))


def find_amounts(text: str) -> list[Amount]:
    """Every amount with a currency in ``text``, with its offsets."""
    table = amount_cues()
    out = []
    for m in _amount_regex().finditer(text):
        factor = Decimal(str(table["multipliers"].get(fold(m.group("mult") or ""), 1)))
        low = _number(m.group("low")) * factor
        high = _number(m.group("high")) * factor if m.group("high") else None
        out.append(Amount(low, high, table["currencies"][fold(m.group("cur"))], m.start(), m.end()))
    return out


@cache
def _date_regex() -> re.Pattern[str]:
    months = "|".join(amount_cues()["months"])
    return re.compile(rf"\b(?:(?P<day>\d{{1,2}})(?:er)?\s+)?(?:(?P<month>{months})\s+)?(?P<year>(?:19|20)\d{{2}})\b",
                      re.I)


def find_date(text: str) -> str:
    """The first date in ``text`` as ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; "" if none."""
    months = amount_cues()["months"]
    m = _date_regex().search(text)
    if not m:
        return ""
    year = m.group("year")
    if not m.group("month"):
        return year
    month = int(months[m.group("month").lower()])
    if m.group("day"):
        return f"{year}-{month:02d}-{int(m.group('day')):02d}"
    return f"{year}-{month:02d}"
