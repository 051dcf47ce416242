"""The HTML reader on pages made in :mod:`tests.html_corpus`: what it reads, what it leaves out,
which encodings it finds, and the hostile pages it refuses.

Seed 003 published on a county site (GBK, navigation around it, a layout table, merged header
cells) parses to exactly the tables, cells and findings of the seed's own text; XHTML and UTF-8
pages give every cell's printed text, status and exact value; hostile pages are refused through
the command line with exit 13 and one line on stderr, before any parser could expand an entity
or fetch a URL.
"""

from __future__ import annotations

import codecs
import http.server
import sys
import threading
import time
import urllib.request
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any, Optional

import pytest

import gongkai
from gongkai import CellStatus, Document, Limits
from gongkai.errors import InputError, LimitError, UnsafeInputError
from gongkai.layout import Layout
from gongkai.manager import Registry, default_plugin_manager
from gongkai.pipeline import read_layout
from gongkai.readers import html as html_reader

from . import html_corpus as corpus
from .seeds import FACTS, FIXTURES, expected_cells, find_row
from .test_cli import EXIT_NOT_A_DISCLOSURE, EXIT_UNREADABLE, assert_one_error_line, run, text

pytestmark = pytest.mark.html
pytest.importorskip("lxml")

from gongkai.readers.html import safety  # noqa: E402  (needs lxml)
from gongkai.readers.html.document import read_html  # noqa: E402
from gongkai.readers.html.tables import MAX_CELLS, SpanCell, expand, grid_rows  # noqa: E402

EXIT_UNSAFE = 13
V, B, NA = CellStatus.VALUE, CellStatus.BLANK, CellStatus.NOT_APPLICABLE


def layout_of(page: str | bytes, name: str = "page.html") -> Layout:
    return read_html(page.encode("utf-8") if isinstance(page, str) else page, name)


def texts(layout: Layout) -> list[tuple[str, tuple[str, ...]]]:
    return [(line.kind.value, line.cells) for line in layout.lines]


def table_content(document: Document) -> list[tuple[Any, ...]]:
    """Every table as printed and mapped: ids, titles, columns, and each row's code, label,
    level, parent, 行次, group and cells (column, raw, status, value)."""
    return [
        (
            table.id,
            table.number,
            table.title,
            table.notes,
            tuple(column.id for column in table.columns),
            [
                (
                    row.code,
                    row.label,
                    row.level,
                    row.parent,
                    row.line_number,
                    row.group,
                    [(cell.column, cell.raw, cell.status, cell.value) for cell in row.cells],
                )
                for row in table.rows
            ],
        )
        for table in document.tables
    ]


def finding_keys(document: Document) -> list[tuple[Optional[str], ...]]:
    """The findings without their messages and provenance (which name line numbers)."""
    return sorted(
        (f.check, f.severity.value, f.table, f.row, f.column, f.printed, f.expected) for f in document.findings
    )


def cells_of(document: Document, table: str) -> list[tuple[Optional[str], str, list[tuple[Any, ...]]]]:
    found = document.table(table)
    assert found is not None, f"no {table} table in {[t.id for t in document.tables]}"
    return [
        (row.code, row.label, [(cell.column, cell.raw, cell.status, cell.value) for cell in row.cells])
        for row in found.rows
    ]


# -- a. seed 003 as a county government site publishes it --------------------------------------


@pytest.fixture(scope="module")
def zhanyi() -> Document:
    return gongkai.parse(corpus.zhanyi_page(), name="zhanyi-2023-final.html")


def test_the_site_page_is_gbk_declared_gb2312() -> None:
    page = corpus.zhanyi_page()
    with pytest.raises(UnicodeDecodeError):
        page.decode("utf-8")
    assert b'content="text/html; charset=gb2312"' in page
    assert "曲靖市沾益区医疗保障局" in page.decode("gbk")


def test_the_site_page_has_the_facts_of_the_seed(zhanyi: Document) -> None:
    facts = FACTS["003"]
    assert zhanyi.format == "html"
    assert (zhanyi.plugin, zhanyi.region.path(), zhanyi.entity) == (facts.plugin, facts.region, facts.entity)
    assert (zhanyi.year, zhanyi.kind, zhanyi.scope, zhanyi.unit) == (facts.year, facts.kind, facts.scope, facts.unit)
    assert tuple(table.id for table in zhanyi.tables) == facts.tables
    assert tuple(table.number for table in zhanyi.tables) == facts.numbers


def test_the_site_page_has_the_tables_and_findings_of_the_seed_text(
    zhanyi: Document, parsed: dict[str, Document]
) -> None:
    text_document = parsed["003"]
    assert table_content(zhanyi) == table_content(text_document)
    assert finding_keys(zhanyi) == finding_keys(text_document)
    assert [(m.title, m.table) for m in zhanyi.missing] == [(m.title, m.table) for m in text_document.missing]


def test_the_site_page_has_every_hand_read_cell(zhanyi: Document) -> None:
    problems = []
    for expected in expected_cells("003"):
        table = zhanyi.table(expected.table)
        row = find_row(table, expected) if table else None
        cell = row.cell(expected.column) if row else None
        got = None if cell is None or row is None else (row.label, cell.raw, cell.status, cell.value)
        if got != (expected.bare_label, expected.raw, expected.status(), expected.value()):
            problems.append(f"003.tsv:{expected.line} {expected.table} {expected.code} {expected.label}: {got}")
    assert not problems, "\n".join(problems)


def test_merged_header_cells_give_the_summary_and_expenditure_tables(zhanyi: Document) -> None:
    summary = zhanyi.table("summary")
    assert summary is not None and summary.title == "收入支出决算表" and summary.number == "公开01表"
    total = summary.find(label="总计")
    assert [(row.line_number, [(c.column, c.raw, c.status, c.value) for c in row.cells]) for row in total] == [
        ("30", [("income", "536.92", V, Decimal("536.92"))]),
        ("60", [("expenditure", "536.92", V, Decimal("536.92"))]),
    ]
    expenditure = zhanyi.table("expenditure")
    assert expenditure is not None and expenditure.number == "公开03表"
    assert [column.id for column in expenditure.columns] == [
        "total",
        "basic",
        "project",
        "remit_superior",
        "operating",
        "subsidiary",
    ]
    health = expenditure.find(code="210")[0]
    assert (health.label, health.level) == ("卫生健康支出", 1)
    assert [(c.column, c.raw, c.status, c.value) for c in health.cells] == [
        ("total", "465.22", V, Decimal("465.22")),
        ("basic", "465.22", V, Decimal("465.22")),
        ("project", "63.00", V, Decimal("63.00")),
        ("remit_superior", "", B, None),
        ("operating", "", B, None),
        ("subsidiary", "", B, None),
    ]
    # the page disagrees with itself where the seed does: 210 prints 465.22 where its children sum to
    # 402.22, so 合计's 473.92 is not the sum of the 类 rows either
    hierarchy = [f for f in zhanyi.findings if f.check == "table.hierarchy" and f.table == "expenditure"]
    assert sorted((f.row, f.column, f.printed, f.expected) for f in hierarchy) == [
        ("210", "basic", "465.22", "402.22"),
        ("合计", "basic", "473.92", "536.92"),
    ]


def test_the_site_page_lays_out_merged_headers_like_ruled_pdf_grids() -> None:
    lines = texts(layout_of(corpus.zhanyi_page()))
    summary_header = lines.index(("cells", ("收入", "收入", "收入", "支出", "支出", "支出")))
    assert lines[summary_header + 1 : summary_header + 4] == [
        ("cells", ("项目", "行次", "金额", "项目(按功能分类)", "行次", "金额")),
        ("cells", ("栏次", "栏次", "1", "栏次", "栏次", "2")),
        ("cells", ("一、一般公共预算财政拨款收入", "1", "536.92", "一、一般公共服务支出", "31", "")),
    ]
    amounts = ("本年支出合计", "基本支出", "项目支出", "上缴上级支出", "经营支出", "对附属单位补助支出")
    expenditure_header = lines.index(("cells", ("项目",) * 4 + amounts))
    assert lines[expenditure_header - 4 : expenditure_header] == [
        ("text", ("支出决算表",)),
        ("text", ("公开03表",)),
        ("text", ("部门：曲靖市沾益区医疗保障局",)),
        ("text", ("金额单位：万元",)),
    ]
    assert lines[expenditure_header + 1 : expenditure_header + 5] == [
        ("cells", ("支出功能分类科目编码",) * 3 + ("科目名称",) + amounts),
        ("cells", ("类", "款", "项", "栏次", "1", "2", "3", "4", "5", "6")),
        ("cells", ("", "", "", "合计", "536.92", "473.92", "63.00", "", "", "")),
        ("cells", ("208", "", "", "社会保障和就业支出", "44.26", "44.26", "", "", "", "")),
    ]


def test_the_site_page_leaves_out_what_it_does_not_print() -> None:
    layout = layout_of(corpus.zhanyi_page())
    assert [line.number for line in layout.lines] == list(range(1, len(layout.lines) + 1))
    assert layout.format == "html" and layout.pages is None
    everything = "\n".join(line.text for line in layout.lines)
    # the nav bar's 首页 | 政务公开 | 政务服务 | 互动交流: only the breadcrumb names 首页
    assert [line.text for line in layout.lines if "首页" in line.text] == ["当前位置：首页 > 政务公开 > 财政预决算"]
    for noise in ("互动交流", "9.99", "1,234.00", "_沾益区人民政府", "请输入关键字", "搜索"):
        assert noise not in everything, noise
    for noise in ("全部年度", "网站地图", "联系我们", "不支持脚本", "统计代码", "td {", "hits"):
        assert noise not in everything, noise
    # the page's own text stays, in reading order: breadcrumb, sidebar, the disclosure, footer
    assert texts(layout)[:6] == [
        ("text", ("当前位置：首页 > 政务公开 > 财政预决算",)),
        ("text", ("财政预决算",)),
        ("text", ("部门预算",)),
        ("text", ("部门决算",)),
        ("text", ("“三公”经费",)),
        ("text", ("发布日期：2024-09-20\u3000来源：曲靖市沾益区医疗保障局\u3000打印本页",)),
    ]
    assert texts(layout)[6] == ("text", ("收入支出决算表",))
    assert texts(layout)[-1] == (
        "text",
        ("版权所有：曲靖市沾益区人民政府\u3000网站标识码：5303280001\u3000滇ICP备05002022号",),
    )


# -- b. an XHTML budget page ------------------------------------------------------------------


def test_an_xhtml_budget_page() -> None:
    document = gongkai.parse(corpus.XHTML_BUDGET.encode("utf-8"), name="wenzhou-2024-budget.xhtml")
    assert (document.format, document.entity, document.year, document.kind, document.unit) == (
        "html",
        "温州市样例局",
        2024,
        "budget",
        "万元",
    )
    assert [(t.id, t.title) for t in document.tables] == [
        ("expenditure", "2024年度支出预算总表"),
        ("general_budget_expenditure", "2024年度一般公共预算拨款支出预算表"),
    ]

    def row(code: Optional[str], label: str, *amounts: str) -> tuple[Optional[str], str, list[tuple[Any, ...]]]:
        columns = ("total", "basic", "project", "operating", "remit_superior", "subsidiary")
        return (
            code,
            label,
            [
                (column, raw, V if raw else B, Decimal(raw) if raw else None)
                for column, raw in zip(columns, amounts + ("",) * (len(columns) - len(amounts)))
            ],
        )

    assert cells_of(document, "expenditure") == [
        row(None, "合计", "310.50", "250.50", "60.00"),
        row("210", "卫生健康支出", "310.50", "250.50", "60.00"),
        row("21015", "医疗保障管理事务", "310.50", "250.50", "60.00"),
        row("2101501", "行政运行", "250.50", "250.50", ""),
        row("2101599", "其他医疗保障管理事务支出", "60.00", "", "60.00"),
    ]
    # the <br /> inside a header cell is a space: "基本 支出" is the 基本支出 column
    expenditure = document.table("expenditure")
    assert expenditure is not None
    assert [column.header for column in expenditure.columns][:3] == [("合计",), ("基本支出",), ("项目支出",)]
    assert cells_of(document, "general_budget_expenditure") == [
        (code, label, cells[:3]) for code, label, cells in cells_of(document, "expenditure")
    ]
    assert not [f for f in document.findings if f.check != "completeness.standard"]


def test_a_br_in_a_header_cell_is_a_space() -> None:
    lines = texts(layout_of(corpus.XHTML_BUDGET))
    assert lines[0] == ("heading", ("温州市样例局2024年度部门预算",))
    assert lines[3] == (
        "cells",
        (
            "科目编码",
            "科目名称",
            "合计",
            "基本 支出",
            "项目 支出",
            "事业单位 经营支出",
            "上缴上级 支出",
            "对附属单位 补助支出",
        ),
    )
    # rowspan and colspan in the header: 科目编码 down two rows, 其中： over two columns
    start = lines.index(("heading", ("2024年度一般公共预算拨款支出预算表",)))
    assert lines[start + 2 : start + 4] == [
        ("cells", ("科目编码", "科目名称", "合计", "其中：", "其中：")),
        ("cells", ("科目编码", "科目名称", "合计", "基本 支出", "项目 支出")),
    ]


# -- c. UTF-8: thousands separators, 0.00, dashes and blanks ------------------------------------


def test_blank_zero_and_dash_cells_keep_their_statuses() -> None:
    document = gongkai.parse(corpus.UTF8_AMOUNTS.encode("utf-8"), name="ningbo-2023-final.html")
    assert (document.entity, document.year, document.kind) == ("宁波市样例中心", 2023, "final")
    table = document.table("expenditure")
    assert table is not None and (table.number, table.title) == ("公开03表", "支出决算表")

    def cells(total: str, value: Decimal) -> list[tuple[Any, ...]]:
        return [
            ("total", total, V, value),
            ("basic", total, V, value),
            ("project", "0.00", V, Decimal("0.00")),
            ("remit_superior", "—", NA, None),
            ("operating", "", B, None),
            ("subsidiary", "", B, None),
        ]

    assert cells_of(document, "expenditure") == [
        (None, "合计", cells("12,345.67", Decimal("12345.67"))),
        ("210", "卫生健康支出", cells("12,345.67", Decimal("12345.67"))),
        ("21015", "医疗保障管理事务", cells("12,345.67", Decimal("12345.67"))),
        ("2101501", "行政运行", cells("1,000.00", Decimal("1000.00"))),
        ("2101550", "事业运行", cells("11,345.67", Decimal("11345.67"))),
    ]
    assert [(row.level, row.parent) for row in table.rows] == [
        (None, None),
        (1, None),
        (2, "210"),
        (3, "21015"),
        (3, "21015"),
    ]


def test_nbsp_cells_are_empty_and_nbsp_in_text_is_a_space() -> None:
    lines = texts(layout_of(corpus.UTF8_AMOUNTS))
    assert ("cells", ("210", "卫生健康支出", "12,345.67", "12,345.67", "0.00", "—", "", "")) in lines
    assert ("cells", ("2101550", "事业 运行", "11,345.67", "11,345.67", "0.00", "—", "", "")) in lines
    assert texts(layout_of("<p>单位：&nbsp;&nbsp;万元</p><p>\u3000全角空格\u3000</p>")) == [
        ("text", ("单位： 万元",)),
        ("text", ("\u3000全角空格\u3000",)),  # an ideographic space is printed text, not HTML's white space
    ]


# -- what becomes a line ------------------------------------------------------------------------


def test_blocks_headings_breaks_and_lists_are_lines() -> None:
    page = """<html><head><title>不读</title></head><body>
    <h2>一、<b>部门</b>主要职责</h2>
    <p>第一段<span>接着</span>写。<br>第二部分<br/>第三部分</p>
    <div>外层文字<div>内层文字</div>尾部文字</div>
    <ul><li>甲</li><li>乙<ol><li>乙一</li></ol></li></ul>
    <dl><dt>名词</dt><dd>解释</dd></dl>
    直接写在正文里的字
    </body></html>"""
    assert texts(layout_of(page)) == [
        ("heading", ("一、部门主要职责",)),
        ("text", ("第一段接着写。",)),
        ("text", ("第二部分",)),
        ("text", ("第三部分",)),
        ("text", ("外层文字",)),
        ("text", ("内层文字",)),
        ("text", ("尾部文字",)),
        ("text", ("甲",)),
        ("text", ("乙",)),
        ("text", ("乙一",)),
        ("text", ("名词",)),
        ("text", ("解释",)),
        ("text", ("直接写在正文里的字",)),
    ]


def test_pre_keeps_its_lines_and_spaces_and_its_tabs_make_cells() -> None:
    page = "<pre>支出决算表\n  项目      金额\n\n合计\t12.00\t\n</pre><p>后</p>"
    assert texts(layout_of(page)) == [
        ("text", ("支出决算表",)),
        ("text", ("  项目      金额",)),
        ("cells", ("合计", "12.00", "")),
        ("text", ("后",)),
    ]


def test_noise_is_left_out_but_the_text_around_it_stays() -> None:
    page = """<body><p>前<script>var a = "1.00";</script>中<style>p {}</style>后</p>
    <nav>首页 | 政务公开</nav><div role="Navigation">栏目导航</div>
    <p>选项<select><option>2023</option></select><button>查询</button><textarea>留言</textarea>止</p>
    <template><p>模板</p></template><object>插件</object><noscript>无脚本</noscript></body>"""
    assert texts(layout_of(page)) == [("text", ("前中后",)), ("text", ("选项止",))]


def test_a_checkbox_prints_its_mark() -> None:
    page = (
        "<table><tr><td>是否达标</td><td><input type='checkbox' checked> 是 <input type=CHECKBOX> 否</td></tr></table>"
    )
    assert texts(layout_of(page)) == [("cells", ("是否达标", "☑ 是 ☐ 否"))]


def test_a_caption_is_the_title_before_its_table() -> None:
    page = """<table><tr><td>前一表</td><td>1.00</td></tr></table>
    <table><caption>支出决算表<br>公开03表</caption><tr><td>合计</td><td>1.00</td></tr></table>"""
    assert texts(layout_of(page)) == [
        ("cells", ("前一表", "1.00")),
        ("text", ("支出决算表 公开03表",)),
        ("cells", ("合计", "1.00")),
    ]


def test_a_table_holding_a_table_is_layout_and_an_empty_table_is_skipped() -> None:
    page = """<table><tr><td>左栏<p>链接</p></td><td>
      <p>正文标题</p>
      <table><tr><th>项目</th><th>金额</th></tr><tr><td>合计</td><td>2.00</td></tr></table>
      <table><tr><td>&nbsp;</td><td></td></tr><tr><td><img src="x.png"></td></tr></table>
      <p>正文结尾</p>
    </td></tr></table>
    <table role="presentation"><tr><td>排版</td><td>用表</td></tr></table>"""
    assert texts(layout_of(page)) == [
        ("text", ("左栏",)),
        ("text", ("链接",)),
        ("text", ("正文标题",)),
        ("cells", ("项目", "金额")),
        ("cells", ("合计", "2.00")),
        ("text", ("正文结尾",)),
        ("text", ("排版",)),
        ("text", ("用表",)),
    ]


def test_header_and_foot_rows_are_read_in_display_order() -> None:
    page = """<table><tfoot><tr><td>总计</td><td>3.00</td></tr></tfoot>
    <thead><tr><td>项目</td><td>金额</td></tr></thead>
    <tbody><tr><td>一、收入</td><td>3.00</td></tr></tbody></table>"""
    assert texts(layout_of(page)) == [
        ("cells", ("项目", "金额")),
        ("cells", ("一、收入", "3.00")),
        ("cells", ("总计", "3.00")),
    ]


def test_spans_in_the_header_repeat_and_in_the_body_stand_once() -> None:
    page = """<table>
    <tr><td rowspan="2">项目</td><td colspan="2">本年收入</td><td rowspan="3">备注</td></tr>
    <tr><td>小计</td><td>其中</td></tr>
    <tr><td rowspan="2">合计</td><td colspan="2">5.00</td></tr>
    <tr><td>1.00</td><td>4.00</td><td>—</td></tr>
    </table>"""
    assert texts(layout_of(page)) == [
        ("cells", ("项目", "本年收入", "本年收入", "备注")),
        ("cells", ("项目", "小计", "其中", "备注")),
        ("cells", ("合计", "5.00", "", "")),
        ("cells", ("", "1.00", "4.00", "—")),
    ]


def test_the_grid_follows_the_html_table_model() -> None:
    def rows(*spec: list[tuple[str, int, int]]) -> list[list[SpanCell]]:
        return [[SpanCell(text, rowspan, colspan) for text, rowspan, colspan in row] for row in spec]

    # rowspan 0 reaches the last row; a rowspan past the last row stops there; ragged rows are padded
    grid = expand(rows([("项目", 0, 1), ("甲", 1, 1)], [("乙", 1, 2)], [("丙", 9, 1)]))
    assert grid.owner == ((0, 1, None), (0, 2, 2), (0, 3, None))
    # overlapping spans: the cell placed first keeps the position
    grid = expand(rows([("x", 1, 1), ("y", 2, 1)], [("z", 1, 2)]))
    assert grid.owner == ((0, 1), (2, 1))
    assert grid.starts == ((0, 0), (0, 1), (1, 0))
    assert grid_rows(expand(rows([("金额", 1, 1)], [("", 1, 1)]))) == [("金额",)]


def test_span_attributes_are_read_as_browsers_read_them() -> None:
    page = """<table><tr><td colspan="2px">项目</td><td colspan="0">金额</td><td colspan="x">注</td></tr>
    <tr><td>合计</td><td>&nbsp;</td><td colspan="99999999999999999999">1.00</td></tr></table>"""
    lines = texts(layout_of(page))
    assert lines[0] == ("cells", ("项目", "项目", "金额", "注") + ("",) * 998)
    assert lines[1] == ("cells", ("合计", "", "1.00") + ("",) * 999)


# -- encodings ----------------------------------------------------------------------------------

PAGE = "<html><head>{meta}</head><body><p>收入支出决算表（沾益区）“三公”經費</p></body></html>"


@pytest.mark.parametrize(
    ("data", "why"),
    [
        (PAGE.format(meta='<meta charset="gbk">').encode("gbk"), "declared GBK"),
        (PAGE.format(meta="<meta charset=GB2312>").encode("gbk"), "GB2312 declared, GBK printed"),
        (
            PAGE.format(meta='<meta content="text/html; charset=gb2312" http-equiv="Content-Type">').encode("gbk"),
            "http-equiv with its content first",
        ),
        (PAGE.format(meta="").encode("gb18030"), "undeclared GB18030"),
        (PAGE.format(meta="").encode("utf-8"), "undeclared UTF-8"),
        (PAGE.format(meta='<meta charset="gb2312">').encode("utf-8"), "UTF-8 under an old gb2312 label"),
        (PAGE.format(meta='<meta charset="utf-8">').encode("gbk"), "GBK under a wrong utf-8 label"),
        (PAGE.format(meta='<meta charset="no-such-encoding">').encode("gbk"), "an unknown label"),
        (b'<?xml version="1.0" encoding="GBK"?>\n' + PAGE.format(meta="").encode("gbk"), "XML declaration"),
        ("\ufeff".encode() + PAGE.format(meta='<meta charset="gbk">').encode("utf-8"), "UTF-8 byte-order mark"),
        (PAGE.format(meta='<meta charset="gbk">').encode("utf-16"), "UTF-16 byte-order mark"),
        (PAGE.format(meta="").encode("utf-32"), "UTF-32 byte-order mark"),
    ],
)
def test_the_encoding_is_found(data: bytes, why: str) -> None:
    assert texts(read_html(data, "page.html")) == [("text", ("收入支出决算表（沾益区）“三公”經費",))], why


@pytest.mark.parametrize(
    ("meta", "encoding", "printed"),
    [
        ("<meta charset='iso-8859-1'>", "cp1252", "Café – 1,000.00"),
        ('<meta http-equiv="Content-Type" content="text/html; charset=big5">', "big5", "收入支出決算表（霑益區）經費"),
    ],
)
def test_a_declared_legacy_encoding_is_honoured(meta: str, encoding: str, printed: str) -> None:
    """Bytes GB18030 would also decode (into the wrong characters) are read as declared."""
    data = f"<html><head>{meta}</head><body><p>{printed}</p></body></html>".encode(encoding)
    assert data.decode("gb18030", errors="replace") != data.decode(encoding)
    assert texts(read_html(data, "page.html")) == [("text", (printed,))]


def test_a_byte_order_mark_the_bytes_do_not_follow_is_an_input_error() -> None:
    data = codecs.BOM_UTF16_LE + "<p>收入</p>".encode("utf-16-le") + b"\x00"  # an odd number of bytes
    with pytest.raises(InputError, match="marked UTF-16 but does not decode"):
        read_html(data, "page.html")


def test_a_page_no_encoding_decodes_is_one_error_line(tmp_path: Path) -> None:
    path = tmp_path / "garbled.html"
    path.write_bytes(b'<!DOCTYPE html><html><head><meta charset="utf-8"></head><body><p>\xff\xfe\xff</p></body></html>')
    result = run("parse", str(path), "-o", str(tmp_path / "out.json"), cwd=tmp_path)
    assert result.returncode == EXIT_UNREADABLE
    assert "not a text document" in assert_one_error_line(result, str(path))
    assert not (tmp_path / "out.json").exists()


# -- d. hostile pages, and pages that are no disclosure ----------------------------------------


@pytest.fixture
def listener() -> Iterator[tuple[str, list[str]]]:
    """A local HTTP server on 127.0.0.1: its URL and the paths it was asked for."""
    requests: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            requests.append(self.path)
            body = b"<!ENTITY leaked 'fetched'>"
            self.send_response(200)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: Any) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/", requests
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def assert_listener_works(url: str, requests: list[str]) -> None:
    """The server did receive what it was asked: an empty request list means nobody asked."""
    with urllib.request.urlopen(url + "control", timeout=10) as response:
        response.read()
    assert requests == ["/control"]


HOSTILE = {
    "billion-laughs": (lambda url: corpus.BILLION_LAUGHS, "entities"),
    "entity-lower-case": (lambda url: '<!doctype html [<!entity a "b">]><p>&a;</p>', "entities"),
    "external-entity": (lambda url: corpus.external_entity_page(url + "entity"), "entities"),
    "external-subset": (lambda url: corpus.external_subset_page(url + "notation"), "external entities or DTDs"),
    "deep-nesting": (lambda url: corpus.deep_page(100_000), "nested more than 256 deep"),
}
EXTRA = {"deep-nesting": ["--max-depth", "1000"]}  # under the default depth limit it is over the limit (below)


@pytest.mark.parametrize("case", list(HOSTILE))
def test_a_hostile_page_is_refused_as_unsafe(case: str, listener: tuple[str, list[str]], tmp_path: Path) -> None:
    url, requests = listener
    make, words = HOSTILE[case]
    path = tmp_path / f"{case}.html"
    path.write_text(make(url), encoding="utf-8")
    result = run("parse", str(path), "-o", str(tmp_path / "out.json"), *EXTRA.get(case, []), cwd=tmp_path)
    assert result.returncode == EXIT_UNSAFE, text(result.stderr)
    reason = assert_one_error_line(result, str(path))
    assert "unsafe" in reason and words in reason, reason
    assert not (tmp_path / "out.json").exists()
    assert requests == []
    assert_listener_works(url, requests)


def test_a_page_nested_deeper_than_the_depth_limit_is_over_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "deep.html"
    path.write_text(corpus.deep_page(100_000), encoding="utf-8")
    result = run("parse", str(path), "-o", str(tmp_path / "out.json"), cwd=tmp_path)
    assert result.returncode == LimitError.exit_code, text(result.stderr)
    reason = assert_one_error_line(result, str(path))
    assert "nested more than 100 deep (raise it with --max-depth)" in reason, reason
    assert not (tmp_path / "out.json").exists()


def test_the_parser_itself_never_fetches_or_expands_an_entity(listener: tuple[str, list[str]]) -> None:
    """Even past the refusal, lxml as configured reads the entity as text and asks no server."""
    url, requests = listener
    root = safety.parse_bounded(corpus.external_entity_page(url + "entity"), "page.html")
    assert root is not None
    assert "fetched" not in "".join(root.itertext())
    assert requests == []
    assert_listener_works(url, requests)


@pytest.mark.parametrize("limits", [Limits(), Limits(max_depth=safety.MAX_DEPTH)])
def test_deep_nesting_is_refused_fast_and_without_recursion(limits: Limits) -> None:
    started = time.perf_counter()
    with pytest.raises((LimitError, UnsafeInputError)):
        read_html(corpus.deep_page(100_000).encode(), "deep.html", limits)
    assert time.perf_counter() - started < 5


def test_nesting_up_to_the_depth_limit_is_read_and_deeper_is_refused_naming_the_option() -> None:
    # html and body are two of the levels
    limits = Limits()
    deepest = corpus.deep_page(limits.max_depth - 2)
    assert texts(read_html(deepest.encode(), "deep.html")) == [("text", ("1.00",))]
    with pytest.raises(LimitError, match=f"nested more than {limits.max_depth} deep \\(raise it with --max-depth\\)"):
        read_html(corpus.deep_page(limits.max_depth - 1).encode(), "deep.html")


def test_a_higher_depth_limit_stops_at_libxml2s_own() -> None:
    """Deeper than 256, libxml2 drops the rest of the page: refused as unsafe, whatever the limit."""
    limits = Limits(max_depth=1000)
    deepest = corpus.deep_page(safety.MAX_DEPTH - 2)
    assert texts(read_html(deepest.encode(), "deep.html", limits)) == [("text", ("1.00",))]
    with pytest.raises(UnsafeInputError, match=f"nested more than {safety.MAX_DEPTH} deep"):
        read_html(corpus.deep_page(safety.MAX_DEPTH - 1).encode(), "deep.html", limits)


def test_a_page_of_too_many_elements_is_refused_as_it_is_parsed(monkeypatch: pytest.MonkeyPatch) -> None:
    """A table of millions of cells (``<td>`` repeated) is refused once the count of elements
    passes the bound, not after the whole page is in memory (the bound lowered to 1,000 here);
    a page under it is read; the refusal names the option that raises the bound."""
    limits = Limits(max_objects=1000)
    small = "<table>" + "<tr><td>项目</td><td>1.00</td></tr>" * 300 + "</table>"  # 903 with html, body
    assert len(texts(read_html(small.encode(), "small.html", limits))) == 300
    fed: list[int] = []
    make = safety.safe_parser
    monkeypatch.setattr(safety, "safe_parser", lambda: _Counting(make(), fed))
    page = "<table><tr>" + "<td>1.00" * 1_000_000 + "</table>"
    with pytest.raises(LimitError, match=r"more than 1,000 elements \(raise it with --max-objects\)") as raised:
        read_html(page.encode(), "cells.html", limits)
    assert raised.value.exit_code == LimitError.exit_code
    assert sum(fed) < len(page) / 10, "refused within the first chunks, not after the whole page"


class _Counting:
    """A parser that notes how many characters it was fed."""

    def __init__(self, parser: object, fed: list[int]) -> None:
        self._parser, self._fed = parser, fed

    def feed(self, data: str) -> None:
        self._fed.append(len(data))
        self._parser.feed(data)  # type: ignore[attr-defined]

    def read_events(self) -> object:
        return self._parser.read_events()  # type: ignore[attr-defined]

    def close(self) -> object:
        return self._parser.close()  # type: ignore[attr-defined]


def test_a_table_too_large_to_lay_out_is_refused() -> None:
    rows = MAX_CELLS // 1000 + 1
    page = "<table>" + '<tr><td colspan="1000">1.00</td></tr>' * rows + "</table>"
    with pytest.raises(UnsafeInputError, match="more than 1,000,000 cells"):
        read_html(page.encode(), "wide.html")


def test_a_page_that_is_no_disclosure_is_exit_4(tmp_path: Path) -> None:
    path = tmp_path / "news.html"
    path.write_text(corpus.NOT_A_DISCLOSURE, encoding="utf-8")
    result = run("parse", str(path), "-o", str(tmp_path / "out.json"), cwd=tmp_path)
    assert result.returncode == EXIT_NOT_A_DISCLOSURE, text(result.stderr)
    assert "no standard" in assert_one_error_line(result, str(path))
    assert not (tmp_path / "out.json").exists()


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"", "empty"),
        (b" \n\t\n", "empty"),
        (bytes(range(256)) * 8, "not a document format"),
        (b"\x00\x01<html><body>\x00</body></html>", "not a document format"),
    ],
    ids=["empty", "white-space", "binary", "nul-bytes"],
)
def test_an_empty_or_binary_html_file_is_exit_3(content: bytes, words: str, tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_bytes(content)
    result = run("parse", str(path), "-o", str(tmp_path / "out.json"), cwd=tmp_path)
    assert result.returncode == EXIT_UNREADABLE, text(result.stderr)
    assert words in assert_one_error_line(result, str(path))
    assert not (tmp_path / "out.json").exists()


def test_help_documents_exit_13(tmp_path: Path) -> None:
    help_text = " ".join(text(run("parse", "--help", cwd=tmp_path).stdout).split())
    assert " 13 a file was refused as unsafe: entity declarations, external references, HTML nested deeper" in help_text
    assert "--max-objects" in help_text and "--max-depth" in help_text


def test_without_lxml_an_html_page_gets_a_line_saying_how_to_install_it(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in [name for name in sys.modules if name.startswith(("lxml", "gongkai.readers.html."))]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, "lxml", None)  # what a missing package looks like to import
    with pytest.raises(InputError) as raised:
        html_reader.read_html(corpus.XHTML_BUDGET.encode(), "budget.html", Limits())
    assert "pip install 'gongkai[html]'" in str(raised.value)
    assert str(raised.value).startswith("budget.html: ") and "\n" not in str(raised.value)
    # sniffing needs no lxml: the page is still recognised as HTML
    assert html_reader.sniff_html(corpus.XHTML_BUDGET.encode(), "budget.html") > 0.9


# -- e. sniffing --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def registry() -> Registry:
    return Registry.collect(default_plugin_manager())


def reader_for(data: bytes, name: str, registry: Registry) -> str:
    return read_layout(data, name, registry).format


@pytest.mark.parametrize("seed", sorted(FACTS))
def test_the_seeds_are_not_taken_for_html(seed: str, registry: Registry) -> None:
    """Markdown with inline <b>, <p> and <input> tags stays markdown; text stays text."""
    data = (FIXTURES / FACTS[seed].file).read_bytes()
    assert html_reader.sniff_html(data, FACTS[seed].file) == 0
    assert reader_for(data, FACTS[seed].file, registry) == FACTS[seed].format


PAGES = {
    "zhanyi": corpus.zhanyi_page,
    "xhtml": lambda: corpus.XHTML_BUDGET.encode(),
    "utf8": lambda: corpus.UTF8_AMOUNTS.encode(),
    "news": lambda: corpus.NOT_A_DISCLOSURE.encode(),
    "utf16": lambda: corpus.UTF8_AMOUNTS.encode("utf-16"),
    "utf8-bom": lambda: corpus.UTF8_AMOUNTS.encode("utf-8-sig"),
    "fragment-with-a-table": lambda: "<p>单位：万元</p>\n<table><tr><td>合计</td><td>1.00</td></tr></table>".encode(),
    "comment-first": lambda: b"<!-- saved from url=(0014)about:internet -->\n<html><body><p>x</p></body></html>",
}


@pytest.mark.parametrize("page", list(PAGES))
@pytest.mark.parametrize("name", ["page.html", "page.txt", "page"])
def test_html_pages_are_html_whatever_their_name(page: str, name: str, registry: Registry) -> None:
    data = PAGES[page]()
    assert html_reader.sniff_html(data, name) >= 0.9
    assert html_reader.sniff_html(data, "page.htm") > html_reader.sniff_html(data, "page.txt")
    assert reader_for(data, name, registry) == "html"


def test_a_fragment_without_tables_is_html_only_by_its_name(registry: Registry) -> None:
    fragment = "<div><p>部门：样例局</p><p>单位：万元</p></div>".encode()
    assert reader_for(fragment, "page.shtml", registry) == "html"
    assert reader_for(fragment, "page.txt", registry) != "html"
    assert html_reader.sniff_html(b"plain words", "page.html") == 0
