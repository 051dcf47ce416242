"""Reading the data files of ``spec/`` that ship inside the package (as ``gongkai.spec``)."""

from __future__ import annotations

import sys
from importlib import resources
from typing import Any

if sys.version_info >= (3, 11):
    import tomllib
else:  # Python 3.10: the same parser, as a backport
    import tomli as tomllib


def spec_text(name: str) -> str:
    """The text of ``spec/<name>`` as installed with gongkai."""
    return resources.files("gongkai.spec").joinpath(name).read_text("utf-8")


def parse_toml(text: str) -> dict[str, Any]:
    """``text`` parsed as TOML."""
    return tomllib.loads(text)
