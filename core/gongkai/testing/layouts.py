"""Generated disclosures printed as PDF the many ways real ones are printed.

A :class:`Layout` says how a document's tables are titled and drawn: the title prefixed by the
body's name, the year, a level word or an ordinal; its number on the same line (``表1：``), on
the line above (``附表1``) or after it (``公开01表``); a bracketed suffix (``（按功能分类）``); the
title printed inside the table's frame; a section heading directly above the first title; a
table of contents without dot leaders or page numbers, followed by the 情况说明 text; and the
drawing itself (:class:`~gongkai.rendering.pdf.PdfStyle`: rules or none, a header without inner
rules, page breaks every few rows, no repeated header, narrow name columns that wrap, the
figures of running text written apart from its words as WPS and some Word exporters write them:
:func:`digits_apart`).

:func:`print_pdf` prints a document in a layout and says what a reader must parse back: the same
tables, rows and cells, each table under the title and number the layout printed.

    >>> from gongkai.testing import documents, layouts, print_pdf, differences
    >>> @given(documents(), layouts())                          # doctest: +SKIP
    ... def test_layouts(document, layout):
    ...     printed = print_pdf(document, layout)
    ...     assert differences(printed.expected, gongkai.parse(printed.data, name="x.pdf")) == []
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Optional

import attrs
from hypothesis import strategies as st

from ..rendering.pdf import DIGIT_FONTS, HEADER_RULES, MAX_RISE, ROTATIONS, RULES, PdfStyle, render_pdf
from ..schema import Document
from .regrid import AMOUNT_HEADERS, CODE_HEADERS, ITEM_HEADERS
from .sheets import META_STYLES, NUMBER_FORMS, NUMBER_PLACES, PREFIXES, SUFFIXES, Layout, grid_choices, lay_out_as

if TYPE_CHECKING:
    from .texts import TextStyle

__all__ = [
    "AMOUNT_HEADERS",
    "CODE_HEADERS",
    "ITEM_HEADERS",
    "META_STYLES",
    "NUMBER_FORMS",
    "NUMBER_PLACES",
    "PREFIXES",
    "SUFFIXES",
    "Layout",
    "Printed",
    "digits_apart",
    "grid_layouts",
    "lay_out_as",
    "layouts",
    "pdf_styles",
    "print_pdf",
    "title_layouts",
]


@attrs.frozen
class Printed:
    """A document printed in a layout: the printed bytes, and the document a reader must parse
    from them; ``text``, the style of a document printed as text
    (:func:`~gongkai.testing.texts.print_text`)."""

    data: bytes
    expected: Document
    layout: Layout
    text: Optional[TextStyle] = None


def print_pdf(document: Document, layout: Layout = Layout()) -> Printed:
    """``document`` printed as PDF in ``layout`` (needs ``gongkai[pdf]``)."""
    sheet, expected = lay_out_as(document, layout)
    return Printed(render_pdf(sheet, layout.pdf), expected, layout)


def pdf_styles(rules: Sequence[str] = RULES, header_rules: Sequence[str] = HEADER_RULES) -> st.SearchStrategy[PdfStyle]:
    """The ways :class:`PdfStyle` draws a table, with ``rules`` and ``header_rules`` among
    those given."""
    return st.builds(
        PdfStyle,
        rules=st.sampled_from(list(rules)),
        header_rules=st.sampled_from(list(header_rules)),
        repeat_header=st.booleans(),
        rows_per_page=st.none() | st.integers(4, 12),
        breaks=st.just(()) | st.tuples(st.integers(1, 12)),
        landscape=st.none() | st.booleans(),
        label_width=st.sampled_from([60.0, 110.0]),
        title_in_frame=st.booleans(),
        rotation=st.sampled_from(ROTATIONS),
        furniture=st.booleans(),
        rects=st.booleans(),
        bold_totals=st.booleans(),
    )


def digits_apart(styles: Optional[st.SearchStrategy[PdfStyle]] = None) -> st.SearchStrategy[PdfStyle]:
    """The drawing ``styles`` (default: the default style) with the figures of running text
    written apart from its words: in a Latin font, on a baseline up to two points off the words'
    (as often as not the furthest off), drawn after the words of their page."""
    return st.builds(
        lambda style, font, rise: attrs.evolve(style, digits_apart=True, digit_font=font, digit_rise=rise),
        styles if styles is not None else st.just(PdfStyle()),
        st.sampled_from(DIGIT_FONTS),
        st.sampled_from((-MAX_RISE, MAX_RISE)) | st.floats(-MAX_RISE, MAX_RISE),
    )


def _printed_so(layout: Layout) -> bool:
    """False for a 表N or 附表N number after the title or its meta lines (numbers printed after
    the title are 公开NN表), and for what no reader reads yet."""
    if layout.number in ("after", "after_meta") and "公开" not in layout.number_form:
        return False
    # RESTRICTION: under a heading of its own (一、支出决算表), a number printed before the title
    # is not read as the table's yet; a title drawn in the table's frame has its number above it
    before = layout.number in ("same_line", "above") or layout.pdf.title_in_frame
    return not (layout.table_headings and before)


def title_layouts(styles: Optional[st.SearchStrategy[PdfStyle]] = None) -> st.SearchStrategy[Layout]:
    """Layouts of every title style (prefix, number, suffix, broken title, headings, contents)
    over the region's own grid, drawn in ``styles`` (default: all)."""
    return st.builds(
        Layout,
        prefix=st.sampled_from(PREFIXES),
        number=st.sampled_from(NUMBER_PLACES),
        number_form=st.sampled_from(NUMBER_FORMS),
        suffix=st.booleans(),
        two_lines=st.booleans(),
        section_heading=st.booleans(),
        contents=st.booleans(),
        table_headings=st.booleans(),
        spaced_cover=st.booleans(),
        meta=st.sampled_from(tuple(META_STYLES)),
        notes=st.booleans(),
        pdf=styles if styles is not None else pdf_styles(),
    ).filter(_printed_so)


def grid_layouts(styles: Optional[st.SearchStrategy[PdfStyle]] = None) -> st.SearchStrategy[Layout]:
    """Layouts of every way of drawing a grid (split codes, 栏次 and 行次 numbers, header words,
    a single header row, totals in the code column, economic groups) under the usual title,
    drawn in ``styles`` (default: all)."""
    return st.builds(
        Layout,
        **grid_choices(),
        pdf=styles if styles is not None else pdf_styles(),
    )


def layouts(styles: Optional[st.SearchStrategy[PdfStyle]] = None) -> st.SearchStrategy[Layout]:
    """Layouts: every title style (:func:`title_layouts`) or every way of drawing a grid
    (:func:`grid_layouts`), drawn in ``styles`` (default: all)."""
    return title_layouts(styles) | grid_layouts(styles)
