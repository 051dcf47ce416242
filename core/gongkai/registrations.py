"""The small frozen records that plugins register: readers, renderers, exporters, checks and region
profiles.

A registration hook returns a list of these; the plugin manager rejects two records of one kind
with the same name.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Optional, TextIO

import attrs

from .phrases import Phrases, load_phrases
from .schema import Region, Severity
from .settings import Settings

if TYPE_CHECKING:
    from .layout import Layout
    from .rendering.sheet import Sheet
    from .schema import Document, Finding


DEFAULT_MAX_PAGES = 1000


@attrs.frozen
class Limits:
    """How much a reader may take on: at most ``max_pages`` pages (formats that have pages).

    A reader over a limit raises :class:`~gongkai.errors.LimitError`, which names the option
    that raises it.
    """

    max_pages: int = DEFAULT_MAX_PAGES


DEFAULT_LIMITS = Limits()


@attrs.frozen
class Reader:
    """An input format.

    ``sniff(data, name)`` returns a confidence from 0 (not this format) to 1 (certainly this
    format) from the content, the file name only breaking ties; ``read(data, name, limits)``
    returns the document's :class:`~gongkai.layout.Layout` within the :class:`Limits`, or raises
    :class:`~gongkai.errors.InputError` (or one of its subclasses).
    """

    name: str
    sniff: Callable[[bytes, str], float]
    read: Callable[[bytes, str, Limits], Layout]
    extensions: tuple[str, ...] = ()
    description: str = ""


@attrs.frozen
class Renderer:
    """An output format that prints a disclosure again, as a person would read it.

    ``render(sheet)`` returns the bytes of a :class:`~gongkai.rendering.sheet.Sheet` (the document
    laid out in a region's conventions: headings, paragraphs and tables with spanning headers)
    printed in this format. ``name`` is what users pass to ``gongkai render --to``.
    """

    name: str
    render: Callable[[Sheet], bytes]
    extension: str
    media_type: str = "text/plain"
    description: str = ""


@attrs.frozen
class Exporter:
    """An output format: ``write(documents, stream)`` writes parsed documents to a text stream."""

    name: str
    write: Callable[[Sequence[Document], TextIO], None]
    extension: str
    media_type: str = "text/plain"
    description: str = ""


@attrs.frozen
class CheckContext:
    """What a check may rely on besides the document.

    ``tolerance`` is the rounding difference allowed per addend, in the document's unit (万元
    tables are rounded from 元, so 0.01 per addend by default). ``identities`` are the table and
    cross-table identities that hold for this document (:mod:`gongkai.checks.identities`), as the
    region plugin adjusted them. ``profiles`` are the registered region profiles. ``phrases``
    are the words of the 情况说明 the text checks read (``spec/phrases.toml``), as the region
    plugin adjusted them; by default the shipped ones.
    """

    tolerance: Decimal = Decimal("0.01")
    identities: tuple = ()
    profiles: tuple[RegionProfile, ...] = ()
    phrases: Phrases = attrs.field(factory=load_phrases)


@attrs.frozen
class Check:
    """A check of a parsed document.

    ``run(document, context)`` returns the :class:`~gongkai.schema.Finding` s of the check, each
    carrying the check's ``id``; an empty result means the document passes. ``severity`` is the
    severity of a violation; ``tolerance`` says in words what the check lets pass. A check must
    not raise on a document it cannot judge (a table it needs is missing): it returns nothing.
    """

    id: str
    severity: Severity
    description: str
    run: Callable[[Document, CheckContext], Iterable[Finding]]
    tolerance: str = "exact"


@attrs.frozen
class Conventions:
    """How a region prints its tables, beyond its numbering and titles.

    ``line_numbers``: tables without classification codes print a 行次 column; ``column_numbers``:
    tables print a 栏次 row numbering their amount columns (in ``column_order``, when the region
    orders a table's columns its own way); ``split_codes``: codes print as 类/款/项 columns;
    ``thousands`` and ``zero``: how amounts print (``zero`` is the text of a zero amount, "0.00"
    or "" for blank); ``economic_groups``: how many (code, name, amount) groups economic tables
    print side by side; ``headers`` maps a canonical table id and column id to the header path
    the region prints over that column ("本年支出/合计"), where it is not the canonical label.
    Renderers follow the layout conventions; generators of test documents (:mod:`gongkai.testing`)
    follow all of them.
    """

    line_numbers: bool = False
    column_numbers: bool = False
    split_codes: bool = False
    thousands: bool = False
    zero: str = "0.00"
    economic_groups: int = 2
    column_order: Mapping[str, tuple[str, ...]] = attrs.field(factory=dict, hash=False)
    headers: Mapping[str, Mapping[str, str]] = attrs.field(factory=dict, hash=False)

    def amount(self, value: Decimal) -> str:
        """``value`` printed as the region prints amounts (two decimals; zero as ``zero``)."""
        if not value:
            return self.zero
        return f"{value:,.2f}" if self.thousands else f"{value:.2f}"


@attrs.frozen
class RegionProfile:
    """What gongkai needs to know about one region's disclosures, as plain data.

    ``cities`` are the prefecture-level names used to recognise the region in the publishing
    body's name (``泉州市``); ``counties`` optionally lists county-level names that may appear
    without their city. ``numbering`` maps a document kind ("final" or "budget") to the region's
    printed table numbers (``"01"`` for 公开01表) and their canonical table ids; ``titles`` maps
    printed titles peculiar to the region to canonical table ids. ``conventions`` says how the
    region prints its tables, for renderers and test generators. ``settings`` are the layout
    thresholds the region's documents are read with (None: those in force); a document the region
    claims is read again with them, unless the caller of :func:`gongkai.parse` chose settings.
    """

    name: str
    province: str
    cities: tuple[str, ...] = ()
    counties: tuple[str, ...] = ()
    numbering: Mapping[str, Mapping[str, str]] = attrs.field(factory=dict, hash=False)
    titles: Mapping[str, str] = attrs.field(factory=dict, hash=False)
    description: str = ""
    conventions: Conventions = Conventions()
    settings: Optional[Settings] = None


@attrs.frozen
class RegionClaim:
    """A claim on a document: which plugin interprets it, its region, how sure (higher wins).

    ``profile`` is the claiming region's profile when the claim was made from one.
    """

    plugin: str
    region: Region
    score: int = 0
    profile: Optional[RegionProfile] = None


@attrs.frozen
class DetectionContext:
    """What region detection may look at: the publishing body's name and the document's text.

    ``cover`` is the opening of the document with white space removed; ``text`` the whole text.
    Detection never sees the file name.
    """

    entity: Optional[str]
    cover: str
    text: str


@attrs.frozen
class HeaderCell:
    """A printed column header: its header path (outer to inner), the 栏次 number printed under it
    (if any), its position among the table's cells, and its side-by-side group name."""

    path: tuple[str, ...]
    ordinal: Optional[str] = None
    position: Optional[int] = None
    group: Optional[str] = None
