"""The column bands of a table printed without rules: the spans of the page its body rows'
segments cover, widened by the other rows', and the spans of the innermost headers over columns
that no body row on the page prints in (a header centred over flush-left names or flush-right
amounts belongs to their band, unless another header stands over that band centred apart: 金额
beside the 行次 column is a column of its own).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from typing import Optional, Union

from ... import settings
from ...celltext import is_amount_text, is_integer_amount
from .headers import HeaderWord
from .rows import TextRow

# a 行次 or 栏次 number: a small whole number, set flush left or centred, never as an amount is
_LINE_NUMBER = re.compile(r"^\d{1,3}$")
# a segment of a line, or a header word (its wrapped lines joined)
Word = Union[TextRow, HeaderWord]


def amount_like(text: str) -> bool:
    """True for the text of an amount, decimal or whole."""
    return is_amount_text(text) or is_integer_amount(text)


def column_bands(rows: Sequence[list[TextRow]], header: Sequence[Sequence[Word]]) -> tuple[tuple[float, float], ...]:
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
    bands = [list(band) for band in widened([(band[0], band[1]) for band in bands], [others])]
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


def widened(bands: Sequence[tuple[float, float]], rows: Sequence[list[TextRow]]) -> tuple[tuple[float, float], ...]:
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


def _headed_apart(band: Sequence[float], segment: Word, header: Sequence[Sequence[Word]]) -> bool:
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


def _groups(header: Sequence[Sequence[Word]], level: int, position: int) -> bool:
    """True if the header at ``position`` in header row ``level`` stands over other headers
    printed below it: within its reach (up to the midpoints to its neighbours in its row and no
    more than its width, or four characters, on either side), and nearer to it than to any other
    header printed above them (科目名称 under 项目, beside an amount header centred over two
    header lines, is 项目's). A header is over only what it is printed entirely above: a header
    wrapped over two lines and centred in its cell starts above its neighbours' line and ends
    below it, beside them."""
    segments = header[level]
    segment = segments[position]
    reach = max(segment.x1 - segment.x0, 4 * segment.size)
    left, right = segment.x0 - reach, segment.x1 + reach
    if position > 0:
        left = max(left, (segments[position - 1].x1 + segment.x0) / 2)
    if position + 1 < len(segments):
        right = min(right, (segment.x1 + segments[position + 1].x0) / 2)
    floor = segment.bottom - settings.current().below_slack * segment.size
    for depth in range(level + 1, len(header)):
        for other in header[depth]:
            if not left <= (other.x0 + other.x1) / 2 <= right or other.top < floor:
                continue
            gap = _gap(segment, other)
            if all(_gap(above, other) >= gap for row in header[:depth] for above in row if above is not segment):
                return True
    return False


def _gap(one: Word, other: Word) -> float:
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
    amounts = sum(1 for s in segments if amount_like(s.text) and not _LINE_NUMBER.match(s.text))
    return "right" if 2 * amounts > len(segments) else "left"


def _column_of(
    bands: list[list[float]], segment: Word, flush: dict[int, str], row: Sequence[Word]
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


def _overlaps(band: Sequence[float], segment: Word) -> bool:
    return min(band[1], segment.x1) > max(band[0], segment.x0)
