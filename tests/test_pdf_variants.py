"""Generated disclosures printed as PDF the ways real ones are (:mod:`gongkai.testing.layouts`)
parse back to the tables they were made from.

Titles prefixed by the body's name, the year, a level word or an ordinal; numbered on the same
line, on the line above or after the title, in every numbering style; suffixed; printed inside
the table's frame; a section heading directly above the first title; a table of contents without
leaders or page numbers followed by the 情况说明; pages broken every few rows with or without the
header repeated; narrow name columns that wrap; tables without rules, with rules between rows
only, or with a header whose inner rules are missing. Every table must come back under the title
and number printed, with every row and cell, and the checks must find no error.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, assume, given, note, settings
from hypothesis import strategies as st

pytest.importorskip("reportlab")

import gongkai
from gongkai import Document, Severity
from gongkai.testing import (
    Layout,
    PdfStyle,
    Printed,
    differences,
    documents,
    layouts,
    pdf_styles,
    print_pdf,
    profile_of,
)
from gongkai.testing.layouts import NUMBER_FORMS, PREFIXES
from gongkai.testing.strategies import TABLES

pytestmark = pytest.mark.pdf

VARIANTS = settings(max_examples=8, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])


def parse(printed: Printed) -> Document:
    note(f"layout: {printed.layout}")
    return gongkai.parse(printed.data, name="variant.pdf")


def assert_read_back(printed: Printed) -> Document:
    """The parse holds exactly the printed tables (titles, numbers, rows, cells) and no error."""
    parsed = parse(printed)
    assert differences(printed.expected, parsed) == []
    errors = [finding.message for finding in parsed.findings if finding.severity is Severity.ERROR]
    assert errors == []
    return parsed


@VARIANTS
@given(document=documents(), layout=layouts(pdf_styles(rules=("grid",), header_rules=("all",))))
def test_every_title_style_round_trips(document: Document, layout: Layout) -> None:
    parsed = assert_read_back(print_pdf(document, layout))
    # every table is named by its printed title (exactly, or a known variant of it)
    assert all(table.identification.by in ("title", "title-variant") for table in parsed.tables)


@pytest.mark.parametrize("prefix", PREFIXES)
@pytest.mark.parametrize("form", NUMBER_FORMS)
@settings(max_examples=1, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
@given(document=documents(tables=("summary", "general_budget_expenditure", "three_public")))
def test_each_prefix_and_number_style(prefix: str, form: str, document: Document) -> None:
    for place in ("same_line", "above", "after") if "公开" in form else ("same_line", "above"):
        assert_read_back(print_pdf(document, Layout(prefix=prefix, number=place, number_form=form)))


@settings(max_examples=4, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
@given(document=documents(), suffix=st.booleans(), prefix=st.sampled_from(PREFIXES), framed=st.booleans())
def test_a_title_broken_over_two_lines_is_one_title(
    document: Document, suffix: bool, prefix: str, framed: bool
) -> None:
    """A long title wrapped before its suffix or near its end, above the table or in its frame."""
    layout = Layout(two_lines=True, suffix=suffix, prefix=prefix, pdf=PdfStyle(title_in_frame=framed))
    assert_read_back(print_pdf(document, layout))


@settings(max_examples=3, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
@given(document=documents())
def test_contents_without_leaders_is_not_a_table_and_the_text_after_it_stays_text(document: Document) -> None:
    printed = print_pdf(document, Layout(contents=True, section_heading=True))
    parsed = assert_read_back(printed)
    text = [line.text for line in parsed.narrative]
    assert any("各项收支均按规定执行" in line for line in text), text
    assert any(line.startswith("第二部分") for line in text), "the section heading is narrative, not a title"


@settings(max_examples=4, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
@given(document=documents(tables=("expenditure", "general_budget_expenditure")), repeat=st.booleans())
def test_a_table_broken_every_few_rows_is_one_table(document: Document, repeat: bool) -> None:
    layout = Layout(pdf=PdfStyle(rows_per_page=3, repeat_header=repeat))
    parsed = assert_read_back(print_pdf(document, layout))
    for table in parsed.tables:
        assert len(table.pages) == -(-len(table.rows) // 3), (table.id, table.pages, len(table.rows))


@settings(max_examples=4, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
@given(document=documents(tables=("summary", "expenditure", "basic_expenditure_economic")))
def test_the_title_printed_inside_the_frame_starts_the_table(document: Document) -> None:
    parsed = assert_read_back(print_pdf(document, Layout(pdf=PdfStyle(title_in_frame=True))))
    for table in parsed.tables:
        assert not any(table.title in " ".join(column.header) for column in table.columns)


@settings(max_examples=4, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
@given(document=documents(tables=("expenditure", "basic_expenditure_economic")))
def test_narrow_name_columns_wrap_without_new_rows(document: Document) -> None:
    assert_read_back(print_pdf(document, Layout(pdf=PdfStyle(label_width=40.0))))


@settings(max_examples=8, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
@given(
    document=documents(),
    rules=st.sampled_from(["none", "rows"]),
    rows_per_page=st.none() | st.integers(3, 6),
    repeat=st.booleans(),
)
def test_tables_without_column_rules(document: Document, rules: str, rows_per_page: int, repeat: bool) -> None:
    """Columns told apart by white space only: multi-level headers wrapped and centred over
    their columns, names wrapped onto a second line, pages broken with or without the header."""
    style = PdfStyle(rules=rules, rows_per_page=rows_per_page, repeat_header=repeat, label_width=60.0)
    assert_read_back(print_pdf(document, Layout(pdf=style)))


@settings(max_examples=8, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
@given(document=documents(), framed=st.booleans())
def test_a_header_missing_its_inner_rules_is_read_by_position(document: Document, framed: bool) -> None:
    """Three header levels (本年支出 over 基本支出 over 人员经费) read from where the words stand,
    below a title printed in the frame or not."""
    parsed = assert_read_back(print_pdf(document, Layout(pdf=PdfStyle(header_rules="outer", title_in_frame=framed))))
    for table, expected in zip(parsed.tables, document.tables):
        assert [column.id for column in table.columns] == [column.id for column in expected.columns]


@settings(max_examples=12, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
@given(document=documents(), layout=layouts())
def test_any_layout_round_trips(document: Document, layout: Layout) -> None:
    """Every title style with every way of drawing the table, together."""
    assert_read_back(print_pdf(document, layout))


@settings(max_examples=4, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
@given(document=documents(profile_of("yunnan"), tables=("expenditure", "general_budget_expenditure")))
def test_a_column_number_row_under_a_header_without_rules(document: Document) -> None:
    """A 栏次 row (1, 2, 3 … under every column) is no header over columns: 基本支出 and 项目支出
    standing side by side over their numbers stay two headers."""
    assert_read_back(print_pdf(document, Layout(pdf=PdfStyle(rules="none"))))


REGIONS = (None, "fujian", "yunnan", "hubei", "shanghai", "jiangsu", "central")


@st.composite
def regional_documents(draw: st.DrawFn) -> Document:
    """A generated disclosure in the conventions of any region (national when None)."""
    name = draw(st.sampled_from(REGIONS))
    return draw(documents(profile_of(name) if name else None, tables=TABLES))


def prints_an_amount_in_every_row(document: Document) -> bool:
    """False where some row prints no amount: a page of a table without rules may then print
    nothing but names, and such a page is text as far as the page shows."""
    return all(any(cell.raw for cell in row.cells) for table in document.tables for row in table.rows)


@settings(max_examples=20, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
@given(document=regional_documents(), layout=layouts())
def test_every_region_in_any_layout_round_trips(document: Document, layout: Layout) -> None:
    """Each region's conventions (行次 and 栏次 numbers, 类/款/项 code columns, its titles and
    numbers) printed every way."""
    assume(prints_an_amount_in_every_row(document))
    assert_read_back(print_pdf(document, layout))


@settings(max_examples=6, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
@given(document=documents(profile_of("hubei"), tables=("summary",)))
def test_line_numbers_flush_left_under_a_centred_header_without_rules(document: Document) -> None:
    """行次 numbers standing flush left in their column, the header 行次 centred over it, in a
    table without rules: the numbers and the header are one column, also on a page whose numbers
    are all one digit wide (so that their left and right edges both line up)."""
    assume(prints_an_amount_in_every_row(document))
    assert_read_back(print_pdf(document, Layout(pdf=PdfStyle(rules="none", rows_per_page=10, title_in_frame=True))))


@settings(max_examples=4, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
@given(document=documents(profile_of("hubei")))
def test_tables_numbered_in_printed_order_are_the_tables_their_titles_name(document: Document) -> None:
    """A Hubei document that leaves out 财政拨款收入支出决算总表 (the region's 公开04) and numbers
    its tables as it prints them: its 表4 is the 一般公共预算财政拨款支出决算表 its title names
    (the region's 05), the title prefixed by the body's name."""
    layout = Layout(prefix="entity", number="same_line", number_form="表{n}")
    assert_read_back(print_pdf(document, layout))


@settings(max_examples=6, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
@given(document=documents(profile_of("jiangsu"), tables=("general_budget_expenditure",)))
def test_header_words_wrapped_over_columns_no_row_prints_in(document: Document) -> None:
    """A table with rules between its rows only and a header without inner rules, most of whose
    columns print nothing: a header word wrapped over two lines (项目支出结转 / 和结余) names one
    column, its second line no column of its own."""
    assume(prints_an_amount_in_every_row(document))
    layout = Layout(pdf=PdfStyle(rules="rows", header_rules="outer", title_in_frame=True))
    assert_read_back(print_pdf(document, layout))


@settings(max_examples=3, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
@given(
    document=documents(
        profile_of("yunnan"),
        kinds=("final",),
        tables=("expenditure", "general_budget_expenditure", "basic_expenditure_economic"),
    )
)
def test_titles_sharing_their_last_line_are_no_running_header(document: Document) -> None:
    """Three tables in a row whose titles end on the same line (支出决算表, alone or under
    一般公共预算财政拨款收入 / 基本 broken over two lines, as Yunnan titles them), each at the top
    of its page: the shared line stands in different places, so it is each table's title, not a
    running header."""
    assert_read_back(print_pdf(document, Layout(number="none", two_lines=True)))
