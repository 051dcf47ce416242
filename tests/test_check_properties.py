"""Laws of the checks on the real seeds: change one printed amount and a check names the place.

Every amount of the standard tables takes part in some accounting identity (its row's column
formula, its parent code's sum, its side's total), so changing one by 0.02 or more must change
what the checks report about that table and that row: a new finding on the row itself, or on the
row its amount adds up into (the finding's ``addends`` list the rows it was computed from).
"""

from __future__ import annotations

from decimal import Decimal

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import gongkai
from gongkai import CellStatus, Document, Finding, Row, Table

from .seeds import FACTS, FIXTURES

# The tables of amounts; Yunnan's 公开10 is left out because beside its money rows it prints
# counts (团组数, 车辆保有量, 接待人次) that no identity relates to anything.
AMOUNT_TABLES = frozenset(
    {
        "summary",
        "income",
        "expenditure",
        "fiscal_grant_summary",
        "general_budget_expenditure",
        "basic_expenditure_economic",
        "general_budget_economic",
        "project_expenditure_economic",
        "government_fund",
        "state_capital",
        "three_public",
        "state_assets",
    }
)


@pytest.fixture(scope="module")
def unchecked() -> dict[str, Document]:
    return {seed: gongkai.parse(FIXTURES / facts.file, checks=False) for seed, facts in FACTS.items()}


def _places(document: Document) -> list[tuple[int, int, int]]:
    """(table, row, cell) indexes of every printed amount of a named row of the amount tables."""
    return [
        (t, r, c)
        for t, table in enumerate(document.tables)
        if table.id in AMOUNT_TABLES
        for r, row in enumerate(table.rows)
        if row.code or row.label
        for c, cell in enumerate(row.cells)
        if cell.status is CellStatus.VALUE
    ]


def _change(document: Document, t: int, r: int, c: int, delta: Decimal) -> Document:
    table = document.tables[t]
    row = table.rows[r]
    cell = row.cells[c]
    assert cell.value is not None
    value = cell.value + delta
    changed = attrs.evolve(cell, value=value, raw=f"{value:.2f}")
    new_row = attrs.evolve(row, cells=row.cells[:c] + (changed,) + row.cells[c + 1 :])
    new_table = attrs.evolve(table, rows=table.rows[:r] + (new_row,) + table.rows[r + 1 :])
    return attrs.evolve(document, tables=document.tables[:t] + (new_table,) + document.tables[t + 1 :])


def _names(finding: Finding, table: Table, row: Row) -> bool:
    key = row.code or row.label
    return finding.table == table.id and (finding.row == key or key in finding.addends)


deltas = st.integers(min_value=2, max_value=1_000_000).map(lambda n: Decimal(n) / 100) | st.integers(
    min_value=2, max_value=1_000_000
).map(lambda n: -Decimal(n) / 100)


@pytest.mark.parametrize("seed", [pytest.param(s, marks=getattr(pytest.mark, f.format)) for s, f in FACTS.items()])
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_changing_one_amount_makes_a_check_name_its_table_and_row(
    unchecked: dict[str, Document], seed: str, data: st.DataObject
) -> None:
    document = unchecked[seed]
    t, r, c = data.draw(st.sampled_from(_places(document)), label="place")
    delta = data.draw(deltas, label="delta")
    before = set(gongkai.check(document))
    after = set(gongkai.check(_change(document, t, r, c, delta)))
    table, row = document.tables[t], document.tables[t].rows[r]
    differing = before ^ after
    assert any(_names(f, table, row) for f in differing), (
        f"changing {table.id} “{row.code or row.label}” {row.cells[c].column} by {delta} went unnoticed"
    )
