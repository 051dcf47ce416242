"""The tutorial's region (docs/tutorial/gongkai_hainan.py), loaded from its file as a reader of
docs/plugins.md would write it, passes the conformance kit in every format."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

import gongkai
from gongkai.manager import create_plugin_manager
from gongkai.testing import RegionConformance

TUTORIAL = Path(__file__).resolve().parent.parent / "docs" / "tutorial" / "gongkai_hainan.py"


def _load() -> ModuleType:
    spec = importlib.util.spec_from_file_location("gongkai_hainan", TUTORIAL)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


HAINAN = _load()


def test_the_tutorial_region_is_one_file_of_under_150_lines() -> None:
    assert len(TUTORIAL.read_text(encoding="utf-8").splitlines()) < 150


class _Hainan(RegionConformance):  # not collected: each format's class below carries its marker
    region = "hainan"
    plugins = (HAINAN,)
    kinds = ("final",)
    examples = 8


@pytest.mark.text
class TestHainan(_Hainan):
    formats = ("text", "markdown")


@pytest.mark.html
class TestHainanHtml(_Hainan):
    formats = ("html",)


@pytest.mark.pdf
class TestHainanPdf(_Hainan):
    formats = ("pdf",)


@pytest.mark.text
def test_the_tutorial_teaches_the_narrative_checks_a_word() -> None:
    """较上年多支出 is a direction word in Hainan's documents: a comparison that contradicts its
    figures is found there, and nowhere else."""
    sentence = "一般公共预算财政拨款支出100.00万元，较上年120.00万元多支出20.00万元。"
    text = f"海口市财政局2023年度部门决算\n二、部门决算情况说明\n（一）一般公共预算财政拨款支出情况\n{sentence}\n"
    manager = create_plugin_manager(plugins=[HAINAN])
    found = gongkai.parse(text.encode("utf-8"), name="hainan.txt", plugin_manager=manager)
    assert found.plugin == "hainan"
    assert [f.check for f in found.findings if f.check == "text.direction"] == ["text.direction"]
