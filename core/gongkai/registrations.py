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
#: Objects a page may hold: HTML elements, or the glyphs, paths and forms a PDF page draws.
DEFAULT_MAX_OBJECTS = 1_000_000
#: How deep things may nest: HTML elements, PDF forms drawn by forms, references to references.
DEFAULT_MAX_DEPTH = 100
#: Bytes a PDF's compressed streams may inflate to, in all (pdfminer engine).
DEFAULT_MAX_INFLATE = 256 << 20
#: The PDF engine unless one is chosen: pdfminer.six, the reference (pdfium reads the same, faster).
DEFAULT_PDF_ENGINE = "pdfminer"


@attrs.frozen
class Limits:
    """How much a reader may take on, and how it reads: at most ``max_pages`` pages (formats that
    have pages); at most ``max_objects`` objects on a page (HTML elements; glyphs, paths and forms
    a PDF page draws, a form counted each time it is drawn); nothing nested deeper than
    ``max_depth`` (HTML elements, PDF forms drawn by forms, PDF references to references); at
    most ``max_inflate`` bytes inflated from a PDF's compressed streams; and ``pdf_engine``, the
    engine a PDF is read with (``auto``, ``pdfium`` or ``pdfminer``, see
    :mod:`gongkai.readers.pdf.engines`). Readers honour the limits that apply to their format.

    A reader over a limit raises :class:`~gongkai.errors.LimitError`, which names the option
    that raises it. The fields are also :func:`gongkai.parse`'s keyword arguments.

    Example::

        >>> from gongkai.plugin import Limits
        >>> Limits(max_pages=50).max_pages, Limits().max_pages
        (50, 1000)
    """

    max_pages: int = DEFAULT_MAX_PAGES
    max_objects: int = DEFAULT_MAX_OBJECTS
    max_depth: int = DEFAULT_MAX_DEPTH
    max_inflate: int = DEFAULT_MAX_INFLATE
    pdf_engine: str = DEFAULT_PDF_ENGINE


DEFAULT_LIMITS = Limits()


@attrs.frozen
class Reader:
    """An input format.

    ``sniff(data, name)`` returns a confidence from 0 (not this format) to 1 (certainly this
    format) from the content, the file name only breaking ties; ``read(data, name, limits)``
    returns the document's :class:`~gongkai.layout.Layout` within the :class:`Limits`, or raises
    :class:`~gongkai.errors.InputError` (or one of its subclasses).

    Example::

        >>> from gongkai.plugin import Layout, Limits, Line, LineKind, Reader
        >>> def read_csv(data, name, limits):
        ...     line = Line(number=1, kind=LineKind.CELLS, cells=tuple(data.decode().split(",")))
        ...     return Layout(source=name, format="csv", lines=(line,))
        >>> reader = Reader(name="csv", sniff=lambda data, name: float(b"," in data), read=read_csv)
        >>> reader.sniff(b"201,10.00", "a.csv"), reader.read(b"201,10.00", "a.csv", Limits()).lines[0].cells
        (1.0, ('201', '10.00'))
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

    Example::

        >>> from gongkai.plugin import Heading, Renderer, Sheet
        >>> def outline(sheet):
        ...     return " / ".join(block.text for block in sheet.blocks if isinstance(block, Heading)).encode()
        >>> renderer = Renderer(name="outline", render=outline, extension=".txt")
        >>> renderer.render(Sheet(title="部门决算", blocks=(Heading("收入决算表"), Heading("支出决算表")))).decode()
        '收入决算表 / 支出决算表'
    """

    name: str
    render: Callable[[Sheet], bytes]
    extension: str
    media_type: str = "text/plain"
    description: str = ""


@attrs.frozen
class Exporter:
    """An output format: ``write(documents, stream)`` writes parsed documents to a text stream.

    Example::

        >>> import sys
        >>> from gongkai.plugin import Document, Exporter, Region
        >>> def write(documents, stream):
        ...     for document in documents:
        ...         print(document.entity, document.year, sep=",", file=stream)
        >>> names = Exporter(name="names", write=write, extension=".csv", media_type="text/csv")
        >>> names.write([Document(source="a.txt", format="text", sha256="", region=Region(), plugin="hainan",
        ...                       entity="海南省财政厅", year=2023, kind="final", scope=None, unit="万元", tables=())],
        ...             sys.stdout)
        海南省财政厅,2023
    """

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

    Example::

        >>> from decimal import Decimal
        >>> from gongkai.plugin import CheckContext
        >>> context = CheckContext(tolerance=Decimal("0.5"))
        >>> context.tolerance, CheckContext().tolerance, "more" in context.phrases.words
        (Decimal('0.5'), Decimal('0.01'), True)
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

    Example::

        >>> from gongkai.plugin import Check, CheckContext, Document, Finding, Region, Severity
        >>> def dated(document, context):
        ...     return [] if document.year else [Finding("hainan.year", Severity.WARNING, "未注明年度")]
        >>> check = Check(id="hainan.year", severity=Severity.WARNING, description="文件注明年度。", run=dated)
        >>> undated = Document(source="a.txt", format="text", sha256="", region=Region(), plugin="hainan",
        ...                    entity=None, year=None, kind=None, scope=None, unit=None, tables=())
        >>> [finding.message for finding in check.run(undated, CheckContext())], check.tolerance
        (['未注明年度'], 'exact')
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

    Example::

        >>> from decimal import Decimal
        >>> from gongkai.plugin import Conventions
        >>> conventions = Conventions(line_numbers=True, thousands=True, zero="")
        >>> conventions.amount(Decimal("12345.6")), conventions.amount(Decimal("0"))
        ('12,345.60', '')
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

    Example::

        >>> from gongkai.plugin import Conventions, RegionProfile, national_numbering
        >>> final = national_numbering("final", {"07": "three_public_operating"})
        >>> profile = RegionProfile(name="hainan", province="海南省", cities=("海口市", "三亚市"),
        ...                         numbering={"final": final}, conventions=Conventions(line_numbers=True))
        >>> profile.numbering["final"]["07"], profile.numbering["final"]["03"], profile.settings
        ('three_public_operating', 'expenditure', None)
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

    Example::

        >>> from gongkai.plugin import Region, RegionClaim
        >>> claim = RegionClaim(plugin="hainan", region=Region(province="海南省", city="海口市"), score=10)
        >>> claim.region.path(), claim.score, claim.profile
        ('海南省/海口市', 10, None)
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

    Example::

        >>> from gongkai.plugin import DetectionContext
        >>> context = DetectionContext(entity="海口市财政局", cover="海口市财政局2023年部门决算", text="")
        >>> "海口市" in (context.entity or context.cover)
        True
    """

    entity: Optional[str]
    cover: str
    text: str


@attrs.frozen
class HeaderCell:
    """A printed column header: its header path (outer to inner), the 栏次 number printed under it
    (if any), its position among the table's cells, and its side-by-side group name.

    Example::

        >>> from gongkai.plugin import HeaderCell
        >>> header = HeaderCell(path=("本年支出", "基本支出"), ordinal="2", position=3)
        >>> header.path[-1], header.ordinal, header.group
        ('基本支出', '2', None)
    """

    path: tuple[str, ...]
    ordinal: Optional[str] = None
    position: Optional[int] = None
    group: Optional[str] = None
