"""Tables printed without vertical rules, cut by a page break where one page holds a single body
row: the page that shows only the table's header and its first row (合计) starts the table, and
the page that holds only its last row carries it on, with every row where it was printed.

A page's single row under a header naming its columns is a fragment of a table however few its
columns (:mod:`gongkai.readers.pdf.columns`); a line of a table's header or body that prints
amounts but was not read as a row is reported, never left out silently.
"""

from __future__ import annotations

import functools

import pytest
from hypothesis import HealthCheck, Phase, find, settings

pytest.importorskip("reportlab")

import gongkai
from gongkai import Document, Severity
from gongkai.assembly import TableBuilder
from gongkai.canonical import CanonicalTable, load_spec
from gongkai.layout import Line, LineKind
from gongkai.plugin import Grid
from gongkai.registrations import HeaderCell
from gongkai.segment import TableBlock
from gongkai.testing import Layout, PdfStyle, differences, documents, print_pdf
from gongkai.testing.layouts import lay_out_as

pytestmark = pytest.mark.pdf

UNRULED = ("rows", "none")
# three_public of a budget prints two columns only (项目 | 预算数): its 合计 row alone under the
# header has nothing but the header's words to say it is a table's
KINDS = (
    ("three_public", "budget"),
    ("three_public", "final"),
    ("summary", "budget"),
    ("expenditure", "final"),
    ("general_budget_expenditure", "budget"),
)


@functools.cache
def _document(table: str, kind: str) -> Document:
    """A generated disclosure of ``kind`` holding ``table`` alone (always the same one)."""
    return find(
        documents(tables=(table,), kinds=(kind,)),
        lambda document: True,
        settings=settings(
            derandomize=True, database=None, phases=(Phase.generate,), suppress_health_check=list(HealthCheck)
        ),
    )


def _body_rows(document: Document) -> int:
    """How many body rows the document's table prints (side-by-side groups share a row)."""
    sheet, _ = lay_out_as(document, Layout(number="none"))
    (grid,) = [block for block in sheet.blocks if isinstance(block, Grid)]
    return len(grid.body)


def _assert_read_back(document: Document, style: PdfStyle) -> None:
    """The document printed in ``style`` parses back to every printed row and cell, and no
    table's amounts are left unread."""
    printed = print_pdf(document, Layout(number="none", pdf=style))
    parsed = gongkai.parse(printed.data, name="breaks.pdf")
    assert differences(printed.expected, parsed) == []
    unread = [finding.message for finding in parsed.findings if finding.check.startswith("parse.unread")]
    assert unread == []
    assert all(len(table.pages) == 2 for table in parsed.tables)


@pytest.mark.parametrize("repeat", [False, True], ids=["header-once", "header-repeated"])
@pytest.mark.parametrize("rules", UNRULED)
@pytest.mark.parametrize(("table", "kind"), KINDS, ids=[f"{table}-{kind}" for table, kind in KINDS])
def test_a_page_holding_the_header_and_the_first_row_starts_the_table(
    table: str, kind: str, rules: str, repeat: bool
) -> None:
    _assert_read_back(_document(table, kind), PdfStyle(rules=rules, breaks=(1,), repeat_header=repeat))


@pytest.mark.parametrize("repeat", [False, True], ids=["header-once", "header-repeated"])
@pytest.mark.parametrize("rules", UNRULED)
@pytest.mark.parametrize(("table", "kind"), KINDS, ids=[f"{table}-{kind}" for table, kind in KINDS])
def test_a_page_holding_only_the_last_row_carries_the_table_on(table: str, kind: str, rules: str, repeat: bool) -> None:
    document = _document(table, kind)
    last = _body_rows(document) - 1
    _assert_read_back(document, PdfStyle(rules=rules, breaks=(last,), repeat_header=repeat))


@pytest.mark.parametrize("header_rules", ["all", "outer"])
def test_a_one_row_fragment_of_a_two_column_table_keeps_its_total(header_rules: str) -> None:
    """The 合计 row printed alone under the header stays the table's first row, with its amount."""
    document = _document("three_public", "budget")
    style = PdfStyle(rules="none", header_rules=header_rules, breaks=(1,))
    parsed = gongkai.parse(print_pdf(document, Layout(number="none", pdf=style)).data, name="breaks.pdf")
    (table,) = parsed.tables
    assert [row.label for row in table.rows] == [row.label for row in document.tables[0].rows]
    assert table.rows[0].provenance.page != table.rows[1].provenance.page


def _line(number: int, kind: LineKind, *cells: str, page: int = 1) -> Line:
    return Line(number, kind, cells, page=page)


def _by_alias(table: CanonicalTable, header: HeaderCell) -> str | None:
    return table.match_column(header.path)


def test_a_row_read_as_text_among_a_tables_lines_is_reported() -> None:
    """A reader that does not tell a row's cells apart leaves it a line of text (合计 and its
    amount run together): its amounts are counted unread and a finding names the line."""
    block = TableBlock(
        title="一般公共预算“三公”经费支出预算表",
        title_line=_line(1, LineKind.TEXT, "一般公共预算“三公”经费支出预算表"),
        header=(_line(2, LineKind.TEXT, "项目"), _line(3, LineKind.TEXT, "合计12.50")),
        body=(
            _line(4, LineKind.CELLS, "1.因公出国（境）费", "2.50", page=2),
            _line(5, LineKind.CELLS, "3.公务接待费", "10.00", page=2),
        ),
    )
    builder = TableBuilder(block, load_spec().table("three_public"), _by_alias, "budget")
    table = builder.build()
    (finding,) = [finding for finding in builder.findings if finding.check == "parse.unread-row"]
    assert finding.severity is Severity.WARNING
    assert "合计12.50" in finding.message and finding.provenance.line == 3
    assert table.unread_cells == 1
