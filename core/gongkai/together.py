"""One disclosure published as several files — the 情况说明 in one, the tables in another — read
and checked as one document."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from decimal import Decimal
from typing import Any, Optional, TypeVar

import attrs
import pluggy

from .canonical import load_spec
from .checks.engine import DEFAULT_TOLERANCE, check
from .pipeline import DEFAULT_MAX_BYTES, Source, parse
from .registrations import (
    DEFAULT_MAX_DEPTH,
    DEFAULT_MAX_INFLATE,
    DEFAULT_MAX_OBJECTS,
    DEFAULT_MAX_PAGES,
    DEFAULT_PDF_ENGINE,
)
from .schema import Document, MissingTable, Provenance
from .settings import Settings

_T = TypeVar("_T")


def _in_file(value: Any, file: str) -> Any:
    """``value`` (a document or a part of one) with every provenance inside it naming ``file``."""
    if isinstance(value, Provenance):
        return attrs.evolve(value, file=value.file or file)
    if isinstance(value, tuple):
        return tuple(_in_file(item, file) for item in value)
    if attrs.has(type(value)):
        changes = {}
        for field in attrs.fields(type(value)):
            item = getattr(value, field.name)
            if isinstance(item, (Provenance, tuple)) or attrs.has(type(item)):
                changes[field.name] = _in_file(item, file)
        return attrs.evolve(value, **changes)
    return value


def _first(values: Sequence[Optional[_T]]) -> Optional[_T]:
    return next((value for value in values if value is not None), None)


def combine(parts: Sequence[Document]) -> Document:
    """``parts`` (each parsed from one file) as one document: their tables and running text in the
    order given, every provenance naming its file, the facts of the part that prints the most
    tables (else the first that states them), and as missing only a table no part prints.

    The parts' own check findings are dropped: check the combined document (:func:`gongkai.check`).
    """
    if not parts:
        raise ValueError("combine needs at least one document")
    spec = load_spec()
    named = [_in_file(part, part.source) for part in parts]
    ordered = sorted(named, key=lambda part: -len(part.tables))  # the tables' reading first
    tables = tuple(table for part in named for table in part.tables)
    unread = tuple(entry for part in named for entry in part.unread)
    present = {spec.standard(table.id) for table in tables} | {entry.table for entry in unread}
    missing: dict[Optional[str], MissingTable] = {}
    for part in named:
        for entry in part.missing:
            if entry.table not in present:
                missing.setdefault(entry.table, entry)
    digest = hashlib.sha256("".join(part.sha256 for part in parts).encode("ascii")).hexdigest()
    return Document(
        source=" + ".join(part.source for part in parts),
        format="+".join(dict.fromkeys(part.format for part in parts)),
        sha256=digest,
        region=ordered[0].region,
        plugin=ordered[0].plugin,
        entity=_first([part.entity for part in ordered]),
        year=_first([part.year for part in ordered]),
        kind=_first([part.kind for part in ordered]),
        scope=_first([part.scope for part in ordered]),
        unit=_first([part.unit for part in ordered]),
        tables=tables,
        missing=tuple(missing.values()),
        unread=unread,
        findings=tuple(f for part in named for f in part.findings if f.check.startswith("parse.")),
        narrative=tuple(line for part in named for line in part.narrative),
        contents=tuple(entry for part in named for entry in part.contents),
    )


def parse_together(
    sources: Sequence[Source],
    *,
    names: Optional[Sequence[str]] = None,
    plugin_manager: Optional[pluggy.PluginManager] = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_pages: int = DEFAULT_MAX_PAGES,
    checks: bool = True,
    tolerance: Decimal = DEFAULT_TOLERANCE,
    settings: Optional[Settings] = None,
    pdf_engine: str = DEFAULT_PDF_ENGINE,
    max_objects: int = DEFAULT_MAX_OBJECTS,
    max_depth: int = DEFAULT_MAX_DEPTH,
    max_inflate: int = DEFAULT_MAX_INFLATE,
) -> Document:
    """Parse the files of one disclosure (e.g. its 情况说明 and its tables) as one document and check
    it as a whole: text against tables, completeness over both. Raises as :func:`gongkai.parse`
    does for the first file that cannot be read. ``names`` are the sources' names in errors and
    output (default: their paths; ``<bytes>`` for bytes)."""
    parts = [
        parse(
            source,
            name=name,
            plugin_manager=plugin_manager,
            max_bytes=max_bytes,
            max_pages=max_pages,
            checks=False,
            settings=settings,
            pdf_engine=pdf_engine,
            max_objects=max_objects,
            max_depth=max_depth,
            max_inflate=max_inflate,
        )
        for source, name in zip(sources, _names(sources, names))
    ]
    document = combine(parts)
    if not checks:
        return document
    findings = check(document, tolerance=tolerance, plugin_manager=plugin_manager)
    return attrs.evolve(document, findings=document.findings + findings)


def _names(sources: Sequence[Source], names: Optional[Sequence[str]]) -> list[Optional[str]]:
    return list(names) if names is not None else [None] * len(sources)
