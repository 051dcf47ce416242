"""Every public type and helper of :mod:`gongkai.plugin` is documented with an example that runs."""

from __future__ import annotations

import doctest
import inspect
import io

import pytest

import gongkai.plugin

# the classes and functions a plugin author meets (the BY_* constants are strings; hookimpl is a marker)
DOCUMENTED = [
    name
    for name, value in ((name, getattr(gongkai.plugin, name)) for name in gongkai.plugin.__all__)
    if name != "hookimpl" and (inspect.isclass(value) or inspect.isfunction(inspect.unwrap(value)))
]


def test_every_public_class_and_function_is_checked() -> None:
    expected = {name for name in gongkai.plugin.__all__ if not name.startswith("BY_")} - {"hookimpl"}
    assert set(DOCUMENTED) == expected


@pytest.mark.parametrize("name", DOCUMENTED)
def test_the_docstring_has_an_example(name: str) -> None:
    doc = inspect.getdoc(getattr(gongkai.plugin, name)) or ""
    assert ">>>" in doc, f"gongkai.plugin.{name} needs an example in its docstring"
    assert "\n\n" in doc and ">>>" not in doc.split("\n\n")[0], f"{name}: the first paragraph is the summary"


@pytest.mark.parametrize("name", DOCUMENTED)
def test_the_example_runs(name: str) -> None:
    value = getattr(gongkai.plugin, name)
    # the object's own docstring only, with empty globals: an example imports what it uses
    tests = doctest.DocTestFinder(recurse=False).find(value, f"gongkai.plugin.{name}", globs={})
    examples = [test for test in tests if test.examples]
    assert examples, f"no example found for {name}"
    report = io.StringIO()
    runner = doctest.DocTestRunner(optionflags=doctest.NORMALIZE_WHITESPACE | doctest.ELLIPSIS)
    for test in examples:
        runner.run(test, out=report.write)
    assert runner.failures == 0, report.getvalue()
