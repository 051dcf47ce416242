"""The ``gongkai`` command line: ``parse``, ``check``, ``render`` and ``plugins``; also ``python -m gongkai``."""

from __future__ import annotations

import argparse
import io
import logging
import os
import sys
import tempfile
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from decimal import Decimal, InvalidOperation
from itertools import repeat
from pathlib import Path
from typing import Any, Optional, TextIO

from . import __version__
from .checks import report
from .checks.engine import DEFAULT_TOLERANCE
from .errors import GongkaiError, InternalError, OutputError, PluginError
from .manager import Registered, Registry, default_plugin_manager
from .pipeline import DEFAULT_MAX_BYTES, parse
from .registrations import DEFAULT_MAX_PAGES
from .rendering import NATIONAL, lay_out
from .samples import sample_path
from .schema import Document, Severity
from .summary import summary_line
from .together import parse_together

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2
EXIT_CODES = """\
exit codes:
  0  every file was parsed (gongkai check: and no check found an error)
  1  gongkai check: a check found at least one error-level inconsistency
  2  usage error (unknown option, missing file argument)
  3  a file could not be read: empty, binary, not UTF-8/GB18030 text, missing, or a PDF
     without the pdf extra installed
  4  nothing in a readable file is recognised: no standard budget or final-accounts table, no
     title of one, no cover saying it is a disclosure (a 情况说明 published without its
     tables is parsed, with no tables: read it with its tables file using --together)
  5  the output file could not be written
  6  a plugin is broken (a hook that matches no specification, two records with one name)
  7  internal error: gongkai or a plugin failed on a file (a bug: please report it)
  8  a file is over a limit: too large (raise with --max-size) or too many pages (--max-pages)
  9  a PDF is encrypted: it needs a password
 10  a PDF has no text layer (scanned pages): it needs OCR first
 11  a PDF's text does not decode (fonts without a usable Unicode map): it would be garbage
 12  a file is truncated or corrupt
 13  a file was refused as unsafe: entity declarations, external references, nesting too deep
With several files, the good ones are still parsed and written; the exit code is that of the
first file that failed (3-13), else 1 if a check found an error. Each failure is one line on
stderr: "gongkai: FILE: reason".
"""
CHECK_FORMATS = ("text", "json", "csv")


def _add_input_options(command: argparse.ArgumentParser) -> None:
    command.add_argument("files", nargs="*", metavar="FILE", help="disclosure files")
    command.add_argument("--sample", action="store_true", help="also take the sample disclosure shipped with gongkai")
    command.add_argument("--output", "-o", metavar="OUT", help="write to OUT instead of standard output")
    command.add_argument(
        "--max-size",
        type=float,
        default=DEFAULT_MAX_BYTES / 1048576,
        metavar="MIB",
        help=f"refuse files larger than this many MiB (default: {DEFAULT_MAX_BYTES // 1048576})",
    )
    command.add_argument(
        "--max-pages",
        type=int,
        default=DEFAULT_MAX_PAGES,
        metavar="N",
        help=f"refuse documents of more than N pages (default: {DEFAULT_MAX_PAGES})",
    )
    command.add_argument(
        "--jobs",
        "-j",
        type=int,
        default=0,
        metavar="N",
        help="parse N files at once (default: one per CPU core when there are 4 files or more)",
    )
    command.add_argument(
        "--tolerance",
        type=_tolerance,
        default=DEFAULT_TOLERANCE,
        metavar="AMOUNT",
        help=(
            "rounding difference allowed per addend, in the document's unit (default: 0.01, 万元尾数误差, "
            "or one unit of the last printed digit where amounts are printed coarser); 0: exact sums"
        ),
    )


def _add_batch_options(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--together",
        action="store_true",
        help="the FILEs are one disclosure published as several files (its 情况说明 in one, its tables in "
        "another): read and check them as one document",
    )
    command.add_argument(
        "--summary",
        action="store_true",
        help="print one line per document (kind, required tables recognised, cells, findings by severity) "
        "instead of the output; with -o, the output goes to OUT and the lines to standard output",
    )


def _tolerance(text: str) -> Decimal:
    try:
        value = Decimal(text)
    except InvalidOperation:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not value.is_finite() or value < 0:
        raise argparse.ArgumentTypeError(f"must be a number of 0 or more: {text!r}")
    return value


def _parser(
    formats: Sequence[str], renderers: Sequence[str] = (), regions: Sequence[str] = ()
) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="gongkai",
        description="Chinese government budget and final-accounts disclosures (部门预算/决算公开) as exact data.",
        epilog=EXIT_CODES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"gongkai {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    parse_command = commands.add_parser(
        "parse",
        help="parse disclosures into JSON or tidy CSV",
        description="Parse disclosures (PDF, text, markdown) into JSON (with the checks' findings) or the tidy CSV of "
        "every amount.",
        epilog=EXIT_CODES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    _add_input_options(parse_command)
    _add_batch_options(parse_command)
    parse_command.add_argument("--format", "-f", choices=formats, default="json", help="output format (default: json)")
    check_command = commands.add_parser(
        "check",
        help="check disclosures for figures that disagree with each other",
        description="Check disclosures: accounting identities within and across tables, text against tables, "
        "consistency and completeness. Prints a report grouped by table, or the findings as JSON or CSV.",
        epilog=EXIT_CODES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    _add_input_options(check_command)
    _add_batch_options(check_command)
    check_command.add_argument(
        "--format", "-f", choices=CHECK_FORMATS, default="text", help="report format (default: text)"
    )
    check_command.add_argument(
        "--severity",
        choices=[s.value for s in Severity],
        default="info",
        help="the least severe findings the text report shows (default: info, all)",
    )
    render_command = commands.add_parser(
        "render",
        help="print a disclosure again as HTML, PDF, markdown or text",
        description="Parse a disclosure and print it again in another format, in its own region's conventions or "
        "another region's (table numbering and titles, 行次/栏次, 类/款/项 columns). Printed amounts are kept as "
        "printed. Converts a PDF disclosure into clean HTML or markdown, for instance.",
        epilog=EXIT_CODES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    _add_input_options(render_command)
    render_command.add_argument("--to", "-t", choices=renderers, default="html", help="output format (default: html)")
    render_command.add_argument(
        "--region",
        choices=regions,
        metavar="REGION",
        help=f"the region whose conventions to follow (default: the document's own); one of: {', '.join(regions)}",
    )
    commands.add_parser(
        "plugins",
        help="list installed readers, renderers, exporters, checks and regions and where they come from",
        description="List installed readers, renderers, exporters, checks and regions, with the plugin and "
        "distribution of each.",
    )
    return parser


def _error(message: str) -> None:
    print(f"gongkai: {message}", file=sys.stderr)


def _write(content: str | bytes, output: Optional[str]) -> None:
    """Write all of ``content`` or nothing: a file is replaced only once it is complete."""
    data = content.encode("utf-8") if isinstance(content, str) else content
    if output is None:
        stream = getattr(sys.stdout, "buffer", None)
        if stream is None:  # a text-only stream (a test's StringIO)
            sys.stdout.write(data.decode("utf-8"))
            return
        sys.stdout.flush()
        stream.write(data)
        stream.flush()
        return
    target = Path(output)
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent or Path("."))
        # mkstemp makes the file private (0600); the output gets the mode any new file would get
        os.chmod(temporary, _existing_mode(target) or 0o666 & ~_umask())
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temporary, target)
    except OSError as error:
        if "temporary" in locals() and os.path.exists(temporary):
            os.unlink(temporary)
        raise OutputError(output, f"cannot write the output ({error.strerror or error})") from None


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _existing_mode(path: Path) -> int:
    """The permission bits of ``path`` if it is a file that exists, else 0."""
    try:
        return path.stat().st_mode & 0o7777 if path.is_file() else 0
    except OSError:
        return 0


def _documents(args: argparse.Namespace) -> tuple[list[Document], int]:
    """The parsed documents of the command's files, and the exit code of the first that failed."""
    files = list(args.files) + ([str(sample_path())] if args.sample else [])
    if not files:
        _error(f"{args.command}: give at least one FILE, or --sample")
        return [], EXIT_USAGE
    documents: list[Document] = []
    status = EXIT_OK
    max_bytes = int(args.max_size * 1048576)
    if getattr(args, "together", False):
        results = [_parse_together(files, max_bytes, args.max_pages, args.tolerance)]
    else:
        results = _parse_all(files, max_bytes, args.max_pages, args.jobs, args.tolerance)
    for result in results:
        if isinstance(result, GongkaiError):
            _error(str(result))
            status = status or result.exit_code
        else:
            documents.append(result)
    if len(files) > 1 and not getattr(args, "summary", False):
        for document in documents:  # a batch says at a glance what it read, beside the output
            print(summary_line(document), file=sys.stderr)
    return documents, status


def _summaries(documents: Sequence[Document], stream: TextIO) -> None:
    for document in documents:
        print(summary_line(document), file=stream)


def _emit_output(
    write: Callable[[TextIO], None], args: argparse.Namespace, documents: Sequence[Document], status: int
) -> int:
    """Write the command's output; with ``--summary``, the summary lines on stdout instead (and
    the output too when ``-o`` names a file)."""
    if not args.summary:
        return _emit(write, args.output, status)
    if args.output is not None:
        status = _emit(write, args.output, status)
    return _emit(lambda stream: _summaries(documents, stream), None, status)


def _emit(write: Callable[[TextIO], None], output: Optional[str], status: int) -> int:
    buffer = io.StringIO()
    write(buffer)
    try:
        _write(buffer.getvalue(), output)
    except OutputError as error:
        _error(str(error))
        return status or error.exit_code
    return status


def _parse_command(args: argparse.Namespace, registry: Registry) -> int:
    documents, status = _documents(args)
    if not documents:
        return status
    exporter = registry.exporter(args.format)
    return _emit_output(lambda stream: exporter.write(documents, stream), args, documents, status)


def _check_command(args: argparse.Namespace) -> int:
    documents, status = _documents(args)
    if not documents:
        return status
    writers: dict[str, Callable[[TextIO], None]] = {
        "text": lambda stream: report.write_report(documents, stream, minimum=Severity(args.severity)),
        "json": lambda stream: report.write_json(documents, stream),
        "csv": lambda stream: report.write_csv(documents, stream),
    }
    errors = any(f.severity is Severity.ERROR for d in documents for f in d.findings)
    return _emit_output(writers[args.format], args, documents, status or (EXIT_FINDINGS if errors else EXIT_OK))


def _render_command(args: argparse.Namespace, registry: Registry) -> int:
    if len(args.files) + bool(args.sample) != 1:
        _error("render: give exactly one FILE (or --sample)")
        return EXIT_USAGE
    documents, status = _documents(args)
    if not documents:
        return status
    renderer = registry.renderer(args.to)
    try:
        content = renderer.render(lay_out(documents[0], args.region))
    except GongkaiError as error:
        _error(str(error))
        return error.exit_code
    try:
        _write(content, args.output)
    except OutputError as error:
        _error(str(error))
        return error.exit_code
    return status


def _guarded(label: str, read: Callable[[], Document]) -> Document | GongkaiError:
    """What ``read`` returns, or the error that stopped it (an unexpected one as an internal error)."""
    try:
        return read()
    except GongkaiError as error:
        return error
    except Exception as error:  # a bug must not stop a batch of hundreds of documents
        return InternalError(label, f"internal error ({type(error).__name__}: {error}); please report it")


def _parse_one(file: str, max_bytes: int, max_pages: int, tolerance: Decimal) -> Document | GongkaiError:
    return _guarded(file, lambda: parse(file, max_bytes=max_bytes, max_pages=max_pages, tolerance=tolerance))


def _parse_together(files: list[str], max_bytes: int, max_pages: int, tolerance: Decimal) -> Document | GongkaiError:
    return _guarded(
        " + ".join(files),
        lambda: parse_together(files, max_bytes=max_bytes, max_pages=max_pages, tolerance=tolerance),
    )


def _parse_all(
    files: list[str], max_bytes: int, max_pages: int, jobs: int, tolerance: Decimal
) -> list[Document | GongkaiError]:
    """Each file's document or error, in the order given; in parallel processes for a batch."""
    if jobs == 0:
        jobs = (os.cpu_count() or 1) if len(files) >= 4 else 1
    if jobs <= 1 or len(files) < 2:
        return [_parse_one(file, max_bytes, max_pages, tolerance) for file in files]
    with ProcessPoolExecutor(max_workers=min(jobs, len(files))) as pool:
        return list(pool.map(_parse_one, files, repeat(max_bytes), repeat(max_pages), repeat(tolerance)))


def _plugins_command(registry: Registry, stream: TextIO) -> int:
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


def _quiet_libraries() -> None:
    """Keep the PDF library's log messages about damaged files off stderr: the command line says
    what is wrong with a file in its one line."""
    logger = logging.getLogger("pdfminer")
    logger.addHandler(logging.NullHandler())
    logger.propagate = False


def main(argv: Optional[Sequence[str]] = None) -> int:
    """Run the command line with ``argv`` (default: sys.argv[1:]); returns the exit code."""
    _quiet_libraries()
    try:
        registry = Registry.collect(default_plugin_manager())
    except PluginError as error:
        _error(f"broken plugin: {error}")
        return 6
    args = _parser(
        [e.record.name for e in registry.exporters],
        [e.record.name for e in registry.renderers],
        [NATIONAL.name] + [e.record.name for e in registry.regions],
    ).parse_args(argv)
    try:
        if args.command == "parse":
            return _parse_command(args, registry)
        if args.command == "check":
            return _check_command(args)
        if args.command == "render":
            return _render_command(args, registry)
        return _plugins_command(registry, sys.stdout)
    except BrokenPipeError:
        # the reader of our output went away (``| head``): not an error of ours
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK
    except KeyboardInterrupt:
        return 130


def run() -> None:
    """Console-script entry point: output is UTF-8 whatever the locale, as the CSV and JSON contracts say."""
    if isinstance(sys.stdout, io.TextIOWrapper):
        sys.stdout.reconfigure(encoding="utf-8")
    sys.exit(main())
