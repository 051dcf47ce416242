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


# What stops each PDF the pdfminer engine would otherwise follow for as long as it is let:
# the limit it goes over, as the one line names it (exit 8), or the corruption it is.
PDFMINER_STOPS = {
    "inflating-stream": (8, "compressed streams inflate to more than 256 MiB (raise it with --max-inflate)"),
    "form-fan-out": (8, "page 1 of the PDF draws more than 20,000 objects (raise it with --max-objects)"),
    "deep-forms": (8, "draws forms within forms more than 100 deep (raise it with --max-depth)"),
    "reference-chain": (8, "object 4 of the PDF is a chain of more than 100 references (raise it with --max-depth)"),
    "self-reference": (12, "object 4 is a reference to itself"),
    "widths-bomb": (8, "a font of the PDF gives widths for more than 20,000 characters (raise it with --max-objects)"),
    "to-unicode-bomb": (
        8,
        "a font of the PDF gives Unicode for more than 20,000 characters (raise it with --max-objects)",
    ),
}


@pytest.mark.parametrize("name", sorted(PDFMINER_STOPS))
def test_pdfminer_is_stopped_by_the_reader_limit_before_the_time_and_memory_limits(name: str, tmp_path: Path) -> None:
    """The reader's own limits name what the PDF went over, long before --timeout would stop it
    (the objects limit lowered so that the fan-out stops within a second)."""
    path = tmp_path / f"{name}.pdf"
    path.write_bytes(HOSTILE[name])
    limits = ["--timeout", "60", "--max-memory", "1000", "--max-objects", "20000", "--pdf-engine", "pdfminer"]
    result = subprocess.run(
        [sys.executable, "-m", "gongkai", "parse", str(path), *limits],
        capture_output=True,
        encoding="utf-8",
        timeout=60,
    )
    code, words = PDFMINER_STOPS[name]
    assert (result.returncode, result.stderr.count("\n")) == (code, 1), result.stderr
    assert words in result.stderr


def test_the_limits_are_raised_by_their_options(tmp_path: Path) -> None:
    """Over the default depth, a chain of 400 references is read with --max-depth 500."""
    path = tmp_path / "chain.pdf"
    path.write_bytes(HOSTILE["reference-chain"])
    result = subprocess.run(
        [sys.executable, "-m", "gongkai", "parse", str(path), "--max-depth", "500", "--pdf-engine", "pdfminer"],
        capture_output=True,
        encoding="utf-8",
        timeout=60,
    )
    assert result.returncode == 10, result.stderr  # read to the end: a page that prints no text
    assert "--max-depth" not in result.stderr


@pytest.mark.parametrize("engine", ["pdfminer", "pdfium"])
def test_both_engines_hold_a_page_to_the_objects_limit(engine: str) -> None:
    """A generated disclosure's second page draws more than 50 objects: refused under a limit of
    50, naming the page and the option, whichever engine reads it; read under the default."""
    import gongkai
    from gongkai.errors import LimitError
    from gongkai.samples import sample_path

    pdf = gongkai.render(gongkai.parse(sample_path()), to="pdf")
    with pytest.raises(
        LimitError, match=r"page 2 of the PDF draws more than 50 objects \(raise it with --max-objects\)"
    ):
        gongkai.parse(pdf, name="sample.pdf", pdf_engine=engine, max_objects=50)
    assert gongkai.parse(pdf, name="sample.pdf", pdf_engine=engine).tables
