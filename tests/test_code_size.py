"""The code stays in small pieces (issue 15): no module of the package, the region plugins or the
examples is over 400 lines, and no function or method is over 60 (from its ``def`` line to its
last line); a failure names the module or function and its length."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import attrs

ROOT = Path(__file__).parent.parent
SOURCES = (ROOT / "core" / "gongkai", ROOT / "plugins", ROOT / "examples")
MODULE_LINES = 400
FUNCTION_LINES = 60


@attrs.frozen
class Function:
    """A function or method: its module, qualified name (``Class.method``), ``def`` line and length."""

    module: str
    name: str
    line: int
    lines: int


def _modules() -> list[Path]:
    return sorted(path for source in SOURCES for path in source.rglob("*.py"))


def _name(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


def _lines(path: Path) -> int:
    return len(path.read_text(encoding="utf-8").splitlines())


def _functions(path: Path) -> Iterator[Function]:
    """Every function and method of the module at ``path``, nested ones too."""

    def walk(node: ast.AST, prefix: str) -> Iterator[Function]:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef)):
                name = f"{prefix}{child.name}"
                end = child.end_lineno or child.lineno
                yield Function(_name(path), name, child.lineno, end - child.lineno + 1)
                yield from walk(child, f"{name}.")
            elif isinstance(child, ast.ClassDef):
                yield from walk(child, f"{prefix}{child.name}.")
            else:
                yield from walk(child, prefix)

    yield from walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path)), "")


def test_the_sources_are_found() -> None:
    names = {_name(path) for path in _modules()}
    assert {"core/gongkai/pipeline.py", "plugins/yunnan/gongkai_yunnan/__init__.py"} <= names
    assert any(name.startswith("examples/") for name in names)


def test_no_module_is_over_400_lines() -> None:
    over = [f"{_name(path)}: {count} lines" for path in _modules() if (count := _lines(path)) > MODULE_LINES]
    assert over == [], f"modules over {MODULE_LINES} lines (split them by concept): {over}"


def test_no_function_is_over_60_lines() -> None:
    over = [
        f"{function.module}:{function.line} {function.name}(): {function.lines} lines"
        for path in _modules()
        for function in _functions(path)
        if function.lines > FUNCTION_LINES
    ]
    assert over == [], f"functions over {FUNCTION_LINES} lines (split them into named steps): {over}"
