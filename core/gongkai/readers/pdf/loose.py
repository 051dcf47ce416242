"""A table without rules as found on a page: its rows and column bands, and its lines read
cell by cell, each segment in the band under it (a header segment in every band it spans) and
a name wrapped onto the next line joined to its row."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Optional

import attrs

from ... import settings
from ...celltext import is_data_cells
from ...codes import is_code
from ...layout import Box
from .bands import Word, amount_like
from .glyphs import is_cjk
from .headers import header_cells
from .rows import TextRow


@attrs.frozen
class LooseTable:
    """A table without rules: its rows (``header`` header rows first) and column bands (left,
    right); ``continues`` if it carries on the table the page before ended with."""

    rows: tuple[TextRow, ...]
    bands: tuple[tuple[float, float], ...]
    header: int = 0
    continues: bool = False
    # the words of the header printed over the table where it starts, which a later page may
    # print again
    header_words: frozenset[str] = frozenset()

    def lines(self) -> list[tuple[tuple[str, ...], tuple[Optional[Box], ...], float, float]]:
        """Each row as (cells, boxes, top, bottom): the header rows (those above the first row
        that prints data) read by the positions of their words, on every page alike so that a
        header printed again on a new page reads the same; wrapped label lines joined to their
        row."""
        placed = [self._placed(row) for row in self.rows]
        # a row the header rows end with may be data after all (合计 with its amounts blank)
        lead = next((i for i, (cells, _) in enumerate(placed[: self.header]) if is_data_cells(cells)), self.header)
        out = header_cells([row.segments for row in self.rows[:lead]], self.bands, self._bands_of)
        heading = len(out)
        for row, (cells, boxes) in zip(self.rows[lead:], placed[lead:]):
            previous = out[-1] if len(out) > heading else None
            if previous and _continues(
                cells, previous[0], row.top - previous[3] < settings.current().wrap_gap * row.size
            ):
                for band, text in enumerate(cells):
                    if text:
                        previous[0][band] = _joined(previous[0][band], text)
                        previous[1][band] = _union(previous[1][band], boxes[band])
                out[-1] = (previous[0], previous[1], previous[2], row.bottom)
                continue
            out.append((cells, boxes, row.top, row.bottom))
        return [(tuple(cells), tuple(boxes), top, bottom) for cells, boxes, top, bottom in out]

    def _placed(self, row: TextRow) -> tuple[list[str], list[Optional[Box]]]:
        """The row's segments in the bands under them (a segment over several, in the first)."""
        cells: list[str] = [""] * len(self.bands)
        # a blank cell's box: its column band on the row's line
        boxes: list[Optional[Box]] = [(left, row.top, right, row.bottom) for left, right in self.bands]
        for segment in row.segments:
            first = self._bands_of(segment)[0]
            box = (segment.x0, segment.top, segment.x1, segment.bottom)
            boxes[first] = _union(boxes[first], box) if cells[first] else box
            cells[first] = _joined(cells[first], segment.text)
        return cells, boxes

    def _bands_of(self, segment: Word) -> list[int]:
        middle = (segment.x0 + segment.x1) / 2
        nearest = min(range(len(self.bands)), key=lambda i: _distance(self.bands[i], middle))
        covered = [
            index
            for index, (left, right) in enumerate(self.bands)
            if min(right, segment.x1) - max(left, segment.x0) > 0.5 * min(right - left, segment.x1 - segment.x0)
        ]
        return covered if nearest in covered else [nearest]


def _distance(band: tuple[float, float], x: float) -> float:
    left, right = band
    return 0.0 if left <= x <= right else min(abs(left - x), abs(right - x))


def _joined(text: str, more: str) -> str:
    if text and more and not is_cjk(text[-1]) and not is_cjk(more[0]):
        return f"{text} {more}"
    return text + more


def _union(box: Optional[Box], other: Optional[Box]) -> Optional[Box]:
    if box is None or other is None:
        return other or box
    return min(box[0], other[0]), min(box[1], other[1]), max(box[2], other[2]), max(box[3], other[3])


def _continues(cells: list[str], above: Sequence[str], wrapped: bool) -> bool:
    """True for a body line that only carries on the text of the row above: one name (its
    amounts blank), or names ``wrapped`` at line spacing under the names of the row above (the
    names of side-by-side groups wrapping together); never an amount or a code."""
    filled = [(band, cell) for band, cell in enumerate(cells) if cell]
    if not filled or is_data_cells(cells) or any(amount_like(cell) or is_code(cell) for _, cell in filled):
        return False
    return len(filled) == 1 or (wrapped and all(above[band] for band, _ in filled))
