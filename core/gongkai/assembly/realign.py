"""Header rows a text extract printed off their columns, put back by the table's structure.

A text extract (pdftotext, a copy out of a PDF viewer) writes each header row as the words it
found, in order, one per cell; where the PDF merged cells, a row can come out a cell or more to
the left or right of the columns the 栏次 row and the body print in, and sub-headers can land at
the row's start or past its end. The words and their order are right; only their positions are
wrong. Three repairs follow what every such table is built of, and each acts only where the
evidence is unambiguous (otherwise the row is left as printed):

1. a row whose name headers (科目名称, …科目编码, 项目) stand over amount columns moves left
   until they stand over the name columns again;
2. a row's words standing outside the amount columns (over the code and name columns, or past
   the last column) are the sub-headers of the headers above them written once over several
   columns with nothing under them: run by run, in order, when runs and such headers are as
   many and as wide;
3. where a row's groups each open with a total column (年初结转和结余 over 合计 | 基本支出结转
   | …), a group header one cell off its 合计 stands on it.

Rows are compact header texts, one per header line (the 栏次 row left out); ``roles`` says for
each position what the body prints there (``"amount"``, ``"label"``, ``"code"``, …).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Optional

from .base import LABEL_HEADER, STRUCTURAL_HEADER

Row = tuple[str, ...]

_CODE_HEADERS = ("科目编码", "科目代码")
_GROUP_TOTALS = frozenset({"合计", "小计"})


def realigned(rows: Sequence[Row], roles: Sequence[Optional[str]], last: int) -> list[Row]:
    """``rows`` with the header words a text extract printed off their columns put back;
    ``last`` is the last position the body or the 栏次 row prints in."""
    out = [_name_headers_over_names(tuple(row), roles) for row in rows]
    for index in range(1, len(out)):
        out[index] = _reflowed(out[index], out[index - 1], roles, last)
    return _onto_totals(out)


def _is_name_header(cell: str) -> bool:
    """True for a header over the names or codes of the rows (项目, 科目名称, …科目编码)."""
    return bool(LABEL_HEADER.match(cell)) or cell.endswith(_CODE_HEADERS)


def _is_amount(roles: Sequence[Optional[str]], position: int) -> bool:
    return 0 <= position < len(roles) and roles[position] == "amount"


def _placed(row: Row) -> list[int]:
    """The positions of a row's header words (not 项目, 科目名称, 类/款/项 and the like)."""
    return [
        position
        for position, cell in enumerate(row)
        if cell and not STRUCTURAL_HEADER.match(cell) and not _is_name_header(cell)
    ]


def _name_headers_over_names(row: Row, roles: Sequence[Optional[str]]) -> Row:
    """Repair 1: the row moved left by the fewest cells that put its name headers over columns
    that print no amount (none if that would push a word off the row's start)."""
    names = [position for position, cell in enumerate(row) if cell and _is_name_header(cell)]
    if not names or not any(_is_amount(roles, position) for position in names):
        return row
    first = min(position for position, cell in enumerate(row) if cell)
    for shift in range(1, first + 1):
        if not any(_is_amount(roles, position - shift) for position in names):
            return row[shift:] + ("",) * shift
    return row


def _spans(above: Row, roles: Sequence[Optional[str]], last: int) -> list[tuple[int, int]]:
    """The (start, end) of each header of ``above`` over several amount columns: written once
    in its first, the cells after it blank, up to the next header or the last column."""
    spans = []
    for start, cell in enumerate(above[: last + 1]):
        if not cell or not _is_amount(roles, start):
            continue
        end = start + 1
        while end <= last and _is_amount(roles, end) and (end >= len(above) or not above[end]):
            end += 1
        if end - start > 1:
            spans.append((start, end))
    return spans


def _runs(row: Row, positions: Sequence[int]) -> list[list[int]]:
    """``positions`` cut into runs of neighbouring cells."""
    runs: list[list[int]] = []
    for position in positions:
        if runs and position == runs[-1][-1] + 1:
            runs[-1].append(position)
        else:
            runs.append([position])
    return runs


def _reflowed(row: Row, above: Row, roles: Sequence[Optional[str]], last: int) -> Row:
    """Repair 2: a row some of whose header words stand outside the amount columns, its words
    put under the headers of ``above`` that reach over several columns with nothing under them."""
    placed = _placed(row)
    if not any(not _is_amount(roles, position) or position > last for position in placed):
        return row
    spans = _spans(above, roles, last)
    runs = _runs(row, placed)
    if len(runs) != len(spans) or any(len(run) != end - start for run, (start, end) in zip(runs, spans)):
        return row
    # every word of the row moves (the name headers stay): none is known to stand right
    cells = [cell if position not in placed else "" for position, cell in enumerate(row)]
    cells += [""] * (last + 1 - len(cells))
    for run, (start, _) in zip(runs, spans):
        for offset, position in enumerate(run):
            cells[start + offset] = row[position]
    return tuple(cells)


def _onto_totals(rows: Sequence[Row]) -> list[Row]:
    """Repair 3: each group header one cell off the total that opens its group moved onto it,
    where the cell there is blank and no other header stands beside that total; only in a row
    known to be built that way (another group header stands on its total, or all of them are off
    theirs in the same direction)."""
    out = [tuple(row) for row in rows]
    for index in range(len(out) - 1):
        row, below = list(out[index]), out[index + 1]
        totals = {position for position, cell in enumerate(below) if cell in _GROUP_TOTALS}
        placed = _placed(out[index])
        moves: dict[int, int] = {}
        for position in placed:
            if position in totals:
                continue
            near = [target for target in (position - 1, position + 1) if target in totals]
            if len(near) != 1:
                continue
            target = near[0]
            if (target < len(row) and row[target]) or any(
                other in placed and other != position for other in (target - 1, target + 1)
            ):
                continue
            moves[position] = target
        on_totals = any(position in totals for position in placed)
        directions = {target - position for position, target in moves.items()}
        if not moves or not (on_totals or (len(moves) == len(placed) >= 2 and len(directions) == 1)):
            continue
        cells = row + [""] * (max(moves.values()) + 1 - len(row))
        for position in moves:
            cells[position] = ""
        for position, target in moves.items():
            cells[target] = row[position]
        out[index] = tuple(cells)
    return out
