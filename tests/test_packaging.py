"""What ``pip install .`` ships: every package of the source tree and the spec's data files."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    tomllib = pytest.importorskip("tomli")


def _setuptools() -> dict:
    pyproject = ROOT / "pyproject.toml"
    if not pyproject.exists():
        pytest.skip("not running from a source tree")
    return tomllib.loads(pyproject.read_text(encoding="utf-8"))["tool"]["setuptools"]


def test_every_package_of_the_core_is_installed() -> None:
    listed = set(_setuptools()["packages"])
    core = ROOT / "core"
    found = {".".join(init.parent.relative_to(core).parts) for init in core.rglob("__init__.py")}
    assert found - listed == set(), "packages missing from [tool.setuptools] packages in pyproject.toml"


def test_every_spec_file_is_installed() -> None:
    patterns = _setuptools()["package-data"]["gongkai.spec"]
    shipped = [path for path in (ROOT / "spec").iterdir() if path.is_file() and path.name != "__init__.py"]
    unshipped = [path.name for path in shipped if not any(path.match(pattern) for pattern in patterns)]
    assert unshipped == [], "spec files missing from package-data in pyproject.toml"
