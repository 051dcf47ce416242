"""What each subcommand does with its arguments: ``parse``, ``check``, ``render`` and
``plugins``; each returns the exit code."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any, TextIO

from ..checks import report
from ..errors import GongkaiError, OutputError
from ..manager import Registered, Registry
from ..rendering import lay_out
from ..schema import Severity
from .batch import documents
from .exits import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE
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
