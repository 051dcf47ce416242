"""A page as lines in reading order: each row of a table as cells with their boxes, the rest of
the page as lines of text.

The page is first turned so that most of its text is upright (a landscape table printed sideways
on a portrait page reads like any other). Glyphs inside a ruled grid fill its cells; the other
glyphs are grouped into lines, among which tables without rules are found by the positions of
their words (:mod:`.columns`).
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Sequence
from typing import Optional

import attrs

from ... import settings
from ...amounts import looks_like_amount
from ...celltext import is_data_cells
from ...codes import is_code
from ...layout import Box, LineKind
from .columns import LooseTable, find_tables
from .content import Glyph, RawPage, Segment
from .glyphs import is_cjk, without_overprints
from .grid import Grid, find_grids
from .headers import HeaderWord, header_cells
from .rows import TextRow, group_rows, row_of


@attrs.frozen
class PageLine:
    """A line of a page before numbering: its kind, cells, the box of each cell, and where it
    stands on the page (top and bottom)."""

    kind: LineKind
    cells: tuple[str, ...]
    boxes: tuple[Optional[Box], ...]
    top: float
    bottom: float


def _turn(page: RawPage) -> tuple[list[Glyph], list[Segment], float, float]:
    """The page's glyphs (fake-bold overprints removed) and rulings, turned so that the most
    common writing direction is upright; and the turned page's width and height."""
    glyphs = without_overprints(page.glyphs)
    counts = Counter(g.rotation for g in glyphs if g.text and not g.text.isspace())
    rotation = counts.most_common(1)[0][0] if counts else 0
    width, height = page.width, page.height
    segments = list(page.segments)
    if rotation == 0:
        return glyphs, segments, width, height

    def point(x: float, y: float) -> tuple[float, float]:
        if rotation == 90:
            return height - y, x
        if rotation == 270:
            return y, width - x
        return width - x, height - y

    def box(x0: float, top: float, x1: float, bottom: float) -> Box:
        ax, ay = point(x0, top)
        bx, by = point(x1, bottom)
        return min(ax, bx), min(ay, by), max(ax, bx), max(ay, by)

    turned = [Glyph(g.text, *box(g.x0, g.top, g.x1, g.bottom), g.size, (g.rotation - rotation) % 360) for g in glyphs]
    segments = [Segment(*box(s.x0, s.top, s.x1, s.bottom)) for s in segments]
    if rotation != 180:
        width, height = height, width
    return turned, segments, width, height


def joined(rows: Sequence[TextRow]) -> str:
    """The text of a cell's lines: joined without a space unless Latin words meet (a wrapped
    name is one name)."""
    text = ""
    for row in rows:
        line = row.text
        if text and line and not is_cjk(text[-1]) and not is_cjk(line[0]) and text[-1].isalpha() and line[0].isalpha():
            text += " "
        text += line
    return text


def _stacked(rows: Sequence[TextRow]) -> bool:
    """True if a cell's lines are several printed rows with no rule between them: two lines or
    more, each a code, an amount or a dash, which a wrapped name never is."""
    return len(rows) > 1 and all(is_code(row.text) or looks_like_amount(row.text) for row in rows)


def _split(middles: Sequence[float], lines: Sequence[TextRow]) -> list[list[TextRow]]:
    """``lines`` dealt to the sub-rows whose middles they are nearest to."""
    parts: list[list[TextRow]] = [[] for _ in middles]
    for line in lines:
        centre = (line.top + line.bottom) / 2
        parts[min(range(len(middles)), key=lambda i: abs(middles[i] - centre))].append(line)
    return parts


def _grid_lines(grid: Grid, glyphs: Sequence[Glyph]) -> list[PageLine]:
    """One line per row of the grid, each cell's text at its first row and column.

    Above the first body row (the header), a merged cell's text is repeated in every position it
    covers, so that each column's header path is complete. A row whose cells stack several
    codes or amounts on separate lines (rows the table forgot to rule) becomes one line per
    stacked row.
    """
    inside: list[list[Glyph]] = [[] for _ in grid.spans]
    for glyph in glyphs:
        x, y = (glyph.x0 + glyph.x1) / 2, (glyph.top + glyph.bottom) / 2
        c = min(max(bisect.bisect_right(grid.xs, x) - 1, 0), len(grid.xs) - 2)
        r = min(max(bisect.bisect_right(grid.ys, y) - 1, 0), len(grid.ys) - 2)
        inside[grid.owner[r][c]].append(glyph)
    rows_of = [group_rows(found) for found in inside]
    texts = [joined(rows) for rows in rows_of]
    boxes = [(span.x0, span.top, span.x1, span.bottom) for span in grid.spans]
    lines: list[PageLine] = []
    header = True
    captions = _captions(grid, rows_of)
    band = _unruled_header(grid, inside, rows_of, captions)
    skipped: range = range(0)
    for r in range(len(grid.ys) - 1):
        if band and r == captions:
            lines += _positional_header(grid, [glyph for index in band for glyph in inside[index]])
            skipped = range(r, max(grid.spans[index].row + grid.spans[index].rows for index in band))
            header = False
        if r in skipped:
            continue
        owners = grid.owner[r]
        starts = [(grid.spans[index].row, grid.spans[index].column) == (r, c) for c, index in enumerate(owners)]
        cells = tuple(texts[index] if start else "" for index, start in zip(owners, starts))
        header = header and (r < captions or not is_data_cells(cells))  # a caption (一、…表) is no row
        if header:
            cells = tuple(texts[index] for index in owners)
        if not any(cells):
            continue
        line_boxes = tuple(boxes[index] for index in owners)
        stacks = [rows_of[index] for index, start in zip(owners, starts) if start and _stacked(rows_of[index])]
        if header or not stacks:
            lines.append(PageLine(LineKind.CELLS, cells, line_boxes, grid.ys[r], grid.ys[r + 1]))
            continue
        tallest = max(stacks, key=len)
        middles = [(row.top + row.bottom) / 2 for row in tallest]
        parts: list[list[list[TextRow]]] = [
            _split(middles, rows_of[index]) if start else [[] for _ in middles] for index, start in zip(owners, starts)
        ]
        for k, middle in enumerate(middles):
            sub = tuple(joined(part[k]) for part in parts)
            top = grid.ys[r] if k == 0 else (middles[k - 1] + middle) / 2
            bottom = grid.ys[r + 1] if k == len(middles) - 1 else (middle + middles[k + 1]) / 2
            lines.append(PageLine(LineKind.CELLS, sub, line_boxes, top, bottom))
    return lines


def _captions(grid: Grid, rows_of: Sequence[Sequence[TextRow]]) -> int:
    """How many rows at the top of the grid are one cell across its width above its header (a
    title or the publisher and unit printed inside the frame). A header printed without inner
    rules is one such cell too: the last of them when the row under them prints data."""
    rows = len(grid.ys) - 1
    count = next((r for r in range(rows) if len(set(grid.owner[r])) > 1), rows)
    if count == rows:
        return 0
    cells = tuple(joined(rows_of[index]) if grid.spans[index].row == count else "" for index in grid.owner[count])
    return max(0, count - 1) if is_data_cells(cells) else count


def _unruled_header(
    grid: Grid, inside: Sequence[Sequence[Glyph]], rows_of: Sequence[Sequence[TextRow]], captions: int
) -> list[int]:
    """The spans of the grid's header when it is printed without its inner rules: a cell over
    several columns above the first body row (below the ``captions`` rows) holding words set
    apart (a header over several columns is one word, perhaps letter-spaced); empty when the
    header is ruled."""
    band: list[int] = []
    for r in range(captions, len(grid.ys) - 1):
        owners = list(dict.fromkeys(grid.owner[r]))
        cells = tuple(joined(rows_of[index]) if grid.spans[index].row == r else "" for index in grid.owner[r])
        if is_data_cells(cells):
            break
        band += [index for index in owners if index not in band]
    merged = any(grid.spans[index].columns > 1 and _words_apart(rows_of[index]) for index in band)
    return band if merged and any(inside[index] for index in band) else []


def _words_apart(rows: Sequence[TextRow]) -> bool:
    """True for a cell holding two words set apart side by side, on one line or on lines of
    their own (a header word centred lower than its neighbour), not one word spread letter by
    letter over its cell (支  出, 因 公 出 国: a segment a character) nor lines centred one
    under the other."""
    words = [segment for row in rows for segment in row.segments if len(segment.text) > 1]
    return any(a.x1 + a.size < b.x0 for a in words for b in words)


def _positional_header(grid: Grid, glyphs: Sequence[Glyph]) -> list[PageLine]:
    """A header printed without inner rules, read by the positions of its words over the grid's
    columns (:mod:`.headers`)."""
    columns = [(grid.xs[c], grid.xs[c + 1]) for c in range(len(grid.xs) - 1)]

    cover = settings.current().column_cover

    def columns_of(word: HeaderWord) -> list[int]:
        width = word.x1 - word.x0
        covered = [
            c
            for c, (left, right) in enumerate(columns)
            if min(right, word.x1) - max(left, word.x0) > cover * min(right - left, width)
        ]
        middle = word.middle
        return covered or [min(range(len(columns)), key=lambda c: abs((columns[c][0] + columns[c][1]) / 2 - middle))]

    rows = [_cut_at(row, grid.xs[1:-1]) for row in group_rows(glyphs) if row.text]
    return [
        PageLine(LineKind.CELLS, tuple(cells), tuple(boxes), top, bottom)
        for cells, boxes, top, bottom in header_cells(rows, columns, columns_of)
    ]


def _cut_at(row: TextRow, rules: Sequence[float]) -> list[TextRow]:
    """``row``'s segments, also cut where a space between two glyphs holds a column's rule
    position: header words of neighbouring columns may stand closer than a segment gap."""
    pieces: list[TextRow] = []
    for segment in row.segments:
        glyphs = [g for g in segment.glyphs if g.text and not g.text.isspace()]
        start = 0
        for i in range(1, len(glyphs)):
            left, right = glyphs[i - 1], glyphs[i]
            if right.x0 - left.x1 > settings.current().rule_split_gap * right.size and any(
                left.x1 <= x <= right.x0 for x in rules
            ):
                pieces.append(row_of(glyphs[start:i]))
                start = i
        pieces.append(row_of(glyphs[start:]))
    return pieces


def _text_line(row: TextRow) -> PageLine:
    return PageLine(LineKind.TEXT, (row.text,), ((row.x0, row.top, row.x1, row.bottom),), row.top, row.bottom)


@attrs.frozen
class LaidPage:
    """A page's lines in reading order, its height once turned, and the table without rules it
    ends with (if it ends with one), which the next page may continue."""

    lines: tuple[PageLine, ...]
    height: float
    open_table: Optional[LooseTable] = None
    open_lines: tuple[PageLine, ...] = ()  # the lines of ``open_table``
    # the previous page's open table laid out again in the columns it shares with this page's
    # continuation (None if this page does not continue it)
    previous_lines: Optional[tuple[PageLine, ...]] = None


def page_lines(page: RawPage, carried: Optional[LooseTable] = None) -> LaidPage:
    """The lines of ``page`` in reading order (top to bottom); ``carried`` is the table without
    rules the previous page ended with."""
    glyphs, segments, width, height = _turn(page)
    # glyphs drawn wholly off the page (content left outside the page's box) are not printed
    glyphs = [g for g in glyphs if g.text is not None and g.x0 < width and g.x1 > 0 and g.top < height and g.bottom > 0]
    grids = [grid for grid in find_grids(segments) if len(grid.xs) > 2]
    loose: list[Glyph] = []
    held: list[list[Glyph]] = [[] for _ in grids]
    for glyph in glyphs:
        x, y = (glyph.x0 + glyph.x1) / 2, (glyph.top + glyph.bottom) / 2
        for index, grid in enumerate(grids):
            if grid.contains(x, y):
                held[index].append(glyph)
                break
        else:
            loose.append(glyph)
    lines: list[PageLine] = []
    for grid, found in zip(grids, held):
        lines.extend(_grid_lines(grid, found))
    rows = [row for row in group_rows(loose) if row.text]
    tables = find_tables(rows, carried, margin=height * settings.current().header_band)
    taken: set[int] = set()
    table_lines: list[list[PageLine]] = []
    for table in tables:
        taken.update(id(row) for row in table.rows)
        table_lines.append(_loose_lines(table))
        lines.extend(table_lines[-1])
    lines.extend(_text_line(row) for row in rows if id(row) not in taken)
    lines.sort(key=lambda line: (line.top, line.bottom))
    previous = None
    if carried is not None and tables and tables[0].continues and tables[0].bands != carried.bands:
        previous = tuple(_loose_lines(attrs.evolve(carried, bands=tables[0].bands)))
    last = tables[-1] if tables else None
    if last is None or any(
        line.top > last.rows[-1].bottom and line.bottom < height * (1 - settings.current().top_margin) for line in lines
    ):
        return LaidPage(tuple(lines), height, previous_lines=previous)
    return LaidPage(tuple(lines), height, last, tuple(table_lines[-1]), previous)


def _loose_lines(table: LooseTable) -> list[PageLine]:
    return [PageLine(LineKind.CELLS, cells, boxes, top, bottom) for cells, boxes, top, bottom in table.lines()]
