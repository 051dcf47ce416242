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
from typing import Optional

import attrs
from hypothesis import strategies as st

from ..rendering import lay_out
from ..rendering.pdf import DIGIT_FONTS, HEADER_RULES, MAX_RISE, RULES, PdfStyle, render_pdf
from ..rendering.sheet import Block, Heading, Paragraph, Sheet
from ..schema import Document, Table
from ..titles import compact

#: How a title may be prefixed: nothing, the body's name, the year, a level word, an ordinal.
PREFIXES = ("", "entity", "year", "level", "ordinal")
#: Where a table's number is printed: not at all, on the title's line before it, on a line of its
#: own above the title, on a line of its own after it.
NUMBER_PLACES = ("none", "same_line", "above", "after")
#: How numbers are printed; ``{n}`` is the table's position from 1, ``{nn}`` the same in two
#: digits, ``{cn}`` in Chinese numerals.
NUMBER_FORMS = ("公开{nn}表", "表{n}", "附表{n}", "表{cn}", "部门公开表{n}")
#: The bracketed suffix a table's title may carry, by table.
SUFFIXES = {
    "expenditure": "（按功能分类）",
    "general_budget_expenditure": "（按功能分类）",
    "basic_expenditure_economic": "（按经济分类）",
}
_CN = ("一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四", "十五")
_KIND_WORDS = {"final": "决算", "budget": "预算"}


@attrs.frozen(kw_only=True)
class Layout:
    """How a generated document is printed (see the module's description); the defaults print
    it as ``gongkai render --to pdf`` does."""

    prefix: str = attrs.field(default="", validator=attrs.validators.in_(PREFIXES))
    number: str = attrs.field(default="after", validator=attrs.validators.in_(NUMBER_PLACES))
    number_form: str = attrs.field(default="公开{nn}表", validator=attrs.validators.in_(NUMBER_FORMS))
    suffix: bool = False
    two_lines: bool = False  # the title broken over two lines: before its suffix, or near its end
    section_heading: bool = False
    contents: bool = False
    pdf: PdfStyle = attrs.field(factory=PdfStyle)


@attrs.frozen
class Printed:
    """A document printed in a layout: the PDF, and the document a reader must parse from it."""

    data: bytes
    expected: Document
    layout: Layout


def _number(layout: Layout, position: int) -> Optional[str]:
    if layout.number == "none":
        return None
    return layout.number_form.format(n=position, nn=f"{position:02d}", cn=_CN[position - 1])


def _title(document: Document, table: Table, layout: Layout, position: int) -> str:
    """The title as printed (the number not included)."""
    title = table.title + (SUFFIXES.get(table.id, "") if layout.suffix else "")
    prefix = {
        "": "",
        "entity": document.entity or "",
        "year": f"{document.year}年度",
        "level": "部门",
        "ordinal": f"{_CN[position - 1]}、",
    }[layout.prefix]
    return prefix + title


def _broken(title: str) -> str:
    """``title`` over two lines as a narrow page wraps it: its bracketed suffix on the second
    line, else its last few characters (a short title stays on one line)."""
    if len(title) < 16:
        return title  # a short title fits on its line
    if title.endswith("）") and "（" in title:
        cut = title.rindex("（")
    else:
        cut = len(title) - min(6, len(title) // 3)
    return f"{title[:cut]}\n{title[cut:]}"


def _contents(document: Document, layout: Layout, titles: list[str]) -> list[Block]:
    """A table of contents listing the parts and every table, no dot leaders or page numbers,
    then the 情况说明 text a reader must keep as narrative."""
    word = _KIND_WORDS.get(document.kind or "final", "决算")
    entity, year = document.entity or "", document.year
    blocks: list[Block] = [Paragraph("目录"), Paragraph(f"第一部分 {entity}概况")]
    blocks.append(Paragraph(f"第二部分 {year}年度部门{word}表"))
    blocks += [Paragraph(title) for title in titles]
    blocks.append(Paragraph(f"第三部分 {year}年度部门{word}情况说明"))
    blocks += [
        Paragraph(f"第一部分 {entity}概况"),
        Paragraph(f"一、主要职能。{entity}负责本行政区域内有关工作。"),
        Paragraph(f"二、{word}单位构成。本部门{word}为部门本级{word}，无下属单位。"),
        Paragraph(f"第三部分 {year}年度部门{word}情况说明"),
        Paragraph(f"{entity}{year}年度收支{word}情况详见本报告所附表格，各项收支均按规定执行。"),
    ]
    return blocks


def lay_out_as(document: Document, layout: Layout) -> tuple[Sheet, Document]:
    """``document`` laid out with the layout's titles, and the document as it must parse back
    (each table under the title and number printed)."""
    sheet = lay_out(document)
    tables = iter(document.tables)
    blocks: list[Block] = []
    expected: list[Table] = []
    titles: list[str] = []
    position = 0
    for index, block in enumerate(sheet.blocks):
        if isinstance(block, Heading) and block.level == 2:
            table = next(tables)
            position += 1
            title = _title(document, table, layout, position)
            number = _number(layout, position)
            text = _broken(title) if layout.two_lines else title
            if number and layout.number == "same_line":
                text = f"{number}：{text}"
            if layout.section_heading and position == 1:
                word = _KIND_WORDS.get(document.kind or "final", "决算")
                blocks.append(Heading(f"第二部分 {document.year}年度部门{word}表", 3))
            if number and layout.number == "above":
                blocks.append(Paragraph(number))
            blocks.append(Heading(text, 2))
            if number and layout.number == "after":
                blocks.append(Paragraph(number))
            titles.append(title)
            expected.append(attrs.evolve(table, title=compact(title), number=number))
        elif isinstance(block, Paragraph) and _is_number(block, sheet.blocks[index - 1]):
            continue  # the layout prints its own number
        else:
            blocks.append(block)
    if layout.contents:
        blocks[1:1] = _contents(document, layout, titles)
    return Sheet(sheet.title, tuple(blocks)), attrs.evolve(document, tables=tuple(expected))


def _is_number(block: Paragraph, before: Block) -> bool:
    return isinstance(before, Heading) and before.level == 2 and compact(block.text).startswith("公开")


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
        landscape=st.none() | st.booleans(),
        label_width=st.sampled_from([60.0, 110.0]),
        title_in_frame=st.booleans(),
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
    """False for a 表N or 附表N number after the title: numbers printed after the title are
    公开NN表."""
    return not (layout.number == "after" and "公开" not in layout.number_form)


def layouts(styles: Optional[st.SearchStrategy[PdfStyle]] = None) -> st.SearchStrategy[Layout]:
    """Layouts: every title style, combined with the drawing ``styles`` (default: all)."""
    return st.builds(
        Layout,
        prefix=st.sampled_from(PREFIXES),
        number=st.sampled_from(NUMBER_PLACES),
        number_form=st.sampled_from(NUMBER_FORMS),
        suffix=st.booleans(),
        two_lines=st.booleans(),
        section_heading=st.booleans(),
        contents=st.booleans(),
        pdf=styles if styles is not None else pdf_styles(),
    ).filter(_printed_so)
