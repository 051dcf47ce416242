"""Text against tables: the figures the 情况说明 restates (text.amount) and its stated changes and
percentages (text.change), on small made-up documents and on the five seeds, whose findings were
verified by hand against the printed text."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest

import gongkai
from gongkai import Document, Finding, Severity
from gongkai.checks.restatements import restatements
from gongkai.checks.statements import changes

from .seeds import FACTS

# -- made-up documents ---------------------------------------------------------------------------------

# Amounts in «» are in 万元 and are printed in the document's unit.
TABLES = """\
2023年度 样例市医疗保障局 部门决算

收入支出决算总表
公开01表
部门：样例市医疗保障局\t金额单位：{unit}
收入\t\t支出\t
项目\t决算数\t项目\t决算数
一、一般公共预算财政拨款收入\t«100.00»\t一、一般公共服务支出\t
八、其他收入\t\t九、卫生健康支出\t«100.00»
本年收入合计\t«100.00»\t本年支出合计\t«100.00»
年初结转和结余\t«20.00»\t年末结转和结余\t«20.00»
总计\t«120.00»\t总计\t«120.00»

一般公共预算财政拨款支出决算表
公开05表
部门：样例市医疗保障局\t金额单位：{unit}
科目编码\t科目名称\t本年支出合计\t基本支出\t项目支出
合计\t\t«100.00»\t«60.00»\t«40.00»
210\t卫生健康支出\t«100.00»\t«60.00»\t«40.00»
21015\t医疗保障管理事务\t«100.00»\t«60.00»\t«40.00»
2101501\t行政运行\t«60.00»\t«60.00»\t
2101599\t其他医疗保障管理事务支出\t«40.00»\t\t«40.00»

一般公共预算财政拨款“三公”经费支出决算表
公开07表
部门：样例市医疗保障局\t金额单位：{unit}
项目\t决算数
合计\t«2.16»
1.因公出国(境)费\t«0.00»
2.公务用车购置及运行维护费\t«0.00»
其中：(1)公务用车购置费\t«0.00»
(2)公务用车运行维护费\t«0.00»
3.公务接待费\t«2.16»

第三部分 2023年度决算情况说明
"""

OVERALL = "一、收入支出决算总体情况说明"
GENERAL_BUDGET = "二、一般公共预算财政拨款支出决算情况说明"
THREE_PUBLIC = "三、一般公共预算财政拨款“三公”经费支出决算情况说明"

# Everything it says agrees with the tables above.
AGREEING = {
    OVERALL: "2023年度收入总计120.00万元，支出总计120.00万元，与上年决算数相比，各减少30.00万元，下降20.00%。",
    GENERAL_BUDGET: (
        "2023年度一般公共预算财政拨款支出100.00万元，具体情况如下：\n\n"
        "（一）2101501-行政运行60.00万元。\n\n"
        "（二）卫生健康支出（类）医疗保障管理事务（款）其他医疗保障管理事务支出（项）40.00万元。"
    ),
    THREE_PUBLIC: "2023年度“三公”经费支出2.16万元，其中公务接待费支出21600元。",
}


def render(sections: dict[str, str], unit: str = "万元") -> str:
    factor = Decimal(1) if unit == "万元" else Decimal(10000)
    tables = re.sub(r"«([\d.]+)»", lambda m: str((Decimal(m[1]) * factor).quantize(Decimal("0.01"))), TABLES)
    return tables.format(unit=unit) + "".join(f"\n{heading}\n\n{body}\n" for heading, body in sections.items())


def parse(text: str) -> Document:
    return gongkai.parse(text.encode("utf-8"), name="example.txt")


def text_findings(document: Document) -> list[Finding]:
    """The text checks' judgements (not the claims they say they could not check)."""
    return [f for f in document.findings if f.check.startswith("text.") and f.check != "text.punctuation" and f.checked]


def line_of(text: str, fragment: str) -> int:
    """The 1-based line of ``text`` that holds ``fragment``."""
    (number,) = [n for n, line in enumerate(text.splitlines(), 1) if fragment in line]
    return number


def saying(**changed: str) -> dict[str, str]:
    """The agreeing narrative with some sections' text replaced."""
    return {**AGREEING, **{globals()[name]: body for name, body in changed.items()}}


@pytest.mark.text
def test_a_narrative_that_agrees_with_its_tables_has_no_text_finding() -> None:
    document = parse(render(AGREEING))
    assert text_findings(document) == []
    # …because its figures were compared, not skipped: each pinned to the cell it restates
    pinned = {
        (r.place.table.id, r.place.row.code or r.place.row.label, r.place.cell.column) for r in restatements(document)
    }
    assert pinned == {
        ("summary", "总计", "income"),
        ("summary", "总计", "expenditure"),
        ("general_budget_expenditure", "合计", "total"),
        ("general_budget_expenditure", "2101501", "total"),  # by its code and name
        ("general_budget_expenditure", "2101599", "total"),  # by its 类/款/项 path
        ("three_public", "合计", "final"),
        ("three_public", "3.公务接待费", "final"),  # stated in 元
    }


@pytest.mark.text
def test_a_figure_the_table_disagrees_with_is_one_error_naming_table_row_column_and_both_values() -> None:
    text = render(saying(GENERAL_BUDGET=AGREEING[GENERAL_BUDGET].replace("行政运行60.00", "行政运行61.00")))
    (finding,) = text_findings(parse(text))
    assert (finding.check, finding.severity, finding.table, finding.row, finding.column) == (
        "text.amount",
        Severity.ERROR,
        "general_budget_expenditure",
        "2101501",
        "total",
    )
    assert (finding.printed, finding.expected) == ("61.00万元", "60.00")
    assert finding.provenance.line == line_of(text, "2101501-行政运行61.00")
    for words in (
        "情况说明",
        "2101501-行政运行61.00万元",
        "公开05表",
        "2101501 行政运行",
        "本年支出合计",
        "60.00",
        "1.00",
    ):
        assert words in finding.message


@pytest.mark.text
def test_a_class_path_names_the_row_at_its_end() -> None:
    wrong = AGREEING[GENERAL_BUDGET].replace("（项）40.00", "（项）44.00")
    (finding,) = text_findings(parse(render(saying(GENERAL_BUDGET=wrong))))
    assert (finding.table, finding.row, finding.column, finding.printed, finding.expected) == (
        "general_budget_expenditure",
        "2101599",
        "total",
        "44.00万元",
        "40.00",
    )


@pytest.mark.text
def test_a_class_no_classified_table_lists_is_compared_with_the_summary_that_prints_every_class() -> None:
    # no 公开03 here; 公开01 prints 一般公共服务支出 empty, the text puts 5.00 on that 类
    sections = {**AGREEING, "四、支出决算情况说明": "2023年度一般公共服务（类）支出5.00万元。"}
    (finding,) = text_findings(parse(render(sections)))
    assert (finding.table, finding.row, finding.column, finding.printed, finding.expected) == (
        "summary",
        "一、一般公共服务支出",
        "expenditure",
        "5.00万元",
        None,  # the table prints nothing there: no value to expect, the message says 空白
    )
    assert "空白" in finding.message


@pytest.mark.text
@pytest.mark.parametrize(
    ("stated", "severity", "expected"),
    [
        ("21600元", None, None),  # exactly 2.16 万元
        ("21634.50元", Severity.INFO, "2.16"),  # 2.163450 万元: the table's rounding to 0.01 万元
        ("25000元", Severity.ERROR, "2.16"),  # 2.5 万元
    ],
)
def test_a_figure_in_yuan_is_compared_with_a_table_in_wan_yuan(
    stated: str, severity: Severity | None, expected: str | None
) -> None:
    body = AGREEING[THREE_PUBLIC].replace("21600元", stated)
    found = text_findings(parse(render(saying(THREE_PUBLIC=body))))
    assert [(f.severity, f.row, f.printed, f.expected) for f in found] == (
        [] if severity is None else [(severity, "3.公务接待费", stated, expected)]
    )


@pytest.mark.text
def test_a_figure_in_wan_yuan_is_compared_with_a_table_in_yuan() -> None:
    assert text_findings(parse(render(AGREEING, unit="元"))) == []
    wrong = AGREEING[OVERALL].replace("收入总计120.00万元", "收入总计120.01万元")
    (finding,) = text_findings(parse(render(saying(OVERALL=wrong), unit="元")))
    assert (finding.table, finding.row, finding.column, finding.printed, finding.expected) == (
        "summary",
        "总计",
        "income",
        "120.01万元",
        "1200000.00",
    )
    assert "相差 100.00 元" in finding.message


@pytest.mark.text
def test_a_figure_rounded_more_coarsely_than_the_table_is_only_info() -> None:
    body = AGREEING[THREE_PUBLIC].replace("支出2.16万元", "支出2.2万元")
    (finding,) = text_findings(parse(render(saying(THREE_PUBLIC=body))))
    assert (finding.severity, finding.row, finding.printed, finding.expected) == (
        Severity.INFO,
        "合计",
        "2.2万元",
        "2.16",
    )


@pytest.mark.text
def test_measure_words_alone_restate_the_quantity_named_before_them() -> None:
    body = "2023年度“三公”经费全年预算为3.00万元，支出决算为2.50万元。"
    (finding,) = text_findings(parse(render(saying(THREE_PUBLIC=body))))
    assert (finding.table, finding.row, finding.column, finding.printed) == (
        "three_public",
        "合计",
        "final",
        "2.50万元",
    )


@pytest.mark.text
def test_a_bare_expenditure_after_a_total_is_not_taken_for_a_measure_of_it() -> None:
    body = "2023年度收入总计120.00万元，支出90.00万元。"  # not 支出总计, and not a measure of 收入总计
    assert text_findings(parse(render(saying(OVERALL=body)))) == []


@pytest.mark.text
def test_words_that_name_no_single_cell_are_skipped() -> None:
    body = (
        AGREEING[GENERAL_BUDGET] + "\n\n（三）2101502-一般行政管理事务5.00万元。"  # a 项 the table does not print
        "\n\n（四）2101501-事业运行70.00万元。"  # 2101501 is 行政运行 in the table: code or name is wrong
        "\n\n其中人员支出55.00万元，公用支出5.00万元。"  # no table prints 人员支出 of this scope
    )
    assert text_findings(parse(render(saying(GENERAL_BUDGET=body)))) == []


@pytest.mark.text
def test_a_total_is_compared_with_the_table_its_section_is_about() -> None:
    # under 财政拨款收入支出 the 总计 is 公开04's (absent here), not 公开01's 120.00
    sections = {
        **AGREEING,
        "四、财政拨款收入支出决算总体情况说明": "2023年度财政拨款收入总计100.00万元，支出总计100.00万元。",
    }
    assert text_findings(parse(render(sections))) == []


@pytest.mark.text
@pytest.mark.parametrize(
    ("phrase", "printed", "expected"),
    [
        ("各减少30.00万元，下降20.00%", None, None),  # last year 150.00: 30 / 150 = 20.00%
        ("各减少30.00万元，下降20.01%", None, None),  # within the percentage's rounding
        ("各减少30.00万元，下降20%", None, None),  # printed without decimals
        ("各减少30.00万元，下降25.00%", "下降25.00%", "下降20.00%"),  # 25% of 120: the wrong base
        ("各减少30.00万元，增长20.00%", "增长20.00%", "下降20.00%"),  # the direction contradicts 减少
        ("各增加30.00万元，增长20.00%", "增长20.00%", "增长33.33%"),  # last year 90.00
        ("各增加120.00万元，增长100%", None, None),  # last year nothing: no percentage to speak of
    ],
)
def test_a_stated_change_and_its_percentage_must_agree(phrase: str, printed: str | None, expected: str | None) -> None:
    text = render(saying(OVERALL=AGREEING[OVERALL].replace("各减少30.00万元，下降20.00%", phrase)))
    found = [f for f in text_findings(parse(text)) if f.check == "text.change"]
    if printed is None:
        assert found == []
        return
    (finding,) = found
    assert (finding.severity, finding.printed, finding.expected) == (Severity.ERROR, printed, expected)
    assert finding.provenance.line == line_of(text, phrase)
    assert finding.table is None and "120.00万元" in finding.message


# -- the seeds ---------------------------------------------------------------------------------------------

# 公开04's 一般公共预算财政拨款 spending on the 一般公共服务 类
GENERAL_SERVICES = ("fiscal_grant_summary", "一、一般公共服务支出", "expenditure_general")

# (check, severity, table, row, column, printed, expected, line) of every text.* finding, each
# verified by hand against the document's text and tables.
SEED_FINDINGS: dict[str, list[tuple[str, str, str, str, str, str, str, int]]] = {
    # 000's 情况说明 restates 收入/支出总计 2407.03, 本年收入合计 2,311.44, its sources, 本年支出合计 2,215.65,
    # 人员经费 1,102.18, 公用经费 119.14 and the “三公” items: all as 公开01/06/07 print them. Its 项
    # amounts (2080109 …) and 一般公共预算拨款支出 2,213.78 cannot be compared: 公开02–05 are missing from
    # the body. Its 16 changes agree with their percentages within rounding (2080501: 23.33 on 26.18 is
    # 89.11%, printed 89.14%, which 0.01 of rounding in each amount allows).
    "000": [],
    # 001: the 43 figures compared (总计, sources, 基本/项目支出, 财政拨款 总计, 13 项 of 公开05, 人员/公用经费,
    # “三公”) all agree; so do its 25 changes and percentages.
    "001": [],
    # 002 (budget): the 项 amounts, 基本支出 7676.51 and the “三公” 预算安排 agree. 人员经费 7058.16 and
    # 公用经费 618.35 are not compared: no table prints them (its 301+303 is 7116.66 under another
    # definition of 人员经费).
    "002": [],
    # 003's narrative is a 部门整体支出绩效 table; "收入决算总额为536.92万元" is not a 情况说明 section.
    "003": [],
    "004": [
        # 五（二）1.: "一般公共服务（类）支出 628.04 万元"; 公开05 has no 201 类 and 公开04 prints
        # 一般公共服务支出 0.00 under 一般公共预算财政拨款 (628.04 is 21015 医疗保障管理事务, a 卫生健康 款)
        ("text.amount", "error", *GENERAL_SERVICES, "628.04万元", "0.00", 375),
        # 五（二）2.: "卫生健康支出（类）10580.40 万元"; 公开05 210 卫生健康支出 prints 11,208.44
        ("text.amount", "error", "general_budget_expenditure", "210", "total", "10580.40万元", "11208.44", 377),
        # 五（三） repeats both sentences word for word
        ("text.amount", "error", *GENERAL_SERVICES, "628.04万元", "0.00", 383),
        ("text.amount", "error", "general_budget_expenditure", "210", "total", "10580.40万元", "11208.44", 385),
        # 六: "其他对个人和家庭的补助 48.73 万元"; 公开06 prints 30399 0.00 (and 30302 退休费 48.73)
        ("text.amount", "error", "basic_expenditure_economic", "30399", "amount", "48.73万元", "0.00", 393),
    ],
}  # fmt: skip

# Figures whose cell was chosen with some care, by seed: (line, table, row, column).
SEED_PINS: dict[str, list[tuple[int, str, str, str]]] = {
    "000": [
        (232, "summary", "总计", "income"),
        (236, "summary", "本年收入合计", "income"),  # "2023年度收入…" under 收入决算情况说明
        (297, "basic_expenditure_economic", "人员经费合计", "amount"),
        (315, "three_public", "(2)公务用车运行维护费", "final"),  # the text says 公务用车运行费
    ],
    "001": [
        (931, "expenditure", "合计", "basic"),  # 基本支出 of all funds, under 支出决算情况说明
        (947, "fiscal_grant_summary", "总计", "expenditure_total"),  # "支出总计" under 财政拨款收入支出
        (980, "general_budget_expenditure", "2080506", "total"),  # code and amount wrapped across lines
        (1097, "general_budget_expenditure", "合计", "basic"),  # 一般公共预算 基本支出
    ],
    "002": [
        (496, "general_budget_expenditure", "2101501", "total"),
        (534, "three_public", "1、因公出国（境）费用", "budget"),  # "预算安排" under （一）因公出国（境）经费
    ],
    "003": [],
    "004": [
        (330, "summary", "总计", "expenditure"),  # "收、支总计均为"
        (381, "general_budget_expenditure", "合计", "total"),  # "…年初预算为 …，支出决算为 11208.44"
        (395, "basic_expenditure_economic", "30231", "amount"),  # an economic 款 named without its code
        (411, "three_public", "合计", "final"),
    ],
}


def seed_params() -> list:
    return [
        pytest.param(seed, marks=getattr(pytest.mark, facts.format), id=seed) for seed, facts in sorted(FACTS.items())
    ]


@pytest.mark.parametrize("seed", seed_params())
def test_each_seed_reports_exactly_the_hand_verified_text_findings(parsed: dict[str, Document], seed: str) -> None:
    got = [
        (f.check, f.severity.value, f.table, f.row, f.column, f.printed, f.expected, f.provenance.line)
        for f in text_findings(parsed[seed])
    ]
    assert got == SEED_FINDINGS[seed]


@pytest.mark.parametrize("seed", seed_params())
def test_each_seed_s_figures_are_pinned_to_the_cells_they_restate(parsed: dict[str, Document], seed: str) -> None:
    pinned = {
        (
            r.statement.figure.provenance.line,
            r.place.table.id,
            r.place.row.code or r.place.row.label,
            r.place.cell.column,
        )
        for r in restatements(parsed[seed])
    }
    assert set(SEED_PINS[seed]) <= pinned
    if not SEED_PINS[seed]:
        assert pinned == set()


@pytest.mark.text
def test_seed_001_s_changes_are_read_with_their_base(parsed: dict[str, Document]) -> None:
    read = {(c.provenance.line, c.base.printed, c.amount.printed, c.printed_percent) for c in changes(parsed["001"])}
    assert (1035, "3308.61万元", "864.53万元", "增长35.37%") in read
    assert (896, "6886.32万元", "2059.32万元", "下降23.02%") in read  # across a wrapped line
    assert len(read) == 25
