"""Layouts of real disclosures drawn by hand: Shanghai's “三公” table printed wide, one line of
amounts under item headers each over 预算数 and 决算数, comes back as one row per item."""

from __future__ import annotations

import io

import pytest

import gongkai
from gongkai import Severity

pytestmark = pytest.mark.pdf
pytest.importorskip("pdfminer")
pytest.importorskip("reportlab")

from reportlab.pdfgen.canvas import Canvas  # noqa: E402

from gongkai.rendering.pdf import FONT  # noqa: E402
from gongkai.rendering.pdf.page import reportlab_metrics  # noqa: E402

reportlab_metrics()  # the writer's CJK font, registered with reportlab

AMOUNTS = ["3.00", "2.50", "0.00", "0.00", "2.00", "1.80", "0.00", "0.00", "2.00", "1.80", "1.00", "0.70"]


def _wide_three_public() -> bytes:
    """Page 14 of the 社会工作部 disclosure, with amounts: a ruled grid of twelve columns."""
    buffer = io.BytesIO()
    canvas = Canvas(buffer)
    canvas.setFont(FONT, 12)
    canvas.drawString(150, 780, "2024年度 样例局 部门决算")
    canvas.drawString(150, 750, "财政拨款“三公”经费支出决算表")
    canvas.setFont(FONT, 8)
    canvas.drawString(450, 735, "单位：万元")
    xs = [40 + i * 42 for i in range(13)]

    def text(column: int, top: float, value: str) -> None:
        canvas.drawString(xs[column] + 2, top - 11, value)

    text(0, 720, "财政拨款“三公”经费")
    for column, item in ((0, "合计"), (2, "因公出国（境）费"), (4, "公务用车购置及运行维护费"), (10, "公务接待费")):
        text(column, 705, item)
    for column, item in ((4, "小计"), (6, "公务用车购置费"), (8, "公务用车运行维护费")):
        text(column, 690, item)
    for column in range(12):
        text(column, 675, "预算数" if column % 2 == 0 else "决算数")
        text(column, 660, AMOUNTS[column])
    for top in (720, 705, 675, 660, 645):
        canvas.line(xs[0], top, xs[12], top)
    canvas.line(xs[4], 690, xs[10], 690)
    for column, top in [(0, 720), (12, 720), (2, 705), (4, 705), (10, 705), (6, 690), (8, 690)] + [
        (odd, 675) for odd in range(1, 12, 2)
    ]:
        canvas.line(xs[column], top, xs[column], 645)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def test_a_wide_three_public_table_becomes_one_row_per_item() -> None:
    document = gongkai.parse(_wide_three_public(), name="sangong.pdf")
    (table,) = document.tables
    assert table.id == "three_public"
    rows = [(row.label, [(cell.column, cell.raw) for cell in row.cells]) for row in table.rows]
    items = [
        "合计",
        "因公出国（境）费",
        "公务用车购置及运行维护费",
        "公务用车购置费",
        "公务用车运行维护费",
        "公务接待费",
    ]
    assert rows == [
        (item, [("budget", AMOUNTS[2 * index]), ("final", AMOUNTS[2 * index + 1])]) for index, item in enumerate(items)
    ]
    headers = {cell.header for row in table.rows for cell in row.cells}
    assert ("财政拨款“三公”经费", "公务用车购置及运行维护费", "公务用车购置费", "决算数") in headers
    assert not [f for f in document.findings if f.check.startswith("parse.") or f.severity is Severity.ERROR]
