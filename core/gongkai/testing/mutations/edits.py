"""Where the narrative prints a claim, and what replaces it there: the line and column of a
figure or word, a sentence's end, and a figure or percentage clearly not the one printed."""

from __future__ import annotations

import bisect
import random
import re
from decimal import Decimal
from typing import Optional

from ...checks.statements import Paragraph
from ...schema import Document, Provenance

_AMOUNT_UNIT = r"\s*(?:亿元|万元|元)"


def line_of(document: Document, provenance: Provenance, printed: str) -> Optional[int]:
    """The narrative line printed at ``provenance`` that holds ``printed`` whole."""
    for index, line in enumerate(document.narrative):
        if line.provenance == provenance and printed in line.text.replace(" ", ""):
            return index
    return None


def printed_at(document: Document, paragraph: Paragraph, offset: int) -> Optional[tuple[int, int]]:
    """The narrative line and the column in it where ``paragraph``'s character ``offset`` was printed."""
    line = bisect.bisect_right(paragraph.starts, offset) - 1
    printed = paragraph.lines[line]
    index = next((i for i, candidate in enumerate(document.narrative) if candidate is printed), None)
    return None if index is None else (index, offset - paragraph.starts[line])


def replace_at(text: str, column: int, number: str, new: str) -> Optional[str]:
    """``text`` with ``number``, printed at ``column``, replaced by ``new``; None if it is not there."""
    if text[column : column + len(number)] != number:
        return None
    return text[:column] + new + text[column + len(number) :]


def replace_number(text: str, number: str, new: str, unit: str = _AMOUNT_UNIT) -> Optional[str]:
    """``text`` with the printed ``number`` (spaces inside it allowed) followed by ``unit``
    replaced once by ``new`` (the unit kept)."""
    pattern = r"\s*".join(re.escape(char) for char in number)
    found = re.search(rf"(?<![\d.,])({pattern})(?=\d*(?:{unit}))(?![\d.])", text)
    return None if found is None else text[: found.start()] + new + text[found.end() :]


def shifted(value: Decimal, rng: random.Random) -> str:
    """A figure clearly not ``value``: at least 1 and about a tenth off, printed to two decimals."""
    delta = max(Decimal(1), abs(value) / 10) + Decimal(rng.randint(1, 99)) / 100
    changed = value + delta if rng.random() < 0.5 or value - delta <= 0 else value - delta
    return f"{changed.quantize(Decimal('0.01'))}"


def wrong_percent(value: Decimal, rng: random.Random) -> str:
    """A percentage clearly not ``value``: 3 to 9 points off, within 0 to 100 where it can be."""
    delta = Decimal(rng.randint(300, 900)) / 100
    changed = value + delta if value + delta <= 100 or value - delta < 0 else value - delta
    return f"{changed.quantize(Decimal('0.01'))}"


def sentence_end(document: Document, index: int) -> Optional[int]:
    """The line, from narrative line ``index`` on, that ends the sentence begun there."""
    for at in range(index, len(document.narrative)):
        if document.narrative[at].text.rstrip().endswith("。"):
            return at
    return None


def sentence_slot(document: Document) -> Optional[int]:
    """A narrative line that ends a sentence, after which a sentence may be added."""
    ends = [i for i, line in enumerate(document.narrative) if line.text.rstrip().endswith("。")]
    return ends[len(ends) // 2] if ends else None
