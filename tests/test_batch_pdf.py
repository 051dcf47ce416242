"""``gongkai batch`` over PDFs: a password-protected and a truncated PDF among good ones are
recorded in the manifest with their reasons and exit codes, and the good ones are read as
``gongkai parse`` reads them, in two worker processes."""

from __future__ import annotations

import csv
import subprocess
import sys
from pathlib import Path

import pytest

import gongkai

pytestmark = pytest.mark.pdf
pytest.importorskip("pdfminer")

from gongkai.testing import print_pdf  # noqa: E402
from gongkai.testing.broken import text_pdf  # noqa: E402

from .seeds import FIXTURES  # noqa: E402

EXIT_ENCRYPTED = 9


def test_bad_pdfs_are_recorded_and_the_batch_goes_on(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    seeds = sorted(FIXTURES.glob("*.txt"))[:3]
    printed = [print_pdf(gongkai.parse(seed)).data for seed in seeds]
    for index, data in enumerate(printed):
        (tmp_path / "in" / f"{index}-good.pdf").write_bytes(data)
    (tmp_path / "in" / "5-locked.pdf").write_bytes(text_pdf([["2024年度 样例局 部门决算"]], encrypt="secret"))
    (tmp_path / "in" / "6-cut.pdf").write_bytes(printed[0][: len(printed[0]) // 3])
    result = subprocess.run(
        [sys.executable, "-m", "gongkai", "batch", "in", "-o", "out", "-j", "2"],
        cwd=tmp_path,
        capture_output=True,
        encoding="utf-8",
    )
    assert "Traceback" not in result.stderr
    assert result.returncode == EXIT_ENCRYPTED, result.stderr
    with (tmp_path / "out" / "manifest.csv").open(encoding="utf-8", newline="") as stream:
        rows = list(csv.DictReader(stream))
    assert [row["status"] for row in rows] == ["ok", "ok", "ok", "failed", "failed"]
    for row in rows[:3]:
        alone = gongkai.parse(tmp_path / row["file"], name=row["file"])
        assert int(row["tables"]) == len(alone.tables) > 0
        assert int(row["cells"]) == sum(1 for table in alone.tables for r in table.rows for c in r.cells)
    assert "password" in rows[3]["reason"] or "encrypted" in rows[3]["reason"], rows[3]
    assert rows[4]["reason"], rows[4]
    reasons = {line for line in result.stderr.splitlines() if line.startswith("gongkai: ")}
    assert reasons == {f"gongkai: {row['file']}: {row['reason']}" for row in rows[3:]}
