"""The tables of a generated document, each computed from the ledger by the accounting identities
and printed in a region's conventions (and the :class:`~gongkai.testing.variety.Variety` asked for)."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import Optional

import attrs
from hypothesis import strategies as st

from ..canonical import load_spec
from ..codes import level, parent
from ..registrations import Conventions, RegionProfile
from ..rendering.grids import column_ordinal, header_path, numbered
from ..schema import Cell, CellStatus, Column, Row, Table
from .ledger import PERSONNEL, Ledger, national_codes
from .variety import NON_FISCAL_LABELS, Variety

# the 一、二、… expenditure items of the 收入支出总表, in the national order
EXPENDITURE_ITEMS = (
    "一般公共服务支出", "外交支出", "国防支出", "公共安全支出", "教育支出", "科学技术支出",
    "文化旅游体育与传媒支出", "社会保障和就业支出", "卫生健康支出", "节能环保支出", "城乡社区支出",
    "农林水支出", "交通运输支出", "资源勘探工业信息等支出", "商业服务业等支出", "金融支出",
    "援助其他地区支出", "自然资源海洋气象等支出", "住房保障支出", "粮油物资储备支出",
    "国有资本经营预算支出", "灾害防治及应急管理支出", "其他支出",
)  # fmt: skip
NUMERALS = (
    "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四", "十五",
    "十六", "十七", "十八", "十九", "二十", "二十一", "二十二", "二十三",
)  # fmt: skip
_INCOME_ITEMS = {
    "final": ("一般公共预算财政拨款收入", "政府性基金预算财政拨款收入", "国有资本经营预算财政拨款收入",
              "上级补助收入", "事业收入", "经营收入", "附属单位上缴收入", "其他收入"),
    "budget": ("一般公共预算拨款收入", "政府性基金预算拨款收入", "国有资本经营预算拨款收入",
               "上级补助收入", "事业收入", "经营收入", "附属单位上缴收入", "其他收入"),
}  # fmt: skip
COLUMNS = {
    ("income", "final"): (
        "total", "fiscal_grant", "superior_subsidy", "business", "operating", "subsidiary_remit", "other",
    ),
    ("income", "budget"): ("total", "general_budget", "government_fund", "state_capital", "business", "other"),
    ("expenditure", "final"): ("total", "basic", "project", "remit_superior", "operating", "subsidiary"),
    ("expenditure", "budget"): ("total", "basic", "project"),
    ("general_budget_expenditure", "budget"): ("total", "basic", "project"),
    ("three_public", "final"): ("budget", "final"),
    ("three_public", "budget"): ("budget",),
}  # fmt: skip
# columns that may print a dash for "not applicable"
_OPTIONAL = frozenset({"remit_superior", "operating", "subsidiary", "superior_subsidy", "subsidiary_remit"})


@attrs.frozen
class Printer:
    """Cells printed in a region's conventions: zeros as the region prints them, or as a dash
    where a column does not apply; or, given ``zeros`` and ``pick`` (which draws one of the
    texts it is given), each zero as one of ``zeros``."""

    conventions: Conventions
    dash: bool = False
    zeros: tuple[str, ...] = ()
    pick: Optional[Callable[[Sequence[str]], str]] = None

    def cell(self, column: str, fen: int, dash: bool = False) -> Cell:
        """The cell of ``fen`` under ``column``; ``dash``: the column may print — for nothing."""
        if fen == 0 and self.zeros and self.pick is not None:
            return cell_of(column, self.pick(self.zeros))
        if fen == 0 and dash and self.dash:
            return Cell(column, CellStatus.NOT_APPLICABLE, "—")
        return cell_of(column, self.conventions.amount(Decimal(fen).scaleb(-2)))


def cell_of(column: str, raw: str) -> Cell:
    """The cell printing ``raw``: an amount, blank, or a dash for "not applicable"."""
    if not raw:
        return Cell(column, CellStatus.BLANK, "")
    if raw in ("—", "-", "－", "–"):
        return Cell(column, CellStatus.NOT_APPLICABLE, raw)
    return Cell(column, CellStatus.VALUE, raw, Decimal(raw.replace(",", "")))


def with_ordinals(table: Table, conventions: Conventions) -> Table:
    """``table`` with a 栏次 number over each column: its place in the region's order of
    columns, or in the table's."""
    columns = [column.id for column in table.columns]
    ordinals = [column_ordinal(c, columns, table, conventions, None) or None for c in columns]
    return attrs.evolve(table, columns=tuple(attrs.evolve(c, ordinal=o) for c, o in zip(table.columns, ordinals)))


@attrs.frozen
class Context:
    """What every table of one generated document shares: the region, kind, publisher, printer
    and variety."""

    profile: RegionProfile
    kind: str
    entity: str
    printer: Printer
    variety: Variety = Variety()

    @property
    def conventions(self) -> Conventions:
        return self.profile.conventions

    def title(self, table_id: str) -> str:
        word = "决算" if self.kind == "final" else "预算"
        for printed, mapped in self.profile.titles.items():
            if mapped == table_id and word in printed:
                return printed
        return load_spec().table(table_id).titles[self.kind][0]

    def number(self, table_id: str) -> Optional[str]:
        for number, mapped in self.profile.numbering.get(self.kind, {}).items():
            if mapped == table_id:
                return f"公开{number}表"
        return None

    def columns(self, table_id: str, default: Sequence[str]) -> tuple[str, ...]:
        order = self.conventions.column_order.get(table_id)
        return tuple(order) if order else tuple(default)

    def table(self, table_id: str, columns: Sequence[str], rows: Sequence[Row]) -> Table:
        canonical = load_spec().table(table_id)
        table = Table(
            id=table_id,
            title=self.title(table_id),
            columns=tuple(Column(c, header_path(canonical, c, self.conventions)) for c in columns),
            rows=tuple(rows),
            number=self.number(table_id),
            entity=self.entity,
        )
        if canonical.repeated_groups or not numbered(self.conventions, None):
            return table  # the region prints no 栏次 row over this table
        return with_ordinals(table, self.conventions)  # each column is read under its number


def coded(label: str, code: str, cells: Sequence[Cell]) -> Row:
    return Row(label=label, cells=tuple(cells), code=code, level=level(code), parent=parent(code))


def _codes_of(ledger: Ledger) -> list[str]:
    """Every code to print: each class, 款 and 项 of the ledger, in order."""
    codes: set[str] = set()
    for leaf in ledger.project:
        codes.update((leaf[:3], leaf[:5], leaf))
    return sorted(codes)


def function_table(
    context: Context, ledger: Ledger, table_id: str, columns: Sequence[str], values: Callable[[str], dict[str, int]]
) -> Table:
    """A table with a 合计 row and a row per class, 款 and 项, amounts from ``values(code)``."""
    names = national_codes()
    printer = context.printer

    def cells(amounts: dict[str, int]) -> list[Cell]:
        return [printer.cell(c, amounts.get(c, 0), dash=c in _OPTIONAL) for c in columns]

    rows = [Row(label="合计", cells=tuple(cells(values(""))))]
    rows += [coded(names[code], code, cells(values(code))) for code in _codes_of(ledger)]
    return context.table(table_id, columns, rows)


_Item = tuple[str, int]  # a label and its amount in fen


def _some(draw: st.DrawFn, items: list[_Item]) -> list[_Item]:
    """The items that print an amount, and some of the others (at least one item)."""
    kept = [draw(st.booleans()) or bool(amount) for _, amount in items]
    if not any(kept):
        kept[0] = True
    return [item for item, keep in zip(items, kept) if keep]


def _closing(draw: st.DrawFn, context: Context, total: int, carry: int) -> list[tuple[_Item, _Item]]:
    """The summary's closing lines: the year's totals, the balances used and distributed, the
    carry-overs and the grand totals (总计 = 合计 + 结余 + 结转 on each side, the two equal)."""
    non_fiscal, distributed, label, carried = 0, 0, "使用非财政拨款结余", carry
    if context.variety.balances:
        non_fiscal = draw(st.just(0) | st.integers(1, 99_999_999))
        distributed = draw(st.integers(0, carry + non_fiscal))
        label = draw(st.sampled_from(NON_FISCAL_LABELS))
        carried = carry + non_fiscal - distributed
    grand = total + non_fiscal + carry
    return [
        (("本年收入合计", total), ("本年支出合计", total)),
        ((label, non_fiscal), ("结余分配", distributed)),
        (("年初结转和结余", carry), ("年末结转和结余", carried)),
        (("总计", grand), ("总计", grand)),
    ]


def summary(draw: st.DrawFn, context: Context, ledger: Ledger) -> Table:
    """收入支出总表: income sources left, expenditure by class right, then the totals."""
    total, _, _ = ledger.spent("")
    general, _, _, _ = ledger.general("")
    sources = dict(zip(_INCOME_ITEMS[context.kind], (general, 0, 0, 0, total - general, 0, 0, 0)))
    names = national_codes()
    by_class = {names[cls]: ledger.spent(cls)[0] for cls in {leaf[:3] for leaf in ledger.project}}
    left = [(f"{NUMERALS[i]}、{name}", amount) for i, (name, amount) in enumerate(sources.items())]
    right = [(f"{NUMERALS[i]}、{name}", by_class.get(name, 0)) for i, name in enumerate(EXPENDITURE_ITEMS)]
    if context.variety.some_items:
        left, right = _some(draw, left), _some(draw, right)
    pairs = list(itertools.zip_longest(left, right)) + _closing(draw, context, total, ledger.carry)
    numbered = context.conventions.line_numbers
    rows: list[Row] = []
    for line, pair in enumerate(pairs, start=1):
        for group, (item, column) in enumerate(zip(pair, ("income", "expenditure"))):
            if item is None:
                continue
            label, fen = item
            number = str(line + group * len(pairs)) if numbered else None
            rows.append(Row(label, (context.printer.cell(column, fen),), line_number=number, group=group))
    return context.table("summary", ("income", "expenditure"), rows)


def income(context: Context, ledger: Ledger) -> Table:
    columns = context.columns("income", COLUMNS[("income", context.kind)])

    def values(code: str) -> dict[str, int]:
        total, _, _ = ledger.spent(code)
        general, _, _, _ = ledger.general(code)
        return {"total": total, "fiscal_grant": general, "general_budget": general, "business": total - general}

    return function_table(context, ledger, "income", columns, values)


def expenditure(context: Context, ledger: Ledger) -> Table:
    columns = context.columns("expenditure", COLUMNS[("expenditure", context.kind)])

    def values(code: str) -> dict[str, int]:
        total, basic, project = ledger.spent(code)
        remitted, operating, subsidiary = ledger.others(code)
        return {
            "total": total, "basic": basic, "project": project,
            "remit_superior": remitted, "operating": operating, "subsidiary": subsidiary,
        }  # fmt: skip

    return function_table(context, ledger, "expenditure", columns, values)


def general_budget(context: Context, ledger: Ledger) -> Table:
    """一般公共预算财政拨款支出表: all of the year's appropriation is spent (no carry-over)."""
    canonical = [c.id for c in load_spec().table("general_budget_expenditure").columns]
    default = canonical if context.kind == "final" else COLUMNS[("general_budget_expenditure", "budget")]
    columns = context.columns("general_budget_expenditure", default)

    def values(code: str) -> dict[str, int]:
        total, basic, personnel, public = ledger.general(code)
        project = total - basic
        return {
            "income_total": total, "income_basic": basic, "income_project": project,
            "total": total, "basic": basic, "basic_personnel": personnel, "basic_public": public,
            "project": project,
        }  # fmt: skip

    return function_table(context, ledger, "general_budget_expenditure", columns, values)


def _economic_columns(draw: st.DrawFn, context: Context, personnel: list[Row], public: list[Row]) -> list[list[Row]]:
    """The economic rows as the groups print them side by side: personnel classes first."""
    groups = max(1, min(context.variety.economic_groups or context.conventions.economic_groups, 3))
    if groups == 1:
        return [personnel + public]
    if groups == 2 or len(public) < 2:
        return [personnel, public]
    # space-aligned text cannot print a third group longer than the second (see Variety.spaced)
    low = (len(public) + 1) // 2 if context.variety.spaced else 1
    cut = draw(st.integers(min(low, len(public) - 1), len(public) - 1))
    return [personnel, public[:cut], public[cut:]]


def economic(draw: st.DrawFn, context: Context, ledger: Ledger) -> Table:
    """基本支出表: personnel classes in the first group, the others after, side by side."""
    names = national_codes()
    printer = context.printer

    def block(classes: list[str]) -> list[Row]:
        rows = []
        for cls in classes:
            kuans = [k for k in ledger.economic if k.startswith(cls)]
            amount = sum(ledger.economic[k] for k in kuans)
            rows.append(coded(names[cls], cls, [printer.cell("amount", amount)]))
            rows += [coded(names[k], k, [printer.cell("amount", ledger.economic[k])]) for k in kuans]
        return rows

    classes = sorted({k[:3] for k in ledger.economic})
    personnel = block([c for c in classes if c in PERSONNEL])
    public = block([c for c in classes if c not in PERSONNEL])
    columns = _economic_columns(draw, context, personnel, public)
    personnel_total = sum(v for k, v in ledger.economic.items() if k[:3] in PERSONNEL)
    public_total = sum(v for k, v in ledger.economic.items() if k[:3] not in PERSONNEL)
    rows: list[Row] = []
    for line in itertools.zip_longest(*columns):
        rows += [attrs.evolve(row, group=group) for group, row in enumerate(line) if row is not None]
    rows += [
        Row("人员经费合计", (printer.cell("amount", personnel_total),)),
        Row("公用经费合计", (printer.cell("amount", public_total),), group=1 if len(columns) > 1 else 0),
    ]
    return context.table("basic_expenditure_economic", ("amount",), rows)


_THREE_PUBLIC_ROWS = (
    ("total", "合计"),
    ("abroad", "1.因公出国（境）费"),
    ("vehicles", "2.公务用车购置及运行维护费"),
    ("purchase", "其中：（1）公务用车购置费"),
    ("running", "（2）公务用车运行维护费"),
    ("reception", "3.公务接待费"),
)


def three_public(context: Context, ledger: Ledger) -> Table:
    columns = context.columns("three_public", COLUMNS[("three_public", context.kind)])
    numbered = context.conventions.line_numbers
    rows = []
    for number, (item, label) in enumerate(_THREE_PUBLIC_ROWS, start=1):
        budget, final = ledger.three_public[item]
        amounts = {"budget": budget, "full_year_budget": budget, "final": final}
        cells = tuple(context.printer.cell(c, amounts[c]) for c in columns)
        rows.append(Row(label, cells, line_number=str(number) if numbered else None))
    return context.table("three_public", columns, rows)
