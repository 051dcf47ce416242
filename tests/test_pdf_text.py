"""CJK text out of PDFs as it was printed: radical code points unified, fake bold removed,
letter-spaced names joined without invented spaces, full-width amounts read exactly with the
printed text kept."""

from __future__ import annotations

import io
from decimal import Decimal

import pytest

import gongkai
from gongkai import CellStatus

pytestmark = pytest.mark.pdf
pytest.importorskip("pdfminer")
pytest.importorskip("reportlab")

from reportlab.pdfgen.canvas import Canvas  # noqa: E402

from gongkai.readers.pdf.glyphs import join, unify, without_overprints  # noqa: E402
from gongkai.readers.pdf.interpret import Glyph  # noqa: E402
from gongkai.rendering.pdf import FONT  # noqa: E402
from gongkai.rendering.pdf.page import reportlab_metrics  # noqa: E402

reportlab_metrics()  # the writer's CJK font, registered with reportlab


def glyph(text: str, x: float, top: float = 100.0, size: float = 10.0) -> Glyph:
    return Glyph(text, x, top, x + size, top + size, size)


def test_radicals_become_the_characters_they_stand_for() -> None:
    # Kangxi radicals (NFKC knows them) and the CJK Radicals Supplement (NFKC does not)
    assert unify("⼀般公共预算") == "一般公共预算"
    assert unify("部⻔决算") == "部门决算"
    assert unify("公务用⻋") == "公务用车"
    assert unify("⻘年⻓者⻢") == "青年长者马"
    # everything else is left as printed, full-width punctuation included
    assert unify("因公出国（境）费用：１２．３４") == "因公出国（境）费用：１２．３４"


def test_overprinted_glyphs_are_one_glyph() -> None:
    printed = [glyph("合", 10), glyph("计", 20), glyph("合", 10.3), glyph("计", 20.3), glyph("合", 10.6, 100.2)]
    assert [g.text for g in without_overprints(printed)] == ["合", "计"]
    # the same character printed twice side by side is two characters
    assert len(without_overprints([glyph("0", 10), glyph("0", 16)])) == 2


def test_no_space_is_invented_between_chinese_characters() -> None:
    spread = [glyph(char, 10 + 20 * i) for i, char in enumerate("因公出国（境）费用")]
    assert join(spread) == "因公出国（境）费用"
    # printed spaces next to Chinese only spread it out; between Latin words a gap is a space
    assert join([glyph("2", 10), glyph("0", 15), glyph(" ", 20), glyph("年", 25)]) == "20年"
    assert join([glyph("A", 10), glyph("B", 30)]) == "A B"


def _table_pdf(rows: list[tuple[str, str, str]], *, spacing: float = 0.0, bold: bool = False) -> bytes:
    """A one-table disclosure drawn by hand: 一般公共预算财政拨款支出决算表 with a ruled grid."""
    buffer = io.BytesIO()
    canvas = Canvas(buffer)
    canvas.setFont(FONT, 14)
    canvas.drawString(150, 780, "2024年度 样例局 部门决算")
    canvas.drawString(150, 750, "一般公共预算财政拨款支出决算表")
    canvas.setFont(FONT, 9)
    canvas.drawString(450, 730, "单位：万元")
    xs = [60, 120, 300, 380]
    lines = [("科目编码", "科目名称", "合计")] + rows
    top = 720
    for cells in lines:
        for x, cell in zip(xs, cells):
            label = canvas.beginText(x + 3, top - 13)
            label.setFont(FONT, 9)
            label.setCharSpace(spacing if x == 120 else 0)  # names letter-spaced to fill the cell
            label.textOut(cell)
            canvas.drawText(label)
            if bold:
                canvas.drawString(x + 3.3, top - 13, cell)  # fake bold: every glyph again, 0.3 pt on
        canvas.line(xs[0], top, xs[-1], top)
        top -= 20
    canvas.line(xs[0], top, xs[-1], top)
    for x in xs:
        canvas.line(x, 720, x, top)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def test_a_pdf_with_radicals_letter_spacing_fake_bold_and_full_width_amounts() -> None:
    data = _table_pdf(
        [("201", "⼀般公共服务⽀出", "１２．３４"), ("20101", "⼈⼤事务", "12.34")],
        spacing=4.0,
        bold=True,
    )
    document = gongkai.parse(data, name="printed.pdf")
    (table,) = document.tables
    assert table.id == "general_budget_expenditure"
    assert [(row.code, row.label) for row in table.rows] == [("201", "一般公共服务支出"), ("20101", "人大事务")]
    first, second = (row.cell("total") for row in table.rows)
    assert first.raw == "１２．３４" and first.status is CellStatus.VALUE and first.value == Decimal("12.34")
    assert second.raw == "12.34" and second.value == Decimal("12.34")
