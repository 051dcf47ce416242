"""Hypothesis strategies for realistic, consistent disclosures, in a region's conventions.

A generated document is one department's accounts drawn from a small ledger: leaf amounts (exact
decimals at 万元 precision) for real 项 codes of the national classification
(``spec/national_codes.tsv``), split into basic (人员经费, 公用经费) and project spending, funded by
general-budget appropriations and the department's own income; economic items for the basic
spending; the “三公” items. Every table is computed from that ledger by the accounting
identities, so the tables agree with themselves and with each other, and the checks find no
error. Zero amounts print as the region prints them (0.00 or blank); columns that do not apply
may print a dash (not applicable). A :class:`~gongkai.testing.variety.Variety` asks for more
than the region's conventions: zeros printed every way, more groups side by side, spending in
every column, non-fiscal balances (the ledger is in :mod:`gongkai.testing.ledger`, the tables
are computed in :mod:`gongkai.testing.tables`).

    >>> from gongkai.testing import documents
    >>> from hypothesis import given
    >>> @given(documents(region=MY_PROFILE))      # doctest: +SKIP
    ... def test_something(document): ...
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Optional

import attrs
from hypothesis import strategies as st

from ..registrations import RegionProfile
from ..rendering import NATIONAL
from ..schema import Document, Region, Table
from .ledger import FIRST_YEAR, Ledger, cents, ledgers, national_codes
from .tables import (
    EXPENDITURE_ITEMS,
    Context,
    Printer,
    economic,
    expenditure,
    general_budget,
    income,
    summary,
    three_public,
)
from .variety import Variety

__all__ = [
    "EXPENDITURE_ITEMS",
    "FIRST_YEAR",
    "TABLES",
    "Ledger",
    "Variety",
    "cents",
    "documents",
    "ledgers",
    "national_codes",
]

#: The tables a generated document holds, in the national order.
TABLES = (
    "summary",
    "income",
    "expenditure",
    "general_budget_expenditure",
    "basic_expenditure_economic",
    "three_public",
)
_DEPARTMENTS = ("医疗保障局", "医疗保障服务中心", "财政局", "教育局", "人力资源和社会保障局", "住房和城乡建设局")


def _conventions(profile: RegionProfile, variety: Variety) -> RegionProfile:
    """``profile`` with the conventions ``variety`` overrides."""
    conventions = profile.conventions
    if variety.thousands is not None:
        conventions = attrs.evolve(conventions, thousands=variety.thousands)
    if variety.economic_groups is not None:
        conventions = attrs.evolve(conventions, economic_groups=variety.economic_groups)
    return attrs.evolve(profile, conventions=conventions)


@st.composite
def documents(
    draw: st.DrawFn,
    region: Optional[RegionProfile] = None,
    kinds: Sequence[str] = ("final", "budget"),
    tables: Sequence[str] = TABLES,
    variety: Optional[Variety] = None,
) -> Document:
    """A consistent disclosure of ``region`` (a registered profile; default: the national
    表样) in its conventions, holding ``tables`` (ids of :data:`TABLES`), of one of ``kinds``,
    printing the ``variety`` asked for beyond the conventions (none by default)."""
    variety = variety or Variety()
    profile = region or NATIONAL
    kind = draw(st.sampled_from(list(kinds)))
    place = draw(st.sampled_from(list(profile.cities or profile.counties or ("样例市",))))
    entity = f"{place}{draw(st.sampled_from(_DEPARTMENTS))}"
    printing = _conventions(profile, variety)
    printer = Printer(
        printing.conventions,
        dash=draw(st.booleans()),
        zeros=variety.zeros,
        pick=lambda texts: draw(st.sampled_from(list(texts))),
    )
    context = Context(printing, kind, entity, printer, variety)
    ledger = draw(ledgers(other=variety.spending and kind == "final"))
    makers: dict[str, Callable[[], Table]] = {
        "summary": lambda: summary(draw, context, ledger),
        "income": lambda: income(context, ledger),
        "expenditure": lambda: expenditure(context, ledger),
        "general_budget_expenditure": lambda: general_budget(context, ledger),
        "basic_expenditure_economic": lambda: economic(draw, context, ledger),
        "three_public": lambda: three_public(context, ledger),
    }
    built = tuple(makers[table]() for table in TABLES if table in tables)
    city = place if place in profile.cities else None
    return Document(
        source="generated",
        format="generated",
        sha256="",
        region=Region(province=profile.province or None, city=city),
        plugin=profile.name,
        entity=entity,
        # the years the national names it prints are valid in (spec/national_codes.tsv)
        year=draw(st.integers(FIRST_YEAR, 2025)),
        kind=kind,
        scope="department",
        unit="万元",
        tables=built,
    )
