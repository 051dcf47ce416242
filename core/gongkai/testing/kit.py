"""The conformance kit: ready-made tests a region plugin runs against itself.

Subclass :class:`RegionConformance` in a test module of your plugin's package and name your
region; pytest collects the tests::

    from gongkai.testing import RegionConformance

    class TestMyRegion(RegionConformance):
        region = "myregion"          # the name of your RegionProfile

Each test draws consistent documents in your region's conventions (:func:`documents`), prints
them with gongkai's renderers and parses them back with your plugin installed:

* ``test_headers_map_back``: every column header your conventions print maps back to its column;
* ``test_detection``: documents from your cities are claimed by your plugin, with the province;
* ``test_round_trip``: for each format, the same tables come back cell for cell, and the checks
  find no error;
* ``test_changed_amount_is_found``: one printed amount changed, the parse differs in exactly
  that cell and a check names it;
* ``test_other_regions_unchanged``: documents of other regions (the national layout) parse the
  same with and without your plugin installed.

A failure says what is missing or what differs, table, row and column. The functions the tests
use are public too, for tests of your own.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from decimal import Decimal
from typing import ClassVar, Optional

import attrs
import pluggy
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ..canonical import load_spec
from ..dispatch import region_hooks
from ..manager import Registry, create_plugin_manager, default_plugin_manager
from ..pipeline import parse
from ..registrations import HeaderCell, RegionClaim, RegionProfile
from ..rendering import NATIONAL, render
from ..schema import Cell, CellStatus, Document, Finding, Region, Row, Severity, Table
from .compare import differences
from .strategies import documents

FORMATS = ("text", "markdown", "html", "pdf")


def profile_of(region: str, plugin_manager: Optional[pluggy.PluginManager] = None) -> RegionProfile:
    """The registered profile called ``region`` (the national one for "national"); an
    AssertionError that lists the registered regions when there is none."""
    if region == NATIONAL.name:
        return NATIONAL
    registry = Registry.collect(plugin_manager or default_plugin_manager())
    try:
        return registry.region(region)
    except KeyError:
        names = [registered.record.name for registered in registry.regions]
        raise AssertionError(
            f"no region {region!r} is registered (registered: {names}); is the plugin installed?"
        ) from None


def round_trip(
    document: Document, to: str, plugin_manager: Optional[pluggy.PluginManager] = None
) -> tuple[bytes, Document]:
    """``document`` rendered as ``to`` in its own conventions and parsed back."""
    data = render(document, to, plugin_manager=plugin_manager)
    name = f"{document.entity}.{to}"
    return data, parse(data, name=name, plugin_manager=plugin_manager)


def errors_of(document: Document) -> list[Finding]:
    """The error-level findings of a parsed document."""
    return [finding for finding in document.findings if finding.severity is Severity.ERROR]


def assert_round_trip(document: Document, to: str, plugin_manager: Optional[pluggy.PluginManager] = None) -> Document:
    """Render ``document`` as ``to``, parse it back, and fail with every difference (and every
    error the checks find) unless the parse gives the same tables; returns the parse."""
    _, parsed = round_trip(document, to, plugin_manager)
    problems = differences(document, parsed)
    if parsed.plugin != document.plugin:
        problems.insert(0, f"the document was claimed by {parsed.plugin!r}, not {document.plugin!r}")
    problems += [f"check error {finding.check}: {finding.message}" for finding in errors_of(parsed)]
    if problems:
        raise AssertionError(f"{to} round trip of {document.entity} ({document.kind}):\n  " + "\n  ".join(problems))
    return parsed


def unmapped_headers(profile: RegionProfile, plugin_manager: Optional[pluggy.PluginManager] = None) -> list[str]:
    """The headers ``profile``'s conventions print that map to no column or the wrong one."""
    hooks = region_hooks(plugin_manager or default_plugin_manager(), profile.name)
    spec = load_spec()
    claim = RegionClaim(plugin=profile.name, region=Region(province=profile.province or None), profile=profile)
    problems = []
    for table_id, columns in profile.conventions.headers.items():
        canonical = spec.table(table_id)
        for column, printed in columns.items():
            header = HeaderCell(path=tuple(printed.split("/")), group=canonical.column(column).group)
            mapped = hooks.gongkai_map_column(table=canonical, header=header, region=claim)
            if mapped is None:
                mapped = canonical.match_column(header.path, header.group)
            if mapped != column:
                problems.append(
                    f"{table_id}: the header {printed!r} that {profile.name} prints over column {column!r} maps to "
                    f"{mapped!r}; add it to the aliases of your gongkai_map_column hook"
                )
    return problems


def change_one_amount(document: Document, pick: random.Random) -> tuple[Document, Table, Row, Cell]:
    """``document`` with one printed amount raised by 1.00 (chosen by ``pick``): the changed
    document, and the table, row and new cell. A document printing no amount at all (every
    amount zero, printed blank) gets 1.00 in the blank cell of a 项 row instead."""
    candidates = [(t, r, c) for t, r, c in document.cells() if c.status is CellStatus.VALUE]
    if not candidates:
        candidates = [(t, r, c) for t, r, c in document.cells() if c.status is CellStatus.BLANK and r.level == 3]
    table, row, cell = pick.choice(candidates)
    value = (cell.value or Decimal(0)) + Decimal("1.00")
    # printed as the document prints amounts: with thousands separators if it uses them
    raw = f"{value:,.2f}" if _thousands(document) else f"{value:.2f}"
    new_cell = attrs.evolve(cell, status=CellStatus.VALUE, raw=raw, value=Decimal(raw.replace(",", "")))
    new_row = attrs.evolve(row, cells=tuple(new_cell if c is cell else c for c in row.cells))
    new_table = attrs.evolve(table, rows=tuple(new_row if r is row else r for r in table.rows))
    changed = attrs.evolve(document, tables=tuple(new_table if t is table else t for t in document.tables))
    return changed, new_table, new_row, new_cell


def _thousands(document: Document) -> bool:
    return any("," in cell.raw for _, _, cell in document.cells())


def names_cell(finding: Finding, table: Table, row: Row) -> bool:
    """True if ``finding`` points at ``row`` of ``table``: as its row, or as an addend of its sum."""
    names = {name for name in (row.code, row.label) if name}
    return finding.table == table.id and (finding.row in names or bool(names & set(finding.addends)))


def assert_change_found(
    document: Document, to: str, pick: random.Random, plugin_manager: Optional[pluggy.PluginManager] = None
) -> None:
    """Change one amount of ``document``, render and parse: the parse must differ from the
    original in exactly that cell, and a check must name its table and row."""
    changed, table, row, cell = change_one_amount(document, pick)
    _, parsed = round_trip(changed, to, plugin_manager)
    where = f"{table.number or ''}{table.title} row {row.code or row.label} column {cell.column}"
    assert differences(changed, parsed) == [], f"{to}: the changed document did not parse back: " + "; ".join(
        differences(changed, parsed)
    )
    found = differences(document, parsed)
    assert len(found) == 1 and cell.column in found[0], f"{to}: changing {where} should make one difference: {found}"
    named = [finding for finding in errors_of(parsed) if names_cell(finding, table, row)]
    assert named, f"{to}: no check found the changed amount at {where}; errors: " + "; ".join(
        f.message for f in errors_of(parsed)
    )


def without_region(region: str, plugins: Sequence[object] = ()) -> pluggy.PluginManager:
    """A plugin manager with everything installed and ``plugins``, except the plugin that
    registers ``region``."""
    manager = create_plugin_manager(plugins=plugins)
    for registered in Registry.collect(manager).regions:
        if registered.record.name == region:
            manager.unregister(name=registered.plugin)
    return manager


def assert_unchanged_without(document: Document, region: str, to: str = "text", plugins: Sequence[object] = ()) -> None:
    """``document`` printed as ``to`` parses the same (tables, claim, findings) with and without
    the plugin of ``region`` (installed, or one of ``plugins``): a plugin changes nothing in other
    regions' documents."""
    manager = create_plugin_manager(plugins=plugins) if plugins else default_plugin_manager()
    printed = render(document, to, plugin_manager=manager)
    name = f"other.{to}"
    with_plugin = parse(printed, name=name, plugin_manager=manager)
    without = parse(printed, name=name, plugin_manager=without_region(region, plugins))
    assert with_plugin.plugin == without.plugin, f"{document.entity}: claimed by {with_plugin.plugin!r}"
    assert differences(without, with_plugin) == [], f"{region} changed another region's tables"
    assert with_plugin.findings == without.findings, f"{region} changed another region's findings"


class RegionConformance:
    """Conformance tests for a region plugin: subclass it and set ``region``.

    ``formats`` are the renderers to round-trip through (drop "pdf" if your tests run without
    ``gongkai[pdf]``); ``examples`` is how many documents each test draws per format;
    ``plugins`` are plugin objects to test besides the installed ones (a region module that is not
    installed as a distribution, such as the tutorial's).
    """

    region: ClassVar[str] = ""
    formats: ClassVar[Sequence[str]] = FORMATS
    examples: ClassVar[int] = 20
    kinds: ClassVar[Sequence[str]] = ("final", "budget")
    plugins: ClassVar[Sequence[object]] = ()

    def _manager(self) -> pluggy.PluginManager:
        return create_plugin_manager(plugins=self.plugins) if self.plugins else default_plugin_manager()

    def _profile(self) -> RegionProfile:
        assert self.region, f"{type(self).__name__}: set `region` to the name of your RegionProfile"
        return profile_of(self.region, self._manager())

    def _settings(self, examples: Optional[int] = None) -> settings:
        return settings(
            max_examples=examples or self.examples,
            deadline=None,
            suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
        )

    def test_headers_map_back(self) -> None:
        problems = unmapped_headers(self._profile(), self._manager())
        assert not problems, "\n".join(problems)

    def test_detection(self) -> None:
        manager = self._manager()
        profile = self._profile()

        @self._settings()
        @given(document=documents(profile, kinds=self.kinds, tables=("expenditure",)))
        def check(document: Document) -> None:
            _, parsed = round_trip(document, "text", manager)
            assert parsed.plugin == profile.name, f"{document.entity}: claimed by {parsed.plugin!r}"
            assert parsed.region.province == (profile.province or None), (
                f"{document.entity}: province {parsed.region.province!r}, not {profile.province!r}"
            )

        check()

    def test_round_trip(self) -> None:
        manager = self._manager()
        profile = self._profile()
        for to in self.formats:

            @self._settings()
            @given(document=documents(profile, kinds=self.kinds), to=st.just(to))
            def check(document: Document, to: str) -> None:
                assert_round_trip(document, to, manager)

            check()

    def test_changed_amount_is_found(self) -> None:
        manager = self._manager()
        profile = self._profile()
        for to in self.formats:

            @self._settings(max(1, self.examples // 2))
            @given(document=documents(profile, kinds=self.kinds), seed=st.integers(0, 2**32 - 1), to=st.just(to))
            def check(document: Document, seed: int, to: str) -> None:
                assert_change_found(document, to, random.Random(seed), manager)

            check()

    def test_other_regions_unchanged(self) -> None:
        region = self._profile().name

        @self._settings(max(1, self.examples // 2))
        @given(document=documents(NATIONAL))
        def check(document: Document) -> None:
            assert_unchanged_without(document, region, plugins=self.plugins)

        check()
