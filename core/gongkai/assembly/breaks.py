"""Rows cut by a page break: a row whose label wraps onto a new page printed as two rows.

Word and WPS break a table row across pages: the first line of a wrapped label stays at the foot
of one page (with the row's amounts) and the rest opens the next page as a row of its own
(八、社会保障和就 | 1,608.51 … / 业支出). Such a rest prints only text, and only in cells where the
row above prints text; it starts no new item and prints no amount. It is joined to the row it
belongs to. A label that ends with its total word (本年收入合计, 总计) is whole: the row after it is
a row of its own.

A rest is the tail of a name cut midway, so it never opens as a row's name opens: with an ordinal
or a code, or, for the closing rows of a summary (whose amounts are often blank), with the period
they account for or what they are: 本年收入合计, 当年支出小计, 年初结转和结余, 上年结转资金,
使用非财政拨款结余, 结转下年, 结余分配, 收入总计. A bare total word (小计) is no such opening: a name
may be cut right before it (当年收入 / 小计).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import attrs

from ..amounts import looks_like_amount
from ..canonical import compact
from ..codes import is_code
from ..layout import Line, LineKind
from ..vocabulary import ORDINAL

_TOTAL_WORDS = ("合计", "总计", "小计")
# how the names of a summary's closing rows open: the period (本年收入合计, 年初结转和结余,
# 上年结转), or what the row is (使用非财政拨款结余, 结转下年, 结余分配, 收入总计)
_CLOSING_ROW = re.compile(r"^(?:本年|当年|年初|年末|上年|使用|结转下年|结余分配|(?:收入|支出|收支)(?:合计|总计|小计))")


def _rest_of(line: Line, previous: Line) -> bool:
    """True if ``line`` (first on its page) is the rest of ``previous`` (last on the page before)."""
    if line.page is None or previous.page is None or line.page == previous.page:
        return False
    if line.kind is not LineKind.CELLS or previous.kind is not LineKind.CELLS:
        return False
    filled = [(position, compact(cell)) for position, cell in enumerate(line.cells) if cell.strip()]
    if not filled:
        return False
    for position, text in filled:
        if looks_like_amount(text) or _opens_item(text):
            return False
        if position >= len(previous.cells) or not previous.cells[position].strip():
            return False
        if compact(previous.cells[position]).endswith(_TOTAL_WORDS):
            return False
    return True


def _opens_item(text: str) -> bool:
    """True if ``text`` (compacted) opens as a row's name opens: a code, an ordinal or the
    name of a summary's closing row."""
    return is_code(text) or bool(ORDINAL.match(text)) or bool(_CLOSING_ROW.match(text))


def _joined(previous: Line, rest: Line) -> Line:
    cells = [
        compact(before) + compact(after) if after.strip() else before
        for before, after in zip(previous.cells, list(rest.cells) + [""] * len(previous.cells))
    ]
    return attrs.evolve(previous, cells=tuple(cells))


def rejoined(body: Sequence[Line]) -> list[Line]:
    """``body`` with every row cut by a page break joined again."""
    out: list[Line] = []
    for index, line in enumerate(body):
        # only the first line of a page can be the rest of the row the page before ended with
        if out and body[index - 1].page != line.page and _rest_of(line, out[-1]):
            out[-1] = _joined(out[-1], line)
            continue
        out.append(line)
    return out
