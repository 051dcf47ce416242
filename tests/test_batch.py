"""``gongkai batch``: a folder of disclosures into one output folder, as a user runs it.

Contracts (``gongkai batch --help`` and the issue): one output per document, the tidy CSV of all
of them in ``cells.csv``, a manifest line per document; a file that fails is recorded and the
batch goes on; a second run redoes only what changed; a run killed at any moment (SIGKILL,
SIGTERM) leaves no partial file and the next run ends with exactly the outputs of a run that was
never interrupted. The documents are the plain-text seeds, in several folders.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import gongkai
from gongkai.batch import MANIFEST_FIELDS, Options, run
from gongkai.batch.workers import InProcess
from gongkai.files import PARTIAL
from gongkai.inputs import inputs

from .seeds import FIXTURES

pytestmark = pytest.mark.text

SEEDS = sorted(FIXTURES.glob("*.txt"))
NOT_A_DISCLOSURE = "这是一份菜谱。\n番茄 2个\n鸡蛋 3个\n先炒蛋，再炒番茄。\n"
EXIT_UNREADABLE, EXIT_NOT_A_DISCLOSURE, EXIT_INTERRUPTED = 3, 4, 130


def gongkai_cli(*args: str, cwd: Path, stdin: bytes = b"") -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "gongkai", *args], cwd=cwd, capture_output=True, input=stdin)


def make_folder(root: Path, copies: int = 1) -> list[str]:
    """The seeds under ``root/in`` (``copies`` folders of them) and two files that fail: an empty
    one and one that is not a disclosure; their paths relative to ``root`` (the working folder),
    in the batch's order."""
    for copy in range(copies):
        folder = root / "in" / (f"copy{copy}" if copies > 1 else "")
        folder.mkdir(parents=True, exist_ok=True)
        for seed in SEEDS:
            shutil.copy(seed, folder / seed.name)
    (root / "in" / "zz-empty.txt").write_bytes(b"")
    (root / "in" / "zz-recipe.md").write_text(NOT_A_DISCLOSURE, encoding="utf-8")
    (root / "in" / ".hidden.txt").write_text("hidden files are not documents", encoding="utf-8")
    (root / "in" / "notes.docx").write_bytes(b"no reader knows .docx")
    assert Path.cwd() == root
    return [item.path for item in inputs(["in"], [".txt", ".md"])]


def manifest(out: Path) -> list[dict[str, str]]:
    with (out / "manifest.csv").open(encoding="utf-8", newline="") as stream:
        reader = csv.DictReader(stream)
        assert tuple(reader.fieldnames or ()) == MANIFEST_FIELDS
        return list(reader)


def without_seconds(out: Path) -> list[dict[str, str]]:
    return [{k: v for k, v in row.items() if k != "seconds"} for row in manifest(out)]


def partial_files(folder: Path) -> list[Path]:
    return [path for path in folder.rglob("*") if path.name.endswith(PARTIAL)]


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    monkeypatch.chdir(tmp_path)
    return make_folder(tmp_path)


def test_a_batch_writes_each_document_all_cells_and_a_manifest(folder: list[str], tmp_path: Path) -> None:
    result = gongkai_cli("batch", "in", "-o", "out", "-j", "2", cwd=tmp_path)
    stderr = result.stderr.decode("utf-8")
    assert "Traceback" not in stderr
    assert result.returncode == EXIT_UNREADABLE, "the exit code is that of the first document that failed"
    assert folder == [f"in/{seed.name}" for seed in SEEDS] + ["in/zz-empty.txt", "in/zz-recipe.md"]
    rows = manifest(tmp_path / "out")
    assert [row["file"] for row in rows] == folder, "one manifest line per document, in the order walked"
    good = folder[: len(SEEDS)]
    for row, file in zip(rows, good):
        document = gongkai.parse(file)
        assert row["sha256"] == hashlib.sha256(Path(file).read_bytes()).hexdigest()
        assert (row["status"], row["reason"]) == ("ok", "")
        assert int(row["tables"]) == len(document.tables)
        assert int(row["findings"]) == len(document.findings)
        assert float(row["seconds"]) > 0
        assert row["output"] == f"{file}.json"
        written = json.loads((tmp_path / "out" / row["output"]).read_text(encoding="utf-8"))
        alone = json.loads(gongkai_cli("parse", file, cwd=tmp_path).stdout)
        assert written == alone, "a document's output is what gongkai parse writes for it"
    empty, recipe = rows[len(SEEDS) :]
    assert (empty["status"], empty["reason"], empty["output"]) == ("failed", "the file is empty", "")
    assert recipe["status"] == "failed" and "not a 部门预算/决算 disclosure" in recipe["reason"]
    combined = (tmp_path / "out" / "cells.csv").read_bytes()
    assert combined == gongkai_cli("parse", *good, "--format", "csv", cwd=tmp_path).stdout, (
        "cells.csv is the tidy CSV of every document that was read, in order"
    )
    assert [int(row["cells"]) for row in rows[: len(SEEDS)]] == [
        sum(1 for line in csv.DictReader(io.StringIO(combined.decode("utf-8"))) if line["document"] == file)
        for file in good
    ]
    lines = stderr.splitlines()
    assert sorted(lines[:-1]) == [
        f"gongkai: {empty['file']}: {empty['reason']}",
        f"gongkai: {recipe['file']}: {recipe['reason']}",
    ]
    assert lines[-1].startswith(f"{len(folder)} documents: {len(SEEDS)} ok, 2 failed; ")
    assert not (tmp_path / "out" / "in" / ".hidden.txt.json").exists()
    assert not (tmp_path / "out" / "in" / "notes.docx.json").exists()
    assert partial_files(tmp_path / "out") == []


def test_a_second_run_redoes_only_what_changed(folder: list[str], tmp_path: Path) -> None:
    first = gongkai_cli("batch", "in", "-o", "out", cwd=tmp_path)
    out = tmp_path / "out"
    before = {name: (out / name).read_bytes() for name in ("cells.csv", "manifest.csv")}
    again = gongkai_cli("batch", "in", "-o", "out", cwd=tmp_path)
    assert again.returncode == first.returncode
    assert f"{len(folder)} unchanged since the last run" in again.stderr.decode("utf-8")
    assert {name: (out / name).read_bytes() for name in before} == before, "an unchanged batch writes the same"
    assert b"gongkai: " not in again.stderr, "documents that failed before are not tried (nor reported) again"

    changed = Path(folder[1])
    changed.write_bytes(changed.read_bytes() + "\n附：本表无数据的栏目为空白。\n".encode())
    (out / folder[2]).with_name(Path(folder[2]).name + ".json").unlink()  # an output the user deleted
    third = gongkai_cli("batch", "in", "-o", "out", cwd=tmp_path)
    assert f"{len(folder) - 2} unchanged since the last run" in third.stderr.decode("utf-8")
    row = manifest(out)[1]
    assert row["sha256"] == hashlib.sha256(changed.read_bytes()).hexdigest()
    assert (out / folder[2]).with_name(Path(folder[2]).name + ".json").is_file()

    other = gongkai_cli("batch", "in", "-o", "out", "--tolerance", "0", cwd=tmp_path)
    assert "unchanged since the last run" not in other.stderr.decode("utf-8"), "other options: every document again"


def test_a_new_gongkai_version_redoes_every_document(
    folder: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    items = inputs(["in"], [".txt", ".md"])
    first = run(items, tmp_path / "out", Options(), ".json", InProcess())
    assert first.reused == 0
    assert run(items, tmp_path / "out", Options(), ".json", InProcess()).reused == len(items)
    monkeypatch.setattr("gongkai.batch.job.__version__", "999.0")
    after = run(items, tmp_path / "out", Options(), ".json", InProcess())
    assert after.reused == 0
    assert [(o.file, o.status, o.cells) for o in after.outcomes] == [
        (o.file, o.status, o.cells) for o in first.outcomes
    ]


def _wait_for_done(out: Path, count: int, process: subprocess.Popen[bytes]) -> int:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and process.poll() is None:
        done = len(list((out / ".gongkai" / "done").rglob("*.json"))) if (out / ".gongkai").is_dir() else 0
        if done >= count:
            return done
        time.sleep(0.005)
    raise AssertionError(f"the batch did not get to {count} documents (exit {process.poll()})")


@pytest.mark.parametrize(
    ("stop", "jobs"),
    [pytest.param(signal.SIGKILL, "1", id="SIGKILL"), pytest.param(signal.SIGTERM, "2", id="SIGTERM-2-jobs")],
)
def test_a_run_stopped_midway_continues_to_the_outputs_of_an_unstopped_run(
    stop: signal.Signals, jobs: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    folder = make_folder(tmp_path, copies=8)  # 42 documents: the stop comes long before the end
    command = [sys.executable, "-m", "gongkai", "batch", "in", "-o", "out", "-j", jobs]
    process = subprocess.Popen(command, cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    _wait_for_done(tmp_path / "out", 1, process)
    process.send_signal(stop)
    _, stderr = process.communicate(timeout=60)
    done = len(list((tmp_path / "out" / ".gongkai" / "done").rglob("*.json")))
    assert done < len(folder), "the run was stopped before its end (else this test shows nothing)"
    if stop == signal.SIGTERM:
        assert process.returncode == EXIT_INTERRUPTED
        assert "Traceback" not in stderr.decode("utf-8")
        assert "run the same command again to continue" in stderr.decode("utf-8")
        assert partial_files(tmp_path / "out") == [], "a caught stop removes what it was writing"

    resumed = gongkai_cli("batch", "in", "-o", "out", "-j", jobs, cwd=tmp_path)
    assert resumed.returncode == EXIT_UNREADABLE, resumed.stderr.decode("utf-8")
    assert f"{done} unchanged since the last run" in resumed.stderr.decode("utf-8")
    whole = gongkai_cli("batch", "in", "-o", "whole", cwd=tmp_path)
    assert whole.returncode == EXIT_UNREADABLE
    assert (tmp_path / "out" / "cells.csv").read_bytes() == (tmp_path / "whole" / "cells.csv").read_bytes()
    assert without_seconds(tmp_path / "out") == without_seconds(tmp_path / "whole")
    outputs = sorted(p.relative_to(tmp_path / "out") for p in (tmp_path / "out" / "in").rglob("*.json"))
    assert outputs == sorted(p.relative_to(tmp_path / "whole") for p in (tmp_path / "whole" / "in").rglob("*.json"))
    assert partial_files(tmp_path / "out") == [], "the run after a kill removes what the kill left half-written"


def test_every_stop_by_signal_stops_the_batch_in_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Ten SIGTERMs at the first finished document: each run stops (exit 130) with one line and
    no traceback. (A handler that raised could land in a finaliser run after a fork, where
    Python prints the KeyboardInterrupt and drops it: the batch then ran to its end.)"""
    monkeypatch.chdir(tmp_path)
    folder = make_folder(tmp_path, copies=4)
    for attempt in range(10):
        out = tmp_path / f"out{attempt}"
        command = [sys.executable, "-m", "gongkai", "batch", "in", "-o", out.name, "-j", "2"]
        process = subprocess.Popen(command, cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        _wait_for_done(out, 1, process)
        process.send_signal(signal.SIGTERM)
        _, stderr = process.communicate(timeout=60)
        said = [line for line in stderr.decode("utf-8").splitlines() if not line.startswith("gongkai: in/zz-")]
        assert (process.returncode, len(said)) == (EXIT_INTERRUPTED, 1), said
        assert said[0].startswith("gongkai: batch: interrupted after ")
        assert len(list((out / ".gongkai" / "done").rglob("*.json"))) < len(folder)


def test_progress_shows_on_request_and_not_in_a_pipe(folder: list[str], tmp_path: Path) -> None:
    shown = gongkai_cli("batch", "in", "-o", "out", "--progress", cwd=tmp_path).stderr.decode("utf-8")
    assert f"{len(folder)}/{len(folder)}" in shown and "100%" in shown
    piped = gongkai_cli("batch", "in", "-o", "out2", cwd=tmp_path).stderr.decode("utf-8")
    assert "%|" not in piped and "\r" not in piped, "no progress bar where stderr is not a terminal"


def test_glob_picks_the_files_of_a_folder(folder: list[str], tmp_path: Path) -> None:
    result = gongkai_cli("batch", "in", "-o", "out", "--glob", "00[12]_*", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert [row["file"] for row in manifest(tmp_path / "out")] == folder[1:3]


def test_inputs_have_unique_output_names_and_skip_hidden_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    for folder in ("a", "b", "a/.cache"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "x.txt").write_text("x", encoding="utf-8")
    found = inputs(["a/x.txt", "b/x.txt", "a", "-"], [".txt"])
    assert [(item.path, item.name) for item in found] == [
        ("a/x.txt", "x.txt"),
        ("b/x.txt", "x.txt~2"),
        (os.path.join("a", "x.txt"), "a/x.txt"),
        ("-", "stdin"),
    ]


@pytest.mark.parametrize(
    "option",
    [
        ["-j", "0"],
        ["--max-pages", "0"],
        ["--max-size", "-1"],
        ["-j", "two"],
        ["--timeout", "nan"],
        ["--max-memory", "0"],
        ["--max-objects", "0"],
        ["--max-depth", "-3"],
        ["--max-inflate", "inf"],
    ],
)
def test_options_out_of_range_are_usage_errors(option: list[str], folder: list[str], tmp_path: Path) -> None:
    for command in ("batch", "parse"):
        arguments = ["batch", "in", "-o", "out"] if command == "batch" else ["parse", "in"]
        result = gongkai_cli(*arguments, *option, cwd=tmp_path)
        assert result.returncode == 2, (command, option, result.stderr)
        assert "Traceback" not in result.stderr.decode("utf-8")
    assert not (tmp_path / "out").exists()


def test_parse_and_check_read_folders_and_standard_input(folder: list[str], tmp_path: Path) -> None:
    good = folder[: len(SEEDS)]
    by_folder = gongkai_cli("parse", "in", "--format", "csv", cwd=tmp_path)
    assert by_folder.returncode == EXIT_UNREADABLE
    assert by_folder.stdout == gongkai_cli("parse", *good, "--format", "csv", cwd=tmp_path).stdout
    assert (
        by_folder.stderr.decode("utf-8")
        .splitlines()[-1]
        .startswith(f"{len(folder)} files: {len(SEEDS)} ok, 2 failed; findings: ")
    )
    piped = gongkai_cli("parse", "-", cwd=tmp_path, stdin=Path(good[2]).read_bytes())
    assert piped.returncode == 0, piped.stderr
    document = json.loads(piped.stdout)
    assert document["source"] == "stdin"
    assert document["tables"] == json.loads(gongkai_cli("parse", good[2], cwd=tmp_path).stdout)["tables"]
    checked = gongkai_cli("check", "in", "--format", "json", cwd=tmp_path)
    assert checked.returncode == EXIT_UNREADABLE
    (tmp_path / "nothing").mkdir()
    empty = gongkai_cli("parse", "nothing", cwd=tmp_path)
    assert empty.returncode == EXIT_UNREADABLE
    assert empty.stderr.decode("utf-8").startswith("gongkai: nothing: is a folder with no document files")


def test_twenty_runs_killed_at_random_moments_each_rerun_gives_the_uninterrupted_outputs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Twenty times: a batch killed with SIGKILL at a random moment (seeded: the same moments on
    every run of the test), then run again to its end: the outputs are those of a batch never
    interrupted, and no file is left half-written."""
    monkeypatch.chdir(tmp_path)
    make_folder(tmp_path)
    whole = gongkai_cli("batch", "in", "-o", "whole", "-j", "2", cwd=tmp_path)
    assert whole.returncode == EXIT_UNREADABLE
    expected = ((tmp_path / "whole" / "cells.csv").read_bytes(), without_seconds(tmp_path / "whole"))
    command = [sys.executable, "-m", "gongkai", "batch", "in", "-o", "out", "-j", "2"]
    for moment in random.Random(20).sample(range(200, 1500), 20):
        shutil.rmtree(tmp_path / "out", ignore_errors=True)
        process = subprocess.Popen(command, cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(moment / 1000)
        process.kill()
        process.wait(timeout=60)
        rerun = gongkai_cli("batch", "in", "-o", "out", "-j", "2", cwd=tmp_path)
        assert rerun.returncode == EXIT_UNREADABLE, (moment, rerun.stderr.decode("utf-8"))
        outputs = ((tmp_path / "out" / "cells.csv").read_bytes(), without_seconds(tmp_path / "out"))
        assert outputs == expected, f"killed at {moment} ms"
        assert partial_files(tmp_path / "out") == [], f"killed at {moment} ms"
