"""Where a table's title stands among a layout's lines: on one line, wrapped over two or three
(centred one under the other), and the table number printed alone above or below it."""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from typing import Optional

import attrs

from . import settings
from .canonical import compact
from .layout import Line, LineKind
from .titles import PrintedTitle, is_suffix, number_line, read_title, split_number
from .toc import line_text

FURNITURE = (LineKind.PAGE_NUMBER, LineKind.FURNITURE)  # never part of a table or the text


def plain_text(line: Line) -> Optional[str]:
    """The text of a line that prints one thing: a text line, or a row of cells that are all one
    text (a caption printed inside a table's frame, repeated over the cells it spans); else None."""
    if line.kind is not LineKind.CELLS:
        return line_text(line)
    return _one_text(tuple(line.cells))  # a tuple already, unless a plugin built the line


@functools.lru_cache(maxsize=1 << 14)  # segmentation asks of a line again from each line near it
def _one_text(cells: tuple[str, ...]) -> Optional[str]:
    """The one text ``cells`` print, white space removed, if all filled cells print the same."""
    filled = {compact(cell) for cell in cells if cell.strip()}
    return filled.pop() if len(filled) == 1 else None


@attrs.frozen
class TitleAt:
    """A title found at a line: what it says and the lines it takes (two if wrapped)."""

    printed: PrintedTitle
    lines: tuple[Line, ...]


def title_at(lines: Sequence[Line], index: int, is_title: Callable[[str], bool]) -> Optional[TitleAt]:
    """The table title printed at ``lines[index]`` (possibly wrapped onto the next line), or None."""
    limits = settings.current()
    max_wrapped, reach = limits.max_wrapped_title, limits.title_reach
    line = lines[index]
    text = plain_text(line)
    if text is None or not 2 <= len(text) <= limits.max_title_line:
        return None
    title = read_title(text)
    if title is None and is_title(text):
        title = PrintedTitle(text=text)
    following = next((other for other in lines[index + 1 : index + 1 + reach] if not other.blank), None)
    if title is not None:
        more = plain_text(following) if following is not None and following.kind not in FURNITURE else None
        if more is not None and is_suffix(more):
            # the bracketed suffix wrapped onto a line of its own: （按功能分类）
            joined = read_title(text + more)
            if joined is not None and following is not None:
                return TitleAt(joined, (line, following))
        return TitleAt(title, (line,))
    if number_line(text) is not None:
        return None  # a number alone on its line is read with the title under it, not as its start
    if following is None or following.kind in FURNITURE:
        return None
    more = plain_text(following)
    if more is None or len(more) > max_wrapped:
        return None
    if (
        read_title(more) is not None
        and split_number(text)[0] is None
        and not (_centred_together(line, following) and not text.endswith("表"))
    ):
        # two titles, unless the first line starts with a table number (公开09表：…) or the two
        # lines are one title centred over two lines (a heading over the table part ends in 表)
        return None
    title = read_title(text + more)
    if title is not None:
        return TitleAt(title, (line, following))
    # a long title wrapped over three lines, centred one under the other
    last = next((other for other in lines[index + 2 : index + 1 + reach] if not other.blank), None)
    rest = plain_text(last) if last is not None and last.kind not in FURNITURE else None
    if last is None or rest is None or len(rest) > max_wrapped or not _centred_together(following, last):
        return None
    if not _centred_together(line, following) and len(more) < len(text):
        return None
    title = read_title(text + more + rest)
    return TitleAt(title, (line, following, last)) if title is not None else None


def _centred_together(line: Line, following: Line) -> bool:
    """True if two lines of text are centred on one axis, one right below the other (a title
    wrapped over two lines), as their boxes show; False without boxes."""
    first, second = line.box(0), following.box(0)
    if first is None or second is None or line.kind is LineKind.CELLS or following.kind is LineKind.CELLS:
        return False
    height = first[3] - first[1]
    centre_gap = abs((first[0] + first[2]) / 2 - (second[0] + second[2]) / 2)
    return centre_gap < height and 0 <= second[1] - first[3] < height and first[2] - first[0] > second[2] - second[0]


def number_above(lines: Sequence[Line], index: int) -> Optional[tuple[tuple[str, Optional[int]], Line]]:
    """The table number printed alone on the line above ``lines[index]`` and that line, if any."""
    for other in reversed(lines[max(0, index - settings.current().title_reach) : index]):
        if other.blank or other.kind in FURNITURE:
            continue
        text = plain_text(other)
        number = number_line(text) if text is not None else None
        return (number, other) if number is not None else None
    return None


def number_before_title(lines: Sequence[Line], index: int, is_title: Callable[[str], bool]) -> bool:
    """True if ``lines[index]`` is a table number alone on its line, printed above a title."""
    text = plain_text(lines[index])
    if text is None or number_line(text) is None:
        return False
    for following in range(index + 1, min(index + 1 + settings.current().title_reach, len(lines))):
        if not lines[following].blank and lines[following].kind not in FURNITURE:
            return title_at(lines, following, is_title) is not None
    return False
