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


def test_on_a_dask_worker_each_document_keeps_its_time_limit(tmp_path: Path) -> None:
    """A Dask worker may not fork (it is a daemonic process): its documents are parsed in the
    children of a server process of its own, under the batch's --timeout all the same."""
    (tmp_path / "in").mkdir()
    shutil.copy(FIXTURES / "000_d178e83414a3c697.txt", tmp_path / "in" / "small.txt")
    seed = (FIXTURES / "002_99a0e79d6e43ffbd.txt").read_text(encoding="utf-8")
    (tmp_path / "in" / "big.txt").write_text(seed * 100, encoding="utf-8")
    with distributed.LocalCluster(
        n_workers=1, threads_per_worker=1, processes=True, dashboard_address=None, local_directory=tmp_path
    ) as cluster:
        result = batch("in", "-o", "out", "--timeout", "0.5", "--dask", cluster.scheduler_address, cwd=tmp_path)
    assert result.returncode == 8, result.stderr
    manifest = {line.split(",")[0]: line for line in rows(tmp_path / "out" / "manifest.csv")[1:]}
    assert ",failed,took more than 0.5 s (raise it with --timeout)," in manifest["in/big.txt"]
    assert ",ok," in manifest["in/small.txt"]
