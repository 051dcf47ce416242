"""``gongkai check`` as a user runs it: the report, machine output and the exit codes of --help."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from .seeds import FACTS, FIXTURES

EXIT_OK, EXIT_ERRORS, EXIT_UNREADABLE = 0, 1, 3
SEED_003 = str(FIXTURES / FACTS["003"].file)


def gongkai(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "gongkai", *args], cwd=cwd, capture_output=True, text=True, encoding="utf-8", timeout=120
    )


def test_help_documents_the_exit_codes_of_check(tmp_path: Path) -> None:
    result = gongkai("check", "--help", cwd=tmp_path)
    assert result.returncode == EXIT_OK
    assert "  0  every file was parsed (gongkai check: and no check found an error)" in result.stdout
    assert "  1  gongkai check: a check found at least one error-level inconsistency" in result.stdout
    assert "  3  a file could not be read" in result.stdout


@pytest.mark.text
def test_the_report_shows_seed_003s_wrong_basic_expenditure(tmp_path: Path) -> None:
    result = gongkai("check", SEED_003, cwd=tmp_path)
    assert result.returncode == EXIT_ERRORS, result.stderr
    assert result.stderr == ""
    report = result.stdout
    # grouped by table: the heading of 公开03, then its findings
    assert "\n  公开03表 支出决算表\n" in report
    line = next(line for line in report.splitlines() if "卫生健康支出" in line and "下级科目" in line)
    assert "[错误] table.hierarchy 第107行" in line
    assert "“基本支出”栏印 465.22" in line and "为 402.22" in line and "相差 63.00" in line


@pytest.mark.text
def test_json_and_csv_carry_table_row_column_printed_and_expected(tmp_path: Path) -> None:
    as_json = gongkai("check", SEED_003, "--format", "json", cwd=tmp_path)
    assert as_json.returncode == EXIT_ERRORS
    (document,) = json.loads(as_json.stdout)
    assert document["counts"]["error"] == len([f for f in document["findings"] if f["severity"] == "error"]) > 0
    wanted = {
        "check": "table.hierarchy",
        "table": "expenditure",
        "row": "210",
        "column": "basic",
        "printed": "465.22",
        "expected": "402.22",
    }
    assert any(all(f[key] == value for key, value in wanted.items()) for f in document["findings"])

    as_csv = gongkai("check", SEED_003, "--format", "csv", cwd=tmp_path)
    rows = list(csv.DictReader(io.StringIO(as_csv.stdout)))
    assert {
        (r["check"], r["table_number"], r["row"], r["column"], r["line"], r["printed"], r["expected"]) for r in rows
    } >= {("table.hierarchy", "公开03表", "210", "basic", "107", "465.22", "402.22")}
    assert len(rows) == len(document["findings"])


@pytest.mark.markdown
def test_a_consistent_document_exits_0(tmp_path: Path) -> None:
    result = gongkai("check", str(FIXTURES / FACTS["002"].file), "--severity", "error", cwd=tmp_path)
    assert result.returncode == EXIT_OK, result.stdout
    assert "错误 0" in result.stdout


def test_a_file_that_cannot_be_parsed_gives_its_own_code(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    result = gongkai("check", "empty.txt", SEED_003, cwd=tmp_path)
    assert result.returncode == EXIT_UNREADABLE
    errors = [line for line in result.stderr.splitlines() if line.startswith("gongkai: ")]
    assert errors == ["gongkai: empty.txt: the file is empty"]
    assert "公开03表 支出决算表" in result.stdout  # the good file is still checked


@pytest.mark.text
def test_tolerance_turns_rounding_into_errors(tmp_path: Path) -> None:
    seed_000 = str(FIXTURES / FACTS["000"].file)
    lenient = json.loads(gongkai("check", seed_000, "--format", "json", cwd=tmp_path).stdout)[0]
    strict = json.loads(gongkai("check", seed_000, "--format", "json", "--tolerance", "0", cwd=tmp_path).stdout)[0]
    # every rounding difference let pass becomes an error; the claims not checked stay what they are
    judged_info = [f for f in lenient["findings"] if f["severity"] == "info" and f["checked"]]
    assert strict["counts"]["error"] == lenient["counts"]["error"] + len(judged_info)
    bad = gongkai("check", seed_000, "--tolerance", "-1", cwd=tmp_path)
    assert bad.returncode == 2 and "--tolerance" in bad.stderr
