"""A batch's output folder: one output per document, the combined ``cells.csv`` and
``manifest.csv``, and the state that lets a run that was stopped continue.

Layout (``NAME`` is the input's name, see :class:`gongkai.inputs.Input`)::

    OUTDIR/NAME.json              the document in the output format (.csv, ... for others)
    OUTDIR/cells.csv              every document's tidy rows, under one header
    OUTDIR/manifest.csv           one line per document: file, sha256, status, reason, ...
    OUTDIR/.gongkai/cells/NAME.csv    the document's tidy rows (no header)
    OUTDIR/.gongkai/done/NAME.json    its manifest line, sha256 and the options' fingerprint

A document's outputs are written first and its ``done`` record last, each atomically, so a run
killed at any moment leaves every document either done, with all its files, or to be done again.
"""

from __future__ import annotations

import csv
import glob
import io
import json
import shutil
from collections.abc import Iterable
from pathlib import Path
from typing import Optional

import attrs

from ..errors import LimitError
from ..files import atomic_writer, partial_files, replace_atomically
from ..tidy import FIELDS
from .job import MANIFEST_FIELDS, OK, Options, Outcome, Result

STATE = ".gongkai"


class Folder:
    """The output folder of a batch at ``root``, created if need be."""

    def __init__(self, root: Path) -> None:
        self.root = root
        root.mkdir(parents=True, exist_ok=True)

    def clean(self) -> int:
        """Remove what writes interrupted by a kill left behind; the number of files removed."""
        removed = 0
        for path in partial_files(self.root):
            path.unlink()
            removed += 1
        return removed

    def done(self, name: str, sha256: str, options: Options) -> Optional[Outcome]:
        """The outcome recorded for the input ``name`` if its bytes (``sha256``) and the options'
        fingerprint are those it was done with (and its limits too, if it went over one) and its
        files are all there; else None."""
        if not sha256:
            return None
        try:
            record = json.loads(self._done(name).read_text(encoding="utf-8"))
            outcome = Outcome(**record["outcome"])
        except (OSError, ValueError, KeyError, TypeError):
            return None
        if record.get("fingerprint") != options.fingerprint() or outcome.sha256 != sha256:
            return None
        if outcome.exit_code == LimitError.exit_code and record.get("limits") != options.limits():
            return None
        if outcome.status == OK and not ((self.root / outcome.output).is_file() and self._cells(name).is_file()):
            return None
        return outcome

    def record(self, name: str, result: Result, options: Options) -> None:
        """Keep a document's result: its output and tidy rows, then its done record."""
        outcome = result.outcome
        cells = self._cells(name)
        if outcome.status == OK:
            _write(self.root / outcome.output, result.document)
            _write(cells, result.cells)
        else:  # outputs of an earlier run with other bytes or options are not this document's
            for stale in self.root.glob(glob.escape(name) + ".*"):
                stale.unlink()
            cells.unlink(missing_ok=True)
        record = {"fingerprint": options.fingerprint(), "limits": options.limits(), "outcome": attrs.asdict(outcome)}
        _write(self._done(name), json.dumps(record, ensure_ascii=False).encode("utf-8"))

    def finish(self, names: Iterable[str], outcomes: Iterable[Outcome]) -> None:
        """Write ``cells.csv`` (the named documents' rows, in order) and ``manifest.csv``."""
        with atomic_writer(self.root / "cells.csv") as stream:
            stream.write(_csv_line(FIELDS))
            for name in names:
                cells = self._cells(name)
                if cells.is_file():
                    with cells.open("rb") as rows:
                        shutil.copyfileobj(rows, stream)
        manifest = io.StringIO()
        writer = csv.writer(manifest, lineterminator="\n")
        writer.writerow(MANIFEST_FIELDS)
        writer.writerows(outcome.as_row() for outcome in outcomes)
        replace_atomically(self.root / "manifest.csv", manifest.getvalue().encode("utf-8"))

    def _cells(self, name: str) -> Path:
        return self.root / STATE / "cells" / f"{name}.csv"

    def _done(self, name: str) -> Path:
        return self.root / STATE / "done" / f"{name}.json"


def _write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    replace_atomically(path, data)


def _csv_line(fields: Iterable[str]) -> bytes:
    line = io.StringIO()
    csv.writer(line, lineterminator="\n").writerow(fields)
    return line.getvalue().encode("utf-8")
