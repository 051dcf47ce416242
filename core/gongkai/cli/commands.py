"""What each subcommand does with its arguments: ``parse``, ``check``, ``render``, ``batch`` and
``plugins``; each returns the exit code."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TextIO

from ..batch import Interrupted, Options, run, workers
from ..checks import report
from ..errors import GongkaiError, InputError, OutputError
from ..inputs import inputs
from ..manager import Registered, Registry
from ..rendering import lay_out
from ..schema import Severity
from .documents import budget, documents, reader_limits
from .exits import EXIT_FINDINGS, EXIT_INTERRUPTED, EXIT_OK, EXIT_USAGE
from .output import emit_output, error, write


def parse_command(args: argparse.Namespace, registry: Registry) -> int:
    """``gongkai parse``: the documents in the exporter's format."""
    parsed, status = documents(args)
    if not parsed:
        return status
    exporter = registry.exporter(args.format)
    return emit_output(lambda stream: exporter.write(parsed, stream), args, parsed, status)


def check_command(args: argparse.Namespace) -> int:
    """``gongkai check``: the checks' findings as a report, JSON or CSV; exit code 1 for an error."""
    parsed, status = documents(args)
    if not parsed:
        return status
    writers: dict[str, Callable[[TextIO], None]] = {
        "text": lambda stream: report.write_report(parsed, stream, minimum=Severity(args.severity)),
        "json": lambda stream: report.write_json(parsed, stream),
        "csv": lambda stream: report.write_csv(parsed, stream),
    }
    errors = any(f.severity is Severity.ERROR for d in parsed for f in d.findings)
    return emit_output(writers[args.format], args, parsed, status or (EXIT_FINDINGS if errors else EXIT_OK))


def render_command(args: argparse.Namespace, registry: Registry) -> int:
    """``gongkai render``: one document printed again by a renderer, in a region's conventions."""
    if len(args.files) + bool(args.sample) != 1:
        error("render: give exactly one FILE (or --sample)")
        return EXIT_USAGE
    parsed, status = documents(args)
    if not parsed:
        return status
    renderer = registry.renderer(args.to)
    try:
        content = renderer.render(lay_out(parsed[0], args.region))
    except GongkaiError as failure:
        error(str(failure))
        return failure.exit_code
    try:
        write(content, args.output)
    except OutputError as failure:
        error(str(failure))
        return failure.exit_code
    return status


def batch_command(args: argparse.Namespace, registry: Registry) -> int:
    """``gongkai batch``: every document under the paths into the output folder; the exit code of
    the first document that failed, 130 when interrupted."""
    extensions = registry.extensions()
    items = inputs(args.paths, extensions, args.glob)
    if not items:
        error(f"batch: no document files in {', '.join(args.paths)} ({', '.join(sorted(set(extensions)))})")
        return InputError.exit_code
    options = Options(args.format, int(args.max_size * 1048576), reader_limits(args), args.tolerance, budget(args))
    try:
        pool = workers(args.jobs or os.cpu_count() or 1, args.dask, options.budget)
    except ImportError:
        error("batch: --dask needs the dask extra: pip install 'gongkai[dask]'")
        return EXIT_USAGE
    except OSError as failure:
        error(f"batch: cannot reach the Dask scheduler at {args.dask} ({failure})")
        return EXIT_USAGE
    extension = registry.exporter(args.format).extension
    try:
        summary = run(items, Path(args.output), options, extension, pool, args.progress)
    except Interrupted as stopped:
        error(f"batch: {stopped}; run the same command again to continue")
        return EXIT_INTERRUPTED
    except OSError as failure:
        error(f"{args.output}: cannot write the output ({failure.strerror or failure})")
        return OutputError.exit_code
    written = f"{Path(args.output) / 'cells.csv'} and {Path(args.output) / 'manifest.csv'}"
    print(f"{summary.line()}; wrote {written}", file=sys.stderr)
    return summary.exit_code()


def plugins_command(registry: Registry, stream: TextIO) -> int:
    """``gongkai plugins``: every registered record, with the plugin and distribution it comes from."""
    sections: tuple[tuple[str, tuple[Registered[Any], ...]], ...] = (
        ("regions", registry.regions),
        ("readers", registry.readers),
        ("renderers", registry.renderers),
        ("exporters", registry.exporters),
        ("checks", registry.checks),
    )
    for title, entries in sections:
        print(f"{title}:", file=stream)
        for entry in entries:
            record = entry.record
            name = getattr(record, "name", None) or record.id
            detail = getattr(record, "province", "") or getattr(record, "description", "")
            print(
                f"  {name:<10} {detail:<40} plugin {entry.plugin} ({entry.distribution or 'unknown'})",
                file=stream,
            )
    return EXIT_OK
