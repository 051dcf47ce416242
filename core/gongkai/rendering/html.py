"""The ``html`` renderer: a standalone UTF-8 HTML page; tables with ``rowspan``/``colspan`` headers."""

from __future__ import annotations

import html
from collections.abc import Sequence

from ..celltext import is_amount_text
from ..hookspecs import hookimpl
from ..registrations import Renderer
from .sheet import Grid, Heading, Paragraph, Sheet

_STYLE = """
body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", sans-serif; margin: 2em; }
table { border-collapse: collapse; margin: 1em 0; }
th, td { border: 1px solid #888; padding: 0.2em 0.5em; }
td.amount { text-align: right; font-variant-numeric: tabular-nums; }
tr.total td { font-weight: bold; }
"""


def _spans(width: int, height: int) -> str:
    return (f' colspan="{width}"' if width > 1 else "") + (f' rowspan="{height}"' if height > 1 else "")


def _td(text: str) -> str:
    kind = ' class="amount"' if is_amount_text(text) else ""
    return f"<td{kind}>{html.escape(text)}</td>"


def table_html(grid: Grid) -> list[str]:
    """The grid as a ``<table>``: header rows of ``<th>`` with their spans, amounts right-aligned."""
    out = ["<table>", "<thead>"]
    for spans in grid.header:
        cells = "".join(f"<th{_spans(s.width, s.height)}>{html.escape(s.text)}</th>" for s in spans)
        out.append(f"<tr>{cells}</tr>")
    out += ["</thead>", "<tbody>"]
    for index, row in enumerate(grid.body):
        cells = "".join(_td(text) for text in row)
        total = ' class="total"' if grid.is_total(index) else ""
        out.append(f"<tr{total}>{cells}</tr>")
    out += ["</tbody>", "</table>"]
    return out


def render_html(sheet: Sheet) -> bytes:
    """The sheet as a standalone UTF-8 HTML page."""
    out = [
        "<!DOCTYPE html>",
        '<html lang="zh-CN">',
        "<head>",
        '<meta charset="utf-8">',
        f"<title>{html.escape(sheet.title)}</title>",
        f"<style>{_STYLE}</style>",
        "</head>",
        "<body>",
    ]
    for block in sheet.blocks:
        if isinstance(block, Grid):
            out += table_html(block)
        elif isinstance(block, Heading):
            out.append(f"<h{block.level}>{html.escape(block.text)}</h{block.level}>")
        elif isinstance(block, Paragraph):
            out.append(f"<p>{html.escape(block.text)}</p>")
    out += ["</body>", "</html>", ""]
    return "\n".join(out).encode("utf-8")


@hookimpl
def gongkai_renderers() -> Sequence[Renderer]:
    return [
        Renderer(
            name="html",
            render=render_html,
            extension=".html",
            media_type="text/html; charset=utf-8",
            description="a standalone HTML page, tables with rowspan/colspan headers",
        )
    ]
