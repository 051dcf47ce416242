"""Every document is parsed under a time and a memory limit, in a child process of its own: going
over one gives one line naming the file and the limit, exit code 8, and the other files go on;
in a batch, the document is a failed line of the manifest, tried again when the limits change.

The document over the limits is a seed printed a hundred times (4 MB): seconds to parse, tens of
MiB, so limits of half a second and 30 MiB stop it early."""

from __future__ import annotations

import csv
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from gongkai.isolation import Budget, Children

from .seeds import FIXTURES

pytestmark = pytest.mark.text

SMALL = FIXTURES / "000_d178e83414a3c697.txt"
EXIT_LIMIT = 8


@pytest.fixture(scope="module")
def big(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("big") / "big.txt"
    path.write_text((FIXTURES / "002_99a0e79d6e43ffbd.txt").read_text(encoding="utf-8") * 100, encoding="utf-8")
    return path


def gongkai_cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "gongkai", *args], cwd=cwd, capture_output=True, encoding="utf-8", timeout=300
    )


@pytest.mark.parametrize(
    ("limit", "reason"),
    [
        (["--timeout", "0.5"], "took more than 0.5 s (raise it with --timeout)"),
        (["--max-memory", "30"], "needed more than 30 MiB of memory (raise it with --max-memory)"),
    ],
    ids=["time", "memory"],
)
def test_a_document_over_a_limit_is_one_line_and_the_others_go_on(
    limit: list[str], reason: str, big: Path, tmp_path: Path
) -> None:
    result = gongkai_cli("parse", str(big), str(SMALL), *limit, "--summary", cwd=tmp_path)
    assert result.returncode == EXIT_LIMIT
    lines = result.stderr.splitlines()
    assert lines[0] == f"gongkai: {big}: {reason}"
    assert "Traceback" not in result.stderr
    assert [line.split(": ")[0] for line in result.stdout.splitlines()] == [str(SMALL)], "the other file is read"


def test_a_batch_records_a_document_over_a_limit_and_tries_it_again_when_the_limit_changes(
    big: Path, tmp_path: Path
) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "big.txt").symlink_to(big)
    (tmp_path / "in" / "small.txt").symlink_to(SMALL)
    first = gongkai_cli("batch", "in", "-o", "out", "--timeout", "0.5", cwd=tmp_path)
    assert first.returncode == EXIT_LIMIT, first.stderr
    with (tmp_path / "out" / "manifest.csv").open(encoding="utf-8", newline="") as stream:
        rows = {row["file"]: row for row in csv.DictReader(stream)}
    assert (rows["in/big.txt"]["status"], rows["in/big.txt"]["reason"]) == (
        "failed",
        "took more than 0.5 s (raise it with --timeout)",
    )
    assert rows["in/small.txt"]["status"] == "ok"
    same = gongkai_cli("batch", "in", "-o", "out", "--timeout", "0.5", cwd=tmp_path)
    assert "2 unchanged since the last run" in same.stderr, "the same limits: nothing to do again"
    raised = gongkai_cli("batch", "in", "-o", "out", "--timeout", "0.6", cwd=tmp_path)
    assert "1 unchanged since the last run" in raised.stderr, "other limits: what went over them is tried again"


def test_a_child_that_dies_is_an_internal_error_not_a_hang() -> None:
    children = Children(2, Budget(seconds=60, memory_mib=None))
    children.start("dies", "dies.txt", _exit_hard)
    children.start("answers", "answers.txt", sum, [1, 2])
    outcomes = dict(children.next() for _ in range(2))
    assert outcomes["answers"] == 3
    assert "the process parsing it died" in str(outcomes["dies"])


def _exit_hard() -> None:
    os._exit(3)


def test_sigterm_stops_a_parse_with_no_output_and_no_child_left(big: Path, tmp_path: Path) -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "gongkai", "parse", str(big), "-o", "out.json"],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    time.sleep(1.5)  # started, and parsing in its child
    process.send_signal(signal.SIGTERM)
    _, stderr = process.communicate(timeout=60)  # returns only once no child holds the pipes
    assert process.returncode == 130
    assert stderr.decode("utf-8") == "gongkai: interrupted\n"
    assert list(tmp_path.iterdir()) == [], "no output and no temporary file"
