"""One document of a batch, parsed and written where it runs (a worker process, a Dask worker):
what goes in (:class:`Options`), what comes back (:class:`Result`: the outcome for the manifest,
the document in the output format, its tidy CSV rows)."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import time
from decimal import Decimal
from typing import Optional, Union

import attrs

from .. import __version__
from ..checks.engine import DEFAULT_TOLERANCE
from ..errors import GongkaiError, InternalError
from ..isolation import DEFAULT_BUDGET, Budget
from ..manager import Registry, default_plugin_manager
from ..pipeline import DEFAULT_MAX_BYTES, load_source, parse
from ..registrations import DEFAULT_LIMITS, Limits
from ..tidy import records

MANIFEST_FIELDS = ("file", "sha256", "status", "reason", "tables", "cells", "findings", "seconds", "output")
OK = "ok"
FAILED = "failed"


@attrs.frozen
class Options:
    """How every document of a batch is parsed and written: the output ``format`` (an
    exporter's name), the tolerance of :func:`gongkai.parse` and the limits on each document
    (its size, the reader's :class:`~gongkai.registrations.Limits` with the PDF engine, and the
    time and memory of :class:`~gongkai.isolation.Budget`)."""

    format: str = "json"
    max_bytes: int = DEFAULT_MAX_BYTES
    reader: Limits = DEFAULT_LIMITS
    tolerance: Decimal = DEFAULT_TOLERANCE
    budget: Budget = DEFAULT_BUDGET

    def fingerprint(self) -> str:
        """What a document's output depends on besides its bytes: gongkai's version, the format,
        the tolerance and the PDF engine. A batch run again redoes a document only when its bytes
        or this changed."""
        return json.dumps([__version__, self.format, str(self.tolerance), self.reader.pdf_engine])

    def limits(self) -> str:
        """The limits a document may have gone over: one that did is tried again when they change."""
        reader = [self.reader.max_pages, self.reader.max_objects, self.reader.max_depth, self.reader.max_inflate]
        return json.dumps([self.max_bytes, *reader, self.budget.seconds, self.budget.memory_mib])


@attrs.frozen
class Outcome:
    """A document's line of the manifest: ``status`` ok or failed (with the ``reason`` and the
    command line's ``exit_code``), what was read, the seconds it took and its ``output`` file
    (relative to the batch's folder; empty when it failed)."""

    file: str
    sha256: str
    status: str
    reason: str = ""
    tables: int = 0
    cells: int = 0
    findings: int = 0
    seconds: float = 0.0
    output: str = ""
    exit_code: int = 0

    def as_row(self) -> tuple[str, ...]:
        """The manifest row, in :data:`MANIFEST_FIELDS` order."""
        return (
            self.file,
            self.sha256,
            self.status,
            self.reason,
            str(self.tables),
            str(self.cells),
            str(self.findings),
            f"{self.seconds:.3f}",
            self.output,
        )


@attrs.frozen
class Result:
    """What a worker sends back: the ``outcome``, the ``document`` in the output format and its
    tidy ``cells`` (CSV rows without the header), both empty when it failed."""

    outcome: Outcome
    document: bytes = b""
    cells: bytes = b""


def failed(file: str, sha256: str, failure: GongkaiError, seconds: float = 0.0) -> Outcome:
    """The outcome of a document that could not be parsed."""
    return Outcome(file, sha256, FAILED, failure.reason, seconds=seconds, exit_code=failure.exit_code)


def process(source: Union[str, bytes], file: str, output: str, options: Options) -> Result:
    """Parse ``source`` (a path, or the document's bytes) reported as ``file``, and write it in
    the output format; never raises for a bad document: its failure is the result."""
    start = time.perf_counter()
    data: Optional[bytes] = None  # None: not read
    try:
        data = source if isinstance(source, bytes) else _read(source, file, options)
        document = parse(
            data,
            name=file,
            max_bytes=options.max_bytes,
            tolerance=options.tolerance,
            **attrs.asdict(options.reader),
        )
        written = io.StringIO()
        Registry.collect(default_plugin_manager()).exporter(options.format).write([document], written)
        cells = io.StringIO()
        writer = csv.writer(cells, lineterminator="\n")
        count = 0
        for record in records(document):
            writer.writerow(record.as_row())
            count += 1
    except GongkaiError as failure:
        return Result(failed(file, _sha256(data), failure, time.perf_counter() - start))
    except Exception as failure:  # a bug must not stop a batch of thousands of documents
        bug = InternalError(file, f"internal error ({type(failure).__name__}: {failure}); please report it")
        return Result(failed(file, _sha256(data), bug, time.perf_counter() - start))
    outcome = Outcome(
        file,
        _sha256(data),
        OK,
        tables=len(document.tables),
        cells=count,
        findings=len(document.findings),
        seconds=time.perf_counter() - start,
        output=output,
    )
    return Result(outcome, written.getvalue().encode("utf-8"), cells.getvalue().encode("utf-8"))


def _read(path: str, file: str, options: Options) -> bytes:
    return load_source(path, file, options.max_bytes)[0]


def _sha256(data: Optional[bytes]) -> str:
    return "" if data is None else hashlib.sha256(data).hexdigest()
