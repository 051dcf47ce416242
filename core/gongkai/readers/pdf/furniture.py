"""Page furniture: printed page numbers, running headers and running footers.

They are marked so that segmentation skips them: a table continued on the next page runs on
across them, and the narrative does not repeat them on every page.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import attrs

from ... import settings
from ...layout import LineKind
from ...titles import number_line
from .page import PageLine

_PAGE_NUMBER = re.compile(
    r"^(?:[-—–－]?\s*\d{1,4}\s*[-—–－]?|第\s*\d{1,4}\s*页(?:\s*[,，]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*/\s*\d{1,4})$"
)
# a table's number (公开01表, 表1, 附表3 …) and its 编制单位/单位 lines printed at the top of each
# table's page look like a running header, but segmentation needs them: they say which table the
# page holds, and whose
_TABLE_META = re.compile(r"(?:单位|部门)\s*[:：]")


def _table_meta(text: str) -> bool:
    return bool(_TABLE_META.search(text)) or number_line(text) is not None


def _margin_lines(lines: Sequence[PageLine], height: float) -> list[int]:
    """Indexes of the text lines among the first and last few of a page that lie in its margins."""
    edge_lines, margin = settings.current().edge_lines, settings.current().top_margin
    edge = set(range(min(edge_lines, len(lines)))) | set(range(max(0, len(lines) - edge_lines), len(lines)))
    return [
        index
        for index in sorted(edge)
        if lines[index].kind is LineKind.TEXT
        and (lines[index].bottom <= height * margin or lines[index].top >= height * (1 - margin))
    ]


def _shape(text: str) -> str:
    return re.sub(r"\d+", "#", "".join(text.split()))


def _place(line: PageLine, height: float) -> float:
    """Where a margin line stands: its distance from the top of the page, or (negative) from the
    bottom for a line in the lower half, so that pages of other sizes compare."""
    return line.top if line.top < height / 2 else line.bottom - height


def _most_in_one_place(places: Sequence[tuple[float, float]]) -> int:
    """How many of the (place, line height) pairs stand within a line's height of one another."""
    return max((sum(1 for other, _ in places if abs(other - place) <= tall) for place, tall in places), default=0)


def mark_furniture(pages: Sequence[tuple[Sequence[PageLine], float]]) -> list[list[PageLine]]:
    """Each page's lines with page numbers marked PAGE_NUMBER and running headers and footers
    (the same text, numbers aside, in the same place in the margin of at least three pages and a
    third of them, other than a table's 公开NN表 number and meta lines) marked FURNITURE. A
    title's last line that several tables share (…支出决算表 under titles broken over two lines)
    stands lower under a two-line title than alone, so it is no running header."""
    margins = [_margin_lines(lines, height) for lines, height in pages]
    places: dict[str, list[tuple[float, float]]] = {}
    for (lines, height), indexes in zip(pages, margins):
        for shape, place in {
            _shape(lines[i].cells[0]): (_place(lines[i], height), lines[i].bottom - lines[i].top) for i in indexes
        }.items():
            places.setdefault(shape, []).append(place)
    counts = {shape: _most_in_one_place(found) for shape, found in places.items()}
    least = settings.current()
    repeated = {
        shape
        for shape, count in counts.items()
        if count >= least.furniture_pages and count / len(pages) >= least.furniture_share
    }
    marked: list[list[PageLine]] = []
    for (lines, _), indexes in zip(pages, margins):
        out = list(lines)
        for index in indexes:
            text = lines[index].cells[0].strip()
            if _PAGE_NUMBER.match(text):
                out[index] = attrs.evolve(lines[index], kind=LineKind.PAGE_NUMBER)
            elif _shape(text) in repeated and not _table_meta(text):
                out[index] = attrs.evolve(lines[index], kind=LineKind.FURNITURE)
        marked.append(out)
    return marked
