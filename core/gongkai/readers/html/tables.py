"""HTML table rows, with their rowspan and colspan, as a rectangular grid of cells.

Cells are placed as the HTML table model places them: each at the first column of its row that
no cell spanning down from above has taken, covering ``rows`` × ``columns`` positions. Spans are
clamped as browsers clamp them (colspan at most 1000, rowspan at most 65534 and never past the
table's last row), and a table is refused when its grid would hold more than :data:`MAX_CELLS`
positions, so that a few bytes of colspan cannot take gigabytes of memory.

Like the PDF reader's ruled grids, a merged cell's text is repeated in every position it covers
in the header (the rows above the first body row), so that each column's header path is
complete, and stands at its first position only in the body, the other positions blank.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Optional

import attrs

from ...celltext import is_data_cells

MAX_COLSPAN = 1000
MAX_ROWSPAN = 65534
MAX_CELLS = 1_000_000

_LEADING_DIGITS = re.compile(r"\s*(\d+)")


class GridTooLarge(Exception):
    """A table whose spans would make a grid of more than :data:`MAX_CELLS` positions."""

    def __init__(self) -> None:
        super().__init__(f"a table spans more than {MAX_CELLS:,} cells")


@attrs.frozen
class SpanCell:
    """A printed cell: its text and how many rows and columns it covers (``rows`` 0: to the
    table's last row, as ``rowspan="0"`` means)."""

    text: str
    rows: int = 1
    columns: int = 1


def span(value: Optional[str], *, zero: int, largest: int) -> int:
    """A rowspan or colspan attribute as a count: its leading digits (as browsers read it), with
    ``zero`` for 0, 1 when missing or unreadable, and at most ``largest``."""
    found = _LEADING_DIGITS.match(value or "")
    if found is None:
        return 1
    count = int(found.group(1)[:6])  # more digits than any limit are just a large number
    return min(count, largest) if count else zero


@attrs.frozen
class Grid:
    """Placed cells and, for each row and column, the index of the cell covering it (or None)."""

    cells: tuple[SpanCell, ...]
    starts: tuple[tuple[int, int], ...]  # the (row, column) at which each cell is placed
    owner: tuple[tuple[Optional[int], ...], ...]


def expand(rows: Sequence[Sequence[SpanCell]]) -> Grid:
    """Place the cells of ``rows`` on a grid as the HTML table model does; GridTooLarge when the
    grid would hold more than :data:`MAX_CELLS` positions."""
    owner: list[list[Optional[int]]] = [[] for _ in rows]
    cells: list[SpanCell] = []
    starts: list[tuple[int, int]] = []
    allocated = 0
    for r, row in enumerate(rows):
        column = 0
        for cell in row:
            while column < len(owner[r]) and owner[r][column] is not None:
                column += 1
            height = min(cell.rows or len(rows), len(rows) - r)
            index = len(cells)
            cells.append(cell)
            starts.append((r, column))
            for covered in owner[r : r + height]:
                missing = column + cell.columns - len(covered)
                if missing > 0:
                    allocated += missing
                    if allocated > MAX_CELLS:
                        raise GridTooLarge
                    covered.extend([None] * missing)
                for position in range(column, column + cell.columns):
                    if covered[position] is None:  # overlapping spans: the cell placed first keeps it
                        covered[position] = index
            column += cell.columns
    width = max((len(line) for line in owner), default=0)
    if width * len(rows) > MAX_CELLS:
        raise GridTooLarge
    padded = tuple(tuple(line) + (None,) * (width - len(line)) for line in owner)
    return Grid(cells=tuple(cells), starts=tuple(starts), owner=padded)


def grid_rows(grid: Grid) -> list[tuple[str, ...]]:
    """The grid's rows as cell texts, header rows with merged text repeated over every position
    it covers, body rows with it at its first position only; rows without text are left out.

    The header ends at the first row that reads as a table body row (an amount, a code, a
    total), as segmentation decides it.
    """
    lines: list[tuple[str, ...]] = []
    header = True
    for r, owners in enumerate(grid.owner):
        first = tuple(
            grid.cells[index].text if index is not None and grid.starts[index] == (r, c) else ""
            for c, index in enumerate(owners)
        )
        header = header and not is_data_cells(first)
        cells = tuple("" if index is None else grid.cells[index].text for index in owners) if header else first
        if any(cells):
            lines.append(cells)
    return lines
