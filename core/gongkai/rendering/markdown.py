"""The ``markdown`` renderer: headings, paragraphs and pipe tables.

A pipe table has a single header row in markdown, so only the first header row goes above the
delimiter; the other header rows (and the 栏次 row) follow it as the table's first rows, as
converted disclosures print them.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..hookspecs import hookimpl
from ..registrations import Renderer
from .sheet import Grid, Heading, Paragraph, Sheet


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("\\", "\\\\").replace("|", "\\|")


def _row(cells: Sequence[str]) -> str:
    return "| " + " | ".join(_cell(cell) for cell in cells) + " |"


def table_lines(grid: Grid) -> list[str]:
    """The grid as a pipe table."""
    header = grid.header_texts()
    lines = [_row(header[0]), "|" + "|".join(["---"] * grid.width) + "|"]
    lines += [_row(row) for row in header[1:]]
    lines += [_row(row) for row in grid.body]
    return lines


def _escape(text: str) -> str:
    # a paragraph starting with these would become a heading, list or table in markdown
    return "\\" + text if text[:1] in ("#", "|", "-", "*", "+", ">") else text


def render_markdown(sheet: Sheet) -> bytes:
    """The sheet as UTF-8 markdown."""
    out: list[str] = []
    for block in sheet.blocks:
        if isinstance(block, Grid):
            out += table_lines(block)
        elif isinstance(block, Heading):
            out.append(f"{'#' * block.level} {' '.join(block.text.split())}")
        elif isinstance(block, Paragraph):
            out.append(_escape(" ".join(block.text.split())))
        out.append("")
    return "\n".join(out).encode("utf-8")


@hookimpl
def gongkai_renderers() -> Sequence[Renderer]:
    return [
        Renderer(
            name="markdown",
            render=render_markdown,
            extension=".md",
            media_type="text/markdown; charset=utf-8",
            description="markdown: headings and pipe tables",
        )
    ]
