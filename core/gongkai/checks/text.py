"""Text against tables: the figures the 情况说明 restates must be the tables' figures.

* ``text.amount``: a figure the text states for a quantity the tables print (收入总计, 基本支出, a
  科目's amount, a “三公” item, …) equals that table cell, within rounding.
* ``text.change``: a stated change over last year and its percentage agree with each other.

A figure is compared only when the words before it name exactly one table cell: the section's
heading says which tables the paragraph is about (:mod:`gongkai.checks.statements`), and the words
must be one of the phrases of :data:`PHRASES`, a 科目 code with its name, a 类/款/项 path, or the
name of a row of the table the section is about. Anything else is skipped, never guessed.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterator, Sequence
from decimal import Decimal
from typing import Optional

import attrs

from ..amounts import amount_text
from ..canonical import load_spec
from ..hookspecs import hookimpl
from ..registrations import Check, CheckContext
from ..schema import CellStatus, Document, Finding, Provenance, Row, Severity, Table
from .compare import Place, column_name, row_name, table_name
from .labels import first, group_index, plain
from .statements import (
    BASIC,
    EXPENDITURE,
    FISCAL_GRANT,
    GENERAL_BUDGET,
    GOVERNMENT_FUND,
    INCOME,
    OPERATING,
    STATE_CAPITAL,
    SUMMARY,
    THREE_PUBLIC,
    Change,
    Figure,
    Statement,
    changes,
    statements,
)

AMOUNT_CHECK = "text.amount"
CHANGE_CHECK = "text.change"


class Measure(enum.Enum):
    """What of a quantity a figure is: the amount itself (决算数), its budget, its full-year budget."""

    ACTUAL = "actual"
    BUDGET = "budget"
    FULL_YEAR = "full_year"


# Words after a quantity's name that say which measure of it the figure is ("…支出决算为").
_MEASURES: tuple[tuple[Measure, re.Pattern[str]], ...] = (
    (Measure.ACTUAL, re.compile(r"为|均为|共计|是|支出(?:数)?为?|(?:支出)?决算(?:数)?为|实际支出(?:数)?为?")),
    (Measure.FULL_YEAR, re.compile(r"(?:支出)?全年预算(?:数)?为?")),
    (Measure.BUDGET, re.compile(r"(?:支出)?(?:年初)?预算(?:数|安排)?为?|安排为?")),
)


# Measure words that cannot themselves be a quantity: only these restate the quantity named before.
_STATES_A_MEASURE = re.compile(r"决算|预算|安排")


@attrs.frozen
class Ref:
    """Where a quantity is printed: a table, a row (a label pattern or ``code:CODE``) in a
    side-by-side group, and a column."""

    table: str
    row: str
    column: str
    group: Optional[str] = None


@attrs.frozen
class Phrase:
    """Words (a regular expression matched in full) that name quantities, and where each is printed.

    ``cells`` holds, for each quantity the words name ("收支总计" names two), the places that
    print it in order of preference: the first that the document prints is compared.
    """

    words: str
    cells: tuple[tuple[Ref, ...], ...]


@attrs.frozen
class Restatement:
    """A figure of the text and the table cell it restates."""

    statement: Statement
    place: Place


TOTAL = "合计|总计|本年合计|本年收入合计|本年支出合计"
_YEAR_INCOME = "本年收入合计|收入合计|本年收入"
_YEAR_EXPENDITURE = "本年支出合计|支出合计|本年支出"
_THREE_PUBLIC_TOTAL = "合计|支出合计|三公经费支出合计|三公经费合计"
THREE_PUBLIC_TABLES = ("three_public", "three_public_operating")


def _one(*refs: Ref) -> tuple[tuple[Ref, ...], ...]:
    return (refs,)


_SUMMARY_GRAND_INCOME = Ref("summary", "总计|收入总计", "income", "income")
_SUMMARY_GRAND_EXPENDITURE = Ref("summary", "总计|支出总计", "expenditure", "expenditure")
_SUMMARY_YEAR_INCOME = _one(Ref("summary", _YEAR_INCOME, "income", "income"), Ref("income", TOTAL, "total"))
_SUMMARY_YEAR_EXPENDITURE = _one(
    Ref("summary", _YEAR_EXPENDITURE, "expenditure", "expenditure"), Ref("expenditure", TOTAL, "total")
)
_FISCAL_GRAND_INCOME = Ref("fiscal_grant_summary", "总计|收入总计", "income", "income")
_FISCAL_GRAND_EXPENDITURE = Ref("fiscal_grant_summary", "总计|支出总计", "expenditure_total", "expenditure")
_PERSONNEL = _one(
    Ref("basic_expenditure_economic", "人员经费合计|人员经费", "amount"),
    Ref("general_budget_expenditure", TOTAL, "basic_personnel"),
)
_PUBLIC = _one(
    Ref("basic_expenditure_economic", "公用经费合计|公用经费", "amount"),
    Ref("general_budget_expenditure", TOTAL, "basic_public"),
)
_GENERAL_BASIC = _one(
    Ref("general_budget_expenditure", TOTAL, "basic"), Ref("basic_expenditure_economic", TOTAL, "amount")
)


def _expenditure_column(column: str) -> tuple[tuple[Ref, ...], ...]:
    return _one(Ref("expenditure", TOTAL, column))


def _three_public(row: str) -> tuple[tuple[Ref, ...], ...]:
    return _one(*(Ref(table, row, "final") for table in THREE_PUBLIC_TABLES))


_OVERALL = (
    Phrase("收入总计", (_one(_SUMMARY_GRAND_INCOME))),
    Phrase("支出总计", (_one(_SUMMARY_GRAND_EXPENDITURE))),
    Phrase("收支总计", ((_SUMMARY_GRAND_INCOME,), (_SUMMARY_GRAND_EXPENDITURE,))),
    Phrase("(?:本年)?收入合计", _SUMMARY_YEAR_INCOME),
    Phrase("(?:本年)?支出合计", _SUMMARY_YEAR_EXPENDITURE),
    Phrase("财政拨款收入", _one(Ref("income", TOTAL, "fiscal_grant"))),
    Phrase("基本支出", _expenditure_column("basic")),
    Phrase("项目支出", _expenditure_column("project")),
    Phrase("上缴上级支出", _expenditure_column("remit_superior")),
    Phrase("(?:事业单位)?经营支出", _expenditure_column("operating")),
    Phrase("对附属单位补助支出", _expenditure_column("subsidiary")),
)

PHRASES: dict[str, tuple[Phrase, ...]] = {
    SUMMARY: _OVERALL,
    # under 收入决算情况说明 "2023年度收入…万元" is 本年收入合计; likewise 支出
    INCOME: (*_OVERALL, Phrase("(?:本年)?收入", _SUMMARY_YEAR_INCOME)),
    EXPENDITURE: (*_OVERALL, Phrase("(?:本年)?支出", _SUMMARY_YEAR_EXPENDITURE)),
    FISCAL_GRANT: (
        Phrase("(?:财政拨款)?收入总计", _one(_FISCAL_GRAND_INCOME)),
        Phrase("(?:财政拨款)?支出总计", _one(_FISCAL_GRAND_EXPENDITURE)),
        Phrase("(?:财政拨款)?收支总计", ((_FISCAL_GRAND_INCOME,), (_FISCAL_GRAND_EXPENDITURE,))),
        Phrase("(?:财政拨款)?(?:本年)?收入合计", _one(Ref("fiscal_grant_summary", _YEAR_INCOME, "income", "income"))),
        Phrase(
            "(?:财政拨款)?(?:本年)?支出合计",
            _one(Ref("fiscal_grant_summary", _YEAR_EXPENDITURE, "expenditure_total", "expenditure")),
        ),
    ),
    GENERAL_BUDGET: (
        Phrase(
            "一般公共预算(?:财政)?拨款(?:本年)?支出",
            _one(
                Ref("general_budget_expenditure", TOTAL, "total"),
                Ref("fiscal_grant_summary", _YEAR_EXPENDITURE, "expenditure_general", "expenditure"),
            ),
        ),
        Phrase("基本支出", _one(Ref("general_budget_expenditure", TOTAL, "basic"))),
        Phrase("项目支出", _one(Ref("general_budget_expenditure", TOTAL, "project"))),
        Phrase("人员经费(?:合计)?", _PERSONNEL),
        Phrase("公用经费(?:合计)?", _PUBLIC),
    ),
    BASIC: (
        Phrase("(?:一般公共预算(?:财政)?(?:拨款)?)?基本支出", _GENERAL_BASIC),
        Phrase("人员经费(?:合计)?", _PERSONNEL),
        Phrase("公用经费(?:合计)?", _PUBLIC),
    ),
    THREE_PUBLIC: (
        Phrase("(?:一般公共预算)?(?:财政)?(?:拨款)?三公经费(?:财政拨款)?", _three_public(_THREE_PUBLIC_TOTAL)),
        Phrase(r"因公出国\(境\)(?:经)?费(?:用)?", _three_public(r"因公出国\(境\)费用?")),
        Phrase("公务用车购置及运行(?:维护)?费", _three_public("公务用车购置及运行(维护)?费")),
        Phrase("公务用车购置费", _three_public("公务用车购置费")),
        Phrase("公务用车运行(?:维护)?费", _three_public("公务用车运行(维护)?费")),
        Phrase("公务接待费", _three_public("公务接待费")),
    ),
    OPERATING: (
        Phrase(
            "(?:一般公共预算(?:财政)?拨款安排的)?机关运行经费",
            _one(Ref("three_public_operating", "机关运行经费", "final")),
        ),
    ),
    GOVERNMENT_FUND: (
        Phrase(
            "(?:政府性基金(?:预算)?(?:财政)?(?:拨款)?(?:安排的)?)?(?:本年)?支出",
            _one(Ref("government_fund", TOTAL, "total")),
        ),
    ),
    STATE_CAPITAL: (
        Phrase(
            "(?:国有资本经营预算(?:财政)?(?:拨款)?(?:安排的)?)?(?:本年)?支出",
            _one(Ref("state_capital", TOTAL, "total")),
        ),
    ),
}

# The classified table a section's 科目 (codes, 类/款/项 names) refer to, and the column compared.
CLASSIFIED: dict[str, tuple[str, str]] = {
    SUMMARY: ("expenditure", "total"),
    EXPENDITURE: ("expenditure", "total"),
    INCOME: ("income", "total"),
    GENERAL_BUDGET: ("general_budget_expenditure", "total"),
    BASIC: ("basic_expenditure_economic", "amount"),
    GOVERNMENT_FUND: ("government_fund", "total"),
    STATE_CAPITAL: ("state_capital", "total"),
}
# Where a 类 the classified table does not list is printed by class: (table, group, column). A
# classified table lists only the classes with money; the summary prints every class.
CLASS_SUMMARY: dict[str, tuple[str, str, str]] = {
    SUMMARY: ("summary", "expenditure", "expenditure"),
    EXPENDITURE: ("summary", "expenditure", "expenditure"),
    GENERAL_BUDGET: ("fiscal_grant_summary", "expenditure", "expenditure_general"),
}
# The summary table whose 一、二、… items a section may name by their printed label: column per group.
ITEMS: dict[str, tuple[str, dict[str, str]]] = {
    SUMMARY: ("summary", {"income": "income", "expenditure": "expenditure"}),
    INCOME: ("summary", {"income": "income"}),
    EXPENDITURE: ("summary", {"expenditure": "expenditure"}),
    FISCAL_GRANT: ("fiscal_grant_summary", {"income": "income", "expenditure": "expenditure_total"}),
}

_CODE = re.compile(r"(?P<code>\d{7}|\d{5}|\d{3})-?(?P<name>\D+)")
_PATH = re.compile(r"(?P<class>[^()]+)\(类\)(?:(?P<section>[^()]+)\(款\))?(?:(?P<item>[^()]+)\(项\))?(?:支出)?")


# -- which cell a statement restates ---------------------------------------------------------------


def restatements(document: Document) -> tuple[Restatement, ...]:
    """Every figure of the narrative that restates one table cell, with that cell.

    A figure whose words only say which measure it is ("支出决算为1.57万元") restates the
    quantity named before it in the same sentence, or in the heading of its section.
    """
    found: list[Restatement] = []
    last: Optional[tuple[tuple[int, int], str]] = None  # the sentence and words of the last named quantity
    for statement in statements(document):
        if statement.scope is None or statement.delta or not statement.subject:
            continue
        named = _named(document, statement, last)
        if named is None:
            continue
        item, measure, quantities = named
        last = (statement.sentence, item)
        for refs in quantities:
            place = _first_place(document, refs, measure)
            if place is not None:
                found.append(Restatement(statement, place))
    return tuple(found)


def _named(
    document: Document, statement: Statement, last: Optional[tuple[tuple[int, int], str]]
) -> Optional[tuple[str, Measure, tuple[tuple[Ref, ...], ...]]]:
    """The words naming the statement's quantity, its measure, and where the quantity is printed."""
    assert statement.scope is not None
    for item, measure in _splits(statement.subject):
        if not item:
            if not _STATES_A_MEASURE.search(statement.subject):
                return None  # "支出 5 万元" after "收入总计…，" is not a measure of 收入总计
            inherited = last[1] if last is not None and last[0] == statement.sentence else statement.topic
            quantities = _quantities(document, statement.scope, inherited)
            return None if quantities is None else (inherited, measure, quantities)
        quantities = _quantities(document, statement.scope, item)
        if quantities is not None:
            return item, measure, quantities
    return None


def _splits(subject: str) -> Iterator[tuple[str, Measure]]:
    """Ways to read ``subject`` as a quantity's name followed by measure words, longest name first."""
    yield subject, Measure.ACTUAL
    for cut in range(len(subject) - 1, -1, -1):
        rest = subject[cut:]
        for measure, pattern in _MEASURES:
            if pattern.fullmatch(rest):
                yield subject[:cut], measure
                break


def _quantities(document: Document, scope: str, item: str) -> Optional[tuple[tuple[Ref, ...], ...]]:
    """Where the quantities ``item`` names in a section of ``scope`` are printed.

    None when the words name nothing known; an empty tuple when they name a 科目 or row that the
    document does not print (nothing to compare, but the words were understood).
    """
    for phrase in PHRASES.get(scope, ()):
        if re.fullmatch(phrase.words, item):
            return phrase.cells
    for resolve in (_by_code, _by_path, _by_item, _by_row_label):
        refs = resolve(document, scope, item)
        if refs is not None:
            return tuple((ref,) for ref in refs)
    return None


def _key(text: str) -> str:
    """A label or name as compared: plain, with 财政拨款 and 拨款 taken as the same words."""
    return plain(text).replace("财政拨款", "拨款")


def _same_name(stated: str, label: str) -> bool:
    """True if the text's name is the row's label, with or without a closing 支出."""
    said, printed = _key(stated), _key(label)
    return bool(said) and said in (printed, printed + "支出", printed.removesuffix("支出"))


def _classified(document: Document, scope: str) -> Optional[tuple[Table, str]]:
    if scope not in CLASSIFIED:
        return None
    table_id, column = CLASSIFIED[scope]
    table = document.table(table_id)
    return None if table is None else (table, column)


def _by_code(document: Document, scope: str, item: str) -> Optional[tuple[Ref, ...]]:
    """``2101599-其他医疗保障管理事务支出``: the row with that code, if its label is that name."""
    found = _CODE.fullmatch(item)
    classified = _classified(document, scope)
    if found is None or classified is None:
        return None
    table, column = classified
    rows = table.find(code=found["code"])
    if len(rows) != 1 or not _same_name(found["name"], rows[0].label):
        return ()  # a code the table does not print once under that name: nothing to compare
    return (Ref(table.id, f"code:{found['code']}", column),)


def _by_path(document: Document, scope: str, item: str) -> Optional[tuple[Ref, ...]]:
    """``卫生健康支出（类）医疗保障管理事务（款）行政运行（项）``: the row at the end of the path.

    A 类 alone that the classified table does not list is looked up where the scope's summary
    prints every class.
    """
    found = _PATH.fullmatch(item)
    if found is None:
        return None
    if found["section"] is None and found["item"] is not None:
        return ()
    names = [name for name in (found["class"], found["section"], found["item"]) if name is not None]
    classified = _classified(document, scope)
    if classified is not None:
        table, column = classified
        row = _walk(table, names)
        if row is not None:
            return (Ref(table.id, f"code:{row.code}", column),)
        if _child(table, "", 0, names[0]) is not None:
            return ()  # the 类 is listed, the 款 or 项 under it is not
    return _class_in_summary(document, scope, names[0]) if len(names) == 1 else ()


def _walk(table: Table, names: Sequence[str]) -> Optional[Row]:
    """The row reached by following 类, 款, 项 names down the code hierarchy, or None."""
    row: Optional[Row] = None
    for level, name in enumerate(names):
        row = _child(table, row.code or "" if row is not None else "", level, name)
        if row is None:
            return None
    return row


def _child(table: Table, prefix: str, level: int, name: str) -> Optional[Row]:
    """The one row at ``level`` (0 = 类) under code ``prefix`` named ``name``, or None."""
    rows = [
        row
        for row in table.rows
        if row.code is not None
        and len(row.code) == 3 + 2 * level
        and row.code.startswith(prefix)
        and _same_name(name, row.label)
    ]
    return rows[0] if len(rows) == 1 else None


def _class_in_summary(document: Document, scope: str, name: str) -> tuple[Ref, ...]:
    """A 类 the classified table does not list, where the scope's summary prints it by class."""
    if scope not in CLASS_SUMMARY:
        return ()
    table_id, group, column = CLASS_SUMMARY[scope]
    table = document.table(table_id)
    if table is None:
        return ()
    rows = [row for row in _group_rows(table, group) if row.code is None and _same_name(name, row.label)]
    return (Ref(table.id, re.escape(plain(rows[0].label)), column, group),) if len(rows) == 1 else ()


def _by_item(document: Document, scope: str, item: str) -> Optional[tuple[Ref, ...]]:
    """An 一、二、… item of the scope's summary table named by its label (``其他收入``)."""
    if scope not in ITEMS:
        return None
    table_id, columns = ITEMS[scope]
    table = document.table(table_id)
    if table is None:
        return None
    for group, column in columns.items():
        rows = [row for row in _items(table, group) if _item_key(row.label, group) == _item_key(item, group)]
        if len(rows) == 1:
            return (Ref(table.id, re.escape(plain(rows[0].label)), column, group),)
    return None


def _item_key(text: str, group: str) -> str:
    # the fiscal-grant summary prints 一般公共预算财政拨款 where the text says …财政拨款收入
    key = _key(text)
    return key.removesuffix("收入") if group == "income" else key


def _items(table: Table, group: str) -> list[Row]:
    """The rows of ``group`` above its 本年…合计 row: the items, not the totals and carry-overs."""
    rows = _group_rows(table, group)
    totals = [
        index for index, row in enumerate(rows) if re.fullmatch(f"{_YEAR_INCOME}|{_YEAR_EXPENDITURE}", plain(row.label))
    ]
    return [row for row in rows[: totals[0] if totals else len(rows)] if row.code is None and _key(row.label)]


def _group_rows(table: Table, group: str) -> list[Row]:
    index = group_index(load_spec().table(table.id).groups, group)
    return [row for row in table.rows if index is None or row.group == index]


def _by_row_label(document: Document, scope: str, item: str) -> Optional[tuple[Ref, ...]]:
    """A 科目 of the classified table named without its code (``基本工资``), if only one row has that name."""
    classified = _classified(document, scope)
    if classified is None:
        return None
    table, column = classified
    rows = [row for row in table.rows if row.code is not None and _key(row.label) == _key(item)]
    return (Ref(table.id, f"code:{rows[0].code}", column),) if len(rows) == 1 else None


def _column(ref: Ref, measure: Measure, kind: Optional[str]) -> Optional[str]:
    """The column of ``ref``'s table that holds ``measure``, or None if the table does not print it."""
    if ref.table in THREE_PUBLIC_TABLES:
        if kind == "budget":
            return "budget" if measure is not Measure.FULL_YEAR else None
        return {Measure.ACTUAL: "final", Measure.FULL_YEAR: "full_year_budget"}.get(measure)
    if kind == "budget":
        return ref.column if measure is not Measure.FULL_YEAR else None
    return ref.column if measure is Measure.ACTUAL else None


def _first_place(document: Document, refs: Sequence[Ref], measure: Measure) -> Optional[Place]:
    for ref in refs:
        column = _column(ref, measure, document.kind)
        table = document.table(ref.table)
        if column is None or table is None:
            continue
        row = first(table, ref.row, group_index(load_spec().table(table.id).groups, ref.group))
        cell = None if row is None else row.cell(column)
        if row is not None and cell is not None:
            return Place(table, row, cell)
    return None


# -- the checks --------------------------------------------------------------------------------------

_UNITS = {"万元": Decimal(10000), "元": Decimal(1)}  # in 元


def _where(provenance: Provenance) -> str:
    page = f"第{provenance.page}页" if provenance.page is not None else ""
    line = f"第{provenance.line}行" if provenance.line is not None else ""
    return f"情况说明{page}{line}"


def _quoted(excerpt: str, limit: int = 60) -> str:
    text = " ".join(excerpt.split())
    return f"“{text if len(text) <= limit else '…' + text[-limit + 1 :]}”"


def _in(figure: Figure, unit: str) -> Decimal:
    """The figure's value in ``unit``."""
    return figure.value * _UNITS[figure.unit] / _UNITS[unit]


def compare_amount(restatement: Restatement, unit: str, tolerance: Decimal) -> Optional[Finding]:
    """A ``text.amount`` finding if the stated figure differs from the cell it restates.

    The figure must equal the cell (a blank cell counting as nothing) within ``tolerance`` in the
    document's ``unit``, or within half a unit of the figure's last printed digit if the text
    rounds more coarsely ("0.5万元"); a difference within that is reported at info level.
    """
    figure, place = restatement.statement.figure, restatement.place
    cell = place.cell
    if cell.status is CellStatus.NOT_APPLICABLE:
        return None
    stated = _in(figure, unit)
    difference = stated - (cell.value if cell.value is not None else Decimal(0))
    if difference == 0:
        return None
    allowed = max(tolerance, figure.half_unit() * _UNITS[figure.unit] / _UNITS[unit])
    within = abs(difference) <= allowed
    converted = "" if figure.unit == unit else f"（折合 {amount_text(stated)} {unit}）"
    table_value = cell.raw if cell.status is CellStatus.VALUE else "空白"
    where = f"{table_name(place.table)}“{row_name(place.row)}”行“{column_name(place.table, cell)}”栏"
    said = f"{_where(figure.provenance)}{_quoted(restatement.statement.excerpt)}所述 {figure.printed}{converted}"
    if within:
        message = (
            f"{said}，与{where}的 {table_value} 相差 {amount_text(difference)} {unit}，"
            f"在尾数误差允许范围内（{amount_text(allowed)} {unit}）"
        )
    else:
        message = f"{said}，与{where}的 {table_value} 不符，相差 {amount_text(difference)} {unit}"
    return Finding(
        check=AMOUNT_CHECK,
        severity=Severity.INFO if within else Severity.ERROR,
        message=message,
        table=place.table.id,
        row=place.row.code or place.row.label,
        column=cell.column,
        provenance=figure.provenance,
        printed=figure.printed,
        expected=amount_text(cell.value) if cell.value is not None else cell.raw,
    )


def _amounts(document: Document, context: CheckContext) -> Iterator[Finding]:
    if document.unit not in _UNITS:
        return  # the tables' unit is unknown: a figure in 万元 cannot be set against them
    assert document.unit is not None
    for restatement in restatements(document):
        finding = compare_amount(restatement, document.unit, context.tolerance)
        if finding is not None:
            yield finding


def compare_change(change: Change, unit: str, tolerance: Decimal) -> Optional[Finding]:
    """A ``text.change`` finding if the stated percentage is not the change over last year's figure.

    Last year's figure is this year's minus the change. Each amount may be off by ``tolerance``
    (in the document's ``unit``) or half its last printed digit, whichever is more; the printed
    percentage may be off by half its last digit plus 0.01 percentage point. No finding when last
    year's figure may be nothing (no percentage to speak of).
    """
    sign = 1 if change.rising else -1
    base, amount = _in(change.base, "元"), _in(change.amount, "元")
    slack = tolerance * _UNITS[unit]
    base_slack = max(slack, change.base.half_unit() * _UNITS[change.base.unit])
    amount_slack = max(slack, change.amount.half_unit() * _UNITS[change.amount.unit])
    corners = [
        (this_year, delta)
        for this_year in (max(base - base_slack, Decimal(0)), base + base_slack)
        for delta in (max(amount - amount_slack, Decimal(0)), amount + amount_slack)
    ]
    if any(this_year - sign * delta <= 0 for this_year, delta in corners):
        return None
    possible = [sign * delta / (this_year - sign * delta) * 100 for this_year, delta in corners]
    printed = change.percent if change.percent_rising else -change.percent
    exponent = change.percent.as_tuple().exponent
    assert isinstance(exponent, int)
    margin = Decimal(5).scaleb(exponent - 1) + Decimal("0.01")
    if min(possible) - margin <= printed <= max(possible) + margin:
        return None
    last_year = base - sign * amount
    computed = (sign * amount / last_year * 100).quantize(Decimal(1).scaleb(min(exponent, -2)))
    expected = f"{'增长' if computed >= 0 else '下降'}{abs(computed)}%"
    base_unit = change.base.unit
    message = (
        f"{_where(change.provenance)}{_quoted(change.excerpt)}：本年 {change.base.printed}，"
        f"{'增加' if change.rising else '减少'} {change.amount.printed}，则上年为 "
        f"{amount_text(last_year / _UNITS[base_unit])}{base_unit}，应{expected}，但文字写作{change.printed_percent}"
    )
    return Finding(
        check=CHANGE_CHECK,
        severity=Severity.ERROR,
        message=message,
        provenance=change.provenance,
        printed=change.printed_percent,
        expected=expected,
    )


def _changes(document: Document, context: CheckContext) -> Iterator[Finding]:
    unit = document.unit if document.unit in _UNITS else "万元"
    assert unit is not None
    for change in changes(document):
        finding = compare_change(change, unit, context.tolerance)
        if finding is not None:
            yield finding


@hookimpl
def gongkai_checks() -> Sequence[Check]:
    return (
        Check(
            id=AMOUNT_CHECK,
            severity=Severity.ERROR,
            description="情况说明文字复述的金额（收支总计、基本支出、科目金额、“三公”经费等）与其所对应的表格数一致。",
            run=_amounts,
            tolerance=(
                "允许 0.01（万元尾数误差，可用 --tolerance 调整），文字只写到较少位小数时允许其末位的半个单位；"
                "范围内的差额以 info 报告；只比较能确定对应唯一表格单元格的数字"
            ),
        ),
        Check(
            id=CHANGE_CHECK,
            severity=Severity.ERROR,
            description="情况说明中“比上年增加（减少）…万元，增长（下降）…%”的变动额与百分比相互一致。",
            run=_changes,
            tolerance=(
                "百分比 = 变动额 ÷（本年数 − 变动额）；金额各允许 0.01 的尾数误差，"
                "百分比允许末位舍入再加 0.01 个百分点；上年数可能为零时不判断"
            ),
        ),
    )
