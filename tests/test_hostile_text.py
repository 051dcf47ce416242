"""Hostile text and markdown: every pattern run over a document's lines is linear in its input,
so a megabyte built to make a backtracking pattern explode (a line of spaces, of tabs, blank
lines by the hundred thousand, tags that never close) parses like any other megabyte; a
numeric character reference of thousands of digits is a replacement character, not an internal
error; text saved as UTF-16 or UTF-32 with its byte-order mark reads as its UTF-8 twin.

Each case runs ``gongkai parse`` in a child process with a time limit, so that a pattern that
does explode fails the test instead of hanging the suite; the limit is a hang guard far above
the second or so a linear reading takes, not a speed measurement.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from .seeds import FIXTURES

SEED = (FIXTURES / "002_99a0e79d6e43ffbd.txt").read_text(encoding="utf-8")
MB = 1_000_000
HANG_GUARD = 120  # seconds; a quadratic pattern on a megabyte takes hours

text = pytest.mark.text
markdown = pytest.mark.markdown

# (name, the document, the format's marker): each wraps the seed's tables in hostile lines
HOSTILE = [
    pytest.param("spaces.txt", SEED + "\n" + " " * MB + "\n", marks=text, id="text-line-of-spaces"),
    pytest.param("page.txt", SEED + "\n\n-" + " " * MB + "7\n\n", marks=text, id="text-page-number-spaces"),
    pytest.param("digits.txt", SEED + "\n目录\n" + "1" * MB + "\n", marks=text, id="text-digit-run-in-contents"),
    pytest.param("tabs.md", "# 部门预算\n" + "\t" * MB + "\n" + SEED, marks=markdown, id="markdown-line-of-tabs"),
    pytest.param("blank.md", "# 部门预算\n" + "\n" * (MB // 2) + SEED, marks=markdown, id="markdown-blank-lines"),
    pytest.param("pipes.md", "# 部门预算\n|" + " " * MB + "\n" + SEED, marks=markdown, id="markdown-open-pipe-row"),
    pytest.param("dashes.md", "# 部门预算\n|" + " -" * (MB // 2) + "x\n" + SEED, marks=markdown, id="markdown-dashes"),
    pytest.param("heading.md", "# 部门预算" + " " * MB + "x\n" + SEED, marks=markdown, id="markdown-long-heading"),
    pytest.param(
        "inputs.md", "# 部门预算\n" + "<input " * (MB // 7) + "\n" + SEED, marks=markdown, id="markdown-open-tags"
    ),
]


def parse(path: Path) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "gongkai", "parse", str(path)], capture_output=True, timeout=HANG_GUARD
    )


def tables(output: bytes) -> list[tuple[str, int]]:
    return [(table["id"], len(table["rows"])) for table in json.loads(output)["tables"]]


@pytest.fixture(scope="module")
def seed_tables(tmp_path_factory: pytest.TempPathFactory) -> list[tuple[str, int]]:
    path = tmp_path_factory.mktemp("seed") / "seed.txt"
    path.write_text(SEED, encoding="utf-8")
    return tables(parse(path).stdout)


@pytest.mark.parametrize(("name", "document"), HOSTILE)
def test_hostile_lines_parse_in_linear_time(
    name: str, document: str, seed_tables: list[tuple[str, int]], tmp_path: Path
) -> None:
    path = tmp_path / name
    path.write_text(document, encoding="utf-8")
    result = parse(path)  # raises TimeoutExpired if a pattern backtracks
    assert result.returncode == 0, result.stderr.decode("utf-8")
    assert tables(result.stdout) == seed_tables, "the hostile lines do not change the tables read"


@markdown
def test_a_huge_numeric_character_reference_is_a_replacement_character(tmp_path: Path) -> None:
    path = tmp_path / "reference.md"
    path.write_text("# 部门预算\n说明&#" + "9" * 5000 + ";与&#x" + "F" * 5000 + ";\n" + SEED, encoding="utf-8")
    result = parse(path)
    assert result.returncode == 0, result.stderr.decode("utf-8")
    narrative = [line["text"] for line in json.loads(result.stdout)["narrative"]]
    assert "说明\ufffd与\ufffd" in narrative


@pytest.mark.parametrize(
    ("name", "encoding", "mark"),
    [
        pytest.param("le.txt", "utf-16-le", b"\xff\xfe", marks=text, id="text-utf16-le"),
        pytest.param("be.txt", "utf-16-be", b"\xfe\xff", marks=text, id="text-utf16-be"),
        pytest.param("wide.txt", "utf-32", b"", marks=text, id="text-utf32"),
        pytest.param("le.md", "utf-16-le", b"\xff\xfe", marks=markdown, id="markdown-utf16-le"),
    ],
)
def test_text_with_a_wide_byte_order_mark_reads_as_its_utf8_twin(
    name: str, encoding: str, mark: bytes, seed_tables: list[tuple[str, int]], tmp_path: Path
) -> None:
    path = tmp_path / name
    body = ("# 部门预算\n" if name.endswith(".md") else "") + SEED
    path.write_bytes(mark + body.encode(encoding))
    result = parse(path)
    assert result.returncode == 0, result.stderr.decode("utf-8")
    assert tables(result.stdout) == seed_tables


@text
def test_a_wide_mark_over_bytes_that_are_not_that_encoding_is_one_error_line(tmp_path: Path) -> None:
    path = tmp_path / "broken.txt"
    path.write_bytes(b"\xff\xfe" + b"\x00\xd8a\x00")  # a lone surrogate
    result = parse(path)
    assert result.returncode == 3
    assert (
        result.stderr.decode("utf-8")
        == f"gongkai: {path}: not a text document (its mark says UTF-16, its bytes are not)\n"
    )
