"""Row labels as identities name them: printed labels without numbering, spaces or bracket variants."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Sequence
from typing import Optional

from ..schema import Row, Table
from ..vocabulary import LEVEL_ONE, ORDINAL_WORDS

# 一、 （一） (1) 1. 1、 其中： — numbering and lead-ins printed before a row's name
_NUMBERING = re.compile(rf"^(?:其中[:：]?|{ORDINAL_WORDS})+")
_BRACKETS = str.maketrans({"（": "(", "）": ")", "“": "", "”": "", '"': "", "：": ":"})


@functools.lru_cache(maxsize=1 << 16)  # a document's labels are compared again and again, check by check
def plain(label: str) -> str:
    """``label`` without white space, leading numbering (一、 （一） 1. 其中：) and bracket variants."""
    text = "".join(label.split()).translate(_BRACKETS)
    return _NUMBERING.sub("", text)


def is_enumerated(row: Row) -> bool:
    """True for a row numbered as a top-level item of its side (一、 二、 …)."""
    return bool(LEVEL_ONE.match("".join(row.label.split())))


def matches(row: Row, pattern: str) -> bool:
    """True if ``pattern`` matches the whole of the row: ``code:REGEX`` its code, else its plain label."""
    if pattern.startswith("code:"):
        return row.code is not None and _whole(pattern[5:], row.code)
    return row.code is None and _whole(pattern, plain(row.label))


@functools.lru_cache(maxsize=1 << 16)  # every identity asks of the same labels, table after table
def _whole(pattern: str, text: str) -> bool:
    """True if regular expression ``pattern`` matches the whole of ``text``."""
    return re.fullmatch(pattern, text) is not None


def group_index(table_groups: Sequence[str], group: Optional[str]) -> Optional[int]:
    """The side-by-side index of a named group (``income`` = 0 in the summary tables), or None."""
    if group is None or group not in table_groups:
        return None
    return list(table_groups).index(group)


def rows_of(table: Table, group: Optional[int]) -> Iterator[Row]:
    """The table's rows, only those of side-by-side group ``group`` if it is given."""
    return (row for row in table.rows if group is None or row.group == group)


def first(table: Table, pattern: str, group: Optional[int]) -> Optional[Row]:
    """The first row of ``group`` matching ``pattern``, or None."""
    return next((row for row in rows_of(table, group) if matches(row, pattern)), None)
