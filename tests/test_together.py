"""A disclosure published as two files — its 情况说明 in one, its tables in the other — is read and
checked as one document: the same tables and the same findings as the disclosure in one file, each
place naming the file it is printed in."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import gongkai
from gongkai import Document, Finding

from .seeds import FACTS, FIXTURES

pytestmark = pytest.mark.markdown


def _split(path: Path, tmp_path: Path) -> tuple[Path, Path, Document]:
    """The seed at ``path`` cut into a 情况说明 file and a tables file, and the seed parsed whole."""
    whole = gongkai.parse(path)
    lines = path.read_text(encoding="utf-8").split("\n")
    first = min(table.provenance.line or 0 for table in whole.tables)
    last = max(row.provenance.line or 0 for table in whole.tables for row in table.rows)
    end = min(line.provenance.line or 0 for line in whole.narrative if (line.provenance.line or 0) > last + 3)
    start = first - 1
    while start > 0 and (not lines[start - 1].strip() or lines[start - 1].startswith("#")):
        start -= 1  # the part's headings (第二部分 决算表, 一、收入支出决算总表) go with the tables
    # the cover stays with the text, as both files of such a disclosure print one
    tables = lines[:2] + lines[start : end - 1]
    text = lines[:start] + lines[end - 1 :]
    (tmp_path / "tables.txt").write_text("\n".join(tables), encoding="utf-8")
    (tmp_path / "text.txt").write_text("\n".join(text), encoding="utf-8")
    return tmp_path / "text.txt", tmp_path / "tables.txt", whole


def _cells(document: Document) -> list[tuple[str, str, str, str]]:
    return [(t.id, r.code or r.label, c.column, c.raw) for t, r, c in document.cells()]


def _key(finding: Finding) -> tuple:
    return (finding.check, finding.severity, finding.table, finding.row, finding.column, finding.printed)


@pytest.mark.parametrize("seed", ["003", "004"])
def test_the_text_and_the_tables_in_two_files_are_checked_as_one_document(seed: str, tmp_path: Path) -> None:
    text, tables, whole = _split(FIXTURES / FACTS[seed].file, tmp_path)
    alone = gongkai.parse(text)
    assert alone.tables == () and alone.narrative, "the 情况说明 alone is a disclosure with no table"
    together = gongkai.parse_together([text, tables])
    assert [t.id for t in together.tables] == [t.id for t in whole.tables]
    assert _cells(together) == _cells(whole)
    assert sorted(map(_key, together.findings)) == sorted(map(_key, whole.findings))
    narrative = [f for f in together.findings if f.check.startswith("text.")]
    assert all(f.provenance.file == str(text) for f in narrative)
    assert all(c.provenance.file == str(tables) for _, _, c in together.cells())
    assert (together.entity, together.year, together.kind) == (whole.entity, whole.year, whole.kind)


def test_the_command_line_reads_two_files_as_one_with_together(tmp_path: Path) -> None:
    text, tables, whole = _split(FIXTURES / FACTS["004"].file, tmp_path)
    assert [f for f in whole.findings if f.check.startswith("text.")], "004's text misstates table figures"
    run = [sys.executable, "-m", "gongkai", "check", "--together", "--summary", str(text), str(tables)]
    result = subprocess.run(run, capture_output=True, text=True, encoding="utf-8", cwd=tmp_path)
    assert result.returncode == 1, result.stderr  # seed 004's text misstates figures of its tables
    assert result.stdout.splitlines() == [gongkai.summary_line(gongkai.parse_together([text, tables]))]
    assert result.stdout.startswith(f"{text} + {tables}: final 2023, ")
