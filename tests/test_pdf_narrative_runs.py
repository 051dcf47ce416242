"""Running text whose figures are written apart from its words comes back as printed.

WPS and some Word exporters write a sentence such as "本年收入合计1,234.56万元，增长12.3%。" as
several text objects: the Chinese words in one font, and each figure ("1,234.56", "12.3%") in a
Latin font of another size, on a baseline up to two points off the words', drawn after all the
words of the page. Each printed line must still reach the checks as one narrative line, its
figures in place; the tables printed in that style must still round-trip.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

import attrs
import pytest
from hypothesis import HealthCheck, given, note, settings
from hypothesis import strategies as st

pytest.importorskip("reportlab")
pytest.importorskip("pdfminer")

import gongkai
from gongkai import Document, Severity
from gongkai.readers.pdf.interpret import Glyph
from gongkai.readers.pdf.rows import group_rows
from gongkai.schema import Provenance, TextLine
from gongkai.testing import Layout, PdfStyle, differences, documents, layouts, pdf_styles, print_pdf
from gongkai.testing.layouts import digits_apart

pytestmark = pytest.mark.pdf

RUNS = settings(max_examples=10, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
_CENT = Decimal("0.01")


def _money(value: Decimal) -> str:
    return f"{value.quantize(_CENT, ROUND_HALF_UP):,.2f}"


def _percent(part: Decimal, whole: Decimal) -> str:
    return f"{(part / whole * 100).quantize(_CENT, ROUND_HALF_UP)}%"


def _amounts(document: Document) -> list[Decimal]:
    """The positive amounts the document's tables print, in printed order."""
    found = [cell.value for table in document.tables for row in table.rows for cell in row.cells]
    return [value for value in found if value is not None and value > 0]


@st.composite
def _sentence(draw: st.DrawFn, amount: Decimal, year: int) -> str:
    """A sentence of a 情况说明 restating ``amount``: with the change over last year, a share,
    or a count on a date."""
    kind = draw(st.sampled_from(("change", "share", "count")))
    money = _money(amount)
    if kind == "change":
        last = (amount * Decimal(draw(st.integers(50, 95))) / 100).quantize(_CENT)
        change, rate = _money(amount - last), _percent(amount - last, last)
        return f"本年收入合计{money}万元，比上年增加{change}万元，增长{rate}。"
    if kind == "share":
        share = _percent(amount, amount * Decimal(draw(st.integers(101, 400))) / 100)
        return f"{year}年度基本支出{money}万元，占本年支出合计的{share}。"
    vehicles = draw(st.integers(1, 120))
    return f"截至{year}年12月31日，本部门共有车辆{vehicles}辆，车辆运行维护费{money}万元。"


@st.composite
def narrated(draw: st.DrawFn) -> Document:
    """A generated disclosure whose 情况说明 (printed before its tables, one sentence a line)
    restates a few of its amounts."""
    document = draw(documents())
    amounts = _amounts(document)
    chosen = draw(st.lists(st.sampled_from(amounts), min_size=1, max_size=5)) if amounts else [Decimal("12.30")]
    year = document.year or 2023
    sentences = [draw(_sentence(amount, year)) for amount in chosen]
    lines = tuple(TextLine(text, Provenance(line=index)) for index, text in enumerate(sentences, start=1))
    tables = tuple(
        attrs.evolve(table, provenance=attrs.evolve(table.provenance, line=len(lines) + index))
        for index, table in enumerate(document.tables, start=1)
    )
    return attrs.evolve(document, narrative=lines, tables=tables)


def _compact(text: str) -> str:
    return "".join(text.split())


@RUNS
@given(document=narrated(), style=digits_apart())
def test_each_sentence_comes_back_whole_with_its_figures_in_place(document: Document, style: PdfStyle) -> None:
    note(f"style: {style}")
    printed = print_pdf(document, Layout(pdf=style))
    parsed = gongkai.parse(printed.data, name="x.pdf", checks=False)
    sentences = [_compact(line.text) for line in document.narrative]
    read = [_compact(line.text) for line in parsed.narrative]
    assert sentences[0] in read, read
    start = read.index(sentences[0])
    assert read[start : start + len(sentences)] == sentences


@settings(max_examples=8, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
@given(document=documents(), layout=layouts(digits_apart(pdf_styles())))
def test_the_tables_round_trip_with_the_figures_of_the_running_text_apart(document: Document, layout: Layout) -> None:
    """The table numbers, 编制单位 and unit lines and notes are running text too: their figures
    written apart must not cost a table its title, number, rows or cells."""
    note(f"layout: {layout}")
    printed = print_pdf(document, layout)
    parsed = gongkai.parse(printed.data, name="x.pdf")
    assert differences(printed.expected, parsed) == []
    assert [finding.message for finding in parsed.findings if finding.severity is Severity.ERROR] == []


def _run(text: str, x: float, top: float, size: float, width: float) -> list[Glyph]:
    """Glyphs of ``text`` from ``x`` (page coordinates, y down), each ``width`` wide and as tall
    as its size."""
    return [Glyph(char, x + i * width, top, x + (i + 1) * width, top + size, size) for i, char in enumerate(text)]


@settings(max_examples=50, deadline=None)
@given(shift=st.floats(-3.0, 3.0), growth=st.floats(0.0, 1.0), data=st.data())
def test_figures_drawn_apart_off_the_words_join_their_line_in_place(
    shift: float, growth: float, data: st.DataObject
) -> None:
    """Whatever order the runs were drawn in, each figure's box ``shift`` points off the words'
    (a baseline up to two points off, and the Latin font's descent another point), its font up
    to a point larger."""
    size, top = 10.0, 100.0
    pieces = [("本年收入合计", False), ("1,234.56", True), ("万元，增长", False), ("12.3%", True), ("。", False)]
    glyphs: list[Glyph] = []
    x = 36.0
    for text, figure in pieces:
        width = 0.55 * (size + growth) if figure else size
        glyphs += _run(text, x, top + shift - growth / 2 if figure else top, size + growth if figure else size, width)
        x += width * len(text)
    below = _run("第二行", 36.0, top + 1.6 * size, size, size)  # the paragraph's next line
    drawn = data.draw(st.permutations(glyphs + below))
    assert [row.text for row in group_rows(drawn)] == ["本年收入合计1,234.56万元，增长12.3%。", "第二行"]


def test_two_fields_at_either_end_of_a_line_stay_apart() -> None:
    """部门 at the left and 单位 at the right of a table's page, a few points apart in height:
    two lines, not one run of text across the page."""
    left = _run("部门：某某办公厅", 270.0, 125.7, 12.0, 12.0)
    right = _run("单位：万元", 897.0, 131.2, 12.0, 12.0)
    assert [row.text for row in group_rows(left + right)] == ["部门：某某办公厅", "单位：万元"]


def test_an_amount_beside_a_wrapped_name_stays_a_line_of_its_own() -> None:
    """A name wrapped over two lines in a table without rules, its amount centred between them."""
    size = 9.0
    name = _run("一般公共服务", 40.0, 100.0, size, size) + _run("支出", 40.0, 100.0 + 1.25 * size, size, size)
    amount = _run("1,234.56", 100.0, 100.0 + 0.625 * size, size, 0.55 * size)
    assert [row.text for row in group_rows(name + amount)] == ["一般公共服务", "1,234.56", "支出"]


@settings(max_examples=12, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
@given(document=documents(), lead=st.integers(0, 60), style=st.one_of(st.just(PdfStyle()), digits_apart()))
def test_a_figure_at_the_end_of_a_printed_line_is_not_broken_over_two(
    document: Document, lead: int, style: PdfStyle
) -> None:
    """Office software wraps Chinese between any two characters but keeps a number whole: a figure
    that reaches the margin moves to the next line, and the checks read it as printed."""
    figures = ["104,775.64", "17462.61", "25.37%"]
    sentence = "本" * lead + f"本年支出合计{figures[0]}万元，比上年增加{figures[1]}万元，增长{figures[2]}。"
    tables = tuple(
        attrs.evolve(table, provenance=attrs.evolve(table.provenance, line=1 + index))
        for index, table in enumerate(document.tables, start=1)
    )
    narrated = attrs.evolve(document, narrative=(TextLine(sentence, Provenance(line=1)),), tables=tables)
    parsed = gongkai.parse(print_pdf(narrated, Layout(pdf=style)).data, name="x.pdf", checks=False)
    lines = [_compact(line.text) for line in parsed.narrative]
    for figure in figures:
        assert any(figure in line for line in lines), (figure, lines)
