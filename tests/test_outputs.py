"""Outputs never damage what is already there, and inputs without a size are read within the
limit: ``-o`` replaces a regular file whole (through a symbolic link, its target, the link kept),
writes through a device or a FIFO (/dev/null, /dev/stdout), refuses a directory; a full standard
output is one line and exit code 5; ``/dev/zero`` is refused at the size limit, never read whole."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from .seeds import FIXTURES

pytestmark = [pytest.mark.text, pytest.mark.skipif(os.name != "posix", reason="POSIX devices and FIFOs")]

SEED = str(FIXTURES / "000_d178e83414a3c697.txt")
EXIT_OUTPUT, EXIT_LIMIT = 5, 8


def gongkai_cli(*args: str, cwd: Path, **options: object) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "gongkai", *args], cwd=cwd, capture_output=True, **options)


@pytest.fixture(scope="module")
def expected(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    return gongkai_cli("parse", SEED, "--format", "csv", cwd=tmp_path_factory.mktemp("expected")).stdout


def test_a_symbolic_link_stays_a_link_and_its_target_is_replaced(tmp_path: Path, expected: bytes) -> None:
    (tmp_path / "real.csv").write_bytes(b"old")
    (tmp_path / "link.csv").symlink_to("real.csv")
    result = gongkai_cli("parse", SEED, "--format", "csv", "-o", "link.csv", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "link.csv").is_symlink() and os.readlink(tmp_path / "link.csv") == "real.csv"
    assert (tmp_path / "real.csv").read_bytes() == expected
    assert sorted(path.name for path in tmp_path.iterdir()) == ["link.csv", "real.csv"], "no temporary file left"


def test_devices_are_written_through_and_never_replaced(tmp_path: Path) -> None:
    before = os.stat("/dev/null")
    result = gongkai_cli("parse", SEED, "-o", "/dev/null", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    after = os.stat("/dev/null")
    assert stat.S_ISCHR(after.st_mode) and after.st_ino == before.st_ino, "/dev/null is still the device"


def test_a_fifo_is_written_through(tmp_path: Path, expected: bytes) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    result = gongkai_cli("parse", SEED, "--format", "csv", "-o", str(fifo), cwd=tmp_path, timeout=60)
    reader.join(timeout=60)
    assert result.returncode == 0, result.stderr
    assert stat.S_ISFIFO(os.stat(fifo).st_mode), "the FIFO is still a FIFO"
    assert received == [expected]


def test_standard_output_as_a_path_is_written_through(tmp_path: Path, expected: bytes) -> None:
    result = gongkai_cli("parse", SEED, "--format", "csv", "-o", "/dev/stdout", cwd=tmp_path)
    assert (result.returncode, result.stdout) == (0, expected), result.stderr


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full")
def test_a_full_standard_output_is_one_line_and_exit_5(tmp_path: Path) -> None:
    with open("/dev/full", "wb") as full:
        result = subprocess.run(
            [sys.executable, "-m", "gongkai", "parse", SEED], cwd=tmp_path, stdout=full, stderr=subprocess.PIPE
        )
    assert result.returncode == EXIT_OUTPUT
    assert result.stderr.decode("utf-8").splitlines() == [
        "gongkai: standard output: cannot write (No space left on device)"
    ]


def test_a_directory_as_output_is_refused(tmp_path: Path) -> None:
    (tmp_path / "folder").mkdir()
    result = gongkai_cli("parse", SEED, "-o", "folder", cwd=tmp_path)
    assert result.returncode == EXIT_OUTPUT
    assert result.stderr.decode("utf-8") == "gongkai: folder: cannot write the output (is a directory)\n"
    assert list((tmp_path / "folder").iterdir()) == []


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
def test_an_endless_input_is_refused_at_the_size_limit(tmp_path: Path) -> None:
    result = gongkai_cli("parse", "/dev/zero", "--max-size", "1", cwd=tmp_path, timeout=60)
    assert result.returncode == EXIT_LIMIT
    assert result.stderr.decode("utf-8") == (
        "gongkai: /dev/zero: the input is over the limit of 1 MiB (raise it with --max-size)\n"
    )
