"""Hostile narratives and tables found by the fuzz campaign: a line of the 情况说明 repeated sixty
thousand times (with figures, shares of one sentence, a heading that opens no table, or the year
before a figure's words), a figure's words over a million characters long. Every scan over a paragraph's marks and
figures, and over a table block's lines, is linear, so each parses in seconds, not minutes.

Each case runs ``gongkai parse`` in a child with a time limit, a hang guard far above the few
seconds a linear reading takes (the quadratic scans these replaced took several minutes on each),
not a speed measurement."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from gongkai.checks.restatements import _LONGEST_MEASURE, _MEASURES

from .seeds import FIXTURES

pytestmark = pytest.mark.text

SEED = (FIXTURES / "001_837d346b324402fd.txt").read_text(encoding="utf-8")
HANG_GUARD = 120


def _after_line(containing: str, added: str) -> str:
    lines = SEED.split("\n")
    at = next(i for i, line in enumerate(lines) if containing in line) + 1
    return "\n".join(lines[:at] + [added] + lines[at:])


HOSTILE = {
    "repeated-figures": _after_line(
        "减少", "\n".join(["2023年职业年金记实人员仅 4名，较去年减少 3名，减少 8.43"] * 60_000)
    ),
    "repeated-heading": _after_line(
        "一、", "\n".join(["（六）强化监管，建立健全基金监管长效机制。一是加强政策宣传。"] * 60_000)
    ),
    "long-words": SEED + "\n" + "|-" * 600_000 + "7\n",
    # a figure's words opening with the year sixty thousand times (stripped one year a pass, it
    # took a pass over the whole clause per year)
    # one sentence of sixty thousand shares, each percentage looking back over every figure before it
    "repeated-shares": _after_line(
        "减少", "\n".join(["328.52 万元，占政府采购支出总额的10.91%，其中：授予小"] * 60_000)
    ),
    # a clause of sixty thousand percentages, each reading its lead back over every one before it
    "repeated-percentages": _after_line("资金到位率", "\n".join(["时效指标 资金到位率 ≥100% 100 20 20"] * 60_000)),
    "repeated-year": "\n".join(SEED.split("\n")[:2] + ["2023 年度"] * 60_000 + SEED.split("\n")[2:]),
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_a_hostile_narrative_parses_in_linear_time(name: str, tmp_path: Path) -> None:
    path = tmp_path / f"{name}.txt"
    path.write_text(HOSTILE[name], encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "gongkai", "parse", str(path), "--summary"], capture_output=True, timeout=HANG_GUARD
    )
    assert result.returncode == 0, result.stderr.decode("utf-8")


def test_no_measure_words_are_longer_than_the_cut_tried() -> None:
    """``_splits`` tries only the last ``_LONGEST_MEASURE`` characters as measure words."""
    try:
        from re import _parser as parser  # type: ignore[attr-defined]
    except ImportError:  # Python 3.10
        import sre_parse as parser  # type: ignore[no-redef]
    widths = [parser.parse(pattern.pattern).getwidth()[1] for _, pattern in _MEASURES]
    assert max(widths) <= _LONGEST_MEASURE
