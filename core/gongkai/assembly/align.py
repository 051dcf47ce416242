"""Columns by position on the page: the rows of a table printed on several pages, each page's
grid ruled its own way, brought back to one set of columns.

A table that runs onto a new page is often ruled again there with other merged cells (a 合计
row alone on the page, its label spanning the code and name columns), so its cells do not line
up by index with the header's. Where the format gives every cell a box, each cell is put back
under the column it stands under: the columns of the table's widest line, a cell spanning
several of them going to the first.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Optional

import attrs

from .. import settings
from ..layout import Box, Line, LineKind


def _columns(lines: Sequence[Line]) -> Optional[list[tuple[float, float]]]:
    """The columns (left, right) of the widest line whose every cell has a box, or None."""
    # a merged header cell repeated over several positions has one box for all of them: only a
    # line whose cells all have boxes of their own shows the columns
    framed = [
        line
        for line in lines
        if line.kind is LineKind.CELLS
        and line.boxes
        and all(line.boxes)
        and len({(box[0], box[2]) for box in line.boxes if box is not None}) == len(line.cells)
    ]
    if not framed:
        return None
    widest = max(framed, key=lambda line: len(line.cells))
    return [(box[0], box[2]) for box in widest.boxes if box is not None]


def _under(box: Box, columns: Sequence[tuple[float, float]]) -> int:
    """The first column whose middle lies within ``box``, else the column nearest to it."""
    for index, (left, right) in enumerate(columns):
        if box[0] - 1 <= (left + right) / 2 <= box[2] + 1:
            return index
    middle = (box[0] + box[2]) / 2
    return min(range(len(columns)), key=lambda index: abs((columns[index][0] + columns[index][1]) / 2 - middle))


def _covered(box: Box, columns: Sequence[tuple[float, float]]) -> list[int]:
    """The columns whose middles lie within ``box`` (at least the one nearest to it)."""
    inside = [index for index, (left, right) in enumerate(columns) if box[0] - 1 <= (left + right) / 2 <= box[2] + 1]
    return inside or [_under(box, columns)]


def align(line: Line, columns: Sequence[tuple[float, float]], header: bool = False) -> Line:
    """``line`` with its cells under ``columns`` (by their boxes); unchanged if it already is,
    or if its cells have no boxes. A header cell spanning several columns heads each of them."""
    if line.kind is not LineKind.CELLS or not line.boxes or not all(line.boxes):
        return line
    tolerance = settings.current().ruling_tolerance
    if len(line.cells) == len(columns) and all(
        box is not None and abs(box[0] - left) < tolerance and abs(box[2] - right) < tolerance
        for box, (left, right) in zip(line.boxes, columns)
    ):
        return line
    cells = [""] * len(columns)
    top = min(box[1] for box in line.boxes if box is not None)
    bottom = max(box[3] for box in line.boxes if box is not None)
    boxes: list[Optional[Box]] = [(left, top, right, bottom) for left, right in columns]
    for text, box in zip(line.cells, line.boxes):
        if not text.strip() or box is None:
            continue
        for index in _covered(box, columns) if header else [_under(box, columns)]:
            if cells[index] != text:
                cells[index] = f"{cells[index]}{text}" if cells[index] else text
            boxes[index] = box
    return attrs.evolve(line, cells=tuple(cells), boxes=tuple(boxes))


def aligned(header: Sequence[Line], body: Sequence[Line]) -> tuple[list[Line], list[Line]]:
    """The header and body lines of a table with every cell under its column (see :func:`align`)."""
    lines = [line for line in list(header) + list(body) if line.kind is LineKind.CELLS]
    if len({len(line.cells) for line in lines}) <= 1:
        return list(header), list(body)  # every line has the table's columns already
    columns = _columns(lines)
    if columns is None:
        return list(header), list(body)
    return [align(line, columns, header=True) for line in header], [align(line, columns) for line in body]
