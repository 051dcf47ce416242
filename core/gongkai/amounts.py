"""Reading printed amounts into exact decimals without altering what was printed."""

from __future__ import annotations

import functools
from decimal import Decimal
from typing import Optional

from .schema import Cell, CellStatus, Provenance
from .vocabulary import AMOUNT

# Dashes printed for "not applicable" in 决算/预算 tables (hyphen, en/em dash, full-width forms).
NOT_APPLICABLE_MARKS = frozenset({"-", "—", "–", "－", "──", "——", "/", "／", "…"})

_FULLWIDTH = str.maketrans("０１２３４５６７８９，．－", "0123456789,.-")


@functools.lru_cache(maxsize=65536)  # a table's cells are read by several passes
def normalise_number_text(raw: str) -> str:
    """The printed text with full-width digits and separators made ASCII and spaces removed."""
    return "".join(raw.translate(_FULLWIDTH).split())


def looks_like_amount(raw: str) -> bool:
    """True if ``raw`` is a printed number (thousands separators allowed) or a not-applicable mark."""
    text = normalise_number_text(raw)
    return bool(AMOUNT.match(text)) or text in NOT_APPLICABLE_MARKS


def parse_amount(raw: str) -> tuple[CellStatus, Optional[Decimal]]:
    """Classify a printed amount: (VALUE, Decimal), (BLANK, None) or (NOT_APPLICABLE, None).

    Raises ValueError when the text is not an amount at all.
    """
    text = normalise_number_text(raw)
    if not text:
        return CellStatus.BLANK, None
    if text in NOT_APPLICABLE_MARKS:
        return CellStatus.NOT_APPLICABLE, None
    if not AMOUNT.match(text):
        raise ValueError(f"not an amount: {raw!r}")
    return CellStatus.VALUE, Decimal(text.replace(",", "").lstrip("+"))


def amount_text(value: Decimal) -> str:
    """``value`` as plain digits with the printed precision, never in exponent form (``0E-7``)."""
    return format(value, "f")


def make_cell(column: str, raw: str, provenance: Provenance, header: tuple[str, ...] = ()) -> Cell:
    """A cell for ``raw`` printed under ``column`` (and ``header``); ``raw`` must be blank, a
    number or a dash."""
    status, value = parse_amount(raw)
    return Cell(column=column, status=status, raw=raw.strip(), value=value, provenance=provenance, header=header)
