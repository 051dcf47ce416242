"""The real command line, run as a user runs it: ``python -m gongkai`` and the ``gongkai`` script.

Contracts from DESIGN and ``gongkai --help``: the tidy CSV lists every amount cell under the
documented header; the JSON validates against spec/document.schema.json; every failure is one line
"gongkai: FILE: reason" on stderr with the documented exit code, no traceback, and no output file.
"""

from __future__ import annotations

import csv
import io
import json
import os
import random
import re
import shutil
import subprocess
import sys
from importlib import metadata, resources
from pathlib import Path
from typing import Any, Optional

import pytest
from jsonschema import Draft202012Validator

import gongkai
from gongkai import Document
from gongkai.samples import sample_path

from .seeds import FACTS, FIXTURES

# DESIGN's tidy CSV columns, in order (written out here, not imported: this is the contract)
TIDY_COLUMNS = [
    "document",
    "region",
    "entity",
    "year",
    "doc_kind",
    "table",
    "table_number",
    "table_title",
    "page",
    "code",
    "label",
    "column",
    "column_label",
    "value",
    "raw",
    "unit",
]

# exit codes as `gongkai --help` documents them (checked against the help text below)
EXIT_OK, EXIT_USAGE, EXIT_UNREADABLE, EXIT_NOT_A_DISCLOSURE, EXIT_OUTPUT, EXIT_LIMIT = 0, 2, 3, 4, 5, 8

PYTHON_M = [sys.executable, "-m", "gongkai"]
# the last line of a multi-file run: files ok and failed, findings by severity
RUN_TALLY = re.compile(r"^\d+ files: \d+ ok, \d+ failed; findings: \d+ errors, \d+ warnings, \d+ info$")
SCRIPT = Path(sys.executable).with_name("gongkai.exe" if os.name == "nt" else "gongkai")
INVOCATIONS = [
    pytest.param(PYTHON_M, id="python-m"),
    pytest.param([str(SCRIPT)], id="script", marks=pytest.mark.skipif(not SCRIPT.exists(), reason=f"no {SCRIPT}")),
]

SEEDS = [pytest.param(seed, marks=getattr(pytest.mark, facts.format), id=seed) for seed, facts in sorted(FACTS.items())]

RECIPE = (
    "番茄炒蛋\n\n材料：番茄两个，鸡蛋三个，盐少许，葱花适量。\n"
    "1. 鸡蛋打散，下锅炒至凝固后盛出。\n2. 番茄切块，炒出汁后倒回鸡蛋，加盐翻匀，撒葱花出锅。\n"
)


def seed_path(seed: str) -> str:
    return str(FIXTURES / FACTS[seed].file)


def run(
    *args: str,
    cwd: Path,
    invocation: Optional[list[str]] = None,
    env: Optional[dict[str, str]] = None,
    **kwargs: Any,
) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [*(invocation or PYTHON_M), *args], cwd=cwd, capture_output=True, timeout=120, env=env, check=False, **kwargs
    )


def text(stream: bytes) -> str:
    """Output decoded as UTF-8, failing the test if it is not UTF-8."""
    return stream.decode("utf-8")


def csv_rows(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text(data), newline="")))


def expected_rows(*documents: Document) -> list[list[str]]:
    return [TIDY_COLUMNS] + [list(record.as_row()) for document in documents for record in gongkai.records(document)]


def validator() -> Draft202012Validator:
    schema_file = resources.files("gongkai.spec").joinpath("document.schema.json")
    return Draft202012Validator(json.loads(schema_file.read_text(encoding="utf-8")))


def schema_errors(data: Any) -> list[str]:
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator().iter_errors(data)]


def error_lines(stderr: str) -> list[str]:
    """The error lines of stderr ("gongkai: FILE: reason"); the others of a multi-file run must
    be the summary lines of the files that were read and, last, the run's tally."""
    lines = stderr.splitlines()
    others = [line for line in lines if not line.startswith("gongkai: ")]
    if len(others) > 1 or (others and RUN_TALLY.match(others[-1])):
        assert RUN_TALLY.match(others.pop()), f"a multi-file run ends with its tally: {lines}"
    assert all(" required tables " in line or "no required set" in line for line in others), others
    return [line for line in lines if line.startswith("gongkai: ")]


def assert_one_error_line(result: subprocess.CompletedProcess[bytes], name: str) -> str:
    """stderr holds exactly one error line "gongkai: NAME: reason", without a traceback (and in a
    batch the summary lines of the good files); returns the reason."""
    stderr = text(result.stderr)
    assert "Traceback" not in stderr, stderr
    lines = error_lines(stderr)
    assert len(lines) == 1, f"expected one error line on stderr, got {lines}"
    prefix = f"gongkai: {name}: "
    assert lines[0].startswith(prefix), f"{lines[0]!r} does not name {name!r} as {prefix!r}"
    reason = lines[0][len(prefix) :].strip()
    assert reason, f"{lines[0]!r} gives no reason"
    return reason


@pytest.fixture(params=INVOCATIONS)
def invocation(request: pytest.FixtureRequest) -> list[str]:
    return list(request.param)


# -- help and plugins ---------------------------------------------------------------------------


def documented_exit_codes(help_text: str) -> dict[int, str]:
    return {int(code): meaning for code, meaning in re.findall(r"^\s+(\d{1,2})\s+(\S.*)$", help_text, re.MULTILINE)}


@pytest.mark.parametrize(
    ("invocation", "command"),
    [
        pytest.param(PYTHON_M, [], id="python-m"),
        pytest.param(PYTHON_M, ["parse"], id="python-m-parse"),
        pytest.param([str(SCRIPT)], ["parse"], id="script-parse", marks=INVOCATIONS[1].marks),
    ],
)
def test_help_documents_the_exit_codes(invocation: list[str], command: list[str], tmp_path: Path) -> None:
    result = run(*command, "--help", cwd=tmp_path, invocation=invocation)
    assert result.returncode == 0, text(result.stderr)
    codes = documented_exit_codes(text(result.stdout))
    assert set(codes) >= {EXIT_OK, EXIT_USAGE, EXIT_UNREADABLE, EXIT_NOT_A_DISCLOSURE, EXIT_OUTPUT}, codes
    assert "usage" in codes[EXIT_USAGE]
    for cause in ("empty", "binary", "missing"):
        assert cause in codes[EXIT_UNREADABLE], f"exit code {EXIT_UNREADABLE} does not document {cause!r}"
    assert "--max-size" in codes[EXIT_LIMIT] and "--max-pages" in codes[EXIT_LIMIT], codes[EXIT_LIMIT]
    assert "no standard" in codes[EXIT_NOT_A_DISCLOSURE]
    assert "output" in codes[EXIT_OUTPUT]


def test_plugins_lists_regions_readers_and_exporters_with_their_distribution(
    invocation: list[str], tmp_path: Path
) -> None:
    result = run("plugins", cwd=tmp_path, invocation=invocation)
    assert result.returncode == 0, text(result.stderr)
    sections: dict[str, dict[str, str]] = {}
    current = None
    for line in text(result.stdout).splitlines():
        if line and not line[0].isspace():
            current = line.rstrip(":")
            sections[current] = {}
        elif line.strip():
            assert current is not None, line
            sections[current][line.split()[0]] = line
    distribution = f"(gongkai {metadata.version('gongkai')})"
    wanted = {
        "regions": {"fujian": "福建省", "yunnan": "云南省", "hubei": "湖北省"},
        "readers": {"text": "", "markdown": ""},
        "exporters": {"json": "", "csv": ""},
    }
    for section, names in wanted.items():
        assert section in sections, f"no {section!r} section in {sorted(sections)}"
        for name, detail in names.items():
            line = sections[section].get(name)
            assert line is not None, f"{name} is not listed under {section}"
            assert line.rstrip().endswith(distribution), f"{line!r} does not name its distribution"
            assert detail in line


# -- parse: good input --------------------------------------------------------------------------


@pytest.mark.parametrize("seed", SEEDS)
def test_parse_csv_lists_every_amount_cell(parsed: dict[str, Document], seed: str, tmp_path: Path) -> None:
    result = run("parse", seed_path(seed), "--format", "csv", cwd=tmp_path)
    assert result.returncode == 0, text(result.stderr)
    assert text(result.stderr) == ""
    rows = csv_rows(result.stdout)
    assert rows[0] == TIDY_COLUMNS
    assert len(rows) - 1 == sum(1 for _ in parsed[seed].cells()) > 0
    assert rows == expected_rows(parsed[seed])
    for row in rows[1:]:
        record = dict(zip(TIDY_COLUMNS, row))
        assert re.fullmatch(r"(-?\d+(\.\d+)?)?", record["value"]), f"value is not a plain decimal: {record}"
        assert record["document"] == seed_path(seed) and record["unit"] == FACTS[seed].unit


def test_parse_json_to_a_file_that_validates(
    invocation: list[str], parsed: dict[str, Document], tmp_path: Path
) -> None:
    out = tmp_path / "out.json"
    result = run("parse", seed_path("000"), "--format", "json", "-o", str(out), cwd=tmp_path, invocation=invocation)
    assert result.returncode == 0, text(result.stderr)
    assert (result.stdout, result.stderr) == (b"", b""), "with -o nothing goes to stdout or stderr"
    data = json.loads(out.read_text(encoding="utf-8"))
    assert schema_errors(data) == []
    assert data["source"] == seed_path("000")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.json"], "a temporary file was left behind"


def test_parse_json_of_two_files_is_an_array_that_validates(tmp_path: Path) -> None:
    out = tmp_path / "both.json"
    result = run("parse", seed_path("000"), seed_path("004"), "-o", str(out), cwd=tmp_path)
    assert result.returncode == 0, text(result.stderr)
    data = json.loads(out.read_text(encoding="utf-8"))
    assert isinstance(data, list) and [d["source"] for d in data] == [seed_path("000"), seed_path("004")]
    assert schema_errors(data) == []


def test_parse_sample(tmp_path: Path) -> None:
    result = run("parse", "--sample", cwd=tmp_path)
    assert result.returncode == 0, text(result.stderr)
    data = json.loads(text(result.stdout))
    assert schema_errors(data) == []
    assert (data["entity"], data["year"], data["kind"]) == ("曲靖市沾益区医疗保障局", 2023, "final")
    assert [table["id"] for table in data["tables"]] == list(FACTS["003"].tables)


def test_parse_sample_csv_through_the_console_script(parsed: dict[str, Document], tmp_path: Path) -> None:
    """The bundled sample is seed 003: the console script lists every one of its amounts."""
    if not SCRIPT.exists():
        pytest.skip(f"no {SCRIPT}")
    result = run("parse", "--sample", "--format", "csv", cwd=tmp_path, invocation=[str(SCRIPT)])
    assert result.returncode == 0, text(result.stderr)
    rows = csv_rows(result.stdout)
    assert {row[0] for row in rows[1:]} == {str(sample_path())}
    assert [row[1:] for row in rows] == [row[1:] for row in expected_rows(parsed["003"])]


# -- parse: bad input ---------------------------------------------------------------------------


def make_bad_input(kind: str, directory: Path) -> str:
    """Create the bad input ``kind`` in ``directory``; returns its name (relative to it)."""
    if kind == "empty":
        (directory / "empty.txt").write_bytes(b"")
        return "empty.txt"
    if kind == "binary":
        noise = random.Random(20240611).randbytes(4096)
        (directory / "noise.bin").write_bytes(noise[:1000] + b"\x00" * 64 + noise[1000:] + b"\x00\x00\x01\x00")
        return "noise.bin"
    if kind == "recipe":
        (directory / "番茄炒蛋.txt").write_text(RECIPE, encoding="utf-8")
        return "番茄炒蛋.txt"
    if kind == "missing":
        return "no-such-disclosure.txt"
    if kind == "directory":
        (directory / "a-directory").mkdir()
        return "a-directory"
    raise AssertionError(kind)


BAD_INPUTS = {
    "empty": EXIT_UNREADABLE,
    "binary": EXIT_UNREADABLE,
    "recipe": EXIT_NOT_A_DISCLOSURE,
    "missing": EXIT_UNREADABLE,
    "directory": EXIT_UNREADABLE,
}


@pytest.mark.parametrize(
    ("kind", "to_file"),
    [pytest.param(kind, True, id=f"{kind}-with-o") for kind in sorted(BAD_INPUTS)]
    + [pytest.param(kind, False, id=f"{kind}-to-stdout") for kind in ("binary", "recipe")],
)
def test_bad_input_is_one_clear_line_and_no_output(kind: str, to_file: bool, tmp_path: Path) -> None:
    name = make_bad_input(kind, tmp_path)
    before = sorted(p.name for p in tmp_path.iterdir())
    output = ["-o", "out.csv"] if to_file else []
    result = run("parse", name, "--format", "csv", *output, cwd=tmp_path)
    assert result.returncode == BAD_INPUTS[kind], text(result.stderr)
    assert_one_error_line(result, name)
    assert result.stdout == b"", "nothing is written to stdout for a file that failed"
    assert sorted(p.name for p in tmp_path.iterdir()) == before, "an output or temporary file was created"


def test_bad_input_through_the_console_script(tmp_path: Path) -> None:
    if not SCRIPT.exists():
        pytest.skip(f"no {SCRIPT}")
    name = make_bad_input("binary", tmp_path)
    result = run("parse", name, "-o", "out.json", cwd=tmp_path, invocation=[str(SCRIPT)])
    assert result.returncode == EXIT_UNREADABLE
    assert_one_error_line(result, name)
    assert not (tmp_path / "out.json").exists()


@pytest.mark.parametrize("bad_first", [False, True], ids=["good-then-bad", "bad-then-good"])
def test_good_file_is_written_and_exit_code_is_the_bad_ones(
    parsed: dict[str, Document], bad_first: bool, tmp_path: Path
) -> None:
    kind = "recipe" if bad_first else "empty"
    bad = make_bad_input(kind, tmp_path)
    files = [bad, seed_path("002")] if bad_first else [seed_path("002"), bad]
    result = run("parse", *files, "--format", "csv", "-o", "out.csv", cwd=tmp_path)
    assert result.returncode == BAD_INPUTS[kind]
    assert_one_error_line(result, bad)
    assert csv_rows((tmp_path / "out.csv").read_bytes()) == expected_rows(parsed["002"])


def test_a_batch_keeps_order_and_reports_the_first_failure(parsed: dict[str, Document], tmp_path: Path) -> None:
    """Four files or more are parsed in parallel processes: order and errors must not change."""
    empty, recipe = make_bad_input("empty", tmp_path), make_bad_input("recipe", tmp_path)
    files = [seed_path("000"), empty, seed_path("004"), recipe]
    result = run("parse", *files, "--format", "csv", "-o", "out.csv", cwd=tmp_path)
    assert result.returncode == BAD_INPUTS["empty"], "the exit code is that of the first file that failed"
    stderr = text(result.stderr)
    assert "Traceback" not in stderr
    lines = error_lines(stderr)
    assert [line.split(": ")[1] for line in lines] == [empty, recipe], lines
    *summaries, tally = [line for line in stderr.splitlines() if not line.startswith("gongkai: ")]
    assert [line.split(": ")[0] for line in summaries] == [seed_path("000"), seed_path("004")], summaries
    errors = sum(1 for key in ("000", "004") for f in parsed[key].findings if f.severity is gongkai.Severity.ERROR)
    assert tally.startswith(f"4 files: 2 ok, 2 failed; findings: {errors} errors, "), tally
    assert csv_rows((tmp_path / "out.csv").read_bytes()) == expected_rows(parsed["000"], parsed["004"])


def test_file_over_max_size_is_refused(tmp_path: Path) -> None:
    big = seed_path("000")
    assert Path(big).stat().st_size > 10 * 1024
    result = run("parse", big, "--max-size", "0.01", "-o", "out.json", cwd=tmp_path)
    assert result.returncode == EXIT_LIMIT
    reason = assert_one_error_line(result, big)
    assert "MiB" in reason or "large" in reason or "limit" in reason, reason
    assert list(tmp_path.iterdir()) == []
    within = run("parse", big, "--max-size", "1", "-o", "out.json", cwd=tmp_path)
    assert within.returncode == EXIT_OK, text(within.stderr)


def test_unwritable_output_is_one_line_naming_it(tmp_path: Path) -> None:
    out = str(tmp_path / "no-such-directory" / "out.json")
    result = run("parse", seed_path("000"), "-o", out, cwd=tmp_path)
    assert result.returncode == EXIT_OUTPUT
    assert_one_error_line(result, out)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    "args", [["parse"], ["parse", "--format", "no-such-format", "x.txt"], ["no-such-command"]], ids=str
)
def test_usage_errors_exit_2_without_traceback(args: list[str], tmp_path: Path) -> None:
    result = run(*args, cwd=tmp_path)
    assert result.returncode == EXIT_USAGE
    stderr = text(result.stderr)
    assert stderr.strip() and "Traceback" not in stderr


# -- pipes ------------------------------------------------------------------------------------------


def _big_seed(parsed: dict[str, Document]) -> str:
    """Seed 003, whose CSV is larger than a pipe's buffer, so that a closed pipe is hit mid-write."""
    assert sum(len(",".join(r.as_row())) for r in gongkai.records(parsed["003"])) > 1 << 16
    return seed_path("003")


CLOSED_PIPE = "gongkai: standard output: cannot write (the reader closed the pipe)\n"


@pytest.mark.skipif(shutil.which("head") is None, reason="needs head")
def test_a_reader_gone_mid_write_is_one_line_and_exit_5(parsed: dict[str, Document], tmp_path: Path) -> None:
    """``gongkai parse … | head -1``: the output was not all delivered, which a script must be
    able to tell; never a traceback, never exit 0 for an output cut short."""
    command = [*PYTHON_M, "parse", _big_seed(parsed), "--format", "csv"]
    with subprocess.Popen(command, cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE) as gongkai_run:
        assert gongkai_run.stdout is not None and gongkai_run.stderr is not None
        head = subprocess.run(["head", "-1"], stdin=gongkai_run.stdout, capture_output=True, timeout=120)
        gongkai_run.stdout.close()
        stderr = text(gongkai_run.stderr.read())
        returncode = gongkai_run.wait(timeout=120)
    assert text(head.stdout) == ",".join(TIDY_COLUMNS) + "\n"
    assert (returncode, stderr) == (5, CLOSED_PIPE)


def test_reader_gone_before_the_first_write_is_one_line_and_exit_5(tmp_path: Path) -> None:
    """Like ``gongkai parse … | true``: the reading end is closed before gongkai writes anything;
    the output was not delivered, which a script must be able to tell (exit 5), in one line.

    (A reader that leaves mid-write, as ``head -1`` does, is absorbed by a short write on Linux;
    this case always raises EPIPE, so it is the one that exercises the CLI's handling.)
    """
    with subprocess.Popen(
        [*PYTHON_M, "parse", seed_path("000"), "--format", "csv"],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    ) as process:
        assert process.stdout is not None and process.stderr is not None
        process.stdout.close()
        stderr = text(process.stderr.read())
        returncode = process.wait(timeout=120)
    assert "Traceback" not in stderr and "BrokenPipe" not in stderr, stderr
    assert stderr == CLOSED_PIPE
    assert returncode == 5


# -- output encoding and file modes ------------------------------------------------------------


def test_stdout_is_utf8_whatever_the_locale(parsed: dict[str, Document], tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONIOENCODING": "latin-1"}
    result = run("parse", seed_path("000"), "--format", "csv", cwd=tmp_path, env=env)
    assert "Traceback" not in result.stderr.decode("utf-8", "replace")
    assert result.returncode == EXIT_OK
    assert csv_rows(result.stdout) == expected_rows(parsed["000"])


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
def test_output_file_mode_follows_the_umask(tmp_path: Path) -> None:
    result = run("parse", seed_path("000"), "-o", "out.json", cwd=tmp_path, preexec_fn=lambda: os.umask(0o022))
    assert result.returncode == EXIT_OK, text(result.stderr)
    assert (tmp_path / "out.json").stat().st_mode & 0o777 == 0o644


def test_an_existing_output_file_keeps_its_mode(tmp_path: Path) -> None:
    (tmp_path / "out.json").write_text("old", encoding="utf-8")
    (tmp_path / "out.json").chmod(0o640)
    result = run("parse", seed_path("000"), "-o", "out.json", cwd=tmp_path)
    assert result.returncode == EXIT_OK, text(result.stderr)
    assert (tmp_path / "out.json").stat().st_mode & 0o777 == 0o640
    assert json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))


def test_a_file_name_with_a_newline_still_gives_one_error_line(tmp_path: Path) -> None:
    (tmp_path / "bad\nname.txt").write_bytes(b"")
    result = run("parse", "bad\nname.txt", cwd=tmp_path)
    assert result.returncode == EXIT_UNREADABLE
    lines = text(result.stderr).splitlines()
    assert len(lines) == 1, lines
    assert "bad\\nname.txt" in lines[0] and "empty" in lines[0]


def test_a_file_holding_only_a_byte_order_mark_is_empty(tmp_path: Path) -> None:
    (tmp_path / "bom.txt").write_bytes(b"\xef\xbb\xbf\n")
    result = run("parse", "bom.txt", cwd=tmp_path)
    assert result.returncode == EXIT_UNREADABLE
    assert text(result.stderr).strip() == "gongkai: bom.txt: the file is empty"


def test_summary_prints_one_line_a_document_and_writes_the_output_with_o(tmp_path: Path) -> None:
    """``--summary``: kind, required tables recognised, cells, findings by severity, one line a
    document on stdout; with -o the output is written too."""
    files = [seed_path("000"), seed_path("002")]
    result = run("parse", "--summary", *files, "-o", "out.json", cwd=tmp_path)
    assert result.returncode == EXIT_OK, text(result.stderr)
    assert text(result.stderr).splitlines() == ["2 files: 2 ok, 0 failed; findings: 4 errors, 0 warnings, 6 info"], (
        "with --summary the documents' lines go to stdout, not again to stderr: only the run's tally is there"
    )
    assert text(result.stdout).splitlines() == [
        f"{files[0]}: final 2023, 5 of 9 required tables (5 read), 155 cells; "
        "4 errors, 0 warnings, 6 info (2 not checked)",
        f"{files[1]}: budget 2024, 9 of 9 required tables (23 read), 748 cells; 0 errors, 0 warnings, 0 info",
    ]
    assert [d["source"] for d in json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))] == files
