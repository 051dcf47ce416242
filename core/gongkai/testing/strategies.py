"""Hypothesis strategies for realistic, consistent disclosures, in a region's conventions.

A generated document is one department's accounts drawn from a small ledger: leaf amounts (exact
decimals at 万元 precision) for real 项 codes of the national classification
(``spec/national_codes.tsv``), split into basic (人员经费, 公用经费) and project spending, funded by
general-budget appropriations and the department's own income; economic items for the basic
spending; the “三公” items. Every table is computed from that ledger by the accounting
identities, so the tables agree with themselves and with each other, and the checks find no
error. Zero amounts print as the region prints them (0.00 or blank); columns that do not apply
may print a dash (not applicable).

    >>> from gongkai.testing import documents
    >>> from hypothesis import given
    >>> @given(documents(region=MY_PROFILE))      # doctest: +SKIP
    ... def test_something(document): ...
"""

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
from ..rendering import NATIONAL
from ..rendering.grids import column_ordinal, header_path, numbered
from ..schema import Cell, CellStatus, Column, Document, Region, Row, Table
from ..specfiles import spec_text

#: The tables a generated document holds, in the national order.
TABLES = (
    "summary",
    "income",
    "expenditure",
    "general_budget_expenditure",
    "basic_expenditure_economic",
    "three_public",
)

# the 一、二、… expenditure items of the 收入支出总表, in the national order
EXPENDITURE_ITEMS = (
    "一般公共服务支出", "外交支出", "国防支出", "公共安全支出", "教育支出", "科学技术支出",
    "文化旅游体育与传媒支出", "社会保障和就业支出", "卫生健康支出", "节能环保支出", "城乡社区支出",
    "农林水支出", "交通运输支出", "资源勘探工业信息等支出", "商业服务业等支出", "金融支出",
    "援助其他地区支出", "自然资源海洋气象等支出", "住房保障支出", "粮油物资储备支出",
    "国有资本经营预算支出", "灾害防治及应急管理支出", "其他支出",
)  # fmt: skip
_NUMERALS = (
    "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四", "十五",
    "十六", "十七", "十八", "十九", "二十", "二十一", "二十二", "二十三",
)  # fmt: skip
_INCOME_ITEMS = {
    "final": ("一般公共预算财政拨款收入", "政府性基金预算财政拨款收入", "国有资本经营预算财政拨款收入",
              "上级补助收入", "事业收入", "经营收入", "附属单位上缴收入", "其他收入"),
    "budget": ("一般公共预算拨款收入", "政府性基金预算拨款收入", "国有资本经营预算拨款收入",
               "上级补助收入", "事业收入", "经营收入", "附属单位上缴收入", "其他收入"),
}  # fmt: skip
_DEPARTMENTS = ("医疗保障局", "医疗保障服务中心", "财政局", "教育局", "人力资源和社会保障局", "住房和城乡建设局")
_PERSONNEL = ("301", "303")
_COLUMNS = {
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


#: The first year whose names the current national code list gives for every code it lists.
FIRST_YEAR = 2020


def national_codes() -> dict[str, str]:
    """The national classification codes and their current names (``spec/national_codes.tsv``)."""
    names = {}
    for line in spec_text("national_codes.tsv").splitlines():
        if line.strip() and not line.startswith("#"):
            code, name, _, until = (line.split("\t") + ["", ""])[:4]
            if not until.strip():
                names[code.strip()] = name.strip()
    return names


def _tree(prefix: str) -> dict[str, dict[str, list[str]]]:
    """类 -> 款 -> 项 codes of the national list under a first digit (2 function, 3 economic)."""
    codes = national_codes()
    tree: dict[str, dict[str, list[str]]] = {}
    for code in sorted(codes):
        if code.startswith(prefix) and len(code) == 3:
            tree[code] = {}
    for code in sorted(codes):
        if code[:3] in tree and len(code) == 5:
            tree[code[:3]][code] = [c for c in sorted(codes) if len(c) == 7 and c.startswith(code)]
    return tree


# -- amounts ---------------------------------------------------------------------------------------


def cents() -> st.SearchStrategy[int]:
    """Amounts in fen (0.01 万元): often zero, small or large enough for thousands separators."""
    return st.one_of(st.just(0), st.integers(1, 99_999), st.integers(100_000, 500_000_000))


def _split(draw: st.DrawFn, total: int, parts: int) -> list[int]:
    """``total`` cut into ``parts`` non-negative amounts."""
    if parts == 1:
        return [total]
    cuts = sorted(draw(st.lists(st.integers(0, total), min_size=parts - 1, max_size=parts - 1)))
    return [b - a for a, b in zip([0, *cuts], [*cuts, total])]


def _subset(draw: st.DrawFn, items: Sequence[str], low: int, high: int) -> list[str]:
    chosen = draw(st.lists(st.sampled_from(list(items)), min_size=low, max_size=min(high, len(items)), unique=True))
    return sorted(chosen, key=list(items).index)


@attrs.frozen
class _Printer:
    """Cells printed in a region's conventions: zeros as the region prints them, or as a dash
    where a column does not apply."""

    conventions: Conventions
    dash: bool = False

    def cell(self, column: str, fen: int, dash: bool = False) -> Cell:
        """The cell of ``fen`` under ``column``; ``dash``: the column may print — for nothing."""
        if fen == 0 and dash and self.dash:
            return Cell(column, CellStatus.NOT_APPLICABLE, "—")
        raw = self.conventions.amount(Decimal(fen).scaleb(-2))
        if not raw:
            return _blank(column)
        return Cell(column, CellStatus.VALUE, raw, Decimal(raw.replace(",", "")))


def _blank(column: str) -> Cell:
    return Cell(column, CellStatus.BLANK, "")


# -- the ledger ------------------------------------------------------------------------------------


@attrs.frozen
class Ledger:
    """One department's year in fen: per 项 code, general-budget basic (personnel, public) and
    project spending and spending from its own income; per economic code, the basic spending's
    items; the “三公” items; the carry-over."""

    personnel: dict[str, int]
    public: dict[str, int]
    project: dict[str, int]
    own: dict[str, int]  # spent from 事业收入 (basic spending)
    economic: dict[str, int]
    three_public: dict[str, tuple[int, int]]  # item -> (budget, final)
    carry: int

    def general(self, code: str) -> tuple[int, int, int, int]:
        """(total, basic, personnel, public) general-budget spending of a 项 or any parent code."""
        leaves = [leaf for leaf in self.project if leaf.startswith(code)]
        personnel = sum(self.personnel[leaf] for leaf in leaves)
        public = sum(self.public[leaf] for leaf in leaves)
        project = sum(self.project[leaf] for leaf in leaves)
        return personnel + public + project, personnel + public, personnel, public

    def spent(self, code: str) -> tuple[int, int, int]:
        """(total, basic, project) of all spending under ``code`` ("" for all codes)."""
        leaves = [leaf for leaf in self.project if leaf.startswith(code)]
        total, basic, _, _ = self.general(code)
        own = sum(self.own[leaf] for leaf in leaves)
        project = sum(self.project[leaf] for leaf in leaves)
        return total + own, basic + own, project


@st.composite
def ledgers(draw: st.DrawFn) -> Ledger:
    """A department's ledger over real codes: 1–3 classes, 1–2 款 each, 1–3 项 each."""
    tree = {cls: {k: v for k, v in kuans.items() if v} for cls, kuans in _tree("2").items()}
    tree = {cls: kuans for cls, kuans in tree.items() if kuans}
    leaves: list[str] = []
    for cls in _subset(draw, list(tree), 1, 3):
        for kuan in _subset(draw, list(tree[cls]), 1, 2):
            leaves += _subset(draw, tree[cls][kuan], 1, 3)
    economic_tree = _tree("3")
    classes = ["301", *(["303"] if draw(st.booleans()) else []), "302"]
    classes += _subset(draw, [c for c in economic_tree if c not in ("301", "302", "303")], 0, 2)
    economic: dict[str, int] = {}
    for cls in sorted(classes):
        for kuan in _subset(draw, list(economic_tree[cls]), 1, 4):
            economic[kuan] = draw(cents())
    personnel_total = sum(v for k, v in economic.items() if k[:3] in _PERSONNEL)
    public_total = sum(v for k, v in economic.items() if k[:3] not in _PERSONNEL)
    personnel = dict(zip(leaves, _split(draw, personnel_total, len(leaves))))
    public = dict(zip(leaves, _split(draw, public_total, len(leaves))))
    project = {leaf: draw(cents()) for leaf in leaves}
    own = {leaf: draw(st.just(0) | cents()) for leaf in leaves}
    abroad, reception, purchase, running = (draw(st.just(0) | st.integers(0, 99_999)) for _ in range(4))
    items = {"abroad": abroad, "vehicles": purchase + running, "purchase": purchase, "running": running}
    items["reception"] = reception
    items["total"] = abroad + purchase + running + reception
    three = {item: (draw(st.integers(0, 99_999)) + value, value) for item, value in items.items()}
    budgets = {item: budget for item, (budget, _) in three.items()}
    budgets["vehicles"] = budgets["purchase"] + budgets["running"]
    budgets["total"] = budgets["abroad"] + budgets["vehicles"] + budgets["reception"]
    return Ledger(
        personnel=personnel,
        public=public,
        project=project,
        own=own,
        economic=economic,
        three_public={item: (budgets[item], final) for item, (_, final) in three.items()},
        carry=draw(st.just(0) | cents()),
    )


# -- tables ----------------------------------------------------------------------------------------


@attrs.frozen
class _Context:
    profile: RegionProfile
    kind: str
    entity: str
    printer: _Printer

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
        # the region prints a 栏次 row: each column is read under its number
        ordinals = [column_ordinal(c, columns, table, self.conventions, None) or None for c in columns]
        return attrs.evolve(table, columns=tuple(attrs.evolve(c, ordinal=o) for c, o in zip(table.columns, ordinals)))


def _coded(label: str, code: str, cells: Sequence[Cell]) -> Row:
    return Row(label=label, cells=tuple(cells), code=code, level=level(code), parent=parent(code))


def _codes_of(ledger: Ledger) -> list[str]:
    """Every code to print: each class, 款 and 项 of the ledger, in order."""
    codes: set[str] = set()
    for leaf in ledger.project:
        codes.update((leaf[:3], leaf[:5], leaf))
    return sorted(codes)


def _function_table(
    context: _Context, ledger: Ledger, table_id: str, columns: Sequence[str], values: Callable[[str], dict[str, int]]
) -> Table:
    """A table with a 合计 row and a row per class, 款 and 项, amounts from ``values(code)``."""
    names = national_codes()
    printer = context.printer
    optional = {"remit_superior", "operating", "subsidiary", "superior_subsidy", "subsidiary_remit"}

    def cells(amounts: dict[str, int]) -> list[Cell]:
        return [printer.cell(c, amounts.get(c, 0), dash=c in optional) for c in columns]

    rows = [Row(label="合计", cells=tuple(cells(values(""))))]
    rows += [_coded(names[code], code, cells(values(code))) for code in _codes_of(ledger)]
    return context.table(table_id, columns, rows)


def _summary(context: _Context, ledger: Ledger) -> Table:
    """收入支出总表: income sources left, expenditure by class right, then the totals."""
    total, _, _ = ledger.spent("")
    general, _, _, _ = ledger.general("")
    own = total - general
    sources = dict(zip(_INCOME_ITEMS[context.kind], (general, 0, 0, 0, own, 0, 0, 0)))
    names = national_codes()
    by_class = {names[cls]: ledger.spent(cls)[0] for cls in {leaf[:3] for leaf in ledger.project}}
    left = [(f"{_NUMERALS[i]}、{name}", amount) for i, (name, amount) in enumerate(sources.items())]
    right = [(f"{_NUMERALS[i]}、{name}", by_class.get(name, 0)) for i, name in enumerate(EXPENDITURE_ITEMS)]
    carry = ledger.carry
    closing = [
        (("本年收入合计", total), ("本年支出合计", total)),
        (("使用非财政拨款结余", 0), ("结余分配", 0)),
        (("年初结转和结余", carry), ("年末结转和结余", carry)),
        (("总计", total + carry), ("总计", total + carry)),
    ]
    pairs = list(itertools.zip_longest(left, right)) + closing
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


def _income(context: _Context, ledger: Ledger) -> Table:
    columns = context.columns("income", _COLUMNS[("income", context.kind)])

    def values(code: str) -> dict[str, int]:
        total, _, _ = ledger.spent(code)
        general, _, _, _ = ledger.general(code)
        return {"total": total, "fiscal_grant": general, "general_budget": general, "business": total - general}

    return _function_table(context, ledger, "income", columns, values)


def _expenditure(context: _Context, ledger: Ledger) -> Table:
    columns = context.columns("expenditure", _COLUMNS[("expenditure", context.kind)])

    def values(code: str) -> dict[str, int]:
        total, basic, project = ledger.spent(code)
        return {"total": total, "basic": basic, "project": project}

    return _function_table(context, ledger, "expenditure", columns, values)


def _general_budget(context: _Context, ledger: Ledger) -> Table:
    """一般公共预算财政拨款支出表: all of the year's appropriation is spent (no carry-over)."""
    canonical = [c.id for c in load_spec().table("general_budget_expenditure").columns]
    default = canonical if context.kind == "final" else _COLUMNS[("general_budget_expenditure", "budget")]
    columns = context.columns("general_budget_expenditure", default)

    def values(code: str) -> dict[str, int]:
        total, basic, personnel, public = ledger.general(code)
        project = total - basic
        return {
            "income_total": total, "income_basic": basic, "income_project": project,
            "total": total, "basic": basic, "basic_personnel": personnel, "basic_public": public,
            "project": project,
        }  # fmt: skip

    return _function_table(context, ledger, "general_budget_expenditure", columns, values)


def _economic(draw: st.DrawFn, context: _Context, ledger: Ledger) -> Table:
    """基本支出表: personnel classes in the first group, the others after, side by side."""
    names = national_codes()
    printer = context.printer

    def block(classes: list[str]) -> list[Row]:
        rows = []
        for cls in classes:
            kuans = [k for k in ledger.economic if k.startswith(cls)]
            amount = sum(ledger.economic[k] for k in kuans)
            rows.append(_coded(names[cls], cls, [printer.cell("amount", amount)]))
            rows += [_coded(names[k], k, [printer.cell("amount", ledger.economic[k])]) for k in kuans]
        return rows

    classes = sorted({k[:3] for k in ledger.economic})
    personnel = block([c for c in classes if c in _PERSONNEL])
    public = block([c for c in classes if c not in _PERSONNEL])
    groups = max(1, min(context.conventions.economic_groups, 3))
    if groups == 1:
        columns = [personnel + public]
    elif groups == 2 or len(public) < 2:
        columns = [personnel, public]
    else:
        cut = draw(st.integers(1, len(public) - 1))
        columns = [personnel, public[:cut], public[cut:]]
    personnel_total = sum(v for k, v in ledger.economic.items() if k[:3] in _PERSONNEL)
    public_total = sum(v for k, v in ledger.economic.items() if k[:3] not in _PERSONNEL)
    rows: list[Row] = []
    for line in itertools.zip_longest(*columns):
        rows += [attrs.evolve(row, group=group) for group, row in enumerate(line) if row is not None]
    totals = [
        Row("人员经费合计", (printer.cell("amount", personnel_total),)),
        Row("公用经费合计", (printer.cell("amount", public_total),), group=1 if len(columns) > 1 else 0),
    ]
    rows += totals
    return context.table("basic_expenditure_economic", ("amount",), rows)


_THREE_PUBLIC_ROWS = (
    ("total", "合计"),
    ("abroad", "1.因公出国（境）费"),
    ("vehicles", "2.公务用车购置及运行维护费"),
    ("purchase", "其中：（1）公务用车购置费"),
    ("running", "（2）公务用车运行维护费"),
    ("reception", "3.公务接待费"),
)


def _three_public(context: _Context, ledger: Ledger) -> Table:
    columns = context.columns("three_public", _COLUMNS[("three_public", context.kind)])
    numbered = context.conventions.line_numbers
    rows = []
    for number, (item, label) in enumerate(_THREE_PUBLIC_ROWS, start=1):
        budget, final = ledger.three_public[item]
        amounts = {"budget": budget, "full_year_budget": budget, "final": final}
        cells = tuple(context.printer.cell(c, amounts[c]) for c in columns)
        rows.append(Row(label, cells, line_number=str(number) if numbered else None))
    return context.table("three_public", columns, rows)


# -- documents -------------------------------------------------------------------------------------


@st.composite
def documents(
    draw: st.DrawFn,
    region: Optional[RegionProfile] = None,
    kinds: Sequence[str] = ("final", "budget"),
    tables: Sequence[str] = TABLES,
) -> Document:
    """A consistent disclosure of ``region`` (a registered profile; default: the national
    表样) in its conventions, holding ``tables`` (ids of :data:`TABLES`), of one of ``kinds``."""
    profile = region or NATIONAL
    kind = draw(st.sampled_from(list(kinds)))
    place = draw(st.sampled_from(list(profile.cities or profile.counties or ("样例市",))))
    entity = f"{place}{draw(st.sampled_from(_DEPARTMENTS))}"
    context = _Context(profile, kind, entity, _Printer(profile.conventions, dash=draw(st.booleans())))
    ledger = draw(ledgers())
    makers: dict[str, Callable[[], Table]] = {
        "summary": lambda: _summary(context, ledger),
        "income": lambda: _income(context, ledger),
        "expenditure": lambda: _expenditure(context, ledger),
        "general_budget_expenditure": lambda: _general_budget(context, ledger),
        "basic_expenditure_economic": lambda: _economic(draw, context, ledger),
        "three_public": lambda: _three_public(context, ledger),
    }
    built = tuple(makers[table]() for table in TABLES if table in tables)
    city = place if place in profile.cities else None
    return Document(
        source="generated",
        format="generated",
        sha256="",
        region=Region(province=profile.province or None, city=city),
        plugin=profile.name,
        entity=entity,
        # the years the national names it prints are valid in (spec/national_codes.tsv)
        year=draw(st.integers(FIRST_YEAR, 2025)),
        kind=kind,
        scope="department",
        unit="万元",
        tables=built,
    )
