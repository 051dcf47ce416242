"""The documents named on a command line: files as given, every document file under a directory,
and ``-`` for standard input; each with the name its output takes in a batch's output folder.

A directory contributes the files a reader claims by extension (``.pdf``, ``.txt``, ``.md``,
``.html``...), or those matching a glob, in sorted order; hidden files and folders (a name
starting with ``.``) are left out, among them the state a batch keeps in its output folder.
"""

from __future__ import annotations

import fnmatch
import os
from collections.abc import Iterable, Sequence
from pathlib import Path, PurePosixPath
from typing import Optional

import attrs

STDIN = "-"


@attrs.frozen
class Input:
    """One document to read: ``path`` as the user wrote it (or found under a directory they
    named; ``-`` is standard input), and ``name``, a relative POSIX path unique among the
    inputs, for its output in a batch's folder."""

    path: str
    name: str


def inputs(paths: Sequence[str], extensions: Iterable[str], glob: Optional[str] = None) -> list[Input]:
    """The documents ``paths`` name: a directory's files that have one of ``extensions`` (or
    match ``glob``, on the name or the path under the directory), other paths as they are."""
    wanted = tuple(extension.lower() for extension in extensions)
    found: list[tuple[str, str]] = []
    for path in paths:
        if path != STDIN and os.path.isdir(path):
            found.extend(_walk(path, wanted, glob))
        else:
            found.append((path, "stdin" if path == STDIN else os.path.basename(os.path.normpath(path)) or path))
    return _unique(found)


def _walk(directory: str, extensions: tuple[str, ...], glob: Optional[str]) -> Iterable[tuple[str, str]]:
    root = Path(directory)
    top = root.resolve().name or "root"
    for folder, subfolders, files in os.walk(root):
        subfolders[:] = sorted(name for name in subfolders if not name.startswith("."))
        for name in sorted(files):
            if name.startswith("."):
                continue
            relative = (Path(folder) / name).relative_to(root).as_posix()
            if _wanted(relative, name, extensions, glob):
                yield os.path.join(folder, name), f"{top}/{relative}"


def _wanted(relative: str, name: str, extensions: tuple[str, ...], glob: Optional[str]) -> bool:
    if glob is not None:
        return fnmatch.fnmatch(relative, glob) or fnmatch.fnmatch(name, glob)
    return name.lower().endswith(extensions)


def _unique(found: Sequence[tuple[str, str]]) -> list[Input]:
    """The inputs, a name given twice (``a/x.pdf`` and ``b/x.pdf`` given as files) numbered ``~2``, ``~3``..."""
    taken: set[str] = set()
    result = []
    for path, name in found:
        unique, count = name, 1
        while unique in taken:
            count += 1
            stem = PurePosixPath(name)
            unique = str(stem.with_name(f"{stem.name}~{count}"))
        taken.add(unique)
        result.append(Input(path=path, name=unique))
    return result
