"""The header of a table without rules, read from the positions of its words.

Without rules only geometry tells a header's cells apart. Two rules follow from how headers are
printed: a header word wrapped onto the next line sits directly under it at line spacing (less
than half a character's height apart), while the next header level is set apart by the cell's
padding; and a header over several columns is centred over the headers printed under it, between
its neighbours. Each header line becomes a row of cells over the table's column bands, a word
over several columns repeated in each, as the lines of a ruled grid's header are.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from typing import Optional

import attrs

from ... import settings
from ...layout import Box
from .glyphs import is_cjk
from .rows import TextRow

# the column bands (left, right) and the band a word stands over
_Columns = tuple[Sequence[tuple[float, float]], Callable[["HeaderWord"], int]]


@attrs.frozen
class HeaderWord:
    """A header cell's text (its wrapped lines joined) and its box."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    size: float

    @property
    def middle(self) -> float:
        return (self.x0 + self.x1) / 2

    def box(self) -> Box:
        return (self.x0, self.top, self.x1, self.bottom)


def _join(text: str, more: str) -> str:
    if text and more and not is_cjk(text[-1]) and not is_cjk(more[0]):
        return f"{text} {more}"
    return text + more


def _wraps(upper: HeaderWord, lower: TextRow) -> bool:
    """True if ``lower`` carries on ``upper`` on the next line: at line spacing, under it."""
    gap = lower.top - upper.bottom
    middle = (lower.x0 + lower.x1) / 2
    return (
        -settings.current().below_slack * lower.size <= gap < settings.current().wrap_gap * lower.size
        and upper.x0 - lower.size <= middle <= upper.x1 + lower.size
    )


def header_words(rows: Sequence[Sequence[TextRow]]) -> list[list[HeaderWord]]:
    """The words of each header line (given as its segments, left to right); a word wrapped
    onto the next line joined to the line it starts on (the lines it continues on keep their
    other words)."""
    lines: list[list[HeaderWord]] = []
    for row in rows:
        line: list[HeaderWord] = []
        for segment in row:
            above = [(i, j) for i, words in enumerate(lines) for j, word in enumerate(words) if _wraps(word, segment)]
            if above:
                i, j = above[-1]
                word = lines[i][j]
                lines[i][j] = HeaderWord(
                    _join(word.text, segment.text),
                    min(word.x0, segment.x0),
                    word.top,
                    max(word.x1, segment.x1),
                    segment.bottom,
                    word.size,
                )
            else:
                line.append(HeaderWord(segment.text, segment.x0, segment.top, segment.x1, segment.bottom, segment.size))
        lines.append(line)
    return lines


def _runs(
    word: HeaderWord, words: Sequence[HeaderWord], tops: set[int], columns: _Columns
) -> list[tuple[float, list[int]]]:
    """The runs of columns next to one another that ``word`` could stand over, each with how far
    off their middle it is: runs of the columns whose lower headers are printed under it,
    between the middles of its neighbours on its line, no column between them without such a
    header, their middle within a character (or a tenth of their width) of its own. A run
    reaches from its first column's left edge to its last one's right edge, or as far as the
    words under it do."""
    edges, band_of = columns
    beside = [other for other in words if other is not word and other.top < word.bottom and word.top < other.bottom]
    low = max((other.middle for other in beside if other.x1 <= word.x0), default=float("-inf"))
    high = min((other.middle for other in beside if other.x0 >= word.x1), default=float("inf"))
    by_band: dict[int, list[HeaderWord]] = {}
    for other in words:
        if other.text.isdigit():
            continue  # a 栏次 number stands under every column, grouped or not
        if (
            id(other) not in tops
            and other.top >= word.bottom - settings.current().below_slack * word.size
            and low < other.middle < high
        ):
            by_band.setdefault(band_of(other), []).append(other)
    bands = sorted(by_band)
    runs = []
    for i in range(len(bands)):
        for j in range(i + 1, len(bands)):
            run = bands[i : j + 1]
            if run[-1] - run[0] != j - i:
                break  # a column between them prints no header under this one
            under = [other for band in run for other in by_band[band]]
            left = min([edges[run[0]][0]] + [other.x0 for other in under])
            right = max([edges[run[-1]][1]] + [other.x1 for other in under])
            off = abs((left + right) / 2 - word.middle)
            if off <= max(word.size, settings.current().centre_slack * (right - left)):
                runs.append((off, run))
    return runs


def _above(upper: HeaderWord, lower: HeaderWord, within: bool) -> bool:
    """True if ``upper`` is printed above ``lower``; ``within`` a header over some columns, only
    if ``lower`` stands within its reach (its width, or four characters, on either side)."""
    if upper.bottom > lower.top:
        return False
    reach = max(upper.x1 - upper.x0, settings.current().header_reach * upper.size)
    return not within or upper.x0 - reach <= lower.middle <= upper.x1 + reach


def _spreads(words: Sequence[HeaderWord], columns: _Columns, within: bool = False) -> dict[int, list[int]]:
    """The columns each header over several columns spans (keyed by ``id`` of the word).

    The headers with nothing printed above them (``within`` a header's columns: above them and
    near) are read together, since a run of columns centred under one header is also centred
    under it widened by a column on each side: as many of them as can be are spread over runs
    of their own, no two over one column, then over as many columns as they can, then as well
    centred as they can. Under each header so
    spread, the headers printed below it over its columns are read the same way, level by
    level (基本支出 over 人员经费 and 公用经费 under 本年支出)."""
    tops = {id(word) for word in words if not any(_above(other, word, within) for other in words)}
    heads = sorted((word for word in words if id(word) in tops), key=lambda word: word.middle)
    band_of = columns[1]
    options = [_runs(word, words, tops, columns) for word in heads]

    @functools.cache
    def best(index: int, after: int) -> tuple[tuple[int, int, float], tuple[Optional[list[int]], ...]]:
        if index == len(heads):
            return (0, 0, 0.0), ()
        score, chosen = best(index + 1, after)
        result = score, (None, *chosen)
        for off, run in options[index]:
            if run[0] > after:
                (count, cover, offs), chosen = best(index + 1, run[-1])
                score = (count + 1, cover + len(run), offs - off)
                if score > result[0]:
                    result = score, (run, *chosen)
        return result

    spreads: dict[int, list[int]] = {}
    for head, run in zip(heads, best(0, -1)[1]):
        if run is None:
            continue
        spreads[id(head)] = run
        below = [
            word
            for word in words
            if id(word) not in tops
            and band_of(word) in run
            and word.top >= head.bottom - settings.current().below_slack * head.size
        ]
        spreads.update(_spreads(below, columns, True))
    return spreads


def header_cells(
    rows: Sequence[Sequence[TextRow]],
    bands: Sequence[tuple[float, float]],
    band_of: Callable[[HeaderWord], list[int]],
) -> list[tuple[list[str], list[Optional[Box]], float, float]]:
    """The header lines ``rows`` (each as its segments) as lines of cells over the column
    ``bands`` (left, right): (cells, boxes, top, bottom) per line that prints a word.
    ``band_of`` gives the bands a word stands over when it is not a header over several
    columns."""
    lines = header_words(rows)
    spreads = _spreads([word for words in lines for word in words], (bands, lambda other: band_of(other)[0]))
    out: list[tuple[list[str], list[Optional[Box]], float, float]] = []
    for row, words in zip(rows, lines):
        if not words:
            continue
        top, bottom = min(s.top for s in row), max(s.bottom for s in row)
        cells: list[str] = [""] * len(bands)
        boxes: list[Optional[Box]] = [(left, top, right, bottom) for left, right in bands]
        for word in words:
            covered = spreads.get(id(word)) or band_of(word)
            for band in covered:
                cells[band] = _join(cells[band], word.text) if band == covered[0] else cells[covered[0]]
                boxes[band] = word.box()
        out.append((cells, boxes, top, max(word.bottom for word in words)))
    _fill_down(out)
    return out


def _fill_down(lines: list[tuple[list[str], list[Optional[Box]], float, float]]) -> None:
    """Repeat each column's header words into its blank lines above and below them: a header
    cell that spans several header lines is centred between them, and the lines its
    neighbours' words fall on do not cut it."""
    for band in range(len(lines[0][0]) if lines else 0):
        printed = [index for index, (cells, _, _, _) in enumerate(lines) if cells[band]]
        if not printed:
            continue
        source = printed[0]
        for index, (cells, boxes, _, _) in enumerate(lines):
            if cells[band]:
                source = index
            else:
                cells[band], boxes[band] = lines[source][0][band], lines[source][1][band]
