"""Table titles as documents print them (:mod:`gongkai.titles`, :mod:`gongkai.identify`).

A printed title line carries, around the words that name the table, a table number (公开01表,
表1, 附表1, 表一, 部门公开表1, on the same line, with or without a colon or spaces), a prefix (the
body's name, the year, a level word, an ordinal) and a bracketed suffix. The parser reads such a
line with :func:`~gongkai.titles.read_title` (the number apart, the title kept as the block's
title) and names the table with :func:`~gongkai.identify.by_title`: whatever is printed around
them, the words of every national title and of the variants real documents print must name the
same canonical table, and the number must come back as printed. Sentences that mention a table,
references to one and 目录 lines are not titles.
"""

from __future__ import annotations

from typing import Optional

import pytest
from hypothesis import given, note, settings
from hypothesis import strategies as st

from gongkai.canonical import load_spec
from gongkai.identify import by_title, same_title
from gongkai.titles import compact, is_suffix, number_line, read_title, split_number
from gongkai.vocabulary import numeral_value

TITLES = settings(max_examples=300, deadline=None, derandomize=True, database=None)

_DIGITS = "一二三四五六七八九"


def chinese(value: int) -> str:
    """``value`` (1–99) in Chinese numerals as documents print it: 七, 十, 十二, 二十, 九十九."""
    tens, units = divmod(value, 10)
    if not tens:
        return _DIGITS[units - 1]
    return ("" if tens == 1 else _DIGITS[tens - 1]) + "十" + (_DIGITS[units - 1] if units else "")


def _national() -> list[tuple[str, str, str]]:
    """(title, kind, table) for every national title of ``spec/tables.toml``; a variant table
    (another layout of a standard one) is named by its standard table's titles."""
    spec = load_spec()
    return [
        (title, kind, spec.standard(table.id))
        for table in spec.tables
        for kind, titles in table.titles.items()
        for title in titles
    ]


NATIONAL = _national()

#: Title variants real documents print (tests/expected/corpus, the seeds, DOMAIN.md) and the
#: table each names.
VARIANTS = [
    ("收入支出决算表", "final", "summary"),  # Yunnan 公开01
    ("一般公共预算财政拨款收入支出决算表", "final", "general_budget_expenditure"),  # Yunnan 公开05
    ("一般公共预算财政拨款基本支出决算明细表", "final", "basic_expenditure_economic"),  # Hubei 公开06
    ("财务收支预算总表", "budget", "summary"),  # Shanghai districts
    ("部门财务收支预算总表", "budget", "summary"),
    ("一般公共预算支出功能分类预算表", "budget", "general_budget_expenditure"),
    ("政府性基金预算支出功能分类预算表", "budget", "government_fund"),
    ("国有资本经营预算支出功能分类预算表", "budget", "state_capital"),
    ("一般公共预算基本支出部门预算经济分类预算表", "budget", "basic_expenditure_economic"),
    ("“三公”经费和机关运行经费预算表", "budget", "three_public_operating"),
    ("“三公”经费、会议费、培训费支出预算表", "budget", "three_public"),  # Jiangsu 公开09
    ("一般公共预算“三公”经费、会议费、培训费支出预算表", "budget", "three_public"),
    ("三公经费、会议费、培训费支出预算表", "budget", "three_public"),  # printed without quotes
    ("财政拨款支出预算表（功能科目）", "budget", "fiscal_grant_expenditure"),  # Jiangsu 公开05
    ("财政拨款基本支出预算表（经济科目）", "budget", "fiscal_grant_basic_economic"),  # Jiangsu 公开06
    ("一般公共预算支出预算表（功能科目）", "budget", "general_budget_expenditure"),  # Jiangsu 公开07
    ("一般公共预算基本支出预算表（经济科目）", "budget", "basic_expenditure_economic"),  # Jiangsu 公开08
    ("财政拨款政府性基金支出预算表", "budget", "government_fund"),
    ("政府性基金支出预算表", "budget", "government_fund"),
    ("政府性基金预算财政拨款支出预算表", "budget", "government_fund"),
    ("政府采购支出预算表", "budget", "procurement"),
    ("高等学校收支决算总表", "final", "summary"),  # central template (universities)
    ("高等学校收入决算表", "final", "income"),
    ("高等学校支出决算表", "final", "expenditure"),
    ("高等学校财政拨款支出决算表", "final", "fiscal_grant_expenditure"),
    ("收入预算表", "budget", "income"),
    ("支出预算表", "budget", "expenditure"),
    ("财政项目支出绩效目标填报表", "budget", "performance_targets"),
]

#: The bracketed suffixes a title may carry, by what its rows are classified by.
_SUFFIXES = {
    "function": ("（按功能分类）", "（功能科目）", "(按功能分类)"),
    "economic": ("（按经济分类）", "（经济科目）"),
}
ENTITIES = ("某某市财政局", "泉州市医疗保障基金中心", "曲靖市沾益区医疗保障局", "上海市普陀区民政局", "南京市教育局")
LEVELS = ("部门", "单位", "预算单位")
#: How table numbers are printed: {n} the value, {nn} in two digits, {cn} in Chinese numerals;
#: spaces inside a number are the PDF extracts' (公开 06 表).
NUMBER_FORMS = (
    "公开{nn}表",
    "公开 {nn} 表",
    "公开{n}表",
    "表{n}",
    "表 {n}",
    "附表{n}",
    "附表 {n}",
    "表{cn}",
    "公开表{cn}",
    "部门公开表{n}",
)
SEPARATORS = ("：", ":", "：  ", " ", "  ", "\u3000", "、", "")


def _suffixes(table: str) -> tuple[str, ...]:
    return _SUFFIXES.get(load_spec().table(table).classification, ())


@st.composite
def printed_titles(draw: st.DrawFn, titles: list[tuple[str, str, str]]) -> tuple[str, str, str, Optional[str], int]:
    """A title line as documents print it: (line, kind, table, printed number or None, value)."""
    title, kind, table = draw(st.sampled_from(titles))
    value = draw(st.integers(1, 12))
    # the prefix: an ordinal first, then the body's name and the year in either order, then a
    # level word right before the title
    parts = []
    if draw(st.booleans()):
        parts.append(chinese(draw(st.integers(1, 12))) + "、")
    named = []
    if draw(st.booleans()):
        named.append(draw(st.sampled_from(ENTITIES)))
    if draw(st.booleans()):
        named.append(f"{draw(st.integers(2017, 2026))}{draw(st.sampled_from(['年', '年度']))}")
    parts += draw(st.permutations(named))
    if draw(st.booleans()):
        parts.append(draw(st.sampled_from(LEVELS)))
    suffixes = _suffixes(table)
    suffix = draw(st.sampled_from(("", *suffixes))) if suffixes and not title.endswith("）") else ""
    words = "".join(parts) + title + suffix
    number: Optional[str] = None
    line = words
    if draw(st.booleans()):
        form = draw(st.sampled_from(NUMBER_FORMS))
        number = form.format(n=value, nn=f"{value:02d}", cn=chinese(value))
        separator = draw(st.sampled_from(SEPARATORS))
        line = number + separator + words
        if "{cn}" in form and not separator.strip() and parts and parts[0].endswith("、"):
            # 表十 一、… and 表十一、… are one line once spaces go: genuinely ambiguous
            joined = chinese(value) + parts[0].rstrip("、")
            if numeral_value(joined) is not None:
                line = number + "：" + words
    if draw(st.booleans()):
        line = f"  {line} "
    return line, kind, table, number, value


def _identified(line: str, kind: str) -> tuple[Optional[str], Optional[str], Optional[int]]:
    """(table, number, value) as the parser reads a title line: :func:`read_title` splits off
    the number and keeps the title as the block's, which the national baseline names by
    :func:`by_title`."""
    printed = read_title(line)
    if printed is None:
        return None, None, None
    found = by_title(printed.text, kind)
    return (found.table if found else None), printed.number, printed.number_value


@pytest.mark.parametrize(("title", "kind", "table"), NATIONAL + VARIANTS)
def test_every_title_names_its_table(title: str, kind: str, table: str) -> None:
    assert _identified(title, kind) == (table, None, None)


@TITLES
@given(printed_titles(NATIONAL + VARIANTS))
def test_any_prefix_number_and_suffix_leave_the_table_and_the_number(
    case: tuple[str, str, str, Optional[str], int],
) -> None:
    line, kind, table, number, value = case
    note(f"line: {line!r}")
    expected = (table, compact(number), value) if number is not None else (table, None, None)
    assert _identified(line, kind) == expected


@pytest.mark.parametrize(
    ("line", "number", "value", "table"),
    [
        # a title starting with 一般 after a number in Chinese numerals, a space between them
        ("表五 一般公共预算财政拨款支出决算表", "表五", 5, "general_budget_expenditure"),
        ("公开表七 一般公共预算支出预算表（功能科目）", "公开表七", 7, "general_budget_expenditure"),
        ("表十 一般公共预算机关运行经费支出预算表", "表十", 10, "operating_expenses"),
        ("公开表十 三公经费、会议费、培训费支出预算表", "公开表十", 10, "three_public"),
        # a year after a number in digits, a space between them
        ("表1 2023年度收入支出决算总表", "表1", 1, "summary"),
        ("附表12 2024年政府采购预算表", "附表12", 12, "procurement"),
        ("公开 06 表 2023年度一般公共预算财政拨款基本支出决算表", "公开06表", 6, "basic_expenditure_economic"),
    ],
)
def test_where_the_number_ends_once_spaces_are_gone(line: str, number: str, value: int, table: str) -> None:
    kind = "budget" if "预算表" in line else "final"
    assert _identified(line, kind) == (table, number, value)


@pytest.mark.parametrize(
    "line",
    [
        "2023年收入支出决算总表反映了本部门全年收入、支出和结转结余情况。",
        "2023年度收入支出决算总表反映本部门年度总收支和年末结转结余情况",
        "收入支出决算总表反映了本部门2023年度全部收入和支出的总体情况及年末结转结余",
        "一、收入支出决算总表情况说明",
        "详见附表1",
        "具体情况详见附表1收入支出决算总表",
        "具体数据见公开08表政府性基金预算财政拨款收入支出决算表",
        "各项收支如下表",
        "注：本表反映部门本年度“三公”经费支出预算情况。",
        "本单位没有使用政府性基金预算拨款，因此政府性基金预算财政拨款收入支出决算表为空表。",
        "一、收入支出决算总表……………………3",
        "公开01表 收入支出决算总表 ·········· 3",
        "收入决算表..........................4",
        "三、一般公共预算财政拨款支出决算表 5",
        "编制单位：某某市财政局",
        "单位：万元",
        "本年收入合计",
        "表1",
        "",
    ],
)
def test_sentences_references_and_contents_lines_are_not_titles(line: str) -> None:
    assert read_title(line) is None


@pytest.mark.parametrize("title", ["预算支出情况构成表", "财政支出情况构成表", "2026年度普陀区部门预算公开情况检查表"])
def test_a_title_of_no_standard_table_names_none(title: str) -> None:
    printed = read_title(title)
    assert by_title(printed.text if printed else title, "budget") is None


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("公开01表", ("公开01表", 1)),
        ("公开 06 表", ("公开06表", 6)),
        ("  表1 ", ("表1", 1)),
        ("附表3", ("附表3", 3)),
        ("附表3-1", ("附表3-1", 3)),
        ("表十二", ("表十二", 12)),
        ("公开表十一", ("公开表十一", 11)),
        ("部门公开表3", ("部门公开表3", 3)),
        ("公开09", ("公开09", 9)),
        ("表1：收入支出决算总表", None),
        ("详见附表1", None),
        ("第1页", None),
        ("3", None),
        ("2023", None),
        ("表", None),
        ("一、", None),
    ],
)
def test_a_number_alone_on_its_line(line: str, expected: Optional[tuple[str, int]]) -> None:
    assert number_line(line) == expected


@TITLES
@given(form=st.sampled_from(NUMBER_FORMS), value=st.integers(1, 99), spaces=st.sampled_from(["", " ", "\t"]))
def test_every_printed_number_alone_is_read_with_its_value(form: str, value: int, spaces: str) -> None:
    printed = form.format(n=value, nn=f"{value:02d}", cn=chinese(value))
    assert number_line(spaces + printed + spaces) == (compact(printed), value)


@TITLES
@given(st.integers(1, 99))
def test_chinese_numerals_round_trip(value: int) -> None:
    assert numeral_value(chinese(value)) == value
    assert numeral_value(str(value)) == value
    assert numeral_value(f"{value:02d}") == value


@pytest.mark.parametrize("text", ["", "十十", "一一", "十一十", "二十十", "百", "一百", "三a", "十二三"])
def test_what_is_no_numeral_has_no_value(text: str) -> None:
    assert numeral_value(text) is None


def test_a_number_in_the_title_line_is_split_off_with_its_value() -> None:
    assert split_number("公开08表：政府性基金预算财政拨款收入支出决算表") == (
        "公开08表",
        8,
        "政府性基金预算财政拨款收入支出决算表",
    )
    assert split_number("收入决算表") == (None, None, "收入决算表")


@pytest.mark.parametrize(
    ("listed", "printed", "same"),
    [
        ("一、收入支出决算总表", "2023年度收入支出决算总表", True),
        ("公开01表 收入支出决算总表", "收 入 支 出 决 算 总 表", True),
        ("七、一般公共预算财政拨款“三公”经费支出决算表", "一般公共预算财政拨款三公经费支出决算表", True),
        ("收入决算表", "支出决算表", False),
        ("一、收入决算表", "二、收入支出决算总表", False),
    ],
)
def test_one_title_listed_and_printed_differently_is_one_title(listed: str, printed: str, same: bool) -> None:
    """The 目录 and the body print one title with different spacing, ordinals, years and quotes:
    the parser must see one title, so that a listed table is not reported missing."""
    assert same_title(listed, printed) is same


def test_a_continued_table_says_so_and_names_the_same_table() -> None:
    printed = read_title("公开03表 支出决算表（续）")
    assert printed is not None and printed.continued and printed.number == "公开03表"
    assert printed.words == "支出决算表"
    found = by_title(printed.text, "final")
    assert found is not None and found.table == "expenditure"


@pytest.mark.parametrize(
    ("line", "suffix"),
    [
        ("（按功能分类）", True),
        ("(按经济分类)", True),
        ("（经济科目）", True),
        ("（2023年度）", False),  # a date line under the title
        ("（续）", False),  # a continued table
        ("（一）基本支出", False),
    ],
)
def test_a_suffix_alone_on_its_line(line: str, suffix: bool) -> None:
    """A title wrapped before its suffix is one title; a year or 续 in brackets is not a suffix."""
    assert is_suffix(line) is suffix
