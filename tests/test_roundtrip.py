"""Round trips: generated documents printed in each text layout and parsed back come back exactly.

For every layout (tab-separated text, markdown with tab tables, markdown pipe tables and
pdftotext-style space-aligned text) and three standard tables (支出决算表, 收入支出决算总表 and
一般公共预算财政拨款基本支出决算表), a consistent document from :func:`gongkai.testing.documents`,
printed with :func:`gongkai.testing.texts.print_text` in any of the layouts and styles text
disclosures print in and parsed back, must give the tables printed (:func:`differences`: ids,
titles and numbers, rows in order with codes, labels, side-by-side group and 行次, every cell with
its printed text, status and value), every amount exactly as printed (two decimals kept), so that
the identities the generator guarantees hold in the parsed tables too. No parse finding may be an
error or a warning, but those of the cross-table and completeness checks.
"""

from __future__ import annotations

import os
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, note, settings
from hypothesis import strategies as st

import gongkai
from gongkai import CellStatus, Document, Severity, Table
from gongkai.testing import Printed, differences, printed_texts
from gongkai.testing.texts import TEXT_FORMATS

MARKS = {
    "tsv": pytest.mark.text,
    "pdftotext": pytest.mark.text,
    "markdown": pytest.mark.markdown,
    "pipe": pytest.mark.markdown,
}
FORMAT_PARAMS = [pytest.param(fmt, marks=MARKS[fmt], id=fmt) for fmt in TEXT_FORMATS]
TABLE_IDS = {"summary": "summary", "expenditure": "expenditure", "economic": "basic_expenditure_economic"}

# GONGKAI_ROUNDTRIP_SCALE multiplies the number of examples (for a long run: 20 or 50).
SCALE = max(1, int(os.environ.get("GONGKAI_ROUNDTRIP_SCALE", "1")))
ROUNDTRIP = settings(max_examples=50 * SCALE, deadline=None, suppress_health_check=[HealthCheck.too_slow])
WHOLE_DOCUMENT = settings(max_examples=15 * SCALE, deadline=None, suppress_health_check=[HealthCheck.too_slow])


# -- helpers ----------------------------------------------------------------------------------------


def parse_printed(printed: Printed) -> Document:
    assert printed.text is not None
    note(f"printed {printed.text.format}:\n{printed.data.decode('utf-8')}")
    return gongkai.parse(printed.data, name=f"roundtrip{printed.text.suffix}")


def assert_exact(parsed: Table, expected: Table) -> None:
    """Every parsed row has the generated row's cells, column for column, and every amount is
    the exact decimal printed (two decimals kept, thousands separators dropped)."""
    for got, want in zip(parsed.rows, expected.rows):
        where = (want.code, want.label)
        assert [cell.column for cell in got.cells] == [cell.column for cell in want.cells], where
        for cell in got.cells:
            if cell.status is CellStatus.VALUE:
                assert cell.value is not None, (where, cell.column)
                assert cell.value.as_tuple() == Decimal(cell.raw.replace(",", "")).as_tuple(), (where, cell.raw)


def assert_document(document: Document, printed: Printed) -> None:
    assert printed.text is not None
    assert document.format == printed.text.reader
    assert document.kind == "final"
    assert differences(printed.expected, document) == []
    # the generated tables are consistent with each other, but a generated document prints only
    # some of the standard tables: only the cross-table and completeness checks may object
    bad = [
        f
        for f in document.findings
        if f.severity in (Severity.ERROR, Severity.WARNING) and not f.check.startswith(("cross.", "completeness."))
    ]
    assert not bad
    for parsed, expected in zip(document.tables, printed.expected.tables):
        assert_exact(parsed, expected)


def amount(row, column: str) -> Decimal:
    cell = row.cell(column)
    assert cell is not None, (row.label, column)
    return Decimal(0) if cell.value is None else cell.value


def by_label(table: Table, label: str, group: int):
    rows = [row for row in table.rows if row.label == label and row.group == group]
    assert len(rows) == 1, (label, group)
    return rows[0]


def assert_identities(table: Table) -> None:
    """The accounting identities the generator guarantees, checked on the parsed table."""
    if table.id == "expenditure":
        columns = [column.id for column in table.columns]
        assert columns == ["total", "basic", "project", "remit_superior", "operating", "subsidiary"]
        (total,) = table.find(label="合计")
        classes = [row for row in table.rows if row.level == 1]
        for column in columns:
            assert sum(amount(row, column) for row in classes) == amount(total, column), column
            for parent in table.rows:
                children = [row for row in table.rows if row.parent is not None and row.parent == parent.code]
                if parent.code and children:
                    assert sum(amount(row, column) for row in children) == amount(parent, column)
        for row in table.rows:
            assert amount(row, "total") == sum(amount(row, column) for column in columns[1:]), row.label
    elif table.id == "summary":
        income = [row for row in table.rows if row.group == 0]
        spent = [row for row in table.rows if row.group == 1]
        items_in = [row for row in income if row.label.endswith("收入") and "合计" not in row.label]
        items_out = [row for row in spent if row.label[:1] in "一二三四五六七八九十" and "、" in row.label]
        total_in = amount(by_label(table, "本年收入合计", 0), "income")
        total_out = amount(by_label(table, "本年支出合计", 1), "expenditure")
        assert sum(amount(row, "income") for row in items_in) == total_in
        assert sum(amount(row, "expenditure") for row in items_out) == total_out
        grand_in = amount(by_label(table, "总计", 0), "income")
        grand_out = amount(by_label(table, "总计", 1), "expenditure")
        assert grand_in == grand_out
        (non_fiscal,) = [row for row in income if row.label.startswith("使用非财政拨款结余")]
        carry_in = by_label(table, "年初结转和结余", 0)
        assert grand_in == total_in + amount(non_fiscal, "income") + amount(carry_in, "income")
        distribution, carry_out = by_label(table, "结余分配", 1), by_label(table, "年末结转和结余", 1)
        assert grand_out == total_out + amount(distribution, "expenditure") + amount(carry_out, "expenditure")
    else:
        coded = [row for row in table.rows if row.code]
        for parent in (row for row in coded if row.level == 1):
            children = [row for row in coded if row.parent == parent.code]
            assert sum(amount(row, "amount") for row in children) == amount(parent, "amount"), parent.code
        personnel = sum(amount(row, "amount") for row in coded if row.code in ("301", "303"))
        public = sum(amount(row, "amount") for row in coded if row.level == 1 and row.code not in ("301", "303"))
        assert amount(by_label(table, "人员经费合计", 0), "amount") == personnel
        assert amount(by_label(table, "公用经费合计", 1), "amount") == public


def roundtrip(data: st.DataObject, fmt: str, kinds: tuple[str, ...]) -> None:
    tables = tuple(TABLE_IDS[kind] for kind in kinds)
    printed = data.draw(printed_texts(fmt, tables, kinds=("final",)), label="printed")
    document = parse_printed(printed)
    assert_document(document, printed)
    assert [table.id for table in document.tables] == list(tables)
    for table in document.tables:
        assert_identities(table)


# -- properties -------------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", FORMAT_PARAMS)
@ROUNDTRIP
@given(data=st.data())
def test_expenditure_table_round_trips(fmt: str, data: st.DataObject) -> None:
    roundtrip(data, fmt, ("expenditure",))


@pytest.mark.parametrize("fmt", FORMAT_PARAMS)
@ROUNDTRIP
@given(data=st.data())
def test_summary_table_round_trips(fmt: str, data: st.DataObject) -> None:
    roundtrip(data, fmt, ("summary",))


@pytest.mark.parametrize("fmt", FORMAT_PARAMS)
@ROUNDTRIP
@given(data=st.data())
def test_economic_table_round_trips(fmt: str, data: st.DataObject) -> None:
    roundtrip(data, fmt, ("economic",))


@pytest.mark.parametrize("fmt", FORMAT_PARAMS)
@WHOLE_DOCUMENT
@given(data=st.data())
def test_three_tables_in_one_document_round_trip(fmt: str, data: st.DataObject) -> None:
    roundtrip(data, fmt, ("summary", "expenditure", "economic"))


# -- examples -----------------------------------------------------------------------------------------

COVER = "2023年度 样例市医疗保障局 部门决算\n\n"
META = "公开{number}表\n部门：样例市医疗保障局  金额单位：万元\n\n"
NOTE = "\n注：本表反映部门本年度各项支出情况。\n"
EXPENDITURE_HEAD = (
    "项目\t\t本年支出合计\t基本支出\t项目支出\t上缴上级支出\t经营支出\t对附属单位补助支出\n"
    "科目编码\t科目名称\t\t\t\t\t\t\n"
)
EXPENDITURE_PDFTOTEXT_HEAD = (
    "项目\n本年支出合计 基本支出 项目支出 上缴上级支出 经营支出 对附属单位补助支出\n支出功能分类科目编码 科目名称\n"
)


def parse_text(text: str, name: str = "example.txt") -> Document:
    document = gongkai.parse(text.encode("utf-8"), name=name)
    # a snippet prints one or two of the standard tables: the completeness checks say so, rightly
    assert not [
        f
        for f in document.findings
        if f.severity in (Severity.ERROR, Severity.WARNING) and not f.check.startswith("completeness.")
    ]
    return document


def expenditure_document(body: str, *, heading: str = "三、支出决算表", head: str = EXPENDITURE_HEAD) -> str:
    return COVER + f"{heading}\n\n支出决算表\n\n" + META.format(number="03") + head + body + NOTE


def cells(row) -> list[tuple[str, str, CellStatus, Decimal | None]]:
    return [(cell.column, cell.raw, cell.status, cell.value) for cell in row.cells]


V, B, NA = CellStatus.VALUE, CellStatus.BLANK, CellStatus.NOT_APPLICABLE


@pytest.mark.text
def test_thousands_separators_are_kept_as_printed_and_read_exactly() -> None:
    body = (
        "合计\t\t1,234,567.89\t2,304.44\t1,232,263.45\t\t\t\n"
        "210\t卫生健康支出\t1,234,567.89\t2,304.44\t1,232,263.45\t\t\t\n"
        "21015\t医疗保障管理事务\t1,234,567.89\t2,304.44\t1,232,263.45\t\t\t\n"
        "2101501\t行政运行\t1,234,567.89\t2,304.44\t1,232,263.45\t\t\t\n"
    )
    table = parse_text(expenditure_document(body)).table("expenditure")
    assert table is not None
    (row,) = table.find(code="2101501")
    assert cells(row)[:3] == [
        ("total", "1,234,567.89", V, Decimal("1234567.89")),
        ("basic", "2,304.44", V, Decimal("2304.44")),
        ("project", "1,232,263.45", V, Decimal("1232263.45")),
    ]
    assert [cell.status for cell in row.cells[3:]] == [B, B, B]


@pytest.mark.text
def test_thousands_separators_in_pdftotext_text() -> None:
    body = (
        "合计 2,304.44 2,304.44 0.00 0.00 0.00 0.00\n"
        "210 卫生健康支出 2,304.44 2,304.44 0.00 0.00 0.00 0.00\n"
        "21015 医疗保障管理事务 2,304.44 2,304.44 0.00 0.00 0.00 0.00\n"
        "2101501 行政运行 2,304.44 2,304.44 0.00 0.00 0.00 0.00\n"
    )
    table = parse_text(expenditure_document(body, head=EXPENDITURE_PDFTOTEXT_HEAD)).table("expenditure")
    assert table is not None
    (row,) = table.find(code="2101501")
    assert cells(row)[:2] == [
        ("total", "2,304.44", V, Decimal("2304.44")),
        ("basic", "2,304.44", V, Decimal("2304.44")),
    ]


@pytest.mark.text
def test_blank_zero_and_dash_are_three_different_things() -> None:
    body = (
        "合计\t\t12.00\t12.00\t0.00\t\t—\t-\n"
        "210\t卫生健康支出\t12.00\t12.00\t0.00\t\t—\t-\n"
        "21015\t医疗保障管理事务\t12.00\t12.00\t0.00\t\t—\t-\n"
        "2101501\t行政运行\t12.00\t12.00\t0.00\t\t—\t-\n"
    )
    table = parse_text(expenditure_document(body)).table("expenditure")
    assert table is not None
    (row,) = table.find(code="2101501")
    assert cells(row) == [
        ("total", "12.00", V, Decimal("12.00")),
        ("basic", "12.00", V, Decimal("12.00")),
        ("project", "0.00", V, Decimal("0.00")),
        ("remit_superior", "", B, None),
        ("operating", "—", NA, None),
        ("subsidiary", "-", NA, None),
    ]


@pytest.mark.text
def test_dashes_in_pdftotext_text_fill_their_columns() -> None:
    body = (
        "合计 12.00 12.00 — 0.00 - 0.00\n"
        "210 卫生健康支出 12.00 12.00 — 0.00 - 0.00\n"
        "21015 医疗保障管理事务 12.00 12.00 — 0.00 - 0.00\n"
        "2101501 行政运行 12.00 12.00 — 0.00 - 0.00\n"
    )
    table = parse_text(expenditure_document(body, head=EXPENDITURE_PDFTOTEXT_HEAD)).table("expenditure")
    assert table is not None
    (row,) = table.find(code="2101501")
    assert [(column, status) for column, _, status, _ in cells(row)] == [
        ("total", V), ("basic", V), ("project", NA), ("remit_superior", V), ("operating", NA), ("subsidiary", V),
    ]  # fmt: skip


@pytest.mark.markdown
def test_markdown_bold_total_row_keeps_printed_amounts_without_tags() -> None:
    body = (
        "<b>合计</b>\t\t<b>2,304.44</b>\t<b>2,304.44</b>\t<b>—</b>\t\t\t\n"
        "210\t卫生健康支出\t2,304.44\t2,304.44\t—\t\t\t\n"
        "21015\t医疗保障管理事务\t2,304.44\t2,304.44\t—\t\t\t\n"
        "2101501\t行政运行\t2,304.44\t2,304.44\t—\t\t\t\n"
    )
    document = parse_text(expenditure_document(body, heading="## 三、支出决算表"), name="example.md")
    assert document.format == "markdown"
    table = document.table("expenditure")
    assert table is not None
    (total,) = table.find(label="合计")
    assert cells(total)[:4] == [
        ("total", "2,304.44", V, Decimal("2304.44")),
        ("basic", "2,304.44", V, Decimal("2304.44")),
        ("project", "—", NA, None),
        ("remit_superior", "", B, None),
    ]


@pytest.mark.markdown
def test_markdown_pipe_table_with_blank_and_dash_cells() -> None:
    body = (
        "| 项目 |  | 本年支出合计 | 基本支出 | 项目支出 | 上缴上级支出 | 经营支出 | 对附属单位补助支出 |\n"
        "|---|---|---|---|---|---|---|---|\n"
        "| 科目编码 | 科目名称 |  |  |  |  |  |  |\n"
        "| **合计** |  | **2,304.44** | **2,304.44** |  | — | 0.00 |  |\n"
        "| 221 | 住房保障支出 | 2,304.44 | 2,304.44 |  | — | 0.00 |  |\n"
        "| 22102 | 住房改革支出 | 2,304.44 | 2,304.44 |  | — | 0.00 |  |\n"
        "| 2210201 | 住房公积金 | 2,304.44 | 2,304.44 |  | — | 0.00 |  |\n"
    )
    document = parse_text(expenditure_document(body, heading="## 三、支出决算表", head=""), name="example.md")
    table = document.table("expenditure")
    assert table is not None
    assert [row.code for row in table.rows] == [None, "221", "22102", "2210201"]
    assert [(c, r, s) for c, r, s, _ in cells(table.rows[0])] == [
        ("total", "2,304.44", V), ("basic", "2,304.44", V), ("project", "", B),
        ("remit_superior", "—", NA), ("operating", "0.00", V), ("subsidiary", "", B),
    ]  # fmt: skip


# -- layouts the round trips once got wrong: wrapped names, integer zeros, blank first lines ------

ECONOMIC_PDFTOTEXT = (
    COVER
    + "六、一般公共预算财政拨款基本支出决算表\n\n一般公共预算财政拨款基本支出决算表\n\n"
    + META.format(number="06")
    + "科目编码 科目名称 金额 科目编码 科目名称 金额\n"
    + "{body}"
    + "人员经费合计 12.00 公用经费合计 3.00\n\n注：本表反映部门本年度一般公共预算财政拨款基本支出明细情况。\n"
)


@pytest.mark.text
def test_a_wrapped_name_does_not_move_the_rows_after_it_to_group_0() -> None:
    body = (
        "301 工资福利支出 12.00 302 商品和服务支出 3.00\n"
        "30108\n"
        "机关事业单位基本养老保\n"
        "险缴费\n"
        "12.00 30201 办公费 3.00\n"
    )
    table = parse_text(ECONOMIC_PDFTOTEXT.format(body=body)).table("basic_expenditure_economic")
    assert table is not None
    assert [(row.code, row.label, row.group) for row in table.rows[:4]] == [
        ("301", "工资福利支出", 0),
        ("302", "商品和服务支出", 1),
        ("30108", "机关事业单位基本养老保险缴费", 0),
        ("30201", "办公费", 1),
    ]


@pytest.mark.text
def test_integer_zeros_in_a_delimited_table() -> None:
    body = (
        "合计\t\t12.00\t12.00\t0\t0\t0\t0\n"
        "210\t卫生健康支出\t12.00\t12.00\t0\t0\t0\t0\n"
        "21015\t医疗保障管理事务\t12.00\t12.00\t0\t0\t0\t0\n"
        "2101501\t行政运行\t12.00\t12.00\t0\t0\t0\t0\n"
    )
    table = parse_text(expenditure_document(body)).table("expenditure")
    assert table is not None
    assert [(row.code, row.label) for row in table.rows] == [
        (None, "合计"), ("210", "卫生健康支出"), ("21015", "医疗保障管理事务"), ("2101501", "行政运行"),
    ]  # fmt: skip
    assert [cell.raw for cell in table.rows[-1].cells] == ["12.00", "12.00", "0", "0", "0", "0"]
    assert table.rows[-1].cells[2].value == Decimal(0)


@pytest.mark.text
def test_summary_whose_first_line_is_blank_on_both_sides() -> None:
    text = (
        COVER
        + "一、收入支出决算总表\n\n收入支出决算总表\n\n"
        + META.format(number="01")
        + "收入\t\t支出\t\n项目\t决算数\t项目\t决算数\n"
        + "一、一般公共预算财政拨款收入\t\t一、一般公共服务支出\t\n"
        + "五、事业收入\t12.00\t九、卫生健康支出\t12.00\n"
        + "本年收入合计\t12.00\t本年支出合计\t12.00\n"
        + "总计\t12.00\t总计\t12.00\n"
        + "\n注：本表反映部门本年度的总收支和年末结转结余情况。\n"
    )
    table = gongkai.parse(text.encode("utf-8"), name="example.txt").table("summary")
    assert table is not None
    assert [(row.label, row.group) for row in table.rows[:2]] == [
        ("一、一般公共预算财政拨款收入", 0),
        ("一、一般公共服务支出", 1),
    ]
    assert [cell.status for cell in table.rows[0].cells] == [B]


@pytest.mark.text
def test_integer_zeros_on_the_first_line_of_pdftotext_text() -> None:
    body = (
        "合计 0 0 0 0 0 0\n"
        "210 卫生健康支出 0 0 0 0 0 0\n"
        "21015 医疗保障管理事务 0 0 0 0 0 0\n"
        "2101501 行政运行 0 0 0 0 0 0\n"
    )
    table = parse_text(expenditure_document(body, head=EXPENDITURE_PDFTOTEXT_HEAD)).table("expenditure")
    assert table is not None
    assert [(row.code, row.label) for row in table.rows] == [
        (None, "合计"), ("210", "卫生健康支出"), ("21015", "医疗保障管理事务"), ("2101501", "行政运行"),
    ]  # fmt: skip
    assert [cell.raw for cell in table.rows[0].cells] == ["0"] * 6


# -- the words over an economic table's groups name its rows, not its amounts ----------------------

ECONOMIC_GROUP_WORDS = (
    COVER
    + "一般公共预算财政拨款基本支出决算表\n\n"
    + META.format(number="06")
    + "{head}{body}\n注：本表反映部门本年度一般公共预算财政拨款基本支出明细情况。\n"
)
TSV_ECONOMIC_BODY = (
    "301\t工资福利支出\t12.00\t302\t商品和服务支出\t3.00\n"
    "30101\t基本工资\t12.00\t30201\t办公费\t3.00\n"
    "\t人员经费合计\t12.00\t\t公用经费合计\t3.00\n"
)


@pytest.mark.text
@pytest.mark.parametrize(
    ("head", "body"),
    [
        pytest.param(
            "人员经费\t\t\t公用经费\t\t\n科目编码\t科目名称\t金额\t科目编码\t科目名称\t金额\n",
            TSV_ECONOMIC_BODY,
            id="tsv-over-the-codes",
        ),
        pytest.param(  # a word centred over its group, as a PDF's text comes out
            "\t人员经费\t\t\t公用经费\t\n科目编码\t科目名称\t金额\t科目编码\t科目名称\t金额\n",
            TSV_ECONOMIC_BODY,
            id="tsv-over-the-names",
        ),
        pytest.param(
            "人员经费 公用经费\n科目编码 科目名称 金额 科目编码 科目名称 金额\n",
            "301 工资福利支出 12.00 302 商品和服务支出 3.00\n"
            "30101 基本工资 12.00 30201 办公费 3.00\n"
            "人员经费合计 12.00 公用经费合计 3.00\n",
            id="pdftotext",
        ),
    ],
)
def test_the_words_over_economic_groups_are_not_levels_of_the_amount_header(head: str, body: str) -> None:
    """人员经费 and 公用经费 printed over the repeats of one (code, name, amount) group name the
    rows under them; the amount column is read under 金额 alone (``tests/expected/headers.tsv``),
    wherever over its group the word stands."""
    table = parse_text(ECONOMIC_GROUP_WORDS.format(head=head, body=body)).table("basic_expenditure_economic")
    assert table is not None
    assert [(column.id, column.header) for column in table.columns] == [("amount", ("金额",))]
    assert [(row.code, row.label, row.group) for row in table.rows] == [
        ("301", "工资福利支出", 0), ("302", "商品和服务支出", 1), ("30101", "基本工资", 0), ("30201", "办公费", 1),
        (None, "人员经费合计", 0), (None, "公用经费合计", 1),
    ]  # fmt: skip
