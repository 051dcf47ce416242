"""PDFs that cannot be read: each gives one line on stderr naming the file and the reason, its own
documented exit code, no traceback and no output file.

Every bad file is made here or by :mod:`gongkai.testing.broken`: encrypted with a password,
scanned (pages that are only pictures), text without a Unicode map (a hand-written PDF whose CID
font has no ToUnicode), truncated, corrupt, and over the page and size limits.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from gongkai import Limits
from gongkai.errors import InputError
from gongkai.readers import pdf as pdf_reader
from gongkai.testing.broken import garbled_pdf, scanned_pdf, text_pdf

from .test_cli import assert_one_error_line, run, text

pytestmark = pytest.mark.pdf
pytest.importorskip("pdfminer")

EXIT_LIMIT, EXIT_ENCRYPTED, EXIT_NO_TEXT, EXIT_GARBLED, EXIT_CORRUPT = 8, 9, 10, 11, 12
TITLE_PAGE = ["2024年度 样例局 部门决算", "收入支出决算总表", "单位：万元"]


def _truncated() -> bytes:
    data = text_pdf([TITLE_PAGE])
    return data[: len(data) // 2]


def _corrupt() -> bytes:
    return b"%PDF-1.7\n" + bytes(range(256)) * 40 + b"\n%%EOF\n"


CASES: dict[str, tuple[Callable[[], bytes], int, tuple[str, ...]]] = {
    "encrypted": (lambda: text_pdf([TITLE_PAGE], encrypt="secret"), EXIT_ENCRYPTED, ("encrypted", "password")),
    "scanned": (scanned_pdf, EXIT_NO_TEXT, ("no text layer", "OCR")),
    "garbled": (garbled_pdf, EXIT_GARBLED, ("does not decode", "Unicode")),
    "truncated": (_truncated, EXIT_CORRUPT, ("truncated",)),
    "corrupt": (_corrupt, EXIT_CORRUPT, ("corrupt",)),
}


@pytest.mark.parametrize("case", list(CASES))
def test_unreadable_pdf_is_one_line_with_its_exit_code(case: str, tmp_path: Path) -> None:
    make, code, words = CASES[case]
    path = tmp_path / f"{case}.pdf"
    path.write_bytes(make())
    result = run("parse", str(path), "-o", str(tmp_path / "out.json"), cwd=tmp_path)
    assert result.returncode == code, text(result.stderr)
    reason = assert_one_error_line(result, str(path))
    for word in words:
        assert word in reason, reason
    assert not (tmp_path / "out.json").exists()


def test_page_limit_can_be_raised(tmp_path: Path) -> None:
    path = tmp_path / "long.pdf"
    path.write_bytes(text_pdf([TITLE_PAGE, ["第二页"], ["第三页"]]))
    result = run("parse", str(path), "--max-pages", "2", cwd=tmp_path)
    assert result.returncode == EXIT_LIMIT
    reason = assert_one_error_line(result, str(path))
    assert "3 pages" in reason and "--max-pages" in reason, reason
    within = run("parse", str(path), "--max-pages", "3", cwd=tmp_path)
    assert within.returncode == 0, text(within.stderr)


def test_size_limit_names_its_option(tmp_path: Path) -> None:
    path = tmp_path / "big.pdf"
    path.write_bytes(scanned_pdf(pages=3))
    result = run("parse", str(path), "--max-size", "0.001", cwd=tmp_path)
    assert result.returncode == EXIT_LIMIT
    assert "--max-size" in assert_one_error_line(result, str(path))


def test_help_documents_every_pdf_exit_code(tmp_path: Path) -> None:
    result = run("parse", "--help", cwd=tmp_path)
    help_text = " ".join(text(result.stdout).split())
    for code, words in {
        EXIT_LIMIT: "--max-pages",
        EXIT_ENCRYPTED: "encrypted",
        EXIT_NO_TEXT: "OCR",
        EXIT_GARBLED: "Unicode",
        EXIT_CORRUPT: "truncated or corrupt",
    }.items():
        assert f" {code} " in help_text and words in help_text, (code, words)


def test_without_the_pdf_extra_a_pdf_gets_a_line_saying_how_to_install_it(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in [name for name in sys.modules if name.startswith(("pdfminer", "gongkai.readers.pdf."))]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, "pdfminer", None)  # what a missing package looks like to import
    with pytest.raises(InputError) as raised:
        pdf_reader.read_pdf(text_pdf([TITLE_PAGE]), "plain.pdf", Limits())
    assert "pip install 'gongkai[pdf]'" in str(raised.value)


def test_a_damaged_stream_leaves_no_library_chatter_on_stderr(tmp_path: Path) -> None:
    """pdfminer logs warnings about damaged streams; the command line says at most its one line."""
    data = bytearray(text_pdf([TITLE_PAGE, ["第二页"]]))
    start = data.index(b"stream", data.index(b"/Contents")) + 20  # inside a page's compressed content
    data[start : start + 8] = b"\x00garbled"
    path = tmp_path / "damaged.pdf"
    path.write_bytes(bytes(data))
    result = run("parse", str(path), "-o", str(tmp_path / "out.json"), cwd=tmp_path)
    stderr = text(result.stderr)
    assert len(stderr.splitlines()) <= 1 and "Traceback" not in stderr, stderr
    if result.returncode:
        assert_one_error_line(result, str(path))
