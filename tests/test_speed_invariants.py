"""What a parse pays once per process and never again per document: the plugins' entry points
and distributions, the records they register, and the spec files."""

from __future__ import annotations

import importlib.metadata
import sys
from collections import Counter
from collections.abc import Callable
from importlib import resources
from typing import Any

import pytest

import gongkai
import gongkai.specfiles
from gongkai.manager import Registry

from .seeds import FACTS, FIXTURES

if sys.version_info >= (3, 11):
    import tomllib
else:
    import tomli as tomllib

SAMPLE = FIXTURES / FACTS["003"].file
OTHER = FIXTURES / FACTS["000"].file


def _counted(calls: Counter[str], name: str, real: Callable[..., Any]) -> Callable[..., Any]:
    def spy(*args: Any, **kwargs: Any) -> Any:
        calls[name] += 1
        return real(*args, **kwargs)

    return spy


def scans(monkeypatch: pytest.MonkeyPatch) -> Counter[str]:
    """Calls, from now on, of what scans installed distributions, gathers plugin records or reads a spec file."""
    calls: Counter[str] = Counter()
    for module, name in (
        (importlib.metadata, "entry_points"),
        (importlib.metadata, "distributions"),
        (importlib.metadata, "distribution"),
        (importlib.metadata, "version"),
        (resources, "files"),
        (tomllib, "loads"),
    ):
        monkeypatch.setattr(module, name, _counted(calls, name, getattr(module, name)))
    gather = Registry._gather.__func__  # type: ignore[attr-defined]
    monkeypatch.setattr(Registry, "_gather", classmethod(_counted(calls, "Registry._gather", gather)))
    return calls


def _parse_rendered(document: gongkai.Document, fmt: str, name: str) -> None:
    gongkai.parse(gongkai.render(document, to=fmt), name=f"{name}.{fmt}")


# HTML needs the html extra: that case runs in the html tox env
FORMATS = ["text", "markdown", pytest.param("html", marks=pytest.mark.html)]


@pytest.mark.parametrize("fmt", FORMATS)
def test_another_document_scans_no_plugin_metadata_and_reads_no_spec_file(
    monkeypatch: pytest.MonkeyPatch, fmt: str
) -> None:
    # the first document of the process pays what is paid once per process
    _parse_rendered(gongkai.parse(SAMPLE), fmt, "first")
    calls = scans(monkeypatch)
    _parse_rendered(gongkai.parse(OTHER), fmt, "other")
    assert calls == Counter()


def test_the_spies_see_a_plugin_manager_created_and_a_spec_file_read(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = scans(monkeypatch)
    gongkai.manager.create_plugin_manager()
    gongkai.specfiles.parse_toml(gongkai.specfiles.spec_text("tables.toml"))
    assert calls["distributions"] >= 1 and calls["Registry._gather"] == 1
    assert calls["files"] == 1 and calls["loads"] == 1
