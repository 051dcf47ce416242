"""The ``gongkai`` command line: ``gongkai parse``, ``gongkai plugins``; also ``python -m gongkai``."""

from __future__ import annotations

import argparse
import io
import os
import sys
import tempfile
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from itertools import repeat
from pathlib import Path
from typing import Optional, TextIO

from . import __version__
from .errors import GongkaiError, InternalError, OutputError, PluginError
from .manager import Registry, default_plugin_manager
from .pipeline import DEFAULT_MAX_BYTES, parse
from .samples import sample_path
from .schema import Document

EXIT_OK = 0
EXIT_USAGE = 2
EXIT_CODES = """\
exit codes:
  0  every file was parsed
  2  usage error (unknown option, missing file argument)
  3  a file could not be read: empty, binary, not UTF-8/GB18030 text, too large, or missing
  4  a file is readable but holds no standard budget or final-accounts table
  5  the output file could not be written
  6  a plugin is broken (a hook that matches no specification, two records with one name)
  7  internal error: gongkai or a plugin failed on a file (a bug: please report it)
With several files, the good ones are still parsed and written; the exit code is that of the
first file that failed. Each failure is one line on stderr: "gongkai: FILE: reason".
"""


def _parser(formats: Sequence[str]) -> argparse.ArgumentParser:
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
        description="Parse disclosures (text, markdown) into JSON or the tidy CSV of every amount.",
        epilog=EXIT_CODES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parse_command.add_argument("files", nargs="*", metavar="FILE", help="disclosure files to parse")
    parse_command.add_argument("--sample", action="store_true", help="parse the sample disclosure shipped with gongkai")
    parse_command.add_argument("--format", "-f", choices=formats, default="json", help="output format (default: json)")
    parse_command.add_argument("--output", "-o", metavar="OUT", help="write to OUT instead of standard output")
    parse_command.add_argument(
        "--max-size",
        type=float,
        default=DEFAULT_MAX_BYTES / 1048576,
        metavar="MIB",
        help=f"refuse files larger than this many MiB (default: {DEFAULT_MAX_BYTES // 1048576})",
    )
    parse_command.add_argument(
        "--jobs",
        "-j",
        type=int,
        default=0,
        metavar="N",
        help="parse N files at once (default: one per CPU core when there are 4 files or more)",
    )
    commands.add_parser(
        "plugins",
        help="list installed readers, exporters and regions and where they come from",
        description="List installed readers, exporters and regions, with the plugin and distribution of each.",
    )
    return parser


def _error(message: str) -> None:
    print(f"gongkai: {message}", file=sys.stderr)


def _write(text: str, output: Optional[str]) -> None:
    """Write all of ``text`` or nothing: a file is replaced only once it is complete."""
    if output is None:
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    target = Path(output)
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent or Path("."))
        # mkstemp makes the file private (0600); the output gets the mode any new file would get
        os.chmod(temporary, _existing_mode(target) or 0o666 & ~_umask())
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
            stream.write(text)
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


def _parse_command(args: argparse.Namespace, registry: Registry) -> int:
    files = list(args.files) + ([str(sample_path())] if args.sample else [])
    if not files:
        _error("parse: give at least one FILE, or --sample")
        return EXIT_USAGE
    documents: list[Document] = []
    status = EXIT_OK
    for result in _parse_all(files, int(args.max_size * 1048576), args.jobs):
        if isinstance(result, GongkaiError):
            _error(str(result))
            status = status or result.exit_code
        else:
            documents.append(result)
    if documents:
        buffer = io.StringIO()
        registry.exporter(args.format).write(documents, buffer)
        try:
            _write(buffer.getvalue(), args.output)
        except OutputError as error:
            _error(str(error))
            return status or error.exit_code
    return status


def _parse_one(file: str, max_bytes: int) -> Document | GongkaiError:
    try:
        return parse(file, max_bytes=max_bytes)
    except GongkaiError as error:
        return error
    except Exception as error:  # a bug must not stop a batch of hundreds of documents
        return InternalError(file, f"internal error ({type(error).__name__}: {error}); please report it")


def _parse_all(files: list[str], max_bytes: int, jobs: int) -> list[Document | GongkaiError]:
    """Each file's document or error, in the order given; in parallel processes for a batch."""
    if jobs == 0:
        jobs = (os.cpu_count() or 1) if len(files) >= 4 else 1
    if jobs <= 1 or len(files) < 2:
        return [_parse_one(file, max_bytes) for file in files]
    with ProcessPoolExecutor(max_workers=min(jobs, len(files))) as pool:
        return list(pool.map(_parse_one, files, repeat(max_bytes)))


def _plugins_command(registry: Registry, stream: TextIO) -> int:
    sections = (("regions", registry.regions), ("readers", registry.readers), ("exporters", registry.exporters))
    for title, entries in sections:
        print(f"{title}:", file=stream)
        for entry in entries:
            record = entry.record
            detail = getattr(record, "province", "") or getattr(record, "description", "")
            print(
                f"  {record.name:<10} {detail:<40} plugin {entry.plugin} ({entry.distribution or 'unknown'})",
                file=stream,
            )
    return EXIT_OK


def main(argv: Optional[Sequence[str]] = None) -> int:
    """Run the command line with ``argv`` (default: sys.argv[1:]); returns the exit code."""
    try:
        registry = Registry.collect(default_plugin_manager())
    except PluginError as error:
        _error(f"broken plugin: {error}")
        return 6
    args = _parser([e.record.name for e in registry.exporters]).parse_args(argv)
    try:
        if args.command == "parse":
            return _parse_command(args, registry)
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
