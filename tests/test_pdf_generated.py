"""Round trips through PDF: generated tables printed as PDF (reportlab, a CJK font) and parsed back
are exactly the tables they were made from.

Ruled grids drawn with lines or with thin rectangles, tables without rules, a table running over
two pages with or without its header repeated, landscape pages, pages turned with /Rotate and
tables printed sideways, page numbers and a running header: every printed row comes back with
its code, name, side-by-side group and every amount's text and exact value, and every cell knows
the page and box it was printed in.
"""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, assume, given, note, settings
from hypothesis import strategies as st

import gongkai
from gongkai import Document, Severity

from .pdf_rendering import PdfStyle, render_pdf
from .rendering import GenDocument, documents
from .test_roundtrip import assert_identities, assert_table

pytestmark = pytest.mark.pdf

SCALE = max(1, int(os.environ.get("GONGKAI_ROUNDTRIP_SCALE", "1")))
# a few examples of each fixed layout, the same on every run
FIXED = settings(max_examples=4 * SCALE, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
ROUNDTRIP = settings(max_examples=25 * SCALE, deadline=None, suppress_health_check=[HealthCheck.too_slow])

STYLES = st.builds(
    PdfStyle,
    ruled=st.booleans(),
    landscape=st.booleans(),
    rotate=st.sampled_from([0, 0, 90, "sideways"]),
    repeat_header=st.booleans(),
    furniture=st.booleans(),
    rects=st.booleans(),
)


def readable(generated: GenDocument, style: PdfStyle) -> bool:
    """False for what no reader can tell from the page: a table without rules whose part on one
    page prints no amount at all (only its header and names: text, as far as the page shows)."""
    if style.ruled:
        return True
    for table in generated.tables:
        rows = table.rows
        cut = table.layout.get("page_break") or len(rows)
        for part in (rows[:cut], rows[cut:]):
            if part and not any(raw for row in part for _, raw in row.cells):
                return False
    return True


def parse_pdf(generated: GenDocument, style: PdfStyle) -> Document:
    assume(readable(generated, style))
    data = render_pdf(generated, style)
    note(f"style: {style}")
    return gongkai.parse(data, name="generated.pdf")


def assert_round_trip(document: Document, generated: GenDocument) -> None:
    assert document.format == "pdf"
    assert [table.id for table in document.tables] == [table.id for table in generated.tables]
    assert (document.entity, document.year, document.kind, document.unit) == (
        generated.entity,
        generated.year,
        "final",
        generated.unit,
    )
    bad = [
        f
        for f in document.findings
        if f.severity in (Severity.ERROR, Severity.WARNING) and not f.check.startswith(("cross.", "completeness."))
    ]
    assert not bad, [f.message for f in bad]
    for parsed, table in zip(document.tables, generated.tables):
        assert_table(parsed, table, generated.numbered)
        assert_identities(parsed)
        for row in parsed.rows:
            for cell in row.cells:
                assert cell.provenance.page is not None and cell.provenance.bbox is not None, (row.label, cell)
                x0, top, x1, bottom = cell.provenance.bbox
                assert x0 < x1 and top < bottom


@pytest.mark.parametrize("kind", ["expenditure", "summary", "economic"])
@ROUNDTRIP
@given(data=st.data())
def test_generated_table_round_trips_through_pdf(kind: str, data: st.DataObject) -> None:
    generated = data.draw(documents("tsv", (kind,)), label="document")
    style = data.draw(STYLES, label="style")
    assert_round_trip(parse_pdf(generated, style), generated)


@settings(max_examples=8 * SCALE, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_three_tables_in_one_pdf_round_trip(data: st.DataObject) -> None:
    generated = data.draw(documents("tsv", ("summary", "expenditure", "economic")), label="document")
    style = data.draw(STYLES, label="style")
    assert_round_trip(parse_pdf(generated, style), generated)


@pytest.mark.parametrize(
    "style",
    [
        pytest.param(PdfStyle(), id="ruled"),
        pytest.param(PdfStyle(rects=True), id="ruled-with-rectangles"),
        pytest.param(PdfStyle(ruled=False), id="unruled"),
        pytest.param(PdfStyle(landscape=True), id="landscape"),
        pytest.param(PdfStyle(rotate=90), id="rotated-page"),
        pytest.param(PdfStyle(rotate="sideways", ruled=False), id="sideways-unruled"),
        pytest.param(PdfStyle(repeat_header=True, furniture=True), id="repeated-header-and-page-numbers"),
    ],
)
@pytest.mark.parametrize("kind", ["expenditure", "summary", "economic"])
@FIXED
@given(data=st.data())
def test_each_layout_round_trips(style: PdfStyle, kind: str, data: st.DataObject) -> None:
    generated = data.draw(documents("tsv", (kind,)), label="document")
    assert_round_trip(parse_pdf(generated, style), generated)


@FIXED
@given(
    generated=documents("tsv", ("expenditure",)).filter(
        lambda document: bool(document.tables[0].layout.get("page_break")) and len(document.tables[0].rows) > 3
    )
)
def test_a_table_split_over_two_pages_is_one_table_on_both_pages(generated: GenDocument) -> None:
    for repeat in (False, True):
        document = parse_pdf(generated, PdfStyle(repeat_header=repeat, furniture=True))
        assert_round_trip(document, generated)
        (table,) = document.tables
        assert len(table.pages) == 2, table.pages
        pages = {cell.provenance.page for row in table.rows for cell in row.cells}
        assert pages == set(table.pages)
        # the running header and page numbers are neither rows nor narrative
        assert not any("部门决算" in line.text and line.provenance.page > 1 for line in document.narrative)
        assert not any(line.text.strip("- ").isdigit() for line in document.narrative)
