"""One parsed or generated table as a :class:`~gongkai.rendering.sheet.Grid`, in a region's conventions.

The grid prints what the table holds: its rows in their side-by-side groups, every amount's
printed text unaltered, its 行次 numbers. The region decides the rest: 类/款/项 code columns or
one code column, a 行次 column for tables without codes, a 栏次 row, and the order of columns.
Column headers print the path each column was read under (in the table's own region) or the
region's or canonical header path (``spec/tables.toml``'s labels), which every
region maps back to the same column.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Optional

import attrs

from ..canonical import CanonicalTable, load_spec
from ..registrations import Conventions
from ..schema import Row, Table
from .headers import header_spans, ordinal_row
from .sheet import Grid, Span

_GROUP_NAMES = {"income": "收入", "expenditure": "支出"}
_TOTAL = re.compile(r"合计|总计")


def _columns(table: Table, canonical: CanonicalTable, conventions: Conventions) -> list[str]:
    """The table's columns in the region's printed order (its own order for columns the region
    does not order)."""
    known = {column.id for column in canonical.columns}
    # a printed column the catalogue does not know keeps its place only where no group needs it
    present = [column.id for column in table.columns if column.id in known or not canonical.groups]
    order = conventions.column_order.get(table.id)
    if not order:
        return present
    return [c for c in order if c in present] + [c for c in present if c not in order]


def column_ordinal(
    column: str, order: Sequence[str], table: Table, conventions: Conventions, printed: Optional[Table]
) -> str:
    """The 栏次 number printed over ``column``: the one it was read under, else its place in the
    region's order of columns (or in ``order``)."""
    if printed is not None:
        found = next((c.ordinal for c in printed.columns if c.id == column and c.ordinal), None)
        if found:
            return found
    region_order = conventions.column_order.get(table.id)
    if region_order:
        return str(region_order.index(column) + 1) if column in region_order else ""
    return str(order.index(column) + 1)


def numbered(conventions: Conventions, printed: Optional[Table]) -> bool:
    """True if the table prints a 栏次 row: the region numbers columns, or the table was read
    with numbers over its columns."""
    return conventions.column_numbers or (printed is not None and any(c.ordinal for c in printed.columns))


def header_path(
    canonical: CanonicalTable, column: str, conventions: Conventions, printed: Optional[Table] = None
) -> tuple[str, ...]:
    """The header path a region prints over ``column``: the one the ``printed`` table was read
    under, else the region's own, else the canonical label."""
    if printed is not None:
        found = next((c.header for c in printed.columns if c.id == column and c.header), None)
        if found:
            return found
    if column not in {c.id for c in canonical.columns}:
        return ("",)  # a printed column outside the catalogue, printed without a header
    label = conventions.headers.get(canonical.id, {}).get(column) or canonical.column(column).label
    return tuple(label.split("/"))


def lines_of(rows: Sequence[Row]) -> list[list[Row]]:
    """Rows in printed order, regrouped into printed lines: a line holds at most one row per
    side-by-side group, left to right."""
    lines: list[list[Row]] = []
    for row in rows:
        if lines and lines[-1][-1].group < row.group:
            lines[-1].append(row)
        else:
            lines.append([row])
    return lines


def _code_cells(row: Row, split: bool) -> list[str]:
    code = row.code or ""
    if not split:
        return [code]
    return [code[:3], code[3:5], code[5:7]] if code else ["", "", ""]


@attrs.frozen
class _Printing:
    """What one table's grid is drawn from: the table, its canonical description, the columns
    in printed order, the conventions, whether 行次 print, and the table whose printed headers
    and 栏次 numbers are kept (the table itself in its own conventions, else None)."""

    table: Table
    canonical: CanonicalTable
    columns: list[str]
    conventions: Conventions
    line_numbers: bool
    printed: Optional[Table]

    def path(self, column: str) -> tuple[str, ...]:
        return header_path(self.canonical, column, self.conventions, self.printed)

    def ordinal(self, column: str) -> str:
        return column_ordinal(column, self.columns, self.table, self.conventions, self.printed)

    @property
    def numbered(self) -> bool:
        return numbered(self.conventions, self.printed)


def grid_of(table: Table, conventions: Conventions, own: bool = True) -> Grid:
    """``table`` as a grid in ``conventions``. A 行次 column prints when the table's rows carry
    行次 numbers, or, in another region's conventions (``own`` False), when that region numbers
    the lines of tables without codes. In the table's own conventions its columns keep the
    headers they were printed under."""
    canonical = load_spec().table(table.id)
    line_numbers = any(row.line_number for row in table.rows) or (
        not own and conventions.line_numbers and canonical.classification == "none"
    )
    printing = _Printing(
        table, canonical, _columns(table, canonical, conventions), conventions, line_numbers, table if own else None
    )
    if canonical.groups and not canonical.repeated_groups:
        return _grouped(printing)
    if canonical.repeated_groups:
        return _repeated(printing)
    return _plain(printing)


def _plain(p: _Printing) -> Grid:
    coded = p.canonical.classification != "none"
    split = coded and p.conventions.split_codes
    if not coded:
        lead: list[tuple[str, ...]] = [("项目",)]
    elif split:
        lead = [("项目", "科目编码", part) for part in ("类", "款", "项")] + [("项目", "科目名称")]
    else:
        lead = [("项目", "科目编码"), ("项目", "科目名称")]
    if p.line_numbers:
        lead.append(("行次",))
    paths = lead + [p.path(column) for column in p.columns]
    header = list(header_spans(paths))
    if p.numbered:
        header.append(ordinal_row(["栏次"] + [""] * (len(lead) - 1) + [p.ordinal(c) for c in p.columns]))
    body, totals = [], []
    for index, row in enumerate(p.table.rows, start=1):
        cells = (_code_cells(row, split) if coded else []) + [row.label]
        if p.line_numbers:
            cells.append(row.line_number or str(index))
        cells += [_raw(row, column) for column in p.columns]
        body.append(tuple(cells))
        totals.append(bool(_TOTAL.search(row.label)) and not row.code)
    return Grid(len(paths), tuple(header), tuple(body), tuple(totals))


def _grouped(p: _Printing) -> Grid:
    """Summary tables: income rows on the left, expenditure rows on the right."""
    groups = list(p.canonical.groups)
    by_group = {g: [c for c in p.columns if p.canonical.column(c).group == g] for g in groups}
    paths: list[tuple[str, ...]] = []
    for group in groups:
        name = _GROUP_NAMES.get(group, group)
        paths.append((name, "项目"))
        if p.line_numbers:
            paths.append((name, "行次"))
        paths += [p.path(column) for column in by_group[group]]
    header = list(header_spans(paths))
    if p.numbered:
        texts: list[str] = []
        for group in groups:
            texts += ["栏次"] + ([""] if p.line_numbers else [])
            texts += [p.ordinal(c) for c in by_group[group]]
        header.append(ordinal_row(texts))
    lines = lines_of(p.table.rows)
    body, totals = [], []
    for number, line in enumerate(lines, start=1):
        slots = {row.group: row for row in line}
        cells: list[str] = []
        for index, group in enumerate(groups):
            row = slots.get(index)
            cells.append(row.label if row else "")
            if p.line_numbers:
                fallback = str(number + index * len(lines))
                cells.append((row.line_number or fallback) if row else "")
            cells += [_raw(row, column) if row else "" for column in by_group[group]]
        body.append(tuple(cells))
        totals.append(any(_TOTAL.search(row.label) for row in line))
    return Grid(len(paths), tuple(header), tuple(body), tuple(totals))


def _repeated(p: _Printing) -> Grid:
    """Economic tables: the same (code, name, amounts) group printed side by side."""
    lines = lines_of(p.table.rows)
    count = max(1 + max((row.group for row in p.table.rows), default=0), 1)
    group_paths: list[tuple[str, ...]] = [("科目编码",), ("科目名称",)] + [p.path(column) for column in p.columns]
    paths = group_paths * count
    header: list[tuple[Span, ...]] = list(header_spans(paths))
    body, totals = [], []
    for line in lines:
        slots = {row.group: row for row in line}
        cells: list[str] = []
        for group in range(count):
            row = slots.get(group)
            if row is None:
                cells += [""] * len(group_paths)
                continue
            cells += [row.code or "", row.label] + [_raw(row, column) for column in p.columns]
        body.append(tuple(cells))
        totals.append(any(_TOTAL.search(row.label) and not row.code for row in line))
    return Grid(len(paths), tuple(header), tuple(body), tuple(totals))


def _raw(row: Row, column: str) -> str:
    cell = row.cell(column)
    return cell.raw if cell is not None else ""
