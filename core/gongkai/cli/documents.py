"""The documents a command reads: its files (every document file of a directory it names, ``-``
for standard input), each parsed in a child process of its own under the time and memory limits
(several at once with ``--jobs``), or together as one disclosure; a file that fails is an error,
not the end of the run."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Hashable, Sequence
from decimal import Decimal
from typing import Union

import attrs

from ..errors import GongkaiError, InputError
from ..inputs import STDIN, inputs
from ..isolation import Budget, Children
from ..manager import Registry, default_plugin_manager
from ..pipeline import parse
from ..registrations import Limits
from ..samples import sample_path
from ..schema import Document, Severity
from ..stopping import Stop
from ..summary import summary_line
from ..together import parse_together
from .exits import EXIT_OK, EXIT_USAGE
from .output import error

Source = Union[str, bytes]


def files_of(paths: Sequence[str], glob: str | None = None) -> tuple[list[str], list[InputError]]:
    """The files ``paths`` name, folders walked for the document files the installed readers
    know by extension (or those matching ``glob``); and an error for each folder with none."""
    registry = Registry.collect(default_plugin_manager())
    extensions = registry.extensions()
    files: list[str] = []
    empty: list[InputError] = []
    for path in paths:
        found = [item.path for item in inputs([path], extensions, glob)]
        if not found:
            known = ", ".join(sorted(set(extensions)))
            empty.append(InputError(path, f"is a folder with no document files in it ({known})"))
        files.extend(found)
    return files, empty


def documents(args: argparse.Namespace) -> tuple[list[Document], int]:
    """The parsed documents of the command's files, and the exit code of the first that failed."""
    files, empty = files_of(args.files)
    files += [str(sample_path())] if args.sample else []
    for failure in empty:
        error(str(failure))
    if not files and empty:
        return [], empty[0].exit_code
    if not files:
        error(f"{args.command}: give at least one FILE or folder, or --sample")
        return [], EXIT_USAGE
    max_bytes = int(args.max_size * 1048576)
    sources: list[Source] = [sys.stdin.buffer.read(max_bytes + 1) if file == STDIN else file for file in files]
    names = ["stdin" if file == STDIN else file for file in files]
    if getattr(args, "together", False):
        children = Children(1, budget(args))
        label = " + ".join(names)
        with Stop().installed(children.wake_on):
            children.start(0, label, _parse_together, sources, names, max_bytes, reader_limits(args), args.tolerance)
            results = [children.next()[1]]
    else:
        results = _parse_all(sources, names, args, max_bytes)
    parsed: list[Document] = []
    status = empty[0].exit_code if empty else EXIT_OK
    for result in results:
        if isinstance(result, GongkaiError):
            error(str(result))
            status = status or result.exit_code
        else:
            parsed.append(result)
    if len(results) > 1:
        if not getattr(args, "summary", False):
            for document in parsed:  # a batch says at a glance what it read, beside the output
                print(summary_line(document), file=sys.stderr)
        print(run_line(len(results), parsed), file=sys.stderr)
    return parsed, status


def run_line(files: int, parsed: Sequence[Document]) -> str:
    """A multi-file run in one line: files ok and failed, and the findings by severity."""
    tally = {severity: sum(1 for d in parsed for f in d.findings if f.severity is severity) for severity in Severity}
    return (
        f"{files} files: {len(parsed)} ok, {files - len(parsed)} failed; findings: "
        f"{tally[Severity.ERROR]} errors, {tally[Severity.WARNING]} warnings, {tally[Severity.INFO]} info"
    )


def budget(args: argparse.Namespace) -> Budget:
    """The time and memory each document may take, from ``--timeout`` and ``--max-memory``."""
    return Budget(seconds=args.timeout, memory_mib=args.max_memory)


def reader_limits(args: argparse.Namespace) -> Limits:
    """What a reader may take on, from ``--max-pages``, ``--max-objects``, ``--max-depth``,
    ``--max-inflate`` and ``--pdf-engine``."""
    inflate = int(args.max_inflate * 1048576)
    return Limits(args.max_pages, args.max_objects, args.max_depth, inflate, args.pdf_engine)


def _parse_one(source: Source, name: str, max_bytes: int, limits: Limits, tolerance: Decimal) -> Document:
    return parse(source, name=name, max_bytes=max_bytes, tolerance=tolerance, **attrs.asdict(limits))


def _parse_together(
    sources: list[Source], names: list[str], max_bytes: int, limits: Limits, tolerance: Decimal
) -> Document:
    return parse_together(sources, names=names, max_bytes=max_bytes, tolerance=tolerance, **attrs.asdict(limits))


def _parse_all(
    sources: list[Source], names: list[str], args: argparse.Namespace, max_bytes: int
) -> list[Document | GongkaiError]:
    """Each file's document or error, in the order given: each parsed in a child process of its
    own under the time and memory limits, ``--jobs`` at a time (one per core for 4 files or more)."""
    jobs = args.jobs or ((os.cpu_count() or 1) if len(sources) >= 4 else 1)
    children = Children(jobs, budget(args))
    limits = reader_limits(args)
    results: dict[Hashable, Document | GongkaiError] = {}
    pending = iter(enumerate(zip(sources, names)))
    stop = Stop()
    with stop.installed(children.wake_on):
        while len(results) < len(sources):
            stop.check()
            while len(children) < jobs and (item := next(pending, None)) is not None:
                index, (source, name) = item
                children.start(index, name, _parse_one, source, name, max_bytes, limits, args.tolerance)
            finished, outcome = children.next()
            results[finished] = outcome
    return [results[position] for position in range(len(sources))]
