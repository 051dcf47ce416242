"""What a document says about its tables beyond those read: the entries of its 目录 (and the table
each names), the tables the 目录 lists that are not printed, and the standard tables whose title
is printed over something that was not read."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Optional

from .canonical import load_spec
from .dispatch import RegionHooks
from .identification import BY_NUMBER, BY_TITLE, BY_TITLE_VARIANT, Identification
from .identify import identification
from .layout import Line
from .registrations import RegionClaim
from .schema import ContentsEntry, MissingTable, Provenance, Table, UnreadTable
from .segment import TableBlock, TocEntry
from .settings import current as current_settings
from .titles import number_line, read_title


def named(
    title: str, line: Line, claim: RegionClaim, kind: Optional[str], hook: RegionHooks
) -> Optional[Identification]:
    """Which table a title printed alone on ``line`` (a 目录 entry, a line of text) names, if any."""
    block = TableBlock(title=title, title_line=line)
    return identification(hook.gongkai_identify_table(block=block, region=claim, kind=kind))


def contents_of(
    toc: Sequence[TocEntry], claim: RegionClaim, kind: Optional[str], hook: RegionHooks
) -> list[ContentsEntry]:
    """The 目录's entries, each with the standard table its title names: by the title's words, so
    that the number printed with them is the entry's claim about the table, not what names it
    (by the whole entry only where the words name nothing)."""
    spec = load_spec()
    contents = []
    for entry in toc:
        found = named(entry.words, entry.line, claim, kind, hook) if entry.words else None
        if found is None and entry.words != entry.title:
            found = named(entry.title, entry.line, claim, kind, hook)
        contents.append(
            ContentsEntry(
                title=entry.words or entry.title,
                number=entry.number if entry.words else None,
                number_value=entry.number_value if entry.words else None,
                page=entry.page,
                table=spec.standard(found.table) if found is not None else None,
                provenance=Provenance(page=entry.line.page, line=entry.line.number, bbox=entry.line.box(0)),
            )
        )
    return contents


def missing_from(
    contents: Sequence[ContentsEntry], tables: Sequence[Table], unread: Sequence[UnreadTable]
) -> list[MissingTable]:
    """Tables the 目录 lists that the body neither prints as read tables nor names unread."""
    spec = load_spec()
    present = {spec.standard(table.id) for table in tables} | {table.table for table in unread}
    missing: list[MissingTable] = []
    for entry in contents:
        table_id = entry.table
        if table_id is not None and table_id not in present and table_id not in {m.table for m in missing}:
            provenance = Provenance(entry.provenance.page, entry.provenance.line)
            missing.append(MissingTable(title=entry.printed, table=table_id, provenance=provenance))
    return missing


_EXACTLY = frozenset({BY_TITLE, BY_NUMBER})
_READ_OFF_THE_PAGE = _EXACTLY | {BY_TITLE_VARIANT}


def unread_of(
    lines: Sequence[Line],
    blocks: Sequence[TableBlock],
    built: Sequence[Table],
    claim: RegionClaim,
    kind: Optional[str],
    hook: RegionHooks,
    is_title: Callable[[str], bool] = lambda text: False,
) -> tuple[list[Table], list[UnreadTable]]:
    """The tables read, and the standard tables whose title the document prints but which were not
    read: a title over nothing read (no column, no row, no note: a picture, a layout not
    understood), or a line of the running text or the title of a block no plugin identified that
    names a table by its printed title or number while no table of that kind was read. A line
    of running text is asked about only when it is shaped like a title (see
    :func:`~gongkai.titles.read_title`; or ``is_title``, a title the spec or a region lists) or
    is a table number alone."""
    spec = load_spec()
    tables = [table for table in built if table.rows or table.columns or table.notes]
    unread = [
        UnreadTable(title=table.title, table=table.id, provenance=table.provenance)
        for table in built
        if table not in tables
    ]
    present = {spec.standard(table.id) for table in built}
    titled = {table.provenance.line for table in built}
    limit = current_settings().max_title
    # a line of running text names a table only by its exact title or number; the words of a
    # title variant are also those of a sentence about the table (详见单位的项目绩效目标表)
    candidates = [(line, _EXACTLY) for line in lines if _may_name(line.text.strip(), limit, is_title)]
    candidates += [(block.title_line, _READ_OFF_THE_PAGE) for block in blocks if block.title_line.number not in titled]
    for line, trusted in sorted(candidates, key=lambda candidate: candidate[0].number):
        found = named(line.text.strip(), line, claim, kind, hook)
        if found is None or found.by not in trusted:
            continue
        table_id = spec.standard(found.table)
        if table_id not in present and table_id not in {u.table for u in unread}:
            unread.append(
                UnreadTable(title=line.text.strip(), table=table_id, provenance=Provenance(line.page, line.number))
            )
    return tables, unread


def _may_name(text: str, limit: int, is_title: Callable[[str], bool]) -> bool:
    """Whether a line of running text can name a table by its exact title or number: most
    lines are sentences, and asking every plugin about each would cost more than the rest."""
    if not text or len(text) > limit:
        return False
    return read_title(text) is not None or number_line(text) is not None or is_title(text)
