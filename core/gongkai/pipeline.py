"""From bytes to a :class:`~gongkai.schema.Document`: read, segment, detect, identify, build."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Sequence
from decimal import Decimal
from pathlib import Path
from typing import BinaryIO, Optional, Union

import attrs
import pluggy

from .assembly import TableBuilder
from .canonical import CanonicalTable, load_spec, normalise_title
from .checks.engine import DEFAULT_TOLERANCE, check
from .dispatch import RegionHooks, region_hooks
from .errors import InputError, LimitError, NotADisclosureError
from .identification import Identification
from .identify import as_printed, by_contents, identification
from .inventory import contents_of, missing_from, unread_of
from .layout import Layout
from .manager import Registry, default_plugin_manager
from .metadata import Facts, document_unit, read_facts
from .readers.decoding import is_blank
from .regions.names import split_admin_name
from .regions.national import NAME as NATIONAL
from .registrations import (
    DEFAULT_LIMITS,
    DEFAULT_MAX_DEPTH,
    DEFAULT_MAX_INFLATE,
    DEFAULT_MAX_OBJECTS,
    DEFAULT_MAX_PAGES,
    DEFAULT_PDF_ENGINE,
    DetectionContext,
    HeaderCell,
    Limits,
    RegionClaim,
    RegionProfile,
)
from .schema import Document, Finding, Provenance, Severity, Table, TextLine
from .segment import TableBlock, TocEntry, narrative, segment
from .settings import Settings, using
from .settings import current as current_settings
from .titles import read_title

Source = Union[str, "os.PathLike[str]", bytes]

DEFAULT_MAX_BYTES = 200 * 1024 * 1024


def _mib(size: int) -> str:
    """A size for a message: in MiB, with as many decimals as it takes not to show 0 for a non-zero size."""
    mib = size / 1048576
    if mib >= 10 or mib == int(mib):
        return f"{mib:.0f} MiB"
    if mib >= 0.01:
        return f"{mib:.2f} MiB"
    return f"{size} bytes"


def _read_within(stream: BinaryIO, max_bytes: int) -> bytes:
    """All of ``stream``, or its first ``max_bytes`` and one when it holds more: a device or a
    FIFO (/dev/zero) has no size to check first. Read a chunk at a time, so that no buffer of
    the limit's size is reserved for a small file."""
    chunks: list[bytes] = []
    size = 0
    while size <= max_bytes and (chunk := stream.read(min(1 << 20, max_bytes + 1 - size))):
        chunks.append(chunk)
        size += len(chunk)
    return b"".join(chunks)


def load_source(source: Source, name: Optional[str], max_bytes: int) -> tuple[bytes, str]:
    """The bytes of ``source`` and the name to report it by; InputError when it cannot be read,
    LimitError when it is over ``max_bytes`` (a file's size is checked before it is read, and no
    more than ``max_bytes`` and one are ever read)."""
    if isinstance(source, bytes):
        data, label = source, name or "<bytes>"
    else:
        path = Path(source)
        label = name or str(source)
        try:
            size = path.stat().st_size
            if size > max_bytes:
                raise LimitError(
                    label, f"the file is {_mib(size)}, over the limit of {_mib(max_bytes)} (raise it with --max-size)"
                )
            with path.open("rb") as stream:
                data = _read_within(stream, max_bytes)
        except IsADirectoryError:
            raise InputError(label, "is a directory, not a file") from None
        except FileNotFoundError:
            raise InputError(label, "no such file") from None
        except PermissionError:
            raise InputError(label, "permission denied") from None
        except OSError as error:
            raise InputError(label, f"cannot be read ({error.strerror or error})") from None
    if len(data) > max_bytes:
        raise LimitError(label, f"the input is over the limit of {_mib(max_bytes)} (raise it with --max-size)")
    return data, label


def read_layout(data: bytes, source: str, registry: Registry, limits: Limits = DEFAULT_LIMITS) -> Layout:
    """The layout of ``data`` read, within ``limits``, by the reader most confident it knows the format."""
    scored = [
        (registered.record.sniff(data, source), index, registered.record)
        for index, registered in enumerate(registry.readers)
    ]
    scored.sort(key=lambda item: (-item[0], item[1]))
    if not scored or scored[0][0] <= 0:
        if is_blank(data):
            raise InputError(source, "the file is empty")
        raise InputError(source, "not a document format gongkai can read (no reader recognises it)")
    return scored[0][2].read(data, source, limits)


def _title_predicate(profiles: Sequence[RegionProfile]) -> Callable[[str], bool]:
    titles = {
        normalise_title(title) for table in load_spec().tables for kind in table.titles.values() for title in kind
    }
    titles |= {normalise_title(title) for profile in profiles for title in profile.titles}
    return lambda text: normalise_title(text) in titles


def detect_region(hook: pluggy.HookRelay, facts: Facts, profiles: Sequence[RegionProfile]) -> RegionClaim:
    """The highest-scoring claim on the document, or the national baseline's."""
    context = DetectionContext(entity=facts.entity, cover=facts.cover, text=facts.text)
    claims = [claim for claim in hook.gongkai_detect_region(context=context, profiles=tuple(profiles)) if claim]
    if claims:
        return max(claims, key=lambda claim: claim.score)
    return RegionClaim(plugin=NATIONAL, region=split_admin_name(facts.entity or ""), score=0)


def _duplicate_columns(table: Table) -> list[Finding]:
    findings = []
    for row in table.rows:
        seen: set[str] = set()
        for cell in row.cells:
            if cell.column in seen:
                findings.append(
                    Finding(
                        check="parse.ambiguous-column",
                        severity=Severity.WARNING,
                        message=f"{table.title}“{row.label or row.code}”行有两个金额对应同一栏目 {cell.column}",
                        table=table.id,
                        row=row.code or row.label,
                        column=cell.column,
                        provenance=cell.provenance,
                    )
                )
            seen.add(cell.column)
    return findings


def _aligned(found: Sequence[Optional[Identification]], listed: Sequence[str], kind: Optional[str]) -> bool:
    """True if the contents list the printed tables one for one: as many, and every table
    identified otherwise is the one the contents list at its place."""
    if len(listed) != len(found) or not any(found):
        return False
    for position, answer in enumerate(found):
        named = by_contents(position, listed, kind)
        if answer is not None and (named is None or named.table != answer.table):
            return False
    return True


def identify_blocks(
    blocks: Sequence[TableBlock],
    toc: Sequence[TocEntry],
    claim: RegionClaim,
    kind: Optional[str],
    hook: RegionHooks,
) -> list[Optional[Identification]]:
    """Which canonical table each block is: the plugins' answer (the national baseline's last),
    else the block's place in the table of contents when it lists as many tables as are printed."""
    found = [identification(hook.gongkai_identify_table(block=block, region=claim, kind=kind)) for block in blocks]
    listed = [entry.title for entry in toc if read_title(entry.title) is not None]
    if _aligned(found, listed, kind):
        found = [answer or by_contents(position, listed, kind) for position, answer in enumerate(found)]
    return [None if answer is None else as_printed(answer, block.body) for answer, block in zip(found, blocks)]


def build_tables(
    blocks: Sequence[TableBlock],
    claim: RegionClaim,
    kind: Optional[str],
    hook: RegionHooks,
    toc: Sequence[TocEntry] = (),
) -> tuple[list[Table], list[Finding]]:
    """Identify each block through the plugins and build the standard ones."""
    spec = load_spec()

    def map_column(table: CanonicalTable, header: HeaderCell) -> Optional[str]:
        return hook.gongkai_map_column(table=table, header=header, region=claim)

    tables: list[Table] = []
    findings: list[Finding] = []
    for block, found in zip(blocks, identify_blocks(blocks, toc, claim, kind, hook)):
        if found is None:
            continue
        builder = TableBuilder(block, spec.table(found.table), map_column, kind)
        table = attrs.evolve(builder.build(), identification=found)
        table = hook.gongkai_repair_table(table=table, block=block, region=claim)
        tables.append(table)
        findings.extend(builder.findings)
        findings.extend(_duplicate_columns(table))
    return tables, findings


def parse(
    source: Source,
    *,
    name: Optional[str] = None,
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
    """Parse a disclosure from a path or bytes into a :class:`~gongkai.schema.Document`.

    ``name`` overrides the source name reported in errors and output. The document's findings
    are those of parsing and, unless ``checks`` is False, of every registered check (with
    ``tolerance`` per addend, see :func:`gongkai.check`). Inputs over ``max_bytes`` bytes, or
    over a reader's limits (``max_pages``, ``max_objects``, ``max_depth``, ``max_inflate``: see
    :class:`~gongkai.registrations.Limits`) raise :class:`~gongkai.errors.LimitError`. Raises
    :class:`~gongkai.errors.InputError` when the input cannot be read and
    :class:`~gongkai.errors.NotADisclosureError` when nothing in it is recognised: no standard
    table, no title of one, and no cover saying it is a disclosure (a 情况说明 published apart
    from its tables is parsed, with no tables). ``settings``
    are the layout thresholds to read it with (default: those in force,
    :data:`gongkai.settings.DEFAULT` unless a caller chose others). ``pdf_engine`` reads a PDF:
    ``pdfminer`` (the default, the reference), ``pdfium`` (pypdfium2, faster) or ``auto`` (pdfium
    where installed).
    """
    limits = Limits(max_pages, max_objects, max_depth, max_inflate, pdf_engine)
    with using(settings or current_settings()):
        return _parse(source, name, plugin_manager, max_bytes, limits, checks, tolerance, settings is None)


@attrs.frozen
class _Read:
    """A document read and cut into blocks, before any region interprets it."""

    layout: Layout
    blocks: list[TableBlock]
    toc: list[TocEntry]
    facts: Facts
    is_title: Callable[[str], bool]


def _read(data: bytes, label: str, registry: Registry, limits: Limits) -> _Read:
    layout = read_layout(data, label, registry, limits)
    is_title = registry.cached(
        "titles", lambda: _title_predicate([registered.record for registered in registry.regions])
    )
    blocks, toc = segment(layout, is_title)
    return _Read(layout, blocks, toc, read_facts(layout, blocks), is_title)


def _parse(
    source: Source,
    name: Optional[str],
    plugin_manager: Optional[pluggy.PluginManager],
    max_bytes: int,
    limits: Limits,
    checks: bool,
    tolerance: Decimal,
    region_settings: bool = True,
) -> Document:
    """Read, claim and build the document; with ``region_settings``, a claimed region's own
    layout settings read it again."""
    manager = plugin_manager or default_plugin_manager()
    registry = Registry.collect(manager)
    data, label = load_source(source, name, max_bytes)
    read = _read(data, label, registry, limits)
    claim = detect_region(manager.hook, read.facts, [registered.record for registered in registry.regions])
    own = claim.profile.settings if claim.profile is not None else None
    if region_settings and own is not None and own != current_settings():
        with using(own):
            return _interpret(_read(data, label, registry, limits), claim, manager, data, label, checks, tolerance)
    return _interpret(read, claim, manager, data, label, checks, tolerance)


def _interpret(
    read: _Read,
    claim: RegionClaim,
    manager: pluggy.PluginManager,
    data: bytes,
    label: str,
    checks: bool,
    tolerance: Decimal,
) -> Document:
    """The document as the claimed region reads ``read``, checked unless ``checks`` is False."""
    layout, blocks, toc, facts = read.layout, read.blocks, read.toc, read.facts
    hooks = region_hooks(manager, claim.plugin)
    built, findings = build_tables(blocks, claim, facts.kind, hooks, toc)
    running_text = narrative(layout, blocks, toc)
    tables, unread = unread_of(running_text, blocks, built, claim, facts.kind, hooks, read.is_title)
    if not tables and not unread and not facts.disclosure:
        raise NotADisclosureError(
            label, "no standard budget or final-accounts table found (not a 部门预算/决算 disclosure?)"
        )
    used = [block for block in blocks if any(table.provenance.line == block.title_line.number for table in tables)]
    contents = contents_of(toc, claim, facts.kind, hooks)
    document = Document(
        source=label,
        format=layout.format,
        sha256=hashlib.sha256(data).hexdigest(),
        region=claim.region,
        plugin=claim.plugin,
        entity=facts.entity,
        year=facts.year,
        kind=facts.kind,
        scope=facts.scope,
        unit=document_unit(used),
        tables=tuple(tables),
        missing=tuple(missing_from(contents, tables, unread)),
        unread=tuple(unread),
        findings=tuple(findings),
        narrative=tuple(
            TextLine(text=line.text.strip(), provenance=Provenance(page=line.page, line=line.number, bbox=line.box(0)))
            for line in running_text
        ),
        contents=tuple(contents),
    )
    if not checks:
        return document
    return attrs.evolve(
        document, findings=document.findings + check(document, tolerance=tolerance, plugin_manager=manager)
    )
