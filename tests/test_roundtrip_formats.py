"""Round trips across formats, proved by laws rather than examples.

For every region plugin (and the national baseline) and every format: a consistent generated
document, rendered in the region's conventions and parsed back, gives the same tables cell for
cell, and the checks find no error; changing one rendered amount makes the parse differ in
exactly that cell, and a check names it. For every seed: parse → render → parse gives the same
tables as the first parse. Each test is marked with its format, so that tox runs it in that
format's environment.

``GONGKAI_ROUNDTRIP_EXAMPLES`` (default 50) is how many documents are drawn per region and
format: with four regions, 200 per format.
"""

from __future__ import annotations

import importlib.util
import os
import random
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import gongkai
from gongkai import Document
from gongkai.testing import assert_change_found, assert_round_trip, differences, documents, profile_of

from .seeds import FACTS

REGIONS = ("national", "fujian", "yunnan", "hubei")
EXAMPLES = int(os.environ.get("GONGKAI_ROUNDTRIP_EXAMPLES", "50"))
CHANGES = max(1, EXAMPLES // 5)
NEEDS = {"text": (), "markdown": (), "html": ("lxml",), "pdf": ("pdfminer", "reportlab")}


def _format(to: str) -> list[Any]:
    missing = [module for module in NEEDS[to] if importlib.util.find_spec(module) is None]
    marks: list[Any] = [getattr(pytest.mark, to)]
    if missing:
        marks.append(pytest.mark.skip(reason=f"the {to} format needs {', '.join(missing)}"))
    return marks


def _params(*axes: tuple[str, ...]) -> list[Any]:
    return [pytest.param(to, other, marks=_format(to), id=f"{to}-{other}") for to in NEEDS for other in axes[0]]


def _settings(examples: int) -> settings:
    return settings(
        max_examples=examples,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )


@pytest.mark.parametrize(("to", "region"), _params(REGIONS))
def test_render_then_parse_gives_the_same_tables_and_no_error(to: str, region: str) -> None:
    profile = profile_of(region)
    drawn: list[str] = []

    @_settings(EXAMPLES)
    @given(document=documents(profile))
    def check(document: Document) -> None:
        parsed = assert_round_trip(document, to)
        assert parsed.region.province == (profile.province or None)
        drawn.append(document.entity or "")

    check()
    assert len(drawn) >= EXAMPLES, f"only {len(drawn)} documents were tried"


@pytest.mark.parametrize(("to", "region"), _params(REGIONS))
def test_one_changed_amount_changes_that_cell_and_a_check_names_it(to: str, region: str) -> None:
    profile = profile_of(region)

    @_settings(CHANGES)
    @given(document=documents(profile), seed=st.integers(0, 2**32 - 1))
    def check(document: Document, seed: int) -> None:
        assert_change_found(document, to, random.Random(seed))

    check()


@pytest.mark.parametrize(("to", "seed"), _params(tuple(FACTS)))
def test_a_seed_rendered_in_any_format_parses_to_the_same_tables(
    to: str, seed: str, parsed: dict[str, Document]
) -> None:
    first = parsed[seed]
    again = gongkai.parse(gongkai.render(first, to), name=f"{seed}.{to}")
    assert differences(first, again) == []
    assert again.plugin == first.plugin


@pytest.mark.parametrize(("to", "seed"), _params(("003", "004")))
def test_a_seed_rendered_in_the_national_conventions_keeps_its_amounts(
    to: str, seed: str, parsed: dict[str, Document]
) -> None:
    """A seed printed in the national 表样's conventions: no 公开NN numbers, national titles,
    no 栏次 row (so Yunnan's and Hubei's columns are mapped by their headers, not by 栏次), and
    the same amounts in the same cells come back."""
    first = parsed[seed]
    again = gongkai.parse(gongkai.render(first, to, region="national"), name=f"{seed}.{to}")
    assert [table.number for table in again.tables] == [None] * len(first.tables)
    assert [table.id for table in again.tables] == [table.id for table in first.tables]
    cells = {(t.id, r.code, r.label, c.column, c.raw) for t, r, c in first.cells() if c.raw}
    assert cells == {(t.id, r.code, r.label, c.column, c.raw) for t, r, c in again.cells() if c.raw}
