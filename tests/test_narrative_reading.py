"""The 情况说明 reaches the checks whole: running text printed after the last table is narrative,
not the table's notes."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings

import gongkai
from gongkai import Document
from gongkai.testing import documents

from .test_corpus import SHARED

_SECTION = [
    "三、决算报表说明",
    "（一）收支决算总表说明",
    "本年收入合计100.00万元，与上年相比增加10.00万元，增长11.11%。",
]


@settings(max_examples=5, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents(kinds=("final",)))
def test_text_on_the_page_after_the_last_table_is_narrative(document: Document) -> None:
    """A section heading on a new page after the last table starts the running text again: it
    and its paragraphs are not the table's notes (a university's 决算报表说明 after its tables)."""
    printed = gongkai.render(document, "text").decode("utf-8")
    source = printed + "\f\n" + "\n".join(_SECTION) + "\n"
    parsed = gongkai.parse(source.encode("utf-8"), name="after-tables.txt", checks=False)
    assert parsed.tables[-1].notes == ()
    assert [line.text for line in parsed.narrative][-3:] == _SECTION


@pytest.mark.pdf
def test_a_universitys_report_notes_after_its_tables_are_read_as_text() -> None:
    path = SHARED / "corpus" / "cq_swu2023_final.pdf"
    if not path.exists():
        pytest.skip("../shared is not beside the project")
    parsed = gongkai.parse(path, checks=False)
    assert all(table.notes == () for table in parsed.tables)
    assert any(line.text == "三、决算报表说明" for line in parsed.narrative)
