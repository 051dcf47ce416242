"""Tables printed without rules, found from the positions of their words.

A body row prints an amount (or starts with a classification code) and at least one more
segment, set apart from the next by a wide gap. Consecutive such rows, the rows between and
after them (names whose amounts are blank) and the header rows just above form a table; so
does a single body row under a header that names its columns (a page holding only a table's
header and first row, the rest on the next page: a fragment the next page continues). Its
columns are bands of the page (:mod:`.bands`), and every segment is placed in the band under it
(:mod:`.loose`). A table that runs on at the top of the next page keeps the bands of the page
before, so that its columns stay where they were.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Optional

from ... import settings
from ...amounts import NOT_APPLICABLE_MARKS
from ...codes import is_code
from .bands import amount_like, column_bands, widened
from .headers import header_words
from .loose import LooseTable
from .rows import TextRow

__all__ = ["LooseTable", "find_tables"]

_STOP_WORDS = ("单位：", "单位:", "公开")
# Punctuation of running text, never printed in a table row: a paragraph whose figures stand
# apart (blanks to fill in, underlined) is not a table.
_SENTENCE = re.compile(r"[。，；]")


def _is_body(segments: Sequence[TextRow]) -> bool:
    if len(segments) < 2 or any(_SENTENCE.search(segment.text) for segment in segments):
        return False
    # a decimal amount or a not-applicable dash standing alone after the row's name (whole
    # numbers are ambiguous: 行次, 栏次)
    return is_code(segments[0].text) or any(
        (amount_like(s.text) and "." in s.text) or s.text in NOT_APPLICABLE_MARKS for s in segments[1:]
    )


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
            bands = widened(carried.bands, body_rows)
            repeated = _repeated_header(rows[start:index], carried.header_words)
            tables.append(
                LooseTable(
                    tuple(rows[start : end + 1]), bands, repeated, continues=True, header_words=carried.header_words
                )
            )
        elif len(body_rows) >= 2 or (start < index and _names_columns(body_rows[0], segmented[start:index])):
            bands = column_bands(body_rows, header_words(segmented[start:index]))
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
    """True if a single body row under ``header`` (its lines' segments) is a table's: it prints
    three segments or more, a header line names three columns or more, or the header's words (a
    word wrapped over lines joined) name the row's columns one to one, each segment nearest to
    a word of its own. A page may show only a table's header and its first row (合计), the rest
    carried over to the next page: that is a fragment of the table, however few its columns."""
    if max(len(row), *(len(segments) for segments in header)) >= 3:
        return True
    middles = [word.middle for line in header_words(header) for word in line]
    if len(row) < 2 or len(middles) < len(row):
        return False
    nearest = {min(range(len(middles)), key=lambda i: abs(middles[i] - (s.x0 + s.x1) / 2)) for s in row}
    return len(nearest) == len(row)


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
    up to the last one of several segments, of a short header word within the table's width
    (项目 centred over the code and name columns on a line of its own, 预算/数 wrapped), or of a
    short header word wrapped onto a header line below it (对附属单位补 / 助支出 centred in a
    column beyond those the rows so far print in)."""
    row_gap = settings.current().row_gap
    start = probe = first
    while probe > floor:
        above = rows[probe - 1]
        if _stops(above) or rows[probe].top - above.bottom >= row_gap * rows[probe].size:
            break
        probe -= 1
        row = rows[probe]
        if (
            len(segmented[probe]) >= 2
            or _header_word(row, rows[start : first + 1])
            or (_header_word(row) and any(_wraps_word(row, below) for below in rows[probe + 1 : first]))
        ):
            start = probe
    return start


def _header_word(row: TextRow, table: Sequence[TextRow] = ()) -> bool:
    """True for a line of one short word, no sentence, inside the ``table``'s width (if given),
    over its header."""
    inside = True
    if table:
        left, right = min(r.x0 for r in table), max(r.x1 for r in table)
        inside = left - row.size <= row.x0 and row.x1 <= right + row.size
    return (
        len(row.segments) == 1
        and len(row.text) <= settings.current().header_word_chars
        and inside
        and not any(mark in row.text for mark in "：:。，；")
    )


def _wraps_word(upper: TextRow, row: TextRow) -> bool:
    """True if a segment of ``row`` carries on the one-word line ``upper``: at line spacing under
    it, its middle under the word."""
    gap = settings.current().wrap_gap * row.size
    return any(
        -settings.current().below_slack * row.size <= segment.top - upper.bottom < gap
        and upper.x0 <= (segment.x0 + segment.x1) / 2 <= upper.x1
        for segment in row.segments
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
