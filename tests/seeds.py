"""The five seed disclosures and what a person read off each of them.

``FACTS`` were written by hand from each document's cover, table headers and text; the expected
cells in ``expected/NNN.tsv`` were typed by hand from the printed tables (see the comment at the
head of each section there).
"""

from __future__ import annotations

import csv
from decimal import Decimal
from pathlib import Path
from typing import NamedTuple, Optional

import attrs

from gongkai import CellStatus, Document, Row, Table

HERE = Path(__file__).parent
FIXTURES = HERE / "fixtures"
EXPECTED = HERE / "expected"

FINAL_01_05 = ("summary", "income", "expenditure", "fiscal_grant_summary", "general_budget_expenditure")


@attrs.frozen
class SeedFacts:
    file: str
    format: str
    plugin: str
    region: str
    entity: str
    year: int
    kind: str
    scope: str
    unit: str
    tables: tuple[str, ...]
    numbers: tuple[Optional[str], ...]
    missing: tuple[str, ...] = ()


FACTS = {
    "000": SeedFacts(
        file="000_d178e83414a3c697.txt", format="text", plugin="fujian", region="福建省",
        entity="福建省医疗保障基金中心", year=2023, kind="final", scope="unit", unit="万元",
        tables=("summary", "basic_expenditure_economic", "three_public", "government_fund", "state_capital"),
        numbers=("公开01表", "公开06表", "公开07表", "公开08表", "公开09表"),
        missing=("income", "expenditure", "fiscal_grant_summary", "general_budget_expenditure"),
    ),
    "001": SeedFacts(
        file="001_837d346b324402fd.txt", format="text", plugin="fujian", region="福建省/泉州市",
        entity="泉州市医疗保障基金中心", year=2023, kind="final", scope="unit", unit="万元",
        tables=FINAL_01_05 + ("basic_expenditure_economic", "three_public", "government_fund", "state_capital"),
        numbers=tuple(f"公开0{n}表" for n in range(1, 10)),
    ),
    "002": SeedFacts(
        file="002_99a0e79d6e43ffbd.txt", format="markdown", plugin="fujian", region="福建省/福州市",
        entity="福州市医疗保障局", year=2024, kind="budget", scope="department", unit="万元",
        tables=FINAL_01_05 + ("government_fund", "state_capital", "general_budget_economic",
                              "basic_expenditure_economic", "three_public") + ("performance_targets",) * 13,
        numbers=(None,) * 23,
    ),
    "003": SeedFacts(
        file="003_918f25c38c78e23d.txt", format="text", plugin="yunnan", region="云南省/曲靖市/沾益区",
        entity="曲靖市沾益区医疗保障局", year=2023, kind="final", scope="department", unit="万元",
        tables=FINAL_01_05 + ("basic_expenditure_economic", "project_expenditure_economic", "government_fund",
                              "three_public_operating", "three_public", "state_assets"),
        numbers=tuple(f"公开{n:02d}表" for n in (1, 2, 3, 4, 5, 6, 7, 8, 10, 11, 12)),
    ),
    "004": SeedFacts(
        file="004_5fb32d9fdb188baf.txt", format="markdown", plugin="hubei", region="湖北省/随州市/曾都区",
        entity="随州市曾都区医疗保障服务中心", year=2023, kind="final", scope="department", unit="万元",
        tables=FINAL_01_05 + ("basic_expenditure_economic", "government_fund", "state_capital", "three_public"),
        numbers=tuple(f"公开0{n}表" for n in range(1, 10)),
    ),
}  # fmt: skip


class Expected(NamedTuple):
    """One hand-read amount cell: table, code, label (``label#n`` = n-th such row), column, raw."""

    table: str
    code: str
    label: str
    column: str
    raw: str
    line: int

    @property
    def bare_label(self) -> str:
        return self.label.split("#")[0]

    @property
    def occurrence(self) -> int:
        return int(self.label.split("#")[1]) if "#" in self.label else 1

    def status(self) -> CellStatus:
        if not self.raw:
            return CellStatus.BLANK
        if self.raw in {"—", "-", "－", "–"}:
            return CellStatus.NOT_APPLICABLE
        return CellStatus.VALUE

    def value(self) -> Optional[Decimal]:
        return Decimal(self.raw.replace(",", "")) if self.status() is CellStatus.VALUE else None


def expected_cells(seed: str) -> list[Expected]:
    """The hand-read cells of a seed."""
    cells = []
    with open(EXPECTED / f"{seed}.tsv", encoding="utf-8", newline="") as handle:
        for number, fields in enumerate(csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE), start=1):
            if not fields or fields[0].startswith("#"):
                continue
            assert len(fields) == 5, f"{seed}.tsv line {number}: {fields}"
            cells.append(Expected(*fields, line=number))
    return cells


def find_row(table: Table, expected: Expected) -> Optional[Row]:
    """The parsed row an expected cell belongs to: by code, else by label and occurrence."""
    if expected.code:
        rows = [row for row in table.rows if row.code == expected.code]
        return rows[0] if rows else None
    rows = [
        row
        for row in table.rows
        if row.code is None and row.label == expected.bare_label and row.cell(expected.column) is not None
    ]
    return rows[expected.occurrence - 1] if len(rows) >= expected.occurrence else None


def cell_key(document: Document) -> set[tuple[str, str, str, str, str]]:
    """Every parsed amount cell of ``document`` as (table, code, label#n, column, raw)."""
    keys = set()
    for table in document.tables:
        seen: dict[tuple[str, str], int] = {}
        for row in table.rows:
            for cell in row.cells:
                label = row.label
                if row.code is None:
                    seen[(label, cell.column)] = seen.get((label, cell.column), 0) + 1
                    if seen[(label, cell.column)] > 1:
                        label = f"{label}#{seen[(label, cell.column)]}"
                keys.add((table.id, row.code or "", label, cell.column, cell.raw))
    return keys
