"""Tables printed without rules, found from the positions of their words.

A body row prints an amount (or starts with a classification code) and at least one more
segment, set apart from the next by a wide gap. Consecutive such rows, the rows between and
after them (names whose amounts are blank) and the header rows just above form a table. Its
columns are bands of the page: the spans its body rows' segments cover, and the spans of the
innermost headers over columns that no body row on the page prints in (a header centred over
flush-left names or flush-right amounts belongs to their band, unless another header stands over
that band centred apart: 金额 beside the 行次 column is a column of its own). Every segment is
then placed in the band under it, a header segment in every band it spans. A table that runs on
at the top of the next page keeps the bands of the page before, so that its columns stay where
they were.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from typing import Optional, Union

import attrs

from ... import settings
from ...amounts import NOT_APPLICABLE_MARKS
from ...codes import is_code
from ...layout import Box
from ...segment import is_amount_text, is_data_cells, is_integer_amount
from .glyphs import is_cjk
from .headers import HeaderWord, header_cells, header_words
from .rows import TextRow

_STOP_WORDS = ("单位：", "单位:", "公开")
# Punctuation of running text, never printed in a table row: a paragraph whose figures stand
# apart (blanks to fill in, underlined) is not a table.
_SENTENCE = re.compile(r"[。，；]")
# a 行次 or 栏次 number: a small whole number, set flush left or centred, never as an amount is
_LINE_NUMBER = re.compile(r"^\d{1,3}$")
# a segment of a line, or a header word (its wrapped lines joined)
_Word = Union[TextRow, HeaderWord]


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

    def _bands_of(self, segment: _Word) -> list[int]:
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


def _continues(cells: list[str], above: Sequence[str], wrapped: bool) -> bool:
    """True for a body line that only carries on the text of the row above: one name (its
    amounts blank), or names ``wrapped`` at line spacing under the names of the row above (the
    names of side-by-side groups wrapping together); never an amount or a code."""
    filled = [(band, cell) for band, cell in enumerate(cells) if cell]
    if not filled or is_data_cells(cells) or any(_amount_like(cell) or is_code(cell) for _, cell in filled):
        return False
    return len(filled) == 1 or (wrapped and all(above[band] for band, _ in filled))


def _is_body(segments: Sequence[TextRow]) -> bool:
    if len(segments) < 2 or any(_SENTENCE.search(segment.text) for segment in segments):
        return False
    # a decimal amount or a not-applicable dash standing alone after the row's name (whole
    # numbers are ambiguous: 行次, 栏次)
    return is_code(segments[0].text) or any(
        (_amount_like(s.text) and "." in s.text) or s.text in NOT_APPLICABLE_MARKS for s in segments[1:]
    )


def _bands(rows: Sequence[list[TextRow]], header: Sequence[Sequence[_Word]]) -> tuple[tuple[float, float], ...]:
    """Column bands: the spans the segments of the fullest body rows cover (those printing the
    most common number of segments or more), widened by the other body rows' segments that fall
    in one band, and the header words (a word wrapped over header lines is one) standing where
    no body text does (a column empty in every body row of the page, or a header centred over
    flush-left or flush-right text)."""
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
    bands = [list(band) for band in _widened([(band[0], band[1]) for band in bands], [others])]
    body_segments = [s for segments in rows for s in segments]
    flush = {id(band): _flush([s for s in body_segments if _overlaps(band, s)]) for band in bands}
    headed: set[int] = set()  # the bands of columns no body row prints in, made from their headers
    for level in range(len(header) - 1, -1, -1):  # the innermost header row first: it names single columns
        segments = header[level]
        claimed = {id(band) for band in bands for segment in segments if _overlaps(band, segment)}
        for position, segment in enumerate(segments):
            overlapped = [band for band in bands if _overlaps(band, segment)]
            if len(overlapped) == 1 and id(overlapped[0]) in headed:
                # an empty column is as wide as its header (wider than its 栏次 number), so that
                # the amounts a later page prints under it fall in it
                overlapped[0][0], overlapped[0][1] = (
                    min(overlapped[0][0], segment.x0),
                    max(overlapped[0][1], segment.x1),
                )
            if overlapped:
                continue
            owner = _column_of(bands, segment, flush, segments)
            if owner is None or id(owner) in claimed or _headed_apart(owner, segment, header):
                if _groups(header, level, position):
                    continue  # a header over several columns (收入 over 项目 and 决算数) makes none
                # a column no body row prints in (or one whose band another header claims)
                owner = [segment.x0, segment.x1]
                bands.append(owner)
                bands.sort()
                headed.add(id(owner))
            else:
                owner[0], owner[1] = min(owner[0], segment.x0), max(owner[1], segment.x1)
            claimed.add(id(owner))
    return tuple((left, right) for left, right in bands)


def _widened(bands: Sequence[tuple[float, float]], rows: Sequence[list[TextRow]]) -> tuple[tuple[float, float], ...]:
    """The column ``bands`` of a table, widened by the segments of more of its ``rows`` that fall
    in one band, with a band added for a segment standing where none is; a page that prints
    some of the columns only (one group of a side-by-side table) keeps the others."""
    widened = [list(band) for band in bands]
    for segment in sorted((s for segments in rows for s in segments), key=lambda s: s.x0):
        overlapped = [band for band in widened if _overlaps(band, segment)]
        if len(overlapped) == 1:
            overlapped[0][0], overlapped[0][1] = min(overlapped[0][0], segment.x0), max(overlapped[0][1], segment.x1)
        elif not overlapped:
            widened.append([segment.x0, segment.x1])
            widened.sort()
    return tuple((left, right) for left, right in widened)


def _headed_apart(band: Sequence[float], segment: _Word, header: Sequence[Sequence[_Word]]) -> bool:
    """True if a header word that groups no headers below it stands over ``band`` (overlapping
    it) centred apart from ``segment``: ``band`` is that word's column, and ``segment`` names
    another one. A column's header words stand one above another, centred alike (金额 over its
    栏次 number); a header cell over two header rows is printed on a line of its own between them
    (行次), so that the header centred in the column beside it is not on its line."""
    return any(
        _overlaps(band, word) and _gap(word, segment) > 0 and not _groups(header, level, position)
        for level, words in enumerate(header)
        for position, word in enumerate(words)
    )


def _groups(header: Sequence[Sequence[_Word]], level: int, position: int) -> bool:
    """True if the header at ``position`` in header row ``level`` stands over other headers
    printed below it: within its reach (up to the midpoints to its neighbours in its row and no
    more than its width, or four characters, on either side), and nearer to it than to any other
    header printed above them (科目名称 under 项目, beside an amount header centred over two
    header lines, is 项目's)."""
    segments = header[level]
    segment = segments[position]
    reach = max(segment.x1 - segment.x0, 4 * segment.size)
    left, right = segment.x0 - reach, segment.x1 + reach
    if position > 0:
        left = max(left, (segments[position - 1].x1 + segment.x0) / 2)
    if position + 1 < len(segments):
        right = min(right, (segment.x1 + segments[position + 1].x0) / 2)
    for depth in range(level + 1, len(header)):
        for other in header[depth]:
            if not left <= (other.x0 + other.x1) / 2 <= right:
                continue
            gap = _gap(segment, other)
            if all(_gap(above, other) >= gap for row in header[:depth] for above in row if above is not segment):
                return True
    return False


def _gap(one: _Word, other: _Word) -> float:
    """The horizontal white space between two segments (0 where they overlap)."""
    return max(0.0, max(one.x0, other.x0) - min(one.x1, other.x1))


def _flush(segments: Sequence[TextRow]) -> str:
    """How a column's texts stand in it: "left" or "right", as their edges show; where both
    edges line up (texts of one width), "right" for amounts and "left" for names, codes and
    行次 numbers."""
    if segments:
        slack = 0.5 * max(segment.size for segment in segments)
        lefts = max(s.x0 for s in segments) - min(s.x0 for s in segments) <= slack
        rights = max(s.x1 for s in segments) - min(s.x1 for s in segments) <= slack
        if lefts != rights:
            return "left" if lefts else "right"
    amounts = sum(1 for s in segments if _amount_like(s.text) and not _LINE_NUMBER.match(s.text))
    return "right" if 2 * amounts > len(segments) else "left"


def _column_of(
    bands: list[list[float]], segment: _Word, flush: dict[int, str], row: Sequence[_Word]
) -> Optional[list[float]]:
    """The band a header centred over its column belongs to: the texts on its left if they
    stand flush left in a column around the header's middle (names, codes, 行次 numbers; the
    next band starting past the column's mirrored edge), or those on its right if they stand
    flush right in it (amounts); None if neither (a column no body row prints in). The column so
    found must not reach under another header of the same row."""
    middle, slack = (segment.x0 + segment.x1) / 2, 0.5 * segment.size
    left = max((band for band in bands if band[1] <= segment.x0), key=lambda band: band[1], default=None)
    right = min((band for band in bands if band[0] >= segment.x1), key=lambda band: band[0], default=None)

    def alone(x0: float, x1: float) -> bool:
        return not any(other is not segment and x0 < other.x1 and other.x0 < x1 for other in row)

    if left is not None and flush.get(id(left)) == "left":
        edge = 2 * middle - left[0]
        if (right is None or right[0] >= edge - slack) and alone(left[0], edge):
            return left
    if right is not None and flush.get(id(right)) == "right":
        edge = 2 * middle - right[1]
        if (left is None or left[1] <= edge + slack) and alone(edge, right[1]):
            return right
    return None


def _overlaps(band: Sequence[float], segment: _Word) -> bool:
    return min(band[1], segment.x1) > max(band[0], segment.x0)


def find_tables(rows: Sequence[TextRow], carried: Optional[LooseTable] = None, margin: float = 0.0) -> list[LooseTable]:
    """The tables without rules among ``rows`` (lines of text in page order).

    ``carried`` is the table the previous page ended with: rows that start the page (nothing
    above them but the top ``margin``, no title or unit line among them) continue it, header
    repeated or not, in columns fitted to both pages' rows.
    """
    row_gap = settings.current().row_gap
    segmented = [row.segments for row in rows]
    body = [_is_body(segments) for segments in segmented]
    tables: list[LooseTable] = []
    index = floor = 0
    while index < len(rows):
        if not body[index]:
            index += 1
            continue
        end = index
        start = _header_start(rows, segmented, index, floor)
        # the rows down to the last body row not separated from the one above by a wide gap
        probe = index + 1
        while probe < len(rows) and rows[probe].top - rows[probe - 1].bottom < row_gap * rows[probe].size:
            if _stops(rows[probe]):
                break
            if (
                body[probe]
                or len(segmented[probe]) >= 2
                or _within_a_column(rows[probe], rows[start : end + 1])
                or _wraps_name(rows[probe], rows[probe - 1])
            ):
                end = probe  # rows with blank amounts (totals, names alone) belong to the table too
            probe += 1
        body_rows = [segmented[i] for i in range(index, end + 1) if body[i]]
        continues = False
        if carried is not None and not tables:
            # the page starts with the rest of the previous page's table: from its first line
            first = next((i for i, row in enumerate(rows) if row.bottom > margin), index)
            close = all(rows[i + 1].top - rows[i].bottom < row_gap * rows[i + 1].size for i in range(first, index))
            continues = close and not any(_stops(row) for row in rows[first:index])
            start = first if continues else start
        if continues:
            assert carried is not None
            # the columns of both pages' rows: a column left empty on one page may print on the other
            bands = _widened(carried.bands, body_rows)
            repeated = _repeated_header(rows[start:index], carried.header_words)
            tables.append(
                LooseTable(
                    tuple(rows[start : end + 1]), bands, repeated, continues=True, header_words=carried.header_words
                )
            )
        elif len(body_rows) >= 2 or (start < index and _names_columns(body_rows[0], segmented[start:index])):
            bands = _bands(body_rows, header_words(segmented[start:index]))
            words = frozenset(segment.text for segments in segmented[start:index] for segment in segments)
            tables.append(LooseTable(tuple(rows[start : end + 1]), bands, index - start, header_words=words))
        index = floor = end + 1
    return tables


def _repeated_header(rows: Sequence[TextRow], words: frozenset[str]) -> int:
    """How many of the ``rows`` that start a continued table print the header of the page it
    started on again (only the ``words`` of that header); the rows after them are the table's."""
    return next(
        (count for count, row in enumerate(rows) if not all(segment.text in words for segment in row.segments)),
        len(rows),
    )


def _names_columns(row: Sequence[TextRow], header: Sequence[Sequence[TextRow]]) -> bool:
    """True if a single body row under ``header`` is a table's: it prints three segments or more,
    or a header row above it names three columns or more (a page that shows only a table's
    header and its 合计, the rest carried over to the next page)."""
    return max(len(row), *(len(segments) for segments in header)) >= 3


def _within_a_column(row: TextRow, table: Sequence[TextRow]) -> bool:
    """True for a short line, no sentence, inside the table's width: a name whose amounts are blank."""
    left, right = min(r.x0 for r in table), max(r.x1 for r in table)
    text = row.text
    return left - row.size <= row.x0 and row.x1 <= right and row.x1 - row.x0 < 0.4 * (right - left) and "。" not in text


def _wraps_name(row: TextRow, above: TextRow) -> bool:
    """True for a line of one segment at line spacing under the name that starts the row above
    (a name wrapped onto a second line)."""
    name = above.segments[0]
    return (
        len(row.segments) == 1
        and row.top - above.bottom < settings.current().wrap_gap * row.size
        and name.x0 - row.size <= row.x0 <= name.x1
        and row.x1 <= name.x1 + row.size
    )


def _header_start(rows: Sequence[TextRow], segmented: Sequence[list[TextRow]], first: int, floor: int) -> int:
    """Where the header above the body row ``first`` starts: the rows above it, close together,
    up to the last one of several segments or of a short header word within the table's width
    (项目 centred over the code and name columns on a line of its own, 预算/数 wrapped)."""
    row_gap = settings.current().row_gap
    start = probe = first
    while probe > floor:
        above = rows[probe - 1]
        if _stops(above) or rows[probe].top - above.bottom >= row_gap * rows[probe].size:
            break
        probe -= 1
        if len(segmented[probe]) >= 2 or _header_word(rows[probe], rows[start : first + 1]):
            start = probe
    return start


def _header_word(row: TextRow, table: Sequence[TextRow]) -> bool:
    """True for a line of one short word, no sentence, inside the table's width, over its header."""
    left, right = min(r.x0 for r in table), max(r.x1 for r in table)
    return (
        len(row.segments) == 1
        and len(row.text) <= settings.current().header_word_chars
        and left - row.size <= row.x0
        and row.x1 <= right + row.size
        and not any(mark in row.text for mark in "：:。，；")
    )


def _stops(row: TextRow) -> bool:
    """True for a line a table never runs into: a title (…表), a unit or table-number line, a note."""
    text = row.text
    return (
        any(word in text for word in _STOP_WORDS)
        or bool(_SENTENCE.search(text))
        or text.startswith(("注：", "注:", "说明："))
        or (len(row.segments) == 1 and text.rstrip("）)").endswith("表"))
    )
