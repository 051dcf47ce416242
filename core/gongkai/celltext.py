"""What the text of a printed cell or line is: an amount, a whole number that is no code, a table's
body row rather than its header (the readers, segmentation and the table builder ask the same)."""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence

from .amounts import NOT_APPLICABLE_MARKS, looks_like_amount, normalise_number_text
from .canonical import compact
from .codes import is_code
from .vocabulary import DECIMAL_AMOUNT, LEVEL_ONE, LEVEL_TWO

TOTAL_LABELS = frozenset({"合计", "总计", "小计", "本年合计"})
#: Words that print only in a table's header.
HEADER_WORDS = frozenset(
    {"项目", "类", "款", "项", "栏次", "行次", "收入", "支出", "金额", "科目编码", "科目代码", "科目名称"}
)


@functools.lru_cache(maxsize=65536)
def is_amount_text(text: str) -> bool:
    """True for a printed decimal amount or a not-applicable dash (integers are ambiguous)."""
    text = normalise_number_text(text)
    return bool(DECIMAL_AMOUNT.match(text)) or text in NOT_APPLICABLE_MARKS


@functools.lru_cache(maxsize=65536)
def is_integer_amount(text: str) -> bool:
    """True for a printed whole number that cannot be a classification code (``0``, ``12``)."""
    text = normalise_number_text(text)
    return text.isdigit() and not is_code(text)


def _starts_a_row(first: str, rest: Sequence[str]) -> bool:
    """True if a line whose first cell is ``first`` is a body row whatever else it prints: an
    enumerated item (一、…, （一）…), or a total followed by nothing but amounts, whole ones too.

    A total row prints no code after its label, so there a whole number of three, five or seven
    digits (1000000 元) is an amount, not a code."""
    if LEVEL_ONE.match(first) or LEVEL_TWO.match(first):
        return True
    return first in TOTAL_LABELS and all(looks_like_amount(cell) for cell in rest)


def is_data_cells(cells: Iterable[str]) -> bool:
    """True if a delimited line is a table body row rather than a header row."""
    filled = [compact(cell) for cell in cells if cell.strip()]
    if not filled:
        return False
    if any(is_amount_text(cell) and cell not in NOT_APPLICABLE_MARKS for cell in filled):
        return True  # an amount is never part of a header (类|款|项 may share the 合计 row)
    if filled[0] in HEADER_WORDS:
        return False
    if is_code(filled[0]) or any(is_amount_text(cell) for cell in filled):
        return True
    return _starts_a_row(filled[0], filled[1:])


def is_data_text(text: str) -> bool:
    """True if a space-aligned text line holds a table row (an amount, a code and a name, a total)."""
    tokens = text.split()
    if not tokens:
        return False
    if any(is_amount_text(token) for token in tokens):
        return True
    if len(tokens) >= 2 and is_code(tokens[0]) and not tokens[1].isdigit():
        return True
    return _starts_a_row(tokens[0], tokens[1:])
