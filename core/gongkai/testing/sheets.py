"""A generated document laid out as a :class:`~gongkai.rendering.sheet.Sheet` the many ways real
disclosures are printed, whatever the format it is then printed in.

A :class:`Layout` says how the document's cover line, its tables' titles, numbers and the lines
under them (publisher, unit) are printed, what headings stand above the titles, whether a note
follows each table, and how each table's grid is drawn beyond its region's conventions (code
columns split into 类/款/项, a 栏次 row, 行次 numbers, header words, a single header row, total rows
named in the code column; :mod:`gongkai.testing.regrid`). :func:`lay_out_as` lays a document out
and says what a reader must parse back: the same tables, rows and cells, each table under the
title and number printed (and the 行次 and 栏次 numbers, and the header words, printed).
"""

from __future__ import annotations

from typing import Optional

import attrs
from hypothesis import strategies as st

from ..canonical import load_spec
from ..manager import Registry, default_plugin_manager
from ..registrations import RegionProfile
from ..rendering import NATIONAL, region_profile
from ..rendering.compose import KIND_WORDS, compose, document_title, title_parts
from ..rendering.grids import lines_of
from ..rendering.pdf import PdfStyle
from ..rendering.sheet import Block, Grid, Heading, Paragraph, Sheet
from ..schema import Document, Row, Table
from ..titles import compact
from ..vocabulary import chinese_numeral
from .regrid import AMOUNT_HEADERS, CODE_HEADERS, ITEM_HEADERS, restyled
from .tables import with_ordinals

#: How a title may be prefixed: nothing, the body's name, the year (with a space before 年度, or
#: not), a level word, an ordinal.
PREFIXES = ("", "entity", "year", "spaced_year", "level", "ordinal")
#: Where a table's number is printed: not at all, on the title's line before it, on a line of its
#: own above the title, on a line of its own after it, after the publisher and unit lines.
NUMBER_PLACES = ("none", "same_line", "above", "after", "after_meta")
#: How numbers are printed; ``{n}`` is the table's position from 1, ``{nn}`` the same in two
#: digits, ``{cn}`` in Chinese numerals.
NUMBER_FORMS = ("公开{nn}表", "公开 {nn} 表", "表{n}", "附表{n}", "表{cn}", "部门公开表{n}")
#: The bracketed suffix a table's title may carry, by table.
SUFFIXES = {
    "expenditure": "（按功能分类）",
    "general_budget_expenditure": "（按功能分类）",
    "basic_expenditure_economic": "（按经济分类）",
}
#: How the publisher and the unit are printed under a title: on two lines (编制单位：…, 单位：…),
#: on one (部门：…  金额单位：…), or on one naming both 单位 (单位：… 单位：…).
META_STYLES = {
    "lines": ("编制单位：{entity}", "单位：{unit}"),
    "one_line": ("部门：{entity}  金额单位：{unit}",),
    "unit_twice": ("单位：{entity} 单位：{unit}",),
}


@attrs.frozen(kw_only=True)
class Layout:
    """How a generated document is printed (see the module's description); the defaults print
    it as ``gongkai render`` does. ``table_headings``: a heading of its own above each title, its
    position and the title (三、支出决算表); ``spaced_cover``: the document's title line spaced
    (2023年度 样例局 部门决算); ``notes``: a note under each table; ``split_codes``,
    ``column_numbers`` and ``line_numbers``: codes in 类/款/项 columns, a 栏次 row over tables of
    single groups, 行次 numbers in tables without codes, where the region prints none; the rest
    are described in :mod:`gongkai.testing.regrid`. ``pdf`` is the drawing of a PDF."""

    prefix: str = attrs.field(default="", validator=attrs.validators.in_(PREFIXES))
    number: str = attrs.field(default="after", validator=attrs.validators.in_(NUMBER_PLACES))
    number_form: str = attrs.field(default="公开{nn}表", validator=attrs.validators.in_(NUMBER_FORMS))
    suffix: bool = False
    two_lines: bool = False  # the title broken over two lines: before its suffix, or near its end
    section_heading: bool = False
    contents: bool = False
    table_headings: bool = False
    spaced_cover: bool = False
    meta: str = attrs.field(default="lines", validator=attrs.validators.in_(tuple(META_STYLES)))
    notes: bool = False
    split_codes: bool = False
    column_numbers: bool = False
    line_numbers: bool = False
    single_header: bool = False
    code_header: str = attrs.field(default=CODE_HEADERS[0], validator=attrs.validators.in_(CODE_HEADERS))
    total_in_code: bool = False
    group_header: bool = False
    totals_spread: bool = False
    amount_header: str = attrs.field(default=AMOUNT_HEADERS[0], validator=attrs.validators.in_(AMOUNT_HEADERS))
    item_header: str = attrs.field(default=ITEM_HEADERS[0], validator=attrs.validators.in_(ITEM_HEADERS))
    pdf: PdfStyle = attrs.field(factory=PdfStyle)


def grid_choices(numbered: st.SearchStrategy[bool] | None = None) -> dict[str, st.SearchStrategy]:
    """Strategies for a :class:`Layout`'s grid fields, to pass to ``st.builds(Layout, ...)``;
    ``numbered`` draws the fields that add columns or rows (split codes, 栏次, 行次, a single
    header row; default: any)."""
    flag = numbered if numbered is not None else st.booleans()
    return {
        "split_codes": flag,
        "column_numbers": flag,
        "line_numbers": flag,
        "single_header": flag,
        "code_header": st.sampled_from(CODE_HEADERS),
        "total_in_code": st.booleans(),
        "group_header": st.booleans(),
        "totals_spread": st.booleans(),
        "amount_header": st.sampled_from(AMOUNT_HEADERS),
        "item_header": st.sampled_from(ITEM_HEADERS),
    }


def number_of(layout: Layout, position: int) -> Optional[str]:
    """The number the layout prints for the table at ``position`` (from 1), if any."""
    if layout.number == "none":
        return None
    return layout.number_form.format(n=position, nn=f"{position:02d}", cn=chinese_numeral(position))


def title_of(document: Document, table: Table, layout: Layout, position: int) -> str:
    """The title as printed (the number not included)."""
    title = table.title + (SUFFIXES.get(table.id, "") if layout.suffix else "")
    prefix = {
        "": "",
        "entity": document.entity or "",
        "year": f"{document.year}年度",
        "spaced_year": f"{document.year} 年度",
        "level": "部门",
        "ordinal": f"{chinese_numeral(position)}、",
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


def cover_of(document: Document, layout: Layout) -> str:
    """The document's title line."""
    if layout.spaced_cover:
        year, words = title_parts(document)
        return f"{year} {document.entity or ''} {words}"
    return document_title(document)


def _contents(document: Document, titles: list[str]) -> list[Block]:
    """A table of contents listing the parts and every table, no dot leaders or page numbers,
    then the 情况说明 text a reader must keep as narrative."""
    word = KIND_WORDS.get(document.kind or "final", "决算")
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


def _meta(document: Document, table: Table, layout: Layout, title: str) -> list[Block]:
    """The lines under a title: the year (where the title does not say it), the publisher and
    the unit, as the layout prints them."""
    lines: list[Block] = []
    if table.year and str(table.year) not in title:
        lines.append(Paragraph(f"{table.year}年度"))
    if table.entity and document.unit:
        entity, unit = table.entity, document.unit
        lines += [Paragraph(form.format(entity=entity, unit=unit)) for form in META_STYLES[layout.meta]]
    elif table.entity:
        lines.append(Paragraph(f"编制单位：{table.entity}"))
    elif document.unit:
        lines.append(Paragraph(f"单位：{document.unit}"))
    return lines


def _head(document: Document, table: Table, layout: Layout, position: int) -> tuple[list[Block], str, Optional[str]]:
    """The blocks from a table's headings to the line above its grid, the title printed and
    the number printed."""
    title = title_of(document, table, layout, position)
    number = number_of(layout, position)
    text = _broken(title) if layout.two_lines else title
    if number and layout.number == "same_line":
        text = f"{number}：{text}"
    blocks: list[Block] = []
    if layout.section_heading and position == 1:
        word = KIND_WORDS.get(document.kind or "final", "决算")
        blocks.append(Heading(f"第二部分 {document.year}年度部门{word}表", 3))
    if layout.table_headings:
        blocks.append(Heading(f"{chinese_numeral(position)}、{table.title}", 3))
    if number and layout.number == "above":
        blocks.append(Paragraph(number))
    blocks.append(Heading(text, 2))
    if number and layout.number == "after":
        blocks.append(Paragraph(number))
    blocks += _meta(document, table, layout, title)
    if number and layout.number == "after_meta":
        blocks.append(Paragraph(number))
    return blocks, title, number


def note_of(table: Table) -> str:
    """The note a layout prints under a table."""
    return f"注：本表反映部门本年度{table.title}情况。"


def numbered_lines(table: Table) -> Table:
    """``table`` with 行次 numbers on its rows, line by line, the groups on the right numbered
    after those on their left."""
    lines = lines_of(table.rows)
    numbers = {id(row): str(number + row.group * len(lines)) for number, line in enumerate(lines, 1) for row in line}
    return attrs.evolve(table, rows=tuple(attrs.evolve(row, line_number=numbers[id(row)]) for row in table.rows))


def _reworded(table: Table, layout: Layout) -> Table:
    """``table`` with the header word of its amounts (金额) as the layout prints it."""
    columns = tuple(
        attrs.evolve(column, header=(*column.header[:-1], layout.amount_header))
        if column.header and column.header[-1] == AMOUNT_HEADERS[0]
        else column
        for column in table.columns
    )
    return attrs.evolve(table, columns=columns)


def prepared(document: Document, layout: Layout, profile: RegionProfile) -> Document:
    """``document`` with the numbers and header words the layout prints that its region does not."""
    tables = []
    for table in document.tables:
        canonical = load_spec().table(table.id)
        rows: tuple[Row, ...] = table.rows
        if layout.line_numbers and canonical.classification == "none" and not any(r.line_number for r in rows):
            table = numbered_lines(table)
        if layout.column_numbers and not canonical.repeated_groups and not any(c.ordinal for c in table.columns):
            table = with_ordinals(table, profile.conventions)
        tables.append(_reworded(table, layout))
    return attrs.evolve(document, tables=tuple(tables))


def _profile(document: Document, layout: Layout) -> RegionProfile:
    """The document's region (the national one for a region not registered), with the code
    columns the layout splits."""
    try:
        profile = region_profile(Registry.collect(default_plugin_manager()), document.plugin)
    except KeyError:
        profile = NATIONAL
    if layout.split_codes:
        return attrs.evolve(profile, conventions=attrs.evolve(profile.conventions, split_codes=True))
    return profile


def lay_out_as(document: Document, layout: Layout) -> tuple[Sheet, Document]:
    """``document`` laid out in ``layout``, and the document as it must parse back (each table
    under the title and number printed, with the numbers and header words printed)."""
    profile = _profile(document, layout)
    printed = prepared(document, layout, profile)
    sheet = compose(printed, profile, own=True)
    tables = iter(printed.tables)
    blocks: list[Block] = []
    expected: list[Table] = []
    titles: list[str] = []
    table: Optional[Table] = None
    note = ""
    for block in sheet.blocks:
        if isinstance(block, Heading) and block.level == 1:
            blocks.append(Heading(cover_of(document, layout), 1))
        elif isinstance(block, Heading) and block.level == 2:
            table = next(tables)
            note = note_of(table)
            head, title, number = _head(document, table, layout, len(titles) + 1)
            blocks += head
            titles.append(title)
            table = attrs.evolve(table, title=compact(title), number=compact(number) if number else None)
        elif isinstance(block, Grid) and table is not None:
            grid, read = restyled(block, table, layout, profile.conventions.split_codes)
            blocks += [grid, Paragraph(note)] if layout.notes else [grid]
            expected.append(read)
            table = None
        elif not (isinstance(block, Paragraph) and table is not None):  # the layout prints its own meta lines
            blocks.append(block)
    if layout.contents:
        blocks[1:1] = _contents(document, titles)
    return Sheet(cover_of(document, layout), tuple(blocks)), attrs.evolve(printed, tables=tuple(expected))
