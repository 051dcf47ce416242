"""The documents a command reads: its files (every document file of a directory it names, ``-``
for standard input) parsed one by one, in parallel processes when there are several, or together
as one disclosure; a file that fails is an error, not the end of the run."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from decimal import Decimal
from itertools import repeat
from typing import Union

from ..errors import GongkaiError, InputError, InternalError
from ..inputs import STDIN, inputs
from ..manager import Registry, default_plugin_manager
from ..pipeline import parse
from ..samples import sample_path
from ..schema import Document, Severity
from ..summary import summary_line
from ..together import parse_together
from .exits import EXIT_OK, EXIT_USAGE
from .output import error

Source = Union[str, bytes]


def files_of(paths: Sequence[str], glob: str | None = None) -> tuple[list[str], list[InputError]]:
    """The files ``paths`` name, folders walked for the document files the installed readers
    know by extension (or those matching ``glob``); and an error for each folder with none."""
    registry = Registry.collect(default_plugin_manager())
    extensions = [extension for entry in registry.readers for extension in entry.record.extensions]
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
        results = [_parse_together(sources, names, max_bytes, args.max_pages, args.tolerance, args.pdf_engine)]
    else:
        results = _parse_all(sources, names, max_bytes, args.max_pages, args.jobs, args.tolerance, args.pdf_engine)
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


def _guarded(label: str, read: Callable[[], Document]) -> Document | GongkaiError:
    """What ``read`` returns, or the error that stopped it (an unexpected one as an internal error)."""
    try:
        return read()
    except GongkaiError as failure:
        return failure
    except Exception as failure:  # a bug must not stop a batch of hundreds of documents
        return InternalError(label, f"internal error ({type(failure).__name__}: {failure}); please report it")


def _parse_one(
    source: Source, name: str, max_bytes: int, max_pages: int, tolerance: Decimal, engine: str
) -> Document | GongkaiError:
    return _guarded(
        name,
        lambda: parse(
            source, name=name, max_bytes=max_bytes, max_pages=max_pages, tolerance=tolerance, pdf_engine=engine
        ),
    )


def _parse_together(
    sources: list[Source], names: list[str], max_bytes: int, max_pages: int, tolerance: Decimal, engine: str
) -> Document | GongkaiError:
    return _guarded(
        " + ".join(names),
        lambda: parse_together(
            sources, names=names, max_bytes=max_bytes, max_pages=max_pages, tolerance=tolerance, pdf_engine=engine
        ),
    )


def _parse_all(
    sources: list[Source],
    names: list[str],
    max_bytes: int,
    max_pages: int,
    jobs: int | None,
    tolerance: Decimal,
    engine: str,
) -> list[Document | GongkaiError]:
    """Each file's document or error, in the order given; in parallel processes for several."""
    if jobs is None:
        jobs = (os.cpu_count() or 1) if len(sources) >= 4 else 1
    if jobs <= 1 or len(sources) < 2:
        return [_parse_one(s, n, max_bytes, max_pages, tolerance, engine) for s, n in zip(sources, names)]
    with ProcessPoolExecutor(max_workers=min(jobs, len(sources))) as pool:
        settings = repeat(max_bytes), repeat(max_pages), repeat(tolerance), repeat(engine)
        return list(pool.map(_parse_one, sources, names, *settings))
