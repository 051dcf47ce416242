"""What differs between two documents' tables, cell by cell, in words a plugin author can act on.

Two tables are the same when they have the same canonical id, printed number and title, and the
same rows in the same order: code, label, 行次, side-by-side group (for tables printed in groups)
and, under every canonical column, the same status, printed text and value; and each canonical
column is read under the header path (and 栏次) it is printed under. A cell a row does not
print at all and a blank cell are the same: a printed grid cannot tell them apart.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Optional

from ..canonical import load_spec
from ..schema import Cell, CellStatus, Document, Row, Table

_BLANK = (CellStatus.BLANK, "", None)


def _where(table: Table) -> str:
    return " ".join(part for part in (table.number, table.title, f"[{table.id}]") if part)


def _row_name(row: Row) -> str:
    return " ".join(part for part in (row.code, row.label) if part) or "(a row without code or label)"


def _cell_key(cell: Optional[Cell]) -> tuple:
    if cell is None:
        return _BLANK
    return (cell.status, cell.raw.strip(), cell.value)


def row_differences(table: Table, expected: Row, actual: Row, grouped: bool) -> Iterator[str]:
    """How ``actual`` differs from ``expected`` (rows of ``table``)."""
    where = f"{_where(table)}, row {_row_name(expected)}"
    for field in ("code", "label", "line_number") + (("group",) if grouped else ()):
        want, got = getattr(expected, field), getattr(actual, field)
        if want != got:
            yield f"{where}: {field} should be {want!r}, parsed {got!r}"
    columns = [cell.column for cell in expected.cells]
    columns += [cell.column for cell in actual.cells if cell.column not in columns]
    for column in columns:
        want, got = _cell_key(expected.cell(column)), _cell_key(actual.cell(column))
        if want != got:
            yield (
                f"{where}, column {column}: printed {want[1]!r} ({want[0].value}), "
                f"parsed {got[1]!r} ({got[0].value}, value {got[2]})"
            )


def table_differences(expected: Table, actual: Table) -> list[str]:
    """How ``actual`` differs from ``expected``; empty when they are the same table."""
    where = _where(expected)
    found = [
        f"{where}: {field} should be {getattr(expected, field)!r}, parsed {getattr(actual, field)!r}"
        for field in ("id", "number", "title")
        if getattr(expected, field) != getattr(actual, field)
    ]
    printed = {column.id: column for column in actual.columns}
    for column in expected.columns:
        other = printed.get(column.id)
        if other is not None and (other.header, other.ordinal) != (column.header, column.ordinal):
            found.append(
                f"{where}: column {column.id} is printed under {'/'.join(column.header)!r}"
                f"{f' (栏次 {column.ordinal})' if column.ordinal else ''}, parsed under {'/'.join(other.header)!r}"
                f"{f' (栏次 {other.ordinal})' if other.ordinal else ''}"
            )
    grouped = bool(load_spec().table(expected.id).groups) if expected.id == actual.id else True
    for want, got in zip(expected.rows, actual.rows):
        found += row_differences(expected, want, got, grouped)
        if len(found) > 20:
            return found
    if len(expected.rows) != len(actual.rows):
        extra = actual.rows[len(expected.rows) :] or expected.rows[len(actual.rows) :]
        found.append(
            f"{where}: {len(expected.rows)} rows printed, {len(actual.rows)} parsed "
            f"(first unmatched: {_row_name(extra[0])})"
        )
    return found


def differences(
    expected: Document, actual: Document, facts: Sequence[str] = ("entity", "year", "kind", "unit")
) -> list[str]:
    """How ``actual``'s tables (and the document ``facts``) differ from ``expected``'s."""
    found = [
        f"document {field} should be {getattr(expected, field)!r}, parsed {getattr(actual, field)!r}"
        for field in facts
        if getattr(expected, field) != getattr(actual, field)
    ]
    want = [table.id for table in expected.tables]
    got = [table.id for table in actual.tables]
    if want != got:
        found.append(f"tables should be {want}, parsed {got}")
    # tables of one id (a form printed for every project, a table printed twice) pair up in order
    by_id: dict[str, list[Table]] = {}
    for table in actual.tables:
        by_id.setdefault(table.id, []).append(table)
    for table in expected.tables:
        if by_id.get(table.id):
            found += table_differences(table, by_id[table.id].pop(0))
    return found
