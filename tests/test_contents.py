"""The table of contents (目录, :func:`gongkai.toc.find_contents`).

The contents say which tables a document claims to print (a listed table absent from the body is
reported missing), and its lines must never open a table. Two forms are printed: entries with dot
leaders and page numbers, and titles only under a 目录 heading, followed by the 情况说明 text.
A run of narrative lines is no contents, whatever tables it mentions.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence

import pytest

import gongkai
from gongkai.layout import Line, LineKind
from gongkai.toc import TocEntry, find_contents

ENTITY = "某某市财政局"


def text_lines(texts: Sequence[str], first: int = 1, page: int = 1) -> list[Line]:
    """Lines of running text as the text and PDF readers give them (blank strings: blank lines)."""
    return [Line(first + index, LineKind.TEXT, (text,), page) for index, text in enumerate(texts)]


def listed(entries: Sequence[TocEntry]) -> list[tuple[str, int]]:
    return [(entry.title, entry.line.number) for entry in entries]


def test_contents_with_dot_leaders_and_page_numbers() -> None:
    lines = text_lines(
        [
            f"{ENTITY}2023年度部门决算",
            "目录",
            "第一部分 部门概况……………………………………1",
            "一、收入支出决算总表……………………………3",
            "二、收入决算表 .................................. 4",
            "公开03表 支出决算表 ·························· 5",
            "四、财政拨款收入支出决算总表--------6",
            "",
            "第一部分 部门概况",
            f"一、主要职能。{ENTITY}负责本行政区域内有关工作。",
        ]
    )
    assert listed(find_contents(lines)) == [
        ("第一部分部门概况", 3),
        ("一、收入支出决算总表", 4),
        ("二、收入决算表", 5),
        ("公开03表支出决算表", 6),
        ("四、财政拨款收入支出决算总表", 7),
    ]


def test_leader_entries_are_contents_without_a_heading_and_in_cells() -> None:
    """A leader entry is contents wherever it stands: a 目录 whose heading was lost, or printed
    as a table (the page number in a cell of its own)."""
    lines = [
        Line(1, LineKind.TEXT, ("收入支出决算总表……………3",)),
        Line(2, LineKind.CELLS, ("支出决算表………………", "5")),
        Line(3, LineKind.TEXT, ("本部门2023年度收入支出均按预算执行。",)),
    ]
    assert listed(find_contents(lines)) == [("收入支出决算总表", 1), ("支出决算表", 2)]


def test_contents_without_leaders_or_page_numbers_end_where_the_text_starts() -> None:
    """Titles only under 目录 (as :mod:`gongkai.testing.layouts` prints them): the entries end
    where the body prints again a heading the contents listed, and the 情况说明 that follows
    is not contents."""
    titles = ["收入支出决算总表", "收入决算表", "支出决算表", "一般公共预算财政拨款支出决算表"]
    lines = text_lines(
        [
            "目录",
            f"第一部分 {ENTITY}概况",
            "第二部分 2023年度部门决算表",
            *titles,
            "第三部分 2023年度部门决算情况说明",
            f"第一部分 {ENTITY}概况",
            f"一、主要职能。{ENTITY}负责本行政区域内有关工作。",
            "二、决算单位构成。本部门决算为部门本级决算，无下属单位。",
            "第三部分 2023年度部门决算情况说明",
            f"{ENTITY}2023年度收支决算情况详见本报告所附表格，各项收支均按规定执行。",
            "收入支出决算总表",
        ],
        page=2,
    )
    assert listed(find_contents(lines)) == [
        (f"第一部分{ENTITY}概况", 2),
        ("第二部分2023年度部门决算表", 3),
        *[(title, 4 + index) for index, title in enumerate(titles)],
        ("第三部分2023年度部门决算情况说明", 8),
    ]


def test_titles_only_contents_end_at_the_first_sentence() -> None:
    lines = text_lines(
        [
            "目  录",
            "一、收入支出决算总表",
            "二、收入决算表",
            "三、支出决算表",
            "",
            "一、部门主要职责。本部门负责全市医疗保障工作，下设三个科室，收入决算表和支出决算表附后。",
            "四、财政拨款收入支出决算总表",
        ]
    )
    assert listed(find_contents(lines)) == [("一、收入支出决算总表", 2), ("二、收入决算表", 3), ("三、支出决算表", 4)]


def test_an_entry_wrapped_onto_the_next_line_is_one_entry() -> None:
    lines = text_lines(
        [
            "目录",
            "十、政府性基金支出预算表",
            "十一、一般公共预算“三公”经费、会议费、培训费支出预算",
            "表",
            "十二、政府采购预算表",
        ]
    )
    assert [entry.title for entry in find_contents(lines)] == [
        "十、政府性基金支出预算表",
        "十一、一般公共预算“三公”经费、会议费、培训费支出预算表",
        "十二、政府采购预算表",
    ]


def test_contents_printed_as_a_table() -> None:
    lines = [
        Line(1, LineKind.TEXT, ("目录",)),
        Line(2, LineKind.CELLS, ("序号", "报表名称", "页码")),
        Line(3, LineKind.CELLS, ("1", "收支预算总表", "3")),
        Line(4, LineKind.CELLS, ("公开02表", "收入预算总表", "4")),
        Line(5, LineKind.CELLS, ("3", "支出预算总表", "5")),
        Line(6, LineKind.TEXT, ("一、部门主要职能。负责全区民政工作。",)),
    ]
    assert listed(find_contents(lines)) == [("收支预算总表", 3), ("收入预算总表", 4), ("支出预算总表", 5)]


def test_narrative_is_not_contents() -> None:
    narrative = text_lines(
        [
            "第三部分 2023年度部门决算情况说明",
            "一、收入支出决算总体情况说明",
            "2023年度收入、支出决算总计2407.03万元。与上年相比，收入增加12.5万元。",
            "收入支出决算总表反映了本部门2023年度全部收入和支出的总体情况",
            "具体情况详见附表1收入支出决算总表",
            "二、收入决算情况说明",
            "本年收入合计2304.44万元，其中：财政拨款收入2304.44万元，占100%。",
        ]
    )
    assert find_contents(narrative) == []


def test_a_contents_heading_followed_by_narrative_lists_nothing() -> None:
    lines = text_lines(
        [
            "目录",
            "本部门2023年度部门决算由情况说明和决算报表两部分组成，报表详见附件。",
            "一、收入支出决算总表",
        ]
    )
    assert find_contents(lines) == []


LEADER_DOCUMENT = textwrap.dedent(
    f"""\
    {ENTITY}2023年度部门决算
    目录
    一、收入支出决算总表……………………3
    二、支出决算表……………………4

    收入支出决算总表
    公开01表
    部门：{ENTITY}\t金额单位：万元
    收入\t\t支出\t
    项目\t决算数\t项目\t决算数
    一、一般公共预算财政拨款收入\t100.00\t一、一般公共服务支出\t100.00
    本年收入合计\t100.00\t本年支出合计\t100.00

    支出决算表
    公开03表
    部门：{ENTITY}\t金额单位：万元
    科目编码\t科目名称\t本年支出合计\t基本支出\t项目支出
    201\t一般公共服务支出\t100.00\t60.00\t40.00
    20101\t人大事务\t100.00\t60.00\t40.00
    合计\t\t100.00\t60.00\t40.00
    """
).encode("utf-8")


@pytest.mark.text
def test_the_first_table_after_a_leader_contents_keeps_its_title_and_number() -> None:
    """The body's first title repeats an entry of the 目录 above it: it ends the contents and
    opens its table, which keeps the title and number printed over it."""
    document = gongkai.parse(LEADER_DOCUMENT, name="leaders.txt")
    assert [(table.id, table.title, table.number) for table in document.tables] == [
        ("summary", "收入支出决算总表", "公开01表"),
        ("expenditure", "支出决算表", "公开03表"),
    ]
    assert document.missing == ()
