"""Every seed parses completely, against values a person read off the printed tables."""

from __future__ import annotations

import pytest

from gongkai import CellStatus, Document

from .seeds import FACTS, expected_cells, find_row

SEEDS = [pytest.param(seed, marks=getattr(pytest.mark, facts.format), id=seed) for seed, facts in sorted(FACTS.items())]


@pytest.mark.parametrize("seed", SEEDS)
def test_document_facts(parsed: dict[str, Document], seed: str) -> None:
    document, facts = parsed[seed], FACTS[seed]
    assert (document.format, document.plugin, document.region.path()) == (facts.format, facts.plugin, facts.region)
    assert (document.entity, document.year, document.kind) == (facts.entity, facts.year, facts.kind)
    assert (document.scope, document.unit) == (facts.scope, facts.unit)


@pytest.mark.parametrize("seed", SEEDS)
def test_standard_tables_present_in_printed_order(parsed: dict[str, Document], seed: str) -> None:
    document, facts = parsed[seed], FACTS[seed]
    assert tuple(table.id for table in document.tables) == facts.tables
    assert tuple(table.number for table in document.tables) == facts.numbers


@pytest.mark.parametrize("seed", SEEDS)
def test_tables_listed_but_absent_are_missing_not_invented(parsed: dict[str, Document], seed: str) -> None:
    document, facts = parsed[seed], FACTS[seed]
    assert tuple(m.table for m in document.missing) == facts.missing
    assert not set(facts.missing) & {table.id for table in document.tables}


@pytest.mark.parametrize("seed", SEEDS)
def test_every_hand_read_cell(parsed: dict[str, Document], seed: str) -> None:
    document = parsed[seed]
    problems = []
    for expected in expected_cells(seed):
        table = document.table(expected.table)
        row = find_row(table, expected) if table else None
        cell = row.cell(expected.column) if row else None
        where = f"{seed}.tsv:{expected.line} {expected.table} {expected.code} {expected.label} {expected.column}"
        if cell is None:
            problems.append(f"{where}: not parsed")
        elif row is not None and row.label != expected.bare_label:
            problems.append(f"{where}: label parsed as {row.label!r}")
        elif (cell.raw, cell.status, cell.value) != (expected.raw, expected.status(), expected.value()):
            problems.append(f"{where}: expected {expected.raw!r}, parsed {cell.raw!r} ({cell.status.value})")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("seed", SEEDS)
def test_no_cell_beyond_the_printed_ones(parsed: dict[str, Document], seed: str) -> None:
    """Tables read in full by hand have exactly the hand-read cells: nothing invented."""
    from .seeds import cell_key

    expected = expected_cells(seed)
    full = {e.table for e in expected} & {
        "summary",
        "income",
        "expenditure",
        "fiscal_grant_summary",
        "general_budget_expenditure",
    }
    wanted = {(e.table, e.code, e.label if not e.code else "", e.column, e.raw) for e in expected if e.table in full}
    got = {
        (table, code, label if not code else "", column, raw)
        for table, code, label, column, raw in cell_key(parsed[seed])
        if table in full
    }
    assert got - wanted == set(), sorted(got - wanted)[:20]
    assert wanted - got == set(), sorted(wanted - got)[:20]


@pytest.mark.parametrize("seed", SEEDS)
def test_blank_zero_and_dash_are_kept_apart(parsed: dict[str, Document], seed: str) -> None:
    for _, _, cell in parsed[seed].cells():
        if cell.status is CellStatus.VALUE:
            assert cell.value is not None and cell.raw
        elif cell.status is CellStatus.BLANK:
            assert cell.value is None and cell.raw == ""
        else:
            assert cell.value is None and cell.raw
