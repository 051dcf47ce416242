"""The gongkai plugin API: every hook a plugin can implement, with its contract.

This module is the plugin author's reference. A plugin is any module or object with functions
marked ``@gongkai.hookimpl`` and named after the hooks below; a distribution makes it available by
declaring an entry point in the ``gongkai`` group::

    [project.entry-points.gongkai]
    myregion = "gongkai_myregion"

The core's own readers, exporters, region profiles and the national baseline are registered the
same way, so every behaviour of the core can be extended or overridden by a plugin.

Two kinds of hooks:

* **Registration hooks** (``gongkai_readers``, ``gongkai_renderers``, ``gongkai_exporters``,
  ``gongkai_regions``, ``gongkai_checks``) return lists of small frozen records (:mod:`gongkai.registrations`). Two
  records of one kind with the same name (a check: the same id) are an error.
* **Decision hooks** are called while a document is parsed, and only on the plugin of the region
  that claimed the document, on plugins that register no region, and on the core's national
  baseline (:mod:`gongkai.dispatch`): a region plugin never sees another region's documents and
  needs no guard. ``gongkai_identify_table`` and ``gongkai_map_column`` take the first answer
  that is not None (the region's before the national baseline's); ``gongkai_repair_table``,
  ``gongkai_adjust_identities`` and ``gongkai_adjust_phrases`` chain: each implementation gets
  the value as the previous one returned it, so several plugins can contribute.

An implementation may take fewer arguments than the specification names (pluggy passes only those
it asks for). The types are importable from :mod:`gongkai.plugin`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Optional

import pluggy

if TYPE_CHECKING:
    from .canonical import CanonicalTable
    from .checks.identities import Identity
    from .phrases import Phrases
    from .registrations import (
        Check,
        DetectionContext,
        Exporter,
        HeaderCell,
        Reader,
        RegionClaim,
        RegionProfile,
        Renderer,
    )
    from .schema import Document, Identification, Table
    from .segment import TableBlock

PROJECT = "gongkai"

hookspec = pluggy.HookspecMarker(PROJECT)
hookimpl = pluggy.HookimplMarker(PROJECT)


@hookspec
def gongkai_readers() -> Sequence[Reader]:
    """Register input formats.

    Return a list of :class:`~gongkai.registrations.Reader`. For every input the core asks each
    reader's ``sniff`` for its confidence and reads the input with the most confident one, so a
    reader must judge the content, not trust the file name. The core registers its ``text``,
    ``markdown``, ``html`` and ``pdf`` readers this way.

    Example::

        @hookimpl
        def gongkai_readers():
            return [Reader(name="ofd", sniff=sniff_ofd, read=read_ofd, extensions=(".ofd",))]
    """


@hookspec
def gongkai_renderers() -> Sequence[Renderer]:
    """Register formats a disclosure can be printed in again.

    Return a list of :class:`~gongkai.registrations.Renderer`; its ``name`` is what users pass to
    ``gongkai render --to``. A renderer prints a :class:`~gongkai.rendering.sheet.Sheet`: the
    document already laid out in a region's conventions (:class:`~gongkai.registrations.Conventions`),
    so it only decides how headings, paragraphs and tables with spanning headers look in its
    format. Whatever it prints, gongkai's readers must read back as the same tables: the
    round-trip tests of :mod:`gongkai.testing` check that. The core registers ``text``,
    ``markdown``, ``html`` and ``pdf`` this way.

    Example::

        @hookimpl
        def gongkai_renderers():
            return [Renderer(name="tsv", render=render_tsv, extension="tsv")]
    """


@hookspec
def gongkai_exporters() -> Sequence[Exporter]:
    """Register output formats.

    Return a list of :class:`~gongkai.registrations.Exporter`; its ``name`` is what users pass to
    ``gongkai parse --format``. The core registers ``json`` and ``csv`` (the tidy CSV) this way.

    Example::

        @hookimpl
        def gongkai_exporters():
            return [Exporter(name="jsonl", write=write_jsonl, extension="jsonl")]
    """


@hookspec
def gongkai_checks() -> Sequence[Check]:
    """Register checks of parsed documents.

    Return a list of :class:`~gongkai.registrations.Check`. Every registered check runs on every
    parsed document (``gongkai check``, ``gongkai.check``, and ``gongkai parse``, whose output
    includes the findings); a check that does not apply to a document returns no findings. Give
    each check a stable dotted ``id`` (``identity.hierarchy``): users filter and suppress
    findings by it, and the catalogue of checks in the documentation is generated from these
    records. The core's own checks are registered this way.

    Example::

        @hookimpl
        def gongkai_checks():
            return [Check(id="myregion.vehicles", severity=Severity.WARNING,
                          description="车辆数 stated in the text is a whole number.", run=vehicles)]
    """


@hookspec
def gongkai_regions() -> Sequence[RegionProfile]:
    """Register regions described as data.

    Return a list of :class:`~gongkai.registrations.RegionProfile`. A profile alone is enough for
    a region whose documents follow the national layout: the core recognises the region from the
    publishing body's name (its cities and counties), maps the region's table numbering and
    titles to canonical tables, and attributes the document to ``profile.name``. Implement the
    decision hooks below only for what data cannot say.

    Example::

        @hookimpl
        def gongkai_regions():
            return [RegionProfile(name="hainan", province="海南省", cities=("海口市", "三亚市"))]
    """


@hookspec
def gongkai_detect_region(context: DetectionContext, profiles: Sequence[RegionProfile]) -> Optional[RegionClaim]:
    """Claim a document for a region.

    ``context`` holds the publishing body's name (from the cover and the 编制单位/部门/单位 lines)
    and the document's text; never the file name. ``profiles`` are all registered region
    profiles. Return a :class:`~gongkai.registrations.RegionClaim` naming the plugin that should
    interpret the document and the province/city/county, or None. Every implementation is asked;
    the claim with the highest ``score`` wins (ties go to the claim made first). When nobody
    claims the document the national baseline interprets it. A profile's cities and counties
    already claim documents; implement this only for bodies they cannot name.

    Example::

        @hookimpl
        def gongkai_detect_region(context):
            if context.entity and context.entity.startswith("中共中央"):
                return RegionClaim(plugin="central", region=Region(), score=10)
            return None
    """


@hookspec(firstresult=True)
def gongkai_identify_table(block: TableBlock, region: RegionClaim, kind: Optional[str]) -> Optional[Identification]:
    """Say which canonical table a printed table is.

    ``block`` is a table as segmentation found it: its printed title, its printed number
    (``公开01表``, or None), its header and body lines. ``kind`` is the document's kind
    ("final" or "budget", None if unknown). Return an :class:`~gongkai.schema.Identification`
    naming a canonical table of ``spec/tables.toml`` and how it was known, or None to let the next
    implementation decide. First result wins; a profile's numbering and titles answer before the
    national baseline, which matches the national titles last. A table nobody identifies is not a
    standard table and is left out of the document.

    Example::

        @hookimpl
        def gongkai_identify_table(block):
            if block.title.endswith("机关运行经费支出表"):
                return Identification(table="three_public_operating", by=BY_TITLE_VARIANT, confidence=0.9)
            return None
    """


@hookspec(firstresult=True)
def gongkai_map_column(table: CanonicalTable, header: HeaderCell, region: RegionClaim) -> Optional[str]:
    """Map a printed column header to a canonical column of ``table``.

    ``header`` carries the printed header path (outer to inner), the 栏次 number printed under
    the column if any, its position and its side-by-side group ("income"/"expenditure" in the
    summary tables). Return one of ``table.columns``' ids, or None to let the next implementation
    decide. First result wins; the national baseline matches the aliases of ``spec/tables.toml``
    last. A column nobody maps is reported as a finding and its cells are left out.

    Example::

        @hookimpl
        def gongkai_map_column(table, header):
            if table.id == "three_public" and header.path[-1] == "本年执行数":
                return "final"
            return None
    """


@hookspec
def gongkai_repair_table(table: Table, block: TableBlock, region: RegionClaim) -> Optional[Table]:
    """Repair a region's layout quirk in a table the core has built.

    Called once per table after its rows are assembled, as a chain: each implementation receives
    the table as the previous one returned it, the national baseline's repairs last. Return a new
    :class:`~gongkai.schema.Table` (attrs classes are immutable: use ``attrs.evolve``), or None to
    keep the table as it is. Repairs may move, join or relabel rows and cells, never change a
    printed value: every cell keeps its ``raw`` text and provenance. :mod:`gongkai.plugin` has
    helpers for the common quirks (a code and its name printed on separate lines, a table
    printed transposed).

    Example::

        @hookimpl
        def gongkai_repair_table(table):
            return join_code_and_name_rows(table) if table.id == "income" else None
    """


@hookspec
def gongkai_adjust_identities(document: Document, identities: Sequence[Identity]) -> Optional[Sequence[Identity]]:
    """Adjust the accounting identities that the checks verify on ``document``.

    ``identities`` are the table and cross-table identities of ``spec/identities.toml``, as
    :class:`~gongkai.checks.identities.Identity` records. Return the list to verify instead
    (add identities that hold in the region's layout, drop or replace ones that do not; keep
    the ids of those you keep, as findings name them), or None to keep the list as it is.
    Chained: each implementation receives the list as the previous one returned it.

    Example::

        OPERATING = parse_identities('''
        [[identity]]
        id = "myregion.operating-funds"
        kind = "rows"
        table = "three_public_operating"
        total = "机关运行经费"
        parts = ["行政单位", "事业单位"]
        ''')

        @hookimpl
        def gongkai_adjust_identities(identities):
            return [*identities, *OPERATING]
    """


@hookspec
def gongkai_adjust_phrases(document: Document, phrases: Phrases) -> Optional[Phrases]:
    """Adjust the phrases of the 情况说明 that the text checks read on ``document``.

    ``phrases`` are those of ``spec/phrases.toml`` as a :class:`~gongkai.phrases.Phrases`
    record: section headings, the words that restate table cells, word lists (direction words,
    words saying an item is nothing, …). Return the phrases to use instead (typically
    ``attrs.evolve(phrases, …)`` or ``phrases.with_words("more", "多于")``), or None to keep them.
    Chained: each implementation receives the phrases as the previous one returned them.

    Example::

        @hookimpl
        def gongkai_adjust_phrases(phrases):
            return phrases.with_words("more", "多于")
    """
