"""The example third-party region plugin (examples/gongkai-anhui) and the conformance kit's header check.

The kit's ``unmapped_headers`` must name every header a region prints that its plugin does not map
back to its column. These tests take a second copy of the example plugin's module, drop one of its
header aliases, and check that exactly that header is reported, with what to do about it. They run
where the example is installed (``pip install -e examples/gongkai-anhui``) and skip elsewhere.
"""

from __future__ import annotations

import importlib.util
import types

import pytest

from gongkai.canonical import load_spec
from gongkai.manager import create_plugin_manager
from gongkai.testing import profile_of, unmapped_headers

anhui = pytest.importorskip(
    "gongkai_anhui", reason="the example plugin is not installed (pip install -e examples/gongkai-anhui)"
)

ALIASES = [(table_id, printed) for table_id, aliases in anhui.HEADER_ALIASES.items() for printed in aliases]


def fresh_copy() -> types.ModuleType:
    """A second instance of the plugin's module, with its own HEADER_ALIASES to change."""
    spec = importlib.util.find_spec("gongkai_anhui")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_intact_plugin_maps_back_every_header_it_prints() -> None:
    manager = create_plugin_manager(entry_points=False, plugins=[anhui])
    assert profile_of("anhui", plugin_manager=manager) == anhui.PROFILE
    assert unmapped_headers(anhui.PROFILE, plugin_manager=manager) == []


@pytest.mark.parametrize(
    ("table_id", "printed"), ALIASES, ids=[f"{t}.{anhui.HEADER_ALIASES[t][p]}" for t, p in ALIASES]
)
def test_a_missing_alias_is_reported_with_its_header_and_column(table_id: str, printed: str) -> None:
    copy = fresh_copy()
    column = copy.HEADER_ALIASES[table_id].pop(printed)
    assert anhui.HEADER_ALIASES[table_id][printed] == column, "the installed module must stay intact"
    manager = create_plugin_manager(entry_points=False, plugins=[copy])
    assert profile_of("anhui", plugin_manager=manager) is copy.PROFILE
    problems = unmapped_headers(copy.PROFILE, plugin_manager=manager)
    nationally = load_spec().table(table_id).match_column(tuple(printed.split("/")))
    assert problems == [
        f"{table_id}: the header {printed!r} that anhui prints over column {column!r} maps to {nationally!r}; "
        "add it to the aliases of your gongkai_map_column hook"
    ]


def test_without_the_plugin_none_of_its_headers_maps_back() -> None:
    manager = create_plugin_manager(entry_points=False)
    problems = unmapped_headers(anhui.PROFILE, plugin_manager=manager)
    assert len(problems) == len(ALIASES), problems
