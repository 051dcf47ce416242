"""HTML elements that libxml2 does not close never swallow what follows: a page read as a
browser shows it. ``<embed>``, ``<source>``, ``<track>``, ``<wbr>`` are void in HTML5 (nothing
inside them), and the content of an ``<object>`` is its fallback, shown by a browser that does
not display the object; the tables after or inside them are read as without them."""

from __future__ import annotations

import pytest

import gongkai
from gongkai.manager import Registry, default_plugin_manager
from gongkai.pipeline import read_layout
from gongkai.rendering import lay_out

from .seeds import FIXTURES

pytestmark = pytest.mark.html
pytest.importorskip("lxml")

SEED = FIXTURES / "002_99a0e79d6e43ffbd.txt"
REGISTRY = Registry.collect(default_plugin_manager())


@pytest.fixture(scope="module")
def page() -> str:
    renderer = REGISTRY.renderer("html")
    return renderer.render(lay_out(gongkai.parse(SEED), None)).decode("utf-8")


def cells(document: gongkai.Document) -> list[tuple[str, str, str, str]]:
    return [(t.id, r.code or r.label, c.column, c.raw) for t in document.tables for r in t.rows for c in r.cells]


@pytest.mark.parametrize(
    "before",
    [
        "<embed src=flash.swf>",
        "<embed src=a.swf><embed src=b.swf>附件说明<source src=c.mp4><track src=d.vtt>",
        "<object data=report.swf><param name=q value=1>",
        "<p>支<wbr>出<wbr>说明</p><embed src=x>",
    ],
    ids=["embed", "nested-voids", "unclosed-object", "wbr"],
)
def test_unclosed_tags_do_not_swallow_the_tables_after_them(page: str, before: str) -> None:
    first = page.index("<table")
    expected = gongkai.parse(page.encode("utf-8"), name="page.html")
    hostile = gongkai.parse((page[:first] + before + page[first:]).encode("utf-8"), name="page.html")
    assert cells(hostile) == cells(expected)
    layout = read_layout((page[:first] + before + page[first:]).encode("utf-8"), "page.html", REGISTRY)
    texts = [line.text for line in layout.lines]
    if "附件说明" in before:
        assert "附件说明" in texts, "text after a void element is read where it is printed"
    if "wbr" in before:
        assert "支出说明" in texts, "<wbr> breaks no word"
