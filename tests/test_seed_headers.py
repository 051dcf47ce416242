"""Every column of every standard table parsed from a seed carries the header path printed over it,
exactly as a person read it off the seed text (``expected/headers.tsv``), and no column the print
does not have."""

from __future__ import annotations

import csv
import re
from typing import NamedTuple

import pytest

from gongkai import Document, Table

from .seeds import EXPECTED, FACTS

_LEVEL_BREAK = re.compile(r"(?<!\\)/")


class HandReadHeader(NamedTuple):
    """One hand-read column: the n-th table of an id in a seed, its column and printed header path."""

    seed: str
    table: str
    occurrence: int
    column: str
    header: tuple[str, ...]
    line: int


def _levels(path: str) -> tuple[str, ...]:
    """The levels of a header path written with "/" between them ("\\/" is a slash inside a level)."""
    if not path:
        return ()
    return tuple(level.replace("\\/", "/") for level in _LEVEL_BREAK.split(path))


def hand_read_headers() -> list[HandReadHeader]:
    """Every line of ``expected/headers.tsv``."""
    entries = []
    with open(EXPECTED / "headers.tsv", encoding="utf-8", newline="") as handle:
        for number, fields in enumerate(csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE), start=1):
            if not fields or fields[0].startswith("#"):
                continue
            assert len(fields) == 5, f"headers.tsv line {number}: {fields}"
            seed, table, occurrence, column, path = fields
            entries.append(HandReadHeader(seed, table, int(occurrence), column, _levels(path), number))
    return entries


HEADERS = hand_read_headers()


def _table_key(entry: HandReadHeader) -> tuple[str, str, int]:
    return entry.seed, entry.table, entry.occurrence


def _table_params() -> list[object]:
    params = []
    for seed, table, occurrence in dict.fromkeys(_table_key(entry) for entry in HEADERS):
        marks = [getattr(pytest.mark, FACTS[seed].format)]
        suffix = f"#{occurrence}" if occurrence > 1 else ""
        params.append(pytest.param(seed, table, occurrence, marks=marks, id=f"{seed}-{table}{suffix}"))
    return params


SEEDS = [pytest.param(seed, marks=getattr(pytest.mark, facts.format), id=seed) for seed, facts in sorted(FACTS.items())]


def _nth_table(document: Document, table_id: str, occurrence: int) -> Table | None:
    tables = [table for table in document.tables if table.id == table_id]
    return tables[occurrence - 1] if len(tables) >= occurrence else None


def _show(header: tuple[str, ...]) -> str:
    return "/".join(level.replace("/", "\\/") for level in header) or "（无）"


@pytest.mark.parametrize("seed", SEEDS)
def test_every_standard_table_was_read_by_hand(seed: str) -> None:
    """headers.tsv covers the seed's standard tables, in the printed order, each with its columns."""
    listed = [(entry.table, entry.occurrence) for entry in HEADERS if entry.seed == seed]
    tables = list(dict.fromkeys(listed))
    occurrences: dict[str, int] = {}
    wanted = []
    for table_id in FACTS[seed].tables:
        occurrences[table_id] = occurrences.get(table_id, 0) + 1
        wanted.append((table_id, occurrences[table_id]))
    assert tables == wanted
    columns = [(entry.table, entry.occurrence, entry.column) for entry in HEADERS if entry.seed == seed]
    assert len(columns) == len(set(columns)), "a column read twice"


@pytest.mark.parametrize("seed", SEEDS)
def test_no_table_beyond_the_hand_read_ones(parsed: dict[str, Document], seed: str) -> None:
    """Every parsed table has its columns in headers.tsv: none invented."""
    read = {_table_key(entry) for entry in HEADERS if entry.seed == seed}
    seen: dict[str, int] = {}
    unread = []
    for table in parsed[seed].tables:
        seen[table.id] = seen.get(table.id, 0) + 1
        if (seed, table.id, seen[table.id]) not in read:
            unread.append(f"{table.id}#{seen[table.id]}")
    assert not unread, unread


@pytest.mark.parametrize(("seed", "table_id", "occurrence"), _table_params())
def test_columns_carry_their_printed_headers(
    parsed: dict[str, Document], seed: str, table_id: str, occurrence: int
) -> None:
    table = _nth_table(parsed[seed], table_id, occurrence)
    assert table is not None, f"{seed} {table_id}#{occurrence} not parsed"
    expected = {
        entry.column: entry
        for entry in HEADERS
        if (entry.seed, entry.table, entry.occurrence) == (seed, table_id, occurrence)
    }
    got = {column.id: column.header for column in table.columns}
    problems = []
    for column_id, entry in expected.items():
        where = f"headers.tsv:{entry.line} {seed} {table_id} {column_id}"
        if column_id not in got:
            problems.append(f"{where}: not parsed (printed {_show(entry.header)})")
        elif got[column_id] != entry.header:
            problems.append(f"{where}: printed {_show(entry.header)}, parsed {_show(got[column_id])}")
    for column_id in got.keys() - expected.keys():
        problems.append(f"{seed} {table_id} {column_id}: parsed {_show(got[column_id])}, not printed")
    assert not problems, "\n".join(problems)
