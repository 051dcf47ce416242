"""One line per document that says at a glance what was read: its kind, how many of the tables its
kind requires were recognised, how many cells, and its findings by severity.

    js2019_rd_tables.pdf: budget 2019, 12 of 12 required tables (12 read), 1041 cells; 0 errors, 3 warnings, 0 info

Tables printed but not read, columns not understood and checks not made are counted where any.
"""

from __future__ import annotations

from typing import Optional

import pluggy

from .canonical import load_spec
from .checks.completeness import required_tables
from .manager import Registry, default_plugin_manager
from .schema import Document, Severity


def _plural(count: int, word: str) -> str:
    return f"{count} {word if count == 1 else word + 's'}"


def summary_line(document: Document, plugin_manager: Optional[pluggy.PluginManager] = None) -> str:
    """The document's summary line (no line break): kind and year, required tables recognised,
    tables read, cells, and findings by severity."""
    manager = plugin_manager or default_plugin_manager()
    profiles = [entry.record for entry in Registry.collect(manager).regions]
    spec = load_spec()
    required = required_tables(document, profiles)
    present = {spec.standard(table.id) for table in document.tables}
    recognised = sum(1 for table_id in required if table_id in present)
    coverage = [table.coverage for table in document.tables]
    read = [f"{len(document.tables)} read"]
    if document.unread:
        read.append(f"{len(document.unread)} printed but not read")
    cells = _plural(sum(c.cells for c in coverage), "cell")
    not_understood = sum(len(c.not_understood) for c in coverage)
    if not_understood:
        cells += f", {_plural(not_understood, 'column')} not understood"
    tally = {severity: sum(1 for f in document.findings if f.severity is severity) for severity in Severity}
    findings = (
        f"{_plural(tally[Severity.ERROR], 'error')}, {_plural(tally[Severity.WARNING], 'warning')}, "
        f"{tally[Severity.INFO]} info"
    )
    skipped = sum(1 for f in document.findings if not f.checked)
    if skipped:
        findings += f" ({skipped} not checked)"
    what = " ".join(str(part) for part in (document.kind or "unknown kind", document.year) if part)
    tables = f"{recognised} of {len(required)} required tables" if required else "no required set"
    return f"{document.source}: {what}, {tables} ({', '.join(read)}), {cells}; {findings}"
