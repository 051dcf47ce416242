"""Which table cell a figure of the 情况说明 restates.

A figure is pinned to a cell only when the words before it name exactly one: the section's
heading says which tables the paragraph is about (:mod:`gongkai.checks.statements`), and the words
must be one of the restatements of ``spec/phrases.toml``, a 科目 code with its name, a 类/款/项 path, or the
name of a row of the table the section is about. Anything else is skipped, never guessed.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterator, Sequence
from typing import Optional

import attrs

from ..canonical import load_spec
from ..phrases import Phrases, Ref, load_phrases
from ..schema import Document, Row, Table
from ..vocabulary import CODE_DIGITS
from .compare import Place
from .labels import first, group_index, plain
from .memo import once
from .statements import (
    BASIC,
    EXPENDITURE,
    FISCAL_GRANT,
    GENERAL_BUDGET,
    GOVERNMENT_FUND,
    INCOME,
    STATE_CAPITAL,
    SUMMARY,
    Statement,
    statements,
)


class Measure(enum.Enum):
    """What of a quantity a figure is: the amount itself (决算数), its budget, its full-year budget."""

    ACTUAL = "actual"
    BUDGET = "budget"
    FULL_YEAR = "full_year"


# Words after a quantity's name that say which measure of it the figure is ("…支出决算为").
_MEASURES: tuple[tuple[Measure, re.Pattern[str]], ...] = (
    (Measure.ACTUAL, re.compile(r"为|均为|共计|是|支出(?:数)?为?|(?:支出)?决算(?:数)?为?|实际支出(?:数)?为?")),
    (Measure.FULL_YEAR, re.compile(r"(?:支出)?全年预算(?:数)?为?")),
    (Measure.BUDGET, re.compile(r"(?:支出)?(?:年初)?预算(?:数|安排)?为?|安排为?")),
)

_LONGEST_MEASURE = 12  # characters: 支出年初预算安排为 is nine

# Measure words that cannot themselves be a quantity: only these restate the quantity named before.
_STATES_A_MEASURE = re.compile(r"决算|预算|安排")


@attrs.frozen
class Restatement:
    """A figure of the text and the table cell it restates."""

    statement: Statement
    place: Place


_YEAR_INCOME = "本年收入合计|收入合计|本年收入"
_YEAR_EXPENDITURE = "本年支出合计|支出合计|本年支出"
THREE_PUBLIC_TABLES = ("three_public", "three_public_operating")


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

_CODE = re.compile(rf"(?P<code>{CODE_DIGITS})-?(?P<name>\D+)")
_PATH = re.compile(r"(?P<class>[^()]+)\(类\)(?:(?P<section>[^()]+)\(款\))?(?:(?P<item>[^()]+)\(项\))?(?:支出)?")


# -- which cell a statement restates ---------------------------------------------------------------


def _named_statements(
    document: Document, phrases: Phrases
) -> tuple[tuple[Statement, Measure, tuple[tuple[Ref, ...], ...]], ...]:
    """Every figure of the narrative whose words name quantities the tables print, with its
    measure and the places of each quantity it names; read once per document."""
    return once("named-statements", document, phrases, lambda: tuple(_read_named_statements(document, phrases)))


def _read_named_statements(
    document: Document, phrases: Phrases
) -> Iterator[tuple[Statement, Measure, tuple[tuple[Ref, ...], ...]]]:
    last: Optional[tuple[tuple[int, int], str]] = None  # the sentence and words of the last named quantity
    for statement in statements(document, phrases):
        if statement.scope is None or statement.delta or not statement.subject:
            continue
        named = _named(document, statement, last, phrases)
        if named is None:
            continue
        item, measure, quantities = named
        last = (statement.sentence, item)
        yield statement, measure, quantities


def restatements(document: Document, phrases: Optional[Phrases] = None) -> tuple[Restatement, ...]:
    """Every figure of the narrative that restates one table cell, with that cell.

    A figure whose words only say which measure it is ("支出决算为1.57万元") restates the
    quantity named before it in the same sentence, or at the opening of its paragraph, or in the
    heading of its section.
    """
    phrases = phrases or load_phrases()
    return once("restatements", document, phrases, lambda: tuple(_restatements(document, phrases)))


def _restatements(document: Document, phrases: Phrases) -> Iterator[Restatement]:
    for statement, measure, quantities in _named_statements(document, phrases):
        for refs in quantities:
            place = first_place(document, refs, measure)
            if place is not None:
                yield Restatement(statement, place)


def on_empty_tables(document: Document, phrases: Optional[Phrases] = None) -> tuple[tuple[Statement, Table], ...]:
    """Figures the narrative states for a quantity whose table is printed empty (no rows: "本表无
    数据"), each with that table: a table of nothing, which a figure other than 0 contradicts."""
    found: list[tuple[Statement, Table]] = []
    for statement, measure, quantities in _named_statements(document, phrases or load_phrases()):
        for refs in quantities:
            if first_place(document, refs, measure) is not None:
                continue
            tables = [document.table(ref.table) for ref in refs]
            empty = next((table for table in tables if table is not None and not table.rows), None)
            if empty is not None and all(table is None or not table.rows for table in tables):
                found.append((statement, empty))
    return tuple(found)


def _named(
    document: Document, statement: Statement, last: Optional[tuple[tuple[int, int], str]], phrases: Phrases
) -> Optional[tuple[str, Measure, tuple[tuple[Ref, ...], ...]]]:
    """The words naming the statement's quantity, its measure, and where the quantity is printed."""
    assert statement.scope is not None
    for item, measure in _splits(statement.subject):
        if not item:
            if not _STATES_A_MEASURE.search(statement.subject):
                return None  # "支出 5 万元" after "收入总计…，" is not a measure of 收入总计
            # the quantity named before in the sentence, else the one the paragraph opens with
            # ("2.…（类）…（项）。主要用于…。全年预算为…，支出决算为…"), else the section's
            candidates = [last[1]] if last is not None and last[0] == statement.sentence else []
            for inherited in (*candidates, statement.lead, statement.topic):
                quantities = quantities_named(document, statement.scope, inherited, phrases) if inherited else None
                if quantities is not None:
                    return inherited, measure, quantities
            return None
        quantities = quantities_named(document, statement.scope, item, phrases)
        if quantities is not None:
            return item, measure, quantities
    return None


def _splits(subject: str) -> Iterator[tuple[str, Measure]]:
    """Ways to read ``subject`` as a quantity's name followed by measure words, longest name first."""
    yield subject, Measure.ACTUAL
    # no measure words are longer than _LONGEST_MEASURE: a longer rest cannot be one, and trying
    # every cut of a figure's words would be quadratic in their length
    for cut in range(len(subject) - 1, max(len(subject) - _LONGEST_MEASURE, 0) - 1, -1):
        rest = subject[cut:]
        for measure, pattern in _MEASURES:
            if pattern.fullmatch(rest):
                yield subject[:cut], measure
                break


def quantities_named(
    document: Document, scope: str, item: str, phrases: Phrases
) -> Optional[tuple[tuple[Ref, ...], ...]]:
    """Where the quantities ``item`` names in a section of ``scope`` are printed.

    None when the words name nothing known; an empty tuple when they name a 科目 or row that the
    document does not print (nothing to compare, but the words were understood).
    """
    known: dict[tuple[str, str], Optional[tuple[tuple[Ref, ...], ...]]] = once(
        "quantities-named", document, phrases, dict
    )  # filled as the checks ask, for this document only
    key = (scope, item)
    if key not in known:
        known[key] = _quantities_named(document, scope, item, phrases)
    return known[key]


def _quantities_named(
    document: Document, scope: str, item: str, phrases: Phrases
) -> Optional[tuple[tuple[Ref, ...], ...]]:
    for phrase in phrases.restatements(scope):
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
        # a final's 预算数 is the budget of the year (年初预算), 全年预算数 the adjusted one
        return {Measure.ACTUAL: "final", Measure.BUDGET: "budget", Measure.FULL_YEAR: "full_year_budget"}[measure]
    if kind == "budget":
        return ref.column if measure is not Measure.FULL_YEAR else None
    return ref.column if measure is Measure.ACTUAL else None


def first_place(document: Document, refs: Sequence[Ref], measure: Measure) -> Optional[Place]:
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
