"""``gongkai batch --dask``: the same batch on a dask.distributed cluster (a LocalCluster of two
worker processes here) writes the same outputs as the local run: same cells, same manifest (the
seconds aside), the documents' bytes sent to workers that need no access to the files."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .seeds import FIXTURES

pytestmark = pytest.mark.dask
distributed = pytest.importorskip("distributed")


def batch(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "gongkai", "batch", *args], cwd=cwd, capture_output=True, encoding="utf-8"
    )


def rows(path: Path, drop: str = "") -> list[str]:
    """The CSV's lines, without the column ``drop`` (by header name)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    header = lines[0].split(",")
    if drop not in header:
        return lines
    index = header.index(drop)
    return [",".join(field for i, field in enumerate(line.split(",")) if i != index) for line in lines]


def test_a_dask_cluster_writes_what_local_processes_write(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    for seed in sorted(FIXTURES.glob("*.txt")):
        shutil.copy(seed, tmp_path / "in" / seed.name)
    (tmp_path / "in" / "empty.txt").write_bytes(b"")
    local = batch("in", "-o", "local", "-j", "2", cwd=tmp_path)
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None, local_directory=tmp_path
    ) as cluster:
        remote = batch("in", "-o", "remote", "--dask", cluster.scheduler_address, cwd=tmp_path)
    assert remote.returncode == local.returncode == 3, remote.stderr
    assert "Traceback" not in remote.stderr
    assert sorted(rows(tmp_path / "remote" / "cells.csv")) == sorted(rows(tmp_path / "local" / "cells.csv"))
    assert rows(tmp_path / "remote" / "manifest.csv", "seconds") == rows(tmp_path / "local" / "manifest.csv", "seconds")
    assert remote.stderr.splitlines()[-1].startswith("6 documents: 5 ok, 1 failed; ")


def test_an_unreachable_scheduler_is_one_line(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("x", encoding="utf-8")
    result = batch("a.txt", "-o", "out", "--dask", "tcp://127.0.0.1:9", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.startswith("gongkai: batch: cannot reach the Dask scheduler at tcp://127.0.0.1:9")
    assert len(result.stderr.splitlines()) == 1, result.stderr
