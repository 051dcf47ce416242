"""The documents a command reads: its files parsed one by one, in parallel processes for a
batch, or together as one disclosure; a file that fails is an error, not the end of the batch."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from decimal import Decimal
from itertools import repeat

from ..errors import GongkaiError, InternalError
from ..pipeline import parse
from ..samples import sample_path
from ..schema import Document
from ..summary import summary_line
from ..together import parse_together
from .exits import EXIT_OK, EXIT_USAGE
from .output import error


def documents(args: argparse.Namespace) -> tuple[list[Document], int]:
    """The parsed documents of the command's files, and the exit code of the first that failed."""
    files = list(args.files) + ([str(sample_path())] if args.sample else [])
    if not files:
        error(f"{args.command}: give at least one FILE, or --sample")
        return [], EXIT_USAGE
    parsed: list[Document] = []
    status = EXIT_OK
    max_bytes = int(args.max_size * 1048576)
    if getattr(args, "together", False):
        results = [_parse_together(files, max_bytes, args.max_pages, args.tolerance)]
    else:
        results = _parse_all(files, max_bytes, args.max_pages, args.jobs, args.tolerance)
    for result in results:
        if isinstance(result, GongkaiError):
            error(str(result))
            status = status or result.exit_code
        else:
            parsed.append(result)
    if len(files) > 1 and not getattr(args, "summary", False):
        for document in parsed:  # a batch says at a glance what it read, beside the output
            print(summary_line(document), file=sys.stderr)
    return parsed, status


def _guarded(label: str, read: Callable[[], Document]) -> Document | GongkaiError:
    """What ``read`` returns, or the error that stopped it (an unexpected one as an internal error)."""
    try:
        return read()
    except GongkaiError as failure:
        return failure
    except Exception as failure:  # a bug must not stop a batch of hundreds of documents
        return InternalError(label, f"internal error ({type(failure).__name__}: {failure}); please report it")


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
