"""A small test-side renderer: generated tables printed as disclosure documents.

Hypothesis strategies here generate three standard tables whose amounts obey the accounting
identities by construction, and :func:`render` prints a generated document in one of four
layouts real disclosures reach users in:

* ``tsv``: plain text, tables with tab-separated cells (seeds 000 and 003);
* ``markdown``: ``##`` headings, tab-separated tables, ``<b>`` around total rows (seeds 002, 004);
* ``pipe``: markdown pipe tables (``| a | b |`` with a ``|---|`` delimiter row);
* ``pdftotext``: cells separated only by spaces, every amount printed, a right-side-only line
  indented, long names optionally wrapped onto the next line (seed 001).

A generated table is a list of printed *lines*, each holding one row (or none) per side-by-side
group; the rows, read line by line and left to right, are what a parser must give back.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Optional

from hypothesis import strategies as st

from gongkai import CellStatus
from gongkai.testing.strategies import FIRST_YEAR

FORMATS = ("tsv", "markdown", "pipe", "pdftotext")
READER = {"tsv": "text", "markdown": "markdown", "pipe": "markdown", "pdftotext": "text"}
SUFFIX = {"tsv": ".txt", "markdown": ".md", "pipe": ".md", "pdftotext": ".txt"}
TABULAR = frozenset({"tsv", "markdown", "pipe"})

NOT_APPLICABLE = frozenset({"—", "-", "－", "–"})

# -- real classification names ------------------------------------------------------------------

# 支出功能分类: 类 -> (name, {款 -> (name, {项 -> name})})
FUNCTION_TREE: dict[str, tuple[str, dict[str, tuple[str, dict[str, str]]]]] = {
    "201": ("一般公共服务支出", {
        "20101": ("人大事务", {"2010101": "行政运行", "2010102": "一般行政管理事务"}),
        "20103": ("政府办公厅（室）及相关机构事务", {
            "2010301": "行政运行", "2010350": "事业运行", "2010399": "其他政府办公厅（室）及相关机构事务支出",
        }),
    }),
    "205": ("教育支出", {"20508": ("进修及培训", {"2050803": "培训支出"})}),
    "208": ("社会保障和就业支出", {
        "20801": ("人力资源和社会保障管理事务", {
            "2080101": "行政运行", "2080102": "一般行政管理事务", "2080109": "社会保险经办机构",
            "2080199": "其他人力资源和社会保障管理事务支出",
        }),
        "20805": ("行政事业单位养老支出", {
            "2080501": "行政单位离退休", "2080502": "事业单位离退休",
            "2080505": "机关事业单位基本养老保险缴费支出", "2080506": "机关事业单位职业年金缴费支出",
            "2080599": "其他行政事业单位养老支出",
        }),
        "20808": ("抚恤", {"2080801": "死亡抚恤", "2080802": "伤残抚恤"}),
        "20899": ("其他社会保障和就业支出", {"2089999": "其他社会保障和就业支出"}),
    }),
    "210": ("卫生健康支出", {
        "21001": ("卫生健康管理事务", {"2100101": "行政运行", "2100199": "其他卫生健康管理事务支出"}),
        "21011": ("行政事业单位医疗", {
            "2101101": "行政单位医疗", "2101102": "事业单位医疗", "2101103": "公务员医疗补助",
            "2101199": "其他行政事业单位医疗支出",
        }),
        "21012": ("财政对基本医疗保险基金的补助", {"2101202": "财政对城乡居民基本医疗保险基金的补助"}),
        "21013": ("医疗救助", {"2101301": "城乡医疗救助", "2101399": "其他医疗救助支出"}),
        "21015": ("医疗保障管理事务", {
            "2101501": "行政运行", "2101502": "一般行政管理事务", "2101503": "机关服务",
            "2101504": "信息化建设", "2101505": "医疗保障政策管理", "2101506": "医疗保障经办事务",
            "2101550": "事业运行", "2101599": "其他医疗保障管理事务支出",
        }),
    }),
    "221": ("住房保障支出", {
        "22102": ("住房改革支出", {"2210201": "住房公积金", "2210202": "提租补贴", "2210203": "购房补贴"}),
    }),
}  # fmt: skip

# 经济分类: 类 -> (name, {款 -> name}); 301 and 303 are personnel (人员经费), the rest public (公用经费)
ECONOMIC_TREE: dict[str, tuple[str, dict[str, str]]] = {
    "301": ("工资福利支出", {
        "30101": "基本工资", "30102": "津贴补贴", "30103": "奖金", "30106": "伙食补助费", "30107": "绩效工资",
        "30108": "机关事业单位基本养老保险缴费", "30109": "职业年金缴费", "30110": "职工基本医疗保险缴费",
        "30111": "公务员医疗补助缴费", "30112": "其他社会保障缴费", "30113": "住房公积金", "30114": "医疗费",
        "30199": "其他工资福利支出",
    }),
    "302": ("商品和服务支出", {
        "30201": "办公费", "30202": "印刷费", "30203": "咨询费", "30204": "手续费", "30205": "水费",
        "30206": "电费", "30207": "邮电费", "30208": "取暖费", "30209": "物业管理费", "30211": "差旅费",
        "30212": "因公出国（境）费用", "30213": "维修（护）费", "30214": "租赁费", "30215": "会议费",
        "30216": "培训费", "30217": "公务接待费", "30218": "专用材料费", "30224": "被装购置费",
        "30225": "专用燃料费", "30226": "劳务费", "30227": "委托业务费", "30228": "工会经费", "30229": "福利费",
        "30231": "公务用车运行维护费", "30239": "其他交通费用", "30240": "税金及附加费用",
        "30299": "其他商品和服务支出",
    }),
    "303": ("对个人和家庭的补助", {
        "30301": "离休费", "30302": "退休费", "30303": "退职（役）费", "30304": "抚恤金", "30305": "生活补助",
        "30306": "救济费", "30307": "医疗费补助", "30308": "助学金", "30309": "奖励金",
        "30310": "个人农业生产补贴", "30311": "代缴社会保险费", "30399": "其他对个人和家庭的补助",
    }),
    "307": ("债务利息及费用支出", {
        "30701": "国内债务付息", "30702": "国外债务付息", "30703": "国内债务发行费用", "30704": "国外债务发行费用",
    }),
    "310": ("资本性支出", {
        "31001": "房屋建筑物购建", "31002": "办公设备购置", "31003": "专用设备购置", "31005": "基础设施建设",
        "31006": "大型修缮", "31007": "信息网络及软件购置更新", "31008": "物资储备", "31009": "土地补偿",
        "31010": "安置补助", "31011": "地上附着物和青苗补偿", "31012": "拆迁补偿", "31013": "公务用车购置",
        "31019": "其他交通工具购置", "31021": "文物和陈列品购置", "31022": "无形资产购置",
        "31099": "其他资本性支出",
    }),
    "312": ("对企业补助", {
        "31201": "资本金注入", "31203": "政府投资基金股权投资", "31204": "费用补贴", "31205": "利息补贴",
        "31299": "其他对企业补助",
    }),
    "399": ("其他支出", {
        "39906": "赠与", "39907": "国家赔偿费用支出", "39908": "对民间非营利组织和群众性自治组织补贴",
        "39909": "经常性赠与", "39910": "资本性赠与", "39999": "其他支出",
    }),
}  # fmt: skip
PERSONNEL = ("301", "303")
PUBLIC = ("302", "307", "310", "312", "399")

INCOME_ITEMS = (
    "一、一般公共预算财政拨款收入", "二、政府性基金预算财政拨款收入", "三、国有资本经营预算财政拨款收入",
    "四、上级补助收入", "五、事业收入", "六、经营收入", "七、附属单位上缴收入", "八、其他收入",
)  # fmt: skip
EXPENDITURE_ITEMS = (
    "一、一般公共服务支出", "二、外交支出", "三、国防支出", "四、公共安全支出", "五、教育支出",
    "六、科学技术支出", "七、文化旅游体育与传媒支出", "八、社会保障和就业支出", "九、卫生健康支出",
    "十、节能环保支出", "十一、城乡社区支出", "十二、农林水支出", "十三、交通运输支出",
    "十四、资源勘探工业信息等支出", "十五、商业服务业等支出", "十六、金融支出", "十七、援助其他地区支出",
    "十八、自然资源海洋气象等支出", "十九、住房保障支出", "二十、粮油物资储备支出",
    "二十一、国有资本经营预算支出", "二十二、灾害防治及应急管理支出", "二十三、其他支出",
    "二十四、债务还本支出", "二十五、债务付息支出", "二十六、抗疫特别国债安排的支出",
)  # fmt: skip
NON_FISCAL_LABELS = ("使用非财政拨款结余", "使用非财政拨款结余和专用结余", "使用非财政拨款结余(含专用结余)")

ENTITIES = (
    "福州市医疗保障局", "泉州市医疗保障基金中心", "福建省医疗保障基金中心", "曲靖市沾益区医疗保障局",
    "随州市曾都区医疗保障服务中心", "南京市医疗保障局", "样例市医疗保障局",
)  # fmt: skip

EXPENDITURE_COLUMNS = ("total", "basic", "project", "remit_superior", "operating", "subsidiary")
EXPENDITURE_HEADERS = ("本年支出合计", "基本支出", "项目支出", "上缴上级支出", "经营支出", "对附属单位补助支出")
# how seed 001 breaks the same headers over lines (pdftotext)
EXPENDITURE_HEADERS_BROKEN = (
    "本年支出合计 基本支出 项目支出",
    "上缴上级",
    "支出",
    "经营",
    "支出",
    "对附属单位",
    "补助支出",
)


# -- the generated model --------------------------------------------------------------------------


@dataclass(frozen=True)
class GenRow:
    """A row as printed: code, label, (column id, printed amount) pairs and its group."""

    label: str
    cells: tuple[tuple[str, str], ...]
    code: Optional[str] = None
    group: int = 0
    line_number: Optional[str] = None
    total: bool = False  # a 合计/总计 row: bold in markdown


def status_of(raw: str) -> CellStatus:
    """The status a printed amount text stands for."""
    if not raw:
        return CellStatus.BLANK
    return CellStatus.NOT_APPLICABLE if raw in NOT_APPLICABLE else CellStatus.VALUE


def value_of(raw: str) -> Optional[Decimal]:
    """The exact value of a printed amount text, None for a blank or a dash."""
    return Decimal(raw.replace(",", "")) if status_of(raw) is CellStatus.VALUE else None


@dataclass(frozen=True)
class Wrap:
    """A long name printed over two lines (pdftotext only): in ``group``'s row, the name is cut at
    ``at``; style "A" puts the code alone on the first line and the amount after the name (seed 001's
    30108), style "B" keeps the code with the name's first part."""

    group: int
    at: int
    style: str


@dataclass(frozen=True)
class GenTable:
    """A generated table: what it is, how it is laid out, and its printed lines."""

    id: str
    title: str
    heading: str  # the section heading before the table (一、收入支出决算总表)
    number: str  # the 公开NN number
    note: str
    lines: tuple[tuple[Optional[GenRow], ...], ...]  # one slot per side-by-side group
    layout: dict = field(default_factory=dict, hash=False, compare=False)
    wraps: tuple[Optional[Wrap], ...] = ()  # per line, pdftotext only

    @property
    def rows(self) -> list[GenRow]:
        """The rows in printed order: line by line, left to right."""
        return [row for line in self.lines for row in line if row is not None]


@dataclass(frozen=True)
class GenDocument:
    """A generated document: its publisher, year, tables and how its cover and meta lines print."""

    entity: str
    year: int
    tables: tuple[GenTable, ...]
    unit: str = "万元"
    meta_style: int = 0
    number_first: bool = True
    spaced_number: bool = False
    part_heading: bool = False
    numbered: bool = True  # prints 公开NN表 (seed 002's budget set does not)
    year_title: bool = False  # the title carries the year: 2023 年度支出决算表
    title_heading: bool = False  # markdown: the title is a heading too (seed 002)


# -- amounts --------------------------------------------------------------------------------------


def money(cents: int, thousands: bool) -> str:
    """Two-decimal printed text of an amount in cents, with or without thousands separators."""
    amount = Decimal(cents).scaleb(-2)
    return f"{amount:,.2f}" if thousands else f"{amount:.2f}"


def cents_strategy() -> st.SearchStrategy[int]:
    """Leaf amounts in cents: often zero, small or large (so that thousands separators show)."""
    return st.one_of(st.just(0), st.integers(1, 99_999), st.integers(100_000, 2_000_000_000))


def zero_forms(fmt: str) -> st.SearchStrategy[tuple[str, ...]]:
    """How one table prints a zero amount: 0.00, blank (not in pdftotext), or a dash."""
    if fmt in TABULAR:
        return st.sampled_from([("0.00",), ("",), ("", "0.00"), ("0.00", "—"), ("", "—", "-", "0.00")])
    return st.sampled_from([("0.00",), ("0.00", "—")])


def printer(draw: st.DrawFn, fmt: str):
    thousands = draw(st.booleans())
    zeros = draw(zero_forms(fmt))

    def printed(cents: int) -> str:
        return money(cents, thousands) if cents else draw(st.sampled_from(zeros))

    return printed


def _sorted_subset(draw: st.DrawFn, items: Sequence[str], low: int, high: int) -> list[str]:
    chosen = draw(st.lists(st.sampled_from(list(items)), min_size=low, max_size=min(high, len(items)), unique=True))
    return sorted(chosen, key=list(items).index)


# -- strategies -----------------------------------------------------------------------------------


@st.composite
def expenditure_tables(draw: st.DrawFn, fmt: str) -> GenTable:
    """支出决算表: a 合计 row and 类/款/项 rows; parents sum their children, 合计 sums the 类 rows,
    and in every row 本年支出合计 = 基本支出 + 项目支出 + 上缴上级支出 + 经营支出 + 对附属单位补助支出."""
    printed = printer(draw, fmt)
    tree: list[tuple[str, str, int]] = []  # (code, name, level)
    leaves: dict[str, list[int]] = {}
    for cls in _sorted_subset(draw, list(FUNCTION_TREE), 1, 3):
        cls_name, kuans = FUNCTION_TREE[cls]
        tree.append((cls, cls_name, 1))
        for kuan in _sorted_subset(draw, list(kuans), 1, 2):
            kuan_name, xiangs = kuans[kuan]
            tree.append((kuan, kuan_name, 2))
            for xiang in _sorted_subset(draw, list(xiangs), 1, 3):
                tree.append((xiang, xiangs[xiang], 3))
                parts = [draw(cents_strategy()), draw(cents_strategy())]
                parts += [draw(st.one_of(st.just(0), cents_strategy())) for _ in range(3)]
                leaves[xiang] = parts
    amounts: dict[str, list[int]] = {}
    for code, _, _ in tree:
        parts = [sum(col) for col in zip(*(leaves[leaf] for leaf in leaves if leaf.startswith(code)))]
        amounts[code] = [sum(parts), *parts]
    total = [sum(col) for col in zip(*(amounts[code] for code, _, level in tree if level == 1))]

    def cells(values: list[int]) -> tuple[tuple[str, str], ...]:
        return tuple((column, printed(value)) for column, value in zip(EXPENDITURE_COLUMNS, values))

    rows = [GenRow(label="合计", cells=cells(total), total=True)]
    rows += [GenRow(label=name, code=code, cells=cells(amounts[code])) for code, name, _ in tree]
    layout = draw(common_layout(fmt, len(rows)))
    wraps: list[Optional[Wrap]] = [None] * len(rows)
    if fmt in TABULAR:
        layout["split_code"] = draw(st.booleans())
        layout["total_in_name"] = draw(st.booleans())
        layout["ordinals"] = draw(st.booleans())
        layout["single_header"] = draw(st.booleans())  # seed 002: 科目编码 | 科目名称 | 合计 | …
        layout["code_header"] = draw(st.sampled_from(["科目编码", "科目代码", "支出功能分类科目编码"]))
    else:
        layout["broken_header"] = draw(st.booleans())
        for index, row in enumerate(rows):
            if row.code and len(row.label) >= 6 and draw(st.booleans()):
                # a 类 code alone on a line between blank lines is a page number (see wrap_styles)
                styles = wrap_styles(row.code)
                wraps[index] = Wrap(0, draw(st.integers(2, len(row.label) - 2)), draw(st.sampled_from(styles)))
    return GenTable(
        id="expenditure",
        title="支出决算表",
        heading="三、支出决算表",
        number="03",
        note="注：本表反映部门本年度各项支出情况。",
        lines=tuple((row,) for row in rows),
        layout=layout,
        wraps=tuple(wraps),
    )


@st.composite
def summary_tables(draw: st.DrawFn, fmt: str) -> GenTable:
    """收入支出决算总表: income rows left, expenditure rows right; 本年收入合计 and 本年支出合计 sum
    their sides, and 总计 = 合计 + 结余 + 结转 on each side, the two 总计 equal."""
    printed = printer(draw, fmt)
    income_labels = _sorted_subset(draw, INCOME_ITEMS, 1, 8)
    expenditure_labels = _sorted_subset(draw, EXPENDITURE_ITEMS, 1, 10)
    income = [draw(cents_strategy()) for _ in income_labels]
    expenditure = [draw(cents_strategy()) for _ in expenditure_labels]
    non_fiscal, distribution = draw(st.one_of(st.just(0), cents_strategy())), draw(st.just(0) | cents_strategy())
    extra = draw(st.one_of(st.just(0), cents_strategy()))
    grand = max(sum(income) + non_fiscal, sum(expenditure) + distribution) + extra
    carry_in = grand - sum(income) - non_fiscal
    carry_out = grand - sum(expenditure) - distribution
    line_numbers = fmt in TABULAR and draw(st.booleans())
    pairs: list[tuple[Optional[tuple[str, int, bool]], Optional[tuple[str, int, bool]]]] = [
        (None if a is None else (a[0], a[1], False), None if b is None else (b[0], b[1], False))
        for a, b in itertools.zip_longest(zip(income_labels, income), zip(expenditure_labels, expenditure))
    ]
    pairs += [
        (("本年收入合计", sum(income), True), ("本年支出合计", sum(expenditure), True)),
        ((draw(st.sampled_from(NON_FISCAL_LABELS)), non_fiscal, False), ("结余分配", distribution, False)),
        (("年初结转和结余", carry_in, False), ("年末结转和结余", carry_out, False)),
        (("总计", grand, True), ("总计", grand, True)),
    ]
    lines = []
    for number, pair in enumerate(pairs, start=1):
        line: list[Optional[GenRow]] = []
        for group, (item, column) in enumerate(zip(pair, ("income", "expenditure"))):
            if item is None:
                line.append(None)
                continue
            label, cents, total = item
            ln = str(number + group * len(pairs)) if line_numbers else None
            line.append(GenRow(label, ((column, printed(cents)),), group=group, line_number=ln, total=total))
        lines.append(tuple(line))
    if fmt in TABULAR and all(row is None or not row.cells[0][1] for row in lines[0]):
        # RESTRICTION: a first body line printing no amount at all (both sides blank) is read as a
        # header row (see test_summary_whose_first_line_is_blank_on_both_sides)
        first = lines[0][0]
        assert first is not None
        lines[0] = (GenRow(first.label, (("income", "0.00"),), None, 0, first.line_number),) + lines[0][1:]
    layout = draw(common_layout(fmt, len(lines)))
    layout["line_numbers"] = line_numbers
    layout["amount_header"] = draw(st.sampled_from(["金额", "决算数"]) if line_numbers else st.just("决算数"))
    layout["right_header"] = draw(st.sampled_from(["项目", "项目(按支出功能分类)", "项目（按功能分类）"]))
    return GenTable(
        id="summary",
        title="收入支出决算总表",
        heading="一、收入支出决算总表",
        number="01",
        note="注：本表反映部门本年度的总收支和年末结转结余情况。",
        lines=tuple(lines),
        layout=layout,
        wraps=(None,) * len(lines),
    )


@st.composite
def economic_tables(draw: st.DrawFn, fmt: str) -> GenTable:
    """一般公共预算财政拨款基本支出决算表: 2 or 3 (code, name, amount) groups side by side, personnel
    classes (301, 303) in the first; each 类 sums its 款, 人员经费合计 = 301 + 303 and 公用经费合计
    = the other classes."""
    printed = printer(draw, fmt)
    groups = draw(st.sampled_from([2, 3]))
    personnel_classes = ["301"] + (["303"] if draw(st.booleans()) else [])
    public_classes = ["302"] + _sorted_subset(draw, PUBLIC[1:], 0, 2)

    def column(classes: list[str]) -> tuple[list[GenRow], int]:
        rows, total = [], 0
        for cls in classes:
            name, kuans = ECONOMIC_TREE[cls]
            chosen = _sorted_subset(draw, list(kuans), 1, 4)
            values = [draw(cents_strategy()) for _ in chosen]
            rows.append(GenRow(name, (("amount", printed(sum(values))),), code=cls))
            rows += [GenRow(kuans[k], (("amount", printed(v)),), code=k) for k, v in zip(chosen, values)]
            total += sum(values)
        return rows, total

    personnel, personnel_total = column(personnel_classes)
    public, public_total = column(public_classes)
    if groups == 2:
        columns = [personnel, public]
    else:
        # RESTRICTION (pdftotext): the third column is never longer than the second. Space-aligned
        # text prints nothing for an absent group, so a line holding only the third group's row
        # cannot be told from one holding only the second's (both are merely indented).
        low = (len(public) + 1) // 2 if fmt == "pdftotext" else 1
        split = draw(st.integers(min(low, len(public) - 1), len(public) - 1)) if len(public) > 1 else len(public)
        columns = [personnel, public[:split], public[split:]]
    lines: list[tuple[Optional[GenRow], ...]] = []
    for slots in itertools.zip_longest(*columns):
        line = tuple(None if row is None else _with_group(row, group) for group, row in enumerate(slots))
        lines.append(line)
    lines.append(
        (
            GenRow("人员经费合计", (("amount", printed(personnel_total)),), group=0, total=True),
            GenRow("公用经费合计", (("amount", printed(public_total)),), group=1, total=True),
        )
        + (None,) * (groups - 2)
    )
    layout = draw(common_layout(fmt, len(lines)))
    layout["groups"] = groups
    layout["top_header"] = draw(st.booleans())
    layout["code_header"] = draw(st.sampled_from(["科目编码", "经济分类科目编码", "科目代码"]))
    layout["total_in_name"] = draw(st.booleans())
    wraps: list[Optional[Wrap]] = [None] * len(lines)
    if fmt == "pdftotext" and draw(st.booleans()):
        # RESTRICTION: names are wrapped only in a line's last row; a wrap before other rows moves
        # them to group 0 (see test_a_wrapped_name_does_not_move_the_rows_after_it_to_group_0)
        for index, line in enumerate(lines[:-1]):
            present = [group for group, row in enumerate(line) if row is not None]
            last = line[present[-1]]
            assert last is not None
            if len(last.label) >= 6 and draw(st.booleans()):
                at = draw(st.integers(2, len(last.label) - 2))
                wraps[index] = Wrap(present[-1], at, draw(st.sampled_from(wrap_styles(last.code))))
    return GenTable(
        id="basic_expenditure_economic",
        title="一般公共预算财政拨款基本支出决算表",
        heading="六、一般公共预算财政拨款基本支出决算表",
        number="06",
        note="注：本表反映部门本年度一般公共预算财政拨款基本支出明细情况。",
        lines=tuple(lines),
        layout=layout,
        wraps=tuple(wraps),
    )


def wrap_styles(code: Optional[str]) -> str:
    """Wrap styles for a row with ``code``. Style A puts the code alone on a line; a 3-digit 类 code
    alone on a line (between blank lines) is indistinguishable from a printed page number, so a
    类 row's name is only wrapped in style B."""
    return "B" if code is None or len(code) == 3 else "AB"


@st.composite
def common_layout(draw: st.DrawFn, fmt: str, lines: int) -> dict:
    """Layout choices every table has: where a page break falls (a blank line in a delimited table,
    a page number between blank lines in pdftotext); how markdown bolds total rows; padding around
    delimited cells; spacing and blank lines of pdftotext."""
    layout: dict = {"page_break": draw(st.none() | st.integers(1, lines - 1)) if lines > 1 else None}
    if fmt in TABULAR:
        layout["pad"] = draw(st.sampled_from(["", " "]))
        layout["bold"] = draw(st.sampled_from(["all", "labels", "amounts"]))
    else:
        layout["blank_lines"] = draw(st.booleans())
        layout["separator"] = draw(st.sampled_from([" ", "  ", "   "]))
        layout["indent"] = draw(st.sampled_from(["  ", "    ", "        "]))
    return layout


def _with_group(row: GenRow, group: int) -> GenRow:
    return GenRow(row.label, row.cells, row.code, group, row.line_number, row.total)


@st.composite
def documents(draw: st.DrawFn, fmt: str, tables: Sequence[str] = ("expenditure",)) -> GenDocument:
    """A document holding generated tables of the kinds ``tables`` names, in that order."""
    makers = {"summary": summary_tables, "expenditure": expenditure_tables, "economic": economic_tables}
    return GenDocument(
        entity=draw(st.sampled_from(ENTITIES)),
        year=draw(st.integers(FIRST_YEAR, 2024)),  # years the national names it prints are valid in
        tables=tuple(draw(makers[kind](fmt)) for kind in tables),
        meta_style=draw(st.integers(0, 2)),
        number_first=draw(st.booleans()),
        spaced_number=draw(st.booleans()),
        part_heading=draw(st.booleans()),
        numbered=draw(st.booleans()),
        year_title=draw(st.booleans()),
        title_heading=fmt in ("markdown", "pipe") and draw(st.booleans()),
    )


# -- rendering ------------------------------------------------------------------------------------


def render(document: GenDocument, fmt: str) -> str:
    """The document printed in layout ``fmt``."""
    out: list[str] = [f"{document.year}年度 {document.entity} 部门决算", ""]
    if document.part_heading:
        out += [_heading(f"第二部分 {document.year}年度部门决算表", fmt, 1), ""]
    for table in document.tables:
        title = printed_title(document, table)
        out += [_heading(table.heading, fmt, 2), "", _heading(title, fmt, 3) if document.title_heading else title, ""]
        out += meta_lines(document, table)
        out.append("")
        out += _pdftotext(table) if fmt == "pdftotext" else _tabular(table, fmt)
        out += ["", table.note, ""]
    return "\n".join(out)


def printed_title(document: GenDocument, table: GenTable) -> str:
    """The table's title as the document prints it (with the year before it, or not)."""
    return f"{document.year} 年度{table.title}" if document.year_title else table.title


def meta_lines(document: GenDocument, table: GenTable) -> list[str]:
    """The lines between a table's title and its header: 公开NN表, the publisher and the unit."""
    number = f"公开 {int(table.number):02d} 表" if document.spaced_number else f"公开{table.number}表"
    meta = {
        0: [f"部门：{document.entity}  金额单位：{document.unit}"],
        1: [f"编制单位：{document.entity}", f"单位：{document.unit}"],
        2: [f"单位：{document.entity} 单位：{document.unit}"],
    }[document.meta_style]
    if not document.numbered:
        return meta
    return [number, *meta] if document.number_first else [*meta, number]


def _heading(text: str, fmt: str, level: int) -> str:
    return f"{'#' * level} {text}" if fmt in ("markdown", "pipe") else text


# tabular layouts: a grid of header rows and body rows, each a list of cells


def _tabular(table: GenTable, fmt: str) -> list[str]:
    header, body = _grid(table)
    width = max(len(row) for row in header + [cells for cells, _ in body])
    layout = table.layout
    lines: list[str] = []
    for index, cells in enumerate(header):
        lines.append(_join(cells + [""] * (width - len(cells)), fmt, None, layout["pad"]))
        if index == 0 and fmt == "pipe":
            lines.append("|" + "|".join(["---"] * width) + "|")
    for index, (cells, bold) in enumerate(body):
        lines.append(_join(cells + [""] * (width - len(cells)), fmt, layout["bold"] if bold else None, layout["pad"]))
        if layout["page_break"] == index + 1:
            lines.append("")
    return lines


_AMOUNT_TEXT = re.compile(r"^(?:[\d,]+\.\d\d|[—－–-])$")


def _join(cells: list[str], fmt: str, bold: Optional[str], pad: str) -> str:
    """A delimited line; ``bold`` says which cells of a total row markdown bolds (all, labels, amounts)."""
    if bold is not None and fmt in ("markdown", "pipe"):
        mark = "<b>{}</b>" if fmt == "markdown" else "**{}**"
        cells = [
            mark.format(cell)
            if cell and (bold == "all" or (bold == "amounts") == bool(_AMOUNT_TEXT.match(cell)))
            else cell
            for cell in cells
        ]
    cells = [f"{pad}{cell}{pad}" if cell else cell for cell in cells]
    if fmt == "pipe":
        return "| " + " | ".join(cells) + " |"
    return "\t".join(cells)


def _grid(table: GenTable) -> tuple[list[list[str]], list[tuple[list[str], bool]]]:
    layout = table.layout
    body: list[tuple[list[str], bool]] = []
    if table.id == "expenditure":
        split = layout["split_code"]
        code_width = 3 if split else 1
        if split:
            header = [
                ["项目", "", "", "", *EXPENDITURE_HEADERS],
                [layout["code_header"], "", "", "科目名称"] + [""] * 6,
                ["类", "款", "项", "栏次" if layout["ordinals"] else ""]
                + ([str(n) for n in range(1, 7)] if layout["ordinals"] else [""] * 6),
            ]
        elif layout["single_header"]:
            header = [[layout["code_header"], "科目名称", *EXPENDITURE_HEADERS]]
            if layout["ordinals"]:
                header.append(["栏次", ""] + [str(n) for n in range(1, 7)])
        else:
            header = [["项目", "", *EXPENDITURE_HEADERS], [layout["code_header"], "科目名称"] + [""] * 6]
            if layout["ordinals"]:
                header.append(["栏次", ""] + [str(n) for n in range(1, 7)])
        for (row,) in table.lines:
            assert row is not None
            amounts = [raw for _, raw in row.cells]
            if row.code is None:
                lead = [""] * code_width + [row.label] if layout["total_in_name"] else [row.label] + [""] * code_width
            elif split:
                parts = [row.code[:3], row.code[3:5], row.code[5:7]]
                lead = parts + [row.label]
            else:
                lead = [row.code, row.label]
            body.append((lead + amounts, row.total))
        return header, body
    if table.id == "summary":
        numbered = layout["line_numbers"]
        amount = layout["amount_header"]
        if numbered:
            header = [
                ["收入", "", "", "支出", "", ""],
                ["项目", "行次", amount, layout["right_header"], "行次", amount],
                ["栏次", "", "1", "栏次", "", "2"],
            ]
        else:
            header = [["收入", "", "支出", ""], ["项目", amount, layout["right_header"], amount]]
        for index, line in enumerate(table.lines, start=1):
            cells: list[str] = []
            for group, row in enumerate(line):
                number = [str(index + group * len(table.lines))] if numbered else []
                if row is None:
                    cells += [""] + number + [""]
                else:
                    cells += [row.label] + number + [row.cells[0][1]]
            body.append((cells, any(row is not None and row.total for row in line)))
        return header, body
    # economic
    groups = layout["groups"]
    header = []
    if layout["top_header"]:
        header.append(["人员经费", "", "", "公用经费"] + [""] * (3 * groups - 4))
    header.append([layout["code_header"], "科目名称", "金额"] * groups)
    for line in table.lines[:-1]:
        cells = []
        for row in line:
            cells += ["", "", ""] if row is None else [row.code or "", row.label, row.cells[0][1]]
        body.append((cells, False))
    personnel, public = table.lines[-1][0], table.lines[-1][1]
    assert personnel is not None and public is not None
    if layout["total_in_name"]:
        cells = ["", personnel.label, personnel.cells[0][1], "", public.label, ""]
    else:
        cells = [personnel.label, "", personnel.cells[0][1], public.label, "", ""]
    cells += [""] * (3 * groups - 6)
    cells[-1] = public.cells[0][1]  # 公用经费合计's amount stands in the last amount column
    body.append((cells, True))
    return header, body


# pdftotext: tokens separated by spaces, nothing printed for an absent group


def _pdftotext(table: GenTable) -> list[str]:
    layout = table.layout
    sep = layout.get("separator", " ")
    if table.id == "expenditure":
        if layout["broken_header"]:
            header = ["项目", *EXPENDITURE_HEADERS_BROKEN, "支出功能分类", "科目编码", "科目名称"]
        else:
            header = ["项目", " ".join(EXPENDITURE_HEADERS), "支出功能分类科目编码 科目名称"]
    elif table.id == "summary":
        header = ["收入 支出", f"项目 决算数 {table.layout['right_header']} 决算数"]
    else:
        groups = layout["groups"]
        header = (["人员经费 公用经费"] if layout["top_header"] else []) + [
            " ".join([f"{layout['code_header']} 科目名称 金额"] * groups)
        ]
    lines: list[str] = []
    for index, (line, wrap) in enumerate(zip(table.lines, table.wraps)):
        physical: list[list[str]] = [[]]
        for group, row in enumerate(line):
            if row is None:
                continue
            tokens = [row.code] if row.code else []
            amounts = [raw for _, raw in row.cells]
            if wrap is not None and wrap.group == group:
                first, second = row.label[: wrap.at], row.label[wrap.at :]
                if wrap.style == "A":
                    physical[-1] += tokens
                    physical += [[first], [second], amounts]
                else:
                    physical[-1] += [*tokens, first]
                    physical += [[second, *amounts]]
            else:
                physical[-1] += [*tokens, row.label, *amounts]
        if line[0] is None:
            physical[0].insert(0, "")  # an indented line: the first group is absent
        texts = [sep.join(tokens) for tokens in physical if tokens]
        if line[0] is None:
            texts[0] = layout.get("indent", "  ") + texts[0].lstrip()
        if index == 0 and table.id == "expenditure" and layout["broken_header"]:
            texts[0] = "类  款  项 " + texts[0]  # seed 001: the code headers share the first body line
        lines += texts
        if layout.get("page_break") == index + 1:
            lines += ["", " 14 ", ""]
    if layout.get("blank_lines"):
        header = [text for line in header for text in (line, "")]
        lines = [text for line in lines for text in (line + " ", "")]
    return header + lines
