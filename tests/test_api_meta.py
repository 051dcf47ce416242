"""Meta-tests that keep the plugin API honest: documented, referenced by tests, reference current."""

from __future__ import annotations

import inspect
from importlib import resources
from pathlib import Path

import pytest

from gongkai import apidoc, hookspecs

HOOKS = apidoc.hook_names()
TESTS = Path(__file__).parent


def test_the_api_has_the_hooks_the_design_promises() -> None:
    assert set(HOOKS) == {
        "gongkai_readers",
        "gongkai_renderers",
        "gongkai_exporters",
        "gongkai_regions",
        "gongkai_checks",
        "gongkai_detect_region",
        "gongkai_identify_table",
        "gongkai_map_column",
        "gongkai_repair_table",
        "gongkai_adjust_identities",
        "gongkai_adjust_phrases",
    }


@pytest.mark.parametrize("hook", HOOKS)
def test_every_hook_states_its_contract(hook: str) -> None:
    doc = inspect.getdoc(getattr(hookspecs, hook)) or ""
    assert len(doc.split()) >= 20, f"{hook} needs a docstring a plugin author can work from"


@pytest.mark.parametrize("hook", HOOKS)
def test_every_hook_is_exercised_by_a_test(hook: str) -> None:
    sources = [path.read_text(encoding="utf-8") for path in TESTS.glob("test_*.py") if path.name != Path(__file__).name]
    assert any(hook in source for source in sources), f"no test implements or calls {hook}"


def test_the_shipped_reference_is_generated_from_the_code() -> None:
    shipped = resources.files("gongkai.spec").joinpath("plugin-api.md").read_text(encoding="utf-8")
    assert shipped == apidoc.render(), "spec/plugin-api.md is stale: run python -m gongkai.apidoc > spec/plugin-api.md"


def test_the_reference_documents_every_hook() -> None:
    reference = apidoc.render()
    for hook in HOOKS:
        assert f"### `{hook}(" in reference


def test_the_shipped_catalogue_of_checks_is_generated_from_the_registered_checks() -> None:
    shipped = resources.files("gongkai.spec").joinpath("checks.md").read_text(encoding="utf-8")
    assert shipped == apidoc.render_checks(), (
        "spec/checks.md is stale: run python -m gongkai.apidoc checks > spec/checks.md"
    )


def test_every_registered_check_states_its_contract() -> None:
    from gongkai.manager import Registry, default_plugin_manager

    checks = [entry.record for entry in Registry.collect(default_plugin_manager()).checks]
    assert {"table.hierarchy", "table.columns", "table.rows", "cross.tables", "text.amount"} <= {c.id for c in checks}
    for check in checks:
        assert check.id == check.id.lower() and "." in check.id, f"{check.id}: ids are dotted and lower-case"
        assert check.description.endswith("。") and len(check.description) >= 8, f"{check.id}: one sentence"
