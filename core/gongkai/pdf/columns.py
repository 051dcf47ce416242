"""Tables printed without rules, found from the positions of their words.

A body row prints an amount (or starts with a classification code) and at least one more
segment, set apart from the next by a wide gap. Consecutive such rows, with the rows between
them and the multi-segment header rows just above, form a table. Its columns are the bands of
the page that the segments of its fullest rows cover; every segment is then placed in the band
under its middle, a header segment in every band it spans.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Optional

import attrs

from ..codes import is_code
from ..segment import is_amount_text, is_data_cells, is_integer_amount
from .glyphs import is_cjk
from .rows import TextRow

Box = tuple[float, float, float, float]
_ROW_GAP = 2.5  # sizes of white space between two rows that still belong to one table
_STOP_WORDS = ("单位：", "单位:", "公开")
_HEADER_REACH = 1.5  # sizes: a header this close to a column's body text is that column's header


@attrs.frozen
class LooseTable:
    """A table without rules: its rows (header rows first) and column bands (left, right)."""

    rows: tuple[TextRow, ...]
    bands: tuple[tuple[float, float], ...]

    def lines(self) -> list[tuple[tuple[str, ...], tuple[Optional[Box], ...], float, float]]:
        """Each row as (cells, boxes, top, bottom); wrapped label lines joined to their row."""
        out: list[tuple[list[str], list[Optional[Box]], float, float]] = []
        header = True
        for row in self.rows:
            cells: list[str] = [""] * len(self.bands)
            # a blank cell's box: its column band on the row's line
            boxes: list[Optional[Box]] = [(left, row.top, right, row.bottom) for left, right in self.bands]
            spans: list[list[int]] = []
            for segment in row.segments():
                covered = self._bands_of(segment)
                spans.append(covered)
                first = covered[0]
                box = (segment.x0, segment.top, segment.x1, segment.bottom)
                boxes[first] = _union(boxes[first], box) if cells[first] else box
                cells[first] = _joined(cells[first], segment.text)
            header = header and not is_data_cells(cells)
            if header:
                for covered in spans:
                    for band in covered[1:]:
                        cells[band], boxes[band] = cells[covered[0]], boxes[covered[0]]
            elif out and _continues(cells):
                previous = out[-1]
                for band, text in enumerate(cells):
                    if text:
                        previous[0][band] = _joined(previous[0][band], text)
                        previous[1][band] = _union(previous[1][band], boxes[band])
                out[-1] = (previous[0], previous[1], previous[2], row.bottom)
                continue
            out.append((cells, boxes, row.top, row.bottom))
        return [(tuple(cells), tuple(boxes), top, bottom) for cells, boxes, top, bottom in out]

    def _bands_of(self, segment: TextRow) -> list[int]:
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


def _amount_like(text: str) -> bool:
    return is_amount_text(text) or is_integer_amount(text)


def _continues(cells: list[str]) -> bool:
    """True for a body line that only carries on the text of the row above (a wrapped name)."""
    filled = [cell for cell in cells if cell]
    return len(filled) == 1 and not _amount_like(filled[0]) and not is_code(filled[0]) and not is_data_cells(cells)


def _is_body(segments: Sequence[TextRow]) -> bool:
    if len(segments) < 2:
        return False
    return is_code(segments[0].text) or any(_amount_like(s.text) and "." in s.text for s in segments[1:])


def _bands(rows: Sequence[list[TextRow]], header: Sequence[list[TextRow]]) -> tuple[tuple[float, float], ...]:
    """Column bands: the spans the segments of the fullest body rows cover (those printing the
    most common number of segments or more), widened by the other body rows' segments that fall
    in one band, and the header segments standing where no body text does (a column empty in
    every body row of the page, or a header centred over flush-left or flush-right text)."""
    counts = Counter(len(segments) for segments in rows)
    typical = max(count for count, seen in counts.items() if seen == max(counts.values()))
    intervals = sorted((s.x0, s.x1) for segments in rows if len(segments) >= typical for s in segments)
    bands: list[list[float]] = []
    for left, right in intervals:
        if bands and left <= bands[-1][1]:
            bands[-1][1] = max(bands[-1][1], right)
        else:
            bands.append([left, right])
    others = [s for segments in rows if len(segments) < typical for s in segments]
    for segment in sorted(others, key=lambda s: s.x0):
        overlapped = [band for band in bands if min(band[1], segment.x1) > max(band[0], segment.x0)]
        if len(overlapped) == 1:
            overlapped[0][0], overlapped[0][1] = min(overlapped[0][0], segment.x0), max(overlapped[0][1], segment.x1)
        elif not overlapped:
            bands.append([segment.x0, segment.x1])
            bands.sort()
    headers = sorted((s for segments in header for s in segments), key=lambda s: s.x0)
    for segment in headers:
        if any(_overlaps(band, segment) for band in bands):
            continue
        # under a header that stands over one column only: that column's (栏次 6 under its name)
        above = [
            band
            for other in headers
            if other.x0 <= segment.x0 and segment.x1 <= other.x1 and other is not segment
            for band in [[b for b in bands if _overlaps(b, other)]]
            if len(band) == 1
        ]
        near = above[0][0] if above else min(bands, key=lambda band: _gap(band, segment))
        if above or _gap(near, segment) <= _HEADER_REACH * segment.size:
            near[0], near[1] = min(near[0], segment.x0), max(near[1], segment.x1)
        else:
            bands.append([segment.x0, segment.x1])
            bands.sort()
    return tuple((left, right) for left, right in bands)


def _overlaps(band: Sequence[float], segment: TextRow) -> bool:
    return min(band[1], segment.x1) > max(band[0], segment.x0)


def _gap(band: list[float], segment: TextRow) -> float:
    return max(band[0] - segment.x1, segment.x0 - band[1], 0.0)


def find_tables(rows: Sequence[TextRow], carried: Optional[LooseTable] = None, margin: float = 0.0) -> list[LooseTable]:
    """The tables without rules among ``rows`` (lines of text in page order).

    ``carried`` is the table the previous page ended with: a table that starts the page (nothing
    above it but the top ``margin``) with no header of its own continues it, in its columns.
    """
    segmented = [row.segments() for row in rows]
    body = [_is_body(segments) for segments in segmented]
    tables: list[LooseTable] = []
    index = floor = 0
    while index < len(rows):
        if not body[index]:
            index += 1
            continue
        start = end = index
        # the rows down to the last body row not separated from the one above by a wide gap
        probe = index + 1
        while probe < len(rows) and rows[probe].top - rows[probe - 1].bottom < _ROW_GAP * rows[probe].size:
            if _stops(rows[probe]):
                break
            if body[probe]:
                end = probe
            probe += 1
        start = _header_start(rows, segmented, index, floor)
        body_rows = [segmented[i] for i in range(index, end + 1) if body[i]]
        continues = carried is not None and not tables and start == index and all(r.bottom <= margin for r in rows[:start])
        if continues:
            assert carried is not None
            tables.append(LooseTable(rows=tuple(rows[start : end + 1]), bands=carried.bands))
        elif len(body_rows) >= 2 or (start < index and len(body_rows[0]) >= 3):
            bands = _bands(body_rows, segmented[start:index])
            tables.append(LooseTable(rows=tuple(rows[start : end + 1]), bands=bands))
        index = floor = end + 1
    return tables


def _header_start(rows: Sequence[TextRow], segmented: Sequence[list[TextRow]], first: int, floor: int) -> int:
    """Where the header above the body row ``first`` starts: the rows above it, close together,
    up to the last one of several segments (a header word alone on its line, 科目名称 set lower
    than the rest, is taken only below such a row)."""
    start = probe = first
    while probe > floor:
        above = rows[probe - 1]
        if _stops(above) or rows[probe].top - above.bottom >= _ROW_GAP * rows[probe].size:
            break
        probe -= 1
        if len(segmented[probe]) >= 2:
            start = probe
    return start


def _stops(row: TextRow) -> bool:
    """True for a line a table never runs into: a unit or table-number line, a note."""
    text = row.text
    return any(word in text for word in _STOP_WORDS) or text.startswith(("注：", "注:", "说明："))
