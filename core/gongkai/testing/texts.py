"""Generated disclosures printed as text, the four ways text disclosures reach users.

* ``tsv``: plain text, tables with tab-separated cells (seeds 000 and 003);
* ``markdown``: ``#`` headings, tab-separated tables, ``<b>`` around the cells of total rows
  (seeds 002 and 004);
* ``pipe``: markdown pipe tables (``| a | b |`` under a ``|---|`` delimiter row), ``**`` bold;
* ``pdftotext``: cells separated only by spaces, as pdftotext prints a PDF (seed 001;
  :mod:`gongkai.testing.spaced`).

A :class:`TextStyle` says how: the format, padding around delimited cells, which cells of a total
row markdown bolds, whether titles are markdown headings, where tables break over pages, and the
spacing, indents, blank lines, broken header words and wrapped names of space-aligned text. The
rest of the layout (titles, numbers, meta lines, header words) is a
:class:`~gongkai.testing.sheets.Layout`, as for PDF. :func:`print_text` prints a document and
says what a reader must parse back, as :func:`~gongkai.testing.layouts.print_pdf` does.

    >>> @given(documents(), text_layouts("pdftotext"), text_styles("pdftotext"))  # doctest: +SKIP
    ... def test_spaced(document, layout, style):
    ...     printed = print_text(document, style, layout)
    ...     assert differences(printed.expected, gongkai.parse(printed.data, name="x.txt")) == []
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import Optional

import attrs
from hypothesis import strategies as st

from ..registrations import RegionProfile
from ..rendering.sheet import Grid, Heading, Paragraph, Sheet
from ..schema import Document, Table
from .layouts import Printed
from .sheets import META_STYLES, Layout, grid_choices, lay_out_as
from .spaced import WRAP_STYLES, Wrap, spaced_lines
from .strategies import TABLES, documents
from .variety import SPACED_ZERO_FORMS, ZERO_FORMS, varieties

#: The text formats :func:`print_text` prints.
TEXT_FORMATS = ("tsv", "markdown", "pipe", "pdftotext")
#: Which cells of a total row markdown prints in bold: all, the names only, the amounts only.
BOLD = ("all", "labels", "amounts")
SEPARATORS = (" ", "  ", "   ")
INDENTS = ("  ", "    ", "        ")
_READERS = {"tsv": "text", "markdown": "markdown", "pipe": "markdown", "pdftotext": "text"}
_AMOUNT_TEXT = re.compile(r"^(?:[\d,]+\.\d\d|[—－–-])$")


@attrs.frozen(kw_only=True)
class TextStyle:
    """How a laid-out document is printed as text. ``format``: one of :data:`TEXT_FORMATS`.
    Delimited formats: ``pad``, a space either side of every cell's text; ``bold``, which cells of
    a total row markdown bolds (:data:`BOLD`); ``title_heading``, a table's title is a markdown
    heading (else a line of text). All formats: ``breaks``, a table breaks over pages before each
    of these body lines (from 0): a blank line in a delimited table, a page number between blank
    lines in space-aligned text. Space-aligned text: ``separator`` between cells, ``indent``
    before a line whose first group prints nothing, ``blank_lines`` after every line of a table,
    ``broken_header`` words of a function table's header broken over lines (seed 001), ``wrap``
    long names wrapped onto the next line."""

    format: str = attrs.field(default="tsv", validator=attrs.validators.in_(TEXT_FORMATS))
    pad: bool = False
    bold: str = attrs.field(default="all", validator=attrs.validators.in_(BOLD))
    title_heading: bool = False
    breaks: tuple[int, ...] = ()
    separator: str = attrs.field(default=" ", validator=attrs.validators.in_(SEPARATORS))
    indent: str = attrs.field(default="  ", validator=attrs.validators.in_(INDENTS))
    blank_lines: bool = False
    broken_header: bool = False
    wrap: Optional[Wrap] = None

    @property
    def reader(self) -> str:
        """The reader that reads this format ("text" or "markdown")."""
        return _READERS[self.format]

    @property
    def suffix(self) -> str:
        """The file name suffix this format is saved under."""
        return ".md" if self.reader == "markdown" else ".txt"


def _cell(text: str) -> str:
    return " ".join(text.split())  # a tab or line break inside a cell would split it


def _delimited(cells: Sequence[str], style: TextStyle, bold: bool) -> str:
    """A delimited line; in a total row (``bold``) markdown bolds the cells the style says."""
    texts = [_cell(cell) for cell in cells]
    if bold and style.format in ("markdown", "pipe"):
        mark = "<b>{}</b>" if style.format == "markdown" else "**{}**"
        texts = [
            mark.format(text)
            if text and (style.bold == "all" or (style.bold == "amounts") == bool(_AMOUNT_TEXT.match(text)))
            else text
            for text in texts
        ]
    if style.pad:
        texts = [f" {text} " if text else text for text in texts]
    if style.format == "pipe":
        return "| " + " | ".join(texts) + " |"
    return "\t".join(texts)


def delimited_lines(grid: Grid, style: TextStyle) -> list[str]:
    """``grid`` as tab-separated or pipe-table lines, as ``style`` says."""
    lines: list[str] = []
    for index, cells in enumerate(grid.header_texts()):
        lines.append(_delimited(cells, style, False))
        if index == 0 and style.format == "pipe":
            lines.append("|" + "|".join(["---"] * grid.width) + "|")
    for index, row in enumerate(grid.body):
        if index and index in style.breaks:
            lines.append("")  # where the page breaks
        lines.append(_delimited(row, style, grid.is_total(index)))
    return lines


def _heading(block: Heading, style: TextStyle) -> list[str]:
    """A heading's lines: in markdown, a section heading marked ##, a title ### if the style
    says so (the document's title stays a line of text, as converters print it)."""
    lines = block.text.split("\n")
    if style.reader == "markdown" and (block.level == 3 or (block.level == 2 and style.title_heading)):
        marks = "##" if block.level == 3 else "###"
        lines[0] = f"{marks} {lines[0]}"
    return lines


def sheet_lines(sheet: Sheet, tables: Iterator[Table], style: TextStyle) -> list[str]:
    """The sheet's lines, a blank line after every block; ``tables`` are the sheet's tables, in
    the order of its grids."""
    out: list[str] = []
    for block in sheet.blocks:
        if isinstance(block, Grid):
            table = next(tables)
            out += spaced_lines(block, table, style) if style.format == "pdftotext" else delimited_lines(block, style)
        elif isinstance(block, Heading):
            out += _heading(block, style)
        elif isinstance(block, Paragraph):
            out += [_cell(line) if "\t" in line else line for line in block.text.split("\n")]
        out.append("")
    return out


def print_text(document: Document, style: Optional[TextStyle] = None, layout: Optional[Layout] = None) -> Printed:
    """``document`` printed as text in ``style`` and ``layout`` (default: tab-separated text laid
    out as ``gongkai render`` does; the layout's ``pdf`` style is unused)."""
    style = style or TextStyle()
    layout = layout or Layout()
    sheet, expected = lay_out_as(document, layout)
    lines = sheet_lines(sheet, iter(expected.tables), style)
    return Printed("\n".join(lines).encode("utf-8"), expected, layout, style)


def text_styles(fmt: str) -> st.SearchStrategy[TextStyle]:
    """Every way of printing format ``fmt``: padding, bold cells and title headings in markdown,
    a page break in a table, and the spacing, blank lines, broken headers and wrapped names of
    space-aligned text."""
    spaced = fmt == "pdftotext"
    wraps = st.builds(Wrap, every=st.integers(1, 3), at=st.integers(2, 8), style=st.sampled_from(WRAP_STYLES))
    return st.builds(
        TextStyle,
        format=st.just(fmt),
        pad=st.booleans() if not spaced else st.just(False),
        bold=st.sampled_from(BOLD),
        title_heading=st.booleans() if fmt in ("markdown", "pipe") else st.just(False),
        breaks=st.just(()) | st.tuples(st.integers(1, 12)),
        separator=st.sampled_from(SEPARATORS),
        indent=st.sampled_from(INDENTS),
        blank_lines=st.booleans() if spaced else st.just(False),
        broken_header=st.booleans() if spaced else st.just(False),
        wrap=st.none() | wraps if spaced else st.none(),
    )


def text_layouts(fmt: str) -> st.SearchStrategy[Layout]:
    """Layouts text disclosures of format ``fmt`` print in: the cover and meta lines, 公开NN表
    numbered or not, before or after the meta lines, spaced or not, the year before the title,
    headings above the tables, notes under them, and the grid's header words, header rows, total
    rows and groups; split codes, 栏次 rows and 行次 numbers in delimited tables only."""
    delimited = fmt != "pdftotext"
    flag = st.booleans() if delimited else st.just(False)
    return st.builds(
        Layout,
        prefix=st.sampled_from(("", "year", "spaced_year")),
        number=st.sampled_from(("none", "after", "after_meta")),
        number_form=st.sampled_from(("公开{nn}表", "公开 {nn} 表")),
        section_heading=st.booleans(),
        table_headings=st.booleans(),
        spaced_cover=st.booleans(),
        meta=st.sampled_from(tuple(META_STYLES)),
        notes=st.booleans(),
        **grid_choices(flag),
    )


@st.composite
def printed_texts(
    draw: st.DrawFn,
    fmt: str,
    tables: Sequence[str] = TABLES,
    kinds: Sequence[str] = ("final", "budget"),
    region: Optional[RegionProfile] = None,
) -> Printed:
    """A consistent document of ``region`` holding ``tables`` (:func:`documents`), printing
    every :class:`~gongkai.testing.variety.Variety` a text disclosure of format ``fmt`` prints
    (space-aligned text: zeros never blank, a third group never longer than the second), laid
    out in one of :func:`text_layouts` and printed in one of :func:`text_styles`."""
    spaced = fmt == "pdftotext"
    variety = draw(varieties(SPACED_ZERO_FORMS if spaced else ZERO_FORMS, spaced=spaced))
    document = draw(documents(region, kinds=kinds, tables=tables, variety=variety))
    return print_text(document, draw(text_styles(fmt)), draw(text_layouts(fmt)))
