"""A real disclosure shipped with gongkai, for trying it out: 曲靖市沾益区医疗保障局 2023 部门决算."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

SAMPLE = "zhanyi-2023-final.txt"


def sample_path() -> Path:
    """The path of the bundled sample document."""
    return Path(str(resources.files(__name__).joinpath(SAMPLE)))
