"""Where the command line's output goes: standard output or a file written whole or not at all,
the summary lines of ``--summary``, and the one line on stderr for each failure."""

from __future__ import annotations

import argparse
import errno
import io
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import BinaryIO, Optional, TextIO

from ..errors import OutputError
from ..files import output_writer
from ..schema import Document
from ..summary import summary_line


def error(message: str) -> None:
    """Print ``message`` on stderr as the one line of a failure."""
    print(f"gongkai: {message}", file=sys.stderr)


def write(content: str | bytes, output: Optional[str]) -> None:
    """Write all of ``content`` to ``output`` (None: standard output); a file is replaced only
    once it is complete (see :func:`~gongkai.files.output_writer`). OutputError if it cannot be."""
    data = content.encode("utf-8") if isinstance(content, str) else content
    if output is None:
        _to_stdout(data)
        return
    try:
        with output_writer(Path(output)) as stream:
            stream.write(data)
    except OSError as failure:
        raise OutputError(output, f"cannot write the output ({failure.strerror or failure})") from None


def _to_stdout(data: bytes) -> None:
    stream = getattr(sys.stdout, "buffer", None)
    try:
        if stream is None:  # a text-only stream (a test's StringIO)
            sys.stdout.write(data.decode("utf-8"))
            return
        sys.stdout.flush()
        _write_all(stream, data)
        stream.flush()
    except BrokenPipeError:
        raise stdout_closed() from None
    except OSError as failure:  # a full disk (> /dev/full), a device error
        raise OutputError("standard output", f"cannot write ({failure.strerror or failure})") from None


def _write_all(stream: BinaryIO, data: bytes) -> None:
    """All of ``data`` to ``stream``: a pipe whose reader leaves mid-write takes part of a large
    write and returns its length (no error); the rest, written again, meets the closed pipe."""
    view = memoryview(data)
    while view:
        written = stream.write(view)
        if not written:
            raise OSError(errno.EIO, "the output took none of the bytes written")
        view = view[written:]


def stdout_closed() -> OutputError:
    """The error of a standard output whose reader went away (EPIPE: ``| head``), with standard
    output pointed at the null device, so that Python's own flush at exit does not fail again."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)
    return OutputError("standard output", "cannot write (the reader closed the pipe)")


def summaries(documents: Sequence[Document], stream: TextIO) -> None:
    """One summary line per document on ``stream``."""
    for document in documents:
        print(summary_line(document), file=stream)


def emit_output(
    write_to: Callable[[TextIO], None], args: argparse.Namespace, documents: Sequence[Document], status: int
) -> int:
    """Write the command's output; with ``--summary``, the summary lines on stdout instead (and
    the output too when ``-o`` names a file)."""
    if not args.summary:
        return emit(write_to, args.output, status)
    if args.output is not None:
        status = emit(write_to, args.output, status)
    return emit(lambda stream: summaries(documents, stream), None, status)


def emit(write_to: Callable[[TextIO], None], output: Optional[str], status: int) -> int:
    """Write what ``write_to`` prints to ``output`` (None: stdout); the exit code ``status``, or
    the output error's if ``status`` is 0 and the output cannot be written. A file is written as
    it is printed (a long document's JSON is never held in memory twice) and replaced only once
    complete."""
    try:
        if output is None:
            buffer = io.StringIO()
            write_to(buffer)
            write(buffer.getvalue(), None)
        else:
            _stream_to(write_to, output)
    except OutputError as failure:
        error(str(failure))
        return status or failure.exit_code
    return status


def _stream_to(write_to: Callable[[TextIO], None], output: str) -> None:
    try:
        with output_writer(Path(output)) as binary:
            stream = io.TextIOWrapper(binary, encoding="utf-8", newline="", write_through=False)
            write_to(stream)
            stream.flush()
            stream.detach()  # the atomic writer closes the file
    except OSError as failure:
        raise OutputError(output, f"cannot write the output ({failure.strerror or failure})") from None
