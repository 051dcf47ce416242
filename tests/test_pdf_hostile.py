"""Hostile PDFs (:mod:`gongkai.testing.hostile`): on either engine, each ends within the time and
memory limits with one line naming the file and a documented exit code, never an internal error
or a traceback: refused for its structure (corrupt, no pages, no text), or stopped by a limit
(exit 8) when only a limit can stop it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.pdf
pytest.importorskip("pdfminer")
pytest.importorskip("pypdfium2")

from gongkai.testing.hostile import hostile_pdfs  # noqa: E402

DOCUMENTED = {3, 4, 8, 9, 10, 11, 12, 13}  # every error but 7 (a bug)
HOSTILE = hostile_pdfs()


@pytest.mark.parametrize("engine", ["pdfminer", "pdfium"])
@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_a_hostile_pdf_is_one_line_and_a_documented_code_within_the_limits(
    name: str, engine: str, tmp_path: Path
) -> None:
    path = tmp_path / f"{name}.pdf"
    path.write_bytes(HOSTILE[name])
    limits = ["--timeout", "3", "--max-memory", "500", "--pdf-engine", engine]
    result = subprocess.run(
        [sys.executable, "-m", "gongkai", "parse", str(path), *limits],
        capture_output=True,
        encoding="utf-8",
        timeout=60,
    )
    assert result.returncode in DOCUMENTED, result.stderr
    assert result.stderr.startswith(f"gongkai: {path}: ") and result.stderr.count("\n") == 1, result.stderr
    assert result.stdout == ""
