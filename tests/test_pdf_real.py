"""Real published PDFs (../shared/pdf/, beside the project; skipped where absent, never copied).

* the 上海市普陀区 2024 final-accounts template: all nine tables with their titles, their header
  paths mapped to canonical columns and every row's code and name, written by hand from the pages;
* the 社会工作部 disclosure made from it: every printed amount of the nine tables
  (tests/expected/pdf_shehui_gongzuobu.tsv, checked against the pages), every cell's page and box,
  and the checks' findings, each verified by hand below.
"""

from __future__ import annotations

import csv
from decimal import Decimal
from pathlib import Path

import pytest

import gongkai
from gongkai import CellStatus, Document, Severity

pytestmark = pytest.mark.pdf
pytest.importorskip("pdfminer")

SHARED = Path(__file__).resolve().parents[2] / "shared" / "pdf"
TEMPLATE = SHARED / "shanghai-putuo-2024-final-template.pdf"
SHEHUI = SHARED / "shanghai-putuo-2024-final-shehui-gongzuobu.pdf"
EXPECTED = Path(__file__).parent / "expected" / "pdf_shehui_gongzuobu.tsv"


def _parsed(path: Path) -> Document:
    if not path.exists():
        pytest.skip(f"{path} is not here (the shared PDFs live beside the project)")
    return gongkai.parse(path)


@pytest.fixture(scope="module")
def template() -> Document:
    return _parsed(TEMPLATE)


@pytest.fixture(scope="module")
def shehui() -> Document:
    return _parsed(SHEHUI)


# -- the template: structure ------------------------------------------------------------------

SUMMARY_INCOME = [
    "一、一般公共预算财政拨款收入", "二、政府性基金预算财政拨款收入", "三、国有资本经营预算财政拨款收入",
    "四、上级补助收入", "五、事业收入", "六、经营收入", "七、附属单位上缴收入", "八、其他收入",
    "本年收入合计", "使用非财政拨款结余", "年初结转和结余", "总计",
]  # fmt: skip
FUNCTIONS = [
    "一、一般公共服务支出", "二、外交支出", "三、国防支出", "四、公共安全支出", "五、教育支出",
    "六、科学技术支出", "七、文化旅游体育与传媒支出", "八、社会保障和就业支出", "九、卫生健康支出",
    "十、节能环保支出", "十一、城乡社区支出", "十二、农林水支出", "十三、交通运输支出",
    "十四、资源勘探工业信息等支出", "十五、商业服务业等支出", "十六、金融支出", "十七、援助其他地区支出",
    "十八、自然资源海洋气象等支出", "十九、住房保障支出", "二十、粮油物资储备支出",
    "二十一、国有资本经营预算支出", "二十二、灾害防治及应急管理支出", "二十三、其他支出",
    "二十四、抗疫特别国债安排的支出",
]  # fmt: skip
# the function rows every template table of 功能分类 prints, "…" standing for more rows
FUNCTION_ROWS = [
    ("205", "教育支出"), ("20502", "普通教育"), ("2050205", "高等教育"), (None, "…"),
    ("207", "文化旅游体育与传媒支出"), ("20799", "其他文化旅游体育与传媒支出"), (None, "…"),
]  # fmt: skip
PERSONNEL = [
    ("301", "工资福利支出"), ("30101", "基本工资"), ("30102", "津贴补贴"), ("30103", "奖金"),
    ("30106", "伙食补助费"), ("30107", "绩效工资"), ("30108", "机关事业单位基本养老保险缴费"),
    ("30109", "职业年金缴费"), ("30110", "职工基本医疗保险缴费"), ("30111", "公务员医疗补助缴费"),
    ("30112", "其他社会保障缴费"), ("30113", "住房公积金"), ("30114", "医疗费"), ("30199", "其他工资福利支出"),
    ("303", "对个人和家庭的补助"), ("30301", "离休费"), ("30302", "退休费"), ("30303", "退职（役）费"),
    ("30304", "抚恤金"), ("30305", "生活补助"), ("30306", "救济费"), ("30307", "医疗费补助"),
    ("30308", "助学金"), ("30309", "奖励金"), ("30310", "个人农业生产补贴"), ("30311", "代缴社会保险费"),
    ("30399", "其他对个人和家庭的补助"), (None, "人员经费合计"),
]  # fmt: skip
PUBLIC = [
    ("302", "商品和服务支出"), ("30201", "办公费"), ("30202", "印刷费"), ("30203", "咨询费"),
    ("30204", "手续费"), ("30205", "水费"), ("30206", "电费"), ("30207", "邮电费"), ("30208", "取暖费"),
    ("30209", "物业管理费"), ("30211", "差旅费"), ("30212", "因公出国（境）费用"), ("30213", "维修（护）费"),
    ("30214", "租赁费"), ("30215", "会议费"), ("30216", "培训费"), ("30217", "公务接待费"),
    ("30218", "专用材料费"), ("30224", "被装购置费"), ("30225", "专用燃料费"), ("30226", "劳务费"),
    ("30227", "委托业务费"), ("30228", "工会经费"), ("30229", "福利费"), ("30231", "公务用车运行维护费"),
    ("30239", "其他交通费用"), ("30240", "税金及附加费用"), ("30299", "其他商品和服务支出"),
    ("310", "资本性支出"), ("31001", "房屋建筑物购建"), ("31002", "办公设备购置"), ("31003", "专用设备购置"),
    ("31007", "信息网络及软件购置更新"), ("31013", "公务用车购置"), ("31019", "其他交通工具购置"),
    ("31021", "文物和陈列品购置"), ("31022", "无形资产购置"), ("31099", "其他资本性支出"), (None, "公用经费合计"),
]  # fmt: skip
CARRY_COLUMNS = [
    ("carry_in_total", ("年初结转和结余",)), ("income_total", ("本年收入",)), ("total", ("本年支出", "合计")),
    ("basic", ("本年支出", "基本支出")), ("project", ("本年支出", "项目支出")),
    ("carry_out_total", ("年末结转和结余",)),
]  # fmt: skip

# table id -> (printed title, pages, [(column id, printed header path)], group 0 rows, group 1 rows)
TEMPLATE_TABLES = {
    "summary": (
        "收入支出决算总表", (5,), [("income", ("收入", "决算数")), ("expenditure", ("支出", "决算数"))],
        [(None, label) for label in SUMMARY_INCOME],
        [(None, label) for label in FUNCTIONS + ["本年支出合计", "结余分配", "年末结转和结余", "总计"]],
    ),
    "income": (
        "收入决算表", (6,),
        [("total", ("本年收入合计",)), ("fiscal_grant", ("财政拨款收入",)), ("superior_subsidy", ("上级补助收入",)),
         ("business", ("事业收入",)), ("operating", ("经营收入",)), ("subsidiary_remit", ("附属单位上缴收入",)),
         ("other", ("其他收入",))],
        [(None, "合计")] + FUNCTION_ROWS, [],
    ),
    "expenditure": (
        "支出决算表", (7,),
        [("total", ("本年支出合计",)), ("basic", ("基本支出",)), ("project", ("项目支出",)),
         ("remit_superior", ("上缴上级支出",)), ("operating", ("经营支出",)), ("subsidiary", ("对附属单位补助支出",))],
        [(None, "合计")] + FUNCTION_ROWS, [],
    ),
    "fiscal_grant_summary": (
        "财政拨款收入支出决算总表", (8, 9),
        [("income", ("收入", "决算数")), ("expenditure_total", ("支出", "合计")),
         ("expenditure_general", ("支出", "一般公共预算财政拨款")),
         ("expenditure_fund", ("支出", "政府性基金预算财政拨款")),
         ("expenditure_capital", ("支出", "国有资本经营预算财政拨款"))],
        [(None, label) for label in [
            "一、一般公共预算财政拨款", "二、政府性基金预算财政拨款", "三、国有资本经营预算财政拨款",
            "本年收入合计", "年初财政拨款结转和结余", "一、一般公共预算财政拨款", "二、政府性基金预算财政拨款",
            "三、国有资本经营预算财政拨款", "总计"]],
        [(None, label) for label in FUNCTIONS + ["本年支出合计", "年末财政拨款结转和结余", "总计"]],
    ),
    "general_budget_expenditure": (
        "一般公共预算财政拨款支出决算表", (10,),
        [("total", ("合计",)), ("basic", ("基本支出",)), ("project", ("项目支出",))],
        FUNCTION_ROWS + [(None, "合计")], [],
    ),
    "basic_expenditure_economic": (
        "一般公共预算财政拨款基本支出决算表", (11,), [("amount", ("决算数",))], PERSONNEL, PUBLIC,
    ),
    "three_public": (
        "财政拨款“三公”经费支出决算表", (12,),
        [("budget", ("财政拨款“三公”经费", "合计", "预算数")), ("final", ("财政拨款“三公”经费", "合计", "决算数"))],
        [], [],
    ),
    # an empty fund table prints its 合计 in the last header row, beside the innermost headers
    "government_fund": ("政府性基金预算财政拨款收入支出决算表", (13,), CARRY_COLUMNS, [(None, "合计")], []),
    "state_capital": ("国有资本经营预算财政拨款收入支出决算表", (14,), CARRY_COLUMNS, [(None, "合计")], []),
}  # fmt: skip


def test_template_has_the_nine_standard_tables_in_order(template: Document) -> None:
    assert [table.id for table in template.tables] == list(TEMPLATE_TABLES)
    assert (template.entity, template.year, template.kind, template.unit) == ("上海市XX局", 2024, "final", "万元")
    assert template.format == "pdf"
    assert template.missing == ()


@pytest.mark.parametrize("table_id", list(TEMPLATE_TABLES))
def test_template_table_structure(template: Document, table_id: str) -> None:
    title, pages, columns, left, right = TEMPLATE_TABLES[table_id]
    (table,) = [table for table in template.tables if table.id == table_id]
    assert table.title == title
    assert table.pages == pages
    assert [(column.id, column.header) for column in table.columns] == columns
    assert [(row.code, row.label) for row in table.rows if row.group == 0] == left
    assert [(row.code, row.label) for row in table.rows if row.group == 1] == right
    # a template prints no amount: every cell is blank, none is invented
    assert all(cell.status is CellStatus.BLANK for row in table.rows for cell in row.cells)


def test_template_findings_are_its_placeholders(template: Document) -> None:
    """The template's text is all XX placeholders; nothing else is wrong with it."""
    assert {finding.check for finding in template.findings} == {"meta.placeholder"}


# -- the filled-in disclosure: every amount ------------------------------------------------------


def _expected() -> list[list[str]]:
    with EXPECTED.open(encoding="utf-8") as handle:
        return [row for row in csv.reader(handle, delimiter="\t") if row and not row[0].startswith("#")]


def test_every_printed_amount_is_read_exactly(shehui: Document) -> None:
    got = [
        [table.id, str(cell.provenance.page), str(row.group), row.code or "", row.label, cell.column, cell.raw]
        for table in shehui.tables
        for row in table.rows
        for cell in row.cells
        if cell.status is not CellStatus.BLANK
    ]
    assert got == _expected()
    for table in shehui.tables:
        for row in table.rows:
            for cell in row.cells:
                if cell.status is CellStatus.VALUE:
                    assert cell.value == Decimal(cell.raw)
                x0, top, x1, bottom = cell.provenance.bbox
                assert 0 < x0 < x1 < 842 and 0 < top < bottom < 842, (table.id, row.label, cell)


def test_shehui_document_facts(shehui: Document) -> None:
    assert (shehui.entity, shehui.year, shehui.kind, shehui.unit) == (
        "中共上海市普陀区委社会工作部",
        2024,
        "final",
        "万元",
    )
    assert (shehui.region.city, shehui.region.county) == ("上海市", "普陀区")
    assert [table.id for table in shehui.tables] == list(TEMPLATE_TABLES)
    # the tables that run over two pages are one table each
    pages = {table.id: table.pages for table in shehui.tables}
    assert pages["income"] == (6, 7) and pages["expenditure"] == (8, 9) and pages["fiscal_grant_summary"] == (10, 11)


def test_narrative_is_the_running_text_in_reading_order_without_tables(shehui: Document) -> None:
    text = [line.text for line in shehui.narrative]
    # listed in the 目录 on page 2, and heading its section on page 17
    heads = [i for i, line in enumerate(text) if line == "一、收入支出决算总体情况说明"]
    assert [shehui.narrative[i].provenance.page for i in heads] == [2, 17]
    start = heads[-1]
    assert text[start + 1].startswith("中共上海市普陀区委社会工作部2024年度收入支出总计307.82")
    # no table cell is narrative: the amounts of the tables' rows never appear as lines of their own
    assert not any(line.startswith(("201\t", "2013901", "30101")) for line in text)
    assert all(line.provenance.page is not None and line.provenance.bbox is not None for line in shehui.narrative)


def test_the_checks_findings_are_the_two_roundings_verified_by_hand(shehui: Document) -> None:
    """Two 0.01 rounding differences, both true of the printed pages, a template instruction left
    in twice, and nothing else judged:

    * 一般公共预算财政拨款支出决算表 (page 12) prints 合计/基本支出 105.58, while the 基本支出 table
      (page 13) prints 人员经费合计 95.36 + 公用经费合计 10.23 = 105.59;
    * 302 商品和服务支出 is printed 10.23 on page 13, and its items 3.78 + 1.15 + 0.02 + 0.68 + 0.48
      + 1.48 + 2.43 + 0.20 (the others 0.00) = 10.22.
    """
    judged = [f for f in shehui.findings if f.checked and f.check != "meta.placeholder"]
    findings = sorted((f.check, f.severity, f.table, f.printed, f.expected) for f in judged)
    assert findings == [
        ("cross.tables", Severity.INFO, "general_budget_expenditure", "105.58", "105.59"),
        ("table.hierarchy", Severity.INFO, "basic_expenditure_economic", "10.23", "10.22"),
    ]
    pages = {f.check: f.provenance.page for f in judged}
    assert pages == {"cross.tables": 12, "table.hierarchy": 13}
    # the template's instruction is printed above the real 说明 of the two empty fund tables
    left_in = [(f.severity, f.printed, f.provenance.page) for f in shehui.findings if f.check == "meta.placeholder"]
    assert left_in == [(Severity.WARNING, "仍保留该表格式，并在本表下方作下述说明", page) for page in (15, 16)]
    # every claim of its 情况说明 the text checks read was judged, and agrees with the tables
    assert [f for f in shehui.findings if not f.checked] == []
