"""Document-level checks: code names, years, placeholders, empty fund tables, completeness."""

from __future__ import annotations

import pytest

import gongkai
from gongkai import Document, Finding, Severity

pytestmark = pytest.mark.text

COVER = "2023年度 样例市医疗保障局 部门决算\n\n"
META = "公开{number}表\n部门：样例市医疗保障局\t金额单位：万元\n"

EXPENDITURE = (
    "{year}支出决算表\n" + META.format(number="03") + "科目编码\t科目名称\t本年支出合计\t基本支出\t项目支出\n"
    "合计\t\t100.00\t100.00\t\n"
    "210\t卫生健康支出\t100.00\t100.00\t\n"
    "21015\t医疗保障管理事务\t100.00\t100.00\t\n"
    "2101501\t{name}\t100.00\t100.00\t\n\n"
)
GENERAL_BUDGET = (
    "一般公共预算财政拨款支出决算表\n"
    + META.format(number="05")
    + "科目编码\t科目名称\t本年支出合计\t基本支出\t项目支出\n"
    "合计\t\t100.00\t100.00\t\n"
    "210\t卫生健康支出\t100.00\t100.00\t\n"
    "21015\t医疗保障管理事务\t100.00\t100.00\t\n"
    "2101501\t行政运行\t100.00\t100.00\t\n\n"
)
FUND = (
    "政府性基金预算财政拨款收入支出决算表\n"
    + META.format(number="08")
    + "科目编码\t科目名称\t本年支出合计\t基本支出\t项目支出\n"
    "合计\t\t{amount}\t{amount}\t\n"
    "{note}\n\n"
)


def document(
    *, name: str = "行政运行", year: str = "", amount: str = "0.00", note: str = "", text: str = ""
) -> Document:
    tables = EXPENDITURE.format(year=year, name=name) + GENERAL_BUDGET + FUND.format(amount=amount, note=note)
    # the text stands between the cover and the tables, as the 情况说明 does in most disclosures
    return gongkai.parse((COVER + text + "\n" + tables).encode("utf-8"), name="example.txt")


def found(document: Document, check: str) -> list[Finding]:
    return [f for f in document.findings if f.check == check]


def test_a_cover_of_another_year() -> None:
    text = COVER.replace("2023", "2022") + EXPENDITURE.format(year="2023年度", name="行政运行") + GENERAL_BUDGET
    parsed = gongkai.parse(text.encode("utf-8"), name="x.txt")
    assert parsed.year == 2022  # the cover's year is the document's
    (finding,) = found(parsed, "meta.year")
    assert finding.table == "expenditure" and "2023" in finding.message and "2022" in finding.message


def test_a_text_left_from_another_year() -> None:
    fresh = "一、收入支出决算总体情况说明\n\n2023年度收入总计100.00万元，比2022年度减少5.00万元。\n"
    assert found(document(year="2023年度", text=fresh), "meta.year") == []
    stale = "一、收入支出决算总体情况说明\n\n2022年度收入总计100.00万元，2022年度支出总计100.00万元。\n"
    (finding,) = found(document(year="2023年度", text=stale), "meta.year")
    assert finding.table is None and "2022" in finding.message and finding.provenance.line is not None


def test_a_table_of_another_body() -> None:
    assert found(document(), "meta.entity") == []
    text = COVER + EXPENDITURE.format(year="", name="行政运行").replace("部门：样例市医疗保障局", "部门：样例市财政局")
    text += GENERAL_BUDGET + FUND.format(amount="0.00", note="")
    parsed = gongkai.parse(text.encode("utf-8"), name="x.txt")
    assert parsed.entity == "样例市医疗保障局"  # two tables of three name it
    (finding,) = found(parsed, "meta.entity")
    assert finding.table == "expenditure" and "样例市财政局" in finding.message


def test_one_code_one_name() -> None:
    assert found(document(), "names.code") == []
    (finding,) = found(document(name="行政运行支出"), "names.code")
    assert (finding.severity, finding.table, finding.row) == (Severity.WARNING, "general_budget_expenditure", "2101501")
    assert "行政运行支出" in finding.message and "行政运行" in finding.message


def test_a_code_of_the_wrong_classification() -> None:
    assert found(document(), "codes.classification") == []
    text = COVER + EXPENDITURE.format(year="", name="行政运行").replace("2101501\t", "3101501\t") + GENERAL_BUDGET
    (finding,) = found(gongkai.parse(text.encode("utf-8"), name="x.txt"), "codes.classification")
    assert (finding.table, finding.row) == ("expenditure", "3101501")


def test_a_name_other_than_the_national_one() -> None:
    # both tables agree with each other, not with the national name of 2101501 (行政运行)
    text = COVER + EXPENDITURE.format(year="", name="机关运行") + GENERAL_BUDGET.replace("行政运行", "机关运行")
    findings = found(gongkai.parse(text.encode("utf-8"), name="x.txt"), "names.national")
    assert [(f.table, f.row) for f in findings] == [
        ("expenditure", "2101501"),
        ("general_budget_expenditure", "2101501"),
    ]
    assert "行政运行" in findings[0].message
    assert found(document(), "names.national") == []


def test_names_differing_only_in_brackets_and_spaces_are_one_name() -> None:
    assert found(document(name="行 政 运 行"), "names.code") == []


def test_a_title_of_another_year() -> None:
    assert found(document(year="2023年度"), "meta.year") == []
    (finding,) = found(document(year="2022年度"), "meta.year")
    assert finding.table == "expenditure" and "2022" in finding.message and "2023" in finding.message


def test_template_placeholders_left_in_the_text() -> None:
    assert found(document(text="一、部门概况\n\n本部门负责医疗保障工作。\n"), "meta.placeholder") == []
    (finding,) = found(document(text="一、部门概况\n\nXX局负责某项工作。\n"), "meta.placeholder")
    assert "XX" in finding.message and finding.provenance.line is not None
    (finding,) = found(document(text="一、部门概况\n\n联系人：某某。\n"), "meta.placeholder")
    assert "某某" in finding.message


def test_an_empty_fund_table_needs_its_statement() -> None:
    (finding,) = found(document(), "fund.empty")
    assert (finding.severity, finding.table) == (Severity.WARNING, "government_fund")
    stated = "注：本单位2023年度没有使用政府性基金预算拨款安排的支出，故本表为空表。"
    assert found(document(note=stated), "fund.empty") == []
    in_text = "八、政府性基金预算财政拨款支出决算情况说明\n\n本单位2023年度无政府性基金预算财政拨款收入支出。\n"
    assert found(document(text=in_text), "fund.empty") == []


def test_a_fund_table_said_to_be_empty_prints_no_amount() -> None:
    stated = "注：本单位2023年度没有使用政府性基金预算拨款安排的支出。"
    (finding,) = found(document(amount="5.00", note=stated), "fund.empty")
    assert (finding.severity, finding.table, finding.printed) == (Severity.ERROR, "government_fund", "5.00")
    assert found(document(amount="5.00"), "fund.empty") == []


def test_standard_tables_missing_for_the_kind() -> None:
    missing = {f.table for f in found(document(), "completeness.standard")}
    # the national final set, less the three tables the document prints
    assert missing == {
        "summary",
        "income",
        "fiscal_grant_summary",
        "basic_expenditure_economic",
        "three_public",
        "state_capital",
    }
