"""A parsed HTML page as the lines a reader sees, in reading order.

Headings (h1–h6) are HEADING lines. Each row of a data table is a CELLS line, its cells expanded
by their spans into a rectangular grid (:mod:`gongkai.readers.html.tables`), after the table's caption
(its title) as a TEXT line. Everything else is running text: one TEXT line per block element
(p, div, li, dt, dd …), per line of a ``<pre>`` (tab-separated ones as CELLS, as in plain text)
and per part between ``<br>`` s, the inline elements within joined.

A table that holds another table lays the page out rather than printing data: its cells are read
as blocks, and the tables inside as tables. What a page does not print is never read: the
``<head>``, scripts and styles, embedded media and frames, form controls, and navigation
(``<nav>``, or ``role="navigation"``). The content of an ``<object>`` is its fallback (请安装插件):
left out, unless it holds a table, as the rest of a page does after an ``<object>`` never
closed. A checkbox is the one form control that prints something (☑ or ☐, as the markdown
reader writes the checkboxes converters leave in performance tables).

Text is what a browser would show: white space (``&nbsp;`` too) collapsed to one space and
stripped, ``<br>`` a space within a cell or heading. The tree is walked with lxml's iterwalk,
never by Python recursion.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from lxml import etree

from ...layout import LineKind
from ..text import text_line
from .tables import MAX_COLSPAN, MAX_ROWSPAN, SpanCell, expand, grid_rows, span

Piece = tuple[LineKind, tuple[str, ...]]

HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
SKIPPED = frozenset(
    {
        "head",
        "script",
        "style",
        "noscript",
        "template",
        "iframe",
        "frame",
        "object",
        "embed",
        "applet",
        "svg",
        "canvas",
        "audio",
        "video",
        "map",
        "select",
        "option",
        "optgroup",
        "datalist",
        "button",
        "input",
        "textarea",
        "nav",
    }
)
BLOCKS = frozenset(
    {
        "html",
        "body",
        "address",
        "article",
        "aside",
        "blockquote",
        "center",
        "details",
        "dialog",
        "dir",
        "div",
        "dl",
        "dt",
        "dd",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "header",
        "hgroup",
        "hr",
        "legend",
        "li",
        "main",
        "menu",
        "nav",
        "ol",
        "ul",
        "p",
        "section",
        "summary",
        # the parts of a layout table: each cell is a block of the page
        "table",
        "caption",
        "thead",
        "tbody",
        "tfoot",
        "tr",
        "td",
        "th",
    }
)
_SPACE = re.compile(r"[ \t\n\r\f\xa0]+")  # HTML's white space, and the no-break space of &nbsp;


def collapse(text: str) -> str:
    """``text`` with each run of HTML white space (no-break spaces too) as one space, stripped;
    an ideographic space (U+3000) is printed text, as in a browser, and stays."""
    return _SPACE.sub(" ", text).strip(" ")


def _checkbox(element: etree._Element) -> bool:
    return element.tag == "input" and (element.get("type") or "").strip().lower() == "checkbox"


def skipped(element: etree._Element) -> bool:
    """True for an element whose content is not printed text: not an element (a comment), in
    :data:`SKIPPED` (a checkbox excepted, and an object holding a table), or navigation."""
    if not isinstance(element.tag, str):
        return True
    if element.tag == "object":
        return element.find(".//table") is None
    if element.tag in SKIPPED:
        return not _checkbox(element)
    return (element.get("role") or "").strip().lower() == "navigation"


def _mark(element: etree._Element) -> str:
    """What the element prints besides its text: ☑ or ☐ for a checkbox, else nothing."""
    if not _checkbox(element):
        return ""
    return "☑" if element.get("checked") is not None else "☐"


def _text_parts(element: etree._Element, *, breaks: str) -> Iterator[str]:
    """The printed text of ``element`` and its descendants in order, with ``breaks`` for each
    ``<br>`` and at the edges of block elements; noise left out."""
    walker = etree.iterwalk(element, events=("start", "end"))
    for event, node in walker:
        if event == "start":
            if skipped(node) and node is not element:
                walker.skip_subtree()
                continue
            if node.tag == "br" or node.tag in BLOCKS:
                yield breaks
            yield _mark(node)
            yield node.text or ""
        else:
            if node.tag in BLOCKS:
                yield breaks
            if node is not element:
                yield node.tail or ""


def inline_text(element: etree._Element) -> str:
    """The element's printed text on one line: ``<br>`` and block edges a space, white space
    collapsed."""
    if len(element) == 0:  # most cells: no markup inside
        return collapse(element.text or "")
    return collapse("".join(_text_parts(element, breaks=" ")))


def _pre_pieces(element: etree._Element) -> list[Piece]:
    """The lines of a ``<pre>``, spaces kept as printed: tab-separated ones as CELLS."""
    text = "".join(_text_parts(element, breaks="\n")).replace("\xa0", " ")
    pieces = []
    for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        if raw.strip():
            line = text_line(0, raw, None)
            pieces.append((line.kind, line.cells))
    return pieces


def is_layout_table(table: etree._Element) -> bool:
    """True for a table that lays the page out (it holds another table, or says it is only
    presentation) rather than printing data."""
    if (table.get("role") or "").strip().lower() in ("presentation", "none"):
        return True
    return next(table.iterdescendants("table"), None) is not None


def _children(element: etree._Element, *tags: str) -> list[etree._Element]:
    return [child for child in element if child.tag in tags]


def table_rows(table: etree._Element) -> list[etree._Element]:
    """The table's own rows in display order: its head's, its body's (and bare rows), its foot's."""
    head = [row for part in _children(table, "thead") for row in _children(part, "tr")]
    foot = [row for part in _children(table, "tfoot") for row in _children(part, "tr")]
    body = []
    for child in _children(table, "tr", "tbody"):
        body.extend([child] if child.tag == "tr" else _children(child, "tr"))
    return head + body + foot


def _span_cell(cell: etree._Element) -> SpanCell:
    return SpanCell(
        text=inline_text(cell),
        rows=span(cell.get("rowspan"), zero=0, largest=MAX_ROWSPAN),
        columns=span(cell.get("colspan"), zero=1, largest=MAX_COLSPAN),
    )


def table_pieces(table: etree._Element) -> list[Piece]:
    """A data table's lines: its caption's text, then one CELLS line per row that holds text."""
    pieces: list[Piece] = []
    for caption in _children(table, "caption"):
        text = inline_text(caption)
        if text:
            pieces.append((LineKind.TEXT, (text,)))
    rows = [[_span_cell(cell) for cell in _children(row, "td", "th")] for row in table_rows(table)]
    pieces.extend((LineKind.CELLS, cells) for cells in grid_rows(expand(rows)))
    return pieces


class _Flow:
    """The lines read so far and the running text of the block being read."""

    def __init__(self) -> None:
        self.pieces: list[Piece] = []
        self._parts: list[str] = []

    def add(self, text: str | None) -> None:
        if text:
            self._parts.append(text)

    def end_block(self) -> None:
        """The running text becomes a TEXT line (if it prints anything)."""
        text = collapse("".join(self._parts))
        self._parts.clear()
        if text:
            self.pieces.append((LineKind.TEXT, (text,)))

    def extend(self, pieces: list[Piece]) -> None:
        self.end_block()
        self.pieces.extend(pieces)


def page_pieces(root: etree._Element) -> list[Piece]:
    """The page's lines in reading order, each as its kind and cells; GridTooLarge (from
    :mod:`gongkai.readers.html.tables`) for a table too large to lay out."""
    flow = _Flow()
    walker = etree.iterwalk(root, events=("start", "end"))
    for event, element in walker:
        tag = element.tag
        if event == "end":
            if tag in BLOCKS or tag in HEADINGS or tag == "pre":
                flow.end_block()
            if element is not root:
                flow.add(element.tail)  # the tail is the parent's text
            continue
        if skipped(element):
            walker.skip_subtree()
        elif tag in HEADINGS:
            text = inline_text(element)
            flow.extend([(LineKind.HEADING, (text,))] if text else [])
            walker.skip_subtree()
        elif tag == "pre":
            flow.extend(_pre_pieces(element))
            walker.skip_subtree()
        elif tag == "table" and not is_layout_table(element):
            flow.extend(table_pieces(element))
            walker.skip_subtree()
        else:
            if tag == "br" or tag in BLOCKS:
                flow.end_block()
            flow.add(_mark(element))
            flow.add(element.text)
    flow.end_block()
    return flow.pieces
