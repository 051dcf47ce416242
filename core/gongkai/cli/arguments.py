"""The command line's arguments: one subcommand each for ``parse``, ``check``, ``render`` and
``plugins``, their options, and the exit codes in the help."""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence
from decimal import Decimal, InvalidOperation
from typing import TypeAlias, TypeVar

from .. import __version__
from ..checks.engine import DEFAULT_TOLERANCE
from ..isolation import DEFAULT_MEMORY_MIB, DEFAULT_SECONDS
from ..pipeline import DEFAULT_MAX_BYTES
from ..readers.pdf.engines import ENGINES
from ..registrations import (
    DEFAULT_MAX_DEPTH,
    DEFAULT_MAX_INFLATE,
    DEFAULT_MAX_OBJECTS,
    DEFAULT_MAX_PAGES,
    DEFAULT_PDF_ENGINE,
)
from ..schema import Severity
from .exits import EXIT_CODES

CHECK_FORMATS = ("text", "json", "csv")
Number = TypeVar("Number", int, float)
_Commands: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"


def parser(
    formats: Sequence[str], renderers: Sequence[str] = (), regions: Sequence[str] = ()
) -> argparse.ArgumentParser:
    """The parser of ``gongkai``'s arguments, offering the installed exporters' ``formats``, the
    renderers' names and the ``regions`` whose conventions a document may be rendered in."""
    top = argparse.ArgumentParser(
        prog="gongkai",
        description="Chinese government budget and final-accounts disclosures (部门预算/决算公开) as exact data.",
        epilog=EXIT_CODES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    top.add_argument("--version", action="version", version=f"gongkai {__version__}")
    commands = top.add_subparsers(dest="command", required=True, metavar="COMMAND")
    _add_parse(commands, formats)
    _add_check(commands)
    _add_render(commands, renderers, regions)
    _add_batch(commands, formats)
    commands.add_parser(
        "plugins",
        help="list installed readers, renderers, exporters, checks and regions and where they come from",
        description="List installed readers, renderers, exporters, checks and regions, with the plugin and "
        "distribution of each.",
    )
    return top


def _add_parse(commands: _Commands, formats: Sequence[str]) -> None:
    command = commands.add_parser(
        "parse",
        help="parse disclosures into JSON or tidy CSV",
        description="Parse disclosures (PDF, text, markdown) into JSON (with the checks' findings) or the tidy CSV of "
        "every amount.",
        epilog=EXIT_CODES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    _add_input_options(command)
    _add_batch_options(command)
    command.add_argument("--format", "-f", choices=formats, default="json", help="output format (default: json)")


def _add_check(commands: _Commands) -> None:
    command = commands.add_parser(
        "check",
        help="check disclosures for figures that disagree with each other",
        description="Check disclosures: accounting identities within and across tables, text against tables, "
        "consistency and completeness. Prints a report grouped by table, or the findings as JSON or CSV.",
        epilog=EXIT_CODES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    _add_input_options(command)
    _add_batch_options(command)
    command.add_argument("--format", "-f", choices=CHECK_FORMATS, default="text", help="report format (default: text)")
    command.add_argument(
        "--severity",
        choices=[s.value for s in Severity],
        default="info",
        help="the least severe findings the text report shows (default: info, all)",
    )


def _add_render(commands: _Commands, renderers: Sequence[str], regions: Sequence[str]) -> None:
    command = commands.add_parser(
        "render",
        help="print a disclosure again as HTML, PDF, markdown or text",
        description="Parse a disclosure and print it again in another format, in its own region's conventions or "
        "another region's (table numbering and titles, 行次/栏次, 类/款/项 columns). Printed amounts are kept as "
        "printed. Converts a PDF disclosure into clean HTML or markdown, for instance.",
        epilog=EXIT_CODES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    _add_input_options(command)
    command.add_argument("--to", "-t", choices=renderers, default="html", help="output format (default: html)")
    command.add_argument(
        "--region",
        choices=regions,
        metavar="REGION",
        help=f"the region whose conventions to follow (default: the document's own); one of: {', '.join(regions)}",
    )


def _add_batch(commands: _Commands, formats: Sequence[str]) -> None:
    command = commands.add_parser(
        "batch",
        help="parse many disclosures into a folder: one output each, cells.csv and manifest.csv; resumable",
        description=(
            "Parse every disclosure under the PATHs into OUTDIR: one output per document (OUTDIR/NAME.json,\n"
            "NAME being the file's path under the folder given), the tidy CSV of all of them (OUTDIR/cells.csv)\n"
            "and a manifest (OUTDIR/manifest.csv: file, sha256, status, reason, tables, cells, findings,\n"
            "seconds, output). A file that cannot be parsed is recorded in the manifest and the batch goes on.\n"
            "Run again, the batch skips the documents whose bytes, gongkai version and options are unchanged:\n"
            "an interrupted batch continues where it stopped."
        ),
        epilog=EXIT_CODES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    command.add_argument("paths", nargs="+", metavar="PATH", help="disclosure files and folders of them")
    command.add_argument("--output", "-o", metavar="OUTDIR", required=True, help="the folder to write into")
    command.add_argument(
        "--glob",
        metavar="PATTERN",
        help="in folders, take the files whose name or path under the folder match PATTERN (default: every file "
        "an installed reader knows by extension: .pdf, .txt, .md, .html...)",
    )
    command.add_argument(
        "--format", "-f", choices=formats, default="json", help="each document's output format (default: json)"
    )
    _add_limits(command)
    _add_jobs(command, "parse N files at once in worker processes (default: one per CPU core)")
    command.add_argument(
        "--dask",
        metavar="ADDRESS",
        help="run on the dask.distributed cluster whose scheduler is at ADDRESS (tcp://host:8786) instead of "
        "local processes; needs the dask extra",
    )
    command.add_argument(
        "--progress",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="show a progress bar with the time left on stderr (default: when stderr is a terminal)",
    )


def _add_input_options(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "files", nargs="*", metavar="FILE", help="disclosure files, folders of them, or - for standard input"
    )
    command.add_argument("--sample", action="store_true", help="also take the sample disclosure shipped with gongkai")
    command.add_argument("--output", "-o", metavar="OUT", help="write to OUT instead of standard output")
    _add_limits(command)
    _add_jobs(command, "parse N files at once (default: one per CPU core when there are 4 files or more)")


def _add_limits(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--max-size",
        type=_positive(float),
        default=DEFAULT_MAX_BYTES / 1048576,
        metavar="MIB",
        help=f"refuse files larger than this many MiB (default: {DEFAULT_MAX_BYTES // 1048576})",
    )
    command.add_argument(
        "--max-pages",
        type=_positive(int),
        default=DEFAULT_MAX_PAGES,
        metavar="N",
        help=f"refuse documents of more than N pages (default: {DEFAULT_MAX_PAGES})",
    )
    _add_reader_limits(command)
    command.add_argument(
        "--timeout",
        type=_positive(float),
        default=DEFAULT_SECONDS,
        metavar="SECONDS",
        help=f"give up a document after this many seconds (default: {DEFAULT_SECONDS:g})",
    )
    command.add_argument(
        "--max-memory",
        type=_positive(int),
        default=DEFAULT_MEMORY_MIB,
        metavar="MIB",
        help=f"give up a document that needs more memory than this many MiB (default: {DEFAULT_MEMORY_MIB})",
    )
    command.add_argument(
        "--pdf-engine",
        choices=ENGINES,
        default=DEFAULT_PDF_ENGINE,
        help=f"what reads PDFs: pdfium (pypdfium2, faster), pdfminer (pdfminer.six, the reference) or auto "
        f"(pdfium where installed) (default: {DEFAULT_PDF_ENGINE})",
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


def _add_reader_limits(command: argparse.ArgumentParser) -> None:
    """What a file may make a reader do: objects per page, nesting, bytes inflated."""
    command.add_argument(
        "--max-objects",
        type=_positive(int),
        default=DEFAULT_MAX_OBJECTS,
        metavar="N",
        help="refuse a page of more than N objects: HTML elements, or the glyphs, paths and forms a PDF page "
        f"draws (default: {DEFAULT_MAX_OBJECTS:,})",
    )
    command.add_argument(
        "--max-depth",
        type=_positive(int),
        default=DEFAULT_MAX_DEPTH,
        metavar="N",
        help="refuse things nested more than N deep: HTML elements (256 at most), PDF forms drawn by forms, PDF "
        f"references to references (default: {DEFAULT_MAX_DEPTH})",
    )
    command.add_argument(
        "--max-inflate",
        type=_positive(float),
        default=DEFAULT_MAX_INFLATE / 1048576,
        metavar="MIB",
        help="refuse a PDF whose compressed streams inflate to more than this many MiB in all (pdfminer engine; "
        f"default: {DEFAULT_MAX_INFLATE >> 20})",
    )


def _add_jobs(command: argparse.ArgumentParser, help: str) -> None:
    command.add_argument("--jobs", "-j", type=_positive(int), default=None, metavar="N", help=help)


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


def _positive(kind: Callable[[str], Number]) -> Callable[[str], Number]:
    """An argument type: a number of ``kind`` greater than 0."""

    def read(text: str) -> Number:
        try:
            value = kind(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
        if not value > 0 or value != value or value == float("inf"):
            raise argparse.ArgumentTypeError(f"must be a number greater than 0: {text!r}")
        return value

    return read


def _tolerance(text: str) -> Decimal:
    try:
        value = Decimal(text)
    except InvalidOperation:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not value.is_finite() or value < 0:
        raise argparse.ArgumentTypeError(f"must be a number of 0 or more: {text!r}")
    return value
