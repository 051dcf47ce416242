"""Each seed yields exactly the findings a person verified by hand (tests/expected/findings.tsv):
every genuine inconsistency, and nothing on the tables that agree with themselves."""

from __future__ import annotations

import csv
from typing import NamedTuple

import pytest

from gongkai import Document

from .seeds import EXPECTED, FACTS

SEEDS = [pytest.param(seed, marks=getattr(pytest.mark, facts.format), id=seed) for seed, facts in sorted(FACTS.items())]


class Expected(NamedTuple):
    check: str
    severity: str
    table: str
    row: str
    column: str
    printed: str
    expected: str
    line: str


def expected_findings(seed: str) -> list[Expected]:
    with open(EXPECTED / "findings.tsv", encoding="utf-8", newline="") as handle:
        lines = [line for line in handle if line.strip() and not line.startswith("#")]
    rows = list(csv.reader(lines, delimiter="\t"))
    malformed = [fields for fields in rows if len(fields) != 10]
    assert not malformed, f"findings.tsv lines need 10 tab-separated fields: {malformed}"
    return [Expected(*fields[1:9]) for fields in rows if fields[0] == seed]


def reported(document: Document) -> list[Expected]:
    return [
        Expected(
            f.check,
            f.severity.value,
            f.table or "",
            f.row or "",
            f.column or "",
            f.printed or "",
            f.expected or "",
            "" if f.provenance.line is None else str(f.provenance.line),
        )
        for f in document.findings
    ]


@pytest.mark.parametrize("seed", SEEDS)
def test_the_seed_yields_exactly_the_hand_verified_findings(parsed: dict[str, Document], seed: str) -> None:
    got, want = reported(parsed[seed]), expected_findings(seed)
    missing = [f for f in want if f not in got]
    unexpected = [f for f in got if f not in want]
    assert not missing and not unexpected, f"missing: {missing}\nunexpected: {unexpected}"
    assert len(got) == len(want), "a finding is reported twice"


def test_seed_003s_wrong_basic_expenditure_is_an_error_naming_table_row_and_values(
    parsed: dict[str, Document],
) -> None:
    (finding,) = [f for f in parsed["003"].findings if f.check == "table.hierarchy" and f.row == "210"]
    assert finding.severity.value == "error"
    assert (finding.table, finding.column, finding.printed, finding.expected) == (
        "expenditure",
        "basic",
        "465.22",
        "402.22",
    )
    assert "公开03表" in finding.message and "卫生健康支出" in finding.message and "基本支出" in finding.message
    assert finding.provenance.line == 107
