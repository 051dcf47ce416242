"""The numbers of running text: amounts with their unit, percentages and percentage points.

One parser for every text check: ``1,234.56万元``, ``1234.56 万元``, ``0.5亿元``, ``12.3%``,
``12.3％`` and ``1.2个百分点`` are read with their exact value as printed (thousands separators
dropped). Full-width digits are the reader's business: the narrative is normalised before.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterator
from decimal import Decimal
from typing import Optional

import attrs

from ..vocabulary import NUMBER

AMOUNT = re.compile(rf"(?P<number>{NUMBER})\s*(?P<unit>亿元|万元|元)")
PERCENT = re.compile(rf"(?P<number>{NUMBER})\s*(?P<unit>[%％]|个百分点)")
_ANY = re.compile(rf"(?P<number>{NUMBER})\s*(?P<unit>亿元|万元|元|[%％]|个百分点)")

YUAN = {"亿元": Decimal(100000000), "万元": Decimal(10000), "元": Decimal(1)}


def read_number(printed: str) -> Decimal:
    """The exact value of a number as printed (``1,234.50`` → ``Decimal("1234.50")``)."""
    return Decimal(printed.replace(",", ""))


@attrs.frozen
class Number:
    """A number of the text with its unit (亿元, 万元, 元, ``%`` or 个百分点) and where it stands."""

    number: str
    unit: str
    value: Decimal
    start: int
    end: int

    @property
    def kind(self) -> str:
        """``amount``, ``percent`` or ``points``."""
        if self.unit in YUAN:
            return "amount"
        return "points" if self.unit == "个百分点" else "percent"

    @property
    def printed(self) -> str:
        """The number and unit as printed, without white space (``2407.03万元``, ``4.8%``)."""
        return f"{self.number}{'%' if self.unit == '％' else self.unit}"

    def half_unit(self) -> Decimal:
        """Half a unit of the last printed digit (0.005 for ``2407.03``): what rounding may hide."""
        return half_unit(self.value)

    def in_yuan(self) -> Decimal:
        """An amount's value in 元."""
        return self.value * YUAN[self.unit]


def half_unit(value: Decimal) -> Decimal:
    """Half a unit of ``value``'s last digit as printed."""
    exponent = value.as_tuple().exponent
    assert isinstance(exponent, int)
    return Decimal(5).scaleb(exponent - 1)


def has_number(text: str) -> bool:
    """True if ``text`` prints an amount, a percentage or percentage points (:func:`numbers`)."""
    return _ANY.search(text) is not None


def numbers(text: str, start: int = 0, end: int = -1) -> Iterator[Number]:
    """Every amount, percentage and percentage point printed in ``text[start:end]``, in order."""
    stop = len(text) if end < 0 else end
    for found in _ANY.finditer(text, start, stop):
        yield Number(
            number=found["number"],
            unit=found["unit"],
            value=read_number(found["number"]),
            start=found.start(),
            end=found.end(),
        )


@functools.lru_cache(maxsize=256)
def _ends(text: str) -> tuple[int, ...]:
    """Where each of :func:`numbers` of the whole ``text`` ends, in order."""
    return tuple(found.end() for found in _ANY.finditer(text))


def last_number_end(text: str, start: int, end: int) -> Optional[int]:
    """Where the last number of ``text`` ending after ``start`` and by ``end`` ends, None if none
    does: found by bisection, as a look back from every figure of a long clause would be quadratic."""
    ends = _ends(text)
    index = bisect.bisect_right(ends, end)
    return ends[index - 1] if index and ends[index - 1] > start else None
