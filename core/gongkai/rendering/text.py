"""The ``text`` renderer: plain text, tables with tab-separated cells (as the text reader reads).

A spanning header cell prints its text at its first position; the positions it covers stay
empty, as tab-separated disclosures print merged headers.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..hookspecs import hookimpl
from ..registrations import Renderer
from .sheet import Grid, Heading, Paragraph, Sheet


def _cell(text: str) -> str:
    return " ".join(text.split())  # a tab or line break inside a cell would split it


def grid_lines(grid: Grid) -> list[str]:
    """The grid's lines: header rows, then body rows, cells joined by tabs."""
    rows = grid.header_texts() + [list(row) for row in grid.body]
    return ["\t".join(_cell(cell) for cell in row) for row in rows]


def render_text(sheet: Sheet) -> bytes:
    """The sheet as UTF-8 text: one line per heading and paragraph, blank lines between blocks."""
    out: list[str] = []
    for block in sheet.blocks:
        if isinstance(block, Grid):
            out += grid_lines(block)
        elif isinstance(block, (Heading, Paragraph)):
            out.append(_cell(block.text))  # a tab would make running text a table line
        out.append("")
    return "\n".join(out).encode("utf-8")


@hookimpl
def gongkai_renderers() -> Sequence[Renderer]:
    return [
        Renderer(
            name="text",
            render=render_text,
            extension=".txt",
            media_type="text/plain; charset=utf-8",
            description="plain text, tab-separated tables",
        )
    ]
