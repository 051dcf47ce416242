"""Checks are plugins: a check or an identity adjustment defined only in a test is registered
through the plugin manager and used, with no change to the core."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from decimal import Decimal
from typing import Optional

import attrs
import pytest

import gongkai
from gongkai import Check, CheckContext, Document, Finding, Severity, hookimpl
from gongkai.checks.identities import Identity, parse_identities
from gongkai.errors import PluginError
from gongkai.manager import Registry, create_plugin_manager

from .seeds import FACTS, FIXTURES

SEED_003 = FIXTURES / FACTS["003"].file


class EntityNamed:
    """A third-party check: the document must name the body that publishes it."""

    @staticmethod
    def run(document: Document, context: CheckContext) -> Iterator[Finding]:
        if not document.entity:
            yield Finding(check="example.entity", severity=Severity.WARNING, message="没有写明编制单位")

    @hookimpl
    def gongkai_checks(self) -> Sequence[Check]:
        return [Check(id="example.entity", severity=Severity.WARNING, description="文件写明编制单位。", run=self.run)]


def test_a_check_plugin_is_registered_and_run() -> None:
    manager = create_plugin_manager(entry_points=False, plugins=[EntityNamed()])
    assert "example.entity" in [entry.record.id for entry in Registry.collect(manager).checks]
    document = gongkai.parse(SEED_003, plugin_manager=manager, checks=False)
    assert not [f for f in gongkai.check(document, plugin_manager=manager) if f.check == "example.entity"]
    anonymous = attrs.evolve(document, entity=None)
    (finding,) = [f for f in gongkai.check(anonymous, plugin_manager=manager) if f.check == "example.entity"]
    assert finding.severity is Severity.WARNING and finding.message == "没有写明编制单位"


def test_a_check_id_registered_twice_is_refused() -> None:
    class Impostor:
        @hookimpl
        def gongkai_checks(self) -> Sequence[Check]:
            return [Check(id="table.hierarchy", severity=Severity.INFO, description="重复。", run=lambda d, c: ())]

    with pytest.raises(PluginError, match=r"table\.hierarchy"):
        create_plugin_manager(entry_points=False, plugins=[Impostor()])


EXTRA = parse_identities(
    """
[[identity]]
id = "example.basic-is-all"
kind = "columns"
table = "expenditure"
total = "total"
parts = ["basic"]
description = "本年支出合计 = 基本支出"
"""
)


class StrictRegion:
    """Adjusts the identities for the documents of the region it claimed: here, for every document."""

    @hookimpl
    def gongkai_adjust_identities(self, document: Document, identities: Sequence[Identity]) -> Optional[list[Identity]]:
        return [identity for identity in identities if identity.id != "expenditure.total"] + list(EXTRA)


def test_a_plugin_adjusts_the_identities_a_document_is_checked_against() -> None:
    plain = gongkai.parse(SEED_003, checks=False)
    before = [f for f in gongkai.check(plain) if f.check == "table.columns"]
    assert [(f.table, f.row, f.column) for f in before] == [("expenditure", "210", "total")]

    manager = create_plugin_manager(entry_points=False, plugins=[StrictRegion()])
    after = [f for f in gongkai.check(plain, plugin_manager=manager) if f.check == "table.columns"]
    # 基本支出 alone is 本年支出合计 only where a row has no 项目支出 (63.00 in 21015 and 2101599):
    # the added identity fires there; the dropped one no longer fires on 210
    assert all("本年支出合计 = 基本支出" in f.message for f in after)
    assert {(f.row, f.printed, f.expected) for f in after} == {
        ("合计", "536.92", "473.92"),
        ("21015", "442.11", "379.11"),
        ("2101599", "63.00", "0"),
    }


def test_tolerance_is_per_addend_and_configurable() -> None:
    document = gongkai.parse(FIXTURES / FACTS["000"].file, checks=False)
    info = [f for f in gongkai.check(document) if f.severity is Severity.INFO and f.checked]
    assert info, "seed 000 has rounding differences of 0.01"
    assert all(f.check.startswith(("table.", "cross.")) for f in info)
    exact = gongkai.check(document, tolerance=Decimal(0))
    assert {(f.check, f.table, f.row, f.column) for f in info} <= {
        (f.check, f.table, f.row, f.column) for f in exact if f.severity is Severity.ERROR
    }
