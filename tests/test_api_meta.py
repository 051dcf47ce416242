"""Meta-tests that keep the plugin API honest: documented, referenced by tests, reference current."""

from __future__ import annotations

import inspect
import re
from importlib import resources
from pathlib import Path

import attrs
import pytest

import gongkai.plugin
from gongkai import apidoc, hookspecs
from gongkai.plugin import (
    Check,
    CheckContext,
    DetectionContext,
    Exporter,
    HeaderCell,
    Reader,
    RegionClaim,
    RegionProfile,
    Renderer,
)

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
    assert "Example::" in doc and f"def {hook}(" in doc, f"{hook} needs an example implementation"


@pytest.mark.parametrize("hook", HOOKS)
def test_every_hook_is_implemented_by_a_test_plugin(hook: str) -> None:
    sources = [path.read_text(encoding="utf-8") for path in TESTS.glob("test_*.py") if path.name != Path(__file__).name]
    assert any(re.search(rf"@(?:\w+\.)?hookimpl[^\n]*\n\s*def {hook}\(", source) for source in sources), (
        f"no test implements {hook}"
    )


# names in annotations that are Python's, not gongkai's
_BUILTIN_TYPES = frozenset(
    {"Sequence", "Optional", "Mapping", "Callable", "Iterable", "TextIO", "Decimal", "Any", "None"}
)
# the records a hook returns, whose fields are types a plugin meets too
_RECORDS = (Reader, Renderer, Exporter, Check, CheckContext, RegionProfile, RegionClaim, DetectionContext, HeaderCell)


def _annotated_types() -> set[str]:
    annotations = [
        str(annotation)
        for hook in HOOKS
        for annotation in inspect.signature(getattr(hookspecs, hook)).parameters.values()
    ]
    annotations += [str(inspect.signature(getattr(hookspecs, hook)).return_annotation) for hook in HOOKS]
    annotations += [str(field.type) for record in _RECORDS for field in attrs.fields(record)]
    return {name for text in annotations for name in re.findall(r"\b[A-Z][A-Za-z]+\b", text)} - _BUILTIN_TYPES


def test_every_type_a_hook_takes_or_returns_is_in_gongkai_plugin() -> None:
    missing = sorted(_annotated_types() - set(gongkai.plugin.__all__))
    assert missing == [], f"gongkai.plugin does not export {missing}"


def test_the_shipped_reference_is_generated_from_the_code() -> None:
    shipped = (TESTS.parent / "docs" / "plugins.md").read_text(encoding="utf-8")
    assert shipped == apidoc.render(TESTS.parent / apidoc.TUTORIAL), (
        "docs/plugins.md is stale: run python -m gongkai.apidoc > docs/plugins.md"
    )


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
